"""Query latency at scale: synthetic graphs of growing size, the same queries timed on each.

Three core queries are always timed (a person's profile by id, their honours in time order,
their 1-hop neighbourhood); every named query of ``queries.registry`` is timed too when that
module exists. Parameters come from the stored graph: persons are sampled with a fixed seed.
"""
from __future__ import annotations

import math
import random
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from graph.batch import timed_batches
from graph.ladybug_store import LadybugStore
from graph.store import GraphStore
from honours.bench.synthetic import synthetic_documents

CORE_QUERIES = {
    "core.person_profile": (
        "MATCH (p:Person) WHERE p.id = $id "
        "OPTIONAL MATCH (p)<-[:HOLDER]-(s:Position)-[:IN_ORGANISATION]->(o:Organisation) "
        "RETURN p.name AS name, p.aliases AS aliases, collect(o.name) AS organisations, "
        "collect(s.title) AS titles"),
    "core.person_honours": (
        "MATCH (p:Person)<-[:RECIPIENT]-(a:Award)-[:FOR_HONOUR]->(h:Honour) WHERE p.id = $id "
        "RETURN h.name AS honour, a.year AS year ORDER BY a.year, h.name"),
    "core.neighbourhood": (
        "MATCH (p:Person)-[r]-(n) WHERE p.id = $id "
        "RETURN label(r) AS rel, label(n) AS label, n.id AS id LIMIT 500"),
}

SAMPLE_ROWS = 200_000  # awards to sample persons from (all of them up to a few 100k statements)
STATEMENTS_PER_DOC = 2000  # large documents: the store writes them through its bulk path (LOAD FROM Arrow)
LOAD_BATCH = 8  # documents per transaction (upsert_many): 16 000 statements
Runner = Callable[[GraphStore, dict[str, Any]], object]


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q`` quantile (0…1) of ``values``, nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def sample_params(store: GraphStore, *, count: int, seed: int = 7) -> list[dict[str, Any]]:
    """``count`` samples of a stored person's award: person id and name, honour, organisation, year, another person."""
    rows = store.query(
        "MATCH (p:Person)<-[:RECIPIENT]-(a:Award)-[:FOR_HONOUR]->(h:Honour) "
        "OPTIONAL MATCH (a)-[:RECIPIENT_ORG]->(o:Organisation) "
        "RETURN p.id AS id, p.name AS name, h.id AS honour_id, h.name AS honour, a.year AS year, "
        "o.id AS org_id, o.name AS organisation", limit=SAMPLE_ROWS, timeout=300).records()
    rng = random.Random(seed)
    if not rows:
        return []
    return [rng.choice(rows) | {"other_id": rng.choice(rows)["id"]} for _ in range(count)]


def time_query(store: GraphStore, run: Runner, params: Sequence[dict[str, Any]]) -> dict[str, float]:
    """p50 and p95 milliseconds of ``run`` over each parameter set (after one warm-up call)."""
    run(store, params[0])
    times = []
    for p in params:
        start = time.perf_counter()
        run(store, p)
        times.append((time.perf_counter() - start) * 1000)
    return {"p50_ms": percentile(times, 0.5), "p95_ms": percentile(times, 0.95)}


def _core_runner(cypher: str) -> Runner:
    return lambda store, params: store.query(cypher, {"id": params["id"]})


def named_runners() -> dict[str, Runner]:
    """Every query to time: the core ones, and the registry's named queries when it exists."""
    runners = {name: _core_runner(text) for name, text in CORE_QUERIES.items()}
    try:
        from queries.registry import load_queries, run_query
    except ImportError:
        return runners
    for name, query in load_queries().items():
        required = [p for p in query.params if p not in query.defaults]  # the others keep their defaults
        runners[name] = _registry_runner(run_query, name, required)
    return runners


def _registry_runner(run_query: Callable, name: str, params: list[str]) -> Runner:
    return lambda store, sample: run_query(store, name, {p: param_value(p, sample) for p in params})


def param_value(param: str, sample: dict[str, Any]) -> Any:
    """A value for a named query's parameter, chosen by its name from a sampled person's context."""
    key = param.lower()
    if key.endswith("_b"):
        return sample["other_id"]
    if "honour" in key:
        return sample["honour"]
    if "organisation" in key or "union" in key:
        return sample["organisation"] or "广东省总工会"
    if key == "year":
        return sample["year"]
    if key.startswith("date"):
        return f"{sample['year']}-12-31" if key.endswith("to") else f"{sample['year']}-01-01"
    return sample["id"]  # person, entity, person_a …: the sampled person, by id


def growth_exponent(n1: int, t1: float, n2: int, t2: float) -> float:
    """How time grows with size between two scales: log(t2/t1) / log(n2/n1) (1 = linear, 0 = flat)."""
    return math.log(t2 / t1) / math.log(n2 / n1) if t1 > 0 and t2 > 0 and n2 != n1 else float("nan")


def measure_scale(statements: int, *, directory: Path, repeats: int, seed: int = 7,
                  progress: Callable[[str], None] = lambda _: None) -> dict[str, Any]:
    """Load a synthetic graph of ``statements`` statements, then time every query ``repeats`` times."""
    total = math.ceil(statements / STATEMENTS_PER_DOC)
    with LadybugStore(directory / f"scale-{statements}") as store:
        start = time.perf_counter()
        docs = synthetic_documents(statements, seed=seed, statements_per_doc=STATEMENTS_PER_DOC)
        loaded = 0
        for batch in timed_batches(docs, size=LOAD_BATCH, seconds=float("inf")):
            store.upsert_many(batch)
            loaded += len(batch)
            progress(f"  loaded {loaded}/{total} documents ({time.perf_counter() - start:.0f} s)")
        load = time.perf_counter() - start
        params = sample_params(store, count=repeats, seed=seed)
        timings, errors = {}, {}
        for name, run in named_runners().items():
            try:
                timings[name] = time_query(store, run, params)
            except Exception as exc:  # a named query this benchmark cannot fill in is reported, not fatal
                errors[name] = f"{type(exc).__name__}: {exc}"[:200]
        stats = store.stats()
    return {"statements": statements, "load_s": load, "stats": stats, "queries": timings, "errors": errors}


def query_table(scales: list[dict[str, Any]]) -> tuple[dict[str, dict[str, dict[str, float]]], dict[str, dict[str, float]]]:
    """``{name: {scale: {p50_ms, p95_ms}}}`` and growth exponents of p50 ``{name: {"n1→n2": exponent}}``."""
    queries: dict[str, dict[str, dict[str, float]]] = {}
    for scale in scales:
        for name, timing in scale["queries"].items():
            queries.setdefault(name, {})[str(scale["statements"])] = timing
    growth: dict[str, dict[str, float]] = {}
    for name, by_scale in queries.items():
        sizes = sorted(int(s) for s in by_scale)
        for a, b in zip(sizes, sizes[1:]):
            growth.setdefault(name, {})[f"{a}→{b}"] = growth_exponent(
                a, by_scale[str(a)]["p50_ms"], b, by_scale[str(b)]["p50_ms"])
    return queries, growth
