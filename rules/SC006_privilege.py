"""Permissions raised or loosened.

## What it does
Reports `chmod` of setuid/setgid bits, world-writable modes (`777`, `o+w`), edits of sudo rules
(`/etc/sudoers`, `NOPASSWD`), and, in bundled scripts, `sudo` for anything but a package manager (info).

## Why it matters
World-writable files let any local user change what the skill runs next; setuid and sudoers edits turn a skill
into a privilege escalation.

## Example
```bash
chmod 777 ~/.local/bin/tool
```

## Fix
Grant only what is needed (`chmod 755`, `u+x`); never change who may become root.
"""

from skvm_lint.analyses.security import report_family
from skvm_lint.diagnostics import Severity
from skvm_lint.rule import Rule


class Privilege(Rule):
    id = "SC006"
    name = "privilege"
    groups = ("security",)
    severity = Severity.WARNING

    def check(self, skill, ctx):
        return report_family(self, skill, ctx, "privilege")
