"""Web pages (.html): the plan read from a government site's page is the plan read from text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import yingshang
from yingshang.cli import main
from yingshang.model import Plan
from yingshang.readers import read_bytes

from .fixtures.formats.make_fixtures import HERE, write_html
from .formats import comparable
from .render import table_export
from .strategies import table_plans

pytest.importorskip("lxml")


@pytest.fixture(scope="module")
def plan() -> Plan:
    return yingshang.datasets.chongqing_2019()


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("html") / "plan.html"
    write_html(yingshang.datasets.chongqing_2019_text(), path)
    return path


def test_a_gbk_page_with_site_chrome_and_rowspans_reads_as_the_plan(page: Path, plan: Plan) -> None:
    data = page.read_bytes()
    assert b"charset=gb2312" in data
    assert "开办企业".encode("gbk") in data
    read = yingshang.parse_file(page)
    assert comparable(read) == comparable(plan)
    assert read.source is not None
    assert read.source.encoding == "gb18030"
    for chrome in ("首页", "版权所有", "相关文件", "分享到", "网站标识码", "当前位置"):
        assert chrome not in read.source.text


def test_libreoffice_export_of_the_word_file_reads_as_the_plan(plan: Plan) -> None:
    read = yingshang.parse_file(HERE / "chongqing-2019-libreoffice.html")
    assert comparable(read) == comparable(plan)


def test_summary_of_a_page_prints_what_it_prints_for_the_embedded_plan(
    page: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summary"]) == 0
    embedded = capsys.readouterr().out
    assert main(["summary", str(page)]) == 0
    assert capsys.readouterr().out == embedded


def test_word_save_as_html_markup_breaks_and_spans_read_as_the_canonical_rows() -> None:
    page = """<html><head><meta charset="utf-8"></head><body><div class=WordSection1>
<p class=MsoNormal><span lang=EN-US>重庆市</span><span>营商
环境</span><o:p></o:p></p>
<table class=MsoTableGrid border=1>
<tr><td colspan=2><p class=MsoNormal>任务</p></td><td>牵头单位</td></tr>
<tr><td rowspan=2><p>1．精简流程</p></td><td>（1）第一。<br>（2）第二。</td><td>市市场监管局</td></tr>
<tr><td><p>（3）第三。</p></td><td><p>市公安局</p><p>&nbsp;</p></td></tr>
</table><p>Word&nbsp;HTML</p></div></body></html>"""
    text = read_bytes(page.encode("utf-8")).text
    assert text == (
        "重庆市营商环境\n"  # a line break between Chinese characters is no space
        "\t任务\n\t牵头单位\n\n"
        "\t1．精简流程\n\t（1）第一。\n（2）第二。\n\t市市场监管局\n\n"
        "\t\n\t（3）第三。\n\t市公安局\n\n"
        "Word\xa0HTML\n"
    )


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(random_plan=table_plans())
def test_random_plans_written_to_a_page_read_back_equal(random_plan: Plan, tmp_path: Path) -> None:
    text = table_export(random_plan)
    path = tmp_path / "plan.html"
    write_html(text, path, encoding="utf-8")
    assert comparable(yingshang.parse_file(path)) == comparable(yingshang.parse(text))
