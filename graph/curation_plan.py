"""Apply curation decisions to a document's plan before it is stored, so every ingest re-applies them.

A merge rewrites the merged entity's id to the kept one in node and edge rows; a reject drops
a fact and its edges; a rename sets a name; a split makes the names of one document that
resolved together a person of their own (a fixed id, rule ``curated-split``). With no decisions
:func:`curated_plan` is exactly ``build_plan(doc, resolve_people(doc, lookup))``.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from extract.facts import DocumentFacts
from extract.resolve import Lookup, PersonRef, StoredPerson, resolve_people, stable_id
from graph.curation import Decision
from graph.plan import Plan, build_plan
from ontology.schema import load_ontology

MERGE_RULE, SPLIT_RULE = "curated-merge", "curated-split"
# The parts graph/plan.py makes each fact's stable id of: a relation (its target's id) or a property.
STATEMENT_KEYS = {"Award": ("RECIPIENT", "FOR_HONOUR", "year"), "Position": ("HOLDER", "IN_ORGANISATION", "title"),
                  "Mentorship": ("MASTER", "APPRENTICE"), "Studio": ("name",), "Event": ("name", "date")}


def statement_id(label: str, ends: dict[str, str], row: dict[str, Any]) -> str:
    """The stable id of fact ``row`` of class ``label`` whose relations point to ``ends`` (relation → target id).

    >>> statement_id("Studio", {}, {"name": "李明劳模创新工作室"}) == stable_id("Studio", "李明劳模创新工作室")
    True
    """
    return stable_id(label, *(ends[part] if part in ends else row.get(part) for part in STATEMENT_KEYS[label]))


def merge_reason(d: Decision) -> str:
    """Why a mention of a merged entity now points to the kept one."""
    return f"merged into {d.name} ({d.id}) by curation" + (f": {d.note}" if d.note else "")


def split_reason(d: Decision) -> str:
    """Why a document's mentions became a person of their own."""
    return f"split from {d.id} by curation" + (f": {d.note}" if d.note else "")


def has_aliases(label: str) -> bool:
    """True when the class keeps a list of aliases."""
    return any(p.name == "aliases" for p in load_ontology().classes[label].properties)


def rewrite(plan: Plan, label: str, old: str, new: str, rule: tuple[str, str] | None = None) -> None:
    """Make node ``old`` of class ``label`` node ``new`` in every row; ``rule`` marks its rewritten mentions."""
    rows = plan.nodes.get(label, {})
    if old in rows:
        moved = rows.pop(old)
        target = rows.setdefault(new, {"id": new})
        for key, value in moved.items():
            if target.get(key) is None:
                target[key] = value
    for rel, by_key in plan.edges.items():
        rebuilt: dict[tuple, dict] = {}
        for (src, dst, key), row in by_key.items():
            if (label, old) in (src, dst):
                src, dst = ((label, new) if end == (label, old) else end for end in (src, dst))
                if src == dst:
                    continue  # a merge makes no self-loops
                row = {**row, "src": src[1], "dst": dst[1]}
                if rel == "MENTIONED_IN" and rule is not None:
                    row["rule"], row["reason"] = rule
            rebuilt.setdefault((src, dst, key), row)
        plan.edges[rel] = rebuilt


def keyed_on(plan: Plan, node: tuple[str, str]) -> set[tuple[str, str]]:
    """The facts of ``plan`` whose stable id is made of ``node`` (an award's recipient, a position's holder …)."""
    return {src for rel, by_key in plan.edges.items() for src, dst, _ in by_key
            if dst == node and rel in STATEMENT_KEYS.get(src[0], ())}


def rekey(plan: Plan, facts: Iterable[tuple[str, str]]) -> None:
    """Give each of ``facts`` the stable id its relations now make; a fact whose id another already has becomes it."""
    for label, id_ in sorted(facts):
        row = plan.nodes.get(label, {}).get(id_)
        if row is None:
            continue
        ends = {rel: dst[1] for rel, by_key in plan.edges.items() for src, dst, _ in by_key if src == (label, id_)}
        new = statement_id(label, ends, row)
        if new != id_:
            rewrite(plan, label, id_, new)


def _merge(plan: Plan, d: Decision) -> None:
    rows = plan.nodes.get(d.label, {})
    written = rows.get(d.other, {}).get("name")
    facts = keyed_on(plan, (d.label, d.other))
    rewrite(plan, d.label, d.other, d.id, (MERGE_RULE, merge_reason(d)))
    rekey(plan, facts)
    _mark_alias_mentions(plan, d)
    if d.id in rows:
        row = rows[d.id]
        if has_aliases(d.label):
            names = set(row.get("aliases") or ()) | set(d.aliases) | {row.get("name"), written}
            row["aliases"] = sorted(n for n in names if n and n != d.name) or None
        row["name"] = d.name


def _mark_alias_mentions(plan: Plan, d: Decision) -> None:
    """Mark as merged the mentions of the kept entity that resolved to it through a name the merge gave it
    (an alias): in the curated store they are the merged entity's mentions, re-pointed."""
    node, names = (d.label, d.id), set(d.aliases) - {d.name}
    for key, row in plan.edges.get("MENTIONED_IN", {}).items():
        if key[0] == node and row.get("name") in names and row.get("rule") == "alias":
            row["rule"], row["reason"] = MERGE_RULE, merge_reason(d)


def _reject(plan: Plan, d: Decision) -> None:
    plan.nodes.get(d.label, {}).pop(d.id, None)
    node = (d.label, d.id)
    for rel, by_key in plan.edges.items():
        plan.edges[rel] = {k: row for k, row in by_key.items() if node not in (k[0], k[1])}


def _rename(plan: Plan, d: Decision) -> None:
    row = plan.nodes.get(d.label, {}).get(d.id)
    if row is not None:
        row["name"] = d.name


APPLY: dict[str, Callable[[Plan, Decision], None]] = {
    "merge": _merge, "reject": _reject, "rename": _rename,
    "split": lambda plan, d: None,  # applied while names are resolved: split_people
}


def apply(plan: Plan, decisions: Iterable[Decision]) -> Plan:
    """``plan`` with every decision applied in the order made."""
    for d in decisions:
        APPLY[d.kind](plan, d)
    plan.nodes = {label: rows for label, rows in plan.nodes.items() if rows}  # stores skip no empty batch
    plan.edges = {rel: rows for rel, rows in plan.edges.items() if rows}
    return plan


def split_people(people: dict[str, PersonRef], checksum: str, decisions: Iterable[Decision]) -> dict[str, PersonRef]:
    """``people`` with the names that a split separates, in document ``checksum``, resolved to their own person."""
    out = dict(people)
    for d in decisions:
        if d.kind != "split" or d.document != checksum or d.name not in out:
            continue
        linked = out[d.name].id
        for name, ref in out.items():
            if ref.id == linked:
                out[name] = PersonRef(d.split_id, d.name, SPLIT_RULE, split_reason(d))
    return out


def without_split_off(lookup: Lookup, decisions: Iterable[Decision]) -> Lookup:
    """``lookup`` that leaves out a person split off from one it also returns: the original keeps its links."""
    origin = {d.split_id: d.id for d in decisions if d.kind == "split"}
    if not origin:
        return lookup

    def filtered(names: list[str], orgs: list[str]) -> list[StoredPerson]:
        found = lookup(names, orgs)
        ids = {p.id for p in found}
        return [p for p in found if origin.get(p.id) not in ids]

    return filtered


def curated_plan(doc: DocumentFacts, lookup: Lookup, decisions: list[Decision]) -> Plan:
    """The rows that store ``doc``, names resolved through ``lookup``, with the curation ``decisions`` applied."""
    return curated_builder(decisions)(doc, curated_resolver(decisions)(doc, lookup))


def curated_resolver(decisions: list[Decision]) -> Callable[[DocumentFacts, Lookup], dict[str, PersonRef]]:
    """``resolve_people`` with the splits of ``decisions`` applied (``resolve_people`` itself when none)."""
    if not any(d.kind == "split" for d in decisions):
        return resolve_people

    def resolve(doc: DocumentFacts, lookup: Lookup) -> dict[str, PersonRef]:
        return split_people(resolve_people(doc, without_split_off(lookup, decisions)), doc.checksum, decisions)

    return resolve


def curated_builder(decisions: list[Decision]) -> Callable[[DocumentFacts, dict[str, PersonRef]], Plan]:
    """``build_plan`` followed by the other ``decisions`` (``build_plan`` itself when none)."""
    if not decisions:
        return build_plan
    return lambda doc, people: apply(build_plan(doc, people), decisions)
