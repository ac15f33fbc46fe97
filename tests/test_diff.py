"""diff: two versions of a plan, items matched by text, each change found and classified."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

import yingshang
from tests import render, strategies
from yingshang import datasets
from yingshang.diff import ChangeKind, diff
from yingshang.model import Comparator, Quantity, Target, TargetKind

pytest.importorskip("rapidfuzz")

ROOT = Path(__file__).resolve().parents[1]

# Each edit of the revised plan: an exact piece of the embedded text and what replaces it.
EDITS = (
    # 2.1: 3 working days cut to 1 (tightened); its agencies swapped (lead and cooperating).
    (
        "员工参保登记3个工作日以内办结。\n\t市市场监管局\n\t市公安局、市人力社保局、重庆市税务局\n",
        "员工参保登记1个工作日以内办结。\n\t市公安局\n\t市市场监管局、市人力社保局、重庆市税务局\n",
    ),
    # 13.1: reliability floor lowered (loosened).
    ("城市供电可靠率达到99.96%", "城市供电可靠率达到99.90%"),
    # 1.1: deadline moved earlier.
    ("2019年9月底前实现全市企业名称自主申报", "2019年6月底前实现全市企业名称自主申报"),
    # The national platform: deadline moved later.
    ("2019年9月底前与国家政务服务平台实现全面对接", "2020年3月底前与国家政务服务平台实现全面对接"),
    # 1.2 replaced by an item of other words.
    (
        "（2）推行印章在线刻制，设立登记和公章刻制实行并联办理，将企业开办流程简化为办理营业执照、申领发票、员工参保登记3个环节。",
        "（2）全面推广电子营业执照，在政务服务中普遍应用。",
    ),
)


def revised_text() -> str:
    text = datasets.chongqing_2019_text()
    for old, new in EDITS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def changes() -> Any:
    return diff(datasets.chongqing_2019(), yingshang.parse(revised_text()))


def _only(found: Any, kind: ChangeKind) -> list[tuple[str | None, str, str]]:
    return [
        (change.new.key if change.new else change.old.key, change.before, change.after)
        for change in found.changes
        if change.kind is kind
    ]


def test_a_plan_against_itself_has_no_change() -> None:
    plan = datasets.chongqing_2019()
    found = diff(plan, plan)
    assert found.changes == ()
    assert len(found.matches) == len(plan.actions) == 206
    assert all(match.old.key == match.new.key for match in found.matches)


def test_a_tightened_and_a_loosened_target(changes: Any) -> None:
    assert _only(changes, ChangeKind.TARGET_TIGHTENED) == [
        ("2.1", "3个工作日以内", "1个工作日以内")
    ]
    assert _only(changes, ChangeKind.TARGET_LOOSENED) == [("13.1", "达到99.96%", "达到99.90%")]


def test_deadlines_moved(changes: Any) -> None:
    assert _only(changes, ChangeKind.DEADLINE_EARLIER) == [("1.1", "2019-09-30", "2019-06-30")]
    (later,) = _only(changes, ChangeKind.DEADLINE_LATER)
    assert later[1:] == ("2019-09-30", "2020-03-31")


def test_swapped_agencies(changes: Any) -> None:
    assert _only(changes, ChangeKind.LEAD_CHANGED) == [("2.1", "市市场监管局", "市公安局")]
    assert _only(changes, ChangeKind.COOPERATING_CHANGED) == [
        (
            "2.1",
            "市公安局、市人力社保局、重庆市税务局",
            "市市场监管局、市人力社保局、重庆市税务局",
        )
    ]


def test_an_item_replaced_is_removed_and_added(changes: Any) -> None:
    assert [e.key for e in changes.removed] == ["1.2"]
    assert [e.key for e in changes.added] == ["1.2"]
    assert _only(changes, ChangeKind.ITEM_ADDED) == [
        ("1.2", "", "全面推广电子营业执照，在政务服务中普遍应用。")
    ]
    # A changed figure or date is no rewording, and nothing else changed.
    assert _only(changes, ChangeKind.ITEM_REWORDED) == []
    assert changes.counts() == {
        "item_added": 1,
        "item_removed": 1,
        "target_tightened": 1,
        "target_loosened": 1,
        "deadline_earlier": 1,
        "deadline_later": 1,
        "lead_changed": 1,
        "cooperating_changed": 1,
    }


def test_an_alias_of_an_agency_is_no_change() -> None:
    text = datasets.chongqing_2019_text()
    old = "员工参保登记3个工作日以内办结。\n\t市市场监管局\n"
    renamed = text.replace(old, old.replace("市市场监管局", "重庆市市场监督管理局"))
    assert renamed != text
    found = diff(datasets.chongqing_2019(), yingshang.parse(renamed))
    assert found.changes == ()


def test_items_renumbered_keep_their_match() -> None:
    text = datasets.chongqing_2019_text()
    # Measure 1's first item removed: its second item becomes (1).
    first = "\t（1）除涉及前置审批事项或企业名称核准与企业设立登记不在同一机关外，企业名称不再实行预先核准，2019年9月底前实现全市企业名称自主申报。\n（2）推行"
    assert text.count(first) == 1
    shorter = yingshang.parse(text.replace(first, "\t（1）推行"))
    found = diff(datasets.chongqing_2019(), shorter)
    assert [e.key for e in found.removed] == ["1.1"]
    assert found.added == ()
    assert [c.kind for c in found.changes] == [ChangeKind.ITEM_REMOVED]
    moved = {m.old.key: m.new.key for m in found.matches}
    assert moved["1.2"] == "1.1"


def _target(text: str, value: str, unit: str, comparator: Comparator, kind: TargetKind) -> Target:
    return Target(
        kind=kind,
        text=text,
        span=yingshang.Span(0, len(text)),
        quantity=Quantity(value, unit),
        comparator=comparator,
    )


@pytest.mark.parametrize(
    ("old", "new", "verdict"),
    [
        (("5个工作日以内", "5", "个工作日", Comparator.AT_MOST, TargetKind.DURATION),
         ("3个工作日以内", "3", "个工作日", Comparator.AT_MOST, TargetKind.DURATION),
         ChangeKind.TARGET_TIGHTENED),
        (("达到90%", "90", "%", Comparator.AT_LEAST, TargetKind.PERCENTAGE),
         ("达到95%", "95", "%", Comparator.AT_LEAST, TargetKind.PERCENTAGE),
         ChangeKind.TARGET_TIGHTENED),
        (("压缩60%", "60", "%", Comparator.EXACTLY, TargetKind.RELATIVE_CHANGE),
         ("压缩50%", "50", "%", Comparator.EXACTLY, TargetKind.RELATIVE_CHANGE),
         ChangeKind.TARGET_LOOSENED),
        (("3000万元", "30000000", "元", Comparator.EXACTLY, TargetKind.MONEY),
         ("5000万元", "50000000", "元", Comparator.EXACTLY, TargetKind.MONEY),
         ChangeKind.TARGET_CHANGED),
        (("24小时", "24", "小时", Comparator.EXACTLY, TargetKind.DURATION),
         ("1个工作日", "1", "个工作日", Comparator.EXACTLY, TargetKind.DURATION),
         ChangeKind.TARGET_CHANGED),
    ],
)  # fmt: skip
def test_which_way_a_figure_moved(
    old: tuple[Any, ...], new: tuple[Any, ...], verdict: ChangeKind
) -> None:
    from yingshang.diff import _verdict

    assert _verdict(_target(*old), _target(*new)) is verdict
    assert _verdict(_target(*old), _target(*old)) is None


@settings(max_examples=20)
@given(strategies.table_plans())
def test_a_rendered_plan_against_its_own_reading_has_no_change(plan: Any) -> None:
    parsed = yingshang.parse(render.table_export(plan))
    found = diff(parsed, parsed)
    assert found.changes == ()
    assert len(found.matches) == len(parsed.actions)


@settings(max_examples=20)
@given(strategies.table_plans())
def test_every_item_is_matched_added_or_removed(plan: Any) -> None:
    parsed = yingshang.parse(render.table_export(plan))
    fewer = attrs.evolve(parsed, areas=parsed.areas[1:])
    found = diff(parsed, fewer)
    assert len(found.matches) + len(found.removed) == len(parsed.actions)
    assert len(found.matches) + len(found.added) == len(fewer.actions)


def test_the_command_line_tells_the_changes(tmp_path: Path) -> None:
    old = tmp_path / "2019.txt"
    new = tmp_path / "2019-revised.txt"
    old.write_text(datasets.chongqing_2019_text(), encoding="utf-8")
    new.write_text(revised_text(), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "yingshang", "diff", str(old), str(new), "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    data = json.loads(result.stdout)
    assert data["matched"] == 205
    assert data["counts"]["target_tightened"] == 1
    assert {
        "change": "deadline_earlier",
        "old_item": "1.1",
        "new_item": "1.1",
        "area": "开办企业",
        "before": "2019-09-30",
        "after": "2019-06-30",
    } in data["changes"]
    table = subprocess.run(
        [sys.executable, "-m", "yingshang", "diff", str(old), str(new)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout
    assert table.startswith("205 items matched, 1 added, 1 removed")
    assert datetime.date(2019, 6, 30).isoformat() in table
