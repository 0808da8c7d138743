"""A shell command built from values by string formatting.

## What it does
Reports `os.system`, `os.popen` and `subprocess.*(..., shell=True)` whose command is an f-string,
`%`-formatted, `.format()`ed or concatenated; Node's `exec`/`execSync` with a template literal or concatenation;
and shell `eval "$VAR"`.

## Why it matters
A value holding `;`, `|` or `$( )` becomes a command of its own. Skill inputs come from users, web pages and
files: exactly the text an attacker controls.

## Example
```python
subprocess.run(f"convert {name} out.png", shell=True)
```

## Fix
Pass an argument list without a shell (`subprocess.run(["convert", name, "out.png"])`, `execFile`); call
commands directly instead of `eval`.
"""

from skvm_lint.analyses.security import report_family
from skvm_lint.diagnostics import Severity
from skvm_lint.rule import Rule


class ShellInjection(Rule):
    id = "SC002"
    name = "shell-injection"
    groups = ("security",)
    severity = Severity.WARNING

    def check(self, skill, ctx):
        return report_family(self, skill, ctx, "shell-injection")
