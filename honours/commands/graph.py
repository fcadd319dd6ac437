"""``honours ingest``, ``honours stats`` and ``honours export``: documents into the graph and out."""
from __future__ import annotations

import json
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from extract.document import Skipped
from extract.facts import DocumentFacts
from graph import open_store
from graph.store import GraphStore
from honours.cli import command, group
from honours.commands.skips import SkipReport
from honours.errors import HonoursError, StoreError, StoreUnavailable

Db = Annotated[Optional[Path], typer.Option("--db", help="Embedded store directory (default: the user data directory).")]
Neo4jUri = Annotated[Optional[str], typer.Option("--neo4j", help="Neo4j Bolt URI, e.g. bolt://localhost:7687 (or NEO4J_URI).")]
User = Annotated[Optional[str], typer.Option("--user", help="Neo4j user (or NEO4J_USER).")]
Password = Annotated[Optional[str], typer.Option("--password", help="Neo4j password (or NEO4J_PASSWORD).")]


class StatsFormat(str, Enum):
    table = "table"
    json = "json"


class ExportFormat(str, Enum):
    ttl = "ttl"
    jsonld = "jsonld"
    graphml = "graphml"
    gexf = "gexf"
    neo4j_csv = "neo4j-csv"
    cypher = "cypher"


def _documents(paths: list[str], facts: bool, workers: int) -> Iterator[DocumentFacts | Skipped]:
    if facts:
        from graph.facts_jsonl import read_facts_jsonl

        return read_facts_jsonl(paths)
    try:
        from extract.pipeline import extract_paths
    except ImportError as exc:
        raise HonoursError(f"the extraction pipeline is not available ({exc}); "
                           "ingest a facts file with --facts instead") from None
    return extract_paths(paths, workers=workers)


def _store_batch(store: GraphStore, docs: list[DocumentFacts], report: SkipReport) -> list[bool | None]:
    """Store ``docs`` in one transaction; when the store refuses the batch, each document on its own,
    a refused one reported as skipped (None) and the others stored. For each, whether it was new."""
    try:
        return list(store.upsert_many(docs))
    except StoreUnavailable:
        raise  # the store itself is gone or locked: no document could be stored
    except StoreError as exc:
        if len(docs) == 1:
            return [_refused(docs[0], exc, report)]
    return [_store_one(store, doc, report) for doc in docs]


def _store_one(store: GraphStore, doc: DocumentFacts, report: SkipReport) -> bool | None:
    try:
        return store.upsert(doc)
    except StoreUnavailable:
        raise
    except StoreError as exc:
        return _refused(doc, exc, report)


def _refused(doc: DocumentFacts, exc: StoreError, report: SkipReport) -> None:
    report.skip(Skipped(doc.doc, f"the store refused it: {exc}"))
    return None


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), transient=True)


@command("ingest")
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Documents or folders (or facts .jsonl files with --facts).")],
    db: Db = None, neo4j: Neo4jUri = None, user: User = None, password: Password = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Extraction processes.")] = 1,
    facts: Annotated[bool, typer.Option("--facts", help="PATHs are facts JSON lines, not documents.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Print one line per document.")] = False,
) -> None:
    """Extract facts from documents and store them, one transaction per batch of documents; re-runs change nothing."""
    from graph.batch import INGEST_BATCH, INGEST_SECONDS, timed_batches

    stored = unchanged = 0
    report = SkipReport(deferred=True)  # after the progress bar, which holds the terminal
    with open_store(db=db, neo4j=neo4j, user=user, password=password) as store, _progress() as bar:
        task = bar.add_task("ingesting", total=None)
        documents = report.documents(_documents(paths, facts, workers))
        for docs in timed_batches(documents, size=INGEST_BATCH, seconds=INGEST_SECONDS):
            for item, new in zip(docs, _store_batch(store, docs, report)):
                if new is None:
                    continue  # refused: reported with the skipped files
                stored += new
                unchanged += not new
                if verbose:
                    line = f"stored {item.doc} ({len(item.facts)} facts)" if new else f"unchanged {item.doc}"
                    bar.console.print(line, highlight=False)
            bar.advance(task, len(docs))
    typer.echo(f"{stored} documents stored, {unchanged} already stored, {report.count} skipped "
               f"→ {store.location}")
    report.finish()


@command("stats")
def stats(
    db: Db = None, neo4j: Neo4jUri = None, user: User = None, password: Password = None,
    format: Annotated[StatsFormat, typer.Option("--format", "-f", help="Output format.")] = StatsFormat.table,
) -> None:
    """Count the stored documents, people, organisations, honours, awards, positions …"""
    with open_store(db=db, neo4j=neo4j, user=user, password=password, read_only=True) as store:
        counts = store.stats()
    if format is StatsFormat.json:
        typer.echo(json.dumps(counts, ensure_ascii=False))
        return
    width = max(map(len, counts))
    for key, value in counts.items():
        typer.echo(f"{key:<{width}}  {value:>8d}")


EXPORT = group("export", default="graph", help="Export the whole graph (`export graph`, the default: "
               "`honours export OUT --format ttl`) or an honour lineage (`export lineage`).")


@command("graph", on=EXPORT)
def export(
    out: Annotated[Path, typer.Argument(help="Output file (a directory for neo4j-csv).")],
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Export format.")],
    db: Db = None, neo4j: Neo4jUri = None, user: User = None, password: Password = None,
) -> None:
    """Export the whole graph: RDF (SHACL-validated), Gephi, neo4j-admin CSV or a Cypher script."""
    from graph.export import export_store

    with open_store(db=db, neo4j=neo4j, user=user, password=password, read_only=True) as store:
        written = export_store(store, format.value, out)
    typer.echo(f"wrote {written}")

