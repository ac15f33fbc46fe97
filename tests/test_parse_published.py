"""Plans as they are published, one rule at a time, on openings written for these tests.

Each text is made up for the project in the styles real plans come in (provinces, cities,
counties, Traditional copies, ASCII punctuation, site chrome); none is copied from a plan.
"""

from __future__ import annotations

import datetime

import pytest

import yingshang
from yingshang.model import Plan, Severity, TargetKind


def roles(plan: Plan) -> list[tuple[str, list[str], list[str]]]:
    return [
        (
            action.text[:6],
            [a.name for a in action.lead_agencies],
            [a.name for a in action.cooperating_agencies],
        )
        for action in plan.actions
    ]


def codes(plan: Plan) -> list[str]:
    return [d.code for d in plan.diagnostics]


PROVINCE_TRADITIONAL = """\
各設區市人民政府，省政府各部門：
《某省優化營商環境若干措施》已經省政府同意，現印發給你們，請認真貫徹執行。
某省人民政府辦公廳
2022年4月6日
（此件公開發布）
某省優化營商環境若干措施
為進一步優化營商環境，制定以下措施。
一、提升開辦企業便利度
1.壓縮開辦時間。企業開辦時間壓縮至1個工作日。〔牽頭單位：省市場監管局；責任單位：省公安廳、省稅務局〕
2.推行電子印章。新辦企業免費發放電子印章。〔牽頭單位：省市場監管局，責任單位：省政務服務中心，2022年6月底前完成〕
"""


def test_a_traditional_copy_that_opens_with_its_recipients() -> None:
    plan = yingshang.parse(PROVINCE_TRADITIONAL)
    assert plan.title.text == "某省優化營商環境若干措施"
    assert plan.issuer == "某省人民政府辦公廳"
    assert plan.issue_date == datetime.date(2022, 4, 6)
    assert plan.recipients == ("各設區市人民政府", "省政府各部門")
    assert plan.notice is not None
    assert [r.text for r in plan.notice.remarks] == ["（此件公開發布）"]
    assert roles(plan) == [
        ("企業開辦時間", ["省市場監管局"], ["省公安廳", "省稅務局"]),
        ("新辦企業免費", ["省市場監管局"], ["省政務服務中心"]),
    ]
    (deadline,) = [t for t in plan.actions[1].targets if t.kind is TargetKind.DEADLINE]
    assert deadline.text == "2022年6月底前完成"  # the bracket's completion word is the date's
    assert deadline.deadline is not None
    assert deadline.deadline.date == datetime.date(2022, 6, 30)
    assert not any(d.severity is Severity.ERROR for d in plan.diagnostics)


CITY_WITH_CHROME = """\
首页 > 政务公开 > 政策文件
字体：【大 中 小】 打印
某市人民政府关于印发《某市营商环境提升行动方案》的通知
某府发[2021]12号
各区县人民政府，市政府各部门：
现将《某市营商环境提升行动方案》印发给你们，请认真组织实施。
某市人民政府
2021115
二维码 分享到
一、工作目标
到2022年底，营商环境进入全省前列。
二、重点任务
（一）优化政务服务。推行一网通办。（市政务服务局牵头，市各有关部门配合）
（二）降低用电成本。减少用电环节。（市发展改革委牵头负责，6月底前完成）
"""


def test_a_city_page_with_chrome_a_mangled_date_and_no_title_line() -> None:
    plan = yingshang.parse(CITY_WITH_CHROME)
    assert plan.title.text == "某市营商环境提升行动方案"
    assert plan.document_number == "某府发[2021]12号"
    assert plan.issuer == "某市人民政府"
    assert plan.issue_date is None
    assert codes(plan).count("site-chrome") == 3
    assert "mangled-date" in codes(plan)
    assert [s.title for s in plan.sections][:1] == ["工作目标"]
    assert roles(plan) == [
        ("推行一网通办", ["市政务服务局"], ["市各有关部门"]),
        ("减少用电环节", ["市发展改革委"], []),
    ]
    assert "6月底前完成" in [t.text for t in plan.actions[1].targets] or any(
        t.text.startswith("6月底前") for t in plan.actions[1].targets
    )


COUNTY_WITH_LINES = """\
某县2023年优化营商环境工作要点
某政办〔2023〕8号
为持续优化营商环境，制定本要点。
一、优化审批服务
以下各项任务各乡镇人民政府均需落实，不再列出。
1、推行承诺制审批。对低风险项目实行告知承诺。
责任单位：县行政审批局、县住建局（第一责任单位为牵头单位，下同）
时限要求：2023年6月底前
2、压缩审批时间。工程项目审批时间压缩至30个工作日以内。
责任单位：县住建局、县自然资源局
完成时限：2023年12月底前
"""


def test_a_county_writes_roles_and_deadlines_on_lines_below_each_item() -> None:
    plan = yingshang.parse(COUNTY_WITH_LINES)
    assert plan.title.text == "某县2023年优化营商环境工作要点"
    assert plan.document_number == "某政办〔2023〕8号"
    assert roles(plan) == [
        ("对低风险项目", ["县行政审批局"], ["县住建局", "各乡镇人民政府"]),
        ("工程项目审批", ["县住建局"], ["县自然资源局", "各乡镇人民政府"]),
    ]
    due = [
        [t.deadline.date for t in a.targets if t.kind is TargetKind.DEADLINE and t.deadline]
        for a in plan.actions
    ]
    assert due == [[datetime.date(2023, 6, 30)], [datetime.date(2023, 12, 31)]]


DISTRICT_RUN_IN = """\
某区关于进一步优化营商环境的实施意见
一 总体要求
坚持问题导向，持续优化营商环境。
二 主要任务
（一）深化商事制度改革。(1)推行全程电子化登记。(区市场监管局牵头负责)(2)推进名称自主申报。(区市场监管局、区政务服务中心牵头，各街道按职责分工负责)
（二）优化纳税服务。区税务局要牵头负责，会同区财政局推行非接触式办税。
"""


def test_spaced_headings_run_in_items_and_agencies_as_a_sentences_subject() -> None:
    plan = yingshang.parse(DISTRICT_RUN_IN)
    assert plan.title.text == "某区关于进一步优化营商环境的实施意见"
    assert [s.title for s in plan.sections] == ["总体要求", "主要任务"]
    assert [(a.number, a.marker.text if a.marker else None) for a in plan.actions][:2] == [
        (1, "(1)"),
        (2, "(2)"),
    ]
    assert roles(plan) == [
        ("推行全程电子", ["区市场监管局"], []),
        ("推进名称自主", ["区市场监管局", "区政务服务中心"], ["各街道"]),
        ("区税务局要牵", ["区税务局"], []),
    ]
    assert [a.agencies_inferred for a in plan.actions] == [False, False, True]


NATIONAL_WITH_NEWS = """\
日前,国务院办公厅印发通知,部署优化营商环境重点工作。通知要求各地区各部门抓好落实。
国务院办公厅关于印发某某重点任务分工方案的通知
国办发〔2020〕7号
各省、自治区、直辖市人民政府,国务院各部委、各直属机构:
《某某重点任务分工方案》已经国务院同意,现印发给你们,请认真贯彻落实。
国务院办公厅
2020年3月2日
(此件公开发布)
某某重点任务分工
方案
为落实会议部署,制定本分工方案。
一、持续放宽市场准入
(一)压减负面清单事项。(发展改革委、商务部牵头,各地区按职责分工负责)
具体措施:
1.2020年底前修订负面清单。(发展改革委牵头,各地区按职责分工负责)
"""


def test_a_news_lead_ascii_punctuation_and_a_title_split_over_two_lines() -> None:
    plan = yingshang.parse(NATIONAL_WITH_NEWS)
    assert plan.title.text == "某某重点任务分工方案"
    assert plan.document_number == "国办发〔2020〕7号"
    assert plan.issue_date == datetime.date(2020, 3, 2)
    assert "news-lead" in codes(plan)
    assert "list-intro" in codes(plan)
    assert roles(plan) == [
        ("压减负面清单", ["发展改革委", "商务部"], ["各地区"]),
        ("2020年底", ["发展改革委"], ["各地区"]),
    ]
    assert plan.actions[1].marker is not None
    assert plan.actions[1].marker.text == "1."


@pytest.mark.parametrize(
    ("head", "title", "number"),
    [
        (
            "某市优化营商环境实施方案(某政发〔2019〕3号)\n",
            "某市优化营商环境实施方案",
            "某政发〔2019〕3号",
        ),
        (
            "某政发〔2019〕3号 某市优化营商环境实施方案\n",
            "某市优化营商环境实施方案",
            "某政发〔2019〕3号",
        ),
        (
            "某政發〔2019〕3號\n某市優化營商環境實施方案\n",
            "某市優化營商環境實施方案",
            "某政發〔2019〕3號",
        ),
        (
            "某市优化营商环境实施方案\n某政发〔2019〕3\n",
            "某市优化营商环境实施方案",
            "某政发〔2019〕3",
        ),
        ("某市人民政府关于印发某市优化营商环境实施方案的通知\n", "某市优化营商环境实施方案", None),
        (
            "某市人民政府关于进一步优化营商环境的通知\n",
            "某市人民政府关于进一步优化营商环境的通知",
            None,
        ),
        ("全文 打印 关闭\n某市优化营商环境实施方案\n", "某市优化营商环境实施方案", None),
    ],
)
def test_title_and_document_number_wherever_they_stand(
    head: str, title: str, number: str | None
) -> None:
    plan = yingshang.parse(head + "一、主要任务\n（一）推行网办。（市政务服务局负责）\n")
    assert plan.title.text == title
    assert plan.document_number == number
    assert [a.name for a in plan.actions[0].lead_agencies] == ["市政务服务局"]


def test_role_words_never_end_up_in_a_name() -> None:
    text = (
        "某方案\n一、任务\n1.甲事项。(市商务局牵头负责)\n2.乙事项。(市财政局牵头落实,市税务局配合)\n"
        "3.丙事项。(市交通局会同市公安局负责)\n"
    )
    names = [a.name for action in yingshang.parse(text).actions for a in action.agencies]
    assert names == ["市商务局", "市财政局", "市税务局", "市交通局", "市公安局"]


def test_a_plan_without_a_title_is_recovered_with_an_error() -> None:
    plan = yingshang.parse(
        "为优化营商环境，制定如下措施。\n一、任务\n（一）推行网办。（市政务服务局负责）\n"
    )
    assert plan.title.text == ""
    assert "no-title" in codes(plan)
    with pytest.raises(yingshang.ParseError, match="title"):
        yingshang.parse(
            "为优化营商环境，制定如下措施。\n一、任务\n（一）推行网办。（市政务服务局负责）\n",
            strict=True,
        )


PLAN_ISSUED_DIRECTLY = """\
宿州市人民政府关于创优营商环境的实施意见{number}
{recipients}为进一步优化营商环境，提出如下意见。
一、总体要求
全面优化营商环境。
二、主要任务
（一）压缩开办时间。企业开办时间压缩至1个工作日以内。（市市场监管局牵头负责）
"""


@pytest.mark.parametrize("number", ["", "(宿政〔2021〕12号)", "\n宿政〔2021〕12号"])
@pytest.mark.parametrize("recipients", ["", "各县区人民政府，市直各单位：\n"])
def test_a_plan_issued_directly_has_its_title_above_its_number_and_recipients(
    number: str, recipients: str
) -> None:
    text = PLAN_ISSUED_DIRECTLY.format(number=number, recipients=recipients)
    plan = yingshang.parse(text)
    assert plan.title.text == "宿州市人民政府关于创优营商环境的实施意见"
    assert plan.document_number == ("宿政〔2021〕12号" if number else None)
    assert plan.recipients == (("各县区人民政府", "市直各单位") if recipients else ())
    assert codes(plan) == []  # the line with the title and its bracketed 文号 is understood
    assert [s.title for s in plan.sections] == ["总体要求", "主要任务"]
    assert roles(plan) == [("企业开办时间", ["市市场监管局"], [])]
    assert yingshang.coverage(plan) == ()


CUT_INSIDE_A_BRACKET = """\
某区2024年优化营商环境重点任务分工方案
一、提升审批效率
1.推行容缺受理，编制容缺受理事项清单。（牵头单位：区政务服务中心；责任单位：区直有关部门）
2.深化投资审批改革，探索项目单位自行编制申请材料的事项清单，不断优化申报模式。（牵头单位：区发展改革局、区行政审批局；责任单位：区财
"""


def test_a_bracket_cut_by_the_texts_end_names_no_agency() -> None:
    # The last bracket stops in its second label: 区财 is no agency, and no label of the cut
    # bracket is read as the whole of the item's roles; the cut is the error to report.
    plan = yingshang.parse(CUT_INSIDE_A_BRACKET)
    assert roles(plan) == [
        ("推行容缺受理", ["区政务服务中心"], ["区直有关部门"]),
        ("深化投资审批", [], []),
    ]
    assert plan.actions[1].text.endswith("责任单位：区财")
    assert "truncated" in codes(plan)
    assert "no-lead-agency" in codes(plan)


def test_a_short_last_line_that_leaves_a_quote_open_was_cut() -> None:
    # A heading cut inside its quote is short, but no whole line leaves “ open; a short last
    # line that closes what it opens (a signature) is no cut. (A heading with nothing under it
    # ends no plan, quotes closed or not: test_a_text_that_ends_with_a_numbered_heading_was_cut.)
    whole = CUT_INSIDE_A_BRACKET.rsplit("\n", 2)[0] + "（牵头单位：区发展改革局）\n"
    assert "truncated" not in codes(yingshang.parse(whole + "区“放管服”改革办公室\n"))
    assert "truncated" in codes(yingshang.parse(whole + "二、大力推行“首席服务员\n"))


PORTAL_WITH_PADDED_LABELS = """\
某市人民政府门户网站 政策文件
文章正文
索引号:11500000MB1234567X/2023-00021
发布机构:某市人民政府办公室   发布日期:2023-05-10 09:30:00
名  称:某市人民政府办公室关于印发某市2023年优化营商环境重点工作安排的通知
有 效 性:有效   文  号:某府办函〔2023〕12号
某市人民政府办公室关于印发某市2023年优化营商环境重点工作安排的通知
各区县人民政府，市政府各部门：
《某市2023年优化营商环境重点工作安排》已经市政府同意，现印发给你们，请认真组织实施。
某市人民政府办公室
2023年5月8日
某市2023年优化营商环境重点工作安排
一、提升审批效率
1.推行容缺受理。（牵头单位：市政务服务中心；责任单位：市级有关部门）
"""


def test_a_portals_labels_padded_with_spaces_are_its_metadata() -> None:
    # 文  号:, 有 效 性:, 名  称: — padded to the width of the other labels — are metadata; the
    # 文号 is the notice's, and the notice's title does not reach up across the metadata.
    plan = yingshang.parse(PORTAL_WITH_PADDED_LABELS)
    assert plan.notice is not None
    assert plan.document_number == "某府办函〔2023〕12号"
    assert plan.notice.title is not None
    assert plan.notice.title.text == (
        "某市人民政府办公室关于印发某市2023年优化营商环境重点工作安排的通知"
    )
    assert codes(plan).count("site-metadata") == 4
    assert yingshang.coverage(plan) == ()


REPOSTED_WITH_BULLETED_CHROME = """\
首页-政务公开-政策文件
发文日期: 公开方式:
  • 发布日期:2021-10-15 09:24:16
  • 点击次数:
发表日期: 2021-10-15 来源:某县营商局 作者:张三 该信息已被浏览:
某市委办公室 某市政府办公室 关于印发《某市优化营商环境工作方案》的通知
各区县党委、政府，市委各部委，市政府各部门：
《某市优化营商环境工作方案》已经市委、市政府同意，现印发给你们，请认真贯彻落实。
某市人民政府办公室
2021年9月30日
某市优化营商环境工作方案
一、提升审批效率
1.推行容缺受理。（牵头单位：市政务服务中心；责任单位：市级有关部门）
"""


def test_a_reposted_pages_bulleted_and_labelled_chrome_is_no_part_of_the_notice() -> None:
    # A breadcrumb written with dashes, a list of the page's counters opened by bullets, and a
    # line of when and by whom it was posted: chrome and metadata, never the recipients (they
    # end with a colon, as recipients do).
    plan = yingshang.parse(REPOSTED_WITH_BULLETED_CHROME)
    assert plan.notice is not None
    assert plan.notice.recipients is not None
    assert plan.notice.recipients.text.startswith("各区县党委")
    assert plan.notice.issue_date == datetime.date(2021, 9, 30)
    assert "unparsed" not in codes(plan)
    assert codes(plan).count("site-chrome") == 4
    assert codes(plan).count("site-metadata") == 1


SIGNED_ON_ONE_LINE = """\
某市委办公室 某市政府办公室 关于印发《某市优化营商环境工作方案》的通知
各区县党委、政府，市委各部委，市政府各部门：
《某市优化营商环境工作方案》已经市委、市政府同意，现印发给你们，请认真贯彻落实。
中共某市委办公室某市人民政府办公室2018年 8月 1日
某市优化营商环境工作方案
一、提升审批效率
1.推行容缺受理。（牵头单位：市政务服务中心；责任单位：市级有关部门）
"""


def test_an_issuer_and_its_date_on_one_line_sign_the_notice() -> None:
    # A page that lost the line break between the issuer and the date: the line signs.
    plan = yingshang.parse(SIGNED_ON_ONE_LINE)
    assert plan.notice is not None
    assert plan.issuer == "中共某市委办公室某市人民政府办公室"
    assert plan.issue_date == datetime.date(2018, 8, 1)
    assert plan.notice.issue_date_text is not None
    assert plan.notice.issue_date_text.text == "2018年 8月 1日"
    assert "unparsed" not in codes(plan)
    assert yingshang.coverage(plan) == ()


def test_an_issuer_and_its_date_on_one_line_sign_a_plan_below_its_body() -> None:
    body = SIGNED_ON_ONE_LINE.split("\n", 4)[4]
    plan = yingshang.parse(body + "某市人民政府2019年3月5日\n")
    assert (plan.issuer, plan.issue_date) == ("某市人民政府", datetime.date(2019, 3, 5))


SITE_LINKS_ABOVE_THE_TITLE = """\
点这里
返回目录

某市某区人民政府

某市某区关于持续优化营商环境支持市场主体发展的若干措施

来源:某区发展和改革局发布时间:2023-03-10

  为深化“放管服”改革，结合我区实际，提出以下措施。
  一、提升审批效率
  1.推行容缺受理。（牵头单位：区政务服务中心；责任单位：区级有关部门）
"""


def test_a_pages_links_and_the_sites_name_above_the_title_are_not_the_title() -> None:
    # Short lines above a title that stands alone — links, the site's name ending with its
    # organ — are the page's heading, not the plan's title nor half of it.
    plan = yingshang.parse(SITE_LINKS_ABOVE_THE_TITLE)
    assert plan.title.text == "某市某区关于持续优化营商环境支持市场主体发展的若干措施"
    assert codes(plan).count("page-title") == 3
    # A title split over two lines still joins (its first half names no organ).
    split = SITE_LINKS_ABOVE_THE_TITLE.replace(
        "某市某区关于持续优化营商环境支持市场主体发展的若干措施",
        "某市某区关于持续优化营商环境\n支持市场主体发展的若干措施",
    ).replace("点这里\n返回目录\n\n某市某区人民政府\n\n", "")
    assert yingshang.parse(split).title.text == (
        "某市某区关于持续优化营商环境支持市场主体发展的若干措施"
    )


def _garbled(text: str, written: str, read: str) -> str:
    """Return `text` as a wrong decoding leaves it: its bytes in `written` read as `read`."""
    return text.encode(written).decode(read, errors="replace")


@pytest.mark.parametrize(
    ("written", "read"),
    [("utf-8", "gbk"), ("gbk", "big5"), ("utf-8", "big5")],
)
def test_a_piece_garbled_by_a_wrong_decoding_is_reported(written: str, read: str) -> None:
    # A page that garbled one heading: the plan reads what it can, and says where the text is
    # not what was published (a heading lost this way must not vanish unremarked).
    piece = "（二）推进“一网通办”改革，实现全程网办。"
    garbled = _garbled(piece, written, read)
    text = CUT_INSIDE_A_BRACKET.rsplit("\n", 2)[0] + "（牵头单位：区发展改革局）\n" + garbled + "\n"
    plan = yingshang.parse(text)
    found = [d for d in plan.diagnostics if d.code == "garbled"]
    assert found
    assert all(d.severity is Severity.WARNING for d in found)
    start = text.index(garbled)
    assert all(start <= d.span.start < d.span.end <= start + len(garbled) for d in found)
    assert "garbled" not in codes(yingshang.parse(text.replace(garbled, piece)))


def test_a_signature_of_a_body_under_its_organs_on_two_lines_is_one_issuer() -> None:
    # 中共某县委某县人民政府 ⏎ 优化营商环境领导小组: the organs, then the body of theirs that signs.
    text = SIGNED_ON_ONE_LINE.replace(
        "中共某市委办公室某市人民政府办公室2018年 8月 1日",
        "中共某县委某县人民政府\n优化营商环境领导小组\n2019年7月16日",
    )
    plan = yingshang.parse(text)
    assert plan.issuer == "中共某县委某县人民政府优化营商环境领导小组"
    assert plan.notice is not None
    assert [p.text[:4] for p in plan.notice.paragraphs] == ["《某市优"]


def test_a_short_aside_in_a_sentence_is_no_bracket_of_agencies() -> None:
    # 住所(经营场所), 《…办法(试行)》: asides inside a sentence, not the item's agencies, which
    # close it; the title keeps its aside too.
    plan = yingshang.parse(
        "某区优化营商环境行动方案\n一、提升政务服务\n"
        "1.开展住所(经营场所)登记改革。落实《住所登记管理办法(试行)》，在住所(经营场所)以外"
        "开设分支机构免于再次办理许可。(牵头单位:区市场监管局;责任单位:区司法局)\n"
        "2.推行“一网通办”。全面推行网上办理(区政务服务局、区大数据中心)。\n"
        "3.规范备案。出台住所登记备案管理办法(试行)。(区司法局牵头)\n"
        "4.设立专区。依托市民中心(区行政服务中心)设立开办专区。(牵头单位:区政务服务局)\n"
    )
    first, _, third, fourth = plan.areas[0].measures
    assert first.title == "开展住所(经营场所)登记改革"
    (action,) = first.actions
    assert action.text.endswith("免于再次办理许可。")
    assert [a.name for a in action.lead_agencies] == ["区市场监管局"]
    assert roles(plan)[1][1] == ["区政务服务局", "区大数据中心"]  # a bare list closes its item
    assert [a.name for a in third.actions[0].lead_agencies] == ["区司法局"]  # (试行) names none
    # A name's other name, inside the sentence, is no list of the item's agencies either.
    (action,) = fourth.actions
    assert action.text == "依托市民中心(区行政服务中心)设立开办专区。"
    assert [a.name for a in action.lead_agencies] == ["区政务服务局"]
    names = {a.name for action in plan.actions for a in action.lead_agencies}
    assert not names & {"经营场所", "试行"}


def test_a_portals_metadata_names_the_title_and_dates_it_in_figures() -> None:
    # An accessibility toolbar, the site's sections and name, then the metadata: 名称 names the
    # title that stands below, 成文日期 in figures is the issue date.
    plan = yingshang.parse(
        "无障碍  长者助手 我的收藏 收藏\n政府信息公开 规章库\n某区行政审批局政府信息公开\n"
        "索引号: 1144/2022-00025 分类:\n发布机构: 某区行政审批局 成文日期: 2022-05-19\n"
        "名称: 某区 某开发区进一步优化营商环境行动方案\n"
        "某区 某开发区进一步优化营商环境行动方案\n"
        "一、提升政务服务\n1.推行网上办理。全面推行。(牵头单位:某区行政审批局)\n"
    )
    assert plan.title is not None
    assert plan.title.text == "某区 某开发区进一步优化营商环境行动方案"
    assert plan.notice is not None
    assert plan.notice.issue_date == datetime.date(2022, 5, 19)
    assert "site-chrome" in codes(plan)
    assert not plan.warnings


def test_question_marks_a_wrong_conversion_left_of_indents_are_removed() -> None:
    plan = yingshang.parse(
        "某区优化营商环境行动方案\n??为进一步优化营商环境，制定本方案。\n??一、提升政务服务\n"
        "??1.推行网上办理。全面推行。(牵头单位:区政务服务局)\n"
    )
    assert [a.title for a in plan.areas] == ["提升政务服务"]
    assert roles(plan) == [("全面推行。", ["区政务服务局"], [])]
    assert codes(plan).count("mangled-indent") == 3
    assert not plan.warnings


def test_a_reposts_tag_before_each_heading_is_removed() -> None:
    plan = yingshang.parse(
        "某省人民政府关于优化营商环境的实施意见\n为优化营商环境，提出如下意见。\n"
        "【要闻|某省人民政府关于优化营商环境的实施意见】一、提升开办便利度\n"
        "【要闻|某省人民政府关于优化营商环境的实施意见】（一）压缩开办时间。"
        "全面推行网上办理。（省市场监管局牵头）\n"
    )
    assert [a.title for a in plan.areas] == ["提升开办便利度"]
    assert roles(plan) == [("全面推行网上", ["省市场监管局"], [])]
    assert codes(plan).count("repost-tag") == 2
    assert not plan.warnings


def test_a_text_that_ends_with_a_numbered_heading_was_cut() -> None:
    # No plan ends with a heading: (二)进一步 is what was left of a longer line.
    plan = yingshang.parse(
        "某区优化营商环境行动方案\n一、提升政务服务\n"
        "（一）推行网上办理。全面推行。（区政务服务局牵头）\n（二）进一步\n"
    )
    assert "truncated" in codes(plan)
    whole = yingshang.parse(
        "某区优化营商环境行动方案\n一、提升政务服务\n（一）推行网上办理。全面推行。（区政务服务局牵头）\n"
    )
    assert "truncated" not in codes(whole)


def test_a_title_above_its_number_split_after_guanyu_is_one_title() -> None:
    plan = yingshang.parse(
        "某省人民政府关于\n进一步优化营商环境的若干意见\n某政发〔2018〕26号\n"
        "各市、州、县人民政府，省政府各部门：\n为优化营商环境，提出如下意见。\n一、主要任务\n"
        "（一）提高市场开放程度。全面实施负面清单制度。（牵头单位：省发展改革委）\n"
    )
    assert plan.title is not None
    assert plan.title.text == "某省人民政府关于进一步优化营商环境的若干意见"
    assert not plan.warnings


def test_a_pages_heading_with_a_columns_name_before_the_title_is_the_pages() -> None:
    plan = yingshang.parse(
        "时政|某省人民政府关于优化营商环境的若干意见\n来源:某省人民政府网\n"
        "某省人民政府关于优化营商环境的若干意见\n某政发〔2020〕4号\n各市人民政府：\n"
        "为优化营商环境，提出如下意见。\n一、主要任务\n"
        "（一）提高市场开放程度。全面实施负面清单制度。（牵头单位：省发展改革委）\n"
    )
    assert plan.title is not None
    assert plan.title.text == "某省人民政府关于优化营商环境的若干意见"
    assert "page-title" in codes(plan)
    assert not plan.warnings
