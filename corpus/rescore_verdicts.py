#!/usr/bin/env python3
"""Every finding ever judged by eye, checked against the rules as they are now: which are still reported.

Each verdict file under corpus/verdicts/ is one frozen draw of 20 findings, and a draw of 20 moves by about 0.10
on its own. Pooled, the files hold several hundred judged findings. This script runs `skvm-lint check` on every
skill they name and reports, per rule family and hub, how many judged TRUE and judged FALSE findings are still
reported at the same file, line and rule, about the same thing (the names its message quotes, or its message): the
precision of the judged findings the rules still make, and how many true findings the fixes since have lost. A
finding reported now about the same thing at another line of the skill (one root cause reported once, at another
use) counts as moved, not kept; --lost lists the true findings that are gone. "labels way now" counts the FALSE
findings whose reason says they are true by ../shared/labels/GUIDE.md's definition as TRUE (sample_findings.py).

It measures the fixes against the findings that drove them, so it is no held-out figure: a fresh draw
(sample_findings.py) is. It is the regression check: a fix that removes true findings shows here.

Usage: python corpus/rescore_verdicts.py [--select DP,WF] [--hub-parent DIR ...] [--files GLOB] [--lost] [--still-false]
       python corpus/rescore_verdicts.py --select CP --target PROFILE --files 'cp-deepseek-*' [--hub-parent DIR ...]
A finding is named relative to ../shared/corpus, or to the parent folder of a hub unpacked elsewhere
(`npm-claude-code-skills-0.5.0/...`: pass that hub's parent folder, e.g. /tmp/hubs, with --hub-parent).
CP findings depend on the target profile a draw used: rescore them with that profile and only the files drawn
against it (``--files``; the README's table names each file's profile).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _analyze import SHARED
from sample_findings import about, read_verdicts, true_the_labels_way
from sample_findings import check as run_check

VERDICTS = Path(__file__).resolve().parent / "verdicts"


def judged_findings(families: set[str], files: str = "*.tsv") -> dict[tuple[str, str], dict]:
    """(finding, rule) -> its first verdict row (files in name order), for the selected families."""
    found: dict[tuple[str, str], dict] = {}
    for path in sorted(VERDICTS.glob(files)):
        for row in read_verdicts(path):
            verdict = row.get("verdict", "").strip().upper()
            if verdict in ("TRUE", "FALSE") and row["rule"][:2] in families:
                found.setdefault((row["finding"], row["rule"]), {**row, "verdict": verdict, "file": path.name})
    return found


def skill_of(finding: str, roots: list[Path]) -> tuple[Path, str] | None:
    """The skill folder a finding (``hub/.../file:line``) lies in, and the finding's file relative to it."""
    path = finding.rsplit(":", 1)[0]
    for root in roots:
        parts = Path(path).parts
        for cut in range(len(parts) - 1, 0, -1):
            folder = root.joinpath(*parts[:cut])
            if (folder / "SKILL.md").is_file():
                return folder.resolve(), "/".join(parts[cut:])
    return None


def check(skills: list[Path], select: str, target: str | None = None
          ) -> tuple[set[tuple[Path, str, int, str, str]], set[tuple[Path, str, str]]]:
    """The findings reported now: by (skill, file, line, rule, subject), and by (skill, rule, subject)."""
    diagnostics = run_check(skills, select, target)
    # As sample_findings.py draws: a family's warnings and errors, or its info findings where it has no others (WF).
    # A judged warning that is info now (a requirement stated in prose) is no longer reported as a warning.
    serious = {d["rule"][:2] for d in diagnostics if d["severity"] in ("warning", "error")}
    reported, said = set(), set()
    for d in diagnostics:
        if d["rule"][:2] in serious and d["severity"] not in ("warning", "error"):
            continue
        skill, subject = Path(d["skill"]).resolve(), about(d["message"])
        reported.add((skill, d["file"], d["line"], d["rule"], subject))
        said.add((skill, d["rule"], subject))
    return reported, said


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--select", default="DP,WF", help="rule families to rescore (DP, WF; CP with --target)")
    parser.add_argument("--hub-parent", type=Path, action="append", default=[],
                        help="the parent folder of a hub unpacked outside ../shared/corpus")
    parser.add_argument("--files", default="*.tsv", help="the verdict files to read (a glob in corpus/verdicts/)")
    parser.add_argument("--target", help="the SkVM profile the CP draws of --files used")
    parser.add_argument("--lost", action="store_true", help="list the TRUE findings no longer reported")
    parser.add_argument("--still-false", action="store_true",
                        help="list the FALSE findings still reported (kept or moved): what to fix next")
    args = parser.parse_args()
    families = {f.strip().upper() for f in args.select.split(",") if f.strip()}
    if "CP" in families and not (args.target and args.files != "*.tsv"):
        parser.error("CP findings depend on the profile each draw used: give --target and the --files drawn with it")
    roots = [SHARED / "corpus", *args.hub_parent]
    judged = judged_findings(families, args.files)
    located: dict[tuple[str, str], tuple[Path, str, int]] = {}
    missing = Counter()
    for (finding, rule) in judged:
        where = skill_of(finding, roots)
        if where is None:
            missing[finding.split("/", 1)[0]] += 1
            continue
        located[(finding, rule)] = (where[0], where[1], int(finding.rsplit(":", 1)[1]))
    skills = sorted({skill for skill, _file, _line in located.values()})
    print(f"{len(judged)} judged {'/'.join(sorted(families))} findings in {VERDICTS.name}/; "
          f"{len(located)} in {len(skills)} skills found on disk")
    for hub, count in sorted(missing.items()):
        print(f"  {count} of hub {hub} not found (pass its parent folder with --hub-parent)")
    reported, said = check(skills, ",".join(sorted(families)), args.target)
    rows: Counter[tuple[str, str, str, str]] = Counter()
    labels_way: Counter[tuple[str, str, str, str]] = Counter()  # the same, FALSE marked TRUE the labels' way as TRUE
    lost, false_reported = [], []
    for key, (skill, file, line) in located.items():
        row = judged[key]
        subject = about(row["message"])
        state = "kept" if (skill, file, line, key[1], subject) in reported else \
            "moved" if (skill, key[1], subject) in said else "gone"
        verdict = "TRUE" if true_the_labels_way(row) else "FALSE"
        rows[(key[1][:2], key[0].split("/", 1)[0], row["verdict"], state)] += 1
        labels_way[(key[1][:2], key[0].split("/", 1)[0], verdict, state)] += 1
        if row["verdict"] == "TRUE" and state == "gone":
            lost.append(f"  {key[0]} {key[1]} (judged in {row['file']}: {row['reason'][:100]})")
        if row["verdict"] == "FALSE" and state != "gone":
            false_reported.append(f"  {key[0]} {key[1]} {state} (judged in {row['file']}: {row['reason'][:160]})")
    print("\nTRUE and FALSE: judged findings; kept: reported now at the same line; moved: at another line")
    print(f"\n{'family':<7}{'hub':<30}{'TRUE':>6}{'kept':>6}{'moved':>6}{'FALSE':>7}{'kept':>6}{'moved':>6}"
          f"{'precision now':>15}{'was':>6}{'labels way now':>16}")
    for family in sorted(families):
        hubs = sorted({h for f, h, _v, _s in rows if f == family})
        for hub in [*hubs, "all"]:
            def count(verdict: str, *states: str, family: str = family, hub: str = hub, counts=rows) -> int:
                return sum(n for (f, h, v, s), n in counts.items()
                           if f == family and (hub == "all" or h == hub) and v == verdict
                           and (not states or s in states))
            true, false = count("TRUE"), count("FALSE")
            if not true + false:
                continue
            still_true, still_false = count("TRUE", "kept", "moved"), count("FALSE", "kept", "moved")
            now = f"{still_true / (still_true + still_false):.2f}" if still_true + still_false else "-"
            their_true = count("TRUE", "kept", "moved", counts=labels_way)
            their_now = f"{their_true / (still_true + still_false):.2f}" if still_true + still_false else "-"
            print(f"{family:<7}{hub:<30}{true:>6}{count('TRUE', 'kept'):>6}{count('TRUE', 'moved'):>6}{false:>7}"
                  f"{count('FALSE', 'kept'):>6}{count('FALSE', 'moved'):>6}{now:>15}{true / (true + false):>6.2f}"
                  f"{their_now:>16}")
    print_lists((args.still_false, "FALSE findings still reported", false_reported),
                (args.lost, "TRUE findings no longer reported at their line", lost))
    return 0


def print_lists(*lists: tuple[bool, str, list[str]]) -> None:
    """Each list that was asked for (--still-false, --lost): its title and count, then its lines in order."""
    for asked, title, lines in lists:
        if asked:
            print(f"\n{title} ({len(lines)}):")
            print("\n".join(sorted(lines)))


if __name__ == "__main__":
    sys.exit(main())
