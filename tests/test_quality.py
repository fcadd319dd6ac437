"""The extractor against the hand-annotated gold set, with required minimums.

The minimums sit just under today's scores so that a regression fails; the README's
quality table shows the full precision/recall and the issue's targets.
"""
from __future__ import annotations

import json

import pytest

from tests.scoring import score, score_examples

pytestmark = pytest.mark.slow

MINIMUM_F1 = {
    "persons": 0.95, "organisations": 0.79, "awards": 0.86, "positions": 0.88,
    "affiliations": 0.85, "events": 0.68,
}


@pytest.fixture(scope="module")
def result() -> dict:
    run = score("--json", *(f"--require={k}={v}" for k, v in MINIMUM_F1.items()))
    assert run.stdout, run.stderr
    return {"run": run, **json.loads(run.stdout)}


def test_quality_meets_required_minimums(result):
    assert result["run"].returncode == 0, result["run"].stderr


def test_quality_every_prediction_belongs_to_a_gold_unit(result):
    assert result["predictions_for_unknown_documents"] == []
    assert result["documents"] >= 40


def test_quality_award_years_right(result):
    assert result["award_year_accuracy"] >= 0.9


# 135 articles in tests/gold_unseen: the team's own, and twenty-five holdouts of five written blind (scored before
# any change made for them, see the README); positions and events dropped as holdouts 5-13 joined, organisations
# rose to 0.85 when holdouts 17-19 and their organisation fixes joined, positions to 0.82 when posts in a firm's
# workshop were written with the workshop in the title (holdouts 20-22), events to 0.87 when organisers and headline
# names were read across sentences (holdouts 23-25).
UNSEEN_MINIMUM_F1 = {"persons": 0.97, "organisations": 0.86, "awards": 0.92, "positions": 0.82, "events": 0.87}


def test_quality_unseen_style_examples_meet_minimums():
    run = score_examples(*(f"--require={k}={v}" for k, v in UNSEEN_MINIMUM_F1.items()))
    assert run.returncode == 0, run.stdout + run.stderr
