"""decode_text: encodings detected from the bytes, text returned exactly as written."""
from __future__ import annotations

import codecs
import random

import pytest

from extract.decode import decode_text, plausibility
from honours.errors import ReadError

NEWS = "广东省总工会授予李明“广东省五一劳动奖章”。他带领班组攻克多项技术难题，\n被誉为“羊城工匠”。"
NEWS_TRAD = "廣東省總工會舉辦職工技能競賽，全省一千多名職工參加。\n李明獲得“廣東省五一勞動獎章”。"
NEWS_GB18030_ONLY = "吉林省总工会表彰王𠮷同志，䶮字辈的老师傅也获得“五一劳动奖章”。"


def _high_bytes(n: int) -> bytes:
    """Random bytes 0x80-0xFF: no encoding makes text of them."""
    rng = random.Random(3)
    return bytes(rng.randrange(0x80, 0x100) for _ in range(n))


def test_decode_text_utf8() -> None:
    assert decode_text(NEWS.encode("utf-8"), "a.txt") == (NEWS, "utf-8")


def test_decode_text_utf8_bom_is_stripped() -> None:
    text, encoding = decode_text(codecs.BOM_UTF8 + NEWS.encode("utf-8"), "a.txt")
    assert (text, encoding) == (NEWS, "utf-8-sig")


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_decode_text_bom_decides_utf16_and_utf32(bom: bytes, codec: str) -> None:
    assert decode_text(bom + NEWS.encode(codec), "a.txt") == (NEWS, codec)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decode_text_utf16_without_bom_from_nul_pattern(codec: str) -> None:
    text = "2025年11月20日\r\n" + NEWS
    assert decode_text(text.encode(codec), "a.txt") == (text, codec)


def test_decode_text_gb18030_beyond_gbk() -> None:
    with pytest.raises(UnicodeEncodeError):
        NEWS_GB18030_ONLY.encode("gbk")  # the test needs characters GBK lacks
    data = NEWS_GB18030_ONLY.encode("gb18030")
    assert decode_text(data, "a.txt") == (NEWS_GB18030_ONLY, "gb18030")


@pytest.mark.parametrize("codec", ["gbk", "gb2312"])
def test_decode_text_gbk_range_reported_as_gb18030(codec: str) -> None:
    assert decode_text(NEWS.encode(codec), "a.txt") == (NEWS, "gb18030")


def test_decode_text_big5_traditional() -> None:
    assert decode_text(NEWS_TRAD.encode("big5"), "a.txt") == (NEWS_TRAD, "big5")


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("广东省总工会举办职工技能竞赛。", "gb18030"),
        ("廣東省總工會舉辦職工技能競賽。", "gb18030"),
        ("廣東省總工會舉辦職工技能競賽。", "big5"),
        ("李明獲獎。", "big5"),
        ("李明获奖。", "gb18030"),
    ],
)
def test_decode_text_short_gb18030_and_big5_told_apart(text: str, codec: str) -> None:
    assert decode_text(text.encode(codec), "a.txt") == (text, codec)


def test_decode_text_keeps_newlines_and_characters_as_written() -> None:
    text = "第一行\r\n第二行\r第三行\n全角ＡＢＣ１２３　e\u0301"
    assert decode_text(text.encode("utf-8"), "a.txt")[0] == text
    assert decode_text(text.encode("utf-16"), "a.txt")[0] == text


def test_decode_text_tolerates_a_truncated_last_character() -> None:
    text, encoding = decode_text((NEWS * 3).encode("gb18030")[:-1], "a.txt")
    assert encoding == "gb18030"
    assert text.startswith(NEWS) and text.endswith("\ufffd")


def test_decode_text_other_encodings_via_detector() -> None:
    text = "Профсоюзы провели съезд в Москве. Делегаты обсудили вопросы труда и зарплаты рабочих на заводах."
    decoded, encoding = decode_text(text.encode("cp1251"), "a.txt")
    assert decoded == text
    assert encoding == "cp1251"


def test_plausibility_separates_right_and_wrong_decodings() -> None:
    data = NEWS_TRAD.encode("big5")
    assert plausibility(data.decode("big5")) == 1.0
    assert plausibility(data.decode("gb18030")) < 0.5


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \r\n\t\n ", "empty"),
        ("\u3000\n".encode("utf-16"), "empty"),
        (codecs.BOM_UTF8, "empty"),
        (random.Random(7).randbytes(4096) + b"\x00\x00\x01", "binary"),
        (b"%PNG\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
        (bytes(range(1, 32)) * 40, "binary"),
        (_high_bytes(600), "decoded"),
    ],
    ids=["0-bytes", "whitespace", "utf16-whitespace", "bom-only", "random", "nul", "controls", "undecodable"],
)
def test_decode_text_bad_input_raises_read_error_naming_file(data: bytes, reason: str) -> None:
    with pytest.raises(ReadError) as caught:
        decode_text(data, "inbox/报告.txt")
    assert "inbox/报告.txt" in str(caught.value)
    assert reason in str(caught.value)
