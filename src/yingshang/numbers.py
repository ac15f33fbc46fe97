"""Numbers as Chinese plans write them: 3.25, ３０, 2万, 1.5亿, 十二, 一百零五, 两万, 二〇一九.

`parse_number` reads one number token exactly (a `Decimal`, never a float); `to_chinese_numeral`
writes an integer in the standard reading; `NUMBER_PATTERN` finds number tokens in running text,
for `yingshang.extract` to build its patterns on.

>>> parse_number("两万")
Decimal('20000')
>>> parse_number("3000万")
Decimal('30000000')
>>> to_chinese_numeral(105)
'一百零五'
"""

from __future__ import annotations

import decimal
from decimal import Decimal

import regex

from ._lazy import LazyPattern
from .errors import ParseError

__all__ = ["NUMBER_PATTERN", "parse_number", "to_chinese_numeral"]

# Digits as plans write them, including the financial (大写) forms used on invoices and fees.
_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0,
    "一": 1, "壹": 1,
    "二": 2, "贰": 2, "两": 2,
    "三": 3, "叁": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
_ZEROS = frozenset("零〇")
# Units inside a four-digit section, and the units that close a section.
_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_LARGE_UNITS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_DECIMAL_POINT_WORD = "点"

# Full-width digits and points come from Word documents typed with a Chinese input method.
_ASCII_DIGITS = str.maketrans("０１２３４５６７８９．，", "0123456789.,")

# Arabic digits with optional thousands separators and decimals, read after full-width mapping.
_ARABIC = LazyPattern(
    r"""
    (?: [0-9]{1,3} (?: ,[0-9]{3} )+   # 1,380 or 12,345,678: thousands separators
      | [0-9]+                        # 2019, 3000
    )
    (?: \.[0-9]+ )?                   # 3.25, 99.96
    """,
    regex.VERBOSE,
)

_PLAIN_DIGITS = 30
_PLAIN_DECIMAL = LazyPattern(rf"[0-9]{{1,{_PLAIN_DIGITS}}}(?:\.[0-9]{{1,{_PLAIN_DIGITS}}})?")

_CHINESE_DIGIT_CLASS = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
_CHINESE_UNIT_CLASS = "十百千万亿拾佰仟萬億"

NUMBER_PATTERN = LazyPattern(
    rf"""
    # A first-character test the engine checks fast, before the alternatives and their
    # lookbehinds: it makes a scan over prose (mostly not digits) several times quicker.
    (?= [0-9０-９{_CHINESE_DIGIT_CLASS}十拾] )
    (?:
        # Arabic or full-width digits, not the tail of a longer number or of a code (km2, 5G).
        (?<! [0-9０-９A-Za-zＡ-Ｚａ-ｚ.．] )
        (?: [0-9]{{1,3}} (?: ,[0-9]{{3}} ){{1,6}}  # 1,380: thousands separators
          | [0-9０-９]{{1,20}}                      # 2019, ３０
        )
        (?: [.．] [0-9０-９]{{1,10}} )?             # 3.25, 99.96: a decimal part
        (?! [0-9０-９] )                           # a longer run of digits is no number
        [十百千]? (?: 万亿 | [万亿] )?              # 2万, 3000万, 1.5亿, 3千万: a magnitude
      |
        # Chinese numerals: start with a digit or 十, never with a bare magnitude, so that the
        # 万 of 万人 (per ten thousand people) or the 千 of 千兆 is not read as a number.
        (?<! [0-9０-９{_CHINESE_DIGIT_CLASS}{_CHINESE_UNIT_CLASS}] )
        [{_CHINESE_DIGIT_CLASS}十拾]
        [{_CHINESE_DIGIT_CLASS}{_CHINESE_UNIT_CLASS}]{{0,23}}
        (?: 点 [零〇一二三四五六七八九]{{1,10}} )?  # 九十九点九六: a Chinese decimal part
        (?! [{_CHINESE_DIGIT_CLASS}] )             # a longer run is no number; but 五千|瓦
    )                                               # may give back 千 to a unit (千瓦)
    """,
    regex.VERBOSE,
)
"""Find number tokens in running text; each match is a string `parse_number` may read.

A match is a candidate: a run of Chinese numerals such as 十十 matches but does not parse, and
a single 一 is usually part of a word (统一, 一般). Callers decide from the context what counts.
Runs longer than any number in prose (over 20 digits, or 24 Chinese numerals) are not tokens;
the bounded repetitions also keep matching constant-time per position on hostile input.
"""

# The same tokens written for the standard `re` engine when it scans a whole text: its search
# skips ahead fast only to a character of a class that opens the pattern, not to a lookahead's.
# So the first character is consumed first, and the tests on what stands before it (and on
# what it is) become lookbehinds one character wider. Every match and group is NUMBER_PATTERN's.
_SCANNED_NUMBER = rf"""
    [0-9０-９{_CHINESE_DIGIT_CLASS}十拾]
    (?:
        (?<= [0-9０-９] ) (?<! [0-9０-９A-Za-zＡ-Ｚａ-ｚ.．] . )
        (?: (?<= [0-9] ) [0-9]{{0,2}} (?: ,[0-9]{{3}} ){{1,6}}
          | [0-9０-９]{{0,19}}
        )
        (?: [.．] [0-9０-９]{{1,10}} )?
        (?! [0-9０-９] )
        [十百千]? (?: 万亿 | [万亿] )?
      |
        (?<= [{_CHINESE_DIGIT_CLASS}十拾] )
        (?<! [0-9０-９{_CHINESE_DIGIT_CLASS}{_CHINESE_UNIT_CLASS}] . )
        [{_CHINESE_DIGIT_CLASS}{_CHINESE_UNIT_CLASS}]{{0,23}}
        (?: 点 [零〇一二三四五六七八九]{{1,10}} )?
        (?! [{_CHINESE_DIGIT_CLASS}] )
    )
    """


def parse_number(s: str) -> Decimal:
    """Read one number written with Arabic, full-width or Chinese digits, exactly.

    Accepts 3.25, ９９．９６, 1,380, 2万, 3000万, 1.5亿, 十二, 一百零五, 两万, 三万五 (35000),
    九十九点九六, and digit-by-digit years such as 二〇一九. Surrounding whitespace is ignored.
    Raises `yingshang.errors.ParseError` for anything else.

    >>> parse_number("一百零五")
    Decimal('105')
    >>> parse_number("1.5亿")
    Decimal('150000000')
    """
    if s.isascii() and s.isdigit() and len(s) <= _PLAIN_DIGITS:
        return Decimal(s)  # the commonest case, 3 or 2019: no pattern to try
    if _PLAIN_DECIMAL.fullmatch(s):
        return Decimal(s)  # the common case, 3 or 99.96, needs no arithmetic
    stripped = s.strip()
    lead = len(s) - len(s.lstrip())
    if not stripped:
        raise ParseError("a number", s, lead)
    normalised = stripped.translate(_ASCII_DIGITS)
    # Enough digits that arithmetic on the parts of 1.5亿 or 3000万 is exact whatever the length
    # (the default context rounds at 28 digits); an inexact result would be a bug, so it traps.
    exact = decimal.Context(
        prec=2 * len(normalised) + 40,
        Emax=decimal.MAX_EMAX,
        Emin=decimal.MIN_EMIN,
        traps=[decimal.Inexact, decimal.InvalidOperation, decimal.Overflow],
    )
    with decimal.localcontext(exact):
        value = _parse(normalised, s, lead)
        # 1.5亿 is the integer 150000000, not 150000000.0: keep whole numbers whole.
        return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def _parse(s: str, original: str, lead: int) -> Decimal:
    if all(char in _DIGITS and char != "两" for char in s) and len(s) > 1:
        # 二〇一九: a year read digit by digit, with no units.
        return Decimal("".join(str(_DIGITS[char]) for char in s))
    tokens = _tokenize(s, original, lead)
    return _evaluate(tokens, original, lead)


# A token: (kind, value, position in the stripped text). Kinds: "arabic", "digit", "zero",
# "small", "large", "fraction".
_Token = tuple[str, Decimal, int]


def _tokenize(s: str, original: str, lead: int) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    while i < len(s):
        char = s[i]
        if char.isascii() and char.isdigit():
            match = _ARABIC.match(s, i)
            assert match is not None  # a digit always starts a match
            tokens.append(("arabic", Decimal(match[0].replace(",", "")), i))
            i = match.end()
        elif char in _ZEROS:
            tokens.append(("zero", Decimal(0), i))
            i += 1
        elif char in _DIGITS:
            tokens.append(("digit", Decimal(_DIGITS[char]), i))
            i += 1
        elif char in _SMALL_UNITS:
            tokens.append(("small", Decimal(_SMALL_UNITS[char]), i))
            i += 1
        elif char in _LARGE_UNITS:
            tokens.append(("large", Decimal(_LARGE_UNITS[char]), i))
            i += 1
        elif char == _DECIMAL_POINT_WORD:
            end = i + 1
            while end < len(s) and s[end] in _DIGITS and s[end] != "两":
                end += 1
            if end == i + 1:
                raise ParseError("Chinese digits after 点", original, lead + i + 1)
            fraction = "".join(str(_DIGITS[c]) for c in s[i + 1 : end])
            tokens.append(("fraction", Decimal("0." + fraction), i))
            i = end
        else:
            raise ParseError("a digit or a numeral", original, lead + i)
    return tokens


def _evaluate(tokens: list[_Token], original: str, lead: int) -> Decimal:
    """Add up sections the way the numeral is read: 一万零五亿 = (1·10⁴ + 5)·10⁸."""
    if len(tokens) == 1 and tokens[0][0] == "zero":
        return Decimal(0)
    result = Decimal(0)  # everything before the last 亿, already multiplied
    since_yi = Decimal(0)  # the 万 part since the last 亿
    section = Decimal(0)  # below 万
    pending: Decimal | None = None  # a digit waiting for its unit
    pending_chinese = False
    last_small: Decimal | None = None  # units in a section must fall: 千 > 百 > 十
    unit_before: Decimal | None = None  # the unit right before the pending digit, for 三万五
    seen_wan = seen_yi = False
    previous = ""

    def fail(expected: str, position: int) -> ParseError:
        return ParseError(expected, original, lead + position)

    for kind, value, position in tokens:
        if kind in ("arabic", "digit"):
            if pending is not None:
                raise fail("a unit (十 百 千 万 亿) after a digit", position)
            pending = value
            pending_chinese = kind == "digit"
            unit_before = unit_before if previous in ("small", "large") else None
        elif kind == "zero":
            if pending is not None:
                raise fail("a unit (十 百 千 万 亿) after a digit", position)
            unit_before = None  # 一百零五: the zero says the 五 is units, not tens
        elif kind == "fraction":
            if pending is None or not pending_chinese:
                raise fail("a digit before 点", position)
            pending += value
            unit_before = None
        elif kind == "small":
            if pending is None:
                # 十二, 一千零十: 十 stands alone for 一十 at the start of a section.
                if value == 10 and (last_small is None or previous == "zero"):
                    pending = Decimal(1)
                else:
                    raise fail("a digit before the unit", position)
            if last_small is not None and value >= last_small:
                raise fail("units in falling order (千 百 十)", position)
            section += pending * value
            pending, last_small, unit_before = None, value, value
        else:  # large
            if value == 10**4:
                amount = section + (pending or 0)
                if amount == 0 or seen_wan:
                    raise fail("a number before 万", position)
                since_yi += amount * value
                seen_wan = True
            else:
                amount = since_yi + section + (pending or 0)
                if amount == 0 or seen_yi:
                    raise fail("a number before 亿", position)
                result = (result + amount) * value
                since_yi, seen_wan, seen_yi = Decimal(0), False, True
            section, pending, last_small, unit_before = Decimal(0), None, None, value
        previous = kind
    if pending is not None:
        if pending_chinese and unit_before is not None and unit_before >= 10:
            # 三万五 = 35000, 一百五 = 150: a last digit right after a unit counts in the next
            # unit down, as spoken. Arabic digits (2万5000) are always plain.
            pending *= unit_before / 10
        section += pending
    return result + since_yi + section


_WRITTEN_DIGITS = "零一二三四五六七八九"
_SECTION_UNITS = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))


def to_chinese_numeral(n: int) -> str:
    """Write a non-negative integer as a Chinese numeral in the standard reading.

    10 → 十, 12 → 十二, 105 → 一百零五, 20000 → 二万, 100500 → 十万零五百, 10**12 → 一万亿.
    `parse_number` reads every result back to `n`. Raises ValueError for a negative `n`.

    >>> to_chinese_numeral(2019)
    '二千零一十九'
    """
    if n < 0:
        raise ValueError(f"no Chinese numeral for a negative number: {n}")
    if n == 0:
        return "零"
    return _compose(n, leading=True)


def _compose(n: int, *, leading: bool) -> str:
    for size, word in ((10**8, "亿"), (10**4, "万")):
        if n >= size:
            high, low = divmod(n, size)
            written = _compose(high, leading=leading) + word
            if low:
                # A gap of a whole unit or more below the big unit is read as 零.
                written += ("零" if low < size // 10 else "") + _compose(low, leading=False)
            return written
    return _section(n, leading=leading)


def _section(n: int, *, leading: bool) -> str:
    written: list[str] = []
    gap = False
    for size, word in _SECTION_UNITS:
        digit = n // size % 10
        if digit == 0:
            gap = bool(written)
            continue
        if gap:
            written.append("零")
            gap = False
        written.append(_WRITTEN_DIGITS[digit] + word)
    text = "".join(written)
    # 十二, not 一十二, when the number starts with the tens; inside a number it is 一百一十二.
    if leading and text.startswith("一十"):
        text = text[1:]
    return text
