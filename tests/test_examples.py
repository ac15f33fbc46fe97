"""Run every example script and the tour notebook, and check what they print against the plan.

The scripts run in subprocesses, as a user runs them; each assertion is a fact of the embedded
Chongqing 2019 plan (渝府办发〔2019〕81号) that a wrong parse or a broken script would change.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run_example(name: str, *arguments: str) -> str:
    """Run examples/`name` with the test's interpreter and return its stdout."""
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / name), *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_every_script_is_tested() -> None:
    # A new example without a test here would rot unnoticed.
    scripts = {path.name for path in EXAMPLES.glob("*.py")}
    assert scripts == {
        "agency_leads.py",
        "timeline.py",
        "working_day_targets.py",
        "targets_csv.py",
    }


def test_agency_leads_gives_the_market_regulator_its_items() -> None:
    lines = run_example("agency_leads.py").splitlines()
    rows = {line.split("\t")[0]: line.split("\t") for line in lines}
    _, official, lead, cooperating, keys = rows["市市场监管局"]
    assert official == "重庆市市场监督管理局"
    assert (lead, cooperating) == ("lead 28", "cooperating 14")
    assert keys.split()[:5] == ["1.1", "1.2", "2.1", "3.1", "3.2"]
    assert len(keys.split()) == 28
    # Most items led first: the market regulator leads more items than any other agency.
    assert lines[0].startswith("市市场监管局\t")
    # Measure 14 (降低电力价格): item (1) is led by 市发展改革委, item (2) by 市经济信息委.
    assert "14.1" in rows["市发展改革委"][4].split()
    assert "14.2" in rows["市经济信息委"][4].split()


def test_agency_leads_finds_a_unit_by_its_official_name() -> None:
    output = run_example("agency_leads.py", "重庆市市场监督管理局")
    assert output.splitlines() == [
        line
        for line in run_example("agency_leads.py").splitlines()
        if line.startswith("市市场监管局\t")
    ]


def test_agency_leads_rejects_a_unit_the_plan_does_not_name() -> None:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / "agency_leads.py"), "某某局"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    assert "某某局" in result.stderr


def test_timeline_lists_dates_in_order_with_their_items() -> None:
    lines = run_example("timeline.py").splitlines()
    headings = [line.split()[0] for line in lines if not line.startswith(" ")][:-1]
    assert headings == sorted(headings)
    assert len(headings) == len(set(headings))
    # 1．精简企业开办流程 (1): 2019年9月底前实现全市企业名称自主申报.
    assert headings[0] == "2019-09-30"
    assert lines[1].split() == ["1.1", "开办企业", "市市场监管局"]
    # 2019年底前 is the plan's most common deadline.
    assert "2019-12-31  (47 items)" in lines
    with_deadline, without = (int(word) for word in lines[-1].split() if word.isdigit())
    assert with_deadline + without == 206


def test_working_day_targets_have_baselines_and_deadlines() -> None:
    lines = run_example("working_day_targets.py").splitlines()
    assert lines[0].split("\t") == ["item", "baseline", "target", "comparator", "due", "lead"]
    rows = [line.split("\t") for line in lines[1:-1]]
    assert lines[-1] == f"{len(rows)} working-day targets"
    assert all(row[2].endswith("个工作日") for row in rows)
    # 17．(1) 2020年底前…由12个工作日缩减至7个工作日以内.
    assert ["17.1", "12个工作日", "7个工作日", "at_most", "2020-12-31"] in [row[:5] for row in rows]
    # 2．2019年底前实现…3个工作日以内办结.
    assert rows[0][:5] == ["2.1", "-", "3个工作日", "at_most", "2019-12-31"]
    assert len(rows) == 28


def test_targets_csv_has_a_row_per_target(tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run_example("targets_csv.py"))))
    # The items' 176 targets less the 6 scopes (水表口径DN100以下…, 对10千伏供电非居民客户):
    # exports hold commitments.
    assert len(rows) == 170
    by_text = {(row["item"], row["text"]): row for row in rows}
    change = by_text[("17.1", "由12个工作日缩减至7个工作日以内")]
    assert (change["value"], change["unit"], change["baseline_value"]) == ("7", "个工作日", "12")
    assert (change["direction"], change["deadline"]) == ("decrease", "2020-12-31")
    # Decimals stay exact: 99.96% is not written as a float.
    assert any(row["value"] == "99.96" for row in rows)
    # The same CSV, to a file, with a byte-order mark for Excel.
    path = tmp_path / "targets.csv"
    run_example("targets_csv.py", str(path))
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig") == run_example("targets_csv.py")


def test_tour_notebook_runs_and_its_saved_outputs_are_current() -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    saved = nbformat.read(EXAMPLES / "tour.ipynb", as_version=4)
    notebook = nbformat.read(EXAMPLES / "tour.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(EXAMPLES.parent)}},
    )
    client.execute()  # raises CellExecutionError when a cell fails

    def text_outputs(nb: object) -> list[str]:
        return [
            output.get("text") or output.get("data", {}).get("text/plain", "")
            for cell in nb.cells  # type: ignore[attr-defined]
            if cell.cell_type == "code"
            for output in cell.outputs
        ]

    fresh = text_outputs(notebook)
    assert any("渝府办发〔2019〕81号: 20 areas, 91 measures, 206 actions" in out for out in fresh)
    assert any("由12个工作日缩减至7个工作日以内" in out for out in fresh)
    # The saved outputs are what the notebook prints today: the tour shows real output.
    assert text_outputs(saved) == fresh, (
        "examples/tour.ipynb shows stale outputs; refresh them with "
        "`jupyter execute --inplace examples/tour.ipynb`"
    )
