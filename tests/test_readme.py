"""The README's examples are real: its Python runs as doctests, and the console output that it
and the documentation pages show is what the command line prints."""

from __future__ import annotations

import doctest
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
PAGES = [README, *sorted((ROOT / "docs").glob("*.md"))]


def _blocks(language: str, page: Path = README) -> list[str]:
    text = page.read_text(encoding="utf-8")
    fence = f"```{language}\n"
    blocks = []
    for part in text.split(fence)[1:]:
        blocks.append(part.split("```", 1)[0])
    return blocks


def test_the_python_examples_run_as_shown() -> None:
    (block,) = _blocks("python")
    parser = doctest.DocTestParser()
    test = parser.get_doctest(block, {}, "README", str(README), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.failures == 0
    assert runner.tries > 5


def _console_examples() -> list[tuple[str, list[str]]]:
    examples: list[tuple[str, list[str]]] = []
    blocks = [block for page in PAGES for block in _blocks("console", page)]
    for block in blocks:
        command: str | None = None
        lines: list[str] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command is not None:
                    examples.append((command, lines))
                command, lines = line[2:], []
            elif line:
                lines.append(line)
        if command is not None:
            examples.append((command, lines))
    # Only the command line's own examples: the pages also show installs and benchmarks.
    return [(command, lines) for command, lines in examples if command.startswith("yingshang ")]


@pytest.mark.parametrize(("command", "shown"), _console_examples())
def test_the_console_examples_print_what_the_readme_shows(command: str, shown: list[str]) -> None:
    words = shlex.split(command.split("|")[0])
    assert words[0] == "yingshang"
    result = subprocess.run(
        [sys.executable, "-m", "yingshang", *words[1:]],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=True,
    )
    printed = [line for line in result.stdout.splitlines() if line]
    # "..." stands for lines left out: the lines shown are printed, in that order.
    remaining = iter(printed)
    for line in shown:
        if line != "...":
            assert any(line == candidate for candidate in remaining), line
