"""Readers: turn a plan's file (text, Word, web page, PDF) into the one canonical text.

Each reader renders its format into the text the parser reads: paragraphs as lines, a table as
rows of tab-opened cells separated by blank lines (see `yingshang.parse`). The format is told by
the file's content (its magic bytes), never by its name. The parser never sees a file format.

>>> from yingshang.readers import read_bytes
>>> source = read_bytes("重庆市营商环境优化提升工作方案\\r\\n".encode("utf-16"))
>>> source.format, source.encoding, source.text
('text', 'utf-16', '重庆市营商环境优化提升工作方案\\n')
"""

from __future__ import annotations

import os
import stat

from ..errors import ReadError
from ..model import Source
from ._detect import Format, detect_format
from ._limits import Limits, check
from ._text import decode, detect_encoding, normalize_line_breaks

__all__ = [
    "Format",
    "Limits",
    "decode",
    "detect_encoding",
    "detect_format",
    "normalize_line_breaks",
    "read_bytes",
    "read_file",
    "read_text",
]

DEFAULT_LIMITS = Limits()


def read_text(data: bytes, path: str | None = None, limits: Limits = DEFAULT_LIMITS) -> Source:
    """Read plain text: detect the encoding and turn every line break into LF.

    The line breaks are normalised before parsing, so spans index `Source.text`, not the bytes.
    """
    detected = detect_encoding(data)
    if detected is None:
        decode(data, path or "<bytes>")  # raises the ParseError naming the byte
        raise AssertionError("unreachable")  # pragma: no cover
    encoding, text = detected
    check(limits, "max_text_chars", len(text), "text of {} characters", path)
    return Source(normalize_line_breaks(text), path, "text", encoding)


def read_bytes(data: bytes, path: str | None = None, *, limits: Limits | None = None) -> Source:
    """Render the file `data` (its name `path`, for messages) into the canonical text.

    Raises `ReadError` (a `ParseError`) for a file that cannot be read, or one of its kinds:
    `UnsupportedFormatError`, `UnsafeContentError`, `LimitExceededError`; and
    `MissingDependencyError` naming the extra to install (``pip install 'yingshang[docx]'``)
    when a format's reader is not installed.
    """
    limits = DEFAULT_LIMITS if limits is None else limits
    check(limits, "max_bytes", len(data), "a file of {} bytes", path)
    kind = detect_format(data, path)
    if kind is Format.DOCX:
        from ._docx import read_docx

        return read_docx(data, path, limits)
    if kind is Format.HTML:
        from ._html import read_html

        return read_html(data, path, limits)
    if kind is Format.PDF:
        from ._pdf import read_pdf

        return read_pdf(data, path, limits)
    if kind is Format.LEGACY:
        from ._legacy import read_legacy

        return read_legacy(data, path, limits)
    return read_text(data, path, limits)


def read_file(path: str | os.PathLike[str], *, limits: Limits | None = None) -> Source:
    """Read the file at `path` into its canonical text; its size is checked before reading.

    Raises what `read_bytes` raises, and `OSError` when the file cannot be read.
    """
    limits = DEFAULT_LIMITS if limits is None else limits
    name = os.fspath(path)
    with open(name, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ReadError("not a regular file", name)
        check(limits, "max_bytes", info.st_size, "a file of {} bytes", name)
        # One byte more than the limit tells a file that grew since fstat.
        data = file.read(limits.max_bytes + 1)
    return read_bytes(data, name, limits=limits)
