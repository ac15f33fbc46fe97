"""Read measures that a plan lists in its body, with the agencies written inline.

Many plans have no table: their body's sections hold the measures, and each item names its agencies
in brackets at its end, in one of a few wordings:

* （牵头单位：市发展改革委；责任单位：市财政局、市税务局）  labelled roles
* （市发展改革委牵头，市财政局、市税务局配合）              roles after the names
* （责任单位：市行政审批局、市住建局） or （区市场局、区大数据中心）   responsible agencies only

The body's outline decides what is an area and what is a measure:

* ``一、`` sections that name no field (二、重点任务) whose ``（一）`` subsections hold numbered
  paragraphs ``1．``: the subsections are areas and the numbered paragraphs measures;
* ``一、`` sections that name their field (一、推进简政放权) whose ``（一）`` subsections hold
  numbered paragraphs ``1．``: the section is an area, each subsection a measure and its numbered
  paragraphs the items (as a table's area, measure and items);
* ``一、`` sections whose ``（一）`` subsections carry the agencies themselves: the section is an
  area and each subsection a measure;
* ``一、`` sections with numbered paragraphs carrying the agencies: the section is an area.

A section counts only when most of its items name agencies, so that a plan's general requirements
(总体要求) and safeguards (保障措施) stay sections. An item's text is split into action items at
each bracket of agencies: "…办理。（区市场局）…核查。（区市场局、区大数据中心）" is two items.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

import attrs
import regex

from .._lazy import LazyPattern
from ..dates import ONGOING_VERBS, ONGOING_WORDS, parse_deadline
from ..errors import ParseError
from ..extract import extract_targets
from ..fold import fold
from ..model import (
    Action,
    Agency,
    Area,
    Diagnostic,
    Measure,
    Section,
    Severity,
    Snippet,
    Span,
    Target,
    TargetKind,
)
from ._patterns import (
    _DONE_WORDS,
    _HELPING_LABELS,
    _LEAD_LABELS,
    _RESPONSIBLE_LABELS,
    _TIME_LABELS,
    LINE_BREAKS,
    _longest_first,
)
from ._targets import _deadline_cell

__all__ = ["read_agencies_with_roles", "read_body_measures"]

# A bracket with at most one level of brackets inside ("各市(区)人民政府"). The alternatives start
# with different characters and are possessive, so matching is linear in the text. Plans write the
# agencies in （）, (), 〔〕 or 【】 ("〔牵头单位:…,责任单位:…〕", "【牵头单位：…】").
# A line break may fall inside: a paragraph wrapped mid-sentence is read as one.
_BRACKET = LazyPattern(
    r"[（(〔【](?P<body>(?:[^（）()〔〕【】]|[（(][^（）()〔〕【】]*+[）)])++)[）)〕】]"
)
# The brackets an item's agencies may stand in (as _BRACKET reads them), folded.
_OPENING_BRACKETS = ("(", "〔", "【")
_CLOSING_BRACKETS = (")", "〕", "】")
# A measure's paragraph: numbered (1．, 1., 1、) or opened by a bullet (——, ●, ■), numbered in turn.
_BULLETS = "——|[●■◆▲★•]"
_NUMBERED = LazyPattern(rf"(?:(?P<number>\d{{1,3}})\s*[．.、]|(?P<bullet>{_BULLETS}))\s*")
# （1）, (1), or 1. / 1、 — a dot followed by a digit is a decimal, unless a year follows
# ("1.2019年9月底前…" is item 1).
_ITEM_MARKER = LazyPattern(
    r"(?:[（(]\s*(?P<number>\d{1,3})\s*[）)]|(?P<circled>[①-⑳])"
    r"|(?P<plain>\d{1,3})\s*[.．、](?:(?![0-9０-９])|(?=(?:19|20)\d\d年)))\s*"
)
_ROLE_LABEL = LazyPattern(
    rf"(?P<label>(?P<lead>{_longest_first(_LEAD_LABELS)})"
    rf"|(?P<responsible>{_longest_first(_RESPONSIBLE_LABELS)})"
    rf"|(?P<helping>{_longest_first(_HELPING_LABELS)})"
    rf"|(?P<time>{_longest_first(_TIME_LABELS)}))\s*[：:]"
)
# Role words after the names, longest first so that 牵头负责 is not read as 负责 after a name
# ending in 牵头.
_TRAILING_ROLE = LazyPattern(
    r"(?P<role>按职责分工负责|按职责分工落实|按职能分工负责|按职责负责|分工负责|牵头负责|牵头落实"
    r"|牵头实施|牵头|配合落实|配合|参与|协同|协助|共同负责|负责落实|负责)$"
)
_AGENCY_SEPARATOR = LazyPattern(r"[、，,；;]")
# A sentence within a paragraph, with what ends it; a clause of a sentence.
_SENTENCE = LazyPattern(r"(?P<body>[^。；;]+)[。；;]?")
_CLAUSE = LazyPattern(r"[^，,；;]+")
# The first character of an item's text: what is neither blank nor punctuation between sentences.
_CONTENT = LazyPattern(r"[^\s。；;，,]")
# "等", "等部门", "等有关单位" after the last name: others, unnamed, act too; not part of the name.
_OTHERS = LazyPattern(r"等(?:有关|相关)?(?:部门|单位)?$")
# What the name of an office, court, company or government ends with.
_AGENCY_SUFFIX = LazyPattern(
    # (not 试行, 暂行: 行 of a bank only; not 经营场所: 所 of an office)
    r"(?:局|委|办|厅|院|部|政府|中心|公司|集团|银行|分行|支行|会|(?<!场)所|署|室|站|队|社|处|馆|台|协会|"
    r"管委会|单位|部门|机关|组|监管局|营管部|各地区|各地|各区县|各县市|地区|机构)$"
)
# A piece of a bracket that is a deadline, not an agency: "6月底完成", "2020年底前", "长期".
_DEADLINE_PIECE = LazyPattern(
    r"(?:(?:19|20)\d\d年)?(?:\d{1,2}月)?(?:底|末|中旬|上旬|下旬|\d{1,2}日|内|上半年|下半年)?"
    rf"(?:前|以前|之前)?(?:{_DONE_WORDS})?"
    rf"|(?:{'|'.join(ONGOING_WORDS)})(?:{'|'.join(ONGOING_VERBS)})?"
)
# What closes a sentence or a clause of items, right after its text.
_CLOSING_MARKS = "。；;"
# What may follow an item's bracket of agencies (folded): its sentence's end, a line's, another
# bracket (of the time: （A、B）（2021年底前）).
_AFTER_AGENCIES = frozenset(_CLOSING_MARKS + LINE_BREAKS + "(〔【")
_SPACES = frozenset(" \t\u3000")
_CLOSING_MARKS_OR_LIST = _CLOSING_MARKS + "、，,"
# A word of completion ending a 时限 line's value: 2021年6月完成 is due by the month's end.
_DONE_END = LazyPattern(rf"(?:{_DONE_WORDS})$")
# "（第一责任单位为牵头单位，下同）": the first agency named leads, here and below.
_FIRST_LEADS = LazyPattern(r"[（(]?第一责任单位为牵头单位[^）)]{0,8}[）)]?")
# 以下均需…落实，不再列出: agencies named once for every item that follows.
_DEFAULTS = LazyPattern(
    r"(?:以下|下列)(?:各项|所有|全部)?(?:任务|工作|措施|事项)?中?(?P<names>[^，,。；;：:]{2,60}?)(?:均|都)(?:需|要|应|须)"
    r"[^，,。；;]{0,8}落实[，,;；]?[^。）)]{0,8}不再(?:一一)?列出"
)
# "发展改革委、商务部要牵头负责…": the agencies as the subject of a sentence.
_SUBJECT = LazyPattern(
    r"(?:^|[。；;，,])\s*(?:由)?(?P<names>[^。；;，,：:]{2,60}?)(?:要|应当|应|须|需|)"
    r"(?:牵头负责|牵头|负责)"
)
# A line that introduces the numbered measures of a task: "具体措施：".
_INTRO = LazyPattern(r"(?:具体|主要|工作|重点)?(?:措施|举措|任务|内容|要求|事项)(?:如下)?[：:]")
_MAX_AGENCY = 30
_TITLE_MAX = 40

Report = Callable[[Diagnostic], None]


@attrs.frozen
class _Responsibility:
    lead: tuple[Agency, ...]
    cooperating: tuple[Agency, ...]
    span: Span
    deadlines: tuple[Span, ...] = ()
    first_leads: bool = False  # says "第一责任单位为牵头单位，下同"
    bare: bool = False  # names alone, with no label and no role word: （区市场局、区大数据中心）


@attrs.frozen
class _Roles:
    """Agencies and deadlines read from a flat text; spans index that text."""

    lead: list[Agency]
    cooperating: list[Agency]
    deadlines: list[Span] = attrs.Factory(list)
    first_leads: bool = False
    # Whether the text writes who leads (牵头, 配合, 会同, 负责): a bare list, or 责任单位：…, does
    # not, and after "第一责任单位为牵头单位，下同" its first agency leads.
    roles_written: bool = True
    bare: bool = False  # names alone, with no label and no role word


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
            others = _OTHERS.search(name)
            if others is not None and others.start() > 0:
                name = name[: others.start()]  # "市财政局等(有关)部门" names 市财政局
            if name:
                offset = start + piece_start + (len(raw) - len(raw.lstrip()))
                agencies.append(Agency(name, Span(offset, offset + len(name))))
            piece_start = index + 1
    return agencies


def _only_roles(text: str) -> bool:
    """Tell whether a sentence only says who does the work: every clause is agencies and a role
    word ("A牵头，B、C配合"), with no bracket around it to say so."""
    if not _balanced(text):
        return False  # a name's bracket left open: what the names are is not clear
    for clause in _CLAUSE.findall(text):
        clause = clause.strip()
        role = _TRAILING_ROLE.search(clause)
        if role is None:
            return False
        names, helpers = _split_together(clause[: role.start()], 0)
        # Only "会同B负责" names no one before 会同: it names those acting with the lead.
        if (names or not clause.startswith("会同")) and not _looks_like_agencies(names):
            return False
        if helpers and not _looks_like_agencies(helpers):
            return False
    return True


def _balanced(text: str) -> bool:
    """Tell whether the round brackets of `text` close, one level deep at most, as in names."""
    depth = 0
    for char in text:
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth -= 1
        if not 0 <= depth <= 1:
            return False
    return depth == 0


def _left_open(text: str) -> bool:
    """Tell whether the (folded) roles `text` leaves a bracket open or closes one never opened
    (…,6月底完成)( closes one, then opens one): what its names are is not clear, and it is read
    as text."""
    if ")" not in text:
        return "(" in text  # most roles hold no bracket: no walk over their characters
    depth = 0
    for char in text:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return True
    return depth != 0


def _is_deadline(name: str) -> bool:
    return (
        bool(name)
        and _DEADLINE_PIECE.fullmatch(name) is not None
        and (any(c.isdigit() for c in name) or name.startswith(ONGOING_WORDS))
    )


def _split_together(text: str, start: int) -> tuple[list[Agency], list[Agency]]:
    """Split "A会同B" into the agencies that lead (A) and those they act together with (B)."""
    together = text.find("会同")
    if together < 0:
        return _split_names(text, start), []
    if together == 0:  # "（A牵头，会同B、C负责）": the clause names only those acting with A
        return [], _split_names(text[2:], start + 2)
    helpers = _split_names(text[together + 2 :], start + together + 2)
    return _split_names(text[:together], start), helpers


def _looks_like_agencies(agencies: list[Agency]) -> bool:
    return bool(agencies) and all(
        len(u.name) <= _MAX_AGENCY and _AGENCY_SUFFIX.search(u.name) and "。" not in u.name
        for u in agencies
    )


def _without_deadlines(names: list[Agency], deadlines: list[Span]) -> list[Agency]:
    kept = []
    for agency in names:
        if _is_deadline(agency.name):
            deadlines.append(agency.span)
        else:
            kept.append(agency)
    return kept


def _read_responsibility(body: str) -> _Roles | None:
    """Read the agencies and their roles in a bracket's text, or None when it names no agencies.

    `body` is folded (牽頭 reads as 牵头); a "第一责任单位为牵头单位" remark is blanked out first.
    """
    first_leads = False
    remark = _FIRST_LEADS.search(body)
    if remark is not None:
        first_leads = True
        body = body[: remark.start()] + "、" * len(remark.group()) + body[remark.end() :]
    labels = list(_ROLE_LABEL.finditer(body))
    lead: list[Agency] = []
    cooperating: list[Agency] = []
    deadlines: list[Span] = []
    if labels:
        if body[: labels[0].start()].strip(" ；;，,、"):
            return None
        has_lead = any(m["lead"] is not None for m in labels)
        for index, label in enumerate(labels):
            end = labels[index + 1].start() if index + 1 < len(labels) else len(body)
            value = body[label.end() : end].rstrip("；;，,、 ")
            if label["time"] is not None:
                stripped = value.lstrip()
                if stripped:
                    at = label.end() + len(value) - len(stripped)
                    deadlines.append(Span(at, at + len(stripped)))
                continue
            # A line or a sentence of roles may end with 。: no name's.
            names = _without_deadlines(_split_names(value.rstrip("。 "), label.end()), deadlines)
            if label["lead"] is not None or (
                not has_lead and label["responsible"] is not None and not first_leads
            ):
                lead.extend(names)
            elif first_leads and label["responsible"] is not None and not lead and names:
                lead.append(names[0])
                cooperating.extend(names[1:])
            else:
                cooperating.extend(names)
        if not lead and not cooperating:
            return None
        return _Roles(lead, cooperating, deadlines, first_leads, roles_written=has_lead)
    # "A、B牵头，C、D配合" or "A负责": roles written after the names, clause by clause.
    clauses = [(m.start(), m.group()) for m in _CLAUSE.finditer(body)]
    with_roles = [
        (offset, clause, _TRAILING_ROLE.search(clause.strip())) for offset, clause in clauses
    ]
    if any(role for _, _, role in with_roles):
        for offset, clause, role in with_roles:
            stripped = clause.strip()
            shift = offset + (len(clause) - len(clause.lstrip()))
            if role is None and _is_deadline(stripped):
                deadlines.append(Span(shift, shift + len(stripped)))
                continue
            names_text = stripped[: role.start()] if role else stripped
            if role is not None and names_text.startswith("由"):  # "由A牵头": 由 is not a name's
                names_text, shift = names_text[1:], shift + 1
            names, helpers = _split_together(names_text, shift)
            if not (
                _looks_like_agencies(names)
                or (role and names)
                or (not names and _looks_like_agencies(helpers))
            ):
                return None
            if (
                role is None
                or role["role"].startswith("牵头")
                or (role["role"].endswith("负责") and not lead)
            ):
                lead.extend(names)
            else:
                cooperating.extend(names)
            cooperating.extend(helpers)
        return _Roles(lead, cooperating, deadlines, first_leads)
    names = _split_names(body, 0)
    kept = _without_deadlines(names, deadlines)
    if not _looks_like_agencies(kept):
        return None
    if first_leads:
        return _Roles(kept[:1], kept[1:], deadlines, first_leads, bare=True)
    return _Roles(kept, [], deadlines, first_leads, roles_written=False, bare=True)


_LEAD_MARK = LazyPattern(r"[（(]\s*牵头(?:单位)?\s*[）)]$")


def _read_with_lead_marks(body: str) -> _Roles | None:
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
    return _Roles(lead, cooperating)


@attrs.frozen
class _Flat:
    """A piece of the source without line breaks and artifacts, folded, with each character's
    offset in the source: brackets wrapped across lines and Traditional copies read as one."""

    text: str
    positions: tuple[int, ...]
    source: str

    @classmethod
    def of(
        cls,
        source: str,
        folded: str,
        start: int,
        end: int,
        removed: frozenset[int],
        folded_start: int = 0,
    ) -> _Flat:
        """Flatten `source[start:end]`; `folded` is the source folded from `folded_start` on."""
        kept = tuple(
            i for i in range(start, end) if source[i] not in LINE_BREAKS and i not in removed
        )
        return cls("".join(folded[i - folded_start] for i in kept), kept, source)

    def span(self, span: Span) -> Span:
        return Span(self.positions[span.start], self.positions[span.end - 1] + 1)

    def agencies(self, agencies: list[Agency], clean: Callable[[str], str]) -> tuple[Agency, ...]:
        """Place `agencies` read in the flat text onto the source, named as the source writes."""
        placed = []
        for agency in agencies:
            span = self.span(agency.span)
            placed.append(Agency(clean(span.slice(self.source)), span))
        return tuple(placed)


def _flat_roles(
    text: str, start: int, end: int, read: Callable[[str], _Roles | None]
) -> tuple[tuple[Agency, ...], tuple[Agency, ...]] | None:
    """Read `text[start:end]` without its line breaks, folded, and map the agencies' spans back
    onto it."""
    flat = _Flat.of(text, fold(text[start:end]), start, end, frozenset(), folded_start=start)
    roles = read(flat.text)
    if roles is None:
        return None
    return flat.agencies(roles.lead, _strip), flat.agencies(roles.cooperating, _strip)


def _strip(text: str) -> str:
    return "".join(text.split())


def read_agencies_with_roles(
    text: str, start: int, end: int
) -> tuple[tuple[Agency, ...], tuple[Agency, ...]] | None:
    """Read a table's agencies cell that writes the roles itself, or None when it does not.

    "A牵头，B、C配合", "牵头单位：A；配合单位：B" and "A（牵头）、B、C" give A as the lead and
    B, C as cooperating agencies.
    """
    cell = fold(text[start:end])
    if "牵头" not in cell and "配合" not in cell:
        return None
    return _flat_roles(
        text,
        start,
        end,
        lambda flat: _read_with_lead_marks(flat) or _read_responsibility(flat),
    )


@attrs.define
class _Reader:
    text: str
    trim: Callable[[int, int], tuple[int, int]]
    clean: Callable[[str], str]
    report: Report
    folded: str = ""
    removed: frozenset[int] = frozenset()  # offsets inside export artifacts (pinyin)
    issue_date: datetime.date | None = None
    year: int | None = None  # the plan's year, when its title names one
    first_leads: bool = False  # "第一责任单位为牵头单位，下同" was read
    defaults: tuple[Agency, ...] = ()  # "以下均需…落实，不再列出"
    # The spans of the current measure's items read without agencies: a line of roles below
    # may still give them theirs (责任单位：…), so they are reported when the measure ends.
    unled: list[Span] = attrs.Factory(list)

    def __attrs_post_init__(self) -> None:
        if not self.folded:
            self.folded = fold(self.text)

    def flat(self, start: int, end: int) -> _Flat:
        return _Flat.of(self.text, self.folded, start, end, self.removed)

    def responsibilities(
        self, start: int, end: int, under_heading: bool = False
    ) -> list[_Responsibility]:
        """Read the brackets of agencies in `[start, end)`, and the sentences that only say who
        does the work ("…。市大数据局牵头，各区县政府配合。"), in order.

        Such a sentence counts after an item's text, or first when the text stands under a
        heading that it gives the agencies to (`under_heading`).
        """
        found = []
        brackets = []
        for match in _BRACKET.finditer(self.folded, start, end):
            responsibility = self.bracket_responsibility(match, end)
            if responsibility is not None:
                brackets.append(match.span())
                found.append(attrs.evolve(responsibility, span=Span(*match.span())))
                continue
            body = match["body"].strip()
            if (
                found
                and _is_deadline(body)
                and not self.folded[found[-1].span.end : match.start()].strip()
            ):
                # "（A牵头）（2021年底前完成）": the time of the agencies right before it.
                at = match.start("body") + match["body"].index(body)
                brackets.append(match.span())
                found[-1] = attrs.evolve(
                    found[-1],
                    span=Span(found[-1].span.start, match.end()),
                    deadlines=(*found[-1].deadlines, Span(at, at + len(body))),
                )
        item_start = -1  # where the text of the first item begins, found once

        def text_before(position: int) -> bool:
            nonlocal item_start
            if item_start < 0:
                _, _, cursor = self.marker(start, end)
                content = _CONTENT.search(self.folded, cursor, end)
                item_start = content.start() if content else end
            return item_start < position

        # Runs of sentences that a label opens: (start, the last one's body end, its end).
        labelled: list[tuple[int, int, int]] = []
        in_run = False
        next_bracket = 0
        for sentence in _SENTENCE.finditer(self.folded, start, end):
            while next_bracket < len(brackets) and brackets[next_bracket][1] <= sentence.start():
                next_bracket += 1
            opened = sentence.start() + len(sentence["body"]) - len(sentence["body"].lstrip())
            if not (
                next_bracket < len(brackets) and brackets[next_bracket][0] < sentence.start()
            ) and _ROLE_LABEL.match(self.folded, opened, end):
                # "…。责任单位：A、B。完成时限：…。": the roles written as sentences of the item's
                # paragraph, read together with the labelled sentences right after.
                if in_run:
                    labelled[-1] = (labelled[-1][0], sentence.end("body"), sentence.end())
                else:
                    labelled.append((opened, sentence.end("body"), sentence.end()))
                in_run = True
                continue
            in_run = False
            if not _TRAILING_ROLE.search(sentence["body"].rstrip()):
                continue  # the cheap test first: most sentences end with no role word
            if next_bracket < len(brackets) and brackets[next_bracket][0] < sentence.end():
                continue  # a bracket of agencies in the sentence: read as one
            if not text_before(sentence.start()) and not (under_heading and not found):
                continue  # no item before it: a sentence about the agencies, not of roles
            responsibility = self.responsibility(
                sentence.start(), sentence.end("body"), only_roles=True
            )
            if responsibility is not None:
                found.append(attrs.evolve(responsibility, span=Span(*sentence.span())))
        # Whether a bracket is open where each run starts, found in one walk over the runs.
        scanned, open_bracket = start, False
        for run_start, body_end, run_end in labelled:
            open_bracket = self._bracket_left_open(scanned, run_start, open_bracket)
            scanned = max(scanned, run_start)
            if not text_before(run_start):
                continue  # a paragraph of roles alone: a line of roles (line_roles)
            if _left_open(self.flat(run_start, body_end).text):
                continue  # a bracket left open: the item's text, as a line of roles would be
            if open_bracket:
                # "…。(牵头单位:A;责任单位:区政" cut at the text's end: the run is the bracket's
                # tail, its last name cut; the text stays the item's, and the cut is reported
                continue
            responsibility = self.responsibility(run_start, body_end)
            if responsibility is None:
                continue
            # A bracket inside the run is part of a name there (市发展改革委（市粮食局）).
            found = [other for other in found if not run_start <= other.span.start < run_end]
            found.append(attrs.evolve(responsibility, span=Span(run_start, run_end)))
        return sorted(found, key=lambda responsibility: responsibility.span.start)

    def bracket_responsibility(self, match: regex.Match[str], limit: int) -> _Responsibility | None:
        """Read the agencies of a bracket `_BRACKET` found in a text ending at `limit`."""
        responsibility = self.responsibility(match.start("body"), match.end("body"))
        if (
            responsibility is not None
            and responsibility.bare
            and not self._ends_sentence(match.start(), match.end(), limit)
        ):
            # 住所(经营场所)标准化, 《…办法(试行)》: a short aside inside a sentence, not a list
            # of agencies, which stands at a sentence's end
            return None
        return responsibility

    def _ends_sentence(self, start: int, end: int, limit: int) -> bool:
        """Tell whether the bracket at `[start, end)` stands where an item's agencies do: after
        a sentence's end (…。（A、B）) or before one, a line break, another bracket or `limit`."""
        folded = self.folded
        after = end
        while after < limit and folded[after] in _SPACES:
            after += 1
        if after >= limit or folded[after] in _AFTER_AGENCIES:
            return True
        before = start - 1
        while before >= 0 and folded[before] in _SPACES:
            before -= 1
        return before >= 0 and folded[before] in _CLOSING_MARKS

    def _bracket_left_open(self, start: int, end: int, was_open: bool) -> bool:
        """Tell whether a bracket is open at `end`, given whether one was at `start`: the last
        bracket in `[start, end)` says, or, with none there, what held before."""
        folded = self.folded
        opened = max(folded.rfind(bracket, start, end) for bracket in _OPENING_BRACKETS)
        closed = max(folded.rfind(bracket, start, end) for bracket in _CLOSING_BRACKETS)
        return was_open if opened == closed else opened > closed

    def responsibility(
        self, start: int, end: int, only_roles: bool = False
    ) -> _Responsibility | None:
        """Read the agencies written in `[start, end)`: a bracket's body, a labelled line, or with
        `only_roles` a sentence that must say nothing but who does the work."""
        flat = self.flat(start, end)
        if only_roles and not _only_roles(flat.text):
            return None
        roles = _read_responsibility(flat.text)
        if roles is None:
            return None
        lead = flat.agencies(roles.lead, self.clean)
        cooperating = flat.agencies(roles.cooperating, self.clean)
        if roles.first_leads and "下同" in flat.text:
            self.first_leads = True
        elif self.first_leads and not roles.roles_written and not cooperating:
            # "下同" said so above: of a list that writes no roles, the first agency leads.
            lead, cooperating = lead[:1], lead[1:]
        deadlines = tuple(flat.span(span) for span in roles.deadlines)
        return _Responsibility(
            lead, cooperating, Span(start, end), deadlines, roles.first_leads, roles.bare
        )

    def deadline_targets(self, spans: tuple[Span, ...]) -> tuple[Target, ...]:
        """Read the deadlines a bracket or a 时限 line gives (6月底完成 → due June's end)."""
        targets: list[Target] = []
        for span in spans:
            found, rest = _deadline_cell(
                self.text,
                span,
                extract_targets(
                    span.slice(self.text),
                    offset=span.start,
                    issue_date=self.issue_date,
                    year=self.year,
                ),
            )
            if found:
                targets.extend(found)
                for piece in rest:
                    start, end = self.trim(piece.start, piece.end)
                    if end == span.end:
                        # The 。 closing the sentence (完成期限：2021年6月底，视情况。) after
                        # what is no date ends that text: it is no date's either; so is a
                        # separator left at the line's end (…底前一、).
                        while end < len(self.text) and self.text[end] in _CLOSING_MARKS_OR_LIST:
                            end += 1
                    if start < end:
                        self.report(
                            Diagnostic(
                                Severity.WARNING,
                                "unparsed",
                                "text of a deadline that is no date",
                                Span(start, end),
                            )
                        )
                continue
            text = self.clean(span.slice(self.text))
            deadline = None
            phrase = _DONE_END.sub("", fold(text))
            if phrase and not phrase.endswith(("前", "内")):
                phrase += "底前" if phrase.endswith(("年", "月")) else "前"
            try:
                deadline = parse_deadline(phrase, issue_date=self.issue_date, year=self.year)
            except ParseError:
                deadline = None
            targets.append(Target(TargetKind.DEADLINE, text, span, deadline=deadline))
        return tuple(targets)

    def snippet(self, start: int, end: int) -> Snippet | None:
        start, end = self.trim(start, end)
        # Sentence punctuation left between an item's text and the next is not the item's.
        while start < end and self.text[start] in "。；;，,":
            start += 1
        start, end = self.trim(start, end)
        if start >= end:
            return None
        return Snippet(self.clean(self.text[start:end]), Span(start, end))

    def marker(self, start: int, end: int) -> tuple[int | None, Snippet | None, int]:
        """Read an item marker at `start`: its number, the marker, and where the text begins."""
        start, end = self.trim(start, end)
        while start < end and self.text[start] in "。；;，,":
            start += 1
        match = _ITEM_MARKER.match(self.folded, start, end)
        if match is None:
            return None, None, start
        if match["circled"] is not None:
            number = ord(match["circled"]) - ord("①") + 1
        else:
            number = int(match["number"] or match["plain"])
        marker_end = match.start() + len(match.group().rstrip())
        marker = Snippet(self.text[match.start() : marker_end], Span(match.start(), marker_end))
        return number, marker, match.end()

    def action(
        self,
        number: int,
        body: Snippet,
        marker: Snippet | None,
        responsibility: _Responsibility | None,
    ) -> Action:
        lead = responsibility.lead if responsibility else ()
        cooperating = responsibility.cooperating if responsibility else ()
        targets = self.deadline_targets(responsibility.deadlines) if responsibility else ()
        inferred = False
        if not lead and not cooperating:
            subject = self.subject(body.span.start, body.span.end)
            if subject is not None:
                lead, cooperating, inferred = subject[0], subject[1], True
        if self.defaults:
            named = {agency.name for agency in lead + cooperating}
            cooperating += tuple(a for a in self.defaults if a.name not in named)
        return Action(
            number=number,
            text=body.text,
            span=body.span,
            marker=marker,
            lead_agencies=lead,
            cooperating_agencies=cooperating,
            targets=targets,
            agencies_inferred=inferred,
        )

    def subject(self, start: int, end: int) -> tuple[tuple[Agency, ...], tuple[Agency, ...]] | None:
        """Read the agencies that are the subject of a sentence ("A、B要牵头负责…")."""
        flat = self.flat(start, end)
        for match in _SUBJECT.finditer(flat.text):
            names, helpers = _split_together(match["names"], match.start("names"))
            if _looks_like_agencies(names) and (not helpers or _looks_like_agencies(helpers)):
                return flat.agencies(names, self.clean), flat.agencies(helpers, self.clean)
        return None

    def actions(
        self, start: int, end: int, first_number: int, heading: Snippet | None = None
    ) -> list[Action]:
        """Split `[start, end)` into items at each bracket of agencies, numbered from the first.

        An item marker after a bracket starts the next item ("(1)…（A牵头负责）(2)…"). A bracket
        with nothing before it gives its agencies to `heading`, the task it stands under.
        """
        actions: list[Action] = []
        number = first_number
        found, marker, cursor = self.marker(start, end)
        if found is not None:
            number = found
        for responsibility in self.responsibilities(start, end, heading is not None):
            if responsibility.span.start < cursor:
                continue  # the marker itself, "(1)"
            body = self.snippet(cursor, responsibility.span.start)
            cursor = responsibility.span.end
            if body is None and heading is not None and not actions:
                body = heading
            heading = None
            if body is None:
                # Agencies right after a heading, before any item: no item to give them to.
                self.report(
                    Diagnostic(
                        Severity.WARNING,
                        "agencies-without-action",
                        "agencies (a bracket or a sentence of roles) with no item text before them",
                        responsibility.span,
                    )
                )
                continue
            actions.append(self.action(number, body, marker, responsibility))
            found, marker, cursor = self.marker(cursor, end)
            number = found if found is not None else number + 1
        rest = self.snippet(cursor, end)
        if rest is not None:
            action = self.action(number, rest, marker, None)
            actions.append(action)
            if not action.lead_agencies:
                self.unled.append(rest.span)
        elif marker is not None:
            # "(3)" and nothing after it: a text cut after the marker of its next item.
            self.report(
                Diagnostic(
                    Severity.WARNING,
                    "empty-item",
                    "an item marker with no text after it",
                    marker.span,
                )
            )
        return actions

    def line_roles(self, paragraph: Snippet) -> _Responsibility | None:
        """Read a line of roles or time below an item: "责任单位：…", "时限要求：…"."""
        flat = self.flat(paragraph.span.start, paragraph.span.end)
        label = _ROLE_LABEL.match(flat.text.lstrip())
        if label is None:
            return None
        if _left_open(flat.text):
            return None  # a bracket left open: read as text, and reported, not as roles
        responsibility = self.responsibility(paragraph.span.start, paragraph.span.end)
        if responsibility is None and label["time"] is not None:
            at = flat.text.index(label.group()) + len(label.group())
            value = flat.text[at:].strip()
            if value:
                begin = flat.text.index(value, at)
                span = flat.span(Span(begin, begin + len(value)))
                return _Responsibility((), (), paragraph.span, (span,))
        if responsibility is None:
            return None
        if self.first_leads and not responsibility.first_leads and not responsibility.lead:
            # "下同": the first agency of every 责任单位 line below leads.
            names = responsibility.cooperating
            responsibility = attrs.evolve(responsibility, lead=names[:1], cooperating=names[1:])
        elif self.first_leads and not responsibility.first_leads:
            names = responsibility.lead
            if not any(label["lead"] is not None for label in _ROLE_LABEL.finditer(flat.text)):
                responsibility = attrs.evolve(
                    responsibility,
                    lead=names[:1],
                    cooperating=names[1:] + responsibility.cooperating,
                )
        return attrs.evolve(responsibility, span=paragraph.span)

    def read_defaults(self, paragraph: Snippet) -> bool:
        """Read "以下…均需落实，不再列出" (agencies for every item below); tell if it was one."""
        flat = self.flat(paragraph.span.start, paragraph.span.end)
        match = _DEFAULTS.search(flat.text)
        if match is None:
            return False
        names = _split_names(match["names"], match.start("names"))
        if not _looks_like_agencies(names):
            return False
        self.defaults = flat.agencies(names, self.clean)
        return True

    def measure(self, number: int, heading: Snippet, body: list[Snippet]) -> Measure:
        actions: list[Action] = []
        task = self.heading_text(heading)
        assigned = 0  # actions before this index have had a line of roles applied
        group = 0  # where the items of the last line of roles begin
        for paragraph in body:
            if _INTRO.fullmatch(fold(paragraph.text)):
                self.report(
                    Diagnostic(
                        Severity.INFO,
                        "list-intro",
                        "a line introducing the measures below",
                        paragraph.span,
                    )
                )
                continue
            if self.read_defaults(paragraph):
                self.report(
                    Diagnostic(
                        Severity.INFO,
                        "default-agencies",
                        "agencies named once for every item below",
                        paragraph.span,
                    )
                )
                continue
            roles = self.line_roles(paragraph) if actions or task is not None else None
            if roles is not None:
                if not actions and task is not None:
                    # "1．企业开办…。" then 牵头单位：… lines: the heading is the item they assign.
                    actions.append(self.action(1, task, None, None))
                if roles.lead or roles.cooperating:
                    group = assigned
                    assigned = len(actions)
                # A 时限 line belongs to the items of the 责任单位 line above it.
                start = assigned if assigned < len(actions) else group
                # Items whose brackets (or sentences) of roles gave them theirs keep them.
                open_items = [
                    index
                    for index in range(start, len(actions))
                    if not (roles.lead or roles.cooperating)
                    or not actions[index].lead_agencies
                    or actions[index].agencies_inferred
                ]
                if not open_items:
                    # Roles again below items a line of roles already gave theirs: they are
                    # not read over those, nor dropped without a word.
                    self.report(
                        Diagnostic(
                            Severity.WARNING,
                            "agencies-without-action",
                            "a line of roles below items that already have theirs",
                            paragraph.span,
                        )
                    )
                    continue
                for index in open_items:
                    actions[index] = self.assigned(actions[index], roles)
                continue
            found = self.actions(
                paragraph.span.start,
                paragraph.span.end,
                len(actions) + 1,
                task if not actions else None,
            )
            actions.extend(found)
        led = {action.span for action in actions if action.lead_agencies}
        for span in self.unled:
            if span not in led:
                self.report(
                    Diagnostic(
                        Severity.WARNING,
                        "no-lead-agency",
                        "an item with no agencies written after it",
                        span,
                    )
                )
        self.unled.clear()
        return Measure(number=number, title=heading.text, span=heading.span, actions=tuple(actions))

    def assigned(self, action: Action, roles: _Responsibility) -> Action:
        """Give an item the agencies and deadline of the lines below it."""
        targets = action.targets + self.deadline_targets(roles.deadlines)
        if roles.lead or roles.cooperating:
            named = {agency.name for agency in roles.lead + roles.cooperating}
            defaults = tuple(a for a in self.defaults if a.name not in named)
            return attrs.evolve(
                action,
                lead_agencies=roles.lead,
                cooperating_agencies=roles.cooperating + defaults,
                agencies_inferred=False,
                targets=targets,
            )
        return attrs.evolve(action, targets=targets)

    def heading_text(self, heading: Snippet) -> Snippet | None:
        """Return a heading's text without its number: the task when a bracket follows it."""
        match = _HEADING_NUMBER.match(self.folded, heading.span.start, heading.span.end)
        start = match.end() if match else heading.span.start
        return self.snippet(start, heading.span.end)

    def numbered(self, paragraph: Snippet) -> tuple[int, Snippet, Snippet | None] | None:
        """Split "1．title。text" into its number, its heading "1．title。" and the text after;
        a paragraph opened by a bullet ("——title。text") has the number 0."""
        match = _NUMBERED.match(self.folded, paragraph.span.start, paragraph.span.end)
        if match is None:
            return None
        stop = self.folded.find("。", match.end(), paragraph.span.end)
        bracket = _BRACKET.search(self.folded, match.end(), paragraph.span.end)
        sentence = self.folded[match.end() : stop]
        if (
            stop == -1
            or stop - match.end() > _TITLE_MAX
            or (
                # (an aside in the title, 住所(经营场所)登记, is the title's)
                bracket
                and bracket.start() < stop
                and self.bracket_responsibility(bracket, paragraph.span.end) is not None
            )
            or "," in sentence
        ):
            title_end = match.end()  # no short title: the whole paragraph is the item
        else:
            title_end = stop + 1
        heading = Snippet(
            self.clean(self.text[match.end() : title_end]).rstrip("。"),
            Span(paragraph.span.start, title_end),
        )
        number = int(match["number"]) if match["number"] is not None else 0  # 0: a bullet
        return number, heading, self.snippet(title_end, paragraph.span.end)


# The number before a heading's text: "（一）", "1.", "一、".
_HEADING_NUMBER = LazyPattern(
    r"\s*(?:[（(]\s*[〇零一二三四五六七八九十\d]{1,3}\s*[）)]|[〇零一二三四五六七八九十\d]{1,3}\s*[、.．]"
    rf"|{_BULLETS})\s*"
)


def _count_with_agencies(reader: _Reader, paragraphs: list[Snippet]) -> int:
    return sum(
        bool(reader.responsibilities(p.span.start, p.span.end))
        or _ROLE_LABEL.match(fold(p.text)) is not None
        for p in paragraphs
    )


def _numbered_groups(
    reader: _Reader, paragraphs: tuple[Snippet, ...]
) -> tuple[list[Snippet], list[tuple[int, Snippet, list[Snippet]]]]:
    """Split paragraphs into the numbered groups and the rest: those before the first numbered
    one, and the document's closing provisions after them (本措施自印发之日起施行)."""
    before: list[Snippet] = []
    groups: list[tuple[int, Snippet, list[Snippet]]] = []
    for paragraph in paragraphs:
        numbered = reader.numbered(paragraph)
        if numbered is not None:
            number, heading, rest = numbered
            if number == 0:  # a bullet: the next in turn
                number = groups[-1][0] + 1 if groups else 1
            groups.append((number, heading, [rest] if rest else []))
        elif groups and not _is_closing(paragraph):
            groups[-1][2].append(paragraph)
        else:
            before.append(paragraph)
    return before, groups


# What a document says of itself as it ends: 本措施自印发之日起施行, 本方案由市发展改革委负责解释.
_CLOSING = LazyPattern(
    r"本(?:实施|行动|工作)?(?:方案|措施|意见|计划|通知|办法|规定|细则|要点|政策|清单)"
    r"[^，,。；;]{0,12}?(?:自|从|由|有效期|施行|执行|解释|之日)"
)


# A section's title that names no field of its own, only that tasks follow: 重点任务, 主要任务及责任
# 分工, 工作措施, 目标任务.
_GENERIC_TITLE = LazyPattern(
    r"(?:主要|重点|具体|核心|工作|改革|目标|任务|举措|措施|内容|行动|清单|分工|责任|安排|进度"
    r"|及|和|与|、)+"
)


def _is_closing(paragraph: Snippet) -> bool:
    return _CLOSING.match(fold(paragraph.text)) is not None


def _mostly(count: int, total: int) -> bool:
    return total > 0 and count >= 1 and 2 * count >= total


def read_body_measures(
    sections: tuple[Section, ...],
    text: str,
    trim: Callable[[int, int], tuple[int, int]],
    clean: Callable[[str], str],
    report: Report,
    *,
    folded: str = "",
    removed: frozenset[int] = frozenset(),
    issue_date: datetime.date | None = None,
    year: int | None = None,
) -> tuple[tuple[Section, ...], tuple[Area, ...]]:
    """Return the sections without the parts that list measures, and those measures' areas.

    `folded` is `text` folded (fold.py), `removed` the offsets of export artifacts in it, and
    `issue_date` resolves deadlines written without a year ("6月底完成"), in the plan's `year`
    when its title names one.
    """
    reader = _Reader(text, trim, clean, report, folded, removed, issue_date, year)
    kept: list[Section] = []
    areas: list[Area] = []
    for section in sections:
        kept_section, section_areas = _read_section(reader, section, len(areas))
        kept.append(kept_section)
        areas.extend(section_areas)
    return tuple(kept), tuple(areas)


def _read_section(reader: _Reader, section: Section, done: int) -> tuple[Section, list[Area]]:
    for paragraph in section.paragraphs:
        reader.read_defaults(paragraph)  # "以下…均需落实，不再列出", before the measures
    # Subsections as areas, their numbered paragraphs as measures.
    grouped = [(sub, *_numbered_groups(reader, sub.paragraphs)) for sub in section.subsections]
    items = [group for _, _, groups in grouped for group in groups]
    with_agencies = sum(_count_with_agencies(reader, body) > 0 for _, _, body in items)
    # A subsection whose own text names agencies is a task, and its numbered paragraphs the
    # items under it ("（一）…（A牵头）" / "具体措施：" / "1.…（A牵头）"): read below.
    tasks = any(_count_with_agencies(reader, before) for _, before, _ in grouped)
    # Under a section that names its field (一、推进简政放权), the subsections are its measures and
    # their numbered paragraphs the items (as a table's area, measure and items); under one that
    # names no field (二、重点任务), the subsections are the areas.
    subs = section.subsections
    subsections_measures = _mostly(
        sum(_count_with_agencies(reader, list(sub.paragraphs)) > 0 for sub in subs), len(subs)
    )
    if (
        items
        and not tasks
        and _mostly(with_agencies, len(items))
        and (not subsections_measures or _GENERIC_TITLE.fullmatch(fold(section.title)))
    ):
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
    if subs and subsections_measures:
        measures = []
        introduced: list[Section] = []
        for sub, before, groups in grouped:
            # (一)企业开办。在市场准入…深入推进改革。/ 1.…（A牵头）: where numbered items follow and
            # no subsection's own text names agencies, the text before them introduces them, and
            # stays the subsection's text (it is no item).
            lead_in = before if groups and not tasks else []
            if lead_in:
                introduced.append(attrs.evolve(sub, paragraphs=tuple(lead_in)))
            measures.append(
                reader.measure(
                    sub.ordinal,
                    Snippet(sub.title, sub.span),
                    [p for p in sub.paragraphs if not _is_closing(p) and p not in lead_in],
                )
            )
        closing = tuple(p for sub in subs for p in sub.paragraphs if _is_closing(p))
        area = Area(done + 1, section.title, section.span, tuple(measures))
        kept = attrs.evolve(
            section, paragraphs=section.paragraphs + closing, subsections=tuple(introduced)
        )
        return kept, [area]
    # Numbered paragraphs of the section as its measures.
    before, groups = _numbered_groups(reader, section.paragraphs)
    with_agencies = sum(_count_with_agencies(reader, body) > 0 for _, _, body in groups)
    if groups and not subs and _mostly(with_agencies, len(groups)):
        measures = [reader.measure(n, heading, body) for n, heading, body in groups]
        area = Area(done + 1, section.title, section.span, tuple(measures))
        return attrs.evolve(section, paragraphs=tuple(before)), [area]
    return section, []
