"""Shared test settings: Hypothesis without deadlines, since CI machines are shared and noisy.

The tests' cache of parsed plans (yingshang._cache) lives in a temporary directory, inherited by
the command lines the tests run, so that a run neither reads nor fills the user's cache.
"""

import os
import shutil
import tempfile

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("default")

_CACHE_DIR = "YINGSHANG_CACHE_DIR"


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_cache_key] = (os.environ.get(_CACHE_DIR), tempfile.mkdtemp(prefix="yingshang-"))
    os.environ[_CACHE_DIR] = config.stash[_cache_key][1]


def pytest_unconfigure(config: pytest.Config) -> None:
    before, directory = config.stash[_cache_key]
    shutil.rmtree(directory, ignore_errors=True)
    if before is None:
        os.environ.pop(_CACHE_DIR, None)
    else:
        os.environ[_CACHE_DIR] = before


_cache_key = pytest.StashKey[tuple[str | None, str]]()
