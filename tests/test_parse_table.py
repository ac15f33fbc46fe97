"""The table rules one at a time, on small tables written by hand."""

from __future__ import annotations

import datetime

import pytest

import yingshang
from yingshang.model import TargetKind

HEAD = "某市营商环境工作方案\n附件\n主要举措\n\t目标任务\n\t工作措施\n\t牵头单位\n\t配合单位\n\n"


def row(*cells: str) -> str:
    return "".join(f"\t{cell}\n" for cell in cells) + "\n"


def codes(plan: yingshang.Plan) -> list[str]:
    return [d.code for d in plan.diagnostics]


def test_an_unclosed_bracket_keeps_the_last_agency_and_says_so() -> None:
    text = HEAD + row(
        "一、开办企业", "1．精简流程", "（1）推行网办。", "市财政局、市税务局（试点", ""
    )
    plan = yingshang.parse(text)
    assert [u.name for u in plan.actions[0].lead_agencies] == ["市财政局", "市税务局（试点"]
    assert codes(plan) == ["unbalanced-bracket"]


def test_a_agency_name_with_brackets_is_one_agency() -> None:
    text = HEAD + row(
        "一、开办企业", "1．精简流程", "推行网办。", "中国重庆（汽车、摩托车）知识产权中心", ""
    )
    plan = yingshang.parse(text)
    assert [u.name for u in plan.actions[0].lead_agencies] == [
        "中国重庆（汽车、摩托车）知识产权中心"
    ]
    assert codes(plan) == []


def test_a_row_with_the_wrong_number_of_cells_is_kept_as_unparsed() -> None:
    text = (
        HEAD
        + row("一、开办企业", "1．精简流程", "推行网办。", "市财政局", "")
        + "\t多出来的一格\n\t另一格\n\n"
        + row("", "2．压减耗时", "压缩时间。", "市税务局", "")
    )
    plan = yingshang.parse(text)
    assert [m.number for m in plan.measures] == [1, 2]
    (diagnostic,) = plan.diagnostics
    assert diagnostic.code == "unparsed"
    assert text[diagnostic.span.start : diagnostic.span.end] == "多出来的一格\n\t另一格"


def test_numbers_out_of_sequence_are_reported_not_renumbered() -> None:
    text = (
        HEAD
        + row("一、开办企业", "1．精简流程", "（1）推行网办。\n（3）压缩时间。", "市财政局", "")
        + row("三、获得电力", "5．降低费用", "降低价格。", "市能源局", "")
    )
    plan = yingshang.parse(text)
    assert [a.number for a in plan.actions] == [1, 3, 1]
    assert [(a.ordinal, a.title) for a in plan.areas] == [(1, "开办企业"), (3, "获得电力")]
    assert codes(plan).count("out-of-sequence") == 3


def test_agencies_without_an_action_and_an_action_before_any_measure() -> None:
    text = (
        HEAD
        + row("一、开办企业", "", "推行网办。", "市财政局", "")
        + row("", "1．精简流程", "", "市税务局", "")
    )
    plan = yingshang.parse(text)
    assert plan.actions == ()
    # The item and its lead agency are kept, each in a diagnostic of its own.
    # No item under the header at all is an error; each piece is still kept.
    assert codes(plan) == ["empty-table", "unparsed", "unparsed", "agencies-without-action"]
    assert [d.span.slice(text) for d in plan.diagnostics[1:3]] == ["推行网办。", "市财政局"]
    assert yingshang.coverage(plan) == ()


@pytest.mark.parametrize("marker", ["①", "(1)", "（ 1 ）"])
def test_other_item_markers(marker: str) -> None:
    text = HEAD + row("一、开办企业", "1．精简流程", f"{marker}推行网办。", "市财政局", "")
    (action,) = yingshang.parse(text).actions
    assert (action.number, action.text) == (1, "推行网办。")
    assert action.marker is not None


@pytest.mark.parametrize(
    ("cell", "due"),
    [
        ("2019年底前", "2019-12-31"),
        ("2020年6月底", "2020-06-30"),
        ("2020年", "2020-12-31"),
        ("2019年12月", "2019-12-31"),
        ("2021年6月份", "2021-06-30"),
        ("2021年全年", "2021-12-31"),
        # A day, written in full or with dots: by that day; a month with dots: by its end.
        ("2021年6月30日", "2021-06-30"),
        ("2021.6.30", "2021-06-30"),
        ("2021.6", "2021-06-30"),
        # The years the work runs over: due by the end of the last.
        ("2019—2020年", "2020-12-31"),
        ("2019-2021年", "2021-12-31"),
        ("2021~2023年", "2023-12-31"),
        ("2019年—2020年6月", "2020-06-30"),
        ("2019年至2020年", "2020-12-31"),
        ("2021年到2022年", "2022-12-31"),
    ],
)
def test_a_deadline_column_gives_each_item_of_the_row_its_deadline(cell: str, due: str) -> None:
    head = HEAD.replace("\t配合单位\n", "\t配合单位\n\t完成时限\n")
    text = head + row(
        "一、开办企业",
        "1．精简流程",
        "（1）压缩至3个工作日。\n（2）推行网办。",
        "市财政局",
        "市税务局",
        cell,
    )
    plan = yingshang.parse(text)
    first, second = plan.actions
    assert [u.name for u in first.lead_agencies] == ["市财政局"]
    assert [u.name for u in first.cooperating_agencies] == ["市税务局"]
    assert [d.date.isoformat() for d in first.deadlines if d.date] == [due]
    assert [d.date.isoformat() for d in second.deadlines if d.date] == [due]
    (duration,) = [t for t in first.targets if t.kind is yingshang.TargetKind.DURATION]
    assert duration.deadline is not None
    assert text[first.targets[-1].span.start : first.targets[-1].span.end] == cell
    assert plan.diagnostics == ()


def test_a_deadline_cell_without_a_date_is_kept() -> None:
    head = HEAD.replace("\t配合单位\n", "\t配合单位\n\t完成时限\n")
    text = head + row("一、开办企业", "1．精简流程", "推行网办。", "市财政局", "", "视情况而定")
    plan = yingshang.parse(text)
    assert plan.actions[0].deadlines == ()
    (diagnostic,) = plan.diagnostics
    assert diagnostic.code == "unparsed"
    assert text[diagnostic.span.start : diagnostic.span.end] == "视情况而定"


@pytest.mark.parametrize("cell", ["长期坚持", "持续推进", "2021年起", "2022年开始实施"])
def test_a_deadline_cell_of_ongoing_work_is_an_ongoing_target(cell: str) -> None:
    head = HEAD.replace("\t配合单位\n", "\t配合单位\n\t完成时限\n")
    text = head + row("一、开办企业", "1．精简流程", "推行网办。", "市财政局", "", cell)
    plan = yingshang.parse(text)
    (target,) = plan.actions[0].targets
    assert (target.kind, target.text) == (yingshang.TargetKind.ONGOING, cell)
    assert plan.actions[0].deadlines == ()
    assert plan.diagnostics == ()


@pytest.mark.parametrize("cell", ["每年", "每季度", "每月"])
def test_a_deadline_cell_of_work_done_each_period_recurs(cell: str) -> None:
    head = HEAD.replace("\t配合单位\n", "\t配合单位\n\t完成时限\n")
    text = head + row("一、开办企业", "1．精简流程", "推行网办。", "市财政局", "", cell)
    plan = yingshang.parse(text)
    (target,) = plan.actions[0].targets
    assert target.text == cell
    assert target.deadline is not None
    assert target.deadline.kind is yingshang.DeadlineKind.RECURRING
    assert plan.diagnostics == ()


def test_a_column_yingshang_does_not_read_is_kept_as_unparsed() -> None:
    head = HEAD.replace("\t配合单位\n", "\t配合单位\n\t备注\n")
    text = head + row(
        "一、开办企业", "1．精简流程", "推行网办。", "市财政局", "市税务局", "试点先行"
    )
    plan = yingshang.parse(text)
    assert [u.name for u in plan.actions[0].cooperating_agencies] == ["市税务局"]
    assert [d.code for d in plan.diagnostics] == ["unparsed"]


NUMBERED_HEAD = "某区营商环境重点任务分工方案\n附件\n重点任务分工表\n" + row(
    "序号", "重点任务", "具体措施", "责任单位", "完成时限"
)


def test_a_table_with_a_number_column_and_no_area_column() -> None:
    text = (
        NUMBERED_HEAD
        + row(
            "1",
            "优化开办服务",
            "（1）压缩至2个工作日。\n（2）推行网办。",
            "区市场局、区税务局",
            "2020年底前",
        )
        + row("2", "提升审批效率", "推行告知承诺制。", "区住建委", "长期坚持")
    )
    plan = yingshang.parse(text)
    (area,) = plan.areas
    assert (area.ordinal, area.title) == (1, "重点任务分工表")
    assert [(m.number, m.title) for m in area.measures] == [
        (1, "优化开办服务"),
        (2, "提升审批效率"),
    ]
    first, second, third = plan.actions
    # Without a 牵头 column, the 责任单位 are the lead agencies.
    assert [u.name for u in first.lead_agencies] == ["区市场局", "区税务局"]
    assert first.cooperating_agencies == ()
    assert [d.date.isoformat() for d in second.deadlines if d.date] == ["2020-12-31"]
    assert third.deadlines == ()
    assert [t.kind for t in third.targets] == [yingshang.TargetKind.ONGOING]  # 长期坚持
    assert [d.code for d in plan.diagnostics] == ["implicit-area"]


def test_responsible_agencies_beside_a_lead_column_cooperate() -> None:
    head = HEAD.replace("\t配合单位\n", "\t责任单位\n")
    text = head + row("一、开办企业", "1．精简流程", "推行网办。", "市财政局", "市税务局")
    (action,) = yingshang.parse(text).actions
    assert [u.name for u in action.lead_agencies] == ["市财政局"]
    assert [u.name for u in action.cooperating_agencies] == ["市税务局"]


def test_title_cells_without_numbers_are_numbered_by_position() -> None:
    head = "某区方案\n附件\n任务清单\n" + row("主要任务", "工作措施", "牵头单位", "配合单位")
    text = (
        head
        + row("优化开办服务", "推行网办。", "区市场局", "")
        + row("提升审批效率", "告知承诺。", "区住建委", "")
    )
    plan = yingshang.parse(text)
    assert [(m.number, m.title) for m in plan.measures] == [
        (1, "优化开办服务"),
        (2, "提升审批效率"),
    ]
    assert [u.name for a in plan.actions for u in a.lead_agencies] == ["区市场局", "区住建委"]


def test_area_headings_merged_across_the_table_are_rows_of_one_cell() -> None:
    head = "某市方案\n附件\n任务分工\n" + row("工作措施", "具体任务", "牵头单位", "配合单位")
    text = (
        head
        + row("一、开办企业")
        + row("1．精简流程", "（1）推行网办。\n（2）压缩时间。", "市市场监管局", "市税务局")
        + row("2．降低费用", "免费刻章。", "市市场监管局", "")
        + row("二、获得电力")
        + row("3．压减耗时", "办电时限压缩至5个工作日。", "市经济信息委", "国网市电力公司")
    )
    plan = yingshang.parse(text)
    assert [(a.ordinal, a.title, [m.number for m in a.measures]) for a in plan.areas] == [
        (1, "开办企业", [1, 2]),
        (2, "获得电力", [3]),
    ]
    assert [u.name for u in plan.actions[-1].cooperating_agencies] == ["国网市电力公司"]
    assert plan.diagnostics == ()


@pytest.mark.parametrize(
    ("cell", "lead", "cooperating"),
    [
        ("区市场局牵头，区税务局、区公安分局配合", ["区市场局"], ["区税务局", "区公安分局"]),
        ("区市场局（牵头）、区税务局、区公安分局", ["区市场局"], ["区税务局", "区公安分局"]),
        ("牵头单位：区市场局；配合单位：区税务局", ["区市场局"], ["区税务局"]),
        ("区市场局、区税务局", ["区市场局", "区税务局"], []),
    ],
)
def test_one_agencies_column_that_writes_the_roles_itself(
    cell: str, lead: list[str], cooperating: list[str]
) -> None:
    head = "某区方案\n附件\n任务清单\n" + row("序号", "重点任务", "工作措施", "责任单位")
    text = head + row("1", "优化开办服务", "推行网办。", cell)
    plan = yingshang.parse(text)
    (action,) = plan.actions
    assert [u.name for u in action.lead_agencies] == lead
    assert [u.name for u in action.cooperating_agencies] == cooperating
    for agency in action.agencies:
        assert text[agency.span.start : agency.span.end] == agency.name


def test_measures_numbered_like_subsections_and_items_numbered_1() -> None:
    head = "某市方案\n附件\n任务表\n" + row(
        "目标任务", "重点任务", "具体措施", "牵头单位", "配合单位"
    )
    text = (
        head
        + row(
            "一、开办企业",
            "（一）压缩时间",
            "1．推行网办。\n2．压缩至3个工作日。",
            "市市场监管局",
            "",
        )
        + row("", "（二）降低费用", "免费刻章。", "市财政局", "")
        + row("二、获得电力", "（一）简化流程", "压减环节。", "市经济信息委", "")
    )
    plan = yingshang.parse(text)
    assert [
        (a.ordinal, a.title, [(m.number, m.title) for m in a.measures]) for a in plan.areas
    ] == [
        (1, "开办企业", [(1, "压缩时间"), (2, "降低费用")]),
        (2, "获得电力", [(1, "简化流程")]),
    ]
    first, second = plan.measures[0].actions
    assert (first.number, first.text, second.number, second.text) == (
        1,
        "推行网办。",
        2,
        "压缩至3个工作日。",
    )
    assert first.marker is not None
    assert first.marker.text == "1．"
    # Measures numbered again from （一） in each area are in sequence.
    assert plan.diagnostics == ()


def test_areas_numbered_like_subsections_when_measures_follow() -> None:
    head = "某市方案\n附件\n任务表\n" + row("领域", "措施", "具体任务", "牵头单位", "配合单位")
    text = (
        head
        + row("（一）开办企业", "1．压缩时间", "推行网办。", "市市场监管局", "")
        + row("", "2．降低费用", "免费刻章。", "市财政局", "")
        + row("（二）获得电力", "3．简化流程", "压减环节。", "市经济信息委", "")
    )
    plan = yingshang.parse(text)
    assert [(a.ordinal, a.title, [m.number for m in a.measures]) for a in plan.areas] == [
        (1, "开办企业", [1, 2]),
        (2, "获得电力", [3]),
    ]
    assert plan.diagnostics == ()


def test_a_header_with_nothing_under_it_is_an_error_not_a_quiet_plan() -> None:
    text = "某市营商环境工作方案\n一、总体要求\n做好工作。\n附件\n主要举措\n\t目标任务\n\t工作措施\n\t牵头单位\n\t配合单位\n"
    plan = yingshang.parse(text)
    assert plan.actions == ()
    assert [(d.severity, d.code) for d in plan.warnings] == [
        (yingshang.Severity.ERROR, "empty-table")
    ]
    with pytest.raises(yingshang.ParseError, match="action items under the table's header"):
        yingshang.parse(text, strict=True)


@pytest.mark.parametrize("indent", [" ", "  ", "\u3000"])
def test_cells_opened_by_spaces_or_u3000_read_as_tabs(indent: str) -> None:
    text = HEAD + row(
        "一、开办企业", "1．精简流程", "（1）推行网办。\n（2）压缩时间。", "市财政局", "市税务局"
    )
    spaced = yingshang.parse(text.replace("\t", indent))
    assert [(a.text, [x.name for x in a.agencies]) for a in spaced.actions] == [
        (a.text, [x.name for x in a.agencies]) for a in yingshang.parse(text).actions
    ]
    assert yingshang.coverage(spaced) == ()


def test_a_header_whose_cells_nothing_opens_is_an_error() -> None:
    text = HEAD + row("一、开办企业", "1．精简流程", "推行网办。", "市财政局", "")
    plan = yingshang.parse(
        "某市营商环境工作方案\n一、总体要求\n做好工作。\n" + text.replace("\t", "")
    )
    assert "unreadable-table" in codes(plan)
    assert yingshang.coverage(plan) == ()


def test_a_number_cell_beside_a_heading_with_its_own_number() -> None:
    # 序号 "2" beside "2．提升审批效率" is one heading; 序号 "7" beside it numbers nothing and is
    # kept, where it was once dropped without a word (found by the fuzzer: a digit in a blank
    # areas cell).
    def plan(number: str) -> yingshang.Plan:
        return yingshang.parse(
            NUMBERED_HEAD
            + row("1", "优化开办服务", "推行网办。", "区市场局", "2020年底前")
            + row(number, "2．提升审批效率", "推行告知承诺制。", "区住建委", "2020年底前")
        )

    same = plan("2")
    assert [(m.number, m.title) for m in same.measures] == [
        (1, "优化开办服务"),
        (2, "提升审批效率"),
    ]
    assert same.measures[1].span.slice(same.source.text).startswith("2\n\t2．")
    assert codes(same) == ["implicit-area"]
    other = plan("7")
    assert [(m.number, m.title) for m in other.measures] == [
        (1, "优化开办服务"),
        (2, "提升审批效率"),
    ]
    (unparsed,) = [d for d in other.diagnostics if d.code == "unparsed"]
    assert unparsed.span.slice(other.source.text) == "7"
    assert yingshang.coverage(other) == ()


def test_a_deadline_cell_without_a_year_is_in_the_year_the_title_names() -> None:
    head = HEAD.replace("\t配合单位\n", "\t配合单位\n\t完成时限\n").replace(
        "某市营商环境工作方案", "某市2021年营商环境工作方案"
    )
    text = head + row("一、开办企业", "1．精简流程", "推行网办。", "市财政局", "", "9月底前")
    (deadline,) = yingshang.parse(text).actions[0].deadlines
    assert deadline.date is not None
    assert deadline.date.isoformat() == "2021-09-30"


# --- a table pasted a row to a line -----------------------------------------------------------

PASTED = (
    "某市营商环境重点任务清单\n\n"
    "序号\t重点任务\t牵头单位\t配合单位\t完成时限\n"
    "一、开办企业\n"
    "1\t（1）压缩开办时间至2个工作日以内。\n（2）推行网办。\t市市场局\t市税务局、市公安局\t2020年底前\n"
    "2\t推广电子执照。\t市市场局\t\t持续推进\n"
    "二、获得电力\n"
    "3\t压缩接电时间。\t市供电公司\t市发展改革委\t2021年6月底前\n"
)


def test_a_table_pasted_from_a_web_page_is_read_row_by_line() -> None:
    # Rows on lines, cells between tabs, a cell of two paragraphs broken over two lines, and
    # area headings on lines of their own.
    plan = yingshang.parse(PASTED)
    assert [(a.ordinal, a.title) for a in plan.areas] == [(1, "开办企业"), (2, "获得电力")]
    assert [m.number for m in plan.measures] == [1, 2, 3]
    first, second, third, fourth = plan.actions
    assert (first.text, second.text) == ("压缩开办时间至2个工作日以内。", "推行网办。")
    assert [u.name for u in second.lead_agencies] == ["市市场局"]
    assert [u.name for u in second.cooperating_agencies] == ["市税务局", "市公安局"]
    assert [d.date.isoformat() for d in first.deadlines if d.date] == ["2020-12-31"]
    assert third.cooperating_agencies == ()
    assert [t.kind for t in third.targets] == [yingshang.TargetKind.ONGOING]
    assert [d.date.isoformat() for d in fourth.deadlines if d.date] == ["2021-06-30"]
    assert plan.diagnostics == ()
    assert yingshang.coverage(plan) == ()


def test_a_pasted_row_that_is_cut_short_or_too_wide_is_kept() -> None:
    wide = PASTED.replace("\t2021年6月底前\n", "\t2021年6月底前\t备注\n")
    plan = yingshang.parse(wide)
    assert "unparsed" in codes(plan)
    assert yingshang.coverage(plan) == ()
    cut = yingshang.parse(PASTED[: PASTED.index("\t市发展改革委")])
    assert "truncated" in codes(cut)
    assert yingshang.coverage(cut) == ()


@pytest.mark.parametrize("repeated", [False, True])
def test_a_column_of_areas_by_title_alone(repeated: bool) -> None:
    # 重点领域 names the areas' column: 开办企业 there is an area, not a measure's title. A
    # merged cell leaves the next row's cell empty; an unmerged copy repeats the title.
    again = "开办企业" if repeated else ""
    text = (
        "某市营商环境重点任务清单\n\n"
        "序号\t重点领域\t工作任务\t牵头单位\t完成时限\n"
        "1\t开办企业\t企业开办时间压缩至1个工作日以内。\t市市场局\t2021年6月底前\n"
        f"2\t{again}\t推行电子营业执照。\t市市场局\t2021年底前\n"
        "3\t获得电力\t低压接电时间压缩至5个工作日以内。\t市供电公司\t持续推进\n"
    )
    plan = yingshang.parse(text)
    assert [(a.ordinal, a.title, len(a.measures)) for a in plan.areas] == [
        (1, "开办企业", 2),
        (2, "获得电力", 1),
    ]
    assert [m.number for m in plan.measures] == [1, 2, 3]
    assert plan.diagnostics == ()
    assert yingshang.coverage(plan) == ()


def test_a_deadline_cell_keeps_its_completion_word_and_reports_what_is_no_date() -> None:
    head = HEAD.replace("\t配合单位\n", "\t配合单位\n\t完成时限\n")
    cell = "2021年底前完成，视情况调整"
    text = head + row("一、开办企业", "1．精简流程", "推行网办。", "市财政局", "", cell)
    plan = yingshang.parse(text)
    (target,) = plan.actions[0].targets
    assert target.text == "2021年底前完成"
    assert target.deadline is not None
    assert target.deadline.date is not None
    assert target.deadline.date.isoformat() == "2021-12-31"
    (diagnostic,) = plan.diagnostics
    assert (diagnostic.code, diagnostic.span.slice(text)) == ("unparsed", "视情况调整")
    assert yingshang.coverage(plan) == ()


def test_a_pasted_header_may_open_with_an_empty_cell() -> None:
    # A blank header cell over the measure column: the header line opens with a tab.
    text = (
        "某市任务清单\n\n\t重点任务\t牵头单位\t配合单位\n一、开办企业\n"
        "1．压缩开办时间\t企业开办时间压缩至1个工作日以内。\t市市场局\t市税务局\n"
        "2．降低开办成本\t免费刻制公章。\t市公安局\t\n"
    )
    plan = yingshang.parse(text)
    assert [(m.number, m.title) for m in plan.measures] == [
        (1, "压缩开办时间"),
        (2, "降低开办成本"),
    ]
    assert [[a.name for a in action.lead_agencies] for action in plan.actions] == [
        ["市市场局"],
        ["市公安局"],
    ]
    assert plan.diagnostics == ()
    assert yingshang.coverage(plan) == ()


def test_a_pasted_row_whose_empty_last_cells_were_trimmed_keeps_its_columns() -> None:
    # An editor that trims the tabs at a line's end leaves rows with empty last cells short:
    # they must not swallow the next row or heading, nor shift the columns counted from the
    # right (the lead agencies beside an empty deadline cell).
    trimmed = "\n".join(line.rstrip("\t") for line in PASTED.replace("持续推进", "").split("\n"))
    plan = yingshang.parse(trimmed)
    assert [m.number for m in plan.measures] == [1, 2, 3]
    third = plan.actions[2]
    assert [u.name for u in third.lead_agencies] == ["市市场局"]
    assert third.targets == ()
    assert [a.title for a in plan.areas] == ["开办企业", "获得电力"]
    assert plan.diagnostics == ()
    assert yingshang.coverage(plan) == ()


def test_a_deadline_cell_done_word_joins_its_date() -> None:
    head = HEAD.replace("\t配合单位\n", "\t配合单位\n\t完成时限\n")
    text = head + row("一、开办企业", "1．精简流程", "推行网办。", "市财政局", "", "2021年底前办结")
    plan = yingshang.parse(text)
    (target,) = plan.actions[0].targets
    assert target.text == "2021年底前办结"
    assert plan.diagnostics == ()


INDICATORS = (
    "附件2\n主要指标目标表\n序号\t指标\t2021年\t2022年目标\t牵头单位\n"
    "1\t开办企业时间（工作日）\t1\t0.5\t市市场监管局\n"
    "2\t纳税时间（小时）\t120\t100\t市税务局\n"
)
TASKS = (
    "附件1\n重点任务分工表\n序号\t重点任务\t具体措施\t牵头单位\t配合单位\n"
    "1\t开办企业\t推行企业开办一网通办。\t市市场监管局\t市税务局\n"
    "2\t纳税服务\t推行电子税务局全程网办。\t市税务局\t市财政局\n"
)


@pytest.mark.parametrize("order", ["tasks-first", "indicators-first", "indicators-alone"])
def test_a_table_of_indicators_targets_by_year_is_no_table_of_measures(order: str) -> None:
    # Its rows were read as areas named by indicators with measures numbered 0 and 100; kept
    # and reported now, and the measures of the body or of the other table are read.
    body = (
        "某市优化营商环境实施方案\n\n一、重点任务\n（一）开办企业\n"
        "1．推行电子证照。（牵头单位：市政务服务局）\n\n"
    )
    tables = {
        "tasks-first": TASKS + "\n" + INDICATORS,
        "indicators-first": INDICATORS + "\n" + TASKS,
        "indicators-alone": INDICATORS,
    }[order]
    plan = yingshang.parse(body + tables)
    items = [(a.text, [u.name for u in a.lead_agencies]) for a in plan.actions]
    if order == "indicators-alone":
        assert items == [("推行电子证照。", ["市政务服务局"])]  # the body's measures
    else:
        assert items == [
            ("推行企业开办一网通办。", ["市市场监管局"]),
            ("推行电子税务局全程网办。", ["市税务局"]),
        ]
    unparsed = [d.span.slice(plan.source.text) for d in plan.diagnostics if d.code == "unparsed"]
    assert [u for u in unparsed if "\t" in u and u[0] in "12"][-2:] == [
        "1\t开办企业时间（工作日）\t1\t0.5\t市市场监管局",
        "2\t纳税时间（小时）\t120\t100\t市税务局",
    ]
    assert "empty-table" not in codes(plan)
    assert yingshang.coverage(plan) == ()


def test_a_row_of_role_words_under_a_merged_agencies_cell_splits_it() -> None:
    # 责任单位 merged over 牵头 and 配合: the row below holds only those two cells. Read with the
    # header's columns counted from the right, the items were the lead agencies' names, the
    # lead the cooperating agencies, and the cooperating agencies the deadlines.
    text = (
        "某市优化营商环境任务分工方案\n附件\n任务分工表\n"
        + row("序号", "重点任务", "具体措施", "责任单位", "完成时限")
        + row("牵头", "配合")
        + row(
            "1",
            "开办企业",
            "企业开办时间压缩至1个工作日以内。",
            "市市场监管局",
            "市税务局",
            "2021年6月底前",
        )
    )
    plan = yingshang.parse(text)
    (action,) = plan.actions
    assert action.text == "企业开办时间压缩至1个工作日以内。"
    assert [u.name for u in action.lead_agencies] == ["市市场监管局"]
    assert [u.name for u in action.cooperating_agencies] == ["市税务局"]
    assert action.targets[-1].text == "2021年6月底前"
    assert codes(plan) == ["implicit-area"]


@pytest.mark.parametrize("people", ["责任领导", "分管领导", "责任人"])
def test_a_column_of_the_people_answerable_is_no_column_of_items(people: str) -> None:
    # 责任领导 left of the lead agencies: the leaders' names were read as the items, and the
    # items as measures' titles.
    text = (
        "某县优化营商环境任务分工方案\n附件\n任务分工表\n"
        f"序号\t重点任务\t具体措施\t{people}\t牵头单位\t配合单位\t完成时限\n"
        "1\t开办企业\t企业开办时间压缩至1个工作日以内。\t张某某\t县市场监管局\t县税务局\t2021年6月底前\n"
        "2\t获得电力\t低压小微企业接电时间压缩至10个工作日。\t李某某\t国网某县供电公司\t县发展改革局\t2021年底前\n"
    )
    plan = yingshang.parse(text)
    assert [(m.title, [a.text for a in m.actions]) for m in plan.areas[0].measures] == [
        ("开办企业", ["企业开办时间压缩至1个工作日以内。"]),
        ("获得电力", ["低压小微企业接电时间压缩至10个工作日。"]),
    ]
    unparsed = [d.span.slice(text) for d in plan.diagnostics if d.code == "unparsed"]
    assert unparsed == ["张某某", "李某某"]
    assert yingshang.coverage(plan) == ()


@pytest.mark.parametrize(
    ("responsible", "helping"),
    [
        ("责任主体", "协同单位"),
        ("主责单位", "配合部门"),
        ("承担单位", "协办单位"),
        ("主办单位", "参与单位"),
    ],
)
def test_every_word_for_the_agencies_columns_the_body_labels_use(
    responsible: str, helping: str
) -> None:
    # A header naming its agencies so was no header: the table was read as a body-less text.
    text = (
        "某县优化营商环境重点任务清单\n\n"
        f"序号\t工作任务\t{responsible}\t{helping}\t完成时限\n"
        "1\t企业开办时间压缩至1个工作日以内。\t县市场监管局\t县税务局\t2021年6月\n"
    )
    plan = yingshang.parse(text)
    (action,) = plan.actions
    assert action.text == "企业开办时间压缩至1个工作日以内。"
    assert [u.name for u in action.lead_agencies] == ["县市场监管局"]
    assert [u.name for u in action.cooperating_agencies] == ["县税务局"]
    assert action.targets[-1].text == "2021年6月"
    assert codes(plan) == ["implicit-area"]


def test_the_body_labels_and_the_table_headers_name_agencies_and_time_alike() -> None:
    # One vocabulary: a word a plan may write over a column it may also write before a colon.
    from yingshang.parse import _patterns

    pairs = [
        (_patterns._LEAD_LABELS, _patterns._LEAD_HEADER),
        (_patterns._RESPONSIBLE_LABELS, _patterns._RESPONSIBLE_HEADER),
        (_patterns._HELPING_LABELS, _patterns._COOPERATING_HEADER),
        (_patterns._TIME_LABELS, _patterns._DEADLINE_HEADER),
    ]
    for labels, header in pairs:
        for label in labels:
            assert header.search(label), label


@pytest.mark.parametrize("goal", ["预期目标", "成果形式", "完成标准"])
@pytest.mark.parametrize("where", ["left", "right"])
def test_a_column_of_goals_gives_its_targets_to_the_rows_items(goal: str, where: str) -> None:
    # Left of the lead agencies, a goals column stood in for the items, and the items were read
    # as measures' titles; right of them, its targets were only text outside any item.
    if where == "left":
        header = f"序号\t重点任务\t具体措施\t{goal}\t牵头单位\t配合单位\t完成时限\n"
        cells = "1\t开办企业\t推行全程网办。\t开办时间压缩至1个工作日以内\t县市场监管局\t县税务局\t2021年6月底前\n"
    else:
        header = f"序号\t重点任务\t具体措施\t牵头单位\t配合单位\t{goal}\t完成时限\n"
        cells = "1\t开办企业\t推行全程网办。\t县市场监管局\t县税务局\t开办时间压缩至1个工作日以内\t2021年6月底前\n"
    plan = yingshang.parse("某县优化营商环境任务分工方案\n附件\n任务分工表\n" + header + cells)
    (action,) = plan.actions
    assert action.text == "推行全程网办。"
    assert [u.name for u in action.lead_agencies] == ["县市场监管局"]
    assert [
        (t.text, t.deadline.date.isoformat() if t.deadline else None) for t in action.targets
    ] == [
        ("压缩至1个工作日以内", "2021-06-30"),
        ("2021年6月底前", "2021-06-30"),
    ]
    assert codes(plan) == ["implicit-area", "goal-cell"]
    assert yingshang.coverage(plan) == ()


def test_as_many_dates_as_items_in_a_row_are_each_items_own() -> None:
    # (1)…(2)… beside （1）2021年6月底前 ⏎ （2）2021年底前: each item had both dates, and the
    # markers of the deadline cell were warnings of text that is no date.
    text = HEAD.replace("\t牵头单位\n\t配合单位\n", "\t牵头单位\n\t配合单位\n\t完成时限\n") + row(
        "一、开办企业",
        "1．精简流程",
        "（1）企业开办时间压缩至1个工作日以内。\n（2）推行电子营业执照全覆盖。",
        "市市场监管局",
        "市税务局",
        "（1）2021年6月底前\n（2）2021年底前",
    )
    plan = yingshang.parse(text)
    first, second = plan.actions
    assert [(t.text, t.deadline.date.isoformat()) for t in first.targets if t.deadline] == [
        ("压缩至1个工作日以内", "2021-06-30"),
        ("2021年6月底前", "2021-06-30"),
    ]
    assert [t.text for t in second.targets] == ["2021年底前"]
    assert codes(plan) == ["deadline-marker", "deadline-marker"]
    assert yingshang.coverage(plan) == ()
    # One date for two items is both items'.
    one = yingshang.parse(text.replace("（1）2021年6月底前\n（2）2021年底前", "2021年底前"))
    assert [[t.text for t in a.targets if t.deadline] for a in one.actions] == [
        ["压缩至1个工作日以内", "2021年底前"],
        ["2021年底前"],
    ]


def test_a_county_table_of_every_kind_of_column_reads_whole() -> None:
    # tests/fixtures/layout-county-table.txt: a two-row header (责任单位 over 牵头, 配合), a column
    # of goals, one of leaders, one date per item, and a table of indicators after it. The
    # fuzzer mutates it too (tests/mutations.py).
    from pathlib import Path

    path = Path(__file__).parent / "fixtures" / "layout-county-table.txt"
    plan = yingshang.parse_file(path)
    assert [(a.text[:6], [u.name for u in a.lead_agencies]) for a in plan.actions] == [
        ("推行企业开办", ["县市场监管局"]),
        ("推行电子营业", ["县市场监管局"]),
        ("推行低压小微", ["国网某县供电公司"]),
        ("推行社会投资", ["县住建局"]),
    ]
    assert [sum(t.kind.name == "DEADLINE" for t in a.targets) for a in plan.actions] == [1, 1, 1, 0]
    assert sorted({d.code for d in plan.diagnostics}) == [
        "deadline-marker",
        "goal-cell",
        "implicit-area",
        "unparsed",
    ]
    assert yingshang.coverage(plan) == ()


@pytest.mark.parametrize(
    "layout",
    [
        "layout-county-table.txt",
        "layout-pasted-table.txt",
        "one-column-of-roles",
    ],
)
def test_a_traditional_copy_of_a_table_reads_as_the_simplified(layout: str) -> None:
    # 牽頭單位, 配合單位, 預期目標, 責任領導: the header's words were matched as written, so a
    # Traditional copy's table was no table, and its plan had no body.
    from pathlib import Path

    from .test_extract_phrases import TO_TRADITIONAL

    if layout == "one-column-of-roles":
        text = HEAD.replace("\t牵头单位\n\t配合单位\n", "\t责任单位\n") + row(
            "一、开办企业", "1．精简流程", "推行网办。", "市市场监管局牵头，市税务局配合"
        )
    else:
        text = (Path(__file__).parent / "fixtures" / layout).read_text(encoding="utf-8")
    copy = text.translate(TO_TRADITIONAL)
    assert copy != text
    simplified, traditional = yingshang.parse(text), yingshang.parse(copy)
    assert simplified.actions
    assert [
        ([u.span for u in a.lead_agencies], [u.span for u in a.cooperating_agencies], a.span)
        for a in traditional.actions
    ] == [
        ([u.span for u in a.lead_agencies], [u.span for u in a.cooperating_agencies], a.span)
        for a in simplified.actions
    ]
    assert codes(traditional) == codes(simplified)


PAGE_CONVERTED_TO_TEXT = """\
某市2023年优化营商环境重点任务分工方案
省《工作要点》部署的重点任务 | 市落实措施 | 牵头单位 | 责任单位 | 完成时限 |
|---|---|---|---|---|
一、提升开办企业便利度 | | | | |
1．压缩开办时间 | (1)企业开办时间压缩至1个工作日以内。 | 市市场监管局 | 市税务局 | 2023年6月底前 |
 | (2)推行电子营业执照全程应用。 | 市市场监管局 | 市政务服务局 | 2023年底前 |
"""


def test_a_table_converted_to_text_with_bars_reads_as_a_pasted_one() -> None:
    # A page converted to text writes a row to a line with a bar after each cell, and a rule of
    # dashes under the header; a header cell that names no agencies may be long.
    plan = yingshang.parse(PAGE_CONVERTED_TO_TEXT)
    assert [(a.title, [m.title for m in a.measures]) for a in plan.areas] == [
        ("提升开办企业便利度", ["压缩开办时间"])
    ]
    assert [
        (
            a.text[:6],
            [u.name for u in a.lead_agencies],
            [u.name for u in a.cooperating_agencies],
            [t.deadline.date for t in a.targets if t.kind is TargetKind.DEADLINE and t.deadline],
        )
        for a in plan.actions
    ] == [
        ("企业开办时间", ["市市场监管局"], ["市税务局"], [datetime.date(2023, 6, 30)]),
        ("推行电子营业", ["市市场监管局"], ["市政务服务局"], [datetime.date(2023, 12, 31)]),
    ]
    assert plan.diagnostics == ()
    assert yingshang.coverage(plan) == ()
