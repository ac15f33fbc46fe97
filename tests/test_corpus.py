"""The corpus: many plans read into tidy tables, in parallel, cached, on one machine or on Dask."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import yingshang
from tests import render, strategies
from yingshang import corpus, datasets, query
from yingshang.corpus import _store
from yingshang.io import MissingDependencyError

pytest.importorskip("pyarrow")

ROOT = Path(__file__).resolve().parents[1]
OPENINGS = ROOT.parent / "shared" / "corpus" / "openings"
EXAMPLE_PLANS = ROOT / "examples" / "plans"


def make_folder(folder: Path) -> Path:
    """Write a small mixed folder: the embedded plan, example and fixture plans, a broken file,
    a duplicate, a hidden file and a file of another kind."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "chongqing-2019.txt").write_text(datasets.chongqing_2019_text(), encoding="utf-8")
    nested = folder / "examples"
    nested.mkdir(exist_ok=True)
    for path in sorted(EXAMPLE_PLANS.glob("*.txt")):
        shutil.copy(path, nested / path.name)
    shutil.copy(ROOT / "tests" / "fixtures" / "inline-subsections.txt", folder / "inline.txt")
    # GB18030 bytes, as many government sites still publish.
    (folder / "gbk.txt").write_bytes(
        (EXAMPLE_PLANS / "yi-2021.txt").read_text(encoding="utf-8").encode("gb18030")
    )
    (folder / "broken.txt").write_text("", encoding="utf-8")
    (folder / "copy-of-jia.txt").write_bytes((EXAMPLE_PLANS / "jia-2020.txt").read_bytes())
    (folder / ".hidden.txt").write_text("not a plan", encoding="utf-8")
    (folder / "notes.csv").write_text("a,b\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, corpus.Summary]:
    root = tmp_path_factory.mktemp("corpus")
    folder = make_folder(root / "plans")
    summary = corpus.build([folder], root / "dataset", jobs=1, progress=False)
    return root / "dataset", summary


def rows(out: Path, table: str) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = corpus.read_table(out, table).to_pylist()
    return result


# --- finding the files ---------------------------------------------------------------------------


def test_a_folder_stands_for_its_plan_files_hidden_ones_and_others_left_out(
    tmp_path: Path,
) -> None:
    folder = make_folder(tmp_path / "plans")
    names = [path.relative_to(folder).as_posix() for path in corpus.expand([folder])]
    assert names == [
        "broken.txt",
        "chongqing-2019.txt",
        "copy-of-jia.txt",
        "examples/jia-2020.txt",
        "examples/jia-2021.txt",
        "examples/yi-2021.txt",
        "gbk.txt",
        "inline.txt",
    ]


def test_globs_and_files_are_expanded_once_each(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "plans")
    found = corpus.expand(
        [folder / "examples" / "*.txt", folder / "examples" / "jia-2020.txt", folder / "notes.csv"]
    )
    assert [path.name for path in found] == [
        "jia-2020.txt",
        "jia-2021.txt",
        "yi-2021.txt",
        "notes.csv",
    ]
    assert folder / "notes.csv" in found  # a file named one by one is read whatever its suffix


def test_a_path_that_names_nothing_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(corpus.CorpusError, match="no such file or folder"):
        corpus.expand([tmp_path / "absent"])
    with pytest.raises(corpus.CorpusError, match="no file matches"):
        corpus.expand([str(tmp_path / "*.docx")])


# --- the dataset ---------------------------------------------------------------------------------


def test_the_summary_counts_what_was_read(built: tuple[Path, corpus.Summary]) -> None:
    out, summary = built
    # 8 files: 6 plans, the broken file, and a duplicate of an example plan.
    assert (summary.files, summary.plans, summary.failed, summary.duplicates) == (8, 6, 1, 1)
    assert summary.cached == 0
    assert summary.failures[0][0].endswith("broken.txt")
    assert "ParseError" in summary.failures[0][1]
    assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["plans"] == 6


def test_every_table_holds_what_the_plans_hold(built: tuple[Path, corpus.Summary]) -> None:
    out, summary = built
    plans = {row["path"]: row for row in rows(out, "plans")}
    parsed = {path: yingshang.parse_file(path) for path in plans}
    assert (
        len(rows(out, "actions")) == summary.actions == sum(len(p.actions) for p in parsed.values())
    )
    expected_targets = sum(len(a.targets) for p in parsed.values() for a in p.actions) + sum(
        len(s.targets) for p in parsed.values() for s in _all_sections(p.sections)
    )
    assert len(rows(out, "targets")) == summary.targets == expected_targets
    assert len(rows(out, "areas")) == sum(len(p.areas) for p in parsed.values())
    assert len(rows(out, "measures")) == sum(len(p.measures) for p in parsed.values())
    assert len(rows(out, "assignments")) == sum(
        len(a.agencies) for p in parsed.values() for a in p.actions
    )
    assert len(rows(out, "diagnostics")) == sum(len(p.diagnostics) for p in parsed.values())


def _all_sections(sections: tuple[yingshang.Section, ...]) -> list[yingshang.Section]:
    found = []
    for section in sections:
        found.append(section)
        found.extend(_all_sections(section.subsections))
    return found


def test_the_embedded_plan_reads_exactly(built: tuple[Path, corpus.Summary]) -> None:
    out, _ = built
    (plan,) = [row for row in rows(out, "plans") if row["path"].endswith("chongqing-2019.txt")]
    assert (plan["areas"], plan["measures"], plan["actions"]) == (20, 91, 206)
    assert plan["document_number"] == "渝府办发〔2019〕81号"
    assert plan["issue_date"] == datasets.chongqing_2019().issue_date
    targets = [row for row in rows(out, "targets") if row["plan_id"] == plan["plan_id"]]
    item_targets = [row for row in targets if row["item"] is not None]
    parsed = datasets.chongqing_2019()
    assert len(item_targets) == sum(len(action.targets) for action in parsed.actions)
    assert len(targets) == plan["targets"] == 179  # the items' and the body sections'
    assert [row["section"] for row in targets if row["item"] is None] != []
    (hit,) = [row for row in item_targets if row["text"] == "达到99.96%"]
    assert (hit["value"], hit["unit"], hit["comparator"]) == (Decimal("99.96"), "%", "at_least")
    assert hit["indicator"] == "getting_electricity"


def test_keys_are_stable_and_unique(built: tuple[Path, corpus.Summary]) -> None:
    out, _ = built
    import hashlib

    for plan in rows(out, "plans"):
        digest = hashlib.sha256(Path(plan["path"]).read_bytes()).hexdigest()
        assert plan["plan_id"] == digest[:16]
    for table, key in (
        ("plans", ("plan_id",)),
        ("areas", ("plan_id", "area")),
        ("actions", ("plan_id", "item")),
        ("assignments", ("plan_id", "item", "role", "position")),
        ("targets", ("plan_id", "item", "section", "target")),
        ("files", ("path",)),
    ):
        keys = Counter(tuple(row[k] for k in key) for row in rows(out, table))
        assert max(keys.values()) == 1, (table, keys.most_common(1))


def test_items_are_keyed_by_reference(built: tuple[Path, corpus.Summary]) -> None:
    out, _ = built
    plan = datasets.chongqing_2019()
    plan_id = next(r["plan_id"] for r in rows(out, "plans") if r["document_number"])
    items = [row["item"] for row in rows(out, "actions") if row["plan_id"] == plan_id]
    assert items == [entry.key for entry in query.entries(plan)]
    lead = [
        row
        for row in rows(out, "assignments")
        if row["plan_id"] == plan_id and row["item"] == "14.2" and row["role"] == "lead"
    ]
    entry = query.select(plan, measure=14)[1]
    assert [row["agency"] for row in lead] == [a.name for a in entry.action.lead_agencies]


def test_failed_and_duplicate_files_are_recorded_with_the_file(
    built: tuple[Path, corpus.Summary],
) -> None:
    out, _ = built
    files = {Path(row["path"]).name: row for row in rows(out, "files")}
    assert files["broken.txt"]["status"] == "failed"
    assert files["broken.txt"]["error_type"] == "ParseError"
    assert "empty text" in files["broken.txt"]["error"]
    assert files["broken.txt"]["plan_id"] is None
    statuses = {files["copy-of-jia.txt"]["status"], files["jia-2020.txt"]["status"]}
    assert statuses == {"parsed", "duplicate"}
    assert files["copy-of-jia.txt"]["plan_id"] == files["jia-2020.txt"]["plan_id"]
    assert files["gbk.txt"]["status"] == "parsed"


def test_json_lines_hold_the_parquet_rows(built: tuple[Path, corpus.Summary]) -> None:
    out, _ = built
    for table in corpus.TABLES:
        lines = (out / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
        parquet = rows(out, table)
        assert len(lines) == len(parquet)
        for line, row in zip(lines, parquet, strict=True):
            data = json.loads(line)
            assert list(data) == list(corpus.COLUMNS[table])
            for name, value in row.items():
                shown = data[name]
                if isinstance(value, Decimal):
                    assert Decimal(shown) == value
                elif hasattr(value, "isoformat"):
                    assert shown == value.isoformat()
                else:
                    assert shown == value


def test_pandas_and_polars_read_the_dataset_as_it_is(built: tuple[Path, corpus.Summary]) -> None:
    out, summary = built
    pandas = pytest.importorskip("pandas")
    assert len(pandas.read_parquet(out / "actions")) == summary.actions
    polars = pytest.importorskip("polars")
    assert polars.read_parquet(str(out / "targets" / "*.parquet")).height == summary.targets


# --- the cache -----------------------------------------------------------------------------------


def test_a_rerun_reuses_the_cache_and_reparses_only_what_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = make_folder(tmp_path / "plans")
    out = tmp_path / "dataset"
    first = corpus.build([folder], out, jobs=1, progress=False)
    before = {table: rows(out, table) for table in corpus.TABLES}

    # Nothing changed: no file reaches the parser.
    def refuse(path: object) -> None:
        raise AssertionError(f"parsed {path} again")

    monkeypatch.setattr(corpus, "parse_file", refuse)
    second = corpus.build([folder], out, jobs=1, progress=False)
    assert second.cached == first.plans == 6
    assert {table: rows(out, table) for table in corpus.TABLES} == before

    # One file changed: only it is parsed.
    parsed: list[str] = []
    monkeypatch.setattr(
        corpus,
        "parse_file",
        lambda path: parsed.append(Path(path).name) or yingshang.parse_file(path),
    )
    changed = folder / "examples" / "jia-2021.txt"
    changed.write_text(changed.read_text(encoding="utf-8").replace("99.95%", "99.99%"), "utf-8")
    third = corpus.build([folder], out, jobs=1, progress=False)
    assert parsed == ["jia-2021.txt"]
    assert third.cached == 5
    assert "达到99.99%" in {row["text"] for row in rows(out, "targets")}
    assert "达到99.95%" not in {row["text"] for row in rows(out, "targets")}


def test_a_moved_file_keeps_its_rows_under_its_new_path(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(EXAMPLE_PLANS / "yi-2021.txt", folder / "old-name.txt")
    out = tmp_path / "dataset"
    corpus.build([folder], out, jobs=1, progress=False)
    (folder / "old-name.txt").rename(folder / "new-name.txt")
    summary = corpus.build([folder], out, jobs=1, progress=False)
    assert summary.cached == 1
    assert [Path(row["path"]).name for row in rows(out, "plans")] == ["new-name.txt"]
    assert [Path(row["path"]).name for row in rows(out, "files")] == ["new-name.txt"]


def test_other_code_does_not_serve_its_cached_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(EXAMPLE_PLANS / "yi-2021.txt", folder / "yi.txt")
    out = tmp_path / "dataset"
    corpus.build([folder], out, jobs=1, progress=False)
    monkeypatch.setattr(_store, "code_fingerprint", lambda: "another-version")
    summary = corpus.build([folder], out, jobs=1, progress=False)
    assert summary.cached == 0
    assert [p.name for p in (out / _store.CACHE_DIRECTORY).iterdir()] == ["another-version"]


def test_an_unexpected_error_is_recorded_and_not_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(EXAMPLE_PLANS / "yi-2021.txt", folder / "yi.txt")
    out = tmp_path / "dataset"

    def crash(path: object) -> None:
        raise RuntimeError("a bug, not the file")

    monkeypatch.setattr(corpus, "parse_file", crash)
    summary = corpus.build([folder], out, jobs=1, progress=False)
    assert summary.failures == ((str(folder / "yi.txt"), "RuntimeError: a bug, not the file"),)
    monkeypatch.undo()
    assert corpus.build([folder], out, jobs=1, progress=False).plans == 1


# --- processes, progress, Dask -------------------------------------------------------------------


def _sorted_tables(out: Path) -> dict[str, list[tuple[Any, ...]]]:
    tables = {}
    for table in corpus.TABLES:
        found = [tuple(repr(v) for v in row.values()) for row in rows(out, table)]
        tables[table] = sorted(found)
    return tables


def test_two_processes_write_the_dataset_one_writes(
    built: tuple[Path, corpus.Summary], tmp_path: Path
) -> None:
    out, _ = built
    folder = make_folder(tmp_path / "plans")
    # The same files at another place: only the paths differ.
    parallel = corpus.build([folder], tmp_path / "dataset", jobs=2, progress=False, cache=False)
    assert parallel.jobs == 2
    for table in corpus.TABLES:
        ours = rows(tmp_path / "dataset", table)
        theirs = rows(out, table)
        for row in [*ours, *theirs]:
            if "path" in row:
                row["path"] = Path(row["path"]).name
        assert ours == theirs, table


@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
def test_the_dask_engine_writes_the_local_dataset(tmp_path: Path, scheduler: str) -> None:
    pytest.importorskip("dask.bag")
    folder = make_folder(tmp_path / "plans")
    local = corpus.build([folder], tmp_path / "local", jobs=1, progress=False)
    distributed = corpus.build(
        [folder], tmp_path / "dask", engine="dask", scheduler=scheduler, partitions=3
    )
    assert len(list((tmp_path / "dask" / "actions").glob("*.parquet"))) == 3
    assert _sorted_tables(tmp_path / "local") == _sorted_tables(tmp_path / "dask")
    assert (distributed.plans, distributed.failed, distributed.duplicates) == (
        local.plans,
        local.failed,
        local.duplicates,
    )
    assert (distributed.actions, distributed.targets) == (local.actions, local.targets)
    # A rerun on Dask reuses the cache too.
    again = corpus.build([folder], tmp_path / "dask", engine="dask", scheduler=scheduler)
    assert again.cached == local.plans


def test_a_progress_bar_is_shown_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("tqdm")
    folder = tmp_path / "plans"
    folder.mkdir()
    shutil.copy(EXAMPLE_PLANS / "yi-2021.txt", folder / "yi.txt")
    corpus.build([folder], tmp_path / "on", jobs=1, progress=True)
    assert "1/1" in capsys.readouterr().err
    corpus.build([folder], tmp_path / "off", jobs=1, progress=False)
    assert capsys.readouterr().err == ""


def test_a_missing_extra_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    with pytest.raises(MissingDependencyError, match=r"yingshang\[corpus\]"):
        corpus.build([EXAMPLE_PLANS], tmp_path / "dataset")
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    monkeypatch.delitem(sys.modules, "pyarrow")
    with pytest.raises(MissingDependencyError, match=r"yingshang\[dask\]"):
        corpus.build([EXAMPLE_PLANS], tmp_path / "dataset", engine="dask")


def test_an_output_that_is_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "dataset").write_text("", encoding="utf-8")
    with pytest.raises(corpus.CorpusError, match="is a file"):
        corpus.build([EXAMPLE_PLANS], tmp_path / "dataset")


# --- plans rendered by the strategies ------------------------------------------------------------


@settings(max_examples=25)
@given(strategies.table_plans())
def test_rows_of_a_rendered_plan_count_its_items_agencies_and_targets(plan: Any) -> None:
    parsed = yingshang.parse(render.table_export(plan))
    found = corpus.plan_rows(parsed, "0" * 16)
    assert len(found["actions"]) == len(parsed.actions) == len(plan.actions)
    assert len({row["item"] for row in found["actions"]}) == len(found["actions"])
    assert [row["agency"] for row in found["assignments"]] == [
        agency.name for action in parsed.actions for agency in action.agencies
    ]
    assert len(found["targets"]) >= sum(len(action.targets) for action in parsed.actions)
    assert found["plans"][0]["actions"] == len(plan.actions)


@settings(max_examples=10)
@given(strategies.inline_plans())
def test_item_keys_are_unique_even_where_numbering_restarts(plan: Any) -> None:
    parsed = yingshang.parse(render.inline_export(plan))
    items = [row["item"] for row in corpus.plan_rows(parsed, "0" * 16)["actions"]]
    assert len(set(items)) == len(items) == len(parsed.actions)


def test_the_openings_of_real_plans_are_read_or_recorded(tmp_path: Path) -> None:
    if not OPENINGS.is_dir():
        pytest.skip("the shared corpus is not beside this checkout")
    summary = corpus.build([OPENINGS], tmp_path / "dataset", jobs=2, progress=False)
    files = len(list(OPENINGS.glob("*.txt")))
    assert summary.files == files
    assert summary.plans + summary.failed == files
    recorded = rows(tmp_path / "dataset", "files")
    assert all(row["error"] for row in recorded if row["status"] == "failed")


def test_the_command_line_writes_the_dataset_and_a_summary(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "plans")
    command = [sys.executable, "-m", "yingshang", "corpus", str(folder), "--out"]
    result = subprocess.run(
        [*command, str(tmp_path / "dataset"), "--jobs", "2"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"corpus written to {tmp_path / 'dataset'} in ")
    assert "2 processes" in lines[0]
    counts = {line.rsplit(None, 1)[0].strip(): line.rsplit(None, 1)[1] for line in lines[4:11]}
    assert counts == {
        "files": "8",
        "plans read": "6",
        "from the cache": "0",
        "failed": "1",
        "duplicates": "1",
        "items": str(len(rows(tmp_path / "dataset", "actions"))),
        "targets": str(len(rows(tmp_path / "dataset", "targets"))),
    }
    assert "broken.txt: ParseError" in result.stdout
    assert result.stderr == ""  # no bar: standard error is not a terminal
    again = subprocess.run(
        [*command, str(tmp_path / "dataset"), "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    assert json.loads(again.stdout)["cached"] == 6


def test_every_format_the_library_reads(tmp_path: Path) -> None:
    pytest.importorskip("docx")  # python-docx writes the Word file
    pytest.importorskip("lxml")
    pytest.importorskip("pdfplumber")
    from tests.fixtures.formats.make_fixtures import HERE, write_docx, write_html

    folder = tmp_path / "plans"
    folder.mkdir()
    text = datasets.chongqing_2019_text()
    (folder / "chongqing.txt").write_text(text, encoding="utf-8")
    write_docx(text, folder / "chongqing.docx")
    write_html(text, folder / "chongqing.html")
    shutil.copy(HERE / "chongqing-2019.pdf", folder / "chongqing.pdf")
    summary = corpus.build([folder], tmp_path / "dataset", jobs=2, progress=False)
    assert (summary.plans, summary.failed) == (4, 0)
    plans = rows(tmp_path / "dataset", "plans")
    assert sorted(row["format"] for row in plans) == ["docx", "html", "pdf", "text"]
    assert {row["actions"] for row in plans} == {206}
    # The same items, whatever the format they were read from.
    by_plan: dict[str, list[tuple[str, str]]] = {}
    for row in rows(tmp_path / "dataset", "actions"):
        by_plan.setdefault(row["plan_id"], []).append((row["item"], row["text"]))
    first, *others = by_plan.values()
    assert all(other == first for other in others)


def test_strict_records_a_recovered_plan_as_failed_and_keeps_the_cache_whole(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    text = datasets.chongqing_2019_text()
    (folder / "whole.txt").write_text(text, encoding="utf-8")
    # Cut mid-table: the parser recovers the rows so far, with a `truncated` error.
    (folder / "cut.txt").write_text(text[: len(text) * 2 // 3].rstrip(), encoding="utf-8")
    out = tmp_path / "dataset"

    def statuses() -> dict[str, tuple[str, str | None]]:
        return {Path(r["path"]).name: (r["status"], r["error"]) for r in rows(out, "files")}

    lenient = corpus.build([folder], out, jobs=1, progress=False)
    assert (lenient.plans, lenient.failed) == (2, 0)
    strict = corpus.build([folder], out, jobs=1, progress=False, strict=True)
    assert (strict.plans, strict.failed, strict.cached) == (1, 1, 1)
    found = statuses()
    assert found["whole.txt"] == ("parsed", None)
    status, error = found["cut.txt"]
    assert status == "failed"
    assert error is not None
    assert "truncated" in error
    assert "line " in error
    # The cache holds what the parser read, not the strict verdict: a lenient rerun reads both.
    again = corpus.build([folder], out, jobs=1, progress=False)
    assert (again.plans, again.failed, again.cached) == (2, 0, 2)
    # compare and diff refuse such a file too, naming it.
    result = subprocess.run(
        [sys.executable, "-m", "yingshang", "compare", str(folder / "cut.txt"), "--strict"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode != 0
    assert "cut.txt" in result.stderr
    assert "cut short" in result.stderr
