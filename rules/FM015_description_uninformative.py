"""The description says nothing an agent could select the skill on.

## What it does
Reports a `description` that repeats the name or has fewer than three words. On by default because both are
unambiguous; the style checks (trigger phrase, person, keyword stuffing) are FM016, opt-in.

## Why it matters
The agent sees only names and descriptions when it decides which skill to load. `description: pdf-tools` gives it
nothing to match a request against, so the skill is never picked, or picked for the wrong task.

## Example
```markdown
---
name: pdf-tools
description: PDF tools
---
```

## Fix
Say what the skill does and when to use it: `Merge, split and fill PDF forms. Use when the user asks to combine
PDFs or fill a form.`
"""

import re

from skvm_lint.diagnostics import Severity
from skvm_lint.model import Span
from skvm_lint.rule import Rule
from skvm_lint.tokens import CJK


def _words(text: str) -> int:
    return len(re.findall(r"[^\W\d_]+", text)) + len(CJK.findall(text)) // 2


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


class DescriptionUninformative(Rule):
    id = "FM015"
    name = "description-uninformative"
    groups = ("spec", "frontmatter", "description")
    severity = Severity.WARNING

    def check(self, skill, ctx):
        data = skill.frontmatter.data or {}
        description, name = data.get("description"), data.get("name")
        if not isinstance(description, str) or not description.strip():
            return  # missing or empty is FM006
        span = Span(skill.skill_md_path, skill.frontmatter.line_of("description"))
        if isinstance(name, str) and _key(description) == _key(name):
            yield self.report(skill, span, "the description only repeats the name",
                              hint="say what the skill does and when to use it")
        elif _words(description) < 3:
            yield self.report(skill, span, f"the description has {_words(description)} word(s): too little to "
                              "select the skill on", hint="say what the skill does and when to use it")
