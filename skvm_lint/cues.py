"""The cue patterns of the prose detectors (capabilities, workflow), one data file per language.

``skvm_lint/data/cues/<language>.toml`` holds, per cue, the regular expressions that say it in that language;
a cue's pattern joins every language's, so a skill written in Chinese or Japanese is read like one in English.
Adding a language, or a phrasing, is an edit to data, not to code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from .lazy_re import LazyPattern, Pattern, lazy
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
    """Whether text ending in ``before`` has an open double quotation (straight, curly “ without its ”, or a CJK
    「 without its 」): words after it are quoted, said or cited rather than given as an instruction."""
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d") \
        or before.count("\u300c") > before.count("\u300d")


def unquoted(pattern: Pattern, text: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` in ``text`` outside quotation marks, as :func:`inside_quotation` reads them: a
    user's words ("「不要后台」", "Never ask me twice"), not the skill's own. Quotes are counted once, from one match to
    the next, so a long text of many matches stays linear."""
    straight = opened = closed = counted = 0
    for m in pattern.finditer(text):
        between = text[counted:m.start()]
        straight += between.count('"')
        opened += between.count("\u201c") + between.count("\u300c")
        closed += between.count("\u201d") + between.count("\u300d")
        counted = m.start()
        if not (straight % 2 or opened > closed):
            yield m
