"""The command line: ``yingshang summary [FILE]`` (also ``python -m yingshang``).

Every subcommand reads FILE, or the embedded Chongqing 2019 plan when FILE is left out. Input
errors go to stderr with the line and column and exit with status 1; usage errors exit with 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from ._display import format_table
from .datasets import chongqing_2019
from .errors import ParseError, YingshangError
from .model import Plan
from .parse import parse_file

__all__ = ["main"]

_EPILOG = """examples:
  yingshang summary                 summarise the embedded Chongqing 2019 plan
  yingshang summary plan.txt        summarise the plan in plan.txt (UTF-8 or GB18030)
"""


def _load(path: str | None) -> Plan:
    return chongqing_2019() if path is None else parse_file(path)


def _summary(plan: Plan) -> str:
    lines = [
        plan.title.text,
        f"document number: {plan.document_number or '-'}",
        f"issuer:          {plan.issuer or '-'}",
        f"issue date:      {plan.issue_date.isoformat() if plan.issue_date else '-'}",
        "",
    ]
    rows = [
        [str(area.ordinal), area.title, str(len(area.measures)), str(len(area.actions))]
        for area in plan.areas
    ]
    rows.append(["", "total", str(len(plan.measures)), str(len(plan.actions))])
    lines.append(format_table(["#", "area", "measures", "actions"], rows, numeric={0, 2, 3}))
    if plan.warnings:
        lines.append("")
        lines.append(f"{len(plan.warnings)} warning(s); see Plan.diagnostics")
    return "\n".join(lines)


def _command_summary(arguments: argparse.Namespace) -> str:
    return _summary(_load(arguments.file))


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="yingshang",
        description="Read Chinese business-environment plans (营商环境 工作方案) as data.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    summary = commands.add_parser(
        "summary",
        help="print the title, document number, issuer, date and a table of areas",
        description="Print the plan's title, document number, issuer and date, and a table of "
        "its areas with their measure and action counts.",
        epilog="example:\n  yingshang summary plan.txt",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    summary.add_argument(
        "file", nargs="?", metavar="FILE", help="the plan's text (default: the embedded plan)"
    )
    summary.set_defaults(run=_command_summary)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with `argv` (default: ``sys.argv[1:]``); return the exit status."""
    arguments = _parser().parse_args(argv)
    run: Callable[[argparse.Namespace], str] = arguments.run
    try:
        output = run(arguments)
    except ParseError as error:
        where = arguments.file or "<embedded plan>"
        print(f"yingshang: {where}: {error}", file=sys.stderr)
        return 1
    except (OSError, YingshangError) as error:
        print(f"yingshang: {error}", file=sys.stderr)
        return 1
    print(output)
    return 0
