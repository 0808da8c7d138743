"""The data files shipped in ``skvm_lint/data/`` (vocabulary, cues, lookup tables), read through the package's
loader: ``pkgutil.get_data`` works from a folder or a zip alike, and costs nothing to import, where
``importlib.resources`` costs about 10 ms of imports (tempfile, zipfile, shutil) in a one-skill run."""

from __future__ import annotations

import marshal
import os
import pkgutil
import sys
import zlib
from typing import Any

from .user_cache import user_cache_dir


def data_bytes(name: str) -> bytes:
    """The bytes of ``skvm_lint/data/<name>``."""
    data = pkgutil.get_data("skvm_lint", f"data/{name}")
    if data is None:  # a loader that cannot read data files: never the case for a folder or a wheel
        raise FileNotFoundError(f"skvm_lint/data/{name}")
    return data


def data_text(name: str) -> str:
    """The text (UTF-8) of ``skvm_lint/data/<name>``."""
    return data_bytes(name).decode("utf-8")


def data_toml(name: str) -> dict[str, Any]:
    """The parsed TOML file ``skvm_lint/data/<name>``. Parsing the cue and vocabulary files costs about 13 ms a
    process (every one-skill run and every worker), reading them back from marshal 0.3 ms: the parsed form is kept
    in the user's cache folder, named by a checksum of the file's bytes (an edited file is parsed afresh)."""
    data = data_bytes(name)
    folder = user_cache_dir()
    if folder is None:
        return _parse_toml(data)
    stem = f"data-{name.replace('/', '-')}-{sys.implementation.cache_tag}-"
    path = os.path.join(folder, f"{stem}{zlib.crc32(data):08x}-{len(data)}.marshal")
    try:
        with open(path, "rb") as fh:
            parsed = marshal.loads(fh.read())
        if isinstance(parsed, dict):
            return parsed
    except (OSError, ValueError, EOFError, TypeError):  # none yet, unreadable or damaged: parse afresh
        pass
    parsed = _parse_toml(data)
    try:
        from pathlib import Path

        from .atomic import atomic_write_bytes

        os.makedirs(folder, exist_ok=True)
        atomic_write_bytes(Path(path), marshal.dumps(parsed))
        for other in os.listdir(folder):  # an earlier version of this file's data
            if other.startswith(stem) and other != os.path.basename(path):
                os.unlink(os.path.join(folder, other))
    except (OSError, ValueError):  # a read-only or full disk, or a value marshal cannot hold: parse next time
        pass
    return parsed


def _parse_toml(data: bytes) -> dict[str, Any]:
    import tomllib

    return tomllib.loads(data.decode("utf-8"))
