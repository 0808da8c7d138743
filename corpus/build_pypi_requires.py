"""Rebuild ``skvm_lint/data/pypi_requires.json``: what installing a Python distribution brings along.

A skill that runs ``pip install pymoo`` has matplotlib, and one that installs transformers has the
``huggingface-cli`` of huggingface_hub: the dependency analysis reads this file so that DP001 does not ask such a
skill to declare what its declared packages already require. The file maps each distribution we know an import name
for (``skvm_lint/data/pypi_import_names.json``), and each distribution the well-known command-line programs come from
(``[python.bin_packages]`` in ``data/vocabulary.toml``), and with ``--declared-in`` each distribution the skills of
those hubs declare (install lines, requirements files: pufferlib, pymoo), to its unconditional requirements as PyPI's JSON API lists
them for the latest release: no extras, and environment markers read for a current CPython on 64-bit Linux (a
requirement only on Windows or an old Python is not brought there). Requirements are followed two levels down, so
the analysis can follow a chain (sentence-transformers -> transformers -> huggingface-hub) within the file.

Usage: python corpus/build_pypi_requires.py [--levels 2] [--jobs 8] [--declared-in HUB...]
       python corpus/build_pypi_requires.py --extras [--jobs 8]

``--extras`` writes ``skvm_lint/data/pypi_extras.json`` instead: for each distribution the requirements file knows,
what each of its extras adds (`pip install "google-assistant-sdk[samples]"` brings google-assistant-grpc), read the
same way for the same machine with that extra.

The committed file was built with ``--declared-in ../shared/corpus`` (the development hubs, never the held-out ones).

Needs network access to pypi.org; the analysis itself never does.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from _requires import DATA, declared_in, follow, write_table
from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

# The machine a requirement's environment marker is read for: a current CPython on 64-bit Linux, no extras
# (pandas requires numpy only through `python_version >= "3.11"`-style markers).
AGENT_MACHINE = {
    "python_version": "3.12", "python_full_version": "3.12.0", "implementation_name": "cpython",
    "implementation_version": "3.12.0", "platform_python_implementation": "CPython", "os_name": "posix",
    "sys_platform": "linux", "platform_system": "Linux", "platform_machine": "x86_64", "platform_release": "",
    "platform_version": "", "extra": "",
}


def _release_requirements(name: str) -> list[Requirement] | None:
    """The requirements ``name``'s latest release lists on PyPI, parsed; None if PyPI has no such distribution."""
    try:
        with urllib.request.urlopen(f"https://pypi.org/pypi/{name}/json", timeout=20) as response:
            info = json.load(response)["info"]
    except (OSError, ValueError, KeyError):  # not on PyPI (HTTP 404), a network failure, a reply without info
        return None
    parsed = []
    for line in info.get("requires_dist") or []:
        try:
            parsed.append(Requirement(line))
        except InvalidRequirement:
            continue
    return parsed


def requirements(name: str) -> list[str] | None:
    """The unconditional requirements of ``name``'s latest release (canonical names), or None if PyPI has none."""
    parsed = _release_requirements(name)
    if parsed is None:
        return None
    return sorted({canonicalize_name(r.name) for r in parsed if r.marker is None or r.marker.evaluate(AGENT_MACHINE)})


_EXTRA_IN_MARKER = re.compile(r"""\bextra\s*==\s*['"]([^'"]+)['"]""")


def extra_requirements(name: str) -> dict[str, list[str]] | None:
    """What each extra of ``name``'s latest release adds (`google-assistant-sdk[samples]`: google-assistant-grpc,
    ...), as canonical names: the requirements whose marker holds on the agent's machine with that extra and not
    without one. None if PyPI has no such distribution."""
    parsed = _release_requirements(name)
    if parsed is None:
        return None
    found: dict[str, set[str]] = {}
    for requirement in parsed:
        if requirement.marker is None or requirement.marker.evaluate(AGENT_MACHINE):
            continue
        for extra in set(_EXTRA_IN_MARKER.findall(str(requirement.marker))):
            if requirement.marker.evaluate({**AGENT_MACHINE, "extra": extra}):
                found.setdefault(canonicalize_name(extra), set()).add(canonicalize_name(requirement.name))
    return {extra: sorted(names) for extra, names in sorted(found.items())}


def build_extras(jobs: int) -> int:
    """Write ``data/pypi_extras.json`` for the distributions ``data/pypi_requires.json`` knows."""
    names = sorted(json.loads((DATA / "pypi_requires.json").read_text(encoding="utf-8")))
    with ThreadPoolExecutor(jobs) as pool:
        table = {name: found for name, found in zip(names, pool.map(extra_requirements, names)) if found}
    write_table("pypi_extras.json", table, f"distributions with extras, of {len(names)}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--levels", type=int, default=2, help="how many levels of requirements to follow")
    parser.add_argument("--jobs", type=int, default=8, help="requests to PyPI at once")
    parser.add_argument("--declared-in", nargs="*", default=[], metavar="HUB",
                        help="also every pip distribution the skills under these folders declare (read statically)")
    parser.add_argument("--extras", action="store_true",
                        help="write data/pypi_extras.json (what each extra adds) for the distributions "
                             "data/pypi_requires.json knows, and nothing else")
    args = parser.parse_args()
    if args.extras:
        return build_extras(args.jobs)
    seeds = set(json.loads((DATA / "pypi_import_names.json").read_text(encoding="utf-8")).values())
    vocabulary = tomllib.loads((DATA / "vocabulary.toml").read_text(encoding="utf-8"))
    seeds |= set(vocabulary["python"]["bin_packages"].values())
    seeds |= declared_in(args.declared_in, "pip")
    table = follow({canonicalize_name(name) for name in seeds}, requirements, args.levels, args.jobs)
    write_table("pypi_requires.json", table, "distributions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
