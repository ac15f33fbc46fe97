"""compare: plans lined up by indicator, kind and unit, each plan's targets side by side."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import yingshang
from tests import render, strategies
from tests.test_diff import revised_text
from yingshang import datasets
from yingshang.compare import compare, plan_label

EXAMPLE_PLANS = Path(__file__).resolve().parents[1] / "examples" / "plans"


def _cells(row: Any) -> list[list[str]]:
    return [[hit.target.text for hit in cell] for cell in row.cells]


def test_two_versions_line_up_on_starting_a_business() -> None:
    old, new = datasets.chongqing_2019(), yingshang.parse(revised_text())
    table = compare([old, new], labels=["2019", "revised"], indicator="开办企业", kind="duration")
    (row,) = table.rows
    assert (row.title, row.kind.value, row.unit) == ("开办企业", "duration", "个工作日")
    assert _cells(row) == [["3个工作日以内"], ["1个工作日以内"]]
    assert table.labels == ("2019", "revised")


def test_every_target_lands_in_one_cell() -> None:
    plan = datasets.chongqing_2019()
    table = compare([plan, plan])
    for column in (0, 1):
        placed = [hit.target for row in table.rows for hit in row.cells[column]]
        assert sorted(t.span.start for t in placed) == sorted(
            t.span.start for a in plan.actions for t in a.targets
        )


@settings(max_examples=20)
@given(strategies.table_plans())
def test_nothing_is_lost_in_a_comparison_of_rendered_plans(plan: Any) -> None:
    parsed = yingshang.parse(render.table_export(plan))
    table = compare([parsed, datasets.chongqing_2019()])
    placed = sum(len(row.cells[0]) for row in table.rows)
    assert placed == sum(len(action.targets) for action in parsed.actions)


def test_rows_follow_the_indicators_with_deadlines_last() -> None:
    table = compare([datasets.chongqing_2019()], indicator="获得电力")
    kinds = [row.kind.value for row in table.rows]
    assert kinds[-1] == "deadline"
    assert "deadline" not in kinds[:-1]
    assert {row.title for row in table.rows} == {"获得电力"}


def test_areas_written_differently_meet_on_one_row() -> None:
    # 甲市 writes 开办企业, 乙市 企业开办: one indicator.
    plans = [yingshang.parse_file(EXAMPLE_PLANS / name) for name in ("jia-2021.txt", "yi-2021.txt")]
    table = compare(plans, kind="duration")
    first = table.rows[0]
    assert first.title == "开办企业"
    assert _cells(first) == [["压缩至1个工作日以内"], ["压缩至1个工作日"]]
    assert table.labels == ("jia-2021", "yi-2021")


def test_labels() -> None:
    plan = datasets.chongqing_2019()
    assert plan_label(plan) == "渝府办发〔2019〕81号"
    assert compare([plan, plan]).labels == ("渝府办发〔2019〕81号", "渝府办发〔2019〕81号 (2)")
    with pytest.raises(yingshang.YingshangError, match="1 labels for 2 plans"):
        compare([plan, plan], labels=["one"])


def _run(*arguments: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "yingshang", "compare", *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout


def test_the_command_line_in_every_format() -> None:
    files = [str(EXAMPLE_PLANS / "jia-2020.txt"), str(EXAMPLE_PLANS / "jia-2021.txt")]
    data = json.loads(_run(*files, "--format", "json", "--indicator", "获得电力"))
    assert data["plans"] == ["jia-2020", "jia-2021"]
    duration = next(row for row in data["rows"] if row["kind"] == "duration")
    assert [t["value"] for t in duration["plans"]["jia-2020"]] == ["10"]
    assert [t["value"] for t in duration["plans"]["jia-2021"]] == ["15"]
    rows = list(csv.reader(io.StringIO(_run(*files, "--format", "csv"))))
    assert rows[0] == ["indicator", "kind", "unit", "jia-2020", "jia-2021"]
    assert [
        "开办企业",
        "duration",
        "个工作日",
        "压缩至3个工作日以内",
        "压缩至1个工作日以内",
    ] in rows
    # A folder stands for its plans.
    assert "3 plans" in _run(str(EXAMPLE_PLANS))
