"""Workflow extraction: steps with spans and I/O, conservative dependencies, groups, and the output formats."""

from __future__ import annotations

from click.testing import CliRunner

import skvm_lint
from skvm_lint.analyses.workflow import extract, mermaid
from skvm_lint.cli import main

HEAD = "---\nname: case-skill\ndescription: x\n---\n"


def test_data_flow_makes_a_dependency(make_skill):
    text = HEAD + ("## Workflow\n1. Export the issues\n   ```bash\n   tool export > issues.json\n   ```\n"
                   "2. Count them\n   ```bash\n   jq length issues.json\n   ```\n"
                   "3. List the teams\n   ```bash\n   tool teams list\n   ```\n")
    steps, groups = extract(skvm_lint.load(make_skill({"SKILL.md": text})))
    assert [(s.id, s.depends_on) for s in steps] == [("s1", []), ("s2", ["s1"]), ("s3", ["s2"])]
    assert steps[0].writes == {"issues.json"} and "issues.json" in steps[1].reads
    assert steps[0].span.line == 6
    assert groups == []  # s2 and s3 are not both provably independent read-only single commands


def test_chinese_and_concurrent_items_are_dlp(make_skill):
    text = HEAD + "## 步骤\n1. 读取列表\n2. 并行处理每个文件\n"
    _steps, groups = extract(skvm_lint.load(make_skill({"SKILL.md": text})))
    assert [g.type for g in groups] == ["dlp"]


def test_subagents_are_tlp(make_skill):
    text = HEAD + ("## Workflow\n1. Split the research into independent questions\n"
                   "2. Spawn a sub-agent for each question; they run concurrently\n3. Merge the answers\n")
    _steps, groups = extract(skvm_lint.load(make_skill({"SKILL.md": text})))
    assert "tlp" in {g.type for g in groups}


def test_formats():
    runner = CliRunner()
    root = "corpus/examples/weather-report"
    assert "steps" in runner.invoke(main, ["workflow", root, "--format", "json"]).output
    diagram = runner.invoke(main, ["workflow", root, "--format", "mermaid"]).output
    assert diagram.startswith("flowchart TD") and "s1 --> s2" in diagram
    assert mermaid(*extract(skvm_lint.load(root))) == diagram
    assert "3 steps" in runner.invoke(main, ["workflow", root]).output
