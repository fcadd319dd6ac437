"""The ontology is data: classes and relations load from YAML and drive every schema."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF

from graph import cypher
from honours.errors import OntologyError
from ontology.organisations import classify
from ontology.owl import HG, WDT, owl_graph, shapes_graph
from ontology.schema import ONTOLOGY_DIR, load_ontology


@pytest.fixture
def onto_dir(tmp_path: Path) -> Path:
    """A writable copy of the ontology's data files."""
    shutil.copytree(ONTOLOGY_DIR / "classes", tmp_path / "classes")
    shutil.copytree(ONTOLOGY_DIR / "relations", tmp_path / "relations")
    return tmp_path


def test_ontology_loads_core_classes_with_labels():
    onto = load_ontology()
    for name in ("Person", "Organisation", "Honour", "Studio", "Event", "Document", "Article",
                 "Award", "Position", "Mentorship"):
        cls = onto.classes[name]
        assert cls.label["zh"] and cls.label["en"] and cls.color.startswith("#")
    assert onto.classes["Award"].statement and onto.classes["Position"].statement
    assert set(onto.stats_keys()) >= {"document", "article", "person", "organisation", "honour",
                                      "award", "position", "studio", "mentorship", "event"}


def test_ontology_model_worker_is_derived_not_a_table():
    onto = load_ontology()
    assert not onto.classes["ModelWorker"].is_table
    ddl = "\n".join(cypher.ladybug_ddl(onto))
    assert "ModelWorker" not in ddl
    assert "ModelWorker" not in "\n".join(cypher.neo4j_schema(onto))


def test_ontology_wikidata_alignment_in_owl():
    g = owl_graph()
    aligned = {str(o) for o in g.objects(None, None) if str(o).startswith(str(WDT))}
    for prop in ("P166", "P585", "P1027", "P39", "P108"):
        assert str(WDT[prop]) in aligned
    assert (HG.Union, RDF.type, OWL.Class) in g  # organisation kinds are subclasses


def test_ontology_class_added_in_yaml_appears_in_every_schema(onto_dir: Path):
    (onto_dir / "classes" / "Prize.yaml").write_text(
        "name: Prize\nlabel: {zh: 奖金, en: Prize}\ncolor: '#123456'\nstats: prize\n"
        "properties:\n  amount: {type: int, label: {zh: 金额, en: amount}}\n", encoding="utf-8")
    (onto_dir / "relations" / "PAID_WITH.yaml").write_text(
        "name: PAID_WITH\nlabel: {zh: 奖金, en: paid with}\nfrom: [Award]\nto: [Prize]\n", encoding="utf-8")
    onto = load_ontology(onto_dir)
    ddl = cypher.ladybug_ddl(onto)
    assert any("`Prize`(`id` STRING, `amount` INT64" in s for s in ddl)
    assert any("`PAID_WITH`(FROM `Award` TO `Prize`)" in s for s in ddl)
    assert any("FOR (n:`Prize`)" in s for s in cypher.neo4j_schema(onto))
    assert "Prize" in cypher.upserts(onto, cypher.NEO4J)
    assert (HG.Prize, RDF.type, OWL.Class) in owl_graph(onto)
    assert onto.stats_keys()["prize"] == "Prize" and onto.labels("zh")["Prize"] == "奖金"


def test_ontology_rejects_names_equal_but_for_case(onto_dir: Path):
    (onto_dir / "relations" / "PERSON.yaml").write_text(
        "name: PERSON\nfrom: [Award]\nto: [Person]\n", encoding="utf-8")
    with pytest.raises(OntologyError, match="PERSON"):
        load_ontology(onto_dir)


def test_ontology_rejects_unknown_class_in_relation(onto_dir: Path):
    (onto_dir / "relations" / "BAD.yaml").write_text("name: BAD\nfrom: [Award]\nto: [Nobody]\n", encoding="utf-8")
    with pytest.raises(OntologyError, match="Nobody"):
        load_ontology(onto_dir)


def test_ontology_rejects_unknown_property_type(onto_dir: Path):
    (onto_dir / "classes" / "Odd.yaml").write_text("name: Odd\nproperties:\n  x: {type: date}\n", encoding="utf-8")
    with pytest.raises(OntologyError, match="unknown type"):
        load_ontology(onto_dir)


def test_ontology_generated_turtle_is_current():
    """ontology.ttl and shapes.shacl.ttl are regenerated with `python -m ontology.owl`."""
    for name, build in (("ontology.ttl", owl_graph), ("shapes.shacl.ttl", shapes_graph)):
        on_disk = Graph().parse(ONTOLOGY_DIR / name)
        assert len(on_disk) == len(build()), f"{name} is stale: run python -m ontology.owl"


@pytest.mark.parametrize("name, kind, level", [
    ("中华全国总工会", "Union", "national"), ("广东省总工会", "Union", "provincial"),
    ("佛山市总工会", "Union", "city"), ("佛山市南海区总工会", "Union", "district"),
    ("广州电缆有限公司", "Enterprise", "enterprise"), ("广东省人民政府", "GovernmentBody", "provincial"),
    ("华南理工大学", "School", None),
])
def test_ontology_classifies_organisation_names(name, kind, level):
    assert classify(name)[:2] == (kind, level)


@pytest.mark.parametrize(
    ("name", "parent"),
    [
        ("佛山市南海区总工会", "佛山市总工会"),
        ("佛山市顺德区容桂街道总工会", "佛山市顺德区总工会"),
        ("佛山市总工会", "广东省总工会"),
        ("广东省海员工会", "广东省总工会"),
        ("广东省总工会", "中华全国总工会"),
        ("中华全国总工会", None),
        ("广州视源电子科技股份有限公司工会", None),
        ("佛山市人力资源和社会保障局", None),
    ],
)
def test_union_parent_from_the_name(name, parent):
    from ontology.organisations import union_parent

    assert union_parent(name) == parent
