"""Reading the JSON data files yingshang ships and users supply (agency registry, indicator map)."""

from __future__ import annotations

import json
import os
import unicodedata

from .errors import YingshangError

__all__ = ["normalize_name", "read_json", "read_json_file"]


def normalize_name(name: str) -> str:
    """Return `name` as data files compare names: NFKC, without any whitespace.

    Word exports split names across lines and pad them with spaces or U+3000; NFKC also folds
    full-width forms, so ``（集团）`` and ``(集团)`` meet.
    """
    return "".join(unicodedata.normalize("NFKC", name).split())


def read_json(text: str, source: str, expected: str, error: type[YingshangError]) -> object:
    """Return the JSON document in `text`; raise `error` naming `source` and where, if not JSON."""
    try:
        document: object = json.loads(text)
    except json.JSONDecodeError as problem:
        raise error(
            f"{source}: line {problem.lineno}, column {problem.colno}: "
            f"expected {expected}, found invalid JSON ({problem.msg})"
        ) from None
    return document


def read_json_file(path: str | os.PathLike[str]) -> tuple[str, str]:
    """Return the UTF-8 text of the file at `path` and its name for error messages."""
    with open(path, encoding="utf-8") as file:
        return file.read(), os.fspath(path)
