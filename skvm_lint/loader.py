"""Finding skills and reading their files safely.

The loader never follows a symlink out of a skill, never opens anything but regular files (a FIFO would hang),
reads at most the configured bytes, recognises binaries, and turns every such event into a :class:`LoadIssue`
that a rule reports. It knows nothing of rules or output formats.
"""

from __future__ import annotations

import codecs
import os
import stat
from contextlib import contextmanager
from operator import attrgetter
from pathlib import Path
from typing import IO, TYPE_CHECKING, Callable, Iterable, Iterator

from msgspec import Struct, field

from .limits import Limits
from .escape import printable
from .exclusion import Exclusion
from .exclusion import forget as forget_repositories
from .exclusion import note_listing
from .spec import SKILL_ARCHIVES

if TYPE_CHECKING:
    from .model import LoadIssue

SKILL_MD = "SKILL.md"
# Folders never part of a skill's content (VCS metadata, caches and virtualenvs).
SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", "__pycache__", ".venv", "venv", ".mypy_cache", ".pytest_cache",
                          ".ruff_cache", ".tox", ".DS_Store"})
BINARY_EXTENSIONS = frozenset(
    ".png .jpg .jpeg .gif .webp .bmp .ico .icns .tif .tiff .psd .pdf .zip .gz .tgz .bz2 .xz .7z .rar .tar .jar "
    ".whl .egg .pyc .pyo .so .dylib .dll .exe .bin .o .a .class .wasm .mp3 .mp4 .wav .ogg .flac .mov .avi .mkv "
    ".webm .ttf .otf .woff .woff2 .eot .sqlite .db .xlsx .xls .docx .doc .pptx .ppt .odt .ods .npy .npz .pkl "
    ".pickle .parquet .onnx .pt .pth .safetensors .gguf .skill".split()
)
ISSUE_KINDS = {
    "unreadable": "a file could not be read",
    "binary": "a binary file where text is expected",
    "capped": "a file larger than the read limit was only partly read",
    "skill-capped": "the skill's total size or file count passed a limit; later files were not read",
    "symlink-escape": "a symlink points outside the skill folder",
    "symlink-broken": "a symlink that resolves nowhere or loops",
    "special-file": "a FIFO, socket or device file",
    "encoding": "text that is not valid UTF-8",
    "too-deep": "folders nested deeper than the limit",
    "parse-timeout": "a script took longer to parse than the limit",
    "code-too-deep": "code nested too deep to read in linear time",
    "markdown-nesting": "Markdown nested deeper than the limit",
    "odd-name": "a file name with control characters or bytes that are not UTF-8",
    "archive": "an archive with unsafe members, too many members or a suspicious compression ratio",
}
ARCHIVE_EXTENSIONS = (".zip", ".skill", ".tar", ".tgz", ".tar.gz", ".tar.bz2", ".tar.xz", ".jar", ".whl")


class RawFile(Struct):
    path: str  # relative POSIX path
    size: int
    data: bytes | None  # None when not read (binary by extension, unreadable, special)
    truncated: bool = False
    symlink: bool = False


class RawSkill(Struct):
    root: str
    skill_md_name: str | None
    files: list[RawFile] = field(default_factory=list)
    issues: list[LoadIssue] = field(default_factory=list)


def find_skill_md(folder: Path) -> str | None:
    """The name of the folder's SKILL.md, matched case-insensitively (``skill.md`` is found and later flagged)."""
    try:
        with os.scandir(folder) as it:
            return _skill_md_among(list(it))
    except OSError:
        return None


def _skill_md_among(entries: list[os.DirEntry]) -> str | None:
    names = {e.name: e for e in entries if len(e.name) == len(SKILL_MD)}  # a hub walk asks this of every folder
    if SKILL_MD in names:
        return SKILL_MD
    for name in sorted(names):
        if name.lower() == "skill.md":
            try:
                if names[name].is_file():
                    return name
            except OSError:
                continue
    return None


def _looks_like_skill(names: set[str]) -> bool:
    """A folder laid out like a skill although it has no SKILL.md (hub metadata, scripts/ or references/)."""
    return "_meta.json" in names or bool({"scripts", "references"} & names)


def discover(paths: Iterable[str | os.PathLike[str]],
             exclusion: Exclusion = Exclusion()) -> tuple[list[str], list[str]]:
    """Map user paths to skill roots.

    A folder with SKILL.md is a skill; any other folder is searched recursively (a hub); a file maps to the
    nearest enclosing skill (pre-commit passes files). Returns ``(skill_roots, skill_less)``: folders that look
    like skills but lack SKILL.md, or named folders where no skill was found at all. Below a named folder,
    what ``exclusion`` leaves out (vendored trees, exclude patterns, `.gitignore`) is not searched.
    """
    roots: list[str] = []
    skill_less: list[str] = []
    for root, missing, _files in iter_skills(paths, exclusion):
        (skill_less if missing else roots).append(root)
    return roots, skill_less


FileList = list[tuple[str, str]]  # (path relative to the skill root, path), sorted


def iter_skills(paths: Iterable[str | os.PathLike[str]], exclusion: Exclusion = Exclusion(), *,
                with_files: bool = False) -> Iterator[tuple[str, bool, FileList | None]]:
    """:func:`discover`'s roots as they are found: ``(root, missing_skill_md, files)``, skill-less folders last.

    With ``with_files``, ``files`` is each found skill's :func:`list_files`, taken from the listings the search
    already made (a warm hub scan would otherwise list every skill's folders twice); None for skill-less folders
    and for a skill named by its archive or by one of its files."""
    roots: set[str] = set()
    skill_less: dict[str, None] = {}
    forget_repositories()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found = False
            for root, missing, files in _walk_for_skills(path, exclusion, with_files):
                found = True
                if missing:
                    skill_less[root] = None
                elif root not in roots:
                    roots.add(root)
                    yield root, False, files
            if not found:
                skill_less[str(path)] = None
        elif _is_skill_archive(str(path)):
            if str(path) not in roots:  # a skill packed in an archive
                roots.add(str(path))
                yield str(path), False, None
        elif path.exists() or path.is_symlink():
            owner = enclosing_skill(path)
            if owner is not None and str(owner) not in roots:
                roots.add(str(owner))
                yield str(owner), False, None
        else:
            raise FileNotFoundError(f"{given}: no such file or folder")
    for folder in skill_less:
        if folder not in roots:
            yield folder, True, None


def list_files(root: str) -> FileList:
    """``(relative path, path)`` of every entry of a skill the loader would look at, sorted: files, symlinks and
    special files, below every folder but VCS metadata and caches (:data:`SKIPPED_DIRS`)."""
    if is_archive_root(root):  # a skill packed in an archive
        return [(os.path.basename(root), root)]
    entries: FileList = []
    _list_below(root, "", entries)
    return sorted(entries)


def _list_below(folder: str, prefix: str, entries: FileList) -> None:
    stack = [(folder, prefix)]
    while stack:
        folder, prefix = stack.pop()
        try:
            with os.scandir(folder) as it:
                for entry in it:
                    if entry.is_dir(follow_symlinks=False):
                        if entry.name not in SKIPPED_DIRS:
                            stack.append((entry.path, f"{prefix}{entry.name}/"))
                    else:
                        entries.append((prefix + entry.name, entry.path))
        except OSError:
            continue


# A skill bundled in another (`bundle/sub/`, `bundle/skills/sub/`) is installed with it: what the enclosing skill
# declares (its frontmatter, the manifests at its root) and the modules at its root are the sub-skill's too.
BUNDLE_LEVELS = 2
BUNDLE_DECLARATIONS = ("pyproject.toml", "package.json")  # and requirements*.txt / *.in


def bundle_root(root: str) -> str | None:
    """The folder of the skill that ``root`` is bundled in: the nearest of its parent and grandparent that holds a
    SKILL.md. None for an archive, a top-level skill or a folder that cannot be resolved."""
    if is_archive_root(root):
        return None
    folder = os.path.abspath(root)
    for _ in range(BUNDLE_LEVELS):
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent
        if os.path.isfile(os.path.join(folder, SKILL_MD)):
            return folder
    return None


def bundle_files(root: str) -> tuple[str | None, FileList, list[str]]:
    """The bundle ``root`` belongs to (:func:`bundle_root`), its files a sub-skill inherits (SKILL.md and the
    manifests at its root, as ``(path relative to the bundle, path)``), and the names at its root (folders and
    Python files: modules the sub-skill's code may import). Cheap when there is no bundle: two stats."""
    bundle = bundle_root(root)
    if bundle is None:
        return None, [], []
    from .model import is_requirements_file  # the model is loaded only when a skill is read
    files: FileList = [(SKILL_MD, os.path.join(bundle, SKILL_MD))]
    names: list[str] = []
    try:
        with os.scandir(bundle) as it:
            entries = sorted(it, key=_name)
    except OSError:
        entries = []
    for entry in entries:
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            is_file = entry.is_file(follow_symlinks=False)
        except OSError:
            continue
        if is_dir and entry.name not in SKIPPED_DIRS:
            names.append(entry.name)
        elif is_file:
            if entry.name.endswith(".py"):
                names.append(entry.name[:-3])
            if entry.name in BUNDLE_DECLARATIONS or is_requirements_file(entry.name):
                files.append((entry.name, entry.path))
    return bundle, files, names


def read_bundle(root: str, limits: Limits) -> tuple[RawSkill, list[str]] | None:
    """The files :func:`bundle_files` names, read within the per-file limit (never through a symlink)."""
    bundle, files, names = bundle_files(root)
    if bundle is None:
        return None
    raw = RawSkill(root=bundle, skill_md_name=SKILL_MD)
    for rel, path in files:
        try:
            size = os.lstat(path).st_size
        except OSError:
            continue
        raw.files.append(_read_file(path, rel, size, False, limits.max_file_bytes, raw.issues))
    return raw, names


def enclosing_skill(file: Path) -> Path | None:
    folder = file.parent if not file.is_dir() else file
    for candidate in [folder, *folder.parents]:
        if find_skill_md(candidate):
            return candidate
        if candidate == candidate.parent:
            break
    return None


class _OpenSkill:
    """A skill the walk has found and is still listing: its folders are the stack entries above ``depth``. (A plain
    class: a dataclass costs about half a millisecond to create at import, in every one-skill run.)"""

    __slots__ = ("order", "root", "depth", "files")

    def __init__(self, order: int, root: str, depth: int, files: FileList | None = None) -> None:
        self.order = order  # when it was found: skills are yielded in that order
        self.root = root
        self.depth = depth
        self.files: FileList = files if files is not None else []


def _walk_for_skills(top: Path, exclusion: Exclusion,
                     with_files: bool = False) -> Iterator[tuple[str, bool, FileList | None]]:
    """Yield ``(folder, missing_skill_md, files)``, not descending into symlinks, skipped folders or node_modules.

    A folder laid out like a skill but without SKILL.md is reported only when no skill is found beneath it (a
    repository with ``scripts/`` may hold its skills in ``skills/``). Folders are plain strings here: a warm hub
    scan is mostly this walk. Skills are yielded in the order found, each as soon as its folders are all listed
    (an enclosing skill's nested ones wait for it), so a hub's listings are never all held at once.
    """
    top_folder = str(top)
    stack = [(top_folder, os.path.abspath(top_folder))]  # each folder as given and absolute (for exclusion)
    found: list[str] = []
    candidates: list[str] = []
    open_skills: list[_OpenSkill] = []  # depth-first, these are the ancestors of the folder being listed
    finished: list[_OpenSkill] = []  # listed, waiting for the outermost open skill: nested skills, archives
    filtering = exclusion.active
    while True:
        while open_skills and len(stack) <= open_skills[-1].depth:  # every folder of the innermost one is listed
            finished.append(open_skills.pop())
            if not open_skills:
                for skill in sorted(finished, key=attrgetter("order")):
                    skill.files.sort()
                    yield skill.root, False, skill.files if with_files else None
                finished.clear()
        if not stack:
            break
        folder, absolute = stack.pop()
        try:
            with os.scandir(folder) as it:  # one directory read per folder serves every question below
                entries = sorted(it, key=_name, reverse=True)
        except OSError:
            entries = []
        if filtering:
            note_listing(absolute, any(e.name == ".git" for e in entries))
        if _skill_md_among(entries):
            found.append(folder)  # and keep looking: skill bundles nest skills inside a skill
            open_skills.append(_OpenSkill(len(found), folder, len(stack)))
        else:
            if folder != top_folder and _looks_like_skill({e.name for e in entries}):
                candidates.append(folder)
            for entry in entries:
                if _is_skill_archive(entry.path) and \
                        not (filtering and exclusion.excludes(os.path.join(absolute, entry.name), False)):
                    found.append(entry.path)
                    finished.append(_OpenSkill(len(found), entry.path, 0, [(entry.name, entry.path)]))
        for entry in entries:
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if not is_dir:
                if with_files and open_skills:
                    _note_file(open_skills, entry.path)
                continue
            if entry.name in SKIPPED_DIRS:
                continue
            child = os.path.join(absolute, entry.name)
            if entry.name != "node_modules" and not (filtering and exclusion.excludes(child, True)):
                stack.append((entry.path, child))
            elif with_files and open_skills:  # not searched for skills, but part of the skills around it
                below: FileList = []
                _list_below(entry.path, "", below)
                for _rel, path in below:
                    _note_file(open_skills, path)
    if finished:  # archives outside any skill
        for skill in sorted(finished, key=attrgetter("order")):
            yield skill.root, False, skill.files if with_files else None
    found_strings = [f + os.sep for f in found]
    for folder in candidates:
        prefix = folder + os.sep
        if not any(f.startswith(prefix) for f in found_strings):
            yield folder, True, None


def _note_file(open_skills: list[_OpenSkill], path: str) -> None:
    for skill in open_skills:
        skill.files.append((path[len(skill.root) + 1:], path))


_name = attrgetter("name")  # a DirEntry's sort key, without a Python call per entry


def is_archive_root(root: str) -> bool:
    """Whether a skill root is an archive file (a hub's ``.skill``/``.zip``/``.tar.gz``) rather than a folder."""
    return root.lower().endswith(SKILL_ARCHIVES) and os.path.isfile(root)


def _is_skill_archive(path: str) -> bool:
    """An archive (by its extension) whose members include a SKILL.md at its top or under its single top folder."""
    if not is_archive_root(path):
        return False
    limits = Limits()
    try:
        if os.path.getsize(path) > limits.max_skill_bytes:
            return False
        with _archive_members(path, limits.max_archive_members) as members:  # from the file: no copy in memory
            names = [m.name for m in members]
    except (OSError, ValueError):
        return False
    return _skill_prefix(names) is not None


class _Member(Struct):
    name: str
    size: int
    link: bool
    folder: bool
    open: Callable[[], IO[bytes] | None]


@contextmanager
def _archive_members(source: bytes | str, limit: int) -> Iterator[list[_Member]]:
    """The first ``limit + 1`` members of a zip or tar archive, held in memory (bytes) or read from a file (a
    path, streamed); ValueError when it is neither."""
    import io
    import tarfile
    import zipfile

    def opened() -> IO[bytes]:
        return io.BytesIO(source) if isinstance(source, bytes) else open(source, "rb")

    try:
        with opened() as probe:
            is_zip = zipfile.is_zipfile(probe)
        if is_zip:
            with opened() as fh, zipfile.ZipFile(fh) as archive:
                yield [_Member(i.filename, i.file_size, False, i.is_dir(), lambda i=i: archive.open(i))
                       for i in archive.infolist()[: limit + 1]]
            return
        with opened() as fh, tarfile.open(fileobj=fh, mode="r|*" if isinstance(source, str) else "r:*") as archive:
            members = []
            for info in archive:
                members.append(_Member(info.name, info.size, info.issym() or info.islnk(), info.isdir(),
                                       lambda info=info: archive.extractfile(info)))
                if len(members) > limit:
                    break
            yield members
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError, ValueError) as exc:
        raise ValueError(f"archive cannot be listed ({type(exc).__name__})") from exc


def _member_path(name: str) -> str:
    """A member name as a relative POSIX path: backslashes turned, leading ``./`` dropped."""
    path = name.replace("\\", "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def _unsafe_member(name: str, link: bool) -> bool:
    """A member that unpacks outside the folder it is unpacked in: absolute, ``..``, or a link."""
    path = name.replace("\\", "/")
    return link or path.startswith("/") or ".." in path.split("/")


def _skill_prefix(names: list[str]) -> str | None:
    """``""`` when SKILL.md sits at the archive's top, ``"folder/"`` when under its single top folder, else None."""
    paths = [p for p in (_member_path(n) for n in names) if p.strip("/")]
    if any(p.lower() == "skill.md" for p in paths):
        return ""
    tops = {p.split("/", 1)[0] for p in paths}
    if len(tops) == 1:
        top = tops.pop()
        if any(p.lower() == f"{top}/skill.md".lower() for p in paths):
            return top + "/"
    return None


def read_archive_skill(root: str, limits: Limits) -> RawSkill:
    """Read one skill packed in an archive, in memory and within the same limits as a folder; members that would
    unpack outside the archive's folder are reported and not read."""
    from .model import LoadIssue, Span  # the model is loaded only when a skill is read
    raw = RawSkill(root=root, skill_md_name=None)
    name = os.path.basename(root)
    try:
        size = os.path.getsize(root)
        if size > limits.max_skill_bytes:
            raw.issues.append(LoadIssue("skill-capped", f"the archive is {size:,} bytes, more than "
                                        f"{limits.max_skill_bytes:,}; it was not read", Span(name, 1)))
            return raw
        with open(root, "rb") as fh:
            data = fh.read()
        with _archive_members(data, limits.max_archive_members) as members:
            if len(members) > limits.max_archive_members:
                raw.issues.append(LoadIssue("archive", f"archive has more than {limits.max_archive_members:,} "
                                            "members; the rest were not read", Span(name, 1)))
                members = members[: limits.max_archive_members]
            prefix = _skill_prefix([m.name for m in members]) or ""
            budget = min(limits.max_skill_bytes, limits.max_archive_ratio * max(len(data), 1024 * 1024))
            for member in members:
                clean = _member_path(member.name)
                if member.folder or not clean.strip("/"):
                    continue
                if _unsafe_member(member.name, member.link):
                    raw.issues.append(LoadIssue("archive", f"archive member {printable(member.name)!r} would be "
                                                "written outside the folder it is unpacked in; not read",
                                                Span(name, 1)))
                    continue
                rel = clean[len(prefix):] if clean.startswith(prefix) else clean
                if len(raw.files) >= limits.max_files or budget <= 0:
                    raw.issues.append(LoadIssue("skill-capped", "the archive's members passed the file-count or "
                                                "size limit; later members were not read", Span(name, 1)))
                    break
                cap = min(limits.max_file_bytes, budget)
                handle = member.open()
                content = handle.read(cap + 1) if handle is not None else b""
                truncated = len(content) > cap
                if truncated:
                    content = content[:cap]
                    raw.issues.append(LoadIssue("capped", f"member is {member.size:,} bytes; only the first "
                                                f"{cap:,} were read", Span(rel, 1)))
                budget -= len(content)
                raw.files.append(RawFile(rel, member.size, content, truncated=truncated))
                if "/" not in rel and rel.lower() == "skill.md" and raw.skill_md_name != SKILL_MD:
                    raw.skill_md_name = rel
    except (OSError, ValueError) as exc:
        raw.issues.append(LoadIssue("archive", f"{exc}; the skill inside was not read", Span(name, 1)))
    raw.files.sort(key=lambda f: f.path)
    return raw


def display_path(path: str) -> str:
    """A path relative to the working directory when it is below it, else as given. Without relpath's two abspath
    calls where the answer is plain (a warm hub scan asks for every skill)."""
    if os.path.normpath(path) != path:
        return _relative_to_cwd(path)
    cwd = os.getcwd()
    if os.path.isabs(path):
        base = cwd.rstrip(os.sep) + os.sep
        return "." if path == cwd else path.removeprefix(base)
    parts = path.split(os.sep)
    ups = next((i for i, part in enumerate(parts) if part != ".."), len(parts))
    depth = len([part for part in cwd.split(os.sep) if part])
    return path if ups == 0 or ups < depth else _relative_to_cwd(path)  # more `..` than depth end at /


def _relative_to_cwd(path: str) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


def read_skill(root: str, limits: Limits, exclusion: Exclusion = Exclusion()) -> RawSkill:
    """Read every file of one skill within the limits, leaving out what ``exclusion`` excludes."""
    from .model import LoadIssue, Span  # the model is loaded only when a skill is read
    top = Path(root)
    real_top = ""  # resolved on the first symlink: realpath stats every component of the path
    skill_md = find_skill_md(top)
    raw = RawSkill(root=root, skill_md_name=skill_md)
    budget = limits.max_skill_bytes
    filtering = exclusion.active
    # (folder, depth, the folder's path relative to the skill with a trailing slash, "" for the skill's own)
    stack: list[tuple[str, int, str]] = [(str(top), 0, "")]
    count = 0
    capped_reported = False
    while stack:
        folder, depth, prefix = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=_name, reverse=True)
        except OSError as exc:
            rel = prefix.rstrip("/") or "."
            raw.issues.append(LoadIssue("unreadable", f"cannot list folder: {exc.strerror or exc}", Span(rel, 1)))
            continue
        if depth > 0 and any(e.name.lower() == "skill.md" for e in entries):
            continue  # a nested skill is a skill of its own, checked separately
        for entry in entries:
            rel = prefix + entry.name  # a name has no separator, so this is the relative path, as relpath gives
            if entry.name in SKIPPED_DIRS:
                continue
            if filtering:
                try:
                    if exclusion.excludes(entry.path, entry.is_dir(follow_symlinks=False)):
                        continue
                except OSError:
                    pass
            if not entry.name.isprintable():
                raw.issues.append(LoadIssue("odd-name", f"file name '{printable(entry.name)}' has control "
                                            "characters or bytes that are not UTF-8", Span(rel, 1)))
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError as exc:
                raw.issues.append(LoadIssue("unreadable", f"cannot stat: {exc.strerror or exc}", Span(rel, 1)))
                continue
            is_link = stat.S_ISLNK(st.st_mode)
            if is_link:
                real_top = real_top or os.path.realpath(top)
                target = os.path.realpath(entry.path)
                try:
                    st = os.stat(entry.path)
                except OSError:
                    raw.issues.append(LoadIssue("symlink-broken", f"symlink -> {os.readlink(entry.path)!r} "
                                                "does not resolve (broken or a loop); not read", Span(rel, 1)))
                    continue
                if not (target == real_top or target.startswith(real_top + os.sep)):
                    raw.issues.append(LoadIssue("symlink-escape", f"symlink points outside the skill "
                                                f"(-> {os.readlink(entry.path)}); not followed", Span(rel, 1)))
                    continue
                if stat.S_ISDIR(st.st_mode):
                    continue  # the target folder is inside the skill and is read where it stands
            if stat.S_ISDIR(st.st_mode):
                if depth + 1 > limits.max_depth:
                    raw.issues.append(LoadIssue("too-deep", f"folder nested more than {limits.max_depth} levels "
                                                "deep; not read", Span(rel, 1)))
                else:
                    stack.append((entry.path, depth + 1, rel + "/"))
                continue
            if not stat.S_ISREG(st.st_mode):
                raw.issues.append(LoadIssue("special-file", "not a regular file (FIFO, socket or device); not read",
                                            Span(rel, 1)))
                continue
            count += 1
            if count > limits.max_files or budget <= 0:
                if not capped_reported:
                    why = (f"more than {limits.max_files:,} files" if count > limits.max_files
                           else f"more than {limits.max_skill_bytes:,} bytes in total")
                    raw.issues.append(LoadIssue("skill-capped", f"the skill has {why}; files from here on "
                                                "were listed but not read", Span(rel, 1)))
                    capped_reported = True
                raw.files.append(RawFile(rel, st.st_size, None, truncated=True, symlink=is_link))
                continue
            raw.files.append(_read_file(entry.path, rel, st.st_size, is_link, min(limits.max_file_bytes, budget),
                                        raw.issues))
            budget -= min(st.st_size, limits.max_file_bytes)
    raw.files.sort(key=lambda f: f.path)
    return raw


def _read_file(path: str, rel: str, size: int, is_link: bool, cap: int, issues: list[LoadIssue]) -> RawFile:
    from .model import LoadIssue, Span  # the model is loaded only when a skill is read
    ext = os.path.splitext(rel)[1].lower()
    # Binaries by extension are read too (bounded): content that does not match its extension is a finding.
    try:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) * (not is_link)
        # Other binaries: the head is enough to tell what they are. Archives: all of it, to list their members.
        head_only = ext in BINARY_EXTENSIONS and not rel.lower().endswith(ARCHIVE_EXTENSIONS)
        with os.fdopen(os.open(path, flags), "rb") as fh:
            data = fh.read(min(cap, 64 * 1024) if head_only else cap + 1)
    except OSError as exc:
        issues.append(LoadIssue("unreadable", f"cannot read: {exc.strerror or exc}", Span(rel, 1)))
        return RawFile(rel, size, None, symlink=is_link)
    truncated = False
    if (not head_only) and len(data) > cap:
        data = data[:cap]
        truncated = True
        issues.append(LoadIssue("capped", f"file is {size:,} bytes; only the first {cap:,} were read (raise "
                                "limits.max-file-bytes to read it all)", Span(rel, 1)))
    return RawFile(rel, size, data, truncated=truncated or (head_only and size > len(data)), symlink=is_link)


def is_binary(data: bytes, path: str) -> bool:
    """Binary when the extension says so or a NUL byte appears early (UTF-16 with a BOM is text)."""
    if os.path.splitext(path)[1].lower() in BINARY_EXTENSIONS:
        return True
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in head


# File signatures of content that runs or hides content; enough to tell a disguised payload from an asset.
MAGIC = ((b"\x7fELF", "elf"), (b"MZ", "pe"), (b"\xcf\xfa\xed\xfe", "mach-o"), (b"\xce\xfa\xed\xfe", "mach-o"),
         (b"\xca\xfe\xba\xbe", "mach-o"), (b"PK\x03\x04", "zip"), (b"\x1f\x8b", "gzip"), (b"7z\xbc\xaf", "7z"),
         (b"Rar!", "rar"), (b"BZh", "bzip2"), (b"\xfd7zXZ", "xz"), (b"\x00asm", "wasm"), (b"\x89PNG", "png"),
         (b"\xff\xd8\xff", "jpeg"), (b"GIF8", "gif"), (b"%PDF", "pdf"), (b"RIFF", "riff"))


def sniff(data: bytes) -> str | None:
    """The file type the first bytes announce, or None. ``.pyc`` is recognised by its ``\\r\\n`` magic tail."""
    for signature, name in MAGIC:
        if data.startswith(signature):
            return name
    if len(data) >= 16 and data[2:4] == b"\r\n" and data[0] | data[1]:
        return "pyc"
    return None


def decode_text(data: bytes) -> tuple[str, str | None]:
    """Decode file bytes; returns ``(text, problem)`` where problem names what was wrong, if anything."""
    if data.startswith(codecs.BOM_UTF8):
        text, problem = _utf8(data[3:])
        return text, problem or "starts with a UTF-8 byte-order mark"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", "replace"), "is UTF-16, not UTF-8"
    return _utf8(data)


def _utf8(data: bytes) -> tuple[str, str | None]:
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return data.decode("utf-8", "replace"), f"is not valid UTF-8 (first bad byte on line {line}); " \
                                                "bad bytes were replaced with U+FFFD"


def inspect_archive(data: bytes, rel: str, limits: Limits) -> list[LoadIssue]:
    """List an archive's members in memory (never extracting) and report what would be unsafe to unpack:
    members escaping the target folder (``../``, absolute paths, links), too many members, a bomb-like ratio."""
    from .model import LoadIssue, Span  # the model is loaded only when a skill is read
    try:
        with _archive_members(data, limits.max_archive_members) as listed:
            members = [(m.name, m.size, m.link) for m in listed]
    except ValueError as exc:
        return [LoadIssue("archive", f"{exc}; its content was not inspected", Span(rel, 1))]
    issues = []
    if len(members) > limits.max_archive_members:
        issues.append(LoadIssue("archive", f"archive has more than {limits.max_archive_members:,} members; the "
                                "rest were not inspected", Span(rel, 1)))
    escaping = [n for n, _s, link in members if _unsafe_member(n, link)]
    if escaping:
        issues.append(LoadIssue("archive", f"archive member {printable(escaping[0])!r} would be written outside "
                                f"the folder it is unpacked in ({len(escaping)} such member(s))", Span(rel, 1)))
    total = sum(size for _n, size, _l in members)
    if data and total > limits.max_archive_ratio * len(data) and total > 10 * 1024 * 1024:
        issues.append(LoadIssue("archive", f"archive expands to {total:,} bytes from {len(data):,} (ratio "
                                f"{total // max(len(data), 1)}:1): a decompression bomb", Span(rel, 1)))
    return issues
