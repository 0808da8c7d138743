"""The workflow DAG rendered: a Mermaid flowchart, the "Parallel execution" section SkVM appends, a text listing."""

from __future__ import annotations

import re

from ..analyses.workflow import Group, Step


def mermaid(steps: list[Step], groups: list[Group]) -> str:
    """The workflow DAG as a Mermaid flowchart; parallel groups are subgraphs."""
    lines = ["flowchart TD"]
    for s in steps:
        label = re.sub(r"[\"\[\]{}()<>|`]", "", s.description)[:60] or s.id
        lines.append(f'    {s.id}["{s.id}: {label}"]')
    for s in steps:
        for dep in s.depends_on:
            lines.append(f"    {dep} --> {s.id}")
    for index, g in enumerate(groups, 1):
        if g.step_ids:
            lines.append(f"    subgraph p{index}[\"{g.type.upper()}: {g.mechanism}\"]")
            lines.extend(f"        {sid}" for sid in g.step_ids)
            lines.append("    end")
    return "\n".join(lines) + "\n"


def markdown_section(steps: list[Step], groups: list[Group]) -> str:
    """A "Parallel execution" section for SKILL.md describing the groups (what SkVM's pass appends)."""
    if not groups:
        return ""
    by_id = {s.id: s for s in steps}
    lines = ["## Parallel execution", "",
             "These parts of the workflow are independent and can run at the same time:", ""]
    for g in groups:
        names = ", ".join(f"step {sid[1:]} ({by_id[sid].description[:50]})" for sid in g.step_ids if sid in by_id)
        lines.append(f"- **{g.type.upper()}** — {names or 'the items described above'}: {g.reason}; "
                     f"use {g.mechanism}.")
    return "\n".join(lines) + "\n"


def text_lines(root: str, steps: list[Step], groups: list[Group]) -> list[str]:
    """The steps with their dependencies and the parallel groups, one per line (``skvm-lint workflow``)."""
    lines = [f"{root}: {len(steps)} steps, {len(groups)} parallel group(s)"]
    for step in steps:
        after = f" (after {', '.join(step.depends_on)})" if step.depends_on else ""
        lines.append(f"  {step.id}  {step.span.file}:{step.span.line}  {step.description[:70]}{after}")
    for g in groups:
        lines.append(f"  {g.type.upper()} {', '.join(g.step_ids) or '-'}: {g.reason}; {g.mechanism}")
    return lines
