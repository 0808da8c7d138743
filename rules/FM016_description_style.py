"""The description lacks a when-to-use trigger, speaks in the first person, or stuffs keywords.

## What it does
Opt-in (group `description`). Reports a `description` with no phrase saying when to use the skill ("Use when ...",
"when the user asks ...", "for ...", 当/用于/适用于 in Chinese); one written in the first person ("I can help
you ..."); and keyword stuffing (15 or more comma-separated items, or one word four or more times).

## Why it matters
Agents choose skills by matching the request against descriptions. A trigger phrase is what they match best;
first-person text reads as the skill talking, not as a description; keyword lists match everything and push the
skill into tasks it does not do (skill shadowing grows with the size of the library).

## Example
```markdown
description: I am a helpful assistant for pdf, PDF files, pdfs, merge, split, forms, ocr, extract, pdf tools
```

## Fix
`Merge, split and fill PDF forms. Use when the user asks to combine PDFs, split pages or fill a form.`
"""

import re
from collections import Counter

from skvm_lint.diagnostics import Severity
from skvm_lint.lazy_re import lazy
from skvm_lint.model import Span
from skvm_lint.rule import Rule

TRIGGER = lazy(r"\b(use (it |this (skill )?)?(when|for|to|if|whenever)|when (the user|users|you|asked|a user|"
               r"working|needed|handling)|whenever|for (tasks|requests|questions|any)|trigger|invoke|if the "
               r"user|helps? (you )?(with|to)|designed (for|to))\b|当|用于|适用于|使用场景|需要.*时", re.IGNORECASE)
FIRST_PERSON = lazy(r"^\s*(I|I'm|I am|I will|I can|My|We|We're|Our)\b|\bI (can|will|help)\b")
STOP_WORDS = frozenset("a an and the to of for in on with or use when this that is are be it as by from your you "
                       "user skill".split())


class DescriptionStyle(Rule):
    id = "FM016"
    name = "description-style"
    groups = ("frontmatter", "description")
    severity = Severity.INFO
    default_enabled = False

    def check(self, skill, ctx):
        description = (skill.frontmatter.data or {}).get("description")
        if not isinstance(description, str) or len(description.split()) < 3:
            return  # FM006 / FM015
        span = Span(skill.skill_md_path, skill.frontmatter.line_of("description"))
        if not TRIGGER.search(description):
            yield self.report(skill, span, "the description does not say when to use the skill",
                              hint='add a trigger: "Use when the user asks to ..."')
        if FIRST_PERSON.search(description):
            yield self.report(skill, span, "the description is written in the first person",
                              hint="describe the skill in the third person or the imperative")
        items = [i for i in description.split(",") if i.strip()]
        words = Counter(w for w in re.findall(r"[a-z]{3,}", description.lower()) if w not in STOP_WORDS)
        repeated = [w for w, n in words.items() if n >= 4]
        if len(items) >= 15 or repeated:
            why = f"{len(items)} comma-separated items" if len(items) >= 15 else f"`{repeated[0]}` "\
                f"{words[repeated[0]]} times"
            yield self.report(skill, span, f"the description looks keyword-stuffed ({why})",
                              hint="describe the task in a sentence; keywords match requests the skill cannot do")
