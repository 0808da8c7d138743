"""The version of skvm-lint (one place: the package, reports and the cache key read it).

It comes from the git tag of the release, written into `_version.py` when the package is built or installed
(hatch-vcs). A source tree that was never installed has no such file and reports 0.0.0+unknown."""

try:
    from ._version import __version__
except ImportError:  # running from a checkout that was never built
    __version__ = "0.0.0+unknown"
