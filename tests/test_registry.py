"""Tests for yingshang.registry: the Chongqing agencies, aliases both ways, user registries, errors."""

from __future__ import annotations

import json
import pathlib

import pytest

from yingshang.errors import YingshangError
from yingshang.registry import (
    AgencyKind,
    AgencyRegistry,
    RegistryEntry,
    RegistryError,
    default_registry,
    normalize_agency_name,
    registry_for,
)

from .plan_table import plan_text, table_rows


def _agencies_in_plan() -> set[str]:
    agencies: set[str] = set()
    for row in table_rows(plan_text()):
        assert len(row) == 5, row[:2]
        for cell in row[-2:]:
            agencies.update(name.strip() for name in cell.split("、") if name.strip())
    return agencies


CHONGQING_AGENCIES = sorted(_agencies_in_plan())


def test_the_table_names_many_agencies() -> None:
    # Guards the helper above: a broken split would make the next test pass vacuously.
    assert len(CHONGQING_AGENCIES) > 50
    assert {"市市场监管局", "重庆市税务局", "人行重庆营管部", "国网市电力公司"} <= set(
        CHONGQING_AGENCIES
    )


@pytest.mark.parametrize("name", CHONGQING_AGENCIES)
def test_every_agency_in_the_chongqing_plan_resolves(name: str) -> None:
    assert default_registry().resolve(name) is not None, name


def test_no_agency_in_the_plan_is_unknown() -> None:
    assert default_registry().unknown(CHONGQING_AGENCIES) == ()


@pytest.mark.parametrize(
    ("written", "full", "kind"),
    [
        ("市市场监管局", "重庆市市场监督管理局", AgencyKind.MUNICIPAL),
        ("重庆市税务局", "国家税务总局重庆市税务局", AgencyKind.CENTRAL_BRANCH),
        ("人行重庆营管部", "中国人民银行重庆营业管理部", AgencyKind.CENTRAL_BRANCH),
        ("国网市电力公司", "国网重庆市电力公司", AgencyKind.STATE_OWNED_ENTERPRISE),
        ("市高法院", "重庆市高级人民法院", AgencyKind.JUDICIAL),
        ("市检察院", "重庆市人民检察院", AgencyKind.JUDICIAL),
        ("市发展改革委", "重庆市发展和改革委员会", AgencyKind.MUNICIPAL),
        ("重庆海关", "中华人民共和国重庆海关", AgencyKind.CENTRAL_BRANCH),
    ],
)
def test_known_full_names(written: str, full: str, kind: AgencyKind) -> None:
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


def test_unknown_agency_is_reported_and_kept_as_written() -> None:
    registry = default_registry()
    assert registry.resolve("市不存在局") is None
    assert registry.canonical_name("市不存在局") == "市不存在局"
    assert "市不存在局" not in registry
    assert registry.unknown(["市公安局", "市不存在局", "市不存在局"]) == ("市不存在局",)


def test_lookup_ignores_spacing_and_width() -> None:
    registry = default_registry()
    assert registry.canonical_name(" 市市场\u3000监管局\n") == "重庆市市场监督管理局"
    assert registry.canonical_name("重庆三峡水利电力(集团)股份有限公司").startswith("重庆三峡")
    assert normalize_agency_name("（集团） 公司") == "(集团)公司"


def test_default_registry_is_cached_and_documents_its_source() -> None:
    registry = default_registry()
    assert registry is default_registry()
    assert "渝府办发〔2019〕81号" in registry.source
    assert registry.region == "重庆市"


# --- user registries -------------------------------------------------------------------------

USER_REGISTRY = {
    "format": "yingshang-agency-registry",
    "version": 2,
    "region": "成都市",
    "source": "written for this test",
    "agencies": [
        {"name": "成都市市场监督管理局", "kind": "municipal", "aliases": ["市市场监管局"]},
        {"name": "国家税务总局成都市税务局", "kind": "central_branch", "aliases": ["市税务局"]},
    ],
}


def test_user_registry_loads_from_a_file(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "chengdu.json"
    path.write_text(json.dumps(USER_REGISTRY, ensure_ascii=False), encoding="utf-8")
    registry = AgencyRegistry.load(path)
    assert len(registry) == 2
    assert registry.region == "成都市"
    assert registry.canonical_name("市市场监管局") == "成都市市场监督管理局"
    assert registry.canonical_name("重庆海关") == "重庆海关"  # not in this registry


def test_a_version_1_registry_of_units_is_read() -> None:
    old = {
        **{k: v for k, v in USER_REGISTRY.items() if k != "agencies"},
        "format": "yingshang-unit-registry",
        "version": 1,
        "units": USER_REGISTRY["agencies"],
    }
    registry = AgencyRegistry.from_json(json.dumps(old))
    assert registry == AgencyRegistry.from_json(json.dumps(USER_REGISTRY))
    assert len(registry) == 2


def test_user_registry_from_json_text() -> None:
    registry = AgencyRegistry.from_json(json.dumps(USER_REGISTRY))
    entry = registry.resolve("市税务局")
    assert entry == RegistryEntry(
        "国家税务总局成都市税务局", AgencyKind.CENTRAL_BRANCH, ("市税务局",)
    )
    assert entry.aliases == ("国家税务总局成都市税务局", "市税务局")


def test_json_round_trip_is_lossless() -> None:
    registry = default_registry()
    again = AgencyRegistry.from_json(registry.to_json())
    assert again == registry
    assert again.source == registry.source


def test_registry_built_in_code() -> None:
    registry = AgencyRegistry([RegistryEntry("甲局", AgencyKind.OTHER, ["甲"])])
    assert registry.canonical_name("甲") == "甲局"
    assert "甲局" in registry


# --- malformed registries --------------------------------------------------------------------


def _with(**changes: object) -> str:
    return json.dumps({**USER_REGISTRY, **changes}, ensure_ascii=False)


def _with_agency(**changes: object) -> str:
    agency = {**USER_REGISTRY["agencies"][0], **changes}  # type: ignore[index]
    return _with(agencies=[agency])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{"format": "yingshang-agency-registry",\n "agencies": [}',
            r"line 2, column \d+: .*invalid JSON",
        ),
        ("[]", "expected a JSON object, found list"),
        (_with(format="something-else"), 'expected "format"'),
        (_with(version=3), 'expected "version" one of \\[1, 2\\], found int 3'),
        (_with(agencies={"a": 1}), 'expected "agencies" to be a list, found dict'),
        (_with(agencies=["市公安局"]), "agency 1: expected an object, found str"),
        (_with_agency(name=""), 'agency 1: expected "name" to be a non-empty string'),
        (_with_agency(kind="city"), r'agency 1 \(成都市市场监督管理局\): expected "kind" one of'),
        (
            _with_agency(aliases="市市场监管局"),
            'expected "aliases" to be a list of non-empty strings',
        ),
        (_with_agency(aliases=[""]), 'expected "aliases" to be a list of non-empty strings'),
        (_with_agency(note=3), 'expected "note" to be a string'),
        (_with_agency(alias=["x"]), "unexpected key 'alias'"),
        (_with(region=["成都"]), 'expected "region" to be a string'),
    ],
)
def test_malformed_registry_raises_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(RegistryError, match=message) as info:
        AgencyRegistry.from_json(text, source="bad.json")
    assert isinstance(info.value, YingshangError)
    assert str(info.value).startswith("bad.json")


def test_alias_claimed_by_two_agencies_is_an_error() -> None:
    agencies = [
        {"name": "甲局", "kind": "municipal", "aliases": ["局"]},
        {"name": "乙局", "kind": "municipal", "aliases": ["局"]},
    ]
    with pytest.raises(RegistryError, match="alias '局' names both '甲局' and '乙局'"):
        AgencyRegistry.from_json(_with(agencies=agencies), source="bad.json")


def test_load_names_the_file_in_errors(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(RegistryError, match=r"broken\.json: line 1"):
        AgencyRegistry.load(path)


# --- the registry of a plan's place ------------------------------------------------------------

_OTHER_CITY = """甲市优化营商环境行动方案

一、重点任务
（一）开办企业
1．压缩开办时间。2020年底前将企业开办时间压缩至3个工作日以内。（牵头单位：市市场监管局；配合单位：市税务局）
"""


def test_the_shipped_registry_reads_chongqings_plans_only() -> None:
    from yingshang import datasets, io, parse, query

    chongqing = datasets.chongqing_2019()
    assert registry_for(chongqing) is default_registry()
    other = parse(_OTHER_CITY)
    assert not default_registry().covers(other)
    assert len(registry_for(other)) == 0
    assert len(registry_for(chongqing, other)) == 0  # a registry for both must cover both
    # 甲市's 市市场监管局 is not 重庆市市场监督管理局: kept as written, and unknown.
    counts = {count.name: count for count in query.agency_counts(other)}
    assert counts["市市场监管局"].canonical_name == "市市场监管局"
    assert not counts["市市场监管局"].known
    assert io.action_records(other)[0]["lead_agencies_official"] == "市市场监管局"
    # A registry the caller passes is used as given, for any plan.
    given = query.agency_counts(other, default_registry())
    assert given[0].canonical_name == "重庆市市场监督管理局"


@pytest.mark.parametrize(
    ("region", "title", "covered"),
    [
        ("重庆市", "重庆市营商环境优化提升工作方案", True),
        ("重庆市", "甲市优化营商环境行动方案", False),
        ("四川省", "四川省优化营商环境条例实施方案", True),
        ("浦东新区", "浦东新区营商环境行动方案", True),
        ("", "甲市优化营商环境行动方案", True),  # a registry of no place covers every plan
    ],
)
def test_a_registry_covers_the_plans_that_name_its_place(
    region: str, title: str, covered: bool
) -> None:
    from yingshang import parse

    plan = parse(_OTHER_CITY.replace("甲市优化营商环境行动方案", title))
    assert AgencyRegistry((), region=region).covers(plan) is covered
