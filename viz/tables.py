"""Query results as pandas tables for display: lists joined, dicts as JSON, so every column is flat."""
from __future__ import annotations

import json
from typing import Any

import pandas as pd

from graph.store import QueryResult


def cell(value: Any) -> Any:
    """A display value: lists joined with '; ', dicts as JSON, scalars unchanged."""
    if isinstance(value, (list, tuple)):
        return "; ".join("" if v is None else str(cell(v)) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


def result_frame(result: QueryResult) -> pd.DataFrame:
    """``result`` as a DataFrame with one column per result column."""
    rows = [[cell(v) for v in row] for row in result.rows]
    frame = pd.DataFrame(rows, columns=result.columns)
    for column in frame.columns:  # mixed columns (numbers and text) shown as text
        if frame[column].dtype == object:
            frame[column] = frame[column].map(lambda v: v if v is None or isinstance(v, str) else str(v))
    return frame
