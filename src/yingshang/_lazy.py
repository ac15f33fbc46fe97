"""Regular expressions compiled on first use, so that importing a module that defines them is cheap.

The `regex` module compiles in Python, at a millisecond or more per pattern; a module that
compiles its patterns at import makes every ``import yingshang`` pay for all of them. A
`LazyPattern` is a module-level name that reads as a compiled pattern and compiles on the first
call of one of its methods. Converting a module is one line per pattern::

    _QUANTITY = regex.compile(r"...", regex.VERBOSE)     # before
    _QUANTITY = LazyPattern(r"...", regex.VERBOSE)       # after

and the call sites (``_QUANTITY.finditer(text)``) stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, Final

import regex

__all__ = ["LazyPattern"]

# The pattern's methods a LazyPattern answers, all bound to the compiled pattern on first use.
_METHODS: Final = frozenset(
    {"search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "splititer"}
)


class LazyPattern:
    r"""A regular expression (`regex` module) compiled the first time one of its methods is used.

    It answers `search`, `match`, `fullmatch`, `finditer`, `findall`, `sub`, `subn`, `split`,
    `splititer` and `groupindex` as the compiled pattern does (they *are* the compiled
    pattern's, bound on first use, so a call costs what it costs on the pattern itself), and
    keeps its source in `pattern` and `flags` without compiling, so that other patterns can be
    built from it. An invalid pattern raises `regex.error` at first use, not at import;
    ``tests/test_lazy.py`` compiles every module-level `LazyPattern` of the package.

    >>> DIGITS = LazyPattern(r"\d+")
    >>> DIGITS.pattern
    '\\d+'
    >>> DIGITS.findall("由12个工作日缩减至7个")
    ['12', '7']
    """

    # Declared without values: reading one before first use falls through to __getattr__,
    # which compiles the pattern and stores the bound methods on the instance.
    search: Callable[..., Any]
    match: Callable[..., Any]
    fullmatch: Callable[..., Any]
    finditer: Callable[..., Iterator[Any]]
    findall: Callable[..., list[Any]]
    sub: Callable[..., str]
    subn: Callable[..., tuple[str, int]]
    split: Callable[..., list[Any]]
    splititer: Callable[..., Iterator[Any]]

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern: Final = pattern
        self.flags: Final = flags
        self._compiled: regex.Pattern[str] | None = None

    def compile(self) -> regex.Pattern[str]:
        """Return the compiled pattern (a `regex.Pattern`), compiling it on the first call."""
        if self._compiled is None:
            compiled = regex.compile(self.pattern, self.flags)
            for name in _METHODS:
                setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
        return self._compiled

    @property
    def groupindex(self) -> Mapping[str, int]:
        """Return the named groups' numbers, as `regex.Pattern.groupindex` does."""
        return self.compile().groupindex  # type: ignore[no-any-return]

    def __getattr__(self, name: str) -> Any:
        # Only reached for names not yet on the instance: the methods before the first use.
        # Anything else (copy's and doctest's probes among them) must not compile the pattern.
        if name in _METHODS:
            self.compile()
            return self.__dict__[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __repr__(self) -> str:
        flags = f", {self.flags}" if self.flags else ""
        return f"LazyPattern({self.pattern!r}{flags})"
