"""``skvm-lint corpus scan|report|export``: audit whole hubs into a results folder, then report on it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..atomic import atomic_write
from . import main
from .options import config_from, guard, paths_argument, progress_bar, select_options, split, with_options


@main.group()
def corpus() -> None:
    """Audit whole hubs: scan thousands of skills incrementally into a results folder."""


@corpus.command(name="scan")
@paths_argument
@with_options(select_options)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Results folder: cache.sqlite (the incremental cache), results.jsonl (one analyze object per "
                   "skill) and library.json (facts and findings across skills).")
@click.option("--engine", type=click.Choice(["process", "dask"]), default="process", show_default=True,
              help="process: a process pool on this machine (--jobs workers). dask: a Dask distributed cluster "
                   "(--scheduler); needs the dask extra on this machine and skvm-lint on every worker.")
@click.option("--scheduler", default="local", show_default=True, metavar="ADDRESS",
              help="With --engine dask: the scheduler's address (tcp://host:8786), or 'local' for a LocalCluster of "
                   "--jobs worker processes here.")
@guard
def corpus_scan(paths: tuple[str, ...], select: tuple[str, ...], extend_select: tuple[str, ...],
                ignore: tuple[str, ...], config_path: str | None, jobs: int, quiet: bool, target: str | None,
                profiles_dir: str | None, out: Path, engine: str, scheduler: str) -> None:
    """Scan every skill under PATHS into --out, re-analysing only what changed.

    \b
    A skill is re-analysed when its files, the rules or the tool changed since the last scan into
    the same folder; otherwise its cached result is reused. Interrupt with Ctrl-C at any time: the
    work done is kept, and the next run resumes. results.jsonl is replaced only when a scan completes.
    \b
    Example:
      skvm-lint corpus scan ~/hub/skills --out audit/
      skvm-lint corpus scan ~/hub/skills --out audit/   # again: only changed skills are analysed
      skvm-lint corpus scan ~/hub/skills --out audit/ --engine dask --scheduler tcp://10.0.0.5:8786
    """
    import importlib.util

    from ..corpus import ScanBusy, ScanInterrupted, scan

    if engine == "dask" and importlib.util.find_spec("distributed") is None:
        raise click.ClickException("--engine dask needs Dask distributed: pip install 'skvm-lint[dask]'")
    dask_scheduler = scheduler if engine == "dask" else None

    config = config_from(config_path, target, profiles_dir, select=split(select) or None,
                     extend_select=split(extend_select) or None, ignore=split(ignore) or None)
    try:
        with progress_bar("scanning", show=not quiet and sys.stderr.isatty()) as update:
            report = scan(paths, out, config, jobs=jobs, scheduler=dask_scheduler,
                          on_progress=(lambda done, total, _: update(done, total)) if update else None)
    except ScanBusy as exc:
        raise click.ClickException(str(exc)) from None
    except ScanInterrupted as exc:
        click.echo(str(exc), err=True)
        raise
    click.echo(f"{report.skills} skills: {report.analysed} analysed, {report.cached} unchanged (cached); "
               f"results in {report.out}")
    if report.library is None:
        click.echo("library rules skipped: they need the hub extra (pip install 'skvm-lint[hub]')", err=True)
    else:
        click.echo(f"library rules: {report.library_diagnostics} findings (duplicate names, near copies, "
                   f"shadowing, context budget) in {report.library}")


@corpus.command(name="report")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write a self-contained HTML page with plots (no network assets). Default: FOLDER/report.html "
                   "when neither --html nor --md is given.")
@click.option("--md", "md_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the same numbers as Markdown tables ('-' for stdout).")
@click.option("--title", default="Skill library audit", show_default=True, help="The report's title.")
@guard
def corpus_report(folder: Path, html_path: Path | None, md_path: Path | None, title: str) -> None:
    """Report on a scan's results folder: capabilities, dependencies, parallelism, rule hit rates,
    security, frontmatter health, duplicates and shadowing, scan throughput.

    \b
    Example:
      skvm-lint corpus scan ~/hub/skills --out audit/
      skvm-lint corpus report audit/ --html audit/report.html --md audit/report.md
    """
    from ..report import ReportError, collect, render_html, render_md

    try:
        audit = collect(folder)
    except ReportError as exc:
        raise click.ClickException(str(exc)) from None
    if html_path is None and md_path is None:
        html_path = folder / "report.html"
    if html_path is not None:
        try:
            page = render_html(audit, title)
        except ImportError:
            raise click.ClickException("the HTML report draws its plots with matplotlib: pip install "
                                       "'skvm-lint[hub]' (or use --md)") from None
        atomic_write(html_path, page)
        click.echo(f"{audit.skills:,} skills reported in {html_path}")
    if md_path is not None:
        text = render_md(audit, title)
        if str(md_path) == "-":
            click.echo(text)
        else:
            atomic_write(md_path, text)
            click.echo(f"{audit.skills:,} skills reported in {md_path}")


@corpus.command(name="export")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--parquet", "parquet_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The Parquet file to write: one row per skill (counts, primitives, dependencies, parallel kinds, "
                   "rules hit, security families, and the whole analyze object as JSON in `record`).")
@guard
def corpus_export(folder: Path, parquet_path: Path) -> None:
    """Export a scan's results to Parquet, for pandas, DuckDB or Spark.

    \b
    Example:
      skvm-lint corpus export audit/ --parquet audit/results.parquet
      duckdb -c "SELECT name, errors FROM 'audit/results.parquet' ORDER BY errors DESC LIMIT 10"
    """
    from ..export import to_parquet
    from ..report import ReportError

    try:
        rows = to_parquet(folder, parquet_path)
    except ReportError as exc:
        raise click.ClickException(str(exc)) from None
    except ImportError:
        raise click.ClickException("Parquet export needs pyarrow: pip install 'skvm-lint[hub]'") from None
    click.echo(f"{rows:,} skills exported to {parquet_path}")
