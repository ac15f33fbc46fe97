"""Account for every character of a plan's source: what no node and no diagnostic holds.

The parser promises that nothing is lost: each non-blank character of the text it read lands in
the span of a node it understood or of a diagnostic saying why it did not. `coverage` checks that
promise on any parsed plan and returns what breaks it, so that a test, a fuzzer or a careful
user can see the text that went missing.

Only the leaves of the model count: a title, a paragraph, a heading, an item's text and marker,
an agency's name, a target, a diagnostic. A container's span (the plan, the notice, the
attachment) runs over its children and would hide a child that was never made, so it counts for
nothing. Sections, areas and measures count for their headings, which is what their spans cover.
Between the agencies of an item, separators, brackets and role words (、 ； （牵头单位：…） 配合)
are the structure the agencies were read from, and count as placed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ._lazy import LazyPattern
from .errors import line_and_column
from .fold import fold
from .model import Action, Notice, Plan, Section, Snippet, Span

__all__ = ["coverage", "quote"]

# A run of text next to an agency that holds only what writes the agencies' roles and lists:
# separators, brackets, colons, full stops, the role words of 牵头单位：… / (由)…牵头 / A会同B,
# the others unnamed (等有关部门), the remark 第一责任单位为牵头单位，下同 (the first agency
# named leads), and the labels of the deadlines written among them (完成时限：…, whose date
# is a target).
_AGENCY_STRUCTURE = LazyPattern(
    r"(?:[\s\ufeff、，,；;：:（）()〔〕【】。.]|牵头|配合|协办|协同|协助|参与|责任|主体|按职责|按职能"
    r"|分工|共同|负责|落实|实施|主责|承办|主办|承担|单位|部门|等|有关|相关|会同|由|第一责任单位为牵头单位"
    r"|下同|完成时限要求|完成时限|时限要求|完成时间|时间要求|时间节点|完成期限|时间安排|时限)++"
)
# Sentence punctuation before an item's text: the parser leaves it out of the item ("（A牵头）。
# （2）…", or a paragraph opened by "，"), as the end of what came before; so is a line of it
# alone after an item (…监管。⏎，), whatever follows.
_LEADING_PUNCTUATION = LazyPattern(r"[\s\ufeff。；;，,]++")
# The diagnostics of text the parser removed before reading (Word's bookmarks, a mirror's pinyin,
# an indent turned to question marks).
_ARTIFACTS = frozenset(("export-artifact", "pinyin-annotation", "mangled-indent", "repost-tag"))
# What a table converted to text writes between its cells and under its header: a | b |, |---|.
_CELL_BARS = LazyPattern(r"[\s|:\-]++")
# Only brackets and blanks: what encloses a node, as a 文号 in brackets after a title.
_BRACKETS = LazyPattern(r"[\s\ufeff（）()〔〕【】\[\]]++")
# A piece of lost text as it is quoted: non-blank characters with the blanks inside one line.
_LOST_RUN = LazyPattern(r"[^\s\ufeff]++(?:[ \t\u3000]++[^\s\ufeff]++)*+")


def coverage(plan: Plan, text: str | None = None) -> tuple[Span, ...]:
    """Return the runs of non-blank source text that no leaf node and no diagnostic holds.

    `text` defaults to ``plan.source.text``, the text the plan's spans slice. An empty tuple
    means every character is accounted for. Each run is trimmed of blanks and ends at a line
    break; quote them with `quote`.

    Raises `ValueError` when the plan keeps no source text and none is given.

    >>> import yingshang
    >>> coverage(yingshang.datasets.chongqing_2019())
    ()
    """
    if text is None:
        if plan.source is None:
            raise ValueError("coverage() needs the plan's source text: pass it as `text`")
        text = plan.source.text
    placed = sorted(span for span in _leaf_spans(plan) if span.start < span.end)
    agencies = [agency.span for action in plan.actions for agency in action.agencies]
    # A deadline written among the agencies (…，6月底完成）) stands where an agency would.
    agencies += [
        target.span
        for action in plan.actions
        for target in action.targets
        if not action.span.start <= target.span.start < action.span.end
    ]
    agency_edges = {edge for span in agencies for edge in (span.start, span.end)}
    edges = {edge for span in placed for edge in (span.start, span.end)}
    # Where an item begins: its marker (（1）), or its text when it has none.
    item_starts = {action.span.start for action in plan.actions} | {
        action.marker.span.start for action in plan.actions if action.marker is not None
    }
    item_ends = {action.span.end for action in plan.actions}
    # An export artifact the parser removed may fall inside a role word (牵头负[bookmark: …]责,
    # 【牵[bookmark: …]头单位：): the gaps on either side of it are read as one, as the parser
    # reads the text without it, when the run of them touches an agency at either end.
    artifacts = {d.span.start: d.span.end for d in plan.diagnostics if d.code in _ARTIFACTS}
    # An artifact right after an agency (县政务服务中心[bookmark]等单位】) ends where the agency
    # would: what follows it is read as what follows the agency; one right before an agency
    # (牵头单位：[bookmark]市市场监管局) starts where the agency would.
    # (forward, then backward: a run of artifacts side by side passes the edge along)
    for start in sorted(artifacts):
        if start in agency_edges:
            agency_edges.add(artifacts[start])
    for start in sorted(artifacts, reverse=True):
        if artifacts[start] in agency_edges:
            agency_edges.add(start)
    gaps = list(_gaps(placed, len(text)))
    joined: set[int] = set()  # the indexes of gaps read as part of structure across artifacts
    index = 0
    while index < len(gaps):
        last = index
        while (
            last + 1 < len(gaps) and _past_artifacts(gaps[last][1], artifacts) == gaps[last + 1][0]
        ):
            last += 1
        if last > index and (gaps[index][0] in agency_edges or gaps[last][1] in agency_edges):
            pieces = "".join(text[a:b] for a, b in gaps[index : last + 1])
            if _AGENCY_STRUCTURE.fullmatch("".join(fold(pieces).splitlines())):
                joined.update(range(index, last + 1))
        index = last + 1
    attachment = plan.attachment.span if plan.attachment is not None else None
    lost: list[Span] = []
    for index, (start, end) in enumerate(gaps):
        if index in joined:
            continue
        # Traditional copies write the same roles (牽頭單位): read the gap folded; and, as the
        # parser reads agencies, without line breaks (牵⏎头 in a bracket wrapped mid-word).
        gap = "".join(fold(text[start:end]).splitlines())
        if (start in agency_edges or end in agency_edges) and _AGENCY_STRUCTURE.fullmatch(gap):
            continue
        if (start in edges or end in edges) and _BRACKETS.fullmatch(gap):
            continue  # the brackets around a node: "(池政〔2017〕101号)" after a title
        if (end in item_starts or start in item_ends) and _LEADING_PUNCTUATION.fullmatch(gap):
            continue
        if (
            attachment is not None
            and attachment.start <= start < attachment.end
            and _CELL_BARS.fullmatch(gap)
        ):
            continue  # the bars between a converted page's cells, and its rule of dashes
        lost.extend(Span(*match.span()) for match in _LOST_RUN.finditer(text, start, end))
    return tuple(lost)


def quote(plan: Plan, spans: Iterable[Span] | None = None, width: int = 40) -> str:
    """Return the runs `spans` (by default, what `coverage` finds) as lines "line:column 'text'".

    Long runs are cut to `width` characters with "…".
    """
    text = plan.source.text if plan.source is not None else ""
    runs = coverage(plan) if spans is None else tuple(spans)
    lines = []
    for span in runs:
        line, column = line_and_column(text, span.start)
        piece = span.slice(text)
        if len(piece) > width:
            piece = piece[: width - 1] + "…"
        lines.append(f"{line}:{column} {piece!r}")
    return "\n".join(lines)


def _past_artifacts(position: int, artifacts: dict[int, int]) -> int | None:
    """Return where the run of artifacts side by side that starts at `position` ends, or None
    when none starts there."""
    if position not in artifacts:
        return None
    while position in artifacts:
        position = artifacts[position]
    return position


def _gaps(placed: list[Span], length: int) -> Iterator[tuple[int, int]]:
    """Yield the stretches of `[0, length)` that no span of `placed` (sorted) covers."""
    cursor = 0
    for span in placed:
        if span.start > cursor:
            yield cursor, min(span.start, length)
        cursor = max(cursor, span.end)
    if cursor < length:
        yield cursor, length


def _snippets(*snippets: Snippet | None) -> Iterator[Span]:
    return (snippet.span for snippet in snippets if snippet is not None)


def _leaf_spans(plan: Plan) -> Iterator[Span]:
    """Yield the spans of the plan's leaves, headings and diagnostics (never a container's)."""
    yield plan.title.span
    if plan.notice is not None:
        yield from _notice_spans(plan.notice)
    yield from _snippets(*plan.preamble, *plan.attachment_references)
    for section in plan.sections:
        yield from _section_spans(section)
    if plan.attachment is not None:
        attachment = plan.attachment
        yield from _snippets(attachment.label, attachment.title, *attachment.headers)
    for area in plan.areas:
        yield area.span
        yield from area.repeated_at
        for measure in area.measures:
            yield measure.span
            yield from measure.repeated_at
            for action in measure.actions:
                yield from _action_spans(action)
    for diagnostic in plan.diagnostics:
        yield diagnostic.span


def _notice_spans(notice: Notice) -> Iterator[Span]:
    yield from _snippets(
        notice.title,
        notice.document_number,
        notice.recipients,
        *notice.paragraphs,
        notice.issuer,
        notice.issue_date_text,
        *notice.remarks,
    )


def _section_spans(section: Section) -> Iterator[Span]:
    yield section.span  # the heading
    yield from _snippets(*section.paragraphs)
    yield from (target.span for target in section.targets)
    for subsection in section.subsections:
        yield from _section_spans(subsection)


def _action_spans(action: Action) -> Iterator[Span]:
    yield action.span
    yield from _snippets(action.marker)
    yield from (agency.span for agency in action.agencies)
    yield from (target.span for target in action.targets)
