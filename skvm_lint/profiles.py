"""SkVM target capability profiles (TCP): what a model + harness pair provides, primitive by primitive.

Reads SkVM's profile files as published (``profiles/<harness>/<provider>--<model>/*.json``): the trimmed
``*.summary.json`` (header + ``capabilities: {primitive: "L0".."L3"}``) and the full files, which add a ``details``
array (``primitiveId``, ``highestLevel``, ``levelResults``). Early profiles list 25 primitives (no ``tool.web``);
a primitive a profile does not list is *unknown*, never L0.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from msgspec import Struct

from .lazy_re import lazy
from .package_data import data_text

LEVEL = lazy(r"^L([0-3])$")


class ProfileError(Exception):
    """A profile cannot be found or read; the message says which file and what is wrong."""


class Profile(Struct, frozen=True):
    model: str
    harness: str
    levels: dict[str, int]  # primitive -> 0..3; absent means not measured
    source: str
    profiled_at: str | None = None

    def level(self, primitive: str) -> int | None:
        return self.levels.get(primitive)

    @property
    def label(self) -> str:
        return f"{self.model} ({self.harness})"


def _parse_level(value: Any, where: str) -> int:
    if isinstance(value, int) and 0 <= value <= 3:
        return value
    m = LEVEL.match(str(value).strip())
    if not m:
        raise ProfileError(f"{where}: level {value!r} is not one of L0, L1, L2, L3")
    return int(m.group(1))


def parse_profile(data: Any, source: str) -> Profile:
    if not isinstance(data, dict):
        raise ProfileError(f"{source}: a profile is a JSON object with `model`, `harness` and `capabilities`")
    levels: dict[str, int] = {}
    capabilities = data.get("capabilities")
    if isinstance(capabilities, dict):
        for primitive, value in capabilities.items():
            levels[str(primitive)] = _parse_level(value, f"{source}: capabilities.{primitive}")
    details = data.get("details")
    if isinstance(details, list):  # SkVM's full files; the map wins where both are present
        for entry in details:
            if isinstance(entry, dict) and "primitiveId" in entry and "highestLevel" in entry:
                levels.setdefault(str(entry["primitiveId"]),
                                  _parse_level(entry["highestLevel"], f"{source}: details.{entry['primitiveId']}"))
    if not levels:
        raise ProfileError(f"{source}: no `capabilities` map or `details` array; is this a SkVM profile?")
    return Profile(model=str(data.get("model", "unknown")), harness=str(data.get("harness", "unknown")),
                   levels=levels, source=source, profiled_at=data.get("profiledAt"))


def _pick_file(folder: Path) -> Path | None:
    """``latest*.json`` if present, else the newest ``v_*.json`` (their names sort by time)."""
    files = sorted(p for p in folder.glob("*.json") if p.is_file())
    latest = [p for p in files if p.name.startswith("latest")]
    if latest:
        return sorted(latest, key=lambda p: ("summary" in p.name, p.name))[0]
    versions = [p for p in files if p.name.startswith("v_")]
    return versions[-1] if versions else (files[-1] if files else None)


def resolve(target: str, profiles_dir: str | os.PathLike[str] | None = None) -> Path:
    """A profile path from a path or a name: ``qwen--qwen3.5-9b``, ``bare-agent/qwen--qwen3.5-9b``, ``qwen3.5-9b``."""
    direct = Path(target)
    if direct.is_file():
        return direct
    if direct.is_dir():
        picked = _pick_file(direct)
        if picked:
            return picked
    base = Path(profiles_dir or os.environ.get("SKVM_PROFILES", "profiles"))
    if (base / "profiles").is_dir():  # a SkVM data checkout: its profiles/ folder holds the harnesses
        base = base / "profiles"
    if not base.is_dir():
        raise ProfileError(f"profile {target!r} is not a file, and the profiles folder {str(base)!r} does not "
                           "exist. Pass a profile's path, or say once where SkVM's profiles are: "
                           "profiles-dir = \"path/to/skvm-data\" in [tool.skvm-lint] (a SkVM data checkout or its "
                           "profiles/ folder), or --profiles-dir / $SKVM_PROFILES")
    wanted = target.strip("/").lower()
    candidates = []
    for folder in sorted(p for p in base.glob("*/*") if p.is_dir()):
        key = f"{folder.parent.name}/{folder.name}".lower()
        if key == wanted or folder.name.lower() == wanted or folder.name.lower().endswith("--" + wanted):
            candidates.append(folder)
    if not candidates:
        known = ", ".join(sorted(f"{p.parent.name}/{p.name}" for p in base.glob("*/*") if p.is_dir())[:20])
        raise ProfileError(f"no profile named {target!r} in {base}; known: {known}")
    if len(candidates) > 1:
        names = ", ".join(f"{p.parent.name}/{p.name}" for p in candidates)
        raise ProfileError(f"profile name {target!r} is ambiguous in {base}: {names}; add the harness")
    picked = _pick_file(candidates[0])
    if picked is None:
        raise ProfileError(f"{candidates[0]}: no profile JSON inside")
    return picked


def load_profile(target: str, profiles_dir: str | os.PathLike[str] | None = None) -> Profile:
    path = resolve(target, profiles_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ProfileError(f"{path}: cannot read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise ProfileError(f"{path}:{exc.lineno}:{exc.colno}: invalid JSON: {exc.msg}") from None
    return parse_profile(data, str(path))


def degradation_strategy(primitive: str, level: int) -> str:
    """How a skill can lower its demand on ``primitive`` from ``level`` to ``level - 1`` (our wording)."""
    table = json.loads(data_text("degradation.json"))
    return table.get(primitive, {}).get(str(level), "lower this demand or choose a stronger model")
