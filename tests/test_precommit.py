"""The pre-commit hooks, end to end: `pre-commit try-repo` installs this repository into its own environment and
runs the hook on a throwaway git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))

pytestmark = pytest.mark.slow


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"})


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    if not (REPO / ".git").exists():
        pytest.skip("pre-commit try-repo needs this checkout to be a git repository")
    return tmp_path_factory.mktemp("pre-commit-home")


def try_repo(work: Path, home: Path, hook: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run([PRE_COMMIT, "try-repo", str(REPO), hook, "--all-files", "--color", "never"], cwd=work,
                          capture_output=True, text=True, env=env, timeout=900)


def make_repo(path: Path, skill_md: str) -> Path:
    (path / "skills/demo").mkdir(parents=True)
    (path / "skills/demo/SKILL.md").write_text(skill_md)
    git(path, "init", "-q")
    git(path, "add", "-A")
    return path


def test_bad_skill_fails_and_good_skill_passes(tmp_path: Path, pre_commit_home: Path):
    bad = make_repo(tmp_path / "bad", "---\ndescription: Does things.\n---\n# Demo\n")
    result = try_repo(bad, pre_commit_home, "skvm-lint")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "FM004" in result.stdout
    good = make_repo(tmp_path / "good", "---\nname: demo\ndescription: Does things. Use when asked.\n---\n# Demo\n")
    result = try_repo(good, pre_commit_home, "skvm-lint")
    assert result.returncode == 0, result.stdout + result.stderr


def test_fix_hook_rewrites_and_fails_once(tmp_path: Path, pre_commit_home: Path):
    repo = make_repo(tmp_path / "fix", "---\nname: 2048\ndescription: Play 2048. Use when asked.\n---\n")
    result = try_repo(repo, pre_commit_home, "skvm-lint-fix")
    assert result.returncode == 1  # pre-commit fails a hook that modified files
    assert 'name: "2048"' in (repo / "skills/demo/SKILL.md").read_text()
    git(repo, "add", "-A")
    assert try_repo(repo, pre_commit_home, "skvm-lint-fix").returncode == 0
