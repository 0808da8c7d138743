"""A heading skips a level (`##` followed by `####`).

## What it does
Reports a heading more than one level deeper than the heading before it. Opt-in (group `style`).

## Why it matters
Headings are the outline the agent navigates and the workflow analysis reads steps from. A skipped level makes the
outline ambiguous: is the `####` a sub-step of the `##` or of a missing `###`?

## Example
```markdown
## Setup
#### Install the CLI
```

## Fix
Use the next level (`###`), or restructure the section.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.rule import Rule


class HeadingLevelSkipped(Rule):
    id = "ST010"
    name = "heading-level-skipped"
    groups = ("structure", "style")
    severity = Severity.INFO
    default_enabled = False

    def check(self, skill, ctx):
        body = skill.body
        if body is None:
            return
        previous = None
        for section in body.sections:
            if previous is not None and section.level > previous + 1:
                yield self.report(skill, section.span, f"heading level {section.level} follows level {previous}",
                                  hint=f"use level {previous + 1}")
            previous = section.level
