"""Tree-sitter parsing of Python, shell, JavaScript and TypeScript into :class:`CodeFacts`.

One parser and one compiled query set per language, built lazily once per process (worker processes build their
own). Facts are extracted with tree-sitter queries, which run in C; Python only walks the captures.
"""

from __future__ import annotations

import bisect
import re
import time
from functools import cache, lru_cache
from itertools import dropwhile
from typing import Any, Callable, Iterator, NamedTuple, TypeVar

import msgspec
import tree_sitter as ts
from msgspec import Struct

from ..lazy_re import lazy
from ..model import (
    Binding,
    Call,
    CodeFacts,
    Command,
    Comment,
    EnvRead,
    Import,
    Loop,
    Span,
    StringLiteral,
    SyntaxProblem,
    Url,
)
from ..vocabulary import ASSUMED_PROGRAMS, BASE_PROGRAMS, BATS_FUNCTIONS, INLINE_CODE_OPTIONS, KNOWN_PROGRAMS

# Fence info strings and file extensions -> the language names used across the model.
FENCE_LANGUAGES: dict[str, str] = {
    **dict.fromkeys(["python", "py", "python3", "py3", "ipython", "pycon", "python-repl"], "python"),
    **dict.fromkeys(
        ["bash", "sh", "shell", "zsh", "ksh", "console", "shell-session", "shellsession", "terminal", "shellscript",
         "bash-session", "sh-session", "cmd-line"],
        "shell",
    ),
    **dict.fromkeys(["javascript", "js", "node", "nodejs", "jsx", "mjs", "cjs"], "javascript"),
    **dict.fromkeys(["typescript", "ts", "tsx", "mts", "cts"], "typescript"),
}
EXTENSION_LANGUAGES: dict[str, str] = {
    ".py": "python", ".pyw": "python",
    ".sh": "shell", ".bash": "shell", ".zsh": "shell", ".ksh": "shell",
    ".js": "javascript", ".mjs": "javascript", ".cjs": "javascript", ".jsx": "javascript",
    ".ts": "typescript", ".mts": "typescript", ".cts": "typescript", ".tsx": "tsx",
}
# Other languages recognised by extension (not parsed, but named in the model and in dependency analysis).
OTHER_EXTENSION_LANGUAGES: dict[str, str] = {
    ".go": "go", ".rs": "rust", ".rb": "ruby", ".php": "php", ".java": "java", ".kt": "kotlin", ".swift": "swift",
    ".ps1": "powershell", ".bat": "batch", ".cmd": "batch", ".lua": "lua", ".pl": "perl", ".r": "r", ".R": "r",
    ".sql": "sql", ".html": "html", ".htm": "html", ".css": "css", ".c": "c", ".cpp": "cpp", ".h": "c",
}
PARSED_LANGUAGES = frozenset({"python", "shell", "javascript", "typescript", "tsx"})

SHEBANG_LANGUAGES = {
    "python": "python", "python3": "python", "python2": "python", "pypy3": "python", "uv": "python",
    "bash": "shell", "sh": "shell", "zsh": "shell", "dash": "shell", "ksh": "shell",
    "node": "javascript", "deno": "typescript", "bun": "typescript", "tsx": "typescript", "ts-node": "typescript",
}

# Programs that run another program named by their arguments; the wrapped program is recorded too.
WRAPPERS = frozenset(
    {"sudo", "doas", "xargs", "env", "time", "nohup", "exec", "command", "nice", "timeout", "npx", "bunx", "uvx",
     "pnpx", "watch", "stdbuf", "strace", "caffeinate", "parallel"}
)
# Options of wrappers that take a value (so the value is not mistaken for the program).
_WRAPPER_VALUE_OPTIONS = {
    "sudo": {"-u", "-g", "-C", "-D", "-h", "-p", "-U", "-r", "-t"},
    "xargs": {"-I", "-L", "-n", "-P", "-s", "-d", "-E", "-a"},
    "env": {"-u", "-C", "-S"},
    "timeout": {"-s", "-k", "--signal", "--kill-after"},
    "nice": {"-n"},
    "npx": {"-p", "--package"},
    "uvx": {"--from", "--with", "--python", "-p"},
    "parallel": {"-j", "--jobs"},
}
URL_PATTERN = lazy(r"\b(?:https?|wss?|ftp)://[^\s'\"`<>()\[\]{}\\]+", re.IGNORECASE)
_ENV_ASSIGNMENT = lazy(r"^[A-Za-z_][A-Za-z0-9_]*=")
_SHELL_PROMPT = lazy(r"^(\s*)(\$|>|%) ")
# Another program's prompt (`mysql> SELECT`, `meterpreter> run`, `redis> GET k`, a debugger's `(Pdb) b x.py:42`):
# its input is not shell.
_REPL_PROMPT = lazy(r"^\s*(?:[A-Za-z][\w.-]*(?:\([^)]*\))?>|\((?:[Pp]db(?:\+\+)?|ipdb|gdb|lldb)\)) ")
_PYCON_PROMPT = lazy(r"^(>>>|\.\.\.) ?")
_TREE_MARK = "[\u251c\u2514\u2502]"  # │, ├── and └── start the lines of a drawn folder tree
# `- item`, `feat(auth): ...`, `3. Load the list (matched pairs)` (a numbered step; a case branch is `3) cmd`)
_BULLET_OR_LABEL = r"[-*\u2022] +\S|\d+\. +[A-Z]|[A-Za-z][\w.-]*(?:\([^)\n]*\))?!?:(?:\s|$)"
_TREE_LINE = lazy(rf"^[\s\u2502]*{_TREE_MARK}")
_NOT_SHELL_LINE = lazy(rf"^\s*(?:{_BULLET_OR_LABEL})")
# A line of Python or JavaScript pasted into a shell block (`import gget`, `import sentencepiece as spm`, `from x
# import y`, `import { C } from 'pkg'`, `const v = new C()`); ImageMagick's `import -window root x.png` is a command.
_CODE_LINE_START = r"import [\w{*]|from [\w.]+ import |(?:const|let|var) \w+ = "
_CODE_LINE = lazy(r"^\s*(?:import [A-Za-z_]\w*(?: as \w+)?(?:, *[A-Za-z_]\w*)*\s*$|import (?:\{|\* as |\w+ from [\"'])"
                  r"|from [\w.]+ import |(?:const|let|var) \w+ = )")
# Any such line, in one pass over "\n" + text (a newline is a literal the engine skips to; ``^`` under MULTILINE
# is tried at every position). Nothing in it crosses a line end: each attempt stays within one line (linear).
_NOT_SHELL_HINT = lazy(rf"\n(?:[^\S\n]|\u2502)*(?:{_TREE_MARK}|{_BULLET_OR_LABEL}|{_CODE_LINE_START})")
HEREDOC_START = lazy(r"<<-?[ \t]*['\"]?(\w+)['\"]?")


def _unquoted(line: str) -> bool:
    """No quote opens or closes on this line: blanking it cannot cut a string that spans lines (`sig: $SIG"`)."""
    return line.count('"') % 2 == 0 and line.count("'") % 2 == 0


def _shell_code_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it is shell code: not the body (or end marker) of a here-document, and not inside a
    quoted string that spans lines (`python3 -c "` ... `"`: its lines are another language's code)."""
    marker: str | None = None
    quote: str | None = None
    outside = []
    for line in lines:
        outside.append(marker is None and quote is None)
        if marker is not None:
            if line.strip() == marker:
                marker = None
            continue
        quote = _quote_after(line, quote)
        if quote is None and (m := HEREDOC_START.search(line)) is not None:
            marker = m.group(1)
    return outside


def _quote_after(line: str, quote: str | None) -> str | None:
    """The quote still open at the end of ``line`` (None if none), given the one open at its start; a ``#`` that
    starts a word outside quotes ends the line (a comment's apostrophes open nothing)."""
    escaped = False
    for i, ch in enumerate(line):
        if escaped:
            escaped = False
        elif ch == "\\" and quote != "'":
            escaped = True
        elif quote is None:
            if ch in "\"'":
                quote = ch
            elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
                break
        elif ch == quote:
            quote = None
    return quote


BIG_SOURCE_BYTES = 256 * 1024  # above this, parse through a callback so the time limit applies


class _Grammar(Struct, frozen=True):
    language: ts.Language
    query: ts.Query


# Only what the extractors read is captured: each capture costs the query a node and the extractors a lookup.
_QUERIES = {
    "python": """
        (import_statement name: (dotted_name) @import)
        (import_statement name: (aliased_import name: (dotted_name) @import))
        (import_from_statement module_name: (_)) @from
        (call function: (_) arguments: (_)) @call
        (subscript value: (_) subscript: (string) @subscript_key)
        (list . (string) . (string)) @argv_list
        (string) @string
        (comment) @comment
    """,
    "shell": """
        (command name: (command_name)) @command
        (simple_expansion (variable_name) @var)
        (expansion (variable_name) @var)
        (variable_assignment name: (variable_name) @assign)
        (for_statement variable: (variable_name) @assign) @loop
        (function_definition name: (word) @function)
        (declaration_command (variable_assignment name: (variable_name) @declared))
        (if_statement) @conditional
        (elif_clause) @conditional
        (list) @and_list
        (case_statement) @case
        (string) @string
        (raw_string) @string
        (comment) @comment
    """,
    "javascript": """
        (import_statement source: (string) @source)
        (export_statement source: (string) @source)
        (call_expression function: (_) arguments: (_)) @call
        (member_expression object: (member_expression) property: (property_identifier) @env_name)
        (subscript_expression object: (member_expression) index: (string) @env_key)
        (string) @string
        (template_string) @string
        (comment) @comment
    """,
}
_QUERIES["typescript"] = _QUERIES["javascript"]
_QUERIES["tsx"] = _QUERIES["javascript"]


@cache
def _grammar(language: str) -> _Grammar:
    if language == "python":
        import tree_sitter_python as mod

        lang = ts.Language(mod.language())
    elif language == "shell":
        import tree_sitter_bash as mod

        lang = ts.Language(mod.language())
    elif language == "javascript":
        import tree_sitter_javascript as mod

        lang = ts.Language(mod.language())
    elif language in ("typescript", "tsx"):
        import tree_sitter_typescript as mod

        lang = ts.Language(mod.language_tsx() if language == "tsx" else mod.language_typescript())
    else:  # pragma: no cover - guarded by PARSED_LANGUAGES
        raise ValueError(f"no tree-sitter grammar for {language!r}")
    return _Grammar(lang, ts.Query(lang, _QUERIES[language]))


_ASCII_MASK = bytes(range(128)) + b"a" * 128


@cache
def _parser(language: str) -> ts.Parser:
    return ts.Parser(_grammar(language).language)


def parse_tree(source: bytes, language: str, timeout_ms: int) -> ts.Tree | None:
    """Parse with a time limit; None when the limit was hit."""
    parser = _parser(language)
    if language == "shell":
        # tree-sitter-bash's external scanner corrupts memory on some non-ASCII input (segfaults reproduced with
        # tree-sitter-bash 0.23.3 and 0.25.1 under random text). It parses a byte-for-byte ASCII-masked copy;
        # offsets are unchanged and every text the facts keep is sliced from the original bytes.
        source = source.translate(_ASCII_MASK)
    if len(source) <= BIG_SOURCE_BYTES:
        return parser.parse(source)
    deadline = time.monotonic() + timeout_ms / 1000

    def read(offset: int, _point: object) -> bytes:
        return source[offset : offset + 65536]

    def cancelled(*_state: object) -> bool:
        return time.monotonic() > deadline

    try:
        return parser.parse(read, progress_callback=cancelled)
    except ValueError:  # tree-sitter raises "Parsing failed" when the callback cancels
        parser.reset()
        return None


def strip_prompts(text: str, language: str, labelled: bool = True) -> str:
    """Blank out console prompts (``$ ``, ``>>> ``) and console output lines, keeping line and column numbers.
    ``labelled``: the block says it is shell (an unlabelled one was taken for shell by its look, lists and all)."""
    lines = text.split("\n")
    if language == "shell":
        # A drawn folder tree (`├── main.tex (or paper.pdf)`), a Markdown list (`- PyTorch (latest)`) or a labelled
        # line (a commit message `feat(auth): add login`, YAML's `rev: v1.45`) in a shell block is no command: no
        # program is named `-` or ends with a colon, and `(latest)` would run `latest` in a subshell; nor is a line
        # of Python or JavaScript. Here-document bodies are data, and a line that opens or closes a quote belongs to
        # a string: both kept as written.
        if _NOT_SHELL_HINT.search("\n" + text):
            lines = ["" if outside and _unquoted(line) and (_TREE_LINE.match(line) or _CODE_LINE.match(line) or labelled
                                                            and _NOT_SHELL_LINE.match(line)) else line
                     for line, outside in zip(lines, _shell_code_lines(lines))]
            text = "\n".join(lines)
        if any(_REPL_PROMPT.match(line) for line in lines):
            lines = ["" if _REPL_PROMPT.match(line) else line for line in lines]
            text = "\n".join(lines)
        prompted = [bool(_SHELL_PROMPT.match(line)) for line in lines]
        if not any(prompted):
            return text
        dollar = sum(1 for line in lines if line.lstrip().startswith("$ "))
        out = []
        for line, is_prompt in zip(lines, prompted):
            m = _SHELL_PROMPT.match(line)
            if m and (m.group(2) == "$" or not dollar):
                out.append(" " * m.end() + line[m.end():])
            elif dollar and not line.lstrip().startswith("#"):
                out.append("")  # output of a console session, not a command
            else:
                out.append(line)
        return "\n".join(out)
    if language == "python" and any(line.startswith(">>>") for line in lines):
        out = []
        for line in lines:
            m = _PYCON_PROMPT.match(line)
            out.append(" " * m.end() + line[m.end():] if m else "")
        return "\n".join(out)
    return text


_Answer = TypeVar("_Answer")


class _Extractor:
    """Turns tree-sitter captures into facts with spans in the containing file."""

    def __init__(self, source: bytes, file: str, line_offset: int, facts: CodeFacts, column_offset: int = 0,
                 depth: int = 0) -> None:
        self.source = source
        self.depth = depth  # how many interpreters' inline code this code is inside (see MAX_INLINE_DEPTH)
        self.file = file
        self.line_offset = line_offset  # added to tree-sitter's 0-based row to get the 1-based file line
        self.column_offset = column_offset  # added to columns of the first row (code that starts mid-line)
        self.facts = facts
        self.embedded: list[tuple[int, CodeFacts]] = []  # (start byte, facts): put in source order at the end
        # read once per file or scope, however many argument lists ask (_arguments_of_another_program)
        self._prefixing_helpers: set[str] | None = None
        self._put_after_a_value: dict[int, set[str]] = {}  # by the start byte of a scope's body
        self._walks_up: dict[tuple[str, int], bool] = {}  # (question, node id) -> answer: see walk_up
        self._string_lists: dict[str, tuple[str, ...]] | None = None  # see _module_string_lists
        self.tree_root: ts.Node | None = None

    def walk_up(self, question: str, node: ts.Node | None, decide: Callable[[ts.Node], _Answer | None],
                past_root: _Answer = False) -> _Answer:
        """The answer to ``question`` for ``node``: ``decide`` answers at a node or returns None to ask its parent
        (``past_root`` past the root). Answers are kept for every node on the way, so the commands of one long `a ||
        b || ...` chain, each deep in the one before, cost linear time, not quadratic."""
        path: list[int] = []
        answer = past_root
        while node is not None:
            known = self._walks_up.get((question, node.id))
            if known is not None:
                answer = known
                break
            path.append(node.id)
            decided = decide(node)
            if decided is not None:
                answer = decided
                break
            node = node.parent
        for node_id in path:
            self._walks_up[(question, node_id)] = answer
        return answer

    def span(self, node: ts.Node) -> Span:
        (row, col), (erow, ecol) = node.start_point, node.end_point
        return Span(self.file, row + self.line_offset, col + 1 + (self.column_offset if row == 0 else 0),
                    erow + self.line_offset, ecol + 1 + (self.column_offset if erow == 0 else 0))

    def text(self, node: ts.Node) -> str:
        # Slicing our own bytes is ~10x cheaper than Node.text, which copies through the tree.
        return self.source[node.start_byte : node.end_byte].decode("utf-8", "replace")

    def calls(self, captures: dict[str, list[ts.Node]]) -> Iterator[tuple[str, ts.Node, ts.Node | None]]:
        """Record every call; yield ``(callee, call node, first argument if it is a plain string)``."""
        for call in captures.get("call", []):
            callee = call.child_by_field_name("function")
            if callee is None:
                continue
            args = call.child_by_field_name("arguments")
            name = self.text(callee)
            self.facts.calls.append(Call(name, self.span(call), self.text(args)[:500] if args is not None else ""))
            first = next(iter(args.named_children), None) if args is not None else None
            yield name, call, first if first is not None and first.type == "string" else None

    def add_string(self, node: ts.Node, value: str) -> None:
        span = self.span(node)
        self.facts.strings.append(StringLiteral(value, span))
        for m in URL_PATTERN.finditer(value) if "://" in value else ():  # the test first: few strings hold a URL
            self.facts.urls.append(Url(m.group(0).rstrip(".,;:$"), span))


_FALLBACK_OPERATORS = frozenset({"||", "??", "or"})
_EQUALITY_OPERATORS = frozenset({"===", "!==", "==", "!="})
_LITERALS = frozenset({"string", "template_string", "number", "integer", "float", "true", "false"})
_CONJUNCTIONS = frozenset({"&&", "and"})
_TEST_JOINERS = _CONJUNCTIONS | _FALLBACK_OPERATORS  # what joins the reads of one branch's test
_BRANCHES = frozenset({"if_statement", "elif_clause", "while_statement", "conditional_expression", "ternary_expression"})
_GUARDS = _BRANCHES | {"not_operator", "unary_expression", "assert_statement"}


# Calls that only convert a value read from the environment (`parseInt(process.env.X) || 24`, `int(os.getenv("N")
# or 5)` reads as its own fallback already)
_CONVERSIONS = frozenset({"parseInt", "parseFloat", "Number", "String", "Boolean", "int", "float", "str", "bool"})


def _has_fallback(node: ts.Node) -> bool:
    """A read with a fallback or a guard: ``process.env.X || 'y'``, ``os.environ.get('X') or 'y'``,
    ``if (process.env.X)``: the code runs without the variable, so the setting is optional."""
    child, parent = node, node.parent
    while parent is not None and parent.type in ("parenthesized_expression", "member_expression", "call",
                                                 "call_expression", "attribute", "subscript", "arguments",
                                                 "argument_list", "await_expression", "await"):
        if parent.type in ("arguments", "argument_list"):
            call = parent.parent
            function = call.child_by_field_name("function") if call is not None else None
            if function is None or function.text is None or function.text.decode("utf-8", "replace") \
                    not in _CONVERSIONS or parent.named_children[0] != child:
                return False  # an argument of another call: its own read, not a fallback
            # `parseInt(process.env.HOURS) || 24`: the value converted, then defaulted
        child, parent = parent, parent.parent
    if parent is None:
        return False
    if parent.type in ("binary_expression", "boolean_operator"):
        operator = parent.child_by_field_name("operator")
        left = parent.child_by_field_name("left")
        if operator is not None and operator.type in _EQUALITY_OPERATORS:
            # `process.env.HEADLESS !== 'false'`: a switch compared with a value, whose absence is the default
            other = parent.child_by_field_name("right") if left == child else left
            return other is not None and other.type in _LITERALS
        if operator is not None and operator.type in _CONJUNCTIONS:
            return _tested_with_others(parent)
        if operator is None or operator.type not in _FALLBACK_OPERATORS:
            return False
        # `a or b or default` parses as `(a or b) or default`: b has a fallback too
        while left != child and parent.parent is not None and parent.parent.type == parent.type:
            outer = parent.parent
            outer_operator = outer.child_by_field_name("operator")
            if outer_operator is None or outer_operator.type not in _FALLBACK_OPERATORS:
                return False
            child, parent, left = parent, outer, outer.child_by_field_name("left")
        # the last of `if (process.env.CONTAINER || process.env.DOCKER)` is only tested, as in a conjunction
        return left == child or _tested_with_others(parent)
    if parent.type == "comparison_operator":  # Python: `os.getenv("DEBUG") == "1"`
        return any(other.type in _LITERALS for other in parent.named_children if other != child)
    if parent.type in ("array", "list"):
        return _candidates(parent)
    return parent.type in _GUARDS


def _candidates(array: ts.Node) -> bool:
    """Whether a list's unset items are dropped: ``[process.env.KEY, process.env.KEY_BACKUP].filter(Boolean)``,
    ``filter(None, [os.getenv("A"), os.getenv("B")])``: each variable is one candidate of several."""
    holder = array.parent
    if holder is not None and holder.type == "member_expression" and holder.child_by_field_name("object") == array:
        method = holder.child_by_field_name("property")
        return method is not None and method.text in (b"filter", b"find") and holder.parent is not None \
            and holder.parent.type == "call_expression"
    if holder is not None and holder.type == "argument_list" and holder.parent is not None:
        function = holder.parent.child_by_field_name("function")
        return function is not None and function.text == b"filter" and holder.named_children[0].text == b"None"
    return False


def _tested_with_others(conjunction: ts.Node) -> bool:
    """Whether an ``a and b`` (or ``a || b``) holding a read is the test of a branch (``elif OPENAI_AVAILABLE and
    os.getenv('OPENAI_API_KEY'):``, ``if (cfg.on && process.env.X)``): the code goes on without the setting."""
    child, parent = conjunction, conjunction.parent
    while parent is not None and (parent.type == "parenthesized_expression" or parent.type == conjunction.type and (
            (operator := parent.child_by_field_name("operator")) is not None
            and operator.type in _TEST_JOINERS)):
        child, parent = parent, parent.parent
    return parent is not None and parent.type in _BRANCHES and _condition(parent) == child


def _condition(branch: ts.Node) -> ts.Node | None:
    """The test of an ``if``, ``elif``, ``while`` or ternary (Python's ``a if test else b`` names no field)."""
    condition = branch.child_by_field_name("condition")
    if condition is None and branch.type == "conditional_expression" and len(branch.named_children) == 3:
        condition = branch.named_children[1]
    return condition


def _used_when_set(x: _Extractor, node: ts.Node, name: str) -> bool:
    """Whether a read sits in the body of an ``if`` (or a ternary's branch) whose test reads the same setting:
    ``if (process.env.TOKEN) { return process.env.TOKEN }``, ``if os.environ.get("X"): use(os.environ["X"])``."""
    child, parent = node, node.parent
    while parent is not None and parent.type not in ("program", "module"):
        if parent.type in ("if_statement", "elif_clause", "ternary_expression", "conditional_expression"):
            condition = _condition(parent)
            test = x.text(condition) if condition is not None and child != condition else ""
            if "env" in test and name in test and _word(name).search(test):
                return True
        child, parent = parent, parent.parent
    return False


def _read_with_default(x: _Extractor, node: ts.Node, name: str) -> bool:
    """Whether the code does without setting ``name`` read at ``node`` (``os.getenv(...)``, ``process.env.X``): a
    fallback or a guard, a branch taken only when a test found it set, or a name it is kept in and checked."""
    return _has_fallback(node) or _used_when_set(x, node, name) or _kept_then_checked(x, node)


# Patterns about one name, compiled when a literal test found the name: a skill reads many names, and re's own cache
# (512 patterns for the whole process) kept evicting them
@lru_cache(maxsize=256)
def _word(name: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(name)}\b")


@lru_cache(maxsize=256)
def _checked_uses(name: str) -> re.Pattern[str]:
    """Uses of a kept name that test it or replace it when unset (:func:`_kept_then_checked`): ``if tok:``, ``tok or
    default``, ``[Path(tok) / "envs"] if tok else []``, ``tok ? a : b``, ``if not tok: tok = default``."""
    name = re.escape(name)
    return re.compile(rf"^\s*if\s*\(?\s*{name}\s*(\)|:|&&|\band\b|is not None|!==?\s*(undefined|null))"
                      rf"|\b{name}\s*(\|\||\?\?|\bor\b)|\bif\s+{name}\s+else\b|\?\s*{name}\s*:"
                      rf"|^\s*if\s*\(?\s*(!|not\s+){name}\s*\)?\s*:?\s*\{{?\s*{name}\s*=[^=]")


@lru_cache(maxsize=256)
def _shell_mention(name: str) -> re.Pattern[str]:
    return re.compile(rf"\$\{{?{re.escape(name)}\b")


_HOLDERS = frozenset({"call", "call_expression", "attribute", "member_expression", "arguments", "argument_list",
                      "parenthesized_expression", "subscript", "await", "await_expression", "optional_chain"})
_FAILS = lazy(r"\b(raise|throw|exit|abort)\b|process\.exit")


def _kept_then_checked(x: _Extractor, node: ts.Node) -> bool:
    """Whether a read is kept in a name that the code after it uses only when set or replaces when unset:
    ``tok = os.getenv("T")`` then ``if tok:`` / ``tok or default`` / ``if not tok: tok = default``;
    ``const ms = Number(process.env.MS)`` then ``ms > 0 ? ms : 60000``. A test that raises or exits (``if not
    tok: sys.exit("set T")``) is a requirement, not a default."""
    child, parent = node, node.parent
    while parent is not None and parent.type in _HOLDERS:
        child, parent = parent, parent.parent
    if parent is None or parent.type not in ("assignment", "variable_declarator"):
        return False
    target = parent.child_by_field_name("left") or parent.child_by_field_name("name")
    if target is None or target.type != "identifier" or child == target:
        return False
    statement = parent
    while statement.parent is not None and statement.parent.type not in ("block", "statement_block", "module",
                                                                          "program"):
        statement = statement.parent
    name = x.text(target)
    needle = name.encode("utf-8") if "\ufffd" not in name else b""  # b"" finds everywhere
    following = statement.next_named_sibling
    for _ in range(30):
        if following is None:
            return False
        # the bytes first: most statements never name it, and need no decoding (a bundle's are 100s of KB)
        if x.source.find(needle, following.start_byte, following.end_byte) != -1:
            text = x.text(following)
            if _word(name).search(text):  # the first statement that uses it decides
                return bool(_checked_uses(name).search(text)) and not _FAILS.search(text)
        following = following.next_named_sibling
    return False


def _assigned_to(node: ts.Node | None) -> bool:
    """Whether ``node`` is the target of an assignment (``os.environ["X"] = v``, ``process.env.X = v``)."""
    parent = node.parent if node is not None else None
    return parent is not None and parent.type in ("assignment", "assignment_expression") \
        and parent.child_by_field_name("left") == node


def _unquote(word: str) -> str:
    if len(word) >= 2 and word[0] == word[-1] and word[0] in "'\"":
        return word[1:-1]
    return word


def _strip_quotes(literal: str) -> str:
    """The body of a string literal: prefixes (r, b, f, u) and quotes removed, escapes kept as written."""
    body = literal.lstrip("rbfuRBFU")
    for quote in ('"""', "'''", '"', "'", "`"):
        if len(body) >= 2 * len(quote) and body.startswith(quote) and body.endswith(quote):
            return body[len(quote) : -len(quote)]
    return body


# `return`, `return None` (or an empty value) in the handler: the function does without the package; so does one
# that reports the step skipped (`return {"status": "skip", "message": "pdffonts not available"}`).
_GIVES_UP = lazy(r"(?m)\breturn(?:[ \t]+(?:None|False|\[\]|\{\}|''|\"\"))?[ \t]*(?:#.*)?$"
                 r"|\bskip(?:ped|ping)?\b|\bnot available\b")
# `return b"peanuts"`: a fixed value the function falls back on (Chrome's default key where no keyring module is),
# unless the handler reports a problem (`return "pip install x first"`, a printed warning). A number is an exit
# code as often as a value (`print('need PyYAML'); return 1` fails).
_FALLS_BACK = lazy(r"(?m)\breturn[ \t]+(?:b?'[^'\n]*'|b?\"[^\"\n]*\")[ \t]*(?:#.*)?$")
# a handler that says it takes another way (`warn: go mod init failed; writing fallback go.mod`, "falling back to"):
# for a program, not an import (`except ImportError: # Fallback to basic YAML parser`), whose package the labels
# count as a requirement
_SAYS_FALLBACK = lazy(r"\bfall(?:ing)?[ -]?back\b", re.IGNORECASE)
_SAYS_MISSING = lazy(r"install|missing|not found|required|error|\bneeds?\b|print\(|stderr|warn", re.IGNORECASE)


def _falls_back(x: _Extractor, clause: ts.Node) -> bool:
    """Whether an ``except`` handler returns a fixed value (see ``_FALLS_BACK``) and says nothing is missing."""
    body = x.text(clause.named_children[-1]) if clause.named_children else ""
    return _FALLS_BACK.search(body) is not None and _SAYS_MISSING.search(body) is None


# Where a search for the ``try`` around a call stops: the function or class holding it, in Python and JS/TS
_SCOPES = frozenset({"function_definition", "class_definition", "function_declaration", "function_expression",
                     "arrow_function", "method_definition", "class_declaration", "generator_function_declaration"})


def _handlers(node: ts.Node) -> list[ts.Node]:
    """The ``except`` clauses (JS/TS: the ``catch`` clause) of the ``try`` that ``node`` sits in, within its
    function; none outside one."""
    parent = node.parent
    while parent is not None and parent.type != "try_statement" and parent.type not in _SCOPES:
        parent = parent.parent
    if parent is None or parent.type != "try_statement":
        return []
    return [clause for clause in parent.named_children if clause.type in ("except_clause", "catch_clause")]


# A JS/TS `catch` body that goes on without the call: nothing, or a bare empty value returned
_JS_GIVES_UP = lazy(r"^(?:return(?:\s+(?:null|false|undefined|\[\]|\{\}|''|\"\"))?\s*;?|continue\s*;?)$")


def _catch_goes_on(x: _Extractor, clause: ts.Node, quietly: bool) -> bool:
    """Whether a JS/TS ``catch`` (which catches every error, a missing program's included) goes on quietly: an
    empty body, or only ``return null`` (``[]``, ``false``...) or ``continue``; ``quietly``: only an empty body or
    ``continue``. A handler that logs, throws or exits reports the failure instead."""
    body = clause.child_by_field_name("body")
    statements = [x.text(s).strip() for s in body.named_children if s.type != "comment"] if body is not None else []
    if not statements:
        return True
    if len(statements) != 1 or not _JS_GIVES_UP.match(statements[0]):
        return False
    return not quietly or statements[0].startswith("continue")


def _tried_without(x: _Extractor, node: ts.Node, errors: tuple[str, ...], quietly: bool = False,
                   said_fallback: bool = False) -> bool:
    """Whether ``node`` sits in a ``try`` whose handler for one of ``errors`` gives up quietly (``pass``, ``x =
    None``, ``return None``, ``continue``) rather than raising, exiting or returning an error: the code goes on
    without what ``node`` needs. ``quietly``: the handler only passes or continues; ``said_fallback``: a handler that
    says it falls back (:data:`_SAYS_FALLBACK`) goes on too."""
    for clause in _handlers(node):
        if clause.type == "catch_clause":
            if _catch_goes_on(x, clause, quietly):
                return True
            continue
        text = x.text(clause)
        if quietly:  # the handler does nothing but go on: `pass`, `continue`
            body = clause.named_children[-1] if clause.named_children else None
            if body is None or x.text(body).strip() not in ("pass", "continue"):
                continue
        caught = any(error in text for error in errors) or "Exception" in errors and text.startswith("except:")
        if caught and "exit" not in text and "raise" not in text \
                and ("= None" in text or "= False" in text or "pass" in text or "continue" in text
                     or _GIVES_UP.search(text) or _falls_back(x, clause)
                     or said_fallback and _SAYS_FALLBACK.search(text)):
            return True
    return False


# A comment after an import that says the module is made up: `require('music-api'); // hypothetical`. The words
# are looked for after the line's first comment marker (any later marker is after it too): one pattern for both
# rescanned the rest of the line from every marker, quadratic on a minified line full of `//`.
_COMMENT_MARKER = lazy(r"#|//|/\*")
_MADE_UP = lazy(r"\b(?:hypothetical|fictional|imaginary|placeholder|made[ -]up|not a real)\b", re.IGNORECASE)


def _made_up(x: _Extractor, node: ts.Node) -> bool:
    """Whether the rest of ``node``'s line carries a comment calling the module made up: an example's stand-in,
    not a package anyone installs."""
    end = x.source.find(b"\n", node.end_byte)
    rest = x.source[node.end_byte : end if end >= 0 else len(x.source)]
    if b"/" not in rest and b"#" not in rest:
        return False
    text = rest.decode("utf-8", "replace")
    marker = _COMMENT_MARKER.search(text)
    return marker is not None and _MADE_UP.search(text, marker.end()) is not None


def _optional_import(x: _Extractor, node: ts.Node) -> bool:
    """``try: import x / except ImportError: x = None`` (or ``return None`` from the function that needs it), or
    ``except Exception: return {}``: the code runs without the package."""
    return _tried_without(x, node, ("ImportError", "ModuleNotFoundError", "except Exception", "except BaseException",
                                    "except:"))  # (not `except requests.RequestException`: the code's own errors)


def _copes_without_program(x: _Extractor, call: ts.Node) -> bool:
    """``try: subprocess.run(["rocm-smi", ...]) / except FileNotFoundError: return []``: the code expects the program
    may be missing; so does a handler of any exception that only passes (``except Exception: pass``, then the
    next fallback). A handler that reports an error ("lighthouse CLI not found", or prints one and returns False)
    reports a requirement instead."""
    return _tried_without(x, call, ("FileNotFoundError", "OSError"), said_fallback=True) \
        or _tried_without(x, call, ("Exception",), quietly=True)


_LEAVES = lazy(r"\b(return|raise|exit)\b")


def _stops_without_program(x: _Extractor, call: ts.Node) -> bool:
    """``try: subprocess.run(["potrace", "--version"], check=True) / except FileNotFoundError: print("potrace is not
    installed"); return False``: the code checks a requirement, says it is missing and leaves (the Python form of
    shell's ``if ! node --version; then ...; exit 1; fi``)."""
    for clause in _handlers(call):
        text = x.text(clause)
        body = x.text(clause.named_children[-1]) if clause.named_children else ""
        caught = any(error in text for error in ("CalledProcessError", "FileNotFoundError", "OSError", "Exception")) \
            or text.startswith("except:")
        if caught and _SAYS_MISSING.search(body) and _LEAVES.search(body):
            return True
    return False


def _arguments_of_another_program(x: _Extractor, argv: ts.Node) -> bool:
    """Whether the list is the arguments of a program named elsewhere, so its first word (`["run", "-p", pattern]`)
    is a subcommand: the name it is assigned to goes after another value, into a call (`run_sg(binary, sg_args)`)
    or a list (`[binary, *sg_args]`, `[binary] + sg_args`); or it is handed to a helper of the file that puts its
    parameter after a program (`_git(["rev-parse", "HEAD"])` where `def _git(args)` runs `["git"] + args`)."""
    parent = argv.parent
    if parent is not None and parent.type == "argument_list" and parent.named_children[0] == argv:
        function = parent.parent.child_by_field_name("function") if parent.parent is not None else None
        return function is not None and x.text(function).rsplit(".", 1)[-1] in _prefixing_helpers(x)
    target = parent.child_by_field_name("left") if parent is not None and parent.type == "assignment" else None
    if target is None or target.type != "identifier":
        return False
    scope = parent
    while scope.parent is not None and scope.type != "function_definition":
        scope = scope.parent  # (a name like `args` means other things in other functions: argparse's namespace)
    body = scope.child_by_field_name("body") or scope  # (not its parameters: `def main(parser, args):`)
    if body.start_byte not in x._put_after_a_value:
        x._put_after_a_value[body.start_byte] = _names_put_after_a_value(x.text(body))
    return x.text(target) in x._put_after_a_value[body.start_byte]


# `def name(param` (a method's `self` skipped), at the indentation its body ends at
_FIRST_PARAMETER = lazy(r"^([ \t]*)def[ \t]+(\w+)[ \t]*\([ \t]*(?:self[ \t]*,[ \t]*)?(\w+)", re.MULTILINE)
# a name after another value, in a call or a list (`f(binary, name)`, `[binary, *name]`, `["git"] + name`)
_AFTER_A_VALUE = lazy(r"[(\[][^()\[\],]+,\s*\*?(\w+)|\]\s*\+\s*(\w+)")


def _names_put_after_a_value(code: str) -> set[str]:
    return {m.group(1) or m.group(2) for m in _AFTER_A_VALUE.finditer(code)}


def _prefixing_helpers(x: _Extractor) -> set[str]:
    """The functions of the file whose body puts their first parameter after another value (`def _git(args)`
    running `["git"] + args`), each by the first definition of its name that takes a parameter; read once."""
    if x._prefixing_helpers is None:
        source = x.source.decode("utf-8", "replace")
        seen: set[str] = set()
        x._prefixing_helpers = set()
        for definition in _FIRST_PARAMETER.finditer(source):
            indent, name, parameter = definition.groups()
            if name in seen:
                continue
            seen.add(name)
            end = re.compile(rf"^{indent}\S", re.MULTILINE).search(source, definition.end())
            if parameter in _names_put_after_a_value(source[definition.end():end.start() if end else len(source)]):
                x._prefixing_helpers.add(name)
    return x._prefixing_helpers


def _extract_python(x: _Extractor, captures: dict[str, list[ts.Node]]) -> None:
    f = x.facts
    for node in captures.get("import", []):
        if not _made_up(x, node):
            f.imports.append(Import(x.text(node), x.span(node), optional=_optional_import(x, node)))
    for node in captures.get("from", []):
        module = node.child_by_field_name("module_name")
        if module is None or _made_up(x, module):
            continue
        text = x.text(module)
        names = tuple(x.text(n) for n in node.children_by_field_name("name"))
        relative = module.type == "relative_import"
        f.imports.append(Import(text.lstrip("."), x.span(module), relative=relative or text.startswith("."),
                                names=names, optional=_optional_import(x, node)))
    passed: set[tuple[int, str]] = set()  # (function, name) of the names subprocess calls run: `subprocess.run(cmd)`
    for name, call, first in x.calls(captures):
        if name in ("os.getenv", "getenv", "os.environ.get", "environ.get", "os.environ.setdefault") and first:
            args = call.child_by_field_name("arguments")
            has_default = args is not None and len(args.named_children) > 1
            read = _strip_quotes(x.text(first))
            f.env_reads.append(EnvRead(read, x.span(call), optional=has_default or _read_with_default(x, call, read)))
        elif name in PY_SUBPROCESS:
            _subprocess_command(x, call, name in PY_SHELL_CALLS)
            args = call.child_by_field_name("arguments")
            named = next(iter(args.named_children), None) if args is not None else None
            if named is not None and named.type == "identifier":
                passed.add((_scope_of(x, named), x.text(named)))
    if any(call.name in PY_SUBPROCESS for call in f.calls):
        # `cmd = ["ffmpeg", "-y", ...]; subprocess.run(cmd)`: a list that starts with a program and a flag, or one
        # bound to the name a subprocess call of the same function runs (`cmd = ["uv", "init", path]`)
        for argv in captures.get("argv_list", []):
            first, second = argv.named_children[0], argv.named_children[1]
            program, flag = _strip_quotes(x.text(first)), _strip_quotes(x.text(second))
            target = argv.parent.child_by_field_name("left") if argv.parent is not None \
                and argv.parent.type == "assignment" else None
            run = target is not None and (_scope_of(x, argv), x.text(target)) in passed
            if (flag.startswith("-") or run) and re.match(r"^[a-z][\w.+-]*$", program) \
                    and not _arguments_of_another_program(x, argv):
                words, _complete = _literal_words(x, argv)
                words = words if words[:2] == [program, flag] else [program, flag]
                f.commands.append(Command(program, tuple(words), x.span(first), x.text(first.parent)[:500],
                                          via="subprocess", copes_without=_copes_without_program(x, argv),
                                          platform_only=_py_platform_only(x, argv),
                                          in_function=_function_named(x, argv)))
    for key in captures.get("subscript_key", []):
        obj = key.parent.child_by_field_name("value") if key.parent is not None else None
        if obj is not None and x.text(obj) in ("os.environ", "environ"):
            if _assigned_to(key.parent):  # `os.environ["X"] = "1"`: the code sets X for itself and its children
                f.exports.append(Binding(_strip_quotes(x.text(key)), x.span(key)))
            else:
                read = _strip_quotes(x.text(key))
                f.env_reads.append(EnvRead(read, x.span(key), optional=_used_when_set(x, key.parent, read)))
    for node in captures.get("string", []):
        x.add_string(node, _strip_quotes(x.text(node)))
    for node in captures.get("comment", []):
        f.comments.append(Comment(x.text(node), x.span(node)))


_WORD_TYPES = frozenset({"command_name", "word", "string", "raw_string", "concatenation", "number",
                         "simple_expansion", "expansion", "command_substitution"})


def _shell_words(x: _Extractor, command: ts.Node) -> list[str]:
    return [_unquote(x.text(child)) for child in command.children if child.type in _WORD_TYPES]


def _wrapped_program(wrapper: str, args: list[str]) -> tuple[str | None, int]:
    """The program a wrapper runs and its index in ``args``, skipping the wrapper's own options."""
    takes_value = _WRAPPER_VALUE_OPTIONS.get(wrapper, set())
    i = 0
    if wrapper == "timeout":  # timeout [options] DURATION COMMAND
        while i < len(args) and args[i].startswith("-"):
            i += 2 if args[i] in takes_value else 1
        i += 1
    while i < len(args):
        arg = args[i]
        if arg in takes_value:
            i += 2
        elif arg.startswith("-") or (wrapper == "env" and _ENV_ASSIGNMENT.match(arg)):
            i += 1
        else:
            return arg, i
    return None, i


PY_SUBPROCESS = frozenset({"subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output",
                           "subprocess.Popen", "os.system", "os.popen", "asyncio.create_subprocess_exec",
                           "asyncio.create_subprocess_shell", "check_output", "check_call", "Popen"})
PY_SHELL_CALLS = frozenset({"os.system", "os.popen", "asyncio.create_subprocess_shell"})
JS_SUBPROCESS = frozenset({"exec", "execSync", "spawn", "spawnSync", "execFile", "execFileSync", "execa"})
_USAGE_ALTERNATIVES = lazy(r"\[[^\]]*\|")  # `[--category a|b|c]`: usage text, not a pipeline
# `asset <id|code>`: a placeholder naming alternatives, which parses as `<id` piped into `code` then `>`
_PLACEHOLDER_ALTERNATIVES = lazy(r"<[\w.:-]+(?:\|[\w.:-]+)+$")
_CRON_FIELD = lazy(r"^[\d*/,-]+$")
TOOL_ARGUMENT = lazy(r"^[A-Za-z_]+:(?!//)\S")  # `process action:list`: an agent tool call (not a URL)


def _value_after_bare_pipe(x: _Extractor, node: ts.Node) -> bool:
    """Whether a pipeline's command is a value of a usage line's list (`--lens area|ownership|perspective`): right
    after a `|` with no space on either side, and a program no lexicon knows."""
    start = node.start_byte
    if start < 2 or x.source[start - 1:start] != b"|" or x.source[start - 2:start - 1].isspace():
        return False
    words = _shell_words(x, node)
    return bool(words) and words[0] not in KNOWN_PROGRAMS


_IMPORTS_IN_TRY = lazy(r"^[ \t]*(?:import|from)\s|\bimport\(|\brequire\(", re.MULTILINE)


def _when_import_fails(x: _Extractor, call: ts.Node) -> bool:
    """``except ImportError: subprocess.run("pip install x")`` or ``try { await import("x") } catch {
    execSync("npm install -g x") }``: the call runs only when the module its ``try`` imports is missing."""
    node = call.parent
    while node is not None and node.type not in _JS_FUNCTION_TYPES and node.type != "function_definition":
        if node.type in ("except_clause", "catch_clause") and node.parent is not None:
            body = node.parent.child_by_field_name("body") or next(iter(node.parent.named_children), None)
            if body is not None and body != node and _IMPORTS_IN_TRY.search(x.text(body)):
                return True
        node = node.parent
    return False


def _subprocess_command(x: _Extractor, call: ts.Node, shell: bool) -> None:
    """``subprocess.run(["ffmpeg", ...])`` and ``os.system("ffmpeg ...")`` run programs too."""
    args = call.child_by_field_name("arguments")
    first = next(iter(args.named_children), None) if args is not None else None
    if first is None:
        return
    function = _function_named(x, call)
    words, complete = _literal_words(x, first) if first.type in ("list", "tuple", "binary_operator",
                                                                  "identifier") else ([], False)
    installs = _pip_install_argv(words, complete)
    if installs is not None:  # `[sys.executable, "-m", "pip", "install", "-q"] + REQUIRED_PACKAGES`
        x.facts.commands.append(Command(installs[0], installs, x.span(call), x.text(call)[:500], via="subprocess",
                                        copes_without=_copes_without_program(x, call),
                                        platform_only=_py_platform_only(x, call),
                                        when_missing=_when_import_fails(x, call), in_function=function))
        return
    if first.type == "binary_operator" and (left := first.child_by_field_name("left")) is not None \
            and left.type == "list":
        first = left  # `subprocess.run(["git"] + args)`: git with the arguments the caller gives
    if first.type in ("list", "array", "tuple"):
        element = next(iter(first.named_children), None)
        if element is not None and element.type == "string":
            program = _strip_quotes(x.text(element))
            if program and " " not in program:
                # the literal words (`["npx", "-y", "@playwright/mcp"]`), up to the first one the code works out
                argv = tuple(words) if words and words[0] == program else (program,)
                x.facts.commands.append(Command(program.rsplit("/", 1)[-1], argv, x.span(call),
                                                x.text(call)[:500], via="subprocess",
                                                copes_without=_copes_without_program(x, call),
                                                stops_without=_stops_without_program(x, call),
                                                platform_only=_py_platform_only(x, call), in_function=function))
    elif first.type == "string":
        value = _strip_quotes(x.text(first))
        shell = shell or "shell=True" in x.text(args).replace(" ", "")
        if shell and value:
            nested = extract_facts(value, "shell", x.file, line_offset=first.start_point[0] + x.line_offset)
            copes = _copes_without_program(x, call)  # `try: os.system("rocm-smi ...") / except OSError: pass`
            platform_only = _py_platform_only(x, call)  # `if sys.platform == "win32": os.system("chcp 65001")`
            when_missing = _when_import_fails(x, call)
            if copes or platform_only or when_missing or function:
                x.facts.commands.extend(msgspec.structs.replace(cmd, copes_without=copes or cmd.copes_without,
                                                                platform_only=platform_only or cmd.platform_only,
                                                                when_missing=when_missing or cmd.when_missing,
                                                                in_function=cmd.in_function or function)
                                        for cmd in nested.commands)
            else:
                x.facts.commands.extend(nested.commands)
        elif value and " " not in value:
            x.facts.commands.append(Command(value.rsplit("/", 1)[-1], (value,), x.span(call), x.text(call)[:500],
                                            via="subprocess", copes_without=_copes_without_program(x, call),
                                            platform_only=_py_platform_only(x, call), in_function=function))


# The definitions whose ``name`` field names a function: shell's and Python's, JavaScript's declarations and methods
_FUNCTION_DEFINITIONS = frozenset({"function_definition", "function_declaration", "method_definition"})


def _scope_of(x: _Extractor, node: ts.Node) -> int:
    """Where the innermost function ``node`` is in starts (0 at a module's top level): names are matched within it.
    Walked up with :meth:`_Extractor.walk_up`'s memo, as :func:`_function_named` is."""
    return x.walk_up("scope", node.parent,
                     lambda current: current.start_byte if current.type == "function_definition" else None,
                     past_root=0)


def _function_named(x: _Extractor, node: ts.Node) -> str | None:
    """The name of the innermost function ``node`` runs in (``def cmd_setup(args):``, ``install_deps() {``), None
    at a script's top level or in an anonymous one."""
    def decide(current: ts.Node) -> str | None:
        if current.type not in _FUNCTION_DEFINITIONS:
            return None
        name = current.child_by_field_name("name")
        return x.text(name) if name is not None else ""
    return x.walk_up("function", node.parent, decide, past_root="") or None


def _module_string_lists(x: _Extractor) -> dict[str, tuple[str, ...]]:
    """The names the module binds, at its top level, to a list or tuple of string literals (`REQUIRED_PACKAGES =
    ["google-auth", "httplib2"]`); read once per file."""
    if x._string_lists is None:
        x._string_lists = {}
        root = x.tree_root
        for statement in root.named_children if root is not None else ():
            assignment = statement.named_children[0] if statement.type == "expression_statement" \
                and statement.named_children else None
            if assignment is None or assignment.type != "assignment":
                continue
            left, right = assignment.child_by_field_name("left"), assignment.child_by_field_name("right")
            if left is not None and right is not None and left.type == "identifier" \
                    and right.type in ("list", "tuple") and right.named_children \
                    and all(e.type == "string" for e in right.named_children):
                x._string_lists[x.text(left)] = tuple(_strip_quotes(x.text(e)) for e in right.named_children)
    return x._string_lists


def _literal_words(x: _Extractor, argv: ts.Node) -> tuple[list[str], bool]:
    """The words a Python list of a command's arguments spells out, and whether they are all of them: string
    literals, the interpreter (`sys.executable`, read as python) and a module-level list of strings spliced with `+`
    (`[sys.executable, "-m", "pip", "install"] + REQUIRED_PACKAGES`). The words stop at the first one the code works
    out (a variable, a call, an f-string): what the caller passes is not read."""
    parts = [argv]
    while parts[0].type == "binary_operator" and parts[0].child_by_field_name("operator") is not None \
            and x.text(parts[0].child_by_field_name("operator")) == "+":
        parts[:1] = [parts[0].child_by_field_name("left"), parts[0].child_by_field_name("right")]
        if parts[0] is None or len(parts) > 8:
            return [], False
    words: list[str] = []
    for part in parts:
        if part is not None and part.type == "identifier" \
                and (listed := _module_string_lists(x).get(x.text(part))) is not None:
            words += listed
            continue
        if part is None or part.type not in ("list", "tuple"):
            return words, False
        for element in part.named_children:
            if element.type == "string" and not any(c.type == "interpolation" for c in element.named_children):
                words.append(_strip_quotes(x.text(element)))
            elif x.text(element) == "sys.executable":
                words.append("python")
            else:
                return words, False
    return words, True


def _pip_install_argv(words: list[str], complete: bool) -> tuple[str, ...] | None:
    """The words of a pip install a Python list runs (`[sys.executable, "-m", "pip", "install", "-q"] +
    REQUIRED_PACKAGES`, `["pip", "install", "reportlab"]`); None for any other list, or one whose words after
    `install` are not all known (a package the caller passes)."""
    program = words[0].rsplit("/", 1)[-1] if words else ""
    if complete and (program in ("python", "python3") and words[1:4] == ["-m", "pip", "install"]
                     or program in ("pip", "pip3") and words[1:2] == ["install"]):
        return (program, *words[1:])
    return None


def _body(statement: ts.Node) -> tuple[int, int]:
    """The child indices ``[first, end)`` of an ``if``'s (or ``elif``'s) ``then`` branch or a ``while``'s ``do``
    group; the children before ``first`` are its condition (all of them in a statement cut short)."""
    kinds = [c.type for c in statement.children]
    if "do_group" in kinds:
        first = kinds.index("do_group")
        return first, first + 1
    first = kinds.index("then") + 1 if "then" in kinds else len(kinds)
    end = next((i for i in range(first, len(kinds)) if kinds[i] in ("else_clause", "elif_clause", "fi")), len(kinds))
    return first, end


def _child_index(parent: ts.Node, child: ts.Node) -> int:
    return next((i for i, c in enumerate(parent.children) if c == child), len(parent.children))


# `[ -f Cargo.toml ]`, `[[ -d .git ]]`, `test -e go.mod`: a test that a file of a fixed name exists (not negated).
# A path in a variable (`[ -f "$CONFIG_FILE" ]`) is usually the skill's own file, there whenever the skill is set up.
_FILE_TEST = lazy(r"^(\[\[?|test)\s+-[fdes]\s+[\"']?[\w./-]+[\"']?(\s*\]\]?)?\s*$")


# A test of which operating system the code runs on: `$(uname)`, `$OSTYPE`, `sw_vers`, /etc/os-release, WSL.
_PLATFORM_TEST = lazy(r"\buname\b|\bOSTYPE\b|\bsw_vers\b|/etc/os-release|\bWSL_DISTRO_NAME\b|/proc/version\b")
# Python's: `sys.platform`, `platform.system()`, `os.name`
_PY_PLATFORM_TEST = lazy(r"\bsys\.platform\b|\bplatform\.(system|platform|mac_ver)\(|\bos\.name\b")


def _py_platform_only(x: _Extractor, node: ts.Node) -> bool:
    """Whether a Python call sits in a branch of an ``if`` that tests the operating system."""
    parent = node.parent
    while parent is not None and parent.type not in ("function_definition", "class_definition", "module"):
        if parent.type in ("if_statement", "elif_clause"):
            condition = parent.child_by_field_name("condition")
            if condition is not None and _PY_PLATFORM_TEST.search(x.text(condition)):
                return True
        parent = parent.parent
    return False


# A probe whether a program or module is there: `command -v rue`, `which jq`, `hash uv`, `python3 -c "import yaml"`,
# `pip show x`, `npm ls x`. Negated (`! command -v rue`) it asks whether it is missing.
_PRESENCE_PROBE = lazy(r"""^(command\s+-v|type\s+-[pP]|which|hash)\s+(?P<program>[\w.+-]+)"""
                       r"""|^python[\d.]*\s+-c\s+["']import\s"""
                       r"|^(pip\d?|python[\d.]*\s+-m\s+pip)\s+show\s|^npm\s+(ls|list)\s")


class _Ranges:
    """Byte ranges, asked which one holds a node in logarithmic time: a script with thousands of guarded lines
    asks once per command. Ranges may nest or overlap (a platform test that exits guards the rest of the code)."""

    def __init__(self, ranges: list[tuple[int, int, str | None]]) -> None:
        ranges = sorted(ranges, key=lambda r: r[0])
        self._starts = [start for start, _, _ in ranges]
        # For each prefix of the ranges in order of start, the one reaching furthest: if it does not hold a node
        # that starts after them, none of them does.
        self._furthest: list[tuple[int, str | None]] = []
        for _, end, label in ranges:
            if not self._furthest or end > self._furthest[-1][0]:
                self._furthest.append((end, label))
            else:
                self._furthest.append(self._furthest[-1])

    def holding(self, node: ts.Node) -> tuple[int, str | None] | None:
        """The end and label of the range reaching furthest among those that hold ``node``; None if none does."""
        i = bisect.bisect_right(self._starts, node.start_byte) - 1
        if i < 0 or self._furthest[i][0] < node.end_byte:
            return None
        return self._furthest[i]


class _Guards(NamedTuple):
    """Byte ranges of shell code that runs only under a condition (see :func:`_guarded_ranges`)."""

    files: _Ranges
    platforms: _Ranges
    missing: _Ranges  # labelled with the program the probe looks for, where it is one


def _guarded_ranges(x: _Extractor, captures: dict[str, list[ts.Node]]) -> _Guards:
    """The byte ranges of shell code that runs only when a file exists, of code that runs on one operating system
    only, and of code that runs only when a program or module is missing, found in one pass over the conditions
    (walking up from each command instead read every enclosing ``if`` again for each command in it).

    File: the body of an ``if`` (or ``elif``) whose condition is a file test, and what follows ``&&`` after one.
    Platform: the branches of an ``if`` or ``case`` that tests the system, and the rest of the script after such a
    test that exits elsewhere (``[[ "$(uname)" != "Darwin" ]] && exit 1``, or such an ``if`` whose body exits).
    Missing: the body of an ``if`` whose condition is a negated presence probe (``if ! command -v rue; then cargo
    install rue-cli; fi``), and what follows ``||`` after a probe (``command -v jq || apt-get install jq``)."""
    files: list[tuple[int, int, str | None]] = []
    platforms: list[tuple[int, int, str | None]] = []
    missing: list[tuple[int, int, str | None]] = []
    for statement in captures.get("conditional", []):
        children = statement.children
        first, end = _body(statement)
        if first >= end:
            continue
        conditions = [x.text(c) for c in children[:first]]
        if any(_FILE_TEST.match(text) for text in conditions):
            files.append((children[first].start_byte, children[end - 1].end_byte, None))
        for text in conditions:
            if text.startswith("!") and (probe := _PRESENCE_PROBE.match(text[1:].lstrip())):
                missing.append((children[first].start_byte, children[end - 1].end_byte, probe.group("program")))
                break
        if any(_PLATFORM_TEST.search(text) for text in conditions):
            if any(c.type == "command" and x.text(c).startswith("exit") for c in children[first:end]):
                platforms.append((statement.end_byte, _end_of_code(statement), None))
            else:
                platforms.append((statement.start_byte, statement.end_byte, None))
    for statement in captures.get("case", []):
        value = statement.child_by_field_name("value")
        if value is not None and _PLATFORM_TEST.search(x.text(value)):
            platforms.append((statement.start_byte, statement.end_byte, None))
    for chain in captures.get("and_list", []):
        children = chain.children
        if len(children) != 3 or children[1].type not in ("&&", "||"):
            continue
        test = x.text(children[0])
        if children[1].type == "&&" and _FILE_TEST.match(test):
            files.append((children[2].start_byte, children[2].end_byte, None))
        if children[1].type == "||" and (probe := _PRESENCE_PROBE.match(test)):
            missing.append((children[2].start_byte, children[2].end_byte, probe.group("program")))
        if _PLATFORM_TEST.search(test):
            if x.text(children[2]).startswith("exit"):
                platforms.append((chain.end_byte, _end_of_code(chain), None))
            else:
                platforms.append((children[2].start_byte, children[2].end_byte, None))
    return _Guards(_Ranges(files), _Ranges(platforms), _Ranges(missing))


def _end_of_code(node: ts.Node) -> int:
    """The last byte of the piece of code ``node`` is in."""
    while node.parent is not None:
        node = node.parent
    return node.end_byte


# What a command sits in on its way up to the `a || b` list it belongs to.
_GROUPING = frozenset({"pipeline", "compound_statement", "subshell", "redirected_statement", "negated_command"})


def _or_list(node: ts.Node) -> tuple[ts.Node, int] | None:
    """The ``a || b`` list a command belongs to (through pipelines, groups and redirections) and the index there of
    what holds the command; None outside any list."""
    child, parent = node, node.parent
    while parent is not None and parent.type in _GROUPING:
        child, parent = parent, parent.parent
    if parent is None or parent.type != "list":
        return None
    return parent, _child_index(parent, child)


def _fallback(x: _Extractor, in_list: tuple[ts.Node, int]) -> bool:
    """Whether the command runs only when what comes before it fails: after ``||`` (``npm run -s typecheck || npx
    tsc --noEmit``, ``cmd || { echo failed; exit 1; }``), or in a group after one (``python3 -m http.server || {
    echo "Trying Node.js..."; npx serve -l 8000 || exit 1; }``). ``in_list``: :func:`_or_list`'s answer."""
    parent, index = in_list
    return index > 0 and parent.children[index - 1].type == "||" \
        or x.walk_up("fallback group", parent, _after_or_in_parent)


def _after_or_in_parent(node: ts.Node) -> bool | None:
    parent = node.parent
    if parent is None or parent.type not in (*_GROUPING, "list"):
        return False
    if parent.type == "list":
        index = _child_index(parent, node)
        if index > 0 and parent.children[index - 1].type == "||":
            return True
    return None


# The base programs the right of `||` may run without being another way to the same end: report, stop, carry on
_NOT_ANOTHER_WAY = frozenset({"echo", "printf", "exit", "return", "true", "false", "set", "break", "continue"})


def _failure_tolerated(x: _Extractor, in_list: tuple[ts.Node, int]) -> bool:
    """Whether the command's failure, its absence included, only yields an empty or default value: left of ``||``
    whose other side is a bare ``echo`` or ``echo ""`` (``KEY=$(op read ... 2>/dev/null || echo "")``), or, inside a
    command substitution, ``true`` (the value is then empty too: ``TOKEN=$(jq -r .key conf.json 2>/dev/null ||
    true)``) or an ``echo`` of a variable, the default the value takes (``DEPTH=$(jq -r .depth "$CONF" 2>/dev/null ||
    echo "$DEFAULT_DEPTH")``), or of a word for no value (``|| echo "unknown"``, :data:`_ABSENT_VALUE`), or of a value
    computed another way (``|| echo "id-$(date +%s)"``). Not a message (``|| echo "failed"``), nor a literal that
    stands for a failed result (``RATE=$(echo "$a / $b" | bc || echo "0")``: the script's figures are wrong without
    bc), nor ``|| true`` elsewhere, which mostly silences an exit status (``npm outdated`` exits 1 when it finds
    something).
    ``in_list``: :func:`_or_list`'s answer."""
    parent, index = in_list
    children = parent.children
    if index == 0 and len(children) == 3 and children[1].type == "||" and _another_way(x, children[0], children[2]):
        return True
    if index != 0 or len(children) != 3 or children[1].type != "||" or children[2].type != "command":
        return False
    words = _shell_words(x, children[2])
    if not words:
        return False
    if not any(words[1:]):
        return words[0] == "echo" or words[0] in ("true", ":") and _captured(x, parent)
    if words[0] != "echo" or len(words) != 2:
        return False
    value = words[1]
    # a word for no value, a value computed another way (`$(uuidgen || echo "id-$(date +%s)")`), or a variable's
    return (_ABSENT_VALUE.fullmatch(value) is not None or "$(" in value or "`" in value
            or value.startswith("$") and not any(c.isspace() for c in value)) and _captured(x, parent)


# A value that says the command gave none (`$(node -p "..." 2>/dev/null || echo "unknown")`, `|| echo "N/A"`, `||
# echo "not published"`): the script reports the absence and goes on, as with an empty value
_ABSENT_VALUE = lazy(r"(?i)unknown|none|n/?a|\?|-|unavailable|missing|(not|no) [a-z]+( [a-z]+)?")


def _another_way(x: _Extractor, first: ts.Node, then: ts.Node) -> bool:
    """Whether the right of ``first || then`` falls back on a program every machine has (``gh repo clone "$R" "$D"
    || git clone "https://github.com/$R" "$D"``, ``uuidgen || cat /proc/sys/kernel/random/uuid``, ``rsync ... ||
    cp -r ...``): the script copes without the first one's program. Not a message or an exit, the same program
    again, nor a program that must be installed as well (``docker compose up || docker-compose up``: the first way
    stays the one the skill asks for)."""
    first_command, then_command = _command_in(first), _command_in(then)
    if first_command is None or then_command is None:
        return False
    first_words, then_words = _shell_words(x, first_command), _shell_words(x, then_command)
    return bool(first_words and then_words) and then_words[0] not in _NOT_ANOTHER_WAY \
        and (then_words[0] in BASE_PROGRAMS or then_words[0] in ASSUMED_PROGRAMS) and then_words[0] != first_words[0]


def _command_in(node: ts.Node) -> ts.Node | None:
    """The command a list's side is, through a redirection (``gh repo clone x 2>/dev/null``); None for a group."""
    node = _unredirected(node)
    return node if node.type == "command" else None


def _unredirected(node: ts.Node) -> ts.Node:
    """The statement a redirection applies to (``command -v jq >/dev/null``: the command), else ``node``."""
    return node.child_by_field_name("body") or node if node.type == "redirected_statement" else node


def _captured(x: _Extractor, node: ts.Node) -> bool:
    """Whether ``node`` runs inside ``$(...)`` or backticks: its output is a value."""
    return x.walk_up("captured", node.parent, _substitution_above_groups)


def _substitution_above_groups(node: ts.Node) -> bool | None:
    return None if node.type in (*_GROUPING, "list") else node.type == "command_substitution"


# The interpreters whose inline code is parsed (the options that hand it over are INLINE_CODE_OPTIONS')
_INTERPRETER = lazy(r"^(?:(python)(?:[23](?:\.\d+)?)?|(node)(?:js)?|(?:ba|z|da|k)?sh)$")
_SHELL_ESCAPE = lazy(r'\\([\\"$`])')


def _embedded_code(x: _Extractor, node: ts.Node, program: str, after: list[str]) -> None:
    """Code an interpreter runs inline: ``python3 -c "..."``, ``node -e '...'``, ``python3 - <<'EOF'``,
    ``cat <<EOF | python3``, ``bash <<'EOF'`` and ``sudo sh -c '...'``. Parsed in its own language and kept with
    this file's spans (a double-quoted body is read with the shell's escapes undone: ``\\"`` is ``"``). ``after``:
    the words after the interpreter's name. Shell code whose body holds a substitution is left alone: the outer
    parse already ran what the substitution runs, and reading it twice would count it twice."""
    m = _INTERPRETER.match(program)
    if m is None:
        return
    language = "python" if m.group(1) else "javascript" if m.group(2) else "shell"
    options = INLINE_CODE_OPTIONS[language]
    code: ts.Node | None = None
    children = node.children
    for i, child in enumerate(children[:-1]):
        if child.type == "word" and x.text(child) in options:
            code = children[i + 1]
            break
    if code is None:
        before_stdin = after[:after.index("-")] if "-" in after else after  # `node - ARG <<EOF`: ARG is the code's
        if any(not word.startswith("-") for word in before_stdin):
            return  # `python3 script.py <<EOF`: the here-document is the script's input, not code
        holder = node.parent
        if holder is not None and holder.type == "pipeline" and holder.parent is not None \
                and holder.parent.type == "heredoc_redirect":
            holder = holder.parent.parent  # `cat <<EOF | python3`: the here-document feeds the pipeline
        if holder is None or holder.type != "redirected_statement":
            return
        redirect = next((c for c in holder.children if c.type == "heredoc_redirect"), None)
        code = next((c for c in redirect.children if c.type == "heredoc_body"), None) if redirect else None
        if code is None:
            return
        text, (row, column) = x.text(code), code.start_point
    elif code.type in ("raw_string", "string") and code.end_byte - code.start_byte >= 2:
        text, (row, column) = x.text(code)[1:-1], code.start_point
        column += 1
        if code.type == "string":
            text = _SHELL_ESCAPE.sub(r"\1", text)
    else:
        return
    if language == "shell" and (x.depth >= MAX_INLINE_DEPTH or _holds_substitution(code)):
        return
    inner = extract_facts(text, language, x.file, line_offset=row + x.line_offset,
                          column_offset=column + (x.column_offset if row == 0 else 0), depth=x.depth + 1)
    if _probe_or_probed(x, node):  # `if python3 -c "import PIL"; then`: the script does without the module
        inner.imports[:] = [msgspec.structs.replace(imp, optional=True) for imp in inner.imports]
    x.embedded.append((code.start_byte, inner))


# Shell code a shell runs inline is read this many levels deep (`bash -c 'sh -c "..."'`): a hostile file nesting
# here-documents hundreds deep would otherwise parse its text once per level, each level a recursion deeper.
MAX_INLINE_DEPTH = 3


def _holds_substitution(node: ts.Node) -> bool:
    """Whether a substitution (`$(...)`, `<(...)`) is anywhere under ``node`` (a walk, not a recursion: a string may
    nest expansions thousands deep)."""
    stack = list(node.children)
    while stack:
        child = stack.pop()
        if child.type in ("command_substitution", "process_substitution"):
            return True
        stack.extend(child.children)
    return False


_CONDITIONS = frozenset({"if_statement", "elif_clause", "while_statement"})
_INLINE_IMPORT = lazy(r"""\bpython[\d.]*\s+-c\s+["']\s*(?:import|from)\s""")


def _probe_or_probed(x: _Extractor, node: ts.Node) -> bool:
    """Whether a command is a test (in the condition of an ``if`` or ``while``, or left of ``&&``/``||``), or runs
    only when an inline import test passed (``if python3 -c "import fontTools"; then python3 -c "..."``)."""
    child, parent = node, node.parent
    while parent is not None and parent.type not in ("program", "function_definition"):
        if parent.type in _CONDITIONS:
            first, end = _body(parent)
            index = _child_index(parent, child)
            if index < first:
                return True
            if index < end and any(_INLINE_IMPORT.search(x.text(c)) for c in parent.children[:first]):
                return True  # not in an else branch: that one runs when the test failed
        elif parent.type == "list" and parent.children and parent.children[0] == child:
            return True
        child, parent = parent, parent.parent
    return False


def _shell_read_when_set(x: _Extractor, node: ts.Node, name: str) -> bool:
    """Whether a shell read is of a switch (``[[ "$NOTIFY" != "true" ]]``: compared with a literal, unset is the
    default), a test whether it is set (``[ -n "$X" ]``; not ``-z``, which usually leads to an error), or happens
    only when such a test found it set (``if [[ -n "${X:-}" ]]; then ... $X``, ``[ -n "$X" ] && use "$X"``) or an
    expansion does (``${X:+Related: ${X}}``)."""
    outer = node.parent.parent if node.parent is not None else None
    while outer is not None and outer.type not in ("command", "program"):
        if outer.type == "expansion" and x.text(outer).startswith((f"${{{name}:+", f"${{{name}+")):
            return True
        outer = outer.parent
    def mentioned(text: str) -> bool:
        return name in text and bool(_shell_mention(name).search(text))

    child, parent = node, node.parent
    while parent is not None and parent.type not in ("program", "function_definition"):
        if parent.type == "unary_expression" and parent.parent is not None and parent.parent.type == "test_command":
            operators = {x.text(c) for c in parent.children if c.type == "test_operator"}
            if "-n" in operators:
                return True  # `[ -n "$X" ]`: a test whether it is set
            if "-z" in operators and _unset_is_a_mode(x, parent.parent):
                return True  # `if [ -z "$QUIET" ]; then log ...; fi`: unset only changes what the script does
        if parent.type == "binary_expression" and parent.parent is not None \
                and parent.parent.type == "test_command":
            operator = next((c.type for c in parent.children if c.type in ("=", "==", "!=")), None)
            others = [c for c in parent.named_children if c != child]
            if operator is not None and others and all("$" not in x.text(c) for c in others):
                return True
        if parent.type in ("if_statement", "elif_clause"):
            first, end = _body(parent)
            index = _child_index(parent, child)
            if first <= index < end and any(mentioned(x.text(c)) for c in parent.children[:first]):
                return True
        elif parent.type == "list" and len(parent.children) == 3 and parent.children[1].type == "&&" \
                and parent.children[2] == child and mentioned(x.text(parent.children[0])):
            return True
        child, parent = parent, parent.parent
    return False


# What a branch does when a setting is missing and the script cannot go on: stops, or reports an error
_SHELL_FAILURE = lazy(r"\b(exit|return\s+[1-9]|die|fail|abort)\b|>&2|\b(error|required|missing|must|not set|please)\b",
                      re.IGNORECASE)


def _unset_is_a_mode(x: _Extractor, test: ts.Node) -> bool:
    """Whether a `-z` test (``test``) is the whole condition of an ``if`` whose branches neither stop the script nor
    report an error (``if [ -z "$DOKPLOY_SILENT" ]; then log_info ...; fi``), or only note how it goes on without
    (``echo "KEY not set. Using public registration."``): a switch whose unset value is a mode, not a missing
    setting (``[ -z "$TOKEN" ] && { echo "TOKEN required" >&2; exit 1; }`` is one)."""
    statement = test.parent
    if statement is None or statement.type != "if_statement":
        return False
    first, _end = _body(statement)
    condition = [c for c in statement.children[:first] if c.type not in ("if", "then", ";", "\n")]
    if condition != [test]:
        return False
    # a note that the script goes on another way ("KEY not set. Using public registration.") is no error
    branches = _branches_text(x, statement)
    return not _SHELL_FAILURE.search(branches) or not _SHELL_STOP.search(branches) \
        and _SHELL_GOES_ON.search(branches) is not None


_SHELL_STOP = lazy(r"\b(exit|return\s+[1-9]|die|abort)\b")
_SHELL_GOES_ON = lazy(r"\b(using|falls? back|falling back|defaults? to|defaulting to|skipping|continuing)\b",
                      re.IGNORECASE)


def _negated_if(node: ts.Node) -> ts.Node | None:
    """The ``if`` statement whose whole condition is the command negated (``if ! cmd >/dev/null; then``), or None."""
    child, parent = node, node.parent
    negated = False
    while parent is not None and parent.type in ("redirected_statement", "negated_command"):
        negated = negated or parent.type == "negated_command"
        child, parent = parent, parent.parent
    if not negated or parent is None or parent.type != "if_statement":
        return None
    first, _end = _body(parent)
    condition = [c for c in parent.children[:first] if c.type not in ("if", "then", ";", "\n")]
    return parent if condition == [child] else None


def _branches_fail(x: _Extractor, statement: ts.Node) -> bool:
    """Whether an ``if``'s branches (then, elif, else) stop the script or report an error."""
    return bool(_SHELL_FAILURE.search(_branches_text(x, statement)))


def _branches_text(x: _Extractor, statement: ts.Node) -> str:
    """The text of an ``if``'s branches (then, elif, else)."""
    first, _end = _body(statement)
    return " ".join(x.text(c) for c in statement.children[first:])


def _failure_handled(x: _Extractor, node: ts.Node, in_list: tuple[ts.Node, int] | None) -> tuple[bool, bool]:
    """``(tolerated, stops)``: whether the script goes on when the command fails (a ``|| echo ""`` default, or the
    negated condition of an ``if`` whose branches neither stop nor report an error: ``if ! npx --yes puppeteer
    browsers install ...; then warn "rendering still works"; fi``), and whether it stops or reports an error
    instead (``if ! node --version; then echo "install node" >&2; exit 1; fi``, ``ffmpeg -version || exit 1``): a
    requirement it checks."""
    statement = _negated_if(node)
    if statement is not None:
        fails = _branches_fail(x, statement)
        return not fails, fails
    if in_list is None:
        return False, False
    if _failure_tolerated(x, in_list):
        return True, False
    parent, index = in_list
    children = parent.children
    return False, index == 0 and len(children) == 3 and children[1].type == "||" \
        and bool(_SHELL_FAILURE.search(x.text(children[2])))


def _written_as_call(x: _Extractor, node: ts.Node) -> bool:
    """Whether the command is a call of another language in a shell block (`print("hello")`, `df.head()`, `await
    v.models.list()`): a parenthesis right after a word, outside quotes, which no shell writes (`$(date)`, `arr=(a
    b)` and `<(cmd)` have no word before theirs). The words inside it (`hello`) are a parenthetical's: see
    :func:`_in_parenthetical`."""
    if any(child.type == "subshell" and _call_parentheses(child) for child in node.children):
        return True
    after = node.next_sibling
    return after is not None and after.type == "ERROR" and after.start_byte == node.end_byte \
        and x.source[node.end_byte:node.end_byte + 1] == b"("


# What holds a shell script's statements. An ERROR met on the way up from a command before any of them is code the
# parser could not read and recovered from (the JavaScript of a heredoc whose end it found too early, at a line
# starting with its delimiter, `NODE_PATH: ""` for `<<'NODE'`: tree-sitter-bash#159).
_STATEMENT_HOLDERS = frozenset({"program", "compound_statement", "do_group", "if_statement", "elif_clause",
                                "else_clause", "case_item", "function_definition"})


def _unread(x: _Extractor, node: ts.Node) -> bool:
    """Whether the command is words of code the parser could not read (see ``_STATEMENT_HOLDERS``), or starts
    where such code ends, with no space between: the rest of a word it broke (`\\( ... \\) -not -path` leaves
    `not`)."""
    return x.walk_up("unread", node, _broken_here)


def _broken_here(node: ts.Node) -> bool | None:
    if node.type in _STATEMENT_HOLDERS:
        return False
    before = node.prev_sibling
    if node.type == "ERROR" or (before is not None and before.type == "ERROR" and before.end_byte == node.start_byte):
        return True
    return None


def _a_substitution(node: ts.Node) -> bool | None:
    return True if node.type in ("command_substitution", "process_substitution") else None


def _in_parenthetical(node: ts.Node) -> bool:
    """Whether the command is the words of a parenthesis in a line of prose, data or another language's call (`echo
    hi (see docs)`, `username=Admin (vs admin)`, `hello` of `print("hello")`): a subshell the parser could only
    place as a command's argument, or after a separator it had to invent (a MISSING `;`). A real subshell starts a
    statement (`(cd x; make)`, `a && (b)`)."""
    parent = node.parent
    if parent is None or parent.type != "subshell":
        return False
    before = parent.prev_sibling
    return (parent.parent is not None and parent.parent.type == "command") or (before is not None and before.is_missing)


def _bats_source(source: bytes) -> bool:
    """A Bats test file (see [bats] in vocabulary.toml): `#!/usr/bin/env bats`, or a `@test "..." {` line."""
    return source.startswith(b"#!") and b"bats" in source.split(b"\n", 1)[0] or source.startswith(b"@test ") \
        or b"\n@test " in source


BATS_RUN_OPTION = lazy(r"-\d+|!|--separate-stderr|--keep-empty-lines|--")


def _in_arithmetic(x: _Extractor, node: ts.Node) -> bool:
    """Whether the command is the words of an arithmetic expansion the parser read as a command substitution of a
    subshell, as it does in a here-document (`$(( (tokens * 100) / 1000000 ))`): no command runs there."""
    parent = node.parent
    while parent is not None and parent.type == "subshell":
        parent = parent.parent
    return parent is not None and parent is not node.parent and _misread_arithmetic(x, parent)


def _misread_arithmetic(x: _Extractor, node: ts.Node) -> bool:
    """Whether ``node`` is a command substitution written `$((`: bash reads it as arithmetic."""
    return node.type == "command_substitution" and x.source[node.start_byte:node.start_byte + 3] == b"$(("


def _call_parentheses(subshell: ts.Node) -> bool:
    """Whether a ``( ... )`` group follows a word of its command with no space between: a call's arguments."""
    before = subshell.prev_sibling
    return before is not None and before.end_byte == subshell.start_byte and before.type != "$" \
        and subshell.parent is not None and subshell.parent.type == "command"


# What a shell library's top level may hold besides its functions: settings, and the libraries it sources itself
_LIBRARY_TOP_LEVEL = frozenset({"function_definition", "variable_assignment", "declaration_command", "comment"})
_LIBRARY_COMMANDS = frozenset({"source", ".", "set", "shopt", "export", "readonly", "declare", "typeset"})


def _shell_library(root: ts.Node, source: bytes) -> bool:
    """Whether the shell code's top level only defines functions and sets variables (see ``CodeFacts.library``)."""
    functions = False
    for node in root.named_children:
        after = node.next_sibling
        if node.type == "ERROR" or after is not None and after.type == "ERROR" and after.start_byte == node.end_byte:
            continue  # what the parser could not read (`is_excluded() { ...` it failed on) shows nothing either way
        if node.type == "function_definition":
            functions = True
        elif not _sets_up(node, source):
            return False
    return functions


def _sets_up(node: ts.Node, source: bytes) -> bool:
    """Whether a top-level statement of a shell library only sets variables or options, sources a library, or
    picks a setting by a test (`if [[ -f "$DIR/x.json" ]]; then CONFIG_FILE=...; else ...; fi`)."""
    pending = [node]  # a list, not recursion: hostile input nests `if`s thousands deep
    while pending:
        node = pending.pop()
        if node.type == "command":
            if _command_name(node, source) not in _LIBRARY_COMMANDS:
                return False
        elif node.type in ("if_statement", "elif_clause", "else_clause"):
            tests = {c.id for j, c in enumerate(node.children) if node.field_name_for_child(j) == "condition"} \
                if node.type == "if_statement" else {node.named_children[0].id} if node.type == "elif_clause" else set()
            for child in node.named_children:
                if child.id not in tests:
                    pending.append(child)
                elif not _only_tests(child, source):
                    return False
        elif node.type not in _LIBRARY_TOP_LEVEL or node.type == "function_definition":
            return False
    return True


def _only_tests(node: ts.Node, source: bytes) -> bool:
    """Whether an `if`'s condition only tests (`[[ -f x ]]`, `command -v jq >/dev/null`), running nothing."""
    node = _unredirected(node)
    return node.type == "test_command" or node.type == "command" and _command_name(node, source) in _SETTING_TESTS


_SETTING_TESTS = frozenset({"test", "[", "command", "type", "hash"})  # a condition that runs nothing of its own


def _command_name(node: ts.Node, source: bytes) -> str | None:
    name = node.child_by_field_name("name")
    return None if name is None else source[name.start_byte:name.end_byte].decode("utf-8", "replace")


# A JS/TS module's top level: what it may hold without running anything when loaded
_MODULE_TOP_LEVEL = frozenset({"import_statement", "export_statement", "function_declaration", "class_declaration",
                               "abstract_class_declaration", "generator_function_declaration", "interface_declaration",
                               "type_alias_declaration", "enum_declaration", "lexical_declaration",
                               "variable_declaration", "ambient_declaration", "comment", "hash_bang_line",
                               "empty_statement"})
_COMMONJS_EXPORT = lazy(r"^\s*(?:module\.exports|exports\.[\w$]+)\s*=|^\s*[\"']use strict[\"']")


def _js_module(root: ts.Node, source: bytes) -> bool:
    """Whether JS/TS code's top level only imports, declares and exports (see ``CodeFacts.library``): a module that
    exports something and runs nothing of its own when loaded."""
    exports = False
    for node in root.named_children:
        if node.type == "expression_statement":
            statement = source[node.start_byte:node.end_byte].decode("utf-8", "replace")
            if not _COMMONJS_EXPORT.match(statement):
                return False
            exports = exports or not statement.lstrip().startswith(("'", '"'))
        elif node.type not in _MODULE_TOP_LEVEL:
            return False
        exports = exports or node.type == "export_statement"
    return exports


def _extract_shell(x: _Extractor, captures: dict[str, list[ts.Node]]) -> None:
    f = x.facts
    guards = _guarded_ranges(x, captures)
    alternation = b"||" in x.source  # the walks up to an `a || b` list are for code that has one
    bats = _bats_source(x.source)
    for node in captures.get("command", []):
        words = _shell_words(x, node)
        if bats and words and words[0] == "run":  # `run -127 node app.js`: Bats runs the command after its options
            words = list(dropwhile(BATS_RUN_OPTION.fullmatch, words[1:]))
        if not words or not words[0] or _written_as_call(x, node) or _in_parenthetical(node) \
                or _in_arithmetic(x, node) or bats and (words[0] in BATS_FUNCTIONS or words[0] == "}"):
            continue
        span = x.span(node)
        text = x.text(node)[:500]
        in_subst = x.walk_up("substitution", node.parent, _a_substitution)
        position = None
        pipeline = None
        if node.parent is not None and node.parent.type == "pipeline":
            siblings = [c for c in node.parent.named_children if c.type != "comment"]
            position = next((i for i, c in enumerate(siblings) if c == node), None)
            start = x.span(node.parent)
            pipeline = (start.line, start.column)
            top = node.parent  # `a [--x b|c|d]` parses as nested pipelines: judge the outermost one
            while top.parent is not None and top.parent.type == "pipeline":
                top = top.parent
            closed = x.source[top.end_byte:top.end_byte + 1] == b">"
            if node.start_byte > top.start_byte and (_USAGE_ALTERNATIVES.search(x.text(top)) or (
                    closed and _PLACEHOLDER_ALTERNATIVES.search(x.text(top))) or _value_after_bare_pipe(x, node)):
                continue  # usage text: `[--status draft|published]` lists values, it pipes nothing
        if len(words) > 1 and all(TOOL_ARGUMENT.match(w) for w in words[1:]):
            for w in words[1:]:  # `bash command:"node x.js"`: the command inside is real
                if w.startswith("command:"):
                    nested = extract_facts(_unquote(w[len("command:"):]), "shell", x.file,
                                           line_offset=node.start_point[0] + x.line_offset)
                    f.commands.extend(nested.commands)
            continue
        if len(words) >= 6 and all(_CRON_FIELD.match(w) for w in words[:5]):
            words = words[5:]  # a crontab line: five schedule fields, then the command
        if words[0].isdigit():
            continue
        # /usr/bin/jq is jq; a relative path (./run.sh, scripts/x.sh) is the skill's own script, kept as written.
        program = words[0].rsplit("/", 1)[-1] if words[0].startswith(("/usr/", "/bin/", "/opt/")) else words[0]
        if program not in KNOWN_PROGRAMS and "/" not in program and _unread(x, node):
            continue  # `const key of [...]`: another language's words the parser recovered into a command
        if_file = guards.files.holding(node) is not None
        in_list = _or_list(node) if alternation else None  # one walk up serves both questions
        fallback = in_list is not None and _fallback(x, in_list)
        tolerated, stops = _failure_handled(x, node, in_list)
        platform_only = guards.platforms.holding(node) is not None
        probe = guards.missing.holding(node)
        when_missing, missing_program = probe is not None, probe[1] if probe is not None else None
        function = _function_named(x, node)
        f.commands.append(Command(program, tuple(words), span, text, None, in_subst, position, pipeline, if_file,
                                  copes_without=tolerated, fallback=fallback, platform_only=platform_only,
                                  when_missing=when_missing, missing_program=missing_program, stops_without=stops,
                                  in_function=function))
        _embedded_code(x, node, program, words[1:])
        # Follow chains of wrappers: `sudo -E xargs -n1 jq` records sudo, xargs and jq.
        wrapper, rest = words[0], words[1:]
        while wrapper in WRAPPERS:
            wrapped, idx = _wrapped_program(wrapper, rest)
            if wrapper == "pipx" or not wrapped:
                break
            f.commands.append(Command(wrapped, tuple(rest[idx:]), span, text, wrapper, in_subst, position, pipeline,
                                      if_file, copes_without=tolerated, fallback=fallback,
                                      platform_only=platform_only, when_missing=when_missing,
                                      missing_program=missing_program, in_function=function))
            wrapper, rest = wrapped, rest[idx + 1 :]
        if wrapper != words[0]:
            _embedded_code(x, node, wrapper, rest)  # `sudo bash -c '...'`, `xargs -I{} sh -c '...'`
        if words[0] == "pipx" and len(words) > 2 and words[1] == "run":
            f.commands.append(Command(words[2], tuple(words[2:]), span, text, "pipx", in_subst, position,
                                      platform_only=platform_only, in_function=function))
        for word in words[1:]:
            if word.startswith(("$(", "`")):
                continue  # the substituted command is a command of its own, seen separately
            for m in URL_PATTERN.finditer(word) if "://" in word else ():
                f.urls.append(Url(m.group(0).rstrip(".,;:$"), span))
    for node in captures.get("var", []):
        optional = False
        if node.parent is not None and node.parent.type == "expansion":
            optional = re.match(r"^\$\{\w+:?[-=+]", x.text(node.parent)) is not None
        name = x.text(node)
        f.env_reads.append(EnvRead(name, x.span(node), optional=optional or _shell_read_when_set(x, node, name)))
    for node in captures.get("assign", []):
        f.assignments.append(Binding(x.text(node), x.span(node)))
    for node in captures.get("function", []):
        f.functions.append(Binding(x.text(node), x.span(node)))
    for node in captures.get("loop", []):
        variable, body = node.child_by_field_name("variable"), node.child_by_field_name("body")
        if variable is not None and body is not None:
            f.loops.append(Loop(x.text(variable), x.span(node), x.span(body)))
    for node in captures.get("declared", []):
        declaration = node.parent.parent if node.parent is not None else None
        if declaration is not None and x.text(declaration).startswith("export"):
            f.exports.append(Binding(x.text(node), x.span(node)))
    setters = _indirect_setters(x, captures.get("function", []))
    for command in f.commands:  # `read NAME` assigns too, and so does a helper that assigns its argument's name
        if command.program == "read" and command.via is None:
            f.assignments.extend(Binding(w, command.span) for w in command.argv[1:] if w.isidentifier())
        for position in setters.get(command.program, ()) if command.via is None else ():
            if position < len(command.argv) and command.argv[position].isidentifier():
                f.assignments.append(Binding(command.argv[position], command.span))
    for node in captures.get("string", []):
        value = x.text(node)
        x.facts.strings.append(StringLiteral(_unquote(value), x.span(node)))
    for node in captures.get("comment", []):
        f.comments.append(Comment(x.text(node), x.span(node)))


# A shell helper that sets the variable named by one of its arguments: `eval "$var_name=..."`, `printf -v
# "$var_name"`, `read -r "$var_name"`, `declare -g "$var_name"=`, where the name is `$2` or a local copied from it.
_INDIRECT_SET = lazy(r"""(?:\beval\s+\\?["']?|\bprintf\s+-v\s+["']?|\bread\s+(?:-\w+\s+(?:"[^"]*"\s+)?)*["']?"""
                     r"""|\bdeclare\s+-g\w*\s+["']?)\$\{?(\w+)\}?["']?(?:=|\s|$)""")
_POSITIONAL_COPY = lazy(r"""(?:^|[\s;])(?:local\s+|declare\s+)?(\w+)=["']?\$\{?([1-9])\}?["']?(?:\s|;|$)""",
                        re.MULTILINE)


def _indirect_setters(x: _Extractor, names: list[ts.Node]) -> dict[str, set[int]]:
    """Shell functions that assign the variable an argument names, with the argument positions (1-based, as in
    the command's argv): ``prompt_input "Title:" TC_TITLE`` sets TC_TITLE when ``prompt_input`` does ``eval
    "$2=..."`` or copies ``$2`` into a local it evals."""
    setters: dict[str, set[int]] = {}
    for name in names:
        definition = name.parent
        body = definition.child_by_field_name("body") if definition is not None else None
        if body is None:
            continue
        text = x.text(body)
        targets = {m.group(1) for m in _INDIRECT_SET.finditer(text)}
        if not targets:
            continue
        copies = {m.group(1): int(m.group(2)) for m in _POSITIONAL_COPY.finditer(text)}
        positions = {int(t) if t.isdigit() else copies.get(t, 0) for t in targets} - {0}
        if positions:
            setters[x.text(name)] = positions
    return setters


def _type_only(statement: ts.Node | None) -> bool:
    """``import type { X } from "x"`` / ``export type { X } from "x"``: TypeScript erases it, nothing is loaded."""
    return statement is not None and any(child.type == "type" for child in statement.children)


def _tried_dynamic_import(x: _Extractor, call: ts.Node) -> bool:
    """``try { await import("playwright-core") } catch { ... }`` in one function: a module loaded on demand, for a
    feature the code reports unavailable without it (not a handler that ends the process)."""
    node = call.parent
    while node is not None and node.type not in _JS_FUNCTION_TYPES:
        if node.type == "try_statement":
            body, handler = node.child_by_field_name("body"), node.child_by_field_name("handler")
            if body is not None and handler is not None and body.start_byte <= call.start_byte < body.end_byte:
                return b"process.exit" not in x.source[handler.start_byte:handler.end_byte]
        node = node.parent
    return False


_JS_FUNCTION_TYPES = frozenset({"function_declaration", "function_expression", "arrow_function", "method_definition",
                                "generator_function_declaration", "program"})


def _runs_a_process(x: _Extractor, name: str) -> bool:
    """Whether a call named like a process runner runs one: `execSync(...)` (imported by name, or a snippet's), or
    a method of an object in code that loads child_process (`cp.spawn`, `child_process.exec`) or of Bun's; not
    `this.db.exec('SELECT ...')` of sql.js, a class's own `this.exec(['click', ref])` (which wraps a CLI), or
    `pattern.exec(text)` in code that never loads child_process."""
    if "." not in name:
        return True
    owner = name.rsplit(".", 1)[0]
    return owner == "Bun" or owner != "this" and not owner.startswith("this.") and b"child_process" in x.source


def _extract_javascript(x: _Extractor, captures: dict[str, list[ts.Node]]) -> None:
    f = x.facts
    for node in captures.get("source", []):
        if not _made_up(x, node):
            f.imports.append(Import(_strip_quotes(x.text(node)), x.span(node), type_only=_type_only(node.parent)))
    for name, call, first in x.calls(captures):
        if name in ("require", "import") and first is not None:
            if not _made_up(x, first):
                f.imports.append(Import(_strip_quotes(x.text(first)), x.span(first),
                                        optional=name == "import" and _tried_dynamic_import(x, call)))
        elif name.rsplit(".", 1)[-1] in JS_SUBPROCESS and _runs_a_process(x, name):
            _subprocess_command(x, call, name.rsplit(".", 1)[-1] in ("exec", "execSync"))
    for prop in captures.get("env_name", []):
        obj = prop.parent.child_by_field_name("object") if prop.parent is not None else None
        if obj is not None and x.text(obj) == "process.env":
            if _assigned_to(prop.parent):  # `process.env.X = "1"`
                f.exports.append(Binding(x.text(prop), x.span(prop)))
            else:
                f.env_reads.append(EnvRead(x.text(prop), x.span(prop),
                                           optional=_read_with_default(x, prop.parent, x.text(prop))))
    for node in captures.get("env_key", []):
        parent = node.parent
        obj = parent.child_by_field_name("object") if parent is not None else None
        if obj is not None and x.text(obj) == "process.env":
            if _assigned_to(parent):
                f.exports.append(Binding(_strip_quotes(x.text(node)), x.span(node)))
            else:
                read = _strip_quotes(x.text(node))
                f.env_reads.append(EnvRead(read, x.span(node), optional=_has_fallback(parent)
                                           or _used_when_set(x, parent, read)))
    for node in captures.get("string", []):
        x.add_string(node, _strip_quotes(x.text(node)))
    for node in captures.get("comment", []):
        f.comments.append(Comment(x.text(node), x.span(node)))


_EXTRACTORS: dict[str, Callable[[_Extractor, dict[str, list[ts.Node]]], None]] = {
    "python": _extract_python,
    "shell": _extract_shell,
    "javascript": _extract_javascript,
    "typescript": _extract_javascript,
    "tsx": _extract_javascript,
}


def _syntax_errors(x: _Extractor, root: ts.Node, limit: int = 20) -> None:
    """Collect ERROR and MISSING nodes, descending only into subtrees that contain one."""
    stack = [root]
    while stack and len(x.facts.syntax_errors) < limit:
        node = stack.pop()
        if node.is_missing:
            x.facts.syntax_errors.append(SyntaxProblem(x.span(node), f"missing {node.type!r}"))
        elif node.type == "ERROR":
            snippet = x.text(node)[:40].replace("\n", " ")
            x.facts.syntax_errors.append(SyntaxProblem(x.span(node), f"cannot parse {snippet!r}"))
            continue
        if _misread_arithmetic(x, node):
            continue  # an arithmetic expansion the parser read as commands (see _in_arithmetic)
        stack.extend(reversed([c for c in node.children if c.has_error or c.is_missing]))


def extract_facts(text: str, language: str, file: str, line_offset: int = 1, timeout_ms: int = 2000,
                  column_offset: int = 0, depth: int = 0) -> CodeFacts:
    """Parse ``text`` as ``language`` and extract facts; spans start at ``line_offset`` in ``file`` (and, on the
    first line, ``column_offset`` columns in). ``depth``: how many interpreters' inline code ``text`` is inside."""
    facts = CodeFacts(language="typescript" if language == "tsx" else language)
    source = text.encode("utf-8", "surrogatepass")
    tree = parse_tree(source, language, timeout_ms)
    if tree is None:
        facts.parse_timed_out = True
        return facts
    extractor = _Extractor(source, file, line_offset, facts, column_offset, depth)
    extractor.tree_root = tree.root_node
    captures = ts.QueryCursor(_grammar(language).query).captures(tree.root_node)
    captured = sum(len(nodes) for nodes in captures.values())
    if captured > _FEW_CAPTURES and _deeper_than(tree.root_node, MAX_WALK_STEPS // captured):
        facts.too_deep = True
        return facts
    _EXTRACTORS[language](extractor, captures)
    if language == "shell":
        facts.library = _shell_library(tree.root_node, source)
    elif language in ("javascript", "typescript", "tsx"):
        facts.library = _js_module(tree.root_node, source)
    facts.embedded = [inner for _start, inner in sorted(extractor.embedded, key=lambda item: item[0])]
    if tree.root_node.has_error:
        _syntax_errors(extractor, tree.root_node)
    # Query captures do not come in source order (nor always in the same order: the first query of a process
    # differed); every list is sorted into one total order, an enclosing node before the nodes it starts with.
    for items in (facts.imports, facts.commands, facts.calls, facts.strings, facts.env_reads, facts.urls,
                  facts.comments, facts.assignments, facts.exports, facts.functions, facts.loops):
        items.sort(key=_source_order)
    return facts


# Reading a node's parent costs time in proportion to its depth (tree-sitter finds it from the root), and the facts
# read a few parents of every captured node: the captured nodes times the tree's depth bounds the work. Past this
# budget (a chain of 20,000 `a || b` nests 20,000 deep: minutes) the code is reported, not read.
MAX_WALK_STEPS = 4_000_000
_FEW_CAPTURES = 500  # below this, no tree is deep enough to matter, and its depth is not measured


def _deeper_than(root: ts.Node, limit: int) -> bool:
    """Whether the tree under ``root`` nests deeper than ``limit`` levels, walked with a cursor (constant time a
    step) and given up on as soon as it does."""
    cursor = root.walk()
    depth = 0
    while True:
        if depth > limit:
            return True
        if cursor.goto_first_child():
            depth += 1
            continue
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                return False
            depth -= 1


def _source_order(item: Any) -> tuple[int, int, int, int]:
    span = item.span
    return span.line, span.column, -(span.end_line or span.line), -(span.end_column or span.column)


def language_for_path(path: str, shebang: str | None) -> str | None:
    """The language of a file from its extension, falling back to its shebang."""
    dot = path.rfind(".")
    ext = path[dot:] if dot > path.rfind("/") else ""
    if ext in EXTENSION_LANGUAGES:
        return EXTENSION_LANGUAGES[ext]
    if ext in OTHER_EXTENSION_LANGUAGES:
        return OTHER_EXTENSION_LANGUAGES[ext]
    if shebang:
        words = shebang[2:].strip().split()
        if words:
            program = words[0].rsplit("/", 1)[-1]
            if program == "env":
                rest = [w for w in words[1:] if not w.startswith("-")]
                program = rest[0] if rest else ""
            return SHEBANG_LANGUAGES.get(program)
    return None
