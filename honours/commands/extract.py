"""``honours extract``: facts with their evidence, as the facts contract."""
from __future__ import annotations

import json
from enum import Enum
from typing import Annotated

import typer

from extract.pipeline import extract_paths
from honours.cli import command
from honours.commands.skips import SkipReport


class FactFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"


@command("extract")
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (read recursively).")],
    format: Annotated[FactFormat, typer.Option("--format", "-f", help="Output format.")] = FactFormat.jsonl,
) -> None:
    """Extract people, organisations, awards, positions, studios, mentorships and events."""
    report = SkipReport()
    for item in report.documents(extract_paths(paths)):
        for fact in item.facts:
            if format is FactFormat.jsonl:
                typer.echo(json.dumps(fact.to_json(), ensure_ascii=False))
            else:
                fields = " · ".join(f"{k}={v}" for k, v in fact.fields.items())
                typer.echo(f"{fact.type:<12s} {fields}")
    report.finish()
