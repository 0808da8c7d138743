"""Descriptions so alike that an agent would pick the wrong skill.

## What it does
In a hub scan, compares skill descriptions by their content words, weighted by rarity across the library (tf-idf
cosine; candidate pairs come from MinHash locality-sensitive hashing), and reports skills whose description scores
at least 0.6 against another skill's that is not a near copy. Alike skills are clustered, so one report names the
whole group.

## Why it matters
An agent chooses a skill from its name and description alone. When two descriptions claim the same job in the same
words, the choice is a coin toss, and the chance of a wrong pick grows with the size of the library ("skill
shadowing"). The skill that loses is never used, whatever its quality.

## Example
```text
csv-report:   Analyze CSV files and produce summary reports with charts.
sheet-stats:  Analyze CSV files and create summary reports with charts and tables.
```

## Fix
Make each description say when to use this skill rather than the other: the inputs, the output, the trigger
phrases that differ. Merge the skills when they really do the same job.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.rule import LibraryRule


class SkillShadowing(LibraryRule):
    id = "LB003"
    name = "skill-shadowing"
    groups = ("library",)
    severity = Severity.INFO

    def check_library(self, library, ctx):
        for cluster in library.shadowing:
            # a cluster is a leader and its members: the leader is close to every member, a member to the leader
            leader = cluster["paths"][0]
            to_leader = {pair["b"]: pair["score"] for pair in cluster["pairs"]}
            by_score = sorted(to_leader.items(), key=lambda kv: (-kv[1], kv[0]))
            for path in cluster["paths"]:
                closest = by_score if path == leader else [(leader, to_leader[path])]
                shown = ", ".join(f"{p} ({score:.2f})" for p, score in closest[:3])
                more = f" and {len(closest) - 3} more" if len(closest) > 3 else ""
                yield self.report_at(library.prints[path], "description",
                                     f"the description is close to that of {shown}{more}: an agent may pick the "
                                     "wrong one", hint="say in the description when to use this skill rather than "
                                     "the others: inputs, outputs, trigger phrases")
