"""Word's list numbering: the labels (（1）, 1．, 一、) a list definition generates.

Word keeps these labels out of the paragraph's text; a reader must count them as Word does. A
level's text (``%1．``) names the counters of its levels; each list definition (abstract
numbering) counts on across the lists (``w:num``) that share it, unless a list overrides a
level's start, as Word's "restart numbering" writes it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from ..numbers import to_chinese_numeral

__all__ = ["Numbering", "format_number"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LEVELS = 9


def _val(element: Any, path: str) -> str | None:
    found = element.find(path) if element is not None else None
    return None if found is None else found.get(f"{_W}val")


def _int(value: str | None, default: int | None) -> int | None:
    try:
        return default if value is None else int(value)
    except ValueError:
        return default


def _letters(n: int, alphabet: str) -> str:
    # Word writes A … Z, AA … ZZ, AAA: the letter repeated.
    if n <= 0:
        return str(n)
    return alphabet[(n - 1) % 26] * ((n - 1) // 26 + 1)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, letters in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def _enclosed(first: int, last: int) -> Callable[[int], str]:
    return lambda n: chr(first + n - 1) if 1 <= n <= last - first + 1 else str(n)


_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_LEGAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperLetter": lambda n: _letters(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "lowerLetter": lambda n: _letters(n, "abcdefghijklmnopqrstuvwxyz"),
    "chineseCounting": to_chinese_numeral,
    "chineseCountingThousand": to_chinese_numeral,
    "taiwaneseCounting": to_chinese_numeral,
    "japaneseCounting": to_chinese_numeral,
    "ideographLegalTraditional": lambda n: to_chinese_numeral(n).translate(_LEGAL),
    "chineseLegalSimplified": lambda n: to_chinese_numeral(n).translate(_LEGAL),
    "ideographDigital": lambda n: "".join("〇一二三四五六七八九"[int(d)] for d in str(n)),
    "taiwaneseDigital": lambda n: "".join("〇一二三四五六七八九"[int(d)] for d in str(n)),
    "ideographTraditional": lambda n: "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10],
    "ideographZodiac": lambda n: "子丑寅卯辰巳午未申酉戌亥"[(n - 1) % 12],
    "decimalEnclosedCircle": _enclosed(0x2460, 0x2473),  # ①…⑳
    "decimalEnclosedCircleChinese": _enclosed(0x2460, 0x2473),
    "decimalEnclosedFullstop": _enclosed(0x2488, 0x249B),  # ⒈…⒛
    "decimalEnclosedParen": _enclosed(0x2474, 0x2487),  # ⑴…⒇
    "decimalFullWidth": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalFullWidth2": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalHalfWidth": str,
    "none": lambda n: "",
}


def format_number(n: int, kind: str) -> str:
    """Write the counter `n` in Word's number format `kind` (decimal when unknown).

    >>> format_number(12, "chineseCounting"), format_number(3, "decimalEnclosedCircle")
    ('十二', '③')
    """
    return _FORMATS.get(kind, str)(n)


@attrs.frozen
class _Level:
    start: int = 1
    kind: str = "decimal"
    text: str = ""
    restart: int | None = None  # restart after this 1-based level is used; 0: never
    legal: bool = False  # isLgl: every level's counter as a decimal
    hidden: bool = False


def _level(element: Any) -> _Level:
    properties = element.find(f"{_W}rPr")
    vanish = properties is not None and properties.find(f"{_W}vanish") is not None
    return _Level(
        start=_int(_val(element, f"{_W}start"), 1) or 0,
        kind=_val(element, f"{_W}numFmt") or "decimal",
        text=_val(element, f"{_W}lvlText") or "",
        restart=_int(_val(element, f"{_W}lvlRestart"), None),
        legal=element.find(f"{_W}isLgl") is not None,
        hidden=vanish,
    )


class Numbering:
    """The list definitions of one document, and the counters as its paragraphs are read."""

    def __init__(self, numbering: Any, styles: Any) -> None:
        abstract: dict[str, dict[int, _Level]] = {}
        for definition in numbering.iterfind(f"{_W}abstractNum") if numbering is not None else ():
            levels = {}
            for level in definition.iterfind(f"{_W}lvl"):
                index = _int(level.get(f"{_W}ilvl"), None)
                if index is not None and 0 <= index < _LEVELS:
                    levels[index] = _level(level)
            abstract[definition.get(f"{_W}abstractNumId", "")] = levels
        # numId → (the abstract definition, its levels with overrides, the overridden starts)
        self._lists: dict[str, tuple[str, dict[int, _Level], dict[int, int]]] = {}
        for instance in numbering.iterfind(f"{_W}num") if numbering is not None else ():
            abstract_id = _val(instance, f"{_W}abstractNumId") or ""
            levels = dict(abstract.get(abstract_id, {}))
            starts: dict[int, int] = {}
            for override in instance.iterfind(f"{_W}lvlOverride"):
                index = _int(override.get(f"{_W}ilvl"), None)
                if index is None or not 0 <= index < _LEVELS:
                    continue
                redefined = override.find(f"{_W}lvl")
                if redefined is not None:
                    levels[index] = _level(redefined)
                start = _int(_val(override, f"{_W}startOverride"), None)
                if start is not None:
                    starts[index] = start
            self._lists[instance.get(f"{_W}numId", "")] = (abstract_id, levels, starts)
        self._styles = self._style_numbering(styles)
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[str] = set()

    @staticmethod
    def _style_numbering(styles: Any) -> dict[str, tuple[str | None, int | None]]:
        own: dict[str, tuple[str | None, int | None, str | None]] = {}
        for style in styles.iterfind(f"{_W}style") if styles is not None else ():
            properties = style.find(f"{_W}pPr/{_W}numPr")
            num_id = _val(properties, f"{_W}numId")
            level = _int(_val(properties, f"{_W}ilvl"), None)
            own[style.get(f"{_W}styleId", "")] = (num_id, level, _val(style, f"{_W}basedOn"))
        resolved: dict[str, tuple[str | None, int | None]] = {}
        for style_id in own:
            num_id, level, based_on = own[style_id]
            seen = {style_id}
            # A style inherits its numbering from the style it is based on.
            while num_id is None and based_on in own and based_on not in seen:
                seen.add(based_on)
                num_id, inherited, based_on = own[based_on]
                level = level if level is not None else inherited
            resolved[style_id] = (num_id, level)
        return resolved

    def label(self, paragraph: Any) -> str:
        """Return the label Word shows before `paragraph` ("" for none), counting it."""
        properties = paragraph.find(f"{_W}pPr")
        if properties is None:
            return ""
        numbered = properties.find(f"{_W}numPr")
        num_id = _val(numbered, f"{_W}numId")
        level = _int(_val(numbered, f"{_W}ilvl"), None)
        if num_id is None:
            style = _val(properties, f"{_W}pStyle")
            if style is None or style not in self._styles:
                return ""
            num_id, style_level = self._styles[style]
            level = level if level is not None else style_level
        if num_id is None or num_id == "0" or num_id not in self._lists:
            return ""
        level = level if level is not None and 0 <= level < _LEVELS else 0
        abstract_id, levels, starts = self._lists[num_id]
        definition = levels.get(level)
        if definition is None:
            return ""
        counters = self._counters.setdefault(abstract_id, [None] * _LEVELS)
        if num_id not in self._started:
            # A list that overrides a start restarts its levels there ("restart numbering").
            self._started.add(num_id)
            for index, start in starts.items():
                counters[index] = start - 1
        current = counters[level]
        counters[level] = definition.start if current is None else current + 1
        for deeper in range(level + 1, _LEVELS):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or (restart != 0 and level < restart):
                counters[deeper] = None
        if definition.hidden:
            return ""
        return self._render(definition, levels, counters)

    @staticmethod
    def _render(definition: _Level, levels: dict[int, _Level], counters: list[int | None]) -> str:
        text = definition.text
        if "%" not in text:
            return text  # a bullet, or a fixed label
        out = []
        index = 0
        while index < len(text):
            char = text[index]
            if char == "%" and index + 1 < len(text) and text[index + 1] in "123456789":
                referenced = int(text[index + 1]) - 1
                other = levels.get(referenced, _Level())
                value = counters[referenced]
                value = other.start if value is None else value
                out.append(format_number(value, "decimal" if definition.legal else other.kind))
                index += 2
            else:
                out.append(char)
                index += 1
        return "".join(out)
