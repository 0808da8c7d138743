"""Check what the user named: discover skills, run the pipeline over them (``runners``), apply the baseline."""

from __future__ import annotations

from typing import Callable, Iterable

from .baseline import apply_baseline
from .config import Config
from .loader import discover, display_path
from .results import RunResult
from .selection import Selection
from .runners import default_jobs, map_tasks


class NoSkillFound(ValueError):
    """None of the paths holds a skill: most likely a typo or the wrong folder, so a usage error (exit 2)."""


def run(paths: Iterable[str], config: Config, *, jobs: int = 0, with_analysis: bool = False,
        on_progress: Callable[[int, int], None] | None = None, allow_empty: bool = False) -> RunResult:
    """Discover skills under ``paths`` and check them all (``jobs=0``: choose by size). Raises NoSkillFound when
    no path holds a skill, unless ``allow_empty`` (pre-commit passes files that belong to no skill)."""
    paths = list(paths)
    roots, skill_less = discover(paths, config.exclusion())
    if not roots and not skill_less and not allow_empty:
        raise NoSkillFound(f"{', '.join(map(str, paths))}: no skill here (no SKILL.md in it or in a folder above "
                           "it); name a skill folder or a hub, or pass --allow-empty")
    tasks_roots = [(display_path(r), False) for r in roots] + [(display_path(r), True) for r in skill_less]
    rule_ids = Selection.from_config(config).rule_ids()
    tasks = [(root, missing, rule_ids, config, with_analysis) for root, missing in tasks_roots]
    result = RunResult()
    for done, skill_result in enumerate(map_tasks(tasks, jobs or config.jobs or default_jobs(len(tasks))), 1):
        result.skills.append(skill_result)
        if on_progress is not None:
            on_progress(done, len(tasks))
    if config.baseline is not None:
        remaining, result.baseline_accepted = apply_baseline(result.diagnostics, config.baseline)
        keep = {id(d) for d in remaining}
        for skill_result in result.skills:
            skill_result.diagnostics = [d for d in skill_result.diagnostics if id(d) in keep]
    return result
