"""``skvm-lint analyze``: the analysis object of each skill, the contract evaluation scripts and hubs read."""

from __future__ import annotations

import json

import click

from ..results import analysis_object
from . import main
from .options import config_from, guard, output, paths_argument, progress_run, select_options, split, with_options


@main.command()
@paths_argument
@with_options(select_options)
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True,
              help="json: one object per skill per line (JSON Lines); text: a short summary per skill.")
@click.option("--output", "-o", "output_path", type=click.Path(dir_okay=False), default=None, help="Write to a file.")
@guard
def analyze(paths: tuple[str, ...], select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...],
            config_path: str | None, jobs: int, quiet: bool, target: str | None, profiles_dir: str | None, fmt: str,
            output_path: str | None) -> None:
    """Print what each skill needs: one JSON object per skill.

    \b
    Each object has `path`, `name`, `capabilities` (SkVM's capability-analysis shape), `dependencies`,
    `workflow` (steps and parallel groups), `security`, `solidification`, `summary` and `diagnostics`
    (see docs/output.md).
    """
    config = config_from(config_path, target, profiles_dir, select=split(select) or None,
                         extend_select=split(extend_select) or None, ignore=split(ignore) or None)
    result = progress_run(paths, config, jobs, quiet, with_analysis=True)
    with output(output_path) as stream:
        for skill in result.skills:
            obj = analysis_object(skill)
            if fmt == "json":
                stream.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")
            else:
                summary = obj.get("summary") or {}
                stream.write(f"{obj['path']}: name={obj['name']!r} files={summary.get('files')} "
                             f"code_blocks={summary.get('code_blocks')} findings={len(obj['diagnostics'])}\n")
