"""The extractor's patterns, and the anchor words that tell which texts each may match.

Every pattern has no nested quantifiers over overlapping classes and looks around a match only
within a bounded window, so that each runs in linear time on any input.
"""

from __future__ import annotations

import re
from decimal import Decimal

import regex

from .._lazy import LazyPattern, LazyStdlibPattern
from ..dates import ONGOING_VERBS, ONGOING_WORDS
from ..fold import _PINYIN_NOTE as _PINYIN_NOTE_SOURCE
from ..numbers import _SCANNED_NUMBER, NUMBER_PATTERN
from ._words import (
    _AMPLITUDES,
    _COUNTED_NOUNS,
    _CURRENCIES,
    _DECREASE_VERBS,
    _INCREASE_VERBS,
    _LOOSE_PREFIXES,
    _MAX_NUMBER_LENGTH,
    _PER_UNITS,
    _SHORTENING_VERBS,
    _SPEED_VERBS,
    _TIGHT_PREFIXES,
    _UNITS,
    _alternation,
)

# --- patterns ------------------------------------------------------------------------------------

_NUMBER = NUMBER_PATTERN.pattern
# Characters that end a clause (the scope of a comparator or a change) and a sentence (the scope
# of a deadline). 、 joins the items of a list and ends neither.
_CLAUSE_PUNCTUATION = "，。；：！？,;:!?\n"

# Scanned over every text and tried at every number: compiled with the standard library's engine,
# which runs this pattern (plain classes, alternations, one lookbehind) about twice as fast.
_QUANTITY = LazyStdlibPattern(
    rf"""
    (?P<number> {_SCANNED_NUMBER} ) [ ]?
    (?: (?P<approx> 多 | 余 ) (?P<magnitude> 万亿 | [万亿萬億] )? )?
                                                  # 100多家, 300余个, 3000多万户: more than
    (?:
        (?P<money> {_alternation(_CURRENCIES)} | 分钱 | 分 (?! [钟之] ) )
        (?: (?: [/／] | 每 ) (?P<per> {_alternation(_PER_UNITS)} ) )?
                                                              # 80元, 3.25元/吨, 100万美元, 4.28分
      | (?P<unit> {_alternation(_UNITS)} )                    # 个工作日, %, 件, 千伏安, ...
    )
    """,
    re.VERBOSE,
)
# What a sum is given for, after 每家, 每个 or 每户 (每家企业5万元, 每个项目50万元): 元/家企业.
_PRICED_NOUNS = ("企业", "项目", "单位", "商户", "市场主体", "园区", "平台", "基地", "机构",
                 "个体工商户")  # fmt: skip
_PRICE_PER = LazyPattern(
    rf"""
    每 (?P<per> {_alternation(_PER_UNITS)} ) [ ]?            # 每件550元: the price of one
    (?: 每 (?P<per2> {_alternation(_PER_UNITS)} ) [ ]?       # 每人每月500元: of one a month
      | (?<= [家个户] ) (?P<noun> {_alternation(_PRICED_NOUNS)} ) [ ]? )?  # 每家企业5万元
    (?P<number> {_NUMBER} ) [ ]? (?P<money> 元 )
    """,
    regex.VERBOSE,
)
# 每千瓦时(下调4.28分): what a price written in 分 is per.
_PER_BEFORE = LazyPattern(rf"每 (?P<per> {_alternation(_PER_UNITS)} )", regex.VERBOSE)
# What a figure in 分 with no 每 before it scores (满意度达到90分, 评价得分提高5分): points.
_SCORED_BEFORE = LazyPattern(
    r"""得分 | 评分 | 分值 | 分数 | 打分 | 满意度 | 测评 | 评价 | 考评 | 考核
      | 平均分 | 总分 | 分差 | 便利度""",  # 平均分从65分提升到78分, 营商便利度提升30分以上
    regex.VERBOSE,
)
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
# A whole number of units and a half: 1个半月, 一个半工作日, 两个半小时, 一年半, 3天半.
_AND_A_HALF = LazyStdlibPattern(
    rf"""
    (?<! [0-9０-９.．〇零一二两三四五六七八九十百千万亿] )
    (?P<number> {_NUMBER} ) [ ]?
    (?: (?P<counted> 个 ) 半 (?P<unit> 工作日 | 自然日 | 小时 | 月 | 星期 )
      | (?P<unit_first> 年 | 天 | 日 | 小时 ) 半 (?! [年天日月个小导岛数价径] ) )
    """,
    re.VERBOSE,
)
# The work a time limit bounds, right after it: 一日办结, 三天办好, 2小时到账.
_DONE_WORDS = (
    "办结", "办理", "办成", "办好", "办毕", "办完", "完成", "出证", "领证", "发证", "到账",
)  # fmt: skip
# The same day as a time limit: 当日办结, 当天办好 — one day, as 一日办结 is. Not 当日 as the day
# something happened (当天会议决定), which no work word follows.
_SAME_DAY = LazyStdlibPattern(
    rf"""
    (?P<number> 当 ) (?P<unit> 日 | 天 ) (?= {_alternation(_DONE_WORDS)} )
    """,
    re.VERBOSE,
)
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
# Tenths (成): 压缩三成以上, 九成以上, 3成 — not 一成不变, 三五成群, 成本, 成员, 成都. (The text is
# folded: ３ is 3 there.)
_TENTHS = LazyPattern(
    r"""
    (?<! [0-9〇零一二两三四五六七八九十百千万亿.] )
    (?P<number> [1-9一二两三四五六七八九] | 十 ) 成
    (?! [本员果为立功效交熟型都长绩就片套品群不年人语] )
    """,
    regex.VERBOSE,
)
# A fraction in digits: 减少2/3, 法定时限的1/3 — not a date (7/23, 2019/7/23) nor a list of
# counts (3/5个工作日). (The text is folded: ／ and ２ are / and 2 there.)
_SLASH_FRACTION = LazyPattern(
    r"""
    (?<! [0-9./] ) (?P<number> [1-9] ) / (?P<denominator> 10 | [2-9] )
    (?! [0-9./%] | [ ]? [个天日月年号期次项件家种] )
    """,
    regex.VERBOSE,
)
# A place in a ranking at most: 进入全国前10位, 排名前20名 (not 前10名员工次, nor 第10名).
# The standard engine scans for the literal 前 itself, far faster than a match tried at each 前
# (most of them 年底前).
_RANK = LazyStdlibPattern(
    rf"""前 (?P<number> {_NUMBER} ) [ ]?
    (?: (?P<unit> 名 | 位 ) (?! 次 )
      # 跻身全球前40, 排名前十: the place without its word (read only after words of a ranking)
      | (?! [0-9０-９一二三四五六七八九十百千万亿个名位年月日天周季项家件次批%％.．] ) )
    """,
    re.VERBOSE,
)
# The words of a ranking right before a place written without 位 or 名 (跻身全球前40).
_RANKED_BEFORE = LazyPattern(
    r"""(?: 跻身 | 进入 | 位居 | 位列 | 排名 | 保持 | 稳居 )
        (?: 全国 | 全省 | 全市 | 全区 | 全球 | 世界 )? \Z""",
    regex.VERBOSE,
)
# A place in a ranking, to reach, to keep or held: 上升至第8位, 进入全国第10名, 保持全省第1位, 由
# 2018年的第20位; 排名跃居全球第31位, 位列第3名 (held: a report, unless promised). Not other
# ordinals (第三期, 第一批).
_PLACE_BEFORE = r"""
    (?<= (?: [至到由从] | 进入 | 保持 | (?: [居列] | 排名 (?: 是 | 为 )? | 排在 ) (?P<held>) )
         (?: (?: 去年 | 今年 | 上年 | [0-9]{4} 年 ) 的? )?
         (?: 全国 | 全省 | 全市 | 全区 | 全球 | 世界 )? )
"""
# The verbs of a change by places, right before their number: 提升了30多位, 上升65位, 下降3位.
_PLACES_GAINED = "提升 | 上升 | 跃升 | 提高 | 前进"
_PLACES_LOST = "下降 | 下滑 | 后退 | 回落"
_PLACES_CHANGED_BEFORE = rf"""
    (?<= (?: {_PLACES_GAINED} | {_PLACES_LOST} ) 了? (?P<changed>) )
"""
_PLACE = LazyPattern(
    rf"""{_PLACE_BEFORE}
    第 (?P<number> {_NUMBER} ) [ ]? (?P<unit> 名 | 位 ) (?! 次 | 置 )
    """,
    regex.VERBOSE,
)
# 由2017年78位跃升至去年46位: 第 left out (read only in a sentence that names a ranking). The
# match is the 位 alone, its number read behind it: 位 is common (单位, 到位), and one match
# attempt at each is all it costs.
_BARE_PLACE = LazyPattern(
    rf"""
    (?<= (?: {_PLACE_BEFORE} | {_PLACES_CHANGED_BEFORE} )     # (提升88位: a change by places)
         (?P<number> [0-9]{{1,3}} | [一二三四五六七八九十两]{{1,3}} ) [ ]? (?P<approx> 多 | 余 )? )
    (?P<unit> 位 ) (?! 次 | 置 | 数 )                           # (not 下降3位数: digits)
    # (not people counted: 邀请到10位专家)
    (?! 专家 | 代表 | 嘉宾 | 院士 | 学者 | 企业家 | 委员 | 领导 | 同志 | 老师 | 志愿者 | 群众
      | 市民 )
    """,
    regex.VERBOSE,
)
# The words of a ranking: a place written without 第 (升至31位) counts only where its sentence
# names one within _RANKING_WINDOW characters before it (a change by places needs none).
_RANKING_WORDS = ("排名", "排位", "排行", "名次", "位次", "位居", "位列", "排在")
# Doubling as plans count it: 翻一番 (twice as much), 翻两番 (four times), 翻番, 倍增 (not the
# name of a programme: 倍增计划, 倍增行动).
_DOUBLING = LazyPattern(
    r"翻 (?P<times> 一 | 两 | 二 | 三 )? 番 | 倍增 (?! 计划 | 行动 | 工程 | 工作 | 专项 | 三年 )",
    regex.VERBOSE,
)
_DOUBLINGS = {None: 1, "一": 1, "两": 2, "二": 2, "三": 3}
# A half: a change by half (压缩一半, 再减少一半, 减半) or to half of a reference (压缩至法定时限的
# 一半). The reference is a short run of words before 的, within the clause.
# The pattern is anchored on 半, the words before it read behind, so the scan skips to 半.
_HALF = LazyPattern(
    rf"""
      (?<= (?P<verb> {_alternation(_DECREASE_VERBS + _INCREASE_VERBS)} | 减 | 降 ) 了?
           (?: (?P<to> 至 | 到 | 为 )
               (?: (?P<reference> [^0-9{_CLAUSE_PUNCTUATION}、()“”]{{1,16}}? ) 的 )? )?
           (?P<about> 近 | 约 )? 一 ) 半                                    # 缩减近一半
    | (?<= (?P<verb> 减 | 降 ) ) 半 (?! [年天日月个小数径] )                    # 减半征收
    """,
    regex.VERBOSE,
)
# Work with no end date, written where a deadline would be (完成时限: 持续推进): alone in its
# clause or cell, not the verb of a sentence (持续推进减时间…).
_ONGOING = LazyPattern(
    rf"""
    (?: (?: {"|".join(ONGOING_WORDS)} ) (?: {"|".join(ONGOING_VERBS)} )  # 持续推进, 常态化开展
      | 长期 )
    (?= $ | [{_CLAUSE_PUNCTUATION}、()\t ] )
    """,
    regex.VERBOSE,
)
# What the ongoing words may follow: a clause's start, or the start of the work (2020年起持续推进).
_ONGOING_AFTER = frozenset(_CLAUSE_PUNCTUATION + "、()\t 起并")  # (…底前，并长期坚持)
# Or the words that put it after a first step: 2021年9月底前完成，此后持续推进.
_ONGOING_AFTER_WORDS = frozenset(("此后", "之后", "今后", "其后"))
_SERVICE_HOURS = LazyPattern(
    r"""
    (?<! [0-9０-９] )
    (?: (?P<days> [1-7１-７] | [一二三四五六七] )                     # 7×, 5×: days a week
      | (?P<every_day> 365 [ ]? [天日] ) )                            # 365天×: every day
    [ ]? [×xX*＊✕] [ ]?
    (?P<hours> 2[0-4] | 1[0-9] | [1-9] | ２[０-４] | １[０-９] | [１-９]
             | 二十[一二三四]? | 十[一二三四五六七八九]? | [一二三四五六七八九] )
    (?! [0-9０-９] ) [ ]? (?: 个 )? 小时                       # 24小时: hours a day
    """,
    regex.VERBOSE,
)
_ON_THE_SPOT = LazyStdlibPattern(  # the standard engine scans literals faster
    r"""
    (?: 立等可取 | 即来即办 | 即办即结 | 即时办结 | 当场办结 | 当场办理 | 当即办结 | 立即办结 )
    (?! 比例 | 率 )                    # 提高当场办结比例, 即办件当场办结率: the name of a share
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
      # 压缩在3天以内, first: 压缩在零元到2020年 is not 压缩(在零元)到
      (?P<verb> {_alternation(_SHORTENING_VERBS)} ) (?P<object>) (?P<to> 在 )
    | (?P<verb> {_alternation(_DECREASE_VERBS + _INCREASE_VERBS)} ) (?! 值 | 率 )  # not 增加值
      # 压减(环节)至: what changes; it ends with no verb of its own (减征幅度提高到50% goes up)
      (?P<object> (?: [^0-9０-９{_CLAUSE_PUNCTUATION}]{{0,15}}? [^0-9０-９{_CLAUSE_PUNCTUATION}]
                      (?<! {_alternation(_DECREASE_VERBS + _INCREASE_VERBS)} ) )?? )
      (?P<to> 至 | 到 | 为 )
    | (?P<verb> 减 | 降 | 缩 | 增 | 升 ) (?P<object>) (?P<to> 至 | 到 | 为 )   # 减至, 降为, 缩至
    | (?P<verb> 提 ) (?P<object>) (?P<to> 至 )                   # 从30%提至50% (not 提到, mention)
    | (?P<verb> 减 ) (?P<object>) (?P<to> 按 )                          # 减按50%征收
    """,
    regex.VERBOSE,
)
# A change verb that touches the amount: 降低15%, 压缩60% (a change by the amount).
_CHANGE_BY_BEFORE = LazyPattern(
    # (降 and 减 alone too: 再降10%以上, 成本减20%; a longer verb ending in one starts first)
    rf"(?P<verb> {_alternation(_DECREASE_VERBS + _INCREASE_VERBS + _SPEED_VERBS)} | 降 | 减 ) 了?"
    r" \Z",
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
# The size of a change named before a share: 降幅达60%, 增幅为15% (the share is the change).
_AMPLITUDE_BEFORE = LazyPattern(
    rf"""(?P<word> {_alternation(_AMPLITUDES)} ) (?: 达到 | 达 | 为 | 超过 | 约 | 在 )? [ ]? \Z""",
    regex.VERBOSE,
)
# A comparison by an amount: 比全国平均水平低20%, 较上年高0.5个百分点, 比法定时限少3天. The
# adjective touches the number; 比 or 较 opens what it is compared with, in the same clause.
_COMPARED_BY_BEFORE = LazyPattern(
    r"""
    (?: 比 | 较 (?! 高 | 低 | 多 | 少 | 大 | 好 | 快 ) ) [^,;:。!?\n]{1,16}?
    (?<! [最降减提偏过不太很更] ) (?P<word> [低高少多] ) 了? \Z
    """,
    regex.VERBOSE,
)
# The first characters of the change verbs: a window without one holds no verb to search for.
_CHANGE_VERB_FIRSTS = frozenset(verb[0] for verb in _DECREASE_VERBS + _INCREASE_VERBS)
_TOUCHING_VERB_FIRSTS = _CHANGE_VERB_FIRSTS | {verb[0] for verb in _SPEED_VERBS}
_TIGHT_PREFIX_BEFORE = LazyPattern(
    rf"""(?P<word> {_alternation(_TIGHT_PREFIXES)} )
    # not the tail of a word: 节约500元 saves 500元, 最近3年 are the last three
    (?<! [节集简预签履违公条契] 约 | [最附就] 近 )
    [ ]? \Z""",
    regex.VERBOSE,
)
_LOOSE_PREFIX_BEFORE = LazyPattern(
    rf"""
    (?P<word> {_alternation(_LOOSE_PREFIXES)} )
    # (a year of reference counts as one word: 不低于2023年日均用电量的70%)
    (?P<gap> (?: [^0-9０-９{_CLAUSE_PUNCTUATION}、“”（）()] | [0-9]{{4}} 年 ){{1,8}}
           # …同期贷款市场报价利率的50%, …相对应《全国工业用地出让最低价标准》的70% (a title
           # counts as one word)
           | (?: [^0-9０-９{_CLAUSE_PUNCTUATION}、“”（）()《》] | 《 [^》\n]{{1,40}} 》
               | [0-9]{{4}} 年 ){{1,15}}
             的 )
    \Z
    """,
    regex.VERBOSE,
)
# How an aside after a bound restates the bound's value: (不含6亩), (含本数).
_THE_VALUE = r"(?: 本数 | [0-9０-９〇零一二两三四五六七八九十] )"
_SUFFIX_AFTER = LazyPattern(
    rf"""
    [ ]?
    (?: \( [^()\n]{{1,20}} \) [ ]? )?                     # 8.5天(指工作日,下同)以内: an aside
    (?P<word> 及以上 | 及以下 | 以上 | 以下 | 以内 | 之内 | 左右
            | 内 (?! [部容外资涵] ) )                           # 内, not 内部 or 内资
    # 6亩以下(不含6亩), 以上(含本数): whether the bound holds its value; (不含施工图审查) leaves out
    # part of the work, not the value: no exclusive bound.
    (?: [ ]? \( (?: (?P<exclusive> 不 (?: 含 | 包括 ) ) (?= {_THE_VALUE} | \) )
                   | 不? (?: 含 | 包括 ) ) [^()\n]{{0,12}} \) )?
    """,
    regex.VERBOSE,
)
# Whether a bound written before the number holds its value, in an aside after it that names
# nothing else: 不超过100万元(含100万元), 低于5%(不含), (含本数); not (含税).
_INCLUSION_AFTER = LazyPattern(
    rf"""
    [ ]? \( (?P<exclusive> 不 )? (?: 含 | 包括 ) (?: {_THE_VALUE} [^()\n]{{0,23}} )? \)
    """,
    regex.VERBOSE,
)
# A number that is not a quantity by what follows it: a meeting's session (七届44次会议), a day of
# the month a news item is dated (财政部1日发布, 官员28日称).
_SESSION_AFTER = LazyPattern(r"(?: 常务 | 全体 )? (?: 会议 | 全会 | 常委会 )", regex.VERBOSE)
# The name of a rate a number of times begins: 一次办结率, 一次通过率 (not a count of one; nor is
# 5次的审批效率, where 的 closes what the count qualifies).
_RATE_NAME_AFTER = LazyPattern(r"[\p{Han}--[率的]]{1,4} 率", regex.VERBOSE | regex.V1)
# 一次 as the manner of a work, not a count: at a clause's head or after a verb of bringing
# about, and before the work (实行一次告知、一次办结, 一次采集、多次复用); not 跑一次, 每年开展一次.
_ONCE_BEFORE = LazyPattern(
    r"(?: \A | [、，,；;：:“\"（(\s] | 实现 | 实行 | 推行 | 做到 | 落实 | 推进 | 坚持 ) \Z",
    regex.VERBOSE,
)
_ONCE_AFTER = LazyPattern(r"[\p{Han}--[以及或左多余每]]", regex.VERBOSE | regex.V1)
_DAY_DATED_AFTER = LazyPattern(
    r"""(?: 发布 | 印发 | 召开 | 举行 | 出台 | 公布 | 宣布 | 电 | 讯 | 起施行 | 起实施
          | 上午 | 下午 | 晚间 | 在 | 向 | 称 | 透露 | 表示 | 介绍 )""",  # 副部长18日在北京透露
    regex.VERBOSE,
)
# A book title (《…》) names a document: its numbers (三年行动计划, 2022-2024) are part of a name.
_TITLE = LazyPattern(r"《 [^《》\n]{0,80} 》", regex.VERBOSE)
# Counts of a text's own parts (五个方面, 26条具体措施, 三项工作, 四个部分, 50项重点改革任务):
# they describe the text, they promise nothing. A count of the parts' parts may stand between
# (28项48个子项改革任务: the 28 are tasks too).
_OWN_PARTS_AFTER = LazyPattern(
    r"""
    (?: (?: [0-9]{1,4} | [一二三四五六七八九十百]{1,4} ) [ ]? [个项条类] )?
    (?: 具体 | 重点 | 主要 | 重大 | 政策 | 改革 | 配套 | 保障 | 子项 ){0,2}
    (?: 措施 | 举措 | 方面 | 层面 | 维度 | 板块 | 任务 | 政策 | 意见 | 行动 | 原则 | 要求 | 部分
      | 工作 (?! 日 | 组 | 站 | 室 ) )                      # 3个工作组 are set up, not parts
    """,
    regex.VERBOSE,
)
# A count of 条 or 项 with words of what they are before 举措, 措施 or 指标: 23条抗疫纾困促发展举措,
# 35项惠企举措, 17项核心指标 (a document's own parts, or what it measures).
_OWN_PARTS_NAMED_AFTER = LazyPattern(
    r"[^0-9,;:。!?\n、“”()的]{1,8}? (?: 举措 | 措施 | 指标 )", regex.VERBOSE
)
# What a count of articles (条) follows when it counts a document's own: 《条例》共72条, 共7章72条,
# 包括5个方面20条.
_PARTS_BEFORE = LazyPattern(
    r"""
    (?: 》 [ ]? (?: 共有 | 共计 | 共 | 包括 | 分为 | 含 )?
      | (?<= [0-9一二三四五六七八九十] ) 章 | 方面 | 部分 ) [ ]? \Z
    """,
    regex.VERBOSE,
)
# A span of time that names a plan or a campaign (三年行动计划, 三年提升行动, 五年规划). Not one
# bounded or measured (三年内完成…规划, 三年时间, 为期): those are time limits.
_PLAN_NAME_AFTER = LazyPattern(
    r"[^\p{P}\s0-9０-９内以之前完时期在本于]{0,4}? (?: 行动 | 计划 | 规划 | 方案 | 攻坚 )",
    regex.VERBOSE,
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
# A year's first months, a span so far (今年前10个月): in a report's words and at a clause's head.
_FIRST_MONTHS = (
    r"[前首] (?: 1[01] | [1-9] | 十一 | [二三四五六七八九十] ) 个? 月"  # (前6月, 首7个月)
)
# A number of places after the verb of their change, up to its 位: 提升了30多位.
_PLACES_COUNTED = r"了? [0-9一二三四五六七八九十两]{1,3} [ ]? (?: 多 | 余 )? 位"
# What a status report says: the figures of a sentence with these words and no commitment were
# measured, not promised (截至2020年3月…达6.94亿, 耗时10分钟, 原需6个工作日).
# Shares of those asked, and what they said (32%的网民期待…, 41%的受访企业表示…, 有4成企业反馈…): a
# survey, whose figures, bounds and all, were measured.
_SURVEYED = r"""
    (?: % | (?<= [0-9一二三四五六七八九] ) 成 ) (?: 的? [^,;:。!?\n%]{0,10}? )?
    (?: 认为 | 表示 | 期待 | 期盼 | 希望 | 称赞 | 赞同 | 感到 | 反映 | 反馈 | 担心 )
"""
_SURVEY = LazyPattern(_SURVEYED, regex.VERBOSE)
_STATUS_WORDS = LazyPattern(
    rf"""
    截至 | 截止 (?! 日期 | 时间 ) | 累计
  | 显示 (?<= (?: 数据 | 统计 | 报告 | 调查 | 监测 | 评估 | 测评 | 评价 | 结果 | 普查 ) 显示 )
  | 发现 (?<= (?: 报告 | 调查 | 研究 | 监测 | 评估 | 测评 ) 发现 )        # 本报告发现：…约60%
  | 同比 (?! [^,;:。!?\n的]{{0,12}} 的 )    # not 同比增长10%以上的企业: who a measure is for
  | 原需 | 原来需要 | 耗时
  | 耗费
  | (?<! [由从比较将把对与按] ) 目前 (?! 的 )                 # 目前全国市场主体超1亿户
        (?<! [项题科节条栏名账细书] 目前 )          # not 项目前期, 题目前: 目 ends a word
  | 花费 | 现已
  | 已 (?<! 承诺已 ) (?: 超 | 达 | 经达 | 有 | 累计 | 完成 | 实现 | 压缩 | 减少 | 于 )
                      # 已于今年4月初全部付清; not 承诺已完成清税的个体工商户, a condition (the
                      # literal first: the lookbehind is tried at each 已, not at every position)
  | 了 (?<! [为為爲除] 了 ) (?! [解结] )  # 压缩了78.89%, 贡献了60%以上的税收: done (not 为了, 了解)
  | (?: 到 | 至 | 为 ) 现在的                                  # 由过去的15天压缩到现在的3天
  | 去年 | 以来 | 前 [一二三] 季度                          # 今年以来, 今年前三季度: so far
  | (?<= 年 | ^ | [,;:。!?\n ] ) {_FIRST_MONTHS}            # 今年前10个月, ，前4个月: so far
  | 近年来 | 多年来 | 近几年来
  | 年来 (?<= (?<! [0-9] ) [一二两三四五六七八九十0-9] 年来 )            # 五年来, 3年来: so far
  | 过去 (?<! [由从比较] 过去 ) (?! 的 )                      # 过去五年: looking back
  | (?<! [0-9] ) 1 [ ]? [-—–~～至到] [ ]? (?: 1[0-2] | [2-9] ) [ ]? 月   # 1—9月: so far
  | 据统计 | 据介绍 | 据悉 | 获悉 | 共有 | 现有 | 实有         # 据统计…, 我市共有市场主体52.3万户
  | 据 (?<! [根依] 据 ) [^,;:。!?\n据]{{1,24}}? (?: 介绍 | 统计 | 测算 | 显示 )  # 据…总局介绍,
                                                  # 据世界银行《2019全球营商环境报告》显示
  | 已 (?: 全面 | 全部 | 基本 | 提前 | 如期 | 顺利 ) (?: 完成 | 实现 )   # …的目标已全面完成
  | 共 (?<= 全 [市省区县国州] 共 ) (?! 同 | 享 | 建 )   # 全市共减免房租2.3亿元: a total so far
  | 经测算 | 据测算 | 预计 | 估计                            # 经测算，每年可节省约2.3亿元
  | 超额完成 | 如今 | 而今                                  # …，超额完成年度目标任务
  | 实际 (?<! [按照据依以对] 实际 ) (?: 完成 | 执行 | 减免 | 新增 | 发放 | 到位 )
                      # 实际完成减税235亿元: the outcome (not 按实际完成投资额的5%, a basis)
  | {_SURVEYED}
  # A change by places and the place it led to (排名提升25位至第12位): a ranking's result.
  | (?<= (?: {_PLACES_GAINED} ) {_PLACES_COUNTED} )
    [至到] (?: 全国 | 全省 | 全市 | 全区 | 全球 | 世界 )? 第
  # A place lost (排名下滑3位): no plan promises one.
  | 位 (?<= (?: {_PLACES_LOST} ) {_PLACES_COUNTED} )
  # A change against a past year measured to hundredths (较2017年压缩78.89%): plans promise
  # round figures (在2017年基础上压缩60%), reports give what was measured.
  | (?: 较 | 比 ) [0-9]{{4}} 年 [^,;:。!?\n0-9]{{0,8}}? [0-9]{{1,3}} \. [0-9]{{2,}} [ ]? %
    """,
    regex.VERBOSE,
)
# A year at the head of a sentence (2018年，全市…): before the plan's own year, what follows
# reports the past.
# Not a year something starts from (2020年起，连续3年每年安排…): that runs on into the plan's.
# So is one after 在 (在2022年全省营商环境评价中，…), but not a year of reference or a deadline
# (在2017年基础上, 在2025年底前).
_LEADING_YEAR = LazyPattern(
    r"""
    [ \u3000]*
    (?: (?P<year> [0-9]{4} ) [ ]? 年 (?! [ ]? (?: 起 | 开始 | 以后 | 之后 ) )
      | 在 [ ]? (?P<year> [0-9]{4} ) [ ]? 年
        (?! [ ]? (?: 起 | 开始 | 以后 | 之后 | 基础 | 的基础 | 底 | 末 | 前 | 内 | 以前 | 之前
                 | 年底 | 年末 | 上半年 | 下半年 | [0-9一二三四五六七八九十] ) ) )
    """,
    regex.VERBOSE,
)
# A year something was done in (我市于2019年率先实现…): before the plan's own, a report.
_DONE_IN_YEAR = LazyPattern(
    # (not 不低于2023年的70%, 早于2019年: 于 of a comparison)
    r"于 (?<! [低高少多大小等优早晚] 于 ) [ ]? (?P<year> [0-9]{4} ) [ ]? 年"
    r" (?! [ ]? (?: 底 | 末 | 前 | 内 | 以前 | 之前 | 起 ) )",
    regex.VERBOSE,
)
# A clause headed by a time past (去年全市新增市场主体18万户，今年力争…), or right after a clause
# that is only such a time (今年前三季度，全市减税降费35亿元，预计全年将…): it reports, though its
# sentence promises. A year heads such a clause when it is before the plan's own and no bound or
# start follows it (2020年底前 is a deadline, 2020年起 a start).
_PAST_HEAD = LazyPattern(
    rf"""
    [ \u3000]*
    (?: 去年 | 上年 (?! 同期 | 度 ) | 上一年 | 前年 | 过去 [一二两三四五六七八九十几]{{1,2}} 年
      | (?: 今年 )?
        (?: 以来 | 前 [一二三] 季度 | 1 [ ]? [-—–~～至到] [ ]? (?: 1[0-2] | [2-9] ) [ ]? 月
          | {_FIRST_MONTHS} )
      | 近年来 | 截至目前 | [一二两三四五六七八九十] 年来
      | 过去 (?! 的 ) | 如今 | 而今 | 现在 (?! 起 | 开始 | 的 )       # 过去…，现在只需3天
      | (?P<year> [0-9]{{4}} ) [ ]? 年
        (?! [ ]? (?: 底 | 末 | 前 | 内 | 以前 | 之前 | 起 | 开始 ) )
      # 上半年，… in a text issued after June: a period of the text's year already over (read
      # only then: before, it is a time to meet)
      | (?: (?P<half> [上下] 半年 ) | 第? (?P<quarter> [一二三四1-4] ) 季度 )
        (?= [ ]? [,:] ) )
    """,
    regex.VERBOSE,
)
# The characters such a time may start with: a clause that starts with none needs no match.
_PAST_HEAD_FIRSTS = frozenset("去上前首过今以1近截如而现0123456789一二两三四五六七八九十 \u3000")
# The longest clause that is only such a time (with spaces): 今年1 - 10 月，
_PAST_HEAD_LONGEST = 16
# A clause that is only such a time, its break included: 今年前三季度，
_PAST_HEAD_ALONE = LazyPattern(r"[ \u3000]* [,:] \Z", regex.VERBOSE)
# What a plan says: a sentence with these words promises, whatever else it reports.
# Plain literals: the standard engine searches a sentence for them in half the time.
_PROMISES = r"""
    要 (?<! [需主重只摘纪] 要 )         # not 需要, 主要, 重要, 只要 (the lookbehind after 要: the
                                      # engine still skips to the literal)
  | 将 (?<! 预计将 ) (?! [^,;:。!?\n]{0,16}? [由从] [ ]? [0-9０-９一二三四五六七八九十] )
                                      # not 将公告时间由45天压缩为20天: 将 as 把, which a
                                      # report writes as a plan does; not 预计将, a forecast
  | 力争 | 确保 | 争取 | 必须 | 应当
  | 目标 (?! 已 ) (?<! 超额完成目标 ) (?<! 超额完成年度目标 )
                                      # not …的目标已全面完成, 超额完成年度目标任务: met
  | 计划 (?= 完成 | 实现 | 新增 | 投资 | 开工 | 建成 | 引进 | 培育 | 达到 )  # 2021年计划完成投资…
"""
# The words of a bound, which promise too, unless a time past or a date of record says the
# figures were measured (截至一季度末，…平均担保费率控制在1%以内; 2020年，…压缩至4个工作日以内).
_BOUNDS = ("不超过", "不得超过", "控制在", "以内", "之内", "不低于", "不少于", "不高于")
_BOUND_WORDS = frozenset(_BOUNDS)
_COMMITMENT_WORDS = LazyStdlibPattern(rf"{_PROMISES} | {' | '.join(_BOUNDS)}", re.VERBOSE)
_PROMISE_WORDS = LazyStdlibPattern(_PROMISES, re.VERBOSE)
# Words that put a whole sentence in the past as a date of record does: what it bounds was met.
# (以来: 今年以来，…耗时不超过15个工作日; a change verb with 了: 较原来缩短了20个工作日, done)
_RECORD_WORDS = LazyStdlibPattern(
    "超额完成|如今|而今|目前已|现已|以来|"
    + "|".join(f"{verb}了" for verb in _DECREASE_VERBS + _INCREASE_VERBS)
)
# The time a law allows, right before the figure: 法定时限20个工作日 is what is, not a promise.
_STATUTORY_BEFORE = LazyPattern(
    r"法定 (?: 办理 | 审批 | 办结 | 审查 )? (?: 时限 | 期限 | 时间 ) (?: 为 | 是 )? [ ]? \Z",
    regex.VERBOSE,
)
# 已 before the verb of a figure in its clause: 已超1亿户, 已达6.94亿, 已累计完成改造1200户 —
# reported, in any sentence. Not 已完成改造的小区达到90% (已 in what qualifies a noun).
_ALREADY_BEFORE = LazyPattern(
    r"已 (?: 经 )? (?: [^0-9的,;:。!?、\n] | [45] G ){0,10} \Z",
    regex.VERBOSE,  # 已建成5G基站
)
# What a measure gives: a bound figure before these nouns sizes the benefit.
_BENEFIT_AFTER = LazyPattern(
    r"""补助 | 补贴 | 奖励 | 奖补 | 资助 | 扶持 | 贴息 | 优惠 | 比例 | 额度 | 资金 | 支持 | 减免
      | 贷款 (?! 项目 | 企业 | 主体 )""",  # 不超过45万元的创业担保贷款; not 贷款项目 (who)
    regex.VERBOSE,
)
# The words that give a benefit to someone: 对…企业给予奖励. A bound figure before them bounds
# who receives it (超过1000万元的企业给予奖励), not what is given.
_GIVING = ("给", "予以", "享受", "获得")
# The verbs of giving or paying right before a bound figure: 支付不低于30%的预付款 sizes what is
# paid, whatever noun follows.
_PAYING_BEFORE = frozenset(
    ("支付", "给予", "提供", "发放", "拨付", "预留", "安排", "返还", "退还", "承担")
)  # (承担不低于20%的风险责任)
# The same verbs before a bound word with a reference between it and the figure: 支付不低于合同
# 金额30%的预付款.
_PAID_BOUND_BEFORE = LazyPattern(
    rf"""
    (?: {_alternation(_PAYING_BEFORE)} ) (?: {_alternation(_LOOSE_PREFIXES)} )
    [^0-9０-９{_CLAUSE_PUNCTUATION}、“”（）()]{{1,8}} \Z
    """,
    regex.VERBOSE,
)
# Who or what a measure covers, right after a bound size or amount with no 的 between: 160千瓦及
# 以下小微企业, 5000万元以上项目. (A count's noun is what is counted: 10家以上企业.)
_ENTITIES = r"""
    (?: 企业 | 项目 | 工程 | 用户 | 客户 | 纳税人 | 市场主体 | 经营主体 | 个体工商户 | 商户 )"""
_ENTITY_AFTER = LazyPattern(
    rf"""
    [^,;:。!?\n()、的]{{0,4}}?
    {_ENTITIES}
    # or what is done for those within the bound, right after it: 容量160千瓦及以下实行“零投资”,
    # 月销售额10万元以下免征增值税
  | [ ]? (?: 实行 | 执行 | 适用 | 享受 | 免征 | 免收 | 免予 | 免于 | 一律 )
    # or the reward of a band, a figure right after it: 3亿元至10亿元(不含10亿元)奖励10万元
  #   (also after a comma: 产值增速15%(含)以上，最高奖励200万元)
  | [ ]? (?: \( [^()\n]{{0,16}} \) )? [ ]? (?: [,，] [ ]? (?: 最高 | 可 )? )? (?: 的 )?
    (?: 一次性 )? (?: 奖励 | 补助 | 补贴 | 奖补 | 资助 ) [ ]? (?= [0-9０-９一二三四五六七八九十] )
    """,
    regex.VERBOSE,
)
# What stands between the bounds of one noun's conditions across a comma: 20亿元(含)以上，且产值增速
# 10%(含)以上, 主营业务收入在1600万元以上，增速在30%以上的企业.
_CONDITIONS_BETWEEN = LazyPattern(
    r"[,，] [ ]? (?: 并? 且 [^,，。;；:：!?\n]{0,8} | [^,，。;；:：!?\n]{1,6} 在 ) [ ]?",
    regex.VERBOSE,
)
# After a bound change, the entities it picks out: 营业收入同比增长10%以上的规模以上工业企业.
_CHANGED_ENTITY_AFTER = LazyPattern(rf"的 [^,;:。!?\n()、的]{{0,8}}? {_ENTITIES}", regex.VERBOSE)
# 有效期3年, 有效期为2年, 有效期至2025年底, 执行期限为六个月: how long a document holds, which
# bounds its measures in time.
_VALIDITY_BEFORE = LazyPattern(
    r"(?: 有效期 | 执行期 | 实施期 ) 限? (?: 为 | 是 | 至 | 到 )? [ ]? \Z", regex.VERBOSE
)
# A payment put off to a date, the verb a few words before it: 缓缴社会保险费至12月底.
_DEFERRED_BEFORE = LazyPattern(
    rf"""(?: 缓缴 | 缓交 | 暂缓缴纳 | 延缓缴纳 | 延期缴纳 )
         [^0-9{_CLAUSE_PUNCTUATION}]{{0,12}} [至到]? \Z""",
    regex.VERBOSE,
)
# A measure carried on to a date: 政策延续至2021年3月31日, 执行至2025年底, 顺延至…: the date
# it holds until, which bounds it as a validity does, not a date to finish work by.
_CARRIED_ON = frozenset(("延续", "延长", "顺延", "延期", "执行", "继续"))
# Verbs right before a share of things that make the share what is to be reached: 覆盖80%以上的….
_REACHING = LazyPattern(
    rf"(?: 覆盖 | 惠及 | 实现 | 达到 | 完成 ) [^0-9０-９{_CLAUSE_PUNCTUATION}、的]{{0,6}} \Z",
    regex.VERBOSE,
)  # 覆盖城区80%以上的社区: with what is covered between
# What the things a share counts are to achieve: 50%以上的审批事项实现“秒批”.
_ACHIEVED_AFTER = LazyPattern(r"[^,;:。!?\n()]{0,12}? (?: 实现 | 达到 | 做到 )", regex.VERBOSE)
# What a bound figure qualifies: 不满1千伏的, 6亩以下(不含6亩)的, 小于100米、不影响交通的工程.
_SCOPE_AFTER = LazyPattern(r"[^,;:。!?\n()]{0,12}? 的", regex.VERBOSE)
# Between a change by an amount and the level it comes to: 下降0.8个百分点至5.2%.
_TO_AFTER_A_CHANGE = frozenset(("至", "到", "为"))
# The words of what is now, which name a change's baseline as 由 does.
_NOW_WORDS = ("目前", "现在", "当前", "现行", "原来", "原有")
# 由/从 before the value a change starts from, a few words away at most (从不高于…2个百分点).
# The gap may open with the year the baseline was measured in: 由2018年的60%提升至…. Without
# 由, what is now names the baseline: 将目前的20个环节压缩至10个; so does 将 or 把 right before it
# (将12个工作日压缩至5个工作日, 把20个审批事项压减到12个), or before what the value is of, with
# its 的 (将企业开办涉及的6个环节精简为3个环节).
_FROM_BEFORE = LazyPattern(
    rf"""
    (?P<from> 由 | 从 | (?: {_alternation(_NOW_WORDS)} ) 的 | 原先 | 原来 | 将 | 把 )
    (?P<gap> (?<= [将把] )
             # (not past a nearer word of the baseline: 将由现在的3个工作日…)
             (?: [^0-9０-９{_CLAUSE_PUNCTUATION}由从的]{{1,12}} 的
                 (?<! (?: {_alternation(_NOW_WORDS)} | 原先 ) 的 ) )?
           | (?<! [将把] ) (?: [0-9]{{4}} [ ]? 年 (?: 底 | 末 )? )?
             [^0-9０-９{_CLAUSE_PUNCTUATION}]{{0,12}} )
    \Z
    """,
    regex.VERBOSE,
)
# What is now, right before a value and the noun it is of: 将现行16%的增值税税率降至13%. Only 的
# and a few words with no number or break (_NOUN_BETWEEN), _NOUN_BEFORE_VERB characters at
# most, stand between the value and the verb.
_NOW_BEFORE = LazyPattern(rf"(?: {_alternation(_NOW_WORDS)} ) \Z", regex.VERBOSE)
_NOUN_BEFORE_VERB = 12
_NOUN_BETWEEN = LazyPattern(rf"[^0-9{_CLAUSE_PUNCTUATION}、“”（）()]+")
# What may stand between a change's baseline and its verb: 由现在的3天进一步压缩到1天.
_ADVERBS_BEFORE_A_CHANGE = frozenset(
    ("", "进一步", "再", "逐步", "分别", "大幅", "全部", "均", "已", "已经")  # 由45天已压缩至20天
)
_LONGEST_ADVERB = max(map(len, _ADVERBS_BEFORE_A_CHANGE))
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
# (the lower end's inclusion may stand before the joiner: 2亿元(含)-10亿元)
_RANGE_BETWEEN = LazyPattern(rf"(?: [ ]? \( 含 (?: 本数 )? \) )? {_RANGE_JOINER}", regex.VERBOSE)
_RANGE_LOWER_BEFORE = LazyPattern(
    rf"(?P<number> {_NUMBER} ) {_RANGE_JOINER} \Z",  # 1至(3个工作日): a bare lower end
    regex.VERBOSE,
)
# The words that join the values of a list: 40小时和1.5小时以内, 5个、3个以上.
# Bare numbers listed before a quantity that writes the unit once: 分别压缩至3、5、7、10个工作日.
_BARE_LIST_BEFORE = LazyPattern(
    r"(?: (?P<number> [0-9]+ (?: \. [0-9]+ )? ) [ ]?"
    r"  (?: 以及 | 、 | 和 | 及 | 与 | 或 ) [ ]? )+ \Z",
    regex.VERBOSE,
)
_BARE_LIST_JOINERS = frozenset("、和及与或")
# The magnitude the last value of such a list is written with (3、5万户: 30000 and 50000户).
_MAGNITUDE_AFTER_DIGITS = LazyPattern(r"[0-9.]+ (?P<magnitude> [十百千万亿]* )", regex.VERBOSE)
_LIST_BETWEEN = LazyPattern(r"[ ]? (?: 和 | 与 | 及 | 以及 | 或 | 、 ) [ ]?", regex.VERBOSE)
# A year listed after a deadline of a whole year (到2022年、2025年，…分别达到90%、95%): due by the
# same bound in its own year. Not a year with a month or a day after it (2023年6月), nor one a
# value is of (2023年的).
_LISTED_YEAR = LazyPattern(
    r"""
    [ ]? (?: 和 | 与 | 及 | 、 ) [ ]? (?P<year> [0-9]{4} ) [ ]? 年
    (?: [ ]? (?: 底前 | 末前 | 底 | 末 ) )?
    (?! [ ]? [0-9０-９一二三四五六七八九十上下第的] )
    """,
    regex.VERBOSE,
)
_COUNTED_NOUN = LazyPattern(
    rf"""
    (?! 中心城 )                                             # 中心城区 is a place, not centres
    (?P<noun> {_alternation(_COUNTED_NOUNS)} ) (?! 性 )       # not 3项阶段性支持政策
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
# A line break that wraps a sentence (a web page's or a PDF's line, 压缩至5个⏎工作日以内): between
# two characters that are not blanks, after none that ends a sentence or a label, and before no
# item marker or heading (1．, （2）, 一、, ①, 第二部分), which start a line of their own.
_LINE_OF_ITS_OWN = r"""
    [（(]? [0-9０-９〇零一二三四五六七八九十]{1,3} [）)、．.] (?! [0-9０-９] ) | [①-⑳]
  | 第 [一二三四五六七八九十]{1,3} [部分篇章条节]
"""
_WRAP = LazyStdlibPattern(
    rf"""
    \n (?<= [^\s。！？!?；;：:] \n ) (?= \S )         # the break first: the engine skips to it
    (?! {_LINE_OF_ITS_OWN} )
    """,
    re.VERBOSE,
)
# A space that sets digits off from Chinese text, as web pages space them (降低 20% 以上). Apart
# from _WRAP: each pattern starting with its one character, the engine skips to it.
_SPACED_DIGITS = LazyStdlibPattern(
    r"""
    [ ] (?: (?<= [\u3400-\u9fff] [ ] ) (?= [0-9０-９] )
          | (?<= [0-9０-９%％] [ ] ) (?= [\u3400-\u9fff%％] ) )
    """,
    re.VERBOSE,
)
# The pinyin a mirror site writes after a character it converted (20萬(wàn)元), read past as a
# wrap is. (The character before it is tested apart: the bracket first, the engine skips to it.)
_PINYIN_NOTE = LazyStdlibPattern(_PINYIN_NOTE_SOURCE)
# A heading (一、总体要求, （二）主要举措) is a line of its own too: no break after it wraps.
_HEADING_LINE = LazyStdlibPattern(rf"(?: {_LINE_OF_ITS_OWN} ) [^\n]{{1,30}} \Z", re.VERBOSE)
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
# 立即办结, 当即办结: 即 one character in; 当场 found by its 当 (a single character's find is a
# twentieth of an absent word's)
_ON_THE_SPOT_ANCHORS = (("即", "当", "立等"), 1)
_ONGOING_ANCHORS = (ONGOING_WORDS, 0)  # each absent word costs a scan of the text
_QUANTITY_PATTERNS: tuple[
    tuple[LazyPattern | LazyStdlibPattern, tuple[str, ...], int | None], ...
] = (
    (_QUANTITY, (), None),  # a number with a unit: no cheap test
    (_PRICE_PER, ("每",), 0),
    (_NOMINAL_DIAMETER, ("DN", "dn", "Dn"), 0),
    (_PERCENT_IN_WORDS, ("分之",), None),
    (_TENTHS, ("成",), 1),
    (_SLASH_FRACTION, ("/",), 1),
    (_RANK, ("前",), None),
    (_PLACE, ("第",), 0),
    (_BARE_PLACE, ("位",), 0),
    (_HALF_TIME, ("半",), 0),
    # 半 after a number of at most _MAX_NUMBER_LENGTH characters, a space and 个 or a unit of
    # up to three characters (one character: a test of a single one costs a fiftieth of two's)
    (_AND_A_HALF, ("半",), _MAX_NUMBER_LENGTH + 4),
    (_SAME_DAY, ("当",), 0),  # 当日, 当天: by their 当, a character's find
)
# The one character every match has before its anchor, for the patterns that have one: only
# those anchors are tried (see _anchored_matches).
_BEFORE_ANCHOR: dict[LazyPattern | LazyStdlibPattern, frozenset[str]] = {
    _TENTHS: frozenset("123456789一二两三四五六七八九十")
}
_TITLE_ANCHORS = ("《",)
_QUOTED_ANCHORS = ("“", "「", '"')
_CHANGE_TO_ANCHORS = (
    "至",
    "到",
    "为",
    "按",
    *dict.fromkeys(v[-1] + "在" for v in _SHORTENING_VERBS),
)
_PER_CAPITA_ANCHORS = ("人", "户", "家")
_DAY_COUNT_ANCHORS = (("天数", "日数"), 0)
# Candidates sort by start, then the longest (the end is stored negated), then the rank.
