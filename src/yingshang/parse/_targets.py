"""The targets of the parsed nodes, found by the extractor in each node's source text."""

from __future__ import annotations

import datetime

import attrs

from ..extract import extract_targets
from ..model import Area, Section, Span, Target
from ._lines import clean_text


def _targets_in(text: str, span: Span, issue_date: datetime.date | None) -> tuple[Target, ...]:
    """Return the targets in `text[span]`, with spans into the whole text.

    A target wrapped across lines (2025年⏎底前) keeps its text as every node does: cleaned.
    """
    return tuple(
        attrs.evolve(target, text=clean_text(target.text)) if "\n" in target.text else target
        for target in extract_targets(span.slice(text), offset=span.start, issue_date=issue_date)
    )


def _section_with_targets(section: Section, text: str, issue_date: datetime.date | None) -> Section:
    """Attach to a section, and to its subsections, the targets its own paragraphs set."""
    targets = tuple(
        target
        for paragraph in section.paragraphs
        for target in _targets_in(text, paragraph.span, issue_date)
    )
    subsections = tuple(_section_with_targets(s, text, issue_date) for s in section.subsections)
    return attrs.evolve(section, targets=targets, subsections=subsections)


def _with_targets(area: Area, text: str, issue_date: datetime.date | None) -> Area:
    """Attach to each action item the targets found in its source text, before those it has."""
    measures = tuple(
        attrs.evolve(
            measure,
            actions=tuple(
                attrs.evolve(
                    action,
                    # The deadline written with the agencies comes after the item's own targets.
                    targets=_targets_in(text, action.span, issue_date) + action.targets,
                )
                for action in measure.actions
            ),
        )
        for measure in area.measures
    )
    return attrs.evolve(area, measures=measures)
