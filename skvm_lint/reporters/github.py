"""GitHub Actions workflow commands (``::error file=...,line=...::message``), one per finding."""

from __future__ import annotations

from typing import TextIO

from ..diagnostics import Severity
from ..results import RunResult

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def write(result: RunResult, stream: TextIO) -> None:
    for d in sorted(result.diagnostics, key=lambda d: d.sort_key()):
        props = f"file={_property(d.path)},line={d.line},col={d.column},title={_property(f'{d.rule} {d.name}')}"
        message = d.message + (f" (hint: {d.hint})" if d.hint else "")
        stream.write(f"::{COMMAND[d.severity]} {props}::{_data(message)}\n")
