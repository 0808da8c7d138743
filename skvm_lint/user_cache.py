"""The user's cache folder for skvm-lint: ``$SKVM_LINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/skvm-lint`` (by default
``~/.cache/skvm-lint``); none when ``SKVM_LINT_NO_CACHE`` is set to anything but ``0`` or empty."""

from __future__ import annotations

import os


def user_cache_dir() -> str | None:
    if os.environ.get("SKVM_LINT_NO_CACHE", "0") not in ("", "0"):
        return None
    folder = os.environ.get("SKVM_LINT_CACHE_DIR")
    if folder:
        return folder
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        home = os.path.expanduser("~")
        if home.startswith("~"):  # no home folder known: never a "~" folder in the working directory
            return None
        base = os.path.join(home, ".cache")
    return os.path.join(base, "skvm-lint")
