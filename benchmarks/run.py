"""Measure how fast yingshang is, against floors measured in the same run.

Run on demand, not in the unit tests::

    python benchmarks/run.py            # a readable table
    python benchmarks/run.py --json     # the same figures as JSON
    python benchmarks/run.py --quick    # fewer runs, for a smoke check

What it measures, each as the median of several runs:

* ``import yingshang`` in fresh interpreters, against a bare interpreter's start timed the same
  way, and what importing each layer adds (of which compiling regular expressions at import);
* the command line: ``yingshang summary`` with the parsed embedded plan in the cache, without
  the cache, and of a plan file, against a bare interpreter;
* parsing the embedded plan (``yingshang.parse``) and extracting targets over its text
  (``yingshang.extract.extract_targets``);
* the whole pipeline (parse with targets) over the plan's text repeated 1x, 4x, 16x and 64x,
  with peak memory (tracemalloc) per byte of input, to show that time and memory grow linearly;
* reading the plan from a Word file and from a web page (``yingshang.readers.read_bytes``,
  files written by ``tests/fixtures/formats/make_fixtures.py``), next to the parse itself;
* throughput: plans parsed per second by one and by two processes (``parse_file`` over a folder
  of copies of the plan, ``concurrent.futures.ProcessPoolExecutor``);
* the peers, when installed: jionlp, Recognizers-Text (recognizers-text-suite) and chinese2digits
  over the same text;
* two floors over the same texts: splitting the text into lines (``str.splitlines``) and one
  bare ``regex.finditer(r"\\d+")`` pass. Shared machines are noisy, so the ratios to these floors
  say more than the absolute times do; processes are also timed in CPU seconds, which a busy
  machine inflates less than wall time.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import importlib.util
import inspect
import json
import os
import pathlib
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
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


# Child processes write and read bytecode files, as an installed package has them: with
# PYTHONDONTWRITEBYTECODE set, every import would compile its source and time that instead.
_ENVIRONMENT = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _run_timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Run `command`; return its wall time and CPU time (user + system) in seconds, and stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        command, capture_output=True, text=True, check=True, env=env or _ENVIRONMENT
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, result.stdout


Command = tuple[list[str], dict[str, str] | None]  # the arguments, and the environment


def process_seconds(commands: dict[str, Command], runs: int) -> dict[str, dict[str, float]]:
    """Return the median wall and CPU seconds of each command, each run a fresh process.

    The commands take turns within each round, so that a neighbour's burst of load falls on all
    of them alike.
    """
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    for command, env in commands.values():
        _run_timed(command, env)  # writes the bytecode files; fills the plan cache
    for _ in range(runs):
        for name, (command, env) in commands.items():
            wall, cpu, _ = _run_timed(command, env)
            walls[name].append(wall)
            cpus[name].append(cpu)
    return {
        name: {"wall": statistics.median(walls[name]), "cpu": statistics.median(cpus[name])}
        for name in commands
    }


# The layers in the order an import reaches them; each row is what importing it adds.
LAYERS = (
    "yingshang",
    "attrs",
    "yingshang.model",
    "yingshang.numbers",
    "yingshang.dates",
    "yingshang.extract",
    "yingshang.parse",
    "yingshang.datasets",
    "yingshang.query",
    "cattrs",
    "yingshang.io",
    "yingshang.cli",
)

# Run in a fresh interpreter: time each layer's import, and the regex compilation within it.
_LAYER_SCRIPT = """
import json, sys, time
start = time.perf_counter()
import regex
rows = [["regex", time.perf_counter() - start, 0.0, 0]]
compiled = [0.0, 0]
_compile = regex.compile
def timed_compile(*arguments, **options):
    start = time.perf_counter()
    try:
        return _compile(*arguments, **options)
    finally:
        compiled[0] += time.perf_counter() - start
        compiled[1] += 1
regex.compile = timed_compile
for name in sys.argv[1:]:
    before = list(compiled)
    start = time.perf_counter()
    __import__(name)
    rows.append([name, time.perf_counter() - start, compiled[0] - before[0],
                 compiled[1] - before[1]])
print(json.dumps(rows))
"""


def import_layers(runs: int) -> list[dict[str, Any]]:
    """Return what importing each layer adds (median seconds), with its pattern compilation.

    `regex` is imported first, as its own row, and its `compile` is wrapped to count the
    patterns each layer compiles at import.
    """
    samples: list[list[list[Any]]] = []
    for _ in range(runs + 1):  # the first writes the bytecode files, as an install does
        result = subprocess.run(
            [sys.executable, "-c", _LAYER_SCRIPT, *LAYERS],
            capture_output=True,
            text=True,
            check=True,
            env=_ENVIRONMENT,
        )
        samples.append(json.loads(result.stdout))
    samples = samples[1:]
    return [
        {
            "module": name,
            "seconds": statistics.median(sample[index][1] for sample in samples),
            "compiling": statistics.median(sample[index][2] for sample in samples),
            "patterns": samples[0][index][3],
        }
        for index, name in enumerate(["regex", *LAYERS])
    ]


def import_seconds(runs: int) -> dict[str, Any]:
    """Return the import figures: ``import yingshang`` against a bare start, and per layer.

    Both are timed from outside, as a user's shell times them, and in CPU seconds; the import
    alone is also timed inside the child. What `import yingshang` imports is listed too.
    """
    code = "import time; s = time.perf_counter(); import yingshang; print(time.perf_counter() - s)"
    _run_timed([sys.executable, "-c", code])  # writes the bytecode files
    inside = [float(_run_timed([sys.executable, "-c", code])[2]) for _ in range(runs)]
    processes = process_seconds(
        {
            "interpreter": ([sys.executable, "-c", "pass"], None),
            "import yingshang": ([sys.executable, "-c", "import yingshang"], None),
            "import attrs": ([sys.executable, "-c", "import attrs"], None),
        },
        runs,
    )
    listing = "import sys; print(' '.join(sorted(sys.modules)))"
    bare = _run_timed([sys.executable, "-c", listing])[2].split()
    listed = _run_timed([sys.executable, "-c", f"import yingshang; {listing}"])[2].split()
    return {
        "yingshang": statistics.median(inside),
        "interpreter_start": processes["interpreter"]["wall"],
        "processes": processes,
        "modules_added": sorted(set(listed) - set(bare)),
        "layers": import_layers(runs),
    }


def _console_script() -> list[str]:
    """Return the command that runs yingshang's command line as users run it."""
    script = pathlib.Path(sys.executable).with_name("yingshang")
    return [str(script)] if script.exists() else [sys.executable, "-m", "yingshang"]


def cli_seconds(text: str, runs: int) -> dict[str, Any]:
    """Return the wall and CPU seconds of ``yingshang summary``, cached, uncached and of a file.

    The cache lives in a temporary directory, filled by one call before timing, so that the
    figures do not depend on the user's cache. The outputs must be identical.
    """
    yingshang_cli = _console_script()
    with tempfile.TemporaryDirectory() as directory:
        plan_file = os.path.join(directory, "plan.txt")
        with open(plan_file, "w", encoding="utf-8") as file:
            file.write(text)
        cached = dict(_ENVIRONMENT, YINGSHANG_CACHE_DIR=os.path.join(directory, "cache"))
        cached.pop("YINGSHANG_NO_CACHE", None)
        uncached = dict(cached, YINGSHANG_NO_CACHE="1")
        outputs = {
            "cached": _run_timed([*yingshang_cli, "summary"], cached)[2],
            "uncached": _run_timed([*yingshang_cli, "summary"], uncached)[2],
            "file": _run_timed([*yingshang_cli, "summary", plan_file], cached)[2],
        }
        figures = process_seconds(
            {
                "interpreter": ([sys.executable, "-c", "pass"], None),
                "summary (cached plan)": ([*yingshang_cli, "summary"], cached),
                "summary (no cache)": ([*yingshang_cli, "summary"], uncached),
                "summary FILE": ([*yingshang_cli, "summary", plan_file], cached),
            },
            runs,
        )
    return {
        "command": " ".join(pathlib.Path(part).name for part in yingshang_cli) + " summary",
        "processes": figures,
        "identical_output": len(set(outputs.values())) == 1,
    }


def _parse_file_actions(path: str) -> int:
    # In the worker: parse, and send back only a count (sending the plan would time pickling).
    return len(yingshang.parse_file(path).actions)


def throughput(text: str, workers: tuple[int, ...], copies: int = 24) -> dict[str, Any]:
    """Return plans parsed per second by `workers` processes over `copies` files of the plan.

    Each pool first parses one plan per worker (compiling the patterns), outside the timing.
    """
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as directory:
        paths = []
        for copy in range(copies):
            path = os.path.join(directory, f"plan-{copy:03}.txt")
            with open(path, "w", encoding="utf-8") as file:
                file.write(text)
            paths.append(path)
        for count in workers:
            with concurrent.futures.ProcessPoolExecutor(max_workers=count) as pool:
                list(pool.map(_parse_file_actions, paths[:count]))  # warm each worker
                start = time.perf_counter()
                actions = list(pool.map(_parse_file_actions, paths))
                elapsed = time.perf_counter() - start
            rows.append(
                {
                    "processes": count,
                    "plans": len(paths),
                    "actions": sum(actions),
                    "seconds": elapsed,
                    "plans_per_second": len(paths) / elapsed,
                }
            )
    return {"copies": copies, "rows": rows}


def _peer_calls() -> Iterator[tuple[str, str, Callable[[], Callable[[str], int]]]]:
    """Yield each peer: its name, what its call does, and a loader returning the call."""

    def chinese2digits() -> Callable[[str], int]:
        import chinese2digits as c2d

        return lambda text: len(c2d.takeChineseNumberFromString(text)["digitsStringList"])

    def recognizers_number() -> Callable[[str], int]:
        from recognizers_number import Culture, recognize_number

        return lambda text: len(recognize_number(text, Culture.Chinese))

    def recognizers_date_time() -> Callable[[str], int]:
        from recognizers_date_time import Culture, recognize_datetime

        return lambda text: len(recognize_datetime(text, Culture.Chinese))

    def jionlp_time() -> Callable[[str], int]:
        import jionlp

        return lambda text: len(jionlp.ner.extract_time(text))

    def jionlp_money() -> Callable[[str], int]:
        import jionlp

        return lambda text: len(jionlp.ner.extract_money(text))

    yield "chinese2digits", "takeChineseNumberFromString: numbers", chinese2digits
    yield "recognizers_number", "recognize_number(Chinese): numbers", recognizers_number
    yield "recognizers_date_time", "recognize_datetime(Chinese): dates", recognizers_date_time
    yield "jionlp", "ner.extract_time: dates and periods", jionlp_time
    yield "jionlp", "ner.extract_money: amounts of money", jionlp_money


def peers(text: str, runs: int, floor: float) -> list[dict[str, Any]]:
    """Return each installed peer's time over `text` (median of `runs`), found count and ratio."""
    rows = []
    for package, what, load in _peer_calls():
        if importlib.util.find_spec(package) is None:
            rows.append({"package": package, "call": what, "installed": False})
            continue
        try:
            # Peers print banners and warnings on import: keep the report readable.
            with open(os.devnull, "w") as devnull, contextlib.redirect_stdout(devnull):
                call = load()
                found = call(text)
        except Exception as error:  # a peer that fails to import or run is reported, not fatal
            rows.append({"package": package, "call": what, "installed": True, "error": repr(error)})
            continue
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            call(text)
            samples.append(time.perf_counter() - start)
        seconds = statistics.median(samples)
        rows.append(
            {
                "package": package,
                "call": what,
                "installed": True,
                "found": found,
                "seconds": seconds,
                "x_floor_regex": seconds / floor,
            }
        )
    return rows


def measure(runs: int, scales: tuple[int, ...], with_peers: bool = True) -> dict[str, Any]:
    """Run every benchmark and return the figures (seconds, bytes, ratios)."""
    text = yingshang.datasets.chongqing_2019_text()
    full, label = pipeline(text)
    imports = import_seconds(max(runs, 5))
    cli = cli_seconds(text, max(runs, 5))
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
        "import": imports,
        "cli": cli,
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
            "input_bytes": len(scaled.encode("utf-8")),
        }
        results["scaling"].append(row)
    first = results["scaling"][0]
    for row in results["scaling"]:
        # Per copy, relative to one copy: 1.0 everywhere means exactly linear.
        row["time_per_copy_vs_1x"] = row["pipeline"] / row["copies"] / first["pipeline"]
        row["memory_per_copy_vs_1x"] = row["peak_bytes"] / row["copies"] / first["peak_bytes"]
        row["x_floor_regex"] = row["pipeline"] / row["floor_regex"]
        row["x_floor_splitlines"] = row["pipeline"] / row["floor_splitlines"]
        row["peak_per_input_byte"] = row["peak_bytes"] / row["input_bytes"]
    results["throughput"] = throughput(text, (1, 2))
    floor = results["plan"]["floor_regex"]
    results["peers"] = peers(text, min(runs, 3), floor) if with_peers else []
    results["peers_yingshang"] = {
        "found": len(extract_targets(text)),
        "extract_targets": results["plan"]["extract_targets"],
        "x_floor_regex": results["plan"]["extract_targets"] / floor,
    }
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


def _process_rows(figures: dict[str, dict[str, float]], base: str) -> list[list[str]]:
    rows = []
    for name, figure in figures.items():
        above_wall = figure["wall"] - figures[base]["wall"]
        above_cpu = figure["cpu"] - figures[base]["cpu"]
        rows.append(
            [
                name,
                _ms(figure["wall"]),
                _ms(figure["cpu"]),
                "" if name == base else f"{above_wall * 1000:+.1f}",
                "" if name == base else f"{above_cpu * 1000:+.1f}",
            ]
        )
    return rows


def report(results: dict[str, Any]) -> str:
    """Return the figures as readable tables."""
    machine = results["machine"]
    plan = results["plan"]
    imports = results["import"]
    cli = results["cli"]
    regex_floor = plan["floor_regex"]
    lines_floor = plan["floor_splitlines"]
    process_headers = ["process", "wall ms", "cpu ms", "wall above", "cpu above"]
    one_process = results["throughput"]["rows"][0]["plans_per_second"]
    out = [
        f"yingshang {machine['yingshang']} on {machine['implementation']} {machine['python']}, "
        f"{machine['cores']} cores, {machine['platform']}",
        f"medians of {results['runs']} runs; pipeline = {results['pipeline']}",
        "",
        f"import yingshang: {_ms(imports['yingshang'])} ms inside the process; fresh processes:",
        _table(process_headers, _process_rows(imports["processes"], "interpreter")),
        f"modules imported beyond a bare interpreter's: {len(imports['modules_added'])} "
        f"({', '.join(m for m in imports['modules_added'] if m.startswith('yingshang'))} of ours)",
        "",
        "what importing each layer adds, in order (regex first, its compile wrapped to count)",
        _table(
            ["module", "ms", "compiling patterns ms", "patterns"],
            [
                [row["module"], _ms(row["seconds"]), _ms(row["compiling"]), str(row["patterns"])]
                for row in imports["layers"]
            ],
        ),
        "",
        f"command line: {cli['command']} (identical output cached, uncached and of a file: "
        f"{'yes' if cli['identical_output'] else 'NO'})",
        _table(process_headers, _process_rows(cli["processes"], "interpreter")),
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
             "peak/byte", "x regex", "x lines"],
            [
                [
                    f"{row['copies']}x",
                    str(row["characters"]),
                    str(row["actions"]),
                    _ms(row["pipeline"]),
                    f"{row['time_per_copy_vs_1x']:.2f}",
                    f"{row['peak_bytes'] / 2**20:.1f}",
                    f"{row['memory_per_copy_vs_1x']:.2f}",
                    f"{row['peak_per_input_byte']:.1f}",
                    f"{row['x_floor_regex']:.0f}",
                    f"{row['x_floor_splitlines']:.0f}",
                ]
                for row in results["scaling"]
            ],
        ),
        "",
        "per copy: time or memory per copy relative to 1x (1.00 = linear); peak/byte: peak "
        "allocation (tracemalloc) per byte of UTF-8 input; x regex, x lines: the pipeline's time "
        "over the floor's on the same text",
        "",
        f"throughput: parse_file over {results['throughput']['copies']} copies of the plan",
        _table(
            ["processes", "plans", "seconds", "plans/s", "vs 1 process"],
            [
                [
                    str(row["processes"]),
                    str(row["plans"]),
                    f"{row['seconds']:.2f}",
                    f"{row['plans_per_second']:.1f}",
                    f"{row['plans_per_second'] / one_process:.2f}",
                ]
                for row in results["throughput"]["rows"]
            ],
        ),
    ]  # fmt: skip
    if results["peers"]:
        ours = results["peers_yingshang"]
        peer_rows = [
            [
                "yingshang",
                "extract_targets: numbers, dates, deadlines, quantities",
                _ms(ours["extract_targets"]),
                f"{ours['x_floor_regex']:.0f}",
                str(ours["found"]),
            ]
        ]
        for row in results["peers"]:
            if not row["installed"]:
                peer_rows.append([row["package"], row["call"], "not installed", "", ""])
            elif "error" in row:
                peer_rows.append([row["package"], row["call"], "failed", "", row["error"][:30]])
            else:
                peer_rows.append(
                    [
                        row["package"],
                        row["call"],
                        _ms(row["seconds"]),
                        f"{row['x_floor_regex']:.0f}",
                        str(row["found"]),
                    ]
                )
        out += [
            "",
            "peers over the same text (one call over the whole plan, after a first call)",
            _table(["package", "call", "ms", "x regex floor", "found"], peer_rows),
        ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print a table, or JSON with ``--json``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--runs", type=int, default=7, help="runs per figure (default: 7)")
    parser.add_argument("--quick", action="store_true", help="3 runs, scales 1x and 4x only")
    parser.add_argument("--no-peers", action="store_true", help="leave the peers out")
    arguments = parser.parse_args(argv)
    runs = 3 if arguments.quick else arguments.runs
    scales = SCALES[:2] if arguments.quick else SCALES
    results = measure(runs, scales, with_peers=not arguments.no_peers)
    print(json.dumps(results, indent=2) if arguments.json else report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
