"""Turn the text of a plan into a `Plan`: the notice, the body, and the attachment table.

The parser works on lines and never loses text: each piece of the source lands in a node of the
model (with its span) or in a `Diagnostic` that says why it was not understood. Rules are written
for the family of such plans as Word exports them, not for one document:

* the attachment table comes as rows separated by blank lines; each cell starts with a tab, and
  a line without a tab continues the cell above it (a new paragraph inside the cell);
* the area and measure cells of a continuation row are empty (vertically merged in Word), and
  headings repeat after a page break;
* the lead and cooperating agencies are the last two columns, counted from the right, since merged
  header cells make the header shorter than the rows.
"""

from __future__ import annotations

import itertools
import os

import attrs

from .._lazy import LazyPattern, LazyStdlibPattern
from ..errors import ParseError
from ..model import Area, Attachment, Diagnostic, Plan, Section, Severity, Snippet, Source, Span
from ..readers import Limits, decode, read_file
from ._body import read_body_measures
from ._front import (
    _FrontMatter,
)
from ._lines import (
    _Line,
    _plan_year,
    _Source,
    _split_lines,
    clean_text,
)
from ._patterns import (
    _ATTACHMENT_MARKER,
    _BLANK,
    _CONTROL_CHARACTER,
    _HELPING_LABELS,
    _ORDINAL_HEADING,
    _RESPONSIBLE_LABELS,
    _SUBSECTION_HEADING,
    _longest_first,
)
from ._table import (
    _find_table,
    _Table,
    find_unreadable_table,
)
from ._targets import _areas_with_targets, _sections_with_targets

__all__ = ["clean_text", "decode", "parse", "parse_file"]


def parse_file(
    path: str | os.PathLike[str], *, limits: Limits | None = None, strict: bool = False
) -> Plan:
    """Read and parse the plan in the file at `path`: text, Word (.docx), web page or PDF.

    The format is told by the file's content; `yingshang.readers` renders it into the canonical
    text, which the plan keeps in `Plan.source` with the file's path, format and encoding (its
    spans slice that text). `limits` bounds what is read (`yingshang.readers.Limits`).

    Raises `ParseError` for a file that cannot be read (`ReadError` and its kinds:
    `LimitExceededError`, `UnsupportedFormatError`, `UnsafeContentError`) or text that is not
    a plan (with `strict`, also for the first error diagnostic), `MissingDependencyError` naming
    the extra a format needs, and `OSError` when the file cannot be opened.
    """
    source = read_file(path, limits=limits)
    return attrs.evolve(parse(source.text, strict=strict), source=source)


# --- the whole document --------------------------------------------------------------------------


def parse(text: str, *, strict: bool = False) -> Plan:
    """Parse the text of a plan into a `Plan`.

    The text is the whole document as exported from Word or copied from a web page: the notice
    that issues the plan (if any), the plan's title and body, and the attachment table of areas,
    measures and action items with their lead and cooperating agencies. The parser recovers what
    it can: whatever it removes or cannot place is kept in ``plan.diagnostics`` with its span, and
    what a plan must have but this text lacks (a title, a body) or a text cut short is an error
    diagnostic (severity ERROR).

    Raises `ParseError`, with the line and column, when the text is not a plan at all: empty,
    binary, without Chinese text, or with neither a title nor a body. With ``strict=True`` it
    also raises on the first error diagnostic.
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
    if _HAN.search(text) is None:
        raise ParseError("the text of a plan", text, 0, found="no Chinese text")
    source = _Source(text)
    _check_garbled(source)
    lines = _split_lines(text)
    table_start = _find_table(lines)
    table_at = None if table_start is None else table_start.index
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
            # "附件：" and "附件1:" keep their colon: the title starts after it.
            after = label_end
            while after < line.end and text[after] in _BLANK:
                after += 1
            if after < line.end and text[after] in "：:":
                label_end = after + 1
            label = source.snippet(label_start, label_end)
            attachment_title = source.snippet(label_end, lines[table_at - 1].end)
    front = _FrontMatter(source, lines[:front_end])
    title, notice, preamble, sections, references = front.parse()
    attachment: Attachment | None = None
    areas: list[Area] = []
    issue_date = notice.issue_date if notice is not None else None
    # An annual plan (2020年…工作计划) dates 6月底前 in its own year, whenever it was issued.
    year = next(
        (
            found
            for snippet in (title, attachment_title)
            if snippet is not None and (found := _plan_year(snippet.text)) is not None
        ),
        None,
    )
    if table_at is not None:
        table = _Table(source, issue_date, attachment_title, year)
        assert table_start is not None
        table.parse(
            lines[table_at:], table_start.mark, table_start.inline_width, table_start.separator
        )
        areas = table.freeze()
        start = lines[front_end].start if label is None else label.span.start
        attachment_span = Span(*source.trim(start, len(text)))
        attachment = Attachment(attachment_span, label, attachment_title, tuple(table.headers))
    elif (unreadable := find_unreadable_table(lines)) is not None:
        source.report(
            Severity.ERROR,
            "unreadable-table",
            "expected a table whose cells a tab (or an indent) opens, found a header (牵头单位) "
            "whose cells nothing opens: its rows are read as paragraphs, not as measures",
            unreadable,
        )
    if title is None and not sections and not areas and notice is None:
        first = next((line for line in lines if not line.blank), lines[0])
        raise ParseError(
            "the plan's title (a line such as 重庆市营商环境优化提升工作方案)",
            text,
            source.trim(first.start, first.end)[0],
        )
    if title is None:
        at = notice.span.end if notice is not None else source.trim(0, len(text))[0]
        source.report(
            Severity.ERROR,
            "no-title",
            "expected the plan's title (a line such as 重庆市营商环境优化提升工作方案)",
            Span(at, at),
        )
        title = Snippet("", Span(at, at))
    if not sections and not areas:
        source.report(
            Severity.ERROR,
            "no-body",
            "expected body sections (一、…) or an attachment table of measures, found neither",
            Span(title.span.end, title.span.end),
        )
    if not areas:
        # No table: the body may list the measures, with their agencies written inline.
        removed = frozenset(i for span in source.artifacts for i in range(span.start, span.end))
        body_sections, body_areas = read_body_measures(
            tuple(sections),
            text,
            source.trim,
            clean_text,
            source.diagnostics.append,
            folded=source.folded,
            removed=removed,
            issue_date=issue_date,
            year=year,
        )
        sections = list(body_sections)
        areas = _areas_with_targets(body_areas, text, issue_date, source, year)
        if not areas and not any(d.severity is Severity.ERROR for d in source.diagnostics):
            _check_unread_roles(source, 0, len(text))  # no error says already why
        elif areas:
            # A section that gave no area while others did may write its measures otherwise.
            for section in sections:
                end = _extent_end(section)
                if not any(section.span.start <= a.span.start < end for a in areas):
                    _check_unread_roles(source, section.span.start, end)
    sections = _sections_with_targets(sections, text, issue_date, source, year)
    if table_at is None:
        _check_end(source, lines[front_end - 1] if front_end else None)
    if (
        not areas
        and sections
        and not any(
            d.severity is Severity.ERROR or d.code == "unread-roles" for d in source.diagnostics
        )
    ):
        # A plan of sections alone, no error or warning saying why: say so, rather than let 0
        # items pass unremarked.
        source.report(
            Severity.WARNING,
            "no-actions",
            "expected action items (numbered paragraphs with their agencies, or a table of "
            "measures), found none: the body is read as sections",
            Span(sections[0].span.start, _extent_end(sections[-1])),
        )
    diagnostics = sorted(source.diagnostics, key=lambda d: (d.span.start, d.span.end))
    if strict:
        _raise_first_error(text, diagnostics)
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
        source=Source(text),
    )


# Characters a wrong decoding leaves in Chinese text, never written in a plan: U+FFFD for bytes
# that decoded to nothing; 锛, 銆, 鈥 for the full-width punctuation of UTF-8 read as GBK (（ 、
# “); bopomofo and box-drawing characters among ideographs (GBK read as Big5: ㄒ唬┩). A run of
# them, with up to _GARBLED_GAP other characters between, is one garbled piece.
_NEVER_WRITTEN = r"\uFFFD锛銆鈥"  # garbled wherever they stand
_AMONG_IDEOGRAPHS = r"\u3100-\u312F\u2500-\u257F"  # garbled beside an ideograph
_GARBLED = LazyPattern(
    rf"[{_NEVER_WRITTEN}]|(?<=\p{{Han}})[{_AMONG_IDEOGRAPHS}]|[{_AMONG_IDEOGRAPHS}](?=\p{{Han}})"
)
_GARBLED_GAP = 8
_GARBLED_CHARACTER = LazyStdlibPattern(rf"[{_NEVER_WRITTEN}{_AMONG_IDEOGRAPHS}]")


def _check_garbled(source: _Source) -> None:
    """Report the pieces of the text a wrong decoding garbled: what they say is lost."""
    text = source.text
    # (A character class on the standard engine scans a text in a fraction of the pattern's time.)
    if _GARBLED_CHARACTER.search(text) is None:
        return
    start = end = -1
    for match in _GARBLED.finditer(text):
        if start >= 0 and match.start() - end > _GARBLED_GAP:
            _report_garbled(source, start, end)
            start = -1
        if start < 0:
            start = match.start()
        end = match.end()
    if start >= 0:
        _report_garbled(source, start, end)


def _report_garbled(source: _Source, start: int, end: int) -> None:
    source.report(
        Severity.WARNING,
        "garbled",
        f"expected the text as published, found characters a wrong decoding leaves "
        f"({source.text[start:end]!r}): what stood here is lost",
        Span(start, end),
    )


# Any CJK ideograph: a text without one is no Chinese plan.
_HAN = LazyPattern(r"\p{Han}")


def _raise_first_error(text: str, diagnostics: list[Diagnostic]) -> None:
    """Raise the first error diagnostic as a `ParseError` (``parse(text, strict=True)``)."""
    error = next((d for d in diagnostics if d.severity is Severity.ERROR), None)
    if error is not None:
        expected = error.message.removeprefix("expected ")
        found = None
        if ", found " in expected:
            expected, _, found = expected.partition(", found ")
        raise ParseError(expected, text, error.span.start, found=found)


# Words that give agencies their roles (牵头, 责任单位, 配合部门…): the labels the body reads.
_ROLE_WORD = LazyPattern(_longest_first(("牵头", *_RESPONSIBLE_LABELS, *_HELPING_LABELS)))
# A text naming roles this often assigns its measures somehow: read none, and say so.
_ROLE_WORDS_WITHOUT_MEASURES = 3


def _check_unread_roles(source: _Source, start: int, end: int) -> None:
    """Report text with no measure read that names agencies' roles again and again (a layout
    yingshang does not read): a plan of sections alone must not pass for a plan of no measures,
    nor a section left unread for one read in full."""
    found = list(
        itertools.islice(
            _ROLE_WORD.finditer(source.folded, start, end), _ROLE_WORDS_WITHOUT_MEASURES
        )
    )
    if len(found) < _ROLE_WORDS_WITHOUT_MEASURES:
        return
    first = found[0]
    source.report(
        Severity.WARNING,
        "unread-roles",
        f"expected measures with their agencies, since the text names agencies' roles at least "
        f"{_ROLE_WORDS_WITHOUT_MEASURES} times (first {first.group()!r}), found none in a layout "
        "yingshang reads: its measures stay section text",
        Span(first.start(), first.end()),
    )


def _extent_end(section: Section) -> int:
    """Return where the text under a section ends: its last paragraph's or subsection's."""
    end = section.span.end
    for paragraph in section.paragraphs:
        end = max(end, paragraph.span.end)
    for subsection in section.subsections:
        end = max(end, _extent_end(subsection))
    return end


# What a text ends with when it is whole: a sentence's end, a closing bracket, a date.
_WHOLE_END = tuple('。！？；：!?;:）)」』”"…》日】]〕')


# A line that gives a field's value (责任单位：…, 完成时限：…, 联系人：…): no sentence to cut.
_FIELD = LazyPattern(r"[^\p{P}\s]{2,8}[：:]")


# What ends a sentence in a folded line.
_SENTENCE_ENDS = ("。", ";", "!", "?")
# The pairs a line opens and closes; a last line that opens more than it closes was cut.
_PAIRS = (("“", "”"), ("(", ")"), ("《", "》"), ("〈", "〉"), ("「", "」"), ("【", "】"))


def _check_end(source: _Source, last: _Line | None) -> None:
    """Report a text cut off mid-sentence: a last line with no sentence end, long, leaving a
    quote or a bracket open ((三)大力推行“首席服务员) or a numbered heading ((二)进一步)."""
    if last is None:
        return
    view = source.view(last.start, last.end)
    if view.text.endswith(_WHOLE_END) or _FIELD.match(view.text):
        return
    # (the last sentence's: a quote left open in one that ended is a slip, not a cut)
    tail = view.text[max(view.text.rfind(end) for end in _SENTENCE_ENDS) + 1 :]
    if (
        len(view.text) < 20
        and not any(tail.count(opening) > tail.count(closing) for opening, closing in _PAIRS)
        # (a numbered heading with nothing under it ends no plan: (二)进一步, cut)
        and not (_ORDINAL_HEADING.match(view.text) or _SUBSECTION_HEADING.match(view.text))
    ):
        return  # a short line: a heading or a signature, unless it leaves a quote open
    source.report(
        Severity.ERROR,
        "truncated",
        "expected the text to end with a whole sentence, found one cut short",
        Span(source.trim(last.start, last.end)[1], source.trim(last.start, last.end)[1]),
    )
