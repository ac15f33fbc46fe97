"""Tests of yingshang.numbers: reading numbers exactly, writing Chinese numerals, finding tokens."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from yingshang.errors import ParseError
from yingshang.numbers import _SCANNED_NUMBER, NUMBER_PATTERN, parse_number, to_chinese_numeral

FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("3", "3"),
        ("3.25", "3.25"),
        ("99.96", "99.96"),
        ("９９．９６", "99.96"),
        ("１３８０", "1380"),
        ("1,380", "1380"),
        ("12,345,678", "12345678"),
        ("2万", "20000"),
        ("3000万", "30000000"),
        ("1.5亿", "150000000"),
        ("3千万", "30000000"),
        ("2万亿", "2000000000000"),
        ("2万5000", "25000"),
        ("零", "0"),
        ("〇", "0"),
        ("三", "3"),
        ("十", "10"),
        ("十二", "12"),
        ("二十", "20"),
        ("一百零五", "105"),
        ("一百一十二", "112"),
        ("一千零十", "1010"),
        ("两万", "20000"),
        ("二万", "20000"),
        ("十万零五百", "100500"),
        ("一万零五亿", "1000500000000"),
        ("一亿零一万", "100010000"),
        ("三万五", "35000"),
        ("一百五", "150"),
        ("二〇一九", "2019"),
        ("二〇二〇", "2020"),
        ("九十九点九六", "99.96"),
        ("壹佰零伍", "105"),
        ("  42 ", "42"),
    ],
)
def test_parse_number_reads_each_form_exactly(written: str, value: str) -> None:
    parsed = parse_number(written)
    assert parsed == Decimal(value)
    assert isinstance(parsed, Decimal)


def test_whole_numbers_stay_whole() -> None:
    # 1.5亿 is the integer 150000000, and prints as one.
    assert str(parse_number("1.5亿")) == "150000000"
    assert str(parse_number("2万")) == "20000"


@pytest.mark.parametrize(
    "written",
    ["", "   ", "万", "亿", "百", "abc", "十十", "一二三万", "五十五零", "1,38", "点五", "三点", "二十百",
     "一万一万", "一亿一亿", "3.2.1", "3-4"],
)  # fmt: skip
def test_parse_number_rejects_what_is_not_one_number(written: str) -> None:
    with pytest.raises(ParseError):
        parse_number(written)


def test_parse_error_says_where() -> None:
    with pytest.raises(ParseError) as caught:
        parse_number("十二x")
    assert caught.value.column == 3
    assert "expected" in str(caught.value)


@pytest.mark.parametrize(
    ("n", "written"),
    [
        (0, "零"),
        (7, "七"),
        (10, "十"),
        (12, "十二"),
        (20, "二十"),
        (105, "一百零五"),
        (110, "一百一十"),
        (1010, "一千零一十"),
        (2019, "二千零一十九"),
        (20000, "二万"),
        (100500, "十万零五百"),
        (1000005, "一百万零五"),
        (100010000, "一亿零一万"),
        (10**12, "一万亿"),
    ],
)
def test_to_chinese_numeral_writes_the_standard_reading(n: int, written: str) -> None:
    assert to_chinese_numeral(n) == written


def test_to_chinese_numeral_rejects_negative_numbers() -> None:
    with pytest.raises(ValueError, match="negative"):
        to_chinese_numeral(-1)


@settings(max_examples=300)
@given(st.integers(min_value=0, max_value=10**12))
def test_chinese_numeral_round_trip_is_exact(n: int) -> None:
    assert parse_number(to_chinese_numeral(n)) == n


@given(st.integers(min_value=0, max_value=10**15))
def test_arabic_and_full_width_digits_round_trip(n: int) -> None:
    assert parse_number(str(n)) == n
    assert parse_number(str(n).translate(FULL_WIDTH)) == n
    assert parse_number(f"{n:,}") == n


@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False))
def test_decimals_round_trip_exactly(value: Decimal) -> None:
    written = f"{value:f}"
    assert parse_number(written) == value
    assert parse_number(written.translate(FULL_WIDTH)) == value


@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["万", "亿"]))
def test_magnitudes_multiply(n: int, magnitude: str) -> None:
    factor = 10**4 if magnitude == "万" else 10**8
    assert parse_number(f"{n}{magnitude}") == n * factor
    assert parse_number(f"{to_chinese_numeral(n)}{magnitude}") == n * factor


@given(st.text(alphabet="零〇一二两三四五六七八九十百千万亿点0123456789.,０１２", max_size=12))
def test_parse_number_raises_only_parse_error(written: str) -> None:
    try:
        value = parse_number(written)
    except ParseError:
        return
    assert isinstance(value, Decimal)


@given(st.text())
def test_every_token_the_pattern_finds_is_text_of_the_input(text: str) -> None:
    for match in NUMBER_PATTERN.finditer(text):
        assert match[0]
        assert text[match.start() : match.end()] == match[0]


SCANNED = re.compile(_SCANNED_NUMBER, re.VERBOSE)
NUMERALS = "0123456789０１２３４５６７８９零〇一二两三四五六七八九十拾百千万亿点.,．A5G 年"


@given(st.text(alphabet=NUMERALS, max_size=40) | st.text())
@example("1,380 12,345,678 1,23 ３０ 3.25 4G 5G基站 km2 2万 3千万 1.5亿 一百零五 九十九点九六")
@example("a1 .5 ．5 十十 百万 万人 二〇一九年 " + "1" * 30 + " " + "一" * 30)
def test_the_scanned_number_form_finds_the_same_tokens(text: str) -> None:
    # The extractor's scan for quantities uses the standard engine's form of the pattern.
    assert [m.span() for m in SCANNED.finditer(text)] == [
        m.span() for m in NUMBER_PATTERN.finditer(text)
    ]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("万人发明专利拥有量达到9.2件", ["9.2"]),  # 万 alone is no number
        ("8km/km2以上", ["8"]),  # the 2 of km2 is part of a unit
        ("新增无线4G基站5000个", ["4", "5000"]),  # 4G is found; extract decides it is no quantity
        ("职业培训2万人次", ["2万"]),
        ("千兆宽带", []),
        ("一百零五个", ["一百零五"]),
        ("1" * 40, []),  # a run of digits longer than any number in prose
    ],
)
def test_number_pattern_finds_tokens(text: str, tokens: list[str]) -> None:
    assert [match[0] for match in NUMBER_PATTERN.finditer(text)] == tokens
