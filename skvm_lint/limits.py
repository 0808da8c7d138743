"""Resource limits for reading hostile input. Every limit is configurable and every hit is reported."""

from __future__ import annotations

import msgspec.structs
from msgspec import Struct


class Limits(Struct, frozen=True):
    max_file_bytes: int = 8 * 1024 * 1024  # bytes read from one file; the rest is reported, not read
    max_skill_bytes: int = 64 * 1024 * 1024  # bytes read from one skill in total
    max_files: int = 10_000  # files per skill
    max_depth: int = 32  # folder depth inside a skill
    max_yaml_aliases: int = 64  # anchors/aliases in frontmatter (billion-laughs guard)
    max_yaml_depth: int = 64  # nesting of frontmatter collections
    max_frontmatter_bytes: int = 256 * 1024
    max_markdown_nesting: int = 64  # list/blockquote nesting kept; deeper is flattened and reported
    parse_timeout_ms: int = 2_000  # tree-sitter time per file
    max_archive_members: int = 10_000  # members listed per archive (archives are inspected, never extracted)
    max_archive_ratio: int = 100  # declared uncompressed size / compressed size before it counts as a bomb

    @classmethod
    def from_mapping(cls, values: dict[str, object]) -> "Limits":
        """Build from a config table using kebab-case or snake_case keys; unknown keys raise ValueError."""
        known = {f.name for f in msgspec.structs.fields(cls)}
        kwargs: dict[str, int] = {}
        for key, value in values.items():
            name = key.replace("-", "_")
            if name not in known:
                raise ValueError(f"unknown limit {key!r}; known limits: {', '.join(sorted(known))}")
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ValueError(f"limit {key!r} must be a positive integer, got {value!r}")
            kwargs[name] = value
        return cls(**kwargs)
