"""Plain text: the encoding detected (UTF-8, UTF-16, GB18030/GBK, Big5), line breaks as LF."""

from __future__ import annotations

import codecs

from .._lazy import LazyPattern
from ..errors import ParseError

__all__ = ["crlf_doubled", "decode", "detect_encoding", "normalize_line_breaks"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# CRLF, CR, NEL and the Unicode line and paragraph separators all end a line.
_LINE_BREAK = LazyPattern(r"\r\n?|[\x85\u2028\u2029]")

# The common characters of each Chinese encoding: GB2312's first level (the 3,755 most used
# simplified characters) and Big5's 常用字 (5,401 traditional ones). Text in the right encoding
# is made almost only of them; the same bytes read in the wrong one give characters from
# anywhere in the table.
_COMMON = {"gb18030": ("gb2312", 0xB0A1, 0xD7FE), "cp950": ("big5", 0xA440, 0xC67E)}
_SAMPLE = 20_000


def _common_share(text: str, encoding: str) -> float:
    table, low, high = _COMMON[encoding]
    seen = common = 0
    for char in text[:_SAMPLE]:
        if "\u4e00" <= char <= "\u9fff":
            seen += 1
            try:
                code = char.encode(table)
            except UnicodeEncodeError:
                continue
            if len(code) == 2 and low <= (code[0] << 8 | code[1]) <= high:
                common += 1
    return common / seen if seen else 0.0


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def detect_encoding(data: bytes) -> tuple[str, str] | None:
    """Return ``(encoding, text)`` for `data`, or None when it is no text in any we read.

    A byte-order mark decides; then UTF-8 when it decodes; UTF-16 without a mark when the data
    holds NUL bytes (its ASCII characters do; no other encoding's text does), little- or
    big-endian by where they stand; else GB18030 (which covers GBK and GB2312) or Big5, the one
    whose decoding reads as common characters.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data, encoding)
            return None if text is None else (encoding.replace("-sig", ""), text)
    text = _strict(data, "utf-8")
    if text is not None:
        return "utf-8", text
    if b"\x00" in data:
        sample = data[:4096]
        odd = sample[1::2].count(0)
        even = sample[0::2].count(0)
        encoding = "utf-16-le" if odd >= even else "utf-16-be"
        text = _strict(data, encoding)
        return None if text is None else (encoding, text)
    decoded = {e: t for e in ("gb18030", "cp950") if (t := _strict(data, e)) is not None}
    if len(decoded) == 2:
        best = max(decoded, key=lambda e: _common_share(decoded[e], e))
        return best, decoded[best]
    if decoded:
        ((encoding, text),) = decoded.items()
        return encoding, text
    return None


def decode(data: bytes, source: str = "<bytes>") -> str:
    """Decode a plan's bytes, detecting the encoding: UTF-8 (BOM or not), UTF-16, GB18030, Big5.

    Raises `ParseError` naming the first byte that is not UTF-8 text when no encoding fits.

    >>> decode("方案".encode("utf-16"))
    '方案'
    """
    detected = detect_encoding(data)
    if detected is not None:
        return detected[1]
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as problem:
        bad = problem.start
    else:  # pragma: no cover - UTF-8 text is always detected
        bad = 0
    prefix = data[:bad].decode("utf-8", errors="replace")
    raise ParseError(
        "text in UTF-8, UTF-16, GB18030 (GBK) or Big5",
        prefix,
        len(prefix),
        found=f"byte 0x{data[bad]:02x} in {source}",
    )


def normalize_line_breaks(text: str) -> str:
    r"""Return `text` with every line break (CRLF, CR, NEL, U+2028, U+2029) as LF.

    A text converted to CRLF twice, whose every CRLF is CR CR LF, has one line break there.

    >>> normalize_line_breaks("一\r二\u2028三\r\n")
    '一\n二\n三\n'
    >>> normalize_line_breaks("一\r\r\n二\r\r\n")
    '一\n二\n'
    """
    if "\r" not in text and not _LINE_BREAK.search(text):
        return text
    if crlf_doubled(text):
        text = text.replace("\r\r\n", "\n")
    return str(_LINE_BREAK.sub("\n", text))


def crlf_doubled(text: str) -> bool:
    """Tell whether every CRLF of `text` is CR CR LF: converted to CRLF twice, each line ends
    with one line break written so, not with a blank line after it."""
    return "\r\r\n" in text and text.count("\r\r\n") == text.count("\r\n")
