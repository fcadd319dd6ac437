"""A :class:`~queries.lineage_model.Lineage` written as Markdown, CSV or JSON-LD.

Markdown is a table ready for an article, its sources as numbered footnotes; CSV has one row per
entry with its sources; JSON-LD uses schema.org (Person, Organization, award, citation as a
Quotation in an Article) and the ontology's own terms (``hg:Award``, ``hg:FOR_HONOUR``,
``hg:LED_BY`` …) with node ids as in the graph's RDF export (``hgid:Person/<id>``).
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from ontology.owl import HG, ID, SCHEMA
from queries.lineage_model import Entry, Lineage, Source, cell

CONTEXT = {"@vocab": str(SCHEMA), "hg": str(HG), "hgid": str(ID)}


# -- Markdown --------------------------------------------------------------------------------------
def _row(cells: list[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |"


def lineage_markdown_text(lineage: Lineage) -> str:
    """Markdown: the title, notes, a table whose last column cites numbered footnotes, the footnotes."""
    out = [f"# {lineage.title()}", ""]
    for label, text in lineage.notes:
        out += [f"{label}: {text}", ""]
    if not lineage.entries:
        return "\n".join(out + [lineage.empty, ""])
    numbers = lineage.footnotes()
    out.append(_row([f"{c.zh} {c.en}" for c in lineage.columns] + ["出处 Sources"]))
    out.append("|" + "---|" * (len(lineage.columns) + 1))
    for entry in lineage.entries:
        notes = "".join(f"[^{numbers[s]}]" for s in entry.sources)
        out.append(_row([cell(entry, c) for c in lineage.columns] + [notes or "—"]))
    out.append("")
    out += [f"[^{n}]: {source.text()}" for source, n in numbers.items()]
    return "\n".join(out) + "\n"


# -- CSV ---------------------------------------------------------------------------------------------
def lineage_csv_text(lineage: Lineage) -> str:
    """CSV: one row per entry: the subject's fields, the entry's values, its sources."""
    subject = {k: v for k, v in lineage.subject.items() if not isinstance(v, (list, dict))}
    keys = list(dict.fromkeys(k for e in lineage.entries for k in e.values)) or [c.key for c in lineage.columns]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([*subject, *keys, "sources"])
    for entry in lineage.entries:
        values = ["" if entry.values.get(k) is None else entry.values[k] for k in keys]
        writer.writerow([*subject.values(), *values, " | ".join(s.text() for s in entry.sources)])
    return buffer.getvalue()


# -- JSON-LD -----------------------------------------------------------------------------------------
def _prune(value: Any) -> Any:
    """``value`` without None, empty strings or empty containers inside it (kept at the top)."""
    if isinstance(value, dict):
        pruned = {k: _prune(v) for k, v in value.items()}
        return {k: v for k, v in pruned.items() if v not in (None, "", [], {}) or k in ("member",)}
    if isinstance(value, list):
        return [_prune(v) for v in value if v not in (None, "")]
    return value


def _ref(label: str, id_: str | None) -> str | None:
    return f"hgid:{label}/{id_}" if id_ else None


def _citation(source: Source) -> dict[str, Any]:
    """A source as a schema.org Quotation inside its Article inside the document."""
    return {"@type": "Quotation", "text": source.quote,
            "isPartOf": {"@type": "Article", "headline": source.title, "datePublished": source.date,
                         "isPartOf": {"@type": "CreativeWork", "name": source.file, "url": source.document}}}


def _person(name: str, id_: str | None, pinyin_name: str | None) -> dict[str, Any]:
    return {"@id": _ref("Person", id_), "@type": "Person", "name": name, "alternateName": pinyin_name}


def _organisation(name: str | None, id_: str | None = None, level: str | None = None) -> dict[str, Any] | None:
    if not name:
        return None
    return {"@id": _ref("Organisation", id_), "@type": "Organization", "name": name, "hg:level": level}


def _award(values: dict[str, Any], honour: dict[str, Any], sources: list[Source]) -> dict[str, Any]:
    """An ``hg:Award`` statement: year, edition, honour, conferring body, organisation, citations."""
    return {"@id": _ref("Award", values.get("award_id")), "@type": "hg:Award",
            "name": honour.get("name"), "alternateName": honour.get("alternateName"),
            "hg:year": values.get("year"), "hg:edition": values.get("edition"), "hg:FOR_HONOUR": honour,
            "hg:CONFERRED_BY": _organisation(values.get("conferred_by")),
            "hg:RECIPIENT_ORG": _organisation(values.get("organisation")),
            "citation": [_citation(s) for s in sources]}


def _person_doc(lineage: Lineage) -> dict[str, Any]:
    def honour(e: Entry) -> dict[str, Any]:
        return {"@type": "hg:Honour", "name": e.values["honour"], "alternateName": e.values.get("honour_en"),
                "hg:level": e.values.get("level")}

    return _person(lineage.name, lineage.id, lineage.name_en) | {
        "affiliation": [_organisation(o) for o in lineage.subject.get("organisations", [])],
        "award": [_award(e.values, honour(e), e.sources) for e in lineage.entries]}


def _honour_doc(lineage: Lineage) -> dict[str, Any]:
    honour = {"@id": _ref("Honour", lineage.id), "@type": "hg:Honour", "name": lineage.name,
              "alternateName": lineage.name_en, "hg:level": lineage.subject.get("level")}

    def recipient(v: dict[str, Any]) -> dict[str, Any]:
        if v.get("recipient_kind") == "person":
            return _person(v["recipient"], v.get("recipient_id"), v.get("recipient_pinyin")) | {"award": lineage.name}
        return _organisation(v["recipient"], v.get("recipient_id")) | {"award": lineage.name}

    awards = [_award(e.values, {}, e.sources) | {"hg:RECIPIENT": recipient(e.values)}
              for e in lineage.entries]
    return honour | {"@reverse": {"hg:FOR_HONOUR": awards}}


def _studio_doc(lineage: Lineage) -> dict[str, Any]:
    relation = {"leader": "hg:LED_BY", "host": "hg:HOSTED_BY"}
    doc: dict[str, Any] = {"@id": _ref("Studio", lineage.id), "@type": ["hg:Studio", "Organization"],
                           "name": lineage.name, "member": []}
    for e in lineage.entries:
        v = e.values
        node = (_person(v["name"], v.get("id"), v.get("name_en")) if v["relation"] == "leader"
                else _organisation(v["name"], v.get("id"), v.get("level")))
        doc.setdefault(relation[v["relation"]], []).append(node)
    sources = list(dict.fromkeys(s for e in lineage.entries for s in e.sources))
    return doc | {"citation": [_citation(s) for s in sources]}


def _mentor_doc(lineage: Lineage) -> dict[str, Any]:
    links = [{"@type": "hg:Mentorship", "hg:generation": e.values["generation"],
              "hg:MASTER": _person(e.values["master"], e.values.get("master_id"), e.values.get("master_pinyin")),
              "hg:APPRENTICE": _person(e.values["apprentice"], e.values.get("apprentice_id"),
                                       e.values.get("apprentice_pinyin")),
              "citation": [_citation(s) for s in e.sources]} for e in lineage.entries]
    return {"@graph": [_person(lineage.name, lineage.id, lineage.name_en), *links]}


JSONLD: dict[str, Callable[[Lineage], dict[str, Any]]] = {
    "person": _person_doc, "honour": _honour_doc, "studio": _studio_doc, "mentor": _mentor_doc}


def lineage_jsonld_text(lineage: Lineage) -> str:
    """JSON-LD: schema.org with the ontology's terms, each statement citing its sources."""
    doc = {"@context": CONTEXT} | _prune(JSONLD[lineage.kind](lineage))
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
