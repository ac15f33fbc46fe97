"""Plans shipped inside the package, ready to use with no input at all."""

from __future__ import annotations

import functools
from importlib import resources

from .model import Plan
from .parse import parse

__all__ = ["chongqing_2019", "chongqing_2019_text"]

_CHONGQING_2019 = "chongqing-2019.txt"


@functools.cache
def chongqing_2019_text() -> str:
    """Return the text of 《重庆市营商环境优化提升工作方案》 (渝府办发〔2019〕81号) as exported.

    The text is the Word export as published, table layout and export artifacts included, so
    spans of the parsed plan index into exactly this string.
    """
    return (
        resources.files("yingshang").joinpath("data", _CHONGQING_2019).read_text(encoding="utf-8")
    )


@functools.cache
def chongqing_2019() -> Plan:
    """Return the Chongqing 2019 plan, parsed once and cached (the embedded default)."""
    return parse(chongqing_2019_text())
