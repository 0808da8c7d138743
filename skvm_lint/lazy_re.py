"""Regular expressions compiled on first use, behind a literal prefilter and a linear-time one.

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

A linear-time prefilter (RE2). Where Python's engine cannot skip through a text to a pattern's first literal or
character class (a word alternation behind ``\\b``, a pattern opening with a group or a repeat), it tries the
pattern at every position, at 40-80 ns a character; the security, workflow and dependency patterns spent ~5 s of a
36 s check of the openclaw hub that way, mostly finding nothing. Such a pattern's ``search``, ``finditer`` and
``findall`` first ask RE2 (a DFA: linear time, ~0.8 us a call and ~1.5 ns a byte) whether
:func:`linear_superset` of the pattern, which matches at least wherever the pattern does (lookarounds, anchors and
word boundaries dropped, classes widened to Unicode's), matches the text at all, from :data:`LINEAR_FROM`
characters on; only where it does does the pattern itself run. A pattern the engine skips through costs about 4 ns
a character, less than RE2's call on all but long texts: it is asked about only where it says ``long_texts`` (it
scans whole files), from :data:`LONG_TEXT` characters on. RE2's program is compiled once a pattern has seen
:data:`LINEAR_AFTER` such texts (~0.6 ms each; a one-skill run compiles few). Results are the same; without the
``google-re2`` wheel, for a pattern it cannot take, or for a text RE2 cannot read (a lone surrogate), the pattern
runs alone. Whether the engine skips through a pattern is kept with its compiled program.

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
from functools import cached_property, lru_cache, partial
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


# The linear-time prefilter (the module's doc says when RE2 is asked, and why from these lengths)
LINEAR_FROM = 40  # characters, for a pattern Python's engine cannot skip through
LONG_TEXT = 1000  # characters, for one it can that says ``long_texts``
RE2_MEMORY = 1 << 20  # a program's budget, its DFA cache in it (RE2's default 8 MiB ran no faster on the corpus)
LINEAR_AFTER = 64  # long texts a pattern sees before its RE2 program is compiled: a one-skill run compiles few
NEVER = sys.maxsize
_PREFILTERED_METHODS = ("search", "finditer", "findall")


@lru_cache(maxsize=1)  # detectors often try several prefiltered patterns on one text in a row: fold it once
def fold(text: str) -> str:
    """``text`` case-folded so that every ASCII letter ``re.IGNORECASE`` matches is its capital: look for an
    upper-case literal here to know whether a case-insensitive pattern can match. Usually as long as ``text``; a
    character whose case mapping is longer (ß, İ) makes it longer."""
    return text.upper() if text.isascii() else text.lower().upper()  # ASCII: the same, one pass (isascii is O(1))


class LazyPattern:
    __slots__ = ("pattern", "flags", "long_texts", "_compiled", "_linear_from", "_linear", "_waiting", *_METHODS)
    _own_methods: tuple[str, ...] = ()  # methods a subclass defines itself, not copied from the compiled pattern

    def __init__(self, pattern: str, flags: int = 0, long_texts: bool = False) -> None:
        self.pattern = pattern
        self.flags = flags
        self.long_texts = long_texts
        self._compiled: re.Pattern[str] | None = None
        self._linear_from = NEVER  # the length from which RE2 prefilters a text (see the module's doc)
        self._linear: Any = None  # RE2's program once compiled, False where there is none
        self._waiting = LINEAR_AFTER  # long texts still to see before RE2's program is compiled

    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            compiled = guarded_compile(self.pattern, self.flags)
            self._linear_from = _linear_threshold(self.pattern, self.flags, self.long_texts)
            for name in _METHODS:
                if name not in self._own_methods:
                    setattr(self, name, getattr(compiled, name))
            if self._linear_from < NEVER:
                for name in _PREFILTERED_METHODS:
                    if name not in self._own_methods:
                        setattr(self, name, getattr(self, f"_prefiltered_{name}"))
            self._compiled = compiled
        return self._compiled

    def may_match(self, text: str) -> bool:
        """False only where the pattern cannot match: where RE2 finds no match of its superset in ``text``."""
        if self._compiled is None:
            self.compiled()
        return len(text) < self._linear_from or self._linear_match(text)

    def _linear_match(self, text: str) -> bool:
        program = self._linear
        if program is None:
            self._waiting -= 1
            if self._waiting > 0:  # a pattern seen on few long texts is not worth RE2's compile (~0.6 ms)
                return True
            program = self._linear = _linear_program(self.pattern, self.flags) or False
        encoded = _utf8(text) if program is not False else None
        return encoded is None or program(encoded, 0, len(encoded))[0][0] >= 0

    # A pattern that RE2 prefilters has these for its search methods, in place of the compiled pattern's own (the
    # length test written out: most calls are on short texts, and a call to may_match would double their cost)
    def _prefiltered_search(self, text: str, *args: Any) -> re.Match[str] | None:
        if args or len(text) < self._linear_from or self._linear_match(text):
            return self._compiled.search(text, *args)
        return None

    def _prefiltered_finditer(self, text: str, *args: Any) -> Iterator[re.Match[str]]:
        if args or len(text) < self._linear_from or self._linear_match(text):
            return self._compiled.finditer(text, *args)
        return iter(())

    def _prefiltered_findall(self, text: str, *args: Any) -> list[Any]:
        if args or len(text) < self._linear_from or self._linear_match(text):
            return self._compiled.findall(text, *args)
        return []

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
        return (LazyPattern, (self.pattern, self.flags, self.long_texts))


class PrefilteredPattern(LazyPattern):
    """A lazy pattern that runs only on texts holding one of its literals (``needs``), and where RE2 prefilters it
    (see the module's doc), only on those where RE2 finds a match of its superset."""

    __slots__ = ("needs", "_folds")
    _own_methods = _PREFILTERED_METHODS

    def __init__(self, pattern: str, flags: int, needs: tuple[str, ...], long_texts: bool = False) -> None:
        super().__init__(pattern, flags, long_texts)
        # literals without letters (`://`, `$ `) are looked for in the text itself, case-insensitive or not
        self._folds = (bool(flags & re.IGNORECASE) or pattern.startswith("(?i)")) and \
            any(n.lower() != n.upper() for n in needs)
        self.needs = tuple(n.upper() for n in needs) if self._folds else needs

    def may_match(self, text: str) -> bool:
        """False only where the pattern cannot match: none of its literals occurs in ``text``, or RE2 finds no
        match of the pattern's superset in it."""
        return any(map((fold(text) if self._folds else text).__contains__, self.needs)) and super().may_match(text)

    def search(self, text: str, *args: Any) -> re.Match[str] | None:
        return self.compiled().search(text, *args) if args or self.may_match(text) else None

    def finditer(self, text: str, *args: Any) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(text, *args) if args or self.may_match(text) else iter(())

    def findall(self, text: str, *args: Any) -> list[Any]:
        return self.compiled().findall(text, *args) if args or self.may_match(text) else []

    def __reduce__(self) -> tuple[Any, ...]:
        return (PrefilteredPattern, (self.pattern, self.flags, self.needs, self.long_texts))


@lru_cache(maxsize=1)  # the security rules run their patterns over one file's text in a row: encode it once
def _utf8(text: str) -> bytes | None:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: RE2 reads UTF-8 only, so the pattern runs alone
        return None


@lru_cache(maxsize=1)  # imported when a pattern first needs it (~2 ms): a one-skill run may not
def _re2() -> Any:
    """RE2's own binding, without the Python wrapper's re-like layer (which encodes the text on every call); None
    where the wheel is missing (patterns then run without the prefilter)."""
    try:
        from re2 import _re2 as binding
    except ImportError:
        return None
    return binding


def _linear_program(pattern: str, flags: int) -> Any:
    """RE2's unanchored match with :func:`linear_superset` of the pattern (called with the UTF-8 text, start and
    end; its first span is (-1, -1) where nothing matches), or None (no RE2, or a pattern it cannot take)."""
    binding = _re2()
    translated = linear_superset(pattern, flags) if binding is not None else None
    if translated is None:
        return None
    options = binding.RE2.Options()
    options.log_errors = False  # a DFA out of memory falls back to RE2's NFA, still linear: nothing to tell
    options.never_capture = True
    options.max_mem = RE2_MEMORY
    program = binding.RE2(translated.encode("utf-8"), options)
    return partial(program.Match, binding.RE2.Anchor.UNANCHORED) if program.ok() else None


def _linear_threshold(pattern: str, flags: int, long_texts: bool) -> int:
    """The length of text from which RE2 prefilters the pattern: LINEAR_FROM where Python's engine cannot skip
    through a text, LONG_TEXT where it can and the pattern scans whole files, never otherwise. The answer is kept
    with the compiled programs."""
    if _sre_compiler is None:
        return NEVER
    key: ProgramKey = (pattern, int(flags), "skips ahead")
    skips = _programs.get(key)
    if skips is None:
        try:
            skips = _engine_skips_ahead(_sre_parser.parse(pattern, flags))
        except (AttributeError, TypeError, ValueError):  # internals of another shape: no prefilter
            return NEVER
        _programs.add(key, skips)
    return (LONG_TEXT if long_texts else NEVER) if skips else LINEAR_FROM


def _engine_skips_ahead(parsed: Any) -> bool:
    """Whether Python's engine finds where a match can start without trying the pattern: it opens with a literal,
    a class or a start anchor, or the compiler finds a literal prefix or a set of first characters."""
    data, flags = parsed.data, parsed.state.flags
    if not data:
        return True
    op, av = data[0]
    return str(op) in ("LITERAL", "IN") or str(op) == "AT" and str(av) in ("AT_BEGINNING", "AT_BEGINNING_STRING") \
        or bool(_sre_compiler._get_literal_prefix(parsed, flags)[0]) \
        or _sre_compiler._get_charset_prefix(parsed, flags) is not None


# Python's re.IGNORECASE matches these non-ASCII characters to ASCII letters (tests/test_lazy_re.py checks every
# code point); RE2's case folding is not relied on: a case-insensitive pattern is translated to explicit classes.
_ASCII_CASE_EXTRAS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
# Python's classes, widened to a superset RE2 spells (``\w``: letters, numbers and the underscore; ``\s``: its
# whitespace), and narrowed to a subset for use inside a negated class, whose complement is then a superset.
_CATEGORY_SUPERSETS = {"CATEGORY_WORD": r"\pL\pN_", "CATEGORY_DIGIT": r"\pN",
                       "CATEGORY_SPACE": r"\t\n\x0b\x0c\r\x1c-\x20\x85\xa0\x{1680}\x{2000}-\x{200a}"
                                         r"\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"}
_CATEGORY_SUBSETS = {"CATEGORY_WORD": "0-9A-Za-z_", "CATEGORY_DIGIT": "0-9", "CATEGORY_SPACE": r"\t\n\x0b\x0c\r "}
_ANY = "(?s:.)"
_RE2_MAX_REPEAT = 1000


class _NoTranslation(Exception):
    pass


def linear_superset(pattern: str, flags: int = 0) -> str | None:
    """An RE2 pattern that matches somewhere in every text where ``pattern`` does (a superset; None where the
    pattern has a construct this does not translate). Lookarounds, anchors and word boundaries match anywhere,
    back-references any text, possessive and atomic repeats as plain ones; ``\\w``, ``\\d`` and ``\\s`` become
    Unicode classes holding Python's; a case-insensitive letter becomes the class of what Python matches to it."""
    if _sre_compiler is None:
        return None
    try:
        parsed = _sre_parser.parse(pattern, flags)
        return _translate(parsed.data, bool(parsed.state.flags & re.IGNORECASE), bool(parsed.state.flags & re.DOTALL))
    except (_NoTranslation, re.error, AttributeError, TypeError, ValueError):
        return None


def _translate(items: Any, icase: bool, dotall: bool) -> str:
    out = []
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out.append(_literal(av, icase))
        elif name == "NOT_LITERAL":
            out.append(_ANY if icase and _cased(av) else f"[^{_escape(av)}]")
        elif name == "ANY":
            out.append(_ANY if dotall else "[^\\n]")
        elif name == "IN":
            out.append(_class(av, icase))
        elif name == "BRANCH":
            out.append("(?:" + "|".join(_translate(branch.data, icase, dotall) for branch in av[1]) + ")")
        elif name == "SUBPATTERN":
            _group, add_flags, _del_flags, body = av  # a flag turned off only narrows: keeping it widens
            out.append("(?:" + _translate(body.data, icase or bool(add_flags & re.IGNORECASE),
                                          dotall or bool(add_flags & re.DOTALL)) + ")")
        elif name == "ATOMIC_GROUP":
            out.append("(?:" + _translate(av.data, icase, dotall) + ")")
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            # no upper bound: a counted window (`[^.\\n]{0,80}`) multiplies the DFA's states, and dropping it widens
            low, _high, body = av
            out.append("(?:" + _translate(body.data, icase, dotall) + f"){{{min(low, _RE2_MAX_REPEAT)},}}")
        elif name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue  # zero-width: matching at every position is a superset
        elif name == "GROUPREF":
            out.append(_ANY + "*")
        elif name == "GROUPREF_EXISTS":
            _group, yes, no = av
            out.append("(?:" + _translate(yes.data, icase, dotall) + "|" +
                       (_translate(no.data, icase, dotall) if no else "") + ")")
        else:
            raise _NoTranslation(name)
    return "".join(out)


def _escape(code: int) -> str:
    return f"\\x{{{code:x}}}"


def _cased(code: int) -> bool:
    char = chr(code)
    return char.lower() != char or char.upper() != char


def _case_variants(code: int) -> str:
    """The characters Python's re.IGNORECASE matches to an ASCII letter, as class members."""
    char = chr(code).lower()
    return _escape(ord(char)) + _escape(ord(char.upper())) + "".join(
        _escape(ord(extra)) for extra in _ASCII_CASE_EXTRAS.get(char, ""))


def _literal(code: int, icase: bool) -> str:
    if not icase or not _cased(code):
        return _escape(code) if code >= 128 or not chr(code).isalnum() else chr(code)
    if code >= 128:
        raise _NoTranslation("a case-insensitive non-ASCII letter")
    return "[" + _case_variants(code) + "]"


def _class(items: Any, icase: bool) -> str:
    negated = bool(items) and str(items[0][0]) == "NEGATE"
    members = []
    for op, av in items[1:] if negated else items:
        name = str(op)
        if name == "LITERAL":
            if icase and _cased(av):
                if negated:
                    continue  # left out of the excluded set: the complement grows
                if av >= 128:
                    raise _NoTranslation("a case-insensitive non-ASCII letter")
                members.append(_case_variants(av))
            else:
                members.append(_escape(av))
        elif name == "RANGE":
            low, high = av
            if icase and any(_cased(code) for code in range(low, high + 1)):
                if negated:
                    continue  # as a letter above
                if high >= 128:
                    raise _NoTranslation("a case-insensitive range beyond ASCII")
                members.extend(_case_variants(code) if _cased(code) else _escape(code) for code in range(low, high + 1))
            else:
                members.append(f"{_escape(low)}-{_escape(high)}")
        elif name == "CATEGORY":
            category = str(av)
            table = _CATEGORY_SUBSETS if negated else _CATEGORY_SUPERSETS
            if category in table:
                members.append(table[category])
            elif not negated:
                return _ANY  # a negated category (``\\S``) in a class: any character, a superset
        else:
            raise _NoTranslation(name)
    if negated:
        return "[^" + "".join(members) + "]" if members else _ANY
    return "[" + "".join(members) + "]"


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
# (pattern, flags), and "plain" after them for a program without the guard, "skips ahead" for _engine_skips_ahead's
# answer, which is kept beside the programs
ProgramKey = tuple[Any, ...]


class _ProgramCache:
    """Programs by (pattern, flags): those of earlier processes (read at the first compile) and this one's new ones
    (written at exit, merged, in one rename)."""

    def __init__(self) -> None:
        self.known: dict[ProgramKey, Program | bool] | None = None
        self.new: dict[ProgramKey, Program | bool] = {}

    @cached_property
    def path(self) -> str | None:
        """The cache file, named once per process (reading this module's source): None where caching is off."""
        folder = user_cache_dir()
        if folder is None or _sre_compiler is None:
            return None
        with open(__file__, "rb") as own_source:  # the guard is part of every program
            version = zlib.crc32(own_source.read(), zlib.crc32(f"{sys.version}{_sre.MAGIC}".encode()))
        return os.path.join(folder, f"regex-programs-{sys.implementation.cache_tag}-{version:08x}.marshal")

    def get(self, key: ProgramKey) -> Any:
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

    def add(self, key: ProgramKey, program: Program | bool) -> None:
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


def lazy(pattern: str, flags: int = 0, *, needs: tuple[str, ...] = (), long_texts: bool = False) -> LazyPattern:
    """A pattern compiled on first use; with ``needs``, one that runs only where one of those literals occurs; with
    ``long_texts`` (a pattern that scans whole files), one that RE2 prefilters on long texts."""
    return PrefilteredPattern(pattern, flags, needs, long_texts) if needs else LazyPattern(pattern, flags, long_texts)
