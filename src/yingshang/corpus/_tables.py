"""The tidy tables of a corpus: their columns, and the rows one plan (or one file) gives them.

Rows are plain dicts of Python values (str, int, bool, `Decimal`, `datetime.date`, lists of
str), so that they pickle between processes and serialise without pyarrow; `_store` turns them
into Arrow tables with the types named here.
"""

from __future__ import annotations

import datetime
import enum
from collections import Counter
from decimal import Decimal
from typing import Any

from ..errors import line_and_column
from ..indicators import default_indicator_map
from ..model import Action, Plan, Section, Target
from ..query import entries
from ..registry import AgencyRegistry, registry_for

__all__ = ["COLUMNS", "DECIMAL_PRECISION", "DECIMAL_SCALE", "TABLES", "Rows", "plan_rows"]

Rows = dict[str, list[dict[str, Any]]]
"""Rows by table name."""

# Column types, by name: "string", "int", "bool", "float", "decimal", "date", "strings" (a list).
COLUMNS: dict[str, dict[str, str]] = {
    "files": {
        "path": "string",
        "sha256": "string",
        "bytes": "int",
        "plan_id": "string",
        "status": "string",  # parsed, failed, duplicate
        "error_type": "string",
        "error": "string",
    },
    "plans": {
        "plan_id": "string",
        "path": "string",
        "format": "string",
        "encoding": "string",
        "title": "string",
        "document_number": "string",
        "issuer": "string",
        "issue_date": "date",
        "areas": "int",
        "measures": "int",
        "actions": "int",
        "targets": "int",
        "warnings": "int",
        "errors": "int",
        "characters": "int",
    },
    "areas": {
        "plan_id": "string",
        "area": "int",
        "title": "string",
        "indicator": "string",
        "indicator_title": "string",
        "measures": "int",
        "actions": "int",
        "start": "int",
        "end": "int",
    },
    "measures": {
        "plan_id": "string",
        "area": "int",
        "measure": "int",
        "title": "string",
        "sub_indices": "strings",
        "actions": "int",
        "start": "int",
        "end": "int",
    },
    "actions": {
        "plan_id": "string",
        "item": "string",
        "area": "int",
        "measure": "int",
        "action": "int",
        "indicator": "string",
        "text": "string",
        "lead_agencies": "strings",
        "cooperating_agencies": "strings",
        "due": "date",
        "targets": "int",
        "start": "int",
        "end": "int",
    },
    "assignments": {
        "plan_id": "string",
        "item": "string",
        "role": "string",  # lead, cooperating
        "position": "int",
        "agency": "string",
        "agency_official": "string",
        "known": "bool",
    },
    "targets": {
        "plan_id": "string",
        "item": "string",
        "section": "string",
        "target": "int",
        "area": "int",
        "indicator": "string",
        "kind": "string",
        "role": "string",
        "text": "string",
        "value": "decimal",
        "unit": "string",
        "comparator": "string",
        "baseline_value": "decimal",
        "baseline_unit": "string",
        "baseline_year": "int",
        "direction": "string",
        "deadline": "date",
        "deadline_kind": "string",
        "start": "int",
        "end": "int",
    },
    "diagnostics": {
        "plan_id": "string",
        "severity": "string",
        "code": "string",
        "message": "string",
        "line": "int",
        "column": "int",
        "start": "int",
        "end": "int",
        "text": "string",
    },
}

TABLES: tuple[str, ...] = tuple(COLUMNS)
"""The tables of a corpus dataset, in the order they are written."""

# Exact decimals in Parquet need a fixed precision and scale: 28 digits before the point and 10
# after hold every amount a plan writes (万亿元 included); a value that does not fit is reported.
DECIMAL_PRECISION = 38
DECIMAL_SCALE = 10
_DECIMAL_LIMIT = Decimal(10) ** (DECIMAL_PRECISION - DECIMAL_SCALE)
_QUANTUM = Decimal(1).scaleb(-DECIMAL_SCALE)


def _value(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


def _exact(value: Decimal | None) -> tuple[Decimal | None, bool]:
    """Return `value` if Parquet's decimal holds it exactly, else (None, False)."""
    if value is None:
        return None, True
    if not value.is_finite() or abs(value) >= _DECIMAL_LIMIT or value != value.quantize(_QUANTUM):
        return None, False
    return value, True


def _item_keys(plan: Plan) -> list[str]:
    """Return each item's key ("14.2"), qualified by area ("2-1.1") where keys repeat.

    Plans whose measure numbering restarts in each area repeat "1.1"; a key must name one item.
    """
    found = entries(plan)
    keys = [entry.key for entry in found]
    if len(set(keys)) == len(keys):
        return keys
    keys = [f"{entry.area.ordinal}-{entry.key}" for entry in found]
    seen: Counter[str] = Counter()
    unique = []
    for key in keys:
        seen[key] += 1
        unique.append(key if seen[key] == 1 else f"{key}~{seen[key]}")
    return unique


def _target_row(
    plan_id: str,
    target: Target,
    ordinal: int,
    *,
    item: str | None,
    section: str | None,
    area: int | None,
    indicator: str | None,
    problems: list[dict[str, Any]],
) -> dict[str, Any]:
    quantity, baseline, deadline = target.quantity, target.baseline, target.deadline
    value, value_fits = _exact(quantity.value if quantity else None)
    baseline_value, baseline_fits = _exact(baseline.value if baseline else None)
    if not (value_fits and baseline_fits):
        problems.append(
            {
                "severity": "warning",
                "code": "value-out-of-range",
                "message": (
                    f"a value of {target.text!r} does not fit a decimal({DECIMAL_PRECISION}, "
                    f"{DECIMAL_SCALE}): the targets table leaves it empty"
                ),
                "start": target.span.start,
                "end": target.span.end,
            }
        )
    role = getattr(target, "role", None)  # commitment, status, scope: where the model has it
    return {
        "plan_id": plan_id,
        "item": item,
        "section": section,
        "target": ordinal,
        "area": area,
        "indicator": indicator,
        "kind": target.kind.value,
        "role": None if role is None else str(_value(role)),
        "text": target.text,
        "value": value,
        "unit": quantity.unit if quantity else None,
        "comparator": target.comparator.value,
        "baseline_value": baseline_value,
        "baseline_unit": baseline.unit if baseline else None,
        "baseline_year": target.baseline_year,
        "direction": target.direction.value if target.direction else None,
        "deadline": deadline.date if deadline else None,
        "deadline_kind": deadline.kind.value if deadline else None,
        "start": target.span.start,
        "end": target.span.end,
    }


def _sections(sections: tuple[Section, ...], prefix: str = "") -> list[tuple[str, Section]]:
    found: list[tuple[str, Section]] = []
    for section in sections:
        path = f"{prefix}{section.ordinal}"
        found.append((path, section))
        found.extend(_sections(section.subsections, f"{path}."))
    return found


def _assignments(
    plan_id: str, item: str, action: Action, registry: AgencyRegistry
) -> list[dict[str, Any]]:
    rows = []
    for role, agencies in (
        ("lead", action.lead_agencies),
        ("cooperating", action.cooperating_agencies),
    ):
        for position, agency in enumerate(agencies, 1):
            entry = registry.resolve(agency.name)
            rows.append(
                {
                    "plan_id": plan_id,
                    "item": item,
                    "role": role,
                    "position": position,
                    "agency": agency.name,
                    "agency_official": agency.name if entry is None else entry.name,
                    "known": entry is not None,
                }
            )
    return rows


def plan_rows(
    plan: Plan,
    plan_id: str,
    *,
    path: str | None = None,
    registry: AgencyRegistry | None = None,
) -> Rows:
    """Return the rows `plan` gives every table but ``files``, keyed by `plan_id`.

    Items are keyed "measure.action" ("14.2"), qualified by the area ("2-1.1") in plans whose
    keys repeat; targets by their item (or, for a body section's targets, the section's
    ordinals such as "3.1") and their position in it. Offsets (`start`, `end`) index
    ``plan.source.text``.
    """
    registry = registry_for(plan) if registry is None else registry
    indicators = default_indicator_map()
    text = plan.source.text if plan.source is not None else ""
    rows: Rows = {name: [] for name in TABLES if name != "files"}
    problems: list[dict[str, Any]] = []

    for area in plan.areas:
        indicator = indicators.for_area(area.title)
        rows["areas"].append(
            {
                "plan_id": plan_id,
                "area": area.ordinal,
                "title": area.title,
                "indicator": indicator.key if indicator else None,
                "indicator_title": indicator.title if indicator else None,
                "measures": len(area.measures),
                "actions": len(area.actions),
                "start": area.span.start,
                "end": area.span.end,
            }
        )
        for measure in area.measures:
            rows["measures"].append(
                {
                    "plan_id": plan_id,
                    "area": area.ordinal,
                    "measure": measure.number,
                    "title": measure.title,
                    "sub_indices": [ref.index.name for ref in indicators.indices_in(measure.title)],
                    "actions": len(measure.actions),
                    "start": measure.span.start,
                    "end": measure.span.end,
                }
            )

    for item, entry in zip(_item_keys(plan), entries(plan), strict=True):
        action = entry.action
        indicator = indicators.for_area(entry.area.title)
        indicator_key = indicator.key if indicator else None
        dates = sorted(d.date for d in action.deadlines if d.date is not None)
        rows["actions"].append(
            {
                "plan_id": plan_id,
                "item": item,
                "area": entry.area.ordinal,
                "measure": entry.measure.number,
                "action": action.number,
                "indicator": indicator_key,
                "text": action.text,
                "lead_agencies": [agency.name for agency in action.lead_agencies],
                "cooperating_agencies": [agency.name for agency in action.cooperating_agencies],
                "due": dates[0] if dates else None,
                "targets": len(action.targets),
                "start": action.span.start,
                "end": action.span.end,
            }
        )
        rows["assignments"].extend(_assignments(plan_id, item, action, registry))
        rows["targets"].extend(
            _target_row(
                plan_id,
                target,
                ordinal,
                item=item,
                section=None,
                area=entry.area.ordinal,
                indicator=indicator_key,
                problems=problems,
            )
            for ordinal, target in enumerate(action.targets, 1)
        )
    for path_key, section in _sections(plan.sections):
        rows["targets"].extend(
            _target_row(
                plan_id,
                target,
                ordinal,
                item=None,
                section=path_key,
                area=None,
                indicator=None,
                problems=problems,
            )
            for ordinal, target in enumerate(section.targets, 1)
        )

    diagnostics = [
        {
            "severity": d.severity.value,
            "code": d.code,
            "message": d.message,
            "start": d.span.start,
            "end": d.span.end,
        }
        for d in plan.diagnostics
    ]
    for diagnostic in [*diagnostics, *problems]:
        line, column = line_and_column(text, diagnostic["start"])
        rows["diagnostics"].append(
            {
                "plan_id": plan_id,
                "severity": diagnostic["severity"],
                "code": diagnostic["code"],
                "message": diagnostic["message"],
                "line": line,
                "column": column,
                "start": diagnostic["start"],
                "end": diagnostic["end"],
                "text": text[diagnostic["start"] : diagnostic["end"]],
            }
        )

    source = plan.source
    rows["plans"].append(
        {
            "plan_id": plan_id,
            "path": path if path is not None else (source.path if source else None),
            "format": source.format if source else None,
            "encoding": source.encoding if source else None,
            "title": plan.title.text,
            "document_number": plan.document_number,
            "issuer": plan.issuer,
            "issue_date": plan.issue_date,
            "areas": len(plan.areas),
            "measures": len(plan.measures),
            "actions": len(rows["actions"]),
            "targets": len(rows["targets"]),
            "warnings": len(plan.warnings),
            # Severity "error": a plan recovered from text it could not read whole (no title, cut).
            "errors": sum(d.severity.value == "error" for d in plan.diagnostics),
            "characters": len(text),
        }
    )
    return rows


def python_value(kind: str, value: Any) -> Any:
    """Return a JSON value of column type `kind` as the Python value the rows hold."""
    if value is None:
        return None
    if kind == "decimal":
        return Decimal(value)
    if kind == "date":
        return datetime.date.fromisoformat(value)
    return value


def json_value(value: Any) -> Any:
    """Return a row's value as JSON writes it: decimals as strings, dates in ISO form."""
    if isinstance(value, Decimal):
        return format(value, "f")  # 20000, not 2E+4
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value
