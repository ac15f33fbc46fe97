"""Plain text: encodings detected, not guessed; every kind of line break read as LF."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import yingshang
from yingshang.errors import ParseError, UnsupportedFormatError
from yingshang.model import Plan
from yingshang.readers import Format, detect_encoding, detect_format, read_bytes, read_file

from .render import table_export
from .strategies import table_plans


@pytest.fixture(scope="module")
def text() -> str:
    return yingshang.datasets.chongqing_2019_text()


@pytest.fixture(scope="module")
def plan() -> Plan:
    return yingshang.datasets.chongqing_2019()


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "gb18030"]
)
def test_each_encoding_reads_the_embedded_plan(
    tmp_path: Path, text: str, plan: Plan, encoding: str
) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(text.encode(encoding))
    read = yingshang.parse_file(path)
    assert read == plan
    assert read.source is not None
    assert read.source.text == text
    assert read.source.encoding is not None
    assert read.source.encoding.replace("-sig", "").startswith(encoding.split("-")[0][:5])


def test_utf16_without_a_bom_is_told_little_from_big_endian(text: str) -> None:
    assert detect_encoding(text.encode("utf-16-le")) == ("utf-16-le", text)
    assert detect_encoding(text.encode("utf-16-be")) == ("utf-16-be", text)


def test_a_traditional_plan_in_big5_is_not_read_as_gb18030_mojibake() -> None:
    traditional = "臺北市政府關於印發優化營商環境實施方案的通知\n一、總體要求\n推進企業開辦便利化，縮短辦理時間。\n"
    assert detect_encoding(traditional.encode("big5")) == ("cp950", traditional)
    # And the simplified plan in GBK, which Big5 also decodes, is still GB18030.
    simplified = (
        "重庆市营商环境优化提升工作方案\n一、总体要求\n推进企业开办便利化，缩短办理时间。\n"
    )
    assert detect_encoding(simplified.encode("gbk")) == ("gb18030", simplified)


def test_bytes_in_no_encoding_raise_a_parse_error_naming_the_encodings() -> None:
    with pytest.raises(ParseError, match="UTF-8, UTF-16, GB18030") as caught:
        read_bytes("一二\n三".encode() + b"\xff\xfe\xff")
    assert (caught.value.line, caught.value.column) == (2, 2)


@given(
    plan=table_plans(),
    newline=st.sampled_from(["\r", "\r\n", "\u2028", "\u2029", "\x85", "\r\r\n"]),
)
def test_every_line_break_reads_like_lf(plan: Plan, newline: str) -> None:
    # \r\r\n is a CRLF text converted to CRLF again: each of its lines ends with one break.
    text = table_export(plan)
    written = text.replace("\n", newline)
    source = read_bytes(written.encode("utf-8"))
    assert source.text == text
    assert yingshang.parse(source.text) == yingshang.parse(text)
    parsed = yingshang.parse(written)  # the text as given, never read from a file
    assert [a.text for a in parsed.actions] == [a.text for a in yingshang.parse(text).actions]
    assert [d.code for d in parsed.diagnostics] == [
        d.code for d in yingshang.parse(text).diagnostics
    ]


def test_a_lone_cr_cr_lf_among_crlf_lines_is_a_blank_line() -> None:
    # Only a text whose every CRLF is doubled was converted twice: elsewhere \r then \r\n
    # is a line break and a blank line, as str.splitlines reads it.
    assert read_bytes("一\r\n二\r\r\n三\r\n".encode()).text == "一\n二\n\n三\n"


def test_spans_slice_the_normalised_text_the_plan_keeps(tmp_path: Path, text: str) -> None:
    path = tmp_path / "plan-cr.txt"
    path.write_bytes(text.replace("\n", "\r").encode("utf-8"))
    read = yingshang.parse_file(path)
    assert read.source is not None
    for action in read.actions:
        assert action.span.slice(read.source.text).endswith(action.text[-3:])


def test_the_format_is_told_by_content_not_by_name(tmp_path: Path, text: str) -> None:
    path = tmp_path / "plan.docx"  # a text file under a Word name
    path.write_text(text, encoding="utf-8")
    assert read_file(path).format == "text"
    assert detect_format(b"<!DOCTYPE html><html><body><p>x</p></body></html>") is Format.HTML
    assert detect_format(b"%PDF-1.7\n") is Format.PDF
    assert detect_format(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100)) is Format.LEGACY
    with pytest.raises(UnsupportedFormatError, match="image"):
        read_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100), "scan.png")
