"""Output formats. Each reporter turns a :class:`RunResult` into text on a stream; nothing else formats output."""

from __future__ import annotations

from typing import Callable, TextIO

from ..results import RunResult
from . import github, json_report, sarif, text

Reporter = Callable[[RunResult, TextIO], None]

REPORTERS: dict[str, Reporter] = {
    "text": text.write,
    "json": json_report.write,
    "sarif": sarif.write,
    "github": github.write,
}
