"""Terminal layout for text that mixes CJK and Latin characters."""

from __future__ import annotations

import unicodedata

__all__ = ["display_width", "format_table", "shorten"]


def display_width(text: str) -> int:
    """Return how many terminal columns `text` takes: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def shorten(text: str, width: int) -> str:
    """Return `text` cut to `width` characters, with "…" where it was cut."""
    return text if len(text) <= width else text[: width - 1] + "…"


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def format_table(header: list[str], rows: list[list[str]], numeric: set[int] | None = None) -> str:
    """Lay `rows` out under `header` in aligned columns; `numeric` columns align right."""
    numeric = numeric or set()
    widths = [display_width(cell) for cell in header]
    for row in rows:
        widths = [max(w, display_width(cell)) for w, cell in zip(widths, row, strict=True)]
    lines = []
    for row in [header, ["-" * w for w in widths], *rows]:
        cells = [
            _pad(cell, w, i in numeric) for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)
