"""Answer the questions users bring to a plan: who leads what, what is due when, where it says so.

One composable filter, `Query`, selects action items; every criterion given must hold, and the
results keep the plan's order::

    >>> from yingshang import datasets, query
    >>> plan = datasets.chongqing_2019()
    >>> led = query.select(plan, agency="市市场监管局", role="lead")
    >>> led[0].key
    '1.1'
    >>> query.select(plan, agency="重庆市市场监督管理局", role="lead") == led   # an alias
    True

Around it sit lookups (`find_area`, `find_measure`), aggregates (`agency_counts`, `timeline`),
target selection (`targets`), full-text search (`search`) and supervision (`overdue`).
Agencies are compared by their canonical name in a `AgencyRegistry` (the shipped one by default), so
an agency's identity never depends on where or how the plan writes it.
"""

from __future__ import annotations

import datetime
import enum
import time
from collections.abc import Collection, Iterator, Sequence
from typing import Any, overload

import attrs
import regex

from ._display import shorten
from ._lazy import LazyPattern
from .errors import PatternTimeoutError, YingshangError
from .indicators import IndexRef, Indicator, default_indicator_map
from .model import (
    Action,
    Agency,
    Area,
    Deadline,
    Measure,
    Plan,
    Span,
    Target,
    TargetKind,
    TargetRole,
    item_key,
    render_html,
)
from .registry import AgencyRegistry, default_registry, registry_for
from .workdays import WorkdayCalendar, due_date

__all__ = [
    "AgencyCount",
    "Due",
    "Entry",
    "NotFoundError",
    "Query",
    "Results",
    "Role",
    "TargetHit",
    "agency_counts",
    "entries",
    "find_area",
    "find_measure",
    "overdue",
    "search",
    "select",
    "targets",
    "timeline",
]


class NotFoundError(YingshangError, LookupError):
    """An area, measure or item that the plan does not have."""


class Role(enum.Enum):
    """The part an agency plays in an action item."""

    LEAD = "lead"  # 牵头单位
    COOPERATING = "cooperating"  # 配合单位
    ANY = "any"


@attrs.frozen(repr=False)
class Entry:
    """An action item with the area and measure it stands in, and where a search matched it.

    `matches` are spans into the item's `text` (not the document), so that
    ``entry.action.text[span.start:span.end]`` is the matched fragment.
    """

    area: Area
    measure: Measure
    action: Action
    matches: tuple[Span, ...] = ()
    # Whether the plan's areas number their measures alike: the key then names the area.
    qualified: bool = False

    @property
    def key(self) -> str:
        """Return the item's reference "measure.item", e.g. "14.2" for measure 14's item (2);
        "area.measure.item" ("2.1.1") in a plan whose areas each number measures from 1."""
        return item_key(self.area, self.measure, self.action, qualified=self.qualified)

    @property
    def due_dates(self) -> tuple[datetime.date, ...]:
        """Return the dates of the item's resolved deadlines, earliest first, without repeats."""
        return tuple(sorted({d.date for d in self.action.deadlines if d.date is not None}))

    @property
    def due(self) -> datetime.date | None:
        """Return the item's earliest deadline date, or None when it names none."""
        dates = self.due_dates
        return dates[0] if dates else None

    @property
    def indicator(self) -> Indicator | None:
        """Return the indicator the item's area benchmarks (开办企业 → Starting a Business)."""
        return default_indicator_map().for_area(self.area.title)

    @property
    def sub_indices(self) -> tuple[IndexRef, ...]:
        """Return the sub-indices the item's measure names, e.g. 建筑质量控制指数 for measure 8.

        Their spans are offsets into the measure's title.
        """
        return default_indicator_map().indices_in(self.measure.title)

    def __repr__(self) -> str:
        return f"<Entry {self.key} {shorten(self.action.text, 24)}>"

    def _repr_html_(self) -> str:
        return render_html(self)


@attrs.frozen(repr=False)
class Results(Sequence[Entry]):
    """Action items selected from a plan, in the plan's order."""

    entries: tuple[Entry, ...] = ()

    @overload
    def __getitem__(self, index: int) -> Entry: ...

    @overload
    def __getitem__(self, index: slice) -> Results: ...

    def __getitem__(self, index: int | slice) -> Entry | Results:
        if isinstance(index, slice):
            return Results(self.entries[index])
        return self.entries[index]

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    @property
    def actions(self) -> tuple[Action, ...]:
        """Return the selected action items themselves."""
        return tuple(entry.action for entry in self.entries)

    @property
    def keys(self) -> tuple[str, ...]:
        """Return the selected items' references ("14.2", ...)."""
        return tuple(entry.key for entry in self.entries)

    def __repr__(self) -> str:
        shown = ", ".join(self.keys[:8]) + (", …" if len(self) > 8 else "")
        return f"<Results: {len(self)} items [{shown}]>"

    def _repr_html_(self) -> str:
        return render_html(self)


def _role(value: Role | str) -> Role:
    return value if isinstance(value, Role) else Role(value)


def _kind(value: TargetKind | str | None) -> TargetKind | None:
    return value if value is None or isinstance(value, TargetKind) else TargetKind(value)


@attrs.frozen
class Query:
    """A filter over a plan's action items: every criterion that is not None must hold.

    - `agency`: a lead or cooperating agency, by any name the registry knows for it; `role` narrows
      it to "lead" (牵头) or "cooperating" (配合).
    - `area`: an ordinal (1), a Chinese ordinal ("一"), or a title ("开办企业"); `measure`: a
      measure number.
    - `kind`: the item has a target of this `TargetKind` (or its value, "duration").
    - `due_from`, `due_by`: the item has a deadline on a date in this closed range.
    - `text`: the item's text contains this string; `pattern`: it matches this regular expression
      (the `regex` module's syntax). The matches' spans are kept on each `Entry`. A pattern runs
      at most `timeout` seconds over the whole plan, then raises `PatternTimeoutError`: a
      pattern such as ``(a|aa)+$`` can backtrack for hours.
    - `indicator`: the area benchmarks this indicator (its key, title or Doing Business name).
    - `registry`: the agency registry to compare names with (default: the shipped one).
    """

    agency: str | None = None
    role: Role = attrs.field(default=Role.ANY, converter=_role)
    area: int | str | None = None
    measure: int | None = None
    kind: TargetKind | None = attrs.field(default=None, converter=_kind)
    due_from: datetime.date | None = None
    due_by: datetime.date | None = None
    text: str | None = None
    pattern: str | None = None
    indicator: str | None = None
    timeout: float = 2.0
    registry: AgencyRegistry | None = attrs.field(default=None, eq=False)

    def where(self, **criteria: Any) -> Query:
        """Return this query with more criteria, e.g. ``Query(agency=…).where(kind="duration")``."""
        return attrs.evolve(self, **criteria)

    def run(self, plan: Plan) -> Results:
        """Return the plan's action items that meet every criterion, in the plan's order.

        Raises `PatternTimeoutError` when `pattern` runs longer than `timeout` seconds in all.
        """
        return Results(tuple(self._select(plan)))

    def matches(self, entry: Entry) -> bool:
        """Tell whether one item meets every criterion."""
        deadline = time.monotonic() + self.timeout
        return self._match(entry, self._compiled(), deadline) is not None

    def _compiled(self) -> regex.Pattern[str] | None:
        if self.pattern is None:
            return None
        try:
            return regex.compile(self.pattern)
        except regex.error as error:
            raise YingshangError(f"invalid pattern {self.pattern!r}: {error}") from None

    def _select(self, plan: Plan) -> Iterator[Entry]:
        if self.area is not None:
            find_area(plan, self.area)  # fail early and clearly on an area the plan lacks
        compiled = self._compiled()
        deadline = time.monotonic() + self.timeout
        for entry in entries(plan):
            matched = self._match(entry, compiled, deadline)
            if matched is not None:
                yield matched

    def _match(
        self, entry: Entry, compiled: regex.Pattern[str] | None, deadline: float
    ) -> Entry | None:
        action = entry.action
        if self.measure is not None and entry.measure.number != self.measure:
            return None
        if self.area is not None and not _area_matches(entry.area, self.area):
            return None
        if self.agency is not None and not self._has_agency(action):
            return None
        if self.kind is not None and all(t.kind is not self.kind for t in action.targets):
            return None
        if (self.due_from, self.due_by) != (None, None) and not any(
            (self.due_from is None or self.due_from <= date)
            and (self.due_by is None or date <= self.due_by)
            for date in entry.due_dates
        ):
            return None
        if self.indicator is not None and not _indicator_matches(entry, self.indicator):
            return None
        spans: list[Span] = []
        if self.text is not None:
            spans.extend(_find_all(action.text, self.text))
            if not spans:
                return None
        if compiled is not None:
            # The regex module stops a match that runs past its timeout; what is left of the
            # whole search's time is this item's.
            remaining = max(deadline - time.monotonic(), 0.001)
            try:
                found = [
                    Span(m.start(), m.end())
                    for m in compiled.finditer(action.text, timeout=remaining)
                    if m.end() > m.start()
                ]
            except TimeoutError:
                raise PatternTimeoutError(self.pattern or "", self.timeout) from None
            if not found:
                return None
            spans.extend(found)
        return attrs.evolve(entry, matches=tuple(sorted(spans))) if spans else entry

    def _has_agency(self, action: Action) -> bool:
        assert self.agency is not None
        registry = default_registry() if self.registry is None else self.registry
        wanted = registry.canonical_name(self.agency)
        pools: tuple[tuple[Agency, ...], ...] = {
            Role.LEAD: (action.lead_agencies,),
            Role.COOPERATING: (action.cooperating_agencies,),
            Role.ANY: (action.lead_agencies, action.cooperating_agencies),
        }[self.role]
        return any(registry.canonical_name(u.name) == wanted for pool in pools for u in pool)


def _find_all(text: str, needle: str) -> list[Span]:
    spans: list[Span] = []
    if not needle:
        return spans
    start = text.find(needle)
    while start != -1:
        spans.append(Span(start, start + len(needle)))
        start = text.find(needle, start + len(needle))
    return spans


_CHINESE_ORDINAL = LazyPattern(
    r"^(?P<tens>[二三四五六七八九]?十)?(?P<ones>[一二三四五六七八九])?[、．.]?$"
)
_ONES = "一二三四五六七八九"


def _chinese_ordinal(text: str) -> int | None:
    match = _CHINESE_ORDINAL.match(text.strip())
    if not match or not (match["tens"] or match["ones"]):
        return None
    tens = 0
    if match["tens"]:
        tens = 10 if match["tens"] == "十" else (_ONES.index(match["tens"][0]) + 1) * 10
    ones = _ONES.index(match["ones"]) + 1 if match["ones"] else 0
    return tens + ones


def _area_matches(area: Area, key: int | str) -> bool:
    if isinstance(key, int):
        return area.ordinal == key
    key = key.strip()
    if key.isdigit():
        return area.ordinal == int(key)
    ordinal = _chinese_ordinal(key)
    if ordinal is not None:
        return area.ordinal == ordinal
    return area.title == key or area.title == key.partition("、")[2]


def _indicator_matches(entry: Entry, key: str) -> bool:
    indicator = entry.indicator
    if indicator is None:
        return False
    wanted = key.strip().casefold()
    names = (indicator.key, indicator.title, indicator.doing_business or "", *indicator.aliases)
    return any(name.casefold() == wanted for name in names)


def entries(plan: Plan) -> Results:
    """Return every action item of the plan with its area and measure, in order."""
    qualified = plan.measure_numbers_repeat
    return Results(
        tuple(
            Entry(area, measure, action, qualified=qualified)
            for area in plan.areas
            for measure in area.measures
            for action in measure.actions
        )
    )


def select(plan: Plan, **criteria: Any) -> Results:
    """Return the items that meet `criteria` (the fields of `Query`), in the plan's order."""
    return Query(**criteria).run(plan)


def find_area(plan: Plan, key: int | str) -> Area:
    """Return the area with ordinal `key` (1 or "一") or title `key` ("开办企业").

    Raises `NotFoundError` when the plan has no such area.
    """
    for area in plan.areas:
        if _area_matches(area, key):
            return area
    raise NotFoundError(f"the plan has no area {key!r} (it has {len(plan.areas)} areas)")


def find_measure(plan: Plan, number: int, area: int | str | None = None) -> Measure:
    """Return the measure numbered `number` (in `area`, an ordinal or title, when given).

    Raises `NotFoundError` when there is none, or when areas that each number their measures
    from 1 have several and no `area` says which.
    """
    areas = plan.areas if area is None else (find_area(plan, area),)
    found = [m for a in areas for m in a.measures if m.number == number]
    if len(found) > 1:
        where = "、".join(str(a.ordinal) for a in areas if any(m in found for m in a.measures))
        raise NotFoundError(
            f"the plan has {len(found)} measures numbered {number}, in areas {where}: name the "
            f"area too (e.g. {where.split('、')[0]}.{number})"
        )
    if found:
        return found[0]
    count = sum(len(a.measures) for a in areas)
    raise NotFoundError(f"the plan has no measure {number} (it has {count} measures)")


@attrs.frozen
class AgencyCount:
    """An agency and how many action items it leads (牵头) and cooperates on (配合).

    `name` is the name the plan first writes; `canonical_name` the registry's full name (the
    name as written when the registry does not know it, `known` then False).
    """

    name: str
    canonical_name: str
    lead: int
    cooperating: int
    known: bool

    @property
    def total(self) -> int:
        """Return the number of items the agency takes part in, in either role."""
        return self.lead + self.cooperating


def agency_counts(plan: Plan, registry: AgencyRegistry | None = None) -> tuple[AgencyCount, ...]:
    """Return every agency of the plan with its counts, in order of first appearance.

    Names the registry knows as one agency count as one; an item counts once per agency and role.
    """
    registry = registry_for(plan) if registry is None else registry
    first_name: dict[str, str] = {}
    lead: dict[str, int] = {}
    cooperating: dict[str, int] = {}
    for action in plan.actions:
        for pool, counts in (
            (action.lead_agencies, lead),
            (action.cooperating_agencies, cooperating),
        ):
            seen = set()
            for agency in pool:
                key = registry.canonical_name(agency.name)
                first_name.setdefault(key, agency.name)
                if key not in seen:
                    seen.add(key)
                    counts[key] = counts.get(key, 0) + 1
    return tuple(
        AgencyCount(
            name=name,
            canonical_name=key,
            lead=lead.get(key, 0),
            cooperating=cooperating.get(key, 0),
            known=registry.resolve(name) is not None,
        )
        for key, name in first_name.items()
    )


@attrs.frozen
class TargetHit:
    """A target with the item it belongs to."""

    entry: Entry
    target: Target

    def due_date(
        self, start: datetime.date, *, calendar: WorkdayCalendar | None = None
    ) -> datetime.date:
        """Return when a duration target falls due if its period starts after `start`.

        Counts 个工作日 on China's working-day calendar (holidays and make-up days, with the
        `calendar` extra) and 日/个月/年 on the calendar. Raises `YingshangError` for a target
        that is not a duration.

        >>> from yingshang.datasets import chongqing_2019
        >>> hit = targets(chongqing_2019(), area="开办企业", kind="duration")[0]
        >>> hit.due_date(datetime.date(2019, 9, 30))   # 3个工作日, over the National Day week
        datetime.date(2019, 10, 10)
        """
        quantity = self.target.quantity
        if self.target.kind is not TargetKind.DURATION or quantity is None:
            raise YingshangError(f"{self.target.text!r} is not a duration with a due date")
        return due_date(start, quantity, calendar=calendar)


def targets(
    plan: Plan,
    *,
    target_role: TargetRole | str | None = TargetRole.COMMITMENT,
    **criteria: Any,
) -> tuple[TargetHit, ...]:
    """Return the targets of the items that meet `criteria`, in order.

    With ``kind=…`` only the targets of that kind are returned, not all targets of the items
    that have one. Only commitments are returned unless `target_role` asks for status facts or
    scopes ("status", "scope"), or for every target (None).
    """
    query = Query(**criteria)
    role = None if target_role is None else TargetRole(target_role)
    return tuple(
        TargetHit(entry, target)
        for entry in query.run(plan)
        for target in entry.action.targets
        if (query.kind is None or target.kind is query.kind)
        and (role is None or target.role is role)
    )


@attrs.frozen
class Due:
    """A deadline of an item, for the timeline."""

    date: datetime.date
    deadline: Deadline
    entry: Entry


def timeline(plan: Plan) -> tuple[Due, ...]:
    """Return every resolved deadline of every item, by date, then in the plan's order."""
    dues = [
        Due(deadline.date, deadline, entry)
        for entry in entries(plan)
        for deadline in entry.action.deadlines
        if deadline.date is not None
    ]
    return tuple(sorted(dues, key=lambda due: due.date))  # sorted() is stable: plan order holds


def search(
    plan: Plan, text: str | None = None, *, pattern: str | None = None, timeout: float = 2.0
) -> Results:
    """Return the items whose text contains `text` or matches `pattern`, with the matches' spans.

    A `pattern` runs at most `timeout` seconds over the whole plan; past that, `PatternTimeoutError`
    (a `YingshangError`) says so.
    """
    if text is None and pattern is None:
        raise YingshangError("search needs a text or a pattern")
    return Query(text=text, pattern=pattern, timeout=timeout).run(plan)


def overdue(
    plan: Plan, as_of: datetime.date, done: Collection[str | Entry | Action] = ()
) -> Results:
    """Return the items whose earliest deadline is before `as_of` and that are not `done`.

    `done` names finished items by reference ("14.2"), `Entry` or `Action`: the record of the
    plan's supervision (督查).
    """
    finished_keys = {item for item in done if isinstance(item, str)}
    finished_keys |= {item.key for item in done if isinstance(item, Entry)}
    finished_actions = {item for item in done if isinstance(item, Action)}
    return Results(
        tuple(
            entry
            for entry in entries(plan)
            if entry.due is not None
            and entry.due < as_of
            and entry.key not in finished_keys
            and entry.action not in finished_actions
        )
    )
