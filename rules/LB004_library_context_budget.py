"""The names and descriptions of a whole library exceed what a harness lists.

## What it does
In a hub scan, sums the characters of every skill's `name` and `description` (what a harness loads up front so the
agent can choose among skills) and reports when the sum exceeds a budget, 15,000 characters by default (option
`budget_chars`). The report sits on the skills with the longest descriptions, which are where to trim first.

## Why it matters
Harnesses load every installed skill's name and description into the context before any work starts; some cap
that listing and silently drop the skills past the cap, others pay the tokens on every turn. A library that
outgrows the budget loses skills without an error.

## Example
```text
1,200 skills, 310,000 characters of names and descriptions: about 77,000 tokens before the first question
```

## Fix
Shorten the longest descriptions to what selection needs (what the skill does and when to use it), and install
subsets of the library per project rather than the whole hub.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.rule import LibraryRule, Option

BUDGET_CHARS = 15_000
REPORTED = 5  # the longest descriptions named in the report


class LibraryContextBudget(LibraryRule):
    id = "LB004"
    name = "library-context-budget"
    groups = ("library",)
    severity = Severity.INFO
    options = (Option("budget_chars", int, BUDGET_CHARS, "the summed length of every name and description the "
                      "hub's harness loads, above which the rule reports"),)

    def check_library(self, library, ctx):
        budget = self.option(ctx, "budget_chars")
        total = library.context.get("chars", 0)
        if total <= budget:
            return
        for f in library.most_context(REPORTED):
            yield self.report_at(f, "description",
                                 f"the library's names and descriptions add up to {total:,} characters (about "
                                 f"{library.context.get('tokens', 0):,} tokens), over the budget of {budget:,}; "
                                 f"this skill's take {f.context_chars:,}",
                                 hint="shorten the longest descriptions to what selection needs, or install fewer "
                                 "skills at once")
