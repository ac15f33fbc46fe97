"""Read measures that a plan lists in its body, with the agencies written inline.

Many plans have no table: their body's sections hold the measures, and each item names its agencies
in brackets at its end, in one of a few wordings:

* （牵头单位：市发展改革委；责任单位：市财政局、市税务局）  labelled roles
* （市发展改革委牵头，市财政局、市税务局配合）              roles after the names
* （责任单位：市行政审批局、市住建局） or （区市场局、区大数据中心）   responsible agencies only

The body's outline decides what is an area and what is a measure:

* ``一、`` sections whose ``（一）`` subsections hold numbered paragraphs ``1．``: the subsections
  are areas and the numbered paragraphs measures;
* ``一、`` sections whose ``（一）`` subsections carry the agencies themselves: the section is an
  area and each subsection a measure;
* ``一、`` sections with numbered paragraphs carrying the agencies: the section is an area.

A section counts only when most of its items name agencies, so that a plan's general requirements
(总体要求) and safeguards (保障措施) stay sections. An item's text is split into action items at
each bracket of agencies: "…办理。（区市场局）…核查。（区市场局、区大数据中心）" is two items.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs
import regex

from ..model import Action, Agency, Area, Diagnostic, Measure, Section, Severity, Snippet, Span

__all__ = ["read_agencies_with_roles", "read_body_measures"]

# A bracket with at most one level of brackets inside ("各市(区)人民政府"). The alternatives start
# with different characters and are possessive, so matching is linear in the text.
# A line break may fall inside: a paragraph wrapped mid-sentence is read as one.
_BRACKET = regex.compile(r"[（(](?P<body>(?:[^（）()]|[（(][^（）()]*+[）)])++)[）)]")
_NUMBERED = regex.compile(r"(?P<number>\d{1,3})\s*[．.、]\s*")
_ITEM_MARKER = regex.compile(r"[（(]\s*(?P<number>\d{1,3})\s*[）)]\s*")
_ROLE_LABEL = regex.compile(
    r"(?P<label>牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|协办单位|参与单位)\s*[：:]"
)
_TRAILING_ROLE = regex.compile(r"(?P<role>牵头|配合|参与|协同|按职责分工负责|按职责负责|负责)$")
_AGENCY_SEPARATOR = regex.compile(r"[、，,；;]")
# What the name of an office, court, company or government ends with.
_AGENCY_SUFFIX = regex.compile(
    r"(?:局|委|办|厅|院|部|政府|中心|公司|集团|银行|行|会|所|署|室|站|队|社|处|馆|台|协会|"
    r"管委会|单位|部门|机关|组|监管局|营管部)$"
)
_MAX_AGENCY = 30
_TITLE_MAX = 60

Report = Callable[[Diagnostic], None]


@attrs.frozen
class _Responsibility:
    lead: tuple[Agency, ...]
    cooperating: tuple[Agency, ...]
    span: Span


def _split_names(text: str, start: int) -> list[Agency]:
    """Split "A、B，C" at separators outside brackets into agencies with their spans."""
    agencies: list[Agency] = []
    depth = 0
    piece_start = 0
    for index, char in enumerate(text + "、"):
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth = max(0, depth - 1)
        elif depth == 0 and _AGENCY_SEPARATOR.match(char):
            raw = text[piece_start:index]
            name = raw.strip()
            if name.endswith("等") and len(name) > 1:
                name = name[:-1]  # "市财政局等" names 市财政局; 等 is not part of it
            if name:
                offset = start + piece_start + (len(raw) - len(raw.lstrip()))
                agencies.append(Agency(name, Span(offset, offset + len(name))))
            piece_start = index + 1
    return agencies


def _looks_like_agencies(agencies: list[Agency]) -> bool:
    return bool(agencies) and all(
        len(u.name) <= _MAX_AGENCY and _AGENCY_SUFFIX.search(u.name) and "。" not in u.name
        for u in agencies
    )


def _read_responsibility(body: str) -> tuple[list[Agency], list[Agency]] | None:
    """Read the agencies and their roles in a bracket's text, or None when it names no agencies."""
    labels = list(_ROLE_LABEL.finditer(body))
    lead: list[Agency] = []
    cooperating: list[Agency] = []
    if labels:
        if body[: labels[0].start()].strip(" ；;，,"):
            return None
        has_lead = any(m["label"].startswith("牵头") for m in labels)
        for index, label in enumerate(labels):
            end = labels[index + 1].start() if index + 1 < len(labels) else len(body)
            names = _split_names(body[label.end() : end].rstrip("；;，, "), label.end())
            if label["label"].startswith("牵头") or (
                not has_lead and label["label"].startswith("责任")
            ):
                lead.extend(names)
            else:
                cooperating.extend(names)
        return (lead, cooperating) if lead or cooperating else None
    # "A、B牵头，C、D配合" or "A负责": roles written after the names, clause by clause.
    clauses = [(m.start(), m.group()) for m in regex.finditer(r"[^，,；;]+", body)]
    with_roles = [
        (offset, clause, _TRAILING_ROLE.search(clause.strip())) for offset, clause in clauses
    ]
    if any(role for _, _, role in with_roles):
        for offset, clause, role in with_roles:
            stripped = clause.strip()
            names_text = stripped[: role.start()] if role else stripped
            shift = offset + (len(clause) - len(clause.lstrip()))
            names = _split_names(names_text, shift)
            if not _looks_like_agencies(names) and not (role and names):
                return None
            if (
                role is None
                or role["role"] == "牵头"
                or (role["role"].endswith("负责") and not lead)
            ):
                lead.extend(names)
            else:
                cooperating.extend(names)
        return lead, cooperating
    names = _split_names(body, 0)
    return (names, []) if _looks_like_agencies(names) else None


_LEAD_MARK = regex.compile(r"[（(]\s*牵头(?:单位)?\s*[）)]$")


def _read_with_lead_marks(body: str) -> tuple[list[Agency], list[Agency]] | None:
    """Read "A（牵头）、B、C": the marked agencies lead, the others cooperate."""
    names = _split_names(body, 0)
    marked = [agency for agency in names if _LEAD_MARK.search(agency.name)]
    if not marked:
        return None
    lead, cooperating = [], []
    for agency in names:
        mark = _LEAD_MARK.search(agency.name)
        if mark:
            name = agency.name[: mark.start()].rstrip()
            lead.append(Agency(name, Span(agency.span.start, agency.span.start + len(name))))
        else:
            cooperating.append(agency)
    return lead, cooperating


def _flat_roles(
    text: str, start: int, end: int, read: Callable[[str], tuple[list[Agency], list[Agency]] | None]
) -> tuple[tuple[Agency, ...], tuple[Agency, ...]] | None:
    """Read `text[start:end]` without its line breaks, and map the agencies' spans back onto it."""
    kept = [i for i in range(start, end) if text[i] not in "\r\n"]
    roles = read("".join(text[i] for i in kept))
    if roles is None:
        return None

    def placed(agencies: list[Agency]) -> tuple[Agency, ...]:
        return tuple(
            Agency(u.name, Span(kept[u.span.start], kept[u.span.end - 1] + 1)) for u in agencies
        )

    return placed(roles[0]), placed(roles[1])


def read_agencies_with_roles(
    text: str, start: int, end: int
) -> tuple[tuple[Agency, ...], tuple[Agency, ...]] | None:
    """Read a table's agencies cell that writes the roles itself, or None when it does not.

    "A牵头，B、C配合", "牵头单位：A；配合单位：B" and "A（牵头）、B、C" give A as the lead and
    B, C as cooperating agencies.
    """
    cell = text[start:end]
    if "牵头" not in cell and "配合" not in cell:
        return None
    return _flat_roles(
        text,
        start,
        end,
        lambda flat: _read_with_lead_marks(flat) or _read_responsibility(flat),
    )


def _responsibilities(text: str, start: int, end: int) -> list[_Responsibility]:
    found = []
    for match in _BRACKET.finditer(text, start, end):
        # A bracket wrapped across lines is read without its line breaks ("责任\n单位："), and
        # each agency's span is mapped back onto the text, line breaks included.
        roles = _flat_roles(text, match.start("body"), match.end("body"), _read_responsibility)
        if roles is not None:
            found.append(_Responsibility(roles[0], roles[1], Span(*match.span())))
    return found


@attrs.define
class _Reader:
    text: str
    trim: Callable[[int, int], tuple[int, int]]
    clean: Callable[[str], str]
    report: Report

    def snippet(self, start: int, end: int) -> Snippet | None:
        start, end = self.trim(start, end)
        # Sentence punctuation left between an item's text and the next is not the item's.
        while start < end and self.text[start] in "。；;，,":
            start += 1
        start, end = self.trim(start, end)
        if start >= end:
            return None
        return Snippet(self.clean(self.text[start:end]), Span(start, end))

    def actions(self, start: int, end: int, first_number: int) -> list[Action]:
        """Split `[start, end)` into items at each bracket of agencies, numbered from the first."""
        actions: list[Action] = []
        cursor = start
        marker: Snippet | None = None
        number = first_number
        match = _ITEM_MARKER.match(self.text, *self.trim(start, end))
        if match:
            number = int(match["number"])
            marker_end = match.start() + len(match.group().rstrip())
            marker = Snippet(self.text[match.start() : marker_end], Span(match.start(), marker_end))
            cursor = match.end()
        for responsibility in _responsibilities(self.text, start, end):
            body = self.snippet(cursor, responsibility.span.start)
            cursor = responsibility.span.end
            if body is None:
                continue
            actions.append(
                Action(
                    number=number,
                    text=body.text,
                    span=body.span,
                    marker=marker,
                    lead_agencies=responsibility.lead,
                    cooperating_agencies=responsibility.cooperating,
                )
            )
            number, marker = number + 1, None
        rest = self.snippet(cursor, end)
        if rest is not None:
            actions.append(Action(number=number, text=rest.text, span=rest.span, marker=marker))
            self.report(
                Diagnostic(
                    Severity.WARNING,
                    "no-lead-agency",
                    "an item with no agencies written after it",
                    rest.span,
                )
            )
        return actions

    def measure(self, number: int, heading: Snippet, body: list[Snippet]) -> Measure:
        actions: list[Action] = []
        for paragraph in body:
            actions.extend(self.actions(paragraph.span.start, paragraph.span.end, len(actions) + 1))
        return Measure(number=number, title=heading.text, span=heading.span, actions=tuple(actions))

    def numbered(self, paragraph: Snippet) -> tuple[int, Snippet, Snippet | None] | None:
        """Split "1．title。text" into its number, its heading "1．title。" and the text after."""
        match = _NUMBERED.match(self.text, paragraph.span.start, paragraph.span.end)
        if match is None:
            return None
        stop = self.text.find("。", match.end(), paragraph.span.end)
        bracket = _BRACKET.search(self.text, match.end(), paragraph.span.end)
        if stop == -1 or stop - match.end() > _TITLE_MAX or (bracket and bracket.start() < stop):
            title_end = match.end()  # no short title: the whole paragraph is the item
        else:
            title_end = stop + 1
        heading = Snippet(
            self.clean(self.text[match.end() : title_end]).rstrip("。"),
            Span(paragraph.span.start, title_end),
        )
        return int(match["number"]), heading, self.snippet(title_end, paragraph.span.end)


def _count_with_agencies(reader: _Reader, paragraphs: list[Snippet]) -> int:
    return sum(bool(_responsibilities(reader.text, p.span.start, p.span.end)) for p in paragraphs)


def _numbered_groups(
    reader: _Reader, paragraphs: tuple[Snippet, ...]
) -> tuple[list[Snippet], list[tuple[int, Snippet, list[Snippet]]]]:
    """Split paragraphs into those before the first numbered one, and the numbered groups."""
    before: list[Snippet] = []
    groups: list[tuple[int, Snippet, list[Snippet]]] = []
    for paragraph in paragraphs:
        numbered = reader.numbered(paragraph)
        if numbered is not None:
            number, heading, rest = numbered
            groups.append((number, heading, [rest] if rest else []))
        elif groups:
            groups[-1][2].append(paragraph)
        else:
            before.append(paragraph)
    return before, groups


def _mostly(count: int, total: int) -> bool:
    return total > 0 and count >= 1 and 2 * count >= total


def read_body_measures(
    sections: tuple[Section, ...],
    text: str,
    trim: Callable[[int, int], tuple[int, int]],
    clean: Callable[[str], str],
    report: Report,
) -> tuple[tuple[Section, ...], tuple[Area, ...]]:
    """Return the sections without the parts that list measures, and those measures' areas."""
    reader = _Reader(text, trim, clean, report)
    kept: list[Section] = []
    areas: list[Area] = []
    for section in sections:
        kept_section, section_areas = _read_section(reader, section, len(areas))
        kept.append(kept_section)
        areas.extend(section_areas)
    return tuple(kept), tuple(areas)


def _read_section(reader: _Reader, section: Section, done: int) -> tuple[Section, list[Area]]:
    # Subsections as areas, their numbered paragraphs as measures.
    grouped = [(sub, *_numbered_groups(reader, sub.paragraphs)) for sub in section.subsections]
    items = [group for _, _, groups in grouped for group in groups]
    with_agencies = sum(_count_with_agencies(reader, body) > 0 for _, _, body in items)
    if items and _mostly(with_agencies, len(items)):
        areas: list[Area] = []
        remaining: list[Section] = []
        for sub, before, groups in grouped:
            if not groups:
                remaining.append(sub)
                continue
            measures = [reader.measure(n, heading, body) for n, heading, body in groups]
            areas.append(Area(done + len(areas) + 1, sub.title, sub.span, tuple(measures)))
            if before:
                remaining.append(attrs.evolve(sub, paragraphs=tuple(before)))
        return attrs.evolve(section, subsections=tuple(remaining)), areas
    # Subsections as measures of the section.
    subs = section.subsections
    with_agencies = sum(_count_with_agencies(reader, list(sub.paragraphs)) > 0 for sub in subs)
    if subs and _mostly(with_agencies, len(subs)):
        measures = [
            reader.measure(sub.ordinal, Snippet(sub.title, sub.span), list(sub.paragraphs))
            for sub in subs
        ]
        area = Area(done + 1, section.title, section.span, tuple(measures))
        return attrs.evolve(section, subsections=()), [area]
    # Numbered paragraphs of the section as its measures.
    before, groups = _numbered_groups(reader, section.paragraphs)
    with_agencies = sum(_count_with_agencies(reader, body) > 0 for _, _, body in groups)
    if groups and not subs and _mostly(with_agencies, len(groups)):
        measures = [reader.measure(n, heading, body) for n, heading, body in groups]
        area = Area(done + 1, section.title, section.span, tuple(measures))
        return attrs.evolve(section, paragraphs=tuple(before)), [area]
    return section, []
