"""Which files and folders are not a skill's own content: vendored trees, the user's exclude patterns (gitignore
syntax, through pathspec) and, by default, whatever `.gitignore` files ignore. One place, used by discovery (which
skills a hub holds) and by the reader (which files a skill has).

Paths the user names on the command line are always checked (as ruff does); what lies below them is filtered.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from msgspec import Struct

if TYPE_CHECKING:  # loaded when a pattern needs gitignore matching: plain names and folders outside git never do
    import pathspec

# Installed or generated trees that are never a skill's own content (ruff excludes the same by default).
# Not dist/ or build/: a skill often runs its own built code from there (`node dist/cli.js`).
DEFAULT_EXCLUDE = ("node_modules/", "site-packages/", "__pypackages__/", "bower_components/", ".eggs/", ".nox/",
                   ".direnv/", ".ipynb_checkpoints/")


# What is known about folders in this run: a hub's skills share their parents, and each folder would otherwise be
# asked again for every skill below it. Bounded, and dropped by forget() (each run and each editor check): the
# shared parents are few, so a small table keeps them; 65,536 entries held ~9 MiB of leaf folders in a hub scan.
_KNOWN_LIMIT = 4096
_repository_roots: dict[str, str | None] = {}
_gitignores: dict[str, pathspec.GitIgnoreSpec | None] = {}


def _make_room(table: dict) -> None:
    """Keep a table of what is known under _KNOWN_LIMIT entries: past it, start over and ask the disk again."""
    if len(table) >= _KNOWN_LIMIT:
        table.clear()


def _gitignore(folder: str) -> pathspec.GitIgnoreSpec | None:
    """The folder's `.gitignore`, parsed once per version of the file (a long-running server sees edits)."""
    try:
        return _gitignores[folder]
    except KeyError:
        pass
    path = os.path.join(folder, ".gitignore")
    try:
        st = os.stat(path)
    except OSError:
        spec = None
    else:
        spec = _parsed_gitignore(path, st.st_mtime_ns, st.st_size)
    _make_room(_gitignores)
    _gitignores[folder] = spec
    return spec


@lru_cache(maxsize=4096)
def _parsed_gitignore(path: str, _mtime_ns: int, _size: int) -> pathspec.GitIgnoreSpec | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().splitlines()
    except OSError:
        return None
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


def forget() -> None:
    """Drop what was learnt about repositories: each run (and each editor check) starts from the disk."""
    _repository_roots.clear()
    _gitignores.clear()


def note_listing(folder: str, has_git: bool) -> None:
    """What a walk saw when it listed the absolute path ``folder``: whether `.git` is there. Its entries' questions
    then need no look at the disk for the repository they are in."""
    _make_room(_repository_roots)
    if has_git:
        _repository_roots[folder] = folder
    else:
        parent = os.path.dirname(folder)
        if parent != folder and parent in _repository_roots:
            _repository_roots[folder] = _repository_roots[parent]


def _repository_root(folder: str) -> str | None:
    """The work tree a folder is in (where `.git` is), or None: `.gitignore` means nothing outside a repository.
    Walks up only to the first folder already known."""
    unknown: list[str] = []
    current = folder
    while current not in _repository_roots:
        if os.path.exists(os.path.join(current, ".git")):
            _repository_roots[current] = current
            break
        unknown.append(current)
        parent = os.path.dirname(current)
        if parent == current:
            _repository_roots[current] = None
            break
        current = parent
    root = _repository_roots[current]
    _make_room(_repository_roots)
    _repository_roots.update(dict.fromkeys(unknown, root))
    return root


class Exclusion(Struct, frozen=True):
    patterns: tuple[str, ...] = DEFAULT_EXCLUDE  # gitignore-style, relative to ``base``
    base: str | None = None  # the folder patterns are relative to (the config file's, else the working directory)
    respect_gitignore: bool = True

    @property
    def active(self) -> bool:
        """Whether anything can be left out (a walk skips asking otherwise)."""
        return bool(self.patterns) or self.respect_gitignore

    @property
    def _spec(self) -> pathspec.GitIgnoreSpec:
        return _compiled(self.patterns)

    def excludes(self, path: str, is_dir: bool) -> bool:
        """Whether ``path`` (a file or a folder) is left out: by a pattern, or by a `.gitignore` above it. Walks ask
        for every entry, parents first, so matching the entry's own name is enough for unanchored patterns."""
        suffix = "/" if is_dir else ""
        if self.patterns:
            # Patterns without a slash inside match a name at any depth, also outside the base (`node_modules/`).
            if _name_excluded(self.patterns, os.path.basename(path.rstrip("/" + os.sep)) + suffix):
                return True
            if _anchored(self.patterns):
                base = os.path.abspath(self.base or os.getcwd())
                relative = os.path.relpath(os.path.abspath(path), base).replace(os.sep, "/")
                if not relative.startswith("../") and self._spec.match_file(relative + suffix):
                    return True
        return self.respect_gitignore and _ignored_by_git(os.path.abspath(path), is_dir)


@lru_cache(maxsize=64)
def _anchored(patterns: tuple[str, ...]) -> bool:
    """Whether a pattern names a place (a slash before its end), so a path's relative form must be matched."""
    return any("/" in p.strip().rstrip("/") for p in patterns if p.strip() and not p.startswith("#"))


def _name_excluded(patterns: tuple[str, ...], name: str) -> bool:
    """Whether an unanchored pattern matches a bare name (``name/`` for a folder)."""
    literal = _literal_names(patterns)
    if literal is not None:
        any_kind, folders_only = literal
        bare = name.removesuffix("/")
        return bare in any_kind or (bare != name and bare in folders_only)
    return _compiled_name_match(patterns, name)


_LITERAL_PATTERN = re.compile(r"[A-Za-z0-9_.-]+/?")


@lru_cache(maxsize=64)
def _literal_names(patterns: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]] | None:
    """Patterns that are all plain names (the defaults: `node_modules/`, ...) as sets of names that match anything
    and names that match folders only; None when any pattern needs gitignore matching (globs, `!`, slashes)."""
    lines = [p for p in patterns if p.strip() and not p.startswith("#")]
    if not all(_LITERAL_PATTERN.fullmatch(p) and p.strip("./") for p in lines):
        return None
    return (frozenset(p for p in lines if not p.endswith("/")),
            frozenset(p.removesuffix("/") for p in lines if p.endswith("/")))


@lru_cache(maxsize=8192)
def _compiled_name_match(patterns: tuple[str, ...], name: str) -> bool:
    return _compiled(patterns).match_file(name)


@lru_cache(maxsize=64)
def _compiled(patterns: tuple[str, ...]) -> pathspec.GitIgnoreSpec:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _ignored_by_git(absolute: str, is_dir: bool) -> bool:
    """Whether a `.gitignore` between the repository root and the path ignores it (each file's patterns relative to
    its own folder; a deeper file cannot un-ignore what a shallower one ignored: that is rare and left out)."""
    folder = os.path.dirname(absolute)
    root = _repository_root(folder)
    if root is None:
        return False
    suffix = "/" if is_dir else ""
    current = folder
    while True:
        spec = _gitignore(current)
        if spec is not None and spec.match_file(os.path.relpath(absolute, current).replace(os.sep, "/") + suffix):
            return True
        if current == root:
            return False
        current = os.path.dirname(current)


NO_EXCLUSION = Exclusion(patterns=(), respect_gitignore=False)
