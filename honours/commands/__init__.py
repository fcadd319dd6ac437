"""Subcommands of ``honours``, one module per area; importing registers them."""

from honours.commands import app, bench, extract, graph, query, read  # noqa: F401
