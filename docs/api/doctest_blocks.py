"""A mkdocs hook: show the docstrings' doctest examples (>>> lines) as Python code blocks.

The docstrings keep their examples as plain doctest lines, so that doctest runs them; Markdown
would read ">>>" as nested block quotes and a printed list ['…'] as a link. This hook adds a
Markdown preprocessor that fences each run of doctest lines, outputs included, as ```pycon.
It is listed in mkdocs.yml (hooks) and excluded from the site (exclude_docs).
"""

from __future__ import annotations

from typing import Any

import markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from mkdocs.plugins import event_priority


class _DoctestFences(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        in_fence = False
        in_example = False
        for line in lines:
            stripped = line.lstrip()
            if stripped.startswith(("```", "~~~")) and not in_example:
                in_fence = not in_fence  # leave examples already fenced as they are
            elif not in_fence and not in_example and stripped.startswith(">>> "):
                indent = line[: len(line) - len(stripped)]
                out.append(f"{indent}```pycon")
                in_example = True
            elif in_example and not stripped:
                # A blank line ends a doctest example, as it does for doctest itself.
                out.append(f"{indent}```")
                in_example = False
            out.append(line)
        if in_example:
            out.append(f"{indent}```")
        return out


class _DoctestExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        # After whitespace is normalised (30), before fenced code blocks are read (25).
        md.preprocessors.register(_DoctestFences(md), "yingshang_doctest_fences", 27)


@event_priority(100)  # before mkdocstrings reads the list of extensions in its on_config
def on_config(config: Any) -> Any:
    """Add the doctest-fencing extension to every Markdown instance mkdocs and mkdocstrings use."""
    config.markdown_extensions.append(_DoctestExtension())
    return config
