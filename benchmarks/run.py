"""Measure how fast yingshang is, against floors measured in the same run.

Run on demand, not in the unit tests::

    python benchmarks/run.py            # a readable table
    python benchmarks/run.py --json     # the same figures as JSON
    python benchmarks/run.py --quick    # fewer runs, for a smoke check

What it measures, each as the median of several runs:

* the import time of ``yingshang`` in fresh interpreters (the cost every command-line call pays);
* parsing the embedded plan (``yingshang.parse``) and extracting targets over its text
  (``yingshang.extract.extract_targets``);
* the whole pipeline (parse with targets) over the plan's text repeated 1x, 4x, 16x and 64x,
  with peak memory (tracemalloc), to show that time and memory grow linearly;
* reading the plan from a Word file and from a web page (``yingshang.readers.read_bytes``,
  files written by ``tests/fixtures/formats/make_fixtures.py``), next to the parse itself;
* two floors over the same texts: splitting the text into lines (``str.splitlines``) and one
  bare ``regex.finditer(r"\\d+")`` pass. Shared machines are noisy, so the ratios to these floors
  say more than the absolute times do.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import regex

import yingshang
from yingshang.extract import extract_targets

SCALES = (1, 4, 16, 64)

# The floors: the least any parser of this text must do (read its lines, scan it once).
_DIGITS = regex.compile(r"\d+")
# A measure heading cell (1．精简企业开办流程) and an area heading cell (一、开办企业) of the table.
_MEASURE_CELL = regex.compile(r"^\t(?P<number>\d{1,4})(?P<rest>[．.、].*)$", regex.MULTILINE)
_AREA_CELL = regex.compile(r"^\t[〇零一二三四五六七八九十]{1,3}\s*[、．.].*$", regex.MULTILINE)
_FIRST_ROW = "\t一、开办企业"


def _regex_floor(text: str) -> int:
    return sum(1 for _ in _DIGITS.finditer(text))


def _lines_floor(text: str) -> int:
    return len(text.splitlines())


def scaled_plan(text: str, copies: int) -> str:
    """Return the plan with its attachment's table rows repeated `copies` times.

    Each copy's measures are renumbered to continue the sequence (92, 93, ... after 91) and its
    area heading cells are left empty, as continuation rows are in Word's merged cells, so the
    long document is a valid plan: the parser reads it without new diagnostics, and every copy
    adds the same work as the first.
    """
    start = text.index(_FIRST_ROW)
    rows = text[start:].rstrip() + "\n\n"
    measures = max(int(match["number"]) for match in _MEASURE_CELL.finditer(rows))
    parts = [text[:start], rows]
    for copy in range(1, copies):
        shift = copy * measures
        renumbered = _MEASURE_CELL.sub(
            lambda match, shift=shift: f"\t{int(match['number']) + shift}{match['rest']}", rows
        )
        parts.append(_AREA_CELL.sub("\t", renumbered))
    return "".join(parts)


def _finder(text: str, offset: int, issue_date: Any) -> tuple[yingshang.Target, ...]:
    return extract_targets(text, offset=offset, issue_date=issue_date)


def pipeline(text: str) -> tuple[Callable[[str], object], str]:
    """Return the full pipeline (a plan with its targets) and a label saying what it runs.

    `yingshang.parse` attaches targets itself once the extractor is wired in; until then it
    takes a `find_targets` callable, and failing that the pipeline is parse, then extraction.
    """
    if any(action.targets for action in yingshang.parse(text).actions):
        return yingshang.parse, "parse (targets attached by parse)"
    if "find_targets" in inspect.signature(yingshang.parse).parameters:
        return (
            lambda source: yingshang.parse(source, find_targets=_finder),
            "parse(find_targets=extract_targets)",
        )
    return (
        lambda source: (yingshang.parse(source), extract_targets(source)),
        "parse + extract_targets(text)",
    )


def median_seconds(function: Callable[[], object], runs: int, minimum: float = 0.05) -> float:
    """Return the median time of one call, over `runs` runs of enough calls to last `minimum`.

    Fast calls are repeated within a run so that the timer's resolution and the loop's overhead
    do not dominate; the median discards the runs a neighbour's job slowed down.
    """
    function()  # warm caches (regex compilation, functools.cache) out of the figure
    calls = 1
    while True:
        start = time.perf_counter()
        for _ in range(calls):
            function()
        elapsed = time.perf_counter() - start
        if elapsed >= minimum or calls >= 1 << 16:
            break
        calls *= 2
    samples = [elapsed / calls]
    for _ in range(runs - 1):
        start = time.perf_counter()
        for _ in range(calls):
            function()
        samples.append((time.perf_counter() - start) / calls)
    return statistics.median(samples)


def peak_memory(function: Callable[[], object]) -> int:
    """Return the peak of memory allocated while `function` runs, in bytes (tracemalloc)."""
    function()  # allocate the caches before measuring, as median_seconds does
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        baseline = tracemalloc.get_traced_memory()[0]
        function()
        return tracemalloc.get_traced_memory()[1] - baseline
    finally:
        tracemalloc.stop()


def import_seconds(runs: int) -> tuple[float, float]:
    """Return the median import time of yingshang and of a bare interpreter's start, in seconds.

    Each run is a fresh interpreter, so nothing is cached in memory; the import is timed inside
    the child, and the bare start (``python -c pass``) is timed from outside for scale.
    """
    code = "import time; s = time.perf_counter(); import yingshang; print(time.perf_counter() - s)"
    imports = []
    starts = []
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        imports.append(float(result.stdout))
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        starts.append(time.perf_counter() - start)
    return statistics.median(imports), statistics.median(starts)


def measure(runs: int, scales: tuple[int, ...]) -> dict[str, Any]:
    """Run every benchmark and return the figures (seconds, bytes, ratios)."""
    text = yingshang.datasets.chongqing_2019_text()
    full, label = pipeline(text)
    imported, interpreter = import_seconds(max(runs, 5))
    results: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "platform": platform.platform(),
            "cores": os.cpu_count(),
            "regex": regex.__version__,
            "yingshang": yingshang.__version__,
        },
        "runs": runs,
        "pipeline": label,
        "import": {"yingshang": imported, "interpreter_start": interpreter},
        "plan": {
            "characters": len(text),
            "lines": _lines_floor(text),
            "parse": median_seconds(lambda: yingshang.parse(text), runs),
            "extract_targets": median_seconds(lambda: extract_targets(text), runs),
            "pipeline": median_seconds(lambda: full(text), runs),
            "floor_splitlines": median_seconds(lambda: _lines_floor(text), runs),
            "floor_regex": median_seconds(lambda: _regex_floor(text), runs),
        },
        "scaling": [],
    }
    results["plan"].update(_reading(text, runs))
    for copies in scales:
        scaled = scaled_plan(text, copies)
        plan = yingshang.parse(scaled)
        row = {
            "copies": copies,
            "characters": len(scaled),
            "actions": len(plan.actions),
            "pipeline": median_seconds(lambda scaled=scaled: full(scaled), runs),
            "floor_splitlines": median_seconds(lambda scaled=scaled: _lines_floor(scaled), runs),
            "floor_regex": median_seconds(lambda scaled=scaled: _regex_floor(scaled), runs),
            "peak_bytes": peak_memory(lambda scaled=scaled: full(scaled)),
        }
        results["scaling"].append(row)
    first = results["scaling"][0]
    for row in results["scaling"]:
        # Per copy, relative to one copy: 1.0 everywhere means exactly linear.
        row["time_per_copy_vs_1x"] = row["pipeline"] / row["copies"] / first["pipeline"]
        row["memory_per_copy_vs_1x"] = row["peak_bytes"] / row["copies"] / first["peak_bytes"]
        row["x_floor_regex"] = row["pipeline"] / row["floor_regex"]
        row["x_floor_splitlines"] = row["pipeline"] / row["floor_splitlines"]
    return results


def _reading(text: str, runs: int) -> dict[str, float]:
    """Return the median time to read the plan from a .docx and an .html file (extras needed)."""
    import tempfile
    from pathlib import Path

    from yingshang.readers import read_bytes

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    try:
        from tests.fixtures.formats.make_fixtures import write_docx, write_html
    except ImportError:  # the docx extra is not installed
        return {}
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for kind, write in (("docx", write_docx), ("html", write_html)):
            path = Path(folder) / f"plan.{kind}"
            write(text, path)
            data = path.read_bytes()
            figures[f"read_{kind}"] = median_seconds(lambda data=data: read_bytes(data), runs)
    return figures


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


def _table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    lines = ["  ".join(h.rjust(w) for h, w in zip(headers, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    return "\n".join(lines)


def report(results: dict[str, Any]) -> str:
    """Return the figures as readable tables."""
    machine = results["machine"]
    plan = results["plan"]
    regex_floor = plan["floor_regex"]
    lines_floor = plan["floor_splitlines"]
    out = [
        f"yingshang {machine['yingshang']} on {machine['implementation']} {machine['python']}, "
        f"{machine['cores']} cores, {machine['platform']}",
        f"medians of {results['runs']} runs; pipeline = {results['pipeline']}",
        "",
        f"import yingshang: {_ms(results['import']['yingshang'])} ms "
        f"(a bare interpreter starts in {_ms(results['import']['interpreter_start'])} ms)",
        "",
        f"embedded plan: {plan['characters']} characters, {plan['lines']} lines",
        _table(
            ["step", "ms", "x regex floor", "x splitlines"],
            [
                [
                    name,
                    _ms(plan[key]),
                    f"{plan[key] / regex_floor:.0f}",
                    f"{plan[key] / lines_floor:.0f}",
                ]
                for name, key in (
                    ("parse", "parse"),
                    ("read .docx (to the text)", "read_docx"),
                    ("read .html (to the text)", "read_html"),
                    ("extract_targets", "extract_targets"),
                    ("pipeline", "pipeline"),
                    ("floor: regex \\d+", "floor_regex"),
                    ("floor: splitlines", "floor_splitlines"),
                )
                if key in plan
            ],
        ),
        "",
        "the pipeline over the plan's table repeated",
        _table(
            ["copies", "chars", "actions", "ms", "per copy", "peak MiB", "per copy",
             "x regex", "x lines"],
            [
                [
                    f"{row['copies']}x",
                    str(row["characters"]),
                    str(row["actions"]),
                    _ms(row["pipeline"]),
                    f"{row['time_per_copy_vs_1x']:.2f}",
                    f"{row['peak_bytes'] / 2**20:.1f}",
                    f"{row['memory_per_copy_vs_1x']:.2f}",
                    f"{row['x_floor_regex']:.0f}",
                    f"{row['x_floor_splitlines']:.0f}",
                ]
                for row in results["scaling"]
            ],
        ),
        "",
        "per copy: time or memory per copy relative to 1x (1.00 = linear); "
        "x regex, x lines: the pipeline's time over the floor's on the same text",
    ]  # fmt: skip
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print a table, or JSON with ``--json``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--runs", type=int, default=7, help="runs per figure (default: 7)")
    parser.add_argument("--quick", action="store_true", help="3 runs, scales 1x and 4x only")
    arguments = parser.parse_args(argv)
    runs = 3 if arguments.quick else arguments.runs
    scales = SCALES[:2] if arguments.quick else SCALES
    results = measure(runs, scales)
    print(json.dumps(results, indent=2) if arguments.json else report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
