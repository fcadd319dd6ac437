"""The ``honours`` command: one entry point, one small function per subcommand.

Every subcommand turns :class:`honours.errors.HonoursError` into one line on stderr
and a non-zero exit code; no traceback reaches the user.
"""
from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from honours.errors import HonoursError

app = typer.Typer(
    help="Honours Graph: a knowledge graph of people, organisations and honours "
    "built from Chinese trade-union news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

F = TypeVar("F", bound=Callable[..., Any])


@app.callback()
def _root() -> None:
    """Honours Graph: people, organisations and honours from Chinese trade-union news."""


def user_errors(func: F) -> F:
    """Run a command, printing a HonoursError as one line and exiting with code 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except HonoursError as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            typer.echo("interrupted", err=True)
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def command(name: str) -> Callable[[F], F]:
    """Register ``func`` as subcommand ``name`` with user-error handling."""

    def register(func: F) -> F:
        app.command(name)(user_errors(func))
        return func

    return register


def main() -> None:
    """Console entry point."""
    app()


# Subcommands live beside the package they drive; importing registers them.
from honours import commands  # noqa: E402,F401

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
