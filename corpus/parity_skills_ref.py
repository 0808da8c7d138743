"""Parity with skills-ref: for every skill it rejects, does skvm-lint report a diagnostic of the same kind?

    python corpus/parity_skills_ref.py [ROOT] [--agentskills PATH] [--jobs 2] [--md FILE]

Runs `agentskills validate DIR` (skills-ref, one process per skill, as it works) over every skill under ROOT
(default ../shared/corpus) and `skvm-lint check --select ALL --format json ROOT` in the same run, sorts each
skills-ref message into a kind, and counts the rejections covered by one of our rules of that kind. Prints a
Markdown table (and writes it to --md). Messages of no known kind are listed so the table never hides them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_ROOT = HERE.parent.parent / "shared" / "corpus"

# skills-ref message -> (kind, our rules of that kind, our severity and why)
KINDS = [
    (re.compile(r"must start with YAML frontmatter"), "frontmatter missing",
     ("FM001", "FM002"), "error: no client can read name or description"),
    (re.compile(r"not properly closed"), "frontmatter unterminated", ("FM002",), "error: the body would be read as "
     "YAML"),
    (re.compile(r"Invalid YAML in frontmatter"), "YAML rejected",
     ("FM003", "FM013", "FM011"), "error (FM003) when YAML itself fails; info (FM013, opt-in portability) when only "
     "skills-ref's strict subset refuses flow mappings, which YAML and every client accept"),
    (re.compile(r"Unexpected fields in frontmatter"), "unexpected key",
     ("FM010", "FM012"), "warning (FM010) for keys no client knows; info (FM012, opt-in portability) for client "
     "extensions such as version/author, which agents accept"),
    (re.compile(r"Directory name .* must match skill name"), "name differs from folder",
     ("FM008", "FM007", "FM002"), "warning: clients load the skill by either; installers and hubs disagree (FM007 "
     "alone when the name is also malformed: one finding per cause; FM002 where skills-ref accepts an indented `---` "
     "as the end of the frontmatter and we do not)"),
    (re.compile(r"Skill name .*(lowercase|invalid characters|hyphen|exceeds|characters)"), "name format",
     ("FM007", "FM005"), "error: clients refuse or rename such skills"),
    (re.compile(r"Missing required field in frontmatter: name"), "name missing", ("FM004",), "error"),
    (re.compile(r"Missing required field in frontmatter: description"), "description missing", ("FM006",), "error"),
    (re.compile(r"[Dd]escription .*(exceeds|empty|must)"), "description format", ("FM009", "FM006"), "warning"),
    (re.compile(r"[Cc]ompatibility|'license'|'allowed-tools'|'metadata'"), "field shape", ("FM014",),
     "warning: clients drop a field of the wrong type"),
    (re.compile(r"SKILL\.md|skill\.md"), "SKILL.md missing or misnamed", ("ST001", "ST002"), "error"),
]


def run_skills_ref(exe: str, skills: list[Path], jobs: int) -> dict[str, list[str]]:
    def one(path: Path) -> tuple[str, list[str]]:
        proc = subprocess.run([exe, "validate", str(path)], capture_output=True, text=True)
        if proc.returncode == 0:
            return str(path.resolve()), []
        text = (proc.stdout + proc.stderr).strip()
        messages = [m.strip() for m in re.split(r"\n\s*-\s+", text) if m.strip()]
        messages = [m for m in messages if not m.startswith("Validation failed")] or [text]
        return str(path.resolve()), messages

    with ThreadPoolExecutor(jobs) as pool:
        return dict(pool.map(one, skills))


def run_ours(root: Path) -> dict[str, set[str]]:
    proc = subprocess.run([sys.executable, "-m", "skvm_lint", "check", "--select", "ALL", "--format", "json", "-q",
                           str(root)], capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"skvm-lint failed: {proc.stderr[-2000:]}")
    rules: dict[str, set[str]] = defaultdict(set)
    for d in json.loads(proc.stdout)["diagnostics"]:
        rules[os.path.realpath(d["skill"])].add(d["rule"])
    return rules


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--agentskills", default=shutil.which("agentskills") or "/tmp/peers/bin/agentskills")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--md", type=Path)
    args = parser.parse_args()
    if not Path(args.agentskills).exists():
        sys.exit(f"{args.agentskills}: not found; pip install skills-ref (see ../shared/peers.md)")
    skills = sorted({p.parent for pattern in ("SKILL.md", "skill.md") for p in args.root.rglob(pattern)
                     if ".git" not in p.parts})
    start = time.perf_counter()
    theirs = run_skills_ref(args.agentskills, skills, args.jobs)
    theirs_time = time.perf_counter() - start
    start = time.perf_counter()
    ours = run_ours(args.root)
    ours_time = time.perf_counter() - start

    rejected = {path: messages for path, messages in theirs.items() if messages}
    per_kind: dict[str, Counter] = defaultdict(Counter)
    unknown: Counter = Counter()
    skills_covered = 0
    misses: dict[str, list[str]] = defaultdict(list)
    for path, messages in rejected.items():
        all_covered = True
        for message in messages:
            for pattern, kind, rules, _ in KINDS:
                if pattern.search(message):
                    hit = bool(ours.get(path, set()) & set(rules))
                    per_kind[kind]["covered" if hit else "missed"] += 1
                    if not hit:
                        all_covered = False
                        misses[kind].append(f"{os.path.relpath(path, args.root)}: {message[:160]}")
                    break
            else:
                unknown[re.sub(r"'[^']*'", "'…'", message)[:120]] += 1
                all_covered = False
        skills_covered += all_covered
    lines = [f"skills: {len(theirs)}; skills-ref rejects {len(rejected)} "
             f"({theirs_time:.0f} s, one process per skill, {args.jobs} at a time); "
             f"skvm-lint --select ALL over the same folder: {ours_time:.0f} s", "",
             f"Rejected skills where every skills-ref message has a skvm-lint diagnostic of the same kind: "
             f"{skills_covered} of {len(rejected)} ({skills_covered / max(1, len(rejected)):.1%})", "",
             "| kind | skills-ref messages | covered by skvm-lint | our rules | our severity and why |",
             "|---|---|---|---|---|"]
    for _, kind, rules, why in KINDS:
        counts = per_kind.get(kind, Counter())
        total = counts["covered"] + counts["missed"]
        if total:
            lines.append(f"| {kind} | {total} | {counts['covered']} ({counts['covered'] / total:.1%}) | "
                         f"{', '.join(rules)} | {why} |")
    if unknown:
        lines += ["", "Messages of no known kind:"] + [f"- {n} × {m}" for m, n in unknown.most_common()]
    for kind, items in misses.items():
        lines += ["", f"Missed ({kind}, first 10 of {len(items)}):"] + [f"- {item}" for item in items[:10]]
    text = "\n".join(lines)
    print(text)
    if args.md:
        args.md.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
