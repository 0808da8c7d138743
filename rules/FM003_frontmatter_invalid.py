"""The frontmatter is not valid YAML, or not a mapping.

## What it does
Reports frontmatter that a YAML parser rejects (with the parser's own line and column), that is not a mapping of
keys to values, that repeats a key, or that exceeds the resource limits (alias bombs, huge or deeply nested
blocks).

## Why it matters
An agent that cannot parse the frontmatter cannot read `name` or `description`, so it never selects the skill, or
its client refuses to load the whole skill library.

## Example
```markdown
---
name: pdf-tools
description: [Merge PDFs
---
```

## Fix
Correct the YAML at the reported line. Quote values that contain `: `, `#`, `[` or `{`:
`description: "Merge PDFs: fast"`. For the commonest case, a one-line top-level value holding `: `
(`description: Use when: ...`), `--fix` adds the quotes (a safe fix: the text is kept as written, escaped).
"""


from skvm_lint.diagnostics import Fix, Replace, Severity
from skvm_lint.fixes.yaml_edit import line_offset
from skvm_lint.model import PLAIN_TOP_LEVEL, Span
from skvm_lint.rule import Rule

HINTS = {
    "syntax": "fix the YAML at this line; quote values containing ': ', '#', '[' or '{'",
    "duplicate-key": "remove or rename the repeated key",
    "not-a-mapping": "the frontmatter must be `key: value` lines",
    "limit": "simplify the frontmatter; it should hold a few short keys",
}


class FrontmatterInvalid(Rule):
    id = "FM003"
    name = "frontmatter-invalid"
    groups = ("spec", "frontmatter")
    severity = Severity.ERROR
    fix_safety = "safe"

    def check(self, skill, ctx):
        error = skill.frontmatter.error
        if error is not None and skill.skill_md_path:
            fix = _quote_colon_value(skill, error.line) if "mapping values are not allowed" in error.message else None
            yield self.report(skill, Span(skill.skill_md_path, error.line, error.column),
                              f"frontmatter is not valid YAML: {error.message}", hint=HINTS.get(error.kind), fix=fix)


def _quote_colon_value(skill, line: int):
    lines = skill.skill_md_text.split("\n")
    if not 1 <= line <= len(lines) - 1:
        return None
    m = PLAIN_TOP_LEVEL.match(lines[line - 1].rstrip("\r"))
    following = lines[line].rstrip("\r") if line < len(lines) else ""
    if m is None or ": " not in m.group("value") or " #" in m.group("value") or following[:1] in (" ", "\t"):
        return None  # a continued plain scalar or a comment: not a one-line value to quote blindly
    value = m.group("value").replace("\\", "\\\\").replace('"', '\\"')
    start = line_offset(skill.skill_md_text, line) + m.start("value")
    end = line_offset(skill.skill_md_text, line) + m.end("value")
    return Fix(f"quote the value of `{m.group('key')}`", (Replace(skill.skill_md_path, start, end, f'"{value}"'),))
