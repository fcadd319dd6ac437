"""Read a file on disk into a ``Source``: its text as decoded, before any repair.

The suffix chooses the reader (``.txt``/``.md``/``.text``, ``.pdf``, ``.html``/``.htm``,
``.docx``); the first bytes must agree with it. Every problem, whatever library it comes
from, becomes a ``ReadError`` whose message names the file as the user gave it.

>>> load_source(Path("issue.txt")).format  # doctest: +SKIP
'txt'
"""
from __future__ import annotations

import codecs
import io
import logging
import re
import stat
import warnings
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from extract.decode import decode_text
from extract.document import Source
from honours.errors import ReadError

if TYPE_CHECKING:
    from pypdf import PdfReader

Reader = Callable[[bytes, str], tuple[str, str | None]]


@dataclass(frozen=True)
class _Format:
    """How to read one kind of file."""

    name: str  # Source.format
    kind: str  # what the first bytes must look like (see _MAGIC; "text" for none)
    label: str  # for messages: "x.pdf is not a PDF"
    read: Reader


# Leading bytes of formats we recognise, whatever the suffix says.
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "pdf", "a PDF"),
    (b"PK\x03\x04", "zip", "a ZIP archive"),
    (b"PK\x05\x06", "zip", "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole", "an old Office document (.doc/.xls)"),
    (b"{\\rtf", "rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "image", "a PNG image"),
    (b"\xff\xd8\xff", "image", "a JPEG image"),
    (b"GIF8", "image", "a GIF image"),
    (b"\x1f\x8b", "gzip", "a gzip archive"),
)
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I)
_HTML_START = re.compile(r"<(!doctype\s+html|html|head|body)\b", re.I)
# As browsers do: GB2312/GBK mean GB18030, Latin-1/ASCII mean windows-1252, and a
# page that says UTF-16 in a <meta> tag (so it is readable as ASCII) is UTF-8.
_CHARSET_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
    "iso8859-1": "cp1252", "ascii": "cp1252",
    "utf-16": "utf-8", "utf-16-le": "utf-8", "utf-16-be": "utf-8",
}


def load_source(path: Path, shown: str | None = None) -> Source:
    """Read ``path`` into a ``Source``; raise ``ReadError`` for anything unreadable.

    ``shown`` is the path as the user typed it; it goes into messages and ``Source.path``.
    """
    shown = str(path) if shown is None else shown
    _check_regular_file(path, shown)
    fmt = _format_for(path, shown)
    data = _read_bytes(path, shown)
    _check_not_empty(data, shown)
    _check_kind(data, fmt, shown)
    text, encoding = fmt.read(data, shown)
    if not text.strip():
        raise ReadError(f"{shown} contains no text")
    return Source(path=shown, text=text, format=fmt.name, encoding=encoding)


def _check_regular_file(path: Path, shown: str) -> None:
    """Refuse missing paths, directories and special files, naming the path."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError as error:
        raise ReadError(f"{shown}: no such file") from error
    except PermissionError as error:
        raise ReadError(f"{shown}: permission denied") from error
    except (OSError, ValueError) as error:
        raise ReadError(f"{shown}: cannot open ({_reason(error)})") from error
    if stat.S_ISDIR(mode):
        raise ReadError(f"{shown} is a directory, not a file")
    if not stat.S_ISREG(mode):
        raise ReadError(f"{shown} is not a regular file")


def _format_for(path: Path, shown: str) -> _Format:
    """The reader for the path's suffix, or a ``ReadError`` listing the supported ones."""
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        suffix = path.suffix or "(no suffix)"
        supported = ", ".join(SUPPORTED_SUFFIXES)
        raise ReadError(f"{shown}: unsupported file type {suffix}; supported: {supported}")
    return fmt


def _read_bytes(path: Path, shown: str) -> bytes:
    """The file's bytes; OS errors become ``ReadError``."""
    try:
        return path.read_bytes()
    except PermissionError as error:
        raise ReadError(f"{shown}: permission denied") from error
    except OSError as error:
        raise ReadError(f"{shown}: cannot read ({_reason(error)})") from error


def _check_not_empty(data: bytes, shown: str) -> None:
    """Refuse empty and whitespace-only files, whatever their format."""
    if not data:
        raise ReadError(f"{shown} is empty (0 bytes)")
    if not data.strip():
        raise ReadError(f"{shown} is empty (only whitespace)")


def _check_kind(data: bytes, fmt: _Format, shown: str) -> None:
    """Refuse a file whose first bytes say it is not what its suffix says."""
    kind, label = _magic(data)
    if kind != fmt.kind:
        seen = label or _describe_text(data, shown)
        raise ReadError(f"{shown} is not {fmt.label} (it looks like {seen})")


def _magic(data: bytes) -> tuple[str, str | None]:
    """The kind and description of the file's magic bytes, or ``("text", None)``."""
    head = data.lstrip()[:16]
    for magic, kind, label in _MAGIC:
        if head.startswith(magic):
            return kind, label
    return "text", None


def _describe_text(data: bytes, shown: str) -> str:
    """What a file without magic bytes looks like: "an HTML page", "plain text" or binary."""
    try:
        text, _ = decode_text(data, shown)
    except ReadError:
        return "binary data"
    return "an HTML page" if _HTML_START.search(text[:4096]) else "plain text"


def _reason(error: BaseException) -> str:
    """A library error in one short line: its message, or its type when it has none."""
    message = " ".join(str(getattr(error, "strerror", None) or error).split())
    return message[:200] or type(error).__name__


@contextmanager
def _quiet(*loggers: str) -> Iterator[None]:
    """Silence warnings and the named libraries' log output inside the block."""
    saved = [(logging.getLogger(name), logging.getLogger(name).level) for name in loggers]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for logger, _ in saved:
            logger.setLevel(logging.CRITICAL + 1)
        try:
            yield
        finally:
            for logger, level in saved:
                logger.setLevel(level)


# --- PDF ---------------------------------------------------------------------------


def _read_pdf(data: bytes, shown: str) -> tuple[str, None]:
    """The PDF's text layer, one page after another, pages separated by a form feed."""
    if b"%%EOF" not in data:
        raise ReadError(f"{shown} is a truncated PDF (no end-of-file marker)")
    from pypdf import PdfReader

    with _quiet("pypdf"):
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            _unlock(reader, shown)
            pages = [page.extract_text() or "" for page in reader.pages]
        except ReadError:
            raise
        except Exception as error:  # pypdf raises many types on damaged files
            raise ReadError(f"{shown} is a corrupt PDF ({_reason(error)})") from error
    if not any(page.strip() for page in pages):
        raise ReadError(f"{shown} has no text layer; scanned PDF? run OCR first")
    return "\f".join(pages), None


def _unlock(reader: PdfReader, shown: str) -> None:
    """Open an encrypted PDF with the empty password, or refuse it."""
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")
    except Exception as error:  # e.g. AES without a crypto library
        raise ReadError(f"{shown} is an encrypted PDF that cannot be opened ({_reason(error)})") from error
    if not opened:
        raise ReadError(f"{shown} is an encrypted PDF; it needs a password")


# --- HTML --------------------------------------------------------------------------


def _read_html(data: bytes, shown: str) -> tuple[str, str]:
    """The page's main text (no navigation, sidebars or footer), one paragraph a line."""
    markup, encoding = _decode_html(data, shown)
    return _main_text(markup) or _plain_text(markup), encoding


def _decode_html(data: bytes, shown: str) -> tuple[str, str]:
    """Decode with the charset the page declares, if it is right; else detect it."""
    declared = _declared_charset(data)
    if declared and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    return decode_text(data, shown)


def _declared_charset(data: bytes) -> str | None:
    """The charset named by a ``<meta>`` tag or XML declaration, if Python knows it."""
    head = data[:4096]
    match = _DECLARED_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    try:
        name = codecs.lookup(_CHARSET_ALIASES.get(name, name)).name
    except LookupError:
        return None
    return _CHARSET_ALIASES.get(name, name)


def _main_text(markup: str) -> str:
    """trafilatura's main-text extraction, favouring recall; "" if unavailable or empty."""
    trafilatura = _trafilatura()
    if trafilatura is None:
        return ""
    with _quiet("trafilatura", "htmldate", "courlan", "justext"):
        try:
            text = trafilatura.extract(
                markup, favor_recall=True, include_comments=False, include_tables=True,
                output_format="txt", deduplicate=False,
            )
        except Exception:  # a crash in the extractor leaves the plain dump
            return ""
    return text or ""


@lru_cache(maxsize=1)
def _trafilatura() -> ModuleType | None:
    """The trafilatura module, or None when it (or lxml's cleaner it needs) is missing."""
    try:
        import trafilatura
    except Exception:  # ImportError: lxml_html_clean is a separate package since lxml 5.2
        return None
    return trafilatura


# Elements whose text is never article text, and class/id/role words that mark boilerplate.
_SKIP_TAGS = frozenset(
    "head script style noscript template nav header footer aside form button select svg iframe".split()
)
_SKIP_ROLES = frozenset("navigation banner contentinfo complementary search menu menubar".split())
_BOILERPLATE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|header|footer|sidebar|side|aside|breadcrumbs?"
    r"|banner|ads?|advert\w*|share|social|comments?|copyright|related|toolbar|pager|pagination"
    r"|login|search)(?:$|[\s_-])",
    re.I,
)
_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article main blockquote pre dd dt"
    " figcaption hr address".split()
)
_VOID_TAGS = frozenset("area base br col embed hr img input link meta source track wbr".split())


class _TextDump(HTMLParser):
    """Text of an HTML page without boilerplate elements, block elements on their own lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.stack: list[str] = []
        self.skip_depth: int | None = None  # stack depth of the element being skipped

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open an element: note it, and whether it starts a skipped block or a line."""
        if tag not in _VOID_TAGS:
            self.stack.append(tag)
            if self.skip_depth is None and _is_boilerplate(tag, dict(attrs)):
                self.skip_depth = len(self.stack)
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        """Close an element (and any left open inside it); a block ends a line."""
        if tag not in self.stack:
            return
        while self.stack.pop() != tag:
            pass
        if self.skip_depth is not None and len(self.stack) < self.skip_depth:
            self.skip_depth = None
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        """Keep the text of an element that is not skipped."""
        if self.skip_depth is None:
            self.parts.append(data)

    def text(self) -> str:
        """The page's text: one line per block, spaces collapsed, empty lines dropped."""
        lines = (" ".join(line.split()) for line in "".join(self.parts).split("\n"))
        return "\n".join(line for line in lines if line)


def _is_boilerplate(tag: str, attrs: dict[str, str | None]) -> bool:
    """Whether an element is navigation, header, footer, sidebar or hidden."""
    if tag in _SKIP_TAGS or "hidden" in attrs:
        return True
    if (attrs.get("role") or "").lower() in _SKIP_ROLES:
        return True
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    return bool(_BOILERPLATE.search(names))


def _plain_text(markup: str) -> str:
    """The page's text without boilerplate elements: the fallback when trafilatura has none."""
    parser = _TextDump()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # html.parser is lenient; keep whatever was read if it gives up
        pass
    return parser.text()


# --- DOCX --------------------------------------------------------------------------


def _read_docx(data: bytes, shown: str) -> tuple[str, None]:
    """Body paragraphs, then the tables' cell paragraphs, one paragraph a line."""
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        lines = [paragraph.text for paragraph in document.paragraphs]
        lines += _table_lines(document.tables)
    except Exception as error:  # python-docx, zipfile and lxml errors
        raise ReadError(f"{shown} is not a readable Word document ({_docx_problem(data, error)})") from error
    return "\n".join(lines), None


def _table_lines(tables: list) -> list[str]:
    """Non-empty paragraphs of every cell, row by row; merged cells once; nested tables too."""
    lines: list[str] = []
    for table in tables:
        seen: set = set()
        for row in table.rows:
            for cell in row.cells:
                if cell._tc in seen:
                    continue
                seen.add(cell._tc)
                lines += [p.text for p in cell.paragraphs if p.text.strip()]
                lines += _table_lines(cell.tables)
    return lines


def _docx_problem(data: bytes, error: Exception) -> str:
    """Say why a .docx could not be opened, in the user's terms."""
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except Exception:
        return "not a valid ZIP archive; corrupt or truncated?"
    if "word/document.xml" not in names:
        return "the archive has no word/document.xml"
    return _reason(error)


_TEXT = _Format("txt", "text", "a text file", decode_text)
_FORMATS: dict[str, _Format] = {
    ".txt": _TEXT,
    ".text": _TEXT,
    ".md": _TEXT,
    ".pdf": _Format("pdf", "pdf", "a PDF", _read_pdf),
    ".html": _Format("html", "text", "an HTML page", _read_html),
    ".htm": _Format("html", "text", "an HTML page", _read_html),
    ".docx": _Format("docx", "zip", "a Word document", _read_docx),
}
SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(_FORMATS)
