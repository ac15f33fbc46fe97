"""The second pass: comparators, ranges, changes and rates around each quantity."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator

import regex

from .._lazy import LazyPattern
from ..model import (
    Comparator,
    Direction,
    Quantity,
    TargetKind,
)
from ._patterns import (
    _ADVERBS_BEFORE_A_CHANGE,
    _AMPLITUDE_BEFORE,
    _BARE_LIST_BEFORE,
    _BARE_LIST_JOINERS,
    _BARE_NUMBER,
    _CHANGE_BY_BEFORE,
    _CHANGE_BY_OBJECT_BEFORE,
    _CHANGE_TO,
    _CHANGE_TO_ANCHORS,
    _CHANGE_VERB_FIRSTS,
    _CLAUSE_PUNCTUATION,
    _COMPARED_BY_BEFORE,
    _DAY_COUNT,
    _DAY_COUNT_ANCHORS,
    _FROM_BEFORE,
    _FROM_NUMBER_BEFORE,
    _INCLUSION_AFTER,
    _LIST_BETWEEN,
    _LONGEST_ADVERB,
    _LOOSE_PREFIX_BEFORE,
    _MAGNITUDE_AFTER_DIGITS,
    _NOUN_BEFORE_VERB,
    _NOUN_BETWEEN,
    _NOW_BEFORE,
    _PER_CAPITA,
    _PER_CAPITA_ANCHORS,
    _RANGE_BETWEEN,
    _RANGE_JOINERS,
    _RANGE_LOWER_BEFORE,
    _REFERENCE_LEADS_WORDS,
    _SUFFIX_AFTER,
    _TIGHT_PREFIX_BEFORE,
    _TO_AFTER_A_CHANGE,
    _TOUCHING_VERB_FIRSTS,
)
from ._scan import _anchored_matches, _holds_any
from ._text import _Doubling, _Found, _Half, _Marker, _read_number, _Reading, _Text
from ._words import (
    _AMPLITUDES,
    _BOUNDS_AFTER_A_CHANGE,
    _BOUNDS_AFTER_A_SHARE,
    _COMPARED_DIRECTIONS,
    _COUNTED_NOUNS,
    _DIRECTIONS,
    _EXCLUSIVE,
    _LOOSE_PREFIXES,
    _NOUN_MEASURE_WORDS,
    _SPEED_VERBS,
    _SUFFIXES,
    _TIGHT_PREFIXES,
)

# The character right before a number a comparison changes by: its adjective, or 了 after it.
_COMPARED_LAST = frozenset((*_COMPARED_DIRECTIONS, "了"))
# The verbs of one character a change by an amount may touch: 再降10%以上, 成本减20%.
_ONE_CHARACTER_VERBS = frozenset("降减")


class _Quantities(_Text):
    """Read each quantity found with the words around it."""

    def _read_half(self, start: int, end: int, half: _Half) -> _Reading:
        """Read 压缩一半以上 (a change by 50%) and 压缩至法定时限的一半 (50% of a reference)."""
        kind = TargetKind.RELATIVE_CHANGE if half.by else TargetKind.PERCENTAGE
        reading = _Reading(start, end, kind, Quantity(50, "%"), direction=half.direction)
        reading.reference = half.reference
        if half.about:
            reading.comparator = Comparator.ABOUT  # 缩减近一半
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

    def _read_quantities(self, found: list[_Found]) -> list[_Reading]:
        readings = list(self._read_each(self._listed(self._ranges(found))))
        self._share_units_after(readings)
        self._share_bounds_after(readings)
        self._share_changes_after(readings)
        self._share_prices_after(readings)
        return readings

    def _share_prices_after(self, readings: list[_Reading]) -> None:
        """Give a bare amount in 元 the unit of the price before it in its sentence.

        电价为每千瓦时0.6574元，1-10千伏为0.6374元 (or 每千瓦时0.65元、0.63元): a price notice
        names what a price is per once. Only an amount right after 为 or listed right after the
        price, with no other amount between them, takes it.
        """
        price: _Reading | None = None
        for reading in readings:
            quantity = reading.quantity
            if reading.kind is TargetKind.UNIT_PRICE and quantity is not None:
                price = reading if quantity.unit.startswith("元/") else None
            elif reading.kind is TargetKind.MONEY and quantity is not None:
                if (
                    price is not None
                    and price.quantity is not None
                    and quantity.unit == "元"
                    and self.sentences.start_of(price.start)
                    == self.sentences.start_of(reading.start)
                    and (
                        self.text[reading.start - 1 : reading.start] == "为"
                        or _LIST_BETWEEN.fullmatch(self.text, price.end, reading.start)
                    )
                ):
                    reading.kind = TargetKind.UNIT_PRICE
                    reading.quantity = Quantity(quantity.value, price.quantity.unit)
                    continue
                price = None

    def _share_units_after(self, readings: list[_Reading]) -> None:
        """Give the bare measure words of a list the noun written after its last value.

        分别压缩至5个、10个和15个工作日以内: the 5 and the 10 are 个工作日 too, as plans write the
        noun once. Walking back from the end carries it along a list of any length. A change's
        verb is written once too (分别提高5个、3个百分点): the last value may have no direction.
        """
        for index in range(len(readings) - 1, 0, -1):
            last, before = readings[index], readings[index - 1]
            if (
                before.quantity is not None
                and last.quantity is not None
                and before.quantity.unit in _NOUN_MEASURE_WORDS
                and last.quantity.unit != before.quantity.unit
                and (
                    last.quantity.unit.startswith(before.quantity.unit)
                    # 分别减少10个、8个小时: 个小时 is read as 小时
                    or self.text.find(
                        before.quantity.unit + last.quantity.unit, last.start, last.end
                    )
                    >= 0
                )
                and (before.direction == last.direction or last.direction is None)
                and _LIST_BETWEEN.fullmatch(self.text, before.end, last.start)
            ):
                before.quantity = Quantity(before.quantity.value, last.quantity.unit)
                if (
                    before.kind is not TargetKind.RELATIVE_CHANGE
                    or last.kind is TargetKind.PERCENTAGE_POINTS
                ):
                    before.kind = last.kind  # a change by an amount stays one (减少3个、5个工作日)

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
                inclusion = _INCLUSION_AFTER.match(text, item.end)
                if inclusion is not None:
                    # 3亿元至10亿元(不含10亿元): whether the upper end is in, said after it
                    reading.end = inclusion.end()
                    if inclusion["exclusive"] is not None:
                        reading.comparator = Comparator.LESS_THAN
            elif item.approximate:
                reading.comparator = Comparator.MORE_THAN
            elif item.kind is TargetKind.RANK and text[item.start] == "前":
                reading.comparator = Comparator.AT_MOST  # 前10位: tenth place or better
            prefix_comparator = self._prefix(reading, clause_start)
            if prefix_comparator is None and previous is not None:
                # 至少完成5家上市公司、2家新三板公司, 分别不超过30个和50个工作日: a comparator
                # before a list covers the list.
                between = text[previous[0] : item.start]
                if (
                    ("、" in between or _LIST_BETWEEN.fullmatch(between))
                    and previous[1] is not None
                    and previous[0] >= clause_start
                    # 突破20万户、增长12%: a change verb of its own ends the list
                    and text[item.start - 2 : item.start] not in _DIRECTIONS
                ):
                    prefix_comparator = previous[1]
            if reading.comparator is Comparator.EXACTLY and prefix_comparator is not None:
                reading.comparator = prefix_comparator
                inclusion = _INCLUSION_AFTER.match(text, reading.end)
                if inclusion is not None:
                    reading.end = inclusion.end()  # 不超过100万元(含100万元): one bound
                    if inclusion["exclusive"] is not None:
                        reading.comparator = _EXCLUSIVE.get(reading.comparator, reading.comparator)
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
                if item.kind is not before.kind:
                    # 每户5万元至10万元: the upper end is per household too
                    item.kind = before.kind
                    item.quantity = Quantity(item.quantity.value, before.quantity.unit)
            else:
                start = item.range_start = self._bare_lower_end(item)
                if start is not None and self.text[start - 1 : start] == "第":
                    continue  # 第1至3项: ordinals
            kept.append(item)
        return kept

    def _listed(self, found: list[_Found]) -> list[_Found]:
        """Read the bare numbers listed before a quantity as quantities of its unit.

        分别压缩至3、5、7、10个工作日: plans write the unit once, after the last value. The list
        must follow a word (至, 为, 达到), not open a clause, where 1、 may number an item, nor
        follow 第 (第3、5项: ordinals).
        """
        text = self.text
        kept: list[_Found] = []
        for item in found:
            if (
                not item.is_baseline
                and item.range_start is None
                and text[max(item.start - 2, 0) : item.start].strip(" ")[-1:] in _BARE_LIST_JOINERS
            ):
                kept.extend(self._bare_list_before(item, kept[-1].end if kept else 0))
            kept.append(item)
        return kept

    def _bare_list_before(self, item: _Found, after: int) -> list[_Found]:
        """Return the bare values listed right before `item` (past `after`), in its unit."""
        text = self.text
        window = max(self.clauses.start_of(item.start), item.start - 40, after)
        listed = _BARE_LIST_BEFORE.search(text, window, item.start)
        if listed is None:
            return []
        first = listed.start()
        before = text[first - 1 : first]
        if not before or before == "第" or not ("\u4e00" <= before <= "\u9fff"):
            return []
        last = _MAGNITUDE_AFTER_DIGITS.match(text, item.start, item.end)
        if last is None:
            return []  # a last value in Chinese numerals: 3、五个 is no list plans write
        magnitude = last["magnitude"]
        values = []
        for numeral, start in zip(listed.captures("number"), listed.starts("number"), strict=True):
            value = _read_number(numeral + magnitude)
            if value is None:
                return []
            values.append((start, start + len(numeral), value))
        unit = item.quantity.unit
        return [
            _Found(start, end, item.kind, Quantity(value, unit)) for start, end, value in values
        ]

    def _is_lower_end(self, before: _Found, item: _Found) -> bool:
        """Tell whether `before` is the lower end of a range `item` ends (1个工作日至3个工作日)."""
        return (
            not before.is_baseline
            and before.range_start is None
            and (
                (before.kind, before.quantity.unit) == (item.kind, item.quantity.unit)
                or (
                    # 每户5万元至10万元: a price per thing, then a bare amount
                    before.kind is TargetKind.UNIT_PRICE
                    and item.kind is TargetKind.MONEY
                    and before.quantity.unit.startswith(item.quantity.unit + "/")
                )
            )
            and before.quantity.value < item.quantity.value
            and self.text[item.start] != "第"  # 提升10位至第51位: a change, then the place
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

    def _share_changes_after(self, readings: list[_Reading]) -> None:
        """Give the values listed after a change by an amount that change's verb.

        分别下降10%、20%, 分别增长10、20个百分点: the verb is written once, before the first
        value. Only values of its unit with no direction of their own, joined by nothing but
        和/与/及/以及/或/、, share it; walking forward carries it along a list of any length.
        The level a change by an amount comes to, in another unit (下降0.8个百分点至5.2%,
        增长15%至120亿元), is reached in its direction too.
        """
        for before, after in itertools.pairwise(readings):
            if (
                after.direction is not None
                or before.direction is None
                or before.quantity is None
                or after.quantity is None
                or not (
                    before.kind is TargetKind.RELATIVE_CHANGE
                    or before.kind is TargetKind.PERCENTAGE_POINTS
                )
            ):
                continue
            if after.quantity.unit != before.quantity.unit:
                # 下降0.8个百分点至5.2%: a level in another unit (in one unit, 下降10%至15% may be
                # a range of the change).
                if self.text[before.end : after.start] in _TO_AFTER_A_CHANGE:
                    after.direction = before.direction
            elif (
                before.baseline is None
                and after.baseline is None
                and _LIST_BETWEEN.fullmatch(self.text, before.end, after.start)
            ):
                after.direction = before.direction
                after.kind = before.kind

    def _prefix(self, reading: _Reading, clause_start: int) -> Comparator | None:
        """Read a comparator word before the number; a touching one joins the target's text."""
        text, start = self.text, reading.start
        window = max(clause_start, start - 16)  # (a word, eight of the gap's and a year's four)
        # 力争达到3个工作日: a time limit reached is the time to keep to, not a floor
        reached = reading.kind is TargetKind.DURATION
        tight = _TIGHT_PREFIX_BEFORE.search(text, window, start)
        if tight is not None:
            reading.start = tight.start()
            word = tight["word"]
            return None if reached and word.startswith("达") else _TIGHT_PREFIXES[word]
        loose = _LOOSE_PREFIX_BEFORE.search(text, window, start)
        if loose is None and text[start - 1 : start] == "的":
            # A loose word may stand before a reference the share is of: 不超过…报价利率的50%.
            loose = _LOOSE_PREFIX_BEFORE.search(text, max(clause_start, start - 64), start)
        if loose is not None:
            word = loose["word"]
            return None if reached and word.startswith("达") else _LOOSE_PREFIXES[word]
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
            # The baseline ends where the verb starts, or an adverb before it: a quantity, or a
            # bare number (由12减至…).
            index = bisect.bisect_right(ends, match.start()) - 1
            item = found[index] if index >= 0 else None
            if (
                item is not None
                and item.start >= clause_start
                and (
                    (
                        match.start() - item.end <= _LONGEST_ADVERB + 1
                        and text[item.end : match.start()].strip(" ") in _ADVERBS_BEFORE_A_CHANGE
                    )
                    or self._count_before_noun(item, match.start(), clause_start)
                )
            ):
                # 由3～5天缩减至1天: a range before the verb is the baseline, its upper end read
                first = item.start if item.range_start is None else item.range_start
                origin = _FROM_BEFORE.search(text, max(clause_start, first - 16), first)
                if origin is None:
                    continue
                item.is_baseline = True
                marker.baseline = item.quantity
                marker.baseline_kind = item.kind
                # 由 joins the target's text; 将 is the sentence's, not the change's
                marker.baseline_start = (
                    item.start if origin["from"] in ("将", "把") else origin.start()
                )
                word = _TIGHT_PREFIX_BEFORE.search(
                    text, origin.end("from"), first
                ) or _LOOSE_PREFIX_BEFORE.search(text, origin.end("from"), first)
                if word is not None:
                    marker.baseline_comparator = _TIGHT_PREFIXES[word["word"]]
            elif (
                item is not None
                and item.start >= clause_start
                and (now := self._now_before_noun(item, match.start())) is not None
            ):
                # 将现行16%的增值税税率降至13%: what is now, before the noun that changes.
                item.is_baseline = True
                marker.baseline = item.quantity
                marker.baseline_kind = item.kind
                marker.baseline_start = now
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

    def _count_before_noun(self, item: _Found, verb: int, clause_start: int) -> bool:
        """Tell whether `item` is a count, then the noun it counts, then the `verb` of a change,
        after a word that names a baseline (原先7个办电环节压缩至4个, 将7个审批环节减至4个)."""
        text = self.text
        return (
            item.kind is TargetKind.COUNT
            and 0 < verb - item.end <= _NOUN_BEFORE_VERB
            and _NOUN_BETWEEN.fullmatch(text, item.end, verb) is not None
            and _FROM_BEFORE.search(text, max(clause_start, item.start - 16), item.start)
            is not None
        )

    def _now_before_noun(self, item: _Found, verb: int) -> int | None:
        """Return where 现行 starts in 现行16%的增值税税率(降至…), whose `item` (16%) is what the
        noun is now (or the rate itself after a 将: 将…16%的税率降至13%), or None. Only 的 and a
        few words without a number or a clause break may stand between the item and the
        `verb`."""
        text = self.text
        if text[item.end : item.end + 1] != "的" or not 1 < verb - item.end <= _NOUN_BEFORE_VERB:
            return None
        if not _NOUN_BETWEEN.fullmatch(text, item.end + 1, verb):
            return None
        now = _NOW_BEFORE.search(text, max(item.start - 3, 0), item.start)
        if now is not None:
            start: int = now.start()
            return start
        if (
            item.kind is TargetKind.PERCENTAGE
            and text.find("将", max(self.clauses.start_of(item.start), item.start - 16), item.start)
            >= 0
        ):
            # 将制造业等行业16%的税率降至13%: a rate 将 changes, written before its noun (将
            # stays out of the text, as with 将12个工作日压缩至5个工作日)
            return item.start
        return None

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
        # Every verb but 降 and 减 has two characters: its first stands two before the number,
        # or three with 了 (降低了15%); a test of those is all most numbers need.
        if start - 1 >= clause_start and (
            text[start - 1] in _ONE_CHARACTER_VERBS
            or (
                start - 2 >= clause_start
                and (
                    text[start - 2] in _TOUCHING_VERB_FIRSTS
                    or (text[start - 1] == "了" and start - 3 >= clause_start)
                )
            )
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
        changed = by is not None
        if by is not None:
            reading.start = by.start()
            reading.direction = _DIRECTIONS[by["verb"]]
        elif (
            text[start - 1 : start] in _COMPARED_LAST
            and start - 2 >= clause_start
            and (compared := _COMPARED_BY_BEFORE.search(text, max(clause_start, start - 20), start))
        ):
            # 比全国平均水平低20%: a change by an amount against what it is compared with
            reading.start = compared.start("word")
            reading.direction = _COMPARED_DIRECTIONS[compared["word"]]
            changed = True
        elif (
            reading.kind is TargetKind.PERCENTAGE
            and "幅" in text[max(clause_start, start - 8) : start]
            and (amplitude := _AMPLITUDE_BEFORE.search(text, max(clause_start, start - 8), start))
        ):
            # 降幅达60%: the share is the size of the change
            reading.start = amplitude.start()
            reading.direction = _AMPLITUDES[amplitude["word"]]
            changed = True
        if changed:
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
                marker.baseline_kind is TargetKind.DURATION
                and item.quantity.unit in _NOUN_MEASURE_WORDS
                and marker.baseline.unit.startswith(item.quantity.unit)
            ):
                # 由12个工作日压缩至5个: five working days
                reading.quantity = Quantity(item.quantity.value, marker.baseline.unit)
                reading.kind = TargetKind.DURATION
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
        if end > reading.start:
            return
        if start < clause_start and not self._stands_as_a_clause(start, end, reading.start):
            return
        reading.baseline_year = year
        if not self.text[end : reading.start].strip(" "):
            reading.start = start  # 在2017年基础上压缩60%: the reference joins the text

    def _stands_as_a_clause(self, start: int, end: int, position: int) -> bool:
        """Tell whether the reference at `[start, end)` is a clause of its own in the sentence
        of `position`: 在2018年基础上，2020年全市电价平均降低10%."""
        text, clauses = self.text, self.clauses
        return (
            start >= self.sentences.start_of(position)
            and not text[clauses.start_of(start) : start].strip(" ")
            and not text[end : clauses.end_of(end)].strip(" ")
        )

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


def _has_noun_after(unit: str, measure_word: str) -> bool:
    """Tell whether `unit` is `measure_word` with a counted noun after it: 个阶段 and 个."""
    noun = unit.removeprefix(measure_word)
    return measure_word in _NOUN_MEASURE_WORDS and noun != unit and noun in _COUNTED_NOUNS
