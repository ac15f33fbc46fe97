"""Hypothesis strategies for every model type, and for plans that can be written as a Word export.

Two families:

* ``any_*``: any valid value of a model type (spans anywhere, free text), for round trips of the
  types themselves (equality, hashing, evolve; JSON later);
* ``table_plans()``: plans whose texts obey the rules a real table export obeys (no tabs or line
  breaks inside a cell, item texts that do not begin like a marker, ...), so that
  ``render.table_export(plan)`` writes a document the parser must read back to the same plan.
  Their spans are placeholders: the properties compare plans with spans erased.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import attrs
from hypothesis import strategies as st

from yingshang.model import (
    Action,
    Agency,
    Area,
    Attachment,
    Comparator,
    Deadline,
    DeadlineKind,
    Diagnostic,
    Direction,
    Measure,
    Notice,
    Plan,
    Quantity,
    Section,
    Severity,
    Snippet,
    Source,
    Span,
    Target,
    TargetKind,
)

# --- any value of each type ----------------------------------------------------------------------


@st.composite
def any_span(draw: st.DrawFn) -> Span:
    start = draw(st.integers(0, 10**6))
    return Span(start, start + draw(st.integers(0, 10**4)))


any_text = st.text(max_size=40)
any_snippet = st.builds(Snippet, any_text, any_span())
any_agency = st.builds(Agency, any_text, any_span())
any_diagnostic = st.builds(
    Diagnostic,
    st.sampled_from(Severity),
    st.sampled_from(["unparsed", "export-artifact"]),
    any_text,
    any_span(),
)
any_decimal = st.decimals(
    allow_nan=False, allow_infinity=False, places=4, min_value=-(10**9), max_value=10**12
)
any_quantity = st.builds(
    Quantity,
    any_decimal,
    st.sampled_from(["个工作日", "日", "个月", "%", "个百分点", "元/吨", "万人次"]),
)
any_date = st.dates(datetime.date(1990, 1, 1), datetime.date(2100, 12, 31))
any_deadline = st.builds(
    Deadline,
    kind=st.sampled_from(DeadlineKind),
    date=st.none() | any_date,
    year=st.none() | st.integers(1990, 2100),
    month=st.none() | st.integers(1, 12),
    day=st.none() | st.integers(1, 31),
    offset=st.none() | any_quantity,
)
any_target = st.builds(
    Target,
    kind=st.sampled_from(TargetKind),
    text=any_text,
    span=any_span(),
    quantity=st.none() | any_quantity,
    comparator=st.sampled_from(Comparator),
    baseline=st.none() | any_quantity,
    direction=st.none() | st.sampled_from(Direction),
    deadline=st.none() | any_deadline,
    baseline_year=st.none() | st.integers(1990, 2100),
)
_small = {"max_size": 3}
any_action = st.builds(
    Action,
    number=st.integers(1, 99),
    text=any_text,
    span=any_span(),
    marker=st.none() | any_snippet,
    lead_agencies=st.lists(any_agency, **_small).map(tuple),
    cooperating_agencies=st.lists(any_agency, **_small).map(tuple),
    targets=st.lists(any_target, **_small).map(tuple),
    agencies_inferred=st.booleans(),
)
any_measure = st.builds(
    Measure,
    number=st.integers(1, 999),
    title=any_text,
    span=any_span(),
    actions=st.lists(any_action, **_small).map(tuple),
    repeated_at=st.lists(any_span(), max_size=2).map(tuple),
)
any_area = st.builds(
    Area,
    ordinal=st.integers(1, 99),
    title=any_text,
    span=any_span(),
    measures=st.lists(any_measure, max_size=2).map(tuple),
    repeated_at=st.lists(any_span(), max_size=2).map(tuple),
)
any_section: st.SearchStrategy[Section] = st.deferred(
    lambda: st.builds(
        Section,
        ordinal=st.integers(1, 20),
        title=any_text,
        span=any_span(),
        paragraphs=st.lists(any_snippet, **_small).map(tuple),
        subsections=st.lists(any_section, max_size=2).map(tuple),
        targets=st.lists(any_target, max_size=2).map(tuple),
    )
)
any_notice = st.builds(
    Notice,
    span=any_span(),
    title=st.none() | any_snippet,
    document_number=st.none() | any_snippet,
    recipients=st.none() | any_snippet,
    paragraphs=st.lists(any_snippet, **_small).map(tuple),
    issuer=st.none() | any_snippet,
    issue_date=st.none() | any_date,
    issue_date_text=st.none() | any_snippet,
    remarks=st.lists(any_snippet, max_size=2).map(tuple),
)
any_attachment = st.builds(
    Attachment,
    span=any_span(),
    label=st.none() | any_snippet,
    title=st.none() | any_snippet,
    headers=st.lists(any_snippet, **_small).map(tuple),
)
any_source = st.builds(
    Source,
    text=any_text,
    path=st.none() | any_text,
    format=st.sampled_from(["text", "docx", "html", "pdf"]),
    encoding=st.none() | st.sampled_from(["utf-8", "gb18030", "big5", "utf-16"]),
)
any_plan = st.builds(
    Plan,
    title=any_snippet,
    span=any_span(),
    notice=st.none() | any_notice,
    preamble=st.lists(any_snippet, max_size=2).map(tuple),
    sections=st.lists(any_section, max_size=2).map(tuple),
    attachment_references=st.lists(any_snippet, max_size=2).map(tuple),
    attachment=st.none() | any_attachment,
    areas=st.lists(any_area, max_size=2).map(tuple),
    diagnostics=st.lists(any_diagnostic, max_size=2).map(tuple),
    source=st.none() | any_source,
)

#: One strategy per model type, for properties that must hold of every type.
ANY_VALUE: dict[type, st.SearchStrategy[Any]] = {
    Span: any_span(),
    Snippet: any_snippet,
    Agency: any_agency,
    Diagnostic: any_diagnostic,
    Quantity: any_quantity,
    Deadline: any_deadline,
    Target: any_target,
    Action: any_action,
    Measure: any_measure,
    Area: any_area,
    Section: any_section,
    Notice: any_notice,
    Attachment: any_attachment,
    Source: any_source,
    Plan: any_plan,
}

# --- plans a table export can hold ---------------------------------------------------------------

NO_SPAN = Span(0, 0)

# Characters that open a sentence: Chinese, but no numeral (which could read as a heading's
# ordinal) and not 附 (which could read as an attachment's label).
_OPENING = (
    "的是在有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发动同工也能下过子说"
    "产种面而方后多定行学法所民得经市局委办厅院司部署企业开办推行实施建立完善"
)
_INNER = _OPENING + "一二三四五六七八九十百千万零两，、；：“”《》（）%.+-/0123456789ABCXYZabcxyz "
_AGENCY_CHARS = "市区县省局委办厅院司部署中心公司管理服务发展改革监督总队银行政府能源交通"


def _phrase(min_size: int, max_size: int, end: str = "") -> st.SearchStrategy[str]:
    return st.builds(
        lambda first, rest: first + rest.rstrip() + end,
        st.sampled_from(_OPENING),
        st.text(_INNER, min_size=max(0, min_size - 1), max_size=max_size - 1),
    )


title_text = _phrase(2, 20)
sentence_text = _phrase(2, 60, end="。")
agency_name = st.text(_AGENCY_CHARS, min_size=2, max_size=12)
# A heading's title stops at its first 。, so none may hold one.
heading_title = st.text(_OPENING, min_size=2, max_size=12)


def _snippet(text: str) -> Snippet:
    return Snippet(text, NO_SPAN)


@st.composite
def table_measure(draw: st.DrawFn, number: int) -> Measure:
    """Return a measure whose actions come in rows, each row with its own agencies."""
    numbered = draw(st.booleans())
    count = draw(st.integers(1, 5)) if numbered else 1
    rows: list[int] = []
    remaining = count
    while remaining:
        size = draw(st.integers(1, remaining))
        rows.append(size)
        remaining -= size
    actions: list[Action] = []
    position = 0
    for size in rows:
        lead = tuple(
            Agency(n, NO_SPAN) for n in draw(st.lists(agency_name, min_size=1, max_size=3))
        )
        cooperating = tuple(Agency(n, NO_SPAN) for n in draw(st.lists(agency_name, max_size=3)))
        for _ in range(size):
            position += 1
            actions.append(
                Action(
                    number=position,
                    text=draw(sentence_text),
                    span=NO_SPAN,
                    marker=_snippet(f"（{position}）") if numbered else None,
                    lead_agencies=lead,
                    cooperating_agencies=cooperating,
                )
            )
    # render.table_export gives each action a row of its own when a heading repeats.
    repeats = draw(st.integers(0, len(actions) - 1))
    return Measure(
        number=number,
        title=draw(title_text),
        span=NO_SPAN,
        actions=tuple(actions),
        repeated_at=(NO_SPAN,) * repeats,
    )


@st.composite
def table_plans(draw: st.DrawFn) -> Plan:
    """Build a plan with a notice, body sections and a table that `render.table_export` writes."""
    title = draw(title_text) + draw(st.sampled_from(["工作方案", "行动方案", "实施方案"]))
    issuer = draw(st.text(_AGENCY_CHARS, min_size=2, max_size=12))
    # The parser reads a 文号's year as 19xx or 20xx, which every real one is.
    date = draw(st.dates(datetime.date(1990, 1, 1), datetime.date(2099, 12, 31)))
    notice = Notice(
        span=NO_SPAN,
        title=_snippet(f"{issuer}关于印发{title}的通知"),
        document_number=_snippet(
            f"{draw(st.text('渝府办发京沪', min_size=2, max_size=5))}"
            f"〔{date.year}〕{draw(st.integers(1, 300))}号"
        ),
        recipients=_snippet("、".join(draw(st.lists(agency_name, min_size=1, max_size=3))) + "："),
        paragraphs=tuple(
            _snippet(p) for p in draw(st.lists(sentence_text, min_size=1, max_size=2))
        ),
        issuer=_snippet(issuer),
        issue_date=date,
        issue_date_text=_snippet(f"{date.year}年{date.month}月{date.day}日"),
        remarks=(_snippet("（此件公开发布）"),) if draw(st.booleans()) else (),
    )
    sections = []
    for ordinal in range(1, draw(st.integers(1, 3)) + 1):
        subsections = tuple(
            Section(
                ordinal=sub,
                title=draw(heading_title),
                span=NO_SPAN,
                paragraphs=tuple(_snippet(p) for p in draw(st.lists(sentence_text, max_size=2))),
            )
            for sub in range(1, draw(st.integers(0, 3)) + 1)
        )
        sections.append(
            Section(
                ordinal=ordinal,
                title=draw(heading_title),
                span=NO_SPAN,
                paragraphs=tuple(_snippet(p) for p in draw(st.lists(sentence_text, max_size=2))),
                subsections=subsections,
            )
        )
    areas = []
    number = 0
    for ordinal in range(1, draw(st.integers(1, 4)) + 1):
        measures = []
        for _ in range(draw(st.integers(1, 3))):
            number += 1
            measures.append(draw(table_measure(number)))
        areas.append(
            Area(
                ordinal=ordinal,
                title=draw(title_text),
                span=NO_SPAN,
                measures=tuple(measures),
                # A heading repeats on a later row, so only an area of two rows or more can.
                repeated_at=(NO_SPAN,)
                * draw(st.integers(0, int(sum(len(m.actions) for m in measures) >= 2))),
            )
        )
    attachment_title = draw(title_text)
    headers = ("目标任务", "工作措施", "牵头单位", "配合单位")
    return Plan(
        title=_snippet(title),
        span=NO_SPAN,
        notice=notice,
        preamble=tuple(_snippet(p) for p in draw(st.lists(sentence_text, max_size=2))),
        sections=tuple(sections),
        attachment_references=(_snippet(f"附件：{attachment_title}"),),
        attachment=Attachment(
            span=NO_SPAN,
            label=_snippet("附件"),
            title=_snippet(attachment_title),
            headers=tuple(_snippet(h) for h in headers),
        ),
        areas=tuple(areas),
    )


# Inline items end with a bracket of agencies, so their own text holds no bracket.
_INLINE_INNER = _INNER.replace("（", "").replace("）", "")
inline_sentence = st.builds(
    lambda first, rest: first + rest.rstrip() + "。",
    st.sampled_from(_OPENING),
    st.text(_INLINE_INNER, max_size=40),
)


@st.composite
def inline_plans(draw: st.DrawFn) -> Plan:
    """Build a plan that `render.inline_export` writes with its measures in the body."""
    sections = tuple(
        Section(ordinal, draw(heading_title), NO_SPAN, (_snippet(draw(sentence_text)),))
        for ordinal in range(1, draw(st.integers(1, 2)) + 1)
    )
    tasks = Section(len(sections) + 1, "重点任务", NO_SPAN)
    areas = []
    number = 0
    for ordinal in range(1, draw(st.integers(1, 3)) + 1):
        measures = []
        for _ in range(draw(st.integers(1, 3))):
            number += 1
            actions = tuple(
                Action(
                    number=position,
                    text=draw(inline_sentence),
                    span=NO_SPAN,
                    lead_agencies=tuple(
                        Agency(n, NO_SPAN)
                        for n in draw(st.lists(agency_name, min_size=1, max_size=3))
                    ),
                    cooperating_agencies=tuple(
                        Agency(n, NO_SPAN) for n in draw(st.lists(agency_name, max_size=2))
                    ),
                )
                for position in range(1, draw(st.integers(1, 3)) + 1)
            )
            measures.append(Measure(number, draw(heading_title), NO_SPAN, actions))
        areas.append(Area(ordinal, draw(heading_title), NO_SPAN, tuple(measures)))
    return Plan(
        title=_snippet(draw(title_text) + "行动方案"),
        span=NO_SPAN,
        preamble=(_snippet(draw(sentence_text)),),
        sections=(*sections, tasks),
        areas=tuple(areas),
    )


def erase_spans(value: Any) -> Any:
    """Return `value` with every span replaced by ``Span(0, 0)``, to compare plans spans aside.

    A plan's source goes too: the text that spans slice is what differs between two layouts.
    """
    if isinstance(value, Span):
        return NO_SPAN
    if isinstance(value, Source):
        return None
    if isinstance(value, tuple):
        return tuple(erase_spans(item) for item in value)
    if attrs.has(type(value)):
        changes = {
            field.name: erase_spans(getattr(value, field.name))
            for field in attrs.fields(type(value))
        }
        return attrs.evolve(value, **changes)
    return value


def map_actions(plan: Plan, change: Callable[[Action], Action]) -> Plan:
    """Return `plan` with `change` applied to every action item."""
    areas = tuple(
        attrs.evolve(
            area,
            measures=tuple(
                attrs.evolve(measure, actions=tuple(change(a) for a in measure.actions))
                for measure in area.measures
            ),
        )
        for area in plan.areas
    )
    return attrs.evolve(plan, areas=areas)


def spanned_nodes(value: Any) -> list[Any]:
    """Return every attrs node inside `value` (itself included) that has a `span`."""
    found: list[Any] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, tuple):
            stack.extend(item)
        elif attrs.has(type(item)) and not isinstance(item, Span):
            if hasattr(item, "span"):
                found.append(item)
            stack.extend(getattr(item, f.name) for f in attrs.fields(type(item)))
    return found


def all_spans(value: Any) -> list[Span]:
    """Return every span inside `value`, the `repeated_at` ones included."""
    spans: list[Span] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, Span):
            spans.append(item)
        elif isinstance(item, tuple):
            stack.extend(item)
        elif attrs.has(type(item)):
            stack.extend(getattr(item, f.name) for f in attrs.fields(type(item)))
    return spans


__all__ = [
    "ANY_VALUE",
    "NO_SPAN",
    "all_spans",
    "erase_spans",
    "inline_plans",
    "map_actions",
    "spanned_nodes",
    "table_plans",
]
