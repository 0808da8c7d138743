"""Regular expressions compiled on first use, optionally behind a literal prefilter.

Compiled on first use: the analyses define a few hundred patterns, and compiling them all at import cost about
60 ms of each process's start, though one skill touches only a fraction of them (the idea of Bazaar's
``lazy_regex``). The first method looked up compiles the pattern and copies the compiled pattern's bound methods
onto the instance, so later calls cost what a call on :class:`re.Pattern` costs.

A literal prefilter (``needs``): literals one of which occurs in every text the pattern matches. ``search``,
``finditer`` and ``findall`` look for them first, with ``str`` searches, and run the pattern only where one
occurs. Python's engine spends 50-70 ns per character trying a case-insensitive alternation of words at every
position; finding a few literals in a case-folded copy costs a few ns per character. For a case-insensitive pattern
the literals are looked for in :func:`fold` (``text.lower().upper()``), which holds every ASCII letter that
``re.IGNORECASE`` matches (the Kelvin sign, dotless i and long s included; tests/test_lazy_re.py checks every code
point).

``re.sub(lazy, ...)`` and other module-level functions do not accept a lazy pattern: call its method.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterator

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


@lru_cache(maxsize=1)  # detectors often try several prefiltered patterns on one text in a row: fold it once
def fold(text: str) -> str:
    """``text`` case-folded so that every ASCII letter ``re.IGNORECASE`` matches is its capital: look for an
    upper-case literal here to know whether a case-insensitive pattern can match. Usually as long as ``text``; a
    character whose case mapping is longer (ß, İ) makes it longer."""
    return text.lower().upper()


class LazyPattern:
    __slots__ = ("pattern", "flags", "_compiled", *_METHODS)
    _own_methods: tuple[str, ...] = ()  # methods a subclass defines itself, not copied from the compiled pattern

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            compiled = re.compile(self.pattern, self.flags)
            for name in _METHODS:
                if name not in self._own_methods:
                    setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
        return self._compiled

    def __getattr__(self, name: str) -> Any:  # only called while a method slot is still empty
        compiled = self.compiled()
        return getattr(self, name) if name in _METHODS else getattr(compiled, name)

    @property
    def groups(self) -> int:
        return self.compiled().groups

    @property
    def groupindex(self) -> Any:
        return self.compiled().groupindex

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r}, {self.flags})"

    def __reduce__(self) -> tuple[Any, ...]:  # workers receive patterns uncompiled, like re.Pattern's own pickling
        return (LazyPattern, (self.pattern, self.flags))


class PrefilteredPattern(LazyPattern):
    """A lazy pattern that runs only on texts holding one of its literals (``needs``)."""

    __slots__ = ("needs", "_folds")
    _own_methods = ("search", "finditer", "findall")

    def __init__(self, pattern: str, flags: int, needs: tuple[str, ...]) -> None:
        super().__init__(pattern, flags)
        self._folds = bool(flags & re.IGNORECASE) or pattern.startswith("(?i)")
        self.needs = tuple(n.upper() for n in needs) if self._folds else needs

    def may_match(self, text: str) -> bool:
        """False only where the pattern cannot match: none of its literals occurs in ``text``."""
        haystack = fold(text) if self._folds else text
        return any(literal in haystack for literal in self.needs)

    def search(self, text: str, *args: Any) -> re.Match[str] | None:
        return self.compiled().search(text, *args) if args or self.may_match(text) else None

    def finditer(self, text: str, *args: Any) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(text, *args) if args or self.may_match(text) else iter(())

    def findall(self, text: str, *args: Any) -> list[Any]:
        return self.compiled().findall(text, *args) if args or self.may_match(text) else []

    def __reduce__(self) -> tuple[Any, ...]:
        return (PrefilteredPattern, (self.pattern, self.flags, self.needs))


Pattern = re.Pattern[str] | LazyPattern  # what a function that searches with a given pattern accepts


def lazy(pattern: str, flags: int = 0, *, needs: tuple[str, ...] = ()) -> LazyPattern:
    """A pattern compiled on first use; with ``needs``, one that runs only where one of those literals occurs."""
    return PrefilteredPattern(pattern, flags, needs) if needs else LazyPattern(pattern, flags)
