"""YAML frontmatter: located as markdown-it's front-matter plugin does, read with libyaml, ruamel.yaml as reference.

The fast path builds plain values from libyaml's events (PyYAML's C parser), typing plain scalars with the table of
ruamel's YAML 1.2 resolver, so values are what ruamel's round-trip loader gives. Whatever that path does not
reproduce exactly goes to ruamel.yaml (round-trip mode, the loader the fix engine edits with): errors (ruamel words
them), aliases and anchors, tags, duplicate or complex keys, merge keys, timestamps, numbers other than plain
decimals, a ``%YAML`` directive, more than one document, nesting past the limits. ruamel.yaml is imported only
then: its package imports the whole library (about 10 ms of a one-skill run). ``corpus/parity_frontmatter.py``
compares the two on the corpus.
Hostile YAML is bounded: aliases are counted before loading (billion laughs), and conversion to plain Python
values stops at a node budget and a nesting depth.
Invalid YAML whose fault is a plain value holding ``: `` keeps its error (FM003), and is read a second time as the
hosts that quote such values and parse again read it (``Frontmatter.recovered``), for the inference.
"""

from __future__ import annotations

import datetime
import json
import re
from functools import cache
from typing import TYPE_CHECKING, Any

from ..lazy_re import LazyPattern, lazy, programs_kept_for_imports
from ..limits import Limits
from ..model import PLAIN_TOP_LEVEL, Comment, Frontmatter, FrontmatterError, Span

if TYPE_CHECKING:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

MAX_PLAIN_NODES = 100_000


class _TooLarge(Exception):
    pass


@cache
def _yaml() -> YAML:
    """One loader per process: building a YAML instance costs about a third of a small load."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = False
    return yaml


class _NotFast(Exception):
    """The fast path cannot reproduce ruamel's result for this YAML exactly."""


_DECIMAL = lazy(r"[-+]?[0-9]+")
_SIMPLE_FLOAT = lazy(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")


# ruamel.yaml's YAML 1.2 implicit resolvers (ruamel/yaml/resolver.py, the entries of version (1, 2), in its order):
# the tag its round-trip loader gives a plain scalar, chosen by the scalar's first character, the first pattern
# that matches wins and no match is a string. tests/test_model.py compares this table with ruamel's own resolver.
_YAML12_RESOLVERS = (
    ("bool", lazy(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF"),
    ("float", lazy(r"""^(?:
         [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""", re.VERBOSE), "-+0123456789."),
    ("int", lazy(r"""^(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)$""", re.VERBOSE), "-+0123456789"),
    ("merge", lazy(r"^(?:<<)$"), "<"),
    ("null", lazy(r"^(?: ~ |null|Null|NULL | )$", re.VERBOSE), "~nN"),
    ("timestamp", lazy(r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
        (?:[Tt]|[ \t]+)[0-9][0-9]?
        :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
        (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", re.VERBOSE), "0123456789"),
    ("value", lazy(r"^(?:=)$"), "="),
    ("yaml", lazy(r"^(?:!|&|\*)$"), "!&*"),
)
_YAML12_BY_FIRST: dict[str, list[tuple[str, LazyPattern]]] = {}
for _tag, _pattern, _firsts in _YAML12_RESOLVERS:
    for _first in _firsts:
        _YAML12_BY_FIRST.setdefault(_first, []).append((_tag, _pattern))


def plain_scalar_tag(value: str) -> str:
    """The tag (``str``, ``bool``, ``int``, ``float``, ``null``, ...) ruamel's YAML 1.2 resolver gives this plain
    scalar."""
    if not value:
        return "null"
    for tag, pattern in _YAML12_BY_FIRST.get(value[0], ()):
        if pattern.match(value):
            return tag
    return "str"


@cache
def _libyaml() -> tuple[Any, type[Exception]] | None:
    """PyYAML's C parser and PyYAML's error class; None without libyaml."""
    try:
        with programs_kept_for_imports():
            import yaml
            from yaml import CSafeLoader
    except ImportError:
        return None
    return (lambda raw: yaml.parse(raw, Loader=CSafeLoader)), yaml.YAMLError


def _plain_scalar(value: str) -> Any:
    tag = plain_scalar_tag(value)
    if tag == "str":
        return value
    if tag == "null":
        return None
    if tag == "bool":
        return value.lower() == "true"
    if tag == "int" and _DECIMAL.fullmatch(value):
        return int(value)
    if tag == "float" and _SIMPLE_FLOAT.fullmatch(value):
        return float(value)
    raise _NotFast(tag)  # octal, hex, underscores, infinities, timestamps, merge keys: ruamel's own types


def _load_fast(raw: str, max_depth: int) -> tuple[dict[Any, Any], dict[str, tuple[int, int, int]]] | None:
    """The frontmatter mapping and, per top-level key, ``(key line, key column, value line)`` (0-based lines,
    1-based column); None when ruamel must read it (see the module docstring)."""
    fast = _libyaml()
    if fast is None:
        return None
    parse, yaml_error = fast
    root: dict[Any, Any] | None = None
    positions: dict[str, tuple[int, int, int]] = {}
    stack: list[list[Any]] = []  # [container, pending key, pending key's mark]
    budget = MAX_PLAIN_NODES
    documents = 0
    empty_value_of: tuple[str, int, int] | None = None  # ruamel places an empty value where the next token starts
    last_line = raw.count("\n")
    try:
        for event in parse(raw):
            kind = type(event).__name__
            if empty_value_of is not None:
                key, line, column = empty_value_of
                positions[key] = (line, column, min(event.start_mark.line, last_line))
                empty_value_of = None
            if kind in ("StreamStartEvent", "StreamEndEvent", "DocumentEndEvent"):
                continue
            if kind == "DocumentStartEvent":
                documents += 1
                if documents > 1 or event.version is not None:  # %YAML 1.1 would change the resolver
                    raise _NotFast("documents")
                continue
            if kind in ("MappingEndEvent", "SequenceEndEvent"):
                stack.pop()
                continue
            if kind == "AliasEvent" or getattr(event, "anchor", None) is not None \
                    or getattr(event, "tag", None) is not None:
                raise _NotFast(kind)
            if kind == "ScalarEvent":
                value: Any = _plain_scalar(event.value) if event.implicit[0] else event.value
            elif kind == "MappingStartEvent":
                value = {}
            elif kind == "SequenceStartEvent":
                value = []
            else:
                raise _NotFast(kind)
            if not stack:  # the document's root
                if not isinstance(value, dict):
                    raise _NotFast("not a mapping")
                root = value
                stack.append([value, None, None])
                continue
            frame = stack[-1]
            container = frame[0]
            if isinstance(container, dict) and frame[2] is None:  # a key
                if not isinstance(value, (str, int, float, bool)) and value is not None:
                    raise _NotFast("complex key")
                key = value if isinstance(value, (str, int, float, bool)) else str(value)
                if key in container:
                    raise _NotFast("duplicate key")
                frame[1], frame[2] = key, event.start_mark
                continue
            budget -= 1
            if budget < 0 or len(stack) > max_depth:
                raise _NotFast("limits")
            if isinstance(container, dict):
                container[frame[1]] = value
                if len(stack) == 1:
                    mark = frame[2]
                    positions[str(frame[1])] = (mark.line, mark.column + 1, event.start_mark.line)
                    if kind == "ScalarEvent" and event.implicit[0] and not event.value:
                        empty_value_of = (str(frame[1]), mark.line, mark.column + 1)
                frame[1] = frame[2] = None
            else:
                container.append(value)
            if isinstance(value, (dict, list)):
                stack.append([value, None, None])
    except (_NotFast, yaml_error):  # a YAML error too: ruamel reads it again and words the error
        return None
    return (root if root is not None else {}), positions


def _to_plain(value: Any, depth: int, budget: list[int], max_depth: int) -> Any:
    """Copy ruamel's round-trip objects into dict/list/str/int/float/bool/None (dates kept as dates)."""
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooLarge(f"frontmatter expands to more than {MAX_PLAIN_NODES:,} values")
    if depth > max_depth:
        raise _TooLarge(f"frontmatter nests deeper than {max_depth} levels")
    if isinstance(value, dict):
        return {str(k) if not isinstance(k, (str, int, float, bool)) else k: _to_plain(v, depth + 1, budget, max_depth)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_to_plain(v, depth + 1, budget, max_depth) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value
    if hasattr(value, "value"):  # TaggedScalar and friends: keep the scalar text
        return str(value.value)
    return str(value)


def _error_position(exc: YAMLError, first_line: int) -> tuple[int, int]:
    from ruamel.yaml.error import MarkedYAMLError

    mark = None
    if isinstance(exc, MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return first_line, 1
    return first_line + mark.line, mark.column + 1


def _columns(line: str) -> tuple[int, int]:
    """Leading blanks of a line: ``(characters, columns)`` with tabs to the next multiple of four, as markdown-it."""
    chars = columns = 0
    for ch in line:
        if ch == " ":
            columns += 1
        elif ch == "\t":
            columns += 4 - columns % 4
        else:
            break
        chars += 1
    return chars, columns


def find_block(text: str) -> tuple[int, int, str] | None:
    """The front-matter block of SKILL.md, ``(start_line_0, end_line_0_exclusive, yaml_text)``, found without
    parsing the Markdown: the same block markdown-it's front_matter plugin finds (a test compares the two on
    every corpus SKILL.md and on generated text), so a frontmatter rule never pays for the Markdown parse.

    Opening: the text starts with three or more dashes (whatever follows them on that line). Closing: a line, indented
    less than four columns, of at least as many dashes followed only by blanks; or ``...`` at column 0. Unclosed: None.
    """
    if not text.startswith("-"):
        return None
    src = text.replace("\0", "\ufffd")
    if "\r" in src:
        src = src.replace("\r\n", "\n").replace("\r", "\n")
    lines = src.split("\n")
    if src.endswith("\n"):
        lines.pop()  # markdown-it has no line after the final newline
    elif lines and not lines[-1].strip(" \t"):
        lines.pop()  # nor a last line of blanks without a newline
    opening = lines[0]
    markers = len(opening) - len(opening.lstrip("-"))
    if markers < 3:
        return None
    for index in range(1, len(lines)):
        line = lines[index]
        chars, columns = _columns(line)
        rest = line[chars:]
        if columns == 0 and rest.startswith("...") and not rest[3:].strip(" \t"):
            break
        if not rest.startswith("-") or columns >= 4:
            continue
        dashes = len(rest) - len(rest.lstrip("-"))
        if dashes >= markers and not rest[dashes:].strip(" \t"):
            break
    else:
        return None
    return 0, index + 1, "\n".join(lines[1:index])


def parse_frontmatter(skill_md: str, file: str, block: tuple[int, int, str] | None, limits: Limits, *,
                      engine: str = "auto") -> Frontmatter:
    """Build the :class:`Frontmatter` of SKILL.md. ``engine`` "ruamel" skips the libyaml path (the reference).

    ``block`` is ``(start_line_0, end_line_0_exclusive, yaml_text)`` from markdown-it's front_matter token, or None.
    """
    lines = skill_md.split("\n", 2)
    first = lines[0].rstrip("\r").strip() if lines else ""
    fm = Frontmatter()
    fm.comments = []
    if block is None:
        if first == "---":  # an opening delimiter with no closing one
            fm.present = True
            fm.terminated = False
            fm.start_line = 1
            fm.end_line = skill_md.count("\n") + 1
        return fm

    start0, end0, raw = block
    fm.present = True
    fm.terminated = True
    fm.raw = raw
    fm.start_line = start0 + 1
    fm.end_line = end0
    yaml_first_line = fm.start_line + 1
    for offset, line in enumerate(raw.split("\n")):
        stripped = line.lstrip()
        if stripped.startswith("#"):
            fm.comments.append(Comment(stripped, Span(file, yaml_first_line + offset, len(line) - len(stripped) + 1)))

    if len(raw.encode("utf-8", "surrogatepass")) > limits.max_frontmatter_bytes:
        fm.error = FrontmatterError(
            f"frontmatter is {len(raw):,} characters, over the {limits.max_frontmatter_bytes:,}-byte limit; "
            "it was not parsed", fm.start_line, 1, kind="limit")
        return fm

    fast = _load_fast(raw, limits.max_yaml_depth) if engine == "auto" else None  # an alias or anchor: ruamel below
    if fast is not None:
        fm.data = fast[0]
        _place_keys(fm, fast[1], yaml_first_line)
        return fm

    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.events import AliasEvent

    yaml = _yaml()
    try:
        if "*" in raw or "&" in raw:
            aliases = sum(1 for event in yaml.parse(raw) if isinstance(event, AliasEvent))
            if aliases > limits.max_yaml_aliases:
                fm.error = FrontmatterError(
                    f"frontmatter uses {aliases} YAML aliases, over the limit of {limits.max_yaml_aliases} "
                    "(a YAML bomb expands exponentially); it was not loaded", fm.start_line, 1, kind="limit")
                return fm
        loaded = yaml.load(raw)
    except YAMLError as exc:
        _yaml.cache_clear()  # never reuse a loader that stopped half-way
        line, column = _error_position(exc, yaml_first_line)
        problem = getattr(exc, "problem", None) or str(exc).split("\n", 1)[0]
        kind = "duplicate-key" if "duplicate key" in str(exc) else "syntax"
        fm.error = FrontmatterError(str(problem).strip(), line, column, kind=kind)
        if kind == "syntax":
            _recover(fm, raw, yaml_first_line, limits)
        return fm
    except RecursionError:
        _yaml.cache_clear()
        fm.error = FrontmatterError("frontmatter nests too deeply to parse", fm.start_line, 1, kind="limit")
        return fm

    if loaded is None:
        fm.data = {}
        return fm
    if not isinstance(loaded, CommentedMap):
        fm.error = FrontmatterError(
            f"frontmatter is a YAML {type(loaded).__name__ if not isinstance(loaded, CommentedSeq) else 'list'}, "
            "not a mapping of keys to values", yaml_first_line, 1, kind="not-a-mapping")
        return fm
    try:
        fm.data = _to_plain(loaded, 0, [MAX_PLAIN_NODES], limits.max_yaml_depth)
    except (_TooLarge, RecursionError) as exc:
        fm.error = FrontmatterError(str(exc) or "frontmatter nests too deeply", fm.start_line, 1, kind="limit")
        return fm
    positions = {}
    for key in loaded:
        try:
            line, col = loaded.lc.key(key)
            vline, _ = loaded.lc.value(key)
        except (KeyError, TypeError, AttributeError):
            continue
        positions[str(key)] = (line, col + 1, vline)
    _place_keys(fm, positions, yaml_first_line)
    return fm


def _recover(fm: Frontmatter, raw: str, yaml_first_line: int, limits: Limits) -> None:
    """Read invalid YAML as hosts that quote plain values holding ``: `` (or `` #``) and parse again do: each such
    value, with the indented lines that continue it, becomes one double-quoted line (the lines it spanned left
    blank, so every key keeps its line). Sets ``fm.recovered`` and the keys' lines when that parses."""
    lines = raw.split("\n")
    changed = False
    index = 0
    while index < len(lines):
        m = PLAIN_TOP_LEVEL.match(lines[index].rstrip("\r"))
        end = index + 1
        while end < len(lines) and lines[end][:1] in (" ", "\t") and lines[end].strip():
            end += 1  # a plain value's continuation lines
        if m is not None:
            value = " ".join([m.group("value").strip()] + [line.strip() for line in lines[index + 1:end]])
            if ": " in value or value.endswith(":") or " #" in value:
                lines[index] = f"{m.group('key')}: {json.dumps(value, ensure_ascii=False)}"  # JSON is YAML
                lines[index + 1:end] = [""] * (end - index - 1)
                changed = True
        index = end
    fast = _load_fast("\n".join(lines), limits.max_yaml_depth) if changed else None
    if fast is None:  # some other fault: keep each top-level entry that parses alone, as a host reading keys does
        fast = _load_fast("\n".join(_entries_that_parse(lines, limits)), limits.max_yaml_depth)
    if fast is not None:
        fm.recovered = fast[0]
        _place_keys(fm, fast[1], yaml_first_line)


_TOP_LEVEL_KEY = lazy(r"^(?P<key>[A-Za-z][\w-]*):(?:[ \t]+(?P<value>.*?))?[ \t]*$")


def _entries_that_parse(lines: list[str], limits: Limits) -> list[str]:
    """``lines`` with each top-level entry (a ``key:`` line and the indented lines under it) kept if it parses alone;
    one that does not is read as the host reads a line of text: a one-line ``[a, b[x]]`` list as its items split at
    the commas, any other one-line value as a string (`argument-hint: [action] [type]`, `deps: [@scope/x]`). What is
    no entry (a merge conflict's ``<<<<<<<`` line, a Markdown heading) and entries of several lines that do not parse
    are blanked, so every kept key stays on its line."""
    out = list(lines)
    index = 0
    while index < len(out):
        end = index + 1
        while end < len(out) and (out[end][:1] in (" ", "\t") or not out[end].strip()):
            end += 1
        m = _TOP_LEVEL_KEY.match(out[index].rstrip("\r"))
        entry = "\n".join(out[index:end])
        if m is None or _load_fast(entry, limits.max_yaml_depth) is None:
            value = (m.group("value") or "") if m is not None else ""
            if m is not None and value and not "".join(out[index + 1:end]).strip():
                out[index] = f"{m.group('key')}: {json.dumps(_as_text(value), ensure_ascii=False)}"  # JSON is YAML
            else:
                out[index] = ""
            out[index + 1:end] = [""] * (end - index - 1)
        index = end
    return out


def _as_text(value: str) -> str | list[str]:
    """A value YAML cannot read, as a line of text: ``[a, b[x], @c/d]`` its items, anything else itself."""
    if not (value.startswith("[") and value.endswith("]")) or value.count("[") != value.count("]"):
        return value
    items, depth, start = [], 0, 1
    for i, char in enumerate(value[1:-1], 1):
        depth += char == "["
        depth -= char == "]"
        if depth < 0:
            return value  # `[name] [description]`: the first bracket closes before the end, no list
        if char == "," and depth == 0:
            items.append(value[start:i])
            start = i + 1
    items.append(value[start:-1])
    return [item.strip().strip("'\"") for item in items if item.strip()]


def _place_keys(fm: Frontmatter, positions: dict[str, tuple[int, int, int]], yaml_first_line: int) -> None:
    """Each top-level key's line and column and its value's line in SKILL.md, from ``(key line, key column,
    value line)`` in the YAML text (0-based lines, 1-based column)."""
    for key, (line, column, value_line) in positions.items():
        fm.key_lines[key] = yaml_first_line + line
        fm.key_columns[key] = column
        fm.value_lines[key] = yaml_first_line + value_line
