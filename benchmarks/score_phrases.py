"""Score the extractor on hand-read sentences: recall, precision and value accuracy.

Run on demand, from the repository root::

    python benchmarks/score_phrases.py                    # ../shared/corpus/phrases.json
    python benchmarks/score_phrases.py FILE.json --verbose

The file (format ``yingshang-target-phrases``) holds sentences from published plans and reports,
each with its targets read by hand: raw text, offset, kind, value, unit as written, comparator,
baseline, direction, due date, and a role (``scope`` for numbers that only bound what a measure
covers; commitment otherwise). ``borderline`` targets may be found or not; ``non_targets`` must
never come back as commitments.

How it is counted:

* a hand-read target is *found* when a returned target overlaps its text (one to one, in order);
* recall: found / hand-read targets that are not borderline;
* precision: returned commitments that are hand-read commitments (or borderline) / returned
  commitments — a scope or status number returned as a commitment counts against it;
* value accuracy: of the found targets, the share whose value (magnitudes folded: 2.43亿元 is
  243000000 元; 一半 is 50%), comparator, baseline, direction, due date and role all agree.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

from yingshang.extract import extract_targets
from yingshang.fold import fold
from yingshang.model import Comparator, Target
from yingshang.numbers import parse_number

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "phrases.json"

COMPARATORS = {
    "<=": Comparator.AT_MOST,
    ">=": Comparator.AT_LEAST,
    "=": Comparator.EXACTLY,
    "<": Comparator.LESS_THAN,
    ">": Comparator.MORE_THAN,
    "~": Comparator.ABOUT,
}
MAGNITUDES = (("万亿", 10**12), ("亿", 10**8), ("万", 10**4))
FRACTIONS = {"一半": Decimal(50)}
SHARE = re.compile(r"(?P<denominator>[二三四五六七八九十])分之(?P<numerator>[一二三四五六七八九])")


def expected_value(value: object, unit: str | None) -> Decimal | None:
    """Fold the magnitude written in the unit into the value: 2.43 亿元 → 243000000."""
    if value is None:
        return None
    amount = Decimal(str(value))
    written = fold(unit or "")
    if written in FRACTIONS:
        return FRACTIONS[written]
    share = SHARE.fullmatch(written)
    if share is not None:  # 三分之一, written as the unit: a share, in hundredths
        return 100 * parse_number(share["numerator"]) / parse_number(share["denominator"])
    for word, factor in MAGNITUDES:
        if written.startswith(word) and len(written) > len(word):
            return amount * factor
    return amount


def role_of(target: Target) -> str:
    role = getattr(target, "role", None)
    return "commitment" if role is None else str(role.value)


def field_errors(hand: dict[str, Any], target: Target) -> list[str]:
    """Return the fields on which `target` disagrees with the hand reading."""
    errors = []
    value = expected_value(hand["value"], hand["unit"])
    got = None if target.quantity is None else target.quantity.value
    if value is not None and (got is None or got != value):
        errors.append(f"value {got} != {value}")
    comparators = {COMPARATORS[c] for c in [hand["comparator"], *hand.get("comparator_also", [])]}
    if hand["kind"] != "deadline" and target.comparator not in comparators:
        errors.append(f"comparator {target.comparator.name}")
    baseline = expected_value(hand["baseline"], hand["unit"])
    got_baseline = None if target.baseline is None else target.baseline.value
    if baseline != got_baseline:
        errors.append(f"baseline {got_baseline} != {baseline}")
    direction = None if target.direction is None else target.direction.value
    if hand["direction"] != direction:
        errors.append(f"direction {direction} != {hand['direction']}")
    if hand["kind"] == "deadline":
        due = None if target.deadline is None else target.deadline.date
        if hand["date"] != (None if due is None else due.isoformat()):
            errors.append(f"date {due} != {hand['date']}")
    if hand.get("role", "commitment") != role_of(target):
        errors.append(f"role {role_of(target)} != {hand.get('role', 'commitment')}")
    return errors


def score(phrases: list[dict[str, Any]], *, verbose: bool = False) -> dict[str, float]:
    wanted = found = returned = correct_returned = exact = 0
    for phrase in phrases:
        issued = phrase.get("doc_issue_date")
        issue_date = None if issued is None else datetime.date.fromisoformat(issued)
        targets = list(extract_targets(phrase["sentence"], issue_date=issue_date))
        matched: dict[int, dict[str, Any]] = {}
        notes = []
        for hand in phrase["targets"]:
            start = hand.get("offset", phrase["sentence"].find(hand["raw"]))
            end = start + len(hand["raw"])
            index = next(
                (
                    i
                    for i, t in enumerate(targets)
                    if i not in matched and t.span.start < end and start < t.span.end
                ),
                None,
            )
            borderline = bool(hand.get("borderline"))
            if not borderline:
                wanted += 1
            if index is None:
                if not borderline:
                    notes.append(f"  missed {hand['raw']!r}")
                continue
            matched[index] = hand
            if borderline:
                continue
            found += 1
            errors = field_errors(hand, targets[index])
            if errors:
                notes.append(f"  wrong  {hand['raw']!r}: {'; '.join(errors)}")
            else:
                exact += 1
        for index, target in enumerate(targets):
            if role_of(target) != "commitment":
                continue
            returned += 1
            hand_read = matched.get(index)
            if hand_read is not None and hand_read.get("role", "commitment") == "commitment":
                correct_returned += 1
            elif hand_read is None:
                notes.append(f"  extra  {target!r}")
        if verbose and notes:
            print(phrase["id"], phrase["sentence"][:60].replace("\n", " "))
            print("\n".join(notes))
    return {
        "targets": wanted,
        "recall": found / wanted if wanted else 1.0,
        "precision": correct_returned / returned if returned else 1.0,
        "value_accuracy": exact / found if found else 1.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--verbose", "-v", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)
    if not args.file.exists():
        print(f"no phrases file at {args.file}", file=sys.stderr)
        return 2
    data = json.loads(args.file.read_text(encoding="utf-8"))
    result = score(data["phrases"], verbose=args.verbose)
    print(
        f"{len(data['phrases'])} sentences, {result['targets']} targets: "
        f"recall {result['recall']:.1%}, precision {result['precision']:.1%}, "
        f"value accuracy {result['value_accuracy']:.1%}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
