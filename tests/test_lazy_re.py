"""Patterns compiled on first use behave like the compiled pattern, survive pickling, and compile once."""

import pickle
import re

from skvm_lint.lazy_re import LazyPattern, lazy


def test_methods_match_the_compiled_pattern():
    text = "Alpha beta\nGAMMA delta"
    eager = re.compile(r"^(\w+) (\w+)$", re.MULTILINE | re.IGNORECASE)
    pattern = lazy(r"^(\w+) (\w+)$", re.MULTILINE | re.IGNORECASE)
    assert pattern.search(text).groups() == eager.search(text).groups()
    assert pattern.findall(text) == eager.findall(text)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert pattern.sub(r"\2 \1", text) == eager.sub(r"\2 \1", text)
    assert pattern.split(text) == eager.split(text)
    assert pattern.match("x") is None and pattern.fullmatch("a b").group(2) == "b"
    assert pattern.groups == 2 and dict(lazy(r"(?P<word>\w+)").groupindex) == {"word": 1}


def test_nothing_is_compiled_until_a_method_is_used():
    pattern = lazy(r"(unbalanced")  # an invalid pattern: the error comes on first use, not at import
    assert pattern.pattern == "(unbalanced"
    try:
        pattern.search("x")
    except re.error:
        pass
    else:
        raise AssertionError("an invalid pattern must raise re.error when used")


def test_compiles_once_and_binds_the_compiled_methods():
    pattern = lazy(r"b+")
    pattern.search("abbb")
    compiled = pattern.compiled()
    assert pattern.compiled() is compiled
    assert pattern.search.__self__ is compiled  # later calls go straight to the compiled pattern


def test_pickles_uncompiled():
    pattern = lazy(r"x\d", re.IGNORECASE)
    pattern.search("X1")
    copy = pickle.loads(pickle.dumps(pattern))
    assert isinstance(copy, LazyPattern) and copy.flags == re.IGNORECASE and copy.search("X2")
