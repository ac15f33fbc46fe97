"""Measure the throughput of `yingshang.extract.extract_targets`, against a floor in the same run.

Run on demand, not in the unit tests::

    python benchmarks/bench_extract.py           # 7 runs per figure
    python benchmarks/bench_extract.py --quick   # 3 runs, for a smoke check

It reports, each as the median of several runs:

* extraction over the embedded Chongqing plan, in characters per second;
* the floor: one bare ``regex.finditer(r"\\d+")`` pass over the same text, and the ratio of the
  two (shared machines are noisy; the ratio says more than the absolute time);
* extraction over the plan repeated 1x, 4x and 16x: the time per character should stay flat,
  which is what linear time looks like;
* a few hostile inputs of one megabyte (digits, 万, （, 由由…至), which must stay in seconds.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.resources
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import regex

try:
    from yingshang.extract import extract_targets
except ImportError:  # run from a checkout without installing: use the source tree
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from yingshang.extract import extract_targets

ISSUE_DATE = datetime.date(2019, 7, 23)
SCALES = (1, 4, 16)
_DIGITS = regex.compile(r"\d+")
MEGABYTE = 1_000_000
# Hostile inputs by the character they repeat; each is measured at three sizes.
HOSTILE: dict[str, Callable[[int], str]] = {
    "digits": lambda size: "1" * size,
    "万": lambda size: "万" * size,
    "（": lambda size: "（" * size,
    "由…至": lambda size: "由" * (size - 1) + "至",
}
HOSTILE_SIZES = (MEGABYTE // 4, MEGABYTE // 2, MEGABYTE)


def plan_text() -> str:
    """Return the text of the plan shipped with the package."""
    resource = importlib.resources.files("yingshang").joinpath("data/chongqing-2019.txt")
    return resource.read_text(encoding="utf-8")


def median_seconds(work: Callable[[], object], runs: int) -> float:
    """Run `work` once to warm up, then `runs` times; return the median wall time."""
    work()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def floor(text: str) -> int:
    """Scan the text once for digits: less than any extractor of numbers can do."""
    return sum(1 for _ in _DIGITS.finditer(text))


def main(argv: list[str] | None = None) -> None:
    """Print the figures as a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 runs per figure instead of 7")
    runs = 3 if parser.parse_args(argv).quick else 7
    text = plan_text()

    targets = extract_targets(text, issue_date=ISSUE_DATE)
    extract = median_seconds(lambda: extract_targets(text, issue_date=ISSUE_DATE), runs)
    scan = median_seconds(lambda: floor(text), runs)
    print(f"plan: {len(text):,} characters, {len(targets)} targets; median of {runs} runs")
    print(f"  extract_targets   {extract * 1e3:8.2f} ms  {len(text) / extract:12,.0f} chars/s")
    print(f"  floor (\\d+ scan)  {scan * 1e3:8.2f} ms  {len(text) / scan:12,.0f} chars/s")
    print(f"  ratio             {extract / scan:8.1f} x the floor")
    print()

    print("scaling: the plan repeated; time per character should stay flat")
    print(f"  {'scale':>5}  {'chars':>10}  {'extract':>10}  {'floor':>9}  {'ratio':>6}  "
          f"{'ns/char':>8}  {'vs 1x':>6}")  # fmt: skip
    base = None
    for scale in SCALES:
        scaled = "\n".join([text] * scale)
        seconds = median_seconds(
            lambda scaled=scaled: extract_targets(scaled), max(1, runs // scale)
        )
        floor_seconds = median_seconds(lambda scaled=scaled: floor(scaled), runs)
        per_char = seconds / len(scaled) * 1e9
        base = base or per_char
        print(f"  {scale:>4}x  {len(scaled):>10,}  {seconds * 1e3:8.1f}ms  "
              f"{floor_seconds * 1e3:7.2f}ms  {seconds / floor_seconds:6.0f}  "
              f"{per_char:8.0f}  {per_char / base:6.2f}")  # fmt: skip
    print()

    print("hostile inputs (one run each): time per character should stay flat")
    print("  input       chars    seconds   ns/char   vs smallest")
    for name, make in HOSTILE.items():
        smallest = 0.0
        for size in HOSTILE_SIZES:
            hostile = make(size)
            started = time.perf_counter()
            extract_targets(hostile)
            per_char = (time.perf_counter() - started) / size * 1e9
            smallest = smallest or per_char
            print(f"  {name:<8} {size:>10,} {per_char * size / 1e9:8.2f}  {per_char:8.0f}  "
                  f"{per_char / smallest:8.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
