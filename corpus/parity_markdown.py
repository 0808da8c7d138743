#!/usr/bin/env python3
"""Fidelity of the compiled Markdown front end (markdown-it-pyrs) against the reference (markdown-it-py).

Usage: python corpus/parity_markdown.py [FOLDER ...] [--show N]
Default: every hub of ../shared/corpus. Parses every Markdown file of every skill with both front ends and compares
the resulting models field by field (sections, list items, code blocks with their code facts, inline code,
commands, links, HTML comments, tables, paragraphs). Prints the share of identical files, the fields that differ
most, and the first N differences to read by eye, with the CPU time of each front end.
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

import msgspec

from skvm_lint.limits import Limits
from skvm_lint.parsing.markdown import parse_markdown

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "corpus"
MARKDOWN = {".md", ".markdown", ".mdx"}


def markdown_files(folders: list[Path]):
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() in MARKDOWN and path.is_file() and not path.is_symlink():
                yield path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--show", type=int, default=10, help="differences to print (default 10)")
    args = parser.parse_args()
    folders = args.folders or (sorted(p for p in SHARED.iterdir() if p.is_dir()) if SHARED.is_dir() else [])
    if not folders:
        sys.exit(f"{SHARED}: not found (the shared corpus sits beside the checkout); name folders to compare")
    limits = Limits()
    files = same = 0
    fields: collections.Counter[str] = collections.Counter()
    shown = 0
    cpu = {"markdown-it-pyrs": 0.0, "markdown-it-py": 0.0}
    for path in markdown_files(folders):
        text = path.read_bytes()[:limits.max_file_bytes].decode("utf-8", "replace")
        files += 1
        start = time.process_time()
        fast, fast_front = parse_markdown(text, path.name, limits)
        cpu["markdown-it-pyrs"] += time.process_time() - start
        start = time.process_time()
        reference, front = parse_markdown(text, path.name, limits, engine="markdown-it-py")
        cpu["markdown-it-py"] += time.process_time() - start
        differing = [f.name for f in msgspec.structs.fields(reference)
                     if getattr(reference, f.name) != getattr(fast, f.name)]
        if fast_front != front:
            differing.append("front matter")
        if not differing:
            same += 1
            continue
        fields.update(differing)
        for name in differing:
            if shown >= args.show or name == "front matter":
                continue
            ref, got = getattr(reference, name), getattr(fast, name)
            if isinstance(ref, list):
                pairs = [(a, b) for a, b in zip(ref, got) if a != b] or [(ref[len(got):], got[len(ref):])]
                ref, got = pairs[0]
            print(f"{path}: {name}\n  markdown-it-py:   {str(ref)[:400]}\n  markdown-it-pyrs: {str(got)[:400]}")
            shown += 1
    print(f"{same}/{files} Markdown files parse to identical models ({100 * same / max(files, 1):.2f} %)")
    for name, count in fields.most_common():
        print(f"  {name}: differs in {count} files")
    for name, seconds in cpu.items():
        print(f"{name}: {seconds:.1f} s CPU ({1000 * seconds / max(files, 1):.2f} ms per file)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
