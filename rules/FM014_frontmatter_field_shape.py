"""A frontmatter field has the wrong shape: `compatibility`, `license`, `allowed-tools`, `metadata`.

## What it does
Checks the optional fields of the specification: `compatibility` is a string of at most 500 characters, `license` a
string, `allowed-tools` a space-separated string (a YAML list of strings, which Claude Code accepts, is info),
`metadata` a mapping of string keys to string values. Client extensions are checked by shape too: `user-invocable`
and `disable-model-invocation` are booleans, `argument-hint` and `model` strings. Hub metadata under `metadata.openclaw` (and `clawdbot`,
`moltbot`, `clawdis`) is validated by its own shape: a mapping whose `requires.bins`, `requires.env`,
`requires.config` and `os` are lists of strings and whose `install` is a list of mappings.

## Why it matters
Clients read these fields as the specification types them; a list where a string is expected is dropped or, in
strict clients, fails the whole skill. A hub reading `requires.bins: curl` (a string, not a list) checks for
programs named `c`, `u`, `r`, `l`.

## Example
```markdown
---
name: weather
description: Current weather. Use when asked about the weather.
compatibility: [claude-code, codex]
metadata: {"openclaw": {"requires": {"bins": "curl"}}}
---
```

## Fix
`compatibility: Requires curl and network access.`; lists where the hub expects lists (`bins: [curl]`).
"""

from skvm_lint.diagnostics import Severity
from skvm_lint.model import Span
from skvm_lint.rule import Rule
from skvm_lint.vocabulary import HUB_METADATA_KEYS

COMPATIBILITY_MAX = 500


def _strings(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


class FrontmatterFieldShape(Rule):
    id = "FM014"
    name = "frontmatter-field-shape"
    groups = ("spec", "frontmatter")
    severity = Severity.WARNING

    def check(self, skill, ctx):
        data = skill.frontmatter.data
        if not isinstance(data, dict):
            return
        problems = []
        if "compatibility" in data:
            value = data["compatibility"]
            if not isinstance(value, str):
                problems.append(("compatibility", f"`compatibility` must be a string, not a {type(value).__name__}",
                                 None))
            elif len(value) > COMPATIBILITY_MAX:
                problems.append(("compatibility", f"`compatibility` is {len(value)} characters; the limit is "
                                 f"{COMPATIBILITY_MAX}", None))
        if "license" in data and not isinstance(data["license"], str):
            problems.append(("license", "`license` must be a string (a licence name or a bundled file)", None))
        if "allowed-tools" in data:
            value = data["allowed-tools"]
            if _strings(value):
                problems.append(("allowed-tools", "`allowed-tools` is a list; the specification defines a "
                                 "space-separated string", Severity.INFO))
            elif not isinstance(value, str):
                problems.append(("allowed-tools", "`allowed-tools` must be a space-separated string", None))
        for key in ("user-invocable", "disable-model-invocation"):
            if key in data and not isinstance(data[key], bool):
                problems.append((key, f"`{key}` must be true or false", None))
        for key in ("argument-hint", "model"):
            if key in data and not isinstance(data[key], str):
                problems.append((key, f"`{key}` must be a string", None))
        if "metadata" in data:
            problems += [("metadata", message, None) for message in _metadata_problems(data["metadata"])]
        for key, message, severity in problems:
            yield self.report(skill, Span(skill.skill_md_path, skill.frontmatter.line_of(key)), message,
                              severity=severity, hint="see the Agent Skills specification's frontmatter fields")


def _metadata_problems(metadata) -> list[str]:
    if not isinstance(metadata, dict):
        return [f"`metadata` must be a mapping, not a {type(metadata).__name__}"]
    problems = []
    for key, value in metadata.items():
        if str(key) in HUB_METADATA_KEYS:
            problems += _hub_problems(str(key), value)
        elif not isinstance(value, str):
            problems.append(f"`metadata.{key}` must be a string (metadata maps strings to strings), not a "
                            f"{type(value).__name__}")
    return problems


def _hub_problems(hub: str, value) -> list[str]:
    if not isinstance(value, dict):
        return [f"`metadata.{hub}` must be a mapping"]
    problems = []
    requires = value.get("requires", {})
    if not isinstance(requires, dict):
        problems.append(f"`metadata.{hub}.requires` must be a mapping")
        requires = {}
    for field in ("bins", "anyBins", "env", "config"):
        if field in requires and not _strings(requires[field]):
            problems.append(f"`metadata.{hub}.requires.{field}` must be a list of strings")
    if "os" in value and not _strings(value["os"]):
        problems.append(f"`metadata.{hub}.os` must be a list of strings")
    if "install" in value and not (isinstance(value["install"], list)
                                   and all(isinstance(i, dict) for i in value["install"])):
        problems.append(f"`metadata.{hub}.install` must be a list of install entries (mappings)")
    return problems
