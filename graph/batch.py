"""Several documents as one store-neutral plan, for one write transaction per batch.

Documents already stored (by checksum) or repeated within the batch are left out. Each
document's persons are resolved, in order, against the store *and* the documents before
it in the batch, so a batch yields the same graph as storing its documents one by one:
a person in the second document links to one first written by the first.

>>> from graph.samples import award_news, follow_up
>>> plan, stored = plan_batch([award_news(), follow_up()], lambda names, orgs: [], lambda c: False)
>>> stored, len(plan.nodes["Document"])
([True, True], 2)
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Protocol, TypeVar

from extract.facts import DocumentFacts
from extract.resolve import Lookup, PersonRef, StoredPerson, document_contexts, resolve_people
from graph.curation import decisions_for
from graph.curation_plan import curated_builder, curated_resolver
from graph.identity import name_masks
from graph.plan import Plan, build_plan
from ontology.schema import Ontology, load_ontology

Resolver = Callable[[DocumentFacts, Lookup], dict[str, PersonRef]]
PlanFn = Callable[[DocumentFacts, dict[str, PersonRef]], Plan]
T = TypeVar("T")
# ``honours ingest`` stores documents in batches of at most this many, or fewer when the
# extraction is slow: a batch is closed once its first document has waited INGEST_SECONDS.
INGEST_BATCH = 32
INGEST_SECONDS = 2.0


class PendingPeople:
    """Persons that earlier documents of a batch write, with the context the store will hold."""

    def __init__(self) -> None:
        self.people: dict[str, StoredPerson] = {}

    def add(self, doc: DocumentFacts, refs: dict[str, PersonRef]) -> None:
        """Record what ``doc`` says about each person its names resolved to."""
        contexts = document_contexts(doc)
        for name, ref in refs.items():
            person = self.people.setdefault(ref.id, StoredPerson(ref.name, id=ref.id))
            person.name = ref.name
            person.aliases |= set(ref.aliases)
            if (ctx := contexts.get(name)) is not None:
                person.organisations |= ctx.organisations
                person.positions |= ctx.positions
                person.honours |= ctx.honours

    def lookup(self, stored: Lookup) -> Lookup:
        """``stored`` (the store's lookup) with this batch's persons merged in.

        Like the store's lookup, persons found only by organisation are those whose name
        could be an OCR variant of a wanted name: the only ones resolution could link.
        """
        def find(names: list[str], orgs: list[str]) -> list[StoredPerson]:
            found = {p.id: p for p in stored(names, orgs)}
            wanted, at = set(names), set(orgs)
            masks = {mask for name in names for mask in name_masks(name)}
            for pid, mine in self.people.items():
                if pid in found:
                    found[pid] = _union(found[pid], mine)
                elif (mine.name in wanted or mine.aliases & wanted
                      or (mine.organisations & at and name_masks(mine.name) & masks)):
                    found[pid] = mine  # resolution only reads candidates
            return [found[i] for i in sorted(found)]
        return find


def _union(stored: StoredPerson, pending: StoredPerson) -> StoredPerson:
    return StoredPerson(pending.name, stored.aliases | pending.aliases,
                        stored.organisations | pending.organisations, stored.positions | pending.positions,
                        stored.honours | pending.honours, id=stored.id)


def merge_plan(into: Plan, other: Plan, onto: Ontology) -> None:
    """Add ``other``'s rows to ``into`` as the store would after writing both in order.

    A later non-null value replaces an earlier one, except for properties merged by ``max``.
    """
    for label, rows in other.nodes.items():
        props = {p.name: p.merge for p in onto.classes[label].properties}
        target = into.nodes.setdefault(label, {})
        for id_, row in rows.items():
            target[id_] = _merge_row(target[id_], row, props) if id_ in target else dict(row)
    for rel, rows in other.edges.items():
        props = {p.name: p.merge for p in onto.relations[rel].properties}
        target = into.edges.setdefault(rel, {})
        for key, row in rows.items():
            target[key] = _merge_row(target[key], row, props) if key in target else dict(row)


def _merge_row(old: dict, new: dict, props: dict[str, str]) -> dict:
    out = dict(old)
    for name, value in new.items():
        if name not in props or value is None or value == []:
            continue
        if props[name] == "max" and out.get(name) is not None and not value > out[name]:
            continue
        out[name] = value
    return out


def prefetch(docs: Sequence[DocumentFacts], stored: Lookup) -> Lookup:
    """One store lookup for the names and organisations of every document of a batch.

    Nothing is written before the batch commits, so the store's answer holds for every
    document; each gets the whole answer, a superset that resolution narrows by name,
    alias and OCR-variant key exactly as it would narrow its own lookup's answer.
    """
    names: set[str] = set()
    orgs: set[str] = set()
    for doc in docs:
        for context in document_contexts(doc).values():
            names |= {context.name} | context.aliases
            orgs |= context.organisations
    found = stored(sorted(names), sorted(orgs)) if names else []
    return lambda _names, _orgs: found


def plan_batch(docs: Sequence[DocumentFacts], stored: Lookup, has_document: Callable[[str], bool], *,
               onto: Ontology | None = None, resolve: Resolver = resolve_people,
               plan: PlanFn = build_plan) -> tuple[Plan, list[bool]]:
    """One plan storing every new document of ``docs``, and for each document whether it is new."""
    onto = onto or load_ontology()
    seen: set[str] = set()
    new = []
    for doc in docs:
        new.append(doc.checksum not in seen and not has_document(doc.checksum))
        seen.add(doc.checksum)
    todo = [doc for doc, is_new in zip(docs, new) if is_new]
    merged, pending, cached = Plan(), PendingPeople(), prefetch(todo, stored)
    for doc in todo:
        refs = resolve(doc, pending.lookup(cached))
        pending.add(doc, refs)
        merge_plan(merged, plan(doc, refs), onto)
    return merged, new


class BatchTarget(Protocol):
    """What planning a batch needs of a store: where it is, its ontology, which documents it holds."""

    location: str
    onto: Ontology

    def stored_documents(self, checksums: Iterable[str]) -> set[str]:
        """Which of ``checksums`` are stored."""


def plan_upsert(store: BatchTarget, docs: Sequence[DocumentFacts], stored: Lookup) -> tuple[Plan, list[bool]]:
    """What ``store`` writes to store ``docs``: one plan of the new documents, persons resolved through
    ``stored`` (the store's lookup) and the store's curation decisions re-applied; for each document
    whether it is new. Every store's ``upsert_many`` plans with this and only writes the plan."""
    known = store.stored_documents(d.checksum for d in docs) if docs else set()
    decisions = decisions_for(store)  # curation, re-applied to every document stored
    return plan_batch(docs, stored, known.__contains__, onto=store.onto,
                      resolve=curated_resolver(decisions), plan=curated_builder(decisions))


def describe_batch(docs: Sequence[DocumentFacts]) -> str:
    """What writing ``docs`` is, for error messages: ``storing a.txt`` or ``storing 3 documents from a.txt``."""
    return f"storing {docs[0].doc}" if len(docs) == 1 else f"storing {len(docs)} documents from {docs[0].doc}"


def timed_batches(items: Iterable[T], *, size: int, seconds: float) -> Iterator[list[T]]:
    """``items`` in lists of at most ``size``; a list is closed early when, as an item arrives,
    its first item has waited ``seconds`` (so slow sources still store often)."""
    group: list[T] = []
    started = 0.0
    for item in items:
        if not group:
            started = time.monotonic()
        group.append(item)
        if len(group) >= size or time.monotonic() - started >= seconds:
            yield group
            group = []
    if group:
        yield group


def new_documents(plan: Plan) -> set[str]:
    """Ids of the documents a batch's plan stores: all new, since stored ones are left out."""
    return set(plan.nodes.get("Document", {}))


def edge_groups(edges: dict[str, list[dict]], fresh: set[str]) -> Iterator[tuple[str, list[dict]]]:
    """Edge rows by upsert statement key ``REL:Source:Target``; edges touching a node of ``fresh``
    (a new document) cannot exist yet and go to ``REL:Source:Target:new``, which creates them."""
    for rel, rows in edges.items():
        groups: dict[str, list[dict]] = {}
        for row in rows:
            key = f"{rel}:{row['src_label']}:{row['dst_label']}"
            if row["src"] in fresh or row["dst"] in fresh:
                key += ":new"
            groups.setdefault(key, []).append(row)
        yield from groups.items()
