"""Every named query's Neo4j text passes Neo4j's own Cypher parser (no server needed)."""
from __future__ import annotations

import json

from queries.registry import load_queries
from tests.test_graph_neo4j_lint import lint  # noqa: F401  (the module-scoped parser fixture)


def test_neo4j_lint_every_named_query_passes(lint):  # noqa: F811
    statements = {name: q.cypher_for("neo4j") for name, q in load_queries().items()}
    assert len(statements) >= 12
    problems = {name: diags for name, diags in lint(statements).items() if diags}
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)


def test_neo4j_lint_flags_a_ladybug_only_query(lint):  # noqa: F811
    # the LadybugDB text of shortest_connection uses SHORTEST and list_transform: Neo4j must need its variant
    ladybug = load_queries()["shortest_connection"].cypher_for("ladybug")
    assert lint({"ladybug": ladybug})["ladybug"]
