"""Write a plan as Word exports it: the notice, the body, and the attachment as a tab table.

The layout follows the Chongqing 2019 export: one cell per line, each cell opened by a tab,
paragraphs inside a cell on lines of their own without a tab, rows separated by a blank line,
the area and measure cells of a continuation row left empty.
"""

from __future__ import annotations

from yingshang.model import Action, Agency, Area, Measure, Plan, Section

_NUMERALS = "一二三四五六七八九"


def chinese_ordinal(number: int) -> str:
    """Write 1..99 as headings do: 一, 十, 十二, 二十, 二十三."""
    tens, ones = divmod(number, 10)
    text = "" if tens == 0 else ("十" if tens == 1 else _NUMERALS[tens - 1] + "十")
    return text + ("" if ones == 0 else _NUMERALS[ones - 1])


def _agencies(agencies: tuple[Agency, ...]) -> str:
    return "、".join(agency.name for agency in agencies)


def _action_lines(actions: list[Action]) -> list[str]:
    return [(action.marker.text if action.marker else "") + action.text for action in actions]


def _rows(measure: Measure, one_per_row: bool) -> list[list[Action]]:
    """Group a measure's actions into table rows: one per action when a heading repeats."""
    if measure.repeated_at or one_per_row:
        return [[action] for action in measure.actions]
    rows: list[list[Action]] = []
    for action in measure.actions:
        previous = rows[-1][-1] if rows else None
        if (
            previous is not None
            and previous.agencies == action.agencies
            and (previous.lead_agencies == action.lead_agencies)
        ):
            rows[-1].append(action)
        else:
            rows.append([action])
    return rows


def _area_rows(area: Area, pasted: bool = False, separator: str = "\t") -> list[str]:
    """The rows of an area: cells on lines of their own, or with `pasted` a row to a line with
    its cells between tabs (or `separator`, a bar closing the row too, as a page converted to
    text writes it), as a web page's table pastes (a cell's paragraphs still break it)."""
    out: list[str] = []
    row_index = 0
    for measure in area.measures:
        for index, actions in enumerate(_rows(measure, bool(area.repeated_at))):
            area_cell = ""
            if row_index == 0 or (row_index == 1 and area.repeated_at):
                area_cell = f"{chinese_ordinal(area.ordinal)}、{area.title}"
            measure_cell = ""
            if index <= len(measure.repeated_at):
                measure_cell = f"{measure.number}．{measure.title}"
            lines = _action_lines(actions)
            if pasted:
                lead = _agencies(actions[0].lead_agencies)
                cooperating = _agencies(actions[0].cooperating_agencies)
                cells = [area_cell, measure_cell, "\n".join(lines), lead, cooperating]
                out.append(_joined(cells, separator))
                row_index += 1
                continue
            out.append(f"\t{area_cell}")
            out.append(f"\t{measure_cell}")
            out.append(f"\t{lines[0]}")
            out.extend(lines[1:])
            out.append(f"\t{_agencies(actions[0].lead_agencies)}")
            out.append(f"\t{_agencies(actions[0].cooperating_agencies)}")
            out.append("")
            row_index += 1
    return out


def _section_lines(section: Section, ordinal: str) -> list[str]:
    lines = [f"{ordinal}{section.title}"]
    lines.extend(p.text for p in section.paragraphs)
    for sub in section.subsections:
        heading = f"（{chinese_ordinal(sub.ordinal)}）{sub.title}"
        if sub.paragraphs:
            lines.append(f"{heading}。{sub.paragraphs[0].text}")
            lines.extend(p.text for p in sub.paragraphs[1:])
        else:
            lines.append(heading)
    return lines


def _joined(cells: list[str], separator: str) -> str:
    return "\t".join(cells) if separator == "\t" else f" {separator} ".join(cells) + f" {separator}"


def table_export(plan: Plan, pasted: bool = False, separator: str = "\t") -> str:
    """Return the text of `plan` laid out as a Word table export; with `pasted`, its table as a
    web page's pastes into a text file: a row to a line, the cells between tabs or, with a bar
    for `separator`, as a page converted to text writes a table (序号 | 牵头单位 |, a rule of
    dashes below the header)."""
    out: list[str] = []
    notice = plan.notice
    if notice is not None:
        for part in (notice.title, notice.document_number):
            if part is not None:
                out.append(part.text)
        out.append(" ")
        if notice.recipients is not None:
            out.append(notice.recipients.text)
        out.extend(p.text for p in notice.paragraphs)
        out.append("  ")
        if notice.issuer is not None:
            out.append(notice.issuer.text + "        ")
        if notice.issue_date_text is not None:
            out.append(notice.issue_date_text.text + "          ")
        out.extend(r.text for r in notice.remarks)
        out.extend(["", "", ""])
    out.append(plan.title.text)
    out.append(" ")
    out.extend(p.text for p in plan.preamble)
    for section in plan.sections:
        out.extend(_section_lines(section, f"{chinese_ordinal(section.ordinal)}、"))
    out.append(" ")
    out.extend(r.text for r in plan.attachment_references)
    attachment = plan.attachment
    if attachment is not None:
        out.append("")
        if attachment.label is not None:
            out.append(attachment.label.text + " ")
        if attachment.title is not None:
            out.append(attachment.title.text + " ")
        if pasted:
            out.append(_joined([header.text for header in attachment.headers], separator))
            if separator != "\t":
                out.append("|" + "---|" * len(attachment.headers))
        else:
            out.extend(f"\t{header.text}" for header in attachment.headers)
            out.append("")
        for area in plan.areas:
            out.extend(_area_rows(area, pasted, separator))
    return "\n".join(out) + "\n"


def inline_export(plan: Plan, *, bracketed: bool = True) -> str:
    """Return `plan` laid out with its measures in the body and the agencies written inline.

    Areas are the ``（一）`` subsections of the last section (``二、重点任务``), measures numbered
    paragraphs ``1．title。`` and each item ends with ``（牵头单位：…；配合单位：…）``, or without
    `bracketed`, with the same labels as sentences of its own: ``牵头单位：…；配合单位：…。``.
    """
    out = [plan.title.text, ""]
    out.extend(p.text for p in plan.preamble)
    for section in plan.sections:
        out.extend(_section_lines(section, f"{chinese_ordinal(section.ordinal)}、"))
    # The areas stand under the last section's heading (重点任务), as its subsections.
    for area in plan.areas:
        out.append(f"（{chinese_ordinal(area.ordinal)}）{area.title}")
        for measure in area.measures:
            items = []
            for action in measure.actions:
                roles = f"牵头单位：{_agencies(action.lead_agencies)}"
                if action.cooperating_agencies:
                    roles += f"；配合单位：{_agencies(action.cooperating_agencies)}"
                items.append(
                    f"{action.text}（{roles}）" if bracketed else f"{action.text}{roles}。"
                )
            out.append(f"{measure.number}．{measure.title}。" + "".join(items))
    return "\n".join(out) + "\n"
