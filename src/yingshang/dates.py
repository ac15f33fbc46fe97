"""Dates and deadlines as Chinese plans write them: 2019年9月底前, 2020年上半年, 印发之日起1个月内.

`parse_deadline` reads one deadline phrase into a `Deadline` with its due date;
`parse_chinese_date` reads a calendar date such as 二〇一九年七月二十三日. `DEADLINE_PATTERNS` and
`deadline_from_match` let `yingshang.extract` find deadlines in running text, and `DATE_PATTERN`
finds plain dates and years, which are never durations.

>>> parse_deadline("2019年9月底前").date
datetime.date(2019, 9, 30)
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Mapping
from typing import Any

import regex
from dateutil.relativedelta import relativedelta

from ._lazy import LazyPattern, LazyStdlibPattern
from .errors import ParseError
from .model import Deadline, DeadlineKind, Quantity
from .numbers import NUMBER_PATTERN, parse_number

__all__ = [
    "DATE_ANCHORS",
    "DATE_PATTERN",
    "DATE_SCAN",
    "DATE_SCAN_FROM_FIRST",
    "DEADLINE_ANCHORS",
    "DEADLINE_PATTERNS",
    "deadline_from_match",
    "parse_chinese_date",
    "parse_deadline",
    "period_months",
]

# A year is four digits, Arabic or Chinese (二〇一九); months and days are one or two.
_YEAR = r"(?:[0-9０-９]{4}|[〇零一二三四五六七八九]{4})"
_MONTH = r"(?:[0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?:[0-9０-９]{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
# Nothing that could make the year or month the tail of a longer number.
_NOT_AFTER_A_NUMERAL = r"(?<![0-9０-９〇零一二两三四五六七八九十百千万亿])"
# 前 followed by a number starts a range instead (2019年前三季度, 前10个月).
_BEFORE = r"(?:以前|之前|前(?![0-9０-９〇零一二两三四五六七八九十]))"
# 内 as in 2019年内, not as in 年内部 or 内容.
_WITHIN = r"(?:以内|之内|内(?![部容外资]))"
# Before the end of a period: 底前, 末前, and as plans also write them 底之前, 底以前 (as 底前).
_END_BEFORE = r"(?:[底末][之以]?前)"
# The verbs of finishing a work, with the adverbs plans put before them: a year right before
# them (2022年全面完成) is when the work is due.
_DONE_VERBS = (
    # (要 or 将 may stand before: 今年年底要全覆盖; 全覆盖 is a work done: 确保年底全覆盖)
    r"(?: 要 | 将 )? (?: 全面 | 基本 | 全部 | 率先 | 初步 | 如期 )?"
    r" (?: 完成 | 实现 | 建成 | 达到 | 落实到位 | 突破 | 全覆盖 )"
)
# A half-year or a quarter: 上半年, 下半年, 一季度, 第三季度, 第3季度. Character classes rather than
# alternatives ([上下]半年, not 上半年 | 下半年) let the engine skip ahead to the literal.
_QUARTER = r"[1-4１-４一二三四]"
_PERIOD = rf"(?: (?P<half> [上下]半年 ) | 第? (?P<quarter> {_QUARTER} ) 季度 )"
# Before a half-year or quarter written with no year: nothing that would make it part of a
# dated one (2019年三季度), a span (前三季度), a recurrence (每季度) or an ordinal's tail.
_NO_YEAR_BEFORE = r"(?<![0-9０-９〇零一二两三四五六七八九十年前每第])"
# The units a relative deadline counts in, each with its normalised spelling.
_OFFSET_UNITS = {
    "个工作日": "个工作日", "工作日": "个工作日",
    "个自然日": "个自然日", "自然日": "个自然日",
    "个月": "个月", "日": "日", "天": "天",
    "周": "周", "个星期": "周", "星期": "周",
    "年": "年",
}  # fmt: skip
_OFFSET_UNIT = "|".join(sorted(_OFFSET_UNITS, key=len, reverse=True))

# One pattern per way of writing a deadline. They are searched one by one rather than as one
# alternation: each alone starts with a literal or a narrow class the regex engine can skip to,
# which keeps a pass over a megabyte of digits in milliseconds instead of a second.
DEADLINE_PATTERNS: tuple[LazyPattern, ...] = tuple(
    LazyPattern(pattern, regex.VERBOSE)
    for pattern in (
        # 2019年9月底前, 2020年前, 到2022年, 2020年6月30日前, 2019年内, 2019年11月中旬前: a
        # dated deadline (a dekad, 旬, ends on the 10th, the 20th or the month's last day). The year
        # alone (2017年, 2019年7月23日) is a date, not a deadline: deadline_from_match rejects a
        # match with neither a leading 到 nor a closing 底前/前/内.
        # Web copies space the year off (2023 年底前) and wrap lines inside it (2025 年⏎底前).
        rf"""
        (?P<by> 截至 | 截止到 | 截止 | 到 | 至
              # 力争2025年(实现…), 要在2022年(普遍减免…), 完成时限：2020年12月: by then; not
              # 将在2018年以来…的基础上 (a time since, or a reference)
              | (?<= (?: 要 | 将 | 力争 | 确保 | 争取 | 计划 ) 在 )
                (?= {_YEAR} [ ]? 年 (?! [ ]? (?: 以来 | 起 | 开始 | 以后 | 之后 | 的 | 基础 ) ) )
              | (?<= 力争 | 确保 | 争取
                   | (?: 时限 | 完成时间 | 完成期限 | 时间节点 | 截止时间 ) [ ]? [:：] [ ]? ) )?
        {_NOT_AFTER_A_NUMERAL}
        (?P<year> {_YEAR} ) [ ]? 年
        (?: [ ]? (?P<month> {_MONTH} ) [ ]? 月 份?
            (?: [ ]? (?P<day> {_DAY} ) [ ]? [日号] | (?P<dekad> [上中下] 旬 ) )?
          | 度 (?= [ ]? 内 ) )?                                 # 2020年度内: the year
        (?: [ ]? \n? (?P<bound> 年?{_END_BEFORE} | 年?底 | 年?末 | {_BEFORE} | 年?{_WITHIN} ) )?
        # 2022年全面完成, 2021年6月实现: the year (or month) the work is done in, by its end; not
        # 2020年实现了 (done), nor 2021年7月1日起 (a start), which a day written before cannot be.
        (?P<done> (?<= [年月] ) (?= [ ]? {_DONE_VERBS} (?! 了 ) ) )?
        """,
        # 今年年底前, 明年6月底前, 今年内, 本年度内: a year named relative to the plan's own.
        rf"""
        # 到今年底, 今年底实现: the end without 前, after 到 or 至 (not in the text, as with 前:
        # 到今年年底前 is 今年年底前) or before the work.
        (?P<relative_year> 今年 | 本年 | 当年 | 明年 | 次年 ) (?: 年 | 度 (?= 内 ) )?
        (?: (?P<month> {_MONTH} ) 月 (?: (?P<day> {_DAY} ) [日号] )? )?
        (?: (?P<bound> 年?{_END_BEFORE} | {_BEFORE} | {_WITHIN}
                 | 年? 底 (?= [ ]? {_DONE_VERBS} )
                 | (?<= 月 ) [底末] (?! [线数部层稿子] )          # 截至今年6月末, as 6月底 is
                 | 年? [底末] (?<= [到至] [今本当明次] 年 年? [底末] ) (?! [线数部层稿子] ) )
          # 今年要实现…, 明年力争…, 今年…网办率要达到…: the year the work is promised in, by its
          # end (not 今年将近, 今年要闻)
          | (?P<done> (?<= [今明本] 年 )
                      (?= [^,;:。!?\n0-9]{{0,10}}?
                          (?: 要 (?! 闻 | 求 ) | 将 (?! 近 ) | 力争 | 确保 | 争取 ) ) ) )
        """,
        # 年底前, 年内 with no year: the plan's year. Not 每年年底前, which recurs, nor 半年内
        # or 多年内, which are spans of time, nor the tail of a word (青年, 往年, 同年).
        rf"""
        # 到年底, 年底全面完成: the end without 前, after 到 or 至 or before the work.
        (?<! [0-9０-９〇零一二两三四五六七八九十年每今本当明次去半多近几数余]
           | [青少成老童中往历逐周同前早晚] )
        年 度? (?P<bound> {_END_BEFORE} | {_WITHIN} | 底 (?= [ ]? {_DONE_VERBS} )
                        | [底末] (?<= [到至] 年 [底末] ) (?! [线数部层稿子] ) )
        """,
        # 9月底前, 6月30日前, 6月中旬前, 6月底(完成), 6月末 with no year: the plan's year. Not
        # 3个月前, which is relative, nor 每年6月底前, which recurs.
        rf"""
        {_NOT_AFTER_A_NUMERAL} (?<! [年个] )
        (?P<month> {_MONTH} ) [ ]? 月 份?
        (?: [ ]? (?P<day> {_DAY} ) [ ]? [日号] | (?P<dekad> [上中下] 旬 ) )?
        (?P<bound> {_END_BEFORE} | {_BEFORE} | [底末] (?! [线数部层稿子] ) )
        (?: (?<= [底末] ) (?: 完成 | 见效 | 到位 ) )?    # 6月底完成, as a bracket writes it
        """,
        # 本月底前, 下月底前, 下月15日前: a month named relative to the plan's issue date.
        # A class for the first character lets the engine skip to it; the code checks the word.
        rf"""
        (?P<relative_month> [本当下次] 个? 月 )
        (?: (?P<bound> {_END_BEFORE} | 底 (?! [线数部层稿子] ) | 末 )
          | [ ]? (?P<day> {_DAY} ) [ ]? [日号] (?P<bound> {_BEFORE} ) )
        """,
        # 国庆节前, 2019年春节前: before a public holiday, in the plan's year unless one is named.
        # With a year and without are two patterns, so that neither starts on any digit at all.
        rf"""
        {_NOT_AFTER_A_NUMERAL} (?P<year> {_YEAR} ) 年
        (?P<holiday> 国庆节 | 国庆 | 春节 | 元旦 | 中秋节 | 劳动节 | 五一 )
        (?P<bound> {_BEFORE} )
        """,
        rf"""
        (?P<holiday> [国春元中劳五] (?: 庆节 | 庆 | 节 | 旦 | 秋节 | 动节 | 一 ) )
        (?P<bound> {_BEFORE} )
        """,
        # 每年年底前, 每季度末前, 每年6月底前, 每月10日前, 每季度首月10日前: due again each
        # period (a quarter's first or last month is kept in the text, not in the model).
        rf"""
        每 (?P<recurs> 年 | 季度 | 半年 | 月 | 周 )
        (?: 年? (?: 底 | 末 )
          # 每季度末5日前: days before the period's end
          | (?: 底 | 末 ) [ ]? (?P<day> {_DAY} ) [ ]? [日号]
          # 每季度首月10日前, 每季度第一个月10日前
          | (?<= 季度 ) (?: [首末] 月 | 第一个月 | 最后一个月 ) [ ]? (?P<day> {_DAY} ) [ ]? [日号]
          | (?P<month> {_MONTH} ) [ ]? 月 (?: 底 | 末 | [ ]? (?P<day> {_DAY} ) [ ]? [日号] )?
          | (?P<day> {_DAY} ) [ ]? [日号] | (?: 底 | 末 ) )?
        (?P<bound> {_BEFORE} )
        """,
        # 2020年上半年, 2019年三季度末前, 到2020年一季度: a half-year or a quarter of a year. The
        # bound may be left out, as plans write 2020年上半年完成: the period alone is a deadline.
        rf"""
        (?P<by> 截至 | 截止到 | 截止 | 到 | 至 )?
        {_NOT_AFTER_A_NUMERAL}
        (?P<year> {_YEAR} ) [ ]? 年 的? {_PERIOD}
        (?P<bound> {_END_BEFORE} | 末 | 底 | {_BEFORE} | {_WITHIN} )?
        """,
        # 明年一季度, 今年上半年末前: a period of a year named relative to the plan's own.
        rf"""
        (?P<relative_year> [今本当明次]年 ) 的? {_PERIOD}
        (?P<bound> {_END_BEFORE} | 末 | 底 | {_BEFORE} | {_WITHIN} )?
        """,
        # 上半年末前, 三季度末前, 一季度内 with no year: the plan's year. Here only a bound makes a
        # deadline: a bare 上半年 or 一季度 in prose as often reports the past as it sets a date.
        # A quarter may take 前 (三季度前: before it begins); 上半年前 would fall before the year.
        # Not 前三季度 (the first three quarters, a span), nor 每季度末, which recurs. The half
        # and the quarter are searched apart, each anchored on its literal (半年, 季度), which
        # keeps the scan of a page fast.
        rf"""
        {_NO_YEAR_BEFORE} (?P<half> [上下]半年 ) (?P<bound> {_END_BEFORE} | 末 | 底 | {_WITHIN} )
        """,
        rf"""
        {_NO_YEAR_BEFORE} 第? (?P<quarter> {_QUARTER} ) 季度
        (?P<bound> {_END_BEFORE} | 末 | 底 | {_WITHIN} | {_BEFORE} )
        """,
        # 到“十四五”末, 十四五期末, “十四五”期间: by the end of a five-year plan's period.
        r"""
        (?P<by> 到 | 至 | 截至 | 截止 )?
        [“"「]? (?P<five_year> 十 [一二三四五] 五 ) [”"」]?
        (?: 规划 )? (?: 时期 | 期 )?
        (?P<bound> 末 | 期末 | 末期 | 期间 | 时期 | 内 )
        """,
        # (在)本方案印发之日起1个月内: relative to the day the plan is issued.
        rf"""
        (?P<since>
            (?: 自 | 从 | 在 | 于 )?
            (?: 本 (?: 方案 | 通知 | 意见 | 办法 | 计划 | 细则 | 规定 | 措施 | 文件 ) )?
            (?: 印发 | 发布 | 出台 | 实施 | 施行 | 公布 )
            (?: 之日起 | 之日后 | 后 )
        )
        (?P<amount> {NUMBER_PATTERN.pattern} ) [ ]? (?P<unit> {_OFFSET_UNIT} )
        (?P<bound> {_WITHIN} )
        """,
    )
)
"""Find deadline phrases, one way of writing them per pattern; `deadline_from_match` turns a
match into a `Deadline` (or rejects it). Matches of different patterns may overlap (在本方案印发
之日起… and 本年…): a caller keeps the earliest and longest."""

# Words of which a text holds at least one wherever the pattern of the same place matches (and,
# for the holidays, gives a deadline): a substring test skips a scan that cannot find anything,
# which is most of them in a short text (one action item), and the `regex` engine's setup costs
# more than the test. Where a number follows the words, every match holds one of them at most that
# many characters after its start, and only those starts are tried. tests/test_dates.py checks
# each against its pattern.
DEADLINE_ANCHORS: tuple[tuple[tuple[str, ...], int | None], ...] = (
    (("年",), None),  # 2019年9月底前
    (("今年", "本年", "当年", "明年", "次年"), None),  # 今年年底前
    (("年底", "年末", "年内", "年以内", "年之内", "年度"), None),  # 年底前, 年内, 年度内
    (("月",), None),  # 9月底前
    (("月底", "月末", "本月", "当月", "下月", "次月", "下个月"), None),  # 本月底前, 下月15日前
    (("国庆", "春节", "元旦", "中秋节", "劳动节", "五一"), None),  # 2019年春节前
    (("国庆", "春节", "元旦", "中秋节", "劳动节", "五一"), None),  # 国庆节前 (other words: none)
    (("每",), None),  # 每年年底前
    (("半年", "季度"), None),  # 2020年上半年
    (("半年", "季度"), None),  # 明年一季度
    (("半年",), None),  # 上半年末前
    (("季度",), None),  # 三季度末前
    (("十",), None),  # 到“十四五”末
    # 印发之日起1个月内, (自)(本方案)印发之日后…: 后 or 之日起 within 自 + 本方案 + 印发 + 之日.
    (("之日起", "后"), 8),
)
"""For each of `DEADLINE_PATTERNS`: the words one of which each of its matches holds (each that
gives a deadline, for the holidays), and how far after the match's start at most (None: anywhere).
"""


def _date_forms(second: str, third: str) -> str:
    """Write the date forms, the parts of the second and third named with these suffixes."""
    return rf"""
    (?= [0-9０-９〇零一二三四五六七八九十] )       # a fast first-character test, as in numbers
    {_NOT_AFTER_A_NUMERAL}
    (?:
        (?P<year> {_YEAR} ) [ ]? 年                                   # 2017年
        (?: [ ]? (?P<month> {_MONTH} ) [ ]? 月                        # 2019年7月
            (?: [ ]? (?P<day> {_DAY} ) [ ]? [日号] )? )?              # 2019年7月23日
      |
        (?P<month{second}> {_MONTH} ) 月 (?P<day{second}> {_DAY} ) [日号]            # 7月23日
      |
        (?P<year{third}> [0-9]{{4}} ) (?P<separator> [-./] )          # 2019-07-23, 2019.7.23
        (?P<month{third}> [0-9]{{1,2}} ) (?P=separator) (?P<day{third}> [0-9]{{1,2}} ) (?![0-9])
    )
    """


# One name for each part in every form: the `regex` module allows a name twice.
DATE_PATTERN = LazyPattern(_date_forms("", ""), regex.VERBOSE)
"""Find calendar dates and years (2017年, 2019年7月23日, 7月23日): dates, not quantities."""
DATE_SCAN = LazyStdlibPattern(_date_forms("2", "3"), re.VERBOSE)
"""The same matches as `DATE_PATTERN`, by the standard engine, which scans a page for them about
three times as fast. Only the first form (2017年, 2019年7月) names its parts `year`, `month`
and `day`; the others name them `month2`, `day2` and `year3`, `month3`, `day3`.
"""

# `DATE_SCAN` written to open with a class of characters, which the standard engine's search
# skips ahead to (it cannot skip to a lookahead's): the first character is consumed first, and
# what stood before it is tested one character wider. The first form's year is named `year_tail`
# and lacks its first character; the matches, and `month`, are `DATE_SCAN`'s.
_NUMERAL_CLASS = "0-9０-９〇零一二两三四五六七八九十百千万亿"
_DIGIT_TAIL = r"(?<= [0-9０-９] ) [0-9０-９]"
_CHINESE_DIGITS = "〇零一二三四五六七八九"
DATE_SCAN_FROM_FIRST = LazyStdlibPattern(
    rf"""
    [0-9０-９{_CHINESE_DIGITS}十] (?<! [{_NUMERAL_CLASS}] . )
    (?:
        (?P<year_tail> {_DIGIT_TAIL}{{3}} | (?<= [{_CHINESE_DIGITS}] ) [{_CHINESE_DIGITS}]{{3}} )
        [ ]? 年
        (?: [ ]? (?P<month> {_MONTH} ) [ ]? 月 (?: [ ]? (?P<day> {_DAY} ) [ ]? [日号] )? )?
      |
        (?: {_DIGIT_TAIL}? | (?<= 十 ) [一二]? | (?<= [一二三四五六七八九] ) )   # the month
        月 {_DAY} [日号]
      |
        (?<= [0-9] ) [0-9]{{3}} (?P<separator> [-./] )
        [0-9]{{1,2}} (?P=separator) [0-9]{{1,2}} (?![0-9])
    )
    """,
    re.VERBOSE,
)
"""`DATE_SCAN`'s matches, found faster in a long text; `year_tail` is the first form's year but
its first character, and `month` its month."""

# Work that goes on with no end date (持续推进, 长期坚持, 常态化开展): the extractor's ONGOING
# target and, in an item's bracket, its time. One of these words, then one of the verbs; the
# extractor takes 长期 alone too, the parser any of them alone ("（市市场监管局，持续）").
ONGOING_WORDS: tuple[str, ...] = ("持续", "长期", "常态化")
ONGOING_VERBS: tuple[str, ...] = ("推进", "开展", "实施", "坚持")

# The same for `DATE_PATTERN`: a year or a month, or the separator of 2019-07-23.
DATE_ANCHORS: tuple[str, ...] = ("年", "月", "-", ".", "/")

_END_BOUNDS = frozenset({"底前", "末前", "底", "末", "年底前", "年末前", "年底", "年末"})
_BEFORE_BOUNDS = frozenset({"以前", "之前", "前"})
_WITHIN_BOUNDS = frozenset({"以内", "之内", "内"})
# Bounds written longer, as the ones they read as: 6月底之前 as 6月底前, 2021年年内 as 2021年内.
_BOUND_FORMS = {
    **{f"{year}{end}{word}前": f"{year}{end}前"
       for year in ("", "年") for end in "底末" for word in "之以"},
    **{f"年{within}": within for within in _WITHIN_BOUNDS},
}  # fmt: skip


def parse_deadline(
    s: str, *, issue_date: datetime.date | None = None, year: int | None = None
) -> Deadline:
    """Read one deadline phrase (时限) into a `Deadline` with its due date.

    - 2019年9月底前 → BY_END_OF, 2019-09-30; 2019年底前 → BY_END_OF, 2019-12-31;
    - 2020年前 → BEFORE, 2019-12-31 (before 2020 begins); 2020年6月30日前 → BEFORE, 2020-06-30
      (a day named with 前 is, by the usage of such plans, the last day allowed);
    - 到2022年 → BY, 2022-12-31; 2019年内 → BY, 2019-12-31;
    - 在本方案印发之日起1个月内 → WITHIN, offset 1 个月, due `issue_date` + 1 month (None without
      an issue date, and for working days, which need a holiday calendar);
    - 年底前, 9月底前 → the plan's year: `year` if given (an annual plan's title names it),
      else the year of `issue_date` (date None without either);
    - 2020年上半年 → BY_END_OF, 2020-06-30; 2019年三季度末前, 2019年第三季度 → BY_END_OF,
      2019-09-30; 2020年下半年前 → BEFORE, 2020-06-30; 三季度末前 → the year of `issue_date`
      (a half-year or quarter with no year needs 末前/底前/末 to be a deadline).

    Raises `yingshang.errors.ParseError` when `s` is not one deadline phrase.
    """
    stripped = s.strip()
    lead = len(s) - len(s.lstrip())
    deadline = None
    for pattern in DEADLINE_PATTERNS:
        match = pattern.fullmatch(stripped)
        if match is not None:
            deadline = deadline_from_match(match, issue_date=issue_date, year=year)
            break
    if deadline is None:
        raise ParseError("a deadline such as 2019年底前 or 印发之日起1个月内", s, lead)
    return deadline


# The named groups of a deadline pattern's match, None where a group took no part. Typed as the
# match's own items are (str or Any): the pattern guarantees which groups take part.
_Groups = Mapping[str, Any]


def deadline_from_match(
    match: regex.Match[str], *, issue_date: datetime.date | None = None, year: int | None = None
) -> Deadline | None:
    """Turn a match of one of `DEADLINE_PATTERNS` into a `Deadline`, or None if it is none.

    A plain date (no 到 before it, no 底前/前/内 after it) and an impossible one (13月, 2月30日)
    give None; this function never raises. `year` is the plan's year, for deadlines written
    without one (年底前, 6月底前, 今年内, 国庆节前); it defaults to `issue_date`'s.
    """
    if year is None and issue_date is not None:
        year = issue_date.year
    # The groups at once: each pattern has only those its way of writing needs, and one dict
    # costs less than asking the match for each group by name.
    groups = match.groupdict()
    bound = groups.get("bound")
    if bound in _BOUND_FORMS:
        groups["bound"] = _BOUND_FORMS[bound]
    try:
        if "amount" in groups:
            return _relative_deadline(groups, issue_date)
        if "recurs" in groups:
            return _recurring_deadline(groups)
        if "relative_month" in groups:
            return _relative_month_deadline(groups, issue_date)
        if "holiday" in groups:
            return _holiday_deadline(groups, issue_date, year)
        if "five_year" in groups:
            return _five_year_deadline(groups)
        return _dated_deadline(groups, year)
    except (ParseError, ValueError, OverflowError):
        return None


def _relative_deadline(groups: _Groups, issue_date: datetime.date | None) -> Deadline:
    amount = parse_number(groups["amount"])
    unit = _OFFSET_UNITS[groups["unit"]]
    offset = Quantity(amount, unit)
    due = None
    if issue_date is not None and amount == amount.to_integral_value():
        step = _calendar_step(int(amount), unit)
        if step is not None:
            try:
                due = issue_date + step
            except (ValueError, OverflowError):
                due = None  # beyond year 9999: no date, but still a deadline
    return Deadline(DeadlineKind.WITHIN, due, offset=offset)


def _recurring_deadline(groups: _Groups) -> Deadline:
    """每年年底前 → RECURRING, month 12; 每年6月底前 → month 6; 每季度末前 → no month."""
    month = None if groups["month"] is None else _whole(groups["month"])
    day = None if groups["day"] is None else _whole(groups["day"])
    if month is None and groups["recurs"] == "年":
        month = 12  # 每年年底前, 每年底前
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"no month {month}")
    return Deadline(DeadlineKind.RECURRING, None, month=month, day=day)


def _relative_month_deadline(groups: _Groups, issue_date: datetime.date | None) -> Deadline:
    """本月底前 → the end of the issue month; 下月底前 → the end of the month after it; 下月15日前
    → before its 15th."""
    if groups["relative_month"] not in _RELATIVE_MONTHS:
        raise ValueError(f"no month named {groups['relative_month']}")
    day = None if groups["day"] is None else _whole(groups["day"])
    kind = DeadlineKind.BY_END_OF if day is None else DeadlineKind.BEFORE
    if day is not None and not 1 <= day <= 31:
        raise ValueError(f"no day {day}")
    if issue_date is None:
        return Deadline(kind, None)
    first = issue_date.replace(day=1)
    if groups["relative_month"] not in ("本月", "当月"):
        first += relativedelta(months=1)
    if day is None:
        due = first + relativedelta(months=1) - datetime.timedelta(days=1)
        return Deadline(kind, due, year=due.year, month=due.month)
    due = first.replace(day=day)  # ValueError on a day the month lacks (下月31日 in a short one)
    return Deadline(kind, due, year=due.year, month=due.month, day=due.day)


_RELATIVE_MONTHS = frozenset(("本月", "当月", "下月", "次月", "下个月"))
_HOLIDAYS = frozenset(("国庆节", "国庆", "春节", "元旦", "中秋节", "劳动节", "五一"))
# Holidays fixed in the Gregorian calendar, by (month, day).
_FIXED_HOLIDAYS = {
    "国庆节": (10, 1),
    "国庆": (10, 1),
    "元旦": (1, 1),
    "劳动节": (5, 1),
    "五一": (5, 1),
}
# 春节 (the first day of the first lunar month) and 中秋节 (the fifteenth of the eighth) move
# with the lunar calendar: their Gregorian dates as MMDD, one per year from _LUNAR_FIRST_YEAR
# (1980) to 2099, as the Chinese calendar gives them (two independent implementations agree on
# every date). A deadline in a year outside the table keeps its year and leaves the date open.
_LUNAR_FIRST_YEAR = 1980
_SPRING_FESTIVALS = (
    "0216 0205 0125 0213 0202 0220 0209 0129 0217 0206 0127 0215 0204 0123 0210 0131 "
    "0219 0207 0128 0216 0205 0124 0212 0201 0122 0209 0129 0218 0207 0126 0214 0203 "
    "0123 0210 0131 0219 0208 0128 0216 0205 0125 0212 0201 0122 0210 0129 0217 0206 "
    "0126 0213 0203 0123 0211 0131 0219 0208 0128 0215 0204 0124 0212 0201 0122 0210 "
    "0130 0217 0206 0126 0214 0202 0123 0211 0201 0219 0208 0128 0215 0204 0124 0212 "
    "0202 0121 0209 0129 0217 0205 0126 0214 0203 0123 0211 0131 0219 0207 0127 0215 "
    "0205 0124 0212 0202 0122 0209 0129 0217 0206 0126 0214 0203 0124 0210 0130 0218 "
    "0207 0127 0215 0205 0125 0212 0201 0121"
)
_MID_AUTUMN_FESTIVALS = (
    "0923 0912 1001 0921 0910 0929 0918 1007 0925 0914 1003 0922 0911 0930 0920 0909 "
    "0927 0916 1005 0924 0912 1001 0921 0911 0928 0918 1006 0925 0914 1003 0922 0912 "
    "0930 0919 0908 0927 0915 1004 0924 0913 1001 0921 0910 0929 0917 1006 0925 0915 "
    "1003 0922 0912 1001 0919 0908 0927 0916 1004 0924 0913 1002 0920 0910 0928 0917 "
    "1005 0925 0915 1004 0922 0911 0930 0919 0907 0926 0916 1005 0924 0913 1002 0921 "
    "0909 0928 0917 1006 0925 0915 1003 0923 0911 0929 0919 0908 0926 0916 1005 0924 "
    "0912 1001 0920 0910 0928 0917 1006 0926 0914 1003 0922 0911 0929 0918 0908 0927 "
    "0916 1005 0924 0913 0930 0920 0909 0929"
)
_LUNAR_HOLIDAYS = {"春节": _SPRING_FESTIVALS, "中秋节": _MID_AUTUMN_FESTIVALS}


def _holiday_date(holiday: str, year: int) -> datetime.date | None:
    """Return the date of `holiday` in `year`, or None for a year outside the lunar table."""
    fixed = _FIXED_HOLIDAYS.get(holiday)
    if fixed is not None:
        return datetime.date(year, *fixed)
    index = year - _LUNAR_FIRST_YEAR
    if index < 0:
        return None
    at = 5 * index  # "MMDD " per year
    month_day = _LUNAR_HOLIDAYS[holiday][at : at + 4]
    if len(month_day) < 4:
        return None
    return datetime.date(year, int(month_day[:2]), int(month_day[2:]))


def _holiday_deadline(
    groups: _Groups, issue_date: datetime.date | None, plan_year: int | None
) -> Deadline:
    """国庆节前 → BEFORE, the day before 1 October of the plan's year (or the year written);
    春节前 → the day before the lunar new year, 2020-01-24 for 2020."""
    name = groups["holiday"]
    if name not in _HOLIDAYS:
        raise ValueError(f"no holiday named {name}")
    written_year = groups.get("year")
    year = plan_year if written_year is None else _whole(written_year)
    holiday = None if year is None else _holiday_date(name, year)
    if year is None or holiday is None:
        return Deadline(DeadlineKind.BEFORE, None, year=year)
    if issue_date is not None and written_year is None and holiday <= issue_date:
        # 元旦前 in a plan issued in July, 春节前 in one issued in March: the next one.
        following = _holiday_date(name, year + 1)
        if following is None:
            return Deadline(DeadlineKind.BEFORE, None, year=year + 1)
        if issue_date < following:
            holiday = following
    due = holiday - datetime.timedelta(days=1)
    return Deadline(DeadlineKind.BEFORE, due, year=holiday.year)


# The last year of each five-year plan's period (十四五: 2021–2025).
_FIVE_YEAR_ENDS = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}


def _five_year_deadline(groups: _Groups) -> Deadline:
    """到“十四五”末 → BY_END_OF 2025-12-31; “十四五”期间 → BY, the same day."""
    year = _FIVE_YEAR_ENDS[groups["five_year"]]
    kind = DeadlineKind.BY_END_OF if "末" in groups["bound"] else DeadlineKind.BY
    return Deadline(kind, datetime.date(year, 12, 31), year=year)


def _calendar_step(amount: int, unit: str) -> relativedelta | None:
    # Working days depend on the holiday calendar of the year, which this module does not know.
    steps = {
        "个月": relativedelta(months=amount),
        "年": relativedelta(years=amount),
        "周": relativedelta(weeks=amount),
        "日": relativedelta(days=amount),
        "天": relativedelta(days=amount),
        "个自然日": relativedelta(days=amount),
    }
    return steps.get(unit)


def _dated_deadline(groups: _Groups, plan_year: int | None) -> Deadline | None:
    bound = groups.get("bound")
    by = groups.get("by") is not None or groups.get("done") is not None
    written_year, relative_year = groups.get("year"), groups.get("relative_year")
    period = _period(groups)
    if written_year is not None:
        if bound is None and not by and period is None:
            return None  # 2017年, 2019年7月23日, 2020年3月中旬: a date, not a deadline
        year: int | None = _whole(written_year)
    elif relative_year in ("明年", "次年"):  # 次年1月底前: the year after the plan's
        year = None if plan_year is None else plan_year + 1
    else:
        year = plan_year
    if period is not None:
        return _period_deadline(period, bound, year, by=by)
    written_month, written_day = groups.get("month"), groups.get("day")
    month = None if written_month is None else _whole(written_month)
    day = None if written_day is None else _whole(written_day)
    dekad = groups.get("dekad")
    if dekad is not None and month is not None:
        return _dekad_deadline(dekad, bound, year, month)
    if bound is None or bound in _WITHIN_BOUNDS:
        kind = DeadlineKind.BY
    elif bound in _END_BOUNDS:
        kind = DeadlineKind.BY_END_OF
    else:
        kind = DeadlineKind.BEFORE
    if day is not None and kind is not DeadlineKind.BEFORE and bound is not None:
        return None  # 30日底前, 30日内: not how a dated deadline is written
    if month is not None and not 1 <= month <= 12:
        return None
    due = _due_date(kind, year, month, day)
    if year is not None and due is None:
        return None
    return Deadline(kind, due, year=year, month=month, day=day)


def _dekad_deadline(dekad: str, bound: str | None, year: int | None, month: int) -> Deadline:
    """11月中旬前, 到2019年6月上旬 → BY_END_OF the dekad's last day (the 20th, the 10th); 下旬
    ends with the month. 前 after a dekad closes it, as 底前 closes a month: plans write
    中旬前 for "by mid-month". `day` stays None: the text names ten days, not one."""
    if not 1 <= month <= 12:
        raise ValueError(f"no month {month}")
    if year is None:
        return Deadline(DeadlineKind.BY_END_OF, None, month=month)
    last = _DEKAD_ENDS.get(dekad) or calendar.monthrange(year, month)[1]
    kind = DeadlineKind.BY if bound in _WITHIN_BOUNDS else DeadlineKind.BY_END_OF
    return Deadline(kind, datetime.date(year, month, last), year=year, month=month)


# The last day of a month's first and second ten days; 下旬 ends with the month.
_DEKAD_ENDS = {"上旬": 10, "中旬": 20}
# The months a half-year or a quarter runs over: (first, last).
_HALVES = {"上半年": (1, 6), "下半年": (7, 12)}
_QUARTER_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "１": 1, "２": 2, "３": 3, "４": 4}


def _period(groups: _Groups) -> tuple[int, int] | None:
    return period_months(groups.get("half"), groups.get("quarter"))


def period_months(half: str | None, quarter: str | None) -> tuple[int, int] | None:
    """Return the first and last month of a half-year (上半年, 下半年) or a quarter (一, 3 as
    written before 季度), or None when neither is given."""
    if half is not None:
        return _HALVES[half]
    if quarter is not None:
        number = _QUARTER_NUMERALS.get(quarter) or int(quarter)
        return 3 * number - 2, 3 * number
    return None


def _period_deadline(
    period: tuple[int, int], bound: str | None, year: int | None, *, by: bool
) -> Deadline:
    """Read a deadline on a half-year or a quarter (2020年上半年, 2019年三季度末前).

    The period is named as a whole, so `month` stays None and only `date` says where it ends:
    2020年上半年 → BY_END_OF 2020-06-30, like 2020年6月底前. 前 alone is BEFORE the period
    begins, as 2020年前 and 2020年6月前 are; 内 and a leading 到 read BY, as 2019年内 does.
    """
    first, last = period
    if bound in _BEFORE_BOUNDS:
        kind = DeadlineKind.BEFORE
    elif bound in _WITHIN_BOUNDS or (bound is None and by):
        kind = DeadlineKind.BY
    else:
        kind = DeadlineKind.BY_END_OF  # 末前, 底前, 末, or the period alone
    if year is None:
        return Deadline(kind, None)
    if kind is DeadlineKind.BEFORE:
        due = datetime.date(year, first, 1) - datetime.timedelta(days=1)
    else:
        due = datetime.date(year, last, calendar.monthrange(year, last)[1])
    return Deadline(kind, due, year=year)


def _due_date(
    kind: DeadlineKind, year: int | None, month: int | None, day: int | None
) -> datetime.date | None:
    if year is None:
        if month is not None and day is not None:
            datetime.date(2000, month, day)  # still reject 2月30日 (2000 is a leap year)
        return None
    try:
        if day is not None:
            return datetime.date(year, month or 1, day)
        if kind is DeadlineKind.BEFORE:
            start = datetime.date(year, month or 1, 1)
            return start - datetime.timedelta(days=1)
        if month is not None:
            return datetime.date(year, month, calendar.monthrange(year, month)[1])
        return datetime.date(year, 12, 31)
    except (ValueError, OverflowError):
        return None


def _whole(numeral: str) -> int:
    value = parse_number(numeral)
    if value != value.to_integral_value():
        raise ValueError(f"not a whole number: {numeral}")
    return int(value)


def parse_chinese_date(s: str) -> datetime.date:
    """Read a calendar date: 2019年7月23日, 二〇一九年七月二十三日, 2019-07-23.

    Full-width digits are read too (２０１９年７月２３日), and surrounding whitespace is
    ignored. Raises `yingshang.errors.ParseError` for anything else, including impossible
    dates such as 2019年2月30日.

    >>> parse_chinese_date("二〇一九年七月二十三日")
    datetime.date(2019, 7, 23)
    """
    stripped = s.strip()
    lead = len(s) - len(s.lstrip())
    match = DATE_PATTERN.fullmatch(stripped)
    if match is None or match["year"] is None or match["day"] is None:
        raise ParseError("a date such as 2019年7月23日", s, lead)
    try:
        return datetime.date(_whole(match["year"]), _whole(match["month"]), _whole(match["day"]))
    except (ValueError, OverflowError):
        raise ParseError("a date that exists", s, lead) from None
