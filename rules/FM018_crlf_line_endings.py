r"""SKILL.md uses Windows line endings (CRLF).

## What it does
Reports a SKILL.md with `\r\n` line endings, and offers a safe fix that converts them to `\n`.

## Why it matters
Frontmatter parsers split on `\n`: some keep the `\r` in values (`name: "pdf-tools\r"` then fails the name check),
some fail to find the closing `---\r`. Git on Windows (`core.autocrlf`) produces such files without anyone noticing.

## Example
```text
---\r\nname: pdf-tools\r\n---\r\n
```

## Fix
Convert to `\n` line endings (`--fix`), and set `* text=auto eol=lf` in `.gitattributes`.
"""

from skvm_lint.diagnostics import Fix, Replace, Severity
from skvm_lint.rule import Rule


class CrlfLineEndings(Rule):
    id = "FM018"
    name = "crlf-line-endings"
    groups = ("frontmatter", "portability")
    severity = Severity.WARNING
    fix_safety = "safe"

    def check(self, skill, ctx):
        text = skill.skill_md_text
        if not skill.skill_md_path or "\r\n" not in text:
            return
        count = text.count("\r\n")
        fix = Fix("convert line endings to \\n", (Replace(skill.skill_md_path, 0, len(text), text.replace("\r\n", "\n")),))
        yield self.report(skill, skill.skill_md_path, f"SKILL.md has {count} Windows (CRLF) line ending(s)",
                          hint="convert to \\n line endings", fix=fix)
