"""``honours bench``: speed, memory and how cost grows, measured side by side with references."""
from __future__ import annotations

import dataclasses
import json
import math
from typing import Annotated, Any, Optional

import typer

from honours.cli import command
from honours.errors import HonoursError


def _scales(text: str) -> tuple[int, ...]:
    try:
        scales = tuple(int(part.replace("_", "")) for part in text.split(",") if part.strip())
    except ValueError:
        raise HonoursError(f"--scales must be statement counts separated by commas, not {text!r}") from None
    if not scales or min(scales) < 10:
        raise HonoursError(f"--scales needs at least one size of 10 statements or more, not {text!r}")
    return scales


def _finite(value: Any) -> Any:
    """The value with NaN and infinities replaced by None, so that the JSON is standard."""
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


@command("bench")
def bench(
    quick: Annotated[bool, typer.Option("--quick", help="Small scales, fewer repetitions: under two minutes.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of a table.")] = False,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Also time extraction on this many processes.")] = 1,
    scales: Annotated[Optional[str], typer.Option("--scales", help="Synthetic graph sizes in statements, e.g. 10000,100000.")] = None,
    repeats: Annotated[Optional[int], typer.Option("--repeats", min=2, help="Timed calls of each query per scale.")] = None,
    load_statements: Annotated[Optional[int], typer.Option("--load-statements", min=10, help="Statements in the loading benchmark.")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the synthetic graphs.")] = 7,
    app: Annotated[bool, typer.Option("--app/--no-app", help="Time the app's views on the founding corpus.")] = True,
) -> None:
    """Measure extraction (vs raw LAC), loading (vs raw COPY FROM) and query latency at growing scales."""
    from honours.bench import FULL, QUICK, format_report, run_bench

    options = dataclasses.replace(QUICK if quick else FULL, workers=workers, seed=seed, app=app)
    if scales:
        options = dataclasses.replace(options, scales=_scales(scales))
    if repeats:
        options = dataclasses.replace(options, repeats=repeats)
    if load_statements:
        options = dataclasses.replace(options, load_statements=load_statements)
    result = run_bench(options, progress=lambda line: typer.echo(line, err=True))
    typer.echo(json.dumps(_finite(result), ensure_ascii=False) if as_json else format_report(result))
