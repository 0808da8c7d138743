"""Hub-scale scanning: every skill under some roots, in a process pool, incrementally.

Each skill's result (the `analyze` object with its diagnostics) is cached in SQLite (standard library) under a key
made of the skill's content (every file's path and bytes, as the loader would read them), the tool version and the
rule set. A second scan of an unchanged hub re-hashes files and parses nothing. Results are committed in batches,
so an interrupted scan keeps its work and the next one resumes; `results.jsonl` is written to a temporary file and
renamed into place only when a scan completes, so it is never half-written.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any
from datetime import datetime
from pathlib import Path

from msgspec import Struct

from .results import analysis_object
from .version import __version__
from .config import Config
from .loader import FileList, bundle_files, display_path, iter_skills, list_files
from .atomic import atomic_writer
from .library import Fingerprint, analyse
from .library import available as library_available
from .rule import LibraryRule, RuleContext, rules_dir
from .selection import Selection

SCHEMA = ("CREATE TABLE IF NOT EXISTS results (path TEXT PRIMARY KEY, key TEXT NOT NULL, record TEXT NOT NULL);"
          # As git's index: a skill whose files' names, sizes, mtimes and inodes are unchanged keeps its content key
          # without its files being read again.
          "CREATE TABLE IF NOT EXISTS stat_index (path TEXT PRIMARY KEY, signature TEXT NOT NULL, key TEXT NOT NULL);"
          "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);"
          # What the library rules need of each skill (skvm_lint.library.Fingerprint), kept beside its result.
          "CREATE TABLE IF NOT EXISTS fingerprints (path TEXT PRIMARY KEY, key TEXT NOT NULL, data TEXT NOT NULL)")
BATCH = 64  # results per commit: an interruption loses at most this much work


class ScanReport(Struct):
    skills: int = 0
    analysed: int = 0
    cached: int = 0
    out: Path | None = None
    library: Path | None = None
    library_diagnostics: int = 0


def stat_signature(root: str, config_key: str, files: FileList | None = None) -> str:
    """Names, sizes, modification times and inodes of a skill's files (``files``: its :func:`list_files`, listed
    here if not given): cheap, and changes when any file does. Hashed in one piece: the same digest as hashing each
    line in turn, without a call per file (a warm scan does this for every skill)."""
    lines = [config_key]
    for rel, path in _read_from(root, files):
        try:
            st = os.lstat(path)
            lines.append(f"{rel}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ino}\0{st.st_mode}\n")
        except OSError as exc:
            lines.append(f"{rel}\0error:{exc.errno}\n")
    return hashlib.sha256("".join(lines).encode("utf-8", "surrogateescape")).hexdigest()


def _read_from(root: str, files: FileList | None) -> FileList:
    """Every file the analysis of ``root`` reads: its own, and what it inherits from the skill it is bundled in
    (named apart: ``bundle:SKILL.md``), with an entry for the bundle's root names (its modules)."""
    bundle, inherited, names = bundle_files(root)
    own = list_files(root) if files is None else files
    if bundle is None:
        return own
    return [*own, *((f"bundle:{rel}", path) for rel, path in inherited), ("bundle-names:" + "/".join(names), bundle)]


def content_key(root: str, config_key: str, max_file_bytes: int, files: FileList | None = None) -> str:
    """A hash of everything the analysis reads from a skill folder (names, sizes, bytes), plus the rule set."""
    digest = hashlib.sha256(config_key.encode())
    for rel, path in _read_from(root, files):
        digest.update(os.fsencode(rel) + b"\0")
        try:
            st = os.lstat(path)
            if stat.S_ISLNK(st.st_mode):
                digest.update(b"link:" + os.fsencode(os.readlink(path)))
            elif stat.S_ISREG(st.st_mode):
                with open(path, "rb") as fh:
                    digest.update(fh.read(max_file_bytes + 1))
            else:
                digest.update(b"special")
        except OSError as exc:
            digest.update(f"error:{exc.errno}".encode())
        digest.update(b"\0")
    return digest.hexdigest()


def _code_fingerprint() -> str:
    """A hash of the tool's own code and rule files: an edited rule invalidates the cache even at the same version."""
    digest = hashlib.sha256(__version__.encode())
    sources = sorted(Path(__file__).parent.rglob("*.py")) + sorted(rules_dir().glob("*.py"))
    for path in sources:
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def _config_key(config: Config) -> str:
    """Tool code, rules and the settings that change results: any of them changing invalidates the cache. The rule
    selectors stand for the selected rules (the selection is a function of them and the rule files, which are in the
    code fingerprint), so an unchanged hub is checked without loading a rule."""
    limits = {k: getattr(config.limits, k) for k in sorted(config.limits.__struct_fields__)}
    selection = [sorted(config.select or []), sorted(config.ignore or []), sorted(config.extend_select or [])]
    return json.dumps([_code_fingerprint(), selection, limits, config.rule_options, repr(config.target)],
                      sort_keys=True, default=str)


class ScanBusy(Exception):
    """Another scan holds the results folder."""


class ScanInterrupted(KeyboardInterrupt):
    """A scan stopped by Ctrl-C or SIGTERM; everything finished is in the cache, and the next scan resumes."""

    def __init__(self, analysed: int, out: Path) -> None:
        super().__init__(f"interrupted: {analysed} skill(s) analysed in this run are kept in {out / 'cache.sqlite'}; "
                         "run the same scan again to resume")
        self.analysed = analysed


@contextmanager
def _hold(out: Path) -> Iterator[None]:
    """One scan at a time per results folder: a lock file, held for the scan's life (released if it dies)."""
    path = out / ".scan.lock"
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise ScanBusy(f"another scan ({holder}) is writing to {out}; wait for it to finish, or use another "
                           "--out") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def scan(paths: Iterable[str], out: Path, config: Config, *, jobs: int = 0,
         on_progress: Callable[[int, int, int], None] | None = None, scheduler: str | None = None) -> ScanReport:
    """Scan every skill under ``paths`` into ``out`` (``cache.sqlite``, ``results.jsonl``, ``library.json``).

    With ``scheduler`` (a Dask scheduler address, or ``local``) the per-skill work runs on a Dask cluster; the cache
    and the results are the same either way."""
    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    with _hold(out):
        return _scan(paths, out, config, jobs, on_progress, scheduler, started)


def _scan(paths: Iterable[str], out: Path, config: Config, jobs: int,
          on_progress: Callable[[int, int, int], None] | None, scheduler: str | None, started: float) -> ScanReport:
    config_key = _config_key(config)
    db = sqlite3.connect(out / "cache.sqlite")
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.executescript(SCHEMA + ";" + _SCAN_SCHEMA)
        report = ScanReport(out=out / "results.jsonl")
        # Each skill is signed as the search lists it: its folders are read once, and only a few skills' listings
        # are held at a time however big the hub. What the scan must remember of each skill (that it was found,
        # whether it needs analysing) goes to temporary tables, not to Python objects: the parent's memory does not
        # grow with the hub.
        for root, missing, files in iter_skills(paths, config.exclusion(), with_files=True):
            path = display_path(root)
            if not db.execute("INSERT OR IGNORE INTO temp.scanned VALUES (?)", (path,)).rowcount:
                continue  # listed twice (overlapping paths): scanned once
            report.skills += 1
            signature = stat_signature(root, config_key, files)
            known = db.execute("SELECT signature, key FROM stat_index WHERE path = ?", (path,)).fetchone()
            key = known[1] if known and known[0] == signature else \
                content_key(root, config_key, config.limits.max_file_bytes, files)
            if known != (signature, key):
                db.execute("INSERT OR REPLACE INTO stat_index VALUES (?, ?, ?)", (path, signature, key))
            if db.execute("SELECT 1 FROM results WHERE path = ? AND key = ?", (path, key)).fetchone():
                report.cached += 1
            else:
                db.execute("INSERT INTO temp.todo (path, missing, key) VALUES (?, ?, ?)", (path, missing, key))
        if on_progress is not None:
            on_progress(report.cached, report.skills, report.cached)
        with_library = library_available()
        pending = 0
        results: Iterable[Any] = ()
        todo = report.skills - report.cached
        if todo:  # the analysis stack (parsers, rules) is loaded only when there is something to analyse
            from .runners import default_jobs, map_tasks, map_tasks_dask

            rule_ids = Selection.from_config(config).rule_ids()
            tasks = ((path, bool(missing), rule_ids, config, True, with_library)
                     for path, missing in _rows(db, "SELECT seq, path, missing FROM temp.todo"))
            jobs = jobs or config.jobs
            results = map_tasks(tasks, jobs or default_jobs(todo), todo) if scheduler is None else \
                map_tasks_dask(tasks, scheduler, jobs, todo)
        try:
            for result in results:
                _store(db, result, report)
                pending += 1
                if pending >= BATCH:
                    db.commit()
                    pending = 0
                if on_progress is not None:
                    on_progress(report.cached + report.analysed, report.skills, report.cached)
        except KeyboardInterrupt as exc:  # keep every finished skill: the next scan starts from them
            db.commit()
            raise ScanInterrupted(report.analysed, out) from exc
        db.commit()
        # results.jsonl is a function of the scanned paths and their keys: rewrite it only when that changed
        manifest = hashlib.sha256()
        for path, key in db.execute("SELECT path, key FROM results ORDER BY path"):
            manifest.update(f"{path}\0{key}\n".encode("utf-8", "surrogateescape"))
        manifest.update(b"\1")
        for (path,) in db.execute("SELECT path FROM temp.scanned ORDER BY path"):
            manifest.update(f"{path}\n".encode("utf-8", "surrogateescape"))
        stamp = manifest.hexdigest()
        previous = db.execute("SELECT value FROM meta WHERE name = 'results.jsonl'").fetchone()
        if previous is None or previous[0] != stamp or not (out / "results.jsonl").exists():
            _write_jsonl(db, out / "results.jsonl")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('results.jsonl', ?)", (stamp,))
            db.commit()
        _record_scan(db, report, time.perf_counter() - started)
        if not with_library:
            return report
        report.library = out / "library.json"
        previous = dict(db.execute("SELECT name, value FROM meta WHERE name IN ('library.json', "
                                   "'library.diagnostics')"))
        if previous.get("library.json") != stamp or "library.diagnostics" not in previous \
                or not report.library.exists():
            library_rules = [r for r in Selection.from_config(config).rules()
                             if issubclass(r, LibraryRule)]
            report.library_diagnostics = _write_library(db, library_rules, config, report.library)
            db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                           [("library.json", stamp), ("library.diagnostics", str(report.library_diagnostics))])
            db.commit()
        else:  # the count kept beside the stamp: a warm scan does not re-read library.json
            report.library_diagnostics = int(previous["library.diagnostics"])
        return report
    finally:
        db.close()


# What one scan remembers of the skills it found (the connection's own temporary tables, on disk, gone with it):
# every path it listed, and those to analyse with their content keys, in the order found.
_SCAN_SCHEMA = """
CREATE TEMP TABLE scanned (path TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TEMP TABLE todo (seq INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, missing INTEGER NOT NULL, key TEXT NOT NULL);
"""
PAGE = 512  # rows read at a time from a temporary table while results are written between pages


def _rows(db: sqlite3.Connection, query: str) -> Iterator[tuple[Any, ...]]:
    """The rows of ``query`` (its first column an increasing integer key, not returned) a page at a time, so that
    no statement stays open across the commits the scan makes between pages."""
    last = -1
    while rows := db.execute(f"SELECT * FROM ({query}) WHERE seq > ? ORDER BY seq LIMIT {PAGE}", (last,)).fetchall():
        for row in rows:
            yield row[1:]
        last = rows[-1][0]


def _store(db: sqlite3.Connection, result: Any, report: ScanReport) -> None:
    record = analysis_object(result)
    key = db.execute("SELECT key FROM temp.todo WHERE path = ?", (result.root,)).fetchone()[0]
    db.execute("INSERT OR REPLACE INTO results (path, key, record) VALUES (?, ?, ?)",
               (result.root, key, json.dumps(record, ensure_ascii=False, default=str)))
    if result.fingerprint is not None:
        db.execute("INSERT OR REPLACE INTO fingerprints VALUES (?, ?, ?)",
                   (result.root, key, _dump_fingerprint(result.fingerprint)))
    report.analysed += 1


def _record_scan(db: sqlite3.Connection, report: ScanReport, seconds: float) -> None:
    """Append this scan to the folder's history (the report plots throughput from it); the last 50 are kept."""
    row = db.execute("SELECT value FROM meta WHERE name = 'scans'").fetchone()
    scans = json.loads(row[0]) if row else []
    scans.append({"finished": datetime.now().isoformat(timespec="seconds"), "skills": report.skills,
                  "analysed": report.analysed, "cached": report.cached, "seconds": round(seconds, 3)})
    db.execute("INSERT OR REPLACE INTO meta VALUES ('scans', ?)", (json.dumps(scans[-50:]),))
    db.commit()


def _dump_fingerprint(print_: Fingerprint) -> str:
    data = {f: getattr(print_, f) for f in Fingerprint.__struct_fields__}
    data["minhash"] = print_.minhash.hex()
    data["words_minhash"] = print_.words_minhash.hex()
    return json.dumps(data, ensure_ascii=False)


def _load_fingerprint(text: str) -> Fingerprint:
    data = json.loads(text)
    data["minhash"] = bytes.fromhex(data["minhash"])
    data["words_minhash"] = bytes.fromhex(data["words_minhash"])
    data["words"] = tuple(data["words"])
    return Fingerprint(**data)


def _write_library(db: sqlite3.Connection, rules: list[type[LibraryRule]], config: Config, target: Path) -> int:
    """Library facts and library-rule diagnostics over this scan's skills, into ``library.json``; their count."""
    prints = (_load_fingerprint(data) for (data,) in db.execute(
        "SELECT data FROM fingerprints JOIN temp.scanned USING (path)"))
    library = analyse(prints)
    ctx = RuleContext(options=config.rule_options, target=config.target)  # no facts: library rules read the library
    count = 0

    def diagnostics() -> Iterator[dict[str, Any]]:
        nonlocal count
        for rule in rules:
            for diagnostic in rule().check_library(library, ctx):
                count += 1
                yield diagnostic.to_dict()

    with atomic_writer(target) as fh:
        write_json_streaming(fh, [("tool", {"name": "skvm-lint", "version": __version__}), *library.fields(),
                                  ("diagnostics", diagnostics())])
    return count


def write_json_streaming(fh: Any, fields: list[tuple[str, Any]]) -> None:
    """Write the object of ``fields`` as ``json.dumps(..., ensure_ascii=False, indent=1)`` would, byte for byte,
    writing a value that is an iterable other than a list or dict item by item as it yields: a hub of copies has a
    group member and a diagnostic per skill, too many to hold as one document."""
    fh.write("{")
    for n, (key, value) in enumerate(fields):
        fh.write(("," if n else "") + "\n " + json.dumps(key, ensure_ascii=False) + ": ")
        if value is None or isinstance(value, (dict, list, str, int, float)):
            fh.write(json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n "))
            continue
        fh.write("[")
        items = 0
        for items, item in enumerate(value, 1):
            fh.write(("," if items > 1 else "") + "\n  "
                     + json.dumps(item, ensure_ascii=False, indent=1).replace("\n", "\n  "))
        fh.write("\n ]" if items else "]")
    fh.write("\n}\n")


def _write_jsonl(db: sqlite3.Connection, target: Path) -> None:
    """The results of this scan's skills, in path order, replacing the previous file in one rename."""
    with atomic_writer(target) as fh:
        for (record,) in db.execute("SELECT record FROM results JOIN temp.scanned USING (path) ORDER BY path"):
            fh.write(record + "\n")
