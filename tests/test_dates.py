"""Tests of yingshang.dates: deadlines (时限) and calendar dates as plans write them."""

from __future__ import annotations

import calendar
import contextlib
import datetime

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from yingshang.dates import (
    DATE_ANCHORS,
    DATE_PATTERN,
    DATE_SCAN,
    DATE_SCAN_FROM_FIRST,
    DEADLINE_ANCHORS,
    DEADLINE_PATTERNS,
    deadline_from_match,
    parse_chinese_date,
    parse_deadline,
)
from yingshang.errors import ParseError
from yingshang.model import Deadline, DeadlineKind, Quantity
from yingshang.numbers import to_chinese_numeral

ISSUED = datetime.date(2019, 7, 23)
BY_END_OF, BEFORE, BY, WITHIN = (
    DeadlineKind.BY_END_OF,
    DeadlineKind.BEFORE,
    DeadlineKind.BY,
    DeadlineKind.WITHIN,
)


def day(year: int, month: int, day_of_month: int) -> datetime.date:
    return datetime.date(year, month, day_of_month)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2019年9月底前", Deadline(BY_END_OF, day(2019, 9, 30), 2019, 9)),
        ("2019年底前", Deadline(BY_END_OF, day(2019, 12, 31), 2019)),
        ("2019年年底前", Deadline(BY_END_OF, day(2019, 12, 31), 2019)),
        ("2019年11月底前", Deadline(BY_END_OF, day(2019, 11, 30), 2019, 11)),
        ("2020年2月底前", Deadline(BY_END_OF, day(2020, 2, 29), 2020, 2)),
        ("2019年末", Deadline(BY_END_OF, day(2019, 12, 31), 2019)),
        ("2020年前", Deadline(BEFORE, day(2019, 12, 31), 2020)),
        ("2020年6月前", Deadline(BEFORE, day(2020, 5, 31), 2020, 6)),
        ("2020年6月30日前", Deadline(BEFORE, day(2020, 6, 30), 2020, 6, 30)),
        ("到2022年", Deadline(BY, day(2022, 12, 31), 2022)),
        ("截至2022年6月", Deadline(BY, day(2022, 6, 30), 2022, 6)),
        ("到2022年底", Deadline(BY_END_OF, day(2022, 12, 31), 2022)),
        ("2019年内", Deadline(BY, day(2019, 12, 31), 2019)),
        ("二〇二〇年底前", Deadline(BY_END_OF, day(2020, 12, 31), 2020)),
        ("二〇一九年十二月底前", Deadline(BY_END_OF, day(2019, 12, 31), 2019, 12)),
        ("２０１９年９月底前", Deadline(BY_END_OF, day(2019, 9, 30), 2019, 9)),
    ],
)
def test_parse_deadline_reads_dated_deadlines(written: str, expected: Deadline) -> None:
    assert parse_deadline(written) == expected
    # An issue date changes nothing when the year is written.
    assert parse_deadline(written, issue_date=ISSUED) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # A period named alone is done by its end; 末前/底前/末 say the same.
        ("2020年上半年", Deadline(BY_END_OF, day(2020, 6, 30), 2020)),
        ("2020年下半年", Deadline(BY_END_OF, day(2020, 12, 31), 2020)),
        ("2020年上半年末前", Deadline(BY_END_OF, day(2020, 6, 30), 2020)),
        ("2019年三季度末前", Deadline(BY_END_OF, day(2019, 9, 30), 2019)),
        ("2019年第三季度", Deadline(BY_END_OF, day(2019, 9, 30), 2019)),
        ("2020年一季度", Deadline(BY_END_OF, day(2020, 3, 31), 2020)),
        ("2020年第1季度末", Deadline(BY_END_OF, day(2020, 3, 31), 2020)),
        ("2020年第二季度底前", Deadline(BY_END_OF, day(2020, 6, 30), 2020)),
        ("2019年四季度", Deadline(BY_END_OF, day(2019, 12, 31), 2019)),
        ("二〇二〇年上半年", Deadline(BY_END_OF, day(2020, 6, 30), 2020)),
        ("2020年的上半年", Deadline(BY_END_OF, day(2020, 6, 30), 2020)),
        # 前 is before the period begins, as in 2020年前; 内 and 到 are within it.
        ("2020年下半年前", Deadline(BEFORE, day(2020, 6, 30), 2020)),
        ("2020年第一季度前", Deadline(BEFORE, day(2019, 12, 31), 2020)),
        ("2019年三季度内", Deadline(BY, day(2019, 9, 30), 2019)),
        ("到2020年上半年", Deadline(BY, day(2020, 6, 30), 2020)),
    ],
)
def test_parse_deadline_reads_half_years_and_quarters(written: str, expected: Deadline) -> None:
    assert parse_deadline(written) == expected
    assert parse_deadline(written, issue_date=ISSUED) == expected


@given(
    st.integers(min_value=1001, max_value=9999),
    st.integers(min_value=1, max_value=4),
    st.sampled_from(["", "第"]),
    st.booleans(),
)
def test_a_quarter_ends_on_the_last_day_of_its_third_month(
    year: int, quarter: int, ordinal: str, chinese: bool
) -> None:
    number = "一二三四"[quarter - 1] if chinese else str(quarter)
    last_month = 3 * quarter
    end = day(year, last_month, calendar.monthrange(year, last_month)[1])
    assert parse_deadline(f"{year}年{ordinal}{number}季度末前") == Deadline(BY_END_OF, end, year)
    before = day(year, last_month - 2, 1) - datetime.timedelta(days=1)
    assert parse_deadline(f"{year}年{ordinal}{number}季度前") == Deadline(BEFORE, before, year)


@pytest.mark.parametrize(
    ("written", "offset", "due"),
    [
        ("在本方案印发之日起1个月内", Quantity(1, "个月"), day(2019, 8, 23)),
        ("自本通知印发之日起两个月内", Quantity(2, "个月"), day(2019, 9, 23)),
        ("印发之日起30日内", Quantity(30, "日"), day(2019, 8, 22)),
        ("本方案印发后1年内", Quantity(1, "年"), day(2020, 7, 23)),
        ("印发之日起2周内", Quantity(2, "周"), day(2019, 8, 6)),
    ],
)
def test_relative_deadlines_resolve_against_the_issue_date(
    written: str, offset: Quantity, due: datetime.date
) -> None:
    assert parse_deadline(written, issue_date=ISSUED) == Deadline(WITHIN, due, offset=offset)
    assert parse_deadline(written) == Deadline(WITHIN, None, offset=offset)


def test_month_ends_clip_when_resolving_relative_deadlines() -> None:
    deadline = parse_deadline("印发之日起1个月内", issue_date=day(2019, 1, 31))
    assert deadline.date == day(2019, 2, 28)


def test_working_days_are_not_resolved_without_a_holiday_calendar() -> None:
    deadline = parse_deadline("印发之日起10个工作日内", issue_date=ISSUED)
    assert deadline == Deadline(WITHIN, None, offset=Quantity(10, "个工作日"))


@pytest.mark.parametrize(
    ("written", "with_issue", "without_issue"),
    [
        ("年底前", Deadline(BY_END_OF, day(2019, 12, 31), 2019), Deadline(BY_END_OF, None)),
        ("今年年底前", Deadline(BY_END_OF, day(2019, 12, 31), 2019), Deadline(BY_END_OF, None)),
        ("明年6月底前", Deadline(BY_END_OF, day(2020, 6, 30), 2020, 6),
         Deadline(BY_END_OF, None, None, 6)),
        ("9月底前", Deadline(BY_END_OF, day(2019, 9, 30), 2019, 9),
         Deadline(BY_END_OF, None, None, 9)),
        ("6月30日前", Deadline(BEFORE, day(2019, 6, 30), 2019, 6, 30),
         Deadline(BEFORE, None, None, 6, 30)),
        ("三季度末前", Deadline(BY_END_OF, day(2019, 9, 30), 2019), Deadline(BY_END_OF, None)),
        ("上半年末", Deadline(BY_END_OF, day(2019, 6, 30), 2019), Deadline(BY_END_OF, None)),
        ("明年一季度", Deadline(BY_END_OF, day(2020, 3, 31), 2020), Deadline(BY_END_OF, None)),
        ("今年下半年", Deadline(BY_END_OF, day(2019, 12, 31), 2019), Deadline(BY_END_OF, None)),
    ],
)  # fmt: skip
def test_deadlines_without_a_year_take_the_plans_year(
    written: str, with_issue: Deadline, without_issue: Deadline
) -> None:
    assert parse_deadline(written, issue_date=ISSUED) == with_issue
    assert parse_deadline(written) == without_issue


@pytest.mark.parametrize(
    ("written", "with_issue", "without_issue"),
    [
        ("本月底前", Deadline(BY_END_OF, day(2019, 7, 31), 2019, 7), Deadline(BY_END_OF, None)),
        ("下月底前", Deadline(BY_END_OF, day(2019, 8, 31), 2019, 8), Deadline(BY_END_OF, None)),
        ("下月15日前", Deadline(BEFORE, day(2019, 8, 15), 2019, 8, 15), Deadline(BEFORE, None)),
        ("本月10号之前", Deadline(BEFORE, day(2019, 7, 10), 2019, 7, 10), Deadline(BEFORE, None)),
        ("6月底", Deadline(BY_END_OF, day(2019, 6, 30), 2019, 6),
         Deadline(BY_END_OF, None, None, 6)),
        ("2023 年底前", Deadline(BY_END_OF, day(2023, 12, 31), 2023),
         Deadline(BY_END_OF, day(2023, 12, 31), 2023)),
        ("2025 年\n底前", Deadline(BY_END_OF, day(2025, 12, 31), 2025),
         Deadline(BY_END_OF, day(2025, 12, 31), 2025)),
        ("国庆节前", Deadline(BEFORE, day(2019, 9, 30), 2019), Deadline(BEFORE, None)),
        ("2020年国庆节前", Deadline(BEFORE, day(2020, 9, 30), 2020),
         Deadline(BEFORE, day(2020, 9, 30), 2020)),
        ("元旦前", Deadline(BEFORE, day(2019, 12, 31), 2020), Deadline(BEFORE, None)),
        # 春节 and 中秋节 move with the lunar calendar: 2019's 春节 (5 February) had passed.
        ("春节前", Deadline(BEFORE, day(2020, 1, 24), 2020), Deadline(BEFORE, None)),
        ("中秋节前", Deadline(BEFORE, day(2019, 9, 12), 2019), Deadline(BEFORE, None)),
        ("2021年春节前", Deadline(BEFORE, day(2021, 2, 11), 2021),
         Deadline(BEFORE, day(2021, 2, 11), 2021)),
    ],
)  # fmt: skip
def test_month_and_holiday_deadlines(
    written: str, with_issue: Deadline, without_issue: Deadline
) -> None:
    assert parse_deadline(written, issue_date=ISSUED) == with_issue
    assert parse_deadline(written) == without_issue


# The lunar new year and the mid-autumn festival of some years, as calendars print them.
LUNAR_HOLIDAYS = [
    ("春节", 1985, day(1985, 2, 20)), ("春节", 2000, day(2000, 2, 5)),
    ("春节", 2008, day(2008, 2, 7)), ("春节", 2023, day(2023, 1, 22)),
    ("春节", 2024, day(2024, 2, 10)), ("春节", 2025, day(2025, 1, 29)),
    ("春节", 2030, day(2030, 2, 3)), ("中秋节", 2008, day(2008, 9, 14)),
    ("中秋节", 2020, day(2020, 10, 1)), ("中秋节", 2023, day(2023, 9, 29)),
    ("中秋节", 2024, day(2024, 9, 17)), ("中秋节", 2025, day(2025, 10, 6)),
]  # fmt: skip


@pytest.mark.parametrize(("holiday", "year", "date"), LUNAR_HOLIDAYS)
def test_a_lunar_holiday_is_due_the_day_before_it(
    holiday: str, year: int, date: datetime.date
) -> None:
    written = parse_deadline(f"{year}年{holiday}前")
    assert written == Deadline(BEFORE, date - datetime.timedelta(days=1), year)
    # Issued the day before, or the day of the holiday: this one, or next year's.
    assert parse_deadline(f"{holiday}前", issue_date=date - datetime.timedelta(days=1)) == written
    after = parse_deadline(f"{holiday}前", issue_date=date)
    assert after.year == year + 1
    assert after.date is not None
    assert after.date.month in (1, 2, 9, 10)


@pytest.mark.parametrize(
    ("written", "expected"),
    [("2019年11月中旬前", Deadline(DeadlineKind.BY_END_OF, datetime.date(2019, 11, 20), 2019, 11)),
     ("到2020年6月上旬", Deadline(DeadlineKind.BY_END_OF, datetime.date(2020, 6, 10), 2020, 6)),
     ("2020年2月下旬前", Deadline(DeadlineKind.BY_END_OF, datetime.date(2020, 2, 29), 2020, 2)),
     ("2021年2月下旬前", Deadline(DeadlineKind.BY_END_OF, datetime.date(2021, 2, 28), 2021, 2)),
     ("9月中旬前", Deadline(DeadlineKind.BY_END_OF, datetime.date(2019, 9, 20), 2019, 9))],
)  # fmt: skip
def test_a_dekad_is_due_on_its_last_day(written: str, expected: Deadline) -> None:
    # 上旬, 中旬, 下旬: the first, second and last ten days of a month (下旬 ends with it).
    assert parse_deadline(written, issue_date=ISSUED) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [("一季度内", Deadline(DeadlineKind.BY, datetime.date(2019, 3, 31), 2019)),
     ("三季度前", Deadline(DeadlineKind.BEFORE, datetime.date(2019, 6, 30), 2019)),
     ("第四季度内", Deadline(DeadlineKind.BY, datetime.date(2019, 12, 31), 2019)),
     ("上半年内", Deadline(DeadlineKind.BY, datetime.date(2019, 6, 30), 2019))],
)  # fmt: skip
def test_a_bounded_quarter_without_a_year_is_in_the_plans_year(
    written: str, expected: Deadline
) -> None:
    assert parse_deadline(written, issue_date=ISSUED) == expected


def test_a_lunar_holiday_outside_the_table_keeps_its_year_only() -> None:
    assert parse_deadline("1979年春节前") == Deadline(BEFORE, None, 1979)
    assert parse_deadline("2100年中秋节前") == Deadline(BEFORE, None, 2100)


@pytest.mark.parametrize(
    ("written", "month", "day_of_month"),
    [("每年年底前", 12, None), ("每年底前", 12, None), ("每年6月底前", 6, None),
     ("每季度末前", None, None), ("每月10日前", None, 10), ("每季度首月10日前", None, 10),
     ("每季度末月5日前", None, 5), ("每季度第一个月10日前", None, 10),
     ("每季度最后一个月20日前", None, 20)],
)  # fmt: skip
def test_recurring_deadlines_are_kept_as_such(
    written: str, month: int | None, day_of_month: int | None
) -> None:
    # A deadline due again each period has no single date, with or without the plan's year.
    expected = Deadline(DeadlineKind.RECURRING, None, month=month, day=day_of_month)
    assert parse_deadline(written, issue_date=ISSUED) == expected


@pytest.mark.parametrize(
    "written",
    ["", "2017年", "2019年7月23日", "2019年13月底前", "2019年2月30日前", "2019年0月底前",
     "3个月前", "2019年前三季度", "底前", "印发之日起1个月", "2019年9月30日底前",
     # A half-year or quarter with no year needs 末前 to be a deadline; 每季度末 without 前 is
     # no deadline; 前三季度 is the first three quarters, a span; there is no fifth quarter.
     "上半年", "一季度", "第三季度", "每季度末", "每年第一季度末前", "前三季度末", "2019年五季度",
     # A dekad is a deadline with 前 or 到 only (2020年3月中旬 alone is when something happened),
     # and a month's only: 每年首月10日前 is no form.
     "2020年3月中旬", "11月下旬", "2019年13月中旬前", "每年首月10日前", "上半年前",
     # a year's end without 前 needs 到 before or the work after it
     "年底", "今年底", "去年底实现", "到年底线"],
)  # fmt: skip
def test_parse_deadline_rejects_dates_and_impossible_deadlines(written: str) -> None:
    with pytest.raises(ParseError):
        parse_deadline(written)


@given(
    st.integers(min_value=1000, max_value=9999),
    st.integers(min_value=1, max_value=12),
    st.booleans(),
)
def test_month_end_deadlines_fall_on_the_last_day_of_the_month(
    year: int, month: int, chinese: bool
) -> None:
    written_year = _digit_by_digit(year) if chinese else str(year)
    written_month = to_chinese_numeral(month) if chinese else str(month)
    deadline = parse_deadline(f"{written_year}年{written_month}月底前")
    assert deadline == Deadline(
        BY_END_OF, day(year, month, calendar.monthrange(year, month)[1]), year, month
    )


@given(st.integers(min_value=1001, max_value=9999))
def test_year_deadlines(year: int) -> None:
    assert parse_deadline(f"{year}年底前").date == day(year, 12, 31)
    assert parse_deadline(f"{year}年前").date == day(year - 1, 12, 31)
    assert parse_deadline(f"到{year}年").date == day(year, 12, 31)


@given(st.dates(min_value=day(1000, 1, 1), max_value=day(9999, 12, 31)), st.booleans())
def test_parse_chinese_date_round_trips(date: datetime.date, chinese: bool) -> None:
    if chinese:
        written = (
            f"{_digit_by_digit(date.year)}年{to_chinese_numeral(date.month)}月"
            f"{to_chinese_numeral(date.day)}日"
        )
    else:
        written = f"{date.year}年{date.month}月{date.day}日"
    assert parse_chinese_date(written) == date


@pytest.mark.parametrize(
    ("written", "date"),
    [
        ("2019年7月23日", day(2019, 7, 23)),
        ("二〇一九年七月二十三日", day(2019, 7, 23)),
        ("２０１９年７月２３日", day(2019, 7, 23)),
        ("2019年7月23日          ", day(2019, 7, 23)),
        ("2019-07-23", day(2019, 7, 23)),
        ("2019.7.23", day(2019, 7, 23)),
    ],
)
def test_parse_chinese_date_reads_the_notices_date(written: str, date: datetime.date) -> None:
    assert parse_chinese_date(written) == date


@pytest.mark.parametrize("written", ["", "2019年7月", "2019年2月30日", "七月二十三日", "明天"])
def test_parse_chinese_date_rejects_partial_and_impossible_dates(written: str) -> None:
    with pytest.raises(ParseError):
        parse_chinese_date(written)


@given(st.text())
def test_deadline_from_match_never_raises(text: str) -> None:
    for pattern in DEADLINE_PATTERNS:
        for match in pattern.finditer(text):
            deadline = deadline_from_match(match, issue_date=ISSUED)
            assert deadline is None or isinstance(deadline, Deadline)
    for match in DATE_PATTERN.finditer(text):
        assert match[0]


DEADLINE_CHARACTERS = "0123456789年月日底前末到内之以个工作日印发起一二三四十〇上下半第季度每"


@given(st.text(alphabet=DEADLINE_CHARACTERS, max_size=30))
def test_parse_deadline_raises_only_parse_error(text: str) -> None:
    with contextlib.suppress(ParseError):
        parse_deadline(text, issue_date=ISSUED)


def _digit_by_digit(year: int) -> str:
    return "".join("〇一二三四五六七八九"[int(digit)] for digit in str(year))


# Pieces of every way of writing a deadline, and of near misses, for the anchor words' check.
DEADLINE_PIECES = (
    "2019", "二〇一九", "年", "今年", "本", "当", "明", "月", "9", "九", "十二", "30", "日", "号",
    "底", "末", "前", "内", "以前", "之内", "到", "截至", "每", "上", "下", "半年", "第", "三",
    "季度", "国庆", "节", "春节", "元旦", "中秋", "劳动", "五一", "五", "个", "次", "自", "在",
    "本方案", "印发", "实施", "之日起", "之日后", "后", "1", "个月", "工作日", " ", "\n", "-", ".",
    "/", "07", "23", "，",
)  # fmt: skip


@given(st.lists(st.sampled_from(DEADLINE_PIECES), max_size=12).map("".join))
@example("2019年9月底前, 今年年底前, 当年底前, 本年内, 年末前, 明年6月底前, 本月底前, 下个月末")
@example("下月15日前, 本月10号之前, 次月5日前, 下个月20日前, 当月1日前")
@example("2019年春节前, 国庆节前, 元旦前, 中秋节前, 劳动节前, 五一前")
@example("每年年底前, 2020年上半年, 明年一季度, 上半年末前, 第三季度末前")
@example("自本方案印发之日起1个月内, 在本通知印发之日后1个月内, 印发后3个月内")
@example("2019年7月23日, 7月23日, 2019-07-23, 2019.7.23, 2019/7/23")
def test_anchor_words_are_in_every_match(text: str) -> None:
    # The extractor skips a pattern where its anchor words are missing, and tries only the
    # starts `lead` characters before one where a lead is given: each match must hold one there.
    assert len(DEADLINE_ANCHORS) == len(DEADLINE_PATTERNS)
    for pattern, (anchors, lead) in zip(DEADLINE_PATTERNS, DEADLINE_ANCHORS, strict=True):
        for match in pattern.finditer(text):
            if lead is not None:  # every match: the scan tries no other starts
                start = match.start()
                assert any(text.find(w, start, start + lead + len(w)) >= 0 for w in anchors)
            elif deadline_from_match(match, issue_date=ISSUED) is not None:
                # A match that gives no deadline yields nothing (the holidays' anchors hold
                # only for those that do).
                assert any(word in match[0] for word in anchors), (pattern.pattern, match)
    for match in DATE_PATTERN.finditer(text):
        assert any(word in match[0] for word in DATE_ANCHORS), match


@given(st.lists(st.sampled_from(DEADLINE_PIECES), max_size=12).map("".join) | st.text())
@example("2019年7月23日, 7月23日, 2019-07-23, 2019.7.23, 2019/7/23, 二〇一九年七月, 2017年")
@example("１２月３１日，２０１９年，12345年，2019-7.23, 2019年7月23号, 十月一号")
def test_the_standard_engines_dates_are_the_same(text: str) -> None:
    # The extractor scans with DATE_SCAN: it must find what DATE_PATTERN finds, and the first
    # form's parts under the same names.
    scanned = [(m.span(), m["year"], m["month"]) for m in DATE_SCAN.finditer(text)]
    found = [
        (m.span(), m["year"] if m["separator"] is None else None,
         m["month"] if m["year"] is not None and m["separator"] is None else None)
        for m in DATE_PATTERN.finditer(text)
    ]  # fmt: skip
    assert scanned == found


@given(st.lists(st.sampled_from(DEADLINE_PIECES), max_size=12).map("".join) | st.text())
@example("2019年7月23日, 7月23日, 2019-07-23, 2019.7.23, 2019/7/23, 二〇一九年七月, 2017年")
@example("１２月３１日，２０１９年，12345年，2019-7.23, 2019年7月23号, 十月一号, 十二月三十一日")
@example("〇月1日 零月 一〇一九年 3二〇一九年 十一月 二十一日 2019 年 7 月")
def test_the_scan_from_the_first_character_is_the_same(text: str) -> None:
    # The extractor scans with DATE_SCAN_FROM_FIRST: DATE_SCAN's matches, its first form's year
    # but the first character named year_tail.
    scanned = [(m.span(), m["year"], m["month"]) for m in DATE_SCAN.finditer(text)]
    fast = [
        (m.span(), None if m["year_tail"] is None else text[m.start() : m.end("year_tail")],
         m["month"])
        for m in DATE_SCAN_FROM_FIRST.finditer(text)
    ]  # fmt: skip
    assert fast == scanned


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("6月底前", datetime.date(2021, 6, 30)),
        ("年底前", datetime.date(2021, 12, 31)),
        ("今年内", datetime.date(2021, 12, 31)),
        ("明年一季度", datetime.date(2022, 3, 31)),
        ("国庆节前", datetime.date(2021, 9, 30)),
        ("印发之日起1个月内", datetime.date(2021, 1, 28)),  # from the issue date, not the year
    ],
)
def test_the_plans_year_dates_what_is_written_without_one(phrase: str, due: datetime.date) -> None:
    # A 2021 plan issued on 28 December 2020.
    deadline = parse_deadline(phrase, issue_date=datetime.date(2020, 12, 28), year=2021)
    assert deadline.date == due
