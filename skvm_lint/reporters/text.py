"""Human-readable output: ``path:line:col: ID [severity] message``, a hint line, and a summary.

Each line is a list of (text, style) segments. rich renders them where colour is possible (a terminal, or
``FORCE_COLOR``/``TTY_COMPATIBLE=1``, rich's own test); elsewhere (pre-commit, CI logs, pipes, files) rich would
write the texts alone, so they are joined without importing it (about 15 ms of a one-skill run).
"""

from __future__ import annotations

import os
from typing import TextIO

from ..diagnostics import Severity
from ..results import RunResult

STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}

Line = list[tuple[str, str | None]]  # (text, rich style or None)


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


def _lines(result: RunResult, *, quiet: bool, show_statistics: bool, show_fixes: bool) -> list[Line]:
    lines: list[Line] = []
    diagnostics = sorted(result.diagnostics, key=lambda d: d.sort_key())
    if show_statistics:
        for entry in statistics(result):
            marker = f" [{entry['fixable']} fixable]" if entry["fixable"] else ""
            lines.append([(f"{entry['count']:>6}  {entry['rule']}  {entry['name']}{marker}", None)])
    for d in diagnostics if not show_statistics else ():
        style = STYLE[d.severity]
        lines.append([(f"{d.path}:{d.line}:{d.column}:", "bold"), (" ", None), (d.rule, style), (" ", None),
                      (f"[{d.severity}]", style), (f" {d.message} ", None), (f"({d.name})", "dim")])
        if d.hint and not quiet:
            lines.append([("    ", None), ("hint:", "dim"), (f" {d.hint}", None)])
        if show_fixes and d.fix is not None:
            kind = "safe" if d.fix.safe else "unsafe, needs --unsafe-fixes"
            lines.append([("    ", None), (f"fix ({kind}):", "dim"), (f" {d.fix.description}", None)])
    errors, warnings, infos = (result.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    skills = _plural(len(result.skills), "skill")
    if not diagnostics:
        summary: Line = [("All checks passed", "green"), (f" ({skills}).", None)]
    else:
        counts = f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}, {infos} info"
        summary = [(f"Found {_plural(len(diagnostics), 'problem')} ({counts}) in {skills}.{_fix_summary(diagnostics)}",
                    None)]
    if result.baseline_accepted:
        summary.append((f" {result.baseline_accepted} accepted by the baseline.", None))
    lines.append(summary)
    return lines


def _colour_possible(stream: TextIO) -> bool:
    """rich's terminal test (``Console.is_terminal``): where it is False, rich writes no escape codes at all."""
    tty_compatible = os.environ.get("TTY_COMPATIBLE", "")
    if tty_compatible in ("0", "1"):
        return tty_compatible == "1"
    force_color = os.environ.get("FORCE_COLOR")
    if force_color is not None:
        return force_color != ""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def write(result: RunResult, stream: TextIO, *, quiet: bool = False, show_statistics: bool = False,
          show_fixes: bool = False) -> None:
    lines = _lines(result, quiet=quiet, show_statistics=show_statistics, show_fixes=show_fixes)
    if not _colour_possible(stream):
        stream.write("".join("".join(text for text, _ in line) + "\n" for line in lines))
        return
    from rich.console import Console
    from rich.text import Text

    # rich decides colour from the stream and NO_COLOR. No emoji codes (`:100:` in `SKILL.md:100:1` is not 💯) and
    # no markup from user text (segments are Text, never parsed): locations stay jumpable.
    console = Console(file=stream, highlight=False, soft_wrap=True, emoji=False)
    for line in lines:
        console.print(Text.assemble(*((text, style or "") for text, style in line)))
