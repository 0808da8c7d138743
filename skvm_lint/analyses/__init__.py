"""Analyses: pure functions of the skill model (no I/O), so they run unchanged in worker processes.

``analyze_skill`` produces the object ``skvm-lint analyze --format json`` prints for one skill (without
``path``/``diagnostics``, which the engine adds). Keys whose analysis has not landed yet are ``null``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..model import Skill
from . import capabilities, dependencies, security, solidification, workflow

# Each analysis by name, computed at most once per skill through `cached` (rules and `analyze` share results).
COMPUTE = {"capabilities": capabilities.infer, "dependencies": dependencies.infer, "workflow": workflow.extract,
           "security": security.scan, "solidification": solidification.find}


def cached(name: str, skill: Skill, cache: dict[str, Any]) -> Any:
    """The result of analysis ``name`` for ``skill``, computed on first use and kept in ``cache``."""
    if name not in cache:
        cache[name] = COMPUTE[name](skill)
    return cache[name]


def summary(skill: Skill) -> dict[str, Any]:
    """Counts a reader can sanity-check at a glance: files by kind and language, fences by language."""
    kinds = Counter(f.kind for f in skill.files)
    languages = Counter(f.language for f in skill.files if f.language)
    fences = Counter((b.language or "none") for doc in skill.markdown_docs() for b in doc.code_blocks)
    return {
        "files": dict(sorted(kinds.items())),
        "script_languages": dict(sorted(languages.items())),
        "code_blocks": dict(sorted(fences.items())),
        "frontmatter_keys": sorted((skill.frontmatter.data or {}).keys()),
        "skill_md_lines": skill.body.line_count if skill.body else 0,
    }


def analyze_skill(skill: Skill, cache: dict[str, Any] | None = None) -> dict[str, Any]:
    """The analysis object; ``cache`` holds results the rules already computed for this skill."""
    cache = {} if cache is None else cache
    return {
        "name": skill.name,
        "capabilities": capabilities.skvm_shape(skill, cached("capabilities", skill, cache)),
        "dependencies": [d.to_dict() for d in cached("dependencies", skill, cache)],
        "workflow": workflow.to_dict(*cached("workflow", skill, cache)),
        "security": [f.to_dict() for f in cached("security", skill, cache) if f.severity is not None],
        "solidification": solidification.summary(skill, cached("solidification", skill, cache)),
        "summary": summary(skill),
    }
