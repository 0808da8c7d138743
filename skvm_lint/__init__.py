"""skvm-lint: static analysis for LLM-agent skills.

Library API::

    import skvm_lint
    skill = skvm_lint.load("path/to/skill")          # the typed model (skvm_lint.model.Skill)
    facts = skvm_lint.analyze("path/to/skill")       # the `analyze --format json` object for one skill
    result = skvm_lint.lint(["skills/"])             # RunResult: .skills, .diagnostics, .exit_code(...)
"""

from __future__ import annotations

from .version import __version__

import os
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:  # imported lazily so `import skvm_lint` stays cheap
    from .config import Config
    from .results import RunResult
    from .model import Skill

__all__ = ["__version__", "analyze", "lint", "load"]


def load(path: str | os.PathLike[str], config: "Config | None" = None) -> "Skill":
    """Parse one skill folder into the model (no rules run)."""
    from .builder import build_skill
    from .config import Config

    return build_skill(os.fspath(path), (config or Config()).limits)


def analyze(path: str | os.PathLike[str], config: "Config | None" = None) -> dict[str, Any]:
    """The analysis object of one skill, as ``skvm-lint analyze --format json`` prints it.

    Keys: ``path``, ``name``, ``capabilities``, ``dependencies``, ``workflow``, ``summary``, ``diagnostics``.
    """
    from .config import Config
    from .pipeline import process_skill
    from .results import analysis_object
    from .selection import Selection

    config = config or Config()
    rule_ids = Selection.from_config(config).rule_ids()
    result = process_skill(os.fspath(path), False, rule_ids, config, with_analysis=True)
    return analysis_object(result)


def lint(paths: Iterable[str | os.PathLike[str]], config: "Config | None" = None, *, jobs: int = 0) -> "RunResult":
    """Check skills (folders, hub roots or files inside skills) with the configured rules."""
    from .config import Config
    from .engine import run

    return run([os.fspath(p) for p in paths], config or Config(), jobs=jobs)
