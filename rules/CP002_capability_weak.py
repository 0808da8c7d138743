"""The target model provides a capability at a lower level than the skill demands.

## What it does
With `--target PROFILE`, reports each primitive whose demanded level is above the target profile's level (and above
L0, which CP001 reports). A one-level gap is informational; a gap of two levels or more is a warning. The message
points at the lines that create the demand; the hint names a way to lower it by one level.

## Why it matters
A model asked to work above its measured level succeeds less often and spends more tokens; SkVM's compiler lowers
such demands before running the skill. Seeing the gaps statically tells you which lines to change.

## Example
```bash
skvm-lint check --target openclaw/anthropic--claude-haiku-4.5 skills/report
# gen.text.structured L3 demanded; claude-haiku-4.5 provides L2
```

## Fix
Apply the hint (each step lowers the demand by one level), or target a stronger model.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.rule import Rule


class CapabilityWeak(Rule):
    id = "CP002"
    name = "capability-weak"
    groups = ("capabilities",)
    severity = Severity.WARNING

    def check(self, skill, ctx):
        if ctx.target is None:
            return
        from skvm_lint.analyses.capabilities import gaps  # only with a target: a default check never loads it

        for gap in gaps(ctx.facts.capabilities.demands, ctx.target):
            if gap.provided == 0:
                continue  # CP001's
            yield self.report(skill, gap.span, f"{gap.primitive} L{gap.demanded} demanded ({gap.evidence}); "
                              f"{ctx.target.label} provides L{gap.provided}", hint=gap.strategy,
                              severity=Severity.INFO if gap.demanded - gap.provided == 1 else Severity.WARNING)
