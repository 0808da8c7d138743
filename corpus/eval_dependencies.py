#!/usr/bin/env python3
"""Precision and recall of the dependency analysis against ../shared/labels.

Runs `skvm-lint analyze --format json` (the contract) over every labelled skill and compares, per type
(pip, npm, system, env), the dependencies we infer as required with the label's `dependencies`. Prints every
miss and every false positive so they can be read, not just counted.

Usage: python corpus/eval_dependencies.py [--labels DIR] [--quiet]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _analyze import SHARED, analyze_by_path  # noqa: E402
TYPES = ("pip", "npm", "system", "env")
TARGETS = {"pip": (0.95, 0.90), "npm": (0.95, 0.90), "system": (0.90, 0.85), "env": (None, None)}


def canonical(name: str, kind: str) -> str:
    if kind == "pip":
        return re.sub(r"[-_.]+", "-", name).lower()
    return name if kind == "env" else name.lower()




def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--labels", default=str(SHARED / "labels"))
    parser.add_argument("--quiet", action="store_true", help="only the summary table")
    args = parser.parse_args()
    labels = [json.loads(p.read_text()) for p in sorted(Path(args.labels).glob("*.json"))]
    if not labels:
        sys.exit(f"no labels in {args.labels}")
    paths = [SHARED / label["skill"] for label in labels]
    results = analyze_by_path(paths)
    counts = {t: [0, 0, 0] for t in TYPES}  # tp, fp, fn
    for label, path in zip(labels, paths):
        obj = results[str(path.resolve())]
        for kind in TYPES:
            truth = {canonical(n, kind) for n in label["dependencies"].get(kind, [])}
            found = {canonical(d["name"], kind) for d in obj["dependencies"] or [] if d["type"] == kind and d["required"]}
            tp, fp, fn = truth & found, found - truth, truth - found
            counts[kind][0] += len(tp)
            counts[kind][1] += len(fp)
            counts[kind][2] += len(fn)
            if not args.quiet:
                for name in sorted(fp):
                    print(f"FP {kind:<6} {name:<30} {label['skill']}")
                for name in sorted(fn):
                    print(f"FN {kind:<6} {name:<30} {label['skill']}")
    print(f"\n{'type':<8}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}  target (P, R)")
    ok = True
    for kind in TYPES:
        tp, fp, fn = counts[kind]
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        target = TARGETS[kind]
        met = target[0] is None or (precision >= target[0] and recall >= target[1])
        ok &= met
        print(f"{kind:<8}{tp:>5}{fp:>5}{fn:>5}{precision:>11.2f}{recall:>8.2f}  {target}{'' if met else '  MISSED'}")
    print(f"\n{len(labels)} labelled skills; command: skvm-lint analyze --format json <skills>")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
