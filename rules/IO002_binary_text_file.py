"""A file that should be text holds binary data.

## What it does
Reports NUL bytes in a file whose name says it is text: `SKILL.md`, Markdown, scripts (`.py`, `.sh`, `.js`, `.ts`),
JSON, YAML or TOML. Such files are not parsed. Binaries with binary extensions (images, fonts) are normal assets
and are not reported here.

## Why it matters
A text file with binary content is either corrupt or disguised: a payload named `helper.py` that is really an
executable is a known way to slip code past reviewers and scanners.

## Example
```
scripts/helper.py   (an ELF executable)
```

## Fix
Replace the file with its real text source, or give a binary asset its real extension.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.rule import LoadIssueRule


class BinaryTextFile(LoadIssueRule):
    id = "IO002"
    name = "binary-text-file"
    groups = ("input",)
    severity = Severity.WARNING
    kinds = frozenset({"binary"})
    hint = "replace it with the text source, or rename a real binary asset"
