"""``honours curate``: merge, split, reject and rename, kept in a log that every ingest re-applies."""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from graph import open_store
from honours.cli import command, group
from honours.commands.graph import Db, Neo4jUri, Password, User

CURATE = group("curate", help="Correct the graph by hand: merge, split, reject, rename. Decisions are "
                              "kept apart from extracted data and re-applied on every ingest.")
Note = Annotated[str, typer.Option("--note", help="Why: kept with the decision.")]


class LogFormat(str, Enum):
    table = "table"
    json = "json"


def _decide(prepare: Callable[..., Any], args: tuple, note: str, db: Path | None, neo4j: str | None,
            user: str | None, password: str | None) -> None:
    """Open the store for writing, check the decision, log it and apply it; one line saying what was done."""
    from graph.curation import log_for
    from graph.curation_store import curate

    with open_store(db=db, neo4j=neo4j, user=user, password=password) as store:
        decision = curate(store, prepare(store, *args, note=note))
        typer.echo(f"{decision.describe()}: done, logged in {log_for(store).path}")
    if decision.kind == "split":
        typer.echo("facts that other documents also state stay with the original person")


@command("merge", on=CURATE)
def merge(keep: Annotated[str, typer.Argument(help="Id of the entity kept.")],
          other: Annotated[str, typer.Argument(help="Id of the entity merged into it (then removed).")],
          note: Note = "", db: Db = None, neo4j: Neo4jUri = None, user: User = None, password: Password = None) -> None:
    """Merge two entities of one class: OTHER's mentions and facts move to KEEP; OTHER's name becomes an alias."""
    from graph.curation_store import prepare_merge

    _decide(prepare_merge, (keep.strip(), other.strip()), note, db, neo4j, user, password)


@command("split", on=CURATE)
def split(person: Annotated[str, typer.Argument(help="Id of the person a document was wrongly linked to.")],
          document: Annotated[str, typer.Option("--document", help="The document: checksum, path or file name.")],
          name: Annotated[str, typer.Option("--name", help="The name as the document writes it.")],
          note: Note = "", db: Db = None, neo4j: Neo4jUri = None, user: User = None, password: Password = None) -> None:
    """Undo a wrong identity link: PERSON's mentions in one document become a person of their own."""
    from graph.curation_store import prepare_split

    _decide(prepare_split, (person.strip(), document.strip(), name.strip()), note, db, neo4j, user, password)


@command("reject", on=CURATE)
def reject(fact: Annotated[str, typer.Argument(help="Id of an award, position, mentorship, studio or event.")],
           note: Note = "", db: Db = None, neo4j: Neo4jUri = None, user: User = None, password: Password = None) -> None:
    """Reject a wrongly extracted fact: it and its edges are removed, and stay out on re-ingest."""
    from graph.curation_store import prepare_reject

    _decide(prepare_reject, (fact.strip(),), note, db, neo4j, user, password)


@command("rename", on=CURATE)
def rename(entity: Annotated[str, typer.Argument(help="Id of the entity.")],
           name: Annotated[str, typer.Argument(help="Its canonical name.")],
           note: Note = "", db: Db = None, neo4j: Neo4jUri = None, user: User = None, password: Password = None) -> None:
    """Set an entity's canonical name (kept over the name extraction gives)."""
    from graph.curation_store import prepare_rename

    _decide(prepare_rename, (entity.strip(), name), note, db, neo4j, user, password)


@command("list", on=CURATE)
def list_(db: Db = None, neo4j: Neo4jUri = None,
          format: Annotated[LogFormat, typer.Option("--format", "-f", help="Output format.")] = LogFormat.table) -> None:
    """The decisions in the order made (the store itself is not opened)."""
    from graph.curation import CurationLog, log_path
    from graph.ladybug_store import default_directory

    uri = neo4j or (None if db else os.environ.get("NEO4J_URI"))
    log = CurationLog(log_path(uri, embedded=False) if uri else log_path(str(db or default_directory()), embedded=True))
    decisions = log.decisions()
    if format is LogFormat.json:
        typer.echo(json.dumps([d.to_json() for d in decisions], ensure_ascii=False, indent=1))
        return
    if not decisions:
        typer.echo(f"no curation decisions in {log.path}")
        return
    for number, d in enumerate(decisions, 1):
        note = f" — {d.note}" if d.note else ""
        typer.echo(f"{number:>3}  {d.when}  {d.who}  {d.describe()}{note}")
