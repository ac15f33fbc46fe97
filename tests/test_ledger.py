"""The Excel task ledger: written by the command line, read back with openpyxl."""

from __future__ import annotations

import csv
import datetime
import io
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.strategies import any_plan, map_actions
from yingshang import query
from yingshang.datasets import chongqing_2019
from yingshang.io import MissingDependencyError
from yingshang.ledger import (
    AGENCY_ROLE_COLUMN,
    LABELS,
    LEDGER_COLUMNS,
    LEDGER_SHEET,
    TARGET_SHEET,
    TARGET_SHEET_COLUMNS,
    describe_target,
    label,
    ledger_rows,
    sheet_names,
    write_ledger,
)
from yingshang.model import Comparator, DeadlineKind, Direction, TargetKind, TargetRole
from yingshang.registry import default_registry

openpyxl = pytest.importorskip("openpyxl", reason="the ledger needs the xlsx extra (openpyxl)")

PLAN = chongqing_2019()


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "yingshang", *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = tmp_path_factory.mktemp("ledger") / "ledger.xlsx"
    result = run("export", "--format", "xlsx", "-o", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"wrote {path}: 206 items")
    return openpyxl.load_workbook(path)


def _rows(sheet: Any) -> list[tuple[Any, ...]]:
    return list(sheet.iter_rows(values_only=True))


def _csv(*arguments: str) -> list[dict[str, str]]:
    result = run("export", "--format", "csv", *arguments)
    assert result.returncode == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def _as_csv(value: Any) -> str:
    """Return a cell's value as the CSV export writes the same value."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):  # a date cell reads back as midnight
        assert value.time() == datetime.time()
        return value.date().isoformat()
    return str(value)


def test_the_ledger_sheet_holds_the_csv_export_row_for_row(workbook: Any) -> None:
    header, *rows = _rows(workbook[LEDGER_SHEET])
    assert list(header) == [name for name, _ in LEDGER_COLUMNS]
    records = _csv()
    assert len(rows) == len(records) == len(PLAN.actions)
    for row, record in zip(rows, records, strict=True):
        for (_, column), value in zip(LEDGER_COLUMNS, row, strict=True):
            if column is not None:
                assert _as_csv(value) == record[column], (record["item"], column)


def test_the_ledger_adds_the_deadlines_words_and_the_targets(workbook: Any) -> None:
    header, *rows = _rows(workbook[LEDGER_SHEET])
    words, targets = header.index("时限表述"), header.index("量化指标")
    for row, action in zip(rows, PLAN.actions, strict=True):
        deadline_texts = [t.text for t in action.targets if t.kind is TargetKind.DEADLINE]
        for text in deadline_texts:
            assert text in row[words]
        # Commitments only: the scope of a measure (水表口径DN100以下的) is no target of the item.
        others = [
            t
            for t in action.targets
            if t.kind is not TargetKind.DEADLINE and t.role is TargetRole.COMMITMENT
        ]
        assert (row[targets] or "").splitlines() == [describe_target(t) for t in others]
    first = dict(zip(header, rows[0], strict=True))
    assert first["完成时限"] == datetime.datetime(2019, 9, 30)
    assert first["时限表述"] == "2019年9月底前"


def test_the_target_sheet_holds_the_target_csv_export_row_for_row(workbook: Any) -> None:
    header, *rows = _rows(workbook[TARGET_SHEET])
    assert list(header) == [name for name, _ in TARGET_SHEET_COLUMNS]
    records = _csv("--records", "targets")
    assert len(rows) == len(records) > 100
    unlabel = {text: member.value for member, text in LABELS.items()}
    for row, record in zip(rows, records, strict=True):
        for (_, column), value in zip(TARGET_SHEET_COLUMNS, row, strict=True):
            expected = record[column]
            if column in {"value", "baseline_value"} and value is not None:
                assert Decimal(str(value)) == Decimal(expected), (record["item"], column)
            elif column in {"kind", "comparator", "direction", "deadline_kind"} and value:
                assert unlabel[value] == expected, (record["item"], column)
            else:
                assert _as_csv(value) == expected, (record["item"], column)


def test_each_lead_agency_has_a_sheet_of_the_items_it_leads_then_cooperates_on(
    workbook: Any,
) -> None:
    counts = [count for count in query.agency_counts(PLAN) if count.lead]
    names = workbook.sheetnames
    assert names[0] == LEDGER_SHEET
    assert names[-1] == TARGET_SHEET
    assert names[1:-1] == sheet_names(c.name for c in counts)
    for count, name in zip(counts, names[1:-1], strict=True):
        header, *rows = _rows(workbook[name])
        assert header[0] == AGENCY_ROLE_COLUMN
        roles = [row[0] for row in rows]
        assert roles == sorted(roles, key=["牵头", "配合"].index)  # leads first
        for role, wanted in (("牵头", "lead"), ("配合", "cooperating")):
            keys = [row[1] for row in rows if row[0] == role]
            selected = query.select(PLAN, agency=count.canonical_name, role=wanted)
            assert keys == [entry.key for entry in selected], (name, role)


def test_every_sheet_has_a_frozen_header_filters_widths_and_wrapped_text(workbook: Any) -> None:
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == sheet.dimensions
        assert sheet["A1"].font.bold
        assert sheet["B2"].alignment.wrap_text
        widths = [sheet.column_dimensions[c].width for c in "ABCD"]
        assert all(6 <= width <= 62 for width in widths), sheet.title
    ledger = workbook[LEDGER_SHEET]
    # The task text is the widest column; a date cell shows as a date.
    assert ledger.column_dimensions["D"].width > ledger.column_dimensions["A"].width
    assert ledger["G2"].number_format == "yyyy-mm-dd"


def test_xlsx_needs_an_output_file() -> None:
    result = run("export", "--format", "xlsx")
    assert result.returncode == 2
    assert "export --format xlsx needs -o FILE" in result.stderr
    assert result.stdout == ""


def test_text_that_reads_as_a_formula_stays_text(tmp_path: Path) -> None:
    hostile = '=HYPERLINK("http://example.invalid","点击")'
    plan = map_actions(PLAN, lambda action: attrs.evolve(action, text=hostile + action.text))
    path = tmp_path / "ledger.xlsx"
    write_ledger(plan, path)
    sheet = openpyxl.load_workbook(path)[LEDGER_SHEET]
    assert sheet["D2"].data_type == "s"
    assert sheet["D2"].value.startswith(hostile)


_SMALL = settings(max_examples=25)


@_SMALL
@given(any_plan)
def test_any_plan_reads_back_as_its_ledger_rows(plan: Any) -> None:
    buffer = io.BytesIO()
    write_ledger(plan, buffer)
    buffer.seek(0)
    _, *rows = _rows(openpyxl.load_workbook(buffer)[LEDGER_SHEET])
    expected = ledger_rows(plan, default_registry())
    assert len(rows) == len(expected)
    for row, want in zip(rows, expected, strict=True):
        for value, wanted in zip(row, want, strict=True):
            if isinstance(wanted, str):
                # XML cannot carry control characters: they read back as U+FFFD, and a
                # carriage return as a line break.
                cleaned = (
                    "".join("\ufffd" if ord(c) < 32 and c not in "\t\n\r" else c for c in wanted)
                    .replace("\r\n", "\n")
                    .replace("\r", "\n")
                )
                assert (value or "") == cleaned
            elif isinstance(wanted, datetime.date):
                assert value.date() == wanted
            else:
                assert value == wanted


@given(st.lists(st.text(max_size=40), max_size=8), st.lists(st.text(max_size=40), max_size=2))
def test_sheet_names_obey_excels_rules(names: list[str], taken: list[str]) -> None:
    result = sheet_names(names, taken)
    assert len(result) == len(names)
    folded = [name.casefold() for name in result]
    assert len(set(folded)) == len(folded)
    assert not set(folded) & {name.casefold() for name in taken} - {""}
    workbook = openpyxl.Workbook()
    for name in result:
        assert 0 < len(name.encode("utf-16-le")) // 2 <= 31
        assert not set(name) & set("[]:*?/\\")
        assert not set(name) & set("\t\n\r")
        assert not name.startswith("'")
        assert not name.endswith("'")
        assert name.casefold() != "history"
        assert workbook.create_sheet(name).title == name  # openpyxl would rename a clash


def test_sheet_names_keep_chinese_names_and_write_forbidden_characters_full_width() -> None:
    long_name = "重庆市" + "某" * 40
    assert sheet_names(["市发展改革委", "a/b", "A/B", long_name, "History", "'x'"]) == [
        "市发展改革委",
        "a／b",
        "A／B(2)",
        long_name[:31],
        "History(2)",
        "x",
    ]


def test_every_value_of_the_enums_shown_has_a_chinese_label() -> None:
    for kind in (TargetKind, Comparator, Direction, DeadlineKind):
        for member in kind:
            assert member in LABELS, f"add a Chinese label for {member} to ledger.LABELS"
    assert len(set(LABELS.values())) == len(LABELS)  # labels read back to one value


def test_targets_are_described_as_written_and_as_read() -> None:
    hits = {hit.target.text: hit.target for hit in query.targets(PLAN)}
    assert describe_target(hits["3个环节"]) == "3个环节（数量 降至3个环节）"
    relative = next(t for t in hits.values() if t.kind is TargetKind.RELATIVE_CHANGE)
    assert describe_target(relative).startswith(f"{relative.text}（增减幅度 减少")
    assert label(TargetKind.PERCENTAGE) == "比例"


def test_a_missing_openpyxl_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingDependencyError, match=r"yingshang\[xlsx\]"):
        write_ledger(PLAN, io.BytesIO())


def test_the_documentations_excerpt_is_the_ledger() -> None:
    page = (Path(__file__).resolve().parents[1] / "docs" / "report.md").read_text(encoding="utf-8")
    header = "| " + " | ".join(name for name, _ in LEDGER_COLUMNS) + " |"
    lines = page.split(header + "\n|---", 1)[1].split("\n\n", 1)[0].splitlines()[1:]
    shown = [[cell.strip() for cell in line.strip("|").split(" | ")] for line in lines]
    rows = {row[0]: row for row in ledger_rows(PLAN)}
    assert len(shown) >= 3
    for cells in shown:
        expected = [_as_csv(value).replace("\n", "<br>") for value in rows[cells[0]]]
        assert cells == expected


def test_o_writes_any_export_format_to_a_file(tmp_path: Path) -> None:
    path = tmp_path / "targets.csv"
    result = run("export", "--format", "csv", "--records", "targets", "-o", str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {path}"
    printed = run("export", "--format", "csv", "--records", "targets").stdout
    assert path.read_text(encoding="utf-8") == printed


def test_only_commitments_are_shown() -> None:
    import attrs

    from yingshang.ledger import is_commitment

    target = PLAN.actions[1].targets[0]
    assert is_commitment(target)
    assert not is_commitment(attrs.evolve(target, role=TargetRole.STATUS))
    assert not is_commitment(attrs.evolve(target, role=TargetRole.SCOPE))
