"""The ``skvm-lint`` command line: a thin layer over the library API."""

from __future__ import annotations

import dataclasses
import functools
import io
import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, TextIO

import click

from . import __version__, analysis_object
from .baseline import BaselineError
from .baseline import write_baseline as save_baseline
from .config import Config, ConfigError, load_config
from .diagnostics import Severity
from .atomic import atomic_write
from .loader import discover, display_path
from .rule import RuleError, all_rules, rule_by_id, select_rules

if TYPE_CHECKING:
    from .engine import RunResult

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class DefaultGroup(click.Group):
    """``skvm-lint PATH...`` means ``skvm-lint check PATH...``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
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


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for v in values for part in v.split(",") if part.strip())


@contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """Write to stdout, or to a file that is replaced atomically once the report is complete."""
    if path is None or path == "-":
        yield sys.stdout
        return
    buffer = io.StringIO()
    yield buffer
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, buffer.getvalue())


def _config(config_path: str | None, target: str | None = None, profiles_dir: str | None = None,
            **overrides: object) -> Config:
    from .profiles import ProfileError, load_profile

    try:
        config = load_config(Path(config_path) if config_path else None)
        if target:
            overrides["target"] = load_profile(target, profiles_dir or config.profiles_dir)
    except (ConfigError, ProfileError) as exc:
        raise click.UsageError(str(exc)) from None
    return config.merged(**overrides)


def _progress_run(paths: tuple[str, ...], config: Config, jobs: int, quiet: bool,
                  with_analysis: bool) -> "RunResult":
    from .engine import run  # the analysis stack loads when a command needs it: `corpus scan` of a warm hub does not

    show = not quiet and sys.stderr.isatty()
    if not show:
        return run(paths, config, jobs=jobs, with_analysis=with_analysis)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(), TextColumn("skills"),
                  TimeRemainingColumn(), transient=True, console=None) as progress:
        task = progress.add_task("skills", total=None)

        def update(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        return run(paths, config, jobs=jobs, with_analysis=with_analysis, on_progress=update)


def _guard(fn):  # type: ignore[no-untyped-def]
    """Turn expected user errors into clean messages with exit status 2."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            return fn(*args, **kwargs)
        except (FileNotFoundError, ValueError, BaselineError, RuleError) as exc:
            raise click.UsageError(str(exc)) from None

    return wrapper


_paths = click.argument("paths", nargs=-1, type=click.Path(path_type=str), required=True)
_select_opts = [
    click.option("--select", multiple=True, metavar="IDS",
                 help="Run only these rules: ids (FM004), prefixes (FM), short names or groups, comma-separated."),
    click.option("--extend-select", multiple=True, metavar="IDS", help="Add rules to the selection (e.g. opt-in ones)."),
    click.option("--ignore", multiple=True, metavar="IDS", help="Skip these rules."),
    click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
                 help="Config file (default: nearest .skvm-lint.toml or pyproject.toml with [tool.skvm-lint])."),
    click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
                 help="Worker processes; 0 chooses by the number of skills."),
    click.option("--quiet", "-q", is_flag=True, help="No progress bar and no hints."),
    click.option("--target", default=None, metavar="PROFILE",
                 help="SkVM capability profile to check against (a path, or a name looked up in --profiles-dir)."),
    click.option("--profiles-dir", default=None, type=click.Path(file_okay=False),
                 help="Folder of SkVM profiles (<harness>/<provider>--<model>/*.json) [default: $SKVM_PROFILES]."),
]


def _with(options):  # type: ignore[no-untyped-def]
    def decorate(fn):  # type: ignore[no-untyped-def]
        for option in reversed(options):
            fn = option(fn)
        return fn

    return decorate


@main.command()
@_paths
@_with(_select_opts)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github"]), default="text",
              show_default=True, help="Report format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None, help="Write the report to a file.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit status 1 [default: error].")
@click.option("--baseline", type=click.Path(dir_okay=False), default=None,
              help="Hide findings recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None,
              help="Record every current finding in this file and exit 0.")
@click.option("--fix", is_flag=True, help="Apply safe fixes, then report what remains.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix: also apply fixes that may change meaning.")
@click.option("--diff", is_flag=True, help="With --fix: print the fixes as a unified diff, write nothing.")
@click.option("--model", default=None, metavar="PROVIDER/MODEL",
              help="With --fix --target: rewrite each skill for the target with this model (openai/..., "
                   "anthropic/..., openrouter/..., deepseek/..., ollama/..., vllm/..., llamacpp/..., "
                   "openai-compatible/NAME). Without it, only deterministic rewrites are applied.")
@click.option("--base-url", default=None, help="With --model: the API's base URL [default: the provider's, or "
                                                "$SKVM_LINT_LLM_BASE_URL].")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="With --fix --target: write the rewritten skills into this folder (originals untouched).")
@click.option("--write", "write_in_place", is_flag=True,
              help="With --fix --target: overwrite the original files with the accepted rewrite.")
@click.option("--no-llm-cache", is_flag=True, help="With --model: do not read or write the response cache.")
@click.option("--price-per-mtok", default=None, metavar="IN,OUT",
              help="With --model: USD per million input and output tokens, to print the cost.")
@_guard
def check(paths: tuple[str, ...], select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...],
          config_path: str | None, jobs: int, quiet: bool, target: str | None, profiles_dir: str | None, fmt: str,
          output: str | None, fail_on: str | None, baseline: str | None, write_baseline: str | None, fix: bool,
          unsafe_fixes: bool, diff: bool, model: str | None, base_url: str | None, out_dir: Path | None,
          write_in_place: bool, no_llm_cache: bool, price_per_mtok: str | None) -> None:
    """Check skills and report problems.

    PATHS are skill folders, hub folders (searched recursively for SKILL.md) or files inside skills (as
    pre-commit passes them).

    \b
    Adapting a skill to a weaker model (SkVM's compile step):
      skvm-lint check --fix --target qwen--qwen3.5-9b skills/pdf-tools --diff
      skvm-lint check --fix --target qwen--qwen3.5-9b --model openai/gpt-4o-mini skills/pdf-tools --out adapted/
    The model's rewrite is guarded (frontmatter, headings and code kept, bounded growth, no new security
    findings or errors, no more capability gaps) and rejected with the reasons otherwise.
    """
    config = _config(
        config_path,
        target,
        profiles_dir,
        select=_split(select) or None,
        extend_select=_split(extend_select) or None,
        ignore=_split(ignore) or None,
        fail_on=Severity.parse(fail_on) if fail_on else None,
        baseline=Path(baseline) if baseline else None,
    )
    if write_baseline:  # a new baseline records everything, including what an old one accepted
        config = dataclasses.replace(config, baseline=None)
    select_rules(config.select, config.ignore, config.extend_select)  # fail fast on unknown selectors
    if (model or out_dir or write_in_place) and not (fix and config.target is not None):
        raise click.UsageError("--model, --out and --write rewrite a skill for a target: add --fix --target PROFILE")
    if fix and config.target is not None:
        sys.exit(_run_target_rewrite(paths, config, model, base_url, out_dir, write_in_place, diff, no_llm_cache,
                                     price_per_mtok, quiet))
    if fix or diff:
        _run_fixes(paths, config, unsafe_fixes, diff, quiet)
        if diff:
            return
    result = _progress_run(paths, config, jobs, quiet, with_analysis=False)
    if write_baseline:
        count = save_baseline(result.diagnostics, Path(write_baseline))
        click.echo(f"wrote {count} finding(s) to {write_baseline}", err=True)
        sys.exit(EXIT_OK)
    from .reporters import REPORTERS
    from .reporters import text as text_reporter

    with _output(output) as stream:
        if fmt == "text":
            text_reporter.write(result, stream, quiet=quiet)
        else:
            REPORTERS[fmt](result, stream)
    sys.exit(result.exit_code(config.fail_on))


def _run_target_rewrite(paths: tuple[str, ...], config: Config, model: str | None, base_url: str | None,
                        out_dir: Path | None, write: bool, diff: bool, no_cache: bool, price: str | None,
                        quiet: bool) -> int:
    """`check --fix --target`: rewrite each skill for the target; exit 1 when a model rewrite was rejected."""
    from .rewrite import rewrite_skill
    from .rewrite.cache import ResponseCache, default_path
    from .rewrite.providers import provider_for

    prices = None
    if price:
        try:
            prices = tuple(float(p) for p in price.split(","))
        except ValueError:
            prices = ()
        if len(prices) != 2:  # an assert would vanish under python -O
            raise click.UsageError(f"--price-per-mtok {price!r}: expected IN,OUT such as 0.15,0.60")
    try:
        provider = provider_for(model, base_url=base_url) if model else None
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    if not (out_dir or write or diff):
        click.echo("nothing is written without --out DIR or --write; showing the rewrite as a diff", err=True)
        diff = True
    cache = ResponseCache(None if no_cache or provider is None else default_path())
    roots, _missing = discover(paths)
    rule_ids = tuple(r.id for r in select_rules(config.select, config.ignore, config.extend_select))
    status, calls, cached, tokens_in, tokens_out = EXIT_OK, 0, 0, 0, 0
    echo = functools.partial(click.echo, err=True)
    try:
        for root in roots:
            report = rewrite_skill(display_path(root), config, rule_ids, provider=provider, cache=cache,
                                   out_dir=out_dir, write=write)
            if diff:
                sys.stdout.write(report.diff)
            for line in report.deterministic if not quiet else []:
                echo(f"{report.root}: fixed {line}")
            for line in report.accepted:
                echo(f"{report.root}: rewrite accepted ({line})")
            for purpose, reasons in report.rejected:
                echo(f"{report.root}: rewrite of purpose '{purpose}' rejected: " + "; ".join(reasons))
                status = EXIT_FINDINGS
            for line in report.notes + [f"written: {w}" for w in report.written]:
                echo(f"{report.root}: {line}")
            calls, cached = calls + report.calls, cached + report.cached
            tokens_in, tokens_out = tokens_in + report.input_tokens, tokens_out + report.output_tokens
    finally:
        cache.close()
    if provider is not None:
        cost = (f"; cost ${(tokens_in * prices[0] + tokens_out * prices[1]) / 1e6:.4f}" if prices
                else "; --price-per-mtok IN,OUT prints the cost")
        click.echo(f"{provider.name}: {calls} request(s), {cached} from the cache; tokens {tokens_in:,} in, "
                   f"{tokens_out:,} out{cost}", err=True)
    return status


def _run_fixes(paths: tuple[str, ...], config: Config, unsafe: bool, diff: bool, quiet: bool) -> None:
    roots, _missing = discover(paths)
    rule_ids = tuple(r.id for r in select_rules(config.select, config.ignore, config.extend_select))
    for root in roots:
        from .fixes.apply import fix_skill

        report = fix_skill(display_path(root), rule_ids, config, unsafe=unsafe, diff_only=diff)
        for text in report.diffs:
            sys.stdout.write(text)
        for line in report.applied:
            if not quiet:
                click.echo(f"fixed {line}", err=True)
        for line in report.skipped:
            click.echo(f"not fixed: {line}", err=True)


@main.command()
@_paths
@_with(_select_opts)
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json", show_default=True,
              help="json: one object per skill per line (JSON Lines); text: a short summary per skill.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None, help="Write to a file.")
@_guard
def analyze(paths: tuple[str, ...], select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...],
            config_path: str | None, jobs: int, quiet: bool, target: str | None, profiles_dir: str | None, fmt: str,
            output: str | None) -> None:
    """Print what each skill needs: one JSON object per skill.

    \b
    Each object has `path`, `name`, `capabilities`, `dependencies`, `workflow`, `summary` and
    `diagnostics` (see docs/output.md). Analyses that have not landed yet are null.
    """
    config = _config(config_path, target, profiles_dir, select=_split(select) or None,
                     extend_select=_split(extend_select) or None, ignore=_split(ignore) or None)
    result = _progress_run(paths, config, jobs, quiet, with_analysis=True)
    with _output(output) as stream:
        for skill in result.skills:
            obj = analysis_object(skill)
            if fmt == "json":
                stream.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")
            else:
                summary = obj.get("summary") or {}
                stream.write(f"{obj['path']}: name={obj['name']!r} files={summary.get('files')} "
                             f"code_blocks={summary.get('code_blocks')} findings={len(obj['diagnostics'])}\n")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str), required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sh"]), default="text", show_default=True,
              help="text: a table per skill; json: one object per skill per line; sh: an idempotent env-setup.sh.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None, help="Write to a file.")
@click.option("--all", "show_all", is_flag=True, help="Also list dependencies that are declared but not used.")
@_guard
def deps(paths: tuple[str, ...], fmt: str, output: str | None, show_all: bool) -> None:
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
    from rich.console import Console
    from rich.table import Table

    from .analyses.dependencies import infer
    from .builder import build_skill
    from .reporters.env_setup import render

    roots, _missing = discover(paths)
    if fmt == "sh" and len(roots) != 1:
        raise click.UsageError(f"--format sh writes one script for one skill; {len(roots)} skills were found")
    with _output(output) as stream:
        for root in roots:
            skill = build_skill(display_path(root))
            found = [d for d in infer(skill) if d.required or show_all]
            if fmt == "sh":
                stream.write(render(skill.name or skill.folder_name, found, __version__))
            elif fmt == "json":
                stream.write(json.dumps({"path": skill.root, "name": skill.name,
                                         "dependencies": [d.to_dict() for d in found]}, ensure_ascii=False) + "\n")
            else:
                table = Table(title=f"{skill.root} ({skill.name or 'no name'})", box=None, title_justify="left")
                for column in ("type", "name", "declared", "required", "evidence"):
                    table.add_column(column, overflow="fold")
                for d in found:
                    table.add_row(d.type, d.name, "yes" if d.declared else "no", "yes" if d.required else "no",
                                  ", ".join(f"{s.file}:{s.line}" for s in d.evidence[:3]))
                Console(file=stream, highlight=False, width=None if stream.isatty() else 140).print(table)


@main.group()
def corpus() -> None:
    """Audit whole hubs: scan thousands of skills incrementally into a results folder."""


@corpus.command(name="scan")
@_paths
@_with(_select_opts)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Results folder: cache.sqlite (the incremental cache), results.jsonl (one analyze object per "
                   "skill) and library.json (facts and findings across skills).")
@click.option("--engine", type=click.Choice(["process", "dask"]), default="process", show_default=True,
              help="process: a process pool on this machine (--jobs workers). dask: a Dask distributed cluster "
                   "(--scheduler); needs the dask extra on this machine and skvm-lint on every worker.")
@click.option("--scheduler", default="local", show_default=True, metavar="ADDRESS",
              help="With --engine dask: the scheduler's address (tcp://host:8786), or 'local' for a LocalCluster of "
                   "--jobs worker processes here.")
@_guard
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

    from .corpus import scan

    if engine == "dask" and importlib.util.find_spec("distributed") is None:
        raise click.ClickException("--engine dask needs Dask distributed: pip install 'skvm-lint[dask]'")
    dask_scheduler = scheduler if engine == "dask" else None

    config = _config(config_path, target, profiles_dir, select=_split(select) or None,
                     extend_select=_split(extend_select) or None, ignore=_split(ignore) or None)
    show = not quiet and sys.stderr.isatty()
    if show:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        with Progress(TextColumn("scanning"), BarColumn(), MofNCompleteColumn(), TextColumn("skills"),
                      TimeRemainingColumn(), transient=True) as progress:
            task = progress.add_task("skills", total=None)
            report = scan(paths, out, config, jobs=jobs, scheduler=dask_scheduler,
                          on_progress=lambda done, total, _: progress.update(task, completed=done, total=total))
    else:
        report = scan(paths, out, config, jobs=jobs, scheduler=dask_scheduler)
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
@_guard
def corpus_report(folder: Path, html_path: Path | None, md_path: Path | None, title: str) -> None:
    """Report on a scan's results folder: capabilities, dependencies, parallelism, rule hit rates,
    security, frontmatter health, duplicates and shadowing, scan throughput.

    \b
    Example:
      skvm-lint corpus scan ~/hub/skills --out audit/
      skvm-lint corpus report audit/ --html audit/report.html --md audit/report.md
    """
    from .report import ReportError, collect, render_html, render_md

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
@_guard
def corpus_export(folder: Path, parquet_path: Path) -> None:
    """Export a scan's results to Parquet, for pandas, DuckDB or Spark.

    \b
    Example:
      skvm-lint corpus export audit/ --parquet audit/results.parquet
      duckdb -c "SELECT name, errors FROM 'audit/results.parquet' ORDER BY errors DESC LIMIT 10"
    """
    from .export import to_parquet
    from .report import ReportError

    try:
        rows = to_parquet(folder, parquet_path)
    except ReportError as exc:
        raise click.ClickException(str(exc)) from None
    except ImportError:
        raise click.ClickException("Parquet export needs pyarrow: pip install 'skvm-lint[hub]'") from None
    click.echo(f"{rows:,} skills exported to {parquet_path}")


@main.command(name="capabilities")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str), required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: SkVM's capability-analysis shape, one object per skill per line.")
@click.option("--target", default=None, metavar="PROFILE", help="Show the target profile's level beside each demand.")
@click.option("--profiles-dir", default=None, type=click.Path(file_okay=False), help="Folder of SkVM profiles.")
@_guard
def capabilities_command(paths: tuple[str, ...], fmt: str, target: str | None, profiles_dir: str | None) -> None:
    """Which of SkVM's 26 primitive capabilities each skill demands, at which level, and where.

    \b
    Examples:
      skvm-lint capabilities skills/pdf-tools
      skvm-lint capabilities skills/pdf-tools --target ../skvm-data/profiles/bare-agent/qwen--qwen3.5-9b
    """
    from rich.console import Console
    from rich.table import Table

    from .analyses.capabilities import infer, skvm_shape
    from .builder import build_skill

    profile = _config(None, target, profiles_dir).target
    roots, _missing = discover(paths)
    console = Console(highlight=False, width=None if sys.stdout.isatty() else 140)
    for root in roots:
        skill = build_skill(display_path(root))
        found = infer(skill)
        if fmt == "json":
            click.echo(json.dumps({"path": skill.root, **skvm_shape(skill, found)}, ensure_ascii=False))
            continue
        table = Table(title=f"{skill.root} ({skill.name or 'no name'})", box=None, title_justify="left")
        columns = ["primitive", "demand"] + (["target"] if profile else []) + ["evidence", "where"]
        for column in columns:
            table.add_column(column, overflow="fold")
        for primitive, f in found.items():
            row = [primitive, f"L{f.level}"]
            if profile:
                provided = profile.level(primitive)
                row.append("?" if provided is None else f"L{provided}" + (" !" if provided < f.level else ""))
            table.add_row(*row, f.evidence, f"{f.span.file}:{f.span.line}")
        console.print(table)


@main.command(name="workflow")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str), required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "mermaid", "md"]), default="text",
              show_default=True, help="mermaid: a flowchart of the DAG; md: a 'Parallel execution' section.")
@_guard
def workflow_command(paths: tuple[str, ...], fmt: str) -> None:
    """The skill's workflow as a DAG of steps, and the parallel groups (DLP, ILP, TLP) SkVM would exploit.

    \b
    Steps come from ordered lists, "Step N" headings or command sections; a step depends on an earlier
    one when it uses what that one produces, refers back to it, or independence cannot be shown.
    Examples:
      skvm-lint workflow skills/pdf-tools
      skvm-lint workflow skills/pdf-tools --format mermaid > workflow.mmd
    """
    from .analyses.workflow import extract, markdown_section, mermaid, to_dict
    from .builder import build_skill

    roots, _missing = discover(paths)
    for root in roots:
        skill = build_skill(display_path(root))
        steps, groups = extract(skill)
        if fmt == "mermaid":
            click.echo(mermaid(steps, groups), nl=False)
        elif fmt == "md":
            click.echo(markdown_section(steps, groups) or "<!-- no parallel groups found -->\n", nl=False)
        elif fmt == "json":
            click.echo(json.dumps({"path": skill.root, **to_dict(steps, groups)}, ensure_ascii=False))
        else:
            click.echo(f"{skill.root}: {len(steps)} steps, {len(groups)} parallel group(s)")
            for step in steps:
                after = f" (after {', '.join(step.depends_on)})" if step.depends_on else ""
                click.echo(f"  {step.id}  {step.span.file}:{step.span.line}  {step.description[:70]}{after}")
            for g in groups:
                click.echo(f"  {g.type.upper()} {', '.join(g.step_ids) or '-'}: {g.reason}; {g.mechanism}")


@main.command(name="rules")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "md"]), default="table", show_default=True,
              help="md: the full rule reference, as in docs/rules.md.")
def rules_command(fmt: str) -> None:
    """List every rule: id, short name, groups, default severity, on/off by default, fix."""
    rules = all_rules()
    if fmt == "md":
        click.echo(rules_reference(), nl=False)
        return
    if fmt == "json":
        click.echo(json.dumps([{"id": r.id, "name": r.name, "groups": list(r.groups), "severity": str(r.severity),
                                "default_enabled": r.default_enabled, "fix": r.fix_safety,
                                "summary": r.docs()["summary"]} for r in rules], indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, box=None, pad_edge=False)
    for column in ("id", "name", "groups", "severity", "default", "fix", "summary"):
        table.add_column(column, overflow="fold")
    for r in rules:
        table.add_row(r.id, r.name, ",".join(r.groups), str(r.severity), "on" if r.default_enabled else "opt-in",
                      r.fix_safety or "-", r.docs()["summary"])
    Console(highlight=False, width=None if sys.stdout.isatty() else 160).print(table)


def rules_reference() -> str:
    """docs/rules.md: every rule's documentation, generated from rules/ (a test keeps the file in sync)."""
    parts = ["# Rule reference\n\n<!-- Generated by `skvm-lint rules --format md > docs/rules.md`; do not edit. -->\n\n",
             "| id | name | groups | severity | default | fix |\n|---|---|---|---|---|---|\n"]
    for r in all_rules():
        parts.append(f"| [{r.id}](#{r.id.lower()}) | {r.name} | {', '.join(r.groups)} | {r.severity} | "
                     f"{'on' if r.default_enabled else 'opt-in'} | {r.fix_safety or '-'} |\n")
    for r in all_rules():
        body = r.doc().replace("\n## ", "\n#### ")
        parts.append(f"\n## {r.id}\n\n`{r.name}` · severity {r.severity} · "
                     f"{'on by default' if r.default_enabled else 'opt-in'} · groups: {', '.join(r.groups)} · "
                     f"fix: {r.fix_safety or 'none'} · source: `rules/{Path(r.source).name}`\n\n{body}\n")
    return "".join(parts)


@main.command()
@click.argument("rule_id")
def explain(rule_id: str) -> None:
    """Show a rule's documentation: what it does, why it matters, an example and the fix."""
    rule = rule_by_id(rule_id)
    if rule is None:
        raise click.UsageError(f"unknown rule {rule_id!r}; `skvm-lint rules` lists them all")
    click.echo(f"{rule.id} ({rule.name})\n")
    click.echo(rule.markdown())
