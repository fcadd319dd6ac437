"""The ontology as RDF: OWL classes and properties, and SHACL shapes, built with rdflib.

Both graphs are generated from :func:`ontology.schema.load_ontology`; ``python -m
ontology.owl`` writes them to ``ontology/ontology.ttl`` and ``ontology/shapes.shacl.ttl``.
"""
from __future__ import annotations

import sys
from pathlib import Path

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD

from ontology.schema import Ontology, Property, load_ontology

HG = Namespace("https://w3id.org/honours-graph/ontology#")
ID = Namespace("https://w3id.org/honours-graph/id/")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
SH = Namespace("http://www.w3.org/ns/shacl#")

PREFIXES = {"hg": HG, "hgid": ID, "schema": SCHEMA, "wd": WD, "wdt": WDT, "sh": SH,
            "owl": OWL, "skos": SKOS, "prov": PROV}
XSD_TYPES = {"string": XSD.string, "int": XSD.integer, "float": XSD.double,
             "bool": XSD.boolean, "string[]": XSD.string}


def align_uri(vocab: str, term: str) -> URIRef:
    """The URI of an alignment such as ``("wikidata", "P166")`` or ``("schema", "name")``."""
    if vocab == "wikidata":
        return WDT[term] if term.startswith("P") else WD[term]
    spaces = {"schema": SCHEMA, "rdfs": RDFS, "skos": SKOS, "prov": PROV}
    return spaces[vocab][term]


def _graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


def _labels(g: Graph, subject: URIRef, label: dict[str, str], comment: dict[str, str]) -> None:
    for lang, text in label.items():
        g.add((subject, RDFS.label, Literal(text, lang=lang)))
    for lang, text in comment.items():
        g.add((subject, RDFS.comment, Literal(text, lang=lang)))


def _aligned(g: Graph, subject: URIRef, align: dict[str, str]) -> None:
    for vocab, term in align.items():
        g.add((subject, SKOS.closeMatch, align_uri(vocab, term)))


def _datatype_property(g: Graph, prop: Property, domain: URIRef) -> None:
    uri = HG[prop.name]
    g.add((uri, RDF.type, OWL.DatatypeProperty))
    g.add((uri, RDFS.range, XSD_TYPES[prop.type]))
    _labels(g, uri, prop.label, {})
    _aligned(g, uri, prop.align)


def owl_graph(onto: Ontology | None = None) -> Graph:
    """The ontology as OWL: classes, kinds as subclasses, datatype and object properties."""
    onto = onto or load_ontology()
    g = _graph()
    g.add((URIRef(str(HG)[:-1]), RDF.type, OWL.Ontology))
    g.add((HG.id, RDF.type, OWL.DatatypeProperty))
    for cls in onto.classes.values():
        uri = HG[cls.name]
        g.add((uri, RDF.type, OWL.Class))
        _labels(g, uri, cls.label, cls.description)
        _aligned(g, uri, cls.align)
        if cls.derived:
            g.add((uri, RDFS.subClassOf, HG[cls.derived["from"]]))
        for kind, spec in (cls.extra.get("kinds") or {}).items():
            g.add((HG[kind], RDF.type, OWL.Class))
            g.add((HG[kind], RDFS.subClassOf, uri))
            _labels(g, HG[kind], spec.get("label") or {}, {})
            _aligned(g, HG[kind], spec.get("align") or {})
        for prop in cls.properties:
            _datatype_property(g, prop, uri)
        if cls.shortcut:
            g.add((align_uri("wikidata", cls.shortcut["align"]["wikidata"]), RDFS.comment,
                   Literal(f"shortcut of {cls.name}: {cls.shortcut['from']} → {cls.shortcut['to']}")))
    for rel in onto.relations.values():
        uri = HG[rel.name]
        g.add((uri, RDF.type, OWL.ObjectProperty))
        _labels(g, uri, rel.label, rel.description)
        _aligned(g, uri, rel.align)
        for prop in rel.properties:
            _datatype_property(g, prop, uri)
    return g


def _shape_for_property(g: Graph, node: BNode, path: URIRef, prop: Property) -> None:
    g.add((node, SH.path, path))
    g.add((node, SH.datatype, XSD_TYPES[prop.type]))
    if prop.required:
        g.add((node, SH.minCount, Literal(1)))
    if prop.type != "string[]":
        g.add((node, SH.maxCount, Literal(1)))
    if prop.enum:
        items = BNode()
        Collection(g, items, [Literal(v, datatype=XSD_TYPES[prop.type]) for v in prop.enum])
        g.add((node, SH["in"], items))


def _class_or(g: Graph, node: BNode, targets: tuple[str, ...]) -> None:
    if len(targets) == 1:
        g.add((node, SH["class"], HG[targets[0]]))
        return
    alternatives = []
    for target in targets:
        alt = BNode()
        g.add((alt, SH["class"], HG[target]))
        alternatives.append(alt)
    items = BNode()
    Collection(g, items, alternatives)
    g.add((node, SH["or"], items))


def shapes_graph(onto: Ontology | None = None) -> Graph:
    """SHACL shapes: ids, property types and cardinalities, relation targets."""
    onto = onto or load_ontology()
    g = _graph()
    for cls in onto.tables():
        shape = HG[f"{cls.name}Shape"]
        g.add((shape, RDF.type, SH.NodeShape))
        g.add((shape, SH.targetClass, HG[cls.name]))
        id_node = BNode()
        g.add((shape, SH.property, id_node))
        _shape_for_property(g, id_node, HG.id, Property("id", "string", required=True))
        for prop in cls.properties:
            node = BNode()
            g.add((shape, SH.property, node))
            _shape_for_property(g, node, HG[prop.name], prop)
        for rel in onto.relations_from(cls.name):
            node = BNode()
            g.add((shape, SH.property, node))
            g.add((node, SH.path, HG[rel.name]))
            _class_or(g, node, rel.targets)
            if rel.required:
                g.add((node, SH.minCount, Literal(1)))
    return g


def write(directory: Path | None = None) -> list[Path]:
    """Write ``ontology.ttl`` and ``shapes.shacl.ttl`` into ``directory``; return the paths."""
    directory = directory or Path(__file__).resolve().parent
    out = [directory / "ontology.ttl", directory / "shapes.shacl.ttl"]
    owl_graph().serialize(out[0], format="turtle")
    shapes_graph().serialize(out[1], format="turtle")
    return out


if __name__ == "__main__":  # pragma: no cover
    for path in write(Path(sys.argv[1]) if len(sys.argv) > 1 else None):
        print(path)
