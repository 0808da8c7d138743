"""Two or more skills of one library share a name.

## What it does
In a hub scan (`skvm-lint corpus scan`), groups skills by frontmatter `name` (case-insensitive) and reports every
skill whose name another skill of the library also uses.

## Why it matters
Harnesses list skills by name and many key them by it: with two `pdf` skills one silently replaces the other, or the
agent is shown two identical names and picks by chance. Hubs that mirror several sources collect such clashes.

## Example
```text
hub/alice/pdf/SKILL.md    name: pdf
hub/bob/pdf-tools/SKILL.md  name: pdf   <- same name, different skill
```

## Fix
Give each skill a name that says what sets it apart (`pdf-forms`, `pdf-ocr`), or keep only one of them.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.rule import LibraryRule


class DuplicateSkillName(LibraryRule):
    id = "LB001"
    name = "duplicate-skill-name"
    groups = ("library",)
    severity = Severity.WARNING

    def check_library(self, library, ctx):
        for group in library.duplicate_names:
            for path in group["paths"]:
                yield self.report_at(library.prints[path], "name", f"the name '{group['name']}' is also used by "
                                     f"{self.others(group['paths'], path)}",
                                     hint="rename one of them so that each name says what sets the skill apart")

