r"""Content that cannot be reviewed.

## What it does
Reports files whose bytes contradict their extension (an executable or archive named `.png` or `.txt`: error),
compiled Python without its source, executables and shared libraries (warning), and archives (info; office
documents are not archives here). File types are recognised from their first bytes, never by running them.

## Why it matters
Reviewers and linters read source. A binary or an archive is a black box, and a file named for something it is
not is hiding.

## Example
```text
assets/logo.png   (bytes start with \x7fELF)
```

## Fix
Ship source and plain files; install tools from package managers and document them in SKILL.md.
"""

from skvm_lint.analyses.security import report_family
from skvm_lint.diagnostics import Severity
from skvm_lint.rule import Rule


class OpaquePayload(Rule):
    id = "SC011"
    name = "opaque-payload"
    groups = ("security",)
    severity = Severity.WARNING

    def check(self, skill, ctx):
        return report_family(self, skill, ctx, "opaque-payload")
