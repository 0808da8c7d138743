"""Applying fixes: resolve overlapping edits, write atomically, re-check until stable.

Guarantees: a file is written only when its bytes on disk still decode to exactly the text the rules saw (so
nothing is lost on files with bad encodings or that changed meanwhile); writes go to a temporary file in the same
folder, keep the permissions, and replace the original in one rename; a failed write leaves the original intact.
"""

from __future__ import annotations

import difflib
import os
from bisect import bisect_left, insort
from pathlib import Path

from msgspec import Struct, field

from .builder import build_skill
from .config import Config
from .diagnostics import Applicability, Create, Diagnostic, FixUnavailable, Rename, Replace
from .pipeline import check_model
from .atomic import atomic_write, umask as _umask
from .loader import decode_text

MAX_ROUNDS = 5


class FixReport(Struct):
    applied: list[str] = field(default_factory=list)  # "path: description"
    skipped: list[str] = field(default_factory=list)  # "path: why"
    diffs: list[str] = field(default_factory=list)
    needs: dict[str, set[str]] = field(default_factory=dict)  # install command -> findings whose fix needs it


def _choose(diags: list[Diagnostic], unsafe: bool, diff_only: bool) -> list[Diagnostic]:
    """The fixes to apply: safe ones, and unsafe ones with ``unsafe``; display-only fixes only into a diff."""
    wanted = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
    if diff_only:
        wanted.add(Applicability.DISPLAY_ONLY)
    return [d for d in diags if d.fix is not None and d.fix.applicability in wanted]


def _built(diags: list[Diagnostic], report: FixReport) -> list[Diagnostic]:
    """The chosen fixes with their edits built; one that cannot be built is reported and left out."""
    kept = []
    for diag in diags:
        try:
            diag.fix = diag.fix.resolved()
        except FixUnavailable as exc:
            if exc.install:
                report.needs.setdefault(exc.install, set()).add(f"{diag.path}:{diag.line}:{diag.rule}")
            else:
                report.skipped.append(f"{diag.path}:{diag.line}: {diag.rule} not fixed: {exc}")
            continue
        kept.append(diag)
    return kept


def _range(edit: Replace | Create) -> tuple[int, int]:
    return (edit.start, edit.end) if isinstance(edit, Replace) else (0, 0)


def _clashes(edit: Replace | Create, taken: list[tuple[int, int]]) -> bool:
    """Whether ``edit`` overlaps a range already taken in its file, or inserts where one starts. ``taken`` is sorted
    and its ranges only touch, so their ends rise with their starts: two searches, not a scan (a rule may fix every
    line of a large file)."""
    if not taken:
        return False
    if isinstance(edit, Create):
        return True
    start, end = _range(edit)
    before_end = bisect_left(taken, (end, -1))  # the ranges that start before this one ends
    if before_end and taken[before_end - 1][1] > start:
        return True
    if start == end:  # an insertion at the very start of a taken range
        at = bisect_left(taken, (start, -1))
        return at < len(taken) and taken[at][0] == start
    return False


def _resolve(fixable: list[Diagnostic]) -> tuple[dict[str, list[Replace]], list[Diagnostic], list[Rename]]:
    """Pick non-overlapping fixes deterministically (earliest edit first, then rule id); all edits of a fix or none.
    A new file clashes with anything else in that file; one rename per round."""
    taken: dict[str, list[tuple[int, int]]] = {}
    per_file: dict[str, list[Replace]] = {}
    renames: list[Rename] = []
    chosen: list[Diagnostic] = []
    for diag in sorted(fixable, key=lambda d: (min((e.start if isinstance(e, Replace) else 0 for e in d.fix.edits),
                                                   default=0), d.rule, d.line)):
        edits = diag.fix.edits
        if any(isinstance(e, Rename) for e in edits):
            if not renames:
                renames.extend(e for e in edits if isinstance(e, Rename))
                chosen.append(diag)
            continue
        if any(_clashes(e, taken.get(e.file, [])) for e in edits):
            continue
        for e in edits:
            insort(taken.setdefault(e.file, []), _range(e))
            if isinstance(e, Replace):
                per_file.setdefault(e.file, []).append(e)
        chosen.append(diag)
    return per_file, chosen, renames


def apply_edits(text: str, edits: list[Replace]) -> str:
    """``text`` with non-overlapping ``edits`` applied, in one pass (edits at one offset in the order given)."""
    pieces: list[str] = []
    done = 0
    for e in sorted(edits, key=lambda e: e.start):
        pieces += (text[done:e.start], e.text)
        done = max(done, e.end)
    pieces.append(text[done:])
    return "".join(pieces)


def _disk_text(path: Path) -> str | None:
    """The file's text if it decodes cleanly (no BOM, no bad bytes), else None: such files are never rewritten."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    text, problem = decode_text(data)
    return None if problem else text


def _unwritable(skill, path: Path, rel: str, disk: str | None, diff_only: bool) -> str | None:
    """Why ``rel`` (whose text on disk is ``disk``) cannot be rewritten now, or None."""
    model_file = skill.file(rel)
    if model_file is None or model_file.text is None or disk is None or disk != model_file.text:
        return "not rewritten (its bytes are not clean UTF-8, or it changed); its fixes were not applied"
    # Mode bits, not os.access: root may write anything, but a file marked read-only stays untouched.
    if not diff_only and not (path.stat().st_mode & 0o200 and os.access(path, os.W_OK)):
        return "not rewritten, the file is read-only; its fixes were not applied"
    return None


def _withdraw(diags: list[Diagnostic], per_file: dict[str, list[Replace]]) -> None:
    """Take these findings' edits back out of ``per_file`` (one pass, however many are withdrawn)."""
    gone = {id(edit) for diag in diags for edit in diag.fix.edits}
    for rel, edits in per_file.items():
        per_file[rel] = [edit for edit in edits if id(edit) not in gone]


def _remove(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def fix_skill(root: str, rule_ids: tuple[str, ...], config: Config, *, unsafe: bool = False,
              diff_only: bool = False) -> FixReport:
    """Apply fixes to one skill, re-checking after each round until nothing more applies (at most 5 rounds)."""
    report = FixReport()
    rounds = 1 if diff_only else MAX_ROUNDS
    for _ in range(rounds):
        skill = build_skill(root, config.limits)
        fixable = _built(_choose(check_model(skill, rule_ids, config), unsafe, diff_only), report)
        if not fixable:
            break
        per_file, chosen, renames = _resolve(fixable)
        wrote = False
        # A fix is applied whole or not at all: files it would rewrite are checked before any file is created.
        disks = {rel: _disk_text(Path(root) / rel) for rel in per_file}  # read once: checked, then rewritten
        blocked = {rel: why for rel in per_file
                   if (why := _unwritable(skill, Path(root) / rel, rel, disks[rel], diff_only))}
        for rel, why in sorted(blocked.items()):
            report.skipped.append(f"{Path(root) / rel}: {why}")
        applied = [d for d in chosen if not any(isinstance(e, Replace) and e.file in blocked for e in d.fix.edits)]
        if len(applied) < len(chosen):
            kept = {id(d) for d in applied}
            _withdraw([d for d in chosen if id(d) not in kept], per_file)
        created: dict[int, list[Path]] = {}
        for diag in list(applied):  # new files first: a fix whose file cannot be created is dropped whole
            for e in (e for e in diag.fix.edits if isinstance(e, Create)):
                path = Path(root) / e.file
                if diff_only:
                    report.diffs.append("".join(difflib.unified_diff([], e.text.splitlines(keepends=True),
                                                                     "/dev/null", f"b/{path}")))
                    continue
                try:
                    if path.exists() or path.is_symlink():
                        raise FileExistsError(f"{path.name} already exists")
                    path.parent.mkdir(parents=True, exist_ok=True)
                    atomic_write(path, e.text)
                    if e.text.startswith("#!"):
                        path.chmod(path.stat().st_mode | 0o111 & ~_umask())
                    created.setdefault(id(diag), []).append(path)
                    wrote = True
                except OSError as exc:
                    report.skipped.append(f"{path}: not created ({exc}); its fix was not applied")
                    _withdraw([diag], per_file)
                    _remove(created.pop(id(diag), []))
                    applied.remove(diag)
                    break
        for rel, edits in sorted(per_file.items()):
            if not edits:
                continue
            path = Path(root) / rel
            disk = disks[rel]
            new = apply_edits(disk, edits)
            if new == disk:
                continue
            if diff_only:
                report.diffs.append("".join(difflib.unified_diff(
                    disk.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{path}", f"b/{path}")))
                continue
            try:
                atomic_write(path, new)
            except OSError as exc:
                report.skipped.append(f"{path}: not written ({exc.strerror or exc}); the original is unchanged")
                for diag in [d for d in applied if any(isinstance(e, Replace) and e.file == rel for e in d.fix.edits)]:
                    _remove(created.pop(id(diag), []))  # its new files go too: nothing half-applied
                    applied.remove(diag)
                continue
            wrote = True
        for e in renames:
            src, dst = Path(root) / e.file, Path(root) / e.to
            if diff_only:
                report.diffs.append(f"rename {src} -> {dst}\n")
                continue
            try:
                tmp = src.with_name(f".{src.name}.skvm-lint-rename")
                os.rename(src, tmp)  # two steps: works on case-insensitive file systems too
                if dst.exists():
                    os.rename(tmp, src)
                    report.skipped.append(f"{src}: not renamed, {dst.name} already exists")
                    continue
                os.rename(tmp, dst)
                wrote = True
            except OSError as exc:
                report.skipped.append(f"{src}: not renamed ({exc.strerror or exc})")
        report.applied.extend(f"{d.path}:{d.line}: {d.rule} {d.fix.description}" for d in applied
                              if not diff_only and wrote)
        if not wrote:
            break
    return report
