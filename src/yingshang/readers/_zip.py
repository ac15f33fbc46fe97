"""Open a zip (a .docx) within the limits: member count and inflated size, headers not trusted."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from ..errors import ReadError, UnsafeContentError
from ._limits import Limits, check

__all__ = ["SafeZip"]

# Members a reader of the text never needs (pictures, embedded files, fonts): not inflated, and
# not counted against the limit.
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


class SafeZip:
    """A zip whose members are read within `limits`.

    The members' count and inflated sizes are checked against the zip's headers on opening,
    then counted again while inflating (a header may lie). XML members declaring a DTD are
    refused (`UnsafeContentError`).
    """

    def __init__(self, data: bytes, limits: Limits, path: str | None) -> None:
        self.limits = limits
        self.path = path
        self._inflated = 0
        declared = _declared_members(data)
        if declared is not None:
            check(limits, "max_zip_members", declared, "{} zip members", path)
        try:
            self._archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, ValueError, EOFError, struct.error) as problem:
            raise ReadError(f"a damaged zip file, not a Word document ({problem})", path) from None
        members = self._archive.infolist()
        check(limits, "max_zip_members", len(members), "{} zip members", path)
        check(
            limits,
            "max_unzipped_bytes",
            sum(m.file_size for m in members if not m.filename.startswith(_UNREAD)),
            "zip members inflating to {} bytes by their headers",
            path,
        )
        self._names = {m.filename for m in members}

    def read(self, name: str) -> bytes | None:
        """Return the inflated member `name`, or None when the zip has none of that name."""
        if name not in self._names:
            return None
        chunks: list[bytes] = []
        try:
            with self._archive.open(name) as stream:
                while chunk := stream.read(_CHUNK):
                    self._inflated += len(chunk)
                    check(
                        self.limits,
                        "max_unzipped_bytes",
                        self._inflated,
                        "zip members inflating to at least {} bytes",
                        self.path,
                    )
                    chunks.append(chunk)
        except (
            zipfile.BadZipFile,
            EOFError,
            OSError,
            RuntimeError,
            NotImplementedError,
            zlib.error,
        ) as problem:
            raise ReadError(f"a damaged zip member {name} ({problem})", self.path) from None
        content = b"".join(chunks)
        if name.endswith((".xml", ".rels")) and (b"<!DOCTYPE" in content or b"<!ENTITY" in content):
            # Office XML never declares a DTD: one can only be an entity expansion (billion
            # laughs) or an external entity (a local file), so no parser sees the part.
            raise UnsafeContentError(
                f"{name} declares a DTD or entities (<!DOCTYPE/<!ENTITY), which a Word document "
                "never holds; it is not read",
                self.path,
            )
        return content
