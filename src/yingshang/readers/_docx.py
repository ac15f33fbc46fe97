"""Word (.docx): paragraphs, tables with merged cells, and the numbers Word's lists generate."""

from __future__ import annotations

import contextlib
import posixpath
from collections.abc import Iterator
from typing import Any

from ..errors import LimitExceededError, ReadError
from ..model import Source
from ._canonical import TextBuilder
from ._extras import require
from ._limits import Limits
from ._numbering import Numbering
from ._zip import SafeZip

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (
    f"{_W}p",
    f"{_W}tbl",
    f"{_W}tr",
    f"{_W}tc",
    f"{_W}sdt",
    f"{_W}sdtContent",
)
# Wrappers whose content belongs to the text as if they were not there.
_TRANSPARENT = {
    f"{_W}sdt",
    f"{_W}sdtContent",
    f"{_W}customXml",
    f"{_W}smartTag",
    f"{_W}hyperlink",
    f"{_W}ins",
    f"{_W}r",
    f"{_W}fldSimple",
    f"{_W}dir",
    f"{_W}bdo",
    f"{_W}moveTo",
}
# Inside a paragraph, what is not its text: properties, deleted text, field codes, text boxes
# (their paragraphs are read where they are anchored only by Word's layout, not in the flow).
_SKIPPED = {
    f"{_W}pPr",
    f"{_W}rPr",
    f"{_W}del",
    f"{_W}moveFrom",
    f"{_W}instrText",
    f"{_W}delText",
    f"{_W}drawing",
    f"{_W}pict",
    f"{_W}object",
    f"{_W}footnoteReference",
    f"{_W}endnoteReference",
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent",
}
_T, _TAB, _BR, _CR, _SYM, _NO_BREAK_HYPHEN, _PTAB = (
    f"{_W}t",
    f"{_W}tab",
    f"{_W}br",
    f"{_W}cr",
    f"{_W}sym",
    f"{_W}noBreakHyphen",
    f"{_W}ptab",
)


def _run_text(element: Any, out: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag == _T:
            out.append(child.text or "")
        elif tag in _TRANSPARENT:
            _run_text(child, out)
        elif tag in (_TAB, _PTAB):
            out.append("\t")
        elif tag in (_BR, _CR):
            # A page or column break is layout; a line break starts a new line.
            if child.get(f"{_W}type") in (None, "textWrapping"):
                out.append("\n")
        elif tag == _NO_BREAK_HYPHEN:
            out.append("-")
        elif tag == _SYM:
            with contextlib.suppress(ValueError):
                out.append(chr(int(child.get(f"{_W}char", ""), 16)))


class _Reader:
    def __init__(self, numbering: Numbering, builder: TextBuilder, limits: Limits) -> None:
        self.numbering = numbering
        self.builder = builder
        self.limits = limits

    def paragraph(self, element: Any) -> str:
        parts: list[str] = [self.numbering.label(element)]
        _run_text(element, parts)
        return "".join(parts)

    def blocks(self, container: Any) -> Iterator[Any]:
        """Yield the paragraphs and tables of a body or cell, through content controls."""
        for child in container:
            if child.tag in (_P, _TBL):
                yield child
            elif child.tag in (_SDT, _SDT_CONTENT) or child.tag == f"{_W}customXml":
                yield from self.blocks(child)

    def body(self, container: Any) -> None:
        for block in self.blocks(container):
            if block.tag == _P:
                self.builder.paragraph(self.paragraph(block))
            else:
                self.table(block)

    def table(self, table: Any) -> None:
        for row in table.iter(_TR):
            if _owner_table(row) is not table:
                continue  # a row of a table nested in a cell: read with its cell
            cells = [self.cell(tc) for tc in _row_cells(row)]
            if cells:
                self.builder.row(cells)

    def cell(self, cell: Any) -> list[str]:
        properties = cell.find(f"{_W}tcPr")
        merge = None if properties is None else properties.find(f"{_W}vMerge")
        if merge is not None and merge.get(f"{_W}val", "continue") != "restart":
            return []  # continues the cell above: empty, as the canonical text writes it
        return list(self.cell_lines(cell, 1))

    def cell_lines(self, container: Any, depth: int) -> Iterator[str]:
        if depth > self.limits.max_depth:
            raise LimitExceededError(
                "max_depth", self.limits.max_depth, "tables nested deeper", self.builder.path
            )
        for block in self.blocks(container):
            if block.tag == _P:
                yield self.paragraph(block)
            else:
                # A table inside a cell is read as the cell's lines, row by row.
                for row in block.iter(_TR):
                    if _owner_table(row) is block:
                        for tc in _row_cells(row):
                            yield from self.cell_lines(tc, depth + 1)


def _owner_table(row: Any) -> Any:
    parent = row.getparent()
    while parent is not None and parent.tag != _TBL:
        parent = parent.getparent()
    return parent


def _row_cells(row: Any) -> Iterator[Any]:
    for child in row:
        if child.tag == _TC:
            yield child
        elif child.tag in (_SDT, _SDT_CONTENT, f"{_W}customXml"):
            yield from _row_cells(child)


_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


def _targets(package: SafeZip, part: str, parse: Any) -> dict[str, str]:
    """Return the targets of `part`'s relationships by type (its last word), as member names."""
    folder, _, name = part.rpartition("/")
    rels = package.read(f"{folder}/_rels/{name}.rels" if folder else f"_rels/{name}.rels")
    targets: dict[str, str] = {}
    if rels is None:
        return targets
    for relationship in parse(rels).iter(_RELATIONSHIPS):
        if relationship.get("TargetMode") == "External":
            continue  # a link to elsewhere: never followed
        target = relationship.get("Target", "")
        kind = relationship.get("Type", "").rsplit("/", 1)[-1]
        resolved = posixpath.normpath(target.lstrip("/") if target.startswith("/") else
                                      posixpath.join(folder, target))  # fmt: skip
        targets.setdefault(kind, resolved)
    return targets


def read_docx(data: bytes, path: str | None, limits: Limits) -> Source:
    """Render a Word document into the canonical text (`yingshang[docx]`: lxml).

    The package is read as Word's format defines it (the main part found by its relationship),
    its XML with a parser that resolves no entity, loads no DTD and opens no network.

    Raises `ReadError` for a damaged document, `LimitExceededError` beyond `limits`, and
    `UnsafeContentError` for XML declaring entities.
    """
    etree = require("lxml.etree", "docx", "Word (.docx) files")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )

    def parse(content: bytes) -> Any:
        try:
            return etree.fromstring(content, parser)
        except etree.XMLSyntaxError as problem:
            if "depth" in str(problem).lower():
                raise LimitExceededError(
                    "max_depth", 256, "XML nested deeper than libxml2 reads", path
                ) from None
            raise ReadError(f"damaged XML in the Word document ({problem})", path) from None

    package = SafeZip(data, limits, path)
    main = _targets(package, "", parse).get("officeDocument", "word/document.xml")
    document = package.read(main)
    if document is None:
        raise ReadError(f"a Word document without its main part ({main})", path)
    related = _targets(package, main, parse)
    parts = {}
    for kind in ("numbering", "styles"):
        content = package.read(related[kind]) if kind in related else None
        parts[kind] = None if content is None else parse(content)
    body = parse(document).find(f"{_W}body")
    if body is None:
        raise ReadError(f"a Word document without a body ({main})", path)
    builder = TextBuilder(limits, path)
    _Reader(Numbering(parts["numbering"], parts["styles"]), builder, limits).body(body)
    return Source(builder.text(), path, "docx", None)
