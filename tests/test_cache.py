"""The cache of parsed plans on disk (yingshang._cache): faster, never different."""

from __future__ import annotations

import json
import os
import pathlib
import pickle
import subprocess
import sys

import pytest

import yingshang
from yingshang import _cache

PACKAGE = pathlib.Path(yingshang.__file__).parent
CACHE_FILE = "chongqing-2019.pickle"

LOAD = (
    "import json, sys, yingshang\n"
    "plan = yingshang.datasets.chongqing_2019()\n"
    "print(json.dumps([yingshang.to_json(plan), plan.source.text, 'yingshang.parse' in sys.modules"
    ", 'regex' in sys.modules]))"
)


def run_in_a_new_process(code: str, cache: pathlib.Path | None) -> str:
    """Run `code` in a fresh interpreter with `cache` as the cache (None: no cache); return
    what it prints."""
    environment = dict(os.environ)
    environment.pop("YINGSHANG_NO_CACHE", None)
    if cache is None:
        environment["YINGSHANG_NO_CACHE"] = "1"
    else:
        environment["YINGSHANG_CACHE_DIR"] = str(cache)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environment
    )
    return result.stdout


def load_in_a_new_process(cache: pathlib.Path | None) -> tuple[str, str, bool, bool]:
    """Return the embedded plan as JSON, its source text, whether the parser and regex ran."""
    stdout = run_in_a_new_process(LOAD, cache)
    plan, text, parsed, compiled = json.loads(stdout)
    return plan, text, parsed, compiled


@pytest.fixture(scope="module")
def uncached() -> tuple[str, str, bool, bool]:
    return load_in_a_new_process(None)


def test_the_cached_plan_is_the_parsed_plan(
    tmp_path: pathlib.Path, uncached: tuple[str, str, bool, bool]
) -> None:
    first = load_in_a_new_process(tmp_path)
    assert (tmp_path / CACHE_FILE).is_file()
    second = load_in_a_new_process(tmp_path)
    assert first[2]  # parsed once,
    assert not second[2]  # then read from the cache
    assert not second[3]  # not a pattern compiled
    assert first[:2] == second[:2] == uncached[:2]
    assert uncached[2]  # without the cache, the parser runs


def summary_in_a_new_process(cache: pathlib.Path | None, output_format: str) -> tuple[str, bool]:
    """Return what `yingshang summary` prints, and whether it imported the model (or attrs)."""
    code = (
        "import contextlib, io, json, sys\n"
        "from yingshang.cli import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    main(['summary', '--format', {output_format!r}])\n"
        "print(json.dumps([out.getvalue(), 'yingshang.model' in sys.modules or 'attr' in sys.modules]))"
    )
    printed, modelled = json.loads(run_in_a_new_process(code, cache))
    return printed, modelled


@pytest.mark.parametrize("output_format", ["table", "json", "csv"])
def test_the_summary_from_the_cache_is_the_plans_and_needs_no_model(
    tmp_path: pathlib.Path, output_format: str
) -> None:
    uncached, modelled = summary_in_a_new_process(None, output_format)
    assert modelled  # without the cache, the plan is parsed
    first, _ = summary_in_a_new_process(tmp_path, output_format)
    assert (tmp_path / "chongqing-2019-summary.pickle").is_file()
    second, modelled = summary_in_a_new_process(tmp_path, output_format)
    assert not modelled  # read back as plain data: neither the model nor attrs imported
    assert first == second == uncached
    assert "开办企业" in second


def test_a_corrupt_or_foreign_cache_file_is_a_miss(
    tmp_path: pathlib.Path, uncached: tuple[str, str, bool, bool]
) -> None:
    load_in_a_new_process(tmp_path)
    path = tmp_path / CACHE_FILE
    content = path.read_bytes()
    for damaged in (content[: len(content) // 2], b"", b"not a header\n" + content):
        path.write_bytes(damaged)
        plan, text, parsed, _ = load_in_a_new_process(tmp_path)
        assert parsed
        assert (plan, text) == uncached[:2]
    assert path.read_bytes() == content  # rewritten whole


def test_an_unwritable_cache_directory_still_gives_the_plan(
    tmp_path: pathlib.Path, uncached: tuple[str, str, bool, bool]
) -> None:
    blocker = tmp_path / "a file, not a directory"
    blocker.write_text("", encoding="utf-8")
    assert load_in_a_new_process(blocker / "cache")[:2] == uncached[:2]


def test_the_key_changes_with_any_file_of_the_package(tmp_path: pathlib.Path) -> None:
    package = tmp_path / "package"
    (package / "data").mkdir(parents=True)
    (package / "__pycache__").mkdir()
    (package / "module.py").write_text("A = 1\n", encoding="utf-8")
    (package / "data" / "plan.txt").write_text("一、开办企业\n", encoding="utf-8")
    key = _cache.fingerprint([str(package)])
    (package / "__pycache__" / "module.cpython-311.pyc").write_bytes(b"\0")
    assert _cache.fingerprint([str(package)]) == key  # compiled files do not count
    (package / "data" / "plan.txt").write_text("一、开办企业。\n", encoding="utf-8")
    changed = _cache.fingerprint([str(package)])
    assert changed != key
    (package / "data" / "plan.txt").rename(package / "data" / "other.txt")
    assert _cache.fingerprint([str(package)]) != changed


def test_cached_returns_what_build_returns_and_keys_by_package(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("YINGSHANG_CACHE_DIR", str(tmp_path))
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"built": len(calls)}

    assert _cache.cached("yingshang", "value", build) == {"built": 1}
    assert _cache.cached("yingshang", "value", build) == {"built": 1}
    assert len(calls) == 1
    header, _, body = (tmp_path / "value.pickle").read_bytes().partition(b"\n")
    assert header.startswith(b"yingshang value ")
    assert pickle.loads(body) == {"built": 1}
    monkeypatch.setenv("YINGSHANG_NO_CACHE", "1")
    assert _cache.cache_directory() is None
    assert _cache.cached("yingshang", "value", build) == {"built": 2}
