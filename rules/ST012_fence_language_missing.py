"""A code fence has no language although its content is clearly code.

## What it does
Reports fences opened with a bare ```` ``` ```` whose content parses unambiguously as JSON, as Python (imports or
definitions, no syntax errors) or as shell commands (the commands the agent is told to run), and offers a safe fix
that adds the language to the opening fence. Console sessions with `$ ` prompts get `console`.

## Why it matters
The language tag tells the agent (and every tool, including this linter) how to read the block: whether to run it,
which interpreter to use, how to highlight it for the reviewer. Unlabelled command blocks are where agents most
often paste the prompt characters or run Python through the shell.

## Example
````markdown
```
python3 -m pip install pypdf
```
````

## Fix
Add the language after the backticks (` ```bash `). `--fix` does it.
"""

from skvm_lint.analyses.fences import fence_language
from skvm_lint.diagnostics import Fix, Replace, Severity
from skvm_lint.fixes.yaml_edit import line_end, line_offset
from skvm_lint.rule import Rule


class FenceLanguageMissing(Rule):
    id = "ST012"
    name = "fence-language-missing"
    groups = ("structure", "style")
    severity = Severity.INFO
    fix_safety = "safe"

    def check(self, skill, ctx):
        body = skill.body
        if body is None or not skill.skill_md_path:
            return
        text = skill.skill_md_text
        for block in body.code_blocks:
            if not block.fenced or block.info or not block.closed:
                continue
            language = fence_language(block)
            if language is None:
                continue
            start = line_offset(text, block.span.line)
            opening = text[start:line_end(text, block.span.line)]
            marker = opening.lstrip(" >\t")
            position = start + len(opening) - len(marker) + (len(marker) - len(marker.lstrip("`~")))
            fix = Fix(f"label the fence `{language}`", (Replace(skill.skill_md_path, position, position, language),))
            yield self.report(skill, block.span, f"this fence has no language; its content is {language}",
                              hint=f"open it with ```{language}", fix=fix)
