"""The source as lines: line splitting, trimming, artifacts and the text nodes keep."""

from __future__ import annotations

import datetime

import attrs

from ..dates import parse_chinese_date
from ..errors import ParseError
from ..model import (
    Diagnostic,
    Severity,
    Snippet,
    Span,
)
from ..numbers import parse_number
from ._patterns import (
    _BLANK,
    _LINE_BREAK,
    _MAY_HOLD_ARTIFACT,
    EXPORT_ARTIFACT,
)


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
