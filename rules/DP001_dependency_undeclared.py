"""A package or tool the skill uses is declared nowhere.

## What it does
Reports a Python or npm package that bundled code imports, or a program that the skill's scripts and commands run,
when no requirements file, `pyproject.toml`, PEP 723 block, `package.json`, install line in SKILL.md or hub
metadata (`requires.bins`, install entries, which also declare the program the client installs them with: Node.js
for `kind: node`) declares it; a program is also declared by the package that installs it
(`pip install yt-dlp` declares the `yt-dlp` command, `huggingface_hub` the `huggingface-cli` one). Programs every
machine has (coreutils, `curl`, `git`, `python3`; not Debian's optional ones such as `bc` or `unzip`) are not
reported, nor are imports seen only in code the agent writes for the user's project (a fence of SKILL.md or a
reference), nor what only a reference's commands, its MCP server configs or the build of the user's project (`npm
run build`, `cargo test` in a skill without package.json or Cargo.toml) run (`analyze` still lists them as
required), nor a program named only in a line of prose or a table that no lexicon knows, nor one no lexicon knows
from a block nobody labelled unless it has a long option, nor Node.js for the code of a host agent's plugin (a folder
with `openclaw.plugin.json`), which the host loads into its own runtime.
A tool SKILL.md says must be present ("Ensure `playwright` is available", "Requires `jq`", an item of a
`## Prerequisites` or `## Requirements` list) is stated in prose: the agent is told, a client installing the skill
is not, so it is an info finding ("stated only in prose"), not a warning; so is a runtime that only
package.json's `engines` declares (`"node": ">=18"`: npm reads it, a client installing the skill does not). A
package the importing script names in its own install hint ("Install with: pip install Pillow" under `except
ImportError`) is declared there. A sub-skill bundled in another skill (`bundle/sub/`, `bundle/skills/sub/`) is
installed with it: what the bundle's frontmatter and root manifests declare, and the modules at its root, are the
sub-skill's too.
More than three undeclared packages of one kind in one file are one finding: they share one missing declaration;
so are a package and its program (`npx netlify` and `netlify`: netlify-cli), and `npm` with `node` (a declared
Node.js declares `npm` too).

## Why it matters
An agent that meets an undeclared dependency finds out by failing, then burns turns and tokens guessing how to
install it. SkVM's environment-binding pass exists because this trial and error is expensive.

## Example
```python
# scripts/fetch.py
import requests
```
with no `requirements.txt` and no `pip install requests` in SKILL.md.

## Fix
Declare it: a `requirements.txt` beside the script, an install line in a Setup section, or
`metadata.openclaw.requires.bins` for a program. `skvm-lint deps --format sh` writes an env-setup.sh.
"""

from skvm_lint.analyses.dependencies import canonical, installed_in_hints, packages_of_program, stated_in_prose
from skvm_lint.diagnostics import Severity
from skvm_lint.rule import Rule
from skvm_lint.vocabulary import COMES_WITH

WHERE = {"pip": "a requirements file, PEP 723 block or `pip install` line",
         "npm": "package.json or an `npm install` line",
         "system": "`metadata.openclaw.requires.bins` or an install line"}


GROUPED = 3  # more undeclared packages than this in one file are one finding


class DependencyUndeclared(Rule):
    id = "DP001"
    name = "dependency-undeclared"
    groups = ("dependencies",)
    severity = Severity.WARNING

    def check(self, skill, ctx):
        undeclared: dict[tuple[str, str], list] = {}
        for dep in ctx.facts.dependencies.found:
            # a runtime only package.json's `engines` names: npm reads it, a client installing the skill does not
            if dep.only_in_engines and dep.required_by_skill and dep.evidence:
                yield self.report(skill, _where(dep), f"{dep.type} dependency `{dep.name}` is declared only in "
                                  "package.json's `engines`, not where a client installing the skill reads it",
                                  hint=f"declare it in {WHERE[dep.type]} too", severity=Severity.INFO)
            # Imports seen only in code the agent writes for the user's project (a fence, a reference) are the
            # project's dependencies, which the skill cannot declare; nor what only a reference's commands or the
            # user's project's build run (required_by_skill).
            if dep.type in WHERE and dep.required_by_skill and not dep.declared and dep.evidence \
                    and dep.sources - {"reference"} != {"example-code"}:
                undeclared.setdefault((dep.type, _where(dep).file), []).append(dep)
        if not undeclared:  # most skills: nothing to read prose for
            return
        # A tool SKILL.md says must be present is stated, in prose: the agent knows, a client does not (info below)
        stated = stated_in_prose(skill, {dep.name.lower() for deps in undeclared.values() for dep in deps})
        in_prose = {dep.name: dep for deps in undeclared.values() for dep in deps if dep.name.lower() in stated}
        _keep(undeclared, lambda dep: dep.name.lower() not in stated)
        # so is a package the script that imports it names in its own install hint ("Install with: pip install
        # Pillow" under `except ImportError`)
        hinted = {file: installed_in_hints(f.text) for (kind, file) in undeclared
                  if kind == "pip" and (f := skill.file(file)) is not None and f.kind == "script" and f.text}
        _keep(undeclared, lambda dep: dep.type != "pip" or dep.name.lower() not in hinted.get(_where(dep).file, ()))
        # A program of a package reported here (`turbo` beside `npx turbo`, `netlify` beside netlify-cli) shares
        # its root cause: declaring the package declares it.
        reported = {(dep.type, canonical(dep.name, dep.type)) for deps in undeclared.values() for dep in deps
                    if dep.type != "system"}
        _keep(undeclared, lambda dep: dep.type != "system" or not any(
            (kind, canonical(name, kind)) in reported for kind, name in packages_of_program(dep.name)))
        # so do npm and npx beside node, which brings them (gsutil beside gcloud); a node declared, installed or
        # stated in prose declares them
        present = stated | {dep.name for dep in ctx.facts.dependencies.found if dep.type == "system" and dep.declared}
        present |= {dep.name for deps in undeclared.values() for dep in deps if dep.type == "system"}  # reported
        brought = _brought_by(present)
        _keep(undeclared, lambda dep: dep.type != "system" or dep.name not in brought)
        for (kind, file), deps in undeclared.items():
            if len(deps) > GROUPED:  # one root cause (no requirements file for this script), one finding
                names = ", ".join(f"`{d.name}`" for d in deps[:8]) + (", ..." if len(deps) > 8 else "")
                yield self.report(skill, _where(deps[0]), f"{len(deps)} {kind} dependencies used in {file} are "
                                  f"declared nowhere: {names}", hint=f"declare them in {WHERE[kind]}")
                continue
            for dep in deps:
                yield self.report(skill, _where(dep), f"{dep.type} dependency `{dep.name}` is used but declared "
                                  "nowhere", hint=f"declare it in {WHERE[dep.type]}")
        brought = _brought_by(in_prose)  # npm beside node, both stated in prose: one finding
        for dep in in_prose.values():
            if dep.name not in brought:
                yield self.report(skill, _where(dep), f"{dep.type} dependency `{dep.name}` is stated only in "
                                  "SKILL.md's prose, not where a client installing the skill reads it",
                                  hint=f"declare it in {WHERE[dep.type]} too", severity=Severity.INFO)


def _brought_by(programs) -> set[str]:
    """The programs that come with any of ``programs`` (npm and npx with node, gsutil with gcloud)."""
    return {name for program in programs for name in COMES_WITH.get(program, ())}


def _keep(undeclared: dict, wanted) -> None:
    """Keep only the wanted dependencies of each group, and only groups left with some."""
    for key, deps in list(undeclared.items()):
        deps[:] = [dep for dep in deps if wanted(dep)]
        if not deps:
            del undeclared[key]


def _where(dep):
    """The evidence that makes the dependency required: not an optional probe (`command -v node`) before it."""
    return dep.required_at or dep.evidence[0]
