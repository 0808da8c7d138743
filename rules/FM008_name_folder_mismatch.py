"""The frontmatter `name` differs from the skill's folder name.

## What it does
Compares `name` with the folder that holds SKILL.md, after Unicode NFKC normalisation. A malformed name is also
FM007's finding; both are reported, as the specification's validator does.

## Why it matters
The specification requires them to match. Clients disagree on which one wins: one loads the skill as
`pdf-tools`, another as `pdf-helper`, and links, allow-lists and slash commands break between them.

## Example
```
skills/pdf-tools/SKILL.md   with   name: pdf-helper
```

## Fix
Rename the folder or change `name` so they are equal. When they differ only in case, spaces or underscores
(`name: PDF Tools` in `pdf-tools/`), `--fix` sets `name` to the folder name (a safe, round-trip YAML edit).
"""

import unicodedata

from skvm_lint.diagnostics import Fix, Severity
from skvm_lint.fixes.yaml_edit import frontmatter_edit
from skvm_lint.model import Span
from skvm_lint.rule import Rule
from skvm_lint.spec import name_problem


class NameFolderMismatch(Rule):
    id = "FM008"
    name = "name-folder-mismatch"
    groups = ("spec", "frontmatter")
    severity = Severity.WARNING

    fix_safety = "safe"

    def check(self, skill, ctx):
        name = (skill.frontmatter.data or {}).get("name")
        if not isinstance(name, str) or not name:
            return
        folder = unicodedata.normalize("NFKC", skill.folder_name)
        if unicodedata.normalize("NFKC", name) != folder:
            yield self.report(skill, Span(skill.skill_md_path, skill.frontmatter.line_of("name")),
                              f"`name` {name!r} differs from the folder name {folder!r}",
                              hint=f"rename the folder to {name!r} or set `name: {folder}`",
                              fix=_normalise_fix(skill, name, folder))


def _normalise_fix(skill, name: str, folder: str):
    """Set `name` to the folder name when they differ only in case, spaces or underscores, and the folder name is
    itself a valid name; anything else is a real choice between two names, left to the author."""
    if name_problem(folder) is not None or "-".join(name.replace("_", " ").lower().split()) != folder:
        return None

    def set_name(data) -> bool:
        data["name"] = folder
        return True

    edit = frontmatter_edit(skill, set_name)
    return Fix(f"set name to {folder!r}", (edit,)) if edit else None
