"""Code in SKILL.md that the agent writes out again on every run.

## What it does
Finds code fences the agent must reproduce or adapt rather than run: fences with placeholders (`<FILE>`,
`YOUR_API_KEY`, `{query}`, `$1`, `INPUT_FILE`), fences introduced as templates ("save this script", "replace X
with ..."), the same code in several fences, and complete programs (15+ lines of Python or JavaScript, 10+ of
shell). Fences that only run a bundled script (`python3 {baseDir}/scripts/x.py ...`) are what this rule asks for
and are never reported. Each finding names the parameters the code would take and the tokens the agent spends
writing it out per run (an offline estimate); `analyze --format json` lists them under `solidification`.

## Why it matters
SkVM measured agents regenerating the same code for a skill run after run; freezing it into a parameterised script
cut those steps' latency 19-50x and their tokens to a command line. The fence is also where a weaker model makes
mistakes: every copy is a chance to get the code wrong.

## Example
````markdown
Save this as convert.py and run it, replacing <INPUT> with the file:
```python
import sys, csv, json
rows = list(csv.DictReader(open("<INPUT>")))
json.dump(rows, sys.stdout, indent=2)
```
````

## Fix
Move the code into `scripts/` with an argument for each placeholder and replace the fence with the command that
runs it. `--unsafe-fixes` does this: argparse options for Python (rewritten with libcst), positional parameters
for shell, `process.argv` for Node; the new script must parse, and nothing is extracted that holds a credential or
asks for interactive input.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.rule import Rule

REASONS = {"placeholders": "has placeholders to fill", "template": "is introduced as a template to adapt",
           "duplicate": "repeats another fence", "program": "is a complete program"}


class RegeneratedCode(Rule):
    id = "SO001"
    name = "regenerated-code"
    groups = ("solidification",)
    severity = Severity.INFO
    default_enabled = False
    fix_safety = "unsafe"

    def check(self, skill, ctx):
        from skvm_lint.fixes.extract import extraction_fix  # opt-in: a default check never loads solidification

        for candidate in ctx.facts.solidification.candidates:
            why = " and ".join(REASONS[r] for r in candidate.reasons)
            params = ", ".join(p.name for p in candidate.parameters)
            message = (f"this {candidate.lines}-line {candidate.language} fence {why}: the agent writes out about "
                       f"{candidate.tokens_per_run} tokens of it on every run")
            if params:
                message += f" (parameters: {params})"
            hint = f"extract it into {candidate.script_path} and run that" if candidate.safe else \
                f"extract it into scripts/ by hand: {'; '.join(candidate.unsafe_reasons)}"
            yield self.report(skill, candidate.span, message, hint=hint, fix=extraction_fix(skill, candidate))
