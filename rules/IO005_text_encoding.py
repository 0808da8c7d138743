"""A text file is not plain UTF-8.

## What it does
Reports text files with bytes that are not valid UTF-8, files in UTF-16, and files that begin with a UTF-8
byte-order mark. Invalid bytes are replaced with U+FFFD for analysis.

## Why it matters
Agents and hubs read skills as UTF-8. Invalid bytes turn into replacement characters or errors, and a BOM before
`---` hides the frontmatter from strict parsers.

## Example
```
SKILL.md saved as UTF-16 by a Windows editor
```

## Fix
Re-save the file as UTF-8 without a byte-order mark.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.rule import LoadIssueRule


class TextEncoding(LoadIssueRule):
    id = "IO005"
    name = "text-encoding"
    groups = ("input", "portability")
    severity = Severity.WARNING
    kinds = frozenset({"encoding"})
    hint = "re-save the file as UTF-8 without a BOM"
