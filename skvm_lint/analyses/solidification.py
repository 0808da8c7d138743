"""Solidification candidates: code in SKILL.md the agent would write out again on every run.

SkVM's runtime notices an agent regenerating the same code for a skill and freezes it into a parameterised script.
Much of that code is visible before any run: fences the agent is told to adapt and execute (placeholders to fill,
"replace X with ..."), the same code in several steps, and complete programs pasted into the instructions. Each
candidate says what it would take as parameters, what regenerating it costs per run (offline token estimate), and
whether extracting it is safe. A fence that only runs a bundled script is what we want, so it is never a candidate.
"""

from __future__ import annotations

import bisect
import re

from msgspec import Struct, field

from ..cues import cue
from ..lazy_re import Pattern, lazy
from ..parsing.code import HEREDOC_START, TOOL_ARGUMENT
from ..model import CodeBlock, Command, MarkdownDoc, Skill, Span
from ..vocabulary import KNOWN_PROGRAMS, RUNS_CODE, TEXT_PROGRAMS
from ..tokens import estimate_tokens

EXTRACTABLE = {"python": ".py", "shell": ".sh", "javascript": ".js", "typescript": ".ts"}
MIN_PROGRAM_LINES = {"python": 15, "javascript": 15, "typescript": 15, "shell": 10}
MIN_DUPLICATE_LINES = 5

# Placeholders: <FILE>, <your-key>, YOUR_API_KEY, {query} (outside Python), $1 (in a fence, not a script), and bare
# ALL-CAPS stand-ins used as arguments (INPUT_FILE).
# `<T>` and `<K, V>` are TypeScript generics, not stand-ins: an upper-case placeholder has two letters or more.
ANGLE = lazy(r"<(?:[A-Z][A-Z0-9_-]+|[a-z]+(?:[_-][a-z0-9]+)+|your[\w -]*|path[\w -]*|file[\w -]*|"
             r"url|name|query|id|key|token|dir|input|output|value)>")
# A credential stand-in (YOUR_API_KEY, <api-key>, your-token) is a setting the user provides once, through the
# environment: not a variation point of the code.
CREDENTIAL = lazy(r"(?i)(api[_-]?key|(^|[^a-z])key([^a-z]|$)|token|secret|password|passwd|credential|auth)")
MIN_TOKENS = 20  # below this, the command that runs a script is about as long as the code it replaces
# Piping into a pretty-printer composes nothing: `curl ... | jq .` is one request, shown readably.
FORMATTER = lazy(r"^\s*(jq( -[a-zA-Z]+)*( \.| '\.')?|python3? -m json\.tool|less|more|cat|head( -n? ?\d+)?|"
                 r"tail( -n? ?\d+)?|column -t|bat)\s*$")
# An introduction that asks for changes: without a placeholder, what to change is the reader's call, not an argument
ADAPT_INTRO = lazy(r"\b(adapt|modify|customi[sz]e|edit|tweak|template)\b", re.IGNORECASE)
# `bash command:"..."`, `exec command:...`: the agent's tool-call syntax wrapping the shell code, not a program
TOOL_CALL = lazy(r"\s*[\w.-]+[ \t]+" + TOOL_ARGUMENT.pattern.removeprefix("^"))
# `<bullet points of critical context>`: a slot for words, not a value (an HTML tag has `=` or quotes; `< file` a space)
PROSE_SLOT = lazy(r"<[a-z]{2,}(?:[ /][a-z]{2,})+>")
# `-d '{ ... }'`, `[...]`, a line or comment that is only `...`: code left out for the reader to imagine. A spread
# (`[...items]`) or `Callable[..., T]` is code, not a gap.
ELIDED = lazy(r"[{\[(][ \t]*(?:\.\.\.|…)[ \t]*[}\])]|(['\"])(?:\.\.\.|…)\1|"
              r"^[ \t]*(?:(?:#|//)[ \t]*)?(?:\.\.\.|…)[ \t]*$|(?:^|[ \t])(?:#|//)[ \t]*(?:\.\.\.|…)", re.MULTILINE)
YOUR = lazy(r"\b(?:YOUR|REPLACE|INSERT)_[A-Z0-9_]+\b|\byour[-_][a-z0-9_-]+\b")
# `bing_<slot>.html`: a word in angle brackets inside a file name is a stand-in (as shell it would be two
# redirections), whatever the word.
GLUED_ANGLE = lazy(r"(?<=[\w.-])<[a-z][a-z0-9_]*>|<[a-z][a-z0-9_]*>(?=[\w.])")
BRACES = lazy(r"(?<![$\w{])\{(?:[a-z][a-z0-9_]*|[A-Z][A-Z0-9_]*)\}(?!\})")
# `$1`, `${1}`: a stand-in for the first argument. `${1:-unit}` reads an argument with a default: the script's own.
POSITIONAL = lazy(r"(?<![\\\w])\$(?:[1-9]|\{[1-9]\})")
STAND_IN = lazy(r"(?<![${\w./-])(?:[A-Z][A-Z0-9]*_)+(?:FILE|PATH|DIR|URL|NAME|QUERY|ID|KEY|TOKEN|INPUT|OUTPUT|"
                r"TEXT|VALUE)\b(?![=(])")
TEMPLATE_INTRO = lazy(
    r"\b(run|use|execute|save|create|write|adapt|modify|copy|paste|customi[sz]e|fill in|template|snippet)\b"
    r"[^.\n]{0,40}\b(this|the following|following|below|script|code|snippet|program|template)\b|"
    r"\breplace\b[^.\n]{0,60}\bwith\b|\bsubstitut\w+\b|\bfill in\b|运行以下|替换", re.IGNORECASE)
OUTPUT_CONTEXT = lazy(r"\b(output|result|response|returns?|prints?|example output|sample output)\s*:?\s*$",
                      re.IGNORECASE)
INTERACTIVE = lazy(r"\binput\(|\bgetpass\b|\bread\s+-[a-z]*p|\bread(\s+-[a-z]+)*\s+\w+\s*$|readline\.|prompt\(",
                   re.MULTILINE)
SECRETISH = lazy(r"(?i)(api[_-]?key|secret|token|password)\s*[:=]\s*['\"][A-Za-z0-9+/_\-.]{20,}['\"]")
# Programs that run code they are handed (an interpreter, awk, sed, a jq filter): input to them is a program.
CODE_RUNNERS = RUNS_CODE | TEXT_PROGRAMS | {"jq"}
USAGE_LINE = lazy(r"\busage\b", re.IGNORECASE)
# Lines that configure rather than compute: a placeholder there is a setting to fill in once, not code to adapt.
SETUP_LINE = lazy(r"^\s*(export\s+)?[A-Za-z_][A-Za-z0-9_]*=|^\s*(cd|mkdir|cp|mv|ln|touch|source|\.)\s")
# Signs that a fence is real composition: a pipeline, a loop, a here-document, a substitution. A continued line or a
# request body is one command written long, not composition.
COMPOSED = lazy(r"\|(?!\|)|\bfor\b|\bwhile\b|<<|\$\(", re.MULTILINE)
# `# or`, `# alternatively`: the commands of the block are alternatives, not steps of one program.
ALTERNATIVE_COMMENT = lazy(r"(?m)^[ \t]*#[ \t]*(or|alternatively|instead)\b", re.IGNORECASE)
TEACHING_SECTION = cue("teaching_section")
SETUP_SECTION = cue("setup_section")
COMPARISON_INTRO = cue("comparison_intro")
RUN_ONCE = cue("run_once")
_QUOTED_TEXT = lazy(r"'[^'\n]*'|\"(?:\\.|[^\"\\\n])*\"")
RUN_INTRO = cue("run_intro")
_SINGLE_QUOTED = lazy(r"'[^'\n]*'")
# A bundled script the intro names in inline code (`scripts/fetch.sh`, `./scripts/tool`).
NAMED_SCRIPT = lazy(r"`(?:\./)?(scripts/[\w.-]+(?:/[\w.-]+)*)`")
# Inline code on one line (`x` or ``x `y` z``): every attempt stops at the next backtick or line end, so it is linear.
_INLINE_CODE = lazy(r"``[^`\n]*(?:`[^`\n]+)*``|`[^`\n]*`")
_FUNCTION_START = lazy(r"(?<!\w)\w+[ \t]*\(\)[ \t]*\{[ \t]*$")
# Top-level statements that do something (not only definitions): the mark of a program rather than an excerpt.
PY_ACTION = lazy(r"^(?!(def|class|import|from|async def|@|#|\)|\]|\}|else|elif|except|finally|try)\b)"
                 r"[A-Za-z_][\w.\[\]'\"]*\s*(\(|=\s*\S)", re.MULTILINE)
JS_ACTION = lazy(r"^(await\s|(const|let|var)\s+\w+\s*=\s*(await\s+)?\w[\w.]*\(|[a-z_$][\w$.]*\()", re.MULTILINE)
INLINE_PROGRAM = lazy(r"\b(python3?|node|ruby|perl)\s+-[ce]\s")
HELP_TEXT = lazy(r"(?m)^[ \t]*(USAGE|FLAGS|OPTIONS|ARGUMENTS|EXAMPLES|COMMANDS|Usage:|Options:|Flags:)[ \t]*$")
CARD_ROW = lazy(r"\S\s{3,}[A-Z][a-z]+(\s|$)")
# How a skill names its own folder: {baseDir}, $SKILL_DIR, ${CLAUDE_SKILL_DIR}, a hub's install path
# (~/.openclaw/skills/<name>/, ~/.claude/skills/<name>/), any absolute path ending in skills/<name>/, or a
# placeholder for it (`<path-to-skill>/`, `/path/to/skill/`).
SKILL_FOLDER = (r"(?:\{baseDir\}/|\$\{?(?:CLAUDE_)?SKILL_DIR\}?/|\./|~/\.[\w-]+/(?:[\w-]+/)*skills/[\w.-]+/|"
                r"\S*/skills/[\w.-]+/|<[\w-]*(?i:skill)[\w-]*>/|/?path/to/[\w-]*(?i:skill)[\w-]*/)?")
BUNDLED_CALL = lazy(r"^\s*(?:(?:sudo\s+)?(?:python3?|node|bash|sh|uv run|npx tsx|tsx|deno run|bun)\s+)?"
                    r"(?:" + SKILL_FOLDER + r"(?:scripts|bin|tools)/\S+|"
                    r"(?:\{baseDir\}|\$\{?(?:CLAUDE_)?SKILL_DIR\}?|~/(?:[\w.-]+/)*skills/[\w.-]+)/\S+)")


class Parameter(Struct):
    name: str  # the argument name in the extracted script (snake_case)
    placeholder: str  # the text it replaces in the fence
    occurrences: int = 1


class Candidate(Struct):
    file: str
    span: Span  # the opening fence line
    end_line: int
    language: str
    reasons: list[str]  # template | placeholders | duplicate | program
    parameters: list[Parameter]
    tokens_per_run: int  # tokens the agent writes to regenerate it, once per run (offline estimate)
    lines: int
    safe: bool
    unsafe_reasons: list[str] = field(default_factory=list)
    duplicates: list[int] = field(default_factory=list)  # opening lines of near-identical fences
    script_path: str = ""  # where the fix would put it
    block: CodeBlock | None = None
    anchor: str = "{baseDir}"  # how SKILL.md already names the skill's folder; the fix's command uses it

    def to_dict(self) -> dict:
        return {"file": self.file, "line": self.span.line, "end_line": self.end_line, "language": self.language,
                "reasons": self.reasons, "parameters": [{"name": p.name, "placeholder": p.placeholder,
                                                         "occurrences": p.occurrences} for p in self.parameters],
                "tokens_per_run": self.tokens_per_run, "lines": self.lines, "safe_to_extract": self.safe,
                "unsafe_reasons": self.unsafe_reasons, "duplicates": self.duplicates, "script": self.script_path}


def _placeholders(block: CodeBlock, language: str) -> list[str]:
    # Comments show results (`# Returns [2, <NA>, 4]`), not slots to fill.
    text = block.code_text
    found = [m.group(0) for m in ANGLE.finditer(text)]
    found += YOUR.findall(text)
    # {name} in Python or JavaScript is a format field, a dict or a destructuring, also inside `python3 -c "..."`
    if language == "shell" and not INLINE_PROGRAM.search(text):
        shell_words = _shell_words_only(text)
        found += [m.group(0) for m in BRACES.finditer(shell_words)]
        found += [m.group(0) for m in POSITIONAL.finditer(shell_words)]
        found += [m.group(0) for m in GLUED_ANGLE.finditer(shell_words)]
        # ALL-CAPS stand-ins only as whole arguments (`convert INPUT_FILE`), never inside strings or $VARS
        found += [word for command in block.code.commands for word in command.argv[1:] if STAND_IN.fullmatch(word)]
    unique = [p for p in dict.fromkeys(found) if not CREDENTIAL.search(p)]
    # YOUR_WALLET inside <YOUR_WALLET> is the same slot, not a second one
    unique = [p for p in unique if p in _without(text, [q for q in unique if p in q and q != p])]
    return sorted(unique, key=text.find)  # in reading order: the first placeholder is the first argument


class Body(Struct, frozen=True):
    """Lines ``first``..``last`` (0-based, the closing line included) of a here-document or a shell function."""
    first: int
    last: int
    kind: str  # "heredoc" (expands $x), "quoted-heredoc" (<<'EOF': nothing expanded) or "function"


def nested_bodies(text: str) -> list[Body]:
    """The here-document and shell-function bodies of shell ``text``, outermost only. Linear: each body ends at the
    next line that closes it, found through an index of lines rather than a search per opening."""
    lines = text.split("\n")
    closing: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        closing.setdefault(line.strip(), []).append(index)
    bodies: list[Body] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        heredoc = HEREDOC_START.search(line)  # in the line as written: <<'EOF' is quoted, not a quoted word
        end_marker = heredoc.group(1) if heredoc else "}" if _FUNCTION_START.search(_SINGLE_QUOTED.sub("''", line)) \
            else None
        if end_marker is not None:
            ends = closing.get(end_marker, [])
            after = bisect.bisect_right(ends, index)
            if after < len(ends):
                kind = "function" if heredoc is None else "quoted-heredoc" if heredoc.group(0)[-1] in "'\"" \
                    else "heredoc"
                bodies.append(Body(index + 1, ends[after], kind))
                index = ends[after]
        index += 1
    return bodies


def _without(text: str, parts: list[str]) -> str:
    for part in parts:
        text = text.replace(part, " ")
    return text


def _unfillable(block: CodeBlock, language: str, placeholders: list[str]) -> list[str]:
    """Why a script could not fill this fence's slots: a slot for text the agent writes (``<bullet points of
    context>`` in a note it appends), code left out (``{ ... }``), or a placeholder in a quoted here-document,
    where ``$1`` stays as it is."""
    text = block.code_text
    reasons = []
    prose = [m.group(0) for m in PROSE_SLOT.finditer(_without(text, placeholders))]
    if prose:
        reasons.append(f"has slots for text the agent writes ({prose[0]}): a script would write them as they are")
    gap = ELIDED.search(text)
    if gap:
        reasons.append(f"leaves part of its code out ({gap.group(0).strip()}): a script would keep the gap as it is")
    if language == "shell" and placeholders:
        lines = text.split("\n")
        quoted = [line for body in nested_bodies(text) if body.kind == "quoted-heredoc"
                  for line in lines[body.first:body.last]]
        if any(p in line for line in quoted for p in placeholders):
            reasons.append("has a placeholder inside a quoted here-document (<<'EOF'), where an argument is never "
                           "expanded")
    return reasons


def _shell_words_only(text: str) -> str:
    """``text`` without what belongs to other code: single-quoted programs (awk, jq, sed), here-document bodies and
    shell function bodies, whose $1 and {x} are not the reader's stand-ins."""
    lines = _SINGLE_QUOTED.sub("''", text).split("\n")
    for body in nested_bodies(text):
        for index in range(body.first, body.last + 1):
            lines[index] = ""
    return "\n".join(lines)


def _parameter_name(placeholder: str, taken: set[str]) -> str:
    if POSITIONAL.fullmatch(placeholder):
        base = f"arg{placeholder.strip('${}')}"
    else:
        base = re.sub(r"[^a-z0-9]+", "_", placeholder.lower()).strip("_")
        base = re.sub(r"^(your|replace|insert)_", "", base) or "value"
        if base[0].isdigit():
            base = f"p_{base}"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}_{n}", n + 1
    taken.add(name)
    return name


def _normalised(text: str) -> list[str]:
    """Tokens of code with comments dropped and numbers blurred, for near-duplicate detection. Strings are kept:
    blurred, any two lists of `curl "..."` calls would look alike."""
    body = re.sub(r"(?m)^\s*(#|//).*$", "", text)
    body = re.sub(r"\b\d+(\.\d+)?\b", "N", body)
    return re.findall(r"\w+|[^\w\s]", body)


def _shingles(tokens: list[str], size: int = 4) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1))}


def _prose(text: str) -> str:
    """``text`` without its inline code: "The `execute()` function" asks nothing of the reader."""
    return _INLINE_CODE.sub(" ", text)


def _only_runs_bundled_scripts(block: CodeBlock, bundled: set[str]) -> bool:
    joined = re.sub(r"\\\n", " ", block.text)  # a command continued over several lines is one command
    lines = [line for line in joined.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return bool(lines) and all(BUNDLED_CALL.match(line) or _runs_bundled(line, bundled) for line in lines)


def _runs_bundled(line: str, bundled: set[str]) -> bool:
    """`python3 job_search.py --title x` where job_search.py ships with the skill."""
    words = line.split()
    while words and (words[0] in ("sudo", "uv", "run", "npx", "tsx") or "=" in words[0]):
        words = words[1:]
    if len(words) >= 2 and re.fullmatch(r"python3?|node|bash|sh|deno|bun|ruby|perl", words[0]):
        words = words[1:]
    return bool(words) and words[0].removeprefix("./") in bundled


def _code_lines(block: CodeBlock) -> int:
    return sum(1 for line in block.text.splitlines()
               if line.strip() and not line.lstrip().startswith(("#", "//")))


def _is_code(block: CodeBlock) -> bool:
    """Help text and console transcripts sit in shell fences too; code parses and runs commands."""
    facts = block.code
    if len(facts.syntax_errors) >= 2 or HELP_TEXT.search(block.text):
        return False
    rows = [line for line in block.text.splitlines() if line.strip()]
    if rows and sum(bool(CARD_ROW.search(line)) for line in rows) * 2 >= len(rows):
        return False  # `/dex search <query>     Search tokens`: a reference card of commands and what they do
    return block.language != "shell" or bool(facts.commands)


def _adapted(text: str, placeholder: str) -> bool:
    """A placeholder the agent fills while composing code, not a setting in an `export X=...` line nor the code's
    own usage message (`echo "Usage: $0 <file>"`)."""
    return any(placeholder in line and not SETUP_LINE.match(line) and not USAGE_LINE.search(line)
               for line in text.splitlines())


def _composed(block: CodeBlock) -> bool:
    """Code the agent composes, not one command or a card of commands to pick from: shell with a pipeline, loop,
    here-document or substitution, or two or more different operations, written as one piece (a card's commands
    each sit under their own comment: "# List nodes", "# Node details"); Python or JavaScript of three or more
    lines that acts."""
    if block.language == "shell":
        if ALTERNATIVE_COMMENT.search(block.text) or _card(block):
            return False
        code = _QUOTED_TEXT.sub('""', block.code_text)  # "Thanks for reaching out" in a body is not a loop
        commands = [c for c in block.code.commands if c.via is None and not c.in_substitution
                    and not SETUP_LINE.match(c.text)]
        if _one_command_with_input(block, code, commands):
            return False
        steps = [c for c in commands if not c.pipeline_position]
        if len(steps) <= 1 and not re.search(r"\bfor\b|\bwhile\b|<<", code):
            # one command, however long (continued lines, a request body, a substitution inside): composed only
            # when its output feeds a program that computes (`| python3 -c ...`, a jq filter), not a printer
            return bool(re.search(r"\|(?!\|)", code)) and not _only_formatted(block)
        if COMPOSED.search(code) is not None and not _only_formatted(block):
            return True
        # several commands are one program when something flows between them: a variable set and used later, or
        # an && chain; side by side without that, they are a card of commands to pick from
        assigned = {b.name for b in block.code.assignments}
        flows = bool(assigned & {read.name for read in block.code.env_reads}) or "&&" in code
        operations = {(c.program, next((a for a in c.argv[1:] if not a.startswith("-")), "")) for c in steps}
        return flows and len({program for program, _sub in operations}) >= 2
    return _code_lines(block) >= 3 and _acts(block)


def _one_command_with_input(block: CodeBlock, code: str, commands: list[Command]) -> bool:
    """One command handed literal input: a here-document of data (a JSON body), or `echo "..." |` into it. The
    input is part of the call, as a request body is; it is composed when the command runs code (`python3 <<EOF`,
    `| jq '...'`) or when a value set in the block flows into it. ``commands``: the block's own commands (not
    wrapped, not in a substitution, not setting something up)."""
    if re.search(r"\bfor\b|\bwhile\b|\$\(|`", code):
        return False
    if {b.name for b in block.code.assignments} & {read.name for read in block.code.env_reads}:
        return False
    if len(commands) == 1 and "<<" in code:
        return commands[0].program not in CODE_RUNNERS
    if len(commands) == 2 and "<<" not in code:
        feed, command = commands
        return (feed.program in ("echo", "printf") and feed.pipeline_position == 0
                and command.pipeline_position == 1 and command.pipeline == feed.pipeline
                and command.program not in CODE_RUNNERS)
    return False


def _only_formatted(block: CodeBlock) -> bool:
    """Every pipe in the block feeds a pretty-printer, and nothing else composes (no loop, heredoc, $(...))."""
    text = block.code_text
    if re.search(r"\bfor\b|\bwhile\b|<<|\$\(", text):
        return False
    stages = [stage for line in text.splitlines() for stage in re.split(r"\|(?!\|)", line)[1:]]
    return bool(stages) and all(FORMATTER.match(stage) for stage in stages)


# Line starts use [ \t], never \s: \s also eats newlines, and a run of blank lines made these quadratic.
CRONTAB_LINE = lazy(r"(?m)^[ \t]*[\d*/,-]+[ \t]+[\d*/,-]+[ \t]+[\d*/,-]+[ \t]+[\d*/,-]+[ \t]+[\d*/,-]+[ \t]+\S")
COMMENTED_GROUP = lazy(r"(?m)^[ \t]*#(?!!)[ \t]*\S.*\n[ \t]*[^#\s]")
COMMENTED_LINE = lazy(r"(?m)^[ \t]*[^#\s].*[ \t]#[ \t]+\S")


def _card(block: CodeBlock) -> bool:
    """A reference card: two or more commented groups of commands, or lines that each end in a comment saying what
    they do (`tool sync <peer>   # Bi-directional sync`), with no variable passed between them; or a crontab
    entry (set up once)."""
    if CRONTAB_LINE.search(block.text):
        return True
    groups = len(COMMENTED_GROUP.findall(block.text))
    groups = max(groups, len(COMMENTED_LINE.findall(block.text)))
    if groups < 2:
        return False
    assigned = {b.name for b in block.code.assignments}
    used = {read.name for read in block.code.env_reads}
    return not (assigned & used)


def _shell_of_another_program(block: CodeBlock, own: set[str]) -> bool:
    """Input for another program's prompt (msfconsole's `use ...`/`set ...`/`run`), not shell: most 'programs'
    are not commands anyone has."""
    commands = [c for c in block.code.commands if c.via is None]
    foreign = sum((c.program not in KNOWN_PROGRAMS and c.program not in own)
                  or (c.program == "set" and len(c.argv) > 1 and c.argv[1].isupper())  # msfconsole's `set RHOSTS x`
                  for c in commands)
    return len(commands) >= 2 and foreign * 2 > len(commands)




def _acts(block: CodeBlock) -> bool:
    """A program does something at top level; an excerpt of definitions (classes, interfaces) is reference."""
    if block.language == "shell":  # a list of independent commands is a reference card, not a program
        return len(block.code.commands) >= 3 and _composed(block)
    pattern = PY_ACTION if block.language == "python" else JS_ACTION
    return pattern.search(block.text) is not None


def _already_bundled(block: CodeBlock, skill: Skill) -> bool:
    """The fence shows a script the skill already ships ("The executable script is at scripts/x")."""
    lines = [line.strip() for line in block.text.splitlines() if line.strip() and not line.startswith("#!")][:3]
    if len(lines) < 3:
        return False
    return any(f.text and f.kind not in ("skill_md", "markdown") and all(line in f.text for line in lines)
               for f in skill.files)


def _teaching(doc: MarkdownDoc, block: CodeBlock) -> bool:
    """A fence under a section that teaches (examples, patterns, use cases, API reference): code for the user's
    own work, shown once, not a step the skill runs each time."""
    return _in_section(doc, block, TEACHING_SECTION)


def _in_section(doc: MarkdownDoc, block: CodeBlock, titles: Pattern) -> bool:
    index = block.section
    while index is not None:
        if titles.search(doc.sections[index].title):
            return True
        index = doc.sections[index].parent
    return False


def _references_run(skill: Skill) -> set[str]:
    """Bundled documents SKILL.md sends the agent to run ("Run the steps in references/setup.md")."""
    text = skill.skill_md_text
    out = set()
    for f in skill.files:
        if f.kind != "markdown" or f.path not in text:
            continue
        for line in text.splitlines():
            if f.path in line and RUN_INTRO.search(line):
                out.add(f.path)
                break
    return out


def _exports_for_later(doc: MarkdownDoc, block: CodeBlock) -> bool:
    """The block exports variables that later shell blocks read, or evaluates `export` lines it builds (loading a
    `.env`): its effect is the agent's environment, which a child process cannot change."""
    text = block.code_text
    if re.search(r"\beval\b", text) and re.search(r"\bexport\b", text):
        return True
    exported = {b.name for b in block.code.exports}
    return bool(exported) and any(read.name in exported for other in doc.code_blocks
                                  if other.span.line > block.span.line and other.language == "shell"
                                  and other.code is not None for read in other.code.env_reads)


def _set_in_other_fences(doc: MarkdownDoc, block: CodeBlock) -> list[str]:
    """Shell functions and variables the block uses that only another shell block of the document defines. An
    exported variable is not among them: a script run from that shell inherits it."""
    code = block.code
    own = {b.name for b in (*code.functions, *code.assignments, *code.exports)}
    functions: set[str] = set()
    variables: set[str] = set()
    for other in doc.code_blocks:
        if other is not block and other.code is not None and other.language == "shell":
            functions.update(b.name for b in other.code.functions)
            variables.update(b.name for b in other.code.assignments)
            variables.difference_update(b.name for b in other.code.exports)
    used = [c.program for c in code.commands if c.program in functions] + \
        [r.name for r in code.env_reads if not r.optional and r.name in variables]
    return [name for name in dict.fromkeys(used) if name not in own]


def _slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", text.lower())[:4]
    return "-".join(words)


class SolidificationFacts(Struct, frozen=True):
    """Code the agent would re-type on every run, each a candidate for a script under scripts/."""

    candidates: tuple[Candidate, ...]


def analyze(skill: Skill) -> SolidificationFacts:
    return SolidificationFacts(tuple(_candidates(skill)))


def _candidates(skill: Skill) -> list[Candidate]:
    """Every solidification candidate in SKILL.md and the Markdown it bundles."""
    candidates: list[Candidate] = []
    existing = {f.path for f in skill.files}
    planned: set[str] = set()
    run_references = _references_run(skill)
    anchor = folder_anchor(skill)
    own = {f.path.rsplit("/", 1)[-1] for f in skill.files} | {skill.folder_name}  # the skill's own programs
    for doc in skill.agent_docs():  # READMEs and docs/ are read by people, not followed by the agent on each run
        if doc is not skill.body and doc.file not in run_references:
            continue  # code in a reference is an excerpt unless SKILL.md sends the agent to run it
        blocks = [b for b in doc.code_blocks if b.language in EXTRACTABLE and b.code is not None and b.closed
                  and _is_code(b) and not _teaching(doc, b)]
        shingles = {id(b): _shingles(_normalised(b.text)) for b in blocks if _code_lines(b) >= MIN_DUPLICATE_LINES}
        for block in blocks:
            language = block.language
            if _only_runs_bundled_scripts(block, existing):
                continue
            written = doc.intro(block)
            intro = _prose(written)  # the cues below are words of prose, never of inline code
            first_comment = re.match(r"\s*(?:#|//)\s*(.*)", block.text)
            if OUTPUT_CONTEXT.search(intro) or COMPARISON_INTRO.search(intro) or RUN_ONCE.search(intro) or (
                    first_comment and COMPARISON_INTRO.search(first_comment.group(1) + ":")) or (
                    re.fullmatch(r"\W*", TEACHING_SECTION.sub("", written)) and written.strip()):
                continue  # an intro that is only "Examples:" introduces examples
            if _in_section(doc, block, SETUP_SECTION):
                continue  # setting up once (an install, credentials, a client), not code run on every use
            if language != "shell" and not RUN_INTRO.search(intro):
                continue  # Python or JavaScript shown without being given to run is an example to learn from
            if _already_bundled(block, skill):
                continue
            lines = _code_lines(block)
            reasons: list[str] = []
            placeholders = _placeholders(block, language)
            placeholders = [p for p in placeholders if _adapted(block.text, p)]
            if block.text.lstrip().startswith("#!"):  # a script file reads its own $1: not a stand-in to fill
                placeholders = [p for p in placeholders if not POSITIONAL.fullmatch(p)]
            if language == "shell" and _shell_of_another_program(block, own):
                continue
            if placeholders and _composed(block) and estimate_tokens(block.text) >= MIN_TOKENS:
                reasons.append("placeholders")
            if intro and TEMPLATE_INTRO.search(intro) and lines >= 5 and _composed(block):
                reasons.append("template")
            duplicates = []
            mine = shingles.get(id(block))
            if mine:
                for other in blocks:
                    theirs = shingles.get(id(other))
                    if other is block or not theirs:
                        continue
                    if len(mine & theirs) / len(mine | theirs) >= 0.8:
                        duplicates.append(other.span.line)
            if duplicates and _composed(block) and doc is skill.body:
                reasons.append("duplicate")
            # A whole program the agent is told to run is written out on each run; one shown is an example.
            if lines >= MIN_PROGRAM_LINES[language] and _acts(block) and RUN_INTRO.search(intro):
                reasons.append("program")
            if not reasons:
                continue
            taken: set[str] = set()
            parameters = [Parameter(_parameter_name(p, taken), p, block.text.count(p)) for p in placeholders]
            unsafe: list[str] = []
            if SECRETISH.search(block.text):
                unsafe.append("contains what looks like a credential")
            if INTERACTIVE.search(block.text):
                unsafe.append("asks for interactive input")
            if block.code.syntax_errors:
                unsafe.append(f"does not parse as {language} (line {block.code.syntax_errors[0].span.line})")
            unsafe += _unfillable(block, language, placeholders)
            if "template" in reasons and not parameters and ADAPT_INTRO.search(intro):
                unsafe.append("is a template to adapt with no placeholder to make an argument: which of its values "
                              "vary is for a person to choose")
            if language == "shell" and TOOL_CALL.match(block.code_text):
                unsafe.append("is an agent tool call (`bash command:\"...\"`): the command inside it is the script")
            elsewhere = _set_in_other_fences(doc, block) if language == "shell" else []
            if elsewhere:
                unsafe.append(f"uses {', '.join(f'`{name}`' for name in elsewhere[:3])}, set in another code block: "
                              "the script would not run alone")
            if language == "shell" and _exports_for_later(doc, block):
                unsafe.append("sets environment variables for the code after it: run as a script it would set them "
                              "in its own shell, not the agent's (a script to `source`, not to run)")
            named = [p for p in dict.fromkeys(NAMED_SCRIPT.findall(written)) if p not in existing and p not in planned]
            if len(named) == 1:  # "The executable script is located at `scripts/x`": the skill's own name for it
                path = named[0]
            else:
                section = doc.sections[block.section].title if block.section is not None else ""
                base = _slug(section) or f"step-{block.span.line}"
                path = f"scripts/{base}{EXTRACTABLE[language]}"
                n = 2
                while path in existing or path in planned:
                    path = f"scripts/{base}-{n}{EXTRACTABLE[language]}"
                    n += 1
            planned.add(path)
            candidates.append(Candidate(doc.file, block.span, block.end_line, language, reasons, parameters,
                                        estimate_tokens(block.text), lines, not unsafe, unsafe, duplicates, path,
                                        block, anchor))
    return candidates


def summary(skill: Skill, candidates: list[Candidate]) -> dict:
    """Per-skill figures for `analyze`: tokens regenerated per run now, and after extracting the safe candidates."""
    before = sum(c.tokens_per_run for c in candidates)
    after = before - sum(c.tokens_per_run - estimate_tokens(invocation(c)) for c in candidates if c.safe)
    return {"candidates": [c.to_dict() for c in candidates], "tokens_per_run": before,
            "tokens_per_run_after_extraction": after}


def invocation(candidate: Candidate) -> str:
    """The command that replaces the fence: run the extracted script with the placeholders as arguments."""
    runner = {"python": "python3", "shell": "bash", "javascript": "node", "typescript": "npx tsx"}[candidate.language]
    args = []
    for p in candidate.parameters:
        shown = p.placeholder if not POSITIONAL.fullmatch(p.placeholder) else f"<{p.name.upper()}>"
        args.append(f"--{p.name.replace('_', '-')} {_quote(shown)}" if candidate.language == "python"
                    else _quote(shown))
    return " ".join([runner, f"{candidate.anchor}/{candidate.script_path}", *args])


ANCHORS = lazy(r"\{baseDir\}|\$\{CLAUDE_SKILL_DIR\}|\$CLAUDE_SKILL_DIR|\$\{SKILL_DIR\}|\$SKILL_DIR|"
               r"~/\.[\w-]+/(?:[\w-]+/)*skills/[\w.-]+(?=/)")


def folder_anchor(skill: Skill) -> str:
    """How SKILL.md names the skill's folder (the most used of {baseDir}, $SKILL_DIR, ${CLAUDE_SKILL_DIR} or a hub
    install path ending in this skill's name); {baseDir} when it names none."""
    counts: dict[str, int] = {}
    for m in ANCHORS.finditer(skill.skill_md_text):
        anchor = m.group(0)
        if anchor.startswith("~") and not anchor.endswith("/" + skill.folder_name):
            continue  # another skill's install path
        counts[anchor] = counts.get(anchor, 0) + 1
    return max(counts, key=lambda a: (counts[a], -list(counts).index(a))) if counts else "{baseDir}"


def _quote(value: str) -> str:
    return value if re.fullmatch(r"[\w./<>{}-]+", value) and not re.search(r"[<>{}]", value) else f'"{value}"'
