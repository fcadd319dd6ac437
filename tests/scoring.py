"""Score the extractor on the gold set: ``python -m tests.scoring [--examples] [--json]``.

Gold units are spans of the founding corpus files; each predicted fact is assigned to
the unit whose span holds its evidence, then ../shared/eval/score.py compares.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from extract.pipeline import extract_paths
from tests.conftest import CORPUS, GOLD, ROOT

EXAMPLES = ROOT / "examples"
GOLD_UNSEEN = GOLD.parent / "gold_unseen"

SCORER = CORPUS.parent / "eval" / "score.py"


def gold_units() -> dict[str, list[tuple[int, int, str]]]:
    """Gold unit spans per corpus file name: (start, end, id)."""
    units: dict[str, list[tuple[int, int, str]]] = {}
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        units.setdefault(gold["source"], []).append((gold["start"], gold["end"], gold["id"]))
    return units


def predictions_by_unit() -> list[dict]:
    """Facts extracted from the corpus, their evidence doc renamed to the gold unit id."""
    units = gold_units()
    rows = []
    for doc in extract_paths([str(CORPUS)]):
        for fact in getattr(doc, "facts", []):
            row = fact.to_json()
            ev = row["evidence"]
            for start, end, unit in units.get(Path(ev["doc"]).name, []):
                if start <= ev["start"] < end:
                    ev["doc"] = f"{unit}.txt"
                    rows.append(row)
                    break
    return rows


def run_scorer(gold: Path, rows: list[dict], *args: str) -> subprocess.CompletedProcess:
    """The shared scorer on ``rows`` against the gold folder, with extra arguments."""
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "predictions.jsonl"
        pred.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
        return subprocess.run([sys.executable, str(SCORER), str(gold), str(pred), *args],
                              capture_output=True, text=True)


def score(*args: str) -> subprocess.CompletedProcess:
    """Run the shared scorer on fresh predictions for the founding corpus's gold set."""
    return run_scorer(GOLD, predictions_by_unit(), *args)


def score_examples(*args: str) -> subprocess.CompletedProcess:
    """Run the shared scorer on the team's unseen-style examples (tests/gold_unseen)."""
    rows = [f.to_json() for doc in extract_paths([str(EXAMPLES)]) for f in getattr(doc, "facts", [])]
    return run_scorer(GOLD_UNSEEN, rows, *args)


if __name__ == "__main__":
    examples = "--examples" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--examples"]
    run = score_examples(*args) if examples else score(*args)
    sys.stdout.write(run.stdout)
    sys.stderr.write(run.stderr)
    sys.exit(run.returncode)
