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

Compiled programs are kept across processes: a one-skill run (the pre-commit case) compiles about 60 patterns,
some 16 ms of its CPU. The engine's program for a pattern depends only on the pattern, its flags, this module's
guard and the Python build, so it is kept in a file of the user's cache folder named by all of those, and handed
back to the engine as it is (``_sre.compile`` validates a program before taking it; a file that does not load is
ignored). ``SKVM_LINT_NO_CACHE=1`` turns this off, ``SKVM_LINT_CACHE_DIR`` moves it.

``re.sub(lazy, ...)`` and other module-level functions do not accept a lazy pattern: call its method.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import zlib
from contextlib import contextmanager
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, Iterator

from .atomic import atomic_write_bytes
from .user_cache import user_cache_dir

try:  # the parser and compiler behind re.compile: a pattern's parse tree gets a first-character guard (below)
    import _sre
    from re import _compiler as _sre_compiler, _constants as _sre_constants, _parser as _sre_parser
except ImportError:  # another Python's internals: patterns compile plainly
    _sre_compiler = None

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")


@lru_cache(maxsize=1)  # detectors often try several prefiltered patterns on one text in a row: fold it once
def fold(text: str) -> str:
    """``text`` case-folded so that every ASCII letter ``re.IGNORECASE`` matches is its capital: look for an
    upper-case literal here to know whether a case-insensitive pattern can match. Usually as long as ``text``; a
    character whose case mapping is longer (ß, İ) makes it longer."""
    return text.upper() if text.isascii() else text.lower().upper()  # ASCII: the same, one pass (isascii is O(1))


class LazyPattern:
    __slots__ = ("pattern", "flags", "_compiled", *_METHODS)
    _own_methods: tuple[str, ...] = ()  # methods a subclass defines itself, not copied from the compiled pattern

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            compiled = guarded_compile(self.pattern, self.flags)
            for name in _METHODS:
                if name not in self._own_methods:
                    setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
        return self._compiled

    def may_match(self, text: str) -> bool:
        """False only where the pattern cannot match: never, without literals to look for."""
        return True

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
        # literals without letters (`://`, `$ `) are looked for in the text itself, case-insensitive or not
        self._folds = (bool(flags & re.IGNORECASE) or pattern.startswith("(?i)")) and \
            any(n.lower() != n.upper() for n in needs)
        self.needs = tuple(n.upper() for n in needs) if self._folds else needs

    def may_match(self, text: str) -> bool:
        """False only where the pattern cannot match: none of its literals occurs in ``text``."""
        return any(map((fold(text) if self._folds else text).__contains__, self.needs))

    def search(self, text: str, *args: Any) -> re.Match[str] | None:
        return self.compiled().search(text, *args) if args or self.may_match(text) else None

    def finditer(self, text: str, *args: Any) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(text, *args) if args or self.may_match(text) else iter(())

    def findall(self, text: str, *args: Any) -> list[Any]:
        return self.compiled().findall(text, *args) if args or self.may_match(text) else []

    def __reduce__(self) -> tuple[Any, ...]:
        return (PrefilteredPattern, (self.pattern, self.flags, self.needs))


# A first-character guard: a pattern that opens with a word boundary, an alternation or a group gets a lookahead of
# the characters a match can start with, ``(?=[cwbzsi])``. Python's engine tries the whole pattern at every position
# of the text; the lookahead turns most positions away with one class test (a case-insensitive alternation of words
# ran 1.5-4x faster on corpus text). A pattern the engine already skips through (a literal or a class first) is
# left alone. Matches are the same: every match starts with one of those characters.
_GUARD_MAX_CHARS = 64  # a bigger class turns few positions away
_ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")


def _first_chars(items: Any) -> tuple[set[str] | None, bool]:
    """The characters a match of a parsed sequence can start with, and whether it can match empty; None where
    they are not a short known set (a category like ``\\w``, a negated class, a group with flags of its own)."""
    chars: set[str] = set()
    for op, av in items:
        name = str(op)
        if name in _ZERO_WIDTH:
            continue
        if name == "LITERAL":
            return chars | {chr(av)}, False
        if name == "IN":
            for item_op, item in av:
                if str(item_op) == "LITERAL":
                    chars.add(chr(item))
                elif str(item_op) == "RANGE" and item[1] - item[0] < _GUARD_MAX_CHARS:
                    chars.update(map(chr, range(item[0], item[1] + 1)))
                else:
                    return None, False
            return chars, False
        if name == "BRANCH":
            nullable = False
            for alternative in av[1]:
                sub, empty = _first_chars(alternative.data)
                if sub is None:
                    return None, False
                chars |= sub
                nullable |= empty
        elif name == "SUBPATTERN":
            _, add_flags, del_flags, body = av
            if add_flags or del_flags:
                return None, False
            sub, nullable = _first_chars(body.data)
            if sub is None:
                return None, False
            chars |= sub
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, _, body = av
            sub, empty = _first_chars(body.data)
            if sub is None:
                return None, False
            chars |= sub
            nullable = low == 0 or empty
        else:
            return None, False
        if not nullable:
            return chars, False
    return chars, True


def _guard_chars(parsed: Any) -> set[str] | None:
    """The guard's characters for a parsed pattern, or None where it gets no guard: where the engine already skips
    ahead (a literal prefix, or a set of first characters it found itself, as in ``KEY|SECRET``) or where the
    first characters are not a short known set."""
    data, flags = parsed.data, parsed.state.flags
    if not data or str(data[0][0]) in ("LITERAL", "IN") or _sre_compiler._get_literal_prefix(parsed, flags)[0] \
            or _sre_compiler._get_charset_prefix(parsed, flags) is not None:
        return None
    chars, nullable = _first_chars(data)
    return None if chars is None or nullable or len(chars) > _GUARD_MAX_CHARS else chars


Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]  # _sre.compile's arguments after the text
ProgramKey = tuple[Any, ...]  # (pattern, flags), and "plain" after them for a program without the guard


class _ProgramCache:
    """Programs by (pattern, flags): those of earlier processes (read at the first compile) and this one's new ones
    (written at exit, merged, in one rename)."""

    def __init__(self) -> None:
        self.known: dict[ProgramKey, Program] | None = None
        self.new: dict[ProgramKey, Program] = {}

    @cached_property
    def path(self) -> str | None:
        """The cache file, named once per process (reading this module's source): None where caching is off."""
        folder = user_cache_dir()
        if folder is None or _sre_compiler is None:
            return None
        with open(__file__, "rb") as own_source:  # the guard is part of every program
            version = zlib.crc32(own_source.read(), zlib.crc32(f"{sys.version}{_sre.MAGIC}".encode()))
        return os.path.join(folder, f"regex-programs-{sys.implementation.cache_tag}-{version:08x}.marshal")

    def get(self, key: ProgramKey) -> Program | None:
        if self.known is None:
            self.known = {}
            try:
                if self.path is not None:
                    with open(self.path, "rb") as fh:
                        loaded = marshal.loads(fh.read())
                    if isinstance(loaded, dict):
                        self.known = loaded
            except (OSError, ValueError, EOFError, TypeError):  # none yet, unreadable or damaged: compile afresh
                pass
        return self.known.get(key)

    def add(self, key: ProgramKey, program: Program) -> None:
        if not self.new:
            atexit.register(self.save)
        self.new[key] = program

    def save(self) -> None:
        try:
            if self.path is None or not self.new:
                return
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            atomic_write_bytes(Path(self.path), marshal.dumps({**(self.known or {}), **self.new}))
        except (OSError, ValueError):  # a read-only or full disk: the next run compiles again
            pass


_programs = _ProgramCache()


def _from_program(pattern: str, program: Program) -> re.Pattern[str]:
    flags, code, groups, group_index, index_group = program
    return _sre.compile(pattern, flags, code, groups, group_index, index_group)


def guarded_compile(pattern: str, flags: int = 0, *, guard: bool = True) -> re.Pattern[str]:
    """``re.compile``, with a first-character guard where the pattern's opening allows one (parsed once; none
    with ``guard=False``: then the very pattern ``re.compile`` makes), and the program kept for the next process."""
    if _sre_compiler is None:
        return re.compile(pattern, flags)
    flags = int(flags)  # as re.compile does: a RegexFlag makes every flag test of the compiler an enum operation
    key: ProgramKey = (pattern, flags) if guard else (pattern, flags, "plain")
    program = _programs.get(key)
    if program is not None:
        try:
            return _from_program(pattern, program)
        except (RuntimeError, TypeError, ValueError):  # not a program this engine takes: compile afresh
            pass
    try:
        parsed = _sre_parser.parse(pattern, flags)
        chars = _guard_chars(parsed) if guard else None
        if chars is not None:
            constants = _sre_constants
            lookahead = _sre_parser.SubPattern(parsed.state, [(constants.IN, [(constants.LITERAL, ord(c))
                                                                              for c in sorted(chars)])])
            parsed.data = [(constants.ASSERT, (1, lookahead)), *parsed.data]
        # re._compiler.compile's last steps (the text is parsed once), keeping the pattern's text: repr, and pickling,
        # which recompiles it plainly
        state = parsed.state
        index_group: list[str | None] = [None] * state.groups
        for name, index in state.groupdict.items():
            index_group[index] = name
        code = list(map(int, _sre_compiler._code(parsed, flags)))  # opcodes are int subclasses: plain ints keep
        program = (flags | state.flags, code, state.groups - 1, dict(state.groupdict), tuple(index_group))
        compiled = _from_program(pattern, program)
    except (AttributeError, TypeError, ValueError):  # internals of another shape: compile plainly
        return re.compile(pattern, flags)
    _programs.add(key, program)
    return compiled


@contextmanager
def programs_kept_for_imports() -> Iterator[None]:
    """While a library is imported, its ``re.compile`` calls take the engine's programs from the cache file, as
    lazy patterns do, and get the very patterns ``re.compile`` would make. PyYAML compiles a character class over
    all of Unicode and its resolvers' patterns at import: some 7 ms of every process that reads a frontmatter.
    Not thread-safe (it swaps ``re._compile`` for the duration): for imports on the main thread."""
    original = getattr(re, "_compile", None)
    if _sre_compiler is None or original is None:  # another Python's internals: the library compiles as usual
        yield
        return

    unkept = re.DEBUG | getattr(_sre_constants, "SRE_FLAG_TEMPLATE", 0)  # flags re.compile treats apart

    def compile_kept(pattern: Any, flags: Any) -> Any:
        re._compile = original  # guarded_compile's own fallbacks call re.compile
        try:
            if isinstance(pattern, str) and isinstance(flags, int) and not flags & unkept:
                try:
                    return guarded_compile(pattern, flags, guard=False)
                except re.error:  # re.compile raises its own error, as the library expects
                    pass
            return original(pattern, flags)
        finally:
            re._compile = compile_kept

    re._compile = compile_kept
    try:
        yield
    finally:
        re._compile = original


Pattern = re.Pattern[str] | LazyPattern  # what a function that searches with a given pattern accepts


def lazy(pattern: str, flags: int = 0, *, needs: tuple[str, ...] = ()) -> LazyPattern:
    """A pattern compiled on first use; with ``needs``, one that runs only where one of those literals occurs."""
    return PrefilteredPattern(pattern, flags, needs) if needs else LazyPattern(pattern, flags)
