"""Capability inference: SkVM's output shape, evidence spans that point at real lines, and the detectors' levels."""

from __future__ import annotations

import json
from pathlib import Path

import skvm_lint
from skvm_lint.analyses.capabilities import PRIMITIVES, infer

EXAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "examples"
SKVM_SAMPLE = Path(__file__).resolve().parent.parent.parent / "shared" / "skvm-data" / "skills" / "builder"


def levels(files, make_skill) -> dict[str, int]:
    return {k: f.level for k, f in infer(skvm_lint.load(make_skill(files))).items()}


def test_shape_matches_skvm_capability_analysis():
    caps = skvm_lint.analyze(EXAMPLES / "weather-report")["capabilities"]
    assert set(caps) == {"skill_name", "purposes", "unmatched_requirements"}
    purpose = caps["purposes"][0]
    assert set(purpose) == {"id", "description", "current_path", "alternative_paths"}
    for primitive in purpose["current_path"]["primitives"]:
        assert primitive["id"] in PRIMITIVES and primitive["min_level"] in ("L1", "L2", "L3")
        assert primitive["evidence"] and primitive["spans"]
    if SKVM_SAMPLE.is_dir():  # the keys SkVM itself emits
        theirs = json.loads((SKVM_SAMPLE / "capability-analysis-llm.json").read_text())
        assert set(theirs) == set(caps)
        assert set(theirs["purposes"][0]) == set(purpose)


def test_spans_point_at_the_evidence():
    skill = skvm_lint.load(EXAMPLES / "weather-report")
    lines = skill.skill_md_text.split("\n")
    found = infer(skill)
    shell = found["gen.code.shell"]
    assert shell.span.file == "SKILL.md" and lines[shell.span.line - 1].startswith(("```", "   ```"))
    assert found["follow.procedure"].level == 1 and "3 ordered steps" in found["follow.procedure"].evidence


def test_shell_levels(make_skill):
    base = "---\nname: case-skill\ndescription: x\n---\n"
    assert levels({"SKILL.md": base + "```bash\nls -la\n```\n"}, make_skill)["gen.code.shell"] == 1
    assert levels({"SKILL.md": base + "```bash\nls | grep x > out.txt\n```\n"}, make_skill)["gen.code.shell"] == 2
    piped = base + "```bash\nfind . -name '*.log' | xargs grep -l ERROR | sed 's/x/y/'\n```\n"
    assert levels({"SKILL.md": piped}, make_skill)["gen.code.shell"] == 3


def test_procedure_constraints_and_web(make_skill):
    text = ("---\nname: case-skill\ndescription: x\n---\n## Workflow\n1. Fetch the data\n2. Clean it\n"
            "3. Verify the totals match, and repeat until they do\n4. Write the report\n\n"
            "You MUST NOT publish drafts. NEVER include secrets.\n\n"
            "```bash\ncurl -s 'https://api.weather.io/v1/forecast?city=Berlin' | jq .\n```\n")
    found = levels({"SKILL.md": text}, make_skill)
    assert found["follow.procedure"] == 3
    assert found["follow.constraint"] == 1
    assert found["tool.web"] == 2


def test_chinese_constraints_are_recognised(make_skill):
    text = "---\nname: case-skill\ndescription: 代码审查\n---\n你必须先阅读代码。禁止修改测试。\n"
    assert "follow.constraint" in levels({"SKILL.md": text}, make_skill)
