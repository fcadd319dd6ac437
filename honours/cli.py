"""The ``honours`` command: one entry point, one small function per subcommand.

Every subcommand turns :class:`honours.errors.HonoursError` into one line on stderr
and a non-zero exit code; no traceback reaches the user.
"""
from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click
import typer
from typer.core import TyperGroup

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


def command(name: str, *, on: typer.Typer | None = None) -> Callable[[F], F]:
    """Register ``func`` as subcommand ``name`` (of group ``on``, default the root) with user-error handling."""

    def register(func: F) -> F:
        (on or app).command(name)(user_errors(func))
        return func

    return register


class DefaultGroup(TyperGroup):
    """A command group that runs its ``default_command`` when the first argument names none of its
    subcommands: ``honours export OUT --format ttl`` is ``honours export graph OUT --format ttl``."""

    default_command = ""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Put the default subcommand's name in front of arguments that do not start with a subcommand."""
        if args and args[0] not in self.commands and args[0] not in ctx.help_option_names:
            args = [self.default_command, *args]
        return super().parse_args(ctx, args)


def group(name: str, *, default: str | None = None, help: str) -> typer.Typer:
    """A subcommand group ``name`` of ``honours``; its subcommand ``default``, if given, runs when none is named."""
    cls = type(f"{name.title()}Group", (DefaultGroup,), {"default_command": default}) if default else TyperGroup
    sub = typer.Typer(cls=cls, help=help, no_args_is_help=True, add_completion=False,
                      pretty_exceptions_enable=False)
    app.add_typer(sub, name=name)
    return sub


def main() -> None:
    """Console entry point."""
    app()


# Subcommands live beside the package they drive; importing registers them.
from honours import commands  # noqa: E402,F401

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
