"""The target model lacks a capability the skill demands (its profile says L0).

## What it does
With `--target PROFILE` (a SkVM capability profile), reports each primitive the skill demands at L1 or above that the
target's profile rates L0, pointing at the lines that create the demand and naming a way to remove it. A primitive
the profile does not list is unknown, not L0, and is not reported. A demand read from weak evidence (an output
template of four to six sections, where a short answer is as likely as a long document; one or two planning
passages) is reported as info: read by eye on hubs nobody labelled, about half such demands were not there, and
about one in seven of the rest.

## Why it matters
SkVM measured that a skill whose demand exceeds the model's profile fails or wanders on that model; a missing
capability is the worst case: the model cannot do that kind of step at all.

## Example
```bash
skvm-lint check --target bare-agent/qwen--qwen3.5-9b skills/log-digest
# gen.code.shell L3 demanded (pipeline with sed); qwen3.5-9b provides L0
```

## Fix
Lower the demand as the hint says (for shell: bundle the pipeline as a script the agent runs), or target a model
whose profile provides the primitive. `skvm-lint check --fix --target ... --model ...` rewrites the skill.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.rule import Rule


class CapabilityMissing(Rule):
    id = "CP001"
    name = "capability-missing"
    groups = ("capabilities",)
    severity = Severity.WARNING

    def check(self, skill, ctx):
        if ctx.target is None:
            return
        from skvm_lint.analyses.capabilities import gaps  # only with a target: a default check never loads it

        for gap in gaps(ctx.facts.capabilities.demands, ctx.target):
            if gap.provided == 0:
                yield self.report(skill, gap.span, f"{gap.primitive} L{gap.demanded} demanded ({gap.evidence}); "
                                  f"{ctx.target.label} provides L0", hint=gap.strategy,
                                  severity=Severity.WARNING if gap.firm else Severity.INFO)
