"""`honours ingest`, `stats` and `export` end to end, as a user runs them."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph import samples
from honours.cli import app

ROOT = Path(__file__).resolve().parents[1]
HONOURS = [sys.executable, "-c", "from honours.cli import main; main()"]


def honours(*args: str, env: dict[str, str] | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(HONOURS + list(args), capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})}, timeout=120, **kw)


@pytest.fixture
def facts_file(tmp_path: Path) -> Path:
    path = tmp_path / "facts.jsonl"
    docs = [samples.award_news(), samples.follow_up(), samples.unrelated_li_ming(), samples.tricky_names()]
    path.write_text(samples.to_jsonl(docs), encoding="utf-8")
    return path


def stats(db: Path) -> dict[str, int]:
    result = CliRunner().invoke(app, ["stats", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_ingest_twice_gives_identical_counts(tmp_path: Path, facts_file: Path):
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", "--facts", str(facts_file), "--db", str(tmp_path / "db")])
    assert first.exit_code == 0, first.output
    assert "4 documents stored" in first.output
    counts = stats(tmp_path / "db")
    second = runner.invoke(app, ["ingest", "--facts", str(facts_file), "--db", str(tmp_path / "db")])
    assert "0 documents stored, 4 already stored" in second.output
    assert stats(tmp_path / "db") == counts
    assert counts["document"] == 4 and counts["person"] == 7


def test_ingest_is_incremental(tmp_path: Path, facts_file: Path):
    runner = CliRunner()
    runner.invoke(app, ["ingest", "--facts", str(facts_file), "--db", str(tmp_path / "db")])
    before = stats(tmp_path / "db")
    more = tmp_path / "more.jsonl"
    more.write_text(samples.to_jsonl(samples.many_documents(2)), encoding="utf-8")
    result = runner.invoke(app, ["ingest", "--facts", str(facts_file), str(more), "--db", str(tmp_path / "db")])
    assert "2 documents stored, 4 already stored" in result.output
    after = stats(tmp_path / "db")
    assert after["document"] == before["document"] + 2 and after["award"] == before["award"] + 2


def test_ingest_reports_skipped_files_and_exits_non_zero(tmp_path: Path, facts_file: Path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    result = honours("ingest", "--facts", str(facts_file), str(bad), str(tmp_path / "missing.jsonl"),
                     "--db", str(tmp_path / "db"))
    assert result.returncode == 1
    assert f"skipped {bad}: line 1" in result.stderr and "missing.jsonl" in result.stderr
    assert stats(tmp_path / "db")["document"] == 4  # the good file is stored all the same


def test_ingest_stats_table_and_json(tmp_path: Path, facts_file: Path):
    CliRunner().invoke(app, ["ingest", "--facts", str(facts_file), "--db", str(tmp_path / "db")])
    table = CliRunner().invoke(app, ["stats", "--db", str(tmp_path / "db")])
    assert table.exit_code == 0 and "person" in table.output and "mentorship" in table.output
    assert set(stats(tmp_path / "db")) == {"document", "article", "person", "organisation", "honour",
                                           "award", "position", "studio", "mentorship", "event"}


def test_ingest_stats_without_store_is_a_clear_error(tmp_path: Path):
    result = honours("stats", "--db", str(tmp_path / "none"))
    assert result.returncode == 2 and "no store at" in result.stderr and "Traceback" not in result.stderr


def test_ingest_second_writer_gets_clear_message_after_timeout(tmp_path: Path, facts_file: Path):
    hold = ("import sys, time\nfrom graph.ladybug_store import LadybugStore\n"
            "s = LadybugStore(sys.argv[1]); print('ready', flush=True); time.sleep(30)\n")
    holder = subprocess.Popen([sys.executable, "-c", hold, str(tmp_path / "db")], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        result = honours("ingest", "--facts", str(facts_file), "--db", str(tmp_path / "db"),
                         env={"HONOURS_LOCK_TIMEOUT": "0.5"})
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 2
    assert "being written by another process" in result.stderr and "waited 0.5s" in result.stderr
    assert "Traceback" not in result.stderr


def test_ingest_killed_mid_run_then_completed_equals_clean_run(tmp_path: Path):
    facts = tmp_path / "many.jsonl"
    facts.write_text(samples.to_jsonl(samples.many_documents(40) + [samples.award_news()]), encoding="utf-8")
    proc = subprocess.Popen(HONOURS + ["ingest", "-v", "--facts", str(facts), "--db", str(tmp_path / "killed")],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "200"})
    stored = 0
    for line in proc.stdout:
        stored += line.startswith("stored ")
        if stored == 5:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the ingest finished before it could be killed"
    partial = stats(tmp_path / "killed")
    assert 5 <= partial["document"] < 41
    again = honours("ingest", "--facts", str(facts), "--db", str(tmp_path / "killed"))
    assert again.returncode == 0, again.stderr
    clean = honours("ingest", "--facts", str(facts), "--db", str(tmp_path / "clean"))
    assert clean.returncode == 0, clean.stderr
    assert stats(tmp_path / "killed") == stats(tmp_path / "clean")


def test_ingest_export_every_format(tmp_path: Path, facts_file: Path):
    runner = CliRunner()
    runner.invoke(app, ["ingest", "--facts", str(facts_file), "--db", str(tmp_path / "db")])
    for fmt, name in (("ttl", "g.ttl"), ("jsonld", "g.jsonld"), ("graphml", "g.graphml"),
                      ("gexf", "g.gexf"), ("cypher", "g.cypher"), ("neo4j-csv", "csv")):
        result = runner.invoke(app, ["export", "--format", fmt, str(tmp_path / name), "--db", str(tmp_path / "db")])
        assert result.exit_code == 0, result.output
        assert (tmp_path / name).exists()


def test_ingest_without_pipeline_or_facts_is_a_clear_error(tmp_path: Path, monkeypatch):
    monkeypatch.setitem(sys.modules, "extract.pipeline", None)
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "db")])
    assert result.exit_code == 2 and "--facts" in result.output


@pytest.mark.parametrize(("field", "value", "says"), [
    ("year", "二〇二〇", "'year' must be a whole number"),
    ("year", True, "'year' must be a whole number"),
    ("honour", {"name": "x"}, "'honour' must be text"),
])
def test_ingest_facts_with_wrongly_typed_fields_are_skipped_by_name(tmp_path: Path, field, value, says):
    from graph.facts_jsonl import read_facts_jsonl

    fact = {"type": "award", "recipient": "张三", "recipient_kind": "person", "honour": "全国劳动模范",
            "year": 2020, "evidence": {"doc": "a.txt", "start": 0, "end": 5, "quote": "张三获评"}}
    fact[field] = value
    path = tmp_path / "facts.jsonl"
    path.write_text(json.dumps(fact, ensure_ascii=False) + "\n", encoding="utf-8")
    (skipped,) = list(read_facts_jsonl([str(path)]))
    assert "line 1" in str(skipped) and says in str(skipped)
