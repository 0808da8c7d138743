"""End to end: pytest-lsp drives the real `skvm-lint server` process over stdio, as an editor would."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Union

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from .conftest import write_skill

BROKEN = "---\nname: Log Summary\ndescription: Summarises a log file. Use when asked to summarise logs.\n---\n# Logs\n"
DIAGNOSTICS = "textDocument/publishDiagnostics"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "skvm_lint", "server"]))
async def client(lsp_client: LanguageClient):
    buffers: dict[str, str] = {}
    versions: dict[str, int] = {}
    lsp_client.buffers, lsp_client.versions = buffers, versions  # what the "editor" holds, unsaved

    @lsp_client.feature(types.WORKSPACE_APPLY_EDIT)
    def apply_edit(params: types.ApplyWorkspaceEditParams) -> types.ApplyWorkspaceEditResult:
        """What an editor does with workspace/applyEdit: change its buffers, then tell the server."""
        for change in params.edit.document_changes or []:
            uri = change.text_document.uri
            text = buffers[uri]
            for edit in sorted(change.edits, key=lambda e: (e.range.start.line, e.range.start.character),
                               reverse=True):
                text = _splice(text, edit.range, edit.new_text)
            _change(lsp_client, uri, text)
        return types.ApplyWorkspaceEditResult(applied=True)

    # lsprotocol reads every code action that has a `command` as a Command (a Command's `command` is a string, a
    # CodeAction's an object); editors parse JSON themselves. Tell the test client apart the way the spec does.
    converter = lsp_client.protocol._converter
    converter.register_structure_hook(
        Union[types.Command, types.CodeAction],
        lambda obj, _: converter.structure(obj, types.Command if isinstance(obj.get("command"), str)
                                           else types.CodeAction))

    await lsp_client.initialize_session(types.InitializeParams(capabilities=client_capabilities("visual-studio-code")))
    yield
    await lsp_client.shutdown_session()


def _offset(text: str, position: types.Position) -> int:
    lines = text.split("\n")
    return sum(len(line) + 1 for line in lines[: position.line]) + position.character


def _splice(text: str, where: types.Range, new: str) -> str:
    return text[: _offset(text, where.start)] + new + text[_offset(text, where.end):]


def _open(client: LanguageClient, path: Path) -> str:
    uri = path.as_uri()
    text = path.read_text(encoding="utf-8")
    client.buffers[uri], client.versions[uri] = text, 1
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
    return uri


def _change(client: LanguageClient, uri: str, text: str) -> None:
    client.buffers[uri] = text
    client.versions[uri] += 1
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=client.versions[uri]),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))


async def _diagnostics(client: LanguageClient, uri: str, wanted) -> list[types.Diagnostic]:
    """Wait (bounded) for published diagnostics of ``uri`` that satisfy ``wanted``."""
    for _ in range(50):
        found = client.diagnostics.get(uri)
        if found is not None and wanted([d.code for d in found]):
            return list(found)
        await asyncio.wait_for(client.wait_for_notification(DIAGNOSTICS), timeout=30)
    raise AssertionError(f"no such diagnostics for {uri}: {client.diagnostics.get(uri)}")


@pytest.mark.asyncio
async def test_diagnostics_quick_fix_through_apply_edit_and_unsaved_buffers(client: LanguageClient, tmp_path: Path):
    root = write_skill(tmp_path / "log-summary", {"SKILL.md": BROKEN})
    uri = _open(client, root / "SKILL.md")
    found = await _diagnostics(client, uri, lambda codes: "FM007" in codes)
    fm007 = next(d for d in found if d.code == "FM007")
    assert fm007.source == "skvm-lint" and fm007.range.start.line == 1
    assert fm007.code_description.href.endswith("docs/rules.md#fm007")

    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=fm007.range,
        context=types.CodeActionContext(diagnostics=[fm007])))
    fix = next(a for a in actions if a.title.startswith("FM007"))
    disable = next(a for a in actions if a.title == "Disable FM007 for this line")
    assert disable.edit is not None
    await client.workspace_execute_command_async(types.ExecuteCommandParams(
        command=fix.command.command, arguments=fix.command.arguments))
    assert "name: log-summary" in client.buffers[uri]  # applied through workspace/applyEdit
    await _diagnostics(client, uri, lambda codes: "FM007" not in codes)

    # Edit without saving: the diagnostics follow the buffer, not the file on disk.
    _change(client, uri, client.buffers[uri].replace("name: log-summary", "name: Log_Summary"))
    await _diagnostics(client, uri, lambda codes: "FM007" in codes)
    assert (root / "SKILL.md").read_text(encoding="utf-8") == BROKEN


@pytest.mark.asyncio
async def test_hover_explains_findings_dependencies_and_capabilities(client: LanguageClient, tmp_path: Path):
    text = BROKEN + "\n## Steps\n\n```bash\njq '.items' data.json | sort\n```\n"
    root = write_skill(tmp_path / "log-summary", {"SKILL.md": text})
    uri = _open(client, root / "SKILL.md")
    await _diagnostics(client, uri, lambda codes: "FM007" in codes)

    async def hover(line: int) -> str:
        result = await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=line, character=2)))
        return result.contents.value if result is not None else ""

    on_name = await hover(1)
    assert "**FM007**" in on_name and "Capabilities this skill demands" in on_name
    on_command = await hover(text.split("\n").index("jq '.items' data.json | sort"))
    assert "**system** dependency `jq`" in on_command and "install: `apt-get install -y jq" in on_command


@pytest.mark.asyncio
async def test_a_cancelled_slow_request_never_blocks_the_editor(client: LanguageClient, tmp_path: Path):
    """A hover on a huge skill is cancelled; the server answers the next request and stays up."""
    big = "\n".join(f"def f{i}(x):\n    return requests.get(f'https://example.com/{{x}}/{i}').json()"
                    for i in range(20_000))
    slow = write_skill(tmp_path / "huge-skill", {"SKILL.md": BROKEN.replace("Log Summary", "Huge Skill"),
                                                  "scripts/big.py": "import requests\n" + big})
    small = write_skill(tmp_path / "log-summary", {"SKILL.md": BROKEN})
    small_uri = _open(client, small / "SKILL.md")
    await _diagnostics(client, small_uri, lambda codes: "FM007" in codes)

    request_id = "slow-hover"
    future = asyncio.ensure_future(client.protocol.send_request_async(types.TEXT_DOCUMENT_HOVER, types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=(slow / "SKILL.md").as_uri()),
        position=types.Position(line=1, character=2)), msg_id=request_id))  # sent now, not when first awaited
    await asyncio.sleep(0.3)
    client.protocol.notify(types.CANCEL_REQUEST, types.CancelParams(id=request_id))
    with pytest.raises(Exception, match="(?i)cancel"):
        await asyncio.wait_for(future, timeout=60)
    quick = await asyncio.wait_for(client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=small_uri), position=types.Position(line=1, character=2))),
        timeout=60)
    assert quick is not None and "FM007" in quick.contents.value


def test_positions_are_utf16_and_clamped_to_the_file():
    from skvm_lint import editor
    from skvm_lint.diagnostics import Diagnostic, Severity

    text = "---\nname: x\n---\n# 😀 Title 😀\n"
    diag = Diagnostic("ST000", "demo", Severity.INFO, "m", "skill", "SKILL.md", 4, 5)
    # "# 😀 " is five UTF-16 code units (the emoji is two); the line is thirteen
    assert editor.lsp_diagnostic(text, diag)["range"] == {"start": {"line": 3, "character": 5},
                                                          "end": {"line": 3, "character": 13}}
    beyond = Diagnostic("ST000", "demo", Severity.INFO, "m", "skill", "SKILL.md", 99, 500)
    start = editor.lsp_diagnostic(text, beyond)["range"]["start"]
    assert start["line"] == len(text.split("\n")) - 1 and start["character"] == 0
    assert editor.offset_position(text, text.index("Title")) == {"line": 3, "character": 5}


@pytest.mark.asyncio
async def test_the_skill_configuration_is_honoured_and_a_change_to_it_rechecks(client: LanguageClient,
                                                                             tmp_path: Path):
    root = write_skill(tmp_path / "log-summary", {"SKILL.md": BROKEN})
    uri = _open(client, root / "SKILL.md")
    await _diagnostics(client, uri, lambda codes: "FM007" in codes)
    config = root / ".skvm-lint.toml"
    config.write_text('ignore = ["FM007"]\n')
    client.text_document_did_save(types.DidSaveTextDocumentParams(
        text_document=types.TextDocumentIdentifier(uri=config.as_uri())))
    await _diagnostics(client, uri, lambda codes: "FM007" not in codes)


def test_the_editor_check_uses_the_configured_registry_layout(tmp_path: Path):
    """The CLI honoured `registry-layout`; the editor's check built its facts without it."""
    from skvm_lint import editor

    root = write_skill(tmp_path / "acme__skills__pdf-tools", {
        "SKILL.md": "---\nname: pdf-tools\ndescription: Merges PDFs. Use when asked.\n---\n# PDF\n",
        "README.md": "Mirrored from acme/skills.\n",
        ".skvm-lint.toml": 'registry-layout = "{owner}__{repo}__{name}"\n'})
    assert "FM008" not in [d.rule for d in editor.check_skill(root, {}).diagnostics]
