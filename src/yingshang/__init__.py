"""yingshang (营商): Chinese business-environment plans as a typed, queryable model.

>>> import yingshang
>>> plan = yingshang.datasets.chongqing_2019()
>>> plan.document_number
'渝府办发〔2019〕81号'
>>> len(plan.areas), len(plan.measures)
(20, 91)
"""

from __future__ import annotations

import importlib
import sys
import types

# typing.TYPE_CHECKING without importing typing (type checkers read the name, not its value).
TYPE_CHECKING = False

# Every name is imported on first use (PEP 562): `import yingshang` must not pay for attrs, the
# parser's patterns, cattrs or the data files before they are used.
if TYPE_CHECKING:  # what the names below are, for type checkers
    from . import compare, corpus, datasets, diff, io, query
    from .coverage import coverage
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
        Source,
        Span,
        Target,
        TargetKind,
        TargetRole,
    )
    from .numbers import parse_number, to_chinese_numeral
    from .parse import clean_text, parse, parse_file
    from .registry import (
        AgencyKind,
        AgencyRegistry,
        RegistryEntry,
        RegistryError,
        default_registry,
        registry_for,
    )
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

# Each public name imported on first use, with the submodule that defines it.
_LAZY_NAMES: dict[str, str] = {
    **dict.fromkeys(["parse_chinese_date", "parse_deadline"], "dates"),
    **dict.fromkeys(["ParseError", "YingshangError"], "errors"),
    "coverage": "coverage",
    "extract_targets": "extract",
    **dict.fromkeys(
        [
            "BReadyTopic",
            "IndexRef",
            "Indicator",
            "IndicatorMap",
            "IndicatorMapError",
            "default_indicator_map",
            "indicator_for_area",
            "indices_in",
        ],
        "indicators",
    ),
    **dict.fromkeys(["from_json", "to_json"], "io"),
    **dict.fromkeys(
        [
            "Action",
            "Agency",
            "Area",
            "Attachment",
            "Comparator",
            "Deadline",
            "DeadlineKind",
            "Diagnostic",
            "Direction",
            "Measure",
            "Notice",
            "Plan",
            "Quantity",
            "Section",
            "Severity",
            "Snippet",
            "Source",
            "Span",
            "Target",
            "TargetKind",
            "TargetRole",
        ],
        "model",
    ),
    **dict.fromkeys(["parse_number", "to_chinese_numeral"], "numbers"),
    **dict.fromkeys(["clean_text", "parse", "parse_file"], "parse"),
    **dict.fromkeys(
        [
            "AgencyKind",
            "AgencyRegistry",
            "RegistryEntry",
            "RegistryError",
            "default_registry",
            "registry_for",
        ],
        "registry",
    ),
    **dict.fromkeys(
        [
            "CalendarFallbackWarning",
            "ChinaWorkdayCalendar",
            "WorkdayCalendar",
            "add_working_days",
            "count_working_days",
            "due_date",
            "is_working_day",
        ],
        "workdays",
    ),
}


def __getattr__(name: str) -> object:
    """Import a public name, or a submodule (``yingshang.io``), the first time it is read."""
    if name.startswith("__"):  # probes for __path__, __wrapped__ ...: not ours to import
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = _LAZY_NAMES.get(name)
    if module is not None:
        value: object = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    else:
        try:
            value = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{name}":
                raise  # a submodule that exists but fails to import: say why
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def _render_html(node: object) -> str:
    # Imported on first display, so that `import yingshang` does not pay for it.
    from ._html import render

    return render(node)


class _Package(types.ModuleType):
    """The package's module type: it sees each submodule bound to it on the submodule's import.

    The import system binds a submodule to its package (`setattr`) when it first imports it, by
    whatever route (``import yingshang.model``, ``from yingshang import Plan``, another module's
    import), so this is the one place that sees every first import.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name == "model" and isinstance(value, types.ModuleType):
            # The model's rich display is drawn by the outer ring (_html), registered here.
            value.register_html_renderer(_render_html)
        elif _LAZY_NAMES.get(name) == name and isinstance(value, types.ModuleType):
            # `yingshang.parse` is both the function and the subpackage: the function keeps
            # the name, however the subpackage came to be imported first.
            value = getattr(value, name)
        super().__setattr__(name, value)


# Before any submodule is imported, so that no binding escapes __setattr__.
sys.modules[__name__].__class__ = _Package

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
    "Source",
    "Span",
    "Target",
    "TargetKind",
    "TargetRole",
    "WorkdayCalendar",
    "YingshangError",
    "__version__",
    "add_working_days",
    "clean_text",
    "compare",
    "corpus",
    "count_working_days",
    "coverage",
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
    "registry_for",
    "to_chinese_numeral",
    "to_json",
]
