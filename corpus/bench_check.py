#!/usr/bin/env python3
"""Wall time and peak memory of `skvm-lint check` next to agnix on the same folder, in the same run.

Usage: python corpus/bench_check.py [FOLDER] [--agnix PATH] [--repeat N]
Default folder: ../shared/corpus/openclaw-skills. Each tool runs as a subprocess; peak RSS is the largest
resident set of that process tree (the parent and its workers, from wait4). Prints ratios, not just seconds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "corpus" / "openclaw-skills"


def measure(cmd: list[str]) -> tuple[float, int, int]:
    """(wall seconds, peak RSS in KiB of the process or its largest child, exit code)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", default=str(DEFAULT))
    parser.add_argument("--agnix", default=shutil.which("agnix") or "/tmp/peers/bin/agnix")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder = Path(args.folder)
    if not folder.is_dir():
        sys.exit(f"{folder}: not found (the shared corpus sits beside the checkout)")
    skills = sum(1 for _ in folder.rglob("SKILL.md"))
    exe = shutil.which("skvm-lint") or str(Path(sys.executable).with_name("skvm-lint"))
    tools = {"skvm-lint": [exe, "check", str(folder), "--format", "json", "-q"]}
    if Path(args.agnix).exists():
        tools["agnix"] = [args.agnix, str(folder), "--format", "json", "--max-files", "0"]
    else:
        print(f"agnix not found at {args.agnix}: install it with `pip install agnix` into a separate venv")
    results = {}
    for _ in range(args.repeat):  # interleaved, so both see the same machine state
        for name, cmd in tools.items():
            results.setdefault(name, []).append(measure(cmd))
    print(f"folder: {folder} ({skills} SKILL.md files), {os.cpu_count()} cores, {args.repeat} runs each")
    print(f"{'tool':<10} {'median wall s':>14} {'skills/s':>10} {'peak RSS MiB':>13}")
    medians = {}
    for name, runs in results.items():
        wall = statistics.median(r[0] for r in runs)
        rss = max(r[1] for r in runs) / 1024
        medians[name] = wall
        print(f"{name:<10} {wall:>14.2f} {skills / wall:>10.0f} {rss:>13.0f}")
    if "agnix" in medians:
        print(f"skvm-lint / agnix wall-time ratio: {medians['skvm-lint'] / medians['agnix']:.1f}x")


if __name__ == "__main__":
    main()
