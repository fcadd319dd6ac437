"""``honours read``: documents in, repaired and dated articles out."""
from __future__ import annotations

import json
from enum import Enum
from typing import Annotated

import typer

from extract.document import Article
from extract.read import read_paths
from honours.cli import command
from honours.commands.skips import SkipReport


class ReadFormat(str, Enum):
    text = "text"
    jsonl = "jsonl"
    summary = "summary"


def article_json(article: Article) -> dict:
    """An article as one JSON object: metadata, span in the source, repaired text."""
    return {
        "doc": article.doc, "index": article.index, "title": article.title,
        "byline": article.byline, "source": article.source, "page": article.page,
        "date": article.date.value, "date_precision": article.date.precision,
        "date_method": article.date.method, "date_quote": article.date.quote,
        "start": article.start, "end": article.end, "text": article.text,
    }


def article_summary(article: Article) -> str:
    """One line describing an article: position, date and how it was found, title, size."""
    date = f"{article.date.value or '?'} ({article.date.method})"
    title = article.title or article.text[:24].replace("\n", " ") + "…"
    page = f" p.{article.page}" if article.page else ""
    return f"  #{article.index:<2d} {date:<24s}{page} {title}  [{len(article.text)} chars]"


@command("read")
def read(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (read recursively).")],
    format: Annotated[ReadFormat, typer.Option("--format", "-f", help="Output format.")] = ReadFormat.text,
) -> None:
    """Read documents (txt, md, pdf, html, docx; any Chinese encoding) into repaired, dated articles."""
    report = SkipReport()
    for item in report.documents(read_paths(paths)):
        if format is ReadFormat.summary:
            typer.echo(f"{item.source.path}: {len(item.articles)} articles")
        for article in item.articles:
            if format is ReadFormat.jsonl:
                typer.echo(json.dumps(article_json(article), ensure_ascii=False))
            elif format is ReadFormat.summary:
                typer.echo(article_summary(article))
            else:
                typer.echo(f"=== {article.doc} #{article.index} · {article.title or '(untitled)'} · "
                           f"{article.date.value or 'undated'} ({article.date.method})")
                typer.echo(article.text + "\n")
    report.finish()
