"""Mutations of real plans, as copy-pastes, conversions and cuts damage them, and what to check.

A `Mutation` changes a plan's text the way text is damaged on its way to the parser: lines
deleted, duplicated or swapped (a bad copy), characters inserted, a cut anywhere, a digit changed,
full-width punctuation made half-width, tabs turned into spaces or U+3000 and back, line breaks
written as "\\r", "\\r\\n" or U+2028. Each is plain data, so that a failing input found by the
fuzzer is kept as its seed and its mutations (tests/test_fuzz_regressions.py), never as a copy
of the seed's text.

`mutated_texts` draws one to four mutations over a seed; `judge` parses the result and sorts it:
a clean `ParseError`, a plan that accounts for every character, a plan that silently lost some,
a plan that reads a table's header as nothing at all, or a crash. The test suite runs a few dozen
(tests/test_fuzz.py); ``python benchmarks/fuzz.py --inputs 100000`` runs them at length.
"""

from __future__ import annotations

import enum
import functools
import pathlib

import attrs
import regex
from hypothesis import strategies as st

import yingshang
from yingshang.coverage import coverage, quote

CORPUS = pathlib.Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "openings"
FIXTURES = pathlib.Path(__file__).resolve().parent / "fixtures"

_HALF_WIDTH = str.maketrans("（）：，；．！？、", "():,;.!?,")
_DIGITS = "0123456789一二三四五六七八九十"
_INSERTED = [
    *"\t\n\r 　一二三十、．.（）()1234567890附件：:牵头配合单位局委。，；[]号〔〕年月日\u2028",
    "牵头单位",
    "（1）",
    "一、",
    "1．",
    "[bookmark: _GoBack]",
    "- 3 -",
]


@attrs.frozen
class Mutation:
    """One change to a text: `kind` names it, `at` and `other` are positions, `piece` a string.

    ``Mutation("swap", 12, 40)`` swaps lines 12 and 40 (0-based); positions past the end are
    taken modulo the text's length, so that a mutation applies to any text.
    """

    kind: str
    at: int = 0
    other: int = 0
    piece: str = ""

    def apply(self, text: str) -> str:
        """Return `text` changed."""
        lines = text.split("\n")
        line = self.at % len(lines)
        position = self.at % (len(text) + 1)
        if self.kind == "delete":
            del lines[line : line + max(1, self.other)]
        elif self.kind == "duplicate":
            lines.insert(line, lines[line])
        elif self.kind == "swap":
            other = self.other % len(lines)
            lines[line], lines[other] = lines[other], lines[line]
        elif self.kind == "half-width line":
            lines[line] = lines[line].translate(_HALF_WIDTH)
        elif self.kind == "replace on line":
            old, _, new = self.piece.partition("→")
            lines[line] = lines[line].replace(old, new)
        elif self.kind == "insert":
            return text[:position] + self.piece + text[position:]
        elif self.kind == "cut":
            return text[:position]
        elif self.kind == "digit":
            places = [index for index, char in enumerate(text) if char in _DIGITS]
            if not places:
                return text
            index = places[self.at % len(places)]
            return text[:index] + self.piece + text[index + 1 :]
        elif self.kind == "half-width":
            return text.translate(_HALF_WIDTH)
        elif self.kind == "replace":
            old, _, new = self.piece.partition("→")
            return text.replace(old, new)
        else:
            raise ValueError(f"no mutation {self.kind!r}")
        return "\n".join(lines)


_position = st.integers(0, 30_000)

MUTATIONS: st.SearchStrategy[Mutation] = st.one_of(
    st.builds(Mutation, st.just("delete"), _position, st.integers(1, 3)),
    st.builds(Mutation, st.just("duplicate"), _position),
    st.builds(Mutation, st.just("swap"), _position, _position),
    st.builds(
        Mutation,
        st.just("insert"),
        _position,
        piece=st.one_of(
            st.sampled_from(_INSERTED), st.characters(blacklist_categories=("Cs", "Cc"))
        ),
    ),
    st.builds(Mutation, st.just("cut"), _position),
    st.builds(Mutation, st.just("digit"), _position, piece=st.sampled_from(_DIGITS)),
    st.builds(Mutation, st.just("half-width")),
    st.builds(Mutation, st.just("half-width line"), _position),
    # Tabs made spaces or U+3000 (what many copy-pastes do), or lost; spaces made tabs.
    st.builds(
        Mutation,
        st.just("replace"),
        piece=st.sampled_from(["\t→ ", "\t→  ", "\t→\u3000", "\t→", " →\t"]),
    ),
    st.builds(
        Mutation, st.just("replace on line"), _position, piece=st.sampled_from(["\t→ ", "\t→"])
    ),
    # Line breaks of other systems and of text copied from web pages.
    st.builds(
        Mutation,
        st.just("replace"),
        piece=st.sampled_from(["\n→\r", "\n→\r\n", "\n→\u2028", "\n→\u2029", "\n→\x0b"]),
    ),
)


@functools.cache
def seed_texts() -> dict[str, str]:
    """Return the texts mutations start from: the embedded plan, the corpus's openings, the
    plans of the tests that write their agencies in the body (brackets, labels, sentences) and
    those of other layouts (a table pasted a row to a line, a document signed below its body)."""
    seeds = {"chongqing-2019": yingshang.datasets.chongqing_2019_text()}
    paths = sorted(FIXTURES.glob("inline-*.txt")) + sorted(FIXTURES.glob("layout-*.txt"))
    if CORPUS.is_dir():
        paths += sorted(CORPUS.glob("*.txt"))
    for path in paths:
        seeds[path.stem] = path.read_text(encoding="utf-8")
    return seeds


@st.composite
def mutated_texts(draw: st.DrawFn) -> tuple[str, tuple[Mutation, ...]]:
    """Draw a seed's name and one to four mutations of it; return the seed and the mutations."""
    seeds = seed_texts()
    # Half the inputs start from the embedded plan (a whole plan, with its table), half from
    # the openings of real plans (front matter as the web shows it) and the inline plans.
    names = sorted(seeds)
    name = draw(
        st.one_of(st.just("chongqing-2019"), st.sampled_from(names))
        if len(names) > 1
        else st.just("chongqing-2019")
    )
    mutations = tuple(draw(st.lists(MUTATIONS, min_size=1, max_size=4)))
    return name, mutations


def mutate(seed: str, mutations: tuple[Mutation, ...]) -> str:
    """Return the seed's text with the mutations applied in turn."""
    text = seed_texts()[seed]
    for mutation in mutations:
        text = mutation.apply(text)
    return text


# A line naming the lead agencies' column (牵头单位) below a line that opens an attachment.
_HEADER_AFTER_ATTACHMENT = regex.compile(
    r"(?m)^\s*附件[^\n]*+\n(?:[^\n]*+\n)*?[^\n]{0,30}?(?:牵头|责任)单位"
)


class Outcome(enum.Enum):
    """How the parser met one input."""

    ERROR = "clean errors"  # a ParseError naming the problem
    PLAN = "plans"  # a plan that accounts for every character
    LOSS = "silent losses"  # a plan, but text in no node and no diagnostic
    EMPTY = "silent empty tables"  # a table's header, no items, and no warning saying why
    CRASH = "crashes"  # any exception but ParseError


@attrs.frozen
class Verdict:
    """An outcome, with what went wrong for the bad ones."""

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
        return Verdict(Outcome.EMPTY, "a header row after 附件, no items, no warning")
    return Verdict(Outcome.PLAN)


__all__ = ["MUTATIONS", "Mutation", "Outcome", "Verdict", "judge", "mutate", "mutated_texts"]
