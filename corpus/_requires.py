"""Shared by the builders of skvm_lint/data/pypi_requires.json and npm_requires.json: the packages skills declare,
a walk down a registry's requirements from them, and writing the table whole.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "skvm_lint" / "data"


def declared_in(hubs: list[str], kind: str) -> set[str]:
    """The packages of ``kind`` (pip, npm) the skills under ``hubs`` declare, as skvm-lint's dependency analysis
    reads them (not those a declared package brings along)."""
    import skvm_lint
    from skvm_lint.analyses import dependencies

    found: set[str] = set()
    skills = sorted({path.parent for hub in hubs for path in Path(hub).rglob("SKILL.md")})
    for folder in skills:
        found.update(dep.name for dep in dependencies.analyze(skvm_lint.load(folder)).found
                     if dep.type == kind and dep.declared and not dep.provided_by)
    print(f"{len(found)} {kind} packages declared by {len(skills)} skills", file=sys.stderr)
    return found


def follow(seeds: Iterable[str], lookup: Callable[[str], list[str] | None], levels: int,
           jobs: int) -> dict[str, list[str]]:
    """Each seed's requirements (``lookup``: None for a package the registry lacks), then theirs, ``levels`` levels
    down, ``jobs`` requests at once."""
    table: dict[str, list[str]] = {}
    level = set(seeds)
    with ThreadPoolExecutor(jobs) as pool:
        for depth in range(levels + 1):
            todo = sorted(level - table.keys())
            for name, found in zip(todo, pool.map(lookup, todo)):
                if found is not None:
                    table[name] = found
            print(f"level {depth}: {len(todo)} asked, {len(table)} known", file=sys.stderr)
            level = {dep for name in todo for dep in table.get(name, ())}
    return table


def write_table(name: str, table: dict, what: str) -> None:
    """Write ``data/<name>`` whole (through a temporary file, so an interrupted run leaves the old one)."""
    out = DATA / name
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps(dict(sorted(table.items())), indent=0, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(out)
    print(f"wrote {out} ({len(table)} {what})", file=sys.stderr)
