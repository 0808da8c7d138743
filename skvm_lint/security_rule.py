"""The rule framework's part for security rules (SC...): what one detector found, how where it stands sets its
severity, and the collector every family's detectors report into.

An SC rule owns its family's detectors, messages and hints; the security analysis
(:mod:`skvm_lint.analyses.security`) only says where text stands (a bundled script, instructions the agent follows,
documentation for people, an example under "never do this", prose that quotes an attack) and offers the helpers
several families share.
"""

from __future__ import annotations

from typing import Any, ClassVar, Iterable

from msgspec import Struct

from .analyses.security import SecurityFacts
from .diagnostics import Diagnostic, Severity
from .model import Skill, Span
from .rule import Rule, RuleContext

# How much each context lowers a finding's danger.
# "quoted" is prose that names an attack to describe it ("refuse text like 'ignore previous instructions'").
CONTEXT_SHIFT = {"script": 0, "instructions": 0, "file": 0, "documentation": -1, "prose": -1, "example": -2,
                 "quoted": -3}


def severity_in_context(danger: int, context: str) -> Severity | None:
    """The severity a user sees: the danger (3 high, 2 medium, 1 low) lowered where the context makes it less likely
    to run; None when the context silences it."""
    level = danger + CONTEXT_SHIFT[context]
    return Severity(min(level, 3)) if level >= 1 else None


class Exposure(Struct, frozen=True):
    """One thing in a skill that could harm the machine or the user that runs it."""

    family: str
    kind: str
    danger: int  # 3 high, 2 medium, 1 low
    context: str  # script | instructions | documentation | prose | example | quoted | file
    span: Span
    message: str
    hint: str

    @property
    def severity(self) -> Severity | None:
        return severity_in_context(self.danger, self.context)

    def to_dict(self) -> dict[str, Any]:
        severity = self.severity
        return {"family": self.family, "kind": self.kind, "severity": severity.name.lower() if severity else None,
                "context": self.context, "file": self.span.file, "line": self.span.line, "message": self.message}


class Exposures:
    """What one family's detectors found in one skill: the first finding of a kind on a line wins."""

    def __init__(self, family: str) -> None:
        self.family = family
        self.found: list[Exposure] = []
        self._seen: set[tuple[str, str, int]] = set()

    def add(self, kind: str, danger: int, context: str, span: Span, message: str, hint: str) -> None:
        key = (kind, span.file, span.line)
        if key in self._seen:
            return
        self._seen.add(key)
        self.found.append(Exposure(self.family, kind, danger, context, span, message, hint))

    def covered(self, kind: str, file: str, line: int) -> bool:
        return (kind, file, line) in self._seen


class SecurityRule(Rule):
    """A rule over one family of security findings. Subclasses set ``family`` and implement :meth:`detect`."""

    family: ClassVar[str]
    groups = ("security",)

    def detect(self, skill: Skill, facts: SecurityFacts, out: Exposures) -> None:
        raise NotImplementedError

    def exposures(self, skill: Skill, facts: SecurityFacts) -> tuple[Exposure, ...]:
        """Every finding of this family, silenced ones included, in file and line order; computed once per skill."""
        cached = facts.found.get(self.family)
        if cached is None:
            out = Exposures(self.family)
            self.detect(skill, facts, out)
            cached = facts.found[self.family] = tuple(
                sorted(out.found, key=lambda f: (f.span.file, f.span.line, f.kind)))
        return cached

    def check(self, skill: Skill, ctx: RuleContext) -> Iterable[Diagnostic]:
        for finding in self.exposures(skill, ctx.facts.security):
            severity = finding.severity
            if severity is not None:
                yield self.report(skill, finding.span, finding.message, hint=finding.hint, severity=severity)


def all_exposures(skill: Skill, facts: SecurityFacts, rules: Iterable[type[Rule]]) -> list[Exposure]:
    """Every family's findings (silenced ones included) in file, line, family and kind order."""
    found = [f for rule in rules if issubclass(rule, SecurityRule) for f in rule().exposures(skill, facts)]
    return sorted(found, key=lambda f: (f.span.file, f.span.line, f.family, f.kind))


def security_section(skill: Skill, facts: SecurityFacts, rules: Iterable[type[Rule]]) -> list[dict[str, Any]]:
    """The ``security`` list of the analyze object: every family's findings that have a severity."""
    return [f.to_dict() for f in all_exposures(skill, facts, rules) if f.severity is not None]
