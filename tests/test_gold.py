"""The gold set itself: every file well formed and anchored in the founding corpus."""
from __future__ import annotations

import json

import pytest

from tests.conftest import CORPUS, GOLD

GOLD_FILES = sorted(GOLD.glob("*.json"))
KINDS = ("awards", "positions", "studios", "mentorships", "events", "persons", "organisations")
FIELDS = {
    "awards": {"recipient", "recipient_kind", "honour", "year", "recipient_org"},
    "positions": {"person", "organisation", "title"},
    "studios": {"name", "leader", "host"},
    "mentorships": {"master", "apprentice"},
    "events": {"name", "date", "place", "organisers"},
}


def test_gold_covers_every_founding_document():
    sources = {json.loads(f.read_text(encoding="utf-8"))["source"] for f in GOLD_FILES}
    assert sources == {p.name for p in CORPUS.glob("*.txt")}
    assert len(GOLD_FILES) >= 30


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_is_anchored_and_complete(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    source = (CORPUS / gold["source"]).read_text(encoding="utf-8")
    assert gold["text"] == source[gold["start"]:gold["end"]]
    assert path.stem == gold["id"]
    if "__" in gold["id"]:
        assert gold["id"].endswith(f"__{gold['start']:06d}")
    assert set(KINDS) <= set(gold["gold"])
    for kind, fields in FIELDS.items():
        for fact in gold["gold"][kind]:
            assert set(fact) >= fields, (kind, fact)
    for award in gold["gold"]["awards"]:
        assert award["recipient_kind"] in ("person", "organisation")
        assert award["year"] is None or isinstance(award["year"], int)
    assert "Review:" in gold["notes"] or "RE-CHECK" in gold["notes"]  # a second reading is recorded


def test_gold_units_of_one_document_do_not_overlap():
    spans: dict[str, list[tuple[int, int]]] = {}
    for f in GOLD_FILES:
        g = json.loads(f.read_text(encoding="utf-8"))
        spans.setdefault(g["source"], []).append((g["start"], g["end"]))
    for ranges in spans.values():
        ranges.sort()
        assert all(e1 <= s2 for (_, e1), (s2, _) in zip(ranges, ranges[1:]))
