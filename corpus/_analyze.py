"""Shared by the evaluation scripts: run `skvm-lint analyze --format json` (the contract), read its objects, load
the labels of ../shared/labels and score them per slice.

A slice is a hub and, for ClawHub, the language the skill is written in: figures over all labels hide that the
inference can be good on the hub it was first written for and poor on another.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

# resolved, as the skills' paths are: ../shared is often a symbolic link to the data
SHARED = (Path(__file__).resolve().parent.parent.parent / "shared").resolve()
# Han, kana: a SKILL.md with more than 2 % of these characters is written in Chinese or Japanese (the labelled
# translations keep English code, URLs and names, so their share is lower than a native text's).
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
CJK_SHARE = 0.02
SLICES = ("openclaw-en", "openclaw-zh/ja", "antigravity", "k-dense", "other")


def analyze(paths: list[Path]) -> list[dict]:
    """One analysis object per skill under ``paths``, from the installed console script."""
    exe = shutil.which("skvm-lint") or str(Path(sys.executable).with_name("skvm-lint"))
    out = subprocess.run([exe, "analyze", "--format", "json", "-q", *map(str, paths)], capture_output=True,
                         text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def analyze_by_path(paths: list[Path]) -> dict[str, dict]:
    """The objects keyed by the resolved skill path."""
    return {str(Path(obj["path"]).resolve()): obj for obj in analyze(paths)}


@dataclass(frozen=True)
class Labelled:
    """One label file, the skill it describes, its slice and our analysis object for it."""

    label: dict
    path: Path
    slice: str
    result: dict


def slice_of(skill: Path) -> str:
    hub = skill.relative_to(SHARED / "corpus").parts[0]
    if hub == "openclaw-skills":
        text = (skill / "SKILL.md").read_text(encoding="utf-8", errors="replace")
        return "openclaw-zh/ja" if len(_CJK.findall(text)) > CJK_SHARE * max(len(text), 1) else "openclaw-en"
    return {"antigravity-awesome-skills": "antigravity", "k-dense-scientific-skills": "k-dense"}.get(hub, "other")


def load_labelled(labels_dir: str | Path) -> list[Labelled]:
    """Every label of ``labels_dir`` with its slice and analysis; exits with a message when there are none."""
    files = sorted(Path(labels_dir).glob("*.json"))
    if not files:
        sys.exit(f"no labels in {labels_dir} (expected ../shared/labels beside the checkout)")
    labels = [json.loads(p.read_text(encoding="utf-8")) for p in files]
    paths = [(SHARED / label["skill"]).resolve() for label in labels]
    results = analyze_by_path(paths)
    return [Labelled(label, path, slice_of(path), results[str(path)]) for label, path in zip(labels, paths)]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1; an empty denominator counts as perfect."""
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class SliceCounts:
    """Confusion counts kept per slice and overall: ``add(slice, key, tp=, fp=, fn=)``."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str], Counter] = {}

    def add(self, slice_: str, key: str, **counts: int) -> None:
        for s in (slice_, "all"):
            self.counts.setdefault((s, key), Counter()).update(counts)

    def get(self, slice_: str, key: str) -> Counter:
        return self.counts.get((slice_, key), Counter())

    def slices(self) -> list[str]:
        present = {s for s, _ in self.counts}
        return [s for s in SLICES if s in present] + ["all"]
