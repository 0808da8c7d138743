"""Configuration from ``.skvm-lint.toml`` or ``[tool.skvm-lint]`` in ``pyproject.toml``.

Example::

    [tool.skvm-lint]
    select = ["FM", "ST"]            # ids, prefixes, short names or groups; default: the on-by-default rules
    extend-select = ["security"]
    ignore = ["FM006"]
    fail-on = "warning"              # error (default), warning or info
    jobs = 2                         # worker processes (--jobs); 0 chooses by the number of skills
    extend-exclude = ["fixtures/"]   # gitignore-style; `exclude` replaces the defaults (node_modules/, ...)
    baseline = ".skvm-lint-baseline.json"

    [tool.skvm-lint.per-path-ignores]
    "skills/legacy/**" = ["FM004"]

    [tool.skvm-lint.limits]
    max-file-bytes = 4194304
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import msgspec.structs
from msgspec import Struct, field

from .diagnostics import Severity
from .exclusion import DEFAULT_EXCLUDE, Exclusion
from .limits import Limits

CONFIG_FILES = (".skvm-lint.toml", "pyproject.toml")
_KNOWN_KEYS = {"select", "extend-select", "ignore", "fail-on", "baseline", "per-path-ignores", "limits", "rules",
               "jobs", "target", "profiles-dir", "exclude", "extend-exclude", "respect-gitignore", "registry-layout"}


class ConfigError(Exception):
    """A configuration file is unreadable or wrong; the message names the file and what to change."""


class Config(Struct, frozen=True):
    select: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.ERROR
    baseline: Path | None = None
    per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    limits: Limits = field(default_factory=Limits)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    jobs: int = 0  # worker processes when the command line does not say; 0 chooses by the number of skills
    exclude: tuple[str, ...] | None = None  # gitignore-style patterns; None: the defaults (vendored trees)
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    registry_layout: str = "{owner}--{repo}--{name}"  # how a hub names the registry copies of skills

    def exclusion(self) -> Exclusion:
        """What discovery and the reader leave out, relative to the config file's folder (else the working one)."""
        patterns = (DEFAULT_EXCLUDE if self.exclude is None else self.exclude) + self.extend_exclude
        return Exclusion(patterns, str(self.source.parent) if self.source is not None else None,
                         self.respect_gitignore)
    target: Any = None  # a skvm_lint.profiles.Profile: the model the skill should run on (gap rules use it)
    profiles_dir: str | None = None  # where --target names are looked up
    source: Path | None = None  # the file this came from

    def merged(self, **overrides: Any) -> "Config":
        """A copy with command-line overrides applied (None means: keep the file's value)."""
        return msgspec.structs.replace(self, **{k: v for k, v in overrides.items() if v is not None})


def find_config(start: Path) -> Path | None:
    """The nearest ``.skvm-lint.toml``, or ``pyproject.toml`` with a ``[tool.skvm-lint]`` table, upward from start."""
    start = start.resolve()
    for folder in [start, *start.parents]:
        for name in CONFIG_FILES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name == "pyproject.toml":
                try:
                    data = tomllib.loads(candidate.read_text(encoding="utf-8"))
                except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                    continue
                if "skvm-lint" not in data.get("tool", {}):
                    continue
            return candidate
    return None


def _strings(value: Any, key: str, source: Path) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ConfigError(f"{source}: `{key}` must be a list of strings (rule ids, prefixes or groups), got {value!r}")


def _layout(value: Any, source: Path) -> str:
    if not isinstance(value, str) or "{name}" not in value or "{owner}" not in value or "{repo}" not in value:
        raise ConfigError(f"{source}: `registry-layout` must be a string with {{owner}}, {{repo}} and {{name}}, "
                          f"e.g. \"{{owner}}--{{repo}}--{{name}}\"; got {value!r}")
    return value


def _boolean(value: Any, key: str, source: Path) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{source}: `{key}` must be true or false, got {value!r}")
    return value


def load_config(path: Path | None = None, start: Path | None = None) -> Config:
    """Load the given config file, or the nearest one from ``start`` (default: the working directory)."""
    source = path or find_config(start or Path.cwd())
    if source is None:
        return Config()
    try:
        data = tomllib.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{source}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{source}: cannot read config: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: invalid TOML: {exc}") from None
    if source.name == "pyproject.toml":
        data = data.get("tool", {}).get("skvm-lint", {})
    unknown = set(data) - _KNOWN_KEYS
    if unknown:
        raise ConfigError(f"{source}: unknown setting(s) {', '.join(sorted(unknown))}; "
                          f"known: {', '.join(sorted(_KNOWN_KEYS))}")
    try:
        fail_on = Severity.parse(data.get("fail-on", "error"))
    except ValueError as exc:
        raise ConfigError(f"{source}: fail-on: {exc}") from None
    per_path = data.get("per-path-ignores", {})
    if not isinstance(per_path, dict):
        raise ConfigError(f"{source}: `per-path-ignores` must be a table of glob = [rule ids]")
    try:
        limits = Limits.from_mapping(data.get("limits", {}))
    except ValueError as exc:
        raise ConfigError(f"{source}: limits: {exc}") from None
    baseline = data.get("baseline")
    jobs = data.get("jobs", 0)
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 0:
        raise ConfigError(f"{source}: `jobs` must be a whole number of worker processes (0 chooses), got {jobs!r}")
    profiles_dir = data.get("profiles-dir")
    profiles_dir = str(source.parent / profiles_dir) if isinstance(profiles_dir, str) else None
    target = None
    if isinstance(data.get("target"), str):
        from .profiles import ProfileError, load_profile

        try:
            target = load_profile(data["target"], profiles_dir)
        except ProfileError as exc:
            raise ConfigError(f"{source}: target: {exc}") from None
    return Config(
        select=_strings(data.get("select", []), "select", source),
        extend_select=_strings(data.get("extend-select", []), "extend-select", source),
        ignore=_strings(data.get("ignore", []), "ignore", source),
        fail_on=fail_on,
        baseline=(source.parent / baseline) if isinstance(baseline, str) else None,
        per_path_ignores=tuple((glob, _strings(ids, f"per-path-ignores.{glob}", source))
                               for glob, ids in per_path.items()),
        limits=limits,
        rule_options=dict(data.get("rules", {})),
        jobs=jobs,
        exclude=_strings(data["exclude"], "exclude", source) if "exclude" in data else None,
        extend_exclude=_strings(data.get("extend-exclude", []), "extend-exclude", source),
        respect_gitignore=_boolean(data.get("respect-gitignore", True), "respect-gitignore", source),
        registry_layout=_layout(data.get("registry-layout", "{owner}--{repo}--{name}"), source),
        target=target,
        profiles_dir=profiles_dir,
        source=source,
    )
