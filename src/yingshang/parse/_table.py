"""The attachment table: rows of tab-started cells, areas, measures, items and their agencies."""

from __future__ import annotations

import datetime
import itertools
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

import attrs

from .._lazy import LazyPattern, LazyStdlibPattern
from ..fold import fold
from ..model import (
    Action,
    Agency,
    Area,
    Measure,
    Severity,
    Snippet,
    Span,
    Target,
    TargetKind,
)
from ._body import read_agencies_with_roles
from ._lines import (
    _BLANK_SET,
    _Line,
    _Lines,
    _small_numeral,
    _Source,
)
from ._patterns import (
    _AGENCY_SEPARATOR_OR_BRACKET,
    _AREA_HEADER,
    _BLANK,
    _COOPERATING_HEADER,
    _DEADLINE_HEADER,
    _GOAL_HEADER,
    _HEADER_CELL_MAX,
    _INDICATOR_VALUE_HEADER,
    _ITEM_MARKER,
    _LEAD_HEADER,
    _LINE_BREAK,
    _MEASURE_HEADING,
    _MEASURE_NUMBER_CELL,
    _ORDINAL_HEADING,
    _PEOPLE_HEADER,
    _RESPONSIBLE_HEADER,
    _SUBSECTION_HEADING,
    _TITLE_HEADER,
)
from ._targets import _deadline_cell, _targets_in, _targets_of_spans, _with_written_deadlines

# --- the attachment table ------------------------------------------------------------------------


class _Cell(NamedTuple):
    """One table cell: the lines that make it, the first without its leading tab."""

    start: int
    end: int


class _Row(NamedTuple):
    # Named tuples, not attrs classes: a parse makes one per cell of the table, twice.
    cells: tuple[_Cell, ...]
    start: int
    end: int
    stray: tuple[tuple[int, int], ...]  # the offsets of non-tab lines before the first cell


def _table_rows(lines: _Lines, mark: str = "\t") -> Iterator[_Row]:
    """Group lines into rows at blank lines, and rows into cells at lines opened by `mark`."""
    # On the lines' offsets, with no line object: the table is read twice, line by line.
    text = lines.text
    cells: list[_Cell] = []
    stray: list[tuple[int, int]] = []
    row_start = row_end = -1
    width = len(mark)
    for start, end in lines.offsets():
        if text.startswith(mark, start, end):
            cells.append(_Cell(start + width, end))
        elif start < end and (text[start] not in _BLANK_SET or text[start:end].strip(_BLANK)):
            if cells:
                cells[-1] = _Cell(cells[-1].start, end)
            else:
                stray.append((start, end))
        else:  # a blank line ends the row
            if row_start >= 0:
                yield _Row(tuple(cells), row_start, row_end, tuple(stray))
                cells, stray, row_start = [], [], -1
            continue
        if row_start < 0:
            row_start = start
        row_end = end
    if row_start >= 0:
        yield _Row(tuple(cells), row_start, row_end, tuple(stray))


def _inline_rows(lines: _Lines, width: int, separator: str = "\t") -> Iterator[_Row]:
    """Read the rows of a table pasted from a web page or a spreadsheet: a row to a line, its
    cells between tabs (or another `separator`: a page converted to text writes ``a | b |``).

    A line with fewer than `width` cells (but more than one) was broken inside a cell: the row
    goes on on the next lines, whose first piece continues the cell left open. A line of one
    cell with no row open is a row of its own (an area heading merged across the table). A row
    that the next line cannot continue (a line as wide as the header is a row of its own, and
    so is an area heading) lost its empty last cells, as an editor trims the tabs at a line's
    end: they are given back. Only the text's last row may stand cut short.
    """
    text = lines.text
    cells: list[_Cell] = []
    row_start = row_end = -1

    def row(padded: bool) -> _Row:
        found = cells + [_Cell(row_end, row_end)] * (width - len(cells)) if padded else cells
        return _Row(tuple(found), row_start, row_end, ())

    for start, end in itertools.chain(lines.offsets(), [(-1, -1)]):
        if start >= 0 and separator != "\t" and _RULE_LINE.fullmatch(text, start, end):
            # |---|---|: the rule under a converted page's header, no row
            continue
        if start >= 0 and text[start:end].strip(_BLANK):
            pieces: list[_Cell] = []
            at = start
            while (tab := text.find(separator, at, end)) >= 0:
                pieces.append(_Cell(at, tab))
                at = tab + 1
            pieces.append(_Cell(at, end))
            if cells and (
                len(pieces) >= width
                or (len(pieces) == 1 and _ORDINAL_HEADING.match(text[start:end].strip(_BLANK)))
            ):
                yield row(padded=True)
                cells = []
            if cells:
                cells[-1] = _Cell(cells[-1].start, pieces[0].end)
                cells.extend(pieces[1:])
            else:
                cells, row_start = pieces, start
            row_end = end
            if len(cells) >= width or (len(cells) == 1 and row_start == start):
                yield row(padded=False)
                cells = []
            continue
        if cells:  # a blank line ends a row; the text's end may cut the last one short
            yield row(padded=start >= 0)
            cells = []


@attrs.frozen
class _TableStart:
    """Where the table starts (an index into the lines), and what opens each of its cells; for a
    table pasted with a row to a line (`_inline_rows`), the width its header gives."""

    index: int
    mark: str = "\t"
    inline_width: int | None = None
    separator: str = "\t"  # between an inline row's cells


def _find_table(lines: _Lines) -> _TableStart | None:
    """Find the table: the first row of three or more tab-opened cells or, in text whose tabs a
    copy-paste turned into spaces or U+3000, a header row of cells opened by the same indent; or
    a header of three or more cells between tabs on one line (a table pasted from a web page),
    whichever comes first."""
    inline = _find_inline_header(lines)
    found = _find_cell_table(lines, len(lines) if inline is None else inline.index)
    return found if found is not None else inline


def _find_inline_header(lines: _Lines) -> _TableStart | None:
    # Two tabs or more on one line: a Word export opens each cell's line with one tab. The first
    # cell may be empty (a merged or blank header cell over the row numbers). On the offsets:
    # no line object for each line of a long text, and no look at each line without two tabs on
    # one of them.
    text = lines.text
    separators = [separator for separator, twice in _INLINE_SEPARATORS if twice.search(text)]
    if not separators:
        return None
    for index, (start, end) in enumerate(lines.offsets()):
        for separator in separators:
            if text.count(separator, start, end) >= 2:
                cells = text[start:end].split(separator)
                if _header_words(cells, cells=True):
                    return _TableStart(index, inline_width=len(cells), separator=separator)
    return None


# What stands between the cells of a row written on one line: a tab (a copy from a page or a
# spreadsheet), or a bar (a page converted to text: 序号 | 重点任务 | 牵头单位 |).
# Each with a pattern of it twice on one line (with no line break between: one scan of the text).
_INLINE_SEPARATORS = (
    ("\t", LazyStdlibPattern(r"\t[^\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*\t")),
    ("|", LazyStdlibPattern(r"\|[^|\n\r\v\f\x1c-\x1e\x85\u2028\u2029]*\|")),
)
# The rule a converted page writes under its header: |---|:---:|.
_RULE_LINE = LazyPattern(r"[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*")


def _find_cell_table(lines: Sequence[_Line], before: int) -> _TableStart | None:
    """Find a table of tab- or indent-opened cells whose first row starts before `before`."""
    index = 0
    while index < min(len(lines), before):
        if lines[index].starts_cell and not lines[index].blank:
            cells = 0
            cursor = index
            while cursor < len(lines) and not (
                lines[cursor].blank and not lines[cursor].starts_cell
            ):
                cells += lines[cursor].starts_cell
                cursor += 1
            if cells >= 3:
                return _TableStart(index)
            index = cursor
        index += 1
    for start, run in _runs(lines, lambda line: line.text[:1] in _BLANK):
        if start >= before:
            break
        indents = {line.text[: len(line.text) - len(line.text.lstrip(_BLANK))] for line in run}
        mark = _common_prefix(indents)
        if len(run) >= 3 and mark and _header_words([line.text for line in run]):
            return _TableStart(start, mark)
    return None


def find_unreadable_table(lines: Sequence[_Line]) -> Span | None:
    """Return the span of a table header whose cells no tab or indent opens, if there is one:
    "牵头单位" among three or more short words on consecutive lines or on one line."""
    for _, run in _runs(lines, lambda line: _header_words(line.text.split(), lead=False)):
        words = [word for line in run for word in line.text.split()]
        if len(words) >= 3 and _header_words(words):
            return Span(run[0].start, run[-1].end)
    return None


def _runs(
    lines: Sequence[_Line], belongs: Callable[[_Line], bool]
) -> Iterator[tuple[int, Sequence[_Line]]]:
    """Yield the runs of consecutive non-blank lines that `belongs` accepts, with their index."""
    start = 0
    for index, line in enumerate(itertools.chain(lines, [None])):
        if line is None or line.blank or not belongs(line):
            if index > start:
                yield start, lines[start:index]
            start = index + 1


def _common_prefix(texts: set[str]) -> str:
    shortest = min(texts, key=len, default="")
    while shortest and not all(text.startswith(shortest) for text in texts):
        shortest = shortest[:-1]
    return shortest


def _header_words(words: list[str], lead: bool = True, cells: bool = False) -> bool:
    """Tell whether `words` read as a table's header: short, one naming the lead agencies (or
    any short words, without `lead`). With `cells` (a row's cells, not lines that may be a
    title's), a cell that names no agencies may be longer."""
    # Folded: a Traditional copy's header (牽頭單位) names its columns as a Simplified one does.
    words = ["".join(fold(word).split()) for word in words if word.strip(_BLANK)]
    longest = _LONG_HEADER_CELL_MAX if cells else _HEADER_CELL_MAX
    if not words or any(len(word) > longest or _LABEL_COLON & set(word) for word in words):
        return False  # (the cheap tests first: most rows fail them)
    # A header cell names a column; 牵头单位：市政务服务局 is a line of roles below an item, and
    # 市市场监管局牵头，市税务局配合 a cell of roles. Only a column of what is to be done may have
    # a longer name (陕西省《工作要点》部署任务).
    if any(len(word) > _HEADER_CELL_MAX and _names_agencies(word) for word in words):
        return False
    return not lead or any(_names_agencies(word) for word in words)


def _names_agencies(word: str) -> bool:
    return bool(_LEAD_HEADER.search(word) or _RESPONSIBLE_HEADER.search(word))


# The longest name of a header's column that names no agencies.
_LONG_HEADER_CELL_MAX = 2 * _HEADER_CELL_MAX


_LABEL_COLON = frozenset("：:")


def _under_merged(above: list[str], words: list[str]) -> list[str]:
    """Return a header row of role words alone (牵头, 配合) as the columns it names: those of the
    row above, with its one agencies cell (责任单位, merged over them) split into these."""
    if len(words) >= len(above) or not all(
        _LEAD_HEADER.search(word) or _COOPERATING_HEADER.search(word) for word in words
    ):
        return words
    merged = [i for i, word in enumerate(above) if _RESPONSIBLE_HEADER.search(word)]
    if len(merged) != 1:
        return words
    return above[: merged[0]] + words + above[merged[0] + 1 :]


def _cell_number(cell: Snippet) -> int:
    """Read a number cell (序号): "5", "5．"."""
    return int(cell.text.rstrip("．.、"))


@attrs.define(weakref_slot=False)
class _MeasureBuilder:
    number: int
    title: str
    span: Span
    actions: list[_PendingAction] = attrs.Factory(list)
    repeated_at: tuple[Span, ...] = ()  # rare: a tuple made anew beats a list for every measure


class _PendingAction(NamedTuple):
    """An action item read from a row, whose targets are found once the whole table is read."""

    number: int
    text: str
    span: Span
    marker: Snippet | None
    lead: tuple[Agency, ...]
    cooperating: tuple[Agency, ...]
    row_deadlines: tuple[Target, ...]
    row_goals: tuple[Target, ...]  # the targets of the row's goals cell (预期目标)


@attrs.define(weakref_slot=False)
class _AreaBuilder:
    ordinal: int
    title: str
    span: Span
    measures: list[_MeasureBuilder] = attrs.Factory(list)
    repeated_at: list[Span] = attrs.Factory(list)


class _Table:
    """Parses the attachment's rows into areas, measures and action items."""

    def __init__(
        self,
        source: _Source,
        issue_date: datetime.date | None,
        attachment_title: Snippet | None = None,
        year: int | None = None,
    ) -> None:
        self.source = source
        self.issue_date = issue_date
        self.year = year  # the plan's year, when its title names one
        self.areas: list[_AreaBuilder] = []
        self.headers: list[Snippet] = []
        self.header_width = 0
        self.last_measure: _MeasureBuilder | None = None
        self.expected_measure = 1  # the number the next measure heading should carry
        self.area_column: int | None = None  # which heading column holds the areas
        self.attachment_title = attachment_title
        # A header names a column of measure titles (重点任务, 工作任务, ...): free text there is
        # a measure's title, not an unreadable heading.
        self.has_title_column = False
        self.lead_from_right = 2  # the lead agencies' cell, counted from the row's right end
        self.cooperating_from_right: int | None = 1
        self.deadline_from_right: int | None = None
        # A header's column of areas written by title alone (重点领域), counted from the right.
        self.area_from_right: int | None = None
        # Whether a header heads measures (not only indicators' targets by year).
        self.has_measures_header = False
        # Columns of the people answerable (责任领导) and of goals (预期目标), from the right.
        self.people_from_right: frozenset[int] = frozenset()
        self.goals_from_right: frozenset[int] = frozenset()

    def parse(
        self,
        lines: _Lines,
        mark: str = "\t",
        inline_width: int | None = None,
        separator: str = "\t",
    ) -> None:
        """Read the table's rows: cells opened by `mark` at the start of a line, or with
        `inline_width`, a row to a line with its cells between tabs or another `separator`
        (`_inline_rows`)."""
        # Two passes over the rows, made afresh each time, instead of a list of them all: the
        # first reads the headers and the rows' width, the second the rows.
        rows: Callable[[], Iterator[_Row]] = (
            (lambda: _table_rows(lines, mark))
            if inline_width is None
            else (lambda: _inline_rows(lines, inline_width, separator))
        )
        headers: set[int] = set()
        truncated = False
        counts: Counter[int] = Counter()
        last_row = -1
        # The rows under a header of targets by year (指标, 2021年, 2022年): no measures.
        indicator_rows: set[int] = set()
        under_indicators = False
        above: list[str] | None = None  # the words of the header row right above, if any
        for row in rows():
            for start, end in row.stray:
                self.source.unparsed("text outside the table's cells", start, end)
            if self._is_header(row):
                under_indicators = self._is_indicator_header(row)
                if under_indicators:
                    self._keep_header(row)
                else:
                    above = self._read_header(row, above)
                    self.has_measures_header = True
                headers.add(row.start)
                continue
            above = None
            if under_indicators:
                indicator_rows.add(row.start)
            else:
                if row.cells:
                    counts[len(row.cells)] += 1
                last_row = row.start
        self.source.forget_snippets()
        width = counts.most_common(1)[0][0] if counts else 0
        # Merged header cells make the header shorter than a row, never longer; a row shorter
        # than the header is one cut short.
        width = max(width, self.header_width)
        for row in rows():
            if row.start in headers:
                continue
            if row.start in indicator_rows:
                self.source.unparsed(
                    "a row of a table of indicators' targets by year, which yingshang does not "
                    "read as measures",
                    row.start,
                    row.end,
                )
                continue
            cells = row.cells
            while len(cells) > width and self._blank(cells[-1]):
                # A blank line that is the indent alone ("\u3000", a space) reads as an empty
                # cell where spaces open the cells: past the row's width it is only a blank line.
                cells = cells[:-1]
            if cells is not row.cells:
                row = row._replace(cells=cells)
            if not row.cells or all(self._blank(cell) for cell in row.cells):
                continue
            if len(row.cells) != width and self._is_heading_row(row):
                # An area (or measure) heading merged across the table's width: one cell.
                self._read_headings(row.cells)
                continue
            if len(row.cells) != width:
                if row.start == last_row and len(row.cells) < width:
                    # The text was cut short: the plan so far stands, and an error says so.
                    truncated = True
                    self.source.report(
                        Severity.ERROR,
                        "truncated",
                        f"expected a complete table row of {width} cells (is the text cut "
                        f"short?), found a last row of {len(row.cells)} cells",
                        Span(*self.source.trim(row.start, row.end)),
                    )
                    continue
                self.source.unparsed(
                    f"a table row of {len(row.cells)} cells where rows have {width}",
                    row.start,
                    row.end,
                )
                continue
            self._read_row(row)
            # Each cell is read again only within its row: the memo of cut texts would otherwise
            # hold a copy of the whole table until the parse ends.
            self.source.forget_snippets()
        if (
            self.has_measures_header
            and not truncated  # the cut is the error to report
            and not any(measure.actions for area in self.areas for measure in area.measures)
        ):
            # A header and nothing under it is never a plan read right: the text was cut, or
            # its rows are laid out in a way yingshang does not read.
            self.source.report(
                Severity.ERROR,
                "empty-table",
                "expected action items under the table's header (牵头单位), found none",
                Span(self.headers[0].span.start, self.headers[-1].span.end),
            )

    def _is_indicator_header(self, row: _Row) -> bool:
        """Tell whether a header heads a table of targets by year: two cells or more name a
        year or a value (2021年, 2022年目标, 目标值), as an indicators table's do."""
        texts = [self.source.snippet(c.start, c.end) for c in row.cells]
        found = sum(
            _INDICATOR_VALUE_HEADER.fullmatch("".join(fold(t.text).split())) is not None
            for t in texts
            if t is not None
        )
        return found >= 2

    def _is_heading_row(self, row: _Row) -> bool:
        # A cell merged across the row exports as a row of one cell; a row cut short has more.
        if len(row.cells) != 1:
            return False
        snippet = self.source.snippet(row.cells[0].start, row.cells[0].end)
        return snippet is not None and bool(
            _ORDINAL_HEADING.match(snippet.text) or _MEASURE_HEADING.match(snippet.text)
        )

    def freeze(self) -> list[Area]:
        """Build the areas read so far, finding the items' targets a few runs of items at a time.

        Each item read from a row waits as a `_PendingAction` until here, and is dropped as soon
        as its `Action` is built, so that the two are not all held at once.
        """
        found = iter(
            _targets_of_spans(
                self.source.text,
                [
                    action.span
                    for area in self.areas
                    for measure in area.measures
                    for action in measure.actions
                ],
                self.issue_date,
                self.source,
                self.year,
            )
        )
        areas = []
        for area in self.areas:
            measures = []
            for measure in area.measures:
                actions = tuple(
                    Action(
                        action.number,
                        action.text,
                        action.span,
                        action.marker,
                        action.lead,
                        action.cooperating,
                        _with_written_deadlines(
                            next(found) + action.row_goals, action.row_deadlines
                        ),
                    )
                    for action in measure.actions
                )
                measure.actions.clear()
                measures.append(
                    Measure(
                        number=measure.number,
                        title=measure.title,
                        span=measure.span,
                        actions=actions,
                        repeated_at=tuple(measure.repeated_at),
                    )
                )
            areas.append(
                Area(
                    ordinal=area.ordinal,
                    title=area.title,
                    span=area.span,
                    measures=tuple(measures),
                    repeated_at=tuple(area.repeated_at),
                )
            )
        return areas

    def _blank(self, cell: _Cell) -> bool:
        start, end = self.source.trim(cell.start, cell.end)
        return start >= end

    def _is_header(self, row: _Row) -> bool:
        # Header cells are short: a long cell settles it before any cell's text is cut.
        if any(cell.end - cell.start > 4 * _HEADER_CELL_MAX for cell in row.cells):
            return False
        texts = [self.source.snippet(c.start, c.end) for c in row.cells]
        return _header_words([s.text for s in texts if s is not None], cells=True)

    def _keep_header(self, row: _Row) -> list[Snippet | None]:
        """Keep a header row's cells as the attachment's headers; return them (None if blank)."""
        snippets = [self.source.snippet(c.start, c.end) for c in row.cells]
        self.headers.extend(s for s in snippets if s is not None)
        return snippets

    def _read_header(self, row: _Row, above: list[str] | None = None) -> list[str]:
        """Read a header row's columns; `above` is the header row right above it, whose merged
        责任单位 cell a row of 牵头 and 配合 alone may stand under. Return the words read."""
        snippets = self._keep_header(row)
        words = ["".join(fold(s.text).split()) if s is not None else "" for s in snippets]
        if above is not None:
            words = _under_merged(above, words)
        self.header_width = max(self.header_width, len(words))
        has_lead = any(_LEAD_HEADER.search(word) for word in words)
        self.has_title_column = any(_TITLE_HEADER.search(word) for word in words)
        cooperating: int | None = None
        people = set()
        goals = set()
        for index, word in enumerate(words):
            from_right = len(words) - index
            if _PEOPLE_HEADER.search(word):
                people.add(from_right)
            elif _GOAL_HEADER.fullmatch(word):
                goals.add(from_right)
            elif _LEAD_HEADER.search(word):
                self.lead_from_right = from_right
            elif _COOPERATING_HEADER.search(word):
                cooperating = from_right
            elif _RESPONSIBLE_HEADER.search(word):
                if has_lead:
                    cooperating = from_right
                else:
                    self.lead_from_right = from_right
            elif _DEADLINE_HEADER.search(word):
                self.deadline_from_right = from_right
            elif _AREA_HEADER.search(word) and self.area_from_right is None:
                self.area_from_right = from_right  # the leftmost: 一级指标 before 二级指标
        # Only an agencies column right of the lead column is read as the cooperating agencies.
        self.cooperating_from_right = (
            cooperating if cooperating is not None and cooperating < self.lead_from_right else None
        )
        self.people_from_right = frozenset(people)
        self.goals_from_right = frozenset(goals)
        return words

    def _read_row(self, row: _Row) -> None:
        cells = row.cells
        action_index = len(cells) - self.lead_from_right - 1
        # The items stand left of the lead agencies, past any column of people (责任领导) or of
        # goals (预期目标), whose targets are the row's items'.
        row_goals: tuple[Target, ...] = ()
        while action_index >= 0 and (
            (from_right := len(cells) - action_index) in self.people_from_right
            or from_right in self.goals_from_right
        ):
            cell = cells[action_index]
            if from_right in self.goals_from_right:
                row_goals = self._goals(cell) + row_goals
            else:
                self.source.unparsed(
                    "a cell of a column of the people answerable (责任领导), which yingshang "
                    "does not read",
                    cell.start,
                    cell.end,
                )
            action_index -= 1
        if action_index < 0:
            self.source.unparsed("a table row too short to hold an action item", row.start, row.end)
            return
        lead_cell = cells[-self.lead_from_right]
        with_roles = None
        if self.cooperating_from_right is None:
            # One agencies column may write the roles itself: "A牵头，B配合", "A（牵头）、B".
            with_roles = read_agencies_with_roles(self.source.text, lead_cell.start, lead_cell.end)
        if with_roles is not None:
            lead, cooperating = list(with_roles[0]), list(with_roles[1])
        else:
            lead = self._agencies(lead_cell)
            cooperating = (
                self._agencies(cells[-self.cooperating_from_right])
                if self.cooperating_from_right is not None
                else []
            )
        row_deadlines: tuple[Target, ...] = ()
        for from_right in range(1, self.lead_from_right):
            cell = cells[-from_right]
            if from_right == self.cooperating_from_right:
                continue
            if from_right == self.deadline_from_right:
                row_deadlines = self._deadlines(cell)
                continue
            if from_right in self.goals_from_right:
                row_goals += self._goals(cell)
                continue
            self.source.unparsed(
                "a table cell in a column yingshang does not read", cell.start, cell.end
            )
        area_at = None if self.area_from_right is None else len(cells) - self.area_from_right
        self._read_headings(cells[:action_index], area_at)
        actions_cell = cells[action_index]
        if self._blank(actions_cell):
            if lead or cooperating:
                span = Span(row.start, row.end)
                self.source.report(
                    Severity.WARNING,
                    "agencies-without-action",
                    "a table row names agencies but no action item",
                    span,
                )
            return
        measure = self.areas[-1].measures[-1] if self.areas and self.areas[-1].measures else None
        if measure is None:
            # Nothing of the row can be placed: keep every cell right of the headings.
            for cell in cells[action_index:]:
                self.source.unparsed(
                    "a cell of a row whose action items stand before any measure heading",
                    cell.start,
                    cell.end,
                )
            return
        if not lead:
            self.source.report(
                Severity.WARNING,
                "no-lead-agency",
                "a table row with action items but an empty lead-agency (牵头单位) cell",
                Span(*self.source.trim(actions_cell.start, actions_cell.end)),
            )
        actions = list(
            self._actions(
                actions_cell, measure, tuple(lead), tuple(cooperating), row_deadlines, row_goals
            )
        )
        dated = [t for t in row_deadlines if t.kind is TargetKind.DEADLINE]
        if len(actions) > 1 and len(dated) == len(actions) == len(row_deadlines):
            # As many dates as items, in the same order ((1)…(2)… beside 2021年6月底前⏎2021年底前):
            # each item's own.
            actions = [
                action._replace(row_deadlines=(deadline,))
                for action, deadline in zip(actions, dated, strict=True)
            ]
        if not actions and (lead or cooperating or row_deadlines):
            # Only item markers with no text ("2．" of a cut text): the agencies and the time
            # of the row have no item to go to, and must not vanish with it.
            self.source.report(
                Severity.WARNING,
                "agencies-without-action",
                "a table row names agencies but no action item",
                Span(row.start, row.end),
            )
        measure.actions.extend(actions)

    def _goals(self, cell: _Cell) -> tuple[Target, ...]:
        """Read a goals column's cell (预期目标): its targets, for the items of its row."""
        snippet = self.source.snippet(cell.start, cell.end)
        if snippet is None:
            return ()
        found = _targets_in(self.source.text, snippet.span, self.issue_date, self.source, self.year)
        if found:
            self.source.report(
                Severity.INFO,
                "goal-cell",
                "a cell of a column of goals (预期目标): its targets are those of its row's items",
                snippet.span,
            )
        else:
            self.source.unparsed(
                "a cell of a column of goals (预期目标) with no target yingshang can read",
                cell.start,
                cell.end,
            )
        return found

    def _deadlines(self, cell: _Cell) -> tuple[Target, ...]:
        """Read a deadline column's cell (完成时限) into deadline targets; keep what it cannot."""
        snippet = self.source.snippet(cell.start, cell.end)
        if snippet is None:
            return ()
        found, rest = _deadline_cell(
            self.source.text,
            snippet.span,
            _targets_in(self.source.text, snippet.span, self.issue_date, self.source, self.year),
        )
        text = self.source.text
        for piece in rest:
            # The bracket opening a marker was left to the date before it: take it back.
            opened = piece.start - (piece.start > 0 and text[piece.start - 1] in "（(")
            if _ITEM_MARKER.fullmatch(text, opened, piece.end):
                # （1）2021年6月底前 ⏎ （2）2021年底前: the number of the item a date is for.
                self.source.report(
                    Severity.INFO,
                    "deadline-marker",
                    "the number of the item a deadline cell's date is for",
                    Span(opened, piece.end),
                )
                continue
            self.source.unparsed("text of a deadline cell that is no date", piece.start, piece.end)
        if not found:
            self.source.unparsed(
                "a deadline cell with no date yingshang can read", cell.start, cell.end
            )
        return found

    def _read_headings(self, cells: tuple[_Cell, ...], area_at: int | None = None) -> None:
        """Read a row's area and measure cells: "一、开办企业", "1．精简流程", or a number cell
        (序号) and a title cell of their own; at `area_at`, the header's column of areas, an area
        by its title alone. Empty cells continue the heading above."""
        number: Snippet | None = None  # a number cell waiting for its title
        snippets = [self.source.snippet(cell.start, cell.end) for cell in cells]
        for column, (cell, snippet) in enumerate(zip(cells, snippets, strict=True)):
            if snippet is None:
                continue
            area_match = _ORDINAL_HEADING.match(snippet.text)
            measure_match = _MEASURE_HEADING.match(snippet.text)
            bracketed = _SUBSECTION_HEADING.match(snippet.text)
            if (
                column == area_at
                and not (area_match or measure_match or bracketed)
                and not _MEASURE_NUMBER_CELL.fullmatch(snippet.text)
            ):
                # 开办企业 under 重点领域: an area by its title, numbered in turn. A number cell
                # before it (序号) still waits for the measure's title after it.
                current = self.areas[-1] if self.areas else None
                in_turn = current.ordinal if current is not None else 0
                if current is None or current.title != snippet.text:
                    in_turn += 1
                self.area_column = column
                self._read_area_heading(in_turn, snippet.text, snippet.span)
                continue
            heading_start = snippet.span.start
            if number is not None and (area_match or measure_match or bracketed):
                if measure_match and int(measure_match["number"]) == _cell_number(number):
                    heading_start = number.span.start  # 序号 "5" beside "5．…": one heading
                else:
                    # A heading of its own after a number cell: the number titles nothing.
                    self._unplaced_number(number)
                number = None
            if (
                area_match
                and (ordinal := _small_numeral(area_match["ordinal"]))
                and self.area_column is not None
                and column > self.area_column
            ):
                # "一．降低开办企业费用" right of the areas' column is a measure numbered in the
                # wrong style: read it as one (its number is reported when out of sequence).
                title = area_match["title"].strip(_BLANK)
                self._read_measure_heading(ordinal, title, snippet.span)
            elif area_match and (ordinal := _small_numeral(area_match["ordinal"])):
                title = area_match["title"].strip(_BLANK)
                self.area_column = column
                self._read_area_heading(ordinal, title, snippet.span)
            elif bracketed and (ordinal := _small_numeral(bracketed["ordinal"])):
                # "（一）…" heads an area where the areas stand (or where "1．…" measures follow
                # it in the row), and a measure otherwise.
                title = bracketed["title"].strip(_BLANK)
                measures_follow = any(
                    later is not None and _MEASURE_HEADING.match(later.text)
                    for later in snippets[column + 1 :]
                )
                if column == self.area_column or (self.area_column is None and measures_follow):
                    self.area_column = column
                    self._read_area_heading(ordinal, title, snippet.span)
                else:
                    self._read_measure_heading(ordinal, title, snippet.span)
            elif measure_match:
                title = measure_match["title"].strip(_BLANK)
                span = Span(heading_start, snippet.span.end)
                self._read_measure_heading(int(measure_match["number"]), title, span)
            elif _MEASURE_NUMBER_CELL.fullmatch(snippet.text):
                if number is not None:
                    self._unplaced_number(number)
                number = snippet
                continue
            elif number is not None or self.has_title_column:
                # A title cell: numbered by the cell before it, or else by its position.
                value = _cell_number(number) if number else self._next_measure_number()
                span = Span(number.span.start if number else snippet.span.start, snippet.span.end)
                self._read_measure_heading(value, snippet.text, span)
            else:
                self.source.unparsed(
                    "a heading cell that is neither an area nor a measure", cell.start, cell.end
                )
            number = None
        if number is not None:  # a number with no title cell: the measure has no title
            self._read_measure_heading(_cell_number(number), "", number.span)

    def _unplaced_number(self, number: Snippet) -> None:
        """Keep a number cell that numbers nothing."""
        self.source.unparsed(
            "a number cell (序号) with no title cell after it", number.span.start, number.span.end
        )

    def _next_measure_number(self) -> int:
        return self.last_measure.number + 1 if self.last_measure else 1

    def _implicit_area(self, at: Span) -> None:
        """Open the one area of a table that has no area column, named after the attachment."""
        title = self.attachment_title
        span = title.span if title is not None else at
        self.areas.append(_AreaBuilder(1, title.text if title is not None else "", span))
        self.source.report(
            Severity.INFO,
            "implicit-area",
            "a table without area headings: its measures form one area named after the attachment",
            at,
        )

    def _read_area_heading(self, ordinal: int, title: str, span: Span) -> None:
        current = self.areas[-1] if self.areas else None
        if current is not None and (current.ordinal, current.title) == (ordinal, title):
            current.repeated_at.append(span)  # repeated after a page break
            return
        self.source.in_sequence("area", ordinal, current.ordinal + 1 if current else 1, span)
        self.areas.append(_AreaBuilder(ordinal, title, span))

    def _read_measure_heading(self, number: int, title: str, span: Span) -> None:
        if not self.areas:
            self._implicit_area(span)
        area = self.areas[-1]
        current = self.last_measure
        if current is not None and (current.number, current.title) == (number, title):
            if area.measures and area.measures[-1] is current:
                current.repeated_at += (span,)  # repeated after a page break
            else:
                self.source.unparsed(
                    "a measure heading repeated under another area", span.start, span.end
                )
            return
        expected = self.expected_measure
        if number == 1 and not area.measures:
            expected = 1  # numbering that starts again in each area is in sequence too
        self.source.in_sequence("measure", number, expected, span)
        # One misnumbered heading ("一．" among "3．") is reported once, not again at the next.
        self.expected_measure = max(number, expected) + 1
        self.last_measure = _MeasureBuilder(number, title, span)
        area.measures.append(self.last_measure)

    def _agencies(self, cell: _Cell) -> list[Agency]:
        agencies: list[Agency] = []
        start = cell.start
        depth = 0
        # Only separators and brackets matter: visit them, not every character of the cell.
        for match in _AGENCY_SEPARATOR_OR_BRACKET.finditer(self.source.text, cell.start, cell.end):
            char = match.group()
            if char in "（(":
                depth += 1
            elif char in "）)":
                depth = max(0, depth - 1)
            elif depth == 0:
                self._add_agency(agencies, start, match.start())
                start = match.end()
        self._add_agency(agencies, start, cell.end)
        if depth:
            self.source.report(
                Severity.WARNING,
                "unbalanced-bracket",
                "an agencies cell with a bracket left open; its last agency runs to the cell's end",
                Span(*self.source.trim(cell.start, cell.end)),
            )
        return agencies

    def _add_agency(self, agencies: list[Agency], start: int, end: int) -> None:
        piece = self.source.piece(start, end)
        if piece is not None:
            agencies.append(Agency(*piece))

    def _actions(
        self,
        cell: _Cell,
        measure: _MeasureBuilder,
        lead: tuple[Agency, ...],
        cooperating: tuple[Agency, ...],
        row_deadlines: tuple[Target, ...],
        row_goals: tuple[Target, ...],
    ) -> Iterator[_PendingAction]:
        """Split a cell into its items at the "（n）" that open its paragraphs."""
        text = self.source.text
        pending: tuple[int, int, Snippet | None, int] | None = None  # start, end, marker, number
        count = len(measure.actions)

        def finish() -> _PendingAction | None:
            if pending is None:
                return None
            start, end, marker, number = pending
            piece = self.source.piece(start, end)
            if piece is None:
                self.source.report(
                    Severity.WARNING,
                    "empty-item",
                    "an item marker with no text after it",
                    marker.span if marker else Span(start, end),
                )
                return None
            item_text, span = piece
            return _PendingAction(
                number, item_text, span, marker, lead, cooperating, row_deadlines, row_goals
            )

        paragraph_start = cell.start
        while paragraph_start <= cell.end:
            newline = _LINE_BREAK.search(text, paragraph_start, cell.end)
            paragraph_end = cell.end if newline is None else newline.start()
            start, end = self.source.trim(paragraph_start, paragraph_end)
            match = _ITEM_MARKER.match(text, start, end) if start < end else None
            if match:
                if (action := finish()) is not None:
                    count += 1
                    yield action
                number = (
                    int(match["number"] or match["plain"])
                    if match["number"] or match["plain"]
                    else ord(match["circled"]) - ord("①") + 1
                )
                marker = Snippet(
                    self.source.intern(match.group().strip(_BLANK)),
                    Span(match.start(), match.start() + len(match.group().rstrip(_BLANK))),
                )
                self.source.in_sequence("item", number, count + 1, marker.span)
                pending = (match.end(), end, marker, number)
            elif start < end:
                if pending is None:
                    pending = (start, end, None, count + 1)
                else:
                    pending = (pending[0], end, pending[2], pending[3])
            paragraph_start = cell.end + 1 if newline is None else newline.end()
        if (action := finish()) is not None:
            yield action
