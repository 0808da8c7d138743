#!/usr/bin/env python3
"""By-eye precision and recall of the capability analysis on skills nobody labelled.

    python corpus/sample_capabilities.py HUB [HUB...] --verdicts corpus/verdicts/cap-NAME.tsv
        [--skills 10] [--seed 18]

../shared/labels measures the capability analysis on 125 skills; this reads it where no label exists. It draws
``--skills`` unlabelled skills from all the hubs together (fixed seed), leaving out those another draw in the same
folder has read, runs `skvm-lint analyze --format json` on them and writes one row per inferred primitive (where
its evidence is, the primitive, its level and evidence) with an empty verdict, after a row that records the drawn
skill. A reader reads each drawn skill whole, with ../shared/labels/GUIDE.md's definitions, marks each row TRUE
or FALSE with a reason, and adds a row with the verdict MISSED (and the skill's SKILL.md as its finding) for each
primitive the skill demands that the analysis did not infer. Run again to print precision (TRUE / TRUE+FALSE),
recall (TRUE / TRUE+MISSED) and F1, per hub and in all, and the primitives most often wrong. A file that holds
rows is one frozen draw, reported as judged; a new draw takes a new file and seed.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_findings import COLUMNS, labelled_skills, read_verdicts, skills_of, verdict_name  # noqa: E402

VERDICTS = ("TRUE", "FALSE", "MISSED")
DRAWN = "DRAWN"  # the verdict of the row that records a drawn skill (one with no primitive inferred has no other)


def analyze(skills: list[Path]) -> list[dict]:
    exe = shutil.which("skvm-lint") or str(Path(sys.executable).with_name("skvm-lint"))
    out = subprocess.run([exe, "analyze", "--format", "json", *map(str, skills)], capture_output=True, text=True,
                         check=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def hub_of_row(row: dict) -> str:
    return row["finding"].split("/", 1)[0]


def _scores(rows: list[dict]) -> tuple[Counter, str]:
    counts = Counter(r["verdict"].strip().upper() for r in rows)
    true, false, missed = counts["TRUE"], counts["FALSE"], counts["MISSED"]
    precision = true / (true + false) if true + false else None
    recall = true / (true + missed) if true + missed else None
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else None
    shown = " ".join(f"{value:>6.2f}" if value is not None else f"{'-':>6}" for value in (precision, recall, f1))
    return counts, shown


def report(rows: list[dict], path: Path) -> None:
    print(f"\n{'hub':<34}{'TRUE':>6}{'FALSE':>7}{'MISSED':>8}{'P':>7}{'R':>7}{'F1':>7}")
    for hub in sorted({hub_of_row(r) for r in rows}) + ["all"]:
        ours = rows if hub == "all" else [r for r in rows if hub_of_row(r) == hub]
        counts, shown = _scores(ours)
        print(f"{hub:<34}{counts['TRUE']:>6}{counts['FALSE']:>7}{counts['MISSED']:>8} {shown}")
    wrong = Counter((r["rule"], r["verdict"].strip().upper()) for r in rows
                    if r["verdict"].strip().upper() in ("FALSE", "MISSED"))
    if wrong:
        print("\nmost often wrong: " + ", ".join(f"{rule} {verdict.lower()} x{n}"
                                                 for (rule, verdict), n in wrong.most_common(8)))
    unjudged = sum(1 for r in rows if r["verdict"].strip().upper() not in (*VERDICTS, DRAWN))
    print(f"\n{unjudged} rows not yet judged; verdicts: {path} (TRUE/FALSE per row, a MISSED row per primitive the "
          "skill demands and the analysis did not infer)")


def read_before(besides: Path) -> set[str]:
    """The skills the other draws of ``besides``' folder read (their DRAWN rows): a new draw reads others."""
    return {row["finding"].rsplit("/", 1)[0] for path in besides.parent.glob("*.tsv") if path != besides
            for row in read_verdicts(path) if row.get("verdict") == DRAWN}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("hubs", nargs="*", type=Path, help="the hubs to draw from (not needed to report a draw)")
    parser.add_argument("--verdicts", type=Path, required=True, help="the TSV file of verdicts (created if absent)")
    parser.add_argument("--skills", type=int, default=10, help="unlabelled skills drawn from all hubs together")
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()
    rows = read_verdicts(args.verdicts)
    if rows:
        print(f"{args.verdicts}: a frozen draw of {len(rows)} rows, reported as judged (a new draw takes a new file)")
        report(rows, args.verdicts)
        return 0
    if not args.hubs:
        parser.error(f"{args.verdicts} holds no draw yet: name the hubs to draw from")
    labelled = labelled_skills()
    hub_of: dict[Path, Path] = {}
    for hub in args.hubs:
        hub_of.update(dict.fromkeys((s for s in skills_of(hub) if s not in labelled), hub.resolve()))
    read = read_before(args.verdicts)
    hub_of = {skill: hub for skill, hub in hub_of.items() if str(verdict_name(skill, hub_of)) not in read}
    if not hub_of:
        parser.error("no unlabelled skill (a folder with SKILL.md) in the hubs given that no draw has read")
    drawn = random.Random(args.seed).sample(sorted(hub_of), min(args.skills, len(hub_of)))
    for result in analyze(drawn):
        skill = verdict_name(Path(result["path"]).resolve(), hub_of)
        primitives = result["capabilities"]["purposes"][0]["current_path"]["primitives"]
        rows.append({"finding": f"{skill}/SKILL.md:1", "rule": "skill", "verdict": DRAWN, "reason": "",
                     "message": f"{len(primitives)} primitives inferred"})
        for primitive in primitives:
            span = primitive["spans"][0]
            rows.append({"finding": f"{skill}/{span['file']}:{span['line']}", "rule": primitive["id"],
                         "verdict": "", "reason": "",
                         "message": f"{primitive['min_level']} {primitive['evidence']}".replace("\t", " ")})
    args.verdicts.parent.mkdir(parents=True, exist_ok=True)
    with args.verdicts.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(drawn)} unlabelled skills of {len(args.hubs)} hub(s), seed {args.seed}: {len(rows)} primitives")
    report(rows, args.verdicts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
