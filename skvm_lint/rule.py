"""The rule framework: the :class:`Rule` base class, discovery of ``rules/``, and selection.

A rule is one file in ``rules/`` holding one :class:`Rule` subclass. The file's docstring is its documentation, in
Markdown with the sections ``What it does``, ``Why it matters``, ``Example`` and ``Fix``; ``skvm-lint explain``,
``docs/rules.md`` and SARIF rule metadata are all generated from it.
"""

from __future__ import annotations

import importlib.util
import inspect
import re
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Iterable

from msgspec import Struct, field

from .diagnostics import Applicability, Diagnostic, Fix, Severity, printable

if TYPE_CHECKING:  # the model and analyses load when a rule needs them: `--help` and warm hub scans never do
    from .analyses import SkillFacts
    from .model import Skill, Span

DOC_SECTIONS = ("What it does", "Why it matters", "Example", "Fix")
RULE_ID = re.compile(r"^[A-Z]{2,4}\d{3}$")


class RuleError(Exception):
    """A rule file is malformed (raised at discovery, so a broken rule never runs half-registered)."""


class RuleContext(Struct):
    """What a rule may consult besides the skill: the skill's analyses (computed on first access), per-rule
    options and the target profile."""

    facts: SkillFacts | None = None  # None only for library rules, which read the library instead
    options: dict[str, Any] = field(default_factory=dict)
    target: Any = None  # the target Profile (--target), or None


class Option(Struct, frozen=True):
    """A setting of one rule, set in ``[tool.skvm-lint.rules.<ID>]``: its type is checked when the config is used."""

    name: str
    kind: type  # str, int, bool or list (of strings)
    default: Any
    help: str

    def describe(self) -> str:
        kind = "list of strings" if self.kind is list else self.kind.__name__
        return f"`{self.name}` ({kind}, default `{self.default!r}`): {self.help}"

    def accepts(self, value: Any) -> bool:
        if self.kind is list:
            return isinstance(value, list) and all(isinstance(v, str) for v in value)
        if self.kind is int:
            return isinstance(value, int) and not isinstance(value, bool)
        return isinstance(value, self.kind)


class Rule:
    """Base class of every rule. Subclasses set the class attributes and implement :meth:`check`."""

    id: ClassVar[str]
    name: ClassVar[str]
    groups: ClassVar[tuple[str, ...]] = ()
    severity: ClassVar[Severity] = Severity.WARNING
    default_enabled: ClassVar[bool] = True
    fix_safety: ClassVar[Applicability | str | None] = None  # the applicability of its fixes; None: no fix
    options: ClassVar[tuple[Option, ...]] = ()  # its settings, shown by `explain` and in docs/rules.md
    source: ClassVar[str] = ""  # the rule's file, set at discovery

    def check(self, skill: Skill, ctx: RuleContext) -> Iterable[Diagnostic]:
        raise NotImplementedError

    def option(self, ctx: RuleContext, name: str) -> Any:
        """The value of one of this rule's options: the configured one, else its default."""
        declared = next(o for o in self.options if o.name == name)
        return ctx.options.get(self.id, {}).get(name, declared.default)

    def report(self, skill: Skill, where: Span | str, message: str, *, hint: str | None = None,
               fix: Fix | None = None, severity: Severity | None = None) -> Diagnostic:
        """Make a diagnostic of this rule at a span (or at line 1 of a file)."""
        span = where
        if isinstance(span, str):
            from .model import Span  # here, so that reading the registry (a warm hub scan) never loads the model
            span = Span(span, 1)
        if fix is not None and (self.fix_safety is None or fix.applicability != Applicability(self.fix_safety)):
            raise RuleError(f"{self.id} made a fix of applicability {fix.applicability}, but declares "
                            f"fix_safety = {self.fix_safety!r}")
        message = printable(message)  # messages quote file names and file content: keep the report one line, UTF-8
        return Diagnostic(self.id, self.name, severity or self.severity, message, skill.root, span.file,
                          span.line, span.column, span.end_line, span.end_column, hint=hint, fix=fix)

    # --- documentation ---------------------------------------------------------------------------------------

    @classmethod
    def doc(cls) -> str:
        """The rule's documentation: its file's module docstring (or the class docstring)."""
        module = sys.modules.get(cls.__module__)
        return inspect.cleandoc(cls.__doc__ or (module.__doc__ if module else "") or "")

    @classmethod
    def docs(cls) -> dict[str, str]:
        """The documentation's sections, keyed by heading; ``summary`` is the first paragraph."""
        text = cls.doc()
        sections: dict[str, str] = {}
        summary, _, rest = text.partition("\n## ")
        sections["summary"] = summary.strip()
        for chunk in ("## " + rest).split("\n## ") if rest else []:
            heading, _, body = chunk.removeprefix("## ").partition("\n")
            sections[heading.strip()] = body.strip()
        return sections

    @classmethod
    def options_markdown(cls, heading: str = "##") -> str:
        """An ``Options`` section listing the rule's settings, or nothing when it has none."""
        if not cls.options:
            return ""
        lines = "\n".join(f"- {o.describe()}" for o in cls.options)
        return (f"\n\n{heading} Options\nSet in `[tool.skvm-lint.rules.{cls.id}]`:\n\n{lines}")

    @classmethod
    def markdown(cls) -> str:
        meta = (f"**{cls.id}** `{cls.name}` · default severity: {cls.severity} · "
                f"{'on by default' if cls.default_enabled else 'opt-in'} · groups: {', '.join(cls.groups)}"
                f" · fix: {cls.fix_safety or 'none'}")
        return f"{meta}\n\n{cls.doc()}{cls.options_markdown()}\n"


class LoadIssueRule(Rule):
    """A rule that reports the loader's issues of some kinds (see ``skvm_lint.loader.ISSUE_KINDS``)."""

    kinds: ClassVar[frozenset[str]] = frozenset()
    hint: ClassVar[str] = ""

    def check(self, skill: Skill, ctx: RuleContext) -> Iterable[Diagnostic]:
        for issue in skill.load_issues:
            if issue.kind in self.kinds:
                yield self.report(skill, issue.span, issue.message, hint=self.hint)


class LibraryRule(Rule):
    """A rule over a whole library of skills (a hub scan): it reads :class:`skvm_lint.library.Library`, the facts
    found across every skill's fingerprint, in :meth:`check_library`. On one skill it has nothing to say."""

    def check(self, skill: Skill, ctx: RuleContext) -> Iterable[Diagnostic]:
        return ()

    def check_library(self, library: Any, ctx: RuleContext) -> Iterable[Diagnostic]:
        raise NotImplementedError

    @staticmethod
    def others(paths: list[str], path: str, shown: int = 3) -> str:
        """The other members of a group, the first ``shown`` by path and the rest counted (linear in group size)."""
        named = [p for p in paths[:shown + 1] if p != path][:shown]
        more = len(paths) - 1 - len(named)
        return ", ".join(named) + (f" and {more} more" if more else "")

    def report_at(self, print_: Any, key: str, message: str, *, hint: str | None = None,
                  severity: Severity | None = None) -> Diagnostic:
        """A diagnostic on one skill of the library, at the frontmatter line of ``key`` (``name``/``description``)."""
        return Diagnostic(self.id, self.name, severity or self.severity, printable(message), print_.path,
                          print_.skill_md or "SKILL.md", print_.lines.get(key, 1), 1, hint=hint)


def rules_dir() -> Path:
    """``rules/`` beside the package (a source checkout or editable install), else the copy inside the wheel."""
    return _package_rules_dir()


@cache  # resolving the path costs ~50 us, and a run asks once per rule it imports
def _package_rules_dir() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "_rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise RuleError(f"no rules folder found next to {here}")


_LOADED: dict[str, type[Rule]] = {}  # rule file -> its class: each file is executed once per process


def _load_rule_file(path: Path) -> type[Rule]:
    """The one Rule subclass of a rule file, imported (once) and validated."""
    key = str(path)
    if key in _LOADED:
        return _LOADED[key]
    module_name = f"skvm_lint_rules.{path.stem}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise RuleError(f"{path}: cannot be imported")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    classes = [obj for obj in vars(module).values()
               if inspect.isclass(obj) and issubclass(obj, Rule) and obj.__module__ == module_name]
    if len(classes) != 1:
        raise RuleError(f"{path}: a rule file holds exactly one Rule subclass, found {len(classes)}")
    rule = classes[0]
    _validate(rule, path)
    rule.source = key
    _LOADED[key] = rule
    return rule


def _rule_files() -> list[Path]:
    return [path for path in sorted(rules_dir().glob("*.py")) if not path.name.startswith("_")]


@cache
def all_rules() -> tuple[type[Rule], ...]:
    """Discover every rule class in ``rules/``, sorted by id. Validates metadata and docs."""
    found: dict[str, type[Rule]] = {}
    for path in _rule_files():
        rule = _load_rule_file(path)
        if rule.id in found:
            raise RuleError(f"{path}: rule id {rule.id} is already used by {found[rule.id].source}")
        found[rule.id] = rule
    return tuple(found[k] for k in sorted(found))


class RuleEntry(Struct, frozen=True):
    """What selecting a rule needs to know of it, without importing it: a line of the rule index."""

    id: str
    name: str
    groups: tuple[str, ...]
    default_enabled: bool
    file: str  # its file's name in rules_dir()


class _RuleIndexFile(Struct):
    """The cached index and the stamp it was built for: compared whole, so a name clash of two stamps' files can
    only cost a rebuild, never a stale index."""

    stamp: str
    rules: tuple[RuleEntry, ...]


_INDEX_PREFIX = "rule-index-"  # then the stamp's CRC and .json
STALE_INDEX_DAYS = 30


@cache
def rule_index() -> tuple[RuleEntry, ...]:
    """Every rule's :class:`RuleEntry`, sorted by id: read from the user's cache, where the first run after any rule
    file changed wrote it. Selecting rules and running a few (``--select FM``) then imports those few, not all 65.
    The index is keyed by the rules folder and each rule file's name, size and modification time; the file is named
    by a CRC of that stamp (hashlib would load OpenSSL, ~9 ms of every one-skill check)."""
    import os
    import zlib

    import msgspec

    from .user_cache import user_cache_dir
    from .version import __version__

    stamp = "\0".join([__version__, str(rules_dir())] + [f"{path.name}:{st.st_size}:{st.st_mtime_ns}"
                                                          for path in _rule_files() for st in (path.stat(),)])
    folder = user_cache_dir()
    cached = os.path.join(folder, f"{_INDEX_PREFIX}{zlib.crc32(stamp.encode()):08x}.json") if folder else None
    if cached is not None:
        try:
            with open(cached, "rb") as fh:
                found = msgspec.json.decode(fh.read(), type=_RuleIndexFile)
            if found.stamp == stamp:
                return found.rules
        except (OSError, msgspec.DecodeError, msgspec.ValidationError):  # none yet, or damaged: build it again
            pass
    index = tuple(RuleEntry(r.id, r.name, tuple(r.groups), r.default_enabled, Path(r.source).name)
                  for r in all_rules())
    if cached is not None:
        from .atomic import atomic_write_bytes

        try:
            os.makedirs(os.path.dirname(cached), exist_ok=True)
            atomic_write_bytes(Path(cached), msgspec.json.encode(_RuleIndexFile(stamp, index)))
        except OSError:  # a read-only cache folder: the index is rebuilt next time, nothing else changes
            pass
        _prune_stale_indexes(os.path.dirname(cached), keep=cached)
    return index


def _prune_stale_indexes(folder: str, keep: str) -> None:
    """Remove the indexes written more than STALE_INDEX_DAYS ago: those of rule files that changed since (an
    upgrade, an edited rule) are never read again. Done at a rebuild, which is rare; another install that shares
    the cache and still uses an old one rebuilds it once."""
    import os
    import time

    cutoff = time.time() - STALE_INDEX_DAYS * 86400
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(_INDEX_PREFIX) and entry.name.endswith(".json") and entry.path != keep:
            try:
                if entry.stat(follow_symlinks=False).st_mtime < cutoff:
                    os.remove(entry.path)
            except OSError:  # gone already, or not ours to remove: left as it is
                pass


def missing_doc_sections(rule: type[Rule]) -> list[str]:
    """The sections of DOC_SECTIONS the rule's documentation lacks. A test asks this of every rule: parsing 65
    docstrings on every run cost about 3 ms of each one-skill check."""
    return [s for s in DOC_SECTIONS if s not in rule.docs()]


def _validate(rule: type[Rule], path: Path) -> None:
    for attr in ("id", "name"):
        if not getattr(rule, attr, None):
            raise RuleError(f"{path}: rule class {rule.__name__} has no {attr}")
    if not RULE_ID.match(rule.id):
        raise RuleError(f"{path}: rule id {rule.id!r} must be a family prefix and three digits, like FM001")
    if rule.fix_safety is not None and rule.fix_safety not in {a.value for a in Applicability}:
        raise RuleError(f"{path}: fix_safety must be one of {', '.join(a.value for a in Applicability)} or None")


def check_rule_options(table: dict[str, Any]) -> None:
    """Raise ValueError naming the first ``[rules.<ID>]`` entry that is no rule, no option of it, or of a wrong type."""
    for key, settings in table.items():
        rule = rule_by_id(key)
        if rule is None:
            raise ValueError(f"[rules.{key}]: unknown rule; `skvm-lint rules` lists them")
        if not isinstance(settings, dict):
            raise ValueError(f"[rules.{key}]: expected a table of options, got {settings!r}")
        declared = {o.name: o for o in rule.options}
        for name, value in settings.items():
            if name not in declared:
                known = ", ".join(sorted(declared)) or "none"
                raise ValueError(f"[rules.{key}]: {rule.id} has no option {name!r} (its options: {known})")
            if not declared[name].accepts(value):
                raise ValueError(f"[rules.{key}] {name} = {value!r}: expected {declared[name].describe()}")


def rule_by_id(rule_id: str) -> type[Rule] | None:
    """The rule with this id (any case) or short name, its file imported if it was not yet; None when there is
    none."""
    entry = rule_entry(rule_id)
    return _rule_of(entry) if entry is not None else None


@cache  # asked for every selected rule of every skill: a dictionary lookup, not a path resolved
def _rule_of(entry: RuleEntry) -> type[Rule]:
    return _load_rule_file(rules_dir() / entry.file)


def rule_entry(rule_id: str) -> RuleEntry | None:
    """The index entry of the rule with this id (any case) or short name; None when there is none."""
    key = rule_id.strip()
    return _entries_by_key().get(key.upper()) or _entries_by_key().get(key.lower())


@cache
def _entries_by_key() -> dict[str, RuleEntry]:
    return {**{r.name: r for r in rule_index()}, **{r.id: r for r in rule_index()}}


def forget_rules() -> None:
    """Drop what this process knows of the rules (after ``rules_dir`` changed, in tests): the next use rediscovers."""
    for cached in (all_rules, rule_index, _entries_by_key, _rule_of):
        cached.cache_clear()
