"""Tests for yingshang.registry: the Chongqing units, aliases both ways, user registries, errors."""

from __future__ import annotations

import json
import pathlib

import pytest

from yingshang.errors import YingshangError
from yingshang.registry import (
    RegistryEntry,
    RegistryError,
    UnitKind,
    UnitRegistry,
    default_registry,
    normalize_unit_name,
)

from .plan_table import plan_text, table_rows


def _units_in_plan() -> set[str]:
    units: set[str] = set()
    for row in table_rows(plan_text()):
        assert len(row) == 5, row[:2]
        for cell in row[-2:]:
            units.update(name.strip() for name in cell.split("、") if name.strip())
    return units


CHONGQING_UNITS = sorted(_units_in_plan())


def test_the_table_names_many_units() -> None:
    # Guards the helper above: a broken split would make the next test pass vacuously.
    assert len(CHONGQING_UNITS) > 50
    assert {"市市场监管局", "重庆市税务局", "人行重庆营管部", "国网市电力公司"} <= set(
        CHONGQING_UNITS
    )


@pytest.mark.parametrize("name", CHONGQING_UNITS)
def test_every_unit_in_the_chongqing_plan_resolves(name: str) -> None:
    assert default_registry().resolve(name) is not None, name


def test_no_unit_in_the_plan_is_unknown() -> None:
    assert default_registry().unknown(CHONGQING_UNITS) == ()


@pytest.mark.parametrize(
    ("written", "full", "kind"),
    [
        ("市市场监管局", "重庆市市场监督管理局", UnitKind.MUNICIPAL),
        ("重庆市税务局", "国家税务总局重庆市税务局", UnitKind.CENTRAL_BRANCH),
        ("人行重庆营管部", "中国人民银行重庆营业管理部", UnitKind.CENTRAL_BRANCH),
        ("国网市电力公司", "国网重庆市电力公司", UnitKind.STATE_OWNED_ENTERPRISE),
        ("市高法院", "重庆市高级人民法院", UnitKind.JUDICIAL),
        ("市检察院", "重庆市人民检察院", UnitKind.JUDICIAL),
        ("市发展改革委", "重庆市发展和改革委员会", UnitKind.MUNICIPAL),
        ("重庆海关", "中华人民共和国重庆海关", UnitKind.CENTRAL_BRANCH),
    ],
)
def test_known_full_names(written: str, full: str, kind: UnitKind) -> None:
    entry = default_registry().resolve(written)
    assert entry is not None
    assert entry.name == full
    assert entry.kind is kind
    assert default_registry().canonical_name(written) == full


def test_aliases_map_both_ways() -> None:
    registry = default_registry()
    for entry in registry:
        assert entry.aliases[0] == entry.name, "the full name is the first alias"
        for alias in entry.aliases:
            assert registry.resolve(alias) is entry, alias
            assert registry.canonical_name(alias) == entry.name


def test_every_entry_has_a_distinct_full_name() -> None:
    names = [entry.name for entry in default_registry()]
    assert len(names) == len(set(names))


def test_unknown_unit_is_reported_and_kept_as_written() -> None:
    registry = default_registry()
    assert registry.resolve("市不存在局") is None
    assert registry.canonical_name("市不存在局") == "市不存在局"
    assert "市不存在局" not in registry
    assert registry.unknown(["市公安局", "市不存在局", "市不存在局"]) == ("市不存在局",)


def test_lookup_ignores_spacing_and_width() -> None:
    registry = default_registry()
    assert registry.canonical_name(" 市市场\u3000监管局\n") == "重庆市市场监督管理局"
    assert registry.canonical_name("重庆三峡水利电力(集团)股份有限公司").startswith("重庆三峡")
    assert normalize_unit_name("（集团） 公司") == "(集团)公司"


def test_default_registry_is_cached_and_documents_its_source() -> None:
    registry = default_registry()
    assert registry is default_registry()
    assert "渝府办发〔2019〕81号" in registry.source
    assert registry.region == "重庆市"


# --- user registries -------------------------------------------------------------------------

USER_REGISTRY = {
    "format": "yingshang-unit-registry",
    "version": 1,
    "region": "成都市",
    "source": "written for this test",
    "units": [
        {"name": "成都市市场监督管理局", "kind": "municipal", "aliases": ["市市场监管局"]},
        {"name": "国家税务总局成都市税务局", "kind": "central_branch", "aliases": ["市税务局"]},
    ],
}


def test_user_registry_loads_from_a_file(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "chengdu.json"
    path.write_text(json.dumps(USER_REGISTRY, ensure_ascii=False), encoding="utf-8")
    registry = UnitRegistry.load(path)
    assert len(registry) == 2
    assert registry.region == "成都市"
    assert registry.canonical_name("市市场监管局") == "成都市市场监督管理局"
    assert registry.canonical_name("重庆海关") == "重庆海关"  # not in this registry


def test_user_registry_from_json_text() -> None:
    registry = UnitRegistry.from_json(json.dumps(USER_REGISTRY))
    entry = registry.resolve("市税务局")
    assert entry == RegistryEntry(
        "国家税务总局成都市税务局", UnitKind.CENTRAL_BRANCH, ("市税务局",)
    )
    assert entry.aliases == ("国家税务总局成都市税务局", "市税务局")


def test_json_round_trip_is_lossless() -> None:
    registry = default_registry()
    again = UnitRegistry.from_json(registry.to_json())
    assert again == registry
    assert again.source == registry.source


def test_registry_built_in_code() -> None:
    registry = UnitRegistry([RegistryEntry("甲局", UnitKind.OTHER, ["甲"])])
    assert registry.canonical_name("甲") == "甲局"
    assert "甲局" in registry


# --- malformed registries --------------------------------------------------------------------


def _with(**changes: object) -> str:
    return json.dumps({**USER_REGISTRY, **changes}, ensure_ascii=False)


def _with_unit(**changes: object) -> str:
    unit = {**USER_REGISTRY["units"][0], **changes}  # type: ignore[index]
    return _with(units=[unit])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"format": "yingshang-unit-registry",\n "units": [}',
            r"line 2, column \d+: .*invalid JSON",
        ),
        ("[]", "expected a JSON object, found list"),
        (_with(format="something-else"), 'expected "format"'),
        (_with(version=2), 'expected "version" one of \\[1\\], found int 2'),
        (_with(units={"a": 1}), 'expected "units" to be a list, found dict'),
        (_with(units=["市公安局"]), "unit 1: expected an object, found str"),
        (_with_unit(name=""), 'unit 1: expected "name" to be a non-empty string'),
        (_with_unit(kind="city"), r'unit 1 \(成都市市场监督管理局\): expected "kind" one of'),
        (
            _with_unit(aliases="市市场监管局"),
            'expected "aliases" to be a list of non-empty strings',
        ),
        (_with_unit(aliases=[""]), 'expected "aliases" to be a list of non-empty strings'),
        (_with_unit(note=3), 'expected "note" to be a string'),
        (_with_unit(alias=["x"]), "unexpected key 'alias'"),
        (_with(region=["成都"]), 'expected "region" to be a string'),
    ],
)
def test_malformed_registry_raises_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(RegistryError, match=message) as info:
        UnitRegistry.from_json(text, source="bad.json")
    assert isinstance(info.value, YingshangError)
    assert str(info.value).startswith("bad.json")


def test_alias_claimed_by_two_units_is_an_error() -> None:
    units = [
        {"name": "甲局", "kind": "municipal", "aliases": ["局"]},
        {"name": "乙局", "kind": "municipal", "aliases": ["局"]},
    ]
    with pytest.raises(RegistryError, match="alias '局' names both '甲局' and '乙局'"):
        UnitRegistry.from_json(_with(units=units), source="bad.json")


def test_load_names_the_file_in_errors(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(RegistryError, match=r"broken\.json: line 1"):
        UnitRegistry.load(path)
