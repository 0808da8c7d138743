#!/usr/bin/env python3
"""Parallelism extraction against ../shared/labels, and the share of corpus skills with parallel groups.

Agreement on whether a skill has any parallelism (target >= 0.85) and on the kinds found (dlp/ilp/tlp), from
`skvm-lint analyze --format json`; then, over ../shared/corpus, the share of skills with at least one group, next
to the SkVM paper's figure that over 76% of skills contain serially executed workflows.

Usage: python corpus/eval_workflow.py [--labels DIR] [--no-corpus]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _analyze import SHARED, analyze, analyze_by_path  # noqa: E402




def kinds(obj: dict) -> set[str]:
    return {g["type"] for g in (obj.get("workflow") or {}).get("parallelism", [])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--labels", default=str(SHARED / "labels"))
    parser.add_argument("--no-corpus", action="store_true", help="skip the whole-corpus share")
    args = parser.parse_args()
    labels = [json.loads(p.read_text()) for p in sorted(Path(args.labels).glob("*.json"))]
    results = analyze_by_path([SHARED / label["skill"] for label in labels])
    agree = kind_agree = 0
    confusion = Counter()
    for label in labels:
        obj = results[str((SHARED / label["skill"]).resolve())]
        truth = {p["type"] for p in label["parallelism"]}
        found = kinds(obj)
        agree += bool(truth) == bool(found)
        kind_agree += truth == found
        confusion[(bool(truth), bool(found))] += 1
        if bool(truth) != bool(found) or truth != found:
            print(f"{'label':>6} {sorted(truth)!s:<18} ours {sorted(found)!s:<18} {label['skill']}")
    n = len(labels)
    print(f"\nany-parallelism agreement: {agree / n:.2f} ({agree}/{n}; target >= 0.85)")
    print(f"same kinds: {kind_agree / n:.2f} ({kind_agree}/{n})")
    print(f"confusion (label, ours): {dict(confusion)}")
    if not args.no_corpus:
        objs = analyze([SHARED / "corpus"])
        with_groups = sum(1 for o in objs if kinds(o))
        with_steps = sum(1 for o in objs if len((o.get("workflow") or {}).get("steps", [])) >= 2)
        by_kind = Counter(k for o in objs for k in kinds(o))
        print(f"\n../shared/corpus: {len(objs)} skills; {with_steps / len(objs):.0%} have a workflow of 2+ steps; "
              f"{with_groups / len(objs):.0%} have at least one parallel group ({dict(by_kind)}); "
              "SkVM paper: >76% contain serially executed workflows")
    return 0 if agree / n >= 0.85 else 1


if __name__ == "__main__":
    sys.exit(main())
