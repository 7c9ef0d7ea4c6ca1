"""Building a knowledge graph: documents → spaCy → mentions and relations → entities → RDF."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from .documents import Document, read_documents, require_documents
from .entities import EntityIndex
from .errors import InputError, KGError
from .graph import Extraction, KnowledgeGraph, to_graph
from .pipeline import DEFAULT_MODEL, _gazetteer, _ontology, make_nlp
from .vocab import Base
from .workers import available_cores, extract_all

#: above this many documents, a progress bar is shown on standard error
PROGRESS_THRESHOLD = 5


def build(sources: Iterable[str | Path | Document] | str | Path | Document, *,
          ontology: str | Path | None = None,
          gazetteer: str | Path | None = None,
          model: str = DEFAULT_MODEL,
          min_confidence: float = 0.0,
          base: str | None = None,
          jobs: int | None = None,
          progress: bool = False,
          on_error: Callable[[InputError], None] | None = None,
          on_note: Callable[[str], None] | None = None) -> KnowledgeGraph:
    """Build a knowledge graph from documents.

    ``sources`` are paths (files, folders read recursively, ``"-"`` for standard input), URLs
    of pages or feeds, or ``Document`` objects. A source that cannot be read is passed to
    ``on_error`` and skipped (by default it raises); what kg guessed or changed while reading
    (an encoding, a split into sections) is passed to ``on_note``. Relations whose confidence
    is below ``min_confidence`` are left out. IRIs are minted under ``base``
    (default ``https://example.org/kg/``). Extraction runs in ``jobs`` processes (default:
    every core available); the graph is the same whatever the number.
    """
    if isinstance(sources, (str, Path, Document)):
        sources = [sources]
    iri_base = Base(base) if base is not None else Base()
    handlers = {k: v for k, v in (("on_error", on_error), ("on_note", on_note)) if v is not None}
    documents = require_documents(list(read_documents(sources, **handlers)))
    onto_path = str(ontology) if ontology is not None else None
    gaz_path = str(gazetteer) if gazetteer is not None else None
    nlp = make_nlp(model, ontology=onto_path, gazetteer=gaz_path)
    onto = _ontology(onto_path)
    index = EntityIndex(_gazetteer(gaz_path, onto_path), base=iri_base)

    if jobs is not None and jobs < 1:
        raise KGError("jobs must be 1 or more")
    extractions: list[Extraction] = []
    with _progress(len(documents), enabled=progress) as bar:
        for extraction in extract_all(nlp, documents, jobs=jobs or available_cores(), model=model,
                                      ontology=onto_path, gazetteer=gaz_path):
            index.add(extraction.document.id, extraction.mentions)
            extractions.append(extraction)
            bar.update(1)

    graph, left_out = to_graph(extractions, index, ontology=onto, min_confidence=min_confidence)
    return KnowledgeGraph(graph=graph, rejected=left_out)


def _progress(total: int, *, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="kg build", file=sys.stderr,
                disable=not enabled or total <= PROGRESS_THRESHOLD)
