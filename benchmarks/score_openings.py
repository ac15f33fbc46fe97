"""Score the parser against careful readings of real plans' openings (corpus/openings).

Run from the checkout, with the shared material beside it::

    python benchmarks/score_openings.py                      # ../shared/corpus/openings
    python benchmarks/score_openings.py path/to/openings     # another set, same expected.json

For each file of ``expected.json`` it parses the file and checks, field by field:

* metadata: title (or one of ``title_also_accepted``), 文号, issuer, issue date — 4 checks,
  each right when equal to the reading (None must stay None);
* headings: each expected heading found among the top sections' and the areas' titles;
* assignments: each expected assignment right when an action whose text (or its task's text, the
  measure heading it stands under) starts with ``text_prefix`` has exactly the expected lead and
  cooperating agencies, and the expected deadline text (``deadline_raw``) when one is given.

A file that raises counts as parsed wrong in every field. It prints one line per file and the
totals, and exits 0.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import regex

import yingshang
from yingshang.model import Action, Plan, TargetKind

_MARKER = regex.compile(
    r"^\s*(?:[（(]\s*[〇一二三四五六七八九十\d]{1,3}\s*[）)]|\d{1,3}\s*[.．、])\s*"
)


def _tasks(plan: Plan) -> Iterator[tuple[str, Action]]:
    """Yield each action with the texts a reader may call its task's text."""
    text = plan.source.text if plan.source is not None else ""
    for measure in plan.measures:
        heading = _MARKER.sub("", yingshang.clean_text(measure.span.slice(text)))
        for position, action in enumerate(measure.actions):
            yield action.text, action
            if position == 0 and action.marker is None and not action.text.startswith(heading):
                yield heading + action.text, action


def _assignment_right(plan: Plan, expected: dict[str, Any]) -> bool:
    prefix = expected["text_prefix"]
    for text, action in _tasks(plan):
        if not text.startswith(prefix):
            continue
        lead = [agency.name for agency in action.lead_agencies]
        cooperating = [agency.name for agency in action.cooperating_agencies]
        if lead != expected["lead"] or cooperating != expected["cooperating"]:
            continue
        deadline = expected.get("deadline_raw")
        if deadline is not None and not any(
            target.kind is TargetKind.DEADLINE and target.text == deadline
            for target in action.targets
        ):
            continue
        return True
    return False


def score_file(path: Path, expected: dict[str, Any]) -> dict[str, tuple[int, int]]:
    """Return (right, total) for metadata, headings and assignments of one file."""
    headings = expected["headings"]
    assignments = expected["assignments"]
    totals = {"metadata": 4, "headings": len(headings), "assignments": len(assignments)}
    try:
        plan = yingshang.parse_file(path)
    except yingshang.YingshangError:
        return {name: (0, total) for name, total in totals.items()}
    titles = [expected["title"], *expected.get("title_also_accepted", [])]
    date = plan.issue_date.isoformat() if plan.issue_date else None
    metadata = [
        plan.title.text in titles,
        plan.document_number == expected["document_number"],
        plan.issuer == expected["issuer"],
        date == expected["issue_date"],
    ]
    found_headings = {section.title for section in plan.sections} | {
        area.title for area in plan.areas
    }
    return {
        "metadata": (sum(metadata), 4),
        "headings": (sum(h in found_headings for h in headings), len(headings)),
        "assignments": (
            sum(_assignment_right(plan, a) for a in assignments),
            len(assignments),
        ),
    }


def main(argv: list[str]) -> int:
    default = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "openings"
    root = Path(argv[0]) if argv else default
    reading = json.loads((root / "expected.json").read_text(encoding="utf-8"))
    overall = {name: [0, 0] for name in ("metadata", "headings", "assignments")}
    for entry in reading["files"]:
        scores = score_file(root / entry["file"], entry)
        cells = []
        for name, (right, total) in scores.items():
            overall[name][0] += right
            overall[name][1] += total
            cells.append(f"{name} {right}/{total}")
        print(f"{entry['file'][:60]:<60}  {'  '.join(cells)}")
    cells = [
        f"{name} {right}/{total} ({100 * right / total:.0f}%)" if total else f"{name} -"
        for name, (right, total) in overall.items()
    ]
    print(f"{'overall':<60}  {'  '.join(cells)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
