"""A file name holds control characters or bytes that are not UTF-8.

## What it does
Reports files and folders of the skill whose names contain newlines, tabs, other control characters, or bytes that
do not decode as UTF-8. Such names are printed escaped (`\n`, `\xff`) in every report.

## Why it matters
Names like these break shell commands an agent composes (`for f in $(ls)`), corrupt logs and reports that print
them, and are used to disguise files: `run.sh\n.txt` looks like a text file in many listings.

## Example
```
scripts/helper\n.py
```

## Fix
Rename the file with plain printable characters.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.rule import LoadIssueRule


class UnsafeFileName(LoadIssueRule):
    id = "IO006"
    name = "unsafe-file-name"
    groups = ("input", "portability")
    severity = Severity.WARNING
    kinds = frozenset({"odd-name"})
    hint = "rename it with plain printable characters"
