#!/usr/bin/env python3
"""CPU per skill, wall time and peak memory of `skvm-lint check` next to agnix and skillsaw on the same folder, in
the same run: the default rules, a frontmatter/spec selection, and one skill (the pre-commit case).

Usage: python corpus/bench_check.py [FOLDER] [--agnix PATH] [--skillsaw PATH] [--repeat N] [--one SKILL_DIR]
Default folder: ../shared/corpus/openclaw-skills. Each tool runs as a subprocess; CPU is user + system time of the
process and the workers it waited for (wait4), peak RSS the largest resident set among them. Runs are interleaved
(every tool once, then again) and the median of --repeat runs is reported, with ratios to the peers. skvm-lint's
bytecode is compiled first, as an installed wheel has it. Under the one-skill case, two floors: the interpreter
importing just the modules that check imports (the standard library's and the libraries', none of skvm-lint's),
and the interpreter alone.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from _bench import Run, compile_bytecode, interleaved, median_cpu, median_wall, peer

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "corpus" / "openclaw-skills"


def report(runs: dict[str, list[Run]], skills: int) -> dict[str, tuple[float, float]]:
    """One row per case; returns (median wall, median CPU) per case."""
    print(f"{'case':<28} {'wall s':>8} {'CPU s':>8} {'CPU ms/skill':>13} {'skills/s':>9} {'peak RSS MiB':>13}")
    medians = {}
    for name, case_runs in runs.items():
        wall, cpu = median_wall(case_runs), median_cpu(case_runs)
        rss = max(r.peak_rss_kib for r in case_runs) / 1024
        medians[name] = (wall, cpu)
        print(f"{name:<28} {wall:>8.2f} {cpu:>8.2f} {1000 * cpu / skills:>13.1f} {skills / wall:>9.0f} {rss:>13.0f}")
    return medians


def imported_by_check(skill: Path) -> list[str]:
    """The top-level modules other than skvm-lint's own that a check of ``skill`` imports (stdlib and libraries)."""
    probe = ("import sys\nbefore = set(sys.modules)\nimport atexit\nfrom skvm_lint.__main__ import main\n"
             "atexit.register(lambda: print(' '.join(sorted(m for m in set(sys.modules) - before if '.' not in m"
             " and not m.startswith(('skvm_lint', '_')) and getattr(sys.modules[m], '__spec__', None)))))\n"
             f"sys.argv = ['skvm-lint', 'check', {str(skill)!r}, '-q']\nmain()\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    lines = done.stdout.strip().splitlines()
    return lines[-1].split() if lines else ["sys"]


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
    compile_bytecode()
    print(f"folder: {folder} ({skills} SKILL.md files), {os.cpu_count()} cores, median of {args.repeat} runs")
    cases = {"skvm-lint check": [exe, "check", str(folder), "--format", "json", "-q"],
             "skvm-lint check --select FM": [exe, "check", str(folder), "--format", "json", "-q", "--select", "FM"]}
    if agnix:
        cases["agnix"] = [agnix, str(folder), "--format", "json", "--max-files", "0"]
    if skillsaw:
        cases["skillsaw"] = [skillsaw, "lint", str(folder), "--format", "json"]
    medians = report(interleaved(cases, args.repeat), skills)
    if agnix:
        print(f"check CPU / agnix CPU: {medians['skvm-lint check'][1] / medians['agnix'][1]:.1f}x; "
              f"--select FM skills/s / agnix skills/s: "
              f"{medians['agnix'][0] / medians['skvm-lint check --select FM'][0]:.2f}")
    if skillsaw:
        print(f"check CPU / skillsaw CPU: {medians['skvm-lint check'][1] / medians['skillsaw'][1]:.2f}x")
    one = Path(args.one) if args.one else skill_files[0].parent
    print(f"\none skill (the pre-commit case): {one}")
    single = {"skvm-lint check (one skill)": [exe, "check", str(one), "-q"],
              # what the check pays before its own code runs: the interpreter and the modules it imports
              "  its imports alone": [sys.executable, "-c", "import " + ", ".join(imported_by_check(one))],
              "  python -c pass": [sys.executable, "-c", "pass"]}
    if agnix:
        single["agnix (one skill)"] = [agnix, str(one), "--format", "json"]
    if skillsaw:
        single["skillsaw (one skill)"] = [skillsaw, "lint", str(one), "--format", "json"]
    report(interleaved(single, max(args.repeat, 5)), 1)


if __name__ == "__main__":
    main()
