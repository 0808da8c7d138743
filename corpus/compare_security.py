"""Compare skvm-lint's security rules with cisco-ai-skill-scanner on one folder of skills, in the same run.

    python corpus/compare_security.py [ROOT] [--scanner PATH] [--sample 30] [--sample-out FILE]

Runs both tools over ROOT (default ../shared/corpus/openclaw-skills), prints wall time of each and the ratio,
the skills each flags (ours: a security finding of warning or error; the scanner's: ``is_safe: false``), their
overlap, and findings by family. ``--sample`` writes N randomly chosen findings from each side, with the source line,
to a Markdown file for classification by hand (the classified result lives in docs/security-comparison.md).
Install the scanner with ``pip install cisco-ai-skill-scanner`` in a separate virtualenv (see ../shared/peers.md).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_ROOT = HERE.parent.parent / "shared" / "corpus" / "openclaw-skills"
FAMILY = {"SC001": "remote-code-execution", "SC002": "shell-injection", "SC003": "credential-access",
          "SC004": "exfiltration", "SC005": "persistence", "SC006": "privilege", "SC007": "insecure-transport",
          "SC008": "prompt-injection", "SC009": "hidden-text", "SC010": "secret", "SC011": "opaque-payload"}


def run_ours(root: Path) -> tuple[float, list[dict]]:
    command = [sys.executable, "-m", "skvm_lint", "check", "--select", "security", "--format", "json",
               "--quiet", str(root)]
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"skvm-lint failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return elapsed, json.loads(proc.stdout)["diagnostics"]


def run_scanner(scanner: str, root: Path) -> tuple[float, list[dict]]:
    start = time.perf_counter()
    proc = subprocess.run([scanner, "scan-all", str(root), "--recursive", "--format", "json"],
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"{scanner} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return elapsed, json.loads(proc.stdout)["results"]


def _relative(path: str, root: Path) -> str:
    return os.path.relpath(os.path.realpath(path), os.path.realpath(root))


def _source_line(path: Path, line: int | None) -> str:
    if not line:
        return ""
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for number, text in enumerate(fh, 1):
                if number == line:
                    return text.strip()[:160]
    except OSError:
        pass
    return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--scanner", default=shutil.which("skill-scanner") or "/tmp/peers/bin/skill-scanner")
    parser.add_argument("--sample", type=int, default=0, help="findings per side to write for hand classification")
    parser.add_argument("--sample-out", type=Path, default=Path("security-sample.md"))
    parser.add_argument("--seed", type=int, default=2604)
    args = parser.parse_args()
    if not args.root.is_dir():
        sys.exit(f"{args.root}: not a folder (pass the corpus folder, e.g. ../shared/corpus/openclaw-skills)")
    if not Path(args.scanner).exists() and shutil.which(args.scanner) is None:
        sys.exit(f"{args.scanner}: not found; install cisco-ai-skill-scanner (see ../shared/peers.md)")

    ours_time, diagnostics = run_ours(args.root)
    theirs_time, results = run_scanner(args.scanner, args.root)

    flagged_ours = {_relative(d["skill"], args.root) for d in diagnostics if d["severity"] in ("warning", "error")}
    any_ours = {_relative(d["skill"], args.root) for d in diagnostics}
    flagged_theirs = {_relative(r["skill_path"], args.root) for r in results if not r["is_safe"]}
    scanned = len(results)
    print(f"skills scanned: {scanned}")
    print(f"wall time: skvm-lint {ours_time:.1f} s, skill-scanner {theirs_time:.1f} s: "
          f"skvm-lint is {theirs_time / ours_time:.1f}x faster")
    print(f"flagged: skvm-lint {len(flagged_ours)} (warning or error; {len(any_ours)} with any finding), "
          f"skill-scanner {len(flagged_theirs)}")
    print(f"overlap: {len(flagged_ours & flagged_theirs)}; only skvm-lint {len(flagged_ours - flagged_theirs)}; "
          f"only skill-scanner {len(flagged_theirs - flagged_ours)} "
          f"({len((flagged_theirs - flagged_ours) & any_ours)} of those have an info finding from skvm-lint)")
    print("skvm-lint findings by family and severity:")
    for (rule, severity), count in sorted(Counter((d["rule"], d["severity"]) for d in diagnostics).items()):
        print(f"  {rule} {FAMILY.get(rule, '?'):24} {severity:8} {count}")
    theirs_findings = [(r, f) for r in results if not r["is_safe"] for f in r["findings"]
                       if f["severity"] in ("HIGH", "CRITICAL")]
    print("skill-scanner HIGH/CRITICAL findings by category:")
    for category, count in Counter(f["category"] for _, f in theirs_findings).most_common():
        print(f"  {category:28} {count}")

    if args.sample:
        rng = random.Random(args.seed)
        ours_pool = [d for d in diagnostics if d["severity"] in ("warning", "error")]
        lines = ["# Security findings sample for classification", "",
                 f"Seed {args.seed}; {args.sample} findings of warning/error from skvm-lint and "
                 f"{args.sample} HIGH/CRITICAL findings from skill-scanner.", "",
                 "## skvm-lint", "", "| # | skill | file:line | rule | message | source line | verdict |",
                 "|---|---|---|---|---|---|---|"]
        for i, d in enumerate(rng.sample(ours_pool, min(args.sample, len(ours_pool))), 1):
            source = _source_line(Path(d["path"]), d["line"]).replace("|", "\\|")
            lines.append(f"| {i} | {_relative(d['skill'], args.root)} | {d['file']}:{d['line']} | {d['rule']} | "
                         f"{d['message'][:90].replace('|', '/')} | `{source}` | |")
        lines += ["", "## skill-scanner", "", "| # | skill | file:line | category | title | snippet | verdict |",
                  "|---|---|---|---|---|---|---|"]
        for i, (r, f) in enumerate(rng.sample(theirs_findings, min(args.sample, len(theirs_findings))), 1):
            where = f"{f.get('file_path') or ''}:{f.get('line_number') or ''}"
            snippet = (f.get("snippet") or _source_line(Path(r["skill_path"]) / (f.get("file_path") or ""),
                                                        f.get("line_number")))
            snippet = " ".join(str(snippet).split())[:140].replace("|", "\\|").replace("`", "'")
            lines.append(f"| {i} | {_relative(r['skill_path'], args.root)} | {where} | {f['category']} | "
                         f"{f['title'][:70]} | `{snippet}` | |")
        args.sample_out.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"sample written to {args.sample_out}")


if __name__ == "__main__":
    main()
