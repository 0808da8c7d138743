"""An archive inside the skill would be unsafe to unpack, or could not be inspected.

## What it does
Lists the members of `.zip`, `.skill`, `.tar` and compressed tar archives in memory (never extracting them) and
reports members that would land outside the folder they are unpacked in (`../x`, absolute paths, links), more
members than `limits.max-archive-members`, and an uncompressed size over `limits.max-archive-ratio` times the
archive's size (a decompression bomb). An archive that cannot be listed is reported too.

## Why it matters
An agent told to unpack a bundled archive writes wherever its members point: `../../.bashrc` overwrites a user's
file (zip slip), and a bomb fills the disk. Content inside archives is also invisible to reviewers.

## Example
```
assets/templates.zip   member: ../../.ssh/authorized_keys
```

## Fix
Ship the files unpacked, or rebuild the archive with relative member paths inside one folder.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.rule import LoadIssueRule


class UnsafeArchive(LoadIssueRule):
    id = "IO007"
    name = "unsafe-archive"
    groups = ("input",)
    severity = Severity.WARNING
    kinds = frozenset({"archive"})
    hint = "ship the files unpacked, or rebuild the archive with relative member paths"
