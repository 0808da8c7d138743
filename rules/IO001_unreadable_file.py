"""A file or folder of the skill could not be read.

## What it does
Reports files that could not be opened (permissions, I/O errors), FIFOs, sockets and device files (never opened:
reading a FIFO would hang), and folders nested deeper than `limits.max-depth`.

## Why it matters
What the linter cannot read it cannot check; an agent or a hub that copies the skill may fail on the same file,
and special files have no place in a distributable skill.

## Example
```
my-skill/pipe        (a FIFO)
my-skill/secret.txt  (mode 000)
```

## Fix
Make the file readable, or remove it from the skill.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.rule import LoadIssueRule


class UnreadableFile(LoadIssueRule):
    id = "IO001"
    name = "unreadable-file"
    groups = ("input",)
    severity = Severity.WARNING
    kinds = frozenset({"unreadable", "special-file", "too-deep"})
    hint = "make it a readable regular file or remove it"
