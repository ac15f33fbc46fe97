"""The third and fourth passes: the deadline each target is due by, and its role."""

from __future__ import annotations

import bisect
import functools

from ..dates import period_months
from ..model import (
    Comparator,
    TargetKind,
    TargetRole,
)
from ._patterns import (
    _ACHIEVED_AFTER,
    _ALREADY_BEFORE,
    _BENEFIT_AFTER,
    _BOUND_WORDS,
    _CHANGE_VERB_FIRSTS,
    _CHANGED_ENTITY_AFTER,
    _CLAUSE_BREAK,
    _COMMITMENT_WORDS,
    _CONDITIONS_BETWEEN,
    _DONE_IN_YEAR,
    _ENTITY_AFTER,
    _GIVING,
    _LEADING_YEAR,
    _LIST_BETWEEN,
    _OWN_PARTS_AFTER,
    _OWN_PARTS_NAMED_AFTER,
    _PAID_BOUND_BEFORE,
    _PARTS_BEFORE,
    _PAST_HEAD,
    _PAST_HEAD_ALONE,
    _PAST_HEAD_FIRSTS,
    _PAST_HEAD_LONGEST,
    _PAYING_BEFORE,
    _PROMISE_WORDS,
    _REACHING,
    _RECORD_WORDS,
    _SCOPE_AFTER,
    _STATUS_WORDS,
    _STATUTORY_BEFORE,
    _SURVEY,
    _VALIDITY_BEFORE,
)
from ._scan import _holds_any
from ._text import _Reading, _Text
from ._words import _ARABIC_DIGITS, _NUMERAL_FIRSTS

# What joins the bounds that qualify one noun together: 、, 或 (either), 且 (both).
_BOUNDS_JOINED_BY = ("、", "或", "且")
# What follows 已 inside a change when it says the change is done: its verb, or 经 (已经压缩).
_ALREADY_VERB_FIRSTS = _CHANGE_VERB_FIRSTS | {"经"}
# The longest text _LIST_BETWEEN matches: 以及 with a space on each side.
_LONGEST_LIST_JOINER = 4
# Who receives a benefit, between a bound's 的 and the benefit: 1000万元以上的企业奖励50万元.
_RECEIVERS = ("企业", "项目", "单位", "个体工商户", "市场主体", "经营主体")
# The verbs of applying a rule, after a bound: 按…70%执行 applies the rate.
_APPLIED = frozenset(("实行", "执行", "适用"))
# The units of a count of a document's parts with words between it and what they are.
_PARTS_COUNTED = frozenset(("条", "项"))
# The words that open a definition (是指, 系指, 指的是): what may stand before its 指.
_BEFORE_DEFINING = frozenset(("是", "系"))


class _Roles(_Text):
    """Give each reading its deadline, and tell commitments from facts and scopes."""

    def _attach_deadlines(self, readings: list[_Reading], deadlines: list[_Reading]) -> None:
        """Give each target the deadline that governs it.

        The governing deadline is the nearest one before the target in its sentence
        (2019年底前将…控制在50个工作日以内，…控制在35个工作日以内); failing that, the first one
        after it in its clause (…达到90%（2020年底前）).
        """
        starts = [deadline.start for deadline in deadlines]
        # 到2022年、2025年，…分别达到90%、95%: the first of a list of deadlines each one heads
        firsts = list(range(len(deadlines)))
        listed = False
        for index in range(1, len(deadlines)):
            end, start = deadlines[index - 1].end, deadlines[index].start
            # (the gap first: 以及 with a space on each side is the longest joiner)
            if start - end <= _LONGEST_LIST_JOINER and _LIST_BETWEEN.fullmatch(
                self.text, end, start
            ):
                firsts[index] = firsts[index - 1]
                listed = True
        values = (
            [
                reading.start
                for reading in readings
                if reading.kind is not TargetKind.DEADLINE
                and reading.kind is not TargetKind.ONGOING
            ]
            if listed
            else []
        )
        # where 分别 stands, found once (each value looks up the nearest before it)
        respective: list[int] = self._each_word() if listed else []
        for reading in readings:
            if reading.kind is TargetKind.DEADLINE or reading.kind is TargetKind.ONGOING:
                continue  # an ongoing work (此后持续推进) has no date to be done by
            index = bisect.bisect_right(starts, reading.start) - 1
            if index >= 0 and deadlines[index].start >= self.sentences.start_of(reading.start):
                if firsts[index] != index:
                    index = self._respective(
                        deadlines, index, firsts[index], reading, values, respective
                    )
                reading.deadline = deadlines[index].deadline
                continue
            index += 1
            if index < len(deadlines) and deadlines[index].end <= self.clauses.end_of(reading.end):
                reading.deadline = deadlines[index].deadline

    def _each_word(self) -> list[int]:
        """Return where 分别 stands in the text, in order."""
        found = []
        each = self.text.find("分别")
        while each >= 0:
            found.append(each)
            each = self.text.find("分别", each + 2)
        return found

    def _respective(
        self,
        deadlines: list[_Reading],
        last: int,
        first: int,
        reading: _Reading,
        values: list[int],
        respective: list[int],
    ) -> int:
        """Return the deadline of a list that governs `reading`, the last one unless 分别 says.

        到2022年、2025年，…分别达到90%、95%: as many values after the nearest 分别 before
        `reading` as deadlines in the list (to the end of that 分别's clause) take them in order;
        any other number of values, the last. Each 分别 of the sentence starts such a list of its
        own (2021年、2022年，A分别压减至75个、70个工作日，B分别压减至110个、100个工作日).
        """
        index = bisect.bisect_left(respective, reading.start) - 1
        if index < 0 or respective[index] < deadlines[last].end:
            return last
        each = respective[index]
        end = self.clauses.end_of(each)
        if reading.start >= end:
            return last
        listed = bisect.bisect_left(values, end) - bisect.bisect_left(values, each)
        if listed != last - first + 1:
            return last
        return first + bisect.bisect_left(values, reading.start) - bisect.bisect_left(values, each)

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
        dated_roles = self.dated_roles
        sentences: dict[int, bool] = {}  # sentence start → whether it is a status report
        clauses: dict[int, bool] = {}  # clause start → whether a time past heads it
        past: list[int] = []  # the starts of the clauses that report, in text order
        promised: set[int] = set()
        deadlines: set[int] = set()  # the clauses a deadline of the plan stands in
        dated: set[int] = set()  # 已于2020年底前完成…, 2020年实现… (a plan of 2021): done or past
        for reading in readings:
            if reading.kind is TargetKind.DEADLINE:
                role = dated_roles.get((reading.start, reading.end))
                if role is None:
                    promised.add(self.sentences.start_of(reading.start))
                    deadlines.add(self.clauses.start_of(reading.start))
                elif role is TargetRole.STATUS:
                    dated.add(self.sentences.start_of(reading.start))
        past_values = sorted(self.past_values)
        for start in past_values:
            dated.add(self.sentences.start_of(start))
        for reading in readings:
            role = dated_roles.get((reading.start, reading.end))
            if role is not None:
                reading.role = role
                continue
            if reading.kind is TargetKind.DEADLINE or reading.kind is TargetKind.ONGOING:
                continue
            if past_values:
                index = bisect.bisect_left(past_values, reading.start)
                if index < len(past_values) and past_values[index] < reading.end:
                    # 由2018年的62%提升至2020年的98.5% (a plan of 2021)
                    reading.role = TargetRole.STATUS
                    continue
            sentence = self.sentences.start_of(reading.start)
            if sentence not in sentences:
                end = self.sentences.end_of(reading.start)
                sentences[sentence] = sentence not in promised and self._reports(
                    sentence, end, dated=sentence in dated
                )
            window = max(reading.start - 13, 0)
            if (
                sentences[sentence]
                or self._past_clause(reading.start, clauses, deadlines, past)
                or (
                    "已" in text[window : reading.start]
                    and _ALREADY_BEFORE.search(text, window, reading.start)
                )
                or (
                    # 由原来的45天已压缩至20天: 已 between the baseline and the verb
                    reading.baseline is not None
                    and (already := text.find("已", reading.start, reading.end)) >= 0
                    and text[already + 1 : already + 2] in _ALREADY_VERB_FIRSTS
                )
                or (
                    # 法定时限20个工作日 (the figure right after; not 将法定时限压缩至10个工作日)
                    "法定" in text[max(reading.start - 10, 0) : reading.start]
                    and text[reading.start] in _NUMERAL_FIRSTS
                    and _STATUTORY_BEFORE.search(text, max(reading.start - 10, 0), reading.start)
                )
            ):
                reading.role = TargetRole.STATUS
            elif self._is_scope(reading):
                reading.role = TargetRole.SCOPE
        # 小于5000平方米、建筑面积小于3000平方米的项目, 从业人员≤1000人或营业收入≤4亿元的企业:
        # the bounds of a list, or of alternatives, qualify one noun. 投资额在1亿元以上5亿元以下:
        # a floor and a ceiling that touch make a band, which picks out what a measure covers (no
        # plan promises a figure between two). (From the last: a list's scope runs back.)
        for before, after in zip(readings[-2::-1], readings[:0:-1], strict=True):
            if before.role is not TargetRole.COMMITMENT or before.direction is not None:
                continue
            if (
                after.role is TargetRole.SCOPE
                and before.comparator is not Comparator.EXACTLY
                and before.kind is not TargetKind.DEADLINE
                and (
                    (
                        _holds_any(text[before.end : after.start], _BOUNDS_JOINED_BY)
                        and not _CLAUSE_BREAK.search(text, before.end, after.start)
                    )
                    or _CONDITIONS_BETWEEN.fullmatch(text, before.end, after.start) is not None
                )
            ):
                before.role = TargetRole.SCOPE
            elif (
                (after.comparator is Comparator.AT_MOST or after.comparator is Comparator.LESS_THAN)
                and (
                    before.comparator is Comparator.AT_LEAST
                    or before.comparator is Comparator.MORE_THAN
                )
                and after.role is TargetRole.COMMITMENT
                and after.direction is None
                and before.kind is after.kind
                and not text[before.end : after.start].strip(" ")
            ):
                before.role = after.role = TargetRole.SCOPE

    def _past_clause(
        self, position: int, known: dict[int, bool], deadlines: set[int], past: list[int]
    ) -> bool:
        """Tell whether the clause at `position` is headed by a time past, or follows a clause
        that is only one, and promises nothing (去年全市新增市场主体18万户，今年力争新增20万户以上:
        the first clause reports; 今年前三季度，全市减税降费35亿元，…: the second)."""
        start = self.clauses.start_of(position)
        past_known = known.get(start)
        if past_known is None:
            text = self.text
            head = (
                _PAST_HEAD.match(text, start)
                if text[start : start + 1] in _PAST_HEAD_FIRSTS
                else None
            )
            if head is None and start > 1:
                # 今年前三季度，全市减税降费35亿元: the clause before is only the time
                before = self.clauses.start_of(start - 1)
                alone = (
                    _PAST_HEAD.match(text, before, start)
                    if start - before <= _PAST_HEAD_LONGEST and text[before] in _PAST_HEAD_FIRSTS
                    else None
                )
                if alone is not None and _PAST_HEAD_ALONE.match(text, alone.end(), start):
                    head = alone
            headed = head is not None and (
                self._period_over(head["half"], head["quarter"])
                if head["half"] is not None or head["quarter"] is not None
                else head["year"] is None or (self.now is not None and int(head["year"]) < self.now)
            )
            if not headed and past and text[start - 1] == ",":
                # 2020年，全市新增…12.5万户，增长18%；今年力争…: a clause after a comma goes on
                # with the report before it (the last found: readings come in text order)
                headed = past[-1] == self.clauses.start_of(start - 1)
            reports = known[start] = (
                headed
                and start not in deadlines
                # (a bound, 压缩至4个工作日以内, is what was measured under a time past)
                and not _PROMISE_WORDS.search(self.text, start, self.clauses.end_of(position))
            )
            if reports:
                past.append(start)
            return reports
        return past_known

    def _period_over(self, half: str | None, quarter: str | None) -> bool:
        """Tell whether a half-year or a quarter of the text's year ended before its issue date
        (上半年 in a text of August); with no issue date, no."""
        months = period_months(half, quarter)
        return (
            self.issue_date is not None and months is not None and self.issue_date.month > months[1]
        )

    def _reports(self, start: int, end: int, *, dated: bool = False) -> bool:
        """Tell whether the sentence text[start:end], with no deadline, reports figures only;
        `dated`: it holds the date of something done or past."""
        text = self.text
        # One scan for both kinds of words in most sentences: the first found is a promise, or
        # a bound with perhaps a promise after it.
        first = _COMMITMENT_WORDS.search(text, start, end)
        bounded = first is not None
        if bounded and (
            first.group() not in _BOUND_WORDS or _PROMISE_WORDS.search(text, first.end(), end)
        ):
            return False
        # A time past or a date of record says the figures were measured, bounds and all
        # (2020年，…平均退税时限压缩至4个工作日以内); other words of a report do not outweigh
        # a bound (累计为企业减负不低于100亿元 is a plan's).
        if dated or (self.now is not None and self._in_a_past_year(start, end)):
            return True
        if bounded:
            # (the words of a record looked for only here: they are status words too)
            # (a survey's share first: 成 or % in the sentence, found without a copy)
            return _RECORD_WORDS.search(text, start, end) is not None or (
                (text.find("成", start, end) >= 0 or text.find("%", start, end) >= 0)
                and _SURVEY.search(text, start, end) is not None
            )
        return _STATUS_WORDS.search(text, start, end) is not None

    def _in_a_past_year(self, start: int, end: int) -> bool:
        """Tell whether the sentence text[start:end] opens with, or says it was done in, a year
        before the plan's own (2018年，全市…; 我市于2019年率先实现…)."""
        assert self.now is not None
        leading = _LEADING_YEAR.match(self.text, start, end)
        if leading is not None and int(leading["year"]) < self.now:
            return True
        # (a character's find over the sentence first: no copy of it, and most have no 于)
        if self.text.find("于", start, end) < 0:
            return False
        done = _DONE_IN_YEAR.search(self.text, start, end)
        return done is not None and int(done["year"]) < self.now

    @functools.cached_property
    def _definitions(self) -> list[int]:
        """Where the words of a definition (是指) stand, in text order: found once a text."""
        text = self.text
        found = []
        at = text.find("指")  # (each word holds 指: one scan, its neighbours tested)
        while at >= 0:
            if text[at - 1 : at] in _BEFORE_DEFINING or text.startswith("指的是", at):
                found.append(at)
            at = text.find("指", at + 1)
        return found

    def _defined(self, position: int) -> bool:
        """Tell whether a word of a definition stands before `position` in its sentence."""
        definitions = self._definitions
        if not definitions or definitions[0] >= position:
            return False
        last = definitions[bisect.bisect_left(definitions, position) - 1]
        return last >= self.sentences.start_of(position)

    def _is_scope(self, reading: _Reading) -> bool:
        text = self.text
        if reading.quantity is None:
            return False
        if reading.comparator is not Comparator.EXACTLY and self._defined(reading.start):
            # 简易低风险项目是指…总建筑面积不大于10000平方米…的仓库: a definition's bounds say
            # what it covers
            return True
        if reading.direction is not None:
            # 营业收入同比增长10%以上的企业: a bound change that picks out whom a measure covers
            return (
                reading.kind is TargetKind.RELATIVE_CHANGE
                and reading.comparator is not Comparator.EXACTLY
                and reading.baseline is None
                and _CHANGED_ENTITY_AFTER.match(text, reading.end) is not None
            )
        if reading.kind is TargetKind.DURATION and _VALIDITY_BEFORE.search(
            text, max(reading.start - 5, 0), reading.start
        ):
            return True  # 有效期3年: how long the measures hold, not a time limit to meet
        if reading.comparator is Comparator.AT_LEAST and text.startswith("满", reading.start):
            # 缴费应满12个月, 连续运营满一周年 (满 joins the figure as a floor): a condition met,
            # not a time limit or a count to reach (满意度 is no such 满: the figure comes after it)
            return True
        if (
            reading.kind is TargetKind.DURATION
            and text[max(reading.start - 2, 0) : reading.start] == "连续"
        ):
            # 连续12个月缴纳社会保险, 连续三年位居全省第一: how long something lasts or lasted
            return True
        if reading.kind is TargetKind.COUNT:
            # 26条具体措施, and 五个方面 (方面 is also a counted noun). Other counts count what
            # the measure delivers (完成20件以上具有示范作用的案件), whatever follows them, and
            # times count occasions, not parts (每年报送一次工作情况).
            return not reading.quantity.unit.endswith("次") and bool(
                _OWN_PARTS_AFTER.match(text, reading.end)
                or _OWN_PARTS_AFTER.search(reading.quantity.unit)
                or (
                    reading.quantity.unit in _PARTS_COUNTED
                    and _OWN_PARTS_NAMED_AFTER.match(text, reading.end)
                )
                or (
                    reading.quantity.unit == "条"  # 《条例》共7章72条: the document's articles
                    and _PARTS_BEFORE.search(text, max(reading.start - 8, 0), reading.start)
                )
            )
        if reading.quantity.unit == "千伏":
            # 对10千伏供电客户, 35千伏及以上用户: a voltage names whom a measure serves; no plan
            # promises one (a capacity, 160千伏安, may be raised; that is a change).
            return True
        if reading.comparator is Comparator.EXACTLY:
            return False
        entity = (
            None if reading.kind is TargetKind.DURATION else _ENTITY_AFTER.match(text, reading.end)
        )
        if entity is not None and not (
            # 按不低于…的70%执行: the rate applied, not whom it applies to
            text[reading.end : entity.end()].lstrip(" ") in _APPLIED
            and "按" in text[self.clauses.start_of(reading.start) : reading.start]
        ):
            # 160千瓦及以下小微企业, 5000万元以上项目: the bound picks who is covered; a time
            # limit before them (3个工作日内开办企业) is when the work is done.
            return True
        if (
            text.startswith("最高", reading.start)
            or text[max(reading.start - 2, 0) : reading.start] in _PAYING_BEFORE
        ):
            # 可申请最高不超过500万元的贷款, 支付不低于30%的预付款: what a measure gives or pays,
            # not whom it covers
            return False
        scope = _SCOPE_AFTER.match(text, reading.end)
        if scope is None or _COMMITMENT_WORDS.search(text, reading.end, scope.end()):
            return False
        if (
            reading.kind is TargetKind.DURATION
            and reading.comparator is Comparator.AT_MOST
            and scope.end() > reading.end + 1
        ):
            # 三年内整合…设立的机构: a time limit, then the work (3个月以内的贷款 qualifies, as
            # 正常经营12个月以上且…的 does)
            return False
        if _PAID_BOUND_BEFORE.search(
            text, max(self.clauses.start_of(reading.start), reading.start - 24), reading.start
        ):
            return False  # 支付不低于合同金额30%的预付款: the bound word stands before a reference
        if reading.kind is TargetKind.PERCENTAGE and (
            _ACHIEVED_AFTER.match(text, scope.end())
            or _REACHING.search(text, max(reading.start - 8, 0), reading.start)
        ):
            # 50%以上的审批事项实现秒批, 覆盖80%以上的高频事项: the share of what is to be achieved
            return False
        # 给予不超过20%的政府补助: the bound is the size of the benefit, not what it covers;
        # but in 超过1000万元的企业给予奖励 it bounds the receiver, and so in 1000万元以上的企业奖励
        # 50万元, where the receiver stands before the benefit and its own figure.
        # (in the clause: 突破10亿元的企业，奖励100万元 bounds the receiver)
        benefit = _BENEFIT_AFTER.search(
            text, scope.end(), min(scope.end() + 6, self.clauses.end_of(scope.end()))
        )
        if benefit is None:
            return True
        between = text[scope.end() : benefit.start()]
        return _holds_any(between, _GIVING) or (
            _holds_any(between, _RECEIVERS)
            and text[benefit.end() : benefit.end() + 1] in _ARABIC_DIGITS
        )
