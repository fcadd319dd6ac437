"""Identity across documents: merge only when context links two mentions, and say why."""
from __future__ import annotations

from extract.facts import DocumentFacts, Evidence, Fact
from extract.resolve import PersonContext, StoredPerson, link_reason, ocr_variant, resolve_people, stable_id


def _doc(checksum: str, *facts: tuple[str, dict]) -> DocumentFacts:
    ev = Evidence(f"{checksum}.txt", 0, 10, "……")
    return DocumentFacts(f"{checksum}.txt", checksum, facts=[Fact(k, f, ev) for k, f in facts])


def _nobody(names, orgs):
    return []


def test_resolve_stable_id_is_deterministic_and_typed():
    assert stable_id("Person", "李明", "广东省总工会") == stable_id("Person", "李明", "广东省总工会")
    assert stable_id("Person", "李明", "a").startswith("person-")
    assert stable_id("Person", "李明", "a") != stable_id("Person", "李明", "b")


def test_resolve_same_name_without_context_stays_apart():
    a = resolve_people(_doc("a", ("person", {"name": "李明"})), _nobody)["李明"]
    stored = StoredPerson("李明", id=a.id)
    b = resolve_people(_doc("b", ("person", {"name": "李明"})), lambda n, o: [stored])["李明"]
    assert b.id != a.id and b.rule == "new"


def test_resolve_same_name_same_organisation_merges_with_reason():
    stored = StoredPerson("李明", organisations={"广州电缆有限公司"}, id="person-1")
    doc = _doc("b", ("position", {"person": "李明", "organisation": "广州电缆有限公司", "title": "技师"}))
    ref = resolve_people(doc, lambda n, o: [stored])["李明"]
    assert (ref.id, ref.rule) == ("person-1", "organisation")
    assert "广州电缆有限公司" in ref.reason


def test_resolve_same_honour_and_year_merges():
    stored = StoredPerson("李明", honours={("全国五一劳动奖章", 2024)}, id="person-1")
    doc = _doc("b", ("award", {"recipient": "李明", "recipient_kind": "person", "honour": "全国五一劳动奖章",
                               "year": 2024, "recipient_org": None}))
    ref = resolve_people(doc, lambda n, o: [stored])["李明"]
    assert ref.rule == "honour-year" and "2024" in ref.reason


def test_resolve_same_honour_other_year_stays_apart():
    stored = StoredPerson("李明", honours={("全国五一劳动奖章", 2020)}, id="person-1")
    doc = _doc("b", ("award", {"recipient": "李明", "recipient_kind": "person", "honour": "全国五一劳动奖章",
                               "year": 2024, "recipient_org": None}))
    assert resolve_people(doc, lambda n, o: [stored])["李明"].id != "person-1"


def test_resolve_explicit_alias_merges():
    stored = StoredPerson("王建国", id="person-1")
    doc = _doc("b", ("person", {"name": "王老建", "aliases": ["王建国"]}))
    ref = resolve_people(doc, lambda n, o: [stored])["王老建"]
    assert (ref.id, ref.rule, ref.name) == ("person-1", "alias", "王建国")


def test_resolve_ocr_variant_with_same_title_and_organisation_merges():
    stored = StoredPerson("张振飏", organisations={"广东省总工会"}, positions={("广东省总工会", "一级巡视员")},
                          id="person-z")
    doc = _doc("b", ("position", {"person": "张振飚", "organisation": "广东省总工会", "title": "一级巡视员"}))
    ref = resolve_people(doc, lambda n, o: [stored])["张振飚"]
    assert (ref.id, ref.rule, ref.name) == ("person-z", "ocr-variant", "张振飏")
    assert "张振飚" in ref.aliases and "一级巡视员" in ref.reason


def test_resolve_ocr_variant_with_other_title_stays_apart():
    stored = StoredPerson("张振飏", positions={("广东省总工会", "一级巡视员")}, id="person-z")
    doc = _doc("b", ("position", {"person": "张振飚", "organisation": "广东省总工会", "title": "副主席"}))
    assert resolve_people(doc, lambda n, o: [stored])["张振飚"].rule == "new"


def test_resolve_ocr_variants_within_one_document_merge():
    doc = _doc("a", ("position", {"person": "张振飏", "organisation": "广东省总工会", "title": "一级巡视员"}),
               ("person", {"name": "张振飏"}),
               ("position", {"person": "张振飚", "organisation": "广东省总工会", "title": "一级巡视员"}))
    refs = resolve_people(doc, _nobody)
    assert refs["张振飚"].id == refs["张振飏"].id and refs["张振飚"].rule == "ocr-variant"


def test_resolve_ocr_variant_needs_chinese_characters():
    assert ocr_variant("张振飏", "张振飚")
    assert not ocr_variant("周1号", "周2号")
    assert not ocr_variant("张振飏", "李振飏")  # a different surname is a different person
    assert not ocr_variant("张三", "张三丰")


def test_resolve_link_reason_prefers_alias_then_organisation():
    new = PersonContext("李明", aliases={"李小明"}, organisations={"甲公司"})
    assert link_reason(new, PersonContext("李小明"))[0] == "alias"
    assert link_reason(new, PersonContext("李明", organisations={"甲公司"}))[0] == "organisation"
    assert link_reason(new, PersonContext("李明", organisations={"乙公司"})) is None
