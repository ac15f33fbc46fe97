"""Untrusted files: each hostile file is refused with a named error, quickly, in bounded memory."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import yingshang
from yingshang.cli import main
from yingshang.errors import (
    LimitExceededError,
    ParseError,
    ReadError,
    UnsafeContentError,
    YingshangError,
)
from yingshang.readers import Limits, read_bytes

docx = pytest.importorskip("docx")
pdfium = pytest.importorskip("pypdfium2")
pytest.importorskip("pdfplumber")

SECRET = "SECRET-3f9a-do-not-leak"

# The reading runs in a child process, so that its peak memory is its own.
_CHILD = """
import json, resource, sys, time
import yingshang
start = time.perf_counter()
try:
    yingshang.parse_file(sys.argv[1])
    outcome = ["read", ""]
except yingshang.YingshangError as error:
    outcome = [type(error).__name__, str(error)]
# Linux keeps the parent's ru_maxrss across fork and exec (a big pytest process would count as
# the child's); VmHWM is the child's own high-water mark.
try:
    with open("/proc/self/status") as status:
        peak_kb = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
except (OSError, StopIteration):
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"error": outcome[0], "message": outcome[1],
                  "seconds": time.perf_counter() - start,
                  "peak_mb": peak_kb / 1024}))
"""


def _read_isolated(path: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert SECRET not in done.stdout + done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _assert_refused(path: Path, error: str, *words: str) -> None:
    result = _read_isolated(path)
    assert result["error"] == error, result
    message = str(result["message"])
    assert path.name in message
    for word in words:
        assert word in message
    assert float(str(result["seconds"])) < 10
    assert float(str(result["peak_mb"])) < 400


def _docx_with(
    document_xml: bytes | None = None, extra: dict[str, bytes] | None = None, drop: str = ""
) -> bytes:
    out = io.BytesIO()
    docx.Document().save(out)
    source = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    rewritten = io.BytesIO()
    with zipfile.ZipFile(rewritten, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename == drop:
                continue
            data = source.read(info)
            if info.filename == "word/document.xml" and document_xml is not None:
                data = document_xml
            target.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    return rewritten.getvalue()


_BOMB = "word/styles.xml"  # a part the reader reads


def _bomb(size: int) -> bytes:
    """A .docx whose styles are `size` zero bytes, deflated to a thousandth of that."""
    out = io.BytesIO(_docx_with(drop=_BOMB))
    with (
        zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive,
        archive.open(_BOMB, "w", force_zip64=True) as member,
    ):
        for _ in range(size >> 20):
            member.write(bytes(1 << 20))
    return out.getvalue()


def _lie_about_sizes(data: bytes, claimed: int) -> bytes:
    """Rewrite the bomb's headers to claim `claimed` bytes inflated (zip64 extra fields too)."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    info = archive.getinfo(_BOMB)
    patched = bytearray(data)
    for width in (8, 4):  # zip64 extra fields, then the plain headers
        true_size = info.file_size.to_bytes(width, "little")
        at = patched.find(true_size)
        while at != -1:
            patched[at : at + width] = claimed.to_bytes(width, "little")
            at = patched.find(true_size, at + width)
    assert zipfile.ZipFile(io.BytesIO(bytes(patched))).getinfo(info.filename).file_size == claimed
    return bytes(patched)


def test_a_zip_bomb_is_refused_by_its_headers(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    path.write_bytes(_bomb(200 << 20))
    assert path.stat().st_size < 1 << 20
    _assert_refused(path, "LimitExceededError", "max_unzipped_bytes")


def test_a_zip_bomb_lying_in_its_headers_is_stopped_while_inflating(tmp_path: Path) -> None:
    path = tmp_path / "liar.docx"
    path.write_bytes(_lie_about_sizes(_bomb(200 << 20), 1000))
    result = _read_isolated(path)
    # zipfile stops at the claimed size and finds the checksum wrong; the reader counts too.
    assert result["error"] in ("ReadError", "LimitExceededError"), result
    assert float(str(result["peak_mb"])) < 400


def test_too_many_zip_members_are_refused_before_reading_them(tmp_path: Path) -> None:
    many = {f"customXml/extra{i}.xml": b"<a/>" for i in range(60)}
    with pytest.raises(LimitExceededError, match="max_zip_members") as caught:
        read_bytes(_docx_with(extra=many), "many.docx", limits=Limits(max_zip_members=50))
    assert caught.value.limit == "max_zip_members"
    assert caught.value.path == "many.docx"


def _entities(path: Path) -> dict[str, str]:
    secret = path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    laughs = "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    return {
        "external": f'<!ENTITY xxe SYSTEM "file://{secret}">',
        "laughs": '<!ENTITY lol0 "lol">' + laughs,
    }


@pytest.mark.parametrize("kind", ["external", "laughs"])
def test_word_xml_declaring_entities_is_refused(tmp_path: Path, kind: str) -> None:
    declaration = _entities(tmp_path)[kind]
    reference = "&xxe;" if kind == "external" else "&lol9;"
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{declaration}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body><w:p><w:r><w:t>方案{reference}</w:t></w:r></w:p></w:body></w:document>"
    )
    path = tmp_path / f"{kind}.docx"
    path.write_bytes(_docx_with(xml.encode()))
    _assert_refused(path, "UnsafeContentError", "DTD")


@pytest.mark.parametrize("kind", ["external", "laughs"])
def test_a_page_declaring_entities_is_refused(tmp_path: Path, kind: str) -> None:
    declaration = _entities(tmp_path)[kind]
    reference = "&xxe;" if kind == "external" else "&lol9;"
    page = f"<!DOCTYPE html [{declaration}]><html><body><p>方案{reference}</p></body></html>"
    path = tmp_path / f"{kind}.html"
    path.write_text(page, encoding="utf-8")
    _assert_refused(path, "UnsafeContentError", "ENTITY")


def test_an_undeclared_entity_in_a_page_brings_in_nothing(tmp_path: Path) -> None:
    _entities(tmp_path)
    page = "<html><body><p>方案&xxe;</p><p>&#x65B9;&#26696;</p></body></html>"
    text = read_bytes(page.encode("utf-8")).text
    assert SECRET not in text
    assert "方案" in text


def test_a_deeply_nested_page_is_refused_while_parsing(tmp_path: Path) -> None:
    path = tmp_path / "nested.html"
    path.write_text("<html><body>" + "<div>" * 1_000_000 + "方案", encoding="utf-8")
    _assert_refused(path, "LimitExceededError", "max_depth")


def test_thousands_of_empty_pages_are_refused_by_count(tmp_path: Path) -> None:
    document = pdfium.PdfDocument.new()
    for _ in range(3000):
        document.new_page(595, 842)
    path = tmp_path / "pages.pdf"
    document.save(str(path))
    _assert_refused(path, "LimitExceededError", "max_pages")


def test_a_pdf_whose_page_tree_refers_to_itself_is_refused(tmp_path: Path) -> None:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 /Parent 2 0 R >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    body = b"%PDF-1.4\n"
    offsets = []
    for number, content in enumerate(objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n%s\nendobj\n" % (number, content)
    xref = len(body)
    body += b"xref\n0 4\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    body += b"trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    path = tmp_path / "loop.pdf"
    path.write_bytes(body)
    result = _read_isolated(path)
    assert result["error"] in ("ReadError", "UnsupportedFormatError"), result
    assert float(str(result["seconds"])) < 10


def test_limits_are_named_and_overridable_in_the_api_and_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(yingshang.datasets.chongqing_2019_text(), encoding="utf-8")
    with pytest.raises(LimitExceededError, match="max_text_chars=1,000") as caught:
        yingshang.parse_file(path, limits=Limits(max_text_chars=1000))
    assert isinstance(caught.value, ReadError | ParseError | YingshangError)
    assert str(path) in str(caught.value)
    assert main(["summary", str(path), "--limit", "max_bytes=100"]) == 1
    error = capsys.readouterr().err
    assert "max_bytes=100" in error
    assert str(path) in error
    assert main(["summary", str(path), "--limit", "max_bytes=100000000"]) == 0
    with pytest.raises(ValueError, match="positive"):
        Limits(max_pages=0)


def test_every_refusal_is_a_parse_error() -> None:
    for kind in (LimitExceededError, UnsafeContentError, ReadError):
        assert issubclass(kind, ParseError)
        assert issubclass(kind, YingshangError)


def test_a_corpus_run_records_hostile_files_as_failed_and_reads_the_good_ones(
    tmp_path: Path,
) -> None:
    corpus = pytest.importorskip("yingshang.corpus")
    pytest.importorskip("pyarrow")
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "good.txt").write_text(yingshang.datasets.chongqing_2019_text(), encoding="utf-8")
    (folder / "bomb.docx").write_bytes(_bomb(200 << 20))
    entities = _entities(tmp_path)
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities["external"]}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>方案&xxe;</w:t></w:r></w:p></w:body></w:document>"
    )
    (folder / "external.docx").write_bytes(_docx_with(xml.encode()))
    page = f"<!DOCTYPE html [{entities['laughs']}]><html><body><p>方案&lol9;</p></body></html>"
    (folder / "laughs.html").write_text(page, encoding="utf-8")
    (folder / "nested.html").write_text("<html><body>" + "<div>" * 200_000, encoding="utf-8")
    out = tmp_path / "out"
    summary = corpus.build([folder], out, jobs=1, progress=False)
    files = {Path(row["path"]).name: row for row in corpus.read_table(out, "files").to_pylist()}
    assert files["good.txt"]["status"] == "parsed"
    expected = {
        "bomb.docx": "LimitExceededError",
        "external.docx": "UnsafeContentError",
        "laughs.html": "UnsafeContentError",
        "nested.html": "LimitExceededError",
    }
    for name, error in expected.items():
        assert files[name]["status"] == "failed", files[name]
        assert files[name]["error_type"] == error, files[name]
    assert summary.failed == len(expected)
    actions = corpus.read_table(out, "actions").to_pylist()
    assert len(actions) == 206  # the good plan's items, all of them
    for written in out.rglob("*"):
        if written.is_file():
            assert SECRET.encode() not in written.read_bytes(), written
