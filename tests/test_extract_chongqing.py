"""The quantitative targets of Chongqing's 2019 plan (渝府办发〔2019〕81号), checked one by one.

Each table lists, in text order, every target of one kind: the line of the plan, the exact text,
the value aimed at, its bound, the baseline of a change, the direction, and the due date of the
deadline that governs it. The tables come from reading the plan, statement by statement; the
last tests check that nothing else is reported and that every Arabic number of the plan is
either in a target or one of the plan's known non-targets (item markers, 4G, 12345, …).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import regex

from yingshang.extract import extract_targets
from yingshang.model import Comparator, DeadlineKind, Direction, Quantity, Target, TargetKind

PLAN = Path(__file__).parent.parent / "src" / "yingshang" / "data" / "chongqing-2019.txt"
TEXT = PLAN.read_text(encoding="utf-8")
ISSUED = date(2019, 7, 23)  # 2019年7月23日, the date of the notice
TARGETS = extract_targets(TEXT, issue_date=ISSUED)

Q = Quantity
AT_MOST, AT_LEAST, EXACTLY, ABOUT = (
    Comparator.AT_MOST,
    Comparator.AT_LEAST,
    Comparator.EXACTLY,
    Comparator.ABOUT,
)
DECREASE, INCREASE = Direction.DECREASE, Direction.INCREASE
BY_END_OF, BEFORE, WITHIN = DeadlineKind.BY_END_OF, DeadlineKind.BEFORE, DeadlineKind.WITHIN

Row = tuple[object, ...]


def line_of(target: Target) -> int:
    return TEXT.count("\n", 0, target.span.start) + 1


def row(target: Target) -> Row:
    """(line, text, quantity, comparator, baseline, direction, due[, baseline year])."""
    due = None if target.deadline is None else target.deadline.date
    fields: Row = (
        line_of(target),
        target.text,
        target.quantity,
        target.comparator,
        target.baseline,
        target.direction,
        due,
    )
    return fields if target.baseline_year is None else (*fields, target.baseline_year)


def deadline_row(target: Target) -> Row:
    assert target.deadline is not None
    return (line_of(target), target.text, target.deadline.kind, target.deadline.date)


def of_kind(kind: TargetKind) -> list[Row]:
    return [row(target) for target in TARGETS if target.kind is kind]


# (line, text, kind, due)
DEADLINES: list[Row] = [
    (27, "在本方案印发之日起1个月内", WITHIN, date(2019, 8, 23)),
    (41, "2019年9月底前", BY_END_OF, date(2019, 9, 30)),
    (48, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (62, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (72, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (81, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (82, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (89, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (90, "2021年底前", BY_END_OF, date(2021, 12, 31)),
    (103, "2020年底前", BY_END_OF, date(2020, 12, 31)),
    (104, "2022年底前", BY_END_OF, date(2022, 12, 31)),
    (116, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (122, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (136, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (160, "2020年底前", BY_END_OF, date(2020, 12, 31)),
    (178, "2020年底前", BY_END_OF, date(2020, 12, 31)),
    (203, "2021年底前", BY_END_OF, date(2021, 12, 31)),
    (237, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (244, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (245, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (246, "2019年11月底前", BY_END_OF, date(2019, 11, 30)),
    (247, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (248, "2019年11月底前", BY_END_OF, date(2019, 11, 30)),
    (266, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (279, "2020年底前", BY_END_OF, date(2020, 12, 31)),
    (285, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (285, "2022年底前", BY_END_OF, date(2022, 12, 31)),
    (291, "2022年底前", BY_END_OF, date(2022, 12, 31)),
    (309, "2019年10月底前", BY_END_OF, date(2019, 10, 31)),
    (315, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (345, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (381, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (399, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (405, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (444, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (490, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (496, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (515, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (558, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (559, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (560, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (603, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (609, "2022年底前", BY_END_OF, date(2022, 12, 31)),
    (615, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (616, "2021年底前", BY_END_OF, date(2021, 12, 31)),
    (630, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (636, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (650, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (656, "2020年底前", BY_END_OF, date(2020, 12, 31)),
    (669, "2020年底前", BY_END_OF, date(2020, 12, 31)),
    (675, "2020年底前", BY_END_OF, date(2020, 12, 31)),
    (675, "2021年底前", BY_END_OF, date(2021, 12, 31)),
    (735, "2019年9月底前", BY_END_OF, date(2019, 9, 30)),
    (753, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (753, "2021年底前", BY_END_OF, date(2021, 12, 31)),
    (759, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (765, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (779, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (785, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (799, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (799, "2020年底前", BY_END_OF, date(2020, 12, 31)),
    (805, "2020年底前", BY_END_OF, date(2020, 12, 31)),
    (811, "2020年底前", BY_END_OF, date(2020, 12, 31)),
    (817, "2021年底前", BY_END_OF, date(2021, 12, 31)),
    (823, "2020年底前", BY_END_OF, date(2020, 12, 31)),
    (829, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (835, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (847, "2022年底前", BY_END_OF, date(2022, 12, 31)),
    (853, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (859, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (865, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (865, "2020年前", BEFORE, date(2019, 12, 31)),
    (865, "2021年底前", BY_END_OF, date(2021, 12, 31)),
    (871, "2020年底前", BY_END_OF, date(2020, 12, 31)),
    (877, "2021年底前", BY_END_OF, date(2021, 12, 31)),
    (883, "2020年底前", BY_END_OF, date(2020, 12, 31)),
    (889, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (895, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (967, "2019年底前", BY_END_OF, date(2019, 12, 31)),
    (979, "2020年底前", BY_END_OF, date(2020, 12, 31)),
    (979, "2022年底前", BY_END_OF, date(2022, 12, 31)),
    (985, "2022年底前", BY_END_OF, date(2022, 12, 31)),
    (991, "2020年底前", BY_END_OF, date(2020, 12, 31)),
]

# (line, text, quantity, comparator, baseline, direction, due)
DURATIONS: list[Row] = [
    # 3年左右的努力: the plan's horizon, a duration with a bound but no deadline.
    (22, "3年左右", Q("3", "年"), ABOUT, None, None, None),
    (48, "3个工作日以内", Q("3", "个工作日"), AT_MOST, None, None, date(2019, 12, 31)),
    (81, "控制在50个工作日以内", Q("50", "个工作日"), AT_MOST, None, None, date(2019, 12, 31)),
    (81, "控制在35个工作日以内", Q("35", "个工作日"), AT_MOST, None, None, date(2019, 12, 31)),
    (81, "控制在20个工作日以内", Q("20", "个工作日"), AT_MOST, None, None, date(2019, 12, 31)),
    (81, "控制在15个工作日以内", Q("15", "个工作日"), AT_MOST, None, None, date(2019, 12, 31)),
    (82, "控制在80个工作日以内", Q("80", "个工作日"), AT_MOST, None, None, date(2019, 12, 31)),
    (82, "控制在70个工作日以内", Q("70", "个工作日"), AT_MOST, None, None, date(2019, 12, 31)),
    (116, "控制在20个工作日以内", Q("20", "个工作日"), AT_MOST, None, None, date(2019, 12, 31)),
    (116, "控制在4个工作日以内", Q("4", "个工作日"), AT_MOST, None, None, date(2019, 12, 31)),
    (122, "5个工作日内", Q("5", "个工作日"), AT_MOST, None, None, date(2019, 12, 31)),
    (122, "不超过10个工作日", Q("10", "个工作日"), AT_MOST, None, None, date(2019, 12, 31)),
    (122, "2个工作日内", Q("2", "个工作日"), AT_MOST, None, None, None),
    (172, "1个工作日内", Q("1", "个工作日"), AT_MOST, None, None, None),
    (
        178,
        "由12个工作日缩减至7个工作日以内",
        Q("7", "个工作日"),
        AT_MOST,
        Q("12", "个工作日"),
        DECREASE,
        date(2020, 12, 31),
    ),
    (178, "4个工作日内", Q("4", "个工作日"), AT_MOST, None, None, date(2020, 12, 31)),
    (178, "7个工作日内", Q("7", "个工作日"), AT_MOST, None, None, date(2020, 12, 31)),
    (
        203,
        "由30个工作日减少至14个工作日",
        Q("14", "个工作日"),
        EXACTLY,
        Q("30", "个工作日"),
        DECREASE,
        date(2021, 12, 31),
    ),
    (203, "不超过5个工作日", Q("5", "个工作日"), AT_MOST, None, None, date(2021, 12, 31)),
    (203, "不超过1个工作日", Q("1", "个工作日"), AT_MOST, None, None, date(2021, 12, 31)),
    (203, "不超过5个工作日", Q("5", "个工作日"), AT_MOST, None, None, date(2021, 12, 31)),
    (203, "不超过3个工作日", Q("3", "个工作日"), AT_MOST, None, None, date(2021, 12, 31)),
    (266, "压缩至3个工作日", Q("3", "个工作日"), EXACTLY, None, DECREASE, date(2019, 12, 31)),
    (266, "压缩至2个工作日", Q("2", "个工作日"), EXACTLY, None, DECREASE, date(2019, 12, 31)),
    (
        558,
        "从15个工作日压减至10个工作日",
        Q("10", "个工作日"),
        EXACTLY,
        Q("15", "个工作日"),
        DECREASE,
        date(2019, 12, 31),
    ),
    (
        559,
        "从20个工作日压减至15个工作日",
        Q("15", "个工作日"),
        EXACTLY,
        Q("20", "个工作日"),
        DECREASE,
        date(2019, 12, 31),
    ),
    (
        560,
        "从20个工作日压减至10个工作日内",
        Q("10", "个工作日"),
        AT_MOST,
        Q("20", "个工作日"),
        DECREASE,
        date(2019, 12, 31),
    ),
    (663, "2个工作日内", Q("2", "个工作日"), AT_MOST, None, None, None),
    (907, "由20日缩减至10个工作日", Q("10", "个工作日"), EXACTLY, Q("20", "日"), DECREASE, None),
]

SERVICE_HOURS: list[Row] = [
    (375, "7×24小时", Q("168", "小时/周"), EXACTLY, None, None, None),
    (375, "7×24小时", Q("168", "小时/周"), EXACTLY, None, None, None),
]

ON_THE_SPOT: list[Row] = [
    (266, "立等可取", None, EXACTLY, None, None, date(2019, 12, 31)),
]

PERCENTAGES: list[Row] = [
    # 减按50%征收: levied at half the rate, a level reached by a decrease.
    (136, "达到99.96%", Q("99.96", "%"), AT_LEAST, None, None, date(2019, 12, 31)),
    (136, "达到99.81%", Q("99.81", "%"), AT_LEAST, None, None, date(2019, 12, 31)),
    (245, "达到92%", Q("92", "%"), AT_LEAST, None, None, date(2019, 12, 31)),
    (333, "减按50%", Q("50", "%"), EXACTLY, None, DECREASE, None),
    (399, "达到100%", Q("100", "%"), AT_LEAST, None, None, date(2019, 12, 31)),
    (411, "不超过20%", Q("20", "%"), AT_MOST, None, None, None),
    (693, "90%以上", Q("90", "%"), AT_LEAST, None, None, None),
    (693, "70%以上", Q("70", "%"), AT_LEAST, None, None, None),
    (699, "达80%以上", Q("80", "%"), AT_LEAST, None, None, None),
    (699, "达80%以上", Q("80", "%"), AT_LEAST, None, None, None),
    (778, "达90%以上", Q("90", "%"), AT_LEAST, None, None, None),
    (805, "100%", Q("100", "%"), EXACTLY, None, None, date(2020, 12, 31)),
    (805, "100%", Q("100", "%"), EXACTLY, None, None, date(2020, 12, 31)),
    (829, "100%", Q("100", "%"), EXACTLY, None, None, date(2019, 12, 31)),
    (967, "达到90.5%", Q("90.5", "%"), AT_LEAST, None, None, date(2019, 12, 31)),
    (979, "达到45%", Q("45", "%"), AT_LEAST, None, None, date(2022, 12, 31)),
]

PERCENTAGE_POINTS: list[Row] = [
    # The tolerance stays a ceiling (不高于 the overall NPL ratio plus N points); only N moves.
    (
        477,
        "从不高于各项贷款不良率2个百分点放宽到3个百分点",
        Q("3", "个百分点"),
        AT_MOST,
        Q("2", "个百分点"),
        INCREASE,
        None,
    ),
]

# (line, text, quantity, comparator, baseline, direction, due[, baseline year])
RELATIVE_CHANGES: list[Row] = [
    (148, "降低10%", Q("10", "%"), EXACTLY, None, DECREASE, None),
    (237, "降低15%", Q("15", "%"), EXACTLY, None, DECREASE, date(2019, 12, 31)),
    (237, "降低20%以上", Q("20", "%"), AT_LEAST, None, DECREASE, date(2019, 12, 31)),
    (381, "在2017年基础上压缩60%", Q("60", "%"), EXACTLY, None, DECREASE, date(2019, 12, 31), 2017),
]

UNIT_PRICES: list[Row] = [
    (191, "3.25元/吨", Q("3.25", "元/吨"), EXACTLY, None, None, None),
    (273, "由每件550元减至80元", Q("80", "元/件"), EXACTLY, Q("550", "元/件"), DECREASE, None),
]

COUNTS: list[Row] = [
    # 20个重要方面 and 42个断面 describe the scope rather than promise a number; they are
    # counts all the same, and a count is reported whatever its role in the sentence.
    # A noun from the closed list right after the measure word joins the unit (3个环节); one
    # further away (20个重要方面, 5个产业专利导航中心) or not in the list leaves it bare.
    (24, "20个", Q("20", "个"), EXACTLY, None, None, None),
    (42, "3个环节", Q("3", "个环节"), EXACTLY, None, DECREASE, None),
    (110, "4个", Q("4", "个"), EXACTLY, None, DECREASE, None),
    (110, "3个", Q("3", "个"), EXACTLY, None, DECREASE, None),
    (110, "3个", Q("3", "个"), EXACTLY, None, DECREASE, None),
    (110, "2个", Q("2", "个"), EXACTLY, None, DECREASE, None),
    (142, "1个", Q("1", "个"), AT_LEAST, None, None, None),
    (
        197,
        "由9个减少为客户提出用气需求并商议用气方案、委托设计、设计审查备案、委托施工、竣工验收及通气5个阶段",
        Q("5", "个阶段"),
        EXACTLY,
        Q("9", "个阶段"),  # the noun is written once, on the new value, and holds for both
        DECREASE,
        None,
    ),
    (244, "5000个", Q("5000", "个"), EXACTLY, None, None, date(2019, 12, 31)),
    (247, "5000个", Q("5000", "个"), EXACTLY, None, None, date(2019, 12, 31)),
    (387, "由86种减至46种", Q("46", "种"), EXACTLY, Q("86", "种"), DECREASE, None),
    (490, "2次", Q("2", "次"), AT_LEAST, None, None, date(2019, 12, 31)),
    (515, "至少5家", Q("5", "家"), AT_LEAST, None, None, date(2019, 12, 31)),
    (515, "2家", Q("2", "家"), AT_LEAST, None, None, date(2019, 12, 31)),
    (603, "2万人次", Q("20000", "人次"), EXACTLY, None, None, date(2019, 12, 31)),
    (687, "6类", Q("6", "类"), EXACTLY, None, None, None),
    (753, "10个以上", Q("10", "个"), AT_LEAST, None, None, date(2021, 12, 31)),
    (753, "600件以上", Q("600", "件"), AT_LEAST, None, None, date(2021, 12, 31)),
    (759, "200家", Q("200", "家"), EXACTLY, None, None, date(2019, 12, 31)),
    (759, "80家", Q("80", "家"), EXACTLY, None, None, None),
    (765, "5个", Q("5", "个"), EXACTLY, None, None, date(2019, 12, 31)),
    (771, "1个", Q("1", "个"), EXACTLY, None, None, None),
    (779, "达5万人次", Q("50000", "人次"), AT_LEAST, None, None, date(2019, 12, 31)),
    (785, "20件以上", Q("20", "件"), AT_LEAST, None, None, date(2019, 12, 31)),
    (786, "30家", Q("30", "家"), EXACTLY, None, None, None),
    (889, "10家左右", Q("10", "家"), ABOUT, None, None, date(2019, 12, 31)),
    (895, "6个", Q("6", "个"), EXACTLY, None, None, date(2019, 12, 31)),
    (967, "42个断面", Q("42", "个断面"), EXACTLY, None, None, date(2019, 12, 31)),
]

PHYSICAL: list[Row] = [
    (122, "10千伏", Q("10", "千伏"), EXACTLY, None, None, date(2019, 12, 31)),
    (128, "放宽至160千伏安", Q("160", "千伏安"), EXACTLY, None, INCREASE, None),
    (129, "10千伏", Q("10", "千伏"), EXACTLY, None, None, None),
    (178, "DN100以下", Q("100", "DN"), AT_MOST, None, None, date(2020, 12, 31)),
    (178, "DN40以下", Q("40", "DN"), AT_MOST, None, None, date(2020, 12, 31)),
    (178, "DN100以下", Q("100", "DN"), AT_MOST, None, None, date(2020, 12, 31)),
    (184, "DN100以下", Q("100", "DN"), AT_MOST, None, None, None),
    (753, "达到9.2件", Q("9.2", "件/万人"), AT_LEAST, None, None, date(2019, 12, 31)),
    (753, "达到1380件", Q("1380", "件/万户"), AT_LEAST, None, None, date(2019, 12, 31)),
    (961, "300天以上", Q("300", "天"), AT_LEAST, None, None, None),
    (979, "3000万平方米", Q("30000000", "平方米"), EXACTLY, None, None, date(2020, 12, 31)),
    (985, "411公里", Q("411", "公里"), EXACTLY, None, None, None),
    (985, "达到8km/km2以上", Q("8", "km/km2"), AT_LEAST, None, None, date(2022, 12, 31)),
]

TABLES: dict[TargetKind, list[Row]] = {
    TargetKind.DURATION: DURATIONS,
    TargetKind.SERVICE_HOURS: SERVICE_HOURS,
    TargetKind.ON_THE_SPOT: ON_THE_SPOT,
    TargetKind.PERCENTAGE: PERCENTAGES,
    TargetKind.PERCENTAGE_POINTS: PERCENTAGE_POINTS,
    TargetKind.RELATIVE_CHANGE: RELATIVE_CHANGES,
    TargetKind.MONEY: [],
    TargetKind.UNIT_PRICE: UNIT_PRICES,
    TargetKind.COUNT: COUNTS,
    TargetKind.PHYSICAL: PHYSICAL,
}


def test_deadlines() -> None:
    assert [deadline_row(t) for t in TARGETS if t.kind is TargetKind.DEADLINE] == DEADLINES


@pytest.mark.parametrize("kind", list(TABLES), ids=lambda kind: kind.value)
def test_targets_of_each_kind(kind: TargetKind) -> None:
    assert of_kind(kind) == TABLES[kind]


def test_nothing_else_is_reported() -> None:
    assert len(TARGETS) == len(DEADLINES) + sum(len(table) for table in TABLES.values())
    assert {target.kind for target in TARGETS} <= {TargetKind.DEADLINE, *TABLES}


def test_every_target_slices_back_from_the_plan() -> None:
    for target in TARGETS:
        assert TEXT[target.span.start : target.span.end] == target.text


# Arabic numbers of the plan that are not quantities, each with the reason.
NON_TARGETS = {
    "item marker （1）": r"（\d+）",
    "measure number 1． / 50.": r"(?<=\t)\d+[．.]",
    "document number": r"〔\d{4}〕\d+号",
    "date of the notice": r"\d{4}年\d{1,2}月\d{1,2}日",
    "4G and 5G networks": r"\d+G",
    "the 12345 hotline": r"12345",
    "the 11223 system architecture": r"11223",
    "the 4+1 court platforms": r"4\+1",
}


def test_every_arabic_number_is_a_target_or_a_known_non_target() -> None:
    covered = [(t.span.start, t.span.end) for t in TARGETS]
    excused = [m.span() for pattern in NON_TARGETS.values() for m in regex.finditer(pattern, TEXT)]
    for number in regex.finditer(r"[0-9]+(?:\.[0-9]+)?", TEXT):
        start, end = number.span()
        assert any(a <= start and end <= b for a, b in covered + excused), (
            f"line {TEXT.count(chr(10), 0, start) + 1}: {number[0]!r} is neither"
        )


@pytest.mark.parametrize("reason", list(NON_TARGETS))
def test_known_non_targets_are_not_reported(reason: str) -> None:
    matches = list(regex.finditer(NON_TARGETS[reason], TEXT))
    assert matches
    for match in matches:
        for target in TARGETS:
            assert match.end() <= target.span.start or target.span.end <= match.start(), (
                reason,
                target,
            )


def test_the_reference_year_is_not_a_target() -> None:
    assert not [t for t in TARGETS if t.text == "2017年"]
    (change,) = [t for t in TARGETS if t.baseline_year is not None]
    assert change.baseline_year == 2017


def test_slogans_with_chinese_numerals_are_not_targets() -> None:
    # “三个作用”, “一网通办”, “三年行动计划”, 三级法院, 一次性告知: every target of this plan
    # is written with Arabic digits, or is a promise without a number (立等可取).
    for target in TARGETS:
        assert regex.search(r"[0-9]", target.text) or target.kind is TargetKind.ON_THE_SPOT, target


def test_targets_of_an_action_item_keep_their_place_in_the_plan() -> None:
    # The parser calls the extractor on one action item at a time, with its offset.
    start = TEXT.index("（1）2019年底前将一般社会投资项目")
    end = TEXT.index("\n", start)
    item = extract_targets(TEXT[start:end], offset=start, issue_date=ISSUED)
    whole = [t for t in TARGETS if start <= t.span.start and t.span.end <= end]
    assert item == tuple(whole)
    assert len(item) == 5
