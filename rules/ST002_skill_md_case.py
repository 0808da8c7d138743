"""The skill file is not named exactly `SKILL.md`.

## What it does
Reports a skill whose entry file is `skill.md`, `Skill.md` or another casing of `SKILL.md`.

## Why it matters
The specification names the file `SKILL.md`. Agents and hubs on case-sensitive file systems (Linux, most CI, most
containers) look for that exact name and silently skip the skill.

## Example
```
pdf-tools/skill.md
```

## Fix
Rename the file to `SKILL.md` (`skvm-lint check --fix --unsafe-fixes` does it; the rename is unsafe because links
from elsewhere to the old name break).
"""

from skvm_lint.diagnostics import Applicability, Fix, Rename, Severity
from skvm_lint.rule import Rule


class SkillMdCase(Rule):
    id = "ST002"
    name = "skill-md-case"
    groups = ("spec", "structure")
    severity = Severity.ERROR
    fix_safety = "unsafe"

    def check(self, skill, ctx):
        found = skill.skill_md_path
        if found is not None and found != "SKILL.md":
            fix = Fix(f"rename {found} to SKILL.md", (Rename(found, "SKILL.md"),), Applicability.UNSAFE)
            yield self.report(skill, found, f"skill file is named {found!r}; agents look for 'SKILL.md'",
                              hint="rename it to SKILL.md", fix=fix)
