"""A shell command built from values by string formatting.

## What it does
Reports `os.system`, `os.popen` and `subprocess.*(..., shell=True)` whose command is an f-string,
`%`-formatted, `.format()`ed or concatenated; Node's `exec`/`execSync` with a template literal or concatenation;
and shell `eval "$VAR"`.

## Why it matters
A value holding `;`, `|` or `$( )` becomes a command of its own. Skill inputs come from users, web pages and
files: exactly the text an attacker controls.

## Example
```python
subprocess.run(f"convert {name} out.png", shell=True)
```

## Fix
Pass an argument list without a shell (`subprocess.run(["convert", name, "out.png"])`, `execFile`); call
commands directly instead of `eval`.
"""

import re

from skvm_lint.analyses import security as sec
from skvm_lint.diagnostics import Severity
from skvm_lint.lazy_re import lazy
from skvm_lint.security_rule import SecurityRule
from skvm_lint.vocabulary import RUNS_CODE

CONSTANT_EXPRESSION = lazy(r"^([A-Z][A-Z0-9_]*|__dirname|__filename|path\.(join|resolve)\(__dirname[^()]*\))$")


def _constant_template(args: str) -> bool:
    """A template whose every `${...}` is a constant (`SCRIPT_DIR`, `__dirname`, `path.join(__dirname, ...)`)."""
    template = re.match(r"^\(\s*`([^`]*)`", args)
    if template is None:
        return False
    expressions = re.findall(r"\$\{([^}]*)\}", template.group(1))
    return bool(expressions) and all(CONSTANT_EXPRESSION.match(e.strip()) for e in expressions)


class ShellInjection(SecurityRule):
    id = "SC002"
    name = "shell-injection"
    family = "shell-injection"
    severity = Severity.WARNING

    def detect(self, skill, facts, out):

        for unit in facts.units:
            for command in unit.facts.commands:
                program = command.program.lower()
                text = command.text
                runs_download = program in RUNS_CODE | {"eval"} and \
                    re.search(r"(<\(|\$\(|`)\s*(curl|wget|iwr|irm)\b", text)  # SC001's, not an injection
                if program == "eval" and not runs_download and re.search(r"\$(\{?\w|@)", " ".join(command.argv[1:])) \
                        and not re.search(r"\$\(|`", text):
                    out.add("eval-variable", 2, unit.context, command.span,
                            "`eval` of a variable runs whatever text the variable holds", "call the command "
                            "directly; pass data as quoted arguments")
            language = unit.facts.language
            for call in sec.calls(unit.facts):
                name, args = call.name, call.arguments
                short = name.rsplit(".", 1)[-1]
                if name in ("os.system", "os.popen", "subprocess.run", "subprocess.call", "subprocess.Popen",
                            "subprocess.check_output", "subprocess.check_call") and \
                        (name.startswith("os.") or "shell=True" in args.replace(" ", "")):
                    if re.match(r"^\(\s*f['\"]", args) and "{" in args or re.search(r"['\"]\s*(%|\+)\s*\w|\.format\(",
                                                                                     args.split(",")[0]):
                        out.add("interpolated-shell", 2, unit.context, call.span,
                                f"`{name}` runs a shell command built from values by string formatting: a value "
                                "with ; or $( ) runs its own commands", "pass an argument list without shell=True "
                                "(subprocess.run([...]))")
                if short in ("exec", "execSync") and language in ("javascript", "typescript") and \
                        re.match(r"^\(\s*(`[^`]*\$\{|['\"][^'\"]*['\"]\s*\+)", args) and not _constant_template(args):
                    out.add("interpolated-shell", 2, unit.context, call.span,
                            f"`{name}` runs a shell command built from values: a value with ; or $( ) runs its own "
                            "commands", "use execFile/spawn with an argument array")
