"""Measure that body lines wrapped mid-sentence (text from PDF) are joined in linear time.

    python benchmarks/bench_wrapped.py            # 1k, 10k and 100k wrapped lines
    python benchmarks/bench_wrapped.py --quick    # 1k and 10k

Each text is a plan whose body holds paragraphs of wrapped lines, none ending a sentence, so
that every line joins the one before (the worst case: one paragraph grows line by line), and
paragraphs of a few wrapped lines (the common case). Time per line should stay flat: the check
is that the slowest size's time per line is within 1.5 times the fastest's.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

import yingshang

_HEAD = "某市优化营商环境行动方案\n一、总体要求\n"
_TAIL = "结束。\n二、保障措施\n（一）加强组织领导。成立工作小组。\n"


def one_paragraph(lines: int) -> str:
    """Return a plan whose first section is one paragraph wrapped over `lines` lines."""
    return _HEAD + "".join(f"第{i}行的文字写到行尾没有句号\n" for i in range(lines)) + _TAIL


def short_paragraphs(lines: int) -> str:
    """Return a plan whose first section holds paragraphs of four wrapped lines each."""
    body = "".join(
        f"第{i}行的文字写到行尾没有句号\n" if i % 4 != 3 else f"第{i}行写完了。\n"
        for i in range(lines)
    )
    return _HEAD + body + _TAIL


def seconds(text: str, runs: int) -> float:
    """Return the median time of parsing `text`."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        yingshang.parse(text)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main(argv: list[str] | None = None) -> int:
    """Print the time per line at each size; exit 1 when it is not flat within 1.5x."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1k and 10k lines only")
    arguments = parser.parse_args(argv)
    sizes = (1_000, 10_000) if arguments.quick else (1_000, 10_000, 100_000)
    flat = True
    for name, make in (("one paragraph", one_paragraph), ("short paragraphs", short_paragraphs)):
        print(f"{name}: lines, median seconds, µs per line")
        per_line = []
        for size in sizes:
            elapsed = seconds(make(size), runs=5 if size < 100_000 else 3)
            per_line.append(elapsed / size)
            print(f"  {size:>7,}  {elapsed:8.3f}  {elapsed / size * 1e6:7.1f}")
        spread = max(per_line) / min(per_line)
        flat = flat and spread <= 1.5
        print(f"  slowest / fastest per line: {spread:.2f} (linear within 1.5: {spread <= 1.5})")
    return 0 if flat else 1


if __name__ == "__main__":
    sys.exit(main())
