"""skvm-lint itself failed on this skill.

## What it does
Reports an exception inside skvm-lint (the model builder, an analysis or a rule) instead of crashing: the other
rules' findings are still reported. The engine emits it; the rule's own check has nothing to look at.

## Why it matters
A linter that crashes on hostile input is bypassed by it. This finding keeps the run going and tells you that part
of the skill went unchecked.

## Example
```
IN001 internal error in rule FM005: TypeError: ...
```

## Fix
Nothing to change in the skill. Report the bug with the skill attached.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.rule import Rule


class InternalError(Rule):
    id = "IN001"
    name = "internal-error"
    groups = ("input",)
    severity = Severity.ERROR

    def check(self, skill, ctx):
        return ()
