"""Compare two checkouts of yingshang, A and B, on the embedded plan, taking turns.

Run from the repository's root::

    git worktree add /tmp/yingshang-before <commit>
    python benchmarks/ab.py /tmp/yingshang-before/src src --rounds 7

Each round starts a fresh interpreter per side (A, then B), with that side's source first on
``PYTHONPATH``; each interpreter reports the CPU median of 9 calls of `yingshang.parse` on the
embedded plan and of `extract_targets` over its whole text, and one bare ``regex`` ``\\d+`` pass
as the floor. Taking turns spreads a busy machine's noise over both sides; the report gives the
medians over the rounds, the ratio B/A, and each side's time per character. CPU time, not wall
time: a neighbour's job slows the wall clock more than the process's own CPU time.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from typing import Any

_CHILD = r"""
import json, statistics, time
import regex, yingshang
from yingshang.extract import extract_targets
text = yingshang.datasets.chongqing_2019_text()
digits = regex.compile(r"\d+")

def median_ms(function, runs=9):
    samples = []
    for _ in range(runs):
        started = time.process_time()
        function()
        samples.append(time.process_time() - started)
    return statistics.median(samples) * 1000

yingshang.parse(text); extract_targets(text)  # compile the patterns out of the figures
floor = median_ms(lambda: [list(digits.finditer(text)) for _ in range(20)]) / 20
print(json.dumps({
    "file": yingshang.__file__, "characters": len(text), "floor": floor,
    "parse": median_ms(lambda: yingshang.parse(text)),
    "extract": median_ms(lambda: extract_targets(text)),
}))
"""


def _side(source: str) -> dict[str, Any]:
    environment = {**os.environ, "PYTHONPATH": source, "YINGSHANG_NO_CACHE": "1"}
    result = subprocess.run(
        [sys.executable, "-c", _CHILD], env=environment, capture_output=True, text=True, check=True
    )
    figures: dict[str, Any] = json.loads(result.stdout)
    return figures


def main(argv: list[str] | None = None) -> int:
    """Run the rounds and print the medians of each side and B against A."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", metavar="A_SRC", help="the first checkout's src directory")
    parser.add_argument("b", metavar="B_SRC", help="the second checkout's src directory")
    parser.add_argument("--rounds", type=int, default=7, help="rounds of A then B (default 7)")
    arguments = parser.parse_args(argv)
    runs: dict[str, list[dict[str, Any]]] = {"A": [], "B": []}
    for _ in range(arguments.rounds):
        runs["A"].append(_side(arguments.a))
        runs["B"].append(_side(arguments.b))
    medians = {
        side: {
            key: statistics.median(run[key] for run in results)
            for key in ("floor", "parse", "extract")
        }
        for side, results in runs.items()
    }
    characters = runs["A"][0]["characters"]
    print(f"A: {runs['A'][0]['file']}\nB: {runs['B'][0]['file']}")
    print(
        f"CPU medians over {arguments.rounds} rounds, the embedded plan ({characters} characters)"
    )
    print(f"{'':>16}  {'A ms':>8}  {'B ms':>8}  {'B/A':>6}  {'A ns/char':>9}  {'B ns/char':>9}")
    for key, label in (("parse", "parse"), ("extract", "extract_targets"), ("floor", "floor \\d+")):
        a, b = medians["A"][key], medians["B"][key]
        print(
            f"{label:>16}  {a:8.2f}  {b:8.2f}  {b / a:6.2f}  "
            f"{a * 1e6 / characters:9.0f}  {b * 1e6 / characters:9.0f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
