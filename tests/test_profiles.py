"""SkVM profile reading: summaries and full files, 25- and 26-primitive versions, names, errors; gap severities."""

from __future__ import annotations

from pathlib import Path

import pytest

from skvm_lint.config import Config
from skvm_lint.diagnostics import Severity
from skvm_lint.pipeline import process_skill
from skvm_lint.profiles import ProfileError, load_profile, parse_profile, resolve

SHARED_PROFILES = Path(__file__).resolve().parent.parent.parent / "shared" / "skvm-data" / "profiles"


def test_full_file_details_and_summary_map():
    full = {"model": "m", "harness": "h", "details": [
        {"primitiveId": "gen.code.shell", "highestLevel": "L2", "levelResults": [{"level": "L1", "passed": True}]},
        {"primitiveId": "tool.web", "highestLevel": "L0", "levelResults": []}]}
    profile = parse_profile(full, "full.json")
    assert profile.level("gen.code.shell") == 2 and profile.level("tool.web") == 0
    assert profile.level("gen.code.python") is None  # not measured is not L0


def test_bad_profiles_say_what_is_wrong(tmp_path: Path):
    bad = tmp_path / "p.json"
    bad.write_text('{"model": "m", "capabilities": {"gen.code.shell": "L7"}}')
    with pytest.raises(ProfileError, match="L7.*not one of L0, L1, L2, L3"):
        load_profile(str(bad))
    bad.write_text("{")
    with pytest.raises(ProfileError, match=r"p\.json:1:2: invalid JSON"):
        load_profile(str(bad))


def test_shared_profiles_load_by_path_and_name():
    if not SHARED_PROFILES.is_dir():
        pytest.skip("../shared/skvm-data is absent")
    counts = {len(load_profile(str(p)).levels) for p in SHARED_PROFILES.glob("*/*/*.json")}
    assert counts == {25, 26}  # early profiles lack tool.web
    assert resolve("qwen3.5-9b", SHARED_PROFILES).name == "latest.summary.json"
    assert load_profile("openclaw/openai--gpt-5.4", SHARED_PROFILES).model == "openai/gpt-5.4"
    with pytest.raises(ProfileError, match="ambiguous"):
        resolve("deepseek-v4-flash", SHARED_PROFILES)


def test_one_level_gap_is_info_larger_is_warning(make_skill):
    root = make_skill({"SKILL.md": "---\nname: case-skill\ndescription: x\n---\n"
                                   "```bash\nfind . | xargs grep -l x | sed 's/a/b/'\n```\n"})
    for provided, severity in (("L2", Severity.INFO), ("L1", Severity.WARNING)):
        target = parse_profile({"capabilities": {"gen.code.shell": provided}}, "t")
        result = process_skill(str(root), False, ("CP002",), Config(target=target))
        assert [(d.severity, d.line) for d in result.diagnostics] == [(severity, 6)]  # the sed pipeline line
        assert "explicit loops" in result.diagnostics[0].hint


def test_a_bare_name_resolves_from_a_skvm_data_checkout_configured_once(tmp_path, monkeypatch):
    """`--target qwen--qwen3.5-9b` resolved only with --profiles-dir or SKVM_PROFILES, and only to a profiles/
    folder; configured once as a SkVM data checkout it resolves everywhere below the config."""
    import json as _json

    from skvm_lint.config import load_config

    folder = tmp_path / "skvm-data" / "profiles" / "bare-agent" / "qwen--qwen3.5-9b"
    folder.mkdir(parents=True)
    (folder / "latest.summary.json").write_text(_json.dumps({
        "model": "qwen/qwen3.5-9b", "harness": "bare-agent", "capabilities": {"gen.code.shell": "L0"}}))
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text('[tool.skvm-lint]\nprofiles-dir = "../skvm-data"\n'
                                            'target = "qwen3.5-9b"\n')
    monkeypatch.chdir(project)
    monkeypatch.delenv("SKVM_PROFILES", raising=False)
    config = load_config()
    assert config.target is not None and config.target.level("gen.code.shell") == 0
    with pytest.raises(ProfileError, match=r"profiles-dir = .* in \[tool.skvm-lint\]"):
        resolve("qwen--qwen3.5-9b", str(tmp_path / "nowhere"))
