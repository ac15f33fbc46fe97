"""Every quantitative target of the embedded plan as CSV, one row per target.

The columns are `yingshang.io.TARGET_COLUMNS` (item, kind, text, value, unit, comparator,
baseline, direction, deadline, lead agencies, span). Values stay exact: decimals are written as
the plan states them (99.96, not 99.95999…)::

    python examples/targets_csv.py              # to stdout
    python examples/targets_csv.py targets.csv  # to a file (UTF-8 with BOM, for Excel)
"""

from __future__ import annotations

import csv
import datetime
import sys
from typing import Any, TextIO

import yingshang
from yingshang import io


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)  # Decimal's str is exact


def write_targets(plan: yingshang.Plan, out: TextIO) -> int:
    """Write the plan's targets to `out` as CSV with a header row; return the number of rows."""
    records = io.target_records(plan)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(io.TARGET_COLUMNS)
    for record in records:
        writer.writerow([_cell(record[column]) for column in io.TARGET_COLUMNS])
    return len(records)


def main(argv: list[str]) -> int:
    """Write the CSV to the path in `argv`, or to stdout."""
    plan = yingshang.datasets.chongqing_2019()
    if not argv:
        write_targets(plan, sys.stdout)
        return 0
    # Excel opens UTF-8 CSV as the local code page unless it starts with a byte-order mark.
    with open(argv[0], "w", encoding="utf-8-sig", newline="") as out:
        rows = write_targets(plan, out)
    print(f"wrote {rows} targets to {argv[0]}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
