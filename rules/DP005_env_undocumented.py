"""Code reads an environment variable that the skill never mentions.

## What it does
Reports an environment variable that a bundled script reads without a default or a fallback
(`os.environ["X"]`, `os.getenv("X")`, `process.env.X`, `$X`; not `os.getenv("X", "y")`, `process.env.X || "y"`,
`${X:-y}`, a read inside an `if` or one that a test found set, a switch compared with a value such as
`[[ "$X" == "true" ]]`, nor a variable the skill's own scripts set, export or source) when neither the skill's
documents (SKILL.md, a README, references, an `.env.example`) nor the hub metadata (`requires.env`) names it.

## Why it matters
The agent cannot set up what it was never told about: the script fails at run time with a key error or an empty
value, and the user learns the variable's name from a stack trace.

## Example
```python
token = os.environ["NOTION_TOKEN"]   # SKILL.md never says NOTION_TOKEN
```

## Fix
Document it in SKILL.md (what it is, where to get it) and list it in `metadata.openclaw.requires.env`.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.rule import Rule


class EnvUndocumented(Rule):
    id = "DP005"
    name = "env-undocumented"
    groups = ("dependencies",)
    severity = Severity.WARNING

    def check(self, skill, ctx):
        text = "\n".join([skill.skill_md_text] + [f.text for f in skill.files if f.text is not None and (
            f.kind == "markdown" or f.path.rsplit("/", 1)[-1].lower().startswith((".env", "env.", "config.example")))])
        scripts = {f.path for f in skill.files if f.kind == "script"}
        for dep in ctx.facts.dependencies.found:
            if dep.type != "env" or dep.declared or dep.name in text:
                continue
            span = next((s for s in dep.evidence if s.file in scripts), None)
            if span is not None:
                yield self.report(skill, span, f"the script reads ${dep.name}, which SKILL.md never mentions",
                                  hint=f"document {dep.name} in SKILL.md and list it in metadata requires.env")
