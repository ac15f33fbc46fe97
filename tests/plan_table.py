"""The Chongqing plan's attachment table read with a few lines of code, independently of the
parser, so that tests of the registry and the indicator map check the data against the text."""

from __future__ import annotations

import importlib.resources


def plan_text() -> str:
    """Return the text of the embedded Chongqing 2019 plan."""
    resource = importlib.resources.files("yingshang").joinpath("data", "chongqing-2019.txt")
    return resource.read_text(encoding="utf-8")


def table_rows(text: str) -> list[list[str]]:
    """Split the attachment table into rows of cells, the header row left out.

    In the Word export a row is a block of lines ended by an empty line; each cell begins with a
    tab, and a line without one continues the cell before it.
    """
    table = text[text.index("\t目标任务") :]
    rows: list[list[str]] = []
    cells: list[str] = []
    for line in table.split("\n"):
        if line.startswith("\t"):
            cells.append(line[1:])
        elif line.strip():
            cells[-1] += line
        elif cells:
            rows.append(cells)
            cells = []
    if cells:
        rows.append(cells)
    return rows[1:]  # the header row: 目标任务, 工作措施, 牵头单位, 配合单位
