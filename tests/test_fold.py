"""Tests of yingshang.fold: one character in, one character out, Traditional and full-width folded."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from yingshang.fold import _TRADITIONAL_SIMPLIFIED, _table, fold

PAIRS = _TRADITIONAL_SIMPLIFIED.split()
TRADITIONAL = "".join(pair[0] for pair in PAIRS)
SIMPLIFIED = "".join(pair[1] for pair in PAIRS)

# Text as plans mix it: Traditional keys, their Simplified forms, full-width and ASCII, CJK at large.
plan_text = st.text(
    st.one_of(
        st.sampled_from(TRADITIONAL + SIMPLIFIED),
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.characters(min_codepoint=0xFF00, max_codepoint=0xFF65),
        st.characters(min_codepoint=0x3000, max_codepoint=0x303F),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.characters(),
    )
)


@given(plan_text)
def test_fold_is_the_translation_table(text: str) -> None:
    # The common full-width punctuation is replaced apart from the rest: the result is the
    # table's, character for character.
    assert fold(text) == text.translate(_table())


@given(plan_text)
def test_fold_preserves_length(text: str) -> None:
    assert len(fold(text)) == len(text)


@given(plan_text)
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(plan_text, st.data())
def test_fold_maps_each_character_alone(text: str, data: st.DataObject) -> None:
    # A span of the folded copy is the fold of the same span of the original.
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert fold(text)[start:end] == fold(text[start:end])


@given(st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E)))
def test_ascii_is_unchanged(text: str) -> None:
    assert fold(text) == text


def test_table_pairs_are_single_distinct_characters() -> None:
    assert all(len(pair) == 2 and pair[0] != pair[1] for pair in PAIRS)
    # One Simplified form per Traditional character, and no Simplified form folds again.
    forms: dict[str, set[str]] = {}
    for pair in PAIRS:
        forms.setdefault(pair[0], set()).add(pair[1])
    assert all(len(values) == 1 for values in forms.values())
    assert not set(TRADITIONAL) & set(SIMPLIFIED)


def test_simplified_forms_are_unchanged() -> None:
    assert fold(SIMPLIFIED) == SIMPLIFIED


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("牽頭單位：市發展改革委", "牵头单位:市发展改革委"),
        ("負責單位", "负责单位"),
        ("責任單位：各區縣政府", "责任单位:各区县政府"),
        ("不超過2.5個工作日", "不超过2.5个工作日"),
        ("17.6萬戶", "17.6万户"),
        ("不少于60億元", "不少于60亿元"),
        ("壓縮至5個環節以內", "压缩至5个环节以内"),
        ("縮減一半，達到", "缩减一半,达到"),
        ("實現時限", "实现时限"),
        ("渝府辦發〔2019〕81號", "渝府办发〔2019〕81号"),
        ("每週", "每周"),
        ("２０１９年９月底前", "2019年9月底前"),
        ("８．５天（指工作日）", "8.5天(指工作日)"),
        ("ＡＰＰ　办理", "APP 办理"),
        ("１．推行", "1.推行"),
    ],
)
def test_fold_examples(written: str, folded: str) -> None:
    assert fold(written) == folded


@pytest.mark.parametrize("kept", ["、", "。", "“”", "〔〕", "【】", "〇", "著", "乾", "覆盖"])
def test_marks_without_an_ascii_form_and_simplified_words_stay(kept: str) -> None:
    assert fold(kept) == kept
