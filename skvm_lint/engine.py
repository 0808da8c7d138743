"""The per-skill pipeline and its parallel driver.

``process_skill`` is a pure function of (skill folder, rule ids, config): build the model, run the analyses and the
selected rules, apply per-path ignores and inline suppressions. It is what worker processes (and, later, Dask
workers) run. ``run`` maps it over many skills with a process pool and applies the baseline.
"""

from __future__ import annotations

import itertools
import os
import traceback
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from .analyses import analyze_skill
from .baseline import apply_baseline
from .builder import build_missing, build_skill
from .config import Config
from .diagnostics import Diagnostic, Severity
from .loader import discover, display_path
from .model import Skill
from .rule import RuleContext, rule_by_id, select_rules
from .suppress import Suppressions

INTERNAL_ERROR = ("IN001", "internal-error")


@dataclass(slots=True)
class SkillResult:
    root: str
    name: str | None
    diagnostics: list[Diagnostic]
    analysis: dict[str, Any] | None = None
    fingerprint: Any = None  # skvm_lint.library.Fingerprint, for library rules over a hub scan


@dataclass(slots=True)
class RunResult:
    skills: list[SkillResult] = field(default_factory=list)
    baseline_accepted: int = 0

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for s in self.skills for d in s.diagnostics]

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)

    def exit_code(self, fail_on: Severity) -> int:
        return 1 if any(d.severity >= fail_on for d in self.diagnostics) else 0


def _internal_error(root: str, where: str, exc: BaseException) -> Diagnostic:
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    location = f" at {os.path.basename(frame.filename)}:{frame.lineno}" if frame else ""
    return Diagnostic(*INTERNAL_ERROR, Severity.ERROR,
                      f"internal error in {where}: {type(exc).__name__}: {exc}{location}", root, ".",
                      hint="this is a bug in skvm-lint, not in the skill; please report it with the skill attached")


def _source_line(skill: Skill, diag: Diagnostic) -> str:
    f = skill.file(diag.file)
    if f is None or f.text is None:
        return ""
    lines = f.text.split("\n", diag.line)
    return lines[diag.line - 1] if 0 < diag.line <= len(lines) else ""


def check_model(skill: Skill, rule_ids: Iterable[str], config: Config,
                ctx: RuleContext | None = None) -> list[Diagnostic]:
    """Run rules over a built model; per-path ignores and suppressions applied. Never raises."""
    diagnostics: list[Diagnostic] = []
    ctx = ctx or RuleContext(options=config.rule_options, target=config.target)
    for rule_id in rule_ids:
        rule = rule_by_id(rule_id)
        if rule is None:
            continue
        try:
            diagnostics.extend(rule().check(skill, ctx))
        except Exception as exc:  # a broken rule must not hide the other rules' findings
            diagnostics.append(_internal_error(skill.root, f"rule {rule_id}", exc))
    suppressions = Suppressions.from_skill(skill)
    kept = []
    for diag in diagnostics:
        if suppressions.suppresses(diag):
            continue
        ignored = config.ignored_for(diag.path) if config.per_path_ignores else set()
        if ignored and any(i.upper() == diag.rule or diag.rule.startswith(i.upper()) or i == diag.name
                           for i in ignored):
            continue
        diag.source_line = _source_line(skill, diag)
        kept.append(diag)
    kept.sort(key=Diagnostic.sort_key)
    return kept


def process_skill(root: str, missing: bool, rule_ids: tuple[str, ...], config: Config,
                  with_analysis: bool = False, with_fingerprint: bool = False) -> SkillResult:
    """Build, analyse and check one skill. Never raises: failures become IN001 diagnostics."""
    try:
        skill = build_missing(root) if missing else build_skill(root, config.limits)
    except Exception as exc:  # includes RecursionError: deep input must never kill a worker
        return SkillResult(root, None, [_internal_error(root, "the model builder", exc)])
    ctx = RuleContext(options=config.rule_options, target=config.target)
    diagnostics = check_model(skill, rule_ids, config, ctx)
    analysis = None
    if with_analysis:
        try:
            analysis = analyze_skill(skill, ctx.analyses)  # reuses what the rules computed
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


def _process_task(task: tuple[str, bool, tuple[str, ...], Config, bool]) -> SkillResult:
    return process_skill(*task)


def default_jobs(n_skills: int) -> int:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    # Starting workers costs ~100 ms each; not worth it for a handful of skills.
    return max(1, min(cpus, n_skills // 16))


def run(paths: Iterable[str], config: Config, *, jobs: int = 0, with_analysis: bool = False,
        on_progress: Callable[[int, int], None] | None = None) -> RunResult:
    """Discover skills under ``paths`` and check them all (``jobs=0``: choose by size)."""
    roots, skill_less = discover(paths)
    tasks_roots = [(display_path(r), False) for r in roots] + [(display_path(r), True) for r in skill_less]
    rule_ids = tuple(r.id for r in select_rules(config.select, config.ignore, config.extend_select))
    tasks = [(root, missing, rule_ids, config, with_analysis) for root, missing in tasks_roots]
    result = RunResult()
    for done, skill_result in enumerate(map_tasks(tasks, jobs or default_jobs(len(tasks))), 1):
        result.skills.append(skill_result)
        if on_progress is not None:
            on_progress(done, len(tasks))
    if config.baseline is not None:
        remaining, result.baseline_accepted = apply_baseline(result.diagnostics, config.baseline)
        keep = {id(d) for d in remaining}
        for skill_result in result.skills:
            skill_result.diagnostics = [d for d in skill_result.diagnostics if id(d) in keep]
    return result


CHUNKS_IN_FLIGHT_PER_WORKER = 4  # enough to keep workers busy, few enough that memory stays flat


def _chunk_size(tasks: int, workers: int) -> int:
    """Skills per chunk: about eight chunks per worker, at most 32 skills each."""
    return max(1, min(32, tasks // (workers * 8)))


def map_tasks(tasks: list[tuple[str, bool, tuple[str, ...], Config, bool]], jobs: int) -> Iterator[SkillResult]:
    if jobs <= 1 or len(tasks) <= 1:
        for task in tasks:
            yield _process_task(task)
        return
    chunksize = _chunk_size(len(tasks), jobs)
    chunks = [tasks[i:i + chunksize] for i in range(0, len(tasks), chunksize)]
    results: dict[int, list[SkillResult]] = {}
    next_to_yield = 0
    window = jobs * CHUNKS_IN_FLIGHT_PER_WORKER
    index = 0
    while index < len(chunks):
        # A worker that dies breaks the whole pool: the chunks in flight are retried below, the rest get a new pool.
        crashed: list[int] = []
        futures: dict[int, Any] = {}
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            try:
                while index < len(chunks):
                    for pending in range(index, min(len(chunks), index + window)):
                        if pending not in futures:
                            futures[pending] = pool.submit(_process_chunk, chunks[pending])
                    results[index] = futures.pop(index).result()
                    index += 1
                    ready, next_to_yield = _in_order(results, next_to_yield)
                    yield from ready
            except BrokenProcessPool:
                crashed = sorted({index, *futures})
            except KeyboardInterrupt:  # pragma: no cover - interactive
                pool.shutdown(wait=False, cancel_futures=True)
                raise
        # A worker died (a native parser crashed on some input): the chunks that were in flight are retried one
        # skill per process, so the one skill that kills a worker is reported and the others are still checked.
        for k in crashed:
            future = futures.get(k)
            done = future is not None and future.done() and not future.cancelled() and future.exception() is None
            results[k] = future.result() if done else [_isolated(task) for task in chunks[k]]
        if crashed:
            index = crashed[-1] + 1
        ready, next_to_yield = _in_order(results, next_to_yield)
        yield from ready


def map_tasks_dask(tasks: list[tuple[Any, ...]], scheduler: str, jobs: int = 0) -> Iterator[SkillResult]:
    """Run tasks on a Dask distributed cluster (``scheduler``: its address, or ``local`` for a LocalCluster of
    ``jobs`` worker processes here). Results arrive as they complete, not in input order; a bounded number of chunks
    is in flight so the client's memory stays flat. Workers need skvm-lint installed (same version)."""
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler == "local":
        cluster = LocalCluster(n_workers=jobs or default_jobs(len(tasks)) or 1, threads_per_worker=1,
                               processes=True, dashboard_address=None)
    client = Client(cluster if cluster is not None else scheduler)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        chunksize = _chunk_size(len(tasks), workers)
        chunks = (tasks[i:i + chunksize] for i in range(0, len(tasks), chunksize))
        window = as_completed()
        for chunk in itertools.islice(chunks, workers * CHUNKS_IN_FLIGHT_PER_WORKER):
            window.add(client.submit(_process_chunk, chunk, pure=False))
        for future in window:
            yield from future.result()
            future.release()
            following = next(chunks, None)
            if following is not None:
                window.add(client.submit(_process_chunk, following, pure=False))
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _in_order(results: dict[int, list[SkillResult]], next_index: int) -> tuple[list[SkillResult], int]:
    """Take the chunk results that can be yielded now without breaking the input order."""
    ready: list[SkillResult] = []
    while next_index in results:
        ready.extend(results.pop(next_index))
        next_index += 1
    return ready, next_index


def _process_chunk(chunk: list[tuple[str, bool, tuple[str, ...], Config, bool]]) -> list[SkillResult]:
    return [_process_task(task) for task in chunk]


def _isolated(task: tuple[str, bool, tuple[str, ...], Config, bool]) -> SkillResult:
    """Check one skill in a process of its own; a crash of that process becomes an IN001 finding."""
    with ProcessPoolExecutor(max_workers=1) as pool:
        try:
            return pool.submit(_process_task, task).result()
        except BrokenProcessPool:
            root = task[0]
            crash = Diagnostic(*INTERNAL_ERROR, Severity.ERROR, "the process checking this skill crashed (a native "
                               "parser failed on its content); the skill was not checked", root, ".",
                               hint="this is a bug in skvm-lint or a parser it uses; please report it with the skill")
            return SkillResult(root, None, [crash])
