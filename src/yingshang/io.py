"""Make the model travel: versioned JSON through cattrs, a JSON Schema, and flat records.

JSON is lossless: ``from_json(to_json(x), type(x)) == x`` for every model object. Dates are ISO
strings, decimals are strings (exact), enums their values, tuples arrays. A document carries its
format and version::

    {"format": "yingshang", "version": 2, "type": "Plan", "data": {...}}

Version 2 names the responsible bodies agencies (``lead_agencies``); `from_json` still reads
version 1 documents, which called them units.

Records are flat rows with stable column names, one per action item (`action_records`) or per
target (`target_records`), ready for ``pandas.DataFrame(rows)`` or a CSV writer.
"""

from __future__ import annotations

import datetime
import enum
import functools
import json
import types
import typing
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from importlib import resources
from typing import Any, TypeVar

import attrs
import cattrs

from . import model
from .errors import MissingDependencyError, YingshangError
from .indicators import default_indicator_map
from .model import Plan
from .registry import AgencyRegistry, registry_for

__all__ = [
    "ACTION_COLUMNS",
    "FORMAT",
    "FORMAT_VERSION",
    "MODEL_TYPES",
    "TARGET_COLUMNS",
    "MissingDependencyError",
    "SerializationError",
    "action_records",
    "converter",
    "from_data",
    "from_json",
    "json_schema",
    "shipped_schema",
    "target_record",
    "target_records",
    "to_data",
    "to_dataframe",
    "to_json",
]

FORMAT = "yingshang"
FORMAT_VERSION = 2

# What version 1 called the fields and diagnostic codes that version 2 renamed.
_V1_FIELDS = {"lead_units": "lead_agencies", "cooperating_units": "cooperating_agencies"}
_V1_CODES = {"no-lead-unit": "no-lead-agency", "units-without-action": "agencies-without-action"}

#: Every model type that JSON can carry, by the name a document's "type" gives.
MODEL_TYPES: dict[str, type] = {
    kind.__name__: kind
    for kind in (
        model.Span,
        model.Snippet,
        model.Agency,
        model.Diagnostic,
        model.Quantity,
        model.Deadline,
        model.Target,
        model.Action,
        model.Measure,
        model.Area,
        model.Section,
        model.Notice,
        model.Attachment,
        model.Source,
        model.Plan,
    )
}

T = TypeVar("T")


class SerializationError(YingshangError, ValueError):
    """JSON that is not a yingshang document of the expected type and version."""


def _structure_decimal(value: object, _: type) -> Decimal:
    if not isinstance(value, str | int):
        raise SerializationError(f"expected a decimal as a string, found {value!r}")
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise SerializationError(f"expected a decimal, found {value!r}") from None
    if not number.is_finite():
        raise SerializationError(f"expected a finite decimal, found {value!r}")
    return number


def _structure_date(value: object, _: type) -> datetime.date:
    if not isinstance(value, str):
        raise SerializationError(f"expected an ISO date string, found {value!r}")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise SerializationError(f"expected an ISO date (YYYY-MM-DD), found {value!r}") from None


@functools.cache
def converter() -> cattrs.Converter:
    """Return the cattrs converter that turns model objects into JSON-ready data and back."""
    result = cattrs.Converter(forbid_extra_keys=True)
    result.register_unstructure_hook(Decimal, str)
    result.register_structure_hook(Decimal, _structure_decimal)
    result.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    result.register_structure_hook(datetime.date, _structure_date)
    for kind in MODEL_TYPES.values():
        attrs.resolve_types(kind)
    return result


def to_data(obj: object) -> Any:
    """Return `obj` (a model object) as plain data: dicts, lists, strings, numbers, None."""
    return converter().unstructure(obj)


def from_data(data: Any, kind: type[T]) -> T:
    """Build a `kind` from plain data; raises `SerializationError` when the data does not fit."""
    try:
        return converter().structure(data, kind)
    except SerializationError:
        raise
    except RecursionError:
        raise SerializationError(
            f"data is not a valid {kind.__name__}: nested too deeply"
        ) from None
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as error:
        detail = "; ".join(_describe(error))
        raise SerializationError(f"data is not a valid {kind.__name__}: {detail}") from None


def _leaves(error: BaseException) -> list[BaseException]:
    if isinstance(error, cattrs.BaseValidationError):
        return [leaf for inner in error.exceptions for leaf in _leaves(inner)]
    return [error]


def _describe(error: BaseException) -> list[str]:
    # cattrs says where ("@ $.value"), the leaf exceptions say what (a span's end before start).
    where = cattrs.transform_error(error) if isinstance(error, cattrs.BaseValidationError) else []
    what = [str(leaf) for leaf in _leaves(error) if str(leaf)]
    return [*where, *what] or [repr(error)]


def to_json(obj: object, *, indent: int | None = None) -> str:
    """Return `obj` as a versioned yingshang JSON document (UTF-8 text, Chinese kept as is)."""
    name = type(obj).__name__
    if MODEL_TYPES.get(name) is not type(obj):
        raise SerializationError(f"to_json takes a model object, not {name}")
    document = {"format": FORMAT, "version": FORMAT_VERSION, "type": name, "data": to_data(obj)}
    return json.dumps(document, ensure_ascii=False, indent=indent)


@typing.overload
def from_json(text: str | bytes) -> Any: ...
@typing.overload
def from_json(text: str | bytes, kind: type[T]) -> T: ...
def from_json(text: str | bytes, kind: type[Any] | None = None) -> Any:
    """Read a yingshang JSON document, e.g. ``from_json(text)`` or ``from_json(text, Plan)``.

    The document names its own type; `kind`, when given, is checked against it. Documents of
    format version 1 (which called agencies "units") are read too.

    Raises `SerializationError` for text that is not JSON (or is nested too deeply to read),
    another format or version, or data that does not fit the type.
    """
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as error:  # JSONDecodeError, undecodable bytes, huge ints
        raise SerializationError(f"not JSON: {_first_line(error)}") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise SerializationError(f'expected a document with "format": "{FORMAT}"')
    version = document.get("version")
    if version not in (1, FORMAT_VERSION):
        raise SerializationError(
            f"expected format version 1 or {FORMAT_VERSION}, found {version!r}"
        )
    name = document.get("type")
    found = MODEL_TYPES.get(name) if isinstance(name, str) else None
    if found is None:
        raise SerializationError(f"expected a yingshang model type, found {name!r}")
    if kind is not None and kind is not found:
        raise SerializationError(f"expected a {kind.__name__} document, found {name!r}")
    if "data" not in document:
        raise SerializationError('the document has no "data"')
    data = document["data"]
    if version == 1:
        try:
            data = _upgrade_v1(data)
        except RecursionError:
            raise SerializationError("data nested too deeply to read") from None
    return from_data(data, found)


def _first_line(error: BaseException) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def _upgrade_v1(data: Any) -> Any:
    """Return version-1 data with the names version 2 gave the agencies' fields and codes."""
    if isinstance(data, dict):
        upgraded = {_V1_FIELDS.get(k, k): _upgrade_v1(v) for k, v in data.items()}
        code = upgraded.get("code")
        if isinstance(code, str) and code in _V1_CODES:
            upgraded["code"] = _V1_CODES[code]
        return upgraded
    if isinstance(data, list):
        return [_upgrade_v1(item) for item in data]
    return data


# --- JSON Schema ---------------------------------------------------------------------------------

_DECIMAL_PATTERN = r"^-?(\d+(\.\d*)?|\.\d+)(E[+-]?\d+)?$"
_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def _schema_for(annotation: Any) -> dict[str, Any]:
    origin = typing.get_origin(annotation)
    if origin in (types.UnionType, typing.Union):
        return {"anyOf": [_schema_for(arg) for arg in typing.get_args(annotation)]}
    if origin is tuple:
        item, *_ = typing.get_args(annotation)
        return {"type": "array", "items": _schema_for(item)}
    if annotation is type(None):
        return {"type": "null"}
    if annotation is str:
        return {"type": "string"}
    if annotation is bool:
        return {"type": "boolean"}
    if annotation is int:
        return {"type": "integer"}
    if annotation is Decimal:
        return {"type": "string", "pattern": _DECIMAL_PATTERN}
    if annotation is datetime.date:
        return {"type": "string", "format": "date", "pattern": _DATE_PATTERN}
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return {"enum": [member.value for member in annotation]}
    if attrs.has(annotation):
        return {"$ref": f"#/$defs/{annotation.__name__}"}
    raise TypeError(f"no JSON Schema for {annotation!r}")


def _class_schema(kind: type) -> dict[str, Any]:
    hints = typing.get_type_hints(kind)
    fields = attrs.fields(kind)
    return {
        "type": "object",
        "description": (kind.__doc__ or "").strip().splitlines()[0],
        "properties": {field.name: _schema_for(hints[field.name]) for field in fields},
        "required": [f.name for f in fields if f.default is attrs.NOTHING],
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (2020-12) of yingshang JSON documents, as the code defines them."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://yingshang.invalid/schema/v{FORMAT_VERSION}.json",
        "title": f"yingshang document, format version {FORMAT_VERSION}",
        "type": "object",
        "properties": {
            "format": {"const": FORMAT},
            "version": {"const": FORMAT_VERSION},
            "type": {"enum": list(MODEL_TYPES)},
            "data": {},
        },
        "required": ["format", "version", "type", "data"],
        "additionalProperties": False,
        "allOf": [
            {
                "if": {"properties": {"type": {"const": name}}},
                "then": {"properties": {"data": {"$ref": f"#/$defs/{name}"}}},
            }
            for name in MODEL_TYPES
        ],
        "$defs": {name: _class_schema(kind) for name, kind in MODEL_TYPES.items()},
    }


def shipped_schema() -> dict[str, Any]:
    """Return the JSON Schema file shipped in the package (``yingshang/data/schema-v2.json``)."""
    path = resources.files("yingshang").joinpath("data", f"schema-v{FORMAT_VERSION}.json")
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


# --- records -------------------------------------------------------------------------------------

ACTION_COLUMNS = (
    "item",
    "area_ordinal",
    "area_title",
    "indicator",
    "measure_number",
    "measure_title",
    "sub_indices",
    "action_number",
    "text",
    "lead_agencies",
    "cooperating_agencies",
    "lead_agencies_official",
    "cooperating_agencies_official",
    "due",
    "targets",
    "start",
    "end",
)

TARGET_COLUMNS = (
    "item",
    "area_ordinal",
    "area_title",
    "measure_number",
    "action_number",
    "kind",
    "text",
    "value",
    "unit",
    "comparator",
    "baseline_value",
    "baseline_unit",
    "direction",
    "role",
    "deadline",
    "deadline_kind",
    "lead_agencies",
    "start",
    "end",
)

Record = dict[str, Any]


def _names(agencies: Iterable[model.Agency]) -> str:
    return "、".join(agency.name for agency in agencies)


def _official(agencies: Iterable[model.Agency], registry: AgencyRegistry) -> str:
    return "、".join(registry.canonical_name(agency.name) for agency in agencies)


def action_records(plan: Plan, registry: AgencyRegistry | None = None) -> list[Record]:
    """Return one flat row per action item, with the columns of `ACTION_COLUMNS`.

    Agencies are joined with "、", as written and as the registry's official names; `indicator` is
    the key of the area's indicator and `sub_indices` the sub-indices the measure's title names.
    `due` is the earliest resolved deadline (a `datetime.date`) or None; `start`/`end` the
    item's span.
    """
    registry = registry_for(plan) if registry is None else registry
    indicators = default_indicator_map()
    qualified = plan.measure_numbers_repeat
    rows: list[Record] = []
    for area in plan.areas:
        indicator = indicators.for_area(area.title)
        for measure in area.measures:
            sub_indices = "、".join(ref.index.name for ref in indicators.indices_in(measure.title))
            for action in measure.actions:
                dates = sorted(d.date for d in action.deadlines if d.date is not None)
                rows.append(
                    {
                        "item": model.item_key(area, measure, action, qualified=qualified),
                        "area_ordinal": area.ordinal,
                        "area_title": area.title,
                        "indicator": indicator.key if indicator else None,
                        "measure_number": measure.number,
                        "measure_title": measure.title,
                        "sub_indices": sub_indices,
                        "action_number": action.number,
                        "text": action.text,
                        "lead_agencies": _names(action.lead_agencies),
                        "cooperating_agencies": _names(action.cooperating_agencies),
                        "lead_agencies_official": _official(action.lead_agencies, registry),
                        "cooperating_agencies_official": _official(
                            action.cooperating_agencies, registry
                        ),
                        "due": dates[0] if dates else None,
                        "targets": len(action.targets),
                        "start": action.span.start,
                        "end": action.span.end,
                    }
                )
    return rows


def target_records(
    plan: Plan, *, role: model.TargetRole | None = model.TargetRole.COMMITMENT
) -> list[Record]:
    """Return one flat row per target, with the columns of `TARGET_COLUMNS`.

    Only commitments by default; `role` picks status facts or scopes instead, None every target.
    `value` and `baseline_value` are exact `Decimal`s; enums are given by their values.
    """
    qualified = plan.measure_numbers_repeat
    return [
        target_record(area, measure, action, target, qualified=qualified)
        for area in plan.areas
        for measure in area.measures
        for action in measure.actions
        for target in action.targets
        if role is None or target.role is role
    ]


def target_record(
    area: model.Area,
    measure: model.Measure,
    action: model.Action,
    target: model.Target,
    *,
    qualified: bool = False,
) -> Record:
    """Return the flat row of one target of `action`, with the columns of `TARGET_COLUMNS`;
    `qualified`: its item's reference names the area (`model.item_key`)."""
    quantity, baseline, deadline = target.quantity, target.baseline, target.deadline
    return {
        "item": model.item_key(area, measure, action, qualified=qualified),
        "area_ordinal": area.ordinal,
        "area_title": area.title,
        "measure_number": measure.number,
        "action_number": action.number,
        "kind": target.kind.value,
        "text": target.text,
        "value": quantity.value if quantity else None,
        "unit": quantity.unit if quantity else None,
        "comparator": target.comparator.value,
        "baseline_value": baseline.value if baseline else None,
        "baseline_unit": baseline.unit if baseline else None,
        "direction": target.direction.value if target.direction else None,
        "role": target.role.value,
        "deadline": deadline.date if deadline else None,
        "deadline_kind": deadline.kind.value if deadline else None,
        "lead_agencies": _names(action.lead_agencies),
        "start": target.span.start,
        "end": target.span.end,
    }


def to_dataframe(records: Iterable[Mapping[str, Any]]) -> Any:
    """Return `records` as a `pandas.DataFrame`; needs pandas (``pip install 'yingshang[pandas]'``).

    Raises `MissingDependencyError` when pandas is not installed.
    """
    try:
        import pandas
    except ImportError:
        raise MissingDependencyError(
            "to_dataframe needs pandas: pip install 'yingshang[pandas]'"
        ) from None
    return pandas.DataFrame(list(records))
