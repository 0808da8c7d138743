"""The frontmatter `name` differs from the skill's folder name.

## What it does
Compares a well-formed `name` with the folder that holds SKILL.md, after Unicode NFKC normalisation. A malformed
name is FM007's finding alone (one finding per cause): fixing its format is what makes the comparison meaningful.
A hub's registry copy (a folder laid out as `registry-layout`, by default `owner--repo--name`, whose README names
`owner/repo`) is compared by its last part.

## Why it matters
The specification requires them to match. Clients disagree on which one wins: one loads the skill as
`pdf-tools`, another as `pdf-helper`, and links, allow-lists and slash commands break between them.

## Example
```
skills/pdf-tools/SKILL.md   with   name: pdf-helper
```

## Fix
Rename the folder or change `name` so they are equal.
"""

import unicodedata

from skvm_lint.diagnostics import Severity
from skvm_lint.model import Span
from skvm_lint.rule import Rule
from skvm_lint.spec import name_problem


class NameFolderMismatch(Rule):
    id = "FM008"
    name = "name-folder-mismatch"
    groups = ("spec", "frontmatter")
    severity = Severity.WARNING


    def check(self, skill, ctx):
        name = (skill.frontmatter.data or {}).get("name")
        if not isinstance(name, str) or not name or name_problem(name) is not None:
            return  # missing (FM004), not a string (FM005) or malformed (FM007)
        copy = ctx.facts.registry_copy  # a hub's owner--repo--name/ copy is named by its last part
        folder = unicodedata.normalize("NFKC", copy.name if copy is not None else skill.folder_name)
        if unicodedata.normalize("NFKC", name) != folder:
            yield self.report(skill, Span(skill.skill_md_path, skill.frontmatter.line_of("name")),
                              f"`name` {name!r} differs from the folder name {folder!r}",
                              hint=f"rename the folder to {name!r} or set `name: {folder}`")
