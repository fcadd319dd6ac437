"""The benchmark's result as a readable plain-text report."""
from __future__ import annotations

from typing import Any


def _n(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}"


def format_report(result: dict[str, Any]) -> str:
    """Sections for extraction, loading and queries, with the ratios against the references."""
    r = result
    lines = [
        "Extraction (founding corpus, {} files, {:,} chars)".format(len(r["corpus_files"]), r["extract_chars"]),
        f"  nlp.pipe          {_n(r['extract_chars_per_s']):>12} chars/s",
        f"  raw LAC           {_n(r['lac_chars_per_s']):>12} chars/s",
        f"  pipeline / LAC    {r['extract_vs_lac']:>12.2f} ×   (target ≥ 0.5)",
        f"  peak RSS          {r['extract_peak_rss_mb']:>12.0f} MB",
    ]
    if "workers_speedup" in r:
        lines.append(f"  {r['workers']} workers vs 1   {r['workers_speedup']:>12.2f} ×   (whole extraction)")
    lines += [
        "",
        f"Loading ({r['load_facts']:,} facts in {r['load_documents']} documents → {r['stored_rows']:,} rows; "
        f"upsert_many of {r.get('load_batch', 1)} documents a transaction)",
        f"  upsert, fresh     {_n(r['load_facts_per_s']):>12} facts/s   ({_n(r['load_rows_per_s'])} rows/s)",
        f"  upsert, re-load   {_n(r['reload_facts_per_s']):>12} facts/s   (already stored: skipped)",
        f"  raw COPY FROM     {_n(r['copy_rows_per_s']):>12} rows/s    ({_n(r['copy_facts_per_s'])} facts/s)",
        f"  COPY time / load  {r['load_vs_copy']:>12.2f} ×   (target ≥ 0.5)",
        "",
        "Queries (p50 / p95 ms; growth exponent of p50 between scales)",
    ]
    scales = sorted(r["scales"], key=int)
    lines.append("  " + f"{'query':<28}" + "".join(f"{int(s):>18,}" for s in scales) + "   growth")
    for name, by_scale in r["queries"].items():
        cells = "".join(f"{by_scale[s]['p50_ms']:>9.2f}/{by_scale[s]['p95_ms']:<8.2f}" if s in by_scale
                        else f"{'—':>18}" for s in scales)
        growth = " ".join(f"{g:.2f}" for g in r["query_growth"].get(name, {}).values())
        lines.append(f"  {name:<28}{cells}   {growth}")
    for s in scales:
        info = r["scales"][s]
        lines.append(f"  graph of {int(s):,} statements: loaded in {info['load_s']:.1f} s "
                     f"({_n(info['statements_per_s'])} statements/s); {info['stats'].get('person', 0):,} persons")
    for name, error in r.get("query_errors", {}).items():
        lines.append(f"  not timed: {name}: {error}")
    if r.get("app_render_s"):
        views = "  ".join(f"{view} {seconds:.2f}" for view, seconds in r["app_render_s"].items())
        lines += ["", "App (founding corpus; seconds to render, server side, target ≤ 2 s)", f"  {views}"]
    lines += ["", f"Peak RSS {r['peak_rss_mb']:.0f} MB; {r['elapsed_s']:.0f} s in all"]
    return "\n".join(lines)
