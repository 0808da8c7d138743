"""A step says it applies one operation to each of many items, and nothing says the items may run at once.

## What it does
Reports DLP groups the workflow analysis reads from words alone: a step that processes each of many files, URLs
or records ("For each URL, fetch the page ...", 每个 / 逐个 phrasing), or prose that applies one operation to
multiple items, with no loop or command that shows the items are independent. WF002 reports the groups a skill's
code shows.

Opt-in (`--select WF003`): read by eye on unlabelled hub skills, these findings were right about six times in
ten. A "for each" often walks items that share state (one wallet's transfers, one file's sections, a rebuttal's
points) or are serial on purpose, which only a reader of the task can see.

## Why it matters
Independent items can be processed concurrently (`xargs -P`, `concurrent.futures`, `Promise.all`, several tool
calls in one turn). Written as a sequential loop, an agent handles them one by one and the run takes N times
longer.

## Example
```markdown
3. For each URL in urls.txt, fetch the page and extract the title.
```

## Fix
State that the items are independent and how to run them concurrently (e.g. `xargs -P 8`), or let the unsafe fix
append a "Parallel execution" section.
"""

from skvm_lint.analyses.workflow import KIND_NAMES, serial_groups
from skvm_lint.diagnostics import Severity
from skvm_lint.fixes.sections import parallel_section_fix
from skvm_lint.rule import Rule


class ItemsSaidProcessedSerially(Rule):
    id = "WF003"
    name = "items-said-processed-serially"
    groups = ("workflow",)
    severity = Severity.INFO
    fix_safety = "unsafe"
    default_enabled = False

    def check(self, skill, ctx):
        steps, groups = list(ctx.facts.workflow.steps), list(ctx.facts.workflow.groups)
        serial = serial_groups(skill, steps, groups, ("dlp",), said_in_prose=True)
        fix = parallel_section_fix(skill, steps, groups) if serial else None
        for group in serial:
            yield self.report(skill, group.span, f"{group.reason[:1].upper() + group.reason[1:]}, said in the "
                              f"text and written as a serial loop: {KIND_NAMES['dlp']}",
                              hint=f"process the items concurrently ({group.mechanism})", fix=fix)
