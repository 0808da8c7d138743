"""Runs every case in tests/rule_cases/<ID>.yaml: the rule fires at exactly the expected lines (at the given
``severities``, where a case lists them), and its fix (where a case gives the fixed text) produces that text and is
idempotent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from skvm_lint.config import Config
from skvm_lint.pipeline import process_skill
from skvm_lint.fix_engine import fix_skill
from skvm_lint.limits import Limits
from skvm_lint.profiles import parse_profile
from skvm_lint.rule import LibraryRule, all_rules

from .conftest import write_skill

CASES_DIR = Path(__file__).parent / "rule_cases"
ENGINE_ONLY = {"IN001"}  # emitted by the engine itself; covered in test_engine.py


def _load_cases():
    yaml = YAML(typ="safe", pure=True)
    for path in sorted(CASES_DIR.glob("*.yaml")):
        doc = yaml.load(path.read_text(encoding="utf-8"))
        for index, case in enumerate(doc["cases"]):
            yield pytest.param(doc["rule"], case, id=f"{doc['rule']}-{index}-{case['name']}")


def _build(tmp_path: Path, case: dict) -> Path:
    root = write_skill(tmp_path / case.get("folder", "case-skill"), case.get("files", {}))
    for rel, content in (case.get("binary") or {}).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("latin-1"))
    for rel, target in (case.get("symlinks") or {}).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, path)
    for rel in case.get("fifo") or []:
        os.mkfifo(root / rel)
    return root


@pytest.mark.parametrize("rule_id, case", list(_load_cases()))
def test_rule_case(rule_id: str, case: dict, tmp_path: Path) -> None:
    root = _build(tmp_path, case)
    target = parse_profile({"model": "case/model", "harness": "test", **case["target"]}, "case") \
        if "target" in case else None
    config = Config(limits=Limits.from_mapping(case.get("limits", {})), target=target)
    result = process_skill(str(root), not any(root.iterdir()) or case.get("missing", False), (rule_id,), config)
    lines = sorted(d.line for d in result.diagnostics if d.rule == rule_id)
    assert lines == sorted(case["expect"]), [f"{d.line}: {d.message}" for d in result.diagnostics]
    assert all(d.rule == rule_id for d in result.diagnostics), "another rule or an internal error fired"
    if "severities" in case:  # in line order, where the severity is the point of the case
        found = [d.severity.name.lower() for d in sorted(result.diagnostics, key=lambda d: d.line)]
        assert found == case["severities"], found
    if "messages" in case:  # in line order, a part of each message, where the wording is the point of the case
        messages = [d.message for d in sorted(result.diagnostics, key=lambda d: d.line)]
        assert len(messages) == len(case["messages"]) and all(
            part in message for part, message in zip(case["messages"], messages)), messages

    if "fixed" in case or "fixed_files" in case:
        unsafe = case.get("unsafe", False)
        fix_skill(str(root), (rule_id,), config, unsafe=unsafe)
        expected = case.get("fixed_files") or {"SKILL.md": case["fixed"]}
        for rel, text in expected.items():
            assert (root / rel).read_text(encoding="utf-8") == text
        snapshot = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
        fix_skill(str(root), (rule_id,), config, unsafe=unsafe)  # fix twice == fix once
        assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == snapshot
        after = process_skill(str(root), False, (rule_id,), config)
        assert not [d for d in after.diagnostics if d.fix is not None], "a fixable finding survived its fix"


def test_every_rule_has_pass_and_fail_cases() -> None:
    yaml = YAML(typ="safe", pure=True)
    covered: dict[str, set[bool]] = {}
    for path in CASES_DIR.glob("*.yaml"):
        doc = yaml.load(path.read_text(encoding="utf-8"))
        assert path.stem == doc["rule"], f"{path.name} should be named after its rule"
        for case in doc["cases"]:
            covered.setdefault(doc["rule"], set()).add(bool(case["expect"]))
    for rule in all_rules():
        if rule.id in ENGINE_ONLY or issubclass(rule, LibraryRule):  # library rules: tests/test_library.py
            continue
        assert covered.get(rule.id) == {True, False}, f"{rule.id} needs at least one passing and one failing case"
        if rule.fix_safety:
            docs = (CASES_DIR / f"{rule.id}.yaml").read_text(encoding="utf-8")
            assert "fixed" in docs, f"{rule.id} has a fix but no case shows the fixed text"


def test_every_rule_documents_what_it_does_why_an_example_and_the_fix() -> None:
    from skvm_lint.rule import DOC_SECTIONS, missing_doc_sections

    assert DOC_SECTIONS == ("What it does", "Why it matters", "Example", "Fix")
    lacking = {rule.id: missing_doc_sections(rule) for rule in all_rules() if missing_doc_sections(rule)}
    assert not lacking, f"docstrings lacking sections: {lacking}"
