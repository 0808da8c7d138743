"""The pre-commit hooks, end to end: `pre-commit try-repo` installs this repository into its own environment and
runs the hook on a throwaway git repository."""

from __future__ import annotations

import os
import re
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


def readme_rev() -> str:
    match = re.search(r"^\s*rev:\s*(\S+)", (REPO / "README.md").read_text(), re.MULTILINE)
    assert match, "README.md shows no pre-commit `rev:`"
    return match.group(1)


def release_tags() -> list[str]:
    out = subprocess.run(["git", "tag", "--list", "v*", "--sort=-v:refname"], cwd=REPO, capture_output=True,
                         text=True, check=True).stdout.split()
    if not out:
        pytest.skip("this clone carries no release tags (a shallow or tagless checkout)")
    return out


def test_readme_and_hook_file_name_the_latest_release(pre_commit_home: Path):
    latest = release_tags()[0]
    assert readme_rev() == latest
    assert f"rev: {latest}" in (REPO / ".pre-commit-hooks.yaml").read_text()


def test_the_release_tag_builds_its_own_version(tmp_path: Path, pre_commit_home: Path):
    """The version comes from the tag: a clone at v0.1.0 builds skvm_lint-0.1.0, not a dev version."""
    tag = release_tags()[0]
    subprocess.run(["git", "clone", "-q", "--branch", tag, str(REPO), str(tmp_path / "src")], check=True,
                   capture_output=True)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", str(tmp_path / "src"), "-w",
                    str(tmp_path / "out")], check=True, capture_output=True, timeout=600)
    assert [p.name for p in (tmp_path / "out").iterdir()] == [f"skvm_lint-{tag.removeprefix('v')}-py3-none-any.whl"]


def test_the_hook_runs_from_the_release_tag(tmp_path: Path, pre_commit_home: Path):
    """What a user writes in .pre-commit-config.yaml (the README's rev), resolved by pre-commit itself."""
    release_tags()
    repo = make_repo(tmp_path / "user", "---\ndescription: Does things.\n---\n# Demo\n")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO}\n    rev: {readme_rev()}\n    hooks:\n      - id: skvm-lint\n")
    git(repo, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home), "NO_COLOR": "1"}
    result = subprocess.run([PRE_COMMIT, "run", "--all-files", "--color", "never"], cwd=repo, capture_output=True,
                            text=True, env=env, timeout=900)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "FM004" in result.stdout
