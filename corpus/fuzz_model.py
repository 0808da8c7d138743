#!/usr/bin/env python3
"""Coverage-guided fuzzing (atheris) of the model builder and the rules.

Each input is split into a SKILL.md and a bundled script (Python, shell or JavaScript, chosen by the first byte),
written to a scratch skill folder, built into the model and checked with every rule. Any exception, or an IN001
internal-error finding, is a crash: atheris saves the input as crash-<hash>; copy it into
tests/fuzz_regressions/ so `tests/test_fuzz_regressions.py` replays it forever.

Usage:
  pip install atheris
  python corpus/fuzz_model.py -max_total_time=300 [corpus_dir]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from skvm_lint.config import Config
    from skvm_lint.pipeline import process_skill
    from skvm_lint.rule import all_rules

SCRATCH = Path(tempfile.mkdtemp(prefix="skvm-fuzz-")) / "fuzz-skill"
RULES = tuple(r.id for r in all_rules())
SCRIPTS = ("scripts/a.py", "scripts/a.sh", "scripts/a.js")


def materialise(data: bytes, root: Path) -> None:
    """Write the fuzz input as a skill: byte 0 picks the script language, the rest is split at the first NUL."""
    if root.exists():
        shutil.rmtree(root)
    (root / "scripts").mkdir(parents=True)
    script = SCRIPTS[data[0] % len(SCRIPTS)] if data else SCRIPTS[0]
    skill_md, _, code = data[1:].partition(b"\x00")
    (root / "SKILL.md").write_bytes(skill_md)
    (root / script).write_bytes(code)


def check(data: bytes) -> None:
    materialise(data, SCRATCH)
    result = process_skill(str(SCRATCH), False, RULES, Config(), with_analysis=True)
    internal = [d.message for d in result.diagnostics if d.rule == "IN001"]
    if internal:
        raise RuntimeError(internal[0])


def main() -> None:
    atheris.Setup(sys.argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
