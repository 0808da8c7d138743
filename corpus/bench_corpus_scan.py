#!/usr/bin/env python3
"""Hub-scan cost: `skvm-lint corpus scan` cold (empty results folder) and warm (unchanged hub, same folder), next to
agnix and skillsaw on the same folder in the same run: CPU per skill, wall time and skills per second.

Usage: python corpus/bench_corpus_scan.py [FOLDER] [--agnix PATH] [--skillsaw PATH] [--repeat N] [--jobs N]
                                          [--hub N]
Default folder: ../shared/corpus/openclaw-skills. Runs are interleaved (every tool once, then again) and medians of
--repeat runs reported. CPU is user + system time of the process and the workers it waited for (wait4); the peak
RSS shown for the scan is the scanning parent's own (workers are bounded by the per-skill limits). --hub N scans a
hub of N skills made of hard-linked copies of the folder's skills (no extra space), to show the parent's memory stays
flat with hub size; the last line extrapolates the rates to a 118,000-skill hub on this machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from _bench import Run, compile_bytecode, measure, median_cpu, median_wall, peer

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "corpus" / "openclaw-skills"
HUB = 118_000  # skills the SkVM paper characterised

# Runs in a child so each scan's peak RSS is its own (RUSAGE_SELF of that process, not of its workers).
CHILD = """
import json, resource, sys
from pathlib import Path
from skvm_lint.config import Config
from skvm_lint.corpus import scan
report = scan([sys.argv[1]], Path(sys.argv[2]), Config(), jobs=int(sys.argv[3]))
print(json.dumps({"skills": report.skills, "analysed": report.analysed,
                  "cached": report.cached, "parent_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def list_tree(folder: Path) -> None:
    """Read every folder of the tree, untimed, before each measured run. A cold scan's workers read every file, and
    the directory reads of the run right after it cost about 100 ms more CPU (the kernel's directory cache): without
    this the warm scan, which follows the cold one, paid for it and the peers run after it did not."""
    for _dirpath, _dirnames, _filenames in os.walk(folder):
        pass


def scan(folder: Path, out: Path, jobs: int) -> tuple[Run, dict]:
    """One scan, measured from outside like the peers: interpreter start and imports included."""
    list_tree(folder)
    run = measure([sys.executable, "-c", CHILD, str(folder), str(out), str(jobs)], capture=True)
    if run.exit_code != 0:
        sys.exit(f"skvm-lint corpus scan failed on {folder} (exit {run.exit_code})")
    return run, json.loads(run.stdout.strip().splitlines()[-1])


def replicated_hub(folder: Path, target: Path, skills: int) -> int:
    """A hub of ``skills`` skills in ``target``: copies of ``folder``'s skill folders, files hard-linked (copied
    where the file system cannot link), symlinks kept as symlinks. Returns how many skill folders it holds."""
    sources = sorted({p.parent for p in folder.rglob("SKILL.md")})

    def link(source: str, dest: str) -> None:
        try:
            os.link(source, dest)
        except OSError:
            shutil.copy2(source, dest)

    for made in range(skills):
        source = sources[made % len(sources)]
        dest = target / f"copy{made // len(sources)}" / source.relative_to(folder)
        if not dest.exists():  # a skill nested in another was copied with it
            shutil.copytree(source, dest, symlinks=True, copy_function=link)
    return skills


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", default=str(DEFAULT))
    parser.add_argument("--agnix")
    parser.add_argument("--skillsaw")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each case (medians are reported)")
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (default: all cores)")
    parser.add_argument("--hub", type=int, help="scan a hub of this many skills built from the folder's (cold, once)")
    args = parser.parse_args()
    folder = Path(args.folder)
    if not folder.is_dir():
        sys.exit(f"{folder}: not found (the shared corpus sits beside the checkout)")
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="skvm-bench-") as tmp:
        if args.hub:
            hub = Path(tmp) / "hub"
            print(f"building a hub of {args.hub:,} skills from {folder} ...")
            replicated_hub(folder, hub, args.hub)
            folder, args.repeat = hub, 1
        agnix, skillsaw = peer("agnix", args.agnix), peer("skillsaw", args.skillsaw)
        runs: dict[str, list[Run]] = {"skvm-lint scan, cold": [], "skvm-lint scan, warm": []}
        facts: list[dict] = []
        for repeat in range(args.repeat):  # interleaved, so every tool sees the same machine state
            out = Path(tmp) / f"audit{repeat}"
            run, cold = scan(folder, out, args.jobs)
            runs["skvm-lint scan, cold"].append(run)
            facts.append(cold)
            run, warm = scan(folder, out, args.jobs)
            if warm["analysed"]:  # skvm-lint's code changed between the two scans, or the cache is broken
                print(f"warning: a warm scan re-analysed {warm['analysed']:,} skills: its figures are not warm")
            runs["skvm-lint scan, warm"].append(run)
            facts.append(warm)
            if agnix:
                list_tree(folder)
                runs.setdefault("agnix", []).append(measure([agnix, str(folder), "--format", "json",
                                                             "--max-files", "0"]))
            if skillsaw and not args.hub:  # skillsaw takes ~50 s per 2,400 skills: left out of the big hub
                list_tree(folder)
                runs.setdefault("skillsaw", []).append(measure([skillsaw, "lint", str(folder), "--format", "json"]))
    skills = facts[0]["skills"]
    print(f"folder: {folder} ({skills:,} skills), {os.cpu_count()} cores, median of {args.repeat} run(s)")
    print(f"{'case':<22} {'wall s':>8} {'CPU s':>8} {'CPU ms/skill':>13} {'skills/s':>9}")
    walls = {}
    for name, case_runs in runs.items():
        wall, cpu = median_wall(case_runs), median_cpu(case_runs)
        walls[name] = wall
        print(f"{name:<22} {wall:>8.2f} {cpu:>8.2f} {1000 * cpu / skills:>13.2f} {skills / wall:>9.0f}")
    for peer_name in ("agnix", "skillsaw"):
        if peer_name in walls:
            print(f"skills/s over {peer_name}'s: cold {walls[peer_name] / walls['skvm-lint scan, cold']:.2f}x, "
                  f"warm {walls[peer_name] / walls['skvm-lint scan, warm']:.2f}x")
    rss = statistics.median(f["parent_rss_kib"] for f in facts[::2]) / 1024
    print(f"peak RSS of the scanning parent (cold): {rss:.0f} MiB")
    cold_s, warm_s = walls["skvm-lint scan, cold"], walls["skvm-lint scan, warm"]
    print(f"{HUB:,} skills at these rates on this machine: cold {HUB * cold_s / skills / 60:.0f} min, "
          f"warm {HUB * warm_s / skills:.0f} s")


if __name__ == "__main__":
    main()
