"""Honours Graph in the browser: search, profile, network, Cypher console and lineage export.

Start it with ``honours app [--db DIR]``; the store directory comes from ``HONOURS_DB``. The page
routes and renders: searching, profiles, networks, queries and exports live in the library.
"""
from __future__ import annotations

import logging
from typing import Any

import streamlit as st
import streamlit.components.v1 as components

from graph import open_store
from graph.store import DEFAULT_LIMIT, DEFAULT_TIMEOUT, GraphStore, QueryResult
from honours.errors import HonoursError
from ontology.schema import load_ontology
from queries.adhoc import run_cypher
from queries.lineage import lineage_markdown
from queries.output import to_csv
from queries.registry import load_queries, run_query
from viz.network import neighbourhood, network_html, relation_names, year_span
from viz.profile import Profile, profile, resolve
from viz.search import Hit, load_entries, search
from viz.session import db_location, store_version
from viz.tables import result_frame
from viz.text import text

VIEWS = ("search", "profile", "network", "cypher", "lineage")
ONTOLOGY = load_ontology()


# -- cached access to the store: keyed by location and version, so a re-ingest invalidates ------
@st.cache_resource(show_spinner=False, max_entries=1)  # a new version replaces the old connection
def _store(db: str | None, version: float) -> GraphStore:
    return open_store(db=db, read_only=True)


def _key() -> tuple[str | None, float]:
    """The store's location and version: every cached result is keyed by it."""
    db = db_location()
    return db, store_version(db)


def store(key: tuple[str | None, float] | None = None) -> GraphStore:
    """The store this app shows, opened read-only (an ingest may run beside it)."""
    return _store(*(key or _key()))


@st.cache_data(show_spinner=False)
def _search(key: tuple, query: str) -> list[Hit]:
    return search(store(key), query, entries=_entries(key))


@st.cache_data(show_spinner=False)
def _entries(key: tuple) -> list:
    return load_entries(store(key))


@st.cache_data(show_spinner=False)
def _profile(key: tuple, entity: str) -> Profile:
    return profile(store(key), entity)


@st.cache_data(show_spinner=False)
def _network(key: tuple, entity: str, depth: int, relations: tuple[str, ...], years: tuple[int, int] | None,
             lang: str) -> str:
    node = resolve(store(key), entity)
    hood = neighbourhood(store(key), node["id"], depth=depth, relations=list(relations), years=years)
    return network_html(hood, focus=node["id"], lang=lang)


@st.cache_data(show_spinner=False)
def _years(key: tuple) -> tuple[int, int] | None:
    return year_span(store(key))


@st.cache_data(show_spinner=False)
def _named(key: tuple, name: str, params: tuple, limit: int, timeout: float) -> QueryResult:
    return run_query(store(key), name, dict(params), limit=limit, timeout=timeout)


@st.cache_data(show_spinner=False)
def _cypher(key: tuple, cypher: str, limit: int, timeout: float) -> QueryResult:
    return run_cypher(store(key), cypher, limit=limit, timeout=timeout)


@st.cache_data(show_spinner=False)
def _lineage(key: tuple, person: str) -> str:
    return lineage_markdown(store(key), person)


# -- helpers ------------------------------------------------------------------------------------
def lang() -> str:
    """The language chosen in the sidebar."""
    return st.session_state.get("lang", "zh")


def t(key: str) -> str:
    """The app's word ``key`` in the chosen language."""
    return text(key, lang())


def label(name: str) -> str:
    """An ontology class or relation label in the chosen language."""
    return ONTOLOGY.labels(lang()).get(name, name)


def plural(kind: str) -> str:
    """A class's plural label in the chosen language."""
    cls = ONTOLOGY.classes.get(kind)
    return cls.plural.get(lang(), kind) if cls else kind


def go(view: str, entity: str) -> None:
    """Switch to ``view`` showing ``entity`` (a button callback)."""
    st.session_state["view"] = view
    st.session_state["current"] = entity
    st.session_state[f"{view}_entity"] = entity


def entity_input(view: str, prompt: str = "entity") -> str:
    """A name-or-id box shared across views: it starts with the entity last looked at."""
    key = f"{view}_entity"
    if key not in st.session_state:
        st.session_state[key] = st.session_state.get("current", "")
    value = st.text_input(t(prompt), key=key).strip()
    if value:
        st.session_state["current"] = value
    return value


def show_result(result: QueryResult, name: str) -> None:
    """A result table, its row count and a CSV download."""
    st.dataframe(result_frame(result), hide_index=True, width="stretch")
    note = f" — {t('truncated')}" if result.truncated else ""
    st.caption(f"{len(result.rows)} {t('rows')}{note}")
    st.download_button(t("download_csv"), to_csv(result), file_name=f"{name}.csv", mime="text/csv",
                       key=f"csv_{name}")


# -- views --------------------------------------------------------------------------------------
def search_view() -> None:
    """One box for every kind of entity; results with type, organisation and number of facts."""
    query = st.text_input(t("search_box"), key="search_text")
    if not query.strip():
        return
    hits = _search(_key(), query)
    if not hits:
        st.info(t("no_results"))
        return
    st.dataframe([{t("type"): label(h.kind), t("name"): h.name, t("organisation"): h.organisation or "",
                   t("facts"): h.facts, "id": h.id} for h in hits], hide_index=True, width="stretch")
    by_id = {h.id: h for h in hits}
    chosen = st.selectbox(t("choose"), list(by_id), key="search_choice",
                          format_func=lambda i: f"{by_id[i].name} · {label(by_id[i].kind)}")
    views = ["profile", "network"] + (["lineage"] if by_id[chosen].kind == "Person" else [])
    for column, view in zip(st.columns(len(views)), views):
        column.button(t(f"open_{view}"), key=f"open_{view}", on_click=go, args=(view, chosen))


def _fact_line(fact: Any) -> str:
    details = dict(fact.details)
    shortcut = (ONTOLOGY.classes[fact.kind].shortcut or {}) if fact.kind in ONTOLOGY.classes else {}
    head = fact.name or "、".join(details.pop(shortcut.get("to"), [])) or label(fact.kind)
    year = f" ({fact.year})" if fact.year else ""
    details = "；".join(f"{label(role)}: {'、'.join(others)}" for role, others in details.items())
    return f"**{head}**{year}" + (f" — {details}" if details else "")


def _sources(sources: list) -> None:
    for source in sources:
        st.markdown(f"> {source.quote}")
        st.caption(" · ".join(x for x in (source.document, source.title and f"《{source.title}》",
                                          source.date) if x))


def _identity(found: Profile) -> None:
    if not found.mentions:
        return
    with st.expander(t("identity")):
        st.dataframe([{t("written"): m.written, t("rule"): m.rule, t("reason"): m.reason,
                       t("document"): m.document} for m in found.mentions], hide_index=True, width="stretch")


def _related(found: Profile) -> None:
    if not found.related:
        return
    related = found.related
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    chosen = left.selectbox(t("related"), list(related), key="profile_related",
                            format_func=lambda i: f"{related[i][1]} · {label(related[i][0])}")
    right.button(t("open_profile"), key="open_related", on_click=go, args=("profile", chosen))


def profile_view() -> None:
    """An entity's facts grouped by kind, each with its quote and source."""
    entity = entity_input("profile")
    if not entity:
        return
    found = _profile(_key(), entity)
    st.header(found.name)
    st.caption(f"{label(found.kind)} · {found.id}")
    if found.aliases:
        st.markdown(f"{t('aliases')}: {'、'.join(found.aliases)}")
    _sources(found.sources)
    _identity(found)
    _related(found)
    if not found.groups:
        st.info(t("no_facts"))
    for kind, facts in found.groups.items():
        st.subheader(f"{plural(kind)} ({len(facts)})")
        for fact in facts:
            st.markdown(_fact_line(fact))
            _sources(fact.sources)


def network_view() -> None:
    """The entity's neighbourhood as an interactive pyvis network (works offline)."""
    entity = entity_input("network")
    depth = st.slider(t("depth"), 1, 3, 2, key="network_depth")
    names = relation_names()
    chosen = st.multiselect(t("relations"), names, default=names, format_func=label, key="network_relations")
    span = _years(_key())
    years = None
    if span and span[0] < span[1]:
        years = st.slider(t("years"), span[0], span[1], span, key="network_years")
    if not entity:
        return
    page = _network(_key(), entity, depth, tuple(chosen), years, lang())
    frame = getattr(st, "iframe", None)  # Streamlit ≥ 1.5x; components.html before
    if frame is not None:
        frame(page, height=700)
    else:
        components.html(page, height=700, scrolling=True)


def _param_widgets(name: str) -> dict[str, str | bool]:
    query = load_queries()[name]
    values: dict[str, str | bool] = {}
    for pname, type_name in query.params.items():
        default = query.defaults.get(pname)
        key = f"param_{name}_{pname}"
        if type_name == "bool":
            values[pname] = st.checkbox(pname, value=bool(default), key=key)
            continue
        value = st.text_input(f"{pname} ({type_name})", value="" if default is None else str(default), key=key)
        if value.strip() or default is not None:
            values[pname] = value
    return values


def cypher_view() -> None:
    """Named queries with parameter forms and a free read-only Cypher box; table and CSV."""
    st.caption(t("read_only"))
    limit = int(st.number_input(t("row_cap"), 1, 100_000, DEFAULT_LIMIT, key="row_cap"))
    timeout = float(st.number_input(t("timeout"), 0.1, 600.0, DEFAULT_TIMEOUT, key="timeout"))
    named, free = st.tabs([t("named"), t("free")])
    queries = load_queries()
    with named:
        name = st.selectbox(t("named"), sorted(queries), key="named_query",
                            format_func=lambda n: f"{n} — {getattr(queries[n], 'title_' + lang())}")
        st.caption(queries[name].returns)
        params = _param_widgets(name)
        if st.button(t("run"), key="run_named"):
            st.session_state["result"] = (name, _named(_key(), name, tuple(sorted(params.items())),
                                                       limit, timeout))
    with free:
        cypher = st.text_area("Cypher", key="cypher_text", height=150)
        if st.button(t("run"), key="run_cypher"):
            st.session_state["result"] = ("cypher", _cypher(_key(), cypher, limit, timeout))
    if "result" in st.session_state:
        name, result = st.session_state["result"]
        show_result(result, name)


def lineage_view() -> None:
    """A person's honours as Markdown with footnoted sources: preview and download."""
    person = entity_input("lineage", "person")
    if not person:
        return
    markdown = _lineage(_key(), person)
    st.download_button(t("download_md"), markdown, file_name=f"lineage-{person}.md", mime="text/markdown",
                       key="download_lineage")
    with st.container(border=True):
        st.markdown(markdown)


PAGES = {"search": search_view, "profile": profile_view, "network": network_view,
         "cypher": cypher_view, "lineage": lineage_view}


def main() -> None:
    """Sidebar navigation, then the chosen view; user errors shown as messages, not tracebacks."""
    st.set_page_config(page_title="Honours Graph", layout="wide")
    st.sidebar.radio(text("language", "zh"), ["zh", "en"], key="lang", horizontal=True,
                     format_func=lambda code: {"zh": "中文", "en": "English"}[code])
    # both languages, so the navigation keeps its identity (and the view) when the language changes
    view = st.sidebar.radio("视图 / View", VIEWS, key="view",
                            format_func=lambda v: f"{text(v, 'zh')} · {text(v, 'en')}")
    st.sidebar.caption(f"{t('store')}: {db_location() or 'default'}")
    st.title(f"{t('title')} · {t(view)}")
    try:
        store()
        PAGES[view]()
    except HonoursError as exc:
        st.error(str(exc))
    except Exception as exc:  # a bug, not bad input: logged for the developer, a message for the user
        logging.getLogger("honours.app").exception("view %s failed", view)
        st.error(f"internal error in the {view} view: {exc}")


main()
