r"""SKILL.md contains an absolute path from the author's machine.

## What it does
Reports paths such as `/Users/alice/...`, `/home/bob/...` and `C:\Users\carol\...` in SKILL.md code and inline
code (the system paths `/home/user` placeholders and `~` are not reported).

## Why it matters
Those paths exist only on the author's computer. The agent runs the command, fails, and guesses; worse, it may write
into a different user's folder of the same name.

## Example
```bash
python3 /Users/alice/skills/pdf/scripts/merge.py in.pdf
```

## Fix
Anchor the path to the skill (`{baseDir}/scripts/merge.py`) or use `~` / an environment variable.
"""


from skvm_lint.diagnostics import Severity
from skvm_lint.lazy_re import lazy
from skvm_lint.model import Span
from skvm_lint.rule import Rule

AUTHOR_PATH = lazy(r"(/Users/(?!Shared/|<|\{|\$|USER|username|you)[A-Za-z0-9._-]+/|"
                   r"/home/(?!user/|<|\{|\$|USER|username|you|runner/|node/)[a-z0-9._-]+/|"
                   r"[A-Z]:\\\\Users\\\\(?!<|\{|%|username|you)[A-Za-z0-9._-]+\\\\)")


class AuthorMachinePath(Rule):
    id = "ST006"
    name = "author-machine-path"
    groups = ("structure", "portability")
    severity = Severity.WARNING

    def check(self, skill, ctx):
        body = skill.body
        if body is None:
            return
        places = [(b.text, b.content_line) for b in body.code_blocks]
        places += [(ic.text, ic.span.line) for ic in body.inline_code]
        for text, first_line in places:
            for m in AUTHOR_PATH.finditer(text):
                line = first_line + text.count("\n", 0, m.start())
                yield self.report(skill, Span(skill.skill_md_path, line),
                                  f"absolute path from an author's machine: `{m.group(0)}`",
                                  hint="anchor it to the skill ({baseDir}/...) or use ~")
