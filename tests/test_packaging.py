"""The wheel ships the rules (as skvm_lint/_rules), the data tables and the JSON schema."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


def test_wheel_contains_rules_data_and_schema(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(REPO)],
                   check=True, capture_output=True, timeout=600)
    wheel = next(tmp_path.glob("skvm_lint-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    rules = {p.name for p in (REPO / "rules").glob("*.py")}
    assert {f"skvm_lint/_rules/{name}" for name in rules} <= names
    for data in ("skvm_lint/data/pypi_import_names.json", "skvm_lint/data/pypi_requires.json",
                 "skvm_lint/data/pypi_programs.json", "skvm_lint/data/pypi_extras.json",
                 "skvm_lint/data/npm_requires.json",
                 "skvm_lint/data/system_packages.json",
                 "skvm_lint/data/degradation.json", "skvm_lint/schemas/report-v1.schema.json"):
        assert data in names
    assert not any(name.startswith(("tests/", "corpus/")) for name in names)
