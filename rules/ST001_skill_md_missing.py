"""A folder laid out as a skill has no SKILL.md.

## What it does
Reports a folder that was named as a skill, or that looks like one (it has `scripts/`, `references/` or a hub's
`_meta.json`), but holds no `SKILL.md`.

## Why it matters
An agent discovers a skill by its `SKILL.md`: without one the folder is invisible, and every bundled script in it is
dead weight in the hub.

## Example
```
my-skill/
  scripts/run.py
  README.md
```

## Fix
Add `my-skill/SKILL.md` with `name` and `description` frontmatter, or remove the folder from the skill tree.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.rule import Rule


class SkillMdMissing(Rule):
    id = "ST001"
    name = "skill-md-missing"
    groups = ("spec", "structure")
    severity = Severity.ERROR

    def check(self, skill, ctx):
        if skill.skill_md_path is None:
            yield self.report(skill, ".", "no SKILL.md in this skill folder",
                              hint="add a SKILL.md with `name` and `description` frontmatter")
