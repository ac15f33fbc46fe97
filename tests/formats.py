"""Helpers of the readers' tests: plans compared as read from any format."""

from __future__ import annotations

from typing import Any

import attrs

from yingshang.model import Plan

from .strategies import erase_spans


def comparable(plan: Plan, *, headers_spacing: bool = True) -> Any:
    """Return `plan` spans aside, without the export artifacts removed from its text.

    A Word file holds a bookmark where its text export wrote "[bookmark: _GoBack]", and a PDF
    prints page numbers: what the parser removes as artifacts differs by format, not the plan.
    With `headers_spacing` False the table's headers are compared without their spaces (a PDF
    cannot tell "工    作" from "工 作").
    """
    diagnostics = tuple(d for d in plan.diagnostics if d.code != "export-artifact")
    plan = attrs.evolve(plan, diagnostics=diagnostics)
    if not headers_spacing and plan.attachment is not None:
        headers = tuple(
            attrs.evolve(h, text="".join(h.text.split())) for h in plan.attachment.headers
        )
        plan = attrs.evolve(plan, attachment=attrs.evolve(plan.attachment, headers=headers))
    return erase_spans(plan)
