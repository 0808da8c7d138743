"""The per-skill pipeline: build the model, run the selected rules, apply per-path ignores and inline suppressions,
and (for ``analyze`` and hub scans) assemble the analysis object.

``process_skill`` is a pure function of (skill folder, rule ids, config): what worker processes and Dask workers run.
"""

from __future__ import annotations

import os
from typing import Iterable

from .analyses import SkillFacts, analyze_skill
from .builder import build_missing, build_skill
from .config import Config
from .diagnostics import Diagnostic, Severity
from .model import Skill
from .results import SkillResult
from .rule import RuleContext, all_rules, rule_by_id
from .security_rule import security_section
from .selection import Selection
from .suppress import Suppressions

INTERNAL_ERROR = ("IN001", "internal-error")

Task = tuple  # (root, missing, rule ids, config, with_analysis[, with_fingerprint]): process_skill's arguments


def _internal_error(root: str, where: str, exc: BaseException) -> Diagnostic:
    import traceback  # here: only a failure needs it (~2 ms of imports)

    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    location = f" at {os.path.basename(frame.filename)}:{frame.lineno}" if frame else ""
    return Diagnostic(*INTERNAL_ERROR, Severity.ERROR,
                      f"internal error in {where}: {type(exc).__name__}: {exc}{location}", root, ".",
                      hint="this is a bug in skvm-lint, not in the skill; please report it with the skill attached")


def _source_line(skill: Skill, diag: Diagnostic, lines_of: dict[str, list[str]]) -> str:
    """The text of the finding's line; ``lines_of`` holds each file's lines once split (a rule may report every
    line of a large file)."""
    lines = lines_of.get(diag.file)
    if lines is None:
        f = skill.file(diag.file)
        lines = lines_of[diag.file] = f.text.split("\n") if f is not None and f.text is not None else []
    return lines[diag.line - 1] if 0 < diag.line <= len(lines) else ""


def _portable(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The findings without their fixes' builders (which hold the model): what leaves the pipeline."""
    for diag in diagnostics:
        if diag.fix is not None:
            diag.fix = diag.fix.portable()
    return diagnostics


def check_model(skill: Skill, rule_ids: Iterable[str], config: Config,
                facts: SkillFacts | None = None) -> list[Diagnostic]:
    """Run rules over a built model; per-path ignores and suppressions applied. Never raises."""
    diagnostics: list[Diagnostic] = []
    ctx = RuleContext(facts or SkillFacts(skill, config.registry_layout), options=config.rule_options,
                      target=config.target)
    for rule_id in rule_ids:
        rule = rule_by_id(rule_id)
        if rule is None:
            continue
        try:
            diagnostics.extend(rule().check(skill, ctx))
        except Exception as exc:  # a broken rule must not hide the other rules' findings
            diagnostics.append(_internal_error(skill.root, f"rule {rule_id}", exc))
    suppressions = Suppressions.from_skill(skill)
    selection = Selection.from_config(config)
    kept = []
    lines_of: dict[str, list[str]] = {}
    for diag in diagnostics:
        if suppressions.suppresses(diag):
            continue
        if selection.ignored_at(diag):
            continue
        diag.source_line = _source_line(skill, diag, lines_of)
        kept.append(diag)
    kept.sort(key=Diagnostic.sort_key)
    return kept


def process_skill(root: str, missing: bool, rule_ids: tuple[str, ...], config: Config,
                  with_analysis: bool = False, with_fingerprint: bool = False) -> SkillResult:
    """Build, analyse and check one skill. Never raises: failures become IN001 diagnostics."""
    try:
        skill = build_missing(root) if missing else \
            build_skill(root, config.limits, exclusion=config.exclusion())
    except Exception as exc:  # includes RecursionError: deep input must never kill a worker
        return SkillResult(root, None, [_internal_error(root, "the model builder", exc)])
    facts = SkillFacts(skill, config.registry_layout)
    diagnostics = _portable(check_model(skill, rule_ids, config, facts))
    analysis = None
    if with_analysis:
        try:
            analysis = analyze_skill(facts, security_section(skill, facts.security, all_rules()))
        except Exception as exc:
            diagnostics.append(_internal_error(root, "the analyses", exc))
    fingerprint = None
    if with_fingerprint and not missing:
        try:
            from .library import fingerprint as make_fingerprint

            fingerprint = make_fingerprint(skill)
        except Exception as exc:
            diagnostics.append(_internal_error(root, "the library fingerprint", exc))
    return SkillResult(root, skill.name, diagnostics, analysis, fingerprint)


def check_text(root: str, rel: str, text: str, rule_ids: tuple[str, ...], config: Config) -> SkillResult:
    """Check a skill with ``text`` standing in for its file ``rel`` (stdin, an editor's buffer); the findings are
    those in that file (and those about the whole skill when the file is SKILL.md)."""
    try:
        skill = build_skill(root, config.limits, {rel: text}, config.exclusion())
    except Exception as exc:
        return SkillResult(root, None, [_internal_error(root, "the model builder", exc)])
    kept = [d for d in check_model(skill, rule_ids, config) if d.shown_in(skill.skill_md_path) == rel]
    return SkillResult(root, skill.name, _portable(kept))
