"""What the commands share: the path argument, selection options, config loading, output files, progress, and
turning expected errors into a clean message with exit status 2."""

from __future__ import annotations

import functools
import io
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, TextIO

import click
import msgspec.structs

from ..atomic import atomic_write
from ..baseline import BaselineError
from ..config import Config, ConfigError, load_config
from ..rule import RuleError

if TYPE_CHECKING:
    from ..results import RunResult

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(part.strip() for v in values for part in v.split(",") if part.strip())


@contextmanager
def output(path: str | None) -> Iterator[TextIO]:
    """Write to stdout, or to a file that is replaced atomically once the report is complete."""
    if path is None or path == "-":
        yield sys.stdout
        return
    buffer = io.StringIO()
    yield buffer
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, buffer.getvalue())


def config_from(config_path: str | None, target: str | None = None, profiles_dir: str | None = None,
            **overrides: object) -> Config:
    from ..profiles import ProfileError, load_profile

    try:
        config = load_config(Path(config_path) if config_path else None)
        config = _with_file_selection(config)
        if target:
            overrides["target"] = load_profile(target, profiles_dir or config.profiles_dir)
    except (ConfigError, ProfileError) as exc:
        raise click.UsageError(str(exc)) from None
    return config.merged(**overrides)


def _remember(ctx: click.Context, param: click.Parameter, value: object) -> object:
    ctx.meta[f"skvm-lint.{param.name}"] = value
    return value


def _with_file_selection(config: Config) -> Config:
    """Apply --exclude, --extend-exclude and --[no-]respect-gitignore (stored on the click context) to a config."""
    ctx = click.get_current_context(silent=True)
    meta = ctx.meta if ctx is not None else {}
    exclude = split(meta.get("skvm-lint.exclude") or ())
    extend = split(meta.get("skvm-lint.extend_exclude") or ())
    gitignore = meta.get("skvm-lint.respect_gitignore")
    return msgspec.structs.replace(config, exclude=exclude or config.exclude,
                                   extend_exclude=config.extend_exclude + extend,
                                   respect_gitignore=config.respect_gitignore if gitignore is None else gitignore)


def progress_run(paths: tuple[str, ...], config: Config, jobs: int, quiet: bool,
                 with_analysis: bool, allow_empty: bool = False) -> "RunResult":
    from ..engine import run  # the analysis stack loads when a command needs it: `corpus scan` of a warm hub does not

    with progress_bar("checking", show=not quiet and sys.stderr.isatty()) as update:
        return run(paths, config, jobs=jobs, with_analysis=with_analysis, allow_empty=allow_empty,
                   on_progress=update)


@contextmanager
def progress_bar(label: str, *, show: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A transient `label [bar] done/total skills ETA` bar on a terminal; yields its update(done, total), or None
    when nothing is shown (not a terminal, or --quiet)."""
    if not show:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn("skills"),
                  TimeRemainingColumn(), transient=True) as progress:
        task = progress.add_task("skills", total=None)
        yield lambda done, total: progress.update(task, completed=done, total=total)


def guard(fn):  # type: ignore[no-untyped-def]
    """Turn expected user errors into clean messages with exit status 2."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            return fn(*args, **kwargs)
        except (FileNotFoundError, ValueError, BaselineError, RuleError) as exc:
            raise click.UsageError(str(exc)) from None

    return wrapper


paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=str), required=True)
select_options = [
    click.option("--select", multiple=True, metavar="IDS",
                 help="Run only these rules: ids (FM004), prefixes (FM), short names or groups, comma-separated."),
    click.option("--extend-select", multiple=True, metavar="IDS", help="Add rules to the selection (e.g. opt-in ones)."),
    click.option("--ignore", multiple=True, metavar="IDS", help="Skip these rules."),
    click.option("--exclude", multiple=True, metavar="PATTERNS", expose_value=False, callback=_remember,
                 help="Leave out files and folders matching these gitignore-style patterns, instead of the defaults "
                      "(node_modules/, site-packages/, ...). Paths named on the command line are always checked."),
    click.option("--extend-exclude", multiple=True, metavar="PATTERNS", expose_value=False, callback=_remember,
                 help="Leave these out as well as the defaults."),
    click.option("--respect-gitignore/--no-respect-gitignore", default=None, expose_value=False, callback=_remember,
                 help="Leave out what .gitignore files ignore [default: respect them]."),
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


def with_options(options):  # type: ignore[no-untyped-def]
    def decorate(fn):  # type: ignore[no-untyped-def]
        for option in reversed(options):
            fn = option(fn)
        return fn

    return decorate
