"""Subcommands of ``honours``, one module per area; importing registers them."""

from honours.commands import app, bench, curate, extract, graph, lineage, query, read  # noqa: F401
