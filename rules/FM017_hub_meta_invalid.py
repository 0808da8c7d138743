"""The hub's `_meta.json` beside SKILL.md is malformed or disagrees with the skill.

## What it does
Where a skill carries ClawHub's `_meta.json`, checks that it is a JSON object, that `slug` (when present) equals
the folder name, and that `latest.version` (when present) is a version string such as `1.2.0`.

## Why it matters
Hub clients install and update by slug and version from this file. A slug that differs from the folder installs
the skill under another name than the one it was reviewed under; a broken file stops updates.

## Example
```json
{"owner": "ada", "slug": "pdf-tool", "latest": {"version": 3}}
```
(in a folder named `pdf-tools`)

## Fix
Regenerate `_meta.json` with the hub's CLI, or correct `slug` and `latest.version`.
"""


from skvm_lint.diagnostics import Severity
from skvm_lint.lazy_re import lazy
from skvm_lint.rule import Rule

VERSION = lazy(r"^\d+(\.\d+){0,3}([-+][\w.]+)?$")


class HubMetaInvalid(Rule):
    id = "FM017"
    name = "hub-meta-invalid"
    groups = ("frontmatter", "hub")
    severity = Severity.WARNING

    def check(self, skill, ctx):
        meta = skill.file("_meta.json")
        if meta is None or meta.text is None:
            return
        data, error = meta.parsed()
        if error:
            yield self.report(skill, meta.path, f"`_meta.json` is not valid JSON ({error})",
                              hint="regenerate it with the hub's CLI")
            return
        if not isinstance(data, dict):
            yield self.report(skill, meta.path, "`_meta.json` must be a JSON object")
            return
        slug = data.get("slug")
        if slug is not None and slug != skill.folder_name:
            yield self.report(skill, meta.path, f"`_meta.json` slug {slug!r} differs from the folder name "
                              f"{skill.folder_name!r}", hint="make them equal")
        latest = data.get("latest")
        version = latest.get("version") if isinstance(latest, dict) else None
        if version is not None and not (isinstance(version, str) and VERSION.match(version)):
            yield self.report(skill, meta.path, f"`_meta.json` latest.version {version!r} is not a version string",
                              hint='write it like "1.2.0"')
