"""`honours ingest` when the store refuses one document of a batch: the others are stored, the refused
one is reported as skipped with the store's message, the run goes on and exits with code 1."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from graph import samples
from graph.ladybug_store import LadybugStore
from honours.cli import app

TOO_BIG = 2 ** 63  # an evidence offset no INT64 column holds: LadybugDB refuses the write


def facts_with_one_refused(path: Path) -> list:
    """A facts file of several documents, one of whose facts has an offset the store refuses."""
    docs = [samples.award_news(), samples.follow_up(), samples.model_worker_profile("news/bad.txt"),
            samples.unrelated_li_ming(), samples.tricky_names()]
    lines = [json.loads(line) for line in samples.to_jsonl(docs).splitlines()]
    bad = next(line for line in lines if line["evidence"]["doc"] == "news/bad.txt")
    bad["evidence"]["start"] = TOO_BIG
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    return docs


def test_ingest_refused_document_is_skipped_and_the_rest_of_its_batch_stored(tmp_path: Path):
    facts, db = tmp_path / "facts.jsonl", tmp_path / "db"
    docs = facts_with_one_refused(facts)
    result = CliRunner().invoke(app, ["ingest", "--facts", str(facts), "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert "4 documents stored, 0 already stored, 1 skipped" in result.output
    assert "skipped news/bad.txt: the store refused it: [E500] storing news/bad.txt" in result.output
    assert "Traceback" not in result.output
    with LadybugStore(db, read_only=True) as store:
        paths = {d["path"] for d in store.nodes("Document")}
    assert paths == {d.doc for d in docs} - {"news/bad.txt"}
    again = CliRunner().invoke(app, ["ingest", "--facts", str(facts), "--db", str(db)])
    assert again.exit_code == 1 and "0 documents stored, 4 already stored, 1 skipped" in again.output


def test_ingest_store_unavailable_still_stops_the_run(tmp_path: Path):
    facts, db = tmp_path / "facts.jsonl", tmp_path / "db"
    facts_with_one_refused(facts)
    with LadybugStore(db):  # another writer holds the store
        result = CliRunner().invoke(app, ["ingest", "--facts", str(facts), "--db", str(db)],
                                    env={"HONOURS_LOCK_TIMEOUT": "0.2"})
    assert result.exit_code == 2 and "being written by another process" in result.output
