"""The frontmatter has no `description`, or it is empty.

## What it does
Reports parsed frontmatter whose `description` is absent, null, not text, or only whitespace.

## Why it matters
The description is the only text an agent sees when it chooses among skills. Without it the skill is never picked
(or picked at random); the specification requires 1-1024 characters.

## Example
```markdown
---
name: pdf-tools
description:
---
```

## Fix
Say what the skill does and when to use it, in one or two sentences:
`description: Merge and split PDF files. Use when the user asks to combine, split or reorder PDFs.`
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.model import Span
from skvm_lint.rule import Rule


class DescriptionMissing(Rule):
    id = "FM006"
    name = "description-missing"
    groups = ("spec", "frontmatter")
    severity = Severity.ERROR

    def check(self, skill, ctx):
        fm = skill.frontmatter
        if fm.data is None:
            return
        if "description" not in fm.data:
            yield self.report(skill, Span(skill.skill_md_path, fm.start_line), "frontmatter has no `description`",
                              hint="add `description:` saying what the skill does and when to use it")
            return
        value = fm.data["description"]
        if not isinstance(value, str) or not value.strip():
            what = "empty" if value is None or (isinstance(value, str)) else f"a {type(value).__name__}, not text"
            yield self.report(skill, Span(skill.skill_md_path, fm.line_of("description")),
                              f"`description` is {what}",
                              hint="write what the skill does and when to use it, as a string")
