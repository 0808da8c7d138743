#!/usr/bin/env python3
"""The inference's targets, one row per slice of ../shared/labels: what issue 18's "done when" reads.

Capability micro-F1 (P/R), pip, npm and system dependency precision/recall, and has-parallelism agreement, from one
run of `skvm-lint analyze --format json` over the labelled skills. Nothing in skvm-lint is fitted to the labels
automatically (the detectors are hand-written rules and data files), so there is no held-out scoring to do here;
the slices show where hand-written rules fit one hub and not another. For the misses behind a figure, run
eval_capabilities.py --show-misses, eval_dependencies.py or eval_workflow.py.

Usage: python corpus/eval_inference.py [--labels DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _analyze import SHARED, load_labelled, prf  # noqa: E402
import eval_capabilities  # noqa: E402
import eval_dependencies  # noqa: E402
import eval_workflow  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--labels", default=str(SHARED / "labels"))
    args = parser.parse_args()
    items = load_labelled(args.labels)
    capabilities = eval_capabilities.score(items)
    dependencies = eval_dependencies.score(items)
    parallelism = eval_workflow.score(items)
    header = f"{'slice':<16}{'skills':>7}  {'capability F1 (P/R)':<20}"
    header += "".join(f"{kind + ' P/R':<12}" for kind in ("pip", "npm", "system")) + "has-parallelism"
    print(header)
    ok = True
    for s in capabilities.slices():
        c = capabilities.get(s, "micro")
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        ok &= f >= eval_capabilities.TARGET_F1
        row = f"{s:<16}{parallelism.get(s, 'parallel')['n']:>7}  {f:.2f} ({p:.2f}/{r:.2f}){'':<7}"
        for kind in ("pip", "npm", "system"):
            d = dependencies.get(s, kind)
            dp, dr, _ = prf(d["tp"], d["fp"], d["fn"])
            ok &= eval_dependencies.met(kind, dp, dr)
            row += f"{dp:.2f}/{dr:.2f}{'*' if d['tp'] + d['fn'] < 5 else ' '}  "
        w = parallelism.get(s, "parallel")
        ok &= w["agree"] / w["n"] >= eval_workflow.TARGET
        print(row + f"{w['agree'] / w['n']:.2f}")
    print("\ntargets: capability F1 >= 0.80; pip, npm P >= 0.95 R >= 0.90; system P >= 0.90 R >= 0.85; "
          "has-parallelism >= 0.85\n* fewer than 5 labelled dependencies of that kind in the slice: read with care")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
