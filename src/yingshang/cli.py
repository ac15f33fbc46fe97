"""The command line: ``yingshang COMMAND [ARGS] [FILE]`` (also ``python -m yingshang``).

Every command reads FILE, or the embedded Chongqing 2019 plan when FILE is left out, and prints
a table, JSON or CSV (``--format``). Input errors go to stderr with the line and column and exit
with status 1; usage errors exit with status 2.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from . import __version__, _cache
from ._display import display_width, format_table, shorten
from .datasets import chongqing_2019, chongqing_2019_text
from .errors import ParseError, ReadError, YingshangError, line_and_column

if TYPE_CHECKING:
    from . import query
    from .model import Area, Measure, Plan
    from .readers import Limits

# The model (and attrs under it), the parser, the readers, queries, JSON (cattrs) and the
# registry are imported by the commands that use them: `yingshang summary` of the embedded
# plan reads its rows from the cache and needs none of them.

__all__ = ["main"]

# The help's examples: a command and what it shows, laid out by display width (CJK takes two).
_EXAMPLES = (
    ("yingshang summary", "the embedded Chongqing 2019 plan, area by area"),
    ("yingshang summary plan.txt", "another plan (text, .docx, .html or .pdf)"),
    ("cat plan.txt | yingshang summary -", "a plan read from standard input"),
    ("yingshang show 14", "measure 14 with its items and agencies"),
    ("yingshang show 开办企业", "an area (also: show 1, show 一)"),
    ("yingshang agencies --sort lead", "agencies by how many items they lead"),
    ("yingshang targets --kind duration", "every duration target"),
    ("yingshang due --by 2019-12-31", "items due by the end of 2019"),
    ("yingshang due --as-of 2020-01-01 --done 2.1,4.1", "overdue items, given those done"),
    ("yingshang search 工作日", "items that mention 工作日"),
    ("yingshang diagnostics", "what the parser could not place, with line:column"),
    ("yingshang export --format json > plan.json", "the whole plan as a JSON document"),
    ("yingshang export --format xlsx -o ledger.xlsx", "the task ledger (任务台账) for Excel"),
    ("yingshang report -o report.html", "a one-page HTML report to open in a browser"),
)


def _epilog() -> str:
    width = max(display_width(command) for command, _ in _EXAMPLES) + 2
    lines = [
        "  " + command + " " * (width - display_width(command)) + what
        for command, what in _EXAMPLES
    ]
    return (
        "examples:\n"
        + "\n".join(lines)
        + "\n\nEvery command takes --format table|json|csv and an optional FILE"
        + " (- reads standard input).\n"
    )


# Columns the table format may shorten; JSON and CSV keep every character.
_PREVIEW = 40


class _Output(NamedTuple):
    """What a command found: rows for table and CSV, data for JSON, a heading for the table."""

    columns: tuple[str, ...]
    rows: list[list[str]]
    data: Any
    heading: str = ""
    numeric: frozenset[int] = frozenset()


def _load(path: str | None, limits: Limits | None = None, strict: bool = False) -> Plan:
    if path is None:
        return chongqing_2019()
    from .parse import parse, parse_file
    from .readers import read_bytes

    if path == "-":  # standard input, as bytes: read as a file's bytes are
        import attrs

        source = read_bytes(sys.stdin.buffer.read(), "<stdin>", limits=limits)
        return attrs.evolve(parse(source.text, strict=strict), source=source)
    return parse_file(path, limits=limits, strict=strict)


def _limits(settings: Sequence[str] | None) -> Limits | None:
    """Read ``--limit max_bytes=1000000`` options into `Limits` (None: the defaults)."""
    if not settings:
        return None
    import attrs

    from .readers import Limits

    names = [field.name for field in attrs.fields(Limits)]
    values: dict[str, int] = {}
    for setting in settings:
        name, _, value = setting.partition("=")
        if name not in names or not value.isdigit() or int(value) <= 0:
            raise argparse.ArgumentTypeError(
                f"expected --limit NAME=N with N > 0 and NAME one of {', '.join(names)}, "
                f"found {setting!r}"
            )
        values[name] = int(value)
    return Limits(**values)


def _json_default(value: object) -> object:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _dumps(data: Any) -> str:
    import json  # here, as csv below: the table format, which most runs print, needs neither

    return json.dumps(data, ensure_ascii=False, indent=2, default=_json_default)


def _render(output: _Output, output_format: str) -> str:
    if output_format == "json":
        return _dumps(output.data)
    if output_format == "csv":
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(output.columns)
        writer.writerows(output.rows)
        return buffer.getvalue().rstrip("\n")
    table_rows = [[shorten(cell, _PREVIEW) for cell in row] for row in output.rows]
    table = format_table(list(output.columns), table_rows, numeric=set(output.numeric))
    return f"{output.heading}\n\n{table}" if output.heading else table


# --- commands ------------------------------------------------------------------------------------


def _summary(plan: Plan, arguments: argparse.Namespace) -> _Output:
    return _summary_output(_summary_data(plan), arguments)


def _summary_data(plan: Plan) -> dict[str, Any]:
    """What `summary` prints of `plan`, as plain data (its JSON document)."""
    return {
        "title": plan.title.text,
        "document_number": plan.document_number,
        "issuer": plan.issuer,
        "issue_date": plan.issue_date,
        "areas": [
            {
                "ordinal": a.ordinal,
                "title": a.title,
                "measures": len(a.measures),
                "actions": len(a.actions),
            }
            for a in plan.areas
        ],
        "measures": len(plan.measures),
        "actions": len(plan.actions),
        "warnings": len(plan.warnings),
    }


def _embedded_summary_data() -> dict[str, Any]:
    """`_summary_data` of the embedded plan, kept in the cache beside the parsed plan.

    Reading the plan back needs its attrs classes, and importing attrs costs more than the
    rest of the command: the summary's few numbers are kept as plain data, keyed as the plan is
    (any change to yingshang's files or Python's packages rebuilds both).
    """
    return _cache.cached(
        "yingshang", "chongqing-2019-summary", lambda: _summary_data(chongqing_2019())
    )


def _summary_output(data: dict[str, Any], arguments: argparse.Namespace) -> _Output:
    rows = [
        [str(area["ordinal"]), area["title"], str(area["measures"]), str(area["actions"])]
        for area in data["areas"]
    ]
    issue_date: datetime.date | None = data["issue_date"]
    heading = "\n".join(
        [
            data["title"],
            f"document number: {data['document_number'] or '-'}",
            f"issuer:          {data['issuer'] or '-'}",
            f"issue date:      {issue_date.isoformat() if issue_date else '-'}",
        ]
    )
    if arguments.format == "table":
        rows.append(["", "total", str(data["measures"]), str(data["actions"])])
    return _Output(("#", "area", "measures", "actions"), rows, data, heading, frozenset({0, 2, 3}))


def _action_rows(entries: Sequence[query.Entry]) -> list[list[str]]:
    return [
        [
            entry.key,
            entry.action.text,
            "、".join(u.name for u in entry.action.lead_agencies),
            "、".join(u.name for u in entry.action.cooperating_agencies),
            _cell(entry.due),
        ]
        for entry in entries
    ]


_ACTION_COLUMNS = ("item", "action", "lead", "cooperating", "due")


def _show(plan: Plan, arguments: argparse.Namespace) -> _Output:
    from . import io, query

    key: str = arguments.key.strip()
    found: Area | Measure
    area_key: int | str = key
    parts = key.rstrip("．.").split(".")  # 14: measure 14; 2.1: area 2's measure 1
    if key.startswith("area:"):
        area_key = key.removeprefix("area:").strip()
        area_key = int(area_key) if area_key.isdigit() else area_key
    elif len(parts) <= 2 and all(part.isdigit() for part in parts):
        # (2.1 where areas each number their measures from 1)
        area = int(parts[0]) if len(parts) == 2 else None
        found = query.find_measure(plan, int(parts[-1]), area)
        entries = query.select(plan, measure=found.number, area=area)
        heading = f"measure {found.number}: {found.title}"
        return _Output(_ACTION_COLUMNS, _action_rows(entries), io.to_data(found), heading)
    found = query.find_area(plan, area_key)
    rows = [
        [
            str(m.number),
            m.title,
            str(len(m.actions)),
            "、".join(dict.fromkeys(u.name for a in m.actions for u in a.lead_agencies)),
        ]
        for m in found.measures
    ]
    return _Output(
        ("#", "measure", "actions", "lead agencies"),
        rows,
        io.to_data(found),
        f"area {found.ordinal}: {found.title}",
        frozenset({0, 2}),
    )


def _agencies(plan: Plan, arguments: argparse.Namespace) -> _Output:
    from . import query
    from .registry import default_registry, registry_for

    registry = registry_for(plan)
    heading = ""
    if not registry.entries:
        region = default_registry().region
        heading = (
            f"official names: none known (the shipped registry is {region}'s, and the plan "
            f"names another place or none)"
        )
    counts = list(query.agency_counts(plan, registry))
    if arguments.role == "lead":
        counts = [c for c in counts if c.lead]
    elif arguments.role == "cooperating":
        counts = [c for c in counts if c.cooperating]
    order: dict[str, Callable[[query.AgencyCount], Any]] = {
        "lead": lambda c: (-c.lead, -c.cooperating),
        "cooperating": lambda c: (-c.cooperating, -c.lead),
        "total": lambda c: -c.total,
        "plan": lambda c: 0,
    }
    counts.sort(key=order[arguments.sort])
    rows = [
        [c.name, c.canonical_name if c.known else "(unknown)", str(c.lead), str(c.cooperating)]
        for c in counts
    ]
    import attrs

    data = [attrs.asdict(c) for c in counts]
    return _Output(
        ("agency", "official name", "lead", "cooperating"),
        rows,
        data,
        heading,
        numeric=frozenset({2, 3}),
    )


def _targets(plan: Plan, arguments: argparse.Namespace) -> _Output:
    from . import io, query

    criteria = {"kind": arguments.kind, "agency": arguments.agency, "area": arguments.area}
    hits = query.targets(plan, **{k: v for k, v in criteria.items() if v is not None})
    records = [
        io.target_record(
            hit.entry.area,
            hit.entry.measure,
            hit.entry.action,
            hit.target,
            qualified=hit.entry.qualified,
        )
        for hit in hits
    ]
    columns = (
        "item",
        "kind",
        "text",
        "value",
        "unit",
        "comparator",
        "baseline_value",
        "baseline_unit",
        "deadline",
    )
    rows = [[_cell(record[c]) for c in columns] for record in records]
    return _Output(columns, rows, records)


def _due(plan: Plan, arguments: argparse.Namespace) -> _Output:
    from . import query

    if arguments.as_of is not None:
        done = [item.strip() for item in (arguments.done or "").split(",") if item.strip()]
        entries = query.overdue(plan, arguments.as_of, done)
        heading = f"overdue as of {arguments.as_of.isoformat()}: {len(entries)} items"
    else:
        entries = query.select(plan, due_from=arguments.due_from, due_by=arguments.by)
        if arguments.due_from is None and arguments.by is None:
            entries = query.Results(tuple(e for e in entries if e.due is not None))
        entries = query.Results(tuple(sorted(entries, key=lambda e: e.due or datetime.date.max)))
        bounds = [
            f"from {arguments.due_from}" if arguments.due_from else "",
            f"by {arguments.by}" if arguments.by else "",
        ]
        heading = f"{len(entries)} items due {' '.join(b for b in bounds if b)}".rstrip()
    rows = [
        [
            _cell(e.due),
            e.key,
            e.area.title,
            e.action.text,
            "、".join(u.name for u in e.action.lead_agencies),
        ]
        for e in entries
    ]
    data = [dict(zip(("due", "item", "area", "action", "lead"), row, strict=True)) for row in rows]
    return _Output(("due", "item", "area", "action", "lead"), rows, data, heading)


def _search(plan: Plan, arguments: argparse.Namespace) -> _Output:
    from . import query

    if arguments.regex:
        found = query.search(plan, pattern=arguments.text)
    else:
        found = query.search(plan, arguments.text)
    rows = []
    data = []
    for entry in found:
        fragments = [_context(entry.action.text, span.start, span.end) for span in entry.matches]
        rows.append(
            [
                entry.key,
                entry.area.title,
                " … ".join(fragments),
                "、".join(u.name for u in entry.action.lead_agencies),
            ]
        )
        data.append(
            {
                "item": entry.key,
                "text": entry.action.text,
                "matches": [[s.start, s.end] for s in entry.matches],
            }
        )
    return _Output(
        ("item", "area", "match", "lead"),
        rows,
        data,
        f"{len(found)} items match {arguments.text!r}",
    )


def _context(text: str, start: int, end: int, around: int = 8) -> str:
    left = max(0, start - around)
    right = min(len(text), end + around)
    return (
        ("…" if left else "") + text[left:start] + "【" + text[start:end] + "】" + text[end:right]
    )


def _diagnostics(plan: Plan, arguments: argparse.Namespace) -> _Output:
    # Positions are counted in the text the spans slice: the plan keeps it.
    from .model import Severity

    text = plan.source.text if plan.source is not None else chongqing_2019_text()
    diagnostics = [d for d in plan.diagnostics if arguments.all or d.severity is not Severity.INFO]
    rows = []
    for diagnostic in diagnostics:
        line, column = line_and_column(text, diagnostic.span.start)
        found = " ".join(diagnostic.span.slice(text).split())
        rows.append([f"{line}:{column}", diagnostic.severity.value, diagnostic.code,
                     diagnostic.message, found])  # fmt: skip
    data = [
        dict(zip(("where", "severity", "code", "message", "text"), r, strict=True)) for r in rows
    ]
    heading = f"{len(rows)} diagnostic(s)"
    heading += "" if arguments.all else " of severity warning or error"
    return _Output(("where", "severity", "code", "message", "text"), rows, data, heading)


def _export(plan: Plan, arguments: argparse.Namespace) -> _Output:
    from . import io

    records = io.target_records(plan) if arguments.records == "targets" else io.action_records(plan)
    columns = io.TARGET_COLUMNS if arguments.records == "targets" else io.ACTION_COLUMNS
    rows = [[_cell(record[c]) for c in columns] for record in records]
    if arguments.format != "table":
        return _Output(columns, rows, records)
    # Records are too wide for a terminal: the table shows what an export would hold.
    first = rows[0] if rows else [""] * len(columns)
    heading = (
        f"{len(rows)} {arguments.records.removesuffix('s')} records of {len(columns)} columns; "
        "--format csv writes them, --format json the whole plan"
    )
    overview = [[column, value] for column, value in zip(columns, first, strict=True)]
    return _Output(("column", "first record"), overview, records, heading)


# --- files: the Excel ledger and the HTML report -------------------------------------------------


def _output_argument(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("-o", "--output", metavar="FILE", help=help_text)


def _add_report(commands: Any) -> None:
    summary = "write a one-page HTML report: tree, deadline timeline, agency × area matrix, targets"
    report = commands.add_parser(
        "report",
        help=summary,
        description=summary + ". The page is self-contained: it opens offline in any browser.",
        epilog="example:\n  yingshang report plan.docx -o report.html",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    report.set_defaults(run=_report, format="html")
    _output_argument(report, "write to FILE instead of standard output")
    _file_argument(report)


def _report(plan: Plan, arguments: argparse.Namespace) -> _Output:
    from .report import report_html

    return _Output((), [], report_html(plan))


def _write_files(plan: Plan, arguments: argparse.Namespace) -> str | None:
    """Write the ledger or the report where asked; return what to print, None for other commands."""
    output: str | None = getattr(arguments, "output", None)
    if arguments.run is _export and arguments.format == "xlsx":
        from .ledger import write_ledger

        assert output is not None  # main checked it
        from . import query

        write_ledger(plan, output)
        leads = sum(1 for count in query.agency_counts(plan) if count.lead)
        return (
            f"wrote {output}: {len(plan.actions)} items, {leads} lead agencies, "
            f"{sum(len(a.targets) for a in plan.actions)} targets"
        )
    if arguments.run is _report:
        text: str = _report(plan, arguments).data
    elif output is not None:
        text = _text(plan, arguments)
    else:
        return None
    if output is None:
        return text
    with open(output, "w", encoding="utf-8") as file:
        file.write(text if text.endswith("\n") else text + "\n")
    return f"wrote {output}"


# --- the parser ----------------------------------------------------------------------------------


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, found {text!r}") from None


def _subcommand(
    commands: Any, name: str, summary: str, example: str, formats: Sequence[str]
) -> argparse.ArgumentParser:
    """Add a command with its help, example and --format, as every command has them."""
    parser: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=summary + ".",
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--format",
        choices=formats,
        default=formats[0],
        help=f"output format (default: {formats[0]})",
    )
    return parser


def _command(
    commands: Any,
    name: str,
    run: Callable[[Plan, argparse.Namespace], _Output],
    summary: str,
    example: str,
    formats: Sequence[str] = ("table", "json", "csv"),
) -> argparse.ArgumentParser:
    parser = _subcommand(commands, name, summary, example, formats)
    parser.set_defaults(run=run)
    return parser


def _target_kinds() -> list[str]:
    from .model import TargetKind  # only the commands that filter by kind build this option

    return [kind.value for kind in TargetKind]


def _file_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="the plan's file: text, Word (.docx), web page (.html) or PDF; - for standard input "
        "(default: the embedded 2019 Chongqing plan)",
    )
    _reading_options(parser, "a FILE")


def _reading_options(parser: argparse.ArgumentParser, what: str) -> None:
    """Add --limit and --strict, which every command that reads files takes."""
    parser.add_argument(
        "--limit",
        action="append",
        metavar="NAME=N",
        help="raise or lower a reading limit, e.g. max_pages=5000 (see docs/formats.md)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help=f"refuse {what} the parser had to recover (no title, no body, cut short)",
    )


def _add_summary(commands: Any) -> None:
    summary = _command(
        commands,
        "summary",
        _summary,
        "print the title, document number, issuer, date and a table of areas",
        "yingshang summary plan.txt",
    )
    _file_argument(summary)


def _add_show(commands: Any) -> None:
    show = _command(
        commands,
        "show",
        _show,
        "show a measure (by number) or an area (by ordinal, Chinese ordinal or title)",
        "yingshang show 14",
    )
    show.add_argument(
        "key",
        metavar="MEASURE|AREA",
        help="a measure number (14; 2.1 for area 2's measure 1 where each area numbers its "
        "measures from 1), or an area: area:3, 一, 开办企业",
    )
    _file_argument(show)


def _add_agencies(commands: Any) -> None:
    agencies = _command(
        commands,
        "agencies",
        _agencies,
        "list the agencies with how many items they lead and cooperate on",
        "yingshang agencies --sort lead --role lead",
    )
    agencies.add_argument(
        "--role",
        choices=["lead", "cooperating", "any"],
        default="any",
        help="only agencies with items in this role",
    )
    agencies.add_argument(
        "--sort",
        choices=["lead", "cooperating", "total", "plan"],
        default="lead",
        help="order: by lead count (default), cooperating, total, or as in the plan",
    )
    _file_argument(agencies)


def _add_targets(commands: Any) -> None:
    targets = _command(
        commands,
        "targets",
        _targets,
        "list the quantitative targets, optionally by kind, agency or area",
        "yingshang targets --kind duration --area 开办企业",
    )
    targets.add_argument("--kind", choices=_target_kinds(), help="only targets of this kind")
    targets.add_argument("--agency", help="only items this agency leads or cooperates on")
    targets.add_argument("--area", help="only this area (ordinal or title)")
    _file_argument(targets)


def _add_due(commands: Any) -> None:
    due = _command(
        commands,
        "due",
        _due,
        "list items by deadline, due in a range, or overdue on a date",
        "yingshang due --by 2019-12-31",
    )
    due.add_argument(
        "--from", dest="due_from", type=_date, metavar="DATE", help="due on or after DATE"
    )
    due.add_argument("--by", type=_date, metavar="DATE", help="due on or before DATE")
    due.add_argument(
        "--as-of", type=_date, metavar="DATE", help="list the items overdue on DATE instead"
    )
    due.add_argument(
        "--done", metavar="ITEMS", help="with --as-of: items already done, as 14.2,15.1"
    )
    _file_argument(due)


def _add_search(commands: Any) -> None:
    search = _command(
        commands,
        "search",
        _search,
        "find the items whose text contains TEXT",
        "yingshang search 工作日",
    )
    search.add_argument("text", metavar="TEXT", help="the text to find")
    search.add_argument("--regex", action="store_true", help="read TEXT as a regular expression")
    _file_argument(search)


def _add_diagnostics(commands: Any) -> None:
    diagnostics = _command(
        commands,
        "diagnostics",
        _diagnostics,
        "list what the parser removed or could not place, with line and column",
        "yingshang diagnostics --all plan.txt",
    )
    diagnostics.add_argument(
        "--all", action="store_true", help="also the notes of severity info (removed artifacts)"
    )
    _file_argument(diagnostics)


def _add_export(commands: Any) -> None:
    export = _command(
        commands,
        "export",
        _export,
        "export the plan: a JSON document of the whole model, CSV records, or the Excel ledger",
        "yingshang export --format csv --records targets > targets.csv",
        formats=("json", "csv", "table", "xlsx"),
    )
    export.add_argument(
        "--records",
        choices=["actions", "targets"],
        default="actions",
        help="with --format csv or table: one row per action item (default) or target",
    )
    _output_argument(export, "write to FILE instead of standard output (required for xlsx)")
    _file_argument(export)


def _parser(only: str | None = None) -> argparse.ArgumentParser:
    """Return the command line's parser; with `only`, one that knows that command alone.

    A run uses one command, and setting up each command's arguments costs argparse about a
    millisecond: `main` builds the whole parser only for top-level help and errors.
    """
    parser = argparse.ArgumentParser(
        prog="yingshang",
        description="Read Chinese business-environment plans (营商环境 工作方案) as data.",
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"yingshang {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    for name, add in _COMMANDS.items():
        if only is None or name == only:
            add(commands)
    return parser


# --- many plans: corpus, compare, diff -----------------------------------------------------------
# These commands read several files (or none of the embedded plan) and run on their own path.


class _FileError(YingshangError):
    """A plan that does not parse, with the name of its file (one of several read)."""


def _parse_named(path: str | os.PathLike[str], limits: Limits | None, strict: bool = False) -> Plan:
    from .parse import parse_file

    try:
        return parse_file(path, limits=limits, strict=strict)
    except ReadError:  # names the file itself
        raise
    except ParseError as error:
        raise _FileError(f"{os.fspath(path)}: {error}") from None


def _read_plans(paths: Sequence[str], limits: Limits | None, strict: bool = False) -> list[Plan]:
    from .corpus import expand

    return [_parse_named(path, limits, strict) for path in expand(paths)]


def _corpus_command(arguments: argparse.Namespace) -> str:
    from .corpus import build

    summary = build(
        arguments.paths,
        arguments.out,
        jobs=arguments.jobs,
        cache=not arguments.no_cache,
        progress=arguments.progress,
        engine=arguments.engine,
        scheduler=arguments.scheduler,
        limits=_limits(arguments.limit),
        strict=arguments.strict,
    )
    if arguments.format == "json":
        return _dumps(summary.as_dict())
    workers = f"{summary.jobs} processes" if summary.engine == "local" else "dask"
    rows = [
        ["files", str(summary.files)],
        ["plans read", str(summary.plans)],
        ["  from the cache", str(summary.cached)],
        ["failed", str(summary.failed)],
        ["duplicates", str(summary.duplicates)],
        ["items", str(summary.actions)],
        ["targets", str(summary.targets)],
    ]
    lines = [
        f"corpus written to {summary.out} in {summary.seconds:.2f} s "
        f"({summary.plans_per_second:.1f} plans/s, {workers})",
        "",
        format_table(["", "count"], rows, numeric={1}),
    ]
    if summary.failures:
        lines += ["", "failed files:"]
        lines += [
            f"  {path}: {shorten(error.splitlines()[0], 100)}" for path, error in summary.failures
        ]
    return "\n".join(lines)


def _compare_command(arguments: argparse.Namespace) -> str:
    from .compare import compare

    plans = _read_plans(arguments.paths, _limits(arguments.limit), arguments.strict)
    table = compare(plans, indicator=arguments.indicator, kind=arguments.kind)
    if arguments.format == "json":
        data = {"plans": list(table.labels), "rows": table.records()}
        return _dumps(data)
    columns = ("indicator", "kind", "unit", *table.labels)
    rows = [
        [row.title, row.kind.value, row.unit or "",
         *("；".join(hit.target.text for hit in cell) for cell in row.cells)]
        for row in table.rows
    ]  # fmt: skip
    heading = f"{len(plans)} plans, {len(rows)} rows of targets lined up by indicator"
    return _render(_Output(columns, rows, None, heading), arguments.format)


def _diff_command(arguments: argparse.Namespace) -> str:
    from .diff import diff

    limits = _limits(arguments.limit)
    old = _parse_named(arguments.old, limits, arguments.strict)
    new = _parse_named(arguments.new, limits, arguments.strict)
    found = diff(old, new, threshold=arguments.threshold)
    records = [change.record() for change in found.changes]
    if arguments.format == "json":
        data = {
            "matched": len(found.matches),
            "added": len(found.added),
            "removed": len(found.removed),
            "counts": found.counts(),
            "changes": records,
        }
        return _dumps(data)
    columns = ("change", "old_item", "new_item", "area", "before", "after")
    rows = [[_cell(record[c]) for c in columns] for record in records]
    counts = ", ".join(f"{kind} {n}" for kind, n in found.counts().items()) or "no change"
    heading = (
        f"{len(found.matches)} items matched, {len(found.added)} added, "
        f"{len(found.removed)} removed\n{counts}"
    )
    return _render(_Output(columns, rows, None, heading), arguments.format)


def _many_command(
    commands: Any,
    name: str,
    run: Callable[[argparse.Namespace], str],
    summary: str,
    example: str,
    formats: Sequence[str] = ("table", "json", "csv"),
) -> argparse.ArgumentParser:
    parser = _subcommand(commands, name, summary, example, formats)
    parser.set_defaults(many=run)
    _reading_options(parser, "a file")
    return parser


def _add_corpus(commands: Any) -> None:
    corpus = _many_command(
        commands,
        "corpus",
        _corpus_command,
        "read a folder, glob or list of plans into Parquet and JSON Lines tables",
        "yingshang corpus plans/ --out dataset",
        formats=("table", "json"),
    )
    corpus.add_argument("paths", nargs="+", metavar="PATH", help="plan files, folders or globs")
    corpus.add_argument("--out", required=True, metavar="DIR", help="the dataset's directory")
    corpus.add_argument(
        "--jobs", type=int, metavar="N", help="processes to parse with (default: the CPU count)"
    )
    corpus.add_argument(
        "--no-cache", action="store_true", help="parse every file, even those unchanged"
    )
    corpus.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar (default: on a terminal)",
    )
    corpus.add_argument(
        "--engine", choices=["local", "dask"], default="local", help="local processes or Dask"
    )
    corpus.add_argument(
        "--scheduler",
        metavar="SCHEDULER",
        help="with --engine dask: synchronous, threads, processes (default: Dask's)",
    )


def _add_compare(commands: Any) -> None:
    compare = _many_command(
        commands,
        "compare",
        _compare_command,
        "line plans up by indicator: each plan's targets side by side",
        "yingshang compare shanghai-2020.docx beijing-2020.docx --indicator 开办企业",
    )
    compare.add_argument("paths", nargs="+", metavar="PATH", help="plan files, folders or globs")
    compare.add_argument("--indicator", help="only this indicator (key, title or English name)")
    compare.add_argument("--kind", choices=_target_kinds(), help="only targets of this kind")


def _add_diff(commands: Any) -> None:
    diff = _many_command(
        commands,
        "diff",
        _diff_command,
        "compare two versions of a plan: targets tightened or loosened, deadlines, agencies",
        "yingshang diff plan-2019.txt plan-2020.txt",
    )
    diff.add_argument("old", metavar="OLD", help="the earlier version's file")
    diff.add_argument("new", metavar="NEW", help="the later version's file")
    diff.add_argument(
        "--threshold",
        type=float,
        default=60.0,
        metavar="SCORE",
        help="least text similarity (0-100) to match two items (default: 60)",
    )


# Every command, in the order of the help; `_parser` adds them.
_COMMANDS: dict[str, Callable[[Any], None]] = {
    "summary": _add_summary,
    "show": _add_show,
    "agencies": _add_agencies,
    "targets": _add_targets,
    "due": _add_due,
    "search": _add_search,
    "diagnostics": _add_diagnostics,
    "export": _add_export,
    "report": _add_report,
    "corpus": _add_corpus,
    "compare": _add_compare,
    "diff": _add_diff,
}


def _run_many(
    parser: argparse.ArgumentParser, arguments: argparse.Namespace, extras: Sequence[str]
) -> int:
    if extras:
        parser.error(f"unrecognized arguments: {' '.join(extras)}")
    try:
        text = arguments.many(arguments)
    except argparse.ArgumentTypeError as error:
        parser.error(str(error))
    except (OSError, YingshangError) as error:
        print(f"yingshang: {error}", file=sys.stderr)
        return 1
    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def _text(plan: Plan, arguments: argparse.Namespace) -> str:
    if arguments.run is _export and arguments.format == "json":
        from .io import to_json

        return to_json(plan, indent=2)
    return _render(arguments.run(plan, arguments), arguments.format)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (default: ``sys.argv[1:]``); return the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = _parser(argv[0] if argv and argv[0] in _COMMANDS else None)
    arguments, extras = parser.parse_known_args(argv)
    if getattr(arguments, "many", None) is not None:  # corpus, compare, diff: several files
        return _run_many(parser, arguments, extras)
    # argparse does not read a positional FILE after options ("show 14 --format csv plan.txt"),
    # though users write it there: take one leftover word as the FILE not yet given.
    if len(extras) == 1 and not extras[0].startswith("-") and arguments.file is None:
        arguments.file = extras[0]
    elif extras:
        parser.error(f"unrecognized arguments: {' '.join(extras)}")
    run: Callable[[Plan, argparse.Namespace], _Output] = arguments.run
    if run is _export and arguments.format == "xlsx" and arguments.output is None:
        parser.error("export --format xlsx needs -o FILE: a workbook is binary, not terminal text")
    if run is _summary and arguments.file is None:
        # The embedded plan's summary: from the cache, without the model (see the function).
        data = _embedded_summary_data()
        text = _render(_summary_output(data, arguments), arguments.format)
        return _print(text, data["warnings"] if arguments.format == "table" else 0)
    try:
        plan = _load(
            arguments.file,
            _limits(getattr(arguments, "limit", None)),
            getattr(arguments, "strict", False),
        )
        written = _write_files(plan, arguments)
        text = _text(plan, arguments) if written is None else written
    except argparse.ArgumentTypeError as error:
        parser.error(str(error))
    except ReadError as error:  # names the file itself
        print(f"yingshang: {error}", file=sys.stderr)
        return 1
    except ParseError as error:
        print(f"yingshang: {arguments.file or '<embedded plan>'}: {error}", file=sys.stderr)
        return 1
    except (OSError, YingshangError) as error:
        print(f"yingshang: {error}", file=sys.stderr)
        return 1
    if not plan.actions and run in _LISTINGS:
        # An empty listing must not pass for a plan with nothing to list: say why it is empty.
        print(
            f"yingshang: {arguments.file or '<embedded plan>'}: no action items were read; "
            f"{len(plan.warnings)} warning(s): yingshang diagnostics lists them",
            file=sys.stderr,
        )
    summarised = run is _summary and arguments.format == "table"
    return _print(text, len(plan.warnings) if summarised else 0)


# The commands that list items or what items hold: empty for a plan of no items.
_LISTINGS = frozenset((_show, _agencies, _targets, _due, _search))


def _print(text: str, warnings: int = 0) -> int:
    """Print a command's text, and after a summary's table how many warnings the plan has."""
    if warnings:
        text += f"\n\n{warnings} warning(s): yingshang diagnostics lists them"
    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader stopped early (yingshang agencies | head): not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
