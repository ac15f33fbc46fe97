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

import os

import attrs

from ..errors import ParseError
from ..model import Area, Attachment, Plan, Snippet, Source, Span
from ..readers import Limits, decode, read_file
from ._body import read_body_measures
from ._front import (
    _FrontMatter,
)
from ._lines import (
    _Source,
    _split_lines,
    clean_text,
)
from ._patterns import (
    _ATTACHMENT_MARKER,
    _BLANK,
    _CONTROL_CHARACTER,
)
from ._table import (
    _find_table,
    _Table,
)
from ._targets import _section_with_targets, _with_targets

__all__ = ["clean_text", "decode", "parse", "parse_file"]


def parse_file(path: str | os.PathLike[str], *, limits: Limits | None = None) -> Plan:
    """Read and parse the plan in the file at `path`: text, Word (.docx), web page or PDF.

    The format is told by the file's content; `yingshang.readers` renders it into the canonical
    text, which the plan keeps in `Plan.source` with the file's path, format and encoding (its
    spans slice that text). `limits` bounds what is read (`yingshang.readers.Limits`).

    Raises `ParseError` for a file that cannot be read (`ReadError` and its kinds:
    `LimitExceededError`, `UnsupportedFormatError`, `UnsafeContentError`) or text that is not
    a plan, `MissingDependencyError` naming the extra a format needs, and `OSError` when the file
    cannot be opened.
    """
    source = read_file(path, limits=limits)
    return attrs.evolve(parse(source.text), source=source)


# --- the whole document --------------------------------------------------------------------------


def parse(text: str) -> Plan:
    """Parse the text of a plan into a `Plan`.

    The text is the whole document as exported from Word: the notice that issues the plan (if
    any), the plan's title and body, and the attachment table of areas, measures and action items
    with their lead and cooperating agencies. Whatever the parser removes or cannot place is kept in
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
        # No table: the body may list the measures, with their agencies written inline.
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
        source=Source(text),
    )
