"""Solidification: the analysis in `analyze`, and the extraction fix leaving a skill that lints no worse."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from skvm_lint.cli import main
from skvm_lint.config import Config
from skvm_lint.pipeline import process_skill
from skvm_lint.fix_engine import fix_skill
from skvm_lint.parsing.code import extract_facts
from skvm_lint.selection import select_rules

from .conftest import write_skill

SKILL = """---
name: case-skill
description: Converts and searches data. Use when asked to convert a CSV file or search the catalogue.
---
# Data

## Convert CSV

Save this as convert.py and run it, replacing <INPUT> with the file:

```python
import sys, csv, json
rows = list(csv.DictReader(open("<INPUT>")))
json.dump(rows, sys.stdout, indent=2)
```

## Search

```bash
curl -s "https://api.example.org/search?q={query}" | jq '.items[] | select(.name == "<NAME>")'
```

## Report

```bash
python3 {baseDir}/scripts/report.py data.json
```
"""


def _skill(tmp_path: Path) -> Path:
    return write_skill(tmp_path / "case-skill", {"SKILL.md": SKILL, "scripts/report.py": "print('report')\n"})


def test_analyze_lists_candidates_and_tokens(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["analyze", "--format", "json", str(_skill(tmp_path))])
    assert result.exit_code == 0, result.output
    output = json.loads(result.output)
    record = output[0] if isinstance(output, list) else output
    solid = record["solidification"]
    assert [(c["line"], c["language"]) for c in solid["candidates"]] == [(11, "python"), (19, "shell")]
    assert [p["placeholder"] for p in solid["candidates"][1]["parameters"]] == ["{query}", "<NAME>"]
    assert solid["tokens_per_run"] > solid["tokens_per_run_after_extraction"] > 0


def test_extraction_parses_and_lints_no_worse(tmp_path: Path) -> None:
    root = _skill(tmp_path)
    everything = tuple(rule.id for rule in select_rules(["ALL"]))
    before = process_skill(str(root), False, everything, Config()).diagnostics
    report = fix_skill(str(root), ("SO001",), Config(), unsafe=True)
    assert len(report.applied) == 2, report
    created = sorted(p.relative_to(root).as_posix() for p in (root / "scripts").iterdir())
    assert created == ["scripts/convert-csv.py", "scripts/report.py", "scripts/search.sh"]
    for rel, language in (("scripts/convert-csv.py", "python"), ("scripts/search.sh", "shell")):
        source = (root / rel).read_text(encoding="utf-8")
        assert not extract_facts(source, language, rel).syntax_errors
        assert (root / rel).stat().st_mode & 0o100, "extracted scripts are executable"
    compile((root / "scripts/convert-csv.py").read_text(encoding="utf-8"), "convert-csv.py", "exec")  # parses only
    after = process_skill(str(root), False, everything, Config()).diagnostics
    errors = lambda diags: [d for d in diags if d.severity.name == "ERROR"]  # noqa: E731
    assert len(errors(after)) <= len(errors(before)), [d.message for d in errors(after)]
    assert not [d for d in after if d.rule in ("ST004", "ST007", "SO001")], [d.message for d in after]


def test_diff_shows_the_new_file_and_writes_nothing(tmp_path: Path) -> None:
    root = _skill(tmp_path)
    original = (root / "SKILL.md").read_text(encoding="utf-8")
    report = fix_skill(str(root), ("SO001",), Config(), unsafe=True, diff_only=True)
    assert any("/dev/null" in d and "convert-csv.py" in d for d in report.diffs)
    assert (root / "SKILL.md").read_text(encoding="utf-8") == original
    assert not (root / "scripts/convert-csv.py").exists()


def test_a_script_that_cannot_be_written_drops_its_whole_fix(tmp_path: Path, monkeypatch) -> None:
    import skvm_lint.fix_engine as apply

    root = _skill(tmp_path)
    real_write = apply.atomic_write

    def failing_write(path: Path, text: str) -> None:
        if path.name == "convert-csv.py":
            raise OSError(28, "No space left on device")
        real_write(path, text)

    monkeypatch.setattr(apply, "atomic_write", failing_write)
    report = fix_skill(str(root), ("SO001",), Config(), unsafe=True)
    skill_md = (root / "SKILL.md").read_text(encoding="utf-8")
    assert "convert-csv.py" not in skill_md and 'open("<INPUT>")' in skill_md  # that fence is untouched
    assert "scripts/search.sh" in skill_md  # the other extraction went through
    assert any("not created" in line for line in report.skipped), report.skipped
