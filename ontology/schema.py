"""The ontology as data: load ``classes/*.yaml`` and ``relations/*.yaml`` into a model.

This is the only place class, property and relation names come from: the stores'
DDL, the Neo4j constraints, the RDF export and SHACL shapes, and the UI's labels and
colours are all generated from :func:`load_ontology`.

>>> onto = load_ontology()
>>> onto.classes["Person"].label["zh"]
'人物'
>>> "RECIPIENT" in onto.relations
True
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from honours.errors import OntologyError

ONTOLOGY_DIR = Path(__file__).resolve().parent
TYPES = ("string", "int", "float", "bool", "string[]")
IDENTIFIER_OK = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")


@dataclass(frozen=True)
class Property:
    """A typed property of a class or relation, with labels and alignments."""

    name: str
    type: str
    required: bool = False
    index: bool = False
    label: dict[str, str] = field(default_factory=dict)
    align: dict[str, str] = field(default_factory=dict)
    enum: tuple[str, ...] | None = None
    merge: str = "latest"  # on upsert: "latest" non-null value wins, or "max"


@dataclass(frozen=True)
class NodeClass:
    """A class of the ontology: a node table unless it is derived."""

    name: str
    label: dict[str, str]
    plural: dict[str, str]
    description: dict[str, str]
    color: str
    properties: tuple[Property, ...]
    stats: str | None = None
    statement: bool = False
    align: dict[str, str] = field(default_factory=dict)
    shortcut: dict[str, Any] | None = None
    derived: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_table(self) -> bool:
        """True when the class is stored as nodes of its own (not derived)."""
        return self.derived is None

    def property(self, name: str) -> Property:
        """The property called ``name``; OntologyError if there is none."""
        for prop in self.properties:
            if prop.name == name:
                return prop
        raise OntologyError(f"class {self.name} has no property {name!r}")


@dataclass(frozen=True)
class Relation:
    """A typed, directed relation between classes, possibly with properties."""

    name: str
    label: dict[str, str]
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    properties: tuple[Property, ...] = ()
    required: bool = False
    description: dict[str, str] = field(default_factory=dict)
    align: dict[str, str] = field(default_factory=dict)
    key: tuple[str, ...] = ()  # properties that, with both ends, identify one edge

    def pairs(self) -> list[tuple[str, str]]:
        """Every (source class, target class) pair the relation connects."""
        return [(s, t) for s in self.sources for t in self.targets]


@dataclass(frozen=True)
class Ontology:
    """All classes and relations, keyed by name."""

    classes: dict[str, NodeClass]
    relations: dict[str, Relation]

    def tables(self) -> list[NodeClass]:
        """Classes stored as node tables, in a stable order."""
        return [c for c in self.classes.values() if c.is_table]

    def stats_keys(self) -> dict[str, str]:
        """Map of stats key (``person``) to class name (``Person``)."""
        return {c.stats: c.name for c in self.tables() if c.stats}

    def relations_from(self, cls: str) -> list[Relation]:
        """Relations whose source is class ``cls``."""
        return [r for r in self.relations.values() if cls in r.sources]

    def labels(self, lang: str = "zh") -> dict[str, str]:
        """Display label of every class and relation in ``lang`` (``zh`` or ``en``)."""
        out = {c.name: c.label.get(lang, c.name) for c in self.classes.values()}
        out.update({r.name: r.label.get(lang, r.name) for r in self.relations.values()})
        return out

    def colors(self) -> dict[str, str]:
        """UI colour of every class."""
        return {c.name: c.color for c in self.classes.values()}


def _identifier(name: str, where: str) -> str:
    if not name or not set(name) <= IDENTIFIER_OK or name[0].isdigit():
        raise OntologyError(f"{where}: {name!r} is not a valid identifier")
    return name


def _properties(raw: dict[str, Any] | None, where: str, extras: dict[str, dict]) -> tuple[Property, ...]:
    props = []
    for name, spec in (raw or {}).items():
        spec = spec or {}
        kind = spec.get("type", "string")
        if kind not in TYPES:
            raise OntologyError(f"{where}: property {name} has unknown type {kind!r}")
        enum = spec.get("enum")
        if isinstance(enum, str):
            owner, _, key = enum.partition(".")
            if key not in extras.get(owner, {}):
                raise OntologyError(f"{where}: property {name} refers to missing enum {enum!r}")
            enum = list(extras[owner][key])
        merge = spec.get("merge", "latest")
        if merge not in ("latest", "max"):
            raise OntologyError(f"{where}: property {name} has unknown merge rule {merge!r}")
        props.append(Property(
            _identifier(name, where), kind, bool(spec.get("required")), bool(spec.get("index")),
            dict(spec.get("label") or {}), dict(spec.get("align") or {}), tuple(enum) if enum else None,
            merge,
        ))
    return tuple(props)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise OntologyError(f"cannot read ontology file {path}: {exc}") from None
    if not isinstance(data, dict) or "name" not in data:
        raise OntologyError(f"ontology file {path} must be a mapping with a 'name'")
    return data


_CLASS_KEYS = {"name", "label", "plural", "description", "color", "stats", "statement", "align",
               "shortcut", "derived", "properties"}


def _node_class(data: dict[str, Any], where: str, extras: dict[str, dict]) -> NodeClass:
    name = _identifier(data["name"], where)
    if "id" in (data.get("properties") or {}):
        raise OntologyError(f"{where}: 'id' is reserved for the stable identifier")
    return NodeClass(
        name=name, label=dict(data.get("label") or {"en": name}),
        plural=dict(data.get("plural") or data.get("label") or {"en": name}),
        description=dict(data.get("description") or {}), color=str(data.get("color", "#999999")),
        properties=_properties(data.get("properties"), where, extras), stats=data.get("stats"),
        statement=bool(data.get("statement")), align=dict(data.get("align") or {}),
        shortcut=data.get("shortcut"), derived=data.get("derived"),
        extra={k: v for k, v in data.items() if k not in _CLASS_KEYS},
    )


def _relation(data: dict[str, Any], where: str, classes: dict[str, NodeClass]) -> Relation:
    name = _identifier(data["name"], where)
    sources, targets = tuple(data.get("from") or ()), tuple(data.get("to") or ())
    for cls in sources + targets:
        if cls not in classes or not classes[cls].is_table:
            raise OntologyError(f"{where}: relation {name} refers to unknown class {cls!r}")
    if not sources or not targets:
        raise OntologyError(f"{where}: relation {name} needs 'from' and 'to' classes")
    props = _properties(data.get("properties"), where, {})
    key = tuple(data.get("key") or ())
    if not set(key) <= {p.name for p in props}:
        raise OntologyError(f"{where}: relation {name} is keyed by an undeclared property")
    return Relation(name, dict(data.get("label") or {"en": name}), sources, targets, props,
                    bool(data.get("required")), dict(data.get("description") or {}),
                    dict(data.get("align") or {}), key)


def _check_references(classes: dict[str, NodeClass], relations: dict[str, Relation]) -> None:
    for cls in classes.values():
        for ref in (cls.shortcut or {}).get("from"), (cls.shortcut or {}).get("to"):
            if ref is not None and ref not in relations:
                raise OntologyError(f"class {cls.name}: shortcut names unknown relation {ref!r}")
        if cls.derived and cls.derived.get("from") not in classes:
            raise OntologyError(f"class {cls.name}: derived from unknown class")


def load_ontology(directory: str | Path | None = None) -> Ontology:
    """Load the ontology from ``directory`` (default: this package's data files)."""
    if directory is None:
        return _default_ontology()
    root = Path(directory)
    raw_classes = [(p, _read_yaml(p)) for p in sorted((root / "classes").glob("*.yaml"))]
    if not raw_classes:
        raise OntologyError(f"no class files in {root / 'classes'}")
    extras = {d["name"]: d for _, d in raw_classes}
    classes: dict[str, NodeClass] = {}
    for path, data in raw_classes:
        cls = _node_class(data, str(path), extras)
        if cls.name.lower() in {n.lower() for n in classes}:
            raise OntologyError(f"{path}: class {cls.name} is declared twice")
        classes[cls.name] = cls
    relations: dict[str, Relation] = {}
    for path in sorted((root / "relations").glob("*.yaml")):
        rel = _relation(_read_yaml(path), str(path), classes)
        taken = {n.lower() for n in list(relations) + list(classes)}
        if rel.name.lower() in taken:
            raise OntologyError(f"{path}: name {rel.name} is declared twice (names are case-insensitive)")
        relations[rel.name] = rel
    _check_references(classes, relations)
    return Ontology(classes, relations)


@functools.lru_cache(maxsize=1)
def _default_ontology() -> Ontology:
    return load_ontology(ONTOLOGY_DIR)
