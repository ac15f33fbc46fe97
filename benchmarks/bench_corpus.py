"""Measure the corpus's throughput: plans per second with 1 and 2 processes, cold and cached.

Run on demand, not in the unit tests::

    python benchmarks/bench_corpus.py            # a readable table
    python benchmarks/bench_corpus.py --json     # the same figures as JSON
    python benchmarks/bench_corpus.py --plans 8 --runs 1   # a smoke check

The corpus is the embedded Chongqing 2019 plan written `--plans` times, each copy with one
character changed so that every file has its own hash (and none is read as a duplicate). Each
figure is the median of `--runs` builds into a fresh directory (cold: every file parsed) and of
reruns over the built directory (cached: every file's rows from the cache). The floor is the
parse alone, in this process, with no tables written: the cost of the corpus is its ratio to it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import yingshang
from yingshang import corpus, datasets


def write_plans(folder: Path, count: int) -> list[Path]:
    """Write `count` distinct copies of the embedded plan to `folder`."""
    text = datasets.chongqing_2019_text()
    paths = []
    for index in range(count):
        path = folder / f"plan-{index:04d}.txt"
        # A distinct last line gives each copy its own bytes, hence its own plan_id.
        path.write_text(f"{text}\n（第{index}份）\n", encoding="utf-8")
        paths.append(path)
    return paths


def _median(samples: list[float]) -> float:
    return statistics.median(samples)


def measure(count: int, runs: int) -> dict[str, Any]:
    """Return the medians, in seconds and plans per second, of each way of building."""
    figures: dict[str, Any] = {"plans": count, "runs": runs, "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory() as root:
        folder = Path(root) / "plans"
        folder.mkdir()
        paths = write_plans(folder, count)
        start = time.perf_counter()
        for path in paths:
            yingshang.parse_file(path)
        figures["parse only (1 process)"] = time.perf_counter() - start
        for jobs in (1, 2):
            cold, cached = [], []
            for run in range(runs):
                out = Path(root) / f"out-{jobs}-{run}"
                summary = corpus.build([folder], out, jobs=jobs, progress=False)
                assert summary.plans == count
                assert summary.cached == 0
                cold.append(summary.seconds)
                again = corpus.build([folder], out, jobs=jobs, progress=False)
                assert again.cached == count
                cached.append(again.seconds)
            figures[f"corpus, {jobs} process{'es' if jobs > 1 else ''}"] = _median(cold)
            figures[f"corpus, {jobs} process{'es' if jobs > 1 else ''}, cached"] = _median(cached)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=32, help="plans in the corpus (default 32)")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (default 3)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    arguments = parser.parse_args()
    figures = measure(arguments.plans, arguments.runs)
    count = figures["plans"]
    timings = {k: v for k, v in figures.items() if isinstance(v, float)}
    if arguments.json:
        data = {
            **figures,
            "plans_per_second": {name: round(count / s, 2) for name, s in timings.items()},
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    floor = timings["parse only (1 process)"]
    print(f"{count} plans of {len(datasets.chongqing_2019_text())} characters, "
          f"median of {figures['runs']} runs, {figures['cpus']} CPUs")  # fmt: skip
    print(f"{'':34}{'seconds':>9}{'plans/s':>10}{'× parse':>9}")
    for name, seconds in timings.items():
        print(f"{name:34}{seconds:9.2f}{count / seconds:10.1f}{seconds / floor:9.2f}")


if __name__ == "__main__":
    main()
