"""Cross-document identity: which stored person a name in a new document refers to.

A name is linked to a stored person only when context links them — an explicit alias,
a shared organisation, or the same honour in the same year — or when it is a one-character
OCR variant of a person with the same title at the same organisation (张振飏 / 张振飚).
Otherwise it becomes a new person, even if someone of that name is already stored: two
李明 in unrelated articles stay apart. Every decision carries its rule and a reason.

>>> from extract.facts import DocumentFacts, Evidence, Fact
>>> ev = Evidence("a.txt", 0, 10, "广东省总工会主席黄宁生出席。")
>>> doc = DocumentFacts("a.txt", "c1", facts=[Fact("position",
...     {"person": "黄宁生", "organisation": "广东省总工会", "title": "主席"}, ev)])
>>> resolve_people(doc, lambda names, orgs: [])["黄宁生"].rule
'new'
"""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from extract.facts import DocumentFacts

# Which fields of which fact types name a person (award recipients only when persons).
PERSON_FIELDS = {"person": ("name",), "position": ("person",), "studio": ("leader",),
                 "mentorship": ("master", "apprentice"), "award": ("recipient",)}
RULES = ("alias", "organisation", "honour-year", "ocr-variant")  # strongest first


def stable_id(kind: str, *parts: object) -> str:
    """A deterministic id for an entity of class ``kind`` from its canonical key parts."""
    key = "\x1f".join("" if p is None else str(p) for p in parts)
    return f"{kind.lower()}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:20]}"


@dataclass
class PersonContext:
    """What a document (or the store) says about one person, used to link names."""

    name: str
    aliases: set[str] = field(default_factory=set)
    organisations: set[str] = field(default_factory=set)
    positions: set[tuple[str, str]] = field(default_factory=set)  # (organisation, title)
    honours: set[tuple[str, int]] = field(default_factory=set)  # (honour, year)


@dataclass
class StoredPerson(PersonContext):
    """A person already in the store, with its id."""

    id: str = ""


@dataclass(frozen=True)
class PersonRef:
    """The resolved identity of a name: the person's id and canonical name, and why."""

    id: str
    name: str
    rule: str  # "new", "same-document", or one of RULES
    reason: str
    aliases: tuple[str, ...] = ()


Lookup = Callable[[list[str], list[str]], list[StoredPerson]]


def person_names(doc: DocumentFacts) -> Counter[str]:
    """Every person name the document's facts mention, with how often."""
    names: Counter[str] = Counter()
    for fact in doc.facts:
        if fact.type == "award" and (fact.fields.get("recipient_kind") or "person") != "person":
            continue
        for key in PERSON_FIELDS.get(fact.type, ()):
            if fact.fields.get(key):
                names[fact.fields[key]] += 1
    return names


def document_contexts(doc: DocumentFacts) -> dict[str, PersonContext]:
    """The context each person name has within one document."""
    ctx = {name: PersonContext(name) for name in person_names(doc)}
    for fact in doc.facts:
        f = fact.fields
        if fact.type == "person" and f.get("name") in ctx:
            ctx[f["name"]].aliases.update(a for a in f.get("aliases") or () if a)
        elif fact.type == "position" and f.get("person") in ctx and f.get("organisation"):
            ctx[f["person"]].organisations.add(f["organisation"])
            ctx[f["person"]].positions.add((f["organisation"], f.get("title") or ""))
        elif fact.type == "award" and f.get("recipient") in ctx:
            if f.get("recipient_org"):
                ctx[f["recipient"]].organisations.add(f["recipient_org"])
            if f.get("honour") and f.get("year") is not None:
                ctx[f["recipient"]].honours.add((f["honour"], int(f["year"])))
        elif fact.type == "studio" and f.get("leader") in ctx and f.get("host"):
            ctx[f["leader"]].organisations.add(f["host"])
    return ctx


def _ideograph(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\U00020000" <= char <= "\U0002ffff"


def ocr_variant(a: str, b: str) -> bool:
    """True when two names differ in exactly one Chinese character after the same surname."""
    if a == b or len(a) != len(b) or len(a) < 2 or a[0] != b[0]:
        return False
    diff = [(x, y) for x, y in zip(a, b) if x != y]
    return len(diff) == 1 and _ideograph(diff[0][0]) and _ideograph(diff[0][1])


def link_reason(new: PersonContext, old: PersonContext) -> tuple[str, str] | None:
    """The strongest rule linking ``new`` to ``old`` and a reason, or None if nothing does."""
    if new.name in old.aliases or old.name in new.aliases:
        return "alias", f"{new.name} is a known alias of {old.name}"
    if new.name == old.name:
        shared = sorted(new.organisations & old.organisations)
        if shared:
            return "organisation", f"same name {new.name}, same organisation {shared[0]}"
        honours = sorted(new.honours & old.honours)
        if honours:
            return "honour-year", f"same name {new.name}, same honour {honours[0][0]} in {honours[0][1]}"
        return None
    if ocr_variant(new.name, old.name):
        shared_pos = sorted(p for p in new.positions & old.positions if p[1])
        if shared_pos:
            org, title = shared_pos[0]
            return "ocr-variant", f"{new.name} is an OCR variant of {old.name}: both {title} at {org}"
    return None


def _variant_keys(person: PersonContext) -> set[tuple[str, str, str]]:
    """Keys two OCR variants share: a titled position, and the name with one character masked."""
    masks = [person.name[:i] + "\0" + person.name[i + 1:] for i in range(1, len(person.name))]
    return {(org, title, mask) for org, title in person.positions if title for mask in masks}


def _merge_within(ctx: dict[str, PersonContext], counts: Counter[str]) -> dict[str, tuple[str, str]]:
    """Names in one document that are OCR variants of a more frequent name: name → (target, reason)."""
    groups: dict[tuple[str, str, str], list[str]] = {}
    for person in ctx.values():
        for key in _variant_keys(person):
            groups.setdefault(key, []).append(person.name)
    merged: dict[str, tuple[str, str]] = {}
    for names in groups.values():
        names.sort(key=lambda n: (-counts[n], n))
        for i, keep in enumerate(names):
            for other in names[i + 1:]:
                if keep in merged or other in merged:
                    continue
                link = link_reason(ctx[other], ctx[keep])
                if link and link[0] == "ocr-variant":
                    merged[other] = (keep, link[1])
    return merged


class _Candidates:
    """Stored persons indexed by name, alias and OCR-variant key, so each name meets few."""

    def __init__(self, people: list[StoredPerson]) -> None:
        self.by_name: dict[str, list[StoredPerson]] = {}
        self.by_variant: dict[tuple[str, str, str], list[StoredPerson]] = {}
        for person in people:
            for name in {person.name} | person.aliases:
                self.by_name.setdefault(name, []).append(person)
            for key in _variant_keys(person):
                self.by_variant.setdefault(key, []).append(person)

    def near(self, new: PersonContext) -> list[StoredPerson]:
        """Stored persons that some rule could link to ``new``."""
        found = {id(p): p for n in {new.name} | new.aliases for p in self.by_name.get(n, ())}
        found |= {id(p): p for key in _variant_keys(new) for p in self.by_variant.get(key, ())}
        return list(found.values())


def _best(new: PersonContext, candidates: Iterable[StoredPerson]) -> tuple[StoredPerson, str, str] | None:
    found = []
    for cand in candidates:
        link = link_reason(new, cand)
        if link:
            found.append((RULES.index(link[0]), cand.id, cand, link))
    if not found:
        return None
    _, _, cand, (rule, reason) = min(found, key=lambda t: (t[0], t[1]))
    return cand, rule, reason


def resolve_people(doc: DocumentFacts, lookup: Lookup) -> dict[str, PersonRef]:
    """Map every person name in ``doc`` to a PersonRef, asking ``lookup`` for stored candidates.

    ``lookup(names, organisations)`` returns stored persons called one of ``names`` (or
    with one of them as alias) or linked to one of ``organisations``.
    """
    counts = person_names(doc)
    ctx = document_contexts(doc)
    within = _merge_within(ctx, counts)
    for variant, (keep, _) in within.items():  # the kept name carries its variants' context
        ctx[keep].aliases.add(variant)
        ctx[keep].organisations |= ctx[variant].organisations
        ctx[keep].positions |= ctx[variant].positions
        ctx[keep].honours |= ctx[variant].honours
    heads = [n for n in ctx if n not in within]
    orgs = sorted({o for n in heads for o in ctx[n].organisations})
    candidates = _Candidates(lookup(sorted(heads), orgs) if heads else [])
    refs: dict[str, PersonRef] = {}
    for name in heads:
        refs[name] = _resolve_one(ctx[name], candidates.near(ctx[name]), doc.checksum)
    for variant, (keep, reason) in within.items():
        head = refs[keep]
        refs[variant] = PersonRef(head.id, head.name, "ocr-variant", reason, head.aliases)
    return refs


def _resolve_one(new: PersonContext, candidates: list[StoredPerson], checksum: str) -> PersonRef:
    best = _best(new, candidates)
    if best:
        cand, rule, reason = best
        aliases = sorted((cand.aliases | new.aliases | {new.name}) - {cand.name})
        return PersonRef(cand.id, cand.name, rule, reason, tuple(aliases))
    anchor = min(new.organisations) if new.organisations else f"document {checksum}"
    reason = (f"new person {new.name} at {anchor}" if new.organisations
              else f"new person {new.name}, no context linking to another document")
    return PersonRef(stable_id("Person", new.name, anchor), new.name, "new", reason,
                     tuple(sorted(new.aliases - {new.name})))
