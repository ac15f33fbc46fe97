"""What does each agency lead? One line per agency of the embedded plan, most items led first.

For every agency named in the plan's attachment table, print how many action items it leads
(牵头) and cooperates on (配合), and the references ("measure.item") of the items it leads::

    python examples/agency_leads.py            # every agency
    python examples/agency_leads.py 市市场监管局  # one agency, by any name the registry knows
"""

from __future__ import annotations

import sys

import yingshang
from yingshang import query


def lead_table(plan: yingshang.Plan, only: str | None = None) -> list[str]:
    """Return one line per agency: name, official name, items led and cooperated on, keys led."""
    registry = yingshang.default_registry()
    wanted = None if only is None else registry.canonical_name(only)
    counts = [c for c in query.agency_counts(plan, registry) if c.lead]
    # Most items led first; a tie keeps the plan's order, since sorted() is stable.
    counts.sort(key=lambda count: -count.lead)
    lines = []
    for count in counts:
        if wanted is not None and count.canonical_name != wanted:
            continue
        # Select by the name as written: the registry maps it to the same agency either way.
        led = query.select(plan, agency=count.name, role="lead")
        lines.append(
            f"{count.name}\t{count.canonical_name}\tlead {count.lead}\t"
            f"cooperating {count.cooperating}\t{' '.join(led.keys)}"
        )
    return lines


def main(argv: list[str]) -> int:
    """Print the table for the agency named in `argv`, or for every agency that leads an item."""
    plan = yingshang.datasets.chongqing_2019()
    lines = lead_table(plan, argv[0] if argv else None)
    if not lines:
        print(f"no agency {argv[0]!r} leads an item of this plan", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
