"""``honours export lineage`` (and its alias ``honours lineage``): honour lineages for articles.

One of ``--person``, ``--honour``, ``--studio``, ``--mentor`` names the subject; ``--format``
(md, csv, jsonld, svg; default from the ``-o`` file's suffix, else md) chooses the writer.
"""
from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from graph import open_store
from honours.cli import command
from honours.commands.graph import EXPORT, Db, Neo4jUri, Password, User
from honours.errors import HonoursError, QueryError


class LineageFormat(str, Enum):
    md = "md"
    csv = "csv"
    jsonld = "jsonld"
    svg = "svg"


SUFFIXES = {".md": "md", ".markdown": "md", ".csv": "csv", ".jsonld": "jsonld", ".json": "jsonld", ".svg": "svg"}


def _subject(options: dict[str, Optional[str]]) -> tuple[str, str]:
    """The one (kind, name) given; QueryError when none or several are."""
    given = [(kind, name) for kind, name in options.items() if name is not None]
    if len(given) != 1:
        raise QueryError("give exactly one of --person NAME, --honour NAME, --studio NAME or --mentor NAME")
    return given[0]


def _format(format: Optional[LineageFormat], out: Optional[Path]) -> str:
    """The chosen format, else the one the output file's suffix names, else Markdown."""
    if format is not None:
        return format.value
    return SUFFIXES.get(out.suffix.lower(), "md") if out is not None else "md"


Person = Annotated[Optional[str], typer.Option("--person", help="A person's honours in time order (name or id).")]
Honour = Annotated[Optional[str], typer.Option("--honour", help="An honour's recipients by year (name or id).")]
Studio = Annotated[Optional[str], typer.Option("--studio", help="A studio's leader, host and members (name or id).")]
Mentor = Annotated[Optional[str], typer.Option("--mentor", help="Master → apprentice generations around a person.")]
Format = Annotated[Optional[LineageFormat],
                   typer.Option("--format", "-f", help="md, csv, jsonld or svg (default: from -o's suffix, else md).")]
Out = Annotated[Optional[Path], typer.Option("--out", "-o", help="Write the export here (default: stdout).")]


@command("lineage", on=EXPORT)
@command("lineage")
def lineage(
    person: Person = None, honour: Honour = None, studio: Studio = None, mentor: Mentor = None,
    format: Format = None, out: Out = None,
    db: Db = None, neo4j: Neo4jUri = None, user: User = None, password: Password = None,
) -> None:
    """An honour lineage with cited sources: Markdown with footnotes, CSV, JSON-LD or an SVG timeline."""
    from queries.lineage import export_lineage

    kind, name = _subject({"person": person, "honour": honour, "studio": studio, "mentor": mentor})
    fmt = _format(format, out)
    with open_store(db=db, neo4j=neo4j, user=user, password=password, read_only=True) as store:
        text = export_lineage(store, kind, name, fmt)
    if out is None:
        typer.echo(text.rstrip("\n"))
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise HonoursError(f"cannot write {out}: {exc.strerror or exc}") from None
    typer.echo(f"wrote {out}")
