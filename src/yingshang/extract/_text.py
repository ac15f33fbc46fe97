"""What every pass of the extraction shares: the text read, and the readings it builds."""

from __future__ import annotations

import datetime
import functools
from decimal import Decimal

import attrs

from ..errors import ParseError
from ..fold import _TONED, fold
from ..model import (
    Comparator,
    Deadline,
    Direction,
    Quantity,
    TargetKind,
    TargetRole,
)
from ..numbers import parse_number
from ._patterns import (
    _HEADING_LINE,
    _PINYIN_NOTE,
    _QUOTED,
    _QUOTED_ANCHORS,
    _SPACED_DIGITS,
    _TITLE,
    _TITLE_ANCHORS,
    _WRAP,
)
from ._scan import _Breaks, _holds_any
from ._words import _ARABIC_DIGITS, _MAX_NUMBER_LENGTH


@attrs.define
class _Found:
    """A quantity as first read, before its context (comparators, changes) is looked at."""

    start: int
    end: int
    kind: TargetKind
    quantity: Quantity
    approximate: bool = False  # 100多家
    is_baseline: bool = False  # 由12个工作日(缩减至…): read as part of the change after it
    range_start: int | None = None  # where a range this is the upper end of starts (1至3个)


@attrs.define
class _Reading:
    """A target being assembled: where it starts and ends, and what it says."""

    start: int
    end: int
    kind: TargetKind
    quantity: Quantity | None = None
    comparator: Comparator = Comparator.EXACTLY
    baseline: Quantity | None = None
    direction: Direction | None = None
    deadline: Deadline | None = None
    baseline_year: int | None = None
    bound_after: bool = False  # the comparator is a word after the number (以内, 以上, 左右)
    reference: str | None = None
    role: TargetRole = TargetRole.COMMITMENT


@attrs.define
class _Half:
    """A half as plans write it: 压缩一半 (by half), 压缩至法定时限的一半 (to half of something)."""

    direction: Direction
    by: bool
    reference: str | None
    about: bool = False  # 近一半


@attrs.define
class _Doubling:
    """翻一番 (times 1: twice as much), 翻两番 (times 2: four times as much)."""

    times: int


@attrs.define
class _Marker:
    """A change verb with its 至/为 (缩减至), and the baseline found before it, if any."""

    start: int
    end: int
    direction: Direction
    adjacent_object: bool  # 缩减至 (the verb touches 至), not 压减环节至
    baseline: Quantity | None = None
    baseline_start: int | None = None
    baseline_comparator: Comparator | None = None
    baseline_kind: TargetKind | None = None
    used: bool = False  # whether the new value of the baseline has been read


class _Text:
    """The text being read, folded, with what every pass looks up in it."""

    def __init__(self, text: str, issue_date: datetime.date | None, year: int | None) -> None:
        # Patterns read the folded copy (Simplified, half-width); target texts come from the
        # source, which the fold keeps aligned character for character. Lines wrapped inside a
        # sentence are read joined, and a mirror's pinyin left out (see `_unwrap`); `wraps` maps
        # positions back.
        self.original = text
        self.wraps: list[int] = []
        if "\n" in text or " " in text or _may_hold_pinyin(text):
            text, self.wraps = _unwrap(text)
        self.source = text
        text = self.text = fold(text)
        self.issue_date = issue_date
        self.year = year
        # The year the plan speaks in: what fell before it is reported, not promised.
        self.now = year or (issue_date.year if issue_date is not None else None)
        self.titles = (
            [match.span() for match in _TITLE.finditer(text)]
            if _holds_any(text, _TITLE_ANCHORS)
            else []
        )
        self.title_starts = [start for start, _ in self.titles]
        # The role a deadline's or a place's own words give it, by its span: a status report's
        # date (截至2020年3月), the date a document holds until (有效期至2022年12月31日), a place
        # held (位列第3名). (By the span: a shorter match at the same start, 到1950年 of
        # 到1950年上半年末前, says nothing.)
        self.dated_roles: dict[tuple[int, int], TargetRole] = {}
        # Where a value's year stands that was past when the plan was written: 由2018年的62%提升至
        # 2020年的98.5% in a plan of 2021 reports the change.
        self.past_values: list[int] = []
        self.quoted = (
            [match.span() for match in _QUOTED.finditer(text)]
            if _holds_any(text, _QUOTED_ANCHORS)
            else []
        )
        self.quoted_starts = [start for start, _ in self.quoted]
        self.reference_years: list[tuple[int, int, int]] = []  # (start, end, year)
        self.reference_starts: list[int] = []

    # The breaks are found when a candidate needs them: most items of a plan have none.
    @functools.cached_property
    def clauses(self) -> _Breaks:
        return _Breaks.of_clauses(self.text)

    @functools.cached_property
    def sentences(self) -> _Breaks:
        return self.clauses.sentences(self.text)


# The longest heading line `_HEADING_LINE` takes: its marker and 30 characters.
_HEADING_LONGEST = 36


def _unwrap(text: str) -> tuple[str, list[int]]:
    """Return `text` without the line breaks that wrap a sentence, the spaces that set digits
    off from Chinese text and the pinyin a mirror site wrote after characters, and where each
    character left out was.

    A web page or a PDF breaks lines inside sentences, even inside a word (5个⏎工作日); patterns
    do not read across a line break, which ends a sentence elsewhere. Web pages also space
    digits off (降低 20% 以上, 达到 1000 万户), which patterns read only where they allow a space.
    The second value lists, for each character left out, the position in the returned text of
    the character after it (in order), which `original` turns back into a position of `text`.
    Pinyin (20萬(wàn)元, 1個(gè)工作日) splits a number from its unit as a wrap does. Not left
    out: a break between two digits (10⏎20 are two numbers), one after a heading's line
    (一、总体要求), and any break, space or bracket that `_WRAP`, `_SPACED_DIGITS` or
    `_PINYIN_NOTE` (after a Chinese character) does not match.
    """
    left_out = []
    for match in _WRAP.finditer(text):
        position = match.start()
        if text[position - 1] in _ARABIC_DIGITS and text[position + 1] in _ARABIC_DIGITS:
            continue
        line = text.rfind("\n", 0, position) + 1
        if position - line <= _HEADING_LONGEST and _HEADING_LINE.match(text, line, position):
            continue
        left_out.append(position)
    if " " in text:
        spaces = [match.start() for match in _SPACED_DIGITS.finditer(text)]
        if spaces:
            left_out = sorted(left_out + spaces)
    if _may_hold_pinyin(text):
        notes = [
            position
            for match in _PINYIN_NOTE.finditer(text)
            if match.start() and "\u3400" <= text[match.start() - 1] <= "\u9fff"
            for position in range(*match.span())
        ]
        if notes:
            left_out = sorted(left_out + notes)
    pieces: list[str] = []
    wraps: list[int] = []
    at = 0
    for position in left_out:
        pieces.append(text[at:position])
        at = position + 1
        wraps.append(at - len(wraps) - 1)
    if not wraps:
        return text, wraps
    pieces.append(text[at:])
    return "".join(pieces), wraps


def _may_hold_pinyin(text: str) -> bool:
    """Tell whether `text` holds a tone-marked vowel, which every pinyin note holds: most texts
    hold none, and a test of each vowel costs less than the note's pattern over the text."""
    for vowel in _TONED:  # noqa: SIM110 (a loop, not any(): no generator to build)
        if vowel in text:
            return True
    return False


def _read_number(numeral: str) -> Decimal | None:
    """Read a number token, or None if it is too long to be a quantity or does not parse."""
    if len(numeral) > _MAX_NUMBER_LENGTH:
        return None
    try:
        return parse_number(numeral)
    except ParseError:
        return None
