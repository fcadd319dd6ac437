"""Name readers that do not need the model's context: bylines, table cells, cut names."""
from __future__ import annotations

import pytest

from extract.extractor import _mentions
from extract.mentions import byline_names, cell_names, looks_like_name
from extract.nlp import get_nlp


def test_mentions_byline_names_separated_by_spaces():
    text = "文 | 黎蔚 孙中伟\n本报讯（全媒体记者许接英 通讯员霍嘉琪）10月27日"
    assert [m.text for m in byline_names(text)] == ["黎蔚", "孙中伟", "许接英", "霍嘉琪"]
    for m in byline_names(text):
        assert text[m.start:m.end] == m.text


def test_mentions_byline_name_followed_by_next_credit():
    assert [m.text for m in byline_names("文 | 黄细英摄影 | 林景余")] == ["黄细英", "林景余"]


def test_mentions_table_cells_that_are_names():
    text = "竞赛项目一等奖\n算法大赛\t中药材鉴定\n何涛\t黄倩茵\t罗杏仪\t欧阳明"
    names = [m.text for m in cell_names(text)]
    assert names == ["何涛", "黄倩茵", "罗杏仪", "欧阳明"]
    assert all(text[m.start:m.end] == m.text for m in cell_names(text))


def test_mentions_looks_like_name_needs_a_surname():
    assert looks_like_name("黄倩茵") and looks_like_name("欧阳明")
    assert not looks_like_name("中药材") and not looks_like_name("算法大赛")


@pytest.mark.slow
def test_mentions_name_cut_short_by_the_model_is_completed():
    text = "省教育厅二级巡视员方树生到现场指导。全媒体记者马大为 通讯员吴美瑜"
    people = [m.text for m in _mentions(get_nlp()(text), text) if m.label == "PER"]
    assert "方树生" in people and "马大为" in people
    assert "方树" not in people


@pytest.mark.slow
def test_mentions_name_that_swallowed_an_honour_is_cut_back():
    text = "全国劳动模范王五出席会议。"
    found = [(m.label, m.text) for m in _mentions(get_nlp()(text), text)]
    assert ("HONOUR", "全国劳动模范") in found and ("PER", "王五") in found
    assert not any(label == "PER" and "范" in name for label, name in found)
