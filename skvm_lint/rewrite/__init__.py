"""`skvm-lint check --fix --target PROFILE [--model PROVIDER/MODEL]`: adapt a skill to a weaker model, as SkVM's
compiler does, with the static analyses doing the finding and an LLM only the rewording.

The work happens on a copy of the skill: first the deterministic rewrites (anchored paths, the parallel-execution
section, an environment-setup section from the dependency analysis), then, with a model, one guarded request per
purpose that has capability gaps. The original is replaced only with ``write=True``; otherwise the result goes to
``out_dir`` or is shown as a diff.
"""

from __future__ import annotations

import difflib
import shutil
import stat
import tempfile
from pathlib import Path

from msgspec import Struct, field

from ..analyses import SkillFacts
from ..analyses.capabilities import skvm_shape
from ..atomic import atomic_write
from ..builder import build_skill
from ..config import Config
from ..fix_engine import apply_edits, fix_skill
from ..fixes.sections import environment_section_fix
from .cache import ResponseCache
from .guard import judge
from ..analyses.capabilities import Gap, gaps
from .prompt import PROMPT_VERSION, SYSTEM, build, extract
from .providers import Provider, ProviderError

# Deterministic rewrites a target run applies without a model (unsafe fixes among them: they add text).
DETERMINISTIC_RULES = ("ST008", "WF001", "WF002")


class RewriteReport(Struct):
    root: str
    deterministic: list[str] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    accepted: list[str] = field(default_factory=list)  # purposes rewritten by the model
    rejected: list[tuple[str, list[str]]] = field(default_factory=list)  # (purpose, the guard's reasons)
    calls: int = 0
    cached: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    diff: str = ""
    written: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class Usage(Struct):
    """Requests and tokens over a run of rewrites, and what they cost at a price per million tokens."""

    calls: int = 0
    cached: int = 0
    input_tokens: int = 0
    output_tokens: int = 0

    def add(self, report: RewriteReport) -> None:
        self.calls += report.calls
        self.cached += report.cached
        self.input_tokens += report.input_tokens
        self.output_tokens += report.output_tokens

    def summary(self, provider: str, prices: tuple[float, float] | None) -> str:
        cost = (f"; cost ${(self.input_tokens * prices[0] + self.output_tokens * prices[1]) / 1e6:.4f}" if prices
                else "; --price-per-mtok IN,OUT prints the cost")
        return (f"{provider}: {self.calls} request(s), {self.cached} from the cache; tokens {self.input_tokens:,} "
                f"in, {self.output_tokens:,} out{cost}")


def parse_prices(text: str) -> tuple[float, float]:
    """``IN,OUT`` in USD per million tokens; ValueError naming the expected form otherwise."""
    try:
        prices = tuple(float(p) for p in text.split(","))
    except ValueError:
        prices = ()
    if len(prices) != 2:
        raise ValueError(f"--price-per-mtok {text!r}: expected IN,OUT such as 0.15,0.60")
    return prices[0], prices[1]


def rewrite_skill(root: str, config: Config, rule_ids: tuple[str, ...], *, provider: Provider | None = None,
                  cache: ResponseCache | None = None, out_dir: Path | None = None,
                  write: bool = False) -> RewriteReport:
    if config.target is None:
        raise ValueError("a target rewrite needs --target PROFILE")
    report = RewriteReport(root)
    source = Path(root)
    with tempfile.TemporaryDirectory(prefix="skvm-lint-rewrite-") as tmp:
        work = Path(tmp) / source.name
        shutil.copytree(source, work, symlinks=True)
        for path in [work, *work.rglob("*")]:  # the copy is ours to edit, whatever the original's modes
            if not path.is_symlink():
                path.chmod(path.stat().st_mode | stat.S_IWUSR)
        fixed = fix_skill(str(work), DETERMINISTIC_RULES, config, unsafe=True)
        report.deterministic = [line.replace(str(work), root) for line in fixed.applied]
        report.notes += [line.replace(str(work), root) for line in fixed.skipped]
        skill = build_skill(str(work), config.limits)
        facts = SkillFacts(skill)
        setup = environment_section_fix(skill, list(facts.dependencies.found))
        if setup is not None:
            atomic_write(work / skill.skill_md_path, apply_edits(skill.skill_md_text, list(setup.edits)))
            report.deterministic.append(f"{root}/{skill.skill_md_path}: {setup.description}")
            skill = build_skill(str(work), config.limits)
            facts = SkillFacts(skill)
        findings = facts.capabilities.demands
        report.gaps = gaps(findings, config.target)
        if report.gaps and provider is None:
            report.notes.append(f"{len(report.gaps)} capability gap(s) against {config.target.label} remain: a "
                                "model (--model PROVIDER/MODEL) would reword the skill to lower them")
        if report.gaps and provider is not None:
            _rewrite_with_model(report, str(work), skill, findings, facts, config, rule_ids, provider,
                                cache or ResponseCache(None))
        report.diff, changed = _diff(source, work, root)
        if out_dir is not None:
            target_dir = out_dir / source.name
            if target_dir.exists():
                raise FileExistsError(f"{target_dir} already exists: choose another --out folder or remove it")
            shutil.copytree(work, target_dir, symlinks=True)
            report.written.append(str(target_dir))
        if write:
            for rel in changed:
                atomic_write(source / rel, (work / rel).read_text(encoding="utf-8"))
                report.written.append(str(source / rel))
    return report


def _rewrite_with_model(report: RewriteReport, work: str, skill, findings, facts: SkillFacts, config: Config,
                        rule_ids: tuple[str, ...], provider: Provider, cache: ResponseCache) -> None:
    dependencies = list(facts.dependencies.found)
    groups = list(facts.workflow.groups)
    skill_md = Path(work) / (skill.skill_md_path or "SKILL.md")
    for purpose in skvm_shape(skill, findings)["purposes"]:
        ids = {p["id"] for p in purpose["current_path"]["primitives"]}
        purpose_gaps = [g for g in report.gaps if g.primitive in ids]
        if not purpose_gaps:
            continue
        text = skill_md.read_text(encoding="utf-8")
        prompt = build(purpose, purpose_gaps, config.target, text, dependencies, groups)
        key = ResponseCache.key(PROMPT_VERSION, provider.name, provider.base_url, SYSTEM, prompt)
        completion = cache.get(key)
        if completion is None:
            try:
                completion = provider.complete(SYSTEM, prompt)
            except ProviderError as exc:
                report.rejected.append((purpose["id"], [f"the model could not be used: {exc}"]))
                continue
            cache.put(key, completion)
            report.calls += 1
            report.input_tokens += completion.input_tokens
            report.output_tokens += completion.output_tokens
        else:
            report.cached += 1
        candidate = extract(completion.text)
        if candidate is None:
            report.rejected.append((purpose["id"], ["the response holds no SKILL.md (no markers, no markdown fence, "
                                                    "no frontmatter)"]))
            continue
        verdict = judge(work, candidate, rule_ids, config)
        if verdict.accepted:
            atomic_write(skill_md, candidate)
            report.accepted.append(f"{purpose['id']}: capability gaps {verdict.gaps_before} -> "
                                   f"{verdict.gaps_after}")
        else:
            report.rejected.append((purpose["id"], verdict.reasons))


def _diff(source: Path, work: Path, shown: str) -> tuple[str, list[str]]:
    """A unified diff of every text file that differs between the original and the rewritten copy."""
    chunks, changed = [], []
    label = shown.lstrip("/")  # `a//tmp/x` would not be a path a patch tool reads
    for path in sorted(p for p in work.rglob("*") if p.is_file() and not p.is_symlink()):
        rel = path.relative_to(work).as_posix()
        original = source / rel
        try:
            new = path.read_text(encoding="utf-8")
            old = original.read_text(encoding="utf-8") if original.exists() else ""
        except (UnicodeDecodeError, OSError):
            continue
        if new != old:
            changed.append(rel)
            chunks.append("".join(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                                       f"a/{label}/{rel}", f"b/{label}/{rel}")))
    return "".join(chunks), changed
