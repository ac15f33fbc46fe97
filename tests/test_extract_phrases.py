"""Targets of sentences from other plans and reports, as read by hand, and copies of phrases.

`../shared/corpus/phrases.json` holds published sentences read by hand (skipped when the shared
folder is not beside the checkout); `fixtures/target-phrases.json` holds sentences written for
these tests in the same manner and read the same way. The scoring rules are those of
`benchmarks/score_phrases.py`: a hand-read target is found when a returned target overlaps it,
and its value, bound, baseline, direction, due date and role must agree.
"""

from __future__ import annotations

import datetime
import importlib.util
import json
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from yingshang.extract import extract_targets
from yingshang.fold import _TRADITIONAL_SIMPLIFIED
from yingshang.model import Comparator, Quantity, Span, Target, TargetKind, TargetRole

from .target_strategies import ISSUE_DATE, Phrase, phrases

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus" / "phrases.json"
OWN = Path(__file__).parent / "fixtures" / "target-phrases.json"


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "score_phrases", ROOT / "benchmarks" / "score_phrases.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("score_phrases", module)
    spec.loader.exec_module(module)
    return module


SCORER = _scorer()


def _phrases(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        pytest.skip(f"{path} is not beside this checkout")
    phrases: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["phrases"]
    return phrases


def _issue_date(phrase: dict[str, Any]) -> datetime.date | None:
    issued = phrase.get("doc_issue_date")
    return None if issued is None else datetime.date.fromisoformat(issued)


def _check(phrase: dict[str, Any]) -> None:
    sentence = phrase["sentence"]
    targets = extract_targets(sentence, issue_date=_issue_date(phrase))
    for hand in phrase["targets"]:
        start = hand.get("offset", sentence.find(hand["raw"]))
        end = start + len(hand["raw"])
        assert sentence[start:end] == hand["raw"]
        overlapping = [t for t in targets if t.span.start < end and start < t.span.end]
        if hand.get("borderline"):
            continue
        assert len(overlapping) == 1, (hand["raw"], targets)
        assert SCORER.field_errors(hand, overlapping[0]) == [], (hand["raw"], overlapping[0])
    for raw in phrase["non_targets"]:
        start = sentence.find(raw)
        assert start >= 0, raw
        end = start + len(raw)
        for target in targets:
            if target.span.start < end and start < target.span.end:
                assert target.role is not TargetRole.COMMITMENT, (raw, target)
    if phrase.get("strict"):
        _check_strictly(phrase, targets)


def _check_strictly(phrase: dict[str, Any], targets: tuple[Target, ...]) -> None:
    """Check a sentence read in yingshang's own kinds and units: each target's kind and unit,
    and no target returned, of any role, that the hand reading does not list."""
    sentence = phrase["sentence"]
    spans = []
    for hand in phrase["targets"]:
        start = hand.get("offset", sentence.find(hand["raw"]))
        spans.append((start, start + len(hand["raw"]), hand))
    for target in targets:
        read = [
            hand
            for start, end, hand in spans
            if target.span.start < end and start < target.span.end
        ]
        assert read, target  # (a status fact or a scope counts too: nothing read but these)
        (hand,) = read
        assert target.kind.value == hand["kind"], (hand["raw"], target)
        unit = None if target.quantity is None else target.quantity.unit
        assert unit == hand["unit"], (hand["raw"], target)


def _ids(path: Path) -> list[str]:
    if not path.exists():
        return ["absent"]
    return [p["id"] for p in json.loads(path.read_text(encoding="utf-8"))["phrases"]]


@pytest.mark.parametrize("phrase_id", _ids(SHARED))
def test_published_sentences_give_their_hand_read_targets(phrase_id: str) -> None:
    (phrase,) = [p for p in _phrases(SHARED) if p["id"] == phrase_id]
    _check(phrase)


@pytest.mark.parametrize("phrase_id", _ids(OWN))
def test_written_sentences_give_their_hand_read_targets(phrase_id: str) -> None:
    (phrase,) = [p for p in _phrases(OWN) if p["id"] == phrase_id]
    _check(phrase)


def test_scores_on_both_sets_reach_the_bar() -> None:
    for path in (SHARED, OWN):
        if not path.exists():
            continue
        result = SCORER.score(json.loads(path.read_text(encoding="utf-8"))["phrases"])
        assert result["recall"] >= 0.95, (path, result)
        assert result["precision"] >= 0.95, (path, result)
        assert result["value_accuracy"] >= 0.95, (path, result)


# --- roles -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "raw", "role"),
    [
        ("截至2020年底,全市累计办理业务3.2万件。", "3.2万件", TargetRole.STATUS),
        ("截至2020年底,全市累计办理业务3.2万件。", "截至2020年底", TargetRole.STATUS),
        ("平均用电报装耗时45天。", "45天", TargetRole.STATUS),
        # What it takes now (需要, not the 要 of a promise), as a report shows it.
        ("报告显示，我国开办企业需要9个环节、耗时22.9天。", "9个环节", TargetRole.STATUS),
        ("调查显示，企业满意度为92.5%。", "92.5%", TargetRole.STATUS),
        ("会议要求，企业开办时间压缩至5个工作日以内。", "压缩至5个工作日以内", TargetRole.COMMITMENT),
        # The time a law allows is what is; the time promised against it is the commitment.
        ("法定办理时限为20日，承诺时限为5日", "20日", TargetRole.STATUS),
        ("法定办理时限为20日，承诺时限为5日", "5日", TargetRole.COMMITMENT),
        ("将法定时限压缩至10个工作日", "压缩至10个工作日", TargetRole.COMMITMENT),
        ("注册用户已超500万户", "超500万户", TargetRole.STATUS),
        ("对面积不满1000平方米的项目实行备案", "不满1000平方米", TargetRole.SCOPE),
        ("合同金额500万元以下的项目,免于招标", "500万元以下", TargetRole.SCOPE),
        ("从五个方面提出措施", "五个方面", TargetRole.SCOPE),
        # A document's articles (条) after its title or its chapters; not roads built, nor times.
        ("《条例》共7章72条，自2020年1月1日起施行。", "72条", TargetRole.SCOPE),
        ("《若干措施》包括5个方面20条。", "20条", TargetRole.SCOPE),
        ("新建道路20条", "20条", TargetRole.COMMITMENT),
        ("每年报送一次工作情况", "一次", TargetRole.COMMITMENT),
        # A bound right before what is done for those within it.
        ("小微企业用电报装容量160千瓦及以下实行零投资", "160千瓦及以下", TargetRole.SCOPE),
        ("月销售额10万元以下免征增值税", "10万元以下", TargetRole.SCOPE),
        ("审批时间控制在5个工作日以内", "5个工作日以内", TargetRole.COMMITMENT),
        ("给予不超过50万元的补助", "不超过50万元", TargetRole.COMMITMENT),
        ("完成20件以上具有示范作用的案件", "20件以上", TargetRole.COMMITMENT),
        # A bound before a benefit sizes it; before who is given one, it bounds the receiver.
        ("给予不超过30万元的一次性奖励", "不超过30万元", TargetRole.COMMITMENT),
        ("对年纳税额超过1000万元的企业给予奖励", "超过1000万元", TargetRole.SCOPE),
        ("对投资额5000万元以上的项目予以补助", "5000万元以上", TargetRole.SCOPE),
        # A bound size right before who is covered, without 的; a count's noun is what it counts.
        ("160千瓦及以下小微企业实行零投资", "160千瓦及以下", TargetRole.SCOPE),
        ("对投资5000万元以上项目实行专班服务", "5000万元以上", TargetRole.SCOPE),
        ("新增10家以上企业", "10家以上", TargetRole.COMMITMENT),
        ("即3个工作日内开办企业", "3个工作日内", TargetRole.COMMITMENT),  # when, not whom
        # A share of the things that are to achieve something is what is promised.
        ("推动50%以上的审批事项实现秒批", "50%以上", TargetRole.COMMITMENT),
        ("对占比50%以上的企业给予奖励", "50%以上", TargetRole.SCOPE),
        ("电子证照共享应用覆盖80%以上的高频事项", "80%以上", TargetRole.COMMITMENT),
        ("惠及90%以上的市场主体", "90%以上", TargetRole.COMMITMENT),
        ("给予100万元以上奖励", "100万元以上", TargetRole.COMMITMENT),
        # How long the document's measures hold bounds them in time; a term changed is promised.
        ("本措施自印发之日起施行，有效期3年。", "3年", TargetRole.SCOPE),
        ("本方案有效期为2年", "2年", TargetRole.SCOPE),
        ("证照有效期延长至5年", "延长至5年", TargetRole.COMMITMENT),
        # What a change has reached now is reported, not promised.
        ("由过去的15个工作日压缩到现在的3个工作日", "3个工作日", TargetRole.STATUS),
        ("由目前的15个工作日压缩到3个工作日", "3个工作日", TargetRole.COMMITMENT),
        # Words of the past or of a period so far: 去年, 以来, 前三季度.
        ("去年全市新登记市场主体8.9万户", "8.9万户", TargetRole.STATUS),
        ("今年以来，全省新设立市场主体45.6万户", "45.6万户", TargetRole.STATUS),
        ("今年前三季度，全市新增减税降费超过200亿元", "超过200亿元", TargetRole.STATUS),
        ("据统计，全省新增减税降费1200亿元", "1200亿元", TargetRole.STATUS),
        ("我市共有市场主体52.3万户", "52.3万户", TargetRole.STATUS),
        ("据统计，我市将新增市场主体10万户", "10万户", TargetRole.COMMITMENT),
        ("预计全年为企业减负20亿元以上", "20亿元以上", TargetRole.STATUS),  # an estimate
        ("预计将为企业节约成本5亿元", "5亿元", TargetRole.STATUS),  # 将 of a forecast
        ("下一步将为企业节约成本5亿元", "5亿元", TargetRole.COMMITMENT),
        # 目前 at the head of what a sentence says reports it; 由目前的… names a baseline.
        ("目前全国市场主体总量超1亿户", "超1亿户", TargetRole.STATUS),
        ("目前，全市共有政务服务事项1200项", "1200项", TargetRole.STATUS),
        ("将目前的20个环节压缩至10个环节", "10个环节", TargetRole.COMMITMENT),
        # A deadline in the sentence, or a commitment word, makes the figures commitments.
        ("截至2020年底前,累计办理时间压缩至3个工作日", "压缩至3个工作日", TargetRole.COMMITMENT),
        ("目前要将耗时压缩至5天", "压缩至5天", TargetRole.COMMITMENT),
        ("控制在10个工作日以内", "控制在10个工作日以内", TargetRole.COMMITMENT),
        ("较2017年压缩60%", "较2017年压缩60%", TargetRole.COMMITMENT),
        ("较2017年压缩了60%", "较2017年压缩了60%", TargetRole.STATUS),
        # Any verb with 了 tells what was done; 为了 (in order to) does not.
        ("民营经济贡献了全市60%以上的税收", "60%以上", TargetRole.STATUS),
        ("为了实现企业开办时间压缩至3个工作日", "压缩至3个工作日", TargetRole.COMMITMENT),
        # Looking back: 过去五年 is a time past, not a time limit.
        ("过去五年，全市营商环境排名稳步提升", "五年", TargetRole.STATUS),
        # A voltage names whom a measure serves; the date a measure is carried on to bounds it.
        ("对10千伏供电非居民客户", "10千伏", TargetRole.SCOPE),
        ("将贷款延期还本付息政策延续至2021年3月31日", "至2021年3月31日", TargetRole.SCOPE),
        ("政策执行期至2025年12月31日", "至2025年12月31日", TargetRole.SCOPE),
        # A change against a year measured to hundredths is reported; a round one is promised.
        ("开办企业所需时间为8.5天，较2017年压缩78.89%", "较2017年压缩78.89%", TargetRole.STATUS),
        ("开办企业所需时间为8.5天，较2017年压缩78.89%", "8.5天", TargetRole.STATUS),
        ("2019年底前比2017年压缩50.25%", "比2017年压缩50.25%", TargetRole.COMMITMENT),
    ],
)  # fmt: skip
def test_each_number_has_a_role(text: str, raw: str, role: TargetRole) -> None:
    (target,) = [t for t in extract_targets(text) if raw in t.text or t.text in raw]
    assert target.role is role, target


@pytest.mark.parametrize(
    ("issued", "role"),
    [(datetime.date(2021, 3, 1), TargetRole.STATUS), (datetime.date(2019, 3, 1), TargetRole.COMMITMENT)],
)  # fmt: skip
def test_a_five_year_period_past_at_the_plans_date_reports(
    issued: datetime.date, role: TargetRole
) -> None:
    # In a plan of 2021 the 十三五 (2016-2020) is past: what it says of it was achieved.
    targets = extract_targets("“十三五”期间，全市累计新增减税降费500亿元。", issue_date=issued)
    assert [(t.text, t.role) for t in targets] == [("“十三五”期间", role), ("500亿元", role)]
    assert {t.role for t in extract_targets("“十三五”期间，全市累计新增减税降费500亿元。")} == {
        TargetRole.COMMITMENT
    }


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("2018年，全市GDP达到2.04万亿元，增长6%。", TargetRole.STATUS),
        ("2019年，全市企业开办时间压缩至3个工作日。", TargetRole.COMMITMENT),
        ("2020年，网上可办率达到90%。", TargetRole.COMMITMENT),
    ],
)
def test_a_sentence_headed_by_a_year_before_the_plans_reports(text: str, role: TargetRole) -> None:
    # The plan is of 2019: what it says of 2018 was measured; of 2019 and later, promised.
    targets = extract_targets(text, issue_date=datetime.date(2019, 7, 1))
    assert targets
    assert {t.role for t in targets} == {role}
    assert {t.role for t in extract_targets(text)} == {TargetRole.COMMITMENT}


@pytest.mark.parametrize(
    "text",
    ["市政府七届44次常务会议", "国家发展改革委3日发布", "《三年行动计划(2021-2023年)》",
     "1.2019年9月底前", "比赛中获得3分以上", "满意度十分高", "一类、二类出口企业",
     "提高一次办结率", "一次通过率明显提升", "实现“两个100%”目标", "出台“民营经济20条”",
     "落实“3个1”要求"],
)  # fmt: skip
def test_names_sessions_and_dates_are_no_quantities(text: str) -> None:
    assert [t for t in extract_targets(text) if t.kind is not TargetKind.DEADLINE] == []


def test_an_ongoing_commitment_stands_where_a_deadline_would() -> None:
    (target,) = extract_targets("完成时限:持续推进")
    assert (target.kind, target.text, target.deadline) == (TargetKind.ONGOING, "持续推进", None)
    # As the verb of a sentence it is no commitment of its own.
    assert extract_targets("持续推进减时间、减环节") == ()
    # After the start of the work it is still work with no end date.
    (target,) = extract_targets("推行证照分离改革，2020年起持续推进。")
    assert (target.kind, target.text) == (TargetKind.ONGOING, "持续推进")


def test_a_multiple_keeps_what_it_is_a_multiple_of() -> None:
    (target,) = extract_targets("按照中国人民银行同期同类贷款基准利率的1.5倍支付利息")
    assert (target.kind, target.quantity) == (TargetKind.MULTIPLE, Quantity("1.5", "倍"))
    assert target.reference == "中国人民银行同期同类贷款基准利率"


def test_a_bound_after_an_aside_still_bounds() -> None:
    (target,) = extract_targets("由目前平均20天减至8.5天(指工作日,下同)以内")
    assert (target.quantity, target.comparator) == (Quantity("8.5", "天"), Comparator.AT_MOST)
    (scope,) = extract_targets("6亩以下(不含6亩)的土地")
    assert (scope.text, scope.comparator) == ("6亩以下(不含6亩)", Comparator.LESS_THAN)
    # the value in words, 零 included (a property test's phrase found it read as AT_MOST)
    (zero,) = extract_targets("零个工作日以下(不含零个工作日)")
    assert zero.comparator is Comparator.LESS_THAN
    # An aside that leaves out part of the work, not the bound's value, leaves the bound as it is.
    (limit,) = extract_targets("审批时间压减至80个工作日以内（不含施工图审查）")
    assert limit.comparator is Comparator.AT_MOST
    assert limit.text == "压减至80个工作日以内（不含施工图审查）"


@pytest.mark.parametrize(
    ("text", "raw", "comparator"),
    [("给予不超过100万元（含100万元）的补助", "不超过100万元（含100万元）", Comparator.AT_MOST),
     ("单位缴费比例不超过5%(不含)", "不超过5%(不含)", Comparator.LESS_THAN),
     ("达到90%（含本数）", "达到90%（含本数）", Comparator.AT_LEAST),
     # An aside that names something else is no part of the bound.
     ("不超过100万元（含税）", "不超过100万元", Comparator.AT_MOST)],
)  # fmt: skip
def test_an_aside_after_a_bound_before_the_number_says_whether_it_holds_the_value(
    text: str, raw: str, comparator: Comparator
) -> None:
    # 不超过100万元（含100万元） is one bound; the 100万元 in the aside is no second target.
    (target,) = extract_targets(text)
    assert (target.text, target.comparator) == (raw, comparator)


# --- copies of a phrase: Traditional, spaced, full-width punctuation ---------------------------

# Simplified → one Traditional form, the reverse of the fold's table.
TO_TRADITIONAL = str.maketrans(
    {pair[1]: pair[0] for pair in reversed(_TRADITIONAL_SIMPLIFIED.split())}
)
TO_FULL_WIDTH = str.maketrans({chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)})
SPACED_BEFORE = frozenset("年月日个天小件家项%元倍分次人户名周")


# What starts a line of its own, so that a line break before it is no wrap (see _unwrap).
MARKER = r"[（(]?[0-9０-９〇零一二三四五六七八九十]{1,3}[）)、．.](?![0-9０-９])|[①-⑳]"
WRAP_STARTS_A_LINE = re.compile(MARKER)
# A heading's line (一、总体要求): no line break after it wraps.
HEADING_LINE = re.compile(rf"(?:{MARKER})[^\n]{{1,30}}")


def _spaced(text: str) -> str:
    """Put a space between an Arabic number and the unit after it: 2023 年底前, 5 个工作日."""
    out = []
    for index, char in enumerate(text):
        out.append(char)
        after = text[index + 1 : index + 2]
        if char.isascii() and char.isdigit() and after in SPACED_BEFORE:
            out.append(" ")
    return "".join(out)


def _web_spaced(text: str) -> str:
    """Set every run of digits (and %) off from the Chinese text around it by a space, as web
    pages space them: 降低 20% 以上, 由 12 个工作日缩减至 7 个工作日以内, 在 2017 年基础上."""
    out = []
    for index, char in enumerate(text):
        out.append(char)
        after = text[index + 1 : index + 2]
        if (_is_han(char) and after.isascii() and after.isdigit()) or (
            ((char.isascii() and char.isdigit()) or char == "%")
            and (_is_han(after) or after == "%")
        ):
            out.append(" ")
    return "".join(out)


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def _meaning(target: Target) -> tuple[object, ...]:
    fields = attrs.asdict(target, recurse=False)
    del fields["text"], fields["span"]
    return tuple(fields.items())


@settings(max_examples=200)
@given(phrases())
def test_a_traditional_copy_gives_the_same_targets(phrase: Phrase) -> None:
    copy = phrase.text.translate(TO_TRADITIONAL)
    assert len(copy) == len(phrase.text)
    targets = extract_targets(copy, issue_date=ISSUE_DATE)
    # Same spans; each text is the Traditional slice of the copy.
    expected = tuple(attrs.evolve(t, text=copy[t.span.start : t.span.end]) for t in phrase.targets)
    assert targets == expected


@settings(max_examples=200)
@given(phrases())
def test_a_spaced_copy_gives_the_same_targets(phrase: Phrase) -> None:
    targets = extract_targets(_spaced(phrase.text), issue_date=ISSUE_DATE)
    assert [_meaning(t) for t in targets] == [_meaning(t) for t in phrase.targets]


@settings(max_examples=200)
@given(phrases())
def test_a_copy_spaced_as_web_pages_space_digits_gives_the_same_targets(phrase: Phrase) -> None:
    copy = _web_spaced(phrase.text)
    targets = extract_targets(copy, issue_date=ISSUE_DATE)
    assert [_meaning(t) for t in targets] == [_meaning(t) for t in phrase.targets]
    assert all(t.text == copy[t.span.start : t.span.end] for t in targets)


@settings(max_examples=200)
@given(phrases(), st.data())
def test_a_copy_wrapped_inside_a_sentence_gives_the_same_targets(
    phrase: Phrase, data: st.DataObject
) -> None:
    # A web page or a PDF breaks lines anywhere in a sentence, inside a unit too (5个⏎工作日):
    # the targets are the same, their texts the slices of the copy, line break included.
    text = phrase.text
    candidates = [
        i
        for i in range(1, len(text))
        if not text[i - 1].isspace()
        and not text[i].isspace()
        and text[i - 1] not in "。！？!?；;：:"
        and not (text[i - 1].isdigit() and text[i].isdigit())
    ]
    assume(candidates)
    at = data.draw(st.sampled_from(candidates))
    copy = text[:at] + "\n" + text[at:]
    assume(not WRAP_STARTS_A_LINE.match(copy, at + 1))  # 1．, （2）, 一、: a new line's marker
    assume(not HEADING_LINE.fullmatch(copy, copy.rfind("\n", 0, at) + 1, at))

    def moved(position: int) -> int:
        return position + (position >= at)

    expected = []
    for target in phrase.targets:
        start, end = moved(target.span.start), moved(target.span.end - 1) + 1
        expected.append(attrs.evolve(target, text=copy[start:end], span=Span(start, end)))
    assert extract_targets(copy, issue_date=ISSUE_DATE) == tuple(expected)


@settings(max_examples=200)
@given(phrases(), st.data())
def test_a_copy_with_a_mirrors_pinyin_gives_the_same_targets(
    phrase: Phrase, data: st.DataObject
) -> None:
    # Mirror sites write pinyin after the characters they converted (20萬(wàn)元, 1個(gè)工作日):
    # the targets are the same, their texts the slices of the copy, pinyin included.
    text = phrase.text
    after_chinese = [i + 1 for i, char in enumerate(text) if "\u4e00" <= char <= "\u9fff"]
    assume(after_chinese)
    at = data.draw(st.sampled_from(after_chinese))
    note = data.draw(st.sampled_from(["(wàn)", "(gè)", "（lǐ）", "(shì)", "(ǖ)"]))
    copy = text[:at] + note + text[at:]

    def moved(position: int) -> int:
        return position + len(note) * (position >= at)

    expected = []
    for target in phrase.targets:
        start, end = moved(target.span.start), moved(target.span.end - 1) + 1
        expected.append(attrs.evolve(target, text=copy[start:end], span=Span(start, end)))
    assert extract_targets(copy, issue_date=ISSUE_DATE) == tuple(expected)


@settings(max_examples=200)
@given(phrases(), st.booleans())
def test_ascii_and_full_width_punctuation_give_the_same_targets(phrase: Phrase, wide: bool) -> None:
    copy = phrase.text.translate(TO_FULL_WIDTH if wide else {})
    targets = extract_targets(copy, issue_date=ISSUE_DATE)
    expected = tuple(attrs.evolve(t, text=copy[t.span.start : t.span.end]) for t in phrase.targets)
    assert targets == expected
