"""Turn one DocumentFacts into rows for every node class and relation: the store-neutral batch.

A :class:`Plan` is keyed by ontology names only: ``nodes["Person"]`` is a list of rows with
an ``id`` and the class's properties, ``edges["SUPPORTED_BY"]`` a list of rows with ``src``,
``src_label``, ``dst``, ``dst_label`` and the relation's properties. Each store writes a plan
through its own bulk path.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from extract.facts import DocumentFacts, Evidence, Fact
from extract.resolve import PersonRef, stable_id
from ontology.organisations import classify, union_parent, level_of
from ontology.schema import Ontology, load_ontology

HonourInfoFn = Callable[[str], Any]


def _taxonomy() -> HonourInfoFn:
    try:
        from ontology.taxonomy import honour_info  # written by the taxonomy owner
    except ImportError:  # pragma: no cover - before the taxonomy exists
        return lambda name: None
    return honour_info


@dataclass
class Plan:
    """Rows to upsert, by class and by relation; the Document comes first."""

    nodes: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    edges: dict[str, dict[tuple, dict[str, Any]]] = field(default_factory=dict)

    def node(self, label: str, id_: str, **props: Any) -> str:
        """Add (or fill in) node ``id_`` of class ``label``; return its id."""
        row = self.nodes.setdefault(label, {}).setdefault(id_, {"id": id_})
        for key, value in props.items():
            if value is not None and value != [] and row.get(key) is None:
                row[key] = value
        return id_

    def edge(self, rel: str, src: tuple[str, str], dst: tuple[str, str], key: tuple = (), **props: Any) -> None:
        """Add an edge of relation ``rel`` from ``(label, id)`` to ``(label, id)``."""
        row = {"src_label": src[0], "src": src[1], "dst_label": dst[0], "dst": dst[1], **props}
        self.edges.setdefault(rel, {}).setdefault((src, dst, key), row)

    def rows(self, onto: Ontology) -> tuple[dict[str, list[dict]], dict[str, list[dict]]]:
        """Node and edge rows with every declared property present (None when unknown)."""
        nodes = {}
        for label, by_id in self.nodes.items():
            names = [p.name for p in onto.classes[label].properties]
            nodes[label] = [{"id": r["id"], **{n: r.get(n) for n in names}} for r in by_id.values()]
        edges = {}
        for rel, by_key in self.edges.items():
            names = [p.name for p in onto.relations[rel].properties]
            edges[rel] = [{k: r[k] for k in ("src_label", "src", "dst_label", "dst")}
                          | {n: r.get(n) for n in names} for r in by_key.values()]
        return nodes, edges


class _Builder:
    """Walks a document's facts, adding nodes and edges to a plan."""

    def __init__(self, doc: DocumentFacts, people: dict[str, PersonRef], honour_info: HonourInfoFn):
        self.doc, self.people, self.honour_info = doc, people, honour_info
        self.plan = Plan()
        self.doc_node = ("Document", doc.checksum)
        self.plan.node("Document", doc.checksum, path=doc.doc, checksum=doc.checksum,
                       articles=len(doc.articles), facts=len(doc.facts))
        self.dates = {a.index: a.date for a in doc.articles}

    def evidence(self, fact: Fact) -> dict[str, Any]:
        ev: Evidence = fact.evidence
        return {"quote": ev.quote, "start": ev.start, "end": ev.end, "article": fact.article}

    def supported(self, node: tuple[str, str], fact: Fact) -> None:
        props = self.evidence(fact) | {"confidence": float(fact.confidence)}
        self.plan.edge("SUPPORTED_BY", node, self.doc_node, (fact.evidence.start,), **props)

    def mentioned(self, node: tuple[str, str], fact: Fact, name: str, rule: str = "exact",
                  reason: str | None = None) -> None:
        props = self.evidence(fact) | {"name": name, "rule": rule, "reason": reason}
        self.plan.edge("MENTIONED_IN", node, self.doc_node, (fact.evidence.start, name), **props)

    def person(self, name: str, fact: Fact) -> tuple[str, str]:
        ref = self.people[name]
        node = ("Person", self.plan.node("Person", ref.id, name=ref.name, aliases=list(ref.aliases)))
        self.mentioned(node, fact, name, ref.rule, ref.reason)
        return node

    def organisation(self, name: str, fact: Fact | None) -> tuple[str, str]:
        kind, level, region = classify(name)
        node = ("Organisation", self.plan.node("Organisation", stable_id("Organisation", name),
                                               name=name, kind=kind, level=level, region=region))
        if fact is not None:
            self.mentioned(node, fact, name)
        if parent := union_parent(name):  # the union hierarchy is part of the data
            self.plan.edge("PART_OF", node, self.organisation(parent, None))
        return node

    def honour(self, name: str, fact: Fact) -> tuple[str, str]:
        info = self.honour_info(name)
        props: dict[str, Any] = {"name": name, "level": level_of(name)[0]}
        if info is not None:
            props |= {"en": info.en, "level": info.level or props["level"], "ladder": info.ladder,
                      "rung": info.rung,
                      "kind": "collective" if info.recipient_kind == "organisation" else "individual"}
        node = ("Honour", self.plan.node("Honour", stable_id("Honour", name), **props))
        if info is not None and info.conferred_by:
            self.plan.edge("CONFERRED_BY", node, self.organisation(info.conferred_by, None))
        self.mentioned(node, fact, name)
        return node

    def statement(self, label: str, fact: Fact, *key: object, **props: Any) -> tuple[str, str]:
        node = (label, self.plan.node(label, stable_id(label, *key), **props))
        self.supported(node, fact)
        return node

    def add_person(self, fact: Fact) -> None:
        self.person(fact.fields["name"], fact)

    def add_organisation(self, fact: Fact) -> None:
        self.organisation(fact.fields["name"], fact)

    def add_award(self, fact: Fact) -> None:
        f = fact.fields
        kind = f.get("recipient_kind") or "person"
        recipient = self.person(f["recipient"], fact) if kind == "person" else self.organisation(f["recipient"], fact)
        honour = self.honour(f["honour"], fact)
        award = self.statement("Award", fact, recipient[1], honour[1], f.get("year"),
                               year=f.get("year"), edition=f.get("edition"), recipient_kind=kind)
        self.plan.edge("RECIPIENT", award, recipient)
        self.plan.edge("FOR_HONOUR", award, honour)
        if f.get("recipient_org"):
            self.plan.edge("RECIPIENT_ORG", award, self.organisation(f["recipient_org"], fact))
        conferred = f.get("conferred_by") or getattr(self.honour_info(f["honour"]), "conferred_by", None)
        if conferred:
            self.plan.edge("CONFERRED_BY", award, self.organisation(conferred, None))

    def add_position(self, fact: Fact) -> None:
        f = fact.fields
        person, org = self.person(f["person"], fact), self.organisation(f["organisation"], fact)
        date = self.dates.get(fact.article) if fact.article is not None else None
        position = self.statement("Position", fact, person[1], org[1], f.get("title") or "",
                                  title=f.get("title") or "", as_of=date)
        self.plan.edge("HOLDER", position, person)
        self.plan.edge("IN_ORGANISATION", position, org)

    def add_mentorship(self, fact: Fact) -> None:
        master, apprentice = self.person(fact.fields["master"], fact), self.person(fact.fields["apprentice"], fact)
        mentorship = self.statement("Mentorship", fact, master[1], apprentice[1])
        self.plan.edge("MASTER", mentorship, master)
        self.plan.edge("APPRENTICE", mentorship, apprentice)

    def add_studio(self, fact: Fact) -> None:
        f = fact.fields
        studio = self.statement("Studio", fact, f["name"], name=f["name"])
        if f.get("leader"):
            self.plan.edge("LED_BY", studio, self.person(f["leader"], fact))
        if f.get("host"):
            self.plan.edge("HOSTED_BY", studio, self.organisation(f["host"], fact))

    def add_event(self, fact: Fact) -> None:
        f = fact.fields
        event = self.statement("Event", fact, f["name"], f.get("date"), name=f["name"],
                               date=f.get("date"), place=f.get("place"))
        for organiser in f.get("organisers") or ():
            self.plan.edge("ORGANISED_BY", event, self.organisation(organiser, fact))

    def add_articles(self) -> None:
        doc = self.doc
        for a in doc.articles:
            article = ("Article", self.plan.node(
                "Article", stable_id("Article", doc.checksum, a.index), index=a.index, title=a.title,
                date=a.date, date_precision=a.date_precision, byline=a.byline, source=a.source,
                page=a.page, start=a.start, end=a.end))
            self.plan.edge("HAS_ARTICLE", self.doc_node, article)


def build_plan(doc: DocumentFacts, people: dict[str, PersonRef], *,
               honour_info: HonourInfoFn | None = None) -> Plan:
    """The rows that store ``doc``, with person names resolved through ``people``."""
    builder = _Builder(doc, people, honour_info or _taxonomy())
    for fact in doc.facts:
        handler = getattr(builder, f"add_{fact.type}", None)
        if handler is not None and _complete(fact):
            handler(fact)
    builder.add_articles()
    return builder.plan


REQUIRED_FIELDS = {"person": ("name",), "organisation": ("name",), "award": ("recipient", "honour"),
                   "position": ("person", "organisation"), "mentorship": ("master", "apprentice"),
                   "studio": ("name",), "event": ("name",)}


def _complete(fact: Fact) -> bool:
    """False for a fact missing a field it cannot be stored without."""
    return all(fact.fields.get(key) for key in REQUIRED_FIELDS.get(fact.type, ()))
