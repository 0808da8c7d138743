#!/usr/bin/env python3
"""Instructions executed by `skvm-lint check` and by skillsaw on the same sample of skills: a figure that does not
move with the machine's load, where CPU seconds on a shared virtual machine move by 10-30 % between runs.

Usage: python corpus/bench_instructions.py [FOLDER] [--every N] [--skillsaw PATH] [--check-only]
Default folder: ../shared/corpus/openclaw-skills; every 10th skill (in path order) is copied into a temporary folder
and each tool runs once on it under valgrind's cachegrind (`--cache-sim=no`, children traced), one process for
skvm-lint (`--jobs 1`) so no worker start is counted twice. Start-up and imports are included for both tools, as in
bench_check.py. Needs valgrind (Debian: `apt-get install valgrind`); the run takes a few minutes (about 50x slower
than native). Instructions are not time (a cache miss costs more than an add), so this complements the CPU ratios
of bench_check.py, measured in one run; it does not replace them.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _bench import compile_bytecode, peer

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "corpus" / "openclaw-skills"
REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def sample(folder: Path, every: int, target: Path) -> int:
    """Copy every ``every``-th skill folder (by SKILL.md path) of ``folder`` into ``target``; returns how many."""
    skills = sorted({p.parent for p in folder.rglob("SKILL.md")})[every - 1::every]
    for skill in skills:
        dest = target / skill.relative_to(folder)
        if not dest.exists():  # a skill nested in one already copied came with it
            shutil.copytree(skill, dest, symlinks=True)
    return len(skills)


def instructions(cmd: list[str]) -> int:
    """Instructions of ``cmd`` and every process it starts, as cachegrind counts them."""
    proc = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--trace-children=yes",
                           "--cachegrind-out-file=/dev/null", *cmd],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    counts = [int(m.group(1).replace(",", "")) for m in REFS.finditer(proc.stderr)]
    if not counts:
        sys.exit(f"valgrind gave no instruction count for {' '.join(cmd)}:\n{proc.stderr[-2000:]}")
    return sum(counts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", default=str(DEFAULT))
    parser.add_argument("--every", type=int, default=10, help="take every N-th skill (default 10)")
    parser.add_argument("--skillsaw")
    parser.add_argument("--check-only", action="store_true", help="measure skvm-lint alone")
    args = parser.parse_args()
    folder = Path(args.folder)
    if not folder.is_dir():
        sys.exit(f"{folder}: not found (the shared corpus sits beside the checkout)")
    if shutil.which("valgrind") is None:
        sys.exit("valgrind not found: install it (Debian: apt-get install valgrind) to count instructions")
    skillsaw = None if args.check_only else peer("skillsaw", args.skillsaw)
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="skvm-instructions-") as tmp:
        skills = sample(folder, args.every, Path(tmp))
        print(f"sample: every {args.every}th skill of {folder} ({skills} skills), one run each under cachegrind")
        counts = {"skvm-lint check": instructions([sys.executable, "-m", "skvm_lint", "check", tmp, "--jobs", "1",
                                                   "-q", "--format", "json"])}
        if skillsaw:
            counts["skillsaw"] = instructions([skillsaw, "lint", tmp, "--format", "json"])
    for name, count in counts.items():
        print(f"{name:<18} {count / 1e9:8.2f} G instructions  {count / skills / 1e6:8.1f} M a skill")
    if "skillsaw" in counts:
        print(f"skvm-lint / skillsaw: {counts['skvm-lint check'] / counts['skillsaw']:.2f}x")


if __name__ == "__main__":
    main()
