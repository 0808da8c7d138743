"""SKILL.md points at a file of the skill that does not exist.

## What it does
Checks relative Markdown links and images, and file mentions in inline code and commands that name a file of the
skill (`scripts/x.py`, `references/y.md`, `assets/...`, `./run.sh`, `{baseDir}/...`, `$SKILL_DIR/...`), and reports
each target that is not in the skill. URLs, anchors, globs, placeholders (`<file>`, `YOUR_...`) and files named
as examples ("e.g. `assets/logo.png`") are skipped.

In a hub's registry copy (`owner--repo--name/` with a README naming `owner/repo`; see `registry-layout` in the
configuration) the files the hub did not copy are reported once for the skill, at info, naming the upstream.

## Why it matters
The agent follows the pointer and fails: a missing script turns a one-command step into trial and error, and a
missing reference leaves it guessing. Hubs often strip files, so this is common in published skills.

## Example
```markdown
Run `python3 scripts/extract.py` (but scripts/ holds only convert.py)
```

## Fix
Add the file, fix the path, or remove the pointer.
"""

import re

from skvm_lint.diagnostics import Severity
from skvm_lint.lazy_re import lazy
from skvm_lint.rule import Rule

SKILL_PREFIXES = ("scripts/", "references/", "assets/", "templates/", "examples/", "reference/", "resources/")
ANCHORS = lazy(r"^(\{baseDir\}|\$\{?SKILL_DIR\}?|\$\{?CLAUDE_SKILL_DIR\}?|\{skill_dir\})/")
PLACEHOLDER = lazy(r"[<>*?{}$]|YOUR_|\.\.\.|XXX", re.IGNORECASE)
TOKEN = lazy(r"[\w{}$./-]+")
EXAMPLE = lazy(r"\b(e\.g\.|for example|for instance|such as|examples?:|like)\b|\*\*examples?\*\*", re.IGNORECASE)


def candidate(path: str) -> str | None:
    """The skill-relative path a pointer names, or None when it is not a pointer into the skill."""
    path = path.strip().strip("'\"`()[],;:").split("#", 1)[0].split("?", 1)[0]
    path = ANCHORS.sub("", path)
    if path.startswith("./"):
        path = path[2:]
    if not path or "://" in path or path.startswith(("/", "~", "mailto:", "..")) or PLACEHOLDER.search(path):
        return None
    if not path.startswith(SKILL_PREFIXES) or path.endswith("/"):
        return None
    if path.rsplit("/", 1)[-1] in (".", "..") or "." not in path.rsplit("/", 1)[-1]:
        return None  # `scripts/run` style names are ambiguous with commands; only files with extensions
    return path


class ReferencedFileMissing(Rule):
    id = "ST004"
    name = "referenced-file-missing"
    groups = ("structure", "references")
    severity = Severity.WARNING

    def check(self, skill, ctx):
        body = skill.body
        if body is None:
            return
        present = {f.path for f in skill.files}
        folders = {p.rsplit("/", 1)[0] for p in present if "/" in p}
        seen = set()
        pointers = [(link.target, link.span) for link in body.links if not link.target.startswith(("http", "#"))]
        # Inline code in a sentence that gives examples ("e.g. `assets/logo.png`") names files illustratively. Only
        # inline code holding a skill folder's name can point into the skill: the sentences are read for those.
        inline = [ic for ic in body.inline_code if any(prefix in ic.text for prefix in SKILL_PREFIXES)]
        if inline:
            example_lines = {p.span.line + i for p in [*body.paragraphs, *body.list_items] if EXAMPLE.search(p.text)
                             for i in range(p.text.count("\n") + 1)}
            pointers += [(tok, ic.span) for ic in inline if ic.span.line not in example_lines
                         for tok in TOKEN.findall(ic.text)]
        for block in body.code_blocks:
            if block.code is not None:
                pointers += [(arg, cmd.span) for cmd in block.code.commands for arg in cmd.argv]
        missing: list[tuple[str, object]] = []
        for raw, span in pointers:
            path = candidate(raw)
            if path is None or path in present or path in folders or (path, span.line) in seen:
                continue
            seen.add((path, span.line))
            missing.append((path, span))
        copy = ctx.facts.registry_copy
        if copy is not None and missing:  # what the hub left out when it copied the skill: said once, at info
            names = sorted({path for path, _ in missing})
            shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
            yield self.report(skill, missing[0][1], f"this registry copy of {copy.upstream} lacks {len(names)} "
                              f"referenced file(s): {shown}", severity=Severity.INFO,
                              hint=f"they are in the upstream skill ({copy.upstream}); copy them with the skill")
            return
        for path, span in missing:
            yield self.report(skill, span, f"`{path}` is referenced but not in the skill",
                              hint="add the file, fix the path, or remove the reference")
