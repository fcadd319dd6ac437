"""An entity's neighbourhood as a pyvis network: self-contained HTML that works offline.

The vis-network JavaScript is inlined and the Bootstrap links of pyvis's page template are
removed, so the page loads nothing from another host. Colours and the legend come from the
ontology.
"""
from __future__ import annotations

import html
import re
from collections.abc import Collection
from dataclasses import dataclass, field

from pyvis.network import Network

from graph.store import GraphStore
from ontology.schema import load_ontology
from viz.search import HIDDEN

# Bootstrap (and any other remote stylesheet or script) in pyvis's template.
_REMOTE = re.compile(r"<(link|script)\b[^>]*?(?:href|src)\s*=\s*\"https?://(?!localhost|127\.0\.0\.1)"
                     r"[^\"]*\"[^>]*>(?:\s*</script>)?", re.S | re.I)


@dataclass
class Neighbourhood:
    """Nodes (id → (class, name or None)) and directed edges (src, relation, dst) around an entity."""

    nodes: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    edges: set[tuple[str, str, str]] = field(default_factory=set)


def relation_names() -> list[str]:
    """Relations that link facts and entities (not their sources)."""
    onto = load_ontology()
    return [r.name for r in onto.relations.values() if not set(r.targets) & set(HIDDEN)]


_STEP = ("MATCH {pattern} WHERE n.id IN $ids AND NOT label(m) IN $hidden AND label(r) IN $rels "
         "RETURN n.id AS n, label(n) AS nk, coalesce(n.name, n.title) AS nn, label(r) AS rel, "
         "m.id AS m, label(m) AS mk, coalesce(m.name, m.title) AS mn, "
         "coalesce(CAST(m.year AS STRING), m.as_of, m.date) AS mwhen")
_YEAR = re.compile(r"(\d{4})")


def year_of(when: str | None) -> int | None:
    """The year of a statement's year, as-of or date text (``2024-11-18`` → 2024), or None."""
    found = _YEAR.match(when or "")
    return int(found.group(1)) if found else None


def _in_range(when: str | None, years: tuple[int, int] | None) -> bool:
    year = year_of(when)
    return years is None or year is None or years[0] <= year <= years[1]


def year_span(store: GraphStore) -> tuple[int, int] | None:
    """The first and last year any statement or event of ``store`` is dated, or None."""
    rows = store.query("MATCH (m) RETURN DISTINCT coalesce(CAST(m.year AS STRING), m.as_of, m.date) AS mwhen",
                       limit=100_000).rows
    years = [y for (when,) in rows if (y := year_of(when)) is not None]
    return (min(years), max(years)) if years else None


def neighbourhood(store: GraphStore, entity_id: str, *, depth: int = 2, relations: list[str] | None = None,
                  years: tuple[int, int] | None = None) -> Neighbourhood:
    """Nodes within ``depth`` steps of ``entity_id`` over ``relations`` (default: all but sources);
    with ``years``, awards, positions and events dated outside that range are left out."""
    rels = relations if relations is not None else relation_names()
    hood = Neighbourhood()
    visited = frontier = {entity_id}
    for _ in range(depth):
        found: set[str] = set()
        for pattern, outgoing in (("(n)-[r]->(m)", True), ("(n)<-[r]-(m)", False)):
            rows = store.query(_STEP.format(pattern=pattern), {"ids": sorted(frontier), "hidden": list(HIDDEN),
                                                               "rels": rels}, limit=5000).records()
            for row in rows:
                if not _in_range(row["mwhen"], years):
                    continue
                hood.nodes.setdefault(row["n"], (row["nk"], row["nn"]))
                hood.nodes.setdefault(row["m"], (row["mk"], row["mn"]))
                hood.edges.add((row["n"], row["rel"], row["m"]) if outgoing else (row["m"], row["rel"], row["n"]))
                found.add(row["m"])
        frontier = found - visited
        visited = visited | found
        if not frontier:
            break
    if not hood.nodes:
        alone = "MATCH (n) WHERE n.id = $id RETURN label(n) AS k, coalesce(n.name, n.title) AS name"
        for row in store.query(alone, {"id": entity_id}, limit=1).records():
            hood.nodes[entity_id] = (row["k"], row["name"])
    return hood


def expanded_neighbourhood(store: GraphStore, focus: str, expanded: Collection[str] = (), *, depth: int = 2,
                           relations: list[str] | None = None,
                           years: tuple[int, int] | None = None) -> Neighbourhood:
    """The neighbourhood of ``focus`` at ``depth`` joined with the one-step neighbourhood of each
    ``expanded`` node (the nodes a user opened up), under the same relation and year filters."""
    hood = neighbourhood(store, focus, depth=depth, relations=relations, years=years)
    for node in expanded:
        more = neighbourhood(store, node, depth=1, relations=relations, years=years)
        for node_id, value in more.nodes.items():
            hood.nodes.setdefault(node_id, value)
        hood.edges |= more.edges
    return hood


def node_title(hood: Neighbourhood, node: str, lang: str = "zh") -> str:
    """A name for ``node`` a reader can tell apart: its own name; for a statement without one (an
    award) its class and what it points to (``获奖: 广东省五一劳动奖章``) or, if that is not shown, its id's end."""
    onto = load_ontology()
    kind, name = hood.nodes.get(node, ("", None))
    if name:
        return name
    label = onto.labels(lang).get(kind, kind)
    target = ((onto.classes[kind].shortcut or {}) if kind in onto.classes else {}).get("to")
    ends = sorted({hood.nodes[dst][1] or dst for src, rel, dst in hood.edges
                   if src == node and rel == target and dst in hood.nodes})
    return f"{label}: {'、'.join(ends)}" if ends else f"{label} {node[-6:]}"


def legend_html(kinds: list[str], lang: str = "zh") -> str:
    """A row of coloured swatches naming each class shown, in ``lang``."""
    onto = load_ontology()
    items = [f'<span style="margin-right:1em"><span style="display:inline-block;width:.9em;height:.9em;'
             f'border-radius:50%;background:{onto.classes[k].color};vertical-align:middle"></span> '
             f"{html.escape(onto.classes[k].label.get(lang, k))}</span>" for k in kinds if k in onto.classes]
    return f'<div style="font-family:sans-serif;font-size:14px;padding:4px">{"".join(items)}</div>'


def strip_remote(page: str) -> str:
    """``page`` without ``<link>``/``<script>`` tags that load from a host other than localhost."""
    return _REMOTE.sub("", page)


def network_html(hood: Neighbourhood, *, focus: str | None = None, lang: str = "zh",
                 height: int = 600, expanded: Collection[str] = ()) -> str:
    """A self-contained HTML page drawing ``hood`` (offline: JavaScript inlined, no CDN); the focus
    is drawn largest, ``expanded`` nodes larger than the rest."""
    onto = load_ontology()
    labels = onto.labels(lang)
    net = Network(height=f"{height}px", width="100%", directed=True, cdn_resources="in_line")
    for node_id, (kind, name) in hood.nodes.items():
        cls = onto.classes.get(kind)
        name = name or labels.get(kind, kind)  # statements such as awards have no name
        net.add_node(node_id, label=str(name), title=f"{labels.get(kind, kind)}: {name}",
                     color=cls.color if cls else "#999999", size=25 if node_id == focus else 20 if node_id in expanded else 15)
    for src, rel, dst in sorted(hood.edges):
        net.add_edge(src, dst, title=labels.get(rel, rel), label=labels.get(rel, rel))
    page = strip_remote(net.generate_html())
    kinds = sorted({kind for kind, _ in hood.nodes.values()})
    return page.replace("<body>", "<body>" + legend_html(kinds, lang), 1)
