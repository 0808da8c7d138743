"""``skvm-lint rules`` and ``skvm-lint explain``: the rules and their documentation."""

from __future__ import annotations

import json
import sys

import click

from ..rule import rule_by_id
from ..rule_docs import reference_markdown, rules_json, rules_rows
from . import main


@main.command(name="rules")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "md"]), default="table", show_default=True,
              help="md: the full rule reference, as in docs/rules.md.")
def rules_command(fmt: str) -> None:
    """List every rule: id, short name, groups, default severity, on/off by default, fix."""
    if fmt == "md":
        click.echo(reference_markdown(), nl=False)
        return
    if fmt == "json":
        click.echo(json.dumps(rules_json(), indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, box=None, pad_edge=False)
    for column in ("id", "name", "groups", "severity", "default", "fix", "summary"):
        table.add_column(column, overflow="fold")
    for row in rules_rows():
        table.add_row(*row)
    Console(highlight=False, emoji=False, markup=False, width=None if sys.stdout.isatty() else 160).print(table)


@main.command()
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """Show a rule's documentation: what it does, why it matters, an example and the fix."""
    rule = rule_by_id(rule_id)
    if rule is None:
        raise click.UsageError(f"unknown rule {rule_id!r}; `skvm-lint rules` lists them all")
    click.echo(f"{rule.id} ({rule.name})\n")
    click.echo(rule.markdown())
