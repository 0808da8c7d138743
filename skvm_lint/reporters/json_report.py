"""The JSON report (schema: ``skvm_lint/schemas/report-v1.schema.json``, documented in docs/output.md)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..version import __version__
from ..diagnostics import Severity
from ..results import RunResult

SCHEMA_VERSION = 1


def report(result: RunResult) -> dict[str, Any]:
    diagnostics = sorted(result.diagnostics, key=lambda d: d.sort_key())
    return {
        "schema": "skvm-lint/report",
        "version": SCHEMA_VERSION,
        "tool": {"name": "skvm-lint", "version": __version__},
        "summary": {
            "skills": len(result.skills),
            "errors": result.count(Severity.ERROR),
            "warnings": result.count(Severity.WARNING),
            "info": result.count(Severity.INFO),
            "baseline_accepted": result.baseline_accepted,
        },
        "diagnostics": [d.to_dict() for d in diagnostics],
    }


def write(result: RunResult, stream: TextIO) -> None:
    json.dump(report(result), stream, indent=2, ensure_ascii=False)
    stream.write("\n")
