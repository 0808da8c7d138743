"""What the benchmark scripts share: CPU of a child process and the workers it waited for, the peers' executables,
interleaved runs with medians, and bytecode compiled as an installed wheel has it."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds of the process and every child it waited for (wait4)
    peak_rss_kib: int  # the largest resident set among them
    exit_code: int
    stdout: str = ""


def measure(cmd: list[str], *, capture: bool = False) -> Run:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, text=True)
    out = proc.stdout.read() if capture and proc.stdout else ""  # read before waiting: a full pipe would block it
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, os.waitstatus_to_exitcode(status), out)


def peer(name: str, given: str | None = None) -> str | None:
    """A peer's executable: the given path, on PATH, or in the /tmp/peers virtualenv of ../shared/peers.md."""
    path = given or shutil.which(name) or f"/tmp/peers/bin/{name}"
    if Path(path).exists():
        return path
    print(f"{name} not found at {path}: install it with `pip install {name}` into a separate venv "
          "(see ../shared/peers.md); its columns are left out")
    return None


def interleaved(cases: dict[str, list[str]], repeat: int) -> dict[str, list[Run]]:
    """Every case once, then again, ``repeat`` times: each tool sees the same machine state."""
    runs: dict[str, list[Run]] = {name: [] for name in cases}
    for _ in range(repeat):
        for name, cmd in cases.items():
            runs[name].append(measure(cmd))
    return runs


def median_wall(runs: list[Run]) -> float:
    return statistics.median(r.wall for r in runs)


def median_cpu(runs: list[Run]) -> float:
    return statistics.median(r.cpu for r in runs)


def compile_bytecode() -> None:
    """Write current bytecode for skvm-lint's package and rules, as `pip install` of the wheel does. Without it, a
    checkout edited since its last import (or run under PYTHONDONTWRITEBYTECODE) recompiles those modules from
    source in every process, and start-up looks tens of milliseconds slower than users see."""
    import skvm_lint
    from skvm_lint.rule import rules_dir

    package = Path(skvm_lint.__file__).parent
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package), str(rules_dir())], check=True,
                   stdout=subprocess.DEVNULL)
