#!/usr/bin/env python3
"""Precision, recall and F1 of the capability analysis against ../shared/labels, per slice, and level agreement.

Runs `skvm-lint analyze --format json` over the labelled skills and compares the set of primitives in
`capabilities.purposes[].current_path.primitives` with each label's `capabilities`: micro P/R/F1 per slice
(openclaw English, openclaw Chinese/Japanese, antigravity, k-dense), per-primitive P/R/F1 with the confusion
counts over all labels, and the share of matched primitives whose level is within one of the label's.

With --second-reading DIR (label files of the same shape for some of the labelled skills, written by another
reader: corpus/verdicts/second-reading), it also prints how far the two readings are apart and how far the
analysis is from each, over those skills: a slice's target means little above the agreement of two readers.

Usage: python corpus/eval_capabilities.py [--labels DIR] [--show-misses] [--second-reading DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _analyze import SHARED, Labelled, SliceCounts, load_labelled, prf  # noqa: E402

TARGET_F1 = 0.80


def predicted(obj: dict) -> dict[str, int]:
    out: dict[str, int] = {}
    for purpose in (obj.get("capabilities") or {}).get("purposes", []):
        for p in purpose["current_path"]["primitives"]:
            out[p["id"]] = max(out.get(p["id"], 0), int(p["min_level"][1:]))
    return out


def score(items: list[Labelled], show_misses: bool = False) -> SliceCounts:
    """Counts under the key of each primitive and under "micro"; "level" counts matches within one level."""
    counts = SliceCounts()
    for item in items:
        found = predicted(item.result)
        truth = {c["id"]: int(c["level"][1:]) for c in item.label["capabilities"]}
        for primitive in sorted(set(found) | set(truth)):
            if primitive in found and primitive in truth:
                outcome = "tp"
                close = abs(found[primitive] - truth[primitive]) <= 1
                counts.add(item.slice, "level", within=close, matched=1)
            else:
                outcome = "fp" if primitive in found else "fn"
                if show_misses:
                    level = found.get(primitive) or truth[primitive]
                    print(f"{outcome.upper()} {primitive:<22} L{level}  {item.slice:<15} {item.label['skill']}")
            counts.add(item.slice, primitive, **{outcome: 1})
            counts.add(item.slice, "micro", **{outcome: 1})
    return counts


def primitives_of(label: dict) -> set[str]:
    return {c["id"] for c in label["capabilities"]}


def agreement(items: list[Labelled], second_dir: str) -> None:
    """Micro P/R/F1 of the second reading against the labels, and of the analysis against each reading (the
    second named reading is taken as the truth), over the skills both readings cover."""
    first = {item.label["skill"]: item.label for item in items}
    second = [item for item in load_labelled(second_dir) if item.label["skill"] in first]
    if not second:
        sys.exit(f"no label in {second_dir} reads a skill of the labels")
    pairs = {"second reading vs labels": [], "analysis vs labels": [], "analysis vs second reading": []}
    for item in second:
        labelled, reread, found = primitives_of(first[item.label["skill"]]), primitives_of(item.label), \
            set(predicted(item.result))
        pairs["second reading vs labels"].append((reread, labelled))
        pairs["analysis vs labels"].append((found, labelled))
        pairs["analysis vs second reading"].append((found, reread))
    print(f"\nagreement over {len(second)} skills read twice ({second_dir})")
    print(f"{'':<30}{'P':>7}{'R':>7}{'F1':>7}")
    for name, sets in pairs.items():
        p, r, f = prf(sum(len(a & b) for a, b in sets), sum(len(a - b) for a, b in sets),
                      sum(len(b - a) for a, b in sets))
        print(f"{name:<30}{p:>7.2f}{r:>7.2f}{f:>7.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--labels", default=str(SHARED / "labels"))
    parser.add_argument("--show-misses", action="store_true", help="list every false positive and negative")
    parser.add_argument("--second-reading", metavar="DIR",
                        help="labels of some of the same skills by another reader: print the agreement")
    args = parser.parse_args()
    items = load_labelled(args.labels)
    counts = score(items, args.show_misses)
    primitives = sorted({k for s, k in counts.counts if s == "all" and k not in ("micro", "level")},
                        key=lambda k: -(counts.get("all", k)["tp"] + counts.get("all", k)["fn"]))
    print(f"\n{'primitive (all slices)':<24}{'tp':>4}{'fp':>4}{'fn':>4}{'P':>7}{'R':>7}{'F1':>7}")
    for primitive in primitives:
        c = counts.get("all", primitive)
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        print(f"{primitive:<24}{c['tp']:>4}{c['fp']:>4}{c['fn']:>4}{p:>7.2f}{r:>7.2f}{f:>7.2f}")
    print(f"\n{'slice':<16}{'skills':>7}{'P':>7}{'R':>7}{'F1':>7}{'level+-1':>10}")
    ok = True
    for s in counts.slices():
        c, level = counts.get(s, "micro"), counts.get(s, "level")
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        n = len(items) if s == "all" else sum(i.slice == s for i in items)
        share = level["within"] / level["matched"] if level["matched"] else 1.0
        ok &= f >= TARGET_F1
        print(f"{s:<16}{n:>7}{p:>7.2f}{r:>7.2f}{f:>7.2f}{share:>10.0%}{'' if f >= TARGET_F1 else '  MISSED'}")
    print(f"\ntarget: micro-F1 >= {TARGET_F1} on every slice; command: skvm-lint analyze --format json <skills>")
    if args.second_reading:
        agreement(items, args.second_reading)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
