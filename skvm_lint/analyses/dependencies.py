"""Environment binding, statically: every package, tool, environment variable and service a skill needs.

Evidence comes from the model only: imports in scripts and fences, commands run in shell, install lines, manifests
(requirements files, pyproject.toml, PEP 723 blocks, package.json), hub metadata (``requires.bins`` / ``env``,
install entries), environment variable reads and URLs called. Each dependency keeps the spans that prove it.
"""

from __future__ import annotations

import itertools
import json
import posixpath
import re
import sys
import tomllib
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from fnmatch import fnmatchcase
from functools import cache
from typing import Any, TypeVar

from msgspec import Struct, field, structs

from ..cues import SENTENCE_BREAK, cue, without_markers
from ..lazy_re import LazyPattern, lazy
from ..model import (HANDED_OUT_FOLDERS, BundledFile, CodeBlock, CodeFacts, Command, Comment, Import, MarkdownDoc,
                     Paragraph, Skill, Span, for_people, handed_out, is_requirements_file, is_type_declaration)
from ..package_data import data_text
from ..parsing.code import extract_facts
from ..parsing.commands import ASSIGNMENT_OPERATORS, VERSION_FLAGS
from ..spec import kebab_case
from ..vocabulary import (ALL_PACKAGE_RUNNERS, ASSUMED_PROGRAMS, BASE_PROGRAMS, CLOUD_PROVIDERS, COMMAND_WORDS,
                          CONSOLE_COMMANDS, HOST_CLIS, HOST_PLUGIN_MANIFESTS, HOST_TOOLS, HUB_CLIS, HUB_INSTALL_KINDS,
                          HUB_METADATA_KEYS, MACOS_SHIPS,
                          KNOWN_PROGRAMS, NODE_BUILTINS, NPM_BIN_PACKAGES, NPM_INSTALLERS, NPM_PACKAGE_RUNNERS,
                          PIP_BIN_PACKAGES, PIP_INSTALLERS, PIP_NAMESPACE_DEPTHS, PROJECT_COMMANDS, PROSE_WORDS,
                          PYTEST_MARKER_PLUGINS, SHELL_VARIABLES, SOURCED_SYSTEM_FILES, SYSTEM_INSTALLERS,
                          for_developers, in_tests_folder, is_dev_tool,
                          is_placeholder_package, is_placeholder_program, strip_version)

PROGRAM_NAME = lazy(r"^(?=[^A-Za-z]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9._+-]*$")  # a name, not "1." or "42"
ENV_NAME = lazy(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")
PLACEHOLDER_HOSTS = lazy(r"(^|\.)(localhost|[a-z-]*\.local|test|example|invalid)$|[<>{}$]"
                         r"|\.(jpe?g|png|gif|svg|webp|mp[34]|wav|pdf|csv|json|txt|html?)$")  # or a file's name
# a host name's label that stands for the user's own (`your-tenant.benchling.com`, `myapp.com`, `xxxxx.supabase.co`)
PLACEHOLDER_LABEL = lazy(r"your(?:[-_]|(?:app|site|domain|company|server|store|shop|url|account|org|instance|host|team"
                         r"|tenant|workspace|project|bucket|name)(?![a-z]))[-_a-z0-9]*"
                         r"|my(?:app|site|domain|company|server|store|shop)|x{3,}|example")
# a host name's shape: dot-separated labels, none empty ("https://...store_sales.csv" elides one) and no commas
# ("https://a.com,https://b.com" is a list the URL scanner took whole)
HOST_NAME = lazy(r"(?:[a-z0-9_](?:[a-z0-9_-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")
PEP723 = lazy(r"^# /// script\s*$(.*?)^# ///\s*$", re.MULTILINE | re.DOTALL)


@cache
def _data(name: str) -> dict[str, Any]:
    return json.loads(data_text(name))


def command_of_cli_package(name: str) -> str | None:
    """The command a package named ``X-cli`` puts on PATH, ``X`` (the name a command-line front end of X is
    published under: railway-cli, cochesnet-cli), or None for any other name."""
    return name[:-4] if name.endswith("-cli") and len(name) > 4 else None


def canonical(name: str, kind: str) -> str:
    """The name used to compare dependencies: PEP 503 for pip, lowercase for npm and programs."""
    if kind == "pip":
        return re.sub(r"[-_.]+", "-", name).lower()
    if kind in ("npm", "system", "service"):
        return name.lower()
    return name


class Dependency(Struct):
    name: str
    type: str  # pip | npm | system | host | service | env
    declared: bool = False
    required: bool = False
    evidence: list[Span] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    import_name: str | None = None
    version: str | None = None  # the specifier as declared, e.g. ">=2.28"
    dev: bool = False
    install_lines: list[Span] = field(default_factory=list)  # where an install command names it
    provided_by: str | None = None  # a program that a declared package of the skill installs: "pip yt-dlp"
    required_at: Span | None = None  # the first evidence that makes it required (not an optional probe before it)
    # required by what the skill itself runs (SKILL.md, its scripts, its manifests), not only by a reference's
    # commands or by the build of the user's project: what DP001 asks the skill to declare
    required_by_skill: bool = False
    manifest_only: bool = False  # required only as a runtime entry of the skill's manifest: no code uses it (DP002)
    # a program a language's package manager installs, and the arguments of its install as the skill writes them:
    # ("go", ("github.com/projectdiscovery/httpx/cmd/httpx@latest",)); Debian's httpx is another program
    installed_with: tuple[str, tuple[str, ...]] | None = None
    # a runtime declared only by package.json's `engines`, which npm reads and a client installing the skill does not
    only_in_engines: bool = False
    # where it is installed from when not the registry: `pip install git+https://github.com/openai/CLIP.git` is
    # openai's CLIP, and PyPI's `clip` another package
    url: str | None = None
    extras: tuple[str, ...] = ()  # the extras of its first requirement (`requests[socks]`): installed with it

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "declared": self.declared,
            "required": self.required,
            "version": self.version,
            "sources": sorted(self.sources),
            "evidence": [{"file": s.file, "line": s.line} for s in self.evidence[:10]],
            "check_command": check_command(self),
            "install_command": install_command(self),
            "provided_by": self.provided_by,
        }


# Python 2's standard modules that Python 3 renamed (PEP 3108): `python -m SimpleHTTPServer`, `import urllib2` in
# old code are no package to install
PYTHON2_STDLIB = frozenset({
    "BaseHTTPServer", "CGIHTTPServer", "ConfigParser", "Cookie", "HTMLParser", "Queue", "SimpleHTTPServer",
    "SocketServer", "StringIO", "Tkinter", "UserDict", "UserList", "UserString", "__builtin__", "anydbm", "commands",
    "cookielib", "cPickle", "cStringIO", "copy_reg", "dummy_thread", "htmlentitydefs", "httplib", "markupbase",
    "repr", "robotparser", "thread", "tkMessageBox", "urllib2", "urlparse", "xmlrpclib"})


_Read = TypeVar("_Read")  # what a reader of a document gives (see _Collector.read_once)


class _Collector:
    def __init__(self, skill: Skill) -> None:
        self.skill = skill
        self.deps: dict[tuple[str, str], Dependency] = {}
        self.local_modules = _local_modules(skill) | (skill.bundle.names if skill.bundle is not None else set())
        self.local_programs = _own_programs(skill)
        self.own_packages = _own_npm_packages(skill)
        self.agents = _agents_written_for(skill)
        self.hosts = HOST_CLIS | self.agents
        self.macos_only = _macos_only(skill)
        self.builds_js_project = False  # set by _code: SKILL.md runs npm/yarn/pnpm or npx create-*
        self.npm_install_spans: set[Span] = set()  # `npm install` lines (see _npm_installs)
        self.install_scripts: dict[str, Span] = {}  # words of `curl URL | sh` installers' URLs (_install_scripts)
        self.install_products: dict[str, Span] = {}  # products downloaded installers name (_installer_products)
        self.cloned_installs: dict[str, Span] = {}  # repositories cloned then `pip install .`ed (_cloned_installs)
        # program -> the packages an install run when it is missing names, or a global install of the skill's before
        # it runs (_programs_of_global_installs): they provide it (_programs_of_packages)
        self.installs_when_missing: dict[str, list[tuple[str, str]]] = {}
        self.global_installs: list[tuple[str, str]] = []  # (kind, package) of npm -g, pipx and uv tool installs so far
        self.pip_extras: dict[str, set[str]] = {}  # canonical pip name -> the extras its declarations name
        # canonical pip name -> the extras of its first declaration: what env-setup.sh installs (the union may join
        # alternatives: `scvi-tools` then `# For GPU support` `scvi-tools[cuda]`, `nemo-curator[cpu]` or `[all-cuda12]`)
        self.first_extras: dict[str, tuple[str, ...]] = {}
        self.folders_named: set[str] = set()  # first folders of relative paths the commands name (_folders_named)
        self.presence_predicates: frozenset[str] = frozenset()  # shell functions that test for a program
        self.runtime_entries: set[tuple[str, str]] = set()  # manifest entries needed to run (_runtime_entries)
        self.engines: set[tuple[str, str]] = set()  # runtimes package.json's `engines` names (_declared_by_engines)
        self._spans: set[tuple[tuple[str, str], str, Span]] = set()  # (dependency, list, span) already recorded
        self.source_override: str | None = None  # the source of what is found meanwhile (see sourced())
        self.reference_spans: set[Span] = set()  # the evidence the references' commands gave
        self.bundled_names = frozenset(f.path.rsplit("/", 1)[-1] for f in skill.files)  # for _runs_users_project
        self.makes_project = False  # set by _code: the skill clones or scaffolds the project it builds
        self._doc_reads: dict[tuple[Callable[[MarkdownDoc], Any], int], Any] = {}  # see read_once
        # While an optional command is recorded: each dependency it touches, as it was before (see command())
        self._before: dict[tuple[str, str], tuple[bool, Span | None, bool]] | None = None

    @contextmanager
    def sourced(self, source: str) -> Iterator[None]:
        """What is found inside is sourced ``source`` (unless an outer block set one): a reference's commands, the
        user's project's build. It makes nothing required by the skill itself (``required_by_skill``)."""
        outer = self.source_override
        self.source_override = outer or source
        try:
            yield
        finally:
            self.source_override = outer

    def note_extras(self, spec: str) -> None:
        """Remember the extras a pip requirement names (`google-assistant-sdk[samples]`), as canonical names: they
        add packages; and those of a package's first requirement, which env-setup.sh installs."""
        m = _REQUIREMENT.match(spec.strip().strip("'\""))
        if m is None:
            return
        name = canonical(m.group(1), "pip")
        extras = {canonical(e.strip(), "pip") for e in (m.group(2) or "").split(",") if e.strip()}
        self.first_extras.setdefault(name, tuple(sorted(extras)))
        if extras:
            self.pip_extras.setdefault(name, set()).update(extras)

    def add(self, name: str, kind: str, span: Span | None, source: str, *, declared: bool = False,
            required: bool = True, version: str | None = None, import_name: str | None = None,
            dev: bool = False, url: str | None = None) -> None:
        name = name.strip()
        if not name or kind in ("pip", "npm") and is_placeholder_package(name) \
                or kind == "system" and is_placeholder_program(name):
            return
        if kind == "system" and self.macos_only and name in MACOS_SHIPS and not declared \
                and ("system", canonical(name, "system")) not in self.deps:
            return  # `"os": ["darwin"]`: sqlite3 and the CUPS commands come with the system (unless declared)
        if kind == "system" and (name in self.hosts or name in HOST_TOOLS):
            kind = "host"  # the agent's own CLI or tool, however the skill names it (a command, requires.bins)
        key = (kind, canonical(name, kind))
        dep = self.deps.get(key)
        if self._before is not None and key not in self._before:
            self._before[key] = (dep.required, dep.required_at, dep.required_by_skill) if dep else (False, None, False)
        if dep is None:
            dep = self.deps[key] = Dependency(name, kind)
        elif declared and not dep.declared:
            dep.name = name  # the declared spelling wins (PyYAML, not yaml)
        dep.declared |= declared
        dep.required |= required
        if required and dep.required_at is None:
            dep.required_at = span
        dep.required_by_skill |= required and self.source_override is None
        if self.source_override == "reference" and span is not None:
            self.reference_spans.add(span)
        dep.dev = (dep.dev or dev) and not dep.required
        dep.sources.add(self.source_override or source)
        dep.version = dep.version or version
        dep.url = dep.url or url
        dep.import_name = dep.import_name or import_name
        if span is not None:  # a set beside the lists: one program run 10,000 times was quadratic
            if (key, "evidence", span) not in self._spans:
                self._spans.add((key, "evidence", span))
                dep.evidence.append(span)
            if source == "install-line" and (key, "install", span) not in self._spans:
                self._spans.add((key, "install", span))
                dep.install_lines.append(span)

    def read_once(self, reader: Callable[[MarkdownDoc], _Read], doc: MarkdownDoc) -> _Read:
        """``reader(doc)`` for one of the skill's documents (its :func:`_language_labels`, its
        :func:`_skippable_sections`), read once however many blocks it holds."""
        key = (reader, id(doc))
        if key not in self._doc_reads:
            self._doc_reads[key] = reader(doc)
        return self._doc_reads[key]

    def provide(self, program: str, package_kind: str, package_name: str) -> bool:
        """Record that declared package ``package_name`` installs ``program``: set up with it, and required when the
        program is. False when no such package is declared."""
        dep = self.deps.get(("system", canonical(program, "system")))
        package = self.deps.get((package_kind, canonical(package_name, package_kind)))
        if dep is None or package is None or not package.declared:
            return False
        if package_kind == "npm" and not package.sources & {"install-line", "metadata"}:
            return False  # a package.json dependency puts no command on PATH (npm's `gpg` is no gpg)
        if package_kind == "system" and "install-line" not in package.sources:
            return False  # a program named like another's package (node, brew's package of npm) installs nothing
        dep.declared = True
        dep.provided_by = f"{package_kind} {package.name}"
        package.required |= dep.required  # the skill runs what it installs
        package.required_by_skill |= dep.required_by_skill
        package.required_at = package.required_at or dep.required_at
        return True

    # --- Python ------------------------------------------------------------------------------------------------

    def python_import(self, module: str, span: Span, names: tuple[str, ...] = (), source: str = "import",
                      test_code: bool = False, optional: bool = False) -> None:
        """A Python import as the distribution that provides it. ``test_code``: an import of the skill's tests,
        which its users never run (a development dependency, not a requirement). ``optional``: the code runs
        without it (``try: import x / except ImportError: ...``): no requirement, but a use of a package the skill
        declares (DP002 leaves it alone)."""
        mapping = _data("pypi_import_names.json")
        for name in names:  # `from google import genai` is google.genai, `from google.cloud import storage` too
            full = f"{module}.{name.split(' as ', 1)[0].strip()}"
            if full in mapping and module not in mapping or module in PIP_NAMESPACE_DEPTHS:
                module = full
                break
        top = module.split(".", 1)[0]
        if _python_standard(top) or top in self.local_modules:
            return
        if top in self.hosts:  # `from clawdbot import AgentSkill`: the agent's own runtime provides it
            self.add(top, "host", span, source)
            return
        # `from hermes_constants import get_hermes_home` in a skill written for Hermes (metadata.hermes): a module
        # of the agent's own, named for it (not `letta_client` in a skill no metadata ties to Letta)
        if (agent := top.lstrip("_").split("_", 1)[0]) in self.agents and "_" in top.lstrip("_"):
            self.add(agent, "host", span, source)
            return
        parts = module.split(".")
        # The module checked by env-setup.sh is the one the distribution owns: `import azure` would succeed with any
        # azure-* installed, so azure.identity is checked as azure.identity.
        import_name = _longest_prefix(parts, mapping) or top
        dist = mapping.get(import_name)
        if dist is None and (namespaced := _namespace_distribution(parts)):
            dist, import_name = namespaced
        if dist is not None and import_name == top and canonical(dist, "pip") != canonical(top, "pip") \
                and (same := self.deps.get(("pip", canonical(top, "pip")))) is not None and same.declared:
            dist = same.name  # `pip3 install firecrawl`: the distribution named as the module, which provides it too
        dist = dist or self.declared_distribution(top) or top
        if optional:  # a use of a package the skill declares, and nothing more
            dep = self.deps.get(("pip", canonical(dist, "pip")))
            if dep is not None and dep.declared:
                dep.sources.add("optional-import")
            return
        self.add(dist, "pip", span, source, import_name=import_name, required=not test_code, dev=test_code)

    def declared_distribution(self, top: str) -> str | None:
        """The one declared pip distribution whose name spells the import with a common affix (``unifai`` from
        ``unifai-sdk``, ``tavily`` from ``tavily-python``, ``magic`` from ``python-magic``): the import names the
        package the skill declares, not a second one. None when no declared name, or more than one, fits."""
        word = canonical(top, "pip")
        spellings = {f"{word}-sdk", f"{word}-py", f"{word}-python", f"{word}-client", f"{word}-api", f"py{word}",
                     f"python-{word}", f"py-{word}"}
        fits = [d.name for key in spellings if (d := self.deps.get(("pip", key))) is not None and d.declared]
        return fits[0] if len(fits) == 1 else None

    # --- JavaScript --------------------------------------------------------------------------------------------

    def js_import(self, module: str, span: Span, required: bool = True, source: str = "import",
                  dev: bool = False) -> None:
        package = _npm_package_of(module)
        if package is None or package in self.own_packages:
            return
        self.add(package, "npm", span, source, required=required and not dev, dev=dev)

    # --- Commands ----------------------------------------------------------------------------------------------

    def command(self, cmd: Command, cited: bool = False, alternative: bool = False, guarded: bool = False) -> None:
        """``cited``: written in a line of Markdown rather than a code block or script (weaker evidence);
        ``alternative``: one of several ways shown (after an ``# or`` line), so nothing it runs is required;
        ``guarded``: the code checks for the program first and copes without it, so the program is optional
        (what it installs or runs is not)."""
        if alternative or guarded:  # record it, but let it make nothing required that was not already
            outer, self._before = self._before, {}
            try:
                self.command(cmd, cited)
            finally:
                touched, self._before = self._before, outer
            if outer is not None:
                for key, before in touched.items():
                    outer.setdefault(key, before)
            program_keys = {("system", canonical(cmd.program, "system")),  # and the package npx or uvx runs
                            ("npm", canonical(_npx_package(cmd.program), "npm")),
                            ("pip", canonical(cmd.program, "pip"))}
            # and the runtime that only this optional run needs (npx's; Node.js for npm's installs)
            if cmd.via in NPM_PACKAGE_RUNNERS or cmd.program == "npm":
                program_keys.add(("system", "bun" if cmd.via == "bunx" else "node"))
            # only what it touched can have changed (the others' state is as before: a dependency never required
            # has no required_at), so the cost is that of the command, not of all the skill's dependencies
            for key, (was_required, was_required_at, was_required_by_skill) in touched.items():
                dep = self.deps.get(key)
                if dep is not None and (alternative or key in program_keys):
                    dep.required = was_required and dep.required
                    dep.required_at = was_required_at if dep.required else None
                    dep.required_by_skill = was_required_by_skill and dep.required_by_skill
            return
        program = cmd.program
        args = [a for a in cmd.argv[1:]]
        if cmd.via in NPM_PACKAGE_RUNNERS:
            if program in HUB_CLIS:  # `npx skills add x`: a hub CLI installing a skill
                return
            package = _npx_package(program)
            if package in self.hosts:  # `npx clawdbot configure`: the agent's own CLI, with its runtime
                self.add(package, "host", cmd.span, "npx")
                return
            self.add(package, "npm", cmd.span, "npx")
            self.add(_RUNNER_RUNTIMES[cmd.via], "system", cmd.span, "npx")
            return
        if cmd.via == "uvx" or cmd.via == "pipx":
            self.add(strip_version(program), "pip", cmd.span, cmd.via)
            if cmd.via == "uvx":
                self.add("uv", "system", cmd.span, "command")
            return
        if not PROGRAM_NAME.match(program) or program in self.local_programs:
            return
        if cmd.via is None and len(cmd.argv) > 1 and cmd.argv[1] in ASSIGNMENT_OPERATORS:
            return  # `llm = Llama(` or `target-version = "py312"`: a binding of some other language, known name or not
        sub = next((a for a in args if not a.startswith("-")), "")
        if program in HUB_CLIS and sub and _installs_itself(args, sub, self.skill):
            return  # `clawhub install this-skill`, `clawdhub sync this-skill`: the hub acting on the skill itself
        install = install_line(cmd)
        if install is not None:
            kind, packages, installer = install
            installed = self._installs(kind, packages, cmd.span, installer=installer)
            if cmd.missing_program:  # `if ! command -v brun; then cargo install clvm_tools_rs; fi`
                self.installs_when_missing.setdefault(cmd.missing_program, installed)
            if kind == "npm" and program != "bun" and ({"-g", "--global"} & set(args)
                                                      or program == "yarn" and "global" in args):
                # a global install is a CLI that Node.js runs; one that bun installs, bun runs
                self.add("node", "system", cmd.span, "command")
            if kind == "npm" and program == "npm":
                self.npm_install_spans.add(cmd.span)  # see _npm_installs
            if installer in PLATFORM_PACKAGE_MANAGERS:
                # `winget install GitHub.cli` beside `brew install gh`: one system's way to the package, whose
                # package manager only that system has and no other needs (env-setup.sh installs with apt or brew)
                self.add(program, "system", cmd.span, "command", required=False)
                return
        if program == "uv" and args[:1] == ["run"]:
            # `uv run --with requests x.py`: uv puts the package in the run's environment, as an install line does
            self._installs("pip", _values_of(args, "--with"), cmd.span)
        if program in ("python", "python3") and len(args) >= 2 and args[0] == "-m":
            # `python -m apps.grpo.main` where a command names `apps/sft/x.yaml`: a package the skill's commands
            # also name as a folder is the working folder's (a checkout), not an installed one; so is one run with
            # PYTHONPATH set to a folder (`PYTHONPATH=python python3 -m sglang.tools.x` in sglang's own checkout)
            if args[1] not in ("venv", "http.server", "json.tool", "pip") \
                    and args[1].split(".", 1)[0] not in self.folders_named and not SEARCH_PATH_SET.match(cmd.text):
                self.python_import(args[1], cmd.span)
            return
        if program in BASE_PROGRAMS or program in ALL_PACKAGE_RUNNERS:
            return
        if program not in KNOWN_PROGRAMS and ("system", canonical(program, "system")) not in self.deps and (
                "_" in program  # `verify_otp`, `sessions_spawn`: a function or an agent tool
                or program in PROSE_WORDS  # `Prove that sqrt(2) is irrational` in a chat example parses to `is`
                or program[0].isupper()  # `Implement the flow` in a fence: prose, programs are lower case
                or not program.islower() and not any(a.startswith("-") for a in cmd.argv[1:])  # `userId` alone
                or _reads_as_prose(cmd.argv[1:])  # `without retry. This change ...` in a commit message example
                or _describes_itself(cmd.argv[1:])  # `list-resources   List available resources`: a help text's entry
                # A bare word (not `$(uuidgen)`, whose output is used): a word list (`qwerty`), a value, a usage
                # synopsis (`x back | forward | close`); a program nobody knows shows itself by its arguments.
                or len(cmd.argv) == 1 and cmd.via is None and not cmd.in_substitution
                or cmd.argv[0].startswith(("/", "~"))  # `/usr/local/bin/suid-binary`: a file on one machine
                or cited):  # `init <id> -o x` in a table: maybe a subcommand; a code block or script would say
            return
        self.add(program, "system", cmd.span, "command")

    def _installs(self, kind: str, args: list[str], span: Span, installer: str = "",
                  declare_only: bool = False) -> list[tuple[str, str]]:
        """The packages an install line names, as ``(kind, name)``. ``declare_only``: the line declares them, and
        makes nothing required and pins nothing (an install line of a README or reference)."""
        installed: list[tuple[str, str]] = []
        by_language: list[tuple[str, str]] = []  # (program, package) of the system kind
        for arg, with_value in _package_arguments(args):
            spec, url = arg, None  # the spec as written: `docling[vlm] @ git+https://...` keeps its extras
            if kind in ("pip", "npm") and (from_url := package_from_url(arg, kind)) is not None:
                arg, url = from_url
            if arg.startswith(("-", "$", "<", "{", ".", "/", "http:", "https:")) or _ASSIGNMENT.search(arg):
                continue
            if kind == "pip":
                name, version = _split_requirement(arg)
                self.note_extras(spec)
                if name:
                    # An install line declares; the package is required once code imports or runs it.
                    self.add(name, "pip", span, "install-line", declared=True,
                             version=None if declare_only or url else version, url=url,
                             required=not declare_only and installer in ("uv tool", "pipx"))
                    installed.append(("pip", name))
                    if installer in ("uv tool", "pipx") and not with_value:  # installs a command-line tool
                        self.add(name, "system", span, "install-line", declared=True, required=not declare_only)
            elif kind == "npm":
                if not NPM_NAME.fullmatch(strip_version(arg)):
                    continue  # `"github:o/x';touch /tmp/p;'"`: no package name npm accepts
                self.add(strip_version(arg), "npm", span, "install-line", declared=True, url=url,
                         version=None if url else _npm_version(arg), required=not declare_only)
                installed.append(("npm", strip_version(arg)))
            else:
                name = arg.split("@", 1)[0].rsplit("/", 1)[-1] if installer == "go" else arg.rsplit("/", 1)[-1]
                if installer == "winget" and "." in name:
                    continue  # a winget identifier (`GitHub.cli`, `Gyan.FFmpeg`) names no program
                if PROGRAM_NAME.match(name):
                    program = _program_for_package(name)
                    self.add(program, "system", span, "install-line", declared=True, required=not declare_only)
                    installed.append(("system", program))
                    by_language.append((program, arg))
        for program, arg in by_language if installer in LANGUAGE_INSTALLERS else ():
            dep = self.deps.get(("system", canonical(program, "system")))
            if dep is not None and dep.installed_with is None:  # one package: its options too (`--git URL uv`)
                dep.installed_with = (installer, tuple(args) if len(by_language) == 1 else (arg,))
        return installed


# `KEY=VALUE` among an install's arguments, not a version comparison (`requests>=2.31`, `x~=1.0`, `y!=2`, `z==3`)
_ASSIGNMENT = lazy(r"(?<![<>=!~])=(?!=)")


# Package managers of one operating system that a Debian or macOS machine lacks: a line that installs with one of
# them is that system's way (the `port` of MacPorts, the Windows ones, those of other Linux distributions)
PLATFORM_PACKAGE_MANAGERS = frozenset({"apk", "choco", "dnf", "emerge", "pacman", "port", "scoop", "snap", "winget",
                                       "yum", "zypper"})


# Options of pip, uv, npm and the system installers whose value is not a package (`uv add --optional docs
# sphinx` adds sphinx to the group docs).
INSTALL_OPTIONS_WITH_VALUES = frozenset({
    "-r", "-c", "--requirement", "--constraint", "-e", "--index-url", "-i", "--extra-index-url", "--prefix",
    "--target", "-t", "--registry", "--python", "-p", "-f", "--find-links", "--trusted-host", "--platform", "--root",
    "--src", "--no-binary", "--only-binary", "--upgrade-strategy", "--optional", "--group", "--extra", "--package",
    "--index", "--tag", "--branch", "--rev", "--jobs", "--cache-dir", "--config-settings", "-C", "--python-version",
    "--timeout", "--retries", "--proxy", "--cert", "--resolution", "--prerelease", "--index-strategy", "--link-mode",
    "--exclude-newer", "--python-platform", "--default-index", "--overrides", "--workspace", "-w",
})


# A package installed from a repository rather than a registry: pip's `git+https://host/org/name.git@ref`, a
# wheel's URL, `name[extras] @ URL`; npm's `github:org/name`, `git+ssh://...`, `https://github.com/org/name`, `org/name`
# (not a bare archive URL, `https://github.com/org/NeuroKit/zipball/dev`, which names no distribution)
_PIP_URL = lazy(r"(?P<name>[A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?\s*@\s*(?P<url>(?:git\+|https?://)\S+)"
                r"|(?P<url2>git\+\S+|https?://\S+\.whl)")
_NPM_URL = lazy(r"(?P<url>(?:github:|gitlab:|bitbucket:|git\+|git://|https?://)\S+|[\w-][\w.-]*/[\w.-]+(?:#\S*)?)")


def package_from_url(spec: str, kind: str) -> tuple[str, str] | None:
    """``(name, url)`` of a pip or npm package installed from a repository or URL, named by an `#egg=`, else by the
    repository (`CLIP` for git+https://github.com/openai/CLIP.git@main); None for a registry package."""
    m = (_PIP_URL if kind == "pip" else _NPM_URL).fullmatch(spec.strip())
    if m is None:
        return None
    url = m.group("url") or m.group("url2")
    name = m.groupdict().get("name") or (url.split("#egg=", 1)[1] if "#egg=" in url else None)
    if not name:
        parts = url.split("#", 1)[0].rstrip("/").replace(":", "/").split("/")
        # a wheel's file name begins with its distribution's; repo.git@v1.0.0 -> repo
        name = parts[-1].split("-", 1)[0] if parts[-1].endswith(".whl") \
            else parts[-1].split("@", 1)[0].removesuffix(".git")
    return name.split("&", 1)[0], url


# A package name npm accepts: an optional scope, then URL-safe characters (old packages have capitals)
NPM_NAME = lazy(r"(?:@[A-Za-z0-9][\w.-]*/)?[A-Za-z0-9][\w.-]*")


def _npm_version(spec: str) -> str | None:
    """The version or tag a package spec pins: ``1.2`` of ``pkg@1.2``, ``next`` of ``@scope/pkg@next``."""
    return spec.rpartition("@")[2] if spec.rfind("@") > 0 else None


# What each package runner runs on: a runner named alone (`Bash(npx:*)`), or launching an MCP server, needs it
_RUNNER_RUNTIMES = {"npx": "node", "pnpx": "node", "bunx": "bun", "uvx": "uv", "pipx": "pipx"}


def _npx_package(program: str) -> str:
    """The npm package ``npx program`` needs: the program's own name unless a well-known one comes from another."""
    name = strip_version(program)
    return NPM_BIN_PACKAGES.get(name, name)


def _probes_of_package_runs(facts: CodeFacts) -> set[int]:
    """``command -v tsx && npx tsx``: a probe for a program the code then runs through npx or uvx is not a system
    program of its own. The ids of such probes."""
    run = {cmd.program for cmd in facts.commands if cmd.via in ALL_PACKAGE_RUNNERS}
    return {id(cmd) for cmd in facts.commands if cmd.via == "command" and cmd.program in run}


def _version_probe(cmd: Command) -> bool:
    """``docker --version``, ``node -v``: asks what is installed; used nowhere else, the program is optional (not
    where the script stops without it: ``if ! node --version; then ...; exit 1; fi`` checks a requirement)."""
    return len(cmd.argv) == 2 and cmd.argv[1] in VERSION_FLAGS and not cmd.stops_without


_LANGUAGES = (r"((python|node(\.?js)?|javascript|typescript|go(lang)?|rust|java|kotlin|ruby|php|c#|\.net|swift|deno"
              r"|bun|next(\.?js)?|nuxt|fastapi|django|flask|express(\.js)?|nest(\.?js)?|rails|laravel|spring( boot)?"
              r"|react|vue|angular|svelte(kit)?|astro|vite|remix)(-based)?\s*/?\s*)+")
# A title or comment that is a programming language, runtime or web framework alone ("Node.js", "Python",
# "JavaScript/TypeScript", "FastAPI", "Vite-based"): a kind of project
LANGUAGE_TITLE = lazy(rf"^\W*{_LANGUAGES}(\([^()]*\))?\W*$", re.IGNORECASE)  # "Node.js (npm/yarn)"
# A heading that names a language, then the tool for it: "Python: Bandit", "JavaScript/TypeScript: ESLint Security"
LANGUAGE_THEN_TOOL = lazy(rf"^\W*({_LANGUAGES}):\s+\S", re.IGNORECASE)
# A heading that names a language, then a topic ("Node.js Conflicts"): one language's way when a sibling heading
# names another language and the same topic ("Python Conflicts")
LANGUAGE_THEN_TOPIC = lazy(rf"^\W*(?P<language>{_LANGUAGES})\s+(?P<topic>[A-Za-z][\w -]*?)\W*$", re.IGNORECASE)


# A heading that names only the tool its section works by: "Using wfuzz", "Via the gh CLI". Not "With fd": beside
# "With docker" under "Integration Examples" each is another use, with the tool it names.
# "Using cast (Foundry)" too; not "Using dokku-update (recommended)", the main way
USING_TOOL = lazy(r"^\W*(using|via)\s+(the\s+)?`?(?P<tool>[\w.+-]+)`?(\s+(cli|command|tool))?"
                  r"(\s*\((?![^()]*\b(recommended|preferred|default)\b)[^()]*\))?\W*$", re.IGNORECASE)


# A heading over the ways to install or deploy something ("## Installation", "## Deployment Options"): its
# subsections ("### Homebrew (recommended)", "### From source") are one way each, the recommended or else the
# first the main one, unless they read as the steps or parts of one way ("### 1. Install", "### Verify",
# "### Prerequisites") or name what is installed ("### gcloud CLI", "### Firebase CLI": both are).
INSTALL_WAYS_TITLE = cue("install_ways_title")
NOT_A_WAY_TITLE = cue("not_a_way_title")


# longest first, then by name: the same pattern text in every process (a frozenset's order is not)
_CLOUD_NAMES = "|".join(sorted(map(re.escape, CLOUD_PROVIDERS), key=lambda p: (-len(p), p)))
CLOUD_LEAD = lazy(rf"^\W*({_CLOUD_NAMES})\b", re.IGNORECASE)
CLOUD_LABEL = lazy(rf"^\W*({_CLOUD_NAMES})\W*$", re.IGNORECASE)  # a label that names a cloud alone: `**EKS:**`


def _language_or_cloud(comment: str) -> str | None:
    """What a comment heading one way of several names: a language alone (``Python``, ``Node.js (npm)``), or a
    cloud provider, alone or before a topic (``AWS VPN``); None for anything else."""
    if LANGUAGE_TITLE.match(comment):
        return comment.lower()
    m = CLOUD_LEAD.match(comment)
    return m.group(1).lower() if m else None


def _language_label(text: str) -> str | None:
    """The language or cloud a short label names alone (a paragraph `**TypeScript:**` or `**EKS:**`, a table's
    first cell `**Ruby**`), as words in lower case; None for any other text."""
    if len(text) <= 40 and (LANGUAGE_TITLE.match(text) or CLOUD_LABEL.match(text)):
        return re.sub(r"\W+", " ", text).strip().lower()
    return None


def _title_language(title: str) -> str | None:
    """The language a heading is about (LANGUAGE_TITLE, or LANGUAGE_THEN_TOOL's part before the colon), lowercased;
    None for any other heading."""
    if LANGUAGE_TITLE.match(title):
        return title.strip().lower()
    prefixed = LANGUAGE_THEN_TOOL.match(title)
    if prefixed:
        return prefixed.group(1).strip().lower()
    # "Web App (Next.js)" beside "API / Backend (FastAPI)": the kind of project its parenthesis names
    named = TRAILING_PARENTHESIS.search(title)
    return named.group(1).strip().lower() if named and LANGUAGE_TITLE.match(named.group(1)) else None


TRAILING_PARENTHESIS = lazy(r"\(([^()]+)\)\W*$")


def _ways_title(title: str) -> bool:
    """Whether a section's title heads several ways to install or deploy ("Installation", "Dashboard Deployment"),
    not the steps of one way, whose title names its program ("Docker Deployment")."""
    m = INSTALL_WAYS_TITLE.search(title)
    return m is not None and not any(word.lower() in KNOWN_PROGRAMS for word in (m["object"] or "").split())


def _one_language_of_several(doc: MarkdownDoc | None, block: CodeBlock, labels: dict[int | None, list[int]]) -> bool:
    """A block under a heading that names a language, beside a sibling heading that names another (`### Node.js`,
    `### Python` under "Debug Commands"; `### Python: Bandit`, `### JavaScript/TypeScript: ESLint`), or after such a
    label (``labels``, the document's :func:`_language_labels`: `**TypeScript:**` then `**Python:**`): the way for
    one language of project."""
    if doc is None or block.section is None or block.span.file != doc.file:
        return False
    return any(end < block.span.line for end in labels.get(block.section, ()))


def _language_labels(doc: MarkdownDoc) -> dict[int | None, list[int]]:
    """The sections with paragraphs that only name a language (`**TypeScript:**`), two languages or more, each with
    the lines where those labels end: what follows each label is that language's way, one of several. A heading
    that names a language beside a sibling that names another (`#### Node.js / TypeScript`, `#### Python`), or
    only the tool it uses beside a sibling naming another (`#### Using ffuf`, `#### Using wfuzz`), labels its whole
    section, from its own line. Linear in the document's paragraphs and sections."""
    labels: dict[int | None, list[tuple[int, str]]] = {}
    for paragraph in doc.paragraphs:
        if paragraph.list_item is None and (name := _language_label(paragraph.text)) is not None:
            labels.setdefault(paragraph.section, []).append((paragraph.end_line, name))
    found = {section: [end for end, _ in ends] for section, ends in labels.items()
             if len({name for _, name in ends}) >= 2}
    siblings: dict[tuple[int | None, int, str], dict[int, str]] = {}
    for index, section in enumerate(doc.sections):
        language, topic = _title_language(section.title), ""
        if language is None and (named := LANGUAGE_THEN_TOPIC.match(section.title)):
            language, topic = named["language"].strip().lower(), named["topic"].lower()
        if language is None and (using := USING_TOOL.match(section.title)):
            language, topic = using["tool"].lower(), "using"  # "Using ffuf" beside "Using wfuzz": one tool's way
        if language is None and section.parent is not None \
                and _ways_title(doc.sections[section.parent].title) and not NOT_A_WAY_TITLE.search(section.title):
            language, topic = section.title.strip().lower(), "install"  # "Helm" beside "Docker Compose"
        if language is not None:
            siblings.setdefault((section.parent, section.level, topic), {})[index] = language
    for (_parent, _level, topic), languages in siblings.items():
        if len(set(languages.values())) >= 2:
            ways = list(languages)
            if topic == "install":  # the recommended way, or else the first, is the main one: what it runs is needed
                ways.remove(next((i for i in ways if "recommend" in languages[i]), ways[0]))
            for index in ways:
                found.setdefault(index, []).append(doc.sections[index].span.line)
    return found


_PATH_LITERAL = lazy(r"""['"]([\w.-]+(?:/[\w.-]+)*)/?['"]""")


def _folders_put_on_path(facts: CodeFacts) -> set[str]:
    """The folder names that string literals spell in ``sys.path.insert/append(...)`` or ``site.addsitedir(...)``
    (the last part of each: ``"vendor/lib"`` is ``lib``)."""
    folders = set()
    for call in facts.calls:
        if call.name in ("sys.path.insert", "sys.path.append", "sys.path.extend", "site.addsitedir"):
            for literal in _PATH_LITERAL.findall(call.arguments):
                name = literal.rstrip("/").rsplit("/", 1)[-1]
                if name not in (".", "..") and not name.endswith(".py"):
                    folders.add(name)
    return folders


_URL_WORD = lazy(r"[a-z0-9_-]+")
_URL = lazy(r"https?://[^\s\"'`)]+")


def _url_words(url: str) -> list[str]:
    """The words of a URL past its scheme, lower case: what an installer script's address names
    (`https://release.solana.com/stable/install`: release, solana, com, stable, install)."""
    return _URL_WORD.findall(url.lower().split("://", 1)[1])


def _installer_words(facts: CodeFacts) -> dict[str, Span]:
    """The words of the URLs that `curl ... | sh` (or wget, bash) downloads and runs, with the line: an installer
    script names what it installs (`run.linkerd.io/install`, `astral.sh/uv/install.sh`, `get.docker.com`). And the
    first program the code runs right after it, past the shell's own, with no blank or comment line between (`curl
    https://sdk.cloud.google.com | bash` then `gcloud init`; `source ~/.bashrc` then `nvm install`): the code runs
    what it has just installed. Not after a gap, where the next lines are often another way ("# Option B: From
    Nix", "# Windows")."""
    shells = {cmd.pipeline for cmd in facts.commands
              if cmd.program in ("sh", "bash", "zsh") and cmd.pipeline is not None and cmd.pipeline_position}
    words: dict[str, Span] = {}
    installed_at: list[Span] = []
    for cmd in facts.commands:
        if cmd.program in ("curl", "wget") and cmd.pipeline in shells and not cmd.pipeline_position:
            for arg in cmd.argv[1:]:
                if arg.startswith(("http://", "https://")):
                    installed_at.append(cmd.span)
                    for word in _url_words(arg):
                        words.setdefault(word, cmd.span)
    if installed_at:  # one pass over the commands, then a few lines after each installer: linear in both
        command_lines = {cmd.span.line for cmd in facts.commands}
        program_at: dict[int, str] = {}
        for cmd in facts.commands:
            if cmd.via is None and cmd.program not in BASE_PROGRAMS:
                program_at.setdefault(cmd.span.line, cmd.program)
        for span in installed_at:
            for line in range(span.line + 1, span.line + INSTALLER_FOLLOWED_WITHIN + 1):
                if line not in command_lines:
                    break  # a blank or comment line: what follows is often another way
                if line in program_at:
                    words.setdefault(program_at[line].lower(), span)
                    break
    return words


INSTALLER_FOLLOWED_WITHIN = 3  # lines: `curl ... | bash`, `source ~/.bashrc`, `nvm install 20`


# The words of an installer's file name that say what it does, not what it installs: `get-docker.sh`,
# `rustup-init`, and at the end of one word, `msfinstall`
INSTALLER_WORDS = frozenset({"install", "installer", "update", "upgrade", "setup", "get", "bootstrap", "init"})
_INSTALLER_SUFFIX = lazy(r"(install(er)?|update|upgrade|setup)$")


def _installed_product(file_name: str) -> str | None:
    """What an installer file installs, by its name: `msfinstall` and `msfupdate.erb` msf, `get-docker.sh`
    docker, `rustup-init` rustup; None for three letters or fewer (`install.sh`)."""
    stem = file_name.rsplit("/", 1)[-1].split(".", 1)[0].lower()
    product = _INSTALLER_SUFFIX.sub("", "".join(w for w in re.split(r"[_-]+", stem) if w not in INSTALLER_WORDS))
    return product if len(product) >= 3 else None


# Folders on a usual PATH: a program copied or linked there is installed (`sudo cp build/bin/x /usr/local/bin/`)
_PATH_FOLDER = lazy(r"^(?:/usr/local/bin|/usr/bin|/opt/homebrew/bin|(?:~|\$HOME|\$\{HOME\})/(?:\.local/)?bin)(?:/[\w.+-]*)?/?$")


def _copied_onto_path(facts: CodeFacts) -> dict[str, Span]:
    """The programs the code copies, moves or links into a folder on the PATH (`sudo cp build/bin/botcoind
    build/bin/botcoin-cli /usr/local/bin/`, `install -m 755 x ~/.local/bin/x`, `ln -s $PWD/tool /usr/local/bin/`),
    with the line: built or downloaded by the skill's steps, installed by that one."""
    copied: dict[str, Span] = {}
    for cmd in facts.commands:
        if cmd.program not in ("cp", "mv", "install", "ln"):
            continue
        # (`install -m 755 SRC DEST`: the mode is an option's value)
        values = ("-m", "--mode", "-o", "-g", "--owner", "--group") if cmd.program == "install" else ()
        paths = [arg for arg, before in zip(cmd.argv[1:], cmd.argv) if not arg.startswith("-") and before not in values]
        if len(paths) < 2 or not _PATH_FOLDER.match(paths[-1]):
            continue
        destination = paths[-1].rstrip("/").rsplit("/", 1)[-1]
        named = [destination] if len(paths) == 2 and not paths[-1].endswith("/") and not paths[-1].endswith("bin") \
            else [source.rstrip("/").rsplit("/", 1)[-1] for source in paths[:-1]]
        for name in named:
            if len(name) >= 3 and re.fullmatch(r"[\w.+-]+", name):
                copied.setdefault(name.lower(), cmd.span)
    return copied


def _installer_products(facts: CodeFacts) -> dict[str, Span]:
    """The products that installers the code downloads and then runs name, with the download's line: `curl URL >
    msfinstall`, `chmod 755 msfinstall`, `./msfinstall` installs Metasploit, whose programs (msfconsole, msfvenom,
    msfdb) start with `msf`. A downloaded file run within a few lines of the download (``./F``, ``bash F``) is the
    installer; its name without the installing words (install, update, setup, get) and its extension, three
    letters or more, is the product (:func:`_installed_product`); so is that of the URL's file."""
    products: dict[str, Span] = {}
    downloads = [cmd for cmd in facts.commands if cmd.program in ("curl", "wget")
                 and any(arg.startswith(("http://", "https://")) for arg in cmd.argv[1:])]
    if not downloads:
        return products
    by_line: dict[int, list[Command]] = {}
    for cmd in facts.commands:
        by_line.setdefault(cmd.span.line, []).append(cmd)
    for download in downloads:
        url = next(arg for arg in download.argv[1:] if arg.startswith(("http://", "https://")))
        for line in range(download.span.line, download.span.line + INSTALLER_FOLLOWED_WITHIN + 1):
            ran = next((cmd for cmd in by_line.get(line, ()) if _runs_a_local_file(cmd)), None)
            if ran is None:
                continue
            for name in (_script_run(ran), url.rstrip("/")):
                if (product := _installed_product(name)) is not None:
                    products.setdefault(product, download.span)
            break
    return products


def _runs_a_local_file(cmd: Command) -> bool:
    """`./msfinstall`, `bash get-docker.sh`, `sh install.sh`: the command runs a file of the current folder."""
    if cmd.program in ("bash", "sh", "zsh"):
        script = _script_run(cmd)
        return len(cmd.argv) > 1 and not script.startswith("-") and "/" not in script.removeprefix("./")
    return cmd.program.startswith("./") and "/" not in cmd.program[2:]


_RELATIVE_PATH = lazy(r"(?:\./)?([A-Za-z_][\w-]*)/[\w.-]")


def _folders_named(units: list[tuple[str, CodeFacts, CodeBlock | None]]) -> set[str]:
    """The first folder of every relative path the commands pass (`--config apps/sft/llama3_8b.yaml` names
    `apps`): folders of the place the commands run in."""
    return {match.group(1) for _file, facts, _block in units for cmd in facts.commands for arg in cmd.argv[1:]
            if (match := _RELATIVE_PATH.match(arg))}


def _package_word(name: str) -> str:
    """A distribution, import or repository name compared loosely: `labarchives-py`, `labarchivespy` and
    `python-labarchives` are all `labarchives`."""
    word = re.sub(r"[-_.]+", "", name.lower())
    return re.sub(r"^(python|py)(?=\w{3})|(python|py)$", "", word)


# A repository's own installer run from its folder: `./install-agent-cli.sh`, `bash install.sh`, `./install`.
_INSTALLER_SCRIPT = lazy(r"(\./)?install[\w.-]*")


def _installs_from_folder(cmd: Command) -> bool:
    """Whether the command installs what the current folder holds: `pip install .`, `make install`, or the
    folder's installer script (`./install-agent-cli.sh`, `bash install.sh`)."""
    install = install_line(cmd)
    if install is not None:
        return install[0] == "pip" and any(arg in (".", "-e.", "./") for arg in cmd.argv[1:])
    if cmd.program in ("make", "gmake"):
        return "install" in cmd.argv[1:]
    script = _script_run(cmd)
    return "/" not in script.removeprefix("./") and bool(_INSTALLER_SCRIPT.fullmatch(script))


def _script_run(cmd: Command) -> str:
    """The file a command runs: the script a shell is given (`bash install.sh`), else the command itself."""
    return cmd.argv[1] if cmd.program in ("bash", "sh", "zsh") and len(cmd.argv) > 1 else cmd.argv[0]


def _cloned_and_installed(facts: CodeFacts) -> dict[str, Span]:
    """Repositories the code clones and then installs from their folder (`git clone .../labarchives-py; cd
    labarchives-py; uv pip install .`, or `./install-agent-cli.sh`), by :func:`_package_word`, with the install
    line."""
    cloned = [cmd.argv[-1].rstrip("/").removesuffix(".git").rsplit("/", 1)[-1] for cmd in facts.commands
              if cmd.program == "git" and len(cmd.argv) > 2 and cmd.argv[1] == "clone" and "://" in cmd.argv[-1]]
    if not cloned:
        return {}
    installs = [cmd for cmd in facts.commands if _installs_from_folder(cmd)]
    if not installs:
        return {}
    return {_package_word(repository): installs[0].span for repository in cloned}


def _installed_from_clone(c: _Collector, kind: str, name: str) -> Span | None:
    """The install of a cloned repository that provides the dependency: a pip import named like the repository
    (labarchivespy from labarchives-py), a program whose first word starts the repository's name (the
    `aimaestro-agent.sh` command from ai-maestro-plugins' installer), or a shell script the skill does not bundle
    (`memory-search.sh`, which the same installer puts on PATH: no package manager installs a `.sh` command)."""
    if kind == "pip":
        return c.cloned_installs.get(_package_word(name))
    if kind == "system" and name.endswith(".sh") and c.cloned_installs:
        return next(iter(c.cloned_installs.values()))
    stem = _package_word(re.split(r"[-_.]", name, maxsplit=1)[0])
    if kind != "system" or len(stem) < 4:
        return None
    return next((span for repository, span in c.cloned_installs.items() if repository.startswith(stem)), None)


def _cloned_installs(c: _Collector) -> None:
    """A pip import or a program the skill installs from a repository it clones (`from labarchivespy.client import
    Client`, installed by `git clone .../labarchives-py && pip install .`) is declared by that install line."""
    for (kind, name), dep in c.deps.items():
        span = _installed_from_clone(c, kind, name) if not dep.declared else None
        if span is not None:  # evidence, not an install line: a clone has no version for DP003 to ask for
            dep.declared = True
            dep.sources.add("install-line")
            if span not in dep.evidence:
                dep.evidence.append(span)


def _abbreviates(name: str, words: list[str]) -> bool:
    """Whether ``name`` is made of the starts (two letters or more) of words that follow one another in ``words``:
    `infsh` of `cli.inference.sh` (inf + sh)."""
    if not name:
        return True
    return any(word.startswith(name[:k]) and _abbreviates(name[k:], words[i + 1 :])
               for i, word in enumerate(words) for k in range(min(len(name), len(word)), 1, -1))


def _install_scripts(c: _Collector) -> None:
    """A program named in the URL of an installer script the skill runs (`curl -sSfL https://run.linkerd.io/install
    | sh`, then `linkerd check`), abbreviated from it (`https://cli.inference.sh`, then `infsh`), or the toolchain
    manager named after it (`https://foundry.paradigm.xyz`, then `foundryup`, as rustup and juliaup), or one of the
    suite it names (`solana-keygen` after `https://release.solana.com/stable/install`), is declared by that install
    line."""
    words = list(c.install_scripts)
    for (kind, name), dep in c.deps.items():
        span = c.install_scripts.get(name.lower()) if kind == "system" else None
        if span is None and kind == "system" and len(name) >= 4 and _abbreviates(name.lower(), words):
            span = next(c.install_scripts[w] for w in words if w.startswith(name.lower()[:2]))
        if span is None and kind == "system" and name.lower().endswith("up"):  # foundryup of foundry.paradigm.xyz
            span = c.install_scripts.get(name.lower()[:-2])
        if span is None and kind == "system":  # msfconsole of msfinstall (_installer_products)
            span = next((at for product, at in c.install_products.items() if name.lower().startswith(product)), None)
        if span is None and kind == "system" and len(family := name.lower().split("-", 1)[0]) >= 4 \
                and family != name.lower():  # solana-keygen of release.solana.com/stable/install: the suite's
            span = c.install_scripts.get(family)
        if span is not None and "install-line" not in dep.sources:
            dep.declared = True
            dep.sources.add("install-line")
            dep.install_lines.append(span)


def _installed_by_section(c: _Collector) -> None:
    """`## Installation` > `### gcloud CLI (one-time setup)` over a block that runs commands (a downloaded SDK's
    install.sh): the section installs the CLI its title names, which that install declares (_install_scripts)."""
    doc = c.skill.body
    if doc is None:
        return
    running = {block.section for block in doc.code_blocks if block.code is not None and block.code.commands}
    for index, section in enumerate(doc.sections):
        parent = doc.sections[section.parent].title if section.parent is not None else ""
        if index in running and INSTALL_WAYS_TITLE.search(parent) and (named := CLI_TITLE.match(section.title)):
            c.install_products.setdefault(named["program"].lower(), section.span)


CLI_TITLE = lazy(r"^\W*`?(?P<program>[A-Za-z][\w.+-]*)`?\s+(cli|sdk|command[- ]line tools?)\b", re.IGNORECASE)


PROGRAM_UNAVAILABLE = cue("program_unavailable")
_WORD = lazy(r"[A-Za-z][\w.+-]*")
_IF = lazy(r"\b(if|when)\s", re.IGNORECASE)


def _program_named(clause: str) -> str | None:
    """The program a cue's match names as missing, lower-case: the first word after "if" ("Or Python if jq
    unavailable:" names the other way first), or the first word other than the condition's (如果没有 xcsym)."""
    if (at := _IF.search(clause)) is not None:
        clause = clause[at.end():]
    return next((w.lower() for w in _WORD.findall(clause) if w.lower() not in _CONDITION_WORDS), None)


def _offered_without(skill: Skill, units: list[tuple[str, CodeFacts, CodeBlock | None]]) -> set[str]:
    """Programs SKILL.md's code runs that its text offers a way without: a paragraph that is only "If `uv` is
    unavailable:" before a block that does not name uv (`python3 -m pip install ...`). Optional in its code blocks, as
    after a `command -v` check."""
    body = skill.body
    if body is None:
        return set()
    named: set[str] = set()
    for paragraph in body.paragraphs:
        m = PROGRAM_UNAVAILABLE.search(paragraph.text)
        if m is None:
            continue
        program = _program_named(m.group(0))
        after = body.block_after(paragraph.end_line)
        if program is not None and after is not None and after.span.line - paragraph.end_line <= 2 and \
                program not in {word.lower() for word in _WORD.findall(after.text)}:
            named.add(_PROGRAM_OF_SPELLING.get(program, program))
    if not named:
        return set()
    return {cmd.program for _file, facts, block in units if block is not None for cmd in facts.commands
            if cmd.program.lower() in named}


PROGRAM_FALLBACK = cue("program_fallback")
_CONDITION_WORDS = frozenset({"if", "is", "isn't", "not", "are"})


def _done_without(skill: Skill) -> set[str]:
    """Programs the agent's documents say to do without when they are missing ("If xcsym is NOT present: fall back
    to manual parsing"): optional wherever the skill runs them, as after a `command -v` check."""
    named: set[str] = set()
    for doc in skill.agent_docs():
        for paragraph in doc.paragraphs:
            if not PROGRAM_FALLBACK.may_match(paragraph.text):  # the usual case: no sentence to split
                continue
            for sentence in SENTENCE_BREAK.split(paragraph.text.replace("\n", " ")):  # one sentence, wrapped or not
                if (m := PROGRAM_FALLBACK.search(sentence)) is not None \
                        and (program := _program_named(m.group(0))) is not None:
                    named.add(_PROGRAM_OF_SPELLING.get(program, program))
        named |= _said_of_what_came_before(doc)
    return named


WITHOUT_IT = cue("without_it")
_INLINE_CODE = lazy(r"`([^`\n]+)`")


def _said_of_what_came_before(doc: MarkdownDoc) -> set[str]:
    """Programs a sentence does without by pointing back at them ("Live run analysis needs the MCP server (`npx
    trigger.dev@latest install-mcp`). Without it, do the static source analysis only"; a paragraph "Fallback when
    the CLI is unavailable" after the block that runs it): those of the sentence's inline code before, or of the
    code block right above the paragraph. Each as the command names it (`trigger.dev@latest` run by npx, not npx)."""
    named: set[str] = set()
    for paragraph in doc.paragraphs:
        if not WITHOUT_IT.may_match(paragraph.text):
            continue
        sentences = SENTENCE_BREAK.split(paragraph.text.replace("\n", " "))
        for index, sentence in enumerate(sentences):
            if not WITHOUT_IT.search(sentence):
                continue
            if index:
                for code in _INLINE_CODE.findall(sentences[index - 1]):
                    named.update(_programs_run(extract_facts(code, "shell", doc.file)))
            else:
                above = next((b for b in reversed(doc.code_blocks)
                              if paragraph.span.line - 3 <= b.end_line < paragraph.span.line), None)
                if above is not None and above.code is not None:
                    named.update(_programs_run(above.code) - BASE_PROGRAMS)
    return named


def _programs_run(facts: CodeFacts) -> set[str]:
    """The programs code runs, a package runner's package rather than the runner (`npx x` names x)."""
    wrapped = {(c.span.line, c.span.column) for c in facts.commands if c.via is not None}
    return {c.program for c in facts.commands
            if c.via is not None or (c.span.line, c.span.column) not in wrapped}


JS_PACKAGE_MANAGERS = frozenset({"npm", "yarn", "pnpm", "bun"})
NODE_PACKAGE_MANAGERS = frozenset({"npm", "npx", "yarn", "pnpm"})  # those that run on Node.js (not bun)


def _one_per_package_manager(facts: CodeFacts, alternatives: set[int]) -> tuple[set[int], Span | None]:
    """The lines of a block that runs one command through two or more package managers (`npm audit` and `yarn
    audit`, `npm install x` / `yarn add x`): one line per kind of project, none of them required, unless the text
    marks some of them as the other ways (`# or` before `bun add x`: the line before it is the main way). With
    them, where every way runs on Node.js (npm, yarn, pnpm; not bun), the first of those commands: node is
    required whichever way is taken."""
    managers: dict[tuple[str, ...], dict[str, list[Command]]] = {}
    for cmd in facts.commands:
        if cmd.program in JS_PACKAGE_MANAGERS and cmd.via is None and len(cmd.argv) > 1:
            words = [arg for arg in cmd.argv[1:] if not arg.startswith("-")]
            if words and words[0] in ("add", "i"):
                words[0] = "install"
            managers.setdefault(tuple(words), {}).setdefault(cmd.program, []).append(cmd)
    lines: set[int] = set()
    node_needed: Span | None = None
    for by_manager in managers.values():
        group = [cmd for commands in by_manager.values() for cmd in commands]
        if len(by_manager) < 2 or any(cmd.span.line in alternatives for cmd in group):
            continue
        lines.update(cmd.span.line for cmd in group)
        if by_manager.keys() <= NODE_PACKAGE_MANAGERS and node_needed is None:
            node_needed = min((cmd.span for cmd in group), key=lambda span: span.line)
    return lines, node_needed


Installs = list[tuple[Command, tuple[str, list[str], str] | None]]  # each command of a block with its install_line


def _programs_of_global_installs(c: _Collector, installs: Installs) -> None:
    """`npm install -g obsidian-headless` then `ob login`: a program no lexicon knows, run after a global install of
    one package (npm's -g, pipx, uv tool) earlier in the skill whose name has a word its name begins (`ob`,
    `obsidian`; `cicero`, `@accordproject/cicero-cli`; `notebooklm` two blocks after `uv tool install --with
    playwright notebooklm-py`), is that package's. (`mcporter config add` after `npm i -g
    @presto-ai/google-workspace-mcp` is another tool's.)"""
    for cmd, install in installs:
        if install is not None:
            kind, args, installer = install
            names = _named_packages(args)
            global_install = kind == "npm" and bool({"-g", "--global"} & set(cmd.argv)) \
                or kind == "pip" and installer in ("uv tool", "pipx")
            if global_install and len(names) == 1:
                name = strip_version(names[0]) if kind == "npm" else _split_requirement(names[0])[0]
                if name:
                    c.global_installs.append((kind, name))
        elif c.global_installs and cmd.via is None and PROGRAM_NAME.match(cmd.program) \
                and cmd.program not in KNOWN_PROGRAMS:
            first = re.split(r"[-_.]", cmd.program.lower(), maxsplit=1)[0]
            given = next((g for g in c.global_installs
                          if len(first) >= 2 and any(word.startswith(first) for word in re.split(r"[-_/@.]", g[1].lower()))),
                         None)
            if given is not None:
                c.installs_when_missing.setdefault(cmd.program, [given])


# Options of `uv tool install` and `pipx install` whose value is another package in the tool's environment, not
# the tool (`uv tool install --with playwright notebooklm-py` installs notebooklm-py's command)
_TOOL_OPTIONS_WITH_VALUES = frozenset({"--with", "--with-editable", "--with-requirements", "--from", "--suffix"})


def _package_arguments(args: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """The arguments of an install that are no option nor an option's value (`-r reqs.txt`, `--registry URL`), each
    with whether a tool option gave it (`uv tool install --with playwright x`: playwright is installed beside the
    tool, not a tool)."""
    skip_value = beside_the_tool = False
    for arg in args:
        if skip_value:
            skip_value = False
        elif arg in INSTALL_OPTIONS_WITH_VALUES:
            skip_value = True
        elif arg in _TOOL_OPTIONS_WITH_VALUES:
            beside_the_tool = True
            continue
        elif not arg.startswith("-"):
            yield arg, beside_the_tool
        beside_the_tool = False


def _values_of(args: list[str], option: str) -> list[str]:
    """The values given to ``option`` (``--with a,b``, ``--with=c``), each one."""
    values = [value for arg, value in itertools.pairwise(args) if arg == option]
    values += [arg.removeprefix(option + "=") for arg in args if arg.startswith(option + "=")]
    return [part for value in values for part in value.split(",") if part]


def _named_packages(args: Iterable[str]) -> list[str]:
    """The packages an install's arguments name as what it installs: not its options, nor the values options take."""
    return [arg for arg, beside_the_tool in _package_arguments(args) if not beside_the_tool]


def _install_kind(cmd: Command, install: tuple[str, list[str], str]) -> str:
    """The kind of package manager an install line uses: pip for pip, pipx, uv and conda; npm for npm, pnpm, yarn
    and bun; any other its program (brew, go, apt-get)."""
    return cmd.program if install[0] == "system" else install[0]


def _ways_to_install_one_program(installs: Installs) -> tuple[set[int], set[int]]:
    """The lines of a block that install one program through package managers of two or more kinds (`brew install
    xdevplatform/tap/xurl`, `npm install -g @xdevplatform/xurl`, `go install github.com/xdevplatform/xurl@latest`):
    ways of which the reader takes one; so are `brew install pandoc  # macOS` and `apt-get install pandoc  # Linux`.
    Returned as (the first way of each program, the others): the first installs what the skill needs, without
    requiring its package manager; the others require nothing. npm, pnpm and yarn are one kind
    (:func:`_one_per_package_manager` reads them), as are pip, pipx and uv."""
    ways: dict[str, dict[str, list[int]]] = {}
    for cmd, install in installs:
        names = _named_packages(install[1]) if install is not None else []
        if install is None or len(names) != 1:
            continue
        kind = _install_kind(cmd, install)
        program = re.split(r"[@\[=<>~!]", names[0].rstrip("/").rsplit("/", 1)[-1], maxsplit=1)[0].lower()
        if program:
            ways.setdefault(program, {}).setdefault(kind, []).append(cmd.span.line)
    first: set[int] = set()
    others: set[int] = set()
    for by_kind in ways.values():
        if len(by_kind) >= 2:
            lines = sorted(line for kind_lines in by_kind.values() for line in kind_lines)
            first.add(lines[0])
            others.update(lines[1:])
    return first, others


EXIT_CALLS = frozenset({"sys.exit", "exit", "os._exit", "process.exit", "Deno.exit"})
_FAILING_EXIT = lazy(r"""\(\s*([1-9]\d*|['"f])""")  # exit(1), exit("graphviz not found"): not exit(0), exit(main())


def _guarded_programs(facts: CodeFacts, predicates: frozenset[str] = frozenset()) -> set[str]:
    """Programs the code checks for before running (``command -v jq``, ``which jq``, ``hash jq``) and does without
    when missing: optional. A check followed by ``exit`` within two lines makes the program required (in Python or
    JavaScript, a failing ``sys.exit(1)`` / ``process.exit(1)`` within eight: the handler prints how to install it
    first), and so does one that lists the program as missing (``command -v jq || missing+=(jq)``) in code that
    exits later, or a Python check whose handler says it is missing and leaves (``stops_without``)."""
    exits = {cmd.span.line for cmd in facts.commands if cmd.program == "exit"}
    last_exit = max(exits, default=0)
    window = 2
    if facts.language in ("python", "javascript", "typescript"):
        exits |= {call.span.line for call in facts.calls
                  if call.name in EXIT_CALLS and _FAILING_EXIT.match(call.arguments)}
        window = 8
    listed_missing = {b.span.line for b in facts.assignments if "missing" in b.name.lower()}
    checks: list[tuple[str, int]] = []
    for cmd in facts.commands:
        argv = cmd.argv
        if cmd.program in ("command", "type") and len(argv) >= 3 and argv[1] in ("-v", "-p", "-P"):
            checks.append((argv[2], cmd.span.line))
        elif cmd.program in ("which", "hash") and len(argv) >= 2 and not cmd.stops_without:
            checks.append((argv[-1], cmd.span.line))
        elif cmd.program in predicates and len(argv) == 2:  # `if ! command_exists rclone; then ...`
            checks.append((argv[1], cmd.span.line))
    for call in facts.calls:  # `xdotool = shutil.which("xdotool")`, `which.sync("ffmpeg")`
        if call.name in PROGRAM_LOOKUPS and (m := _FIRST_STRING.match(call.arguments)):
            checks.append((m.group(1), call.span.line))
    return {name for name, line in checks
            if not any(line <= exit_line <= line + window for exit_line in exits)
            and not (line in listed_missing and last_exit > line)}


def _presence_predicates(units: Iterable[tuple[str, CodeFacts, CodeBlock | None]]) -> frozenset[str]:
    """The shell functions of a skill's code that only test whether their argument is on PATH (``command_exists() {
    command -v "$1" >/dev/null 2>&1; }`` in the lib/utils.sh that other scripts source): a call is that test. Not
    one that exits when it is missing (``need_bin``), which requires the program."""
    testing: set[str] = set()
    stopping: set[str] = set()
    for _file, facts, _block in units:
        if facts.language != "shell" or not facts.functions:
            continue
        for cmd in facts.commands:
            if not cmd.in_function:
                continue
            if cmd.program in ("command", "type") and cmd.argv[1:3] == ("-v", "$1") \
                    or cmd.program in ("which", "hash") and cmd.argv[1:] == ("$1",):
                testing.add(cmd.in_function)
            elif cmd.program == "exit":
                stopping.add(cmd.in_function)
    return frozenset(testing - stopping)


PROGRAM_LOOKUPS = frozenset({"shutil.which", "which.sync", "which"})  # Python's and npm which's lookups on PATH
_FIRST_STRING = lazy(r"""^\(\s*['"]([\w.+-]+)['"]""")


_SENTENCE_END = lazy(r"^[A-Za-z]+[.,;]$")  # `analysis.`: a word that ends a clause, not an argument


def _reads_as_prose(args: tuple[str, ...]) -> bool:
    """Arguments that read as the rest of a sentence: two English function words, or a word ending a clause."""
    return sum(a.lower() in PROSE_WORDS for a in args) >= 2 or any(_SENTENCE_END.match(a) for a in args)


def _describes_itself(args: tuple[str, ...]) -> bool:
    """Arguments that are a description: two or more plain words, the first capitalized (`List available
    resources` after `list-resources` in a script's help text)."""
    return len(args) >= 2 and args[0][:1].isupper() and all(_PLAIN_WORD.fullmatch(a) for a in args)


_PLAIN_WORD = lazy(r"[A-Za-z][a-z'-]*[.,;]?")


def install_line(cmd: Command) -> tuple[str, list[str], str] | None:
    """``(kind, arguments naming packages, installer)`` when the command installs packages: ``pip install x``,
    ``python3 -m pip install x``, ``uv tool install x``, ``npm i -g x``, ``apt-get install x``."""
    program, args = cmd.program, list(cmd.argv[1:])
    sub = next((a for a in args if not a.startswith("-")), "")
    if program in ("python", "python3") and args[:3] == ["-m", "pip", "install"]:
        return "pip", args[3:], ""
    if program == "uv" and args[:2] in (["pip", "install"], ["tool", "install"]):
        return "pip", args[2:], "uv tool" if args[0] == "tool" else ""
    if (program, sub) in PIP_INSTALLERS:
        return "pip", _after(args, sub), program
    if (program, sub) in NPM_INSTALLERS:
        return "npm", _after(args, sub), ""
    if (program, sub) in SYSTEM_INSTALLERS or (program == "pacman" and "-S" in args):
        return "system", _after(args, sub), program
    return None


def _installs_itself(args: list[str], sub: str, skill: Skill) -> bool:
    """Whether the first name after a hub CLI's subcommand is the skill's own (what follows it may be the values of
    options: `clawdhub install clawarena --site https://www.clawhub.ai`): its folder's, its name's, or, with no name
    in the frontmatter, its title's as a hub makes a slug of it ("# OpenClaw Multi-Agent System")."""
    names = {skill.folder_name.lower(), (skill.name or "").lower()} - {""}
    if not skill.name and skill.body is not None and skill.body.sections and skill.body.sections[0].level == 1:
        names = names | {kebab_case(skill.body.sections[0].title)} - {""}
    target = next((a for a in args[args.index(sub) + 1:] if not a.startswith("-")), None)
    return target is not None and target.lower().rsplit("/", 1)[-1].split("@", 1)[0] in names


def _after(args: list[str], word: str) -> list[str]:
    return args[args.index(word) + 1:] if word in args else []


_REQUIREMENT = lazy(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[([^\]]*)\])?\s*(.*)$")  # name, [extras], version


def _split_requirement(spec: str) -> tuple[str | None, str | None]:
    m = _REQUIREMENT.match(spec.strip().strip("'\""))
    if not m:
        return None, None
    return m.group(1), (m.group(3).strip() or None)


@cache
def _package_programs() -> dict[str, str]:
    """Debian/Homebrew package name -> program, where one package provides one program (``ripgrep`` -> ``rg``).

    A package behind several programs (ffmpeg: ffprobe, ffplay) keeps its own name.
    """
    providers: dict[str, set[str]] = {}
    for program, packages in _data("system_packages.json").items():
        for package in packages.values():
            providers.setdefault(package, set()).add(program)
    return {package: next(iter(programs)) for package, programs in providers.items() if len(programs) == 1}


def _program_for_package(package: str) -> str:
    return _package_programs().get(package, package)


def _agents_written_for(skill: Skill) -> set[str]:
    """The agents whose own block the frontmatter's ``metadata`` holds (``metadata: {copaw: {emoji: ...}}``): the
    skill is written for that agent, so a command of that name is the agent's own CLI, which it runs in."""
    metadata = skill.frontmatter.as_read.get("metadata")
    if not isinstance(metadata, dict):
        return set()
    return {key for key, value in metadata.items()
            if isinstance(key, str) and isinstance(value, dict) and key != "requires" and PROGRAM_NAME.match(key)}


def _own_programs(skill: Skill) -> set[str]:
    """Programs the skill itself provides: its files, its shell functions, its name (and its scripts under it:
    `r2-upload` for scripts/upload.sh of skill r2, then any `r2-*`), package.json/pyproject bins;
    and the commands of an interactive console it runs (msfconsole's `use`, `sessions`), which are no programs."""
    names = {f.path.rsplit("/", 1)[-1] for f in skill.files}
    stems = {f.path.rsplit("/", 1)[-1].rsplit(".", 1)[0] for f in skill.files if f.kind == "script"}
    names |= stems
    # its name (not a well-known program's, when no file of its own bears it: skill gcloud runs Google's gcloud)
    names |= {own for own in (skill.folder_name, skill.name or "") if own not in KNOWN_PROGRAMS or own in names}
    # a slash command ported under a category prefix runs as its own name: `context-restore ...` in the usage
    # examples of skill code-refactoring-context-restore (a category of two words or more and a command of two, so
    # that kubernetes-kubectl's kubectl and stripe-link-cli's link-cli, a package's program, are still programs)
    for own in filter(None, {skill.folder_name, skill.name}):
        words = own.split("-")
        names |= {"-".join(words[i:]) for i in range(2, len(words) - 1)}
    # its scripts under commands prefixed with its name: skill r2's scripts/upload.sh run as `r2-upload`; once one
    # runs so, the family's other commands are its scripts too (`r2-ls` for scripts/list.sh)
    prefixes = {prefix for prefix in (skill.folder_name, skill.name) if prefix}
    names |= {f"{prefix}-{stem}" for prefix in prefixes for stem in stems}
    programs: set[str] = set()
    folders = {f.path.rsplit("/", i)[0] for f in skill.files for i in range(1, f.path.count("/") + 1)}
    for _file, facts, _block in skill.code_units():
        names |= {fn.name for fn in facts.functions}
        for command in facts.commands:
            names |= CONSOLE_COMMANDS.get(command.program, frozenset())
            programs.add(command.program)
            folder, _, base = command.program.removeprefix("./").rpartition("/")
            if folder and folder in folders:
                # `./scripts/of <command>`, then `of repeat ...`: the skill's wrapper in a folder of its own, run by
                # its name, though the copy may lack the file (not `./llama-server` of a build, nor `~/bin/x`)
                names.add(base)
    for prefix in prefixes:
        if any(f"{prefix}-{stem}" in programs for stem in stems):
            names |= {program for program in programs if program.startswith(f"{prefix}-")}
    for f in skill.files:
        base = f.path.rsplit("/", 1)[-1]
        if base == "package.json" and f.text:
            data, error = f.parsed()
            if error:
                continue
            bins = data.get("bin") if isinstance(data, dict) else None
            if isinstance(bins, dict):
                names |= set(bins)
            elif isinstance(bins, str) and isinstance(data.get("name"), str):
                names.add(data["name"].rsplit("/", 1)[-1])
        elif base == "pyproject.toml" and f.text:
            data, error = f.parsed()
            if error:
                continue
            names |= set(data.get("project", {}).get("scripts", {}) or {})
    return names


def _own_npm_packages(skill: Skill) -> set[str]:
    """The names of the packages the skill bundles, each a package.json's `name` (a workspace's `packages/core` is
    `aap-agent-core`): what its other packages import from it is its own code, not a dependency. Not a template's
    or an example app's, which are the user's project."""
    names = set()
    for f in skill.files:
        if f.path.rsplit("/", 1)[-1] == "package.json" and f.text and "node_modules/" not in f.path \
                and not handed_out(f.path) and not for_people(f.path):
            data, error = f.parsed()
            if not error and isinstance(data, dict) and isinstance(data.get("name"), str):
                names.add(data["name"])
    return names


TREE_ENTRY = lazy(r"(?:[├└|`]\s*[─-]{2,}|[│|]\s{2,}[├└])\s*([\w.-]+)/?")


def _local_modules(skill: Skill) -> set[str]:
    """Modules the skill has: its Python files and folders, and the entries of a directory tree SKILL.md draws
    (``└── uploader/``: a folder the skill sets up or clones, whose modules its code imports)."""
    names = set()
    for f in skill.files:
        parts = f.path.split("/")
        if f.path.endswith(".py"):
            names.add(parts[-1][:-3])
        for folder in parts[:-1]:
            names.add(folder)
    for doc in skill.markdown_docs():
        for block in doc.code_blocks:
            if "── " in block.text:
                names |= {m.group(1).removesuffix(".py") for m in TREE_ENTRY.finditer(block.text)}
    return names


# --- manifests ----------------------------------------------------------------------------------------------------


# Folders that hold what a skill hands out or shows (a template project, an example app, its tests), not the skill's
# own code: a manifest there is that project's.
_NOT_THE_SKILLS = HANDED_OUT_FOLDERS | {"fixtures", "test", "tests"}


def _needed_to_run(package: str, kind: str, manifest: str) -> bool:
    """Whether a manifest entry is required: an entry of a manifest of the skill's own code (at its root, in
    scripts/), which its setup installs (`pip install -r requirements.txt`, `npm install`) and env-setup.sh must too
    (the author says the code needs it, where the use may be invisible: a plugin such as imageio-ffmpeg, a parser
    named in a string such as lxml, a dynamic import), unless it is a development tool, the hub's CLI, or a backport
    of a standard module (`pathlib`, `argparse` on PyPI: Python 3 has its own)."""
    folders = manifest.lower().split("/")[:-1]
    return not for_people(manifest) and not any(folder in _NOT_THE_SKILLS for folder in folders) \
        and not is_dev_tool(package) and package not in HUB_CLIS \
        and not (kind == "pip" and package.lower() in sys.stdlib_module_names)


def _runtime_entries(c: _Collector) -> None:
    """The runtime entries of the skill's own manifests are required (:func:`_needed_to_run`), the ones no code
    uses marked as such: DP002 still reports them. Not when no code of the skill in the manifest's language loads
    any package: a package used invisibly (a parser named in a string, a plugin) is loaded by one the code imports,
    so a `package.json` beside code that imports nothing, or beside no JavaScript at all, describes code that is not
    there."""
    kinds = {kind for kind, _name in c.runtime_entries}
    loading = {kind for kind in kinds if _code_loads_packages(c.skill, kind)}
    for key in c.runtime_entries:
        dep = c.deps.get(key)
        if dep is not None and not dep.required and key[0] in loading:
            dep.required = dep.manifest_only = dep.required_by_skill = True
            dep.required_at = dep.evidence[0] if dep.evidence else None


_PACKAGE_LANGUAGES = {"pip": ("python",), "npm": ("javascript", "typescript")}
# calls that load a module named at run time: any declared package may be the one they load
_DYNAMIC_LOADERS = frozenset({"importlib.import_module", "import_module", "__import__", "require", "import"})


def _code_loads_packages(skill: Skill, kind: str) -> bool:
    """Whether any code of the skill (scripts, fences, inline programs) in the language of ``kind``'s packages
    imports a module that is neither relative nor the runtime's own, loads one by a name computed at run time, or
    could not be read."""
    languages = _PACKAGE_LANGUAGES[kind]
    for _file, facts, _block in skill.code_units():
        for code in (facts, *facts.embedded):
            if code.language not in languages:
                continue
            if code.not_read or any(call.name in _DYNAMIC_LOADERS for call in code.calls) \
                    or any(_names_a_package(imp, kind) for imp in code.imports):
                return True
    return False


def _names_a_package(imp: Import, kind: str) -> bool:
    if imp.relative:
        return False
    if kind == "pip":
        return not _python_standard(imp.module.split(".", 1)[0])
    return _npm_package_of(imp.module) is not None


def _python_standard(top: str) -> bool:
    """Whether a top-level module is Python's own: its standard library (Python 2's too) or ``__future__``."""
    return not top or top in sys.stdlib_module_names or top in PYTHON2_STDLIB or top == "__future__"


def _npm_package_of(module: str) -> str | None:
    """The npm package a JavaScript import names (`@scope/pkg/sub` is `@scope/pkg`), or None for a path, an alias
    (`~/x`, `@/x`, `#x`), a URL or another registry's specifier, and Node's own modules."""
    if not module or module.startswith((".", "/", "~", "@/", "#", "node:", "http:", "https:", "jsr:", "npm:",
                                        "data:", "file:")):
        return None
    parts = module.split("/")
    package = "/".join(parts[:2]) if module.startswith("@") and len(parts) > 1 else parts[0]
    if package in NODE_BUILTINS or module in NODE_BUILTINS or not re.match(r"^(@[\w.-]+/)?[\w.-]+$", package):
        return None
    return package


def _requirements(c: _Collector) -> None:
    for f in c.skill.files:
        name = f.path.rsplit("/", 1)[-1]
        if f.text is None or not is_requirements_file(name):
            continue
        dev = any(word in name for word in ("dev", "test", "lint", "doc"))
        for number, line in enumerate(f.text.splitlines(), 1):
            req = _parse_requirement_line(line)
            if req:
                c.add(req[0], "pip", Span(f.path, number), "requirements", declared=True, required=False,
                      version=req[1], dev=dev)
                c.note_extras(line.split(" #", 1)[0])
                if not dev and _needed_to_run(req[0], "pip", f.path):
                    c.runtime_entries.add(("pip", canonical(req[0], "pip")))


def _parse_requirement_line(line: str) -> tuple[str, str | None] | None:
    """One requirements-file line -> (name, specifier); options (-r, -c, --index-url) and comments give None."""
    text = line.split(" #", 1)[0].strip()
    if not text or text.startswith(("#", "-")):
        return None
    return _requirement_from_text(text)


@cache
def _requirement_from_text(text: str) -> tuple[str, str | None] | None:
    """Parse a requirement specifier with pip's own grammar (pip-requirements-parser): markers, extras, VCS URLs."""
    from pip_requirements_parser import parse_reqparts_from_string

    try:
        parts = parse_reqparts_from_string(text)
    except Exception:  # the library raises pip's InstallationError and friends for invalid lines
        return None
    req = parts.requirement
    if req is None or not req.name:
        return None
    return req.name, (str(req.specifier) or None)


_DEV_GROUP_WORDS = ("dev", "test", "lint", "doc")  # a requirements file's or a dependency group's name


def _pyproject(c: _Collector) -> None:
    """The packages pyproject.toml declares: `project.dependencies` (needed to run), and those it declares for an
    extra or a group (`project.optional-dependencies`, PEP 735 `dependency-groups`, Poetry's tables), as
    package.json's optional and dev dependencies are: declared, needed only once code imports them."""
    for f in c.skill.files:
        if f.path.rsplit("/", 1)[-1] != "pyproject.toml" or f.text is None:
            continue
        data, error = f.parsed()
        if error or not isinstance(data, dict):
            continue
        for group, specs, to_run in _grouped_requirements(data):
            dev = any(word in group.lower() for word in _DEV_GROUP_WORDS)
            for spec in specs:
                req = _requirement_from_text(spec) if isinstance(spec, str) else None
                if req is None:
                    continue
                # an extra's package need not be imported by the skill (`mlx` beside the `mlx-lm` it imports, a
                # plugin another package loads): its own source, which DP002 does not read as a manifest's
                c.add(req[0], "pip", _line_of(f.text, f.path, req[0]), "pyproject" if to_run else "pyproject-extra",
                      declared=True, required=False, version=req[1], dev=dev)
                c.note_extras(spec)
                if to_run and _needed_to_run(req[0], "pip", f.path):
                    c.runtime_entries.add(("pip", canonical(req[0], "pip")))


def _grouped_requirements(data: dict[str, Any]) -> Iterator[tuple[str, list[Any], bool]]:
    """``(group, requirement strings, needed to run)`` of pyproject.toml: `project.dependencies` (the group ""),
    the extras, PEP 735 groups and Poetry's dependency tables (whose ``name = "^1.2"`` entries become ``name``;
    their versions are Poetry's own syntax, not read, and its ``python`` entry is the interpreter). Only
    `project.dependencies` and Poetry's main table are needed to run."""
    def table(value: Any) -> dict[str, Any]:
        return value if isinstance(value, dict) else {}

    def listed(value: Any) -> list[Any]:
        return value if isinstance(value, list) else []

    def poetry_names(value: Any) -> list[str]:
        return [name for name in table(value) if name.lower() != "python"]

    project = table(data.get("project"))
    yield "", listed(project.get("dependencies")), True
    for group, specs in table(project.get("optional-dependencies")).items():
        yield str(group), listed(specs), False
    for group, specs in table(data.get("dependency-groups")).items():
        yield str(group), listed(specs), False
    poetry = table(table(data.get("tool")).get("poetry"))
    yield "main", poetry_names(poetry.get("dependencies")), True
    yield "dev", poetry_names(poetry.get("dev-dependencies")), False
    for group, body in table(poetry.get("group")).items():
        yield str(group), poetry_names(table(body).get("dependencies")), False


def _pep723(c: _Collector) -> None:
    for f in c.skill.files:
        if f.language != "python" or f.text is None or "# /// script" not in f.text:
            continue
        m = PEP723.search(f.text)
        if not m:
            continue
        body = "\n".join(line[2:] if line.startswith("# ") else line[1:] for line in m.group(1).splitlines())
        try:
            data = tomllib.loads(body)
        except tomllib.TOMLDecodeError:
            continue
        for spec in data.get("dependencies", []) or []:
            req = _requirement_from_text(spec) if isinstance(spec, str) else None
            if req:
                c.add(req[0], "pip", _line_of(f.text, f.path, req[0]), "pep723", declared=True, version=req[1])
                c.note_extras(spec)


def _package_json(c: _Collector) -> None:
    for f in c.skill.files:
        if f.path.rsplit("/", 1)[-1] != "package.json" or f.text is None or "node_modules/" in f.path:
            continue
        data, error = f.parsed()
        if error:
            continue
        if not isinstance(data, dict):
            continue
        for section, dev in (("dependencies", False), ("peerDependencies", False), ("optionalDependencies", False),
                             ("devDependencies", True)):
            deps = data.get(section)
            if isinstance(deps, dict):
                for name, version in deps.items():
                    if name in c.own_packages:
                        continue  # a sibling package of the skill's own workspace (`packages/core`)
                    c.add(name, "npm", _line_of(f.text, f.path, f'"{name}"'), "package.json", declared=True,
                          required=False, version=str(version), dev=dev)
                    # a peer (the host provides it) or optional dependency counts once code imports or runs it
                    if section == "dependencies" and _needed_to_run(name, "npm", f.path):
                        c.runtime_entries.add(("npm", canonical(name, "npm")))
        # `"engines": {"node": ">=18"}`: the runtime npm checks before it installs the package; a template's is the
        # user's app's (`templates/package.json`), not the skill's
        engines = data.get("engines")
        if isinstance(engines, dict) and not handed_out(f.path) and not for_people(f.path):
            for runtime in ("node", "bun", "deno"):
                if runtime in engines:
                    c.add(runtime, "system", _line_of(f.text, f.path, f'"{runtime}"'), "engines", required=False,
                          version=str(engines[runtime]))
                    c.engines.add(("system", runtime))


def _line_of(text: str, file: str, needle: str, start: int = 0) -> Span:
    """Where ``needle`` first occurs in ``text`` from ``start`` (line 1 if nowhere)."""
    index = text.find(needle, start)
    return Span(file, text.count("\n", 0, index) + 1 if index >= 0 else 1)


def hub_requirements(skill: Skill) -> list[tuple[str, dict[str, Any]]]:
    """``(hub key, entry)`` for each hub metadata block (``metadata.openclaw`` and its older names)."""
    data = skill.frontmatter.as_read
    blocks = []
    metadata = data.get("metadata")
    if isinstance(metadata, dict):
        for key in HUB_METADATA_KEYS:
            if isinstance(metadata.get(key), dict):
                blocks.append((key, metadata[key]))
    for key in HUB_METADATA_KEYS:
        if isinstance(data.get(key), dict):
            blocks.append((key, data[key]))
    # `requires:` at the top level or directly under `metadata` (clients that read it without a hub key)
    for holder in (data, metadata if isinstance(metadata, dict) else {}):
        if isinstance(holder.get("requires"), dict):
            blocks.append(("requires", {"requires": holder["requires"]}))
    return blocks


def _macos_only(skill: Skill) -> bool:
    """Whether the skill's hub metadata says it runs on macOS alone (`"os": ["darwin"]`)."""
    systems = [block.get("os") for _key, block in hub_requirements(skill)]
    systems = [value for value in systems if isinstance(value, list) and value]
    return bool(systems) and all(str(system).lower() in ("darwin", "macos") for value in systems for system in value)


# (kind, field of `requires`, required) for every spelling hubs use; anyBins and optional fields name
# alternatives or extras, so none of them alone is required.
REQUIRES_FIELDS = (
    ("system", "bins", True), ("system", "bin", True), ("system", "commands", True), ("system", "anyBins", False),
    ("system", "optional", False), ("env", "env", True), ("env", "envs", True), ("env", "optional_env", False),
    ("env", "optionalEnv", False), ("pip", "pip", True), ("pip", "python", True), ("npm", "npm", True),
    ("npm", "packages", True),
)


def _compatibility(c: _Collector) -> None:
    """``compatibility: Requires Python 3.10+, ffmpeg and Docker``: the programs it names are declared, and the
    command of a ``X-cli`` it names ("Requires cochesnet-cli installed": ``cochesnet``), as a ``dependencies:`` entry
    does."""
    value = c.skill.frontmatter.as_read.get("compatibility")
    if not isinstance(value, str) or not c.skill.skill_md_path:
        return
    _programs_in_prose(c, value, Span(c.skill.skill_md_path, c.skill.frontmatter.line_of("compatibility")),
                       "compatibility")


def _programs_in_prose(c: _Collector, value: str, span: Span, source: str) -> None:
    """The programs a frontmatter sentence names (``Requires Python 3.10+, ffmpeg and Docker``), declared; two
    words may name one program ("Docker Compose": docker-compose; "healthsync CLI": healthsync). A name written as
    code is one whether the lexicon knows it or not ("Requires the SonarQube CLI executable `sonar`")."""
    words = [word.lower().rstrip(".") for word in re.findall(r"[A-Za-z][\w.+-]*", value)]
    pairs = [f"{a}-{b}" for a, b in itertools.pairwise(words) if b == "cli" or f"{a}-{b}" in KNOWN_PROGRAMS]
    as_code = {name.lower() for name in re.findall(r"`([A-Za-z][\w+-]*)`", value)}
    for written in words + pairs:
        name = command_of_cli_package(written) or (written if written in KNOWN_PROGRAMS or written in as_code else None)
        if name is not None and name not in BASE_PROGRAMS and name not in ASSUMED_PROGRAMS \
                and name not in COMMAND_WORDS:
            c.add(name, "system", span, source, declared=True, required=False)


def _dependencies_field(c: _Collector) -> None:
    """A top-level ``dependencies:`` list of requirement specifiers (``peft>=0.13.0``) declares pip packages; an
    entry named after a known program with ``-cli`` (``railway-cli``) declares that program."""
    value = c.skill.frontmatter.as_read.get("dependencies")
    if not isinstance(value, list) or not c.skill.skill_md_path:
        return
    span = Span(c.skill.skill_md_path, c.skill.frontmatter.line_of("dependencies"))
    for spec in value:
        if not isinstance(spec, str):
            continue
        entry = spec.strip().lower()
        command = command_of_cli_package(entry)
        if command is not None and command in KNOWN_PROGRAMS:
            c.add(command, "system", span, "metadata", declared=True, required=False)
            continue
        req = _requirement_from_text(spec)
        if req:
            c.add(req[0], "pip", span, "metadata", declared=True, required=False, version=req[1])
            c.note_extras(spec)


def _manifest_requirements(skill: Skill) -> list[tuple[Span, dict[str, Any]]]:
    """``(span, entry)`` for each ``requires`` block of a bundled ``skill.json`` manifest, at its top level or under
    one key (``{"clawdbot": {"requires": {"bins": ["node"]}}}``, a skill's own name as the key): the author declares
    there what frontmatter metadata declares elsewhere."""
    if (manifest := _skill_manifest(skill)) is None:
        return []
    f, data = manifest
    blocks = []
    holders = [("", data), *((key, value) for key, value in data.items() if isinstance(value, dict))]
    for key, holder in holders:
        if isinstance(holder.get("requires"), dict):
            # the block's own `"requires"`: the first after its key (a top-level one is written anywhere)
            after = f.text.find(f'"{key}"') if key else -1
            blocks.append((_line_of(f.text, f.path, '"requires"', max(after, 0)), holder))
    return blocks


def _skill_manifest(skill: Skill) -> tuple[BundledFile, dict[str, Any]] | None:
    """The skill's own ``skill.json`` and its object, or None (none, unreadable, or not an object)."""
    f = skill.file("skill.json")
    if f is None or f.text is None:
        return None
    data, error = f.parsed()
    return (f, data) if not error and isinstance(data, dict) else None


def _manifest_runtime(skill: Skill) -> tuple[Span, str] | None:
    """The runtime a bundled ``skill.json`` names (``"runtime": "node18"``: node) and where, or None."""
    manifest = _skill_manifest(skill)
    if manifest is None or not isinstance(runtime := manifest[1].get("runtime"), str):
        return None
    if (m := _RUNTIME_NAME.match(runtime.strip().lower())) is None:
        return None
    f = manifest[0]
    return _line_of(f.text, f.path, '"runtime"'), {"nodejs": "node", "python": "python3"}.get(m.group(1), m.group(1))


_RUNTIME_NAME = lazy(r"(nodejs|node|python3|python|deno|bun)(?![a-z])")


def _metadata(c: _Collector) -> None:
    fm = c.skill.frontmatter
    if (runtime := _manifest_runtime(c.skill)) is not None and runtime[1] not in ASSUMED_PROGRAMS:
        c.add(runtime[1], "system", runtime[0], "metadata", declared=True, required=False)
    blocks = _manifest_requirements(c.skill)
    if c.skill.skill_md_path:
        span = Span(c.skill.skill_md_path, fm.line_of("metadata"))
        blocks += [(span, block) for _key, block in hub_requirements(c.skill)]
    for span, block in blocks:
        requires = block.get("requires") if isinstance(block.get("requires"), dict) else {}
        config = block.get("config") if isinstance(block.get("config"), dict) else {}
        fields = [(requires, kind, name, required) for kind, name, required in REQUIRES_FIELDS]
        fields += [(config, "env", "requiredEnv", True), (config, "env", "optionalEnv", False)]
        for holder, kind, field_name, required in fields:
            values = holder.get(field_name)
            values = [values] if isinstance(values, str) else values
            for value in values if isinstance(values, list) else []:
                if not isinstance(value, str):
                    continue
                if kind == "system" and value in ASSUMED_PROGRAMS:
                    continue
                if kind in ("pip", "npm"):  # `requires: {python: ">=3.10"}` is the interpreter's version
                    _declared_package(c, value, kind, span, required=required)
                else:
                    c.add(value, kind, span, "metadata", declared=True, required=required)
        # `"requires": {"node": true, "npm": true}`: programs as flags
        for name, value in requires.items():
            if value is True and name in KNOWN_PROGRAMS and name not in ASSUMED_PROGRAMS:
                c.add(name, "system", span, "metadata", declared=True)
        # `requirements: ["Docker and Docker Compose", "Python"]`: sentences, read as `compatibility` is
        prose = block.get("requirements")
        for sentence in [prose] if isinstance(prose, str) else prose if isinstance(prose, list) else []:
            if isinstance(sentence, str):
                _programs_in_prose(c, sentence, span, "metadata")
        primary = block.get("primaryEnv") or requires.get("primaryEnv")
        if isinstance(primary, str) and ENV_NAME.match(primary):
            c.add(primary, "env", span, "metadata", declared=True)  # the key the hub asks the user for
        for entry in block.get("install") or [] if isinstance(block.get("install"), list) else []:
            if not isinstance(entry, dict):
                continue
            package_type, installer = HUB_INSTALL_KINDS.get(str(entry.get("kind", "")), ("", ""))
            package = entry.get("package") or entry.get("formula") or entry.get("module")
            command = entry.get("command")
            for url in _URL.findall(command) if isinstance(command, str) else ():
                # `sh -c "$(curl -sSfL https://release.solana.com/stable/install)"`: an installer script, whose
                # URL names what it installs, as `curl URL | sh` in code does (_install_scripts)
                for word in _url_words(url):
                    c.install_scripts.setdefault(word, span)
            if installer:  # the client installs the entry with it: declared, though no code of the skill runs it
                c.add(installer, "system", span, "metadata", declared=True, required=False)
            target = package_type if package_type in ("npm", "pip") else None
            own = isinstance(package, str) and _LOCAL_PACKAGE.match(package) is not None
            if isinstance(package, str) and not own:
                if target:
                    _declared_package(c, package, target, span)
                elif package_type == "system" and not entry.get("bins"):
                    # without `bins`, the package names its program (oath-toolkit's is oathtool: bins say so)
                    name = _program_for_package(package.split("@", 1)[0].rsplit("/", 1)[-1])
                    if name not in ASSUMED_PROGRAMS:
                        c.add(name, "system", span, "metadata", declared=True)
            for binary in entry.get("bins") or [] if isinstance(entry.get("bins"), list) else []:
                if isinstance(binary, str) and binary not in ASSUMED_PROGRAMS and not _DOCUMENT.search(binary) \
                        and not (own and binary in c.local_programs):
                    c.add(binary, "system", span, "metadata", declared=True)
                    if isinstance(package, str) and target and not own:  # the entry says which package installs it
                        c.provide(binary, target, strip_version(package) if target == "npm" else package)


_DOCUMENT = lazy(r"\.(?:md|txt|json|ya?ml|toml|html?)$", re.IGNORECASE)  # `"bins": ["SKILL.md"]`: a file, no program
# `"package": "."`, `./cli`, `file:../x`: an install entry of the skill's own folder (`npm install -g .`), whose bins
# are the skill's own programs, not a package of a registry
_LOCAL_PACKAGE = lazy(r"\.\.?(?:/|\Z)|/|~/|file:")


def _declared_package(c: _Collector, spec: str, kind: str, span: Span, required: bool = True) -> None:
    """A pip or npm package as a manifest declares it: `keep[local]`, `requests>=2`, `@scope/cli@1.2`,
    `https://github.com/tobi/qmd`; a bare version (`>=3.10`, the runtime's) names none."""
    name, version, url = None, None, None
    if (from_url := package_from_url(spec, kind)) is not None:
        name, url = from_url
    elif kind == "npm":
        name, version = strip_version(spec), _npm_version(spec)
        name = name if NPM_NAME.fullmatch(name) else None
    else:
        name, version = _split_requirement(spec)
        c.note_extras(spec)
    if name:
        c.add(name, kind, span, "metadata", declared=True, required=required, version=version, url=url)


# --- code ---------------------------------------------------------------------------------------------------------


def _test_code(path: str) -> bool:
    """The skill's own tests and their tools' configuration (:func:`for_developers`), or a test by its name
    (test_*.py, *_test.py, *.test.ts, *.spec.js): what they need is for developers."""
    name = path.rsplit("/", 1)[-1]
    return for_developers(path) or name.startswith("test_") or name.endswith("_test.py") \
        or _JS_TEST_NAME.search(name) is not None


_JS_TEST_NAME = lazy(r"\.(?:test|spec)\.[cm]?[jt]sx?$")


def _in_scope(file: str, block: CodeBlock | None, skill: Skill) -> bool:
    """Code whose dependencies the skill has: bundled scripts, and fences of SKILL.md, but for those shown as the
    wrong way ("Wrong:" before `npx create-tsrouter-app --list-add-ons`)."""
    if block is None:
        return True
    return file == skill.skill_md_path and skill.body is not None \
        and not WRONG_EXAMPLE_LABEL.match(skill.body.intro(block))


WRONG_EXAMPLE_LABEL = cue("wrong_example_label")


PYTEST_MARK = lazy(r"@pytest\.mark\.(\w+)")


def _pytest_plugins(c: _Collector, facts: CodeFacts, file: str, block: CodeBlock | None, source: str,
                    test_code: bool = False) -> None:
    """Plugins that the pytest markers of code importing pytest need (``@pytest.mark.asyncio``: pytest-asyncio), as
    its imports need their distributions."""
    if not any(imp.module.split(".", 1)[0] == "pytest" for imp in facts.imports):
        return
    if block is not None:
        text, first = block.code_text, block.content_line
    else:
        bundled = c.skill.file(file)
        text, first = (facts.without_comments(bundled.text) if bundled is not None and bundled.text else ""), 1
    for m in PYTEST_MARK.finditer(text):
        plugin = PYTEST_MARKER_PLUGINS.get(m.group(1))
        if plugin is not None:
            c.add(plugin[0], "pip", Span(file, first + text.count("\n", 0, m.start())), source,
                  import_name=plugin[1], required=not test_code, dev=test_code)


def _reference_code(c: _Collector) -> None:
    """Install lines in fences of the skill's other Markdown (README.md, references) declare packages (npm ones are
    required, as in SKILL.md; the labelled skills bear that out). Their JS imports count only when the skill builds
    a JS project; otherwise reference code is documentation (counting it regardless halved npm precision on the
    labelled skills)."""
    skill = c.skill
    for file, facts, block in skill.code_units():
        if block is None or file == skill.skill_md_path:
            continue
        if facts.language in ("javascript", "typescript") and c.builds_js_project:
            for imp in facts.imports:  # code for the project the skill has the agent build
                c.js_import(imp.module, imp.span, source="example-code")
        elif facts.language == "python" and not for_people(file):
            for imp in facts.imports:  # Python the references have the agent write
                if not imp.relative and not imp.optional:
                    c.python_import(imp.module, imp.span, imp.names, source="example-code")
            _pytest_plugins(c, facts, file, block, source="example-code")
        elif facts.language == "shell":
            # npm's install lines there were measured as requirements; pip's and apt's declare what the scripts
            # may use, no more
            _reference_installs(c, facts.commands, npm_required=True)


def _reference_prose_installs(c: _Collector) -> None:
    """Install lines in the prose, lists and tables of the skill's other Markdown only declare ("| jax | Flax backend
    | `pip install jax[cuda]` |", "- `jq` — `sudo apt install jq`", a template's "Key packages: `npm install prisma
    zod`"): an aside, an option or one stack of several. Read after the code, whose names (PyYAML, not the pyyaml
    an install line may write) the dependency keeps."""
    for doc in c.skill.markdown_docs():
        if doc.file != c.skill.skill_md_path:
            _reference_installs(c, [cmd for line in doc.command_lines for cmd in line.code.commands],
                                npm_required=False)


def _reference_installs(c: _Collector, commands: Iterable[Command], *, npm_required: bool) -> None:
    """The packages the install lines among ``commands`` declare; with ``npm_required``, npm's are required too."""
    for command in commands:
        install = install_line(command)
        if install is not None:
            kind, packages, installer = install
            c._installs(kind, packages, command.span, installer=installer,
                        declare_only=not (npm_required and kind == "npm"))


def _commands(c: _Collector, facts: CodeFacts, block: CodeBlock | None, doc: MarkdownDoc | None, *, strict: bool,
              other_way: bool = False, tests_run: bool = False, offered_without: set[str] | None = None,
              done_without: set[str] | None = None, reads_installs: bool = True) -> None:
    """The programs one piece of code runs (shell commands; programs run through subprocess or child_process), each
    required unless the code or the text around its block makes it one way of several, or optional. ``block`` and
    ``doc``: the code block and the Markdown it is in (None for a script); ``strict``: only programs a lexicon knows
    count (commands cited in prose, a reference's blocks); ``other_way``: the text already makes all of it another
    way; ``offered_without``, ``done_without``: programs optional in SKILL.md's blocks (:func:`_offered_without`)
    and everywhere (:func:`_done_without`); ``reads_installs=False``: install lines are read elsewhere."""
    block_lines = block.text.split("\n") if block is not None else None  # split once: a block may hold many comments
    installs = [(command, install_line(command)) for command in facts.commands]
    alternatives: set[int] = set()
    installer_optional: set[int] = set()  # lines whose package manager is one way of several, not what they install
    for comment in facts.comments:
        way = ALTERNATIVE_LINE.match(comment.text)
        if way or CLUSTER_WAY.search(comment.text[:_LINE_CUE_CHARS]):
            # `brew install pandoc  # macOS`: that platform's way to install what every platform needs, as under a
            # "macOS:" heading (platform_way below)
            on_its_line = way is not None and way.group("platform") \
                and _after_code(comment.span.line, block, block_lines)
            (installer_optional if on_its_line else alternatives).update(
                _lines_headed(comment.span.line, block, block_lines))
    node_needed = None
    if block is not None:  # in a script, a chain of `command -v` checks picks the one present
        _programs_of_global_installs(c, installs)
        per_manager, node_needed = _one_per_package_manager(facts, alternatives)
        first_ways, other_ways = _ways_to_install_one_program(installs)
        # the first way of several stays one (a platform's comment on it, `# macOS`, names its way, not an option)
        alternatives = (alternatives - first_ways) | per_manager | other_ways
        installer_optional |= first_ways
        installer_optional |= _first_of_two_install_ways(installs, facts.comments, block, block_lines)
    # `# Python` / `# JavaScript/TypeScript` before each way (the lines it heads, `pip-audit` and `safety check`) or
    # after it, on its line: one language's way; `# AWS VPN` / `# OCI IPSec VPN`: one cloud's; `# With gh` over `gh
    # issue list` beside `# With curl` over `curl -s ...`: one tool's
    programs_at: dict[int, set[str]] = {}
    for command in facts.commands:
        programs_at.setdefault(command.span.line, set()).add(command.program.lower())
    way_comments = []
    for comment in facts.comments:
        lines = (range(comment.span.line, comment.span.line + 1) if comment.span.line in programs_at
                 else _lines_headed(comment.span.line, block, block_lines))
        if label := _language_or_cloud(comment.text.lstrip("# ")) or _tool_of_way(comment.text, programs_at, lines):
            way_comments.append((lines, label))
    if len({label for _lines, label in way_comments}) >= 2:
        for lines, _label in way_comments:
            alternatives.update(lines)
        # `# React/Next.js` over `npm install motion`, `# Vue` over `npm install motion-v`: Node.js either way
        node_ways = [min((cmd.span for cmd in facts.commands if cmd.span.line in lines
                          and cmd.program in NODE_PACKAGE_MANAGERS), key=lambda span: span.line, default=None)
                     for lines, _label in way_comments]
        if node_needed is None and all(node_ways):
            node_needed = min(node_ways, key=lambda span: span.line)
    # `# Examples - use the project-appropriate command` heads a fence's list of which the user's project needs
    # one; after a command (`bun install  # Example - verify this is correct for YOUR project!`) it speaks of that
    # line. In a bundled script such a comment ("# load project-specific config") says nothing of the rest of it.
    per_project = [comment.span.line for comment in facts.comments
                   if PER_PROJECT.search(comment.text[:_LINE_CUE_CHARS])] if block is not None else []
    trailing = {line for line in per_project if _after_code(line, block, block_lines)}
    alternatives |= trailing
    per_project_from = min((line for line in per_project if line not in trailing), default=None)
    # A block under "Vercel CLI Fallback", after "Alternatively, build from source:" or under "CI/CD Integration":
    # another way, all of it (heading and intro are looked up only for a block that runs something)
    if block is not None and doc is not None:
        other_way = other_way or bool(facts.commands) and (
            _another_way(intro := doc.intro(block), doc.heading(block)) or bool(OPTIONAL_STEP.search(intro))
            or _in_integrations(doc, block) or block.section in c.read_once(_skippable_sections, doc)) \
            or _one_language_of_several(doc, block, c.read_once(_language_labels, doc))
    # A block after "macOS:" or under "### Linux": that system's own tools (`tmutil`, `ufw`), one platform's way.
    # Its install lines keep their say: per-system install steps install what every system needs.
    runs_in_doc = block is not None and doc is not None and bool(facts.commands)
    intro = doc.intro(block) if runs_in_doc else ""  # read once: the platform cue and the choices offered
    platform_way = runs_in_doc and any(PLATFORM_WAY.search(text) for text in (intro, doc.heading(block)) if text)
    guarded = _guarded_programs(facts, c.presence_predicates) \
        | (offered_without or set() if block is not None else set()) | (done_without or set()) \
        | _offered_as_one_of(intro) \
        | (c.read_once(_offered_for_looks, doc).get(block.section, set()) if runs_in_doc else set())
    probes = _probes_of_package_runs(facts)
    # A block nobody labelled was taken for shell by its look: from it, a program no lexicon knows counts only
    # with a long option (`checksec --file=x`, `soulseek --help`); a search query, a capture filter (`net
    # 10.0.0.0/8`, `not arp`) or a line of prose reads like commands of unknown programs.
    unlabelled = block is not None and not block.info
    synopsis = _usage_alternatives(facts)
    for command, install in installs:
        if id(command) in probes or id(command) in synopsis or not reads_installs and install is not None:
            continue
        weak = strict or unlabelled and not any(a.startswith("--") and len(a) > 2 for a in command.argv[1:])
        alternative = other_way or command.span.line in alternatives or tests_run or command.fallback \
            or command.platform_only or platform_way and install is None or (
            per_project_from is not None and command.span.line > per_project_from)
        users_project = not c.makes_project and _runs_users_project(command, c.bundled_names)
        with c.sourced("project-command") if users_project else nullcontext():
            c.command(command, cited=weak, alternative=alternative,
                      guarded=command.program in guarded or _version_probe(command) or command.if_file_exists
                      or command.copes_without or command.span.line in installer_optional
                      or platform_way and install is not None)
    if node_needed is not None and not other_way and not (
            per_project_from is not None and node_needed.line > per_project_from):
        c.add("node", "system", node_needed, "command")  # `npm install x` or `yarn add x`: Node.js either way


# "split it with `ffmpeg` or `pydub`", "Use a CLI tool like `jq` or a Node.js one-liner": names offered as one
# choice of two or more (inline code, or a runtime after "or")
_BEFORE_OR = lazy(r"`([A-Za-z][\w.+-]*)`(?=(?:\s*,\s*`[^`\n]+`)*\s*,?\s+or\s)")
_AFTER_OR = lazy(r"\bor\s+(?:an?\s+|the\s+)?(?:`([A-Za-z][\w.+-]*)`|(Node\.js|Deno|Bun)\b)")


# "Use `jq` for formatting:", "(useful with `jq`)", "compatible with jq": a program offered to make output look
# better, over JSON the skill's own commands already print
_FOR_LOOKS = lazy(r"\buse\s+`([A-Za-z][\w.+-]*)`\s+(?:for|to)\s+(?:format\w*|pretty[- ]?print\w*|prettif\w*|"
                  r"readab\w*|nicer|colou?r\w*)\b"
                  r"|\b(?:useful|handy|compatible|works well)\s+with\s+`?([A-Za-z][\w.+-]*)`?", re.IGNORECASE)


def _offered_for_looks(doc: MarkdownDoc) -> dict[int | None, set[str]]:
    """By section, the programs its prose offers for nicer output ("- `json` - JSON format (useful with `jq`)"
    above the examples): optional in that section's blocks (lower case)."""
    found: dict[int | None, set[str]] = {}
    for paragraph in doc.paragraphs:  # a list item's text is its paragraph's: read once
        for m in _FOR_LOOKS.finditer(paragraph.text[:_LINE_CUE_CHARS]):
            found.setdefault(paragraph.section, set()).add((m.group(1) or m.group(2)).lower())
    return found


def _offered_as_one_of(intro: str) -> set[str]:
    """The programs the paragraph before a block offers as one choice among others (lower case; a runtime by its
    program): the block then shows one way, and its use of them is optional."""
    if " or " not in intro:
        return set()
    found = {m.group(1).lower() for m in _BEFORE_OR.finditer(intro)}
    found |= {m.group(1).lower() if m.group(1) else _runtime_named(m.group(2)) for m in _AFTER_OR.finditer(intro)}
    return found


_VERB = lazy(r"[a-z][a-z-]*")


def _usage_alternatives(facts: CodeFacts) -> set[int]:
    """Commands that a usage synopsis writes as another verb after a pipe meaning "or" (`agent-browser check @e5 |
    uncheck @e5`): no program a lexicon knows, given the very arguments the command before it gives its verb (a
    word). `jq '.a = 1' f.json | sponge f.json` is a pipeline: jq's first argument is no verb. By id."""
    before: dict[tuple[tuple[int, int], int], Command] = {}
    found: set[int] = set()
    for command in facts.commands:
        if command.pipeline is None or command.pipeline_position is None:
            continue
        previous = before.get((command.pipeline, command.pipeline_position - 1))
        args = command.argv[1:]
        if previous is not None and args and previous.argv[2:] == args and _VERB.fullmatch(previous.argv[1]) \
                and command.program not in KNOWN_PROGRAMS:
            found.add(id(command))
        before[(command.pipeline, command.pipeline_position)] = command
    return found


def _after_code(comment_line: int, block: CodeBlock | None, lines: list[str] | None) -> bool:
    """Whether a comment of a code block (whose text is ``lines``) follows code on its line (`pnpm add -g x   # or:
    npm install -g x`); in a script, never (its comments are read as heading the next line)."""
    return block is not None and lines is not None and 0 <= comment_line - block.content_line < len(lines) \
        and not lines[comment_line - block.content_line].lstrip().startswith("#")


WAY_COMMENT = lazy(r"(?i)#*\s*(with|using|via)\s+(?P<tool>[\w.+-]+)(\s+\+\s+[\w.-]+)*\s*(\([^)\n]*\))?:?\s*")


def _tool_of_way(comment: str, programs_at: dict[int, set[str]], lines: range) -> str | None:
    """The tool a comment names alone as the way of the lines it heads (`# With gh` over `gh issue list`, `# Using pip`
    over `pip install x`), lowercased; None for any other comment, and for one whose word is no program of those lines
    (`# With options` over `tool x --verbose` is a variant, not another way). ``programs_at``: the programs of each
    line, lowercased."""
    m = WAY_COMMENT.fullmatch(comment.strip())
    if m is None:
        return None
    tool = m.group("tool").lower()
    return tool if any(tool in programs_at.get(line, ()) for line in lines) else None


def _installer_kind(cmd: Command, install: tuple[str, list[str], str] | None) -> str:
    """What a command of another install way needs: Node.js for npm, yarn and pnpm (bun runs without it), else
    :func:`_install_kind`, or the program of a command that installs nothing."""
    if cmd.program in NODE_PACKAGE_MANAGERS:
        return "node"
    return _install_kind(cmd, install) if install is not None else cmd.program


def _first_of_two_install_ways(installs: Installs, comments: list[Comment], block: CodeBlock,
                               block_lines: list[str]) -> set[int]:
    """The install lines above a comment that offers another way to install (`go install .../weathercli@latest`,
    then `# Or download binary from releases`): the first way installs what the skill needs without requiring its
    package manager, as a first way beside another package manager's does. Not when the other way installs with
    one of the same kind (`yarn add x` then `# Or install with npm`: Node.js either way), nor after an "or" that
    offers no way to install (`# Or use API key`)."""
    for comment in comments:
        if OR_WAY.match(comment.text) and INSTALL_WAY.search(comment.text) and ALTERNATIVE_LINE.match(comment.text):
            headed = _lines_headed(comment.span.line, block, block_lines)
            other_kinds = {_installer_kind(cmd, install) for cmd, install in installs if cmd.span.line in headed}
            return {cmd.span.line for cmd, install in installs if install is not None
                    and cmd.span.line < comment.span.line and _installer_kind(cmd, install) not in other_kinds}
    return set()


def _lines_headed(comment_line: int, block: CodeBlock | None, lines: list[str] | None) -> range:
    """The lines a comment of a code block (whose text is ``lines``) heads: those that follow it up to a blank line
    or the next comment (`# Or manual compilation` before four compile commands); in a script, the next line only.
    A comment after code on its line speaks of that line (`pnpm add -g x   # or: npm install -g x`). Each line is
    read by one comment at most, so a block of many comments costs linear time."""
    if block is None or lines is None:
        return range(comment_line + 1, comment_line + 2)
    if _after_code(comment_line, block, lines):
        return range(comment_line, comment_line + 1)
    end = comment_line + 1
    while 0 <= end - block.content_line < len(lines) and lines[end - block.content_line].strip() \
            and not lines[end - block.content_line].lstrip().startswith("#"):
        end += 1
    return range(comment_line + 1, max(end, comment_line + 2))


def _runs_users_project(cmd: Command, bundled: frozenset[str]) -> bool:
    """A command that builds, tests or runs a project from its own manifest (`npm run build`, bare `npm install`,
    `cargo test`, `mvn package`, `docker compose up`, `python -m pytest`) when the skill bundles no such manifest: it
    runs in the user's project, whose toolchain that project declares ([project_commands] in data/vocabulary.toml).
    Also `kubectl apply -f k8s/` and `terraform plan`: the project's infrastructure, from its own manifests."""
    program, args = strip_version(cmd.program), cmd.argv[1:]  # `npx playwright@1.49 test`
    if program in ("python", "python3") and args[:2] == ("-m", "pytest"):
        program, args = "pytest", args[2:]
    entry = PROJECT_COMMANDS.get(program)
    if entry is None:
        return False
    words, manifests = entry
    if any(arg == "-" or "://" in arg and not arg.startswith("--") for arg in args):
        return False  # what it builds or applies comes from the skill: a URL it names (not an option's, as
        # `--api=http://localhost:3000`), or text piped in
    positional = [arg for arg in args if not arg.startswith("-")]
    first = positional[0] if positional else ""
    if "*" not in words and first not in words or first in ("install", "i") and len(positional) > 1:
        return False  # another subcommand, or an install line naming packages (which declares them)
    return not any(fnmatchcase(name, pattern) for name in bundled for pattern in manifests)


def _sibling_ways(doc: MarkdownDoc) -> set[int]:
    """The facts (by id) of one-command blocks that follow each other with nothing but blank lines between them, in
    one section, each running another program on the same last argument (`scrot out.png`, `gnome-screenshot -f
    out.png`, `import -window root out.png`): several ways to do one thing, of which the user's system has one. So
    are blocks of one section introduced each by the tool it uses ("**With gh:**", "**With git + curl:**")."""
    found: set[int] = set()
    run: list[CodeBlock] = []

    def close() -> None:  # each stretch of the run that shares its last argument
        for _last, stretch in itertools.groupby(run, key=lambda block: block.code.commands[0].argv[-1]):
            ways = list(stretch)
            if len(ways) >= 2 and len({block.code.commands[0].program for block in ways}) == len(ways):
                found.update(id(block.code) for block in ways)

    # "**With gh:**" over one block and "**With git + curl:**" over another, in one section: one way per tool
    labelled: dict[int | None, dict[str, list[CodeBlock]]] = {}
    for block in doc.code_blocks:
        single = block.code is not None and block.language == "shell" and len(block.code.commands) == 1 \
            and len(block.code.commands[0].argv) > 1
        if block.code is not None and block.code.commands \
                and (label := WAY_LABEL.match(without_markers(doc.intro(block)).strip())):
            labelled.setdefault(block.section, {}).setdefault(label["tool"].lower(), []).append(block)
        if single and run and run[-1].section == block.section and block.span.line - run[-1].end_line <= 2:
            run.append(block)
            continue
        close()
        run = [block] if single else []
    close()
    found.update(id(block.code) for by_tool in labelled.values() if len(by_tool) >= 2
                 for blocks in by_tool.values() for block in blocks)
    return found


WAY_LABEL = lazy(r"(?i)(with|using|via) (?P<tool>[^:\n]{1,40}?)\s*(\([^)\n]*\))?:\W*$")


def _makes_a_project(cmd: Command) -> bool:
    """A command that fetches or scaffolds a project (`git clone`, `npx create-next-app`, `cargo new`, `adk init`):
    the builds that follow are of the project the skill makes, whose toolchain the skill needs."""
    words = [arg for arg in cmd.argv[1:] if not arg.startswith("-")]
    first = words[0] if words else ""
    return cmd.program.startswith("create-") or cmd.program in ("git", "gh") and "clone" in words[:2] \
        or cmd.program != "git" and first in ("init", "new", "create")


def _reference_commands(c: _Collector) -> None:
    """The programs that shell blocks of the skill's Markdown for the agent (references/, resources/, not READMEs)
    run: the agent follows those pages, so what they run is required (the labelled skills count `kubectl` and `npx
    pa11y` of a playbook), read as strictly as commands in prose (only programs a lexicon knows). They are sourced
    `reference`: SKILL.md and the scripts do not run them, so DP001 does not ask the skill to declare them. Install
    lines there are _reference_code's."""
    skill = c.skill
    with c.sourced("reference"):
        for doc in skill.agent_docs():
            if doc.file != skill.skill_md_path:
                for block in doc.code_blocks:
                    if block.code is not None and block.code.language == "shell" and block.code.commands:
                        _commands(c, block.code, block, doc, strict=True, reads_installs=False)


UI_COMPONENT_SUFFIXES = (".tsx", ".jsx", ".vue", ".svelte")


def _code(c: _Collector) -> None:
    skill = c.skill
    assigned_by_file: dict[str, set[str]] = {}
    exported: set[str] = set()
    units = [(file, facts, block) for file, facts, block in skill.code_units() if _in_scope(file, block, skill)]
    cited: set[int] = set()
    cited_elsewhere: set[int] = set()  # commands in prose whose line or section offers another way, or is CI's
    if skill.body is not None:
        forbidden = _forbidden(skill.body)
        units += [(skill.body.file, command.code, None) for command in skill.body.command_lines
                  if id(command.code) not in forbidden]
        cited = {id(command.code) for command in skill.body.command_lines}
        cited_elsewhere = _cited_another_way(skill.body, c.read_once(_language_labels, skill.body),
                                             c.read_once(_skippable_sections, skill.body))
    # `os.environ["X_DEBUG"] = "1"` in one of the skill's scripts, or `export X=...` in the launcher that starts
    # another: the skill sets X for itself
    set_by_scripts = {e.name for _file, facts, block in units if block is None for e in facts.exports}
    for file, facts, block in units:
        if facts.language == "shell":
            for name in facts.assignments:
                assigned_by_file.setdefault(file, set()).add(name.name)
        if block is not None:  # `export NAME=...`, `os.environ["NAME"] = "..."` in SKILL.md: the user sets NAME
            exported.update(e.name for e in facts.exports)
    _add_what_sourced_scripts_set(units, assigned_by_file)
    c.builds_js_project = builds_js_project = any(
        cmd.program in ("npm", "pnpm", "yarn", "bun") and cmd.via is None
        or cmd.via in NPM_PACKAGE_RUNNERS and cmd.program.startswith("create-")
        for _file, facts, block in units if block is not None for cmd in facts.commands)
    inline = {id(inner) for _file, facts, _block in units for inner in facts.embedded}
    local_folders = {folder for f in skill.files for folder in f.path.split("/")[:-1]}
    offered_without = _offered_without(skill, units)
    done_without = _done_without(skill)
    c.folders_named = _folders_named(units)
    c.presence_predicates = _presence_predicates(units)
    c.makes_project = any(_makes_a_project(cmd) for _file, facts, _block in units for cmd in facts.commands)
    sibling_ways = _sibling_ways(skill.body) if skill.body is not None else set()
    excerpts = project_excerpts(skill)
    for file, facts, block in units:
        # Code in a fence is code the agent writes or adapts, and a template or example under assets/, templates/
        # or examples/ code it copies into the user's project: their imports are requirements, sourced as example code
        source = "import" if block is None and not handed_out(file) else "example-code"
        test_code = block is None and _test_code(file)  # the skill's own tests: what they need is for developers
        tests_run = block is None and in_tests_folder(file)
        if facts.language == "python":
            # `sys.path.insert(0, str(SKILL_DIR / "social-auto-upload"))`: a folder the skill clones or is given, not
            # one of its own; an import that names no known distribution is then taken as one of that folder's
            foreign = _folders_put_on_path(facts) - local_folders
            known = _data("pypi_import_names.json")
            # setup.py's setuptools is the build backend pip provides when it installs the package
            build_script = block is None and file.rsplit("/", 1)[-1] == "setup.py"
            for imp in facts.imports:
                top = imp.module.split(".", 1)[0]
                if build_script and top in ("setuptools", "distutils"):
                    continue
                if not imp.relative and not (foreign and top not in known):
                    c.python_import(imp.module, imp.span, imp.names, source=source, test_code=test_code,
                                    optional=imp.optional)
            _pytest_plugins(c, facts, file, block, source=source, test_code=test_code)
        elif facts.language in ("javascript", "typescript"):
            # A JS fence in SKILL.md is an example of code to write: its imports are requirements when the skill sets
            # up a JS project (npm install, npx create-*), as bundled scripts' imports are; a bundled UI component
            # (`templates/Button.tsx`) is code of the user's app, which nothing runs unless the skill builds one.
            script = block is None and not file.lower().endswith(UI_COMPONENT_SUFFIXES)
            # Not required: a module an `await import()` in try/catch loads for an optional feature, what a bundled
            # script's `import type` names (erased when it runs; code the agent writes into a project still
            # type-checks against it), and the imports of a larger project's code (the host's, patched)
            host_code = block is None and file in excerpts
            for imp in facts.imports:
                c.js_import(imp.module, imp.span, source=source, required=(script or builds_js_project)
                            and not imp.optional and not (imp.type_only and block is None) and not host_code,
                            dev=test_code)
        for word, span in _installer_words(facts).items():
            c.install_scripts.setdefault(word, span)
        for product, span in (*_installer_products(facts).items(), *_copied_onto_path(facts).items()):
            c.install_products.setdefault(product, span)
        for repository, span in _cloned_and_installed(facts).items():
            c.cloned_installs.setdefault(repository, span)
        _commands(c, facts, block, skill.body, strict=id(facts) in cited,
                  other_way=id(facts) in cited_elsewhere or id(facts) in sibling_ways,
                  tests_run=tests_run, offered_without=offered_without, done_without=done_without)
        # (not the variables the skill's own test suite reads, `test/llm-batch-test.mjs`: its developers set them)
        if facts.language == "shell" and not tests_run:
            _env(c, facts, (assigned_by_file.get(file, set()) - exported) | set_by_scripts)
        elif not tests_run:  # code a shell script runs inline reads what the script sets (`export X=...; python3 -`)
            _env(c, facts, (assigned_by_file.get(file, set()) if id(facts) in inline else set()) | set_by_scripts)
        _services(c, facts)
    for name in sorted(exported):
        if ENV_NAME.match(name) and name not in SHELL_VARIABLES:
            span = next((e.span for _f, facts, _b in units for e in facts.exports if e.name == name), None)
            c.add(name, "env", span, "export")
    _env_files(c)
    _mcp_configs(c)
    # a runtime the skill's scripts need; not examples/ or tests/, which its users never run, nor a template it hands
    # out for the user's app (`templates/compute-shader.js` runs in a browser), nor a plugin of the host agent, which
    # the host loads into its own runtime
    plugins = host_plugin_code(skill)
    for f in skill.files:
        if f.language in ("javascript", "typescript") and f.kind == "script" and not for_people(f.path) \
                and not handed_out(f.path) and not is_type_declaration(f.path) and not _test_code(f.path) \
                and _is_node_code(f, excerpts) and f.path not in plugins:
            runtime = "node"
            if f.shebang and any(r in f.shebang for r in ("deno", "bun")):
                runtime = "deno" if "deno" in f.shebang else "bun"
            c.add(runtime, "system", Span(f.path, 1), "script")


# A command run with Python's module search path set (`PYTHONPATH=python python3 -m pkg`, after other assignments)
SEARCH_PATH_SET = lazy(r"\A\s*+(?:(?!PYTHONPATH=)[A-Za-z_]\w*+=\S*+\s++)*+PYTHONPATH=\S")


# `# or`, `# alternatively`, `# or with bun:`, `# Option 2:` on the line before a command: that command is one way
# of several, unless the comment recommends it (`# Or use uv (recommended)`: the way the author expects).
# `# Windows` before `choco install` and `# On BlackArch/Arch Linux` before `pacman -S` give one platform's way;
# `# On instance` before `nvidia-smi`, another machine's commands.
ALTERNATIVE_LINE = lazy(r"#(?!.*(\b(recommended|preferred)\b|推荐|推奨|おすすめ))"
                        r"\s*((or|alternatively|instead)\b|(option|method|approach|alternative) ?#?([2-9]|\d\d|[b-h])\b"
                        r"|(on|inside|in) (the |your |each )?(remote( \w+)?|instance|"
                        r"server|vm|pod|container|droplet)(?![.\w-])"
                        r"|(?P<platform>(on |for |with )?([\w-]+/)*(windows|macos|mac|os ?x|linux|ubuntu|debian|"
                        r"fedora|arch|centos|rhel|alpine|wsl|homebrew|brew|apt|chocolatey|kali|blackarch|manjaro|"
                        r"opensuse|nixos|freebsd)\b))"
                        r"|#.*\b(if needed|if applicable|optional(ly)?|if you prefer|if (installed|available)"
                        r"|if you (already )?(have|use))\b",
                        re.IGNORECASE)
OR_WAY = lazy(r"#\s*(or|alternatively|instead)\b", re.IGNORECASE)  # `# Or download ...`, not `# macOS`
INSTALL_WAY = lazy(r"\b(download\w*|install\w*|build\w*|binar(y|ies)|releases?|from source|homebrew|brew)\b",
                   re.IGNORECASE)
ALTERNATIVE_PATH = cue("alternative_path")
CLUSTER_WAY = cue("cluster_way")
PLATFORM_WAY = cue("platform_way")
EXAMPLE_OF = cue("example_of")
OR_BEFORE = cue("or_before")
# "(`npm test` / `cargo test` / `pytest`)": a slash list of inline commands gives one per kind of project, so
# its first is one of several too (after "or", the first is the main way)
SLASH_AFTER = lazy(r"`\s+/\s+`")
# "`npx shadcn`, `pnpm dlx shadcn`, or `bunx shadcn`": a command after a comma in a series that ends in "or" is
# one of several ways, as one after "or" is (the first is the main way)
SERIES_BEFORE = lazy(r"`\s*[,，、]\s*`?$")
OR_SERIES = cue("or_series")
OR_SIMILAR = cue("or_similar")
OPTIONAL_STEP = cue("optional_step")  # an intro's "(if needed):": the block after it is an optional step
FOR_CI = cue("for_ci")
PER_PROJECT = cue("per_project")


def _another_way(*texts: str) -> bool:
    """Whether the text around a command (a block's intro, a heading) makes it one way of several (another path,
    the one that fits the user's project, a cluster's beside one machine's), or the user's CI's: what it runs is not
    required."""
    return any(ALTERNATIVE_PATH.search(text) or FOR_CI.search(text) or PER_PROJECT.search(text)
               or CLUSTER_WAY.search(text) for text in texts if text)


OPTIONAL_INTEGRATION = cue("optional_integration")


SKIP_WHEN_MISSING = cue("skip_when_missing")


def _skippable_sections(doc: MarkdownDoc) -> set[int]:
    """The sections (and those below them) whose prose says to skip them when what they need is missing ("If
    unavailable, skip this investigator and note it in the report"): what their blocks run is optional."""
    said = {p.section for p in doc.paragraphs if p.section is not None and SKIP_WHEN_MISSING.search(p.text)}
    if not said:
        return set()
    skippable: set[int] = set()
    for index, section in enumerate(doc.sections):  # a section comes after its parent
        if index in said or section.parent in skippable:
            skippable.add(index)
    return skippable


def _in_integrations(doc: MarkdownDoc, block: CodeBlock) -> bool:
    """Whether the block stands in a section, or below one, about using the skill with other tools ("## Integration
    with Other Tools" > "### Ollama"): the tool it runs is an optional companion."""
    section = block.section
    while section is not None and section >= 0:
        if OPTIONAL_INTEGRATION.search(doc.sections[section].title):
            return True
        section = doc.sections[section].parent
    return False


_CLAUSE_END = lazy(r"[.;:!?)]\s|[)。；]")
_LINE_CUE_CHARS = 1000  # of a prose line read for cues: one long line of many commands costs linear time


def _language_rows(doc: MarkdownDoc) -> set[int]:
    """The lines of table rows whose first cell names a language, in a table whose rows name two or more (`| **Ruby**
    | Gemfile | `bundle update` |` beside `| **Node.js** | ... | `npm audit` |`): each row is one kind of project's
    way, as a language's section is."""
    lines: set[int] = set()
    for table in doc.tables:
        languages = {index: name for index, row in enumerate(table.rows)
                     if row and (name := _language_label(row[0])) is not None}
        if len(set(languages.values())) >= 2:
            lines.update(table.span.line + 2 + index for index in languages)  # the header, the rule, then the rows
    return lines


_HEADER_WORD = lazy(r"[a-z][\w.+-]*")
_CELL_PROGRAM = lazy(r"`\s*(?:sudo\s+)?([A-Za-z][\w.+-]*)")


def _tool_columns(doc: MarkdownDoc) -> set[int]:
    """The lines of table rows where two or more columns are each one tool's way to the row's action (`| Action | gh |
    git + curl |` over `` `gh pr list` `` and `` `curl -s ...` ``; `| Task | MATLAB | Octave |`): each row offers the
    tools as alternatives, as a row per language does. A column is a tool's when a word of its header is the program
    of a command in its cells, or a program whose column holds only code (`| curl endpoint |` over `` `GET
    /repos/{o}/{r}/issues` ``: the requests curl sends); or a language's, when its header names one alone (`| Tool
    category | Python | Rust | TypeScript |` over `uv`, `cargo`, `bun test`: one language's toolchain each)."""
    lines: set[int] = set()
    for table in doc.tables:
        tools = 0
        for column, header in enumerate(table.header[1:], 1):
            if _language_label(without_markers(header).strip()) is not None:
                tools += 1
                continue
            named = set(_HEADER_WORD.findall(without_markers(header).lower()))
            cells = [row[column].strip() for row in table.rows if column < len(row) and row[column].strip()]
            if named and any(m is not None and m.group(1).lower() in named
                             for cell in cells for m in [_CELL_PROGRAM.search(cell)]) \
                    or named & KNOWN_PROGRAMS and cells and all(cell.startswith("`") for cell in cells):
                tools += 1
        if tools >= 2:
            lines.update(table.span.line + 2 + index for index in range(len(table.rows)))  # header, rule, rows
    return lines


def _cited_another_way(doc: MarkdownDoc, labels: dict[int | None, list[int]], skippable: set[int]) -> set[int]:
    """The facts (by id) of the commands in prose that :func:`_another_way` would say of: their line says so before
    them ("Or install via Cargo: `cargo ...`", "**Optional**: `htop`"; an "Optional: ..." after the command is
    about other things), or right before them ("Use Xcode or `swift package init`"), or lists them with slashes
    ("`npm test` / `cargo test`"), or gives them as examples in the same clause ("Build command: e.g., `next
    build`"; not "(for example, run `gh auth login` once), then run `gh auth status`"), or anywhere for CI ("`npm
    audit` in CI"), or their section's heading does, or they follow a label of one language beside another's
    (``labels``, the document's :func:`_language_labels`), or sit in a table row of one language of several
    (:func:`_language_rows`) or of one tool's column beside another's (:func:`_tool_columns`), or stand in a section
    to skip without them (``skippable``). Each line and heading is read once, however many commands it holds."""
    found: set[int] = set()
    by_line: dict[int, tuple[str, int | None, list[int], bool]] = {}
    headings = doc.headings_at(command.span.line for command in doc.command_lines)
    sections = doc.sections_at(command.span.line for command in doc.command_lines) if labels or skippable else {}
    labelled = {line for line, section in sections.items() if any(end < line for end in labels.get(section, ()))}
    labelled |= {line for line, section in sections.items() if section in skippable}
    labelled |= _language_rows(doc) | _tool_columns(doc)
    split: dict[int, list[str]] = {}  # a paragraph's lines, split once
    # the installs of each line ("`npm i -g opencode-ai` or `brew install anomalyco/tap/opencode`": two ways to one
    # program, of which the first needs its package manager no more than the second does)
    installs_at: dict[int, list[str]] = {}
    for command in doc.command_lines:
        if command.code.commands and install_line(command.code.commands[0]) is not None:
            installs_at.setdefault(command.span.line, []).append(command.text)
    for command in doc.command_lines:
        number = command.span.line
        if number not in by_line:
            head = command.source_line[:_LINE_CUE_CHARS]
            cue = ALTERNATIVE_PATH.search(head)
            cue_end = cue.end() if cue else None
            if cue is None and ALTERNATIVE_PATH.search(_sentence_left_open(doc, number, split)):
                # "On a machine without a display, run Blender under a virtual one:" on the line above: the
                # commands up to this line's first sentence break are that other way
                first_break = _SENTENCE_END_IN_LINE.search(head)
                head = head[:first_break.start()] if first_break else head
                cue_end = 0
            by_line[number] = (head, cue_end, [m.end() for m in EXAMPLE_OF.finditer(head)],
                               bool(FOR_CI.search(head)) or _another_way(headings[number]))
        head, cue_end, example_ends, whole_line = by_line[number]
        start = head.find(command.text)  # -1: not on the line
        after = start + len(command.text)
        if whole_line or number in labelled or cue_end is not None and cue_end <= start \
                or start > 0 and OR_BEFORE.search(head[max(0, start - 12):start]) \
                or start > 0 and SERIES_BEFORE.search(head[max(0, start - 6):start]) and OR_SERIES.match(head, after) \
                or start >= 0 and SLASH_AFTER.match(head, after) or start >= 0 and OR_SIMILAR.match(head, after) \
                or start >= 0 and command.text in installs_at.get(number, ()) \
                and _or_another_install(head, after, installs_at[number]) \
                or start >= 0 and _for_one_kind_of_project(head, after) or any(
                end <= start and not _CLAUSE_END.search(head, end, start) for end in example_ends):
            found.add(id(command.code))
    return found


def _for_one_kind_of_project(head: str, after: int) -> bool:
    """Whether the clause right after a command gives it as one kind of project's ("`uv run` for uv-managed
    projects")."""
    kind = PER_PROJECT.search(head, after, after + 60)
    return kind is not None and not _CLAUSE_END.search(head, after, kind.start())


def _or_another_install(head: str, after: int, installs: list[str]) -> bool:
    """Whether "or" and another of the line's installs follow position ``after`` ("... or `brew install x`")."""
    series = OR_SERIES.match(head, after)
    return series is not None and any(head.startswith(text, series.end()) for text in installs)


_SENTENCE_END_IN_LINE = lazy(r"[.!?](?:\s|$)|[。！？]")


def _sentence_left_open(doc: MarkdownDoc, line: int, split: dict[int, list[str]]) -> str:
    """The sentence the lines above ``line`` leave open when they are lines of its paragraph (the words after their
    last sentence break, three lines back at most), or ""."""
    index = doc.paragraph_holding(line)
    if index is None or doc.paragraphs[index].span.line == line:
        return ""
    paragraph = doc.paragraphs[index]
    lines = split.get(index)
    if lines is None:
        lines = split[index] = paragraph.text.split("\n")
    offset = line - paragraph.span.line
    # up to three lines back: a sentence wrapped over lines ("On a" / "machine without a display, run ...:")
    above = " ".join(lines[max(0, offset - 3):offset])[-_LINE_CUE_CHARS:] if 0 < offset <= len(lines) else ""
    breaks = list(_SENTENCE_END_IN_LINE.finditer(above))
    return above[breaks[-1].end():] if breaks else above


FORBIDS_COMMAND = cue("forbids_command")
DISOWNED_COMMAND = cue("disowned_command")
_BETWEEN_FORBIDDEN = lazy(r"(?:`[^`]*`|\s+|[,/]|\b(?:or|and|nor)\b|或|和|、)$")


def _forbidden(doc: MarkdownDoc) -> set[int]:
    """The facts (by id) of the commands in prose that their line forbids ("never `pip install` or `conda
    install`", "use `uv` instead of `pip`") or says do not work ("`gh auth login` tokens do NOT work for Copilot",
    "`pip install unsloth` will not work"): not run, so not needed."""
    found: set[int] = set()
    for command in doc.command_lines:
        head = command.source_line[:_LINE_CUE_CHARS]
        start = head.find(command.text)
        if start < 0:
            continue
        if DISOWNED_COMMAND.search(head[start + len(command.text):start + len(command.text) + 60]):
            found.add(id(command.code))
            continue
        if start == 0:
            continue
        before = head[:start].rstrip("`")
        while (tail := _BETWEEN_FORBIDDEN.search(before[-200:])) is not None and tail.group():
            before = before[:len(before) - len(tail.group())]  # earlier commands of the same list, "or", ","
        if FORBIDS_COMMAND.search(before[-200:]):
            found.add(id(command.code))
    return found


ENV_LINE = lazy(r"^(?:export\s+)?([A-Z][A-Z0-9_]*)=")


MCP_LAUNCH = lazy(r'"command"\s*:\s*"(npx|bunx|uvx)"\s*,\s*"args"\s*:\s*\[([^\]]*)\]')


def _mcp_configs(c: _Collector) -> None:
    """MCP server configs in JSON fences and bundled JSON files (``.mcp.json``, a desktop config):
    ``{"command": "npx", "args": ["-y", "pkg"]}`` runs package ``pkg``. A bundled config declares the package, as
    an install line does (the client that reads it fetches it); a fence only tells the user what to add (see
    :func:`stated_in_prose`). The runner, npx's Node.js, either one only uses."""
    # A config in another Markdown page (a reference's "add to your assistant's MCP configuration") is sourced
    # like that page's commands: required, but not by SKILL.md or the scripts, so DP001 does not ask for it.
    configs = [(block.text, block.span.file, block.content_line, doc is not c.skill.body, False)
               for doc in c.skill.markdown_docs()
               for block in doc.code_blocks if block.language in _JSON_FENCES]
    configs += [(f.text, f.path, 1, False, True) for f in c.skill.files
                if f.text is not None and f.path.endswith(".json") and "node_modules/" not in f.path]
    for text, file, first_line, in_other_page, bundled in configs:
        with c.sourced("reference") if in_other_page else nullcontext():
            for runner, kind, name, offset in _mcp_launches(text):
                span = Span(file, first_line + text.count("\n", 0, offset))
                c.add(name, kind, span, "mcp-config", declared=bundled)
                c.add(_RUNNER_RUNTIMES[runner], "system", span, "mcp-config")


_JSON_FENCES = ("json", "jsonc", "json5", None)


def _mcp_launches(text: str) -> Iterator[tuple[str, str, str, int]]:
    """``(runner, package kind, package, offset)`` of each server an MCP config launches through a package runner:
    ``"command": "uvx", "args": ["fulcra-context-mcp@latest"]`` gives the pip distribution ``fulcra-context-mcp``."""
    if '"command"' not in text:
        return
    for m in MCP_LAUNCH.finditer(text):
        args = [a.strip().strip('"') for a in m.group(2).split(",")]
        package = next((a for a in args if a and not a.startswith("-")), None)
        if package:
            kind = "pip" if m.group(1) == "uvx" else "npm"
            # `uvx mcp-proxy==0.8`, `uvx x@latest`: the distribution's name
            name = strip_version(package) if kind == "npm" \
                else _split_requirement(package.split("@", 1)[0])[0] or package
            yield m.group(1), kind, name, m.start()


def _env_files(c: _Collector) -> None:
    """Fences of SKILL.md that are a .env file (every line ``NAME=value``): the variables the user must set."""
    if c.skill.body is None:
        return
    for block in c.skill.body.code_blocks:
        if block.language not in (None, "env", "dotenv", "shell", "ini", "properties", "text", "bash"):
            continue
        lines = [(i, line.strip()) for i, line in enumerate(block.text.split("\n"))
                 if line.strip() and not line.strip().startswith("#")]
        if lines and all(ENV_LINE.match(line) for _i, line in lines):
            for i, line in lines:
                name = ENV_LINE.match(line).group(1)
                if ENV_NAME.match(name) and name not in SHELL_VARIABLES:
                    c.add(name, "env", Span(block.span.file, block.content_line + i), "env-file")


def _host_plugin_folders(skill: Skill) -> set[str]:
    """The folders (as path prefixes, "" for the skill's own) that hold a host agent's plugin manifest
    (`openclaw.plugin.json`, `clawdbot.plugin.json`, an OpenClaw hook's HOOK.md): their code is a plugin the host
    loads and runs itself."""
    return {f.path[:-len(name)] for f in skill.files
            if (name := f.path.rsplit("/", 1)[-1]) in HOST_PLUGIN_MANIFESTS}


def host_plugin_code(skill: Skill) -> set[str]:
    """The files of the skill's host plugins (:func:`_host_plugin_folders`): the host loads and runs them, so they
    need no runtime or runner of the skill's."""
    folders = _host_plugin_folders(skill)
    return {f.path for f in skill.files if _under_any(f.path, folders)} if folders else set()


def _under_any(path: str, folders: set[str]) -> bool:
    """Whether ``path`` lies under one of ``folders`` (path prefixes ending in "/", or "" for the skill's own): its
    own folders looked up, not every folder tried."""
    prefix = ""
    if prefix in folders:
        return True
    for part in path.split("/")[:-1]:
        prefix += part + "/"
        if prefix in folders:
            return True
    return False


def _is_node_code(f: Any, excerpts: set[str]) -> bool:
    """A JS/TS file that runs under Node (a shebang, imports, process.*), not a browser script beside index.html, nor
    an excerpt of some project's code (one of ``excerpts``, :func:`project_excerpts`), nor macOS's JavaScript for
    Automation (`#!/usr/bin/env osascript -l JavaScript`), which osascript runs."""
    if f.shebang:
        return "osascript" not in f.shebang
    facts = f.code
    if facts is None or f.path in excerpts:
        return False
    return bool(facts.imports) or bool(facts.env_reads) or any(call.name.startswith("process.") for call in facts.calls)


PROJECT_ALIASES = ("~/", "@/")  # no package is named so: a project's bundler or tsconfig `paths` maps them


def project_excerpts(skill: Skill) -> set[str]:
    """The skill's JS/TS files that import through some project's path aliases (`~/threads/manager`, `@/lib/db`), a
    relative path out of the skill's folder (`../../../utils/debugLogger.js`) or one up into a folder the skill does
    not ship (`../globals.js` from `patch/tts.js`, lifted out of the host's tree): code of a larger project to read,
    which runs only inside that project, not a script the skill runs. (A missing `./lib.js` is the skill's own
    module left out: the script is still meant to run.)"""
    shipped: set[str] | None = None  # made once, for the first file that imports upward
    found: set[str] = set()
    for f in skill.files:
        if f.language not in ("javascript", "typescript") or f.kind != "script" or f.code is None:
            continue
        if any(imp.module.startswith(PROJECT_ALIASES) for imp in f.code.imports):
            found.add(f.path)
            continue
        targets = [_module_stem(f.path, imp.module) for imp in f.code.imports if imp.module.startswith("../")]
        if not targets:
            continue
        if shipped is None:
            shipped = _shipped_modules(skill)
        if any(target.startswith("../") or not {target, f"{target}/index"} & shipped for target in targets):
            found.add(f.path)
    return found


def _module_stem(path: str, module: str) -> str:
    """The skill-relative path a relative import names, without its extension (TypeScript's `./lib.js` is lib.ts);
    it starts with `../` when it leaves the skill's folder."""
    return posixpath.splitext(posixpath.normpath(posixpath.join(posixpath.dirname(path), module)))[0]


def _shipped_modules(skill: Skill) -> set[str]:
    """The skill's files without their extensions, and their folders: what a relative import can name."""
    stems = {posixpath.splitext(f.path)[0] for f in skill.files}
    return stems | {posixpath.dirname(stem) for stem in stems}


def imported_by_another(skill: Skill) -> set[str]:
    """The skill's JS/TS files that another of its files imports (`import {x} from './lib.js'`, TypeScript's `.js`
    naming the `.ts` file): modules of a program, whose entry point is the file that imports them."""
    by_stem = {posixpath.splitext(f.path)[0]: f.path for f in skill.files
               if f.language in ("javascript", "typescript") and f.kind == "script"}
    found: set[str] = set()
    for f in skill.files:
        if f.language not in ("javascript", "typescript") or f.kind != "script" or f.code is None:
            continue
        for imp in f.code.imports:
            if imp.module.startswith(("./", "../")):
                target = _module_stem(f.path, imp.module)
                for stem in (target, f"{target}/index"):
                    if stem in by_stem and by_stem[stem] != f.path:
                        found.add(by_stem[stem])
    return found


def _allowed_tools(c: _Collector) -> None:
    """``allowed-tools: Bash(agent-browser:*)`` names programs the skill runs. Through a package runner it names
    the package and the runner's runtime (``Bash(npx agent-browser:*)``: the npm package and Node.js), as the
    command would; a runner alone (``Bash(npx:*)``) its runtime."""
    span = Span(c.skill.skill_md_path or "SKILL.md", c.skill.frontmatter.line_of("allowed-tools"))
    runs = []  # the runner entries, parsed together as one script, one entry a line
    for m in re.finditer(r"Bash\(\s*([A-Za-z0-9][\w.+-]*)([^:)\n]*)", c.skill.frontmatter.allowed_tools):
        program, rest = m.group(1), m.group(2).strip()
        if program in ALL_PACKAGE_RUNNERS and rest:
            runs.append(f"{program} {rest}")
        elif program in ALL_PACKAGE_RUNNERS:
            c.add(_RUNNER_RUNTIMES[program], "system", span, "allowed-tools")
        elif program not in BASE_PROGRAMS:
            c.add(program, "system", span, "allowed-tools")
    for cmd in extract_facts("\n".join(runs), "shell", span.file).commands if runs else ():
        c.command(structs.replace(cmd, span=span))  # each where allowed-tools says it



def _add_what_sourced_scripts_set(units: list[tuple[str, CodeFacts, CodeBlock | None]],
                                  assigned_by_file: dict[str, set[str]]) -> None:
    """A bundled shell script that sources another of the skill's (`source "$SCRIPT_DIR/lib.sh"`, `. ./common.sh`)
    has the variables that one sets: `DB_PATH="${TASKS_DB:-$HOME/tasks.db}"` in lib.sh is no setting of the
    script that reads `$DB_PATH`. So do shell libraries of one folder (see ``CodeFacts.library``) of each other's,
    and system files the vocabulary knows (`. /etc/os-release` sets `$VERSION_ID`)."""
    scripts = {file: facts for file, facts, block in units if block is None and facts.language == "shell"}
    by_name: dict[str, list[str]] = {}
    for file in scripts:
        by_name.setdefault(file.rsplit("/", 1)[-1], []).append(file)
    for file, facts in scripts.items():
        folder = file.rsplit("/", 1)[0] if "/" in file else ""
        for cmd in facts.commands:
            if cmd.program not in ("source", ".") or cmd.via is not None or len(cmd.argv) < 2:
                continue
            if cmd.argv[1] in SOURCED_SYSTEM_FILES:
                assigned_by_file.setdefault(file, set()).update(SOURCED_SYSTEM_FILES[cmd.argv[1]])
                continue
            targets = by_name.get(cmd.argv[1].rsplit("/", 1)[-1], [])
            # the sourcing script's own folder first, as `$(dirname "$0")/lib.sh` means
            target = next((t for t in targets if t.rsplit("/", 1)[0] == folder), targets[0] if targets else None)
            if target is not None and target != file:
                assigned_by_file.setdefault(file, set()).update(
                    {b.name for b in scripts[target].assignments} | {e.name for e in scripts[target].exports})
    # Libraries of one folder are sourced together by the script that calls their functions (which the skill need not
    # bundle): what `config.sh`'s `load_config` sets, `backup.sh`'s functions read.
    libraries: dict[str, list[str]] = {}
    for file, facts in scripts.items():
        if facts.library:
            libraries.setdefault(file.rsplit("/", 1)[0] if "/" in file else "", []).append(file)
    # (a library's own names are among them: its assignments are in assigned_by_file already, its exports in every
    # script's set_by_scripts, so the folder's whole set is added, once per folder, not once per pair of files)
    for files in libraries.values():
        folder_names = {b.name for file in files for b in scripts[file].assignments} \
            | {e.name for file in files for e in scripts[file].exports}
        for file in files:
            assigned_by_file.setdefault(file, set()).update(folder_names)


def _env(c: _Collector, facts: CodeFacts, assigned: set[str]) -> None:
    """Variables the code reads, but not those ``assigned`` before it runs."""
    for read in facts.env_reads:
        name = read.name
        if read.optional or name in assigned:
            continue
        if facts.language == "shell" and (not ENV_NAME.match(name) or name in SHELL_VARIABLES):
            continue
        if facts.language != "shell" and (not name or name in SHELL_VARIABLES):
            continue
        c.add(name, "env", read.span, "env-read")


def _services(c: _Collector, facts: CodeFacts) -> None:
    for url in facts.urls:
        host = url.url.split("://", 1)[1].split("/", 1)[0].split("?", 1)[0].rsplit("@", 1)[-1].lower()
        host = host.split(":", 1)[0] if not host.startswith("[") else host
        if HOST_NAME.fullmatch(host) and not PLACEHOLDER_HOSTS.search(host):
            host = _without_placeholder_labels(host)
            if host:
                c.add(host, "service", url.span, "url", required=True)


def _without_placeholder_labels(host: str) -> str:
    """The service a host name with the user's own part stands for: `your-org.atlassian.net` is Atlassian's
    `atlassian.net`; "" when nothing but a public suffix is left (`your-app.com`, `api.yourstore.com`,
    `example.com.br`)."""
    labels = host.split(".")
    own = [i for i, label in enumerate(labels) if PLACEHOLDER_LABEL.fullmatch(label)]
    if not own:
        return host
    rest = labels[own[-1] + 1:]
    return ".".join(rest) if len(rest) >= 2 and rest[0] not in _SECOND_LEVEL_SUFFIXES else ""


_SECOND_LEVEL_SUFFIXES = frozenset({"ac", "co", "com", "edu", "gov", "net", "org"})  # com.br, co.uk: no service


class DependencyFacts(Struct, frozen=True):
    """Every package, tool, variable and service the skill needs or declares, ordered by kind and name."""

    found: tuple[Dependency, ...]


def analyze(skill: Skill) -> DependencyFacts:
    return DependencyFacts(tuple(_dependencies(skill)))


def _dependencies(skill: Skill) -> list[Dependency]:
    c = _Collector(skill)
    for declarations in _DECLARATIONS:
        declarations(c)
    _code(c)
    _installed_by_section(c)
    _reference_code(c)
    _reference_commands(c)
    _npm_installs(c)
    _install_scripts(c)
    _cloned_installs(c)
    _reference_prose_installs(c)
    _programs_of_packages(c)
    _requirements_of_declared(c)
    _runtime_entries(c)
    _declared_by_bundle(c)
    _declared_by_engines(c)
    for (kind, name), dep in c.deps.items():
        if kind == "pip" and name in c.first_extras:
            dep.extras = c.first_extras[name]
    order = {"pip": 0, "npm": 1, "system": 2, "host": 3, "env": 4, "service": 5}
    return sorted(c.deps.values(), key=lambda d: (order[d.type], canonical(d.name, d.type)))


# The passes that read what a skill declares (manifests, frontmatter), before any that read what it uses
_DECLARATIONS = (_requirements, _pyproject, _pep723, _package_json, _metadata, _compatibility, _dependencies_field,
                 _allowed_tools)


def _declared_by_engines(c: _Collector) -> None:
    """A runtime package.json's `engines` names (`"node": ">=18"`) is declared, with that version; where nothing
    else declares it, ``only_in_engines`` says so (DP001 reports it as info: a client installing the skill reads hub
    metadata, not package.json)."""
    for key in c.engines:
        dep = c.deps[key]
        if not dep.declared:
            dep.declared = dep.only_in_engines = True


def _declared_by_bundle(c: _Collector) -> None:
    """A sub-skill is installed with the skill it is bundled in: what the bundle declares (frontmatter, manifests at
    its root) is declared for the sub-skill as well (pkiv/browse's `requires.bins: [stagehand]` for its sub-skills)."""
    bundle = c.skill.bundle
    if bundle is None:
        return
    outer = _Collector(bundle.skill)
    for declarations in _DECLARATIONS:
        declarations(outer)
    for key, dep in c.deps.items():
        theirs = outer.deps.get(key)
        if theirs is not None and theirs.declared and not dep.declared:
            dep.declared = True
            dep.sources.add("bundle")
            dep.evidence.extend(bundle.span(span) for span in theirs.evidence[:1])


def _longest_prefix(parts: list[str], table: dict[str, Any]) -> str | None:
    """The longest dotted prefix of a module path (``a.b.c``, ``a.b``, ``a``) that ``table`` has, or None."""
    return next((prefix for i in range(len(parts), 0, -1) if (prefix := ".".join(parts[:i])) in table), None)


_API_VERSION = lazy(r"_v\d+\w*$")  # pubsub_v1, data_v1beta: the version of an API, not part of the name


def _namespace_distribution(parts: list[str]) -> tuple[str, str] | None:
    """The distribution of a module under a namespace package, named after its path, and the module to import to
    check it: ``azure.ai.agents.models`` is azure-ai-agents (azure.ai.agents), ``google.cloud.pubsub_v1``
    google-cloud-pubsub. None outside a namespace, or for the bare namespace (``import azure``), which no
    distribution owns."""
    namespace = _longest_prefix(parts, PIP_NAMESPACE_DEPTHS)
    depth = PIP_NAMESPACE_DEPTHS[namespace] if namespace else 0
    if not depth or len(parts) < depth:
        return None
    name = "-".join(parts[: depth - 1] + [_API_VERSION.sub("", parts[depth - 1])]).replace("_", "-")
    return name, ".".join(parts[:depth])


def _npm_installs(c: _Collector) -> None:
    """npm comes with Node.js: a skill that runs npm only to install packages, and does not name npm, asks for
    Node.js, not for a program of its own (`npm install -g x`: node; `npm install` then `npm test`: npm)."""
    npm = c.deps.get(("system", "npm"))  # (a reference's `npm test` is the reference's: Node.js all the same)
    if npm is None or npm.declared or not set(npm.evidence) - c.reference_spans <= c.npm_install_spans:
        return
    del c.deps[("system", "npm")]
    for span in npm.evidence:
        c.add("node", "system", span, "command", required=False)
    node = c.deps[("system", "node")]
    node.required |= npm.required
    if npm.required_by_skill and not node.required_by_skill:  # point at the skill's line, not a reference's
        node.required_at = npm.required_at
    node.required_by_skill |= npm.required_by_skill
    node.required_at = node.required_at or npm.required_at


def _brought_along(declared: list[str], extras: dict[str, set[str]] | None = None, kind: str = "pip") -> dict[str, str]:
    """What installing these packages brings along, by canonical name -> the declared one that brings it: for pip
    their requirements on PyPI, followed through ``data/pypi_requires.json`` (built by
    ``corpus/build_pypi_requires.py``) three levels down, and what the extras an install names add (``extras``:
    canonical name -> extras; ``data/pypi_extras.json``); for npm their ``dependencies`` on the registry, through
    ``data/npm_requires.json`` (``corpus/build_npm_requires.py``)."""
    requires: dict[str, list[str]] = _data("pypi_requires.json" if kind == "pip" else "npm_requires.json")
    added: dict[str, dict[str, list[str]]] = _data("pypi_extras.json") if extras and kind == "pip" else {}
    brought: dict[str, str] = {}
    for name in declared:
        key = canonical(name, kind)
        level = [*requires.get(key, []),
                 *(dep for extra in sorted((extras or {}).get(key, ())) for dep in added.get(key, {}).get(extra, ()))]
        for _depth in range(3):
            level = [dep for dep in level if dep not in brought]
            brought.update((dep, name) for dep in level)
            level = [nested for dep in level for nested in requires.get(dep, [])]
    return brought


def _requirements_of_declared(c: _Collector) -> None:
    """A package that a declared one requires is installed with it (`pip install pymoo` brings matplotlib,
    transformers brings huggingface-hub and its `huggingface-cli`, `npm install x402` brings viem): declared by it,
    and set up with it."""
    for package_kind in ("pip", "npm"):
        declared = [dep.name for (kind, _), dep in c.deps.items()
                    if kind == package_kind and dep.declared and not dep.provided_by]
        brought = _brought_along(declared, c.pip_extras, package_kind) if declared else {}
        if not brought:
            continue
        for (kind, name), dep in c.deps.items():
            if kind == package_kind and not dep.declared and name in brought:
                dep.declared = True
                dep.provided_by = f"{package_kind} {brought[name]}"
        for (kind, _), dep in list(c.deps.items()):  # and the programs those bring: huggingface-cli of huggingface-hub
            if kind != "system" or dep.declared:
                continue
            bringing = next((brought[name] for kind_of_package, package in packages_of_program(dep.name)
                             if kind_of_package == package_kind and (name := canonical(package, package_kind))
                             in brought), None)
            if bringing is not None:
                c.provide(dep.name, package_kind, bringing)


def _programs_of_packages(c: _Collector) -> None:
    """A program that a package the skill declares installs is declared by it, and set up with it: `pip install
    yt-dlp` then `yt-dlp URL`, `npm install -g pnpm` then `pnpm build`, `pip install huggingface_hub` then `hf`, and
    what an install run when the program is missing names (`if ! command -v brun; then cargo install clvm_tools_rs`)."""
    for (kind, _), dep in list(c.deps.items()):
        # A program declared only as needed (`requires.bins`, compatibility) is still installed by its package;
        # one with an install line of its own (apt, brew, pipx) is set up by that line, but not one a cloned
        # repository's installer gives (env-setup.sh clones nothing).
        if kind != "system" or dep.provided_by or dep.install_lines:
            continue
        # pip and npm packages by the program's name, then the Debian or Homebrew package that holds the program
        # (`apt-get install poppler-utils` gives pdftoppm)
        # and `X-cli`, the name a command-line front end of X is published under (`npm i -g firecrawl-cli` gives
        # `firecrawl`, `pip install pltr-cli` gives `pltr`, `cargo install rue-cli` gives `rue`), an MCP server's
        # package `X-mcp` with its CLI (`npm i -g chrome-devtools-mcp` gives `chrome-devtools`), or a system
        # package `X-tools` (`brew install adr-tools` gives `adr`)
        candidates = [*c.installs_when_missing.get(dep.name, ()), *packages_of_program(dep.name),
                      *((kind, f"{dep.name}-cli") for kind in ("pip", "npm", "system")),
                      *((kind, f"{dep.name}-mcp") for kind in ("pip", "npm")), ("system", f"{dep.name}-tools")]
        candidates += [("system", package) for package in sorted(set(system_packages(dep.name)) - {dep.name})]
        if not any(c.provide(dep.name, package_kind, name) for package_kind, name in candidates):
            named = _pip_package_named_like(c, dep.name)
            if named is not None:
                c.provide(dep.name, "pip", named)


def _pip_package_named_like(c: _Collector, program: str) -> str | None:
    """The one declared pip package whose name begins with ``program`` (three letters or more), for a program no
    lexicon knows: `uv pip install pufferlib` gives `puffer`, `skypilot[aws]` gives `sky`, `marker-pdf` gives
    `marker`. Installing a distribution puts its console scripts on the environment's PATH, often under a short
    form of its name. Only the whole program name: `solana-keygen` and `llama-server` are not of the Python
    bindings `solana` and `llama-cpp-python`, and a program the lexicon knows (git, docker) is not a package's."""
    stem = program.lower().replace("_", "-")
    if program in KNOWN_PROGRAMS or len(stem) < 3:
        return None
    named = {dep.name for (kind, _), dep in c.deps.items()
             if kind == "pip" and dep.declared and canonical(dep.name, "pip").startswith(stem)}
    return named.pop() if len(named) == 1 else None


def packages_of_program(program: str) -> list[tuple[str, str]]:
    """The pip and npm packages that put ``program`` on PATH under their own or a known name (``netlify``:
    npm's netlify-cli, ``hf``: huggingface_hub, ``dx``: dxpy's console script), as ``(kind, package)``; npm's last."""
    pip = [PIP_BIN_PACKAGES.get(program, program), *_distributions_installing().get(program.lower(), ())]
    return [*(("pip", name) for name in dict.fromkeys(pip)), ("npm", NPM_BIN_PACKAGES.get(program, program))]


@cache
def _distributions_installing() -> dict[str, tuple[str, ...]]:
    """Program (lower case) -> the pip distributions whose console scripts include it, from
    ``data/pypi_programs.json`` (built by ``corpus/build_pypi_programs.py``)."""
    found: dict[str, list[str]] = {}
    for distribution, programs in _data("pypi_programs.json").items():
        for program in programs:
            found.setdefault(program.lower(), []).append(distribution)
    return {program: tuple(names) for program, names in found.items()}


REQUIREMENT_STATED = cue("requirement_stated")
REQUIREMENTS_HEADING = cue("requirements_heading")
RUNTIME_STATED = cue("runtime_stated", ignore_case=False)
_LISTED_NAME = lazy(r"[A-Za-z][\w+-]*(?:\.[A-Za-z][\w+-]*)*")  # `mcpc`, Node.js, GitHub CLI (gh)
STATED_WITHIN = 25  # characters between the name and the words that require it
_SERIES_GAP = lazy(r"\s*[,，、]?\s*(and\s+|or\s+|&\s*)?")  # between the names of one list: ", ", " and ", "、"


def stated_in_prose(skill: Skill, candidates: Iterable[str] = ()) -> set[str]:
    """The names SKILL.md writes as code right by words saying they must be present ("Ensure `playwright` is
    available", "Requires `jq`", "`sqlite3` must be installed"; for "Requires `ph-cli`" also its command `ph`), and
    the packages of the MCP server configs it shows: the agent is told, which is what declaring is for. Not a name further away in the sentence ("No API key required. Handles dependencies via `uv`"). Each line's cues
    are found once and its names in order, so a line of thousands of names costs linear time.

    Of ``candidates`` (lower case), also those written as plain words inside such words or right after them
    ("Ensure you have node installed", "Requires: ffmpeg"), where a plain word is less surely a name."""
    if skill.body is None:
        return set()
    lines = skill.skill_md_text.split("\n")
    found = _listed_as_requirements(skill.body) | _installed_in_comments(skill.skill_md_text)
    found |= _listed_to_install(skill.body)
    # an MCP server config SKILL.md shows the user ("Add to your MCP settings:"): its packages are named to install
    found |= {name.lower() for block in skill.body.code_blocks if block.language in _JSON_FENCES
              for _runner, _kind, name, _offset in _mcp_launches(block.text)}
    found |= {_runtime_named(m.group(0)) for m in RUNTIME_STATED.finditer(skill.skill_md_text)}
    found |= _stated_as_words(skill.skill_md_text, [name for name in candidates if name not in found])
    by_line: dict[int, list[str]] = {}
    for code in skill.body.inline_code:
        if 0 < code.span.line <= len(lines):
            by_line.setdefault(code.span.line, []).append(code.text)
    for number, names in by_line.items():
        line = lines[number - 1][:_LINE_CUE_CHARS]
        cues = [(m.start(), m.end()) for m in REQUIREMENT_STATED.finditer(line)]
        if not cues:
            continue
        starts = [cue_start for cue_start, _ in cues]
        at, series_end = 0, -1
        for name in names:
            start = line.find(f"`{name}`", at)
            if start < 0:  # past the part of the line read for cues, or written with more backticks
                continue
            end = at = start + len(name) + 2
            if series_end >= 0 and _SERIES_GAP.fullmatch(line, series_end, start):
                found.add(name.strip().lower())  # "Requires `requests`, `lxml` and `beautifulsoup4`": each
                series_end = end
                continue
            series_end = -1
            index = bisect_right(starts, start)  # the nearest cue before the name's start, and the one after
            for cue_start, cue_end in cues[max(index - 1, 0):index + 1]:
                between = line[min(end, cue_end):max(start, cue_start)]
                if len(between) <= STATED_WITHIN and ". " not in between:
                    found.add(name.strip().lower())
                    series_end = end
                    break
    # "Requires `ph-cli`": the package a command-line front end is published under names its command, `ph`
    return found | {command for name in found if (command := command_of_cli_package(name)) is not None}


def _runtime_named(words: str) -> str:
    """The program of the runtime ``words`` name ("Node.js CLI": node)."""
    return "deno" if "Deno" in words else "bun" if "Bun" in words else "node"


# Other spellings of a program in prose: Node.js for node
_PROSE_SPELLINGS = {"node": ("node", "node.js", "nodejs")}
_PROGRAM_OF_SPELLING = {spelling: program for program, spellings in _PROSE_SPELLINGS.items() for spelling in spellings}


def _spellings(program: str) -> tuple[str, ...]:
    """How prose may name a program: its own name, another spelling, or the system package that provides it
    ("requires graphviz" for `dot`)."""
    return tuple(dict.fromkeys((*_PROSE_SPELLINGS.get(program, (program,)),
                                *(p.lower() for p in system_packages(program) if len(p) > 2))))


# Cue words that may follow the name they state: "Go required", "Node (guaranteed available)", "jq is always installed"
_STATED_AFTER_NAME = lazy(r"required$|guaranteed|always")
_NAME_THEN_CUE = lazy(r" \(?|\s+(is|are)\s+")
_STATED_WORDS_LIMIT = 200  # occurrences of one name read for cues: a huge SKILL.md costs bounded time


def _stated_as_words(text: str, candidates: list[str]) -> set[str]:
    """The candidates written as a plain word inside words that require it, or right after them and an article
    ("Requires the buttonheist CLI"; see :func:`stated_in_prose`)."""
    found: set[str] = set()
    lower = text.lower() if candidates else ""
    cues_at: dict[int, list[re.Match[str]]] = {}  # line start -> its cues: each line read for cues once
    for name in candidates[:_STATED_WORDS_LIMIT]:
        for spelling in _spellings(name):
            start, seen = lower.find(spelling), 0
            while start >= 0 and seen < _STATED_WORDS_LIMIT and name not in found:
                seen += 1
                end = start + len(spelling)
                if _is_word(lower, start, end):
                    line_start = lower.rfind("\n", 0, start) + 1
                    line = lower[line_start:line_start + _LINE_CUE_CHARS]
                    at, until = start - line_start, end - line_start
                    if line_start not in cues_at:
                        cues_at[line_start] = list(REQUIREMENT_STATED.finditer(line))
                    # inside the cue's words, right after them ("Requires: ffmpeg"), or right before a bare
                    # "required" or an availability ("Install rmapi (Go required):", "Use Node (guaranteed
                    # available)", "node is always available")
                    if any(cue.start() <= at and until <= cue.end() or 0 <= at - cue.end() <= 6
                           and line[cue.end():at].strip(" :") in _ARTICLES
                           or _STATED_AFTER_NAME.match(cue.group(0))
                           and _NAME_THEN_CUE.fullmatch(line, until, cue.start())
                           for cue in cues_at[line_start]):
                        found.add(name)
                start = lower.find(spelling, end)
    return found


_ARTICLES = ("", "the", "a", "an")  # "Requires: ffmpeg", "Requires the buttonheist CLI"


def _is_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands as a word: no letter, digit or name character joins it on either side."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "_-./`$") and not (after.isalnum() or after in "_-`")


# `# pip install pytesseract pdf2image`, `# Requires: pip install x` in a code block: the install line an example
# tells its reader to run, commented out so that the example itself runs without it
_COMMENTED_PIP_INSTALL = lazy(r"^[ \t]*#[^\n]*?\b(?:pip3?|uv pip|python3? -m pip)[ \t]+install[ \t]+([^#\n]+)",
                              re.MULTILINE)


# `print("Error: Pillow not found. Install with: pip install Pillow")` under `except ImportError`: a script that
# names what to install when an import fails states its requirement
_PIP_INSTALL_HINT = lazy(r"\b(?:pip3?|uv pip|python3? -m pip)[ \t]+install[ \t]+([^\"'#\n]+)")


def _installed_in_comments(text: str) -> set[str]:
    """The packages commented-out pip install lines of SKILL.md name, lower case, without version specifiers (read
    as an install line's arguments are: options and their values skipped, names by :func:`_split_requirement`)."""
    return _pip_install_names(_COMMENTED_PIP_INSTALL, text)


def installed_in_hints(text: str) -> set[str]:
    """The packages a script's own text tells its user to pip install (an ImportError message, a comment), lower
    case, as :func:`_installed_in_comments` reads them."""
    return _pip_install_names(_PIP_INSTALL_HINT, text)


def _pip_install_names(pattern: LazyPattern, text: str) -> set[str]:
    found: set[str] = set()
    for m in pattern.finditer(text) if "install" in text else ():
        skip_value = False
        for word in m.group(1).split():
            if skip_value or word.startswith("-"):
                skip_value = not skip_value and word in INSTALL_OPTIONS_WITH_VALUES
                continue
            name, _version = _split_requirement(word)
            if name:
                found.add(name.lower())
    return found


INSTALL_INTRO = cue("install_intro")
_BARE_NAMES = lazy(r"[@\w][\w@./-]*(?:[ \t]+[@\w][\w@./-]*){0,9}")  # one line of up to ten names, nothing else
_COMMAND_WORDS_IN_BLOCK = frozenset({"install", "add", "i", "get", "run", "exec", "init", "check", "update", "upgrade"})


def _listed_to_install(body: MarkdownDoc) -> set[str]:
    """The names of a block right after a paragraph that ends by introducing what to install ("Install as
    devDependencies:" then ```` husky lint-staged prettier ````), lower case: the skill's own install step, written
    as what to install rather than as the command (a labelled block, or one that reads as a command, is left to
    the command reading)."""
    found: set[str] = set()
    for block in body.code_blocks:
        text = block.text.strip()
        if block.info.strip() or not _BARE_NAMES.fullmatch(text):
            continue
        names = text.split()
        if _COMMAND_WORDS_IN_BLOCK.intersection(names):
            continue  # a command (`gem install twurl`, `node cli.js check`): the command reading takes it
        before = body.paragraphs_ending(block.span.line - 3, block.span.line)
        if before and INSTALL_INTRO.search(before[-1].text):
            found.update(name.lower() for name in names)
    return found


def _listed_as_requirements(body: MarkdownDoc) -> set[str]:
    """The names the list items and paragraphs of a requirements section give ("## Prerequisites" / "- `mcpc` CLI
    tool", "- Node.js (for serving the app)", "Just run with npx. Node.js 18+ recommended."), and the first cells of
    its tables (`| `jq` | JSON parsing |` under "## Requirements"), and the items of a list a requirements label
    leads in anywhere ("**Requirements:**" / "- Node.js 18+"), lower case, and without ``.js`` too (Node.js is
    `node`)."""
    listing = {index for index, section in enumerate(body.sections) if REQUIREMENTS_HEADING.search(section.title)}
    # a list a requirements label leads in, wherever it is ("**Requirements:**" / "- Node.js 18+" below an install)
    led = [index for lead in body.paragraphs if _requirements_label(lead) for index in body.items_led_by(lead)]
    if not listing and not led:
        return set()
    # and the lists of the sections under them ("## Prerequisites" / "### Required" / "- **yt-dlp** - YouTube
    # downloader"); their paragraphs explain (a "### Import Private Key" under "## Setup Verification")
    under: set[int] = set()
    for index, section in enumerate(body.sections):  # a section comes after its parent
        if index not in listing and (section.parent in listing or section.parent in under):
            under.add(index)
    texts = [item.text for item in [*body.list_items, *(p for p in body.paragraphs if p.list_item is None)]
             if item.section in listing]
    texts += [item.text for item in body.list_items if item.section in under]
    texts += [body.list_items[index].text for index in led]
    for table in body.tables:
        if any(body.sections[index].span.line <= table.span.line <= body.sections[index].end_line
               for index in listing):
            texts.extend(row[0] for row in table.rows if row)
    found: set[str] = set()
    for text in texts:
        for name in _LISTED_NAME.findall(text[:_LINE_CUE_CHARS].lower()):
            found.add(name)
            found.add(name.removesuffix(".js"))
    return found


def _requirements_label(lead: Paragraph) -> bool:
    """Whether a paragraph ends in a label that leads in what must be present: a few words a requirements heading
    would say, then a colon ("**Requirements:**", "Prerequisites:", "You'll need:")."""
    label = lead.last_line.strip(" *_")
    return label.endswith((":", "：")) and len(label.split()) <= _LABEL_WORDS \
        and REQUIREMENTS_HEADING.search(label) is not None


_LABEL_WORDS = 6  # a label, not a sentence that mentions requirements ("See the requirements below for details:")


# --- commands for env-setup.sh ------------------------------------------------------------------------------------


def check_command(dep: Dependency) -> str | None:
    if dep.type == "pip":
        module = dep.import_name or re.sub(r"[-.]", "_", dep.name)
        importable = all(part.isidentifier() for part in module.split("."))  # azure.ai.agents too
        return f'python3 -c "import {module}"' if importable else f"python3 -m pip show {dep.name}"
    if dep.type == "npm":
        return f"npm ls --depth=0 {dep.name} >/dev/null 2>&1 || npm ls -g --depth=0 {dep.name}"
    if dep.type in ("system", "host"):
        return f"command -v {dep.name}"
    if dep.type == "env":
        return f'[ -n "${{{dep.name}:-}}" ]'
    return None


# How a person installs each kind by hand: the packages (pip and npm: one; system: Debian's, Homebrew's) fill in.
HAND_INSTALL = {"pip": "python3 -m pip install '{0}'", "npm": "npm install -g '{0}'",
                "system": "apt-get install -y {0} || brew install {1}",
                "cargo": "cargo install {0}", "go": "go install {0}", "gem": "gem install {0}"}
# Package managers of a language that install programs (`cargo install ripgrep`): what they install is theirs to set
# up, under the name the skill gives, not a Debian or Homebrew package of the program's name.
LANGUAGE_INSTALLERS = frozenset({"cargo", "go", "gem"})


def install_packages(dep: Dependency) -> tuple[str, ...] | None:
    """The package names that install ``dep``: the requirement for pip, the package for npm, and for a system
    program its Debian and Homebrew packages; None for what no package manager installs (variables, services)."""
    if dep.type == "pip":
        name = dep.name + (f"[{','.join(dep.extras)}]" if dep.extras else "")
        return (f"{name} @ {dep.url}" if dep.url else name + (dep.version or ""),)
    if dep.type == "npm":
        return (dep.url or dep.name,)
    if dep.type == "system":
        return system_packages(dep.name)
    return None


def install_with(dep: Dependency, templates: dict[str, str], quote=lambda word: word) -> str | None:
    """``dep``'s install line from one template per kind (or per language package manager, for what one
    installs), its packages quoted with ``quote``."""
    if dep.installed_with is not None and dep.installed_with[0] in templates:
        installer, arguments = dep.installed_with
        return templates[installer].format(" ".join(map(quote, arguments)))
    packages = install_packages(dep)
    if packages is None or dep.type not in templates:
        return None
    return templates[dep.type].format(*map(quote, packages))


def install_command(dep: Dependency) -> str | None:
    """How to install it by hand; None for a program its package installs (``provided_by``)."""
    return None if dep.provided_by else install_with(dep, HAND_INSTALL)


def system_packages(program: str) -> tuple[str, str]:
    """The Debian and Homebrew packages that provide ``program`` (``rg`` -> ``ripgrep``, ``ripgrep``)."""
    packages = _data("system_packages.json").get(program, {})
    return packages.get("debian", program), packages.get("brew", program)
