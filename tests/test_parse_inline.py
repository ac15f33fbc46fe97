"""Plans that list their measures in the body, with the agencies written inline after each item."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import regex
from hypothesis import given

import yingshang
from yingshang.model import Plan, Severity, TargetKind, TargetRole
from yingshang.parse._front import _PARAGRAPH_END, _continues

from .render import inline_export
from .strategies import erase_spans, inline_plans
from .test_parse_properties import assert_spans_slice_back, with_targets

FIXTURES = Path(__file__).parent / "fixtures"


def load(name: str) -> tuple[Plan, str]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return yingshang.parse(text), text


def outline(plan: Plan) -> list[tuple[str, int, str, str, list[str], list[str]]]:
    return [
        (
            area.title,
            measure.number,
            measure.title,
            action.text,
            [u.name for u in action.lead_agencies],
            [u.name for u in action.cooperating_agencies],
        )
        for area in plan.areas
        for measure in area.measures
        for action in measure.actions
    ]


@pytest.mark.parametrize(
    "name",
    ["inline-labelled.txt", "inline-subsections.txt", "inline-paragraphs.txt", "inline-roles.txt"],
)
def test_spans_slice_back_in_every_inline_layout(name: str) -> None:
    plan, text = load(name)
    assert_spans_slice_back(plan, text)
    for action in plan.actions:
        for agency in action.agencies:
            assert text[agency.span.start : agency.span.end] == agency.name


def test_labelled_roles_under_subsections() -> None:
    plan, _ = load("inline-labelled.txt")
    assert outline(plan) == [
        (
            "提升企业开办便利度",
            1,
            "压缩开办时间",
            "2020年底前将企业开办时间压缩至2个工作日以内。",
            ["市市场监管局"],
            ["市公安局", "市税务局"],
        ),
        (
            "提升企业开办便利度",
            2,
            "推行电子营业执照",
            "全面推广电子营业执照应用。",
            ["市市场监管局", "市政务服务局"],
            ["市大数据局"],
        ),
        (
            "优化工程建设项目审批",
            3,
            "精简审批环节",
            "审批时间由100个工作日压减至60个工作日以内。",
            ["市住房城乡建委"],
            ["市规划自然资源局", "市发展改革委"],
        ),
        (
            "优化工程建设项目审批",
            4,
            "推行告知承诺制",
            "对部分审批事项实行告知承诺。",
            ["市住房城乡建委"],
            [],
        ),
    ]
    # The general requirements and safeguards stay sections; the task section keeps its heading.
    assert [(s.title, len(s.paragraphs), len(s.subsections)) for s in plan.sections] == [
        ("总体要求", 1, 0),
        ("重点任务", 0, 0),
        ("保障措施", 1, 0),
    ]
    (change,) = [t for t in plan.actions[2].targets if t.baseline is not None]
    assert (str(change.baseline), str(change.quantity)) == ("100个工作日", "60个工作日")
    assert plan.diagnostics == ()


def test_subsections_as_measures_and_agencies_per_sentence() -> None:
    plan, text = load("inline-subsections.txt")
    rows = outline(plan)
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("开展行政审批提速行动", 1, "持续加大简政放权力度"),
        ("开展行政审批提速行动", 2, "优化工程项目许可办理"),
        ("开展市场监管提效行动", 1, "完善市场准入机制"),
        ("开展市场监管提效行动", 1, "完善市场准入机制"),
        ("开展市场监管提效行动", 2, "加强信用监管"),
    ]
    assert rows[0][4] == ["区行政审批局", "区司法局", "各街道办事处"]
    assert [r[3] for r in rows[2:4]] == [
        "依托登记系统，实现企业设立全程电子化",
        "优化住所登记信息库",
    ]
    assert [r[4] for r in rows[2:4]] == [
        ["区市场局", "区行政服务中心"],
        ["区市场局", "区大数据中心"],
    ]
    # An item with no agencies is kept, and reported.
    assert rows[4][3:] == ("2021年6月底前建成信用监管平台。", [], [])
    (warning,) = plan.warnings
    assert warning.code == "no-lead-agency"
    assert text[warning.span.start : warning.span.end] == "2021年6月底前建成信用监管平台。"
    # The safeguards section has no agencies: it stays a section with its subsection.
    assert [(s.ordinal, s.title) for s in plan.sections[2].subsections] == [(1, "加强领导")]


def test_a_section_that_names_its_field_is_the_area_of_its_subsections() -> None:
    # 一、 names a field, （一） a measure, 1． its items: read as a table's area, measure and items.
    text = (
        "某县优化营商环境实施方案\n"
        "一、深化简政放权\n"
        "（一）精简审批事项。持续推进简政放权。\n"
        "1．承接下放事项。做好衔接。（牵头单位：县政府办公室；责任单位：县司法局）\n"
        "2．规范备案管理。（牵头单位：县司法局）\n"
        "（二）优化审批流程。\n"
        "3．推行并联审批。（县行政审批局牵头）\n"
        "二、重点任务\n"
        "（一）提升开办便利度\n"
        "1．压缩开办时间。（牵头单位：县市场监管局）\n"
    )
    plan = yingshang.parse(text)
    assert [(a.title, [m.title for m in a.measures]) for a in plan.areas] == [
        ("深化简政放权", ["精简审批事项", "优化审批流程"]),
        ("提升开办便利度", ["压缩开办时间"]),  # 重点任务 names no field: its （一） is the area
    ]
    first, second = plan.areas[0].measures[0].actions
    assert (first.number, first.text, [u.name for u in first.lead_agencies]) == (
        1,
        "承接下放事项。做好衔接。",
        ["县政府办公室"],
    )
    assert [u.name for u in first.cooperating_agencies] == ["县司法局"]
    assert (second.number, [u.name for u in second.lead_agencies]) == (2, ["县司法局"])
    assert [a.number for a in plan.areas[0].measures[1].actions] == [3]
    # The text that introduces a measure's numbered items is no item: it stays the subsection's.
    (introduced,) = plan.sections[0].subsections
    assert [p.text for p in introduced.paragraphs] == ["持续推进简政放权。"]
    assert not plan.warnings


def test_numbered_paragraphs_with_roles_after_the_names() -> None:
    plan, _ = load("inline-paragraphs.txt")
    assert [(a.ordinal, a.title, len(a.measures)) for a in plan.areas] == [
        (1, "推动审批全链条优化", 2),
        (2, "推动监管全过程公正", 1),
    ]
    first = plan.actions[0]
    assert [u.name for u in first.lead_agencies] == ["市政府办公室", "市审改办"]
    assert [u.name for u in first.cooperating_agencies] == ["市级各有关部门"]
    assert [u.name for u in plan.actions[1].cooperating_agencies] == ["各县市区政府"]
    assert first.deadlines[0].date is not None
    assert first.deadlines[0].date.isoformat() == "2022-10-31"


def test_a_body_without_agencies_stays_sections() -> None:
    text = "某市营商环境方案\n一、总体要求\n（一）加强领导。成立专班（详见附件）。\n1．压缩时间。尽快完成。\n"
    plan = yingshang.parse(text)
    assert plan.areas == ()
    assert plan.sections[0].subsections[0].title == "加强领导"


def test_the_chongqing_body_is_not_read_as_measures() -> None:
    plan = yingshang.datasets.chongqing_2019()
    assert [s.title for s in plan.sections] == ["总体要求", "主要举措", "组织保障"]
    assert len(plan.sections[2].subsections) == 3


@pytest.mark.parametrize("bracketed", [True, False], ids=["brackets", "labelled-sentences"])
@given(plan=inline_plans())
def test_parse_reads_back_a_plan_written_with_agencies_inline(plan: Plan, bracketed: bool) -> None:
    text = inline_export(plan, bracketed=bracketed)
    parsed = yingshang.parse(text)
    assert erase_spans(parsed) == with_targets(plan)
    assert parsed.diagnostics == ()
    assert_spans_slice_back(parsed, text)


_HEADING = regex.compile(r"[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）")


def wrap(line: str, width: int) -> list[str]:
    """Cut a line into pieces of `width` as PDF converters do, never before a marker-like start."""
    pieces: list[str] = []
    rest = line
    while len(rest) > width:
        cut = width
        # A piece may not start like a heading or a numbered item, nor end like a paragraph:
        # where a wrap falls there, the text alone cannot tell a wrap from a paragraph's end.
        while cut < len(rest) and (
            not _continues(rest[cut:]) or rest[:cut].endswith(_PARAGRAPH_END)
        ):
            cut += 1
        pieces.append(rest[:cut])
        rest = rest[cut:]
    return [*pieces, rest] if rest else pieces


def wrapped_body(text: str, title: str, width: int) -> str:
    """Wrap every line after the plan's title and before the attachment."""
    lines = text.split("\n")
    start = lines.index(title) + 1
    end = next((i for i, line in enumerate(lines) if line.strip() == "附件"), len(lines))
    out = lines[:start]
    for line in lines[start:end]:
        # Headings stay whole: "一、总体要求" then a paragraph is what a wrap would look like.
        out.extend([line] if _HEADING.match(line) else wrap(line, width))
    return "\n".join(out + lines[end:])


def sections_outline(plan: Plan) -> list[tuple[str, list[str], list[tuple[str, list[str]]]]]:
    return [
        (
            s.title,
            [p.text for p in s.paragraphs],
            [(x.title, [p.text for p in x.paragraphs]) for x in s.subsections],
        )
        for s in plan.sections
    ]


@pytest.mark.parametrize("width", [7, 13, 29])
@pytest.mark.parametrize(
    "name",
    ["inline-labelled.txt", "inline-subsections.txt", "inline-paragraphs.txt", "inline-roles.txt"],
)
def test_lines_wrapped_mid_sentence_join_into_paragraphs(name: str, width: int) -> None:
    plan, text = load(name)
    wrapped_text = wrapped_body(text, plan.title.text, width)
    assert wrapped_text != text
    wrapped = yingshang.parse(wrapped_text)
    assert outline(wrapped) == outline(plan)
    assert sections_outline(wrapped) == sections_outline(plan)
    assert_spans_slice_back(wrapped, wrapped_text)


@pytest.mark.parametrize("width", [11, 31])
def test_the_chongqing_body_wrapped_reads_the_same(width: int) -> None:
    plan = yingshang.datasets.chongqing_2019()
    text = yingshang.datasets.chongqing_2019_text()
    wrapped = yingshang.parse(wrapped_body(text, plan.title.text, width))
    assert sections_outline(wrapped) == sections_outline(plan)
    assert [r.text for r in wrapped.attachment_references] == [
        r.text for r in plan.attachment_references
    ]
    assert outline(wrapped) == outline(plan)


def test_a_signature_at_the_end_of_the_body_is_not_joined_to_its_date() -> None:
    text = "某市营商环境方案\n一、总体要求\n持续优化营商环境。\n某市人民政府办公室\n2021年3月1日\n"
    plan = yingshang.parse(text)
    assert [p.text for p in plan.sections[0].paragraphs] == ["持续优化营商环境。"]
    # Below the body, the two lines are the document's signature.
    assert plan.issuer == "某市人民政府办公室"
    assert plan.issue_date == datetime.date.fromisoformat("2021-03-01")


def test_a_page_number_between_two_halves_of_a_paragraph_is_removed() -> None:
    text = "某市营商环境方案\n一、总体要求\n持续优化营商环境，\n— 3 —\n打造一流营商环境。\n"
    plan = yingshang.parse(text)
    assert [p.text for p in plan.sections[0].paragraphs] == ["持续优化营商环境，打造一流营商环境。"]
    # (a plan of sections alone also says it has no action items)
    no_actions, note = plan.diagnostics
    assert no_actions.code == "no-actions"
    assert (note.code, text[note.span.start : note.span.end]) == ("export-artifact", "— 3 —")


@pytest.mark.parametrize("subtitle", ["（2019—2020年）", "(2021年版)"])
def test_a_bracketed_line_of_years_below_the_title_belongs_to_it(subtitle: str) -> None:
    text = f"某市优化营商环境行动计划\n{subtitle}\n为持续优化营商环境，制定本计划。\n一、总体要求\n持续优化。\n"
    plan = yingshang.parse(text)
    assert plan.title.text == "某市优化营商环境行动计划" + subtitle
    assert [p.text for p in plan.preamble] == ["为持续优化营商环境，制定本计划。"]
    assert_spans_slice_back(plan, text)


def _bracketed_items(*brackets: str) -> Plan:
    items = "".join(
        f"（{numeral}）推进第{numeral}项改革。实现全程网办。{bracket}\n"
        for numeral, bracket in zip("一二三四五六", brackets, strict=False)
    )
    return yingshang.parse(f"某市优化营商环境行动方案\n\n一、优化开办企业\n{items}")


def _roles(plan: Plan) -> list[tuple[list[str], list[str]]]:
    return [
        ([a.name for a in action.lead_agencies], [a.name for a in action.cooperating_agencies])
        for action in plan.actions
    ]


def test_a_clause_opened_by_huitong_names_the_agencies_acting_with_the_lead() -> None:
    plan = _bracketed_items(
        "（市发展改革委牵头，会同市财政局、市税务局负责）", "（市大数据局牵头）"
    )
    assert _roles(plan)[0] == (["市发展改革委"], ["市财政局", "市税务局"])
    assert yingshang.coverage(plan) == ()


def test_first_agency_leads_below_a_bracket_that_says_so() -> None:
    # "第一责任单位为牵头单位，下同" in a bracket: in every list below that writes no roles, the
    # first agency leads; a list that writes them keeps its own.
    plan = _bracketed_items(
        "（市发展改革委、市财政局，第一责任单位为牵头单位，下同）",
        "（市大数据局、市市场监管局）",
        "（责任单位：市政务服务局、市司法局）",
        "（市税务局牵头，市人力社保局配合）",
    )
    assert _roles(plan) == [
        (["市发展改革委"], ["市财政局"]),
        (["市大数据局"], ["市市场监管局"]),
        (["市政务服务局"], ["市司法局"]),
        (["市税务局"], ["市人力社保局"]),
    ]
    assert yingshang.coverage(plan) == ()
    # Without the remark, a list that writes no roles names leads only.
    assert _roles(_bracketed_items("（市发展改革委、市财政局）"))[0] == (
        ["市发展改革委", "市财政局"],
        [],
    )


def test_lines_of_roles_right_below_a_numbered_heading_assign_the_heading() -> None:
    # "1．…。" with 牵头单位：/配合单位：/完成时限： lines under it and no item text of its own:
    # the heading is the item; the lines were once read as the item's text.
    plan = yingshang.parse(
        "某市优化营商环境行动方案\n\n一、优化开办企业\n（一）压缩开办时间\n"
        "1.企业开办时间压缩至3个工作日以内。\n牵头单位：市市场监管局\n"
        "配合单位：市税务局、市公安局\n完成时限：2020年6月底前\n"
        "2.推行电子营业执照。\n责任单位：市大数据局\n"
    )
    assert [(a.text, [t.text for t in a.targets]) for a in plan.actions] == [
        ("企业开办时间压缩至3个工作日以内。", ["压缩至3个工作日以内", "2020年6月底前"]),
        ("推行电子营业执照。", []),
    ]
    assert _roles(plan) == [(["市市场监管局"], ["市税务局", "市公安局"]), (["市大数据局"], [])]
    assert yingshang.coverage(plan) == ()
    assert plan.diagnostics == ()


def test_agencies_in_square_black_brackets_are_read_as_in_round_ones() -> None:
    # 【牵头单位：…】 is how some plans set the agencies apart; it reads as （牵头单位：…）.
    brackets = (
        "【牵头单位：市市场监管局；配合单位：市税务局、市公安局】",
        "【市大数据局牵头，市政务服务局配合】",
    )
    plan = _bracketed_items(*brackets)
    round_brackets = [b.replace("【", "（").replace("】", "）") for b in brackets]
    assert _roles(plan) == _roles(_bracketed_items(*round_brackets))
    assert _roles(plan) == [
        (["市市场监管局"], ["市税务局", "市公安局"]),
        (["市大数据局"], ["市政务服务局"]),
    ]
    assert [a.text for a in plan.actions] == ["实现全程网办。"] * 2
    assert yingshang.coverage(plan) == ()


@pytest.mark.parametrize("others", ["等", "等部门", "等单位", "等有关部门", "等相关单位"])
def test_others_unnamed_after_the_last_agency_are_not_part_of_its_name(others: str) -> None:
    # "市税务局等部门配合": 市税务局 and others unnamed; the agency is 市税务局.
    plan = _bracketed_items(f"（市发展改革委牵头，市财政局、市税务局{others}配合）")
    assert _roles(plan) == [(["市发展改革委"], ["市财政局", "市税务局"])]
    assert yingshang.coverage(plan) == ()
    for agency in plan.actions[0].agencies:
        assert agency.span.slice(plan.source.text) == agency.name


def test_a_name_with_deng_inside_keeps_it() -> None:
    # 等 ends a name only as "等", "等部门", "等(有关)单位": 市高等教育局 keeps its 等.
    plan = _bracketed_items("（市高等教育局牵头，市平等就业促进中心配合）")
    assert _roles(plan) == [(["市高等教育局"], ["市平等就业促进中心"])]


def test_a_sentence_that_only_says_who_does_the_work_reads_as_a_bracket() -> None:
    # "…。A牵头，B、C配合。" with no bracket: the roles end the item as a bracket would.
    items = [
        ("企业开办时间压缩至3个工作日以内。", "市市场监管局牵头，市税务局、市公安局配合"),
        ("实现电子营业执照全面应用。", "市大数据局负责"),
        ("实现开办企业全程网上办理。", "市政务服务局牵头，各区县政府配合"),
        ("推行告知承诺制。", "由市司法局牵头，市政务服务局配合"),
    ]

    def plan_of(roles: list[str]) -> Plan:
        lines = [
            f"（{numeral}）推进第{numeral}项改革。{text}{written}\n"
            for numeral, (text, _), written in zip("一二三四", items, roles, strict=True)
        ]
        return yingshang.parse("某市优化营商环境行动方案\n\n一、优化开办企业\n" + "".join(lines))

    plan = plan_of([f"{roles}。" for _, roles in items])
    assert [a.text for a in plan.actions] == [text for text, _ in items]
    assert _roles(plan) == _roles(plan_of([f"（{roles}）" for _, roles in items]))
    assert _roles(plan)[2:] == [
        (["市政务服务局"], ["各区县政府"]),
        (["市司法局"], ["市政务服务局"]),
    ]
    assert not any(action.agencies_inferred for action in plan.actions)
    assert yingshang.coverage(plan) == ()
    assert plan.diagnostics == ()


@pytest.mark.parametrize("sentence", ["各地要切实负责。", "全市上下共同负责。"])
def test_a_sentence_ending_in_a_role_word_without_agencies_stays_text(sentence: str) -> None:
    plan = _bracketed_items(sentence, "（市大数据局牵头）")
    assert plan.actions[0].text.endswith(sentence)
    assert _roles(plan)[0] == ([], [])


def test_roles_as_sentences_and_in_square_brackets_in_one_plan() -> None:
    plan, text = load("inline-roles.txt")
    assert [(a.title, [len(m.actions) for m in a.measures]) for a in plan.areas] == [
        ("提升政务服务效能", [1, 1, 1]),
        ("优化市场环境", [1, 1, 1]),
    ]
    assert _roles(plan) == [
        (["县市场监管局"], ["县税务局", "县公安局"]),
        (["县大数据中心"], ["县政务服务中心"]),
        (["县司法局"], []),
        (["县发展改革局"], ["国网县供电公司"]),
        (["县市场监管局"], ["县财政局"]),
        ([], []),
    ]
    assert [d.code for d in plan.diagnostics] == ["no-lead-agency"]
    assert yingshang.coverage(plan, text) == ()


def test_a_sentence_of_roles_reads_brackets_in_names_only_when_they_close() -> None:
    plan = _bracketed_items("市大数据局牵头，各市(区)人民政府配合。", "（市财政局牵头）")
    assert _roles(plan)[0] == (["市大数据局"], ["各市(区)人民政府"])
    assert plan.actions[0].text == "实现全程网办。"
    for sentence in ("市大数据局牵头，各市(区人民政府配合。", ")市大数据局牵头，各区县政府配合。"):
        plan = _bracketed_items(sentence, "（市财政局牵头）")
        assert plan.actions[0].text.endswith(sentence)  # not read as roles: a bracket left open
        assert yingshang.coverage(plan) == ()


def _annual_plan(title: str, notice: str = "") -> Plan:
    return yingshang.parse(
        f"{notice}{title}\n"
        "一、提升政务服务效能\n"
        "1.推进相对集中行政许可权改革。实现一枚印章管审批。"
        "（牵头单位：州行政审批服务局；责任单位：各县市人民政府，6月底完成）\n"
        "2.推动政务服务导则落实。年内完成标准化建设。（州政务服务中心牵头，国庆节前完成）\n"
    )


def _due_dates(plan: Plan) -> list[str | None]:
    return [
        None if t.deadline is None or t.deadline.date is None else t.deadline.date.isoformat()
        for action in plan.actions
        for t in action.targets
        if t.kind is TargetKind.DEADLINE
    ]


def test_an_annual_plan_dates_deadlines_without_a_year_in_the_year_its_title_names() -> None:
    # A web copy of 2020年…工作计划 without its notice still dates 6月底完成 in 2020.
    plan = _annual_plan("某州2020年深化放管服改革优化营商环境工作计划")
    assert _due_dates(plan) == ["2020-06-30", "2020-12-31", "2020-09-30"]


def test_the_year_a_title_names_wins_over_the_year_of_issue() -> None:
    # A plan for 2021 issued at the end of 2020: 6月底 is June 2021.
    notice = (
        "关于印发2021年优化营商环境工作要点的通知\n各区县人民政府：\n"
        "现印发给你们，请认真贯彻落实。\n某某市人民政府办公室\n2020年12月28日\n"
    )
    plan = _annual_plan("2021年优化营商环境工作要点", notice)
    assert plan.notice is not None
    assert plan.notice.issue_date is not None
    assert plan.notice.issue_date.year == 2020
    assert _due_dates(plan) == ["2021-06-30", "2021-12-31", "2021-09-30"]


@pytest.mark.parametrize(
    "title",
    [
        "优化营商环境三年行动方案（2021—2023年）",
        "2019-2021年优化营商环境行动方案",
        "优化营商环境工作方案",
    ],
)
def test_a_title_with_no_single_year_leaves_such_deadlines_undated(title: str) -> None:
    plan = _annual_plan(title)
    assert _due_dates(plan) == [None, None, None]


# Items under (一)…(三) numbered on across two sections, each with its roles and time on lines
# of their own below it, and the last line a line of roles.
ROLE_LINES = """某市优化营商环境若干措施

一、提升政务服务效能
（一）推进网上办理。2021年底前，网上可办率达到95%以上。
责任单位：市政务服务局、市大数据局
完成时限：2021年12月底前
（二）压缩审批时限。一般审批事项办理时限压缩至法定时限的40%以内。
牵头单位：市政务服务局
配合单位：市级各部门
二、降低企业成本
（三）降低用电成本。一般工商业电价平均降低10%。
责任单位：市发展改革委、国网某市供电公司
"""


def test_lines_of_roles_below_items_give_them_their_agencies_without_a_warning() -> None:
    plan = yingshang.parse(ROLE_LINES)
    first, second, third = plan.actions
    assert [a.name for a in first.lead_agencies] == ["市政务服务局", "市大数据局"]
    assert {d.date.isoformat() for d in first.deadlines if d.date} == {"2021-12-31"}
    assert (
        [a.name for a in second.lead_agencies],
        [a.name for a in second.cooperating_agencies],
    ) == (
        ["市政务服务局"],
        ["市级各部门"],
    )
    assert [a.name for a in third.lead_agencies] == ["市发展改革委", "国网某市供电公司"]
    # No no-lead-agency before the lines of roles, no table header read in 牵头单位：…, no
    # subsection out of sequence where the numbering runs on, no cut where a field ends the text.
    assert [d.code for d in plan.diagnostics if d.severity is not yingshang.Severity.INFO] == []
    assert yingshang.coverage(plan) == ()


def test_an_item_without_roles_below_it_is_still_reported() -> None:
    text = ROLE_LINES.replace("牵头单位：市政务服务局\n配合单位：市级各部门\n", "")
    plan = yingshang.parse(text)
    (diagnostic,) = [d for d in plan.diagnostics if d.severity is not yingshang.Severity.INFO]
    assert diagnostic.code == "no-lead-agency"
    assert diagnostic.span.slice(text) == "一般审批事项办理时限压缩至法定时限的40%以内。"


SIGNED_BELOW = """某市人民政府关于进一步优化营商环境的实施意见
某政发〔2022〕8号

各县（市、区）人民政府，市政府各部门：
为深入贯彻落实《优化营商环境条例》，现提出如下实施意见。

一、持续提升政务服务水平
1.深化网上办理改革。到2022年底，全程网办率达到90%以上。（市政务服务局牵头，市级有关部门按职责分工负责）
二、优化市场准入环境
2.压减企业开办时间。企业开办时间压缩至0.5个工作日以内。（市市场监管局牵头，市税务局配合）

某市人民政府
2022年3月1日
（此件公开发布）
"""


def test_a_document_signed_below_its_body_has_its_issuer_and_date() -> None:
    plan = yingshang.parse(SIGNED_BELOW)
    assert (plan.document_number, plan.issuer) == ("某政发〔2022〕8号", "某市人民政府")
    assert plan.issue_date == datetime.date.fromisoformat("2022-03-01")
    assert plan.notice is not None
    assert [r.text for r in plan.notice.remarks] == ["（此件公开发布）"]
    # The signature is no item of the last measure.
    assert [a.text for a in plan.actions][-1] == "企业开办时间压缩至0.5个工作日以内。"
    assert plan.diagnostics == ()
    assert yingshang.coverage(plan) == ()
    assert_spans_slice_back(plan, SIGNED_BELOW)


def test_a_signature_below_the_body_may_be_a_date_alone() -> None:
    text = SIGNED_BELOW.replace("某市人民政府\n2022年3月1日\n（此件公开发布）\n", "2022年3月1日\n")
    plan = yingshang.parse(text)
    assert plan.issue_date == datetime.date.fromisoformat("2022-03-01")
    assert plan.issuer is None
    assert plan.diagnostics == ()
    assert yingshang.coverage(plan) == ()


def test_a_last_line_of_prose_is_no_signature() -> None:
    text = SIGNED_BELOW.replace("某市人民政府\n2022年3月1日\n（此件公开发布）\n", "")
    plan = yingshang.parse(text)
    assert plan.issue_date is None
    assert yingshang.coverage(plan) == ()


@pytest.mark.parametrize("joiner", ["\n", ""])
def test_circled_item_markers_number_the_items(joiner: str) -> None:
    text = (
        "某市优化营商环境攻坚行动方案\n一、开办企业攻坚行动\n（一）压缩开办时间。\n"
        + joiner.join(
            [
                "①企业开办时间压缩至1个工作日以内。（责任单位：市市场监管局）",
                "②推行一窗通办。（责任单位：市政务服务局、市市场监管局）",
            ]
        )
        + "\n"
    )
    plan = yingshang.parse(text)
    assert [(a.number, a.marker.text if a.marker else None, a.text) for a in plan.actions] == [
        (1, "①", "企业开办时间压缩至1个工作日以内。"),
        (2, "②", "推行一窗通办。"),
    ]
    assert plan.diagnostics == ()
    assert yingshang.coverage(plan) == ()


def test_the_time_of_an_items_roles_holds_for_its_targets() -> None:
    # As a table row's deadline cell does: 完成时限 below the item (or in its bracket) dates the
    # item's targets that name no date; 长期坚持 there is ongoing work, not a deadline.
    text = (
        "某市优化营商环境重点任务\n\n一、政务服务\n"
        "1．全面推行网上办理，政务服务事项网上可办率达到95%以上。\n"
        "责任单位：市政务服务局\n完成时限：2021年底\n"
        "2．推行双随机监管全覆盖。（责任单位：市市场监管局；完成时限：长期坚持）\n"
    )
    plan = yingshang.parse(text)
    first, second = plan.actions
    kinds_and_dates = [
        (t.kind, t.deadline.date.isoformat() if t.deadline and t.deadline.date else None)
        for t in first.targets
    ]
    assert kinds_and_dates == [
        (TargetKind.PERCENTAGE, "2021-12-31"),
        (TargetKind.DEADLINE, "2021-12-31"),
    ]
    assert [(t.kind, t.text) for t in second.targets] == [(TargetKind.ONGOING, "长期坚持")]
    assert plan.diagnostics == ()


@pytest.mark.parametrize(
    "bracket", ["（市市场监管局，常态化推进）", "（责任单位：市市场监管局；完成时限：常态化开展）"]
)
def test_work_kept_up_as_a_routine_is_ongoing_not_an_agency(bracket: str) -> None:
    # 常态化推进 in an item's bracket is when, as 长期坚持 is, not who.
    text = f"某市优化营商环境重点任务\n\n一、政务服务\n1．推行双随机监管全覆盖。{bracket}\n"
    plan = yingshang.parse(text)
    (action,) = plan.actions
    assert [agency.name for agency in action.lead_agencies] == ["市市场监管局"]
    assert [t.kind for t in action.targets] == [TargetKind.ONGOING]
    assert plan.diagnostics == ()
    assert yingshang.coverage(plan) == ()


@pytest.mark.parametrize("bracket", ["（市市场监管局，常态化）", "（市市场监管局，持续）"])
def test_a_bare_word_of_routine_work_in_a_bracket_is_no_agency(bracket: str) -> None:
    # 常态化 or 持续 alone after the agencies is when (no date to read), not a second agency.
    text = f"某市优化营商环境重点任务\n\n一、政务服务\n1．推行双随机监管全覆盖。{bracket}\n"
    plan = yingshang.parse(text)
    (action,) = plan.actions
    assert [agency.name for agency in action.lead_agencies] == ["市市场监管局"]
    assert action.cooperating_agencies == ()
    assert plan.diagnostics == ()
    assert yingshang.coverage(plan) == ()


@pytest.mark.parametrize("years", ["2019年至2020年", "2019—2020年", "2019年到2020年"])
def test_the_years_an_items_work_runs_over_date_it_by_the_last(years: str) -> None:
    # 至2020年 alone is a deadline; the 2019年 before it is part of the same time, not text
    # left unread (and 2019—2020年 was a deadline with no date).
    text = (
        "某市优化营商环境重点任务\n\n一、政务服务\n"
        f"1．推行企业名称自主申报。（牵头单位：市市场监管局；完成时限：{years}）\n"
    )
    plan = yingshang.parse(text)
    (deadline,) = plan.actions[0].targets
    assert deadline.text == years
    assert deadline.deadline is not None
    assert deadline.deadline.date == datetime.date(2020, 12, 31)
    assert plan.diagnostics == ()
    assert yingshang.coverage(plan) == ()


@pytest.mark.parametrize(
    ("item", "roles"),
    [
        # The item's roles from a line of its own, then more lines after a blank line.
        (
            "（一）深化网上办理改革。网办率达到90%以上。\n责任单位：市政务服务局\n\n",
            "牵头单位：市大数据局\n配合单位：市级有关部门\n",
        ),
        # The item's roles from its bracket: the line's were read over them, then in nothing.
        (
            "1．深化网上办理改革。网办率达到90%以上。（市政务服务局牵头）\n",
            "负责单位：市大数据局\n",
        ),
    ],
    ids=["after-a-line-of-roles", "after-a-bracket"],
)
def test_roles_below_items_that_have_theirs_are_reported_not_dropped(item: str, roles: str) -> None:
    text = "某市营商环境实施意见\n\n一、持续提升政务服务水平\n" + item + roles
    plan = yingshang.parse(text)
    (action,) = plan.actions
    assert [a.name for a in action.lead_agencies] == ["市政务服务局"]
    (diagnostic,) = plan.diagnostics
    assert diagnostic.code == "agencies-without-action"
    assert yingshang.coverage(plan) == ()


def test_roles_written_as_sentences_of_the_items_paragraph() -> None:
    # A 工作要点 writes the roles and the time after the item's text, labelled, with no bracket
    # and no line of their own; the items were read as nothing but section text before.
    text = (
        "某县2021年优化营商环境工作要点\n\n一、深化商事制度改革\n"
        "（一）推进证照分离改革。涉企经营许可事项全部纳入清单管理。"
        "责任单位：县市场监管局，县直有关部门。完成时限：2021年12月底。\n"
        "（二）优化审批服务。审批时间控制在40个工作日以内。"
        "牵头单位：县住建局（县人防办）；配合单位：县自然资源局。完成时限：长期坚持。\n"
    )
    plan = yingshang.parse(text)
    assert outline(plan) == [
        (
            "深化商事制度改革",
            1,
            "推进证照分离改革",
            "涉企经营许可事项全部纳入清单管理。",
            ["县市场监管局", "县直有关部门"],
            [],
        ),
        (
            "深化商事制度改革",
            2,
            "优化审批服务",
            "审批时间控制在40个工作日以内。",
            ["县住建局（县人防办）"],
            ["县自然资源局"],
        ),
    ]
    first, second = plan.actions
    assert [(t.kind, t.text) for t in first.targets] == [(TargetKind.DEADLINE, "2021年12月底")]
    assert [(t.kind, t.text) for t in second.targets] == [
        (TargetKind.DURATION, "控制在40个工作日以内"),
        (TargetKind.ONGOING, "长期坚持"),
    ]
    assert plan.diagnostics == ()
    assert yingshang.coverage(plan) == ()


def test_a_labelled_sentence_with_no_item_text_before_it_is_no_item_of_roles() -> None:
    # The paragraph's first sentence opened by a label is a line of roles (read below the item
    # above it), never the roles of an item that is not there.
    text = (
        "某市营商环境工作要点\n\n一、政务服务\n"
        "1．推行网上办理。网办率达到90%以上。\n"
        "责任单位：市政务服务局。完成时限：2021年底。\n"
    )
    plan = yingshang.parse(text)
    (action,) = plan.actions
    assert action.text == "网办率达到90%以上。"
    assert [a.name for a in action.lead_agencies] == ["市政务服务局"]
    assert plan.diagnostics == ()


@pytest.mark.parametrize(
    ("lead", "helping", "time"),
    [
        ("责任主体", "协同单位", "时间节点"),
        ("负责单位", "参与部门", "完成期限"),
        ("牵头责任单位", "协办单位", "完成时限要求"),
        ("主责部门", "配合部门", "时间安排"),
    ],
)
def test_lines_of_roles_under_every_label_plans_use(lead: str, helping: str, time: str) -> None:
    # Each label names the lead, the helping agencies or the time as the table headers do; a
    # plan that wrote these read as sections with no measure, and nothing said so.
    text = (
        "某市优化营商环境提升行动方案\n\n一、提升政务服务水平\n"
        "1．推行一件事一次办。2022年底前推出50个主题套餐服务。\n"
        f"{lead}：市政务服务局\n{helping}：市级有关部门\n{time}：2022年12月底前\n"
        "2．推进政务服务标准化。编制政务服务事项目录。\n"
        f"{lead}：市政务服务局、市大数据局。\n"
    )
    plan = yingshang.parse(text)
    first, second = plan.actions
    assert [a.name for a in first.lead_agencies] == ["市政务服务局"]
    assert [a.name for a in first.cooperating_agencies] == ["市级有关部门"]
    assert first.targets[-1].text == "2022年12月底前"
    assert [a.name for a in second.lead_agencies] == ["市政务服务局", "市大数据局"]
    assert plan.diagnostics == ()
    assert yingshang.coverage(plan) == ()


@pytest.mark.parametrize(
    "closing",
    ["本措施自印发之日起施行，有效期3年。", "本方案由市发展改革委负责解释。"],
)
@pytest.mark.parametrize("numbered", [True, False], ids=["numbered", "subsections"])
def test_the_documents_closing_provision_is_no_item_of_the_last_measure(
    closing: str, numbered: bool
) -> None:
    # 若干措施 end with what the document says of itself; it stays the section's text.
    heading = "1．减轻企业税费负担。" if numbered else "（一）减轻企业税费负担。"
    text = (
        "某市进一步优化营商环境若干措施\n\n一、降低企业经营成本\n"
        f"{heading}落实好减税降费政策。（责任部门：市税务局、市财政局）\n{closing}\n"
    )
    plan = yingshang.parse(text)
    (action,) = plan.actions
    assert action.text == "落实好减税降费政策。"
    (section,) = plan.sections
    assert [p.text for p in section.paragraphs] == [closing]
    assert all(t.role is not TargetRole.COMMITMENT for t in section.targets)
    assert plan.diagnostics == ()
    assert yingshang.coverage(plan) == ()


@pytest.mark.parametrize("bullet", ["——", "●", "■"])
def test_measures_opened_by_bullets_are_numbered_in_turn(bullet: str) -> None:
    # Some 实施意见 open each measure with a dash or a bullet instead of a number; their
    # agencies in brackets were never read, and the plan had no measure, silently.
    text = (
        "某市关于进一步优化营商环境的实施意见\n\n一、提升审批效率\n"
        f"{bullet}推行容缺受理。对主要申报材料齐全的事项实行容缺受理。（市政务服务局牵头，市级有关部门配合）\n"
        f"{bullet}压缩审批时限。承诺时限比法定时限平均压缩60%以上。（市政务服务局牵头）\n"
        "二、降低要素成本\n"
        f"{bullet}降低用地成本。工业用地出让起始价按最低价标准的70%确定。（市自然资源局牵头）\n"
    )
    plan = yingshang.parse(text)
    assert [
        (area.title, m.number, m.title, [a.name for a in m.actions[0].lead_agencies])
        for area in plan.areas
        for m in area.measures
    ] == [
        ("提升审批效率", 1, "推行容缺受理", ["市政务服务局"]),
        ("提升审批效率", 2, "压缩审批时限", ["市政务服务局"]),
        ("降低要素成本", 1, "降低用地成本", ["市自然资源局"]),
    ]
    assert plan.actions[0].text == "对主要申报材料齐全的事项实行容缺受理。"
    assert plan.diagnostics == ()
    assert yingshang.coverage(plan) == ()


def test_a_list_of_goals_opened_by_dashes_stays_text() -> None:
    text = (
        "某市优化营商环境行动方案\n\n一、主要目标\n"
        "——营商环境显著改善。企业开办时间压缩至1个工作日。\n——市场主体活力明显增强。\n"
    )
    plan = yingshang.parse(text)
    assert plan.areas == ()
    assert plan.sections[0].paragraphs[0].text.startswith("——营商环境")


def test_a_text_that_names_roles_but_yields_no_measure_says_so() -> None:
    # A layout yingshang does not read (here measures numbered 一是, 二是) must not pass for a
    # plan that assigns nothing: a warning points at the first role word.
    text = (
        "某市优化营商环境工作措施\n\n一、政务服务\n"
        "一是推行网上办理，牵头单位市政务服务局，配合单位市大数据局。\n"
        "二是推行帮办代办，牵头单位市政务服务局。\n"
    )
    plan = yingshang.parse(text)
    assert plan.areas == ()
    (diagnostic,) = plan.diagnostics
    assert diagnostic.code == "unread-roles"
    assert diagnostic.span.slice(text) == "牵头"
    # Prose that names a lead once or twice is no such text: it only has no action items.
    quiet = yingshang.parse(text.replace("配合单位", "").replace("二是推行帮办代办，牵头单位", ""))
    (no_actions,) = quiet.diagnostics
    assert no_actions.code == "no-actions"
    assert no_actions.severity is Severity.WARNING
    assert no_actions.span.slice(text).startswith("一、政务服务")


def test_a_section_left_unread_beside_sections_read_says_so() -> None:
    # One section's measures are read; the next writes them in a layout yingshang does not
    # read (一是…牵头单位…): it must not pass for a section of prose.
    text = (
        "某市优化营商环境工作措施\n\n一、政务服务\n"
        "1．推行网上办理。网办率达到90%以上。（市政务服务局牵头）\n"
        "2．推行帮办代办。（市政务服务局牵头）\n"
        "二、市场监管\n"
        "一是推行信用监管，牵头单位市市场监管局，配合单位市发展改革委。\n"
        "二是推行包容审慎监管，牵头单位市市场监管局。\n"
        "三、保障措施\n各牵头单位要加强组织领导，确保各项任务落实。\n"
    )
    plan = yingshang.parse(text)
    assert [a.title for a in plan.areas] == ["政务服务"]
    (diagnostic,) = plan.diagnostics
    assert diagnostic.code == "unread-roles"
    assert text.count("\n", 0, diagnostic.span.start) == 6  # in the second section


def test_a_work_points_plan_of_every_body_form_reads_whole() -> None:
    # tests/fixtures/layout-work-points.txt: labelled sentences, bullets, lines of roles under
    # other labels, a list of bare values and a closing provision. The fuzzer mutates it too.
    plan, _ = load("layout-work-points.txt")
    assert [(m.title, [u.name for u in m.actions[0].lead_agencies]) for m in plan.measures] == [
        ("推进“证照分离”改革全覆盖", ["市市场监管局", "市级有关部门"]),
        ("压缩企业开办时间", ["市市场监管局"]),
        ("推行“一件事一次办”", ["市政务服务局"]),
        ("推行“好差评”制度", ["市政务服务局"]),
        ("降低用电成本", ["国网某市供电公司"]),
    ]
    assert [p.text for p in plan.sections[-1].paragraphs] == ["本要点由市发展改革委负责解释。"]
    assert plan.diagnostics == ()
    assert yingshang.coverage(plan) == ()


@pytest.mark.parametrize("time", ["2021年底前完成", "长期坚持", " 2021年6月底前 "])
def test_a_bracket_of_time_right_after_one_of_agencies_is_its_time(time: str) -> None:
    # "（A牵头）（2021年底前完成）": the second bracket was read as an item of its own, with no
    # agencies and a warning.
    text = (
        "某市优化营商环境实施方案\n\n一、政务服务\n"
        f"1．推行网上办理。网办率达到95%以上。（市政务服务局牵头）（{time}）\n"
        "2．推行帮办代办。（市政务服务局牵头）\n"
    )
    plan = yingshang.parse(text)
    first, _ = plan.actions
    assert first.text == "网办率达到95%以上。"
    assert first.targets[-1].text == time.strip()
    assert plan.diagnostics == ()
    assert yingshang.coverage(plan) == ()


def test_parts_of_the_body_are_sections_numbered_apart() -> None:
    # 第一部分 / 第二部分 above the 一、 sections: the parts' headings were paragraphs, and the
    # last part's heading and text were read as an item of the last measure.
    text = (
        "某市优化营商环境三年行动方案\n\n第一部分 总体要求\n持续优化营商环境。\n\n"
        "第二部分 重点任务\n一、提升政务服务效能\n1．推行网上办理。（市政务服务局牵头）\n"
        "二、降低企业成本\n2．降低用电成本。（国网某市供电公司牵头）\n\n"
        "第三部分 保障措施\n加强组织领导，确保各项任务落实。\n"
    )
    plan = yingshang.parse(text)
    assert [(s.ordinal, s.title, [p.text for p in s.paragraphs]) for s in plan.sections] == [
        (1, "总体要求", ["持续优化营商环境。"]),
        (2, "重点任务", []),
        (1, "提升政务服务效能", []),
        (2, "降低企业成本", []),
        (3, "保障措施", ["加强组织领导，确保各项任务落实。"]),
    ]
    assert [a.text for a in plan.actions] == ["推行网上办理。", "降低用电成本。"]
    assert plan.diagnostics == ()
    assert yingshang.coverage(plan) == ()


@pytest.mark.parametrize("label", ["责任主体", "主责单位", "协同单位", "承办单位"])
def test_a_bracket_of_roles_on_a_line_of_its_own_under_any_label_joins_its_item(
    label: str,
) -> None:
    # A PDF copy puts the bracket on the next line; under these labels it stood alone, an
    # item without agencies above it and agencies without an item below.
    text = (
        "某市优化营商环境工作方案\n\n一、政务服务\n"
        "1．推行网上办理。政务服务事项网上可办率达到95%以上。\n"
        f"（{label}：市政务服务局）\n"
        "2．推行帮办代办。（市政务服务局牵头）\n"
    )
    plan = yingshang.parse(text)
    first, _ = plan.actions
    assert first.text == "政务服务事项网上可办率达到95%以上。"
    assert [a.name for a in first.agencies] == ["市政务服务局"]
    assert plan.diagnostics == ()
    assert yingshang.coverage(plan) == ()
