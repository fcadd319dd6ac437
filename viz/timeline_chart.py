"""A timeline as an interactive Altair chart: one lane per kind of item, years across, tooltips with the quote.

Altair only writes a Vega-Lite spec; Streamlit draws it with the vega-embed bundled in its own
frontend, so the chart loads nothing from another host.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from ontology.schema import load_ontology
from viz.text import text

LABEL_CHARS = 14  # longer names are cut in the chart (the tooltip and the table keep them whole)
ROW_PX = 26  # height of one row of a lane
AXIS_PX = 50


def _chart_rows(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The dated rows with display columns: kind and basis in ``lang``, the kind's colour, a short label
    and a row within its lane (items of one kind and year stack)."""
    onto = load_ontology()
    labels = onto.labels(lang)
    rows = frame[frame["year"].notna()].copy()
    rows["year"] = rows["year"].astype(int)
    rows["kind_label"] = [labels.get(k, k) for k in rows["kind"]]
    rows["color"] = [onto.classes[k].color if k in onto.classes else "#999999" for k in rows["kind"]]
    rows["basis_label"] = [text(f"basis_{b}", lang) for b in rows["basis"]]
    rows["label"] = [n if len(n) <= LABEL_CHARS else n[:LABEL_CHARS - 1] + "…" for n in rows["name"]]
    rows["row"] = rows.groupby(["kind", "year"]).cumcount()
    return rows.fillna({"detail": "", "quote": "", "source": "", "date": ""})


def timeline_chart(frame: pd.DataFrame, *, lang: str = "zh") -> alt.LayerChart | None:
    """Points by year in one lane per kind (ontology colours), named, with tooltips; None if nothing is dated."""
    rows = _chart_rows(frame, lang)
    if rows.empty:
        return None
    first, last = int(rows["year"].min()), int(rows["year"].max())
    x = alt.X("year:Q", title=text("year", lang), scale=alt.Scale(domain=[first - 0.5, last + 0.5]),
              axis=alt.Axis(format="d", tickMinStep=1))
    # the colour column is used as is (no scale): a colour scale in a layered chart makes Vega warn
    color = alt.Color("color:N", scale=None)
    tooltip = [alt.Tooltip("name:N", title=text("name", lang)), alt.Tooltip("date:N", title=text("date", lang)),
               alt.Tooltip("kind_label:N", title=text("kind", lang)),
               alt.Tooltip("basis_label:N", title=text("basis", lang)),
               alt.Tooltip("detail:N", title=text("detail", lang)),
               alt.Tooltip("quote:N", title=text("quote", lang)),
               alt.Tooltip("source:N", title=text("sources", lang))]
    base = alt.Chart(rows).encode(x=x, y=alt.Y("kind_label:N", title=None), yOffset=alt.YOffset("row:N"))
    points = base.mark_circle(size=140, opacity=0.9).encode(color=color, tooltip=tooltip)
    names = base.mark_text(align="left", dx=9, fontSize=12).encode(text="label:N", tooltip=tooltip)
    # every lane is split into as many rows as the fullest one; the height holds the x axis too
    height = AXIS_PX + ROW_PX * rows["kind"].nunique() * (int(rows["row"].max()) + 1)
    return (points + names).properties(height=max(height, 150)).interactive(bind_y=False)
