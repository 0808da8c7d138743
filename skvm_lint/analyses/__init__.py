"""Analyses: pure functions of the skill model (no I/O), so they run unchanged in worker processes.

Each analysis is a module with ``analyze(skill) -> <Kind>Facts`` (frozen dataclasses); :class:`SkillFacts` holds
them for one skill, computed on first access. ``analyze_skill`` assembles the object ``skvm-lint analyze --format
json`` prints for one skill (without ``path``/``diagnostics``, which the pipeline adds).
"""

from __future__ import annotations

from collections import Counter
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..model import Skill
from . import dependencies, registry, security, workflow

if TYPE_CHECKING:
    from . import capabilities, solidification

# capabilities and solidification are imported where they are first used: the default rules read neither (the
# capability rules need --target, SO001 is opt-in), and together they cost a one-skill check ~10 ms of imports.

class SkillFacts:
    """The analyses of one skill, each computed on first access and then kept: rules and ``analyze`` share them,
    and a selection of rules that reads none of them costs none of them."""

    def __init__(self, skill: Skill, registry_layout: str = registry.DEFAULT_LAYOUT) -> None:
        self.skill = skill
        self.registry_layout = registry_layout

    @cached_property
    def registry_copy(self) -> registry.RegistryCopy | None:
        """Where the skill was copied from, when it is a hub's registry copy (``owner--repo--name/``)."""
        return registry.registry_copy(self.skill, self.registry_layout)

    @cached_property
    def capabilities(self) -> capabilities.CapabilityFacts:
        from . import capabilities

        return capabilities.analyze(self.skill)

    @cached_property
    def dependencies(self) -> dependencies.DependencyFacts:
        return dependencies.analyze(self.skill)

    @cached_property
    def workflow(self) -> workflow.WorkflowFacts:
        return workflow.analyze(self.skill)

    @cached_property
    def security(self) -> security.SecurityFacts:
        return security.analyze(self.skill)

    @cached_property
    def solidification(self) -> solidification.SolidificationFacts:
        from . import solidification

        return solidification.analyze(self.skill)


def summary(skill: Skill) -> dict[str, Any]:
    """Counts a reader can sanity-check at a glance: files by kind and language, fences by language."""
    kinds = Counter(f.kind for f in skill.files)
    languages = Counter(f.language for f in skill.files if f.language)
    fences = Counter((b.language or "none") for doc in skill.markdown_docs() for b in doc.code_blocks)
    return {
        "files": dict(sorted(kinds.items())),
        "script_languages": dict(sorted(languages.items())),
        "code_blocks": dict(sorted(fences.items())),
        "frontmatter_keys": sorted(map(str, (skill.frontmatter.data or {}).keys())),  # YAML allows `9:` keys
        "skill_md_lines": skill.body.line_count if skill.body else 0,
    }


def analyze_skill(facts: SkillFacts, security: list[dict[str, Any]]) -> dict[str, Any]:
    """The analysis object (without ``path`` and ``diagnostics``), from facts the rules may have computed already;
    ``security`` is what the SC rules found (they own the security detectors)."""
    from . import capabilities, solidification

    skill = facts.skill
    return {
        "name": skill.name,
        "capabilities": capabilities.skvm_shape(skill, facts.capabilities.demands),
        "dependencies": [d.to_dict() for d in facts.dependencies.found],
        "workflow": facts.workflow.to_dict(),
        "security": security,
        "solidification": solidification.summary(skill, list(facts.solidification.candidates)),
        "summary": summary(skill),
    }
