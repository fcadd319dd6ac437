"""The project's error hierarchy: every error a user can see, with a code and a message.

Each part of the system raises one of these; the CLI prints ``str(error)`` and exits
non-zero, never a traceback. Stores map their engine's errors onto ``StoreError``.
"""
from __future__ import annotations


class HonoursError(Exception):
    """Base of every error the user may see; ``code`` names the kind for scripts."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class ReadError(HonoursError):
    """A document could not be read: missing, empty, binary, undecodable, unsupported."""

    code = "E100"


class InvalidModel(HonoursError):
    """The NLP pipeline or one of its data files is missing or malformed."""

    code = "E200"


class ExtractionError(HonoursError):
    """Extraction failed on a document that could be read."""

    code = "E300"


class OntologyError(HonoursError):
    """The ontology data files are inconsistent."""

    code = "E400"


class StoreError(HonoursError):
    """The graph store refused or failed an operation."""

    code = "E500"


class StoreUnavailable(StoreError):
    """The store cannot be opened: locked, not writable, unreachable, bad credentials."""

    code = "E510"


class QueryError(StoreError):
    """A query is unknown, malformed, not read-only, too slow, or has bad parameters."""

    code = "E520"


class CurationError(HonoursError):
    """A curation decision names something that is not stored, or cannot be applied (merge, split …)."""

    code = "E600"
