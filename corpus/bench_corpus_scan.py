#!/usr/bin/env python3
"""Hub-scan throughput: `skvm-lint corpus scan` cold (empty results folder) and warm (unchanged hub, same folder),
next to agnix on the same folder in the same run.

Usage: python corpus/bench_corpus_scan.py [FOLDER] [--agnix PATH] [--repeat N] [--jobs N]
Default folder: ../shared/corpus/openclaw-skills. Prints skills/s, the ratios to agnix, the peak RSS of the scanning
parent process (workers excluded: they are bounded by the per-skill limits), and what the cold and warm rates
mean for a 118,000-skill hub on this machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "corpus" / "openclaw-skills"
HUB = 118_000  # skills the SkVM paper characterised

# Runs in a child so each scan's peak RSS is its own (RUSAGE_SELF of the parent, not of its workers).
CHILD = """
import json, resource, sys
from pathlib import Path
from skvm_lint.config import Config
from skvm_lint.corpus import scan
report = scan([sys.argv[1]], Path(sys.argv[2]), Config(), jobs=int(sys.argv[3]))
print(json.dumps({"skills": report.skills, "analysed": report.analysed,
                  "cached": report.cached, "parent_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""


def scan_once(folder: Path, out: Path, jobs: int) -> dict:
    """One scan, timed from outside like agnix: interpreter start and imports included."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", CHILD, str(folder), str(out), str(jobs)], capture_output=True,
                          text=True, check=True)
    return {**json.loads(proc.stdout.strip().splitlines()[-1]), "seconds": time.perf_counter() - start}


def agnix_once(agnix: str, folder: Path) -> float:
    start = time.perf_counter()
    subprocess.run([agnix, str(folder), "--format", "json", "--max-files", "0"], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", default=str(DEFAULT))
    parser.add_argument("--agnix", default=shutil.which("agnix") or "/tmp/peers/bin/agnix")
    parser.add_argument("--repeat", type=int, default=3, help="warm scans and agnix runs (medians are reported)")
    parser.add_argument("--jobs", type=int, default=0, help="worker processes (default: all cores)")
    args = parser.parse_args()
    folder = Path(args.folder)
    if not folder.is_dir():
        sys.exit(f"{folder}: not found (the shared corpus sits beside the checkout)")
    have_agnix = Path(args.agnix).exists()
    if not have_agnix:
        print(f"agnix not found at {args.agnix}: install it with `pip install agnix` into a separate venv")
    with tempfile.TemporaryDirectory(prefix="skvm-bench-") as tmp:
        out = Path(tmp) / "audit"
        cold = scan_once(folder, out, args.jobs)
        warm, agnix = [], []
        for _ in range(args.repeat):  # interleaved, so both see the same machine state
            warm.append(scan_once(folder, out, args.jobs))
            if have_agnix:
                agnix.append(agnix_once(args.agnix, folder))
    skills = cold["skills"]
    warm_s = statistics.median(w["seconds"] for w in warm)
    assert all(w["analysed"] == 0 for w in warm), "a warm scan re-analysed skills: the cache did not hold"
    rss = max([cold["parent_rss_kib"], *(w["parent_rss_kib"] for w in warm)]) / 1024
    print(f"folder: {folder} ({skills} skills), {os.cpu_count()} cores, warm and agnix: median of {args.repeat}")
    print(f"{'run':<24} {'wall s':>8} {'skills/s':>10}")
    print(f"{'skvm-lint scan, cold':<24} {cold['seconds']:>8.2f} {skills / cold['seconds']:>10.0f}")
    print(f"{'skvm-lint scan, warm':<24} {warm_s:>8.2f} {skills / warm_s:>10.0f}")
    if agnix:
        agnix_s = statistics.median(agnix)
        print(f"{'agnix':<24} {agnix_s:>8.2f} {skills / agnix_s:>10.0f}")
        print(f"cold / agnix skills/s: {agnix_s / cold['seconds']:.2f}x (target >= 0.5x); "
              f"warm / agnix: {agnix_s / warm_s:.2f}x (target >= 2x)")
    print(f"peak RSS of the scanning parent: {rss:.0f} MiB (target < 1024)")
    print(f"{HUB:,} skills at these rates on this machine: cold {HUB * cold['seconds'] / skills / 60:.0f} min, "
          f"warm {HUB * warm_s / skills:.0f} s")


if __name__ == "__main__":
    main()
