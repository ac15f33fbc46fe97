"""yingshang (营商): Chinese business-environment plans as a typed, queryable model.

>>> import yingshang
>>> plan = yingshang.datasets.chongqing_2019()
>>> plan.document_number
'渝府办发〔2019〕81号'
>>> len(plan.areas), len(plan.measures)
(20, 91)
"""

from __future__ import annotations

from . import compare, corpus, datasets, diff, io, model, query
from .dates import parse_chinese_date, parse_deadline
from .errors import ParseError, YingshangError
from .extract import extract_targets
from .indicators import (
    BReadyTopic,
    IndexRef,
    Indicator,
    IndicatorMap,
    IndicatorMapError,
    default_indicator_map,
    indicator_for_area,
    indices_in,
)
from .io import from_json, to_json
from .model import (
    Action,
    Agency,
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
)
from .numbers import parse_number, to_chinese_numeral
from .parse import clean_text, parse, parse_file
from .registry import AgencyKind, AgencyRegistry, RegistryEntry, RegistryError, default_registry
from .workdays import (
    CalendarFallbackWarning,
    ChinaWorkdayCalendar,
    WorkdayCalendar,
    add_working_days,
    count_working_days,
    due_date,
    is_working_day,
)

__version__ = "0.1.0"


def _render_html(node: object) -> str:
    # Imported on first display, so that `import yingshang` does not pay for it.
    from ._html import render

    return render(node)


model.register_html_renderer(_render_html)

__all__ = [
    "Action",
    "Agency",
    "AgencyKind",
    "AgencyRegistry",
    "Area",
    "Attachment",
    "BReadyTopic",
    "CalendarFallbackWarning",
    "ChinaWorkdayCalendar",
    "Comparator",
    "Deadline",
    "DeadlineKind",
    "Diagnostic",
    "Direction",
    "IndexRef",
    "Indicator",
    "IndicatorMap",
    "IndicatorMapError",
    "Measure",
    "Notice",
    "ParseError",
    "Plan",
    "Quantity",
    "RegistryEntry",
    "RegistryError",
    "Section",
    "Severity",
    "Snippet",
    "Span",
    "Target",
    "TargetKind",
    "WorkdayCalendar",
    "YingshangError",
    "__version__",
    "add_working_days",
    "clean_text",
    "compare",
    "corpus",
    "count_working_days",
    "datasets",
    "default_indicator_map",
    "default_registry",
    "diff",
    "due_date",
    "extract_targets",
    "from_json",
    "indicator_for_area",
    "indices_in",
    "io",
    "is_working_day",
    "parse",
    "parse_chinese_date",
    "parse_deadline",
    "parse_file",
    "parse_number",
    "query",
    "to_chinese_numeral",
    "to_json",
]
