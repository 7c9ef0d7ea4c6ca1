"""Precision and recall as the confidence threshold rises (kg build --min-confidence), and
the reliability table of the confidences (how often the relations of each range are right).

usage: python benchmarks/confidence_curve.py CORPUS GOLD.jsonl... [--weights FILE|none] [--ontology FILE]

Builds the corpus once, keeps the relations stated with at least each threshold's
confidence, and scores each graph against the gold files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import kg  # noqa: E402
from kg.evaluate import Gold, evaluate, format_reliability, reliability_pairs  # noqa: E402
from kg.extract.scoring import reliability  # noqa: E402
from kg.ontology import Ontology  # noqa: E402

THRESHOLDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("gold", nargs="+")
    parser.add_argument("--weights", help="confidence weights (default: kg's own; none: the rules' confidence)")
    parser.add_argument("--ontology")
    args = parser.parse_args(argv)
    graph = kg.build([args.corpus], weights=args.weights, ontology=args.ontology)
    gold = Gold.load(args.gold)
    ontology = Ontology.load(args.ontology) if args.ontology else None
    print("min-confidence  relations  precision  recall  f1")
    for threshold in THRESHOLDS:
        score = evaluate(graph.with_min_confidence(threshold).graph, gold, ontology=ontology)
        print(f"{threshold:14.1f}  {score.predicted:9d}  {score.precision:9.3f}  {score.recall:6.3f}  {score.f1:.3f}")
    sys.stdout.write(format_reliability(reliability(reliability_pairs(graph.graph, gold, ontology=ontology))))


if __name__ == "__main__":
    main(sys.argv[1:])
