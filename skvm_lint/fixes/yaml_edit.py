"""Edits to frontmatter through ruamel.yaml's round-trip mode, so comments, key order and layout survive.

ruamel.yaml is imported where an edit is built: rules import this module's line helpers on every run, and the
library's package import costs about 10 ms.
"""

from __future__ import annotations

import io
from functools import lru_cache
from itertools import accumulate
from typing import Any, Callable

from ..diagnostics import Edit, Fix, FixUnavailable, Replace
from ..model import Skill


def line_offset(text: str, line: int) -> int:
    """Character offset of the start of 1-based ``line`` (len(text) past the end)."""
    starts = _line_starts(text)
    return starts[line - 1] if 0 < line <= len(starts) else 0 if line <= 0 else len(text)


@lru_cache(maxsize=4)
def _line_starts(text: str) -> list[int]:
    """Where each line of ``text`` starts: found once per text, not once per finding (a rule that reports every
    line of a large file would otherwise scan it from the top each time)."""
    return list(accumulate(map(len, text.split("\n")), lambda start, length: start + length + 1, initial=0))[:-1]


def line_end(text: str, line: int) -> int:
    """Character offset of the end of 1-based ``line``, before its newline."""
    newline = text.find("\n", line_offset(text, line))
    return len(text) if newline < 0 else newline


def frontmatter_fix(skill: Skill, description: str, mutate: Callable[[Any], None]) -> Fix | None:
    """A safe fix that edits the frontmatter round-trip (``mutate`` changes the loaded mapping), built when it is
    applied: ruamel's round trip costs ~10 ms a finding, and checking only reports that the fix exists. None when
    the frontmatter cannot be edited (absent, unterminated, or not parsed)."""
    fm = skill.frontmatter
    if not (fm.present and fm.terminated and fm.error is None and skill.skill_md_path):
        return None

    def build() -> tuple[Edit, ...]:
        from ruamel.yaml import YAML
        from ruamel.yaml.error import YAMLError

        yaml = YAML(typ="rt", pure=True)
        yaml.preserve_quotes = True
        yaml.width = 4096  # never re-wrap long descriptions
        try:
            data = yaml.load(fm.raw)
        except YAMLError:
            data = None
        if data is None:
            raise FixUnavailable("ruamel.yaml could not load the frontmatter to edit it")
        mutate(data)
        out = io.StringIO()
        yaml.dump(data, out)
        text = skill.skill_md_text  # the edit replaces the YAML between the `---` lines
        return (Replace(skill.skill_md_path, line_offset(text, fm.start_line + 1), line_offset(text, fm.end_line),
                        out.getvalue()),)

    return Fix(description, (), build=build)


def quote_value_fix(skill: Skill, key: str, raw: str) -> Fix | None:
    """A safe fix that rewrites top-level ``key``'s scalar as the double-quoted string ``raw`` (round-trip)."""

    def quote(data: Any) -> None:
        from ruamel.yaml.scalarstring import DoubleQuotedScalarString

        data[key] = DoubleQuotedScalarString(raw)

    return frontmatter_fix(skill, f'quote {key} as "{raw}"', quote) if raw else None


def raw_value(skill: Skill, key: str) -> str:
    """The text of a one-line top-level value as written (without a trailing comment)."""
    line = skill.frontmatter.key_lines.get(key)
    if line is None:
        return ""
    text = skill.skill_md_text.split("\n")[line - 1]
    return text.split(":", 1)[1].split(" #", 1)[0].strip() if ":" in text else ""
