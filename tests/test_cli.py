"""The command line, run as a user runs it: in a subprocess."""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import attrs

import yingshang
from yingshang.datasets import chongqing_2019_text


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "yingshang", *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_summary_of_the_embedded_plan() -> None:
    result = run("summary")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "重庆市营商环境优化提升工作方案"
    assert "渝府办发〔2019〕81号" in lines[1]
    assert "重庆市人民政府办公厅" in lines[2]
    assert "2019-07-23" in lines[3]
    rows = [
        row
        for row in map(str.split, lines)
        if len(row) == 4 and row[0].isdigit() and row[3].isdigit()
    ]
    assert [row[1] for row in rows][:3] == ["开办企业", "办理建筑许可", "获得电力"]
    assert len(rows) == 20
    plan = yingshang.datasets.chongqing_2019()
    assert [(int(r[2]), int(r[3])) for r in rows] == [
        (len(a.measures), len(a.actions)) for a in plan.areas
    ]
    assert "total" in result.stdout
    assert "91" in result.stdout.split("total")[1]


def test_summary_of_a_file_in_gb18030(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(chongqing_2019_text().encode("gb18030"))
    assert run("summary", str(path)).stdout == run("summary").stdout


def test_a_file_that_is_not_a_plan_reports_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("今天天气很好。\n", encoding="utf-8")
    result = run("summary", str(path))
    assert result.returncode == 1
    assert result.stdout == ""
    assert f"{path}: line 1, column 1: expected the plan's title" in result.stderr


def test_a_missing_file_and_a_usage_error() -> None:
    missing = run("summary", "/nonexistent/plan.txt")
    assert missing.returncode == 1
    assert "No such file" in missing.stderr
    usage = run("frobnicate")
    assert usage.returncode == 2
    assert "invalid choice" in usage.stderr
    assert run().returncode == 2


def test_help_explains_each_command_with_an_example() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "summary" in result.stdout
    assert "example" in result.stdout
    assert "example" in run("summary", "--help").stdout


def test_a_parser_of_one_command_reads_that_command_as_the_whole_parser_does() -> None:
    # main builds only the command it runs; its help, defaults and errors must be the same.
    from yingshang import cli

    def commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
        (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        return dict(action.choices)

    whole = cli._parser()
    assert list(commands(whole)) == list(cli._COMMANDS)
    example = {"show": ["14"], "search": ["x"], "corpus": ["p", "--out", "d"], "compare": ["p"]}
    example["diff"] = ["a", "b"]
    for name in cli._COMMANDS:
        alone = cli._parser(name)
        assert list(commands(alone)) == [name]
        assert commands(alone)[name].format_help() == commands(whole)[name].format_help()
        arguments = [name, *example.get(name, []), "--strict"]
        assert alone.parse_known_args(arguments) == whole.parse_known_args(arguments)


def test_the_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("yingshang")
    result = subprocess.run(
        [str(script), "summary"], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0
    assert result.stdout == run("summary").stdout


def test_show_a_measure_and_an_area() -> None:
    measure = run("show", "14")
    assert measure.returncode == 0, measure.stderr
    assert measure.stdout.startswith("measure 14: 降低电力价格")
    assert "14.1" in measure.stdout
    assert "市经济信息委" in measure.stdout
    for key in ("area:1", "一", "开办企业"):
        area = run("show", key)
        assert area.returncode == 0, area.stderr
        assert area.stdout.startswith("area 1: 开办企业")
        assert "精简企业开办流程" in area.stdout
    missing = run("show", "99")
    assert missing.returncode == 1
    assert "no measure 99" in missing.stderr


def test_show_as_json_is_the_model_data() -> None:
    result = run("show", "14", "--format", "json")
    data = json.loads(result.stdout)
    assert data["number"] == 14
    assert [a["number"] for a in data["actions"]] == [1, 2]


def test_agencies_as_csv() -> None:
    result = run("agencies", "--format", "csv", "--role", "lead")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["agency", "official name", "lead", "cooperating"]
    assert rows[1] == ["市市场监管局", "重庆市市场监督管理局", "28", "14"]
    assert all(int(row[2]) > 0 for row in rows[1:])


def test_search_and_regex_search() -> None:
    plain = run("search", "DN100", "--format", "json")
    assert [item["item"] for item in json.loads(plain.stdout)] == ["17.1", "18.1"]
    pattern = run("search", "--regex", r"DN\d+以下", "--format", "csv")
    assert [row[0] for row in csv.reader(io.StringIO(pattern.stdout))] == ["item", "17.1", "18.1"]
    bad = run("search", "--regex", "(")
    assert bad.returncode == 1
    assert "invalid pattern" in bad.stderr


def test_export_json_round_trips_and_csv_has_a_row_per_item(tmp_path: Path) -> None:
    exported = run("export")
    assert exported.returncode == 0
    plan = yingshang.io.from_json(exported.stdout, yingshang.Plan)
    assert plan == yingshang.datasets.chongqing_2019()
    rows = list(csv.reader(io.StringIO(run("export", "--format", "csv").stdout)))
    assert tuple(rows[0]) == yingshang.io.ACTION_COLUMNS
    assert len(rows) - 1 == len(plan.actions)
    path = tmp_path / "plan.txt"
    path.write_text(chongqing_2019_text(), encoding="utf-8")
    from_file = yingshang.io.from_json(run("export", str(path)).stdout, yingshang.Plan)
    assert from_file.source is not None
    assert from_file.source.path == str(path)
    assert attrs.evolve(from_file, source=plan.source) == plan


def test_every_command_reads_a_file_as_it_reads_the_embedded_plan(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(chongqing_2019_text(), encoding="utf-8")
    for command in (
        ["show", "14"],
        ["show", "开办企业", "--format", "csv"],
        ["agencies", "--role", "cooperating"],
        ["search", "立等可取", "--format", "json"],
        ["targets"],
        ["targets", "--kind", "duration"],
        ["due", "--by", "2019-12-31"],
        ["due", "--as-of", "2020-01-01", "--done", "2.1"],
    ):
        embedded = run(*command)
        assert embedded.returncode == 0, (command, embedded.stderr)
        assert embedded.stdout.strip()
        assert run(*command, str(path)).stdout == embedded.stdout


def test_bad_input_for_every_command(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("今天天气很好。\n", encoding="utf-8")
    for command in (
        ["summary"],
        ["show", "1"],
        ["agencies"],
        ["targets"],
        ["due"],
        ["search", "x"],
        ["export"],
    ):
        result = run(*command, str(path))
        assert result.returncode == 1, command
        assert "line 1, column 1" in result.stderr
    assert run("due", "--by", "yesterday").returncode == 2
    assert run("agencies", "--format", "xml").returncode == 2


def test_diagnostics_point_at_the_line_and_column(tmp_path: Path) -> None:
    warnings = list(csv.reader(io.StringIO(run("diagnostics", "--format", "csv").stdout)))
    assert warnings[0] == ["where", "severity", "code", "message", "text"]
    assert [row[:3] for row in warnings[1:]] == [["444:2", "warning", "no-lead-agency"]]
    everything = json.loads(run("diagnostics", "--all", "--format", "json").stdout)
    assert [d["code"] for d in everything] == ["no-lead-agency", "export-artifact"]
    assert everything[1]["where"] == "477:2"
    assert everything[1]["text"] == "[bookmark: _GoBack]"
    path = tmp_path / "plan.txt"
    path.write_bytes(chongqing_2019_text().encode("gb18030"))
    assert run("diagnostics", "--all", str(path)).stdout == run("diagnostics", "--all").stdout


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"yingshang {yingshang.__version__}"


def test_a_dash_reads_the_plan_from_standard_input() -> None:
    data = chongqing_2019_text().encode("gb18030")  # bytes, decoded as a file's are
    piped = subprocess.run(
        [sys.executable, "-m", "yingshang", "summary", "-"],
        input=data,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert piped.returncode == 0, piped.stderr.decode()
    assert piped.stdout.decode("utf-8") == run("summary").stdout
    where = subprocess.run(
        [sys.executable, "-m", "yingshang", "diagnostics", "-", "--format", "csv"],
        input=data,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert where.stdout.decode("utf-8") == run("diagnostics", "--format", "csv").stdout


def test_export_as_a_table_says_what_an_export_holds() -> None:
    result = run("export", "--format", "table", "--records", "targets")
    assert result.returncode == 0
    first, _, *rows = result.stdout.splitlines()
    plan = yingshang.datasets.chongqing_2019()
    records = yingshang.io.target_records(plan)
    assert first.startswith(f"{len(records)} target records of {len(yingshang.io.TARGET_COLUMNS)}")
    assert [row.split()[0] for row in rows[2:]] == list(yingshang.io.TARGET_COLUMNS)


def test_every_command_takes_each_format() -> None:
    for command in ("summary", "agencies", "targets", "due", "diagnostics", "export"):
        for output_format in ("table", "json", "csv"):
            result = run(command, "--format", output_format)
            assert result.returncode == 0, (command, output_format, result.stderr)


def test_the_help_examples_line_up_by_display_width() -> None:
    from yingshang._display import display_width

    text = run("--help").stdout
    examples = text.split("examples:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(examples) >= 10
    assert any(display_width(line) != len(line) for line in examples)  # some hold Chinese
    columns = set()
    for line in examples:
        command, _what = line.rsplit("  ", 1)
        columns.add(display_width(command) + 2)
    assert len(columns) == 1


def test_a_regex_that_backtracks_without_end_stops_with_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "某市营商环境工作方案\n附件\n主要举措\n\t目标任务\n\t工作措施\n\t牵头单位\n\t配合单位\n\n"
        f"\t一、开办企业\n\t1．精简流程\n\t{'a' * 40}b。\n\t市财政局\n\t\n\n",
        encoding="utf-8",
    )
    result = run("search", "--regex", "(a|aa)+$", str(path))
    assert result.returncode == 1
    assert "ran longer than 2 s" in result.stderr


def test_a_table_whose_tabs_became_spaces_is_read_and_a_lost_one_is_an_error(
    tmp_path: Path,
) -> None:
    spaces = tmp_path / "spaces.txt"
    spaces.write_text(chongqing_2019_text().replace("\t", "\u3000"), encoding="utf-8")
    assert run("summary", str(spaces)).stdout == run("summary").stdout
    lost = tmp_path / "lost.txt"
    lost.write_text(chongqing_2019_text().replace("\t", ""), encoding="utf-8")
    rows = list(csv.reader(io.StringIO(run("diagnostics", "--format", "csv", str(lost)).stdout)))
    assert ["error", "unreadable-table"] in [row[1:3] for row in rows]


def test_show_names_an_areas_measure_where_areas_number_measures_from_one(
    tmp_path: Path,
) -> None:
    from .test_query import AREAS_NUMBERING_FROM_ONE

    path = tmp_path / "plan.txt"
    path.write_text(AREAS_NUMBERING_FROM_ONE, encoding="utf-8")
    ambiguous = run("show", "1", str(path))
    assert ambiguous.returncode != 0
    assert "areas 1、2" in ambiguous.stderr
    assert "e.g. 1.1" in ambiguous.stderr
    shown = run("show", "2.1", str(path))
    assert shown.returncode == 0, shown.stderr
    assert "2.1.1" in shown.stdout
    assert "推行信用监管" in shown.stdout
    assert "推行容缺受理" not in shown.stdout


def test_a_listing_of_a_plan_with_no_items_says_why_it_is_empty(tmp_path: Path) -> None:
    # A plan of sections alone (a 实施意见 whose paragraphs name no agencies) has no items: an
    # empty table must not pass for "no targets".
    path = tmp_path / "plan.txt"
    path.write_text(
        "某省关于优化营商环境的实施意见\n一、提升开办便利度\n"
        "（一）压缩开办时间。2021年底前将企业开办时间压缩至2个工作日以内。\n",
        encoding="utf-8",
    )
    for command in ("targets", "agencies", "due"):
        result = run(command, str(path))
        assert result.returncode == 0, result.stderr
        assert "no action items were read" in result.stderr
        assert "1 warning(s)" in result.stderr
    assert "no action items" not in run("targets").stderr  # the embedded plan has its items
