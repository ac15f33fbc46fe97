"""Queries answer the questions users bring, checked against the text and a brute-force scan."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import yingshang
from yingshang import query
from yingshang.model import Comparator, Plan, Quantity, TargetKind, TargetRole
from yingshang.registry import AgencyRegistry

PLAN = yingshang.datasets.chongqing_2019()

# Read off the table: every row whose lead cell names 市市场监管局, item by item.
MARKET_REGULATOR_LEADS = [
    "1.1",
    "1.2",
    "2.1",
    "3.1",
    "3.2",
    "3.3",
    "4.1",
    "4.2",
    "4.3",
    "4.4",
    "4.5",
    "12.1",
    "12.2",
    "12.3",
    "18.1",
    "18.2",
    "22.1",
    "22.2",
    "26.1",
    "26.2",
    "46.1",
    "46.2",
    "81.1",
    "81.2",
    "81.3",
    "82.2",
    "82.3",
    "88.4",
]


def test_what_the_market_regulator_leads_by_any_of_its_names() -> None:
    for name in ("市市场监管局", "重庆市市场监督管理局"):
        assert list(query.select(PLAN, agency=name, role="lead").keys) == MARKET_REGULATOR_LEADS


def test_the_agency_with_the_most_lead_assignments() -> None:
    counts = sorted(query.agency_counts(PLAN), key=lambda c: -c.lead)
    assert (counts[0].name, counts[0].lead) == ("市市场监管局", 28)
    assert counts[0].canonical_name == "重庆市市场监督管理局"
    assert counts[0].lead > counts[1].lead
    assert all(count.known for count in counts)


def test_agency_counts_agree_with_a_scan_by_name() -> None:
    for count in query.agency_counts(PLAN):
        lead = sum(any(u.name == count.name for u in a.lead_agencies) for a in PLAN.actions)
        assert count.lead == lead, count.name


def test_a_agency_the_registry_does_not_know_is_kept_as_written() -> None:
    empty = AgencyRegistry(())
    counts = query.agency_counts(PLAN, empty)
    assert not any(c.known for c in counts)
    assert {c.canonical_name for c in counts} == {c.name for c in counts}
    found = query.select(PLAN, agency="市市场监管局", role="lead", registry=empty)
    assert list(found.keys) == MARKET_REGULATOR_LEADS


def test_find_area_by_ordinal_chinese_ordinal_and_title() -> None:
    assert query.find_area(PLAN, 14).title == "劳动力市场监管"
    assert query.find_area(PLAN, "十四").title == "劳动力市场监管"
    assert query.find_area(PLAN, "二十、").title == "包容普惠创新"
    assert query.find_area(PLAN, "市场监管").ordinal == 19
    assert query.find_area(PLAN, "十九、市场监管").ordinal == 19
    with pytest.raises(query.NotFoundError, match="no area"):
        query.find_area(PLAN, "不存在")
    with pytest.raises(LookupError):
        query.find_measure(PLAN, 92)
    assert query.find_measure(PLAN, 50).title == "增强信息披露透明度"


def test_search_returns_items_with_the_matches_spans() -> None:
    found = query.search(PLAN, "DN100")
    assert found.keys == ("17.1", "18.1")
    for entry in found:
        assert entry.matches
        for span in entry.matches:
            assert entry.action.text[span.start : span.end] == "DN100"
    by_pattern = query.search(PLAN, pattern=r"DN\d+以下")
    assert [len(e.matches) for e in by_pattern] == [3, 1]


def test_queries_compose_and_keep_plan_order() -> None:
    base = query.Query(agency="市市场监管局")
    narrowed = base.where(area="开办企业")
    assert narrowed.run(PLAN).keys == tuple(MARKET_REGULATOR_LEADS[:11])
    assert narrowed.where(measure=3).run(PLAN).keys == ("3.1", "3.2", "3.3")
    assert query.select(PLAN, indicator="Starting a Business").keys == narrowed.run(PLAN).keys


def test_overdue_leaves_out_what_is_done() -> None:
    everything = query.entries(PLAN)
    with_dates = [e for e in everything if e.due is not None]
    late = query.overdue(PLAN, datetime.date(2100, 1, 1))
    assert late.keys == tuple(e.key for e in with_dates)
    if with_dates:
        done = [with_dates[0].key]
        assert with_dates[0].key not in query.overdue(PLAN, datetime.date(2100, 1, 1), done).keys
    assert query.overdue(PLAN, datetime.date(1900, 1, 1)).keys == ()


def test_timeline_is_ordered_by_date() -> None:
    dates = [due.date for due in query.timeline(PLAN)]
    assert dates == sorted(dates)


def test_results_display() -> None:
    found = query.select(PLAN, measure=14)
    assert repr(found) == "<Results: 2 items [14.1, 14.2]>"
    html = found._repr_html_()
    assert html.count("<tr>") == 3
    assert "市发展改革委" in html
    assert "<table>" in PLAN._repr_html_()
    assert PLAN.areas[0]._repr_html_().count("<tr>") == 5
    assert "精简企业开办流程" in PLAN.measures[0]._repr_html_()
    assert isinstance(found[0:1], query.Results)


def test_a_bad_pattern_is_a_yingshang_error() -> None:
    with pytest.raises(yingshang.YingshangError, match="invalid pattern"):
        query.search(PLAN, pattern="(")


# --- filters agree with a brute-force scan --------------------------------------------------

AGENCY_NAMES = sorted({u.name for a in PLAN.actions for u in a.agencies})


def _brute_force(
    plan: Plan,
    agency: str | None,
    role: str,
    area: int | None,
    measure: int | None,
    text: str | None,
    kind: TargetKind | None,
    due_by: datetime.date | None,
) -> tuple[str, ...]:
    keys = []
    for a in plan.areas:
        for m in a.measures:
            for action in m.actions:
                pools = {
                    "lead": action.lead_agencies,
                    "cooperating": action.cooperating_agencies,
                    "any": action.lead_agencies + action.cooperating_agencies,
                }[role]
                if agency is not None and agency not in {u.name for u in pools}:
                    continue
                if area is not None and a.ordinal != area:
                    continue
                if measure is not None and m.number != measure:
                    continue
                if text is not None and text not in action.text:
                    continue
                if kind is not None and kind not in {t.kind for t in action.targets}:
                    continue
                dates = [t.deadline.date for t in action.targets if t.deadline and t.deadline.date]
                if due_by is not None and not any(d <= due_by for d in dates):
                    continue
                keys.append(f"{m.number}.{action.number}")
    return tuple(keys)


@given(
    agency=st.none() | st.sampled_from(AGENCY_NAMES),
    role=st.sampled_from(["lead", "cooperating", "any"]),
    area=st.none() | st.integers(1, 20),
    measure=st.none() | st.integers(1, 91),
    text=st.none() | st.sampled_from(["工作日", "2019年底前", "DN", "市场", "。", "不存在的词"]),
    kind=st.none() | st.sampled_from(TargetKind),
    due_by=st.none() | st.dates(datetime.date(2018, 1, 1), datetime.date(2023, 12, 31)),
)
def test_filters_agree_with_a_brute_force_scan(
    agency: str | None,
    role: str,
    area: int | None,
    measure: int | None,
    text: str | None,
    kind: TargetKind | None,
    due_by: datetime.date | None,
) -> None:
    # The registry is left out so that names compare as written, as the scan does.
    found = query.select(
        PLAN,
        agency=agency,
        role=role,
        area=area,
        measure=measure,
        text=text,
        kind=kind,
        due_by=due_by,
        registry=AgencyRegistry(()),
    )
    assert found.keys == _brute_force(PLAN, agency, role, area, measure, text, kind, due_by)


@given(st.sampled_from(AGENCY_NAMES), st.data())
def test_a_agency_is_found_by_every_alias_the_registry_gives(
    name: str, data: st.DataObject
) -> None:
    registry = yingshang.default_registry()
    entry = registry.resolve(name)
    assert entry is not None
    alias = data.draw(st.sampled_from(entry.aliases))
    assert query.select(PLAN, agency=alias).keys == query.select(PLAN, agency=name).keys


def test_what_is_due_by_the_end_of_2019_agrees_with_the_wording() -> None:
    # Independent of the extractor: the items whose own words set a 2019 deadline.
    wording = regex.compile(r"2019年(?:\d{1,2}月)?底前|2020年前|2019年\d{1,2}月\d{1,2}日前")
    expected = tuple(e.key for e in query.entries(PLAN) if wording.search(e.action.text))
    found = query.select(PLAN, due_by=datetime.date(2019, 12, 31))
    assert found.keys == expected
    assert len(found) == 51
    assert "1.1" in found.keys  # 2019年9月底前
    assert query.select(PLAN, due_by=datetime.date(2019, 9, 30)).keys == ("1.1", "76.1")


def test_the_working_day_targets_of_starting_a_business() -> None:
    (hit,) = query.targets(PLAN, area="开办企业", kind="duration")
    assert hit.entry.key == "2.1"
    target = hit.target
    assert target.text == "3个工作日以内"
    assert target.quantity == Quantity(Decimal(3), "个工作日")
    assert target.comparator is Comparator.AT_MOST
    assert target.deadline is not None
    assert target.deadline.date == datetime.date(2019, 12, 31)


def test_targets_filter_by_kind_and_agency_agree_with_a_scan() -> None:
    for kind in TargetKind:
        hits = query.targets(PLAN, kind=kind, agency="市城市管理局")
        expected = [
            t
            for a in PLAN.actions
            if any(u.name == "市城市管理局" for u in a.agencies)
            for t in a.targets
            if t.kind is kind and t.role is TargetRole.COMMITMENT
        ]
        assert [h.target for h in hits] == expected


def test_targets_returns_commitments_unless_asked_for_other_roles() -> None:
    every = [t for a in PLAN.actions for t in a.targets]
    assert [h.target for h in query.targets(PLAN, target_role=None)] == every
    scopes = [h.target for h in query.targets(PLAN, target_role="scope")]
    assert scopes == [t for t in every if t.role is TargetRole.SCOPE]
    assert scopes  # 水表口径DN100以下的用水接入: what the measure covers
    assert all(h.target.role is TargetRole.COMMITMENT for h in query.targets(PLAN))


def test_a_working_day_target_falls_due_on_a_working_day_after_the_holidays() -> None:
    pytest.importorskip("chinese_calendar")
    (hit,) = query.targets(PLAN, area="开办企业", kind="duration")
    # 3个工作日 from 2019-09-30: 1-7 October are the National Day holidays.
    assert hit.due_date(datetime.date(2019, 9, 30)) == datetime.date(2019, 10, 10)
    assert hit.due_date(datetime.date(2019, 9, 2)) == datetime.date(2019, 9, 5)
    deadline_hit = query.targets(PLAN, area="开办企业", kind="deadline")[0]
    with pytest.raises(yingshang.YingshangError, match="not a duration"):
        deadline_hit.due_date(datetime.date(2019, 9, 30))


def test_measures_expose_the_sub_indices_they_name() -> None:
    (entry, *_) = query.select(PLAN, measure=8)
    assert [ref.index.name for ref in entry.sub_indices] == ["建筑质量控制指数"]
    assert entry.indicator is not None
    assert entry.indicator.doing_business == "Dealing with Construction Permits"
    rows = {row["item"]: row for row in yingshang.io.action_records(PLAN)}
    assert rows["8.1"]["sub_indices"] == "建筑质量控制指数"
    assert rows["1.1"]["sub_indices"] == ""


def test_a_pattern_that_backtracks_without_end_is_stopped_with_a_clear_error() -> None:
    long_item = "a" * 40 + "b。"
    text = (
        "某市营商环境工作方案\n附件\n主要举措\n\t目标任务\n\t工作措施\n\t牵头单位\n\t配合单位\n\n"
        f"\t一、开办企业\n\t1．精简流程\n\t{long_item}\n\t市财政局\n\t\n\n"
    )
    plan = yingshang.parse(text)
    assert [entry.key for entry in query.search(plan, pattern="a+b")] == ["1.1"]
    with pytest.raises(yingshang.YingshangError, match=r"ran longer than 0.2 s") as raised:
        query.search(plan, pattern=r"(a|aa)+$", timeout=0.2)
    assert isinstance(raised.value, TimeoutError)


AREAS_NUMBERING_FROM_ONE = """\
某区优化营商环境工作方案
一、主要任务
（一）精简审批。
1.推行容缺受理。（牵头单位：区政务服务中心）
2.推行告知承诺。（牵头单位：区司法局）
（二）优化监管。
1.推行信用监管。（牵头单位：区发展改革局）
"""


def test_items_of_areas_that_each_number_measures_from_one_have_distinct_keys() -> None:
    # Each area numbers its measures from 1: "1.1" would name two items; the area joins the key
    # (and the embedded plan, whose measures run on through its areas, keeps "measure.item").
    plan = yingshang.parse(AREAS_NUMBERING_FROM_ONE)
    assert plan.measure_numbers_repeat
    keys = [entry.key for entry in query.entries(plan)]
    assert keys == ["1.1.1", "1.2.1", "2.1.1"]
    assert [row["item"] for row in yingshang.io.action_records(plan)] == keys
    assert not PLAN.measure_numbers_repeat
    assert query.entries(PLAN)[0].key == "1.1"
    with pytest.raises(query.NotFoundError, match="areas 1、2"):
        query.find_measure(plan, 1)
    assert query.find_measure(plan, 1, area=2).title == "推行信用监管"
