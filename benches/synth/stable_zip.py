"""Make a saved xlsx/ods byte-reproducible: fixed zip timestamps and fixed created/modified dates."""

import io
import re
import zipfile

_FIXED = (2024, 1, 1, 0, 0, 0)
_STAMP = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z?")
_META = ("docProps/core.xml", "meta.xml")


def stabilise(data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename in _META:
                body = _STAMP.sub(b"2024-01-01T00:00:00Z", body)
            fixed = zipfile.ZipInfo(info.filename, date_time=_FIXED)
            fixed.compress_type = info.compress_type
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, body)
    return out.getvalue()


def save_stable(path: str, saver) -> None:
    """saver(file_like) writes the workbook; the result lands at path with stable bytes."""
    buf = io.BytesIO()
    saver(buf)
    with open(path, "wb") as fh:
        fh.write(stabilise(buf.getvalue()))
