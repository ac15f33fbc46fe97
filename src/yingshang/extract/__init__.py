"""Find the measurable commitments (quantitative targets) in Chinese policy text.

`extract_targets` reads any text (a whole plan, one action item, a sentence) and returns every
target it finds, in text order, each with the exact source slice and its span:

>>> [t.text for t in extract_targets("2019年底前实现3个工作日以内办结。")]
['2019年底前', '3个工作日以内']

How the text is read (docs/targets.md has the table of kinds with examples):

* A line break inside a sentence (a web page's or a PDF's wrap: 压缩至3个⏎工作日以内) is read as
  if absent; one after 。；：or a heading's line, before an item marker or between two digits
  ends the line.
* Deadlines (2019年底前, 到2022年, 印发之日起1个月内) are targets of kind DEADLINE, and the
  deadline governs the other targets of its sentence: each carries it as `Target.deadline`. A
  sentence that begins with 其中 ("of which") continues the one before it.
* A quantity is a number with a unit (3个工作日, 99.96%, 3.25元/吨, 2万人次, 160千伏安, DN100).
  A count keeps the noun right after its measure word when the noun is one plans count (3个环节
  → unit 个环节). Comparator words around it give its bound (以内, 不超过, 达到, 以上, 左右,
  100多家); a bound after the last value of a list joined by 和/及/、 bounds every value
  (40小时和1.5小时以内). A range (1至3个工作日, 3-5个工作日) is its upper value, AT_MOST.
* A change is one target: 由12个工作日缩减至7个工作日以内 has baseline 12, target 7 and a
  direction; 压缩至3个工作日 has a direction and no baseline; 降低15% is a change *by* an amount
  (RELATIVE_CHANGE); a reference year (在2017年基础上) is kept as `baseline_year`.
* Numbers that are not quantities are not reported: item markers （1） and 1．, codes (4G, 5G,
  12345), years and dates (2017年, 2019年7月23日), ordinals (第三), and Chinese numerals inside
  quotation marks, which in these plans are slogans (“一网通办”, “三个作用”, “三年行动计划”).
* A duration that belongs to a deadline (印发之日起1个月内) is part of that deadline, not a
  duration target; a number of days counted as a measure (优良天数…300天以上) is PHYSICAL.

Every pattern is compiled once, has no nested quantifiers over overlapping classes, and looks
around a match only within a bounded window, so extraction runs in linear time on any input.

The modules of this package are the extraction's passes over a text, each a class that the one
extraction (`_Extraction`) combines: `_candidates` (what each pattern finds, and the matches that
do not overlap), `_quantities` (the comparators, ranges, changes and rates around a quantity) and
`_roles` (the deadline a target is due by, and whether it is a commitment, a status fact or a
scope). Beneath them: `_text` (the text read, folded, and the readings the passes share),
`_scan` (anchored matching and clause breaks), `_patterns` and `_words` (what is matched).
"""

from __future__ import annotations

import datetime

from ..model import Deadline, Quantity, Span, Target, TargetKind
from ._candidates import _Candidates
from ._quantities import _Quantities
from ._roles import _Roles
from ._text import _Doubling, _Found, _Half, _Reading

__all__ = ["extract_targets"]


def extract_targets(
    text: str,
    *,
    offset: int = 0,
    issue_date: datetime.date | None = None,
    year: int | None = None,
) -> tuple[Target, ...]:
    """Find every quantitative target in `text`, in text order.

    Each target's `text` is the exact slice of `text` it comes from, and its `span` the offsets
    of that slice plus `offset` (pass the slice's start when `text` is part of a document).
    `issue_date` resolves relative deadlines (印发之日起1个月内) and years left implicit
    (年底前); `year`, the plan's year when it is not the issue date's (an annual plan's title
    names it), resolves the latter instead. Never raises for any `text`; raises ValueError for
    a negative `offset`.

    >>> [str(t.quantity) for t in extract_targets("由12个工作日缩减至7个工作日以内")]
    ['7个工作日']
    """
    if offset < 0:
        raise ValueError(f"offset must be >= 0, got {offset}")
    return _Extraction(text, issue_date, year).targets(offset)


class _Extraction(_Candidates, _Quantities, _Roles):
    """One extraction: the passes over one text, in order."""

    def targets(self, offset: int) -> tuple[Target, ...]:
        deadlines: list[_Reading] = []
        others: list[_Reading] = []
        found: list[_Found] = []
        selected = list(self._select(self._candidates()))
        if not selected:
            return ()  # nothing to read: skip the readings' passes
        self.reference_starts = [start for start, _, _ in self.reference_years]
        for start, end, item in selected:
            if isinstance(item, _Found):
                found.append(item)
            elif isinstance(item, Deadline):
                deadlines.append(_Reading(start, end, TargetKind.DEADLINE, deadline=item))
            elif isinstance(item, Quantity):
                others.append(_Reading(start, end, TargetKind.SERVICE_HOURS, quantity=item))
            elif isinstance(item, _Half):
                others.append(self._read_half(start, end, item))
            elif isinstance(item, _Doubling):
                others.append(self._read_doubling(start, end, item))
            elif item == "spot":
                others.append(_Reading(start, end, TargetKind.ON_THE_SPOT))
            elif item == "ongoing":
                others.append(_Reading(start, end, TargetKind.ONGOING))
        readings = _outermost(
            sorted(
                [*deadlines, *others, *self._read_quantities(found)],
                key=lambda reading: reading.start,
            )
        )
        self._read_roles(readings)
        # Every deadline governs, also one inside a change (由2018年的60%提升至2020年的95%).
        self._attach_deadlines(readings, deadlines)
        if self.wraps:
            return self._unwrapped_targets(readings, offset)
        source = self.source
        return tuple(
            self._target(reading, source[reading.start : reading.end], reading.start + offset)
            for reading in readings
        )

    def _unwrapped_targets(self, readings: list[_Reading], offset: int) -> tuple[Target, ...]:
        """Build the targets of a text read with its wrapped lines joined, at the positions and
        with the texts of the original (line breaks included)."""
        wraps, original = self.wraps, self.original
        if not readings:
            return ()
        if wraps[-1] <= readings[0].start:  # every break before the first target: one shift
            shift = len(wraps)
            return tuple(
                self._target(
                    reading,
                    original[reading.start + shift : reading.end + shift],
                    reading.start + shift + offset,
                )
                for reading in readings
            )
        targets = []
        before_start = before_end = 0  # how many breaks were left out before each end
        for reading in readings:  # in text order, none inside another: both ends only grow
            while before_start < len(wraps) and wraps[before_start] <= reading.start:
                before_start += 1
            before_end = max(before_end, before_start)
            while before_end < len(wraps) and wraps[before_end] < reading.end:
                before_end += 1
            start, end = reading.start + before_start, reading.end + before_end
            targets.append(self._target(reading, original[start:end], start + offset))
        return tuple(targets)

    def _target(self, reading: _Reading, text: str, start: int) -> Target:
        return Target(
            kind=reading.kind,
            text=text,
            span=Span(start, start + len(text)),
            quantity=reading.quantity,
            comparator=reading.comparator,
            baseline=reading.baseline,
            direction=reading.direction,
            deadline=reading.deadline,
            baseline_year=reading.baseline_year,
            reference=reading.reference,
            role=reading.role,
        )


def _outermost(readings: list[_Reading]) -> list[_Reading]:
    """Drop readings inside an earlier one: the 6亩 of 6亩以下(不含6亩) is part of its bound."""
    kept: list[_Reading] = []
    for reading in readings:
        if kept and reading.start < kept[-1].end:
            continue
        kept.append(reading)
    return kept
