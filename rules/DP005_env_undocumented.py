"""Code reads an environment variable that the skill never mentions.

## What it does
Reports an environment variable that a bundled script reads without a default or a fallback
(`os.environ["X"]`, `os.getenv("X")`, `process.env.X`, `$X`; not `os.getenv("X", "y")`, `process.env.X || "y"`,
`${X:-y}`, a read inside an `if` or one that a test found set, a switch compared with a value such as
`[[ "$X" == "true" ]]`, nor a variable the skill's own scripts set, export or source, nor a second name read only
as the fallback of a documented one, `process.env.A || process.env.B`) when neither the skill's documents
(SKILL.md, a README, references, an `.env.example`) nor the hub metadata (`requires.env`) names it. A template the
skill hands out for the user's project (under `templates/`, `assets/`, `examples/`, or a file named as an example,
`postgres-example.ts`) reads the settings of that project, not the skill's: it is not reported, nor is a read
of the skill's own test suite (`tests/`, `test/`), which its developers set up.

## Why it matters
The agent cannot set up what it was never told about: the script fails at run time with a key error or an empty
value, and the user learns the variable's name from a stack trace.

## Example
```python
token = os.environ["NOTION_TOKEN"]   # SKILL.md never says NOTION_TOKEN
```

## Fix
Document it in SKILL.md (what it is, where to get it) and list it in `metadata.openclaw.requires.env`.
"""

import re

from skvm_lint.diagnostics import Severity
from skvm_lint.lazy_re import lazy
from skvm_lint.model import handed_out
from skvm_lint.rule import Rule

_READ_THEN_FALLBACK = lazy(r"\b([A-Z][A-Z0-9_]{2,})\b\W{0,3}\s*(?:\|\||\?\?|\bor\b)")


def _fallback_of_known(source: str, line: int, name: str, declared: set[str], documents: str) -> bool:
    """Whether the read of ``name`` is the fallback of a documented variable read before it on its line
    (`process.env.WALLET_PRIVATE_KEY || process.env.DEPLOYER_PRIVATE_KEY`, `os.getenv("A") or os.getenv("B")`):
    a second name for a setting the skill documents."""
    lines = source.splitlines()
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    at = re.search(rf"\b{re.escape(name)}\b", text)
    before = text[:at.start()] if at is not None else ""
    return any(m.group(1) in declared or m.group(1) in documents for m in _READ_THEN_FALLBACK.finditer(before))


class EnvUndocumented(Rule):
    id = "DP005"
    name = "env-undocumented"
    groups = ("dependencies",)
    severity = Severity.WARNING

    def check(self, skill, ctx):
        text = "\n".join([skill.skill_md_text] + [f.text for f in skill.files if f.text is not None and (
            f.kind == "markdown" or f.path.rsplit("/", 1)[-1].lower().startswith((".env", "env.", "config.example")))])
        scripts = {f.path: f.text or "" for f in skill.files if f.kind == "script" and not handed_out(f.path)}
        env = [dep for dep in ctx.facts.dependencies.found if dep.type == "env"]
        declared = {dep.name for dep in env if dep.declared}
        for dep in env:
            if dep.name in declared or dep.name in text:
                continue
            span = next((s for s in dep.evidence if s.file in scripts), None)
            if span is not None and not _fallback_of_known(scripts[span.file], span.line, dep.name, declared, text):
                yield self.report(skill, span, f"the script reads ${dep.name}, which SKILL.md never mentions",
                                  hint=f"document {dep.name} in SKILL.md and list it in metadata requires.env")
