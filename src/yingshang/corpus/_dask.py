"""The corpus on Dask: a `dask.bag` over the files, each partition writing its own Parquet part.

The work per file is the local engine's (`_read_one`, with the same cache); only who runs it
changes. Files are hashed first (a cheap pass, also on the cluster) so that duplicates are
read once, then each partition parses its files and writes ``OUT/<table>/part-<n>.parquet``.
Workers of a ``dask.distributed`` cluster must see the files and `OUT` at the same paths (a
shared file system).
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import Summary, _hash, _merge, _read_one, _summary, _unique, _write_summary
from ._store import clear, require, write_parts
from ._tables import TABLES, Rows

__all__ = ["run_dask"]


def _write_partition(
    outcomes: list[dict[str, Any]], out: str, part: int, duplicates: list[dict[str, Any]]
) -> dict[str, Any]:
    rows = _merge(outcomes)
    rows["files"].extend(duplicates)
    rows["files"].sort(key=lambda row: row["path"])
    write_parts(Path(out), rows, part)
    # Only what the summary needs travels back to the client, not the rows.
    return {
        "files": rows["files"],
        "plans": len(rows["plans"]),
        "actions": len(rows["actions"]),
        "targets": len(rows["targets"]),
        "cached": sum(bool(o["cached"]) and not o["error"] for o in outcomes),
    }


def run_dask(
    files: Sequence[Path],
    out: Path,
    cache: str | None,
    scheduler: Any,
    partitions: int | None,
    start: float,
    limits: Any = None,
    strict: bool = False,
) -> Summary:
    """Read `files` on Dask and write the corpus's Parquet tables to `out`; see `build`."""
    bag = require("dask.bag", "dask")
    dask = require("dask", "dask")
    count = partitions or max(1, min(len(files), 64))
    compute: dict[str, Any] = {} if scheduler is None else {"scheduler": scheduler}
    hashed = bag.from_sequence(list(files), npartitions=count).map(_hash)
    (hashed_files,) = dask.compute(hashed, **compute)
    unique, duplicates = _unique(hashed_files)
    parsed = bag.from_sequence(unique, npartitions=min(count, max(1, len(unique)))).map(
        _read_one, cache, limits, strict
    )
    clear(out)
    writes = [
        dask.delayed(_write_partition)(partition, str(out), index, duplicates if index == 0 else [])
        for index, partition in enumerate(parsed.to_delayed())
    ]
    results = dask.compute(*writes, **compute)
    files_rows = sorted((row for r in results for row in r["files"]), key=lambda row: row["path"])
    rows: Rows = {table: [] for table in TABLES}
    rows["files"] = files_rows
    summary = _summary(out, rows, [], start, 0, "dask")
    summary = Summary(
        out=summary.out,
        files=summary.files,
        plans=sum(r["plans"] for r in results),
        failed=summary.failed,
        duplicates=summary.duplicates,
        cached=sum(r["cached"] for r in results),
        actions=sum(r["actions"] for r in results),
        targets=sum(r["targets"] for r in results),
        seconds=time.perf_counter() - start,
        jobs=len(writes),
        engine="dask",
        failures=summary.failures,
    )
    _write_summary(out, summary)
    return summary
