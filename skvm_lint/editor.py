"""What an editor integration needs, independent of the protocol: check a skill with the editor's unsaved buffers,
and turn findings into diagnostics, fixes into text edits, and facts into hover text. The language server
(:mod:`skvm_lint.lsp_server`) is the protocol around this; everything here is plain data and testable alone.

Positions: findings carry 1-based lines and columns; LSP wants 0-based lines and UTF-16 code units. Every range
is clamped to the document it is published for, so a location never points outside its file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from msgspec import Struct, field

from .analyses import SkillFacts
from .builder import build_skill
from .config import Config, ConfigError, load_config
from .exclusion import forget as forget_repositories
from .diagnostics import Create, Diagnostic, Edit, Rename, Replace, Severity
from .model import Skill
from .pipeline import check_model
from .rule import rule_by_id
from .selection import Selection

RULES_URL = "https://github.com/skvm-lint/skvm-lint/blob/main/docs/rules.md#{anchor}"
CONFIG_NAMES = ("pyproject.toml", ".skvm-lint.toml")


class SkillCheck(Struct):
    """One check of one skill as the editor has it: the model, its facts and the findings (fixes still buildable)."""

    root: Path
    skill: Skill
    facts: SkillFacts
    diagnostics: list[Diagnostic]
    texts: dict[str, str] = field(default_factory=dict)  # file -> the text the findings were made on
    config_error: str | None = None

    def in_file(self, rel: str) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.shown_in(self.skill.skill_md_path) == rel]

    def made_on(self, overlay: dict[str, str]) -> bool:
        """Whether this check saw exactly these buffers (so its findings still describe them)."""
        return all(self.texts.get(rel) == text for rel, text in overlay.items())


def load_skill_config(root: Path) -> tuple[Config, str | None]:
    """The skill's configuration (nearest `.skvm-lint.toml` or `[tool.skvm-lint]`), or the defaults and the error."""
    try:
        config = load_config(start=root)
        Selection.from_config(config).validate()
        return config, None
    except (ConfigError, ValueError) as exc:
        return Config(), str(exc)


def check_skill(root: Path, overlay: dict[str, str]) -> SkillCheck:
    """Check the skill at ``root`` with ``overlay`` (file relative to the root -> unsaved text) standing in for disk."""
    config, error = load_skill_config(root)
    forget_repositories()
    skill = build_skill(str(root), config.limits, overlay, config.exclusion())
    facts = SkillFacts(skill, config.registry_layout)
    diagnostics = check_model(skill, Selection.from_config(config).rule_ids(), config, facts)
    texts = {f.path: f.text for f in skill.files if f.text is not None}
    return SkillCheck(root, skill, facts, diagnostics, texts, error)


# --- positions -------------------------------------------------------------------------------------------------------

def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def position(text: str, line: int, column: int) -> dict[str, int]:
    """A 1-based line and column in ``text`` as an LSP position, clamped to the text."""
    lines = text.split("\n")
    index = min(max(line, 1), len(lines)) - 1
    current = lines[index].rstrip("\r")
    return {"line": index, "character": _utf16(current[: max(column, 1) - 1])}


def offset_position(text: str, offset: int) -> dict[str, int]:
    """A character offset into ``text`` as an LSP position."""
    offset = min(max(offset, 0), len(text))
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return {"line": line, "character": _utf16(text[start:offset])}


def diagnostic_range(text: str, diag: Diagnostic) -> dict[str, dict[str, int]]:
    """The finding's range in its file: to the end of its span, or to the end of its line."""
    start = position(text, diag.line, diag.column)
    if diag.end_line is not None and diag.end_column is not None and \
            (diag.end_line, diag.end_column) > (diag.line, diag.column):
        end = position(text, diag.end_line, diag.end_column)
    else:
        lines = text.split("\n")
        line = lines[start["line"]].rstrip("\r") if lines else ""
        end = {"line": start["line"], "character": _utf16(line)}
    return {"start": start, "end": end}


# --- findings as LSP data ----------------------------------------------------------------------------------------------

LSP_SEVERITY = {Severity.ERROR: 1, Severity.WARNING: 2, Severity.INFO: 3}


def lsp_diagnostic(text: str, diag: Diagnostic) -> dict[str, Any]:
    """A finding as an LSP Diagnostic: the rule id is the code, linked to the rule's documentation."""
    message = diag.message + (f"\n{diag.hint}" if diag.hint else "")
    return {"range": diagnostic_range(text, diag), "severity": LSP_SEVERITY[diag.severity], "code": diag.rule,
            "codeDescription": {"href": RULES_URL.format(anchor=diag.rule.lower())}, "source": "skvm-lint",
            "message": message, "data": {"rule": diag.rule, "line": diag.line, "column": diag.column,
                                         "fixable": diag.fix is not None}}


def text_edits(check: SkillCheck, edits: tuple[Edit, ...]) -> list[dict[str, Any]]:
    """A fix's edits as LSP document changes: text edits per file, file creations and renames.
    Offsets are converted against the text the findings were made on."""
    changes: list[dict[str, Any]] = []
    by_file: dict[str, list[Replace]] = {}
    for e in edits:
        if isinstance(e, Replace):
            by_file.setdefault(e.file, []).append(e)
    for e in edits:
        if isinstance(e, Create):
            uri = (check.root / e.file).as_uri()
            changes.append({"kind": "create", "uri": uri, "options": {"ignoreIfExists": True}})
            changes.append({"textDocument": {"uri": uri, "version": None},
                            "edits": [{"range": {"start": {"line": 0, "character": 0},
                                                 "end": {"line": 0, "character": 0}}, "newText": e.text}]})
        elif isinstance(e, Rename):
            changes.append({"kind": "rename", "oldUri": (check.root / e.file).as_uri(),
                            "newUri": (check.root / e.to).as_uri()})
    for rel, replaces in by_file.items():
        text = check.texts.get(rel, "")
        changes.append({"textDocument": {"uri": (check.root / rel).as_uri(), "version": None},
                        "edits": [{"range": {"start": offset_position(text, e.start),
                                             "end": offset_position(text, e.end)}, "newText": e.text}
                                  for e in sorted(replaces, key=lambda e: e.start)]})
    return changes


def suppression_edit(check: SkillCheck, diag: Diagnostic) -> dict[str, Any] | None:
    """The text edit that disables ``diag``'s rule for its line: an HTML comment above it in Markdown, a trailing
    comment in a script. None where no comment can be written (binary files, frontmatter)."""
    text = check.texts.get(diag.file)
    if text is None:
        return None
    lines = text.split("\n")
    index = min(max(diag.line, 1), len(lines)) - 1
    uri = (check.root / diag.file).as_uri()
    bundled = check.skill.file(diag.file)
    frontmatter = check.skill.frontmatter
    in_frontmatter = diag.file == check.skill.skill_md_path and frontmatter.present and \
        frontmatter.start_line <= diag.line <= (frontmatter.end_line or 0)
    if in_frontmatter:
        if diag.line in (frontmatter.start_line, frontmatter.end_line):
            return None  # nothing can be written on the `---` lines themselves
        indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
        new = f"{indent}# skvm-lint: disable-next-line={diag.rule}\n"  # a YAML comment above the key
        at = {"line": index, "character": 0}
    elif bundled is not None and bundled.kind in ("markdown", "skill_md"):
        indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
        new = f"{indent}<!-- skvm-lint: disable-next-line={diag.rule} -->\n"
        at = {"line": index, "character": 0}
    else:
        mark = "//" if bundled is not None and bundled.language in ("javascript", "typescript") else "#"
        new = f"  {mark} skvm-lint: disable-line={diag.rule}"
        at = {"line": index, "character": _utf16(lines[index].rstrip("\r"))}
    return {"changes": {uri: [{"range": {"start": at, "end": at}, "newText": new}]}}


# --- hover ------------------------------------------------------------------------------------------------------------

def hover_markdown(check: SkillCheck, rel: str, line: int) -> str | None:
    """What to show at a 1-based line of a file: the rules that fire there, what the dependency analysis made of
    a command or import there, and, on the frontmatter, the capabilities the skill demands."""
    parts: list[str] = []
    for diag in check.in_file(rel):
        if diag.line <= line <= (diag.end_line or diag.line):
            rule = rule_by_id(diag.rule)
            doc = rule.docs() if rule is not None else {}
            parts.append(f"**{diag.rule}** `{diag.name}` ({diag.severity})\n\n{doc.get('summary', '')}\n\n"
                         f"{doc.get('Why it matters', '')}\n\n**Fix:** {doc.get('Fix', diag.hint or '')}".strip())
    for dep in check.facts.dependencies.found:
        if any(s.file == rel and s.line == line for s in dep.evidence):
            info = dep.to_dict()
            rows = [f"**{dep.type}** dependency `{dep.name}`" + (f" {dep.version}" if dep.version else ""),
                    f"declared: {'yes' if dep.declared else 'no'} · required: {'yes' if dep.required else 'no'}"]
            if info.get("install_command"):
                rows.append(f"install: `{info['install_command']}`")
            if info.get("check_command"):
                rows.append(f"check: `{info['check_command']}`")
            parts.append("  \n".join(rows))
    frontmatter = check.skill.frontmatter
    if rel == check.skill.skill_md_path and frontmatter.present and \
            frontmatter.start_line <= line <= (frontmatter.end_line or 0):
        demands = check.facts.capabilities.demands
        if demands:
            table = ["| primitive | level | evidence |", "|---|---|---|"]
            table += [f"| `{p}` | L{f.level} | {f.evidence} ({f.span.file}:{f.span.line}) |" for p, f in demands.items()]
            parts.append("**Capabilities this skill demands** (SkVM primitives)\n\n" + "\n".join(table))
    return "\n\n---\n\n".join(parts) if parts else None


def relative(root: Path, path: Path) -> str | None:
    """``path`` relative to the skill root, POSIX-style; None when it is outside the skill."""
    try:
        return Path(os.path.relpath(path, root)).as_posix() if path.resolve().is_relative_to(root.resolve()) else None
    except (OSError, ValueError):
        return None
