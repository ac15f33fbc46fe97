"""The limits on what a reader accepts: a plan from the web must not hurt the machine reading it."""

from __future__ import annotations

import attrs

from ..errors import LimitExceededError

__all__ = ["Limits", "check"]


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value <= 0:
        raise ValueError(f"Limits.{attribute.name} must be positive, not {value}")


@attrs.frozen
class Limits:
    """What a reader accepts, checked before reading and while reading.

    The defaults are far beyond any real plan (the embedded plan is 22,538 characters, its Word
    file 40 kB); override them for unusual files, e.g. ``Limits(max_pages=5000)``. Every refusal
    is a `LimitExceededError` naming the field and the file.
    """

    max_bytes: int = attrs.field(default=50_000_000, validator=_positive)
    """Size of the file itself."""
    max_unzipped_bytes: int = attrs.field(default=100_000_000, validator=_positive)
    """Inflated size of the zip members read (.docx), by the headers and counted while inflating."""
    max_zip_members: int = attrs.field(default=10_000, validator=_positive)
    """Number of members of a zip (.docx)."""
    max_text_chars: int = attrs.field(default=50_000_000, validator=_positive)
    """Size of the canonical text a reader renders."""
    max_depth: int = attrs.field(default=200, validator=_positive)
    """Nesting depth of HTML elements and of tables inside table cells."""
    max_elements: int = attrs.field(default=2_000_000, validator=_positive)
    """Number of HTML elements."""
    max_pages: int = attrs.field(default=2_000, validator=_positive)
    """Number of pages of a PDF."""
    max_cells: int = attrs.field(default=500_000, validator=_positive)
    """Number of table cells."""


def check(limits: Limits, name: str, value: int, what: str, path: str | None) -> None:
    """Raise `LimitExceededError` when `value` is beyond the limit `name` of `limits`.

    `what` describes the value found, with ``{}`` where the value goes: "{} PDF pages".
    """
    maximum: int = getattr(limits, name)
    if value > maximum:
        raise LimitExceededError(name, maximum, what.format(f"{value:,}"), path)
