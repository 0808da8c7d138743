"""A step applies one operation to many independent items, one at a time.

## What it does
Reports DLP groups the workflow analysis finds in a skill's code: a shell `for` loop in SKILL.md whose body runs a
program on the item and carries nothing to the next run (no variable that builds on itself, no append to a shared
file, no `sleep` or `break`, no job that takes every GPU), several runs of one command on different items shown
together, or a step whose commands loop over items and whose text says they are independent. A step that only
says "for each ..." in words is WF003's (opt-in): words alone too often mean a loop that is serial on purpose.

## Why it matters
Independent items can be processed concurrently (`xargs -P`, `concurrent.futures`, `Promise.all`, several tool
calls in one turn). Written as a sequential loop, an agent handles them one by one and the run takes N times
longer.

## Example
```bash
for url in $(cat urls.txt); do curl -s "$url" -o "pages/$(basename "$url").html"; done
```

## Fix
State that the items are independent and how to run them concurrently (e.g. `xargs -P 8`), or let the unsafe fix
append a "Parallel execution" section.
"""

from skvm_lint.analyses.workflow import KIND_NAMES, serial_groups
from skvm_lint.diagnostics import Severity
from skvm_lint.fixes.sections import parallel_section_fix
from skvm_lint.rule import Rule


class ItemsProcessedSerially(Rule):
    id = "WF002"
    name = "items-processed-serially"
    groups = ("workflow",)
    severity = Severity.INFO
    fix_safety = "unsafe"

    def check(self, skill, ctx):
        steps, groups = list(ctx.facts.workflow.steps), list(ctx.facts.workflow.groups)
        serial = serial_groups(skill, steps, groups, ("dlp",), said_in_prose=False)
        fix = parallel_section_fix(skill, steps, groups) if serial else None
        for group in serial:
            yield self.report(skill, group.span, f"{group.reason[:1].upper() + group.reason[1:]}, written as a "
                              f"serial loop: {KIND_NAMES['dlp']}",
                              hint=f"process the items concurrently ({group.mechanism})", fix=fix)
