"""The frontmatter uses a client extension key that the specification does not define.

## What it does
Reports top-level keys that known clients or hubs understand but the Agent Skills specification does not
(`version`, `author`, `homepage`, `tags`, `user-invocable`, `disable-model-invocation`, `argument-hint`, `model`,
hub keys such as `openclaw`). Opt-in (group `portability`): turn it on when the skill must pass strict validators.
Keys no client knows are FM010's business.

## Why it matters
Agents accept these keys, but the specification's reference validator (skills-ref's `agentskills validate`) rejects
any key outside the six it defines, and registries that validate with it refuse the skill.

## Example
```markdown
---
name: pdf-tools
description: Merge PDFs. Use when asked to combine PDF files.
version: 1.2.0
---
```

## Fix
Move the value under `metadata` (`metadata: {version: "1.2.0"}`), where every client and validator accepts it.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.model import Span
from skvm_lint.rule import Rule
from skvm_lint.spec import EXTENSION_KEYS


class NonSpecFrontmatterKey(Rule):
    id = "FM012"
    name = "non-spec-frontmatter-key"
    groups = ("portability", "frontmatter")
    severity = Severity.INFO
    default_enabled = False

    def check(self, skill, ctx):
        for key in skill.frontmatter.data or {}:
            if str(key) in EXTENSION_KEYS:
                yield self.report(skill, Span(skill.skill_md_path, skill.frontmatter.line_of(str(key))),
                                  f"`{key}` is a client extension, not a specification key: strict validators "
                                  "(skills-ref) reject the skill", hint=f"move `{key}` under `metadata`")
