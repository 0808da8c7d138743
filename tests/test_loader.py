"""Discovery and safe reading: nested skills, files mapped to skills, symlinks, special files, limits."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

import skvm_lint
from skvm_lint.exclusion import Exclusion
from skvm_lint.limits import Limits
from skvm_lint.loader import discover, iter_skills, list_files

OK = "---\nname: {name}\ndescription: x\n---\n"


def test_discovers_hub_layouts_and_nested_skills(tmp_path: Path):
    (tmp_path / "hub/alice/pdf").mkdir(parents=True)
    (tmp_path / "hub/alice/pdf/SKILL.md").write_text(OK.format(name="pdf"))
    (tmp_path / "hub/bob/bundle/inner").mkdir(parents=True)
    (tmp_path / "hub/bob/bundle/SKILL.md").write_text(OK.format(name="bundle"))
    (tmp_path / "hub/bob/bundle/inner/SKILL.md").write_text(OK.format(name="inner"))
    (tmp_path / "hub/carol/empty/scripts").mkdir(parents=True)
    (tmp_path / "hub/carol/empty/_meta.json").write_text("{}")
    (tmp_path / "hub/node_modules/x").mkdir(parents=True)
    (tmp_path / "hub/node_modules/x/SKILL.md").write_text(OK.format(name="x"))
    roots, missing = discover([tmp_path / "hub"])
    assert sorted(Path(r).name for r in roots) == ["bundle", "inner", "pdf"]
    assert [Path(m).name for m in missing] == ["empty"]
    # The outer skill does not swallow the inner skill's files.
    outer = skvm_lint.load(tmp_path / "hub/bob/bundle")
    assert [f.path for f in outer.files] == ["SKILL.md"]


def test_files_map_to_their_skill(tmp_path: Path):
    (tmp_path / "s/scripts").mkdir(parents=True)
    (tmp_path / "s/SKILL.md").write_text(OK.format(name="s"))
    (tmp_path / "s/scripts/a.py").write_text("print(1)\n")
    (tmp_path / "README.md").write_text("# not in a skill\n")
    roots, missing = discover([tmp_path / "s/scripts/a.py", tmp_path / "s/SKILL.md", tmp_path / "README.md"])
    assert roots == [str(tmp_path / "s")] and missing == []


def test_missing_path_is_a_clear_error(tmp_path: Path):
    with pytest.raises(FileNotFoundError, match="no such file or folder"):
        discover([tmp_path / "nope"])


def test_symlinks_never_leave_the_skill(make_skill, tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOKEN=abc\n")
    root = make_skill({"SKILL.md": OK.format(name="case-skill"), "references/a.md": "# a\n"})
    os.symlink(secret, root / "references/leak.md")
    os.symlink(root / "references", root / "refs-again")  # a folder link inside the skill: not read twice
    os.symlink(tmp_path, root / "up")
    skill = skvm_lint.load(root)
    assert "references/leak.md" not in [f.path for f in skill.files]
    assert {i.kind for i in skill.load_issues} == {"symlink-escape"}
    assert all("TOKEN" not in (f.text or "") for f in skill.files)


def test_special_files_are_not_opened(make_skill):
    root = make_skill({"SKILL.md": OK.format(name="case-skill")})
    os.mkfifo(root / "fifo.md")
    skill = skvm_lint.load(root)  # would hang forever if the FIFO were opened
    assert [i.kind for i in skill.load_issues] == ["special-file"]


def test_capped_file_reports_what_was_not_read(make_skill):
    root = make_skill({"SKILL.md": OK.format(name="case-skill"), "scripts/big.sh": "\n" * 5000 + "curl x | sh\n"})
    skill = skvm_lint.load(root, config=None)
    assert not skill.load_issues
    from skvm_lint.config import Config

    capped = skvm_lint.load(root, Config(limits=Limits(max_file_bytes=1000)))
    issue = next(i for i in capped.load_issues if i.kind == "capped")
    assert "only the first 1,000" in issue.message and capped.file("scripts/big.sh").truncated


def test_file_count_limit(make_skill):
    files = {f"assets/{i}.txt": "x" for i in range(30)}
    root = make_skill({"SKILL.md": OK.format(name="case-skill"), **files})
    from skvm_lint.config import Config

    skill = skvm_lint.load(root, Config(limits=Limits(max_files=10)))
    assert [i.kind for i in skill.load_issues] == ["skill-capped"]
    assert len(skill.files) == 31 and sum(1 for f in skill.files if f.text is not None) == 10


def test_utf16_and_nul_bytes(make_skill):
    root = make_skill({"SKILL.md": "---\nname: case-skill\ndescription: x\n---\n".encode("utf-16"),
                       "scripts/x.py": b"print(1)\x00\x00"})
    skill = skvm_lint.load(root)
    assert skill.frontmatter.data == {"name": "case-skill", "description": "x"}
    kinds = sorted(i.kind for i in skill.load_issues)
    assert kinds == ["binary", "encoding"]


def test_display_path_answers_as_relpath_does(tmp_path, monkeypatch):
    """display_path skips relpath where the answer is plain; it must give relpath's answer everywhere."""
    from skvm_lint.loader import display_path

    def by_relpath(path: str) -> str:
        rel = os.path.relpath(path)
        return path if rel.startswith("..") else rel

    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    here = str(deep)
    cases = ["x", "x/y", ".", "..", "../x", "../..", "../../x", "../" * 40 + "x", here, here + "/x", here + "x/y",
             str(tmp_path), "/", here + "/", "x//y", "./x", here + "/./y", here + "/x/../y", "/tmp/elsewhere"]
    for folder in (here, "/", str(tmp_path)):
        monkeypatch.chdir(folder)
        for path in cases:
            assert display_path(path) == by_relpath(path), (folder, path)


def test_plain_name_patterns_match_as_gitignore_does():
    """Exclude patterns that are plain names are matched as sets of names (a hub walk asks for every folder); the
    answer must be pathspec's gitignore answer, and patterns that are not plain names must still reach pathspec."""
    from skvm_lint.exclusion import DEFAULT_EXCLUDE, _compiled, _literal_names, _name_excluded

    names = ["node_modules/", "node_modules", "build/", "build", "dist/", "dist", "x.log", "site-packages/",
             ".eggs/", ".eggs", "scripts/", "SKILL.md", "Build/", "node_modules.bak/", "a.b-c_d/", "."]
    literal_sets = [DEFAULT_EXCLUDE, ("build", "dist/"), ("build/", "# comment", "", "  ")]
    for patterns in literal_sets:
        assert _literal_names(patterns) is not None, patterns
    gitignore_sets = [("*.log",), ("build/", "!build/"), ("docs/build/",), ("/dist",), ("[Bb]uild/",), (".",),
                      (" dist ",), ("dist ",)]
    for patterns in gitignore_sets:
        assert _literal_names(patterns) is None, patterns
    for patterns in literal_sets + gitignore_sets:
        for name in names:
            assert _name_excluded(patterns, name) == _compiled(patterns).match_file(name), (patterns, name)


def test_a_repository_inside_a_hub_has_its_gitignore_respected(tmp_path: Path):
    """The walk tells exclusion which folders hold `.git` as it lists them: a repository met below the hub's top
    (not above it) still has its `.gitignore` applied, and only inside it."""
    hub = tmp_path / "hub"
    for skill in ("repo/skills/a", "repo/build/b", "plain/build/c"):
        (hub / skill).mkdir(parents=True)
        (hub / skill / "SKILL.md").write_text(OK.format(name=Path(skill).name))
    (hub / "repo/.git").mkdir()
    (hub / "repo/.gitignore").write_text("build/\n")
    roots, _missing = discover([hub])
    assert sorted(Path(r).name for r in roots) == ["a", "c"]


def test_the_search_lists_each_skill_as_a_second_listing_would(tmp_path: Path):
    """A hub scan signs each skill from the listings its search made: they must be what listing the skill again
    gives, for nested skills, archives, symlinks, node_modules and folders the search does not enter."""
    hub = tmp_path / "hub"
    for folder in ["a/scripts/lib", "a/inner/refs", "a/node_modules/pkg", "a/.git", "a/build", "b", "c/d", "c-e"]:
        (hub / folder).mkdir(parents=True)
    for skill in ["a", "a/inner", "b", "c/d", "c-e"]:
        (hub / skill / "SKILL.md").write_text(OK.format(name=Path(skill).name))
    for file in ["a/scripts/lib/x.py", "a/inner/refs/r.md", "a/node_modules/pkg/index.js", "a/.git/HEAD",
                 "a/build/out.txt", "a/.DS_Store", "c/notes.md"]:
        (hub / file).write_text("x\n")
    (hub / "a/.gitignore").write_text("build/\n")
    (hub / "a/link").symlink_to(tmp_path)  # a folder symlink is an entry, never entered
    with zipfile.ZipFile(hub / "c/packed.skill", "w") as archive:  # a skill in an archive
        archive.writestr("packed/SKILL.md", OK.format(name="packed"))
    listed = list(iter_skills([hub], Exclusion(), with_files=True))
    # found in the search's order (the enclosing skill before its nested one), each yielded once
    assert [Path(root).relative_to(hub).as_posix() for root, _missing, _files in listed] == \
        ["a", "a/inner", "b", "c/packed.skill", "c/d", "c-e"]
    assert [root for root, _m, _f in listed] == discover([hub])[0]
    for root, _missing, files in listed:
        assert files == list_files(root), root
    a_files = dict(listed[0][2])
    assert {"inner/refs/r.md", "node_modules/pkg/index.js", "build/out.txt", ".DS_Store", "link"} <= set(a_files)
    assert ".git/HEAD" not in a_files
