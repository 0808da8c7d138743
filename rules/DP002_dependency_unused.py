"""A declared package is never used.

## What it does
Reports a package declared in a requirements file, `pyproject.toml`, PEP 723 block or `package.json` (not a dev
dependency) that no bundled script or code fence imports or runs. A package of a `pyproject.toml` extra or group
(`project.optional-dependencies`, `dependency-groups`) is not reported: an extra names what a feature needs, which
may be a plugin another package loads or a platform's companion of what the code imports.

## Why it matters
Every declared package is installed before the skill runs: unused ones cost install time, disk and attack surface,
and mislead readers (and SkVM's environment binding) about what the skill does.

## Example
```
requirements.txt:  requests
                   pillow      # never imported
```

## Fix
Remove the unused declaration, or use the package where the skill meant to.
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.rule import Rule

MANIFESTS = {"requirements", "pyproject", "pep723", "package.json"}
# Sources that only declare: any other (an import, a command, even an optional or alternative one) is a use.
DECLARATIONS = MANIFESTS | {"install-line", "metadata"}


class DependencyUnused(Rule):
    id = "DP002"
    name = "dependency-unused"
    groups = ("dependencies",)
    severity = Severity.INFO

    def check(self, skill, ctx):
        for dep in ctx.facts.dependencies.found:
            if dep.type in ("pip", "npm") and (not dep.required or dep.manifest_only) and not dep.dev \
                    and dep.sources & MANIFESTS and dep.sources <= DECLARATIONS:
                yield self.report(skill, dep.evidence[0], f"{dep.type} dependency `{dep.name}` is declared but no "
                                  "code of the skill imports or runs it", hint="remove it or use it")
