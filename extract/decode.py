"""Turn the bytes of a text file into a string, detecting the encoding, never assuming it.

Order of evidence: a byte-order mark; strict UTF-8; UTF-16 without a BOM (its NUL-byte
pattern); then the Chinese legacy encodings GB18030 and BIG5, told apart by how plausible
each decoding is as Chinese text; charset-normalizer only as a last resort. The text is
returned as decoded: newlines are not translated and characters are not normalised,
because evidence offsets point into this exact string (a BOM is not part of the text).

>>> decode_text("广东省总工会授予李明“广东省五一劳动奖章”。".encode("gb18030"), "a.txt")
('广东省总工会授予李明“广东省五一劳动奖章”。', 'gb18030')
"""
from __future__ import annotations

import codecs
import unicodedata

from honours.errors import ReadError

# UTF-32 LE's BOM starts with UTF-16 LE's, so the longer marks are tried first.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Chinese legacy encodings, in order of preference when equally plausible. GB18030 is a
# superset of GBK and GB2312, so it is the only mainland one; cp950 is BIG5 plus the
# vendor extensions Windows writes.
_CJK_LEGACY: tuple[str, ...] = ("gb18030", "big5", "cp950")
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "hz": "gb18030"}
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")
_MAX_CONTROL_SHARE = 0.05  # more control characters than this: a binary file
_MIN_PLAUSIBILITY = 0.5  # share of common characters a CJK decoding must reach
_MIN_DAMAGED = 0.9  # the same, for a decoding with a few bad bytes replaced


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode a text file's bytes; return ``(text, encoding)`` or raise ``ReadError``.

    ``name`` is the file as the user gave it, used in error messages.
    """
    if not data:
        raise ReadError(f"{name} is empty (0 bytes)")
    text, encoding = _decode(data, name)
    if not text.strip():
        raise ReadError(f"{name} is empty (only whitespace)")
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise ReadError(f"{name} looks like a binary file, not text (control bytes)")
    return text, encoding


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """Try each kind of evidence in turn; the first that holds decides."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], encoding.removesuffix("-sig"), name), encoding
    if b"\x00" in data:
        return _decode_utf16_without_bom(data, name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data, name)


def _strict(data: bytes, encoding: str, name: str) -> str:
    """Decode strictly, turning a failure into a ``ReadError`` naming the file."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ReadError(f"{name} is not valid {encoding} (byte {error.start})") from error


def _decode_utf16_without_bom(data: bytes, name: str) -> tuple[str, str]:
    """Decode data with NUL bytes as UTF-16 if the NULs fall on one side of each pair."""
    encoding = _utf16_order(data)
    if encoding is None:
        raise ReadError(f"{name} looks like a binary file, not text (NUL bytes)")
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as error:
        raise ReadError(f"{name} looks like a binary file, not text (NUL bytes)") from error


def _utf16_order(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NULs sit almost only at odd/even offsets, else None."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if odd >= 2 and even <= odd // 10:
        return "utf-16-le"
    if even >= 2 and odd <= even // 10:
        return "utf-16-be"
    return None


def _decode_legacy(data: bytes, name: str) -> tuple[str, str]:
    """The most plausible Chinese decoding, strict, then tolerating a few bad bytes.

    Files in other encodings (cp1252, Shift-JIS, ...) are left to charset-normalizer.
    """
    found = _most_plausible(data, _CJK_LEGACY, "strict", _MIN_PLAUSIBILITY)
    found = found or _most_plausible(data, ("utf-8", *_CJK_LEGACY), "replace", _MIN_DAMAGED)
    return found or _decode_by_detector(data, name)


def _most_plausible(
    data: bytes, encodings: tuple[str, ...], errors: str, threshold: float
) -> tuple[str, str] | None:
    """The decoding that looks most like Chinese, if it reaches ``threshold``.

    With ``errors="replace"``, decodings with more than one bad sequence per thousand
    characters are not considered; equally plausible ones go to the earlier encoding.
    """
    best: tuple[float, int, str, str] | None = None
    for rank, encoding in enumerate(encodings):
        try:
            text = data.decode(encoding, errors)
        except UnicodeDecodeError:
            continue
        if text.count("\ufffd") > max(1, len(text) // 1000):
            continue
        candidate = (plausibility(text), -rank, text, encoding)
        best = candidate if best is None or candidate > best else best
    if best is None or best[0] < threshold:
        return None
    return best[2], best[3]


def _decode_by_detector(data: bytes, name: str) -> tuple[str, str]:
    """charset-normalizer's best guess, for files in no encoding tried so far."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception as error:  # the detector must not leak its own errors
        raise ReadError(f"{name} could not be decoded ({error})") from error
    # UTF-16/32 without NUL bytes is a wrong guess (seen on short GB18030 text).
    if best is None or best.encoding.startswith(("utf_16", "utf_32")):
        raise ReadError(f"{name} could not be decoded: not UTF-8, UTF-16, GB18030 or BIG5")
    encoding = _ALIASES.get(best.encoding, best.encoding)
    return _strict(data, encoding, name), encoding


def plausibility(text: str) -> float:
    """Share of non-ASCII characters that are common Chinese characters or punctuation.

    Right decodings of Chinese text score near 1; GB18030 bytes read as BIG5 (or the
    reverse) give rare characters, kana, Cyrillic or private-use code points instead.

    >>> plausibility("廣東省總工會舉辦職工技能競賽")
    1.0
    """
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return 1.0
    return sum(_is_common(ch) for ch in wide) / len(wide)


def _is_common(ch: str) -> bool:
    """In GB2312's level-1 characters or symbols, or in BIG5's common characters or symbols."""
    return _in_rows(ch, "gb2312", (0xA1A1, 0xA3FE), (0xB0A1, 0xD7F9)) or _in_rows(
        ch, "big5", (0xA140, 0xA3BF), (0xA440, 0xC67E)
    )


def _in_rows(ch: str, encoding: str, *ranges: tuple[int, int]) -> bool:
    """Whether ``ch`` encodes, in ``encoding``, to a two-byte code within one of ``ranges``."""
    try:
        code = int.from_bytes(ch.encode(encoding), "big")
    except UnicodeEncodeError:
        return False
    return any(low <= code <= high for low, high in ranges)


def _control_share(text: str) -> float:
    """Share of characters that are control characters other than the usual whitespace."""
    controls = sum(
        1 for ch in text if ch not in _TEXT_CONTROLS and unicodedata.category(ch) == "Cc"
    )
    return controls / len(text)
