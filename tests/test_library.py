"""Library rules over a hub scan: duplicate names, near copies, shadowing descriptions, the summed context."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from skvm_lint.config import Config
from skvm_lint.corpus import scan
from skvm_lint.library import description_words

from .conftest import write_skill

pytest.importorskip("datasketch")

BODY = """
## Steps
1. Read the input file named by the user and check that it exists.
2. Run `python3 scripts/convert.py INPUT OUTPUT` to convert it, then open the output and verify every page.
3. Report the number of pages converted, the output path and any warnings the converter printed.
"""


def _skill(root: Path, folder: str, name: str, description: str, body: str = BODY) -> None:
    write_skill(root / folder, {"SKILL.md": f"---\nname: {name}\ndescription: {description}\n---\n{body}"})


def _library(tmp_path: Path, config: Config | None = None) -> dict:
    hub = tmp_path / "hub"
    _skill(hub, "alice/pdf", "pdf", "Convert Word documents to PDF files. Use when asked for a PDF version.")
    _skill(hub, "bob/pdf", "pdf", "Fill PDF forms from JSON data. Use when a form must be completed.",
           body="\n## Use\nLoad the JSON, map fields with pypdf, write the filled form and flatten it.\n")
    # a renamed copy of alice's skill: same text, one line added
    _skill(hub, "carol/doc2pdf", "doc2pdf", "Convert Word documents to PDF files. Use when asked for a PDF version.",
           body=BODY + "4. Thank the user.\n")
    # different bodies, descriptions that claim the same job
    _skill(hub, "dan/csv-report", "csv-report", "Analyze CSV spreadsheets and produce summary reports with charts.",
           body="\n## Steps\n1. Load with pandas.\n2. Plot with matplotlib.\n")
    _skill(hub, "erin/sheet-stats", "sheet-stats",
           "Analyze CSV spreadsheets and create summary reports with charts and tables.",
           body="\n## How\nUse duckdb to aggregate; render tables in Markdown and a bar chart as SVG.\n")
    _skill(hub, "frank/weather", "weather", "Current weather and forecasts for a city from wttr.in.",
           body="\n## Steps\n1. `curl -s wttr.in/CITY?format=3`\n")
    out = tmp_path / "out"
    report = scan([str(hub)], out, config or Config(), jobs=1)
    assert report.library == out / "library.json"
    return json.loads(report.library.read_text(encoding="utf-8"))


def _names(paths: list[str]) -> list[str]:
    return [p.split("/hub/", 1)[1] for p in paths]


def test_library_facts_and_rules(tmp_path: Path) -> None:
    library = _library(tmp_path)
    assert library["skills"] == 6
    assert [(g["name"], _names(g["paths"])) for g in library["duplicate_names"]] == [("pdf", ["alice/pdf", "bob/pdf"])]
    assert [_names(c["paths"]) for c in library["near_duplicates"]] == [["alice/pdf", "carol/doc2pdf"]]
    # near copies are not also reported as shadowing; the CSV pair is, and nothing else
    assert [_names(c["paths"]) for c in library["shadowing"]] == [["dan/csv-report", "erin/sheet-stats"]]
    assert 0.6 <= library["shadowing"][0]["score"] < 1.0
    by_rule: dict[str, list[str]] = {}
    for d in library["diagnostics"]:
        by_rule.setdefault(d["rule"], []).append(_names([d["path"]])[0].removesuffix("/SKILL.md"))
        assert d["file"] == "SKILL.md" and d["line"] in (2, 3)  # the name or description line
    assert by_rule == {"LB001": ["alice/pdf", "bob/pdf"], "LB002": ["alice/pdf", "carol/doc2pdf"],
                       "LB003": ["dan/csv-report", "erin/sheet-stats"]}
    assert library["context"]["chars"] == sum(len(n) + len(d) for n, d in [
        ("pdf", "Convert Word documents to PDF files. Use when asked for a PDF version."),
        ("pdf", "Fill PDF forms from JSON data. Use when a form must be completed."),
        ("doc2pdf", "Convert Word documents to PDF files. Use when asked for a PDF version."),
        ("csv-report", "Analyze CSV spreadsheets and produce summary reports with charts."),
        ("sheet-stats", "Analyze CSV spreadsheets and create summary reports with charts and tables."),
        ("weather", "Current weather and forecasts for a city from wttr.in.")])


def test_context_budget_is_an_option(tmp_path: Path) -> None:
    library = _library(tmp_path, Config(rule_options={"LB004": {"budget_chars": 200}}))
    budget = [d for d in library["diagnostics"] if d["rule"] == "LB004"]
    assert len(budget) == 5 and "over the budget of 200" in budget[0]["message"]
    assert _names([budget[0]["path"]]) == ["erin/sheet-stats/SKILL.md"]  # the longest description first


def test_chinese_descriptions_have_words() -> None:
    """No spaces between CJK words: character pairs stand in for them, apart from Latin words."""
    assert description_words("分析每个CSV文件") == ["分析", "析每", "每个", "csv", "文件"]
    assert description_words("Use the skill to convert PDF files") == ["convert", "pdf", "files"]


def test_group_messages_name_three_and_count_the_rest() -> None:
    from skvm_lint.rule import LibraryRule

    paths = [f"s{i}" for i in range(6)]
    assert LibraryRule.others(paths, "s1") == "s0, s2, s3 and 2 more"
    assert LibraryRule.others(paths, "s5") == "s0, s1, s2 and 2 more"
    assert LibraryRule.others(["a", "b"], "a") == "b"


def test_library_json_is_the_document_json_would_write(tmp_path: Path) -> None:
    """library.json is written as the rules yield (a hub of copies has a diagnostic per skill); its bytes are
    still those of json.dumps of the whole document, with and without diagnostics."""
    for copies in (1, 3):
        hub = tmp_path / f"hub{copies}"
        for i in range(copies):
            write_skill(hub / f"s{i}", {"SKILL.md": "---\nname: pdf-tools\ndescription: Fill PDF forms and merge "
                                       "PDF files from the command line.\n---\n# PDF\n\nRun `pdftk a.pdf b.pdf "
                                       "cat output c.pdf`.\n"})
        report = scan([str(hub)], tmp_path / f"out{copies}", Config())
        text = report.library.read_text(encoding="utf-8")
        document = json.loads(text)
        assert text == json.dumps(document, ensure_ascii=False, indent=1) + "\n"
        assert len(document["diagnostics"]) == report.library_diagnostics == (0 if copies == 1 else 6)


def test_pinned_lsh_bands_are_datasketchs() -> None:
    """The scanning parent does not import datasketch (scipy) for its banding: the pinned values must be its own."""
    datasketch = pytest.importorskip("datasketch")
    from skvm_lint.library import LSH_BANDS, lsh_bands

    assert LSH_BANDS
    for threshold, permutations in LSH_BANDS:
        lsh = datasketch.MinHashLSH(threshold=threshold, num_perm=permutations)
        assert lsh_bands(threshold) == (lsh.b, lsh.r)
    lsh = datasketch.MinHashLSH(threshold=0.55, num_perm=64)
    assert lsh_bands(0.55) == (lsh.b, lsh.r)  # a threshold not pinned is asked of datasketch


def test_band_index_proposes_the_pairs_datasketch_would() -> None:
    """The buckets in SQLite replace datasketch's MinHashLSH for memory; the candidate pairs must not change."""
    np = pytest.importorskip("numpy")
    datasketch = pytest.importorskip("datasketch")
    from skvm_lint.library import _SCHEMA, PERMUTATIONS, SCHEME, _BandIndex

    rng = np.random.default_rng(7)
    base = rng.integers(0, 2**32, size=(40, PERMUTATIONS), dtype=np.uint64).astype("<u4")
    # near copies: each row shares a random part of its values with row (i // 4) * 4
    hashes = base.copy()
    for i in range(40):
        keep = rng.random(PERMUTATIONS) < rng.uniform(0.2, 1.0)
        hashes[i, keep] = base[(i // 4) * 4, keep]
    members = rng.random(40) < 0.9
    db = sqlite3.connect("")
    db.executescript(_SCHEMA)
    db.executemany("INSERT INTO prints VALUES (?, ?, NULL, 0, 0, ?, ?, '', x'')",
                   [(i, f"s{i}", row.tobytes(), row.tobytes()) for i, row in enumerate(hashes)])
    for kind, (threshold, column) in enumerate([(0.3, "minhash"), (0.8, "words_minhash")]):
        index = _BandIndex(db, kind, column, 40, threshold,
                           [(int(i), hashes[i].tobytes()) for i in np.flatnonzero(members)])
        lsh = datasketch.MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS)
        lean = [datasketch.LeanMinHash(seed=1, hashvalues=row, scheme=SCHEME) for row in hashes]
        for i in np.flatnonzero(members):
            lsh.insert(int(i), lean[i], check_duplication=False)
        for i in np.flatnonzero(members):
            assert set(index.candidates(int(i))) - {int(i)} == set(lsh.query(lean[i])) - {int(i)}
        assert all(index.candidates(int(i)) == [] for i in np.flatnonzero(~members))
        index.remove(0)
        assert all(0 not in index.candidates(int(i)) for i in range(40))


def test_library_step_does_not_import_scipy_or_numpy() -> None:
    """datasketch's package imports scipy (~55 MB resident) and numpy (~18 MB): the scanning parent's library step
    needs neither."""
    code = ("import sys\nfrom skvm_lint.library import Fingerprint, analyse\n"
            "prints = [Fingerprint(f's{i}', 'x', 10, 3, ('pdf',), bytes(256), bytes(256)) for i in range(3)]\n"
            "analyse(prints)\nprint(sorted(m for m in ('datasketch', 'scipy', 'numpy') if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
