"""A bundled script installs packages when it runs.

## What it does
Reports `pip install`, `npm install`, `apt-get install` and similar commands inside a bundled script (a shell
script, or a Python/JavaScript script running them through `subprocess`/`child_process`). A script named for setting
up (`setup.sh`, `install.sh`, `init-project.sh`, `bootstrap.py`, `update.sh`) is the setup step itself and is not
reported, nor is an install in a function named so (`def cmd_setup(args):`, `install_deps() {`), the script's own
setup step. An install that runs only when the program or module is missing (`if ! command -v rue; then cargo install
rue-cli; fi`, `command -v jq || apt-get install jq`) is reported as that: it still changes the machine unasked.
An install after the script creates the environment it installs into (`python3 -m venv .venv`, `npm init -y`, `npx
create-vite app`, `uv init`) builds that new environment and is not reported, nor is adding development tools to a
project (`uv add --dev ruff pytest`, `npm install -D vitest`): the project the script scaffolds or works on.

## Why it matters
A script that installs software every time it runs changes the user's machine without asking, makes runs slow and
non-reproducible, and is a common way for malicious skills to pull in payloads.

## Example
```bash
# scripts/run.sh
pip install requests
python3 fetch.py
```

## Fix
Move installation to a documented setup step (or `skvm-lint deps --format sh` for an env-setup.sh) and let the
script check for what it needs and exit with a clear message.
"""

import re

from skvm_lint.diagnostics import Severity
from skvm_lint.lazy_re import lazy
from skvm_lint.rule import Rule

# setup.sh, install_as_skill.sh, init-artifact.sh, venv-setup.sh, bootstrap.py, update.sh: run once, to set up
SETUP_SCRIPT = lazy(r"(^|[-_.])(setup|install|init|bootstrap|update|upgrade)([-_.]|$)", re.IGNORECASE)
# A command that creates a new environment or project, which later installs in the script fill
NEW_ENVIRONMENT = lazy(r"^(python[\d.]*\s+-m\s+(venv|virtualenv)|virtualenv|uv\s+(venv|init)|conda\s+create"
                       r"|mamba\s+create|poetry\s+(new|init)|(npm|pnpm|yarn|bun)\s+(init|create)"
                       r"|npx\s+(--yes\s+|-y\s+)?create-|cargo\s+(new|init))\b")
# Adding development tools to a project (`uv add --dev ruff pytest`, `npm install -D vitest`, `poetry add --group
# dev`) that the script itself does not run: it sets up the project it scaffolds or works on (`pnpm add -D parcel`
# then `pnpm exec parcel build` installs what the script needs, every run)
DEV_DEPENDENCY_ADD = lazy(r"^(uv|poetry|npm|pnpm|yarn|bun)\s+(add|install|i)\b"
                          r".*\s(--dev|-D|--save-dev|--group[= ]dev)\b")


class RuntimeInstall(Rule):
    id = "DP004"
    name = "runtime-install"
    groups = ("dependencies",)
    severity = Severity.WARNING

    def check(self, skill, ctx):
        scripts = {f.path for f in skill.files
                   if f.kind == "script" and not SETUP_SCRIPT.search(f.path.rsplit("/", 1)[-1])}
        lines: dict[tuple[str, int], tuple[object, list[str]]] = {}  # one finding a line, naming all it installs
        for dep in ctx.facts.dependencies.found:
            for span in dep.install_lines:
                if span.file in scripts:
                    names = lines.setdefault((span.file, span.line), (span, []))[1]
                    if dep.name not in names:
                        names.append(dep.name)
        scripts_read: dict[str, tuple[int | None, dict[int, list]]] = {}  # each script's commands read once
        for (path, line), (span, names) in lines.items():
            if path not in scripts_read:
                code = skill.file(path).code
                commands = code.commands if code is not None else []
                by_line: dict[int, list] = {}
                for command in commands:
                    by_line.setdefault(command.span.line, []).append(command)
                created = min((c.span.line for c in commands if NEW_ENVIRONMENT.match(_words(c))), default=None)
                scripts_read[path] = (created, by_line)
            created, by_line = scripts_read[path]
            on_line = by_line.get(line, [])
            # in a function named for setting up (`def cmd_setup(args):`, `install_deps() {`): the script's own
            # setup step, which the user runs once (`george.py setup`), as a setup script is
            if created is not None and created < line \
                    or any(c.in_function and SETUP_SCRIPT.search(c.in_function) for c in on_line) \
                    or on_line and all(DEV_DEPENDENCY_ADD.match(_words(c)) for c in on_line) \
                    and not _runs_any(names, by_line, line):
                continue
            text = on_line[0].text if on_line else ""
            names.sort(key=lambda name: (text.find(name) < 0, text.find(name)))  # as the line names them
            named = ", ".join(f"`{name}`" for name in names)
            if any(c.when_missing for c in on_line):
                yield self.report(skill, span, f"this script installs {named} when "
                                               f"{'it is' if len(names) == 1 else 'they are'} missing, without asking",
                                  hint="install in a documented setup step; have the script say what is missing "
                                       "and exit")
            else:
                yield self.report(skill, span, f"this script installs {named} every time it runs",
                                  hint="install in a documented setup step; have the script check and exit")


def _words(command) -> str:
    """The command as words: a shell command's text, or the literal argv a Python or JavaScript call runs (its text
    is the call, `subprocess.run(["uv", "init", ...])`)."""
    return " ".join(command.argv) if command.via == "subprocess" else command.text


def _runs_any(names: list[str], by_line: dict[int, list], line: int) -> bool:
    """Whether a command of the script other than those on ``line`` names one of the installed packages (`pnpm exec
    parcel build`, `npx vitest`, `python -m pytest`)."""
    wanted = {name.lower() for name in names}
    return any(word.lower() in wanted for other, commands in by_line.items() if other != line
               for command in commands for word in command.argv)
