"""A skill's SKILL.md is nearly the same as another skill's in the library.

## What it does
In a hub scan, estimates the overlap of every SKILL.md's five-word shingles with MinHash and locality-sensitive
hashing (no pair-by-pair comparison, so it scales to 100k skills) and reports skills whose SKILL.md shares at least
80 % of its shingles (Jaccard) with another's: forks, re-uploads and renamed copies.

## Why it matters
Copies multiply review work and split fixes: a security fix lands in one copy and not the others. For the agent,
two near-identical skills under different names cost context twice and make the choice between them arbitrary.

## Example
```text
hub/alice/git-helper/SKILL.md
hub/bob/git-helper-pro/SKILL.md   <- the same text with a new name and one added line
```

## Fix
Keep one skill and retire the copies, or make the differences the point of the second skill and say so in its
description.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.rule import LibraryRule


class NearDuplicateSkill(LibraryRule):
    id = "LB002"
    name = "near-duplicate-skill"
    groups = ("library",)
    severity = Severity.INFO

    def check_library(self, library, ctx):
        for cluster in library.near_duplicates:
            for path in cluster["paths"]:
                yield self.report_at(library.prints[path], "name", f"SKILL.md is a near copy (similarity >= "
                                     f"{cluster['similarity']:.2f}) of {self.others(cluster['paths'], path)}",
                                     hint="keep one of them, or state in the description what this one adds")
