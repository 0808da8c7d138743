"""The frontmatter `description` is too long or holds angle brackets.

## What it does
Reports a `description` longer than the specification's 1024 characters, and one containing `<` or `>` (XML-like
tags are not allowed in the description).

## Why it matters
Every description of every installed skill is loaded into the agent's context: long ones crowd out the others or
are cut off by clients. Tags in the description can be read as markup or as injected instructions by the harness
that inserts it into its prompt.

## Example
```markdown
description: <b>Best</b> PDF skill ... (1,500 characters)
```

## Fix
Keep what the skill does and when to use it, under 1024 characters and without tags; move details to the body.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.model import Span
from skvm_lint.rule import Rule
from skvm_lint.spec import DESCRIPTION_MAX as LIMIT


class DescriptionFormat(Rule):
    id = "FM009"
    name = "description-format"
    groups = ("spec", "frontmatter")
    severity = Severity.ERROR

    def check(self, skill, ctx):
        value = (skill.frontmatter.data or {}).get("description")
        if not isinstance(value, str):
            return
        span = Span(skill.skill_md_path, skill.frontmatter.line_of("description"))
        if len(value) > LIMIT:
            yield self.report(skill, span, f"`description` is {len(value):,} characters; the limit is {LIMIT}",
                              hint="say what the skill does and when to use it; move the rest into the body")
        if "<" in value or ">" in value:
            yield self.report(skill, span, "`description` contains angle brackets (< or >)",
                              hint="remove tags and angle brackets; write plain text")
