"""The honour taxonomy: canonical names in context, honour info, ladders, malformed data."""
from __future__ import annotations

import doctest
import shutil
from pathlib import Path

import pytest

import ontology.taxonomy as taxonomy
from honours.errors import OntologyError
from ontology.taxonomy import (
    canonical_honour, honour_info, honour_lineage, honour_pattern_terms, ladder_labels, ladders, load_taxonomy,
    parse_honour, place_terms, split_honours,
)

ONTOLOGY = Path(taxonomy.__file__).resolve().parent

# (mention, context, canonical)
CANONICAL = [
    ("省五一劳动奖章", {}, "广东省五一劳动奖章"),
    ("全国劳模", {}, "全国劳动模范"),
    ("全国五一劳动奖章", {}, "全国五一劳动奖章"),
    ("全国五一劳动奖章获得者", {}, "全国五一劳动奖章"),
    ("广东省五一劳动奖状", {}, "广东省五一劳动奖状"),
    ("广东五一劳动奖章", {}, "广东省五一劳动奖章"),
    ("广东省“五一”劳动奖章", {}, "广东省五一劳动奖章"),
    ("五一奖章", {}, "五一劳动奖章"),
    ("省劳模", {}, "广东省劳动模范"),
    ("省劳模", {"province": "湖南"}, "湖南省劳动模范"),
    ("市劳动模范", {"city": "佛山市"}, "佛山市劳动模范"),
    ("市劳动模范", {"city": "佛山"}, "佛山市劳动模范"),
    ("市劳动模范", {}, "市劳动模范"),
    ("区劳动模范", {"city": "佛山市"}, "区劳动模范"),
    ("区劳动模范", {"district": "顺德区"}, "顺德区劳动模范"),
    ("佛山市劳动模范", {}, "佛山市劳动模范"),
    ("广东省劳动模范荣誉称号", {}, "广东省劳动模范"),
    ("获评全国劳动模范", {}, "全国劳动模范"),
    ("第七届南粤工匠", {}, "南粤工匠"),
    ("2021年度南粤工匠", {}, "南粤工匠"),
    ("“大国工匠”", {}, "大国工匠"),
    ("大城工匠", {}, "佛山·大城工匠"),
    ("佛山•大城工匠", {}, "佛山·大城工匠"),
    ("羊城工匠", {}, "羊城工匠"),
    ("广州工匠", {}, "羊城工匠"),
    ("深圳工匠", {}, "鹏城工匠"),
    ("珠海工匠", {}, "珠海工匠"),
    ("市工匠", {"city": "东莞市"}, "东莞工匠"),
    ("省级工匠", {}, "南粤工匠"),
    ("“龙岗工匠”", {}, "龙岗工匠"),
    ("第二届“广缆工匠”", {}, "广缆工匠"),
    ("珠海特级工匠", {}, "珠海特级工匠"),
    ("广东省工人先锋号", {}, "广东省工人先锋号"),
    ("全国工人先锋号", {}, "全国工人先锋号"),
    ("湖南省劳动模范", {}, "湖南省劳动模范"),
    ("长沙市劳动模范", {}, "长沙市劳动模范"),
    ("湖南省长沙市劳动模范", {}, "长沙市劳动模范"),
    ("吉林市劳动模范", {}, "吉林市劳动模范"),
    ("佛山市顺德区劳动模范", {}, "佛山市顺德区劳动模范"),
    ("江门市五一劳动奖章", {}, "江门市五一劳动奖章"),
    ("全国技术能手", {}, "全国技术能手"),
    ("全国交通技术能手", {}, "全国交通技术能手"),
    ("中交集团技术能手", {}, "中交集团技术能手"),
    ("广铁集团劳模", {}, "广铁集团劳动模范"),
    ("珠海首席技师", {}, "珠海市首席技师"),
    ("市首席技师", {"city": "珠海市"}, "珠海市首席技师"),
    ("市企业首席技师", {"city": "佛山市"}, "佛山市企业首席技师"),
    ("首席技师", {"city": "佛山市"}, "首席技师"),
    ("中央企业劳动模范", {}, "中央企业劳动模范"),
    ("央企劳模", {}, "中央企业劳动模范"),
    ("广东省产业工人思想政治工作示范点", {}, "广东省产业工人思想政治工作示范点"),
    ("省职工服务示范点", {}, "广东省职工服务示范点"),
    ("省总工会创新案例奖", {}, "广东省总工会创新案例奖"),
    ("全国标准化工人文化宫", {}, "全国标准化工人文化宫"),
    ("佛山市劳模和工匠人才创新工作室", {}, "佛山市劳模和工匠人才创新工作室"),
    ("省劳模工匠创新工作室", {}, "广东省劳模和工匠人才创新工作室"),
    ("国家级技能大师工作室", {}, "国家级技能大师工作室"),
    ("全国三八红旗手", {}, "全国三八红旗手"),
    ("广东青年五四奖章", {}, "广东青年五四奖章"),
    ("中国青年五四奖章", {}, "中国青年五四奖章"),
    ("中华技能大奖", {}, "中华技能大奖"),
]

NOT_HONOURS = [
    "大国工匠人才",  # selection into a cultivation programme (培育), not the title
    "工作室主任", "一等奖", "第一名", "冯楚倩女职工创新工作室", "常金明劳模和工匠人才创新工作室",
    "东莞市工人文化宫", "巾帼工匠", "劳模工匠", "工匠", "示范点", "全国劳动模范和先进工作者",
    "表彰了一批广东省劳动模范", "为佛山市劳动模范", "中山大学先进个人", "羊城工匠培育对象", "",
    "龙岗工匠", "深化工匠", "贯通“工匠”", "“弘扬工匠", "佛山市各级工会大力弘扬劳模", "开展企业内部劳模",
    "省各级劳模", "省部级劳模", "名左右市级工匠", "享受市劳模", "顺德区容桂街道总工会探索工匠",
]


@pytest.mark.parametrize(("mention", "context", "expected"), CANONICAL)
def test_canonical_honour_expands_from_context(mention: str, context: dict, expected: str) -> None:
    assert canonical_honour(mention, **context) == expected


@pytest.mark.parametrize("mention", NOT_HONOURS)
def test_canonical_honour_rejects_non_honours(mention: str) -> None:
    assert canonical_honour(mention) is None


def test_canonical_honour_keeps_abbreviation_without_context() -> None:
    assert canonical_honour("省五一劳动奖章", province=None) == "省五一劳动奖章"


def test_parse_honour_edition_and_year() -> None:
    assert parse_honour("第七届南粤工匠").edition == 7
    assert parse_honour("第十二届南粤工匠").edition == 12
    assert parse_honour("首届南粤工匠").edition == 1
    parsed = parse_honour("2021年度南粤工匠")
    assert (parsed.canonical, parsed.year, parsed.edition) == ("南粤工匠", 2021, None)
    assert parsed.info.ladder == "craftsman"


def test_canonical_names_are_fixed_points() -> None:
    for _, _, expected in CANONICAL:
        assert honour_info(expected).name == expected, expected


def test_honour_info_levels_kinds_and_bodies() -> None:
    medal = honour_info("广东省五一劳动奖章")
    assert (medal.level, medal.recipient_kind, medal.conferred_by, medal.region) == (
        "provincial", "person", "广东省总工会", "广东省")
    assert medal.en == "Guangdong Provincial May Day Labour Medal"
    assert honour_info("全国五一劳动奖章").conferred_by == "中华全国总工会"
    national = honour_info("全国劳动模范")
    assert (national.level, national.conferred_by, national.region) == ("national", "中共中央、国务院", None)
    assert national.conferrers == ("中共中央", "国务院")
    assert honour_info("广东省劳动模范").conferred_by == "中共广东省委、广东省人民政府"
    assert honour_info("佛山市劳动模范").level == "city"
    assert honour_info("佛山市顺德区劳动模范").level == "district"
    assert honour_info("全国技术能手").conferred_by == "人力资源和社会保障部"
    assert honour_info("广东省技术能手").conferred_by == "广东省人力资源和社会保障厅"
    assert honour_info("中交集团技术能手").level == "enterprise"


def test_honour_info_collective_honours() -> None:
    for name in ("广东省五一劳动奖状", "全国工人先锋号", "广东省先进集体", "全国三八红旗集体",
                 "广东省产业工人思想政治工作示范点"):
        assert honour_info(name).recipient_kind == "organisation", name
    assert honour_info("全国三八红旗手").recipient_kind == "person"


def test_honour_info_named_honours() -> None:
    assert (honour_info("南粤工匠").level, honour_info("南粤工匠").region) == ("provincial", "广东省")
    assert honour_info("佛山·大城工匠").region == "佛山市"
    assert honour_info("大城工匠").name == "佛山·大城工匠"
    assert honour_info("羊城工匠").conferred_by == "广州市总工会"
    assert honour_info("中央企业劳动模范").ladder == "model_worker"
    assert honour_info("工作室主任") is None


def test_honour_info_ladder_rungs() -> None:
    rung = {name: honour_info(name).rung for name in ("大国工匠", "南粤工匠", "羊城工匠", "人民工匠")}
    assert rung["人民工匠"] > rung["大国工匠"] > rung["南粤工匠"] > rung["羊城工匠"]
    assert honour_info("全国劳动模范").rung > honour_info("广东省劳动模范").rung > honour_info("佛山市劳动模范").rung
    assert honour_info("中华技能大奖").rung > honour_info("全国技术能手").rung
    assert {honour_info(n).ladder for n in ("羊城工匠", "珠海工匠", "南粤工匠", "大国工匠")} == {"craftsman"}


def test_honour_lineage_follows_places() -> None:
    assert honour_lineage("羊城工匠") == ["羊城工匠", "南粤工匠", "大国工匠"]
    assert honour_lineage("佛山市劳动模范") == ["佛山市劳动模范", "广东省劳动模范", "全国劳动模范"]
    assert honour_lineage("江门市五一劳动奖章")[-1] == "全国五一劳动奖章"


def test_split_honours_coordination() -> None:
    assert split_honours("全国和省五一劳动奖章") == ["全国五一劳动奖章", "广东省五一劳动奖章"]
    assert split_honours("省、市五一劳动奖章", city="深圳市") == ["广东省五一劳动奖章", "深圳市五一劳动奖章"]
    assert split_honours("全国劳模") == ["全国劳动模范"]


def test_ladders_are_ordered_lowest_first() -> None:
    lad = ladders()
    assert lad["model_worker"][-3:] == ["city", "provincial", "national"]
    assert {"may_day_medal", "craftsman", "worker_pioneer"} <= set(lad)
    assert ladder_labels()["craftsman"]["zh"] == "工匠序列"


def test_honour_pattern_terms_cover_surface_forms() -> None:
    terms = honour_pattern_terms()
    for term in ("劳动模范", "劳模", "五一奖章", "“五一”劳动奖章", "工人先锋号", "南粤工匠", "大城工匠",
                 "佛山·大城工匠", "佛山大城工匠", "劳模和工匠人才创新工作室"):
        assert term in terms, term
    assert [len(t) for t in terms] == sorted((len(t) for t in terms), reverse=True)
    assert "广东省" in place_terms() and "省" in place_terms()


def test_module_doctests() -> None:
    assert doctest.testmod(taxonomy).failed == 0


def _copy(tmp_path: Path) -> Path:
    for name in ("honours.yaml", "places.yaml"):
        shutil.copy(ONTOLOGY / name, tmp_path / name)
    return tmp_path


def test_load_taxonomy_reads_a_copy(tmp_path: Path) -> None:
    assert "劳动模范" in load_taxonomy(_copy(tmp_path)).families


@pytest.mark.parametrize(("file", "old", "new", "message"), [
    ("honours.yaml", "families:", "families: [\n", "cannot read"),
    ("honours.yaml", "ladder: model_worker\n", "ladder: no_such_ladder\n", "unknown ladder"),
    ("honours.yaml", "kind: person\n", "kind: robot\n", "kind must be"),
    ("honours.yaml", "region: 广东省,", "region: 火星省,", "unknown region"),
    ("places.yaml", "parent: 广东省, en: Foshan", "parent: 岭南省, en: Foshan", "unknown parent"),
    ("places.yaml", "level: city, parent: 广东省, en: Zhuhai", "level: town, parent: 广东省, en: Zhuhai", "unknown level"),
])
def test_load_taxonomy_malformed_raises(tmp_path: Path, file: str, old: str, new: str, message: str) -> None:
    root = _copy(tmp_path)
    text = (root / file).read_text(encoding="utf-8")
    assert old in text
    (root / file).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(OntologyError, match=message):
        load_taxonomy(root)


def test_load_taxonomy_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(OntologyError, match="cannot read"):
        load_taxonomy(tmp_path)
