"""Many plans at once: read a folder of plans into one tidy dataset (Parquet and JSON Lines).

``build(paths, out)`` reads every plan file that `paths` names (folders, globs or files), in
parallel processes, and writes the tables ``files``, ``plans``, ``areas``, ``measures``,
``actions``, ``assignments`` (item × agency × role), ``targets`` and ``diagnostics`` to `out`.
One bad file never stops the run: its error is recorded in ``files``. Each file's rows are
cached under the hash of its bytes, so a rerun parses only the files that changed. Plans are
keyed by ``plan_id``, the first 16 hex digits of the SHA-256 of the file's bytes; items by
their reference ("14.2"). The same run on Dask: ``build(..., engine="dask")``.

DuckDB, pandas and polars read the dataset as it stands::

    duckdb.sql("SELECT title, actions FROM 'out/plans/*.parquet'")
"""

from __future__ import annotations

import glob
import hashlib
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..errors import ParseError, ReadError, YingshangError
from ..parse import parse_file
from ..readers import Limits
from ._store import (
    cache_directory,
    clear,
    read_cached,
    require,
    schema,
    write_cached,
    write_jsonl,
    write_parts,
)
from ._tables import COLUMNS, TABLES, Rows, plan_rows

__all__ = [
    "COLUMNS",
    "SUFFIXES",
    "TABLES",
    "CorpusError",
    "Summary",
    "build",
    "connect",
    "expand",
    "plan_rows",
    "read_table",
    "schema",
]

SUFFIXES = frozenset(
    {".txt", ".text", ".docx", ".html", ".htm", ".pdf", ".doc", ".wps", ".rtf", ".odt"}
)
"""The file suffixes a folder is searched for (files named one by one are read whatever their
suffix). The readers tell a file's format by its content; old Word, WPS, RTF and OpenDocument
files need LibreOffice, and are recorded as failed, with the fix, where it is missing."""

_HASH_CHUNK = 1 << 20


class CorpusError(YingshangError, ValueError):
    """Paths that name no plan file, or an output directory that cannot hold the dataset."""


def expand(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Return the files `paths` name, sorted, without repeats.

    A folder stands for the files with a plan's suffix (`SUFFIXES`) anywhere under it, hidden
    files and folders left out; a glob pattern (``plans/*.docx``, ``**``) for the files it
    matches; a file for itself. Raises `CorpusError` for a path that names nothing.
    """
    found: dict[Path, None] = {}
    for raw in paths:
        name = os.fspath(raw)
        path = Path(name)
        if path.is_dir():
            for file in sorted(path.rglob("*")):
                relative = file.relative_to(path).parts
                if (
                    file.is_file()
                    and file.suffix.lower() in SUFFIXES
                    and not any(part.startswith(".") for part in relative)
                ):
                    found.setdefault(file)
        elif path.is_file():
            found.setdefault(path)
        elif glob.has_magic(name):
            matches = sorted(Path(m) for m in glob.glob(name, recursive=True))
            files = [m for m in matches if m.is_file()]
            if not files:
                raise CorpusError(f"no file matches {name!r}")
            for file in files:
                found.setdefault(file)
        else:
            raise CorpusError(f"no such file or folder: {name!r}")
    return sorted(found)


@attrs.frozen
class Summary:
    """What a corpus run read: files, plans parsed, failures, items and targets, and its speed.

    `failures` pairs each failed file with its error; `cached` counts the plans whose rows came
    from the cache rather than the parser; `jobs` is the number of processes, or on Dask of
    partitions.
    """

    out: str
    files: int
    plans: int
    failed: int
    duplicates: int
    cached: int
    actions: int
    targets: int
    seconds: float
    jobs: int
    engine: str
    failures: tuple[tuple[str, str], ...] = ()

    @property
    def plans_per_second(self) -> float:
        """Return the plans read per second of the run (cached plans included)."""
        return self.plans / self.seconds if self.seconds > 0 else 0.0

    def as_dict(self) -> dict[str, Any]:
        """Return the summary as JSON writes it."""
        data = attrs.asdict(self)
        data["failures"] = [{"path": path, "error": error} for path, error in self.failures]
        data["plans_per_second"] = round(self.plans_per_second, 2)
        data["seconds"] = round(self.seconds, 3)
        return data


# --- one file ------------------------------------------------------------------------------------


@attrs.frozen
class _File:
    """A file to read, with the hash of its bytes (None when the bytes could not be read)."""

    path: str
    sha256: str | None
    size: int | None
    error: str | None = None


def _hash(path: Path) -> _File:
    digest = hashlib.sha256()
    size = 0
    try:
        with path.open("rb") as stream:
            while chunk := stream.read(_HASH_CHUNK):
                digest.update(chunk)
                size += len(chunk)
    except OSError as error:
        return _File(str(path), None, None, f"{type(error).__name__}: {error.strerror or error}")
    return _File(str(path), digest.hexdigest(), size)


def _files_row(
    file: _File, plan_id: str | None, status: str, error: BaseException | str | None = None
) -> dict[str, Any]:
    error_type = None
    message = None
    if isinstance(error, BaseException):
        error_type, message = type(error).__name__, str(error) or repr(error)
    elif error is not None:
        error_type, _, message = error.partition(": ")
    return {
        "path": file.path,
        "sha256": file.sha256,
        "bytes": file.size,
        "plan_id": plan_id,
        "status": status,
        "error_type": error_type,
        "error": message,
    }


def _read_one(
    file: _File, cache: str | None = None, limits: Limits | None = None, strict: bool = False
) -> dict[str, Any]:
    """Return one file's outcome: ``{"rows": …, "cached": bool, "error": str | None}``.

    Parses the file within `limits` (or takes its rows from `cache`, a cache directory); every
    exception is caught and recorded, so that one file never stops a run. With `strict`, a plan
    the parser had to recover (an error diagnostic) is recorded as failed. Runs in worker
    processes.
    """
    outcome = _parse_one(file, cache, limits)
    return _refuse_recovered(file, outcome) if strict else outcome


def _refuse_recovered(file: _File, outcome: dict[str, Any]) -> dict[str, Any]:
    """Turn the outcome of a plan with an error diagnostic into a failure naming the first."""
    # Applied after the cache, which keeps what the parser read: strict or not, the same entry.
    errors = [row for row in outcome["rows"].get("diagnostics", []) if row["severity"] == "error"]
    if not errors:
        return outcome
    first = errors[0]
    message = (
        f"line {first['line']}, column {first['column']}: {first['message']} "
        f"({first['code']}; strict)"
    )
    error = f"ParseError: {message}"
    return {
        "rows": {"files": [_files_row(file, None, "failed", error)]},
        "cached": False,
        "error": error,
    }


def _parse_one(file: _File, cache: str | None, limits: Limits | None) -> dict[str, Any]:
    if file.sha256 is None:
        rows: Rows = {"files": [_files_row(file, None, "failed", file.error)]}
        return {"rows": rows, "cached": False, "error": file.error}
    plan_id = file.sha256[:16]
    directory = None if cache is None else Path(cache)
    if directory is not None:
        kept = read_cached(directory, file.sha256)
        if kept is not None:
            rows = kept["rows"]
            # The same bytes may have moved: the rows name the file where it is now.
            rows["files"] = [{**row, "path": file.path} for row in rows.get("files", [])]
            rows["plans"] = [{**row, "path": file.path} for row in rows.get("plans", [])]
            return {"rows": rows, "cached": True, "error": kept.get("error")}
    try:
        plan = parse_file(file.path) if limits is None else parse_file(file.path, limits=limits)
        rows = plan_rows(plan, plan_id, path=file.path)
        rows["files"] = [_files_row(file, plan_id, "parsed")]
        outcome: dict[str, Any] = {"rows": rows, "cached": False, "error": None}
    except Exception as error:  # any failure is this file's, never the run's
        row = _files_row(file, None, "failed", error)
        outcome = {
            "rows": {"files": [row]},
            "cached": False,
            "error": f"{row['error_type']}: {row['error']}",
        }
        # Only the parser's verdict depends on the bytes alone. Reading also depends on the
        # limits, the extras and LibreOffice installed, and other errors may be transient.
        if not isinstance(error, ParseError) or isinstance(error, ReadError):
            return outcome
    if directory is not None:
        write_cached(directory, file.sha256, outcome)
    return outcome


def _read_task(task: tuple[_File, str | None, Limits | None, bool]) -> dict[str, Any]:
    return _read_one(*task)


# --- the run -------------------------------------------------------------------------------------


def _unique(files: Sequence[_File]) -> tuple[list[_File], list[dict[str, Any]]]:
    """Return the files to read, and the ``files`` rows of those whose bytes repeat an earlier."""
    seen: set[str] = set()
    unique: list[_File] = []
    duplicates: list[dict[str, Any]] = []
    for file in files:
        if file.sha256 is not None and file.sha256 in seen:
            duplicates.append(_files_row(file, file.sha256[:16], "duplicate"))
            continue
        if file.sha256 is not None:
            seen.add(file.sha256)
        unique.append(file)
    return unique, duplicates


def _merge(outcomes: Iterable[dict[str, Any]]) -> Rows:
    merged: Rows = {table: [] for table in TABLES}
    for outcome in outcomes:
        for table, rows in outcome["rows"].items():
            merged[table].extend(rows)
    return merged


def _summary(
    out: Path, rows: Rows, outcomes: list[dict[str, Any]], start: float, jobs: int, engine: str
) -> Summary:
    files = rows["files"]
    return Summary(
        out=str(out),
        files=len(files),
        plans=len(rows["plans"]),
        failed=sum(row["status"] == "failed" for row in files),
        duplicates=sum(row["status"] == "duplicate" for row in files),
        cached=sum(bool(o["cached"]) and not o["error"] for o in outcomes),
        actions=len(rows["actions"]),
        targets=len(rows["targets"]),
        seconds=time.perf_counter() - start,
        jobs=jobs,
        engine=engine,
        failures=tuple(
            (row["path"], f"{row['error_type']}: {row['error']}")
            for row in files
            if row["status"] == "failed"
        ),
    )


def _progress_bar(total: int, progress: bool | None) -> Any:
    """Return a tqdm bar on a terminal (or when asked), else None."""
    show = sys.stderr.isatty() if progress is None else progress
    if not show:
        return None
    tqdm = require("tqdm", "corpus").tqdm
    return tqdm(total=total, unit="plan", desc="parsing", file=sys.stderr, dynamic_ncols=True)


def _local(
    tasks: list[tuple[_File, str | None, Limits | None, bool]], jobs: int, progress: bool | None
) -> Iterator[dict[str, Any]]:
    bar = None
    if jobs <= 1 or len(tasks) <= 1:
        bar = _progress_bar(len(tasks), progress)
        results: Iterable[dict[str, Any]] = map(_read_task, tasks)
        pool = None
    else:
        from concurrent.futures import ProcessPoolExecutor

        # The pool starts before the bar, whose monitor thread a forked worker should not copy.
        pool = ProcessPoolExecutor(max_workers=jobs)
        chunk = max(1, min(16, len(tasks) // (jobs * 4)))
        results = pool.map(_read_task, tasks, chunksize=chunk)
        bar = _progress_bar(len(tasks), progress)
    try:
        for outcome in results:
            if bar is not None:
                bar.update(1)
            yield outcome
    finally:
        if bar is not None:
            bar.close()
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def build(
    paths: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    jobs: int | None = None,
    cache: bool = True,
    progress: bool | None = None,
    engine: str = "local",
    jsonl: bool = True,
    scheduler: Any = None,
    partitions: int | None = None,
    limits: Limits | None = None,
    strict: bool = False,
) -> Summary:
    """Read every plan `paths` name (see `expand`) and write the corpus dataset to `out`.

    `jobs` is the number of processes (default: the CPU count); `progress` shows a bar (default:
    when standard error is a terminal); `cache` reuses the rows of files whose bytes have not
    changed since the last run into `out`. `engine="dask"` runs the same work as a `dask.bag`
    over the files, on `scheduler` ("synchronous", "threads", "processes", a
    ``dask.distributed.Client``, or None for Dask's default or the active client) in
    `partitions` partitions; it writes the Parquet tables, not the JSON Lines. `limits` bounds
    what each file's reader accepts (`yingshang.readers.Limits`). With `strict`, a plan the
    parser had to recover (an error diagnostic: no title, no body, cut short) is recorded as a
    failed file, as ``parse_file(..., strict=True)`` would refuse it.

    Raises `CorpusError` when `paths` name nothing, and `MissingDependencyError` when the
    ``corpus`` extra (or for Dask the ``dask`` extra) is not installed.
    """
    start = time.perf_counter()
    require("pyarrow", "corpus")  # before any work: a missing extra fails at once
    files = expand(paths)
    if not files:
        raise CorpusError("the paths name no plan file")
    target = Path(out)
    if target.exists() and not target.is_dir():
        raise CorpusError(f"the output {str(target)!r} is a file, not a directory")
    target.mkdir(parents=True, exist_ok=True)
    cache_dir = str(cache_directory(target)) if cache else None
    jobs = (os.cpu_count() or 1) if jobs is None else max(1, jobs)
    if engine == "dask":
        from ._dask import run_dask

        return run_dask(files, target, cache_dir, scheduler, partitions, start, limits, strict)
    if engine != "local":
        raise CorpusError(f"expected the engine 'local' or 'dask', found {engine!r}")
    hashed = [_hash(path) for path in files]
    unique, duplicates = _unique(hashed)
    tasks = [(file, cache_dir, limits, strict) for file in unique]
    outcomes = list(_local(tasks, jobs, progress))
    rows = _merge(outcomes)
    rows["files"].extend(duplicates)
    rows["files"].sort(key=lambda row: row["path"])
    clear(target)
    write_parts(target, rows, 0)
    if jsonl:
        write_jsonl(target, rows)
    summary = _summary(target, rows, outcomes, start, jobs, engine)
    _write_summary(target, summary)
    return summary


def _write_summary(out: Path, summary: Summary) -> None:
    """Write ``OUT/summary.json``."""
    import json

    text = json.dumps(summary.as_dict(), ensure_ascii=False, indent=2)
    (out / "summary.json").write_text(text + "\n", encoding="utf-8")


# --- reading a dataset ---------------------------------------------------------------------------


def read_table(out: str | os.PathLike[str], table: str) -> Any:
    """Return `table` of the dataset in `out` as a `pyarrow.Table`, its parts in order."""
    if table not in COLUMNS:
        raise CorpusError(f"expected a table of {', '.join(TABLES)}, found {table!r}")
    pa = require("pyarrow", "corpus")
    parquet = require("pyarrow.parquet", "corpus")
    parts = sorted((Path(out) / table).glob("*.parquet"))
    if not parts:
        raise CorpusError(f"{str(Path(out) / table)!r} holds no Parquet part: is it a corpus?")
    return pa.concat_tables([parquet.read_table(part, schema=schema(table)) for part in parts])


def connect(out: str | os.PathLike[str]) -> Any:
    """Return an in-memory DuckDB connection with a view for each table of the dataset in `out`.

    ``connect("out").sql("SELECT count(*) FROM actions")`` then counts the corpus's items.
    """
    duckdb = require("duckdb", "corpus")
    connection = duckdb.connect()
    for table in TABLES:
        folder = Path(out) / table
        if not any(folder.glob("*.parquet")):
            raise CorpusError(f"{str(folder)!r} holds no Parquet part: is it a corpus?")
        pattern = str(folder / "*.parquet").replace("'", "''")
        connection.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{pattern}')")
    return connection
