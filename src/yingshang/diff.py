"""Two versions of one place's plan: what was added, dropped, tightened, loosened, moved.

Items are matched across the versions by the similarity of their text (rapidfuzz's
normalised Indel ratio, 0–100), the most similar pairs first, so an item keeps its match when
it is renumbered, moved to another measure, or reworded around a changed figure. For each
matched pair, the targets are compared figure by figure (a duration cut from 5 to 3 个工作日
is *tightened*), the earliest deadline date is compared, and the lead and cooperating agencies
are compared by their official names (so an alias is no change).

Needs rapidfuzz: ``pip install 'yingshang[corpus]'``.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any

import attrs

from .errors import MissingDependencyError
from .model import Action, Agency, Comparator, Direction, Plan, Target, TargetKind
from .query import Entry, entries
from .registry import AgencyRegistry, registry_for

__all__ = ["Change", "ChangeKind", "Match", "PlanDiff", "diff"]

DEFAULT_THRESHOLD = 60.0
"""The least similarity (0–100) at which two items are taken for the same item."""


class ChangeKind(enum.Enum):
    """What changed between two versions of a plan."""

    ITEM_ADDED = "item_added"
    ITEM_REMOVED = "item_removed"
    ITEM_REWORDED = "item_reworded"  # the text changed beyond its targets
    TARGET_TIGHTENED = "target_tightened"  # 5个工作日 → 3个工作日; 达到90% → 达到95%
    TARGET_LOOSENED = "target_loosened"
    TARGET_CHANGED = "target_changed"  # changed, with no better or worse to tell
    TARGET_ADDED = "target_added"
    TARGET_DROPPED = "target_dropped"
    DEADLINE_EARLIER = "deadline_earlier"
    DEADLINE_LATER = "deadline_later"
    DEADLINE_ADDED = "deadline_added"
    DEADLINE_DROPPED = "deadline_dropped"
    LEAD_CHANGED = "lead_changed"
    COOPERATING_CHANGED = "cooperating_changed"


@attrs.frozen(repr=False)
class Match:
    """An item of the old version and the item of the new version taken for it."""

    old: Entry
    new: Entry
    similarity: float

    def __repr__(self) -> str:
        return f"<Match {self.old.key} → {self.new.key} ({self.similarity:.0f})>"


@attrs.frozen(repr=False)
class Change:
    """One change: its kind, the items it concerns (None on the side that lacks one), and
    what stood before and stands after, as the plans write it."""

    kind: ChangeKind
    old: Entry | None
    new: Entry | None
    before: str
    after: str

    def __repr__(self) -> str:
        old = self.old.key if self.old else "-"
        new = self.new.key if self.new else "-"
        return f"<Change {self.kind.value} {old} → {new}: {self.before!r} → {self.after!r}>"

    def record(self) -> dict[str, Any]:
        """Return the change as a flat dict (for JSON and CSV)."""
        entry = self.new or self.old
        return {
            "change": self.kind.value,
            "old_item": self.old.key if self.old else None,
            "new_item": self.new.key if self.new else None,
            "area": entry.area.title if entry else None,
            "before": self.before,
            "after": self.after,
        }


@attrs.frozen(repr=False)
class PlanDiff:
    """The changes from `old` to `new`: matched items, items added and removed, and changes."""

    old: Plan
    new: Plan
    matches: tuple[Match, ...]
    added: tuple[Entry, ...]
    removed: tuple[Entry, ...]
    changes: tuple[Change, ...]

    def count(self, kind: ChangeKind | str) -> int:
        """Return how many changes are of `kind`."""
        kind = ChangeKind(kind)
        return sum(change.kind is kind for change in self.changes)

    def counts(self) -> dict[str, int]:
        """Return the number of changes of each kind that occurs, in the kinds' order."""
        return {kind.value: self.count(kind) for kind in ChangeKind if self.count(kind)}

    def __repr__(self) -> str:
        return (
            f"<PlanDiff: {len(self.matches)} matched, {len(self.added)} added, "
            f"{len(self.removed)} removed, {len(self.changes)} changes>"
        )


# --- matching items ------------------------------------------------------------------------------


def _match(
    old: Sequence[Entry], new: Sequence[Entry], threshold: float
) -> list[tuple[int, int, float]]:
    try:
        from rapidfuzz import fuzz, process
    except ImportError:
        raise MissingDependencyError(
            "diff needs rapidfuzz: pip install 'yingshang[corpus]'"
        ) from None
    texts = [entry.action.text for entry in new]
    candidates: list[tuple[float, int, int, int]] = []
    for i, entry in enumerate(old):
        for _, score, j in process.extract(
            entry.action.text, texts, scorer=fuzz.ratio, score_cutoff=threshold, limit=None
        ):
            # Of equally similar pairs, the one nearer in the plan's order wins.
            candidates.append((-score, abs(i - j), i, j))
    candidates.sort()
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    pairs = []
    for negative, _, i, j in candidates:
        if i not in taken_old and j not in taken_new:
            taken_old.add(i)
            taken_new.add(j)
            pairs.append((i, j, -negative))
    return sorted(pairs)


# --- comparing targets ---------------------------------------------------------------------------

_CAPS = (Comparator.AT_MOST, Comparator.LESS_THAN)
_FLOORS = (Comparator.AT_LEAST, Comparator.MORE_THAN)
# The size of a change is its ambition: 压缩60% asks more than 压缩50%.
_CHANGES = (TargetKind.RELATIVE_CHANGE, TargetKind.PERCENTAGE_POINTS)


def _lower_is_tighter(target: Target) -> bool | None:
    """Tell whether a lower value of `target` asks more (True), less (False), or cannot tell."""
    if target.comparator in _CAPS:
        return True
    if target.comparator in _FLOORS or target.kind in _CHANGES:
        return False
    if target.direction is Direction.DECREASE:
        return True
    if target.direction is Direction.INCREASE:
        return False
    if target.kind is TargetKind.DURATION:  # time spent by the applicant: less is better
        return True
    return None


def _verdict(old: Target, new: Target) -> ChangeKind | None:
    """Return how `new` changes `old` (None when it says the same)."""
    if old.text == new.text:
        return None
    a, b = old.quantity, new.quantity
    if a is None or b is None or a.unit != b.unit:
        return ChangeKind.TARGET_CHANGED
    if a.value == b.value:
        same = old.comparator is new.comparator and old.direction is new.direction
        return None if same and old.baseline == new.baseline else ChangeKind.TARGET_CHANGED
    lower = _lower_is_tighter(old)
    if lower is None or lower is not _lower_is_tighter(new):
        return ChangeKind.TARGET_CHANGED
    tighter = (b.value < a.value) == lower
    return ChangeKind.TARGET_TIGHTENED if tighter else ChangeKind.TARGET_LOOSENED


def _pair_targets(
    old: Sequence[Target], new: Sequence[Target]
) -> tuple[list[tuple[Target, Target]], list[Target], list[Target]]:
    """Pair the targets of two versions of an item: same text, then same kind and unit, then
    same kind, each in order; return the pairs and the targets left on each side."""
    left, right = list(old), list(new)
    pairs: list[tuple[Target, Target]] = []

    def key_text(t: Target) -> Any:
        return t.text

    def key_unit(t: Target) -> Any:
        return (t.kind, t.quantity.unit if t.quantity else None)

    def key_kind(t: Target) -> Any:
        return t.kind

    for key in (key_text, key_unit, key_kind):
        remaining = []
        for target in left:
            found = next((other for other in right if key(other) == key(target)), None)
            if found is None:
                remaining.append(target)
            else:
                right.remove(found)
                pairs.append((target, found))
        left = remaining
    return pairs, left, right


def _names(agencies: Sequence[Agency], registry: AgencyRegistry) -> tuple[str, ...]:
    return tuple(dict.fromkeys(registry.canonical_name(agency.name) for agency in agencies))


def _written(agencies: Sequence[Agency]) -> str:
    return "、".join(agency.name for agency in agencies) or "-"


def _figures(action: Action) -> list[Target]:
    # Deadlines are compared as the item's due date, not target by target.
    return [t for t in action.targets if t.kind is not TargetKind.DEADLINE]


def _wording(action: Action) -> str:
    """Return the item's text without its targets: a changed figure is not a rewording."""
    text = action.text
    for target in sorted(action.targets, key=lambda t: -len(t.text)):
        text = text.replace(target.text, "")
    return text


def _compare(match: Match, registry: AgencyRegistry) -> list[Change]:
    old, new = match.old, match.new
    changes: list[Change] = []

    def note(kind: ChangeKind, before: str, after: str) -> None:
        changes.append(Change(kind, old, new, before, after))

    if _wording(old.action) != _wording(new.action):
        note(ChangeKind.ITEM_REWORDED, old.action.text, new.action.text)
    pairs, dropped, gained = _pair_targets(_figures(old.action), _figures(new.action))
    for before, after in pairs:
        verdict = _verdict(before, after)
        if verdict is not None:
            note(verdict, before.text, after.text)
    for target in dropped:
        note(ChangeKind.TARGET_DROPPED, target.text, "")
    for target in gained:
        note(ChangeKind.TARGET_ADDED, "", target.text)
    if old.due != new.due:
        if old.due is None or new.due is None:
            kind = ChangeKind.DEADLINE_ADDED if old.due is None else ChangeKind.DEADLINE_DROPPED
        else:
            kind = ChangeKind.DEADLINE_EARLIER if new.due < old.due else ChangeKind.DEADLINE_LATER
        note(kind, _date(old.due), _date(new.due))
    for kind, before_agencies, after_agencies in (
        (ChangeKind.LEAD_CHANGED, old.action.lead_agencies, new.action.lead_agencies),
        (
            ChangeKind.COOPERATING_CHANGED,
            old.action.cooperating_agencies,
            new.action.cooperating_agencies,
        ),
    ):
        if set(_names(before_agencies, registry)) != set(_names(after_agencies, registry)):
            note(kind, _written(before_agencies), _written(after_agencies))
    return changes


def _date(value: Any) -> str:
    return "" if value is None else str(value.isoformat())


def diff(
    old: Plan,
    new: Plan,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    registry: AgencyRegistry | None = None,
) -> PlanDiff:
    """Return what changed from `old` to `new`, two versions of one place's plan.

    Items whose texts are at least `threshold` similar (0–100) are matched, the most similar
    first; the others are added or removed. Agencies are compared by their names in `registry`
    (default: the shipped one). Changes come in the new version's order, removed items at the
    place they stood.

    Raises `MissingDependencyError` when rapidfuzz is not installed.
    """
    registry = registry_for(old, new) if registry is None else registry
    old_entries, new_entries = list(entries(old)), list(entries(new))
    pairs = _match(old_entries, new_entries, threshold)
    matches = tuple(Match(old_entries[i], new_entries[j], score) for i, j, score in pairs)
    matched_old = {i for i, _, _ in pairs}
    matched_new = {j for _, j, _ in pairs}
    added = tuple(e for j, e in enumerate(new_entries) if j not in matched_new)
    removed = tuple(e for i, e in enumerate(old_entries) if i not in matched_old)

    # Each change is placed by a position in the new version; a removed item stands after the
    # new item matched to the old item before it.
    placed: list[tuple[float, int, Change]] = []
    new_of_old = {i: j for i, j, _ in pairs}
    sequence = 0
    for match, (_, j, _) in zip(matches, pairs, strict=True):
        for change in _compare(match, registry):
            placed.append((j, sequence, change))
            sequence += 1
    for j, entry in enumerate(new_entries):
        if j not in matched_new:
            change = Change(ChangeKind.ITEM_ADDED, None, entry, "", entry.action.text)
            placed.append((j, sequence, change))
            sequence += 1
    for i, entry in enumerate(old_entries):
        if i in matched_old:
            continue
        before = max((new_of_old[k] for k in range(i) if k in new_of_old), default=-1)
        change = Change(ChangeKind.ITEM_REMOVED, entry, None, entry.action.text, "")
        placed.append((before + 0.5, sequence, change))
        sequence += 1
    changes = tuple(change for _, _, change in sorted(placed, key=lambda p: (p[0], p[1])))
    return PlanDiff(old, new, matches, added, removed, changes)
