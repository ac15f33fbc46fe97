"""Find the measurable commitments (quantitative targets) in Chinese policy text.

`extract_targets` reads any text (a whole plan, one action item, a sentence) and returns every
target it finds, in text order, each with the exact source slice and its span:

>>> [t.text for t in extract_targets("2019年底前实现3个工作日以内办结。")]
['2019年底前', '3个工作日以内']

How the text is read (docs/targets.md has the table of kinds with examples):

* Deadlines (2019年底前, 到2022年, 印发之日起1个月内) are targets of kind DEADLINE, and the
  deadline governs the other targets of its sentence: each carries it as `Target.deadline`. A
  sentence that begins with 其中 ("of which") continues the one before it.
* A quantity is a number with a unit (3个工作日, 99.96%, 3.25元/吨, 2万人次, 160千伏安, DN100).
  A count keeps the noun right after its measure word when the noun is one plans count (3个环节
  → unit 个环节). Comparator words around it give its bound (以内, 不超过, 达到, 以上, 左右,
  100多家); a bound after the last value of a list joined by 和/及/、 bounds every value
  (40小时和1.5小时以内). A range (1至3个工作日, 3-5个工作日) is its upper value, AT_MOST.
* A change is one target: 由12个工作日缩减至7个工作日以内 has baseline 12, target 7 and a
  direction; 压缩至3个工作日 has a direction and no baseline; 降低15% is a change *by* an amount
  (RELATIVE_CHANGE); a reference year (在2017年基础上) is kept as `baseline_year`.
* Numbers that are not quantities are not reported: item markers （1） and 1．, codes (4G, 5G,
  12345), years and dates (2017年, 2019年7月23日), ordinals (第三), and Chinese numerals inside
  quotation marks, which in these plans are slogans (“一网通办”, “三个作用”, “三年行动计划”).
* A duration that belongs to a deadline (印发之日起1个月内) is part of that deadline, not a
  duration target; a number of days counted as a measure (优良天数…300天以上) is PHYSICAL.

Every pattern is compiled once, has no nested quantifiers over overlapping classes, and looks
around a match only within a bounded window, so extraction runs in linear time on any input.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import operator
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

import attrs
import regex

from ._lazy import LazyPattern, LazyStdlibPattern
from .dates import (
    DATE_ANCHORS,
    DATE_SCAN,
    DEADLINE_ANCHORS,
    DEADLINE_PATTERNS,
    deadline_from_match,
)
from .errors import ParseError
from .fold import fold
from .model import (
    Comparator,
    Deadline,
    Direction,
    Quantity,
    Span,
    Target,
    TargetKind,
    TargetRole,
)
from .numbers import NUMBER_PATTERN, parse_number

__all__ = ["extract_targets"]

# --- vocabularies --------------------------------------------------------------------------------

# Each unit word as plans write it → (kind, normalised unit). No unit is a magnitude followed by
# another unit (千米 would read as 千 + 米), so that 5千米 is read one way only: 5000 米.
_UNITS: dict[str, tuple[TargetKind, str]] = {
    **{word: (TargetKind.DURATION, unit) for word, unit in {
        "个工作日": "个工作日", "工作日": "个工作日",
        "个自然日": "个自然日", "自然日": "个自然日",
        "个月": "个月", "个小时": "小时", "小时": "小时", "分钟": "分钟",
        "个星期": "周", "星期": "周", "周": "周",
        "天": "天", "日": "日", "年": "年",
    }.items()},
    **dict.fromkeys(("%", "％"), (TargetKind.PERCENTAGE, "%")),
    **dict.fromkeys(("个百分点", "百分点"), (TargetKind.PERCENTAGE_POINTS, "个百分点")),
    **{word: (TargetKind.COUNT, word) for word in (
        "个", "件", "家", "种", "项", "类", "次", "人次", "户次", "家次", "批次",
        "名", "人", "户", "台", "套", "条", "份", "座", "辆", "宗", "笔",
    )},
    **{word: (TargetKind.PHYSICAL, unit) for word, unit in {
        "千伏安": "千伏安", "kVA": "千伏安", "千伏": "千伏", "kV": "千伏",
        "千瓦时": "千瓦时", "千瓦": "千瓦", "兆瓦": "兆瓦",
        "公里": "公里", "km": "公里", "米": "米",
        "平方公里": "平方公里", "平方米": "平方米", "㎡": "平方米", "立方米": "立方米",
        "公顷": "公顷", "亩": "亩", "吨": "吨",
        "km/km2": "km/km2", "km/km²": "km/km2", "公里/平方公里": "km/km2",
    }.items()},
    "倍": (TargetKind.MULTIPLE, "倍"),
}  # fmt: skip
# Currencies a money amount is written in; 分 (a hundredth of a yuan) only in a price per unit.
_CURRENCIES = ("元", "美元", "欧元", "港元", "港币", "日元", "英镑")

# What plans count, written right after the measure word: 3个环节, 5个阶段, 20项证明事项. The noun
# joins the count's unit (个环节), so that 3个环节 and 3个窗口 are not both "3个". The list is
# closed on purpose: an open run of characters after 个 would swallow whatever the sentence says
# next (20个重要方面, 6个首批…), and a word missing here only leaves the unit as bare as before.
# Compounds come with their head (证明事项 before 证明): the longest one written wins.
_COUNTED_NOUNS = (
    # steps of a procedure
    "环节", "阶段", "步骤", "程序",
    # what an applicant files or is asked for
    "事项", "审批事项", "许可事项", "证明事项", "服务事项", "政务服务事项", "材料", "申请材料",
    "证明", "证照", "证件", "表格", "表单",
    # where and by whom it is handled
    "窗口", "部门", "机构", "企业", "中心", "平台", "系统", "园区", "基地", "基站", "站点", "网点",
    "试点", "示范区", "区县", "城市", "断面",
    # what is counted as work
    "项目", "批次", "类别", "领域", "行业", "方面", "指标", "场景", "专项", "清单",
)  # fmt: skip
# The measure words a counted noun may follow; 人次, 户次 and the like count people, not things.
_NOUN_MEASURE_WORDS = frozenset(("个", "项", "件", "类", "种", "家", "份", "套", "条", "座"))

# What a price is counted per: 3.25元/吨, 每件550元.
_PER_UNITS = (
    "吨", "件", "户", "人次", "人", "次", "个", "张", "套", "辆", "台", "份", "页", "箱", "标箱",
    "平方米", "立方米", "千瓦时", "度", "方", "公里", "千米", "米", "公斤", "千克", "斤",
    "月", "年", "天", "日", "小时",
)  # fmt: skip

# A unit word followed by these characters is the start of another word: 项目, 条件, 家庭,
# 天然气, 人民, 周边, 年级, 一次性 (the measure word 次 + the suffix 性).
_NOT_FOLLOWED_BY: dict[str, str] = {
    "项": "目", "条": "件例款", "家": "庭长属", "天": "然", "人": "民员才大",
    "周": "边年", "年": "级度", "日": "常", "个": "性人体",
}  # fmt: skip
_NEVER_FOLLOWED_BY = "性"

_DECREASE_VERBS = ("压缩", "压减", "缩减", "缩短", "减少", "降低", "下降", "削减", "精简", "简化",
                   "下调", "下浮", "缩小", "减小", "压降")  # fmt: skip
_INCREASE_VERBS = ("提高", "提升", "增加", "增长", "扩大", "放宽", "延长", "上调", "上浮", "上升")
# Speed-up verbs: a share after them is how much faster (审批提速60%); a time after them
# (提速至3个工作日) is shorter, so they change shares only.
_SPEED_VERBS = ("提速", "提效")
_DIRECTIONS: dict[str, Direction] = {
    **dict.fromkeys((*_DECREASE_VERBS, "减", "降"), Direction.DECREASE),
    **dict.fromkeys((*_INCREASE_VERBS, *_SPEED_VERBS, "增", "升"), Direction.INCREASE),
}

# Comparator words before a number. Tight ones must touch it (约定 is not 约); loose ones may
# stand a few characters away (至少完成2次, 不高于各项贷款不良率2个百分点).
_LOOSE_PREFIXES: dict[str, Comparator] = {
    **dict.fromkeys(("不超过", "不高于", "不多于", "不大于", "控制在", "最多", "至多", "最高",
                     "不得超过", "不得高于", "不得多于", "最长不超过", "最长不得超过",
                     "最多不超过", "最高不超过"), Comparator.AT_MOST),
    **dict.fromkeys(("至少", "最少", "不少于", "不低于", "不小于", "达到"), Comparator.AT_LEAST),
}  # fmt: skip
_TIGHT_PREFIXES: dict[str, Comparator] = {
    **_LOOSE_PREFIXES,
    "达": Comparator.AT_LEAST,
    **dict.fromkeys(("约", "近", "大约"), Comparator.ABOUT),
    **dict.fromkeys(("低于", "少于", "不足", "不到", "小于", "不满"), Comparator.LESS_THAN),
    **dict.fromkeys(("超过", "高于", "多于", "大于", "超", "逾", "突破"), Comparator.MORE_THAN),
}
# A bound that leaves out its own value: 以下(不含6亩) is below, 以上(不含) is above.
_EXCLUSIVE = {Comparator.AT_MOST: Comparator.LESS_THAN, Comparator.AT_LEAST: Comparator.MORE_THAN}
_SUFFIXES: dict[str, Comparator] = {
    **dict.fromkeys(("以内", "之内", "内", "以下", "及以下"), Comparator.AT_MOST),
    **dict.fromkeys(("以上", "及以上"), Comparator.AT_LEAST),
    "左右": Comparator.ABOUT,
}
# The bounds a change in words takes (压缩一半以上), and a share a value is brought to
# (压缩至法定时限的一半以内): only the second may be bounded from above.
_BOUNDS_AFTER_A_CHANGE = frozenset(("以上", "及以上", "左右"))
_BOUNDS_AFTER_A_SHARE = _BOUNDS_AFTER_A_CHANGE | {"以内", "之内", "以下", "及以下"}

# A Chinese numeral token this long or an Arabic one this long is not a quantity in prose; the
# limit keeps parsing constant-time per token on hostile input (a megabyte of digits).
_MAX_NUMBER_LENGTH = 24
_ARABIC_DIGITS = frozenset("0123456789０１２３４５６７８９")


def _alternation(words: Iterable[str]) -> str:
    # Longest first, so that 个工作日 wins over 个 and 千伏安 over 千伏.
    return "|".join(regex.escape(word) for word in sorted(set(words), key=len, reverse=True))


# --- patterns ------------------------------------------------------------------------------------

_NUMBER = NUMBER_PATTERN.pattern
# Characters that end a clause (the scope of a comparator or a change) and a sentence (the scope
# of a deadline). 、 joins the items of a list and ends neither.
_CLAUSE_PUNCTUATION = "，。；：！？,;:!?\n"

# Scanned over every text and tried at every number: compiled with the standard library's engine,
# which runs this pattern (plain classes, alternations, one lookbehind) about twice as fast.
_QUANTITY = LazyStdlibPattern(
    rf"""
    (?P<number> {_NUMBER} ) [ ]?
    (?: (?P<approx> 多 | 余 ) (?P<magnitude> 万亿 | [万亿萬億] )? )?
                                                  # 100多家, 300余个, 3000多万户: more than
    (?:
        (?P<money> {_alternation(_CURRENCIES)} | 分 (?! [钟之] ) )
        (?: (?: [/／] | 每 ) (?P<per> {_alternation(_PER_UNITS)} ) )?
                                                              # 80元, 3.25元/吨, 100万美元, 4.28分
      | (?P<unit> {_alternation(_UNITS)} )                    # 个工作日, %, 件, 千伏安, ...
    )
    """,
    re.VERBOSE,
)
_PRICE_PER = LazyPattern(
    rf"""
    每 (?P<per> {_alternation(_PER_UNITS)} ) [ ]?            # 每件550元: the price of one
    (?P<number> {_NUMBER} ) [ ]? (?P<money> 元 )
    """,
    regex.VERBOSE,
)
# 每千瓦时(下调4.28分): what a price written in 分 is per.
_PER_BEFORE = LazyPattern(rf"每 (?P<per> {_alternation(_PER_UNITS)} )", regex.VERBOSE)
# Half a unit of time as a time limit: 缩短为半天, 半个工作日办结. Not 上半年 or 每半月 (dates and
# periods), nor 一半 (a share).
_HALF_TIME = LazyStdlibPattern(
    r"""
    (?<! [上下多每前后大一] ) (?P<number> 半 )
    (?P<unit> 个工作日 | 个小时 | 小时 | 天 | 日 | 个月 )
    """,
    re.VERBOSE,
)
_HALF_VALUE = Decimal("0.5")
_NOMINAL_DIAMETER = LazyPattern(
    r"""
    (?<! [A-Za-z] ) (?: DN | dn | Dn ) [ ]?                  # DN100: a pipe's nominal diameter
    (?P<number> [0-9０-９]{1,5} ) (?! [0-9０-９] )
    """,
    regex.VERBOSE,
)
_PERCENT_IN_WORDS = LazyPattern(
    rf"""
    (?: (?P<per> 百 | 千 | 万 )                                 # 百分之九十, 千分之三, 万分之五
      | (?<! [0-9０-９〇零一二两三四五六七八九十百千万亿] )
        (?P<denominator> [二三四五六七八九十] ) )               # 三分之一, 五分之二: a fraction
    分之 (?P<number> {_NUMBER} )
    """,
    regex.VERBOSE,
)
_PER_HUNDRED = {"百": Decimal(1), "千": Decimal("0.1"), "万": Decimal("0.01")}
# A place in a ranking at most: 进入全国前10位, 排名前20名 (not 前10名员工次, nor 第10名).
# The standard engine scans for the literal 前 itself, far faster than a match tried at each 前
# (most of them 年底前).
_RANK = LazyStdlibPattern(
    rf"前 (?P<number> {_NUMBER} ) [ ]? (?P<unit> 名 | 位 ) (?! 次 )", re.VERBOSE
)
# Doubling as plans count it: 翻一番 (twice as much), 翻两番 (four times), 翻番.
_DOUBLING = LazyPattern(r"翻 (?P<times> 一 | 两 | 二 | 三 )? 番", regex.VERBOSE)
_DOUBLINGS = {None: 1, "一": 1, "两": 2, "二": 2, "三": 3}
# A half: a change by half (压缩一半, 再减少一半, 减半) or to half of a reference (压缩至法定时限的
# 一半). The reference is a short run of words before 的, within the clause.
# The pattern is anchored on 半, the words before it read behind, so the scan skips to 半.
_HALF = LazyPattern(
    rf"""
      (?<= (?P<verb> {_alternation(_DECREASE_VERBS + _INCREASE_VERBS)} ) 了?
           (?: (?P<to> 至 | 到 | 为 )
               (?: (?P<reference> [^0-9{_CLAUSE_PUNCTUATION}、()“”]{{1,16}}? ) 的 )? )?
           一 ) 半
    | (?<= (?P<verb> 减 | 降 ) ) 半 (?! [年天日月个小数径] )                    # 减半征收
    """,
    regex.VERBOSE,
)
# Work with no end date, written where a deadline would be (完成时限: 持续推进): alone in its
# clause or cell, not the verb of a sentence (持续推进减时间…).
_ONGOING = LazyPattern(
    rf"""
    [持长] (?: 续推进 | 期坚持 | 期推进 | 续开展 | 期 )   # 持续推进, 长期坚持, 长期
    (?= $ | [{_CLAUSE_PUNCTUATION}、()\t ] )
    """,
    regex.VERBOSE,
)
# What the ongoing words may follow: a clause's start, or the start of the work (2020年起持续推进).
_ONGOING_AFTER = frozenset(_CLAUSE_PUNCTUATION + "、()\t 起")
_SERVICE_HOURS = LazyPattern(
    r"""
    (?<! [0-9０-９] )
    (?P<days> [1-7１-７] | [一二三四五六七] ) [ ]? [×xX*＊✕] [ ]?      # 7×, 5×: days a week
    (?P<hours> 2[0-4] | 1[0-9] | [1-9] | ２[０-４] | １[０-９] | [１-９]
             | 二十[一二三四]? | 十[一二三四五六七八九]? | [一二三四五六七八九] )
    (?! [0-9０-９] ) [ ]? (?: 个 )? 小时                       # 24小时: hours a day
    """,
    regex.VERBOSE,
)
_ON_THE_SPOT = LazyStdlibPattern(  # the standard engine scans literals faster
    r"""
    立等可取 | 即来即办 | 即办即结 | 即时办结 | 当场办结 | 当场办理 | 当即办结 | 立即办结
    """,
    re.VERBOSE,
)
# Quotation marks around a short phrase: a slogan in these plans (“一网通办”, “三个作用”).
_QUOTED = LazyStdlibPattern(  # the standard engine scans literals faster
    r"""
    “ [^“”\n]{0,40} ”            # Chinese double quotes
  | 「 [^「」\n]{0,40} 」          # corner brackets
  | " [^"\n]{0,40} "             # ASCII quotes, in plain-text exports
    """,
    re.VERBOSE,
)
# A change verb and the word that introduces the new value: 缩减至, 简化为, 压减环节至, 减按.
_CHANGE_TO = LazyPattern(
    rf"""
      (?P<verb> {_alternation(_DECREASE_VERBS + _INCREASE_VERBS)} )
      (?P<object> [^0-9０-９{_CLAUSE_PUNCTUATION}]{{0,16}}? )  # 压减(环节)至: what changes
      (?P<to> 至 | 到 | 为 )
    | (?P<verb> 减 | 降 | 增 | 升 ) (?P<object>) (?P<to> 至 | 到 | 为 )   # 减至, 降为
    | (?P<verb> 减 ) (?P<object>) (?P<to> 按 )                          # 减按50%征收
    """,
    regex.VERBOSE,
)
# A change verb that touches the amount: 降低15%, 压缩60% (a change by the amount).
_CHANGE_BY_BEFORE = LazyPattern(
    rf"(?P<verb> {_alternation(_DECREASE_VERBS + _INCREASE_VERBS + _SPEED_VERBS)} ) 了? \Z",
    regex.VERBOSE,
)
# A change verb, what changes, and a share it changes by: 降低企业用电成本10%, 压缩审批时间50%.
# What changes holds no bound or verb of a level (达到, 不低于, 至), and is no rate or share
# (提高网办率90% states a level, not a change).
_CHANGE_BY_OBJECT_BEFORE = LazyPattern(
    rf"""
    (?P<verb> {_alternation(_DECREASE_VERBS + _INCREASE_VERBS)} )
    (?P<object> [^0-9０-９{_CLAUSE_PUNCTUATION}、“”（）()至到为达约近不超低高少多在于占比]{{2,8}} )
    (?<! (?<! 效 ) 率 | 度 | 重 ) \Z
    """,
    regex.VERBOSE,
)
# The first characters of the change verbs: a window without one holds no verb to search for.
_CHANGE_VERB_FIRSTS = frozenset(verb[0] for verb in _DECREASE_VERBS + _INCREASE_VERBS)
_TOUCHING_VERB_FIRSTS = _CHANGE_VERB_FIRSTS | {verb[0] for verb in _SPEED_VERBS}
_TIGHT_PREFIX_BEFORE = LazyPattern(
    rf"(?P<word> {_alternation(_TIGHT_PREFIXES)} ) [ ]? \Z", regex.VERBOSE
)
_LOOSE_PREFIX_BEFORE = LazyPattern(
    rf"""
    (?P<word> {_alternation(_LOOSE_PREFIXES)} )
    (?P<gap> [^0-9０-９{_CLAUSE_PUNCTUATION}、“”（）()]{{1,8}} ) \Z
    """,
    regex.VERBOSE,
)
_SUFFIX_AFTER = LazyPattern(
    r"""
    [ ]?
    (?: \( [^()\n]{1,20} \) [ ]? )?                       # 8.5天(指工作日,下同)以内: an aside
    (?P<word> 及以上 | 及以下 | 以上 | 以下 | 以内 | 之内 | 左右
            | 内 (?! [部容外资涵] ) )                           # 内, not 内部 or 内资
    (?: [ ]? (?P<exclusive> \( 不 (?: 含 | 包括 ) [^()\n]{1,12} \) )   # 6亩以下(不含6亩)
      | [ ]? \( (?: 含 | 包括 ) [^()\n]{1,12} \) )?
    """,
    regex.VERBOSE,
)
# A number that is not a quantity by what follows it: a meeting's session (七届44次会议), a day of
# the month a news item is dated (财政部1日发布).
_SESSION_AFTER = LazyPattern(r"(?: 常务 | 全体 )? (?: 会议 | 全会 | 常委会 )", regex.VERBOSE)
_DAY_DATED_AFTER = LazyPattern(
    r"""(?: 发布 | 印发 | 召开 | 举行 | 出台 | 公布 | 宣布 | 电 | 讯 | 起施行 | 起实施
          | 上午 | 下午 )""",
    regex.VERBOSE,
)
# A book title (《…》) names a document: its numbers (三年行动计划, 2022-2024) are part of a name.
_TITLE = LazyPattern(r"《 [^《》\n]{0,80} 》", regex.VERBOSE)
# Counts of a text's own parts (五个方面, 26条具体措施, 三项工作): they describe the text, they
# promise nothing.
_OWN_PARTS_AFTER = LazyPattern(
    r"""
    (?: 具体 | 重点 | 主要 | 重大 | 政策 | 改革 | 配套 )?
    (?: 措施 | 举措 | 方面 | 层面 | 维度 | 板块 | 任务 | 工作 (?! 日 ) | 政策 | 意见 | 行动 | 原则
      | 要求 )
    """,
    regex.VERBOSE,
)
# A span of time that names a plan or a campaign (三年行动计划, 三年提升行动, 五年规划). Not one
# bounded or measured (三年内完成…规划, 三年时间, 为期): those are time limits.
_PLAN_NAME_AFTER = LazyPattern(
    r"[^\p{P}\s0-9０-９内以之前完时期]{0,4}? (?: 行动 | 计划 | 规划 | 方案 | 攻坚 )", regex.VERBOSE
)
_NAMING_SPANS = frozenset(("年", "个月", "天", "日"))
# The first characters of those names' words: a cheap test before the match is tried.
_PLAN_NAME_FIRSTS = frozenset("行计规方攻")
# A class written with a Chinese numeral (一类、二类出口企业, 一类口岸): a rank, not a count.
# The class may be one of a list of classes of the same noun (一类、二类出口企业).
_CLASS_LABEL_AFTER = LazyPattern(
    r"""
    (?: 、 [一二三四五六七八九] 类 )?
    (?: 出口企业 | 企业 | 地区 | 城市 | 人员 | 区域 | 口岸 | 资质 | 纳税人 )
    """,
    regex.VERBOSE,
)
# What a status report says: the figures of a sentence with these words and no commitment were
# measured, not promised (截至2020年3月…达6.94亿, 耗时10分钟, 原需6个工作日).
_STATUS_WORDS = LazyPattern(
    r"""
    截至 | 截止 (?! 日期 | 时间 ) | 数据显示 | 统计显示 | 累计 | 同比 | 原需 | 原来需要 | 耗时
  | 耗费
  | (?<! [由从比较将把对与按] ) 目前 (?! 的 )                 # 目前全国市场主体超1亿户
  | 花费 | 现已 | 已超 | 已达 | 已经达 | 已有 | 已累计 | 已完成 | 已实现 | 已压缩 | 已减少
  | (?: 压缩 | 压减 | 缩短 | 减少 | 降低 | 下降 | 提高 | 提升 | 增长 | 增加 ) 了   # 压缩了78.89%
  | (?: 到 | 至 | 为 ) 现在的                                  # 由过去的15天压缩到现在的3天
  | 去年 | 以来 | 前 [一二三] 季度                          # 今年以来, 今年前三季度: so far
  | 据统计 | 据介绍 | 据悉 | 获悉 | 共有 | 现有 | 实有         # 据统计…, 我市共有市场主体52.3万户
  # A change against a past year measured to hundredths (较2017年压缩78.89%): plans promise
  # round figures (在2017年基础上压缩60%), reports give what was measured.
  | (?: 较 | 比 ) [0-9]{4} 年 [^,;:。!?\n0-9]{0,8}? [0-9]{1,3} \. [0-9]{2,} [ ]? %
    """,
    regex.VERBOSE,
)
# A year at the head of a sentence (2018年，全市…): before the plan's own year, what follows
# reports the past.
_LEADING_YEAR = LazyPattern(r"[ \u3000]* (?P<year> [0-9]{4} ) [ ]? 年", regex.VERBOSE)
# What a plan says: a sentence with these words promises, whatever else it reports.
# Plain literals: the standard engine searches a sentence for them in half the time.
_COMMITMENT_WORDS = LazyStdlibPattern(
    r"""
    要 | 将 | 力争 | 确保 | 争取 | 目标 | 必须 | 应当 | 不超过 | 不得超过 | 控制在 | 以内 | 之内
    """,
    re.VERBOSE,
)
# 已 right before the verb of a figure: 已超1亿户, 已达6.94亿 — reported, in any sentence.
_ALREADY_BEFORE = LazyPattern(r"已 (?: 经 )? [^0-9,;:。!?、\n]{0,4} \Z", regex.VERBOSE)
# What a measure gives: a bound figure before these nouns sizes the benefit.
_BENEFIT_AFTER = LazyPattern(
    r"补助 | 补贴 | 奖励 | 奖补 | 资助 | 扶持 | 贴息 | 优惠 | 比例 | 额度 | 资金 | 支持 | 减免",
    regex.VERBOSE,
)
# The words that give a benefit to someone: 对…企业给予奖励. A bound figure before them bounds
# who receives it (超过1000万元的企业给予奖励), not what is given.
_GIVING = ("给", "予以", "享受", "获得")
# Who or what a measure covers, right after a bound size or amount with no 的 between: 160千瓦及
# 以下小微企业, 5000万元以上项目. (A count's noun is what is counted: 10家以上企业.)
_ENTITY_AFTER = LazyPattern(
    r"""
    [^,;:。!?\n()、的]{0,4}?
    (?: 企业 | 项目 | 工程 | 用户 | 客户 | 纳税人 | 市场主体 | 经营主体 | 个体工商户 | 商户 )
    """,
    regex.VERBOSE,
)
# What the things a share counts are to achieve: 50%以上的审批事项实现“秒批”.
_ACHIEVED_AFTER = LazyPattern(r"[^,;:。!?\n()]{0,12}? (?: 实现 | 达到 | 做到 )", regex.VERBOSE)
# What a bound figure qualifies: 不满1千伏的, 6亩以下(不含6亩)的, 小于100米、不影响交通的工程.
_SCOPE_AFTER = LazyPattern(r"[^,;:。!?\n()]{0,12}? 的", regex.VERBOSE)
# 由/从 before the value a change starts from, a few words away at most (从不高于…2个百分点).
# The gap may open with the year the baseline was measured in: 由2018年的60%提升至…. Without
# 由, what is now names the baseline: 将目前的20个环节压缩至10个.
_FROM_BEFORE = LazyPattern(
    rf"""
    (?P<from> 由 | 从 | (?: 目前 | 现在 | 当前 | 现行 | 原来 | 原有 ) 的 )
    (?P<gap> (?: [0-9]{{4}} [ ]? 年 (?: 底 | 末 )? )? [^0-9０-９{_CLAUSE_PUNCTUATION}]{{0,12}} ) \Z
    """,
    regex.VERBOSE,
)
_FROM_NUMBER_BEFORE = LazyPattern(
    rf"""
    (?P<from> 由 | 从 ) (?P<gap> [^0-9０-９{_CLAUSE_PUNCTUATION}]{{0,12}}? )
    (?P<number> {_NUMBER} ) [ ]? \Z                            # 由12减至7个工作日
    """,
    regex.VERBOSE,
)
_BARE_NUMBER = LazyPattern(_NUMBER, regex.VERBOSE)
# The two ends of a range: 1至3个工作日, 3-5个工作日, 3～5天, 5%—10%. Only a joiner touching both
# numbers makes a range, so that 压缩至3个工作日 and 从立项到竣工 are not ranges.
_RANGE_JOINERS = frozenset("至到-－~～—–―")
_RANGE_JOINER = r"[ ]? (?: 至 | 到 | [-－~～—–―] ) [ ]?"
_RANGE_BETWEEN = LazyPattern(_RANGE_JOINER, regex.VERBOSE)
_RANGE_LOWER_BEFORE = LazyPattern(
    rf"(?P<number> {_NUMBER} ) {_RANGE_JOINER} \Z",  # 1至(3个工作日): a bare lower end
    regex.VERBOSE,
)
# The words that join the values of a list: 40小时和1.5小时以内, 5个、3个以上.
_LIST_BETWEEN = LazyPattern(r"[ ]? (?: 和 | 与 | 及 | 以及 | 或 | 、 ) [ ]?", regex.VERBOSE)
_COUNTED_NOUN = LazyPattern(
    rf"""
    (?! 中心城 )                                             # 中心城区 is a place, not centres
    (?P<noun> {_alternation(_COUNTED_NOUNS)} )
    """,
    regex.VERBOSE,
)
# The words that make a year a reference point: 在2017年基础上, 比2017年, 与2017年相比.
_REFERENCE_AFTER_YEAR = LazyPattern(
    r"的? (?: 基础上 | 为基数 | 为基准 | 为基期 | 水平上 | 同期相比 | 相比 | 同期 )", regex.VERBOSE
)
_REFERENCE_LEADS = frozenset("在以比较与同")
# The words before what a multiple is of (按照…利率的1.5倍, 为上年的2倍).
_REFERENCE_LEADS_WORDS = ("按照", "按", "为", "至", "到", "是", "相当于", "达到", "的")
# 万人, 每万人口, 每百户: what a count is a rate of (万人发明专利拥有量达到9.2件).
_PER_CAPITA = LazyPattern(
    r"""
    (?<! [0-9０-９〇零一二两三四五六七八九十百千万亿] )
    (?: 每 (?P<scale> 十万 | 百万 | 千万 | 十 | 百 | 千 | 万 | 亿 )
      | (?P<scale> 十万 | 百万 | 千万 | 百 | 千 | 万 | 亿 ) )        # 十户 alone counts ten
    (?P<base> 人口 | 人 | 户 | 家 ) (?! 次 )
    """,
    regex.VERBOSE,
)
# A count of days as a measure (优良天数…300天以上), not a time limit. The days a procedure
# takes (审理天数, 办理天数) are its time limit.
_DAY_COUNT = LazyPattern(
    r"(?<! 审理 | 办理 | 审批 | 办结 | 结案 | 审查 | 处理 | 用时 ) (?: 天数 | 日数 )", regex.VERBOSE
)
# The breaks are found in every text, each one a match: the standard library's engine finds
# single characters faster than `regex` does, and these two patterns need nothing more.
_CLAUSE_BREAK = LazyStdlibPattern(rf"[{_CLAUSE_PUNCTUATION}]")
# A sentence ends at 。！？ or a line break, but 。其中… goes on with the same sentence.
_SENTENCE_BREAK = LazyStdlibPattern(r"[！？!?\n] | 。(?! [ \u3000]{0,4} 其中 )", re.VERBOSE)
# The marks that end a sentence, a subset of _CLAUSE_PUNCTUATION (。 not before 其中).
_SENTENCE_MARKS = frozenset("！？!?\n。")

# Anchors: a pattern runs only over a text that holds one of these words (as for the deadline
# patterns, dates.DEADLINE_ANCHORS), since every match of it holds one.
# With a number, every match holds one of the words at most that many characters after its start,
# and only those starts are tried (see _anchored_matches).
_ON_THE_SPOT_ANCHORS = (("即", "当场", "立等"), 1)  # 立即办结, 当即办结: 即 one character in
_ONGOING_ANCHORS = (("持续", "持期", "长续", "长期"), 0)  # [持长] then 续… or 期…
_QUANTITY_PATTERNS: tuple[
    tuple[LazyPattern | LazyStdlibPattern, tuple[str, ...], int | None], ...
] = (
    (_QUANTITY, (), None),  # a number with a unit: no cheap test
    (_PRICE_PER, ("每",), 0),
    (_NOMINAL_DIAMETER, ("DN", "dn", "Dn"), 0),
    (_PERCENT_IN_WORDS, ("分之",), None),
    (_RANK, ("前",), None),
    (_HALF_TIME, ("半",), 0),
)
_TITLE_ANCHORS = ("《",)
_QUOTED_ANCHORS = ("“", "「", '"')
_CHANGE_TO_ANCHORS = ("至", "到", "为", "按")
_PER_CAPITA_ANCHORS = ("人", "户", "家")
_DAY_COUNT_ANCHORS = (("天数", "日数"), 0)
# Candidates sort by start, then the longest (the end is stored negated), then the rank.
_SPAN_AND_RANK = operator.itemgetter(0, 1, 2)
_START = operator.methodcaller("start")


def _goes_on(text: str) -> set[int]:
    """Return where a 。 does not end the sentence: 。其中…, or 。 其中… with up to four spaces."""
    positions = set()
    index = text.find("其中")
    while index >= 0:
        before = index - 1
        while before >= 0 and index - before <= 5 and text[before] in " \u3000":
            before -= 1
        if before >= 0 and index - before <= 5 and text[before] == "。":
            positions.add(before)
        index = text.find("其中", index + 1)
    return positions


# More than one anchor word in this many characters, and the whole scan is the cheaper.
_DENSE = 64


def _anchored_matches(
    pattern: LazyPattern | LazyStdlibPattern,
    text: str,
    anchors: tuple[str, ...],
    lead: int,
    dense: int | None = _DENSE,
) -> Iterator[Any]:
    """Yield what `pattern.finditer(text)` yields, trying only starts near an anchor word.

    Exact for a pattern every match of which holds one of `anchors` at most `lead` characters
    after its start: a start no anchor follows that closely cannot match. A few `str.find`
    passes and a match attempt at a handful of starts cost far less than the engine's scan
    of every start, and each start is tried at most once, so the time stays linear. Where
    anchor words are `dense` (more than one in that many characters), the whole scan runs.
    """
    most = len(text) // dense if dense is not None else len(text)
    hits: list[int] = []
    for word in anchors:
        index = text.find(word)
        while index >= 0:
            hits.append(index)
            if len(hits) > most:
                # Anchor words everywhere (a hostile or degenerate text): one scan costs less
                # than a match attempt at nearly every start.
                yield from pattern.finditer(text)
                return
            index = text.find(word, index + 1)
    hits.sort()
    untried = 0  # starts before this were tried, or lie inside a match already yielded
    for hit in hits:
        start = max(untried, hit - lead)
        while start <= hit:
            match = pattern.match(text, start)
            if match is None:
                start += 1
            else:
                yield match
                start = match.end()
        untried = max(untried, start)


def _holds_any(text: str, words: tuple[str, ...], known: dict[str, bool] | None = None) -> bool:
    """Tell whether `text` holds one of `words`: a test that skips a scan which cannot match.

    `known` keeps what earlier tests of the same text found: looking for a word of two common
    characters (国庆 in a text full of 国 and 重庆) costs a scan of the whole text when it is
    absent, and several patterns share anchor words.
    """
    # A loop, not any() over a generator, which costs more than the tests themselves.
    for word in words:
        found: bool | None
        if known is None:
            found = word in text
        else:
            found = known.get(word)
            if found is None:
                found = known[word] = word in text
        if found:
            return True
    return False


# --- the extraction ------------------------------------------------------------------------------


def extract_targets(
    text: str,
    *,
    offset: int = 0,
    issue_date: datetime.date | None = None,
    year: int | None = None,
) -> tuple[Target, ...]:
    """Find every quantitative target in `text`, in text order.

    Each target's `text` is the exact slice of `text` it comes from, and its `span` the offsets
    of that slice plus `offset` (pass the slice's start when `text` is part of a document).
    `issue_date` resolves relative deadlines (印发之日起1个月内) and years left implicit
    (年底前); `year`, the plan's year when it is not the issue date's (an annual plan's title
    names it), resolves the latter instead. Never raises for any `text`; raises ValueError for
    a negative `offset`.

    >>> [str(t.quantity) for t in extract_targets("由12个工作日缩减至7个工作日以内")]
    ['7个工作日']
    """
    if offset < 0:
        raise ValueError(f"offset must be >= 0, got {offset}")
    return _Extraction(text, issue_date, year).targets(offset)


@attrs.define
class _Found:
    """A quantity as first read, before its context (comparators, changes) is looked at."""

    start: int
    end: int
    kind: TargetKind
    quantity: Quantity
    approximate: bool = False  # 100多家
    is_baseline: bool = False  # 由12个工作日(缩减至…): read as part of the change after it
    range_start: int | None = None  # where a range this is the upper end of starts (1至3个)


@attrs.define
class _Reading:
    """A target being assembled: where it starts and ends, and what it says."""

    start: int
    end: int
    kind: TargetKind
    quantity: Quantity | None = None
    comparator: Comparator = Comparator.EXACTLY
    baseline: Quantity | None = None
    direction: Direction | None = None
    deadline: Deadline | None = None
    baseline_year: int | None = None
    bound_after: bool = False  # the comparator is a word after the number (以内, 以上, 左右)
    reference: str | None = None
    role: TargetRole = TargetRole.COMMITMENT


@attrs.define
class _Half:
    """A half as plans write it: 压缩一半 (by half), 压缩至法定时限的一半 (to half of something)."""

    direction: Direction
    by: bool
    reference: str | None


@attrs.define
class _Doubling:
    """翻一番 (times 1: twice as much), 翻两番 (times 2: four times as much)."""

    times: int


@attrs.define
class _Marker:
    """A change verb with its 至/为 (缩减至), and the baseline found before it, if any."""

    start: int
    end: int
    direction: Direction
    adjacent_object: bool  # 缩减至 (the verb touches 至), not 压减环节至
    baseline: Quantity | None = None
    baseline_start: int | None = None
    baseline_comparator: Comparator | None = None
    baseline_kind: TargetKind | None = None
    used: bool = False  # whether the new value of the baseline has been read


class _Breaks:
    """Positions of clause or sentence breaks, to find the clause around an offset in log time."""

    def __init__(self, positions: list[int], length: int) -> None:
        self.positions = positions
        self.length = length

    @classmethod
    def of_clauses(cls, text: str) -> _Breaks:
        """Find the clause breaks of `text`."""
        # The pieces between breaks are cheaper to make than a match object per break.
        positions = []
        position = -1
        for piece in _CLAUSE_BREAK.split(text)[:-1]:
            position += len(piece) + 1
            positions.append(position)
        return cls(positions, len(text))

    def sentences(self, text: str) -> _Breaks:
        """Return the sentence breaks of `text`, whose clause breaks these are.

        Every sentence break (！？!?, a line break, and 。 unless 其中 goes on with the sentence)
        is a clause break too: picking them out of these is what `_SENTENCE_BREAK` finds, without
        a second scan of the text.
        """
        positions = [position for position in self.positions if text[position] in _SENTENCE_MARKS]
        if "其中" in text:
            going_on = _goes_on(text)
            positions = [position for position in positions if position not in going_on]
        return _Breaks(positions, self.length)

    def start_of(self, position: int) -> int:
        index = bisect.bisect_left(self.positions, position)
        return self.positions[index - 1] + 1 if index else 0

    def end_of(self, position: int) -> int:
        index = bisect.bisect_left(self.positions, position)
        return self.positions[index] if index < len(self.positions) else self.length


class _Extraction:
    def __init__(self, text: str, issue_date: datetime.date | None, year: int | None) -> None:
        # Patterns read the folded copy (Simplified, half-width); target texts come from the
        # source, which the fold keeps aligned character for character.
        self.source = text
        text = self.text = fold(text)
        self.issue_date = issue_date
        self.year = year
        self.titles = (
            [match.span() for match in _TITLE.finditer(text)]
            if _holds_any(text, _TITLE_ANCHORS)
            else []
        )
        self.title_starts = [start for start, _ in self.titles]
        self.as_of: list[int] = []  # where a 截至 date starts: a status report's date
        self.quoted = (
            [match.span() for match in _QUOTED.finditer(text)]
            if _holds_any(text, _QUOTED_ANCHORS)
            else []
        )
        self.quoted_starts = [start for start, _ in self.quoted]
        self.reference_years: list[tuple[int, int, int]] = []  # (start, end, year)
        self.reference_starts: list[int] = []

    # The breaks are found when a candidate needs them: most items of a plan have none.
    @functools.cached_property
    def clauses(self) -> _Breaks:
        return _Breaks.of_clauses(self.text)

    @functools.cached_property
    def sentences(self) -> _Breaks:
        return self.clauses.sentences(self.text)

    # --- first pass: every candidate, then the ones that do not overlap ------------------------

    def targets(self, offset: int) -> tuple[Target, ...]:
        deadlines: list[_Reading] = []
        others: list[_Reading] = []
        found: list[_Found] = []
        selected = list(self._select(self._candidates()))
        if not selected:
            return ()  # nothing to read: skip the readings' passes
        self.reference_starts = [start for start, _, _ in self.reference_years]
        for start, end, item in selected:
            if isinstance(item, _Found):
                found.append(item)
            elif isinstance(item, Deadline):
                deadlines.append(_Reading(start, end, TargetKind.DEADLINE, deadline=item))
            elif isinstance(item, Quantity):
                others.append(_Reading(start, end, TargetKind.SERVICE_HOURS, quantity=item))
            elif isinstance(item, _Half):
                others.append(self._read_half(start, end, item))
            elif isinstance(item, _Doubling):
                others.append(self._read_doubling(start, end, item))
            elif item == "spot":
                others.append(_Reading(start, end, TargetKind.ON_THE_SPOT))
            elif item == "ongoing":
                others.append(_Reading(start, end, TargetKind.ONGOING))
        readings = _outermost(
            sorted(
                [*deadlines, *others, *self._read_quantities(found)],
                key=lambda reading: reading.start,
            )
        )
        self._read_roles(readings)
        # Every deadline governs, also one inside a change (由2018年的60%提升至2020年的95%).
        self._attach_deadlines(readings, deadlines)
        return tuple(self._target(reading, offset) for reading in readings)

    def _read_half(self, start: int, end: int, half: _Half) -> _Reading:
        """Read 压缩一半以上 (a change by 50%) and 压缩至法定时限的一半 (50% of a reference)."""
        kind = TargetKind.RELATIVE_CHANGE if half.by else TargetKind.PERCENTAGE
        reading = _Reading(start, end, kind, Quantity(50, "%"), direction=half.direction)
        reading.reference = half.reference
        self._read_bound_after(reading, upper=not half.by)
        if half.by:
            self._read_reference_year(reading, self.clauses.start_of(start))
        return reading

    def _read_doubling(self, start: int, end: int, doubling: _Doubling) -> _Reading:
        """Read 翻一番 (an increase by 100%) and 翻两番 (by 300%): a change by an amount."""
        grown = Quantity(100 * (2**doubling.times - 1), "%")
        kind = TargetKind.RELATIVE_CHANGE
        reading = _Reading(start, end, kind, grown, direction=Direction.INCREASE)
        self._read_bound_after(reading)
        self._read_reference_year(reading, self.clauses.start_of(start))
        return reading

    def _read_bound_after(self, reading: _Reading, *, upper: bool = False) -> None:
        """Take a lower or loose bound after a change in words (压缩一半以上, 翻一番以上).

        With `upper`, an upper bound too: a share a value is brought to (压缩至…的一半以内).
        """
        suffix = _SUFFIX_AFTER.match(self.text, reading.end)
        words = _BOUNDS_AFTER_A_SHARE if upper else _BOUNDS_AFTER_A_CHANGE
        if suffix is not None and suffix["word"] in words:
            reading.end = suffix.end()
            reading.comparator = _SUFFIXES[suffix["word"]]

    def _candidates(self) -> Iterator[tuple[int, int, int, object]]:
        """Yield (start, -end, rank, item); at equal spans the lower rank wins.

        A pattern runs only over a text that holds one of its anchor words: most patterns find
        nothing in most texts, and a substring test costs a fraction of the engine's setup.
        """
        text = self.text
        known: dict[str, bool] = {}
        # Where a year is written (2020年3月底前, 自2020年1月1日起), in text order: a deadline
        # without one later in the sentence is in that year (…，6月底前全面实施).
        written: list[list[regex.Match[str]]] = []  # each pattern's matches that may hold one
        for pattern, (anchors, lead) in zip(DEADLINE_PATTERNS, DEADLINE_ANCHORS, strict=True):
            if lead is not None:
                matches = _anchored_matches(pattern, text, anchors, lead)
            elif _holds_any(text, anchors, known):
                matches = pattern.finditer(text)
            else:
                continue
            groups = pattern.groupindex
            year_less = "year" not in groups and "relative_year" not in groups
            with_year: list[regex.Match[str]] | None = None
            if "year" in groups:
                with_year = []
                written.append(with_year)
            for match in matches:
                start = match.start()
                year = self._year_before(start, written) if year_less else self.year
                deadline = deadline_from_match(match, issue_date=self.issue_date, year=year)
                if with_year is not None:
                    with_year.append(match)  # read only if a deadline without a year follows
                if deadline is None or self._in_title(start):
                    continue
                if text[start - 1 : start] in ("比", "较", "由", "从") and start > 0:
                    # 比2018年底增长, 由2018年底的60%: a point of reference, 从2019年底: a
                    # start; neither is a deadline.
                    continue
                by = match["by"] if "by" in match.re.groupindex else None
                if by is None and text[max(start - 2, 0) : start] in ("截至", "截止"):
                    by = text[start - 2 : start]
                bound = match["bound"] if "bound" in match.re.groupindex else None
                if by in ("截至", "截止", "截止到") and not (bound or "").endswith("前"):
                    self.as_of.append(start)  # 截至2020年3月: as of a date, in a report
                yield start, -match.end(), 0, deadline
        if _holds_any(text, DATE_ANCHORS):
            for match in DATE_SCAN.finditer(text):
                # A date or a year is never a quantity (2017年 is not 2017 years); a year may be
                # the reference point of a change.
                yield match.start(), -match.end(), 1, None
                if match["year"] is not None and match["month"] is None:  # 2017年 alone
                    self._note_reference_year(match)
        if "小时" in text:
            for match in _SERVICE_HOURS.finditer(text):
                hours = self._number(match["days"]) * self._number(match["hours"])
                yield match.start(), -match.end(), 2, Quantity(hours, "小时/周")
        for match in _anchored_matches(_ON_THE_SPOT, text, *_ON_THE_SPOT_ANCHORS):
            yield match.start(), -match.end(), 3, "spot"
        for match in _anchored_matches(_ONGOING, text, *_ONGOING_ANCHORS):
            if match.start() == 0 or text[match.start() - 1] in _ONGOING_AFTER:
                yield match.start(), -match.end(), 3, "ongoing"
        if "半" in text:
            for match in _HALF.finditer(text):
                reference = match["reference"] or None
                by = not match["to"]
                half = _Half(_DIRECTIONS[match["verb"]], by, reference)
                yield match.start("verb"), -match.end(), 3, half
        if "番" in text:
            for match in _DOUBLING.finditer(text):
                yield match.start(), -match.end(), 3, _Doubling(_DOUBLINGS[match["times"]])
        for quantity_pattern, anchors, lead in _QUANTITY_PATTERNS:
            if lead is not None:
                matches = _anchored_matches(quantity_pattern, text, anchors, lead)
            elif not anchors or _holds_any(text, anchors):
                matches = quantity_pattern.finditer(text)
            else:
                continue
            for match in matches:
                quantity = self._found(match, quantity_pattern)
                if quantity is not None:
                    yield quantity.start, -quantity.end, 4, quantity

    @staticmethod
    def _select(
        candidates: Iterable[tuple[int, int, int, object]],
    ) -> Iterator[tuple[int, int, object]]:
        # Earliest start first, then the longest, then the lowest rank: 2019年底前 beats 2019年,
        # 每件550元 beats 550元, 印发之日起1个月内 beats 1个月.
        last_end = 0
        for start, negative_end, _, item in sorted(candidates, key=_SPAN_AND_RANK):
            if start >= last_end:
                last_end = -negative_end
                yield start, last_end, item

    def _year_before(self, position: int, written: list[list[regex.Match[str]]]) -> int | None:
        """Return the year last written before `position` in its sentence, else the plan's.

        A year of reference (比2018年, 在2017年基础上) or in a document's title does not count.
        Only the nearest few of each pattern are tried, which keeps a text of many years linear.
        """
        if not any(written):
            return self.year
        sentence_start = self.sentences.start_of(position)
        best: tuple[int, int] | None = None  # (start, year)
        for matches in written:
            index = bisect.bisect_left(matches, position, key=_START) - 1
            for match in reversed(matches[max(index - 3, 0) : index + 1]):
                start, end = match.span()
                if start < sentence_start or (best is not None and start <= best[0]):
                    break
                year = match["year"]
                if (
                    year is None
                    or self._reference_span(start, end) is not None
                    or self._in_title(start)
                ):
                    continue
                value = _read_number(year)
                if value is not None:
                    best = (start, int(value))
                    break
        return self.year if best is None else best[1]

    def _reference_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Return the span of the reference a year at `[start, end)` is, or None if it is none.

        比2017年, 较2017年, 在2017年基础上, 与2017年相比: a point a change is measured from;
        在2020年3月底前 is a date of the plan's own.
        """
        text = self.text
        after = _REFERENCE_AFTER_YEAR.match(text, end)
        lead = start > 0 and text[start - 1] in _REFERENCE_LEADS
        if after is None and not (lead and text[start - 1] in "比较"):
            return None
        return (start - 1 if lead else start, after.end() if after else end)

    def _note_reference_year(self, match: regex.Match[str]) -> None:
        span = self._reference_span(*match.span())
        if span is not None:
            self.reference_years.append((*span, self._number(match["year"])))

    def _number(self, numeral: str) -> int:
        value = parse_number(numeral)  # only called on tokens the patterns guarantee to parse
        return int(value)

    def _found(
        self, match: regex.Match[str], pattern: LazyPattern | LazyStdlibPattern
    ) -> _Found | None:
        numeral = match["number"]
        if len(numeral) > _MAX_NUMBER_LENGTH:
            return None
        start, end = match.span()
        number_start = match.start("number")
        chinese = numeral[0] not in _ARABIC_DIGITS
        if chinese and self._in_quotes(number_start):
            return None
        if self._in_title(number_start):
            return None
        if number_start > 0 and self.text[number_start - 1] == "第":
            return None  # 第三期: an ordinal
        if numeral == "一" and self.text[number_start - 1 : number_start] == "同":
            return None  # 同一天, 同一窗口: the same one, not a count of one
        if pattern is _HALF_TIME:
            return _Found(start, end, TargetKind.DURATION, Quantity(_HALF_VALUE, match["unit"]))
        approximate = pattern is _QUANTITY and match["approx"] is not None  # 100多家, 1000余亿元
        if approximate and match["magnitude"] is not None:
            numeral += match["magnitude"]  # 3000多万户: more than 3000万, read as 3000万 is
        value = _read_number(numeral)
        if value is None:
            return None
        if pattern is _NOMINAL_DIAMETER:
            return _Found(start, end, TargetKind.PHYSICAL, Quantity(value, "DN"))
        if pattern is _RANK:
            return _Found(start, end, TargetKind.RANK, Quantity(value, match["unit"]))
        if pattern is _PERCENT_IN_WORDS:
            if match["per"] is not None:
                value *= _PER_HUNDRED[match["per"]]
            else:
                denominator = parse_number(match["denominator"])
                if not 0 < value < denominator:
                    return None  # 三分之五: not how a share is written
                value = 100 * value / denominator  # 三分之一: 33.33…%, to Decimal's precision
            return _Found(start, end, TargetKind.PERCENTAGE, Quantity(value.normalize(), "%"))
        if match["money"] is not None:
            currency, per = match["money"], match["per"]
            if currency == "分" and per is None:
                # 每千瓦时下调4.28分: a price in 分 names what it is per before it.
                clause_start = max(self.clauses.start_of(start), start - 16)
                # The nearest 每 names it: 每年每千瓦时下调4.28分 is per 千瓦时.
                before = None
                for found in _PER_BEFORE.finditer(self.text, clause_start, start):
                    before = found
                if before is None:
                    return None  # 3分: a score, not money
                per = before["per"]
            if per is None:
                return _Found(start, end, TargetKind.MONEY, Quantity(value, currency), approximate)
            unit = f"{currency}/{per}"
            return _Found(start, end, TargetKind.UNIT_PRICE, Quantity(value, unit), approximate)
        word = match["unit"]
        if word == "年" and "." in numeral and len(numeral.rpartition(".")[2]) == 4:
            return None  # 1.2019年9月底前: an item marker run into a year
        if (
            word in _NAMING_SPANS
            and not _PLAN_NAME_FIRSTS.isdisjoint(self.text[end : end + 5])
            and _PLAN_NAME_AFTER.match(self.text, end) is not None
        ):
            return None  # 三年行动计划, 三年提升行动: the name of a plan, not a time limit
        if word == "次" and (
            self.text[number_start - 1 : number_start] == "届"
            or _SESSION_AFTER.match(self.text, end) is not None
        ):
            return None  # 七届44次常务会议: a session
        if word == "日" and _DAY_DATED_AFTER.match(self.text, end) is not None:
            return None  # 财政部1日发布: the day of the month
        if word == "类" and chinese and _CLASS_LABEL_AFTER.match(self.text, end) is not None:
            return None  # 一类、二类出口企业: ranks
        following = self.text[end : end + 1]
        if following and (
            following in _NOT_FOLLOWED_BY.get(word, "") or following in _NEVER_FOLLOWED_BY
        ):
            return None
        kind, unit = _UNITS[word]
        if word in _NOUN_MEASURE_WORDS:
            noun = _COUNTED_NOUN.match(self.text, end)
            if noun is not None:
                end, unit = noun.end(), unit + noun["noun"]  # 3个环节: unit 个环节
        return _Found(start, end, kind, Quantity(value, unit), approximate)

    def _in_title(self, position: int) -> bool:
        if not self.titles:
            return False
        index = bisect.bisect_right(self.title_starts, position) - 1
        return index >= 0 and self.titles[index][0] < position < self.titles[index][1]

    def _in_quotes(self, position: int) -> bool:
        index = bisect.bisect_right(self.quoted_starts, position) - 1
        return index >= 0 and self.quoted[index][0] < position < self.quoted[index][1]

    # --- second pass: comparators, changes, rates ----------------------------------------------

    def _read_quantities(self, found: list[_Found]) -> list[_Reading]:
        readings = list(self._read_each(self._ranges(found)))
        self._share_units_after(readings)
        self._share_bounds_after(readings)
        return readings

    def _share_units_after(self, readings: list[_Reading]) -> None:
        """Give the bare measure words of a list the noun written after its last value.

        分别压缩至5个、10个和15个工作日以内: the 5 and the 10 are 个工作日 too, as plans write the
        noun once. Walking back from the end carries it along a list of any length.
        """
        for index in range(len(readings) - 1, 0, -1):
            last, before = readings[index], readings[index - 1]
            if (
                before.quantity is not None
                and last.quantity is not None
                and before.quantity.unit in _NOUN_MEASURE_WORDS
                and last.quantity.unit != before.quantity.unit
                and last.quantity.unit.startswith(before.quantity.unit)
                and before.direction == last.direction
                and _LIST_BETWEEN.fullmatch(self.text, before.end, last.start)
            ):
                before.quantity = Quantity(before.quantity.value, last.quantity.unit)
                before.kind = last.kind

    def _read_each(self, found: list[_Found]) -> Iterator[_Reading]:
        text = self.text
        markers, found = self._markers(found)
        marker_ends = [marker.end for marker in markers]
        rates = (
            [
                (m.start(), m.end(), m["scale"] + m["base"][0])
                for m in self._in_clauses_of(found, _PER_CAPITA)
            ]
            if found and _holds_any(text, _PER_CAPITA_ANCHORS)
            else []
        )
        rate_ends = [end for _, end, _ in rates]
        day_counts = (
            [match.start() for match in _anchored_matches(_DAY_COUNT, text, *_DAY_COUNT_ANCHORS)]
            if found
            else []
        )
        previous: tuple[int, Comparator | None] | None = None  # (end, prefix comparator)
        previous_end = -1
        for item in found:
            clause_start = self.clauses.start_of(item.start)
            if item.is_baseline:
                previous, previous_end = None, item.end
                continue
            start = item.start if item.range_start is None else item.range_start
            reading = _Reading(start, item.end, item.kind, item.quantity)
            if item.kind is TargetKind.MULTIPLE:
                reading.reference = self._reference_before(item.start, clause_start)
            suffix = _SUFFIX_AFTER.match(text, item.end)
            if suffix is not None:
                reading.end = suffix.end()
                reading.comparator = _SUFFIXES[suffix["word"]]
                reading.bound_after = True
                if suffix["exclusive"] is not None:
                    # 6亩以下(不含6亩): the bound itself is left out.
                    reading.comparator = _EXCLUSIVE.get(reading.comparator, reading.comparator)
            elif item.range_start is not None:
                # 1至3个工作日: the outcome may not pass the upper end. The lower end has no field
                # of its own in the model; it stays in the target's text.
                reading.comparator = Comparator.AT_MOST
            elif item.approximate:
                reading.comparator = Comparator.MORE_THAN
            elif item.kind is TargetKind.RANK:
                reading.comparator = Comparator.AT_MOST  # 前10位: tenth place or better
            prefix_comparator = self._prefix(reading, clause_start)
            if prefix_comparator is None and previous is not None:
                # 至少完成5家上市公司、2家新三板公司: a comparator before a list covers the list.
                between = text[previous[0] : item.start]
                if "、" in between and previous[1] is not None and previous[0] >= clause_start:
                    prefix_comparator = previous[1]
            if reading.comparator is Comparator.EXACTLY and prefix_comparator is not None:
                reading.comparator = prefix_comparator
            self._read_change(reading, item, markers, marker_ends, clause_start)
            self._read_rate(reading, item, rates, rate_ends, previous_end, clause_start)
            self._read_day_count(reading, day_counts, clause_start)
            previous = (reading.end, prefix_comparator)
            previous_end = item.end
            yield reading

    def _reference_before(self, position: int, clause_start: int) -> str | None:
        """Return what a multiple is of: 按照…贷款基准利率的1.5倍 → …贷款基准利率."""
        if self.text[position - 1 : position] != "的":
            return None
        window = self.text[max(clause_start, position - 24) : position - 1]
        cut = max(
            (window.rfind(word) + len(word) for word in _REFERENCE_LEADS_WORDS if word in window),
            default=0,
        )
        return window[cut:].strip() or None

    def _ranges(self, found: list[_Found]) -> list[_Found]:
        """Read a range (1至3个工作日, 5%-10%) as its upper end, starting where the range does.

        The lower end is a bare number (1至3个工作日) or a quantity in the same unit (5%-10%),
        smaller than the upper one, so that a code or a count of another thing is not taken
        for it. A range of ordinals (第1至3项) is no quantity at all.
        """
        kept: list[_Found] = []
        for item in found:
            before = kept[-1] if kept else None
            if item.is_baseline:
                kept.append(item)  # 由12个工作日(缩减至…) is the start of a change, not of a range
                continue
            if before is not None and self._is_lower_end(before, item):
                kept.pop()
                item.range_start = before.start
            else:
                start = item.range_start = self._bare_lower_end(item)
                if start is not None and self.text[start - 1 : start] == "第":
                    continue  # 第1至3项: ordinals
            kept.append(item)
        return kept

    def _is_lower_end(self, before: _Found, item: _Found) -> bool:
        """Tell whether `before` is the lower end of a range `item` ends (1个工作日至3个工作日)."""
        return (
            not before.is_baseline
            and before.range_start is None
            and (before.kind, before.quantity.unit) == (item.kind, item.quantity.unit)
            and before.quantity.value < item.quantity.value
            and _RANGE_BETWEEN.fullmatch(self.text, before.end, item.start) is not None
        )

    def _bare_lower_end(self, item: _Found) -> int | None:
        """Return where a bare lower end before `item` starts (1至3个工作日), if there is one."""
        text = self.text
        if text[max(item.start - 2, 0) : item.start].strip(" ")[-1:] not in _RANGE_JOINERS:
            return None  # most quantities have no joiner before them: skip the search
        window = max(self.clauses.start_of(item.start), item.start - 32)
        bare = _RANGE_LOWER_BEFORE.search(text, window, item.start)
        value = None if bare is None else _read_number(bare["number"])
        if bare is None or value is None or value >= item.quantity.value:
            return None
        start: int = bare.start()
        return start

    def _share_bounds_after(self, readings: list[_Reading]) -> None:
        """Give every value of a list the bound written after its last value.

        分别压缩至40小时和1.5小时以内: 以内 bounds 40 小时 as well. Only values of one kind,
        joined by nothing but 和/与/及/以及/或/、 and with no bound of their own, share it;
        walking back from the end carries the bound along a list of any length.
        """
        for index in range(len(readings) - 1, 0, -1):
            last, before = readings[index], readings[index - 1]
            if (
                last.bound_after
                and before.comparator is Comparator.EXACTLY
                and before.kind is last.kind
                and _LIST_BETWEEN.fullmatch(self.text, before.end, last.start)
            ):
                before.comparator = last.comparator
                before.bound_after = True

    def _prefix(self, reading: _Reading, clause_start: int) -> Comparator | None:
        """Read a comparator word before the number; a touching one joins the target's text."""
        window = max(clause_start, reading.start - 12)
        tight = _TIGHT_PREFIX_BEFORE.search(self.text, window, reading.start)
        if tight is not None:
            reading.start = tight.start()
            return _TIGHT_PREFIXES[tight["word"]]
        loose = _LOOSE_PREFIX_BEFORE.search(self.text, window, reading.start)
        if loose is not None:
            return _LOOSE_PREFIXES[loose["word"]]
        return None

    def _markers(self, found: list[_Found]) -> tuple[list[_Marker], list[_Found]]:
        """Find change verbs (缩减至) and the baseline (由12个工作日) each one starts from.

        Returns the markers, and the quantities with any bare new value added (由12个工作日减至7
        is read as 7 个工作日).
        """
        text = self.text
        ends = [item.end for item in found]
        starts = {item.start for item in found}
        added: list[_Found] = []
        markers: list[_Marker] = []
        if not found or not _holds_any(text, _CHANGE_TO_ANCHORS):
            return markers, found
        for match in self._in_clauses_of(found, _CHANGE_TO):
            marker = _Marker(
                match.start(), match.end(), _DIRECTIONS[match["verb"]], not match["object"]
            )
            markers.append(marker)
            clause_start = self.clauses.start_of(match.start())
            # The baseline ends where the verb starts: a quantity, or a bare number (由12减至…).
            index = bisect.bisect_right(ends, match.start()) - 1
            item = found[index] if index >= 0 else None
            if (
                item is not None
                and item.start >= clause_start
                and match.start() - item.end <= 1
                and not text[item.end : match.start()].strip(" ")
            ):
                origin = _FROM_BEFORE.search(text, max(clause_start, item.start - 16), item.start)
                if origin is None:
                    continue
                item.is_baseline = True
                marker.baseline = item.quantity
                marker.baseline_kind = item.kind
                marker.baseline_start = origin.start()
                word = _TIGHT_PREFIX_BEFORE.search(
                    text, origin.end("from"), item.start
                ) or _LOOSE_PREFIX_BEFORE.search(text, origin.end("from"), item.start)
                if word is not None:
                    marker.baseline_comparator = _TIGHT_PREFIXES[word["word"]]
            else:
                window = max(clause_start, match.start() - 48)
                bare = _FROM_NUMBER_BEFORE.search(text, window, match.start())
                value = None if bare is None else _read_number(bare["number"])
                if bare is not None and value is not None:
                    marker.baseline = Quantity(value, "")  # the unit comes from the new value
                    marker.baseline_start = bare.start()
            if marker.baseline_kind is not None and match.end() not in starts:
                new_value = self._bare_new_value(match.end(), marker)
                if new_value is not None:
                    added.append(new_value)
        if added:
            found = sorted([*found, *added], key=lambda item: item.start)
        return markers, found

    def _in_clauses_of(
        self, found: list[_Found], pattern: LazyPattern
    ) -> Iterator[regex.Match[str]]:
        """Find `pattern` in the clauses that hold a quantity, in text order.

        For the words that qualify a quantity of their own clause only, a match of which holds no
        clause break (a change verb, the base of a rate): the clauses without a quantity (most
        of a plan's text) need no scan.
        """
        clauses = self.clauses
        start, end = -1, -1
        for item in found:
            clause_start, clause_end = clauses.start_of(item.start), clauses.end_of(item.end)
            if clause_start > end:
                if end > start:
                    yield from pattern.finditer(self.text, start, end)
                start = clause_start
            end = max(end, clause_end)
        if end > start:
            yield from pattern.finditer(self.text, start, end)

    def _bare_new_value(self, position: int, marker: _Marker) -> _Found | None:
        # 由12个工作日减至7，: a number standing alone at the end of its clause.
        match = _BARE_NUMBER.match(self.text, position)
        if match is None or marker.baseline is None or marker.baseline_kind is None:
            return None
        after = self.text[match.end() : match.end() + 1]
        if after and after not in _CLAUSE_PUNCTUATION + "、":
            return None
        value = _read_number(match[0])
        if value is None:
            return None
        return _Found(
            match.start(), match.end(), marker.baseline_kind, Quantity(value, marker.baseline.unit)
        )

    def _read_change(
        self,
        reading: _Reading,
        item: _Found,
        markers: list[_Marker],
        marker_ends: list[int],
        clause_start: int,
    ) -> None:
        text = self.text
        # A change by an amount: the verb touches the number (降低15%, 压缩60%).
        start = reading.start
        by = None
        # Every verb has two characters: its first stands two before the number, or three
        # with 了 (降低了15%); a test of those two is all most numbers need.
        if start - 2 >= clause_start and (
            text[start - 2] in _TOUCHING_VERB_FIRSTS
            or (text[start - 1] == "了" and start - 3 >= clause_start)
        ):
            by = _CHANGE_BY_BEFORE.search(text, max(clause_start, start - 4), start)
        if (
            by is not None
            and by["verb"] in _SPEED_VERBS
            and reading.kind is not TargetKind.PERCENTAGE
        ):
            by = None  # 提速3天: not how much faster
        if (
            by is None
            and reading.kind is TargetKind.PERCENTAGE
            and reading.start - clause_start > 3
            and reading.comparator in (Comparator.EXACTLY, Comparator.AT_LEAST, Comparator.ABOUT)
            and not _CHANGE_VERB_FIRSTS.isdisjoint(
                text[max(clause_start, reading.start - 12) : reading.start - 3]
            )
        ):
            # 降低企业用电成本10%以上: the verb and what it changes, then the share.
            by = _CHANGE_BY_OBJECT_BEFORE.search(
                text, max(clause_start, reading.start - 12), reading.start
            )
        if by is not None:
            reading.start = by.start()
            reading.direction = _DIRECTIONS[by["verb"]]
            if reading.kind is not TargetKind.PERCENTAGE_POINTS:
                reading.kind = TargetKind.RELATIVE_CHANGE
            self._read_reference_year(reading, clause_start)
            return
        # A change to a value: the nearest 至/为 before the number in the same clause.
        index = bisect.bisect_right(marker_ends, reading.start) - 1
        if index < 0 or markers[index].start < clause_start:
            return
        marker = markers[index]
        reading.direction = marker.direction
        touching = marker.end == reading.start
        if marker.baseline is not None and not marker.used:
            # Only the first quantity after the marker is the new value of the baseline.
            marker.used = True
            reading.baseline = marker.baseline
            if not marker.baseline.unit:
                reading.baseline = Quantity(marker.baseline.value, item.quantity.unit)
            elif _has_noun_after(item.quantity.unit, marker.baseline.unit):
                # 由9个减少为…5个阶段: the stages were nine too; the noun is written once.
                reading.baseline = Quantity(marker.baseline.value, item.quantity.unit)
            elif _has_noun_after(marker.baseline.unit, item.quantity.unit):
                # 由9个环节减少为5个: and the other way round.
                reading.quantity = Quantity(item.quantity.value, marker.baseline.unit)
            elif (
                item.kind is TargetKind.MONEY
                and marker.baseline.unit.startswith("元/")
                and item.quantity.unit == "元"
            ):
                # 由每件550元减至80元: the new price is per piece too.
                reading.kind = TargetKind.UNIT_PRICE
                reading.quantity = Quantity(item.quantity.value, marker.baseline.unit)
            if reading.comparator is Comparator.EXACTLY and marker.baseline_comparator is not None:
                # 从不高于…2个百分点放宽到3个百分点: the bound still holds for the new value.
                reading.comparator = marker.baseline_comparator
            assert marker.baseline_start is not None
            reading.start = marker.baseline_start
        elif touching and marker.adjacent_object:
            reading.start = marker.start
        self._read_reference_year(reading, clause_start)

    def _read_reference_year(self, reading: _Reading, clause_start: int) -> None:
        index = bisect.bisect_right(self.reference_starts, reading.start) - 1
        if index < 0:
            return
        start, end, year = self.reference_years[index]
        if start < clause_start or end > reading.start:
            return
        reading.baseline_year = year
        if not self.text[end : reading.start].strip(" "):
            reading.start = start  # 在2017年基础上压缩60%: the reference joins the text

    def _read_rate(
        self,
        reading: _Reading,
        item: _Found,
        rates: list[tuple[int, int, str]],
        rate_ends: list[int],
        previous_end: int,
        clause_start: int,
    ) -> None:
        # 万人发明专利拥有量达到9.2件: a count per ten thousand people is a rate.
        if item.kind is not TargetKind.COUNT:
            return
        index = bisect.bisect_right(rate_ends, item.start) - 1
        if index < 0:
            return
        start, _, per = rates[index]
        if start < clause_start or start < previous_end:
            return
        reading.kind = TargetKind.PHYSICAL
        assert reading.quantity is not None
        reading.quantity = Quantity(reading.quantity.value, f"{reading.quantity.unit}/{per}")

    def _read_day_count(self, reading: _Reading, day_counts: list[int], clause_start: int) -> None:
        if reading.kind is not TargetKind.DURATION or reading.quantity is None:
            return
        if reading.quantity.unit not in ("天", "日"):
            return
        index = bisect.bisect_right(day_counts, reading.start) - 1
        if index >= 0 and day_counts[index] >= clause_start:
            reading.kind = TargetKind.PHYSICAL

    # --- third pass: deadlines -----------------------------------------------------------------

    def _attach_deadlines(self, readings: list[_Reading], deadlines: list[_Reading]) -> None:
        """Give each target the deadline that governs it.

        The governing deadline is the nearest one before the target in its sentence
        (2019年底前将…控制在50个工作日以内，…控制在35个工作日以内); failing that, the first one
        after it in its clause (…达到90%（2020年底前）).
        """
        starts = [deadline.start for deadline in deadlines]
        for reading in readings:
            if reading.kind is TargetKind.DEADLINE:
                continue
            index = bisect.bisect_right(starts, reading.start) - 1
            if index >= 0 and deadlines[index].start >= self.sentences.start_of(reading.start):
                reading.deadline = deadlines[index].deadline
                continue
            index += 1
            if index < len(deadlines) and deadlines[index].end <= self.clauses.end_of(reading.end):
                reading.deadline = deadlines[index].deadline

    # --- fourth pass: roles --------------------------------------------------------------------

    def _read_roles(self, readings: list[_Reading]) -> None:
        """Tell commitments from status facts and from the scope of a measure.

        A sentence that reports (截至, 数据显示, 累计, 耗时, 原需, 已达…) and promises nothing
        (要, 将, 力争, 确保, 不超过, 以内…, or a deadline) gives status facts, as a change in the
        past tense does (较2017年压缩了78.89%); so does a figure right after 已 (已超1亿户). A
        change against a year with no such word (较2017年压缩60%) reads as a plan's commitment.
        A bound figure that qualifies a noun (不满1千伏的, 6亩以下的) and a count of the text's
        own parts (五个方面, 26条具体措施) give a scope; a bound figure before a benefit
        (不超过20%的政府补助) sizes what is given, a commitment.
        """
        text = self.text
        as_of = set(self.as_of)
        sentences: dict[int, bool] = {}  # sentence start → whether it is a status report
        promised = {
            self.sentences.start_of(reading.start)
            for reading in readings
            if reading.kind is TargetKind.DEADLINE and reading.start not in as_of
        }
        for reading in readings:
            if reading.start in as_of:
                reading.role = TargetRole.STATUS
                continue
            if reading.kind is TargetKind.DEADLINE or reading.kind is TargetKind.ONGOING:
                continue
            sentence = self.sentences.start_of(reading.start)
            if sentence not in sentences:
                end = self.sentences.end_of(reading.start)
                sentences[sentence] = sentence not in promised and self._reports(sentence, end)
            window = max(reading.start - 6, 0)
            if sentences[sentence] or (
                "已" in text[window : reading.start]
                and _ALREADY_BEFORE.search(text, window, reading.start)
            ):
                reading.role = TargetRole.STATUS
            elif self._is_scope(reading):
                reading.role = TargetRole.SCOPE
        # 小于5000平方米、建筑面积小于3000平方米的项目: the bounds of a list qualify one noun.
        for before, after in zip(readings[-2::-1], readings[:0:-1], strict=True):
            if (
                after.role is TargetRole.SCOPE
                and before.role is TargetRole.COMMITMENT
                and before.comparator is not Comparator.EXACTLY
                and before.direction is None
                and before.kind is not TargetKind.DEADLINE
                and "、" in text[before.end : after.start]
                and not _CLAUSE_BREAK.search(text, before.end, after.start)
            ):
                before.role = TargetRole.SCOPE

    def _reports(self, start: int, end: int) -> bool:
        """Tell whether the sentence text[start:end], with no deadline, reports figures only."""
        if _COMMITMENT_WORDS.search(self.text, start, end):
            return False
        if _STATUS_WORDS.search(self.text, start, end) is not None:
            return True
        now = self.year or (self.issue_date.year if self.issue_date is not None else None)
        if now is None:
            return False
        leading = _LEADING_YEAR.match(self.text, start, end)
        return leading is not None and int(leading["year"]) < now

    def _is_scope(self, reading: _Reading) -> bool:
        text = self.text
        if reading.quantity is None or reading.direction is not None:
            return False
        if reading.kind is TargetKind.COUNT:
            # 26条具体措施, and 五个方面 (方面 is also a counted noun). Other counts count what
            # the measure delivers (完成20件以上具有示范作用的案件), whatever follows them.
            return bool(
                _OWN_PARTS_AFTER.match(text, reading.end)
                or _OWN_PARTS_AFTER.search(reading.quantity.unit)
            )
        if reading.comparator is Comparator.EXACTLY:
            return False
        if reading.kind is not TargetKind.DURATION and _ENTITY_AFTER.match(text, reading.end):
            # 160千瓦及以下小微企业, 5000万元以上项目: the bound picks who is covered; a time
            # limit before them (3个工作日内开办企业) is when the work is done.
            return True
        scope = _SCOPE_AFTER.match(text, reading.end)
        if scope is None or _COMMITMENT_WORDS.search(text, reading.end, scope.end()):
            return False
        if reading.kind is TargetKind.PERCENTAGE and _ACHIEVED_AFTER.match(text, scope.end()):
            return False  # 50%以上的审批事项实现秒批: the share of what is to be achieved
        # 给予不超过20%的政府补助: the bound is the size of the benefit, not what it covers;
        # but in 超过1000万元的企业给予奖励 it bounds the receiver.
        benefit = _BENEFIT_AFTER.search(text, scope.end(), scope.end() + 6)
        return benefit is None or _holds_any(text[scope.end() : benefit.start()], _GIVING)

    def _target(self, reading: _Reading, offset: int) -> Target:
        return Target(
            kind=reading.kind,
            text=self.source[reading.start : reading.end],
            span=Span(reading.start + offset, reading.end + offset),
            quantity=reading.quantity,
            comparator=reading.comparator,
            baseline=reading.baseline,
            direction=reading.direction,
            deadline=reading.deadline,
            baseline_year=reading.baseline_year,
            reference=reading.reference,
            role=reading.role,
        )


def _outermost(readings: list[_Reading]) -> list[_Reading]:
    """Drop readings inside an earlier one: the 6亩 of 6亩以下(不含6亩) is part of its bound."""
    kept: list[_Reading] = []
    for reading in readings:
        if kept and reading.start < kept[-1].end:
            continue
        kept.append(reading)
    return kept


def _has_noun_after(unit: str, measure_word: str) -> bool:
    """Tell whether `unit` is `measure_word` with a counted noun after it: 个阶段 and 个."""
    noun = unit.removeprefix(measure_word)
    return measure_word in _NOUN_MEASURE_WORDS and noun != unit and noun in _COUNTED_NOUNS


def _read_number(numeral: str) -> Decimal | None:
    """Read a number token, or None if it is too long to be a quantity or does not parse."""
    if len(numeral) > _MAX_NUMBER_LENGTH:
        return None
    try:
        return parse_number(numeral)
    except ParseError:
        return None
