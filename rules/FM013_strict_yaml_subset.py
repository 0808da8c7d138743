"""The frontmatter uses YAML that strict parsers refuse: flow collections, anchors, tags.

## What it does
Reports frontmatter lines that use flow mappings or sequences (`metadata: {"openclaw": {...}}`, `tags: [a, b]`),
anchors and aliases (`&x`, `*x`) or explicit tags (`!!str`). Opt-in (group `portability`): YAML, the
specification's examples and every agent client accept them.

## Why it matters
skills-ref, the specification's reference validator, parses frontmatter with a strict YAML subset (strictyaml) that
refuses these forms, so registries validating with it reject the skill. On ClawHub about a third of skills use
a flow mapping for `metadata`.

## Example
```markdown
---
name: weather
description: Current weather. Use when asked about the weather.
metadata: {"openclaw": {"requires": {"bins": ["curl"]}}}
---
```

## Fix
Write the value in block style:
```yaml
metadata:
  openclaw:
    requires:
      bins:
        - curl
```
"""


from skvm_lint.diagnostics import Severity
from skvm_lint.lazy_re import lazy
from skvm_lint.model import Span
from skvm_lint.rule import Rule

# A value or list item that opens a flow collection, an anchor, alias or tag (outside quotes, at the value's start).
STRICT_ONLY = lazy(r"^\s*(?:[^\s#'\"][^:#]*:\s+|-\s+)(?P<form>[{\[]|&\w|\*\w|!!?\w)|^\s*(?P<cont>[{\[])")
FORMS = {"{": "a flow mapping", "[": "a flow sequence", "&": "an anchor", "*": "an alias", "!": "a tag"}


class StrictYamlSubset(Rule):
    id = "FM013"
    name = "strict-yaml-subset"
    groups = ("portability", "frontmatter")
    severity = Severity.INFO
    default_enabled = False

    def check(self, skill, ctx):
        front = skill.frontmatter
        if not front.present or front.data is None:
            return
        for offset, line in enumerate(front.raw.split("\n")):
            m = STRICT_ONLY.match(line)
            if m is None:
                continue
            form = FORMS[(m.group("form") or m.group("cont"))[0]]
            yield self.report(skill, Span(skill.skill_md_path, front.start_line + 1 + offset),
                              f"{form} in the frontmatter: strict YAML parsers (skills-ref) reject it",
                              hint="write the value in block style")
            return  # one per skill: the fix is the same everywhere
