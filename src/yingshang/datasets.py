"""Plans shipped inside the package, ready to use with no input at all."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from . import _cache

if TYPE_CHECKING:
    from .model import Plan  # imported by unpickling or parsing the plan, not before

__all__ = ["chongqing_2019", "chongqing_2019_text"]

_CHONGQING_2019 = "chongqing-2019.txt"


@functools.cache
def chongqing_2019_text() -> str:
    """Return the text of 《重庆市营商环境优化提升工作方案》 (渝府办发〔2019〕81号) as exported.

    The text is the Word export as published, table layout and export artifacts included, so
    spans of the parsed plan index into exactly this string.
    """
    from importlib import resources  # a module costly to import, not needed for the cached plan

    return (
        resources.files("yingshang").joinpath("data", _CHONGQING_2019).read_text(encoding="utf-8")
    )


@functools.cache
def chongqing_2019() -> Plan:
    """Return the Chongqing 2019 plan, parsed once and cached (the embedded default).

    The parsed plan is also kept in the user's cache directory, keyed by yingshang's files and
    Python's packages, so that a new process reads it instead of parsing the text again
    (``YINGSHANG_NO_CACHE=1`` turns that off; see the performance page).
    """
    return _cache.cached("yingshang", "chongqing-2019", _parse_chongqing_2019)


def _parse_chongqing_2019() -> Plan:
    from .parse import parse  # only on a cache miss: the parser's patterns take time to compile

    return parse(chongqing_2019_text())
