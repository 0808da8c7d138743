#!/usr/bin/env python3
"""Precision, recall and F1 of the capability analysis against ../shared/labels, and level agreement.

Runs `skvm-lint analyze --format json` over the labelled skills and compares the set of primitives in
`capabilities.purposes[].current_path.primitives` with each label's `capabilities`: micro P/R/F1, per-primitive
P/R/F1 with the confusion counts (tp, fp, fn), and the share of matched primitives whose level is within one of
the label's.

Usage: python corpus/eval_capabilities.py [--labels DIR] [--show-misses]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _analyze import SHARED, analyze_by_path  # noqa: E402




def predicted(obj: dict) -> dict[str, int]:
    out: dict[str, int] = {}
    for purpose in (obj.get("capabilities") or {}).get("purposes", []):
        for p in purpose["current_path"]["primitives"]:
            out[p["id"]] = max(out.get(p["id"], 0), int(p["min_level"][1:]))
    return out


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--labels", default=str(SHARED / "labels"))
    parser.add_argument("--show-misses", action="store_true", help="list every false positive and negative")
    args = parser.parse_args()
    labels = [json.loads(p.read_text()) for p in sorted(Path(args.labels).glob("*.json"))]
    paths = [SHARED / label["skill"] for label in labels]
    results = analyze_by_path(paths)
    counts: dict[str, Counter] = {}
    within = total_matched = 0
    for label, path in zip(labels, paths):
        found = predicted(results[str(path.resolve())])
        truth = {c["id"]: int(c["level"][1:]) for c in label["capabilities"]}
        for primitive in set(found) | set(truth):
            c = counts.setdefault(primitive, Counter())
            if primitive in found and primitive in truth:
                c["tp"] += 1
                total_matched += 1
                within += abs(found[primitive] - truth[primitive]) <= 1
            elif primitive in found:
                c["fp"] += 1
                if args.show_misses:
                    print(f"FP {primitive:<22} L{found[primitive]}  {label['skill']}")
            else:
                c["fn"] += 1
                if args.show_misses:
                    print(f"FN {primitive:<22} L{truth[primitive]}  {label['skill']}")
    print(f"\n{'primitive':<22}{'tp':>4}{'fp':>4}{'fn':>4}{'P':>7}{'R':>7}{'F1':>7}")
    for primitive, c in sorted(counts.items(), key=lambda kv: -(kv[1]["tp"] + kv[1]["fn"])):
        p, r, f = f1(c["tp"], c["fp"], c["fn"])
        print(f"{primitive:<22}{c['tp']:>4}{c['fp']:>4}{c['fn']:>4}{p:>7.2f}{r:>7.2f}{f:>7.2f}")
    tp = sum(c["tp"] for c in counts.values())
    fp = sum(c["fp"] for c in counts.values())
    fn = sum(c["fn"] for c in counts.values())
    p, r, f = f1(tp, fp, fn)
    share = within / total_matched if total_matched else 1.0
    print(f"\nmicro: P {p:.2f}  R {r:.2f}  F1 {f:.2f}  (target F1 >= 0.80)")
    print(f"level within +-1 of the label: {share:.0%} of {total_matched} matched primitives (target >= 90%)")
    print(f"{len(labels)} labelled skills; command: skvm-lint analyze --format json <skills>")
    return 0 if f >= 0.80 and share >= 0.90 else 1


if __name__ == "__main__":
    sys.exit(main())
