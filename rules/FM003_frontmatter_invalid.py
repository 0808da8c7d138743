"""The frontmatter is not valid YAML, or not a mapping.

## What it does
Reports frontmatter that a YAML parser rejects (with the parser's own line and column), that is not a mapping of
keys to values, that repeats a key, or that exceeds the resource limits (alias bombs, huge or deeply nested
blocks).

## Why it matters
An agent that cannot parse the frontmatter cannot read `name` or `description`, so it never selects the skill, or
its client refuses to load the whole skill library.

## Example
```markdown
---
name: pdf-tools
description: [Merge PDFs
---
```

## Fix
Correct the YAML at the reported line. Quote values that contain `: `, `#`, `[` or `{`:
`description: "Merge PDFs: fast"`.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.model import Span
from skvm_lint.rule import Rule

HINTS = {
    "syntax": "fix the YAML at this line; quote values containing ': ', '#', '[' or '{'",
    "duplicate-key": "remove or rename the repeated key",
    "not-a-mapping": "the frontmatter must be `key: value` lines",
    "limit": "simplify the frontmatter; it should hold a few short keys",
}


class FrontmatterInvalid(Rule):
    id = "FM003"
    name = "frontmatter-invalid"
    groups = ("spec", "frontmatter")
    severity = Severity.ERROR

    def check(self, skill, ctx):
        error = skill.frontmatter.error
        if error is not None and skill.skill_md_path:
            yield self.report(skill, Span(skill.skill_md_path, error.line, error.column),
                              f"frontmatter is not valid YAML: {error.message}", hint=HINTS.get(error.kind))
