"""A code fence is never closed.

## What it does
Reports a fenced code block (```` ``` ```` or `~~~`) that runs to the end of its file because the closing fence is
missing.

## Why it matters
Everything after the opening fence becomes code: headings, instructions and links below it disappear from the
rendered skill, and agents read the rest of the file as a command to copy.

## Example
````markdown
```bash
npm install
## Usage        <- now part of the code block
````

## Fix
Add the closing fence after the last line of code.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.rule import Rule


class CodeFenceUnclosed(Rule):
    id = "ST005"
    name = "code-fence-unclosed"
    groups = ("structure",)
    severity = Severity.WARNING

    def check(self, skill, ctx):
        for doc in skill.markdown_docs():
            for block in doc.code_blocks:
                if block.fenced and not block.closed:
                    yield self.report(skill, block.span, "code fence is never closed; the rest of the file is code",
                                      hint="add the closing fence after the last line of code")
