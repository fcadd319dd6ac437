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


def fastest(text: str, first: Callable, second: Callable, rounds: int) -> tuple[float, float]:
    """The best time of each of two functions on ``text``, called alternately ``rounds`` times."""
    times = [(seconds(lambda: first(text)), seconds(lambda: second(text))) for _ in range(rounds)]
    return min(a for a, _ in times), min(b for _, b in times)


def benchmark_lac(texts: Sequence[str], *, nlp: Language | None = None, rounds: int = 5) -> dict:
    """Chars per second of ``nlp.pipe`` and of raw ``LAC().run`` over the same texts.

    Both use the same loaded model and are warmed up first. Each text is timed ``rounds``
    times, the two alternating, and its fastest time counts: on a shared machine that is the
    least disturbed one. ``ratio`` is pipeline throughput / raw LAC throughput.
    """
    nlp = nlp or get_nlp()
    lac = lac_engine().lac
    sample = [text[:500] for text in texts[:3]]
    lac.run(sample), list(nlp.pipe(sample))  # warm-up
    raw, pipe = zip(*(fastest(text, lac.run, lambda t: list(nlp.pipe([t])), rounds) for text in texts))
    chars = sum(map(len, texts))
    return {
        "texts": len(texts),
        "chars": chars,
        "lac_chars_per_s": chars / sum(raw),
        "nlp_chars_per_s": chars / sum(pipe),
        "ratio": sum(raw) / sum(pipe),
    }


def main(paths: Sequence[str]) -> None:
    """Print the benchmark over the given text files."""
    texts = [Path(path).read_text(encoding="utf-8") for path in paths]
    for key, value in benchmark_lac(texts).items():
        print(f"{key}: {value:,.2f}" if isinstance(value, float) else f"{key}: {value}")


if __name__ == "__main__":
    main(sys.argv[1:])
