"""The whole shared corpus: every skill is checked, nothing crashes (skipped without ../shared)."""

from __future__ import annotations

import os

import pytest

from skvm_lint.config import Config
from skvm_lint.engine import run

from .test_hostile import SHAPES, build

pytestmark = pytest.mark.corpus


def test_check_whole_corpus_without_internal_errors(corpus, tmp_path):
    # The corpus salted with skills of hostile shape: one run over both, as a hub would hold them. (The cases of
    # hostile scale are minutes of CPU together; each has its own test, in a child process with a deadline.)
    salted = tmp_path / "salted"
    for name, (files, _expected) in SHAPES.items():
        build(salted / name, files)
    result = run([str(corpus), str(salted)], Config(select=("ALL",)), jobs=0, with_analysis=True)
    assert sum(1 for s in result.skills if s.root.startswith(str(salted))) == len(SHAPES)
    skill_dirs = {root for root, _dirs, files in os.walk(corpus)
                  if any(f.lower() == "skill.md" for f in files) and "node_modules" not in root}
    checked = {os.path.abspath(s.root) for s in result.skills}
    assert {os.path.abspath(d) for d in skill_dirs} <= checked
    internal = [f"{d.path}: {d.message}" for d in result.diagnostics if d.rule == "IN001"]
    assert internal == []
    # Unparseable frontmatter is a diagnostic, never silence: the corpus is known to contain some.
    assert sum(1 for d in result.diagnostics if d.rule == "FM003") > 0
    # Workflows are DAGs, and no parallel group holds two steps of which one depends on the other.
    for skill in result.skills:
        workflow = (skill.analysis or {}).get("workflow") or {"steps": [], "parallelism": []}
        order = {step["id"]: index for index, step in enumerate(workflow["steps"])}
        deps = {step["id"]: set(step["depends_on"]) for step in workflow["steps"]}
        for step in workflow["steps"]:
            assert all(order[d] < order[step["id"]] for d in step["depends_on"]), (skill.root, step)
        for group in workflow["parallelism"]:
            members = set(group["step_ids"])
            for sid in members:
                reach, stack = set(), list(deps.get(sid, ()))
                while stack:
                    d = stack.pop()
                    if d not in reach:
                        reach.add(d)
                        stack.extend(deps.get(d, ()))
                assert not (reach & members), (skill.root, group)
