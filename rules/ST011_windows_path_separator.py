"""A bundled file is referenced with Windows path separators (`scripts\\run.py`).

## What it does
Reports links and commands in SKILL.md that name a file of the skill with backslashes, when the same path with
forward slashes exists in the skill.

## Why it matters
On macOS and Linux a backslash is not a separator: `python3 scripts\\run.py` looks for a file literally named
`scripts\\run.py` (the shell even eats the backslash), and a Markdown link with backslashes does not resolve. Forward
slashes work everywhere, Windows included.

## Example
```markdown
See [the API notes](references\\api.md) and run `python scripts\\fetch.py`.
```

## Fix
Write the path with forward slashes: `references/api.md`, `scripts/fetch.py`.
"""


from skvm_lint.diagnostics import Severity
from skvm_lint.lazy_re import lazy
from skvm_lint.model import Span
from skvm_lint.rule import Rule

BACKSLASH_PATH = lazy(r"(?:\.\\)?(?<![\w.-])[\w.-]++(?:\\[\w.-]++)+")  # from a name's start, no giving back


class WindowsPathSeparator(Rule):
    id = "ST011"
    name = "windows-path-separator"
    groups = ("structure", "portability")
    severity = Severity.WARNING

    def check(self, skill, ctx):
        if skill.body is None or not skill.skill_md_text:
            return
        present = {f.path for f in skill.files}
        for number, line in enumerate(skill.skill_md_text.split("\n"), 1):
            if "\\" not in line:
                continue
            for m in BACKSLASH_PATH.finditer(line):
                path = m.group(0).removeprefix(".\\").replace("\\", "/")
                if path in present:
                    yield self.report(skill, Span(skill.skill_md_path, number, m.start() + 1),
                                      f"`{m.group(0)}` uses Windows separators", hint=f"write `{path}`")
