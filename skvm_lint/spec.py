"""Facts of the Agent Skills specification that several rules share."""

from __future__ import annotations

import re

# Archives a hub may hold skills in (one skill per archive, read in memory, never extracted).
SKILL_ARCHIVES = (".skill", ".zip", ".tar.gz", ".tgz", ".tar")

NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
NAME_MAX = 64
DESCRIPTION_MAX = 1024
# The frontmatter keys the specification defines, and keys that known clients and hubs add.
SPEC_KEYS = frozenset({"name", "description", "license", "compatibility", "allowed-tools", "metadata"})
EXTENSION_KEYS = frozenset({"user-invocable", "disable-model-invocation", "argument-hint", "model", "version", "tags",
                            "author", "homepage", "openclaw", "clawdbot", "moltbot", "clawdis"})


def kebab_case(text: str) -> str:
    """``text`` in the shape a skill name takes, lowercase words joined by hyphens, as a hub makes a name of a
    title ("OpenClaw Multi-Agent System" is `openclaw-multi-agent-system`); empty when no letter or digit is left."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def name_problem(name: str) -> str | None:
    """Why ``name`` is not a valid skill name, or None when it is."""
    if not name:
        return "is empty"
    if len(name) > NAME_MAX:
        return f"is {len(name)} characters; the limit is {NAME_MAX}"
    if NAME.match(name):
        return None
    if NAME.match(name.lower()):
        return "has capital letters"
    if name.startswith("-") or name.endswith("-"):
        return "starts or ends with a hyphen"
    if "--" in name:
        return "has a doubled hyphen"
    return "has characters other than lowercase letters, digits and hyphens"
