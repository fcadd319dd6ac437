"""Uploads from the browser: the size limit, and the checks an upload passes before it is read.

The limit is ``MAX_UPLOAD_MB`` megabytes per file unless ``HONOURS_MAX_UPLOAD_MB`` (set by
``honours app --max-upload-mb N``) says otherwise; the same number goes to Streamlit's
``server.maxUploadSize`` so the browser refuses bigger files before sending them.

>>> check_upload("江门表彰.txt", "李明获得五一劳动奖章。".encode())
'江门表彰.txt'
"""
from __future__ import annotations

import math
import os
import re
from pathlib import PurePosixPath

from extract.formats import SUPPORTED_SUFFIXES
from honours.errors import HonoursError, ReadError

MAX_UPLOAD_MB = 20
ENV_MAX_UPLOAD = "HONOURS_MAX_UPLOAD_MB"
MB = 1024 * 1024  # Streamlit's megabyte (server.maxUploadSize)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Browsers send a file name in multipart form data with " as %22 and line breaks as %0A/%0D
# (HTML's form-data encoding); Streamlit passes it on as sent.
_FORM_ESCAPES = (("%22", '"'), ("%0A", ""), ("%0D", ""))


def max_upload_mb() -> int:
    """The per-file upload limit in megabytes: ``HONOURS_MAX_UPLOAD_MB`` or ``MAX_UPLOAD_MB``."""
    value = os.environ.get(ENV_MAX_UPLOAD, "").strip()
    if not value:
        return MAX_UPLOAD_MB
    if not value.isdigit() or int(value) < 1:
        raise HonoursError(f"{ENV_MAX_UPLOAD} must be a whole number of megabytes ≥ 1, not {value!r}")
    return int(value)


def upload_name(name: str) -> str:
    """The name an upload is known by: its last path part, as the user's browser showed it."""
    for escaped, char in _FORM_ESCAPES:
        name = name.replace(escaped, char)
    cleaned = _CONTROL.sub("", name.replace("\\", "/").rsplit("/", 1)[-1]).strip()
    if not cleaned:
        raise ReadError(f"an upload has no usable file name ({name!r})")
    return cleaned


def check_upload(name: str, data: bytes, *, limit_mb: int | None = None) -> str:
    """The upload's clean name; ``ReadError`` naming it when it is too big, empty or of a kind not read."""
    shown = upload_name(name)
    limit = max_upload_mb() if limit_mb is None else limit_mb
    if len(data) > limit * MB:
        size = math.ceil(len(data) / MB * 10) / 10  # rounded up: never "20.0 MB" for a file over 20 MB
        raise ReadError(f"{shown} is too big ({size:.1f} MB); uploads are limited to {limit} MB")
    suffix = PurePosixPath(shown).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(f"{shown}: unsupported file type {suffix or '(no suffix)'}; "
                        f"supported: {', '.join(SUPPORTED_SUFFIXES)}")
    if not data:
        raise ReadError(f"{shown} is empty (0 bytes)")
    return shown
