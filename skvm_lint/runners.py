"""Runners: map the per-skill pipeline over many skills, on a process pool here or on a Dask cluster.

Both keep a bounded number of chunks in flight so memory stays flat on a 100k-skill hub, and a worker that dies on
some input costs that one skill (an IN001 finding), not the run.
"""

from __future__ import annotations

import gc
import itertools
import os
import signal
import sys
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from . import pipeline
from .collector import RUN_THRESHOLDS
from .diagnostics import Diagnostic, Severity
from .pipeline import INTERNAL_ERROR, Task
from .results import SkillResult

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor


def default_jobs(n_skills: int) -> int:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    # Starting workers costs ~100 ms each; not worth it for a handful of skills.
    return max(1, min(cpus, n_skills // 16))


PR_SET_PDEATHSIG = 1  # linux/prctl.h: the signal a process gets when its parent dies
CHUNKS_IN_FLIGHT_PER_WORKER = 4  # enough to keep workers busy, few enough that memory stays flat


def _chunk_size(tasks: int, workers: int) -> int:
    """Skills per chunk: about eight chunks per worker, at most 32 skills each."""
    return max(1, min(32, tasks // (workers * 8)))


def map_tasks(tasks: Iterable[Task], jobs: int, count: int | None = None) -> Iterator[SkillResult]:
    """Results of ``tasks`` in their order. ``tasks`` may be a generator (a hub scan reads them from SQLite a page
    at a time) when ``count`` says how many there are; only the chunks in flight are held."""
    count = len(tasks) if count is None else count  # type: ignore[arg-type]
    if jobs <= 1 or count <= 1:
        thresholds = gc.get_threshold()
        if count > 1:
            gc.set_threshold(*RUN_THRESHOLDS)
        try:
            for task in tasks:
                yield _run_task(task)
        finally:
            gc.set_threshold(*thresholds)
        return
    # Imported here: multiprocessing costs ~10 ms of start, and one skill (the pre-commit case) never needs a pool.
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    chunks = _chunks(tasks, _chunk_size(count, jobs))
    in_flight: dict[int, list[Task]] = {}  # chunks submitted and not yet yielded, by their number
    results: dict[int, list[SkillResult]] = {}
    next_to_yield = 0
    window = jobs * CHUNKS_IN_FLIGHT_PER_WORKER
    index = submitted = 0
    while True:
        # A worker that dies breaks the whole pool: the chunks in flight are retried below, the rest get a new pool.
        crashed: list[int] = []
        futures: dict[int, Any] = {}
        with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(os.getpid(),)) as pool:
            try:
                while True:
                    while submitted < index + window and (chunk := next(chunks, None)) is not None:
                        in_flight[submitted] = chunk
                        futures[submitted] = pool.submit(_process_chunk, chunk)
                        submitted += 1
                    if index not in futures:
                        break  # every chunk is done
                    results[index] = futures.pop(index).result()
                    del in_flight[index]
                    index += 1
                    ready, next_to_yield = _in_order(results, next_to_yield)
                    yield from ready
            except BrokenProcessPool:  # every chunk not yet yielded, one whose submission failed included
                crashed = sorted(in_flight)
            except KeyboardInterrupt:  # Ctrl-C, or SIGTERM turned into one: hand over what is finished, stop now
                finished = [f.result() for _, f in sorted(futures.items()) if _succeeded(f)]
                _stop_workers(pool)
                for chunk in [*results.values(), *finished]:  # out of order: the caller is stopping anyway
                    yield from chunk
                raise
            except GeneratorExit:  # the caller stopped reading (it was interrupted itself): do not wait for chunks
                _stop_workers(pool)
                raise
        if not crashed:
            return
        # A worker died (a native parser crashed on some input): the chunks that were in flight are retried one
        # skill per process, so the one skill that kills a worker is reported and the others are still checked.
        for k in crashed:
            future = futures.get(k)
            results[k] = future.result() if _succeeded(future) else [_isolated(task) for task in in_flight[k]]
            del in_flight[k]
        index = submitted = crashed[-1] + 1
        ready, next_to_yield = _in_order(results, next_to_yield)
        yield from ready


def _chunks(tasks: Iterable[Task], size: int) -> Iterator[list[Task]]:
    it = iter(tasks)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def _succeeded(future: Any) -> bool:
    """Whether a chunk's future finished with results (not pending, cancelled or broken by a dead worker)."""
    return future is not None and future.done() and not future.cancelled() and future.exception() is None


def _worker_init(parent: int) -> None:
    """A pool worker leaves Ctrl-C to its parent, and dies with it: a killed scan never leaves workers behind.
    SIGTERM gets its default action back: a handler inherited from the parent through fork would turn it into an
    exception that the pool's worker loop catches and survives."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):  # no prctl: the parent's own clean-up still stops the workers
            pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(0)
    # What the worker inherited (imports, the rule registry, the task list) lives as long as it does: out of the
    # collector's sight, full collections stay short and do not touch (and so copy) the parent's pages.
    gc.freeze()
    gc.set_threshold(*RUN_THRESHOLDS)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Stop a pool at once: its workers are terminated, not awaited (a chunk in flight can take seconds)."""
    for process in list(getattr(pool, "_processes", {}).values()):  # the executor keeps no public list of them
        try:
            process.terminate()
        except (OSError, AttributeError):
            pass
    pool.shutdown(wait=False, cancel_futures=True)


def map_tasks_dask(tasks: Iterable[Task], scheduler: str, jobs: int = 0,
                   count: int | None = None) -> Iterator[SkillResult]:
    """Run tasks on a Dask distributed cluster (``scheduler``: its address, or ``local`` for a LocalCluster of
    ``jobs`` worker processes here). Results arrive as they complete, not in input order; a bounded number of chunks
    is in flight so the client's memory stays flat. Workers need skvm-lint installed (same version)."""
    from distributed import Client, LocalCluster, as_completed

    count = len(tasks) if count is None else count  # type: ignore[arg-type]
    cluster = None
    if scheduler == "local":
        cluster = LocalCluster(n_workers=jobs or default_jobs(count) or 1, threads_per_worker=1,
                               processes=True, dashboard_address=None)
    client = Client(cluster if cluster is not None else scheduler)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        chunks = _chunks(tasks, _chunk_size(count, workers))
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


def _process_chunk(chunk: list[Task]) -> list[SkillResult]:
    return [_run_task(task) for task in chunk]


def _isolated(task: Task) -> SkillResult:
    """Check one skill in a process of its own; a crash of that process becomes an IN001 finding."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(max_workers=1) as pool:
        try:
            return pool.submit(_run_task, task).result()
        except BrokenProcessPool:
            root = task[0]
            crash = Diagnostic(*INTERNAL_ERROR, Severity.ERROR, "the process checking this skill crashed (a native "
                               "parser failed on its content); the skill was not checked", root, ".",
                               hint="this is a bug in skvm-lint or a parser it uses; please report it with the skill")
            return SkillResult(root, None, [crash])


def _run_task(task: Task) -> SkillResult:
    return pipeline.process_skill(*task)  # looked up at call time, so a test can stand in for the pipeline
