"""Skipped files in a batch: one line each on stderr, and exit code 1 at the end."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

import typer

from extract.document import Skipped

T = TypeVar("T")


class SkipReport:
    """Passes documents through and reports each file that was skipped: at once, or at the
    end when a progress bar holds the terminal (``deferred``)."""

    def __init__(self, *, deferred: bool = False) -> None:
        self.count = 0
        self.deferred = deferred
        self._held: list[Skipped] = []

    def documents(self, items: Iterable[T | Skipped]) -> Iterator[T]:
        """The documents of ``items``; each Skipped is printed as one line instead."""
        for item in items:
            if isinstance(item, Skipped):
                self.skip(item)
            else:
                yield item

    def skip(self, item: Skipped) -> None:
        """Report one skipped file (at once, or held until :meth:`finish`)."""
        self.count += 1
        if self.deferred:
            self._held.append(item)
        else:
            typer.echo(str(item), err=True)

    def finish(self) -> None:
        """Print the held lines; exit with code 1 when any file was skipped."""
        for item in self._held:
            typer.echo(str(item), err=True)
        if self.count:
            typer.echo(f"{self.count} file(s) skipped", err=True)
            raise typer.Exit(1)
