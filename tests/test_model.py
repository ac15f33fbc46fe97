"""Every model type is a frozen value: equal to its evolve-copy, hashable, immutable."""

from __future__ import annotations

import pickle
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from yingshang.model import Action, Agency, Plan, Quantity, Snippet, Span, _split_recipients

from .strategies import ANY_VALUE


@pytest.mark.parametrize("kind", list(ANY_VALUE), ids=lambda kind: kind.__name__)
@given(data=st.data())
def test_every_model_type_round_trips_through_evolve_equality_and_hash(
    kind: type, data: st.DataObject
) -> None:
    value: Any = data.draw(ANY_VALUE[kind])
    copy = attrs.evolve(value)
    assert copy == value
    assert hash(copy) == hash(value)
    assert {value: 1}[copy] == 1
    unpickled = pickle.loads(pickle.dumps(value))
    assert unpickled == value
    # every field, those that take no part in == (a plan's source) too
    for field in attrs.fields(kind):
        assert getattr(unpickled, field.name) == getattr(value, field.name), field.name
    field = attrs.fields(kind)[0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(value, field.name, getattr(value, field.name))


@pytest.mark.parametrize("kind", list(ANY_VALUE), ids=lambda kind: kind.__name__)
def test_every_model_type_holds_tuples_not_lists(kind: type) -> None:
    for field in attrs.fields(kind):
        assert "list" not in str(field.type), field


@given(ANY_VALUE[Action], st.text(min_size=1, max_size=5))
def test_changing_a_field_changes_equality(action: Action, extra: str) -> None:
    assert attrs.evolve(action, text=action.text + extra) != action


def test_span_rejects_negative_and_reversed_offsets() -> None:
    with pytest.raises(ValueError, match="start"):
        Span(5, 3)
    with pytest.raises(ValueError, match=">= 0"):
        Span(-1, 3)
    assert len(Span(3, 7)) == 4
    assert Span(0, 10).contains(Span(2, 3))
    assert not Span(2, 3).contains(Span(0, 10))


def test_quantity_values_are_exact_decimals() -> None:
    assert Quantity("3.25", "元/吨").value == Decimal("3.25")  # type: ignore[arg-type]
    assert Quantity(Decimal("0.1") * 3, "%") == Quantity(Decimal("0.3"), "%")


def test_recipients_split_at_top_level_commas_only() -> None:
    assert _split_recipients("各区县（自治县，含开发区）人民政府，市政府各部门，有关单位：") == (
        "各区县（自治县，含开发区）人民政府",
        "市政府各部门",
        "有关单位",
    )


def test_plan_shortcuts_without_a_notice_or_table() -> None:
    plan = Plan(title=Snippet("某市营商环境工作方案", Span(0, 10)), span=Span(0, 10))
    assert plan.document_number is None
    assert plan.issuer is None
    assert plan.issue_date is None
    assert plan.recipients == ()
    assert plan.areas == ()
    assert plan.actions == ()


def test_action_agencies_and_deadlines() -> None:
    lead = Agency("市财政局", Span(0, 4))
    helper = Agency("市税务局", Span(5, 9))
    action = Action(1, "x", Span(0, 1), lead_agencies=(lead,), cooperating_agencies=(helper,))
    assert action.agencies == (lead, helper)
    assert action.deadlines == ()
