"""Human-readable output: ``path:line:col: ID [severity] message``, a hint line, and a summary."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.markup import escape

from ..diagnostics import Severity
from ..results import RunResult

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def write(result: RunResult, stream: TextIO, *, quiet: bool = False) -> None:
    # rich decides colour from the stream: colour on a TTY, plain text in pipes and files (and with NO_COLOR).
    # No emoji codes (`:100:` in `SKILL.md:100:1` is not 💯) and no markup from user text: locations stay jumpable.
    console = Console(file=stream, highlight=False, soft_wrap=True, emoji=False)
    diagnostics = sorted(result.diagnostics, key=lambda d: d.sort_key())
    for d in diagnostics:
        style = STYLE[d.severity]
        console.print(f"[bold]{escape(d.path)}:{d.line}:{d.column}:[/] [{style}]{d.rule}[/] "
                      f"[{style}]\\[{d.severity}][/] {escape(d.message)} [dim]({d.name})[/]")
        if d.hint and not quiet:
            console.print(f"    [dim]hint:[/] {escape(d.hint)}")
    errors, warnings, infos = (result.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    fixable = sum(1 for d in diagnostics if d.fix is not None)
    skills = _plural(len(result.skills), "skill")
    if not diagnostics:
        summary = f"[green]All checks passed[/] ({skills})."
    else:
        summary = (f"Found {_plural(len(diagnostics), 'problem')} ({_plural(errors, 'error')}, "
                   f"{_plural(warnings, 'warning')}, {infos} info) in {skills}.")
        if fixable:
            summary += f" {fixable} fixable with --fix (some need --unsafe-fixes)."
    if result.baseline_accepted:
        summary += f" {result.baseline_accepted} accepted by the baseline."
    console.print(summary)
