"""Shared by the evaluation scripts: run `skvm-lint analyze --format json` (the contract) and read its objects."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def analyze(paths: list[Path]) -> list[dict]:
    """One analysis object per skill under ``paths``, from the installed console script."""
    exe = shutil.which("skvm-lint") or str(Path(sys.executable).with_name("skvm-lint"))
    out = subprocess.run([exe, "analyze", "--format", "json", "-q", *map(str, paths)], capture_output=True,
                         text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def analyze_by_path(paths: list[Path]) -> dict[str, dict]:
    """The objects keyed by the resolved skill path."""
    return {str(Path(obj["path"]).resolve()): obj for obj in analyze(paths)}
