"""Benchmarks of what the product exists for, each measured against a reference run side by side.

``honours bench`` drives :func:`run_bench`; the synthetic graphs come from
:func:`synthetic_documents`.
"""
from honours.bench.report import format_report
from honours.bench.run import FULL, QUICK, BenchOptions, run_bench
from honours.bench.synthetic import statement_count, synthetic_documents

__all__ = ["FULL", "QUICK", "BenchOptions", "format_report", "run_bench", "statement_count",
           "synthetic_documents"]
