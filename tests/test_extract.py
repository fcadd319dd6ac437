"""Extraction on the real pipeline (LAC + domain readers): facts, canonical names, evidence."""
from __future__ import annotations

import json

import pytest

from extract.document import Skipped
from extract.pipeline import extract_paths
from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def _facts(path) -> list[dict]:
    (doc,) = list(extract_paths([str(path)]))
    assert not isinstance(doc, Skipped)
    return [f.to_json() for f in doc.facts]


def _of(facts, kind, **fields):
    return [f for f in facts if f["type"] == kind and all(f.get(k) == v for k, v in fields.items())]


@pytest.fixture(scope="module")
def jiangmen():
    return _facts(ROOT / "examples" / "jiangmen-may-day-2023-04-28.txt")


def test_extract_award_list_under_heading(jiangmen):
    for name, org in [("李振华", "江门市恒达精密机械有限公司"), ("郑丽娟", "江门市中心医院")]:
        (award,) = _of(jiangmen, "award", recipient=name)
        assert award["honour"] == "江门市五一劳动奖章"
        assert award["year"] == 2023  # conferred at the meeting of 4月26日 in a 2023 article
        assert award["recipient_org"].startswith(org)  # the unit may follow: …公司数控车间


def test_extract_collective_honour_goes_to_organisation(jiangmen):
    awards = _of(jiangmen, "award", honour="江门市工人先锋号")
    assert awards and all(a["recipient_kind"] == "organisation" for a in awards)


def test_extract_nomination_is_not_an_award(jiangmen):
    assert not _of(jiangmen, "award", honour="广东省五一劳动奖章")


def test_extract_title_chain_gives_one_position_per_title(jiangmen):
    got = {(p["person"], p["organisation"], p["title"]) for p in _of(jiangmen, "position")}
    assert ("梁志坚", "江门市人大常委会", "副主任") in got
    assert ("梁志坚", "江门市总工会", "主席") in got  # 市总工会 expanded from the article's city
    assert ("吴海燕", "江门市总工会", "党组书记") in got
    assert ("吴海燕", "江门市总工会", "常务副主席") in got


def test_extract_evidence_points_into_the_original_file(jiangmen):
    source = (ROOT / "examples" / "jiangmen-may-day-2023-04-28.txt").read_text(encoding="utf-8")
    for fact in jiangmen:
        ev = fact["evidence"]
        raw = source[ev["start"]:ev["end"]]
        assert raw.replace("\n", "").replace(" ", "").startswith(ev["quote"][:6].replace(" ", ""))


def test_extract_profile_pronoun_studio_and_apprentice():
    facts = _facts(ROOT / "examples" / "shaoguan-craftsman-profile-2024-06.txt")
    assert _of(facts, "award", recipient="吴建明", honour="广东省五一劳动奖章", year=2022)
    assert _of(facts, "studio", name="吴建明劳模和工匠人才创新工作室", leader="吴建明")
    assert _of(facts, "mentorship", master="吴建明", apprentice="张卫东")


def test_extract_competition_placing_is_not_an_award():
    facts = _facts(ROOT / "examples" / "huizhou-skills-competition-2025-09-15.txt")
    assert not _of(facts, "award")
    (event,) = [e for e in _of(facts, "event") if e["date"]]
    assert event["name"] == "惠州市第三届职工职业技能大赛"
    assert event["date"] == "2025-09-12"


def test_extract_jsonl_contract_fields(jiangmen):
    required = {
        "person": {"name"}, "organisation": {"name"},
        "award": {"recipient", "recipient_kind", "honour", "year", "recipient_org"},
        "position": {"person", "organisation", "title"}, "studio": {"name", "leader", "host"},
        "mentorship": {"master", "apprentice"}, "event": {"name", "date", "place", "organisers"},
    }
    for fact in jiangmen:
        assert required[fact["type"]] <= set(fact), fact
        assert set(fact["evidence"]) == {"doc", "start", "end", "quote"}
        json.dumps(fact, ensure_ascii=False)


def test_extract_workers_give_the_same_facts_as_one_process():
    paths = [str(ROOT / "examples")]
    one = [[f.to_json() for f in d.facts] for d in extract_paths(paths)]
    two = [[f.to_json() for f in d.facts] for d in extract_paths(paths, workers=2)]
    assert one == two and sum(map(len, one)) > 10


@pytest.mark.parametrize(
    "text",
    [
        "This union newsletter is written in English only. John Smith won an award.",
        "廣東省總工會授予李明“廣東省五一勞動獎章”。",
        "職工“張三”（化名）在[测试]公司工作，获得“佛山市五一劳动奖章”。",
        "Mixed 文本 with 英文 words and 2025年 dates.",
    ],
)
def test_extract_odd_text_does_not_crash(tmp_path, text):
    path = tmp_path / "odd.txt"
    path.write_text(text, encoding="utf-8")
    (doc,) = list(extract_paths([str(path)]))
    assert not isinstance(doc, Skipped)
    for fact in doc.facts:
        ev = fact.evidence
        assert 0 <= ev.start <= ev.end <= len(text)


def test_extract_context_resolves_this_company_to_the_one_named_before():
    from extract.context import ArticleContext

    ctx = ArticleContext(city="韶关市")
    ctx.saw("韶关市曲江钢铁有限公司轧钢厂")
    assert ctx.expand("该公司") == "韶关市曲江钢铁有限公司"
    assert ctx.expand("该公司轧钢厂") == "韶关市曲江钢铁有限公司轧钢厂"
    assert ctx.expand("该厂") == "韶关市曲江钢铁有限公司轧钢厂"
    assert ArticleContext().expand("该公司") == "该公司"  # nothing named before: left as written


def test_extract_candidate_list_is_not_an_award_list(tmp_path):
    path = tmp_path / "notice-2025-04-10.txt"
    path.write_text(
        "关于2025年广东省五一劳动奖章拟表彰对象的公示\n\n广东省五一劳动奖章拟表彰对象（3名）\n\n"
        "王海涛 广州地铁集团有限公司高级技师\n\n陈丽华 深圳市人民医院护士长\n\n"
        "公示期间如有异议，请向广东省总工会反映。\n", encoding="utf-8")
    facts = _facts(path)
    assert not _of(facts, "award")
    assert _of(facts, "person", name="王海涛")


@pytest.mark.parametrize(
    ("text", "city", "province"),
    [
        ("今天在佛山市举行。来到佛山市。到佛山市。佛山市总工会召开会议。", "佛山市", "广东省"),
        ("湖南省长沙市总工会表彰一批劳模。长沙市劳模代表发言。", "长沙市", "湖南省"),
    ],
)
def test_extract_context_place_without_the_word_before_it(text, city, province):
    from extract.context import article_context

    ctx = article_context(text)
    assert (ctx.city, ctx.province) == (city, province)


def test_extract_context_alias_is_the_name_not_the_clause():
    from extract.context import article_context

    ctx = article_context("2023年，我们走访了广州视源电子科技有限公司（以下简称“视源”）。")
    assert ctx.aliases == {"视源": "广州视源电子科技有限公司"}


def test_extract_reporter_credit_needs_a_name_not_a_verb(tmp_path):
    path = tmp_path / "visit-2024-05-01.txt"
    path.write_text("记者来到车间，看到职工们正在忙碌。本报讯（记者黄细英）近日，工会举办活动。", encoding="utf-8")
    people = {f["name"] for f in _facts(path) if f["type"] == "person"}
    assert "黄细英" in people and "来到车" not in people


def test_extract_same_honour_in_two_years_gives_two_awards(tmp_path):
    path = tmp_path / "profile-2024-06.txt"
    path.write_text("李建国是广州某机械有限公司的高级技师。他2015年被评为广州市劳动模范，"
                    "2020年再次被评为广州市劳动模范。", encoding="utf-8")
    years = sorted(a["year"] for a in _of(_facts(path), "award", recipient="李建国"))
    assert years == [2015, 2020]


def test_extract_organisation_does_not_run_on_into_the_sentence(tmp_path):
    path = tmp_path / "meeting-2025-11-03.txt"
    path.write_text("本报讯 11月2日，中山市总工会紧紧围绕党的中心工作召开会议。职工代表张三发言。", encoding="utf-8")
    facts = _facts(path)
    orgs = {f["name"] for f in facts if f["type"] == "organisation"}
    assert "中山市总工会" in orgs and not any("围绕" in o for o in orgs)
    assert not _of(facts, "position", person="张三")  # 职工 is no organisation


@pytest.mark.parametrize(("name", "is_org"), [
    ("佛山市人力资源和社会保障局", True), ("广东省工业和信息化厅", True), ("全国铁路总工会", True),
    ("全国和省总工会", False), ("广州市总工会与东莞市总工会", False), ("各级工会", False),
])
def test_extract_organisation_names_with_conjunctions(name, is_org):
    from extract.normalise import is_organisation

    assert is_organisation(name) is is_org


def test_extract_list_heading_year_is_the_award_year(tmp_path):
    path = tmp_path / "list-2024-05-01.txt"
    path.write_text("2019年度佛山市五一劳动奖章（2名）\n\n张建华 佛山市某某机械有限公司技术员\n\n"
                    "李晓明 佛山市某某电器有限公司工程师\n", encoding="utf-8")
    awards = _of(_facts(path), "award", honour="佛山市五一劳动奖章")
    assert {(a["recipient"], a["year"]) for a in awards} == {("张建华", 2019), ("李晓明", 2019)}


def test_extract_studio_and_apprentice_from_people_not_fixed_lengths(tmp_path):
    path = tmp_path / "profile-2024-03.txt"
    path.write_text("李四很好。李四发言。广州某电缆有限公司的张三劳模创新工作室成立以来，张三带出了徒弟王小五在车间工作。",
                    encoding="utf-8")
    facts = _facts(path)
    assert _of(facts, "studio", name="张三劳模创新工作室", leader="张三", host="广州某电缆有限公司")
    assert [(m["master"], m["apprentice"]) for m in _of(facts, "mentorship")] == [("张三", "王小五")]


@pytest.mark.parametrize(("text", "awarded"), [
    ("2021年度南粤工匠、广东省博物馆的文物修复师李涛如是说。", True),
    ("以第七届南粤工匠、该公司技术总监周小稳为原型拍摄。", True),
    ("全国劳动模范座谈会上黄宁生指出，要弘扬劳模精神。", False),
    ("《全国劳动模范风采录》出版，黄宁生作序。", False),
])
def test_extract_apposition_only_across_unit_and_posts(tmp_path, text, awarded):
    path = tmp_path / "note-2024-11.txt"
    path.write_text(text, encoding="utf-8")
    assert bool(_of(_facts(path), "award")) is awarded


@pytest.mark.parametrize("text", [
    "张建国、李美玲和王海涛荣获2024年广东省五一劳动奖章。",
    "今年，我市共有3人获评2024年广东省五一劳动奖章，分别是张建国、李美玲、王海涛。",
])
def test_extract_several_recipients_of_one_honour(tmp_path, text):
    path = tmp_path / "news-2024-05-01.txt"
    path.write_text(text, encoding="utf-8")
    got = {a["recipient"] for a in _of(_facts(path), "award", honour="广东省五一劳动奖章", year=2024)}
    assert got == {"张建国", "李美玲", "王海涛"}


def test_extract_traditional_characters_are_read_like_simplified(tmp_path):
    text = "本報訊 4月26日，江門市總工會授予李振華“江門市五一勞動獎章”。"
    path = tmp_path / "big5-2023-04-28.txt"
    path.write_text(text, encoding="big5")
    facts = _facts(path)
    (award,) = _of(facts, "award")
    assert (award["recipient"], award["honour"], award["year"]) == ("李振华", "江门市五一劳动奖章", 2023)
    quote = award["evidence"]["quote"]
    assert "江門市總工會" in quote  # evidence quotes the file as written


def test_extract_bodies_listed_after_a_place_keep_it(tmp_path):
    path = tmp_path / "report-2025-11.txt"
    path.write_text("五年来，省总工会携手省人社厅、工信厅、科技厅连续开展404项省级职业竞赛。", encoding="utf-8")
    orgs = {f["name"] for f in _facts(path) if f["type"] == "organisation"}
    assert {"广东省总工会", "广东省人力资源和社会保障厅", "广东省工业和信息化厅", "广东省科学技术厅"} <= orgs


def test_extract_enumerated_lists_of_a_decision():
    facts = _facts(ROOT / "examples" / "guangdong-decision-2024-04-25.txt")
    units = {a["recipient"] for a in _of(facts, "award", honour="广东省五一劳动奖状")}
    assert units == {"广州地铁集团有限公司", "珠海格力电器股份有限公司"}
    medals = {(a["recipient"], a["recipient_org"]) for a in _of(facts, "award", honour="广东省五一劳动奖章")}
    assert ("李小红", "深圳市华通科技有限公司") in medals and ("赵海军", "佛山市顺德区美达电器有限公司") in medals


def test_extract_district_takes_the_city_the_text_pairs_it_with():
    from extract.context import article_context
    from extract.normalise import canonical_org

    ctx = article_context("佛山市总工会召开会议。佛山市总工会。惠州大亚湾区总工会举办培训班。南海区总工会发言。")
    assert ctx.city == "佛山市"
    assert canonical_org("大亚湾区总工会", ctx) == "惠州市大亚湾区总工会"  # not the article's city
    assert canonical_org("南海区总工会", ctx) == "佛山市南海区总工会"


def test_extract_city_of_the_sentence_before_the_articles(tmp_path):
    # a provincial chronicle: 市总工会 is the city the sentence names, not the one the issue names most
    path = tmp_path / "chronicle-2024-11.txt"
    path.write_text("11月1日，广州市总工会召开会议。广州市总工会主席出席。\n"
                    "11月7日，邀请赛在江门市举行，江门市人大常委会副主任、市总工会主席吴明华出席。\n",
                    encoding="utf-8")
    facts = _facts(path)
    assert _of(facts, "position", person="吴明华", organisation="江门市总工会", title="主席")
    assert not _of(facts, "position", person="吴明华", organisation="广州市总工会")


def test_extract_article_city_from_its_own_text_before_the_issue():
    from extract.context import article_context

    issue = "广州市总工会。" * 20
    assert article_context("近年来，东莞认真贯彻落实部署。市总工会召开会议。", doc_text=issue).city == "东莞市"
    assert article_context("市总工会召开会议。", doc_text=issue).city == "广州市"  # the issue as fallback


@pytest.mark.parametrize(("text", "kept", "dropped"), [
    ("受广东省人大常委会党组成员、省总工会主席吕业升的委托，杜玲会见代表团。",
     {"广东省人大常委会", "广东省总工会"}, {"受广东省人大常委会"}),
    ("市、县两级总工会投入资金300余万元，全市五区工会和九市总工会参加。", set(),
     {"县两级总工会", "广州市五区工会", "九市总工会"}),
    ("工业系统累计推选省部级劳模17名。", set(), {"广东省部"}),
    ("省工业工会、中铁二十五局有关负责人参加活动。", {"广东省工业工会", "中铁二十五局"}, {"广东省中铁二十五局"}),
    ("大会授予韶关市明远机械有限公司钳工周立新“韶关市五一劳动奖章”。", {"韶关市明远机械有限公司"},
     {"授予韶关市明远机械有限公司"}),
])
def test_extract_organisations_are_single_named_bodies(tmp_path, text, kept, dropped):
    path = tmp_path / "news-2024-11.txt"
    path.write_text("广州市总工会召开会议。" + text, encoding="utf-8")
    orgs = {f["name"] for f in _facts(path) if f["type"] == "organisation"}
    assert kept <= orgs and not dropped & orgs


def test_extract_award_goes_to_the_subject_of_its_own_phrase(tmp_path):
    path = tmp_path / "news-2024-05-06.txt"
    path.write_text("记者王五报道，李四获得全国五一劳动奖章。张三介绍，他是全国劳动模范。"
                    "赵六是广东省劳动模范，也是南粤工匠。他的师傅是全国劳动模范钱七的徒弟。", encoding="utf-8")
    awards = {(a["recipient"], a["honour"]) for a in _of(_facts(path), "award")}
    assert awards == {("李四", "全国五一劳动奖章"), ("张三", "全国劳动模范"), ("赵六", "广东省劳动模范"),
                      ("赵六", "南粤工匠"), ("钱七", "全国劳动模范")}


def test_extract_post_in_a_company_is_not_an_honour(tmp_path):
    path = tmp_path / "profile-2024-06.txt"
    path.write_text("韶关市曲江钢铁有限公司成立于1966年。45岁的吴建明是该公司轧钢厂首席技师。", encoding="utf-8")
    assert not _of(_facts(path), "award")


def test_extract_collective_honour_of_the_passage_topic(tmp_path):
    path = tmp_path / "report-2024-11.txt"
    path.write_text("中山市总工会紧紧围绕中心任务，实施专项行动，服务企业超200家。"
                    "项目于2023年获广东省总工会工会工作创新奖一等奖。", encoding="utf-8")
    (award,) = _of(_facts(path), "award")
    assert (award["recipient"], award["recipient_kind"], award["year"]) == ("中山市总工会", "organisation", 2023)


def test_extract_counted_people_over_name_cards(tmp_path):
    cards = "".join(f"{name}\n{org}高级工程师\n2019年全国五一劳动奖章获得者\n\n" for name, org in
                    [("杨春明", "华南理工大学"), ("许文涛", "广州汽车集团股份有限公司"), ("林秀英", "中山大学")])
    path = tmp_path / "academicians-2025-11-22.txt"
    path.write_text(cards + "广东3劳模当选中国工程院院士\n\n11月21日，增选结果揭晓。张大山参加了会议。\n", encoding="utf-8")
    facts = _facts(path)
    elected = {(a["recipient"], a["year"]) for a in _of(facts, "award", honour="中国工程院院士")}
    assert elected == {("杨春明", 2025), ("许文涛", 2025), ("林秀英", 2025)}
    assert not _of(facts, "award", recipient="张大山")
    # a count that does not match the cards names no one
    path.write_text(cards + "广东5劳模当选中国工程院院士\n", encoding="utf-8")
    assert not _of(_facts(path), "award", honour="中国工程院院士")


def test_extract_a_word_after_an_honour_is_not_a_listed_name(tmp_path):
    path = tmp_path / "news-2025-11.txt"
    path.write_text("深圳市总工会开设“深圳工匠”云课堂，开展培训。", encoding="utf-8")
    assert not _of(_facts(path), "award")


def test_extract_honours_outside_the_taxonomy_as_objects_of_conferral(tmp_path):
    path = tmp_path / "news-2024-05.txt"
    path.write_text("钱伟被授予“全国民族团结进步模范个人”称号。卫东荣获全国住房城乡建设系统劳动模范。"
                    "孙丽荣获广东省科学技术进步奖一等奖。周强获得“金点子”。职工获得感不断增强。"
                    "广州地铁集团有限公司车辆中心获评全国交通运输系统先进集体。", encoding="utf-8")
    awards = {(a["recipient"], a["recipient_kind"], a["honour"]) for a in _of(_facts(path), "award")}
    assert awards == {("钱伟", "person", "全国民族团结进步模范个人"),
                      ("卫东", "person", "全国住房城乡建设系统劳动模范"),
                      ("广州地铁集团有限公司车辆中心", "organisation", "全国交通运输系统先进集体")}


def test_extract_event_names_are_whole_and_clean(tmp_path):
    path = tmp_path / "news-2024-11-28.txt"
    path.write_text("11月28日，由广东省总工会主办的首届职工创新工作室经验交流大会暨创新成果展示活动在广州举行。"
                    "科技管理研究，2023,43(10):1-8.“极品飞车”技能竞赛现场。"
                    "以及市政府与工会联席会议。省总工会制订了《广东省总工会劳动和技能竞赛规划》。"
                    "2022年编程马拉松在深圳举行。", encoding="utf-8")
    names = {e["name"]: e for e in _of(_facts(path), "event")}
    assert "首届职工创新工作室经验交流大会暨创新成果展示活动" in names
    assert "首届职工创新工作室经验交流大会暨创新成果展" not in names  # a prefix of the whole name
    assert names["首届职工创新工作室经验交流大会暨创新成果展示活动"]["organisers"] == ["广东省总工会"]
    assert not [n for n in names if n.startswith(("1-8", "及", "《"))]
    assert "2022年编程马拉松" in names


def test_extract_studio_named_after_the_person_of_a_company(tmp_path):
    path = tmp_path / "news-2024-05.txt"
    path.write_text("佛山市精密机械有限公司郑国强劳模创新工作室被命名为省级示范工作室。", encoding="utf-8")
    facts = _facts(path)
    assert _of(facts, "studio", name="郑国强劳模创新工作室", leader="郑国强", host="佛山市精密机械有限公司")
    assert _of(facts, "person", name="郑国强")


def test_extract_a_post_between_two_organisations_parts_them(tmp_path):
    path = tmp_path / "cards-2025-11.txt"
    path.write_text("廉玉波\n汽车总工程师、汽车工程研究院院长比亚迪股份有限公司首席科学家、\n2020年全国劳动模范\n",
                    encoding="utf-8")
    facts = _facts(path)
    orgs = {f["name"] for f in _of(facts, "organisation")}
    assert "比亚迪股份有限公司" in orgs and not [o for o in orgs if "院长" in o]


def test_extract_title_conferred_on_the_placed_people(tmp_path):
    path = tmp_path / "competition-2020-11-20.txt"
    path.write_text("广东湛港重工机械有限公司的黄浩然、湛江粤西电力工程有限公司的陈秋燕分别获得焊工、电工项目第一名。"
                    "各项目获得第一名的选手被授予“湛江市技术能手”称号；获得第二名的选手颁发荣誉证书。"
                    "莫家伟获得电工项目第二名。", encoding="utf-8")
    awards = {(a["recipient"], a["recipient_org"], a["year"]) for a in _of(_facts(path), "award")}
    assert awards == {("黄浩然", "广东湛港重工机械有限公司", 2020), ("陈秋燕", "湛江粤西电力工程有限公司", 2020)}


def test_extract_recipients_named_with_their_posts_and_among_them(tmp_path):
    path = tmp_path / "briefs-2018-12-21.txt"
    path.write_text("丰顺县顺达公路养护有限公司副总经理钟伟强、梅州嘉应客运有限公司车队队长古丽萍和"
                    "蕉岭县顺通物流有限公司高级技师温少华荣获“全国交通运输系统劳动模范”称号。"
                    "会议为2018年度10名“羊城工匠”颁发了证书，其中，广州穗安电梯工程有限公司高级技师邝志文、"
                    "广州粤华数控机床有限公司装配车间主任卢美玲作为代表发言。"
                    "梅州客都纺织有限公司织造车间甲班被授予“广东省三八红旗集体”称号。", encoding="utf-8")
    awards = {(a["recipient"], a["honour"]) for a in _of(_facts(path), "award")}
    assert {("钟伟强", "全国交通运输系统劳动模范"), ("古丽萍", "全国交通运输系统劳动模范"),
            ("温少华", "全国交通运输系统劳动模范"), ("邝志文", "羊城工匠"), ("卢美玲", "羊城工匠"),
            ("梅州客都纺织有限公司织造车间甲班", "广东省三八红旗集体")} <= awards


def test_extract_this_studio_receives_the_designation(tmp_path):
    path = tmp_path / "profile-2021-08-16.txt"
    path.write_text("罗锦辉是广东鼎丰汽车零部件有限公司首席技师。2017年，公司以他的名字成立了“罗锦辉劳模创新工作室”。"
                    "2020年，该工作室被肇庆市总工会命名为“肇庆市劳模和工匠人才创新工作室”。", encoding="utf-8")
    facts = _facts(path)
    assert _of(facts, "studio", name="罗锦辉劳模创新工作室", leader="罗锦辉")
    (award,) = _of(facts, "award", honour="肇庆市劳模和工匠人才创新工作室")
    assert (award["recipient"], award["recipient_kind"], award["year"]) == ("罗锦辉劳模创新工作室", "organisation", 2020)


def test_extract_name_list_lines_stay_apart_and_rare_simplified_characters_stay(tmp_path):
    path = tmp_path / "awards-2019-04-29.txt"
    path.write_text("二、汕头市五一劳动奖章（3名）\n\n陈　雯（女）　汕头市金平区人民医院护士长\n\n"
                    "许锐彬（广东粤东海通港口物流有限公司）\n\n黄泽鑫（汕头市濠江区清源供水有限公司）\n\n"
                    "三、汕头市工人先锋号（2个）\n\n汕头市金平区人民医院急诊科\n\n汕头市鮀城公交运营有限公司18路车队\n",
                    encoding="utf-8")
    awards = {(a["recipient"], a["honour"]) for a in _of(_facts(path), "award")}
    assert {("许锐彬", "汕头市五一劳动奖章"), ("黄泽鑫", "汕头市五一劳动奖章"),
            ("汕头市金平区人民医院急诊科", "汕头市工人先锋号"),
            ("汕头市鮀城公交运营有限公司18路车队", "汕头市工人先锋号")} <= awards


def test_extract_award_year_nearest_before_or_this_year_after(tmp_path):
    path = tmp_path / "briefs-2017-05-09.txt"
    path.write_text("近日，交通运输部表彰一批劳动模范。钟伟强荣获“全国交通运输系统劳动模范”称号。"
                    "谢宇航荣获“广东青年五四奖章”，是今年我市唯一获此殊荣的职工。"
                    "他2015年获评梅州市劳动模范，今年又获评广东省劳动模范。", encoding="utf-8")
    years = {(a["recipient"], a["honour"]): a["year"] for a in _of(_facts(path), "award")}
    assert years[("钟伟强", "全国交通运输系统劳动模范")] == 2017  # news of a conferral 近日
    assert years[("谢宇航", "广东青年五四奖章")] == 2017
    assert years[("谢宇航", "梅州市劳动模范")] == 2015
    assert years[("谢宇航", "广东省劳动模范")] == 2017


def test_extract_posts_given_by_an_election_and_held_before(tmp_path):
    path = tmp_path / "congress-2016-11-23.txt"
    path.write_text("河源市工会第七次代表大会召开。在全委会议上，钟伟雄当选为市总工会主席，黄美玲（女）、廖志刚当选为副主席；"
                    "古丽萍当选为市总工会经费审查委员会主任。当选副主席的廖志刚此前任龙川县总工会主席。"
                    "黄志鹏是电力公司班长。今年3月，他当选阳江市总工会兼职副主席。", encoding="utf-8")
    posts = {(p["person"], p["organisation"], p["title"]) for p in _of(_facts(path), "position")}
    assert {("钟伟雄", "河源市总工会", "主席"), ("黄美玲", "河源市总工会", "副主席"), ("廖志刚", "河源市总工会", "副主席"),
            ("古丽萍", "河源市总工会经费审查委员会", "主任"), ("廖志刚", "龙川县总工会", "主席"),
            ("黄志鹏", "阳江市总工会", "兼职副主席")} <= posts


def test_extract_district_body_then_its_short_form_and_the_company_by_itself(tmp_path):
    path = tmp_path / "competition-2019-11-18.txt"
    path.write_text("潮州市总工会主办竞赛。潮安区委常委、区总工会主席杨伟东出席。"
                    "阳江市漠江电力安装有限公司成立于2001年。公司总经理严国庆介绍情况。前年，他捧回了广东省五一劳动奖章。",
                    encoding="utf-8")
    facts = _facts(path)
    posts = {(p["person"], p["organisation"], p["title"]) for p in _of(facts, "position")}
    assert {("杨伟东", "中共潮州市潮安区委", "常委"), ("杨伟东", "潮州市潮安区总工会", "主席"),
            ("严国庆", "阳江市漠江电力安装有限公司", "总经理")} <= posts
    assert _of(facts, "award", recipient="严国庆", honour="广东省五一劳动奖章", year=2017)


def test_extract_table_of_names_units_and_posts_under_a_heading(tmp_path):
    path = tmp_path / "awards-2018-04-27.txt"
    path.write_text("一、揭阳市劳动模范\n\n姓名　　单位　　职务\n吴锦荣　揭阳市华锐五金制品有限公司　模具车间主任\n"
                    "郑　伟　普宁市泰合制衣有限公司　缝纫车间班长\n三、揭阳市五一劳动奖状\n揭阳市华锐五金制品有限公司\n"
                    "揭阳市榕城捷运公交有限公司\n", encoding="utf-8")
    facts = _facts(path)
    assert {a["recipient"] for a in _of(facts, "award", honour="揭阳市劳动模范")} == {"吴锦荣", "郑伟"}
    assert {a["recipient"] for a in _of(facts, "award", honour="揭阳市五一劳动奖状")} == {
        "揭阳市华锐五金制品有限公司", "揭阳市榕城捷运公交有限公司"}
    assert _of(facts, "position", person="郑伟", organisation="普宁市泰合制衣有限公司", title="缝纫车间班长")


def test_extract_mentorships_listed_apprentices_and_masters_written_out(tmp_path):
    path = tmp_path / "profile-2021-06-18.txt"
    path.write_text("黄志鹏是阳江市漠江电力安装有限公司配网抢修班班长。这些年，他先后带出徒弟20多名。"
                    "徒弟许嘉伟去年获评阳江市五一劳动奖章，另一名徒弟梁晓冬已成长为技术骨干。"
                    "工作室里的黎嘉欣也是黄志鹏的徒弟。\n\n"
                    "“这次比赛考笔力。”林晓纯说。今年25岁的她，师傅是广东省工艺美术大师、彩绘车间主任陈淑贞。",
                    encoding="utf-8")
    pairs = {(m["master"], m["apprentice"]) for m in _of(_facts(path), "mentorship")}
    assert pairs == {("黄志鹏", "许嘉伟"), ("黄志鹏", "梁晓冬"), ("黄志鹏", "黎嘉欣"), ("陈淑贞", "林晓纯")}


@pytest.mark.parametrize(("text", "kept", "dropped"), [
    ("和平县总工会、经开区总工会参加会议。", {"和平县总工会", "河源市经开区总工会"}, {"平县总工会", "河源市开区总工会"}),
    ("大亚湾区委常委、区总工会主席张三出席。", {"惠州市大亚湾区总工会"}, {"惠州市亚湾区总工会"}),
    ("中山大学教授李四当选市总工会兼职副主席。", {"河源市总工会"}, {"中山市总工会"}),
    ("交警一大队获评河源市工人先锋号。", set(), {"和平县总工会"}),  # not the topic: 交警一大队 is the subject
])
def test_extract_place_names_are_not_cut_or_taken_from_other_words(tmp_path, text, kept, dropped):
    path = tmp_path / "news-2024-11.txt"
    path.write_text("河源市总工会召开会议。惠州市大亚湾区总工会、河源市总工会参加。" + text, encoding="utf-8")
    facts = _facts(path)
    named = {f["name"] for f in _of(facts, "organisation")} | {p["organisation"] for p in _of(facts, "position")} \
        | {a["recipient"] for a in _of(facts, "award")}
    assert kept <= named and not dropped & named


def test_extract_estimates_and_ages_are_no_counts_or_years(tmp_path):
    cards = "".join(f"{name}\n华南理工大学教授\n\n" for name in ("杨春明", "许文涛"))
    path = tmp_path / "news-2023-05-06.txt"
    path.write_text(cards + "二三十名职工荣获全国五一劳动奖章。李华曾获评全国劳动模范，今年又获评广东省五一劳动奖章。"
                    "王强荣获全国劳动模范称号，今年已经58岁。", encoding="utf-8")
    facts = _facts(path)  # an estimate (二三十) neither fails the document nor counts the cards
    years = {(a["recipient"], a["honour"]): a["year"] for a in _of(facts, "award")}
    assert years[("李华", "全国劳动模范")] is None and years[("李华", "广东省五一劳动奖章")] == 2023
    assert years[("王强", "全国劳动模范")] is None
    assert not _of(facts, "award", recipient="杨春明")


def test_extract_events_about_spirit_and_two_events_joined(tmp_path):
    path = tmp_path / "news-2023-05-06.txt"
    path.write_text("市总工会举办2023年工匠精神进校园活动。市总工会举办第五届职工技能大赛和第五届职工技能大赛颁奖大会。"
                    "和谐劳动关系创建推进会在广州召开。", encoding="utf-8")
    names = {e["name"] for e in _of(_facts(path), "event")}
    assert {"2023年工匠精神进校园活动", "第五届职工技能大赛", "第五届职工技能大赛颁奖大会"} <= names
    assert not [n for n in names if n.startswith("谐") or "大赛和" in n]


@pytest.mark.parametrize(("name", "is_org"), [("交警一大队", True), ("河源市和平县总工会", True),
                                              ("九市总工会", False), ("广州市和深圳市总工会", False)])
def test_extract_numbers_and_conjunctions_inside_single_names(name, is_org):
    from extract.normalise import is_organisation

    assert is_organisation(name) is is_org


def test_extract_district_lists_passive_units_and_names_shortened_later(tmp_path):
    path = tmp_path / "competition-2021-12-24.txt"
    path.write_text("珠海市斗门区总工会召开大会。大会对竞赛中涌现的先进集体和个人进行了表彰。"
                    "粤珠建设集团有限公司白蕉大道项目部钢筋班组和广东华浚路桥工程有限公司富山项目测量班，"
                    "被斗门区总工会授予“珠海市斗门区工人先锋号”称号；刘振邦、钟小燕等10名建设者获评“斗门区劳动竞赛先进个人”。"
                    "白蕉大道项目部今年还获得了“珠海市五一劳动奖状”。\n\n"
                    "斗门区五一劳动奖章获得者（部分）\n\n黄锦荣　珠海市顺拓电梯配件有限公司装配车间主任\n\n"
                    "陈嘉欣（女）　珠海市斗门区人民医院急诊科护士长\n", encoding="utf-8")
    awards = {(a["recipient"], a["honour"], a["year"]) for a in _of(_facts(path), "award")}
    assert {("粤珠建设集团有限公司白蕉大道项目部钢筋班组", "珠海市斗门区工人先锋号", 2021),
            ("广东华浚路桥工程有限公司富山项目测量班", "珠海市斗门区工人先锋号", 2021),
            ("刘振邦", "珠海市斗门区劳动竞赛先进个人", 2021),
            ("粤珠建设集团有限公司白蕉大道项目部", "珠海市五一劳动奖状", 2021),
            ("黄锦荣", "珠海市斗门区五一劳动奖章", 2021), ("陈嘉欣", "珠海市斗门区五一劳动奖章", 2021)} <= awards


def test_extract_conferred_on_her_and_a_profiles_subtitle(tmp_path):
    path = tmp_path / "profile-2022-03-07.txt"
    path.write_text("巾帼电工的攀登路\n——记韶关曲江华冶特钢有限公司设备部副部长邱慧玲\n\n"
                    "邱慧玲1995年进厂。今年春节前，全国妇联授予她“全国三八红旗手”称号的消息传来。", encoding="utf-8")
    facts = _facts(path)
    (award,) = _of(facts, "award", recipient="邱慧玲", honour="全国三八红旗手")
    assert award["year"] == 2022
    assert not [f for f in _of(facts, "organisation") if f["name"].startswith(("—", "记"))]


def test_extract_pronoun_passes_over_the_master_and_headings_after_a_colon(tmp_path):
    path = tmp_path / "profile-2021-09-14.txt"
    path.write_text("今年48岁的甄志勇，1993年进厂当学徒，师从老钳工何炳坤。“何师傅教我的第一件事，就是做好零件。”\n\n"
                    "2012年，他在大赛中摘得金牌，当年即被授予“江门市技术能手”称号。\n\n"
                    "大会对获得单位及个人进行了表彰，名单如下：\n江门市五一劳动奖状（2个）\n江门市嘉盛新材料科技有限公司\n"
                    "英德市宏泰陶瓷有限公司\n获得2021年广东省五一劳动奖章的职工（1名）：\n李卓明 惠州石化设备维修有限公司仪表车间主任\n",
                    encoding="utf-8")
    facts = _facts(path)
    assert _of(facts, "award", recipient="甄志勇", honour="江门市技术能手", year=2012)
    assert _of(facts, "mentorship", master="何炳坤", apprentice="甄志勇")
    assert {a["recipient"] for a in _of(facts, "award", honour="江门市五一劳动奖状")} == {
        "江门市嘉盛新材料科技有限公司", "英德市宏泰陶瓷有限公司"}
    assert _of(facts, "award", recipient="李卓明", honour="广东省五一劳动奖章", year=2021)


def test_extract_the_company_as_subject_refers_back(tmp_path):
    path = tmp_path / "news-2019-12-20.txt"
    path.write_text("云浮华石石材有限公司成立于2005年。同月，公司还荣获2019年广东省五一劳动奖状。", encoding="utf-8")
    (award,) = _of(_facts(path), "award", honour="广东省五一劳动奖状")
    assert (award["recipient"], award["year"]) == ("云浮华石石材有限公司", 2019)
