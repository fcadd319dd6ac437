"""Extraction speed: the spaCy pipeline vs raw LAC on the founding corpus, memory, and workers.

>>> result = measure_extraction(corpus_paths(), rounds=1)  # doctest: +SKIP
>>> result["extract_chars_per_s"] <= result["lac_chars_per_s"] * 2  # doctest: +SKIP
True
"""
from __future__ import annotations

import resource
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "examples"


def corpus_paths(*, corpus: Path = CORPUS, fallback: Path = EXAMPLES) -> list[Path]:
    """The founding corpus's text files, or the examples when the corpus is absent."""
    found = sorted(corpus.glob("*.txt")) if corpus.is_dir() else []
    return found or sorted(fallback.glob("*.txt"))


def peak_rss_mb() -> float:
    """The peak resident memory of this process so far, in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def measure_extraction(paths: Sequence[Path], *, rounds: int = 3, max_chars: int | None = None) -> dict[str, float]:
    """Chars/s of ``nlp.pipe`` and of raw LAC over the files' texts (first ``max_chars`` of each), and peak RSS."""
    from extract.speed import benchmark_lac

    texts = [path.read_text(encoding="utf-8")[:max_chars] for path in paths]
    result = benchmark_lac(texts, rounds=rounds)
    return {
        "extract_texts": result["texts"],
        "extract_chars": result["chars"],
        "extract_chars_per_s": result["nlp_chars_per_s"],
        "lac_chars_per_s": result["lac_chars_per_s"],
        "extract_vs_lac": result["ratio"],
        "extract_peak_rss_mb": peak_rss_mb(),
    }


def _extract_seconds(paths: Sequence[Path], workers: int) -> float:
    from extract.pipeline import extract_paths

    start = time.perf_counter()
    for _ in extract_paths([str(p) for p in paths], workers=workers):
        pass
    return time.perf_counter() - start


def measure_workers(paths: Sequence[Path], *, workers: int) -> dict[str, float]:
    """Seconds of the whole extraction (read, NLP, facts) on 1 and on ``workers`` processes, and the speed-up."""
    one = _extract_seconds(paths, 1)
    many = _extract_seconds(paths, workers)
    return {"workers": workers, "extract_1_worker_s": one, f"extract_{workers}_workers_s": many,
            "workers_speedup": one / many}
