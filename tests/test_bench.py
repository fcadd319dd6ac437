"""``honours bench`` and its synthetic graphs: valid, deterministic, skewed; no timing is asserted."""
from __future__ import annotations

import json
import statistics
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.facts import FACT_TYPES
from graph.ladybug_store import LadybugStore
from honours.bench import statement_count, synthetic_documents
from honours.bench.queries import growth_exponent, param_value, percentile
from honours.bench.synthetic import union_names
from honours.cli import app
from ontology.organisations import NATIONAL_UNION, union_parent

REQUIRED_KEYS = ("extract_chars_per_s", "lac_chars_per_s", "load_facts_per_s", "copy_rows_per_s", "peak_rss_mb")


def _jsonl(docs: list) -> list:
    return [(d.doc, d.checksum, [f.to_json() for f in d.facts]) for d in docs]


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory):
    """A LadybugDB store holding a 600-statement synthetic graph, and its documents."""
    docs = list(synthetic_documents(600, seed=3, statements_per_doc=150))
    with LadybugStore(tmp_path_factory.mktemp("bench") / "store") as store:
        for doc in docs:
            assert store.upsert(doc)
        yield store, docs


def test_synthetic_documents_deterministic() -> None:
    first = _jsonl(list(synthetic_documents(500, seed=11, statements_per_doc=100)))
    again = _jsonl(list(synthetic_documents(500, seed=11, statements_per_doc=100)))
    other = _jsonl(list(synthetic_documents(500, seed=12, statements_per_doc=100)))
    assert first == again
    assert first != other


def test_synthetic_documents_exact_statement_count() -> None:
    docs = list(synthetic_documents(1234, seed=5, statements_per_doc=100))
    assert sum(statement_count(d) for d in docs) == 1234
    assert len(docs) == 13
    assert len({d.checksum for d in docs}) == len(docs)


def test_synthetic_documents_valid_facts() -> None:
    for doc in synthetic_documents(400, seed=2, statements_per_doc=100):
        assert doc.articles and doc.articles[0].date
        for fact in doc.facts:
            assert fact.type in FACT_TYPES
            assert fact.evidence.doc == doc.doc
            assert fact.evidence.end - fact.evidence.start == len(fact.evidence.quote)
        kinds = {f.type for f in doc.facts}
        assert {"award", "position"} <= kinds


def test_synthetic_documents_ingestable(small_store) -> None:
    store, docs = small_store
    stats = store.stats()
    awards = sum(f.type == "award" for d in docs for f in d.facts)
    assert stats["document"] == len(docs)
    assert 0.9 * awards <= stats["award"] <= awards
    assert stats["person"] > 50 and stats["position"] > 50 and stats["honour"] > 10
    assert not any(store.upsert(doc) for doc in docs)  # the idempotent path


def test_synthetic_people_hold_several_honours_over_years() -> None:
    years: dict[str, set[int]] = {}
    for doc in synthetic_documents(3000, seed=4):
        for fact in doc.facts:
            if fact.type == "award" and fact.fields["recipient_kind"] == "person":
                years.setdefault(fact.fields["recipient"], set()).add(fact.fields["year"])
    assert sum(len(y) >= 3 for y in years.values()) > 50


def test_synthetic_honours_zipf_skew() -> None:
    counts = Counter(f.fields["honour"] for d in synthetic_documents(5000, seed=9)
                     for f in d.facts if f.type == "award")
    values = sorted(counts.values())
    assert values[-1] >= 8 * statistics.median(values)
    employers = Counter(f.fields["organisation"] for d in synthetic_documents(5000, seed=9)
                        for f in d.facts if f.type == "position")
    assert employers.most_common(1)[0][1] >= 8 * statistics.median(employers.values())


def test_synthetic_union_hierarchy_chains_to_national() -> None:
    for name in union_names():
        chain = [name]
        while (parent := union_parent(chain[-1])) is not None:
            chain.append(parent)
        assert chain[-1] == NATIONAL_UNION, chain
    assert any(name.endswith("区总工会") for name in union_names())


def test_synthetic_union_hierarchy_stored(small_store) -> None:
    store, _ = small_store
    rows = store.query("MATCH (d:Organisation)-[:PART_OF*3..3]->(n:Organisation) "
                       "WHERE d.name ENDS WITH '区总工会' RETURN DISTINCT n.name AS top").records()
    assert rows == [{"top": NATIONAL_UNION}]


def test_bench_growth_exponent_and_percentile() -> None:
    assert growth_exponent(1000, 2.0, 10000, 20.0) == pytest.approx(1.0)
    assert growth_exponent(1000, 2.0, 10000, 2.0) == pytest.approx(0.0)
    assert percentile([5, 1, 3, 2, 4], 0.5) == 3
    assert percentile(list(range(1, 101)), 0.95) == 95


def test_bench_param_value_by_name() -> None:
    sample = {"id": "person-1", "name": "王伟", "other_id": "person-2", "honour": "广东省劳动模范",
              "organisation": None, "year": 2020}
    assert param_value("person", sample) == "person-1"
    assert param_value("person_b", sample) == "person-2"
    assert param_value("honour", sample) == "广东省劳动模范"
    assert param_value("organisation", sample) == "广东省总工会"
    assert param_value("date_to", sample) == "2020-12-31"


def test_bench_cli_rejects_bad_scales() -> None:
    result = CliRunner().invoke(app, ["bench", "--quick", "--scales", "many"])
    assert result.exit_code == 2
    assert "--scales" in result.stderr


@pytest.mark.slow
def test_bench_cli_quick_json() -> None:
    result = CliRunner().invoke(app, ["bench", "--quick", "--json", "--scales", "200,1000", "--repeats", "3",
                                      "--load-statements", "60"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    for key in REQUIRED_KEYS:
        assert out[key] > 0, key
    assert {"core.person_profile", "core.person_honours", "core.neighbourhood"} <= set(out["queries"])
    for name, by_scale in out["queries"].items():
        assert set(by_scale) == {"200", "1000"}, name
        assert all(t["p50_ms"] > 0 and t["p95_ms"] >= t["p50_ms"] for t in by_scale.values()), name
    assert out["query_errors"] == {}
    assert "queries: 1,000-statement" in result.stderr
    assert {"first_render", "search", "profile", "network", "timeline"} <= set(out["app_render_s"])


def test_bench_measure_loading_copies_the_stored_rows(tmp_path: Path) -> None:
    from graph.samples import many_documents
    from honours.bench.loading import measure_loading

    result = measure_loading(many_documents(6), directory=tmp_path)
    assert result["load_documents"] == 6 and result["load_facts"] == 12
    assert result["stored_rows"] > 12
    assert all(result[key] > 0 for key in ("load_facts_per_s", "reload_facts_per_s", "copy_rows_per_s"))


def test_bench_format_report_table() -> None:
    from honours.bench import format_report

    timing = {"p50_ms": 1.5, "p95_ms": 2.5}
    result = {"corpus_files": ["a.txt"], "extract_chars": 1000, "extract_chars_per_s": 9000.0,
              "lac_chars_per_s": 10000.0, "extract_vs_lac": 0.9, "extract_peak_rss_mb": 600.0,
              "workers": 2, "workers_speedup": 1.6, "load_facts": 100, "load_documents": 4,
              "stored_rows": 900, "load_facts_per_s": 200.0, "load_rows_per_s": 1800.0,
              "reload_facts_per_s": 90000.0, "copy_rows_per_s": 9000.0, "copy_facts_per_s": 1000.0,
              "load_vs_copy": 0.2, "queries": {"core.person_profile": {"200": timing, "1000": timing}},
              "query_growth": {"core.person_profile": {"200→1000": 0.0}},
              "scales": {"200": {"load_s": 0.5, "statements_per_s": 400.0, "stats": {"person": 60}},
                         "1000": {"load_s": 1.0, "statements_per_s": 1000.0, "stats": {"person": 300}}},
              "query_errors": {}, "peak_rss_mb": 1200.0, "elapsed_s": 30.0}
    text = format_report(result)
    assert "pipeline / LAC" in text and "2 workers vs 1" in text
    assert "core.person_profile" in text and "1.50/2.50" in text


def test_bench_format_report_app_views() -> None:
    from honours.bench import format_report

    timing = {"p50_ms": 1.5, "p95_ms": 2.5}
    result = {"corpus_files": ["a.txt"], "extract_chars": 1000, "extract_chars_per_s": 9000.0,
              "lac_chars_per_s": 10000.0, "extract_vs_lac": 0.9, "extract_peak_rss_mb": 600.0,
              "load_facts": 100, "load_documents": 4, "stored_rows": 900, "load_facts_per_s": 200.0,
              "load_rows_per_s": 1800.0, "reload_facts_per_s": 90000.0, "copy_rows_per_s": 9000.0,
              "copy_facts_per_s": 1000.0, "load_vs_copy": 0.2, "queries": {"core.person_profile": {"200": timing}},
              "query_growth": {}, "scales": {"200": {"load_s": 0.5, "statements_per_s": 400.0, "stats": {}}},
              "query_errors": {}, "peak_rss_mb": 1200.0, "elapsed_s": 30.0}
    assert "App (" not in format_report(result)
    text = format_report(result | {"app_render_s": {"first_render": 2.14, "timeline": 0.113}})
    assert "App (founding corpus" in text and "first_render 2.14  timeline 0.11" in text
