"""Capability requirements, statically: which of SkVM's 26 primitives a skill demands, at which level, and why.

Each detector reads the model (commands and code facts of SKILL.md, its lists, sections, paragraphs and fences)
and returns findings ``(primitive, level, span, evidence)``; a primitive's level is the highest any detector
proves. The output has the shape of SkVM's LLM-derived capability analysis (``skill_name``, ``purposes``,
``current_path.primitives[{id, min_level, evidence}]``), plus our ``spans``.

Detectors look at what the agent must *do*: compose shell (the commands in SKILL.md), run programs, write code
(fences it must write or adapt, not bundled scripts it merely runs), call the web, follow steps and rules.
Cue words come from per-language data files (English, Chinese, Japanese; see :mod:`skvm_lint.cues`).
"""

from __future__ import annotations

import bisect
import itertools
import re
import sys
from collections import Counter
from functools import cached_property
from typing import Any, Callable, Container, Iterable, Iterator

from msgspec import Struct

from ..cues import SENTENCE_BREAK, cue, unquoted, without_markers
from ..lazy_re import LazyPattern, Pattern, lazy
from ..model import (
    ByFirstLine,
    CodeBlock,
    CodeFacts,
    Command,
    MarkdownDoc,
    Paragraph,
    Skill,
    Span,
    for_people,
    handed_out,
)
from ..profiles import degradation_strategy
from ..vocabulary import (
    AGENT_BROWSER_TOOLS,
    AGENT_READ_TOOLS,
    AGENT_TODO_TOOLS,
    AGENT_WEB_TOOLS,
    ANY_INLINE_CODE_OPTION,
    COMMAND_WORDS,
    INTERPRETERS,
    KNOWN_COMMANDS,
    TEXT_PROGRAMS,
    WEB_CLIENTS,
    for_developers,
)
from .dependencies import install_line
from .workflow import SUBAGENT, advice_section, ordered_lists, says_several_at_work, step_headings

PRIMITIVES = (
    "gen.code.python", "gen.code.javascript", "gen.code.shell", "gen.code.sql", "gen.code.html",
    "gen.text.structured", "gen.text.long", "gen.text.prose", "gen.regex",
    "reason.arithmetic", "reason.logic", "reason.spatial", "reason.planning", "reason.analysis",
    "tool.file.read", "tool.file.write", "tool.exec", "tool.call.format", "tool.call.batch", "tool.web",
    "tool.browser",
    "follow.format", "follow.constraint", "follow.procedure", "follow.delegation", "follow.style",
)


class Finding(Struct, frozen=True):
    primitive: str
    level: int  # 1..3
    span: Span
    evidence: str
    # False where the evidence is one reading of a weak cue (an output template of four to six sections, one or two
    # planning passages): read by eye, about half such demands were not there. CP001 reports them as info.
    firm: bool = True


def _words(pattern: str) -> LazyPattern:
    return lazy(pattern, re.IGNORECASE)


CONSTRAINT = cue("constraint", ignore_case=False)
KEPT_RULES = cue("kept_rules")
STEPS_IN_PROSE = cue("steps_in_prose")
VERIFY = cue("verify")
CONDITION = cue("condition")
# Text the agent composes for people: a composing verb with a text object ("write a reply", "draft the release
# notes"), or summarising, explaining to the user, replying. Nouns alone ("email", "copy", "report") are not enough:
# "copy the file", "the report endpoint".
PROSE = cue("prose")
PLANNING = cue("planning")
PHASES = cue("phases")
# Analysing code: "debug this error", not a tool's "Debugging" section or "debugging support".
ANALYSIS = cue("analysis")
FORMAT = cue("format")
BROWSER = cue("browser")
BROWSER_TOOLS = {"playwright", "puppeteer", "selenium", "headless", "browser", "agent-browser", "浏览器", "瀏覽器",
                 "ブラウザ"}
BATCH = cue("batch")
WRITE = cue("write_file")
SKILL_SCOPE = cue("skill_scope")
CODE_TEMPLATE = cue("code_template")
DELEGATION = cue("delegation")
RESPONSE = cue("response")
PROSE_LONG = cue("prose_long")
PROSE_LENGTH = cue("prose_length")
STYLE = cue("style")
RUN_TOLD = cue("run_told")
RUN_BY_OTHERS = cue("run_by_others")
# what may open a sentence, once its line's markers are gone, before the imperative verb: a task box, a label that
# says an instruction follows ("**Action:** Run automated tests", "Step 3: run the build") or an adverb ("- [ ] Then
# run the tests"). Not a label naming a topic: "**Synthetic Monitoring**: Run automated tests against production"
# lists practices more often than it gives steps.
IMPERATIVE_OPENING = lazy(r"(?i)(?:\[[ x]\]\s*)?(?:\**(?:action|step\s*\d*|next\s+step|to\s*do|task)\**\s*:\**\s*)?"
                          r"(?:(?:always|then|first|next|finally|also|now)\s+)?")
READ_PROJECT = cue("read_project")
CONDITIONAL_RULE = cue("conditional_rule")
# A list item that routes a kind of request to a command or value: "Fed/GDP/CPI → kalshi-trader".
# An agent tool called with named arguments in the instructions: `WebFetch(url="...")`, `sessions_spawn(message:
# "...", model: ...)`, "the Task tool with subagent_type=...": the agent writes structured tool arguments.
# `cron(action="add", ...)`, `yb_send_dm({ "group_code": "5351", ... })`: a tool called with named arguments (an
# object argument only after a bare name: `ctx.replyWithInvoice({title: ...})` is a library's method in JS code)
TOOL_CALL_LINE = lazy(r"^[ \t]*(?:[A-Za-z_][\w.]*+\(\s*|[A-Za-z_]\w*+\(\s*\{\s*[\"']?)[a-z_]\w*[\"']?\s*[=:]\s*"
                      r"[\"'<\[{\w]", re.MULTILINE)  # linear
TOOL_CALL = lazy(r"(?<![\w.])[A-Za-z_][\w.]*+\(\s*[a-z_]\w*\s*[=:]\s*[\"'<\[{\w]|\bsubagent_type\s*[=:]")  # linear


def _tool_name(names: Iterable[str]) -> LazyPattern:
    """An agent tool's name, between ASCII word boundaries: `WebSearchで` names it too (CJK letters are \\w)."""
    return lazy(rf"(?<![A-Za-z0-9_])(?:{'|'.join(sorted(names))})(?![A-Za-z0-9_])")


AGENT_WEB_TOOL = _tool_name(AGENT_WEB_TOOLS)
AGENT_READ_TOOL = _tool_name(AGENT_READ_TOOLS)
AGENT_TODO_TOOL = _tool_name(AGENT_TODO_TOOLS)
AGENT_BROWSER_TOOL = lazy(rf"(?<![A-Za-z0-9_])(?:browser_[a-z]+(?:_[a-z]+)*|{'|'.join(sorted(AGENT_BROWSER_TOOLS))})"
                          r"(?![A-Za-z0-9_])")
TOOL_USE_BEFORE, TOOL_USE_AFTER, NEGATION = cue("tool_use_before"), cue("tool_use_after"), cue("negation")
FORBIDDING_LEAD = cue("forbidding_lead")
ROUTE = lazy(r"^[^→\n]{2,80}\s(→|->|=>)\s*[^→\n]*$")  # one arrow: "A → B → C" is a sequence
ADVISE = cue("advise")
SEARCH_WEB = cue("search_web")
# Claude Code's file tools, as `allowed-tools` names them: the skill reads or edits the user's files.
READ_TOOLS = frozenset({"Read", "Glob", "Grep", "LS", "NotebookRead"})
WRITE_TOOLS = frozenset({"Write", "Edit", "MultiEdit", "NotebookEdit"})
# Languages of files an agent writes (code and configuration), as opposed to commands it runs or data it reads.
FILE_LANGUAGES = frozenset({"python", "javascript", "typescript", "tsx", "jsx", "go", "rust", "java", "kotlin",
                            "swift", "c", "cpp", "c++", "csharp", "cs", "ruby", "php", "dockerfile", "docker",
                            "yaml", "yml", "toml", "ini", "css", "scss", "html", "vue", "svelte", "sql", "liquid",
                            "hcl", "terraform", "solidity", "dart", "scala", "elixir", "lua", "r", "matlab", "julia",
                            "perl", "haskell", "ocaml", "fsharp", "clojure", "erlang", "groovy", "zig", "nim", "objc",
                            "objective-c", "gdscript", "glsl", "hlsl", "wgsl", "bicep", "nginx", "cmake", "makefile",
                            "latex", "tex"})
LONG_OUTPUT = cue("long_output")
SHORT_OUTPUT = cue("short_output")
BRIEF_PLACEHOLDER = cue("brief_placeholder")
PLACEHOLDER = lazy(r"\[([^\]\n]{3,160})\]|\{([^}\n]{3,160})\}")
SHORT_SAID_WITHIN = 30  # lines after a template read for words saying it is short
# Arithmetic the agent does itself: a worked expression ("2×500K + 1×1M", "0.85 + (1 - 0.85) × 0.15"), a formula
# ("score = hits * 0.5 + ..."), or the words for it. Dates and ranges ("2026-01-24", "1-10") are not expressions:
# a minus or slash counts only with spaces around it.
_NUMBER = r"\(?\d++(?:\.\d++)?[KkMm%]?\)?"  # possessive, and the first starts a number: linear on any digit run
_OPERATOR = r"(?:\s*[×*]\s*|\s[+−-]\s|\s?\+\s?)"  # no slash: "75% / 50%" and "v1/v2" are lists, not division
ARITHMETIC = lazy(rf"(?<![\d.]){_NUMBER}{_OPERATOR}\(?{_NUMBER}(?:{_OPERATOR}\(?{_NUMBER}|\s*=\s*{_NUMBER})|"
                  r"\b[a-z_]\w*\s*=\s*(?:[a-z_][\w.]*|\d[\d.]*)\s*(?:[×*]|\s[+/-]\s)\s*\(?\s*[\w.]+",
                  re.IGNORECASE)
# A worked calculation with its result ("扣除数量：5 - 3 = 2", "30 + 40 + 20 = 90"): in a block of text or Markdown
# too, where a skill shows the bookkeeping it has the agent do; the result sets it apart from code's constants.
WORKED_CALCULATION = lazy(rf"(?<![\d.]){_NUMBER}(?:{_OPERATOR}\(?{_NUMBER})+\s*=\s*{_NUMBER}")
ARITHMETIC_WORDS = cue("arithmetic")
SPATIAL = {3: cue("spatial_l3"), 2: cue("spatial_l2"), 1: cue("spatial_l1")}  # by level, highest first
# Decisions the agent takes by rules: decision trees and scoring schemes, rating or choosing "based on" criteria,
# mapping the user's wording onto parameter values.
LOGIC = cue("logic")
# A list item that maps quoted user wording to a value: '"high-res", "4K" → `4K`'.
WORDING_MAP = lazy(r"^[\"“'`].{1,60}[\"”'`]\s*(→|->|=>)")
DATA_FILE = lazy(r"\.(md|json|jsonl|ya?ml|txt|csv|env|toml|log)$")
# An instruction to read a named file ("Read `memory/index.json`", "Reads your SKILL.md") or files of a kind.
READ_FILE = cue("read_file")
# A SQL statement in an untagged block: upper-case keywords with their clause ("Update MEMORY.md" is not SQL).
SQL_START = lazy(r"^[ \t]*(SELECT\b[^;]{0,500}?\bFROM|WITH \w+ AS|INSERT INTO|UPDATE \w+ SET|DELETE FROM|"
                 r"CREATE TABLE)\b",
                 re.MULTILINE)
# A JSON object or array literal, not a template placeholder such as ``{baseDir}/x`` or xargs' ``{}``.
# (not a subscript: `rcParams['font.size']`, `row["id"]`, `data[0]` index a value, they write no array)
JSON_LITERAL = lazy(r"""\{\s*["'][^"']+["']\s*:|(?<![\w\])])\[\s*(\{\s*["']|["'\d])""")
# A request line (method, absolute URL) at a line's start; a placeholder host (`http://<your-host>:8080`) is the
# user's own server, which something else calls.
REQUEST_LINE = lazy(r"^[ \t]*(?:GET|POST|PUT|PATCH|DELETE)[ \t]+(?P<host>https?://[\w.-]+(?::\d+)?)(?P<path>\S*)",
                    re.MULTILINE)
# a first argument that is a quoted word, no URL or path (`session.get('user')` of a web framework's session,
# `client.get("name")` of a cache): a lookup, not a request
KEY_ARGUMENT = lazy(r"""^\(?\s*(['"])[\w.-]*\1\s*[,)]?""")
HTTP_CLIENT_CALL = lazy(r"(requests|httpx|aiohttp|session|client|urllib\.request)\.(get|post|put|patch|delete|"
                        r"request|urlopen)$|fetch$|axios(\.\w+)?$")




def _prose_of(doc: MarkdownDoc, forbidden: Container[int]) -> list[tuple[str, Span]]:
    """Paragraphs, list items and headings of a document, each with its span; not the entries of a table of
    contents, which name the headings again, nor the ``forbidden`` items (an item is also its paragraph: both are
    left out)."""
    contents = {(i.span.line, i.text) for i in doc.list_items if i.contents_entry}
    out = [(p.text, p.span) for p in doc.paragraphs
           if (p.span.line, p.text) not in contents and p.list_item not in forbidden]
    out += [(i.text, i.span) for index, i in enumerate(doc.list_items)
            if not i.contents_entry and index not in forbidden]
    out += [(s.title, s.span) for s in doc.sections]
    return out


def _forbidden_items(doc: MarkdownDoc) -> dict[int, Paragraph | None]:
    """The indexes of the list items a lead-in that forbids opens ("**DON'T:**", "Avoid:", "禁止：") with the items
    nested in them: what the agent must not do, no evidence of what it does. Each maps to its lead where that is a
    rule of the agent's conduct, to None where it bounds the skill's scope ("Do not use this skill for:")."""
    forbidden: dict[int, Paragraph | None] = {}
    for lead in doc.paragraphs:
        line = lead.last_line
        if FORBIDDING_LEAD.search(line):
            rule = None if SKILL_SCOPE.search(line) else lead
            forbidden.update(dict.fromkeys(doc.items_led_by(lead), rule))
    return forbidden


def _once_per_line(hits: list[tuple[str, Span]]) -> list[tuple[str, Span]]:
    """One hit per line of a file (its last): a list item is read as its paragraph too, so a cue in an item is found
    twice, and one passage would count as two."""
    return list({(span.file, span.line): (said, span) for said, span in hits}.values())


def _table_rows(doc: MarkdownDoc) -> list[tuple[str, Span]]:
    return [(" | ".join(row), table.span) for table in doc.tables for row in table.rows]


class _Context:
    """What the detectors share: SKILL.md's shell commands, fences and prose, computed once."""

    def __init__(self, skill: Skill) -> None:
        self.skill = skill
        self.body: MarkdownDoc | None = skill.body
        self.file = skill.skill_md_path or "SKILL.md"
        self.shell: list[tuple[CodeFacts, Span, str]] = []  # (facts, span, source text) of SKILL.md shell code
        self.prose: list[tuple[str, Span]] = []
        self.agent_docs: list[MarkdownDoc] = []
        self.named_docs: list[MarkdownDoc] = []  # the bundled agent documents SKILL.md names by path
        self.agent_prose: list[tuple[str, Span]] = []
        self.forbidden_rules: list[tuple[str, Span]] = []  # the lead-ins of lists of what not to do
        if self.body is None:
            return
        for block in self.body.code_blocks:
            if block.code is not None and block.language == "shell":
                self.shell.append((block.code, block.span, block.code_text))
                # and the shell code it runs inline (`bash <<'SCRIPT' ... SCRIPT`, `sh -c '...'`)
                self.shell += [(inner, block.span, block.code_text) for inner in block.code.embedded
                               if inner.language == "shell"]
        for command in self.body.command_lines:
            self.shell.append((command.code, command.span, command.text))
        body_forbidden = _forbidden_items(self.body)
        self.prose = _prose_of(self.body, body_forbidden)
        self.agent_docs = list(skill.agent_docs())
        self.named_docs = [d for d in self.agent_docs if d is not self.body and d.file in skill.skill_md_text]
        for doc in self.agent_docs:
            if doc is self.body:
                forbidden, prose = body_forbidden, self.prose
            else:
                forbidden = _forbidden_items(doc)
                prose = _prose_of(doc, forbidden)
            self.agent_prose += prose + _table_rows(doc)
            leads = {id(lead): lead for lead in forbidden.values() if lead is not None}
            self.forbidden_rules += [(lead.text, lead.span) for lead in leads.values()]

    @cached_property
    def hand_off_outputs(self) -> set[tuple[str, int]]:
        """``(file, line)`` of each line that says what a sub-agent's step yields (:func:`_outputs_of_hand_offs`)."""
        return _outputs_of_hand_offs(self)

    @cached_property
    def tool_texts(self) -> list[tuple[str, Span]]:
        """Where the instructions name the agent's tools: the agent documents' prose and tables, then their inline
        code."""
        return self.agent_prose + [(i.text, i.span) for d in self.agent_docs for i in d.inline_code]

    @cached_property
    def playbook_commands(self) -> CodeBlock | None:
        """The first block of commands in a document SKILL.md sends the agent to ("open
        `resources/implementation-playbook.md`"): what it runs when SKILL.md itself shows none. Not a block of the
        agent's own tools (`Write task_plan.md`: programs are not capitalised)."""
        return next((b for doc in self.named_docs for b in doc.code_blocks
                     if b.language == "shell" and b.code is not None
                     and any(not command.program[:1].isupper() for command in b.code.commands)), None)

    @cached_property
    def file_templates(self) -> list[tuple[Any, list[tuple[str, Span, int, None, None]]]]:
        """The bundled Markdown files named for templates that hold a document's skeleton, each with the document
        templates it holds (:func:`_templates_of_file`), read once for the two detectors that ask (not a guide of
        its own, a project of code files, or a page for people; nor `rules/_template.md`, whose underscore marks a
        file for the skill's authors: the shape of a new rule page)."""
        return [(f, _templates_of_file(f.path, f.text, f.markdown)) for f in self.skill.files
                if f.kind == "markdown" and f.text and f.markdown is not None and "template" in f.path.lower()
                and not f.path.rsplit("/", 1)[-1].startswith("_") and not for_people(f.path)
                and not _guide_of_its_own(f.text) and not _code_template(f.text, f.markdown)]

    @cached_property
    def words_by_file(self) -> dict[str, set[str]]:
        """The file names and their stems each file's text holds (`twenty-config.sh`, `twenty-config`), by path:
        read once per skill, and only where a script asks whether anything names it."""
        found = {}
        for f in self.skill.files:
            words = set(_FILE_WORD.findall(f.text or ""))
            found[f.path] = words | {word.rsplit(".", 1)[0] for word in words if "." in word}
        return found

    @cached_property
    def files_naming(self) -> Counter[str]:
        """For each word of :attr:`words_by_file`, how many of the skill's files hold it."""
        return Counter(word for words in self.words_by_file.values() for word in words)

    def commands(self) -> Iterator[tuple[Command, str]]:
        for facts, _span, text in self.shell:
            for command in facts.commands:
                yield command, text

    def prose_matches(self, pattern: Pattern, *, bundled: bool = False) -> list[tuple[str, Span]]:
        """The first match in each piece of SKILL.md prose (with ``bundled``, also in the agent's bundled
        documents and in tables)."""
        return [(m.group(0), span) for text, span in (self.agent_prose if bundled else self.prose)
                for m in [pattern.search(text)] if m]

    def section_titles(self, spans: Iterable[Span]) -> dict[tuple[str, int], str]:
        """The title of the innermost section holding each span's line, as ``(file, line) -> title`` (a line
        outside every section is absent): one lookup per agent document for all the spans, not one per span."""
        lines_of: dict[str, set[int]] = {}
        for span in spans:
            lines_of.setdefault(span.file, set()).add(span.line)
        titles: dict[tuple[str, int], str] = {}
        for doc in self.agent_docs:
            lines = lines_of.pop(doc.file, None)  # the first document of a file, as files are read
            for line, index in doc.sections_at(lines or ()).items():
                if index is not None:
                    titles[(doc.file, line)] = doc.sections[index].title
        return titles

    @cached_property
    def told_to_run(self) -> list[tuple[str, Span]]:
        """Where the instructions tell the agent to run a kind of program they show no command for (one place per
        paragraph: :func:`_told_to_run_in`)."""
        return [(told, span) for text, span in self.agent_prose for told in [_told_to_run_in(text)] if told]

    def subcommands(self) -> frozenset[str]:
        """The words after the program of SKILL.md's shell commands (`todo subtask add` -> subtask, add), lower
        case and singular: the names of the features of the tools the skill runs."""
        return frozenset(_singular(word.lower().replace("-", "")) for command, _text in self.commands()
                         for word in command.argv[1:3] if word.isalpha() or ("-" in word and not word.startswith("-")))

    def description(self) -> str:
        value = self.skill.frontmatter.as_read.get("description")
        return value if isinstance(value, str) else ""


Detector = Callable[[_Context], Iterator[Finding]]
DETECTORS: list[Detector] = []


def detector(fn: Detector) -> Detector:
    DETECTORS.append(fn)
    return fn


# A heading that is a name of code: `anything in backticks`, or one word of name characters that has a dot, a
# slash, an underscore or "()" (one character class: linear on any heading).
_CODE_NAME = lazy(r"`[^`\n]+`|[A-Za-z_][\w./]*(?:\(\))?")


def _code_name(title: str) -> bool:
    return bool(_CODE_NAME.fullmatch(title)) and (title[0] == "`" or any(c in title for c in "./_("))


_PROGRAM_NAME = lazy(r"`?[\w./-]+\.(py|sh|js|mjs|cjs|ts|rb|pl)`?|`?[A-Za-z_][\w.]*\(\)`?")


# A heading that names a file of code, configuration or data (`### requirements.txt`, `### .env.example`,
# `### Dockerfile`): the block under it is that file's content, not a document (`## product.md` is one)
_DATA_FILE_NAME = lazy(r"`?(?:[\w./-]*/)?(?:[\w.-]+\.(?:json|jsonc|ya?ml|toml|ini|cfg|conf|txt|xml|csv|lock|env|sql"
                       r"|properties|gradle)|\.env[\w.-]*|Dockerfile[\w.-]*|Makefile|Procfile|\.\w+rc)`?")


def _content_of_a_data_file(doc: MarkdownDoc, block: CodeBlock) -> bool:
    """Whether a block sits under a heading that names a data or configuration file (``### requirements.txt``)."""
    return block.section is not None and bool(_DATA_FILE_NAME.fullmatch(doc.sections[block.section].title.strip()))


def _names_a_program(title: str) -> bool:
    """Whether a heading is a script's or a function's name (``### report.py``, ``### generate_report()``), whose
    section shows what it prints; not a document's (``## product.md`` heads that document's template)."""
    return bool(_PROGRAM_NAME.fullmatch(title))


# The open quotation of a prompt handed to another agent ('Prompt: "Review ... Generate a detailed report'): what
# it asks for is that agent's output. (A user's example request in quotes says what this skill does.)
SUBAGENT_PROMPT = lazy(r"""\bprompt\s*[:=]\s*["\u201c][^"\u201d]*$""", re.IGNORECASE)
PROMPT_OPENING = lazy(r"""\bprompt\s*[:=]\s*["\u201c]""", re.IGNORECASE)  # where such a quotation opens
CLOSING_QUOTE = lazy(r"""["\u201d]""")


def _describes_code(row: str) -> bool:
    """Whether a table row (cells joined by " | ") opens with a cell of inline code: it says what that method,
    command or option does (`` `generateMonthlyReport(year?)` | Generate full report ``)."""
    first, bar, _rest = row.partition(" | ")
    return bool(bar) and len(first) > 2 and first[0] == "`" and first[-1] == "`"


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _level(count: int, l2: int, l3: int) -> int:
    return 3 if count >= l3 else 2 if count >= l2 else 1


# --- tool use ---------------------------------------------------------------------------------------------------


SHELL_COMPOSITION = lazy(r"(^|\s)(for|while) \w|&&|\s>\s?\S")
QUOTED_STRING = lazy(r"'[^'\n]*'|\"(?:[^\"\\\n]|\\.)*\"")


POWERSHELL_FENCES = frozenset({"powershell", "pwsh", "ps1"})


def _powershell_block(c: _Context) -> Any:
    """SKILL.md's first PowerShell fence: a Windows skill's commands (`Test-Path ...`, `python extract.py ...`), which
    the shell parser does not read, so they count only where no other command is shown."""
    return next((b for b in (c.body.code_blocks if c.body else []) if b.language in POWERSHELL_FENCES), None)


@detector
def shell_composition(c: _Context) -> Iterator[Finding]:
    """gen.code.shell: the agent composes the commands SKILL.md shows; pipes/loops are L2, sed/awk/xargs L3."""
    if not c.shell:
        told = c.told_to_run
        if told:  # told to run tests or scans with no command shown: the agent writes the command
            yield Finding("gen.code.shell", 1, told[0][1], f"composes the command to {told[0][0][:60]!r}")
        elif c.playbook_commands is not None:
            block = c.playbook_commands
            yield Finding("gen.code.shell", 1, block.span, f"runs the commands shown in {block.span.file}")
        elif (block := _powershell_block(c)) is not None:
            yield Finding("gen.code.shell", 1, block.span, "runs PowerShell commands shown in SKILL.md")
        return
    level, span, why = 1, c.shell[0][1], "runs commands shown in SKILL.md"
    for facts, fspan, text in c.shell:
        piped = [cmd for cmd in facts.commands if cmd.pipeline_position]
        complex_ = [cmd for cmd in piped if cmd.program in TEXT_PROGRAMS]
        if complex_:
            yield Finding("gen.code.shell", 3, complex_[0].span, f"pipeline with {complex_[0].program}")
            return
        composed = piped or [cmd for cmd in facts.commands if cmd.in_substitution]
        # loops, `&&` and redirections outside quoted strings ("GraphQL for our public API" is an argument)
        if level < 2 and (composed or "$(" in text or SHELL_COMPOSITION.search(QUOTED_STRING.sub("''", text))):
            level, span, why = 2, composed[0].span if composed else fspan, "pipes, substitutions, redirection or loops"
    yield Finding("gen.code.shell", level, span, why)


NEVER_RUN_ALONE = frozenset({"__init__.py", "setup.py"})  # a package's marker, a build's script


_FILE_WORD = lazy(r"[\w-]+(?:\.[\w-]+)*")


def _named_elsewhere(c: _Context, script: Any) -> bool:
    """Whether another file of the skill names the script (its file name or stem: `validate-chart.sh` in the
    playbook, `twenty-config` in the scripts that source it) or SKILL.md names its folder ("the scripts in
    `scripts/`"): a script nothing names is no step the agent is given (a hook script the harness runs)."""
    name = script.path.rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0]
    if "/" in script.path and script.path.rsplit("/", 1)[0] + "/" in c.skill.skill_md_text:
        return True
    own = c.words_by_file[script.path]
    return any(c.files_naming[word] > (word in own) for word in {name, stem} if len(word) >= 4)


@detector
def execution(c: _Context) -> Iterator[Finding]:
    """tool.exec: commands to run; several command-bearing steps of one procedure make it chained (L3)."""
    # a bundled script runs; one the skill hands out (templates/generator_template.js) is material to read or
    # adapt, which SKILL.md's commands would show if the agent ran it; nor a package's `__init__.py`, a build's
    # setup.py, or the skill's tests and lint configuration, which its developers run
    runnable = [f for f in c.skill.files if f.kind == "script" and not handed_out(f.path)
                and not for_developers(f.path) and f.path.rsplit("/", 1)[-1] not in NEVER_RUN_ALONE
                and _named_elsewhere(c, f)]
    if not c.shell and not runnable:
        told = c.told_to_run
        if told:  # "Run automated scans", "Re-run the tests": commands the agent must find or compose itself
            yield Finding("tool.exec", 1, told[0][1], f"told to {told[0][0][:60]!r}")
            return
        shown = c.playbook_commands
        if shown is not None:
            yield Finding("tool.exec", 1, shown.span, f"runs the commands of {shown.span.file}")
        elif (block := _powershell_block(c)) is not None:
            yield Finding("tool.exec", 1, block.span, "runs PowerShell commands")
        return
    body = c.body
    steps_with_commands: dict[int | None, set[int]] = {}
    if body is not None:
        fence_items = {b.list_item for b in body.code_blocks if b.language == "shell" and b.list_item is not None}
        inline_items = set()
        commands = ByFirstLine(body.command_lines)
        for index, item in enumerate(body.list_items):
            if item.ordered and commands.within(item.span.line, item.end_line - 1):
                inline_items.add(index)
        for index in fence_items | inline_items:
            item = body.list_items[index]
            if item.ordered:
                steps_with_commands.setdefault(item.parent, set()).add(index)
    chained = max((len(v) for v in steps_with_commands.values()), default=0)
    units = len(c.shell)
    span = c.shell[0][1] if c.shell else Span(runnable[0].path, 1)
    if chained >= 3:
        yield Finding("tool.exec", 3, span, f"{chained} ordered steps each run commands")
    elif units >= 4 or any(re.search(r"\s>\s?\S", text) for _f, _s, text in c.shell):
        yield Finding("tool.exec", 2, span, f"{units} command blocks; output saved and reused")
    else:
        yield Finding("tool.exec", 1, span, "runs a command")


# Quoted arguments that are nothing to fill in: a variable quoted for safety (`"$APP"`), or a path built on one
# (`"$CLAUDE_SKILL_DIR/launch.sh"`), punctuation (`tr -d '"'`)
NOTHING_TO_FILL = lazy(r"""^["'](\$\{?\w+\}?[\w./-]*|\W*)["']$""")


# what marks a value to put in: `<path/to/report.json>`, `YOUR_WIF`, `your_pattern`, `+1XXXXXXXXXX`
FILL_IN_MARKER = lazy(r"<[\w./ -]+>|\b(YOUR|your)[_-]\w+|XXX")


def _inline_code(command: Command) -> str | None:
    """The program an interpreter is handed on its command line, before any script it runs."""
    if command.program not in INTERPRETERS:
        return None
    for option, value in itertools.pairwise(command.argv[1:]):
        if option in ANY_INLINE_CODE_OPTION:
            return value
        if not option.startswith("-"):
            return None  # `node qa.mjs --command "<cmd>"`: the script's own options
    return None


def _fill_in_strings(command: Command) -> list[str]:
    """The quoted strings of a command line the agent fills in ("postgres backups", "Hello world"). In an
    interpreter's inline program (`python -c "import torch; print(torch.__version__)"`) the quotes are the code's
    own, and in an install line the packages', copied as they are, unless they mark a value to put in."""
    program = _inline_code(command)
    if program is not None and not FILL_IN_MARKER.search(program):
        return []
    quoted = [m.group(0) for m in QUOTED_STRING.finditer(command.text) if not NOTHING_TO_FILL.match(m.group(0))]
    if install_line(command) is not None:  # `pip install 'crewai[tools]'`: a package quoted for the shell's sake
        return [text for text in quoted if FILL_IN_MARKER.search(text)]
    return quoted


@detector
def call_format(c: _Context) -> Iterator[Finding]:
    """tool.call.format: quoted and structured arguments; JSON arguments L2, nested or spliced quoting L3."""
    best: Finding | None = None
    for command, _text in c.commands():
        args = command.argv[1:]
        if not args:
            continue
        raw = command.text
        if re.search(r"'\"\$|\"'\$|\\\"", raw) or (raw.count("{") >= 2 and JSON_LITERAL.search(raw)):
            level, why = 3, "nested JSON or quote-splicing in arguments"
        elif any(JSON_LITERAL.match(a.strip("'\"")) for a in args):
            level, why = 2, "JSON or array arguments"
        elif len(args) >= 2 and _fill_in_strings(command):
            level, why = 1, "quoted string arguments to fill in"
        else:
            continue
        if best is None or level > best.level:
            best = Finding("tool.call.format", level, command.span, why)
        if level == 3:
            break
    if best is None or best.level < 2:
        # a method the skill's own code calls (`plt.subplots(...)`, `store.search(...)` in its Python) is a
        # library's API, named in prose: code the agent writes, not a call of one of its tools (which code shows
        # bare, `web_search(query=...)`)
        api = {call.name.rsplit(".", 1)[-1] for d in c.agent_docs for b in d.code_blocks
               if b.code is not None and b.language in ("python", "javascript", "typescript")
               for call in b.code.calls if "." in call.name}
        calls = [(m.group(0), span) for text, span in c.tool_texts
                 for m in [next((m for m in TOOL_CALL.finditer(text)
                                 if m.group(0).split("(", 1)[0].rsplit(".", 1)[-1] not in api), None)] if m]
        # a plain or JSON fence of calls to the agent's tools (`cron(action="add", message="...")`,
        # `yb_send_dm({"group_code": "5351"})`: JSON holds no calls), in SKILL.md or a document it bundles for the
        # agent (`WebFetch(url="...")` in a reference's workflow); there by a bare name only (`other.emit(on=...)`
        # in an architecture page is a library's method)
        calls += [(m.group(0), b.span) for d in c.agent_docs for b in d.code_blocks
                  if b.language in (None, "text", "txt", "plain", "json", "jsonc") and b.fenced
                  for m in [TOOL_CALL_LINE.search(b.text)]
                  if m and (d is c.body or "." not in m.group(0).split("(", 1)[0])]
        # the agent's todo tool ("Create TodoWrite with all tasks", "Track tasks with TodoWrite"): a list of todo
        # objects; not where it is forbidden ("Do not call `todo_write`") or an anti-pattern's "Don't" column
        todos = [(m.group(0), span) for text, span in c.agent_prose for m in AGENT_TODO_TOOL.finditer(text)
                 if not _negated(text, m.start(), m.end())]
        titles = c.section_titles(span for _name, span in todos) if todos else {}
        calls += [(f"{name}(todos=[...])", span) for name, span in todos
                  if not advice_section(titles.get((span.file, span.line), ""))][:1]
        if calls:
            best = Finding("tool.call.format", 2, calls[0][1], f"tool calls with named arguments ({calls[0][0]!r})")
    if best:
        yield best


@detector
def web(c: _Context) -> Iterator[Finding]:
    """tool.web: HTTP calls the agent makes (curl/wget, fetch/requests in fences); query strings L2, many hosts L3."""
    hosts: set[str] = set()
    span: Span | None = None
    query = False
    for command, _text in c.commands():
        if command.program in WEB_CLIENTS:
            for arg in command.argv[1:]:
                m = re.match(r"[\"']?(https?://[^/\"' ]+)(\S*)", arg)
                if m:
                    hosts.add(m.group(1))
                    query |= "?" in m.group(2)
                    span = span or command.span
            if span is None:
                span = command.span
    for d in c.agent_docs:  # `GET https://api.x.com/v1/items?page=2`: a request line of REST documentation
        for b in d.code_blocks:
            if b.code is None and b.language in (None, "http") and "://" in b.text:
                for m in REQUEST_LINE.finditer(b.text):
                    hosts.add(m.group("host"))
                    query |= "?" in m.group("path")
                    span = span or Span(b.span.file, b.content_line + b.text.count("\n", 0, m.start()))
    if span is None:
        # no curl: the agent's own web tool, named where the skill tells it to use it (in prose, inline code, or a
        # block that is not code: a prompt handed to a sub-agent; allowed-tools only permits it), HTTP client calls
        # in code the agent writes, or a forge CLI's raw API command (gh/glab api)
        texts = c.tool_texts + [(b.text, b.span) for d in c.agent_docs for b in d.code_blocks if b.code is None]
        named = next(((m.group(0), sp) for text, sp in texts for m in AGENT_WEB_TOOL.finditer(text)
                      if _told_to_use(text, m.start(), m.end())), None)
        if named:
            yield Finding("tool.web", 2, named[1], f"the agent's web tool ({named[0]})")
            return
        for b in c.body.code_blocks if c.body else []:
            calls = [call for call in (b.code.calls if b.code and b.language != "shell" else ())
                     if HTTP_CLIENT_CALL.match(call.name) and not KEY_ARGUMENT.match(call.arguments)]
            if calls:
                yield Finding("tool.web", 2, calls[0].span, f"HTTP calls in code ({calls[0].name})")
                return
        for command, _text in c.commands():
            if command.program in ("gh", "glab") and tuple(command.argv[1:2]) == ("api",):
                yield Finding("tool.web", 2, command.span, f"raw API calls ({command.program} api)")
                return
        searched = next(((m.group(0), sp) for text, sp in c.agent_prose for m in SEARCH_WEB.finditer(text)
                         if not _forbidden(text, m.start())), None)
        if searched:
            yield Finding("tool.web", 1, searched[1], f"searches the web ({searched[0].strip()!r})")
        return
    paginated = bool(c.prose_matches(_words(r"\b(paginat\w*|next page|cursor|offset)\b")))
    level = 3 if len(hosts) >= 2 and paginated else 2 if query or len(hosts) >= 2 or paginated else 1
    if level == 1 and any("-d" in cmd.argv or "--data" in cmd.argv for cmd, _t in c.commands()):
        level = 2
    yield Finding("tool.web", level, span, f"HTTP calls to {len(hosts) or 'an'} API host(s)")


def _told_to_use(text: str, start: int, end: int) -> bool:
    """Whether the tool named at ``text[start:end]`` is one the skill tells the agent to use ("use `WebFetch` to
    load", "WebSearchで"), not one it lists, maps or forbids ("Do NOT use WebFetch")."""
    before, after = text[max(0, start - 30):start], text[end:end + 12]
    return bool(TOOL_USE_BEFORE.search(before) or TOOL_USE_AFTER.search(after)) and not _negated(text, start, end)


def _negated(text: str, start: int, end: int) -> bool:
    """Whether the tool named at ``text[start:end]`` is forbidden ("Do NOT use `browser_navigate`"), by a negation in
    its own clause ("If no concerns: create a TodoWrite list" is no negation of TodoWrite)."""
    return _forbidden(text, start, reach=30) or bool(NEGATION.search(text[end:end + 12]))


def _allowed_tools(c: _Context) -> set[str]:
    return set(re.findall(r"[A-Za-z]+", c.skill.frontmatter.allowed_tools))


_CLAUSE_END = lazy(r"[.,;:!?]")


def _clause_before(text: str, start: int, reach: int) -> str:
    """The part of ``start``'s clause before it, within ``reach`` characters."""
    return _CLAUSE_END.split(text[max(0, start - reach):start])[-1]


def _forbidden(text: str, start: int, reach: int = 20) -> bool:
    """Whether a negation opens the clause of the verb at ``start`` ("Never modify files", "DO NOT save"), within
    ``reach`` characters before it."""
    return NEGATION.search(_clause_before(text, start, reach)) is not None


@detector
def files(c: _Context) -> Iterator[Finding]:
    """tool.file.write: redirections, 'save to' instructions, file tools the skill allows (Write, Edit), and code
    or configuration fences the agent writes into the user's project, in SKILL.md or a playbook of them it names
    (three or more: L2)."""
    targets = set()
    span = None
    for _facts, fspan, text in c.shell:
        for m in re.finditer(r"\s>{1,2}\s?([^\s|&;]+)", text):
            if not m.group(1).startswith(("/dev/", "&")):
                targets.add(m.group(1))
                span = span or fspan
    # (not where its own clause forbids it: "DO NOT save the plan to disk", not "If `$EDITOR` is not usable, write")
    writes = [(m.group(0), span) for text, span in c.agent_prose
              for m in [next((m for m in WRITE.finditer(text) if not _forbidden(text, m.start())), None)] if m]
    writes = _once_per_line(writes)
    if targets or writes:
        n = len(targets) + len(writes)
        yield Finding("tool.file.write", _level(n, 3, 5), span or writes[0][1], "writes files")
    if _allowed_tools(c) & WRITE_TOOLS:
        yield Finding("tool.file.write", 2, Span(c.file, c.skill.frontmatter.line_of("allowed-tools")),
                      "allowed-tools lets it write and edit files")
    # SKILL.md's fences, and those of the documents it names when there are several: one snippet in a reference
    # illustrates (a helper to paste into a one-off), a playbook of them is code the agent writes into the project
    writable = [[b for b in (doc.code_blocks if doc else [])
                 if b.language in FILE_LANGUAGES and b.text.count("\n") >= 5 and _holds_code(b)]
                for doc in (c.body, *c.named_docs)]
    written = writable[0] + [b for blocks in writable[1:] if len(blocks) >= 2 for b in blocks]
    if written:
        yield Finding("tool.file.write", 2 if len(written) >= 3 else 1, written[0].span,
                      f"{len(written)} code or configuration block(s) to write into files")


@detector
def file_reading(c: _Context) -> Iterator[Finding]:
    """tool.file.read: SKILL.md sends the agent to two or more of the documents it bundles (L2), or the agent's
    instructions have it read a named file ("Read `memory/index.json`", ``cat identity.json``): one file L1. SKILL.md's
    commands that search the user's files (``find . -name``, ``grep -r``, ``rg``) read several: L2."""
    text = c.skill.skill_md_text
    named = [d.file for d in c.named_docs]
    if len(named) >= 2:
        line = text.count("\n", 0, text.index(named[0])) + 1
        yield Finding("tool.file.read", 2, Span(c.file, line),
                      f"reads {len(named)} bundled documents ({named[0]}, ...)")
        return
    project = c.prose_matches(READ_PROJECT, bundled=True)
    if project or _allowed_tools(c) & READ_TOOLS:
        span = project[0][1] if project else Span(c.file, c.skill.frontmatter.line_of("allowed-tools"))
        yield Finding("tool.file.read", 2, span, f"reads the user's files ({project[0][0]!r})" if project
                      else "allowed-tools lets it read and search files")
        return
    searched = [(command.text, command.span) for command, _text in c.commands() if _searches_project(command)]
    if searched:
        yield Finding("tool.file.read", 2, searched[0][1], f"searches the user's files ({searched[0][0][:60]!r})")
        return
    reads = c.prose_matches(READ_FILE, bundled=True)
    # the agent's own read tool, where the skill tells it to use it ("Use `read_file` to check if ... exists")
    reads += [(m.group(0), span) for text, span in c.tool_texts for m in AGENT_READ_TOOL.finditer(text)
              if _told_to_use(text, m.start(), m.end())][:1]
    reads += [(command.text, command.span) for command, _text in c.commands()
              if command.program in ("cat", "jq", "head", "tail") and not command.pipeline_position
              and any(DATA_FILE.search(arg) for arg in command.argv[1:])]
    if reads:
        yield Finding("tool.file.read", 2 if len({r for r, _ in reads}) >= 2 else 1, reads[0][1],
                      f"reads {reads[0][0][:60]!r}")


RECURSIVE_FLAG = lazy(r"-[a-zA-Z]*[rR][a-zA-Z]*|--recursive")


def _searches_project(command: Command) -> bool:
    """`find . -name "Dockerfile*"`, `grep -rn TODO src/`, `rg pattern`: the agent looks through the user's files
    (not a filter of piped text: `vmmap <pid> | rg __TEXT`)."""
    args = command.argv[1:]
    if command.pipeline_position or not args:
        return False
    if command.program == "find":
        return (args[0] == "." or args[0].startswith("./")) and ("-name" in args or "-iname" in args)
    if command.program == "grep":
        return any(RECURSIVE_FLAG.fullmatch(arg) for arg in args)
    return command.program == "rg"


# Libraries whose code drives a browser (Python modules and npm packages, without an npm scope's "@").
BROWSER_MODULES = frozenset({"playwright", "puppeteer", "puppeteer-core", "pyppeteer", "selenium",
                             "selenium-webdriver"})


@detector
def browser(c: _Context) -> Iterator[Finding]:
    matches = c.prose_matches(BROWSER)
    programs = {cmd.program for cmd, _t in c.commands()}
    # in prose, both a browser and actions in it: "browser" alone may be a cloud API, "click" alone the user's steps
    words = {m.lower() for m, _span in matches}
    driven = len(matches) >= 4 and words & BROWSER_TOOLS and words - BROWSER_TOOLS
    # or code the agent writes drives one (`from playwright.sync_api import sync_playwright` in a fence)
    scripted = next((b for b in _fences(c) if b.code is not None and any(
        i.module.split(".")[0].split("/")[0].lstrip("@") in BROWSER_MODULES for i in b.code.imports)), None)
    # or the agent's browser tools, which it is told to use, or several of them named (`navigate_page` then
    # `take_snapshot`; `browser_click`, `browser_fill`)
    tools = [(m.group(0), span, _told_to_use(text, m.start(), m.end())) for text, span in c.tool_texts
             for m in AGENT_BROWSER_TOOL.finditer(text) if not _negated(text, m.start(), m.end())]
    # (or called in the code the agent is shown: `browser_click(selector="button.submit")`)
    # (a block is parsed only when its text names such a tool: parsing every bundled block costs more than the rest)
    tools += [(call.name, call.span, True) for d in c.agent_docs for b in d.code_blocks
              if AGENT_BROWSER_TOOL.search(b.text) and b.code is not None
              for call in b.code.calls if AGENT_BROWSER_TOOL.fullmatch(call.name)]
    used = next((span for _name, span, told in tools if told), None) \
        or (tools[0][1] if len({name for name, _span, _told in tools}) >= 2 else None)
    if "agent-browser" in programs or "playwright" in programs or driven or scripted or used:
        auth = bool(c.prose_matches(_words(r"\b(log ?in|sign in|auth\w*|password|2fa|otp)\b")))
        span = matches[0][1] if matches else scripted.span if scripted else used or c.shell[0][1]
        yield Finding("tool.browser", 3 if auth else 2, span, "drives a browser")


# --- generation -----------------------------------------------------------------------------------------------


def _fences(c: _Context) -> list[Any]:
    """SKILL.md's fences, then those of the bundled documents SKILL.md names: the code a skill has the agent write
    is often shown in a reference it sends the agent to ("see references/patterns.md"). Plans, notes and guides it
    never names are for the skill's authors."""
    return [b for doc in ([c.body, *c.named_docs] if c.body else []) for b in doc.code_blocks]


def _code_fences(c: _Context, language: str) -> list[Any]:
    """The fences of :func:`_fences` in that language."""
    return [b for b in _fences(c) if b.language == language]


_BULLET = lazy(r"^\s*(?:[-*\u2022]|\d+[.)])\s+[^\W\d_]")  # `- Use sentence boundaries`, `1. Split ...`


def _bullet_list(text: str) -> bool:
    """A fence that holds a Markdown list of advice, every line a bullet of words, not code."""
    lines = [line for line in text.split("\n") if line.strip()]
    return bool(lines) and all(_BULLET.match(line) for line in lines)


# a value after `key:` or `- ` (or `- key:`), without a trailing comment
_YAML_VALUE = lazy(r"^[ \t]*(?:-[ \t]+)?(?:[\w.-]+:[ \t]+)?(?!-[ \t])(\S.*?)(?:[ \t]+#.*)?$", re.MULTILINE)
_YAML_KEY = lazy(r"^([ \t]*[\w.-]+):", re.MULTILINE)
_CJK = lazy(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _rules_in_yaml(block: Any) -> bool:
    """A YAML fence whose values are sentences (`cannot:` over "- 省略 Sbj/Obj 自檢...", `language: 正體中文，嚴禁簡化中文`):
    the skill states its rules in YAML's shape; no configuration to write. Two values in three at least are
    sentences (five words or more, or six CJK characters)."""
    if block.language not in ("yaml", "yml"):
        return False
    keys = _YAML_KEY.findall(block.text)
    if len(set(keys)) < len(keys):  # one key given again and again: examples of a field to write (`description:`)
        return False
    values = [m.group(1).strip("'\" ") for m in _YAML_VALUE.finditer(block.text) if not m.group(1).startswith("#")]
    values = [v for v in values if v and not v.endswith(":")]  # a key that opens a mapping holds no value
    sentences = [v for v in values
                 if not v.startswith(("{", "[")) and (len(v.split()) >= 5 or len(_CJK.findall(v)) >= 6)]
    return len(values) >= 3 and 3 * len(sentences) >= 2 * len(values)


def _holds_code(block: Any) -> bool:
    """Whether a fence holds code to write: not a Markdown list of advice, nor rules in YAML's shape, nor only
    comments (notes in a ```python fence, or Markdown headings, `## The Wrapper Stack`, in one that was mis-nested).
    A doc comment (`/** @param ... */`) is a template of what the agent writes into the code."""
    return not _bullet_list(block.text) and not _rules_in_yaml(block) \
        and (bool(block.code_text.strip()) or block.text.lstrip().startswith("/**"))


@detector
def code_generation(c: _Context) -> Iterator[Finding]:
    """gen.code.python / javascript: fences the agent writes or adapts (several lines, not a bare invocation), else
    programs written inline in SKILL.md's commands."""
    stdlib = sys.stdlib_module_names
    for language, primitive in (("python", "gen.code.python"), ("javascript", "gen.code.javascript"),
                                ("typescript", "gen.code.javascript")):
        fences = [b for b in _code_fences(c, language) if b.text.count("\n") >= 3 and _holds_code(b)]
        if not fences:
            # or a program it writes on the command line (`curl ... | python3 -c "import sys, json; ..."`)
            inline = next(((command, program) for command, _text in c.commands()
                           for program in [_inline_program(command, language)] if program), None)
            if inline:
                command, program = inline
                yield Finding(primitive, _inline_level(program, language), command.span,
                              f"writes an inline {language} program")
            continue
        imports = {i.module.split(".")[0] for b in fences if b.code for i in b.code.imports}
        third_party = {m for m in imports if m not in stdlib and not m.startswith("node:")}
        asynchronous = any("await " in b.text or "async " in b.text for b in fences)
        level = 3 if third_party or asynchronous else 2 if imports else 1
        yield Finding(primitive, level, fences[0].span, f"{len(fences)} {language} block(s) to write or adapt")


# Languages and frameworks a skill may have the agent write code in, as prose names them (case matters: "Go", not
# "go"), and the primitive of each; None where SkVM has none (the code still goes into files).
NAMED_LANGUAGES = {
    "Python": "gen.code.python", "Django": "gen.code.python", "FastAPI": "gen.code.python", "Flask": "gen.code.python",
    "JavaScript": "gen.code.javascript", "TypeScript": "gen.code.javascript", "Node.js": "gen.code.javascript",
    "React": "gen.code.javascript", "Vue": "gen.code.javascript", "Next.js": "gen.code.javascript",
    "Svelte": "gen.code.javascript", "Angular": "gen.code.javascript", "Bash": "gen.code.shell",
    "shell": "gen.code.shell", "SQL": "gen.code.sql", "HTML": "gen.code.html", "CSS": "gen.code.html",
    **dict.fromkeys(("C#", "C++", "Go", "Golang", "Rust", "Java", "Kotlin", "Swift", "Ruby", "PHP", "Scala", "Elixir",
                     "Haskell", "Julia", "Dart", "Flutter", "Lua", "Solidity", "Rails", "Laravel", ".NET"))}
NAMED_LANGUAGE = lazy(r"(?<![\w.#+])(?:" + "|".join(sorted(map(re.escape, NAMED_LANGUAGES), key=len, reverse=True))
                      + r")(?![\w#+]|\.\w)")
CODE_MAKING, CODE_MADE, CODE_WORK_FOR = cue("code_making"), cue("code_made"), cue("code_work_for")


def _code_in_language(text: str, runs_programs: bool) -> Iterator[re.Match[str]]:
    """The language names of ``text`` told as code the agent makes: "Write modern C# code", "for Python
    development". Where the skill runs programs, "Generates React form components" tells what one of them does.
    Not in quotation marks: a quoted example or a sub-agent's prompt."""
    for m in unquoted(NAMED_LANGUAGE, text):
        made = CODE_MADE.match(text, m.end())
        if made is None:
            continue
        clause = _clause_before(text, m.start(), 50)  # the verb in the same clause
        making = CODE_MAKING.search(clause)
        if making and not _forbidden(text, m.start(), 50):
            verb = making.group(0).lower()
            if not (runs_programs and verb.endswith("s") and not verb.endswith("ss")):
                yield m
        elif made.group(0).rstrip().lower().endswith(("development", "programming")) and CODE_WORK_FOR.search(clause):
            yield m


@detector
def code_in_named_language(c: _Context) -> Iterator[Finding]:
    """gen.code.<language> and tool.file.write (L2): the description or SKILL.md has the agent write code in a
    language it names ("Write modern C# code", "Use for Python development"), as a language expert's skill does
    without a fence to copy. Not under a heading of when the skill does not apply."""
    described = Span(c.file, c.skill.frontmatter.line_of("description"))
    runs_programs = next(c.commands(), None) is not None
    hits = [(m.group(0), span) for text, span in [(c.description(), described), *c.prose]
            for m in _code_in_language(text, runs_programs)]
    titles = c.section_titles(span for _name, span in hits) if hits else {}
    hits = [(name, span) for name, span in hits if not SKILL_SCOPE.search(titles.get((span.file, span.line), ""))]
    if not hits:
        return
    for primitive in dict.fromkeys(NAMED_LANGUAGES[name] for name, _span in hits):
        if primitive:
            name, span = next((name, span) for name, span in hits if NAMED_LANGUAGES[name] == primitive)
            yield Finding(primitive, 2, span, f"writes {name} code")
    yield Finding("tool.file.write", 2, hits[0][1], f"writes {hits[0][0]} code into files")


# A source file of the user's project named in backticks, and the primitive of writing in its language
SOURCE_FILE = lazy(r"`((?:[\w.-]+/)*[\w-]+\.(py|m?js|cjs|jsx|ts|tsx|html?|css|sh|sql))`")
SOURCE_PRIMITIVES = {"py": "gen.code.python", **dict.fromkeys(("js", "mjs", "cjs", "jsx", "ts", "tsx"),
                     "gen.code.javascript"), **dict.fromkeys(("html", "htm", "css"), "gen.code.html"),
                     "sh": "gen.code.shell", "sql": "gen.code.sql"}
CODE_EDITING = cue("code_editing")


def _blank_quotes(text: str) -> str:
    """``text`` with its quoted strings blanked, every offset kept."""
    return QUOTED_STRING.sub(lambda q: " " * len(q.group(0)), text) if '"' in text or "'" in text else text


@detector
def code_in_named_files(c: _Context) -> Iterator[Finding]:
    """gen.code.<language> (L1) and tool.file.write: the agent changes source files of the user's project that the
    text names ("Adjusting shared frontend behavior in `app.js`", "Aligning the FastAPI backend in
    `backend/main.py`"), as a project-maintenance skill does without a fence to copy. Not a file named like one the
    skill bundles or its commands run (its own scripts are run, or customised by its user), nor quoted (an example
    plan's "Add Tailwind classes to `Header.tsx`"), nor after a verb in quotes ("TODO: fix"), nor where the clause
    forbids it."""
    bundled = {f.path.rsplit("/", 1)[-1] for f in c.skill.files}
    bundled |= {arg.rsplit("/", 1)[-1] for command, _text in c.commands() for arg in command.argv}  # what it runs
    hits: list[tuple[str, Span]] = []
    for text, span in c.agent_prose:
        blanked = None  # the text without its quoted strings, made once per paragraph that names a source file
        for m in unquoted(SOURCE_FILE, text):
            if m.group(1).rsplit("/", 1)[-1] in bundled or _forbidden(text, m.start(), 60):
                continue
            blanked = blanked if blanked is not None else _blank_quotes(text)
            if CODE_EDITING.search(_clause_before(blanked, m.start(), 60)):
                hits.append((m.group(2), span))
    for primitive in dict.fromkeys(SOURCE_PRIMITIVES[ext] for ext, _span in hits):
        span = next(span for ext, span in hits if SOURCE_PRIMITIVES[ext] == primitive)
        yield Finding(primitive, 1, span, "changes source files of the project it names")
    if hits:
        yield Finding("tool.file.write", 1, hits[0][1], "changes source files of the project it names")


INLINE_LANGUAGES = {"python": ("python", "python3"), "javascript": ("node",)}  # the interpreters of each
INLINE_PYTHON_IMPORT = lazy(r"\bimport\s+([\w.]+(?:\s*,\s*[\w.]+)*)|\bfrom\s+([\w.]+)\s+import\b")
INLINE_REQUIRE = lazy(r"\brequire\(|\bimport\b")
# `python3 -c "import tkinter; print('Ready!')"`: a probe that a module is there, no program of the agent's
INLINE_PROBE = lazy(r"import[ \t]+[\w., ]+(;[ \t]*print\([^()]*(\([^()]*\))?[^()]*\))?;?")


def _inline_program(command: Command, language: str) -> str | None:
    """The program of `python3 -c "import json, sys; ..."` or `node -e "..."` when it is more than a call (statements
    joined by `;`, lines, an import) and no mere probe of a module: code the agent writes on the command line."""
    program = _inline_code(command) if command.program in INLINE_LANGUAGES.get(language, ()) else None
    if program is None or not {"-p", "--print"}.isdisjoint(command.argv):
        return None  # `node -p "require('./package.json').version"` prints a value it looks up
    if language == "python" and INLINE_PROBE.fullmatch(program.strip()):
        return None
    imports = INLINE_PYTHON_IMPORT if language == "python" else INLINE_REQUIRE
    return program if ";" in program or "\n" in program or imports.search(program) else None


def _inline_level(program: str, language: str) -> int:
    """The level of an inline program, as of a fence: third-party Python modules or JavaScript's await are L3, an
    import or require L2."""
    if language == "javascript":
        return 3 if "await " in program else 2 if INLINE_REQUIRE.search(program) else 1
    modules = {name.strip().split(".")[0] for m in INLINE_PYTHON_IMPORT.finditer(program)
               for name in (m.group(1) or m.group(2)).split(",")}
    return 3 if modules - sys.stdlib_module_names else 2 if modules else 1


MARKUP_LANGUAGES = ("html", "svg", "css", "scss", "sass", "less")
# Languages whose fences hold markup among other things: components, page templates, unlabelled fences
MARKUP_HOSTS = (None, "text", "javascript", "typescript", "vue", "svelte", "astro", "liquid", "jinja", "jinja2", "j2",
                "erb", "handlebars", "hbs", "php", "ejs", "njk")
COMPONENTS = ("jsx", "tsx")  # of the JavaScript fences, the components (a `.js` fence's stray `<p>` is not a page)
# Markup with attributes or closing tags: `<div class="card">`, `</section>`; not `<input>`, `<body>` placeholders
_TAGS = r"(div|span|section|article|button|form|table|ul|ol|li|img|input|label|header|footer|nav|main|svg|a|p|h[1-6])"
MARKUP = lazy(rf"<{_TAGS}\s+[\w-]+=|</{_TAGS}>")
# CSS: an at-rule of CSS or Tailwind, a custom property, or a declaration of a common property (`margin: 0 auto;`)
# One line each (from a line start over blanks, to a `;` on that line): a pattern that ran over line ends retried
# the rest of the block from every line of a long unlabelled block.
STYLE_RULE = lazy(r"^[^\S\n]*(@(theme|media|container|layer|apply|tailwind|keyframes)\b|--[\w-]+[^\S\n]*:[^;\n]+;|"
                  r"(color|background|margin|padding|font|display|width|height|border|flex|grid|gap|position|"
                  r"opacity|transition|transform|box-shadow|line-height|text-align)(-[\w-]+)?[^\S\n]*:[^;\n]+;)",
                  re.MULTILINE)
RESPONSIVE = lazy(r"@media|@container|\b(sm|md|lg|xl):[\w-]|aria-\w+=|\brole=")


@detector
def other_code(c: _Context) -> Iterator[Finding]:
    sql = _code_fences(c, "sql") or [b for b in (c.body.code_blocks if c.body else [])
                                     if b.language in (None, "text") and SQL_START.search(b.text)]
    if sql:
        text = " ".join(b.text.upper() for b in sql)
        level = 3 if "WITH " in text else 2 if any(k in text for k in ("JOIN", "GROUP BY", "OVER (")) else 1
        yield Finding("gen.code.sql", level, sql[0].span, "SQL to write")
    # HTML and CSS the agent writes: html/svg/css fences, markup in a JSX or Vue component, and unlabelled fences
    # of markup or style rules (`<div class=...>`, `@theme { --color-primary: ... }`)
    by_language: dict[str | None, list[Any]] = {}  # one pass over the fences, kept in the languages' order below
    for block in _fences(c):
        by_language.setdefault(block.language, []).append(block)
    html = [b for language in MARKUP_LANGUAGES for b in by_language.get(language, ())]
    html += [b for language in MARKUP_HOSTS for b in by_language.get(language, ())
             if (language not in ("javascript", "typescript") or (b.info.split() or [""])[0].lower() in COMPONENTS)
             and (MARKUP.search(b.text) or language is None and STYLE_RULE.search(b.text))]
    if html:
        text = " ".join(b.text for b in html)
        level = 3 if "<svg" in text and "path" in text or RESPONSIVE.search(text) \
            else 2 if any(t in text for t in ("<form", "<table", "<svg")) or STYLE_RULE.search(text) else 1
        yield Finding("gen.code.html", level, html[0].span, "HTML or CSS to write")


TEMPLATE_DATA = lazy(r"(?i)(^|/)(templates?/[^/]+|[^/]*template[^/]*)\.(json|ya?ml)(\.template|\.tmpl)?$|"
                     r"\.(json|ya?ml)\.(template|tmpl|example|sample|dist)$|\.(example|sample|dist)\.(json|ya?ml)$")

FIXTURE = lazy(r"(?i)(^|/)(tests?|test[-_]?fixtures|fixtures)/")  # data a test feeds the code, not a template


@detector
def structured_output(c: _Context) -> Iterator[Finding]:
    """gen.text.structured: JSON/YAML the agent writes (payloads in arguments, JSON fences); nesting is L2."""
    payloads = []
    for command, _text in c.commands():
        for arg in command.argv[1:]:
            body = arg.strip("'\"")
            if JSON_LITERAL.match(body):
                payloads.append((body, command.span))
    commands = {command.span.line for command in c.body.command_lines} if c.body else set()
    for inline in c.body.inline_code if c.body else []:
        if inline.span.line not in commands and (m := JSON_LITERAL.search(inline.text)):
            payloads.append((inline.text[m.start():], inline.span))  # a payload in a command shown inline
    for b in c.body.code_blocks if c.body else []:
        title = c.body.sections[b.section].title if b.section is not None else ""
        if b.language in ("json", "yaml", "yml", "jsonc") and not RESPONSE.search(title) and not _rules_in_yaml(b):
            payloads.append((b.text, b.span))
    # a bundled JSON or YAML template or example configuration (`assets/recipe-template.json`,
    # `templates/values.yaml.template`, `config.example.json`): the agent fills it in
    payloads += [(f.text, Span(f.path, 1)) for f in c.skill.files
                 if f.text and TEMPLATE_DATA.search(f.path) and not for_people(f.path) and not FIXTURE.search(f.path)]
    if not payloads:
        return
    deepest = max(_depth(text) for text, _s in payloads)
    size = max(len(text) for text, _s in payloads)
    level = 3 if size > 5000 else 2 if deepest >= 2 or size > 500 else 1
    yield Finding("gen.text.structured", level, payloads[0][1], f"JSON/YAML payloads (nesting {deepest})")


def _depth(text: str) -> int:
    depth = best = 0
    for ch in text:
        if ch in "{[":
            depth += 1
            best = max(best, depth)
        elif ch in "}]":
            depth = max(depth - 1, 0)
    return best


@detector
def prose(c: _Context) -> Iterator[Finding]:
    """gen.text.prose: the skill has the agent compose text for people; reports, articles and posts are L2."""
    description = c.description()
    in_description = PROSE.search(description) or ADVISE.search(description)
    # a line under "## Do not use this skill when" ("- You need legal advice") says when the skill does not apply;
    # a prompt quoted for a sub-agent ('Prompt: "... Generate compliance reports."') and what its step yields
    # ("- Output: assessment report") ask that agent to write
    hits = [(m.group(0), span) for pattern in (PROSE, ADVISE) for text, span in c.prose
            for m in [_outside_prompts(pattern, text)] if m and (span.file, span.line) not in c.hand_off_outputs]
    titles = c.section_titles(span for _cue, span in hits)
    body_hits = [(cue_text, span) for cue_text, span in hits
                 if not SKILL_SCOPE.search(titles.get((span.file, span.line), ""))]
    if in_description or len(body_hits) >= 2:
        multi = bool(PROSE_LONG.search(
            description + " " + " ".join(t for t, _ in body_hits)))
        span = Span(c.file, c.skill.frontmatter.line_of("description")) if in_description else body_hits[0][1]
        yield Finding("gen.text.prose", 2 if multi else 1, span, "writes text for people")
        return
    # the length its text is held to ("4-6 paragraphs", "每次输出200-400字"): one such passage says it writes prose;
    # not the length of an answer a question asks the user for ("What's your goal? (1-3 sentences)")
    held = next(((m.group(0), span) for text, span in c.agent_prose for m in [PROSE_LENGTH.search(text)]
                 if m and not re.search(r"[?？]", text[max(0, m.start() - 80):m.start()])), None)
    if held:
        yield Finding("gen.text.prose", 2 if _runs_long(held[0]) else 1, held[1], f"text held to {held[0]!r}")


def _runs_long(length: str) -> bool:
    """Whether a length runs to several paragraphs: paragraphs, or a hundred words or three hundred characters."""
    most = max((int(n) for n in re.findall(r"\d+", length)), default=0)  # "keep replies short" has no number
    return "paragraph" in length.lower() or most >= (300 if "字" in length else 100)


# named for one template: not `templates`, nor a `template-library` / `template_collection` of several, nor a page
# about templates (`template-integrity.md`, `template-guide.md`)
ONE_TEMPLATE = lazy(r"(?i)template(?!s|[-_ ]?(library|libraries|collection|catalog|set|index|guide|guidelines|"
                    r"integrity|rules|reference|syntax|conventions|usage)\b)[^/]*$"
                    r"|(^|/)templates?/[^/]+$")
TEMPLATE_TITLE = cue("template_title")
FILLED_IN_CHARACTERS = 3000  # a template file this long with no placeholder is a filled-in page, not a skeleton
# a `#` line whose text opens with a bullet (`# - 200 responses indicate ...`) is a comment's list, not a heading
TEMPLATE_HEADING = lazy(r"^[ \t]{0,3}#{1,4}[ \t]+(?![-*+][ \t])\S", re.MULTILINE)
TOOL_SUBJECT = cue("tool_subject")
# `key=value`; a one-word directive with a concrete value (`Disallow: /admin/`, `Action: Block`, a dotted key of a
# .mplstyle file, `figure.dpi: 100`; a template's `Owner: [name]` holds a placeholder); a bracketed expression
# (`(cf.bot_management.score lt 30)`); a call (`search_emails(subject_keyword="urgent")`); an HTTP request (`GET
# /api/users?sort=name`) or a bare URL; a search query of two operators, or of one and a quoted phrase (`AI lang:en
# filter:verified`, `author:Church "synthetic biology"`); a path or glob of an ignore file or CODEOWNERS (`*.swp`,
# `docs/`, `/src/api/ @backend-team`), not a bold or italic line (`**Summary**`); a command with a comment after it
# (`python3 $SCRIPT stats   # Ethereum stats`) or a variable for argument (`python3 $SCRIPT price ETH`)
SETTING_OR_CODE_LINE = lazy(r"^[ \t]*[\w.-]+[ \t]*=[ \t]*\S|^[ \t]*[A-Za-z][\w.-]*:[ \t]+[^\s\[<{(_*]"
                            r"|^[ \t]*[^#\s][^\n]*?\S[ \t]{2,}#[ \t]|^[ \t]*[a-z][\w.-]*[ \t]+\$\{?[A-Za-z_]"
                            r"|^[ \t]*\(.*\)[ \t]*$|^[ \t]*[A-Za-z_][\w.]*\(.*\)[ \t]*;?[ \t]*$"
                            r"|^[ \t]*(GET|POST|PUT|PATCH|DELETE|HEAD) /|^[ \t]*https?://\S+[ \t]*$"
                            r"|^[^\n]*?\b[a-z_]+:[\w\"@#-][^\n]*?([ \t][a-z_]+:[\w\"@#-]|[ \t]\"[^\"\n]+\")"
                            r"|^[ \t]*\"[^\"\n]+\"[^\n]*?[ \t][a-z_]+:[\w\"@#-]"
                            r"|^[ \t]*!?(?!\*\*[^/]|\*[A-Za-z])(?:[\w.~-]*[*/][\w.*~/-]*|\.[\w-][\w.-]*)"
                            r"([ \t]+@[\w./-]+)*[ \t]*$", re.MULTILINE)
COMMENT_LINE = lazy(r"^[ \t]*#[ \t]")
CHECKBOX_ITEM = lazy(r"^[ \t]*[-*+][ \t]+\[[ xX]?\][ \t]*(.*)$", re.MULTILINE)  # a checkbox line; its text
LIST_ITEM_LINE = lazy(r"^[ \t]*([-*+]|\d+[.)])[ \t]+\S", re.MULTILINE)
TABLE_ROW = lazy(r"^[ \t]*\|", re.MULTILINE)


# A template engine's control syntax (Handlebars `{{#each tests}}`, Jinja `{% for %}`, ERB/EJS `<% %>`): a program
# renders the document, not the agent
TEMPLATE_ENGINE = lazy(r"\{\{[#/^]|\{%-?\s*(for|if|block|macro|include|extends)\b|<%[=-]?\s")
PROGRAM_WRITES = cue("program_writes")


def _written_by_a_program(doc: MarkdownDoc, block: CodeBlock) -> bool:
    """Whether the prose before a template block in its section has a program write the document ("Use the report
    generation script to create a formatted markdown report"), or the section's heading names code (``### report.py``
    over `python3 scripts/report.py weekly` and its "Report Format:"): the block shows that program's output."""
    if block.section is not None and _names_a_program(doc.sections[block.section].title.strip()):
        return True
    return any(p.section == block.section and p.end_line < block.span.line and PROGRAM_WRITES.search(p.text)
               for p in doc.paragraphs) or _output_of_code_before(doc, block) \
        or _output_of_generating_commands(doc, block)


OUTPUT_LABEL = cue("output_label")


def _output_of_code_before(doc: MarkdownDoc, block: CodeBlock) -> bool:
    """Whether a template block is what the code before it prints: a label right above it ("**Example Output:**",
    "输出示例：") that follows a code block of the same section (`result = md.convert("report.docx")` ...
    `print(result.text_content)`)."""
    above = doc.paragraphs_ending(block.span.line - 2, block.span.line)
    label = above[-1] if above else None
    if label is None or label.section != block.section or not OUTPUT_LABEL.fullmatch(label.text.strip()):
        return False
    return any(b.section == block.section and b.end_line < label.span.line and b.code is not None
               for b in doc.code_blocks)


GENERATING_COMMENT = cue("generating_comment")


def _output_of_generating_commands(doc: MarkdownDoc, block: CodeBlock) -> bool:
    """Whether a template block opens the section right after one whose commands are commented as making something
    ("# Generate HTML report with all metrics" over `npx claude-flow analysis performance-report`, "# Generate for
    current branch" over `npx ai-pr-desc`), with no prose between its heading and it: it shows what they write."""
    if not block.section:
        return False
    heading = doc.sections[block.section].span.line
    if doc.paragraphs_ending(heading + 1, block.span.line):
        return False
    last = max((b for b in doc.code_blocks if b.end_line < heading), key=lambda b: b.end_line, default=None)
    return last is not None and last.section == block.section - 1 and last.code is not None \
        and any(GENERATING_COMMENT.match(comment.text) for comment in last.code.comments)


def _said_to_be_short(doc: MarkdownDoc, block: CodeBlock) -> bool:
    """Whether the skill says the document of a template is short: every placeholder of it asks for a line or a
    few sentences ("[one-line summary of the label vocabulary]"), or the text after it says so of the whole ("Keep it
    short. If MISSION.md runs past a screen, ..."). Its sections are then headings over a few lines, not long text."""
    placeholders = [m.group(1) or m.group(2) for m in PLACEHOLDER.finditer(block.text)]
    if placeholders and all(BRIEF_PLACEHOLDER.search(p) for p in placeholders):
        return True
    after = range(block.end_line, block.end_line + SHORT_SAID_WITHIN)
    return any(p.span.line in after and (m := SHORT_OUTPUT.search(p.text)) is not None
               and not _IN_ONE_CASE.match(re.split(r"(?<=[.!?])\s+", p.text[:m.start()])[-1])
               for p in (*doc.paragraphs, *doc.list_items))


# "If PASSED - keep it short": said of one outcome's document, not of the template's ("If FAILED - be specific")
_IN_ONE_CASE = lazy(r"\A\W*(if|when|unless|for)\b", re.IGNORECASE)


def _settings_or_checklist(text: str) -> bool:
    """A block of settings or code (`key=value` lines of .shellcheckrc, .npmrc or an INI file, robots.txt's
    directives, a firewall's rule expressions, calls, HTTP requests, search queries), or `#` lines stacked on one
    another: its `# ...` lines are comments, not the headings of a document template; nor are the headings of a
    checklist (`- [ ] const constructor added` under `## Before Every Widget`), which the agent goes through rather
    than writes."""
    all_lines = text.splitlines()
    headings = {i for i, line in enumerate(all_lines) if TEMPLATE_HEADING.match(line)}
    # single-`#` lines stacked one on another ("# P: diabetes\n# I: metformin") are a comment; a template's headings
    # each head something, or stack as an outline of `##` sections under its title
    comments = {i for i in headings if COMMENT_LINE.match(all_lines[i])}
    stacked = sum(1 for i in comments if i + 1 in comments or i - 1 in comments)
    if headings and 2 * stacked > len(headings):
        return True
    lines = [line for i, line in enumerate(all_lines) if line.strip() and i not in headings]
    checks = CHECKBOX_ITEM.findall(text)
    return bool(lines) and (2 * len(SETTING_OR_CODE_LINE.findall(text)) >= len(lines)
                            or 2 * len(checks) >= len(lines) or _checklist(text, checks))


def _checklist(text: str, checks: list[str]) -> bool:
    """Whether a block's items are mostly checkboxes, each a fixed check ("- [ ] Variable names are descriptive"),
    whatever examples follow them ("### Example Issues to Catch:" and its code): a checklist to go through. Checkboxes
    with placeholders ("- [ ] [Specific task 1]") are the tasks of a plan the agent writes, and a block of tables
    whose mitigations are checkboxes is a report. ``checks``: the text of each checkbox line."""
    if len(checks) < 5 or 3 * len(checks) < 2 * len(LIST_ITEM_LINE.findall(text)):
        return False
    filled = sum(1 for check in checks if PLACEHOLDER.search(check))
    return 4 * filled < len(checks) and len(TABLE_ROW.findall(text)) < len(checks)


def _guide_of_its_own(text: str) -> bool:
    """Whether a Markdown file opens with a skill's frontmatter (a `description:` between `---` lines): a guide the
    agent reads (`templates/astro-static/TEMPLATE.md`, "Astro static site template principles"), not the skeleton
    of a document it writes."""
    if not text.startswith("---"):
        return False
    end = text.find("\n---", 3)
    return end > 0 and "\ndescription:" in text[:end]


_DOCUMENT_LANGUAGES = frozenset({None, "markdown", "md", "text", "txt", "plain"})


def _code_template(text: str, doc: MarkdownDoc) -> bool:
    """Whether a template file is mostly code (`### package.json`, `### src/index.js`, a Dockerfile: a project
    template whose files the agent writes), not the skeleton of a document."""
    code_lines = sum(b.text.count("\n") + 1 for b in doc.code_blocks if b.language not in _DOCUMENT_LANGUAGES)
    return 2 * code_lines >= text.count("\n") + 1


def _templates_of_file(path: str, text: str, doc: MarkdownDoc) -> list[tuple[str, Span, int, None, None]]:
    """The document templates of a bundled template file, as ``(text, span, sections, None, None)``. A file named as
    one template (report_template.md, templates/daily.md) is one document's skeleton: its Markdown headings are the
    document's sections (a `# ...` line in its fences is a comment). A file named for several (prd_templates.md,
    refund-templates.md) is a collection: only a section whose heading names a template ("## Standard PRD
    Template") is one, with its subsections as sections; the rest (template types, placeholders, tips) describes
    templates, and templates in fences are judged as any fenced block."""
    sections = doc.sections
    if ONE_TEMPLATE.search(path):
        if len(text) > FILLED_IN_CHARACTERS and not PLACEHOLDER.search(text):
            return []  # pages of prose without a slot to fill (templates/airbnb.md, a design system): a reference
        return [(text, Span(path, 1), sum(s.level <= 4 for s in sections), None, None)]
    lines = text.splitlines()
    found = []
    for index, section in enumerate(sections):
        # the file's own title ("# 设计任务提问模板" over all of question-templates.md) names the collection
        if TEMPLATE_TITLE.search(section.title) and not (index == 0 and section.end_line >= sections[-1].span.line):
            # its subsections: the sections after it, in order, up to its end
            within = itertools.takewhile(lambda s, end=section.end_line: s.span.line <= end,
                                         itertools.islice(sections, index + 1, None))
            body = "\n".join(lines[section.span.line:section.end_line])
            found.append((body, section.span, sum(s.level <= 4 for s in within), None, None))
    return found


_THIRD_PERSON_OPENING = lazy(r"^[A-Z][a-z]+s\b[^.!?]*\band\s+$")  # "Analyzes HTML files for common issues and "


def _implicit_subject(text: str, match: re.Match[str]) -> bool:
    """Whether a long-output cue's verb is in the third person with no subject: opening its sentence ("Generates
    full performance analysis with ROI" under a script's command, "Outputs a complete schema document") or joined
    to a verb that does ("Analyzes HTML files for common issues and generates detailed reports" under a script's
    name), or after "Then" or "It" that carries the last sentence's subject, or after "that" or "which" whose noun is
    the subject ("an API that produces detailed reports"). Its subject is the tool just described, not the agent,
    who is told in the imperative ("Generate a full analysis")."""
    if not match.group(0).split()[0].lower().endswith("s"):
        return False
    sentence = re.split(r"(?<=[.!?])\s+|\n", text[:match.start()])[-1]
    return not without_markers(sentence) or bool(_THIRD_PERSON_OPENING.match(sentence)) \
        or bool(_CARRIED_SUBJECT.match(sentence)) or bool(_RELATIVE_SUBJECT.search(sentence))


# "Analyzes your project's files. Then generates a comprehensive onboarding guide": the last sentence's subject
_CARRIED_SUBJECT = lazy(r"^\W*(?:(?:then|and|also|it)\s+)+$", re.IGNORECASE)
# "the Parallel Chat API that produces detailed intelligence reports": the noun before it is the subject
_RELATIVE_SUBJECT = lazy(r"\b(?:that|which)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


# A block that opens with a call (`task(category=..., prompt="""...`): a hand-off whose prompt's headings are the
# sub-agent's steps, not a document the agent writes.
TOOL_CALL_OPENING = lazy(r"\A\s*[A-Za-z_][\w.]*\(")
ADDRESSED_TO_A_MODEL = cue("prompt_opening")
PROMPT_LINES = 6  # lines of prose at a template's top read for an address to a model
CHANGELOG_HEADING = cue("changelog_heading")


def _changelog(text: str) -> bool:
    """Whether two thirds or more of a template's headings are a changelog's versions and categories ("## [1.2.0] -
    2024-01-15", "### Added", "### Fixed"): entries of a line or two under fixed headings, not a long document."""
    headings = [line.strip().lstrip("#").strip() for line in text.splitlines() if TEMPLATE_HEADING.match(line)]
    return bool(headings) and 3 * sum(1 for h in headings if CHANGELOG_HEADING.match(h)) >= 2 * len(headings)


def _a_prompt(text: str) -> bool:
    """Whether a line of prose at a template's top addresses a model ("## Role\nYou are a specialized implementation
    subagent", "你是…"): a prompt another agent is handed, whose headings are that agent's brief, not a document
    the agent writes. Not a line inside a fence of a template file: a reference that quotes a system prompt ("Use
    this as a stable system prompt: ```You are a senior application security engineer producing a threat
    model```") gives the agent its own output contract."""
    return any(ADDRESSED_TO_A_MODEL.search(line) for line in itertools.islice(_unfenced_prose(text), PROMPT_LINES))


def _unfenced_prose(text: str) -> Iterator[str]:
    """The lines of prose of Markdown text outside its fences: no heading, rule or comment."""
    fence = ""
    for line in text.splitlines():
        stripped = line.strip()
        if fence:
            fence = "" if stripped.startswith(fence) and not stripped[len(fence):].strip(fence[0]) else fence
        elif stripped.startswith(("```", "~~~")):
            fence = stripped[:len(stripped) - len(stripped.lstrip(stripped[0]))]
        elif stripped and not stripped.startswith(("#", "---", "<!--")):
            yield stripped


@detector
def long_output(c: _Context) -> Iterator[Finding]:
    """gen.text.long: a document the agent writes in one piece. Structure says it in any language: an output
    template (a Markdown block, or a bundled template file) with four or more sections is L2, seven or more, or
    over 60 lines, L3; the words for it ("write a detailed report") are L2."""
    best: Finding | None = None
    templates = [(b.text, b.span, len(TEMPLATE_HEADING.findall(b.text)), d, b) for d in c.agent_docs
                 for b in d.code_blocks if b.language in (None, "markdown", "md", "text", "txt", "plain")
                 and b.fenced and not b.mispaired]  # an indented block is quoted text (an MDX page's stripped props)
    for _file, found in c.file_templates:
        templates += found
    for text, span, sections, doc, block in templates:
        if sections >= 4 and not _settings_or_checklist(text) and not TEMPLATE_ENGINE.search(text) \
                and not TOOL_CALL_OPENING.match(text) and not _a_prompt(text) and not _changelog(text) \
                and not (block is not None and _written_by_a_program(doc, block)) \
                and not (block is not None and _content_of_a_data_file(doc, block)) \
                and not (block is not None and _said_to_be_short(doc, block)):
            level = 3 if sections >= 7 or text.count("\n") > 60 else 2
            if best is None or level > best.level:
                best = Finding("gen.text.long", level, span, f"fills a template of {sections} sections",
                               firm=level == 3)
    if best is None:
        best = _deliverable_parts(c)
    if best is None:
        hits = [(m.group(0), span) for text, span in c.agent_prose for m in [LONG_OUTPUT.search(text)]
                if m and not TOOL_SUBJECT.search(text, max(0, m.start() - 60), m.start())
                and not _implicit_subject(text, m)
                and not _describes_code(text) and not SUBAGENT_PROMPT.search(text, 0, m.start())
                and not _made_by_an_option(text, m)]
        # prose under a heading that names code (``#### `site_reports/detailed_report` ``, ``### generate_report()``)
        # says what that function or endpoint does ("Generate detailed report on all notebooks"), not what the agent
        # is told to do
        titles = c.section_titles(span for _cue, span in hits)
        hits = [(cue_text, span) for cue_text, span in hits
                if not _code_name(titles.get((span.file, span.line), "").strip())]
        hits = [(cue_text, span) for cue_text, span in hits if (span.file, span.line) not in c.hand_off_outputs]
        description = LONG_OUTPUT.search(c.description())
        if description:
            hits.insert(0, (description.group(0), Span(c.file, c.skill.frontmatter.line_of("description"))))
        if hits:
            best = Finding("gen.text.long", 2, hits[0][1], f"writes {hits[0][0]!r}")
    if best is not None:
        yield best


OUTPUT_TITLE = cue("output_title")
_LABELLED_PART = lazy(r"^\*\*(?P<label>[^*\n]{2,60})\*\*\s*[:：]")  # "**Debt Inventory**: ..."
DOCUMENT_PART = cue("document_part")


def _deliverable_parts(c: _Context) -> Finding | None:
    """gen.text.long from structure: a section titled as the output ("## Output Format", "## Deliverables") that opens
    straight on a list of four or more labelled parts ("1. **Debt Inventory**: Comprehensive list ...", "2. **Impact
    Analysis**: ..."): the document the agent delivers, in those parts (seven or more: L3). A section that first says
    whose output it describes ("Results include:", "All commands return JSON") lists a tool's fields instead, and
    parts most of whose labels name no piece of writing ("**Component File**", "**Tests**", "**Stories**") are a
    project's files: half of the labels at least name one ("Impact Analysis", "Prioritized Roadmap")."""
    for doc in c.agent_docs:
        opening: dict[int, int] = {}  # section -> line of its first paragraph that is no list item
        for paragraph in doc.paragraphs:
            if paragraph.list_item is None and paragraph.section is not None:
                opening.setdefault(paragraph.section, paragraph.span.line)
        parts: dict[int, list[tuple[int, str]]] = {}  # section -> (line, label) of each labelled part
        for item in doc.list_items:
            if item.depth == 0 and item.section is not None and (m := _LABELLED_PART.match(item.text)):
                parts.setdefault(item.section, []).append((item.span.line, m["label"]))
        for section, labelled in parts.items():
            first_line = labelled[0][0]
            if len(labelled) >= 4 and OUTPUT_TITLE.search(doc.sections[section].title) \
                    and opening.get(section, first_line + 1) > first_line \
                    and 2 * sum(bool(DOCUMENT_PART.search(label)) for _line, label in labelled) >= len(labelled):
                return Finding("gen.text.long", 3 if len(labelled) >= 7 else 2, doc.sections[section].span,
                               f"delivers a document of {len(labelled)} parts", firm=len(labelled) >= 7)
    return None


# an option in inline code (`-s`, `--standalone`), or the word: what the sentence goes on to name makes the document
_OPTION_NAMED = lazy(r"`--?[A-Za-z]|\b(flag|option)s?\b")


def _made_by_an_option(text: str, match: re.Match[str]) -> bool:
    """Whether the sentence of a long-output cue hands the document to a tool's option ("To create a complete
    document with a header and footer, use the `-s` or `--standalone` flag"): the tool writes it, not the agent."""
    end = SENTENCE_BREAK.search(text, match.end())
    return bool(_OPTION_NAMED.search(text, match.end(), end.start() if end else len(text)))


OUTPUT_OF_STEP = lazy(r"^\W*(expected\s+)?(output|deliverables?|results?)\s*:", re.IGNORECASE)
_TASK_TOOL = lazy(r"\bsubagent_type\b|\bTask tool\b")


def _outputs_of_hand_offs(c: _Context) -> set[tuple[str, int]]:
    """The lines that say what a step's output is ("- Expected output: Detailed assessment report") in a section that
    hands the step to a sub-agent ("Use Task tool with subagent_type=..."): another agent's output, as the prompt
    sent to it is, not a document this agent writes."""
    found: set[tuple[str, int]] = set()
    for doc in c.agent_docs:
        labelled = [item for item in (*doc.paragraphs, *doc.list_items) if OUTPUT_OF_STEP.match(item.text)]
        if not labelled:
            continue
        handing = {item.section for item in (*doc.paragraphs, *doc.list_items)
                   if item.section is not None and (_TASK_TOOL.search(item.text) or SUBAGENT.search(item.text))}
        found.update((doc.file, item.span.line) for item in labelled if item.section in handing)
    return found


@detector
def style(c: _Context) -> Iterator[Finding]:
    """follow.style: a persona, a tone or a register the agent keeps; a persona kept through long output is L3."""
    hits = c.prose_matches(STYLE, bundled=True)
    description = STYLE.search(c.description())
    if description:
        hits.insert(0, (description.group(0), Span(c.file, c.skill.frontmatter.line_of("description"))))
    if hits:
        level = 3 if len(hits) >= 4 else 2 if len(hits) >= 2 else 1
        yield Finding("follow.style", level, hits[0][1], f"keeps a style ({hits[0][0]!r})")


# --- reasoning --------------------------------------------------------------------------------------------------


@detector
def arithmetic(c: _Context) -> Iterator[Finding]:
    """reason.arithmetic: worked expressions or formulas (L2) or the words for computing (L1), in the agent's docs
    (worked calculations in their text blocks too)."""
    expressions = c.prose_matches(ARITHMETIC, bundled=True) or [
        (m.group(0), b.span) for d in c.agent_docs for b in d.code_blocks
        if b.language in _DOCUMENT_LANGUAGES and b.fenced and not b.mispaired
        for m in [WORKED_CALCULATION.search(b.text)] if m]
    if expressions:
        yield Finding("reason.arithmetic", 2, expressions[0][1], f"computes {expressions[0][0]!r}")
        return
    words = c.prose_matches(ARITHMETIC_WORDS, bundled=True)
    if words:
        yield Finding("reason.arithmetic", 1, words[0][1], f"arithmetic asked for ({words[0][0].lower()!r})")


@detector
def spatial(c: _Context) -> Iterator[Finding]:
    """reason.spatial: places and routes on a map (L1), geometry the agent computes (L2), the sphere or three
    dimensions (L3), in SKILL.md (a reference's API pages name trigonometric functions the agent never works out);
    the highest level named."""
    for level, pattern in SPATIAL.items():
        hits = c.prose_matches(pattern)
        if hits:
            yield Finding("reason.spatial", level, hits[0][1], f"reasons about space ({hits[0][0]!r})")
            return


@detector
def logic(c: _Context) -> Iterator[Finding]:
    """reason.logic: decision rules (trees, scoring, choosing by criteria, wording-to-value maps); 2+ is L2."""
    hits = [(m.group(0), span) for text, span in c.agent_prose for m in LOGIC.finditer(text)]
    rules = [(m.group(0), span) for text, span in c.agent_prose for m in CONDITIONAL_RULE.finditer(text)]
    if len(rules) >= 2:  # one "if ..., ask" is an instruction; several are case-by-case judgement
        hits += rules
    for doc in c.agent_docs:
        mapped = [item for item in doc.list_items if WORDING_MAP.search(item.text)]
        if len(mapped) >= 3:
            hits.append(("maps the user's wording to values", mapped[0].span))
        routes = [item for item in doc.list_items if ROUTE.search(item.text.split("\n", 1)[0])]
        if len(routes) >= 3 and len(mapped) < 3:
            hits.append(("routes requests by kind", routes[0].span))
    if hits:
        yield Finding("reason.logic", 2 if len(hits) >= 3 else 1, hits[0][1],
                      f"{len(hits)} decision rule(s) ({hits[0][0]})")


def _told_to_run_in(text: str) -> str | None:
    """The first place in a paragraph that tells the agent to run a kind of program with no command shown, in the
    imperative that opens a sentence or item ("Run all tests to ensure nothing broke", "- [ ] Run tests after each
    refactor step"): not in quoted words (a user's "Always run tests before committing", a plan step's example) or a
    prompt for a sub-agent, nor what someone else runs ("Run the tests in CI", "the user will need to run the test
    manually").

    Linear in the paragraph: quotes are counted once (:func:`unquoted`); a sentence is tried once (a later match in
    it has the earlier one in its opening, which is then no imperative); the prompts' quoted stretches are found
    once."""
    starts = [0, *(b.end() for b in SENTENCE_BREAK.finditer(text))]
    prompts = _prompt_quotes(text)
    tried = -1
    for m in unquoted(RUN_TOLD, text):
        sentence = starts[bisect.bisect_right(starts, m.start()) - 1]
        if sentence == tried:
            continue
        tried = sentence
        if not IMPERATIVE_OPENING.fullmatch(without_markers(text[sentence:m.start()])):
            continue
        end = SENTENCE_BREAK.search(text, m.end())
        if RUN_BY_OTHERS.search(text, m.start(), end.start() if end else len(text)):
            continue
        inside = bisect.bisect_right(prompts, (m.start(), len(text))) - 1
        if inside >= 0 and m.start() < prompts[inside][1]:
            continue
        return m.group(0)
    return None


def _prompt_quotes(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` quoted after "Prompt:" (:data:`SUBAGENT_PROMPT` reads a position inside one), each
    from its opening quote to the next straight or closing quote (or the end), in order, overlapping ones merged."""
    stretches: list[tuple[int, int]] = []
    for m in PROMPT_OPENING.finditer(text):
        # An opening whose quote starts before the last stretch ends would find a closing quote no later than the
        # one found (the stretch holds it already), so each search reads text no other search has: linear time.
        if stretches and m.end() <= stretches[-1][1]:
            continue
        close = CLOSING_QUOTE.search(text, m.end())
        start, end = m.end() - 1, close.start() if close else len(text)
        if stretches and start < stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], max(stretches[-1][1], end))
        else:
            stretches.append((start, end))
        if close is None:
            break  # unclosed: the rest of the text is quoted
    return stretches


def _outside_prompts(pattern: Pattern, text: str,
                     keep: Callable[[str, re.Match[str]], bool] | None = None) -> re.Match[str] | None:
    """The first match of ``pattern`` in ``text`` that is not inside a prompt quoted for a sub-agent
    (:func:`_prompt_quotes`) and that ``keep`` accepts."""
    stretches = _prompt_quotes(text) if "rompt" in text or "ROMPT" in text else []  # most text quotes no prompt
    if not stretches and keep is None:
        return pattern.search(text)
    starts = [start for start, _end in stretches]
    for m in pattern.finditer(text):
        index = bisect.bisect_right(starts, m.start()) - 1
        if (index < 0 or m.start() >= stretches[index][1]) and (keep is None or keep(text, m)):
            return m
    return None


def _not_a_subcommand(text: str, m: re.Match[str]) -> bool:
    """Whether the cue word ``m`` is not a subcommand of the program named right before it ("Kill WeChat -> frida
    spawn" is frida starting a process, not the agent spawning sub-agents)."""
    before = text[max(0, m.start() - 40):m.start()]
    words = before.split() if before[-1:] in (" ", "\t") else []
    # (a tool's name, not a shell builtin or a program named like an everyday word: "help breaking down", "Don't let
    # sub-agents", "parallel sub-agents")
    return not (words and words[-1] in KNOWN_COMMANDS and words[-1] not in COMMAND_WORDS)


def _outside_code(pattern: Pattern, text: str) -> re.Match[str] | None:
    """The first match of ``pattern`` in ``text`` that is not inside an inline code span (backticks counted once,
    from one match to the next, so a long paragraph of matches stays linear)."""
    ticks, counted = 0, 0
    for m in pattern.finditer(text):
        ticks += text.count("`", counted, m.start())
        counted = m.start()
        if ticks % 2 == 0:
            return m
    return None


_HAND_OFF_CUE = lazy(r"sub-?agents?|spawn|delegate", re.IGNORECASE)
_EACH_ONE = lazy(r"\b(per|for each)\b", re.IGNORECASE)


def _only_hand_offs(c: _Context, described: re.Match[str] | None) -> bool:
    """Whether every planning cue of the skill (its prose and description) hands work to sub-agents and none says
    they are several at work: one sub-agent, however often named ("### 4. Spawn the subagent", "The subagent's
    completion notification fires ..."), or sub-agents kept for the context's sake ("Always delegate to subagents
    to isolate context", "Read all memory files (use subagents for efficiency)"). Sub-agents that are independent,
    concurrent, counted or one per item ("a fresh subagent per task") lay out work among several: a plan.
    ``described``: the planning cue of the description, if any."""
    texts = [text for text, _span in c.prose if PLANNING.search(text)]
    texts += [c.description()] if described else []
    if not texts or not all(_HAND_OFF_CUE.fullmatch(m.group(0)) for text in texts for m in PLANNING.finditer(text)):
        return False
    # what is said of them is read in the sentences that name them ("Classify every observed contract" before
    # "Eve: ... skills, subagents, state" says nothing of sub-agents)
    naming = [sentence for text in texts for sentence in SENTENCE_BREAK.split(text) if PLANNING.search(sentence)]
    return not any(says_several_at_work(s) or _EACH_ONE.search(s) for s in naming)


@detector
def reasoning(c: _Context) -> Iterator[Finding]:
    """reason.planning and reason.analysis from their cues, two passages or more; phases count toward planning
    only beside another planning cue (the phases a skill lays down are its procedure, not a plan the agent makes)."""
    for pattern, primitive, threshold in ((PLANNING, "reason.planning", 2), (ANALYSIS, "reason.analysis", 2)):
        if primitive == "reason.analysis":
            # a cue inside inline code names something (`refactor(rules): extract ...`, a commit type), it asks for
            # no analysis
            hits = [(m.group(0), span) for text, span in c.prose for m in [_outside_code(pattern, text)] if m]
        else:
            # a cue in the prompt handed to a sub-agent ('Prompt: "Design ... Propose a roadmap"') asks that agent
            hits = [(m.group(0), span) for text, span in c.prose
                    for m in [_outside_prompts(pattern, text, _not_a_subcommand)] if m]
        # what a sub-agent's step yields ("- Output: ..., roadmap") asks that agent, not this one
        hits = [(cue_text, span) for cue_text, span in hits if (span.file, span.line) not in c.hand_off_outputs]
        if primitive == "reason.planning" and hits:
            # A list item is also its paragraph, so one item would pass the threshold alone; planning's cues are
            # mostly words that name things in lists (a "Flutter roadmap" topic, "runaway sub-agents", methods
            # named `spawn`), so each line counts once. (Analysis keeps the double count: the labels take one
            # item's "root cause" or "static analysis" as a demand, and one passage alone halves its precision.)
            hits = _once_per_line(hits)
            # A noun cue that names a subcommand of a CLI the skill runs ("### Subtasks" over `todo subtask <id>
            # "title"`) names a feature of that tool, not a plan the agent makes (a verb does not: `clawdbot
            # sessions spawn --task ...` spawns sub-agents).
            subcommands = c.subcommands()
            hits = [(cue_text, span) for cue_text, span in hits
                    if (noun := _singular(cue_text.lower().replace("-", ""))) not in subcommands
                    or noun not in ("subtask", "roadmap")]
            # hand-offs that lay out no work among several sub-agents are no plan
            described = PLANNING.search(c.description())
            if _only_hand_offs(c, described):
                hits, described = [], None
            hits += c.prose_matches(PHASES)
            # the description says what the skill is for ("Structured task planning with clear breakdowns")
            if described and hits:
                hits.append((described.group(0), Span(c.file, c.skill.frontmatter.line_of("description"))))
        if len(hits) >= threshold:
            level = _level(len(hits), 3, 8)
            yield Finding(primitive, level, hits[0][1], f"{len(hits)} passages ({hits[0][0]})",
                          firm=level >= 2 or primitive != "reason.planning")


# --- instruction following --------------------------------------------------------------------------------------


STEP_COMMENT = lazy(r"^[ \t]*(?:#|//|--)[ \t]*(?:step[ \t]*)?([1-9])[.:)][ \t]+\S", re.IGNORECASE | re.MULTILINE)


def _numbered_comments(code: str) -> int:
    """How many steps the comments of ``code`` number in order from 1 (`# 1. Load`, `// Step 2: Save`)."""
    count = 0
    for m in STEP_COMMENT.finditer(code):
        if int(m.group(1)) == count + 1:
            count += 1
    return count


@detector
def procedure(c: _Context) -> Iterator[Finding]:
    """follow.procedure: ordered steps; 5+ steps or branches are L2, loops and verification L3."""
    body = c.body
    if body is None:
        return
    lists = ordered_lists(body)  # (not those of an advice section: "## Best practices" holds topics)
    steps = step_headings(body)
    longest = max(lists.values(), key=len, default=[])
    count = max(len(longest), len(steps))
    if count < 3:
        # a workflow told in a fence's comments (`# 1. Create builder`, `# 2. Generate frames`, `# 3. Save`)
        commented = next(((b, n) for b in body.code_blocks if (n := _numbered_comments(b.text)) >= 3), None)
        if commented:
            block, n = commented
            yield Finding("follow.procedure", 2 if n >= 5 else 1, block.span, f"{n} numbered steps in a code block")
            return
        sequence = [(m.group(0), span) for text, span in c.prose
                    for m in [STEPS_IN_PROSE.search(without_markers(text))] if m]
        # (not in an advice section: "## Tips" tells "Pick one habit, then add the next" to the user, as its
        # numbered list is topics, not steps)
        titles = c.section_titles(span for _cue, span in sequence)
        sequence = [(cue_text, span) for cue_text, span in sequence
                    if not advice_section(titles.get((span.file, span.line), ""))]
        command_sections = {b.section for b in body.code_blocks if b.language == "shell" and b.section is not None}
        if len(sequence) >= 2 or len(command_sections) >= 3:
            # steps told in prose ("first look up the ID, then create"), or a usage guide of several command steps
            span = sequence[0][1] if sequence else body.sections[min(command_sections)].span
            yield Finding("follow.procedure", 1, span, "a sequence of steps")
        return
    items = [body.list_items[i] for i in longest] if len(longest) >= len(steps) else []
    text = " ".join(i.text for i in items) + " ".join(s.title for s in steps)
    span = items[0].span if items else steps[0].span
    if VERIFY.search(text):
        level = 3
    elif count >= 5 or CONDITION.search(text):
        level = 2
    else:
        level = 1
    yield Finding("follow.procedure", level, span, f"{count} ordered steps")


@detector
def constraints(c: _Context) -> Iterator[Finding]:
    """follow.constraint: MUST/NEVER/ALWAYS-type rules in the prose, outside quoted words; count sets the level."""
    ruling = [(text, span) for text, span in c.agent_prose if not SKILL_SCOPE.search(text)]
    hits = [(m.group(0), span) for text, span in ruling for m in unquoted(CONSTRAINT, text)]
    hits += [(m.group(0), Span(c.file, c.skill.frontmatter.line_of("description")))
             for m in CONSTRAINT.finditer(c.description())]
    hits += [(m.group(0), span) for text, span in ruling for m in unquoted(KEPT_RULES, text)]
    # the items of a section that says it holds rules ("## Constraints", "## Anti-patterns", "## Guardrails"), in
    # whatever words they are put ("Right-size to purpose.", "Em dashes. Use periods, commas ...")
    rule_titles = {s.title for d in c.agent_docs for s in d.sections if RULES_HEADING.match(s.title)}
    titles = c.section_titles(span for _text, span in c.agent_prose) if rule_titles else {}
    ruled = {(span.file, span.line, text): (title, span) for text, span in c.agent_prose  # an item is its paragraph
             if (title := titles.get((span.file, span.line))) in rule_titles and text != title}
    if len(ruled) >= 2:
        hits += ruled.values()
    # a list of what not to do ("**DON'T:**", "禁止：") is one more rule, where its lead-in was not one already
    said = {(span.file, span.line) for _hit, span in hits}
    hits += [(text, span) for text, span in c.forbidden_rules if (span.file, span.line) not in said]
    if hits:
        yield Finding("follow.constraint", _level(len(hits), 3, 8), hits[0][1], f"{len(hits)} hard rules")


# A heading over a section of rules (not "Lint rules" of a tool, nor a service's "Limitations")
RULES_HEADING = lazy(r"(?i)\W*(\d+\.\s*)?((important|critical|hard|key|core|global|golden)\s+)?"
                     r"(constraints|guardrails|anti-?patterns|restrictions|don'?ts|prohibitions)\b")


# A format named by its notation, in any language and in the commands' comments too (`# deadline: YYYY-MM-DD`)
FORMAT_NOTATION = lazy(r"\b(YYYY-MM-DD|ISO[ -]?8601|RFC ?3339|E\.164)\b|\bHH:MM(:SS)?\b", re.IGNORECASE)


@detector
def output_format(c: _Context) -> Iterator[Finding]:
    found = [(m, text, span) for text, span in c.prose for m in [FORMAT.search(text) or FORMAT_NOTATION.search(text)]
             if m]
    if not found and c.body is not None:  # the first code block that names a notation is enough
        first = next(((m, b.text, b.span) for b in c.body.code_blocks if (m := FORMAT_NOTATION.search(b.text))), None)
        found = [first] if first else []
    # "template" that names code to copy, said in the text or by the heading over it ("### `plot_template.py`"
    # over "Template script demonstrating various plot types"), is no output format
    templates = [span.line for m, _text, span in found if m.group(0).lower().startswith("template")]
    headings = c.body.headings_at(templates) if templates and c.body is not None else {}
    hits = [(m.group(0), span) for m, text, span in found
            if not (m.group(0).lower().startswith("template")
                    and (CODE_TEMPLATE.search(text) or CODE_TEMPLATE.search(headings.get(span.line, ""))))]
    if hits:
        schema = any(b.language in ("json", "yaml") for b in (c.body.code_blocks if c.body else []))
        yield Finding("follow.format", 3 if len(hits) >= 3 and schema else 2 if schema else 1, hits[0][1],
                      "output format or template")
        return
    # a template file the skill bundles (templates/task_plan.md, assets/report-template.md) is a structure to keep
    template = next((f for f, found in c.file_templates if found and ONE_TEMPLATE.search(f.path)), None)
    if template is not None:
        yield Finding("follow.format", 2, Span(template.path, 1), f"fills the template {template.path}")


@detector
def delegation_and_batch(c: _Context) -> Iterator[Finding]:
    hits = c.prose_matches(DELEGATION)
    if len(hits) >= 2:
        yield Finding("follow.delegation", 2, hits[0][1], "prefer code over mental work")
    # one line that asks for calls at once is enough now the cue names them, unless its clause forbids them ("avoid
    # running multiple refreshes in parallel"); a list item is also its paragraph: lines, not matches, are counted
    batch = [(m.group(0), span) for text, span in c.prose for m in [BATCH.search(text)]
             if m and not _forbidden(text, m.start(), reach=60)]
    lines = {(span.file, span.line) for _cue, span in batch}
    if lines:
        yield Finding("tool.call.batch", 1 if len(lines) == 1 else 2, batch[0][1], "parallel tool calls")


# --- assembly ---------------------------------------------------------------------------------------------------


class CapabilityFacts(Struct, frozen=True):
    """The primitives a skill demands, in SkVM's order, each with its level and first evidence."""

    demands: dict[str, Finding]


def analyze(skill: Skill) -> CapabilityFacts:
    return CapabilityFacts(_demands(skill))


def _demands(skill: Skill) -> dict[str, Finding]:
    """The highest-level finding per primitive."""
    context = _Context(skill)
    best: dict[str, Finding] = {}
    for detect in DETECTORS:
        for finding in detect(context):
            current = best.get(finding.primitive)
            if current is None or finding.level > current.level:
                best[finding.primitive] = finding
    return dict(sorted(best.items(), key=lambda kv: PRIMITIVES.index(kv[0])))


def skvm_shape(skill: Skill, found: dict[str, Finding]) -> dict[str, Any]:
    """SkVM's capability-analysis shape for the findings of ``infer``, with our spans."""
    description = skill.frontmatter.as_read.get("description")
    return {
        "skill_name": skill.name or skill.folder_name,
        "purposes": [{
            "id": "main",
            "description": description if isinstance(description, str) else "",
            "current_path": {"primitives": [
                {"id": f.primitive, "min_level": f"L{f.level}", "evidence": f.evidence,
                 "spans": [{"file": f.span.file, "line": f.span.line}]}
                for f in found.values()
            ]},
            "alternative_paths": [],
        }],
        "unmatched_requirements": [],
    }


# --- gaps against a target profile -------------------------------------------------------------------------


class Gap(Struct, frozen=True):
    primitive: str
    demanded: int
    provided: int
    span: Span
    evidence: str
    firm: bool = True  # the demand's evidence is plain (Finding.firm)

    @property
    def strategy(self) -> str:
        return degradation_strategy(self.primitive, self.demanded)


def gaps(findings: dict[str, Finding], target: Any) -> list[Gap]:
    """Primitives demanded above what the target provides (absent from the profile: unknown, not a gap)."""
    out = []
    for primitive, finding in findings.items():
        provided = target.level(primitive)
        if provided is not None and provided < finding.level:
            out.append(Gap(primitive, finding.level, provided, finding.span, finding.evidence, finding.firm))
    return out
