"""The frontmatter `name` is not a string.

## What it does
Reports a `name` that YAML reads as a number, boolean, date, list, mapping or null, e.g. `name: 2048` or
`name: yes`.

## Why it matters
Clients compare and display `name` as text. A number or date breaks strict validators and JSON schemas, and a
boolean (`yes`, `on`) means something else entirely to a YAML 1.1 parser.

## Example
```markdown
---
name: 2048
description: Play the 2048 game.
---
```

## Fix
Quote the value: `name: "2048"`. The safe fix quotes scalars through a round-trip YAML edit, keeping comments and
key order; lists, mappings and nulls need a human.
"""

import datetime

from skvm_lint.diagnostics import Severity
from skvm_lint.fixes.yaml_edit import quote_value_fix, raw_value
from skvm_lint.model import Span
from skvm_lint.rule import Rule


KINDS = {int: "a number", float: "a number", bool: "a boolean", type(None): "null", list: "a list", dict: "a mapping",
         datetime.date: "a date", datetime.datetime: "a timestamp"}


class NameNotString(Rule):
    id = "FM005"
    name = "name-not-string"
    groups = ("spec", "frontmatter")
    severity = Severity.ERROR
    fix_safety = "safe"

    def check(self, skill, ctx):
        data = skill.frontmatter.data
        if not data or "name" not in data or isinstance(data["name"], str):
            return
        value = data["name"]
        kind = KINDS.get(type(value), type(value).__name__)
        fix = None
        if isinstance(value, (int, float, bool, datetime.date)):
            fix = quote_value_fix(skill, "name", raw_value(skill, "name"))
        yield self.report(skill, Span(skill.skill_md_path, skill.frontmatter.line_of("name")),
                          f"`name` is {kind} ({value!r}), not a string", hint="quote it: name: \"...\"", fix=fix)
