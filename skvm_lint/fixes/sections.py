"""Fixes that add a section to SKILL.md without touching existing text."""

from __future__ import annotations

import re

from ..analyses.dependencies import Dependency, check_command, install_command
from ..analyses.workflow import Group, Step
from ..lazy_re import lazy
from ..views.workflow import markdown_section
from ..diagnostics import Applicability, Fix, Replace
from ..model import Skill
from .yaml_edit import line_offset

SETUP_HEADING = lazy(r"setup|set up|install|prerequisite|requirement|dependenc|environment|before you start|"
                     r"安装|依赖|环境", re.IGNORECASE)


def parallel_section_fix(skill: Skill, steps: list[Step], groups: list[Group]) -> Fix | None:
    """Append the 'Parallel execution' section (as SkVM's concurrency pass does), once."""
    section = markdown_section(steps, groups)
    if not section or "## Parallel execution" in skill.skill_md_text or not skill.skill_md_path:
        return None
    return Fix("append a 'Parallel execution' section", (_at_end(skill, section),), Applicability.UNSAFE)


def _at_end(skill: Skill, section: str) -> Replace:
    """An edit appending ``section`` to SKILL.md after exactly one blank line."""
    text = skill.skill_md_text
    prefix = "" if text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
    return Replace(skill.skill_md_path, len(text), len(text), prefix + section)


def environment_section_fix(skill: Skill, dependencies: list[Dependency]) -> Fix | None:
    """Append an 'Environment setup' section (check, then install what is missing) for the packages and programs
    the skill needs, when SKILL.md has no setup section of its own."""
    needed = [d for d in dependencies if d.required and d.type in ("pip", "npm", "system")]
    sections = skill.body.sections if skill.body else []
    if not needed or not skill.skill_md_path or any(SETUP_HEADING.search(s.title) for s in sections):
        return None
    lines = [f"{check_command(d)} >/dev/null 2>&1 || {{ {install_command(d)}; }}" for d in needed]
    section = ("## Environment setup\n\nBefore the first step, check for what this skill uses and install only "
               "what is missing:\n\n```bash\n" + "\n".join(lines) + "\n```\n")
    first = next((s for s in sections if s.level == 2), None)
    if first is None:
        edit = _at_end(skill, section)
    else:  # before the first section, where setup is read first
        at = line_offset(skill.skill_md_text, first.span.line)
        edit = Replace(skill.skill_md_path, at, at, section + "\n")
    return Fix("add an 'Environment setup' section", (edit,), Applicability.UNSAFE)
