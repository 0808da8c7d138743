"""The typed model of one skill.

A skill is parsed once (see :mod:`skvm_lint.builder`) into these objects; rules and analyses query them and never
reopen files. Every element carries a :class:`Span` (file relative to the skill root, 1-based line and column), so
a diagnostic or an inferred fact can always point at its evidence.

The model is plain data: it pickles (for process pools and Dask) and holds no parser objects. Its records are
msgspec Structs: a check makes one for nearly every node, and a Struct is made in about half a dataclass's time (a
fifth of a frozen one's), hashes and compares faster, and its class costs ~0.04 ms to define against ~0.6 ms for a
dataclass, whose generated methods are compiled at import (27 of them were ~20 ms of every one-skill run).
BundledFile stays a dataclass: its lazily parsed content takes no part in equality.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from bisect import bisect_left, bisect_right
import dataclasses
from operator import attrgetter
from typing import Any, Callable, Iterable, Iterator

from msgspec import Struct, field

from .lazy_re import lazy
from .spec import SKILL_ARCHIVES


class Span(Struct, frozen=True):
    """A region of one file of the skill. ``file`` is POSIX-style and relative to the skill root."""

    file: str
    line: int
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


# --- Facts extracted from code (bundled scripts and code fences) -----------------------------------------------


class Import(Struct, frozen=True):
    """``import x`` / ``from x import y`` / ``require('x')`` / ``import x from 'x'``."""

    module: str
    span: Span
    relative: bool = False
    names: tuple[str, ...] = ()
    optional: bool = False  # guarded by `try/except ImportError` with a fallback
    type_only: bool = False  # TypeScript's `import type {...} from "x"`: erased, so nothing is loaded at run time


class Command(Struct, frozen=True):
    """A program invoked from shell code: ``program`` is the name as run (``jq``), ``argv`` the literal words.

    ``via`` names a wrapper that ran it (``sudo``, ``xargs``, ``npx``...). ``in_substitution`` is true inside
    ``$(...)`` or backticks; ``pipeline_position`` is the index within a pipeline (0 for the first command) and
    ``pipeline`` the (line, column) where that pipeline starts, so commands of one pipeline can be matched up.
    ``if_file_exists`` is true where the command runs only when a file exists (``if [ -f Cargo.toml ]; then cargo
    build; fi``, ``[ -f go.mod ] && go build``): what a project of that kind needs, not every project.
    ``copes_without`` is true where the code catches the program's absence and goes on (Python's ``try:
    subprocess.run(["rocm-smi", ...]) / except FileNotFoundError: pass``). ``fallback`` is true after ``||``: it runs
    only when what comes before fails (``npm run -s typecheck || npx tsc --noEmit``). ``platform_only`` is true where
    it runs on one operating system only (``if [[ "$(uname)" == Darwin ]]``, ``case "$(uname -s)" in``, after ``[[
    "$(uname)" != Darwin ]] && exit``, Python's ``if sys.platform == "win32":``): one platform's way.
    ``when_missing`` is true where it runs only when a program or module is missing (``if ! command -v rue; then
    cargo install rue-cli; fi``, ``command -v jq || apt-get install jq``): an install that happens once.
    ``missing_program`` is the program that probe looks for (``rue``), where it looks for a program: what such an
    install provides. ``stops_without`` is true where the script stops when the command fails (``if ! node
    --version; then echo "install node" >&2; exit 1; fi``, ``ffmpeg -version || exit 1``): a requirement it checks.
    ``in_function`` names the function the command runs in, the innermost (``cmd_setup``, ``install_deps``).
    """

    program: str
    argv: tuple[str, ...]
    span: Span
    text: str
    via: str | None = None
    in_substitution: bool = False
    pipeline_position: int | None = None
    pipeline: tuple[int, int] | None = None
    if_file_exists: bool = False
    copes_without: bool = False
    fallback: bool = False
    platform_only: bool = False
    when_missing: bool = False
    missing_program: str | None = None
    stops_without: bool = False
    in_function: str | None = None


class Call(Struct, frozen=True):
    """A function or method call; ``name`` is the dotted callee as written (``subprocess.run``)."""

    name: str
    span: Span
    arguments: str = ""


class StringLiteral(Struct, frozen=True):
    value: str
    span: Span


class EnvRead(Struct, frozen=True):
    """An environment variable read (``os.environ['X']``, ``os.getenv('X')``, ``process.env.X``, ``$X``).

    ``optional`` when the read has a default (``${X:-y}``, ``os.getenv('X', 'y')``).
    """

    name: str
    span: Span
    optional: bool = False


class Binding(Struct, frozen=True):
    """A name the code itself defines: a shell variable, an exported variable, a shell function."""

    name: str
    span: Span


class Url(Struct, frozen=True):
    url: str
    span: Span


class Loop(Struct, frozen=True):
    """A shell ``for NAME in ...; do ...; done``: ``variable`` is NAME, ``body`` the span of its ``do ... done``
    (what runs once per item)."""

    variable: str
    span: Span
    body: Span


class SyntaxProblem(Struct, frozen=True):
    """A tree-sitter ERROR or MISSING node."""

    span: Span
    message: str


class Comment(Struct, frozen=True):
    text: str
    span: Span


class CodeFacts(Struct):
    """What the tree-sitter pass extracted from one piece of code."""

    language: str
    imports: list[Import] = field(default_factory=list)
    commands: list[Command] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    strings: list[StringLiteral] = field(default_factory=list)
    env_reads: list[EnvRead] = field(default_factory=list)
    urls: list[Url] = field(default_factory=list)
    syntax_errors: list[SyntaxProblem] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    assignments: list[Binding] = field(default_factory=list)  # shell variables set here (NAME=, for NAME in, read)
    # variables set for the process and its children: shell `export NAME=...`, `os.environ["NAME"] = ...`,
    # `process.env.NAME = ...`
    exports: list[Binding] = field(default_factory=list)
    functions: list[Binding] = field(default_factory=list)  # shell functions defined here
    loops: list[Loop] = field(default_factory=list)  # shell `for NAME in ...` loops
    # Code of another language that this shell code runs inline (`python3 -c "..."`, `python3 - <<EOF`,
    # `node -e '...'`): parsed in its own language, its spans in the same file.
    embedded: list[CodeFacts] = field(default_factory=list)
    # shell: a library, whose top level only defines functions and sets variables; another script sources it and
    # calls its functions, so it runs nothing on its own. JavaScript/TypeScript: a module, whose top level only
    # imports, declares and exports (`export default function (api) {...}`, `export const meta = {...}`): what
    # imports or loads it runs it.
    library: bool = False
    parse_timed_out: bool = False
    # the syntax tree nests so deep, under so many nodes to read, that reading them would take quadratic time (a
    # chain of thousands of `a || b || ...`): no facts were extracted (see parsing.code.MAX_WALK_STEPS)
    too_deep: bool = False

    @property
    def not_read(self) -> bool:
        """Whether a limit stopped the extraction (a parse past its time, code nested too deep): no facts."""
        return self.parse_timed_out or self.too_deep

    def without_comments(self, text: str, first_line: int = 1) -> str:
        """``text`` (the code these facts were parsed from, its first line at file line ``first_line``) with every
        comment the parser found blanked, keeping lines and columns: words in comments are not code, and a ``#``
        inside a string or a here-document body is not a comment."""
        if not self.comments:
            return text
        lines = text.split("\n")
        for comment in self.comments:
            span = comment.span
            last = span.end_line if span.end_line is not None else span.line
            for row in range(span.line, last + 1):
                index = row - first_line
                if not 0 <= index < len(lines):
                    continue
                line = lines[index]
                start = _char_column(line, span.column) if row == span.line else 0
                end = _char_column(line, span.end_column) if row == last and span.end_column else len(line)
                lines[index] = line[:start] + " " * (end - start) + line[end:]
        return "\n".join(lines)


# --- Markdown ---------------------------------------------------------------------------------------------------


class ByFirstLine:
    """Items with a span (paragraphs, code blocks, commands in prose) by their first line: those starting within a
    range of lines, found by bisection (a scan per question was quadratic on documents of 10,000 steps)."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = sorted(items, key=attrgetter("span.line"))  # stable: document order stays
        self.lines = [item.span.line for item in self.items]

    def within(self, first: int, last: int) -> list[Any]:
        """The items whose first line is in ``first..last`` (both included), in document order."""
        return self.items[bisect_left(self.lines, first):bisect_right(self.lines, last)]


class Section(Struct):
    """A heading and everything under it up to the next heading of the same or a higher level."""

    title: str
    level: int
    span: Span
    end_line: int
    parent: int | None = None  # index into MarkdownDoc.sections


# `[Subagent Orchestration](#subagent-orchestration)`, alone on its item: an entry of a table of contents
_CONTENTS_ENTRY = lazy(r"\[[^\]\n]*\]\(#[^)\s]*\)\s*")


class ListItem(Struct):
    text: str
    span: Span
    end_line: int
    depth: int  # 0 for a top-level item
    ordered: bool
    number: int | None  # the item's number in an ordered list
    parent: int | None = None  # index into MarkdownDoc.list_items
    section: int | None = None  # index into MarkdownDoc.sections

    @property
    def contents_entry(self) -> bool:
        """Whether the item only links to a section of its own document (`1. [Core Query API](#core-query-api)`):
        a table of contents, which names the sections again; no step, and no instruction of its own."""
        return _CONTENTS_ENTRY.fullmatch(self.text) is not None


_FENCE_OPENING = lazy(r"^ {0,3}(`{3,}|~{3,})[ \t]*[A-Za-z]", re.MULTILINE)
_FENCE_LINE = lazy(r"^ {0,3}(?:`{3,}|~{3,})", re.MULTILINE)


class CodeBlock(Struct):
    """A fenced or indented code block. ``code`` holds the facts when the language is one we parse."""

    info: str
    language: str | None  # normalised: python, shell, javascript, typescript, ... or None
    text: str
    span: Span  # the opening fence line
    end_line: int
    content_line: int  # line of the first content line
    fenced: bool = True
    closed: bool = True
    section: int | None = None
    list_item: int | None = None
    code: CodeFacts | None = None
    marker: str = "```"  # the opening fence's backticks or tildes

    @property
    def mispaired(self) -> bool:
        """Whether the fence pairs wrongly, so that its "content" is the document's prose: it runs unclosed to the
        end of the file; or, unlabelled, it holds a line that opens a fence of its own no shorter than its own
        marker (a stray closing fence pairs with the next opening one, whose ```c becomes a line of content); or,
        unlabelled or labelled Markdown, it is a ```` fence whose inner ``` fences do not pair."""
        if not self.fenced or not self.closed:
            return self.fenced
        # a ```` fence that shows Markdown holds its inner fences in pairs; one left open (```typescript whose own
        # opening was swallowed by an HTML block above, so the ```` that closed it opens this one; ```bash closed
        # by a stray ````, which closes a ````md opened above instead) says the "content" is prose
        inner_left_open = len(self.marker) > 3 and len(_FENCE_LINE.findall(self.text)) % 2 == 1
        if self.info:
            return inner_left_open and self.language in ("markdown", "md")
        return inner_left_open or any(len(m.group(1)) >= len(self.marker) and m.group(1)[0] == self.marker[0]
                                      for m in _FENCE_OPENING.finditer(self.text))

    @property
    def code_text(self) -> str:
        """The block's text without its comments (as parsed); the text itself when the language is not parsed."""
        return self.code.without_comments(self.text, self.content_line) if self.code is not None else self.text


class InlineCode(Struct):
    text: str
    span: Span


class CommandLine(Struct):
    """A shell command written outside a code block: in inline code, a list item, a table cell or a prompt line
    (``$ cmd``) in prose. The command recogniser (:mod:`skvm_lint.parsing.commands`) accepted it: the shell parser
    parses it and its program is a known command, or a plausible one written as code."""

    text: str
    span: Span  # the line, and the column where the command starts
    where: str  # code (inline code) | prompt (after `$ ` in text) | prose (plain text of a list item or cell)
    code: CodeFacts
    source_line: str = ""  # the Markdown line it is on, as written: what the prose around it says of it


class Link(Struct, frozen=True):
    target: str
    text: str
    span: Span
    image: bool = False


class HtmlComment(Struct, frozen=True):
    text: str  # the whole comment including <!-- -->
    span: Span


class Table(Struct):
    header: list[str]
    rows: list[list[str]]
    span: Span
    end_line: int


class Paragraph(Struct):
    text: str
    span: Span
    end_line: int
    section: int | None = None
    list_item: int | None = None

    @property
    def last_line(self) -> str:
        """The paragraph's last line: where a lead-in puts its label ("Requirements:", "**Don't:**")."""
        return self.text.rstrip().rsplit("\n", 1)[-1]


class MarkdownDoc(Struct):
    """The parsed body of a Markdown file (SKILL.md after its frontmatter, or a reference)."""

    file: str
    line_count: int
    sections: list[Section] = field(default_factory=list)
    list_items: list[ListItem] = field(default_factory=list)
    code_blocks: list[CodeBlock] = field(default_factory=list)
    inline_code: list[InlineCode] = field(default_factory=list)
    command_lines: list[CommandLine] = field(default_factory=list)  # commands outside code blocks, in order
    links: list[Link] = field(default_factory=list)
    html_comments: list[HtmlComment] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    truncated_nesting: bool = False  # nesting deeper than the limit was flattened
    # Markdown templates whose author nested fences of their own kind (```markdown holding ```bash ... ```), read as
    # the author meant unless the template holds a fence of the character swapped in (see parsing.markdown
    # .nested_fences and _as_nested): (outer fence's line, first inner fence's line, the line that closes the outer
    # fence), 1-based
    nested_fences: list[tuple[int, int, int]] = field(default_factory=list)

    def paragraphs_ending(self, first: int, last: int) -> list[Paragraph]:
        """The paragraphs whose last line is in ``first`` <= line < ``last``, in order, in log time: paragraphs are
        leaf blocks, so the list is in order of their last lines too."""
        start = bisect_left(self.paragraphs, first, key=lambda p: p.end_line)
        end = bisect_left(self.paragraphs, last, lo=start, key=lambda p: p.end_line)
        return self.paragraphs[start:end]

    def paragraph_holding(self, line: int) -> int | None:
        """The index of the paragraph whose lines hold ``line``, in log time (in order of their last lines, as for
        :meth:`paragraphs_ending`), or None."""
        index = bisect_left(self.paragraphs, line, key=lambda p: p.end_line)
        return index if index < len(self.paragraphs) and self.paragraphs[index].span.line <= line else None

    def block_after(self, line: int) -> CodeBlock | None:
        """The first code block that starts below ``line``, in log time (blocks are in document order)."""
        index = bisect_right(self.code_blocks, line, key=lambda b: b.span.line)
        return self.code_blocks[index] if index < len(self.code_blocks) else None

    def intro(self, block: CodeBlock) -> str:
        """The paragraph right before a code block (the last of its section above it, ending at most two lines
        above), or ""."""
        near = self.paragraphs_ending(block.span.line - 2, block.span.line)
        last_of_section = next((p for p in reversed(near) if p.section == block.section), None)
        return last_of_section.text if last_of_section is not None else ""

    def lead_in(self, first: ListItem) -> Paragraph | None:
        """The paragraph of its own (not an item's) that ends right above a list's first item and so introduces
        the list ("Requirements:", "**Don't:**", "Key patterns:"), or None. Its ``last_line`` is the lead."""
        above = [p for p in self.paragraphs_ending(first.span.line - 2, first.span.line) if p.list_item is None]
        return above[-1] if above else None

    def items_led_by(self, lead: Paragraph) -> range:
        """The indexes of the list items a lead-in paragraph introduces, nested items included: the list that
        starts right below it, while its top-level items follow one another; for a lead inside an item ("- **Don't:**"
        over its own sub-list), the items below the lead within that item. Empty when no list follows."""
        items = self.list_items
        first = bisect_right(items, lead.end_line, key=lambda item: item.span.line)
        if lead.list_item is not None:
            depth, last = items[lead.list_item].depth, lead.list_item + 1
            while last < len(items) and items[last].depth > depth:
                last += 1
            return range(first, last)
        if first == len(items) or items[first].depth or items[first].span.line > lead.end_line + 2:
            return range(0)
        last, end = first + 1, items[first].end_line
        while last < len(items) and (items[last].depth or items[last].span.line <= end + 1):
            end = max(end, items[last].end_line)
            last += 1
        return range(first, last)

    def heading(self, block: CodeBlock) -> str:
        """The title of the section a code block is in, or ""."""
        return self.sections[block.section].title if block.section is not None else ""

    def sections_at(self, lines: Iterable[int]) -> dict[int, int | None]:
        """The innermost section holding each of ``lines`` (None outside any), in log time per line: the last
        section starting before the line, or the nearest of its enclosing ones that still holds it."""
        starts = [section.span.line for section in self.sections]
        found: dict[int, int | None] = {}
        for line in lines:
            index: int | None = bisect_right(starts, line) - 1
            while index is not None and index >= 0 and self.sections[index].end_line < line:
                index = self.sections[index].parent
            found[line] = index if index is not None and index >= 0 else None
        return found

    def headings_at(self, lines: Iterable[int]) -> dict[int, str]:
        """The title of the innermost section holding each of ``lines`` ("" outside any)."""
        return {line: self.sections[index].title if index is not None else ""
                for line, index in self.sections_at(lines).items()}


# --- Frontmatter ------------------------------------------------------------------------------------------------


class FrontmatterError(Struct, frozen=True):
    message: str
    line: int  # line in SKILL.md, 1-based
    column: int
    kind: str = "syntax"  # syntax | limit | not-a-mapping | duplicate-key


# A top-level key whose plain value starts on its line (not quoted, not a block scalar, flow collection, anchor or
# tag): the value hosts quote when it holds ": " (`description: Use when: ...`), and FM003's fix quotes too.
PLAIN_TOP_LEVEL = lazy(r"^(?P<key>[A-Za-z][\w-]*):[ \t]+(?P<value>[^\s'\"|>\[{&*!#%@`].*?)[ \t]*$")


class Frontmatter(Struct):
    """The YAML block between the ``---`` lines at the top of SKILL.md."""

    present: bool = False
    terminated: bool = False
    raw: str = ""
    start_line: int = 1  # the opening ``---``
    end_line: int = 1  # the closing ``---`` (or the last line when unterminated)
    data: dict[str, Any] | None = None  # plain Python values; None when absent or unparseable
    key_lines: dict[str, int] = field(default_factory=dict)  # top-level key -> line in SKILL.md
    key_columns: dict[str, int] = field(default_factory=dict)
    value_lines: dict[str, int] = field(default_factory=dict)
    error: FrontmatterError | None = None
    comments: list[Comment] = field(default_factory=list)
    # Invalid YAML whose only fault is a plain value holding ': ' (`description: Use when: (1) ...`), read as the
    # hosts that quote such values and parse again read it (OpenClaw, pi; Claude Code tolerates it too). The rules
    # about the frontmatter itself keep to ``data``; the inference reads what an agent will see (``as_read``).
    recovered: dict[str, Any] | None = None

    @property
    def as_read(self) -> dict[str, Any]:
        """The mapping an agent host reads: the parsed one, else the one recovered from invalid YAML, else empty."""
        return self.data if self.data is not None else self.recovered or {}

    def line_of(self, key: str) -> int:
        """Line of a top-level key, or of the opening ``---`` when the key is absent."""
        return self.key_lines.get(key, self.start_line)

    @property
    def allowed_tools(self) -> str:
        """``allowed-tools`` as one string, whether written as the specification's string or as a list (of anything:
        hostile frontmatter may hold numbers there); "" when absent."""
        value = self.as_read.get("allowed-tools")
        return " ".join(map(str, value)) if isinstance(value, list) else value if isinstance(value, str) else ""


# --- Files and the skill ----------------------------------------------------------------------------------------


class LoadIssue(Struct, frozen=True):
    """Something the loader could not read as asked: a binary, a capped file, a symlink out of the tree..."""

    kind: str  # see skvm_lint.loader.ISSUE_KINDS
    message: str
    span: Span


@dataclasses.dataclass(slots=True)
class BundledFile:
    """One file of the skill. ``text`` is None for binaries and unreadable files."""

    path: str  # relative to the skill root, POSIX
    kind: str  # skill_md | markdown | script | config | data | binary | other
    size: int
    language: str | None = None  # python | shell | javascript | typescript | ... (by extension or shebang)
    text: str | None = None
    shebang: str | None = None
    truncated: bool = False  # only the first bytes were read (size cap)
    symlink: bool = False
    magic: str | None = None  # what the first bytes say the file is (elf, pe, mach-o, zip, pyc, ...), when known
    issues: list[LoadIssue] = dataclasses.field(default_factory=list)  # what reading it found (binary, encoding, archive)
    # The parse of its content (code facts, Markdown), made on first access so the work follows what rules ask.
    _content: Callable[[], Content] | None = dataclasses.field(default=None, repr=False, compare=False)
    _parsed_content: Content | None = dataclasses.field(default=None, repr=False, compare=False)
    _parsed: tuple[Any, str | None] | None = dataclasses.field(default=None, repr=False, compare=False)

    def _parse_content(self) -> Content:
        if self._parsed_content is None:
            self._parsed_content = self._content() if self._content is not None else Content()
        return self._parsed_content

    @property
    def code(self) -> CodeFacts | None:
        """What tree-sitter extracted from a script (Python, shell, JavaScript, TypeScript), parsed on first access."""
        return self._parse_content().code

    @property
    def markdown(self) -> MarkdownDoc | None:
        """The parsed Markdown of a .md file (SKILL.md's is the skill's body), parsed on first access."""
        return self._parse_content().markdown

    @property
    def content_issues(self) -> list[LoadIssue]:
        """What parsing found (a time-out, nesting beyond the limit): asking for it parses the file."""
        return self._parse_content().issues

    def parsed(self) -> tuple[Any, str | None]:
        """The file's JSON or TOML content (manifests such as package.json, pyproject.toml, _meta.json), parsed on
        first use and kept, so every analysis and rule reads one parse: ``(data, None)``, or ``(None, error)``."""
        if self._parsed is None:
            self._parsed = _parse_data(self.path, self.text)
        return self._parsed


def _char_column(line: str, byte_column: int) -> int:
    """The character offset of a 1-based UTF-8 byte column (tree-sitter counts bytes)."""
    return len(line.encode("utf-8", "surrogatepass")[: byte_column - 1].decode("utf-8", "ignore"))


class Content(Struct):
    """The parsed content of one file: facts of a script, or the document of a Markdown file, and parse issues."""

    code: CodeFacts | None = None
    markdown: MarkdownDoc | None = None
    issues: list[LoadIssue] = field(default_factory=list)


def _parse_data(path: str, text: str | None) -> tuple[Any, str | None]:
    if text is None:
        return None, "the file could not be read as text"
    try:
        if path.endswith(".json"):
            return json.loads(text), None
        if path.endswith(".toml"):
            return tomllib.loads(text), None
    except (ValueError, RecursionError) as exc:  # TOMLDecodeError is a ValueError; RecursionError: hostile nesting
        return None, str(exc) if not isinstance(exc, RecursionError) else "nested too deeply to read"
    return None, "not a JSON or TOML file"


# Files written for people rather than for the agent to follow: READMEs, changelogs, install notes, docs/.
_FOR_PEOPLE_NAMES = ("readme", "changelog", "contributing", "license", "licence", "security", "history", "upgrad",
                     "install", "migrat", "code_of_conduct")


def is_requirements_file(name: str) -> bool:
    """A pip requirements file by its name: requirements.txt, requirements-dev.txt, requirements.in."""
    return name.startswith("requirements") and name.endswith((".txt", ".in"))


def is_type_declaration(path: str) -> bool:
    """A TypeScript declaration file (`cli.d.ts`): types for an editor and a compiler, never run, whatever its first
    line copies from the script beside it (a build copies `#!/usr/bin/env bun` into `dist/cli.d.ts`)."""
    return path.endswith((".d.ts", ".d.mts", ".d.cts"))


def for_people(path: str) -> bool:
    """Whether a bundled file is documentation for humans (a README, docs/, tests/) rather than agent instructions."""
    name = path.rsplit("/", 1)[-1].lower()
    # (and PUBLISH.md, publish_to_clawdhub.md beside SKILL.md: how its author puts the skill on a hub; a publishing
    # checklist under references/ is the agent's, for a skill that publishes)
    return name.startswith(_FOR_PEOPLE_NAMES) or path.lower().startswith(("docs/", "doc/", "examples/", "tests/",
                                                                          "test/")) \
        or "/" not in path and name.startswith("publish") and name.endswith(".md")


# Folders of templates and examples a skill hands out: material for the user's project to start from or the agent
# to adapt, not the skill's own code.
HANDED_OUT_FOLDERS = frozenset({"assets", "boilerplate", "example", "examples", "sample", "samples", "starter",
                                "template", "templates"})


# `example.js`, `postgres-example.ts`, `sample_client.py`: a file named as an example (not `manage_examples.py`, nor
# `.env.example`, whose name before its last suffix is `.env`)
_EXAMPLE_NAME = re.compile(r"(?:^|[-_.])(?:example|sample)(?:[-_.]|$)", re.IGNORECASE)


def handed_out(path: str) -> bool:
    """A file under a folder the skill hands out (`assets/rest-api-template.py`, `examples/generate_app.tsx`,
    `templates/generator_template.js`), at any depth, or one named as an example (`references/postgres-example.ts`):
    material to adapt, not the skill's own code."""
    folders, _, name = path.lower().rpartition("/")
    return any(folder in HANDED_OUT_FOLDERS for folder in folders.split("/")) \
        or _EXAMPLE_NAME.search(name.rsplit(".", 1)[0]) is not None


# A Markdown file at the skill's root named in capitals (RESEARCH_SYNTHESIS.md, DEPLOYMENT_STATUS.md, TODO.md): the
# author's notes, unless SKILL.md names it (FORMS.md, REFERENCE.md are then the agent's references)
_CAPITALS_NAME = re.compile(r"[A-Z][A-Z0-9_-]*\.md")


def author_notes(path: str, skill_md_text: str) -> bool:
    """Whether a bundled file is the author's notes: a capitals-named Markdown file at the root SKILL.md never
    names. The agent opens what SKILL.md points to; such files record how the skill was made."""
    return "/" not in path and _CAPITALS_NAME.fullmatch(path) is not None and path != "SKILL.md" \
        and path not in skill_md_text


class Bundle(Struct):
    """The skill a sub-skill is bundled in (``bundle/skills/sub``), read only as far as the sub-skill inherits it:
    installed with the bundle, the sub-skill has what the bundle declares and the modules at its root."""

    skill: Skill  # SKILL.md and the manifests at the bundle's root, nothing else
    prefix: str  # the bundle's folder from the sub-skill's ("../..")
    names: frozenset[str]  # the folders and Python modules at the bundle's root

    def span(self, span: Span) -> Span:
        """A span of the bundle's files as the sub-skill's findings name it (``../../SKILL.md``)."""
        return Span(f"{self.prefix}/{span.file}", span.line, span.column, span.end_line, span.end_column)


class Skill(Struct):
    """Everything skvm-lint knows about one skill folder."""

    root: str  # the folder as the user named it (display form)
    skill_md_path: str | None  # "SKILL.md", or the actual name of a mis-cased file; None when missing
    frontmatter: Frontmatter
    files: list[BundledFile] = field(default_factory=list)
    read_issues: list[LoadIssue] = field(default_factory=list)  # what reading the folder found (limits, symlinks)
    skill_md_text: str = ""
    bundle: Bundle | None = None  # the skill this one is bundled in, when there is one


    @property
    def skill_md_file(self) -> BundledFile | None:
        """SKILL.md when it is there and readable as text (not binary, not unreadable)."""
        skill_md = self.file(self.skill_md_path) if self.skill_md_path else None
        return skill_md if skill_md is not None and skill_md.kind == "skill_md" else None

    @property
    def body(self) -> MarkdownDoc | None:
        """SKILL.md's parsed Markdown (parsed on first access); None when there is no readable SKILL.md."""
        skill_md = self.skill_md_file
        return skill_md.markdown if skill_md is not None else None

    @property
    def load_issues(self) -> list[LoadIssue]:
        """Everything the loader and the parsers could not read as asked, in file order, SKILL.md's parse last.
        Parse limits are among them, so asking for this parses every file."""
        issues = list(self.read_issues)
        skill_md: BundledFile | None = None
        for f in self.files:
            issues.extend(f.issues)
            if f.kind == "skill_md":
                skill_md = f
            else:
                issues.extend(f.content_issues)
        if skill_md is not None:
            issues.extend(skill_md.content_issues)
        return issues

    @property
    def name(self) -> str | None:
        """The ``name`` an agent host reads: from the frontmatter, or from what of it was recovered when its YAML is
        invalid (the frontmatter rules read ``frontmatter.data`` itself)."""
        value = self.frontmatter.as_read.get("name")
        return value if isinstance(value, str) else None

    @property
    def folder_name(self) -> str:
        """The skill's folder name; for a skill packed in an archive, the archive's name without its extension.
        A root given as `.` or `..` (``skvm-lint check .`` inside a skill) is named by the folder it resolves to."""
        name = self.root.rstrip("/\\").replace("\\", "/").rsplit("/", 1)[-1]
        if name in ("", ".", ".."):
            name = os.path.basename(os.path.abspath(self.root))
        for extension in SKILL_ARCHIVES:
            if name.lower().endswith(extension) and len(name) > len(extension):
                return name[: -len(extension)]
        return name

    def file(self, path: str) -> BundledFile | None:
        for f in self.files:
            if f.path == path:
                return f
        return None

    def markdown_docs(self) -> Iterator[MarkdownDoc]:
        if self.body is not None:
            yield self.body
        for f in self.files:
            if f.markdown is not None and f.kind != "skill_md":
                yield f.markdown

    def agent_docs(self) -> Iterator[MarkdownDoc]:
        """SKILL.md and the Markdown it bundles for the agent to follow (references, prompts), not the READMEs,
        changelogs and docs/ written for people, nor the author's notes."""
        return (doc for doc in self.markdown_docs()
                if not for_people(doc.file) and not author_notes(doc.file, self.skill_md_text))

    def code_units(self) -> Iterator[tuple[str, CodeFacts, CodeBlock | None]]:
        """Every parsed piece of code: ``(file, facts, block)``; ``block`` is None for a bundled script."""
        for doc in self.markdown_docs():
            for block in doc.code_blocks:
                if block.code is not None:
                    yield doc.file, block.code, block
                    for inner in block.code.embedded:
                        yield doc.file, inner, block
        for f in self.files:
            if f.code is not None:
                yield f.path, f.code, None
                for inner in f.code.embedded:
                    yield f.path, inner, None
