"""A bundled script or reference that nothing in the skill leads to.

## What it does
Follows the skill from SKILL.md: a file is reached when a reached file mentions its path (relative to the skill or
to the mentioning file), its file name, or a folder that holds it (`see assets/templates/`), and for scripts when a
reached script imports it (`import helpers`, `require("./lib/x")`, `source common.sh`). Reports scripts and Markdown
files that are never reached. READMEs, licences, changelogs and logs, tests (`tests/`, `test-*`), `__init__.py` and files in hidden folders are
not reported; nor are assets and data, which scripts often load by pattern.

## Why it matters
The agent only reads what SKILL.md leads it to. An unreachable reference is knowledge the skill paid for and never
uses; an unreachable script is code nobody reviews against the instructions, and it ships to every user.

## Example
```text
pdf-tools/
  SKILL.md             (mentions scripts/merge.py)
  scripts/merge.py
  scripts/old_merge.py  <- nothing mentions or imports it
```

## Fix
Link the file from SKILL.md (or from a reference SKILL.md links) where the agent needs it, or delete it.
"""

import posixpath
import re

from skvm_lint.diagnostics import Severity
from skvm_lint.model import for_people
from skvm_lint.rule import Rule

# Besides files written for people (model.for_people): notes, logs, test scenarios, package markers, hidden folders.
NOT_REPORTED = re.compile(r"(^|/)(notice|authors)[^/]*$|(^|/)[^/]*[-_]?log\.md$|(^|/)test[-_][^/]*$|"
                          r"(^|/)(tests?|__tests__|\.[^/]+)/|(^|/)__init__\.py$|(^|/)conftest\.py$", re.IGNORECASE)


class OrphanFile(Rule):
    id = "ST007"
    name = "orphan-file"
    groups = ("structure", "references")
    severity = Severity.INFO

    def check(self, skill, ctx):
        if skill.skill_md_path is None or not skill.skill_md_text:
            return
        candidates = [f for f in skill.files if f.kind in ("script", "markdown") and f.path != skill.skill_md_path
                      and not for_people(f.path) and not NOT_REPORTED.search(f.path)]
        if not candidates:
            return
        texts = {f.path: f.text for f in skill.files if f.text is not None}
        reached = {skill.skill_md_path}
        frontier = [skill.skill_md_path]
        while frontier:
            source = frontier.pop()
            text = texts.get(source) or ""
            for f in skill.files:
                if f.path not in reached and _mentions(source, text, f.path):
                    reached.add(f.path)
                    if f.text is not None:
                        frontier.append(f.path)
        for f in candidates:
            if f.path not in reached:
                yield self.report(skill, f.path, f"`{f.path}` is not reached from SKILL.md: no link, mention, "
                                  "command or import leads to it",
                                  hint="link it where the agent needs it, or delete it")


def _mentions(source: str, text: str, path: str) -> bool:
    """Whether ``text`` (the content of ``source``) points at ``path`` by path, file name, folder or import."""
    name = path.rsplit("/", 1)[-1]
    if name in text:
        return True
    relative = posixpath.relpath(path, posixpath.dirname(source) or ".")
    if relative in text:
        return True
    folder = path.rsplit("/", 1)[0] if "/" in path else ""
    while folder:
        if re.search(re.escape(folder) + r"(/)?(?![\w/-]|\.\w)", text):  # `assets/templates/`, not `scripts/x.py`
            return True
        folder = folder.rsplit("/", 1)[0] if "/" in folder else ""
    stem = name.rsplit(".", 1)[0]
    if len(stem) >= 3 and re.search(r"(import|from|require\(|source|\.)\s*['\"./]*(\w+[./])*" + re.escape(stem)
                                    + r"\b", text):
        return True
    return False
