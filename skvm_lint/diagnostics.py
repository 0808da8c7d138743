"""Diagnostics and fixes: what rules produce and reporters print."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Callable

from msgspec import Struct

from .escape import printable


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r}; use one of: error, warning, info") from None

    def __str__(self) -> str:
        return self.name.lower()


class Applicability(str, enum.Enum):
    """How far a fix can be trusted, as ruff has it: ``--fix`` applies safe fixes, ``--unsafe-fixes`` adds unsafe
    ones (they may change meaning), display-only fixes are shown (``--diff``) and never applied."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"

    def __str__(self) -> str:
        return self.value


class Replace(Struct, frozen=True):
    """Replace ``[start, end)`` (character offsets) of ``file`` (relative to the skill root) with ``text``."""

    file: str
    start: int
    end: int
    text: str


class Rename(Struct, frozen=True):
    """Rename ``file`` to ``to`` (both relative to the skill root); skipped when ``to`` exists."""

    file: str
    to: str


class Create(Struct, frozen=True):
    """Write a new file; skipped, with the rest of its fix, when the file already exists."""

    file: str
    text: str


Edit = Replace | Rename | Create


class FixUnavailable(Exception):
    """A fix could not be built when it was applied; ``install`` names the optional extra it needs, if that is why."""

    def __init__(self, reason: str, install: str | None = None) -> None:
        super().__init__(reason)
        self.install = install


@dataclass(frozen=True, slots=True)
class Fix:
    description: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    # Builds the edits when the fix is applied, for a fix that needs real work or an optional extra (extracting
    # Python with libcst): checking never pays for it. Raises FixUnavailable when it cannot be built.
    build: Callable[[], tuple[Edit, ...]] | None = field(default=None, compare=False, repr=False)

    @property
    def safe(self) -> bool:
        return self.applicability is Applicability.SAFE

    def resolved(self) -> "Fix":
        """This fix with its edits built (itself when they are given)."""
        if self.build is None:
            return self
        return Fix(self.description, self.build(), self.applicability)

    def portable(self) -> "Fix":
        """Without the builder (which holds the skill's model): what a worker sends back to report the fix."""
        return self if self.build is None else Fix(self.description, self.edits, self.applicability)


class Diagnostic(Struct):
    rule: str  # stable id, e.g. FM004
    name: str  # short name, e.g. name-missing
    severity: Severity
    message: str
    skill: str  # the skill root as the user named it
    file: str  # relative to the skill root
    line: int = 1
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    hint: str | None = None
    fix: Fix | None = None
    source_line: str = ""  # the text of the line, for baselines

    @property
    def path(self) -> str:
        """The file as a path the user can open (skill root joined with the relative file)."""
        if self.file in ("", "."):
            return printable(self.skill)
        root = self.skill.rstrip("/")
        return printable(f"{root}/{self.file}" if root else self.file)

    def shown_in(self, skill_md: str | None) -> str:
        """The file the finding is shown in: its own, or SKILL.md for a finding about the whole skill (file ".")."""
        return self.file if self.file not in ("", ".") else (skill_md or "SKILL.md")

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)

    def to_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "name": self.name,
            "severity": str(self.severity),
            "message": self.message,
            "hint": self.hint,
            "skill": printable(self.skill),
            "path": self.path,
            "file": printable(self.file),
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "fix": None if self.fix is None else {"description": self.fix.description, "safe": self.fix.safe},
        }
