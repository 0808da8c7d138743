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


def statistics(result: RunResult) -> list[dict[str, object]]:
    """Findings counted per rule, most frequent first: what `--statistics` shows."""
    counts: dict[str, dict[str, object]] = {}
    for d in result.diagnostics:
        entry = counts.setdefault(d.rule, {"rule": d.rule, "name": d.name, "count": 0, "fixable": 0})
        entry["count"] += 1  # type: ignore[operator]
        entry["fixable"] += d.fix is not None  # type: ignore[operator]
    return sorted(counts.values(), key=lambda e: (-int(e["count"]), str(e["rule"])))  # type: ignore[arg-type]


def _fix_summary(diagnostics: list) -> str:
    safe = sum(1 for d in diagnostics if d.fix is not None and d.fix.safe)
    unsafe = sum(1 for d in diagnostics if d.fix is not None and not d.fix.safe)
    parts = [f"{safe} fixable with --fix"] if safe else []
    if unsafe:
        parts.append(f"{unsafe} {'more ' if safe else ''}with --fix --unsafe-fixes")
    return (" " + ", ".join(parts) + ".") if parts else ""


def write(result: RunResult, stream: TextIO, *, quiet: bool = False, show_statistics: bool = False,
          show_fixes: bool = False) -> None:
    # rich decides colour from the stream: colour on a TTY, plain text in pipes and files (and with NO_COLOR).
    # No emoji codes (`:100:` in `SKILL.md:100:1` is not 💯) and no markup from user text: locations stay jumpable.
    console = Console(file=stream, highlight=False, soft_wrap=True, emoji=False)
    diagnostics = sorted(result.diagnostics, key=lambda d: d.sort_key())
    if show_statistics:
        for entry in statistics(result):
            marker = f" [{entry['fixable']} fixable]" if entry["fixable"] else ""
            console.print(f"{entry['count']:>6}  {entry['rule']}  {escape(str(entry['name']))}{marker}")
    for d in diagnostics if not show_statistics else ():
        style = STYLE[d.severity]
        console.print(f"[bold]{escape(d.path)}:{d.line}:{d.column}:[/] [{style}]{d.rule}[/] "
                      f"[{style}]\\[{d.severity}][/] {escape(d.message)} [dim]({d.name})[/]")
        if d.hint and not quiet:
            console.print(f"    [dim]hint:[/] {escape(d.hint)}")
        if show_fixes and d.fix is not None:
            kind = "safe" if d.fix.safe else "unsafe, needs --unsafe-fixes"
            console.print(f"    [dim]fix ({kind}):[/] {escape(d.fix.description)}")
    errors, warnings, infos = (result.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    skills = _plural(len(result.skills), "skill")
    if not diagnostics:
        summary = f"[green]All checks passed[/] ({skills})."
    else:
        summary = (f"Found {_plural(len(diagnostics), 'problem')} ({_plural(errors, 'error')}, "
                   f"{_plural(warnings, 'warning')}, {infos} info) in {skills}.")
        summary += _fix_summary(diagnostics)
    if result.baseline_accepted:
        summary += f" {result.baseline_accepted} accepted by the baseline."
    console.print(summary)
