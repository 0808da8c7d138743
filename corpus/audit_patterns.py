#!/usr/bin/env python3
"""Find regular expressions that go quadratic (or worse) on hostile text, before a hub skill finds them.

Imports every module of skvm_lint and every rule file, and runs each compiled pattern (`search` and `findall`)
on runs of one shape (letters, digits, blank lines, spaces, dots, `./`, quotes, braces, URLs, ...). A linear
pattern takes milliseconds on these; one that rescans from every position takes seconds, and minutes to hours at
the megabyte sizes a hostile skill can have. Prints the patterns slower than --slow on any shape, with the time
as a ratio to the fastest pattern on the same shape, and exits 1 when there are any.

Usage: python corpus/audit_patterns.py [--size N] [--slow SECONDS]
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import pkgutil
import re
import signal
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import skvm_lint  # noqa: E402


def shapes(n: int) -> dict[str, str]:
    return {"letters": "a" * n, "digits": "1" * n, "blank lines": "\n" * n, "spaces": " " * n,
            "dots": "." * n, "dot-slash": "./" * (n // 2), "word-dot": "a." * (n // 2), "quotes": '"' * n,
            "braces": "{" * n, "dashes": "-" * n, "words": "a " * (n // 2), "tab-newline": "\t\n" * (n // 2),
            "assignments": "x=" * (n // 2), "slashes": "a/" * (n // 2), "url": "https://a." * (n // 10),
            "base64": "QUFB" * (n // 4), "hex": "0123456789abcdef" * (n // 16), "substitution": "$(" * (n // 2),
            "snake": "<" + "a_" * (n // 2), "upper": "A_" * (n // 2), "backslash-newline": "\\\n" * (n // 2)}


def patterns() -> list[tuple[str, str, re.Pattern[str]]]:
    modules = [importlib.import_module(m.name) for m in pkgutil.walk_packages(skvm_lint.__path__, "skvm_lint.")
               if not m.name.endswith("__main__")]
    for path in sorted((ROOT / "rules").glob("*.py")):
        spec = importlib.util.spec_from_file_location(f"rules.{path.stem}", path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        modules.append(module)
    found: dict[int, tuple[str, str, re.Pattern[str]]] = {}
    for module in modules:
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.setdefault(id(value), (module.__name__, name, value))
    return list(found.values())


class _Timeout(Exception):
    pass


def _alarm(_signum: int, _frame: object) -> None:
    raise _Timeout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=20_000, help="characters per run (default 20,000)")
    parser.add_argument("--slow", type=float, default=0.3, help="seconds above which a pattern is reported")
    args = parser.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    runs = shapes(args.size)
    found = patterns()
    times: dict[tuple[str, str], dict[str, float]] = {}
    for module, name, pattern in found:
        for shape, text in runs.items():
            start = time.perf_counter()
            signal.alarm(10)
            try:
                pattern.search(text)
                pattern.findall(text)
                elapsed = time.perf_counter() - start
            except _Timeout:
                elapsed = float("inf")
            finally:
                signal.alarm(0)
            times.setdefault((module, name), {})[shape] = elapsed
    fastest = {shape: max(min(t[shape] for t in times.values()), 1e-6) for shape in runs}
    slow = [(module, name, shape, t) for (module, name), by_shape in times.items()
            for shape, t in by_shape.items() if t > args.slow]
    for module, name, shape, t in sorted(slow, key=lambda row: -row[3]):
        shown = "over 10 s" if t == float("inf") else f"{t:.2f} s ({t / fastest[shape]:,.0f}x the fastest)"
        print(f"{module}.{name}: {shape} x {args.size:,}: {shown}")
    print(f"{len(found)} patterns, {len(runs)} shapes of {args.size:,} characters: {len(slow)} slow")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
