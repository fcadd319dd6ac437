"""Documents in, clean dated articles out: the first stage of the pipeline.

:func:`read_paths` takes files and folders as the user names them and yields, per
file, either its articles or a :class:`~extract.document.Skipped` line saying why
the file could not be used; one bad file never stops a batch.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from extract.articles import COLUMN, is_heading, split_articles
from extract.dates import article_date, document_date
from extract.document import Article, Skipped, Source
from extract.formats import SUPPORTED_SUFFIXES, load_source
from extract.simplify import to_simplified
from extract.repair import repair
from honours.errors import ReadError


@dataclass
class ReadDocument:
    """A document that was read: its source text and its articles."""

    source: Source
    articles: list[Article]


def articles_of(source: Source) -> list[Article]:
    """Repair a source's text, cut it into articles and date each one."""
    fixed = repair(source.text)
    reading = to_simplified(fixed.text)  # marks such as 本報訊 are read like 本报讯; offsets unchanged
    doc_date = document_date(to_simplified(source.text), source.path)
    articles = []
    for index, cut in enumerate(split_articles(reading)):
        text = fixed.text[cut.start:cut.end]
        body = next((p.text for p in cut.paragraphs if not is_heading(p)), text)
        if cut.title and COLUMN.match(cut.title):
            body = ""  # a column (11月大事) collects items of the whole issue
        articles.append(
            Article(
                doc=source.path, index=index, text=text, offsets=fixed.offsets[cut.start:cut.end],
                title=cut.title, byline=cut.byline, source=cut.source, page=cut.page,
                date=article_date(body, doc_date),
            )
        )
    return articles


def read_document(path: Path, shown: str | None = None) -> ReadDocument:
    """Read one file into articles; raises ReadError naming the file."""
    source = load_source(path, shown)
    articles = articles_of(source)
    if not articles:
        raise ReadError(f"{source.path}: no text found")
    return ReadDocument(source, articles)


def expand_paths(paths: Iterable[str]) -> Iterator[tuple[Path, str]]:
    """Files named directly, and supported files found recursively in folders."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file()):
                if found.suffix.lower() in SUPPORTED_SUFFIXES and not found.name.startswith("."):
                    yield found, str(found)
        else:
            yield path, given


def read_paths(paths: Iterable[str]) -> Iterator[ReadDocument | Skipped]:
    """Each named document read into articles, or skipped with the reason."""
    for path, shown in expand_paths(paths):
        try:
            yield read_document(path, shown)
        except ReadError as exc:
            yield Skipped(shown, exc.message)
