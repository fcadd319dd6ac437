"""Upload and ingest in the app: the library (``viz/uploads.py``, ``viz/ingest.py``,
``viz/session.writable_store``) on a real LadybugDB in tmp_path with the real pipeline (LAC),
and the app's ingest view through Streamlit's AppTest (which drives ``st.file_uploader``).

The documents are short award news written for these tests (fictional people and companies).
"""
from __future__ import annotations

import re
import subprocess
import sys
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from extract.document import Skipped
from extract.facts import DocumentFacts
from graph import open_store
from honours.commands.app import app_environment, streamlit_command
from honours.errors import HonoursError, ReadError, StoreUnavailable
from viz.ingest import (IngestReport, counts_frame, extract_upload, extract_uploads, fact_counts, facts_frame,
                        report_text, skip_line, store_documents, stored_checksums)
from viz.session import ENV_DB, writable_store
from tests.conftest import assert_clean, started
from viz.text import literal
from viz.uploads import ENV_MAX_UPLOAD, MAX_UPLOAD_MB, MB, check_upload, max_upload_mb, upload_name

ROOT = Path(__file__).resolve().parent.parent

SHAOGUAN = ("韶关市总工会表彰劳动模范\n\n本报讯（记者 林晓）2024年4月28日，韶关市总工会召开庆祝“五一”国际劳动节大会，"
            "授予韶关市明远机械有限公司钳工周立新“韶关市五一劳动奖章”。\n")
QINGYUAN = ("清远市总工会表彰先进集体和个人\n\n本报讯 2023年4月27日，清远市总工会授予清远市恒安水务有限公司"
            "技术员欧阳青云“清远市五一劳动奖章”。\n")
QUOTED = '韶关 "五一" 表彰.txt'  # a name with quotes: it is the document's name in the store


def award_of(doc: DocumentFacts, person: str) -> dict:
    """The fields of the award fact whose recipient is ``person``."""
    found = [f.fields for f in doc.facts if f.type == "award" and f.fields["recipient"] == person]
    assert found, f"no award for {person} in {[f.fields for f in doc.facts]}"
    return found[0]


def person_count(db: Path, name: str) -> int:
    """How many Person nodes called ``name`` the store holds."""
    with open_store(db=db, read_only=True) as store:
        return store.query("MATCH (p:Person) WHERE p.name = $n RETURN count(p)", {"n": name}).rows[0][0]


@pytest.fixture(scope="module")
def extracted() -> dict[str, DocumentFacts]:
    """The two news items extracted from uploaded bytes: UTF-8 (quoted name) and GB18030."""
    items = {QUOTED: extract_upload(QUOTED, SHAOGUAN.encode("utf-8")),
             "清远表彰.txt": extract_upload("清远表彰.txt", QINGYUAN.encode("gb18030"))}
    for item in items.values():
        assert isinstance(item, DocumentFacts), item
    return items


@pytest.fixture
def busy_store(tmp_path: Path) -> Iterator[Path]:
    """A store held for writing by another process (as an `honours ingest` would)."""
    db = tmp_path / "busy"
    code = ("import sys, time; from graph import open_store; s = open_store(db=sys.argv[1]); "
            "print('ready', flush=True); time.sleep(120)")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        yield db
    finally:
        proc.kill()
        proc.wait(timeout=10)


# -- viz.uploads: the checks before reading ------------------------------------------------------
def test_uploads_limit_is_twenty_mb_unless_configured(monkeypatch):
    monkeypatch.delenv(ENV_MAX_UPLOAD, raising=False)
    assert max_upload_mb() == MAX_UPLOAD_MB == 20
    monkeypatch.setenv(ENV_MAX_UPLOAD, "5")
    assert max_upload_mb() == 5
    monkeypatch.setenv(ENV_MAX_UPLOAD, "lots")
    with pytest.raises(HonoursError, match=f"{ENV_MAX_UPLOAD}.*'lots'"):
        max_upload_mb()


def test_uploads_too_big_names_the_file_and_the_limit():
    with pytest.raises(ReadError, match=r"^\[E100\] 大文件\.txt is too big \(1\.1 MB\); uploads are limited to 1 MB$"):
        check_upload("大文件.txt", b"x" * (MB + 1), limit_mb=1)
    assert check_upload("大文件.txt", b"x" * MB, limit_mb=1) == "大文件.txt"  # exactly the limit is fine


def test_uploads_unsupported_type_names_the_file_and_the_supported_ones():
    with pytest.raises(ReadError, match=r"^\[E100\] 报告\.doc: unsupported file type \.doc; supported: \.txt.*\.docx"):
        check_upload("报告.doc", b"abc")
    with pytest.raises(ReadError, match=r"^\[E100\] README: unsupported file type \(no suffix\)"):
        check_upload("README", b"abc")


@pytest.mark.parametrize(("given", "shown"), [
    (QUOTED, QUOTED), ("C:\\Users\\李\\新闻.txt", "新闻.txt"), ("../../etc/新闻.txt", "新闻.txt"),
    ("报道\x00.txt", "报道.txt"), ("  新闻.txt ", "新闻.txt"),
    ('韶关 %22五一%22 表彰.txt', QUOTED),  # how a browser sends quotes in a multipart file name
])
def test_uploads_name_is_the_last_part_without_control_characters(given: str, shown: str):
    assert upload_name(given) == shown


@pytest.mark.parametrize("given", ["", "  ", "\x00", "dir/"])
def test_uploads_without_a_usable_name_are_refused(given: str):
    with pytest.raises(ReadError, match="no usable file name"):
        upload_name(given)


def test_literal_shows_a_file_name_as_written_in_markdown():
    import markdown_it

    name = "韶关_x*y* [1](2) #3.txt"
    rendered = markdown_it.MarkdownIt().renderInline(literal(name))
    assert rendered == name


# -- viz.ingest: extraction from uploaded bytes --------------------------------------------------
@pytest.mark.slow
def test_extract_upload_utf8_names_the_document_by_its_upload_name(extracted):
    doc = extracted[QUOTED]
    assert doc.doc == QUOTED
    assert {f.evidence.doc for f in doc.facts} == {QUOTED}  # not a temporary path
    award = award_of(doc, "周立新")
    assert award["honour"] == "韶关市五一劳动奖章" and award["year"] == 2024
    quote = next(f.evidence.quote for f in doc.facts if f.type == "award")
    assert "周立新" in quote
    start, end = next((f.evidence.start, f.evidence.end) for f in doc.facts if f.type == "award")
    assert "周立新" in SHAOGUAN[start:end]  # offsets point into the uploaded text


@pytest.mark.slow
def test_extract_upload_gb18030_is_decoded(extracted):
    doc = extracted["清远表彰.txt"]
    award = award_of(doc, "欧阳青云")
    assert award["honour"] == "清远市五一劳动奖章" and award["year"] == 2023
    assert doc.checksum == DocumentFacts.checksum_of(QINGYUAN)  # the decoded text, not the bytes


@pytest.mark.slow
@pytest.mark.parametrize(("name", "data", "reason"), [
    ("空.txt", b"", r"^空\.txt is empty \(0 bytes\)$"),
    ("空白.txt", b" \n\n \t", r"^空白\.txt is empty \(only whitespace\)$"),
    ("图片.txt", bytes(range(256)) * 4, r"^图片\.txt looks like a binary file"),
    ("坏.pdf", b"%PDF-1.4\n1 0 obj <<>> garbage", r"^坏\.pdf is a truncated PDF"),
    ("坏2.pdf", b"%PDF-1.4\n1 0 obj <<>> garbage\n%%EOF", r"^坏2\.pdf is a corrupt PDF"),
    ("假.docx", b"PK\x03\x04garbage", r"^假\.docx is not a readable Word document"),
    ("假.pdf", "这是纯文本。".encode(), r"^假\.pdf is not a PDF \(it looks like plain text\)"),
    ("报告.doc", b"abc", r"^报告\.doc: unsupported file type \.doc"),
    ('大"文件".txt', b"x" * (MB + 1), r'^大"文件"\.txt is too big'),
])
def test_extract_upload_bad_input_is_skipped_with_a_reason_naming_it(name: str, data: bytes, reason: str):
    item = extract_upload(name, data, limit_mb=1)
    assert isinstance(item, Skipped)
    assert item.path == name
    assert re.search(reason, item.reason), item.reason
    assert name in skip_line(item, "zh") and skip_line(item, "zh").startswith("未导入")


@pytest.mark.slow
def test_extract_uploads_reports_progress_in_order():
    seen = []
    items = extract_uploads([("a.txt", SHAOGUAN.encode()), ("b.doc", b"x")],
                            progress=lambda done, total, name: seen.append((done, total, name)))
    assert seen == [(1, 2, "a.txt"), (2, 2, "b.doc")]
    assert isinstance(items[0], DocumentFacts) and isinstance(items[1], Skipped)


# -- viz.ingest: preview -------------------------------------------------------------------------
@pytest.mark.slow
def test_preview_counts_by_type_with_ontology_labels(extracted):
    doc = extracted[QUOTED]
    counts = fact_counts(doc)
    assert list(counts)[:3] == ["person", "organisation", "award"]
    assert counts["award"] == sum(f.type == "award" for f in doc.facts) >= 1
    assert sum(counts.values()) == len(doc.facts)
    zh, en = counts_frame(doc, "zh"), counts_frame(doc, "en")
    assert zh.loc[0, "获奖"] == counts["award"] and zh.loc[0, "人物"] == counts["person"]
    assert en.loc[0, "Award"] == counts["award"]


@pytest.mark.slow
def test_preview_table_has_each_fact_with_its_quote(extracted):
    doc = extracted[QUOTED]
    table = facts_frame(doc, "zh")
    assert list(table.columns) == ["类型", "事实", "置信度", "原文"]
    assert len(table) == len(doc.facts)
    awards = table[table["类型"] == "获奖"]
    row = awards[awards["事实"].str.contains("周立新")].iloc[0]
    assert "荣誉: 韶关市五一劳动奖章" in row["事实"] and "年份: 2024" in row["事实"]
    assert "周立新" in row["原文"]
    english = facts_frame(doc, "en")
    assert list(english.columns) == ["Type", "Fact", "Confidence", "Quote"]
    assert english["Fact"].str.contains("honour: 韶关市五一劳动奖章").any()


# -- viz.ingest: storing -------------------------------------------------------------------------
@pytest.mark.slow
def test_store_documents_stores_only_when_asked_and_reports(extracted, tmp_path: Path):
    db = tmp_path / "store"
    with open_store(db=db) as store:  # a store that holds one document already
        first = extract_upload("jiangmen.txt", (ROOT / "examples/jiangmen-may-day-2023-04-28.txt").read_bytes())
        assert store.upsert(first)
        before = store.stats()
    items = [extracted[QUOTED], extract_upload("图片.txt", bytes(range(256)) * 4), extracted["清远表彰.txt"]]
    with open_store(db=db, read_only=True) as reader:  # extracting changed nothing
        assert reader.stats() == before and stored_checksums(reader, items) == set()
    assert person_count(db, "周立新") == 0

    seen = []
    with open_store(db=db) as store:
        report = store_documents(items, store, progress=lambda *args: seen.append(args))
    assert [s[:2] for s in seen] == [(1, 3), (2, 3), (3, 3)]
    assert report.stored == [(QUOTED, len(extracted[QUOTED].facts)), ("清远表彰.txt", len(extracted["清远表彰.txt"].facts))]
    assert report.unchanged == [] and [s.path for s in report.skipped] == ["图片.txt"]
    assert report.changes()["document"] == 2 and report.changes()["person"] >= 2
    assert report.before == before
    assert person_count(db, "周立新") == 1 and person_count(db, "欧阳青云") == 1
    assert person_count(db, "李振华") == 1  # what was stored before is still there
    text = report_text(report, "zh")
    assert text.startswith("已存入 2 篇文献") and "1 个文件未导入" in text and "人物 +" in text
    assert report_text(report, "en").startswith("2 documents stored")

    # the same file uploaded again: recognised by checksum, nothing changes
    again = extract_upload(QUOTED, SHAOGUAN.encode("utf-8"))
    with open_store(db=db) as store:
        assert stored_checksums(store, [again]) == {again.checksum}
        report = store_documents([again], store)
        assert store.stats() == report.before
    assert report.stored == [] and report.unchanged == [QUOTED] and report.changes() == {}
    assert report_text(report, "en") == "0 documents stored (0 facts); 1 already stored; 0 skipped."
    assert person_count(db, "周立新") == 1


def test_stored_checksums_without_a_store_is_empty():
    assert stored_checksums(None, [DocumentFacts("a.txt", "abc")]) == set()


def test_report_changes_lists_only_what_grew():
    report = IngestReport(before={"person": 3, "award": 1}, after={"person": 5, "award": 1, "document": 1})
    assert report.changes() == {"person": 2, "document": 1}


# -- viz.session.writable_store -----------------------------------------------------------------
@pytest.mark.slow
def test_writable_store_releases_the_cached_reader_first(extracted, tmp_path: Path):
    db = tmp_path / "store"
    with writable_store(str(db)) as store:  # creates the store
        store.upsert(extracted[QUOTED])

    @st.cache_resource(show_spinner=False)
    def cached_reader(location: str):
        return open_store(db=location, read_only=True)

    reader = weakref.ref(cached_reader(str(db)))
    assert reader() is not None and reader().stats()["document"] == 1
    with writable_store(str(db)) as store:
        assert reader() is None  # the cached read-only connection is gone (closed) before writing
        assert store.upsert(extracted["清远表彰.txt"])
    assert cached_reader(str(db)).stats()["document"] == 2  # a fresh reader sees the write


@pytest.mark.slow
def test_writable_store_busy_is_store_unavailable(busy_store: Path):
    with pytest.raises(StoreUnavailable, match="being written by another process"):
        with writable_store(str(busy_store), lock_timeout=0.5):
            pass


# -- honours app --max-upload-mb ------------------------------------------------------------------
def test_app_command_gives_streamlit_the_upload_limit(tmp_path: Path, monkeypatch):
    monkeypatch.delenv(ENV_MAX_UPLOAD, raising=False)
    cmd = streamlit_command(8600)
    assert cmd[cmd.index("--server.maxUploadSize") + 1] == "20"
    cmd = streamlit_command(8600, 7)
    assert cmd[cmd.index("--server.maxUploadSize") + 1] == "7"
    assert app_environment(tmp_path, None, 7)[ENV_MAX_UPLOAD] == "7"
    monkeypatch.setenv(ENV_MAX_UPLOAD, "3")
    cmd = streamlit_command(8600)
    assert cmd[cmd.index("--server.maxUploadSize") + 1] == "3"
    assert cmd[cmd.index("--server.fileWatcherType") + 1] == "none"  # a served app does not reload itself


# -- the app's ingest view (AppTest) -------------------------------------------------------------
@pytest.fixture
def app_db(tmp_path: Path, monkeypatch) -> Path:
    """HONOURS_DB pointing at a store that does not exist yet: the first ingest creates it."""
    db = tmp_path / "app-store"
    monkeypatch.setenv(ENV_DB, str(db))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.delenv(ENV_MAX_UPLOAD, raising=False)
    return db


def ingest_page() -> AppTest:
    return started("ingest", timeout=120)  # extraction runs inside the page


def upload(at: AppTest, *files: tuple[str, bytes]) -> AppTest:
    at.file_uploader(key="ingest_files").set_value([(name, data, "text/plain") for name, data in files]).run()
    return at.button(key="ingest_extract").click().run()


@pytest.mark.slow
def test_app_ingest_preview_store_then_search_finds_the_person(app_db: Path):
    at = ingest_page()
    assert_clean(at)  # no store yet: the ingest view works all the same
    assert at.button(key="ingest_extract").disabled
    upload(at, (QUOTED, SHAOGUAN.encode()), ("清远表彰.txt", QINGYUAN.encode("gb18030")),
           ("图片.txt", bytes(range(256)) * 4))
    assert_clean(at)
    assert [s.value for s in at.subheader] == [literal(QUOTED), literal("清远表彰.txt")]
    assert literal("图片.txt") in at.warning[0].value and "binary" in at.warning[0].value
    tables = "\n".join(d.value.to_string() for d in at.dataframe)
    assert "周立新" in tables and "欧阳青云" in tables and "获奖" in tables
    assert not app_db.exists()  # previewed, not stored

    at.button(key="ingest_store").click().run()
    assert_clean(at)
    assert at.success[0].value.startswith("已存入 2 篇文献") and "1 个文件未导入" in at.success[0].value
    assert not at.subheader  # the preview is gone once stored
    assert person_count(app_db, "周立新") == 1

    # the search view, same session, right after the write: the caches followed the new version
    at.sidebar.radio(key="view").set_value("search").run()
    at.text_input(key="search_text").input("周立新").run()
    assert_clean(at)
    assert "周立新" in set(at.dataframe[0].value.iloc[:, 1])
    at.text_input(key="search_text").input("ouyang qingyun").run()
    assert "欧阳青云" in set(at.dataframe[0].value.iloc[:, 1])

    # the same file again: the preview says it is stored, storing changes nothing
    at.sidebar.radio(key="view").set_value("ingest").run()
    upload(at, (QUOTED, SHAOGUAN.encode()))
    assert_clean(at)
    assert "已存入" in at.info[0].value
    at.button(key="ingest_store").click().run()
    assert_clean(at)
    assert at.success[0].value == "已存入 0 篇文献（0 条事实）；1 篇此前已存入；0 个文件未导入。"
    assert person_count(app_db, "周立新") == 1


@pytest.mark.slow
def test_app_ingest_bad_uploads_are_messages_naming_them(app_db: Path, monkeypatch):
    monkeypatch.setenv(ENV_MAX_UPLOAD, "1")
    at = ingest_page()
    upload(at, ('大"文件".txt', b"x" * (MB + 1)), ("空.txt", b""), ("报告.doc", b"abc"))
    assert_clean(at)
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 3
    assert literal('大"文件".txt is too big') in warnings[0] and "limited to 1 MB" in warnings[0]
    assert literal("空.txt is empty") in warnings[1]
    assert literal("报告.doc: unsupported file type .doc") in warnings[2]
    assert at.button(key="ingest_store").disabled  # nothing to store
    assert "1 MB" in at.caption[0].value  # the limit is shown above the uploader
    at.sidebar.radio(key="lang").set_value("en").run()
    assert_clean(at)
    assert at.caption[0].value.startswith("Formats: .txt") and "at most 1 MB a file" in at.caption[0].value
    assert at.warning[1].value.startswith("Skipped · ")


@pytest.mark.slow
def test_app_ingest_store_busy_shows_store_unavailable(busy_store: Path, monkeypatch):
    monkeypatch.setenv(ENV_DB, str(busy_store))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    at = ingest_page()
    upload(at, (QUOTED, SHAOGUAN.encode()))
    at.button(key="ingest_store").click().run()
    assert not at.exception
    assert "being written by another process" in at.error[0].value and "[E510]" in at.error[0].value
    assert [s.value for s in at.subheader] == [literal(QUOTED)]  # the preview stays: store again later
