"""``skvm-lint server``: the language server for editors (LSP over stdio)."""

from __future__ import annotations

import importlib.util

import click

from . import main


@main.command(name="server")
def server_command() -> None:
    """Run the language server on stdin/stdout, for editors (VS Code, Neovim, Helix: see docs/editors.md).

    \b
    Diagnostics follow unsaved buffers; quick fixes, "disable for this line", and hover on findings,
    commands, imports and the frontmatter. Needs the lsp extra: pip install 'skvm-lint[lsp]'.
    Initialization option {"unsafeFixes": true} also offers unsafe fixes as quick fixes.
    """
    if importlib.util.find_spec("pygls") is None:
        raise click.ClickException("the language server needs pygls: pip install 'skvm-lint[lsp]'")
    from ..lsp_server import serve

    serve()
