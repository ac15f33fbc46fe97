"""The exceptions yingshang raises: one base class, and specific errors beneath it."""

from __future__ import annotations

from ._display import display_width
from ._lazy import LazyStdlibPattern

__all__ = [
    "LimitExceededError",
    "MissingDependencyError",
    "ParseError",
    "PatternTimeoutError",
    "ReadError",
    "UnsafeContentError",
    "UnsupportedFormatError",
    "YingshangError",
    "line_and_column",
]


class YingshangError(Exception):
    """The base class of every error yingshang raises on purpose."""


class PatternTimeoutError(YingshangError, TimeoutError):
    """A regular expression that ran longer than its time limit, e.g. ``(a|aa)+$`` (one that
    backtracks exponentially) over a long item."""

    def __init__(self, pattern: str, seconds: float):
        self.pattern = pattern
        self.seconds = seconds
        super().__init__(
            f"the pattern {pattern!r} ran longer than {seconds:g} s: write it without nested "
            "repeats such as (a+)+ or (a|aa)+"
        )

    def __reduce__(self) -> tuple[type[PatternTimeoutError], tuple[str, float]]:
        return (PatternTimeoutError, (self.pattern, self.seconds))


# Every line break str.splitlines() knows, "\r\n" as one: Mac exports end lines with "\r", and
# text copied from web pages or PDFs may hold U+2028 LINE SEPARATOR.
_LINE_BREAK = LazyStdlibPattern(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """Return the 1-based line and column of `offset` in `text`.

    Lines end where `str.splitlines` ends them ("\\n", "\\r\\n", "\\r", U+2028, ...); an offset
    past the end is reported at the end of the text.

    >>> line_and_column("一\\r二\\u2028三", 4)
    (3, 1)
    """
    offset = max(0, min(offset, len(text)))
    line = 1
    line_start = 0
    # One character further, so that an offset between "\r" and "\n" stays on the "\r"'s line.
    for match in _LINE_BREAK.finditer(text, 0, offset + 1):
        if match.end() > offset:
            break
        line += 1
        line_start = match.end()
    return line, offset - line_start + 1


def _line_bounds(text: str, offset: int) -> tuple[int, int]:
    """Return where the line holding `offset` starts and ends (before its line break)."""
    _, column = line_and_column(text, offset)
    start = offset - column + 1
    following = _LINE_BREAK.search(text, offset)
    return start, following.start() if following else len(text)


class ParseError(YingshangError, ValueError):
    """Text that is not what the parser expects: says what was expected, and where.

    `line` and `column` are 1-based; `offset` is the character offset into the text. The message
    quotes the offending line with a caret under the column.
    """

    def __init__(self, expected: str, text: str = "", offset: int = 0, found: str | None = None):
        self.expected = expected
        self.offset = max(0, min(offset, len(text)))
        self.line, self.column = line_and_column(text, self.offset)
        if found is None:
            found = _describe_found(text, self.offset)
        self.found = found
        message = f"line {self.line}, column {self.column}: expected {expected}, found {found}"
        source_line = _source_line(text, self.offset)
        if source_line is not None:
            caret = " " * display_width(source_line[: self.column - 1]) + "^"
            message = f"{message}\n    {source_line}\n    {caret}"
        super().__init__(message)

    def __reduce__(self) -> tuple[type[ParseError], tuple[str, str, int, str]]:
        # Exceptions with keyword-rich constructors do not pickle by default.
        return (ParseError, (self.expected, "", 0, self.found))


def _describe_found(text: str, offset: int) -> str:
    if not text:
        return "empty text"
    if offset >= len(text):
        return "the end of the text"
    rest = text[offset : _line_bounds(text, offset)[1]]
    if len(rest) > 30:
        rest = rest[:30] + "…"
    return repr(rest) if rest.strip() else "a blank line"


def _source_line(text: str, offset: int) -> str | None:
    if not text:
        return None
    start, end = _line_bounds(text, offset)
    line = text[start:end]
    if not line.strip() or len(line) > 200:
        return None
    return line.replace("\t", " ")


class MissingDependencyError(YingshangError, ImportError):
    """An optional dependency that a function needs is not installed; names the extra to install."""


class ReadError(ParseError):
    """A file that cannot be read as a plan's text: its format, encoding or size. Names the file.

    The error is about the file as a whole, so `line` and `column` are 1 and `offset` 0.
    """

    def __init__(self, message: str, path: str | None = None) -> None:
        self.message = message
        self.path = path
        self.expected = message
        self.found = ""
        self.offset = 0
        self.line = self.column = 1
        YingshangError.__init__(self, f"{path}: {message}" if path else message)

    def __reduce__(self) -> tuple[type[ReadError], tuple[str, str | None]]:  # type: ignore[override]
        return (type(self), (self.message, self.path))


class UnsupportedFormatError(ReadError):
    """A file in a format yingshang does not read (old binary Word, a scanned PDF, an image…)."""


class UnsafeContentError(ReadError):
    """A file that asks for something a plan never needs: XML entities, a DTD, external files."""


class LimitExceededError(ReadError):
    """A file beyond one of the reading limits (`yingshang.readers.Limits`): names the limit.

    `limit` is the name of the `Limits` field, `maximum` its value; reading stopped as soon as
    the limit was passed, so `found` is a lower bound where the rest was not read.
    """

    def __init__(self, limit: str, maximum: int, found: str, path: str | None = None) -> None:
        self.limit = limit
        self.maximum = maximum
        super().__init__(f"{found}, beyond the limit {limit}={maximum:,}", path)
        self.found = found

    def __reduce__(self) -> tuple[type[LimitExceededError], tuple[str, int, str, str | None]]:  # type: ignore[override]
        return (LimitExceededError, (self.limit, self.maximum, self.found, self.path))
