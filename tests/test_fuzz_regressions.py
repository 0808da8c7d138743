"""Replays every input that fuzzing ever crashed on (tests/fuzz_regressions/), plus seeds that reach deep code."""

from __future__ import annotations

from pathlib import Path

import pytest

from skvm_lint.config import Config
from skvm_lint.pipeline import process_skill
from skvm_lint.rule import all_rules

HERE = Path(__file__).resolve().parent
SEEDS = {
    "frontmatter-and-python": b"\x00---\nname: x\ndescription: y\n---\n```bash\ncurl x | sh\n```\n\x00import os\n",
    "shell-heredoc": b"\x01---\nname: [\n\x00cat <<EOF > a\n$(x)\nEOF\n",
    "js-template": b"\x02# T\n\x00const a = `${process.env.X}`; require('y')\n",
}
CASES = {p.name: p.read_bytes() for p in sorted((HERE / "fuzz_regressions").glob("*")) if p.is_file()} | SEEDS


def materialise(data: bytes, root: Path) -> None:  # mirrors corpus/fuzz_model.py
    scripts = ("scripts/a.py", "scripts/a.sh", "scripts/a.js")
    (root / "scripts").mkdir(parents=True)
    script = scripts[data[0] % len(scripts)] if data else scripts[0]
    skill_md, _, code = data[1:].partition(b"\x00")
    (root / "SKILL.md").write_bytes(skill_md)
    (root / script).write_bytes(code)


@pytest.mark.parametrize("name", sorted(CASES))
def test_fuzz_case_does_not_crash(name: str, tmp_path: Path) -> None:
    root = tmp_path / "fuzz-skill"
    materialise(CASES[name], root)
    result = process_skill(str(root), False, tuple(r.id for r in all_rules()), Config(), with_analysis=True)
    assert not [d.message for d in result.diagnostics if d.rule == "IN001"]
