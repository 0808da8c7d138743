#!/usr/bin/env python3
"""CPU per skill, wall time and peak memory of `skvm-lint check` next to agnix and skillsaw on the same folder, in
the same run: the default rules, a frontmatter/spec selection, and one skill (the pre-commit case).

Usage: python corpus/bench_check.py [FOLDER] [--agnix PATH] [--skillsaw PATH] [--repeat N] [--one SKILL_DIR]
Default folder: ../shared/corpus/openclaw-skills. Each tool runs as a subprocess; CPU is user + system time of the
process and the workers it waited for (wait4), peak RSS the largest resident set among them. Runs are interleaved
(every tool once, then again) and the median of --repeat runs is reported, with ratios to the peers.
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


def measure(cmd: list[str]) -> tuple[float, float, int, int]:
    """(wall seconds, CPU seconds, peak RSS in KiB of the process or its largest child, exit code)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def peer(name: str, given: str | None) -> str | None:
    path = given or shutil.which(name) or f"/tmp/peers/bin/{name}"
    if Path(path).exists():
        return path
    print(f"{name} not found at {path}: install it with `pip install {name}` into a separate venv "
          "(see ../shared/peers.md)")
    return None


def run_cases(cases: dict[str, list[str]], repeat: int, skills: int) -> dict[str, tuple[float, float]]:
    """Interleaved runs; prints one row per case and returns (median wall, median CPU) per case."""
    results: dict[str, list[tuple[float, float, int, int]]] = {}
    for _ in range(repeat):  # interleaved, so every tool sees the same machine state
        for name, cmd in cases.items():
            results.setdefault(name, []).append(measure(cmd))
    print(f"{'case':<28} {'wall s':>8} {'CPU s':>8} {'CPU ms/skill':>13} {'skills/s':>9} {'peak RSS MiB':>13}")
    medians = {}
    for name, runs in results.items():
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        rss = max(r[2] for r in runs) / 1024
        medians[name] = (wall, cpu)
        print(f"{name:<28} {wall:>8.2f} {cpu:>8.2f} {1000 * cpu / skills:>13.1f} {skills / wall:>9.0f} {rss:>13.0f}")
    return medians


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", default=str(DEFAULT))
    parser.add_argument("--agnix")
    parser.add_argument("--skillsaw")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--one", help="the skill of the single-skill case (default: the folder's first skill)")
    args = parser.parse_args()
    folder = Path(args.folder)
    if not folder.is_dir():
        sys.exit(f"{folder}: not found (the shared corpus sits beside the checkout)")
    skill_files = sorted(folder.rglob("SKILL.md"))
    skills = len(skill_files)
    exe = shutil.which("skvm-lint") or str(Path(sys.executable).with_name("skvm-lint"))
    agnix, skillsaw = peer("agnix", args.agnix), peer("skillsaw", args.skillsaw)
    print(f"folder: {folder} ({skills} SKILL.md files), {os.cpu_count()} cores, median of {args.repeat} runs")
    cases = {"skvm-lint check": [exe, "check", str(folder), "--format", "json", "-q"],
             "skvm-lint check --select FM": [exe, "check", str(folder), "--format", "json", "-q", "--select", "FM"]}
    if agnix:
        cases["agnix"] = [agnix, str(folder), "--format", "json", "--max-files", "0"]
    if skillsaw:
        cases["skillsaw"] = [skillsaw, "lint", str(folder), "--format", "json"]
    medians = run_cases(cases, args.repeat, skills)
    if agnix:
        print(f"check CPU / agnix CPU: {medians['skvm-lint check'][1] / medians['agnix'][1]:.1f}x; "
              f"--select FM skills/s / agnix skills/s: "
              f"{medians['agnix'][0] / medians['skvm-lint check --select FM'][0]:.2f}")
    if skillsaw:
        print(f"check CPU / skillsaw CPU: {medians['skvm-lint check'][1] / medians['skillsaw'][1]:.2f}x")
    one = Path(args.one) if args.one else skill_files[0].parent
    print(f"\none skill (the pre-commit case): {one}")
    single = {"skvm-lint check (one skill)": [exe, "check", str(one), "-q"]}
    if agnix:
        single["agnix (one skill)"] = [agnix, str(one), "--format", "json"]
    if skillsaw:
        single["skillsaw (one skill)"] = [skillsaw, "lint", str(one), "--format", "json"]
    run_cases(single, max(args.repeat, 5), 1)


if __name__ == "__main__":
    main()
