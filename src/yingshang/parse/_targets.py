"""The targets of the parsed nodes, found by the extractor in each node's source text."""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Iterator, Sequence

import attrs

from .._lazy import LazyPattern
from ..dates import parse_deadline
from ..errors import ParseError
from ..extract import extract_targets
from ..model import Area, Deadline, DeadlineKind, Section, Span, Target, TargetKind
from ._lines import _Source, clean_text
from ._patterns import (
    _BARE_PERIOD,
    _BLANK,
    _DONE_WORDS,
    _EACH_PERIOD,
    _FROM_A_YEAR_ON,
    _LINE_BREAK,
    PINYIN_ANNOTATION,
)


def _targets_in(
    text: str,
    span: Span,
    issue_date: datetime.date | None,
    source: _Source | None = None,
    year: int | None = None,
) -> tuple[Target, ...]:
    """Return the targets in `text[span]`, with spans into the whole text.

    A target wrapped across lines (2025年⏎底前) keeps its text as every node does: cleaned. With
    the parse's `source`, each target's text, quantity and deadline is kept once per parse
    ("2019年底前" recurs in most items). `year` is the plan's year (see `extract_targets`).
    """
    found = extract_targets(span.slice(text), offset=span.start, issue_date=issue_date, year=year)
    return _kept(found, source)


def _kept(found: tuple[Target, ...], source: _Source | None) -> tuple[Target, ...]:
    """Clean the text of targets wrapped across lines or holding a mirror's pinyin (20萬(wàn)元);
    with `source`, keep each value once."""
    if source is None and not any(_unclean(target.text) for target in found):
        return found
    kept = []
    for target in found:
        cleaned = clean_text(target.text) if _unclean(target.text) else target.text
        quantity, deadline = target.quantity, target.deadline
        if source is not None:
            cleaned = source.intern(cleaned)
            quantity = None if quantity is None else source.intern_value(quantity)
            deadline = None if deadline is None else source.intern_value(deadline)
        if (
            cleaned is not target.text
            or quantity is not target.quantity
            or deadline is not target.deadline
        ):
            target = attrs.evolve(target, text=cleaned, quantity=quantity, deadline=deadline)
        kept.append(target)
    return tuple(kept)


def _unclean(text: str) -> bool:
    """Tell whether `text` may differ from what `clean_text` makes of it."""
    return _LINE_BREAK.search(text) is not None or PINYIN_ANNOTATION.search(text) is not None


def _with_written_deadlines(
    targets: tuple[Target, ...], row_deadlines: tuple[Target, ...]
) -> tuple[Target, ...]:
    """Add the deadlines written with an item's agencies (a table row's deadline cell, a
    bracket's, a 时限 line's) to its targets, and give the first date to those that name none."""
    deadline = next((t.deadline for t in row_deadlines if t.deadline is not None), None)
    if deadline is None:  # none, or work with no end date (持续推进): nothing to give
        return targets + row_deadlines
    return (
        tuple(
            attrs.evolve(t, deadline=deadline)
            if t.deadline is None and t.kind is not TargetKind.ONGOING
            else t
            for t in targets
        )
        + row_deadlines
    )


# What may follow a date in a deadline cell and still be part of it: 2021年底前完成.
_DONE_AFTER = LazyPattern(rf"[ ]*前?(?:{_DONE_WORDS})")
# Characters a deadline cell may hold around its dates without saying more.
_NOTHING_MORE = frozenset("，,、；;。.：: \t\u3000（）()\n\r")


def _written_time(cleaned: str, span: Span) -> Target | None:
    """Read the whole of a deadline cell that names a time with no word of a deadline, or None.

    A period or a day (2020年, 2019年12月, 2021年6月份, 2021.6, 2021年全年, 2021年6月30日) and the
    years the work runs over (2019—2020年, 2019年至2020年: the extractor reads 至2020年 alone) are
    due by the end of the (last) one; 2021年起 is work from then on, with no end (ongoing); 每年,
    每季度 recur.
    """
    if _FROM_A_YEAR_ON.fullmatch(cleaned):
        return Target(TargetKind.ONGOING, cleaned, span)
    if _EACH_PERIOD.fullmatch(cleaned):
        return Target(
            TargetKind.DEADLINE, cleaned, span, deadline=Deadline(DeadlineKind.RECURRING, None)
        )
    period = _BARE_PERIOD.fullmatch(cleaned)
    if period is None:
        return None
    year, month, day = period["year"], period["month"], period["day"]
    if day is not None:
        phrase = f"到{year}年{month}月{day}日"  # by that day
    elif month is not None:
        phrase = f"{year}年{month}月底前"
    else:
        phrase = f"{year}年底前"
    try:
        deadline = parse_deadline(phrase)
    except ParseError:
        return None  # 2021年13月: no date, as the cell is reported
    return Target(TargetKind.DEADLINE, cleaned, span, deadline=deadline)


def _deadline_cell(
    text: str, span: Span, targets: tuple[Target, ...]
) -> tuple[tuple[Target, ...], list[Span]]:
    """Read a deadline cell (or a 时限 line) from the targets found in it: its deadlines and
    ongoing work, a completion word after a date joined to it (2021年底前完成), and the pieces
    of text no such target holds, so that what is not a date is reported rather than lost
    (2021年底前，视情况调整). With no deadline in the cell, nothing (the caller reads it so).
    What a cell writes with no word of a deadline is read first (see `_written_time`)."""
    start, end = span.start, span.end
    while start < end and text[start] in _BLANK:
        start += 1
    while end > start and text[end - 1] in _BLANK:
        end -= 1
    written = _written_time(clean_text(text[start:end]), Span(start, end))
    if written is not None:
        return (written,), []
    fitted: list[Target] = []
    for target in targets:
        if target.kind is not TargetKind.DEADLINE and target.kind is not TargetKind.ONGOING:
            continue
        done = _DONE_AFTER.match(text, target.span.end, span.end)
        if done is not None and done.end() > target.span.end:
            target = attrs.evolve(
                target,
                text=clean_text(text[target.span.start : done.end()]),
                span=Span(target.span.start, done.end()),
            )
        fitted.append(target)
    left: list[Span] = []
    at = span.start
    for target in sorted(fitted, key=lambda t: t.span.start):
        if target.span.start > at:
            left.append(Span(at, target.span.start))
        at = max(at, target.span.end)
    left.append(Span(at, span.end))
    rest = []
    for piece in left:
        if set(text[piece.start : piece.end]) <= _NOTHING_MORE:
            continue  # separators between dates, blanks
        start, end = piece.start, piece.end
        while start < end and text[start] in _NOTHING_MORE:
            start += 1  # the separator after a date is the date's; what ends the rest is its own
        while end > start and text[end - 1] in _BLANK:
            end -= 1
        rest.append(Span(start, end))
    return tuple(fitted), rest if fitted else []


# Spans are read in runs of this many characters at most, so that what the extractor holds at
# once stays small beside the plan it builds; a run ends at a gap this long (masked as blanks).
# Twice 2048 reads the embedded plan in 6 runs instead of 12, 7% faster, with the same peak
# memory per input byte from 1 to 64 copies of the plan; 8192 costs memory (7.7× at one copy).
_RUN = 4096
_GAP = 512


def _targets_of_spans(
    text: str,
    spans: Sequence[Span],
    issue_date: datetime.date | None,
    source: _Source | None = None,
    year: int | None = None,
) -> list[tuple[Target, ...]]:
    """Return what `_targets_in` returns for each of `spans`, from a few passes of the extractor.

    The extractor reads a run of spans as one text in which the gaps between them are masked:
    a line break at each end of a gap and spaces between. A line break ends every sentence and
    clause, and no pattern reads across one or starts on a space, so each span gives the targets
    it gives alone, at the cost of one scan of the run instead of one per span. Spans that
    overlap or stand a character apart (where 2025 年⏎底前 could join two) go in separate runs,
    and a run whose masked text gives anything across a gap is read one span at a time.
    """
    result: list[tuple[Target, ...]] = [()] * len(spans)
    order = [i for i, span in enumerate(spans) if span.start < span.end]
    order.sort(key=lambda i: spans[i].start)
    run: list[int] = []
    for index in order:
        span = spans[index]
        if run:
            gap = span.start - spans[run[-1]].end
            # Spans less than two characters apart (or overlapping) go in runs of their own.
            if not 2 <= gap <= _GAP or span.end - spans[run[0]].start > _RUN:
                _read_run(text, spans, run, result, issue_date, source, year)
                run = []
        run.append(index)
    if run:
        _read_run(text, spans, run, result, issue_date, source, year)
    return result


def _read_run(
    text: str,
    spans: Sequence[Span],
    run: list[int],
    result: list[tuple[Target, ...]],
    issue_date: datetime.date | None,
    source: _Source | None,
    year: int | None,
) -> None:
    """Fill in `result` for the spans of `run` (indices in text order), read in one pass."""
    if len(run) == 1:
        result[run[0]] = _targets_in(text, spans[run[0]], issue_date, source, year)
        return
    start = spans[run[0]].start
    pieces = []
    at = start
    for index in run:
        span = spans[index]
        if span.start > at:
            pieces.append("\n" + " " * (span.start - at - 2) + "\n")
        pieces.append(text[span.start : span.end])
        at = span.end
    found = extract_targets("".join(pieces), offset=start, issue_date=issue_date, year=year)
    starts = [target.span.start for target in found]
    inside = []
    for index in run:
        span = spans[index]
        first = bisect.bisect_left(starts, span.start)
        last = bisect.bisect_left(starts, span.end, first)
        inside.append(found[first:last])
    if sum(map(len, inside)) == len(found) and all(
        targets[-1].span.end <= spans[index].end
        for index, targets in zip(run, inside, strict=True)
        if targets
    ):
        for index, targets in zip(run, inside, strict=True):
            result[index] = _kept(targets, source)
        return
    # A target across a mask is not one the spans give alone: read them one by one.
    for index in run:
        result[index] = _targets_in(text, spans[index], issue_date, source, year)


def _sections_with_targets(
    sections: Sequence[Section],
    text: str,
    issue_date: datetime.date | None,
    source: _Source | None = None,
    year: int | None = None,
) -> list[Section]:
    """Attach to each section, and to its subsections, the targets its own paragraphs set."""
    found = iter(
        _targets_of_spans(
            text,
            [paragraph.span for section in _preorder(sections) for paragraph in section.paragraphs],
            issue_date,
            source,
            year,
        )
    )

    def attach(section: Section) -> Section:
        targets = tuple(target for _ in section.paragraphs for target in next(found))
        subsections = tuple(attach(subsection) for subsection in section.subsections)
        return attrs.evolve(section, targets=targets, subsections=subsections)

    return [attach(section) for section in sections]


def _preorder(sections: Sequence[Section]) -> Iterator[Section]:
    for section in sections:
        yield section
        yield from _preorder(section.subsections)


def _areas_with_targets(
    areas: Sequence[Area],
    text: str,
    issue_date: datetime.date | None,
    source: _Source | None = None,
    year: int | None = None,
) -> list[Area]:
    """Attach to each action item the targets found in its source text, before those it has."""
    actions = [action for area in areas for measure in area.measures for action in measure.actions]
    found = iter(
        _targets_of_spans(text, [action.span for action in actions], issue_date, source, year)
    )
    return [
        attrs.evolve(
            area,
            measures=tuple(
                attrs.evolve(
                    measure,
                    actions=tuple(
                        # The deadline written with the agencies (a bracket's, a 时限 line's)
                        # comes after the item's own, and holds for its targets without one.
                        attrs.evolve(
                            action, targets=_with_written_deadlines(next(found), action.targets)
                        )
                        for action in measure.actions
                    ),
                )
                for measure in area.measures
            ),
        )
        for area in areas
    ]
