"""Old binary Word (.doc), WPS (.wps), RTF and OpenDocument files: converted by LibreOffice.

yingshang reads none of these itself. When LibreOffice's ``soffice`` is on PATH the file is
converted to .docx in a temporary folder and read as one; otherwise the error names the fix.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import UnsupportedFormatError
from ..model import Source
from ._limits import Limits

__all__ = ["read_legacy"]

_TIMEOUT_SECONDS = 120


def read_legacy(data: bytes, path: str | None, limits: Limits) -> Source:
    """Convert an old Word, WPS, RTF or OpenDocument file with LibreOffice and read the .docx.

    Raises `UnsupportedFormatError` naming the fix (save it as .docx) when ``soffice`` is not
    on PATH or the conversion fails.
    """
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    advice = (
        "an old binary Word (.doc), WPS (.wps), RTF or OpenDocument file: open it in Word or "
        "WPS and save it as .docx, or install LibreOffice (soffice) to convert it"
    )
    if soffice is None:
        raise UnsupportedFormatError(advice, path)
    from ._docx import read_docx

    with tempfile.TemporaryDirectory(prefix="yingshang-") as work:
        original = Path(work) / "plan.bin"
        original.write_bytes(data)
        try:
            subprocess.run(
                [soffice, "--headless", f"-env:UserInstallation=file://{work}/profile",
                 "--convert-to", "docx", "--outdir", work, str(original)],
                check=True, capture_output=True, timeout=_TIMEOUT_SECONDS,
            )  # fmt: skip
            converted = (Path(work) / "plan.docx").read_bytes()
        except (OSError, subprocess.SubprocessError):
            failed = f"{advice} (LibreOffice could not convert it)"
            raise UnsupportedFormatError(failed, path) from None
    source = read_docx(converted, path, limits)
    return Source(source.text, path, "docx (converted by LibreOffice)", None)
