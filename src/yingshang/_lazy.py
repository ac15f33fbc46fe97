"""Regular expressions compiled on first use, so that importing a module that defines them is cheap.

The `regex` module compiles in Python, at a millisecond or more per pattern; a module that
compiles its patterns at import makes every ``import yingshang`` pay for all of them. A
`LazyPattern` is a module-level name that reads as a compiled pattern and compiles on the first
call of one of its methods. Converting a module is one line per pattern::

    _QUANTITY = regex.compile(r"...", regex.VERBOSE)     # before
    _QUANTITY = LazyPattern(r"...", regex.VERBOSE)       # after

and the call sites (``_QUANTITY.finditer(text)``) stay as they are. `LazyStdlibPattern` does
the same for a pattern kept on the standard `re` engine (which scans plain literals faster).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar

if TYPE_CHECKING:  # imported on first compile: `yingshang.errors` holds a pattern, needs no regex
    import regex

__all__ = ["LazyPattern", "LazyStdlibPattern"]

# The pattern's methods a LazyPattern answers, all bound to the compiled pattern on first use.
_METHODS: Final = frozenset(
    {"search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "splititer"}
)


# The compiled pattern's type: the `regex` module's or the standard library's.
_Compiled = TypeVar("_Compiled", "regex.Pattern[str]", "re.Pattern[str]")


class _Lazy(Generic[_Compiled]):
    """What both lazy holders share; a subclass says which engine compiles the pattern."""

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

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern: Final = pattern
        self.flags: Final = flags
        self._compiled: _Compiled | None = None

    def _compile_now(self) -> _Compiled:
        raise NotImplementedError

    def compile(self) -> _Compiled:
        """Return the compiled pattern, compiling it on the first call."""
        if self._compiled is None:
            compiled = self._compile_now()
            for name in _METHODS:
                method = getattr(compiled, name, None)  # `re` has no splititer
                if method is not None:
                    setattr(self, name, method)
            self._compiled = compiled
        return self._compiled

    @property
    def groupindex(self) -> Mapping[str, int]:
        """Return the named groups' numbers, as the compiled pattern's `groupindex` does."""
        return self.compile().groupindex  # type: ignore[no-any-return]

    def __getattr__(self, name: str) -> Any:
        # Only reached for names not yet on the instance: the methods before the first use.
        # Anything else (copy's and doctest's probes among them) must not compile the pattern.
        if name in _METHODS:
            self.compile()
            if name in self.__dict__:
                return self.__dict__[name]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __repr__(self) -> str:
        flags = f", {self.flags}" if self.flags else ""
        return f"{type(self).__name__}({self.pattern!r}{flags})"


class LazyPattern(_Lazy["regex.Pattern[str]"]):
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

    splititer: Callable[..., Iterator[Any]]

    def _compile_now(self) -> regex.Pattern[str]:
        import regex  # see the import at the top

        return regex.compile(self.pattern, self.flags)


class LazyStdlibPattern(_Lazy["re.Pattern[str]"]):
    r"""A regular expression of the standard `re` module, compiled on first use.

    For the few patterns the standard engine runs faster (a scan for plain literals); it answers
    the same methods as `LazyPattern` except `splititer`, which `re` does not have.

    >>> SPOT = LazyStdlibPattern(r"当场|即时")
    >>> SPOT.search("当场办结").group()
    '当场'
    >>> SPOT.compile().flags & re.UNICODE != 0
    True
    """

    def _compile_now(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self.flags)
