"""Query results as text: an aligned table, CSV or JSON records."""
from __future__ import annotations

import csv
import io
import json
import unicodedata
from typing import Any

from graph.store import QueryResult

FORMATS = ("table", "csv", "json")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value).replace("\n", " ")


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def to_table(result: QueryResult) -> str:
    """Columns aligned for a terminal, with a row count (and a note when rows were cut)."""
    rows = [[_cell(v) for v in row] for row in result.rows]
    widths = [max([_width(c)] + [_width(r[i]) for r in rows]) for i, c in enumerate(result.columns)]
    pad = lambda text, w: text + " " * (w - _width(text))  # noqa: E731
    lines = ["  ".join(pad(c, w) for c, w in zip(result.columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(pad(c, w) for c, w in zip(row, widths)).rstrip() for row in rows]
    more = "; more were cut: raise --limit" if result.truncated else ""
    lines.append(f"({len(rows)} rows{more})")
    return "\n".join(lines)


def to_csv(result: QueryResult) -> str:
    """A header line and one line per row; lists joined with '; '."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([_cell(v) for v in row] for row in result.rows)
    return out.getvalue()


def to_json(result: QueryResult) -> str:
    """A JSON array of records keyed by column name (UTF-8, not escaped)."""
    return json.dumps(result.records(), ensure_ascii=False, default=str, indent=1)


def render(result: QueryResult, format: str) -> str:
    """``result`` in ``format`` (table, csv or json)."""
    return {"table": to_table, "csv": to_csv, "json": to_json}[format](result)
