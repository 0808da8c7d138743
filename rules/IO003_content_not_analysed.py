"""Part of the skill was not analysed because a resource limit was reached.

## What it does
Reports every place where a limit stopped the analysis: a file larger than `limits.max-file-bytes` (only its start
was read), a skill over `limits.max-skill-bytes` or `limits.max-files`, a script whose parse exceeded
`limits.parse-timeout-ms`, code nested so deep that reading it would take quadratic time (a chain of thousands of
`a || b` commands), and Markdown nested deeper than `limits.max-markdown-nesting`.

## Why it matters
Limits keep the linter fast and safe on hostile input, but a limit must never hide content silently: a payload after
a megabyte of padding is exactly what an attacker would write. This finding says what was not read.

## Example
```
scripts/run.sh   (200 MB of blank lines, then a command)
```

## Fix
Shrink the file, or raise the limit in `[tool.skvm-lint.limits]` if the content is legitimate.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.rule import LoadIssueRule


class ContentNotAnalysed(LoadIssueRule):
    id = "IO003"
    name = "content-not-analysed"
    groups = ("input",)
    severity = Severity.WARNING
    kinds = frozenset({"capped", "skill-capped", "parse-timeout", "code-too-deep", "markdown-nesting"})
    hint = "shrink the content or raise the limit in [tool.skvm-lint.limits]"
