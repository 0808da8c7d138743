"""The frontmatter has no `name`.

## What it does
Reports parsed frontmatter without a `name` key.

## Why it matters
`name` identifies the skill to agents and hubs; the specification requires it. Clients either refuse the skill or
invent a name from the folder, which differs between clients.

## Example
```markdown
---
description: Merge PDFs.
---
```

## Fix
Add `name:` with the folder's name, in lowercase letters, digits and hyphens: `name: pdf-tools`.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.model import Span
from skvm_lint.rule import Rule


class NameMissing(Rule):
    id = "FM004"
    name = "name-missing"
    groups = ("spec", "frontmatter")
    severity = Severity.ERROR

    def check(self, skill, ctx):
        fm = skill.frontmatter
        if fm.data is not None and "name" not in fm.data:
            yield self.report(skill, Span(skill.skill_md_path, fm.start_line), "frontmatter has no `name`",
                              hint=f"add `name: {skill.folder_name}`")
