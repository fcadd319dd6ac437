"""Check a curation decision against a store, apply it to the stored graph at once, and log it.

Every decision is checked before anything is written (the ids exist, a merge joins two
entities of one class, a split names a document the person is mentioned in …): a bad one
is a :class:`CurationError` naming the input, and the store is unchanged. A good one is
appended to the store's log, then applied in one transaction as rows to upsert (the
store's own bulk path) and a few deletions; if that fails, the log line is taken back.

The statements are plain Cypher read by LadybugDB and Neo4j alike, generated from the ontology.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePath
from typing import Any

from graph.cypher import q
from graph.curation import Decision, log_for
from graph.curation_plan import (MERGE_RULE, SPLIT_RULE, STATEMENT_KEYS, has_aliases, merge_reason, split_reason,
                                 statement_id)
from graph.plan import Plan
from graph.store import GraphStore
from honours.errors import CurationError
from ontology.schema import Ontology, load_ontology

ROWS = 1_000_000  # reads here are never capped
SOURCES = ("Document", "Article")  # never merged, renamed or rejected
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
Steps = tuple[Plan, list[tuple[str, dict[str, Any]]]]


def statements(onto: Ontology | None = None) -> dict[str, str]:
    """Every statement curation sends to a store, by name (reads, and the deletions it writes)."""
    onto = onto or load_ontology()
    out = {}
    for cls in onto.tables():
        cols = ", ".join(f"n.{q(n)} AS {q(n)}" for n in ["id"] + [p.name for p in cls.properties])
        out[f"node:{cls.name}"] = f"MATCH (n:{q(cls.name)}) WHERE n.`id` = $id RETURN {cols}"
        out[f"delete:{cls.name}"] = f"MATCH (n:{q(cls.name)}) WHERE n.`id` = $id DETACH DELETE n"
        if has_aliases(cls.name):
            out[f"aliases:{cls.name}"] = f"MATCH (n:{q(cls.name)}) WHERE n.`id` = $id SET n.`aliases` = $aliases"
    for rel in onto.relations.values():
        props = "".join(f", e.{q(p.name)} AS {q(p.name)}" for p in rel.properties)
        for src, dst in rel.pairs():
            pattern = f"MATCH (a:{q(src)})-[e:{q(rel.name)}]->(b:{q(dst)})"
            out[f"edges:{rel.name}:{src}:{dst}"] = (f"{pattern} WHERE a.`id` = $id OR b.`id` = $id "
                                                    f"RETURN a.`id` AS src, b.`id` AS dst{props}")
            out[f"unlink:{rel.name}:{src}:{dst}"] = f"{pattern} WHERE a.`id` = $src AND b.`id` = $dst DELETE e"
    return out


STATEMENTS = statements()


# -- reading the store ---------------------------------------------------------------------------
def _read(store: GraphStore, name: str, **params: Any) -> list[dict[str, Any]]:
    return store.query(STATEMENTS[name], params, limit=ROWS).records()


def fact_classes(onto: Ontology) -> list[str]:
    """Classes whose nodes are facts with evidence (Award, Position, …): what reject removes."""
    return list(onto.relations["SUPPORTED_BY"].sources)


def find(store: GraphStore, id_: str, what: str = "entity") -> tuple[str, dict[str, Any]]:
    """The class and properties of the node stored with id ``id_``; CurationError naming it if none."""
    onto = load_ontology()
    guess = {c.name.lower(): c.name for c in onto.tables()}.get(id_.partition("-")[0])
    for label in [guess] * bool(guess) + [c.name for c in onto.tables() if c.name != guess]:
        rows = _read(store, f"node:{label}", id=id_)
        if rows:
            return label, rows[0]
    raise CurationError(f"no {what} with id {id_!r} is stored in {store.location} "
                        "(ids are shown by the app's profiles and `honours query`)")


def find_document(store: GraphStore, ref: str) -> dict[str, Any]:
    """The stored document whose checksum, checksum prefix, path or file name is ``ref``."""
    docs = list(store.nodes("Document"))
    for test in (lambda d: d["id"] == ref, lambda d: d["path"] == ref,
                 lambda d: PurePath(d["path"]).name == PurePath(ref).name,
                 lambda d: len(ref) >= 6 and d["id"].startswith(ref)):
        found = [d for d in docs if test(d)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise CurationError(f"document {ref!r} is ambiguous: it matches "
                                f"{', '.join(d['path'] for d in found[:5])}; give its checksum")
    raise CurationError(f"no stored document has the checksum, path or file name {ref!r}")


def edges_of(store: GraphStore, label: str, id_: str, onto: Ontology) -> list[tuple[str, str, str, dict]]:
    """Every edge touching node ``id_`` of class ``label``: (relation, source class, target class, row)."""
    out = []
    for rel in onto.relations.values():
        for src, dst in rel.pairs():
            if label in (src, dst):
                out += [(rel.name, src, dst, row) for row in _read(store, f"edges:{rel.name}:{src}:{dst}", id=id_)
                        if (src == label and row["src"] == id_) or (dst == label and row["dst"] == id_)]
    return out


def _copy(plan: Plan, onto: Ontology, rel: str, src: tuple[str, str], dst: tuple[str, str], row: dict,
          **changes: Any) -> None:
    props = {p.name: row.get(p.name) for p in onto.relations[rel].properties} | changes
    plan.edge(rel, src, dst, tuple(props[k] for k in onto.relations[rel].key), **props)


def _name(row: dict[str, Any]) -> str:
    return row.get("name") or row.get("title") or row["id"]


# -- checking a decision (and filling in what the store knows) -----------------------------------
def check_name(name: str | None) -> str:
    """A new name stripped; CurationError when empty, too long or holding control characters."""
    clean = (name or "").strip()
    if not clean:
        raise CurationError("the new name is empty")
    if len(clean) > 200 or _CONTROL.search(clean):
        raise CurationError(f"the new name {clean[:40]!r} is too long or holds control characters")
    return clean


def prepare_merge(store: GraphStore, keep: str, other: str, note: str = "") -> Decision:
    """A merge of ``other`` into ``keep``, checked: both stored, of one class that has names."""
    if keep == other:
        raise CurationError(f"cannot merge {keep!r} with itself")
    (la, a), (lb, b) = find(store, keep), find(store, other)
    if la != lb:
        raise CurationError(f"cannot merge {other} ({lb} {_name(b)}) into {keep} ({la} {_name(a)}): "
                            "they are of different classes")
    if la in SOURCES or "name" not in a:
        raise CurationError(f"{la} nodes cannot be merged; merge people, organisations, honours, studios "
                            "or events (reject a duplicated fact instead)")
    aliases: tuple[str, ...] = ()
    if has_aliases(la):
        aliases = tuple(sorted({n for n in [b["name"], *(b.get("aliases") or ())] if n and n != a["name"]}))
    return Decision("merge", keep, la, other=other, name=a["name"], aliases=aliases, note=note)


def prepare_split(store: GraphStore, person: str, document: str, name: str, note: str = "") -> Decision:
    """A split of ``person``'s mentions in ``document`` (written ``name``) into a person of their own, checked."""
    label, row = find(store, person, "person")
    if label != "Person":
        raise CurationError(f"{person} is a {label}, not a person: only people are split")
    doc = find_document(store, document)
    mentions = [r for r in _read(store, "edges:MENTIONED_IN:Person:Document", id=person) if r["src"] == person]
    here = {r["name"] for r in mentions if r["dst"] == doc["id"]}
    if not here:
        raise CurationError(f"{row['name']} ({person}) is not mentioned in {doc['path']}")
    if name not in here:
        raise CurationError(f"{row['name']} ({person}) is mentioned in {doc['path']} as "
                            f"{'、'.join(sorted(here))}, not as {name!r}")
    if all(r["dst"] == doc["id"] for r in mentions):
        raise CurationError(f"every mention of {row['name']} ({person}) is in {doc['path']}: "
                            "there is nothing to split off (rename it instead)")
    return Decision("split", person, "Person", document=doc["id"], name=name, note=note)


def prepare_reject(store: GraphStore, fact: str, note: str = "") -> Decision:
    """A rejection of fact ``fact`` (an award, position, mentorship, studio or event), checked."""
    label, _ = find(store, fact, "fact")
    classes = fact_classes(load_ontology())
    if label not in classes:
        raise CurationError(f"{fact} is a {label}, not a fact: reject removes {', '.join(classes)} "
                            "(merge or rename an entity instead)")
    return Decision("reject", fact, label, note=note)


def prepare_rename(store: GraphStore, id_: str, name: str, note: str = "") -> Decision:
    """A new canonical name for entity ``id_``, checked."""
    label, row = find(store, id_)
    if "name" not in row or label in SOURCES:
        raise CurationError(f"{id_} is a {label}, which has no name to change")
    clean = check_name(name)
    if clean == row["name"]:
        raise CurationError(f"{id_} is already named {clean!r}")
    return Decision("rename", id_, label, name=clean, note=note)


# -- applying a decision to the stored graph -----------------------------------------------------
def merge_steps(store: GraphStore, d: Decision) -> Steps:
    """Upsert the kept node with every edge of the other re-pointed to it; delete the other.

    A fact whose stable id the other made (its award, its position …) gets the id the kept one
    makes, with all its edges; when the kept one already has that fact, the evidence joins it.
    """
    onto, plan = load_ontology(), Plan()
    _, kept = find(store, d.id)
    _, other = find(store, d.other)
    row = {k: v for k, v in other.items() if v is not None and kept.get(k) is None} | {"id": d.id, "name": d.name}
    if has_aliases(d.label):
        names = set(kept.get("aliases") or ()) | set(d.aliases)
        row["aliases"] = sorted(n for n in names if n != d.name) or None
    plan.nodes[d.label] = {d.id: row}
    edges = edges_of(store, d.label, d.other, onto)
    moved = _rekeyed(store, onto, d, edges)

    def end(label: str, id_: str) -> str:
        return d.id if (label == d.label and id_ == d.other) else moved.get((label, id_), id_)

    for rel, src, dst, edge in edges:
        ends = [end(src, edge["src"]), end(dst, edge["dst"])]
        if ends[0] == ends[1] and src == dst:
            continue  # a merge makes no self-loops
        changes = {"rule": MERGE_RULE, "reason": merge_reason(d)} if rel == "MENTIONED_IN" else {}
        _copy(plan, onto, rel, (src, ends[0]), (dst, ends[1]), edge, **changes)
    deletions = [(STATEMENTS[f"delete:{d.label}"], {"id": d.other})]
    for (label, fact), new in moved.items():
        _, fact_row = find(store, fact)
        target = plan.nodes.setdefault(label, {}).setdefault(new, {"id": new})
        target.update({k: v for k, v in fact_row.items() if v is not None and k != "id"})
        for rel, src, dst, edge in edges_of(store, label, fact, onto):
            if not (dst == d.label and edge["dst"] == d.other):  # those are copied above
                _copy(plan, onto, rel, (src, end(src, edge["src"])), (dst, end(dst, edge["dst"])), edge)
        deletions.append((STATEMENTS[f"delete:{label}"], {"id": fact}))
    return plan, deletions


def _rekeyed(store: GraphStore, onto: Ontology, d: Decision, edges: list) -> dict[tuple[str, str], str]:
    """The facts whose stable id the merged entity makes, and the id each gets with the kept one instead."""
    out = {}
    for rel, src, dst, edge in edges:
        if dst != d.label or edge["dst"] != d.other or rel not in STATEMENT_KEYS.get(src, ()):
            continue
        fact = edge["src"]
        _, row = find(store, fact)
        ends = {r: (d.id if (t == d.label and e["dst"] == d.other) else e["dst"])
                for r, s, t, e in edges_of(store, src, fact, onto) if s == src and e["src"] == fact}
        new = statement_id(src, ends, row)
        if new != fact:
            out[(src, fact)] = new
    return out


def reject_steps(store: GraphStore, d: Decision) -> Steps:
    """Delete the fact and its edges."""
    return Plan(), [(STATEMENTS[f"delete:{d.label}"], {"id": d.id})]


def rename_steps(store: GraphStore, d: Decision) -> Steps:
    """Set the entity's name."""
    plan = Plan()
    plan.nodes[d.label] = {d.id: {"id": d.id, "name": d.name}}
    return plan, []


def split_steps(store: GraphStore, d: Decision) -> Steps:
    """Move the person's mentions and facts of one document to a new person, with the ids a re-ingest gives."""
    onto, plan, new = load_ontology(), Plan(), ("Person", d.split_id)
    deletions = [(STATEMENTS["unlink:MENTIONED_IN:Person:Document"], {"src": d.id, "dst": d.document})]
    plan.nodes["Person"] = {d.split_id: {"id": d.split_id, "name": d.name}}
    mentions = [r for r in _read(store, "edges:MENTIONED_IN:Person:Document", id=d.id) if r["src"] == d.id]
    for m in mentions:
        if m["dst"] == d.document:
            _copy(plan, onto, "MENTIONED_IN", new, ("Document", d.document), m, rule=SPLIT_RULE, reason=split_reason(d))
    elsewhere = {m["name"] for m in mentions if m["dst"] != d.document}
    _, person = find(store, d.id)
    aliases = [a for a in person.get("aliases") or () if a in elsewhere]
    if aliases != list(person.get("aliases") or ()):
        deletions.append((STATEMENTS["aliases:Person"], {"id": d.id, "aliases": aliases}))
    in_doc = {r["src"] for label in fact_classes(onto)
              for r in _read(store, f"edges:SUPPORTED_BY:{label}:Document", id=d.document)}
    facts = sorted({(src, edge["src"]) for rel, src, _, edge in edges_of(store, "Person", d.id, onto)
                    if edge["src"] in in_doc and rel != "MENTIONED_IN"})
    for label, fact in facts:
        deletions += _move_fact(store, plan, onto, label, fact, d)
    return plan, deletions


def _move_fact(store: GraphStore, plan: Plan, onto: Ontology, label: str, fact: str, d: Decision) -> list:
    """Re-create fact ``fact`` of document ``d.document`` about the split-off person; drop what only it supported."""
    _, row = find(store, fact)
    edges = edges_of(store, label, fact, onto)
    docs = {e["dst"] for rel, _, _, e in edges if rel == "SUPPORTED_BY"}
    ends = {rel: (d.split_id if e["dst"] == d.id and dst == "Person" else e["dst"])
            for rel, src, dst, e in edges if src == label and rel != "SUPPORTED_BY"}
    new_id = statement_id(label, ends, row)
    plan.nodes.setdefault(label, {})[new_id] = {**row, "id": new_id}
    keys = set(STATEMENT_KEYS[label])
    for rel, src, dst, e in edges:
        if rel == "SUPPORTED_BY" and e["dst"] != d.document:
            continue  # other documents' evidence stays with the original
        if docs != {d.document} and rel not in keys | {"SUPPORTED_BY"} and dst != "Person" \
                and not _from_document(store, onto, dst, e["dst"], d.document):
            continue  # an optional link another document stated (a recipient's organisation)
        target = d.split_id if (dst == "Person" and e["dst"] == d.id) else e["dst"]
        _copy(plan, onto, rel, (src, new_id if e["src"] == fact else e["src"]), (dst, target), e)
    if docs == {d.document}:
        return [(STATEMENTS[f"delete:{label}"], {"id": fact})] if new_id != fact else [
            (STATEMENTS[f"unlink:{rel}:{label}:Person"], {"src": fact, "dst": d.id})
            for rel, src, dst, e in edges if dst == "Person" and e["dst"] == d.id]
    return [(STATEMENTS[f"unlink:SUPPORTED_BY:{label}:Document"], {"src": fact, "dst": d.document})] * (new_id != fact)


def _from_document(store: GraphStore, onto: Ontology, label: str, id_: str, document: str) -> bool:
    """True when node ``id_`` is mentioned in ``document``, or nowhere (derived, like a conferring body)."""
    if label not in onto.relations["MENTIONED_IN"].sources:
        return True
    docs = {r["dst"] for r in _read(store, f"edges:MENTIONED_IN:{label}:Document", id=id_) if r["src"] == id_}
    return not docs or document in docs


STEPS: dict[str, Callable[[GraphStore, Decision], Steps]] = {
    "merge": merge_steps, "split": split_steps, "reject": reject_steps, "rename": rename_steps}


def curate(store: GraphStore, decision: Decision) -> Decision:
    """Log ``decision`` (checked by a ``prepare_*``) and apply it to ``store`` in one transaction; the logged decision."""
    decision = decision.stamped()
    plan, deletions = STEPS[decision.kind](store, decision)
    log = log_for(store)
    size = log.append(decision)
    try:
        store.curate(plan, deletions, what=f"applying the curation decision {decision.describe()}")
    except BaseException:
        log.truncate(size)
        raise
    return decision
