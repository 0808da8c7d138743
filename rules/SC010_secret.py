"""A credential shipped in the skill.

## What it does
Reports private keys, well-known token formats (AWS, GitHub, OpenAI, Anthropic, Slack, Google, Stripe,
Telegram, 64-hex wallet keys next to a key-like name) and long random literals assigned to secret-looking names
(`API_KEY = "f3Kq..."`, entropy above 3.7 bits per character). Placeholders (`your-key-here`, `sk-...`,
`<TOKEN>`, `${VAR}`) are not reported.

## Why it matters
Everyone who installs the skill gets the credential; hubs are scraped for keys within minutes of publication.

## Example
```python
OPENAI_API_KEY = "sk-proj-4vQ...8Zt"
```

## Fix
Revoke the credential first, then read it from an environment variable the skill documents.
"""

from collections import Counter
import math
import re

from skvm_lint.analyses import security as sec
from skvm_lint.diagnostics import Severity
from skvm_lint.lazy_re import fold, lazy
from skvm_lint.model import Span
from skvm_lint.security_rule import SecurityRule

# Secrets: well-known token formats (high confidence) and long random values assigned to secret-looking names.
# (label, literals one of which must be present, pattern): the literals make most files cost a few
# substring searches instead of ten regex scans.
TOKEN_FORMATS = (
    ("private key", ("PRIVATE KEY",),
     lazy(r"-----BEGIN (RSA |EC |OPENSSH |DSA |PGP |ENCRYPTED )?PRIVATE KEY( BLOCK)?-----\s*\n\s*[A-Za-z0-9+/=]{40,}")),
    ("AWS access key", ("AKIA", "ASIA"), lazy(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b(?<!EXAMPLE)")),
    ("GitHub token", ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
     lazy(r"\b(gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,})\b")),
    ("OpenAI API key", ("sk-",),
     lazy(r"\bsk-(proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}|\bsk-proj-[A-Za-z0-9_-]{60,}")),
    ("Anthropic API key", ("sk-ant-",), lazy(r"\bsk-ant-(api|admin)\d\d-[A-Za-z0-9_-]{80,}")),
    ("Slack token", ("xox", "hooks.slack.com"),
     lazy(r"\bxox[baprse]-\d{6,}-[0-9A-Za-z-]{10,}|"
          r"hooks\.slack\.com/services/T[0-9A-Z]{6,}/B[0-9A-Z]{6,}/[0-9A-Za-z]{20,}")),
    ("Google API key", ("AIza",), lazy(r"\bAIza[0-9A-Za-z_-]{35}\b")),
    ("Stripe live key", ("_live_",), lazy(r"\b(sk|rk)_live_[0-9a-zA-Z]{24,}\b")),
    ("Telegram bot token", (":AA",), lazy(r"\b\d{8,10}:AA[A-Za-z0-9_-]{33}\b")),
    ("wallet private key", ("rivate", "RIVATE", "ecret", "ECRET", "allet", "ALLET"),
     lazy(r"\b(private[_ -]?key|secret[_ -]?key|wallet[_ -]?key)\W{1,6}(0x)?(?!0{64})[0-9a-f]{64}\b", re.IGNORECASE)),
)
# Any of the formats: one linear-time pass over a file (lazy_re's RE2 prefilter) tells the few that hold one
ANY_TOKEN = lazy("|".join(f"(?{'i' if pattern.flags & re.IGNORECASE else ''}:{pattern.pattern})"
                          for _label, _literals, pattern in TOKEN_FORMATS))
SECRET_ASSIGNMENT = lazy(
    r"(?i)\b([A-Z0-9_]*(?:api[_-]?key|secret|token|passw(?:or)?d|access[_-]?key|private[_-]?key|client[_-]?secret)"
    r"[A-Z0-9_]*)['\"]?\s*[:=]\s*(?:(['\"])([A-Za-z0-9+/_\-.~]{20,})\2|(?<=[=])([A-Za-z0-9+/_\-.~]{20,})\s*$)",
    re.MULTILINE)
# "token" as in a currency: its address or mint is public, not a secret.
CURRENCY_TOKEN = lazy(r"(?i)^(spl|erc20|buy|sell|from|to|base|quote|input|output|pay)_?token$|"
                      r"token_?(address|mint|id|symbol|contract)$")
IDENTIFIER_VALUE = lazy(r"(?i)0x[0-9a-f]{40}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
SECRET_KEYWORDS = ("KEY", "SECRET", "TOKEN", "PASSW")
SECRET_KEYWORD = lazy("|".join(SECRET_KEYWORDS), re.IGNORECASE)
PLACEHOLDER = lazy(r"(?i)your|xxx|example|sample|dummy|fake|test|placeholder|replace|changeme|here|token_|"
                   r"address|contract|^[a-z0-9]+([_-][a-z0-9]+){2,}$|"
                   r"<|\$|\{|\.\.\.|abc|123456|000000|secret_?key|api_?key|process\.env|environ|getenv")


def _entropy(value: str) -> float:
    counts = Counter(value)
    return -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())


def _keyword_lines(text: str):
    """``(line, line text)`` of the lines holding a secret-looking word, in any case, in order. The words are found
    with string searches in the case-folded copy (:func:`lazy_re.fold`) when it has the text's length, so its lines
    are the text's: a tenth of the time of a pattern scan over every file."""
    folded = fold(text)
    if len(folded) != len(text):  # a character whose case mapping is longer (ß, İ): lines would not line up
        yield from sec.lines_with(text, SECRET_KEYWORD)
        return
    found = []
    for word in SECRET_KEYWORDS:
        at = folded.find(word)
        while at != -1:
            found.append((at, at + len(word)))
            at = folded.find(word, at + len(word))
    yield from sec.lines_of_spans(text, sorted(found))


class Secret(SecurityRule):
    id = "SC010"
    name = "secret"
    family = "secret"
    severity = Severity.ERROR

    def detect(self, skill, facts, out):
        for f in skill.files:
            if f.text is None:
                continue
            context = sec.doc_context(f.path) if f.markdown is not None else "file"
            for label, literals, pattern in TOKEN_FORMATS if ANY_TOKEN.may_match(f.text) else ():
                if not any(literal in f.text for literal in literals):
                    continue
                for m in pattern.finditer(f.text):
                    value = m.group(0)
                    if PLACEHOLDER.search(value.split("=")[-1]) and label != "private key":
                        continue
                    out.add("token", 3, "file", Span(f.path, sec.line_of(f.text, m.start(), 1)),
                            f"{label} in the skill ({value[:12]}…): anyone who installs the skill can use it",
                            "revoke it now, then read it from an environment variable")
                    break
            # most files assign no secret-looking name a long literal: one RE2 pass over the file says so
            for line, text in _keyword_lines(f.text) if SECRET_ASSIGNMENT.may_match(f.text) else ():
                if "=" not in text and ":" not in text:  # no assignment: spares the pattern most keyword lines
                    continue
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
                out.add("assigned-secret", 2, context, Span(f.path, line),
                        f"`{m.group(1)}` is set to a random-looking literal ({value[:6]}…), which looks like a real "
                        "credential", "move it to an environment variable; revoke it if it was real")
