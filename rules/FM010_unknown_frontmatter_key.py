"""The frontmatter has a key that neither the specification nor a known client defines.

## What it does
Reports top-level frontmatter keys other than the specification's (`name`, `description`, `license`,
`compatibility`, `allowed-tools`, `metadata`), known client extensions (`user-invocable`,
`disable-model-invocation`, `argument-hint`, `model`, `version`, `tags`, `author`, `homepage`) and hub keys
(`openclaw`, `clawdbot`, `moltbot`, `clawdis`). Extend the allow-list in the configuration:
`[tool.skvm-lint.rules.FM010] allow = ["my-key"]`. A warning, never an error: newer clients add keys.

## Why it matters
Unknown keys are ignored by clients that do not know them, so whatever they were meant to configure silently does
not happen; a typo (`descripton`) leaves the skill without its description.

## Example
```markdown
---
name: pdf-tools
descripton: Merge PDFs.
---
```

## Fix
Fix the typo, move custom data under `metadata`, or add the key to the allow-list.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.model import Span
from skvm_lint.rule import Option, Rule
from skvm_lint.spec import EXTENSION_KEYS, SPEC_KEYS

KNOWN = SPEC_KEYS | EXTENSION_KEYS


class UnknownFrontmatterKey(Rule):
    id = "FM010"
    name = "unknown-frontmatter-key"
    groups = ("spec", "frontmatter")
    severity = Severity.WARNING
    options = (Option("allow", list, [], "more keys your harness or hub defines"),)

    def check(self, skill, ctx):
        data = skill.frontmatter.data
        if not data:
            return
        allowed = KNOWN | set(self.option(ctx, "allow"))
        for key in data:
            if str(key) not in allowed:
                yield self.report(skill, Span(skill.skill_md_path, skill.frontmatter.line_of(str(key))),
                                  f"unknown frontmatter key `{key}`",
                                  hint="fix a typo, move it under `metadata`, or allow it in [tool.skvm-lint.rules."
                                       "FM010] allow = [...]")
