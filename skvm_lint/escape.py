"""Text from a skill made safe to print in any report: one place, used from the loader up."""

from __future__ import annotations


def printable(path: str) -> str:
    """A path safe to print anywhere: undecodable bytes as \\xNN, control characters escaped."""
    if path.isprintable():
        return path
    out = []
    for ch in path:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif not ch.isprintable():
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)
