"""YAML frontmatter: located by markdown-it's front-matter plugin, loaded with ruamel.yaml (round-trip mode).

Round-trip mode keeps the line of every key (for diagnostics) and is the same loader the fix engine edits with.
Hostile YAML is bounded: aliases are counted before loading (billion laughs), and conversion to plain Python
values stops at a node budget and a nesting depth.
"""

from __future__ import annotations

import datetime
from functools import cache
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent

from ..limits import Limits
from ..model import Comment, Frontmatter, FrontmatterError, Span

MAX_PLAIN_NODES = 100_000


class _TooLarge(Exception):
    pass


@cache
def _yaml() -> YAML:
    """One loader per process: building a YAML instance costs about a third of a small load."""
    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = False
    return yaml


def _to_plain(value: Any, depth: int, budget: list[int], max_depth: int) -> Any:
    """Copy ruamel's round-trip objects into dict/list/str/int/float/bool/None (dates kept as dates)."""
    budget[0] -= 1
    if budget[0] < 0:
        raise _TooLarge(f"frontmatter expands to more than {MAX_PLAIN_NODES:,} values")
    if depth > max_depth:
        raise _TooLarge(f"frontmatter nests deeper than {max_depth} levels")
    if isinstance(value, dict):
        return {str(k) if not isinstance(k, (str, int, float, bool)) else k: _to_plain(v, depth + 1, budget, max_depth)
                for k, v in value.items()}
    if isinstance(value, list):
        return [_to_plain(v, depth + 1, budget, max_depth) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value
    if hasattr(value, "value"):  # TaggedScalar and friends: keep the scalar text
        return str(value.value)
    return str(value)


def _error_position(exc: YAMLError, first_line: int) -> tuple[int, int]:
    mark = None
    if isinstance(exc, MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
    if mark is None:
        return first_line, 1
    return first_line + mark.line, mark.column + 1


def _columns(line: str) -> tuple[int, int]:
    """Leading blanks of a line: ``(characters, columns)`` with tabs to the next multiple of four, as markdown-it."""
    chars = columns = 0
    for ch in line:
        if ch == " ":
            columns += 1
        elif ch == "\t":
            columns += 4 - columns % 4
        else:
            break
        chars += 1
    return chars, columns


def find_block(text: str) -> tuple[int, int, str] | None:
    """The front-matter block of SKILL.md, ``(start_line_0, end_line_0_exclusive, yaml_text)``, found without
    parsing the Markdown: the same block markdown-it's front_matter plugin finds (a test compares the two on
    every corpus SKILL.md and on generated text), so a frontmatter rule never pays for the Markdown parse.

    Opening: the text starts with three or more dashes (whatever follows them on that line). Closing: a line, indented
    less than four columns, of at least as many dashes followed only by blanks; or ``...`` at column 0. Unclosed: None.
    """
    if not text.startswith("-"):
        return None
    src = text.replace("\0", "\ufffd")
    if "\r" in src:
        src = src.replace("\r\n", "\n").replace("\r", "\n")
    lines = src.split("\n")
    if src.endswith("\n"):
        lines.pop()  # markdown-it has no line after the final newline
    elif lines and not lines[-1].strip(" \t"):
        lines.pop()  # nor a last line of blanks without a newline
    opening = lines[0]
    markers = len(opening) - len(opening.lstrip("-"))
    if markers < 3:
        return None
    for index in range(1, len(lines)):
        line = lines[index]
        chars, columns = _columns(line)
        rest = line[chars:]
        if columns == 0 and rest.startswith("...") and not rest[3:].strip(" \t"):
            break
        if not rest.startswith("-") or columns >= 4:
            continue
        dashes = len(rest) - len(rest.lstrip("-"))
        if dashes >= markers and not rest[dashes:].strip(" \t"):
            break
    else:
        return None
    return 0, index + 1, "\n".join(lines[1:index])


def parse_frontmatter(skill_md: str, file: str, block: tuple[int, int, str] | None, limits: Limits) -> Frontmatter:
    """Build the :class:`Frontmatter` of SKILL.md.

    ``block`` is ``(start_line_0, end_line_0_exclusive, yaml_text)`` from markdown-it's front_matter token, or None.
    """
    lines = skill_md.split("\n", 2)
    first = lines[0].rstrip("\r").strip() if lines else ""
    fm = Frontmatter()
    fm.comments = []
    if block is None:
        if first == "---":  # an opening delimiter with no closing one
            fm.present = True
            fm.terminated = False
            fm.start_line = 1
            fm.end_line = skill_md.count("\n") + 1
        return fm

    start0, end0, raw = block
    fm.present = True
    fm.terminated = True
    fm.raw = raw
    fm.start_line = start0 + 1
    fm.end_line = end0
    yaml_first_line = fm.start_line + 1
    for offset, line in enumerate(raw.split("\n")):
        stripped = line.lstrip()
        if stripped.startswith("#"):
            fm.comments.append(Comment(stripped, Span(file, yaml_first_line + offset, len(line) - len(stripped) + 1)))

    if len(raw.encode("utf-8", "surrogatepass")) > limits.max_frontmatter_bytes:
        fm.error = FrontmatterError(
            f"frontmatter is {len(raw):,} characters, over the {limits.max_frontmatter_bytes:,}-byte limit; "
            "it was not parsed", fm.start_line, 1, kind="limit")
        return fm

    yaml = _yaml()
    try:
        if "*" in raw or "&" in raw:
            aliases = sum(1 for event in yaml.parse(raw) if isinstance(event, AliasEvent))
            if aliases > limits.max_yaml_aliases:
                fm.error = FrontmatterError(
                    f"frontmatter uses {aliases} YAML aliases, over the limit of {limits.max_yaml_aliases} "
                    "(a YAML bomb expands exponentially); it was not loaded", fm.start_line, 1, kind="limit")
                return fm
        loaded = yaml.load(raw)
    except YAMLError as exc:
        _yaml.cache_clear()  # never reuse a loader that stopped half-way
        line, column = _error_position(exc, yaml_first_line)
        problem = getattr(exc, "problem", None) or str(exc).split("\n", 1)[0]
        kind = "duplicate-key" if "duplicate key" in str(exc) else "syntax"
        fm.error = FrontmatterError(str(problem).strip(), line, column, kind=kind)
        return fm
    except RecursionError:
        _yaml.cache_clear()
        fm.error = FrontmatterError("frontmatter nests too deeply to parse", fm.start_line, 1, kind="limit")
        return fm

    if loaded is None:
        fm.data = {}
        return fm
    if not isinstance(loaded, CommentedMap):
        fm.error = FrontmatterError(
            f"frontmatter is a YAML {type(loaded).__name__ if not isinstance(loaded, CommentedSeq) else 'list'}, "
            "not a mapping of keys to values", yaml_first_line, 1, kind="not-a-mapping")
        return fm
    try:
        fm.data = _to_plain(loaded, 0, [MAX_PLAIN_NODES], limits.max_yaml_depth)
    except (_TooLarge, RecursionError) as exc:
        fm.error = FrontmatterError(str(exc) or "frontmatter nests too deeply", fm.start_line, 1, kind="limit")
        return fm
    for key in loaded:
        try:
            line, col = loaded.lc.key(key)
            vline, _ = loaded.lc.value(key)
        except (KeyError, TypeError, AttributeError):
            continue
        fm.key_lines[str(key)] = yaml_first_line + line
        fm.key_columns[str(key)] = col + 1
        fm.value_lines[str(key)] = yaml_first_line + vline
    return fm
