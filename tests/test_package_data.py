"""Data files parsed once and kept, parsed form and all, in the user's cache folder."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

from skvm_lint.package_data import data_text, data_toml

NAMES = ["vocabulary.toml", "cues/en.toml", "cues/zh.toml", "cues/ja.toml"]


@pytest.mark.parametrize("name", NAMES)
def test_a_data_file_read_back_from_the_cache_is_the_file_parsed(name: str, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKVM_LINT_CACHE_DIR", str(tmp_path))
    fresh = tomllib.loads(data_text(name))
    assert data_toml(name) == fresh  # parsed, and written
    [kept] = tmp_path.glob(f"data-{name.replace('/', '-')}-*.marshal")
    assert data_toml(name) == fresh  # read back
    kept.write_bytes(kept.read_bytes()[:40])  # damaged: parsed afresh and rewritten
    assert data_toml(name) == fresh
    assert data_toml(name) == fresh and len(kept.read_bytes()) > 40


def test_a_stale_cache_is_replaced_and_no_cache_writes_nothing(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKVM_LINT_CACHE_DIR", str(tmp_path))
    stale = tmp_path / f"data-vocabulary.toml-{sys.implementation.cache_tag}-00000000-1.marshal"
    stale.write_bytes(b"\0")
    data_toml("vocabulary.toml")
    assert not stale.exists() and len(list(tmp_path.glob("data-vocabulary.toml-*"))) == 1
    monkeypatch.setenv("SKVM_LINT_NO_CACHE", "1")
    other = tmp_path / "off"
    monkeypatch.setenv("SKVM_LINT_CACHE_DIR", str(other))
    assert data_toml("cues/en.toml") == tomllib.loads(data_text("cues/en.toml"))
    assert not other.exists()
