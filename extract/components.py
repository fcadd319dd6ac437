"""The domain components of the spaCy pipeline, registered by name (see extract/config.cfg).

``honours_mentions_v1`` adds the typed mentions (people, organisations, honours) the
statistical model misses or splits; ``honours_relations_v1`` reads the facts of the
article the Doc carries (``doc._.article``, set by :func:`extract.extractor.article_doc`).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extract.extractor import facts_of, mentions_of

for _name in ("article", "context", "mentions", "facts"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.component("honours_mentions_v1")
def domain_mentions(doc: Doc) -> Doc:
    """Typed mentions: LAC's entities completed by organisation, name and honour recognisers."""
    doc._.mentions = mentions_of(doc)
    return doc


@Language.component("honours_relations_v1")
def relations(doc: Doc) -> Doc:
    """Awards, positions, studios, mentorships and events of the article, with evidence."""
    doc._.facts = facts_of(doc) if doc._.article is not None else []
    return doc
