"""The layers of docs/architecture.md hold: import-linter's contract (pyproject.toml) over the package, and the same
wall for the rule files in rules/, which live outside the package and so outside import-linter's view."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# What a rule may import: the model and its facts, the analyses, the rule framework, fix builders and views.
# Never the pipeline, runners, engine, reporters, the CLI or anything that opens files for it.
RULE_MAY_IMPORT = ("skvm_lint.rule", "skvm_lint.diagnostics", "skvm_lint.model", "skvm_lint.analyses",
                   "skvm_lint.fixes", "skvm_lint.views", "skvm_lint.spec", "skvm_lint.tokens", "skvm_lint.profiles",
                   "skvm_lint.escape", "skvm_lint.library", "skvm_lint.vocabulary", "skvm_lint.lazy_re",
                   "skvm_lint.security_rule")


def test_import_layers_contract():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint_imports), "--config", str(ROOT / "pyproject.toml")], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
    return found


def test_rules_import_only_the_framework_and_facts():
    wrong = [f"rules/{path.name}:{line}: {module}"
             for path in sorted((ROOT / "rules").glob("*.py"))
             for line, module in _imports(path)
             if module.startswith("skvm_lint") and not module.startswith(RULE_MAY_IMPORT)]
    assert not wrong, "rules import above the rule framework:\n" + "\n".join(wrong)


def _fences(markdown: str) -> list[tuple[str, str]]:
    from markdown_it import MarkdownIt

    return [(t.info.strip(), t.content) for t in MarkdownIt("commonmark").parse(markdown) if t.type == "fence"]


def test_the_worked_example_in_architecture_md_adds_a_rule(tmp_path, monkeypatch):
    """Follow docs/architecture.md: its rule file and its cases, added to a copy of rules/, make a working rule."""
    import shutil

    from ruamel.yaml import YAML

    import skvm_lint.rule as rule_module
    from skvm_lint.config import Config
    from skvm_lint.pipeline import process_skill

    from .conftest import write_skill

    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    fences = _fences(page)
    code = next(text for info, text in fences if info == "python" and "class " in text and "def check" in text)
    cases = next(text for info, text in fences if info == "yaml" and text.startswith("rule:"))
    rule_id = YAML(typ="safe").load(cases)["rule"]
    assert not (ROOT / "tests" / "rule_cases" / f"{rule_id}.yaml").exists(), "the example must use an unused id"
    assert not any(p.name.startswith(rule_id) for p in (ROOT / "rules").iterdir())
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    (rules / f"{rule_id}_worked_example.py").write_text(code, encoding="utf-8")
    monkeypatch.setattr(rule_module, "rules_dir", lambda: rules)
    rule_module.forget_rules()
    try:
        assert rule_module.rule_by_id(rule_id) is not None
        for index, case in enumerate(YAML(typ="safe").load(cases)["cases"]):
            root = write_skill(tmp_path / f"case{index}" / "case-skill", case["files"])
            found = process_skill(str(root), False, (rule_id,), Config()).diagnostics
            assert sorted(d.line for d in found if d.rule == rule_id) == case["expect"], [d.message for d in found]
    finally:
        rule_module.forget_rules()
