"""Which rules run, and which findings are dropped where: one :class:`Selection` from config and command line.

A selector is a rule id (``FM004``), a prefix (``FM``), a short name (``name-missing``), a group (``security``) or
``ALL``; :func:`matches` is the one place that decides whether a selector names a rule, for ``--select``,
``--ignore``, ``--extend-select``, ``per-path-ignores`` and inline suppressions alike.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import Any, Iterable

from msgspec import Struct

from .config import Config
from .diagnostics import Diagnostic
from .rule import Rule, RuleEntry, check_rule_options, rule_by_id, rule_entry, rule_index

ALL = "ALL"


def _names(rule_id: str, name: str, groups: tuple[str, ...], selector: str) -> bool:
    """Whether ``selector`` names a rule: ``ALL``, its id, a prefix of two letters or more, its name or a group."""
    sel = selector.strip()
    return (sel.upper() == ALL or rule_id == sel.upper() or name == sel.lower()
            or sel.lower() in groups or (len(sel) >= 2 and rule_id.startswith(sel.upper())))


def matches(rule: type[Rule] | RuleEntry, selector: str) -> bool:
    return _names(rule.id, rule.name, rule.groups, selector)


def matches_finding(diag: Diagnostic, selector: str) -> bool:
    """:func:`matches` for a finding (its rule's groups looked up; IN001 and other built-ins have none)."""
    rule = rule_entry(diag.rule)
    return _names(diag.rule, diag.name, rule.groups if rule is not None else (), selector)


def check_selectors(selectors: Iterable[str], where: str = "") -> None:
    """Raise ValueError naming the first selector that matches no rule (and ``where`` it was written)."""
    rules = rule_index()
    for sel in selectors:
        if not any(matches(r, sel) for r in rules):
            place = f"{where}: " if where else ""
            raise ValueError(f"{place}unknown rule, prefix or group {sel!r}; `skvm-lint rules` lists them")


class Selection(Struct, frozen=True):
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    base: Path | None = None  # the folder per-path patterns are relative to (the config file's)
    rule_options: tuple[tuple[str, Any], ...] = ()  # [rules.<ID>] tables, validated against the rules' options

    @classmethod
    def from_config(cls, config: Config) -> "Selection":
        return cls(config.select, config.ignore, config.extend_select, config.per_path_ignores,
                   config.source.parent if config.source is not None else None, tuple(config.rule_options.items()))

    def validate(self) -> None:
        """Every selector names at least one rule and every rule option is declared with that type; ValueError says
        which one is wrong, and where it stands."""
        check_selectors([*self.select, *self.ignore, *self.extend_select])
        for pattern, selectors in self.per_path_ignores:
            check_selectors(selectors, f"per-path-ignores {pattern!r}")
        check_rule_options(dict(self.rule_options))

    def rules(self) -> list[type[Rule]]:
        """The selected rules, by id, imported. With no ``select``, the on-by-default rules; opt-in ones only when
        named."""
        return [rule for rule_id in self.rule_ids() if (rule := rule_by_id(rule_id)) is not None]

    def rule_ids(self) -> tuple[str, ...]:
        """The ids of :meth:`rules`, read from the rule index: no rule is imported to know them."""
        self.validate()
        chosen: list[str] = []
        for rule in rule_index():
            wanted = any(matches(rule, s) for s in self.select) if self.select else rule.default_enabled
            wanted = wanted or any(matches(rule, s) for s in self.extend_select)
            if wanted and not any(matches(rule, s) for s in self.ignore):
                chosen.append(rule.id)
        return tuple(chosen)

    def ignored_at(self, diag: Diagnostic) -> bool:
        """Whether a per-path ignore drops this finding (patterns relative to the config file's folder)."""
        if not self.per_path_ignores:
            return False
        base = self.base if self.base is not None else Path.cwd()
        path = os.path.relpath(os.path.abspath(diag.path), base).replace(os.sep, "/")
        return any(matches_finding(diag, sel)
                   for pattern, selectors in self.per_path_ignores
                   if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(path, pattern.rstrip("/") + "/*")
                   for sel in selectors)


def select_rules(select: Iterable[str] | None = None, ignore: Iterable[str] = (),
                 extend_select: Iterable[str] = ()) -> list[type[Rule]]:
    """The rules these selectors choose (see :meth:`Selection.rules`)."""
    return Selection(tuple(select or ()), tuple(ignore), tuple(extend_select)).rules()
