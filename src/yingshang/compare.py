"""Line plans up by indicator: what each plan commits to for 开办企业, 获得电力, … side by side.

Areas are matched to indicators by `yingshang.indicators` (by keyword, whatever a plan's
ordinal or wording), so two cities' plans meet on the same row even where one writes 开办企业
and the other 企业开办. Within an indicator, targets are lined up by kind and unit, so a row
holds comparable figures: ``开办企业 · duration · 个工作日: 3个工作日以内 | 1个工作日``.

>>> from yingshang import datasets
>>> plan = datasets.chongqing_2019()
>>> table = compare([plan], labels=["重庆2019"], indicator="starting_a_business", kind="duration")
>>> row = table.rows[0]
>>> row.title, row.kind.value, row.unit
('开办企业', 'duration', '个工作日')
>>> [hit.target.text for hit in row.cells[0]]
['3个工作日以内']
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from .errors import YingshangError
from .indicators import Indicator, default_indicator_map
from .model import Plan, TargetKind
from .query import Query, TargetHit, entries

__all__ = ["Comparison", "Row", "compare", "plan_label"]


@attrs.frozen(repr=False)
class Row:
    """One line of a comparison: an indicator (or an area no indicator maps), a kind, a unit.

    `cells` holds, for each plan in the comparison's order, the targets it sets there (an empty
    tuple where it sets none). `title` is the indicator's Chinese title, or the area's own title
    when no indicator maps it (`indicator` is then None).
    """

    indicator: Indicator | None
    title: str
    kind: TargetKind
    unit: str | None
    cells: tuple[tuple[TargetHit, ...], ...]

    def __repr__(self) -> str:
        counts = "/".join(str(len(cell)) for cell in self.cells)
        return f"<Row {self.title} {self.kind.value} {self.unit or '-'}: {counts}>"


@attrs.frozen(repr=False)
class Comparison:
    """Plans lined up by indicator: `labels` name the plans, `rows` hold their targets."""

    labels: tuple[str, ...]
    rows: tuple[Row, ...]

    def __repr__(self) -> str:
        return f"<Comparison of {len(self.labels)} plans: {len(self.rows)} rows>"

    def records(self) -> list[dict[str, Any]]:
        """Return one dict per row, each plan's targets under its label (for JSON)."""
        return [
            {
                "indicator": row.indicator.key if row.indicator else None,
                "title": row.title,
                "kind": row.kind.value,
                "unit": row.unit,
                "plans": {
                    label: [_target_record(hit) for hit in cell]
                    for label, cell in zip(self.labels, row.cells, strict=True)
                },
            }
            for row in self.rows
        ]


def _target_record(hit: TargetHit) -> dict[str, Any]:
    target = hit.target
    quantity = target.quantity
    return {
        "item": hit.entry.key,
        "text": target.text,
        "value": None if quantity is None else str(quantity.value),
        "unit": None if quantity is None else quantity.unit,
        "comparator": target.comparator.value,
        "deadline": (
            None
            if target.deadline is None or target.deadline.date is None
            else target.deadline.date.isoformat()
        ),
    }


def plan_label(plan: Plan) -> str:
    """Return a short name for `plan`: its file's name, else its 文号, else its title."""
    if plan.source is not None and plan.source.path:
        return Path(plan.source.path).stem
    return plan.document_number or plan.title.text


def _unique_labels(labels: Sequence[str]) -> tuple[str, ...]:
    seen: dict[str, int] = {}
    unique = []
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
        unique.append(label if seen[label] == 1 else f"{label} ({seen[label]})")
    return tuple(unique)


def compare(
    plans: Sequence[Plan],
    *,
    labels: Sequence[str] | None = None,
    indicator: str | None = None,
    kind: TargetKind | str | None = None,
) -> Comparison:
    """Return the targets of `plans` lined up by indicator, kind and unit.

    `indicator` keeps one indicator (its key, Chinese title or Doing Business name) and `kind`
    one kind of target. Rows follow the indicator map's order, then areas no indicator maps in
    order of first appearance; within an indicator, kinds and units in order of first appearance,
    deadlines last.
    `labels` name the plans (default: `plan_label`; repeats get a number).

    Raises `YingshangError` when `labels` and `plans` differ in length.
    """
    if labels is None:
        labels = [plan_label(plan) for plan in plans]
    if len(labels) != len(plans):
        raise YingshangError(f"{len(labels)} labels for {len(plans)} plans")
    query = Query(indicator=indicator, kind=kind)
    order = {item.key: index for index, item in enumerate(default_indicator_map().indicators)}
    groups: dict[tuple[str, TargetKind, str | None], list[list[TargetHit]]] = {}
    meta: dict[tuple[str, TargetKind, str | None], tuple[Indicator | None, str, int]] = {}
    for column, plan in enumerate(plans):
        for entry in entries(plan):
            if not query.matches(entry):
                continue
            found = entry.indicator
            group = f"indicator:{found.key}" if found else f"area:{entry.area.title}"
            rank = order[found.key] if found else len(order)
            for target in entry.action.targets:
                if query.kind is not None and target.kind is not query.kind:
                    continue
                unit = target.quantity.unit if target.quantity else None
                key = (group, target.kind, unit)
                if key not in groups:
                    groups[key] = [[] for _ in plans]
                    title = found.title if found else entry.area.title
                    meta[key] = (found, title, rank)
                groups[key][column].append(TargetHit(entry, target))
    # By indicator, deadlines after the figures; the sort is stable, so first appearance
    # decides the rest.
    keys = sorted(groups, key=lambda key: (meta[key][2], key[1] is TargetKind.DEADLINE))
    rows = tuple(
        Row(
            indicator=meta[key][0],
            title=meta[key][1],
            kind=key[1],
            unit=key[2],
            cells=tuple(tuple(cell) for cell in groups[key]),
        )
        for key in keys
    )
    return Comparison(_unique_labels(list(labels)), rows)
