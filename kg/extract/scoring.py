"""Confidence: how likely a candidate relation is to be right, learned from gold annotations.

Every candidate carries features of how its sentence states it (``RelationMention.features``):
the construction (a verb with its subject and object, a possessive, an apposition, ...), the
relation, where each name comes from (gazetteer, name pattern, NER, a resolved reference),
the length of the dependency path between the two names and the words between them. A
logistic regression over them (``fit``) turns them into a probability; ``Weights`` holds the
fitted coefficients, as JSON. kg ships the weights for its own ontology; ``kg calibrate``
fits them for any ontology from a few annotated documents. Without weights a candidate keeps
the confidence its rule gave it.

Nothing here imports spaCy: scoring runs where the graph is written.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import KGError
from ..records import Extraction, Mention

FORMAT = 1


def relation_features(rule: str, relation: str, subject: Mention, obj: Mention, *, trigger: int,
                      path: int, names: int) -> tuple[str, ...]:
    """The features of one candidate. ``rule`` is how it was read ("verb:reversed"),
    ``relation`` the relation's local name, ``trigger`` the trigger's token index, ``path``
    the number of dependency arcs between the two names, ``names`` how many names the
    sentence has."""
    construction, *how = rule.split(":")
    first, last = sorted((subject, obj), key=lambda m: m.start)
    gap = max(0, last.start - first.end)
    found = [f"rule={construction}", f"relation={relation}", f"subject={subject.source}",
             f"object={obj.source}", f"path={_bucket(path, (1, 2, 3, 5))}", f"gap={_bucket(gap, (0, 2, 5, 10))}",
             f"names={_bucket(names, (2, 4, 7))}",
             "trigger=between" if first.end <= trigger < last.start else "trigger=outside"]
    found += [f"how={h}" for h in how]
    if subject.context_typed or obj.context_typed:
        found.append("typed-by-context")
    return tuple(found)


def _bucket(value: int, bounds: Sequence[int]) -> str:
    """ "2", "3-5", "11+": a count in ranges, so that one weight covers similar lengths."""
    low = 0
    for bound in bounds:
        if value <= bound:
            return str(bound) if low == bound else f"{low}-{bound}"
        low = bound + 1
    return f"{low}+"


@dataclass(frozen=True)
class Weights:
    """A fitted logistic regression: the probability of a candidate is the logistic function
    of ``bias`` plus the weights of its features (unknown features weigh nothing)."""

    bias: float
    weights: Mapping[str, float] = field(default_factory=dict)
    #: what the weights were fitted on: documents, relations, ontology
    source: str = ""

    def probability(self, features: Iterable[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def rescore(self, extraction: Extraction) -> Extraction:
        """The extraction, each candidate's confidence the probability of its features."""
        # a rejected candidate keeps its rule's confidence: only what may be written is scored
        relations = tuple(r if r.rejected is not None else replace(r, confidence=round(self.probability(r.features), 3))
                          for r in extraction.relations)
        return replace(extraction, relations=relations)

    @classmethod
    def load(cls, path: str | Path) -> Weights:
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise KGError(f"{path}: cannot read the weights: {exc.strerror or exc}") from None
        except (UnicodeDecodeError, ValueError):
            raise KGError(f"{path}: not a weights file (JSON written by kg calibrate)") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("weights"), dict):
            raise KGError(f"{path}: not a weights file (JSON written by kg calibrate)")
        try:
            return cls(bias=float(data["bias"]), weights={str(k): float(v) for k, v in data["weights"].items()},
                       source=str(data.get("source", "")))
        except (KeyError, TypeError, ValueError):
            raise KGError(f"{path}: not a weights file (JSON written by kg calibrate)") from None

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, "source": self.source, "bias": round(self.bias, 4),
                           "weights": {k: round(v, 4) for k, v in sorted(self.weights.items())}},
                          indent=1, ensure_ascii=False) + "\n"


def fit(examples: Sequence[tuple[Sequence[str], bool]], *, l2: float = 1.0, source: str = "") -> Weights:
    """Logistic regression of right (``True``) and wrong candidates on their features, by
    Newton's method, with an L2 penalty ``l2`` on the weights (not the bias) so that a feature
    seen a few times stays near zero."""
    import numpy

    if not examples:
        raise KGError("no candidate relations to fit weights on")
    names = sorted({f for features, _ in examples for f in features})
    column = {name: i + 1 for i, name in enumerate(names)}
    x = numpy.zeros((len(examples), len(names) + 1))
    x[:, 0] = 1.0
    for row, (features, _) in enumerate(examples):
        for f in features:
            x[row, column[f]] = 1.0
    y = numpy.array([1.0 if right else 0.0 for _, right in examples])
    penalty = numpy.full(len(names) + 1, l2)
    penalty[0] = 0.0
    beta = numpy.zeros(len(names) + 1)
    for _ in range(50):
        p = 1.0 / (1.0 + numpy.exp(-numpy.clip(x @ beta, -30, 30)))
        gradient = x.T @ (p - y) + penalty * beta
        hessian = (x * (p * (1 - p))[:, None]).T @ x + numpy.diag(penalty) + 1e-9 * numpy.eye(len(beta))
        step = numpy.linalg.solve(hessian, gradient)
        beta -= step
        if numpy.abs(step).max() < 1e-7:
            break
    return Weights(bias=float(beta[0]), weights={n: float(beta[column[n]]) for n in names}, source=source)


@dataclass(frozen=True)
class Bin:
    """Relations whose confidence falls in [low, high): how many, their mean confidence, and
    the share of them that is right."""

    low: float
    high: float
    count: int
    mean_confidence: float
    right: float


def reliability(pairs: Iterable[tuple[float, bool]], *, bins: int = 5) -> list[Bin]:
    """A reliability table: confidences in ``bins`` equal ranges, each with the share right.
    Calibrated scores have ``right`` close to ``mean_confidence`` in every bin."""
    groups: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for confidence, right in pairs:
        groups[min(bins - 1, int(confidence * bins))].append((confidence, right))
    return [Bin(low=i / bins, high=(i + 1) / bins, count=len(g),
                mean_confidence=sum(c for c, _ in g) / len(g) if g else 0.0,
                right=sum(1 for _, r in g if r) / len(g) if g else 0.0) for i, g in enumerate(groups)]
