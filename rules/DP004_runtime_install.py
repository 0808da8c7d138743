"""A bundled script installs packages when it runs.

## What it does
Reports `pip install`, `npm install`, `apt-get install` and similar commands inside a bundled script (a shell
script, or a Python/JavaScript script running them through `subprocess`/`child_process`). A script named for setting
up (`setup.sh`, `install.sh`, `init-project.sh`, `bootstrap.py`, `update.sh`) is the setup step itself and is not
reported.

## Why it matters
A script that installs software every time it runs changes the user's machine without asking, makes runs slow and
non-reproducible, and is a common way for malicious skills to pull in payloads.

## Example
```bash
# scripts/run.sh
pip install requests
python3 fetch.py
```

## Fix
Move installation to a documented setup step (or `skvm-lint deps --format sh` for an env-setup.sh) and let the
script check for what it needs and exit with a clear message.
"""

import re

from skvm_lint.diagnostics import Severity
from skvm_lint.lazy_re import lazy
from skvm_lint.rule import Rule

# setup.sh, install_as_skill.sh, init-artifact.sh, venv-setup.sh, bootstrap.py, update.sh: run once, to set up
SETUP_SCRIPT = lazy(r"(^|[-_.])(setup|install|init|bootstrap|update|upgrade)([-_.]|$)", re.IGNORECASE)


class RuntimeInstall(Rule):
    id = "DP004"
    name = "runtime-install"
    groups = ("dependencies",)
    severity = Severity.WARNING

    def check(self, skill, ctx):
        scripts = {f.path for f in skill.files
                   if f.kind == "script" and not SETUP_SCRIPT.search(f.path.rsplit("/", 1)[-1])}
        seen = set()
        for dep in ctx.facts.dependencies.found:
            for span in dep.install_lines:
                if span.file in scripts and (span.file, span.line) not in seen:
                    seen.add((span.file, span.line))
                    yield self.report(skill, span, f"this script installs `{dep.name}` every time it runs",
                                      hint="install in a documented setup step; have the script check and exit")
