"""``honours query`` and ``honours cypher``: named queries and ad-hoc read-only Cypher (lineages: ``lineage.py``)."""
from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from graph import open_store
from graph.store import DEFAULT_LIMIT, DEFAULT_TIMEOUT
from honours.cli import command
from honours.commands.graph import Db, Neo4jUri, Password, User
from honours.errors import QueryError

Limit = Annotated[int, typer.Option("--limit", min=1, help="At most this many rows.")]
Timeout = Annotated[float, typer.Option("--timeout", min=0.1, help="Stop the query after this many seconds.")]


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


Format = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]


def parse_params(pairs: list[str]) -> dict[str, str]:
    """``k=v`` strings as a dict; QueryError naming a pair without '='."""
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise QueryError(f"--param {pair!r} is not of the form name=value")
        out[key.strip()] = value
    return out


def _listing() -> str:
    from queries.registry import load_queries

    lines = []
    for q in load_queries().values():
        lines.append(f"{q.name}  {q.title_zh} / {q.title_en}")
        lines.append(f"    params: {q.signature() or 'none'}")
    return "\n".join(lines)


@command("query")
def query(
    name: Annotated[Optional[str], typer.Argument(help="Named query (see --list).")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="A parameter: name=value (repeatable).")] = None,
    format: Format = OutputFormat.table,
    list_: Annotated[bool, typer.Option("--list", help="List the named queries and their parameters.")] = False,
    limit: Limit = DEFAULT_LIMIT, timeout: Timeout = DEFAULT_TIMEOUT,
    db: Db = None, neo4j: Neo4jUri = None, user: User = None, password: Password = None,
) -> None:
    """Run a named query with parameters, or list the named queries."""
    from queries.output import render
    from queries.registry import get_query, run_query

    if list_:
        typer.echo(_listing())
        return
    if not name:
        raise QueryError("name a query to run (honours query NAME), or list them with --list")
    params = get_query(name).bind(parse_params(param or []))  # bad input fails before opening the store
    with open_store(db=db, neo4j=neo4j, user=user, password=password, read_only=True) as store:
        result = run_query(store, name, params, limit=limit, timeout=timeout)
    typer.echo(render(result, format.value).rstrip("\n"))


@command("cypher")
def cypher(
    statement: Annotated[str, typer.Argument(help="A read-only Cypher query; $name parameters via --param.")],
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="A string parameter: name=value (repeatable).")] = None,
    format: Format = OutputFormat.table,
    limit: Limit = DEFAULT_LIMIT, timeout: Timeout = DEFAULT_TIMEOUT,
    db: Db = None, neo4j: Neo4jUri = None, user: User = None, password: Password = None,
) -> None:
    """Run ad-hoc Cypher read-only (writes are refused), with a row cap and a timeout."""
    from queries.adhoc import check_cypher, run_cypher
    from queries.output import render

    check_cypher(statement)  # refused before the store is opened
    with open_store(db=db, neo4j=neo4j, user=user, password=password, read_only=True) as store:
        result = run_cypher(store, statement, parse_params(param or []), limit=limit, timeout=timeout)
    typer.echo(render(result, format.value).rstrip("\n"))
