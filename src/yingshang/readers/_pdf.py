"""PDF with a text layer, as Word and WPS export plans: lines rejoined, page furniture removed.

A PDF has no paragraphs, only lines placed on pages. The reader rebuilds the canonical text:
a line that reaches the right edge of its column continues on the next one (unless that opens a
numbered item); lines repeated at the top or bottom of most pages (running headers, footers)
and page numbers (``— 3 —``) are dropped; ruled tables are read cell by cell, their header row
repeated on each page read once, and a row broken across a page joined again.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from typing import Any

import attrs
import regex

from .._lazy import LazyPattern
from ..errors import ReadError, UnsupportedFormatError
from ..model import Source
from ._canonical import TextBuilder
from ._extras import require
from ._limits import Limits, check

__all__ = ["read_pdf"]

# Page numbers as exports print them: "— 3 —", "-3-", "3", "第3页", "第 3 页 共 46 页", "3/46".
_PAGE_NUMBER = LazyPattern(
    r"^[-—–－\s]*\d{1,4}[-—–－\s]*$|^第\s*\d{1,4}\s*页(?:\s*共\s*\d{1,4}\s*页)?$|^\d{1,4}\s*/\s*\d{1,4}$"
)
# A line that opens a numbered item or heading starts a paragraph, wherever the line above ends.
_OPENS_PARAGRAPH = LazyPattern(
    r"^(?:[（(]\s*[0-9一二三四五六七八九十]{1,3}\s*[)）]|[①-⑳]|\d{1,3}\s*[．.、](?![0-9])"
    r"|[一二三四五六七八九十]{1,3}\s*、|附件)"
)
_SENTENCE_END = "。；！？;!?"
# The top and bottom bands of a page, as shares of its height, where running heads stand.
_BAND = 0.1


@attrs.frozen
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def height(self) -> float:
        return max(self.bottom - self.top, 1.0)


def _lines(region: Any) -> list[_Line]:
    return [
        _Line(line["text"], line["x0"], line["x1"], line["top"], line["bottom"])
        for line in region.extract_text_lines(strip=True, return_chars=False)
        if line["text"].strip()
    ]


def _join(first: str, second: str) -> str:
    # Chinese wraps between any two characters; only Latin words need their space back.
    last, next_ = first[-1:], second[:1]
    if last.isascii() and last.isalpha() and next_.isascii() and next_.isalpha():
        return f"{first} {second}"
    return first + second


def _paragraphs(lines: Sequence[_Line], right: float) -> list[str]:
    """Join body lines wrapped at `right` into paragraphs; a large gap leaves a blank line."""
    out: list[str] = []
    previous: _Line | None = None
    for line in lines:
        if previous is not None:
            wrapped = previous.x1 >= right - previous.height * 2.2
            gap = line.top - previous.bottom  # negative across a page break
            if (
                wrapped
                and gap < previous.height * 1.2
                and not _OPENS_PARAGRAPH.match(line.text)
                and previous.text[-1:] not in _SENTENCE_END
            ):
                out[-1] = _join(out[-1], line.text)
                previous = line
                continue
            if gap > previous.height * 2.5:
                out.append("")
        out.append(line.text)
        previous = line
    return out


def _cell_paragraphs(lines: list[_Line]) -> list[str]:
    # A narrow column leaves lines short wherever a character may not open or close a line, so
    # width tells nothing there: a cell's lines are one paragraph until a numbered item opens.
    out: list[str] = []
    for line in lines:
        if out and not _OPENS_PARAGRAPH.match(line.text):
            out[-1] = _join(out[-1], line.text)
        else:
            out.append(line.text)
    return out


@attrs.define
class _Row:
    cells: list[list[_Line]]
    keys: tuple[str, ...]  # the cells' text, to tell a header repeated on a later page


def _centred_in(box: Sequence[float]) -> Any:
    # An object belongs to the box holding its centre: the lines of the next cell, touching the
    # border, are not this one's.
    def inside(obj: dict[str, Any]) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return bool(box[0] <= x <= box[2] and box[1] <= y <= box[3])

    return inside


def _covered_horizontally(cells: Sequence[Any], column: int, x: float) -> bool:
    return any(cell is not None and cell[0] < x - 1 and cell[2] > x + 1 for cell in cells[:column])


def _table_rows(page: Any, table: Any) -> list[_Row]:
    columns = sorted({round(cell[0], 1) for cell in table.cells})
    rows: list[_Row] = []
    for row in table.rows:
        cells: list[list[_Line]] = []
        for index, cell in enumerate(row.cells):
            if cell is None:
                x = columns[index] if index < len(columns) else 0.0
                if not _covered_horizontally(row.cells, index, x):
                    cells.append([])  # a cell merged with the one above
                continue
            cells.append(_lines(page.filter(_centred_in(cell))))
        keys = tuple("".join(line.text for line in cell) for cell in cells)
        rows.append(_Row(cells, keys))
    return rows


def _continues(previous: _Row, row: _Row) -> bool:
    """Tell whether `row`, first on its page, is the rest of `previous`, broken by the page.

    Either every cell with text continues a sentence the cell above left open, or the row is
    empty in most of the columns where the row above has text (a new row of the table repeats
    its units; the rest of a broken row holds only what overflowed).
    """
    if len(previous.cells) != len(row.cells):
        return False
    mid_sentence = any(row.keys)
    for before, after in zip(previous.keys, row.keys, strict=True):
        if after and (not before or before[-1] in _SENTENCE_END or _OPENS_PARAGRAPH.match(after)):
            mid_sentence = False
    if mid_sentence:
        return True
    filled = [bool(after) for before, after in zip(previous.keys, row.keys, strict=True) if before]
    return 0 < sum(filled) < len(filled) - sum(filled)


def _running(pages: list[tuple[float, list[_Line]]]) -> set[str]:
    """Return the texts (digits as #) standing in a page's top or bottom band on most pages."""
    seen: Counter[str] = Counter()
    for height, lines in pages:
        texts = {
            regex.sub(r"\d", "#", line.text)
            for line in lines
            if line.bottom < height * _BAND or line.top > height * (1 - _BAND)
        }
        seen.update(texts)
    needed = max(2, len(pages) // 2)
    return {text for text, count in seen.items() if count >= needed}


def read_pdf(data: bytes, path: str | None, limits: Limits) -> Source:
    """Render a PDF's text layer into the canonical text (`yingshang[pdf]`: pdfplumber).

    Raises `UnsupportedFormatError` for a PDF without a text layer (a scan), `LimitExceededError`
    beyond `limits.max_pages`, and `ReadError` for a damaged file.
    """
    pdfium = require("pypdfium2", "pdf", "PDF files")
    pdfplumber = require("pdfplumber", "pdf", "PDF files")
    # pdfium counts the pages of the tree in C, cycles and all, before pdfminer walks it.
    try:
        document = pdfium.PdfDocument(data)
        count = len(document)
        document.close()
    except pdfium.PdfiumError as problem:
        raise ReadError(f"a damaged PDF ({problem})", path) from None
    check(limits, "max_pages", count, "{} PDF pages", path)
    builder = TextBuilder(limits, path)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            _render(pdf, builder)
    except (ReadError, UnsupportedFormatError):
        raise
    except RecursionError:
        raise ReadError("a PDF whose objects refer to themselves", path) from None
    except Exception as problem:  # pdfminer raises many kinds on damaged files
        reason = f"{type(problem).__name__}: {problem}"
        raise ReadError(f"a damaged PDF ({reason})", path) from None
    text = builder.text()
    if not text.strip():
        raise UnsupportedFormatError(
            "a PDF without a text layer (a scan?): run it through OCR, or find the Word or web "
            "version of the plan",
            path,
        )
    return Source(text, path, "pdf", None)


def _render(pdf: Any, builder: TextBuilder) -> None:
    # First pass: each page's body lines and table rows, in reading order.
    pages: list[tuple[float, list[_Line]]] = []
    content: list[list[tuple[float, _Line | list[_Row]]]] = []
    for page in pdf.pages:
        tables = page.find_tables()
        boxes = [table.bbox for table in tables]

        def outside(obj: dict[str, Any], boxes: list[Any] = boxes) -> bool:
            x = (obj["x0"] + obj["x1"]) / 2
            y = (obj["top"] + obj["bottom"]) / 2
            return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

        body = _lines(page.filter(outside)) if boxes else _lines(page)
        pages.append((page.height, body))
        items: list[tuple[float, _Line | list[_Row]]] = [(line.top, line) for line in body]
        items.extend((table.bbox[1], _table_rows(page, table)) for table in tables)
        items.sort(key=lambda item: item[0])
        content.append(items)
        page.flush_cache()
    running = _running(pages)
    body_lines = [line for _, lines in pages for line in lines]
    right = max((line.x1 for line in body_lines), default=0.0)

    def furniture(line: _Line, height: float) -> bool:
        in_band = line.bottom < height * _BAND or line.top > height * (1 - _BAND)
        return in_band and (
            regex.sub(r"\d", "#", line.text) in running or bool(_PAGE_NUMBER.match(line.text))
        )

    # Second pass: paragraphs across pages, tables across pages.
    pending: list[_Line] = []
    header: tuple[str, ...] | None = None
    rows: list[_Row] = []

    def flush_lines() -> None:
        for paragraph in _paragraphs(pending, right):
            builder.paragraph(paragraph)
        pending.clear()

    def flush_rows() -> None:
        for row in rows:
            builder.row([_cell_paragraphs(cell) for cell in row.cells])
        rows.clear()

    for (height, _), items in zip(pages, content, strict=True):
        first_on_page = True
        for _, item in items:
            if isinstance(item, _Line):
                if furniture(item, height):
                    continue
                flush_rows()
                pending.append(item)
                continue
            flush_lines()
            table_rows = list(item)
            if header is None and table_rows:
                header = table_rows[0].keys
            elif table_rows and table_rows[0].keys == header and rows:
                table_rows = table_rows[1:]  # the header row, repeated on this page
            if first_on_page and rows and table_rows and _continues(rows[-1], table_rows[0]):
                merged = [a + b for a, b in zip(rows[-1].cells, table_rows[0].cells, strict=True)]
                keys = tuple(a + b for a, b in zip(rows[-1].keys, table_rows[0].keys, strict=True))
                rows[-1] = _Row(merged, keys)
                table_rows = table_rows[1:]
            rows.extend(table_rows)
            first_on_page = False
        # A page break inside a table keeps it open; text after it closes it.
    flush_lines()
    flush_rows()
