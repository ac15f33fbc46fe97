"""Where a corpus lives on disk: the content-hash cache and the dataset's Parquet and JSON Lines.

The layout of an output directory ``OUT``::

    OUT/plans/part-00000.parquet     one directory of Parquet parts per table
    OUT/plans.jsonl                  the same rows as JSON Lines (the local engine)
    OUT/summary.json                 what the run read
    OUT/.cache/<code>/<sha256>.json  each file's rows, by the hash of its bytes

A table's parts are read as one table: ``'OUT/plans/*.parquet'`` in DuckDB,
``pandas.read_parquet('OUT/plans')``, ``polars.read_parquet('OUT/plans/*.parquet')``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from ..errors import MissingDependencyError
from ._tables import (
    COLUMNS,
    DECIMAL_PRECISION,
    DECIMAL_SCALE,
    TABLES,
    Rows,
    json_value,
    python_value,
)

__all__ = [
    "CACHE_DIRECTORY",
    "code_fingerprint",
    "read_cached",
    "require",
    "schema",
    "write_cached",
    "write_jsonl",
    "write_parts",
]

CACHE_DIRECTORY = ".cache"

# The cache entry's own format: bump it when the entry's layout changes.
_CACHE_FORMAT = 1


def require(module: str, extra: str) -> Any:
    """Import and return `module`, or raise `MissingDependencyError` naming the `extra`."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependencyError(
            f"the corpus needs {module}: pip install 'yingshang[{extra}]'"
        ) from None


def _files(folder: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    found = []
    for child in folder.iterdir():
        name = f"{prefix}{child.name}"
        if child.is_dir():
            if child.name != "__pycache__":
                found.extend(_files(child, f"{name}/"))
        elif not child.name.endswith((".pyc", ".pyo")):
            found.append((name, child))
    return found


@functools.cache
def code_fingerprint() -> str:
    """Return a hash of the package's code and data: cached rows are valid for this code only.

    A parser changed without a new version number must not serve the old parser's rows.
    """
    digest = hashlib.sha256(str(_CACHE_FORMAT).encode())
    for name, file in sorted(_files(resources.files("yingshang")), key=lambda pair: pair[0]):
        digest.update(name.encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def cache_directory(out: Path) -> Path:
    """Return the cache directory of `out` for this code, removing those of other code."""
    root = out / CACHE_DIRECTORY
    here = root / code_fingerprint()
    if root.is_dir():
        for stale in root.iterdir():
            if stale.name != here.name:
                shutil.rmtree(stale, ignore_errors=True)
    here.mkdir(parents=True, exist_ok=True)
    return here


def _replace(path: Path, data: bytes) -> None:
    # Written aside and renamed: a reader (or a second worker) never sees half a file.
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def _json_rows(table: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return `rows` with every column of `table` in order, decimals and dates as JSON writes them.

    Only the decimal and date columns are converted: the JSON Lines of a large corpus are
    hundreds of thousands of values.
    """
    columns = COLUMNS[table]
    special = [name for name, kind in columns.items() if kind in ("decimal", "date")]
    converted = []
    for row in rows:
        data = {name: row.get(name) for name in columns}
        for name in special:
            data[name] = json_value(data[name])
        converted.append(data)
    return converted


def write_cached(directory: Path, sha256: str, outcome: dict[str, Any]) -> None:
    """Keep a file's outcome (its rows, or its error) under the hash of its bytes."""
    rows = {table: _json_rows(table, table_rows) for table, table_rows in outcome["rows"].items()}
    entry = {**outcome, "rows": rows}
    _replace(directory / f"{sha256}.json", json.dumps(entry, ensure_ascii=False).encode())


def read_cached(directory: Path, sha256: str) -> dict[str, Any] | None:
    """Return the outcome kept for the bytes hashed `sha256`, or None when there is none."""
    path = directory / f"{sha256}.json"
    try:
        entry: dict[str, Any] = json.loads(path.read_bytes())
    except (OSError, ValueError):  # absent, or a damaged entry: parse the file again
        return None
    rows: Rows = {}
    for table, table_rows in entry.get("rows", {}).items():
        kinds = COLUMNS[table]
        special = [name for name, kind in kinds.items() if kind in ("decimal", "date")]
        for row in table_rows:
            for name in special:
                row[name] = python_value(kinds[name], row.get(name))
        rows[table] = table_rows
    entry["rows"] = rows
    return entry


# --- the dataset ---------------------------------------------------------------------------------


def schema(table: str) -> Any:
    """Return the `pyarrow.Schema` of `table`."""
    pa = require("pyarrow", "corpus")
    types = {
        "string": pa.string(),
        "int": pa.int64(),
        "bool": pa.bool_(),
        "float": pa.float64(),
        "decimal": pa.decimal128(DECIMAL_PRECISION, DECIMAL_SCALE),
        "date": pa.date32(),
        "strings": pa.list_(pa.string()),
    }
    return pa.schema([(name, types[kind]) for name, kind in COLUMNS[table].items()])


def clear(out: Path) -> None:
    """Remove the dataset's tables from `out` (not its cache), before a run writes them anew."""
    for table in TABLES:
        folder = out / table
        if folder.is_dir():
            for part in folder.glob("*.parquet"):
                part.unlink()
        (out / f"{table}.jsonl").unlink(missing_ok=True)


def write_parts(out: Path, rows: Rows, part: int) -> None:
    """Write `rows` as part `part` of each table's Parquet directory (empty tables too)."""
    pa = require("pyarrow", "corpus")
    parquet = require("pyarrow.parquet", "corpus")
    for table in TABLES:
        folder = out / table
        folder.mkdir(parents=True, exist_ok=True)
        arrow = pa.Table.from_pylist(rows.get(table, []), schema=schema(table))
        path = folder / f"part-{part:05d}.parquet"
        temporary = folder / f".part-{part:05d}.{os.getpid()}.tmp"
        parquet.write_table(arrow, temporary)
        os.replace(temporary, path)


def write_jsonl(out: Path, rows: Rows) -> None:
    """Write each table's rows to ``OUT/<table>.jsonl``, one JSON object a line."""
    for table in TABLES:
        converted = _json_rows(table, rows.get(table, []))
        lines = [json.dumps(row, ensure_ascii=False) for row in converted]
        text = "".join(line + "\n" for line in lines)
        _replace(out / f"{table}.jsonl", text.encode("utf-8"))
