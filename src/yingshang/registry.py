"""A registry of responsible agencies: full official names, the names plans use, and what they are.

Plans name their lead and cooperating agencies (牵头单位/配合单位) by short forms such as
市市场监管局 or 人行重庆营管部. A `AgencyRegistry` maps every name an agency goes by (its aliases,
short and full) to one `RegistryEntry` with the agency's full official name and its `AgencyKind`:

>>> registry = default_registry()
>>> registry.canonical_name("市市场监管局")
'重庆市市场监督管理局'
>>> registry.resolve("人行重庆营管部").kind
<AgencyKind.CENTRAL_BRANCH: 'central_branch'>

The default registry (package data ``yingshang/data/agencies.json``) lists the agencies of
Chongqing's 2019 plan; load another city's with `AgencyRegistry.load` or
`AgencyRegistry.from_json`. The file format is described in ``docs/registry.md``.
"""

from __future__ import annotations

import enum
import functools
import importlib.resources
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from ._datafile import normalize_name, read_json, read_json_file
from .errors import YingshangError

if TYPE_CHECKING:
    from .model import Plan

__all__ = [
    "REGISTRY_FORMAT",
    "AgencyKind",
    "AgencyRegistry",
    "RegistryEntry",
    "RegistryError",
    "default_registry",
    "normalize_agency_name",
    "registry_for",
]

REGISTRY_FORMAT = "yingshang-agency-registry"
"""The value of the ``format`` field every registry file carries."""

_SUPPORTED_VERSIONS = frozenset({1, 2})
# Version 1 files called the bodies "units"; they are still read.
_V1_FORMAT = "yingshang-unit-registry"


class RegistryError(YingshangError, ValueError):
    """A registry file that is not what `AgencyRegistry.from_json` expects.

    The message says where (`source`, and the entry's position and name), what was expected and
    what was found.
    """


class AgencyKind(enum.Enum):
    """What kind of body an agency is; the values are those of the registry files."""

    MUNICIPAL = "municipal"
    """A department, office or public institution of the city's Party committee or government."""
    JUDICIAL = "judicial"
    """A court or procuratorate (市高法院, 市检察院)."""
    CENTRAL_BRANCH = "central_branch"
    """A local branch of a central agency (重庆海关, 国家税务总局重庆市税务局)."""
    STATE_OWNED_ENTERPRISE = "state_owned_enterprise"
    """A state-owned or state-controlled enterprise (国网重庆市电力公司)."""
    OTHER = "other"
    """Anything else, or an agency whose nature was not established."""


def normalize_agency_name(name: str) -> str:
    """Return `name` as the registry compares names: NFKC, without any whitespace.

    Word exports split names across lines and pad them with spaces or U+3000; NFKC also folds
    full-width brackets, so ``（集团）`` and ``(集团)`` meet.
    """
    return normalize_name(name)


def _to_aliases(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _to_entries(value: Iterable[RegistryEntry]) -> tuple[RegistryEntry, ...]:
    return tuple(value)


@attrs.frozen
class RegistryEntry:
    """One agency: its full official name, the other names it goes by, and its kind.

    `aliases` holds every name the agency is written as, the full `name` first, without repeats,
    e.g. ('重庆市市场监督管理局', '市市场监管局', '重庆市市场监管局').
    """

    name: str
    kind: AgencyKind
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_to_aliases)
    note: str = ""

    def __attrs_post_init__(self) -> None:
        # The canonical name is itself an alias, listed first, so that both directions resolve.
        names = dict.fromkeys((self.name, *self.aliases))
        object.__setattr__(self, "aliases", tuple(names))

    def __str__(self) -> str:
        return self.name


@attrs.frozen
class AgencyRegistry:
    """An immutable registry of agencies, looked up by any of their names.

    Build one with `from_json`, `load` or from entries directly; an alias claimed by two
    entries raises `RegistryError`. Look-ups ignore whitespace and full-width/half-width
    differences (see `normalize_agency_name`).
    """

    entries: tuple[RegistryEntry, ...] = attrs.field(converter=_to_entries)
    region: str = ""
    source: str = ""
    _index: Mapping[str, RegistryEntry] = attrs.field(
        init=False, repr=False, eq=False, hash=False, factory=dict
    )

    def __attrs_post_init__(self) -> None:
        index: dict[str, RegistryEntry] = {}
        for entry in self.entries:
            for alias in entry.aliases:
                key = normalize_agency_name(alias)
                other = index.get(key)
                if other is not None and other is not entry:
                    raise RegistryError(
                        f"alias {alias!r} names both {other.name!r} and {entry.name!r}"
                    )
                index[key] = entry
        object.__setattr__(self, "_index", index)

    def __repr__(self) -> str:
        return f"AgencyRegistry({self.region or 'unnamed'}, {len(self.entries)} agencies)"

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[RegistryEntry]:
        return iter(self.entries)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.resolve(name) is not None

    def resolve(self, name: str) -> RegistryEntry | None:
        """Return the entry of the agency written `name` (any alias), or None when unknown."""
        return self._index.get(normalize_agency_name(name))

    def canonical_name(self, name: str) -> str:
        """Return the full official name of the agency written `name`, or `name` as written.

        >>> default_registry().canonical_name("某某局")
        '某某局'
        """
        entry = self.resolve(name)
        return name if entry is None else entry.name

    def covers(self, plan: Plan) -> bool:
        """Tell whether `plan` is of this registry's region: the place (重庆 of 重庆市) is named in
        the plan's title, its notice's title or its issuer. A registry without a region covers
        every plan.

        >>> import yingshang
        >>> default_registry().covers(yingshang.datasets.chongqing_2019())
        True
        """
        place = _place(self.region)
        if not place:
            return True
        notice = plan.notice
        named = [plan.title.text, plan.issuer or ""]
        if notice is not None and notice.title is not None:
            named.append(notice.title.text)
        return any(place in text for text in named)

    def unknown(self, names: Iterable[str]) -> tuple[str, ...]:
        """Return the names, in order and without repeats, that the registry does not know."""
        return tuple(dict.fromkeys(name for name in names if self.resolve(name) is None))

    @classmethod
    def from_json(cls, text: str, *, source: str = "<string>") -> AgencyRegistry:
        """Build a registry from the JSON text of a registry file.

        `source` names the text in error messages. Raises `RegistryError` for text that is not
        JSON, or JSON that is not a registry (see ``docs/registry.md`` for the format).
        """
        document = read_json(text, source, "a JSON registry", RegistryError)
        return _registry_from_document(document, source)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> AgencyRegistry:
        """Read a registry file (UTF-8 JSON) from `path`; raises `RegistryError` if malformed."""
        text, source = read_json_file(path)
        return cls.from_json(text, source=source)

    def to_json(self) -> str:
        """Return the registry as the JSON text `from_json` reads back to an equal registry."""
        document = {
            "format": REGISTRY_FORMAT,
            "version": max(_SUPPORTED_VERSIONS),
            "region": self.region,
            "source": self.source,
            "agencies": [_entry_to_document(entry) for entry in self],
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


@functools.cache
def default_registry() -> AgencyRegistry:
    """Return the registry shipped with yingshang (the agencies of Chongqing's 2019 plan)."""
    resource = importlib.resources.files("yingshang").joinpath("data", "agencies.json")
    return AgencyRegistry.from_json(resource.read_text(encoding="utf-8"), source="agencies.json")


_EMPTY = AgencyRegistry(())
# What a region's name ends with that its plans may leave out (重庆市 → 重庆, 四川省 → 四川).
_PLACE_SUFFIXES = ("特别行政区", "自治区", "自治州", "地区", "市", "省", "州", "盟", "区", "县")


def _place(region: str) -> str:
    for suffix in _PLACE_SUFFIXES:
        if region.endswith(suffix) and len(region) - len(suffix) >= 2:
            return region[: -len(suffix)]
    return region


def registry_for(*plans: Plan) -> AgencyRegistry:
    """Return the registry to read the agencies of `plans` with when the caller gives none.

    The shipped registry knows the short names Chongqing's plans write (市市场监管局 is
    重庆市市场监督管理局); in another city's plan the same short name is another body. So it is
    returned only when it covers every plan (`AgencyRegistry.covers`: 重庆 in its title, notice
    or issuer), and an empty registry otherwise: agencies keep the names the plan writes and
    read as unknown, never as another place's official names. Pass a registry of the plan's
    own place (`AgencyRegistry.load`) to the functions that take one.
    """
    registry = default_registry()
    return registry if all(registry.covers(plan) for plan in plans) else _EMPTY


# --- reading the JSON document ----------------------------------------------------------------


def _registry_from_document(document: object, source: str) -> AgencyRegistry:
    if not isinstance(document, dict):
        raise RegistryError(f"{source}: expected a JSON object, found {_describe(document)}")
    if document.get("format") not in (REGISTRY_FORMAT, _V1_FORMAT):
        raise RegistryError(
            f'{source}: expected "format": {REGISTRY_FORMAT!r}, '
            f"found {_describe(document.get('format'))}"
        )
    version = document.get("version")
    if version not in _SUPPORTED_VERSIONS:
        raise RegistryError(
            f'{source}: expected "version" one of {sorted(_SUPPORTED_VERSIONS)}, '
            f"found {_describe(version)}"
        )
    region = _optional_text(document, "region", source)
    about = _optional_text(document, "source", source)
    key = "units" if version == 1 else "agencies"
    agencies = document.get(key)
    if not isinstance(agencies, list):
        raise RegistryError(f'{source}: expected "{key}" to be a list, found {_describe(agencies)}')
    entries = tuple(
        _entry_from_document(agency, source, position)
        for position, agency in enumerate(agencies, 1)
    )
    try:
        return AgencyRegistry(entries, region=region, source=about)
    except RegistryError as error:
        raise RegistryError(f"{source}: {error}") from None


def _entry_from_document(agency: object, source: str, position: int) -> RegistryEntry:
    where = f"{source}: agency {position}"
    if not isinstance(agency, dict):
        raise RegistryError(f"{where}: expected an object, found {_describe(agency)}")
    name = agency.get("name")
    if not isinstance(name, str) or not normalize_agency_name(name):
        raise RegistryError(
            f'{where}: expected "name" to be a non-empty string, found {_describe(name)}'
        )
    where = f"{where} ({name})"
    kind = agency.get("kind")
    kinds = [k.value for k in AgencyKind]
    if kind not in kinds:
        raise RegistryError(f'{where}: expected "kind" one of {kinds}, found {_describe(kind)}')
    aliases = agency.get("aliases", [])
    if not isinstance(aliases, list) or not all(
        isinstance(alias, str) and normalize_agency_name(alias) for alias in aliases
    ):
        raise RegistryError(
            f'{where}: expected "aliases" to be a list of non-empty strings, '
            f"found {_describe(aliases)}"
        )
    note = agency.get("note", "")
    if not isinstance(note, str):
        raise RegistryError(f'{where}: expected "note" to be a string, found {_describe(note)}')
    unexpected = sorted(set(agency) - {"name", "kind", "aliases", "note"})
    if unexpected:
        # A misspelt key ("alias") would otherwise drop data without a word.
        raise RegistryError(f"{where}: unexpected key {unexpected[0]!r}")
    return RegistryEntry(name, AgencyKind(kind), tuple(aliases), note)


def _entry_to_document(entry: RegistryEntry) -> dict[str, object]:
    document: dict[str, object] = {
        "name": entry.name,
        "kind": entry.kind.value,
        "aliases": [alias for alias in entry.aliases if alias != entry.name],
    }
    if entry.note:
        document["note"] = entry.note
    return document


def _optional_text(document: dict[str, Any], key: str, source: str) -> str:
    value = document.get(key, "")
    if not isinstance(value, str):
        raise RegistryError(f'{source}: expected "{key}" to be a string, found {_describe(value)}')
    return value


def _describe(value: object) -> str:
    if value is None:
        return "nothing"
    text = json.dumps(value, ensure_ascii=False)
    if len(text) > 40:
        text = text[:40] + "…"
    return f"{type(value).__name__} {text}"
