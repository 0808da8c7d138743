"""Rebuild ``skvm_lint/data/npm_requires.json``: what installing an npm package brings along.

A skill that runs ``npm install x402`` has viem, and one that installs @playwright/test has playwright: npm installs
a package's ``dependencies`` with it. The dependency analysis reads this file so that DP001 does not ask such a skill
to declare what its declared packages already require, as ``pypi_requires.json`` does for pip. The file maps each
package the skills of the given hubs declare (install lines, package.json, MCP configs), and each package the
well-known command-line programs come from (``[node.bin_packages]`` in ``data/vocabulary.toml``), to the
``dependencies`` of its latest release on the npm registry (not its peer, optional or dev dependencies), followed
``--levels`` levels down so the analysis can follow a chain within the file.

Usage: python corpus/build_npm_requires.py [--levels 1] [--jobs 16] --declared-in HUB...

The committed file was built with ``--declared-in ../shared/corpus`` (the development hubs, never the held-out ones).

Needs network access to registry.npmjs.org; the analysis itself never does.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
import urllib.parse
import urllib.request

from _requires import DATA, declared_in, follow, write_table


def dependencies_of(name: str) -> list[str] | None:
    """The ``dependencies`` of ``name``'s latest release on the npm registry, sorted; None if it has no such
    package (or the registry could not be read)."""
    url = "https://registry.npmjs.org/" + urllib.parse.quote(name, safe="@") + "/latest"
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            manifest = json.load(response)
    except (OSError, ValueError):  # not on the registry (HTTP 404), a network failure, a reply that is no JSON
        return None
    found = manifest.get("dependencies") if isinstance(manifest, dict) else None
    return sorted(found) if isinstance(found, dict) else []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--levels", type=int, default=1, help="how many levels of dependencies to follow")
    parser.add_argument("--jobs", type=int, default=16, help="requests to the registry at once")
    parser.add_argument("--declared-in", nargs="+", required=True, metavar="HUB",
                        help="every npm package the skills under these folders declare (read statically)")
    args = parser.parse_args()
    vocabulary = tomllib.loads((DATA / "vocabulary.toml").read_text(encoding="utf-8"))
    seeds = set(vocabulary["node"]["bin_packages"].values()) | declared_in(args.declared_in, "npm")
    # a name the analysis read from a placeholder or a URL is no package: the registry would refuse it anyway
    seeds = {name for name in seeds if name and " " not in name and ":" not in name and "[" not in name}
    table = follow(seeds, dependencies_of, args.levels, args.jobs)
    write_table("npm_requires.json", {name: found for name, found in table.items() if found}, "packages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
