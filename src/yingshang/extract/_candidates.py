"""The first pass: every candidate a pattern finds, then those that do not overlap."""

from __future__ import annotations

import bisect
import datetime
import operator
from collections.abc import Iterable, Iterator
from decimal import Decimal

import attrs
import regex

from .._lazy import LazyPattern, LazyStdlibPattern
from ..dates import (
    DATE_ANCHORS,
    DATE_SCAN_FROM_FIRST,
    DEADLINE_ANCHORS,
    DEADLINE_PATTERNS,
    deadline_from_match,
)
from ..model import (
    Deadline,
    DeadlineKind,
    Quantity,
    TargetKind,
    TargetRole,
)
from ..numbers import parse_number
from ._patterns import (
    _AND_A_HALF,
    _BARE_PLACE,
    _BEFORE_ANCHOR,
    _CARRIED_ON,
    _CLASS_LABEL_AFTER,
    _COMMITMENT_WORDS,
    _COUNTED_NOUN,
    _DAY_DATED_AFTER,
    _DEFERRED_BEFORE,
    _DONE_WORDS,
    _DOUBLING,
    _DOUBLINGS,
    _HALF,
    _HALF_TIME,
    _HALF_VALUE,
    _LISTED_YEAR,
    _NAMING_SPANS,
    _NOMINAL_DIAMETER,
    _ON_THE_SPOT,
    _ON_THE_SPOT_ANCHORS,
    _ONCE_AFTER,
    _ONCE_BEFORE,
    _ONGOING,
    _ONGOING_AFTER,
    _ONGOING_AFTER_WORDS,
    _ONGOING_ANCHORS,
    _PER_BEFORE,
    _PER_HUNDRED,
    _PERCENT_IN_WORDS,
    _PLACE,
    _PLAN_NAME_AFTER,
    _PLAN_NAME_FIRSTS,
    _PRICE_PER,
    _PROMISE_WORDS,
    _QUANTITY,
    _QUANTITY_PATTERNS,
    _RANK,
    _RANKED_BEFORE,
    _RANKING_WORDS,
    _RATE_NAME_AFTER,
    _REFERENCE_AFTER_YEAR,
    _REFERENCE_LEADS,
    _SAME_DAY,
    _SCORED_BEFORE,
    _SERVICE_HOURS,
    _SESSION_AFTER,
    _SLASH_FRACTION,
    _TENTHS,
    _VALIDITY_BEFORE,
)
from ._scan import _anchored_matches, _holds_any
from ._text import _Doubling, _Found, _Half, _read_number, _Text
from ._words import (
    _ARABIC_DIGITS,
    _COMMODITY_UNITS,
    _DIRECTIONS,
    _FIGURES_ONLY_UNITS,
    _MAX_NUMBER_LENGTH,
    _NEVER_FOLLOWED_BY,
    _NOT_FOLLOWED_BY,
    _NOUN_MEASURE_WORDS,
    _NUMERAL_FIRSTS,
    _UNITS,
)

# Candidates sort by start, then the longest (the end is stored negated), then the rank.
_SPAN_AND_RANK = operator.itemgetter(0, 1, 2)
_START = operator.methodcaller("start")


_ONE = Decimal(1)


def _plain(value: Decimal) -> Decimal:
    """Drop a share's trailing zeros but write no exponent: 30, not 3E+1; 33.33…; 0.05."""
    normal = value.normalize()
    exponent = normal.as_tuple().exponent
    return normal.quantize(_ONE) if isinstance(exponent, int) and exponent > 0 else normal


# A change between two points written before a deadline's 至/到: 由2017年的…跃升至2019年的….
_FROM_IN_CLAUSE = LazyStdlibPattern(r"[由从] ?[0-9０-９]")
# The end of a period written with neither 到 nor 前: a point in time (2020年末, 6月底).
_BARE_ENDS = frozenset(("底", "末", "年底", "年末"))
# Before a deadline: the work was done by it (已于2020年底前完成, 已在6月底前).
_ALREADY_DONE_BEFORE = frozenset(("已于", "已在", "经于"))
# What stands before 前 of 前4个月 when it means a year's first months: a clause's start or a
# year (今年前10个月); not 提前3个月, 期限前3个月.
_BEFORE_FIRST_MONTHS = frozenset(("", "年", ",", ";", ":", "。", "!", "?", "\n", " "))
# A character right before a number that makes it no figure: 第三期 (an ordinal), 几十秒 (vague).
_NO_FIGURE_AFTER = frozenset("第几")
# The characters before 一 that make a word of it: 同一, 统一, 这一, 上一年, 唯一, 逐一, 每一.
_ONE_IN_WORDS = frozenset("同统这那上下唯逐另某其单每任")
# After a number of years or months: the time since something began (一年多来, 3年以来).
_SINCE_AFTER = ("多来", "多以来", "以来")
# How far before a date its verb of putting a payment off may stand (缓缴社会保险费至12月底).
_DEFERRED_WINDOW = 16
# Before a sum that is the step a reward is counted by, not a target: 每新增1亿元奖励10万元.
_STEP_BEFORE = frozenset(("每新增", "每增加", "每超过", "每超出"))
# How far before a place written without 第 its sentence may name the ranking (a bounded copy).
_RANKING_WINDOW = 64
# What stands before a list of years that heads a clause, and right after the list.
_HEADING_BEFORE = frozenset("，。；：！？,;:!?\n（(")
_AFTER_HEADING_YEARS = frozenset("，,：: ")
# What joins a year to the one before it in a list.
_YEAR_LIST_JOINERS = frozenset("、和与及 ")
# What a measure is carried on with, between the verb of carrying on and 至: 延续实施至….
_CARRIED_OUT = frozenset(("实施", "执行"))


class _Candidates(_Text):
    """Find the candidates: deadlines, dates, quantities and the words that stand for one."""

    def _listed_years(
        self, position: int, deadline: Deadline, role: TargetRole | None
    ) -> Iterator[tuple[int, int, int, object]]:
        """Yield the deadlines of the years listed after a whole year's (到2022年、2025年)."""
        assert deadline.date is not None
        while (listed := _LISTED_YEAR.match(self.text, position)) is not None:
            year = int(listed["year"])
            if year <= (deadline.year or 0):
                return  # 2022年、2021年: no list of deadlines goes back
            start = listed.start("year")
            if role is TargetRole.SCOPE or (
                role is TargetRole.STATUS and self.now is not None and year < self.now
            ):
                # 有效期至…; 到2019年、2020年 in a plan of 2021
                self.dated_roles[start, listed.end()] = role
            due = attrs.evolve(deadline, date=deadline.date.replace(year=year), year=year)
            yield start, -listed.end(), 0, due
            position, deadline = listed.end(), due

    def _ahead(self, position: int, deadline: Deadline) -> bool:
        """Tell whether the date at `position` is one to meet, not one of record: in a year after
        the text's, or, not passed when it was written, with a clause of promise or bound (its
        own or the next: 截至2025年年底，…新增不低于50亿元; not 截至2020年底，已累计完成…，力争…,
        nor 截至今年底，全市累计…48.6亿元 in a report of December, an estimate)."""
        if deadline.date is None:
            return False
        if self.now is not None and deadline.date.year != self.now:
            return deadline.date.year > self.now
        if self.issue_date is not None and deadline.date <= self.issue_date:
            return False
        clauses, sentence_end = self.clauses, self.sentences.end_of(position)
        end = clauses.end_of(position)
        if end < sentence_end:
            end = clauses.end_of(end + 1)  # (the date's clause is often the date alone)
        return _COMMITMENT_WORDS.search(self.text, clauses.start_of(position), end) is not None

    def _candidates(self) -> Iterator[tuple[int, int, int, object]]:
        """Yield (start, -end, rank, item); at equal spans the lower rank wins.

        A pattern runs only over a text that holds one of its anchor words: most patterns find
        nothing in most texts, and a substring test costs a fraction of the engine's setup.
        """
        text = self.text
        known: dict[str, bool] = {}
        # Where a year is written (2020年3月底前, 自2020年1月1日起), in text order: a deadline
        # without one later in the sentence is in that year (…，6月底前全面实施).
        written: list[list[regex.Match[str]]] = []  # each pattern's matches that may hold one
        for pattern, (anchors, lead) in zip(DEADLINE_PATTERNS, DEADLINE_ANCHORS, strict=True):
            if lead is not None:
                matches = _anchored_matches(pattern, text, anchors, lead)
            elif _holds_any(text, anchors, known):
                matches = pattern.finditer(text)
            else:
                continue
            groups = pattern.groupindex
            year_less = "year" not in groups and "relative_year" not in groups
            with_year: list[regex.Match[str]] | None = None
            if "year" in groups:
                with_year = []
                written.append(with_year)
            for match in matches:
                start = match.start()
                year = self._year_before(start, written) if year_less else self.year
                deadline = deadline_from_match(match, issue_date=self.issue_date, year=year)
                if (
                    deadline is None
                    and with_year is not None
                    # (the character after first: most years are followed by no list)
                    and text[match.end() : match.end() + 1] in _YEAR_LIST_JOINERS
                ):
                    deadline = self._heading_years(match)
                if with_year is not None:
                    with_year.append(match)  # read only if a deadline without a year follows
                if deadline is None or self._in_title(start):
                    continue
                if text[start - 1 : start] in ("比", "较", "由", "从") and start > 0:
                    # 比2018年底增长, 由2018年底的60%: a point of reference, 从2019年底: a
                    # start; neither is a deadline.
                    continue
                by = match["by"] if "by" in groups else None
                if by in ("至", "到") and text.startswith("的", match.end()):
                    after = match.end() + 1
                    if (
                        text[after : after + 1] not in _NUMERAL_FIRSTS
                        and not (text.startswith("第", after) and _PLACE.match(text, after))
                        and _FROM_IN_CLAUSE.search(text, self.clauses.start_of(start), start)
                    ):
                        # 由2017年的第78期提升至2019年的第31期: the year of a value not read (a
                        # value read takes it as its deadline: 提升至2022年的90%)
                        continue
                    if (
                        self.now is not None
                        and deadline.date is not None
                        and deadline.date.year < self.now
                    ):
                        # 提升至2020年的98.5% in a plan of 2021: a change reported
                        self.past_values.append(start)
                if by is None and text[max(start - 2, 0) : start] in ("截至", "截止"):
                    by = text[start - 2 : start]
                bound = match["bound"] if "bound" in groups else None
                # Where the 至 or 到 before the date stands, in the match (by) or right before it
                # (至6月底, 延至年底: a date that takes none), and whether the date is past then.
                to = (
                    start
                    if by in ("至", "到")
                    else start - 1
                    if by is None and start > 0 and text[start - 1] in ("至", "到")
                    else None
                )
                passed_to = None if to is None else self._passed(to, bound, deadline)
                if (
                    by in ("截至", "截止", "截止到")
                    and not (bound or "").endswith("前")
                    and not self._ahead(start, deadline)
                ):
                    self.dated_roles[start, match.end()] = (
                        TargetRole.STATUS
                    )  # 截至2020年3月: as of a date
                elif (
                    (
                        # 在2022年1月1日至2022年12月31日期间毕业的: the period a measure covers
                        by in ("至", "到") and text.startswith("期间", match.end())
                    )
                    or (
                        # 2020年1月1日至2021年12月31日首次领取执照的 in a notice of 2022: a
                        # period over, from a day to a day, says whom the measure covers
                        passed_to is not None and text[passed_to - 1 : passed_to] in ("日", "号")
                    )
                    or (
                        "期" in text[max(start - 5, 0) : start]  # 有效期, 执行期, 实施期
                        and _VALIDITY_BEFORE.search(text, max(start - 5, 0), start)
                    )
                    or (
                        # 延至年底, 延长至6月底 (至 before a date that takes none)
                        by is None
                        and to is not None
                        and (text[max(to - 2, 0) : to] in _CARRIED_ON or text[to - 1 : to] == "延")
                    )
                    or (
                        # 可继续缓缴社会保险费至12月底: how long a payment may be put off
                        to is not None
                        and "缓" in text[max(start - _DEFERRED_WINDOW, 0) : start]
                        and _DEFERRED_BEFORE.search(
                            text, max(self.clauses.start_of(start), start - _DEFERRED_WINDOW), start
                        )
                        is not None
                    )
                    or (
                        by in ("至", "到")
                        and (
                            text[max(start - 2, 0) : start] in _CARRIED_ON
                            # 延续实施至2022年4月30日, 继续执行到2023年底
                            or (
                                text[max(start - 2, 0) : start] in _CARRIED_OUT
                                and text[max(start - 4, 0) : start - 2] in _CARRIED_ON
                            )
                        )
                    )
                ):
                    # 有效期至2022年12月31日, 政策延续至2021年3月31日: what the measure holds until
                    self.dated_roles[start, match.end()] = TargetRole.SCOPE
                elif (
                    (
                        self.now is not None
                        and deadline.date is not None
                        and deadline.date.year < self.now
                        # (the group last: a lookup by name costs a microsecond)
                        and (
                            "five_year" in groups
                            or (
                                "done" in groups  # the year's pattern: 2020年末, not 上半年末
                                and (
                                    (by is None and bound in _BARE_ENDS)
                                    or match["done"] is not None
                                )
                            )
                        )
                    )
                    or (
                        # 2021年上半年，…平均用时1.2个工作日 in a plan of September 2021, 今年一季度
                        # in one of April: a period written bare, with its year (or 今年), that
                        # ended before the plan was issued
                        by is None
                        and (
                            # (2月末，贷款余额…: a month's end written bare, as a period is)
                            bound is None or (bound in _BARE_ENDS and match.group()[-1] in "底末")
                        )
                        and self.issue_date is not None
                        and deadline.date is not None
                        and deadline.date < self.issue_date
                        and ("year" in groups or "relative_year" in groups or "month" in groups)
                    )
                    or text[max(start - 2, 0) : start] in _ALREADY_DONE_BEFORE
                    or (
                        # 至6月底实有1.03亿户, 据统计，至2017年底，… in a text issued after it:
                        # a date of record, as 截至 is (到2020年底前 would be a deadline missed)
                        passed_to is not None
                        # (目标是到2020年…, 力争到2017年底: a goal's date, however old)
                        and not _PROMISE_WORDS.search(text, self.clauses.start_of(start), start)
                    )
                ):
                    # “十三五”期间，全市累计…, 2020年实现地区生产总值…, 2020年末…余额 in a plan
                    # of 2021: a time past, reported; 已于2020年6月底前完成: done already
                    self.dated_roles[start, match.end()] = TargetRole.STATUS
                yield start, -match.end(), 0, deadline
                if (
                    # (the character after first: most deadlines are followed by no list)
                    text[match.end() : match.end() + 1] in _YEAR_LIST_JOINERS
                    and deadline.year is not None
                    and deadline.date == datetime.date(deadline.year, 12, 31)
                ):
                    yield from self._listed_years(
                        match.end(), deadline, self.dated_roles.get((start, match.end()))
                    )
        if _holds_any(text, DATE_ANCHORS):
            for match in DATE_SCAN_FROM_FIRST.finditer(text):
                # A date or a year is never a quantity (2017年 is not 2017 years); a year may be
                # the reference point of a change.
                start, end = match.span()
                yield start, -end, 1, None
                if match["year_tail"] is not None and match["month"] is None:  # 2017年 alone
                    self._note_reference_year(start, end, text[start : match.end("year_tail")])
        if "小时" in text:
            for match in _SERVICE_HOURS.finditer(text):
                days = 7 if match["every_day"] is not None else self._number(match["days"])
                hours = days * self._number(match["hours"])
                yield match.start(), -match.end(), 2, Quantity(hours, "小时/周")
        for match in _anchored_matches(_ON_THE_SPOT, text, *_ON_THE_SPOT_ANCHORS):
            yield match.start(), -match.end(), 3, "spot"
        for match in _anchored_matches(_ONGOING, text, *_ONGOING_ANCHORS):
            start = match.start()
            if (
                start == 0
                or text[start - 1] in _ONGOING_AFTER
                or text[max(start - 2, 0) : start] in _ONGOING_AFTER_WORDS
            ):
                yield start, -match.end(), 3, "ongoing"
        if "半" in text:
            for match in _HALF.finditer(text):
                reference = match["reference"] or None
                by = not match["to"]
                half = _Half(_DIRECTIONS[match["verb"]], by, reference, match["about"] is not None)
                yield match.start("verb"), -match.end(), 3, half
        if "番" in text or "倍增" in text:
            for match in _DOUBLING.finditer(text):
                yield match.start(), -match.end(), 3, _Doubling(_DOUBLINGS[match["times"]])
        for quantity_pattern, anchors, lead in _QUANTITY_PATTERNS:
            if lead is not None:
                before = _BEFORE_ANCHOR.get(quantity_pattern)
                matches = _anchored_matches(quantity_pattern, text, anchors, lead, before=before)
            elif not anchors or _holds_any(text, anchors):
                matches = quantity_pattern.finditer(text)
            else:
                continue
            for match in matches:
                quantity = self._found(match, quantity_pattern)
                if quantity is not None:
                    yield quantity.start, -quantity.end, 4, quantity

    @staticmethod
    def _select(
        candidates: Iterable[tuple[int, int, int, object]],
    ) -> Iterator[tuple[int, int, object]]:
        # Earliest start first, then the longest, then the lowest rank: 2019年底前 beats 2019年,
        # 每件550元 beats 550元, 印发之日起1个月内 beats 1个月.
        last_end = 0
        for start, negative_end, _, item in sorted(candidates, key=_SPAN_AND_RANK):
            if start >= last_end:
                last_end = -negative_end
                yield start, last_end, item

    def _heading_years(self, match: regex.Match[str]) -> Deadline | None:
        """Return the deadline of a bare year that heads a clause with a list of years after it
        (2021年、2022年、2023年，…分别压减至75个、70个和65个工作日以内: each year a deadline, the
        values due by each in turn), or None. Before the plan's own year it dates a report."""
        text, start, end = self.text, match.start(), match.end()
        written = match.group()
        before = text[max(start - 5, 0) : start].rstrip(" \u3000")
        if (
            not written[:4].isdigit()
            or written[4:].strip(" ") != "年"
            # (a clause's start, spaces aside: not a year in the middle of a list, which would
            # walk the rest of the list once more)
            or (before and before[-1] not in _HEADING_BEFORE)
            or (not before and start >= 5)
        ):
            return None
        listed = 0
        position = end
        while (after := _LISTED_YEAR.match(text, position)) is not None:
            listed += 1
            position = after.end()
        if not listed or text[position : position + 1] not in _AFTER_HEADING_YEARS:
            return None
        year = int(written[:4])
        if self.now is not None and year < self.now:
            self.dated_roles[start, end] = TargetRole.STATUS  # 2019年、2020年，… in a plan of 2021
        return Deadline(DeadlineKind.BY, datetime.date(year, 12, 31), year)

    def _passed(self, to: int, bound: str | None, deadline: Deadline) -> int | None:
        """Return `to`, where the 至 or 到 of a date stands, if the date is before the text's
        issue date (至6月底, 到2017年二季度; 到…前 is a deadline, if one missed), else None."""
        if (
            self.issue_date is None
            or deadline.date is None
            or deadline.date >= self.issue_date
            or (bound or "").endswith("前")
        ):
            return None
        return to

    def _year_before(self, position: int, written: list[list[regex.Match[str]]]) -> int | None:
        """Return the year last written before `position` in its sentence, else the plan's.

        A year of reference (比2018年, 在2017年基础上) or in a document's title does not count.
        Only the nearest few of each pattern are tried, which keeps a text of many years linear.
        """
        if not any(written):
            return self.year
        sentence_start = self.sentences.start_of(position)
        best: tuple[int, int] | None = None  # (start, year)
        for matches in written:
            index = bisect.bisect_left(matches, position, key=_START) - 1
            for match in reversed(matches[max(index - 3, 0) : index + 1]):
                start, end = match.span()
                if start < sentence_start or (best is not None and start <= best[0]):
                    break
                year = match["year"]
                if (
                    year is None
                    or self._reference_span(start, end) is not None
                    or self._in_title(start)
                ):
                    continue
                value = _read_number(year)
                if value is not None:
                    best = (start, int(value))
                    break
        return self.year if best is None else best[1]

    def _reference_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Return the span of the reference a year at `[start, end)` is, or None if it is none.

        比2017年, 较2017年, 在2017年基础上, 与2017年相比: a point a change is measured from;
        在2020年3月底前 is a date of the plan's own.
        """
        text = self.text
        after = _REFERENCE_AFTER_YEAR.match(text, end)
        lead = start > 0 and text[start - 1] in _REFERENCE_LEADS
        if after is None and not (lead and text[start - 1] in "比较"):
            return None
        return (start - 1 if lead else start, after.end() if after else end)

    def _note_reference_year(self, start: int, end: int, year: str) -> None:
        span = self._reference_span(start, end)
        if span is not None:
            self.reference_years.append((*span, self._number(year)))

    def _number(self, numeral: str) -> int:
        value = parse_number(numeral)  # only called on tokens the patterns guarantee to parse
        return int(value)

    def _found(
        self, match: regex.Match[str], pattern: LazyPattern | LazyStdlibPattern
    ) -> _Found | None:
        numeral = match["number"]
        if len(numeral) > _MAX_NUMBER_LENGTH:
            return None
        if (
            len(numeral) == 4
            and pattern is _QUANTITY
            and match["unit"] == "年"
            and numeral.isdigit()
        ):
            return None  # 2019年: a year, which the dates' scan holds (not 2019 years)
        start, end = match.span()
        number_start = match.start("number")
        if pattern is _BARE_PLACE:
            start = number_start  # (the match is the 位: its number stands behind it)
        chinese = numeral[0] not in _ARABIC_DIGITS
        if chinese and pattern is _QUANTITY and match["unit"] in _FIGURES_ONLY_UNITS:
            return None  # 一张网, 一批项目: a figure of speech, not a count (first: 一批 is common)
        if chinese and self._in_quotes(number_start) and not self._done_within(match, pattern):
            return None  # “三个作用”, “一网通办”: a slogan
        if self._in_title(number_start):
            return None
        if pattern is _BARE_PLACE and match["changed"] is None:
            window = max(self.sentences.start_of(start), start - _RANKING_WINDOW)
            if not _holds_any(self.text[window:start], _RANKING_WORDS):
                return None  # 到10位专家: people counted, not a place in a ranking
        if pattern is _PLACE or pattern is _BARE_PLACE:
            value = _read_number(numeral)
            if value is None:
                return None
            if match["held"] is not None and not _PROMISE_WORDS.search(
                self.text, self.clauses.start_of(start), start
            ):
                # 排名第5位, 位列第3名, 位居全省第3位: a place held, reported (力争位居全省
                # 第一 promises it)
                self.dated_roles[start, end] = TargetRole.STATUS
            more = pattern is _BARE_PLACE and match["approx"] is not None  # 提升了30多位
            return _Found(start, end, TargetKind.RANK, Quantity(value, match["unit"]), more)
        before = self.text[number_start - 1 : number_start] if number_start else ""
        if before in _NO_FIGURE_AFTER:
            return None  # 第三期: an ordinal; 几十秒: some tens
        if numeral == "一" and before in _ONE_IN_WORDS:
            # 同一天, 统一名称, 这一次, 上一年, 每一个: a word that holds 一, not a count of one
            return None
        if before == "分" and self.text[number_start - 2 : number_start] == "满分":
            return None  # 满分5分: the top of a scale, no figure to reach
        if pattern is _HALF_TIME:
            return _Found(start, end, TargetKind.DURATION, Quantity(_HALF_VALUE, match["unit"]))
        if pattern is _SAME_DAY:
            return _Found(start, end, TargetKind.DURATION, Quantity(1, match["unit"]))
        approximate = pattern is _QUANTITY and match["approx"] is not None  # 100多家, 1000余亿元
        if approximate and match["magnitude"] is not None:
            numeral += match["magnitude"]  # 3000多万户: more than 3000万, read as 3000万 is
        value = _read_number(numeral)
        if value is None:
            return None
        if pattern is _AND_A_HALF:  # 1个半月: 1.5个月
            word = match["unit"] or match["unit_first"]
            if word == "年" and len(numeral) == 4:
                return None  # 2020年半…: a year
            if match["counted"] is not None and "个" + word in _UNITS:
                word = "个" + word
            kind, unit = _UNITS[word]
            return _Found(start, end, kind, Quantity(value + _HALF_VALUE, unit))
        if pattern is _NOMINAL_DIAMETER:
            return _Found(start, end, TargetKind.PHYSICAL, Quantity(value, "DN"))
        if pattern is _RANK:
            unit = match["unit"]
            if unit is None:
                if _RANKED_BEFORE.search(self.text, max(start - 4, 0), start) is None:
                    return None  # 前3 of 前3季度 is no place
                unit = "位"  # 跻身全球前40: among the first 40 places
            return _Found(start, end, TargetKind.RANK, Quantity(value, unit))
        if pattern is _TENTHS:  # 三成: 30%
            return _Found(start, end, TargetKind.PERCENTAGE, Quantity(10 * value, "%"))
        if pattern is _SLASH_FRACTION:  # 2/3: 66.67%, to Decimal's precision
            below = int(match["denominator"])
            if not value < below:
                return None  # 5/3: not how a share is written
            share = _plain(100 * value / below)
            return _Found(start, end, TargetKind.PERCENTAGE, Quantity(share, "%"))
        if pattern is _PERCENT_IN_WORDS:
            if match["per"] is not None:
                value *= _PER_HUNDRED[match["per"]]
            else:
                denominator = parse_number(match["denominator"])
                if not 0 < value < denominator:
                    return None  # 三分之五: not how a share is written
                value = 100 * value / denominator  # 三分之一: 33.33…%, to Decimal's precision
            return _Found(start, end, TargetKind.PERCENTAGE, Quantity(_plain(value), "%"))
        if match["money"] is not None:
            if self.text[max(start - 3, 0) : start] in _STEP_BEFORE:
                return None  # 每新增1000万元奖励2万元: the step a reward is paid per
            written = match["money"]
            currency, per = written.removesuffix("钱"), match["per"]  # 3.5分钱: 分
            if pattern is _PRICE_PER and match["per2"] is not None:
                per = f"{per}·{match['per2']}"  # 每人每月500元: 元/人·月
            elif pattern is _PRICE_PER and match["noun"] is not None:
                per += match["noun"]  # 每家企业5万元: 元/家企业
            if per is None and (currency == "分" or currency == "元"):
                # 每千瓦时下调4.28分, 每吨降低0.2元: a price names what it is per before it (in
                # 元, only a commodity's unit: 每户节省300元 is an amount, not a price).
                per = self._per_before(start)
                if currency == "元" and per not in _COMMODITY_UNITS:
                    per = None
            if per is None and written == "分":
                if numeral != "十" and _SCORED_BEFORE.search(
                    self.text, max(self.sentences.start_of(start), start - 32), start
                ):
                    # 满意度达到90分以上, 考核中…，比上年提高2分: the points of an evaluation
                    # named earlier in the sentence (十分 is "very").
                    return _Found(start, end, TargetKind.SCORE, Quantity(value, "分"))
                return None  # 3分 with nothing scored before it: neither money nor points
            if per is None:
                return _Found(start, end, TargetKind.MONEY, Quantity(value, currency), approximate)
            unit = f"{currency}/{per}"
            return _Found(start, end, TargetKind.UNIT_PRICE, Quantity(value, unit), approximate)
        word = match["unit"]
        if word == "年" and "." in numeral and len(numeral.rpartition(".")[2]) == 4:
            return None  # 1.2019年9月底前: an item marker run into a year
        if word == "个月" and (
            (
                self.text[start - 1 : start] == "前"
                and self.text[start - 2 : start - 1] in _BEFORE_FIRST_MONTHS
            )
            or self.text[start - 1 : start] == "首"
        ):
            # 前4个月全国新设…, 今年前10个月, 首7个月: the year's first months, a span
            return None
        if (
            word in _NAMING_SPANS
            and not _PLAN_NAME_FIRSTS.isdisjoint(self.text[end : end + 5])
            and _PLAN_NAME_AFTER.match(self.text, end) is not None
        ):
            return None  # 三年行动计划, 三年提升行动: the name of a plan, not a time limit
        if word == "次" and (
            self.text[number_start - 1 : number_start] == "届"
            or _SESSION_AFTER.match(self.text, end) is not None
            or _RATE_NAME_AFTER.match(self.text, end) is not None
        ):
            return None  # 七届44次常务会议: a session; 一次办结率: the name of a rate
        if (
            word == "次"
            and numeral == "一"
            and _ONCE_AFTER.match(self.text, end) is not None
            and _ONCE_BEFORE.search(self.text, max(number_start - 2, 0), number_start) is not None
        ):
            return None  # 实行一次告知、一次办结: how the work is done, not a count
        if word == "日" and (
            self.text[number_start - 1 : number_start] == "月"
            or _DAY_DATED_AFTER.match(self.text, end) is not None
        ):
            return None  # 每月15日为…, 财政部1日发布: the day of the month
        if word == "类" and chinese and _CLASS_LABEL_AFTER.match(self.text, end) is not None:
            return None  # 一类、二类出口企业: ranks
        if (
            self.quoted
            and (
                word == "条"
                or self.text[end : end + 1] in _ARABIC_DIGITS
                or self.text[number_start - 1 : number_start] == "个"
            )
            and self._in_quotes(number_start)
        ):
            # “30条”, “民营经济20条”: a document's short name; “3个1”, “两个100%”: a slogan.
            return None
        if (word == "年" or word == "个月") and self.text.startswith(_SINCE_AFTER, end):
            return None  # 一年多来, 3年以来: the time since, reported (3年来: _NOT_FOLLOWED_BY)
        following = self.text[end : end + 1]
        if following and (
            following in _NOT_FOLLOWED_BY.get(word, "") or following in _NEVER_FOLLOWED_BY
        ):
            return None
        kind, unit = _UNITS[word]
        if word == "‰":
            value = _plain(value / 10)  # 0.1‰: 0.01%
        if word in _NOUN_MEASURE_WORDS:
            noun = _COUNTED_NOUN.match(self.text, end)
            if noun is not None:
                end, unit = noun.end(), unit + noun["noun"]  # 3个环节: unit 个环节
        return _Found(start, end, kind, Quantity(value, unit), approximate)

    def _per_before(self, position: int) -> str | None:
        """Return what the nearest 每 before `position` in its clause names (每年每千瓦时下调
        4.28分 is per 千瓦时), or None."""
        clause_start = max(self.clauses.start_of(position), position - 16)
        before = None
        for found in _PER_BEFORE.finditer(self.text, clause_start, position):
            before = found
        return None if before is None else before["per"]

    def _done_within(
        self, match: regex.Match[str], pattern: LazyPattern | LazyStdlibPattern
    ) -> bool:
        """Tell whether a time in words is followed by the work it bounds: “一日办结”, “三天
        办好”, “当日办结”. Quoted, it is still the time limit the plan sets, not a slogan's
        count."""
        if pattern is _SAME_DAY:
            return True  # “当日办结”
        if pattern is not _QUANTITY or match["unit"] is None:
            return False
        if _UNITS[match["unit"]][0] is not TargetKind.DURATION:
            return False
        return self.text.startswith(_DONE_WORDS, match.end())

    def _in_title(self, position: int) -> bool:
        if not self.titles:
            return False
        index = bisect.bisect_right(self.title_starts, position) - 1
        return index >= 0 and self.titles[index][0] < position < self.titles[index][1]

    def _in_quotes(self, position: int) -> bool:
        index = bisect.bisect_right(self.quoted_starts, position) - 1
        return index >= 0 and self.quoted[index][0] < position < self.quoted[index][1]
