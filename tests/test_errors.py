"""Errors say what was expected, what was found, and where."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

import yingshang
from yingshang.errors import ParseError, YingshangError, line_and_column
from yingshang.parse import decode


def test_parse_error_is_a_yingshang_error_and_a_value_error() -> None:
    assert issubclass(ParseError, YingshangError)
    assert issubclass(ParseError, ValueError)


@given(st.text(max_size=200), st.data())
def test_line_and_column_point_at_the_offset(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    line, column = line_and_column(text, offset)
    lines = text.split("\n")
    assert 1 <= line <= len(lines)
    assert sum(len(part) + 1 for part in lines[: line - 1]) + column - 1 == offset


def test_message_quotes_the_line_with_a_caret() -> None:
    error = ParseError("a title", "第一行\n第二行。", 6)
    assert error.line == 2
    assert error.column == 3
    assert str(error).splitlines() == [
        "line 2, column 3: expected a title, found '行。'",
        "    第二行。",
        "        ^",
    ]
    assert pickle.loads(pickle.dumps(error)).expected == "a title"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "found empty text"),
        ("  \n\u3000\n", "found only blanks"),
        ("今天天气很好。\n我们去公园。\n", "expected the plan's title"),
        ("标题\x00二进制", "control character"),
        ("plan\n1. first\n", "no Chinese text"),
    ],
)
def test_text_that_is_not_a_plan_is_refused_clearly(text: str, expected: str) -> None:
    with pytest.raises(ParseError, match=expected):
        yingshang.parse(text)


def test_a_title_without_a_body_is_recovered_or_refused_when_strict() -> None:
    text = "重庆市某方案\n这里只有一段话。\n"
    plan = yingshang.parse(text)
    assert plan.title.text == "重庆市某方案"
    assert [(d.severity.value, d.code) for d in plan.diagnostics] == [("error", "no-body")]
    with pytest.raises(ParseError, match="body sections"):
        yingshang.parse(text, strict=True)


def test_parse_takes_text_not_bytes() -> None:
    with pytest.raises(TypeError, match="str"):
        yingshang.parse(b"bytes")  # type: ignore[arg-type]


def test_decode_reads_utf8_bom_and_gb18030_and_refuses_the_rest() -> None:
    assert decode("\ufeff方案".encode()) == "方案"
    assert decode("方案".encode("gbk")) == "方案"
    with pytest.raises(ParseError, match="UTF-8, UTF-16, GB18030") as caught:
        decode("一二\n三".encode() + b"\xff\xfe\xff")
    assert (caught.value.line, caught.value.column) == (2, 2)


def test_parse_file_of_random_bytes_raises_only_parse_error(
    tmp_path: pytest.TempPathFactory,
) -> None:
    import random

    generator = random.Random(20191)
    for index in range(20):
        path = tmp_path / f"junk-{index}.bin"  # type: ignore[operator]
        path.write_bytes(bytes(generator.randrange(256) for _ in range(2000)))
        with pytest.raises(ParseError):
            yingshang.parse_file(path)
