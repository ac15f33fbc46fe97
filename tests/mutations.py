"""Mutations of real plans, as copy-pastes, conversions and cuts damage them, and what to check.

A mutation takes a plan's text and returns it changed the way text is damaged on its way to the
parser: lines deleted, duplicated or swapped (a bad copy), characters inserted, a cut anywhere,
digits changed, full-width punctuation made half-width, tabs turned into spaces or U+3000 and
back, line breaks written as "\\r", "\\r\\n" or U+2028. `mutated_texts` draws one to four of them
over a seed text; `judge` parses the result and sorts it: a clean `ParseError`, a plan that
accounts for every character, a plan that silently lost some, a plan that reads a table's
header as nothing at all, or a crash. The test suite runs a few hundred (tests/test_fuzz.py);
``python benchmarks/fuzz.py --inputs 100000`` runs them at length.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

import attrs
import regex
from hypothesis import strategies as st

import yingshang
from yingshang.coverage import coverage, quote

# Characters a mutation may insert: the structure of plans (tabs, brackets, numbers, the words
# of headers and headings) and a little of everything else.
_INSERTED = st.one_of(
    st.sampled_from(
        [
            *"\t\n\r 　一二三十、．.（）()1234567890附件：:牵头配合单位局委。，；[]号〔〕年月日",
            "\u2028",
            "牵头单位",
            "（1）",
            "一、",
            "1．",
            "[bookmark: _GoBack]",
            "- 3 -",
        ]
    ),
    st.characters(blacklist_categories=("Cs", "Cc")),
)

_HALF_WIDTH = str.maketrans("（）：，；．！？、", "():,;.!?,")
_DIGITS = "0123456789一二三四五六七八九十"


@st.composite
def _line_edit(draw: st.DrawFn, text: str) -> tuple[str, str]:
    lines = text.split("\n")
    kind = draw(st.sampled_from(["delete", "duplicate", "swap"]))
    at = draw(st.integers(0, len(lines) - 1))
    if kind == "delete":
        count = draw(st.integers(1, 3))
        del lines[at : at + count]
    elif kind == "duplicate":
        lines.insert(at, lines[at])
    else:
        other = draw(st.integers(0, len(lines) - 1))
        lines[at], lines[other] = lines[other], lines[at]
    return "\n".join(lines), f"{kind} line {at + 1}"


@st.composite
def _insert(draw: st.DrawFn, text: str) -> tuple[str, str]:
    at = draw(st.integers(0, len(text)))
    piece = draw(_INSERTED)
    return text[:at] + piece + text[at:], f"insert {piece!r} at {at}"


@st.composite
def _cut(draw: st.DrawFn, text: str) -> tuple[str, str]:
    at = draw(st.integers(0, len(text)))
    return text[:at], f"cut at {at}"


@st.composite
def _digit(draw: st.DrawFn, text: str) -> tuple[str, str]:
    places = [i for i, char in enumerate(text) if char in _DIGITS]
    if not places:
        return text, "no digit to replace"
    at = draw(st.sampled_from(places))
    digit = draw(st.sampled_from(_DIGITS))
    return text[:at] + digit + text[at + 1 :], f"digit {digit!r} at {at}"


@st.composite
def _half_width(draw: st.DrawFn, text: str) -> tuple[str, str]:
    if draw(st.booleans()):
        return text.translate(_HALF_WIDTH), "half-width punctuation"
    lines = text.split("\n")
    at = draw(st.integers(0, len(lines) - 1))
    lines[at] = lines[at].translate(_HALF_WIDTH)
    return "\n".join(lines), f"half-width punctuation on line {at + 1}"


@st.composite
def _tabs(draw: st.DrawFn, text: str) -> tuple[str, str]:
    kind = draw(st.sampled_from(["\t→ ", "\t→  ", "\t→\u3000", "\t→", " →\t", "one line"]))
    if kind == "one line":
        lines = text.split("\n")
        at = draw(st.integers(0, len(lines) - 1))
        lines[at] = lines[at].replace("\t", draw(st.sampled_from([" ", "\u3000", ""])))
        return "\n".join(lines), f"tabs removed on line {at + 1}"
    old, new = kind.split("→")
    return text.replace(old, new), f"{old!r} → {new!r}"


@st.composite
def _line_breaks(draw: st.DrawFn, text: str) -> tuple[str, str]:
    new = draw(st.sampled_from(["\r", "\r\n", "\u2028", "\u2029", "\x0b", "\x85"]))
    return text.replace("\n", new), f"line breaks written {new!r}"


_MUTATIONS: tuple[Callable[[str], st.SearchStrategy[tuple[str, str]]], ...] = (
    _line_edit,
    _insert,
    _cut,
    _digit,
    _half_width,
    _tabs,
    _line_breaks,
)


@st.composite
def mutated_texts(draw: st.DrawFn, seeds: st.SearchStrategy[str]) -> tuple[str, tuple[str, ...]]:
    """Draw a seed text and one to four mutations of it; return the text and what was done."""
    text = draw(seeds)
    done = []
    for _ in range(draw(st.integers(1, 4))):
        mutation = draw(st.sampled_from(_MUTATIONS))
        text, what = draw(mutation(text))
        done.append(what)
    return text, tuple(done)


# A line naming the lead agencies' column (牵头单位) below a line that opens an attachment.
_HEADER_AFTER_ATTACHMENT = regex.compile(
    r"(?m)^\s*附件[\s\S]*^[^\n]{0,30}(?:牵头|责任)单位[^\n]{0,30}$"
)


class Outcome(enum.Enum):
    """How the parser met one input."""

    ERROR = "clean error"  # a ParseError naming the problem
    PLAN = "plan"  # a plan that accounts for every character
    LOSS = "silent loss"  # a plan, but text in no node and no diagnostic
    EMPTY = "silent empty table"  # a table header, no items, and no warning saying why
    CRASH = "crash"  # any exception but ParseError


@attrs.frozen
class Verdict:
    outcome: Outcome
    detail: str = ""


def judge(text: str) -> Verdict:
    """Parse `text` and say how it went; never raises."""
    try:
        plan = yingshang.parse(text)
    except yingshang.ParseError:
        return Verdict(Outcome.ERROR)
    except Exception as error:  # the fuzzer's whole point is to catch any other
        return Verdict(Outcome.CRASH, f"{type(error).__name__}: {error}")
    lost = coverage(plan)
    if lost:
        return Verdict(Outcome.LOSS, quote(plan, lost[:3]))
    if not plan.actions and not plan.warnings and _HEADER_AFTER_ATTACHMENT.search(text):
        return Verdict(Outcome.EMPTY, "an attachment with a header row, no items, no warning")
    return Verdict(Outcome.PLAN)


__all__ = ["Outcome", "Verdict", "judge", "mutated_texts"]
