"""The front matter: the notice, the plan's title, and the body's sections and paragraphs."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from .._lazy import LazyPattern
from ..model import (
    Notice,
    Section,
    Snippet,
    Span,
)
from ._head import Head, read_head, read_signature
from ._lines import (
    _Line,
    _small_numeral,
    _Source,
    clean_text,
)
from ._patterns import (
    _ATTACHMENT_REFERENCE,
    _BLANK,
    _CHINESE_DIGITS,
    _CONTROL_CHARACTER,
    _DATE_LINE,
    _HELPING_LABELS,
    _ORDINAL_HEADING,
    _PART_HEADING,
    _RESPONSIBLE_LABELS,
    _SPACED_HEADING,
    _SUBSECTION_HEADING,
    _longest_first,
)

# --- the front matter: notice, title, body -------------------------------------------------------


def _nonblank(lines: Sequence[_Line]) -> Iterator[tuple[int, _Line]]:
    return ((index, line) for index, line in enumerate(lines) if not line.blank)


def _with_text(source: _Source, lines: Sequence[_Line]) -> Iterator[tuple[int, _Line]]:
    """Yield the lines that hold text once artifacts are removed (not a lone page number)."""
    return (
        (index, line)
        for index, line in _nonblank(lines)
        if source.snippet(line.start, line.end) is not None
    )


class _FrontMatter:
    """Parses the lines before the attachment: the notice, the plan's title, the body."""

    # How far into the text a notice's title and document number may stand.
    _NOTICE_LOOKAHEAD = 6

    def __init__(self, source: _Source, lines: Sequence[_Line]) -> None:
        self.source = source
        self.lines = lines
        self.skipped: frozenset[int] = frozenset()

    def parse(
        self,
    ) -> tuple[Snippet | None, Notice | None, list[Snippet], list[Section], list[Snippet]]:
        head = read_head(self.source, self.lines)
        self.skipped = head.skipped
        self._keep_unplaced_head_lines(head)
        notice = head.notice
        if notice is None or notice.issue_date_text is None:
            # A document signed below its body (实施意见): the signature ends the front matter.
            signature = read_signature(self.source, self.lines, head.body_at, head.skipped)
            if signature is not None:
                self.skipped = self.skipped | signature.lines
                notice = signature.sign(notice)
        preamble, sections, references = self._body(head.body_at)
        return head.title, notice, preamble, sections, references

    def _keep_unplaced_head_lines(self, head: Head) -> None:
        """Report the head's lines that hold text no node and no diagnostic took: a notice's
        paragraphs above its recipients, say, are not understood, but they are not lost."""
        placed: list[Span] = [d.span for d in self.source.diagnostics]
        if head.title is not None:
            placed.append(head.title.span)
        if head.notice is not None:
            notice = head.notice
            placed.extend(
                snippet.span
                for snippet in (
                    notice.title,
                    notice.document_number,
                    notice.recipients,
                    *notice.paragraphs,
                    notice.issuer,
                    notice.issue_date_text,
                    *notice.remarks,
                )
                if snippet is not None
            )
        lines = [line for line in self.lines[: head.body_at] if not line.blank]
        if not lines:
            return
        text = self.source.text
        first, last = lines[0].start, lines[-1].end
        # One mark per character of the head, so the check is linear in the head and the spans.
        taken = bytearray(last - first)
        for span in placed:
            start, end = max(span.start, first), min(span.end, last)
            if start < end:
                taken[start - first : end - first] = b"\x01" * (end - start)
            # Brackets around a node are its structure: the "(…号)" after a title.
            if first < span.start <= last and text[span.start - 1] in _OPENING_BRACKETS:
                taken[span.start - 1 - first] = 1
            if first <= span.end < last and text[span.end] in _CLOSING_BRACKETS:
                taken[span.end - first] = 1
        for line in lines:
            start, end = self.source.trim(line.start, line.end)
            if any(text[i] not in _BLANK and not taken[i - first] for i in range(start, end)):
                self.source.unparsed("a line of the notice or title not understood", start, end)

    def _line_snippet(self, line: _Line) -> Snippet:
        snippet = self.source.snippet(line.start, line.end)
        assert snippet is not None  # callers pass non-blank lines only
        return snippet

    def _body(self, position: int) -> tuple[list[Snippet], list[Section], list[Snippet]]:
        preamble: list[Snippet] = []
        references: list[Snippet] = []
        sections: list[_SectionBuilder] = []
        # Where the last paragraph went, if the next line may continue it (see _continues).
        open_paragraphs: list[Snippet] | None = None
        # The paragraph being joined: its list (it is the last there) and where it ends now.
        joining: tuple[list[Snippet], int] | None = None
        last_paragraphs: list[Snippet] | None = None  # where the last paragraph went, at all
        previous_index = -2
        for index, line in _with_text(self.source, self.lines[position:]):
            if position + index in self.skipped:
                continue  # site chrome, reported by the head
            text = line.text.strip(_BLANK)
            if text[:1] in "?？【":
                # ??一、…: an indent a wrong conversion turned into question marks, a repost's tag
                # (【时政|…】一、…): artifacts before the heading
                start, end = self.source.trim(line.start, line.end)
                text = self.source.text[start:end]
            # Adjacent: no blank line since the last one (a lone page number is no break).
            between = self.lines[position + previous_index + 1 : position + index]
            adjacent = previous_index >= 0 and not any(other.blank for other in between)
            previous_index = index
            if last_paragraphs is not None and adjacent and _must_continue(text):
                open_paragraphs = last_paragraphs
            if open_paragraphs is not None and adjacent and _continues(text):
                # A line wrapped mid-sentence (text converted from PDF): one paragraph. Only its
                # end moves now; its text is cut once it is whole, so that a paragraph of n
                # wrapped lines costs n, not n² (each join used to re-clean all lines before).
                joining = (open_paragraphs, line.end)
                last_paragraphs = open_paragraphs
                open_paragraphs = open_paragraphs if _open_ended(text) else None
                continue
            self._finish(joining)
            joining = None
            snippet = self._line_snippet(line)
            heading = _ORDINAL_HEADING.match(text) or _SPACED_HEADING.match(text)
            subheading = _SUBSECTION_HEADING.match(text)
            part = _PART_HEADING.match(text)
            target: list[Snippet] | None
            if _ATTACHMENT_REFERENCE.match(text):
                target = references
                target.append(snippet)
            elif heading and (ordinal := _small_numeral(heading["ordinal"])):
                sections.append(_SectionBuilder.from_heading(ordinal, snippet, self.source))
                target = sections[-1].paragraphs or None  # only a run-in text may go on
            elif part and (ordinal := _small_numeral(part["ordinal"])):
                sections.append(_SectionBuilder.from_heading(ordinal, snippet, self.source))
                sections[-1].part = True
                target = sections[-1].paragraphs or None
            elif sections and subheading and (ordinal := _small_numeral(subheading["ordinal"])):
                sections[-1].subsections.append(
                    _SectionBuilder.from_heading(ordinal, snippet, self.source)
                )
                target = sections[-1].subsections[-1].paragraphs or None
            elif sections:
                parent = sections[-1].subsections[-1] if sections[-1].subsections else sections[-1]
                target = parent.paragraphs
                target.append(snippet)
            else:
                target = preamble
                target.append(snippet)
            last_paragraphs = target
            open_paragraphs = target if target is not None and _open_ended(text) else None
        self._finish(joining)
        for parts in (False, True):  # 第一部分, 第二部分 are numbered apart from 一、, 二、
            numbered = [s for s in sections if s.part is parts]
            what = "part" if parts else "section"
            self._check_order([s.ordinal for s in numbered], [s.span for s in numbered], what)
        last = 0  # the last subsection's number so far: numbering may run on across sections
        for section in sections:
            ordinals = [s.ordinal for s in section.subsections]
            first = last + 1 if last and ordinals and ordinals[0] == last + 1 else 1
            self._check_order(ordinals, [s.span for s in section.subsections], "subsection", first)
            last = ordinals[-1] if ordinals else last
        return preamble, [s.freeze() for s in sections], references

    def _finish(self, joining: tuple[list[Snippet], int] | None) -> None:
        """Make the paragraph being joined whole: from its first line to its last."""
        if joining is not None:
            paragraphs, end = joining
            joined = self.source.snippet(paragraphs[-1].span.start, end)
            assert joined is not None  # it holds the non-blank paragraph before
            paragraphs[-1] = joined

    def _check_order(
        self, ordinals: list[int], spans: list[Span], what: str, first: int = 1
    ) -> None:
        for expected, (ordinal, span) in enumerate(zip(ordinals, spans, strict=True), start=first):
            if not self.source.in_sequence(what, ordinal, expected, span):
                return


_OPENING_BRACKETS = frozenset("(（[［【〔")
_CLOSING_BRACKETS = frozenset(")）]］】〕")


@attrs.define
class _SectionBuilder:
    ordinal: int
    title: str
    span: Span
    paragraphs: list[Snippet] = attrs.Factory(list)
    subsections: list[_SectionBuilder] = attrs.Factory(list)
    part: bool = False  # 第二部分 重点任务: a part, numbered apart from the sections

    @classmethod
    def from_heading(cls, ordinal: int, heading: Snippet, source: _Source) -> _SectionBuilder:
        """Split "（一）加强组织领导。成立…" into its title and the run-in text after it."""
        text = source.text
        raw = heading.span.slice(text)
        # Skip the ordinal and its punctuation to reach the title.
        match = (
            _ORDINAL_HEADING.match(raw)
            or _SPACED_HEADING.match(raw.strip(_BLANK))
            or _SUBSECTION_HEADING.match(raw)
            or _PART_HEADING.match(raw)
        )
        title_start = heading.span.start + (
            match.start("title") if match and match["title"] is not None else len(raw)
        )
        stop = text.find("。", title_start, heading.span.end)
        if stop == -1 or stop == heading.span.end - 1:
            title = clean_text(text[title_start : heading.span.end]).rstrip("。：:")
            return cls(ordinal, title, heading.span)
        builder = cls(
            ordinal, clean_text(text[title_start:stop]), Span(heading.span.start, stop + 1)
        )
        rest = source.snippet(stop + 1, heading.span.end)
        if rest is not None:
            builder.paragraphs.append(rest)
        return builder

    def freeze(self) -> Section:
        return Section(
            ordinal=self.ordinal,
            title=self.title,
            span=self.span,
            paragraphs=tuple(self.paragraphs),
            subsections=tuple(s.freeze() for s in self.subsections),
        )


# What a paragraph ends with: a line ending otherwise was wrapped mid-sentence.
_PARAGRAPH_END = tuple('。！？；：!?;:）)」』”"…')
# What opens a paragraph of its own: a heading, a numbered item, a reference to an attachment.
_PARAGRAPH_START = LazyPattern(
    rf"[{_CHINESE_DIGITS}]{{1,3}}\s*[、．.]|[（(]\s*[{_CHINESE_DIGITS}\d]{{1,3}}\s*[）)]"
    r"|\d{1,3}\s*[．.、]|[①-⑳]|附件"
    rf"|第[{_CHINESE_DIGITS}]{{1,3}}(?:部分|篇)"
)


def _open_ended(text: str) -> bool:
    """Tell whether a body line stops mid-sentence, so that the next line may continue it."""
    return not text.endswith(_PARAGRAPH_END)


# A bracket naming agencies (（牵头单位：…）, 【…】, （…牵头，…配合）, （责任主体：…）) belongs
# to the item before: the role words, and the labels the body reads.
_AGENCIES_BRACKET_START = LazyPattern(
    r"[（(【][^（）()【】\n]{0,60}?(?:"
    + _longest_first(("牵头", "配合", "负责", *_RESPONSIBLE_LABELS, *_HELPING_LABELS))
    + ")"
)


def _continues(text: str) -> bool:
    """Tell whether a body line may continue the paragraph before it (a date line never does:
    it closes a signature)."""
    return _PARAGRAPH_START.match(text) is None and _DATE_LINE.match(text) is None


def _must_continue(text: str) -> bool:
    """Tell whether a body line continues the paragraph before it, however that one ended."""
    return _AGENCIES_BRACKET_START.match(text) is not None


# A title's bracketed second line: the years a plan covers, "（2019—2020年）", "(2021年版)".
_SUBTITLE = LazyPattern(r"[（(][^（）()\n]{0,24}?\d{4}[^（）()\n]{0,24}[）)]")


def _looks_like_title(text: str) -> bool:
    text = text.strip(_BLANK)
    return (
        0 < len(text) <= 80
        and not text.endswith(("。", "；", "，", "：", ":"))
        and _ORDINAL_HEADING.match(text) is None
        and not _CONTROL_CHARACTER.search(text)
    )


def _looks_like_recipients(text: str) -> bool:
    text = text.strip(_BLANK)
    return text.endswith(("：", ":")) and "。" not in text and len(text) <= 200


def _looks_like_signature(text: str) -> bool:
    return len(text) <= 40 and not any(mark in text for mark in "。，；：")
