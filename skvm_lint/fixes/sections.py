"""Fixes that add a section to SKILL.md without touching existing text."""

from __future__ import annotations

from ..analyses.workflow import Group, Step, markdown_section
from ..diagnostics import Edit, Fix
from ..model import Skill


def parallel_section_fix(skill: Skill, steps: list[Step], groups: list[Group]) -> Fix | None:
    """Append the 'Parallel execution' section (as SkVM's concurrency pass does), once."""
    section = markdown_section(steps, groups)
    if not section or "## Parallel execution" in skill.skill_md_text or not skill.skill_md_path:
        return None
    text = skill.skill_md_text
    prefix = "" if text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
    edit = Edit(skill.skill_md_path, len(text), len(text), prefix + section)
    return Fix("append a 'Parallel execution' section", (edit,), safe=False)
