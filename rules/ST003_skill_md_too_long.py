"""SKILL.md is longer than the specification recommends.

## What it does
Reports a SKILL.md body over 500 lines or about 5,000 tokens. Tokens are estimated offline (characters / 4 for
Latin text, one per character for CJK), with no tokenizer download.

## Why it matters
The whole body enters the agent's context when the skill is selected. Long bodies crowd out the conversation and
the task, cost tokens on every use, and bury the instructions that matter; the specification suggests moving
details into `references/`, which the agent reads only when needed.

## Example
```
SKILL.md: 1,200 lines of API reference
```

## Fix
Keep the workflow in SKILL.md and move reference material to `references/*.md`, linked from where it is needed.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.rule import Rule
from skvm_lint.tokens import estimate_tokens

MAX_LINES = 500
MAX_TOKENS = 5000


class SkillMdTooLong(Rule):
    id = "ST003"
    name = "skill-md-too-long"
    groups = ("spec", "structure", "budget")
    severity = Severity.WARNING

    def check(self, skill, ctx):
        if skill.body is None:
            return
        body_start = skill.frontmatter.end_line if skill.frontmatter.terminated else 0
        lines = skill.body.line_count - body_start
        tokens = estimate_tokens(skill.skill_md_text)
        if lines > MAX_LINES or tokens > MAX_TOKENS:
            yield self.report(skill, skill.skill_md_path, f"SKILL.md has {lines} lines and about {tokens:,} tokens "
                              f"(recommended: at most {MAX_LINES} lines and {MAX_TOKENS:,} tokens)",
                              hint="move reference material into references/*.md and link it")
