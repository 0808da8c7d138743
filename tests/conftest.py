from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"


def write_skill(root: Path, files: dict[str, str | bytes]) -> Path:
    """Create a skill folder from a mapping of relative path -> text or bytes."""
    root.mkdir(parents=True, exist_ok=True)
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def make_skill(tmp_path: Path):
    def make(files: dict[str, str | bytes], name: str = "case-skill") -> Path:
        return write_skill(tmp_path / name, files)

    return make


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent (it ships beside the checkout in CI, not in a user's clone)")
    return CORPUS


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder so no config file of the repo applies."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


os.environ.setdefault("NO_COLOR", "1")
# Compiled-pattern programs (skvm_lint.lazy_re) go to a folder of this session, never the user's ~/.cache.
os.environ.setdefault("SKVM_LINT_CACHE_DIR", tempfile.mkdtemp(prefix="skvm-lint-test-cache-"))
