"""Build a hub of skills from GitHub repositories, as corpus/verdicts/*github-*.tsv read them.

Each row of the sources file names a repository, the commit read, and the length in characters of the SKILL.md at
that commit; a `path` column, where present, names a SKILL.md below the root (a collection's
`skills/learn-grade/SKILL.md`). The script fetches that one file (the repositories' scripts and references were not
read, so they are not fetched) into DEST/<owner>__<repo>/SKILL.md, or DEST/<owner>__<its folder>/SKILL.md for one
below the root, and checks its length, so a rebuilt hub holds the text the verdicts judged. The skills are
third-party data: fetched here, never committed.

Usage: python corpus/build_github_hub.py corpus/verdicts/github-singles-2026-12-06.sources.tsv /tmp/ghhub
Needs: network access to raw.githubusercontent.com (or --base-url of a mirror that serves OWNER/REPO/COMMIT/PATH).
"""

from __future__ import annotations

import argparse
import csv
import sys
import urllib.parse
import urllib.request
from pathlib import Path


def fetch(base_url: str, repo: str, commit: str, path: str, timeout: float) -> str:
    url = f"{base_url.rstrip('/')}/{repo}/{commit}/{urllib.parse.quote(path)}"
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("sources", type=Path, help="TSV with columns repo, commit, chars (and path, optionally)")
    parser.add_argument("dest", type=Path, help="folder to create the hub in (must not exist)")
    parser.add_argument("--base-url", default="https://raw.githubusercontent.com")
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args(argv)
    if args.dest.exists():
        parser.error(f"{args.dest} exists; pass a new folder so no earlier hub is mixed in")
    with args.sources.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    texts = {}
    for row in rows:
        path = row.get("path") or "SKILL.md"
        where = f"{row['repo']}@{row['commit'][:12]}:{path}"
        try:
            text = fetch(args.base_url, row["repo"], row["commit"], path, args.timeout)
        except OSError as error:
            print(f"{where}: cannot fetch ({error})", file=sys.stderr)
            return 1
        if len(text) != int(row["chars"]):
            print(f"{where}: has {len(text)} characters, the verdicts read {row['chars']}; not the text that was "
                  f"judged", file=sys.stderr)
            return 1
        owner, name = row["repo"].split("/", 1)
        texts[f"{owner}__{Path(path).parent.name or name}"] = text
    for folder, text in texts.items():  # written only once every file checked out: no half-built hub
        (args.dest / folder).mkdir(parents=True)
        (args.dest / folder / "SKILL.md").write_text(text, encoding="utf-8", newline="")
    print(f"{len(texts)} skills in {args.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
