"""Tests of yingshang.extract: targets written every way the strategies know, and hostile input."""

from __future__ import annotations

import datetime
import time
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from yingshang.extract import _patterns, _roles, _scan, _words, extract_targets
from yingshang.fold import fold
from yingshang.model import (
    Comparator,
    DeadlineKind,
    Direction,
    Quantity,
    Target,
    TargetKind,
    TargetRole,
)

from .target_strategies import (
    FILLER,
    ISSUE_DATE,
    Phrase,
    counted_changes,
    fillers,
    phrases,
    sentences,
)

# --- worked examples -----------------------------------------------------------------------------


def only(text: str) -> Target:
    """Return the single non-deadline target of `text`."""
    found = [t for t in extract_targets(text) if t.kind is not TargetKind.DEADLINE]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "kind", "quantity", "comparator"),
    [
        ("办结时间3个工作日以内", TargetKind.DURATION, Quantity(3, "个工作日"), Comparator.AT_MOST),
        ("审批时间控制在50个工作日以内", TargetKind.DURATION, Quantity(50, "个工作日"), Comparator.AT_MOST),
        ("情况复杂的不超过10个工作日", TargetKind.DURATION, Quantity(10, "个工作日"), Comparator.AT_MOST),
        ("力争通过3年左右的努力", TargetKind.DURATION, Quantity(3, "年"), Comparator.ABOUT),
        ("城市供电可靠率达到99.96%", TargetKind.PERCENTAGE, Quantity("99.96", "%"), Comparator.AT_LEAST),
        ("结案率达百分之九十以上", TargetKind.PERCENTAGE, Quantity(90, "%"), Comparator.AT_LEAST),
        ("给予不超过20%的政府补助", TargetKind.PERCENTAGE, Quantity(20, "%"), Comparator.AT_MOST),
        ("非居民供水3.25元/吨的价格", TargetKind.UNIT_PRICE, Quantity("3.25", "元/吨"), Comparator.EXACTLY),
        ("收费每件550元", TargetKind.UNIT_PRICE, Quantity(550, "元/件"), Comparator.EXACTLY),
        ("安排资金3000万元", TargetKind.MONEY, Quantity(30_000_000, "元"), Comparator.EXACTLY),
        ("投资1.5亿元", TargetKind.MONEY, Quantity(150_000_000, "元"), Comparator.EXACTLY),
        ("开展职业培训2万人次", TargetKind.COUNT, Quantity(20_000, "人次"), Comparator.EXACTLY),
        ("培育高价值核心专利600件以上", TargetKind.COUNT, Quantity(600, "件"), Comparator.AT_LEAST),
        ("培育孵化平台10家左右", TargetKind.COUNT, Quantity(10, "家"), Comparator.ABOUT),
        ("服务企业100多家", TargetKind.COUNT, Quantity(100, "家"), Comparator.MORE_THAN),
        ("其中企业3000多万户", TargetKind.COUNT, Quantity(30_000_000, "户"), Comparator.MORE_THAN),
        ("惠及企业20余萬戶", TargetKind.COUNT, Quantity(200_000, "户"), Comparator.MORE_THAN),
        ("减税降费1000余亿元", TargetKind.MONEY, Quantity(100_000_000_000, "元"), Comparator.MORE_THAN),
        ("至少完成2次培训", TargetKind.COUNT, Quantity(2, "次"), Comparator.AT_LEAST),
        ("接入容量160千伏安", TargetKind.PHYSICAL, Quantity(160, "千伏安"), Comparator.EXACTLY),
        ("利率下限下调20个基点", TargetKind.PERCENTAGE_POINTS, Quantity(20, "个基点"), Comparator.EXACTLY),
        ("热线接通时长控制在20秒以内", TargetKind.DURATION, Quantity(20, "秒"), Comparator.AT_MOST),
        ("实施411公里次支道路建设", TargetKind.PHYSICAL, Quantity(411, "公里"), Comparator.EXACTLY),
        ("新增城市绿地3000万平方米", TargetKind.PHYSICAL, Quantity(30_000_000, "平方米"), Comparator.EXACTLY),
        ("道路网密度达到8km/km2以上", TargetKind.PHYSICAL, Quantity(8, "km/km2"), Comparator.AT_LEAST),
        ("水表口径DN100以下", TargetKind.PHYSICAL, Quantity(100, "DN"), Comparator.AT_MOST),
        ("优良天数稳定在300天以上", TargetKind.PHYSICAL, Quantity(300, "天"), Comparator.AT_LEAST),
        ("平均审理天数压缩至100天以内", TargetKind.DURATION, Quantity(100, "天"), Comparator.AT_MOST),
        ("市场主体总量突破800万户", TargetKind.COUNT, Quantity(8_000_000, "户"), Comparator.MORE_THAN),
        ("贷款占比不低于三分之一", TargetKind.PERCENTAGE, Quantity(100 / Decimal(3), "%"), Comparator.AT_LEAST),
        ("高新技术企业数量翻一番", TargetKind.RELATIVE_CHANGE, Quantity(100, "%"), Comparator.EXACTLY),
        ("外贸总额翻两番以上", TargetKind.RELATIVE_CHANGE, Quantity(300, "%"), Comparator.AT_LEAST),
        ("营商环境评价进入全国前20名", TargetKind.RANK, Quantity(20, "名"), Comparator.AT_MOST),
        ("排名保持全省前三位", TargetKind.RANK, Quantity(3, "位"), Comparator.AT_MOST),
        ("市场主体满意度达到95分以上", TargetKind.SCORE, Quantity(95, "分"), Comparator.AT_LEAST),
        ("测评平均得分不低于85分", TargetKind.SCORE, Quantity(85, "分"), Comparator.AT_LEAST),
        ("企业每户节省费用约300元", TargetKind.MONEY, Quantity(300, "元"), Comparator.ABOUT),
        ("贴息不超过同期贷款市场报价利率的50%", TargetKind.PERCENTAGE, Quantity(50, "%"), Comparator.AT_MOST),
        ("起始价按不低于相对应《全国工业用地出让最低价标准》的70%执行", TargetKind.PERCENTAGE, Quantity(70, "%"), Comparator.AT_LEAST),
        ("每吨水价下调0.2元", TargetKind.RELATIVE_CHANGE, Quantity("0.2", "元/吨"), Comparator.EXACTLY),
        ("每千瓦时平均降低3.5分钱", TargetKind.RELATIVE_CHANGE, Quantity("3.5", "分/千瓦时"), Comparator.EXACTLY),
        ("按3分钱的标准给予补贴", TargetKind.MONEY, Quantity(3, "分"), Comparator.EXACTLY),
        ("万人发明专利拥有量达到9.2件", TargetKind.PHYSICAL, Quantity("9.2", "件/万人"), Comparator.AT_LEAST),
        ("推行7×24小时通关", TargetKind.SERVICE_HOURS, Quantity(168, "小时/周"), Comparator.EXACTLY),
        ("实行365天×24小时服务", TargetKind.SERVICE_HOURS, Quantity(168, "小时/周"), Comparator.EXACTLY),
        ("提高两个百分点", TargetKind.PERCENTAGE_POINTS, Quantity(2, "个百分点"), Comparator.EXACTLY),
    ],
)  # fmt: skip
def test_each_kind_is_read_with_its_value_and_bound(
    text: str, kind: TargetKind, quantity: Quantity, comparator: Comparator
) -> None:
    target = only(text)
    assert (target.kind, target.quantity, target.comparator) == (kind, quantity, comparator)


@pytest.mark.parametrize(
    ("text", "target_text", "kind", "quantity", "baseline", "direction", "comparator"),
    [
        ("用水接入办理时间由12个工作日缩减至7个工作日以内。", "由12个工作日缩减至7个工作日以内",
         TargetKind.DURATION, Quantity(7, "个工作日"), Quantity(12, "个工作日"),
         Direction.DECREASE, Comparator.AT_MOST),
        ("办理时限从15个工作日压减至10个工作日。", "从15个工作日压减至10个工作日",
         TargetKind.DURATION, Quantity(10, "个工作日"), Quantity(15, "个工作日"),
         Direction.DECREASE, Comparator.EXACTLY),
        ("审批时间由20日缩减至10个工作日；", "由20日缩减至10个工作日",
         TargetKind.DURATION, Quantity(10, "个工作日"), Quantity(20, "日"),
         Direction.DECREASE, Comparator.EXACTLY),
        ("将流程由9个减少为委托设计、委托施工5个阶段。", "由9个减少为委托设计、委托施工5个阶段",
         TargetKind.COUNT, Quantity(5, "个阶段"), Quantity(9, "个阶段"), Direction.DECREASE,
         Comparator.EXACTLY),
        ("审批由9个环节减少为5个。", "由9个环节减少为5个", TargetKind.COUNT, Quantity(5, "个环节"),
         Quantity(9, "个环节"), Direction.DECREASE, Comparator.EXACTLY),
        ("监管证件由86种减至46种，", "由86种减至46种", TargetKind.COUNT, Quantity(46, "种"),
         Quantity(86, "种"), Direction.DECREASE, Comparator.EXACTLY),
        ("登记费由每件550元减至80元。", "由每件550元减至80元", TargetKind.UNIT_PRICE,
         Quantity(80, "元/件"), Quantity(550, "元/件"), Direction.DECREASE, Comparator.EXACTLY),
        ("容忍度从不高于各项贷款不良率2个百分点放宽到3个百分点，",
         "从不高于各项贷款不良率2个百分点放宽到3个百分点", TargetKind.PERCENTAGE_POINTS,
         Quantity(3, "个百分点"), Quantity(2, "个百分点"), Direction.INCREASE, Comparator.AT_MOST),
        ("时限由12减至7个工作日", "由12减至7个工作日", TargetKind.DURATION,
         Quantity(7, "个工作日"), Quantity(12, "个工作日"), Direction.DECREASE, Comparator.EXACTLY),
        ("时限由12个工作日减至7。", "由12个工作日减至7", TargetKind.DURATION,
         Quantity(7, "个工作日"), Quantity(12, "个工作日"), Direction.DECREASE, Comparator.EXACTLY),
        ("将目前的20个环节压缩至10个环节。", "目前的20个环节压缩至10个环节", TargetKind.COUNT,
         Quantity(10, "个环节"), Quantity(20, "个环节"), Direction.DECREASE, Comparator.EXACTLY),
        ("将１２个工作日压缩至５个工作日。", "１２个工作日压缩至５个工作日", TargetKind.DURATION,
         Quantity(5, "个工作日"), Quantity(12, "个工作日"), Direction.DECREASE, Comparator.EXACTLY),
        ("将一般登记压缩至3个工作日，", "压缩至3个工作日", TargetKind.DURATION,
         Quantity(3, "个工作日"), None, Direction.DECREASE, Comparator.EXACTLY),
        ("接入容量放宽至160千伏安并延伸", "放宽至160千伏安", TargetKind.PHYSICAL,
         Quantity(160, "千伏安"), None, Direction.INCREASE, Comparator.EXACTLY),
        ("资费降低20%以上", "降低20%以上", TargetKind.RELATIVE_CHANGE, Quantity(20, "%"), None,
         Direction.DECREASE, Comparator.AT_LEAST),
        ("降低企业用电成本10%以上", "降低企业用电成本10%以上", TargetKind.RELATIVE_CHANGE,
         Quantity(10, "%"), None, Direction.DECREASE, Comparator.AT_LEAST),
        ("付款期限最长不得超过60日", "最长不得超过60日", TargetKind.DURATION, Quantity(60, "日"),
         None, None, Comparator.AT_MOST),
        ("提高网上办理比例90%", "90%", TargetKind.PERCENTAGE, Quantity(90, "%"), None, None,
         Comparator.EXACTLY),
        ("审批服务提速60%以上", "提速60%以上", TargetKind.RELATIVE_CHANGE, Quantity(60, "%"), None,
         Direction.INCREASE, Comparator.AT_LEAST),
        ("审批提速至3个工作日", "3个工作日", TargetKind.DURATION, Quantity(3, "个工作日"), None, None,
         Comparator.EXACTLY),  # faster is a shorter time: no direction rather than a wrong one
        ("铁路货运价格下浮10%", "下浮10%", TargetKind.RELATIVE_CHANGE, Quantity(10, "%"), None,
         Direction.DECREASE, Comparator.EXACTLY),
        ("贷款额度上浮30%", "上浮30%", TargetKind.RELATIVE_CHANGE, Quantity(30, "%"), None,
         Direction.INCREASE, Comparator.EXACTLY),
        ("小规模纳税人减按50%征收", "减按50%", TargetKind.PERCENTAGE, Quantity(50, "%"), None,
         Direction.DECREASE, Comparator.EXACTLY),
    ],
)  # fmt: skip
def test_a_change_is_one_target_with_baseline_and_direction(
    text: str,
    target_text: str,
    kind: TargetKind,
    quantity: Quantity,
    baseline: Quantity | None,
    direction: Direction | None,
    comparator: Comparator,
) -> None:
    target = only(text)
    assert target.text == target_text
    assert (target.kind, target.quantity, target.baseline) == (kind, quantity, baseline)
    assert (target.direction, target.comparator) == (direction, comparator)


def test_a_change_between_years_keeps_its_baseline_and_is_due_in_the_later_year() -> None:
    (target,) = extract_targets("网上可办率由2018年的60%提升至2020年的95%。")
    assert target.text == "由2018年的60%提升至2020年的95%"
    assert (target.quantity, target.baseline) == (Quantity(95, "%"), Quantity(60, "%"))
    assert target.direction is Direction.INCREASE
    assert target.deadline is not None
    assert target.deadline.date == datetime.date(2020, 12, 31)
    # The year of the baseline is no deadline: nothing is due at the end of 2018.
    (target,) = extract_targets("网上可办率由2018年底的60%提升至95%。")
    assert (target.baseline, target.deadline) == (Quantity(60, "%"), None)


def test_a_reference_year_is_kept_and_not_reported() -> None:
    targets = extract_targets("2019年底前实现口岸整体通关时间在2017年基础上压缩60%。")
    assert [t.kind for t in targets] == [TargetKind.DEADLINE, TargetKind.RELATIVE_CHANGE]
    change = targets[1]
    assert change.text == "在2017年基础上压缩60%"
    assert (change.quantity, change.baseline_year) == (Quantity(60, "%"), 2017)
    assert change.deadline is not None
    assert change.deadline.date == datetime.date(2019, 12, 31)


@pytest.mark.parametrize(
    ("text", "target_text", "quantity", "year"),
    [
        ("通关时间比2017年压缩一半以上。", "比2017年压缩一半以上", Quantity(50, "%"), 2017),
        ("外贸总额比2020年翻番。", "比2020年翻番", Quantity(100, "%"), 2020),
    ],
)
def test_a_change_in_words_keeps_its_reference_year(
    text: str, target_text: str, quantity: Quantity, year: int
) -> None:
    (change,) = extract_targets(text)
    assert (change.text, change.quantity, change.baseline_year) == (target_text, quantity, year)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("在2018年基础上，2020年电价降低10%，审批时间压缩50%。", [2018, 2018]),
        ("与2017年相比，进出口环节合规成本降低一半。", [2017]),
        # Not a clause of its own, or in another sentence: no reference.
        ("在2018年基础上推进改革，电价降低10%。", [None]),
        ("在2018年基础上。电价降低10%。", [None]),
    ],
)
def test_a_reference_year_in_a_clause_of_its_own_holds_for_the_sentence(
    text: str, years: list[int | None]
) -> None:
    changes = [t for t in extract_targets(text) if t.kind is TargetKind.RELATIVE_CHANGE]
    assert [t.baseline_year for t in changes] == years


def test_a_span_of_time_before_a_plan_name_is_a_time_limit_only_when_bounded() -> None:
    (limit,) = extract_targets("三年内完成规划编制")
    assert (limit.kind, limit.quantity, limit.comparator) == (
        TargetKind.DURATION,
        Quantity(3, "年"),
        Comparator.AT_MOST,
    )


def test_a_span_of_time_before_the_plans_own_words_is_no_plan_name() -> None:
    # 5个月 before 在本方案印发之日起… was taken for a plan named …方案 (a property test's phrase
    # before a deadline found it).
    duration, deadline = extract_targets("5个月在本方案印发之日起1个月内")
    assert (duration.kind, duration.quantity) == (TargetKind.DURATION, Quantity(5, "个月"))
    assert deadline.kind is TargetKind.DEADLINE


@pytest.mark.parametrize(
    "text", ["今年内完成清理", "今年年内完成清理", "年内完成清理", "本年度内完成清理"]
)
def test_within_the_year_is_the_plans_year(text: str) -> None:
    (deadline,) = extract_targets(text, issue_date=datetime.date(2020, 3, 1))
    assert deadline.deadline is not None
    assert (deadline.deadline.kind, deadline.deadline.date) == (
        DeadlineKind.BY,
        datetime.date(2020, 12, 31),
    )


@pytest.mark.parametrize(
    ("text", "phrase", "due"),
    [
        # A deadline without a year, after one with a year in the same sentence, is in that year.
        ("2020年3月底前出台实施细则，6月底前全面实施", "6月底前", datetime.date(2020, 6, 30)),
        ("二〇二一年一季度末前完成试点，年底前全面推开", "年底前", datetime.date(2021, 12, 31)),
        ("自2021年1月1日起施行，国庆节前完成评估", "国庆节前", datetime.date(2021, 9, 30)),
        ("在2020年3月底前出台实施细则，6月底前全面实施", "6月底前", datetime.date(2020, 6, 30)),
        # Otherwise the plan's: a year of reference, another sentence, a document's title.
        ("在2017年基础上压缩60%，6月底前完成", "6月底前", datetime.date(2019, 6, 30)),
        ("较2018年下降10%，年底前完成", "年底前", datetime.date(2019, 12, 31)),
        ("2020年3月底前出台。6月底前全面实施", "6月底前", datetime.date(2019, 6, 30)),
        ("按《2021年工作要点》要求，6月底前完成", "6月底前", datetime.date(2019, 6, 30)),
        ("6月底前完成试点，2020年底前全面推开", "6月底前", datetime.date(2019, 6, 30)),
    ],
)  # fmt: skip
def test_a_deadline_without_a_year_takes_the_sentences(
    text: str, phrase: str, due: datetime.date
) -> None:
    targets = extract_targets(text, issue_date=datetime.date(2019, 7, 1))
    (deadline,) = [t.deadline for t in targets if t.text == phrase]
    assert deadline is not None
    assert deadline.date == due


@pytest.mark.parametrize("text", ["半年内完成", "多年内", "青年内部"])
def test_a_year_word_before_nei_is_no_deadline(text: str) -> None:
    assert not [t for t in extract_targets(text) if t.kind is TargetKind.DEADLINE]


def test_the_deadline_governs_every_target_of_its_sentence() -> None:
    text = (
        "2019年底前将高压客户办电时限控制在20个工作日以内；低压客户控制在4个工作日以内。"
        "临时占用城市道路2个工作日内办结。"
    )
    targets = extract_targets(text)
    dates = [(t.text, t.deadline.date if t.deadline else None) for t in targets]
    assert dates == [
        ("2019年底前", datetime.date(2019, 12, 31)),
        ("控制在20个工作日以内", datetime.date(2019, 12, 31)),
        ("控制在4个工作日以内", datetime.date(2019, 12, 31)),
        ("2个工作日内", None),
    ]


def test_a_sentence_beginning_with_qizhong_continues_the_one_before() -> None:
    text = (
        "2020年底前实现办理时间缩减至7个工作日以内。其中，不涉及行政审批的，4个工作日内装表通水。"
    )
    durations = [t for t in extract_targets(text) if t.kind is TargetKind.DURATION]
    assert [t.deadline.date for t in durations if t.deadline] == [datetime.date(2020, 12, 31)] * 2


def test_each_deadline_governs_what_follows_it() -> None:
    text = "2020年底前全市新增城市绿地3000万平方米，2022年底前绿化覆盖率达到45%。"
    governed = {t.text: t.deadline.year for t in extract_targets(text) if t.deadline}
    assert governed["3000万平方米"] == 2020
    assert governed["达到45%"] == 2022


def test_relative_deadlines_use_the_issue_date_and_swallow_their_duration() -> None:
    text = "在本方案印发之日起1个月内制定具体措施。"
    (target,) = extract_targets(text, issue_date=datetime.date(2019, 7, 23))
    assert target.kind is TargetKind.DEADLINE
    assert target.text == "在本方案印发之日起1个月内"
    assert target.deadline is not None
    assert target.deadline.kind is DeadlineKind.WITHIN
    assert target.deadline.date == datetime.date(2019, 8, 23)
    assert target.deadline.offset == Quantity(1, "个月")


def test_a_comparator_before_a_list_covers_the_list() -> None:
    targets = extract_targets("完成至少5家上市公司、2家新三板公司现场检查")
    assert [(t.quantity, t.comparator) for t in targets] == [
        (Quantity(5, "家"), Comparator.AT_LEAST),
        (Quantity(2, "家"), Comparator.AT_LEAST),
    ]


@pytest.mark.parametrize(
    ("text", "target_text", "quantity"),
    [
        ("审批时间压缩三成以上", "压缩三成以上", Quantity(30, "%")),
        ("企业满意度达到九成以上", "达到九成以上", Quantity(90, "%")),
        ("申报材料减少2/3", "减少2/3", Quantity(100 * Decimal(2) / 3, "%")),
        ("审批事项精简百分之三十", "精简百分之三十", Quantity(30, "%")),
    ],
)
def test_shares_in_tenths_and_fractions(text: str, target_text: str, quantity: Quantity) -> None:
    (target,) = extract_targets(text)
    assert (target.text, target.quantity) == (target_text, quantity)
    assert str(target.quantity.value) == str(quantity.value)  # 30, not 3E+1


@pytest.mark.parametrize(
    "text", ["一成不变", "三五成群", "降低企业成本", "2019/7/23", "7/23", "5/3", "成员单位"]
)
def test_words_and_dates_with_cheng_or_a_slash_are_no_shares(text: str) -> None:
    assert extract_targets(text) == ()


@pytest.mark.parametrize(
    ("text", "target_text", "direction"),
    [
        ("工业增加值增长率降低到3%", "降低到3%", Direction.DECREASE),
        ("增加值占GDP比重提高到10%左右", "提高到10%左右", Direction.INCREASE),
    ],
)
def test_nouns_built_on_a_change_verb_are_not_its_verb(
    text: str, target_text: str, direction: Direction
) -> None:
    (target,) = extract_targets(text)  # 增加值 (value added), 增长率 (growth rate)
    assert (target.text, target.direction) == (target_text, direction)


def test_a_change_verb_covers_a_list_of_new_values() -> None:
    targets = extract_targets("进一步压减环节至3个、2个。")
    assert [(t.quantity, t.direction) for t in targets] == [
        (Quantity(3, "个"), Direction.DECREASE),
        (Quantity(2, "个"), Direction.DECREASE),
    ]


@pytest.mark.parametrize(
    ("text", "target_text", "quantity"),
    [
        ("将企业开办流程简化为办理营业执照、申领发票、员工参保登记3个环节。", "3个环节",
         Quantity(3, "个环节")),
        ("取消20项证明事项", "20项证明事项", Quantity(20, "项证明事项")),
        ("各区县新增5个窗口", "5个窗口", Quantity(5, "个窗口")),
        ("申请材料精简至3件材料以内", "精简至3件材料以内", Quantity(3, "件材料")),
        ("纳入国家考核的42个断面", "42个断面", Quantity(42, "个断面")),
        # A noun further away, or one not in the closed list, leaves the measure word bare.
        ("围绕20个重要方面", "20个", Quantity(20, "个")),
        ("建设5个产业专利导航中心", "5个", Quantity(5, "个")),
        ("覆盖5个中心城区", "5个", Quantity(5, "个")),
        ("推动6类行政权力网上办理", "6类", Quantity(6, "类")),
        # People counted (人次) take no noun; units that are words of their own stay whole.
        ("培训2万人次企业", "2万人次", Quantity(20_000, "人次")),
        ("3个工作日办结", "3个工作日", Quantity(3, "个工作日")),
    ],
)  # fmt: skip
def test_a_count_keeps_the_noun_it_counts(text: str, target_text: str, quantity: Quantity) -> None:
    target = only(text)
    assert (target.text, target.quantity) == (target_text, quantity)


@pytest.mark.parametrize(
    ("text", "target_text", "quantity", "comparator"),
    [
        ("1至3个工作日办结", "1至3个工作日", Quantity(3, "个工作日"), Comparator.AT_MOST),
        ("一般在3-5个工作日内办结", "3-5个工作日内", Quantity(5, "个工作日"), Comparator.AT_MOST),
        ("缩短为3～5天", "缩短为3～5天", Quantity(5, "天"), Comparator.AT_MOST),
        ("一至三个月", "一至三个月", Quantity(3, "个月"), Comparator.AT_MOST),
        ("费率下浮5%—10%", "下浮5%—10%", Quantity(10, "%"), Comparator.AT_MOST),
        ("用时1个工作日至3个工作日", "1个工作日至3个工作日", Quantity(3, "个工作日"),
         Comparator.AT_MOST),
        ("每年培育3到5家", "3到5家", Quantity(5, "家"), Comparator.AT_MOST),
        ("十户至二十户", "十户至二十户", Quantity(20, "户"), Comparator.AT_MOST),  # not per ten
        # A word after the range still says how it bounds; a word before it joins the text.
        ("3至5个工作日左右", "3至5个工作日左右", Quantity(5, "个工作日"), Comparator.ABOUT),
        ("控制在3至5个工作日", "控制在3至5个工作日", Quantity(5, "个工作日"), Comparator.AT_MOST),
        # Not ranges: a larger number before the joiner, a code, a change verb.
        ("拨打12345-6个", "6个", Quantity(6, "个"), Comparator.EXACTLY),
        ("压缩至3个工作日", "压缩至3个工作日", Quantity(3, "个工作日"), Comparator.EXACTLY),
    ],
)  # fmt: skip
def test_a_range_is_read_as_at_most_its_upper_end(
    text: str, target_text: str, quantity: Quantity, comparator: Comparator
) -> None:
    target = only(text)
    assert (target.text, target.quantity, target.comparator) == (target_text, quantity, comparator)


@pytest.mark.parametrize(
    ("text", "comparator"),
    [("审批时限压缩至法定时限的一半以内", Comparator.AT_MOST),
     ("审批时限压缩至法定时限的一半", Comparator.EXACTLY),
     ("审批时限压缩一半以上", Comparator.AT_LEAST),
     ("审批时限压缩一半以内", Comparator.EXACTLY)],
)  # fmt: skip
def test_a_share_brought_to_may_be_bounded_from_above(text: str, comparator: Comparator) -> None:
    (target,) = extract_targets(text)
    assert (target.quantity, target.comparator) == (Quantity(50, "%"), comparator)


@pytest.mark.parametrize(
    ("text", "target_text", "quantity"),
    [("由原来的5天缩短为半天", "由原来的5天缩短为半天", Quantity("0.5", "天")),
     ("企业开办压缩至半个工作日以内", "压缩至半个工作日以内", Quantity("0.5", "个工作日")),
     ("半小时办结", "半小时", Quantity("0.5", "小时"))],
)  # fmt: skip
def test_half_a_unit_of_time_is_a_duration(text: str, target_text: str, quantity: Quantity) -> None:
    (target,) = extract_targets(text)
    assert (target.kind, target.text, target.quantity) == (
        TargetKind.DURATION,
        target_text,
        quantity,
    )


@pytest.mark.parametrize(
    ("text", "target_text", "quantity"),
    [("企业开办实现当日办结", "当日", Quantity(1, "日")),
     ("不动产登记当天办好", "当天", Quantity(1, "天")),
     # A time limit in quotes is still one when the work it bounds follows it.
     ("实现“一日办结”", "一日", Quantity(1, "日")),
     ("推行“当日办结”", "当日", Quantity(1, "日"))],
)  # fmt: skip
def test_the_same_day_is_a_one_day_time_limit(
    text: str, target_text: str, quantity: Quantity
) -> None:
    (target,) = extract_targets(text)
    assert (target.kind, target.text, target.quantity) == (
        TargetKind.DURATION,
        target_text,
        quantity,
    )


@pytest.mark.parametrize("text", ["一二\n2019年", "开办\n企业", "压缩\n2019年7月"])
def test_a_wrapped_text_with_no_target_gives_none(text: str) -> None:
    assert extract_targets(text) == ()


@pytest.mark.parametrize(
    ("text", "level", "direction"),
    [("平均利率下降0.8个百分点至5.2%", Quantity("5.2", "%"), Direction.DECREASE),
     ("营业收入增长15%至120亿元", Quantity(12_000_000_000, "元"), Direction.INCREASE)],
)  # fmt: skip
def test_the_level_a_change_by_an_amount_comes_to_is_reached_in_its_direction(
    text: str, level: Quantity, direction: Direction
) -> None:
    change, reached = extract_targets(text)
    assert change.direction is direction
    assert (reached.quantity, reached.direction, reached.baseline) == (level, direction, None)


def test_a_verb_of_shortening_with_zai_is_a_change_to_a_value() -> None:
    (target,) = extract_targets("将企业开办时间压缩在1个工作日以内")
    assert (target.text, target.quantity, target.comparator, target.direction) == (
        "压缩在1个工作日以内",
        Quantity(1, "个工作日"),
        Comparator.AT_MOST,
        Direction.DECREASE,
    )
    # 在 is the verb's, not the start of what changes before a later 到 (a property test's
    # phrase found 压缩(在零元)到 read as one change marker, and the price left with no change).
    change, deadline = extract_targets("由每件5元压缩在零元到2020年")
    assert (change.text, change.quantity, change.baseline) == (
        "由每件5元压缩在零元",
        Quantity(0, "元/件"),
        Quantity(5, "元/件"),
    )
    assert deadline.kind is TargetKind.DEADLINE


@pytest.mark.parametrize(
    ("text", "due"),
    [("力争2025年全市市场主体突破100万户", datetime.date(2025, 12, 31)),
     ("确保2020年各区县实现全覆盖", datetime.date(2020, 12, 31)),
     ("争取2022年6月上线运行", datetime.date(2022, 6, 30))],
)  # fmt: skip
def test_a_year_aimed_at_is_a_deadline(text: str, due: datetime.date) -> None:
    # 力争, 确保, 争取 before a year read as 到 does: by then. A year alone is a date.
    deadline, *governed = extract_targets(text)
    assert deadline.kind is TargetKind.DEADLINE
    assert deadline.deadline is not None
    assert (deadline.deadline.kind, deadline.deadline.date) == (DeadlineKind.BY, due)
    assert all(t.deadline == deadline.deadline for t in governed)
    assert not [t for t in extract_targets(text[2:]) if t.kind is TargetKind.DEADLINE]


@pytest.mark.parametrize(
    ("text", "due"),
    [("2022年全面完成改造任务", datetime.date(2022, 12, 31)),
     ("2020年实现全覆盖", datetime.date(2020, 12, 31)),
     ("2021年6月基本建成", datetime.date(2021, 6, 30))],
)  # fmt: skip
def test_a_year_before_the_work_done_is_a_deadline(text: str, due: datetime.date) -> None:
    # A year (or month) right before the verb of finishing is when the work is due; not once it
    # is done (实现了), nor a day's start (2021年7月1日起).
    (deadline,) = extract_targets(text)
    assert deadline.text == text[: text.index("月" if "月" in text else "年") + 1]
    assert deadline.deadline is not None
    assert (deadline.deadline.kind, deadline.deadline.date) == (DeadlineKind.BY, due)
    assert deadline.role is TargetRole.COMMITMENT
    assert not extract_targets(text.replace("成", "成了", 1).replace("现", "现了", 1))
    assert not extract_targets("2021年7月1日起在全省实施")


def test_a_year_done_or_past_is_reported() -> None:
    # In a plan of 2021, 2020年实现… reports the year past; 已于…前完成 reports what is done.
    sentence = "2020年实现地区生产总值2.5万亿元，增长5%。"
    past = extract_targets(sentence, issue_date=datetime.date(2021, 3, 1))
    assert [t.role for t in past] == [TargetRole.STATUS] * 3
    planned = extract_targets(sentence, issue_date=datetime.date(2020, 3, 1))
    assert [t.role for t in planned] == [TargetRole.COMMITMENT] * 3
    done = extract_targets("已在2021年底前完成改造300户。")
    assert [t.role for t in done] == [TargetRole.STATUS] * 2
    # 已 a few words before the figure in its clause, in a sentence that also promises
    mixed = extract_targets("截至2020年底，已累计完成改造1200户，力争2021年底前再完成500户。")
    assert [t.role for t in mixed] == [TargetRole.STATUS] * 2 + [TargetRole.COMMITMENT] * 2


@pytest.mark.parametrize(
    ("text", "due"),
    [("（完成时限：2020年12月）", datetime.date(2020, 12, 31)),
     ("时间节点: 2022年6月", datetime.date(2022, 6, 30)),
     ("完成时间：2021年", datetime.date(2021, 12, 31))],
)  # fmt: skip
def test_a_date_labelled_as_the_time_to_finish_is_a_deadline(text: str, due: datetime.date) -> None:
    # 完成时限, 完成时间, 时间节点 label the date the work is due by, as a deadline cell does.
    (deadline,) = extract_targets(text)
    assert deadline.deadline is not None
    assert (deadline.deadline.kind, deadline.deadline.date) == (DeadlineKind.BY, due)
    # Another time is a date: 发布时间：2019年7月23日 is when the plan was issued.
    assert not extract_targets(
        text.replace("完成时限", "发布时间").replace("节点", "").replace("完成", "成立")
    )


@pytest.mark.parametrize("text", ["当天会议决定", "“一网通办”", "“三个作用”", "当日下午召开"])
def test_a_day_named_or_a_slogan_is_no_time_limit(text: str) -> None:
    assert not list(extract_targets(text))


def test_a_price_notice_names_the_unit_once() -> None:
    # 每千瓦时 holds for the amounts after 为 or listed right after the price, in its sentence.
    notice = "电价为每千瓦时0.6574元，1-10千伏为0.6374元。"
    prices = [t for t in extract_targets(notice) if t.kind is TargetKind.UNIT_PRICE]
    assert [t.quantity for t in prices] == [
        Quantity("0.6574", "元/千瓦时"),
        Quantity("0.6374", "元/千瓦时"),
    ]
    listed = extract_targets("电价为每千瓦时0.65元、0.63元")
    assert [t.quantity for t in listed] == [
        Quantity("0.65", "元/千瓦时"),
        Quantity("0.63", "元/千瓦时"),
    ]
    # another sentence, or an amount that is not listed with the price, keeps its 元
    (_, amount) = extract_targets("每千瓦时0.65元。企业为此支付500元")
    assert amount.quantity == Quantity(500, "元")


def test_a_word_ending_in_a_comparator_is_no_comparator() -> None:
    # 节约500元 saves 500元; 约500元 is about 500元.
    assert only("为企业节约500元").comparator is Comparator.EXACTLY
    assert only("节约成本约500元").comparator is Comparator.ABOUT


def test_the_end_of_a_year_past_written_bare_reports() -> None:
    # 2020年末… in a plan of 2021 reports; 到2020年底 and 2020年底前 are deadlines still.
    issued = datetime.date(2021, 3, 1)
    reported = extract_targets("2020年末普惠小微贷款余额15.1万亿元。", issue_date=issued)
    assert [t.role for t in reported] == [TargetRole.STATUS] * 2
    for promised in ("2021年末，全市市场主体达到50万户。", "2020年底前全市达到50万户。"):
        assert {t.role for t in extract_targets(promised, issue_date=issued)} == {
            TargetRole.COMMITMENT
        }


def test_a_bound_before_a_list_stops_at_a_change_of_its_own() -> None:
    # 突破 covers 20万户; 增长12% has its own verb, exactly 12%. 至少 covers the whole list.
    count, change = extract_targets("力争全年新登记市场主体突破20万户、增长12%。")
    assert (count.comparator, change.comparator) == (Comparator.MORE_THAN, Comparator.EXACTLY)
    listed = extract_targets("至少完成5家上市公司、2家新三板公司")
    assert [t.comparator for t in listed] == [Comparator.AT_LEAST] * 2


def test_a_time_limit_reached_is_no_floor() -> None:
    # 达到 before a time limit is the time to keep to; before a count or share it is a floor.
    assert only("力争达到3个工作日").comparator is Comparator.EXACTLY
    assert only("服务时间达到12小时以上").comparator is Comparator.AT_LEAST
    assert only("力争达到3家").comparator is Comparator.AT_LEAST


def test_the_year_of_a_value_not_read_is_no_deadline() -> None:
    # 由2017年的第78批提升至2019年的第31批: the years date ordinals (no target); a value that is
    # read takes its year as its deadline.
    assert not extract_targets("由2017年的第78批提升至2019年的第31批。")
    (share,) = extract_targets("由2018年的62%提升至2022年的90%。")
    assert share.deadline is not None
    assert share.deadline.date == datetime.date(2022, 12, 31)
    assert [t.kind for t in extract_targets("到2025年的主要目标")] == [TargetKind.DEADLINE]


def test_a_place_reached_in_a_ranking_is_a_rank() -> None:
    # 第8位 after 至, 进入, 位居…: a place in a ranking; other ordinals (第三期) are none.
    (change,) = extract_targets("排名由2018年的第20位跃升至2022年的第8位。")
    assert (change.kind, change.quantity, change.baseline) == (
        TargetKind.RANK,
        Quantity(8, "位"),
        Quantity(20, "位"),
    )
    assert change.comparator is Comparator.EXACTLY
    assert change.deadline is not None
    assert change.deadline.date == datetime.date(2022, 12, 31)
    (place,) = extract_targets("力争进入全国第10名")
    assert (place.text, place.quantity) == ("第10名", Quantity(10, "名"))
    # Places held report (排名第5位, 位列第3名) unless their clause promises them.
    held = extract_targets("我市在全国评价中排名第5位，位列第3名")
    assert [(t.text, t.role) for t in held] == [
        ("第5位", TargetRole.STATUS),
        ("第3名", TargetRole.STATUS),
    ]
    assert only("力争营商环境评价位居全省第1位").role is TargetRole.COMMITMENT
    assert only("进入全国前10名").comparator is Comparator.AT_MOST
    assert not extract_targets("第三期第2位次，第一批第3名")
    # Without 第 or 位: 跻身全球前40 is at most 40th; 前3季度 is a span, not a place.
    assert (only("跻身全球前40").quantity, only("跻身全球前40").comparator) == (
        Quantity(40, "位"),
        Comparator.AT_MOST,
    )
    assert not extract_targets("前3季度，全市新增市场主体")
    # A change by places, then the place it comes to: not a range.
    by, to = extract_targets("其中，办理破产排名提升10位至第51位。")
    assert (by.kind, by.quantity, by.direction) == (
        TargetKind.RELATIVE_CHANGE,
        Quantity(10, "位"),
        Direction.INCREASE,
    )
    assert (to.text, to.quantity) == ("第51位", Quantity(51, "位"))


def test_a_change_to_a_past_year_is_reported() -> None:
    # 由2018年的62%提升至2020年的98.5% in a plan of 2021: what was done, not what is promised
    text = "网上可办率由2018年的62%提升至2020年的98.5%，企业开办时间压缩至2个工作日。"
    reported, promised = extract_targets(text, issue_date=datetime.date(2021, 3, 1))
    assert reported.role is TargetRole.STATUS
    assert promised.role is TargetRole.STATUS  # the sentence reports
    later = extract_targets(text, issue_date=datetime.date(2020, 3, 1))
    assert [t.role for t in later] == [TargetRole.COMMITMENT] * 2


@pytest.mark.parametrize(
    "text", ["连续12个月缴纳社会保险的", "连续三年位居全省第一", "連續3年以上"]
)
def test_a_span_after_lianxu_is_how_long_something_lasts(text: str) -> None:
    # 连续 before a span: a condition or a record, never a time limit to meet.
    (target,) = extract_targets(text)
    assert target.kind is TargetKind.DURATION
    assert target.role is TargetRole.SCOPE
    (limit,) = extract_targets(text.replace("连续", "").replace("連續", ""))
    assert limit.role is TargetRole.COMMITMENT


@pytest.mark.parametrize(
    "text", ["实行一次告知、一次办结", "实现一窗受理、一次采集、一档管理", "“一次办好”改革"]
)
def test_once_as_the_manner_of_a_work_is_no_count(text: str) -> None:
    # 一次 before the work, at a clause's head or after 实行/实现: how it is done. After the
    # verb it counts (最多跑一次, 每年开展一次检查), as does a bound on it (一次以上).
    assert not extract_targets(text)
    for counted in ("企业办事最多跑一次", "每年开展一次检查", "检查一次以上"):
        assert [t.quantity for t in extract_targets(counted)] == [Quantity(1, "次")]


@pytest.mark.parametrize(
    ("text", "role"),
    [("可申请最高不超过500万元的创业担保贷款", TargetRole.COMMITMENT),
     ("对不超过500万元的贷款项目免于审查", TargetRole.SCOPE),
     ("起始价按不低于标准的70%执行", TargetRole.COMMITMENT),
     ("合同签订后支付不低于30%的预付款", TargetRole.COMMITMENT),
     ("月销售额15万元以下免征增值税", TargetRole.SCOPE),
     ("容量160千瓦及以下执行“零投资”", TargetRole.SCOPE)],
)  # fmt: skip
def test_a_bound_the_measure_gives_or_applies_is_no_scope(text: str, role: TargetRole) -> None:
    # 最高… sizes what is given; 按…执行 applies a rate. Without them, a bound before the
    # projects or before what is done for those within it picks whom the measure covers.
    (target,) = extract_targets(text)
    assert target.role is role


@pytest.mark.parametrize("text", ["上半年完成试点", "每半月通报", "半年内完成", "压缩一半"])
def test_half_a_year_or_a_share_is_no_half_duration(text: str) -> None:
    assert not [t for t in extract_targets(text) if t.kind is TargetKind.DURATION]


def test_a_range_after_a_change_verb_keeps_the_direction() -> None:
    target = only("审批时间压缩至1至3个工作日。")
    assert (target.text, target.quantity) == ("压缩至1至3个工作日", Quantity(3, "个工作日"))
    assert (target.comparator, target.direction) == (Comparator.AT_MOST, Direction.DECREASE)


def test_bare_values_after_an_ordinal_are_no_quantities() -> None:
    assert all(t.quantity != Quantity(3, "条") for t in extract_targets("按第3、5条办理"))


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("进出口整体通关时间分别压缩至40小时和1.5小时以内。",
         [(Quantity(40, "小时"), Comparator.AT_MOST), (Quantity("1.5", "小时"), Comparator.AT_MOST)]),
        ("办理时限分别为5个工作日、3个工作日及1个工作日以内",
         [(Quantity(5, "个工作日"), Comparator.AT_MOST), (Quantity(3, "个工作日"), Comparator.AT_MOST),
          (Quantity(1, "个工作日"), Comparator.AT_MOST)]),
        ("覆盖率分别达到95%与90%以上", [(Quantity(95, "%"), Comparator.AT_LEAST),
                                       (Quantity(90, "%"), Comparator.AT_LEAST)]),
        # A value with a bound of its own keeps it; values of another kind, or in another
        # clause, do not share the bound.
        ("不少于2个工作日和5个工作日以内",
         [(Quantity(2, "个工作日"), Comparator.AT_LEAST),
          (Quantity(5, "个工作日"), Comparator.AT_MOST)]),
        ("3个工作日和5%以内", [(Quantity(3, "个工作日"), Comparator.EXACTLY),
                               (Quantity(5, "%"), Comparator.AT_MOST)]),
        ("分别为40小时，1.5小时以内", [(Quantity(40, "小时"), Comparator.EXACTLY),
                                      (Quantity("1.5", "小时"), Comparator.AT_MOST)]),
        # The noun after the last value holds for bare measure words before it.
        ("报装时间分别压缩至5个、10个和15个工作日以内",
         [(Quantity(5, "个工作日"), Comparator.AT_MOST), (Quantity(10, "个工作日"), Comparator.AT_MOST),
          (Quantity(15, "个工作日"), Comparator.AT_MOST)]),
        ("培育5个、引进10个重点项目", [(Quantity(5, "个"), Comparator.EXACTLY),
                                       (Quantity(10, "个"), Comparator.EXACTLY)]),
        # Bare values before one that writes the unit take its unit, magnitude and bound.
        ("水电气暖报装时间分别压缩至3、5、7和10个工作日以内",
         [(Quantity(v, "个工作日"), Comparator.AT_MOST) for v in (3, 5, 7, 10)]),
        ("新增市场主体分别达到3、5.5万户", [(Quantity(30000, "户"), Comparator.AT_LEAST),
                                            (Quantity(55000, "户"), Comparator.AT_LEAST)]),
        # Not after an item's marker, an ordinal, or with the last value in Chinese numerals.
        ("1、2个工作日内办结", [(Quantity(2, "个工作日"), Comparator.AT_MOST)]),
        ("分别压缩至3、五个工作日", [(Quantity(5, "个工作日"), Comparator.EXACTLY)]),
    ],
)  # fmt: skip
def test_a_bound_after_the_last_value_of_a_list_bounds_every_value(
    text: str, bounds: list[tuple[Quantity, Comparator]]
) -> None:
    assert [(t.quantity, t.comparator) for t in extract_targets(text)] == bounds


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("2020年上半年实现3个工作日以内办结", datetime.date(2020, 6, 30)),
        ("2019年三季度末前实现3个工作日以内办结", datetime.date(2019, 9, 30)),
        ("2020年第一季度实现3个工作日以内办结", datetime.date(2020, 3, 31)),
        ("三季度末前实现3个工作日以内办结", datetime.date(2019, 9, 30)),
    ],
)
def test_a_half_year_or_quarter_is_a_deadline(text: str, due: datetime.date) -> None:
    deadline, duration = extract_targets(text, issue_date=ISSUE_DATE)
    assert deadline.kind is TargetKind.DEADLINE
    assert deadline.deadline is not None
    assert deadline.deadline.date == due
    assert duration.deadline == deadline.deadline


def test_on_the_spot_is_a_target_without_quantity() -> None:
    (target,) = extract_targets("抵押注销登记实现立等可取")
    assert (target.kind, target.text, target.quantity) == (TargetKind.ON_THE_SPOT, "立等可取", None)


@pytest.mark.parametrize(
    "text",
    [
        "1．精简企业开办流程",
        "（1）除涉及前置审批事项外",
        "50.增强信息披露透明度",
        "提升4G网络覆盖率，实现5G规模商用",
        "建立重庆市“12345一号通”政务服务热线平台",
        "渝府办发〔2019〕81号",
        "重庆市人民政府办公厅 2019年7月23日",
        "在2017年基础上",
        "发挥“三个作用”，实现“一网通办”，“一次都不跑”",
        "推进“三年行动计划”，“一家牵头、并联审批”",
        "一次性告知需补正材料",
        "第三期学前教育行动计划，国际马戏城二期",
        "在全市相对固定的三级法院组建破产合议庭",
        "“4+1重庆智慧法院新生态”，“11223”的系统架构",
        "对AAA级和谐劳动关系企业开展激励",
        "千兆宽带接入网络，万户市场主体",
        "2019年前三季度",
        "上半年召开",
        "第1至3项",
        "实施优化营商环境三年行动计划",
        "世界银行同一天发布报告，在同一个窗口办理",
        "持续开展营商环境三年提升行动，制定两年行动方案",
    ],
)
def test_numbers_that_are_not_quantities_are_not_reported(text: str) -> None:
    assert extract_targets(text) == ()


def test_spans_are_shifted_by_the_offset() -> None:
    text = "2019年底前实现3个工作日以内办结"
    plain = extract_targets(text)
    shifted = extract_targets(text, offset=1000)
    assert [t.text for t in shifted] == [t.text for t in plain]
    assert [t.span.start - 1000 for t in shifted] == [t.span.start for t in plain]


def test_a_negative_offset_is_refused() -> None:
    with pytest.raises(ValueError, match="offset"):
        extract_targets("3个工作日", offset=-1)


# --- properties ----------------------------------------------------------------------------------


@settings(max_examples=400)
@given(phrase=phrases(), before=fillers(), after=fillers())
def test_a_written_target_is_read_back_exactly(phrase: Phrase, before: str, after: str) -> None:
    text = before + phrase.text + after
    assert extract_targets(text, issue_date=ISSUE_DATE) == phrase.shifted(len(before))


@settings(max_examples=100)
@given(phrase=counted_changes(), before=fillers())
def test_a_count_changed_with_its_noun_before_the_verb_keeps_its_baseline(
    phrase: Phrase, before: str
) -> None:
    # 原先7个办电环节压缩至4个: rare among all phrases, so drawn on its own too.
    assert extract_targets(before + phrase.text, issue_date=ISSUE_DATE) == phrase.shifted(
        len(before)
    )


@settings(max_examples=150)
@given(st.lists(sentences(), min_size=1, max_size=5), st.integers(min_value=0, max_value=10**6))
def test_sentences_in_a_row_are_read_back_exactly(parts: list[Phrase], offset: int) -> None:
    document = Phrase("", ())
    for part in parts:
        document = document + part
    targets = extract_targets(document.text, offset=offset, issue_date=ISSUE_DATE)
    assert targets == document.shifted(offset)
    for target in targets:
        start, end = target.span.start - offset, target.span.end - offset
        assert document.text[start:end] == target.text


@settings(max_examples=300)
@given(st.text())
def test_any_text_gives_targets_inside_it_and_never_raises(text: str) -> None:
    check_well_formed(text, extract_targets(text, issue_date=ISSUE_DATE))


# Characters the patterns care about, so that random text often comes close to a target.
NEAR_MISSES = "0123456789０１２.．,%％一二两三十百千万亿〇零点个工作日月年底前内以上下至由从减降低压缩为到达约不超过每元吨件家次人DN×“”，。；、其中印发之起"


@settings(max_examples=300)
@given(st.text(alphabet=NEAR_MISSES, max_size=80))
def test_near_misses_give_targets_inside_the_text_and_never_raise(text: str) -> None:
    check_well_formed(text, extract_targets(text, issue_date=ISSUE_DATE))
    check_well_formed(text, extract_targets(text))


def check_well_formed(text: str, targets: tuple[Target, ...]) -> None:
    end = 0
    for target in targets:
        span = target.span
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == target.text
        assert span.start >= end, "targets are in text order and do not overlap"
        end = span.end
        assert target.quantity is None or isinstance(target.quantity.value, Decimal)


# --- hostile input -------------------------------------------------------------------------------

MEGABYTE = 1_000_000
# Each hostile input, built at a given size in characters.
HOSTILE: dict[str, Callable[[int], str]] = {
    "digits": lambda n: "1" * n,
    "wan": lambda n: "万" * n,
    "opening brackets": lambda n: "（" * n,
    "you...zhi": lambda n: "由" * (n - 1) + "至",
    "yi": lambda n: "一" * n,
    "yi dian": lambda n: "一点" * (n // 2),
    "verbs without a value": lambda n: "压缩" * (n // 2) + "至",
    "open quotes": lambda n: "“" * n,
    "newlines": lambda n: "\n" * n,
    "wrapped lines": lambda n: "压缩至5个\n" * (n // 6),
    "digits and points": lambda n: "1." * (n // 2),
    "comparators": lambda n: "不超过" * (n // 3) + "5个",
    "range joiners": lambda n: "1-" * (n // 2) + "2个",
    "list joiners": lambda n: "1和" * (n // 2) + "1个以内",
    "counted nouns": lambda n: "个环节" * (n // 3),
    "quarters without a year": lambda n: "一季度" * (n // 3),
    "half years without a year": lambda n: "上半年" * (n // 3),
    "anchor words": lambda n: "印发后即持续" * (n // 6),
    "sentences going on": lambda n: "。其中" * (n // 3),
    "places": lambda n: "至第" * (n // 2) + "8位",
    "payments before a bound": lambda n: "支付不低于" * (n // 5) + "合同金额30%的",
    "clauses headed by a past year": lambda n: "2019年，" * (n // 6) + "力争5个",
    "a year something was done in": lambda n: "于2019年" * (n // 7) + "5个",
    "prices per person and month": lambda n: "每人每月" * (n // 4) + "5元",
    "comparisons": lambda n: "比上年低" * (n // 4) + "5%",
    "lists of years": lambda n: "到2022年、2023年，分别达到5%、6%，" * (n // 25),
    "lists of years heading clauses": lambda n: "2021年、 " * (n // 7) + "，达到5%",
    "lists of deadlines with one 分别": lambda n: (
        "到2022年、2023年" + "，达到5%" * (n // 5) + "分别"
    ),
}


def _cpu_seconds(text: str, issue_date: datetime.date | None = None) -> tuple[float, list[Target]]:
    started = time.process_time()
    targets = extract_targets(text, issue_date=issue_date)
    return time.process_time() - started, targets


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_megabyte_takes_time_in_proportion(name: str) -> None:
    # CPU time, not wall time, and a ratio, not a limit: the machine may be busy. Linear work
    # grows 8 times from an eighth to the whole megabyte; quadratic work would grow 64 times.
    small_time, _ = _cpu_seconds(HOSTILE[name](MEGABYTE // 8))
    text = HOSTILE[name](MEGABYTE)
    large_time, targets = _cpu_seconds(text)
    assert large_time < 20 * small_time + 0.5, f"{name}: {small_time:.2f}s → {large_time:.2f}s"
    assert large_time < 30, f"{name}: {large_time:.1f}s of CPU for a megabyte"
    check_well_formed(text, targets)


# What an issue date makes the extractor look at: years before the plan's, in every place.
DATED_HOSTILE: dict[str, Callable[[int], str]] = {
    "changes to past values": lambda n: "由2018年的6%提升至2020年的9%，" * (n // 22),
    "clauses headed by a past year": HOSTILE["clauses headed by a past year"],
    "a year something was done in": HOSTILE["a year something was done in"],
    "past years done": lambda n: "2019年实现5个" * (n // 9),
    "clauses after a time alone": lambda n: "今年以来，新增5个，" * (n // 11),
    "clauses going on with a report": lambda n: "2019年新增5个" + "，增长6%" * (n // 5),
}


@pytest.mark.parametrize("name", list(DATED_HOSTILE))
def test_hostile_megabyte_with_an_issue_date_takes_time_in_proportion(name: str) -> None:
    issued = datetime.date(2021, 3, 1)
    small_time, _ = _cpu_seconds(DATED_HOSTILE[name](MEGABYTE // 8), issued)
    text = DATED_HOSTILE[name](MEGABYTE)
    large_time, targets = _cpu_seconds(text, issued)
    assert large_time < 20 * small_time + 0.5, f"{name}: {small_time:.2f}s → {large_time:.2f}s"
    assert large_time < 30, f"{name}: {large_time:.1f}s of CPU for a megabyte"
    check_well_formed(text, targets)


def test_many_targets_take_time_in_proportion() -> None:
    # A target every few characters: the work per target must not grow with the text.
    unit = "由12个工作日缩减至7个工作日以内，"
    small, large = unit * 2_000, unit * 8_000
    started = time.perf_counter()
    assert len(extract_targets(small)) == 2_000
    small_time = time.perf_counter() - started
    started = time.perf_counter()
    assert len(extract_targets(large)) == 8_000
    large_time = time.perf_counter() - started
    assert large_time < 5
    assert large_time < 4 * small_time * 3, (small_time, large_time)


def test_a_count_before_de_is_no_rate_name() -> None:
    # 一次办结率 names a rate; in 现行5次的审批效率 the count qualifies what 的 closes (found by
    # the spaced-copy property in a fresh run).
    (change,) = extract_targets("现行5次的审批效率压缩至3次")
    assert (change.quantity, change.baseline) == (Quantity(3, "次"), Quantity(5, "次"))
    assert [t.text for t in extract_targets("一次办结率达到90%")] == ["达到90%"]


def test_many_changes_reported_take_time_in_proportion() -> None:
    # Each change to a past year's value is a status fact; finding the change a reading holds
    # must not look at every other one (it did: a megabyte of them took minutes).
    unit = "由2018年的62%提升至2020年的98%，"
    issued = datetime.date(2021, 3, 1)
    started = time.process_time()
    small = extract_targets(unit * 2_000, issue_date=issued)
    small_time = time.process_time() - started
    started = time.process_time()
    large = extract_targets(unit * 16_000, issue_date=issued)
    large_time = time.process_time() - started
    assert len(small) == 2_000
    assert len(large) == 16_000
    assert {t.role for t in large} == {TargetRole.STATUS}
    assert large_time < 8 * small_time * 2 + 0.2, (small_time, large_time)


def test_a_price_in_fen_is_per_the_nearest_mei_before_it() -> None:
    # Found by the round-trip property: a filler's 每年 before 每千瓦时 named the wrong base.
    (target,) = extract_targets("每年每千瓦时下调4.28分")
    assert target.quantity == Quantity("4.28", "分/千瓦时")


def test_a_list_of_years_gives_each_value_its_own_with_fenbie() -> None:
    # 到2022年、2025年，…分别达到90%、95%: one value per year, in order; without 分别, or with
    # another number of values, each is due by the last year of the list.
    targets = extract_targets("到2022年、2025年，网上可办率分别达到90%、95%。")
    assert [(t.text, t.deadline and t.deadline.date) for t in targets] == [
        ("到2022年", datetime.date(2022, 12, 31)),
        ("2025年", datetime.date(2025, 12, 31)),
        ("达到90%", datetime.date(2022, 12, 31)),
        ("95%", datetime.date(2025, 12, 31)),
    ]
    # the same in Traditional characters (別 folds to 别)
    traditional = extract_targets("到2022年、2025年，網上可辦率分別達到90%、95%。")
    assert [t.deadline for t in traditional] == [t.deadline for t in targets]
    for text in (
        "到2022年、2025年，网上可办率达到90%、95%。",
        "到2022年、2025年，分别达到90%、95%、98%。",
    ):
        dates = {t.deadline and t.deadline.date for t in extract_targets(text)[2:]}
        assert dates == {datetime.date(2025, 12, 31)}, text
    # Each 分别 takes the values of its own clause; a value in a clause after them is due by the
    # last year (a list of bare years heading the clause is one too).
    targets = extract_targets(
        "2021年、2022年，A类审批时间分别压减至75个、70个工作日，B类分别压减至110个、100个工作日，"
        "企业开办时间压缩至1个工作日。",
        issue_date=datetime.date(2021, 3, 1),
    )
    assert [t.deadline and t.deadline.date.year for t in targets] == [
        2021, 2022, 2021, 2022, 2021, 2022, 2022
    ]  # fmt: skip
    # a year with a month, a later year's value, a year going back: no list of whole years
    for text in ("到2022年、2023年6月底前", "到2022年、2023年的90%", "到2022年、2021年"):
        deadlines = [t.text for t in extract_targets(text) if t.kind is TargetKind.DEADLINE]
        assert deadlines == ["到2022年", "2023年6月底前"][: 1 + text.endswith("6月底前")], text


def test_units_and_verbs_written_once_in_a_list_of_changes() -> None:
    # 分别提高5个、3个百分点: the 5 is 个百分点 too, and both go up.
    first, second = extract_targets("网办率、即办率分别比上年提高5个、3个百分点")
    assert (first.kind, first.quantity) == (TargetKind.PERCENTAGE_POINTS, Quantity(5, "个百分点"))
    assert first.direction is second.direction is Direction.INCREASE
    # 分别减少10个、8个小时: 个小时 reads as 小时, and both are changes by an amount
    first, second = extract_targets("纳税时间分别比上年减少10个、8个小时")
    assert (first.quantity, first.kind) == (Quantity(10, "小时"), TargetKind.RELATIVE_CHANGE)
    assert (second.kind, second.direction) == (TargetKind.RELATIVE_CHANGE, Direction.DECREASE)


def test_a_comparison_by_an_amount_is_a_change() -> None:
    # 比全国平均水平低20%: 20% below, not a level of 20%; 最低20% and 不低于20% are bounds.
    lower, higher, fewer = extract_targets(
        "比全国平均水平低20%，较上年高0.5个百分点，比法定时限少3天"
    )
    assert (lower.kind, lower.text, lower.direction) == (
        TargetKind.RELATIVE_CHANGE,
        "低20%",
        Direction.DECREASE,
    )
    assert (higher.kind, higher.direction) == (TargetKind.PERCENTAGE_POINTS, Direction.INCREASE)
    assert (fewer.quantity, fewer.direction) == (Quantity(3, "天"), Direction.DECREASE)
    for text in ("最低20%", "比例不低于20%", "较高20%"):
        (bound,) = extract_targets(text)
        assert (bound.kind, bound.direction) == (TargetKind.PERCENTAGE, None), text


def test_a_price_range_is_per_the_thing_of_its_lower_end() -> None:
    (price,) = extract_targets("补助标准为每户5万元至10万元")
    assert (price.text, price.quantity, price.comparator) == (
        "每户5万元至10万元",
        Quantity(100_000, "元/户"),
        Comparator.AT_MOST,
    )
    # a larger lower end is no range
    assert len(extract_targets("每人1000元至800元")) == 2


def test_the_longest_an_extension_may_run_is_an_upper_bound() -> None:
    (target,) = extract_targets("缓缴期限最长可延长至12个月")
    assert (target.comparator, target.direction) == (Comparator.AT_MOST, Direction.INCREASE)


def test_what_an_assessment_shows_is_a_status_fact() -> None:
    (target,) = extract_targets("第三方评估显示，企业满意度为96.8%")
    assert target.role is TargetRole.STATUS
    (target,) = extract_targets("企业满意度达到96.8%")
    assert target.role is TargetRole.COMMITMENT


def test_news_of_what_was_done_reports() -> None:
    # 据…介绍, a target met (目标已全面完成), a clause headed by 过去 or 现在: status facts.
    issued = datetime.date(2019, 3, 5)
    for text in (
        "据国家市场监管总局介绍，全国新设市场主体2149.6万户，日均新设企业1.84万户",
        "今年一般工商业电价平均降低10%的目标已全面完成",
        "过去要跑10多个部门，现在只需3天",
    ):
        roles = [t.role for t in extract_targets(text, issue_date=issued)]
        assert roles[-1] is TargetRole.STATUS, text
    for text in (
        "目标是到2020年压缩至5个工作日",
        "现在起，实行1个工作日办结",
        "2020年起，每年安排1亿元",
    ):
        roles = {t.role for t in extract_targets(text, issue_date=datetime.date(2021, 3, 1))}
        assert roles == {TargetRole.COMMITMENT}, text


def test_a_years_end_without_qian_before_the_work_is_a_deadline() -> None:
    # 年底全面完成, 今年底实现: the work is due by the year's end, as 6月底完成 is by the month's;
    # 截至年底 dates a report.
    issued = datetime.date(2021, 3, 1)
    for text, due in (
        ("年底全面完成改造", datetime.date(2021, 12, 31)),
        ("今年底实现全覆盖", datetime.date(2021, 12, 31)),
        ("到年底，网办率达到90%", datetime.date(2021, 12, 31)),
        ("至明年年末，网办率达到90%", datetime.date(2022, 12, 31)),
    ):
        deadline = extract_targets(text, issue_date=issued)[0]
        assert deadline.kind is TargetKind.DEADLINE, text
        assert deadline.deadline is not None
        assert deadline.deadline.date == due, text
    # 到今年年底前 is read as before: 前 bounds it, 到 is not in the text
    (deadline,) = extract_targets("到今年年底前", issue_date=issued)
    assert deadline.text == "今年年底前"
    roles = {t.role for t in extract_targets("截至年底，全市共有市场主体52万户", issue_date=issued)}
    assert roles == {TargetRole.STATUS}
    assert extract_targets("去年底实现全覆盖", issue_date=issued) == ()


def test_a_sum_for_each_thing_named_is_a_price_and_an_age_no_duration() -> None:
    # 每家企业5万元: 5万元 for each firm (it was 5万元 in all); 60周岁 is an age, not 60 weeks.
    (price,) = extract_targets("给予每家企业5万元奖励")
    assert (price.kind, price.quantity) == (TargetKind.UNIT_PRICE, Quantity(50_000, "元/家企业"))
    (price,) = extract_targets("每家5万元")
    assert price.quantity == Quantity(50_000, "元/家")
    assert extract_targets("年满60周岁的老年人") == ()


def test_a_change_verb_inside_what_another_changes_is_the_one_that_counts() -> None:
    # 减征幅度提高到50%: the rate of reduction goes up to 50% (减征 was taken for the verb).
    (target,) = extract_targets("将“六税两费”减征幅度提高到50%")
    assert (target.text, target.direction) == ("提高到50%", Direction.INCREASE)
    (target,) = extract_targets("压缩审批时间至5天")
    assert target.direction is Direction.DECREASE
    # the nearest 至 still ends the verb's object, a later 到 does not (found by the round trip)
    (target, _) = extract_targets("现行5个工作日的审批时间缩减至三个工作日后到2020年底前")
    assert target.baseline == Quantity(5, "个工作日")


def test_a_measure_word_after_a_time_baseline_counts_the_same_time() -> None:
    # 由12个工作日压缩至5个: five working days, not a count of 5个.
    (target,) = extract_targets("由12个工作日压缩至5个")
    assert (target.kind, target.quantity) == (TargetKind.DURATION, Quantity(5, "个工作日"))


def test_a_benefit_in_the_next_clause_does_not_make_a_bound_its_size() -> None:
    # 突破10亿元的企业，奖励100万元: the bound picks the firms; 不超过20%的补助 sizes the benefit.
    bound, reward = extract_targets("营业收入首次突破10亿元的企业，奖励100万元")
    assert (bound.role, reward.role) == (TargetRole.SCOPE, TargetRole.COMMITMENT)
    (share,) = extract_targets("不超过20%的补助")
    assert share.role is TargetRole.COMMITMENT


def test_a_years_first_months_are_a_span_so_far() -> None:
    # 今年前10个月，全市新增5万户: a report of the year so far, and 前10个月 is no time limit;
    # 提前3个月, 期限前3个月 are.
    done, promised = extract_targets("今年前10个月，全市新增5万户，力争全年新增8万户")
    assert (done.text, done.role, promised.role) == (
        "5万户",
        TargetRole.STATUS,
        TargetRole.COMMITMENT,
    )
    (count,) = extract_targets("会议指出，前4个月全国新设市场主体近600万户")
    assert count.role is TargetRole.STATUS
    for text in ("提前3个月完成", "在规定期限前3个月提出申请"):
        (duration,) = extract_targets(text)
        assert duration.quantity == Quantity(3, "个月"), text


def test_this_years_period_ended_before_the_plan_reports() -> None:
    # 今年一季度 in a plan of April has passed, as 2021年一季度 has; in one of February it is due.
    april, february = datetime.date(2021, 4, 1), datetime.date(2021, 2, 1)
    text = "今年一季度，全市新增减税降费12亿元"
    assert {t.role for t in extract_targets(text, issue_date=april)} == {TargetRole.STATUS}
    assert {t.role for t in extract_targets(text, issue_date=february)} == {TargetRole.COMMITMENT}


def test_a_report_goes_on_after_a_comma_until_a_promise() -> None:
    # 2020年，全市新增…12.5万户，增长18%；今年力争…: the 18% reports too; after a clause that
    # promises (今年力争新增20万户，增长10%) the next one promises.
    issued = datetime.date(2021, 4, 1)
    # (今年力争 is a deadline of its own: the year the work is promised in)
    text = "2020年，全市新增市场主体12.5万户，增长18%；今年力争新增15万户。"
    roles = [t.role for t in extract_targets(text, issue_date=issued)]
    assert roles == [TargetRole.STATUS, TargetRole.STATUS] + [TargetRole.COMMITMENT] * 2
    text = "去年新增18万户，今年力争新增20万户，增长10%。"
    roles = [t.role for t in extract_targets(text, issue_date=issued)]
    assert roles == [TargetRole.STATUS] + [TargetRole.COMMITMENT] * 3


def test_groups_set_up_are_no_parts_of_the_text() -> None:
    # 三项工作 describes the text; 3个专项工作组 are set up.
    (parts,) = extract_targets("提出三项重点工作")
    assert parts.role is TargetRole.SCOPE
    (groups,) = extract_targets("建立3个专项工作组")
    assert groups.role is TargetRole.COMMITMENT


# --- the shortcuts the scans take ----------------------------------------------------------------

PAST_HEAD_PIECES = (
    "去年", "上年", "上一年", "前年", "过去", "三", "年", "今年", "以来", "前", "季度", "1", "-",
    "—", "9", "10", "月", "近年来", "截至目前", "如今", "现在", "的", "2020", " ", "　", "，",
    "新增", "底", "起",
)  # fmt: skip


@given(st.lists(st.sampled_from(PAST_HEAD_PIECES), max_size=8).map("".join))
@example(" 去年，新增")
@example("　今年以来")
@example("截至目前")
@example("近年来")
@example("2020年")
def test_a_past_head_starts_with_one_of_its_first_characters(text: str) -> None:
    # The roles skip the match at a clause whose first character is none of these.
    for start in range(len(text)):
        if _patterns._PAST_HEAD.match(text, start) is not None:
            assert text[start] in _patterns._PAST_HEAD_FIRSTS, (text, start)
            break


# Pieces of the anchor words and of what the anchored patterns match around them, so that a
# drawn text often holds a match (长期坚持, 当即办结, DN100, 每件550元) and near misses of one.
ANCHORED_PIECES = (
    "持", "长", "续推进", "续开展", "期", "期坚持", "期推进", "立即", "当即", "即", "办结", "即来",
    "即办", "即时", "立等可取", "当场", "办理", "DN", "dn", "Dn", "D", "N", " ", "100", "5", "每",
    "件", "吨", "元", "天数", "日数", "，", "。", "、", "(", ")", "\n", "《", "》", "“", "”", "「",
    "」", '"', "人", "人口", "户", "家", "万", "十", "百", "压缩", "减", "降", "至", "为", "按",
    "环节", "由", "12", "成", "三", "/", "／", "2", "3", "7", "23",
)  # fmt: skip
anchored_texts = st.lists(st.sampled_from(ANCHORED_PIECES), max_size=16).map("".join)


@given(anchored_texts)
@example("持续推进，长期坚持、长续开展。持期")
@example("立即办结、当即办结、即来即办、即时办结、当场办理、立等可取")
@example("DN100、dn50、Dn 80、xDN10")
@example("每件550元, 每吨 3元")
@example("优良天数、日数")
@example("三成、3成、十成、一成不变、2/3、7/23、1/2以上、1／3、１/３")
def test_anchored_matches_are_the_scans_matches(text: str) -> None:
    # Trying only the starts near an anchor word finds what the whole scan finds, both as called
    # and with no density limit (the anchored path even where anchor words crowd a short text);
    # and so in a long text, where a word with a character the text lacks is not looked for.
    text = text if len(text) % 2 else text + "，" + FILLER * (_scan._LONG_TEXT // len(FILLER) + 1)
    anchored = [
        (_patterns._ON_THE_SPOT, *_patterns._ON_THE_SPOT_ANCHORS),
        (_patterns._ONGOING, *_patterns._ONGOING_ANCHORS),
        (_patterns._DAY_COUNT, *_patterns._DAY_COUNT_ANCHORS),
        *((p, a, lead) for p, a, lead in _patterns._QUANTITY_PATTERNS if lead is not None),
    ]
    for pattern, anchors, lead in anchored:
        expected = [match.span() for match in pattern.finditer(text)]
        # A pattern with one character before its anchor is tried there only, as called.
        for before in {None, _patterns._BEFORE_ANCHOR.get(pattern)}:
            for dense in (_scan._DENSE, None):
                matches = _scan._anchored_matches(
                    pattern, text, anchors, lead, dense=dense, before=before
                )
                assert [match.span() for match in matches] == expected, (pattern, dense, before)


@given(anchored_texts)
@example('《三年行动》“一网通办”「一窗」"一次"')
@example("压缩至3个、降为5个、减按50%、提升到9个")
@example("每万人口、十万人、百户、千家")
@example("每件550元、DN100、百分之九十")
def test_anchors_are_in_every_match(text: str) -> None:
    # A scan is skipped where its anchor words are missing: each match must hold one.
    gated = [
        (_patterns._TITLE, _patterns._TITLE_ANCHORS),
        (_patterns._QUOTED, _patterns._QUOTED_ANCHORS),
        (_patterns._CHANGE_TO, _patterns._CHANGE_TO_ANCHORS),
        (_patterns._PER_CAPITA, _patterns._PER_CAPITA_ANCHORS),
        *((p, a) for p, a, _ in _patterns._QUANTITY_PATTERNS if a),
    ]
    for pattern, anchors in gated:
        for match in pattern.finditer(text):
            assert any(word in match[0] for word in anchors), (pattern, match)


@given(
    st.text(alphabet="国庆重春节年今本", max_size=600), st.text(alphabet="国庆春节年今", max_size=3)
)
def test_a_word_is_held_as_in_finds_it(text: str, word: str) -> None:
    # The anchor test of a long text looks for a word's characters first: the same answer.
    long = text * (_scan._LONG_TEXT // max(len(text), 1) + 1)
    for haystack in (text, long):
        assert _scan._holds_any(haystack, (word,)) is (word in haystack)
        assert _scan._contains(haystack, word) is (word in haystack)


@given(st.text(alphabet=" 和与及以或、", max_size=8))
def test_no_list_joiner_is_longer_than_the_gap_tested_first(text: str) -> None:
    # _attach_deadlines skips the pattern where the gap between two deadlines is longer.
    if _patterns._LIST_BETWEEN.fullmatch(text):
        assert len(text) <= _roles._LONGEST_LIST_JOINER


@given(st.text(alphabet="。其中 \u3000，,!?！？\n;:；：x"))
def test_sentence_breaks_are_the_patterns(text: str) -> None:
    # The sentence breaks are picked out of the clause breaks, not scanned for a second time.
    text = fold(text)
    clauses = _scan._Breaks.of_clauses(text)
    expected = [match.start() for match in _patterns._SENTENCE_BREAK.finditer(text)]
    assert clauses.sentences(text).positions == expected


def test_every_change_verb_has_the_two_characters_the_touching_test_assumes() -> None:
    # _read_change tests the character two before a number (three with 了) for a verb's first.
    verbs = _words._DECREASE_VERBS + _words._INCREASE_VERBS + _words._SPEED_VERBS
    assert {len(verb) for verb in verbs} == {2}
