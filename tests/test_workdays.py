"""Tests for yingshang.workdays: official holidays, the fallback, due dates and counting laws."""

from __future__ import annotations

import datetime
import sys
import warnings
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from yingshang.errors import YingshangError
from yingshang.model import Quantity
from yingshang.workdays import (
    CalendarFallbackWarning,
    ChinaWorkdayCalendar,
    HolidayTableCalendar,
    UnsupportedQuantityError,
    WeekdayCalendar,
    WorkdayCalendar,
    add_working_days,
    count_working_days,
    default_calendar,
    due_date,
    is_working_day,
)

D = datetime.date


@pytest.fixture
def china() -> ChinaWorkdayCalendar:
    """A fresh calendar backed by chinesecalendar; skips where the package is not installed."""
    pytest.importorskip("chinese_calendar")
    return ChinaWorkdayCalendar()


@pytest.fixture
def without_package(monkeypatch: pytest.MonkeyPatch) -> ChinaWorkdayCalendar:
    """A fresh calendar that cannot import chinese_calendar, as on a machine without the extra."""
    # A None entry in sys.modules makes `import chinese_calendar` raise ImportError.
    monkeypatch.setitem(sys.modules, "chinese_calendar", None)
    return ChinaWorkdayCalendar()


# --- facts of the State Council's notices ---------------------------------------------------
# 国办发明电〔2018〕15号 (the 2019 notice) and the 2024 notice of 25 October 2023.


@pytest.mark.parametrize("day", [D(2019, 10, n) for n in range(1, 8)])
def test_national_day_2019_is_a_holiday(china: ChinaWorkdayCalendar, day: datetime.date) -> None:
    assert not china.is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [
        D(2019, 9, 29),  # Sunday, worked for National Day
        D(2019, 10, 12),  # Saturday, worked for National Day
        D(2019, 2, 2),  # Saturday, worked for the Spring Festival
        D(2019, 2, 3),  # Sunday, worked for the Spring Festival
        D(2024, 2, 4),  # Sunday, worked for the Spring Festival
        D(2024, 2, 18),  # Sunday, worked for the Spring Festival
        D(2024, 5, 11),  # Saturday, worked for Labour Day
    ],
)
def test_make_up_working_days_are_working_days(
    china: ChinaWorkdayCalendar, day: datetime.date
) -> None:
    assert day.weekday() >= 5, "each of these is a weekend day"
    assert china.is_working_day(day)


@pytest.mark.parametrize(
    "day",
    [
        D(2019, 2, 4),  # 除夕, Monday: first day of the 2019 Spring Festival holiday
        D(2019, 2, 8),  # Friday
        D(2024, 2, 15),  # Thursday, inside 10–17 February 2024
        D(2024, 2, 16),  # Friday
        D(2018, 12, 31),  # Monday, the 2019 New Year holiday ran 30 December to 1 January
    ],
)
def test_weekday_holidays_are_not_working_days(
    china: ChinaWorkdayCalendar, day: datetime.date
) -> None:
    assert day.weekday() < 5, "each of these is a weekday"
    assert not china.is_working_day(day)


def test_new_years_eve_2024_is_a_working_day(china: ChinaWorkdayCalendar) -> None:
    # The 2024 notice only *encourages* employers to give 除夕 (Friday 9 February) off.
    assert china.is_working_day(D(2024, 2, 9))


def test_first_working_day_after_national_day(china: ChinaWorkdayCalendar) -> None:
    assert china.add_working_days(D(2019, 9, 30), 1) == D(2019, 10, 8)
    assert china.add_working_days(D(2019, 9, 27), 1) == D(2019, 9, 29)


def test_count_over_national_day_week(china: ChinaWorkdayCalendar) -> None:
    # 29 and 30 September, then 8–12 October (Saturday the 12th worked): 7 working days.
    assert china.count_working_days(D(2019, 9, 28), D(2019, 10, 12)) == 7
    assert WeekdayCalendar().count_working_days(D(2019, 9, 28), D(2019, 10, 12)) == 10


def test_package_years_cover_the_plans(china: ChinaWorkdayCalendar) -> None:
    assert china.available
    assert 2004 in china.years
    assert 2024 in china.years


# --- the fallback ----------------------------------------------------------------------------


def test_missing_package_falls_back_to_monday_to_friday_with_a_warning(
    without_package: ChinaWorkdayCalendar,
) -> None:
    with pytest.warns(CalendarFallbackWarning, match="chinesecalendar"):
        # A holiday in the official calendar, a Tuesday in the fallback.
        assert without_package.is_working_day(D(2019, 10, 1))
    assert not without_package.available
    assert without_package.years == range(0)


def test_missing_package_warns_once(without_package: ChinaWorkdayCalendar) -> None:
    with pytest.warns(CalendarFallbackWarning) as record:
        without_package.count_working_days(D(2019, 1, 1), D(2020, 12, 31))
    assert len(record) == 1


def test_fallback_counts_weekends_only(without_package: ChinaWorkdayCalendar) -> None:
    with pytest.warns(CalendarFallbackWarning):
        sunday_worked = without_package.is_working_day(D(2019, 9, 29))  # a make-up Sunday
    assert not sunday_worked
    assert without_package.add_working_days(D(2019, 9, 30), 1) == D(2019, 10, 1)


def test_unknown_module_name_falls_back() -> None:
    calendar = ChinaWorkdayCalendar(module_name="yingshang_no_such_calendar_module")
    with pytest.warns(CalendarFallbackWarning, match="yingshang_no_such_calendar_module"):
        assert calendar.is_working_day(D(2019, 10, 1))


def test_year_outside_the_data_warns_once_per_year(china: ChinaWorkdayCalendar) -> None:
    with pytest.warns(CalendarFallbackWarning, match="1999") as record:
        days = [china.is_working_day(D(1999, 10, n)) for n in (1, 2)]  # Friday, Saturday
    assert days == [True, False]
    assert len(record) == 1
    with pytest.warns(CalendarFallbackWarning, match="1998"):
        china.is_working_day(D(1998, 1, 5))


def test_years_inside_the_data_do_not_warn(china: ChinaWorkdayCalendar) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", CalendarFallbackWarning)
        china.count_working_days(D(2019, 1, 1), D(2019, 12, 31))


# --- other calendars -------------------------------------------------------------------------


def test_weekday_calendar() -> None:
    calendar = WeekdayCalendar()
    assert calendar.is_working_day(D(2019, 10, 1))
    assert not calendar.is_working_day(D(2019, 10, 5))
    assert calendar.add_working_days(D(2019, 10, 4), 1) == D(2019, 10, 7)


def test_holiday_table_calendar() -> None:
    calendar = HolidayTableCalendar(holidays=[D(2019, 10, 1)], working_days=[D(2019, 9, 29)])
    assert not calendar.is_working_day(D(2019, 10, 1))
    assert calendar.is_working_day(D(2019, 9, 29))
    assert calendar.is_working_day(D(2019, 10, 2))
    assert not calendar.is_working_day(D(2019, 9, 28))


def test_custom_calendar_needs_only_is_working_day() -> None:
    class EveryOtherDay(WorkdayCalendar):
        def is_working_day(self, day: datetime.date) -> bool:
            return day.toordinal() % 2 == 0

    calendar = EveryOtherDay()
    start = D(2020, 1, 2)  # ordinal is even
    assert calendar.add_working_days(start, 3) == D(2020, 1, 8)
    assert calendar.count_working_days(start, D(2020, 1, 8)) == 3


def test_datetime_is_read_as_its_date() -> None:
    calendar = WeekdayCalendar()
    moment = datetime.datetime(2019, 10, 4, 18, 30)
    assert calendar.add_working_days(moment, 1) == D(2019, 10, 7)
    assert calendar.count_working_days(moment, D(2019, 10, 7)) == 1


def test_negative_n_and_reversed_interval_raise() -> None:
    calendar = WeekdayCalendar()
    with pytest.raises(ValueError, match="n must be >= 0"):
        calendar.add_working_days(D(2019, 10, 4), -1)
    with pytest.raises(ValueError, match="before start"):
        calendar.count_working_days(D(2019, 10, 4), D(2019, 10, 3))


def test_module_functions_use_the_given_calendar() -> None:
    calendar = HolidayTableCalendar(holidays=[D(2019, 10, 7)])
    assert not is_working_day(D(2019, 10, 7), calendar=calendar)
    assert add_working_days(D(2019, 10, 4), 1, calendar=calendar) == D(2019, 10, 8)
    assert count_working_days(D(2019, 10, 4), D(2019, 10, 8), calendar=calendar) == 1
    assert due_date(D(2019, 10, 4), Quantity(1, "个工作日"), calendar=calendar) == D(2019, 10, 8)


def test_default_calendar_is_shared() -> None:
    assert default_calendar() is default_calendar()
    assert isinstance(default_calendar(), ChinaWorkdayCalendar)


# --- due dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "value", "unit", "expected"),
    [
        (D(2019, 9, 30), 3, "个工作日", D(2019, 10, 10)),
        (D(2019, 9, 30), 3, "工作日", D(2019, 10, 10)),
        (D(2019, 7, 23), 30, "日", D(2019, 8, 22)),
        (D(2019, 7, 23), 30, "天", D(2019, 8, 22)),
        (D(2019, 7, 23), 2, "周", D(2019, 8, 6)),
        (D(2019, 7, 23), 1, "个月", D(2019, 8, 23)),
        (D(2019, 1, 31), 1, "个月", D(2019, 2, 28)),  # no 31 February: the month's last day
        (D(2020, 2, 29), 1, "年", D(2021, 2, 28)),
        (D(2019, 7, 23), 0, "个工作日", D(2019, 7, 23)),
    ],
)
def test_due_date(
    china: ChinaWorkdayCalendar,
    start: datetime.date,
    value: int,
    unit: str,
    expected: datetime.date,
) -> None:
    assert china.due_date(start, Quantity(value, unit)) == expected


def test_due_date_counts_working_days_across_holidays(china: ChinaWorkdayCalendar) -> None:
    # 20 working days from 2019-09-20 skip the National Day week but count the two make-up days.
    assert china.due_date(D(2019, 9, 20), Quantity(20, "个工作日")) == D(2019, 10, 23)
    weekdays = WeekdayCalendar().due_date(D(2019, 9, 20), Quantity(20, "个工作日"))
    assert weekdays == D(2019, 10, 18)


def test_due_date_roll_forward(china: ChinaWorkdayCalendar) -> None:
    one_month = Quantity(1, "个月")
    assert china.due_date(D(2019, 9, 1), one_month) == D(2019, 10, 1)
    assert china.due_date(D(2019, 9, 1), one_month, roll_forward=True) == D(2019, 10, 8)
    # A period ending on a working day is not moved.
    assert china.due_date(D(2019, 8, 9), one_month, roll_forward=True) == D(2019, 9, 9)


@pytest.mark.parametrize(
    ("value", "unit", "match"),
    [
        (24, "小时", "not a unit of time"),
        (50, "%", "not a unit of time"),
        (Decimal("1.5"), "个工作日", "not a whole number"),
        (Decimal("0.5"), "个月", "not a whole number"),
        (-3, "日", "negative"),
    ],
)
def test_due_date_rejects_other_quantities(value: Decimal | int, unit: str, match: str) -> None:
    quantity = Quantity(value, unit)
    with pytest.raises(UnsupportedQuantityError, match=match) as info:
        WeekdayCalendar().due_date(D(2019, 7, 23), quantity)
    assert isinstance(info.value, YingshangError)
    assert isinstance(info.value, ValueError)
    assert info.value.quantity == quantity


# --- properties ------------------------------------------------------------------------------

# Starts and counts chosen so that every result stays inside the years chinesecalendar covers.
starts = st.dates(min_value=D(2004, 1, 1), max_value=D(2025, 6, 30))
counts = st.integers(min_value=0, max_value=250)


def _official() -> ChinaWorkdayCalendar:
    pytest.importorskip("chinese_calendar")
    return default_calendar()


calendars = st.sampled_from(
    [
        WeekdayCalendar(),
        HolidayTableCalendar(
            holidays=[D(2019, 10, n) for n in range(1, 8)],
            working_days=[D(2019, 9, 29), D(2019, 10, 12)],
        ),
    ]
)


@given(start=starts, n=counts)
def test_adding_then_counting_back_gives_n(start: datetime.date, n: int) -> None:
    calendar = _official()
    assert calendar.count_working_days(start, calendar.add_working_days(start, n)) == n


@given(start=starts, n=counts.filter(bool))
def test_adding_working_days_lands_on_a_working_day(start: datetime.date, n: int) -> None:
    calendar = _official()
    assert calendar.is_working_day(calendar.add_working_days(start, n))


@given(start=starts, n=st.integers(min_value=0, max_value=249))
def test_adding_is_strictly_monotonic_in_n(start: datetime.date, n: int) -> None:
    calendar = _official()
    assert calendar.add_working_days(start, n) < calendar.add_working_days(start, n + 1)


@given(calendar=calendars, start=starts, n=counts)
def test_counting_inverts_adding_in_any_calendar(
    calendar: WorkdayCalendar, start: datetime.date, n: int
) -> None:
    end = calendar.add_working_days(start, n)
    assert calendar.count_working_days(start, end) == n
    assert n == 0 or calendar.is_working_day(end)


@given(start=starts, middle=st.integers(0, 180), rest=st.integers(0, 180))
def test_counts_add_up_over_adjacent_intervals(
    start: datetime.date, middle: int, rest: int
) -> None:
    calendar = _official()
    mid = start + datetime.timedelta(days=middle)
    end = mid + datetime.timedelta(days=rest)
    whole = calendar.count_working_days(start, end)
    assert whole == calendar.count_working_days(start, mid) + calendar.count_working_days(mid, end)
