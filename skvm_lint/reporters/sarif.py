"""SARIF 2.1.0, with rule metadata taken from the rules' docstrings (validated against the OASIS schema in tests)."""

from __future__ import annotations

import json
from typing import Any, TextIO
from urllib.parse import quote

from ..version import __version__
from ..diagnostics import Severity
from ..results import RunResult
from ..rule import all_rules

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/skvm-lint/skvm-lint/blob/main/docs/rules.md"


def _rule_descriptor(rule) -> dict[str, Any]:
    docs = rule.docs()
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": docs["summary"]},
        "fullDescription": {"text": docs.get("What it does", docs["summary"])},
        "help": {"text": docs.get("Fix", ""), "markdown": rule.markdown()},
        "helpUri": f"{INFO_URI}#{rule.id.lower()}",
        "defaultConfiguration": {"level": LEVEL[rule.severity], "enabled": rule.default_enabled},
        "properties": {"tags": list(rule.groups)},
    }


def report(result: RunResult) -> dict[str, Any]:
    rules = list(all_rules())
    index = {r.id: i for i, r in enumerate(rules)}
    results = []
    for d in sorted(result.diagnostics, key=lambda d: d.sort_key()):
        region: dict[str, int] = {"startLine": max(d.line, 1), "startColumn": max(d.column, 1)}
        if d.end_line and d.end_line >= d.line:
            region["endLine"] = d.end_line
            if d.end_column and (d.end_line > d.line or d.end_column > d.column):
                region["endColumn"] = d.end_column
        message = d.message + (f" Hint: {d.hint}" if d.hint else "")
        entry: dict[str, Any] = {
            "ruleId": d.rule,
            "level": LEVEL[d.severity],
            "message": {"text": message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": quote(d.path.replace("\\", "/"))},
                                                "region": region}}],
        }
        if d.rule in index:
            entry["ruleIndex"] = index[d.rule]
        results.append(entry)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "skvm-lint", "version": __version__, "informationUri": INFO_URI,
                                "rules": [_rule_descriptor(r) for r in rules]}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def write(result: RunResult, stream: TextIO) -> None:
    json.dump(report(result), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
