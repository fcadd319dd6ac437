"""A person's honour lineage as Markdown for an article: honours in time order, with footnotes.

Each honour gets its year, level, conferring body and organisation; each source (document,
article title and date, quote) becomes a numbered footnote. A name shared by several people
raises :class:`AmbiguousPerson`, listing them, instead of mixing two lives.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypinyin import lazy_pinyin

from graph.store import GraphStore
from honours.errors import QueryError
from ontology.owl import HG, ID, SCHEMA
from ontology.schema import load_ontology
from ontology.taxonomy import honour_info
from queries.registry import run_query


@dataclass(frozen=True)
class Candidate:
    """One person a name may refer to."""

    id: str
    name: str
    organisations: tuple[str, ...]


class AmbiguousPerson(QueryError):
    """Several people have the name asked for; the message lists them and asks for an id."""

    def __init__(self, name: str, candidates: list[Candidate]) -> None:
        lines = [f"  {c.id}  {c.name}  ({'、'.join(c.organisations) or 'no organisation known'})"
                 for c in candidates]
        super().__init__(f"{len(candidates)} people are called {name}; give one of these ids "
                         "instead:\n" + "\n".join(lines))
        self.candidates = candidates


def candidates(store: GraphStore, person: str) -> list[Candidate]:
    """The people whose id, name or alias is ``person``."""
    rows = run_query(store, "person_candidates", {"person": person}).records()
    return [Candidate(r["id"], r["name"], tuple(dict.fromkeys(o for o in r["organisations"] if o)))
            for r in rows]


def resolve_person(store: GraphStore, person: str) -> Candidate:
    """The one person ``person`` (a name or an id) refers to."""
    found = candidates(store, person)
    if not found:
        raise QueryError(f"no person called {person} in the store {store.location}")
    exact = [c for c in found if c.id == person]
    if exact:
        return exact[0]
    if len(found) > 1:
        raise AmbiguousPerson(person, found)
    return found[0]


def pinyin(name: str) -> str:
    """A Chinese name in pinyin, surname first: 侯嘉杰 → Hou Jiajie."""
    syllables = lazy_pinyin(name)
    if not syllables:
        return name
    return " ".join([syllables[0].capitalize(), "".join(syllables[1:]).capitalize()]).strip()


def _level_label(level: str | None) -> str:
    labels = load_ontology().classes["Organisation"].extra.get("levels", {})
    label = labels.get(level or "", {}).get("label", {})
    return f"{label['zh']} / {label['en']}" if label else (level or "")


def _source(row: dict[str, Any]) -> str:
    title = f"《{row['article_title']}》" if row.get("article_title") else "untitled article"
    date = f" ({row['article_date']})" if row.get("article_date") else ""
    doc = Path(row["document"]).name if row.get("document") else "unknown document"
    return f"{doc}, {title}{date}: “{' '.join((row.get('quote') or '').split())}”"


def person_awards(store: GraphStore, person: str) -> tuple[Candidate, list[dict[str, Any]], dict[str, int]]:
    """A person's awards in time order, each with its footnote numbers, and the footnotes."""
    who = resolve_person(store, person)
    rows = run_query(store, "honour_citations", {"person": who.id}).records()
    awards: dict[str, dict[str, Any]] = {}
    notes: dict[str, int] = {}
    for row in rows:
        award = awards.setdefault(row["award_id"], row | {"notes": []})
        if row.get("document"):
            number = notes.setdefault(_source(row), len(notes) + 1)
            if number not in award["notes"]:
                award["notes"].append(number)
    return who, list(awards.values()), notes


def lineage_markdown(store: GraphStore, person: str) -> str:
    """Markdown: a table of the person's honours in time order, sources as numbered footnotes."""
    who, awards, notes = person_awards(store, person)
    out = [f"# {who.name} ({pinyin(who.name)}): 荣誉 / Honours", ""]
    if who.organisations:
        out += [f"单位 / Organisations: {'、'.join(who.organisations)}", ""]
    if not awards:
        return "\n".join(out + ["No honours of this person are stored.", ""])
    out += ["| 年份 Year | 荣誉 Honour | 层级 Level | 授予 Conferred by | 单位 Organisation | 出处 Sources |",
            "|---|---|---|---|---|---|"]
    for a in awards:
        honour = a["honour"] + (f" ({a['honour_en']})" if a.get("honour_en") else "")
        cells = [a["year"] or "—", honour, _level_label(a.get("level")), a.get("conferred_by") or "—",
                 a.get("organisation") or "—", "".join(f"[^{n}]" for n in a["notes"])]
        out.append("| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |")
    out.append("")
    out += [f"[^{n}]: {text}" for text, n in notes.items()]
    return "\n".join(out) + "\n"


def lineage_csv(store: GraphStore, person: str) -> str:
    """CSV: one row per award of the person, in time order, with its sources."""
    who, awards, notes = person_awards(store, person)
    by_number = {n: text for text, n in notes.items()}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["person", "pinyin", "year", "honour", "honour_en", "level", "conferred_by", "organisation", "sources"])
    for a in awards:
        writer.writerow([who.name, pinyin(who.name), a.get("year") or "", a["honour"], a.get("honour_en") or "",
                         a.get("level") or "", a.get("conferred_by") or "", a.get("organisation") or "",
                         " | ".join(by_number[n] for n in a["notes"])])
    return buffer.getvalue()


def lineage_jsonld(store: GraphStore, person: str) -> str:
    """JSON-LD: the person as a schema.org Person whose awards cite their sources."""
    who, awards, notes = person_awards(store, person)
    by_number = {n: text for text, n in notes.items()}
    doc = {
        "@context": {"@vocab": str(SCHEMA), "hg": str(HG), "id": str(ID)},
        "@type": "Person", "@id": f"id:{who.id}", "name": who.name, "alternateName": pinyin(who.name),
        "affiliation": [{"@type": "Organization", "name": o} for o in who.organisations],
        "award": [{"@type": "hg:Award", "name": a["honour"], "alternateName": a.get("honour_en"),
                   "hg:year": a.get("year"), "hg:level": a.get("level"), "hg:conferredBy": a.get("conferred_by"),
                   "citation": [by_number[n] for n in a["notes"]]} for a in awards],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def honour_lineage_markdown(store: GraphStore, honour: str) -> str:
    """Markdown: the recipients of an honour by year, with their organisations and sources."""
    rows = run_query(store, "honour_recipients", {"honour": honour}).records()
    info = honour_info(honour)
    title = honour + (f" ({info.en})" if info and info.en else "")
    out = [f"# {title}: 获得者 / Recipients", ""]
    if not rows:
        return "\n".join(out + [f"No recipient of {honour} is stored.", ""])
    out += ["| 年份 Year | 届 Edition | 获得者 Recipient | 单位 Organisation | 出处 Sources |", "|---|---|---|---|---|"]
    notes: dict[str, int] = {}
    for row in rows:
        cited = [notes.setdefault(f"{Path(doc).name}: “{' '.join(quote.split())}”", len(notes) + 1)
                 for doc, quote in zip(row.get("documents") or [], row.get("quotes") or [])]
        who = row["recipient"] + (f" ({pinyin(row['recipient'])})" if row.get("recipient_kind") == "person" else "")
        cells = [row.get("year") or "—", row.get("edition") or "—", who, row.get("organisation") or "—",
                 "".join(f"[^{n}]" for n in dict.fromkeys(cited))]
        out.append("| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |")
    out.append("")
    out += [f"[^{n}]: {text}" for text, n in notes.items()]
    return "\n".join(out) + "\n"
