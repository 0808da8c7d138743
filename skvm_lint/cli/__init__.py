"""The ``skvm-lint`` command line: one module per command, each a thin layer over the library.

Shared options and error handling live in :mod:`skvm_lint.cli.options`; what a command prints is rendered by
``skvm_lint.reporters`` (findings) or ``skvm_lint.views`` (what a skill needs and how it runs).
"""

from __future__ import annotations

import importlib
import os
import signal
import sys

import click

from ..version import __version__

# The module of each command: a run imports only the one it runs (start-up is most of a one-skill check's CPU).
COMMAND_MODULES = {"analyze": "analyze", "capabilities": "facts", "check": "check", "corpus": "corpus", "deps": "facts",
                   "explain": "rules", "rules": "rules", "server": "server", "workflow": "facts"}


class DefaultGroup(click.Group):
    """``skvm-lint PATH...`` means ``skvm-lint check PATH...``; a command's module is imported when it runs."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMAND_MODULES:
            importlib.import_module(f"{__name__}.{COMMAND_MODULES[cmd_name]}")  # registers its commands on `main`
        return super().get_command(ctx, cmd_name)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in COMMAND_MODULES and args[0] not in ("--help", "-h", "--version"):
            import difflib

            word = args[0]
            close = difflib.get_close_matches(word, list(COMMAND_MODULES), n=1, cutoff=0.75)
            if close and not os.path.exists(word):  # a typo of a command, not a path to check
                raise click.UsageError(f"no such command {word!r}; did you mean {close[0]!r}? "
                                       "(`skvm-lint --help` lists the commands)", ctx)
            args = ["check", *args]
        return super().parse_args(ctx, args)


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110},
             epilog="""\b
Examples:
  skvm-lint corpus/examples/weather-report       check one skill (same as `skvm-lint check ...`)
  skvm-lint check skills/ --format sarif -o out.sarif
  skvm-lint check skills/ --select FM,ST --ignore FM006
  skvm-lint check skills/ --fix                   apply safe fixes, then report what is left
  skvm-lint analyze skills/my-skill               one JSON object per skill (JSON Lines)
  skvm-lint rules                                 every rule with its id, groups and default
  skvm-lint explain FM004                         what a rule checks, why, and how to fix it

Exit status: 0 nothing at or above --fail-on, 1 findings, 2 usage or internal error.
Configuration: [tool.skvm-lint] in pyproject.toml or .skvm-lint.toml (see docs/configuration.md).""")
@click.version_option(__version__, "--version", prog_name="skvm-lint")
def main() -> None:
    """Static analysis for LLM-agent skills (folders with a SKILL.md).

    Checks frontmatter and structure against the Agent Skills spec and reports problems with file:line:col,
    a stable rule id and a hint. Reads everything statically: no skill code is ever run.
    """


class Terminated(KeyboardInterrupt):
    """SIGTERM, turned into an interrupt so that it stops a run the way Ctrl-C does (finished work kept)."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated()


def entry() -> None:
    """The `skvm-lint` command. Exit status: 0 nothing at or above --fail-on, 1 findings, 2 a usage error or a
    failure of the tool itself (a missing optional extra, an internal error), 130 interrupted (Ctrl-C), 143
    terminated (SIGTERM)."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        status = main.main(standalone_mode=False, prog_name="skvm-lint")
    except click.exceptions.Abort as exc:  # click's form of Ctrl-C (and of SIGTERM, through _terminate)
        cause: BaseException | None = exc
        while cause is not None and not isinstance(cause, Terminated):
            cause = cause.__cause__ or cause.__context__
        click.echo("terminated" if cause is not None else "interrupted", err=True)
        sys.exit(143 if cause is not None else 130)
    except click.ClickException as exc:  # click exits 1 for these; 1 means findings here
        exc.show()
        sys.exit(exc.exit_code if exc.exit_code != 1 else 2)
    except Exception as exc:  # a bug: say so plainly, never as findings
        click.echo(f"skvm-lint: internal error: {type(exc).__name__}: {exc}\n"
                   "this is a bug in skvm-lint; please report it with the command line and the skill", err=True)
        sys.exit(2)
    sys.exit(status if isinstance(status, int) else 0)
