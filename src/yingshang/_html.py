"""Compact HTML for Jupyter, behind `_repr_html_` of plans, areas, measures and query results.

A plan shows the report's parts (`yingshang.report`): its metadata, a table of its areas, the
timeline of its deadlines and, folded, the agency × area matrix.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._display import shorten
from .model import Action, Area, Measure, Plan
from .query import Entry, Results
from .report import matrix_html, metadata_html, timeline_svg
from .report import table_html as _table

_PREVIEW = 60


def _preview(text: str) -> str:
    return shorten(text, _PREVIEW)


def _agencies(action: Action) -> tuple[str, str]:
    return (
        "、".join(u.name for u in action.lead_agencies),
        "、".join(u.name for u in action.cooperating_agencies),
    )


def plan_html(plan: Plan) -> str:
    """Return the plan's metadata, its areas with their counts, its timeline and its matrix."""
    rows = [
        [str(area.ordinal), area.title, str(len(area.measures)), str(len(area.actions))]
        for area in plan.areas
    ]
    return (
        metadata_html(plan)
        + _table(["#", "area", "measures", "actions"], rows)
        + timeline_svg(plan, width=640, height=180)
        + f"<details><summary>agency × area</summary>{matrix_html(plan)}</details>"
    )


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
