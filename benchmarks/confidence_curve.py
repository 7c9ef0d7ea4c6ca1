"""Precision and recall as the confidence threshold rises (kg build --min-confidence).

usage: python benchmarks/confidence_curve.py CORPUS GOLD.jsonl...

Builds the corpus once, keeps the relations stated with at least each threshold's
confidence, and scores each graph against the gold files.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import kg  # noqa: E402
from kg.evaluate import Gold, evaluate  # noqa: E402

THRESHOLDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)


def main(argv: list[str]) -> None:
    if len(argv) < 2:
        sys.exit(__doc__)
    graph = kg.build([argv[0]])
    gold = Gold.load(argv[1:])
    print("min-confidence  relations  precision  recall  f1")
    for threshold in THRESHOLDS:
        score = evaluate(graph.with_min_confidence(threshold).graph, gold)
        print(f"{threshold:14.1f}  {score.predicted:9d}  {score.precision:9.3f}  {score.recall:6.3f}  {score.f1:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
