"""Files in, facts out: the whole extraction for a batch of documents.

>>> for item in extract_paths(["examples/jiangmen-may-day-2023-04-28.txt"]):  # doctest: +SKIP
...     print(len(item.facts))
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from extract.document import Skipped
from extract.extractor import article_doc
from extract.facts import ArticleInfo, DocumentFacts
from extract.nlp import get_nlp
from extract.read import ReadDocument, expand_paths, read_document
from honours.errors import HonoursError


def document_facts(read: ReadDocument) -> DocumentFacts:
    """Every fact of one read document, with its articles' metadata."""
    nlp = get_nlp()
    out = DocumentFacts(read.source.path, DocumentFacts.checksum_of(read.source.text))
    out.articles = [ArticleInfo(a.index, a.title, a.date.value, a.date.precision, a.byline, a.source,
                                a.page, a.start, a.end) for a in read.articles]
    docs = (article_doc(a, nlp, doc_text=read.source.text) for a in read.articles)
    for doc in nlp.pipe(docs):
        out.facts.extend(doc._.facts)
    return out


def extract_file(path: Path, shown: str) -> DocumentFacts | Skipped:
    """The facts of one file, or why it was skipped; never raises for a bad document."""
    try:
        return document_facts(read_document(path, shown))
    except HonoursError as exc:
        return Skipped(shown, exc.message)
    except Exception as exc:  # a defect in a reader must not stop the batch
        return Skipped(shown, f"extraction failed ({type(exc).__name__}: {exc})")


def _extract_pair(pair: tuple[Path, str]) -> DocumentFacts | Skipped:
    return extract_file(*pair)


def extract_paths(paths: Iterable[str], *, workers: int = 1) -> Iterator[DocumentFacts | Skipped]:
    """Facts of each document named (folders recursively), or why it was skipped.

    With ``workers`` > 1, documents are extracted in that many processes (each loads
    the model once); results come back in the order of the files.
    """
    files = list(expand_paths(paths))
    if workers <= 1 or len(files) <= 1:
        yield from (extract_file(path, shown) for path, shown in files)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_extract_pair, files)
