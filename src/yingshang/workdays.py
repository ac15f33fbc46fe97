"""Working days in mainland China: statutory holidays, make-up working days (调休) and due dates.

China's working week is not Monday to Friday. Each year the General Office of the State Council
publishes a notice (国务院办公厅关于…年部分节假日安排的通知) that turns some weekdays into
holidays and some weekends into working days, e.g. in 2019 the National Day holiday ran from
1 to 7 October, and Sunday 29 September and Saturday 12 October were working days.

yingshang keeps no copy of those notices. `ChinaWorkdayCalendar` reads them from the
``chinesecalendar`` package (import name ``chinese_calendar``), an optional extra installed with
``pip install yingshang[calendar]``; when the package is missing, or a year lies outside its
data, it counts Monday to Friday and says so with a `CalendarFallbackWarning`.

>>> import datetime
>>> add_working_days(datetime.date(2019, 9, 30), 1)   # 1 October to 7 are holidays
datetime.date(2019, 10, 8)
"""

from __future__ import annotations

import abc
import datetime
import functools
import importlib
import warnings
from collections.abc import Callable, Iterable
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from yingshang.errors import YingshangError
from yingshang.model import Quantity

__all__ = [
    "CalendarFallbackWarning",
    "ChinaWorkdayCalendar",
    "HolidayTableCalendar",
    "UnsupportedQuantityError",
    "WeekdayCalendar",
    "WorkdayCalendar",
    "add_working_days",
    "count_working_days",
    "default_calendar",
    "due_date",
    "is_working_day",
]

_ONE_DAY = datetime.timedelta(days=1)

# The unit words the extractor produces for periods, grouped by how a period of them is counted.
_WORKING_DAY_UNITS = frozenset({"个工作日", "工作日"})
_DAY_UNITS = frozenset({"日", "天", "个自然日", "自然日"})
_WEEK_UNITS = frozenset({"周", "个星期", "星期"})
_MONTH_UNITS = frozenset({"个月", "月"})
_YEAR_UNITS = frozenset({"年"})


class CalendarFallbackWarning(UserWarning):
    """Working days were counted Monday to Friday because the official calendar was unavailable.

    Raised through `warnings.warn` (never as an exception) by `ChinaWorkdayCalendar`, once per
    calendar for a missing ``chinesecalendar`` package and once per calendar and year for a year
    outside the package's data. Filter it with ``warnings.simplefilter("error",
    CalendarFallbackWarning)`` to make results that ignore holidays fail loudly.
    """


class UnsupportedQuantityError(YingshangError, ValueError):
    """A quantity that is not a period `due_date` can count, e.g. 24小时, 50% or 1.5个工作日."""

    def __init__(self, quantity: Quantity, reason: str) -> None:
        self.quantity = quantity
        self.reason = reason
        super().__init__(f"cannot count a due date from {str(quantity)!r}: {reason}")


class WorkdayCalendar(abc.ABC):
    """A calendar that knows which days are working days (工作日).

    Subclasses implement `is_working_day`; counting and adding are built on it. Every method
    takes and returns `datetime.date` (a `datetime.datetime` is read as its date).
    """

    @abc.abstractmethod
    def is_working_day(self, day: datetime.date) -> bool:
        """Tell whether `day` is a working day."""

    def add_working_days(self, start: datetime.date, n: int) -> datetime.date:
        """Return the `n`-th working day after `start`; `start` itself for ``n == 0``.

        `start` does not count, working day or not: the first working day after Monday
        2019-09-30 is 2019-10-08. Raises `ValueError` for a negative `n`.
        """
        if n < 0:
            raise ValueError(f"n must be >= 0, got {n}")
        day = _as_date(start)
        remaining = n
        while remaining:
            day += _ONE_DAY
            if self.is_working_day(day):
                remaining -= 1
        return day

    def count_working_days(self, start: datetime.date, end: datetime.date) -> int:
        """Return the number of working days in ``(start, end]``: after `start`, up to `end`.

        The half-open interval makes counting the inverse of adding:
        ``count_working_days(s, add_working_days(s, n)) == n``. Raises `ValueError` when `end`
        is before `start`.
        """
        first, last = _as_date(start), _as_date(end)
        if last < first:
            raise ValueError(f"end {last.isoformat()} is before start {first.isoformat()}")
        return sum(1 for day in _days_after(first, last) if self.is_working_day(day))

    def next_working_day(self, day: datetime.date) -> datetime.date:
        """Return `day` if it is a working day, else the first working day after it."""
        day = _as_date(day)
        while not self.is_working_day(day):
            day += _ONE_DAY
        return day

    def due_date(
        self, start: datetime.date, quantity: Quantity, *, roll_forward: bool = False
    ) -> datetime.date:
        """Return the last day of a period of `quantity` that starts after `start`.

        Units: 个工作日/工作日 count working days; 日/天 calendar days; 周 weeks; 个月/月 months
        and 年 years, where a month or year without the corresponding day ends on the last day of
        the month (2019-01-31 + 1个月 → 2019-02-28), as python-dateutil's relativedelta counts
        and as 民法典 articles 201–202 count periods: the first day is not counted.

        With `roll_forward`, a calendar period that ends on a day off is extended to the next
        working day, as 民法典 article 203 extends a period ending on a 法定休假日.

        Raises `UnsupportedQuantityError` for another unit (小时, %, 元 …) or a value that is
        negative or, for days and working days, not whole.
        """
        day = _as_date(start)
        unit = quantity.unit.strip()
        if unit in _WORKING_DAY_UNITS:
            return self.add_working_days(day, _whole_number(quantity))
        if unit in _DAY_UNITS:
            end = day + datetime.timedelta(days=_whole_number(quantity))
        elif unit in _WEEK_UNITS:
            end = day + datetime.timedelta(weeks=_whole_number(quantity))
        elif unit in _MONTH_UNITS:
            end = day + relativedelta(months=_whole_number(quantity))
        elif unit in _YEAR_UNITS:
            end = day + relativedelta(years=_whole_number(quantity))
        else:
            raise UnsupportedQuantityError(quantity, f"{unit!r} is not a unit of time to count")
        return self.next_working_day(end) if roll_forward else end


class WeekdayCalendar(WorkdayCalendar):
    """Monday to Friday, with no holidays: the fallback, and a baseline to compare against."""

    def is_working_day(self, day: datetime.date) -> bool:
        """Tell whether `day` falls on Monday to Friday."""
        return _as_date(day).weekday() < 5

    def __repr__(self) -> str:
        return "WeekdayCalendar()"


class HolidayTableCalendar(WorkdayCalendar):
    """Monday to Friday, less the given `holidays`, plus the given make-up `working_days` (调休).

    For a calendar of one's own, e.g. a province's extra holiday or a notice newer than the
    installed ``chinesecalendar``. A date in both sets is a working day.
    """

    def __init__(
        self, holidays: Iterable[datetime.date] = (), working_days: Iterable[datetime.date] = ()
    ) -> None:
        self.holidays = frozenset(_as_date(day) for day in holidays)
        self.working_days = frozenset(_as_date(day) for day in working_days)

    def is_working_day(self, day: datetime.date) -> bool:
        """Tell whether `day` is a listed working day, or a weekday that is not a holiday."""
        day = _as_date(day)
        if day in self.working_days:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def __repr__(self) -> str:
        return (
            f"HolidayTableCalendar({len(self.holidays)} holidays, "
            f"{len(self.working_days)} working days)"
        )


class ChinaWorkdayCalendar(WorkdayCalendar):
    """Mainland China's working days as the State Council's yearly holiday notices set them.

    The data come from the ``chinesecalendar`` package, imported on first use so that yingshang
    works without it. When the package is missing, the calendar counts Monday to Friday and
    warns once with a `CalendarFallbackWarning`; for a year outside the package's data (before
    2004, or after the last notice it knows), it does the same and warns once per year.
    """

    def __init__(self, module_name: str = "chinese_calendar") -> None:
        self._module_name = module_name
        self._is_workday: Callable[[datetime.date], object] | None = None
        self._years: range | None = None
        self._loaded = False
        self._warned_missing = False
        self._warned_years: set[int] = set()

    @property
    def available(self) -> bool:
        """Tell whether the official calendar data could be imported."""
        self._load()
        return self._is_workday is not None

    @property
    def years(self) -> range:
        """Return the years the official data cover; an empty range when they are missing."""
        self._load()
        return self._years if self._years is not None else range(0)

    def is_working_day(self, day: datetime.date) -> bool:
        """Tell whether `day` is a working day in mainland China.

        Falls back to Monday to Friday, with a `CalendarFallbackWarning`, where the official
        data are missing.
        """
        day = _as_date(day)
        self._load()
        if self._is_workday is None:
            if not self._warned_missing:
                self._warned_missing = True
                warnings.warn(
                    f"the {self._module_name!r} module (PyPI: chinesecalendar) is not installed; "
                    "counting Monday to Friday as working days, without statutory holidays or "
                    "make-up working days. Install it with: pip install 'yingshang[calendar]'",
                    CalendarFallbackWarning,
                    stacklevel=2,
                )
            return day.weekday() < 5
        if self._years is not None and day.year not in self._years:
            if day.year not in self._warned_years:
                self._warned_years.add(day.year)
                warnings.warn(
                    f"chinesecalendar has no holiday data for {day.year} (it covers "
                    f"{self._years.start}–{self._years.stop - 1}); counting Monday to Friday as "
                    f"working days in {day.year}",
                    CalendarFallbackWarning,
                    stacklevel=2,
                )
            return day.weekday() < 5
        return bool(self._is_workday(day))

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        try:
            module = importlib.import_module(self._module_name)
        except ImportError:
            return
        # The package raises NotImplementedError outside the years it has notices for; reading
        # the range from its tables lets us warn once per year instead of failing mid-count.
        holidays = getattr(module, "holidays", None)
        if holidays:
            years = [day.year for day in holidays]
            self._years = range(min(years), max(years) + 1)
        self._is_workday = module.is_workday

    def __repr__(self) -> str:
        return f"ChinaWorkdayCalendar(module_name={self._module_name!r})"


@functools.cache
def default_calendar() -> ChinaWorkdayCalendar:
    """Return the process-wide `ChinaWorkdayCalendar`, so each fallback warning shows once."""
    return ChinaWorkdayCalendar()


def is_working_day(day: datetime.date, *, calendar: WorkdayCalendar | None = None) -> bool:
    """Tell whether `day` is a working day in `calendar` (default: mainland China's)."""
    return _calendar_or_default(calendar).is_working_day(day)


def add_working_days(
    start: datetime.date, n: int, *, calendar: WorkdayCalendar | None = None
) -> datetime.date:
    """Return the `n`-th working day after `start` (see `WorkdayCalendar.add_working_days`).

    >>> add_working_days(datetime.date(2019, 9, 27), 1)   # Sunday 29 September was worked
    datetime.date(2019, 9, 29)
    """
    return _calendar_or_default(calendar).add_working_days(start, n)


def count_working_days(
    start: datetime.date, end: datetime.date, *, calendar: WorkdayCalendar | None = None
) -> int:
    """Return the number of working days in ``(start, end]`` (see `WorkdayCalendar`)."""
    return _calendar_or_default(calendar).count_working_days(start, end)


def due_date(
    start: datetime.date,
    quantity: Quantity,
    *,
    calendar: WorkdayCalendar | None = None,
    roll_forward: bool = False,
) -> datetime.date:
    """Return the due date of a period such as 7个工作日 or 1个月 that starts after `start`.

    See `WorkdayCalendar.due_date` for the units and for `roll_forward`.

    >>> due_date(datetime.date(2019, 9, 30), Quantity(3, "个工作日"))
    datetime.date(2019, 10, 10)
    """
    return _calendar_or_default(calendar).due_date(start, quantity, roll_forward=roll_forward)


def _calendar_or_default(calendar: WorkdayCalendar | None) -> WorkdayCalendar:
    return default_calendar() if calendar is None else calendar


def _as_date(day: datetime.date) -> datetime.date:
    # datetime.datetime is a subclass of date; comparing one with a date raises TypeError.
    return day.date() if isinstance(day, datetime.datetime) else day


def _days_after(first: datetime.date, last: datetime.date) -> Iterable[datetime.date]:
    day = first + _ONE_DAY
    while day <= last:
        yield day
        day += _ONE_DAY


def _whole_number(quantity: Quantity) -> int:
    value = quantity.value
    if not value.is_finite() or value != value.to_integral_value():
        raise UnsupportedQuantityError(quantity, "the value is not a whole number")
    if value < Decimal(0):
        raise UnsupportedQuantityError(quantity, "the value is negative")
    return int(value)
