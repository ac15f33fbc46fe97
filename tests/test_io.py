"""JSON round trips are lossless, exports validate against the shipped schema, records are flat."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import yingshang
from yingshang import io
from yingshang.model import Plan, Span, TargetRole

from .strategies import ANY_VALUE

PLAN = yingshang.datasets.chongqing_2019()
VALIDATOR = jsonschema.Draft202012Validator(io.shipped_schema())


def test_every_model_type_has_a_strategy() -> None:
    assert set(ANY_VALUE) == set(io.MODEL_TYPES.values())


@pytest.mark.parametrize("kind", list(ANY_VALUE), ids=lambda kind: kind.__name__)
@given(data=st.data())
def test_json_round_trip_is_lossless(kind: type, data: st.DataObject) -> None:
    value: Any = data.draw(ANY_VALUE[kind])
    text = io.to_json(value)
    assert io.from_json(text, kind) == value
    assert io.from_json(text) == value  # the document names its own type
    if isinstance(value, Plan):  # the source takes no part in equality: check it apart
        assert io.from_json(text, Plan).source == value.source
    VALIDATOR.validate(json.loads(text))


def test_the_chongqing_plan_round_trips_and_validates() -> None:
    text = io.to_json(PLAN, indent=2)
    assert io.from_json(text, Plan) == PLAN
    VALIDATOR.validate(json.loads(text))
    assert "渝府办发〔2019〕81号" in text  # Chinese is kept, not escaped


def test_the_shipped_schema_is_the_one_the_code_defines() -> None:
    # Regenerate with: python -c "import json, yingshang.io as m; print(json.dumps(
    #   m.json_schema(), ensure_ascii=False, indent=2))" > src/yingshang/data/schema-v2.json
    assert io.shipped_schema() == io.json_schema()
    jsonschema.Draft202012Validator.check_schema(io.shipped_schema())


def test_the_schema_rejects_what_the_converter_rejects() -> None:
    document = json.loads(io.to_json(Span(1, 2)))
    document["data"]["middle"] = 3
    assert not VALIDATOR.is_valid(document)
    with pytest.raises(io.SerializationError):
        io.from_data(document["data"], Span)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not JSON"),
        ("[]", "format"),
        ('{"format": "yingshang", "version": 99, "type": "Span", "data": {}}', "version"),
        ('{"format": "yingshang", "version": 1, "type": "Plan", "data": {}}', "Span document"),
        ('{"format": "yingshang", "version": 1, "type": "Span"}', 'no "data"'),
        ('{"format": "yingshang", "version": 1, "type": "Span", "data": {"start": 5}}', "Span"),
        (
            '{"format": "yingshang", "version": 1, "type": "Span", "data": {"start": 5, "end": 1}}',
            "before its start",
        ),
    ],
)
def test_bad_documents_raise_serialization_error(text: str, message: str) -> None:
    with pytest.raises(io.SerializationError, match=message):
        io.from_json(text, Span)


def test_bad_decimals_and_dates_are_refused() -> None:
    quantity = {"value": "abc", "unit": "%"}
    with pytest.raises(io.SerializationError, match="decimal"):
        io.from_data(quantity, yingshang.Quantity)
    deadline = {"kind": "by_end_of", "date": "2019-13-45"}
    with pytest.raises(io.SerializationError, match="date"):
        io.from_data(deadline, yingshang.Deadline)


def test_action_records_have_stable_columns_and_one_row_per_item() -> None:
    rows = io.action_records(PLAN)
    assert len(rows) == len(PLAN.actions)
    assert all(tuple(row) == io.ACTION_COLUMNS for row in rows)
    first = rows[0]
    assert first["item"] == "1.1"
    assert first["lead_agencies"] == "市市场监管局"
    assert first["lead_agencies_official"] == "重庆市市场监督管理局"
    assert first["indicator"] == "starting_a_business"
    assert first["cooperating_agencies"] == "市公安局、市人力社保局、重庆市税务局"
    text = yingshang.datasets.chongqing_2019_text()
    assert all(text[row["start"] : row["end"]] == row["text"] for row in rows)


def test_target_records_have_stable_columns() -> None:
    rows = io.target_records(PLAN)
    commitments = [t for a in PLAN.actions for t in a.targets if t.role is TargetRole.COMMITMENT]
    assert len(rows) == len(commitments)
    assert all(tuple(row) == io.TARGET_COLUMNS for row in rows)
    # role=None exports every target; a role exports only the targets that have it.
    assert len(io.target_records(PLAN, role=None)) == sum(len(a.targets) for a in PLAN.actions)
    scopes = io.target_records(PLAN, role=TargetRole.SCOPE)
    assert scopes
    assert {row["role"] for row in scopes} == {"scope"}


def test_to_dataframe_needs_pandas() -> None:
    try:
        import pandas
    except ImportError:
        with pytest.raises(io.MissingDependencyError, match="yingshang\\[pandas\\]"):
            io.to_dataframe(io.action_records(PLAN))
        return
    frame = io.to_dataframe(io.action_records(PLAN))
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == list(io.ACTION_COLUMNS)
    assert len(frame) == len(PLAN.actions)


def test_to_json_refuses_what_is_not_a_model_object() -> None:
    with pytest.raises(io.SerializationError, match="model object"):
        io.to_json({"a": 1})


def test_from_json_checks_the_type_it_is_given() -> None:
    text = io.to_json(Span(1, 2))
    with pytest.raises(io.SerializationError, match="expected a Plan document, found 'Span'"):
        io.from_json(text, Plan)


def _as_version_1(text: str) -> str:
    """Write a version-2 document as version 1 did: agencies were "units"."""
    document = json.loads(text)
    document["version"] = 1
    renamed = (
        text.replace('"lead_agencies"', '"lead_units"')
        .replace('"cooperating_agencies"', '"cooperating_units"')
        .replace('"no-lead-agency"', '"no-lead-unit"')
    )
    old = json.loads(renamed)
    old["version"] = 1
    return json.dumps(old, ensure_ascii=False)


def test_a_version_1_document_is_read() -> None:
    old = _as_version_1(io.to_json(PLAN))
    assert '"lead_units"' in old
    assert '"no-lead-unit"' in old
    assert "lead_agencies" not in old
    read = io.from_json(old, Plan)
    assert read == PLAN
    assert [d.code for d in read.diagnostics] == [d.code for d in PLAN.diagnostics]


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"format": "yingshang", "version": 2, "type": "Span", "data": ' + "9" * 5_000 + "}",
        '{"format": "yingshang", "version": 2, "type": "Section", "data": '
        + '{"ordinal": 1, "title": "", "span": {"start": 0, "end": 0}, "subsections": ['
        * 3_000
        + "]}" * 3_000
        + "}",
        b"\xff\xfe\x00",
    ],
    ids=["nested-arrays", "huge-integer", "nested-sections", "not-utf8"],
)
def test_hostile_json_raises_serialization_error(text: str | bytes) -> None:
    with pytest.raises(io.SerializationError):
        io.from_json(text)
