"""The command recogniser: which lines of Markdown outside a shell fence are commands.

Skills write commands everywhere: inline code inside prose of any language, list items (``- npx pkg --config
x.json``), table cells, prompt lines (``$ docker compose up``), unlabelled and indented code blocks. A line is a
command only when the shell parser parses it without error and its program is a known command (the lexicon in
``data/vocabulary.toml``) or, written as code, a plausible one. Prose words never become programs: in plain text
the program must be known, a program spelled like an everyday word ("make sure", "go to") needs an argument that
looks like code, and English function words outside quotes make the line a sentence.
"""

from __future__ import annotations

from msgspec import Struct

from ..lazy_re import lazy
from ..model import CodeFacts
from ..vocabulary import KNOWN_PROGRAMS, NPM_INSTALLERS, PIP_INSTALLERS, PROSE_WORDS, SHELL_SYNTAX, SYSTEM_INSTALLERS
from .code import extract_facts

# Where a command line was written. "code" is inline code or a code block; "prompt" is `$ ` in plain text;
# "prose" is plain text (a list item, a table cell, a paragraph line) with no prompt.
CODE, PROMPT, PROSE = "code", "prompt", "prose"

_PROMPT = lazy(r"(?:^|(?<=\s))\$ (?=[A-Za-z./~])", needs=("$ ",))
_QUOTED = lazy(r"'[^']*'|\"(?:\\.|[^\"\\])*\"")
_PROGRAM = lazy(r"^(?:\.{0,2}/|~/)?[A-Za-z0-9][\w.+-]*(?:/[\w.+-]+)*$")
_OPTION = lazy(r"^--?[A-Za-z0-9]")  # `-v`, `--file`: not `->` of a flow written in inline code (`a -> b | c`)
_CODE_ARGUMENT = lazy(_OPTION.pattern + r"|[/@=|<>{}$*]|^\.{1,2}$|\.[A-Za-z0-9]{1,5}$|^&&$")
_PLACEHOLDER = lazy(r"<([A-Za-z][\w.|:/-]*)>")  # `<project_path>`, `<id|code>`, `<owner/repo>`
_NON_WORD = lazy(r"\W")
_JOINERS = frozenset({"+", "/", "&", "-", "–", "—", "vs", "vs.", "e.g.", "i.e."})  # "make / create / do"
_TITLE_WORD = lazy(r"^[A-Z][a-z]+[:,.]?$")  # "Best", "Practices:": a sentence or a title, not arguments
_CJK = lazy(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]")
VERSION_FLAGS = frozenset({"--version", "-v", "-V", "version"})  # `docker --version`, `node -v`: what is installed
# `about = About { -brand }`, `x := 1`: a binding in some other language, never a program given arguments.
ASSIGNMENT_OPERATORS = frozenset({"=", ":=", "+="})  # `name = value`: a setting (TOML, Makefile), not a command
_BINDINGS = ASSIGNMENT_OPERATORS | {"==", "=>", "->", ":"}
# a known program's name before a comparison (`code != 0`, `status == "done"`) is a field in an expression
_COMPARISONS = _BINDINGS | {"!=", "===", "!==", "<=", ">="}
_INSTALLERS = PIP_INSTALLERS | NPM_INSTALLERS | SYSTEM_INSTALLERS


class Recognised(Struct, frozen=True):
    """A command found in a line: its text (prompt removed), the column it starts at (0-based), where it was
    written (a prompt turns prose into PROMPT) and its facts."""

    text: str
    offset: int
    where: str
    facts: CodeFacts


def prompt_command(line: str) -> tuple[str, int] | None:
    """The command after a ``$ `` prompt anywhere in a line of text, with its offset; None without a prompt."""
    m = _PROMPT.search(line) if "$ " in line else None  # the literal first: most lines have no prompt
    return (line[m.end():].rstrip(), m.end()) if m else None


def recognise(line: str, where: str, file: str, line_number: int, *, timeout_ms: int = 2000,
              single_word: bool = False) -> Recognised | None:
    """The command ``line`` holds when written ``where`` (CODE, PROMPT or PROSE), or None.

    ``single_word`` accepts a lone known program (the first line of an unlabelled code block: ``ls``).
    """
    offset = 0
    prompted = prompt_command(line) if where != PROMPT else None
    if prompted is not None and (where == PROSE or not line[:line.find("$")].strip()):
        line, offset = prompted  # `$ cmd` at the start of inline code, or anywhere in a line of prose
        where = PROMPT
    text = line.strip()
    offset += len(line) - len(line.lstrip())
    if not text or "\n" in text or len(text) > 400:
        return None
    words = text.split()
    program, args = words[0], words[1:]
    if program == "sudo" and args:
        program, args = args[0], args[1:]
    if not _plausible(program, args, text, where, single_word):
        return None
    # `python scripts/check.py <project_path>`: a placeholder in angle brackets, not a redirection; masked in place
    # (same length, so the facts' columns hold) before the shell parser reads the line. A synopsis whose first
    # argument is a placeholder (`whisper <name> <msg>`, `go <direction>` in a table of a game's commands) stays
    # unparsed: it names a command of the skill's own interface more often than a program.
    masked = "<" in text and not _PLACEHOLDER.fullmatch(args[0])
    parsed = _PLACEHOLDER.sub(lambda m: "_" + _NON_WORD.sub("_", m.group(1)) + "_", text) if masked else text
    facts = extract_facts(parsed, "shell", file, line_offset=line_number, timeout_ms=timeout_ms)
    if facts.syntax_errors or facts.not_read or not facts.commands:
        return None
    first = facts.commands[0]
    if first.program != program and first.via is None and first.program != words[0]:
        return None  # an assignment or a keyword came first: not the command the words name
    return Recognised(text, offset, where, facts)


def _plausible(program: str, args: list[str], text: str, where: str, single_word: bool) -> bool:
    known = program in KNOWN_PROGRAMS
    if not args:
        return single_word and known
    # Decided by the program alone first: most lines of prose start with a word that is no program.
    if where == CODE and known:
        return args[0] not in _COMPARISONS
    if where != CODE and (not known or program in SHELL_SYNTAX):
        return False
    unquoted = _QUOTED.sub(" ", text).split()[1:]
    sentence = any(word.lower().strip(",.;:!?") in PROSE_WORDS or word in _JOINERS for word in unquoted)
    if where == CODE:
        # Written as code by the author: a known program is enough; an unknown one must be command-shaped (not a
        # constant, not a number), carry a flag, and not read as a sentence.
        return (bool(_PROGRAM.match(program)) and not program.isupper() and not program[0].isdigit()
                and not sentence and args[0] not in _BINDINGS
                and any(_OPTION.match(a) and not a[1:].isdigit() for a in args))
    # Plain text (after a `$ ` prompt or not): only a known program that is not shell syntax, in a line that is
    # not a sentence, not Chinese or Japanese prose, not a parenthesised note ("pdftk (PDF manipulation)").
    if sentence or _CJK.search(text) or any(_TITLE_WORD.match(word) or word.startswith("(") for word in unquoted):
        return False
    if where == PROMPT:
        return True
    # Without a prompt, an argument must look like code ("npx @pkg --config x.json") or the line installs
    # ("pip install requests"): "vite react animation" and "sqlite3 CLI" are prose that starts with a name.
    return any(_CODE_ARGUMENT.search(a) for a in args) or (program, args[0]) in _INSTALLERS
