"""A one-page report of a plan to look at: one self-contained HTML file.

`report_html(plan)` returns the page, `write_report(plan, path)` writes it. The page holds the
plan's metadata, the areas → measures → items tree with the agencies (collapsible), a timeline
of the deadlines by month (inline SVG), an agency × area matrix of lead and cooperating counts
(a heat-map table), the measurable targets and the parser's diagnostics.

It needs no network to open: no scripts, no external stylesheets, fonts or images. Chinese
renders with the reader's system fonts (`FONT_FAMILY`). Every piece of the plan's text is
escaped, since plans are untrusted input. Each part is a function of its own, styled inline
where it must look right without the page's stylesheet, so that Jupyter's display of a plan
(`Plan._repr_html_`) reuses them.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Iterable, Sequence
from html import escape
from importlib import resources
from string import Template

from ._display import shorten
from .errors import line_and_column
from .ledger import describe_target, label, measurable_targets
from .model import Action, Area, Plan, Severity, Target, item_key
from .numbers import to_chinese_numeral
from .query import Due, agency_counts, timeline
from .registry import AgencyRegistry, registry_for

__all__ = [
    "FONT_FAMILY",
    "diagnostics_html",
    "matrix_html",
    "metadata_html",
    "report_html",
    "table_html",
    "targets_html",
    "timeline_svg",
    "tree_html",
    "write_report",
]

#: System fonts with CJK glyphs on Windows, macOS and Linux, then the generic family.
FONT_FAMILY = (
    '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", '
    '"Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif'
)

_LEAD_HUE, _COOPERATING_HUE = 212, 32
_BAR_COLOR = "#2f6fb0"


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _ordinal(area: Area) -> str:
    return to_chinese_numeral(area.ordinal) if area.ordinal >= 0 else str(area.ordinal)


def table_html(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    caption: str = "",
    css_class: str = "",
) -> str:
    """Return a table of plain-text cells, every cell escaped."""
    head = "".join(f"<th>{_e(cell)}</th>" for cell in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{_e(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    caption_html = f"<caption>{_e(caption)}</caption>" if caption else ""
    opening = f'<table class="{_e(css_class)}">' if css_class else "<table>"
    return f"{opening}{caption_html}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


# --- metadata ------------------------------------------------------------------------------------


def metadata_html(plan: Plan, registry: AgencyRegistry | None = None) -> str:
    """Return the plan's title, document number, issuer, dates, source and counts."""
    agencies = agency_counts(plan, registry)
    fields = [
        ("文号", plan.document_number),
        ("发文机关", plan.issuer),
        ("成文日期", plan.issue_date.isoformat() if plan.issue_date else None),
        ("主送", "、".join(plan.recipients) or None),
    ]
    if plan.source is not None and plan.source.path is not None:
        fields.append(("来源", f"{plan.source.path} ({plan.source.format})"))
    rows = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in fields if v)
    counts = [
        (len(plan.areas), "领域"),
        (len(plan.measures), "举措"),
        (len(plan.actions), "项任务"),
        (len(agencies), "个单位"),
        (sum(len(measurable_targets(a)) for a in plan.actions), "个量化指标"),
        (sum(bool(a.deadlines) for a in plan.actions), "项有时限"),
        (len(plan.warnings), "条警告"),
    ]
    figures = "".join(f"<li><b>{n}</b> {_e(what)}</li>" for n, what in counts)
    return (
        f'<header class="metadata"><h1>{_e(plan.title.text)}</h1>'
        f"<dl>{rows}</dl>"
        f'<ul class="figures" style="list-style:none;padding:0;display:flex;flex-wrap:wrap;'
        f'gap:0 1.5em">{figures}</ul></header>'
    )


# --- the tree ------------------------------------------------------------------------------------


def _marked(action: Action) -> str:
    """Return the item's text escaped, with each of its targets in <mark>."""
    pieces = []
    position = 0
    for target in action.targets:
        found = action.text.find(target.text, position) if target.text else -1
        if found < 0:
            continue
        pieces.append(_e(action.text[position:found]))
        title = _e(describe_target(target))
        pieces.append(f'<mark title="{title}">{_e(target.text)}</mark>')
        position = found + len(target.text)
    pieces.append(_e(action.text[position:]))
    return "".join(pieces)


def _agency_line(action: Action) -> str:
    parts = []
    if action.lead_agencies:
        names = "、".join(a.name for a in action.lead_agencies)
        parts.append(f'<span class="lead">牵头</span> {_e(names)}')
    if action.cooperating_agencies:
        names = "、".join(a.name for a in action.cooperating_agencies)
        parts.append(f'<span class="cooperating">配合</span> {_e(names)}')
    dates = sorted({d.date for d in action.deadlines if d.date is not None})
    if dates:
        parts.append(f'<span class="due">时限</span> {_e(" / ".join(map(str, dates)))}')
    return f'<div class="agencies">{" ".join(parts)}</div>' if parts else ""


def tree_html(plan: Plan, open_first: bool = True) -> str:
    """Return the areas → measures → items tree as nested <details>, with agencies and dates.

    With `open_first` the first area and its first measure are open, the rest folded.
    """
    areas: list[str] = []
    qualified = plan.measure_numbers_repeat
    for index, area in enumerate(plan.areas):
        measures: list[str] = []
        for measure in area.measures:
            items = "".join(
                f'<li><span class="key">{item_key(area, measure, action, qualified=qualified)}'
                "</span> "
                f"{_marked(action)}{_agency_line(action)}</li>"
                for action in measure.actions
            )
            opened = " open" if open_first and not areas and not measures else ""
            measures.append(
                f"<details{opened}><summary>{measure.number}．{_e(measure.title)} "
                f'<span class="count">{len(measure.actions)}项</span></summary>'
                f'<ol class="items">{items}</ol></details>'
            )
        is_open = " open" if open_first and index == 0 else ""
        areas.append(
            f'<details class="area"{is_open}><summary>{_e(_ordinal(area))}、{_e(area.title)} '
            f'<span class="count">{len(area.measures)}项举措 · {len(area.actions)}项任务'
            f"</span></summary>{''.join(measures)}</details>"
        )
    return f'<div class="tree">{"".join(areas)}</div>'


# --- the timeline --------------------------------------------------------------------------------

_MONTHS_SHOWN = 72  # beyond six years of months, bars are too thin to read: count by year


def _bucket(date: datetime.date, by_year: bool) -> tuple[int, int]:
    return (date.year, 1) if by_year else (date.year, date.month)


def _buckets(first: tuple[int, int], last: tuple[int, int], by_year: bool) -> list[tuple[int, int]]:
    if by_year:
        return [(year, 1) for year in range(first[0], last[0] + 1)]
    months = []
    year, month = first
    while (year, month) <= last:
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def timeline_svg(plan: Plan, width: int = 1000, height: int = 220) -> str:
    """Return an SVG bar chart of the items' deadlines by month (by year past six years).

    Each bar counts the resolved deadlines due in its month; its tooltip lists the items. A plan
    whose items name no resolvable deadline gets a sentence that says so instead.
    """
    dues = timeline(plan)
    if not dues:
        return '<p class="empty">没有可定位到日期的完成时限（no deadline resolves to a date）。</p>'
    first, last = dues[0].date, dues[-1].date
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    by_year = months > _MONTHS_SHOWN
    buckets = _buckets(_bucket(first, by_year), _bucket(last, by_year), by_year)
    grouped: dict[tuple[int, int], list[Due]] = {bucket: [] for bucket in buckets}
    for due in dues:
        grouped[_bucket(due.date, by_year)].append(due)
    top = max(len(group) for group in grouped.values())

    left, right, above, below = 34, 10, 22, 44
    plot_width, plot_height = width - left - right, height - above - below
    step = plot_width / len(buckets)
    bar = max(1.0, step * 0.72)
    parts = []
    for tick in sorted({0, (top + 1) // 2, top}):  # a few gridlines, in whole items
        y = above + plot_height - plot_height * tick / top
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="#d8dde3" stroke-width="1"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="#555">{tick}</text>'
        )
    for index, bucket in enumerate(buckets):
        group = grouped[bucket]
        x = left + index * step + (step - bar) / 2
        centre = left + index * step + step / 2
        year, month = bucket
        name = f"{year}年" if by_year else f"{year}年{month}月"
        if group:
            bar_height = plot_height * len(group) / top
            y = above + plot_height - bar_height
            items = "、".join(dict.fromkeys(due.entry.key for due in group))
            parts.append(
                f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" '
                f'height="{bar_height:.1f}" fill="{_BAR_COLOR}" rx="1.5">'
                f"<title>{_e(name)}：{len(group)}项到期（{_e(items)}）</title></rect>"
            )
            if step >= 14:
                parts.append(
                    f'<text x="{centre:.1f}" y="{y - 4:.1f}" text-anchor="middle" '
                    f'font-size="11" fill="#222">{len(group)}</text>'
                )
        base = above + plot_height
        if not by_year and step >= 12:
            parts.append(
                f'<text x="{centre:.1f}" y="{base + 14}" text-anchor="middle" font-size="9" '
                f'fill="#777">{month}</text>'
            )
        if by_year or month == 1 or index == 0:
            parts.append(
                f'<text x="{left + index * step:.1f}" y="{base + 32}" font-size="11" '
                f'fill="#333">{year}</text>'
            )
    caption = "按年" if by_year else "按月"
    return (
        f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="完成时限{caption}分布" style="max-width:100%;height:auto;'
        f'font-family:{_e(FONT_FAMILY)}">'
        f"<title>完成时限{caption}分布：{len(dues)}个时限</title>"
        f'<line x1="{left}" x2="{width - right}" y1="{above + plot_height}" '
        f'y2="{above + plot_height}" stroke="#888" stroke-width="1"/>'
        f"{''.join(parts)}</svg>"
    )


def _due_list(plan: Plan) -> str:
    rows = [
        [
            due.date.isoformat(),
            due.entry.key,
            shorten(due.entry.action.text, 60),
            "、".join(a.name for a in due.entry.action.lead_agencies),
        ]
        for due in timeline(plan)
    ]
    unresolved = sum(
        1 for a in plan.actions for d in a.deadlines if d.date is None
    )  # relative deadlines of a plan without an issue date
    note = f"<p>另有{unresolved}个时限无法定位到日期。</p>" if unresolved else ""
    table = table_html(["时限", "序号", "任务", "牵头单位"], rows, css_class="dues")
    return f"<details><summary>按日期列出（{len(rows)}）</summary>{table}</details>{note}"


# --- the agency × area matrix ------------------------------------------------------------------


def _cell_style(lead: int, cooperating: int, top: int) -> str:
    if lead:
        lightness = 92 - 52 * lead / top
        colour = "#fff" if lightness < 62 else "#102a43"
        return f"background:hsl({_LEAD_HUE},62%,{lightness:.0f}%);color:{colour}"
    if cooperating:
        return f"background:hsl({_COOPERATING_HUE},80%,90%);color:#5a3d00"
    return ""


def matrix_html(plan: Plan, registry: AgencyRegistry | None = None) -> str:
    """Return a heat-map table of agencies (rows) by areas (columns): lead/cooperating counts.

    A cell reads "3/1" for 3 items led and 1 cooperated on in that area; its shade deepens with
    the items led, and a pale orange marks an area where the agency only cooperates. Agencies
    are those of the registry's canonical names, ordered by items led, then cooperated on.
    """
    registry = registry_for(plan) if registry is None else registry
    written: dict[str, str] = {}
    counts: dict[tuple[str, int], list[int]] = {}
    for index, area in enumerate(plan.areas):
        for action in area.actions:
            for role, pool in enumerate((action.lead_agencies, action.cooperating_agencies)):
                for key in dict.fromkeys(registry.canonical_name(a.name) for a in pool):
                    counts.setdefault((key, index), [0, 0])[role] += 1
            for agency in action.agencies:
                written.setdefault(registry.canonical_name(agency.name), agency.name)
    if not written:
        return '<p class="empty">没有牵头或配合单位（no agencies）。</p>'
    totals = {
        key: [
            sum(counts.get((key, i), [0, 0])[role] for i in range(len(plan.areas)))
            for role in (0, 1)
        ]
        for key in written
    }
    order = sorted(written, key=lambda key: (-totals[key][0], -totals[key][1]))
    top = max((lead for lead, _ in counts.values()), default=1) or 1
    head = "".join(
        f'<th class="area" title="{_e(area.title)}"><span style="writing-mode:vertical-rl;'
        f'white-space:nowrap">{_e(shorten(area.title, 10))}</span></th>'
        for area in plan.areas
    )
    rows = []
    for key in order:
        cells = []
        for index, area in enumerate(plan.areas):
            lead, cooperating = counts.get((key, index), (0, 0))
            text = f"{lead}/{cooperating}" if lead or cooperating else ""
            tip = f"{written[key]} · {area.title}：牵头{lead}项，配合{cooperating}项"
            cells.append(
                f'<td style="text-align:center;{_cell_style(lead, cooperating, top)}" '
                f'title="{_e(tip)}">{text}</td>'
            )
        lead, cooperating = totals[key]
        rows.append(
            f'<tr><th scope="row" title="{_e(key)}" style="text-align:left;white-space:nowrap">'
            f"{_e(written[key])}</th>{''.join(cells)}"
            f'<td style="text-align:center"><b>{lead}</b>/{cooperating}</td></tr>'
        )
    legend = (
        '<p class="legend">单元格：牵头项数/配合项数。'
        f'<span style="{_cell_style(top, 0, top)};padding:0 .4em">深</span>'
        f'<span style="{_cell_style(1, 0, top)};padding:0 .4em">浅</span> 牵头越多越深；'
        f'<span style="{_cell_style(0, 1, top)};padding:0 .4em">橙</span> 仅配合。</p>'
    )
    return (
        f'<table class="matrix" style="border-collapse:collapse;font-size:12px">'
        f'<thead><tr><th scope="col">单位 \\ 领域</th>{head}<th scope="col">合计</th></tr>'
        f"</thead><tbody>{''.join(rows)}</tbody></table>{legend}"
    )


# --- targets and diagnostics ---------------------------------------------------------------------


def _reading(target: Target) -> str:
    described = describe_target(target)
    return described[len(target.text) + 1 : -1]  # what is inside the closing brackets


def targets_html(plan: Plan) -> str:
    """Return the table of the measurable commitments (every target but the deadlines)."""
    rows = []
    qualified = plan.measure_numbers_repeat
    for area in plan.areas:
        for measure in area.measures:
            for action in measure.actions:
                dates = "、".join(str(d.date) for d in action.deadlines if d.date is not None)
                for target in measurable_targets(action):
                    rows.append(
                        [
                            item_key(area, measure, action, qualified=qualified),
                            area.title,
                            target.text,
                            label(target.kind),
                            _reading(target),
                            str(target.deadline.date or "") if target.deadline else dates,
                            "、".join(a.name for a in action.lead_agencies),
                        ]
                    )
    if not rows:
        return '<p class="empty">没有量化指标（no measurable targets）。</p>'
    header = ["序号", "领域", "指标原文", "类型", "读作", "时限", "牵头单位"]
    return table_html(header, rows, css_class="targets")


def diagnostics_html(plan: Plan) -> str:
    """Return the parser's diagnostics, with line and column where the plan keeps its text."""
    if not plan.diagnostics:
        return '<p class="empty">解析无诊断信息（no diagnostics）。</p>'
    text = plan.source.text if plan.source is not None else None
    rows = []
    for diagnostic in plan.diagnostics:
        span = diagnostic.span
        if text is not None:
            line, column = line_and_column(text, span.start)
            where = f"{line}:{column}"
            found = shorten(" ".join(span.slice(text).split()), 80)
        else:
            where, found = f"@{span.start}–{span.end}", ""
        rows.append([where, diagnostic.severity.value, diagnostic.code, diagnostic.message, found])
    warnings = sum(d.severity is Severity.WARNING for d in plan.diagnostics)
    caption = f"{warnings} warning(s), {len(plan.diagnostics) - warnings} info"
    return table_html(
        ["位置", "severity", "code", "message", "原文"], rows, caption, css_class="diagnostics"
    )


# --- the page ------------------------------------------------------------------------------------


def report_html(plan: Plan, registry: AgencyRegistry | None = None) -> str:
    """Return the report as one self-contained HTML page (see the module's docstring)."""
    template = Template(
        resources.files("yingshang").joinpath("data", "report.html").read_text(encoding="utf-8")
    )
    sections = [
        ("tree", "任务分解：领域 → 举措 → 任务", tree_html(plan)),
        ("timeline", "完成时限", timeline_svg(plan) + _due_list(plan)),
        ("matrix", "单位 × 领域：牵头/配合", matrix_html(plan, registry)),
        ("targets", "量化指标", targets_html(plan)),
        ("diagnostics", "解析诊断", diagnostics_html(plan)),
    ]
    body = metadata_html(plan, registry) + "".join(
        f'<section id="{name}"><h2>{_e(heading)}</h2>{content}</section>'
        for name, heading, content in sections
    )
    return template.substitute(title=_e(plan.title.text), font_family=FONT_FAMILY, body=body)


def write_report(
    plan: Plan, path: str | os.PathLike[str], registry: AgencyRegistry | None = None
) -> None:
    """Write the report of `plan` to `path` as UTF-8 HTML."""
    with open(path, "w", encoding="utf-8") as file:
        file.write(report_html(plan, registry))
