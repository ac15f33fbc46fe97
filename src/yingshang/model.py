"""The value types of a plan: plan, area, measure, action, agency, target, quantity, deadline, span.

Every type is a frozen, slotted attrs class with tuple children, so every object is immutable,
hashable and comparable by value. Every node that comes from the source keeps its `Span`, the
offsets into the text that was parsed: ``text[node.span.start:node.span.end]`` is where the node
came from. This module holds no regexes and does no I/O; everything else depends on it.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

import attrs

__all__ = [
    "Action",
    "Agency",
    "Area",
    "Attachment",
    "Comparator",
    "Deadline",
    "DeadlineKind",
    "Diagnostic",
    "Direction",
    "Measure",
    "Notice",
    "Plan",
    "Quantity",
    "Section",
    "Severity",
    "Snippet",
    "Source",
    "Span",
    "Target",
    "TargetKind",
    "TargetRole",
    "item_key",
]


_Class = TypeVar("_Class", bound=type)


def _pickled_by_fields(cls: _Class) -> _Class:
    """Pickle `cls` as a call of its constructor with its fields, in order.

    attrs pickles a slotted class through a ``__setstate__`` written in Python; a constructor call
    unpickles a plan in about half the time (the cached embedded plan, plans sent between
    processes), and runs the constructor's checks on what it reads.
    """
    fields = attrs.fields(cls)
    if any(not field.init or field.kw_only for field in fields):
        raise TypeError(f"{cls.__name__}: every field must be a positional constructor argument")
    names = tuple(field.name for field in fields)

    def reduce(self: object) -> tuple[type, tuple[object, ...]]:
        return type(self), tuple([getattr(self, name) for name in names])

    cls.__reduce__ = reduce  # type: ignore[method-assign, assignment]
    return cls


@_pickled_by_fields
@attrs.frozen(order=True, weakref_slot=False)
class Span:
    """Half-open character offsets ``[start, end)`` into the parsed text."""

    start: int
    end: int

    def __attrs_post_init__(self) -> None:
        # One check instead of a validator per field: a parse builds thousands of spans.
        if not 0 <= self.start <= self.end:
            if self.start < 0:
                raise ValueError(f"start must be >= 0, got {self.start}")
            raise ValueError(f"span end {self.end} is before its start {self.start}")

    def __len__(self) -> int:
        return self.end - self.start

    def __repr__(self) -> str:
        return f"Span({self.start}, {self.end})"

    def slice(self, text: str) -> str:
        """Return the part of `text` this span covers."""
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        """Tell whether `other` lies wholly inside this span."""
        return self.start <= other.start and other.end <= self.end


@_pickled_by_fields
@attrs.frozen(weakref_slot=False)
class Snippet:
    """A piece of source text the model keeps as it stands, e.g. a title or a paragraph."""

    text: str
    span: Span

    def __str__(self) -> str:
        return self.text


class Severity(enum.Enum):
    """How much a diagnostic matters to a reader of the parsed plan."""

    INFO = "info"
    """Something was cleaned or recognised that a reader may want to know (a removed artifact)."""
    WARNING = "warning"
    """Something was kept but not understood, or looks wrong in the source."""
    ERROR = "error"
    """Something a plan must have was not found (its title, its body), the text is cut short, or a
    table could not be read: what was read is kept, and ``parse(text, strict=True)`` raises
    instead."""


@_pickled_by_fields
@attrs.frozen(weakref_slot=False)
class Diagnostic:
    """A note from the parser about a piece of source it removed, kept unparsed or doubts.

    `code` is a short stable identifier (``"export-artifact"``, ``"unparsed"``, ...) to filter on;
    `message` says what was found and why it was not placed in the model.
    """

    severity: Severity
    code: str
    message: str
    span: Span


@_pickled_by_fields
@attrs.frozen(weakref_slot=False)
class Agency:
    """A lead or cooperating agency (牵头单位/配合单位), e.g. 市市场监管局, named as written."""

    name: str
    span: Span

    def __str__(self) -> str:
        return self.name


# --- quantitative targets -------------------------------------------------------------------


class Comparator(enum.Enum):
    """How a target value bounds the outcome (以内, 以上, 左右, ...)."""

    AT_MOST = "at_most"  # 以内, 以下, 内, 不超过, 不高于, 控制在…以内
    AT_LEAST = "at_least"  # 以上, 至少, 不低于, 不少于, 达到, 达
    EXACTLY = "exactly"  # no comparator word
    LESS_THAN = "less_than"  # 低于, 少于, 不足, 不到
    MORE_THAN = "more_than"  # 超过, 高于, 多于, 100多家, 300余个
    ABOUT = "about"  # 左右, 约, 近


class Direction(enum.Enum):
    """The direction of a change (压缩, 降低 / 提高, 增加, 放宽)."""

    DECREASE = "decrease"
    INCREASE = "increase"


class TargetKind(enum.Enum):
    """What a target measures."""

    DURATION = "duration"  # 3个工作日, 30日, 1个月, 24小时
    SERVICE_HOURS = "service_hours"  # 7×24小时
    ON_THE_SPOT = "on_the_spot"  # 立等可取, 即来即办
    DEADLINE = "deadline"  # 2019年底前, 在本方案印发之日起1个月内
    PERCENTAGE = "percentage"  # 99.96%, 达到92%, 减按50%
    PERCENTAGE_POINTS = "percentage_points"  # 2个百分点
    RELATIVE_CHANGE = "relative_change"  # 压缩60%, 降低15%: a change *by* an amount
    MONEY = "money"  # 80元, 3000万元
    UNIT_PRICE = "unit_price"  # 3.25元/吨, 每件550元
    COUNT = "count"  # 3个环节, 5000个, 2万人次
    PHYSICAL = "physical"  # 160千伏安, 411公里, DN100以下, 8km/km2, 9.2件/万人
    MULTIPLE = "multiple"  # 基准利率的1.5倍: a multiple of a reference (`Target.reference`)
    RANK = "rank"  # 进入全国前10位: a place in a ranking, at most
    SCORE = "score"  # 满意度达到90分以上: the points of an evaluation
    ONGOING = "ongoing"  # 持续推进, 长期坚持: work with no end date, in place of a deadline


class TargetRole(enum.Enum):
    """What a number says in its sentence: a commitment, a fact, or the bounds of a measure.

    Queries and exports return commitments unless asked for the others.
    """

    COMMITMENT = "commitment"  # 压缩至5个工作日以内, 达到90%, 2019年底前: what is promised
    STATUS = (
        "status"  # 截至2020年3月…达6.94亿, 已超1亿户, 耗时10分钟: what was achieved or measured
    )
    SCOPE = "scope"  # 不满1千伏的, 6亩以下的, 500万元以下的项目: what a measure covers


def _to_decimal(value: Decimal | float | str) -> Decimal:
    # A Python function, not the `Decimal` class: attrs reads a converter's signature, and a
    # builtin's is parsed from text by `tokenize`, whose pattern costs ~10 ms to compile at import.
    return value if isinstance(value, Decimal) else Decimal(value)


@_pickled_by_fields
@attrs.frozen(repr=False, weakref_slot=False)
class Quantity:
    """An exact amount with its unit as the plan writes it, e.g. 7 个工作日 or 3.25 元/吨.

    `value` is exact (`Decimal`), with any magnitude folded in (2万人次 → 20000 人次); `unit` is
    the normalised unit word ("个工作日", "%", "元/吨", "件/万人").
    """

    value: Decimal = attrs.field(converter=_to_decimal)
    unit: str

    def __str__(self) -> str:
        if self.unit == "DN":  # a nominal diameter is written before its number: DN100
            return f"DN{self.value}"
        return f"{self.value}{self.unit}"

    def __repr__(self) -> str:
        return f"Quantity({str(self.value)!r}, {self.unit!r})"


class DeadlineKind(enum.Enum):
    """How a deadline's wording bounds the work."""

    BY_END_OF = "by_end_of"  # 2019年底前, 9月底前: done by the last day of the period
    BEFORE = "before"  # 2020年前, 6月30日前: done before the period named
    BY = "by"  # 到2022年, 2019年内: done within the period named
    WITHIN = "within"  # 印发之日起1个月内: relative to the plan's issue date
    RECURRING = "recurring"  # 每年年底前, 每季度末前: due again each period; `date` is None


@_pickled_by_fields
@attrs.frozen(repr=False, weakref_slot=False)
class Deadline:
    """A due date (时限), e.g. 2019年9月底前 → year 2019, month 9, due 2019-09-30.

    For a relative deadline (印发之日起1个月内) `year` is None, `offset` holds the period and
    `date` is resolved against the plan's issue date when one is known.
    """

    kind: DeadlineKind
    date: datetime.date | None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    offset: Quantity | None = None

    def __repr__(self) -> str:
        due = "unresolved" if self.date is None else self.date.isoformat()
        offset = "" if self.offset is None else f", offset {self.offset}"
        return f"Deadline({self.kind.name}, {due}{offset})"


@_pickled_by_fields
@attrs.frozen(repr=False, weakref_slot=False)
class Target:
    """A measurable commitment found in the text, e.g. 由12个工作日缩减至7个工作日以内.

    `quantity` is the value aimed at, `baseline` the value changed from (由/从…), `direction`
    whether a change decreases or increases, `deadline` the date it is due, if the sentence
    names one. `baseline_year` is the reference year of a relative change (在2017年基础上压缩60%
    → 2017). `reference` names, as written, what a share or a multiple is taken of (压缩至法定
    时限的一半 → 法定时限). `role` says whether the number is a commitment, a status fact or the
    scope of a measure. `text` is the exact source of the target and `span` its offsets.
    """

    kind: TargetKind
    text: str
    span: Span
    quantity: Quantity | None = None
    comparator: Comparator = Comparator.EXACTLY
    baseline: Quantity | None = None
    direction: Direction | None = None
    deadline: Deadline | None = None
    baseline_year: int | None = None
    reference: str | None = None
    role: TargetRole = TargetRole.COMMITMENT

    def __repr__(self) -> str:
        parts = [self.kind.name, repr(self.text), repr(self.span)]
        if self.role is not TargetRole.COMMITMENT:
            parts.append(self.role.name)
        if self.quantity is not None:
            parts.append(str(self.quantity))
        if self.comparator is not Comparator.EXACTLY:
            parts.append(self.comparator.name)
        if self.baseline is not None:
            parts.append(f"from {self.baseline}")
        if self.baseline_year is not None:
            parts.append(f"from year {self.baseline_year}")
        if self.reference is not None:
            parts.append(f"of {self.reference}")
        if self.direction is not None:
            parts.append(self.direction.name)
        if self.deadline is not None and self.kind is not TargetKind.DEADLINE:
            parts.append(f"due {self.deadline.date or self.deadline.kind.name}")
        elif self.deadline is not None:
            parts.append(repr(self.deadline))
        return f"Target({', '.join(parts)})"


# --- the plan hierarchy ------------------------------------------------------------------------


def _shorten(text: str, width: int = 24) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@_pickled_by_fields
@attrs.frozen(repr=False, weakref_slot=False)
class Action:
    """An action item (工作措施的一项), e.g. （1）推行印章在线刻制…, with its responsible agencies.

    `number` is the item's number within its measure: the one its "（n）" marker gives, or its
    position when the item has no marker (`marker` is then None). `text` is the item without
    the marker and `span` covers that text; `marker` keeps the "（n）" with its own span. The lead
    (牵头单位) and cooperating (配合单位) agencies are those of the table row the item stands in,
    or those the plan writes for it (a bracket after it, a 责任单位 line below it).
    `agencies_inferred` is True when no such assignment exists and the agencies were read from the
    subject of the item's sentence ("发展改革委、商务部要牵头负责…"): a weaker reading.
    `targets` include a deadline written with the agencies ("（…，6月底完成）", 时限要求：…).
    """

    number: int
    text: str
    span: Span
    marker: Snippet | None = None
    lead_agencies: tuple[Agency, ...] = ()
    cooperating_agencies: tuple[Agency, ...] = ()
    targets: tuple[Target, ...] = ()
    agencies_inferred: bool = False

    @property
    def agencies(self) -> tuple[Agency, ...]:
        """Return the lead agencies, then the cooperating agencies."""
        return self.lead_agencies + self.cooperating_agencies

    @property
    def deadlines(self) -> tuple[Deadline, ...]:
        """Return the deadlines of this item's targets, in order, without repeats."""
        seen: dict[Deadline, None] = {}
        for target in self.targets:
            if target.deadline is not None:
                seen.setdefault(target.deadline)
        return tuple(seen)

    def __repr__(self) -> str:
        lead = "、".join(agency.name for agency in self.lead_agencies) or "-"
        return f"<Action {self.number} {_shorten(self.text)} lead={lead}>"


@_pickled_by_fields
@attrs.frozen(repr=False, weakref_slot=False)
class Measure:
    """A numbered measure (工作措施), e.g. 1．精简企业开办流程, with its action items.

    `span` covers the measure's heading: its cell (a number cell and a title cell, in tables with a
    序号 column), or its numbered paragraph up to the title's "。" in the body. `repeated_at`
    holds the spans of the same heading repeated further down (Word table exports repeat
    headings after a page break).
    """

    number: int
    title: str
    span: Span
    actions: tuple[Action, ...] = ()
    repeated_at: tuple[Span, ...] = ()

    def __repr__(self) -> str:
        return f"<Measure {self.number}．{self.title}: {len(self.actions)} actions>"

    def _repr_html_(self) -> str:
        return render_html(self)


@_pickled_by_fields
@attrs.frozen(repr=False, weakref_slot=False)
class Area:
    """An area of the business environment (目标任务), e.g. 一、开办企业, with its measures.

    `ordinal` is the Chinese ordinal as a number (一 → 1), or the area's position among the
    plan's areas where the outline numbers them otherwise (areas read from the body's
    subsections, the one area of a table without area headings). `span` covers the heading and
    `repeated_at` the spans of repeated headings.
    """

    ordinal: int
    title: str
    span: Span
    measures: tuple[Measure, ...] = ()
    repeated_at: tuple[Span, ...] = ()

    @property
    def actions(self) -> tuple[Action, ...]:
        """Return every action item of the area, in order."""
        return tuple(action for measure in self.measures for action in measure.actions)

    def __repr__(self) -> str:
        return (
            f"<Area {self.ordinal} {self.title}: {len(self.measures)} measures, "
            f"{len(self.actions)} actions>"
        )

    def _repr_html_(self) -> str:
        return render_html(self)


@_pickled_by_fields
@attrs.frozen(repr=False, weakref_slot=False)
class Section:
    """A section of the plan's body, e.g. 三、组织保障, or a subsection such as （一）加强组织领导.

    `title` is the heading without its ordinal; `paragraphs` the text under the heading that
    belongs to no subsection (for a run-in heading such as "（一）加强组织领导。成立…", the text
    after the heading); `span` covers the heading. `targets` are those its paragraphs set, such
    as 在本方案印发之日起1个月内 (a deadline resolved against the issue date).
    """

    ordinal: int
    title: str
    span: Span
    paragraphs: tuple[Snippet, ...] = ()
    subsections: tuple[Section, ...] = ()
    targets: tuple[Target, ...] = ()

    def __repr__(self) -> str:
        return f"<Section {self.ordinal} {self.title}: {len(self.subsections)} subsections>"


@_pickled_by_fields
@attrs.frozen(repr=False, weakref_slot=False)
class Notice:
    """The cover notice (印发通知) that issues a plan: title, 文号, recipients, signature, date.

    Every part is optional, since plans are also published with only some of them (a 文号 above
    the plan's own title, say); `span` runs from the first part to the last of the head. A
    document signed below its body (a 实施意见 with its issuer and date after the last measure)
    has them here too, each with its own span beyond the notice's.
    """

    span: Span
    title: Snippet | None = None
    document_number: Snippet | None = None
    recipients: Snippet | None = None
    paragraphs: tuple[Snippet, ...] = ()
    issuer: Snippet | None = None
    issue_date: datetime.date | None = None
    issue_date_text: Snippet | None = None
    remarks: tuple[Snippet, ...] = ()

    def __repr__(self) -> str:
        number = self.document_number.text if self.document_number else "-"
        title = _shorten(self.title.text, 40) if self.title else "-"
        return f"<Notice {number} {title}>"


@_pickled_by_fields
@attrs.frozen(repr=False, weakref_slot=False)
class Attachment:
    """The attachment (附件) that lists the plan's measures as a table, e.g. 主要举措及责任分工.

    `label` is the "附件" line that opens it (None when the table stands without one), `title` the
    attachment's title, `headers` the cells of the table's header rows (目标任务, 牵头单位, ...).
    The areas its rows hold are the plan's `areas`. `span` runs from the label to the table's end.
    """

    span: Span
    label: Snippet | None = None
    title: Snippet | None = None
    headers: tuple[Snippet, ...] = ()

    def __repr__(self) -> str:
        title = self.title.text if self.title else "-"
        return f"<Attachment {title}>"


@_pickled_by_fields
@attrs.frozen(weakref_slot=False)
class Source:
    """The text a plan was parsed from, and where that text came from.

    `text` is the canonical text that every span of the plan slices: the file's text as decoded,
    or what a reader rendered from a Word, web or PDF file. `path` names the file (None for a
    string), `format` its format ("text", "docx", "html", "pdf"), and `encoding` the character
    encoding the bytes were decoded with, where there was one to detect.
    """

    text: str = attrs.field(repr=False)
    path: str | None = None
    format: str = "text"
    encoding: str | None = None


@_pickled_by_fields
@attrs.frozen(repr=False, weakref_slot=False)
class Plan:
    """A business-environment plan (营商环境 工作方案/行动方案/实施方案), parsed.

    The notice that issues it (if the text has one), the plan's title and preamble, the body's
    sections (with the body's references to attachments, 附件：…), the attachment that holds the
    table, and the plan's areas, measures and action items (from the attachment's table, or from
    the body where a plan lists its measures there), with every piece the parser removed or did
    not understand in `diagnostics`. `source` keeps the text the spans slice and where it came
    from; it takes no part in comparing plans.
    """

    title: Snippet
    span: Span
    notice: Notice | None = None
    preamble: tuple[Snippet, ...] = ()
    sections: tuple[Section, ...] = ()
    attachment_references: tuple[Snippet, ...] = ()
    attachment: Attachment | None = None
    areas: tuple[Area, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    # Where the text came from is not part of what the plan says: the same plan read from a
    # .txt and a .docx compares equal.
    source: Source | None = attrs.field(default=None, eq=False)

    @property
    def document_number(self) -> str | None:
        """Return the document number (文号), e.g. 渝府办发〔2019〕81号, if the notice gives one."""
        if self.notice is None or self.notice.document_number is None:
            return None
        return self.notice.document_number.text

    @property
    def issuer(self) -> str | None:
        """Return the issuing office (发文机关), e.g. 重庆市人民政府办公厅, if known."""
        if self.notice is None or self.notice.issuer is None:
            return None
        return self.notice.issuer.text

    @property
    def issue_date(self) -> datetime.date | None:
        """Return the date the notice was signed (成文日期), if known."""
        return None if self.notice is None else self.notice.issue_date

    @property
    def recipients(self) -> tuple[str, ...]:
        """Return the addressees (主送机关) one by one, e.g. ('市政府各部门', '有关单位')."""
        if self.notice is None or self.notice.recipients is None:
            return ()
        return _split_recipients(self.notice.recipients.text)

    @property
    def measures(self) -> tuple[Measure, ...]:
        """Return every measure of every area, in order."""
        return tuple(measure for area in self.areas for measure in area.measures)

    @property
    def actions(self) -> tuple[Action, ...]:
        """Return every action item of the plan, in order."""
        return tuple(action for area in self.areas for action in area.actions)

    @property
    def measure_numbers_repeat(self) -> bool:
        """Tell whether two areas number a measure alike (each area's measures from 1): an
        item's reference then names its area too (`item_key`)."""
        seen: set[int] = set()
        for area in self.areas:
            numbers = {measure.number for measure in area.measures}
            if seen & numbers:
                return True
            seen |= numbers
        return False

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        """Return the diagnostics of severity WARNING or ERROR: what a reader must look at."""
        return tuple(d for d in self.diagnostics if d.severity is not Severity.INFO)

    def __repr__(self) -> str:
        number = f" {self.document_number}" if self.document_number else ""
        return (
            f"<Plan {self.title.text}{number}: {len(self.areas)} areas, "
            f"{len(self.measures)} measures, {len(self.actions)} actions>"
        )

    def _repr_html_(self) -> str:
        return render_html(self)


# Rich display for Jupyter is drawn in the outer ring (yingshang._html), which the package
# registers as the model is first imported: the model keeps the hooks Jupyter looks for and
# imports nothing of ours.
_html_renderer: Callable[[object], str] | None = None


def register_html_renderer(render: Callable[[object], str]) -> None:
    """Make `render` draw every `_repr_html_` of the package (done as the model is imported)."""
    global _html_renderer
    _html_renderer = render


def render_html(node: object) -> str:
    """Return the HTML display of `node` through the registered renderer (Jupyter's hook)."""
    if _html_renderer is None:  # the model used without the package's outer ring
        import html  # compiles a pattern at import: only for this fallback

        return f"<pre>{html.escape(repr(node))}</pre>"
    return _html_renderer(node)


def _split_recipients(text: str) -> tuple[str, ...]:
    # Recipients are separated by "，" or "、" at the top level; a comma inside brackets such as
    # "各区县（自治县）" never occurs in practice, but brackets are respected anyway.
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text.rstrip("：:"):
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth = max(0, depth - 1)
        if depth == 0 and char in "，,":
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return tuple(part.strip() for part in parts if part.strip())


def item_key(area: Area, measure: Measure, action: Action, *, qualified: bool = False) -> str:
    """Return an action item's reference: "measure.item" ("14.2", measure 14's item (2)), or
    with `qualified` (a plan whose areas each number their measures from 1:
    `Plan.measure_numbers_repeat`) "area.measure.item" ("2.1.1")."""
    if qualified:
        return f"{area.ordinal}.{measure.number}.{action.number}"
    return f"{measure.number}.{action.number}"
