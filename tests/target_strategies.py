"""Hypothesis strategies that write quantitative targets as Chinese plans do, with the answer.

Each strategy draws a `Phrase`: the text of one or more targets (3个工作日以内, 由12个工作日缩减至
7个工作日, 2019年底前…达到92%) and the `Target` objects extraction must give back, with spans
relative to the start of the phrase. The expected values are computed here from the drawn
numbers (calendar arithmetic for deadlines), never by calling the code under test.
"""

from __future__ import annotations

import calendar
import datetime
import math
import unicodedata
from collections.abc import Callable
from decimal import Decimal

import attrs
from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st

from yingshang.model import (
    Comparator,
    Deadline,
    DeadlineKind,
    Direction,
    Quantity,
    Span,
    Target,
    TargetKind,
    TargetRole,
)
from yingshang.numbers import to_chinese_numeral

__all__ = [
    "FILLER",
    "ISSUE_DATE",
    "Phrase",
    "bounded_lists",
    "changes",
    "deadline_phrases",
    "deadlines",
    "fillers",
    "halves",
    "listed_deadlines",
    "multiples",
    "ongoing",
    "other_money",
    "phrases",
    "ranges",
    "relative_changes",
    "shared_changes",
    "shared_units",
    "single_targets",
]

# Characters of ordinary policy prose that cannot join a number, a unit or a comparator: no
# numerals, no unit or comparator characters, nothing that starts a word a unit excludes
# (个体, 年度), no counted noun a count would take (企业), no list or range joiner (和, 至), no
# punctuation (which would end a clause).
FILLER = "推动完善建设服务平管理制机业市政务改革创新营商环境监测评价信息共享优化办流程系"
ISSUE_DATE = datetime.date(2019, 7, 23)
FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


@attrs.frozen
class Phrase:
    """A piece of text and the targets in it, spans counted from the start of `text`."""

    text: str
    targets: tuple[Target, ...]

    def shifted(self, by: int) -> tuple[Target, ...]:
        """Return the targets as they stand when the phrase starts at offset `by`."""
        return tuple(
            attrs.evolve(t, span=Span(t.span.start + by, t.span.end + by)) for t in self.targets
        )

    def __add__(self, other: Phrase) -> Phrase:
        return Phrase(self.text + other.text, self.targets + other.shifted(len(self.text)))


def fillers(min_size: int = 0, max_size: int = 6) -> st.SearchStrategy[str]:
    """Draw ordinary prose that contains no target."""
    return st.text(alphabet=FILLER, min_size=min_size, max_size=max_size)


def filler_phrases(min_size: int = 0, max_size: int = 6) -> st.SearchStrategy[Phrase]:
    return fillers(min_size, max_size).map(lambda text: Phrase(text, ()))


# --- numbers ---------------------------------------------------------------------------------


def written_integers(value: int) -> st.SearchStrategy[str]:
    """Draw `value` written with Arabic, full-width or Chinese digits."""
    return st.sampled_from(
        [str(value), str(value).translate(FULL_WIDTH), to_chinese_numeral(value)]
    )


def written_decimals(value: Decimal) -> st.SearchStrategy[str]:
    return st.sampled_from([f"{value:f}", f"{value:f}".translate(FULL_WIDTH)])


@st.composite
def amounts(
    draw: st.DrawFn, *, decimals: bool = True, largest: int = 100_000
) -> tuple[str, Decimal]:
    """Draw a written amount and its value: 7, ７, 七, 3.25, ３．２５."""
    if decimals and draw(st.booleans()):
        value = draw(
            st.decimals(min_value=0, max_value=largest, places=2, allow_nan=False)
        ).normalize()
        value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value
        return draw(written_decimals(value)), value
    whole = draw(st.integers(min_value=0, max_value=largest))
    return draw(written_integers(whole)), Decimal(whole)


@st.composite
def magnified_amounts(draw: st.DrawFn) -> tuple[str, Decimal]:
    """Draw an amount with a magnitude: 2万, 3000万, 两千万 (written 二千万), 1.5亿."""
    magnitude, factor = draw(st.sampled_from([("万", 10**4), ("亿", 10**8)]))
    if draw(st.booleans()):
        value = draw(st.decimals(min_value=1, max_value=9999, places=1, allow_nan=False))
        return f"{value:f}{magnitude}", value * factor
    whole = draw(st.integers(min_value=1, max_value=9999))
    return draw(written_integers(whole)) + magnitude, Decimal(whole * factor)


# --- quantities ------------------------------------------------------------------------------

# Unit as written → normalised unit, by kind. 年 stays below 1000: 2019年 is a year, not a span.
UNITS: dict[TargetKind, tuple[tuple[str, str], ...]] = {
    TargetKind.DURATION: (
        ("个工作日", "个工作日"), ("工作日", "个工作日"), ("个月", "个月"), ("日", "日"),
        ("天", "天"), ("小时", "小时"), ("周", "周"), ("年", "年"), ("分钟", "分钟"), ("秒", "秒"),
        ("秒钟", "秒"), ("个季度", "个季度"),
    ),
    TargetKind.COUNT: (
        ("个", "个"), ("件", "件"), ("家", "家"), ("种", "种"), ("项", "项"), ("类", "类"),
        ("次", "次"), ("人次", "人次"), ("名", "名"), ("户", "户"), ("套", "套"),
        ("轮次", "轮次"), ("枚", "枚"),
    ),
    TargetKind.PERCENTAGE: (("%", "%"), ("％", "%")),
    TargetKind.PERCENTAGE_POINTS: (("个百分点", "个百分点"), ("个基点", "个基点"), ("基点", "个基点"),
                                   ("个百分位", "个百分位")),
    TargetKind.MONEY: (("元", "元"),),
    TargetKind.UNIT_PRICE: (("元/吨", "元/吨"), ("元/件", "元/件"), ("元每吨", "元/吨"),
                            ("元/kW", "元/kW"), ("元/瓦", "元/瓦")),
    TargetKind.PHYSICAL: (
        # (A voltage, 千伏, names whom a measure serves: a scope, drawn by others().)
        ("千伏安", "千伏安"), ("公里", "公里"), ("平方米", "平方米"),
        ("立方米", "立方米"), ("吨", "吨"), ("千瓦时", "千瓦时"), ("公顷", "公顷"),
        # (web pages write the Latin symbols in either case)
        ("KVA", "千伏安"), ("kW", "千瓦"), ("KW", "千瓦"), ("标箱", "标箱"),
        ("微克/立方米", "微克/立方米"),
    ),
}  # fmt: skip


# Nouns a count keeps after its measure word (3个环节 → unit 个环节), and the measure words
# that take them: a sample of yingshang.extract's closed list, written out here, not imported.
COUNTED_NOUNS = ("环节", "阶段", "事项", "证明事项", "材料", "窗口", "部门", "平台", "项目", "断面")
NOUN_MEASURE_WORDS = ("个", "件", "家", "种", "项", "类", "套")


@attrs.frozen
class Written:
    """A quantity as written (no comparator yet), its kind and its value."""

    text: str
    kind: TargetKind
    quantity: Quantity


@st.composite
def plain_quantities(
    draw: st.DrawFn,
    kind: TargetKind | None = None,
    unit: tuple[str, str] | None = None,
    *,
    noun: bool = True,
) -> Written:
    """Draw number + unit: 3个工作日, ９９．９６％, 二万人次 (magnified), 3.25元/吨, 3个环节.

    `unit` (as written, normalised) fixes the unit, for the two sides of a change; a count may
    still draw a counted noun after it unless `noun` is False.
    """
    kind = kind or draw(st.sampled_from(list(UNITS)))
    written_unit, normalised = unit or draw(st.sampled_from(UNITS[kind]))
    if noun and written_unit in NOUN_MEASURE_WORDS and draw(st.booleans()):
        counted = draw(st.sampled_from(COUNTED_NOUNS))
        written_unit, normalised = written_unit + counted, normalised + counted
    if kind is TargetKind.DURATION:
        number, value = draw(amounts(decimals=False, largest=999))
    elif (
        kind in (TargetKind.COUNT, TargetKind.MONEY, TargetKind.PHYSICAL)
        and draw(st.integers(0, 3)) == 0
    ):
        number, value = draw(magnified_amounts())
    elif kind is TargetKind.COUNT:
        number, value = draw(amounts(decimals=False))
    else:
        number, value = draw(amounts())
    return Written(number + written_unit, kind, Quantity(value, normalised))


@st.composite
def quantities(draw: st.DrawFn) -> Written:
    """Draw any quantity, including the prefixed forms 每件550元, DN100 and 百分之九十."""
    form = draw(st.sampled_from(
        ["plain"] * 6 + ["price per", "diameter", "percent words", "per mille", "figures only"]
    ))  # fmt: skip
    if form == "price per":  # 每件550元; 每人每月500元: of one person a month; 每家企业5万元
        per = draw(
            st.sampled_from(["件", "吨", "户", "人每月", "户每年", "家", "家企业", "个项目"])
        )
        number, value = draw(amounts())
        unit = "元/" + per.replace("每", "·")
        return Written(f"每{per}{number}元", TargetKind.UNIT_PRICE, Quantity(value, unit))
    if form == "per mille":  # 0.1‰: 0.01%
        number, value = draw(amounts())
        return Written(f"{number}‰", TargetKind.PERCENTAGE, Quantity((value / 10).normalize(), "%"))
    if form == "figures only":  # 50万张, 3轮: in words (一张网, 新一轮) a figure of speech
        count = draw(st.integers(min_value=1, max_value=99999))
        unit = draw(st.sampled_from(["张", "轮"]))
        return Written(f"{count}{unit}", TargetKind.COUNT, Quantity(count, unit))
    if form == "diameter":
        diameter = draw(st.integers(min_value=1, max_value=99999))
        return Written(f"DN{diameter}", TargetKind.PHYSICAL, Quantity(diameter, "DN"))
    if form == "percent words":
        number, value = draw(amounts(decimals=False, largest=100))
        return Written(f"百分之{number}", TargetKind.PERCENTAGE, Quantity(value, "%"))
    return draw(plain_quantities())


PREFIXES: tuple[tuple[str, Comparator], ...] = (
    ("不超过", Comparator.AT_MOST), ("不高于", Comparator.AT_MOST), ("控制在", Comparator.AT_MOST),
    ("至少", Comparator.AT_LEAST), ("不低于", Comparator.AT_LEAST), ("不少于", Comparator.AT_LEAST),
    ("达到", Comparator.AT_LEAST), ("达", Comparator.AT_LEAST),
    ("不得少于", Comparator.AT_LEAST), ("下限为", Comparator.AT_LEAST),
    ("最长", Comparator.AT_MOST), ("上限为", Comparator.AT_MOST), ("最高可达", Comparator.AT_MOST),
    ("不超", Comparator.AT_MOST), ("约", Comparator.ABOUT), ("近", Comparator.ABOUT),
    ("低于", Comparator.LESS_THAN), ("少于", Comparator.LESS_THAN), ("不足", Comparator.LESS_THAN),
    ("超过", Comparator.MORE_THAN), ("高于", Comparator.MORE_THAN), ("多于", Comparator.MORE_THAN),
    ("≤", Comparator.AT_MOST), ("≥", Comparator.AT_LEAST), ("＜", Comparator.LESS_THAN),
    (">", Comparator.MORE_THAN),
)  # fmt: skip
SUFFIXES: tuple[tuple[str, Comparator], ...] = (
    ("以内", Comparator.AT_MOST), ("以下", Comparator.AT_MOST), ("内", Comparator.AT_MOST),
    ("以上", Comparator.AT_LEAST), ("左右", Comparator.ABOUT),
)  # fmt: skip


@st.composite
def comparators(draw: st.DrawFn) -> tuple[str, str, Comparator]:
    """Draw (prefix, suffix, comparator): at most one comparator word, before or after."""
    where = draw(st.sampled_from(["none", "prefix", "suffix"]))
    if where == "prefix":
        word, comparator = draw(st.sampled_from(PREFIXES))
        return word, "", comparator
    if where == "suffix":
        word, comparator = draw(st.sampled_from(SUFFIXES))
        return "", word, comparator
    return "", "", Comparator.EXACTLY


def _reached(prefix: str, kind: TargetKind, comparator: Comparator) -> Comparator:
    """达到3个工作日: a time limit reached is the time to keep to, not a floor."""
    if prefix.startswith("达") and kind is TargetKind.DURATION:
        return Comparator.EXACTLY
    return comparator


def _target(text: str, kind: TargetKind, **fields: object) -> Target:
    return Target(kind, text, Span(0, len(text)), **fields)  # type: ignore[arg-type]


@st.composite
def single_targets(draw: st.DrawFn) -> Phrase:
    """Draw one quantity with its comparator: 不超过5个工作日, 90%以上, 约２０％."""
    written = draw(quantities())
    prefix, suffix, comparator = draw(comparators())
    text = prefix + written.text + suffix
    comparator = _reached(prefix, written.kind, comparator)
    return Phrase(text, (_target(text, written.kind, quantity=written.quantity,
                                 comparator=comparator),))  # fmt: skip


@st.composite
def approximates(draw: st.DrawFn) -> Phrase:
    """Draw a figure with more than it: 100多家, 20余万户, 1000余亿元 (more than the figure)."""
    number, value = draw(amounts(decimals=False, largest=9999).filter(lambda a: a[1] > 0))
    magnitude, factor = draw(st.sampled_from([("", 1), ("万", 10**4), ("亿", 10**8)]))
    kind, (written_unit, unit) = draw(
        st.sampled_from([(TargetKind.COUNT, pair) for pair in UNITS[TargetKind.COUNT]]
                        + [(TargetKind.MONEY, ("元", "元"))])
    )  # fmt: skip
    text = number + draw(st.sampled_from(["多", "余"])) + magnitude + written_unit
    quantity = Quantity(value * factor, unit)
    return Phrase(text, (_target(text, kind, quantity=quantity, comparator=Comparator.MORE_THAN),))


@st.composite
def others(draw: st.DrawFn) -> Phrase:
    """Draw service hours (7×24小时), an on-the-spot promise (立等可取), the same day
    (当日办结, “一日办结”) or a voltage, which is a scope (10千伏, 35千伏及以上)."""
    form = draw(st.sampled_from(["hours", "on the spot", "same day", "voltage"]))
    if form == "voltage":
        value = draw(st.sampled_from([1, 10, 35, 110, 220]))
        suffix, comparator = draw(st.sampled_from([("", Comparator.EXACTLY),
                                                   ("及以上", Comparator.AT_LEAST),
                                                   ("以下", Comparator.AT_MOST)]))  # fmt: skip
        text = f"{draw(written_integers(value))}千伏{suffix}"
        return Phrase(text, (_target(text, TargetKind.PHYSICAL, quantity=Quantity(value, "千伏"),
                                     comparator=comparator, role=TargetRole.SCOPE),))  # fmt: skip
    if form == "same day":  # 当日办结: one day, as 一日办结 is, quoted or not
        day, unit = draw(st.sampled_from([("当日", "日"), ("当天", "天"), ("一日", "日")]))
        work = draw(st.sampled_from(["办结", "办好", "办理", "到账"]))
        opening, closing = draw(st.sampled_from([("", ""), ("“", "”")]))
        target = Target(TargetKind.DURATION, day, Span(len(opening), len(opening) + len(day)),
                        quantity=Quantity(1, unit))  # fmt: skip
        return Phrase(opening + day + work + closing, (target,))
    if form == "hours":
        days, hours = draw(st.integers(1, 7)), draw(st.integers(1, 24))
        times = draw(st.sampled_from(["×", "x", "*"]))
        text = f"{days}{times}{hours}小时"
        return Phrase(text, (_target(text, TargetKind.SERVICE_HOURS,
                                     quantity=Quantity(days * hours, "小时/周")),))  # fmt: skip
    text = draw(st.sampled_from(["立等可取", "即来即办", "当场办结"]))
    return Phrase(text, (_target(text, TargetKind.ON_THE_SPOT),))


# --- changes ---------------------------------------------------------------------------------

DECREASE_VERBS = ("缩减", "压减", "减少", "压缩", "降低", "削减")
INCREASE_VERBS = ("提高", "增加", "扩大", "放宽", "提升")
SHORT_VERBS = (("减", Direction.DECREASE), ("降", Direction.DECREASE), ("缩", Direction.DECREASE),
               ("增", Direction.INCREASE))  # fmt: skip


@st.composite
def change_verbs(draw: st.DrawFn) -> tuple[str, Direction]:
    """Draw a change verb with its 至/为/到: 缩减至, 提高到, 减为, 压缩在."""
    if draw(st.integers(0, 7)) == 0:  # 压缩在3天以内: 在 after a verb of shortening
        return draw(st.sampled_from(["压缩", "压减", "缩减", "缩短"])) + "在", Direction.DECREASE
    verb, direction = draw(
        st.one_of(
            st.sampled_from(DECREASE_VERBS).map(lambda v: (v, Direction.DECREASE)),
            st.sampled_from(INCREASE_VERBS).map(lambda v: (v, Direction.INCREASE)),
            st.sampled_from(SHORT_VERBS),
        )
    )
    return verb + draw(st.sampled_from(["至", "为", "到"])), direction


@st.composite
def changes(draw: st.DrawFn) -> Phrase:
    """Draw a change to a value, with a baseline or not.

    由12个工作日缩减至7个工作日以内, 从不超过20个工作日压减至15个工作日, 由每件550元减至80元,
    由3天进一步压缩到1天, 现行16%的增值税税率降至13%, 压缩至3个工作日, 提高到95%.
    """
    verb, direction = draw(change_verbs())
    suffix, comparator = draw(st.sampled_from((("", Comparator.EXACTLY), *SUFFIXES)))
    if draw(st.integers(0, 5)) == 0:
        # 由每件550元减至80元: the new price is per piece too.
        per = draw(st.sampled_from(["件", "吨"]))
        (old_amount, old_value), (new_amount, new_value) = draw(amounts()), draw(amounts())
        text = f"由每{per}{old_amount}元{verb}{new_amount}元{suffix}"
        return Phrase(text, (_target(
            text, TargetKind.UNIT_PRICE, quantity=Quantity(new_value, f"元/{per}"),
            comparator=comparator, baseline=Quantity(old_value, f"元/{per}"), direction=direction,
        ),))  # fmt: skip
    kind = draw(st.sampled_from(list(UNITS)))
    unit = draw(st.sampled_from(UNITS[kind]))
    new = draw(plain_quantities(kind, unit))
    if draw(st.booleans()):
        text = verb + new.text + suffix
        return Phrase(text, (_target(text, kind, quantity=new.quantity, comparator=comparator,
                                     direction=direction),))  # fmt: skip
    old = draw(plain_quantities(kind, unit))
    new_quantity, old_quantity = _share_counted_noun(new.quantity, old.quantity)
    if draw(st.integers(0, 4)) == 0:
        # 现行16%的增值税税率降至13%: what is now, before the noun that changes.
        text = f"现行{old.text}的{draw(st.sampled_from(CHANGED_THINGS))}{verb}{new.text}{suffix}"
        return Phrase(text, (_target(text, kind, quantity=new_quantity, comparator=comparator,
                                     baseline=old_quantity, direction=direction),))  # fmt: skip
    origin = draw(st.sampled_from(["由", "从"]))
    bound, bound_comparator = draw(
        st.sampled_from((("", None), ("不超过", Comparator.AT_MOST), ("不高于", Comparator.AT_MOST),
                         ("不低于", Comparator.AT_LEAST)))
    )  # fmt: skip
    if comparator is Comparator.EXACTLY and bound_comparator is not None:
        comparator = bound_comparator  # the old bound still holds for the new value
    adverb = draw(st.sampled_from(["", "", "进一步", "再", "逐步"]))  # 由3天进一步压缩到1天
    text = f"{origin}{bound}{old.text}{adverb}{verb}{new.text}{suffix}"
    return Phrase(text, (_target(text, kind, quantity=new_quantity, comparator=comparator,
                                 baseline=old_quantity, direction=direction),))  # fmt: skip


@st.composite
def counted_changes(draw: st.DrawFn) -> Phrase:
    """Draw a change of a count with the noun counted between the baseline and the verb:
    原先7个办电环节压缩至4个, 把9个办事窗口减至3个 (将 and 把 stay out of the target's text, as
    the sentence's words)."""
    verb, direction = draw(change_verbs())
    suffix, comparator = draw(st.sampled_from((("", Comparator.EXACTLY), *SUFFIXES)))
    measure_word = draw(st.sampled_from(NOUN_MEASURE_WORDS))
    old, new = (
        draw(plain_quantities(TargetKind.COUNT, (measure_word, measure_word), noun=False))
        for _ in range(2)
    )
    lead = draw(st.sampled_from(["原先", "由", "将", "把", "将原来的"]))
    noun = draw(st.sampled_from(["办电环节", "报装手续", "涉企证明", "办事窗口"]))
    text = f"{old.text}{noun}{verb}{new.text}{suffix}"
    if lead in ("原先", "由", "将原来的"):
        kept = lead.removeprefix("将")
        text, lead = kept + text, lead.removesuffix(kept)
    return Phrase(lead, ()) + Phrase(text, (_target(
        text, TargetKind.COUNT, quantity=new.quantity, comparator=comparator,
        baseline=old.quantity, direction=direction),))  # fmt: skip


def _share_counted_noun(new: Quantity, old: Quantity) -> tuple[Quantity, Quantity]:
    """由9个减少为5个阶段: a noun written on one side of a change holds for the other too."""
    if new.unit.startswith(old.unit) and new.unit[len(old.unit) :] in COUNTED_NOUNS:
        return new, Quantity(old.value, new.unit)
    if old.unit.startswith(new.unit) and old.unit[len(new.unit) :] in COUNTED_NOUNS:
        return Quantity(new.value, old.unit), old
    return new, old


@st.composite
def relative_changes(draw: st.DrawFn) -> Phrase:
    """Draw a change by an amount: 降低15%, 压缩60%以上, 在2017年基础上压缩60%, 减少2个百分点,
    下降0.8个百分点至5.2%."""
    direction = draw(st.sampled_from(Direction))
    verbs = DECREASE_VERBS if direction is Direction.DECREASE else INCREASE_VERBS
    verb = draw(st.sampled_from(verbs))
    if draw(st.booleans()):
        written = draw(plain_quantities(TargetKind.PERCENTAGE_POINTS))
        kind = TargetKind.PERCENTAGE_POINTS
    else:
        written = draw(plain_quantities(draw(st.sampled_from(
            [TargetKind.PERCENTAGE, TargetKind.PERCENTAGE, TargetKind.DURATION, TargetKind.COUNT]
        ))))  # fmt: skip
        kind = TargetKind.RELATIVE_CHANGE
    suffix, comparator = draw(st.sampled_from((("", Comparator.EXACTLY), ("以上", Comparator.AT_LEAST),
                                               ("左右", Comparator.ABOUT))))  # fmt: skip
    reference, year = "", None
    if draw(st.booleans()):
        year = draw(st.integers(min_value=1990, max_value=2035))
        reference = draw(st.sampled_from([f"在{year}年基础上", f"比{year}年", f"较{year}年",
                                          f"与{year}年相比"]))  # fmt: skip
        amount = unicodedata.normalize("NFKC", written.text)  # ０．０１% as 0.01%
        decimals = amount.rstrip("%").partition(".")[2]
        if reference[0] in "比较" and amount.endswith("%") and len(decimals) >= 2:
            # 较2017年压缩78.89%: measured to hundredths against a year, a report's figure.
            reference = f"在{year}年基础上"
    if not reference and draw(st.integers(0, 3)) == 0:
        # 比全国平均水平低20%: a comparison by an amount, its adjective in the target's text
        compared = draw(st.sampled_from(COMPARED_WITH))
        adjective = draw(st.sampled_from(COMPARED_ADJECTIVES[direction]))
        text = adjective + written.text + suffix
        return Phrase(f"比{compared}", ()) + Phrase(text, (_target(
            text, kind, quantity=written.quantity, comparator=comparator, direction=direction),))  # fmt: skip
    changed = ""
    if kind is TargetKind.RELATIVE_CHANGE and written.quantity.unit == "%":
        # 降低企业用电成本10%: what changes may stand between the verb and the share.
        changed = draw(st.sampled_from(["", "", *CHANGED_THINGS]))
    text = reference + verb + changed + written.text + suffix
    change = Phrase(text, (_target(text, kind, quantity=written.quantity, comparator=comparator,
                                   direction=direction, baseline_year=year),))  # fmt: skip
    if (
        kind is TargetKind.PERCENTAGE_POINTS
        and not suffix
        and not reference
        and draw(st.booleans())
    ):
        # 下降0.8个百分点至5.2%: the level the change comes to, reached in its direction.
        level = draw(plain_quantities(TargetKind.PERCENTAGE))
        return change + Phrase("至", ()) + Phrase(level.text, (_target(
            level.text, TargetKind.PERCENTAGE, quantity=level.quantity, direction=direction,
        ),))  # fmt: skip
    return change


# What a change by a share may name between its verb and the share (降低企业用电成本10%).
CHANGED_THINGS = ("企业用电成本", "审批时间", "申请材料", "涉企收费", "审批效率")
# What a comparison by an amount is against (比全国平均水平低20%), and its adjectives.
COMPARED_WITH = ("全国平均水平", "法定时限", "承诺时限", "市场价格", "同类地区")
COMPARED_ADJECTIVES = {Direction.DECREASE: ("低", "少"), Direction.INCREASE: ("高", "多")}


# --- halves, multiples, money in other units ---------------------------------------------------

# What a half or a multiple is taken of, written in characters that are no lead word (按, 为, 至,
# 的) and no unit: 法定时限, 基准利率.
REFERENCES = ("法定时限", "贷款基准利率", "承诺时限", "市场价格", "上年水平")


@st.composite
def halves(draw: st.DrawFn) -> Phrase:
    """Draw a half: 压缩一半以上, 再减少一半 (a change by 50%), 减半, 压缩至法定时限的一半以内,
    半天, 半个工作日以内 (half a unit of time)."""
    verb, direction = draw(st.one_of(
        st.sampled_from(DECREASE_VERBS).map(lambda v: (v, Direction.DECREASE)),
        st.sampled_from(INCREASE_VERBS).map(lambda v: (v, Direction.INCREASE)),
    ))  # fmt: skip
    suffix, comparator = draw(st.sampled_from((("", Comparator.EXACTLY),
                                               ("以上", Comparator.AT_LEAST))))  # fmt: skip
    form = draw(st.sampled_from(["by", "short", "of", "time"]))
    if form == "time":
        unit = draw(st.sampled_from(["天", "个工作日", "小时", "日", "个月"]))
        suffix, comparator = draw(st.sampled_from((("", Comparator.EXACTLY),
                                                   ("以内", Comparator.AT_MOST))))  # fmt: skip
        # 1个半月, 两个半工作日, 3个半小时: a whole number of units and a half (3天半 ends
        # with 半, which the next word may take: 3天半价 is not read so)
        whole = draw(st.integers(min_value=0, max_value=30)) if unit not in ("天", "日") else 0
        if whole == 0:
            text, value = f"半{unit}{suffix}", Decimal("0.5")
        else:
            written = draw(written_integers(whole))
            text = f"{written}个半{unit.removeprefix('个')}{suffix}"
            value = whole + Decimal("0.5")
        return Phrase(text, (_target(text, TargetKind.DURATION, quantity=Quantity(value, unit),
                                     comparator=comparator),))  # fmt: skip
    if form == "of":
        suffix, comparator = draw(st.sampled_from((("", Comparator.EXACTLY),
                                                   ("以上", Comparator.AT_LEAST),
                                                   ("以内", Comparator.AT_MOST))))  # fmt: skip
        reference = draw(st.sampled_from(REFERENCES))
        text = f"{verb}至{reference}的一半{suffix}"
        return Phrase(text, (_target(text, TargetKind.PERCENTAGE, quantity=Quantity(50, "%"),
                                     comparator=comparator, direction=direction,
                                     reference=reference),))  # fmt: skip
    if form == "short":
        verb, direction = "减", Direction.DECREASE
        text = "减半"
    elif draw(st.integers(0, 3)) == 0:  # 缩减近一半: about half
        text = f"{verb}{draw(st.sampled_from(['近', '约']))}一半"
        comparator = Comparator.ABOUT
    else:
        text = f"{verb}一半{suffix}"
    return Phrase(text, (_target(text, TargetKind.RELATIVE_CHANGE, quantity=Quantity(50, "%"),
                                 comparator=comparator if form == "by" else Comparator.EXACTLY,
                                 direction=direction),))  # fmt: skip


# The size of a change named before the share it is: 降幅达60%, 增幅为15%.
AMPLITUDES = {
    Direction.DECREASE: ("降幅", "减幅", "下降幅度"),
    Direction.INCREASE: ("增幅", "涨幅"),
}


@st.composite
def amplitudes(draw: st.DrawFn) -> Phrase:
    """Draw a share named as a change's size: 降幅达60%, 增幅为15%以上 (a change by the share)."""
    direction = draw(st.sampled_from(Direction))
    word = draw(st.sampled_from(AMPLITUDES[direction]))
    verb, comparator = draw(st.sampled_from((("", Comparator.EXACTLY), ("为", Comparator.EXACTLY),
                                             ("达到", Comparator.AT_LEAST))))  # fmt: skip
    written = draw(plain_quantities(TargetKind.PERCENTAGE))
    text = f"{word}{verb}{written.text}"
    return Phrase(text, (_target(text, TargetKind.RELATIVE_CHANGE, quantity=written.quantity,
                                 comparator=comparator, direction=direction),))  # fmt: skip


@st.composite
def doublings(draw: st.DrawFn) -> Phrase:
    """Draw a doubling: 翻一番 (an increase by 100%), 翻两番 (by 300%), 翻番以上, 倍增."""
    times, written = draw(
        st.sampled_from([(1, "翻一番"), (1, "翻番"), (2, "翻两番"), (3, "翻三番"), (1, "倍增")])
    )
    suffix, comparator = draw(st.sampled_from((("", Comparator.EXACTLY),
                                               ("以上", Comparator.AT_LEAST))))  # fmt: skip
    text = f"{written}{suffix}"
    grown = Quantity(100 * (2**times - 1), "%")
    return Phrase(text, (_target(text, TargetKind.RELATIVE_CHANGE, quantity=grown,
                                 comparator=comparator, direction=Direction.INCREASE),))  # fmt: skip


@st.composite
def ranks(draw: st.DrawFn) -> Phrase:
    """Draw a place in a ranking: 前10位, 前二十名 (at most that place); 进入全国第10名, 保持第1位
    (that place)."""
    place = draw(st.integers(1, 100))
    unit = draw(st.sampled_from(["名", "位"]))
    if draw(st.integers(0, 3)) == 0:
        # 排名由15位提升至9位, 排名由第15位上升至第9位: a place written after a ranking, 第 or not
        before = draw(st.integers(1, 200))
        ordinal = draw(st.sampled_from(["", "第"]))
        verb = draw(st.sampled_from(["提升", "上升", "跃升", "前进"]))
        text = f"由{ordinal}{before}位{verb}至{ordinal}{place}位"
        if draw(st.booleans()):  # 排名提升12位: a change by places (a place lost reports, and
            # would make the sentence's other targets status: tests/fixtures hold those)
            text = f"{verb}{before}位"
            return Phrase("排名", ()) + Phrase(text, (_target(
                text, TargetKind.RELATIVE_CHANGE, quantity=Quantity(before, "位"),
                direction=Direction.INCREASE),))  # fmt: skip
        return Phrase("排名", ()) + Phrase(text, (_target(
            text, TargetKind.RANK, quantity=Quantity(place, "位"), baseline=Quantity(before, "位"),
            direction=Direction.INCREASE),))  # fmt: skip
    if draw(st.booleans()):
        lead = draw(st.sampled_from(["进入", "进入全国", "保持全省"]))
        text = f"第{draw(written_integers(place))}{unit}"
        return Phrase(lead, ()) + Phrase(text, (_target(
            text, TargetKind.RANK, quantity=Quantity(place, unit)),))  # fmt: skip
    text = f"前{draw(written_integers(place))}{unit}"
    return Phrase(text, (_target(text, TargetKind.RANK, quantity=Quantity(place, unit),
                                 comparator=Comparator.AT_MOST),))  # fmt: skip


@st.composite
def scores(draw: st.DrawFn) -> Phrase:
    """Draw the points of an evaluation after what is scored: 满意度90分以上, 测评得分不低于85分."""
    points = draw(st.integers(1, 100).filter(lambda n: n != 10))  # 十分 is "very"
    scored = draw(st.sampled_from(["满意度", "测评得分", "营商环境评价得分", "考核", "平均分",
                                   "营商便利度"]))  # fmt: skip
    prefix, suffix, comparator = draw(st.sampled_from([
        ("", "", Comparator.EXACTLY), ("", "以上", Comparator.AT_LEAST),
        ("不低于", "", Comparator.AT_LEAST), ("", "左右", Comparator.ABOUT),
    ]))  # fmt: skip
    target = f"{prefix}{draw(written_integers(points))}分{suffix}"
    return Phrase(scored, ()) + Phrase(target, (_target(
        target, TargetKind.SCORE, quantity=Quantity(points, "分"), comparator=comparator),))  # fmt: skip


@st.composite
def multiples(draw: st.DrawFn) -> Phrase:
    """Draw a multiple of a reference: 按照贷款基准利率的1.5倍, 按照市场价格的两倍."""
    reference = draw(st.sampled_from(REFERENCES))
    number, value = draw(st.one_of(
        amounts(largest=20),
        st.integers(2, 9).map(lambda n: (to_chinese_numeral(n), Decimal(n))),
    ))  # fmt: skip
    lead = "按照" + reference + "的"
    target = f"{number}倍"
    return Phrase(lead, ()) + Phrase(target, (_target(
        target, TargetKind.MULTIPLE, quantity=Quantity(value, "倍"), reference=reference),))  # fmt: skip


@st.composite
def other_money(draw: st.DrawFn) -> Phrase:
    """Draw money in a foreign currency (100万美元), a price in 分 (每千瓦时下调4.28分), 万分之五,
    and shares in words (三分之一, 2/3, 三成)."""
    form = draw(st.sampled_from(["currency", "fen", "per ten thousand"]))
    if form == "currency":
        currency = draw(st.sampled_from(["美元", "欧元", "港元", "日元"]))
        number, value = draw(st.one_of(amounts(), magnified_amounts()))
        text = number + currency
        return Phrase(text, (_target(text, TargetKind.MONEY, quantity=Quantity(value, currency)),))
    if form == "fen":  # 每千瓦时下调4.28分, 每吨降低0.2元: a price per the unit named before
        per = draw(st.sampled_from(["千瓦时", "立方米", "吨"]))
        verb = draw(st.sampled_from(["下调", "降低"]))
        number, value = draw(amounts(largest=100))
        written, currency = draw(st.sampled_from([("分", "分"), ("分钱", "分"), ("元", "元")]))
        text = f"{verb}{number}{written}"
        return Phrase(f"每{per}", ()) + Phrase(text, (_target(
            text, TargetKind.RELATIVE_CHANGE, quantity=Quantity(value, f"{currency}/{per}"),
            direction=Direction.DECREASE),))  # fmt: skip
    if draw(st.booleans()):  # 三分之一, 2/3, 三成: a fraction or tenths, in hundredths
        denominator = draw(st.integers(2, 10))
        numerator = draw(st.integers(1, denominator - 1))
        text = draw(st.sampled_from([
            f"{to_chinese_numeral(denominator)}分之{to_chinese_numeral(numerator)}",
            f"{numerator}/{denominator}", f"{to_chinese_numeral(numerator)}成", f"{numerator}成",
        ]))  # fmt: skip
        if text.endswith("成"):
            denominator = 10
        value = 100 * Decimal(numerator) / denominator
        return Phrase(text, (_target(text, TargetKind.PERCENTAGE, quantity=Quantity(value, "%")),))
    number, value = draw(amounts(decimals=False, largest=100))
    scale, factor = draw(st.sampled_from([("千", Decimal("0.1")), ("万", Decimal("0.01"))]))
    text = f"{scale}分之{number}"
    return Phrase(text, (_target(text, TargetKind.PERCENTAGE,
                                 quantity=Quantity((value * factor).normalize(), "%")),))  # fmt: skip


@st.composite
def asides(draw: st.DrawFn) -> Phrase:
    """Draw a bound after an aside in brackets: 减至8.5天(指工作日)以内, 6亩以下(不含6亩)."""
    written = draw(plain_quantities(TargetKind.DURATION))
    aside = draw(st.sampled_from(["(指工作日)", "（指工作日，下同）", "(下同)"]))
    if draw(st.booleans()):
        text = f"{written.text}{aside}以内"
        return Phrase(text, (_target(text, written.kind, quantity=written.quantity,
                                     comparator=Comparator.AT_MOST),))  # fmt: skip
    exclusion = draw(
        st.sampled_from([("(不含", Comparator.LESS_THAN), ("(含", Comparator.AT_MOST)])
    )
    text = f"{written.text}以下{exclusion[0]}{written.text})"
    return Phrase(text, (_target(text, written.kind, quantity=written.quantity,
                                 comparator=exclusion[1]),))  # fmt: skip


# --- ranges and lists ------------------------------------------------------------------------

RANGE_JOINERS = ("至", "到", "-", "－", "~", "～", "—")
LIST_JOINERS = ("和", "与", "及", "以及", "或", "、")
MEASURE_WORDS = ("个", "项", "件", "类", "种", "家", "份", "套", "条", "座")


@st.composite
def ranges(draw: st.DrawFn) -> Phrase:
    """Draw a range: 1至3个工作日, 3-5个工作日, 5%～10%以内, 一到三个月左右.

    It reads as its upper end, AT_MOST unless a word after it says otherwise; the lower end
    is written bare or with the same unit, and is always smaller.
    """
    kind = draw(st.sampled_from([TargetKind.DURATION, TargetKind.COUNT, TargetKind.PERCENTAGE]))
    upper = draw(plain_quantities(kind).filter(lambda written: written.quantity.value >= 1))
    largest = math.ceil(upper.quantity.value) - 1
    lower_value = draw(st.integers(min_value=0, max_value=largest))
    written_lower = draw(written_integers(lower_value))
    number = _leading_number(upper.text)
    if draw(st.booleans()):
        written_lower += upper.text[len(number) :]  # 1个工作日至3个工作日: the unit twice
    joiner = draw(st.sampled_from(RANGE_JOINERS))
    suffix, comparator = draw(st.sampled_from(
        (("", Comparator.AT_MOST), ("以内", Comparator.AT_MOST), ("左右", Comparator.ABOUT),
         ("（不含{}）", Comparator.LESS_THAN), ("(含{})", Comparator.AT_MOST))
    ))  # fmt: skip
    # 3亿元至10亿元（不含10亿元）: an aside says whether the upper end is in
    text = written_lower + joiner + upper.text + suffix.format(upper.text)
    return Phrase(text, (_target(text, kind, quantity=upper.quantity, comparator=comparator),))


def _leading_number(text: str) -> str:
    # The number a plain quantity starts with: its digits, numerals, point and magnitude.
    numerals = "0123456789０１２３４５６７８９.．〇零一二三四五六七八九十百千万亿"
    end = 0
    while end < len(text) and text[end] in numerals:
        end += 1
    return text[:end]


def _listed(draw: st.DrawFn, opening: str, items: list[tuple[str, Target]]) -> Phrase:
    """Write `items` (each a text and its target) after `opening`, joined by drawn list joiners
    (和, 与, 及, 以及, 或, 、): 分别为3、5和10个工作日."""
    phrase = Phrase(opening, ())
    for index, (text, target) in enumerate(items):
        if index:
            phrase = phrase + Phrase(draw(st.sampled_from(LIST_JOINERS)), ())
        phrase = phrase + Phrase(text, (target,))
    return phrase


def _listed_units(items: list[Written]) -> list[str]:
    """The unit of each value of a list: a bare measure word before a value that names its noun
    takes the noun (5个和3个环节, 30个和50个工作日)."""
    units = [item.quantity.unit for item in items]
    for index in range(len(units) - 2, -1, -1):
        after = units[index + 1]
        if (
            units[index] in MEASURE_WORDS
            and after != units[index]
            and after.startswith(units[index])
        ):
            units[index] = after
    return units


@st.composite
def bounded_lists(draw: st.DrawFn) -> Phrase:
    """Draw values of one kind joined by 和/与/及/、 with one bound after the last or before the
    first.

    分别压缩至40小时和1.5小时以内, 分别不超过30个和50个工作日: the bound holds for every value.
    """
    kind = draw(st.sampled_from([TargetKind.DURATION, TargetKind.COUNT, TargetKind.PERCENTAGE,
                                 TargetKind.PHYSICAL]))  # fmt: skip
    items = draw(st.lists(plain_quantities(kind), min_size=2, max_size=4))
    after = draw(st.booleans())
    bound, comparator = draw(st.sampled_from(SUFFIXES if after else PREFIXES))
    if not after:
        comparator = _reached(bound, kind, comparator)
    units = _listed_units(items)
    written = []
    for index, item in enumerate(items):
        if after:
            text = item.text + (bound if index == len(items) - 1 else "")
        else:
            text = (bound if index == 0 else "") + item.text
        quantity = Quantity(item.quantity.value, units[index])
        written.append((text, _target(text, kind, quantity=quantity, comparator=comparator)))
    return _listed(draw, "", written)


@st.composite
def shared_nouns(draw: st.DrawFn) -> Phrase:
    """Draw a list whose last value names the noun: 5个、10个和15个工作日以内, 3个、2个环节.

    The bare measure words before it take the noun, and the bound after it.
    """
    unit, kind = draw(st.sampled_from([("个工作日", TargetKind.DURATION),
                                       ("个环节", TargetKind.COUNT)]))  # fmt: skip
    values = draw(st.lists(st.integers(1, 99), min_size=2, max_size=4))
    suffix, comparator = draw(st.sampled_from((("", Comparator.EXACTLY),
                                               ("以内", Comparator.AT_MOST))))  # fmt: skip
    written = []
    for index, value in enumerate(values):
        text = f"{value}{unit + suffix if index == len(values) - 1 else '个'}"
        target = _target(text, kind, quantity=Quantity(value, unit), comparator=comparator)
        written.append((text, target))
    return _listed(draw, "", written)


# The units a list of bare values shares: as written after the last value, the kind, the unit
# as read and the magnitude every value takes (3、5万户: 30000户 and 50000户).
SHARED_UNITS = (
    ("个工作日", TargetKind.DURATION, "个工作日", 1),
    ("小时", TargetKind.DURATION, "小时", 1),
    ("%", TargetKind.PERCENTAGE, "%", 1),
    ("万户", TargetKind.COUNT, "户", 10_000),
    ("亿元", TargetKind.MONEY, "元", 100_000_000),
)


@st.composite
def shared_units(draw: st.DrawFn) -> Phrase:
    """Draw bare values listed before one that writes the unit: 分别为3、5、7和10个工作日以内.

    Every value takes the unit and the magnitude of the last, and the bound after it.
    """
    written_unit, kind, unit, magnitude = draw(st.sampled_from(SHARED_UNITS))
    values = draw(
        st.lists(
            st.one_of(
                st.integers(1, 999).map(Decimal),
                st.integers(11, 999).map(lambda tenths: Decimal(tenths) / 10),
            ),
            min_size=2,
            max_size=4,
        )
    )
    suffix, comparator = draw(st.sampled_from((("", Comparator.EXACTLY),
                                               ("以内", Comparator.AT_MOST))))  # fmt: skip
    written = []
    for index, value in enumerate(values):
        text = f"{value}{written_unit + suffix if index == len(values) - 1 else ''}"
        quantity = Quantity(value * magnitude, unit)
        written.append((text, _target(text, kind, quantity=quantity, comparator=comparator)))
    return _listed(draw, "分别为", written)


@st.composite
def shared_changes(draw: st.DrawFn) -> Phrase:
    """Draw values listed after a change by an amount: 分别下降10%、20%, 增长10、20个百分点, 提高5个、
    3个百分点.

    Every value is a change in the verb's direction; bare values take the unit of the last.
    """
    direction = draw(st.sampled_from(Direction))
    verb = draw(st.sampled_from(DECREASE_VERBS if direction is Direction.DECREASE
                                else INCREASE_VERBS))  # fmt: skip
    written_unit, kind = draw(st.sampled_from((("%", TargetKind.RELATIVE_CHANGE),
                                               ("个百分点", TargetKind.PERCENTAGE_POINTS))))  # fmt: skip
    values = draw(st.lists(st.integers(1, 99).map(Decimal), min_size=2, max_size=4))
    # 10、20个百分点 or 10个、20个百分点: the unit written once
    bare = None if written_unit == "%" else draw(st.sampled_from([None, "", "个"]))
    written = []
    for index, value in enumerate(values):
        last = index == len(values) - 1
        unit = written_unit if bare is None or last else bare
        text = f"{verb if index == 0 else ''}{value}{unit}"
        quantity = Quantity(value, written_unit)
        written.append((text, _target(text, kind, quantity=quantity, direction=direction)))
    return _listed(draw, "分别", written)


# --- deadlines -------------------------------------------------------------------------------


def _digit_by_digit(year: int) -> str:
    return "".join("〇一二三四五六七八九"[int(digit)] for digit in str(year))


def _last_day(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


@st.composite
def deadlines(draw: st.DrawFn) -> tuple[str, Deadline]:
    """Draw a deadline phrase and its meaning: 2019年9月底前, 二〇二〇年前, 到2022年, 印发之日起…."""
    year = draw(st.integers(min_value=1950, max_value=2099))
    month = draw(st.integers(min_value=1, max_value=12))
    written_year = draw(st.sampled_from([str(year), _digit_by_digit(year)]))
    written_month = draw(st.sampled_from([str(month), to_chinese_numeral(month)]))
    form = draw(st.sampled_from(["year end", "month end", "before year", "by year", "before day",
                                 "within year", "half or quarter", "relative", "spaced year end",
                                 "plan's month", "holiday", "recurring",
                                 "five-year plan", "dekad", "next year"]))  # fmt: skip
    if form == "next year":  # 次年1月底前, 明年6月底前: a month of the year after the plan's
        due = _last_day(ISSUE_DATE.year + 1, month)
        return f"{draw(st.sampled_from(['次年', '明年']))}{month}月底前", Deadline(
            DeadlineKind.BY_END_OF, due, due.year, month
        )
    if form == "dekad":  # 2019年11月中旬前: by the 10th, the 20th or the month's last day
        dekad, last = draw(st.sampled_from([("上旬", 10), ("中旬", 20), ("下旬", None)]))
        due = _last_day(year, month) if last is None else datetime.date(year, month, last)
        return f"{written_year}年{written_month}月{dekad}前", Deadline(
            DeadlineKind.BY_END_OF, due, year, month
        )
    if form == "five-year plan":  # 到“十四五”末: by the end of the plan's last year
        name, last = draw(st.sampled_from([("十三五", 2020), ("十四五", 2025), ("十五五", 2030)]))
        quoted = draw(st.sampled_from([f"“{name}”", name]))
        if draw(st.booleans()):  # “十四五”期间, “十四五”时期: within the period
            period = draw(st.sampled_from(["期间", "时期"]))
            return f"{quoted}{period}", Deadline(DeadlineKind.BY, datetime.date(last, 12, 31), last)
        return f"到{quoted}末", Deadline(DeadlineKind.BY_END_OF, datetime.date(last, 12, 31), last)
    if form == "spaced year end":  # 2023 年底前, as web copies space it
        return f"{year} 年底前", Deadline(DeadlineKind.BY_END_OF, datetime.date(year, 12, 31), year)
    if form == "plan's month":  # 本月底前, 下月底前, 6月底: the month of, or after, the issue
        which = draw(st.sampled_from(["本月底前", "下月底前", "month", "day"]))
        if which == "day":  # 下月15日前, 本月10号前: a day of the issue month or the next
            relative = draw(st.sampled_from(["本月", "下月", "次月", "下个月"]))
            first = ISSUE_DATE.replace(day=1) + relativedelta(months=relative != "本月")
            day = draw(st.integers(min_value=1, max_value=28))
            written_day = draw(st.sampled_from([str(day), to_chinese_numeral(day)]))
            mark, bound = draw(st.sampled_from(["日", "号"])), draw(st.sampled_from(["前", "之前"]))
            due = first.replace(day=day)
            return f"{relative}{written_day}{mark}{bound}", Deadline(
                DeadlineKind.BEFORE, due, due.year, due.month, due.day
            )
        if which == "month":
            end = draw(st.sampled_from(["底", "底前", "末"]))  # 6月末, as 6月底
            if not end.endswith("前") and _last_day(ISSUE_DATE.year, month) < ISSUE_DATE:
                end += "前"  # (2月末，贷款余额… in a plan of July: a month past dates a report)
            return f"{month}月{end}", Deadline(
                DeadlineKind.BY_END_OF, _last_day(ISSUE_DATE.year, month), ISSUE_DATE.year, month
            )
        first = ISSUE_DATE.replace(day=1) + relativedelta(months=which == "下月底前")
        due = _last_day(first.year, first.month)
        return which, Deadline(DeadlineKind.BY_END_OF, due, due.year, due.month)
    if form == "holiday":  # 国庆节前: the day before 1 October of the plan's year
        # 春节前: 2019's fell on 5 February, before the issue date: the next, 25 January 2020.
        holiday, due = draw(st.sampled_from([("国庆节前", datetime.date(2019, 9, 30)),
                                             ("中秋节前", datetime.date(2019, 9, 12)),
                                             ("春节前", datetime.date(2020, 1, 24))]))  # fmt: skip
        return holiday, Deadline(DeadlineKind.BEFORE, due, due.year)
    if form == "recurring":  # 每年年底前, 每年6月底前: due again every year
        which = draw(st.sampled_from(["year end", "month", "quarter's month", "quarter's end"]))
        if which == "quarter's end":  # 每季度末5日前, 每月底3日前 (a year's end has a month)
            day = draw(st.integers(min_value=1, max_value=28))
            period = draw(st.sampled_from(["季度", "月"]))
            end = draw(st.sampled_from(["末", "底"]))
            return f"每{period}{end}{day}日前", Deadline(DeadlineKind.RECURRING, None, day=day)
        if which == "quarter's month":  # 每季度首月10日前: a day of a month of each quarter
            day = draw(st.integers(min_value=1, max_value=28))
            first_or_last = draw(st.sampled_from(["首月", "末月", "第一个月", "最后一个月"]))
            return f"每季度{first_or_last}{day}日前", Deadline(
                DeadlineKind.RECURRING, None, day=day
            )
        if which == "year end":
            return "每年年底前", Deadline(DeadlineKind.RECURRING, None, month=12)
        return f"每年{month}月底前", Deadline(DeadlineKind.RECURRING, None, month=month)
    if form == "year end":
        end = draw(st.sampled_from(["底前", "年底前", "末前", "底之前", "年底以前", "末以前"]))
        return f"{written_year}年{end}", Deadline(
            DeadlineKind.BY_END_OF, datetime.date(year, 12, 31), year
        )
    if form == "month end":
        end = draw(st.sampled_from(["底前", "底之前", "底以前", "份底前"]))  # 6月份底前
        return f"{written_year}年{written_month}月{end}", Deadline(
            DeadlineKind.BY_END_OF, _last_day(year, month), year, month
        )
    if form == "before year":
        return f"{written_year}年{draw(st.sampled_from(['前', '以前', '之前']))}", Deadline(
            DeadlineKind.BEFORE, datetime.date(year - 1, 12, 31), year
        )
    if form == "by year":
        # 截至 without 前 dates a status report (截至2020年3月…), so only 到 reads as "by"; and
        # 到 a year already over dates one too (至2017年底，全国实有…): a deadline is ahead.
        if year < ISSUE_DATE.year:
            year = ISSUE_DATE.year + 1 + year % 50
            written_year = str(year) if written_year.isdigit() else _digit_by_digit(year)
        return f"到{written_year}年", Deadline(DeadlineKind.BY, datetime.date(year, 12, 31), year)
    if form == "within year":
        which = draw(st.sampled_from(["written", "year", "plan's year"]))
        if which == "plan's year":  # 今年内, 年内, 本年度内: within the year of the issue
            written = draw(st.sampled_from(["今年内", "今年年内", "年内", "本年度内", "年度内"]))
            return written, Deadline(
                DeadlineKind.BY, datetime.date(ISSUE_DATE.year, 12, 31), ISSUE_DATE.year
            )
        word = "年度" if which == "year" else draw(st.sampled_from(["年", "年年"]))  # 2021年年内
        return f"{written_year}{word}内", Deadline(
            DeadlineKind.BY, datetime.date(year, 12, 31), year
        )
    if form == "before day":
        day = draw(st.integers(min_value=1, max_value=calendar.monthrange(year, month)[1]))
        return f"{year}年{month}月{day}日前", Deadline(
            DeadlineKind.BEFORE, datetime.date(year, month, day), year, month, day
        )
    if form == "half or quarter":
        return draw(period_deadlines(year, written_year))
    amount = draw(st.integers(min_value=1, max_value=36))
    unit, step = draw(st.sampled_from([("个月", "months"), ("日", "days")]))
    document = draw(st.sampled_from(["在本方案印发之日起", "自本通知印发之日起", "印发之日起"]))
    due = ISSUE_DATE + relativedelta(**{step: amount})  # type: ignore[arg-type]
    return f"{document}{draw(written_integers(amount))}{unit}内", Deadline(
        DeadlineKind.WITHIN, due, offset=Quantity(amount, unit)
    )


@st.composite
def period_deadlines(draw: st.DrawFn, year: int, written_year: str) -> tuple[str, Deadline]:
    """Draw a deadline on a half-year or a quarter: 2020年上半年, 2019年第三季度末前, 到2020年一季度,
    and with no year, in the plan's: 三季度末前, 一季度内, 三季度前."""
    half = draw(st.booleans())
    if half:
        written, first, last = draw(st.sampled_from([("上半年", 1, 6), ("下半年", 7, 12)]))
    else:
        quarter = draw(st.integers(min_value=1, max_value=4))
        number = draw(st.sampled_from(["一二三四"[quarter - 1], str(quarter)]))
        written = draw(st.sampled_from(["", "第"])) + number + "季度"
        first, last = 3 * quarter - 2, 3 * quarter
    by = draw(st.sampled_from(["", "", "到"]))
    bound = draw(st.sampled_from(["", "末前", "底前", "末", "前", "内"]))
    # Without a year only a bound makes one a deadline (and 上半年前 none: 前 there opens a range).
    yearless = not by and bound and not (half and bound == "前") and draw(st.booleans())
    if yearless:
        year, written_year = ISSUE_DATE.year, ""
    elif (not bound or bound in ("末", "底") or (by and not bound.endswith("前"))) and _last_day(
        year, last
    ) < ISSUE_DATE:
        # A period written bare that ended before the plan was issued reports (2018年上半年，…,
        # 2019年一季度末，…), and 到 one dates a report (到2017年二季度，开业率为…): a deadline
        # to keep is ahead.
        year = ISSUE_DATE.year + 1 + year % 50
        written_year = str(year) if written_year.isdigit() else _digit_by_digit(year)
    if bound == "前":  # before the period begins, as 2020年前 is
        kind, due = DeadlineKind.BEFORE, datetime.date(year, first, 1) - datetime.timedelta(days=1)
    elif bound == "内" or (by and not bound):  # within the period, as 2019年内 and 到2022年 are
        kind, due = DeadlineKind.BY, _last_day(year, last)
    else:
        kind, due = DeadlineKind.BY_END_OF, _last_day(year, last)
    year_word = "年" if written_year else ""
    return f"{by}{written_year}{year_word}{written}{bound}", Deadline(kind, due, year)


@st.composite
def deadline_phrases(draw: st.DrawFn) -> Phrase:
    """Draw a deadline and a target it governs, in either order within one clause.

    2019年底前推动3个工作日以内办结 → the duration carries the deadline; so does
    3个工作日以内推动2019年底前 (a deadline after the target, in the same clause).
    """
    written, deadline = draw(deadlines())
    lead = ""
    if draw(st.integers(0, 7)) == 0:
        # 到年底, 到今年底, 至明年年末: a year's end without 前 after 到 or 至 (not in the text)
        lead = draw(st.sampled_from(["到", "至"]))
        relative, offset = draw(st.sampled_from([("", 0), ("今年", 0), ("本年", 0), ("明年", 1)]))
        written = relative + ("年" if not relative else draw(st.sampled_from(["", "年"])))
        written += draw(st.sampled_from(["底", "末"]))
        due_year = ISSUE_DATE.year + offset
        deadline = Deadline(DeadlineKind.BY_END_OF, datetime.date(due_year, 12, 31), due_year)
    target = draw(st.one_of(single_targets(), changes(), relative_changes(), others(), ranges(),
                            bounded_lists(), halves(), multiples(), other_money()))  # fmt: skip
    if not lead and draw(st.integers(0, 7)) == 0:
        # 今年要…, 明年力争…: the year the work is promised in, due by its end
        written, offset = draw(st.sampled_from([("今年", 0), ("明年", 1), ("本年", 0)]))
        due_year = ISSUE_DATE.year + offset
        deadline = Deadline(DeadlineKind.BY, datetime.date(due_year, 12, 31), due_year)
        promise = draw(st.sampled_from(["要", "力争", "确保", "将"]))
        if promise == "将" and target.text.startswith("近"):
            promise = "要"  # 将近: nearly, no promise
        governed = Phrase(
            target.text, tuple(attrs.evolve(t, deadline=deadline) for t in target.targets)
        )
        due = Phrase(written, (_target(written, TargetKind.DEADLINE, deadline=deadline),))
        return due + Phrase(promise, ()) + governed
    governed = Phrase(
        target.text, tuple(attrs.evolve(t, deadline=deadline) for t in target.targets)
    )
    due = Phrase(lead, ()) + Phrase(
        written, (_target(written, TargetKind.DEADLINE, deadline=deadline),)
    )
    between = draw(filler_phrases(min_size=1))
    if draw(st.booleans()):
        return due + between + governed
    return governed + between + due


@st.composite
def listed_deadlines(draw: st.DrawFn) -> Phrase:
    """Draw years listed after 到 and the values due by each, in order, after 分别: 到2022年、
    2025年，网上可办率分别达到90%、95%; or a list of bare years heading its clause: ，2021年、
    2022年，…分别达到…."""
    count = draw(st.integers(2, 3))
    heading = draw(st.booleans())
    # (years ahead of the plan: 到 a year already over dates a report)
    years = sorted(
        draw(st.sets(st.integers(ISSUE_DATE.year, 2060), min_size=count, max_size=count))
    )
    due = [Deadline(DeadlineKind.BY, datetime.date(year, 12, 31), year) for year in years]
    phrase = Phrase("，" if heading else "", ())
    for index, (year, deadline) in enumerate(zip(years, due, strict=True)):
        joiner = draw(st.sampled_from(["、", "和", "与"])) if index else ""
        # 到 joins the first year's text
        text = ("到" if index == 0 and not heading else "") + f"{year}年"
        phrase += Phrase(joiner, ()) + Phrase(text, (_target(text, TargetKind.DEADLINE,
                                                             deadline=deadline),))  # fmt: skip
    phrase += Phrase("，", ()) + draw(filler_phrases()) + Phrase("分别", ())
    for index, deadline in enumerate(due):
        written = draw(plain_quantities(TargetKind.PERCENTAGE))
        text = ("、" if index else "达到") + written.text  # 达到 joins the first value's text
        target = _target(text, TargetKind.PERCENTAGE, quantity=written.quantity,
                         comparator=Comparator.AT_LEAST, deadline=deadline)  # fmt: skip
        if index:
            target = attrs.evolve(target, text=written.text, span=Span(1, len(text)))
        phrase += Phrase(text, (target,))
    return phrase


ONGOING_WORDS = ("持续推进", "长期坚持", "长期推进", "持续开展", "持续实施", "长期", "常态化推进",
                 "常态化开展", "常态化实施", "长期实施", "持续坚持")  # fmt: skip


@st.composite
def ongoing(draw: st.DrawFn) -> Phrase:
    """Draw ongoing work standing alone in its clause: ，长期坚持， or ，并常态化推进，."""
    word = draw(st.sampled_from(ONGOING_WORDS))
    before = draw(st.sampled_from(["，", "；", "，并", "（"]))
    after = "）" if before == "（" else "，"
    return (
        Phrase(before, ()) + Phrase(word, (_target(word, TargetKind.ONGOING),)) + Phrase(after, ())
    )


def phrases() -> st.SearchStrategy[Phrase]:
    """Draw any phrase this module knows how to write."""
    return st.one_of(
        single_targets(),
        approximates(),
        changes(),
        counted_changes(),
        relative_changes(),
        others(),
        ranges(),
        bounded_lists(),
        shared_nouns(),
        shared_units(),
        shared_changes(),
        deadline_phrases(),
        listed_deadlines(),
        ongoing(),
        halves(),
        amplitudes(),
        doublings(),
        ranks(),
        scores(),
        multiples(),
        other_money(),
        asides(),
    )


@st.composite
def sentences(draw: st.DrawFn, phrase: Callable[[], st.SearchStrategy[Phrase]] = phrases) -> Phrase:
    """Draw filler, a phrase, filler and a full stop: one sentence of a plan."""
    before = draw(filler_phrases())
    after = draw(filler_phrases())
    return before + draw(phrase()) + after + Phrase("。", ())
