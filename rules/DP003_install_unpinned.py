"""An install line in SKILL.md does not pin a version.

## What it does
Reports `pip install NAME` and `npm install NAME` lines in SKILL.md code blocks whose package has no version
(`NAME==1.2`, `NAME>=1.2,<2`, `NAME@1.2`).

## Why it matters
An unpinned install takes whatever the registry serves today: the skill breaks when a new major version changes an
API, and a compromised release reaches every agent that follows the skill.

## Example
```bash
pip install requests
```

## Fix
Pin a version or a compatible range you tested: `pip install 'requests>=2.32,<3'`, `npm install -g clawdhub@0.3`.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.rule import Rule


class InstallUnpinned(Rule):
    id = "DP003"
    name = "install-unpinned"
    groups = ("dependencies",)
    severity = Severity.INFO

    def check(self, skill, ctx):
        for dep in ctx.facts.dependencies.found:
            if dep.type not in ("pip", "npm") or dep.version:
                continue
            span = next((s for s in dep.install_lines if s.file == skill.skill_md_path), None)
            if span is not None:
                yield self.report(skill, span, f"`{dep.name}` is installed without a version",
                                  hint=f"pin a tested version or range, e.g. {dep.name}>=X.Y,<X+1")
