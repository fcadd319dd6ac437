"""Subcommands of ``honours``, one module per area; importing registers them."""

from honours.commands import extract, read  # noqa: F401
from honours.commands import graph  # noqa: F401
