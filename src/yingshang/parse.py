"""Turn the text of a plan into a `Plan`: the notice, the body, and the attachment table.

The parser works on lines and never loses text: each piece of the source lands in a node of the
model (with its span) or in a `Diagnostic` that says why it was not understood. Rules are written
for the family of such plans as Word exports them, not for one document:

* the attachment table comes as rows separated by blank lines; each cell starts with a tab, and
  a line without a tab continues the cell above it (a new paragraph inside the cell);
* the area and measure cells of a continuation row are empty (vertically merged in Word), and
  headings repeat after a page break;
* the lead and cooperating units are the last two columns, counted from the right, since merged
  header cells make the header shorter than the rows.
"""

from __future__ import annotations

import datetime
import os
from collections import Counter
from collections.abc import Iterator

import attrs
import regex

from ._inline import read_body_measures, read_units_with_roles
from .dates import parse_chinese_date, parse_deadline
from .errors import ParseError
from .extract import extract_targets
from .model import (
    Action,
    Area,
    Attachment,
    Diagnostic,
    Measure,
    Notice,
    Plan,
    Section,
    Severity,
    Snippet,
    Span,
    Target,
    TargetKind,
    Unit,
)
from .numbers import parse_number
from .readers import Limits, decode, read_file

__all__ = ["clean_text", "decode", "parse", "parse_file"]

# --- patterns ------------------------------------------------------------------------------------

_CHINESE_DIGITS = "〇零一二三四五六七八九十"

# Word and its converters leave markers such as "[bookmark: _GoBack]" in the text, and PDF
# conversions leave page numbers on lines of their own ("— 3 —", "-12-").
EXPORT_ARTIFACT = regex.compile(
    r"\[(?:bookmark|footnoteRef|endnoteRef|annotation):[^\]\n]{0,200}\]"
    r"|(?m:^[ \t\u3000]*+[-—–－][ \t\u3000]*+\d{1,4}[ \t\u3000]*+[-—–－][ \t\u3000]*+$)"
)

# Characters every export artifact holds: most text has none, and needs no substitution.
_MAY_HOLD_ARTIFACT = regex.compile(r"[\[\-—–－]")

# What str.splitlines() splits at, so that a text without any needs no splitting.
_LINE_BREAK = regex.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")

# Characters no text document contains; they mean binary data or a wrong decoding.
_CONTROL_CHARACTER = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

DOCUMENT_NUMBER = regex.compile(
    r"""
    ^\s*
    (?P<number>
        [^\s〔［\[【（(]{1,20}             # issuer's prefix, e.g. 渝府办发
        [〔［\[【（(] \s* \d{4} \s* [〕］\]】）)]  # year in brackets, e.g. 〔2019〕
        \s* \d{1,4} \s* 号                  # serial, e.g. 81号
    )
    \s*$
    """,
    regex.VERBOSE,
)

_DATE_LINE = regex.compile(
    rf"""
    ^\s*
    (?P<date>
        (?P<year>\d{{4}}|[〇零一二三四五六七八九]{{4}}) \s* 年 \s*
        (?P<month>\d{{1,2}}|[{_CHINESE_DIGITS}]{{1,3}}) \s* 月 \s*
        (?P<day>\d{{1,2}}|[{_CHINESE_DIGITS}]{{1,3}}) \s* 日
    )
    \s*$
    """,
    regex.VERBOSE,
)

# 一、总体要求 — a top-level heading of the body or an area of the table.
_ORDINAL_HEADING = regex.compile(
    rf"^(?P<ordinal>[{_CHINESE_DIGITS}]{{1,3}})\s*[、．.]\s*(?P<title>\S.*)$"
)
# （一）加强组织领导。
_SUBSECTION_HEADING = regex.compile(
    rf"^[（(]\s*(?P<ordinal>[{_CHINESE_DIGITS}]{{1,3}})\s*[）)]\s*(?P<title>\S.*)$"
)
# 1．精简企业开办流程 — the ASCII dot also occurs ("50.增强信息披露透明度").
_MEASURE_HEADING = regex.compile(r"^(?P<number>\d{1,4})\s*[．.、]\s*(?P<title>\S.*)$")
# No "^": it is matched with a start position, where "^" would never match. Items are numbered
# （1）, (1), ①, or 1．/1、 in tables whose measures are numbered （一） (never 3.25元: a digit
# after the dot is a decimal).
_ITEM_MARKER = regex.compile(
    r"(?:[（(]\s*(?P<number>\d{1,3})\s*[）)]|(?P<circled>[①-⑳])"
    r"|(?P<plain>\d{1,2})\s*[．.、](?![0-9０-９]))\s*"
)
_ATTACHMENT_REFERENCE = regex.compile(r"^附件\s*\d{0,2}\s*[：:]\s*\S")
_ATTACHMENT_MARKER = regex.compile(r"^附件\s*\d{0,2}\s*[：:]?")
# Unit separators (outside brackets) and the brackets themselves, in a units cell.
_UNIT_SEPARATOR_OR_BRACKET = regex.compile(r"[、，,；;\n（()）]")
_LEAD_HEADER = regex.compile(r"牵头")
_COOPERATING_HEADER = regex.compile(r"配合|协办|参与")
# 责任单位 is the lead where no column says 牵头, and the cooperating units where one does.
_RESPONSIBLE_HEADER = regex.compile(r"责任单位|责任部门|负责单位|承办单位|实施单位")
_MEASURE_NUMBER_CELL = regex.compile(r"\d{1,4}[．.、]?")
# 目标任务 heads the areas column in some tables (Chongqing's); it is not a title column.
_TITLE_HEADER = regex.compile(r"(?<!目标)任务|事项|举措")
_DEADLINE_HEADER = regex.compile(r"时限|完成时间|时间节点|时间要求|完成期限|时间安排")
# A deadline cell may name a bare period ("2020年", "2019年12月"): the work is due by its end.
_BARE_PERIOD = regex.compile(r"\d{4}\s*年(?:\s*\d{1,2}\s*月)?")
_HEADER_CELL_MAX = 12

# Every character str.isspace() accepts (they all lie below U+3001), and the byte-order mark:
# Word exports pad signatures with U+2002 EN SPACE and indent with U+3000 IDEOGRAPHIC SPACE.
_BLANK = "".join(chr(code) for code in range(0x3001) if chr(code).isspace()) + "\ufeff"


# --- files ---------------------------------------------------------------------------------------


def parse_file(path: str | os.PathLike[str], *, limits: Limits | None = None) -> Plan:
    """Read and parse the plan in the file at `path`: text, Word (.docx), web page or PDF.

    The format is told by the file's content; `yingshang.readers` renders it into the canonical
    text, which the plan keeps in `Plan.source` (its spans slice it). `limits` bounds what is
    read (`yingshang.readers.Limits`).

    Raises `ParseError` for a file that cannot be read (`ReadError` and its kinds:
    `LimitExceededError`, `UnsupportedFormatError`, `UnsafeContentError`) or text that is not
    a plan, `MissingDependencyError` naming the extra a format needs, and `OSError` when the file
    cannot be opened.
    """
    source = read_file(path, limits=limits)
    return attrs.evolve(parse(source.text), source=source)


def clean_text(text: str) -> str:
    """Return `text` as the model stores it: export artifacts and line breaks removed, trimmed.

    For every node, ``clean_text(source[node.span.start:node.span.end])`` equals its text.
    """
    if _MAY_HOLD_ARTIFACT.search(text):
        text = EXPORT_ARTIFACT.sub("", text)
    if not _LINE_BREAK.search(text):
        return text.strip(_BLANK)  # most cells: one line, nothing to remove
    return "".join(line.strip(_BLANK) for line in text.splitlines()).strip(_BLANK)


# --- lines ---------------------------------------------------------------------------------------


@attrs.frozen
class _Line:
    """One line of the source: `start`/`end` exclude the line break."""

    number: int
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip(_BLANK)

    @property
    def starts_cell(self) -> bool:
        return self.text.startswith("\t")


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    start = 0
    for number, raw in enumerate(text.splitlines(keepends=True), start=1):
        body = raw.rstrip("\r\n")
        lines.append(_Line(number, start, start + len(body), body))
        start += len(raw)
    return lines


class _Source:
    """The text being parsed, with the spans of removed artifacts and the diagnostics so far."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.diagnostics: list[Diagnostic] = []
        self.artifacts = [Span(m.start(), m.end()) for m in EXPORT_ARTIFACT.finditer(text)]
        # Where each artifact ends, by its start, and the reverse: trimming looks them up.
        self._artifact_ends = {span.start: span.end for span in self.artifacts}
        self._artifact_starts = {span.end: span.start for span in self.artifacts}
        # The table reads each cell more than once (header test, blank test, the row itself).
        self._snippets: dict[tuple[int, int], Snippet | None] = {}
        for span in self.artifacts:
            self.report(
                Severity.INFO,
                "export-artifact",
                f"removed the export artifact {span.slice(text)!r}",
                span,
            )

    def report(self, severity: Severity, code: str, message: str, span: Span) -> None:
        self.diagnostics.append(Diagnostic(severity, code, message, span))

    def in_sequence(self, what: str, number: int, expected: int, span: Span) -> bool:
        """Tell whether `number` is the one expected; report it when not (it is kept as written)."""
        if number != expected:
            message = f"{what} numbered {number} where {expected} was expected"
            self.report(Severity.WARNING, "out-of-sequence", message, span)
        return number == expected

    def unparsed(self, reason: str, start: int, end: int) -> None:
        """Keep text the parser could not place, if it holds anything but blanks."""
        snippet = self.snippet(start, end)
        if snippet is not None:
            self.report(Severity.WARNING, "unparsed", reason, snippet.span)

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """Narrow `[start, end)` past blanks and artifacts at either end."""
        text = self.text
        changed = True
        while changed and start < end:
            changed = False
            while start < end and text[start] in _BLANK:
                start += 1
                changed = True
            artifact_end = self._artifact_ends.get(start)
            if artifact_end is not None and artifact_end <= end:
                start = artifact_end
                changed = True
            while end > start and text[end - 1] in _BLANK:
                end -= 1
                changed = True
            artifact_start = self._artifact_starts.get(end)
            if artifact_start is not None and artifact_start >= start:
                end = artifact_start
                changed = True
        return start, end

    def snippet(self, start: int, end: int) -> Snippet | None:
        """Return the trimmed, cleaned text of `[start, end)`, or None if it is blank."""
        key = (start, end)
        if key not in self._snippets:
            start, end = self.trim(start, end)
            snippet = None
            if start < end:
                snippet = Snippet(clean_text(self.text[start:end]), Span(start, end))
            self._snippets[key] = snippet
        return self._snippets[key]


# --- numerals ------------------------------------------------------------------------------------


def _small_numeral(text: str) -> int | None:
    """Read an ordinal as headings write it (十二, 二十, 3), or None when it is not one."""
    try:
        value = parse_number(text)
    except ParseError:
        return None
    return int(value) if value == value.to_integral_value() and 0 < value < 1000 else None


def _issue_date(text: str) -> datetime.date | None:
    try:
        return parse_chinese_date(text)
    except ParseError:
        return None


# --- the front matter: notice, title, body -------------------------------------------------------


def _nonblank(lines: list[_Line]) -> Iterator[tuple[int, _Line]]:
    return ((index, line) for index, line in enumerate(lines) if not line.blank)


def _with_text(source: _Source, lines: list[_Line]) -> Iterator[tuple[int, _Line]]:
    """Yield the lines that hold text once artifacts are removed (not a lone page number)."""
    return (
        (index, line)
        for index, line in _nonblank(lines)
        if source.snippet(line.start, line.end) is not None
    )


class _FrontMatter:
    """Parses the lines before the attachment: the notice, the plan's title, the body."""

    # How far into the text a notice's title and document number may stand.
    _NOTICE_LOOKAHEAD = 6

    def __init__(self, source: _Source, lines: list[_Line]) -> None:
        self.source = source
        self.lines = lines

    def parse(self) -> tuple[Snippet, Notice | None, list[Snippet], list[Section], list[Snippet]]:
        position, notice = self._notice()
        title_index = next(
            (i for i, line in _with_text(self.source, self.lines) if i >= position), None
        )
        if title_index is None:
            end = self.lines[-1].end if self.lines else 0
            raise ParseError("the plan's title", self.source.text, end)
        title_line = self.lines[title_index]
        if not _looks_like_title(title_line.text):
            raise ParseError(
                "the plan's title (a line such as 重庆市营商环境优化提升工作方案)",
                self.source.text,
                self.source.trim(title_line.start, title_line.end)[0],
            )
        title = self._line_snippet(title_line)
        body_index = title_index + 1
        if body_index < len(self.lines) and _SUBTITLE.fullmatch(
            self.lines[body_index].text.strip(_BLANK)
        ):
            # "（2019—2020年）" on the line below the title belongs to it.
            joined = self.source.snippet(title_line.start, self.lines[body_index].end)
            assert joined is not None
            title, body_index = joined, body_index + 1
        preamble, sections, references = self._body(body_index)
        return title, notice, preamble, sections, references

    def _line_snippet(self, line: _Line) -> Snippet:
        snippet = self.source.snippet(line.start, line.end)
        assert snippet is not None  # callers pass non-blank lines only
        return snippet

    def _notice(self) -> tuple[int, Notice | None]:
        """Find the notice; return the index of the first line after it, and the notice."""
        head = [(i, line) for i, line in _with_text(self.source, self.lines)][
            : self._NOTICE_LOOKAHEAD
        ]
        number_at = next((i for i, line in head if DOCUMENT_NUMBER.match(line.text)), None)
        title_end = next((i for i, line in head if line.text.strip(_BLANK).endswith("通知")), None)
        if number_at is None and title_end is None:
            return 0, None
        title_lines = [
            line for i, line in head if title_end is not None and i <= title_end and i != number_at
        ]
        title = None
        if title_lines:
            title = self.source.snippet(title_lines[0].start, title_lines[-1].end)
        number = self._line_snippet(self.lines[number_at]) if number_at is not None else None
        position = max(i for i in (number_at, title_end) if i is not None) + 1
        start = head[0][1].start
        for i, line in head:
            if i < position and i != number_at and all(i != t.number - 1 for t in title_lines):
                self.source.unparsed(
                    "a line between the notice's title and number", line.start, line.end
                )
        end = self.lines[position - 1].end
        if title_end is None:
            # Only a document number above the plan's own title: no notice text follows.
            notice = Notice(span=Span(*self.source.trim(start, end)), document_number=number)
            return position, notice
        recipients: Snippet | None = None
        paragraphs: list[tuple[int, Snippet]] = []
        issuer: Snippet | None = None
        date: datetime.date | None = None
        date_text: Snippet | None = None
        remarks: list[Snippet] = []
        date_at: int | None = None
        for i, line in _with_text(self.source, self.lines):
            if i < position:
                continue
            if recipients is None and not paragraphs and _looks_like_recipients(line.text):
                recipients = self._line_snippet(line)
                continue
            match = _DATE_LINE.match(line.text)
            if match:
                date_at = i
                date = _issue_date(match["date"])
                date_text = self._line_snippet(line)
                break
            if _ORDINAL_HEADING.match(line.text.strip(_BLANK)):
                break  # the body began: this notice has no signature
            paragraphs.append((i, self._line_snippet(line)))
        if date_at is None:
            # Without a signature the notice's end is unknown: keep only title and number.
            return position, Notice(
                span=Span(*self.source.trim(start, end)),
                title=title,
                document_number=number,
            )
        if paragraphs and _looks_like_signature(paragraphs[-1][1].text):
            issuer = paragraphs.pop()[1]
        position = date_at + 1
        for i, line in _with_text(self.source, self.lines):
            if i < position:
                continue
            text = line.text.strip(_BLANK)
            if text.startswith(("（", "(")) and text.endswith(("）", ")")) and len(text) <= 20:
                remarks.append(self._line_snippet(line))
                position = i + 1
                continue
            break
        if issuer is None and title is not None and "关于" in title.text:
            issuer_text = title.text.partition("关于")[0]
            offset = title.span.start
            if issuer_text and self.source.text.startswith(issuer_text, offset):
                issuer = Snippet(issuer_text, Span(offset, offset + len(issuer_text)))
        end = self.lines[position - 1].end
        notice = Notice(
            span=Span(*self.source.trim(start, end)),
            title=title,
            document_number=number,
            recipients=recipients,
            paragraphs=tuple(snippet for _, snippet in paragraphs),
            issuer=issuer,
            issue_date=date,
            issue_date_text=date_text,
            remarks=tuple(remarks),
        )
        return position, notice

    def _body(self, position: int) -> tuple[list[Snippet], list[Section], list[Snippet]]:
        preamble: list[Snippet] = []
        references: list[Snippet] = []
        sections: list[_SectionBuilder] = []
        # Where the last paragraph went, if the next line may continue it (see _continues).
        open_paragraphs: list[Snippet] | None = None
        last_paragraphs: list[Snippet] | None = None  # where the last paragraph went, at all
        previous_index = -2
        for index, line in _with_text(self.source, self.lines[position:]):
            text = line.text.strip(_BLANK)
            # Adjacent: no blank line since the last one (a lone page number is no break).
            between = self.lines[position + previous_index + 1 : position + index]
            adjacent = previous_index >= 0 and not any(other.blank for other in between)
            previous_index = index
            if last_paragraphs is not None and adjacent and _must_continue(text):
                open_paragraphs = last_paragraphs
            if open_paragraphs is not None and adjacent and _continues(text):
                # A line wrapped mid-sentence (text converted from PDF): one paragraph.
                last = open_paragraphs.pop()
                joined = self.source.snippet(last.span.start, line.end)
                assert joined is not None  # it holds the non-blank paragraph before
                open_paragraphs.append(joined)
                last_paragraphs = open_paragraphs
                open_paragraphs = open_paragraphs if _open_ended(text) else None
                continue
            snippet = self._line_snippet(line)
            heading = _ORDINAL_HEADING.match(text)
            subheading = _SUBSECTION_HEADING.match(text)
            target: list[Snippet] | None
            if _ATTACHMENT_REFERENCE.match(text):
                target = references
                target.append(snippet)
            elif heading and (ordinal := _small_numeral(heading["ordinal"])):
                sections.append(_SectionBuilder.from_heading(ordinal, snippet, self.source))
                target = sections[-1].paragraphs or None  # only a run-in text may go on
            elif sections and subheading and (ordinal := _small_numeral(subheading["ordinal"])):
                sections[-1].subsections.append(
                    _SectionBuilder.from_heading(ordinal, snippet, self.source)
                )
                target = sections[-1].subsections[-1].paragraphs or None
            elif sections:
                parent = sections[-1].subsections[-1] if sections[-1].subsections else sections[-1]
                target = parent.paragraphs
                target.append(snippet)
            else:
                target = preamble
                target.append(snippet)
            last_paragraphs = target
            open_paragraphs = target if target is not None and _open_ended(text) else None
        self._check_order([s.ordinal for s in sections], [s.span for s in sections], "section")
        for section in sections:
            self._check_order(
                [s.ordinal for s in section.subsections],
                [s.span for s in section.subsections],
                "subsection",
            )
        return preamble, [s.freeze() for s in sections], references

    def _check_order(self, ordinals: list[int], spans: list[Span], what: str) -> None:
        for expected, (ordinal, span) in enumerate(zip(ordinals, spans, strict=True), start=1):
            if not self.source.in_sequence(what, ordinal, expected, span):
                return


@attrs.define
class _SectionBuilder:
    ordinal: int
    title: str
    span: Span
    paragraphs: list[Snippet] = attrs.Factory(list)
    subsections: list[_SectionBuilder] = attrs.Factory(list)

    @classmethod
    def from_heading(cls, ordinal: int, heading: Snippet, source: _Source) -> _SectionBuilder:
        """Split "（一）加强组织领导。成立…" into its title and the run-in text after it."""
        text = source.text
        raw = heading.span.slice(text)
        # Skip the ordinal and its punctuation to reach the title.
        match = _ORDINAL_HEADING.match(raw) or _SUBSECTION_HEADING.match(raw)
        title_start = heading.span.start + (match.start("title") if match else 0)
        stop = text.find("。", title_start, heading.span.end)
        if stop == -1 or stop == heading.span.end - 1:
            title = clean_text(text[title_start : heading.span.end]).rstrip("。：:")
            return cls(ordinal, title, heading.span)
        builder = cls(
            ordinal, clean_text(text[title_start:stop]), Span(heading.span.start, stop + 1)
        )
        rest = source.snippet(stop + 1, heading.span.end)
        if rest is not None:
            builder.paragraphs.append(rest)
        return builder

    def freeze(self) -> Section:
        return Section(
            ordinal=self.ordinal,
            title=self.title,
            span=self.span,
            paragraphs=tuple(self.paragraphs),
            subsections=tuple(s.freeze() for s in self.subsections),
        )


# What a paragraph ends with: a line ending otherwise was wrapped mid-sentence.
_PARAGRAPH_END = tuple('。！？；：!?;:）)」』”"…')
# What opens a paragraph of its own: a heading, a numbered item, a reference to an attachment.
_PARAGRAPH_START = regex.compile(
    rf"[{_CHINESE_DIGITS}]{{1,3}}\s*[、．.]|[（(]\s*[{_CHINESE_DIGITS}\d]{{1,3}}\s*[）)]"
    r"|\d{1,3}\s*[．.、]|[①-⑳]|附件"
)


def _open_ended(text: str) -> bool:
    """Tell whether a body line stops mid-sentence, so that the next line may continue it."""
    return not text.endswith(_PARAGRAPH_END)


# A bracket naming units (（牵头单位：…） or （…牵头，…配合）) belongs to the item before it.
_UNITS_BRACKET_START = regex.compile(r"[（(][^（）()\n]{0,60}?(?:牵头|责任单位|责任部门|配合|负责)")


def _continues(text: str) -> bool:
    """Tell whether a body line may continue the paragraph before it (a date line never does:
    it closes a signature)."""
    return _PARAGRAPH_START.match(text) is None and _DATE_LINE.match(text) is None


def _must_continue(text: str) -> bool:
    """Tell whether a body line continues the paragraph before it, however that one ended."""
    return _UNITS_BRACKET_START.match(text) is not None


# A title's bracketed second line: the years a plan covers, "（2019—2020年）", "(2021年版)".
_SUBTITLE = regex.compile(r"[（(][^（）()\n]{0,24}?\d{4}[^（）()\n]{0,24}[）)]")


def _looks_like_title(text: str) -> bool:
    text = text.strip(_BLANK)
    return (
        0 < len(text) <= 80
        and not text.endswith(("。", "；", "，", "：", ":"))
        and _ORDINAL_HEADING.match(text) is None
        and not _CONTROL_CHARACTER.search(text)
    )


def _looks_like_recipients(text: str) -> bool:
    text = text.strip(_BLANK)
    return text.endswith(("：", ":")) and "。" not in text and len(text) <= 200


def _looks_like_signature(text: str) -> bool:
    return len(text) <= 40 and not any(mark in text for mark in "。，；：")


# --- the attachment table ------------------------------------------------------------------------


@attrs.frozen
class _Cell:
    """One table cell: the lines that make it, the first without its leading tab."""

    start: int
    end: int


@attrs.frozen
class _Row:
    cells: tuple[_Cell, ...]
    start: int
    end: int
    stray: tuple[_Line, ...]  # non-tab lines before the first cell


def _table_rows(lines: list[_Line]) -> Iterator[_Row]:
    """Group lines into rows at blank lines, and rows into cells at tab-started lines."""
    group: list[_Line] = []
    for line in [*lines, None]:
        if line is not None and not (line.blank and not line.starts_cell):
            group.append(line)
            continue
        if group:
            cells: list[_Cell] = []
            stray: list[_Line] = []
            for member in group:
                if member.starts_cell:
                    cells.append(_Cell(member.start + 1, member.end))
                elif cells:
                    cells[-1] = _Cell(cells[-1].start, member.end)
                else:
                    stray.append(member)
            yield _Row(tuple(cells), group[0].start, group[-1].end, tuple(stray))
            group = []


def _find_table(lines: list[_Line]) -> int | None:
    """Return the index of the table's first line: the first row of three or more cells."""
    index = 0
    while index < len(lines):
        if lines[index].starts_cell and not lines[index].blank:
            cells = 0
            cursor = index
            while cursor < len(lines) and not (
                lines[cursor].blank and not lines[cursor].starts_cell
            ):
                cells += lines[cursor].starts_cell
                cursor += 1
            if cells >= 3:
                return index
            index = cursor
        index += 1
    return None


@attrs.define
class _MeasureBuilder:
    number: int
    title: str
    span: Span
    actions: list[Action] = attrs.Factory(list)
    repeated_at: list[Span] = attrs.Factory(list)


@attrs.define
class _AreaBuilder:
    ordinal: int
    title: str
    span: Span
    measures: list[_MeasureBuilder] = attrs.Factory(list)
    repeated_at: list[Span] = attrs.Factory(list)


class _Table:
    """Parses the attachment's rows into areas, measures and action items."""

    def __init__(
        self,
        source: _Source,
        issue_date: datetime.date | None,
        attachment_title: Snippet | None = None,
    ) -> None:
        self.source = source
        self.issue_date = issue_date
        self.areas: list[_AreaBuilder] = []
        self.headers: list[Snippet] = []
        self.header_width = 0
        self.last_measure: _MeasureBuilder | None = None
        self.area_column: int | None = None  # which heading column holds the areas
        self.attachment_title = attachment_title
        # A header names a column of measure titles (重点任务, 工作任务, ...): free text there is
        # a measure's title, not an unreadable heading.
        self.has_title_column = False
        self.lead_from_right = 2  # the lead units' cell, counted from the row's right end
        self.cooperating_from_right: int | None = 1
        self.deadline_from_right: int | None = None

    def parse(self, lines: list[_Line]) -> None:
        rows = list(_table_rows(lines))
        body_rows: list[_Row] = []
        for row in rows:
            if self._is_header(row):
                self._read_header(row)
            else:
                body_rows.append(row)
        counts = Counter(len(row.cells) for row in body_rows if row.cells)
        width = counts.most_common(1)[0][0] if counts else 0
        # Merged header cells make the header shorter than a row, never longer; a row shorter
        # than the header is one cut short.
        width = max(width, self.header_width)
        for position, row in enumerate(body_rows):
            for line in row.stray:
                self.source.unparsed("text outside the table's cells", line.start, line.end)
            if not row.cells or all(self._blank(cell) for cell in row.cells):
                continue
            if len(row.cells) != width and self._is_heading_row(row):
                # An area (or measure) heading merged across the table's width: one cell.
                self._read_headings(row.cells)
                continue
            if len(row.cells) != width:
                if position == len(body_rows) - 1 and len(row.cells) < width:
                    raise ParseError(
                        f"a complete table row of {width} cells (is the text cut short?)",
                        self.source.text,
                        len(self.source.text),
                        found=f"a last row of {len(row.cells)} cells",
                    )
                self.source.unparsed(
                    f"a table row of {len(row.cells)} cells where rows have {width}",
                    row.start,
                    row.end,
                )
                continue
            self._read_row(row)

    def _is_heading_row(self, row: _Row) -> bool:
        # A cell merged across the row exports as a row of one cell; a row cut short has more.
        if len(row.cells) != 1:
            return False
        snippet = self.source.snippet(row.cells[0].start, row.cells[0].end)
        return snippet is not None and bool(
            _ORDINAL_HEADING.match(snippet.text) or _MEASURE_HEADING.match(snippet.text)
        )

    def freeze(self) -> list[Area]:
        return [
            Area(
                ordinal=area.ordinal,
                title=area.title,
                span=area.span,
                measures=tuple(
                    Measure(
                        number=measure.number,
                        title=measure.title,
                        span=measure.span,
                        actions=tuple(measure.actions),
                        repeated_at=tuple(measure.repeated_at),
                    )
                    for measure in area.measures
                ),
                repeated_at=tuple(area.repeated_at),
            )
            for area in self.areas
        ]

    def _blank(self, cell: _Cell) -> bool:
        return self.source.snippet(cell.start, cell.end) is None

    def _is_header(self, row: _Row) -> bool:
        texts = [self.source.snippet(c.start, c.end) for c in row.cells]
        words = ["".join(s.text.split()) for s in texts if s is not None]
        return (
            bool(words)
            and any(_LEAD_HEADER.search(w) or _RESPONSIBLE_HEADER.search(w) for w in words)
            and all(len(word) <= _HEADER_CELL_MAX for word in words)
        )

    def _read_header(self, row: _Row) -> None:
        snippets = [self.source.snippet(c.start, c.end) for c in row.cells]
        self.headers.extend(s for s in snippets if s is not None)
        self.header_width = max(self.header_width, len(row.cells))
        words = ["".join(s.text.split()) if s is not None else "" for s in snippets]
        has_lead = any(_LEAD_HEADER.search(word) for word in words)
        self.has_title_column = any(_TITLE_HEADER.search(word) for word in words)
        cooperating: int | None = None
        for index, word in enumerate(words):
            from_right = len(words) - index
            if _LEAD_HEADER.search(word):
                self.lead_from_right = from_right
            elif _COOPERATING_HEADER.search(word):
                cooperating = from_right
            elif _RESPONSIBLE_HEADER.search(word):
                if has_lead:
                    cooperating = from_right
                else:
                    self.lead_from_right = from_right
            elif _DEADLINE_HEADER.search(word):
                self.deadline_from_right = from_right
        # Only a units column right of the lead column is read as the cooperating units.
        self.cooperating_from_right = (
            cooperating if cooperating is not None and cooperating < self.lead_from_right else None
        )

    def _read_row(self, row: _Row) -> None:
        cells = row.cells
        action_index = len(cells) - self.lead_from_right - 1
        if action_index < 0:
            self.source.unparsed("a table row too short to hold an action item", row.start, row.end)
            return
        lead_cell = cells[-self.lead_from_right]
        with_roles = None
        if self.cooperating_from_right is None:
            # One units column may write the roles itself: "A牵头，B配合", "A（牵头）、B".
            with_roles = read_units_with_roles(self.source.text, lead_cell.start, lead_cell.end)
        if with_roles is not None:
            lead, cooperating = list(with_roles[0]), list(with_roles[1])
        else:
            lead = self._units(lead_cell)
            cooperating = (
                self._units(cells[-self.cooperating_from_right])
                if self.cooperating_from_right is not None
                else []
            )
        row_deadlines: tuple[Target, ...] = ()
        for from_right in range(1, self.lead_from_right):
            cell = cells[-from_right]
            if from_right == self.cooperating_from_right:
                continue
            if from_right == self.deadline_from_right:
                row_deadlines = self._deadlines(cell)
                continue
            self.source.unparsed(
                "a table cell in a column yingshang does not read", cell.start, cell.end
            )
        self._read_headings(cells[:action_index])
        actions_cell = cells[action_index]
        if self._blank(actions_cell):
            if lead or cooperating:
                span = Span(row.start, row.end)
                self.source.report(
                    Severity.WARNING,
                    "units-without-action",
                    "a table row names units but no action item",
                    span,
                )
            return
        measure = self.areas[-1].measures[-1] if self.areas and self.areas[-1].measures else None
        if measure is None:
            self.source.unparsed(
                "an action item before any measure heading", actions_cell.start, actions_cell.end
            )
            return
        if not lead:
            self.source.report(
                Severity.WARNING,
                "no-lead-unit",
                "a table row with action items but an empty lead-unit (牵头单位) cell",
                Span(*self.source.trim(actions_cell.start, actions_cell.end)),
            )
        for action in self._actions(actions_cell, measure, tuple(lead), tuple(cooperating)):
            measure.actions.append(self._with_targets(action, row_deadlines))

    def _deadlines(self, cell: _Cell) -> tuple[Target, ...]:
        """Read a deadline column's cell (完成时限) into deadline targets; keep what it cannot."""
        snippet = self.source.snippet(cell.start, cell.end)
        if snippet is None:
            return ()
        found = tuple(
            target
            for target in _targets_in(self.source.text, snippet.span, self.issue_date)
            if target.kind is TargetKind.DEADLINE
        )
        if not found:
            period = _BARE_PERIOD.fullmatch(snippet.text)
            if period is not None:
                deadline = parse_deadline(snippet.text + "底前")
                target = Target(TargetKind.DEADLINE, snippet.text, snippet.span, deadline=deadline)
                found = (target,)
        if not found:
            self.source.unparsed(
                "a deadline cell with no date yingshang can read", cell.start, cell.end
            )
        return found

    def _with_targets(self, action: Action, row_deadlines: tuple[Target, ...]) -> Action:
        """Attach the targets of the item's text and, where it names none, the row's deadline."""
        targets = _targets_in(self.source.text, action.span, self.issue_date)
        if row_deadlines:
            deadline = row_deadlines[0].deadline
            targets = (
                tuple(
                    attrs.evolve(t, deadline=deadline) if t.deadline is None else t for t in targets
                )
                + row_deadlines
            )
        return attrs.evolve(action, targets=targets)

    def _read_headings(self, cells: tuple[_Cell, ...]) -> None:
        """Read a row's area and measure cells: "一、开办企业", "1．精简流程", or a number cell
        (序号) and a title cell of their own. Empty cells continue the heading above."""
        number: Snippet | None = None  # a number cell waiting for its title
        snippets = [self.source.snippet(cell.start, cell.end) for cell in cells]
        for column, (cell, snippet) in enumerate(zip(cells, snippets, strict=True)):
            if snippet is None:
                continue
            area_match = _ORDINAL_HEADING.match(snippet.text)
            measure_match = _MEASURE_HEADING.match(snippet.text)
            bracketed = _SUBSECTION_HEADING.match(snippet.text)
            if area_match and (ordinal := _small_numeral(area_match["ordinal"])):
                title = area_match["title"].strip(_BLANK)
                self.area_column = column
                self._read_area_heading(ordinal, title, snippet.span)
            elif bracketed and (ordinal := _small_numeral(bracketed["ordinal"])):
                # "（一）…" heads an area where the areas stand (or where "1．…" measures follow
                # it in the row), and a measure otherwise.
                title = bracketed["title"].strip(_BLANK)
                measures_follow = any(
                    later is not None and _MEASURE_HEADING.match(later.text)
                    for later in snippets[column + 1 :]
                )
                if column == self.area_column or (self.area_column is None and measures_follow):
                    self.area_column = column
                    self._read_area_heading(ordinal, title, snippet.span)
                else:
                    self._read_measure_heading(ordinal, title, snippet.span)
            elif measure_match:
                title = measure_match["title"].strip(_BLANK)
                self._read_measure_heading(int(measure_match["number"]), title, snippet.span)
            elif _MEASURE_NUMBER_CELL.fullmatch(snippet.text):
                number = snippet
                continue
            elif number is not None or self.has_title_column:
                # A title cell: numbered by the cell before it, or else by its position.
                value = int(number.text.rstrip("．.、")) if number else self._next_measure_number()
                span = Span(number.span.start if number else snippet.span.start, snippet.span.end)
                self._read_measure_heading(value, snippet.text, span)
            else:
                self.source.unparsed(
                    "a heading cell that is neither an area nor a measure", cell.start, cell.end
                )
            number = None
        if number is not None:  # a number with no title cell: the measure has no title
            self._read_measure_heading(int(number.text.rstrip("．.、")), "", number.span)

    def _next_measure_number(self) -> int:
        return self.last_measure.number + 1 if self.last_measure else 1

    def _implicit_area(self, at: Span) -> None:
        """Open the one area of a table that has no area column, named after the attachment."""
        title = self.attachment_title
        span = title.span if title is not None else at
        self.areas.append(_AreaBuilder(1, title.text if title is not None else "", span))
        self.source.report(
            Severity.INFO,
            "implicit-area",
            "a table without area headings: its measures form one area named after the attachment",
            at,
        )

    def _read_area_heading(self, ordinal: int, title: str, span: Span) -> None:
        current = self.areas[-1] if self.areas else None
        if current is not None and (current.ordinal, current.title) == (ordinal, title):
            current.repeated_at.append(span)  # repeated after a page break
            return
        self.source.in_sequence("area", ordinal, current.ordinal + 1 if current else 1, span)
        self.areas.append(_AreaBuilder(ordinal, title, span))

    def _read_measure_heading(self, number: int, title: str, span: Span) -> None:
        if not self.areas:
            self._implicit_area(span)
        area = self.areas[-1]
        current = self.last_measure
        if current is not None and (current.number, current.title) == (number, title):
            if area.measures and area.measures[-1] is current:
                current.repeated_at.append(span)  # repeated after a page break
            else:
                self.source.unparsed(
                    "a measure heading repeated under another area", span.start, span.end
                )
            return
        expected = current.number + 1 if current else 1
        if number == 1 and not area.measures:
            expected = 1  # numbering that starts again in each area is in sequence too
        self.source.in_sequence("measure", number, expected, span)
        self.last_measure = _MeasureBuilder(number, title, span)
        area.measures.append(self.last_measure)

    def _units(self, cell: _Cell) -> list[Unit]:
        units: list[Unit] = []
        start = cell.start
        depth = 0
        # Only separators and brackets matter: visit them, not every character of the cell.
        for match in _UNIT_SEPARATOR_OR_BRACKET.finditer(self.source.text, cell.start, cell.end):
            char = match.group()
            if char in "（(":
                depth += 1
            elif char in "）)":
                depth = max(0, depth - 1)
            elif depth == 0:
                self._add_unit(units, start, match.start())
                start = match.end()
        self._add_unit(units, start, cell.end)
        if depth:
            self.source.report(
                Severity.WARNING,
                "unbalanced-bracket",
                "a units cell with a bracket left open; its last unit runs to the cell's end",
                Span(*self.source.trim(cell.start, cell.end)),
            )
        return units

    def _add_unit(self, units: list[Unit], start: int, end: int) -> None:
        snippet = self.source.snippet(start, end)
        if snippet is not None:
            units.append(Unit(snippet.text, snippet.span))

    def _actions(
        self,
        cell: _Cell,
        measure: _MeasureBuilder,
        lead: tuple[Unit, ...],
        cooperating: tuple[Unit, ...],
    ) -> Iterator[Action]:
        """Split a cell into its items at the "（n）" that open its paragraphs."""
        text = self.source.text
        pending: tuple[int, int, Snippet | None, int] | None = None  # start, end, marker, number
        count = len(measure.actions)

        def finish() -> Action | None:
            if pending is None:
                return None
            start, end, marker, number = pending
            snippet = self.source.snippet(start, end)
            if snippet is None:
                self.source.report(
                    Severity.WARNING,
                    "empty-item",
                    "an item marker with no text after it",
                    marker.span if marker else Span(start, end),
                )
                return None
            return Action(number, snippet.text, snippet.span, marker, lead, cooperating)

        paragraph_start = cell.start
        while paragraph_start <= cell.end:
            newline = text.find("\n", paragraph_start, cell.end)
            paragraph_end = cell.end if newline == -1 else newline
            start, end = self.source.trim(paragraph_start, paragraph_end)
            match = _ITEM_MARKER.match(text, start, end) if start < end else None
            if match:
                if (action := finish()) is not None:
                    count += 1
                    yield action
                number = (
                    int(match["number"] or match["plain"])
                    if match["number"] or match["plain"]
                    else ord(match["circled"]) - ord("①") + 1
                )
                marker = Snippet(
                    match.group().strip(_BLANK),
                    Span(match.start(), match.start() + len(match.group().rstrip(_BLANK))),
                )
                self.source.in_sequence("item", number, count + 1, marker.span)
                pending = (match.end(), end, marker, number)
            elif start < end:
                if pending is None:
                    pending = (start, end, None, count + 1)
                else:
                    pending = (pending[0], end, pending[2], pending[3])
            paragraph_start = paragraph_end + 1
        if (action := finish()) is not None:
            yield action


# --- the whole document --------------------------------------------------------------------------


def parse(text: str) -> Plan:
    """Parse the text of a plan into a `Plan`.

    The text is the whole document as exported from Word: the notice that issues the plan (if
    any), the plan's title and body, and the attachment table of areas, measures and action items
    with their lead and cooperating units. Whatever the parser removes or cannot place is kept in
    ``plan.diagnostics`` with its span.

    Raises `ParseError`, with the line and column, when the text is not a plan: empty, without a
    title, with neither body sections nor a table, or cut short inside the table.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes the text as str, not {type(text).__name__}")
    control = _CONTROL_CHARACTER.search(text)
    if control:
        raise ParseError(
            "plain text", text, control.start(), found=f"the control character {control.group()!r}"
        )
    if not text.strip(_BLANK):
        raise ParseError(
            "the text of a plan", text, 0, found="empty text" if not text else "only blanks"
        )
    source = _Source(text)
    lines = _split_lines(text)
    table_at = _find_table(lines)
    front_end = len(lines) if table_at is None else table_at
    label: Snippet | None = None
    attachment_title: Snippet | None = None
    if table_at is not None:
        # The nearest "附件" line above the table opens the attachment; earlier ones are the
        # body's references to it ("附件：…").
        marker_at = next(
            (
                i
                for i in range(table_at - 1, -1, -1)
                if _ATTACHMENT_MARKER.match(lines[i].text.strip(_BLANK))
            ),
            None,
        )
        if marker_at is not None:
            front_end = marker_at
            line = lines[marker_at]
            label_start = line.start + line.text.find("附件")
            label_end = label_start + 2
            while label_end < line.end and line.text[label_end - line.start].isdigit():
                label_end += 1
            label = source.snippet(label_start, label_end)
            title_start = label_end
            attachment_title = source.snippet(title_start, lines[table_at - 1].end)
            if attachment_title is not None:
                trimmed = attachment_title.text.lstrip("：: ")
                if trimmed != attachment_title.text:
                    attachment_title = source.snippet(
                        attachment_title.span.end - len(trimmed), attachment_title.span.end
                    )
    front = _FrontMatter(source, lines[:front_end])
    title, notice, preamble, sections, references = front.parse()
    attachment: Attachment | None = None
    areas: list[Area] = []
    if table_at is not None:
        table = _Table(source, notice.issue_date if notice is not None else None, attachment_title)
        table.parse(lines[table_at:])
        areas = table.freeze()
        start = lines[front_end].start if label is None else label.span.start
        attachment_span = Span(*source.trim(start, len(text)))
        attachment = Attachment(attachment_span, label, attachment_title, tuple(table.headers))
    if not sections and not areas:
        raise ParseError(
            "body sections (一、…) or an attachment table of measures",
            text,
            title.span.end,
            found="neither",
        )
    issue_date = notice.issue_date if notice is not None else None
    if not areas:
        # No table: the body may list the measures, with their units written inline.
        body_sections, body_areas = read_body_measures(
            tuple(sections), text, source.trim, clean_text, source.diagnostics.append
        )
        sections = list(body_sections)
        areas = [_with_targets(area, text, issue_date) for area in body_areas]
    sections = [_section_with_targets(section, text, issue_date) for section in sections]
    diagnostics = sorted(source.diagnostics, key=lambda d: (d.span.start, d.span.end))
    start, end = source.trim(0, len(text))
    return Plan(
        title=title,
        span=Span(start, end),
        notice=notice,
        preamble=tuple(preamble),
        sections=tuple(sections),
        attachment_references=tuple(references),
        attachment=attachment,
        areas=tuple(areas),
        diagnostics=tuple(diagnostics),
    )


def _targets_in(text: str, span: Span, issue_date: datetime.date | None) -> tuple[Target, ...]:
    """Return the targets in `text[span]`, with spans into the whole text."""
    return extract_targets(span.slice(text), offset=span.start, issue_date=issue_date)


def _section_with_targets(section: Section, text: str, issue_date: datetime.date | None) -> Section:
    """Attach to a section, and to its subsections, the targets its own paragraphs set."""
    targets = tuple(
        target
        for paragraph in section.paragraphs
        for target in _targets_in(text, paragraph.span, issue_date)
    )
    subsections = tuple(_section_with_targets(s, text, issue_date) for s in section.subsections)
    return attrs.evolve(section, targets=targets, subsections=subsections)


def _with_targets(area: Area, text: str, issue_date: datetime.date | None) -> Area:
    """Attach to each action item the targets found in its source text."""
    measures = tuple(
        attrs.evolve(
            measure,
            actions=tuple(
                attrs.evolve(action, targets=_targets_in(text, action.span, issue_date))
                for action in measure.actions
            ),
        )
        for measure in area.measures
    )
    return attrs.evolve(area, measures=measures)
