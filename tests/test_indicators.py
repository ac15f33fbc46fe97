"""Tests for yingshang.indicators: every Chongqing area and sub-index maps, other wordings too."""

from __future__ import annotations

import json
import pathlib

import pytest

from yingshang.errors import YingshangError
from yingshang.indicators import (
    BReadyTopic,
    Framework,
    Indicator,
    IndicatorMap,
    IndicatorMapError,
    SubIndex,
    default_indicator_map,
    indicator_for_area,
    indices_in,
)

from .plan_table import plan_text, table_rows


def _measure_titles_by_area() -> list[tuple[str, str]]:
    """Return (area title, measure title) for every measure, the area carried down empty cells."""
    pairs: list[tuple[str, str]] = []
    area = ""
    for row in table_rows(plan_text()):
        area = row[0].strip() or area
        measure = row[1].strip()
        if measure and (area, measure) not in pairs:
            pairs.append((area, measure))
    return pairs


PAIRS = _measure_titles_by_area()
AREA_TITLES = list(dict.fromkeys(area for area, _ in PAIRS))
INDEX_MEASURES = [(area, measure) for area, measure in PAIRS if "指数" in measure]


def test_the_table_has_twenty_areas() -> None:
    # Guards the helper: a broken split would make the per-area tests pass vacuously.
    assert len(AREA_TITLES) == 20
    assert AREA_TITLES[0] == "一、开办企业"
    assert AREA_TITLES[-1] == "二十、包容普惠创新"
    assert len(INDEX_MEASURES) >= 10


@pytest.mark.parametrize("title", AREA_TITLES)
def test_every_chongqing_area_has_an_indicator(title: str) -> None:
    assert indicator_for_area(title) is not None, title


def test_the_twenty_areas_map_to_twenty_distinct_indicators() -> None:
    keys = [indicator.key for title in AREA_TITLES if (indicator := indicator_for_area(title))]
    assert len(set(keys)) == 20, keys


@pytest.mark.parametrize(
    ("keyword", "doing_business"),
    [
        ("开办企业", "Starting a Business"),
        ("办理建筑许可", "Dealing with Construction Permits"),
        ("获得电力", "Getting Electricity"),
        ("登记财产", "Registering Property"),
        ("获得信贷", "Getting Credit"),
        ("保护中小投资者", "Protecting Minority Investors"),
        ("纳税", "Paying Taxes"),
        ("跨境贸易", "Trading across Borders"),
        ("执行合同", "Enforcing Contracts"),
        ("办理破产", "Resolving Insolvency"),
        ("劳动力市场监管", "Employing Workers"),
    ],
)
def test_doing_business_areas(keyword: str, doing_business: str) -> None:
    (title,) = [title for title in AREA_TITLES if keyword in title]
    indicator = indicator_for_area(title)
    assert indicator is not None
    assert indicator.doing_business == doing_business
    assert indicator.china_evaluation is not None


@pytest.mark.parametrize(
    "keyword",
    [
        "获得用水",
        "获得用气",
        "获得网络",
        "政府采购",
        "招标投标",
        "政务服务",
        "知识产权",
        "市场监管",
        "包容普惠创新",
    ],
)
def test_areas_without_a_doing_business_counterpart_say_so(keyword: str) -> None:
    titles = [title for title in AREA_TITLES if keyword in title and "劳动力" not in title]
    assert len(titles) == 1, titles
    indicator = indicator_for_area(titles[0])
    assert indicator is not None
    assert indicator.doing_business is None
    assert "No Doing Business" in indicator.note


@pytest.mark.parametrize(
    ("title", "topic"),
    [
        ("一、开办企业", BReadyTopic.BUSINESS_ENTRY),
        ("二、办理建筑许可", BReadyTopic.BUSINESS_LOCATION),
        ("三、获得电力", BReadyTopic.UTILITY_SERVICES),
        ("七、登记财产", BReadyTopic.BUSINESS_LOCATION),
        ("八、纳税", BReadyTopic.TAXATION),
        ("九、跨境贸易", BReadyTopic.INTERNATIONAL_TRADE),
        ("十、办理破产", BReadyTopic.BUSINESS_INSOLVENCY),
        ("十一、获得信贷", BReadyTopic.FINANCIAL_SERVICES),
        ("十三、执行合同", BReadyTopic.DISPUTE_RESOLUTION),
        ("十四、劳动力市场监管", BReadyTopic.LABOR),
        ("十五、政府采购", BReadyTopic.MARKET_COMPETITION),
        ("十二、保护中小投资者", None),
        ("二十、包容普惠创新", None),
    ],
)
def test_b_ready_topics(title: str, topic: BReadyTopic | None) -> None:
    assert title in AREA_TITLES
    indicator = indicator_for_area(title)
    assert indicator is not None
    assert indicator.b_ready is topic


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("三、获得用电", "getting_electricity"),
        ("二、办理施工许可", "dealing_with_construction_permits"),
        ("（四）获得用水用气", "getting_water_and_gas"),
        ("五、财产登记", "registering_property"),
        ("6. 企业开办", "starting_a_business"),
        ("十九、市场监管", "market_supervision"),
        ("十四、劳动力市场监管", "labor_market_regulation"),
        ("十八、知识产权保护", "intellectual_property"),
        ("七、 登记 财产", "registering_property"),  # spaces from a Word export
    ],
)
def test_other_cities_wordings_map_by_keyword(title: str, key: str) -> None:
    indicator = indicator_for_area(title)
    assert indicator is not None
    assert indicator.key == key


@pytest.mark.parametrize("title", ["三、组织保障", "", "一、总体要求", "二十一、城市品质"])
def test_unknown_title_gives_none(title: str) -> None:
    assert indicator_for_area(title) is None


# --- sub-indices -----------------------------------------------------------------------------


@pytest.mark.parametrize(("area", "measure"), INDEX_MEASURES)
def test_sub_index_in_a_measure_title_maps_to_its_areas_indicator(area: str, measure: str) -> None:
    refs = indices_in(measure)
    assert len(refs) == measure.count("指数"), measure
    for ref in refs:
        assert ref.indicator == indicator_for_area(area)
        assert measure[ref.span.start : ref.span.end] == ref.text


@pytest.mark.parametrize(
    ("name", "english", "key"),
    [
        ("建筑质量控制指数", "Building Quality Control Index", "dealing_with_construction_permits"),
        (
            "供电可靠性和电费透明度指数",
            "Reliability of Supply and Transparency of Tariffs Index",
            "getting_electricity",
        ),
        ("土地管理质量指数", "Quality of Land Administration Index", "registering_property"),
        ("报税后流程指数", "Postfiling Index", "paying_taxes"),
        ("破产法律框架质量指数", "Strength of Insolvency Framework Index", "resolving_insolvency"),
        ("合法权利度指数", "Strength of Legal Rights Index", "getting_credit"),
        ("信用信息深度指数", "Depth of Credit Information Index", "getting_credit"),
        ("司法程序质量指数", "Quality of Judicial Processes Index", "enforcing_contracts"),
    ],
)
def test_doing_business_sub_indices(name: str, english: str, key: str) -> None:
    (ref,) = indices_in(f"优化{name}")
    assert ref.index.name == name
    assert ref.index.english == english
    assert ref.index.framework is Framework.DOING_BUSINESS
    assert ref.indicator.key == key
    assert ref.span.start == 2


@pytest.mark.parametrize("name", ["蓝天碧水净土森林覆盖指数", "综合立体交通指数"])
def test_china_only_sub_indices(name: str) -> None:
    (ref,) = indices_in(f"91．优化{name}")
    assert ref.index.framework is Framework.CHINA_EVALUATION
    assert ref.index.english is None
    assert ref.indicator.key == "inclusive_innovation"


def test_sub_index_aliases_and_several_in_one_text() -> None:
    refs = indices_in("提高合法权利力度指数和信贷信息深度指数")
    assert [ref.index.name for ref in refs] == ["合法权利度指数", "信用信息深度指数"]
    assert [ref.text for ref in refs] == ["合法权利力度指数", "信贷信息深度指数"]


def test_text_without_a_known_index() -> None:
    assert indices_in("提升城市干线道路密度") == ()
    assert indices_in("") == ()


def test_default_map_is_cached_and_cites_its_sources() -> None:
    indicator_map = default_indicator_map()
    assert indicator_map is default_indicator_map()
    sources = " ".join(indicator_map.sources)
    assert "Doing Business" in sources
    assert "B-READY" in sources
    assert "中国营商环境评价" in sources
    assert indicator_map.by_key("paying_taxes").title == "纳税"
    with pytest.raises(KeyError):
        indicator_map.by_key("no_such_indicator")


# --- user maps and malformed files -------------------------------------------------------------

USER_MAP = {
    "format": "yingshang-indicator-map",
    "version": 1,
    "sources": ["written for this test"],
    "indicators": [
        {"key": "a", "title": "甲", "aliases": ["甲乙"], "doing_business": "A", "b_ready": "Labor"},
    ],
    "indices": [
        {"name": "甲指数", "english": "A Index", "indicator": "a", "framework": "doing_business"}
    ],
}


def test_user_map_loads(tmp_path: pathlib.Path) -> None:
    path = tmp_path / "map.json"
    path.write_text(json.dumps(USER_MAP, ensure_ascii=False), encoding="utf-8")
    indicator_map = IndicatorMap.load(path)
    indicator = indicator_for_area("一、甲乙", indicator_map=indicator_map)
    assert indicator == Indicator("a", "甲", ("甲乙",), "A", BReadyTopic.LABOR)
    (ref,) = indices_in("优化甲指数", indicator_map=indicator_map)
    assert ref.index == SubIndex("甲指数", "A Index", Framework.DOING_BUSINESS, indicator)


def _with(**changes: object) -> str:
    return json.dumps({**USER_MAP, **changes}, ensure_ascii=False)


def _with_indicator(**changes: object) -> str:
    return _with(indicators=[{**USER_MAP["indicators"][0], **changes}], indices=[])  # type: ignore[index]


def _with_index(**changes: object) -> str:
    return _with(indices=[{**USER_MAP["indices"][0], **changes}])  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "line 1, column 2: expected a JSON indicator map, found invalid JSON"),
        ('"map"', "expected a JSON object, found str"),
        (_with(format="x"), 'expected "format"'),
        (_with(version="1"), 'expected "version" one of \\[1\\], found str'),
        (_with(indicators={}), 'expected "indicators" to be a list'),
        (_with_indicator(key=""), 'indicator 1: expected "key" to be a non-empty string'),
        (_with_indicator(b_ready="Trade"), r'indicator 1 \(a\): expected "b_ready" one of'),
        (_with_indicator(doing_business=1), 'expected "doing_business" to be a string or null'),
        (_with_indicator(alias=["甲"]), "unexpected key 'alias'"),
        (_with_index(indicator="b"), r'index 1 \(甲指数\): expected "indicator" to be a key'),
        (_with_index(framework="db"), 'expected "framework" one of'),
        (_with(indicators=USER_MAP["indicators"] * 2), "indicator key 'a' appears twice"),  # type: ignore[operator]
    ],
)
def test_malformed_map_raises_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(IndicatorMapError, match=message) as info:
        IndicatorMap.from_json(text, source="bad.json")
    assert isinstance(info.value, YingshangError)
    assert str(info.value).startswith("bad.json")


def test_alias_claimed_by_two_indicators_is_an_error() -> None:
    indicators = [
        {"key": "a", "title": "甲", "aliases": ["丙"]},
        {"key": "b", "title": "乙", "aliases": ["丙"]},
    ]
    with pytest.raises(IndicatorMapError, match="alias '丙' names both 甲 and 乙"):
        IndicatorMap.from_json(_with(indicators=indicators, indices=[]), source="bad.json")
