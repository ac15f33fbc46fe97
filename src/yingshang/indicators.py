"""The benchmark behind each area of a plan: World Bank Doing Business, B-READY, China's own.

Chinese business-environment plans are organised by the indicators they mean to improve
(一、开办企业 … 二十、包容普惠创新). Ten of those areas are World Bank Doing Business
indicators; others come from China's own evaluation system (中国营商环境评价); B-READY, the
World Bank's successor to Doing Business, has a topic for many of them. Measures also name the
sub-indices they target (8．优化建筑质量控制指数). This module maps both:

>>> indicator_for_area("一、开办企业").doing_business
'Starting a Business'
>>> indicator_for_area("三、获得用电").key       # another city's wording
'getting_electricity'
>>> [ref.index.english for ref in indices_in("8．优化建筑质量控制指数")]
['Building Quality Control Index']

Areas are matched by keyword (the longest alias the title contains), never by ordinal, so plans
that word or order their areas differently still map. The map is package data
(``yingshang/data/indicators.json``); its sources are listed there and in ``docs/indicators.md``.
"""

from __future__ import annotations

import enum
import functools
import importlib.resources
import json
import os
import re
from collections.abc import Iterable
from typing import Any

import attrs

from ._datafile import normalize_name, read_json, read_json_file
from .errors import YingshangError
from .model import Span

__all__ = [
    "INDICATOR_MAP_FORMAT",
    "BReadyTopic",
    "Framework",
    "IndexRef",
    "Indicator",
    "IndicatorMap",
    "IndicatorMapError",
    "SubIndex",
    "default_indicator_map",
    "indicator_for_area",
    "indices_in",
]

INDICATOR_MAP_FORMAT = "yingshang-indicator-map"
"""The value of the ``format`` field every indicator map file carries."""

_SUPPORTED_VERSIONS = frozenset({1})


class IndicatorMapError(YingshangError, ValueError):
    """An indicator map file that is not what `IndicatorMap.from_json` expects."""


class BReadyTopic(enum.Enum):
    """The ten topics of the World Bank's Business Ready (B-READY) assessment."""

    BUSINESS_ENTRY = "Business Entry"
    BUSINESS_LOCATION = "Business Location"
    UTILITY_SERVICES = "Utility Services"
    LABOR = "Labor"
    FINANCIAL_SERVICES = "Financial Services"
    INTERNATIONAL_TRADE = "International Trade"
    TAXATION = "Taxation"
    DISPUTE_RESOLUTION = "Dispute Resolution"
    MARKET_COMPETITION = "Market Competition"
    BUSINESS_INSOLVENCY = "Business Insolvency"


class Framework(enum.Enum):
    """The evaluation system a sub-index belongs to."""

    DOING_BUSINESS = "doing_business"
    """The World Bank's Doing Business (discontinued after the 2020 report)."""
    CHINA_EVALUATION = "china_evaluation"
    """China's own business-environment evaluation (中国营商环境评价, NDRC)."""


def _to_strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen
class Indicator:
    """What an area of a plan is benchmarked against, e.g. 开办企业 → Starting a Business.

    `key` is a stable identifier (``"starting_a_business"``); `title` the usual Chinese title;
    `aliases` the wordings plans use for it, the title first. `doing_business` is the Doing
    Business indicator's English name, `b_ready` the B-READY topic and `china_evaluation` the
    indicator of 中国营商环境评价, each None where the framework has no counterpart (`note`
    then says so).
    """

    key: str
    title: str
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_to_strings)
    doing_business: str | None = None
    b_ready: BReadyTopic | None = None
    china_evaluation: str | None = None
    note: str = ""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "aliases", tuple(dict.fromkeys((self.title, *self.aliases))))

    def __str__(self) -> str:
        return self.title


@attrs.frozen
class SubIndex:
    """A scored sub-index that measure titles name, e.g. 建筑质量控制指数.

    `english` is the official English name for a Doing Business index, None for one of China's
    own evaluation; `indicator` is the indicator it belongs to.
    """

    name: str
    english: str | None
    framework: Framework
    indicator: Indicator
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_to_strings)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "aliases", tuple(dict.fromkeys((self.name, *self.aliases))))

    def __str__(self) -> str:
        return self.name


@attrs.frozen
class IndexRef:
    """A mention of a sub-index in a text: the index, the words as written, and where."""

    index: SubIndex
    text: str
    span: Span

    @property
    def indicator(self) -> Indicator:
        """Return the indicator the mentioned sub-index belongs to."""
        return self.index.indicator


def _to_indicators(value: Iterable[Indicator]) -> tuple[Indicator, ...]:
    return tuple(value)


def _to_indices(value: Iterable[SubIndex]) -> tuple[SubIndex, ...]:
    return tuple(value)


@attrs.frozen
class IndicatorMap:
    """The indicators areas are matched to, and the sub-indices measures name.

    Build one with `from_json` or `load` (or from its parts); an alias claimed by two
    indicators or two sub-indices raises `IndicatorMapError`.
    """

    indicators: tuple[Indicator, ...] = attrs.field(converter=_to_indicators)
    indices: tuple[SubIndex, ...] = attrs.field(default=(), converter=_to_indices)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_to_strings)
    _area_aliases: tuple[tuple[str, Indicator], ...] = attrs.field(
        init=False, repr=False, eq=False, hash=False, default=()
    )
    _index_pattern: re.Pattern[str] | None = attrs.field(
        init=False, repr=False, eq=False, hash=False, default=None
    )
    _index_by_alias: dict[str, SubIndex] = attrs.field(
        init=False, repr=False, eq=False, hash=False, factory=dict
    )

    def __attrs_post_init__(self) -> None:
        area_aliases: dict[str, Indicator] = {}
        for indicator in self.indicators:
            for alias in indicator.aliases:
                _claim(area_aliases, normalize_name(alias), indicator, alias, "indicator")
        # Longest first, so that 劳动力市场监管 wins over 市场监管 and 获得用水用气 over 获得用水.
        ordered = sorted(area_aliases.items(), key=lambda item: -len(item[0]))
        object.__setattr__(self, "_area_aliases", tuple(ordered))

        by_alias: dict[str, SubIndex] = {}
        for index in self.indices:
            for alias in index.aliases:
                _claim(by_alias, alias, index, alias, "sub-index")
        object.__setattr__(self, "_index_by_alias", by_alias)
        if by_alias:
            # One alternation of literal names, longest first: linear in the text, no nesting.
            names = sorted(by_alias, key=len, reverse=True)
            pattern = re.compile("|".join(re.escape(name) for name in names))
            object.__setattr__(self, "_index_pattern", pattern)

    def __repr__(self) -> str:
        return f"IndicatorMap({len(self.indicators)} indicators, {len(self.indices)} sub-indices)"

    def for_area(self, title: str) -> Indicator | None:
        """Return the indicator an area titled `title` benchmarks, or None when none matches.

        The title may keep its ordinal ("十四、劳动力市场监管"). Of the aliases the title
        contains, the longest decides; of equally long ones, the first in the title.
        """
        text = normalize_name(title)
        best: tuple[int, int, Indicator] | None = None
        for alias, indicator in self._area_aliases:
            if best is not None and len(alias) < best[0]:
                break
            position = text.find(alias)
            if position != -1 and (best is None or position < best[1]):
                best = (len(alias), position, indicator)
        return None if best is None else best[2]

    def indices_in(self, text: str) -> tuple[IndexRef, ...]:
        """Return the sub-indices `text` names, in order, with their spans in `text`."""
        if self._index_pattern is None:
            return ()
        return tuple(
            IndexRef(self._index_by_alias[match.group()], match.group(), Span(*match.span()))
            for match in self._index_pattern.finditer(text)
        )

    def by_key(self, key: str) -> Indicator:
        """Return the indicator whose key is `key`; raises `KeyError` when there is none."""
        for indicator in self.indicators:
            if indicator.key == key:
                return indicator
        raise KeyError(key)

    @classmethod
    def from_json(cls, text: str, *, source: str = "<string>") -> IndicatorMap:
        """Build a map from the JSON text of an indicator map file.

        Raises `IndicatorMapError`, naming `source`, for invalid JSON or a malformed map.
        """
        document = read_json(text, source, "a JSON indicator map", IndicatorMapError)
        return _map_from_document(document, source)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> IndicatorMap:
        """Read an indicator map file (UTF-8 JSON) from `path`."""
        text, source = read_json_file(path)
        return cls.from_json(text, source=source)


@functools.cache
def default_indicator_map() -> IndicatorMap:
    """Return the indicator map shipped with yingshang."""
    resource = importlib.resources.files("yingshang").joinpath("data", "indicators.json")
    return IndicatorMap.from_json(resource.read_text(encoding="utf-8"), source="indicators.json")


def indicator_for_area(
    title: str, *, indicator_map: IndicatorMap | None = None
) -> Indicator | None:
    """Return the indicator an area titled `title` benchmarks, or None (see `IndicatorMap`).

    >>> indicator_for_area("十四、劳动力市场监管").b_ready
    <BReadyTopic.LABOR: 'Labor'>
    >>> indicator_for_area("三、组织保障") is None
    True
    """
    return (default_indicator_map() if indicator_map is None else indicator_map).for_area(title)


def indices_in(text: str, *, indicator_map: IndicatorMap | None = None) -> tuple[IndexRef, ...]:
    """Return the sub-indices a text (a measure title, say) names, with their spans."""
    return (default_indicator_map() if indicator_map is None else indicator_map).indices_in(text)


def _claim(table: dict[str, Any], key: str, owner: object, alias: str, what: str) -> None:
    other = table.get(key)
    if other is not None and other is not owner:
        raise IndicatorMapError(f"alias {alias!r} names both {other} and {owner} ({what})")
    table[key] = owner


# --- reading the JSON document ----------------------------------------------------------------


def _map_from_document(document: object, source: str) -> IndicatorMap:
    if not isinstance(document, dict):
        raise IndicatorMapError(f"{source}: expected a JSON object, found {_describe(document)}")
    if document.get("format") != INDICATOR_MAP_FORMAT:
        raise IndicatorMapError(
            f'{source}: expected "format": {INDICATOR_MAP_FORMAT!r}, '
            f"found {_describe(document.get('format'))}"
        )
    if document.get("version") not in _SUPPORTED_VERSIONS:
        raise IndicatorMapError(
            f'{source}: expected "version" one of {sorted(_SUPPORTED_VERSIONS)}, '
            f"found {_describe(document.get('version'))}"
        )
    sources = _strings(document, "sources", source)
    raw_indicators = _list(document, "indicators", source)
    indicators = [
        _indicator(item, f"{source}: indicator {n}") for n, item in enumerate(raw_indicators, 1)
    ]
    by_key: dict[str, Indicator] = {}
    for indicator in indicators:
        if indicator.key in by_key:
            raise IndicatorMapError(f"{source}: indicator key {indicator.key!r} appears twice")
        by_key[indicator.key] = indicator
    raw_indices = _list(document, "indices", source)
    indices = [
        _index(item, f"{source}: index {n}", by_key) for n, item in enumerate(raw_indices, 1)
    ]
    try:
        return IndicatorMap(indicators, indices, sources)
    except IndicatorMapError as error:
        raise IndicatorMapError(f"{source}: {error}") from None


_INDICATOR_KEYS = {
    "key",
    "title",
    "aliases",
    "doing_business",
    "b_ready",
    "china_evaluation",
    "note",
}
_INDEX_KEYS = {"name", "english", "indicator", "framework", "aliases"}


def _indicator(item: object, where: str) -> Indicator:
    if not isinstance(item, dict):
        raise IndicatorMapError(f"{where}: expected an object, found {_describe(item)}")
    key = _text(item, "key", where)
    where = f"{where} ({key})"
    _no_unexpected_keys(item, _INDICATOR_KEYS, where)
    b_ready = item.get("b_ready")
    topics = [topic.value for topic in BReadyTopic]
    if b_ready is not None and b_ready not in topics:
        raise IndicatorMapError(
            f'{where}: expected "b_ready" one of {topics} or null, found {_describe(b_ready)}'
        )
    return Indicator(
        key=key,
        title=_text(item, "title", where),
        aliases=_strings(item, "aliases", where),
        doing_business=_optional_text(item, "doing_business", where),
        b_ready=None if b_ready is None else BReadyTopic(b_ready),
        china_evaluation=_optional_text(item, "china_evaluation", where),
        note=_optional_text(item, "note", where) or "",
    )


def _index(item: object, where: str, indicators: dict[str, Indicator]) -> SubIndex:
    if not isinstance(item, dict):
        raise IndicatorMapError(f"{where}: expected an object, found {_describe(item)}")
    name = _text(item, "name", where)
    where = f"{where} ({name})"
    _no_unexpected_keys(item, _INDEX_KEYS, where)
    key = _text(item, "indicator", where)
    if key not in indicators:
        raise IndicatorMapError(
            f'{where}: expected "indicator" to be a key of an indicator, found {key!r}'
        )
    framework = item.get("framework")
    frameworks = [f.value for f in Framework]
    if framework not in frameworks:
        raise IndicatorMapError(
            f'{where}: expected "framework" one of {frameworks}, found {_describe(framework)}'
        )
    return SubIndex(
        name=name,
        english=_optional_text(item, "english", where),
        framework=Framework(framework),
        indicator=indicators[key],
        aliases=_strings(item, "aliases", where),
    )


def _no_unexpected_keys(item: dict[str, Any], allowed: set[str], where: str) -> None:
    unexpected = sorted(set(item) - allowed)
    if unexpected:
        # A misspelt key would otherwise drop data without a word.
        raise IndicatorMapError(f"{where}: unexpected key {unexpected[0]!r}")


def _list(document: dict[str, Any], key: str, where: str) -> list[Any]:
    value = document.get(key, [])
    if not isinstance(value, list):
        raise IndicatorMapError(f'{where}: expected "{key}" to be a list, found {_describe(value)}')
    return value


def _text(item: dict[str, Any], key: str, where: str) -> str:
    value = item.get(key)
    if not isinstance(value, str) or not value.strip():
        raise IndicatorMapError(
            f'{where}: expected "{key}" to be a non-empty string, found {_describe(value)}'
        )
    return value


def _optional_text(item: dict[str, Any], key: str, where: str) -> str | None:
    value = item.get(key)
    if value is not None and not isinstance(value, str):
        raise IndicatorMapError(
            f'{where}: expected "{key}" to be a string or null, found {_describe(value)}'
        )
    return value


def _strings(item: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = item.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise IndicatorMapError(
            f'{where}: expected "{key}" to be a list of non-empty strings, found {_describe(value)}'
        )
    return tuple(value)


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    text = json.dumps(value, ensure_ascii=False)
    if len(text) > 40:
        text = text[:40] + "…"
    return f"{type(value).__name__} {text}"
