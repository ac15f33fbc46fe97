"""Facts of the Chongqing 2019 plan (渝府办发〔2019〕81号), checked against the document."""

from __future__ import annotations

import datetime
from pathlib import Path

import attrs
import pytest
import regex

import yingshang
from yingshang.datasets import chongqing_2019, chongqing_2019_text
from yingshang.model import Action, Plan, Severity

from .test_parse_properties import assert_spans_slice_back, uncovered

SHARED_COPY = Path(__file__).resolve().parents[2] / "shared" / "plans" / "chongqing-2019.txt"

AREA_TITLES = [
    "开办企业",
    "办理建筑许可",
    "获得电力",
    "获得用水",
    "获得用气",
    "获得网络",
    "登记财产",
    "纳税",
    "跨境贸易",
    "办理破产",
    "获得信贷",
    "保护中小投资者",
    "执行合同",
    "劳动力市场监管",
    "政府采购",
    "招标投标",
    "政务服务",
    "知识产权创造、保护和运用",
    "市场监管",
    "包容普惠创新",
]

MEASURE_TITLES = {
    1: "精简企业开办流程",
    2: "压减企业开办耗时",
    3: "降低开办企业费用",
    4: "提升开办企业便利度",
    5: "精简办理建筑许可流程",
    6: "压减办理建筑许可耗时",
    7: "降低办理建筑许可费用",
    8: "优化建筑质量控制指数",
    9: "提高办理建筑许可便利度",
    10: "精简获得电力流程",
    11: "压减获得电力耗时",
    12: "降低获得电力费用",
    13: "优化供电可靠性和电费透明度指数",
    14: "降低电力价格",
    15: "提高获得电力便利度",
    16: "精简获得用水流程",
    17: "压减获得用水耗时",
    18: "降低获得用水费用",
    19: "降低用水价格",
    20: "精简获得用气流程",
    21: "压减获得用气耗时",
    22: "降低获得用气费用",
    23: "降低用气价格",
    24: "精简获得网络流程",
    25: "压减获得网络耗时",
    26: "降低获得网络费用",
    27: "提高获得网络便利度",
    28: "精简登记财产流程",
    29: "压减登记财产耗时",
    30: "降低登记财产费用",
    31: "优化土地管理质量指数",
    32: "提高登记财产便利度",
    33: "减少纳税次数",
    34: "压减纳税时间",
    35: "降低总税收和缴费率",
    36: "优化报税后流程指数",
    37: "压减出口边境审核耗时",
    38: "降低进出口边境审核费用",
    39: "压减进出口单证审核耗时",
    40: "降低进出口单证审核费用",
    41: "提高跨境贸易便利度",
    42: "压减收回债务所需的时间",
    43: "降低收回债务所需的成本",
    44: "提高债权人回收率",
    45: "优化破产法律框架质量指数",
    46: "优化合法权利度指数",
    47: "优化信用信息深度指数",
    48: "扩大银行征信系统覆盖面",
    49: "提高企业融资便利度",
    50: "增强信息披露透明度",
    51: "压实上市公司董事责任",
    52: "提高诉讼便利度",
    53: "保护股东权利",
    54: "强化所有权和管理控制",
    55: "增强公司透明度",
    56: "压减解决商业纠纷的耗时",
    57: "降低解决商业纠纷的费用",
    58: "优化司法程序质量指数",
    59: "提升聘用审查效率",
    60: "严格执行工作时间规定",
    61: "妥善做好裁员工作",
    62: "严格执行经济性裁员成本规定",
    63: "提升劳动力市场监管水平",
    64: "完善电子采购平台",
    65: "优化采购流程",
    66: "规范采购结果确定和合同签订",
    67: "强化合同管理",
    68: "加强支付和交付监管",
    69: "大力推行“互联网+招标采购”",
    70: "严格投标和履约担保管理",
    71: "保证市内外企业公平竞争",
    72: "建立公平有效的投诉机制",
    73: "提升网上政务服务能力",
    74: "提高政务服务事项便利度",
    75: "提高政务服务满意度",
    76: "推进与国家政务服务平台数据共享",
    77: "提高知识产权创造质量",
    78: "提高知识产权保护社会满意度",
    79: "扩大非诉纠纷解决机构覆盖面",
    80: "提高知识产权运用效益",
    81: "提升“双随机、一公开”监管覆盖率",
    82: "提高监管执法信息公开率",
    83: "提高政务诚信度",
    84: "提高商务诚信度",
    85: "推进与国家“互联网+监管”系统数据共享",
    86: "提高创新创业活跃度",
    87: "提高人才流动便利度",
    88: "提高市场开放度",
    89: "提高基本公共服务群众满意度",
    90: "优化蓝天碧水净土森林覆盖指数",
    91: "优化综合立体交通指数",
}

# Measures whose single action item carries no "（1）" marker, read off the table by eye.
UNMARKED_MEASURES = {
    2,
    10,
    16,
    17,
    19,
    20,
    21,
    29,
    31,
    35,
    40,
    42,
    48,
    50,
    52,
    53,
    55,
    57,
    60,
    67,
    71,
    72,
    87,
}

MARKET_REGULATOR = "市市场监管局"
OPENING_COOPERATORS = ["市公安局", "市人力社保局", "重庆市税务局"]


@pytest.fixture(scope="module")
def plan() -> Plan:
    return chongqing_2019()


@pytest.fixture(scope="module")
def text() -> str:
    return chongqing_2019_text()


def action(plan: Plan, measure: int, number: int) -> Action:
    (found,) = [a for a in plan.measures[measure - 1].actions if a.number == number]
    return found


def agencies(names: list[str] | tuple[object, ...]) -> list[str]:
    return [getattr(u, "name", u) for u in names]  # type: ignore[misc]


def test_the_shipped_copy_is_the_shared_plan_to_the_byte(text: str) -> None:
    if not SHARED_COPY.exists():
        pytest.skip("the shared plans folder is not beside this checkout")
    assert SHARED_COPY.read_text(encoding="utf-8") == text


def test_notice(plan: Plan) -> None:
    assert plan.title.text == "重庆市营商环境优化提升工作方案"
    assert plan.document_number == "渝府办发〔2019〕81号"
    assert plan.issuer == "重庆市人民政府办公厅"
    assert plan.issue_date == datetime.date(2019, 7, 23)
    assert plan.recipients == ("各区县（自治县）人民政府", "市政府各部门", "有关单位")
    assert plan.notice is not None
    assert plan.notice.title is not None
    assert (
        plan.notice.title.text == "重庆市人民政府办公厅关于印发重庆市营商环境优化提升工作方案的通知"
    )
    assert [r.text for r in plan.notice.remarks] == ["（此件公开发布）"]
    assert [p.text for p in plan.notice.paragraphs] == [
        "《重庆市营商环境优化提升工作方案》已经市政府同意，现印发给你们，请认真贯彻执行。"
    ]


def test_body_sections(plan: Plan) -> None:
    assert [(s.ordinal, s.title) for s in plan.sections] == [
        (1, "总体要求"),
        (2, "主要举措"),
        (3, "组织保障"),
    ]
    assert [(s.ordinal, s.title) for s in plan.sections[2].subsections] == [
        (1, "加强组织领导"),
        (2, "强化考核评价"),
        (3, "加强宣传引导"),
    ]
    assert plan.sections[2].subsections[1].paragraphs[0].text.startswith("对标国家营商环境评价要求")
    assert plan.preamble[0].text.startswith("为持续深化改革")
    assert [r.text for r in plan.attachment_references] == [
        "附件：重庆市营商环境优化提升主要举措及责任分工"
    ]


def test_attachment(plan: Plan) -> None:
    assert plan.attachment is not None
    assert plan.attachment.label is not None
    assert plan.attachment.label.text == "附件"
    assert plan.attachment.title is not None
    assert plan.attachment.title.text == "重庆市营商环境优化提升主要举措及责任分工"
    assert ["".join(h.text.split()) for h in plan.attachment.headers] == [
        "目标任务",
        "工作措施",
        "牵头单位",
        "配合单位",
    ]


def test_the_twenty_areas_in_order(plan: Plan) -> None:
    assert [a.title for a in plan.areas] == AREA_TITLES
    assert [a.ordinal for a in plan.areas] == list(range(1, 21))


def test_the_91_measures_with_their_titles(plan: Plan) -> None:
    assert {m.number: m.title for m in plan.measures} == MEASURE_TITLES
    assert [m.number for m in plan.measures] == list(range(1, 92))


def test_the_number_of_action_items_matches_an_independent_count(plan: Plan, text: str) -> None:
    table = text[text.index("\t目标任务") :]
    marked = regex.findall(r"(?m)^\t?(?:\[bookmark: [^\]]*\])?（\d+）", table)
    assert len(marked) + len(UNMARKED_MEASURES) == len(plan.actions) == 206
    assert {m.number for m in plan.measures if m.actions[0].marker is None} == UNMARKED_MEASURES


def test_item_numbers_run_from_one_in_every_measure(plan: Plan) -> None:
    for measure in plan.measures:
        assert [a.number for a in measure.actions] == list(range(1, len(measure.actions) + 1))


def test_measures_of_the_first_area_to_the_letter(plan: Plan) -> None:
    first = action(plan, 1, 1)
    assert first.text == (
        "除涉及前置审批事项或企业名称核准与企业设立登记不在同一机关外，企业名称不再实行预先核准，"
        "2019年9月底前实现全市企业名称自主申报。"
    )
    assert first.marker is not None
    assert first.marker.text == "（1）"
    assert agencies(first.lead_agencies) == [MARKET_REGULATOR]
    assert agencies(first.cooperating_agencies) == OPENING_COOPERATORS
    unmarked = action(plan, 2, 1)
    assert unmarked.marker is None
    assert (
        unmarked.text
        == "2019年底前实现办理营业执照、公章刻制、申领发票、员工参保登记3个工作日以内办结。"
    )
    assert agencies(action(plan, 4, 5).cooperating_agencies) == [
        *OPENING_COOPERATORS,
        "人行重庆营管部",
    ]
    assert action(plan, 4, 5).text == "取消企业银行账户许可，实现企业开户预约制。"


def test_items_split_over_rows_keep_their_own_agencies(plan: Plan) -> None:
    # Measure 14's two items stand in two rows with different lead agencies.
    first, second = plan.measures[13].actions
    assert (
        first.text
        == "降低用电价格。严格执行我市电价规定，确保一般工商业电价平均再降低10%的要求传导到终端客户。"
    )
    assert agencies(first.lead_agencies) == ["市发展改革委"]
    assert agencies(first.cooperating_agencies) == [
        "市市场监管局",
        "国网市电力公司",
        "三峡水利股份公司",
    ]
    assert (
        second.text
        == "降低购电成本。充分利用川渝输电通道，增购市外低价电，将价差收益传导至终端客户。"
    )
    assert agencies(second.lead_agencies) == ["市经济信息委"]
    assert agencies(second.cooperating_agencies) == ["市能源局", "国网市电力公司"]
    assert agencies(action(plan, 11, 2).cooperating_agencies) == [
        "市规划自然资源局",
        "市城市管理局",
        "市公安局",
        "国网市电力公司",
    ]


def test_repeated_headings_continue_the_area_and_measure(plan: Plan, text: str) -> None:
    building = plan.areas[1]
    assert building.title == "办理建筑许可"
    assert [m.number for m in building.measures] == [5, 6, 7, 8, 9]
    assert [s.slice(text) for s in building.repeated_at] == ["二、办理建筑许可"]
    service = plan.measures[73]
    assert service.number == 74
    assert len(service.actions) == 3
    assert [s.slice(text) for s in service.repeated_at] == ["74．提高政务服务事项便利度"]
    third = action(plan, 74, 3)
    assert third.text.startswith("强化服务能力支撑。完善政务服务平台身份认证")
    assert agencies(third.lead_agencies) == ["市政府电子政务办"]
    assert agencies(third.cooperating_agencies) == ["市大数据发展局"]
    ip = plan.measures[76]
    assert ip.number == 77
    assert len(ip.actions) == 4
    assert len(ip.repeated_at) == 1
    assert action(plan, 77, 3).text.endswith(
        "2019年底前围绕人工智能、新材料、农产品等领域建设5个产业专利导航中心。"
    )


def test_a_row_with_an_empty_lead_cell_is_kept_and_reported(plan: Plan, text: str) -> None:
    item = action(plan, 45, 4)
    assert (
        item.text == "2019年底前出台关于破产企业注销相关问题的会商纪要，完善破产企业注销工作机制。"
    )
    assert item.lead_agencies == ()
    assert item.cooperating_agencies == ()
    (warning,) = plan.warnings
    assert warning.code == "no-lead-agency"
    assert warning.span.slice(text).startswith("（4）2019年底前出台")


def test_a_measure_numbered_with_an_ascii_dot(plan: Plan, text: str) -> None:
    measure = plan.measures[49]
    assert (measure.number, measure.title) == (50, "增强信息披露透明度")
    assert measure.span.slice(text) == "50.增强信息披露透明度"
    assert agencies(measure.actions[0].lead_agencies) == ["重庆证监局"]


def test_the_stray_bookmark_is_removed_and_reported(plan: Plan, text: str) -> None:
    item = action(plan, 49, 2)
    assert item.text.startswith("提高部分贷款类别不良容忍度。")
    assert "bookmark" not in item.text
    assert agencies(item.lead_agencies) == ["重庆银保监局"]
    assert agencies(item.cooperating_agencies) == ["人行重庆营管部", "市金融监管局"]
    (info,) = [d for d in plan.diagnostics if d.code == "export-artifact"]
    assert info.span.slice(text) == "[bookmark: _GoBack]"
    assert "bookmark" not in "".join(a.text for a in plan.actions)


def test_more_items_to_the_letter(plan: Plan) -> None:
    expected = {
        (
            5,
            4,
        ): "建设工程规划许可与规划设计方案审查一并办理。环境影响评价、节能评价等评价事项不作为项目审批或核准条件，调整到施工许可前完成。",
        (27, 5): "除国家法律法规和相关政策明确禁止转网的用户外，2019年11月底前实现“携号转网”。",
        (
            36,
            2,
        ): "推行全程电子退税。推进退税电子化，2019年底前实现退税审核、退库业务全流程网上办理，有效缩减退库办理时间。",
        (44, 3): "推动破产财产网络拍卖，提高财产变现价值。",
        (
            19,
            1,
        ): "对于主城区不属于“两高一剩”项目的中小微企业及外商投资企业，不执行非居民超定额累进加价政策，按照非居民供水3.25元/吨的价格执行。",
    }
    for (measure, number), text in expected.items():
        assert action(plan, measure, number).text == text
    assert agencies(action(plan, 5, 4).lead_agencies) == ["市住房城乡建委", "市规划自然资源局"]
    assert agencies(action(plan, 5, 4).cooperating_agencies) == []
    assert agencies(action(plan, 36, 2).lead_agencies) == ["重庆市税务局", "人行重庆营管部"]
    assert agencies(action(plan, 44, 3).lead_agencies) == ["市高法院", "市政府办公厅"]
    assert agencies(action(plan, 44, 3).cooperating_agencies) == [
        "人行重庆营管部",
        "市市场监管局",
        "重庆市税务局",
        "市发展改革委",
    ]
    assert agencies(action(plan, 19, 1).cooperating_agencies) == ["市发展改革委"]
    last = plan.actions[-1]
    assert last.text.endswith("“一大四小”机场体系。")
    assert agencies(last.lead_agencies) == ["市交通局"]
    assert agencies(last.cooperating_agencies) == ["市发展改革委", "市规划自然资源局"]


def test_every_agency_is_a_name_without_separators(plan: Plan) -> None:
    names = {u.name for a in plan.actions for u in a.agencies}
    assert len(names) > 60
    assert all(not regex.search(r"[、，,；;\s]", name) and name for name in names)
    assert {"市市场监管局", "重庆市税务局", "人行重庆营管部", "国网市电力公司"} <= names


def test_every_span_slices_back_and_every_character_is_placed(plan: Plan, text: str) -> None:
    assert_spans_slice_back(plan, text)
    assert plan.attachment is not None
    assert uncovered(plan, text, plan.attachment.span.start) == []
    assert uncovered(plan, text, 0) == []


def test_parse_file_reads_gbk_and_utf8_with_bom(tmp_path: Path, plan: Plan, text: str) -> None:
    for encoding in ("gb18030", "utf-8-sig"):
        path = tmp_path / f"plan.{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        read = yingshang.parse_file(path)
        assert read.source is not None
        assert read.source.path == str(path)
        assert attrs.evolve(read, source=plan.source) == plan
    # GBK has no U+2002 EN SPACE, which the export pads with: a GBK file holds plain spaces.
    gbk_text = text.replace("\u2002", " ")
    path = tmp_path / "plan.gbk.txt"
    path.write_bytes(gbk_text.encode("gbk"))
    from_gbk = yingshang.parse_file(path)
    assert from_gbk == yingshang.parse(gbk_text)
    assert from_gbk.areas == plan.areas


def test_the_plan_cut_in_half_reads_so_far_and_says_it_is_cut(text: str, plan: Plan) -> None:
    half = yingshang.parse(text[: len(text) // 2])
    assert 0 < len(half.actions) < len(plan.actions)
    assert half.actions == plan.actions[: len(half.actions)]
    assert [d.code for d in half.diagnostics if d.severity is Severity.ERROR] == ["truncated"]
    with pytest.raises(yingshang.ParseError, match="cut short") as caught:
        yingshang.parse(text[: len(text) // 2], strict=True)
    assert caught.value.line > 100


def test_the_body_sets_a_deadline_relative_to_the_issue_date(plan: Plan) -> None:
    # 各项工作任务牵头单位要会同配合单位，在本方案印发之日起1个月内制定落实……具体措施。
    (target,) = plan.sections[2].subsections[1].targets
    assert target.text == "在本方案印发之日起1个月内"
    assert target.deadline is not None
    assert target.deadline.date == datetime.date(2019, 8, 23)
