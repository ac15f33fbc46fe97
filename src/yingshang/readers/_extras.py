"""Optional dependencies: each format's reader is an extra, named when it is missing."""

from __future__ import annotations

import importlib
from types import ModuleType

from ..errors import MissingDependencyError

__all__ = ["require"]


def require(module: str, extra: str, what: str) -> ModuleType:
    """Import `module`, or raise `MissingDependencyError` naming the extra that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingDependencyError(
            f"reading {what} needs {module.split('.')[0]}: pip install 'yingshang[{extra}]'"
        ) from None
