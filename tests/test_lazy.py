"""Patterns compiled on first use (yingshang._lazy): the same answers, no cost at import."""

from __future__ import annotations

import copy
import importlib
import pathlib
import pickle
import re

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import yingshang
from yingshang._lazy import LazyPattern, LazyStdlibPattern

PACKAGE = pathlib.Path(yingshang.__file__).parent

NUMBER_OR_DEADLINE = r"(?P<number>\d+(?:\.\d+)?)(?P<unit>个工作日|%)?|(?P<year>\d{4})年底前"


def test_nothing_is_compiled_until_first_use() -> None:
    invalid = LazyPattern(r"(unclosed")  # would raise at once if compiled
    assert invalid.pattern == "(unclosed"
    with pytest.raises(regex.error):
        invalid.search("text")


def test_introspection_and_copies_do_not_compile() -> None:
    lazy = LazyPattern(r"(unclosed")
    # doctest and inspect probe module attributes; copy and pickle look for hooks.
    assert not hasattr(lazy, "__wrapped__")
    assert copy.copy(lazy).pattern == "(unclosed"
    assert pickle.loads(pickle.dumps(lazy)).pattern == "(unclosed"
    assert repr(lazy) == "LazyPattern('(unclosed')"
    with pytest.raises(AttributeError, match="no attribute 'scanner'"):
        lazy.scanner  # noqa: B018


def test_after_first_use_the_methods_are_the_compiled_patterns() -> None:
    lazy = LazyPattern(NUMBER_OR_DEADLINE, regex.VERBOSE)
    lazy.finditer("")
    compiled = lazy.compile()
    assert compiled is lazy.compile()  # compiled once
    assert compiled.flags & regex.VERBOSE
    # Bound to the compiled pattern itself: a call costs no wrapper.
    assert lazy.search.__self__ is compiled
    assert lazy.sub.__self__ is compiled
    assert lazy.groupindex == compiled.groupindex


@given(st.text(alphabet="0123456789.年底前个工作日%和 ", max_size=40))
def test_a_lazy_pattern_answers_as_the_compiled_one(text: str) -> None:
    lazy = LazyPattern(NUMBER_OR_DEADLINE)
    compiled = regex.compile(NUMBER_OR_DEADLINE)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.findall(text) == compiled.findall(text)
    assert lazy.sub("#", text) == compiled.sub("#", text)
    assert lazy.split(text) == compiled.split(text)
    for method in ("search", "match", "fullmatch"):
        found, expected = getattr(lazy, method)(text), getattr(compiled, method)(text)
        assert (found and found.groupdict()) == (expected and expected.groupdict())


@given(st.text(alphabet="0123456789.年底前个工作日%和 ", max_size=40))
def test_a_lazy_stdlib_pattern_answers_as_the_compiled_one(text: str) -> None:
    lazy = LazyStdlibPattern(NUMBER_OR_DEADLINE)
    compiled = re.compile(NUMBER_OR_DEADLINE)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.sub("#", text) == compiled.sub("#", text)
    assert lazy.split(text) == compiled.split(text)


def test_a_lazy_stdlib_pattern_is_compiled_by_the_standard_engine() -> None:
    lazy = LazyStdlibPattern(r"(unclosed")
    assert repr(lazy) == "LazyStdlibPattern('(unclosed')"
    with pytest.raises(re.error):  # not regex.error: the standard engine compiles it
        lazy.search("text")
    lazy = LazyStdlibPattern(r"当场|即时", re.VERBOSE)
    assert isinstance(lazy.compile(), re.Pattern)
    assert lazy.finditer.__self__ is lazy.compile()
    with pytest.raises(AttributeError, match="no attribute 'splititer'"):
        lazy.splititer  # noqa: B018  # the standard engine has none


def _module_names() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "__main__.py":  # runs the command line when imported
            continue
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


@pytest.mark.parametrize("name", _module_names())
def test_every_lazy_pattern_of_the_package_compiles(name: str) -> None:
    # A lazy pattern's syntax error would otherwise surface only when a text reaches it.
    module = importlib.import_module(name)
    for value in vars(module).values():
        patterns = value if isinstance(value, tuple) else (value,)
        for pattern in patterns:
            if isinstance(pattern, (LazyPattern, LazyStdlibPattern)):
                pattern.compile()
