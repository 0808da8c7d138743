"""The version of skvm-lint (one place: the package, reports and the cache key read it)."""

__version__ = "0.1.0"
