"""Files in, facts out: the whole extraction for a batch of documents.

>>> for item in extract_paths(["examples/jiangmen-may-day-2023-04-28.txt"]):  # doctest: +SKIP
...     print(len(item.facts))
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from extract.document import Skipped
from extract.extractor import extract_article
from extract.facts import ArticleInfo, DocumentFacts
from extract.nlp import get_nlp
from extract.read import ReadDocument, read_paths
from honours.errors import HonoursError


def document_facts(read: ReadDocument) -> DocumentFacts:
    """Every fact of one read document, with its articles' metadata."""
    nlp = get_nlp()
    out = DocumentFacts(read.source.path, DocumentFacts.checksum_of(read.source.text))
    for a in read.articles:
        out.articles.append(ArticleInfo(a.index, a.title, a.date.value, a.date.precision,
                                        a.byline, a.source, a.page, a.start, a.end))
        out.facts.extend(extract_article(a, doc_text=read.source.text, nlp=nlp))
    return out


def extract_paths(paths: Iterable[str], *, workers: int = 1) -> Iterator[DocumentFacts | Skipped]:
    """Facts of each document named (folders recursively), or why it was skipped."""
    for item in read_paths(paths):
        if isinstance(item, Skipped):
            yield item
            continue
        try:
            yield document_facts(item)
        except HonoursError as exc:
            yield Skipped(item.source.path, exc.message)
        except Exception as exc:  # a defect in a reader must not stop the batch
            yield Skipped(item.source.path, f"extraction failed ({type(exc).__name__}: {exc})")
