"""SKILL.md does not start with YAML frontmatter.

## What it does
Reports a `SKILL.md` whose first line is not the `---` that opens a YAML frontmatter block.

## Why it matters
`name` and `description` live in the frontmatter; they are all an agent reads when it decides whether to load a
skill. Without them the skill is never selected, or is selected by a guess from its folder name.

## Example
```markdown
# PDF tools
Use this skill to merge PDFs.
```

## Fix
Start the file with a frontmatter block:
```markdown
---
name: pdf-tools
description: Merge, split and rotate PDF files. Use when the user asks to combine or edit PDFs.
---
# PDF tools
```
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.model import Span
from skvm_lint.rule import Rule


class FrontmatterMissing(Rule):
    id = "FM001"
    name = "frontmatter-missing"
    groups = ("spec", "frontmatter")
    severity = Severity.ERROR

    def check(self, skill, ctx):
        if skill.skill_md_file is not None and not skill.frontmatter.present:
            lines = skill.skill_md_text.lstrip("\ufeff").split("\n")
            late = next((i for i, line in enumerate(lines[:50], 1) if line.strip() == "---"), None)
            if late is not None and all(not line.strip() for line in lines[: late - 1]):
                yield self.report(skill, Span(skill.skill_md_path, late), f"the frontmatter starts on line {late}; "
                                  "it must start on line 1, or clients do not see it",
                                  hint="delete the blank lines before the opening `---`")
                return
            yield self.report(skill, skill.skill_md_path, "SKILL.md has no YAML frontmatter",
                              hint="start the file with `---`, then `name:` and `description:`, then `---`")
