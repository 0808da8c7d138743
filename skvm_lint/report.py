"""The hub audit report: `skvm-lint corpus report DIR` reads a scan's results folder (results.jsonl, library.json,
the scan history in cache.sqlite) and writes a self-contained HTML page with plots (inline SVG from matplotlib, no
network assets) and/or a Markdown summary with the same numbers.

Aggregation streams results.jsonl one record at a time: a 100k-skill audit is counters, not a list of records.
"""

from __future__ import annotations

import html
import io
import json
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

from msgspec import Struct, field

LEVELS = ("L1", "L2", "L3")
TOP = 15


class ReportError(Exception):
    """The results folder cannot be reported on (missing or unreadable files); the message says what to do."""


class Audit(Struct):
    skills: int = 0
    primitives: Counter = field(default_factory=Counter)  # (primitive, level) -> skills
    dependency_kinds: Counter = field(default_factory=Counter)  # type -> skills needing one
    dependencies: Counter = field(default_factory=Counter)  # "type: name" -> skills
    with_parallelism: int = 0
    parallelism: Counter = field(default_factory=Counter)  # dlp/ilp/tlp -> skills
    rule_hits: Counter = field(default_factory=Counter)  # rule -> skills with at least one finding
    rule_names: dict[str, str] = field(default_factory=dict)
    severities: Counter = field(default_factory=Counter)
    offenders: list[tuple[int, int, str]] = field(default_factory=list)  # (errors, warnings, path), worst first
    security: Counter = field(default_factory=Counter)  # (family, severity) -> findings
    security_skills: Counter = field(default_factory=Counter)  # family -> skills
    frontmatter_ok: int = 0
    library: dict[str, Any] = field(default_factory=dict)
    scans: list[dict[str, Any]] = field(default_factory=list)


def results_file(folder: Path) -> Path:
    """``folder``/results.jsonl, or :class:`ReportError` saying how to make it."""
    results = folder / "results.jsonl"
    if not results.is_file():
        raise ReportError(f"{results} does not exist: run `skvm-lint corpus scan ROOT --out {folder}` first")
    return results


def primitive_levels(record: dict[str, Any]) -> dict[str, str]:
    """The highest level demanded of each primitive over a result record's purposes (SkVM's shape)."""
    levels: dict[str, str] = {}
    for purpose in (record.get("capabilities") or {}).get("purposes", []):
        for primitive in purpose["current_path"]["primitives"]:
            levels[primitive["id"]] = max(levels.get(primitive["id"], "L0"), primitive["min_level"])
    return levels


def collect(folder: Path) -> Audit:
    """Aggregate a results folder; raises :class:`ReportError` with advice when it is not one."""
    results = results_file(folder)
    audit = Audit()
    with open(results, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            try:
                _add(audit, json.loads(line))
            except (ValueError, KeyError, TypeError, AttributeError) as exc:
                raise ReportError(f"{results}:{number}: not a skvm-lint result record ({exc}); re-run the scan "
                                  "into a fresh folder") from None
    library = folder / "library.json"
    if library.is_file():
        audit.library = json.loads(library.read_text(encoding="utf-8"))
    database = folder / "cache.sqlite"
    if database.is_file():
        db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE name = 'scans'").fetchone()
            audit.scans = json.loads(row[0]) if row else []
        except sqlite3.Error:
            pass
        finally:
            db.close()
    return audit


def _add(audit: Audit, record: dict[str, Any]) -> None:
    audit.skills += 1
    audit.primitives.update(primitive_levels(record).items())
    deps = record.get("dependencies") or []
    audit.dependency_kinds.update({d["type"] for d in deps})
    audit.dependencies.update({f"{d['type']}: {d['name']}" for d in deps})
    groups = (record.get("workflow") or {}).get("parallelism") or []
    audit.with_parallelism += bool(groups)
    audit.parallelism.update({g["type"] for g in groups})
    diagnostics = record.get("diagnostics") or []
    audit.rule_hits.update({d["rule"] for d in diagnostics})
    for d in diagnostics:
        audit.rule_names.setdefault(d["rule"], d.get("name", ""))
    counts = Counter(d["severity"] for d in diagnostics)
    audit.severities.update(counts)
    audit.frontmatter_ok += not any(d["rule"].startswith("FM") and d["severity"] == "error" for d in diagnostics)
    if counts["error"] or counts["warning"]:
        audit.offenders.append((counts["error"], counts["warning"], record["path"]))
        audit.offenders.sort(key=lambda o: (-o[0], -o[1], o[2]))
        del audit.offenders[10:]
    findings = record.get("security") or []
    audit.security.update((f["family"], f["severity"]) for f in findings)
    audit.security_skills.update({f["family"] for f in findings})


# --- plots ----------------------------------------------------------------------------------------------------


def _svg(draw, height: float) -> str:
    """An inline SVG of a matplotlib figure drawn by ``draw(axes)``; text stays text, output is deterministic."""
    import matplotlib

    matplotlib.use("svg", force=False)
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "skvm-lint", "font.size": 9}):
        figure = Figure(figsize=(8, height), layout="constrained")
        draw(figure.add_subplot())
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": "skvm-lint"})
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def _bars(labels: list[str], values: list[float], xlabel: str, *, percent: bool = False) -> str:
    def draw(ax):
        positions = range(len(labels))
        ax.barh(positions, values, color="#3b6ea8")
        ax.set_yticks(list(positions), labels)
        ax.invert_yaxis()
        ax.set_xlabel(xlabel)
        for y, v in zip(positions, values):
            ax.text(v, y, f" {v:.0%}" if percent else f" {v:,.0f}", va="center")
        if percent:
            ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
        ax.spines[["top", "right"]].set_visible(False)
    return _svg(draw, 0.6 + 0.25 * max(1, len(labels)))


def _stacked(labels: list[str], series: dict[str, list[int]], xlabel: str) -> str:
    colours = {"L1": "#9cc3e6", "L2": "#3b6ea8", "L3": "#1b2f52", "error": "#b8322a", "warning": "#e0a030",
               "info": "#8aa0b8"}

    def draw(ax):
        positions = list(range(len(labels)))
        left = [0] * len(labels)
        for name, values in series.items():
            ax.barh(positions, values, left=left, label=name, color=colours.get(name))
            left = [a + b for a, b in zip(left, values)]
        ax.set_yticks(positions, labels)
        ax.invert_yaxis()
        ax.set_xlabel(xlabel)
        ax.legend(loc="lower right", frameon=False)
        ax.spines[["top", "right"]].set_visible(False)
    return _svg(draw, 0.6 + 0.25 * max(1, len(labels)))


# --- sections ---------------------------------------------------------------------------------------------------


def sections(audit: Audit) -> list[dict[str, Any]]:
    """The report's sections: ``{id, title, text, plot (callable or None), table (header, rows)}``."""
    n = max(1, audit.skills)
    out: list[dict[str, Any]] = []
    primitives = sorted({p for p, _ in audit.primitives}, key=lambda p: -sum(audit.primitives[p, lv] for lv in LEVELS))
    out.append({"id": "capabilities", "title": "Required primitive capabilities",
                "text": f"Skills demanding each of SkVM's primitives, by the highest level demanded ({audit.skills:,} "
                        "skills).",
                "plot": lambda: _stacked(primitives, {lv: [audit.primitives[p, lv] for p in primitives]
                                                      for lv in LEVELS}, "skills"),
                "table": (["primitive", *LEVELS], [[p, *(audit.primitives[p, lv] for lv in LEVELS)]
                                                   for p in primitives])})
    kinds = audit.dependency_kinds.most_common()
    top = audit.dependencies.most_common(TOP)
    out.append({"id": "dependencies", "title": "Dependencies",
                "text": "Skills needing at least one dependency of each kind, and the most common packages, tools "
                        "and services.",
                "plot": lambda: _bars([k for k, _ in kinds], [v for _, v in kinds], "skills")
                + _bars([k for k, _ in top], [v for _, v in top], "skills"),
                "table": (["dependency", "skills"], [[k, v] for k, v in top])})
    share = audit.with_parallelism / n
    kinds_p = [(k, audit.parallelism[k] / n) for k in ("dlp", "ilp", "tlp")]
    out.append({"id": "parallelism", "title": "Extractable parallelism",
                "text": f"{share:.0%} of skills have at least one group of steps that could run in parallel "
                        "(dlp: one operation over many items; ilp: independent tool calls in one turn; tlp: "
                        "independent sub-tasks for sub-agents).",
                "plot": lambda: _bars(["any", *(k for k, _ in kinds_p)], [share, *(v for _, v in kinds_p)],
                                      "share of skills", percent=True),
                "table": (["kind", "share of skills"], [["any", f"{share:.1%}"],
                                                        *([k, f"{v:.1%}"] for k, v in kinds_p)])})
    hits = audit.rule_hits.most_common(20)
    out.append({"id": "rules", "title": "Rule hit rates",
                "text": f"Share of skills with at least one finding of each rule (the 20 most frequent). Findings: "
                        f"{audit.severities['error']:,} errors, {audit.severities['warning']:,} warnings, "
                        f"{audit.severities['info']:,} info.",
                "plot": lambda: _bars([f"{r} {audit.rule_names.get(r, '')}" for r, _ in hits],
                                      [v / n for _, v in hits], "share of skills", percent=True),
                "table": (["rule", "skills", "share"], [[f"{r} {audit.rule_names.get(r, '')}", v, f"{v / n:.1%}"]
                                                        for r, v in hits])})
    out.append({"id": "offenders", "title": "Worst offenders", "text": "Skills with the most errors, then warnings.",
                "plot": None, "table": (["skill", "errors", "warnings"], [[p, e, w] for e, w, p in audit.offenders])})
    families = sorted(audit.security_skills, key=lambda f: -audit.security_skills[f])
    out.append({"id": "security", "title": "Security findings by family",
                "text": "Findings by family and severity (a finding in documentation or an example counts as info).",
                "plot": (lambda: _stacked(families, {s: [audit.security[f, s] for f in families]
                                                      for s in ("error", "warning", "info")}, "findings"))
                if families else None,
                "table": (["family", "skills", "errors", "warnings", "info"],
                          [[f, audit.security_skills[f], *(audit.security[f, s] for s in ("error", "warning", "info"))]
                           for f in families])})
    frontmatter = [(r, v) for r, v in audit.rule_hits.most_common() if r.startswith("FM")][:TOP]
    out.append({"id": "frontmatter", "title": "Frontmatter health",
                "text": f"{audit.frontmatter_ok / n:.0%} of skills have frontmatter without errors. Most frequent "
                        "frontmatter findings:",
                "plot": (lambda: _bars([f"{r} {audit.rule_names.get(r, '')}" for r, _ in frontmatter],
                                       [v / n for _, v in frontmatter], "share of skills", percent=True))
                if frontmatter else None,
                "table": (["rule", "skills"], [[f"{r} {audit.rule_names.get(r, '')}", v] for r, v in frontmatter])})
    lib = audit.library
    if lib:
        context = lib.get("context", {})
        clusters = [["shadowing", c["score"], ", ".join(c["paths"])] for c in lib.get("shadowing", [])[:10]]
        clusters += [["near copies", c["similarity"], ", ".join(c["paths"])] for c in lib.get("near_duplicates",
                                                                                                [])[:10]]
        clusters += [["same name", "", f"{g['name']}: " + ", ".join(g["paths"])]
                     for g in lib.get("duplicate_names", [])[:10]]
        sizes = [len(c["paths"]) for c in lib.get("shadowing", [])]
        out.append({"id": "library", "title": "Duplicates and shadowing",
                    "text": f"{len(lib.get('duplicate_names', [])):,} names used more than once; "
                            f"{len(lib.get('near_duplicates', [])):,} clusters of near copies; "
                            f"{len(lib.get('shadowing', [])):,} clusters of descriptions alike enough to pick the "
                            f"wrong skill. Listing every name and description costs {context.get('chars', 0):,} "
                            f"characters (about {context.get('tokens', 0):,} tokens).",
                    "plot": (lambda: _bars([f"{k} skills" for k in sorted(Counter(sizes))],
                                           [Counter(sizes)[k] for k in sorted(Counter(sizes))],
                                           "shadowing clusters")) if sizes else None,
                    "table": (["cluster", "score", "skills"], clusters)})
    if audit.scans:
        recent = audit.scans[-10:]
        out.append({"id": "throughput", "title": "Scan throughput",
                    "text": "The most recent scans into this folder: skills per second over the whole run, with "
                            "how many skills were analysed and how many came from the cache.",
                    "plot": lambda: _bars([s["finished"] for s in recent],
                                          [s["skills"] / max(s["seconds"], 1e-9) for s in recent], "skills/s"),
                    "table": (["finished", "skills", "analysed", "cached", "seconds", "skills/s"],
                              [[s["finished"], s["skills"], s["analysed"], s["cached"], f"{s['seconds']:.1f}",
                                f"{s['skills'] / max(s['seconds'], 1e-9):,.0f}"] for s in recent])})
    return out


def render_html(audit: Audit, title: str) -> str:
    parts = [f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{html.escape(title)}</title>",
             f"<style>{CSS}</style></head><body><h1>{html.escape(title)}</h1><nav>"]
    found = sections(audit)
    parts.append(" · ".join(f"<a href='#{s['id']}'>{html.escape(s['title'])}</a>" for s in found) + "</nav>")
    for s in found:
        parts.append(f"<section id='{s['id']}'><h2>{html.escape(s['title'])}</h2><p>{html.escape(s['text'])}</p>")
        if s["plot"] is not None:
            parts.append(f"<figure class=plot>{s['plot']()}</figure>")
        header, rows = s["table"]
        if rows:
            opened = " open" if s["plot"] is None else ""
            parts.append(f"<details{opened}><summary>table</summary><table><tr>" + "".join(
                f"<th>{html.escape(str(h))}</th>" for h in header) + "</tr>" + "".join(
                "<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
                + "</table></details>")
        parts.append("</section>")
    parts.append("</body></html>\n")
    return "".join(parts)


def render_md(audit: Audit, title: str) -> str:
    lines = [f"# {title}", ""]
    for s in sections(audit):
        lines += [f"## {s['title']}", "", s["text"], ""]
        header, rows = s["table"]
        if rows:
            lines.append("| " + " | ".join(map(str, header)) + " |")
            lines.append("|" + "---|" * len(header))
            lines += ["| " + " | ".join(str(c).replace("|", "\\|") for c in row) + " |" for row in rows]
            lines.append("")
    return "\n".join(lines)


CSS = """body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1c2330}
nav{font-size:.9em;margin-bottom:1.5rem}section{margin:2rem 0}figure.plot{margin:0}figure.plot svg{max-width:100%;
height:auto}table{border-collapse:collapse;font-size:.85em}td,th{border-bottom:1px solid #ddd;padding:.2rem .6rem;
text-align:left;vertical-align:top}summary{cursor:pointer;color:#3b6ea8}"""
