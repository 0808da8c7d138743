"""A symlink points outside the skill, or nowhere.

## What it does
Reports symlinks whose target lies outside the skill folder (never followed) and symlinks that are broken or loop.

## Why it matters
A skill is copied between machines and hubs; a link out of it dangles elsewhere, or, worse, makes an agent read
or write a file of the user's (`~/.ssh/id_rsa`, `~/.bashrc`) when it believes it touches the skill's own file.

## Example
```
my-skill/references/config -> /home/alice/.aws/credentials
```

## Fix
Copy the file into the skill, or remove the link.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.rule import LoadIssueRule


class SymlinkOutsideSkill(LoadIssueRule):
    id = "IO004"
    name = "symlink-outside-skill"
    groups = ("input",)
    severity = Severity.WARNING
    kinds = frozenset({"symlink-escape", "symlink-broken"})
    hint = "copy the target into the skill or remove the link"
