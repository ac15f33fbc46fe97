"""The source as lines: line splitting, trimming, artifacts and the text nodes keep."""

from __future__ import annotations

import bisect
import datetime
import functools
import sys
from array import array
from collections.abc import Hashable, Iterator, Sequence
from typing import TypeVar, overload

import attrs
import regex

from .._lazy import LazyPattern
from ..dates import parse_chinese_date
from ..errors import ParseError
from ..fold import fold
from ..model import (
    Diagnostic,
    Severity,
    Snippet,
    Span,
)
from ..numbers import parse_number
from ..readers._text import crlf_doubled
from ._patterns import (
    _BLANK,
    _LINE_BREAK,
    _LINE_BREAK_BUT_NEWLINE,
    _LINE_BREAK_OR_CRCRLF,
    _LINE_BREAK_OR_CRLF,
    _MAY_HOLD_ARTIFACT,
    _NEWLINE,
    EXPORT_ARTIFACT,
    MANGLED_INDENT,
    PINYIN_ANNOTATION,
    REPOST_TAG,
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


_LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")


@attrs.frozen
class _View:
    """A piece of the source as the patterns read it: folded, artifacts and outer blanks removed.

    `positions[i]` is the offset in the source of ``text[i]``.
    """

    text: str
    positions: tuple[int, ...]

    def span(self, start: int, end: int) -> Span:
        """Return the source span of ``text[start:end]`` (not empty)."""
        return Span(self.positions[start], self.positions[end - 1] + 1)


class _Lines(Sequence[_Line]):
    """The lines of a text, kept as two arrays of offsets; a `_Line` is made when one is asked for.

    A list of line objects, each with a copy of its text, took four times the text's size in
    UTF-8 (a line object and its numbers outweigh a short line); the arrays take 16 bytes a line.
    """

    def __init__(
        self, text: str, starts: array[int], ends: array[int], first: int = 0, stop: int = -1
    ) -> None:
        self._text = text
        self._starts = starts  # shared by every view: a slice copies nothing
        self._ends = ends
        self._first = first  # the index of this view's first line in the whole text
        self._stop = len(starts) if stop < 0 else stop

    def __len__(self) -> int:
        return self._stop - self._first

    @overload
    def __getitem__(self, index: int) -> _Line: ...

    @overload
    def __getitem__(self, index: slice) -> _Lines: ...

    def __getitem__(self, index: int | slice) -> _Line | _Lines:
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                raise ValueError("lines are sliced with a step of 1 only")
            stop = max(start, stop)
            return _Lines(
                self._text, self._starts, self._ends, self._first + start, self._first + stop
            )
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("line index out of range")
        at = self._first + index
        start, end = self._starts[at], self._ends[at]
        return _Line(at + 1, start, end, self._text[start:end])

    @property
    def text(self) -> str:
        """The whole text these lines are of."""
        return self._text

    def offsets(self) -> Iterator[tuple[int, int]]:
        """Yield each line's start and end, with no line object."""
        return zip(
            self._starts[self._first : self._stop],
            self._ends[self._first : self._stop],
            strict=True,
        )

    def __iter__(self) -> Iterator[_Line]:
        text, starts, ends = self._text, self._starts, self._ends
        for at in range(self._first, self._stop):
            start, end = starts[at], ends[at]
            yield _Line(at + 1, start, end, text[start:end])


def _split_lines(text: str) -> _Lines:
    """Split `text` where str.splitlines would, keeping only where each line starts and ends.

    A text whose every CRLF is CR CR LF (converted twice) has one line break there, not two.
    """
    # Four-byte offsets where they suffice (texts under two billion characters).
    code = "i" if len(text) < 2**31 else "q"
    if _LINE_BREAK_BUT_NEWLINE.search(text) is None:
        # "\n" alone (most texts): each line ends at one and the next starts after it.
        ends = array(code, [match.start() for match in _NEWLINE.finditer(text)])
        starts = array(code, [0])
        starts.extend([end + 1 for end in ends])
        if starts[-1] < len(text):
            ends.append(len(text))
        else:
            starts.pop()  # no line after a final "\n"
        return _Lines(text, starts, ends)
    starts = array(code)
    ends = array(code)
    start = 0
    breaks = _LINE_BREAK_OR_CRLF
    if crlf_doubled(text):
        breaks = _LINE_BREAK_OR_CRCRLF
    for match in breaks.finditer(text):
        starts.append(start)
        ends.append(match.start())
        start = match.end()
    if start < len(text):
        starts.append(start)
        ends.append(len(text))
    return _Lines(text, starts, ends)


_V = TypeVar("_V", bound=Hashable)
_BLANK_SET = frozenset(_BLANK)
_MISSING = object()

# Texts this short repeat (agencies, item markers, headings): each is kept once per parse.
_SHORT = 16


class _Source:
    """The text being parsed, with the spans of removed artifacts and the diagnostics so far."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Targets' quantities and deadlines repeat (2019年底前): one object for each. (Short texts,
        # agencies and headings, go to Python's table of interned strings: `intern`.)
        self._interned: dict[Hashable, Hashable] = {}
        self.diagnostics: list[Diagnostic] = []
        self.artifacts = [Span(m.start(), m.end()) for m in EXPORT_ARTIFACT.finditer(text)]
        # Where each artifact ends, by its start, and the reverse: trimming looks them up.
        self._artifact_ends = {span.start: span.end for span in self.artifacts}
        self._artifact_starts = {span.end: span.start for span in self.artifacts}
        # The table reads each cell more than once (header test, blank test, the row itself).
        self._snippets: dict[tuple[int, int], Snippet | None] = {}
        for span in self.artifacts:
            if PINYIN_ANNOTATION.fullmatch(span.slice(text)):
                code, what = "pinyin-annotation", "the pinyin a mirror site added"
            elif REPOST_TAG.fullmatch(span.slice(text)):
                code, what = "repost-tag", "the tag a repost wrote before a heading"
            elif MANGLED_INDENT.fullmatch(span.slice(text)):
                code, what = (
                    "mangled-indent",
                    "the question marks a wrong conversion left of an indent",
                )
            else:
                code, what = "export-artifact", "the export artifact"
            self.report(Severity.INFO, code, f"removed {what} {span.slice(text)!r}", span)
        self._folded: str | None = None
        self._artifact_end_list = [span.end for span in self.artifacts]

    @property
    def folded(self) -> str:
        """The text folded to Simplified characters and ASCII, offset for offset (`fold`)."""
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded

    def view(self, start: int, end: int) -> _View:
        """Return `[start, end)` folded, without artifacts and blanks at either end."""
        # Fold only the piece asked for unless the whole text is folded already: a table's text
        # is never viewed, and a folded copy of it all would cost its size again (fold keeps
        # every character's offset, so a piece folds as it does in the whole).
        if self._folded is not None:
            folded, base = self._folded, 0
        else:
            folded, base = fold(self.text[start:end]), start
        positions: list[int] = []
        # Artifacts come in text order and do not overlap: start at the first that ends after
        # `start`, so that a view costs its own length, not the number of artifacts.
        artifacts = self.artifacts
        next_artifact = bisect.bisect_right(self._artifact_end_list, start)
        index = start
        while index < end:
            if next_artifact < len(artifacts) and index >= artifacts[next_artifact].start:
                index = max(index, artifacts[next_artifact].end)
                next_artifact += 1
                continue
            if folded[index - base] not in _LINE_BREAKS:  # wrapped lines read as one line
                positions.append(index)
            index += 1
        low, high = 0, len(positions)
        while low < high and folded[positions[low] - base] in _BLANK:
            low += 1
        while high > low and folded[positions[high - 1] - base] in _BLANK:
            high -= 1
        kept = positions[low:high]
        return _View("".join(folded[i - base] for i in kept), tuple(kept))

    def report(self, severity: Severity, code: str, message: str, span: Span) -> None:
        self.diagnostics.append(Diagnostic(severity, code, message, span))

    def in_sequence(self, what: str, number: int, expected: int, span: Span) -> bool:
        """Tell whether `number` is the one expected; report it when not (it is kept as written)."""
        if number != expected:
            message = f"{what} numbered {number} where {expected} was expected"
            self.report(Severity.WARNING, "out-of-sequence", message, span)
        return number == expected

    def forget_snippets(self) -> None:
        """Drop the memo of cut texts (a row's cells are not read again once the row is done)."""
        self._snippets.clear()

    def intern(self, text: str) -> str:
        """Return one string object for every equal short `text` (Python's own string table)."""
        return text if len(text) > _SHORT else sys.intern(text)

    def intern_value(self, value: _V) -> _V:
        """Return one object for every equal `value` (a quantity, a deadline) of this parse."""
        return self._interned.setdefault(value, value)  # type: ignore[return-value]

    def unparsed(self, reason: str, start: int, end: int) -> None:
        """Keep text the parser could not place, if it holds anything but blanks."""
        snippet = self.snippet(start, end)
        if snippet is not None:
            self.report(Severity.WARNING, "unparsed", reason, snippet.span)

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """Narrow `[start, end)` past blanks and artifacts at either end."""
        text = self.text
        if (
            start < end
            and text[start] not in _BLANK_SET
            and text[end - 1] not in _BLANK_SET
            and start not in self._artifact_ends
            and end not in self._artifact_starts
        ):
            return start, end  # most cells and items: nothing to narrow (the loop would not move)
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
        snippet = self._snippets.get(key, _MISSING)
        if snippet is _MISSING:
            piece = self.piece(start, end)
            snippet = None if piece is None else Snippet(*piece)
            self._snippets[key] = snippet
        return snippet  # type: ignore[return-value]

    def piece(self, start: int, end: int) -> tuple[str, Span] | None:
        """Return what `snippet` holds, as a pair and read afresh: for a piece read only once (an
        item, an agency), which needs neither the memo nor a `Snippet`."""
        start, end = self.trim(start, end)
        if start >= end:
            return None
        return self.intern(clean_text(self.text[start:end])), Span(start, end)


# --- numerals ------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1024)
def _small_numeral(text: str) -> int | None:
    """Read an ordinal as headings write it (十二, 二十, 3), or None when it is not one."""
    # Cached: a table's heading cells repeat the same few ordinals in every row.
    try:
        value = parse_number(text)
    except ParseError:
        return None
    return int(value) if value == value.to_integral_value() and 0 < value < 1000 else None


# A year in a title: four digits, Arabic or Chinese (二〇二〇), on their own.
_TITLE_YEAR = LazyPattern(
    r"(?<! [0-9〇零一二三四五六七八九] ) (?P<year> [0-9]{4} | [〇零一二三四五六七八九]{4} )"
    r" (?! [0-9〇零一二三四五六七八九] ) (?P<nian> 年 )?",
    regex.VERBOSE,
)


def _plan_year(title: str) -> int | None:
    """Return the one year an annual plan's title names (2020年…工作计划), else None.

    A title with two years (2021—2023年, 2019-2021年) names a span, not the plan's year; one with
    none (三年行动方案) names no year.
    """
    matches = list(_TITLE_YEAR.finditer(fold(title)))
    if len(matches) != 1 or matches[0]["nian"] is None:
        return None
    try:
        return int(parse_number(matches[0]["year"]))
    except ParseError:
        return None


def _issue_date(text: str) -> datetime.date | None:
    try:
        return parse_chinese_date(text)
    except ParseError:
        return None
