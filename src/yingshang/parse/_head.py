"""The head of a plan as it is published: site chrome, a news lead, the notice, the plan's title.

A plan reaches a reader in many heads. Each rule below reads one of them; every line is matched on
its folded view (Simplified characters, ASCII punctuation, pinyin annotations removed), while the
spans slice the source and the text kept is the source's own:

* site chrome (政务微信, ×, 全文, 打印, ``字体:【大 中 小】``, ``来源:… 浏览次数: 发布时间:…``, a
  breadcrumb ``首页 > …``) is reported as ``site-chrome`` and skipped wherever it stands;
* a page's metadata (``发文字号:…``, ``发文机关:…``, ``成文日期:…``, ``标题:…``) fills what the
  notice does not give;
* a paragraph before the notice (a reposting site's news lead) is reported as ``news-lead``;
* the notice: its title (``…关于印发X的通知``, on one line or two), the 文号 (on a line of its own,
  before or after the title, in brackets on the title's line, ``〔〕``/``[]``/``()``, 號 or 号 or
  lost), the recipients (``…：``), its paragraphs, the issuer, the date (a mangled date such as
  ``2019116`` is reported, never guessed) and remarks such as ``（此件公开发布）``; a text may open
  with any of them (the recipients, the 文号) and lack the rest;
* a page heading that repeats the notice's title and 文号 above the notice is reported as
  ``page-title``;
* the plan's title: the line after the notice (joined when split over two lines, with a bracketed
  line of years below it, without a 文号 written on it); else the X of ``关于印发《X》的通知``; else
  the 《X》 of the notice's text (``《X》已经…同意``); a notice that is no 印发 (``关于…的通知``) is
  itself the plan.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Sequence
from typing import Any

import attrs
import regex

from .._lazy import LazyPattern
from ..model import Notice, Severity, Snippet, Span
from ._lines import _issue_date, _Line, _small_numeral, _Source, _View
from ._patterns import (
    _DATE_LINE,
    _ORDINAL_HEADING,
    _SIGNED_LINE,
    _SPACED_HEADING,
    _SUBSECTION_HEADING,
    ORGAN_ENDS,
)

__all__ = ["Head", "Signature", "read_head", "read_signature"]

# How many lines of text the head may hold before the body's first heading.
_HEAD_LINES = 40

# --- patterns, on the folded view of a line ----------------------------------------------------

# 渝府办发〔2019〕81号, 津政规[2020]7号, 池政(2017)101号, 湘政办函〔2019〕56 (号 lost).
_DOCUMENT_NUMBER = LazyPattern(
    r"""
    (?P<number>
        [\p{Han}A-Za-z]{1,16}+                      # the issuer's prefix: 渝府办发, 国办发
        [〔\[【(﹝] [ ]* (?:19|20)\d\d [ ]* [〕\]】)﹞]  # the year in brackets
        [ ]* 第? [ ]* \d{1,4}+                       # the serial
        (?: [ ]* 号 | (?![\d年月日]) )               # 号, or lost
    )
    """,
    regex.VERBOSE,
)
# What a plan's title ends with: its kind of document, and maybe a bracket ("（2019—2020年）").
_PLAN_KIND = (
    r"(?:方案|计划|意见|措施|要点|规划|办法|细则|规定|举措|清单|通知|决定|纲要|条例|政策|任务|行动"
    r"|若干规定|通告|公告|工作安排|安排)"
)
_TITLE_END = LazyPattern(rf"{_PLAN_KIND}[ ]*(?:\([^()]{{1,30}}\))?$")
# The plan a notice issues: 关于印发《X》的通知, 关于印发X的通知, 关于转发…的通知.
_ISSUED_PLAN = LazyPattern(r"关于(?:印发|转发|下发|公布|发布|出台)(?P<plan>.+?)的?通知$")
# A line of the notice that issues the plan: 《X》已经…同意，现印发给你们.
_ISSUING = LazyPattern(r"印发给|现印发|印发你们|现将|转发给")
_QUOTED_PLAN = LazyPattern(r"《(?P<plan>[^《》]{2,80})》")
_REMARK = LazyPattern(r"^\([^()]{0,16}(?:公开|发布|公布)[^()]{0,6}\)$")
_MANGLED_DATE = LazyPattern(r"^(?:19|20)\d\d(?:\d{1,4}|年[\d 月日.]{0,8})$")
# A bracketed line of years or of status below a title: "（2019—2020年）", "(试行)".
_SUBTITLE = LazyPattern(r"^\((?:[^()]{0,24}\d{4}[^()]{0,24}|试行|暂行|征求意见稿|修订)\)$")

# Site chrome: lines that start with a label of the page, or hold only words of its toolbar.
_CHROME_LABEL = LazyPattern(
    # (a list's bullet may open it: • 点击次数:)
    r"^(?:[•·●▪◆\-*] *)?[【\[]?(?:来源|信息来源|文章来源|发布时间|发布日期|发表日期|更新时间"
    r"|浏览次数|浏览量|阅读次数|点击数|点击次数|点击量|访问量|访问次数|字体|字号|当前位置|您的位置"
    r"|您当前的位置|您现在的位置|当前的位置|作者|责任编辑|编辑|分享到|扫一扫)[ ]*(?::|$)"
)
_CHROME_WORDS = frozenset(
    [
        "政务微信",
        "政务微博",
        "微信",
        "微博",
        "分享",
        "分享到",
        "打印",
        "打印本页",
        "打印页面",
        "关闭",
        "关闭窗口",
        "关闭本页",
        "全文",
        "首页",
        "返回",
        "返回顶部",
        "返回首页",
        "收藏",
        "收藏本页",
        "加入收藏",
        "字体",
        "大",
        "中",
        "小",
        "默认",
        "×",
        "x",
        "X",
        "下载",
        "相关附件",
        "视力保护色",
        "保护视力色",
        "【",
        "】",
        "我要纠错",
        "纠错",
        "二维码",
        "扫一扫",
        "分享至",
        "正文",
        "上一篇",
        "下一篇",
        # accessibility and elder-mode toolbars, the script switch, the account
        "无障碍",
        "无障碍浏览",
        "长者助手",
        "长者模式",
        "关怀版",
        "适老版",
        "适老化",
        "我的收藏",
        "繁体",
        "简体",
        "繁体版",
        "简体版",
        "登录",
        "注册",
        "搜索",
    ]
)
# What ends a site's column name before a page's heading that repeats the title: 时政|X, 要闻：X.
_COLUMN_MARKS = frozenset("|｜:：>»-—")
# How many lines below the head's start the title the page's metadata names may stand.
_NAMED_TITLE_REACH = 6
# A date in figures, as a page's metadata writes one: 2022-05-19, 2022/5/19, 2022.05.19.
_FIGURES_DATE = LazyPattern(
    r"\s*(?P<year>(?:19|20)\d\d)(?P<separator>[-/.])(?P<month>\d{1,2})(?P=separator)"
    r"(?P<day>\d{1,2})\s*$"
)


def _figures_date(match: regex.Match[str]) -> datetime.date | None:
    try:
        return datetime.date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:
        return None  # 2022-02-30: no date


_BREADCRUMB_SEPARATOR = LazyPattern(r" *(?:>|»|-|/|\|)")
_CHROME_SEPARATORS = LazyPattern(r"[ |/·•>»【】\[\]:]+")
_TIMESTAMP = LazyPattern(r"^\d{4}-\d{1,2}-\d{1,2}(?: +\d{1,2}:\d\d(?::\d\d)?)?$")
# A page's metadata table, as government portals print it above the text.
# Portals pad a short label to the width of the others with spaces (文  号:, 有 效 性:).
_METADATA_LABELS = (
    "索引号", "主题分类", "发文机关", "发布机构", "成文日期", "发文字号", "文号", "标题",
    "名称", "发布日期", "主题词", "公文种类", "有效性", "生效日期", "体裁分类", "组配分类",
    "服务对象", "文种", "发文日期", "公开方式", "时效",
)  # fmt: skip
_METADATA_LABEL = LazyPattern(
    "(?P<label>" + "|".join(" *".join(label) for label in _METADATA_LABELS) + ") *:"
)


def is_chrome(text: str) -> bool:
    """Tell whether a line (folded) is a web page's chrome, not the plan's text."""
    if len(text) > 120:
        return False
    if _CHROME_LABEL.match(text) or _TIMESTAMP.match(text):
        return True
    if text.startswith("首页") and _BREADCRUMB_SEPARATOR.match(text, 2):
        return True  # a breadcrumb: 首页 > 政务公开 > …, 首页-政务公开-…
    words = [word for word in _CHROME_SEPARATORS.split(text) if word]
    return bool(words) and all(word in _CHROME_WORDS for word in words)


class _Kind(enum.Enum):
    CHROME = "chrome"
    METADATA = "metadata"
    NUMBER = "number"  # a 文号, alone on its line
    NOTICE_TITLE = "notice title"
    RECIPIENTS = "recipients"
    DATE = "date"
    MANGLED_DATE = "mangled date"
    REMARK = "remark"
    TITLE = "title"  # a line that reads as a plan's title
    PROSE = "prose"
    SHORT = "short"  # a short line of no other kind: an issuer, half a title


@attrs.frozen
class _Entry:
    index: int  # of the line in the front matter's lines
    line: _Line
    view: _View
    kind: _Kind
    # The line's text without a 文号 written on it, and that 文号: ranges of `view.text`.
    core: tuple[int, int]
    number: tuple[int, int] | None

    @property
    def core_text(self) -> str:
        return self.view.text[self.core[0] : self.core[1]]


def _split_number(text: str) -> tuple[tuple[int, int], tuple[int, int] | None]:
    """Split a 文号 off the start or the end of a line.

    "X(池政〔2017〕101号)" and "津政规〔2020〕7号《X》" give X as the core.
    """
    match = _DOCUMENT_NUMBER.search(text)
    if match is None:
        return (0, len(text)), None
    start, end = match.span()
    before, after = text[:start].rstrip(" "), text[end:].lstrip(" ")
    if before.endswith(("(", "〔", "[")) and after[:1] in (")", "〕", "]"):
        before, after = before[:-1].rstrip(" "), after[1:].lstrip(" ")
    if before and after:
        return (0, len(text)), None  # a 文号 cited inside the line
    core = (0, len(before)) if before else (len(text) - len(after), len(text))
    core_text = text[core[0] : core[1]]
    if core_text.startswith("《") and core_text.endswith("》"):
        core = (core[0] + 1, core[1] - 1)
    return core, (start, end)


def _title_like(text: str) -> bool:
    return (
        2 <= len(text) <= 80
        and "。" not in text
        and not text.endswith((",", ":", ";", "、"))
        and _TITLE_END.search(text) is not None
    )


def _classify(text: str) -> tuple[_Kind, tuple[int, int], tuple[int, int] | None]:
    whole = (0, len(text))
    if is_chrome(text):
        return _Kind.CHROME, whole, None
    if _METADATA_LABEL.match(text):
        return _Kind.METADATA, whole, None
    if _DATE_LINE.match(text) or _DATE_LINE.match(text.strip("()")):
        return _Kind.DATE, whole, None
    signed = _SIGNED_LINE.match(text)
    if signed is not None:
        # 某市人民政府办公室2018年8月1日: a date whose line begins with the issuer (the core)
        return _Kind.DATE, (signed.start("date"), len(text)), None
    if _MANGLED_DATE.match(text):
        return _Kind.MANGLED_DATE, whole, None
    if _REMARK.match(text):
        return _Kind.REMARK, whole, None
    core, number = _split_number(text) if len(text) <= 150 else (whole, None)
    core_text = text[core[0] : core[1]].strip(" ")
    if number is not None and not core_text.strip("()《》 "):
        return _Kind.NUMBER, core, number
    if "。" in core_text or len(core_text) > 150:
        return _Kind.PROSE, whole, None
    if core_text.endswith("通知") and ("关于" in core_text or "印发" in core_text):
        return _Kind.NOTICE_TITLE, core, number
    if core_text.endswith(":") and "如下" not in core_text and number is None:
        return _Kind.RECIPIENTS, whole, None
    if _title_like(core_text):
        return _Kind.TITLE, core, number
    if len(core_text) > 60 or core_text.endswith((",", ";", ":", "、")):
        return _Kind.PROSE, whole, None
    return _Kind.SHORT, core, number


def _is_heading(text: str) -> bool:
    heading = (
        _ORDINAL_HEADING.match(text)
        or _SPACED_HEADING.match(text)
        or _SUBSECTION_HEADING.match(text)
    )
    return heading is not None and _small_numeral(heading["ordinal"]) is not None


@attrs.frozen
class Head:
    """What the head of a plan holds: its title, its notice, and where its body begins.

    `body_at` indexes the front matter's lines; `skipped` holds the lines reported as site chrome
    or a page's metadata, which the body leaves out.
    """

    title: Snippet | None
    notice: Notice | None
    body_at: int
    skipped: frozenset[int]


class _HeadReader:
    def __init__(self, source: _Source, lines: Sequence[_Line]) -> None:
        self.source = source
        self.lines = lines
        self.entries: list[_Entry] = []
        self.skipped: set[int] = set()
        self.metadata: dict[str, Snippet] = {}
        self.body_start = len(lines)
        self.title_above: int | None = None  # a title line above a lone 文号, by position in live
        self.title_above_first: int | None = None  # and its first half's line, if split
        self.title_head_end = 0  # with title_above: the last line of its 文号 and recipients
        for index, line in enumerate(lines):
            if line.blank:
                continue
            view = source.view(line.start, line.end)
            if not view.text:
                continue
            if _is_heading(view.text) or len(self.entries) >= _HEAD_LINES:
                self.body_start = index
                break
            kind, core, number = _classify(view.text)
            self.entries.append(_Entry(index, line, view, kind, core, number))

    # --- helpers ---------------------------------------------------------------------------------

    def snippet(self, entry: _Entry, start: int = 0, end: int | None = None) -> Snippet | None:
        end = len(entry.view.text) if end is None else end
        if start >= end:
            return None
        return self.source.snippet(*attrs.astuple(entry.view.span(start, end)))

    def whole(self, entry: _Entry) -> Snippet:
        snippet = self.snippet(entry)
        assert snippet is not None  # entries hold text
        return snippet

    def joined(self, first: _Entry, last: _Entry) -> Snippet:
        start = first.view.positions[0]
        end = last.view.positions[-1] + 1
        snippet = self.source.snippet(start, end)
        assert snippet is not None
        return snippet

    def report(self, entry: _Entry, severity: Severity, code: str, message: str) -> None:
        self.source.report(severity, code, message, self.whole(entry).span)

    def skip(self, entry: _Entry) -> None:
        """Report a line of chrome or metadata, which neither the head nor the body reads."""
        if entry.kind is _Kind.METADATA:
            self.read_metadata(entry)
            self.report(entry, Severity.INFO, "site-metadata", "the page's metadata")
        else:
            self.report(entry, Severity.INFO, "site-chrome", "the web page's chrome, not the plan")
        self.skipped.add(entry.index)

    def read_metadata(self, entry: _Entry) -> None:
        text = entry.view.text
        labels = list(_METADATA_LABEL.finditer(text))
        for position, label in enumerate(labels):
            end = labels[position + 1].start() if position + 1 < len(labels) else len(text)
            start = label.end()
            while start < end and text[start] == " ":
                start += 1
            while end > start and text[end - 1] == " ":
                end -= 1
            value = self.snippet(entry, start, end)
            if value is not None:
                self.metadata.setdefault(label["label"].replace(" ", ""), value)

    # --- the head --------------------------------------------------------------------------------

    def read(self) -> Head:
        entries = self.entries
        for entry in entries:
            if entry.kind in (_Kind.CHROME, _Kind.METADATA):
                self.skip(entry)
        live = [p for p, e in enumerate(entries) if e.kind not in (_Kind.CHROME, _Kind.METADATA)]
        notice, after, notice_title_entries = self.notice(live)
        title, body_position, number = self.title(live, after, notice, notice_title_entries)
        notice = self.completed(notice, number)
        body_at = entries[body_position].index if body_position < len(entries) else self.body_start
        # Chrome lines further down (a toolbar after the text) are left out of the body too.
        for index in range(body_at, len(self.lines)):
            line = self.lines[index]
            if line.blank or len(line.text) > 120:
                continue
            view = self.source.view(line.start, line.end)
            if view.text and is_chrome(view.text) and index not in self.skipped:
                entry = _Entry(index, line, view, _Kind.CHROME, (0, len(view.text)), None)
                self.skip(entry)
        return Head(title, notice, body_at, frozenset(self.skipped))

    def notice(self, live: list[int]) -> tuple[Notice | None, int, list[_Entry]]:
        """Find the notice; return it, the position in `entries` after it, its title's entries."""
        entries = self.entries
        kinds = [entries[p].kind for p in live]

        def first(kind: _Kind, start: int = 0) -> int | None:
            return next((k for k in range(start, len(live)) if kinds[k] is kind), None)

        notice_title = first(_Kind.NOTICE_TITLE)
        page_title: int | None = None
        if notice_title is not None:
            again = first(_Kind.NOTICE_TITLE, notice_title + 1)
            if again is not None and again - notice_title <= 3:
                # A page heading repeats the notice's title (and 文号) above the notice itself.
                page_title, notice_title = notice_title, again
        number = first(_Kind.NUMBER)
        recipients = first(_Kind.RECIPIENTS)
        if recipients is not None and notice_title is not None and recipients < notice_title:
            recipients = first(_Kind.RECIPIENTS, notice_title)
        anchors = [k for k in (notice_title, number, recipients) if k is not None]
        issuing = next(
            (
                k
                for k in range(len(live))
                if kinds[k] is _Kind.PROSE and _ISSUING.search(entries[live[k]].view.text)
            ),
            None,
        )
        date = None
        after_anchor = min(anchors) if anchors else issuing
        if after_anchor is not None:
            date = next(
                (
                    k
                    for k in range(after_anchor, len(live))
                    if kinds[k] in (_Kind.DATE, _Kind.MANGLED_DATE)
                ),
                None,
            )
        if not anchors and (issuing is None or date is None):
            return None, 0, []
        # The notice's title may run over two lines: "重庆市人民政府办公厅" / "关于印发…的通知".
        title_entries: list[_Entry] = []
        if notice_title is not None:
            title_entries = [entries[live[notice_title]]]
            previous = notice_title - 1
            if (
                previous >= 0
                and kinds[previous] in (_Kind.SHORT, _Kind.TITLE)
                and previous != page_title
                and len(entries[live[previous]].core_text) <= 40
                # (not across the page's metadata or chrome, skipped between the two)
                and live[notice_title] - live[previous] == 1
            ):
                title_entries.insert(0, entries[live[previous]])
                notice_title = previous
        elif anchors:
            # "…关于印发重庆市营商环境" / "优化提升工作方案的通知": the title's halves read as a
            # short line with 关于 and a title.
            for k in range(0, max(anchors) + 1):
                if (
                    k + 1 < len(live)
                    and kinds[k] is _Kind.SHORT
                    and "关于" in entries[live[k]].view.text
                    and entries[live[k + 1]].view.text.endswith("通知")
                ):
                    title_entries = [entries[live[k]], entries[live[k + 1]]]
                    notice_title = k
                    break
        start = min(k for k in (notice_title, number, recipients, issuing) if k is not None)
        if date is not None:
            start = min(start, date)
        if (
            notice_title is None
            and date is None
            and start >= 1
            and start in (number, recipients)
            and kinds[start - 1] is _Kind.TITLE
        ):
            # The plan's title above its own 文号 or recipients, with no notice issuing it:
            # "X的实施意见" / "某政〔2021〕12号" / "各县区人民政府：" — the document is the plan.
            self.title_above = start - 1
            self.title_head_end = max(k for k in (number, recipients) if k is not None)
            if start >= 2 and entries[live[start - 2]].core_text.endswith("关于"):
                # "省人民政府关于" / "进一步优化营商环境的若干意见": a title split after 关于
                self.title_above_first = start - 2
        repeated = (
            entries[live[self.title_above]].core_text if self.title_above is not None else None
        )
        for k in range(start):
            if k != self.title_above and k != self.title_above_first:
                text = entries[live[k]].core_text
                self.before_notice(
                    entries[live[k]],
                    k == page_title
                    # 时政|X above X: the page's heading, a column's name before the title
                    or (
                        repeated is not None
                        and text.endswith(repeated)
                        and text[: len(text) - len(repeated)].rstrip()[-1:] in _COLUMN_MARKS
                    ),
                )
        # The parts, in the order they come.
        title_snippet = self.notice_title_snippet(title_entries) if title_entries else None
        number_snippet = self.number_snippet(live, number, title_entries, page_title)
        used = {id(e) for e in title_entries}
        if number is not None:
            used.add(id(entries[live[number]]))
        recipients_snippet = None
        if recipients is not None and (date is None or recipients < date):
            recipients_snippet = self.whole(entries[live[recipients]])
            used.add(id(entries[live[recipients]]))
        if date is None:
            end = max(k for k in (notice_title, number, recipients) if k is not None)
            if notice_title is not None and len(title_entries) == 2:
                end = max(end, notice_title + 1)
            paragraphs: list[Snippet] = []
            # Without a signature the notice's text runs to the plan's title, if one follows.
            title_at = next(
                (k for k in range(end + 1, min(end + 6, len(live))) if kinds[k] is _Kind.TITLE),
                None,
            )
            if recipients is not None and title_at is not None:
                for k in range(end + 1, title_at):
                    paragraphs.append(self.whole(entries[live[k]]))
                end = title_at - 1
            span = self.notice_span(live[start], live[end])
            notice = Notice(
                span=span,
                title=title_snippet,
                document_number=number_snippet,
                recipients=recipients_snippet,
                paragraphs=tuple(paragraphs),
            )
            return notice, end + 1, title_entries
        # Paragraphs and the issuer between the notice's first parts and its date.
        body = [
            k for k in range(start, date) if id(entries[live[k]]) not in used and k != page_title
        ]
        issuer: Snippet | None = None
        date_entry = entries[live[date]]
        date_text = self.whole(date_entry)
        # 某市人民政府办公室2018年8月1日: the issuer on the date's line signs, not a line above
        written = date_entry.core[0] if kinds[date] is _Kind.DATE else 0
        if written > 0:
            issuer = self.snippet(date_entry, 0, written)
            date_text = self.snippet(date_entry, written) or date_text
        elif (
            body
            and kinds[body[-1]] in (_Kind.SHORT, _Kind.TITLE)
            and len(entries[live[body[-1]]].view.text) <= 40
        ):
            last_line = body.pop()
            first_line = last_line
            if (
                body
                and body[-1] == last_line - 1
                and kinds[body[-1]] is _Kind.SHORT
                and _names_an_organ(entries[live[body[-1]]].view.text)
                and len(entries[live[body[-1]]].view.text) <= 40
            ):
                # 中共某县委某县人民政府 ⏎ 优化营商环境领导小组: the organs a body answers to, then
                # the body, on two lines of one signature
                first_line = body.pop()
            issuer = self.joined(entries[live[first_line]], entries[live[last_line]])
        issue_date: datetime.date | None = None
        if kinds[date] is _Kind.DATE:
            text = date_entry.view.text[written:]
            match = _DATE_LINE.match(text) or _DATE_LINE.match(text.strip("()"))
            assert match is not None
            issue_date = _issue_date(match["date"])
        paragraphs = [self.whole(entries[live[k]]) for k in body]
        if issue_date is None:
            self.report(
                date_entry,
                Severity.WARNING,
                "mangled-date",
                f"a signature date that does not read as a date: {date_text.text!r}",
            )
        remarks: list[Snippet] = []
        end = date
        for k in range(date + 1, len(live)):
            text = entries[live[k]].view.text
            if kinds[k] is _Kind.REMARK or (
                text.startswith("(")
                and text.endswith(")")
                and len(text) <= 20
                and not _SUBTITLE.match(text)
            ):
                remarks.append(self.whole(entries[live[k]]))
                end = k
                continue
            break
        if issuer is None and title_snippet is not None and "关于" in title_snippet.text:
            # The issuer is who writes the notice: "重庆市人民政府办公厅关于印发…".
            prefix = title_snippet.text.partition("关于")[0]
            offset = title_snippet.span.start
            if prefix and self.source.text.startswith(prefix, offset):
                issuer = Snippet(prefix, Span(offset, offset + len(prefix)))
        notice = Notice(
            span=self.notice_span(live[start], live[end]),
            title=title_snippet,
            document_number=number_snippet,
            recipients=recipients_snippet,
            paragraphs=tuple(paragraphs),
            issuer=issuer,
            issue_date=issue_date,
            issue_date_text=date_text,
            remarks=tuple(remarks),
        )
        return notice, end + 1, title_entries

    def completed(self, notice: Notice | None, number: Snippet | None) -> Notice | None:
        """Fill what the notice lacks from a 文号 on the title's line and the page's metadata."""
        found = {
            "document_number": number or self.metadata.get("发文字号") or self.metadata.get("文号"),
            "issuer": self.metadata.get("发文机关") or self.metadata.get("发布机构"),
        }
        date_text = self.metadata.get("成文日期")
        if notice is None:
            parts = [snippet for snippet in found.values() if snippet is not None]
            if date_text is not None:
                parts.append(date_text)
            if not parts:
                return None
            notice = Notice(
                span=Span(min(p.span.start for p in parts), max(p.span.end for p in parts))
            )
        changes: dict[str, Any] = {
            name: value
            for name, value in found.items()
            if value is not None and getattr(notice, name) is None
        }
        if date_text is not None and notice.issue_date is None:
            written = fold_view(self.source, date_text)
            match = _DATE_LINE.match(written)
            # (portals print the field in figures too: 成文日期: 2022-05-19)
            figures = None if match is not None else _FIGURES_DATE.match(written)
            issue_date = (
                _issue_date(match["date"])
                if match is not None
                else _figures_date(figures)
                if figures is not None
                else None
            )
            if issue_date is not None:
                changes["issue_date"] = issue_date
                changes["issue_date_text"] = date_text
        return attrs.evolve(notice, **changes) if changes else notice

    def notice_span(self, first: int, last: int) -> Span:
        start = self.entries[first].view.positions[0]
        end = self.entries[last].view.positions[-1] + 1
        return Span(start, end)

    def notice_title_snippet(self, title_entries: list[_Entry]) -> Snippet:
        first, last = title_entries[0], title_entries[-1]
        start = first.view.positions[first.core[0]] if len(title_entries) == 1 else None
        if start is None:
            start = first.view.positions[0]
        end = last.view.positions[last.core[1] - 1] + 1
        snippet = self.source.snippet(start, end)
        assert snippet is not None
        return snippet

    def number_snippet(
        self, live: list[int], number: int | None, title_entries: list[_Entry], page: int | None
    ) -> Snippet | None:
        candidates: list[_Entry] = []
        if number is not None:
            candidates.append(self.entries[live[number]])
        candidates.extend(title_entries)
        if page is not None:
            candidates.append(self.entries[live[page]])
        for entry in candidates:
            if entry.number is not None:
                return self.snippet(entry, *entry.number)
        return None

    def before_notice(self, entry: _Entry, page_title: bool) -> None:
        if page_title or entry.kind in (_Kind.NOTICE_TITLE, _Kind.NUMBER):
            self.report(entry, Severity.INFO, "page-title", "the page's heading above the notice")
        elif entry.kind is _Kind.PROSE:
            self.report(
                entry, Severity.INFO, "news-lead", "a paragraph before the notice: not the plan"
            )
        else:
            self.report(entry, Severity.WARNING, "unparsed", "a line before the notice")
        self.skipped.add(entry.index)

    def title(
        self,
        live: list[int],
        after: int,
        notice: Notice | None,
        title_entries: list[_Entry],
    ) -> tuple[Snippet | None, int, Snippet | None]:
        """Find the plan's title from position `after` of `live`.

        Return it, the position in `entries` where the body starts, and a 文号 on its line.
        """
        entries = self.entries
        kinds = [entries[p].kind for p in live]
        k = after
        named = self.metadata.get("标题") or self.metadata.get("名称")
        if notice is None and named is not None:
            # The page's metadata names the plan (名称: X): the line that is X is its title,
            # whatever short lines (the site's name, its sections) stand above it.
            wanted = named.text.replace(" ", "")
            for j in range(k, min(k + _NAMED_TITLE_REACH, len(live))):
                if (
                    kinds[j] is _Kind.TITLE
                    and entries[live[j]].core_text.replace(" ", "") == wanted
                ):
                    for above in range(k, j):
                        self.before_notice(entries[live[above]], True)
                    k = j
                    break
        if notice is None:
            # A news lead before the title: paragraphs followed closely by a title line.
            title_at = next(
                (j for j in range(k, min(k + 4, len(live))) if kinds[j] is _Kind.TITLE), None
            )
            if title_at is not None and all(kinds[j] is _Kind.PROSE for j in range(k, title_at)):
                for j in range(k, title_at):
                    self.before_notice(entries[live[j]], False)
                k = title_at
            elif (
                title_at is not None
                and title_at > k
                and all(kinds[j] is _Kind.SHORT for j in range(k, title_at))
                and self.stands_alone(entries[live[title_at - 1]], entries[live[title_at]])
            ):
                # 轻触这里 / 关闭目录 / 某市某区人民政府 / the title: a page's links and the
                # site's name above the title, no half of it
                for j in range(k, title_at):
                    self.before_notice(entries[live[j]], True)
                k = title_at
        if self.title_above is not None:
            # The plan's title above its 文号 or recipients: "X" / "某政办〔2023〕8号".
            title_entry = entries[live[self.title_above]]
            title = self.snippet(title_entry, *title_entry.core)
            if self.title_above_first is not None:
                first = entries[live[self.title_above_first]]
                title = self.source.snippet(
                    first.view.positions[first.core[0]],
                    title_entry.view.positions[title_entry.core[1] - 1] + 1,
                )
            number = None
            if title_entry.number is not None:  # "X(某政〔2021〕12号)" on the title's line
                number = self.snippet(title_entry, *title_entry.number)
            return title, live[self.title_head_end] + 1, number
        position = live[k] if k < len(live) else len(entries)
        candidate = entries[live[k]] if k < len(live) else None
        from_notice = self.title_from_notice(notice)
        if candidate is not None and (
            candidate.kind is _Kind.TITLE
            or (candidate.kind is _Kind.SHORT and from_notice is None)
            or (candidate.kind is _Kind.NUMBER and notice is None)
        ):
            if candidate.kind is _Kind.NUMBER:
                # A 文号 on its own line above the plan's title: only the title follows.
                return self.title(live, k + 1, None, title_entries)
            last = k
            core = candidate.core
            text = candidate.core_text
            # A title split over two lines: the first half reads as no title of its own.
            if (
                candidate.kind is _Kind.SHORT
                and k + 1 < len(live)
                and kinds[k + 1] in (_Kind.TITLE, _Kind.SHORT)
                and _title_like(text + entries[live[k + 1]].core_text)
                and len(text) <= 40
            ):
                last = k + 1
            if last + 1 < len(live) and _SUBTITLE.match(entries[live[last + 1]].view.text):
                last += 1
            first_entry, last_entry = candidate, entries[live[last]]
            start = first_entry.view.positions[core[0]]
            end = (
                last_entry.view.positions[last_entry.core[1] - 1] + 1
                if last == k
                else last_entry.view.positions[-1] + 1
            )
            title = self.source.snippet(start, end)
            number = None
            if candidate.number is not None:
                number = self.snippet(candidate, *candidate.number)
            return title, live[last] + 1, number
        if from_notice is not None:
            return from_notice, position, None
        metadata = self.metadata.get("标题") or self.metadata.get("名称")
        return metadata, position, None

    @staticmethod
    def stands_alone(above: _Entry, title: _Entry) -> bool:
        """Tell whether a title line is whole without the short line `above` it: the two do
        not read as one title, or `above` names an organ (a site's name) and the title is one
        alone."""
        text = above.core_text
        if not _title_like(text + title.core_text):
            return True
        return _names_an_organ(text) and _title_like(title.core_text)

    def title_from_notice(self, notice: Notice | None) -> Snippet | None:
        """Read the plan's title from the notice: 关于印发《X》的通知, or 《X》 in its text."""
        if notice is None:
            return None
        if notice.title is not None:
            view = self.source.view(notice.title.span.start, notice.title.span.end)
            core, _ = _split_number(view.text)
            text = view.text[core[0] : core[1]]
            match = _ISSUED_PLAN.search(text)
            if match is None:
                # 关于…的通知 that issues nothing: the notice is the plan.
                return notice.title
            start, end = core[0] + match.start("plan"), core[0] + match.end("plan")
            if view.text[start] == "《" and view.text[end - 1] == "》":
                start, end = start + 1, end - 1
            snippet = self.source.snippet(*attrs.astuple(view.span(start, end)))
            if snippet is not None:
                return snippet
        for paragraph in notice.paragraphs:
            view = self.source.view(paragraph.span.start, paragraph.span.end)
            quoted = _QUOTED_PLAN.search(view.text)
            if quoted is not None and _title_like(quoted["plan"]):
                return self.source.snippet(*attrs.astuple(view.span(*quoted.span("plan"))))
        return None


def fold_view(source: _Source, snippet: Snippet) -> str:
    """Return the folded text of `snippet`, as the patterns read it."""
    return source.view(snippet.span.start, snippet.span.end).text


def _names_an_organ(text: str) -> bool:
    """Tell whether `text`, its blanks left out, ends with an organ (人民政府, 办公厅…)."""
    return "".join(text.split()).endswith(ORGAN_ENDS)


@attrs.frozen
class Signature:
    """A signature below the body (a 意见 or 方案 issued signed at its end): the issuer, the
    date and the remarks after it, and the indices of their lines."""

    lines: frozenset[int]
    issuer: Snippet | None
    issue_date: datetime.date | None
    issue_date_text: Snippet
    remarks: tuple[Snippet, ...]

    def sign(self, notice: Notice | None) -> Notice:
        """Return `notice` with what it lacks taken from the signature, or a notice of the
        signature alone. A head's notice keeps its span; the signature's parts keep theirs."""
        if notice is None:
            first = self.issuer if self.issuer is not None else self.issue_date_text
            last = self.remarks[-1] if self.remarks else self.issue_date_text
            return Notice(
                span=Span(first.span.start, last.span.end),
                issuer=self.issuer,
                issue_date=self.issue_date,
                issue_date_text=self.issue_date_text,
                remarks=self.remarks,
            )
        return attrs.evolve(
            notice,
            issuer=notice.issuer if notice.issuer is not None else self.issuer,
            issue_date=self.issue_date,
            issue_date_text=self.issue_date_text,
            remarks=notice.remarks + self.remarks,
        )


def read_signature(
    source: _Source, lines: Sequence[_Line], start: int, skipped: frozenset[int]
) -> Signature | None:
    """Read a signature at the end of `lines[start:]`: a date line (2022年3月1日), maybe an
    issuer's line above it and bracketed remarks below it ((此件公开发布)), with nothing after."""
    # The last lines, last first: each with its kind and where its core starts (a date's, after
    # an issuer written on its line).
    found: list[tuple[int, _View, _Kind, int]] = []
    for index in range(len(lines) - 1, start - 1, -1):
        line = lines[index]
        if line.blank or index in skipped:
            continue
        view = source.view(line.start, line.end)
        if not view.text:
            continue
        kind, core, _ = _classify(view.text)
        found.append((index, view, kind, core[0]))
        if len(found) == 6 or kind not in (_Kind.REMARK, _Kind.DATE):
            break
    remarks: list[tuple[int, _View]] = []
    position = 0
    while position < len(found) and found[position][2] is _Kind.REMARK:
        remarks.insert(0, found[position][:2])
        position += 1
    if position >= len(found) or found[position][2] is not _Kind.DATE:
        return None
    date_index, date_view, _, written = found[position]
    taken = {date_index, *(index for index, _ in remarks)}
    issuer: Snippet | None = None
    if written > 0:
        # 某市人民政府办公室2018年8月1日: the issuer on the date's line
        issuer = source.snippet(*attrs.astuple(date_view.span(0, written)))
        date_view = _View(date_view.text[written:], date_view.positions[written:])
    elif position + 1 < len(found):
        index, view, kind, _ = found[position + 1]
        name = "".join(view.text.split())
        if kind is _Kind.SHORT and len(name) <= 30 and _names_an_organ(name):
            issuer = _view_snippet(source, view)
            taken.add(index)
    match = _DATE_LINE.match(date_view.text) or _DATE_LINE.match(date_view.text.strip("()"))
    assert match is not None  # a line of the DATE kind
    return Signature(
        lines=frozenset(taken),
        issuer=issuer,
        issue_date=_issue_date(match["date"]),
        issue_date_text=_view_snippet(source, date_view),
        remarks=tuple(_view_snippet(source, view) for _, view in remarks),
    )


def _view_snippet(source: _Source, view: _View) -> Snippet:
    snippet = source.snippet(view.positions[0], view.positions[-1] + 1)
    assert snippet is not None  # a view holds text
    return snippet


def read_head(source: _Source, lines: Sequence[_Line]) -> Head:
    """Read the head of the front matter's `lines`: the notice, the title, where the body begins."""
    return _HeadReader(source, lines).read()
