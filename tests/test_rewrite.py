"""`check --fix --target [--model]`: deterministic rewrites offline, and model rewrites through the real SDKs against
a scripted server on 127.0.0.1, accepted or rejected by the guard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from skvm_lint.cli import main
from skvm_lint.rewrite.guard import growth_budget
from skvm_lint.rewrite.prompt import BEGIN, END, extract

from .conftest import write_skill
from .scripted_llm_server import ScriptedLLMServer

pytest.importorskip("openai")
pytest.importorskip("anthropic")

SKILL = """---
name: log-digest
description: Summarise error logs into a digest. Use when asked what failed overnight.
---
# Log digest

## Steps
1. Collect the errors:
   ```bash
   grep -h ERROR logs/*.log | sed 's/^.*ERROR //' | sort | uniq -c | sort -rn > errors.txt
   wc -l errors.txt
   ```
2. Write `digest.md` with the ten most frequent errors and what each means.
"""
PROFILE = {"model": "tiny/model-1b", "harness": "bare-agent",
           "capabilities": {"gen.code.shell": "L1", "tool.exec": "L1", "tool.file.write": "L1",
                            "follow.procedure": "L1", "gen.text.prose": "L1"}}
EXTRA = ("\nTake one step at a time, and check each file exists before you read it.\n")


@pytest.fixture
def skill(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = write_skill(tmp_path / "log-digest", {"SKILL.md": SKILL})
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(PROFILE), encoding="utf-8")
    return root, profile


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", "--fix", *args])
    return result.exit_code, result.stdout, result.stderr


def test_offline_target_fix_says_a_model_would_do_more(skill) -> None:
    root, profile = skill
    code, out, err = _run("--target", str(profile), str(root), "--diff")
    assert code == 0, err
    assert "capability gap(s) against tiny/model-1b (bare-agent) remain" in err and "--model" in err
    assert (root / "SKILL.md").read_text(encoding="utf-8") == SKILL  # --diff writes nothing


def test_accepted_rewrite_goes_to_out_with_token_accounting(skill, tmp_path: Path) -> None:
    root, profile = skill
    with ScriptedLLMServer() as server:
        server.replies = [(429, "slow down"), (200, f"Here it is:\n{BEGIN}\n{SKILL}{EXTRA}{END}\n")]
        code, _out, err = _run("--target", str(profile), "--model", "openai-compatible/tiny", "--base-url",
                               server.url, "--out", str(tmp_path / "adapted"), "--price-per-mtok", "1,2", str(root))
        assert len(server.requests) == 2  # the 429 was retried by the SDK
        request = server.requests[-1]["body"]
        assert code == 0, err
        assert (root / "SKILL.md").read_text(encoding="utf-8") == SKILL  # untouched without --write
        # the same request again comes from the cache: no HTTP call, no tokens
        code, _out, cached_err = _run("--target", str(profile), "--model", "openai-compatible/tiny", "--base-url",
                                      server.url, "--write", str(root))
        assert len(server.requests) == 2
    assert "0 request(s), 1 from the cache" in cached_err and code == 0
    assert (root / "SKILL.md").read_text(encoding="utf-8").endswith(EXTRA)
    assert "rewrite accepted" in err
    assert "1 request(s), 0 from the cache; tokens 1,000 in, 500 out; cost $0.0020" in err
    prompt = request["messages"][1]["content"]
    assert "gen.code.shell: the skill demands L3" in prompt and "SKILL.md line 10" in prompt
    assert request["messages"][0]["role"] == "system" and "untrusted data" in request["messages"][0]["content"]
    assert (tmp_path / "adapted" / "log-digest" / "SKILL.md").read_text(encoding="utf-8").endswith(EXTRA)


def test_rejected_rewrite_is_reported_and_not_written(skill, tmp_path: Path) -> None:
    root, profile = skill
    mangled = SKILL.replace("name: log-digest", "name: log-digest-v2").replace(
        "   ```bash\n   grep -h ERROR logs/*.log | sed 's/^.*ERROR //' | sort | uniq -c | sort -rn > errors.txt\n"
        "   wc -l errors.txt\n   ```\n",
        "   Find the errors in the logs.\n").replace("## Steps", "## What to do")
    with ScriptedLLMServer() as server:
        server.replies = [(200, f"{BEGIN}\n{mangled}{END}")]
        code, _out, err = _run("--target", str(profile), "--model", "anthropic/claude-test", "--base-url",
                               server.url.removesuffix("/v1"), "--write", str(root))
        assert server.requests and server.requests[0]["path"] == "/v1/messages", err
    assert code == 1
    assert "rejected: the frontmatter changed" in err
    assert "1 code block(s) of more than one line were dropped or altered (first: `grep -h ERROR" in err
    assert "heading(s) removed: Steps" in err
    assert (root / "SKILL.md").read_text(encoding="utf-8") == SKILL


def test_model_without_target_is_a_usage_error(skill) -> None:
    root, _profile = skill
    result = CliRunner().invoke(main, ["check", "--model", "openai/gpt-4o-mini", str(root)])
    assert result.exit_code == 2 and "add --fix --target PROFILE" in result.output


def test_extract_and_budget() -> None:
    assert extract(f"noise\n{BEGIN}\n---\nname: x\n---\nbody\n{END}\ntrailer") == "---\nname: x\n---\nbody\n"
    assert extract("no markers at all") is None
    assert extract("Sure!\n```markdown\n---\nname: x\n---\n```bash\nls\n```\n```\nHope it helps") == \
        "---\nname: x\n---\n```bash\nls\n```\n"
    assert extract("---\nname: x\n---\nbody") == "---\nname: x\n---\nbody\n"
    assert growth_budget(20) == 30 and growth_budget(100) == 50 and growth_budget(1000) == 250


def test_offline_environment_section_from_the_dependencies(tmp_path: Path, skill) -> None:
    _root, profile = skill
    needs = write_skill(tmp_path / "api-digest", {"SKILL.md": (
        "---\nname: api-digest\ndescription: Digest an API's status. Use when asked whether the API is up.\n---\n"
        "# API digest\n\nIntro.\n\n## Steps\n1. Run `python3 scripts/probe.py > status.json`\n"
        "2. Show the result:\n   ```bash\n   jq .status status.json\n   ```\n"),
        "scripts/probe.py": "import requests\nprint(requests.get('https://api.example.org/status').text)\n"})
    code, out, err = _run("--target", str(profile), str(needs), "--diff")
    assert code == 0, err
    assert "+## Environment setup" in out
    assert "+command -v jq >/dev/null 2>&1 || { apt-get install -y jq || brew install jq; }" in out
    assert "+python3 -c \"import requests\" >/dev/null 2>&1 || { python3 -m pip install 'requests'; }" in out
    assert out.index("+## Environment setup") < out.index(" ## Steps")  # before the first section
    has_setup = write_skill(tmp_path / "with-setup", {"SKILL.md": (
        "---\nname: with-setup\ndescription: Same, with its own setup. Use for tests.\n---\n## Setup\n"
        "Install jq.\n\n## Steps\n1. `jq .status status.json`\n")})
    code, out, err = _run("--target", str(profile), str(has_setup), "--diff")
    assert "Environment setup" not in out
