"""Inputs the fuzzer (benchmarks/fuzz.py) once found to crash the parser or lose text, kept.

Each is a seed (the embedded plan, a plan of tests/fixtures, or an opening of ../shared/corpus,
skipped when absent) and the mutations that broke it, as the fuzzer prints them: never a copy
of the seed's text.
"""

from __future__ import annotations

import pytest

from .mutations import Mutation, Outcome, judge, mutate, seed_texts

FOUND: list[tuple[str, tuple[Mutation, ...], str]] = [
    (
        "16-chizhou-2017-chizheng101-sizui-shishiyijian",
        (Mutation("insert", 0, piece="\t"), Mutation("cut", 686)),
        "a run-in item marker (3) with nothing after it, at a cut: the marker was in nothing",
    ),
    (
        "chongqing-2019",
        (Mutation("cut", 1274),),
        "cut right after the table's header: 0 items and no warning (now an empty-table error)",
    ),
    (
        "chongqing-2019",
        (Mutation("swap", 192, 30),),
        "the body's 附件：… line above the table became its label; its colon was in nothing",
    ),
    (
        "chongqing-2019",
        (
            Mutation("half-width"),
            Mutation("insert", 1213, piece="附"),
            Mutation("half-width"),
        ),
        "an attachment title over two lines, trimmed by the length of its cleaned text",
    ),
    (
        "chongqing-2019",
        (
            Mutation("digit", 327, piece="1"),
            Mutation("duplicate", 925),
            Mutation("replace", piece="\n→\r"),
            Mutation("duplicate", 925),
        ),
        "the whole plan twice: the second 附件 and title stood in a header row's group, unreported",
    ),
    (
        "05-hunan-2021-fangguanfu-fengong",
        (
            Mutation("replace", piece="\t→  "),
            Mutation("swap", 30000, 48),
            Mutation("swap", 172, 0),
            Mutation("half-width line", 590),
        ),
        "按职责分工负责 after the cooperating agencies is their role, not lost text",
    ),
    (
        "chongqing-2019",
        (Mutation("insert", 5500, piece="6"),),
        "a digit in a blank areas cell, before a measure heading: the number cell was dropped",
    ),
    (
        "05-hunan-2021-fangguanfu-fengong",
        (Mutation("swap", 12289, 30000), Mutation("insert", 4896, piece="\u3000")),
        "按职\u3000责分工负责: the role 分工负责 after an agency was in nothing",
    ),
    (
        "12-taizhou-2019-jujiao-qiye-guanqie-xingdong-fangan",
        (Mutation("insert", 234, piece="Ò"), Mutation("insert", 483, piece="〕")),
        "a 〕 closing a bracket of agencies early: the 〕 was in nothing",
    ),
    (
        "05-hunan-2021-fangguanfu-fengong",
        (Mutation("insert", 2084, piece="\r"), Mutation("insert", 5595, piece="\u2028")),
        "a line break inside 牵头 in a bracket: read by the parser, reported lost by coverage",
    ),
    (
        "02-national-2019-guobanfa39-fengong",
        (
            Mutation("insert", 0, piece="、"),
            Mutation("half-width line", 315),
            Mutation("replace", piece="\n→\u2029"),
            Mutation("duplicate", 0),
        ),
        "an item's paragraph opened by ',': the parser leaves it out of the item, as it should",
    ),
    (
        "16-chizhou-2017-chizheng101-sizui-shishiyijian",
        (Mutation("insert", 680, piece="[bookmark: _GoBack]"),),
        "a Word bookmark inside 牵头负责: the role, read without it, was reported lost",
    ),
    (
        "inline-roles",
        (Mutation("insert", 316, piece="("),),
        "a bracket left open in a sentence of roles (A(会同B负责): A was dropped with its bracket",
    ),
    (
        "inline-roles",
        (
            Mutation("insert", 2000, piece="[bookmark: _GoBack]"),
            Mutation("insert", 2000, piece="[bookmark: _GoBack]"),
        ),
        "a bookmark inside 【牵头单位：: coverage joined gaps across it only from an agency on",
    ),
    (
        "16-chizhou-2017-chizheng101-sizui-shishiyijian",
        (Mutation("insert", 1744, piece="。"),),
        "。。 before an item's marker: the second 。, left out of every node, was reported lost",
    ),
    (
        "13-xiangxi-2020-zhouzhengfa5-gongzuojihua-trad",
        (
            Mutation("insert", 2010, piece="。"),
            Mutation("replace", 0, piece="\t→  "),
            Mutation("replace", 0, piece="\t→  "),
            Mutation("insert", 2010, piece="。"),
        ),
        "）。 after a bracket's deadline (…，6月底完成）。): coverage knew it only after an agency",
    ),
    (
        "inline-roles",
        (
            Mutation("insert", 20076, piece="[bookmark: _GoBack]"),
            Mutation("replace on line", 2998, piece="\t→ "),
            Mutation("insert", 26772, piece="[bookmark: _GoBack]"),
        ),
        "a bookmark between an agency and 等单位】: coverage read 等单位 apart from the agency",
    ),
    (
        "chongqing-2019",
        (
            Mutation("delete", 834, 2),
            Mutation("cut", 1463),
            Mutation("half-width line", 2218),
            Mutation("swap", 5728, 13394),
        ),
        "a row whose item cell holds only a marker (2．): its agencies went with no item, unreported",
    ),
    (
        "layout-signed-below",
        (
            Mutation("replace", piece="\t→  "),
            Mutation("swap", 22676, 661),
            Mutation("half-width line", 239),
            Mutation("half-width line", 2030),
        ),
        "a signature line moved under a 完成时限 line joined its date: the rest was in nothing",
    ),
    (
        "layout-signed-below",
        (
            Mutation("duplicate", 1356),
            Mutation("duplicate", 1356),
            Mutation("swap", 1086, 148),
        ),
        "lines of roles after a blank line below an item that had its roles: they went nowhere",
    ),
    (
        "layout-signed-below",
        (
            Mutation("insert", 10993, piece="件"),
            Mutation("insert", 10993, piece="件"),
            Mutation("swap", 10993, 3007),
            Mutation("digit", 320, piece="八"),
        ),
        "a sentence joined to a 完成时限 line: reported, but its closing 。 was in nothing",
    ),
    (
        "layout-signed-below",
        (
            Mutation("duplicate", 477),
            Mutation("insert", 2416, piece="（"),
            Mutation("duplicate", 477),
        ),
        "lines of roles joined, one with a bracket left open: only the last line's agencies",
    ),
    (
        "layout-work-points",
        (
            Mutation("replace", piece="\t→ "),
            Mutation("delete", 5071, 3),
        ),
        "lines of roles below an item whose bracket gave its own: read over the bracket's",
    ),
    (
        "layout-work-points",
        (
            Mutation("half-width line", 85),
            Mutation("half-width line", 1449),
            Mutation("delete", 929, 3),
            Mutation("delete", 10939, 2),
        ),
        "lines of roles below two items, one with its labelled roles: read over those too",
    ),
    (
        "layout-work-points",
        (
            Mutation("cut", 12100),
            Mutation("insert", 10792, piece="Â"),
            Mutation("insert", 10792, piece="Â"),
            Mutation("insert", 10792, piece="Â"),
        ),
        "a sentence of time whose date a stray letter followed: its closing 。 was in nothing",
    ),
    (
        "layout-work-points",
        (
            Mutation("insert", 193, piece="（"),
            Mutation("replace on line", 2301, piece="\t→"),
        ),
        "a bracket left open in a labelled sentence of roles: the names after it were in nothing",
    ),
    (
        "inline-roles",
        (
            Mutation("delete", 738, 1),
            Mutation("delete", 738, 1),
            Mutation("insert", 247, piece="，"),
            Mutation("insert", 247, piece="，"),
        ),
        "a line of only a comma after a last item with no agencies: the comma was in nothing",
    ),
    (
        "layout-work-points",
        (Mutation("insert", 175, piece="[bookmark: _GoBack]"),),
        "a Word bookmark between a role's label and its agency (牵头单位：[bookmark…]市市场监管局):"
        " the label was read, but counted as lost",
    ),
    (
        "13-xiangxi-2020-zhouzhengfa5-gongzuojihua-trad",
        (
            Mutation("insert", 3464, piece="（"),
            Mutation("replace", 0, piece="\n→\r\n"),
            Mutation("insert", 3464, piece="（"),
            Mutation("replace", 0, piece="\n→\r\n"),
        ),
        "a bracket opened in a lead agency's name and one after the roles: the labelled roles"
        " closed a bracket, then opened one, and their date was in nothing",
    ),
    (
        "inline-roles",
        (
            Mutation("replace", 0, piece="\t→"),
            Mutation("insert", 218, piece="[bookmark: _GoBack]"),
            Mutation("insert", 218, piece="[bookmark: _GoBack]"),
            Mutation("insert", 218, piece="[bookmark: _GoBack]"),
        ),
        "artifacts side by side between 由 and its agency: coverage joined the gaps across one"
        " artifact only, and called the 由 lost",
    ),
    (
        "layout-signed-below",
        (
            Mutation("insert", 3720, piece="一、"),
            Mutation("insert", 3720, piece="一、"),
            Mutation("delete", 753, 2),
            Mutation("insert", 3720, piece="一、"),
        ),
        "a 时限 line ending 底前一、: the 一 was reported as no date, the 、 after it was in nothing",
    ),
]


@pytest.mark.parametrize(
    ("seed", "mutations", "what"), FOUND, ids=[what[:40] for _, _, what in FOUND]
)
def test_a_once_failing_input_parses_or_fails_cleanly(
    seed: str, mutations: tuple[Mutation, ...], what: str
) -> None:
    if seed not in seed_texts():
        pytest.skip(f"{seed} is not beside this checkout (../shared/corpus)")
    verdict = judge(mutate(seed, mutations))
    assert verdict.outcome in (Outcome.PLAN, Outcome.ERROR), verdict.detail
