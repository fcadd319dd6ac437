"""Curation decisions (merge, split, reject, rename) and the log that keeps them apart from extracted data.

The log is a JSON-lines file, one decision a line, in the order they were made. The embedded
store keeps it beside its database (``curation.jsonl`` in the store directory); a Neo4j store's
log is ``HONOURS_CURATION_LOG`` or a file under the user data directory named after the URI.

Known limit (Neo4j): the log is a file on the machine of whoever curated, not in the shared
database. A teammate's ingest into the same server re-applies the decisions of *their* log only,
so unless ``HONOURS_CURATION_LOG`` names one shared file on every machine that writes, their
re-ingests do not keep the decisions.
Every upsert re-applies the log (:mod:`graph.curation_plan`), so re-ingesting documents
reproduces the curated graph.

>>> d = Decision("rename", "person-1", "Person", name="张振飏", note="OCR")
>>> Decision.from_json(d.to_json()) == d
True
"""
from __future__ import annotations

import getpass
import json
import os
import re
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import platformdirs

from extract.resolve import stable_id
from honours.errors import CurationError
from ontology.schema import load_ontology

LOG_FILE = "curation.jsonl"
ENV_LOG = "HONOURS_CURATION_LOG"
# The fields each kind of decision needs, besides ``kind``, ``id`` and ``label``.
REQUIRED = {"merge": ("other", "name"), "split": ("document", "name"), "reject": (), "rename": ("name",)}
KINDS = tuple(REQUIRED)


@dataclass(frozen=True)
class Decision:
    """One curation decision: what was decided about which ids, by whom, when and why.

    ``id`` is the entity kept (merge), the person split (split), the fact rejected (reject)
    or the entity renamed (rename); ``label`` is its ontology class. ``other`` is the entity
    merged into ``id``; ``document`` the checksum of the document whose mentions are split off;
    ``name`` the kept name (merge), the name as written (split) or the new name (rename);
    ``aliases`` the names a merge adds to the kept entity's aliases (the other's name and aliases).
    """

    kind: str
    id: str
    label: str
    other: str | None = None
    document: str | None = None
    name: str | None = None
    aliases: tuple[str, ...] = ()
    note: str = ""
    who: str = ""
    when: str = ""

    @property
    def split_id(self) -> str:
        """The id of the person a split creates (the same in the store and on every re-ingest)."""
        return stable_id("Person", "split", self.id, self.document, self.name)

    def stamped(self) -> "Decision":
        """This decision with ``who`` and ``when`` filled in when missing."""
        return replace(self, who=self.who or _user(), when=self.when or datetime.now(timezone.utc)
                       .isoformat(timespec="seconds"))

    def describe(self) -> str:
        """One line saying what the decision does."""
        return {"merge": f"merge {self.other} into {self.id} ({self.name})",
                "split": f"split {self.name} in document {(self.document or '')[:12]} off {self.id}",
                "reject": f"reject {self.label} {self.id}", "rename": f"rename {self.id} to “{self.name}”"}[self.kind]

    def to_json(self) -> dict[str, Any]:
        """The decision as one log line's object (empty fields left out)."""
        out = {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(self).items()}
        return {k: v for k, v in out.items() if v not in (None, "", [])}

    @classmethod
    def from_json(cls, obj: Any) -> "Decision":
        """Read one log line's object back; ValueError saying what is wrong."""
        if not isinstance(obj, dict):
            raise ValueError("a decision must be a JSON object")
        unknown = set(obj) - set(cls.__dataclass_fields__)
        if unknown:
            raise ValueError(f"unknown field(s) {', '.join(sorted(unknown))}")
        kind = obj.get("kind")
        if kind not in REQUIRED:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        for key in ("id", "label", *REQUIRED[kind]):
            if not isinstance(obj.get(key), str) or not obj[key].strip():
                raise ValueError(f"a {kind} decision needs a non-empty text {key!r}")
        if obj["label"] not in load_ontology().classes:
            raise ValueError(f"unknown class {obj['label']!r}")
        aliases = obj.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ValueError("aliases must be a list of names")
        return cls(**{**obj, "aliases": tuple(aliases)})


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        return "unknown"


@dataclass
class CurationLog:
    """The decisions of one store, appended to and read back from a JSON-lines file."""

    path: Path
    _cache: tuple[tuple[int, int], list[Decision]] | None = field(default=None, repr=False)

    def decisions(self) -> list[Decision]:
        """Every decision in the order made; CurationError naming the file and line of a bad one."""
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise CurationError(f"cannot read the curation log {self.path}: {exc.strerror or exc}") from None
        key = (stat.st_mtime_ns, stat.st_size)
        if self._cache is None or self._cache[0] != key:
            self._cache = (key, self._read())
        return list(self._cache[1])

    def _read(self) -> list[Decision]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CurationError(f"cannot read the curation log {self.path}: "
                                f"{getattr(exc, 'strerror', None) or exc}") from None
        out = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                out.append(Decision.from_json(json.loads(line)))
            except ValueError as exc:  # json.JSONDecodeError is a ValueError
                raise CurationError(f"curation log {self.path}, line {number}: {exc}") from None
        return out

    def append(self, decision: Decision) -> int:
        """Append one decision as a single write, flushed to disk; the file's size before, for :meth:`truncate`."""
        line = json.dumps(decision.to_json(), ensure_ascii=False) + "\n"
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "ab") as out:
                size = out.tell()
                out.write(line.encode("utf-8"))
                out.flush()
                os.fsync(out.fileno())
        except OSError as exc:
            raise CurationError(f"cannot write the curation log {self.path}: {exc.strerror or exc}") from None
        return size

    def truncate(self, size: int) -> None:
        """Cut the log back to ``size`` bytes (undo an append whose decision could not be applied)."""
        with open(self.path, "r+b") as out:
            out.truncate(size)


_LOGS: dict[Path, CurationLog] = {}


def log_path(location: str, *, embedded: bool) -> Path:
    """Where the curation log of the store at ``location`` (a directory, or a Neo4j URI) is kept.

    For Neo4j the default is a file on this machine only: teammates writing to the same server
    need ``HONOURS_CURATION_LOG`` set to one shared path to keep each other's decisions.
    """
    if embedded:
        return Path(location) / LOG_FILE
    if os.environ.get(ENV_LOG):
        return Path(os.environ[ENV_LOG])
    slug = re.sub(r"[^\w.-]+", "_", location).strip("_") or "neo4j"
    return platformdirs.user_data_path("honours-graph") / "curation" / f"{slug}.jsonl"


def log_for(store: Any) -> CurationLog:
    """The curation log of ``store`` (one shared object per file, so reads are cached)."""
    path = log_path(store.location, embedded=hasattr(store, "directory"))
    return _LOGS.setdefault(path, CurationLog(path))


def decisions_for(store: Any) -> list[Decision]:
    """The decisions to apply to every document ``store`` stores."""
    return log_for(store).decisions()
