"""When is everything due? The embedded plan's deadlines, date by date.

Every action item whose text sets a deadline (2019年底前, 2020年6月底前, 印发之日起1个月内)
appears under the date it is due, with its reference ("measure.item"), its area and its lead
agencies. Items without a deadline are counted at the end::

    python examples/timeline.py
"""

from __future__ import annotations

import itertools
import sys

import yingshang
from yingshang import query


def timeline_lines(plan: yingshang.Plan) -> list[str]:
    """Return a heading per due date, then one line per item due that day."""
    dues = query.timeline(plan)
    lines: list[str] = []
    # query.timeline is sorted by date, so groupby sees each date once.
    for date, group in itertools.groupby(dues, key=lambda due: due.date):
        items = list(group)
        lines.append(f"{date.isoformat()}  ({len(items)} item{'' if len(items) == 1 else 's'})")
        for due in items:
            lead = "、".join(agency.name for agency in due.entry.action.lead_agencies) or "-"
            lines.append(f"  {due.entry.key:>6}  {due.entry.area.title}  {lead}")
    # An item may name several deadlines (2019年底前…, 2020年底前…): it is listed under each.
    dated = {due.entry.key for due in dues}
    undated = sum(1 for entry in query.entries(plan) if entry.key not in dated)
    lines.append(f"{len(dated)} items with a deadline, {undated} without")
    return lines


def main() -> int:
    """Print the timeline of the embedded plan."""
    print("\n".join(timeline_lines(yingshang.datasets.chongqing_2019())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
