"""A reference is reachable only through another reference (more than one level deep).

## What it does
Reports links from a Markdown file that SKILL.md links to, to another Markdown file of the skill that SKILL.md does
not link to itself. Opt-in (group `references`).

## Why it matters
The specification asks to keep references one level deep. Agents read what SKILL.md points to; a file two links
away is read partially (a `head` of it) or not at all, so what it says is often never applied.

## Example
```text
SKILL.md -> references/api.md -> references/errors.md   (SKILL.md never mentions errors.md)
```

## Fix
Link the nested file from SKILL.md where it is needed, or fold its content into the first-level reference.
"""

import posixpath

from skvm_lint.diagnostics import Severity
from skvm_lint.rule import Rule


def _targets(doc, present: set[str]) -> set[str]:
    base = posixpath.dirname(doc.file)
    found = set()
    for link in doc.links:
        target = link.target.split("#", 1)[0].split("?", 1)[0]
        if not target or "://" in target or target.startswith(("/", "mailto:")):
            continue
        path = posixpath.normpath(posixpath.join(base, target))
        if path in present and path.lower().endswith((".md", ".markdown")):
            found.add(path)
    return found


class ReferenceNested(Rule):
    id = "ST013"
    name = "reference-nested"
    groups = ("references", "structure")
    severity = Severity.INFO
    default_enabled = False

    def check(self, skill, ctx):
        if skill.body is None:
            return
        present = {f.path for f in skill.files}
        first_level = _targets(skill.body, present)
        docs = {doc.file: doc for doc in skill.markdown_docs()}
        for path in sorted(first_level):
            doc = docs.get(path)
            if doc is None:
                continue
            base = posixpath.dirname(doc.file)
            for link in doc.links:
                target = posixpath.normpath(posixpath.join(base, link.target.split("#", 1)[0]))
                if target in present and target not in first_level and target != skill.skill_md_path and \
                        target.lower().endswith((".md", ".markdown")):
                    yield self.report(skill, link.span, f"`{target}` is reached only through `{path}`: two levels "
                                      "deep", hint="link it from SKILL.md or fold it into the first-level reference")
