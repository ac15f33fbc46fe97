"""The vocabulary of plans: the patterns of headings, numbers, markers, headers and artifacts."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from .._lazy import LazyPattern, LazyStdlibPattern
from ..fold import _PINYIN_NOTE

# --- patterns ------------------------------------------------------------------------------------

_CHINESE_DIGITS = "〇零一二三四五六七八九十"

# Word and its converters leave markers such as "[bookmark: _GoBack]" in the text, PDF
# conversions leave page numbers on lines of their own ("— 3 —", "-12-"), and some mirror sites
# write the pinyin after characters they converted ("津政規(guī)", "優(yōu)化").
EXPORT_ARTIFACT = LazyPattern(
    r"\[(?:bookmark|footnoteRef|endnoteRef|annotation):[^\]\n\r\u2028\u2029]{0,200}\]"
    # A line of its own: no character but a line break before or after it ("^" and "$" of
    # MULTILINE know "\n" only).
    r"|(?<![^\n\r\v\f\x85\u2028\u2029])[ \t\u3000]*+[-—–－][ \t\u3000]*+\d{1,4}"
    r"[ \t\u3000]*+[-—–－][ \t\u3000]*+(?![^\n\r\v\f\x85\u2028\u2029])"
    rf"|(?<=\p{{Han}}){_PINYIN_NOTE}"
    # A paragraph's indent a wrong conversion turned into question marks (??一、…, ??为深入…).
    r"|(?<![^\n\r\v\f\x85\u2028\u2029])[?？]{1,4}(?=[ \t\u3000]*[\p{Han}(（【〔0-9０-９①-⑳])"
    # A repost's tag before each heading (【时政|国务院办公厅关于…的实施意见】一、…).
    r"|(?<![^\n\r\v\f\x85\u2028\u2029])【[^【】\n]{1,80}】(?=[ \t\u3000]*"
    r"(?:[一二三四五六七八九十]{1,3}[、．.]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、]))"
)
# The pinyin alternative of EXPORT_ARTIFACT, to tell the two kinds apart in diagnostics.
# (On the standard engine: every target's text of a parse is searched for it.)
PINYIN_ANNOTATION = LazyStdlibPattern(_PINYIN_NOTE)

# A pattern that is one character class runs on the standard engine (`LazyStdlibPattern`): it
# scans a text three times as fast, and a call on a short text costs a third (a parse makes
# thousands, on each cell and item).

# The mangled-indent alternative of EXPORT_ARTIFACT, to tell it apart in diagnostics.
MANGLED_INDENT = LazyStdlibPattern(r"[?？]{1,4}")
# The repost-tag alternative of EXPORT_ARTIFACT.
REPOST_TAG = LazyStdlibPattern(r"【[^【】\n]{1,80}】")

# Characters every export artifact holds: most text has none, and needs no substitution.
_MAY_HOLD_ARTIFACT = LazyStdlibPattern(r"[\[\-—–－(（?？【]")

# What str.splitlines() splits at, so that a text without any needs no splitting: Mac exports
# end lines with "\r", text copied from web pages and PDFs may hold U+2028 LINE SEPARATOR.
LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAK = LazyStdlibPattern(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_LINE_BREAK_OR_CRLF = LazyPattern(r"\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
# A text converted to CRLF twice ends each line with \r\r\n: one break, not a blank line after
# every line (which splits every table row into rows of one cell).
_LINE_BREAK_OR_CRCRLF = LazyPattern(r"\r\r\n|\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
# A line break other than "\n": a text with none is split at each "\n", with no alternatives.
_LINE_BREAK_BUT_NEWLINE = LazyStdlibPattern(r"[\r\v\f\x1c-\x1e\x85\u2028\u2029]")
_NEWLINE = LazyStdlibPattern("\n")

# Characters no text document contains; they mean binary data or a wrong decoding.
_CONTROL_CHARACTER = LazyStdlibPattern(r"[\x00-\x08\x0e-\x1f\x7f]")

DOCUMENT_NUMBER = LazyPattern(
    r"""
    ^\s*
    (?P<number>
        [^\s〔［\[【（(]{1,20}             # issuer's prefix, e.g. 渝府办发
        [〔［\[【（(] \s* \d{4} \s* [〕］\]】）)]  # year in brackets, e.g. 〔2019〕
        \s* \d{1,4} \s* 号                  # serial, e.g. 81号
    )
    \s*$
    """,
    regex.VERBOSE,
)

_WRITTEN_DATE = rf"""
    (?P<date>
        (?P<year>\d{{4}}|[〇零一二三四五六七八九]{{4}}) \s* 年 \s*
        (?P<month>\d{{1,2}}|[{_CHINESE_DIGITS}]{{1,3}}) \s* 月 \s*
        (?P<day>\d{{1,2}}|[{_CHINESE_DIGITS}]{{1,3}}) \s* 日
    )
"""
_DATE_LINE = LazyPattern(rf"^\s* {_WRITTEN_DATE} \s*$", regex.VERBOSE)
# What an issuer's name ends with: the organ (人民政府, 办公厅, 发展改革委, 市场监管局…).
ORGAN_ENDS = (
    "政府", "办公厅", "办公室", "委员会", "委", "局", "厅", "部", "院", "会", "中心", "办",
)  # fmt: skip
# An issuer and the date on one line, as a page that lost the line break between them writes a
# signature: 某市人民政府办公室2018年 8月 1日 (the issuer ends with its organ, or is a 小组 of it).
_SIGNED_LINE = LazyPattern(
    rf"""
    ^\s* [\p{{Han}}()]{{2,40}}? (?: {"|".join((*ORGAN_ENDS, "小组"))} )
    [ ]* {_WRITTEN_DATE} \s*$
    """,
    regex.VERBOSE,
)

# 一、总体要求 — a top-level heading of the body or an area of the table.
_ORDINAL_HEADING = LazyPattern(
    rf"^(?P<ordinal>[{_CHINESE_DIGITS}]{{1,3}})\s*[、．.]\s*(?P<title>\S.*)$"
)
# 第二部分 重点任务 — a part of the body, numbered apart from the 一、 sections it stands among.
_PART_HEADING = LazyPattern(
    rf"^第(?P<ordinal>[{_CHINESE_DIGITS}]{{1,3}})(?:部分|篇)[ \t\u3000、：:]*(?P<title>\S.*)?$"
)
# 一 总体要求 — a heading written with a space for its 、 (short, no sentence in it).
_SPACED_HEADING = LazyPattern(
    rf"^(?P<ordinal>[{_CHINESE_DIGITS}]{{1,3}})[ \t\u3000]+"
    r"(?P<title>[^ \t\u3000。，,；;][^。]{0,30})$"
)
# （一）加强组织领导。
_SUBSECTION_HEADING = LazyPattern(
    rf"^[（(]\s*(?P<ordinal>[{_CHINESE_DIGITS}]{{1,3}})\s*[）)]\s*(?P<title>\S.*)$"
)
# 1．精简企业开办流程 — the ASCII dot also occurs ("50.增强信息披露透明度").
_MEASURE_HEADING = LazyPattern(r"^(?P<number>\d{1,4})\s*[．.、]\s*(?P<title>\S.*)$")
# No "^": it is matched with a start position, where "^" would never match. Items are numbered
# （1）, (1), ①, or 1．/1、 in tables whose measures are numbered （一） (never 3.25元: a digit
# after the dot is a decimal).
_ITEM_MARKER = LazyPattern(
    r"(?:[（(]\s*(?P<number>\d{1,3})\s*[）)]|(?P<circled>[①-⑳])"
    r"|(?P<plain>\d{1,2})\s*[．.、](?![0-9０-９]))\s*"
)
_ATTACHMENT_REFERENCE = LazyPattern(r"^附件\s*\d{0,2}\s*[：:]\s*\S")
_ATTACHMENT_MARKER = LazyPattern(r"^附件\s*\d{0,2}\s*[：:]?")
# Agency separators (outside brackets) and the brackets themselves, in an agencies cell.
_AGENCY_SEPARATOR_OR_BRACKET = LazyStdlibPattern(r"[、，,；;\n\r\v\f\x85\u2028\u2029（()）]")
# The labels of a line (or a sentence) of roles or of time, by what they name: the lead agencies,
# the agencies responsible (the lead where no label says 牵头), those that help, or the time.
_LEAD_LABELS = ("牵头单位", "牵头部门", "牵头责任单位", "牵头责任部门")
_RESPONSIBLE_LABELS = (
    *(
        f"{word}{unit}"
        for word in ("责任", "负责", "承办", "实施", "主责", "主办", "承担")
        for unit in ("单位", "部门")
    ),
    "主体责任单位",
    "责任主体",
)
_HELPING_LABELS = tuple(
    f"{word}{unit}" for word in ("配合", "协办", "协同", "参与") for unit in ("单位", "部门")
)
_TIME_LABELS = (
    "完成时限要求",
    "完成时限",
    "时限要求",
    "完成时间",
    "时间要求",
    "时间节点",
    "完成期限",
    "时间安排",
    "时限",
)


def _longest_first(words: Sequence[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_LEAD_HEADER = LazyPattern(r"牵头")
_COOPERATING_HEADER = LazyPattern(r"配合|协办|参与|协同")
# 责任单位 is the lead where no column says 牵头, and the cooperating agencies where one does.
_RESPONSIBLE_HEADER = LazyPattern(
    r"责任(?:单位|部门|主体)|(?:负责|承办|实施|主责|主办|承担)(?:单位|部门)"
)
_MEASURE_NUMBER_CELL = LazyPattern(r"\d{1,4}[．.、]?")
# 目标任务 heads the areas column in some tables (Chongqing's); it is not a title column.
_TITLE_HEADER = LazyPattern(r"(?<!目标)任务|事项|举措")
# A column of areas named by their titles alone (重点领域: 开办企业), not by 一、….
_AREA_HEADER = LazyPattern(r"领域|板块|类别|一级指标|评价指标|^指标$")
# Words of completion a deadline is written with: 6月底前完成, 2020年底见效.
_DONE_WORDS = "完成|办结|见效|启动|实施|落实|到位|取得成效"
# A column of goals (预期目标, 工作目标, 成果形式, 完成标准): no items; its targets are the items'.
# Whole words only: 目标任务 heads a column of areas (Chongqing's).
_GOAL_HEADER = LazyPattern(
    r"(?:预期|工作|具体|主要|年度|完成|考核)?(?:目标|成效|效果|成果|标准)(?:形式|要求|值)?"
)
# A column of the people answerable (责任领导, 分管领导, 责任人): no agencies, and no items.
_PEOPLE_HEADER = LazyPattern(r"领导|责任人|负责人|联系人")
_DEADLINE_HEADER = LazyPattern(r"时限|完成时间|时间节点|时间要求|完成期限|时间安排")
# A deadline cell may name a bare period ("2020年", "2019年12月", "2021.6", "2021年全年") or day
# ("2021年6月30日"), or the years the work runs over ("2019—2020年"): the work is due by the end of
# the (last) one.
_BARE_PERIOD = LazyPattern(
    r"""
    (?: \d{4} \s* 年? \s* [—–－\-~～至到]{1,2} \s* )?         # 2019—2020年: the years of the work
    (?P<year> \d{4} ) \s*
    (?: 年 (?: \s* (?P<month> \d{1,2} ) \s* 月份? (?: \s* (?P<day> \d{1,2} ) \s* [日号] )?
            | 全年 )?
      | [.．/] (?P<month> \d{1,2} ) (?: [.．/] (?P<day> \d{1,2} ) )? )   # 2021.6, 2021.6.30
    """,
    regex.VERBOSE,
)
# Work from a year on, with no end (2021年起) and work done again each period (每年, 每季度).
_FROM_A_YEAR_ON = LazyPattern(r"\d{4}\s*年\s*(?:起|开始|以后)(?:实施|推进|执行)?")
_EACH_PERIOD = LazyPattern(r"每(?:年|半年|季度|月|周)")
_HEADER_CELL_MAX = 12
# A header cell over an indicator's value: a year (2021年, 2022年目标, 2023年底) or a value
# (目标值, 基准值, 现状值). Two of them head a table of targets by year, not of measures.
_INDICATOR_VALUE_HEADER = LazyPattern(
    r"(?:(?:19|20)\d{2}年?(?:度|底|末)?(?:目标值?|预期值?|值)?|目标值|基准值|现状值|预期值|现值)"
    r"(?:[（(][^（）()]{1,8}[）)])?"
)

# Every character str.isspace() accepts (they all lie below U+3001), and the byte-order mark:
# Word exports pad signatures with U+2002 EN SPACE and indent with U+3000 IDEOGRAPHIC SPACE.
_BLANK = "".join(chr(code) for code in range(0x3001) if chr(code).isspace()) + "\ufeff"
