"""``skvm-lint deps|capabilities|workflow``: one analysis of each skill, as a table, JSON or its SkVM artifact."""

from __future__ import annotations

import json
import sys

import click

from ..loader import discover, display_path
from ..version import __version__
from . import main
from .options import config_from, guard, output


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str), required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sh"]), default="text", show_default=True,
              help="text: a table per skill; json: one object per skill per line; sh: an idempotent env-setup.sh.")
@click.option("--output", "-o", "output_path", type=click.Path(dir_okay=False), default=None, help="Write to a file.")
@click.option("--all", "show_all", is_flag=True, help="Also list dependencies that are declared but not used.")
@guard
def deps(paths: tuple[str, ...], fmt: str, output_path: str | None, show_all: bool) -> None:
    """What each skill needs installed: packages, tools, environment variables, services.

    \b
    Evidence is static (imports, commands, install lines, manifests, hub metadata, env reads, URLs) and each
    dependency names the lines that prove it. `--format sh` writes SkVM-style env-setup.sh: every dependency is
    checked first and installed only if missing; skvm-lint never runs it.
    \b
    Examples:
      skvm-lint deps skills/pdf-tools
      skvm-lint deps skills/pdf-tools --format sh -o env-setup.sh
    """
    from ..analyses import dependencies
    from ..builder import build_skill
    from ..views.env_setup import render
    from ..views.tables import print_dependencies

    roots, _missing = discover(paths)
    if fmt == "sh" and len(roots) != 1:
        raise click.UsageError(f"--format sh writes one script for one skill; {len(roots)} skills were found")
    with output(output_path) as stream:
        for root in roots:
            skill = build_skill(display_path(root))
            everything = dependencies.analyze(skill).found
            found = [d for d in everything if d.required or show_all]
            if fmt == "sh":  # the script picks what it sets up, and names what it leaves out
                stream.write(render(skill.name or skill.folder_name, everything, __version__))
            elif fmt == "json":
                stream.write(json.dumps({"path": skill.root, "name": skill.name,
                                         "dependencies": [d.to_dict() for d in found]}, ensure_ascii=False) + "\n")
            else:
                print_dependencies(stream, skill.root, skill.name, found)


@main.command(name="capabilities")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str), required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: SkVM's capability-analysis shape, one object per skill per line.")
@click.option("--target", default=None, metavar="PROFILE", help="Show the target profile's level beside each demand.")
@click.option("--profiles-dir", default=None, type=click.Path(file_okay=False), help="Folder of SkVM profiles.")
@guard
def capabilities_command(paths: tuple[str, ...], fmt: str, target: str | None, profiles_dir: str | None) -> None:
    """Which of SkVM's 26 primitive capabilities each skill demands, at which level, and where.

    \b
    Examples:
      skvm-lint capabilities skills/pdf-tools
      skvm-lint capabilities skills/pdf-tools --target ../skvm-data/profiles/bare-agent/qwen--qwen3.5-9b
    """
    from rich.console import Console

    from ..analyses import capabilities
    from ..builder import build_skill
    from ..views.tables import print_capabilities

    profile = config_from(None, target, profiles_dir).target
    roots, _missing = discover(paths)
    console = Console(highlight=False, emoji=False, markup=False, width=None if sys.stdout.isatty() else 140)
    for root in roots:
        skill = build_skill(display_path(root))
        found = capabilities.analyze(skill).demands
        if fmt == "json":
            click.echo(json.dumps({"path": skill.root, **capabilities.skvm_shape(skill, found)}, ensure_ascii=False))
        else:
            print_capabilities(console, skill.root, skill.name, found, profile)


@main.command(name="workflow")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str), required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "mermaid", "md"]), default="text",
              show_default=True, help="mermaid: a flowchart of the DAG; md: a 'Parallel execution' section.")
@guard
def workflow_command(paths: tuple[str, ...], fmt: str) -> None:
    """The skill's workflow as a DAG of steps, and the parallel groups (DLP, ILP, TLP) SkVM would exploit.

    \b
    Steps come from ordered lists, "Step N" headings or command sections; a step depends on an earlier
    one when it uses what that one produces, refers back to it, or independence cannot be shown.
    Examples:
      skvm-lint workflow skills/pdf-tools
      skvm-lint workflow skills/pdf-tools --format mermaid > workflow.mmd
    """
    from ..analyses import workflow
    from ..builder import build_skill
    from ..views.workflow import markdown_section, mermaid, text_lines

    roots, _missing = discover(paths)
    for root in roots:
        skill = build_skill(display_path(root))
        facts = workflow.analyze(skill)
        steps, groups = list(facts.steps), list(facts.groups)
        if fmt == "mermaid":
            click.echo(mermaid(steps, groups), nl=False)
        elif fmt == "md":
            click.echo(markdown_section(steps, groups) or "<!-- no parallel groups found -->\n", nl=False)
        elif fmt == "json":
            click.echo(json.dumps({"path": skill.root, **facts.to_dict()}, ensure_ascii=False))
        else:
            for line in text_lines(skill.root, steps, groups):
                click.echo(line)
