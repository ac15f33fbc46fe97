"""PDF: the plan read from LibreOffice's PDF of the Word file is the plan read from its text."""

from __future__ import annotations

import io

import pytest

import yingshang
from yingshang.errors import UnsupportedFormatError
from yingshang.model import Plan
from yingshang.readers import read_bytes

from .fixtures.formats.make_fixtures import HERE
from .formats import comparable

pdfium = pytest.importorskip("pypdfium2")
pytest.importorskip("pdfplumber")


@pytest.fixture(scope="module")
def read() -> Plan:
    return yingshang.parse_file(HERE / "chongqing-2019.pdf")


def test_the_pdf_reads_as_the_plan_headers_spacing_aside(read: Plan) -> None:
    plan = yingshang.datasets.chongqing_2019()
    assert (len(read.areas), len(read.measures), len(read.actions)) == (20, 91, 206)
    assert comparable(read, headers_spacing=False) == comparable(plan, headers_spacing=False)


def test_page_numbers_and_running_heads_are_dropped(read: Plan) -> None:
    assert read.source is not None
    assert "— 3 —" not in read.source.text
    assert "行政规范性文件" not in read.source.text
    with open(HERE / "chongqing-2019.pdf", "rb") as file:
        document = pdfium.PdfDocument(file.read())
        printed = document[2].get_textpage().get_text_range()
    assert "— 3 —" in printed
    assert "行政规范性文件" in printed


def test_a_pdf_without_a_text_layer_is_refused_as_a_scan() -> None:
    document = pdfium.PdfDocument.new()
    document.new_page(595, 842)
    out = io.BytesIO()
    document.save(out)
    with pytest.raises(UnsupportedFormatError, match="without a text layer"):
        read_bytes(out.getvalue(), "scan.pdf")


def test_summary_of_the_pdf_prints_what_it_prints_for_the_embedded_plan(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from yingshang.cli import main

    assert main(["summary"]) == 0
    embedded = capsys.readouterr().out
    assert main(["summary", str(HERE / "chongqing-2019.pdf")]) == 0
    assert capsys.readouterr().out == embedded
