#!/usr/bin/env python3
"""By-eye precision of a rule family on skills nobody labelled: sample findings, read them, keep the verdicts.

    python corpus/sample_findings.py HUB [HUB...] --verdicts corpus/verdicts/dp-cp-wf.tsv
        [--select DP,CP,WF] [--target PROFILE] [--skills 50] [--per-family 20] [--seed 18]

Draws ``--skills`` skills per hub that have no label in ../shared/labels (fixed seed), runs
`skvm-lint check --select ... --format json` on them, and samples up to ``--per-family`` warnings and errors per
rule family (a family without warnings or errors is sampled from its info findings, and the table says so). A
family's findings are those of its on-by-default rules; an opt-in rule counts when ``--select`` names its id.
The findings are written to a new verdict file with an empty verdict, except those judged in another file of the
same folder, which keep that verdict ("judged in FILE: reason"), so that one finding is never judged two ways; a
reader fills in TRUE or FALSE and a reason for the rest, and the next run prints precision per family from the
verdicts. A file that already holds findings is one frozen draw: later runs only report it (the rules may have
changed since, and a new draw takes a new file and seed). The file is plain TSV: one finding per row
(``skill/file:line``, rule, verdict, reason, message), so anyone can re-read the judgement. A finding that is
true by ../shared/labels/GUIDE.md's definition (a program the instructions invoke, the user's project's tools
included) but not by the stricter reading (the skill itself needs it) is FALSE with "TRUE the labels' way" in its
reason; the table gives precision both ways.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _analyze import SHARED  # noqa: E402

from skvm_lint.rule import rule_index

COLUMNS = ("finding", "rule", "verdict", "reason", "message")
# A FALSE verdict whose reason says this is true by ../shared/labels/GUIDE.md's definition, which counts every
# program the instructions invoke (the user's project's build and test tools, one way of several); FALSE by the
# stricter reading that a finding is only true when the skill itself needs the program. Both are reported.
LABELS_WAY = "TRUE the labels' way"


def true_the_labels_way(row: dict) -> bool:
    verdict = row.get("verdict", "").strip().upper()
    return verdict == "TRUE" or verdict == "FALSE" and LABELS_WAY in row.get("reason", "")


def labelled_skills() -> set[Path]:
    labels = SHARED / "labels"
    return {(SHARED / json.loads(p.read_text(encoding="utf-8"))["skill"]).resolve()
            for p in labels.glob("*.json")} if labels.is_dir() else set()


def skills_of(hub: Path) -> list[Path]:
    return sorted({p.parent.resolve() for p in hub.rglob("SKILL.md")})


def check(skills: list[Path], select: str, target: str | None) -> list[dict]:
    exe = shutil.which("skvm-lint") or str(Path(sys.executable).with_name("skvm-lint"))
    command = [exe, "check", "--select", select, "--format", "json", "--exit-zero", "-q", *map(str, skills)]
    if target:
        command += ["--target", target]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    # a family's findings are those a user gets by default: an opt-in rule (WF003) only when named by its id
    named = {part.strip().upper() for part in select.split(",")}
    opt_in = {entry.id for entry in rule_index() if not entry.default_enabled} - named
    return [d for d in json.loads(out)["diagnostics"] if d["rule"] not in opt_in]


def read_verdicts(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def about(message: str) -> str:
    """What a finding is about: the names its message quotes (`node`, `$API_KEY`), or the primitive it opens with
    (`reason.planning L2 demanded ...`), else the message. Wording and counts changed between versions; the names
    did not."""
    names = re.findall(r"`([^`]+)`", message)
    if names:
        return " ".join(names)
    primitive = re.match(r"[a-z]+(?:\.[a-z]+)+\b", message)
    return primitive.group(0) if primitive else message


def earlier_verdicts(folder: Path, besides: Path) -> dict[tuple[str, str, str], dict]:
    """(finding, rule, subject) -> the first verdict row for it in the other verdict files of ``folder``, oldest file
    first (oldest by modification time, then name). The subject (:func:`about`) keeps a verdict to the finding it
    judged: the same line may later carry another finding of the rule (`use`, `search` of a console judged FALSE,
    then the line's grouped finding of `nmap`, `wpscan`)."""
    found: dict[tuple[str, str, str], dict] = {}
    files = sorted(folder.glob("*.tsv"), key=lambda p: (p.stat().st_mtime, p.name))
    for path in files:
        if path.resolve() == besides.resolve():
            continue
        for row in read_verdicts(path):
            if row.get("verdict", "").strip().upper() in ("TRUE", "FALSE"):
                found.setdefault((row["finding"], row["rule"], about(row["message"])), {**row, "file": path.name})
    return found


def report(rows: list[dict], sampled_from: dict[str, str], path: Path) -> None:
    print(f"\n{'family':<8}{'judged':>8}{'TRUE':>6}{'FALSE':>7}{'precision':>11}{'labels way':>12}  sampled from")
    for family in sorted({r["rule"][:2] for r in rows}):
        ours = [r for r in rows if r["rule"].startswith(family)]
        verdicts = Counter(r["verdict"].strip().upper() for r in ours)
        judged = verdicts["TRUE"] + verdicts["FALSE"]
        precision = f"{verdicts['TRUE'] / judged:.2f}" if judged else "-"
        labels_way = f"{sum(map(true_the_labels_way, ours)) / judged:.2f}" if judged else "-"
        print(f"{family:<8}{judged:>8}{verdicts['TRUE']:>6}{verdicts['FALSE']:>7}{precision:>11}{labels_way:>12}  "
              f"{sampled_from[family] + '; ' if family in sampled_from else ''}{verdicts['']} not yet judged")
    print(f"labels way: FALSE findings whose reason says '{LABELS_WAY}' counted as TRUE (GUIDE.md's definition)")
    print(f"\nverdicts: {path} (fill in TRUE/FALSE and a reason, then run again)")


def verdict_name(skill: Path, hub_of: dict[Path, Path]) -> Path:
    """A skill as the verdict file names it: relative to ../shared/corpus, or to the parent of a hub elsewhere (a
    hub unpacked from a package: its folder name says which). A skill inside a drawn one (app-builder/templates,
    with a SKILL.md of its own, which `check` finds in its parent's folder) is named within that hub too."""
    corpus = (SHARED / "corpus").resolve()
    if skill.is_relative_to(corpus):
        return skill.relative_to(corpus)
    hub = next(hub_of[folder] for folder in (skill, *skill.parents) if folder in hub_of)
    return skill.relative_to(hub.parent)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("hubs", nargs="+", type=Path)
    parser.add_argument("--verdicts", type=Path, required=True, help="the TSV file of verdicts (created if absent)")
    parser.add_argument("--select", default="DP,CP,WF")
    parser.add_argument("--target", help="a SkVM profile, for the CP family")
    parser.add_argument("--skills", type=int, default=50, help="unlabelled skills drawn per hub")
    parser.add_argument("--per-family", type=int, default=20)
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()
    rows = read_verdicts(args.verdicts)
    if rows:
        print(f"{args.verdicts}: a frozen draw of {len(rows)} findings, reported as judged "
              "(a new draw takes a new file)")
        report(rows, {}, args.verdicts)
        return 0
    rng = random.Random(args.seed)
    labelled = labelled_skills()
    drawn: list[Path] = []
    hub_of: dict[Path, Path] = {}
    for hub in args.hubs:
        candidates = [s for s in skills_of(hub) if s not in labelled]
        chosen = rng.sample(candidates, min(args.skills, len(candidates)))
        drawn += chosen
        hub_of.update(dict.fromkeys(chosen, hub.resolve()))
    diagnostics = check(drawn, args.select, args.target)
    by_family: dict[str, list[dict]] = {}
    for d in diagnostics:
        by_family.setdefault(d["rule"][:2], []).append(d)
    earlier = earlier_verdicts(args.verdicts.parent, args.verdicts)
    known: set[tuple[str, str]] = set()
    sampled_from: dict[str, str] = {}
    for family in sorted(by_family):
        found = by_family[family]
        serious = [d for d in found if d["severity"] in ("warning", "error")]
        sampled_from[family] = "warnings and errors" if serious else "info (the family has no warnings)"
        pool = serious or found
        for d in rng.sample(pool, min(args.per_family, len(pool))):
            where = f"{verdict_name(Path(d['skill']).resolve(), hub_of)}/{d['file']}:{d['line']}"
            if (where, d["rule"]) not in known:
                judged = earlier.get((where, d["rule"], about(d["message"])))
                rows.append({"finding": where, "rule": d["rule"], "verdict": judged["verdict"] if judged else "",
                             "reason": f"judged in {judged['file']}: {judged['reason']}" if judged else "",
                             "message": d["message"].replace("\t", " ").replace("\n", " ")})
                known.add((where, d["rule"]))
    args.verdicts.parent.mkdir(parents=True, exist_ok=True)
    with args.verdicts.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(drawn)} unlabelled skills from {len(args.hubs)} hub(s), seed {args.seed}; "
          f"{len(diagnostics)} findings of {args.select}")
    carried = sum(bool(r["verdict"]) for r in rows)
    print(f"{carried} of {len(rows)} sampled findings were judged in other files and keep those verdicts")
    report(rows, sampled_from, args.verdicts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
