"""The extractor's words: units, currencies, the verbs of a change, the words of a bound."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from ..model import (
    Comparator,
    Direction,
    TargetKind,
)

# --- vocabularies --------------------------------------------------------------------------------

# Each unit word as plans write it → (kind, normalised unit). No unit is a magnitude followed by
# another unit (千米 would read as 千 + 米), so that 5千米 is read one way only: 5000 米.
_UNITS: dict[str, tuple[TargetKind, str]] = {
    **{word: (TargetKind.DURATION, unit) for word, unit in {
        "个工作日": "个工作日", "工作日": "个工作日",
        "个自然日": "个自然日", "自然日": "个自然日",
        "个月": "个月", "个小时": "小时", "小时": "小时", "分钟": "分钟", "秒钟": "秒", "秒": "秒",
        "个星期": "周", "星期": "周", "周": "周",
        "天": "天", "日": "日", "年": "年",
        "个季度": "个季度",  # (一季度 alone is a quarter of a year, a date)
    }.items()},
    **dict.fromkeys(("%", "％"), (TargetKind.PERCENTAGE, "%")),
    "‰": (TargetKind.PERCENTAGE, "%"),  # 0.1‰: 0.01%
    **dict.fromkeys(("个百分点", "百分点"), (TargetKind.PERCENTAGE_POINTS, "个百分点")),
    # A basis point (基点, a hundredth of a percentage point) is kept as written: 下调20个基点.
    **dict.fromkeys(("个基点", "基点"), (TargetKind.PERCENTAGE_POINTS, "个基点")),
    # A ranking's percentiles, kept as written: 改善幅度提升超过10个百分位.
    **dict.fromkeys(("个百分位", "百分位"), (TargetKind.PERCENTAGE_POINTS, "个百分位")),
    **{word: (TargetKind.COUNT, word) for word in (
        "个", "件", "家", "种", "项", "类", "次", "人次", "户次", "家次", "批次",
        "名", "人", "户", "台", "套", "条", "份", "座", "辆", "宗", "笔", "张", "轮", "轮次", "枚",
        "场", "场次", "批", "航次", "架次", "班次",
    )},
    **{word: (TargetKind.PHYSICAL, unit) for word, unit in {
        # (web pages write the Latin symbols in either case: 100KVA, 10KV, 160kW)
        "千伏安": "千伏安", "kVA": "千伏安", "KVA": "千伏安", "千伏": "千伏", "kV": "千伏",
        "KV": "千伏", "千瓦时": "千瓦时", "kWh": "千瓦时", "千瓦": "千瓦", "kW": "千瓦",
        "KW": "千瓦", "兆瓦": "兆瓦", "MW": "兆瓦",
        "公里": "公里", "km": "公里", "米": "米",
        "平方公里": "平方公里", "平方米": "平方米", "㎡": "平方米", "立方米": "立方米",
        "公顷": "公顷", "亩": "亩", "吨": "吨", "标箱": "标箱",  # 3335万标箱 (TEU)
        "微克/立方米": "微克/立方米",  # PM2.5年均浓度降至25微克/立方米以下
        "km/km2": "km/km2", "km/km²": "km/km2", "公里/平方公里": "km/km2",
    }.items()},
    "倍": (TargetKind.MULTIPLE, "倍"),
}  # fmt: skip
# Units counted in figures only: in words they are a figure of speech (一张网, 一张蓝图, 一张表单,
# 新一轮, 一场革命).
_FIGURES_ONLY_UNITS = frozenset(("张", "轮", "场", "批"))  # (一批: some; 分9批: batches)
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
    # places in a ranking: 提升5个位次
    "位次", "名次",
)  # fmt: skip
# The measure words a counted noun may follow; 人次, 户次 and the like count people, not things.
_NOUN_MEASURE_WORDS = frozenset(("个", "项", "件", "类", "种", "家", "份", "套", "条", "座"))

# What a price is counted per: 3.25元/吨, 每件550元.
_PER_UNITS = (
    "吨", "件", "户", "人次", "人", "次", "个", "张", "套", "辆", "台", "份", "页", "箱", "标箱",
    "家", "平方米", "立方米", "千瓦时", "度", "方", "公里", "千米", "米", "公斤", "千克", "斤",
    "千瓦", "kWh", "kW", "KW", "瓦",  # 150元/kW, 0.4元/瓦 (a subsidy per capacity installed)
    "月", "年", "天", "日", "小时",
)  # fmt: skip

# What a price in 元 may be per when its 每 stands apart (每千瓦时降低0.05元): a commodity's unit.
_COMMODITY_UNITS = frozenset(("千瓦时", "度", "吨", "立方米", "方"))

# A unit word followed by these characters is the start of another word: 项目, 条件, 家庭,
# 天然气, 人民, 周边, 周岁 (an age), 年级, 一次性 (the measure word 次 + the suffix 性); or makes
# a time of the past or a name of the figure: 8年前 and 3年来 (ago, since), 1年期贷款 (a tenor),
# 3个月来.
_NOT_FOLLOWED_BY: dict[str, str] = {
    "项": "目", "条": "件例款", "家": "庭长属", "天": "然", "人": "民员才大",
    "周": "边年岁", "年": "级度前来期", "个月": "来", "日": "常", "个": "性人体",
    "场": "景所地馆内外", "批": "准复示发量",
}  # fmt: skip
_NEVER_FOLLOWED_BY = "性"

_DECREASE_VERBS = ("压缩", "压减", "缩减", "缩短", "减少", "降低", "下降", "削减", "精简", "简化",
                   "下调", "下浮", "缩小", "减小", "压降", "减免", "减征",
                   "下滑", "后退", "回落")  # fmt: skip
_INCREASE_VERBS = (
    "提高", "提升", "增加", "增长", "扩大", "放宽", "延长", "上调", "上浮", "上升", "跃升",
    "前进",  # (a place: 前进3位)
)  # fmt: skip
# Speed-up verbs: a share after them is how much faster (审批提速60%); a time after them
# (提速至3个工作日) is shorter, so they change shares only.
_SPEED_VERBS = ("提速", "提效")
# Verbs of shortening that may take 在 for 至 before the new value: 压缩在3天以内.
_SHORTENING_VERBS = ("压缩", "压减", "缩减", "缩短", "精简", "压降")
_DIRECTIONS: dict[str, Direction] = {
    **dict.fromkeys((*_DECREASE_VERBS, "减", "降", "缩"), Direction.DECREASE),
    **dict.fromkeys((*_INCREASE_VERBS, *_SPEED_VERBS, "增", "升", "提"), Direction.INCREASE),
}
# The adjectives of a comparison by an amount (比全国平均水平低20%): which way it goes.
_COMPARED_DIRECTIONS: dict[str, Direction] = {
    **dict.fromkeys(("低", "少"), Direction.DECREASE),
    **dict.fromkeys(("高", "多"), Direction.INCREASE),
}

# The words of a change's size before the share it is (降幅达60%): which way it goes.
_AMPLITUDES: dict[str, Direction] = {
    **dict.fromkeys(("降幅", "减幅", "下降幅度", "降低幅度", "压缩幅度", "压减幅度"),
                    Direction.DECREASE),
    **dict.fromkeys(("增幅", "涨幅", "增长幅度", "提升幅度", "提高幅度"), Direction.INCREASE),
}  # fmt: skip

# Comparator words before a number. Tight ones must touch it (约定 is not 约); loose ones may
# stand a few characters away (至少完成2次, 不高于各项贷款不良率2个百分点).
_LOOSE_PREFIXES: dict[str, Comparator] = {
    **dict.fromkeys(("不超过", "不高于", "不多于", "不大于", "控制在", "最多", "至多", "最高",
                     "不得超过", "不得高于", "不得多于", "最长不超过", "最长不得超过",
                     "最多不超过", "最高不超过", "不应超过", "不应高于",
                     # 缓缴期限最长可延长至6个月 (最长 alone must touch the number)
                     "最长可"), Comparator.AT_MOST),
    **dict.fromkeys(("至少", "最少", "不少于", "不低于", "不小于", "达到", "不得少于", "不得低于",
                     "不得小于", "不应少于", "不应低于"), Comparator.AT_LEAST),
}  # fmt: skip
_TIGHT_PREFIXES: dict[str, Comparator] = {
    **_LOOSE_PREFIXES,
    "达": Comparator.AT_LEAST,
    # 贴息期限最长1年, 最低缴存比例5%: the longest or lowest allowed (最长不超过 is a loose word)
    **dict.fromkeys(("最长", "上限为", "上限"), Comparator.AT_MOST),
    "不超": Comparator.AT_MOST,  # 平均用时不超38个工作日: 不超过 shortened, not 超 (above)
    # 贷款额度最高可达1000万元: up to, not at least (达 alone is a floor)
    **dict.fromkeys(("最高可达", "最高达", "最多可达", "最长可达"), Comparator.AT_MOST),
    **dict.fromkeys(("最短", "最低", "下限为", "下限"), Comparator.AT_LEAST),  # 缴存比例下限为5%
    "满": Comparator.AT_LEAST,  # 缴纳失业保险费满12个月 (不满 is below)
    **dict.fromkeys(("约", "近", "大约"), Comparator.ABOUT),
    **dict.fromkeys(("低于", "少于", "不足", "不到", "小于", "不满"), Comparator.LESS_THAN),
    **dict.fromkeys(("超过", "高于", "多于", "大于", "超", "逾", "突破"), Comparator.MORE_THAN),
    # The signs a condition writes (从业人员≤1000人): folded, ＜ and ＞ are < and >.
    **dict.fromkeys(("≤", "≦"), Comparator.AT_MOST),
    **dict.fromkeys(("≥", "≧"), Comparator.AT_LEAST),
    "<": Comparator.LESS_THAN,
    ">": Comparator.MORE_THAN,
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
# The characters a number may start with: a figure right after a word, not a verb before it.
_NUMERAL_FIRSTS = _ARABIC_DIGITS | frozenset("〇零一二两三四五六七八九十半")


def _alternation(words: Iterable[str]) -> str:
    # Longest first, so that 个工作日 wins over 个 and 千伏安 over 千伏.
    return "|".join(regex.escape(word) for word in sorted(set(words), key=len, reverse=True))
