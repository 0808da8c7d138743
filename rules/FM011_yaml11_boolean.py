"""A frontmatter value is `yes`, `no`, `on` or `off` without quotes.

## What it does
Reports top-level frontmatter values written as bare `yes`, `no`, `on`, `off`, `y` or `n` (any case). YAML 1.2
(ruamel.yaml, most Rust and JavaScript parsers) reads them as strings; YAML 1.1 parsers (PyYAML, many Python
clients) read them as booleans.

## Why it matters
The same skill means different things to different clients: `user-invocable: yes` is the string "yes" to one and
`True` to another, and `name: no` becomes `False` for PyYAML-based tools, which then reject the skill.

## Example
```markdown
---
name: toggle
description: Turn the lights on or off.
user-invocable: yes
---
```

## Fix
Write `true`/`false` for booleans, or quote strings (`"yes"`). The safe fix quotes the value through a round-trip
YAML edit, keeping its meaning for YAML 1.2 readers and comments and key order intact.
"""

import re

from skvm_lint.diagnostics import Severity
from skvm_lint.fixes.yaml_edit import quote_value_fix, raw_value
from skvm_lint.lazy_re import lazy
from skvm_lint.model import Span
from skvm_lint.rule import Rule

YAML11_BOOLEAN = lazy(r"^(yes|no|on|off|y|n)$", re.IGNORECASE)


class Yaml11Boolean(Rule):
    id = "FM011"
    name = "yaml11-boolean"
    groups = ("frontmatter", "portability")
    severity = Severity.WARNING
    fix_safety = "safe"

    def check(self, skill, ctx):
        fm = skill.frontmatter
        if not fm.data:
            return
        for key, value in fm.data.items():
            line = fm.key_lines.get(str(key))
            if not isinstance(value, str) or line is None or fm.value_lines.get(str(key)) != line:
                continue
            raw = raw_value(skill, str(key))
            if YAML11_BOOLEAN.match(raw):
                yield self.report(skill, Span(skill.skill_md_path, line),
                                  f"`{key}: {raw}` is a string in YAML 1.2 but a boolean in YAML 1.1 parsers",
                                  hint=f'write true/false, or quote it: {key}: "{raw}"',
                                  fix=quote_value_fix(skill, str(key), raw))
