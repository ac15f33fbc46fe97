"""The command line, run as a user runs it: in a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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


def test_the_console_script_is_installed() -> None:
    script = Path(sys.executable).with_name("yingshang")
    result = subprocess.run(
        [str(script), "summary"], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0
    assert result.stdout == run("summary").stdout
