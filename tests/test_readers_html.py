"""Web pages (.html): the plan read from a government site's page is the plan read from text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import yingshang
from yingshang.cli import main
from yingshang.io import to_json
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
    # The page writes padding spaces as &nbsp; (as sites do), which the reader keeps: a text's
    # "的  0" reads "的\xa0 0" from the page. The same plan, U+00A0 read as a space.
    from_page = to_json(comparable(yingshang.parse_file(path))).replace("\xa0", " ")
    assert from_page == to_json(comparable(yingshang.parse(text)))


_TITLED_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{title}_某市人民政府</title></head>
<body>
<div class="header"><h1>某市人民政府门户网站</h1><a href="/">首页</a></div>
<div class="main">
  <div class="{box}">{heading}
    <div class="info">发布时间：2020-03-05 来源：市政府办公厅 字号：大 中 小</div>
  </div>
  <div class="content">
    {repeat}<p>某府办发〔2020〕12号</p>
    <p>各区县人民政府，市政府各部门：</p>
    <p>现将《某市优化营商环境行动方案》印发给你们，请认真贯彻执行。</p>
    <p>某市人民政府办公厅</p><p>2020年3月1日</p>
    <p>某市优化营商环境行动方案</p>
    <p>为持续优化营商环境，激发市场活力，制定本方案。</p>
    <p>一、优化开办企业</p>
    <p>（一）压缩开办时间。企业开办时间压缩至3个工作日以内。（市市场监管局牵头，市税务局配合）</p>
    <p>（二）推行电子证照。2020年6月底前实现电子营业执照全面应用。（市大数据局牵头）</p>
    <p>二、提升审批效率</p>
    <p>（一）推行告知承诺。审批时间压缩至法定时限的一半。（市政务服务局牵头，市司法局配合）</p>
    <p>（二）精简申请材料。申请材料减少30%以上。（市政务服务局牵头）</p>
  </div>
</div>
<div class="footer">版权所有：某市人民政府办公厅</div>
</body></html>
"""
_NOTICE_TITLE = "某市人民政府办公厅关于印发某市优化营商环境行动方案的通知"


@pytest.mark.parametrize(
    ("box", "heading"),
    [
        ("article-title", f"<h1>{_NOTICE_TITLE}</h1>"),
        ("titlebox", f"<div class='bt'>{_NOTICE_TITLE}</div>"),
    ],
    ids=["h1", "class"],
)
def test_a_title_set_above_the_article_is_the_notices_title(
    tmp_path: Path, box: str, heading: str
) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        _TITLED_PAGE.format(title=_NOTICE_TITLE, box=box, heading=heading, repeat=""), "utf-8"
    )
    plan = yingshang.parse_file(path)
    assert plan.notice is not None
    assert plan.notice.title is not None
    assert plan.notice.title.text == _NOTICE_TITLE
    assert plan.document_number == "某府办发〔2020〕12号"
    assert plan.title.text == "某市优化营商环境行动方案"
    assert [d.code for d in plan.diagnostics if d.severity.value == "error"] == []
    assert plan.source is not None
    for chrome in ("门户网站", "发布时间", "版权所有"):
        assert chrome not in plan.source.text


def test_a_title_the_article_repeats_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    page = _TITLED_PAGE.format(
        title=_NOTICE_TITLE,
        box="article-title",
        heading=f"<h1>{_NOTICE_TITLE}</h1>",
        repeat=f"<p>{_NOTICE_TITLE}</p>",
    )
    path.write_text(page, "utf-8")
    plan = yingshang.parse_file(path)
    assert plan.source is not None
    assert plan.source.text.count(_NOTICE_TITLE) == 1
    assert plan.notice is not None
    assert plan.notice.title is not None
    assert plan.notice.title.text == _NOTICE_TITLE
