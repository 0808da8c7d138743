"""Where text stands in a skill, for the security rules (SC001-SC011): which code runs as a bundled script, which
the agent runs from instructions, which is documentation for people or an example under "never do this", and which
prose quotes an attack to describe it. Also the helpers several families share (pipelines, URLs, lines).

This module finds no problem itself: each SC rule owns its family's detectors, messages and hints, and
:mod:`skvm_lint.security_rule` turns danger and context into a severity. Raw-text patterns are a fallback only where
no parser covers the text (unparsed file types, scripts that timed out), so truncation or an odd extension never
hides a payload.
"""

from __future__ import annotations

import bisect
import ipaddress
import re
from itertools import accumulate
from typing import Callable, Iterable, Iterator
from urllib.parse import urlsplit

from msgspec import Struct, field

from ..cues import inside_quotation
from ..lazy_re import Pattern, lazy
from ..model import BundledFile, Call, CodeBlock, CodeFacts, Command, MarkdownDoc, Skill, for_people
from ..vocabulary import ANY_INLINE_CODE_OPTION, EXFILTRATION_HOSTS

# --- vocabulary several families share -------------------------------------------------------------------------------

# what makes an interpreter run something other than its standard input: a program inline, a module
# (`python3 -m json.tool`), a loop or an in-place edit over named files (`perl -n`, `-i`)
INLINE_PROGRAM_FLAGS = ANY_INLINE_CODE_OPTION | {"-m", "-n", "-i"}
SENSITIVE_PATH = lazy(
    r"(?:~|\$HOME|\$\{HOME\}|%USERPROFILE%|homedir\(\)|/home/[\w.-]+|/Users/[\w.-]+|/root)?/?\."
    r"(?:ssh/(?!config\b|known_hosts\b|authorized_keys\b)(?![\w.*-]*\.pub\b)[\w.*-]*|aws/credentials|gnupg\b|kube/config|"
    r"docker/config\.json|azure/|netrc\b|git-credentials|pgpass|config/gcloud|password-store|"
    r"electrum/wallets|bitcoin/wallet|ethereum/keystore|config/solana/id\.json|"
    r"(openclaw|clawdbot|moltbot)/([\w.*-]+/)*auth-profiles\.json)"
    r"|(?:Login Data|cookies\.sqlite|logins\.json|key4\.db|Local State)\b|Library/Keychains|security\s+"
    r"(?:dump-keychain|find-generic-password\s+.*-w|find-internet-password\s+.*-w)")
UPLOAD_CALL = lazy(r"^(requests|httpx|session|client|s)\.(post|put|patch)$|^(fetch|axios\.post|axios\.put|"
                   r"urlopen|urllib\.request\.urlopen|http\.request|https\.request)$")
CURL_UPLOAD = lazy(r"\s(-d|--data(-binary|-raw|-urlencode)?|-F|--form|-T|--upload-file)\b")
# Prose patterns. English and Chinese; `_quoted_or_described` decides whether a match is an instruction or a mention.
OVERRIDE = lazy(
    r"\b(ignore|disregard|forget|override|bypass)\s+(all\s+|any\s+)?(of\s+)?(the\s+|your\s+|my\s+)?"
    r"(previous|prior|above|earlier|preceding|original|system|safety|existing)\s+(instructions?|prompts?|rules|"
    r"guidelines|directives|context|messages?)|\byou\s+are\s+(now\s+)?(in\s+)?(developer|god|DAN|jailbreak)\s*mode\b|"
    r"\byou\s+are\s+no\s+longer\s+(bound|restricted|an?\s+AI)|"
    r"忽略(之前|以上|前面|先前|上述|所有)的?(所有)?(指令|指示|说明|规则|提示)", re.IGNORECASE,
    needs=("ignore", "disregard", "forget", "override", "bypass", "mode", "longer", "忽略"))
SECRECY = lazy(r"\b(do\s+not|don't|never)\s+(tell|inform|notify|alert|mention|reveal|show|disclose)\b[^.\n]{0,40}"
               r"\b(to\s+)?the\s+user\b|\bwithout\s+(telling|informing|notifying|alerting)\s+the\s+user\b|"
               r"\b(hide|conceal)\s+(this|it|these)\s+from\s+the\s+user\b|不要(告诉|通知|让)用户", re.IGNORECASE,
               needs=("user", "用户"))
SECRET_WORDS = r"(api[ _-]?keys?|tokens?|credentials?|passwords?|secrets?|ssh[ _-]keys?|private[ _-]keys?|" \
               r"env(ironment)?\s+variables?|\.env\b|cookies?|seed phrase|mnemonic|\b[A-Z][A-Z0-9]*_(API_)?KEY)"
SECRET_WORD_LITERALS = ("api", "token", "credential", "password", "secret", "ssh", "private", "env", "cookie", "seed",
                        "mnemonic", "_key")  # one of them is in every match of SECRET_WORDS
SEND_SECRETS = lazy(r"\b(send|post|upload|share|forward|transmit|output|submit|paste)\b[^.\n]{0,80}?\b"
                    + SECRET_WORDS + r"[^.\n]{0,80}?\b(to|at|into)\s+(https?://|[\w-]+\.[a-z]{2,}/)", re.I,
                    needs=SECRET_WORD_LITERALS)
DESCRIBED = lazy(r"(such as|e\.g\.|for example|like|phrases?|patterns?|attempts?|tries|trying|detects?|flags?|"
                 r"blocks?|refuse|reject|never follow|ignore any|watch (out )?for|beware|injection|attack|"
                 r"malicious|example|warn|if (a|the) (skill|page|document|user|text)|says?|contains?|claims?|"
                 r"asks?( you)?|tells?( you)?|instructs?( you)?|wants?( you)?)(\s+to)?\W*$",
                 re.IGNORECASE)
WARNING_CONTEXT = lazy(
    r"\b(never|do not|don't|avoid|bad|wrong|dangerous|malicious|unsafe|insecure|attacks?|attackers?|vulnerab\w*|"
    r"anti-?patterns?|red flags?|exploits?|forbidden|prohibited|detect\w*|threats?|suspicious|evil|instead of|"
    r"examples? of (a |an )?(malicious|attack|dangerous|bad))\b|❌|🚫|⛔", re.IGNORECASE)
SECURITY_TOPIC = lazy(r"inject|attack|threat|detect|malicious|secur|red flag|defen[cs]|phish|scam|jailbreak|"
                      r"manipulat|adversar|untrusted|safety|abuse", re.IGNORECASE)
NOT_WARNING = lazy(r"\b(don't|do not|never) forget\b", re.IGNORECASE)
INVISIBLE_IN_PROSE = lazy(r"[\u200B-\u200D\u2060\u180E\u2062-\u2064\uFEFF\u202A-\u202E\u2066-\u2069"
                          r"\U000E0000-\U000E007F]", long_texts=True)


# --- where a match stands ------------------------------------------------------------------------------------------


def doc_context(path: str) -> str:
    """SKILL.md and references are instructions the agent follows; READMEs, changelogs and docs/ are for humans."""
    return "documentation" if for_people(path) else "instructions"


def is_warning(text: str) -> bool:
    return bool(WARNING_CONTEXT.search(text)) and not NOT_WARNING.search(text)


class _Headings:
    """Whether a section's heading or an enclosing one says something (warns, is about attacks), each heading read
    once per document however many blocks and paragraphs stand under it."""

    def __init__(self, doc: MarkdownDoc, says: Callable[[str], bool]) -> None:
        self.doc = doc
        self.says = says
        self.known: dict[int | None, bool] = {None: False}

    def __call__(self, section: int | None) -> bool:
        if section not in self.known:
            title = self.doc.sections[section].title  # type: ignore[index]
            self.known[section] = self.says(title) or self(self.doc.sections[section].parent)  # type: ignore[index]
        return self.known[section]


def block_context(doc: MarkdownDoc, block: CodeBlock, warned: _Headings) -> str:
    """A fence under a "never do this" heading or paragraph, or marked bad in its own comments, is an example.
    (``warned``: the document's warning headings, made once per document by the caller.)"""
    base = doc_context(doc.file)
    if warned(block.section) or is_warning(doc.intro(block)):
        return "example"
    if block.code is not None and any(is_warning(c.text) for c in block.code.comments[:2]):
        return "example"
    return base


def inline_contexts(doc: MarkdownDoc) -> dict[int, str]:
    """The context of each line holding a command in prose: "example" in a paragraph that warns. Each paragraph is
    read once, however many commands it holds (a line of 20,000 inline commands was quadratic)."""
    wanted = {command.span.line for command in doc.command_lines}
    base = doc_context(doc.file)
    contexts: dict[int, str] = {}
    for paragraph in doc.paragraphs:
        lines = [n for n in range(paragraph.span.line, paragraph.end_line + 1) if n in wanted and n not in contexts]
        if lines:
            context = "example" if is_warning(paragraph.text) else base
            contexts.update(dict.fromkeys(lines, context))
    return {line: contexts.get(line, base) for line in wanted}


class Unit(Struct):
    """One piece of parsed code and where it stands."""

    file: str
    facts: CodeFacts
    context: str  # script | instructions | documentation | example
    text: str  # its source (script file text or fence content)
    first_line: int  # file line of text's first line
    bundled: BundledFile | None = None

    @property
    def where(self) -> str:
        return "script" if self.context == "script" else "fence"


def units(skill: Skill) -> Iterator[Unit]:
    for doc in skill.markdown_docs():
        if any(block.code is not None for block in doc.code_blocks):
            warned = _Headings(doc, is_warning)
            for block in doc.code_blocks:
                if block.code is not None:
                    yield Unit(doc.file, block.code, block_context(doc, block, warned), block.text,
                               block.content_line)
        contexts = inline_contexts(doc) if doc.command_lines else {}
        for line in doc.command_lines:
            yield Unit(doc.file, line.code, contexts[line.span.line], line.text, line.span.line)
    for f in skill.files:
        if f.code is not None and f.text is not None:
            yield Unit(f.path, f.code, "script", f.text, 1, f)


class Prose(Struct):
    """The prose of one Markdown file joined with blank lines, so each pattern runs once per file."""

    file: str
    text: str
    starts: list[int]  # offset of each piece in text
    lines: list[int]  # file line of each piece
    contexts: list[str]

    def locate(self, offset: int) -> tuple[int, str, str]:
        """``(file line, piece text up to the offset, context)`` of an offset in the joined text."""
        index = bisect.bisect_right(self.starts, offset) - 1
        before = self.text[self.starts[index] : offset]
        return self.lines[index] + before.count("\n"), before, self.contexts[index]


def prose_units(skill: Skill) -> Iterator[Prose]:
    """The prose an agent reads: the frontmatter description, then each Markdown file's paragraphs."""
    data = skill.frontmatter.as_read
    if skill.skill_md_path and isinstance(data.get("description"), str):
        yield Prose(skill.skill_md_path, INVISIBLE_IN_PROSE.sub("", data["description"]), [0],
                     [skill.frontmatter.key_lines.get("description", 1)], ["instructions"])
    for doc in skill.markdown_docs():
        paragraphs = doc.paragraphs
        if not paragraphs:
            continue
        context = doc_context(doc.file)
        about_attacks = _Headings(doc, _about_attacks)  # each heading read once
        # hidden characters (none of them ASCII) are reported on their own
        pieces = [p.text if p.text.isascii() else INVISIBLE_IN_PROSE.sub("", p.text) for p in paragraphs]
        starts = list(accumulate([len(text) + 2 for text in pieces[:-1]], initial=0))
        yield Prose(doc.file, "\n\n".join(pieces), starts, [p.span.line for p in paragraphs],
                    ["example" if about_attacks(p.section) else context for p in paragraphs])


def _about_attacks(title: str) -> bool:
    """Prose under a heading about attacks or defences describes injections rather than making them."""
    return SECURITY_TOPIC.search(title) is not None


def quoted_or_described(text: str, start: int) -> bool:  # text: the paragraph up to and past the match
    """The match is quoted, or introduced as something to detect or refuse ("phrases like ...")."""
    before = text[:start]
    if inside_quotation(before) or before.count("`") % 2 \
            or re.search(r"['‘]\s*$", before):
        return True
    return bool(DESCRIBED.search(before[-80:]))


# --- helpers ---------------------------------------------------------------------------------------------------------


def public_ip_host(url: str) -> str | None:
    try:
        host = urlsplit(url).hostname or ""
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if address.is_private or address.is_loopback or address.is_link_local or address.is_unspecified \
            or address.is_reserved or address.is_multicast:
        return None
    return host


def host(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def urls_in(text: str) -> list[str]:
    return re.findall(r"https?://[^\s'\"`<>()|;]+", text)


def reads_stdin_as_program(command: Command) -> bool:
    """``sh``, ``bash -s``, ``python3 -``: the interpreter runs what it reads; ``python3 -m json.tool`` does not."""
    for arg in command.argv[1:]:
        if arg == "--":
            break
        if arg in INLINE_PROGRAM_FLAGS or (arg and not arg.startswith("-")):
            return False
    return True


def line_of(text: str, offset: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, offset)


def pipelines(facts: CodeFacts) -> dict[tuple[int, int], list[Command]]:
    groups: dict[tuple[int, int], list[Command]] = {}
    for command in facts.commands:
        if command.pipeline is not None:
            groups.setdefault(command.pipeline, []).append(command)
    for commands in groups.values():
        commands.sort(key=lambda c: c.pipeline_position or 0)
    return groups


def download_danger(urls: list[str], where: str) -> int:
    """High from a bare IP, plain HTTP or a collection service; otherwise medium in a script, low where shown."""
    if any(public_ip_host(u) or u.startswith("http://") or EXFILTRATION_HOSTS.search(host(u)) for u in urls):
        return 3
    return 2 if where == "script" else 1


def lines_with(text: str, pattern: Pattern) -> Iterator[tuple[int, str]]:
    """``(1-based line, line text)`` of every line where ``pattern`` matches, each line once."""
    return lines_of_spans(text, (m.span() for m in pattern.finditer(text)))


def with_sensitive_path(texts: list[str]) -> list[bool]:
    """Whether SENSITIVE_PATH matches each text, from one scan of the texts joined by line breaks (a script's
    strings: a call each cost more than the scan). The pattern has no anchor, so a match inside one text is a
    match of that text; where a match runs over a line break into the next text (`security` then `dump-keychain`),
    each text is asked alone."""
    found = [False] * len(texts)
    ends = list(accumulate(len(text) + 1 for text in texts))  # each text's end: where its line break is
    for m in SENSITIVE_PATH.finditer("\n".join(texts)):
        index = bisect.bisect_right(ends, m.start())
        if m.end() >= ends[index]:
            return [SENSITIVE_PATH.search(text) is not None for text in texts]
        found[index] = True
    return found


def lines_of_spans(text: str, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, str]]:
    """``(1-based line, text)`` of the lines ``(start, end)`` spans of ``text`` (ascending) are on, each line once;
    a span over a line break gives its lines as one text."""
    position, line = 0, 1
    for start, stop in spans:
        if start < position:
            continue
        begin = text.rfind("\n", 0, start) + 1
        line += text.count("\n", position, begin)
        end = text.find("\n", stop)
        end = len(text) if end < 0 else end
        yield line, text[begin:end]
        position = end


def code_lines_with(text: str, pattern: Pattern) -> Iterator[tuple[int, str]]:
    """``(1-based line, line)`` where ``pattern`` matches, once per line, leaving out comment lines."""
    for number, line in lines_with(text, pattern):
        if not line.lstrip().startswith(("#", "//")):
            yield number, line


def quoted_at(line: str, position: int) -> bool:
    """Whether ``position`` of a shell line is inside quotes (escaped quotes are skipped)."""
    quote = None
    i = 0
    while i < position:
        c = line[i]
        if c == "\\" and quote != "'":
            i += 2
            continue
        if quote is None and c in "'\"":
            quote = c
        elif c == quote:
            quote = None
        i += 1
    return quote is not None


def prints(line: str) -> bool:
    """A line that only prints text: a message naming a setting is not the setting."""
    return line.lstrip().startswith(("echo ", "printf ", "print(", "console.log", "logger.", "log."))


class SecurityFacts(Struct, frozen=True):
    """Where a skill's text stands: its code units and prose units with their contexts."""

    units: tuple[Unit, ...]
    prose: tuple[Prose, ...]
    found: dict = field(default_factory=dict)  # each family's findings, kept by the SC rules


def analyze(skill: Skill) -> SecurityFacts:
    return SecurityFacts(tuple(units(skill)), tuple(prose_units(skill)))


def evaluates_code(name: str) -> bool:
    """A call that runs a string as code: ``exec``, ``eval`` (Python, the browser, Node) or ``Function``."""
    return name in ("exec", "eval", "builtins.exec", "builtins.eval", "window.eval", "global.eval",
                    "globalThis.eval", "Function")


def runs_literal_code(name: str, arguments: str) -> bool:
    """``exec``/``eval``/``Function`` of a string literal: the code is in plain sight, and no rule looks further at
    such a call."""
    return evaluates_code(name) and bool(re.match(r"^\(\s*[rbfu]*(['\"`]).*\1\s*\)$", arguments, re.DOTALL)) \
        and "${" not in arguments


def calls(facts: CodeFacts) -> Iterator[Call]:
    """The calls the security rules look at: all but an ``exec`` of a literal (see :func:`runs_literal_code`)."""
    return (call for call in facts.calls if not runs_literal_code(call.name, call.arguments))


def uploads(facts: CodeFacts) -> bool:
    """Whether the code sends data out: an HTTP POST/PUT-style call, or curl with a body or a file."""
    return any(UPLOAD_CALL.match(c.name) for c in facts.calls) or any(
        c.program == "curl" and CURL_UPLOAD.search(c.text) for c in facts.commands)
