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

from skvm_lint.analyses.security import report_family
from skvm_lint.diagnostics import Severity
from skvm_lint.rule import Rule


class Secret(Rule):
    id = "SC010"
    name = "secret"
    groups = ("security",)
    severity = Severity.ERROR

    def check(self, skill, ctx):
        return report_family(self, skill, ctx, "secret")
