"""Regular expressions compiled on first use: the analyses define a few hundred patterns, and compiling them all
at import cost about 60 ms of each process's start, though one skill touches only a fraction of them (the idea of
Bazaar's ``lazy_regex``).

``lazy`` returns a :class:`LazyPattern` with the methods of :class:`re.Pattern`. The first method looked up
compiles the pattern and copies the compiled pattern's bound methods onto the instance, so later calls cost what
a call on the compiled pattern costs. ``re.sub(lazy, ...)`` and other module-level functions do not accept it: call
the method (``lazy.sub(...)``).
"""

from __future__ import annotations

import re
from typing import Any

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


class LazyPattern:
    __slots__ = ("pattern", "flags", "_compiled", *_METHODS)

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            compiled = re.compile(self.pattern, self.flags)
            for name in _METHODS:
                setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
        return self._compiled

    def __getattr__(self, name: str) -> Any:  # only called while a method slot is still empty
        return getattr(self.compiled(), name)

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


Pattern = re.Pattern[str] | LazyPattern  # what a function that searches with a given pattern accepts


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)
