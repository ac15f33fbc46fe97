"""The canonical text every reader renders, the one the parser reads.

Paragraphs are lines. A table is rows separated by blank lines; each cell opens with a tab and
its further paragraphs follow on lines without one; a cell merged with the one above (a
continuation) is empty, and a cell merged across the row is one cell.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .._lazy import LazyPattern
from ._limits import Limits, check

__all__ = ["TextBuilder", "clean_line"]

# Line breaks of every kind read as LF; other control characters are no text (the parser refuses
# them), so the formats' stray ones (PDF text layers hold NULs) are dropped.
_LINE_BREAKS = LazyPattern(r"\r\n?|[\x85\u2028\u2029\v\f]")
_CONTROL = LazyPattern(r"[\x00-\x08\x0e-\x1f\x7f]")


def clean_line(text: str) -> str:
    """Return a paragraph's text as canonical lines: LF breaks, tabs as spaces, no controls.

    A tab would open a table cell in the canonical text, so one inside a paragraph becomes a
    space.
    """
    text = _LINE_BREAKS.sub("\n", text)
    if "\t" in text:
        text = text.replace("\t", " ")
    return str(_CONTROL.sub("", text))


class TextBuilder:
    """Collect paragraphs and tables into the canonical text, within `limits`."""

    def __init__(self, limits: Limits, path: str | None) -> None:
        self.limits = limits
        self.path = path
        self._lines: list[str] = []
        self._size = 0
        self._cells = 0

    def _add(self, line: str) -> None:
        self._lines.append(line)
        self._size += len(line) + 1
        if self._size > self.limits.max_text_chars:
            found = "text of at least {} characters"
            check(self.limits, "max_text_chars", self._size, found, self.path)

    def paragraph(self, text: str) -> None:
        """Add a paragraph; its line breaks start new lines."""
        for line in clean_line(text).split("\n"):
            self._add(line)

    def row(self, cells: Sequence[Iterable[str]]) -> None:
        """Add a table row: each cell a sequence of paragraphs, empty for a continuation."""
        self._cells += len(cells)
        check(self.limits, "max_cells", self._cells, "{} table cells", self.path)
        for cell in cells:
            # A blank line would end the row, so blank paragraphs inside a cell are dropped.
            lines = [
                line
                for paragraph in cell
                for line in clean_line(paragraph).split("\n")
                if line.strip()
            ]
            self._add("\t" + (lines[0] if lines else ""))
            for line in lines[1:]:
                self._add(line)
        self._add("")

    def text(self) -> str:
        """Return the canonical text so far, ending with a line break."""
        return "\n".join(self._lines) + "\n" if self._lines else ""
