"""The frontmatter `name` is not a valid skill name.

## What it does
Reports a `name` that breaks the specification: 1-64 characters, lowercase letters, digits and hyphens only, not
starting or ending with a hyphen, no doubled hyphen.

## Why it matters
Clients use the name as an identifier: in slash commands, file paths and tool names. Spaces, capitals or
punctuation are rejected by strict clients (skills-ref) and mangled differently by lenient ones.

## Example
```markdown
---
name: PDF Tools!
---
```

## Fix
Use the folder name in kebab case: `name: pdf-tools`. When the name differs from a well-formed folder name only in
case, spaces or underscores (`name: PDF Tools` in `pdf-tools/`), `--fix` sets `name` to the folder name (a safe,
round-trip YAML edit). A malformed name that also differs from its folder is reported here only, not by FM008.
"""

import unicodedata

from skvm_lint.diagnostics import Severity
from skvm_lint.fixes.yaml_edit import frontmatter_fix
from skvm_lint.model import Span
from skvm_lint.rule import Rule
from skvm_lint.spec import NAME_MAX, kebab_case, name_problem


class NameFormat(Rule):
    id = "FM007"
    name = "name-format"
    groups = ("spec", "frontmatter")
    severity = Severity.ERROR
    fix_safety = "safe"

    def check(self, skill, ctx):
        name = (skill.frontmatter.data or {}).get("name")
        if isinstance(name, str) and (why := name_problem(name)) is not None:
            suggestion = kebab_case(name)[:NAME_MAX] or skill.folder_name
            yield self.report(skill, Span(skill.skill_md_path, skill.frontmatter.line_of("name")),
                              f"`name` {name!r} {why}", hint=f"use lowercase kebab case, e.g. `name: {suggestion}`",
                              fix=_normalise_fix(skill, name, unicodedata.normalize("NFKC", skill.folder_name)))


def _normalise_fix(skill, name: str, folder: str):
    """Set `name` to the folder name when they differ only in case, spaces or underscores, and the folder name is
    itself a valid name; anything else is a real choice between two names, left to the author."""
    if name_problem(folder) is not None or "-".join(name.replace("_", " ").lower().split()) != folder:
        return None

    def set_name(data) -> None:
        data["name"] = folder

    return frontmatter_fix(skill, f"set name to {folder!r}", set_name)
