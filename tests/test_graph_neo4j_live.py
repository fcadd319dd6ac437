"""The ingest/query cycle against a live Neo4j 5: runs only when NEO4J_URI is set.

    NEO4J_URI=bolt://localhost:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=secret pytest -m neo4j

The database is emptied first: point it at a scratch database.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph import samples
from graph.testing import make_store
from honours.cli import app
from honours.errors import StoreUnavailable

pytestmark = [pytest.mark.neo4j,
              pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="NEO4J_URI is not set")]


def test_neo4j_live_ingest_twice_then_query(tmp_path: Path):
    make_store("neo4j", tmp_path).close()  # empties the database
    facts = tmp_path / "facts.jsonl"
    facts.write_text(samples.to_jsonl([samples.award_news(), samples.follow_up(), samples.tricky_names()]),
                     encoding="utf-8")
    runner = CliRunner()
    uri = os.environ["NEO4J_URI"]
    for expected in ("3 documents stored", "0 documents stored"):
        result = runner.invoke(app, ["ingest", "--facts", str(facts), "--neo4j", uri])
        assert result.exit_code == 0 and expected in result.output, result.output
    result = runner.invoke(app, ["stats", "--neo4j", uri, "--format", "json"])
    assert '"award": 2' in result.output
    with _open(uri) as store:
        rows = store.query("MATCH (p:Person) WHERE p.name = $n RETURN p.aliases", {"n": "张振飏"}).rows
        assert rows == [[["张振飚"]]]


def _open(uri: str):
    from graph.neo4j_store import Neo4jStore

    return Neo4jStore(uri, os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""))


def test_neo4j_live_wrong_password_is_a_clear_error():
    from graph.neo4j_store import Neo4jStore

    with pytest.raises(StoreUnavailable, match="credentials|refused"):
        Neo4jStore(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USER", "neo4j"), "certainly-wrong-password")
