"""Named queries: the ``.cypher`` files of this package, their metadata, and running them.

Each file starts with a header of ``// key: value`` comments (name, title_zh, title_en,
one ``param`` line per parameter: ``// param: year: int = 0``, returns); the rest is the
query. ``neo4j/<name>.cypher`` replaces it on Neo4j where the dialects differ.

>>> load_queries()["union_hierarchy"].params
{'organisation': 'str'}
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from graph.store import DEFAULT_LIMIT, DEFAULT_TIMEOUT, GraphStore, QueryResult
from honours.errors import QueryError

HERE = Path(__file__).resolve().parent
DIALECTS = ("ladybug", "neo4j")
TYPES = {"str": str, "int": int, "float": float, "bool": bool}
_HEADER = re.compile(r"^//\s*(\w+):\s*(.*)$")
_PARAM = re.compile(r"^(\w+):\s*(\w+)(?:\s*=\s*(.*))?$")


@dataclass(frozen=True)
class NamedQuery:
    """A named, parameterised Cypher query with zh/en titles and one text per dialect."""

    name: str
    title_zh: str
    title_en: str
    params: dict[str, str]
    returns: str
    texts: dict[str, str] = field(repr=False)
    defaults: dict[str, Any] = field(default_factory=dict)

    def cypher_for(self, dialect: str) -> str:
        """The query's text in ``dialect`` (``ladybug`` or ``neo4j``)."""
        if dialect not in DIALECTS:
            raise QueryError(f"unknown Cypher dialect {dialect!r}; expected one of {', '.join(DIALECTS)}")
        return self.texts.get(dialect, self.texts["ladybug"])

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        """Parameters checked and coerced to their declared types, defaults filled in."""
        unknown = sorted(set(given) - set(self.params))
        if unknown:
            raise QueryError(f"query {self.name} has no parameter {', '.join(unknown)}; "
                             f"its parameters: {self.signature() or 'none'}")
        out = {}
        for pname, type_name in self.params.items():
            if pname in given:
                out[pname] = coerce(self.name, pname, type_name, given[pname])
            elif pname in self.defaults:
                out[pname] = self.defaults[pname]
            else:
                raise QueryError(f"query {self.name} needs parameter {pname} ({type_name}): "
                                 f"--param {pname}=…")
        return out

    def signature(self) -> str:
        """The parameters as ``name: type [= default]``, comma-separated."""
        return ", ".join(f"{n}: {t}" + (f" = {self.defaults[n]!r}" if n in self.defaults else "")
                         for n, t in self.params.items())


def coerce(query: str, pname: str, type_name: str, value: Any) -> Any:
    """``value`` as ``type_name``; strings from the command line are converted."""
    kind = TYPES[type_name]
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    if isinstance(value, str):
        text = value.strip()
        if kind is bool and text.lower() in ("true", "false", "yes", "no", "1", "0"):
            return text.lower() in ("true", "yes", "1")
        try:
            if kind in (int, float):
                return kind(text)
        except ValueError:
            pass
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    raise QueryError(f"query {query}: parameter {pname} must be {type_name}, got {value!r}")


def parse(text: str, fallback_name: str) -> NamedQuery:
    """A NamedQuery from a ``.cypher`` file's text (header comments, then the query)."""
    meta: dict[str, str] = {}
    params: dict[str, str] = {}
    defaults: dict[str, Any] = {}
    lines = text.splitlines()
    body_start = 0
    for i, line in enumerate(lines):
        header = _HEADER.match(line.strip())
        if not line.strip().startswith("//"):
            body_start = i
            break
        if header and header.group(1) == "param":
            pname, type_name, default = _parse_param(fallback_name, header.group(2))
            params[pname] = type_name
            if default is not None:
                defaults[pname] = coerce(fallback_name, pname, type_name, default)
        elif header:
            meta[header.group(1)] = (meta.get(header.group(1), "") + " " + header.group(2)).strip()
    body = "\n".join(lines[body_start:]).strip()
    return NamedQuery(meta.get("name", fallback_name), meta.get("title_zh", ""), meta.get("title_en", ""),
                      params, meta.get("returns", ""), {"ladybug": body}, defaults)


def _parse_param(query: str, spec: str) -> tuple[str, str, str | None]:
    match = _PARAM.match(spec.strip())
    if not match or match.group(2) not in TYPES:
        raise QueryError(f"query {query}: bad parameter declaration {spec!r}; "
                         f"expected 'name: {'|'.join(TYPES)} [= default]'")
    default = match.group(3)
    if default is not None:
        default = default.strip().strip("'\"")
    return match.group(1), match.group(2), default


@cache
def load_queries(directory: Path = HERE) -> dict[str, NamedQuery]:
    """Every named query in ``directory``, by name, with its Neo4j variant when there is one."""
    out = {}
    for path in sorted(directory.glob("*.cypher")):
        query = parse(path.read_text(encoding="utf-8"), path.stem)
        variant = directory / "neo4j" / path.name
        if variant.exists():
            neo4j_text = parse(variant.read_text(encoding="utf-8"), path.stem).texts["ladybug"]
            query = replace(query, texts=query.texts | {"neo4j": neo4j_text})
        out[query.name] = query
    return out


def dialect_of(store: GraphStore) -> str:
    """The Cypher dialect ``store`` speaks."""
    return "neo4j" if type(store).__module__ == "graph.neo4j_store" else "ladybug"


def get_query(name: str) -> NamedQuery:
    """The named query ``name``; QueryError listing the known names if there is none."""
    queries = load_queries()
    if name not in queries:
        raise QueryError(f"no named query {name!r}; known queries: {', '.join(sorted(queries))}")
    return queries[name]


def run_query(store: GraphStore, name: str, params: dict[str, Any] | None = None, *,
              limit: int = DEFAULT_LIMIT, timeout: float = DEFAULT_TIMEOUT) -> QueryResult:
    """Run named query ``name`` on ``store`` with ``params`` checked against its declaration."""
    query = get_query(name)
    bound = query.bind(params or {})
    return store.query(query.cypher_for(dialect_of(store)), bound, limit=limit, timeout=timeout)
