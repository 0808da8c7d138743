"""The ``skvm-lint`` command (and ``python -m skvm_lint``): a run's process-wide settings, the CLI, a quick exit."""

from __future__ import annotations

import atexit
import gc
import os
import sys
import threading

from .collector import RUN_THRESHOLDS


def main() -> None:
    # A command is one run: set before the CLI's imports, which allocate objects that live as long as the process.
    gc.set_threshold(*RUN_THRESHOLDS)
    from .cli import entry

    try:
        entry()
    except SystemExit as stop:
        _exit_quickly(stop)
    _exit_quickly(SystemExit(0))


def _exit_quickly(stop: SystemExit) -> None:
    """Exit as ``stop`` says, without tearing the interpreter down: freeing every module and object one by one
    cost ~18 ms of a one-skill check (a fifth of its CPU) and changes nothing outside the process. Exit handlers
    run and output is flushed first, as at a normal exit. Where a thread or a child process is still running, or a
    stream cannot be flushed, the interpreter exits the usual way, which waits for them or reports the error."""
    code = stop.code
    if not isinstance(code, int) or isinstance(code, bool) or threading.active_count() > 1 or _has_children():
        raise stop  # the usual exit: prints a message given as the code, waits for what still runs
    atexit._run_exitfuncs()  # the regex program cache is saved here
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe or stream: the interpreter reports it the usual way
        raise stop from None
    os._exit(code)


def _has_children() -> bool:
    multiprocessing = sys.modules.get("multiprocessing")  # never imported by a run that started no pool
    return multiprocessing is not None and bool(multiprocessing.active_children())


if __name__ == "__main__":
    main()
