"""``skvm-lint server``: a Language Server Protocol server over stdio, built on pygls (the `lsp` extra).

Diagnostics follow the editor's buffers (on open, on change after a short pause, on save), quick fixes are applied
through ``workspace/applyEdit`` against the buffer as it is when chosen, hover explains findings, dependencies and
capability demands. Checks run in a worker thread, so the editor is never blocked; a request the client cancels
is dropped, and results computed for an out-of-date buffer are never published.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import unquote, urlparse

from lsprotocol import types
from lsprotocol.converters import get_converter
from pygls.lsp.server import LanguageServer

from . import editor
from .diagnostics import FixUnavailable
from .editor import SkillCheck
from .loader import enclosing_skill
from .version import __version__

DEBOUNCE_SECONDS = 0.1  # a change waits this long for the next keystroke before the skill is checked
APPLY_FIX = "skvm-lint.applyFix"

_converter = get_converter()
log = logging.getLogger("skvm_lint.lsp")


def _path(uri: str) -> Path | None:
    parsed = urlparse(uri)
    return Path(unquote(parsed.path)) if parsed.scheme == "file" else None


class SkillServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("skvm-lint", __version__)
        self.unsafe_fixes = False
        self.checks: dict[Path, SkillCheck] = {}  # the latest check of each skill with an open document
        self.pending: dict[Path, asyncio.Task[None]] = {}
        self.published: dict[Path, set[str]] = {}  # skill -> files with diagnostics shown

    # --- documents ---------------------------------------------------------------------------------------------

    def _documents(self, root: Path) -> Iterator[tuple[str, Any]]:
        """The open documents of a skill, as (path relative to the skill, document)."""
        for uri, document in self.workspace.text_documents.items():
            path = _path(uri)
            rel = editor.relative(root, path) if path is not None else None
            if rel is not None:
                yield rel, document

    def overlay(self, root: Path) -> dict[str, str]:
        """The open, possibly unsaved, documents of a skill: they stand in for the files on disk."""
        return {rel: document.source for rel, document in self._documents(root)}

    def versions(self, root: Path) -> dict[str, int | None]:
        return {rel: document.version for rel, document in self._documents(root)}

    async def check(self, root: Path) -> SkillCheck:
        """Check a skill with the current buffers, in a worker thread (the event loop stays free)."""
        overlay = self.overlay(root)
        result = await asyncio.get_running_loop().run_in_executor(None, editor.check_skill, root, overlay)
        self.checks[root] = result
        return result

    def schedule(self, root: Path, delay: float) -> None:
        """Check a skill after ``delay`` unless another change comes first; publish only if nothing changed meanwhile."""
        previous = self.pending.pop(root, None)
        if previous is not None:
            previous.cancel()
        self.pending[root] = asyncio.ensure_future(self._check_and_publish(root, delay))

    async def _check_and_publish(self, root: Path, delay: float) -> None:
        try:
            await asyncio.sleep(delay)
            before = self.versions(root)
            result = await self.check(root)
            if self.versions(root) != before:
                return  # the buffers moved on; a newer check is scheduled
            self.publish(root, result)
        except asyncio.CancelledError:
            pass
        except Exception as exc:  # never let one skill's failure take the server down
            log.exception("checking %s failed", root)
            self.window_log_message(types.LogMessageParams(types.MessageType.Error,
                                                           f"skvm-lint: checking {root} failed: {exc}"))

    def publish(self, root: Path, result: SkillCheck) -> None:
        if result.config_error:
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error,
                                                             f"skvm-lint: {result.config_error}"))
        files = {d.shown_in(result.skill.skill_md_path) for d in result.diagnostics}
        open_files = set(self.overlay(root))  # an open document always gets an answer, an empty one when clean
        for rel in sorted(files | open_files | self.published.get(root, set())):
            text = result.texts.get(rel)
            if text is None and rel in files:
                continue  # a binary or unreadable file: nothing in it can be pointed at
            uri = (root / rel).as_uri()
            document = self.workspace.text_documents.get(uri)
            diagnostics = [_converter.structure(editor.lsp_diagnostic(text or "", d), types.Diagnostic)
                           for d in result.in_file(rel)]
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                uri=uri, diagnostics=diagnostics, version=document.version if document is not None else None))
        self.published[root] = files

    def root_of(self, uri: str) -> Path | None:
        path = _path(uri)
        return enclosing_skill(path) if path is not None else None

    def locate(self, uri: str) -> tuple[Path, str] | None:
        """A document's skill and its path in that skill; None for a document that belongs to no skill."""
        root, path = self.root_of(uri), _path(uri)
        rel = editor.relative(root, path) if root is not None and path is not None else None
        return (root, rel) if rel is not None else None

    def roots_with_open_documents(self) -> set[Path]:
        return {root for uri in self.workspace.text_documents if (root := self.root_of(uri)) is not None}

    async def current(self, root: Path) -> SkillCheck:
        """The latest check of a skill if its buffers have not changed since, else a new one."""
        result = self.checks.get(root)
        if result is not None and result.made_on(self.overlay(root)):
            return result
        return await self.check(root)

    def clear(self, root: Path) -> None:
        """Withdraw every diagnostic shown for a skill (its last document was closed)."""
        for rel in sorted(self.published.pop(root, set())):
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=(root / rel).as_uri(),
                                                                                  diagnostics=[]))
        self.checks.pop(root, None)

server = SkillServer()


@server.feature(types.INITIALIZE)
def initialize(ls: SkillServer, params: types.InitializeParams) -> None:
    options = params.initialization_options or {}
    ls.unsafe_fixes = bool(options.get("unsafeFixes", False)) if isinstance(options, dict) else False


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: SkillServer, params: types.DidOpenTextDocumentParams) -> None:
    root = ls.root_of(params.text_document.uri)
    if root is not None:
        ls.schedule(root, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: SkillServer, params: types.DidChangeTextDocumentParams) -> None:
    root = ls.root_of(params.text_document.uri)
    if root is not None:
        ls.schedule(root, DEBOUNCE_SECONDS)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: SkillServer, params: types.DidSaveTextDocumentParams) -> None:
    path = _path(params.text_document.uri)
    if path is not None and path.name in editor.CONFIG_NAMES:
        for root in ls.roots_with_open_documents():  # the configuration changed: every open skill again
            ls.schedule(root, 0)
        return
    root = ls.root_of(params.text_document.uri)
    if root is not None:
        ls.schedule(root, 0)


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: SkillServer, params: types.DidChangeWatchedFilesParams) -> None:
    if any((path := _path(change.uri)) is not None and path.name in editor.CONFIG_NAMES for change in params.changes):
        for root in ls.roots_with_open_documents():
            ls.schedule(root, 0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: SkillServer, params: types.DidCloseTextDocumentParams) -> None:
    root = ls.root_of(params.text_document.uri)
    if root is not None and root not in ls.roots_with_open_documents():
        ls.clear(root)


def _findings_at(result: SkillCheck, rel: str, line: int) -> list[Any]:
    return [d for d in result.in_file(rel) if d.line - 1 <= line <= (d.end_line or d.line) - 1]


@server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
    code_action_kinds=[types.CodeActionKind.QuickFix]))
async def code_action(ls: SkillServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
    if (where := ls.locate(params.text_document.uri)) is None:
        return None
    root, rel = where
    result = await ls.current(root)
    actions: list[types.CodeAction] = []
    for line in range(params.range.start.line, params.range.end.line + 1):
        for diag in _findings_at(result, rel, line):
            lsp_diag = _converter.structure(editor.lsp_diagnostic(result.texts.get(rel, ""), diag), types.Diagnostic)
            if diag.fix is not None and (diag.fix.safe or ls.unsafe_fixes):
                actions.append(types.CodeAction(
                    title=f"{diag.rule}: {diag.fix.description}" + ("" if diag.fix.safe else " (unsafe)"),
                    kind=types.CodeActionKind.QuickFix, diagnostics=[lsp_diag], is_preferred=diag.fix.safe,
                    command=types.Command(title=diag.fix.description, command=APPLY_FIX,
                                          arguments=[params.text_document.uri, diag.rule, diag.line, diag.column])))
            suppression = editor.suppression_edit(result, diag)
            if suppression is not None:
                actions.append(types.CodeAction(
                    title=f"Disable {diag.rule} for this line", kind=types.CodeActionKind.QuickFix,
                    diagnostics=[lsp_diag], edit=_converter.structure(suppression, types.WorkspaceEdit)))
    return actions


@server.command(APPLY_FIX)
async def apply_fix(ls: SkillServer, uri: str, rule: str, line: int, column: int) -> None:
    """Apply one finding's fix to the buffers as they are now (checked again first: a fix is never stale)."""
    if (where := ls.locate(uri)) is None:
        return
    root, rel = where
    result = await ls.check(root)
    match = next((d for d in result.in_file(rel) if (d.rule, d.line, d.column) == (rule, line, column)
                  and d.fix is not None), None)
    if match is None:
        ls.window_show_message(types.ShowMessageParams(types.MessageType.Info,
                                                       f"skvm-lint: {rule} at line {line} no longer applies"))
        return
    try:
        fix = await asyncio.get_running_loop().run_in_executor(None, match.fix.resolved)
    except FixUnavailable as exc:
        hint = f" ({exc.install})" if exc.install else ""
        ls.window_show_message(types.ShowMessageParams(types.MessageType.Warning, f"skvm-lint: not fixed: {exc}{hint}"))
        return
    changes = editor.text_edits(result, fix.edits)
    for change in changes:
        if "textDocument" in change:
            document = ls.workspace.text_documents.get(change["textDocument"]["uri"])
            change["textDocument"]["version"] = document.version if document is not None else None
    edit = _converter.structure({"documentChanges": changes}, types.WorkspaceEdit)
    await ls.workspace_apply_edit_async(types.ApplyWorkspaceEditParams(edit=edit, label=f"{rule}: {fix.description}"))


@server.feature(types.TEXT_DOCUMENT_HOVER)
async def hover(ls: SkillServer, params: types.HoverParams) -> types.Hover | None:
    if (where := ls.locate(params.text_document.uri)) is None:
        return None
    root, rel = where
    result = await ls.current(root)
    text = editor.hover_markdown(result, rel, params.position.line + 1)
    if text is None:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))


def serve() -> None:
    """Run the server on stdin and stdout until the client says exit."""
    server.start_io()
