"""Award constructions of profiles and award news, on the real pipeline (LAC + domain readers).

Each text is invented in the genre's style; none is a sentence of the corpus or the gold sets.
"""
from __future__ import annotations

import pytest

from tests.test_extract import _facts, _of

pytestmark = pytest.mark.slow


def _all(tmp_path, name: str, text: str) -> list[dict]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return _facts(path)


def _awards(tmp_path, name: str, text: str) -> set[tuple]:
    return {(a["recipient"], a["honour"], a["year"]) for a in _of(_all(tmp_path, name, text), "award")}


def test_profile_clauses_without_a_subject_are_the_workers(tmp_path):
    awards = _awards(tmp_path, "profile-2021-09-14.txt",
                     "标题\n发布时间：2021-09-14\n\n本报讯 河源万顺机械有限公司装配车间主任罗永康今年45岁。"
                     "2016年被评为河源市企业首席技师；今年5月，又喜获广东省五一劳动奖章。\n\n"
                     "这位源城区劳动模范每天最早到岗。\n\n"
                     "获得2021年广东省五一劳动奖章的职工（2名）：\n刘春梅　河源市人民医院护士长\n邓志华　河源市公交公司驾驶员\n")
    assert {("罗永康", "河源市企业首席技师", 2016), ("罗永康", "广东省五一劳动奖章", 2021),
            ("罗永康", "河源市源城区劳动模范", None)} <= awards
    # the heading describes the people listed under it, not the worker named before
    assert ("刘春梅", "广东省五一劳动奖章", 2021) in awards
    assert len([a for a in awards if a[0] == "罗永康" and a[1] == "广东省五一劳动奖章"]) == 1


def test_enterprise_honour_is_named_after_the_company(tmp_path):
    awards = _awards(tmp_path, "profile-2020-06-01.txt",
                     "标题\n发布时间：2020-06-01\n\n肇庆宏达电机有限公司总装车间班长陈晓峰，2012年当年即被授予“肇庆市技术能手”称号。"
                     "此外，他还连续两年被评为公司劳动模范。")
    assert ("陈晓峰", "肇庆宏达电机有限公司劳动模范", None) in awards  # the year before is another award's
    assert ("陈晓峰", "肇庆市技术能手", 2012) in awards


@pytest.mark.parametrize(("text", "unit"), [
    ("授予韶关恒信电子有限公司SMT车间等12个集体“韶关市先进集体”称号。", "韶关恒信电子有限公司SMT车间"),
    ("韶关恒信电子有限公司质检班被授予“韶关市先进集体”称号。", "韶关恒信电子有限公司质检班"),
    ("韶关恒信电子有限公司精密装配车间荣获“韶关市先进集体”称号。", "韶关恒信电子有限公司精密装配车间"),
])
def test_workshops_and_teams_written_after_their_company_receive_the_honour(tmp_path, text, unit):
    awards = _awards(tmp_path, "news-2019-04-28.txt", "标题\n发布时间：2019-04-28\n\n" + text)
    assert {a[0] for a in awards if a[1] == "韶关市先进集体"} == {unit}


def test_a_training_class_is_no_unit(tmp_path):
    facts = _all(tmp_path, "news-2019-04-28.txt", "标题\n发布时间：2019-04-28\n\n学员们来到韶关市委党校培训班上课。")
    assert not [o for o in _of(facts, "organisation") if o["name"].endswith("培训班")]


def test_lists_under_headings_in_every_layout(tmp_path):
    awards = _awards(tmp_path, "awards-2020-04-29.txt",
                     "标题\n发布时间：2020-04-29\n\n大会表彰了一批先进。\n\n"
                     "部分河源市劳动模范名单（按县区排列）：\n源城区：邓国华（河源市源城建筑工程有限公司）\n"
                     "东源县：李思敏（河源东源电子有限公司）、曾伟东（东源县人民医院）\n\n"
                     "部分河源市先进工作者名单：\n河源市人民医院 钟秀兰\n河源市水务局 黄振宇\n\n"
                     "河源市五一劳动奖状（3个）\n河源宏达机械有限公司、河源市龙川供水有限公司、河源华联物流有限公司\n\n"
                     "河源市工人先锋号：\n河源市公交集团有限公司3路车队 河源华联物流有限公司仓储研发组\n\n"
                     "会议要求，各级工会要做好劳模服务工作。\n")
    assert {("邓国华", "河源市劳动模范"), ("李思敏", "河源市劳动模范"), ("曾伟东", "河源市劳动模范"),
            ("钟秀兰", "河源市先进工作者"), ("黄振宇", "河源市先进工作者"),
            ("河源宏达机械有限公司", "河源市五一劳动奖状"), ("河源市龙川供水有限公司", "河源市五一劳动奖状"),
            ("河源华联物流有限公司", "河源市五一劳动奖状"),
            ("河源市公交集团有限公司3路车队", "河源市工人先锋号")} <= {a[:2] for a in awards}
    assert not [a for a in awards if "、" in a[0] or " " in a[0]]


def test_ranks_a_rule_confers_on_the_people_placed_after_it(tmp_path):
    awards = _awards(tmp_path, "competition-2023-10-26.txt",
                     "标题\n发布时间：2023-10-26\n\n根据大赛方案，各工种第一名选手被授予“茂名市五一劳动奖章”，"
                     "各工种前三名选手获“茂名市技术能手”称号。获奖名单如下：\n\n"
                     "钳工：第一名梁志诚（茂名石化机械有限公司），第二名何文亮（茂名港务有限公司），第三名吴少伟（信宜市电器厂）。\n\n"
                     "此外，茂名茶业有限公司的陈小玲获得茶艺邀请赛一等奖。")
    assert {("梁志诚", "茂名市五一劳动奖章", 2023), ("梁志诚", "茂名市技术能手", 2023),
            ("何文亮", "茂名市技术能手", 2023), ("吴少伟", "茂名市技术能手", 2023)} <= awards
    assert not [a for a in awards if a[0] in ("何文亮", "吴少伟") and a[1] == "茂名市五一劳动奖章"]
    assert not [a for a in awards if a[0] == "陈小玲"]  # a placing with no title conferred


@pytest.mark.parametrize(("text", "recipients"), [
    ("获得全国五一劳动奖章的是潮州三环陶瓷有限公司高级技师蔡文辉、潮州市中心医院急诊科主任林晓珊。", {"蔡文辉", "林晓珊"}),
    ("会上，市领导为获得2019年全国五一劳动奖章的潮州市湘桥区环卫所的许秋燕、潮州市中心医院护士长郑丽华等10名职工颁奖。",
     {"许秋燕", "郑丽华"}),
    ("2019年“全国五一劳动奖章”评选结果揭晓，5名职工获此殊荣，获评者包括潮州三环陶瓷有限公司的蔡文辉、潮州枫溪瓷厂的陈少雄等。",
     {"蔡文辉", "陈少雄"}),
    ("大会发布首批“全国五一劳动奖章”名单，蔡文辉、陈少雄等5人入选。", {"蔡文辉", "陈少雄"}),
    ("座谈会上，全国五一劳动奖章获得者、潮州三环陶瓷有限公司设备部经理蔡文辉发言。", {"蔡文辉"}),
])
def test_recipients_named_after_the_honour(tmp_path, text, recipients):
    awards = _awards(tmp_path, "news-2019-06-14.txt", "标题\n发布时间：2019-06-14\n\n" + text)
    assert {a[0] for a in awards if a[1] == "全国五一劳动奖章"} == recipients


def test_studios_with_a_field_and_the_company_before_them(tmp_path):
    facts = _all(tmp_path, "news-2021-01-22.txt", "标题\n发布时间：2021-01-22\n\n近日，端州区总工会命名肇庆华信电器有限公司“冯志强电气技能创新工作室”、"
                 "何美玲劳模创新工作室等5个工作室为“肇庆市端州区劳模创新工作室”。")
    recipients = {a["recipient"] for a in _of(facts, "award")}
    assert {"冯志强电气技能创新工作室", "何美玲劳模创新工作室"} <= recipients
    assert "肇庆华信电器有限公司" not in recipients  # the host of the studio, not a recipient
    assert _of(facts, "studio", name="冯志强电气技能创新工作室", leader="冯志强")


def test_a_quoted_local_craftsman_title_and_its_results(tmp_path):
    awards = _awards(tmp_path, "briefs-2017-12-05.txt",
                     "标题\n发布时间：2017-12-05\n\n11月30日，2017年“南海工匠”评选结果正式揭晓，10名技能人才获此殊荣，"
                     "获评者包括佛山市南海区新力机械有限公司的梁振邦、佛山市南海区华美陶瓷厂的梁少雯等。")
    assert {("梁振邦", "南海工匠", 2017), ("梁少雯", "南海工匠", 2017)} <= awards


def test_a_heading_with_its_list_on_the_same_line(tmp_path):
    awards = _awards(tmp_path, "awards-2021-04-28.txt",
                     "标题\n发布时间：2021-04-28\n\n大会表彰了一批先进。\n\n"
                     "顺德区五一劳动奖章（2名）：梁少华（佛山市顺德区北滘镇中心小学）、杜振文（广东美顺电器有限公司）\n\n"
                     "顺德区工人先锋号（2个）：广东美顺电器有限公司装配班、佛山市顺德区公交有限公司K3线路车队\n")
    assert {a[:2] for a in awards} >= {("梁少华", "佛山市顺德区五一劳动奖章"), ("杜振文", "佛山市顺德区五一劳动奖章"),
                                       ("广东美顺电器有限公司装配班", "佛山市顺德区工人先锋号"),
                                       ("佛山市顺德区公交有限公司K3线路车队", "佛山市顺德区工人先锋号")}


def test_people_counted_or_listed_in_the_next_sentence(tmp_path):
    awards = _awards(tmp_path, "news-2018-09-20.txt",
                     "标题\n发布时间：2018-09-20\n\n经过激烈角逐，韶关重工有限公司的温国强、乐昌市五金厂的邓少杰分别获得焊工、电工项目第一名。"
                     "根据大赛规定，2人被授予“韶关市五一劳动奖章”，同时由市人社局授予“韶关市技术能手”称号。\n\n"
                     "近日，韶关市总工会公布2018年“韶关工匠”名单，全市共20名技术技能人才入选。"
                     "其中包括韶关钢铁有限公司高级技师黄志明、韶关市人民医院护士长李秀兰等人。")
    assert {("温国强", "韶关市五一劳动奖章", 2018), ("邓少杰", "韶关市五一劳动奖章", 2018),
            ("温国强", "韶关市技术能手", 2018), ("邓少杰", "韶关市技术能手", 2018),
            ("黄志明", "韶关工匠", 2018), ("李秀兰", "韶关工匠", 2018)} <= awards


def test_open_honours_quoted_after_a_place_or_led_by_a_year(tmp_path):
    awards = _awards(tmp_path, "news-2024-08-30.txt",
                     "标题\n发布时间：2024-08-30\n\n近日，清远市人民医院护士长罗嘉慧等10名职工获评清远市“最美职工”。"
                     "清城区总工会、英德市总工会等6个单位被授予“2024年度清远市工会工作先进单位”称号。")
    assert ("罗嘉慧", "清远市最美职工", 2024) in awards
    assert {("清远市清城区总工会", "清远市工会工作先进单位", 2024),
            ("英德市总工会", "清远市工会工作先进单位", 2024)} <= awards


def test_placings_in_naming_order_and_a_rule_written_after_them(tmp_path):
    awards = _awards(tmp_path, "competition-2022-11-11.txt",
                     "标题\n发布时间：2022-11-11\n\n经过激烈角逐，云浮华科机械有限公司的罗振华、云浮市电力工程公司的谭志强、"
                     "罗定市五金厂的林国栋分获钳工竞赛前三名；装配工项目第一名由云浮华科机械有限公司梁文彬摘得。\n\n"
                     "根据竞赛规程，获得前三名的选手由市人社局授予“云浮市技术能手”称号。\n\n"
                     "又讯 日前，新兴县总工会举办2022年新兴县纺织服装行业缝纫工岗位练兵技能竞赛，全县20家企业60名职工参赛。"
                     "新兴县锦华服饰有限公司的邓秀兰获得第一名，该公司车缝二组获团体第一名。")
    assert {("罗振华", "云浮市技术能手", 2022), ("谭志强", "云浮市技术能手", 2022),
            ("林国栋", "云浮市技术能手", 2022), ("梁文彬", "云浮市技术能手", 2022)} <= awards
    assert not [a for a in awards if a[0] == "邓秀兰"]  # 又讯: another brief, another competition's placings


def test_honour_chains_and_units_in_brackets_between_names(tmp_path):
    awards = _awards(tmp_path, "news-2019-12-24.txt",
                     "标题\n发布时间：2019-12-24\n\n担任裁判长的是全国技术能手、阳江市劳动模范、阳江技师学院电气系主任冯志坚。"
                     "经过评审，陈永康（阳江市鸿达刀具有限公司）、黎少芳（阳江市人民医院）2名职工获评2019年“阳江工匠”。")
    assert {("冯志坚", "全国技术能手", None), ("冯志坚", "阳江市劳动模范", None),
            ("陈永康", "阳江工匠", 2019), ("黎少芳", "阳江工匠", 2019)} <= awards


def test_a_profile_lists_honours_after_a_colon_and_refers_back_to_its_worker(tmp_path):
    facts = _all(tmp_path, "profile-2023-05-10.txt", "标题\n发布时间：2023-05-10\n\n今年42岁的梁海东是广东电网有限责任公司清远供电局变电管理所检修一班班长。"
                 "1999年，他跟着师傅罗国强学检修。此后，荣誉接踵而至：2012年获评清远市劳动模范，"
                 "2016年被授予“广东电网公司技术能手”称号。在他的带领下，检修一班于2020年获得“广东省工人先锋号”称号。\n\n"
                 "2019年成立的“梁海东劳模创新工作室”，次年被清远市总工会命名为清远市劳模和工匠人才创新工作室。"
                 "梁海东先后带出徒弟12名，其中何志文、邓家乐已成长为技术骨干。\n\n"
                 "座谈会上，清远市劳动模范张建国介绍了经验。这位“80后”班长去年还获得了“清远工匠”称号。")
    awards = {(a["recipient"], a["honour"], a["year"]) for a in _of(facts, "award")}
    assert {("梁海东", "清远市劳动模范", 2012), ("梁海东", "广东电网公司技术能手", 2016),
            ("梁海东劳模创新工作室", "清远市劳模和工匠人才创新工作室", 2020), ("张建国", "清远工匠", 2022)} <= awards
    assert ("广东电网有限责任公司清远供电局变电管理所检修一班", "广东省工人先锋号", 2020) in awards
    assert not [a for a in awards if a[0] == "罗国强"]  # the master named just before is not the worker
    pairs = {(m["master"], m["apprentice"]) for m in _of(facts, "mentorship")}
    assert {("罗国强", "梁海东"), ("梁海东", "何志文"), ("梁海东", "邓家乐")} <= pairs


def test_list_layouts_of_town_reports(tmp_path):
    awards = _awards(tmp_path, "awards-2018-04-26.txt",
                     "标题\n发布时间：2018-04-26\n\n大会表彰了一批先进。\n"
                     "虎门镇东莞市五一劳动奖章获得者\n"
                     "东莞华信模具有限公司 邓志明　虎门镇社会事务局 黄丽娟　东莞市虎门公共交通有限公司 陈家宝\n"
                     "虎门镇东莞市五一劳动奖状获奖单位\n"
                     "东莞华信模具有限公司、东莞市虎门公共交通有限公司\n"
                     "此次获奖的邓志明是东莞华信模具有限公司模具部经理。\n"
                     "东莞市先进工作者（3名）\n"
                     "李伟文（东莞市人民医院） 郭少芬（东莞市第八中学） 梁志豪（东莞市水务局）\n"
                     "会议要求，各级工会要做好服务工作。\n")
    assert {("邓志明", "东莞市五一劳动奖章"), ("黄丽娟", "东莞市五一劳动奖章"), ("陈家宝", "东莞市五一劳动奖章"),
            ("东莞华信模具有限公司", "东莞市五一劳动奖状"), ("东莞市虎门公共交通有限公司", "东莞市五一劳动奖状"),
            ("李伟文", "东莞市先进工作者"), ("郭少芬", "东莞市先进工作者"), ("梁志豪", "东莞市先进工作者")} <= {
        a[:2] for a in awards}


def test_studio_rows_and_units_named_after_a_collective_honour(tmp_path):
    awards = _awards(tmp_path, "studios-2020-05-08.txt",
                     "标题\n发布时间：2020-05-08\n\n"
                     "2020年河源市劳模和工匠人才创新工作室名单（工作室名称　依托单位　领衔人）：\n"
                     "邱志明劳模创新工作室　河源华达电子有限公司　邱志明\n"
                     "钟美兰工匠创新工作室　河源市人民医院　钟美兰\n\n"
                     "会议还为2020年度新命名的2个河源市劳模和工匠人才创新工作室授牌，分别是叶国华劳模创新工作室（河源市供水有限公司）、"
                     "黄文辉工匠创新工作室（河源市公交有限公司）。\n\n"
                     "近日，广东省总工会授予全省200个班组2020年“广东省工人先锋号”称号，我市河源市供水有限公司抢修班、"
                     "河源市人民医院护理部榜上有名。")
    assert {("邱志明劳模创新工作室", "河源市劳模和工匠人才创新工作室"), ("钟美兰工匠创新工作室", "河源市劳模和工匠人才创新工作室"),
            ("叶国华劳模创新工作室", "河源市劳模和工匠人才创新工作室"), ("黄文辉工匠创新工作室", "河源市劳模和工匠人才创新工作室"),
            ("河源市供水有限公司抢修班", "广东省工人先锋号"), ("河源市人民医院护理部", "广东省工人先锋号")} <= {a[:2] for a in awards}
    assert not [a for a in awards if a[0] in ("河源市供水有限公司", "河源华达电子有限公司")]


def test_others_plans_and_objects_of_another_verb_receive_nothing(tmp_path):
    awards = _awards(tmp_path, "meeting-2024-01-18.txt",
                     "标题\n发布时间：2024-01-18\n\n过去一年，广东华顺机械有限公司车间主任何振华荣获全国五一劳动奖章，"
                     "另有3名职工获得广东省五一劳动奖章。会上，林志远当选为主席，全国劳动模范、广东华顺机械有限公司班长陈少明当选为副主席。"
                     "今年，区总工会将新命名一批南海区劳模和工匠人才创新工作室。")
    assert ("何振华", "全国五一劳动奖章", 2024) in awards or ("何振华", "全国五一劳动奖章", None) in awards
    assert not [a for a in awards if a[1] == "广东省五一劳动奖章"]
    assert {a[0] for a in awards if a[1] == "全国劳动模范"} == {"陈少明"}
    assert not [a for a in awards if "工作室" in a[1]]


def test_county_names_are_complete_and_town_bodies_take_their_district(tmp_path):
    awards = _awards(tmp_path, "meeting-2024-01-18.txt",
                     "标题\n发布时间：2024-01-18\n\n1月17日，佛山市南海区总工会召开全委会议。南海区委常委、区总工会主席冯志明出席。"
                     "会上，大沥镇总工会、狮山镇总工会获评“2023年度南海区工会工作先进单位”。")
    assert {a[0] for a in awards if a[1] == "佛山市南海区工会工作先进单位"} == {"佛山市南海区大沥镇总工会",
                                                                         "佛山市南海区狮山镇总工会"}
    county = _awards(tmp_path, "awards-2023-04-28.txt",
                     "标题\n发布时间：2023-04-28\n\n韶关市总工会表彰先进。翁源县兰花农业科技有限公司、翁源县总工会"
                     "获“韶关市五一劳动奖状”。")
    assert {a[0] for a in county} == {"翁源县兰花农业科技有限公司", "翁源县总工会"}  # a county's bodies as its firms


def test_placings_split_by_project_then_a_rule_for_the_top_three_and_five(tmp_path):
    awards = _awards(tmp_path, "competition-2023-09-12.txt",
                     "标题\n发布时间：2023-09-12\n\n经过角逐，电工项目中，江门新锐电气有限公司的罗文浩获得第一名，"
                     "江门宏达机电有限公司的邹志成、江门蓬江水务有限公司的骆明辉分获第二、三名；钳工项目中，"
                     "江门粤海机械有限公司的甘国栋夺得第一名，冼振宇（江门华泰铸造有限公司）、卢伟光（江门粤海机械有限公司）分列第二、三名。\n\n"
                     "蓬江区总工会授予两个项目的前三名选手“蓬江区五一劳动奖章”，区人社局授予前五名选手“蓬江区技术能手”称号。"
                     "获得第四、五名的黎家明、区少华（电工）和莫志坚、麦俊彦（钳工）同时获评蓬江区技术能手。")
    medal = {a[0] for a in awards if a[1] == "江门市蓬江区五一劳动奖章"}
    assert medal == {"罗文浩", "邹志成", "骆明辉", "甘国栋", "冼振宇", "卢伟光"}
    able = {a[0] for a in awards if a[1] == "江门市蓬江区技术能手"}
    assert able == medal | {"黎家明", "区少华", "莫志坚", "麦俊彦"}


def test_a_list_announced_by_the_sentence_above_it_and_a_group_named_after_a_count(tmp_path):
    awards = _awards(tmp_path, "awards-2022-11-10.txt",
                     "标题\n发布时间：2022-11-10\n\n经企业推荐、专家评审和社会公示，最终6名职工获评第三届“韶州工匠”。名单如下（按姓氏笔画排序）：\n\n"
                     "邓永健 韶关华宇电机有限公司\n刘淑仪 韶关市第一人民医院\n\n"
                     "市总工会对拟推荐人选进行公示，拟推荐人选名单如下：\n\n叶志坚 韶关粤北钢构有限公司\n\n"
                     "今年，市总工会开展“曲江工匠”选树活动，最终8名职工当选“曲江工匠”。其中，韶关曲江丰源模具有限公司技术总监黄伟明"
                     "深耕模具20年；韶关市曲江区人民医院护士长苏慧敏、韶关曲江恒通物流有限公司车队队长钟建峰等也榜上有名。")
    assert {("邓永健", "韶州工匠", 2022), ("刘淑仪", "韶州工匠", 2022)} <= awards
    assert not [a for a in awards if a[0] == "叶志坚"]  # candidates
    assert {a[0] for a in awards if a[1] == "曲江工匠"} == {"黄伟明", "苏慧敏", "钟建峰"}


def test_studios_named_by_their_host_or_referred_back_to(tmp_path):
    facts = _all(tmp_path, "briefs-2024-05-08.txt",
                 "标题\n发布时间：2024-05-08\n\n此次共有3家工作室被命名为“南海区劳模和工匠人才创新工作室”，分别是：佛山南海精工模具有限公司"
                 "区志明模具创新工作室、佛山市南海区人民医院“仁心”护理创新工作室（领衔人关丽萍）和佛山南海供水有限公司冯家杰管网创新工作室。\n\n"
                 "2019年，公司以他的名字成立“吴浩文电工技能创新工作室”，次年该工作室被江门市总工会命名为“江门市劳模和工匠人才创新工作室”。")
    awards = {(a["recipient"], a["honour"]) for a in _of(facts, "award")}
    honour = "佛山市南海区劳模和工匠人才创新工作室"
    assert {r for r, h in awards if h == honour} == {"区志明模具创新工作室", "“仁心”护理创新工作室", "冯家杰管网创新工作室"}
    assert ("吴浩文电工技能创新工作室", "江门市劳模和工匠人才创新工作室") in awards
    hosts = {s["name"]: s["host"] for s in _of(facts, "studio")}
    assert hosts["区志明模具创新工作室"] == "佛山南海精工模具有限公司"  # not the union that named it


def test_short_district_and_town_names_in_a_district_or_townships_city(tmp_path):
    facts = _all(tmp_path, "awards-2024-04-29.txt",
                 "标题\n发布时间：2024-04-29\n\n佛山市南海区总工会召开表彰大会。南海区委副书记林建国出席。\n\n"
                 "区五一劳动奖章（2名）\n佛山南海精工模具有限公司 邝伟杰\n佛山市南海区公路事务中心 区家俊\n")
    awards = {(a["recipient"], a["honour"]) for a in _of(facts, "award")}
    assert {("邝伟杰", "佛山市南海区五一劳动奖章"), ("区家俊", "佛山市南海区五一劳动奖章")} <= awards
    facts = _all(tmp_path, "meeting-2025-02-20.txt",
                 "标题\n发布时间：2025-02-20\n\n东莞市总工会召开全委会。会议授予虎门镇总工会、清溪镇总工会“东莞市工会工作先进单位”称号。"
                 "2019年，钟志强获评“凤岗镇技术能手”。")
    names = {a["recipient"] for a in _of(facts, "award", honour="东莞市工会工作先进单位")}
    assert names == {"东莞市虎门镇总工会", "东莞市清溪镇总工会"}
    assert _of(facts, "award", recipient="钟志强", honour="东莞市凤岗镇技术能手")


def test_titles_outside_the_taxonomy_written_before_a_name(tmp_path):
    awards = _awards(tmp_path, "profile-2020-11-20.txt",
                     "标题\n发布时间：2020-11-20\n\n入选者中，有广东省工艺美术大师郑炳辉这样的老把式。"
                     "作为评审代表，中国陶瓷艺术大师林汉荣表示，选树工匠意义重大。潮州市枫溪陶艺研究所技师方晓东也到场。")
    assert {("郑炳辉", "广东省工艺美术大师", None), ("林汉荣", "中国陶瓷艺术大师", None)} <= awards
    assert not [a for a in awards if a[0] == "方晓东"]  # a post in a unit, not an honour


def test_unit_lines_run_on_and_names_the_model_misses_on_list_lines(tmp_path):
    awards = _awards(tmp_path, "awards-2022-04-28.txt",
                     "标题\n发布时间：2022-04-28\n\n揭阳市工人先锋号（2个）\n揭阳市榕城区人民医院发热门诊\n揭阳粤东供电局配网运维一班\n\n"
                     "揭阳市五一劳动奖章（2名）\n揭阳市榕城区公路事务中心　区志鹏\n揭阳市人民医院　欧阳建明\n")
    assert {a[0] for a in awards if a[1] == "揭阳市工人先锋号"} == {"揭阳市榕城区人民医院发热门诊", "揭阳粤东供电局配网运维一班"}
    assert {a[0] for a in awards if a[1] == "揭阳市五一劳动奖章"} == {"区志鹏", "欧阳建明"}


def test_posts_after_a_comma_chairs_of_a_meeting_and_district_bodies(tmp_path):
    facts = _all(tmp_path, "meeting-2022-04-28.txt",
                 "标题\n发布时间：2022-04-28\n\n潮南区总工会召开大会，潮南区委副书记蔡振兴出席。会议由区总工会党组书记、常务副主席郑少华主持。"
                 "区人大常委会副主任、区总工会主席林楚明讲话。当选的许泽坤，是汕头潮南恒达纺织有限公司技术部经理。")
    positions = {(p["person"], p["organisation"], p["title"]) for p in _of(facts, "position")}
    assert {("郑少华", "汕头市潮南区总工会", "党组书记"), ("郑少华", "汕头市潮南区总工会", "常务副主席"),
            ("林楚明", "汕头市潮南区人大常委会", "副主任"),
            ("许泽坤", "汕头潮南恒达纺织有限公司", "技术部经理")} <= positions  # a firm's department is written in the title


def test_a_headline_count_of_teams_is_no_recipient(tmp_path):
    awards = _awards(tmp_path, "briefs-2025-05-06.txt",
                     "南沙工会简讯：3家工作室获授牌　2个班组荣获广州市工人先锋号\n发布时间：2025-05-06\n\n本报讯 近日，南沙区举行仪式。")
    assert not [a for a in awards if a[1] == "广州市工人先锋号"]


def test_district_names_the_guards_would_reject_and_full_district_craftsmen(tmp_path):
    """从化区 starts with a preposition and 坪山区 ends like 山区: the gazetteer of local places
    keeps them places (and knows their city); a craftsman title written with its district
    (禅城区工匠) keeps the district."""
    awards = _awards(tmp_path, "awards-2022-05-06.txt",
                     "标题\n发布时间：2022-05-06\n\n本报讯 5月5日，从化区总工会召开大会。\n\n从化区劳动模范（2名）\n"
                     "钟伟文　广州从化恒达五金有限公司车间主任\n邝秀兰　从化区中医医院护士长\n")
    assert {("钟伟文", "广州市从化区劳动模范", 2022), ("邝秀兰", "广州市从化区劳动模范", 2022)} <= awards
    awards = _awards(tmp_path, "profile-2021-08-16.txt",
                     "标题\n发布时间：2021-08-16\n\n何丽萍是深圳一家重工企业的焊工。2019年，她获得坪山区五一劳动奖章。"
                     "今年，她又被授予“禅城区工匠”称号。")
    assert {("何丽萍", "深圳市坪山区五一劳动奖章", 2019), ("何丽萍", "佛山市禅城区工匠", 2021)} <= awards


def test_a_quoted_title_after_a_name_keeps_the_name_out_of_the_place(tmp_path):
    awards = _awards(tmp_path, "competition-2024-10-22.txt",
                     "标题\n发布时间：2024-10-22\n\n经过激烈角逐，雷州市宏达建筑安装有限公司陈志勇获得一等奖。"
                     "根据竞赛规程，雷州市总工会授予一等奖获得者陈志勇“雷州市五一劳动奖章”。")
    assert ("陈志勇", "雷州市五一劳动奖章", 2024) in awards
    assert not [a for a in awards if a[1].startswith("志勇")]


def test_a_master_who_takes_her_as_pupil_is_not_whom_the_profile_is_about(tmp_path):
    facts = _all(tmp_path, "profile-2021-08-16.txt",
                 "标题\n发布时间：2021-08-16\n\n2008年，郑秀梅进入鸿达重工，成为车间里唯一的女焊工。老焊工梁永福却主动收她为徒。"
                 "2016年，她被授予“深圳市技术能手”称号。")
    awards = {(a["recipient"], a["honour"]) for a in _of(facts, "award")}
    assert ("郑秀梅", "深圳市技术能手") in awards and ("梁永福", "深圳市技术能手") not in awards
    assert {"master": "梁永福", "apprentice": "郑秀梅"} in [{k: m[k] for k in ("master", "apprentice")}
                                                        for m in _of(facts, "mentorship")]


def test_list_rows_of_a_unit_and_several_names_and_studios_with_their_hosts(tmp_path):
    facts = _all(tmp_path, "awards-2023-07-19.txt",
                 "标题\n发布时间：2023-07-19\n\n本报讯 会上宣读了决定。\n\n江门市工匠（3名）\n"
                 "江门华锐机电有限公司 李志强、何美玲\n江门市新会区自来水有限公司 陈俊杰\n\n"
                 "经评审，赵伟文劳模创新工作室等2家工作室被命名为“博罗县劳模和工匠人才创新工作室”。名单如下（括号内为依托单位）：\n"
                 "赵伟文劳模创新工作室（博罗县恒通五金制品有限公司）\n冯丽华工匠创新工作室（博罗县人民医院）\n")
    awards = {(a["recipient"], a["honour"], a["recipient_org"]) for a in _of(facts, "award")}
    assert {("李志强", "江门工匠", "江门华锐机电有限公司"), ("何美玲", "江门工匠", "江门华锐机电有限公司"),
            ("陈俊杰", "江门工匠", "江门市新会区自来水有限公司")} <= {(r, h, o) for r, h, o in awards}
    assert {("赵伟文劳模创新工作室", "博罗县劳模和工匠人才创新工作室", "博罗县恒通五金制品有限公司"),
            ("冯丽华工匠创新工作室", "博罗县劳模和工匠人才创新工作室", "博罗县人民医院")} <= awards


def test_units_announced_after_the_honour_and_a_year_honoured_the_year_before(tmp_path):
    """获评H的是：A、B — and a 2024年度 honour conferred at a meeting reported in 2025 is of 2025."""
    awards = _awards(tmp_path, "meeting-2025-01-14.txt",
                     "标题\n发布时间：2025-01-14\n\n本报讯 1月13日，珠海市斗门区总工会召开全委会议。会议对先进集体进行了表彰。"
                     "获评2024年度斗门区先进基层工会的是：白蕉镇总工会、珠海宏达电子有限公司工会。"
                     "获评斗门区模范职工小家的是：珠海宏达电子有限公司装配车间工会小组。")
    assert {("珠海市斗门区白蕉镇总工会", "珠海市斗门区先进基层工会", 2025),
            ("珠海宏达电子有限公司工会", "珠海市斗门区先进基层工会", 2025)} <= awards
    assert ("珠海宏达电子有限公司装配车间工会小组", "珠海市斗门区模范职工小家") in {a[:2] for a in awards}


def test_a_conferral_with_only_its_conferrer_goes_to_the_winners_before_it(tmp_path):
    awards = _awards(tmp_path, "competition-2023-03-09.txt",
                     "标题\n发布时间：2023-03-09\n\n经过角逐，来自陆丰市茶业有限公司的林晓丹、陆丰市佳味食品店的陈佳怡分别获得茶艺、"
                     "中式面点项目第一名，由陆丰市人力资源和社会保障局授予“陆丰市技术能手”称号。")
    assert {("林晓丹", "陆丰市技术能手", 2023), ("陈佳怡", "陆丰市技术能手", 2023)} <= awards


def test_bodies_read_across_a_verb_terms_of_a_union_and_county_level_cities(tmp_path):
    facts = _all(tmp_path, "meeting-2020-12-03.txt",
                 "标题\n发布时间：2020-12-03\n\n本报讯 12月2日，开平市总工会第十六次代表大会召开。"
                 "江门市总工会副主席区国强，开平市委书记谭志华，市委副书记、市长黄国康，市政协主席李秀英出席。"
                 "雷慧玲代表开平市总工会第十五届委员会作报告。区总工会联合区人社局举办竞赛。"
                 "开平市恒通机械有限公司代表队获得团体第一名。在肇庆市工人文化宫举行的比赛中，市人社局副局长何志坚颁奖。")
    orgs = {o["name"] for o in _of(facts, "organisation")}
    positions = {(p["person"], p["organisation"], p["title"]) for p in _of(facts, "position")}
    assert {("黄国康", "中共开平市委", "副书记"), ("李秀英", "政协开平市委员会", "主席")} <= positions
    assert {"开平市总工会", "肇庆市工人文化宫", "开平市恒通机械有限公司"} <= orgs
    assert not {o for o in orgs if "届" in o or "联合" in o or "代表队" in o or o.endswith("副局")}


def test_running_text_after_a_place_or_a_union_is_no_organisation(tmp_path):
    facts = _all(tmp_path, "news-2025-01-14.txt",
                 "标题\n发布时间：2025-01-14\n\n佛山市总工会分别向市人社局致函。广州市加快建设国际消费中心城市。"
                 "广汽集团联合创新中心揭牌。会上颁发了“佛山市工人先锋号”，负责颁奖的是佛山市总工会。")
    orgs = {o["name"] for o in _of(facts, "organisation")}
    assert {"佛山市总工会", "佛山市人力资源和社会保障局"} <= orgs
    assert not {o for o in orgs if "分别" in o or "加快" in o or o == "创新中心"}
    assert not [a for a in _of(facts, "award") if a["recipient"] == "佛山市总工会"]


def test_the_worker_who_takes_a_pupil_stays_whom_the_profile_is_about(tmp_path):
    awards = _awards(tmp_path, "profile-2016-08-16.txt",
                     "标题\n发布时间：2016-08-16\n\n2008年，郑秀梅进入鸿达重工。2015年，车间主任陈明安排新人刘小军跟班，"
                     "郑秀梅收他为徒。2016年，她被授予“深圳市技术能手”称号。")
    assert ("郑秀梅", "深圳市技术能手", 2016) in awards


def test_each_unit_on_a_list_line_is_the_unit_of_the_names_after_it(tmp_path):
    facts = _all(tmp_path, "awards-2023-04-27.txt",
                 "标题\n发布时间：2023-04-27\n\n本报讯 会上宣读了决定。\n\n江门市工匠（4名）\n"
                 "江门华锐机电有限公司 李志强、何美玲、江门市新会区自来水有限公司 陈俊杰、黄小明\n")
    units = {a["recipient"]: a["recipient_org"] for a in _of(facts, "award")}
    assert units.get("何美玲") == "江门华锐机电有限公司" and units.get("黄小明") == "江门市新会区自来水有限公司"


def test_award_winning_contestants_are_no_verb_and_guests_no_recipients(tmp_path):
    awards = _awards(tmp_path, "competition-2025-01-14.txt",
                     "标题\n发布时间：2025-01-14\n\n陆丰市总工会主席王明、副主席李华出席，由市人社局为获奖选手颁发“陆丰市技术能手”证书。")
    assert not [a for a in awards if a[0] in ("王明", "李华")]


def test_a_team_named_short_after_its_firm_and_a_firm_written_short(tmp_path):
    facts = _all(tmp_path, "profile-2022-05-06.txt",
                 "标题\n发布时间：2022-05-06\n\n名单：\n韶关市丹霞精工机械有限公司 邹建文\n\n"
                 "邹建文是丹霞精工机械公司总装车间主任，2019年获得韶关市五一劳动奖章；由他带领的丹霞精工机械公司总装车间，"
                 "去年获评“韶关市工人先锋号”。同厂的韶关市丹霞精工机械有限公司喷涂班班长何丽芬说，她带领的喷涂班此次"
                 "同时获评韶关市工人先锋号。")
    awards = {(a["recipient"], a["honour"], a["year"]) for a in _of(facts, "award")}
    assert ("韶关市丹霞精工机械有限公司总装车间", "韶关市工人先锋号", 2021) in awards  # 去年, the firm written out
    assert ("韶关市丹霞精工机械有限公司喷涂班", "韶关市工人先锋号", 2022) in awards  # 此次: the news's year
    assert _of(facts, "position", person="邹建文", organisation="韶关市丹霞精工机械有限公司", title="总装车间主任")


def test_studio_rows_with_labelled_fields_and_counted_list_lines(tmp_path):
    facts = _all(tmp_path, "studios-2023-08-10.txt",
                 "标题\n发布时间：2023-08-10\n\n本报讯 四会市总工会决定命名邝国梁劳模创新工作室等3家工作室为"
                 "“四会市劳模和工匠人才创新工作室”。名单如下：\n\n"
                 "邝国梁劳模创新工作室（领衔人：邝国梁，依托单位：四会市华达铝业有限公司）\n"
                 "殷少萍柑橘种植创新工作室（领衔人：殷少萍，依托单位：四会市贞山镇柑橘专业合作社）\n"
                 "卜文杰工匠创新工作室（领衔人：卜文杰，依托单位：四会市人民医院）\n\n"
                 "会上还公布了竞赛结果。电工项目：第一名佘志明（四会市华达铝业有限公司），第二名禤家宝（四会市供水有限公司）；"
                 "焊工项目：第一名冼建华（四会市宏发钢构有限公司）。\n"
                 "根据竞赛办法，以上3名选手被四会市人社局授予“四会市技术能手”称号。")
    studios = {(s["name"], s["leader"], s["host"]) for s in _of(facts, "studio")}
    assert ("殷少萍柑橘种植创新工作室", "殷少萍", "四会市贞山镇柑橘专业合作社") in studios
    assert ("卜文杰工匠创新工作室", "卜文杰", "四会市人民医院") in studios
    named = {a["recipient"] for a in _of(facts, "award", honour="四会市劳模和工匠人才创新工作室")}
    assert named == {"邝国梁劳模创新工作室", "殷少萍柑橘种植创新工作室", "卜文杰工匠创新工作室"}
    assert {a["recipient"] for a in _of(facts, "award", honour="四会市技术能手")} == {"佘志明", "禤家宝", "冼建华"}


def test_a_list_lead_and_an_honour_named_again_without_its_place(tmp_path):
    awards = _awards(tmp_path, "briefs-2022-07-20.txt",
                     "标题\n发布时间：2022-07-20\n\n本报讯 全县共有2名职工获得广东省五一劳动奖章、3名职工获得清远市五一劳动奖章。"
                     "其中，佛冈县人民医院护士长江丽文荣获2022年广东省五一劳动奖章。\n\n"
                     "县总工会授予佛冈县石角镇总工会等4个单位“佛冈县先进职工之家”称号，授予钟少华等10名同志“佛冈县优秀工会工作者”称号。"
                     "受表彰的优秀工会工作者包括：钟少华（佛冈县汤塘镇总工会）、巫晓燕（佛冈县华美纺织有限公司工会）等。"
                     "慰问组还看望了全国劳动模范、环卫工人骆金凤。")
    assert ("江丽文", "广东省五一劳动奖章", 2022) in awards and ("江丽文", "清远市五一劳动奖章", 2022) not in awards
    assert {a[0] for a in awards if a[1] == "佛冈县优秀工会工作者"} == {"钟少华", "巫晓燕"}
    assert ("骆金凤", "全国劳动模范", None) in awards


def test_whom_a_pronoun_stands_for(tmp_path):
    awards = _awards(tmp_path, "profile-2023-06-02.txt",
                     "标题\n发布时间：2023-06-02\n\n清晨，麦淑仪来到公司的荔枝加工车间。她牵头改造的荔枝自动分拣线提高了效率。"
                     "2018年，她获得从化区五一劳动奖章。\n\n"
                     "二徒弟卢建明2017年进厂，跟随麦淑仪学习设备维修。2021年，他在比赛中获得第一名，被授予“广州市技术能手”称号。")
    assert ("麦淑仪", "广州市从化区五一劳动奖章", 2018) in awards
    assert ("卢建明", "广州市技术能手", 2021) in awards and ("麦淑仪", "广州市技术能手", 2021) not in awards


def test_a_result_list_cards_under_a_heading_and_units_before_names(tmp_path):
    awards = _awards(tmp_path, "awards-2024-11-12.txt",
                     "标题\n发布时间：2024-11-12\n\n经过两天角逐，各工种一等奖名单出炉：钳工 祁振宇（惠来县华星机械有限公司）；"
                     "茶艺师 戴美琳（惠来县鸿福茶业有限公司）。\n"
                     "闭幕式上，惠来县总工会为2名一等奖选手颁发“惠来县五一劳动奖章”。钳工项目一等奖获得者祁振宇曾获评2022年揭阳市技术能手。\n"
                     "部分“惠来工匠”简介如下：\n"
                     "柯志雄，惠来县电力工程有限公司配电班班长。从事配网运维20年，2021年被评为揭阳市劳动模范。\n"
                     "庄丽霞，惠来县人民医院护理部主任。从事护理工作25年。\n"
                     "其余获命名的“惠来工匠”还有：惠来县第一中学邢志坚、惠来县公路事务中心尤俊豪。\n"
                     "座谈会后，县领导走访慰问了1992年被评为广东省劳动模范、现已80岁高龄的退休老劳模卓德贵。")
    assert {a[0] for a in awards if a[1] == "惠来县五一劳动奖章"} == {"祁振宇", "戴美琳"}
    assert {a[0] for a in awards if a[1] == "揭阳市技术能手"} == {"祁振宇"}
    assert {a[0] for a in awards if a[1] == "惠来工匠"} == {"柯志雄", "庄丽霞", "邢志坚", "尤俊豪"}
    assert {a[0] for a in awards if a[1] == "广东省劳动模范"} == {"卓德贵"}


def test_unit_holders_departments_and_posts_in_a_county_level_city(tmp_path):
    facts = _all(tmp_path, "meeting-2021-02-05.txt",
                 "标题\n发布时间：2021-02-05\n\n本报讯 2月3日，廉江市总工会召开劳模座谈会。市委副书记邓国权，市委常委、市总工会主席"
                 "符秀英，湛江市总工会副主席庞志坚出席。会上，还为2020年湛江市五一劳动奖状获得单位廉江市安铺粮油有限公司、"
                 "2020年湛江市工人先锋号获得集体廉江市人民医院儿科授牌。新当选的市总工会副主席龙家辉主持会议。")
    posts = {(p["person"], p["organisation"], p["title"]) for p in _of(facts, "position")}
    assert {("邓国权", "中共廉江市委", "副书记"), ("符秀英", "廉江市总工会", "主席"),
            ("庞志坚", "湛江市总工会", "副主席"), ("龙家辉", "廉江市总工会", "副主席")} <= posts
    awards = {(a["recipient"], a["honour"]) for a in _of(facts, "award")}
    assert {("廉江市安铺粮油有限公司", "湛江市五一劳动奖状"), ("廉江市人民医院儿科", "湛江市工人先锋号")} <= awards


def test_a_district_named_by_its_units_and_a_firm_read_with_its_town(tmp_path):
    facts = _all(tmp_path, "awards-2021-04-29.txt",
                 "标题\n发布时间：2021-04-29\n\n本报讯 南沙区表彰2021年南沙区五一劳动奖章获得者。南沙区人民医院、南沙区横沥镇"
                 "中心小学等单位职工受表彰。区人大常委会副主任、区总工会主席骆慧珊出席。\n\n"
                 "在南沙区横沥镇广州明锐五金制品有限公司的冲压车间里，年过五旬的岑国辉正在调试模具。"
                 "岑国辉是该公司冲压车间主任，公司工会主席甘淑娴介绍了他的事迹。")
    posts = {(p["person"], p["organisation"], p["title"]) for p in _of(facts, "position")}
    assert {("骆慧珊", "广州市南沙区总工会", "主席"), ("岑国辉", "广州明锐五金制品有限公司", "冲压车间主任"),
            ("甘淑娴", "广州明锐五金制品有限公司工会", "主席")} <= posts


def test_this_sessions_readers_stay_quiet_in_running_text(tmp_path):
    awards = _awards(tmp_path, "news-2023-05-10.txt",
                     "标题\n发布时间：2023-05-10\n\n广东电网有限责任公司佛山供电局数控车间获评“佛山市工人先锋号”。"
                     "佛山市精工机械厂的数控车间获评“佛山市巾帼文明岗”。市总工会副主席王芳一行走访了佛山市精工机械有限公司，"
                     "去年获评“佛山市五一劳动奖状”的佛山市水务集团也接受了慰问。参加此次活动的全国劳动模范李建国表示感谢。"
                     "一等奖获得者分别是：李明、张华，颁奖嘉宾为市总工会副主席陈刚。会上，为一等奖选手颁发“佛山市技术能手”证书。"
                     "张伟被授予记者节先进个人。")
    assert ("广东电网有限责任公司佛山供电局数控车间", "佛山市巾帼文明岗", None) not in awards  # another firm's team
    assert not [a for a in awards if a[0] == "佛山市总工会"]  # a relative clause after the visit
    assert ("李建国", "全国劳动模范", None) in awards  # 此次活动: no year for a title held
    assert {a[0] for a in awards if a[1] == "佛山市技术能手"} == {"李明", "张华"}  # not the guest after the list
    assert [a for a in awards if a[:2] == ("张伟", "记者节先进个人")]  # 授予|记者: no holder's noun
    posts = {(p["person"], p["organisation"]) for p in _of(_all(
        tmp_path, "news-2023-05-11.txt", "标题\n发布时间：2023-05-11\n\n湛江市总工会到廉江市开展调研。市总工会主席陈华出席座谈会。"),
        "position")}
    assert ("陈华", "湛江市总工会") in posts  # the county-level city named once, after its city


def test_this_event_after_an_honour_does_not_date_the_honour(tmp_path):
    awards = _awards(tmp_path, "news-2023-05-10.txt",
                     "标题\n发布时间：2023-05-10\n\n全国劳动模范林海涛参加此次活动并作交流发言。"
                     "云浮金达石材有限公司切割车间此次获评“云浮市工人先锋号”。")
    assert ("林海涛", "全国劳动模范", None) in awards  # 此次 is the event's, the honour is older
    assert ("云浮金达石材有限公司切割车间", "云浮市工人先锋号", 2023) in awards  # 此次 before the verb: this news's


def test_an_honour_handed_to_people_units_and_a_pronoun(tmp_path):
    awards = _awards(tmp_path, "news-2022-05-01.txt",
                     "标题\n发布时间：2022-05-01\n\n陈丽芳是揭阳美华纺织有限公司的挡车工。\n\n"
                     "今年4月，揭阳市总工会主席王建国为她颁发了广东省五一劳动奖章。"
                     "会上，副市长李强向揭阳美华纺织有限公司织造车间颁授“广东省工人先锋号”奖牌，"
                     "并为张小梅、刘芳颁发2022年度揭阳市技术能手证书。")
    assert {("陈丽芳", "广东省五一劳动奖章", 2022), ("揭阳美华纺织有限公司织造车间", "广东省工人先锋号", 2022),
            ("张小梅", "揭阳市技术能手", 2022), ("刘芳", "揭阳市技术能手", 2022)} <= awards
    assert not [a for a in awards if a[0] in ("王建国", "李强")]  # who hands it over receives nothing


def test_a_name_the_model_missed_is_read_where_the_article_names_it_again(tmp_path):
    awards = _awards(tmp_path, "news-2020-08-10.txt",
                     "标题\n发布时间：2020-08-10\n\n闭幕式上，县人社局授予邬家栋“始兴县技术能手”称号。"
                     "今年41岁的邬家栋从事电焊工作已有20年。")
    assert ("邬家栋", "始兴县技术能手", 2020) in awards


def test_among_the_apprentices_only_the_one_named_after_qizhong_is_honoured(tmp_path):
    facts = _all(tmp_path, "profile-2022-03-01.txt",
                 "标题\n发布时间：2022-03-01\n\n谭志豪先后带出徒弟20余人。徒弟邝永强、冼嘉敏、岑少华都已成长为技师，"
                 "其中邝永强在去年的职工技能大赛中获得第一名，被授予“盐田区技术能手”称号。")
    awards = {(a["recipient"], a["honour"]) for a in _of(facts, "award")}
    assert awards == {("邝永强", "深圳市盐田区技术能手")}
    pairs = {(m["master"], m["apprentice"]) for m in _of(facts, "mentorship")}
    assert {("谭志豪", "邝永强"), ("谭志豪", "冼嘉敏"), ("谭志豪", "岑少华")} <= pairs  # 徒弟A、B、C: all three


def test_a_nomination_prize_is_its_own_award_and_a_company_title_is_the_companys(tmp_path):
    awards = _awards(tmp_path, "news-2021-12-03.txt",
                     "标题\n发布时间：2021-12-03\n\n获得“仁化工匠”提名奖的3人是：邓国威（仁化县自来水有限公司）、"
                     "蓝秀芬（仁化县人民医院）、龚志明（广东丹霞茶业有限公司）。\n\n"
                     "龚志明是广东丹霞茶业有限公司的制茶师，2019年获评公司“十佳员工”，2020年获评公司“金牌工匠”。")
    assert {("邓国威", "仁化工匠提名奖"), ("蓝秀芬", "仁化工匠提名奖")} <= {a[:2] for a in awards}
    assert not [a for a in awards if a[1] == "仁化工匠"]  # the prize is not the title
    assert ("龚志明", "广东丹霞茶业有限公司金牌工匠", 2020) in awards


def test_a_counted_heading_after_a_run_of_unit_and_name_starts_its_own_list(tmp_path):
    awards = _awards(tmp_path, "news-2019-04-29.txt",
                     "标题\n发布时间：2019-04-29\n\n附：表彰名单\n\n饶平县先进工作者（3名）\n"
                     "饶平县人民医院卢振东、饶平县公安局黄冈派出所詹伟文、饶平县疾病预防控制中心沈晓燕\n\n"
                     "饶平县五一劳动奖状（2个）\n广东饶平金丰陶瓷有限公司、饶平县城市供水有限公司\n")
    assert {("詹伟文", "饶平县先进工作者"), ("沈晓燕", "饶平县先进工作者"),
            ("广东饶平金丰陶瓷有限公司", "饶平县五一劳动奖状"),
            ("饶平县城市供水有限公司", "饶平县五一劳动奖状")} <= {a[:2] for a in awards}


def test_town_unions_and_county_units_written_short_in_county_reports(tmp_path):
    awards = _awards(tmp_path, "news-2019-12-20.txt",
                     "标题\n发布时间：2019-12-20\n\n12月18日，恩平市总工会召开全委会。"
                     "会上，通报表彰了2019年度恩平市工会工作先进单位。沙湖镇总工会、恩城街道总工会等8个单位获评“恩平市工会工作先进单位”。")
    assert {("恩平市沙湖镇总工会", "恩平市工会工作先进单位", 2019),
            ("恩平市恩城街道总工会", "恩平市工会工作先进单位", 2019)} <= awards  # 年度 names the period: reported now
    awards = _awards(tmp_path, "news-2020-01-16.txt",
                     "标题\n发布时间：2020-01-16\n\n1月15日，和平县总工会召开全委会。县人民医院急诊科被授予“河源市工人先锋号”称号。")
    assert ("和平县人民医院急诊科", "河源市工人先锋号", 2020) in awards


def test_a_unit_named_by_whose_it_is_and_a_person_named_by_whose_pupil(tmp_path):
    awards = _awards(tmp_path, "profile-2021-05-06.txt",
                     "标题\n发布时间：2021-05-06\n\n岑美华是徐闻县南珠食品有限公司的质检员。她带领的包装车间在2020年被评为湛江市巾帼文明岗。"
                     "她所在的伍湾供电所抢修班也于2019年获得“湛江市工人先锋号”。"
                     "岑美华的徒弟、90后质检员梁晓琪去年还被评为公司“技术标兵”。")
    assert ("徐闻县南珠食品有限公司包装车间", "湛江市巾帼文明岗", 2020) in awards
    assert ("伍湾供电所抢修班", "湛江市工人先锋号", 2019) in awards  # names its own host: as printed
    assert ("梁晓琪", "徐闻县南珠食品有限公司技术标兵", 2020) in awards
    assert not [a for a in awards if a[0] == "岑美华" and "技术标兵" in a[1]]


def test_both_ranks_of_shared_winners_receive_the_title(tmp_path):
    awards = _awards(tmp_path, "news-2018-09-20.txt",
                     "标题\n发布时间：2018-09-20\n\n经过角逐，龙华宾馆厨师长叶俊辉获得一等奖；石湾酒家黄志强、南山饭店陈秋萍获得二等奖。"
                     "根据竞赛方案，一、二等奖获得者同时被授予“佛冈县技术能手”称号。")
    assert {a[0] for a in awards if a[1] == "佛冈县技术能手"} == {"叶俊辉", "黄志强", "陈秋萍"}


def test_a_conferral_said_to_be_earlier_keeps_no_year_of_the_news(tmp_path):
    awards = _awards(tmp_path, "news-2018-10-30.txt",
                     "标题\n发布时间：2018-10-30\n\n大会表彰了2013—2018年度全区工会工作先进集体。"
                     "南澳县后宅镇总工会等20个单位获评南澳县工会工作先进集体。其中，南澳县后宅镇总工会曾被评为全国模范职工之家。")
    assert ("南澳县后宅镇总工会", "全国模范职工之家", None) in awards


def test_pairs_made_at_a_ceremony(tmp_path):
    facts = _all(tmp_path, "news-2025-06-12.txt",
                 "标题\n发布时间：2025-06-12\n\n活动现场举行了“师带徒”结对仪式。邱国华与温子健、赖志斌，罗美玲与钟思雨分别签订师徒协议。")
    pairs = {(m["master"], m["apprentice"]) for m in _of(facts, "mentorship")}
    assert pairs == {("邱国华", "温子健"), ("邱国华", "赖志斌"), ("罗美玲", "钟思雨")}


def test_event_organisers_written_after_it_or_in_the_next_sentence(tmp_path):
    facts = _all(tmp_path, "news-2017-09-22.txt",
                 "海丰县举办首届“海丰油柑”职工技能竞赛\n发布时间：2017-09-22\n\n"
                 "9月20日，海丰县首届“海丰油柑”职工技能竞赛在该县职业技术学校举行。竞赛由海丰县总工会、海丰县人力资源和社会保障局主办，"
                 "海丰县职业技术学校承办。\n\n12月19日，海丰县总工会在县工人文化宫召开第九届委员会第三次全体会议。")
    events = {e["name"]: e for e in _of(facts, "event")}
    contest = events["海丰县首届“海丰油柑”职工技能竞赛"]  # the headline's shorter name is the same event
    assert "首届“海丰油柑”职工技能竞赛" not in events
    assert contest["date"] == "2017-09-20"
    assert contest["organisers"] == ["海丰县总工会", "海丰县人力资源和社会保障局", "海丰县职业技术学校"]
    meeting = next(e for name, e in events.items() if name.endswith("第九届委员会第三次全体会议"))
    assert meeting["organisers"] == ["海丰县总工会"]  # not the venue


def test_session_eight_readers_stay_quiet_in_running_text(tmp_path):
    head = "标题\n发布时间：2022-05-01\n\n"
    awards = _awards(tmp_path, "a-2022-05-01.txt", head + "程建设是广东水电二局股份有限公司的焊工。在工程建设中，徒弟黄伟进步很快，"
                     "2021年获评“广东省技术能手”。")
    assert {a[0] for a in awards} == {"黄伟"}  # 程建设 is not read inside 工程建设
    awards = _awards(tmp_path, "b-2022-05-01.txt", head + "陈志强是惠来县葵峰食品有限公司的车间主任。他带领的团队荣获“揭阳市工人先锋号”。"
                     "揭阳市人民医院护士长林小燕所在的急诊科被评为“揭阳市巾帼文明岗”。")
    assert not [a for a in awards if a[0].endswith("团队")]
    assert ("揭阳市人民医院急诊科", "揭阳市巾帼文明岗", None) in awards  # the unit of the body named before it
    facts = _all(tmp_path, "c-2022-05-01.txt", head + "会上，王建国向前来参会的李强致意后为李强的徒弟张小梅颁发“揭阳市技术能手”证书。"
                 "本次竞赛共有10名选手获奖，揭阳美华纺织有限公司挡车工陈丽芳也在其中，被授予“揭阳市技术能手”称号。")
    assert {a["recipient"] for a in _of(facts, "award")} == {"张小梅", "陈丽芳"}
    assert {(m["master"], m["apprentice"]) for m in _of(facts, "mentorship")} == {("李强", "张小梅")}
    facts = _all(tmp_path, "d-2022-05-01.txt", head + "4月28日，王建国与李强共同见证了揭阳美华纺织有限公司的拜师仪式。"
                 "陈丽芳与李强是同乡，两人当年一起进厂拜师学艺。邱国华与温子健、赖志斌和罗美玲与钟思雨分别签订师徒协议。")
    assert {(m["master"], m["apprentice"]) for m in _of(facts, "mentorship")} == {
        ("邱国华", "温子健"), ("邱国华", "赖志斌"), ("罗美玲", "钟思雨")}
    facts = _all(tmp_path, "e-2022-05-01.txt", head + "继首届揭阳市职工技能大赛之后，由揭阳市总工会联合主办的第二届揭阳市职工技能大赛日前开幕。"
                 "4月26日，揭阳市总工会举办劳模座谈会。陈丽芳曾在2019年全国纺织行业职业技能竞赛中获得一等奖。"
                 "活动由揭阳市总工会主办，揭阳美华纺织有限公司承办。")
    organisers = {e["name"]: e["organisers"] for e in _of(facts, "event")}
    assert organisers["首届揭阳市职工技能大赛"] == []  # 由…主办的 names the next event's
    assert organisers["第二届揭阳市职工技能大赛"] == ["揭阳市总工会"]
    assert organisers["2019年全国纺织行业职业技能竞赛"] == []  # 活动 is not the contest
    awards = _awards(tmp_path, "f-2022-05-01.txt", head + "4月28日，揭阳市总工会召开表彰大会。大会开始之前，市总工会主席王建国为陈丽芳颁发了"
                     "“揭阳市五一劳动奖章”。曾厝村党支部书记林海被授予“揭阳市优秀共产党员”称号。")
    assert ("陈丽芳", "揭阳市五一劳动奖章", 2022) in awards  # 之前 and 曾厝村 say nothing about an earlier year
    assert ("林海", "揭阳市优秀共产党员", 2022) in awards


def test_a_count_in_brackets_ending_a_wrapped_line_is_no_heading(tmp_path):
    awards = _awards(tmp_path, "g-2022-05-01.txt", "标题\n发布时间：2022-05-01\n\n4月28日，揭阳市总工会召开大会，揭阳美华纺织\n"
                     "有限公司织造车间等班组获评揭阳市工人先锋号（12个）\n，陈丽芳等职工获评揭阳市五一劳动奖章。")
    assert [a for a in awards if a[1] == "揭阳市工人先锋号" and a[0].startswith("揭阳美华纺织有限公司")]  # the name is whole
