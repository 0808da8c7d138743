"""Independent steps are written to run one after another.

## What it does
Reports ILP and TLP groups found by the workflow analysis: adjacent steps that are single read-only commands with no
data flow between them (they can go in one turn as batched tool calls), and sub-tasks the skill hands to
sub-agents that do not depend on each other. The analysis is conservative: steps are sequential unless their
independence is shown.

## Why it matters
SkVM measured up to 3.2x faster runs when a skill's independent steps are issued together. An agent follows the
text literally: if independence is not written down, it waits for each call before the next.

## Example
```markdown
1. List the teams: `linear.sh teams`
2. List the workflow states: `linear.sh states`
```

## Fix
Say that the steps are independent and can be issued together, or let the unsafe fix append a
"Parallel execution" section (`--fix --unsafe-fixes`); existing text is never changed.
"""

from skvm_lint.analyses.workflow import KIND_NAMES, serial_groups
from skvm_lint.diagnostics import Severity
from skvm_lint.fixes.sections import parallel_section_fix
from skvm_lint.rule import Rule


class IndependentStepsSerial(Rule):
    id = "WF001"
    name = "independent-steps-serial"
    groups = ("workflow",)
    severity = Severity.INFO
    fix_safety = "unsafe"

    def check(self, skill, ctx):
        steps, groups = list(ctx.facts.workflow.steps), list(ctx.facts.workflow.groups)
        serial = serial_groups(skill, steps, groups, ("ilp", "tlp"))
        fix = parallel_section_fix(skill, steps, groups) if serial else None
        for group in serial:
            if len(group.step_ids) > 1:
                what = f"steps {', '.join(group.step_ids)} are independent ({group.reason})"
            elif group.step_ids:
                what = f"step {group.step_ids[0]} holds independent work ({group.reason})"
            else:  # a group found in the description or prose, not in numbered steps
                what = group.reason[:1].upper() + group.reason[1:]
            yield self.report(skill, group.span, f"{what}, but the instructions run them one after another: "
                              f"{KIND_NAMES[group.type]}", hint=f"say they can run together ({group.mechanism})",
                              fix=fix)
