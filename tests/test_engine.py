"""Selection, configuration, suppressions, baselines, internal errors and parallel runs."""

from __future__ import annotations

import ast
import os
import time
from pathlib import Path

import pytest

from skvm_lint.baseline import write_baseline
from skvm_lint.config import Config, ConfigError, load_config
from skvm_lint.diagnostics import Severity
from skvm_lint.engine import run
from skvm_lint.pipeline import process_skill
from skvm_lint.builder import build_skill
from skvm_lint.diagnostics import Applicability, Fix, Replace
from skvm_lint.rule import Rule, RuleEntry, RuleError, all_rules, rule_by_id, rule_index
from skvm_lint.selection import select_rules

DESCRIPTION = "Checks things. Use when asked to check things."
BAD = f"---\ndescription: {DESCRIPTION}\n---\n# Body\n"  # FM004 only


def ids(rules):
    return [r.id for r in rules]


def test_selection_by_id_prefix_name_and_group():
    assert ids(select_rules(["FM004"])) == ["FM004"]
    assert ids(select_rules(["name-missing"])) == ["FM004"]
    # a prefix names every rule under it, opt-in ones included
    assert set(ids(select_rules(["FM"]))) == {r.id for r in all_rules() if r.id.startswith("FM")} >= {"FM001", "FM012"}
    assert "ST001" in ids(select_rules(["structure"])) and "FM001" not in ids(select_rules(["structure"]))
    assert "FM004" not in ids(select_rules(None, ignore=["FM004"]))
    assert ids(select_rules(["FM"], ignore=["FM0"])) == []
    with pytest.raises(ValueError, match="unknown rule, prefix or group 'XX999'"):
        select_rules(["XX999"])


def test_opt_in_rules_need_a_selector(monkeypatch):
    class OptIn(Rule):
        """Opt-in demo.

        ## What it does
        x
        ## Why it matters
        x
        ## Example
        x
        ## Fix
        x
        """
        id = "ZZ001"
        name = "opt-in-demo"
        groups = ("demo",)
        default_enabled = False

    entry = RuleEntry(OptIn.id, OptIn.name, OptIn.groups, OptIn.default_enabled, "ZZ001_opt_in_demo.py")
    monkeypatch.setattr("skvm_lint.selection.rule_index", lambda: (*rule_index(), entry))
    monkeypatch.setattr("skvm_lint.selection.rule_by_id", lambda key: OptIn if key == "ZZ001" else rule_by_id(key))
    assert "ZZ001" not in ids(select_rules())
    assert "ZZ001" in ids(select_rules(None, extend_select=["demo"]))


def test_the_rule_index_is_the_rules_metadata_and_a_selection_imports_only_its_rules(tmp_path: Path):
    """The index read from the user's cache says what all_rules would; with it, `--select FM` imports FM rules only
    (the first run writes it; a damaged one is rebuilt)."""
    import subprocess
    import sys

    assert [(e.id, e.name, e.groups, e.default_enabled, e.file) for e in rule_index()] == \
        [(r.id, r.name, tuple(r.groups), r.default_enabled, Path(r.source).name) for r in all_rules()]
    root = tmp_path / "hub" / "s1"
    root.mkdir(parents=True)
    (root / "SKILL.md").write_text(BAD)
    code = ("import sys\nfrom skvm_lint.cli import main\nsys.argv = ['skvm-lint', 'check', '--select', 'FM', "
            "sys.argv[1]]\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted({m.split('.')[1][:2] for m in sys.modules if m.startswith('skvm_lint_rules.')}))\n")
    env = {**os.environ, "SKVM_LINT_CACHE_DIR": str(tmp_path / "cache")}

    def families_imported() -> set[str]:
        done = subprocess.run([sys.executable, "-c", code, str(root)], capture_output=True, text=True, env=env,
                              check=False)
        assert "FM004" in done.stdout, done.stdout + done.stderr[-2000:]
        return set(ast.literal_eval(done.stdout.strip().splitlines()[-1]))

    # indexes of rule files as they were before: one written 40 days ago is removed when the index is rebuilt,
    # one of yesterday (another install may still use it) is kept
    (tmp_path / "cache").mkdir()
    stale, recent = tmp_path / "cache" / "rule-index-00000000.json", tmp_path / "cache" / "rule-index-11111111.json"
    for old, days in ((stale, 40), (recent, 1)):
        old.write_text("{}", encoding="utf-8")
        os.utime(old, (time.time() - days * 86400,) * 2)
    assert families_imported() > {"FM"}  # no index yet: every rule is imported to write it
    assert not stale.exists() and recent.exists()
    [index] = set((tmp_path / "cache").glob("rule-index-*.json")) - {recent}
    assert families_imported() == {"FM"}
    index.write_text("{damaged", encoding="utf-8")
    assert families_imported() > {"FM"} and families_imported() == {"FM"}  # rebuilt, then used


def test_config_file_and_per_path_ignores(tmp_path: Path, make_skill, monkeypatch):
    root = make_skill({"SKILL.md": BAD})
    (tmp_path / "pyproject.toml").write_text(
        '[tool.skvm-lint]\nfail-on = "warning"\nignore = ["FM006"]\n'
        '[tool.skvm-lint.per-path-ignores]\n"case-skill/**" = ["FM004"]\n')
    monkeypatch.chdir(tmp_path)
    config = load_config()
    assert config.fail_on == Severity.WARNING and config.ignore == ("FM006",)
    result = run(["case-skill"], config)
    assert result.diagnostics == []
    assert [d.rule for d in run([str(root)], Config()).diagnostics] == ["FM004"]


@pytest.mark.parametrize("selectors", [["FM004"], ["name-missing"], ["frontmatter"], ["ALL"]])
def test_per_path_ignores_take_every_kind_of_selector(tmp_path: Path, make_skill, monkeypatch, selectors):
    """Groups and ALL used to be dropped silently in per-path ignores: the one matcher serves them too."""
    make_skill({"SKILL.md": BAD})
    (tmp_path / ".skvm-lint.toml").write_text(f'[per-path-ignores]\n"case-skill/**" = {selectors!r}\n'
                                              .replace("'", '"'))
    monkeypatch.chdir(tmp_path)
    assert run(["case-skill"], load_config()).diagnostics == []


def test_unknown_rule_in_per_path_ignores_is_an_error(tmp_path: Path, make_skill, monkeypatch):
    make_skill({"SKILL.md": BAD})
    (tmp_path / ".skvm-lint.toml").write_text('[per-path-ignores]\n"case-skill/**" = ["FM9999"]\n')
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ValueError, match=r"per-path-ignores 'case-skill/\*\*': unknown rule.*'FM9999'"):
        run(["case-skill"], load_config())


def test_suppression_by_group(make_skill):
    root = make_skill({"SKILL.md": "<!-- skvm-lint: disable-file=frontmatter -->\n" + BAD})
    assert process_skill(str(root), False, ("FM004",), Config()).diagnostics == []


def test_config_errors_name_the_file(tmp_path: Path):
    bad = tmp_path / ".skvm-lint.toml"
    bad.write_text("selekt = ['FM']\n")
    with pytest.raises(ConfigError, match=r"\.skvm-lint\.toml: unknown setting\(s\) selekt"):
        load_config(bad)
    bad.write_text("select = [\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(bad)


@pytest.mark.parametrize("comment, suppressed", [
    ("<!-- skvm-lint: disable=FM004 -->\n", False),  # a region opened after the finding's line
    ("", False),
])
def test_markdown_region_after_finding_does_not_suppress(make_skill, comment, suppressed):
    root = make_skill({"SKILL.md": BAD + comment})
    assert bool(process_skill(str(root), False, ("FM004",), Config()).diagnostics) is not suppressed


def test_inline_suppressions(make_skill):
    yaml_comment = "---\n# skvm-lint: disable-next-line=FM006\ndescription:\nname: case-skill\n---\n"
    root = make_skill({"SKILL.md": yaml_comment})
    assert process_skill(str(root), False, ("FM006",), Config()).diagnostics == []
    md_file = "---\nname: [a]\ndescription: x\n---\n<!-- skvm-lint: disable-file=name-not-string -->\n"
    root2 = make_skill({"SKILL.md": md_file}, name="other")
    assert process_skill(str(root2), False, ("FM005",), Config()).diagnostics == []


def test_baseline_accepts_existing_findings_only(tmp_path: Path, make_skill):
    root = make_skill({"SKILL.md": BAD})
    first = run([str(root)], Config())
    baseline = tmp_path / "baseline.json"
    assert write_baseline(first.diagnostics, baseline) == 1
    again = run([str(root)], Config(baseline=baseline))
    assert again.diagnostics == [] and again.baseline_accepted == 1
    (root / "SKILL.md").write_text("\n\n" + BAD.replace(f"description: {DESCRIPTION}", "description:"))  # shifted + new
    shifted = run([str(root)], Config(baseline=baseline))
    assert [d.rule for d in shifted.diagnostics] == ["FM001"]


def test_a_failing_rule_becomes_an_internal_error(make_skill, monkeypatch):
    root = make_skill({"SKILL.md": BAD})
    rule = next(r for r in all_rules() if r.id == "FM004")
    monkeypatch.setattr(rule, "check", lambda self, skill, ctx: 1 / 0)
    result = process_skill(str(root), False, ("FM004", "FM006"), Config())
    assert [(d.rule, d.severity) for d in result.diagnostics] == [("IN001", Severity.ERROR)]
    assert "ZeroDivisionError" in result.diagnostics[0].message


def test_parallel_run_equals_serial_run(tmp_path: Path):
    for i in range(40):
        skill = tmp_path / "hub" / f"s{i:02d}"
        skill.mkdir(parents=True)
        (skill / "SKILL.md").write_text(BAD if i % 3 else f"---\nname: s{i:02d}\ndescription: {DESCRIPTION}\n---\nDo it.\n")
    serial = run([str(tmp_path / "hub")], Config(), jobs=1)
    parallel = run([str(tmp_path / "hub")], Config(), jobs=2)
    key = lambda r: sorted((d.path, d.rule, d.line) for d in r.diagnostics)  # noqa: E731
    assert key(serial) == key(parallel) and len(serial.diagnostics) == 26


def test_a_serial_run_collects_garbage_less_often_and_restores_the_callers_setting(tmp_path: Path):
    import gc

    from skvm_lint.collector import RUN_THRESHOLDS
    from skvm_lint.runners import map_tasks

    for i in range(3):
        skill = tmp_path / "hub" / f"s{i}"
        skill.mkdir(parents=True)
        (skill / "SKILL.md").write_text(BAD)
    tasks = [(str(p), False, ("FM004",), Config(), False) for p in sorted((tmp_path / "hub").iterdir())]
    before = gc.get_threshold()
    during = []
    for result in map_tasks(tasks, 1):
        during.append(gc.get_threshold())
        assert [d.rule for d in result.diagnostics] == ["FM004"]
    assert during == [RUN_THRESHOLDS] * 3 and gc.get_threshold() == before
    results = map_tasks(tasks, 1)
    next(results)
    results.close()  # a caller that stops reading gets its setting back too
    assert gc.get_threshold() == before


def test_a_pool_reads_its_tasks_as_it_goes(tmp_path: Path):
    """A hub scan hands map_tasks a generator (read from SQLite) and a count: the pool takes tasks as chunks are
    submitted, a bounded window ahead of the results, never the whole list first; the results keep the order."""
    from skvm_lint.runners import CHUNKS_IN_FLIGHT_PER_WORKER, _chunk_size, map_tasks

    roots = []
    for i in range(200):
        skill = tmp_path / "hub" / f"s{i:03d}"
        skill.mkdir(parents=True)
        (skill / "SKILL.md").write_text(BAD)
        roots.append(str(skill))
    pulled = 0

    def tasks():
        nonlocal pulled
        for root in roots:
            pulled += 1
            yield (root, False, ("FM004",), Config(), False)

    results = map_tasks(tasks(), 2, len(roots))
    first = next(results)
    ahead = 2 * CHUNKS_IN_FLIGHT_PER_WORKER * _chunk_size(len(roots), 2)
    assert first.root == roots[0] and pulled <= ahead < len(roots)
    assert [r.root for r in results] == roots[1:] and pulled == len(roots)


def test_a_crashing_worker_costs_one_skill_not_the_run(tmp_path: Path, monkeypatch):
    """A native crash (simulated with os._exit in the worker) becomes IN001 for that skill; the rest are checked."""
    import os

    import skvm_lint.pipeline as pipeline

    for i in range(40):
        skill = tmp_path / "hub" / f"s{i:02d}"
        skill.mkdir(parents=True)
        (skill / "SKILL.md").write_text(BAD)
    real = pipeline.process_skill

    def crashy(root, *args, **kwargs):
        if root.endswith("s07"):
            os._exit(139)  # what a segfault in a parser looks like to the pool
        return real(root, *args, **kwargs)

    monkeypatch.setattr(pipeline, "process_skill", crashy)
    result = run([str(tmp_path / "hub")], Config(), jobs=2)
    by_root = {Path(s.root).name: [d.rule for d in s.diagnostics] for s in result.skills}
    assert len(by_root) == 40 and by_root["s07"] == ["IN001"]
    assert all(rules == ["FM004"] for name, rules in by_root.items() if name != "s07")
    assert [Path(s.root).name for s in result.skills] == sorted(by_root)  # input order kept


class _FixingRule(Rule):
    """Demo rule with a fix.

    ## What it does
    x
    ## Why it matters
    x
    ## Example
    x
    ## Fix
    x
    """
    id = "ZZ002"
    name = "fixing-demo"
    fix_safety = "safe"
    applicability = Applicability.SAFE

    def check(self, skill, ctx):
        fix = Fix("say hello", (Replace(skill.skill_md_path, 0, 0, "<!-- hello -->\n"),), self.applicability)
        yield self.report(skill, skill.skill_md_path, "demo", fix=fix)


def test_a_fix_must_have_the_applicability_its_rule_declares(make_skill):
    root = make_skill({"SKILL.md": BAD})
    skill = build_skill(str(root))
    assert [d.fix.safe for d in _FixingRule().check(skill, None)] == [True]
    unsafe = type("Unsafe", (_FixingRule,), {"applicability": Applicability.UNSAFE})
    with pytest.raises(RuleError, match="ZZ002 made a fix of applicability unsafe, but declares fix_safety = 'safe'"):
        list(unsafe().check(skill, None))


def test_display_only_fixes_are_shown_never_applied(make_skill, monkeypatch):
    import skvm_lint.fix_engine as fix_engine

    root = make_skill({"SKILL.md": BAD})
    shown = type("Shown", (_FixingRule,), {"applicability": Applicability.DISPLAY_ONLY,
                                           "fix_safety": "display-only"})
    monkeypatch.setattr(fix_engine, "check_model", lambda skill, ids, config: list(shown().check(skill, None)))
    assert fix_engine.fix_skill(str(root), ("ZZ002",), Config(), unsafe=True).applied == []
    assert (root / "SKILL.md").read_text() == BAD
    diff = fix_engine.fix_skill(str(root), ("ZZ002",), Config(), diff_only=True).diffs
    assert len(diff) == 1 and "+<!-- hello -->" in diff[0]


def test_rule_options_are_declared_typed_and_documented(tmp_path: Path, make_skill, monkeypatch):
    """Options used to be an untyped dict read ad hoc: a typo was silently ignored and `explain` did not list them."""
    from click.testing import CliRunner

    from skvm_lint.cli import main

    explained = CliRunner().invoke(main, ["explain", "FM010"]).output
    assert "## Options" in explained and "`allow` (list of strings, default `[]`)" in explained
    make_skill({"SKILL.md": "---\nname: case-skill\ndescription: Does a thing.\nmy-key: 1\n---\n"})
    monkeypatch.chdir(tmp_path)
    config = tmp_path / ".skvm-lint.toml"
    config.write_text('[rules.FM010]\nallow = ["my-key"]\n')
    assert [d.rule for d in run(["case-skill"], load_config()).diagnostics if d.rule == "FM010"] == []
    for body, error in [('[rules.FM010]\nalow = ["x"]\n', r"FM010 has no option 'alow' \(its options: allow\)"),
                        ('[rules.FM010]\nallow = "my-key"\n', r"allow = 'my-key': expected `allow` \(list of strings"),
                        ('[rules.FM999]\nallow = []\n', r"\[rules.FM999\]: unknown rule")]:
        config.write_text(body)
        with pytest.raises(ValueError, match=error):
            run(["case-skill"], load_config())


def test_jobs_from_the_config_file_is_used(tmp_path: Path, make_skill, monkeypatch):
    """`jobs` was accepted in the config and never read."""
    import skvm_lint.engine as engine

    make_skill({"SKILL.md": BAD})
    (tmp_path / ".skvm-lint.toml").write_text("jobs = 3\n")
    monkeypatch.chdir(tmp_path)
    used = []
    real = engine.map_tasks
    monkeypatch.setattr(engine, "map_tasks", lambda tasks, jobs: used.append(jobs) or real(tasks, 1))
    run(["case-skill"], load_config())
    assert used == [3]
    (tmp_path / ".skvm-lint.toml").write_text('jobs = "many"\n')
    with pytest.raises(ConfigError, match="`jobs` must be a whole number"):
        load_config()


def test_a_configured_registry_layout(tmp_path: Path, make_skill, monkeypatch):
    """Hubs name their copies differently: `registry-layout` says how (FM008 compares the copy's own name)."""
    make_skill({"SKILL.md": "---\nname: pdf-tools\ndescription: Merges PDFs.\n---\n# PDF\n",
                "README.md": "Mirrored from acme/skills.\n"}, name="acme__skills__pdf-tools")
    monkeypatch.chdir(tmp_path)
    assert [d.rule for d in run(["acme__skills__pdf-tools"], Config()).diagnostics if d.rule == "FM008"] == ["FM008"]
    (tmp_path / ".skvm-lint.toml").write_text('registry-layout = "{owner}__{repo}__{name}"\nselect = ["FM008"]\n')
    assert run(["acme__skills__pdf-tools"], load_config()).diagnostics == []
    (tmp_path / ".skvm-lint.toml").write_text('registry-layout = "{owner}-{name}"\n')
    with pytest.raises(ConfigError, match=r"registry-layout.*\{owner\}, \{repo\} and \{name\}"):
        load_config()


@pytest.mark.parametrize("files", [8, 80])  # a few names (found where they occur) and many (every word listed)
def test_orphan_file_index_finds_every_word_that_can_name_a_file(files: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """ST007 reads only the path words that hold one of the skill's names; they must include every word whose last
    component is a name, whichever way they are found, in any script (CJK letters are word characters too)."""
    index_class = rule_by_id("ST007").__module__
    module = __import__("sys").modules[index_class]
    paths = [f"scripts/tool{n}.py" for n in range(files)] + ["references/api.md", "assets/日本/図.png"]
    index = module._FileIndex(paths)
    text = ("Run `python scripts/tool1.py --in x` then [api](references/api.md). 请运行scripts/tool2.py脚本, "
            "see ./assets/日本/ and tool3.py. Also ../references/api.md... and scripts/ and a/b/tool4.py.")
    wanted = {word for word in module.PATH_WORD.findall(text)
              if word.rstrip(".").strip("/").split("/")[-1] in index.last_parts}
    assert wanted <= index.words_naming_parts(text)
    found = index.mentioned_by("SKILL.md", text)
    assert {"scripts/tool1.py", "scripts/tool2.py", "references/api.md", "assets/日本/図.png"} <= found
    monkeypatch.setattr(module, "FEW_NAMES", -1)  # every word listed: the same files
    assert index.mentioned_by("SKILL.md", text) == found
