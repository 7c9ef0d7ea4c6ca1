"""Calibration: confidence weights fitted from documents and gold annotations of them.

The documents are read as a build reads them; every candidate relation that reaches the
graph is labelled right or wrong by the gold (as ``kg eval`` scores it: names by any label,
inverse and symmetric relations as the ontology declares them; ``optional`` gold relations
are left out), and a logistic regression of the labels on the candidates' features gives the
weights (``kg.extract.scoring``). How well the weights are calibrated is measured on
documents they were not fitted on: the documents are split into folds, and each fold is
scored with the weights fitted on the others.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .builder import NO_WEIGHTS, write_graph
from .documents import Document, read_documents, require_documents
from .errors import GoldError, InputError, KGError
from .evaluate import Gold, format_reliability, triple_labels
from .extract.pipeline import DEFAULT_MODEL, _ontology
from .extract.scoring import Bin, Weights, fit, reliability
from .rdf.vocab import Base
from .records import Extraction

#: folds of documents for the held-out reliability table
FOLDS = 5


@dataclass(frozen=True)
class Calibration:
    """Weights fitted on every document, and how they do on documents held out of the fit."""

    weights: Weights
    examples: int  # candidate relations the gold labels
    right: int  # of which right
    documents: int
    held_out: tuple[Bin, ...]  # reliability on held-out folds
    folds: int


def calibrate(sources: Iterable[str | Path | Document] | str | Path | Document, gold: Gold, *,
              ontology: str | Path | None = None,
              gazetteer: str | Path | None = None,
              model: str = DEFAULT_MODEL,
              l2: float = 1.0,
              folds: int = FOLDS,
              jobs: int | None = None,
              on_error: Callable[[InputError], None] | None = None,
              on_note: Callable[[str], None] | None = None) -> Calibration:
    """Fit confidence weights for an ontology from documents and gold annotations of them."""
    if isinstance(sources, (str, Path, Document)):
        sources = [sources]
    handlers = {k: v for k, v in (("on_error", on_error), ("on_note", on_note)) if v is not None}
    documents = require_documents(list(read_documents(sources, **handlers)))
    examples = labelled_candidates(documents, gold, ontology=ontology, gazetteer=gazetteer, model=model, jobs=jobs)
    flat = [(features, right) for rows in examples.values() for features, right in rows]
    if not flat:
        raise GoldError("the gold labels none of the relations kg reads in these documents: "
                        "do its doc fields name these documents?")
    if len({right for _, right in flat}) < 2:
        raise GoldError("every relation kg reads in these documents is " +
                        ("right" if flat[0][1] else "wrong") + " by the gold: nothing to tell apart")
    source = (f"{len(documents)} documents, {len(flat)} candidate relations, ontology "
              f"{Path(ontology).name if ontology is not None else 'kg.ttl'}")
    weights = fit(flat, l2=l2, source=source)
    folds = max(2, min(folds, len(examples)))
    held_out: list[tuple[float, bool]] = []
    fold_of = {doc: int(hashlib.sha1(doc.encode("utf-8")).hexdigest(), 16) % folds for doc in examples}
    for k in range(folds):
        train = [row for doc, rows in examples.items() if fold_of[doc] != k for row in rows]
        test = [row for doc, rows in examples.items() if fold_of[doc] == k for row in rows]
        if not test or len({right for _, right in train}) < 2:
            continue
        fitted = fit(train, l2=l2)
        held_out += [(fitted.probability(features), right) for features, right in test]
    return Calibration(weights=weights, examples=len(flat), right=sum(1 for _, r in flat if r),
                       documents=len(documents), held_out=tuple(reliability(held_out)), folds=folds)


def labelled_candidates(documents: Sequence[Document], gold: Gold, *, ontology: str | Path | None = None,
                        gazetteer: str | Path | None = None, model: str = DEFAULT_MODEL,
                        jobs: int | None = None) -> dict[str, list[tuple[tuple[str, ...], bool]]]:
    """Each document's candidate relations that reached the graph and that the gold scores,
    as (features, right), by document id."""
    extractions: list[Extraction] = []
    # the rules' own confidences: what is fitted is what the weights will replace
    graph, _, index = write_graph(documents, ontology=ontology, gazetteer=gazetteer, model=model, min_confidence=0.0,
                                  weights=NO_WEIGHTS, base=Base(), jobs=jobs, client=None,
                                  on_extraction=extractions.append)
    try:
        labels = triple_labels(graph, gold, ontology=_ontology(str(ontology) if ontology is not None else None))
    except GoldError as exc:
        raise KGError(str(exc)) from None
    found: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
    for extraction in extractions:
        rows = found.setdefault(extraction.document.id, [])
        for relation in extraction.relations:
            if relation.rejected is not None:
                continue
            label = labels.get((index.iri_of(relation.subject), relation.relation, index.iri_of(relation.object)))
            if label is not None:
                rows.append((relation.features, label))
    return {doc: rows for doc, rows in found.items() if rows}


def format_calibration(calibration: Calibration) -> str:
    return (f"fitted on {calibration.examples} candidate relations ({calibration.right} right) in "
            f"{calibration.documents} documents; held out in {calibration.folds} folds of documents, each "
            f"scored by weights fitted on the others:\n" + format_reliability(calibration.held_out))
