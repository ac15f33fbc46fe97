"""Scanning helpers: anchored matching, word tests, and clause and sentence breaks."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import Any

from .._lazy import LazyPattern, LazyStdlibPattern
from ._patterns import _CLAUSE_BREAK, _SENTENCE_MARKS


def _goes_on(text: str) -> set[int]:
    """Return where a 。 does not end the sentence: 。其中…, or 。 其中… with up to four spaces."""
    positions = set()
    index = text.find("其中")
    while index >= 0:
        before = index - 1
        while before >= 0 and index - before <= 5 and text[before] in " \u3000":
            before -= 1
        if before >= 0 and index - before <= 5 and text[before] == "。":
            positions.add(before)
        index = text.find("其中", index + 1)
    return positions


# More than one anchor word in this many characters, and the whole scan is the cheaper.
_DENSE = 64


def _anchored_matches(
    pattern: LazyPattern | LazyStdlibPattern,
    text: str,
    anchors: tuple[str, ...],
    lead: int,
    dense: int | None = _DENSE,
    before: frozenset[str] | None = None,
) -> Iterator[Any]:
    """Yield what `pattern.finditer(text)` yields, trying only starts near an anchor word.

    Exact for a pattern every match of which holds one of `anchors` at most `lead` characters
    after its start: a start no anchor follows that closely cannot match. A few `str.find`
    passes and a match attempt at a handful of starts cost far less than the engine's scan
    of every start, and each start is tried at most once, so the time stays linear. Where
    anchor words are `dense` (more than one in that many characters), the whole scan runs.

    With `before`, for a pattern whose every match is one of those characters and then an
    anchor (三成: a numeral, then 成), only the character before each anchor is tried, and only
    if it is one of them: most anchors (完成, 形成) cost no match attempt at all.
    """
    most = len(text) // dense if dense is not None else len(text)
    long = len(text) > _LONG_TEXT
    hits: list[int] = []
    for word in anchors:
        if long and not _has_characters(text, word):
            continue  # (dn in a text with no n: a character's test costs a twentieth of a find)
        index = text.find(word)
        while index >= 0:
            hits.append(index)
            if len(hits) > most:
                # Anchor words everywhere (a hostile or degenerate text): one scan costs less
                # than a match attempt at nearly every start.
                yield from pattern.finditer(text)
                return
            index = text.find(word, index + 1)
    hits.sort()
    if before is not None:
        for hit in hits:
            if hit and text[hit - 1] in before:
                match = pattern.match(text, hit - 1)
                if match is not None:
                    yield match
        return
    untried = 0  # starts before this were tried, or lie inside a match already yielded
    for hit in hits:
        start = max(untried, hit - lead)
        while start <= hit:
            match = pattern.match(text, start)
            if match is None:
                start += 1
            else:
                yield match
                start = match.end()
        untried = max(untried, start)


def _holds_any(text: str, words: tuple[str, ...], known: dict[str, bool] | None = None) -> bool:
    """Tell whether `text` holds one of `words`: a test that skips a scan which cannot match.

    `known` keeps what earlier tests of the same text found: looking for a word of two common
    characters (国庆 in a text full of 国 and 重庆) costs a scan of the whole text when it is
    absent, and several patterns share anchor words.
    """
    # A loop, not any() over a generator, which costs more than the tests themselves.
    long = len(text) > _LONG_TEXT
    for word in words:
        found: bool | None
        if known is None:
            found = _contains(text, word) if long else word in text
        else:
            found = known.get(word)
            if found is None:
                found = known[word] = _contains(text, word) if long else word in text
        if found:
            return True
    return False


# A text this long is tested for a word's characters one by one before the word itself.
_LONG_TEXT = 512


def _has_characters(text: str, word: str) -> bool:
    """Tell whether every character of `word` is in `text`: False says `word` is absent."""
    # A loop, not all() over a generator, which costs more than the tests themselves.
    for char in word:  # noqa: SIM110
        if char not in text:
            return False
    return True


def _contains(text: str, word: str) -> bool:
    """`word in text`, faster when it is absent: an absent word of two or more characters costs a
    scan of the text at about a nanosecond a character, a single absent character a twentieth
    of that (a plan holds 中秋节 nowhere, and 秋 nowhere either)."""
    if len(word) > 1 and not _has_characters(text, word):
        return False
    return word in text


class _Breaks:
    """Positions of clause or sentence breaks, to find the clause around an offset in log time."""

    def __init__(self, positions: list[int], length: int) -> None:
        self.positions = positions
        self.length = length

    @classmethod
    def of_clauses(cls, text: str) -> _Breaks:
        """Find the clause breaks of `text`."""
        # The pieces between breaks are cheaper to make than a match object per break.
        positions = []
        position = -1
        for piece in _CLAUSE_BREAK.split(text)[:-1]:
            position += len(piece) + 1
            positions.append(position)
        return cls(positions, len(text))

    def sentences(self, text: str) -> _Breaks:
        """Return the sentence breaks of `text`, whose clause breaks these are.

        Every sentence break (！？!?, a line break, and 。 unless 其中 goes on with the sentence)
        is a clause break too: picking them out of these is what `_SENTENCE_BREAK` finds, without
        a second scan of the text.
        """
        positions = [position for position in self.positions if text[position] in _SENTENCE_MARKS]
        if "其中" in text:
            going_on = _goes_on(text)
            positions = [position for position in positions if position not in going_on]
        return _Breaks(positions, self.length)

    def start_of(self, position: int) -> int:
        index = bisect.bisect_left(self.positions, position)
        return self.positions[index - 1] + 1 if index else 0

    def end_of(self, position: int) -> int:
        index = bisect.bisect_left(self.positions, position)
        return self.positions[index] if index < len(self.positions) else self.length
