"""The cue patterns of the prose detectors (capabilities, workflow), one data file per language.

``skvm_lint/data/cues/<language>.toml`` holds, per cue, the regular expressions that say it in that language;
a cue's pattern joins every language's, so a skill written in Chinese or Japanese is read like one in English.
Adding a language, or a phrasing, is an edit to data, not to code.
"""

from __future__ import annotations

import re
from functools import cache

from .lazy_re import LazyPattern, lazy
from .package_data import data_toml

LANGUAGES = ("en", "zh", "ja")


@cache
def _cues(language: str) -> dict[str, list[str]]:
    return data_toml(f"cues/{language}.toml")


def cue(name: str, *, ignore_case: bool = True) -> LazyPattern:
    """The pattern of cue ``name`` in every language. ``ignore_case=False`` where capitals carry the meaning
    (``MUST``, ``NEVER``)."""
    parts = [part for language in LANGUAGES for part in _cues(language).get(name, [])]
    if not parts:
        raise KeyError(f"no cue named {name!r} in skvm_lint/data/cues/")
    # Its literals (a file's [literals] table) prefilter it only where every language that says the cue lists them.
    literals = [_cues(language).get("literals", {}).get(name) for language in LANGUAGES if _cues(language).get(name)]
    needs = tuple(literal for listed in literals for literal in listed) if all(literals) else ()
    return lazy("|".join(f"(?:{part})" for part in parts), re.IGNORECASE if ignore_case else 0, needs=needs)


# Where a sentence ends: `.`, `!` or `?` before a space (not `Node.js`, `v1.2`, `e.g.x`), a full-width stop, or a line
# break. The cues read one sentence at a time.
SENTENCE_BREAK = lazy(r"[.!?]\s+|[。！？]|\n")

_LINE_MARKERS = lazy(r"^[\s>*_#\d.)-]*")


def without_markers(line: str) -> str:
    """``line`` without the Markdown that opens it: list markers and numbers, quote marks, heading hashes and
    emphasis characters. What is left starts with the line's first word."""
    return line[_LINE_MARKERS.match(line).end():]


def inside_quotation(before: str) -> bool:
    """Whether text ending in ``before`` has an open double quotation (straight, or curly “ without its ”): words
    after it are quoted, said or cited rather than given as an instruction."""
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")
