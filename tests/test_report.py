"""The HTML report: self-contained, escaped, drawn from the plan, and looked at in a browser."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings

from tests.strategies import any_plan, map_actions
from yingshang import query, report
from yingshang.datasets import chongqing_2019
from yingshang.model import Agency, Plan, Snippet, TargetKind

PLAN = chongqing_2019()
ROOT = Path(__file__).resolve().parents[1]

# Every element the report writes; anything else in a page is text that escaped its escaping.
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "header", "footer", "section", "h1", "h2",
    "dl", "dt", "dd", "ul", "ol", "li", "b", "p", "span", "div", "mark", "details", "summary",
    "table", "caption", "thead", "tbody", "tr", "th", "td", "svg", "line", "rect", "text",
}  # fmt: skip


class _Elements(HTMLParser):
    """Collect the tags, attributes and stylesheet text of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.attributes: list[tuple[str, str, str]] = []
        self.style = ""
        self._in_style = False
        self.data: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
        self.data.append(data)


def _elements(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    parser.close()
    return parser


def _assert_inert_and_self_contained(page: str) -> _Elements:
    found = _elements(page)
    assert set(found.tags) <= ALLOWED_TAGS, set(found.tags) - ALLOWED_TAGS
    for tag, name, value in found.attributes:
        assert not name.startswith("on"), (tag, name)
        assert name not in {"src", "href", "srcset", "action", "formaction"}, (tag, name)
        assert "url(" not in value, (tag, name)
    assert "url(" not in found.style
    assert "@import" not in found.style
    assert "@font-face" not in found.style
    return found


@pytest.fixture(scope="module")
def page() -> str:
    return report.report_html(PLAN)


def test_the_report_is_self_contained(page: str) -> None:
    found = _assert_inert_and_self_contained(page)
    assert found.tags["style"] == 1
    assert "script" not in found.tags
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page
    # Chinese renders with system fonts with CJK glyphs.
    assert "Noto Sans CJK SC" in found.style
    assert "Microsoft YaHei" in found.style


def test_the_report_shows_the_plans_metadata(page: str) -> None:
    assert "<title>重庆市营商环境优化提升工作方案</title>" in page
    for value in ("渝府办发〔2019〕81号", "重庆市人民政府办公厅", "2019-07-23"):
        assert f"<dd>{value}</dd>" in page
    assert f"<b>{len(PLAN.actions)}</b> 项任务" in page


def test_the_tree_lists_every_item_with_its_agencies(page: str) -> None:
    tree = report.tree_html(PLAN)
    found = _elements(tree)
    assert found.tags["details"] == len(PLAN.areas) + len(PLAN.measures)
    assert found.tags["li"] == len(PLAN.actions)
    keys = re.findall(r'<span class="key">([0-9.]+)</span>', tree)
    assert keys == [entry.key for entry in query.entries(PLAN)]
    text = "".join(found.data)
    for action in PLAN.actions:
        assert action.text in text  # every item whole, targets marked inside it
    assert tree.count("<mark") == sum(len(a.targets) for a in PLAN.actions)


def test_the_timeline_has_a_bar_per_month_with_deadlines(page: str) -> None:
    svg = report.timeline_svg(PLAN)
    dues = query.timeline(PLAN)
    months = Counter(f"{due.date.year}年{due.date.month}月" for due in dues)
    bars = re.findall(
        r'<rect class="bar"[^>]*height="([0-9.]+)"[^>]*><title>([^：]+)：(\d+)项', svg
    )
    assert {month: int(count) for _, month, count in bars} == months
    assert sum(months.values()) == len(dues) > 50
    heights = {month: float(height) for height, month, _ in bars}
    busiest = max(months, key=months.__getitem__)
    assert heights[busiest] == max(heights.values()) > 0
    assert svg in page


def test_the_matrix_counts_lead_and_cooperating_items_by_area(page: str) -> None:
    matrix = report.matrix_html(PLAN)
    counts = query.agency_counts(PLAN)
    rows = re.findall(r'<tr><th scope="row" title="([^"]+)"', matrix)
    assert sorted(rows) == sorted(c.canonical_name for c in counts)
    assert rows[0] == max(counts, key=lambda c: c.lead).canonical_name  # most items led first
    agency = "重庆市市场监督管理局"
    for area in PLAN.areas[:4]:
        lead = len(query.select(PLAN, agency=agency, area=area.title, role="lead"))
        cooperating = len(query.select(PLAN, agency=agency, area=area.title, role="cooperating"))
        tip = f"市市场监管局 · {area.title}：牵头{lead}项，配合{cooperating}项"
        assert tip in matrix
    assert matrix in page


def test_the_targets_table_lists_the_measurable_targets(page: str) -> None:
    table = report.targets_html(PLAN)
    measurable = [hit for hit in query.targets(PLAN) if hit.target.kind is not TargetKind.DEADLINE]
    assert _elements(table).tags["tr"] == len(measurable) + 1
    assert "由12个工作日缩减至7个工作日以内" in table
    assert "降至≤7个工作日，原12个工作日" in table


def test_the_diagnostics_give_line_and_column(page: str) -> None:
    table = report.diagnostics_html(PLAN)
    assert _elements(table).tags["tr"] == len(PLAN.diagnostics) + 1
    assert "no-lead-agency" in table
    assert re.search(r"<td>\d+:\d+</td><td>warning</td>", table)


HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>&amp;'


def _hostile_plan() -> Plan:
    plan = map_actions(
        PLAN,
        lambda action: attrs.evolve(
            action,
            text=HOSTILE + action.text,
            lead_agencies=(Agency(HOSTILE, action.span), *action.lead_agencies),
        ),
    )
    return attrs.evolve(plan, title=Snippet(HOSTILE, plan.title.span))


def test_every_text_of_the_plan_is_escaped() -> None:
    page = report.report_html(_hostile_plan())
    _assert_inert_and_self_contained(page)
    assert "<script" not in page
    assert "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&amp;amp;" in page


@settings(max_examples=30)
@given(any_plan)
def test_any_plan_makes_an_inert_page(plan: Plan) -> None:
    _assert_inert_and_self_contained(report.report_html(plan))


def test_jupyter_shows_the_reports_parts() -> None:
    shown = PLAN._repr_html_()
    assert '<svg class="timeline"' in shown
    assert '<table class="matrix"' in shown
    assert "渝府办发〔2019〕81号" in shown


def test_the_command_writes_the_report(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    command = [sys.executable, "-m", "yingshang", "report", "-o", str(path)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {path}"
    assert path.read_text(encoding="utf-8") == report.report_html(PLAN)


# --- in a real browser -----------------------------------------------------------------------

# Injected into a copy of the page: measures what the browser drew and writes it into the DOM,
# which --dump-dom then prints.
_MEASURE = """<script>
const box = (element) => {
  const r = element.getBoundingClientRect();
  return {width: r.width, height: r.height};
};
const all = (selector) => Array.from(document.querySelectorAll(selector)).map(box);
const found = {
  timeline: all("svg.timeline"),
  bars: all("svg.timeline rect.bar"),
  matrix: all("table.matrix"),
  matrixCells: all("table.matrix tbody td"),
  areas: all("details.area"),
  resources: performance.getEntriesByType("resource").map((entry) => entry.name),
};
const out = document.createElement("pre");
out.id = "measured";
out.textContent = JSON.stringify(found);
document.body.appendChild(out);
</script>"""

_BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def _browser() -> str | None:
    return next((path for name in _BROWSERS if (path := shutil.which(name))), None)


def _chromium(browser: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="yingshang-chromium-") as profile:
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            f"--user-data-dir={profile}",
            *arguments,
        ]
        return subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)


@pytest.mark.skipif(
    _browser() is None,
    reason="no headless browser: install Debian's chromium (apt-get install chromium)",
)
def test_a_browser_draws_the_timeline_and_the_matrix(page: str, tmp_path: Path) -> None:
    browser = _browser()
    assert browser is not None
    measured_page = tmp_path / "measured.html"
    measured_page.write_text(page.replace("</body>", _MEASURE + "</body>"), encoding="utf-8")
    result = _chromium(browser, "--dump-dom", measured_page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    match = re.search(r'<pre id="measured">(.*?)</pre>', result.stdout, re.S)
    assert match, result.stdout[-2000:]
    found: dict[str, Any] = json.loads(match.group(1).replace("&quot;", '"'))
    assert len(found["timeline"]) == 1
    assert found["timeline"][0]["width"] > 300
    assert found["timeline"][0]["height"] > 100
    assert len(found["bars"]) == len({(d.date.year, d.date.month) for d in query.timeline(PLAN)})
    assert all(bar["width"] > 0 and bar["height"] > 0 for bar in found["bars"])
    assert len(found["matrix"]) == 1
    assert found["matrix"][0]["width"] > 500
    assert all(cell["width"] > 0 for cell in found["matrixCells"])
    assert len(found["areas"]) == len(PLAN.areas)
    assert found["resources"] == []  # nothing fetched: the page is whole
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    assert console == []

    # The screenshot, a test artifact (git-ignored) to look at.
    artifacts = ROOT / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    report_path = artifacts / "report.html"
    report_path.write_text(page, encoding="utf-8")
    screenshot = artifacts / "report.png"
    screenshot.unlink(missing_ok=True)
    shot = _chromium(
        browser, f"--screenshot={screenshot}", "--window-size=1280,2000", report_path.as_uri()
    )
    assert shot.returncode == 0, shot.stderr[-2000:]
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert screenshot.stat().st_size > 20_000  # a page drawn, not a blank one


def test_the_command_reads_a_file_and_reports_bad_input(tmp_path: Path) -> None:
    from yingshang.datasets import chongqing_2019_text

    plan_path = tmp_path / "plan.txt"
    plan_path.write_text(chongqing_2019_text(), encoding="utf-8")
    command = [sys.executable, "-m", "yingshang", "report", str(plan_path)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert f"<dd>{plan_path} (text)</dd>" in result.stdout  # where the plan came from
    notes = tmp_path / "notes.txt"
    notes.write_text("今天天气很好。\n", encoding="utf-8")
    command[-1] = str(notes)
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1
    assert "line 1, column 1" in result.stderr
    assert result.stdout == ""
