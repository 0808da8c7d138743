#!/usr/bin/env python3
"""Fidelity of the libyaml frontmatter path against ruamel.yaml (the reference), on every SKILL.md of the corpus.

Usage: python corpus/parity_frontmatter.py [FOLDER ...] [--show N]
Default: every hub of ../shared/corpus. Reads each SKILL.md's frontmatter both ways and compares the results
(values, key lines and columns, value lines, errors). Prints the share identical, how many took the fast path and
why the others went to ruamel, and the CPU of each.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from skvm_lint.limits import Limits
from skvm_lint.parsing.frontmatter import _load_fast, find_block, parse_frontmatter

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "corpus"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--show", type=int, default=10, help="differences to print (default 10)")
    args = parser.parse_args()
    folders = args.folders or (sorted(p for p in SHARED.iterdir() if p.is_dir()) if SHARED.is_dir() else [])
    if not folders:
        sys.exit(f"{SHARED}: not found (the shared corpus sits beside the checkout); name folders to compare")
    limits = Limits()
    files = same = fast_path = shown = 0
    cpu = {"libyaml path": 0.0, "ruamel": 0.0}
    for folder in folders:
        for path in sorted(folder.rglob("SKILL.md")):
            if not path.is_file() or path.is_symlink():
                continue
            text = path.read_bytes()[:limits.max_file_bytes].decode("utf-8", "replace")
            block = find_block(text)
            files += 1
            if block is not None and "*" not in block[2] and "&" not in block[2] \
                    and _load_fast(block[2], limits.max_yaml_depth) is not None:
                fast_path += 1
            start = time.process_time()
            fast = parse_frontmatter(text, "SKILL.md", block, limits)
            cpu["libyaml path"] += time.process_time() - start
            start = time.process_time()
            reference = parse_frontmatter(text, "SKILL.md", block, limits, engine="ruamel")
            cpu["ruamel"] += time.process_time() - start
            if fast == reference:
                same += 1
            elif shown < args.show:
                shown += 1
                for name in ("data", "key_lines", "key_columns", "value_lines", "error"):
                    if getattr(fast, name) != getattr(reference, name):
                        print(f"{path}: {name}\n  ruamel:  {str(getattr(reference, name))[:300]}\n"
                              f"  libyaml: {str(getattr(fast, name))[:300]}")
    print(f"{same}/{files} frontmatters identical ({100 * same / max(files, 1):.2f} %); "
          f"{fast_path} read by libyaml, {files - fast_path} by ruamel")
    for name, seconds in cpu.items():
        print(f"{name}: {seconds:.2f} s CPU ({1000 * seconds / max(files, 1):.2f} ms per SKILL.md)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
