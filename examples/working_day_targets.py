"""Which time limits are counted in working days, from what, to what, and by when?

Lists every target of the embedded plan measured in working days (个工作日): the item, the
baseline it is cut from (由12个工作日…, when the plan gives one), the target and its bound
(以内 → at most), the deadline, and the lead agencies::

    python examples/working_day_targets.py
"""

from __future__ import annotations

import sys

import yingshang
from yingshang import query


def working_day_rows(plan: yingshang.Plan) -> list[tuple[str, str, str, str, str, str]]:
    """Return (item, baseline, target, comparator, due, leads) for each working-day target."""
    rows = []
    for hit in query.targets(plan, kind="duration"):
        target = hit.target
        # Durations also come in days, months and hours; only 个工作日 is counted in working days.
        if target.quantity is None or target.quantity.unit != "个工作日":
            continue
        deadline = target.deadline
        due = "-" if deadline is None or deadline.date is None else deadline.date.isoformat()
        rows.append(
            (
                hit.entry.key,
                "-" if target.baseline is None else str(target.baseline),
                str(target.quantity),
                target.comparator.value,
                due,
                "、".join(agency.name for agency in hit.entry.action.lead_agencies),
            )
        )
    return rows


def main() -> int:
    """Print the working-day targets of the embedded plan, tab-separated, with a header."""
    rows = working_day_rows(yingshang.datasets.chongqing_2019())
    print("\t".join(("item", "baseline", "target", "comparator", "due", "lead")))
    for row in rows:
        print("\t".join(row))
    print(f"{len(rows)} working-day targets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
