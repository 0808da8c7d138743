"""Registry copies: hubs that republish skills under a folder named after their origin (``owner--repo--name/``)
with a README naming the upstream. Such a copy is named by its last part, and the files it did not copy are a
property of the copy, not mistakes of the skill.

The layout is configurable (``registry-layout`` in the config): placeholders ``{owner}``, ``{repo}`` and ``{name}``
separated by literal text. A folder matches only when the skill's README names ``owner/repo`` too, so a folder name
that merely contains ``--`` is not taken for a copy.
"""

from __future__ import annotations

import re
from functools import lru_cache

from msgspec import Struct

from ..model import Skill

DEFAULT_LAYOUT = "{owner}--{repo}--{name}"


class RegistryCopy(Struct, frozen=True):
    owner: str
    repo: str
    name: str  # the skill's own name, as upstream has it

    @property
    def upstream(self) -> str:
        return f"{self.owner}/{self.repo}"


@lru_cache(maxsize=16)
def _pattern(layout: str) -> re.Pattern[str]:
    parts = re.split(r"(\{owner\}|\{repo\}|\{name\})", layout)
    regex = "".join({"{owner}": r"(?P<owner>[\w.-]+?)", "{repo}": r"(?P<repo>[\w.-]+?)",
                     "{name}": r"(?P<name>[\w.-]+)"}.get(p, re.escape(p)) for p in parts)
    return re.compile(f"^{regex}$")


def registry_copy(skill: Skill, layout: str = DEFAULT_LAYOUT) -> RegistryCopy | None:
    """The origin of a registry copy, or None when the skill is not one."""
    m = _pattern(layout).match(skill.folder_name)
    if m is None or not all(m.groupdict().get(k) for k in ("owner", "repo", "name")):
        return None
    copy = RegistryCopy(m["owner"], m["repo"], m["name"])
    readmes = [f for f in skill.files if f.text is not None and f.path.lower().rsplit("/", 1)[-1].startswith("readme")]
    if not any(copy.upstream.lower() in f.text.lower() for f in readmes):
        return None
    return copy
