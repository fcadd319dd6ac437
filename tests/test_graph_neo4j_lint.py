"""Every Cypher statement the Neo4j store can send passes Neo4j's own parser (no server needed).

The parser is the npm package @neo4j-cypher/language-support, pinned in tests/neo4j_lint/;
it is installed with ``npm ci`` the first time this test runs.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from graph import samples
from graph.export import cypher_script
from graph.ladybug_store import LadybugStore
from graph.neo4j_store import STATEMENTS
from ontology.schema import load_ontology

LINT_DIR = Path(__file__).resolve().parent / "neo4j_lint"
EXAMPLE_PARAMS = {"rows": [], "names": [], "orgs": [], "ids": [], "id": ""}


@pytest.fixture(scope="module")
def lint():
    """A function linting {name: cypher} with Neo4j's parser, returning {name: diagnostics}."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.skip("node/npm are not installed: cannot run Neo4j's Cypher parser")
    if not (LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support").exists():
        done = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=LINT_DIR,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, f"npm ci failed in {LINT_DIR}:\n{done.stderr[-2000:]}"
    onto = load_ontology()
    schema = {"labels": [c.name for c in onto.tables()], "relationshipTypes": list(onto.relations)}

    def run(statements: dict[str, str]) -> dict[str, list[dict]]:
        params = {n: EXAMPLE_PARAMS.get(n, "") for s in statements.values() for n in re.findall(r"\$(\w+)", s)}
        payload = json.dumps({"statements": statements, "schema": schema | {"parameters": params}})
        done = subprocess.run(["node", "lint.mjs"], cwd=LINT_DIR, input=payload, capture_output=True,
                              text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        return json.loads(done.stdout)

    return run


def test_neo4j_lint_catches_a_broken_statement(lint):
    result = lint({"bad": "MATCH (n:Person RETURN n", "typo": "MATCH (n:Persn) RETURN n"})
    assert result["bad"][0]["severity"] == "error"
    assert "Persn" in result["typo"][0]["message"]


def test_neo4j_lint_every_store_statement_passes(lint):
    assert len(STATEMENTS) > 50
    problems = {name: diags for name, diags in lint(STATEMENTS).items() if diags}
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)


def test_neo4j_lint_exported_cypher_script_passes(lint, tmp_path: Path):
    with LadybugStore(tmp_path / "db") as store:
        store.upsert(samples.award_news())
        store.upsert(samples.tricky_names())
        script = cypher_script(store)
    statements = {f"line {i}": s for i, s in enumerate(script.splitlines()) if s.strip()}
    problems = {name: diags for name, diags in lint(statements).items() if diags}
    assert not problems, json.dumps(problems, ensure_ascii=False, indent=1)
