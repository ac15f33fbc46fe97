"""The DuckDB queries of docs/corpus.md run, on a corpus built as the page builds it, and answer
what the page says they answer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.test_corpus import make_folder
from yingshang import corpus, datasets, query

duckdb = pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")

PAGE = Path(__file__).resolve().parents[1] / "docs" / "corpus.md"


def _queries() -> list[str]:
    text = PAGE.read_text(encoding="utf-8")
    return [part.split("```", 1)[0] for part in text.split("```sql\n")[1:]]


@pytest.fixture(scope="module")
def answers(tmp_path_factory: pytest.TempPathFactory) -> list[list[dict[str, Any]]]:
    root = tmp_path_factory.mktemp("docs")
    corpus.build([make_folder(root / "plans")], root / "dataset", jobs=1, progress=False)
    found = []
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)  # the page's queries name 'dataset/…'
        for sql in _queries():
            relation = duckdb.sql(sql)
            names = relation.columns
            found.append([dict(zip(names, row, strict=True)) for row in relation.fetchall()])
    return found


def test_the_page_has_the_queries_it_promises() -> None:
    assert len(_queries()) == 5


def test_each_plans_working_day_targets_for_starting_a_business(
    answers: list[list[dict[str, Any]]],
) -> None:
    rows = answers[0]
    by_plan: dict[str, list[str]] = {}
    for row in rows:
        by_plan.setdefault(row["title"], []).append(row["text"])
    expected = [
        hit.target.text
        for hit in query.targets(datasets.chongqing_2019(), indicator="开办企业", kind="duration")
        if hit.target.quantity is not None and hit.target.quantity.unit == "个工作日"
    ]
    assert by_plan["重庆市营商环境优化提升工作方案"] == expected == ["3个工作日以内"]
    assert by_plan["甲市优化营商环境行动方案"] == ["压缩至3个工作日以内"]
    # 乙市's plan is in the folder twice, as UTF-8 and as GB18030: other bytes, another plan_id.
    assert by_plan["乙市优化营商环境实施方案"] == ["压缩至1个工作日"] * 2
    assert {row["comparator"] for row in rows} <= {"at_most", "exactly"}


def test_the_agencies_that_lead_most_items(answers: list[list[dict[str, Any]]]) -> None:
    rows = answers[1]
    assert len(rows) == 10
    assert [row["items"] for row in rows] == sorted((row["items"] for row in rows), reverse=True)
    counts = query.agency_counts(datasets.chongqing_2019())
    top = max(counts, key=lambda count: count.lead)
    assert rows[0]["agency_official"] == top.canonical_name
    assert rows[0]["items"] == top.lead
    # The example plans are 甲市's and 乙市's: their 市市场监管局 is neither Chongqing's bureau
    # nor each other's, so no row adds up two plans (Chongqing's is in the folder once).
    assert all(row["plans"] == 1 for row in rows)


def test_items_due_by_2019(answers: list[list[dict[str, Any]]]) -> None:
    rows = answers[2]
    assert len(rows) == 6
    plan = datasets.chongqing_2019()
    due = [e for e in query.entries(plan) if e.due is not None and e.due.year <= 2019]
    assert len(due) in {row["due_by_2019"] for row in rows}
    assert all(row["due_by_2019"] + row["undated"] <= row["items"] for row in rows)


def test_the_failed_files(answers: list[list[dict[str, Any]]]) -> None:
    (row,) = answers[3]
    assert row["path"].endswith("broken.txt")
    assert row["error_type"] == "ParseError"


def test_the_diagnostics_by_code(answers: list[list[dict[str, Any]]]) -> None:
    rows = answers[4]
    codes = {row["code"] for row in rows}
    expected = {d.code for d in datasets.chongqing_2019().diagnostics}
    assert expected <= codes


def test_connect_gives_a_view_per_table(tmp_path: Path) -> None:
    out = tmp_path / "dataset"
    corpus.build([make_folder(tmp_path / "plans")], out, jobs=1, progress=False)
    connection = corpus.connect(out)
    ((count,),) = connection.sql("SELECT count(*) FROM actions").fetchall()
    assert count == len(corpus.read_table(out, "actions"))
    assert connection.sql("SELECT count(*) FROM plans").fetchall() == [(6,)]
