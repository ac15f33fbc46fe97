"""The openings of real plans in ../shared/corpus read as the careful reading says."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import regex

import yingshang
from yingshang.cli import main

OPENINGS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "openings"
pytestmark = pytest.mark.skipif(
    not (OPENINGS / "expected.json").is_file(), reason="../shared/corpus is not beside the checkout"
)


def _readings() -> list[dict[str, Any]]:
    if not (OPENINGS / "expected.json").is_file():
        return []
    files: list[dict[str, Any]] = json.loads(
        (OPENINGS / "expected.json").read_text(encoding="utf-8")
    )["files"]
    return files


READINGS = _readings()
_MARKER = regex.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[.．、])")
IDS = [reading["file"][:12] for reading in READINGS]


def _task_text(plan: yingshang.Plan, action: yingshang.Action) -> list[str]:
    """The texts a reader calls the item's task: its own, or its measure's heading and it."""
    assert plan.source is not None
    texts = [action.text]
    for measure in plan.measures:
        if measure.actions and measure.actions[0] is action and action.marker is None:
            heading = yingshang.clean_text(measure.span.slice(plan.source.text))
            texts.append(_MARKER.sub("", heading) + action.text)
    return texts


@pytest.mark.parametrize("reading", READINGS, ids=IDS)
def test_the_opening_reads_as_the_careful_reading(reading: dict[str, Any]) -> None:
    plan = yingshang.parse_file(OPENINGS / reading["file"])
    assert plan.title.text in [reading["title"], *reading.get("title_also_accepted", [])]
    assert plan.document_number == reading["document_number"]
    assert plan.issuer == reading["issuer"]
    date = plan.issue_date.isoformat() if plan.issue_date else None
    assert date == reading["issue_date"]
    titles = [s.title for s in plan.sections] + [a.title for a in plan.areas]
    for heading in reading["headings"]:
        assert heading in titles
    for expected in reading["assignments"]:
        (action,) = [
            action
            for action in plan.actions
            if any(t.startswith(expected["text_prefix"]) for t in _task_text(plan, action))
        ]
        assert [a.name for a in action.lead_agencies] == expected["lead"]
        assert [a.name for a in action.cooperating_agencies] == expected["cooperating"]
        assert not action.agencies_inferred
        if expected["deadline_raw"] is not None:
            assert expected["deadline_raw"] in [t.text for t in action.targets]


@pytest.mark.parametrize("reading", READINGS, ids=IDS)
def test_the_opening_is_cut_short_and_says_so(reading: dict[str, Any]) -> None:
    plan = yingshang.parse_file(OPENINGS / reading["file"])
    assert "truncated" in [d.code for d in plan.diagnostics]
    with pytest.raises(yingshang.ParseError, match="cut short"):
        yingshang.parse_file(OPENINGS / reading["file"], strict=True)


@pytest.mark.parametrize(
    "reading", [r for r in READINGS if r["assignments"]], ids=lambda r: r["file"][:12]
)
def test_the_command_line_lists_the_agencies(
    reading: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["agencies", str(OPENINGS / reading["file"])]) == 0
    listed = capsys.readouterr().out
    for expected in reading["assignments"]:
        for name in expected["lead"] + expected["cooperating"]:
            assert name in listed
    assert main(["show", "1", str(OPENINGS / reading["file"])]) == 0
    shown = capsys.readouterr().out
    assert reading["assignments"][0]["lead"][0] in shown


def test_pinyin_annotations_are_removed_and_reported() -> None:
    (reading,) = [r for r in READINGS if "trad" in r["file"] and "jin" in r["file"]]
    plan = yingshang.parse_file(OPENINGS / reading["file"])
    assert "(" not in plan.title.text
    assert "pinyin-annotation" in [d.code for d in plan.diagnostics]
