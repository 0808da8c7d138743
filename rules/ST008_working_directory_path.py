"""A command in SKILL.md runs a bundled file by a path relative to the working directory.

## What it does
Reports commands in SKILL.md fences and inline code that name a file of the skill by a relative path
(`python3 scripts/run.py`, `bash ./setup.sh`, `cat references/api.md`), which resolves against the agent's working
directory rather than the skill folder. Paths already anchored (`{baseDir}/scripts/run.py`, `$SKILL_DIR/...`) and
commands preceded by a `cd` into the skill folder are fine.

## Why it matters
Harnesses start the agent in the user's project, not in the skill's folder, so `python scripts/run.py` fails with
"No such file", and the agent starts guessing. It is info rather than a warning because many harnesses tell the
model where the skill lives and the model often resolves the path itself; anchoring makes it certain. The SkVM paper counts this path-resolution gap among the main
reasons skills fail on another harness.

## Example
```bash
python3 scripts/extract.py input.pdf
```

## Fix
Anchor the path to the skill folder: `python3 {baseDir}/scripts/extract.py input.pdf`. `--unsafe-fixes` rewrites
it; the convention is configurable: `[tool.skvm-lint.rules.ST008] anchor = "$SKILL_DIR"` (default `{baseDir}`).
"""

import re

from skvm_lint.diagnostics import Applicability, Fix, Replace, Severity
from skvm_lint.fixes.yaml_edit import line_end, line_offset
from skvm_lint.lazy_re import lazy
from skvm_lint.rule import Option, Rule

RELATIVE = lazy(r"^(\./)?[\w.-]+(/[\w.-]+)*\.\w+$")
CD_INTO_SKILL = lazy(r"\bcd\s+(\{baseDir\}|\$\{?SKILL_DIR|\$\{?CLAUDE_SKILL_DIR|\"?\$\(dirname)")


class WorkingDirectoryPath(Rule):
    id = "ST008"
    name = "working-directory-path"
    groups = ("structure", "portability")
    severity = Severity.INFO  # many harnesses tell the model the skill's folder, so the path often still resolves
    fix_safety = "unsafe"
    options = (Option("anchor", str, "{baseDir}", "how the fix names the skill's folder (your harness's variable, "
                      "e.g. `$SKILL_DIR`)"),)

    def check(self, skill, ctx):
        body = skill.body
        if body is None or not skill.skill_md_path:
            return
        anchor = self.option(ctx, "anchor").rstrip("/")
        bundled = {f.path for f in skill.files if f.kind != "skill_md"}
        units = [(b.code, b.text) for b in body.code_blocks if b.code is not None]
        units += [(command.code, command.text) for command in body.command_lines]
        seen = set()
        for facts, text in units:
            if CD_INTO_SKILL.search(text):
                continue
            for command in facts.commands:
                for word in command.argv:
                    path = word.removeprefix("./")
                    if path not in bundled or not RELATIVE.match(word) or (command.span.line, path) in seen:
                        continue
                    seen.add((command.span.line, path))
                    fix = _anchor_fix(skill.skill_md_path, skill.skill_md_text, command.span.line, word, anchor)
                    yield self.report(skill, command.span, f"`{word}` resolves against the agent's working "
                                      "directory, not the skill folder", hint=f"write `{anchor}/{path}`", fix=fix)


def _anchor_fix(file, text, line_number, word, anchor):
    start = line_offset(text, line_number)
    m = re.search(r"(?<![\w/.$}-])" + re.escape(word) + r"(?![\w/-])", text[start : line_end(text, line_number)])
    if m is None:
        return None
    start += m.start()
    path = word.removeprefix("./")
    return Fix(f"anchor `{word}` to the skill folder", (Replace(file, start, start + len(word), f"{anchor}/{path}"),),
               Applicability.UNSAFE)
