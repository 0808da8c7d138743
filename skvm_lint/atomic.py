"""Writing files so that readers see the old content or the new, never half of it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO


def umask() -> int:
    """The process's umask (reading it means setting it: set it straight back)."""
    current = os.umask(0)
    os.umask(current)
    return current


def atomic_write(path: Path, text: str) -> None:
    """Replace (or create) ``path`` with ``text`` (UTF-8) in one rename, keeping an existing file's permissions."""
    with atomic_writer(path) as fh:
        fh.write(text)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """:func:`atomic_write` for bytes."""
    with _replacing(path, "wb") as fh:
        fh.write(data)


@contextmanager
def atomic_writer(path: Path) -> Iterator[TextIO]:
    """A text handle whose content replaces (or creates) ``path`` in one rename when the block ends without an
    error, keeping an existing file's permissions: for documents too large to build in memory first."""
    with _replacing(path, "w", encoding="utf-8", errors="surrogatepass", newline="") as fh:
        yield fh


@contextmanager
def _replacing(path: Path, mode: str, **text_options: str) -> Iterator[Any]:
    """A handle on a temporary file beside ``path`` that replaces it in one rename when the block ends without an
    error (flushed to disk first, an existing file's permissions kept), and is removed when it does not."""
    import tempfile  # here: a warm hub scan writes nothing and need not load it

    try:
        mode_bits = path.stat().st_mode
    except FileNotFoundError:
        mode_bits = 0o666 & ~umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".skvm-lint.tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, **text_options) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode_bits & 0o7777)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
