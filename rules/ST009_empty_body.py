"""SKILL.md has frontmatter and nothing after it.

## What it does
Reports a SKILL.md whose body (everything after the closing `---`) has no text at all.

## Why it matters
The description gets the skill selected; the body is what the agent then follows. With no body the agent loads the
skill and has no instructions, so it improvises.

## Example
```markdown
---
name: pdf-tools
description: Merge and split PDFs. Use when asked to combine PDF files.
---
```

## Fix
Write the instructions: what to do, in which order, with which bundled files.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.model import Span
from skvm_lint.rule import Rule


class EmptyBody(Rule):
    id = "ST009"
    name = "empty-body"
    groups = ("spec", "structure")
    severity = Severity.WARNING

    def check(self, skill, ctx):
        front = skill.frontmatter
        if skill.body is None or not front.present or not front.terminated or front.error is not None:
            return
        body = "\n".join(skill.skill_md_text.split("\n")[front.end_line :])
        if not body.strip():
            yield self.report(skill, Span(skill.skill_md_path, front.end_line), "SKILL.md has no instructions "
                              "after its frontmatter", hint="write what the agent should do, step by step")
