"""The task ledger (任务分工台账) offices circulate: an Excel workbook of the plan's action items.

`write_ledger(plan, path)` writes three kinds of sheet, with openpyxl (the ``xlsx`` extra):

* ``任务台账``: one row per action item, with the columns of `LEDGER_COLUMNS`;
* one sheet per lead agency, named as the plan first writes it: the items it leads, then those
  it cooperates on, each marked in a first column ``职责`` (牵头/配合) — what an office sends to
  each department;
* ``量化指标``: one row per target, with the columns of `TARGET_SHEET_COLUMNS`.

Every sheet has a frozen header row, filters, column widths and wrapped text. The ledger is the
CSV export in Chinese dress: each column that `LEDGER_COLUMNS` pairs with a record column holds
the same value as ``yingshang export --format csv`` (`io.action_records`), and each column of
the target sheet the value of ``--records targets`` (`io.target_records`), with enum values
written as the labels of `LABELS`. Deadlines are date cells, target values numbers.

The rows themselves (`ledger_rows`, `target_rows`) and the wording of a target
(`describe_target`) need no openpyxl; the report reuses them.
"""

from __future__ import annotations

import datetime
import enum
import os
from collections.abc import Iterable, Sequence
from typing import IO, TYPE_CHECKING, Any

from ._display import display_width
from ._lazy import LazyStdlibPattern
from .io import MissingDependencyError, action_records, target_records
from .model import (
    Action,
    Comparator,
    DeadlineKind,
    Direction,
    Plan,
    Target,
    TargetKind,
    TargetRole,
)
from .query import agency_counts
from .registry import AgencyRegistry, registry_for

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "AGENCY_ROLE_COLUMN",
    "LABELS",
    "LEDGER_COLUMNS",
    "LEDGER_SHEET",
    "TARGET_SHEET",
    "TARGET_SHEET_COLUMNS",
    "describe_target",
    "is_commitment",
    "label",
    "ledger_rows",
    "ledger_workbook",
    "measurable_targets",
    "sheet_names",
    "target_rows",
    "write_ledger",
]

LEDGER_SHEET = "任务台账"
TARGET_SHEET = "量化指标"
#: The first column of an agency's sheet: whether it leads (牵头) or cooperates on (配合) the item.
AGENCY_ROLE_COLUMN = "职责"

#: The columns of the ledger: each header with the `io.ACTION_COLUMNS` column it holds, or None
#: for the two columns the records do not have (the deadlines' words, the targets' wording).
LEDGER_COLUMNS: tuple[tuple[str, str | None], ...] = (
    ("序号", "item"),
    ("领域", "area_title"),
    ("举措", "measure_title"),
    ("具体任务", "text"),
    ("牵头单位", "lead_agencies"),
    ("配合单位", "cooperating_agencies"),
    ("完成时限", "due"),
    ("时限表述", None),
    ("量化指标", None),
)

#: The columns of the target sheet, each with the `io.TARGET_COLUMNS` column it holds.
TARGET_SHEET_COLUMNS: tuple[tuple[str, str], ...] = (
    ("序号", "item"),
    ("领域", "area_title"),
    ("指标原文", "text"),
    ("类型", "kind"),
    ("比较", "comparator"),
    ("数值", "value"),
    ("单位", "unit"),
    ("基数", "baseline_value"),
    ("基数单位", "baseline_unit"),
    ("方向", "direction"),
    ("时限", "deadline"),
    ("时限类型", "deadline_kind"),
    ("牵头单位", "lead_agencies"),
)

#: The Chinese label of every value of the enums a ledger or report shows.
LABELS: dict[enum.Enum, str] = {
    TargetKind.DURATION: "时长",
    TargetKind.SERVICE_HOURS: "服务时间",
    TargetKind.ON_THE_SPOT: "即时办结",
    TargetKind.DEADLINE: "时限",
    TargetKind.PERCENTAGE: "比例",
    TargetKind.PERCENTAGE_POINTS: "百分点",
    TargetKind.RELATIVE_CHANGE: "增减幅度",
    TargetKind.MONEY: "金额",
    TargetKind.UNIT_PRICE: "单价",
    TargetKind.COUNT: "数量",
    TargetKind.PHYSICAL: "物理量",
    TargetKind.MULTIPLE: "倍数",
    TargetKind.RANK: "排名",
    TargetKind.SCORE: "得分",
    TargetKind.ONGOING: "持续推进",
    Comparator.AT_MOST: "≤",
    Comparator.AT_LEAST: "≥",
    Comparator.EXACTLY: "=",
    Comparator.LESS_THAN: "<",
    Comparator.MORE_THAN: ">",
    Comparator.ABOUT: "≈",
    Direction.DECREASE: "减少",
    Direction.INCREASE: "增加",
    DeadlineKind.BY_END_OF: "底前",
    DeadlineKind.BEFORE: "之前",
    DeadlineKind.BY: "之内",
    DeadlineKind.WITHIN: "印发后",
    DeadlineKind.RECURRING: "定期",
}


def label(value: enum.Enum) -> str:
    """Return the Chinese label of `value` (`LABELS`), or its value for one without a label.

    >>> label(TargetKind.DURATION), label(Comparator.AT_MOST)
    ('时长', '≤')
    """
    return LABELS.get(value, str(value.value))


def describe_target(target: Target) -> str:
    """Return a target as written, followed by what it was read as.

    >>> from yingshang.datasets import chongqing_2019
    >>> describe_target(chongqing_2019().measures[16].actions[0].targets[2])
    '由12个工作日缩减至7个工作日以内（时长 降至≤7个工作日，原12个工作日）'
    """
    parts = [label(target.kind)]
    if target.quantity is not None:
        comparator = "" if target.comparator is Comparator.EXACTLY else label(target.comparator)
        parts[0] += f" {_direction(target)}{comparator}{target.quantity}"
    if target.baseline is not None:
        parts.append(f"原{target.baseline}")
    if target.baseline_year is not None:
        parts.append(f"较{target.baseline_year}年")
    return f"{target.text}（{'，'.join(parts)}）"


# A change's quantity is the amount changed by (压缩60%: 减少60%); any other target's quantity is
# the value aimed at (简化为3个环节: 降至3个环节).
_CHANGES = frozenset({TargetKind.RELATIVE_CHANGE, TargetKind.PERCENTAGE_POINTS})
_AIMED_AT = {Direction.DECREASE: "降至", Direction.INCREASE: "增至"}


def _direction(target: Target) -> str:
    if target.direction is None:
        return ""
    if target.kind in _CHANGES:
        return label(target.direction)
    return _AIMED_AT[target.direction]


def _deadline_words(action: Action) -> str:
    words = dict.fromkeys(t.text for t in action.targets if t.kind is TargetKind.DEADLINE)
    return "；".join(words)


def is_commitment(target: Target) -> bool:
    """Tell whether `target` is a commitment, not a status fact or a measure's scope."""
    return target.role is TargetRole.COMMITMENT


def measurable_targets(action: Action) -> list[Target]:
    """Return the item's commitments other than its deadlines (which have columns of their own)."""
    return [t for t in action.targets if t.kind is not TargetKind.DEADLINE and is_commitment(t)]


def ledger_rows(plan: Plan, registry: AgencyRegistry | None = None) -> list[list[Any]]:
    """Return the ledger's rows, one per action item, with the columns of `LEDGER_COLUMNS`.

    Values are as `io.action_records` gives them (the due date a `datetime.date` or None), the
    deadlines' words joined by "；", and the targets other than deadlines by line breaks,
    each as `describe_target` writes it.
    """
    records = action_records(plan, registry)
    rows = []
    for record, action in zip(records, plan.actions, strict=True):
        extra = {
            "时限表述": _deadline_words(action),
            "量化指标": "\n".join(describe_target(t) for t in measurable_targets(action)),
        }
        rows.append(
            [record[key] if key is not None else extra[header] for header, key in LEDGER_COLUMNS]
        )
    return rows


def target_rows(plan: Plan) -> list[list[Any]]:
    """Return the target sheet's rows, one per target, with the columns of `TARGET_SHEET_COLUMNS`.

    Values are as `io.target_records` gives them, with the enums' values as `LABELS` names them.
    """
    enums: dict[str, type[enum.Enum]] = {
        "kind": TargetKind,
        "comparator": Comparator,
        "direction": Direction,
        "deadline_kind": DeadlineKind,
    }
    rows = []
    for record in target_records(plan):
        row = []
        for _, key in TARGET_SHEET_COLUMNS:
            value = record[key]
            if key in enums and value is not None:
                value = label(enums[key](value))
            row.append(value)
        rows.append(row)
    return rows


# --- sheet names ---------------------------------------------------------------------------------

# Excel forbids these in a sheet name; their full-width forms are allowed and read the same.
_FULL_WIDTH = str.maketrans(
    {"[": "［", "]": "］", ":": "：", "*": "＊", "?": "？", "/": "／", "\\": "＼"}
)
_SHEET_NAME_LENGTH = 31  # Excel's limit, in UTF-16 code units
# Characters XML 1.0 cannot carry at all: a workbook with one is unreadable.
_ILLEGAL_XML = LazyStdlibPattern("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _cut(text: str, length: int) -> str:
    while _utf16_length(text) > length:
        text = text[:-1]
    return text


def sheet_names(names: Iterable[str], taken: Iterable[str] = ()) -> list[str]:
    """Return a valid, unique Excel sheet name for each of `names`, none of them in `taken`.

    Excel's rules: at most 31 characters, none of ``[]:*?/\\`` (written full-width instead),
    no apostrophe first or last, not empty, not "History", and unique regardless of case (a
    repeat gets a "(2)" suffix).

    >>> sheet_names(["市发展改革委", "A/B:C", "市发展改革委"])
    ['市发展改革委', 'A／B：C', '市发展改革委(2)']
    """
    used = {name.casefold() for name in taken} | {"history"}
    result = []
    for name in names:
        base = _ILLEGAL_XML.sub("", name.translate(_FULL_WIDTH))
        base = " ".join(base.split()).strip("'").strip()  # a tab's name is one line
        base = _cut(base or "未命名", _SHEET_NAME_LENGTH)
        candidate, count = base, 1
        while candidate.casefold() in used:
            count += 1
            suffix = f"({count})"
            candidate = _cut(base, _SHEET_NAME_LENGTH - len(suffix)).rstrip("'") + suffix
        used.add(candidate.casefold())
        result.append(candidate)
    return result


# --- the workbook --------------------------------------------------------------------------------

_EXCEL_CELL_LENGTH = 32767
# Widths in Excel's units (about one Latin character): CJK characters count two.
_MIN_WIDTH, _MAX_WIDTH = 6, 60


def _cell_value(value: Any) -> Any:
    if isinstance(value, str):
        # Plans are untrusted text: a character XML cannot carry becomes U+FFFD (which it can),
        # a carriage return the line break XML reads it as, and an over-long cell is cut where
        # Excel would refuse it, saying so.
        value = _ILLEGAL_XML.sub("\ufffd", value).replace("\r\n", "\n").replace("\r", "\n")
        if len(value) > _EXCEL_CELL_LENGTH:
            value = value[: _EXCEL_CELL_LENGTH - 6] + "…（已截断）"
    return value


def _add_sheet(
    workbook: Workbook, title: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> Worksheet:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet: Worksheet = workbook.create_sheet(title)
    sheet.append(list(header))
    widths = [display_width(h) for h in header]
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        sheet.append([_cell_value(v) for v in row])
        for index, value in enumerate(row):
            longest = max(
                (display_width(line) for line in str(value or "").splitlines()), default=0
            )
            widths[index] = max(widths[index], longest)
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str):
                # openpyxl reads a string that begins with "=" as a formula: plan text never is.
                cell.data_type = "s"
            elif isinstance(cell.value, datetime.date):
                cell.number_format = "yyyy-mm-dd"
            cell.alignment = wrap
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for index, width in enumerate(widths, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = min(_MAX_WIDTH, max(_MIN_WIDTH, width + 2))
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    return sheet


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise MissingDependencyError(
            "the Excel ledger needs openpyxl: pip install 'yingshang[xlsx]'"
        ) from None
    return openpyxl


def ledger_workbook(plan: Plan, registry: AgencyRegistry | None = None) -> Workbook:
    """Return the ledger as an `openpyxl.Workbook` (see the module's docstring for its sheets).

    Agencies are grouped by the registry's canonical name (the shipped registry by default), so
    that an agency written two ways has one sheet. Raises `io.MissingDependencyError` without
    openpyxl.
    """
    openpyxl = _openpyxl()
    registry = registry_for(plan) if registry is None else registry
    workbook: Workbook = openpyxl.Workbook()
    for blank in list(workbook.worksheets):  # a new workbook has one empty sheet
        workbook.remove(blank)
    workbook.properties.title = _cell_value(plan.title.text)[:255]
    headers = [header for header, _ in LEDGER_COLUMNS]
    rows = ledger_rows(plan, registry)
    _add_sheet(workbook, LEDGER_SHEET, headers, rows)

    # Each lead agency, by its canonical name, under the name the plan first writes.
    lead: dict[str, list[list[Any]]] = {}
    cooperating: dict[str, list[list[Any]]] = {}
    for action, row in zip(plan.actions, rows, strict=True):
        for pool, found in (
            (action.lead_agencies, lead),
            (action.cooperating_agencies, cooperating),
        ):
            for key in dict.fromkeys(registry.canonical_name(a.name) for a in pool):
                found.setdefault(key, []).append(row)
    leads = [count for count in agency_counts(plan, registry) if count.lead]
    names = sheet_names((count.name for count in leads), taken=[LEDGER_SHEET, TARGET_SHEET])
    for count, name in zip(leads, names, strict=True):
        agency_rows = [["牵头", *row] for row in lead[count.canonical_name]]
        agency_rows += [["配合", *row] for row in cooperating.get(count.canonical_name, [])]
        _add_sheet(workbook, name, [AGENCY_ROLE_COLUMN, *headers], agency_rows)

    target_headers = [header for header, _ in TARGET_SHEET_COLUMNS]
    _add_sheet(workbook, TARGET_SHEET, target_headers, target_rows(plan))
    return workbook


def write_ledger(
    plan: Plan,
    file: str | os.PathLike[str] | IO[bytes],
    registry: AgencyRegistry | None = None,
) -> None:
    """Write the plan's task ledger to `file` (a path or a binary file) as an .xlsx workbook.

    Raises `io.MissingDependencyError` without openpyxl (``pip install 'yingshang[xlsx]'``).
    """
    ledger_workbook(plan, registry).save(file)
