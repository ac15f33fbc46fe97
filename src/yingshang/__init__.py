"""yingshang (营商): Chinese business-environment plans as a typed, queryable model.

>>> import yingshang
>>> plan = yingshang.datasets.chongqing_2019()
>>> plan.document_number
'渝府办发〔2019〕81号'
>>> len(plan.areas), len(plan.measures)
(20, 91)
"""

from __future__ import annotations

from . import datasets
from .errors import ParseError, YingshangError
from .model import (
    Action,
    Area,
    Attachment,
    Comparator,
    Deadline,
    DeadlineKind,
    Diagnostic,
    Direction,
    Measure,
    Notice,
    Plan,
    Quantity,
    Section,
    Severity,
    Snippet,
    Span,
    Target,
    TargetKind,
    Unit,
)
from .parse import clean_text, parse, parse_file

__version__ = "0.1.0"

__all__ = [
    "Action",
    "Area",
    "Attachment",
    "Comparator",
    "Deadline",
    "DeadlineKind",
    "Diagnostic",
    "Direction",
    "Measure",
    "Notice",
    "ParseError",
    "Plan",
    "Quantity",
    "Section",
    "Severity",
    "Snippet",
    "Span",
    "Target",
    "TargetKind",
    "Unit",
    "YingshangError",
    "__version__",
    "clean_text",
    "datasets",
    "parse",
    "parse_file",
]
