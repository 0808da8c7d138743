"""Baselines: accept the findings that exist today, report only new ones.

A finding is identified by its rule, its file and a fingerprint of its message and the text of its line, not its
line number, so editing elsewhere in a file does not resurrect accepted findings.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from .atomic import atomic_write
from .diagnostics import Diagnostic

BASELINE_VERSION = 1


class BaselineError(Exception):
    pass


def fingerprint(diag: Diagnostic) -> str:
    import hashlib  # here: a run without a baseline or fingerprints need not load OpenSSL (~2 ms)

    payload = "\x1f".join([diag.rule, diag.message, " ".join(diag.source_line.split())])
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _key(diag: Diagnostic, base: Path) -> tuple[str, str, str]:
    path = os.path.relpath(os.path.abspath(diag.path), base).replace(os.sep, "/")
    return diag.rule, path, fingerprint(diag)


def write_baseline(diags: list[Diagnostic], path: Path) -> int:
    """Write every finding to ``path`` atomically; returns how many were written."""
    base = path.resolve().parent
    findings = sorted(_key(d, base) for d in diags)
    doc = {"version": BASELINE_VERSION, "tool": "skvm-lint",
           "findings": [{"rule": r, "path": p, "fingerprint": f} for r, p, f in findings]}
    atomic_write(path, json.dumps(doc, indent=1) + "\n")
    return len(findings)


def apply_baseline(diags: list[Diagnostic], path: Path) -> tuple[list[Diagnostic], int]:
    """Drop findings accepted by the baseline; returns ``(remaining, accepted_count)``."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        accepted = Counter((f["rule"], f["path"], f["fingerprint"]) for f in doc["findings"])
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file not found (create it with --write-baseline {path})") from None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BaselineError(f"{path}: not a skvm-lint baseline ({exc}); recreate it with --write-baseline") from None
    base = path.resolve().parent
    remaining = []
    matched = 0
    for diag in diags:
        key = _key(diag, base)
        if accepted[key] > 0:
            accepted[key] -= 1
            matched += 1
        else:
            remaining.append(diag)
    return remaining, matched
