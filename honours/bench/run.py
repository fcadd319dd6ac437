"""The whole benchmark: extraction, loading and queries at scale, as one flat result dict."""
from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from honours.bench.app import corpus_store, measure_app
from honours.bench.extraction import CORPUS, corpus_paths, measure_extraction, measure_workers, peak_rss_mb
from honours.bench.loading import measure_loading
from honours.bench.queries import measure_scale, query_table
from honours.bench.synthetic import synthetic_documents

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BenchOptions:
    """What to measure and how hard: the quick profile runs in well under two minutes."""

    scales: tuple[int, ...] = (10_000, 100_000, 1_000_000)
    repeats: int = 100  # timed calls of each query at each scale
    rounds: int = 3  # timed passes of each corpus text
    load_statements: int = 5_000  # statements of the loading benchmark, in news-sized documents
    statements_per_news: int = 25
    workers: int = 1
    seed: int = 7
    app: bool = True  # time the app's views on a store of the founding corpus (about 20 s)


QUICK = BenchOptions(scales=(1_000, 10_000), repeats=30, rounds=1, load_statements=1_000)
FULL = BenchOptions()


def run_bench(options: BenchOptions, *, progress: Progress = lambda _: None) -> dict[str, Any]:
    """Measure everything ``options`` asks for; keys are stable (see ``honours bench --json``)."""
    started = time.perf_counter()
    paths = corpus_paths()
    progress(f"extraction: nlp.pipe vs raw LAC over {len(paths)} corpus files, {options.rounds} round(s)")
    out: dict[str, Any] = {"corpus_files": [p.name for p in paths]}
    out |= measure_extraction(paths, rounds=options.rounds)
    if options.workers > 1:
        progress(f"extraction: whole pipeline on 1 and {options.workers} worker processes")
        out |= measure_workers(paths, workers=options.workers)
    with tempfile.TemporaryDirectory(prefix="honours-bench-") as tmp:
        progress(f"loading: {options.load_statements:,} statements in news-sized documents, upsert vs COPY")
        news = list(synthetic_documents(options.load_statements, seed=options.seed,
                                        statements_per_doc=options.statements_per_news))
        out |= measure_loading(news, directory=Path(tmp) / "loading")
        scales = []
        for n in options.scales:
            progress(f"queries: {n:,}-statement synthetic graph, {options.repeats} calls per query")
            scales.append(measure_scale(n, directory=Path(tmp), repeats=options.repeats, seed=options.seed,
                                        progress=progress))
        if options.app and paths and paths[0].parent == CORPUS:  # the views are timed on the founding corpus
            progress("app: the founding corpus stored, then the first render and each view with AppTest")
            out["app_render_s"] = measure_app(corpus_store(paths, Path(tmp) / "app"))
    out["queries"], out["query_growth"] = query_table(scales)
    out["scales"] = {str(s["statements"]): {"load_s": s["load_s"], "stats": s["stats"],
                                            "statements_per_s": s["statements"] / s["load_s"]}
                     for s in scales}
    out["query_errors"] = {name: error for s in scales for name, error in s["errors"].items()}
    out["peak_rss_mb"] = peak_rss_mb()
    out["elapsed_s"] = time.perf_counter() - started
    return out
