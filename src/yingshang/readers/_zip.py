"""Open a zip (a .docx) within the limits: member count and inflated size, headers not trusted."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from ..errors import ReadError, UnsafeContentError
from ._limits import Limits, check

__all__ = ["safe_zip"]

# Members a reader of the text never needs: their place is kept (the package's relationships
# name them) but their bytes are not inflated.
_UNREAD = ("word/media/", "word/embeddings/", "word/fonts/", "docProps/thumbnail")
_END_OF_DIRECTORY = b"PK\x05\x06"
_CHUNK = 1 << 20


def _declared_members(data: bytes) -> int | None:
    # The end-of-central-directory record (within the last 64 kB) counts the members: read it
    # before zipfile builds an object per member.
    at = data.rfind(_END_OF_DIRECTORY, max(0, len(data) - 65_557))
    if at == -1 or at + 22 > len(data):
        return None
    count: int = struct.unpack_from("<H", data, at + 10)[0]
    return None if count == 0xFFFF else count  # 0xFFFF: a zip64 count, checked below


def _refuse_doctype(name: str, content: bytes, path: str | None) -> None:
    # Office XML never declares a DTD: one here can only be an entity expansion (billion laughs)
    # or an external entity (a local file), so the part is refused before any parser sees it.
    if b"<!DOCTYPE" in content or b"<!ENTITY" in content:
        raise UnsafeContentError(
            f"{name} declares a DTD or entities (<!DOCTYPE/<!ENTITY), which a Word document "
            "never holds; it is not read",
            path,
        )


def safe_zip(data: bytes, limits: Limits, path: str | None) -> bytes:
    """Return the zip `data` rewritten uncompressed, every member read within `limits`.

    The members' count and inflated sizes are checked against the zip's headers first, then
    counted again while inflating (a header may lie). Media members are kept empty. XML members
    declaring a DTD are refused (`UnsafeContentError`).
    """
    declared = _declared_members(data)
    if declared is not None:
        check(limits, "max_zip_members", declared, "{} zip members", path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, struct.error) as problem:
        raise ReadError(f"a damaged zip file, not a Word document ({problem})", path) from None
    members = archive.infolist()
    check(limits, "max_zip_members", len(members), "{} zip members", path)
    wanted = [m for m in members if not m.is_dir() and not m.filename.startswith(_UNREAD)]
    check(
        limits,
        "max_unzipped_bytes",
        sum(m.file_size for m in wanted),
        "zip members inflating to {} bytes by their headers",
        path,
    )
    output = io.BytesIO()
    total = 0
    with zipfile.ZipFile(output, "w", zipfile.ZIP_STORED) as rewritten:
        for member in members:
            if member.is_dir():
                continue
            if member not in wanted:
                rewritten.writestr(member.filename, b"")
                continue
            chunks: list[bytes] = []
            try:
                with archive.open(member) as stream:
                    while chunk := stream.read(_CHUNK):
                        total += len(chunk)
                        check(
                            limits,
                            "max_unzipped_bytes",
                            total,
                            "zip members inflating to at least {} bytes",
                            path,
                        )
                        chunks.append(chunk)
            except (
                zipfile.BadZipFile, EOFError, OSError, RuntimeError, NotImplementedError, zlib.error
            ) as problem:
                reason = f"a damaged zip member {member.filename} ({problem})"
                raise ReadError(reason, path) from None
            content = b"".join(chunks)
            if member.filename.endswith((".xml", ".rels")):
                _refuse_doctype(member.filename, content, path)
            rewritten.writestr(member.filename, content)
    return output.getvalue()
