#!/usr/bin/env python3
"""Precision and recall of the dependency analysis against ../shared/labels, per slice.

Runs `skvm-lint analyze --format json` (the contract) over every labelled skill and compares, per type
(pip, npm, system, env), the dependencies we infer as required with the label's `dependencies`. Prints every
miss and every false positive so they can be read, not just counted, then a table per slice.

`--reading` scores other readings of what a dependency is, to show what a rule choice trades between slices:
`declared` also counts the ones a skill declares but needs only for tests, an option or another way (a
requirements file's testing section, an "Optional Dependencies" table), `all` every dependency reported. The
issue's figure is the default, `required`: what env-setup.sh installs.

Usage: python corpus/eval_dependencies.py [--labels DIR] [--quiet] [--reading required|declared|all]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _analyze import SHARED, Labelled, SliceCounts, load_labelled, prf  # noqa: E402

from skvm_lint.vocabulary import HOST_CLIS  # noqa: E402

TYPES = ("pip", "npm", "system", "host", "env")
TARGETS = {"pip": (0.95, 0.90), "npm": (0.95, 0.90), "system": (0.90, 0.85), "host": (None, None),
           "env": (None, None)}


def canonical(name: str, kind: str) -> str:
    if kind == "pip":
        return re.sub(r"[-_.]+", "-", name).lower()
    return name if kind == "env" else name.lower()


def labelled(label: dict, kind: str) -> set[str]:
    """The label's names of one kind. The labels predate the `host` kind (the agent's own CLI, which nothing
    installs): their `system` names that are host CLIs are scored as `host`."""
    deps = label["dependencies"]
    if kind == "host":
        return {canonical(n, "system") for n in deps.get("system", []) if n.lower() in HOST_CLIS}
    names = {canonical(n, kind) for n in deps.get(kind, [])}
    return names - HOST_CLIS if kind == "system" else names


READINGS = {"required": lambda dep: dep["required"], "declared": lambda dep: dep["required"] or dep["declared"],
            "all": lambda dep: True}


def score(items: list[Labelled], show_misses: bool = False, reading: str = "required") -> SliceCounts:
    """Counts under the key of each dependency type, for the dependencies the ``reading`` counts as found."""
    counted = READINGS[reading]
    counts = SliceCounts()
    for item in items:
        for kind in TYPES:
            truth = labelled(item.label, kind)
            found = {canonical(d["name"], kind) for d in item.result["dependencies"] or []
                     if d["type"] == kind and counted(d)}
            counts.add(item.slice, kind, tp=len(truth & found), fp=len(found - truth), fn=len(truth - found))
            if show_misses:
                for outcome, names in (("FP", found - truth), ("FN", truth - found)):
                    for name in sorted(names):
                        print(f"{outcome} {kind:<6} {name:<30} {item.slice:<15} {item.label['skill']}")
    return counts


def met(kind: str, precision: float, recall: float) -> bool:
    target = TARGETS[kind]
    return target[0] is None or (precision >= target[0] and recall >= target[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--labels", default=str(SHARED / "labels"))
    parser.add_argument("--quiet", action="store_true", help="only the summary tables")
    parser.add_argument("--reading", choices=sorted(READINGS), default="required",
                        help="which reported dependencies count as found (default: the required ones)")
    args = parser.parse_args()
    items = load_labelled(args.labels)
    counts = score(items, not args.quiet, args.reading)
    ok = True
    for s in counts.slices():
        print(f"\n{s}\n{'type':<8}{'tp':>5}{'fp':>5}{'fn':>5}{'precision':>11}{'recall':>8}  target (P, R)")
        for kind in TYPES:
            c = counts.get(s, kind)
            precision, recall, _ = prf(c["tp"], c["fp"], c["fn"])
            ok &= met(kind, precision, recall)
            print(f"{kind:<8}{c['tp']:>5}{c['fp']:>5}{c['fn']:>5}{precision:>11.2f}{recall:>8.2f}  {TARGETS[kind]}"
                  f"{'' if met(kind, precision, recall) else '  MISSED'}")
    print(f"\n{len(items)} labelled skills; command: skvm-lint analyze --format json <skills>")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
