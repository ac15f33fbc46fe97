"""The package's namespace: every public name there, each imported on first use.

What ``import yingshang`` imports is checked in a fresh interpreter, since the test session has
imported everything long before.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

import yingshang

# What `import yingshang` must leave for later: each costs milliseconds to import.
HEAVY = (
    "attr",
    "attrs",
    "cattrs",
    "regex",
    "dateutil",
    "importlib.resources",
    "yingshang.model",
    "yingshang.parse",
    "yingshang.extract",
    "yingshang.dates",
    "yingshang.numbers",
    "yingshang.io",
    "yingshang.query",
    "yingshang.registry",
    "yingshang.indicators",
    "yingshang.workdays",
    "yingshang.datasets",
    "yingshang.cli",
)


def imported_by(code: str) -> set[str]:
    """Return the modules in sys.modules after running `code` in a fresh interpreter."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_import_yingshang_imports_nothing_heavy() -> None:
    modules = imported_by("import yingshang")
    assert modules.isdisjoint(HEAVY), sorted(modules.intersection(HEAVY))
    assert {m for m in modules if m.startswith("yingshang")} == {"yingshang"}


def test_a_name_imports_only_the_layers_it_needs() -> None:
    modules = imported_by("from yingshang import Plan, YingshangError")
    assert {"yingshang.model", "yingshang.errors", "attrs"} <= modules
    assert modules.isdisjoint({"cattrs", "regex", "yingshang.parse", "yingshang.io"})


@pytest.mark.parametrize("name", yingshang.__all__)
def test_every_public_name_is_there_and_is_the_defining_modules(name: str) -> None:
    value = getattr(yingshang, name)
    assert name in dir(yingshang)
    module = getattr(value, "__module__", None)
    if isinstance(module, str) and module.startswith("yingshang."):
        defining = importlib.import_module(module)
        assert getattr(defining, getattr(value, "__name__", name), None) is value


def test_submodules_are_attributes_and_unknown_names_are_not() -> None:
    assert yingshang.extract.extract_targets is yingshang.extract_targets
    assert yingshang.io.to_json is yingshang.to_json
    with pytest.raises(AttributeError, match="no attribute 'no_such_name'"):
        yingshang.no_such_name  # noqa: B018
    with pytest.raises(AttributeError):
        yingshang.__wrapped__  # noqa: B018


def test_parse_stays_the_function_when_the_subpackage_is_imported_first() -> None:
    code = (
        "import yingshang.parse._lines, yingshang\n"
        "from yingshang.parse import decode\n"
        "print(callable(yingshang.parse), yingshang.parse.__module__)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["True", "yingshang.parse"]


@pytest.mark.parametrize(
    "first_import",
    ["import yingshang.model", "from yingshang import Span", "import yingshang.parse"],
)
def test_the_html_renderer_is_registered_however_the_model_is_first_imported(
    first_import: str,
) -> None:
    code = (
        f"{first_import}\nimport yingshang.model as model\nprint(model._html_renderer is not None)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"  # the outer ring's rendering, not the <pre> fallback


@pytest.mark.parametrize(
    "module",
    ["model", "query", "registry", "indicators", "extract._text", "parse._body"],
)
def test_every_attrs_class_is_slotted(module: str) -> None:
    # Slots: smaller objects and faster attribute access, for the thousands a parse builds.
    import attrs

    namespace = importlib.import_module(f"yingshang.{module}")
    classes = [
        value
        for value in vars(namespace).values()
        if isinstance(value, type) and attrs.has(value) and value.__module__ == namespace.__name__
    ]
    assert classes
    for cls in classes:
        assert "__slots__" in vars(cls), cls
