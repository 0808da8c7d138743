"""Parquet export of a scan's results (the `hub` extra's pyarrow), so an audit loads in pandas, DuckDB or Spark.

One row per skill: flat columns for what people filter and group by (counts, primitives, dependencies, parallel
kinds, rules hit) and the whole `analyze` object as a JSON string in ``record``. Written in row groups while
results.jsonl is read, so memory stays flat however large the audit.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from .report import primitive_levels, results_file

ROWS_PER_GROUP = 4096


def _schema() -> Any:
    import pyarrow as pa

    return pa.schema([
        ("path", pa.string()), ("name", pa.string()),
        ("errors", pa.int32()), ("warnings", pa.int32()), ("info", pa.int32()),
        ("primitives", pa.list_(pa.struct([("id", pa.string()), ("level", pa.string())]))),
        ("dependencies", pa.list_(pa.struct([("name", pa.string()), ("type", pa.string())]))),
        ("parallelism", pa.list_(pa.string())),
        ("rules", pa.list_(pa.string())),
        ("security_families", pa.list_(pa.string())),
        ("record", pa.string()),
    ])


def _row(line: str) -> dict[str, Any]:
    record = json.loads(line)
    severities = Counter(d["severity"] for d in record.get("diagnostics") or [])
    levels = primitive_levels(record)
    return {"path": record["path"], "name": record.get("name"), "errors": severities["error"],
            "warnings": severities["warning"], "info": severities["info"],
            "primitives": [{"id": k, "level": v} for k, v in sorted(levels.items())],
            "dependencies": [{"name": d["name"], "type": d["type"]} for d in record.get("dependencies") or []],
            "parallelism": sorted({g["type"] for g in (record.get("workflow") or {}).get("parallelism") or []}),
            "rules": sorted({d["rule"] for d in record.get("diagnostics") or []}),
            "security_families": sorted({f["family"] for f in record.get("security") or []}),
            "record": line.rstrip("\n")}


def to_parquet(folder: Path, target: Path) -> int:
    """Write ``folder``/results.jsonl to ``target`` (replaced in one rename); returns the number of rows.
    :class:`skvm_lint.report.ReportError` when the folder holds no results."""
    import os
    import tempfile

    source = results_file(folder)  # before pyarrow: a missing folder is the first thing to say

    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _schema()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(fd)
    rows = 0
    try:
        with pq.ParquetWriter(tmp, schema) as writer, open(source, encoding="utf-8") as fh:
            batch: list[dict[str, Any]] = []
            for line in fh:
                batch.append(_row(line))
                if len(batch) >= ROWS_PER_GROUP:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    rows += len(batch)
                    batch = []
            if batch:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                rows += len(batch)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return rows
