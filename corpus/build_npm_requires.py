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
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "skvm_lint" / "data"


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


def declared_in(hubs: list[str]) -> set[str]:
    """The npm packages the skills under ``hubs`` declare, as skvm-lint's dependency analysis reads them."""
    import skvm_lint
    from skvm_lint.analyses import dependencies

    found: set[str] = set()
    skills = sorted({path.parent for hub in hubs for path in Path(hub).rglob("SKILL.md")})
    for folder in skills:
        found.update(dep.name for dep in dependencies.analyze(skvm_lint.load(folder)).found
                     if dep.type == "npm" and dep.declared and not dep.provided_by)
    print(f"{len(found)} npm packages declared by {len(skills)} skills", file=sys.stderr)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--levels", type=int, default=1, help="how many levels of dependencies to follow")
    parser.add_argument("--jobs", type=int, default=16, help="requests to the registry at once")
    parser.add_argument("--declared-in", nargs="+", required=True, metavar="HUB",
                        help="every npm package the skills under these folders declare (read statically)")
    args = parser.parse_args()
    vocabulary = tomllib.loads((DATA / "vocabulary.toml").read_text(encoding="utf-8"))
    level = set(vocabulary["node"]["bin_packages"].values()) | declared_in(args.declared_in)
    # a name the analysis read from a placeholder or a URL is no package: the registry would refuse it anyway
    level = {name for name in level if name and " " not in name and ":" not in name and "[" not in name}
    table: dict[str, list[str]] = {}
    with ThreadPoolExecutor(args.jobs) as pool:
        for depth in range(args.levels + 1):
            todo = sorted(level - table.keys())
            for name, found in zip(todo, pool.map(dependencies_of, todo)):
                if found is not None:
                    table[name] = found
            print(f"level {depth}: {len(todo)} asked, {len(table)} known", file=sys.stderr)
            level = {dep for name in todo for dep in table.get(name, ())}
    out = DATA / "npm_requires.json"
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps({k: v for k, v in sorted(table.items()) if v}, indent=0, sort_keys=True) + "\n",
                   encoding="utf-8")
    tmp.replace(out)
    print(f"wrote {out} ({len(table)} packages)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
