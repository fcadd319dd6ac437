"""Honour-lineage exports (person, honour, studio, mentor) in Markdown, CSV, JSON-LD and SVG.

Answers are checked by hand against the founding corpus (../shared/corpus; each expectation names
its passage). The corpus names no master with an apprentice, so the mentorship lineage is checked
on a fictional profile written below, stored through the real extractor, as is a fictional studio.
"""
from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.facts import DocumentFacts
from graph import samples
from graph.ladybug_store import LadybugStore
from honours.cli import app
from honours.errors import QueryError
from queries.lineage import AmbiguousName, AmbiguousPerson, build_lineage, export_lineage, lineage_exports
from queries.lineage_model import Column, Entry, Lineage, Source
from viz.lineage_svg import FONT, lineage_svg

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
SVG = "{http://www.w3.org/2000/svg}"
runner = CliRunner()

# A made-up profile in the genre: three generations of 师带徒 under 郑国强, and his studio.
FICTIONAL = """三代师徒的传承之路

文 | 陈思远

郑国强是佛山市精密机械有限公司的首席技师，也是“郑国强劳模和工匠人才创新工作室”的领衔人。2018年，他获得佛山市五一劳动奖章；2021年，他被评为广东省劳动模范。

郑国强先后带出徒弟30余人，其中徒弟何志明已成长为佛山市技术能手。

何志明也开始带徒，他的徒弟罗晓东在第三届佛山市职工职业技能大赛中获得第一名。

罗晓东的徒弟邱文杰如今已是车间的技术骨干。

“一代带一代，技术才能传下去。”郑国强说。
"""


def _ingest(directory: Path, paths: list[str]) -> None:
    from extract.pipeline import extract_paths

    with LadybugStore(directory) as store:
        for doc in extract_paths(paths):
            assert isinstance(doc, DocumentFacts), doc
            store.upsert(doc)


@pytest.fixture(scope="module")
def store(corpus_db: Path):
    """The corpus store, open read-only."""
    with LadybugStore(corpus_db, read_only=True) as opened:
        yield opened


@pytest.fixture(scope="module")
def fictional_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fictional profile through the real extractor, plus graph.samples' two people called 李明."""
    folder = tmp_path_factory.mktemp("fictional-lineage")
    (folder / "foshan-mentors-2024-05.txt").write_text(FICTIONAL, encoding="utf-8")
    _ingest(folder / "store", [str(folder / "foshan-mentors-2024-05.txt")])
    with LadybugStore(folder / "store") as store:
        store.upsert(samples.award_news())  # 李明, 高级技师 of 广州电缆有限公司 …
        store.upsert(samples.unrelated_li_ming())  # … and 李明, a teacher at 惠州市第一中学
    return folder / "store"


@pytest.fixture(scope="module")
def fictional(fictional_db: Path):
    with LadybugStore(fictional_db, read_only=True) as opened:
        yield opened


def table_rows(markdown: str) -> list[list[str]]:
    """The body rows of the Markdown table, as cells."""
    lines = [line for line in markdown.splitlines() if line.startswith("| ")][1:]
    return [[c.strip() for c in line.strip("|").split(" | ")] for line in lines]


def footnotes(markdown: str) -> dict[str, str]:
    return {line.split("]:")[0] + "]": line.split("]: ", 1)[1] for line in markdown.splitlines()
            if line.startswith("[^")}


# -- a person's honours ---------------------------------------------------------------------------
@pytest.mark.slow
def test_person_lineage_markdown_honours_in_time_order(store):
    # guangdong-gongyun-2025-11.txt lines 963-965: 杨中民 … 2017年全国五一劳动奖章获得者; lines 983-985:
    # 广东5劳模当选中国工程院院士 (2025 两院院士增选, the issue of 2025-11)
    text = export_lineage(store, "person", "杨中民", "md")
    assert text.startswith("# 杨中民 (Yang Zhongmin): 荣誉 / Honours")
    rows = table_rows(text)
    assert [(r[0], r[1]) for r in rows] == [
        ("2017", "全国五一劳动奖章 (National May Day Labour Medal)"),
        ("2025", "中国工程院院士 (Academician of the Chinese Academy of Engineering)")]
    assert rows[0][2] == "全国 / national" and rows[0][3] == "中华全国总工会" and rows[0][5] == "[^1]"
    notes = footnotes(text)
    assert notes["[^1]"].startswith("guangdong-gongyun-2025-11.txt, ") and "(2025-11)" in notes["[^1]"]
    assert "2017年全国五一劳动奖章获得者" in notes["[^1]"] and "中国工程院院士" in notes[rows[1][5]]


@pytest.mark.slow
def test_person_lineage_csv_and_jsonld(store):
    rows = list(csv.DictReader(io.StringIO(export_lineage(store, "person", "杨中民", "csv"))))
    assert [(r["year"], r["honour"], r["honour_en"]) for r in rows][0] == (
        "2017", "全国五一劳动奖章", "National May Day Labour Medal")
    assert rows[0]["pinyin"] == "Yang Zhongmin" and "2017年全国五一劳动奖章获得者" in rows[0]["sources"]
    doc = json.loads(export_lineage(store, "person", "杨中民", "jsonld"))
    assert doc["@type"] == "Person" and doc["alternateName"] == "Yang Zhongmin"
    first = doc["award"][0]
    assert first["@type"] == "hg:Award" and first["hg:year"] == 2017
    assert first["hg:CONFERRED_BY"]["name"] == "中华全国总工会"
    quote = first["citation"][0]
    assert quote["@type"] == "Quotation" and "2017年全国五一劳动奖章获得者" in quote["text"]
    assert quote["isPartOf"]["isPartOf"]["name"] == "guangdong-gongyun-2025-11.txt"
    assert_jsonld_is_rdf(doc)


def assert_jsonld_is_rdf(doc: dict) -> None:
    from rdflib import Graph, URIRef

    graph = Graph().parse(data=json.dumps(doc, ensure_ascii=False), format="json-ld")
    assert len(graph) > 10
    assert all(not str(p).startswith("hg:") for p in graph.predicates())  # every prefix expanded
    assert (None, None, URIRef("https://schema.org/Quotation")) in graph


# -- an honour's recipients ------------------------------------------------------------------------
@pytest.mark.slow
def test_honour_lineage_recipients_by_year(store):
    # guangdong-gongyun-2025-11.txt line 976: 廉玉波 … 2020年全国劳动模范; line 381: 徐建贤 … 今年 (2025)
    # 获评全国劳动模范; guangdong-gongyun-2024-11.txt lines 1608-1610: 全国劳模陆建新, no year
    text = export_lineage(store, "honour", "全国劳动模范", "md")
    assert text.startswith("# 全国劳动模范 (National Model Worker): 获得者 / Recipients")
    rows = table_rows(text)
    assert [(r[0], r[2]) for r in rows] == [("2020", "廉玉波 (Lian Yubo)"), ("2025", "徐建贤 (Xu Jianxian)"),
                                           ("—", "陆建新 (Lu Jianxin)")]
    notes = footnotes(text)
    assert "今年获评全国劳动模范" in notes[rows[1][5]] and notes[rows[1][5]].startswith("guangdong-gongyun-2025-11.txt")
    assert "全国劳模陆建新" in notes[rows[2][5]] and "(2024-11)" in notes[rows[2][5]]
    # the abbreviation a reader types finds the same honour
    assert export_lineage(store, "honour", "全国劳模", "md") == text


@pytest.mark.slow
def test_honour_lineage_csv_and_jsonld(store):
    rows = list(csv.DictReader(io.StringIO(export_lineage(store, "honour", "全国劳动模范", "csv"))))
    assert [(r["year"], r["recipient"], r["recipient_pinyin"]) for r in rows] == [
        ("2020", "廉玉波", "Lian Yubo"), ("2025", "徐建贤", "Xu Jianxian"), ("", "陆建新", "Lu Jianxin")]
    assert {r["honour_en"] for r in rows} == {"National Model Worker"}
    doc = json.loads(export_lineage(store, "honour", "全国劳动模范", "jsonld"))
    assert doc["@type"] == "hg:Honour" and doc["alternateName"] == "National Model Worker"
    awards = doc["@reverse"]["hg:FOR_HONOUR"]
    assert [(a.get("hg:year"), a["hg:RECIPIENT"]["name"]) for a in awards] == [
        (2020, "廉玉波"), (2025, "徐建贤"), (None, "陆建新")]
    assert_jsonld_is_rdf(doc)


@pytest.mark.slow
def test_honour_lineage_unknown_honour(store):
    with pytest.raises(QueryError, match="no honour called 火星劳动模范"):
        export_lineage(store, "honour", "火星劳动模范", "md")


# -- a studio --------------------------------------------------------------------------------------
@pytest.mark.slow
def test_studio_lineage_corpus(store):
    # guangdong-gongyun-2025-11.txt line 521: 广州电缆有限公司（以下简称“广州电缆”）; line 567:
    # 广州电缆冯楚倩女职工创新工作室成员开展新能源电缆线芯优化研究 — members are mentioned, none named
    text = export_lineage(store, "studio", "“冯楚倩女职工创新工作室”", "md")  # pasted with its quotes
    assert text.startswith("# 冯楚倩女职工创新工作室: 工作室 / Studio")
    assert "成员 / Members: 未记录 / no members recorded" in text
    rows = table_rows(text)
    assert [(r[0], r[1]) for r in rows] == [("领衔人 (Leader)", "冯楚倩 (Feng Chuqian)"),
                                           ("依托单位 (Host)", "广州电缆有限公司")]
    note = footnotes(text)["[^1]"]
    assert note.startswith("guangdong-gongyun-2025-11.txt") and "冯楚倩女职工创新工作室成员" in note
    doc = json.loads(export_lineage(store, "studio", "冯楚倩", "jsonld"))  # a partial name, one match
    assert doc["hg:LED_BY"][0]["name"] == "冯楚倩" and doc["hg:HOSTED_BY"][0]["name"] == "广州电缆有限公司"
    assert doc["member"] == [] and doc["citation"]
    assert_jsonld_is_rdf(doc)


@pytest.mark.slow
def test_studio_lineage_partial_name_lists_the_studios(store):
    # two studios are named in the corpus: 冯楚倩女职工创新工作室 (above) and, guangdong-gongyun-2024-11.txt
    # lines 38-40, 常金明劳模和工匠人才创新工作室 at 广铁集团 (中国铁路广州局集团有限公司)
    with pytest.raises(AmbiguousName) as raised:
        export_lineage(store, "studio", "工作室", "md")
    message = str(raised.value)
    assert "studios match 工作室" in message and "冯楚倩女职工创新工作室" in message
    assert "常金明劳模和工匠人才创新工作室" in message and "give one of these ids" in message
    chosen = [i for i in raised.value.candidates if "常金明" in message.split(i)[1].splitlines()[0]][0]
    text = export_lineage(store, "studio", chosen, "md")
    assert "| 领衔人 (Leader) | 常金明 (Chang Jinming) |" in text
    with pytest.raises(QueryError, match="no studio called 不存在工作室"):
        export_lineage(store, "studio", "不存在工作室", "md")


@pytest.mark.slow
def test_studio_lineage_fictional_with_host(fictional):
    lineage = build_lineage(fictional, "studio", "郑国强劳模和工匠人才创新工作室")
    assert [(e.values["relation"], e.values["name"]) for e in lineage.entries] == [
        ("leader", "郑国强"), ("host", "佛山市精密机械有限公司")]
    assert lineage.entries[0].sources[0].quote.startswith("郑国强是佛山市精密机械有限公司的首席技师")
    assert lineage.entries[0].sources[0].title == "三代师徒的传承之路"


# -- master and apprentices ------------------------------------------------------------------------
@pytest.mark.slow
def test_mentor_lineage_three_generations(fictional):
    text = export_lineage(fictional, "mentor", "郑国强", "md")
    assert text.startswith("# 郑国强 (Zheng Guoqiang): 师徒传承 / Mentorship lineage")
    rows = table_rows(text)
    assert [r[:3] for r in rows] == [["1", "郑国强 (Zheng Guoqiang)", "何志明 (He Zhiming)"],
                                     ["2", "何志明 (He Zhiming)", "罗晓东 (Luo Xiaodong)"],
                                     ["3", "罗晓东 (Luo Xiaodong)", "邱文杰 (Qiu Wenjie)"]]
    notes = footnotes(text)
    assert [r[3] for r in rows] == ["[^1]", "[^2]", "[^3]"]
    assert "其中徒弟何志明已成长为佛山市技术能手" in notes["[^1]"]
    assert "他的徒弟罗晓东" in notes["[^2]"] and "罗晓东的徒弟邱文杰" in notes["[^3]"]
    assert notes["[^1]"].startswith("foshan-mentors-2024-05.txt, 《三代师徒的传承之路》 (2024-05): ")
    # seen from the middle: two masters above, one apprentice below
    around = build_lineage(fictional, "mentor", "罗晓东")
    assert [(e.values["generation"], e.values["master"], e.values["apprentice"]) for e in around.entries] == [
        (-2, "郑国强", "何志明"), (-1, "何志明", "罗晓东"), (1, "罗晓东", "邱文杰")]


@pytest.mark.slow
def test_mentor_lineage_csv_jsonld(fictional):
    rows = list(csv.DictReader(io.StringIO(export_lineage(fictional, "mentor", "郑国强", "csv"))))
    assert [(r["generation"], r["master_pinyin"], r["apprentice_pinyin"]) for r in rows] == [
        ("1", "Zheng Guoqiang", "He Zhiming"), ("2", "He Zhiming", "Luo Xiaodong"), ("3", "Luo Xiaodong", "Qiu Wenjie")]
    doc = json.loads(export_lineage(fictional, "mentor", "郑国强", "jsonld"))
    links = [n for n in doc["@graph"] if n["@type"] == "hg:Mentorship"]
    assert [(n["hg:MASTER"]["name"], n["hg:APPRENTICE"]["name"]) for n in links] == [
        ("郑国强", "何志明"), ("何志明", "罗晓东"), ("罗晓东", "邱文杰")]
    assert all(n["citation"][0]["@type"] == "Quotation" for n in links)
    assert_jsonld_is_rdf(doc)


@pytest.mark.slow
def test_mentor_lineage_none_in_the_corpus(store):
    # the corpus speaks of 师带徒 programmes but names no master with an apprentice
    text = export_lineage(store, "mentor", "黄宁生", "md")
    assert "No master or apprentice of 黄宁生 is recorded." in text and "| " not in text


# -- names ----------------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("kind", ["person", "mentor"])
def test_ambiguous_name_lists_candidates(fictional, kind):
    # graph/samples.py: 李明 of 广州电缆有限公司 (who has an apprentice, 陈志强) and 李明 of 惠州市第一中学
    with pytest.raises(AmbiguousPerson) as raised:
        export_lineage(fictional, kind, "李明", "md")
    message = str(raised.value)
    assert "2 people are called 李明" in message
    assert "广州电缆有限公司" in message and "惠州市第一中学" in message
    chosen = [c for c in raised.value.candidates if "广州电缆有限公司" in c.organisations][0]
    text = export_lineage(fictional, kind, chosen.id, "md")
    expected = "| 2024 | 全国五一劳动奖章" if kind == "person" else "| 1 | 李明 (Li Ming) | 陈志强 (Chen Zhiqiang) |"
    assert expected in text


@pytest.mark.slow
def test_name_with_quotes_and_markup_is_only_a_value(fictional):
    for kind in ("person", "mentor"):
        with pytest.raises(QueryError, match='no person called 王"<五>& '):
            export_lineage(fictional, kind, '王"<五>&', "md")
    with pytest.raises(QueryError, match="no studio called x' OR 1=1 //"):
        export_lineage(fictional, "studio", "x' OR 1=1 //", "md")


# -- the SVG figure --------------------------------------------------------------------------------
def _texts(svg: str) -> list[str]:
    root = ET.fromstring(svg.encode("utf-8"))  # bytes: the declaration says UTF-8
    assert root.tag == f"{SVG}svg"
    return [t.text or "" for t in root.iter(f"{SVG}text")]


def test_svg_escapes_quotes_and_markup():
    tricky = 'A"<b>&\'甲'
    lineage = Lineage("person", "p1", tricky, "A <pinyin> & co", ("荣誉", "Honours"), (Column("year", "年份", "Year"),),
                      [Entry({"year": 2020, "honour": "<script>alert(1)</script>", "honour_en": 'Medal "&"'},
                             [Source("x&y.txt", 'T"<', "2020", "他说：“<好>”&")])])
    svg = lineage_svg(lineage)
    assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ')
    assert "<script>" not in svg
    texts = _texts(svg)
    assert f'{tricky} (A <pinyin> & co): 荣誉 / Honours' in texts
    assert "<script>alert(1)</script>" in texts and 'Medal "&"' in texts and "2020" in texts
    assert any('[1] x&y.txt 《T"<》 (2020): “他说：“<好>”&”' in t for t in texts)


@pytest.mark.slow
def test_svg_person_and_honour_figures(store):
    svg = export_lineage(store, "person", "杨中民", "svg")
    root = ET.fromstring(svg.encode("utf-8"))
    assert root.get("font-family") == FONT and "Noto Sans CJK SC" in FONT and FONT.endswith("sans-serif")
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    texts = _texts(svg)
    assert texts[0].startswith("杨中民 (Yang Zhongmin): 荣誉 / Honours")
    assert texts.index("2017") < texts.index("2025")  # the year axis, in time order
    assert "全国五一劳动奖章" in texts and "National May Day Labour Medal" in texts
    assert any(t.startswith("[1] guangdong-gongyun-2025-11.txt") for t in texts)
    honour = _texts(export_lineage(store, "honour", "全国劳动模范", "svg"))
    assert [t for t in honour if t in ("2020", "2025", "年份不详 / undated")] == ["2020", "2025", "年份不详 / undated"]
    assert {"廉玉波", "Lian Yubo", "徐建贤", "Xu Jianxian", "陆建新", "Lu Jianxin"} <= set(honour)


@pytest.mark.slow
def test_svg_mentor_and_studio_figures(fictional):
    texts = _texts(export_lineage(fictional, "mentor", "何志明", "svg"))
    bands = [t for t in texts if "/" in t and ("代" in t or "本人" in t)]
    assert bands == ["上1代师傅 / 1 up", "本人 / subject", "第1代徒弟 / generation 1", "第2代徒弟 / generation 2"]
    assert texts.index("郑国强") < texts.index("何志明") < texts.index("罗晓东") < texts.index("邱文杰")
    studio = _texts(export_lineage(fictional, "studio", "郑国强", "svg"))
    assert "佛山市精密机械有限公司" in studio and "Zheng Guoqiang" in studio
    assert "未记录 / no members recorded" in studio


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.is_file(), reason=f"{CHROMIUM} is missing: install Debian's chromium")
def test_svg_renders_chinese_in_chromium(store, fictional):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    figures = {"person": export_lineage(store, "person", "杨中民", "svg"),
               "honour": export_lineage(store, "honour", "全国劳动模范", "svg"),
               "mentor": export_lineage(fictional, "mentor", "何志明", "svg")}
    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            for kind, svg in figures.items():
                path = ARTIFACTS / f"lineage-{kind}.svg"
                path.write_text(svg, encoding="utf-8")
                root = ET.fromstring(svg.encode("utf-8"))
                page.set_viewport_size({"width": int(root.get("width")), "height": int(root.get("height"))})
                page.goto(path.as_uri())
                assert page.evaluate("document.documentElement.tagName") == "svg"
                # every text was laid out (an XML error page or a missing text has no length)
                lengths = page.evaluate("[...document.querySelectorAll('text')].map(t => t.getComputedTextLength())")
                assert len(lengths) == len(root.findall(f".//{SVG}text")) and min(lengths) > 0
                page.screenshot(path=str(ARTIFACTS / f"lineage-{kind}.png"))
            # glyphs, not boxes: two different Chinese words in the figure's fonts draw different pixels
            # (missing glyphs are all the same empty box)
            page.goto("about:blank")  # an HTML document again
            page.set_viewport_size({"width": 400, "height": 200})
            page.set_content(f"<p id=a style=\"font: 40px {FONT}\">荣誉</p><p id=b style=\"font: 40px {FONT}\">谱系</p>")
            assert page.locator("#a").screenshot() != page.locator("#b").screenshot()
        finally:
            browser.close()
    assert not errors, errors


# -- the CLI ---------------------------------------------------------------------------------------
@pytest.mark.slow
def test_cli_export_lineage_every_form(corpus_db: Path, fictional_db: Path, tmp_path: Path):
    db = ["--db", str(corpus_db)]
    done = runner.invoke(app, ["export", "lineage", "--person", "杨中民", "-o", str(tmp_path / "yang.svg"), *db])
    assert done.exit_code == 0, done.output
    assert _texts((tmp_path / "yang.svg").read_text(encoding="utf-8"))[0].startswith("杨中民 (Yang Zhongmin)")  # svg: -o
    done = runner.invoke(app, ["export", "lineage", "--honour", "全国劳动模范", "--format", "csv", *db])
    assert done.exit_code == 0 and done.stdout.splitlines()[1].startswith("全国劳动模范,National Model Worker,national,2020,")
    done = runner.invoke(app, ["export", "lineage", "--studio", "冯楚倩", "-f", "jsonld", *db])
    assert done.exit_code == 0 and json.loads(done.stdout)["hg:LED_BY"][0]["name"] == "冯楚倩"
    done = runner.invoke(app, ["export", "lineage", "--mentor", "郑国强", "--db", str(fictional_db)])
    assert done.exit_code == 0 and "| 3 | 罗晓东 (Luo Xiaodong) | 邱文杰 (Qiu Wenjie) |" in done.stdout
    # the older form stays as an alias
    done = runner.invoke(app, ["lineage", "--mentor", "郑国强", "-f", "md", "--db", str(fictional_db)])
    assert done.exit_code == 0 and "| 1 | 郑国强 (Zheng Guoqiang) | 何志明 (He Zhiming) |" in done.stdout


@pytest.mark.slow
def test_cli_export_lineage_user_errors(corpus_db: Path, fictional_db: Path):
    db = ["--db", str(corpus_db)]
    for args in ([], ["--person", "杨中民", "--honour", "全国劳动模范"]):
        done = runner.invoke(app, ["export", "lineage", *args, *db])
        assert done.exit_code == 2 and "give exactly one of --person NAME, --honour NAME" in done.output
    done = runner.invoke(app, ["export", "lineage", "--studio", "工作室", *db])
    assert done.exit_code == 2 and "3 studios match 工作室" in done.output and "Traceback" not in done.output
    done = runner.invoke(app, ["export", "lineage", "--person", "李明", "--db", str(fictional_db)])
    assert done.exit_code == 2 and "2 people are called 李明" in done.output
    done = runner.invoke(app, ["export", "lineage", "--person", "杨中民", "-f", "pdf", *db])
    assert done.exit_code == 2 and "pdf" in done.output
    done = runner.invoke(app, ["export", "lineage", "--person", "杨中民", "-o", "/nonexistent/dir/x.md", *db])
    assert done.exit_code == 2 and "cannot write /nonexistent/dir/x.md" in done.output


@pytest.mark.slow
def test_cli_whole_graph_export_still_works(fictional_db: Path, tmp_path: Path):
    from rdflib import Graph

    for args in (["export", "--format", "ttl", str(tmp_path / "a.ttl")],
                 ["export", str(tmp_path / "b.ttl"), "--format", "ttl"],
                 ["export", "graph", str(tmp_path / "c.ttl"), "-f", "ttl"]):
        done = runner.invoke(app, [*args, "--db", str(fictional_db)])
        assert done.exit_code == 0, (args, done.output)
    triples = [len(Graph().parse(tmp_path / f"{n}.ttl")) for n in "abc"]
    assert triples[0] > 50 and len(set(triples)) == 1
    done = runner.invoke(app, ["export", "--help"])
    assert done.exit_code == 0 and "graph" in done.output and "lineage" in done.output


@pytest.mark.slow
def test_cli_export_lineage_as_a_user_runs_it(fictional_db: Path, tmp_path: Path):
    # the installed entry point, in its own process
    honours = Path(sys.executable).with_name("honours")
    out = tmp_path / "zheng.md"
    done = subprocess.run([str(honours), "export", "lineage", "--mentor", "郑国强", "-o", str(out),
                           "--db", str(fictional_db)], capture_output=True, text=True, timeout=120,
                          env=os.environ | {"PYTHONIOENCODING": "utf-8"})
    assert done.returncode == 0, done.stderr
    assert "[^3]: foshan-mentors-2024-05.txt" in out.read_text(encoding="utf-8")


# -- the app ---------------------------------------------------------------------------------------
@pytest.mark.slow
def test_app_lineage_view_every_kind_and_format(fictional_db: Path, monkeypatch: pytest.MonkeyPatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("HONOURS_DB", str(fictional_db))
    at = AppTest.from_file(str(ROOT / "app_streamlit.py"), default_timeout=60).run()
    at.sidebar.radio(key="view").set_value("lineage").run()
    at.radio(key="lineage_kind").set_value("mentor").run()
    at.text_input(key="lineage_entity").input("郑国强").run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "| 3 | 罗晓东 (Luo Xiaodong) | 邱文杰 (Qiu Wenjie) |" in "\n".join(m.value for m in at.markdown)
    keys = [b.proto.id for b in at.get("download_button")]
    for key in ("download_lineage", "download_lineage_csv", "download_lineage_jsonld", "download_lineage_svg"):
        assert any(key in k for k in keys), (key, keys)
    at.radio(key="lineage_kind").set_value("studio").run()
    at.text_input(key="lineage_entity").input("郑国强劳模").run()
    assert not at.exception and not at.error
    assert "佛山市精密机械有限公司" in "\n".join(m.value for m in at.markdown)
    at.radio(key="lineage_kind").set_value("person").run()
    at.text_input(key="lineage_entity").input("李明").run()
    assert "2 people are called 李明" in at.error[0].value  # the candidates, not two lives mixed
    with LadybugStore(fictional_db, read_only=True) as opened:
        exports = lineage_exports(opened, "studio", "郑国强")
    assert set(exports) == {"md", "csv", "jsonld", "svg"} and exports["svg"].startswith("<?xml")


@pytest.fixture(scope="module")
def lineage_app_url(fictional_db: Path, tmp_path_factory: pytest.TempPathFactory):
    """``honours app`` serving the fictional store on a free port; stopped (with Streamlit) afterwards."""
    from tests.browser import serving

    with serving(fictional_db, tmp_path_factory.mktemp("lineage-app") / "app.log") as url:
        yield url


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.is_file(), reason=f"{CHROMIUM} is missing: install Debian's chromium")
def test_browser_lineage_view_svg_preview_and_downloads(lineage_app_url: str):
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    expect.set_options(timeout=30_000)
    errors: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1200}, locale="zh-CN",
                                          accept_downloads=True)
            context.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page = context.new_page()
            page.goto(lineage_app_url)
            page.get_by_test_id("stSidebar").get_by_text("荣誉谱系导出 · Lineage export", exact=True).click()
            page.locator(".st-key-lineage_kind").get_by_text("师徒传承").click()
            box = page.locator(".st-key-lineage_entity input")
            box.fill("郑国强")
            box.press("Enter")
            expect(page.locator(".st-key-download_lineage_svg button")).to_be_visible()
            with page.expect_download() as svg_download:
                page.locator(".st-key-download_lineage_svg button").click()
            svg = Path(svg_download.value.path()).read_text(encoding="utf-8")
            assert "邱文杰" in _texts(svg) and svg_download.value.suggested_filename == "lineage-mentor-郑国强.svg"
            page.get_by_role("tab", name="时间线图预览").click()
            figure = page.locator("img[src^='data:image/svg+xml']")
            expect(figure).to_be_visible()
            assert figure.evaluate("img => img.complete && img.naturalWidth") > 0
            expect(page.get_by_test_id("stStatusWidget")).to_be_hidden()  # no rerun under way: nothing faded
            page.wait_for_timeout(1000)
            page.screenshot(path=str(ARTIFACTS / "browser-lineage-svg.png"), full_page=True)
        finally:
            browser.close()
    assert not errors, errors
