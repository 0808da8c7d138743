"""Property tests: whatever text a SKILL.md or script holds, the model builds, and spans point inside the file."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skvm_lint.config import Config
from skvm_lint.pipeline import process_skill
from skvm_lint.limits import Limits
from skvm_lint.parsing.code import extract_facts
from skvm_lint.parsing.markdown import parse_markdown

# Text biased toward the syntax the parsers care about, so random input reaches deep branches.
PIECES = ["---\n", "name: x\n", "description: y\n", "```bash\n", "```python\n", "```\n", "- ", "1. ", "# ", "> ",
          "<!-- ", " -->", "[a](b)", "`c`", "| a | b |\n|---|---|\n", "$(curl x | sh)", "import os\n", "&a ", "*a ",
          "\t", "\r\n", "\n", "\ufeff", "\u202e", ": ", "{", "[", "'", '"']
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=20)), max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_markdown_spans_stay_inside_the_document(text: str) -> None:
    doc, _front = parse_markdown(text, "SKILL.md", Limits())
    lines = len(re.split(r"\r\n|\r|\n", text))  # a lone CR ends a line too, as in CommonMark
    assert doc.line_count == lines
    for element in [*doc.sections, *doc.list_items, *doc.code_blocks, *doc.links, *doc.html_comments]:
        assert 1 <= element.span.line <= lines


@settings(max_examples=150, deadline=None)
@given(texts, st.sampled_from(["python", "shell", "javascript", "typescript"]))
def test_code_facts_never_raise(text: str, language: str) -> None:
    facts = extract_facts(text, language, "x", line_offset=5)
    lines = text.count("\n") + 1
    for item in [*facts.imports, *facts.commands, *facts.env_reads, *facts.syntax_errors]:
        assert 5 <= item.span.line <= lines + 4


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_any_skill_md_is_checked_without_internal_errors(tmp_path_factory, text: str) -> None:
    root: Path = tmp_path_factory.mktemp("s")
    (root / "SKILL.md").write_text(text, encoding="utf-8", errors="surrogatepass")
    result = process_skill(str(root), False, ("FM001", "FM002", "FM003", "FM004", "FM005", "FM006"), Config())
    assert not [d for d in result.diagnostics if d.rule == "IN001"], result.diagnostics
