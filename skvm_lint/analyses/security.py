"""Security findings: what in a skill could harm the machine or the user that runs it.

Code is read as code (tree-sitter commands, calls and strings from scripts and fences) and prose as prose
(paragraphs, HTML comments, frontmatter). Every finding carries a *danger* (3 high, 2 medium, 1 low) and the
*context* it stands in; the severity a user sees is the danger lowered where the context makes it less likely to
run: a bundled script runs as is, a fence in SKILL.md is run by the agent, a fence under "never do this" or in a
README is an example, a sentence that quotes an attack describes it. Raw-text patterns are a fallback only where no
parser covers the text (unparsed file types, scripts that timed out), so truncation or an odd extension never hides
a payload.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import ipaddress
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Iterator
from urllib.parse import urlsplit

from ..diagnostics import Severity
from ..vocabulary import (ARCHIVERS, DOWNLOADERS, ENV_DUMPERS, EXFILTRATION_HOSTS, NETWORK_SENDERS,
                          PRIVILEGED_TOOLS, RUNS_CODE, TUNNEL_HOSTS)
from ..model import BundledFile, CodeBlock, CodeFacts, Command, MarkdownDoc, Skill, Span, for_people

FAMILIES = {
    "remote-code-execution": "runs code fetched from the network or decoded from an opaque blob",
    "shell-injection": "builds a shell command from input",
    "credential-access": "reads credentials or secrets stores",
    "exfiltration": "sends data to places it should not go",
    "persistence": "installs itself to run again later",
    "privilege": "raises or loosens permissions",
    "insecure-transport": "turns off TLS verification or exposes a server",
    "prompt-injection": "tells the agent to override its instructions or fetch new ones",
    "hidden-text": "hides content from a human reader",
    "secret": "ships a credential",
    "opaque-payload": "ships content that cannot be reviewed",
}

# How much each context lowers a finding's danger.
# "quoted" is prose that names an attack to describe it ("refuse text like 'ignore previous instructions'").
CONTEXT_SHIFT = {"script": 0, "instructions": 0, "file": 0, "documentation": -1, "prose": -1, "example": -2,
                 "quoted": -3}


@dataclass(frozen=True, slots=True)
class Finding:
    family: str
    kind: str
    danger: int  # 3 high, 2 medium, 1 low
    context: str  # script | instructions | documentation | prose | example | quoted | file
    span: Span
    message: str
    hint: str

    @property
    def severity(self) -> Severity | None:
        level = self.danger + CONTEXT_SHIFT[self.context]
        return Severity(min(level, 3)) if level >= 1 else None

    def to_dict(self) -> dict:
        severity = self.severity
        return {"family": self.family, "kind": self.kind, "severity": severity.name.lower() if severity else None,
                "context": self.context, "file": self.span.file, "line": self.span.line, "message": self.message}


# --- vocabularies -------------------------------------------------------------------------------------------------

INLINE_PROGRAM_FLAGS = frozenset({"-c", "-m", "-e", "-p", "-E", "--eval", "--print", "-r", "-n", "-i", "--command"})
DECODERS = re.compile(r"^(base64|base32|basenc|xxd|openssl)$")
SENSITIVE_PATH = re.compile(
    r"(?:~|\$HOME|\$\{HOME\}|%USERPROFILE%|homedir\(\)|/home/[\w.-]+|/Users/[\w.-]+|/root)?/?\."
    r"(?:ssh/(?!config\b|known_hosts\b|authorized_keys\b)(?![\w.*-]*\.pub\b)[\w.*-]*|aws/credentials|gnupg\b|kube/config|"
    r"docker/config\.json|azure/|netrc\b|git-credentials|pgpass|config/gcloud|password-store|"
    r"electrum/wallets|bitcoin/wallet|ethereum/keystore|config/solana/id\.json|"
    r"(openclaw|clawdbot|moltbot)/([\w.*-]+/)*auth-profiles\.json)"
    r"|(?:Login Data|cookies\.sqlite|logins\.json|key4\.db|Local State)\b|Library/Keychains|security\s+"
    r"(?:dump-keychain|find-generic-password\s+.*-w|find-internet-password\s+.*-w)")
# The agent's main configuration: skills legitimately read their own API key from it, so reading it is only
# reported when the whole file is piped to the network.
AGENT_CONFIG = re.compile(r"(openclaw|clawdbot|moltbot)/(openclaw|clawdbot|moltbot)\.json")
STARTUP_PATH = re.compile(r"(/etc/systemd/system/|\.config/systemd/user/|Library/LaunchAgents|Library/LaunchDaemons|"
                          r"/etc/cron\.|/etc/crontab|/etc/init\.d/|/etc/rc\.local|\.config/autostart|"
                          r"CurrentVersion\\\\?Run)")
RC_EDIT = re.compile(r">>?\s*[\"']?(?:~|\$HOME|\$\{HOME\})/\.(bashrc|zshrc|profile|bash_profile|zprofile|zshenv|"
                     r"bash_login|config/fish/config\.fish)\b")
REVERSE_SHELL = re.compile(r"/dev/(tcp|udp)/[^\s/]+/[$\w{}]+|\b(nc|ncat|netcat)\b[^\n|;]*\s-[a-z]*e\s*/bin/(ba)?sh|"
                           r"\bsocat\b[^\n]*exec:[\"']?(/bin/)?(ba)?sh|\bsh\s+-i\s+[<>]&")
RAW_DOWNLOAD_TO_SHELL = re.compile(
    r"\b(curl|wget)\b[^\n|;&]*\|\s*(?:sudo\s+(?:-\S+\s+)*)?(?:ba|z|da|k)?sh\b(?!\s+-c)|"
    r"\b(?:ba|z)?sh\s+<\(\s*(?:curl|wget)\b|\b(?:iex|Invoke-Expression)\b[^\n]{0,80}"
    r"\b(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod|DownloadString)\b|"
    r"\b(?:iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b[^\n|]*\|\s*(?:iex|Invoke-Expression)\b", re.IGNORECASE)
RAW_HINTS = ("curl", "wget", "iex", "IEX", "Invoke-", "/dev/tcp", "/dev/udp", "nc ", "ncat", "socat")
TLS_OFF_TEXT = re.compile(r"NODE_TLS_REJECT_UNAUTHORIZED\s*=\s*['\"]?0|PYTHONHTTPSVERIFY\s*=\s*['\"]?0|"
                          r"rejectUnauthorized\s*:\s*false|sslVerify\s*[= ]\s*false|strict-ssl\s+false|"
                          r"_create_unverified_context|CERT_NONE|check_hostname\s*=\s*False|InsecureSkipVerify:\s*true")
ALL_INTERFACES = re.compile(r"(?:host\s*=\s*|--host[= ]|--bind[= ]|-H\s+|listen\([^)]*)['\"]?0\.0\.0\.0\b")
WRITE_CALL = re.compile(r"open\(|writeFile|write_text|copy|move")
AUTH_HINT = re.compile(r"auth|token|password|api[_-]?key", re.IGNORECASE)
CONSTANT_EXPRESSION = re.compile(r"^([A-Z][A-Z0-9_]*|__dirname|__filename|path\.(join|resolve)\(__dirname[^()]*\))$")
# Malware campaigns on hubs ask users to fetch a password-protected archive or an executable and run it.
PROTECTED_DOWNLOAD = re.compile(
    r"https?://\S{1,500}?\.(zip|rar|7z|exe|msi|dmg|pkg|scr)\b(?:.|\n){0,240}?\bpass(word|code)?\b\s*[:=*]|"
    r"\bpass(word|code)?\b\s*[:=*](?:.|\n){0,240}?https?://\S{1,500}?\.(zip|rar|7z|exe|msi|dmg|pkg|scr)\b|"
    r"\b\w+\.(exe|zip)\b\s*\(\s*password\s*:", re.IGNORECASE)
DOWNLOAD_AND_RUN = re.compile(r"\bdownload\b[^\n]{0,30}\b(and\s+)?(run|execute|launch|open|install)\b[^\n]{0,60}"
                              r"\.(exe|msi|scr|dmg|pkg|app|bat|cmd)\b", re.IGNORECASE)
# require(path.join(__dirname, ...)) and require(`./lib/${name}.js`) load the skill's own files.
LOCAL_MODULE_PATH = re.compile(r"^\(\s*(path\.(join|resolve)\(|__dirname|`\.{1,2}/|['\"]\.{1,2}/[^'\"]*['\"]\s*\+)")
DECODE_CALL = re.compile(r"b64decode|decodebytes|a85decode|b32decode|fromhex|unhexlify|zlib\.decompress|"
                         r"marshal\.loads|codecs\.decode|atob\(|Buffer\.from\([^)]*['\"](base64|hex)['\"]")
FETCH_CALL = re.compile(r"urlopen|requests\.(get|post)|httpx\.|urllib|\.text\b|\.content\b|\.read\(\)|fetch\(|"
                        r"axios|http\.get|https\.get")
UPLOAD_CALL = re.compile(r"^(requests|httpx|session|client|s)\.(post|put|patch)$|^(fetch|axios\.post|axios\.put|"
                         r"urlopen|urllib\.request\.urlopen|http\.request|https\.request)$")
CURL_UPLOAD = re.compile(r"\s(-d|--data(-binary|-raw|-urlencode)?|-F|--form|-T|--upload-file)\b")

# Prose patterns. English and Chinese; `_quoted_or_described` decides whether a match is an instruction or a mention.
OVERRIDE = re.compile(
    r"\b(ignore|disregard|forget|override|bypass)\s+(all\s+|any\s+)?(of\s+)?(the\s+|your\s+|my\s+)?"
    r"(previous|prior|above|earlier|preceding|original|system|safety|existing)\s+(instructions?|prompts?|rules|"
    r"guidelines|directives|context|messages?)|\byou\s+are\s+(now\s+)?(in\s+)?(developer|god|DAN|jailbreak)\s*mode\b|"
    r"\byou\s+are\s+no\s+longer\s+(bound|restricted|an?\s+AI)|"
    r"忽略(之前|以上|前面|先前|上述|所有)的?(所有)?(指令|指示|说明|规则|提示)", re.IGNORECASE)
SECRECY = re.compile(r"\b(do\s+not|don't|never)\s+(tell|inform|notify|alert|mention|reveal|show|disclose)\b[^.\n]{0,40}"
                     r"\b(to\s+)?the\s+user\b|\bwithout\s+(telling|informing|notifying|alerting)\s+the\s+user\b|"
                     r"\b(hide|conceal)\s+(this|it|these)\s+from\s+the\s+user\b|不要(告诉|通知|让)用户", re.IGNORECASE)
SECRET_WORDS = r"(api[ _-]?keys?|tokens?|credentials?|passwords?|secrets?|ssh[ _-]keys?|private[ _-]keys?|" \
               r"env(ironment)?\s+variables?|\.env\b|cookies?|seed phrase|mnemonic|\b[A-Z][A-Z0-9]*_(API_)?KEY)"
SECRETS_OR_URL = re.compile(SECRET_WORDS + r"|https?://", re.IGNORECASE)
SEND_SECRETS = re.compile(r"\b(send|post|upload|share|forward|transmit|output|submit|paste)\b[^.\n]{0,80}?\b"
                          + SECRET_WORDS + r"[^.\n]{0,80}?\b(to|at|into)\s+(https?://|[\w-]+\.[a-z]{2,}/)", re.I)
COLLECT_SECRETS = re.compile(r"\b(list|collect|gather|compile|dump|check|read|extract|harvest|find)\b[^.\n]{0,40}"
                             r"\b(all\s+|any\s+|every\s+|your\s+)" + SECRET_WORDS, re.I)
SEND_TO_URL = re.compile(r"\b(post|send|upload|submit|forward|transmit)\b[^.\n]{0,60}?\b(https?://\S+)", re.I)
FETCH_AND_FOLLOW = re.compile(r"\b(fetch|download|read|load|retrieve|get|curl|visit|open)\b[^.\n]{0,80}https?://\S+"
                              r"[^.\n]{0,60}\b(and|then)\s+(follow|execute|obey|run|do|apply)\s+(the\s+|its\s+|any\s+|"
                              r"all\s+|those\s+|these\s+)?(instructions|commands|steps|directions)", re.IGNORECASE)
DESCRIBED = re.compile(r"(such as|e\.g\.|for example|like|phrases?|patterns?|attempts?|tries|trying|detects?|flags?|"
                       r"blocks?|refuse|reject|never follow|ignore any|watch (out )?for|beware|injection|attack|"
                       r"malicious|example|warn|if (a|the) (skill|page|document|user|text)|says?|contains?|claims?|"
                       r"asks?( you)?|tells?( you)?|instructs?( you)?|wants?( you)?)(\s+to)?\W*$",
                       re.IGNORECASE)
WARNING_CONTEXT = re.compile(
    r"\b(never|do not|don't|avoid|bad|wrong|dangerous|malicious|unsafe|insecure|attacks?|attackers?|vulnerab\w*|"
    r"anti-?patterns?|red flags?|exploits?|forbidden|prohibited|detect\w*|threats?|suspicious|evil|instead of|"
    r"examples? of (a |an )?(malicious|attack|dangerous|bad))\b|❌|🚫|⛔", re.IGNORECASE)
SECURITY_TOPIC = re.compile(r"inject|attack|threat|detect|malicious|secur|red flag|defen[cs]|phish|scam|jailbreak|"
                            r"manipulat|adversar|untrusted|safety|abuse", re.IGNORECASE)
NOT_WARNING = re.compile(r"\b(don't|do not|never) forget\b", re.IGNORECASE)
AGENT_DIRECTIVE = re.compile(r"\b(agent|assistant|AI|Claude|LLM|model|GPT|Codex|you)\b[^.\n]{0,40}\b(must|should|shall|"
                             r"need to|always|never|will|are to)\b|\b(run|execute|curl|fetch|send|post|download)\b"
                             r"[^.\n]{0,60}https?://", re.IGNORECASE)
LINT_COMMENT = re.compile(r"^\s*(skvm-lint|markdownlint|prettier|eslint|toc|end ?toc|begin|end|@|#region|#endregion|"
                          r"vale|textlint|cspell|omit|include|snippet|auto-generated|generated|badges?)\b", re.I)
DATA_URI = re.compile(r"data:(text/[\w.+-]+|application/(javascript|json|x-sh))[^,;)]*;base64,([A-Za-z0-9+/=]{16,})")

# Secrets: well-known token formats (high confidence) and long random values assigned to secret-looking names.
# (label, literals one of which must be present, pattern): the literals make most files cost a few
# substring searches instead of ten regex scans.
TOKEN_FORMATS = (
    ("private key", ("PRIVATE KEY",), re.compile(r"-----BEGIN (RSA |EC |OPENSSH |DSA |PGP |ENCRYPTED )?PRIVATE KEY( BLOCK)?-----"
                               r"\s*\n\s*[A-Za-z0-9+/=]{40,}")),
    ("AWS access key", ("AKIA", "ASIA"), re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b(?<!EXAMPLE)")),
    ("GitHub token", ("gh", "github_pat_"), re.compile(r"\b(gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,})\b")),
    ("OpenAI API key", ("sk-",), re.compile(r"\bsk-(proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}|"
                                  r"\bsk-proj-[A-Za-z0-9_-]{60,}")),
    ("Anthropic API key", ("sk-ant-",), re.compile(r"\bsk-ant-(api|admin)\d\d-[A-Za-z0-9_-]{80,}")),
    ("Slack token", ("xox", "hooks.slack.com"), re.compile(r"\bxox[baprse]-\d{6,}-[0-9A-Za-z-]{10,}|hooks\.slack\.com/services/T[0-9A-Z]{6,}/"
                               r"B[0-9A-Z]{6,}/[0-9A-Za-z]{20,}")),
    ("Google API key", ("AIza",), re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b")),
    ("Stripe live key", ("_live_",), re.compile(r"\b(sk|rk)_live_[0-9a-zA-Z]{24,}\b")),
    ("Telegram bot token", (":AA",), re.compile(r"\b\d{8,10}:AA[A-Za-z0-9_-]{33}\b")),
    ("wallet private key", ("rivate", "RIVATE", "ecret", "ECRET", "allet", "ALLET"),
     re.compile(r"(?i)\b(private[_ -]?key|secret[_ -]?key|wallet[_ -]?key)\W{1,6}"
                                      r"(0x)?(?!0{64})[0-9a-f]{64}\b")),
)
SECRET_ASSIGNMENT = re.compile(
    r"(?i)\b([A-Z0-9_]*(?:api[_-]?key|secret|token|passw(?:or)?d|access[_-]?key|private[_-]?key|client[_-]?secret)"
    r"[A-Z0-9_]*)['\"]?\s*[:=]\s*(?:(['\"])([A-Za-z0-9+/_\-.~]{20,})\2|(?<=[=])([A-Za-z0-9+/_\-.~]{20,})\s*$)",
    re.MULTILINE)
# "token" as in a currency: its address or mint is public, not a secret.
CURRENCY_TOKEN = re.compile(r"(?i)^(spl|erc20|buy|sell|from|to|base|quote|input|output|pay)_?token$|"
                            r"token_?(address|mint|id|symbol|contract)$")
IDENTIFIER_VALUE = re.compile(r"(?i)0x[0-9a-f]{40}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
SECRET_KEYWORD = re.compile(r"(?i)key|secret|token|passw")
PLACEHOLDER = re.compile(r"(?i)your|xxx|example|sample|dummy|fake|test|placeholder|replace|changeme|here|token_|"
                         r"address|contract|^[a-z0-9]+([_-][a-z0-9]+){2,}$|"
                         r"<|\$|\{|\.\.\.|abc|123456|000000|secret_?key|api_?key|process\.env|environ|getenv")

INVISIBLE = {
    "tag": re.compile(r"(?<![\U0001F3F4\U000E0020-\U000E007F])[\U000E0020-\U000E007F]+"),
    "bidi": re.compile(r"[\u202A-\u202E\u2066-\u2069]+"),
    "zero-width": re.compile(r"[\u200B\u200D\u2060\u180E\u2062-\u2064]+|(?<=.)\uFEFF", re.DOTALL),
}
INVISIBLE_IN_PROSE = re.compile(r"[\u200B-\u200D\u2060\u180E\u2062-\u2064\uFEFF\u202A-\u202E\u2066-\u2069"
                                r"\U000E0000-\U000E007F]")
EMOJI = re.compile(r"[\u2190-\u2BFF\U0001F000-\U0001FAFF\uFE0F]")
# Both start only where a run starts and never give back what they took: a file of nothing but blank lines or
# spaces is one linear scan, not one per position.
BLANK_RUN = re.compile(r"(?<![ \t\n])[ \t]*+\n(?:[ \t]*+\n){300,}+(?=[ \t]*\S)")
PADDING_SPACES = re.compile(r"(?<![ \t\u00A0\u3000])[ \t\u00A0\u3000]{200,}+(?=[^\s|][^\n|]*\w|\w)")  # not a table cell
CONFUSABLE_SCRIPTS = ("CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE")

EXECUTABLE_MAGIC = frozenset({"elf", "pe", "mach-o", "wasm", "pyc"})
ARCHIVE_MAGIC = frozenset({"zip", "gzip", "7z", "rar", "bzip2", "xz"})
OFFICE_EXTENSIONS = (".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".epub", ".key", ".numbers", ".pages")
MEDIA_MAGIC = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".gif": "gif", ".pdf": "pdf", ".webp": "riff",
               ".wav": "riff"}
EXECUTABLE_EXTENSIONS = (".exe", ".dll", ".so", ".dylib", ".bin", ".com", ".scr", ".msi", ".jar", ".apk", ".dmg")


# --- where a match stands ------------------------------------------------------------------------------------------

def _doc_context(path: str) -> str:
    """SKILL.md and references are instructions the agent follows; READMEs, changelogs and docs/ are for humans."""
    return "documentation" if for_people(path) else "instructions"


def _is_warning(text: str) -> bool:
    return bool(WARNING_CONTEXT.search(text)) and not NOT_WARNING.search(text)


def _block_context(doc: MarkdownDoc, block: CodeBlock) -> str:
    """A fence under a "never do this" heading or paragraph, or marked bad in its own comments, is an example."""
    base = _doc_context(doc.file)
    index = block.section
    while index is not None:
        section = doc.sections[index]
        if _is_warning(section.title):
            return "example"
        index = section.parent
    before = [p for p in doc.paragraphs if p.end_line < block.span.line and p.section == block.section]
    if before and block.span.line - before[-1].end_line <= 2 and _is_warning(before[-1].text):
        return "example"
    if block.code is not None and any(_is_warning(c.text) for c in block.code.comments[:2]):
        return "example"
    return base


def _inline_context(doc: MarkdownDoc, line: int) -> str:
    for p in doc.paragraphs:
        if p.span.line <= line <= p.end_line:
            return "example" if _is_warning(p.text) else _doc_context(doc.file)
    return _doc_context(doc.file)


@dataclass(slots=True)
class _Unit:
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


def _units(skill: Skill) -> Iterator[_Unit]:
    for doc in skill.markdown_docs():
        for block in doc.code_blocks:
            if block.code is not None:
                yield _Unit(doc.file, block.code, _block_context(doc, block), block.text, block.content_line)
        for inline in doc.inline_code:
            if inline.code is not None:
                yield _Unit(doc.file, inline.code, _inline_context(doc, inline.span.line), inline.text,
                            inline.span.line)
    for f in skill.files:
        if f.code is not None and f.text is not None:
            yield _Unit(f.path, f.code, "script", f.text, 1, f)


# --- helpers ---------------------------------------------------------------------------------------------------------

def _public_ip_host(url: str) -> str | None:
    try:
        host = urlsplit(url).hostname or ""
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if address.is_private or address.is_loopback or address.is_link_local or address.is_unspecified \
            or address.is_reserved or address.is_multicast:
        return None
    return host


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def _urls_in(text: str) -> list[str]:
    return re.findall(r"https?://[^\s'\"`<>()|;]+", text)


def _reads_stdin_as_program(command: Command) -> bool:
    """``sh``, ``bash -s``, ``python3 -``: the interpreter runs what it reads; ``python3 -m json.tool`` does not."""
    for arg in command.argv[1:]:
        if arg == "--":
            break
        if arg in INLINE_PROGRAM_FLAGS or (arg and not arg.startswith("-")):
            return False
    return True


def _line_of(text: str, offset: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, offset)


def _entropy(value: str) -> float:
    counts = Counter(value)
    return -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())


class _Collector:
    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.seen: set[tuple[str, str, int]] = set()

    def add(self, family: str, kind: str, danger: int, context: str, span: Span, message: str, hint: str) -> None:
        key = (kind, span.file, span.line)
        if key in self.seen:
            return
        self.seen.add(key)
        self.findings.append(Finding(family, kind, danger, context, span, message, hint))

    def covered(self, kind: str, file: str, line: int) -> bool:
        return (kind, file, line) in self.seen


# --- detectors over parsed code ---------------------------------------------------------------------------------------

def _pipelines(facts: CodeFacts) -> dict[tuple[int, int], list[Command]]:
    groups: dict[tuple[int, int], list[Command]] = {}
    for command in facts.commands:
        if command.pipeline is not None:
            groups.setdefault(command.pipeline, []).append(command)
    for commands in groups.values():
        commands.sort(key=lambda c: c.pipeline_position or 0)
    return groups


def _download_danger(urls: list[str], where: str) -> int:
    """High from a bare IP, plain HTTP or a collection service; otherwise medium in a script, low where shown."""
    if any(_public_ip_host(u) or u.startswith("http://") or EXFILTRATION_HOSTS.search(_host(u)) for u in urls):
        return 3
    return 2 if where == "script" else 1


def _check_commands(unit: _Unit, out: _Collector) -> None:
    facts = unit.facts
    for commands in _pipelines(facts).values():
        programs = [c.program.lower() for c in commands]
        for i, command in enumerate(commands):
            if i == 0 or command.program.lower() not in RUNS_CODE or not _reads_stdin_as_program(command):
                continue
            upstream = commands[:i]
            if any(p in DOWNLOADERS for p in programs[:i]):
                urls = [u for c in upstream for u in _urls_in(c.text)]
                where = ", ".join(urls[:1]) or "a download"
                out.add("remote-code-execution", "download-to-shell", _download_danger(urls, unit.where), unit.context,
                        command.span, f"{where} is piped into `{command.program}`: whatever the server returns runs "
                        "with the user's rights", "download to a file, check its checksum or signature, then run it; "
                        "or install from a package manager")
            elif any(DECODERS.match(p) for p in programs[:i]) and any(
                    a in ("-d", "--decode", "-D", "-r", "-p") or "-d" == a[:2] for c in upstream for a in c.argv[1:]):
                out.add("remote-code-execution", "decode-to-shell", 3, unit.context, command.span,
                        f"decoded data is piped into `{command.program}`: the code that runs is hidden from review",
                        "ship the script in clear text under scripts/")
        if programs and programs[0] in ENV_DUMPERS and len(commands[0].argv) == 1 and \
                any(p in NETWORK_SENDERS for p in programs[1:]):
            out.add("exfiltration", "environment-to-network", 3, unit.context, commands[0].span,
                    "the whole environment (every API key and token in it) is sent over the network",
                    "send only the variables the service needs")
        if programs and programs[0] in ARCHIVERS and any(p in NETWORK_SENDERS for p in programs[1:]):
            out.add("exfiltration", "archive-upload", 2, unit.context, commands[0].span,
                    "an archive of local files is streamed to a remote host", "upload only the files the task names")
        if programs and programs[0] in ("cat", "tac", "head", "tail", "base64") and \
                (SENSITIVE_PATH.search(commands[0].text) or AGENT_CONFIG.search(commands[0].text)) and \
                any(p in NETWORK_SENDERS for p in programs[1:]):
            out.add("exfiltration", "credentials-to-network", 3, unit.context, commands[0].span,
                    f"`{commands[0].text[:80]}` reads credentials and pipes them to the network",
                    "never send credential files anywhere; use the service's own login flow")
    for command in facts.commands:
        program = command.program.lower()
        text = command.text
        if program in RUNS_CODE | {"eval"} and re.search(r"(<\(|\$\(|`)\s*(curl|wget|iwr|irm)\b", text):
            urls = _urls_in(text)
            out.add("remote-code-execution", "download-substitution", _download_danger(urls, unit.where), unit.context,
                    command.span, f"`{program}` runs the output of a download ({', '.join(urls[:1]) or 'a URL'})",
                    "download to a file, verify it, then run it")
        elif program == "eval" and re.search(r"\$(\{?\w|@)", " ".join(command.argv[1:])) and \
                not re.search(r"\$\(|`", text):
            out.add("shell-injection", "eval-variable", 2, unit.context, command.span,
                    "`eval` of a variable runs whatever text the variable holds", "call the command directly; "
                    "pass data as quoted arguments")
        if program == "curl" and CURL_UPLOAD.search(text) and re.search(r"@\s*['\"]?(~|\$HOME|\$\{HOME\}|/etc/)", text):
            out.add("exfiltration", "home-upload", 3 if SENSITIVE_PATH.search(text) else 2, unit.context,
                    command.span, "uploads a file from the user's home or /etc", "upload only files the task names")
        if program in ("scp", "rsync") and re.search(r"\s(-\w*r\w*|-a\w*)\s+['\"]?(~|\$HOME)/?['\"]?\s", text + " "):
            out.add("exfiltration", "home-upload", 2, unit.context, command.span,
                    "copies the whole home folder to another host", "copy only the files the task names")
        if program == "crontab" and any(a not in ("-l", "-u") and not a.startswith("-l") for a in command.argv[1:]):
            out.add("persistence", "cron", 2 if unit.where == "script" else 1, unit.context, command.span,
                    "installs a cron job that keeps running after the task", "schedule only with the user's "
                    "explicit consent, and document how to remove it")
        elif program == "launchctl" and any(a in ("load", "bootstrap", "enable", "submit") for a in command.argv[1:]):
            out.add("persistence", "launchd", 2 if unit.where == "script" else 1, unit.context, command.span,
                    "registers a launchd job that starts on its own", "ask before installing background services")
        elif program == "systemctl" and "enable" in command.argv[1:]:
            out.add("persistence", "systemd", 2 if unit.where == "script" else 1, unit.context, command.span,
                    "enables a systemd unit that starts at every boot", "ask before installing background services")
        elif program in ("schtasks", "update-rc.d", "chkconfig") and len(command.argv) > 1:
            out.add("persistence", "service", 2 if unit.where == "script" else 1, unit.context, command.span,
                    f"`{program}` registers a program to start on its own", "ask before installing background "
                    "services")
        if program == "chmod":
            mode = " ".join(command.argv[1:])
            if re.search(r"(^|\s)([ugoa]*\+[rwx]*s|[24][0-7]{3})\b", mode):
                out.add("privilege", "setuid", 3 if unit.where == "script" else 2, unit.context, command.span,
                        "sets the setuid/setgid bit: the program then runs with its owner's rights",
                        "never set setuid on files a skill ships")
            elif re.search(r"(^|\s)(0?777|0?666|a\+rwx|o\+w|a\+w)\b", mode):
                out.add("privilege", "world-writable", 2 if unit.where == "script" else 1, unit.context,
                        command.span, f"`chmod {mode}` lets every user on the machine change the files",
                        "grant only what is needed (e.g. `chmod 755` or `u+x`)")
        if command.via == "sudo" and program not in PRIVILEGED_TOOLS and unit.where == "script" and \
                not re.search(r"/etc/sudoers|NOPASSWD", text):
            out.add("privilege", "sudo", 1, unit.context, command.span,
                    f"the script runs `{program}` as root", "say in SKILL.md why root is needed, or avoid it")
        if program in ("tee", "cp", "mv", "install", "ln") and STARTUP_PATH.search(text):
            out.add("persistence", "startup-file", 2 if unit.where == "script" else 1, unit.context, command.span,
                    "writes into a folder the system starts programs from", "ask before installing background "
                    "services")
        if program in ("tee", "cp", "mv", "sed") and re.search(r"/etc/sudoers|NOPASSWD", text):
            out.add("privilege", "sudoers", 3, unit.context, command.span, "edits sudo rules",
                    "a skill must never change who may become root")
        if program == "curl" and re.search(r"\s(-k|--insecure)\b", text) or \
                program == "wget" and "--no-check-certificate" in text:
            out.add("insecure-transport", "tls-disabled", 2 if unit.where == "script" else 1, unit.context,
                    command.span, f"`{program}` with certificate checks turned off: anyone on the path can "
                    "change the response", "remove the flag; fix the certificate or pin it")
    _check_urls(unit, out)


def _check_urls(unit: _Unit, out: _Collector) -> None:
    for url in unit.facts.urls:
        host = _public_ip_host(url.url)
        if host and host not in ("1.1.1.1", "8.8.8.8", "8.8.4.4", "9.9.9.9"):
            out.add("exfiltration", "raw-ip-endpoint", 2 if unit.where == "script" else 1, unit.context, url.span,
                    f"talks to a bare IP address ({host}) instead of a named host: nothing tells the user whose "
                    "server it is", "use the service's domain name over HTTPS")
        elif EXFILTRATION_HOSTS.search(_host(url.url)):
            out.add("exfiltration", "collection-endpoint", 3 if unit.where == "script" else 2, unit.context,
                    url.span, f"sends to {_host(url.url)}, a request-collection service often used to receive "
                    "stolen data", "use the real service's domain")
        elif TUNNEL_HOSTS.search(_host(url.url)):
            out.add("exfiltration", "tunnel-endpoint", 2 if unit.where == "script" else 1, unit.context, url.span,
                    f"talks to {_host(url.url)}, a throw-away tunnel name: nothing tells the user whose machine it is",
                    "use the service's own domain; keep tunnels to local development")


def _check_calls(unit: _Unit, out: _Collector) -> None:
    facts = unit.facts
    language = facts.language
    file_decodes = any(DECODE_CALL.search(c.name + "(" + c.arguments) for c in facts.calls)
    file_fetches = any(FETCH_CALL.search(c.name + "(") for c in facts.calls)
    file_uploads = any(UPLOAD_CALL.match(c.name) for c in facts.calls) or any(
        c.program == "curl" and CURL_UPLOAD.search(c.text) for c in facts.commands)
    for call in facts.calls:
        name, args = call.name, call.arguments
        short = name.rsplit(".", 1)[-1]
        if short in ("exec", "eval") and name in ("exec", "eval", "builtins.exec", "builtins.eval", "window.eval",
                                                   "global.eval", "globalThis.eval") or name in ("Function",):
            literal = re.match(r"^\(\s*[rbfu]*(['\"`]).*\1\s*\)$", args, re.DOTALL) and "${" not in args
            if literal:
                continue
            if DECODE_CALL.search(args) or (file_decodes and not FETCH_CALL.search(args)):
                out.add("remote-code-execution", "exec-decoded", 3, unit.context, call.span,
                        f"`{name}` runs code decoded from an opaque string: what runs is hidden from review",
                        "ship the code in clear text")
            elif FETCH_CALL.search(args) or file_fetches:
                out.add("remote-code-execution", "exec-downloaded", 3 if FETCH_CALL.search(args) else 2,
                        unit.context, call.span, f"`{name}` runs code that may come from the network",
                        "never execute downloaded text; parse it as data")
        elif name in ("__import__", "importlib.import_module") and re.search(r"['\"](subprocess|os|pty|socket)['\"]",
                                                                          args):
            out.add("remote-code-execution", "obfuscated-import", 2, unit.context, call.span,
                    f"`{name}` imports a process or network module by string, which hides it from readers",
                    "import it plainly")
        elif name == "getattr" and re.search(r"builtins.*['\"](exec|eval|__import__|compile)['\"]", args):
            out.add("remote-code-execution", "obfuscated-exec", 3, unit.context, call.span,
                    "looks up exec/eval by name to hide a dynamic code call", "remove the dynamic call")
        elif name == "require" and args and not re.match(r"^\(\s*['\"`][^'\"`$]*['\"`]\s*\)$", args) and \
                not LOCAL_MODULE_PATH.match(args) and language in ("javascript", "typescript"):
            out.add("remote-code-execution", "obfuscated-import", 2, unit.context, call.span,
                    "`require` of a computed module name hides which module is loaded", "require modules by name")
        if name in ("os.system", "os.popen", "subprocess.run", "subprocess.call", "subprocess.Popen",
                    "subprocess.check_output", "subprocess.check_call") and \
                (name.startswith("os.") or "shell=True" in args.replace(" ", "")):
            if re.match(r"^\(\s*f['\"]", args) and "{" in args or re.search(r"['\"]\s*(%|\+)\s*\w|\.format\(",
                                                                             args.split(",")[0]):
                out.add("shell-injection", "interpolated-shell", 2, unit.context, call.span,
                        f"`{name}` runs a shell command built from values by string formatting: a value with ; or "
                        "$( ) runs its own commands", "pass an argument list without shell=True "
                        "(subprocess.run([...]))")
        if short in ("exec", "execSync") and language in ("javascript", "typescript") and \
                re.match(r"^\(\s*(`[^`]*\$\{|['\"][^'\"]*['\"]\s*\+)", args) and not _constant_template(args):
            out.add("shell-injection", "interpolated-shell", 2, unit.context, call.span,
                    f"`{name}` runs a shell command built from values: a value with ; or $( ) runs its own commands",
                    "use execFile/spawn with an argument array")
        if re.search(r"verify\s*=\s*False", args):
            out.add("insecure-transport", "tls-disabled", 2 if unit.where == "script" else 1, unit.context,
                    call.span, f"`{name}` with verify=False: anyone on the path can change the response",
                    "remove verify=False; pass the CA bundle if the server uses a private CA")
        if UPLOAD_CALL.match(name) and re.search(r"os\.environ(?!\s*(\.get|\[))|dict\(os\.environ\)|"
                                                r"process\.env(?!\.|\[)", args):
            out.add("exfiltration", "environment-to-network", 3, unit.context, call.span,
                    "the whole environment (every API key and token in it) is sent over the network",
                    "send only the variables the service needs")
    # A path, not a message that names one ("Error: ~/.aws/credentials not found").
    sensitive = [s for s in facts.strings if not re.search(r"\s", s.value) and SENSITIVE_PATH.search(s.value)]
    for string in sensitive[:3]:
        if unit.where == "script":
            danger = 3 if file_uploads or facts.urls else 1
            out.add("credential-access", "credential-file", danger, unit.context, string.span,
                    f"reads `{string.value[:60]}`"
                    + (" and sends data over the network in the same file" if danger == 3 else ""),
                    "a skill should get credentials from the service's login flow or a documented variable")
    if language in ("javascript", "typescript") and re.search(
            r"Object\.(entries|keys|values)\(process\.env\)|JSON\.stringify\(process\.env\)", unit.text) and \
            (file_uploads or facts.urls):
        index = re.search(r"Object\.(entries|keys|values)\(process\.env\)|JSON\.stringify\(process\.env\)",
                          unit.text).start()
        out.add("exfiltration", "environment-harvest", 3, unit.context,
                Span(unit.file, _line_of(unit.text, index, unit.first_line)),
                "collects environment variables in bulk in a file that also talks to the network",
                "read only the variables the skill documents")
    for string in facts.strings:
        decoded = _decode_escapes(string.value)
        if decoded and re.search(r"\b(child_process|execSync|exec|spawn|subprocess|eval)\b", decoded):
            out.add("remote-code-execution", "escaped-name", 3, unit.context, string.span,
                    f"an escaped string spells `{decoded[:40]}`, hiding a process call from readers",
                    "write names plainly")


def _constant_template(args: str) -> bool:
    """A template whose every `${...}` is a constant (`SCRIPT_DIR`, `__dirname`, `path.join(__dirname, ...)`)."""
    template = re.match(r"^\(\s*`([^`]*)`", args)
    if template is None:
        return False
    expressions = re.findall(r"\$\{([^}]*)\}", template.group(1))
    return bool(expressions) and all(CONSTANT_EXPRESSION.match(e.strip()) for e in expressions)


def _decode_escapes(value: str) -> str | None:
    if not re.fullmatch(r"(\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4})+", value):
        return None
    try:
        return value.encode("ascii").decode("unicode_escape")
    except (UnicodeDecodeError, ValueError):
        return None


def _code_lines_with(text: str, pattern: re.Pattern) -> Iterator[tuple[int, str]]:
    """``(1-based line, line)`` where ``pattern`` matches, once per line, leaving out comment lines."""
    for number, line in _lines_with(text, pattern):
        if not line.lstrip().startswith(("#", "//")):
            yield number, line


def _quoted_at(line: str, position: int) -> bool:
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


def _prints(line: str) -> bool:
    """A line that only prints text: a message naming a setting is not the setting."""
    return line.lstrip().startswith(("echo ", "printf ", "print(", "console.log", "logger.", "log."))


def _check_text_code(unit: _Unit, out: _Collector) -> None:
    """Shell redirections and settings that live outside command nodes (`>& /dev/tcp/...`, `>> ~/.bashrc`)."""
    language = unit.facts.language
    text = unit.text
    lowered = unit.where == "script"
    if language == "shell":
        for number, _ in _code_lines_with(text, REVERSE_SHELL):
            out.add("remote-code-execution", "reverse-shell", 3, unit.context, Span(unit.file, unit.first_line + number - 1),
                    "opens a reverse shell: a remote host gets an interactive shell on this machine",
                    "remove it; a skill never needs one")
        for number, line in _code_lines_with(text, RC_EDIT):
            if _quoted_at(line, RC_EDIT.search(line).start()):
                continue  # `echo "add: echo x >> ~/.zshrc"` prints advice
            out.add("persistence", "shell-rc", 2 if lowered else 1, unit.context,
                    Span(unit.file, unit.first_line + number - 1),
                    "appends to a shell start-up file, so the change runs in every future shell",
                    "tell the user what to add instead of editing their shell profile")
    elif language in ("python", "javascript", "typescript"):
        for number, line in _code_lines_with(text, STARTUP_PATH):
            if WRITE_CALL.search(line):
                out.add("persistence", "startup-file", 2 if lowered else 1, unit.context,
                        Span(unit.file, unit.first_line + number - 1), "writes into a folder the system starts programs "
                        "from", "ask before installing background services")
    for number, line in _code_lines_with(text, TLS_OFF_TEXT):
        if not _prints(line):
            setting = TLS_OFF_TEXT.search(line).group(0)
            out.add("insecure-transport", "tls-disabled", 2 if lowered else 1, unit.context,
                    Span(unit.file, unit.first_line + number - 1),
                    f"`{setting}` turns certificate checks off: anyone on the path can change responses",
                    "remove it; fix or pin the certificate instead")
    for number, line in _code_lines_with(text, ALL_INTERFACES):
        if not _prints(line):
            guarded = AUTH_HINT.search(text)
            out.add("insecure-transport", "all-interfaces", 1 if guarded or not lowered else 2, unit.context,
                    Span(unit.file, unit.first_line + number - 1),
                    "serves on 0.0.0.0, reachable from every network the machine is on",
                    "bind to 127.0.0.1 unless remote access is the point, and then require authentication")


# --- raw text fallback, prose, files ----------------------------------------------------------------------------------

def _raw_scan(skill: Skill, out: _Collector) -> None:
    """High-confidence code patterns in text no parser covered: unparsed file types, timed-out scripts, prose."""
    parsed_lines: dict[str, set[int]] = {}
    for doc in skill.markdown_docs():
        lines = parsed_lines.setdefault(doc.file, set())
        for block in doc.code_blocks:
            if block.code is not None and not block.code.parse_timed_out:
                lines.update(range(block.span.line, block.end_line + 1))
        for inline in doc.inline_code:
            if inline.code is not None:
                lines.add(inline.span.line)
    for f in skill.files:
        if f.text is None or (f.code is not None and not f.code.parse_timed_out):
            continue
        skip = parsed_lines.get(f.path, set())
        markdown = f.markdown is not None
        if not any(word in f.text for word in RAW_HINTS):
            continue
        for line, text in _lines_with(f.text, RAW_DOWNLOAD_TO_SHELL):
            if line in skip:
                continue
            if markdown:
                context = "prose" if _doc_context(f.path) == "instructions" else "example"
                danger = _download_danger(_urls_in(text), context)
            else:
                context, danger = "file", 3
            out.add("remote-code-execution", "download-to-shell", danger, context, Span(f.path, line),
                    f"`{RAW_DOWNLOAD_TO_SHELL.search(text).group(0)[:80]}` pipes a download into a shell",
                    "download to a file, verify it, then run it")
        if not markdown:
            for line, _ in _lines_with(f.text, REVERSE_SHELL):
                out.add("remote-code-execution", "reverse-shell", 3, "file", Span(f.path, line),
                        "opens a reverse shell: a remote host gets an interactive shell on this machine",
                        "remove it; a skill never needs one")


@dataclass(slots=True)
class _Prose:
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


def _check_downloads(skill: Skill, out: _Collector) -> None:
    """Instructions to fetch and run a binary, worst when the archive is password-protected (hidden from scanners)."""
    for doc in skill.markdown_docs():
        f = skill.file(doc.file)
        if f is None or f.text is None or not any(ext in f.text for ext in (".zip", ".exe", ".rar", ".7z", ".msi",
                                                                            ".dmg", ".pkg", ".scr", ".app", ".bat")):
            continue
        context = _doc_context(doc.file)
        m = PROTECTED_DOWNLOAD.search(f.text)
        if m is not None:
            out.add("remote-code-execution", "protected-download", 3, context,
                    Span(doc.file, _line_of(f.text, m.start(), 1)), "tells the user or agent to fetch a "
                    "password-protected archive or executable: the password exists to keep scanners out",
                    "ship source, or point to a package manager; never ask anyone to run an opaque download")
        m = DOWNLOAD_AND_RUN.search(f.text)
        if m is not None:
            out.add("remote-code-execution", "download-and-run", 2, context,
                    Span(doc.file, _line_of(f.text, m.start(), 1)), f"tells the user or agent to download and run "
                    f"a binary: \"{m.group(0)[:60]}\"", "point to a package manager or a signed release and "
                    "say how to verify it")


def _prose_units(skill: Skill) -> Iterator[_Prose]:
    """The prose an agent reads: the frontmatter description, then each Markdown file's paragraphs."""
    data = skill.frontmatter.data or {}
    if skill.skill_md_path and isinstance(data.get("description"), str):
        yield _Prose(skill.skill_md_path, INVISIBLE_IN_PROSE.sub("", data["description"]), [0],
                     [skill.frontmatter.key_lines.get("description", 1)], ["instructions"])
    for doc in skill.markdown_docs():
        context = _doc_context(doc.file)
        pieces, starts, lines, contexts, offset = [], [], [], [], 0
        for p in doc.paragraphs:
            text = INVISIBLE_IN_PROSE.sub("", p.text)  # hidden characters are reported on their own
            pieces.append(text)
            starts.append(offset)
            lines.append(p.span.line)
            contexts.append("example" if _about_attacks(doc, p.section) else context)
            offset += len(text) + 2
        if pieces:
            yield _Prose(doc.file, "\n\n".join(pieces), starts, lines, contexts)


def _about_attacks(doc: MarkdownDoc, section: int | None) -> bool:
    """Prose under a heading about attacks or defences describes injections rather than making them."""
    while section is not None:
        if SECURITY_TOPIC.search(doc.sections[section].title):
            return True
        section = doc.sections[section].parent
    return False


def _quoted_or_described(text: str, start: int) -> bool:  # text: the paragraph up to and past the match
    """The match is quoted, or introduced as something to detect or refuse ("phrases like ...")."""
    before = text[:start]
    if before.count('"') % 2 or before.count("“") > before.count("”") or before.count("`") % 2 or \
            before.count("「") > before.count("」") or re.search(r"['‘]\s*$", before):
        return True
    return bool(DESCRIBED.search(before[-80:]))


def _check_prose(skill: Skill, out: _Collector) -> None:
    for prose in _prose_units(skill):
        text = prose.text
        for pattern, kind, message in (
                (OVERRIDE, "instruction-override", "tells the agent to drop its instructions"),
                (SECRECY, "hide-from-user", "tells the agent to keep something from the user"),
                (SEND_SECRETS, "send-secrets", "tells the agent to send credentials to an address"),
                (FETCH_AND_FOLLOW, "remote-instructions", "tells the agent to fetch instructions from the web "
                 "and follow them: whoever controls that page controls the agent")):
            for m in pattern.finditer(text):
                line, before, context = prose.locate(m.start())
                danger = 3 if kind == "instruction-override" else 2
                if kind == "hide-from-user":  # often harmless UX ("don't mention the retry") unless secrets are near
                    paragraph_end = text.find("\n\n", m.end())
                    near = before + text[m.start() : paragraph_end if paragraph_end >= 0 else len(text)]
                    danger = 3 if SECRETS_OR_URL.search(near) else 0
                where = "quoted" if _quoted_or_described(before, len(before)) else context
                out.add("prompt-injection", kind, danger, where, Span(prose.file, line),
                        f"{message}: \"{m.group(0)[:80]}\"", "state what the skill does; never instruct the agent "
                        "against its user or its system prompt")
        if "data:" in text:
            for m in DATA_URI.finditer(text):
                try:
                    decoded = base64.b64decode(m.group(3), validate=False).decode("utf-8", "replace")
                except (binascii.Error, ValueError):
                    continue
                bad = OVERRIDE.search(decoded) or SECRECY.search(decoded) or SEND_SECRETS.search(decoded) or \
                    re.search(r"\b(send|post|upload)\b.*\b(key|token|secret|password)s?\b", decoded, re.I)
                line, _, context = prose.locate(m.start())
                out.add("hidden-text", "data-uri-text", 3 if bad else 1, context, Span(prose.file, line),
                        f"a base64 data: URI hides text from the reader: \"{decoded[:80]}\"",
                        "write the text in the open or remove it")
    for doc in skill.markdown_docs():
        context = _doc_context(doc.file)
        by_section: dict[int | None, list] = {}
        for p in doc.paragraphs:
            by_section.setdefault(p.section, []).append(p)
        for paragraphs in by_section.values():
            joined = "\n".join(INVISIBLE_IN_PROSE.sub("", p.text) for p in paragraphs)
            gather = COLLECT_SECRETS.search(joined)
            send = SEND_TO_URL.search(joined)
            if gather and send and not _quoted_or_described(joined, gather.start()):
                first = paragraphs[0].span.line
                out.add("prompt-injection", "collect-and-send-secrets", 2, context,
                        Span(doc.file, first + joined.count("\n", 0, gather.start())),
                        f"tells the agent to gather credentials (\"{gather.group(0)[:50]}\") and send them to "
                        f"{send.group(2)[:60]}", "never route the user's credentials through instructions")
        for comment in doc.html_comments:
            body = comment.text.removeprefix("<!--").removesuffix("-->").strip()
            if not body or LINT_COMMENT.match(body):
                continue
            injected = OVERRIDE.search(body) or SECRECY.search(body) or SEND_SECRETS.search(body)
            if injected or AGENT_DIRECTIVE.search(body):
                out.add("hidden-text", "comment-instructions", 3 if injected else 1, context, comment.span,
                        f"an HTML comment, invisible when rendered, carries instructions: \"{body[:80]}\"",
                        "put instructions in visible text, or delete the comment")


def _check_hidden_characters(skill: Skill, out: _Collector) -> None:
    for f in skill.files:
        if f.text is None:
            continue
        if not f.text.isascii() and INVISIBLE_IN_PROSE.search(f.text):
            _report_invisible(f, out)
        if "     " in f.text or "\n\n\n" in f.text:
            _report_padding(f, out)
    name = skill.name
    if name:
        scripts = {unicodedata.name(c, "").split(" ")[0] for c in name if c.isalpha()}
        if "LATIN" in scripts and scripts & set(CONFUSABLE_SCRIPTS) or \
                not name.isascii() and unicodedata.normalize("NFKC", name).isascii():
            out.add("hidden-text", "homoglyph-name", 3, "instructions",
                    Span(skill.skill_md_path or "SKILL.md", skill.frontmatter.key_lines.get("name", 1)),
                    f"the name {name!r} mixes look-alike letters from other scripts: it can pose as another skill",
                    "use plain ASCII letters")


def _report_invisible(f: BundledFile, out: _Collector) -> None:
    for kind, pattern in INVISIBLE.items():
        matches = [m for m in pattern.finditer(f.text) if not _emoji_joiner(f.text, m)]
        if not matches:
            continue
        count = sum(len(m.group(0)) for m in matches)
        if kind == "tag" or kind == "bidi" and (f.code is not None or count > 2):
            danger = 3
        else:
            danger = 2 if count >= 3 else 1
        first = matches[0]
        shown = "".join(chr(ord(c) - 0xE0000) for m in matches for c in m.group(0))[:80] if kind == "tag" else ""
        out.add("hidden-text", f"invisible-{kind}", danger, "file", Span(f.path, _line_of(f.text, first.start(), 1)),
                f"{count} invisible {kind} character(s) (first U+{ord(first.group(0)[0]):04X})"
                + (f" spelling \"{shown}\"" if shown else "") + ": text reads differently to the model than to "
                "a reviewer", "delete them")


def _report_padding(f: BundledFile, out: _Collector) -> None:
    wide = PADDING_SPACES.search(f.text)
    if wide:
        out.add("hidden-text", "padding", 2, "file", Span(f.path, _line_of(f.text, wide.start(), 1)),
                f"{len(wide.group(0))} spaces push text off-screen", "remove the padding")
    blank = BLANK_RUN.search(f.text)
    if blank:
        out.add("hidden-text", "padding", 2, "file", Span(f.path, _line_of(f.text, blank.end(), 1)),
                f"content after {blank.group(0).count(chr(10)) - 1} blank lines, where a reviewer stops scrolling",
                "remove the blank lines")


def _emoji_joiner(text: str, m: re.Match) -> bool:
    """A zero-width joiner inside an emoji sequence (👩‍💻) is how emoji are written, not hidden text."""
    if m.group(0) != "\u200d":
        return False
    before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
    return bool(EMOJI.match(before) and EMOJI.match(after))


def _check_secrets(skill: Skill, out: _Collector) -> None:
    for f in skill.files:
        if f.text is None:
            continue
        context = _doc_context(f.path) if f.markdown is not None else "file"
        for label, literals, pattern in TOKEN_FORMATS:
            if not any(literal in f.text for literal in literals):
                continue
            for m in pattern.finditer(f.text):
                value = m.group(0)
                if PLACEHOLDER.search(value.split("=")[-1]) and label != "private key":
                    continue
                out.add("secret", "token", 3, "file", Span(f.path, _line_of(f.text, m.start(), 1)),
                        f"{label} in the skill ({value[:12]}…): anyone who installs the skill can use it",
                        "revoke it now, then read it from an environment variable")
                break
        for line, text in _lines_with(f.text, SECRET_KEYWORD):
            m = SECRET_ASSIGNMENT.search(text)
            if m is None:
                continue
            value = m.group(3) or m.group(4)
            if PLACEHOLDER.search(value) or IDENTIFIER_VALUE.fullmatch(value) or CURRENCY_TOKEN.search(m.group(1)) or \
                    _entropy(value) < 3.7 or not (re.search(r"\d", value) and re.search(r"[A-Za-z]", value)) or \
                    re.fullmatch(r"[a-z_.-]+|[A-Z_]+", value) or "/" in value.strip("/") and value.count("/") > 1:
                continue
            if out.covered("token", f.path, line):
                continue
            out.add("secret", "assigned-secret", 2, context, Span(f.path, line),
                    f"`{m.group(1)}` is set to a random-looking literal ({value[:6]}…), which looks like a real "
                    "credential", "move it to an environment variable; revoke it if it was real")


def _lines_with(text: str, pattern: re.Pattern) -> Iterator[tuple[int, str]]:
    """``(1-based line, line text)`` of every line where ``pattern`` matches, each line once."""
    position, line = 0, 1
    for m in pattern.finditer(text):
        if m.start() < position:
            continue
        begin = text.rfind("\n", 0, m.start()) + 1
        line += text.count("\n", position, begin)
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        yield line, text[begin:end]
        position = end


def _check_files(skill: Skill, out: _Collector) -> None:
    sources = {f.path.rsplit(".", 1)[0] for f in skill.files if f.path.endswith(".py")}
    for f in skill.files:
        lower = f.path.lower()
        ext = "." + lower.rsplit(".", 1)[-1] if "." in lower.rsplit("/", 1)[-1] else ""
        magic = f.magic
        expected = MEDIA_MAGIC.get(ext)
        span = Span(f.path, 1)
        if magic in EXECUTABLE_MAGIC | ARCHIVE_MAGIC and (expected is not None or ext in (
                ".txt", ".md", ".json", ".yaml", ".yml", ".csv", ".py", ".sh", ".js", ".ts", ".html", ".css", ".svg")):
            out.add("opaque-payload", "disguised-file", 3, "file", span,
                    f"a {ext} file whose bytes are a {magic} file: the name hides what it is",
                    "remove it, or ship it under its real extension with a note saying what it is")
        elif lower.endswith((".pyc", ".pyo")) or magic == "pyc":
            stem = re.sub(r"(__pycache__/)?([^/]+?)(\.cpython-\d+)?\.py[co]$", r"\2", f.path)
            folder = f.path.rsplit("/", 2)[0] if "__pycache__/" in f.path else f.path.rsplit("/", 1)[0]
            candidates = {stem, f"{folder}/{stem.rsplit('/', 1)[-1]}" if "/" in f.path else stem}
            if not candidates & sources:
                out.add("opaque-payload", "bytecode-without-source", 2, "file", span,
                        "compiled Python without its source: what it does cannot be reviewed",
                        "ship the .py source instead")
        elif magic in EXECUTABLE_MAGIC or lower.endswith(EXECUTABLE_EXTENSIONS):
            out.add("opaque-payload", "executable", 2, "file", span,
                    f"a compiled {magic or ext} program inside the skill: it cannot be reviewed",
                    "ship source, or install the tool from a package manager and document it")
        elif (magic in ARCHIVE_MAGIC or f.kind == "binary" and lower.endswith(
                (".zip", ".tar", ".tgz", ".gz", ".7z", ".rar", ".xz", ".bz2", ".skill"))) and \
                not lower.endswith(OFFICE_EXTENSIONS):
            out.add("opaque-payload", "archive", 1, "file", span,
                    "an archive inside the skill: its contents are not visible to a reviewer or to this linter's "
                    "other rules", "ship the files unpacked")


@dataclass(frozen=True, slots=True)
class SecurityFacts:
    """Every security finding of a skill, including those whose context drops them to no severity."""

    findings: tuple[Finding, ...]


def analyze(skill: Skill) -> SecurityFacts:
    return SecurityFacts(tuple(_findings(skill)))


def _findings(skill: Skill) -> list[Finding]:
    out = _Collector()
    for unit in _units(skill):
        _check_commands(unit, out)
        _check_calls(unit, out)
        _check_text_code(unit, out)
    _raw_scan(skill, out)
    _check_downloads(skill, out)
    _check_prose(skill, out)
    _check_hidden_characters(skill, out)
    _check_secrets(skill, out)
    _check_files(skill, out)
    return sorted(out.findings, key=lambda f: (f.span.file, f.span.line, f.family, f.kind))


def report_family(rule, skill: Skill, ctx, family: str) -> Iterator:
    """The diagnostics of one family, for the rule that owns it; findings their context silences are dropped."""
    for finding in ctx.facts.security.findings:
        severity = finding.severity
        if finding.family == family and severity is not None:
            yield rule.report(skill, finding.span, finding.message, hint=finding.hint, severity=severity)
