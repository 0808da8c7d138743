"""`--fix` over copies of ../shared/corpus: fixing twice equals fixing once, no fix adds an error, modes are kept,
and no temporary file is left behind. A sample by default (every k-th skill, so the suite stays fast);
SKVM_FIX_SAMPLE=all checks every skill."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from skvm_lint.builder import build_skill
from skvm_lint.config import Config
from skvm_lint.diagnostics import Severity
from skvm_lint.pipeline import check_model
from skvm_lint.fix_engine import fix_skill
from skvm_lint.loader import discover
from skvm_lint.selection import select_rules

pytestmark = pytest.mark.corpus


def _snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(root).as_posix(): (p.read_bytes(), stat.S_IMODE(p.lstat().st_mode))
            for p in sorted(root.rglob("*")) if p.is_file() and not p.is_symlink()}


def _errors(root: Path, rule_ids: tuple[str, ...], config: Config) -> int:
    skill = build_skill(str(root), config.limits)
    found = check_model(skill, rule_ids, config)
    return sum(d.severity is Severity.ERROR for d in found)


def test_fix_is_idempotent_and_never_adds_errors(corpus: Path, tmp_path: Path) -> None:
    roots, _ = discover([str(corpus)])
    sample = os.environ.get("SKVM_FIX_SAMPLE", "120")
    chosen = roots if sample == "all" else roots[:: max(1, len(roots) // int(sample))]
    config = Config(select=("ALL",))
    rule_ids = tuple(r.id for r in select_rules(("ALL",)))
    changed, problems = 0, []
    for n, root in enumerate(chosen):
        copy = tmp_path / f"{n:05d}" / Path(root).name
        shutil.copytree(root, copy, symlinks=True)
        for path in [copy, *copy.rglob("*")]:
            if not path.is_symlink():
                path.chmod(path.stat().st_mode | stat.S_IWUSR)
        errors_before = _errors(copy, rule_ids, config)
        before = _snapshot(copy)
        fix_skill(str(copy), rule_ids, config, unsafe=True)
        once = _snapshot(copy)
        fix_skill(str(copy), rule_ids, config, unsafe=True)
        twice = _snapshot(copy)
        changed += once != before
        if twice != once:
            problems.append(f"{root}: a second --fix changed {sorted(k for k in twice if twice[k] != once.get(k))}")
        if _errors(copy, rule_ids, config) > errors_before:
            problems.append(f"{root}: --fix added errors")
        kept = [k for k in before if k in once and once[k][1] != before[k][1]]
        if kept:
            problems.append(f"{root}: --fix changed the mode of {kept}")
        leftovers = [p.name for p in copy.rglob("*.skvm-lint.tmp")]
        if leftovers:
            problems.append(f"{root}: temporary files left: {leftovers}")
        shutil.rmtree(copy.parent)
    print(f"{len(chosen)} corpus skills fixed, {changed} changed")
    assert changed > 0  # the sample does exercise fixes
    assert problems == []
