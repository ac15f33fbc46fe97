"""A cache on disk of values yingshang would otherwise rebuild in every process (the parsed plan).

``yingshang summary`` with no FILE parses the embedded plan; compiling the parser's patterns and
parsing take most of the command's time, and the answer is the same until yingshang or its
dependencies change. The parsed plan is therefore kept as a pickle in the user's cache
directory, keyed by everything it depends on:

* the content of every file of the package (its code and its data, the plan's text among them);
* the Python version, and the modification time of each ``site-packages`` directory on
  ``sys.path``, which changes when a package is installed, upgraded or removed there (regex,
  python-dateutil). The current directory is left out: writing a file there changes nothing.

A file whose key differs is a miss and is replaced. Any failure (a directory that cannot be
written, a truncated or foreign file) falls back to building the value, so the cache can make
a call faster but never different. ``YINGSHANG_CACHE_DIR`` moves the cache; ``YINGSHANG_NO_CACHE``
(any non-empty value) turns it off. Only files the current user owns are read.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import zlib
from collections.abc import Callable
from typing import TypeVar, cast

__all__ = ["cache_directory", "cached", "fingerprint"]

T = TypeVar("T")

_HEADER_END = b"\n"


def cache_directory() -> str | None:
    """Return the directory of yingshang's cache, or None when the cache is turned off."""
    if os.environ.get("YINGSHANG_NO_CACHE"):
        return None
    chosen = os.environ.get("YINGSHANG_CACHE_DIR")
    if chosen:
        return chosen
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser(r"~\AppData\Local")
        return os.path.join(base, "yingshang", "Cache")
    if sys.platform == "darwin":
        return os.path.expanduser("~/Library/Caches/yingshang")
    base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return os.path.join(base, "yingshang")


def fingerprint(directories: list[str]) -> str:
    """Return a key that changes when a file under `directories` changes (name or content).

    ``__pycache__`` is left out: it changes without the source changing.
    """
    checksum = 0
    for directory in sorted(directories):
        for root, subdirectories, files in os.walk(directory):
            subdirectories[:] = sorted(d for d in subdirectories if d != "__pycache__")
            for name in sorted(files):
                path = os.path.join(root, name)
                with open(path, "rb") as file:
                    content = file.read()
                checksum = zlib.crc32(os.path.relpath(path, directory).encode(), checksum)
                checksum = zlib.crc32(content, checksum)
    return f"{checksum:08x}"


def _environment() -> str:
    """Return what the cached values depend on outside the package: Python and its packages."""
    parts = [sys.version, sys.implementation.cache_tag or ""]
    for entry in sys.path:
        if os.path.basename(entry) not in {"site-packages", "dist-packages"}:
            continue
        try:
            parts.append(f"{entry}:{os.stat(entry).st_mtime_ns}")
        except OSError:
            continue
    return f"{zlib.crc32(chr(0).join(parts).encode()):08x}"


def _package_key(package: str) -> str | None:
    """Return the key of `package`'s files and environment, or None if its files are not on disk."""
    module = sys.modules[package]
    locations = list(getattr(module, "__path__", []))
    if not locations or not all(os.path.isdir(location) for location in locations):
        return None  # imported from a zip file, or a namespace we cannot read: no cache
    return f"{fingerprint(locations)}-{_environment()}"


def cached(package: str, name: str, build: Callable[[], T]) -> T:
    """Return the value `build` returns, from the cache when `package` and Python are unchanged.

    `name` names the value within the package (one file per name); the value must pickle.
    """
    directory = cache_directory()
    try:
        key = _package_key(package) if directory is not None else None
    except OSError:
        key = None
    if directory is None or key is None:
        return build()
    path = os.path.join(directory, f"{name}.pickle")
    header = f"{package} {name} {key}".encode() + _HEADER_END
    found = _read(path, header)
    if found is not None:
        return cast(T, found[0])  # the header says this code wrote it from `build`
    value = build()
    _write(path, header, value)
    return value


def _read(path: str, header: bytes) -> tuple[object] | None:
    try:
        with open(path, "rb") as file:
            if hasattr(os, "getuid") and os.fstat(file.fileno()).st_uid != os.getuid():
                return None  # another user's file: never unpickle it
            if file.read(len(header)) != header:
                return None  # written for other code or another environment
            return (pickle.load(file),)
    except FileNotFoundError:
        return None
    except Exception:  # a truncated or corrupt file is a miss, never an error of the caller's
        return None


def _write(path: str, header: bytes, value: object) -> None:
    partial = f"{path}.{os.getpid()}.partial"
    try:
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        with open(partial, "wb") as file:
            file.write(header)
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)  # atomic: a concurrent reader sees the old file or the new
    except Exception:  # cannot write or cannot pickle: the value is still the caller's
        with contextlib.suppress(OSError):
            os.remove(partial)
