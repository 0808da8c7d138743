"""Every capability judged by eye, checked against the analysis now: which are still inferred.

Each `cap-*` file under corpus/verdicts/ is one frozen draw (sample_capabilities.py): a row per primitive the
analysis inferred, judged TRUE or FALSE, and a MISSED row per primitive the reader found it missed. This script runs
`skvm-lint analyze --format json` on every skill the files name and reports, per hub and in all, precision, recall
and F1 as judged and now: a TRUE row is kept while the skill still infers that primitive (at any line or level), a
FALSE row is fixed once it no longer does, a MISSED row is found once it does. It measures the fixes against the
rows that drove them, so it is no held-out figure (a new draw is); it is the regression check that shows a fix
losing true primitives, as rescore_verdicts.py is for the rules' findings.

Usage: python corpus/rescore_capabilities.py [--hub-parent DIR ...] [--files GLOB] [--lost] [--still-false]
    [--still-missed]
A row is named relative to ../shared/corpus, or to the parent folder of a hub unpacked elsewhere
(`npm-claude-code-skills-0.5.0/...`: pass /tmp/hubs with --hub-parent).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _analyze import SHARED, analyze_by_path
from rescore_verdicts import VERDICTS, print_lists, skill_of
from sample_findings import read_verdicts

JUDGED = ("TRUE", "FALSE", "MISSED")


def judged_rows(folder: Path, files: str) -> list[dict]:
    """The judged rows of the capability draws, each with the name of its file."""
    rows = []
    for path in sorted(folder.glob(files)):
        for row in read_verdicts(path):
            verdict = row.get("verdict", "").strip().upper()
            if verdict in JUDGED:
                rows.append({**row, "verdict": verdict, "file": path.name})
    return rows


def scores(counts: Counter, now: bool) -> tuple[str, str, str]:
    """Precision, recall and F1 of one hub's rows, as judged or now."""
    if now:
        true = counts["TRUE kept"] + counts["MISSED found"]
        false, missed = counts["FALSE kept"], counts["TRUE lost"] + counts["MISSED still"]
    else:
        true, false, missed = counts["TRUE"], counts["FALSE"], counts["MISSED"]
    precision = true / (true + false) if true + false else None
    recall = true / (true + missed) if true + missed else None
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else None
    return tuple("-" if x is None else f"{x:.2f}" for x in (precision, recall, f1))  # type: ignore[return-value]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hub-parent", type=Path, action="append", default=[],
                        help="the parent folder of a hub unpacked outside ../shared/corpus")
    parser.add_argument("--files", default="cap-*.tsv", help="the capability draws to read (a glob)")
    parser.add_argument("--verdicts-dir", type=Path, default=VERDICTS, help="where the draws are")
    parser.add_argument("--lost", action="store_true", help="list the TRUE rows no longer inferred")
    parser.add_argument("--still-false", action="store_true", help="list the FALSE rows still inferred")
    parser.add_argument("--still-missed", action="store_true", help="list the MISSED rows still not inferred")
    args = parser.parse_args()
    roots = [SHARED / "corpus", *args.hub_parent]
    rows = judged_rows(args.verdicts_dir, args.files)
    located, missing = [], Counter()
    for row in rows:
        where = skill_of(row["finding"], roots)
        if where is None:
            missing[row["finding"].split("/", 1)[0]] += 1
        else:
            located.append((row, where[0]))
    skills = sorted({skill for _row, skill in located})
    print(f"{len(rows)} judged capability rows in {args.verdicts_dir.name}/{args.files}; {len(located)} in "
          f"{len(skills)} skills found on disk")
    for hub, count in sorted(missing.items()):
        print(f"  {count} of {hub} not found (pass its parent folder with --hub-parent)")
    analysis = analyze_by_path(skills) if skills else {}
    inferred = {path: {p["id"] for purpose in obj["capabilities"]["purposes"]
                       for p in purpose["current_path"]["primitives"]} for path, obj in analysis.items()}
    counts: dict[str, Counter] = {}
    lost, still_false, still_missed = [], [], []
    for row, skill in located:
        now = row["rule"] in inferred.get(str(skill), set())
        state = {"TRUE": "kept" if now else "lost", "FALSE": "kept" if now else "fixed",
                 "MISSED": "found" if now else "still"}[row["verdict"]]
        outcome = f"{row['verdict']} {state}"
        for hub in (row["finding"].split("/", 1)[0], "all"):
            counts.setdefault(hub, Counter()).update((row["verdict"], outcome))
        listed = {"TRUE lost": lost, "FALSE kept": still_false, "MISSED still": still_missed}.get(outcome)
        if listed is not None:
            listed.append(f"  {row['finding']} {row['rule']} (judged in {row['file']}: {row['reason'][:100]})")
    print("\nkept: the skill still infers the primitive; fixed: a FALSE one it no longer infers; found: a MISSED one "
          "it now infers")
    print(f"\n{'hub':<32}{'TRUE':>6}{'lost':>6}{'FALSE':>7}{'fixed':>7}{'MISSED':>8}{'found':>7}"
          f"{'P/R/F1 as judged':>20}{'P/R/F1 now':>18}")
    for hub in [*sorted(h for h in counts if h != "all"), "all"]:
        c = counts.get(hub)
        if c is None:
            continue
        print(f"{hub:<32}{c['TRUE']:>6}{c['TRUE lost']:>6}{c['FALSE']:>7}{c['FALSE fixed']:>7}{c['MISSED']:>8}"
              f"{c['MISSED found']:>7}{'/'.join(scores(c, now=False)):>20}{'/'.join(scores(c, now=True)):>18}")
    print_lists((args.still_false, "FALSE rows still inferred", still_false),
                (args.lost, "TRUE rows no longer inferred", lost),
                (args.still_missed, "MISSED rows still not inferred", still_missed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
