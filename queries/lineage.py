"""Honour lineages for articles: a person's honours, an honour's recipients, a studio's people,
a master's apprentices over generations — each row with its cited sources.

Builders read the store through named queries and return a :class:`Lineage`;
:func:`export_lineage` writes one as Markdown (numbered footnotes), CSV, JSON-LD or an SVG
figure. A name shared by several people (or studios) raises :class:`AmbiguousPerson`
(:class:`AmbiguousName`), listing them, instead of mixing two lives.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graph.store import GraphStore
from honours.errors import QueryError
from ontology.taxonomy import canonical_honour, honour_info
from queries.lineage_formats import lineage_csv_text, lineage_jsonld_text, lineage_markdown_text
from queries.lineage_model import KINDS, Column, Entry, Lineage, Source, pinyin
from queries.registry import run_query

__all__ = ["AmbiguousName", "AmbiguousPerson", "Candidate", "FORMATS", "KINDS", "build_lineage",
           "candidates", "export_lineage", "honour_lineage_markdown", "lineage_csv", "lineage_jsonld",
           "lineage_exports", "lineage_markdown", "pinyin", "resolve_person"]

QUOTES = "\"'“”‘’「」『』《》 \t"


@dataclass(frozen=True)
class Candidate:
    """One person a name may refer to."""

    id: str
    name: str
    organisations: tuple[str, ...]


class AmbiguousName(QueryError):
    """Several entities have the name asked for; the message lists them and asks for an id."""

    def __init__(self, what: str, name: str, lines: list[str], candidates: list[Any]) -> None:
        super().__init__(f"{len(lines)} {what} {name}; give one of these ids instead:\n" + "\n".join(lines))
        self.candidates = candidates


class AmbiguousPerson(AmbiguousName):
    """Several people have the name asked for."""

    def __init__(self, name: str, candidates: list[Candidate]) -> None:
        lines = [f"  {c.id}  {c.name}  ({'、'.join(c.organisations) or 'no organisation known'})"
                 for c in candidates]
        super().__init__("people are called", name, lines, candidates)


def _clean(name: str) -> str:
    """A name as typed, without surrounding spaces or quotation marks (“冯楚倩女职工创新工作室”)."""
    return name.strip(QUOTES) or name.strip()


def candidates(store: GraphStore, person: str) -> list[Candidate]:
    """The people whose id, name or alias is ``person``."""
    rows = run_query(store, "person_candidates", {"person": _clean(person)}).records()
    return [Candidate(r["id"], r["name"], tuple(dict.fromkeys(o for o in r["organisations"] if o)))
            for r in rows]


def resolve_person(store: GraphStore, person: str) -> Candidate:
    """The one person ``person`` (a name or an id) refers to."""
    found = candidates(store, person)
    if not found:
        raise QueryError(f"no person called {person} in the store {store.location}")
    exact = [c for c in found if c.id == _clean(person)]
    if exact:
        return exact[0]
    if len(found) > 1:
        raise AmbiguousPerson(person, found)
    return found[0]


def _entries(rows: list[dict[str, Any]], key: str, values: Callable[[dict[str, Any]], dict[str, Any]]) -> list[Entry]:
    """Rows grouped by ``row[key]`` in order, one entry each, citing every row's source."""
    entries: dict[Any, Entry] = {}
    for row in rows:
        entry = entries.setdefault(row[key], Entry(values(row)))
        entry.cite(Source.of(row))
    return list(entries.values())


# -- a person's honours ---------------------------------------------------------------------------
PERSON_COLUMNS = (Column("year", "年份", "Year"), Column("honour", "荣誉", "Honour", "honour_en"),
                  Column("level", "层级", "Level", level=True), Column("conferred_by", "授予", "Conferred by"),
                  Column("organisation", "单位", "Organisation"))


def person_lineage(store: GraphStore, person: str) -> Lineage:
    """A person's honours in time order, each with year, level, conferring body and sources."""
    who = resolve_person(store, person)
    rows = run_query(store, "honour_citations", {"person": who.id}).records()
    fields = ("year", "edition", "honour", "honour_en", "level", "conferred_by", "organisation", "award_id")
    entries = _entries(rows, "award_id", lambda r: {k: r.get(k) for k in fields})
    notes = [("单位 / Organisations", "、".join(who.organisations))] if who.organisations else []
    return Lineage("person", who.id, who.name, pinyin(who.name), ("荣誉", "Honours"), PERSON_COLUMNS, entries,
                   notes, "No honours of this person are stored.",
                   {"person": who.name, "pinyin": pinyin(who.name), "organisations": list(who.organisations)})


# -- an honour's recipients ----------------------------------------------------------------------
HONOUR_COLUMNS = (Column("year", "年份", "Year"), Column("edition", "届", "Edition"),
                  Column("recipient", "获得者", "Recipient", "recipient_pinyin"),
                  Column("organisation", "单位", "Organisation"), Column("conferred_by", "授予", "Conferred by"))


def _recipient(row: dict[str, Any]) -> dict[str, Any]:
    fields = ("year", "edition", "recipient", "recipient_id", "recipient_kind", "organisation", "conferred_by",
              "award_id")
    person = row.get("recipient_kind") == "person"
    return {k: row.get(k) for k in fields} | {"recipient_pinyin": pinyin(row["recipient"]) if person else None}


def honour_lineage(store: GraphStore, honour: str) -> Lineage:
    """The recipients of an honour by year and edition, with their organisations and sources."""
    name = _clean(honour)
    rows = run_query(store, "honour_lineage", {"honour": name}).records()
    if not rows and canonical_honour(name) not in (None, name):  # 全国劳模 → 全国劳动模范
        rows = run_query(store, "honour_lineage", {"honour": canonical_honour(name)}).records()
    if not rows:
        raise QueryError(f"no honour called {honour} in the store {store.location}")
    info = honour_info(rows[0]["honour"])
    english = rows[0].get("honour_en") or (info.en if info else None)
    entries = _entries([r for r in rows if r.get("award_id")], "award_id", _recipient)
    return Lineage("honour", rows[0]["honour_id"], rows[0]["honour"], english, ("获得者", "Recipients"),
                   HONOUR_COLUMNS, entries, [], f"No recipient of {rows[0]['honour']} is stored.",
                   {"honour": rows[0]["honour"], "honour_en": english, "level": rows[0].get("level")})


# -- a studio's people ---------------------------------------------------------------------------
STUDIO_COLUMNS = (Column("role", "角色", "Role", "role_en"), Column("name", "名称", "Name", "name_en"),
                  Column("level", "层级", "Level", level=True))
NO_MEMBERS = "未记录 / no members recorded"


def _studio_rows(store: GraphStore, studio: str) -> list[dict[str, Any]]:
    """The studio_lineage rows of the one studio ``studio`` (an id, a full or a partial name) names."""
    name = _clean(studio)
    rows = run_query(store, "studio_lineage", {"studio": name}).records()
    ids = list(dict.fromkeys(r["id"] for r in rows))
    if len(ids) == 1:
        return rows
    found = rows or run_query(store, "studios", {"studio": name}).records()
    options = {r["id"]: r for r in found}
    if not options:
        raise QueryError(f"no studio called {studio} in the store {store.location}")
    if len(options) > 1:
        lines = [f"  {i}  {r['studio']}  (领衔人 {r.get('leader') or '—'}, 依托 {r.get('host') or '—'})"
                 for i, r in options.items()]
        raise AmbiguousName("studios match", studio, lines, list(options))
    return run_query(store, "studio_lineage", {"studio": next(iter(options))}).records()


def studio_lineage(store: GraphStore, studio: str) -> Lineage:
    """A studio's leader and host organisation (members when recorded), with the studio's sources."""
    rows = _studio_rows(store, studio)
    sources = list(dict.fromkeys(s for s in map(Source.of, rows) if s))
    roles = [("leader", "领衔人", "Leader"), ("host", "依托单位", "Host")]
    entries = []
    for role, zh, en in roles:
        for row in {r[f"{role}_id"]: r for r in rows if r.get(f"{role}_id")}.values():
            entries.append(Entry({"role": zh, "role_en": en, "relation": role, "name": row[role],
                                  "name_en": pinyin(row[role]) if role == "leader" else None,
                                  "level": row.get("host_level") if role == "host" else None,
                                  "id": row[f"{role}_id"]}, list(sources)))
    notes = [("成员 / Members", NO_MEMBERS)]
    return Lineage("studio", rows[0]["id"], rows[0]["studio"], None, ("工作室", "Studio"), STUDIO_COLUMNS,
                   entries, notes, "Neither a leader nor a host of this studio is stored.",
                   {"studio": rows[0]["studio"], "members": []})


# -- a master's apprentices ----------------------------------------------------------------------
MENTOR_COLUMNS = (Column("generation", "代", "Generation"), Column("master", "师傅", "Master", "master_pinyin"),
                  Column("apprentice", "徒弟", "Apprentice", "apprentice_pinyin"))


def mentor_lineage(store: GraphStore, person: str) -> Lineage:
    """Master → apprentice links around a person: up to two generations above, three below."""
    who = resolve_person(store, person)
    links = sorted(run_query(store, "mentorship_lineage", {"person": who.id}).records(),
                   key=lambda r: (r["generation"], r["master"], r["apprentice"]))
    entries = []
    for link in links:
        values = {k: link[k] for k in ("generation", "master", "master_id", "apprentice", "apprentice_id")}
        entry = Entry(values | {"master_pinyin": pinyin(link["master"]),
                                "apprentice_pinyin": pinyin(link["apprentice"])})
        cited = run_query(store, "mentorship_citations",
                          {"master": link["master_id"], "apprentice": link["apprentice_id"]}).records()
        for row in cited:
            entry.cite(Source.of(row))
        entries.append(entry)
    return Lineage("mentor", who.id, who.name, pinyin(who.name), ("师徒传承", "Mentorship lineage"),
                   MENTOR_COLUMNS, entries, [], f"No master or apprentice of {who.name} is recorded.",
                   {"person": who.name, "pinyin": pinyin(who.name)})


# -- one entry point ------------------------------------------------------------------------------
BUILDERS: dict[str, Callable[[GraphStore, str], Lineage]] = {
    "person": person_lineage, "honour": honour_lineage, "studio": studio_lineage, "mentor": mentor_lineage}


def _svg(lineage: Lineage) -> str:
    from viz.lineage_svg import lineage_svg

    return lineage_svg(lineage)


FORMATS: dict[str, Callable[[Lineage], str]] = {
    "md": lineage_markdown_text, "csv": lineage_csv_text, "jsonld": lineage_jsonld_text, "svg": _svg}


def build_lineage(store: GraphStore, kind: str, name: str) -> Lineage:
    """The lineage of ``kind`` (person, honour, studio, mentor) for ``name`` (a name or an id)."""
    if kind not in BUILDERS:
        raise QueryError(f"unknown lineage kind {kind!r}; expected one of {', '.join(KINDS)}")
    if not name.strip():
        raise QueryError(f"give the name or id of a {kind}")
    return BUILDERS[kind](store, name)


def export_lineage(store: GraphStore, kind: str, name: str, fmt: str = "md") -> str:
    """The lineage of ``kind`` for ``name`` written as ``fmt`` (md, csv, jsonld or svg)."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown lineage format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return FORMATS[fmt](build_lineage(store, kind, name))


def lineage_markdown(store: GraphStore, person: str) -> str:
    """Markdown: a table of the person's honours in time order, sources as numbered footnotes."""
    return export_lineage(store, "person", person, "md")


def lineage_csv(store: GraphStore, person: str) -> str:
    """CSV: one row per award of the person, in time order, with its sources."""
    return export_lineage(store, "person", person, "csv")


def lineage_jsonld(store: GraphStore, person: str) -> str:
    """JSON-LD: the person as a schema.org Person whose awards cite their sources."""
    return export_lineage(store, "person", person, "jsonld")


def honour_lineage_markdown(store: GraphStore, honour: str) -> str:
    """Markdown: the recipients of an honour by year, with their organisations and sources."""
    return export_lineage(store, "honour", honour, "md")


def lineage_exports(store: GraphStore, kind: str, name: str) -> dict[str, str]:
    """The lineage of ``kind`` for ``name`` in every format, built once: {format: text}."""
    lineage = build_lineage(store, kind, name)
    return {fmt: write(lineage) for fmt, write in FORMATS.items()}
