"""A small fuzzing run in every test run: mutated real plans parse or fail cleanly, losing nothing.

``python benchmarks/fuzz.py --inputs 100000`` runs the same mutations at length (docs/reliability.md).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings

import yingshang

from .mutations import Mutation, Outcome, judge, mutate, mutated_texts
from .strategies import erase_spans


@settings(max_examples=25)
@given(mutated_texts())
def test_a_mutated_plan_parses_without_loss_or_fails_cleanly(
    case: tuple[str, tuple[Mutation, ...]],
) -> None:
    seed, mutations = case
    verdict = judge(mutate(seed, mutations))
    assert verdict.outcome in (Outcome.PLAN, Outcome.ERROR), verdict.detail


@pytest.mark.parametrize(
    "mutation",
    [
        Mutation("replace", piece="\t→ "),
        Mutation("replace", piece="\t→\u3000"),
        Mutation("replace", piece="\n→\r"),
        Mutation("replace", piece="\n→\u2028"),
    ],
    ids=["tabs as spaces", "tabs as U+3000", "CR line breaks", "U+2028 line breaks"],
)
def test_what_copy_pastes_do_to_the_embedded_plan_changes_nothing(mutation: Mutation) -> None:
    plan = yingshang.datasets.chongqing_2019()
    changed = yingshang.parse(mutate("chongqing-2019", (mutation,)))
    assert erase_spans(changed) == erase_spans(plan)
