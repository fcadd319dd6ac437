"""Exports: RDF validated by SHACL, GraphML/GEXF for Gephi, neo4j-admin CSV, a Cypher script."""
from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF

from graph import samples
from graph.export import cypher_literal, export_store, to_networkx
from graph.ladybug_store import LadybugStore
from graph.rdf import check, store_to_rdf, validate
from honours.errors import StoreError
from ontology.owl import HG, WDT, XSD_TYPES


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with LadybugStore(tmp_path_factory.mktemp("export") / "db") as s:
        for doc in (samples.award_news(), samples.follow_up(), samples.unrelated_li_ming(), samples.tricky_names(),
                    samples.model_worker_profile()):
            s.upsert(doc)
        yield s


@pytest.fixture(scope="module")
def rdf(store) -> Graph:
    return store_to_rdf(store)


def test_export_rdf_conforms_to_shapes(rdf: Graph):
    conforms, report = validate(rdf)
    assert conforms, report


def test_export_rdf_has_wikidata_shortcuts_and_reified_evidence(rdf: Graph):
    assert len(list(rdf.triples((None, WDT.P166, None)))) == 3  # 李明, the workshop, 刘芳芳
    assert len(list(rdf.triples((None, WDT.P108, None)))) >= 3
    quotes = list(rdf.triples((None, HG.quote, None)))
    assert quotes and all(isinstance(o, Literal) for _, _, o in quotes)
    assert len(list(rdf.subjects(RDF.type, HG.Union))) >= 1


def test_export_rdf_derives_model_workers(rdf: Graph):
    workers = {str(rdf.value(p, HG.name)) for p in rdf.subjects(RDF.type, HG.ModelWorker)}
    assert workers == {"刘芳芳"}


def test_export_shacl_catches_an_award_without_honour(rdf: Graph):
    broken = Graph()
    for triple in rdf:
        broken.add(triple)
    award = next(broken.subjects(RDF.type, HG.Award))
    broken.remove((award, HG.FOR_HONOUR, None))
    conforms, report = validate(broken)
    assert not conforms and "FOR_HONOUR" in report
    with pytest.raises(StoreError, match="does not conform"):
        check(broken)


def test_export_shacl_catches_a_mistyped_year(rdf: Graph):
    broken = Graph()
    for triple in rdf:
        broken.add(triple)
    award = next(broken.subjects(RDF.type, HG.Award))
    broken.set((award, HG.year, Literal("二〇二四", datatype=XSD_TYPES["string"])))
    assert not validate(broken)[0]


@pytest.mark.parametrize("fmt", ["ttl", "jsonld"])
def test_export_rdf_files_parse_back(store, tmp_path: Path, fmt: str, rdf: Graph):
    out = export_store(store, fmt, tmp_path / f"g.{fmt}")
    back = Graph().parse(out, format="turtle" if fmt == "ttl" else "json-ld")
    assert len(back) == len(rdf)
    assert Literal("王\\五", datatype=XSD_TYPES["string"]) in set(back.objects(None, HG.name))


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_export_gephi_files_read_back(store, tmp_path: Path, fmt, read):
    out = export_store(store, fmt, tmp_path / f"g.{fmt}")
    back = read(out)
    graph = to_networkx(store)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    labels = {d.get("label") for _, d in back.nodes(data=True)}
    assert "O'Brien \"MATCH\"" in labels and "张振飏" in labels


def test_export_neo4j_csv_bundle_has_typed_headers(store, tmp_path: Path):
    out = export_store(store, "neo4j-csv", tmp_path / "bundle")
    with (out / "nodes_Award.csv").open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["id:ID", "year:long", "edition", "recipient_kind", ":LABEL"]
    assert len(rows) == 1 + store.stats()["award"]
    with (out / "rels_SUPPORTED_BY.csv").open(encoding="utf-8") as fh:
        header = next(csv.reader(fh))
    assert header[:3] == [":START_ID", ":END_ID", ":TYPE"] and "start:long" in header
    script = (out / "import.sh").read_text()
    assert "neo4j-admin database import full" in script and "--nodes=Person=nodes_Person.csv" in script
    with (out / "nodes_Person.csv").open(encoding="utf-8") as fh:
        names = {row["name"] for row in csv.DictReader(fh)}
    assert "O'Brien \"MATCH\"" in names and "王\\五" in names


def test_export_cypher_script_escapes_literals(store, tmp_path: Path):
    out = export_store(store, "cypher", tmp_path / "g.cypher")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("CREATE CONSTRAINT")
    assert "'O\\'Brien \"MATCH\"'" in text and "'王\\\\五'" in text
    assert cypher_literal("a'b\\c\nd") == "'a\\'b\\\\c\\nd'"
    assert cypher_literal({"x": [1, None, True]}) == "{`x`: [1, null, true]}"


def test_export_to_missing_directory_is_a_clear_error(store, tmp_path: Path):
    with pytest.raises(StoreError, match="does not exist"):
        export_store(store, "ttl", tmp_path / "nope" / "g.ttl")
