"""Inline suppressions, read from comments the parsers already collected.

Markdown: ``<!-- skvm-lint: disable=FM004 -->``; scripts, code fences and frontmatter: ``# skvm-lint: disable=ID``
(``// skvm-lint: ...`` in JavaScript). Directives, eslint-style:

- ``disable=ID[,ID...]`` from this line until ``enable=ID`` (or the end of the file);
- ``disable-line=ID`` this line; ``disable-next-line=ID`` the next line; ``disable-file=ID`` the whole file.

Without ``=ID`` a directive applies to every rule. IDs are selectors as everywhere (ids, prefixes such as
``FM``, short names, groups, ``ALL``): see :mod:`skvm_lint.selection`.
"""

from __future__ import annotations


from msgspec import Struct

from .diagnostics import Diagnostic
from .lazy_re import lazy
from .model import Skill
from .selection import ALL, matches_finding

DIRECTIVE = lazy(
    r"skvm-lint:\s*(disable-next-line|disable-line|disable-file|disable|enable)\b(?:\s*=\s*([A-Za-z0-9_,\s-]+))?")


class _Range(Struct):
    start: int
    end: int  # inclusive
    ids: frozenset[str]


def _ids(raw: str | None) -> frozenset[str]:
    if not raw:
        return frozenset({ALL})  # a directive without ids names every rule
    return frozenset(part.strip() for part in raw.replace(" ", ",").split(",") if part.strip())


class Suppressions:
    """The suppressions of one skill, read per file when a finding in that file asks (so a clean file is never
    parsed for them)."""

    def __init__(self, skill: Skill) -> None:
        self._skill = skill
        self._ranges: dict[str, list[_Range]] = {}

    @classmethod
    def from_skill(cls, skill: Skill) -> "Suppressions":
        return cls(skill)

    def _comments(self, file: str) -> list[tuple[int, str]]:
        """``(line, text)`` of every comment in ``file``: HTML comments and code comments of a Markdown file (its
        fences included), YAML comments of the frontmatter, comments of a script."""
        skill = self._skill
        bundled = skill.file(file)
        if bundled is not None and bundled.text is not None and "skvm-lint" not in bundled.text:
            return []  # every directive names skvm-lint: no need to parse the file to look for one
        found = [(c.span.line, c.text) for c in skill.frontmatter.comments if c.span.file == file]
        doc = bundled.markdown if bundled is not None else None
        if doc is not None:
            found += [(c.span.line, c.text) for c in doc.html_comments]
            found += [(c.span.line, c.text) for block in doc.code_blocks if block.code is not None
                      for c in block.code.comments]
        if bundled is not None and bundled.code is not None:
            found += [(c.span.line, c.text) for c in bundled.code.comments]
        return sorted(found)

    def _for(self, file: str) -> list[_Range]:
        if file not in self._ranges:
            self._add_file(file, self._comments(file))
        return self._ranges[file]

    def _add_file(self, file: str, entries: list[tuple[int, str]]) -> None:
        ranges = self._ranges.setdefault(file, [])
        open_from: dict[str, int] = {}
        for line, text in entries:
            if "skvm-lint" not in text:
                continue
            for m in DIRECTIVE.finditer(text):
                kind, ids = m.group(1), _ids(m.group(2))
                if kind == "disable-line":
                    ranges.append(_Range(line, line, ids))
                elif kind == "disable-next-line":
                    ranges.append(_Range(line + 1, line + 1, ids))
                elif kind == "disable-file":
                    ranges.append(_Range(0, 1 << 30, ids))
                elif kind == "disable":
                    for i in ids:
                        open_from.setdefault(i, line)
                else:  # enable
                    for i in list(open_from) if ALL in ids else ids:
                        if i in open_from:
                            ranges.append(_Range(open_from.pop(i), line, frozenset({i})))
        for i, start in open_from.items():
            ranges.append(_Range(start, 1 << 30, frozenset({i})))

    def suppresses(self, diag: Diagnostic) -> bool:
        for r in self._for(diag.file):
            if r.start <= diag.line <= r.end and any(matches_finding(diag, i) for i in r.ids):
                return True
        return False

