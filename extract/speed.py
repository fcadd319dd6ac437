"""Throughput of the spaCy pipeline against raw LAC (``LAC().run``), side by side.

Run on the founding corpus: ``python -m extract.speed ../shared/corpus/*.txt``.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from spacy.language import Language

from extract.nlp import get_nlp, lac_engine


def seconds(run: Callable[[], object]) -> float:
    """How long one call of ``run`` takes."""
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def benchmark_lac(texts: Sequence[str], *, nlp: Language | None = None, rounds: int = 3) -> dict:
    """Chars per second of ``nlp.pipe`` and of raw ``LAC().run`` over the same texts.

    Both use the same loaded model; each is warmed up first and timed ``rounds`` times,
    alternating, and the best round counts. ``ratio`` is pipeline / raw LAC.
    """
    nlp = nlp or get_nlp()
    lac = lac_engine().lac
    chars = sum(map(len, texts))
    sample = [text[:500] for text in texts[:3]]
    lac.run(sample), list(nlp.pipe(sample))  # warm-up
    raw = pipe = float("inf")
    for _ in range(rounds):
        raw = min(raw, seconds(lambda: [lac.run(text) for text in texts]))
        pipe = min(pipe, seconds(lambda: list(nlp.pipe(texts))))
    return {
        "texts": len(texts),
        "chars": chars,
        "lac_chars_per_s": chars / raw,
        "nlp_chars_per_s": chars / pipe,
        "ratio": raw / pipe,
    }


def main(paths: Sequence[str]) -> None:
    """Print the benchmark over the given text files."""
    texts = [Path(path).read_text(encoding="utf-8") for path in paths]
    for key, value in benchmark_lac(texts).items():
        print(f"{key}: {value:,.2f}" if isinstance(value, float) else f"{key}: {value}")


if __name__ == "__main__":
    main(sys.argv[1:])
