"""Tell a file's format by its content (magic bytes), never by its name."""

from __future__ import annotations

import enum
import functools

import regex

from ..errors import UnsupportedFormatError

__all__ = ["Format", "detect_format"]


class Format(enum.Enum):
    """The formats yingshang reads; the value is `Source.format`."""

    TEXT = "text"
    DOCX = "docx"
    HTML = "html"
    PDF = "pdf"
    LEGACY = "legacy"  # old binary Word (.doc), WPS (.wps), RTF, OpenDocument: converted


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .wps, .xls: Compound File Binary
_IMAGES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")


# An HTML document opens with a tag of its own (after a BOM, blanks or an XML declaration).
@functools.cache
def _html_start() -> regex.Pattern[bytes]:
    # Compiled on first use (a bytes pattern, which LazyPattern does not hold).
    return regex.compile(
        rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)*"
        rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p|table|h[1-6])[\s>/]",
        regex.IGNORECASE | regex.DOTALL,
    )


def _sniff(data: bytes) -> bytes:
    head = data[:4096]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[1:2] == b"\x00" or head[:1] == b"\x00":
        # UTF-16: its ASCII markup reads once the NULs are gone.
        return head.replace(b"\x00", b"").lstrip(b"\xff\xfe")
    return head


def detect_format(data: bytes, path: str | None = None) -> Format:
    """Return the format of the file `data` by its magic bytes.

    Raises `UnsupportedFormatError` for a file that is no plan's text (an image, a spreadsheet).
    """
    if data.startswith(b"PK\x03\x04"):
        # Member names stand uncompressed in the zip's headers: no need to open it (the docx
        # reader does, within the limits).
        if b"word/document.xml" in data or b"/document.xml" in data:
            return Format.DOCX
        if b"mimetypeapplication/vnd.oasis.opendocument.text" in data[:200]:
            return Format.LEGACY  # OpenDocument text: LibreOffice converts it
        raise UnsupportedFormatError("a zip file that is not a Word document (.docx)", path)
    if data[:1024].find(b"%PDF-") != -1:
        return Format.PDF
    if data.startswith(_OLE2) or data.startswith(b"{\\rtf"):
        return Format.LEGACY
    if data.startswith(_IMAGES):
        raise UnsupportedFormatError(
            "an image, not text: a scan must be run through OCR before it can be read", path
        )
    if _html_start().match(_sniff(data)):
        return Format.HTML
    return Format.TEXT
