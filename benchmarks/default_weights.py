"""Fit the confidence weights kg ships for its own ontology (ontologies/kg-weights.json).

usage: python benchmarks/default_weights.py [-o ontologies/kg-weights.json]

Two sets of labelled candidates, both allowed for fitting:
  - kg's own example and calibration articles (written by the kg team) with their gold
    (examples/gold), read with kg's ontology;
  - the train split of the CoNLL04 newswire benchmark (../shared/external/conll04/train),
    read with its own ontology: many more sentences, so that what a construction, a path
    length or a name's source says of a candidate is learned from more than a hundred cases.
Each set has its own intercept (its own rate of right candidates: CoNLL04's annotation leaves
out many true relations), and the shipped bias is that of kg's own articles. The dev articles
of ../shared/corpus are never read here: they measure the weights (the reliability table in
the README, benchmarks/confidence_curve.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.calibrate import labelled_candidates  # noqa: E402
from kg.documents import read_documents  # noqa: E402
from kg.evaluate import Gold  # noqa: E402
from kg.extract.scoring import Weights, fit  # noqa: E402

CONLL04 = ROOT.parent / "shared" / "external" / "conll04"


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default=str(ROOT / "ontologies" / "kg-weights.json"))
    args = parser.parse_args(argv)
    if not (CONLL04 / "train").is_dir():
        sys.exit(f"needs {CONLL04}/train")
    ours = labelled_candidates(list(read_documents([ROOT / "examples" / "articles", ROOT / "examples" / "calibration"])),
                               Gold.load(sorted((ROOT / "examples" / "gold").glob("*.gold.jsonl"))))
    conll = labelled_candidates(list(read_documents([CONLL04 / "train" / "docs"])),
                                Gold.load([CONLL04 / "train" / "gold.jsonl"]), ontology=CONLL04 / "ontology.ttl")
    examples = [((*features, "corpus=kg"), right) for rows in ours.values() for features, right in rows]
    examples += [((*features, "corpus=conll04"), right) for rows in conll.values() for features, right in rows]
    fitted = fit(examples)
    weights = dict(fitted.weights)
    bias = fitted.bias + weights.pop("corpus=kg")
    weights.pop("corpus=conll04")
    source = (f"{sum(map(len, ours.values()))} candidates in {len(ours)} kg articles and "
              f"{sum(map(len, conll.values()))} in {len(conll)} CoNLL04 train documents (benchmarks/default_weights.py)")
    Path(args.output).write_text(Weights(bias=bias, weights=weights, source=source).to_json(), encoding="utf-8")
    print(f"wrote {args.output}: {source}")


if __name__ == "__main__":
    main(sys.argv[1:])
