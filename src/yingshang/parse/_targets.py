"""The targets of the parsed nodes, found by the extractor in each node's source text."""

from __future__ import annotations

import bisect
import datetime
import itertools
from collections.abc import Iterator, Sequence

import attrs

from ..extract import extract_targets
from ..model import Area, Section, Span, Target
from ._lines import _Source, clean_text
from ._patterns import _LINE_BREAK


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
    """Clean the text of targets wrapped across lines; with `source`, keep each value once."""
    if source is None and not any(_LINE_BREAK.search(target.text) for target in found):
        return found
    kept = []
    for target in found:
        wrapped = _LINE_BREAK.search(target.text) is not None
        cleaned = clean_text(target.text) if wrapped else target.text
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


def _targets_of_spans(
    text: str,
    spans: Sequence[Span],
    issue_date: datetime.date | None,
    source: _Source | None = None,
    year: int | None = None,
) -> list[tuple[Target, ...]]:
    """Return what `_targets_in` returns for each of `spans`, from one pass of the extractor.

    The extractor reads a copy of `text` in which all but the spans is masked: a line break at
    each end of a gap and spaces between. A line break ends every sentence and clause, and no
    pattern reads across one or starts on a space, so each span gives the targets it gives alone,
    at the cost of one scan instead of one per span. Overlapping spans, or spans a character
    apart (where 2025 年⏎底前 could join two), are read one by one, as they all are if the masked
    copy gives anything outside a span.
    """
    order = [i for i, span in enumerate(spans) if span.start < span.end]
    order.sort(key=lambda i: spans[i].start)
    ordered = [spans[i] for i in order]
    if len(ordered) < 2 or not all(
        after.start - before.end >= 2 for before, after in itertools.pairwise(ordered)
    ):
        return [_targets_in(text, span, issue_date, source, year) for span in spans]
    pieces = []
    at = 0
    for span in ordered:
        gap = span.start - at
        if gap:
            pieces.append("\n" if gap == 1 else "\n" + " " * (gap - 2) + "\n")
        pieces.append(text[span.start : span.end])
        at = span.end
    found = extract_targets("".join(pieces), issue_date=issue_date, year=year)
    starts = [target.span.start for target in found]
    result: list[tuple[Target, ...]] = [()] * len(spans)
    placed = 0
    for index, span in zip(order, ordered, strict=True):
        first = bisect.bisect_left(starts, span.start)
        last = bisect.bisect_left(starts, span.end, first)
        if last > first and found[last - 1].span.end > span.end:
            placed = -1
            break
        placed += last - first
        result[index] = _kept(found[first:last], source)
    if placed != len(found):  # a target across a mask: not one the spans give alone
        return [_targets_in(text, span, issue_date, source, year) for span in spans]
    return result


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
                        # The deadline written with the agencies comes after the item's own.
                        attrs.evolve(action, targets=next(found) + action.targets)
                        for action in measure.actions
                    ),
                )
                for measure in area.measures
            ),
        )
        for area in areas
    ]
