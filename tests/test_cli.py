"""The command line, end to end through the installed console script and click's runner."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from skvm_lint.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "examples"


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_console_script_runs_and_exit_codes():
    exe = shutil.which("skvm-lint") or str(Path(sys.executable).with_name("skvm-lint"))
    clean = subprocess.run([exe, str(EXAMPLES / "weather-report")], capture_output=True, text=True)
    assert clean.returncode == 0 and "All checks passed" in clean.stdout
    bad = subprocess.run([exe, "check", str(EXAMPLES / "broken-yaml")], capture_output=True, text=True)
    assert bad.returncode == 1 and "FM003" in bad.stdout
    usage = subprocess.run([exe, "check", "/no/such/skill"], capture_output=True, text=True)
    assert usage.returncode == 2 and "no such file or folder" in usage.stderr


def test_default_command_is_check():
    assert invoke(str(EXAMPLES / "missing-frontmatter")).exit_code == 1


def test_fail_on_and_select():
    assert invoke("check", str(EXAMPLES), "--select", "ST002", "--fail-on", "error").exit_code == 1
    assert invoke("check", str(EXAMPLES / "weather-report"), "--fail-on", "info").exit_code == 0
    result = CliRunner().invoke(main, ["check", str(EXAMPLES), "--select", "NOPE1"])
    assert result.exit_code == 2 and "unknown rule, prefix or group 'NOPE1'" in result.output


def test_help_teaches_with_examples():
    result = invoke("--help")
    assert result.exit_code == 0
    for word in ("Examples:", "skvm-lint explain FM004", "Exit status"):
        assert word in result.output
    assert "--fail-on" in invoke("check", "--help").output


def test_rules_and_explain():
    listing = invoke("rules", "--format", "json")
    rules = json.loads(listing.output)
    assert {"FM004", "ST001", "IO004"} <= {r["id"] for r in rules}
    text = invoke("explain", "FM004").output
    for section in ("## What it does", "## Why it matters", "## Example", "## Fix"):
        assert section in text
    assert invoke("explain", "name-missing").exit_code == 0
    assert CliRunner().invoke(main, ["explain", "XX123"]).exit_code == 2


def test_analyze_prints_one_json_object_per_skill():
    result = invoke("analyze", str(EXAMPLES))
    objects = [json.loads(line) for line in result.output.splitlines()]
    assert len(objects) == 5
    for obj in objects:
        assert {"path", "name", "capabilities", "dependencies", "workflow", "diagnostics"} <= set(obj)
    weather = next(o for o in objects if o["path"].endswith("weather-report"))
    assert weather["name"] == "weather-report" and weather["diagnostics"] == []


def test_output_file_and_formats(tmp_path: Path):
    out = tmp_path / "report.sarif"
    assert invoke("check", str(EXAMPLES), "--format", "sarif", "-o", str(out)).exit_code == 1
    assert json.loads(out.read_text())["version"] == "2.1.0"


def test_fix_diff_and_write(tmp_path: Path):
    skill = tmp_path / "numeric-name"
    shutil.copytree(EXAMPLES / "numeric-name", skill)
    before = (skill / "SKILL.md").read_text()
    diff = invoke("check", str(skill), "--fix", "--diff")
    assert '+name: "2048"' in diff.output and (skill / "SKILL.md").read_text() == before
    fixed = invoke("check", str(skill), "--fix")
    assert fixed.exit_code == 0 and 'name: "2048"' in (skill / "SKILL.md").read_text()
    assert "# The name is a number" in (skill / "SKILL.md").read_text()  # comments survive the YAML edit


def test_unsafe_fix_renames_only_when_asked(tmp_path: Path):
    skill = tmp_path / "lowercase-skill-md"
    shutil.copytree(EXAMPLES / "lowercase-skill-md", skill)
    assert invoke("check", str(skill), "--fix").exit_code == 1
    assert (skill / "skill.md").exists()
    assert invoke("check", str(skill), "--fix", "--unsafe-fixes").exit_code == 0
    assert [p.name for p in skill.iterdir()] == ["SKILL.md"]


def test_write_baseline_then_clean_run(tmp_path: Path):
    baseline = tmp_path / "b.json"
    assert invoke("check", str(EXAMPLES), "--write-baseline", str(baseline)).exit_code == 0
    assert invoke("check", str(EXAMPLES), "--baseline", str(baseline)).exit_code == 0


def test_docs_rules_md_is_generated_from_the_rules():
    from skvm_lint.rule_docs import reference_markdown

    committed = (Path(__file__).resolve().parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == reference_markdown(), "regenerate: skvm-lint rules --format md > docs/rules.md"


def _exe() -> str:
    return shutil.which("skvm-lint") or str(Path(sys.executable).with_name("skvm-lint"))


def test_text_output_never_turns_user_text_into_emoji(tmp_path: Path):
    """`SKILL.md:100:1` printed as `SKILL.md💯1`, and a folder named `:rocket:` as 🚀."""
    body = "".join(f"line {i}\n" for i in range(95)) + "```bash\nls\n"  # an unclosed fence at line 100
    root = tmp_path / ":rocket:"
    root.mkdir()
    (root / "SKILL.md").write_text("---\nname: rocket\ndescription: x\n---\n" + body, encoding="utf-8")
    out = subprocess.run([_exe(), "check", "--select", "ST005,FM008", str(root)], capture_output=True, text=True,
                         env={"COLUMNS": "400", "PATH": "/usr/bin:/bin"}).stdout
    assert ":rocket:/SKILL.md:100:1: ST005" in out and "🚀" not in out and "💯" not in out
    assert "folder name ':rocket:'" in out


def test_check_dot_inside_a_skill_compares_the_resolved_folder_name(monkeypatch):
    monkeypatch.chdir(EXAMPLES / "weather-report")
    result = CliRunner().invoke(main, ["check", "."])
    assert result.exit_code == 0 and "FM008" not in result.output, result.output


def test_a_path_that_holds_no_skill_is_a_usage_error(tmp_path: Path):
    stray = tmp_path / "notaskill.txt"
    stray.write_text("hello\n")
    done = subprocess.run([_exe(), "check", str(stray)], capture_output=True, text=True)
    assert done.returncode == 2 and "no skill here" in done.stderr and "--allow-empty" in done.stderr
    allowed = subprocess.run([_exe(), "check", "--allow-empty", str(stray)], capture_output=True, text=True)
    assert allowed.returncode == 0


def test_parallelism_messages_name_the_kind_and_never_list_no_steps(tmp_path: Path):
    from .conftest import write_skill

    root = write_skill(tmp_path / "fleet", {"SKILL.md": "---\nname: fleet\ndescription: Spawns sub-agents to review "
                                            "each module in parallel and manages them.\n---\n# Fleet\nReview.\n"})
    report = json.loads(invoke("check", "--select", "WF", "--format", "json", str(root)).output)
    messages = [d["message"] for d in report["diagnostics"]]
    assert all("steps -" not in m and "parallelism (" in m for m in messages), messages


def test_one_malformed_name_is_one_finding(tmp_path: Path):
    from .conftest import write_skill

    root = write_skill(tmp_path / "log-summary", {"SKILL.md": "---\nname: Log Summary\ndescription: x\n---\n# x\n"})
    report = json.loads(invoke("check", "--select", "FM007,FM008", "--format", "json", str(root)).output)
    assert [(d["rule"], bool(d["fix"])) for d in report["diagnostics"]] == [("FM007", True)]


def test_the_command_skips_the_teardown_but_not_the_output_the_status_or_the_exit_handlers():
    """`skvm-lint` ends with os._exit after flushing (the interpreter's teardown cost a fifth of a one-skill
    check): a report written through a pipe arrives whole with its status, exit handlers still run, and the run's
    garbage-collector setting is made before the CLI is imported."""
    report = subprocess.run([sys.executable, "-m", "skvm_lint", "check", str(EXAMPLES), "--format", "json"],
                            capture_output=True, text=True, check=False)
    assert report.returncode == 1
    assert json.loads(report.stdout)["diagnostics"] == json.loads(invoke("check", str(EXAMPLES), "--format",
                                                                          "json").output)["diagnostics"]
    probe = ("import atexit, gc, sys\n"
             "atexit.register(lambda: print('at exit', gc.get_threshold(), 'skvm_lint.cli' in sys.modules))\n"
             "before = gc.get_threshold()\n"
             "import skvm_lint.__main__ as command\n"
             "sys.modules['skvm_lint.cli'] = None  # the CLI's import fails: main must set the threshold first\n"
             "try:\n"
             "    command.main()\n"
             "except ImportError:\n"
             "    print('set before the import', gc.get_threshold() != before)\n"
             "del sys.modules['skvm_lint.cli']\n"
             "sys.argv = ['skvm-lint', '--version']\n"
             "command.main()\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False)
    from skvm_lint.collector import RUN_THRESHOLDS

    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "set before the import True"
    assert "skvm-lint, version" in done.stdout
    assert done.stdout.splitlines()[-1] == f"at exit {RUN_THRESHOLDS} True"


def test_exit_codes_internal_error_missing_extra_and_interrupt(monkeypatch, capsys, tmp_path: Path):
    """All three used to exit 1, which means findings."""
    import pytest

    import skvm_lint.engine as engine
    from skvm_lint.cli import entry

    def run_entry(*args: str) -> int:
        monkeypatch.setattr(sys, "argv", ["skvm-lint", *args])
        with pytest.raises(SystemExit) as stop:
            entry()
        return stop.value.code

    def crash(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(engine, "run", crash)
    assert run_entry("check", str(EXAMPLES / "weather-report")) == 2
    assert "internal error: RuntimeError: boom" in capsys.readouterr().err

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(engine, "run", interrupt)
    assert run_entry("check", str(EXAMPLES / "weather-report")) == 130
    assert run_entry("corpus", "report", str(tmp_path / "no-scan-here")) == 2  # a tool error, not findings


def test_a_mistyped_command_suggests_the_command():
    done = subprocess.run([_exe(), "chek", "x"], capture_output=True, text=True)
    assert done.returncode == 2 and "did you mean 'check'?" in done.stderr


def test_every_command_is_listed_once_and_a_run_imports_only_its_own():
    """The group imports a command's module when it runs: COMMAND_MODULES must name every command (a missing one
    would vanish from `--help`), and a check must not pay for the others' imports."""
    import importlib

    from skvm_lint.cli import COMMAND_MODULES

    for module in set(COMMAND_MODULES.values()):
        importlib.import_module(f"skvm_lint.cli.{module}")
    assert sorted(main.commands) == sorted(COMMAND_MODULES)
    probe = ("import atexit, sys\nfrom skvm_lint.cli import main\n"
             "atexit.register(lambda: print(sorted(m for m in sys.modules if m.startswith('skvm_lint.cli.'))))\n"
             f"main.main(['check', {str(EXAMPLES / 'weather-report')!r}, '-q'], standalone_mode=False)\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[-2] == "['skvm_lint.cli.check', 'skvm_lint.cli.options']"


def _unsafe_only(tmp_path: Path) -> Path:
    from .conftest import write_skill

    return write_skill(tmp_path / "case-skill", {
        "SKILL.md": "---\nname: case-skill\ndescription: Extracts text. Use when asked for a PDF's text.\n---\n"
                    "```bash\npython3 scripts/extract.py input.pdf\n```\n",
        "scripts/extract.py": "print('x')\n"})


def test_diff_exits_1_and_shows_unsafe_fixes_when_only_those_exist(tmp_path: Path):
    """--diff printed nothing and exited 0 when the only fixes were unsafe."""
    root = _unsafe_only(tmp_path)
    before = (root / "SKILL.md").read_text()
    done = subprocess.run([_exe(), "check", "--select", "ST008", "--diff", str(root)], capture_output=True, text=True)
    assert done.returncode == 1 and "+python3 {baseDir}/scripts/extract.py input.pdf" in done.stdout
    assert "unsafe fixes only (apply with --fix --unsafe-fixes)" in done.stderr
    assert (root / "SKILL.md").read_text() == before  # --diff writes nothing
    clean = subprocess.run([_exe(), "check", "--diff", str(EXAMPLES / "weather-report")], capture_output=True,
                           text=True)
    assert clean.returncode == 0 and "nothing to fix" in clean.stderr


def test_summary_counts_safe_and_unsafe_fixes_exactly_and_statistics_count_per_rule(tmp_path: Path):
    root = _unsafe_only(tmp_path)
    (root / "SKILL.md").write_text((root / "SKILL.md").read_text().replace("name: case-skill", "name: Case Skill"))
    text = invoke("check", "--select", "ST008,FM007", "--show-fixes", str(root)).output
    assert "1 fixable with --fix, 1 more with --fix --unsafe-fixes." in text
    assert "fix (safe): set name to 'case-skill'" in text and "fix (unsafe, needs --unsafe-fixes):" in text
    stats = json.loads(invoke("check", "--select", "ST008,FM007", "--statistics", "--format", "json",
                              str(root)).output)
    assert [(s["rule"], s["count"], s["fixable"]) for s in stats] == [("FM007", 1, 1), ("ST008", 1, 1)]
    assert "     1  FM007  name-format [1 fixable]" in invoke("check", "--select", "ST008,FM007", "--statistics",
                                                               str(root)).output
    assert CliRunner().invoke(main, ["check", "--exit-zero", str(root)]).exit_code == 0


def test_vendored_trees_excludes_and_gitignore(tmp_path: Path):
    """DP001/DP005 fired inside a skill's node_modules; there was no --exclude and .gitignore was not read."""
    from .conftest import write_skill

    hub = tmp_path / "hub"
    write_skill(hub / "pad", {"SKILL.md": "---\nname: pad\ndescription: Pads strings. Use when asked to pad.\n---\n"
                                          "# Pad\nRun `node pad.js`.\n",
                              "pad.js": "console.log('pad')\n",
                              "node_modules/leftpad/index.js": "require('lodash'); process.env.SECRET_X\n",
                              "fixtures/sample.py": "import requests\n"})
    write_skill(hub / "old-skill", {"SKILL.md": "---\nname: Old Skill\ndescription: x\n---\n"})

    def findings(*args: str) -> list[tuple[str, str]]:
        report = json.loads(invoke("check", "--select", "DP,ST007,FM007", "--format", "json", *args, str(hub)).output)
        return sorted((Path(d["path"]).relative_to(hub).as_posix(), d["rule"]) for d in report["diagnostics"])

    assert not any("node_modules" in path for path, _ in findings())
    assert ("pad/fixtures/sample.py", "ST007") in findings() and ("old-skill/SKILL.md", "FM007") in findings()
    narrowed = findings("--extend-exclude", "fixtures/", "--extend-exclude", "old-skill/")
    assert ("pad/fixtures/sample.py", "ST007") not in narrowed and not any(p.startswith("old-") for p, _ in narrowed)
    # Only inside a git work tree does .gitignore count; --no-respect-gitignore reads everything again.
    (hub / ".git").mkdir()
    (hub / ".gitignore").write_text("fixtures/\n")
    assert ("pad/fixtures/sample.py", "ST007") not in findings()
    assert ("pad/fixtures/sample.py", "ST007") in findings("--no-respect-gitignore")
    # `exclude` replaces the defaults: node_modules is read again when the patterns do not name it.
    assert any("node_modules" in path for path, _ in findings("--exclude", "fixtures/"))


def test_reading_a_file_from_stdin(tmp_path: Path):
    """Editors and some hooks pipe the buffer: `check - --stdin-filename PATH`."""
    skill_md = EXAMPLES / "weather-report" / "SKILL.md"
    text = skill_md.read_text(encoding="utf-8").replace("name: weather-report", "name: Weather Report")
    done = subprocess.run([_exe(), "check", "-", "--stdin-filename", str(skill_md), "--format", "json"],
                          input=text, capture_output=True, text=True)
    report = json.loads(done.stdout)
    assert done.returncode == 1 and [d["rule"] for d in report["diagnostics"]] == ["FM007"]
    assert report["diagnostics"][0]["path"].endswith("weather-report/SKILL.md")
    assert skill_md.read_text(encoding="utf-8") != text  # nothing written
    new_script = EXAMPLES / "weather-report" / "scripts" / "unsaved.py"  # a file the skill does not have yet
    done = subprocess.run([_exe(), "check", "-", "--stdin-filename", str(new_script), "--select", "SC002"],
                          input="import os\nos.system(f'rm {path}')\n", capture_output=True, text=True)
    assert done.returncode == 0 and "unsaved.py:2:1: SC002" in done.stdout and not new_script.exists()
    missing = subprocess.run([_exe(), "check", "-"], input="x", capture_output=True, text=True)
    assert missing.returncode == 2 and "needs --stdin-filename" in missing.stderr


def test_watch_checks_again_when_a_file_changes(tmp_path: Path):
    import time

    from .conftest import write_skill

    root = write_skill(tmp_path / "log-summary", {"SKILL.md": "---\nname: log-summary\ndescription: Summarises "
                                                             "logs. Use when asked.\n---\n# Logs\nRead them.\n"})
    watcher = subprocess.Popen([_exe(), "check", "--watch", str(root)], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)

    def next_run() -> list[str]:
        lines = []
        while not (lines and lines[-1].startswith(("All checks passed", "Found "))):
            line = watcher.stdout.readline()
            assert line, "the watcher stopped"
            lines.append(line)
        return lines

    try:
        assert next_run()[-1].startswith("All checks passed")
        time.sleep(0.5)
        (root / "SKILL.md").write_text((root / "SKILL.md").read_text().replace("name: log-summary", "name: Logs"))
        second = next_run()
        assert any(": FM007 " in line for line in second) and second[-1].startswith("Found 1 problem")
        assert watcher.poll() is None  # still watching
    finally:
        watcher.terminate()
        watcher.wait(timeout=30)


def test_a_refused_command_line_changes_nothing(tmp_path: Path):
    """--watch --fix applied the fixes before saying --watch does not go with --fix."""
    from .conftest import write_skill

    root = write_skill(tmp_path / "log-summary", {"SKILL.md": "---\nname: Log Summary\ndescription: x\n---\n# x\n"})
    before = (root / "SKILL.md").read_text()
    for args in (["--watch", "--fix"], ["--watch", "--diff"]):
        done = subprocess.run([_exe(), "check", *args, str(root)], capture_output=True, text=True, timeout=120)
        assert done.returncode == 2 and "--watch re-checks files" in done.stderr and not done.stdout
        assert (root / "SKILL.md").read_text() == before
    mixed = subprocess.run([_exe(), "check", "-", str(root)], input="x", capture_output=True, text=True)
    assert mixed.returncode == 2 and "'-' (stdin) is the only path" in mixed.stderr


def test_fixing_leaves_excluded_skills_alone(tmp_path: Path):
    """`--fix` found skills without the configured exclusions that `check` applies."""
    from .conftest import write_skill

    hub = tmp_path / "hub"
    write_skill(hub / "vendored" / "demo-skill", {"SKILL.md": "---\nname: Demo Skill\ndescription: x\n---\n# x\n"})
    before = (hub / "vendored" / "demo-skill" / "SKILL.md").read_text()  # FM007 has a safe fix for it
    done = subprocess.run([_exe(), "check", "--fix", "--extend-exclude", "vendored/", str(hub)],
                          capture_output=True, text=True, timeout=120)
    assert (hub / "vendored" / "demo-skill" / "SKILL.md").read_text() == before, done.stderr
