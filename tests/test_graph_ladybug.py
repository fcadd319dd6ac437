"""The embedded store's faults: locking, permissions, read-only access, engine errors."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph import samples
from graph.ladybug_store import LadybugStore, map_error
from honours.errors import QueryError, StoreError, StoreUnavailable

HOLD = """
import sys, time
from graph.ladybug_store import LadybugStore
store = LadybugStore(sys.argv[1])
print("ready", flush=True)
time.sleep(float(sys.argv[2]))
store.close()
"""


@pytest.fixture
def writer(tmp_path: Path):
    """Another process holding the store open for writing."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path / "db"), "30"],
                            stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[1])
    assert proc.stdout.readline().strip() == "ready"
    yield tmp_path / "db"
    proc.kill()
    proc.wait()


def test_ladybug_store_second_writer_waits_then_fails_clearly(writer: Path):
    start = time.monotonic()
    with pytest.raises(StoreUnavailable, match="being written by another process") as info:
        LadybugStore(writer, lock_timeout=0.5)
    assert time.monotonic() - start >= 0.5
    assert str(writer) in str(info.value) and "waited 0.5s" in str(info.value)


def test_ladybug_store_reader_opens_while_another_process_writes(writer: Path):
    with LadybugStore(writer, read_only=True) as store:
        assert store.stats()["document"] == 0


def test_ladybug_store_second_writer_proceeds_when_lock_is_released(tmp_path: Path):
    first = LadybugStore(tmp_path / "db")
    first.upsert(samples.award_news())
    first.close()
    with LadybugStore(tmp_path / "db", lock_timeout=1) as second:
        assert second.stats()["document"] == 1


def test_ladybug_store_directory_under_a_file_is_reported(tmp_path: Path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreUnavailable, match="cannot create store directory"):
        LadybugStore(tmp_path / "file" / "db")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to any directory")
def test_ladybug_store_not_writable_directory_is_reported(tmp_path: Path):
    target = tmp_path / "ro"
    target.mkdir()
    target.chmod(0o500)
    try:
        with pytest.raises(StoreUnavailable, match="not writable"):
            LadybugStore(target)
    finally:
        target.chmod(0o700)


def test_ladybug_store_not_writable_directory_is_reported_even_as_root(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    with pytest.raises(StoreUnavailable, match=f"store directory {tmp_path / 'db'} is not writable"):
        LadybugStore(tmp_path / "db")


def test_ladybug_store_read_only_missing_store_says_what_to_do(tmp_path: Path):
    with pytest.raises(StoreUnavailable, match="run `honours ingest` first"):
        LadybugStore(tmp_path / "nothing", read_only=True)


def test_ladybug_store_read_only_refuses_upsert(tmp_path: Path):
    LadybugStore(tmp_path / "db").close()
    with LadybugStore(tmp_path / "db", read_only=True) as store:
        with pytest.raises(StoreUnavailable, match="read-only"):
            store.upsert(samples.award_news())


def test_ladybug_store_maps_engine_errors():
    assert isinstance(map_error(RuntimeError("Binder exception: Table Q does not exist."), "q"), QueryError)
    locked = map_error(RuntimeError("IO exception: Could not set lock on file : /x (Lock is held by PID 7)"), "open")
    assert isinstance(locked, StoreUnavailable) and "process 7" in str(locked)
    other = map_error(RuntimeError("Runtime exception: boom"), "storing a.txt")
    assert type(other) is StoreError and "storing a.txt" in str(other)


def test_ladybug_store_default_directory_is_under_user_data(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    with LadybugStore() as store:
        assert Path(store.location).is_relative_to(tmp_path)


def test_ladybug_store_arrow_bulk_path_matches_list_path(tmp_path: Path, monkeypatch):
    import graph.ladybug_store as module

    docs = [samples.award_news(), samples.follow_up(), samples.unrelated_li_ming(), samples.tricky_names()]
    results = []
    for threshold in (0, 10_000):  # every batch through LOAD FROM Arrow, then every one as a list
        monkeypatch.setattr(module, "BULK_ROWS", threshold)
        with LadybugStore(tmp_path / f"db{threshold}") as store:
            for doc in docs:
                store.upsert(doc)
            dump = sorted((e.rel, e.src, e.dst, tuple(sorted(map(str, e.props.items())))) for e in store.edges())
            results.append((store.stats(), sorted(map(str, store.nodes("Person"))), dump))
    assert results[0] == results[1]


def test_ladybug_store_large_document_uses_bulk_load(tmp_path: Path):
    big = samples.many_documents(300)
    doc = big[0]
    doc.facts = [f for d in big for f in d.facts]
    with LadybugStore(tmp_path / "db") as store:
        store.upsert(doc)
        assert store.stats()["award"] == 300 and store.stats()["person"] >= 300


def test_ladybug_store_schema_follows_ontology_changes(tmp_path: Path):
    import shutil

    from ontology.schema import ONTOLOGY_DIR, load_ontology

    with LadybugStore(tmp_path / "db") as store:
        store.upsert(samples.award_news())
    for part in ("classes", "relations"):
        shutil.copytree(ONTOLOGY_DIR / part, tmp_path / "onto" / part)
    person = tmp_path / "onto" / "classes" / "Person.yaml"
    person.write_text(person.read_text(encoding="utf-8") + "  birth_year: {type: int}\n", encoding="utf-8")
    (tmp_path / "onto" / "classes" / "Prize.yaml").write_text("name: Prize\nstats: prize\n", encoding="utf-8")
    (tmp_path / "onto" / "relations" / "WON.yaml").write_text("name: WON\nfrom: [Person]\nto: [Prize]\n")
    with LadybugStore(tmp_path / "db", ontology=load_ontology(tmp_path / "onto")) as store:
        assert store.stats()["prize"] == 0 and store.stats()["person"] == 3
        rows = store.query("MATCH (p:Person) RETURN p.birth_year").rows
        assert rows == [[None]] * 3


def test_buffer_pool_cap_from_the_environment(tmp_path, monkeypatch):
    from graph.ladybug_store import ENV_BUFFER_POOL, LadybugStore, buffer_pool_bytes
    from honours.errors import StoreUnavailable

    monkeypatch.setenv(ENV_BUFFER_POOL, "256")
    assert buffer_pool_bytes() == 256 * 1024 * 1024
    with LadybugStore(tmp_path / "store") as store:  # opens and works with the cap
        assert store.stats()["person"] == 0
    monkeypatch.setenv(ENV_BUFFER_POOL, "lots")
    with pytest.raises(StoreUnavailable, match="HONOURS_BUFFER_POOL_MB"):
        LadybugStore(tmp_path / "other")
