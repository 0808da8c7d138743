"""Builds the :class:`Skill` model from a folder: read (loader) now, parse (Markdown, tree-sitter) on first access.

The frontmatter is read at once from SKILL.md's head (every skill result names the skill); the Markdown of each
document and the code facts of each script are parsed when a rule or analysis first asks for them.
"""

from __future__ import annotations

import functools
import os

from .exclusion import Exclusion
from .limits import Limits
from .loader import (ARCHIVE_EXTENSIONS, RawFile, RawSkill, decode_text, inspect_archive, is_archive_root,
                     is_binary, read_archive_skill, read_bundle, read_skill, sniff)
from .model import Bundle, BundledFile, Content, Frontmatter, LoadIssue, MarkdownDoc, Skill, Span
from .parsing.code import PARSED_LANGUAGES, extract_facts, language_for_path
from .parsing.frontmatter import find_block, parse_frontmatter
from .parsing.markdown import parse_markdown

MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown", ".mdx"})
CONFIG_NAMES = frozenset({"package.json", "pyproject.toml", "_meta.json", "Pipfile", "setup.cfg", "Cargo.toml",
                          "go.mod", "Gemfile", "package-lock.json", "pnpm-lock.yaml", "yarn.lock", "uv.lock",
                          "poetry.lock", "environment.yml", "environment.yaml", ".skvm-lint.toml", "Makefile",
                          "Dockerfile", "deno.json", "tsconfig.json", "bun.lockb"})
DATA_EXTENSIONS = frozenset({".json", ".yaml", ".yml", ".toml", ".csv", ".tsv", ".xml", ".ini", ".cfg", ".jsonl"})
# Text extensions whose content should never be binary; a NUL byte in them is suspicious, not an asset.
TEXT_EXTENSIONS = MARKDOWN_EXTENSIONS | DATA_EXTENSIONS | frozenset(
    {".py", ".sh", ".bash", ".js", ".mjs", ".cjs", ".ts", ".tsx", ".txt", ".html", ".css", ".zsh", ".ps1"})


def _kind(path: str, language: str | None) -> str:
    name = path.rsplit("/", 1)[-1]
    ext = os.path.splitext(name)[1].lower()
    if ext in MARKDOWN_EXTENSIONS:
        return "markdown"
    if name in CONFIG_NAMES or (name.startswith("requirements") and ext in (".txt", ".in")):
        return "config"
    if language is not None:
        return "script"
    if ext in DATA_EXTENSIONS:
        return "data"
    return "other"


def _bundled(raw: RawFile, skill_md_name: str | None, limits: Limits) -> BundledFile:
    """One file as read: its kind, language and text now; its parse (code facts, Markdown) on first access."""
    if raw.data is None:
        return BundledFile(raw.path, "binary" if is_binary(b"", raw.path) else "other", raw.size,
                           truncated=raw.truncated, symlink=raw.symlink)
    ext = os.path.splitext(raw.path)[1].lower()
    if is_binary(raw.data, raw.path):
        issues = []
        if raw.path.lower().endswith(ARCHIVE_EXTENSIONS):
            issues.extend(inspect_archive(raw.data, raw.path, limits))
        if ext in TEXT_EXTENSIONS or raw.path == skill_md_name:
            issues.append(LoadIssue("binary", f"binary content (NUL bytes) in a {ext or 'text'} file; not parsed",
                                    Span(raw.path, 1)))
        return BundledFile(raw.path, "binary", raw.size, truncated=raw.truncated, symlink=raw.symlink,
                           magic=sniff(raw.data), issues=issues)
    text, problem = decode_text(raw.data)
    issues = [LoadIssue("encoding", f"file {problem}", Span(raw.path, 1))] if problem else []
    shebang = text.split("\n", 1)[0].strip() if text.startswith("#!") else None
    language = language_for_path(raw.path, shebang)
    kind = "skill_md" if raw.path == skill_md_name else _kind(raw.path, language)
    bundled = BundledFile(raw.path, kind, raw.size, language=language, text=text, shebang=shebang,
                          truncated=raw.truncated, symlink=raw.symlink, issues=issues)
    if kind == "script" and language in PARSED_LANGUAGES:
        bundled._content = functools.partial(_parse_script, text, language, raw.path, limits)
    elif kind in ("markdown", "skill_md"):
        bundled._content = functools.partial(_parse_document, text, raw.path, limits)
    return bundled


def _parse_script(text: str, language: str, path: str, limits: Limits) -> Content:
    code = extract_facts(text, language, path, timeout_ms=limits.parse_timeout_ms)
    issues = [LoadIssue("parse-timeout", f"parsing took longer than {limits.parse_timeout_ms} ms; no facts were "
                        "extracted from this file", Span(path, 1))] if code.parse_timed_out else []
    if code.too_deep:
        issues.append(_too_deep_issue(Span(path, 1), "this file"))
    return Content(code=code, issues=issues)


def _too_deep_issue(span: Span, what: str) -> LoadIssue:
    return LoadIssue("code-too-deep", f"the code nests too deep to read in linear time (a chain of thousands of "
                     f"`a || b` or `a && b` commands, or as deep); no facts were extracted from {what}: split the "
                     "chain into statements", span)


def _parse_document(text: str, path: str, limits: Limits) -> Content:
    doc, _front = parse_markdown(text, path, limits)
    issues: list[LoadIssue] = []
    _check_nesting(doc, limits, issues)
    return Content(markdown=doc, issues=issues)


def _check_nesting(doc: MarkdownDoc, limits: Limits, issues: list[LoadIssue]) -> None:
    if doc.truncated_nesting:
        issues.append(LoadIssue("markdown-nesting", f"lists or blockquotes nest deeper than "
                                f"{limits.max_markdown_nesting} levels; content below that depth was not parsed "
                                "as Markdown", Span(doc.file, 1)))
    for block in doc.code_blocks:
        if block.code is not None and block.code.parse_timed_out:
            issues.append(LoadIssue("parse-timeout", f"code block took longer than {limits.parse_timeout_ms} ms "
                                    "to parse; no facts were extracted from it", block.span))
        if block.code is not None and block.code.too_deep:
            issues.append(_too_deep_issue(block.span, "this code block"))


def build_skill(root: str, limits: Limits | None = None, overlay: dict[str, str] | None = None,
                exclusion: Exclusion = Exclusion()) -> Skill:
    """Read one skill folder into the model; each file is parsed when first asked for. Never raises for bad
    content: problems become issues. ``overlay`` maps files (relative to the root) to text that stands in for
    what is on disk: an editor's unsaved buffers."""
    limits = limits or Limits()
    raw = read_archive_skill(root, limits) if is_archive_root(root) else read_skill(root, limits, exclusion)
    if overlay:
        _apply_overlay(raw, overlay, limits)
    skill = _model(raw, root, limits)
    skill.bundle = _bundle(root, limits)
    return skill


def _model(raw: RawSkill, root: str, limits: Limits) -> Skill:
    files = [_bundled(f, raw.skill_md_name, limits) for f in raw.files]
    skill_md = next((f for f in files if f.kind == "skill_md"), None)
    skill = Skill(root=root, skill_md_path=raw.skill_md_name, frontmatter=Frontmatter(), files=files,
                  read_issues=list(raw.issues))
    if skill_md is not None and skill_md.text is not None:
        skill.skill_md_text = skill_md.text
        # The head alone: frontmatter rules never pay for the Markdown parse.
        skill.frontmatter = parse_frontmatter(skill_md.text, skill_md.path, find_block(skill_md.text), limits)
    return skill


def _bundle(root: str, limits: Limits) -> Bundle | None:
    """The skill ``root`` is bundled in (:func:`loader.bundle_files`), modelled from the files it inherits."""
    read = read_bundle(root, limits)
    if read is None:
        return None
    raw, names = read
    prefix = os.path.relpath(raw.root, os.path.abspath(root)).replace(os.sep, "/")
    return Bundle(_model(raw, raw.root, limits), prefix, frozenset(names))


def _apply_overlay(raw: RawSkill, overlay: dict[str, str], limits: Limits) -> None:
    """Put the editor's text in place of the files read from disk (within the same per-file limit)."""
    by_path = {f.path: f for f in raw.files}
    for path, text in overlay.items():
        data = text.encode("utf-8", "surrogateescape")
        truncated = len(data) > limits.max_file_bytes
        data = data[: limits.max_file_bytes]
        if path in by_path:
            by_path[path].data, by_path[path].size, by_path[path].truncated = data, len(data), truncated
        else:  # a new file the editor has not saved yet
            raw.files.append(RawFile(path, len(data), data, truncated))
        if raw.skill_md_name is None and path.lower() == "skill.md":
            raw.skill_md_name = path


def build_missing(root: str) -> Skill:
    """The model of a folder that should be a skill but has no SKILL.md."""
    return Skill(root=root, skill_md_path=None, frontmatter=Frontmatter())
