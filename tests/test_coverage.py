"""Every non-blank character of the source lands in a leaf node or a diagnostic (coverage)."""

from __future__ import annotations

import attrs
import pytest
import regex
from hypothesis import given

import yingshang
from yingshang.coverage import quote
from yingshang.model import Action, Agency, Plan, Span

from .mutations import CORPUS
from .render import inline_export, table_export
from .strategies import inline_plans, map_actions, table_plans


def test_the_embedded_plan_is_read_without_loss() -> None:
    assert yingshang.coverage(yingshang.datasets.chongqing_2019()) == ()


@given(table_plans())
def test_a_table_plan_is_read_without_loss(plan: Plan) -> None:
    parsed = yingshang.parse(table_export(plan))
    assert yingshang.coverage(parsed) == (), quote(parsed)


@given(inline_plans())
def test_an_inline_plan_is_read_without_loss(plan: Plan) -> None:
    parsed = yingshang.parse(inline_export(plan))
    assert yingshang.coverage(parsed) == (), quote(parsed)


@pytest.mark.parametrize(
    "path", sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else [], ids=lambda p: p.stem
)
def test_an_opening_of_a_real_plan_is_read_without_loss_or_refused(path: object) -> None:
    try:
        plan = yingshang.parse_file(str(path))
    except yingshang.ParseError:
        return  # refused with a clean error: nothing claimed, nothing lost
    assert yingshang.coverage(plan) == (), quote(plan)


def _without(plan: Plan, dropped: Agency) -> Plan:
    def drop(action: Action) -> Action:
        return attrs.evolve(
            action,
            lead_agencies=tuple(a for a in action.lead_agencies if a != dropped),
            cooperating_agencies=tuple(a for a in action.cooperating_agencies if a != dropped),
        )

    return map_actions(plan, drop)


def test_a_cell_dropped_on_purpose_is_found_and_quoted() -> None:
    # What a parser that forgot a cell would return: the check must fail on it.
    plan = yingshang.datasets.chongqing_2019()
    dropped = plan.actions[0].lead_agencies[0]
    broken = _without(plan, dropped)
    assert yingshang.coverage(broken) == (dropped.span,)
    line, column = map(int, quote(broken).split(" ")[0].split(":"))
    assert quote(broken) == f"{line}:{column} {dropped.name!r}"
    text = yingshang.datasets.chongqing_2019_text()
    assert text.splitlines()[line - 1][column - 1 :] == dropped.name


def test_containers_count_for_nothing() -> None:
    # The attachment's span runs over the whole table: dropping every area leaves it standing,
    # and every cell of the table is then lost.
    plan = yingshang.datasets.chongqing_2019()
    assert plan.attachment is not None
    lost = yingshang.coverage(attrs.evolve(plan, areas=()))
    assert len(lost) > 500
    assert all(plan.attachment.span.contains(span) for span in lost)


def test_separators_between_agencies_are_structure_but_a_lone_word_is_not() -> None:
    text = (
        "某市营商环境工作方案\n附件\n主要举措\n\t目标任务\n\t工作措施\n\t牵头单位\n\t配合单位\n\n"
        "\t一、开办企业\n\t1．精简流程\n\t推行网办。\n\t市财政局、市税务局\n\t市人力社保局\n\n"
    )
    plan = yingshang.parse(text)
    assert yingshang.coverage(plan) == ()
    (action,) = plan.actions
    assert [a.name for a in action.agencies] == ["市财政局", "市税务局", "市人力社保局"]
    without_text = attrs.evolve(plan, areas=())
    assert Span(text.index("推行"), text.index("推行") + 5) in yingshang.coverage(without_text)


def test_a_plan_without_its_source_needs_the_text() -> None:
    plan = attrs.evolve(yingshang.datasets.chongqing_2019(), source=None)
    with pytest.raises(ValueError, match="source text"):
        yingshang.coverage(plan)
    assert yingshang.coverage(plan, yingshang.datasets.chongqing_2019_text()) == ()


def test_every_role_word_the_parser_reads_counts_as_structure() -> None:
    # The parser reads these after or before the names (A牵头，B按职责分工负责; 牵头单位：A;
    # A会同B; 完成时限：…); the words themselves are in no node, so coverage must know every one
    # of them, or a plan that writes one is reported as losing it (分工负责 once was).
    from yingshang.coverage import _AGENCY_STRUCTURE
    from yingshang.parse import _body, _patterns

    trailing = regex.fullmatch(r"\(\?P<role>([^()]*)\)\$", _body._TRAILING_ROLE.pattern)
    assert trailing is not None
    labels = (
        _patterns._LEAD_LABELS
        + _patterns._RESPONSIBLE_LABELS
        + _patterns._HELPING_LABELS
        + _patterns._TIME_LABELS
    )
    assert all(_body._ROLE_LABEL.fullmatch(f"{label}：") for label in labels)
    words = trailing[1].split("|") + list(labels) + ["会同"]
    assert len(words) > 30
    for word in words:
        assert _AGENCY_STRUCTURE.fullmatch(f"{word}）"), word
    # And every bracket the parser reads agencies in: （）, (), 〔〕 and 【】, opening and closing.
    brackets = regex.findall(r"\[([^\]]*)\]", _body._BRACKET.pattern)
    opening, closing = brackets[0], brackets[-1]
    assert len(opening) == len(closing) >= 4
    for bracket in opening + closing:
        assert _AGENCY_STRUCTURE.fullmatch(f"、{bracket}"), bracket
    # And the others unnamed after a list: "市税务局等有关部门".
    others = regex.fullmatch(r"等\(\?:([^()]*)\)\?\(\?:([^()]*)\)\?\$", _body._OTHERS.pattern)
    assert others is not None
    for word in ["等", *others[1].split("|"), *others[2].split("|")]:
        assert _AGENCY_STRUCTURE.fullmatch(f"{word}）"), word


def _two_items(bracket: str) -> Plan:
    """Parse a plan of two items under one area, the first with `bracket` after its text."""
    return yingshang.parse(
        "某市优化营商环境行动方案\n\n一、优化开办企业\n"
        f"（一）压缩开办时间。企业开办时间压缩至3个工作日以内。{bracket}\n"
        "（二）推行电子证照。实现电子营业执照全面应用。（市大数据局）\n"
    )


def test_the_first_leads_remark_inside_a_bracket_is_structure() -> None:
    # "（A、B，第一责任单位为牵头单位，下同）": the remark says who leads; it is read, not lost.
    plan = _two_items("（市市场监管局、市税务局，第一责任单位为牵头单位，下同）")
    first = plan.actions[0]
    assert [a.name for a in first.lead_agencies] == ["市市场监管局"]
    assert [a.name for a in first.cooperating_agencies] == ["市税务局"]
    assert yingshang.coverage(plan) == ()


@pytest.mark.parametrize(
    "bracket",
    [
        "（市发展改革委会同市财政局负责）",
        "（牵头单位：市发展改革委；配合单位：市财政局；完成时限：2020年底）",
    ],
)
def test_words_between_agencies_in_a_bracket_are_structure(bracket: str) -> None:
    plan = _two_items(bracket)
    first = plan.actions[0]
    assert [a.name for a in first.lead_agencies] == ["市发展改革委"]
    assert [a.name for a in first.cooperating_agencies] == ["市财政局"]
    assert yingshang.coverage(plan) == ()
