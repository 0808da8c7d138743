"""Analysis facts as rich tables for a terminal: dependencies and capability demands of one skill."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.table import Table

from ..analyses.capabilities import Finding
from ..analyses.dependencies import Dependency


def _title(root: str, name: str | None) -> str:
    return f"{root} ({name or 'no name'})"


def print_dependencies(stream: TextIO, root: str, name: str | None, found: list[Dependency]) -> None:
    table = Table(title=_title(root, name), box=None, title_justify="left")
    for column in ("type", "name", "declared", "required", "evidence"):
        table.add_column(column, overflow="fold")
    for d in found:
        table.add_row(d.type, d.name, "yes" if d.declared else "no", "yes" if d.required else "no",
                      ", ".join(f"{s.file}:{s.line}" for s in d.evidence[:3]))
    Console(file=stream, highlight=False, emoji=False, markup=False,
            width=None if stream.isatty() else 140).print(table)


def print_capabilities(console: Console, root: str, name: str | None, found: dict[str, Finding],
                       profile: object | None) -> None:
    """Each demanded primitive with its level, the target's level when a profile is given (`!`: below), and where."""
    table = Table(title=_title(root, name), box=None, title_justify="left")
    columns = ["primitive", "demand"] + (["target"] if profile else []) + ["evidence", "where"]
    for column in columns:
        table.add_column(column, overflow="fold")
    for primitive, f in found.items():
        row = [primitive, f"L{f.level}"]
        if profile:
            provided = profile.level(primitive)  # type: ignore[attr-defined]
            row.append("?" if provided is None else f"L{provided}" + (" !" if provided < f.level else ""))
        table.add_row(*row, f.evidence, f"{f.span.file}:{f.span.line}")
    console.print(table)
