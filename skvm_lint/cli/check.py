"""``skvm-lint check``: findings, fixes, and the rewrite of a skill for a target model."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click
import msgspec.structs

from ..baseline import write_baseline as save_baseline
from ..config import Config
from ..diagnostics import Severity
from ..loader import discover, display_path, enclosing_skill
from ..selection import Selection
from . import main
if TYPE_CHECKING:
    from ..results import RunResult
from .options import (EXIT_FINDINGS, EXIT_OK, config_from, guard, output, paths_argument, progress_run,
                      select_options, split, with_options)


@main.command()
@paths_argument
@with_options(select_options)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "sarif", "github"]), default="text",
              show_default=True, help="Report format.")
@click.option("--output", "-o", "output_path", type=click.Path(dir_okay=False), default=None, help="Write the report to a file.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Lowest severity that makes the exit status 1 [default: error].")
@click.option("--baseline", type=click.Path(dir_okay=False), default=None,
              help="Hide findings recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None,
              help="Record every current finding in this file and exit 0.")
@click.option("--stdin-filename", default=None, metavar="PATH",
              help="With PATHS '-': read the file from stdin and check it as this file of its skill (as editors "
                   "and some hooks call linters); findings are reported for that file.")
@click.option("--allow-empty", is_flag=True,
              help="Exit 0 when no path holds a skill (pre-commit passes files that belong to no skill).")
@click.option("--fix", is_flag=True, help="Apply safe fixes, then report what remains.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix: also apply fixes that may change meaning.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff and write nothing; exit 1 when there "
                                            "is something to fix. Only unsafe fixes: shown, labelled as such.")
@click.option("--show-fixes", is_flag=True, help="Under each finding, say which fix --fix would apply.")
@click.option("--statistics", is_flag=True, help="Count findings per rule instead of listing them.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (2 still means an error).")
@click.option("--watch", is_flag=True, help="Check again whenever a file under PATHS changes (clearing the screen "
                                            "between runs), until Ctrl-C. Needs the watch extra.")
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
@guard
def check(paths: tuple[str, ...], select: tuple[str, ...], extend_select: tuple[str, ...], ignore: tuple[str, ...],
          config_path: str | None, jobs: int, quiet: bool, target: str | None, profiles_dir: str | None, fmt: str,
          output_path: str | None, fail_on: str | None, baseline: str | None, write_baseline: str | None,
          stdin_filename: str | None, allow_empty: bool, fix: bool,
          unsafe_fixes: bool, diff: bool, show_fixes: bool, statistics: bool, exit_zero: bool, watch: bool,
          model: str | None, base_url: str | None, out_dir: Path | None,
          write_in_place: bool, no_llm_cache: bool, price_per_mtok: str | None) -> None:
    """Check skills and report problems.

    PATHS are skill folders, hub folders (searched recursively for SKILL.md) or files inside skills (as
    pre-commit passes them).

    \b
    Adapting a skill to a weaker model (SkVM's compile step). A profile is a path, or a name looked up
    in SkVM's data (set profiles-dir = "path/to/skvm-data" once in [tool.skvm-lint], or pass it):
      skvm-lint check --fix --target ../skvm-data/profiles/bare-agent/qwen--qwen3.5-9b skills/pdf-tools --diff
      skvm-lint check --fix --target qwen--qwen3.5-9b --profiles-dir ../skvm-data skills/pdf-tools --diff
      skvm-lint check --fix --target qwen3.5-9b --model openai/gpt-4o-mini skills/pdf-tools --out adapted/
    The model's rewrite is guarded (frontmatter, headings and code kept, bounded growth, no new security
    findings or errors, no more capability gaps) and rejected with the reasons otherwise.
    """
    config = config_from(
        config_path,
        target,
        profiles_dir,
        select=split(select) or None,
        extend_select=split(extend_select) or None,
        ignore=split(ignore) or None,
        fail_on=Severity.parse(fail_on) if fail_on else None,
        baseline=Path(baseline) if baseline else None,
    )
    if write_baseline:  # a new baseline records everything, including what an old one accepted
        config = msgspec.structs.replace(config, baseline=None)
    Selection.from_config(config).validate()  # fail fast on unknown selectors, per-path ignores included
    if (model or out_dir or write_in_place) and not (fix and config.target is not None):
        raise click.UsageError("--model, --out and --write rewrite a skill for a target: add --fix --target PROFILE")
    # Usage errors before any action: nothing is fixed or written for a command line that is refused.
    if watch and (fix or diff or paths == ("-",) or write_baseline):
        raise click.UsageError("--watch re-checks files as they change: it goes with neither --fix, --diff, "
                               "--write-baseline nor stdin")
    if paths == ("-",) and (fix or diff):
        raise click.UsageError("--fix and --diff write files: they do not read from stdin")
    if "-" in paths and paths != ("-",):
        raise click.UsageError("'-' (stdin) is the only path when it is given")
    if fix and config.target is not None:
        sys.exit(_run_target_rewrite(paths, config, model, base_url, out_dir, write_in_place, diff, no_llm_cache,
                                     price_per_mtok, quiet))
    if diff:
        sys.exit(_show_diff(paths, config, unsafe_fixes, quiet))
    if fix:
        _run_fixes(paths, config, unsafe_fixes, False, quiet)
    if watch:
        _watch(paths, config, jobs, quiet, fmt, show_fixes, statistics, allow_empty)
        return
    if paths == ("-",):
        result = _check_stdin(stdin_filename, config)
    else:
        result = progress_run(paths, config, jobs, quiet, with_analysis=False, allow_empty=allow_empty)
    if write_baseline:
        count = save_baseline(result.diagnostics, Path(write_baseline))
        click.echo(f"wrote {count} finding(s) to {write_baseline}", err=True)
        sys.exit(EXIT_OK)
    with output(output_path) as stream:
        _report(result, stream, fmt, quiet=quiet, statistics=statistics, show_fixes=show_fixes)
    sys.exit(EXIT_OK if exit_zero else result.exit_code(config.fail_on))


def _report(result: RunResult, stream: TextIO, fmt: str, *, quiet: bool, statistics: bool, show_fixes: bool) -> None:
    """A run's findings in the chosen format (--statistics: counts per rule instead, in text or JSON)."""
    from ..reporters import REPORTERS
    from ..reporters import text as text_reporter

    if fmt == "text":
        text_reporter.write(result, stream, quiet=quiet, show_statistics=statistics, show_fixes=show_fixes)
    elif statistics and fmt == "json":
        stream.write(json.dumps(text_reporter.statistics(result), indent=2) + "\n")
    else:
        REPORTERS[fmt](result, stream)


def _watch(paths: tuple[str, ...], config: Config, jobs: int, quiet: bool, fmt: str, show_fixes: bool,
           statistics: bool, allow_empty: bool) -> None:
    """Check, then again after every change below PATHS (watchfiles batches a burst of saves into one run)."""
    try:
        from watchfiles import watch
    except ImportError:
        raise click.ClickException("--watch needs watchfiles: pip install 'skvm-lint[watch]'") from None

    def once() -> None:
        click.clear()
        click.echo(f"[{time.strftime('%H:%M:%S')}] skvm-lint --watch: checking {' '.join(paths)} (Ctrl-C stops)",
                   err=True)
        try:
            result = progress_run(paths, config, jobs, True, with_analysis=False, allow_empty=allow_empty)
        except (ValueError, FileNotFoundError) as exc:  # a path went away: say so and keep watching
            click.echo(f"error: {exc}", err=True)
            return
        _report(result, sys.stdout, fmt, quiet=quiet, statistics=statistics, show_fixes=show_fixes)
        sys.stdout.flush()

    once()
    # rust_timeout: how often the watcher looks up from waiting, to notice Ctrl-C and SIGTERM promptly
    for _changes in watch(*paths, debounce=300, rust_timeout=500, raise_interrupt=True):
        once()


def _check_stdin(filename: str | None, config: Config) -> RunResult:
    """Check stdin as the file ``filename`` of the skill it belongs to."""
    from ..pipeline import check_text
    from ..results import RunResult  # noqa: F811 (the analysis stack loads only when a command needs it)

    if not filename:
        raise click.UsageError("reading from stdin needs --stdin-filename PATH: the file the text stands for "
                               "(e.g. skills/pdf-tools/SKILL.md)")
    path = Path(filename)
    folder = path.parent if path.parent != Path("") else Path(".")
    root = folder if path.name.lower() == "skill.md" else enclosing_skill(path)
    if root is None or not Path(root).is_dir():
        raise click.UsageError(f"{filename}: no skill holds this file (no SKILL.md beside it or in a folder above); "
                               "--stdin-filename names the file's place in its skill")
    text = sys.stdin.buffer.read().decode("utf-8", "surrogateescape")
    rel = os.path.relpath(path, root).replace(os.sep, "/")
    rule_ids = Selection.from_config(config).rule_ids()
    return RunResult(skills=[check_text(display_path(str(root)), rel, text, rule_ids, config)])


def _run_target_rewrite(paths: tuple[str, ...], config: Config, model: str | None, base_url: str | None,
                        out_dir: Path | None, write: bool, diff: bool, no_cache: bool, price: str | None,
                        quiet: bool) -> int:
    """`check --fix --target`: rewrite each skill for the target; exit 1 when a model rewrite was rejected."""
    from ..rewrite import Usage, parse_prices, rewrite_skill
    from ..rewrite.cache import ResponseCache, default_path
    from ..rewrite.providers import provider_for

    try:
        prices = parse_prices(price) if price else None
        provider = provider_for(model, base_url=base_url) if model else None
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    if not (out_dir or write or diff):
        click.echo("nothing is written without --out DIR or --write; showing the rewrite as a diff", err=True)
        diff = True
    cache = ResponseCache(None if no_cache or provider is None else default_path())
    roots, _missing = discover(paths, config.exclusion())
    rule_ids = Selection.from_config(config).rule_ids()
    status, usage = EXIT_OK, Usage()
    try:
        for root in roots:
            report = rewrite_skill(display_path(root), config, rule_ids, provider=provider, cache=cache,
                                   out_dir=out_dir, write=write)
            if diff:
                sys.stdout.write(report.diff)
            for line in report.deterministic if not quiet else []:
                click.echo(f"{report.root}: fixed {line}", err=True)
            for line in report.accepted:
                click.echo(f"{report.root}: rewrite accepted ({line})", err=True)
            for purpose, reasons in report.rejected:
                click.echo(f"{report.root}: rewrite of purpose '{purpose}' rejected: " + "; ".join(reasons), err=True)
                status = EXIT_FINDINGS
            for line in report.notes + [f"written: {w}" for w in report.written]:
                click.echo(f"{report.root}: {line}", err=True)
            usage.add(report)
    finally:
        cache.close()
    if provider is not None:
        click.echo(usage.summary(provider.name, prices), err=True)
    return status


def _show_diff(paths: tuple[str, ...], config: Config, unsafe: bool, quiet: bool) -> int:
    """`--diff`: the fixes as a unified diff, nothing written; 1 when there is something to fix. When no safe fix
    exists but unsafe ones do, they are shown, labelled, instead of an empty diff that says nothing."""
    shown = _run_fixes(paths, config, unsafe, True, quiet)
    if shown or unsafe:
        return EXIT_FINDINGS if shown else EXIT_OK
    if _run_fixes(paths, config, True, True, quiet, label="unsafe fixes only (apply with --fix --unsafe-fixes)"):
        return EXIT_FINDINGS
    click.echo("nothing to fix", err=True)
    return EXIT_OK


def _run_fixes(paths: tuple[str, ...], config: Config, unsafe: bool, diff: bool, quiet: bool,
               label: str | None = None) -> int:
    """Apply (or, with ``diff``, show) fixes skill by skill; returns how many diffs were shown."""
    from ..fix_engine import fix_skill

    roots, _missing = discover(paths, config.exclusion())
    rule_ids = Selection.from_config(config).rule_ids()
    needs: dict[str, int] = {}  # install command -> how many fixes need it
    shown = 0
    for root in roots:
        report = fix_skill(display_path(root), rule_ids, config, unsafe=unsafe, diff_only=diff)
        for install, findings in report.needs.items():
            needs[install] = needs.get(install, 0) + len(findings)
        if label and report.diffs:
            click.echo(f"{display_path(root)}: {label}", err=True)
        for text in report.diffs:
            sys.stdout.write(text)
        shown += len(report.diffs)
        for line in report.applied:
            if not quiet:
                click.echo(f"fixed {line}", err=True)
        for line in report.skipped:
            click.echo(f"not fixed: {line}", err=True)
    for install, count in needs.items():  # once per run, not once per skill
        click.echo(f"not fixed: {count} fix(es) need an optional extra: {install}", err=True)
    return shown
