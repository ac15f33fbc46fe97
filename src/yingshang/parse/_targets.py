"""The targets of the parsed nodes, found by the extractor in each node's source text."""

from __future__ import annotations

import datetime

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


def _section_with_targets(
    section: Section,
    text: str,
    issue_date: datetime.date | None,
    source: _Source | None = None,
    year: int | None = None,
) -> Section:
    """Attach to a section, and to its subsections, the targets its own paragraphs set."""
    targets = tuple(
        target
        for paragraph in section.paragraphs
        for target in _targets_in(text, paragraph.span, issue_date, source, year)
    )
    subsections = tuple(
        _section_with_targets(s, text, issue_date, source, year) for s in section.subsections
    )
    return attrs.evolve(section, targets=targets, subsections=subsections)


def _with_targets(
    area: Area,
    text: str,
    issue_date: datetime.date | None,
    source: _Source | None = None,
    year: int | None = None,
) -> Area:
    """Attach to each action item the targets found in its source text, before those it has."""
    measures = tuple(
        attrs.evolve(
            measure,
            actions=tuple(
                attrs.evolve(
                    action,
                    # The deadline written with the agencies comes after the item's own targets.
                    targets=_targets_in(text, action.span, issue_date, source, year)
                    + action.targets,
                )
                for action in measure.actions
            ),
        )
        for measure in area.measures
    )
    return attrs.evolve(area, measures=measures)
