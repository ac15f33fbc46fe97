"""The exceptions yingshang raises: one base class, and specific errors beneath it."""

from __future__ import annotations

from ._display import display_width

__all__ = ["ParseError", "YingshangError", "line_and_column"]


class YingshangError(Exception):
    """The base class of every error yingshang raises on purpose."""


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """Return the 1-based line and column of `offset` in `text`.

    Lines end at "\\n"; an offset past the end is reported at the end of the text.
    """
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


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
    end = text.find("\n", offset)
    rest = text[offset : end if end != -1 else len(text)]
    if len(rest) > 30:
        rest = rest[:30] + "…"
    return repr(rest) if rest.strip() else "a blank line"


def _source_line(text: str, offset: int) -> str | None:
    if not text:
        return None
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : end if end != -1 else len(text)]
    if not line.strip() or len(line) > 200:
        return None
    return line.replace("\t", " ")
