"""Ingest from the app: extract facts from uploaded bytes, preview them, store them with progress.

The library behind the app's ingest view; nothing here touches Streamlit. An upload keeps
its own name: the facts' evidence, and the Document stored, name ``award-news.txt``, not a
temporary path.

>>> items = extract_uploads([("news.txt", "会上，李明获得广东省五一劳动奖章。".encode())])  # doctest: +SKIP
>>> fact_counts(items[0])["award"]  # doctest: +SKIP
1
"""
from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from extract.document import Skipped
from extract.facts import FACT_TYPES, DocumentFacts, Fact
from graph.store import GraphStore
from honours.errors import HonoursError, StoreError, StoreUnavailable
from ontology.schema import load_ontology
from viz.text import TEXT, text
from viz.uploads import check_upload, upload_name

Progress = Callable[[int, int, str], None]  # (done, total, document just finished)
Item = DocumentFacts | Skipped
HIDDEN_FIELDS = frozenset({"recipient_kind"})  # shown by the recipient itself, not as a field


# -- extraction ---------------------------------------------------------------------------------
def extract_upload(name: str, data: bytes, *, limit_mb: int | None = None) -> Item:
    """The facts of one uploaded file, or why it was skipped (too big, empty, binary, unreadable …)."""
    try:
        shown = check_upload(name, data, limit_mb=limit_mb)
    except HonoursError as exc:
        return Skipped(_display_name(name), exc.message)
    from extract.pipeline import extract_file  # loads spaCy and LAC: only when a file is extracted

    with tempfile.TemporaryDirectory(prefix="honours-upload-") as tmp:
        # the reader goes by the suffix; the name shown (evidence, messages, dates in file names)
        # is the upload's own, so any name works, quotes and all, whatever the file system allows
        path = Path(tmp) / f"upload{Path(shown).suffix.lower()}"
        try:
            path.write_bytes(data)
        except OSError as exc:
            return Skipped(shown, f"cannot be written to a temporary file ({exc.strerror or exc})")
        return extract_file(path, shown)


def _display_name(name: str) -> str:
    try:
        return upload_name(name)
    except HonoursError:
        return repr(name)


def _name_of(item: Item) -> str:
    return item.path if isinstance(item, Skipped) else item.doc


def extract_uploads(uploads: Iterable[tuple[str, bytes]], *, limit_mb: int | None = None,
                    progress: Progress | None = None) -> list[Item]:
    """Each upload's facts or the reason it was skipped, in order; ``progress`` after each file."""
    uploads = list(uploads)
    items = []
    for done, (name, data) in enumerate(uploads, 1):
        items.append(extract_upload(name, data, limit_mb=limit_mb))
        if progress:
            progress(done, len(uploads), _name_of(items[-1]))
    return items


# -- preview ------------------------------------------------------------------------------------
def fact_counts(doc: DocumentFacts) -> dict[str, int]:
    """Number of facts of each contract type (``person``, ``award`` …), every type listed."""
    counts = dict.fromkeys(FACT_TYPES, 0)
    for fact in doc.facts:
        counts[fact.type] = counts.get(fact.type, 0) + 1
    return counts


def type_label(fact_type: str, lang: str) -> str:
    """A fact type's label from the ontology (``award`` → 获奖 / Award)."""
    onto = load_ontology()
    cls = onto.classes.get(onto.stats_keys().get(fact_type, ""))
    return cls.label.get(lang, cls.name) if cls else fact_type


def field_label(fact_type: str, name: str, lang: str) -> str:
    """A fact field's label: the class's property, else the relation of that name, else the app's word."""
    onto = load_ontology()
    cls = onto.classes.get(onto.stats_keys().get(fact_type, ""))
    for prop in cls.properties if cls else ():
        if prop.name == name:
            return prop.label.get(lang, name)
    relation = onto.relations.get(name.upper())
    if relation:
        return relation.label.get(lang, name)
    return text(f"field_{name}", lang) if f"field_{name}" in TEXT else name


def fact_text(fact: Fact, lang: str) -> str:
    """One fact in a line: its fields with their labels (a person or organisation: just the name)."""
    values = {k: v for k, v in fact.fields.items() if v not in (None, "", []) and k not in HIDDEN_FIELDS}
    if set(values) == {"name"}:
        return str(values["name"])
    return "；".join(f"{field_label(fact.type, k, lang)}: {'、'.join(map(str, v)) if isinstance(v, list) else v}"
                    for k, v in values.items())


def counts_frame(doc: DocumentFacts, lang: str) -> pd.DataFrame:
    """One row: the number of facts of each type, columns labelled from the ontology."""
    return pd.DataFrame([{type_label(k, lang): n for k, n in fact_counts(doc).items()}])


def facts_frame(doc: DocumentFacts, lang: str) -> pd.DataFrame:
    """The document's facts, one a row: type, the fact, confidence, and the quote that states it."""
    order = {kind: i for i, kind in enumerate(FACT_TYPES)}
    facts = sorted(doc.facts, key=lambda f: (order.get(f.type, len(order)), f.evidence.start))
    return pd.DataFrame([{text("type", lang): type_label(f.type, lang), text("fact", lang): fact_text(f, lang),
                          text("confidence", lang): round(f.confidence, 2), text("quote", lang): f.evidence.quote}
                         for f in facts],
                        columns=[text(k, lang) for k in ("type", "fact", "confidence", "quote")])


def skip_line(item: Skipped, lang: str) -> str:
    """Why a file was not taken, naming it, after the app's word for "skipped"."""
    reason = item.reason if item.reason.startswith(item.path) else f"{item.path}: {item.reason}"
    return f"{text('skipped', lang)} · {reason}"


def stored_checksums(store: GraphStore | None, items: Iterable[Item]) -> set[str]:
    """The checksums among ``items`` that ``store`` holds already (none when there is no store)."""
    if store is None:
        return set()
    return {i.checksum for i in items if isinstance(i, DocumentFacts) and store.has_document(i.checksum)}


# -- storing ------------------------------------------------------------------------------------
@dataclass
class IngestReport:
    """What storing a batch changed: documents stored, already there, skipped; counts before and after."""

    stored: list[tuple[str, int]] = field(default_factory=list)  # (document, number of facts)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    before: dict[str, int] = field(default_factory=dict)
    after: dict[str, int] = field(default_factory=dict)

    def changes(self) -> dict[str, int]:
        """How many nodes of each stats key (``person``, ``award`` …) the batch added."""
        return {k: self.after[k] - self.before.get(k, 0) for k in self.after
                if self.after[k] != self.before.get(k, 0)}


def store_documents(items: Sequence[Item], store: GraphStore, *, progress: Progress | None = None) -> IngestReport:
    """Store each document in its own transaction; already stored (by checksum) ones change nothing.

    A document the store refuses is reported as skipped and the rest go on; ``StoreUnavailable``
    (the store went away) stops the batch. Documents stored before a failure stay stored.
    """
    report = IngestReport(before=store.stats())
    for done, item in enumerate(items, 1):
        if isinstance(item, Skipped):
            report.skipped.append(item)
        else:
            try:
                if store.upsert(item):
                    report.stored.append((item.doc, len(item.facts)))
                else:
                    report.unchanged.append(item.doc)
            except StoreUnavailable:
                raise
            except StoreError as exc:
                report.skipped.append(Skipped(item.doc, exc.message))
        if progress:
            progress(done, len(items), _name_of(item))
    report.after = store.stats()
    return report


def report_text(report: IngestReport, lang: str) -> str:
    """The report in a sentence, then (a Markdown paragraph) what the store gained, labelled from the ontology."""
    onto = load_ontology()
    facts = sum(n for _, n in report.stored)
    line = text("report", lang).format(stored=len(report.stored), facts=facts,
                                       unchanged=len(report.unchanged), skipped=len(report.skipped))
    keys = onto.stats_keys()
    order = {kind: i for i, kind in enumerate(FACT_TYPES)}
    changes = sorted(report.changes().items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
    gained = ("，" if lang == "zh" else ", ").join(f"{onto.classes[keys[k]].plural.get(lang, k)} +{n}"
                                                   for k, n in changes if k in keys and n > 0)
    return f"{line}\n\n{text('gained', lang)}{gained}" if gained else line
