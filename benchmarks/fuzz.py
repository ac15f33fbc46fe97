"""Fuzz the parser with mutated real plans and count what happens.

Run from the repository's root::

    python benchmarks/fuzz.py --inputs 100000            # at length (hours on a shared machine)
    python benchmarks/fuzz.py --inputs 2000 --jobs 2     # a quick look, on two processes
    python benchmarks/fuzz.py --inputs 500 --shrink      # stop at the first failure, shrunk

Each input is the embedded plan, an opening of a real plan (../shared/corpus/openings, when it
is beside the checkout), one of the tests' plans with agencies in the body
(tests/fixtures/inline-*.txt) or of other layouts (tests/fixtures/layout-*.txt: a table pasted a
row to a line, a document signed below its body), with one to four mutations drawn by Hypothesis
(tests/mutations.py: lines deleted, duplicated, swapped; characters inserted; cuts; digits
replaced; full-width punctuation made half-width; tabs and spaces swapped; other line breaks).
The script prints how many inputs it tried, how many gave a clean `ParseError`, how many a plan
that accounts for every character, and the failures: crashes (any other exception), silent
losses (text in no node and no diagnostic, `yingshang.coverage`) and silent empty tables. A
failure is printed as its seed and mutations, ready to paste into
tests/test_fuzz_regressions.py; with ``--shrink`` Hypothesis first shrinks it to the smallest
mutations that still fail."""

from __future__ import annotations

import argparse
import collections
import multiprocessing
import pathlib
import sys
import time
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from tests.mutations import Mutation, Outcome, judge, mutate, mutated_texts  # noqa: E402

_BAD = (Outcome.CRASH, Outcome.LOSS, Outcome.EMPTY)
_KEEP = 5  # failures kept per outcome and process


class _FailureError(Exception):
    """Raised under --shrink so that Hypothesis shrinks the failing input."""


def run(inputs: int, worker: int, shrink: bool, progress: bool) -> dict[str, Any]:
    """Run `inputs` mutated inputs under Hypothesis seed `worker`; return counts and failures."""
    counts: collections.Counter[str] = collections.Counter()
    failures: list[tuple[str, str, tuple[Mutation, ...], str]] = []
    started = time.monotonic()

    @seed(worker)
    @settings(
        max_examples=inputs,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.generate, Phase.shrink] if shrink else [Phase.generate],
        report_multiple_bugs=False,
    )
    @given(mutated_texts())
    def one(case: tuple[str, tuple[Mutation, ...]]) -> None:
        name, mutations = case
        verdict = judge(mutate(name, mutations))
        if shrink and verdict.outcome in _BAD:
            failures[:] = [(verdict.outcome.value, name, mutations, verdict.detail)]
            raise _FailureError(verdict.outcome.value)
        counts["inputs"] += 1
        counts[verdict.outcome.value] += 1
        kept = sum(1 for failure in failures if failure[0] == verdict.outcome.value)
        if verdict.outcome in _BAD and kept < _KEEP:
            failures.append((verdict.outcome.value, name, mutations, verdict.detail))
            if progress:  # at once: a long run may be stopped before its report
                print(f"  {verdict.outcome.value}: ({name!r}, {mutations!r})", file=sys.stderr)
        if progress and counts["inputs"] % 500 == 0:
            rate = counts["inputs"] / (time.monotonic() - started)
            tally = ", ".join(f"{counts[outcome.value]} {outcome.value}" for outcome in Outcome)
            print(f"  worker {worker}: {counts['inputs']} inputs ({rate:.1f}/s): {tally}",
                  file=sys.stderr, flush=True)  # fmt: skip

    try:
        one()
    except _FailureError:
        counts["inputs"] += 1
        counts[failures[0][0]] += 1
    return {"counts": dict(counts), "failures": failures, "seconds": time.monotonic() - started}


def _run(arguments: tuple[int, int, bool, bool]) -> dict[str, Any]:
    return run(*arguments)


def main(argv: list[str] | None = None) -> int:
    """Fuzz, print the counts and the failures; exit 1 when any input crashed or lost text."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=1000, help="inputs to try (default 1000)")
    parser.add_argument("--jobs", type=int, default=1, help="processes to run (default 1)")
    parser.add_argument("--seed", type=int, default=0, help="Hypothesis seed of the first job")
    parser.add_argument("--shrink", action="store_true", help="stop at the first failure, shrunk")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    arguments = parser.parse_args(argv)
    jobs = 1 if arguments.shrink else max(1, arguments.jobs)
    shares = [arguments.inputs // jobs + (i < arguments.inputs % jobs) for i in range(jobs)]
    tasks = [
        (share, arguments.seed + i, arguments.shrink, not arguments.quiet)
        for i, share in enumerate(shares)
    ]
    started = time.monotonic()
    if jobs == 1:
        results = [_run(tasks[0])]
    else:
        with multiprocessing.Pool(jobs) as pool:
            results = pool.map(_run, tasks)
    seconds = time.monotonic() - started
    counts: collections.Counter[str] = collections.Counter()
    for result in results:
        counts.update(result["counts"])
    print(f"inputs tried:        {counts['inputs']}  ({seconds:.0f} s, {jobs} process(es))")
    for outcome in Outcome:
        print(f"{outcome.value + ':':<20} {counts[outcome.value]}")
    failures = [failure for result in results for failure in result["failures"]]
    for outcome, name, mutations, detail in failures:
        print(f"\n{outcome}: ({name!r}, {mutations!r})")
        print("    " + detail.replace("\n", "\n    "))
    return 1 if any(counts[outcome.value] for outcome in _BAD) else 0


if __name__ == "__main__":
    sys.exit(main())
