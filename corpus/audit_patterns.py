#!/usr/bin/env python3
"""Find regular expressions that go quadratic (or worse) on hostile text, before a hub skill finds them.

Imports every module of skvm_lint and every rule file, and runs each pattern they define, compiled or lazy, named
or in a table (`search` and `findall`; as the package uses it for those in USES: anchored, or on a bounded slice)
on runs of one shape (letters, digits, blank lines, spaces, dots, `./`, quotes, braces, URLs, ...). A linear
pattern takes milliseconds on these; one that rescans from every position takes seconds, and minutes to hours at
the megabyte sizes a hostile skill can have. Prints the patterns slower than --slow on any shape, with the time
as a ratio to the fastest pattern on the same shape, and exits 1 when there are any.

Usage: python corpus/audit_patterns.py [--size N] [--slow SECONDS]
"""

from __future__ import annotations

import argparse
import gc
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
from skvm_lint.lazy_re import LazyPattern


def shapes(n: int) -> dict[str, str]:
    return {"letters": "a" * n, "digits": "1" * n, "blank lines": "\n" * n, "spaces": " " * n,
            "dots": "." * n, "dot-slash": "./" * (n // 2), "word-dot": "a." * (n // 2), "quotes": '"' * n,
            "braces": "{" * n, "dashes": "-" * n, "words": "a " * (n // 2), "tab-newline": "\t\n" * (n // 2),
            "assignments": "x=" * (n // 2), "slashes": "a/" * (n // 2), "url": "https://a." * (n // 10),
            "base64": "QUFB" * (n // 4), "hex": "0123456789abcdef" * (n // 16), "substitution": "$(" * (n // 2),
            "snake": "<" + "a_" * (n // 2), "upper": "A_" * (n // 2), "backslash-newline": "\\\n" * (n // 2),
            "comment markers": "// " * (n // 3), "hashes": "# " * (n // 2), "sentences": "a. " * (n // 3)}


def patterns() -> list[tuple[str, str, re.Pattern[str]]]:
    """Every pattern the package and the rules define: compiled ones and lazy ones (compiled here), whether a module
    names them or they sit in a table (the cue vocabularies, token formats)."""
    modules = [importlib.import_module(m.name) for m in pkgutil.walk_packages(skvm_lint.__path__, "skvm_lint.")
               if not m.name.endswith("__main__")]
    for path in sorted((ROOT / "rules").glob("*.py")):
        spec = importlib.util.spec_from_file_location(f"rules.{path.stem}", path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        modules.append(module)
    found: dict[tuple[str, int], tuple[str, str, re.Pattern[str]]] = {}
    for module in modules:
        for name, value in vars(module).items():
            if isinstance(value, LazyPattern):
                value = value.compiled()
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.setdefault((value.pattern, value.flags), (module.__name__, name, value))
    for value in gc.get_objects():  # the unnamed ones
        if isinstance(value, LazyPattern) and isinstance(value.pattern, str):
            compiled = value.compiled()
            found.setdefault((compiled.pattern, compiled.flags), ("(unnamed)", repr(value.pattern[:60]), compiled))
    return list(found.values())


# Patterns the package runs only anchored (match or fullmatch at a position) or over a slice of bounded length: a
# search over a whole hostile text is no case it has. Anchored ones are timed with match and fullmatch, the others
# with search and findall, on the run cut to the bound. (module's last part, name): (anchored, bound or None)
ANCHORED = (True, None)
USES: dict[tuple[str, str], tuple[bool, int | None]] = {
    ("solidification", "TOOL_CALL"): ANCHORED,  # match of a block's text
    ("capabilities", "OUTPUT_LABEL"): ANCHORED,  # fullmatch of a label line
    ("capabilities", "_PROGRAM_NAME"): ANCHORED,  # fullmatch of a heading's title
    ("capabilities", "RULES_HEADING"): ANCHORED,  # match of a heading's title
    ("dependencies", "_RELATIVE_PATH"): ANCHORED,  # match of one argument
    ("dependencies", "ALTERNATIVE_LINE"): ANCHORED,  # match of one comment
    ("dependencies", "WAY_COMMENT"): ANCHORED,  # fullmatch of one comment
    ("dependencies", "_NAME_THEN_CUE"): ANCHORED,  # fullmatch between a program's name and a cue
    ("dependencies", "HOST_NAME"): ANCHORED,  # fullmatch of a URL's host
    ("dependencies", "_PIP_URL"): ANCHORED,  # fullmatch of one install argument
    ("dependencies", "_NPM_URL"): ANCHORED,  # fullmatch of one install argument
    ("dependencies", "NPM_NAME"): ANCHORED,  # fullmatch of one package name
    ("dependencies", "_LOCAL_PACKAGE"): ANCHORED,  # match of an install entry's package
    ("dependencies", "_RUNTIME_NAME"): ANCHORED,  # match of a manifest's runtime
    ("vocabulary", "DEV_TOOL_CONFIG"): ANCHORED,  # fullmatch of a file's name
    ("capabilities", "_DATA_FILE_NAME"): ANCHORED,  # fullmatch of a heading
    ("dependencies", "OR_SERIES"): (True, 1000),  # match after a command in a line cut to _LINE_CUE_CHARS
    ("dependencies", "OR_SIMILAR"): (True, 1000),  # match after a command in a line cut to _LINE_CUE_CHARS
    ("workflow", "ITEM_NOUN"): ANCHORED,  # match after "each"
    ("workflow", "OUTLINE_SECTION"): ANCHORED,  # match of a heading's title
    ("workflow", "FIELD"): (False, 300),  # match after a colon, findall over FIELDS_READ characters
    ("workflow", "MADE_ITEMS"): (False, 400),  # finditer in the MADE_NEARBY characters before "each"
    ("workflow", "CONTINUATION"): (False, 500),  # sub on a command's text, kept to 500 characters
    ("workflow", "URL"): (False, 500),  # sub on a command's text
    ("model", "_CAPITALS_NAME"): ANCHORED,  # fullmatch of a file name
}


def time_use(pattern: re.Pattern[str], text: str, use: tuple[bool, int | None] | None) -> float:
    """Seconds the pattern takes on ``text`` as the package uses it; inf past 10 s."""
    anchored, bound = use or (False, None)
    text = text[:bound] if bound else text
    start = time.perf_counter()
    signal.alarm(10)
    try:
        if anchored:
            pattern.match(text)
            pattern.fullmatch(text)
        else:
            pattern.search(text)
            pattern.findall(text)
        return time.perf_counter() - start
    except _Timeout:
        return float("inf")
    finally:
        signal.alarm(0)


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
        use = USES.get((module.rsplit(".", 1)[-1], name))
        for shape, text in runs.items():
            times.setdefault((module, name), {})[shape] = time_use(pattern, text, use)
    fastest = {shape: max(min(t[shape] for t in times.values()), 1e-6) for shape in runs}
    slow = [(module, name, shape, t) for (module, name), by_shape in times.items()
            for shape, t in by_shape.items() if t > args.slow]
    for module, name, shape, t in sorted(slow, key=lambda row: -row[3]):
        shown = "over 10 s" if t == float("inf") else f"{t:.2f} s ({t / fastest[shape]:,.0f}x the fastest)"
        print(f"{module}.{name}: {shape} x {args.size:,}: {shown}")
    print(f"{len(found)} patterns ({len(USES)} timed as used: anchored or on a bounded slice), {len(runs)} shapes of "
          f"{args.size:,} characters: {len(slow)} slow")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
