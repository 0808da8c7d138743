"""A Markdown template holds fences as long as its own, so the first inner block ends it.

## What it does
Reports a ```` ```markdown ```` (or ```` ```md ````) block whose content holds fences of the same kind and length
(```` ```bash ```` ... ```` ``` ````): CommonMark, GitHub and every renderer that follows it end the template at the
inner block's closing line. The report names the line that closes the template as its author paired the fences, and
a safe fix lengthens the outer pair by one character (```` ```` ````), which nests the inner blocks as meant.

## Why it matters
Past the inner block, the rest of the template renders as the skill's own document: its headings become the
skill's sections, its example commands the skill's commands, and a later fence pairs with the wrong partner, often
leaving the end of the file inside a code block. Readers see a broken page; tools that read the Markdown (this one
included, before it reads the template as meant) take the template's commands and files for the skill's.

## Example
`````markdown
```markdown
# Incident Runbook
```bash
kubectl get pods      <- the template ends at the next line for CommonMark
```
## Verification      <- now a section of the skill
```
`````

## Fix
Open and close the template with one more backtick than any fence inside it (```` ````markdown ```` ...
```` ```` ````). `--fix` does it.
"""

from skvm_lint.diagnostics import Fix, Replace, Severity
from skvm_lint.fixes.yaml_edit import line_end, line_offset
from skvm_lint.model import Span
from skvm_lint.rule import Rule


class CodeFenceNested(Rule):
    id = "ST014"
    name = "code-fence-nested"
    groups = ("structure",)
    severity = Severity.WARNING
    fix_safety = "safe"

    def check(self, skill, ctx):
        for doc in skill.markdown_docs():
            if not doc.nested_fences:
                continue
            bundled = skill.file(doc.file)
            text = bundled.text if bundled is not None else None
            for start, inner, end in doc.nested_fences:
                fix = None
                if text is not None:
                    edits = []
                    for line in (start, end):
                        at = line_offset(text, line)
                        row = text[at:line_end(text, line)]
                        column = len(row) - len(row.lstrip(" "))
                        edits.append(Replace(doc.file, at + column, at + column, row[column]))
                    fix = Fix("lengthen the template's fences by one character", tuple(edits))
                yield self.report(skill, Span(doc.file, start),
                                  f"the fence on line {inner} inside this Markdown template is as long as the "
                                  f"template's own, so CommonMark ends the template at that block's closing line "
                                  f"(its author closes it on line {end})",
                                  hint=f"open the template with one more backtick than its inner fences and close "
                                       f"it the same way on line {end}", fix=fix)
