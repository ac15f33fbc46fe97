"""Web pages (.html) as government sites serve them, and Word's or LibreOffice's "Save as HTML".

The declared charset is honoured (gb2312 read as GB18030, its superset, as browsers do), the
site's chrome (navigation, breadcrumbs, sidebars, footers, scripts) is set aside, and the
article is rendered as browsers lay it out: whitespace collapsed (a line break between two
Chinese characters is no space), ``<br>`` a new line, tables with ``rowspan``/``colspan`` as
the canonical text writes merged cells.
"""

from __future__ import annotations

import codecs
import functools
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

import regex

from .._lazy import LazyPattern
from ..errors import LimitExceededError, ReadError, UnsafeContentError
from ..model import Source
from ._canonical import TextBuilder
from ._extras import require
from ._limits import Limits, check
from ._text import detect_encoding

__all__ = ["read_html"]


@functools.cache
def _declared() -> regex.Pattern[bytes]:
    # Compiled on first use (a bytes pattern, which LazyPattern does not hold).
    return regex.compile(
        rb"""<meta[^>]{0,500}?charset\s*=\s*["']?\s*(?P<name>[A-Za-z0-9_.:-]{1,40})"""
        rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["'](?P<xml>[A-Za-z0-9_.:-]{1,40})""",
        regex.IGNORECASE,
    )


# What browsers read a declared Chinese charset as: its superset.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "cp950", "big5hkscs": "big5hkscs"}
_ENTITY_DECLARATION = LazyPattern(r"<!ENTITY", regex.IGNORECASE)

_CHROME_TAGS = frozenset(
    (
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "select",
        "button",
        "input",
        "textarea",
        "svg",
        "canvas",
        "head",
        "title",
        "link",
        "meta",
        "map",
        "area",
        "audio",
        "video",
        "source",
    )
)
# Class and id words of a site's chrome, in the English and pinyin the sites use.
_CHROME_NAME = LazyPattern(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|topbar|header|footer|foot|bottom|breadcrumbs?|"
    r"crumbs?|sidebar|side|share|bshare|copyright|banner|toolbar|login|search|related|"
    r"position|location|dqwz|weizhi|fenxiang|daohang)(?:$|[\s_-])",
    regex.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    (
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "section",
        "article",
        "address",
        "center",
        "ul",
        "ol",
        "dl",
        "tr",
        "td",
        "th",
        "tbody",
        "thead",
        "tfoot",
        "caption",
        "figure",
        "figcaption",
        "main",
        "hr",
        "fieldset",
        "body",
        "html",
    )
)
# Containers the article may be found in; a table only when it lays out the page.
_CONTAINER_TAGS = frozenset(
    ("div", "section", "article", "main", "center", "font", "span", "body", "td", "tr", "tbody")
)
# What a heading above the article must name to be the document's title, not a site's name.
_DOCUMENT_TITLE = LazyPattern(
    r"通知|方案|意见|办法|决定|规定|计划|措施|细则|公告|通告|批复|规划|条例|指引|清单|要点"
)
# What a heading block holding the page's facts (发布时间：… 来源：…) says, and a title does not.
_PAGE_FACTS = LazyPattern(r"发布时间|发布日期|来源[:：]|字号|浏览次数|点击[率数]|打印|关闭")
# Class and id words of a title element (title, article-title, biaoti, bt).
_TITLE_NAME = LazyPattern(r"(?:^|[\s_-])(?:[a-z]*title|biaoti|bt)(?:$|[\s_-])", regex.I)
_TITLE_MAX = 120
_COLLAPSIBLE = LazyPattern(r"[ \t\n\r\f]+")
_BREAK = "\u2028"  # a <br>: clean_line turns it into a line break
_AROUND_BREAK = LazyPattern(r"[ \t\n\r\f]*\u2028[ \t\n\r\f]*")
_CHUNK = 1 << 16


def _decode(data: bytes, path: str | None) -> tuple[str, str]:
    detected = None
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        declared = _declared().search(data[:4096])
        if declared is not None:
            name = (declared.group("name") or declared.group("xml")).decode("ascii").lower()
            try:
                name = codecs.lookup(name).name
            except LookupError:
                name = ""
            encoding = _SUPERSETS.get(name.replace("_", "").replace("-", ""), name)
            try:
                return data.decode(encoding), encoding
            except (UnicodeDecodeError, LookupError):
                pass  # a page that lies about its charset: detect it
    detected = detect_encoding(data)
    if detected is None:
        raise ReadError("a web page in no encoding yingshang reads (UTF-8, GB18030, Big5)", path)
    return detected[1], detected[0]


def _parse(text: str, limits: Limits, path: str | None) -> Any:
    etree = require("lxml.etree", "html", "web pages (.html)")
    parser = etree.HTMLPullParser(
        events=("start", "end"),
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
    )
    data = text.encode("utf-8")
    depth = elements = 0
    for at in range(0, len(data), _CHUNK):
        parser.feed(data[at : at + _CHUNK])
        # Checked while parsing, a chunk at a time: a hostile page stops within one chunk.
        for event, _ in parser.read_events():
            if event == "start":
                depth += 1
                elements += 1
                if depth > limits.max_depth:
                    raise LimitExceededError(
                        "max_depth", limits.max_depth, "HTML elements nested deeper", path
                    )
            else:
                depth -= 1
        check(limits, "max_elements", elements, "{} HTML elements", path)
    try:
        return parser.close()
    except etree.XMLSyntaxError as problem:
        raise ReadError(f"not a web page ({problem})", path) from None


def _remove(element: Any) -> None:
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _is_chrome(element: Any) -> bool:
    tag = element.tag
    if not isinstance(tag, str) or tag.lower() in _CHROME_TAGS:
        return True
    # LibreOffice's export marks the page header and footer with a title attribute.
    name = f"{element.get('class', '')} {element.get('id', '')} {element.get('title', '')}"
    return bool(name.strip()) and _CHROME_NAME.search(name) is not None


def _strip_chrome(root: Any) -> None:
    for element in [e for e in root.iter() if _is_chrome(e)]:
        _remove(element)


def _weights(root: Any) -> dict[Any, int]:
    """Count each element's characters of text, links' text aside (menus are links)."""
    weights: dict[Any, int] = {}
    for element in reversed(list(root.iter())):
        own = 0 if element.tag == "a" else len("".join((element.text or "").split()))
        for child in element:
            own += weights.get(child, 0) + len("".join((child.tail or "").split()))
        weights[element] = own
    return weights


def _rows(table: Any) -> Iterator[Any]:
    for child in table:
        if child.tag == "tr":
            yield child
        elif child.tag in ("thead", "tbody", "tfoot"):
            yield from (row for row in child if row.tag == "tr")


def _cells(row: Any) -> list[Any]:
    return [cell for cell in row if cell.tag in ("td", "th")]


def _is_data_table(table: Any) -> bool:
    # Pages are laid out with tables of one or two columns; a plan's table has three or more.
    return any(len(_cells(row)) >= 3 for row in _rows(table))


def _article(root: Any) -> tuple[Any, str | None]:
    """Return the element holding the article, and the document's title where the page sets it
    above the article: descend while one child holds most of the text."""
    body = root.find("body")
    node = root if body is None else body
    weights = _weights(node)
    title = None
    while True:
        children = [c for c in node if isinstance(c.tag, str)]
        if not children:
            return node, title
        best = max(children, key=lambda c: weights.get(c, 0))
        descendable = best.tag in _CONTAINER_TAGS or (
            best.tag == "table" and not _is_data_table(best)
        )
        if not descendable or weights.get(best, 0) < 0.8 * weights.get(node, 0):
            return node, title
        # Government pages set the title in a heading beside the article's text, not in it.
        title = _title_before(children, best) or title
        node = best


def _title_before(children: list[Any], article: Any) -> str | None:
    """Return the last heading before `article` among `children` that names a document."""
    found = None
    for child in children:
        if child is article:
            break
        for element in child.iter():
            if not isinstance(element.tag, str) or not _is_heading(element):
                continue
            text = _short_text(element)
            if text and _DOCUMENT_TITLE.search(text) and not _PAGE_FACTS.search(text):
                found = text
    return found


def _short_text(element: Any) -> str | None:
    """Return an element's text, collapsed, or None when it is longer than a title."""
    pieces: list[str] = []
    size = 0
    for piece in element.itertext():  # stops early: a heading holding the page is no title
        pieces.append(piece)
        size += len(piece.strip())
        if size > 4 * _TITLE_MAX:
            return None
    text = _collapse("".join(pieces)).replace(_BREAK, "")
    return text if len(text) <= _TITLE_MAX else None


def _is_heading(element: Any) -> bool:
    if element.tag in ("h1", "h2", "h3", "h4"):
        return True
    name = f"{element.get('class', '')} {element.get('id', '')}"
    return _TITLE_NAME.search(name) is not None


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _collapse(text: str) -> str:
    def space(match: regex.Match[str]) -> str:
        # CSS: a segment break between two East Asian wide characters is removed.
        run = match.group()
        if "\n" in run or "\r" in run:
            before = text[match.start() - 1] if match.start() else ""
            after = text[match.end()] if match.end() < len(text) else ""
            if before and after and _is_wide(before) and _is_wide(after):
                return ""
        return " "

    text = _COLLAPSIBLE.sub(space, text)
    return str(_AROUND_BREAK.sub(_BREAK, text)).strip(" ")


class _Renderer:
    def __init__(self, builder: TextBuilder, limits: Limits) -> None:
        self.builder = builder
        self.limits = limits
        self.current: list[str] = []
        self.sinks: list[Callable[[str], None]] = [builder.paragraph]

    def flush(self, keep_blank: bool = False) -> None:
        text = _collapse("".join(self.current))
        self.current = []
        if text or keep_blank:
            self.sinks[-1](text)

    def walk(self, element: Any, in_cell: bool = False) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag == "br":
            self.current.append(_BREAK)
        elif tag == "table":
            self.flush()
            if _is_data_table(element) and not in_cell:
                self.table(element)
            else:
                # A layout table, or one inside a cell: its cells are read as paragraphs.
                for row in _rows(element):
                    for cell in _cells(row):
                        self.walk(cell, in_cell)
                        self.flush()
        elif tag in _BLOCK_TAGS:
            self.flush()
            self.current.append(element.text or "")
            for child in element:
                self.walk(child, in_cell)
            self.flush(keep_blank=tag == "p")
        else:
            self.current.append(element.text or "")
            for child in element:
                self.walk(child, in_cell)
        self.current.append(element.tail or "")

    def cell(self, cell: Any) -> list[str]:
        paragraphs: list[str] = []
        self.sinks.append(paragraphs.append)
        self.current = [cell.text or ""]
        for child in cell:
            self.walk(child, in_cell=True)
        self.flush()
        self.sinks.pop()
        return paragraphs

    def table(self, table: Any) -> None:
        pending: dict[int, tuple[int, int]] = {}  # column → (rows still covered, width)
        for row in _rows(table):
            cells: list[list[str]] = []
            column = 0
            for cell in _cells(row):
                column = _covered(pending, cells, column)
                width = _span(cell.get("colspan"))
                height = _span(cell.get("rowspan"))
                cells.append(self.cell(cell))
                if height > 1:
                    pending[column] = (height - 1, width)
                column += width
            _covered(pending, cells, column)
            if cells:
                self.builder.row(cells)


def _covered(pending: dict[int, tuple[int, int]], cells: list[list[str]], column: int) -> int:
    """Add the empty cells that cells spanning rows from above cover from `column` on."""
    while column in pending:
        left, width = pending[column]
        cells.append([])  # the continuation of a cell spanning rows: empty
        if left > 1:
            pending[column] = (left - 1, width)
        else:
            del pending[column]
        column += width
    return column


def _span(value: str | None) -> int:
    try:
        number = int((value or "1").strip())
    except ValueError:
        return 1
    return min(max(number, 1), 1000)  # 0 ("to the end") and nonsense read as one


def read_html(data: bytes, path: str | None, limits: Limits) -> Source:
    """Render a web page into the canonical text (`yingshang[html]`: lxml).

    Raises `UnsafeContentError` for a page declaring entities (no page needs one),
    `LimitExceededError` beyond `limits`, `ReadError` for bytes in no encoding yingshang reads.
    """
    text, encoding = _decode(data, path)
    if _ENTITY_DECLARATION.search(text):
        raise UnsafeContentError(
            "the page declares entities (<!ENTITY), which no web page needs; it is not read", path
        )
    root = _parse(text, limits, path)
    if root is None:
        raise ReadError("an empty web page", path)
    _strip_chrome(root)
    builder = TextBuilder(limits, path)
    renderer = _Renderer(builder, limits)
    article, title = _article(root)
    if title is not None:
        opening = "".join("".join(article.itertext())[: 4 * _TITLE_MAX].split())
        if "".join(title.split()) not in opening:  # a page may repeat it in the article
            builder.paragraph(title)
    renderer.walk(article)
    renderer.flush()
    return Source(builder.text(), path, "html", encoding)
