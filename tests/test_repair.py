"""PDF-text repair: broken lines joined, paragraphs kept, characters tidied, offsets traceable."""
from __future__ import annotations

from extract.repair import repair
from tests.conftest import corpus_file


def test_repair_joins_name_broken_across_blank_lines():
    column = (  # as printed in 广东工运 2024-11: a narrow column, a blank line after every line
        "11月21日，2024年广东省“守护者杯”无人\n\n机驾驶员职业技能竞赛在湛江举行，来自全省19\n\n"
        "个地级市总工会、4个省级产业工会推送的23支\n\n代表队72名选手参赛。省总工会一级巡视员张\n\n"
        "振飚，湛江市委副书记李勇毅等出席活动。\n\n"
    )
    assert repair(column).text == (
        "11月21日，2024年广东省“守护者杯”无人机驾驶员职业技能竞赛在湛江举行，来自全省19个地级市总工会、"
        "4个省级产业工会推送的23支代表队72名选手参赛。省总工会一级巡视员张振飚，湛江市委副书记李勇毅等出席活动。"
    )


def test_repair_keeps_paragraph_after_sentence_end():
    r = repair("会议在广州召开。\n\n会议要求，各级工会要落实部署。")
    assert r.text.split("\n") == ["会议在广州召开。", "会议要求，各级工会要落实部署。"]


def test_repair_removes_space_inside_name():
    assert repair("市总工会党组书记、主席唐航 浩介绍工作情况。").text == "市总工会党组书记、主席唐航浩介绍工作情况。"


def test_repair_joins_spaced_out_justified_line():
    r = repair("已向 1996名符合条件\n\n的 职 工 发 放 学 历 提 升 补 贴\n\n199.6万元。")
    assert r.text == "已向1996名符合条件的职工发放学历提升补贴199.6万元。"


def test_repair_keeps_spaces_between_names_in_byline():
    r = repair("文 | 黎蔚 孙中伟\n产业工人队伍建设改革是重大部署。")
    assert r.text.split("\n")[0] == "文 | 黎蔚 孙中伟"


def test_repair_keeps_heading_on_its_own_line():
    r = repair("深化劳动竞赛 锻造技能大军\n11月26日，广东省劳动和技能竞赛总结交流活动举行。")
    assert r.text.split("\n")[0] == "深化劳动竞赛 锻造技能大军"


def test_repair_normalises_width():
    r = repair("１１月１４日,由广东省总工会主办(第五届)的大赛在佛山落幕;")
    assert r.text == "11月14日，由广东省总工会主办（第五届）的大赛在佛山落幕；"


def test_repair_drops_bold_markers():
    assert repair("设置人工智能训练师等 **8个** 竞赛项目。").text == "设置人工智能训练师等8个竞赛项目。"


def test_repair_offsets_point_to_the_same_characters():
    source = "省总工会一级巡视员张\n\n振飚，湛江市委副书记\n李勇毅出席。"
    r = repair(source)
    assert len(r.offsets) == len(r.text)
    for ch, off in zip(r.text, r.offsets):
        assert source[off] == ch


def test_repair_corpus_offsets_trace_back_to_the_file():
    source = corpus_file("guangdong-gongyun-2024-11.txt").read_text(encoding="utf-8")
    r = repair(source)
    assert r.offsets == sorted(r.offsets)
    same = sum(source[o] == c for c, o in zip(r.text, r.offsets))
    assert same / len(r.text) > 0.97  # the rest are newlines and width-normalised punctuation
    at = r.text.index("一级巡视员张振飚，湛江")
    start = r.offsets[at + 5]
    assert source[start:r.offsets[at + 7] + 1] == "张\n\n振飚"


def test_repair_corpus_joins_wrapped_lines():
    source = corpus_file("foshan-2024-industrial-workers.txt").read_text(encoding="utf-8")
    text = repair(source).text
    assert "46名优秀职工和集体代表获得全国和省五一劳动奖章、奖状及工人先锋号称号，推荐命名10名“佛山·大城工匠”。" in text
    assert "佛山市“产改”领导小组办公室主任，市总工会党组书记、常务副主席蒋庆表示。" in text
    # blank lines between every PDF line are gone; paragraphs remain
    assert "\n\n" not in text
    assert 20 < text.count("\n") < 60


def test_repair_punctuation_at_the_very_start():
    assert repair(",广东省总工会").text == "，广东省总工会"
    assert repair("(") .text == "("
