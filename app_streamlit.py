"""Honours Graph in the browser: search, profile, network, Cypher console and lineage export.

Start it with ``honours app [--db DIR]``; the store directory comes from ``HONOURS_DB``. The page
routes and renders: searching, profiles, networks, queries and exports live in the library.
"""
from __future__ import annotations

import logging
import re
from typing import Any

import streamlit as st

from extract.document import Skipped
from extract.facts import DocumentFacts
from extract.formats import SUPPORTED_SUFFIXES
from graph import open_store
from graph.curation import log_for
from graph.curation_store import (curate, fact_classes, prepare_merge, prepare_reject, prepare_rename,
                                  prepare_split)
from graph.store import DEFAULT_LIMIT, DEFAULT_TIMEOUT, GraphStore, QueryResult
from honours.errors import HonoursError, StoreUnavailable
from ontology.schema import load_ontology
from queries.adhoc import run_cypher
from queries.lineage import KINDS, lineage_exports
from queries.output import to_csv
from queries.registry import load_queries, run_query
from viz.ingest import (counts_frame, extract_uploads, facts_frame, report_text, skip_line, store_documents,
                        stored_checksums)
from viz.network import (Neighbourhood, expanded_neighbourhood, network_html, node_title, relation_names,
                         year_span)
from viz.network_click import clickable_network
from viz.profile import Fact, Profile, profile, resolve
from viz.search import Hit, load_entries, search
from viz.session import db_location, store_version, writable_store
from viz.tables import result_frame
from viz.text import literal, text
from viz.timeline import KINDS as TIMELINE_KINDS
from viz.timeline import Timeline, timeline, timeline_frame
from viz.timeline_chart import timeline_chart
from viz.uploads import max_upload_mb

VIEWS = ("search", "profile", "network", "timeline", "cypher", "lineage", "ingest", "curation")
ONTOLOGY = load_ontology()
LINEAGE_OF = {"Person": "person", "Honour": "honour", "Studio": "studio"}  # search result class → lineage kind


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
def _hood(key: tuple, entity: str, depth: int, relations: tuple[str, ...], years: tuple[int, int] | None,
          expanded: tuple[str, ...]) -> tuple[str, Neighbourhood]:
    focus = resolve(store(key), entity)["id"]
    return focus, expanded_neighbourhood(store(key), focus, expanded, depth=depth, relations=list(relations),
                                         years=years)


@st.cache_data(show_spinner=False)
def _network(key: tuple, entity: str, depth: int, relations: tuple[str, ...], years: tuple[int, int] | None,
             lang: str, expanded: tuple[str, ...] = ()) -> str:
    focus, hood = _hood(key, entity, depth, relations, years, expanded)
    return network_html(hood, focus=focus, lang=lang, expanded=expanded)


@st.cache_data(show_spinner=False)
def _timeline(key: tuple, entity: str, years: tuple[int, int] | None) -> Timeline:
    return timeline(store(key), entity, years=years)


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
def _lineage(key: tuple, kind: str, name: str) -> dict[str, str]:
    return lineage_exports(store(key), kind, name)


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


def go(view: str, entity: str, lineage: str | None = None) -> None:
    """Switch to ``view`` showing ``entity`` (a button callback); ``lineage`` is the kind of
    lineage search opens (a person's, an honour's, a studio's)."""
    st.session_state["view"] = view
    st.session_state["current"] = entity
    st.session_state[f"{view}_entity"] = entity
    if view == "lineage":
        st.session_state["lineage_kind"] = lineage or "person"


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
    views = ["profile", "network"] + (["timeline"] if by_id[chosen].kind in TIMELINE_KINDS else []) \
        + (["lineage"] if by_id[chosen].kind in LINEAGE_OF else [])
    for column, view in zip(st.columns(len(views)), views):
        column.button(t(f"open_{view}"), key=f"open_{view}", on_click=go,
                      args=(view, chosen, LINEAGE_OF.get(by_id[chosen].kind)))


def _fact_line(fact: Any) -> str:
    details = dict(fact.details)
    shortcut = (ONTOLOGY.classes[fact.kind].shortcut or {}) if fact.kind in ONTOLOGY.classes else {}
    head = literal(fact.name or "、".join(details.pop(shortcut.get("to"), [])) or label(fact.kind))
    year = f" ({fact.year})" if fact.year else ""
    details = "；".join(f"{label(role)}: {'、'.join(map(literal, others))}" for role, others in details.items())
    return f"**{head}**{year}" + (f" — {details}" if details else "")


def _sources(sources: list) -> None:
    for source in sources:
        st.markdown(f"> {literal(source.quote)}")
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
    st.header(literal(found.name))
    st.caption(f"{label(found.kind)} · {found.id}")
    if found.aliases:
        st.markdown(f"{t('aliases')}: {'、'.join(map(literal, found.aliases))}")
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


def _share_years(key: str) -> None:
    st.session_state["years"] = st.session_state[key]


def year_range(view: str) -> tuple[int, int] | None:
    """A year-range slider whose range every view shares (session key ``years``); None if nothing is dated."""
    span = _years(_key())
    if not span or span[0] >= span[1]:
        return None
    low, high = st.session_state.get("years") or span
    key = f"{view}_years"
    st.session_state[key] = (min(max(low, span[0]), span[1]), max(min(high, span[1]), span[0]))
    return st.slider(t("years"), span[0], span[1], key=key, on_change=_share_years, args=(key,))


def _expanded(entity: str) -> list[str]:
    """The nodes the user expanded around ``entity`` (a new entity starts a new list)."""
    if st.session_state.get("network_expanded_for") != entity:
        st.session_state["network_expanded_for"] = entity
        st.session_state["network_expanded"] = []
    return st.session_state["network_expanded"]


def _expand(node: str | None) -> None:
    if node and node not in st.session_state.setdefault("network_expanded", []):
        st.session_state["network_expanded"].append(node)


def _expand_clicked() -> None:
    clicked = st.session_state.get("network_graph") or {}
    _expand(clicked.get("node"))


def _expand_chosen() -> None:
    _expand(st.session_state.get("network_expand"))
    st.session_state["network_expand"] = None


def _expand_controls(focus: str, hood: Neighbourhood, expanded: list[str]) -> None:
    """A keyboard way to expand: the nodes shown, by name; the expanded ones, and a reset."""
    def name(node: str) -> str:
        return f"{node_title(hood, node, lang())} · {label(hood.nodes.get(node, ('', None))[0])}"

    options = sorted((n for n in hood.nodes if n != focus and n not in expanded), key=name)
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    left.selectbox(t("expand_node"), options, index=None, placeholder=t("expand_none"), format_func=name,
                   key="network_expand", on_change=_expand_chosen)
    if expanded:
        right.button(t("reset_expansion"), key="network_reset", on_click=expanded.clear)
        st.caption(f"{t('expanded')}: " + "、".join(name(n) for n in expanded))


def network_view() -> None:
    """The entity's neighbourhood as an interactive pyvis network (works offline); a click on a node
    (or the selectbox under it) adds that node's neighbours."""
    entity = entity_input("network")
    depth = st.slider(t("depth"), 1, 3, 2, key="network_depth")
    names = relation_names()
    chosen = st.multiselect(t("relations"), names, default=names, format_func=label, key="network_relations")
    years = year_range("network")
    if not entity:
        return
    expanded = _expanded(entity)
    args = (_key(), entity, depth, tuple(chosen), years)
    focus, hood = _hood(*args, tuple(expanded))
    clickable_network(_network(*args, lang(), tuple(expanded)), key="network_graph", on_change=_expand_clicked)
    _expand_controls(focus, hood, expanded)


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


# format → (file suffix, MIME type, download button key); the Markdown key is the browser test's
LINEAGE_FILES = {"md": ("md", "text/markdown", "download_lineage"), "csv": ("csv", "text/csv", "download_lineage_csv"),
                 "jsonld": ("jsonld", "application/ld+json", "download_lineage_jsonld"),
                 "svg": ("svg", "image/svg+xml", "download_lineage_svg")}


def lineage_view() -> None:
    """A person's, an honour's, a studio's or a mentor's lineage: preview, and downloads in every format."""
    kind = st.radio(t("lineage_kind"), KINDS, key="lineage_kind", horizontal=True,
                    format_func=lambda k: t(f"lineage_{k}"))
    name = entity_input("lineage", f"lineage_{kind}_prompt")
    if not name:
        return
    exports = _lineage(_key(), kind, name)
    stem = re.sub(r'[\\/:*?"<>|\s]+', "_", f"lineage-{kind}-{name}")
    for column, (fmt, (suffix, mime, key)) in zip(st.columns(len(LINEAGE_FILES)), LINEAGE_FILES.items()):
        column.download_button(t(f"download_{fmt}"), exports[fmt], file_name=f"{stem}.{suffix}", mime=mime, key=key,
                               on_click="ignore")  # a download needs no rerun
    markdown, figure = st.tabs([t("preview_md"), t("preview_svg")])
    with markdown, st.container(border=True):
        st.markdown(exports["md"])
    with figure:
        st.image(exports["svg"])  # an <img> data URI: drawn offline with the browser's own CJK fonts


def _timeline_table(found: Timeline) -> None:
    frame = timeline_frame(found.items).fillna({"detail": "", "date": ""})
    frame["kind"] = [label(k) for k in frame["kind"]]
    frame["basis"] = [t(f"basis_{b}") for b in frame["basis"]]
    columns = {c: t(c) for c in ("year", "date", "kind", "name", "detail", "basis", "quote")}
    columns["source"] = t("sources")
    st.dataframe(frame.rename(columns=columns), hide_index=True, width="stretch")


def timeline_view() -> None:
    """Honours, positions and events over time for a person, an organisation or an honour: a chart
    with quotes in its tooltips, and the table under it; the year range is the network's."""
    entity = entity_input("timeline")
    years = year_range("timeline")
    if not entity:
        return
    found = _timeline(_key(), entity, years)
    st.header(literal(found.name))
    st.caption(f"{label(found.kind)} · {found.id}")
    if not found.supported:
        st.info(t("no_timeline").format(name=found.name, kind=label(found.kind)))
        return
    chart = timeline_chart(timeline_frame(found.items), lang=lang())
    if chart is None:
        st.info(t("no_items"))
    else:
        st.altair_chart(chart, width="stretch", key="timeline_chart")
    undated = sum(1 for item in found.items if item.year is None)
    if undated:
        st.caption(f"{undated} {t('undated')}")
    _timeline_table(found)


def _reader() -> GraphStore | None:
    """The read-only store, or None when there is none yet (the first ingest creates it)."""
    try:
        return store()
    except StoreUnavailable:
        return None


def _progress_bar(word: str) -> tuple[Any, Any]:
    """A progress bar and the callback (done, total, document) that advances it."""
    bar = st.progress(0.0, text=word)
    return bar, lambda done, total, name: bar.progress(done / total,
                                                       text=f"{word} · {literal(name)} ({done}/{total})")


def _ingest_preview(items: list, stored: set[str]) -> None:
    """Per upload: its counts and facts with quotes, or why it was skipped."""
    for item in items:
        if isinstance(item, Skipped):
            st.warning(literal(skip_line(item, lang())))
            continue
        with st.container(border=True):
            st.subheader(literal(item.doc), anchor=False)
            st.caption(f"{len(item.articles)} {t('articles')} · {t('facts')}: {len(item.facts)}")
            if item.checksum in stored:
                st.info(t("already_stored"))
            st.dataframe(counts_frame(item, lang()), hide_index=True)
            table = facts_frame(item, lang())
            widths = dict(zip(table.columns, (90, 400, 70, 600)))  # type, fact, confidence, quote (cut last)
            st.dataframe(table, hide_index=True, width="stretch",
                         column_config={c: st.column_config.Column(width=w) for c, w in widths.items()})


def ingest_view() -> None:
    """Upload documents, preview the extracted facts, then store them with progress."""
    limit = max_upload_mb()
    st.caption(t("upload_help").format(formats=" ".join(SUPPORTED_SUFFIXES), limit=limit))
    files = st.file_uploader(t("upload"), accept_multiple_files=True, key="ingest_files",
                             max_upload_size=limit) or []
    batch = tuple((f.file_id, f.name, f.size) for f in files)
    if st.session_state.get("ingest_batch") != batch:  # other files: the preview and report are old
        st.session_state["ingest_batch"] = batch
        for key in ("ingest_items", "ingest_report"):
            st.session_state.pop(key, None)
    if st.button(t("extract"), key="ingest_extract", disabled=not files):
        bar, advance = _progress_bar(t("extracting"))
        st.session_state["ingest_items"] = extract_uploads([(f.name, f.getvalue()) for f in files],
                                                           limit_mb=limit, progress=advance)
        st.session_state.pop("ingest_report", None)
        bar.empty()
    if "ingest_report" in st.session_state:
        st.success(report_text(st.session_state["ingest_report"], lang()))
    items = st.session_state.get("ingest_items")
    if not items:
        return
    _ingest_preview(items, stored_checksums(_reader(), items))
    documents = [i for i in items if isinstance(i, DocumentFacts)]
    if not documents:
        st.info(t("nothing_to_store"))
    if st.button(t("store_facts"), key="ingest_store", type="primary", disabled=not documents):
        _bar, advance = _progress_bar(t("storing"))
        with writable_store() as writing:  # closes the cached reader first; caches dropped after
            st.session_state["ingest_report"] = store_documents(items, writing, progress=advance)
        del st.session_state["ingest_items"]
        st.rerun()


def _pick(key: str, prompt: str, kinds: tuple[str, ...] = ()) -> Hit | None:
    """A search box and a choice among its hits (of ``kinds`` when given): the hit chosen, or None."""
    query = st.text_input(prompt, key=f"{key}_query")
    if not query.strip():
        return None
    hits = [h for h in _search(_key(), query) if not kinds or h.kind in kinds]
    if not hits:
        st.info(t("no_results"))
        return None
    by_id = {h.id: h for h in hits}
    chosen = st.selectbox(t("choose"), list(by_id), key=f"{key}_choice", format_func=lambda i: " · ".join(
        x for x in (by_id[i].name, label(by_id[i].kind), by_id[i].organisation, i) if x))
    return by_id[chosen]


def _decide(prepare: Any, *args: str) -> None:
    """Check, log and apply a decision on the store opened for writing, then show the new graph."""
    try:
        with writable_store() as writing:  # closes the cached reader first; caches dropped after
            decision = curate(writing, prepare(writing, *args, note=st.session_state.get("curation_note", "")))
    except HonoursError as exc:
        st.error(str(exc))
        return
    st.session_state["curation_done"] = decision.describe()
    st.rerun()


def _merge_tab() -> None:
    left, right = st.columns(2)
    with left:
        keep = _pick("merge_keep", t("keep_entity"))
    with right:
        other = _pick("merge_other", t("other_entity"), (keep.kind,) if keep else ())
    if st.button(t("merge_button"), key="merge_button", disabled=not (keep and other)):
        _decide(prepare_merge, keep.id, other.id)


def _reject_tab() -> None:
    owner = _pick("reject", t("fact_owner"))
    if owner is None:
        return
    found = _profile(_key(), owner.id)
    kinds = fact_classes(ONTOLOGY)
    facts = {f.id: f for group in found.groups.values() for f in group if f.kind in kinds}
    if found.kind in kinds:
        facts = {found.id: Fact(found.id, found.kind, "", found.name, sources=found.sources)} | facts
    if not facts:
        st.info(t("no_rejectable"))
        return
    chosen = st.selectbox(t("fact_choice"), list(facts), key="reject_fact", format_func=lambda i: (
        f"{label(facts[i].kind)}: {_fact_line(facts[i]).replace('**', '')}"))
    _sources(facts[chosen].sources)
    if st.button(t("reject_button"), key="reject_button"):
        _decide(prepare_reject, chosen)


def _rename_tab() -> None:
    entity = _pick("rename", t("rename_entity"))
    name = st.text_input(t("new_name"), key="rename_name")
    if st.button(t("rename_button"), key="rename_button", disabled=entity is None):
        _decide(prepare_rename, entity.id, name)


def _split_tab() -> None:
    person = _pick("split", t("split_person"), ("Person",))
    if person is None:
        return
    mentions = {(m.written, m.document): m for m in _profile(_key(), person.id).mentions}
    chosen = st.selectbox(t("mention_choice"), list(mentions), key="split_choice", format_func=lambda k: (
        f"{k[0]} · {k[1]} · {mentions[k].rule or ''}"))
    if st.button(t("split_button"), key="split_button", disabled=chosen is None):
        _decide(prepare_split, person.id, chosen[1], chosen[0])


def _decision_log() -> None:
    st.subheader(t("decisions"))
    decisions = log_for(store()).decisions()
    if not decisions:
        st.caption(t("no_decisions"))
        return
    st.dataframe([{t("when"): d.when, t("who"): d.who, t("what"): d.describe(), t("note"): d.note}
                  for d in reversed(decisions)], hide_index=True, width="stretch")


def curation_view() -> None:
    """Merge, split, reject and rename: decisions kept apart and re-applied on every ingest."""
    st.caption(t("curation_help"))
    message = st.empty()  # always there: the tabs below keep their place, so the browser keeps the open tab
    if done := st.session_state.pop("curation_done", None):
        message.success(t("decided").format(what=literal(done)))  # a new name as typed, not as Markdown
        st.session_state["curation_note"] = ""  # a note belongs to one decision, not to the next
    st.text_input(t("note"), key="curation_note")
    tabs = st.tabs([t("tab_merge"), t("tab_reject"), t("tab_rename"), t("tab_split")])
    for tab, page in zip(tabs, (_merge_tab, _reject_tab, _rename_tab, _split_tab)):
        with tab:
            page()
    _decision_log()


PAGES = {"search": search_view, "profile": profile_view, "network": network_view,
         "timeline": timeline_view, "cypher": cypher_view, "lineage": lineage_view,
         "ingest": ingest_view, "curation": curation_view}


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
        if view != "ingest":  # the first ingest creates the store
            store()
        PAGES[view]()
    except HonoursError as exc:
        st.error(str(exc))
    except Exception as exc:  # a bug, not bad input: logged for the developer, a message for the user
        logging.getLogger("honours.app").exception("view %s failed", view)
        st.error(f"internal error in the {view} view: {exc}")


main()
