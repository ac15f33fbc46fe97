"""Properties of the parser: round trips through the table layout, spans, totality."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import yingshang
from yingshang.extract import extract_targets
from yingshang.model import Action, Plan, Section, Span, Target
from yingshang.parse import clean_text

from .render import table_export
from .strategies import all_spans, erase_spans, map_actions, spanned_nodes, table_plans


def _text_of(node: object) -> str | None:
    for name in ("text", "name"):
        value = getattr(node, name, None)
        if isinstance(value, str):
            return value
    return None


def assert_spans_slice_back(plan: Plan, text: str) -> None:
    """Every span lies in the text, and every node with text slices back to it."""
    for span in all_spans(plan):
        assert 0 <= span.start <= span.end <= len(text)
    for node in spanned_nodes(plan):
        expected = _text_of(node)
        if expected is not None:
            assert clean_text(node.span.slice(text)) == expected, node


def uncovered(plan: Plan, text: str, start: int) -> list[tuple[int, str]]:
    """Return the non-blank characters from `start` on that no span of the plan covers."""
    covered = bytearray(len(text))
    for span in all_spans(plan):
        covered[span.start : span.end] = b"\x01" * len(span)
    return [
        (index, char)
        for index, char in enumerate(text)
        if index >= start and not covered[index] and not char.isspace()
    ]


def with_targets(plan: Plan) -> Plan:
    """Return `plan` with the targets the extractor finds in each item's and section's text."""
    issue_date = plan.issue_date

    def found(text: str) -> tuple[Target, ...]:
        return extract_targets(text, issue_date=issue_date)

    def fill(action: Action) -> Action:
        return attrs.evolve(action, targets=found(action.text))

    def fill_section(section: Section) -> Section:
        return attrs.evolve(
            section,
            targets=tuple(t for p in section.paragraphs for t in found(p.text)),
            subsections=tuple(fill_section(s) for s in section.subsections),
        )

    plan = attrs.evolve(plan, sections=tuple(fill_section(s) for s in plan.sections))
    return erase_spans(map_actions(plan, fill))


@given(table_plans())
def test_parse_reads_back_the_rendered_plan(plan: Plan) -> None:
    text = table_export(plan)
    parsed = yingshang.parse(text)
    assert erase_spans(parsed) == with_targets(plan)
    assert parsed.diagnostics == ()


@given(table_plans())
def test_a_table_pasted_a_row_to_a_line_reads_as_the_same_plan(plan: Plan) -> None:
    # A web page's table pasted into a text file: rows on lines, cells between tabs, and a
    # cell of several paragraphs broken over lines.
    text = table_export(plan, pasted=True)
    parsed = yingshang.parse(text)
    assert erase_spans(parsed) == with_targets(plan)
    assert parsed.diagnostics == ()
    assert parsed.attachment is not None
    assert uncovered(parsed, text, parsed.attachment.span.start) == []
    assert_spans_slice_back(parsed, text)


@given(table_plans())
def test_a_table_converted_to_text_with_bars_reads_as_the_same_plan(plan: Plan) -> None:
    # A page converted to text: 序号 | 重点任务 | 牵头单位 |, a rule of dashes below the header.
    text = table_export(plan, pasted=True, separator="|")
    parsed = yingshang.parse(text)
    assert erase_spans(parsed) == with_targets(plan)
    assert parsed.diagnostics == ()
    assert parsed.attachment is not None
    assert uncovered(parsed, text, parsed.attachment.span.start) == []
    assert yingshang.coverage(parsed) == ()  # the bars and the rule are the table's structure
    assert_spans_slice_back(parsed, text)


@given(table_plans())
def test_spans_of_a_parsed_plan_slice_back_to_their_text(plan: Plan) -> None:
    text = table_export(plan)
    assert_spans_slice_back(yingshang.parse(text), text)


@given(table_plans())
def test_every_character_of_the_attachment_lands_in_the_model(plan: Plan) -> None:
    text = table_export(plan)
    parsed = yingshang.parse(text)
    assert parsed.attachment is not None
    assert uncovered(parsed, text, parsed.attachment.span.start) == []


@given(table_plans(), st.data())
def test_an_export_artifact_is_removed_and_reported(plan: Plan, data: st.DataObject) -> None:
    text = table_export(plan)
    actions = yingshang.parse(text).actions
    action: Action = data.draw(st.sampled_from(actions))
    cut = data.draw(st.integers(action.span.start, action.span.end))
    artifact = "[bookmark: _GoBack]"
    changed = yingshang.parse(text[:cut] + artifact + text[cut:])
    assert [a.text for a in changed.actions] == [a.text for a in actions]
    (diagnostic,) = changed.diagnostics
    assert diagnostic.code == "export-artifact"
    assert diagnostic.span == Span(cut, cut + len(artifact))


@given(table_plans(), st.data())
def test_a_plan_cut_inside_its_last_row_reads_so_far_or_is_refused_when_strict(
    plan: Plan, data: st.DataObject
) -> None:
    text = table_export(plan)
    whole = yingshang.parse(text)
    last = whole.actions[-1]
    cut = data.draw(st.integers(last.span.start, last.span.end))
    so_far = yingshang.parse(text[:cut])
    assert "truncated" in [d.code for d in so_far.diagnostics]
    assert so_far.title == whole.title
    with pytest.raises(yingshang.ParseError, match="cut short"):
        yingshang.parse(text[:cut], strict=True)


_PLANLIKE = st.lists(
    st.sampled_from(
        [
            *"\t\n 一二十、．.（）()1 附件：通知〔2019〕号年月日牵头单位配合工作方案市局。，[]",
            *[
                "牵头单位：",
                "；责任单位：",
                "市财政局",
                "牵头，",
                "配合",
                "1．",
                "（一）",
                "工作日",
            ],
        ]
    ),
    max_size=200,
).map("".join)


@given(st.text(max_size=300) | _PLANLIKE)
@example("")
@example("\t\t\t")
@example("附件\n\t一、开办企业\n\t1．x\n\t（1）a\n\t")
@example("标题\n一、总体\n\t\t\t\n\t（1）")
def test_parse_returns_a_plan_or_raises_parse_error(text: str) -> None:
    try:
        plan = yingshang.parse(text)
    except yingshang.ParseError as error:
        # Both outcomes are allowed here, so pytest.raises does not fit.
        assert error.line >= 1  # noqa: PT017
        assert error.column >= 1  # noqa: PT017
        assert str(error).startswith(  # noqa: PT017
            f"line {error.line}, column {error.column}: expected "
        )
        return
    assert_spans_slice_back(plan, text)


@given(table_plans(), st.sampled_from(["\r\n", "\n"]), st.booleans())
def test_line_endings_and_byte_order_mark_do_not_change_the_plan(
    plan: Plan, newline: str, bom: bool
) -> None:
    text = table_export(plan).replace("\n", newline)
    text = ("\ufeff" if bom else "") + text
    parsed = yingshang.parse(text)
    assert erase_spans(parsed) == with_targets(plan)
    assert_spans_slice_back(parsed, text)


@given(plan=table_plans())
def test_parse_file_reads_utf8_with_bom_and_gb18030(
    plan: Plan, tmp_path_factory: pytest.TempPathFactory
) -> None:
    text = table_export(plan)
    folder = tmp_path_factory.mktemp("plans")
    expected = yingshang.parse(text)
    for encoding in ("utf-8", "utf-8-sig", "gb18030"):
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue
        path = folder / f"plan-{encoding}.txt"
        path.write_bytes(data)
        read = yingshang.parse_file(path)
        assert read.source is not None
        assert read.source.path == str(path)
        assert attrs.evolve(read, source=expected.source) == expected


@given(st.text(max_size=80) | _PLANLIKE)
def test_clean_text_removes_artifacts_and_line_breaks_only(text: str) -> None:
    cleaned = clean_text(text)
    assert "\n" not in cleaned
    # What remains is the text's own characters, in order.
    remaining = iter(text)
    assert all(char in remaining for char in cleaned)
    if "[" not in cleaned:  # joining lines could make a new "[bookmark: …]"; nothing else changes
        assert clean_text(cleaned) == cleaned


@given(table_plans(), st.data())
def test_a_header_row_repeated_after_a_page_break_changes_nothing_else(
    plan: Plan, data: st.DataObject
) -> None:
    text = table_export(plan)
    assert plan.attachment is not None
    header = "".join(f"\t{h.text}\n" for h in plan.attachment.headers) + "\n"
    table_start = text.index(header) + len(header)
    boundaries = [i + 2 for i in range(table_start, len(text) - 1) if text[i : i + 2] == "\n\n"]
    cut = data.draw(st.sampled_from([table_start, *boundaries]))
    parsed = yingshang.parse(text[:cut] + header + text[cut:])
    expected = yingshang.parse(text)
    assert erase_spans(parsed.areas) == erase_spans(expected.areas)
    assert parsed.attachment is not None
    assert len(parsed.attachment.headers) == 2 * len(plan.attachment.headers)
    assert parsed.diagnostics == ()
