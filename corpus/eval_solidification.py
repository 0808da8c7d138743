"""Solidification over a corpus: how many skills have code the agent regenerates, and what extraction would save.

    python corpus/eval_solidification.py [ROOT...] [--sample 20] [--seed N]

Reads `skvm-lint analyze --format json` (the `solidification` key) for every skill under ROOT (default
../shared/corpus), prints the number of skills with candidates, candidates by reason and language, tokens the agents
write out per run before and after extracting the safe candidates (offline estimate), and with --sample a random
set of candidates with their first lines, for checking by eye.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _analyze import SHARED, analyze  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("roots", nargs="*", type=Path, default=[SHARED / "corpus"])
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=10)
    args = parser.parse_args()
    records = analyze(args.roots)
    with_candidates = [r for r in records if r.get("solidification") and r["solidification"]["candidates"]]
    candidates = [(r, c) for r in with_candidates for c in r["solidification"]["candidates"]]
    before = sum(r["solidification"]["tokens_per_run"] for r in with_candidates)
    after = sum(r["solidification"]["tokens_per_run_after_extraction"] for r in with_candidates)
    print(f"skills: {len(records)}; with candidates: {len(with_candidates)} "
          f"({len(with_candidates) / max(1, len(records)):.0%}); candidates: {len(candidates)} "
          f"({sum(c['safe_to_extract'] for _, c in candidates)} safe to extract)")
    print("by reason:", dict(Counter(reason for _, c in candidates for reason in c["reasons"]).most_common()))
    print("by language:", dict(Counter(c["language"] for _, c in candidates).most_common()))
    print(f"tokens regenerated per run (all skills with candidates): {before:,} before, {after:,} after extracting "
          f"the safe candidates ({1 - after / max(1, before):.0%} less)")
    if args.sample:
        rng = random.Random(args.seed)
        for i, (record, c) in enumerate(rng.sample(candidates, min(args.sample, len(candidates))), 1):
            path = Path(record["path"]) / c["file"]
            lines = path.read_text(encoding="utf-8", errors="replace").split("\n")[c["line"] : c["line"] + 4]
            params = ", ".join(p["placeholder"] for p in c["parameters"]) or "-"
            print(f"\n{i}. {record['path']}/{c['file']}:{c['line']} {c['language']} {c['lines']} lines, "
                  f"{'+'.join(c['reasons'])}, params: {params}, ~{c['tokens_per_run']} tokens, "
                  f"safe: {c['safe_to_extract']}")
            for line in lines:
                print(f"     | {line[:110]}")


if __name__ == "__main__":
    main()
