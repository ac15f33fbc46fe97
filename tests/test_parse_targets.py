"""Targets found in one pass over many spans are those each span gives alone."""

from __future__ import annotations

from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

import yingshang
from yingshang.model import Span
from yingshang.parse import _targets
from yingshang.parse._targets import _targets_in, _targets_of_spans

from .mutations import Mutation, mutate, mutated_texts
from .target_strategies import ISSUE_DATE, sentences

# What stands between the targets' sentences: line breaks, blanks, and the characters a plan
# writes around its items (brackets of agencies, tabs, markers).
_GLUE = st.text(alphabet="\n\t 　（）()、，。；：牵头单位1．（2）年月底前内", max_size=6)


@st.composite
def texts_and_spans(draw: st.DrawFn) -> tuple[str, list[Span]]:
    parts = draw(st.lists(st.tuples(sentences(), _GLUE), min_size=1, max_size=6))
    text = "".join(sentence.text + glue for sentence, glue in parts)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=12)))
    spans = [Span(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False)]
    return text, draw(st.permutations(spans))


def _alone(text: str, spans: list[Span]) -> list[tuple[yingshang.Target, ...]]:
    return [_targets_in(text, span, ISSUE_DATE) for span in spans]


@given(texts_and_spans(), st.sampled_from([(2048, 512), (24, 8), (1, 1)]))
def test_one_pass_over_spans_gives_each_spans_own_targets(
    case: tuple[str, list[Span]], limits: tuple[int, int]
) -> None:
    # Runs of every length: the whole text, a few spans, one span each.
    text, spans = case
    run, gap = limits
    with mock.patch.object(_targets, "_RUN", run), mock.patch.object(_targets, "_GAP", gap):
        assert _targets_of_spans(text, spans, ISSUE_DATE) == _alone(text, spans)


@given(mutated_texts())
def test_one_pass_over_a_plans_items_gives_each_items_own_targets(
    case: tuple[str, tuple[Mutation, ...]],
) -> None:
    name, mutations = case
    text = mutate(name, mutations)
    try:
        plan = yingshang.parse(text)
    except yingshang.ParseError:
        return
    spans = [action.span for action in plan.actions]
    spans += [p.span for section in plan.sections for p in section.paragraphs]
    assert _targets_of_spans(text, spans, ISSUE_DATE) == _alone(text, spans)


def test_spans_a_character_apart_are_read_one_by_one() -> None:
    # "2025 年" and "底前" a line break apart are two texts, not 2025 年⏎底前.
    text = "到2025 年\n底前完成"
    spans = [Span(0, 7), Span(8, 12)]
    assert _targets_of_spans(text, spans, ISSUE_DATE) == _alone(text, spans)
    assert [t.text for t in _targets_in(text, Span(0, 12), ISSUE_DATE)] == ["到2025 年底前"]


def test_a_deadline_governs_only_the_targets_of_its_own_span() -> None:
    # Read alone, the second item has no deadline: the first item's 2019年底前 must not reach it.
    text = "2019年底前推行网办\t（市财政局牵头）\t办结时间压缩至3个工作日"
    first, second = Span(0, 11), Span(text.index("办结"), len(text))
    (_,), (duration,) = _targets_of_spans(text, [first, second], ISSUE_DATE)
    assert duration.deadline is None
    assert _targets_of_spans(text, [first, second], ISSUE_DATE) == _alone(text, [first, second])


def test_an_item_with_a_mirrors_pinyin_is_read_past_it() -> None:
    # A mirror site's pinyin between a number and its unit: 1個(gè)工作日 is a time limit, not a
    # count, and 20萬(wàn)元 a sum; the targets' texts are cleaned as every node's is.
    text = (
        "某市優化營商環境工作方案\n\n一、開辦企業\n"
        "（一）壓縮開辦時間。企業(yè)開辦時間壓縮至1個(gè)工作日以內，給予20萬(wàn)元補助。"
        "（牽頭單位：市市場監管局）\n"
    )
    (action,) = yingshang.parse(text).actions
    duration, money = action.targets
    assert (duration.quantity, duration.comparator) == (
        yingshang.Quantity(1, "个工作日"),
        yingshang.Comparator.AT_MOST,
    )
    assert text[duration.span.start : duration.span.end] == "壓縮至1個(gè)工作日以內"
    assert (duration.text, money.text) == ("壓縮至1個工作日以內", "20萬元")
    assert money.quantity == yingshang.Quantity(200000, "元")


def test_an_item_wrapped_inside_a_sentence_is_read_as_one_line() -> None:
    # A web page's or a PDF's line break inside a unit: 3个⏎工作日 is a time limit, not a count.
    text = (
        "某市优化营商环境工作方案\n\n一、开办企业\n"
        "（一）压缩开办时间。2019年底前将企业开办时间压缩至3个\n"
        "工作日以内，其中设立登记时间压缩至1个工作日。（牵头单位：市市场监管局）\n"
    )
    (action,) = yingshang.parse(text).actions
    deadline, first, second = action.targets
    assert (first.quantity, first.comparator) == (
        yingshang.Quantity(3, "个工作日"),
        yingshang.Comparator.AT_MOST,
    )
    assert text[first.span.start : first.span.end] == "压缩至3个\n工作日以内"
    assert first.text == "压缩至3个工作日以内"  # a plan's texts are read without line breaks
    assert first.deadline == second.deadline == deadline.deadline
