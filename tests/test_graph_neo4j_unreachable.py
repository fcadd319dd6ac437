"""The Neo4j store's errors without a server: unreachable, bad URI."""
from __future__ import annotations

import socket

import pytest
from typer.testing import CliRunner

from graph.neo4j_store import Neo4jStore
from honours.cli import app
from honours.errors import StoreUnavailable


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_neo4j_store_unreachable_server_is_a_clear_error():
    uri = f"bolt://127.0.0.1:{_free_port()}"
    with pytest.raises(StoreUnavailable, match=f"cannot reach Neo4j at {uri}"):
        Neo4jStore(uri, "neo4j", "x")


def test_neo4j_store_bad_uri_is_a_clear_error():
    with pytest.raises(StoreUnavailable, match="not supported"):
        Neo4jStore("nonsense://host", "neo4j", "x")


def test_neo4j_store_unreachable_via_cli_has_no_traceback():
    result = CliRunner().invoke(app, ["stats", "--neo4j", f"bolt://127.0.0.1:{_free_port()}"])
    assert result.exit_code == 2 and "cannot reach Neo4j" in result.output
