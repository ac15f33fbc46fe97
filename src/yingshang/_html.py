"""Compact HTML tables for Jupyter, behind `_repr_html_` of plans, areas, measures, results."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from ._display import shorten
from .model import Action, Area, Measure, Plan
from .query import Entry, Results

_PREVIEW = 60


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], caption: str = "") -> str:
    head = "".join(f"<th>{escape(cell)}</th>" for cell in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    caption_html = f"<caption>{escape(caption)}</caption>" if caption else ""
    return f"<table>{caption_html}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _preview(text: str) -> str:
    return shorten(text, _PREVIEW)


def _agencies(action: Action) -> tuple[str, str]:
    return (
        "、".join(u.name for u in action.lead_agencies),
        "、".join(u.name for u in action.cooperating_agencies),
    )


def plan_html(plan: Plan) -> str:
    """Return the plan's areas with their measure and item counts as an HTML table."""
    parts = [plan.title.text]
    if plan.document_number:
        parts.append(plan.document_number)
    if plan.issue_date:
        parts.append(plan.issue_date.isoformat())
    rows = [
        [str(area.ordinal), area.title, str(len(area.measures)), str(len(area.actions))]
        for area in plan.areas
    ]
    return _table(["#", "area", "measures", "actions"], rows, caption=" · ".join(parts))


def area_html(area: Area) -> str:
    """Return the area's measures as an HTML table."""
    rows = [
        [str(m.number), m.title, str(len(m.actions)), "、".join(_lead_names(m))]
        for m in area.measures
    ]
    return _table(
        ["#", "measure", "actions", "lead agencies"], rows, f"{area.ordinal}、{area.title}"
    )


def _lead_names(measure: Measure) -> list[str]:
    return list(dict.fromkeys(u.name for a in measure.actions for u in a.lead_agencies))


def measure_html(measure: Measure) -> str:
    """Return the measure's action items with their agencies as an HTML table."""
    rows = [[str(a.number), _preview(a.text), *_agencies(a)] for a in measure.actions]
    return _table(
        ["#", "action", "lead", "cooperating"], rows, f"{measure.number}．{measure.title}"
    )


def results_html(entries: Sequence[Entry]) -> str:
    """Return selected items as an HTML table with their references and agencies."""
    rows = [
        [
            entry.key,
            entry.area.title,
            _preview(entry.action.text),
            *_agencies(entry.action),
            entry.due.isoformat() if entry.due else "",
        ]
        for entry in entries
    ]
    return _table(
        ["item", "area", "action", "lead", "cooperating", "due"], rows, f"{len(entries)} items"
    )


def render(node: object) -> str:
    """Return the HTML display of a plan, area, measure or query entry (for `_repr_html_`)."""
    if isinstance(node, Plan):
        return plan_html(node)
    if isinstance(node, Area):
        return area_html(node)
    if isinstance(node, Measure):
        return measure_html(node)
    if isinstance(node, Entry):
        return results_html([node])
    if isinstance(node, Results):
        return results_html(list(node.entries))
    raise TypeError(f"no HTML display for {type(node).__name__}")
