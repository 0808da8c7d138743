"""The parsers build the model with correct spans: frontmatter keys, Markdown structure, code facts."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st
import pytest

import skvm_lint
from skvm_lint.builder import build_skill
from skvm_lint.limits import Limits
from skvm_lint.parsing.frontmatter import find_block, parse_frontmatter
from skvm_lint.parsing.code import extract_facts, language_for_path
from skvm_lint.parsing.markdown import parse_markdown
from skvm_lint.selection import select_rules

from .conftest import write_skill

SKILL = """---
name: demo
description: >-
  Demo skill.
metadata: {"openclaw": {"requires": {"bins": ["jq"]}}}
---

# Demo

Intro with `inline` code and a [link](references/api.md) and ![img](assets/a.png).

<!-- hidden note -->

## Steps

1. First step
   ```bash
   curl -s https://api.example.com/x | jq '.items[]'
   ```
2. Second step
   - nested bullet
3. Third

| col | val |
|-----|-----|
| a   | 1   |

```python
import os, requests
from bs4 import BeautifulSoup
token = os.environ["API_TOKEN"]
```

```
no language
```
"""


def test_frontmatter_keys_and_lines(make_skill):
    skill = skvm_lint.load(make_skill({"SKILL.md": SKILL}))
    fm = skill.frontmatter
    assert fm.present and fm.terminated and fm.error is None
    assert fm.data["name"] == "demo"
    assert fm.data["description"] == "Demo skill."
    assert fm.data["metadata"]["openclaw"]["requires"]["bins"] == ["jq"]
    assert fm.key_lines == {"name": 2, "description": 3, "metadata": 5}
    assert (fm.start_line, fm.end_line) == (1, 6)


def test_markdown_structure_and_spans(make_skill):
    body = skvm_lint.load(make_skill({"SKILL.md": SKILL})).body
    assert [(s.title, s.level, s.span.line) for s in body.sections] == [("Demo", 1, 8), ("Steps", 2, 14)]
    assert body.sections[1].parent == 0
    items = [(i.text, i.depth, i.ordered, i.number, i.span.line) for i in body.list_items]
    assert items == [("First step", 0, True, 1, 16), ("Second step", 0, True, 2, 20),
                     ("nested bullet", 1, False, None, 21), ("Third", 0, True, 3, 22)]
    assert body.list_items[2].parent == 1
    fence = body.code_blocks[0]
    assert (fence.language, fence.span.line, fence.content_line, fence.list_item) == ("shell", 17, 18, 0)
    assert [c.program for c in fence.code.commands] == ["curl", "jq"]
    assert fence.code.commands[0].span.line == 18
    assert fence.code.urls[0].url == "https://api.example.com/x"
    assert body.code_blocks[2].language is None and body.code_blocks[2].code is None
    assert [(l.target, l.image, l.span.line) for l in body.links] == [("references/api.md", False, 10),
                                                                      ("assets/a.png", True, 10)]
    assert body.inline_code[0].text == "inline"
    assert body.html_comments[0].text == "<!-- hidden note -->" and body.html_comments[0].span.line == 12
    assert body.tables[0].header == ["col", "val"] and body.tables[0].rows == [["a", "1"]]


def test_a_lead_in_paragraph_and_the_list_items_it_introduces():
    text = ("Intro prose.\n\n**Requirements:**\n- Node.js 18+\n  - npm\n- git\n\nBetween.\n\n\n"
            "- **Don't:**\n  - push\n  - merge\n- other item\n\nNo list follows.\n")
    doc, _ = parse_markdown(text, "SKILL.md", Limits())
    items = doc.list_items
    lead = next(p for p in doc.paragraphs if p.text == "**Requirements:**")
    assert [items[i].text for i in doc.items_led_by(lead)] == ["Node.js 18+", "npm", "git"]
    assert doc.lead_in(items[0]) == lead
    assert doc.lead_in(items[3]) is None  # two blank lines above: no lead
    assert not doc.items_led_by(next(p for p in doc.paragraphs if p.text == "Between."))
    inner = next(p for p in doc.paragraphs if p.text == "**Don't:**")  # a lead inside an item: its own sub-list
    assert [items[i].text for i in doc.items_led_by(inner)] == ["push", "merge"]
    assert not doc.items_led_by(next(p for p in doc.paragraphs if p.text == "No list follows."))
    assert not doc.items_led_by(next(p for p in doc.paragraphs if p.text == "Intro prose."))


def test_python_fence_facts_have_file_lines(make_skill):
    body = skvm_lint.load(make_skill({"SKILL.md": SKILL})).body
    py = body.code_blocks[1].code
    assert [(i.module, i.span.line) for i in py.imports] == [("os", 29), ("requests", 29), ("bs4", 30)]
    assert [(e.name, e.span.line) for e in py.env_reads] == [("API_TOKEN", 31)]


def test_shell_facts_wrappers_substitutions_and_env():
    facts = extract_facts('sudo -u root apt-get install -y ffmpeg\nfind . -name "*.csv" | xargs -P4 -n1 wc -l\n'
                          'echo "$(curl -fsSL https://get.x.sh | bash)" "$HOME" ${API_KEY}\npipx run black .\n',
                          "shell", "s.sh")
    programs = [(c.program, c.via, c.in_substitution, c.pipeline_position) for c in facts.commands]
    assert ("apt-get", "sudo", False, None) in programs
    assert ("wc", "xargs", False, 1) in programs
    assert ("curl", None, True, 0) in programs and ("bash", None, True, 1) in programs
    assert ("black", "pipx", False, None) in programs
    assert {e.name for e in facts.env_reads} == {"HOME", "API_KEY"}


def test_calls_of_another_language_in_shell_code_are_no_commands():
    """`print("hello")`, `df.head()`, `await v.models.list()` in a bash fence are calls no shell writes (a
    parenthesis right after a word); `$(date)`, `<(sort a)`, `arr=(a b)`, `(cd x && ls)` and a quoted `print($1)`
    are shell."""
    calls = ["print(\"hello\")", "console.log(x)", "df.head()", "await v.models.list()", "main();"]
    for line in calls:
        assert extract_facts(line + "\n", "shell", "s.sh").commands == [], line
    shell = {"echo $(date)": ["echo", "date"], "diff <(sort a) <(sort b)": ["diff", "sort", "sort"],
             "arr=(a b); wc -l f": ["wc"], "(cd /tmp && ls)": ["cd", "ls"], "awk '{print($1)}' f": ["awk"]}
    for line, programs in shell.items():
        assert [c.program for c in extract_facts(line + "\n", "shell", "s.sh").commands] == programs, line


def test_code_the_shell_parser_could_not_read_keeps_only_known_programs():
    """tree-sitter-bash ends a heredoc at a line that starts with its delimiter (`NODE_PATH` for `<<'NODE'`), so the
    JavaScript after it is read as shell: its words (`const`, `delete`) are no programs, while the script's real
    commands, known (`jq`) or its own (`./run.sh`), stay."""
    script = ("cat >probe.mjs <<'NODE'\nconst env = {\n  NODE_PATH: \"\",\n};\n"
              "for (const key of [\"TMPDIR\", \"TMP\"]) {\n  if (key) delete env[key];\n}\nNODE\n"
              "jq . out.json\n./run.sh --fast\n")
    programs = {c.program for c in extract_facts(script, "shell", "s.sh").commands}
    assert not programs & {"const", "delete"}
    assert {"cat", "jq", "./run.sh"} <= programs
    # `\\(` breaks the line: `-not` right after what the parser could not read leaves `not`, the rest of a word
    broken = "n=$(find . -type f \\\\( -name '*.ts' \\\\) -not -path '*/x/*' | wc -l)\n"
    programs = [c.program for c in extract_facts(broken, "shell", "s.sh").commands]
    assert "not" not in programs and "wc" in programs


def test_a_python_list_of_arguments_for_a_program_named_elsewhere_runs_no_program():
    """`cmd = ["ffmpeg", "-y", ...]` later run is a command; `sg_args = ["run", "-p", ...]` handed to a helper after
    the binary (`run_sg(binary, sg_args)`) holds a subcommand, and so does a list spread after one
    (`[binary, *extra]`). A name used so in another function (argparse's `args`) says nothing of this one."""
    code = ("import subprocess\n\ndef probe(binary):\n    cmd = [\"ffmpeg\", \"-y\", \"-i\", \"in.mp4\"]\n"
            "    subprocess.run(cmd)\n    sg_args = [\"run\", \"-p\", \"$X\"]\n    run_sg(binary, sg_args)\n"
            "    extra = [\"scan\", \"--json\"]\n    subprocess.run([binary, *extra])\n\n"
            "def main(parser, args):\n    args = [\"gemini\", \"--output-format\", \"json\"]\n    return args\n\n"
            "def cli(parser, args):\n    start(parser, args)\n")
    assert [c.program for c in extract_facts(code, "python", "x.py").commands] == ["ffmpeg", "gemini"]
    # handed straight to a helper of the file that runs `["git"] + args`: git's subcommands, and git is the program
    helper = ("import subprocess\n\ndef _git(args, cwd='.'):\n    return subprocess.run([\"git\"] + args, cwd=cwd)\n\n"
              "def branch():\n    return _git([\"rev-parse\", \"--abbrev-ref\", \"HEAD\"])\n\n"
              "def convert():\n    return run([\"ffmpeg\", \"-y\", \"-i\", \"a.mp4\"])\n")
    assert sorted(c.program for c in extract_facts(helper, "python", "x.py").commands) == ["ffmpeg", "git"]


def test_javascript_and_typescript_facts():
    js = extract_facts("import fs from 'node:fs';\nconst axios = require(\"axios\");\n"
                       "const k = process.env.OPENAI_API_KEY;\nawait import('chalk');\n", "javascript", "a.js")
    assert [i.module for i in js.imports] == ["node:fs", "axios", "chalk"]
    assert [e.name for e in js.env_reads] == ["OPENAI_API_KEY"]
    ts = extract_facts("import { z } from 'zod';\nconst t: string = process.env['TOKEN'] ?? '';\n",
                       "typescript", "a.ts")
    assert [i.module for i in ts.imports] == ["zod"] and [e.name for e in ts.env_reads] == ["TOKEN"]


def test_syntax_errors_are_facts_not_crashes():
    facts = extract_facts("def broken(:\n    pass\n", "python", "b.py")
    assert facts.syntax_errors and facts.syntax_errors[0].span.line == 1


def test_console_prompts_are_stripped(make_skill):
    doc, _ = parse_markdown("```console\n$ npm install -g pnpm\nadded 1 package\n$ pnpm i\n```\n", "R.md", Limits())
    assert [c.program for c in doc.code_blocks[0].code.commands] == ["npm", "pnpm"]


def test_language_by_extension_and_shebang():
    assert language_for_path("scripts/run", "#!/usr/bin/env bash") == "shell"
    assert language_for_path("scripts/run", "#!/usr/bin/env -S python3 -u") == "python"
    assert language_for_path("scripts/x.tsx", None) == "tsx"
    assert language_for_path("scripts/x.go", None) == "go"


def test_bundled_scripts_are_parsed_and_model_pickles(make_skill):
    root = make_skill({"SKILL.md": SKILL, "scripts/run.py": "import pandas as pd\nprint(pd)\n",
                       "scripts/tool": "#!/bin/sh\njq . in.json\n"})
    skill = skvm_lint.load(root)
    run = skill.file("scripts/run.py")
    assert run.kind == "script" and run.code.imports[0].module == "pandas"
    assert skill.file("scripts/tool").code.commands[0].program == "jq"
    assert pickle.loads(pickle.dumps(skill)).file("scripts/run.py").code.imports[0].span.line == 1


def test_manifests_are_parsed_once_and_deep_nesting_is_a_finding(make_skill):
    from skvm_lint.config import Config
    from skvm_lint.pipeline import process_skill

    root = make_skill({"SKILL.md": "---\nname: case-skill\ndescription: x\n---\n", "package.json": '{"name": "x"}',
                       "_meta.json": "[" * 100_000 + "]" * 100_000})
    skill = skvm_lint.load(root)
    package = skill.file("package.json")
    assert package.parsed() == ({"name": "x"}, None) and package.parsed() is package.parsed()
    found = process_skill(str(root), False, ("FM017",), Config()).diagnostics
    assert [(d.rule, d.message) for d in found] == [("FM017", "`_meta.json` is not valid JSON (nested too deeply to read)")]


_PIECES = ["---", "----", "--", "-", "...", "....", " ", "  ", "    ", "\t", "\n", "\r\n", "\r", "a: 1", "x", "\0",
           "- item", "```", "#"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.booleans())
def test_frontmatter_block_found_without_markdown_is_markdown_its(pieces, opened):
    """find_block (SKILL.md's head alone) must find exactly the block markdown-it's front_matter plugin finds."""
    text = ("---" if opened else "") + "".join(pieces)
    assert find_block(text) == parse_markdown(text, "SKILL.md", Limits())[1]


def test_frontmatter_block_agrees_with_markdown_on_the_corpus(corpus):
    for path in sorted(corpus.rglob("SKILL.md")):
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        assert find_block(text) == parse_markdown(text, "SKILL.md", Limits())[1], path


def test_a_frontmatter_selection_parses_no_markdown_and_no_script(tmp_path):
    """The lazy model: frontmatter rules read SKILL.md's head; no document or script is parsed for them."""
    from skvm_lint.config import Config
    from skvm_lint.pipeline import check_model

    root = write_skill(tmp_path / "lazy-skill", {"SKILL.md": "---\nname: lazy-skill\ndescription: x\n---\n# Body\n",
                                                 "scripts/run.py": "import requests\n",
                                                 "references/guide.md": "# Guide\n"})
    skill = build_skill(str(root))
    check_model(skill, tuple(r.id for r in select_rules(["FM"])), Config())
    assert all(f._parsed_content is None for f in skill.files)
    assert skill.body is not None and skill.file("SKILL.md")._parsed_content is not None  # parsed when asked


MARKDOWN_CASES = [
    "# Title `code` #\n\nPara with `npx foo` and [link *x*](http://a/é) ![img *a*](b.png)\nsecond  \nthird <!-- c -->\n",
    "- a\n  lazy `pip install x`\n\n  para2\n\n> > q1\n> cont\nlazy\n\n    code\n     more\n\n1) x\n2) y\n\nSet\n===\n",
    "- ```bash\n  npm i -g pnpm\n  ```\n  after\n- **Don't commit bazel-* dirs** - Add to .gitignore\n- next\n",
    "| a | b |\n|---|---|\n| `c \\| d` | `npx e --flag` |\n\n<div>\nhi\n</div>\n\n```json\n{\"a\": 1}",
    "---\nname: x\n---\n# After front matter\n\n1. first\n   - nested `uv run app.py`\n     continued\n2. second\n\n> - quoted item\n> - another\n\nend",
    "Windows\r\nline endings\r\n\r\n- item\r\n",
]


@pytest.mark.parametrize("text", MARKDOWN_CASES)
def test_compiled_markdown_front_end_builds_the_reference_model(text):
    """markdown-it-pyrs (the hot path) and markdown-it-py (the reference) give the same model; corpus-wide parity
    is measured by corpus/parity_markdown.py."""
    pytest.importorskip("markdown_it_pyrs")
    fast = parse_markdown(text, "SKILL.md", Limits())
    reference = parse_markdown(text, "SKILL.md", Limits(), engine="markdown-it-py")
    assert fast == reference


def test_markdown_the_compiled_parser_cannot_take_goes_to_the_reference():
    """Deep nesting (a stack overflow in the compiled parser) and unpaired surrogates (not UTF-8) fall back."""
    from skvm_lint.parsing.markdown import _may_nest_deeper_than

    assert _may_nest_deeper_than("ok\n" + ">" * 40 + " deep\n", 32)
    assert _may_nest_deeper_than("".join("  " * i + "- item\n" for i in range(40)), 32)
    assert not _may_nest_deeper_than("-" * 200 + "\n" + "=" * 80 + "\n1.2.3.4.5.6.7.8.9.10.11.12.13\n", 32)
    doc, _ = parse_markdown("`npx a --b`\n\ud800 text\n", "SKILL.md", Limits())
    assert [c.text for c in doc.command_lines] == ["npx a --b"]


def test_without_the_compiled_parser_markdown_goes_to_the_reference(monkeypatch):
    """Where markdown-it-pyrs is not installed (no wheel for the Python, see pyproject.toml) the reference parser
    builds the model."""
    import sys

    from skvm_lint.parsing import markdown

    text = "# Title\n\n- run `npm i -g x`\n\n```bash\npip install requests\n```\n"
    reference = parse_markdown(text, "SKILL.md", Limits(), engine="markdown-it-py")
    monkeypatch.setitem(sys.modules, "markdown_it_pyrs", None)  # import fails as if never installed
    markdown._compiled.cache_clear()
    try:
        assert markdown._compiled() is None
        assert parse_markdown(text, "SKILL.md", Limits()) == reference
    finally:
        markdown._compiled.cache_clear()


def test_a_panic_of_the_compiled_parser_falls_back_to_the_reference():
    """markdown-it-pyrs 0.4 panics on an unmatched backtick after a bracket (found by test_properties)."""
    from skvm_lint.parsing.markdown import _compiled_tree, _may_leave_a_code_span_open

    pytest.importorskip("markdown_it_pyrs")
    assert _compiled_tree("[`") is None  # caught, not raised
    assert _may_leave_a_code_span_open("See [`x\n") and not _may_leave_a_code_span_open("See [`x`](y)\n")
    doc, _ = parse_markdown("# Title\n\nSee [`setup\n\n- `npm i -g x`\n", "SKILL.md", Limits())
    assert [s.title for s in doc.sections] == ["Title"] and [c.text for c in doc.command_lines] == ["npm i -g x"]


FRONTMATTER_CASES = [
    "name: x\ndescription: >\n  folded\n  text\nmetadata: {\"openclaw\": {\"requires\": {\"bins\": [jq, \"gh\"]}}}\n",
    "name: x\nversion: 1.0.0\ncount: 3\nratio: 1.5\nflag: true\nno: no\nempty:\nlist:\n  - a\n  - b: 1\nhomepage: \n",
    "name: x\ndate: 2024-01-01\noctal: 0o17\nhex: 0x1F\nbig: 1_000\ninf: .inf\n",  # ruamel's own types
    "name: x\nname: y\n",  # duplicate key: ruamel's error
    "name: [unclosed\n",  # syntax error: ruamel's words and position
    "a: &anchor x\nb: *anchor\n",
    "tagged: !custom value\n",
    "- a list\n- not a mapping\n",
    "just a string\n",
    "# only a comment\n",
    "? [complex, key]\n: value\n",
    "nested:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 80)) + "  " * 80 + "v: 1\n",
]


@pytest.mark.parametrize("yaml_text", FRONTMATTER_CASES)
def test_libyaml_frontmatter_path_gives_ruamels_result(yaml_text):
    """Values, positions and errors are ruamel's whichever path reads them; corpus/parity_frontmatter.py measures
    the same on every corpus SKILL.md."""
    text = f"---\n{yaml_text}---\n# Body\n"
    block = find_block(text)
    fast = parse_frontmatter(text, "SKILL.md", block, Limits())
    assert fast == parse_frontmatter(text, "SKILL.md", block, Limits(), engine="ruamel")


SCALARS = ["", "~", "null", "Null", "NULL", "nul", "true", "True", "TRUE", "tRue", "false", "yes", "no", "on", "=",
           "<<", "<", "0", "-0", "+12", "012", "0o17", "0x1F", "0b101", "1_000", "_1", "1.", ".5", "-.5e+3", "1e3",
           "1.5e3", ".inf", "-.Inf", ".nan", ".NaN", "1.0.0", "2024-01-01", "2024-1-1 10:00:00", "2024-01-01T10:00:00Z",
           "12:30", "!", "&", "*", "-", "+", ".", "This skill", "Fetches data", "name", "true\n", "0.5\n", "1 2"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.sampled_from(SCALARS), st.text(alphabet="0123456789+-._eEoxbTtFfNnul<=~:TZ !&* ", max_size=12)))
def test_plain_scalars_get_the_tag_of_ruamels_yaml12_resolver(value):
    """The fast path's table of implicit resolvers types every plain scalar as ruamel's own resolver does."""
    from ruamel.yaml.nodes import ScalarNode
    from ruamel.yaml.resolver import VersionedResolver

    from skvm_lint.parsing.frontmatter import plain_scalar_tag

    expected = str(VersionedResolver(version=None).resolve(ScalarNode, value, (True, False))).rsplit(":", 1)[-1]
    assert plain_scalar_tag(value) == expected


def test_a_yaml_directive_goes_to_ruamel():
    """``%YAML 1.1`` changes what ``yes`` and ``0123`` mean: the fast path leaves the document to ruamel."""
    from skvm_lint.parsing.frontmatter import _load_fast

    assert _load_fast("%YAML 1.1\n---\nflag: yes\n", 64) is None
    text = "---\n%YAML 1.1\n---\nflag: yes\n---\n"
    assert parse_frontmatter(text, "SKILL.md", find_block(text), Limits()) == \
        parse_frontmatter(text, "SKILL.md", find_block(text), Limits(), engine="ruamel")


def test_typical_frontmatter_takes_the_libyaml_path():
    from skvm_lint.parsing.frontmatter import _load_fast

    data, positions = _load_fast(FRONTMATTER_CASES[1], 64)
    assert data["count"] == 3 and data["no"] == "no" and data["empty"] is None and data["version"] == "1.0.0"
    assert positions["homepage"][:2] == (10, 1) and positions["list"] == (7, 1, 8)
    assert _load_fast(FRONTMATTER_CASES[2], 64) is None  # timestamps and non-decimal numbers go to ruamel


def test_invalid_frontmatter_is_read_as_hosts_that_requote_values_read_it():
    """``description: Use when: (1) ...`` is invalid YAML: the error stands and ``data`` stays None, but the values
    are recovered as OpenClaw and pi read them (plain values holding ': ' quoted, then parsed), continuation lines and
    key lines kept."""
    text = ("---\nname: pay\ndescription: Payments. Use when needing to: (1) generate messages,\n"
            "  (2) track: status # of invoices\nlicense: MIT\nmetadata: {\"requires\": {\"bins\": [\"jq\"]}}\n---\n")
    fm = parse_frontmatter(text, "SKILL.md", find_block(text), Limits())
    assert fm.error is not None and fm.error.kind == "syntax" and fm.data is None
    assert fm.recovered == {"name": "pay", "license": "MIT", "metadata": {"requires": {"bins": ["jq"]}},
                            "description": "Payments. Use when needing to: (1) generate messages, (2) track: status "
                                           "# of invoices"}
    assert fm.as_read is fm.recovered and fm.key_lines == {"name": 2, "description": 3, "license": 5, "metadata": 6}



def test_invalid_frontmatter_keeps_the_entries_that_parse_alone():
    """A fault other than quoting (`argument-hint: [name] [description]`, a `[ray[data], pandas]` list, an `@scope`
    package, an unclosed mapping, a merge conflict's markers) costs only its own entry: a one-line value is read as
    text (a bracketed list as its items), a broken entry of several lines and a line that is no entry are dropped,
    and every other key is read, on its line. The error stands."""
    text = ("---\nname: pay\nargument-hint: [action: list|add] [type: color]\nallowed-tools: Read, Write\n"
            "dependencies: [ray[data], @scope/x>=3, pandas]\nmetadata: {unclosed: [\n<<<<<<< Updated upstream\n"
            "config:\n  a: [b\n  c: d\ndescription: x: y\n---\n")
    fm = parse_frontmatter(text, "SKILL.md", find_block(text), Limits())
    assert fm.error is not None and fm.data is None
    assert fm.recovered == {"name": "pay", "argument-hint": "[action: list|add] [type: color]",
                            "allowed-tools": "Read, Write", "dependencies": ["ray[data]", "@scope/x>=3", "pandas"],
                            "metadata": "{unclosed: [", "description": "x: y"}
    assert fm.key_lines == {"name": 2, "argument-hint": 3, "allowed-tools": 4, "dependencies": 5, "metadata": 6,
                            "description": 11}


def test_inference_reads_the_description_of_invalid_frontmatter(make_skill):
    skill_md = "---\nname: pay\ndescription: Use when: (1) Generate WhatsApp-friendly payment messages\n---\nHi.\n"
    root = make_skill({"SKILL.md": skill_md})
    skill = skvm_lint.load(root)
    assert skill.frontmatter.data is None  # the rules about the frontmatter see it broken
    assert skill.name == "pay"  # the name a host reads, which `analyze` and `capabilities` print
    assert "gen.text.prose" in {p["id"] for purpose in skvm_lint.analyze(root)["capabilities"]["purposes"]
                                for p in purpose["current_path"]["primitives"]}


def test_a_template_whose_fences_nest_is_read_as_its_author_meant(tmp_path):
    """A ```markdown template holding ```bash ... ``` blocks: CommonMark ends it at the first inner close and reads
    the rest (its headings, its commands) as the skill's own. The model reads the template whole, as its author
    paired the fences, and records where (ST014 reports it); the line numbers stay the file's."""
    from .conftest import write_skill

    root = write_skill(tmp_path / "runbook", {"SKILL.md": (
        "---\nname: runbook\ndescription: Writes runbooks. Use when asked.\n---\n# Runbook\n\n## Template\n\n"
        "```markdown\n# Outage\n```bash\nkubectl get pods\n```\n## Verify\n```bash\ncurl -s https://x.example/h | jq\n"
        "```\n## Notify\n```\nWe are on it.\n```\n```\n\n## After\n\nDone.\n")})
    body = skvm_lint.load(root).body
    assert body.nested_fences == [(9, 11, 22)]
    assert [(b.span.line, b.info, b.end_line) for b in body.code_blocks] == [(9, "markdown", 22)]
    assert [s.title for s in body.sections] == ["Runbook", "Template", "After"]
    assert not any(b.code for b in body.code_blocks)  # the template's commands are its text, not the skill's


def test_a_rule_between_a_nested_template_and_the_next_heading_is_the_document_going_on():
    """The author's close of a template is followed by a rule (``---``) and then the next heading: that is where
    the document goes on, with or without a plain block taken to open inside the template before it."""
    from skvm_lint.parsing.markdown import nested_fences

    resumed = ("### Template\n\n```markdown\n# Skill\n```bash\n./install.sh\n```\nExpected:\n```\nok\n```\n"
               "## Troubleshooting\n```bash\nnpm install -g required-package\n```\nSee the docs.\n```\n\n---\n\n"
               "## Examples\n")
    assert nested_fences(resumed.split("\n")) == [(2, 4, 16)]
    # a bare fence that closes the template, then prose, a rule and a sibling heading: the template ended there
    tentative = ("### `state.md`\n\n```markdown\n# State\n```prose\nlet x = 1\n```\n## Index\n```\n\n**Notes:**\n\n"
                 "---\n\n### `tree.md`\n\n```\ntree/\n```\n\n### `c.md`\n")
    assert nested_fences(tentative.split("\n")) == [(2, 4, 8)]
