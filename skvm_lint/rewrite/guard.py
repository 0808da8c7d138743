"""The guard: a model's rewrite of SKILL.md is untrusted input, accepted only when it keeps what must not change
and lowers (or keeps) the demands without adding problems. Every check that fails is a reason, reported as is."""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from pathlib import Path

from msgspec import Struct, field

from ..builder import build_skill
from ..config import Config
from ..diagnostics import Diagnostic, Severity
from ..pipeline import check_model
from ..model import Skill

GAP_RULES = ("CP001", "CP002")


class Verdict(Struct):
    accepted: bool
    reasons: list[str] = field(default_factory=list)
    gaps_before: int = 0
    gaps_after: int = 0


def growth_budget(lines: int) -> int:
    """Lines a rewrite may add: short skills may grow more (in proportion) than long ones."""
    if lines < 60:
        return max(30, lines)
    if lines < 250:
        return lines // 2
    return max(125, lines // 4)


def _frontmatter(skill: Skill) -> str | None:
    front = skill.frontmatter
    if not front.present:
        return None
    return "\n".join(skill.skill_md_text.split("\n")[front.start_line - 1:front.end_line])


def _blocks(skill: Skill) -> list[str]:
    """Code blocks longer than one line, as written (whitespace at the ends ignored)."""
    return [b.text.strip() for b in (skill.body.code_blocks if skill.body else []) if b.text.strip().count("\n") >= 1]


def _headings(skill: Skill) -> Counter:
    return Counter(s.title.strip() for s in (skill.body.sections if skill.body else []) if s.title.strip())


def _findings(skill: Skill, rule_ids: tuple[str, ...], config: Config) -> list[Diagnostic]:
    return check_model(skill, rule_ids, config)


def judge(root: str, candidate: str, rule_ids: tuple[str, ...], config: Config) -> Verdict:
    """Compare the skill at ``root`` with the same skill whose SKILL.md is ``candidate``."""
    before = build_skill(root, config.limits)
    with tempfile.TemporaryDirectory(prefix="skvm-lint-guard-") as tmp:
        copy = Path(tmp) / Path(root).name
        shutil.copytree(root, copy, symlinks=True)
        (copy / (before.skill_md_path or "SKILL.md")).write_text(candidate, encoding="utf-8")
        after = build_skill(str(copy), config.limits)
        ids = tuple(dict.fromkeys((*rule_ids, *GAP_RULES)))
        found_before = _findings(before, ids, config)
        found_after = _findings(after, ids, config)
    verdict = Verdict(True)
    if _frontmatter(after) != _frontmatter(before):
        verdict.reasons.append("the frontmatter changed (it must stay byte for byte)")
    after_blocks = set(_blocks(after))
    lost = [b for b in _blocks(before) if b not in after_blocks]
    if lost:
        first = lost[0].splitlines()[0][:60]
        verdict.reasons.append(f"{len(lost)} code block(s) of more than one line were dropped or altered "
                               f"(first: `{first}`)")
    missing = _headings(before) - _headings(after)
    if missing:
        verdict.reasons.append(f"heading(s) removed: {', '.join(sorted(missing))}")
    lines_before = before.skill_md_text.count("\n") + 1
    added = candidate.count("\n") + 1 - lines_before
    if added > growth_budget(lines_before):
        verdict.reasons.append(f"{added} lines added, over the budget of {growth_budget(lines_before)} for a "
                               f"{lines_before}-line SKILL.md")
    security = Counter((d.rule, d.message) for d in found_after if d.rule.startswith("SC"))
    new_security = security - Counter((d.rule, d.message) for d in found_before if d.rule.startswith("SC"))
    if new_security:
        (rule, message), _ = next(iter(new_security.items()))
        verdict.reasons.append(f"new security finding(s): {rule} {message}")
    errors_before = sum(d.severity is Severity.ERROR for d in found_before)
    errors_after = sum(d.severity is Severity.ERROR for d in found_after)
    if errors_after > errors_before:
        verdict.reasons.append(f"re-lint: {errors_after} errors, {errors_before} before")
    verdict.gaps_before = sum(d.rule in GAP_RULES for d in found_before)
    verdict.gaps_after = sum(d.rule in GAP_RULES for d in found_after)
    if verdict.gaps_after > verdict.gaps_before:
        verdict.reasons.append(f"re-lint: {verdict.gaps_after} capability gaps, {verdict.gaps_before} before")
    verdict.accepted = not verdict.reasons
    return verdict
