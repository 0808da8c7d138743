"""The frontmatter block is opened with `---` but never closed.

## What it does
Reports a `SKILL.md` that starts with `---` and has no closing `---` line.

## Why it matters
Without the closing delimiter the whole file is either read as YAML (and fails) or as Markdown (and the skill has
no name or description). Different clients disagree, so the skill behaves differently everywhere.

## Example
```markdown
---
name: pdf-tools
description: Merge PDFs.
# PDF tools
```

## Fix
Add a `---` line after the last frontmatter key.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.rule import Rule


class FrontmatterUnterminated(Rule):
    id = "FM002"
    name = "frontmatter-unterminated"
    groups = ("spec", "frontmatter")
    severity = Severity.ERROR

    def check(self, skill, ctx):
        fm = skill.frontmatter
        if fm.present and not fm.terminated and skill.skill_md_path:
            yield self.report(skill, skill.skill_md_path, "frontmatter opened with `---` is never closed",
                              hint="add a line `---` after the last frontmatter key")
