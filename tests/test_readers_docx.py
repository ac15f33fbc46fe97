"""Word (.docx): the plan read from a Word file is the plan read from its text."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import yingshang
from yingshang.cli import main
from yingshang.model import Plan
from yingshang.readers import read_bytes

from .fixtures.formats.make_fixtures import write_docx
from .formats import comparable
from .render import table_export
from .strategies import table_plans

docx = pytest.importorskip("docx")


@pytest.fixture(scope="module")
def plan() -> Plan:
    return yingshang.datasets.chongqing_2019()


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("docx")
    text = yingshang.datasets.chongqing_2019_text()
    paths = {"merged": folder / "merged.docx", "numbered": folder / "numbered.docx"}
    write_docx(text, paths["merged"])
    write_docx(text, paths["numbered"], numbered=True)
    return paths


@pytest.mark.parametrize("kind", ["merged", "numbered"])
def test_the_embedded_plan_read_from_word_equals_the_plan_read_from_text(
    files: dict[str, Path], plan: Plan, kind: str
) -> None:
    read = yingshang.parse_file(files[kind])
    assert (len(read.areas), len(read.measures), len(read.actions)) == (20, 91, 206)
    assert comparable(read) == comparable(plan)
    assert read.source is not None
    assert read.source.format == "docx"
    assert read.source.path == str(files[kind])
    for action in read.actions:  # every span slices the text the plan keeps
        assert yingshang.clean_text(action.span.slice(read.source.text)) == action.text


def test_word_list_numbers_are_rebuilt_not_in_the_runs(files: dict[str, Path]) -> None:
    document = docx.Document(str(files["numbered"]))
    written = "".join(p.text for t in document.tables for c in t._cells for p in c.paragraphs)
    assert "（1）除涉及前置审批" not in written  # the number is Word's, not the text's
    text = read_bytes(files["numbered"].read_bytes()).text
    assert "\t（1）除涉及前置审批" in text
    assert "\t91．优化综合立体交通指数" in text
    assert "\n三、组织保障\n" in text
    assert "\n（三）加强宣传引导。" in text


def test_summary_of_a_word_file_prints_what_it_prints_for_the_embedded_plan(
    files: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summary"]) == 0
    embedded = capsys.readouterr().out
    assert main(["summary", str(files["merged"])]) == 0
    assert capsys.readouterr().out == embedded


def _document_xml(body: str, numbering: str = "") -> bytes:
    """A minimal .docx around `body` (WordprocessingML), with `numbering` definitions."""
    document = docx.Document()
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    element = document.element.body
    for child in list(element):
        if not child.tag.endswith("sectPr"):
            element.remove(child)
    wrapper = parse_xml(f"<w:body {nsdecls('w')}>{body}</w:body>")
    for index, child in enumerate(list(wrapper)):
        element.insert(index, child)
    if numbering:
        part = document.part.numbering_part.element
        for child in parse_xml(f"<w:numbering {nsdecls('w')}>{numbering}</w:numbering>"):
            part.append(child)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _p(text: str, numbered: str = "") -> str:
    return f"<w:p>{numbered and f'<w:pPr>{numbered}</w:pPr>'}<w:r><w:t>{text}</w:t></w:r></w:p>"


def _tc(*paragraphs: str, properties: str = "") -> str:
    inner = "".join(_p(p) for p in paragraphs) or "<w:p/>"
    return f"<w:tc>{properties and f'<w:tcPr>{properties}</w:tcPr>'}{inner}</w:tc>"


def test_merged_cells_and_paragraphs_in_a_cell_read_as_the_canonical_rows() -> None:
    body = (
        "<w:tbl>"
        "<w:tr><w:trPr><w:tblHeader/></w:trPr>"
        + _tc("任务", properties='<w:gridSpan w:val="2"/>')
        + _tc("牵头单位")
        + "</w:tr>"
        "<w:tr>" + _tc("一、开办企业", properties='<w:gridSpan w:val="3"/>') + "</w:tr>"
        "<w:tr>"
        + _tc("1．精简流程", properties='<w:vMerge w:val="restart"/>')
        + _tc("（1）第一。", "（2）第二。")
        + _tc("市市场监管局")
        + "</w:tr>"
        "<w:tr>" + _tc(properties="<w:vMerge/>") + _tc("（3）第三。") + _tc("市公安局") + "</w:tr>"
        "</w:tbl>"
    )
    text = read_bytes(_document_xml(body)).text
    assert text == (
        "\t任务\n\t牵头单位\n\n"
        "\t一、开办企业\n\n"
        "\t1．精简流程\n\t（1）第一。\n（2）第二。\n\t市市场监管局\n\n"
        "\t\n\t（3）第三。\n\t市公安局\n\n"
    )


def test_numbering_formats_levels_and_restarts_count_as_word_does() -> None:
    levels = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
        '<w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/>'
        '<w:lvlText w:val="%2"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%1.%3"/><w:isLgl/></w:lvl>'
    )
    numbering = (
        f'<w:abstractNum w:abstractNumId="7">{levels}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="7"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="11"/></w:lvlOverride></w:num>'
    )

    def numbered(level: int, num: int = 1) -> str:
        return f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>'

    body = "".join(
        [
            _p("甲", numbered(0)),
            _p("乙", numbered(1)),
            _p("丙", numbered(1)),
            _p("丁", numbered(2)),
            _p("戊", numbered(0)),
            _p("己", numbered(1)),  # restarts under a new first level
            _p("庚"),
            _p("辛", numbered(0, 2)),  # a list restarting at 11
        ]
    )
    text = read_bytes(_document_xml(body, numbering)).text
    assert text.split("\n")[:8] == [
        "一、甲",
        "①乙",
        "②丙",
        "1.1丁",
        "二、戊",
        "①己",
        "庚",
        "十一、辛",
    ]


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(random_plan=table_plans())
def test_random_plans_written_to_word_read_back_equal(random_plan: Plan, tmp_path: Path) -> None:
    text = table_export(random_plan)
    path = tmp_path / "plan.docx"
    write_docx(text, path)
    assert comparable(yingshang.parse_file(path)) == comparable(yingshang.parse(text))
