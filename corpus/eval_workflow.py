#!/usr/bin/env python3
"""Parallelism extraction against ../shared/labels, per slice, and the share of corpus skills with parallel groups.

Agreement on whether a skill has any parallelism (target >= 0.85) and on the kinds found (dlp/ilp/tlp), from
`skvm-lint analyze --format json`, per slice; then, over ../shared/corpus, the share of skills with at least one
group, next to the SkVM paper's figure that over 76% of skills contain serially executed workflows.

Usage: python corpus/eval_workflow.py [--labels DIR] [--no-corpus] [--quiet]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _analyze import SHARED, Labelled, SliceCounts, analyze, load_labelled  # noqa: E402

TARGET = 0.85


def kinds(obj: dict) -> set[str]:
    return {g["type"] for g in (obj.get("workflow") or {}).get("parallelism", [])}


def score(items: list[Labelled], show_misses: bool = False) -> SliceCounts:
    """Counts under "parallel": agree (has any), same (same kinds), n; and the (label, ours) confusion."""
    counts = SliceCounts()
    for item in items:
        truth = {p["type"] for p in item.label["parallelism"]}
        found = kinds(item.result)
        counts.add(item.slice, "parallel", agree=bool(truth) == bool(found), same=truth == found, n=1)
        counts.add(item.slice, "confusion", **{f"label {bool(truth)}, ours {bool(found)}": 1})
        if show_misses and truth != found:
            print(f"label {sorted(truth)!s:<18} ours {sorted(found)!s:<18} {item.slice:<15} {item.label['skill']}")
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--labels", default=str(SHARED / "labels"))
    parser.add_argument("--no-corpus", action="store_true", help="skip the whole-corpus share")
    parser.add_argument("--quiet", action="store_true", help="only the summary tables")
    args = parser.parse_args()
    counts = score(load_labelled(args.labels), not args.quiet)
    ok = True
    print(f"\n{'slice':<16}{'skills':>7}{'has-parallelism':>17}{'same kinds':>12}  confusion")
    for s in counts.slices():
        c = counts.get(s, "parallel")
        agree = c["agree"] / c["n"]
        ok &= agree >= TARGET
        print(f"{s:<16}{c['n']:>7}{agree:>17.2f}{c['same'] / c['n']:>12.2f}  {dict(counts.get(s, 'confusion'))}"
              f"{'' if agree >= TARGET else '  MISSED'}")
    print(f"target: has-parallelism agreement >= {TARGET} on every slice")
    if not args.no_corpus:
        objs = analyze([SHARED / "corpus"])
        with_groups = sum(1 for o in objs if kinds(o))
        with_steps = sum(1 for o in objs if len((o.get("workflow") or {}).get("steps", [])) >= 2)
        by_kind = Counter(k for o in objs for k in kinds(o))
        print(f"\n../shared/corpus: {len(objs)} skills; {with_steps / len(objs):.0%} have a workflow of 2+ steps; "
              f"{with_groups / len(objs):.0%} have at least one parallel group ({dict(by_kind)}); "
              "SkVM paper: >76% contain serially executed workflows")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
