"""What a check produces: the result of one skill and of a run. Reporters, the hub scanner and library users read
these types and nothing of the pipeline that made them."""

from __future__ import annotations

from typing import Any

from msgspec import Struct, field

from .diagnostics import Diagnostic, Severity


class SkillResult(Struct):
    root: str
    name: str | None
    diagnostics: list[Diagnostic]
    analysis: dict[str, Any] | None = None
    fingerprint: Any = None  # skvm_lint.library.Fingerprint, for library rules over a hub scan


class RunResult(Struct):
    skills: list[SkillResult] = field(default_factory=list)
    baseline_accepted: int = 0

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for s in self.skills for d in s.diagnostics]

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity == severity)

    def exit_code(self, fail_on: Severity) -> int:
        return 1 if any(d.severity >= fail_on for d in self.diagnostics) else 0



def analysis_object(result: SkillResult) -> dict[str, Any]:
    """The per-skill object of ``skvm-lint analyze --format json``, assembled from a :class:`SkillResult`."""
    analysis = dict(result.analysis or {})
    obj: dict[str, Any] = {"path": result.root, "name": analysis.pop("name", result.name)}
    obj.update(analysis)
    obj["diagnostics"] = [d.to_dict() for d in result.diagnostics]
    return obj
