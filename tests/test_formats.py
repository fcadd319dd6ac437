"""load_source: each supported format read from real files; every bad input a ReadError."""
from __future__ import annotations

import io
import os
import random
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from extract.formats import SUPPORTED_SUFFIXES, _plain_text, load_source
from honours.errors import ReadError

PAGE_1 = "广东省总工会授予李明“广东省五一劳动奖章”。"
PAGE_2 = "李明带领班组攻克多项技术难题。"
BODY_1 = "近日，广东省总工会召开表彰大会，授予李明“广东省五一劳动奖章”。"
BODY_2 = "李明是广州电缆有限公司的高级技师，带领班组攻克多项技术难题。"
HTML = f"""<!DOCTYPE html>
<html><head><meta charset="gb2312"><title>工会新闻</title></head>
<body>
<nav class="top-nav"><ul><li><a href="/">网站首页</a></li><li><a href="/news">工会要闻</a></li></ul></nav>
<div id="sidebar"><h3>热点排行</h3><ul><li><a href="/1">职工书屋开放时间调整</a></li></ul></div>
<article><h1>广东省总工会表彰一批先进个人</h1>
<p>{BODY_1}</p>
<p>{BODY_2}</p>
<p>会议强调，各级工会要大力弘扬劳模精神、劳动精神、工匠精神，推动产业工人队伍建设改革走深走实。</p>
</article>
<footer><p>版权所有 © 广东省总工会 粤ICP备00000000号</p></footer>
</body></html>"""


def _pdf(*pages: str) -> bytes:
    """A PDF with one line of Chinese text on each page; no text at all if none given."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    sheet = canvas.Canvas(buffer)
    for line in pages or ("",):
        if line:
            sheet.setFont("STSong-Light", 14)
            sheet.drawString(72, 720, line)
        else:
            sheet.rect(72, 500, 300, 200, fill=1)
        sheet.showPage()
    sheet.save()
    return buffer.getvalue()


def _docx() -> bytes:
    """A Word document with two paragraphs and a 2x2 table of award winners."""
    document = docx.Document()
    document.add_paragraph(BODY_1)
    document.add_paragraph(BODY_2)
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [("姓名", "荣誉"), ("王芳", "广东省五一劳动奖章")]):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_supported_suffixes_cover_every_format() -> None:
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".text", ".md", ".pdf", ".html", ".htm", ".docx"}


@pytest.mark.parametrize("name", ["issue.txt", "issue.md", "issue.text", "ISSUE.TXT"])
def test_load_source_text_file_detects_encoding(tmp_path: Path, name: str) -> None:
    text = f"{BODY_1}\r\n{BODY_2}\n"
    source = load_source(_write(tmp_path, name, text.encode("gb18030")), shown=f"docs/{name}")
    assert (source.path, source.text, source.format, source.encoding) == (
        f"docs/{name}", text, "txt", "gb18030",
    )


def test_load_source_default_shown_is_path(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", BODY_1)
    assert load_source(path).path == str(path)


def test_load_source_pdf_pages_joined_by_form_feed(tmp_path: Path) -> None:
    source = load_source(_write(tmp_path, "issue.pdf", _pdf(PAGE_1, PAGE_2)))
    first, second = source.text.split("\f")
    assert (first.strip(), second.strip()) == (PAGE_1, PAGE_2)
    assert (source.format, source.encoding) == ("pdf", None)


def test_load_source_docx_paragraphs_then_table_cells(tmp_path: Path) -> None:
    source = load_source(_write(tmp_path, "report.docx", _docx()))
    assert source.text.split("\n") == [BODY_1, BODY_2, "姓名", "荣誉", "王芳", "广东省五一劳动奖章"]
    assert (source.format, source.encoding) == ("docx", None)


@pytest.mark.parametrize("name", ["news.html", "news.htm"])
def test_load_source_html_main_text_without_boilerplate(tmp_path: Path, name: str) -> None:
    source = load_source(_write(tmp_path, name, HTML.encode("gb18030")))
    lines = source.text.split("\n")
    assert BODY_1 in lines and BODY_2 in lines  # one paragraph a line
    for boilerplate in ("网站首页", "工会要闻", "热点排行", "职工书屋", "版权所有"):
        assert boilerplate not in source.text
    assert (source.format, source.encoding) == ("html", "gb18030")


def test_load_source_html_without_declared_charset_is_detected(tmp_path: Path) -> None:
    page = (
        "<html><body><article><h1>職工技能競賽</h1>"
        "<p>廣東省總工會舉辦職工技能競賽，全省一千多名職工參加。</p></article></body></html>"
    )
    source = load_source(_write(tmp_path, "news.html", page.encode("big5")))
    assert source.encoding == "big5"
    assert "廣東省總工會舉辦職工技能競賽，全省一千多名職工參加。" in source.text.split("\n")


def test_plain_text_drops_boilerplate_keeps_paragraph_lines() -> None:
    text = _plain_text(HTML)
    assert BODY_1 in text.split("\n") and BODY_2 in text.split("\n")
    assert "网站首页" not in text and "热点排行" not in text and "版权所有" not in text


def _bad_inputs() -> dict[str, bytes]:
    pdf = _pdf(PAGE_1, PAGE_2)
    rng = random.Random(11)
    only_xlsx = io.BytesIO()
    with zipfile.ZipFile(only_xlsx, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    encrypted = io.BytesIO()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt("secret", algorithm="RC4-128")
    writer.write(encrypted)
    return {
        "empty.txt": b"",
        "blank.txt": b" \n\r\n\t  \n",
        "noise.txt": rng.randbytes(4096) + b"\x00\x00",
        "table.xlsx": b"PK\x03\x04 not really",
        "scan.pdf": _pdf(),
        "truncated.pdf": pdf[: len(pdf) // 2],
        "garbled.pdf": b"%PDF-1.4\n" + rng.randbytes(2000) + b"\n%%EOF\n",
        "locked.pdf": encrypted.getvalue(),
        "notes.pdf": BODY_1.encode("utf-8"),
        "notes.docx": BODY_1.encode("utf-8"),
        "sheet.docx": only_xlsx.getvalue(),
        "cut.docx": _docx()[:3000],
        "scan.html": pdf,
        "empty.docx": b"",
    }


BAD_REASONS = {
    "empty.txt": "empty",
    "blank.txt": "empty",
    "noise.txt": "binary",
    "table.xlsx": "supported: .txt",
    "scan.pdf": "no text layer; scanned PDF? run OCR first",
    "truncated.pdf": "truncated",
    "garbled.pdf": "PDF",
    "locked.pdf": "encrypted",
    "notes.pdf": "is not a PDF (it looks like plain text)",
    "notes.docx": "is not a Word document (it looks like plain text)",
    "sheet.docx": "word/document.xml",
    "cut.docx": "corrupt or truncated",
    "scan.html": "is not an HTML page (it looks like a PDF)",
    "empty.docx": "empty",
}


@pytest.mark.parametrize("name", sorted(BAD_REASONS))
def test_load_source_bad_file_raises_read_error_naming_it(tmp_path: Path, name: str) -> None:
    path = _write(tmp_path, name, _bad_inputs()[name])
    with pytest.raises(ReadError) as caught:
        load_source(path, shown=f"inbox/{name}")
    assert f"inbox/{name}" in str(caught.value)
    assert BAD_REASONS[name] in str(caught.value)


def test_load_source_missing_path_raises_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file") as caught:
        load_source(tmp_path / "gone.txt", shown="gone.txt")
    assert "gone.txt" in str(caught.value)


def test_load_source_directory_raises_read_error(tmp_path: Path) -> None:
    folder = tmp_path / "issues.txt"
    folder.mkdir()
    with pytest.raises(ReadError, match="is a directory") as caught:
        load_source(folder)
    assert str(folder) in str(caught.value)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any file")
def test_load_source_unreadable_file_raises_read_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "secret.txt", BODY_1)
    path.chmod(0)
    with pytest.raises(ReadError, match="permission denied") as caught:
        load_source(path, shown="secret.txt")
    assert "secret.txt" in str(caught.value)


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
def test_load_source_damaged_files_raise_only_read_error(tmp_path: Path, suffix: str) -> None:
    rng = random.Random(suffix)
    originals = [_pdf(PAGE_1, PAGE_2), _docx(), HTML.encode("utf-8")]
    for number, original in enumerate(originals * 4):
        data = bytearray(original)
        for _ in range(20):
            data[rng.randrange(len(data))] = rng.randrange(256)
        data = data[: rng.randrange(1, len(data) + 1)]
        path = _write(tmp_path, f"damaged{number}{suffix}", bytes(data))
        try:
            load_source(path)
        except ReadError as error:
            assert str(path) in str(error)
