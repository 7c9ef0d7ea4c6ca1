"""Building a knowledge graph: documents → spaCy → mentions and relations → entities → RDF."""

from __future__ import annotations

import gc
import hashlib
import sys
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from pathlib import Path

from rdflib import Graph

from .documents import Document, read_documents, require_documents
from .entities import EntityIndex
from .errors import InputError, KGError
from .extract.pipeline import (
    DEFAULT_MODEL,
    _gazetteer,
    _kept,
    _ontology,
    content_key,
    pipeline,
)
from .extract.scoring import Weights
from .graph import KnowledgeGraph
from .ontology import data_dir, default_ontology_path
from .rdf.store import StoreUpdate
from .rdf.vocab import Base
from .rdf.write import GraphWriter
from .records import Extraction
from .workers import available_cores, extract_all, extract_on_cluster

#: above this many documents, a progress bar is shown on standard error
PROGRESS_THRESHOLD = 5
#: extractions written to a store at a time: fewer, larger writes, with memory for one batch
STORE_BATCH = 500


def build(sources: Iterable[str | Path | Document] | str | Path | Document, *,
          ontology: str | Path | None = None,
          gazetteer: str | Path | None = None,
          model: str = DEFAULT_MODEL,
          min_confidence: float = 0.0,
          weights: str | Path | Weights | None = None,
          base: str | None = None,
          jobs: int | None = None,
          client=None,
          progress: bool = False,
          on_error: Callable[[InputError], None] | None = None,
          on_note: Callable[[str], None] | None = None) -> KnowledgeGraph:
    """Build a knowledge graph from documents.

    ``sources`` are paths (files, folders read recursively, ``"-"`` for standard input), URLs
    of pages or feeds, or ``Document`` objects. A source that cannot be read is passed to
    ``on_error`` and skipped (by default it raises); what kg guessed or changed while reading
    (an encoding, a split into sections) is passed to ``on_note``. Relations whose confidence
    is below ``min_confidence`` are left out. Confidence is the probability that ``weights``
    (a file written by ``kg calibrate``, or ``Weights``) give each candidate; by default kg's
    own weights with kg's ontology, and with another ontology the confidence of the rule that
    read the relation (as with ``weights="none"``). IRIs are minted under ``base``
    (default ``https://example.org/kg/``). Extraction runs in ``jobs`` processes (default:
    every core available), or on the workers of a Dask ``client`` (``distributed.Client``);
    the graph is the same whichever.
    """
    if isinstance(sources, (str, Path, Document)):
        sources = [sources]
    iri_base = Base(base) if base is not None else Base()
    handlers = {k: v for k, v in (("on_error", on_error), ("on_note", on_note)) if v is not None}
    documents = require_documents(list(read_documents(sources, **handlers)))
    graph, left_out, _ = write_graph(documents, ontology=ontology, gazetteer=gazetteer, model=model,
                                     min_confidence=min_confidence, weights=weights, base=iri_base, jobs=jobs,
                                     client=client, progress=progress)
    return KnowledgeGraph(graph=graph, rejected=left_out)


def write_graph(documents: Sequence[Document], *, ontology: str | Path | None, gazetteer: str | Path | None,
                model: str, min_confidence: float, weights: str | Path | Weights | None, base: Base,
                jobs: int | None, client, progress: bool = False,
                on_extraction: Callable[[Extraction], None] | None = None) -> tuple[Graph, list, EntityIndex]:
    """Extract documents and write their graph as extractions arrive; the graph, the candidates
    left out and the entity index. Each extraction, scored, is also passed to ``on_extraction``."""
    onto_path = str(ontology) if ontology is not None else None
    gaz_path = str(gazetteer) if gazetteer is not None else None
    if jobs is not None and jobs < 1:
        raise KGError("jobs must be 1 or more")
    nlp = pipeline(model, ontology=onto_path, gazetteer=gaz_path)
    scorer = scoring_weights(weights, ontology=onto_path)
    index = EntityIndex(_gazetteer(gaz_path, onto_path), base=base)
    # the graph is written as extractions arrive, while workers read the next documents
    writer = GraphWriter(index, ontology=_ontology(onto_path), min_confidence=min_confidence)
    with _progress(len(documents), enabled=progress) as bar, _no_cycle_collection():
        for extraction in _extractions(nlp, documents, jobs=jobs, client=client, model=model,
                                       ontology=onto_path, gazetteer=gaz_path):
            if scorer is not None:
                extraction = scorer.rescore(extraction)
            index.add(extraction.mentions)
            writer.add(extraction)
            if on_extraction is not None:
                on_extraction(extraction)
            bar.update(1)
        graph, left_out = writer.finish()
    return graph, left_out, index


#: what ``weights`` says for the rules' own confidence
NO_WEIGHTS = "none"


def scoring_weights(weights: str | Path | Weights | None, *, ontology: str | Path | None) -> Weights | None:
    """The weights that score candidates: those given, or kg's own for kg's ontology."""
    if isinstance(weights, Weights):
        return weights
    if weights is None:
        if ontology is not None and Path(ontology).resolve() != default_ontology_path().resolve():
            return None  # kg's weights know kg's relations only
        weights = default_weights_path()
    if str(weights) == NO_WEIGHTS:
        return None
    return _weights(str(weights))


def default_weights_path() -> Path:
    return data_dir() / "kg-weights.json"


_WEIGHTS: OrderedDict = OrderedDict()


def _weights(path: str) -> Weights:
    return _kept(_WEIGHTS, content_key(path), lambda: Weights.load(path))


@contextmanager
def _no_cycle_collection():
    """The cycle collector paused while a graph grows: each pass would walk every triple
    written so far (40% of the writing time on a large build), and what a build makes is
    freed by reference counting. The collector's state is restored after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _extractions(nlp, documents, *, jobs: int | None, client, model: str, ontology: str | None,
                 gazetteer: str | None):
    if client is not None:
        return extract_on_cluster(client, documents, model=model,
                                  ontology=ontology or str(default_ontology_path()),
                                  gazetteer=gazetteer or str(data_dir() / "gazetteer.ttl"))
    return extract_all(nlp, documents, jobs=jobs or available_cores(), model=model, ontology=ontology,
                       gazetteer=gazetteer)


def connect(address: str):
    """A Dask client of the scheduler at ``address`` (``tcp://host:8786``)."""
    try:
        from distributed import Client
    except ImportError:
        raise KGError("a cluster needs Dask: pip install 'kg[cluster]'") from None
    try:
        return Client(address, timeout="30s")
    except (OSError, TimeoutError) as exc:
        raise KGError(f"{address}: cannot reach the Dask scheduler: {exc}") from None


def _progress(total: int, *, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="kg build", file=sys.stderr,
                disable=not enabled or total <= PROGRESS_THRESHOLD)


def _settings(*, base: Base, onto_path: Path, gaz_path: Path, model: str, min_confidence: float,
              weights: Weights | None) -> dict:
    from .extract.pipeline import _installed_name

    return {"base": base.iri, "ontology": content_key(str(onto_path))[1], "gazetteer": content_key(str(gaz_path))[1],
            "model": _installed_name(model), "min_confidence": min_confidence,
            "weights": hashlib.sha256(weights.to_json().encode()).hexdigest() if weights else NO_WEIGHTS}


def update_store(store: str | Path, sources: Iterable[str | Path | Document] | str | Path | Document = (), *,
                 remove: Iterable[str] = (),
                 ontology: str | Path | None = None,
                 gazetteer: str | Path | None = None,
                 model: str = DEFAULT_MODEL,
                 min_confidence: float = 0.0,
                 weights: str | Path | Weights | None = None,
                 base: str | None = None,
                 jobs: int | None = None,
                 client=None,
                 progress: bool = False,
                 on_error: Callable[[InputError], None] | None = None,
                 on_note: Callable[[str], None] | None = None) -> StoreUpdate:
    """Add documents to a store on disk (created if needed), replacing those whose text
    changed and skipping those already there unchanged, and drop the documents in ``remove``.
    Only new and changed documents are extracted; the store then equals a full build of the
    documents it holds. Takes the options of ``build``; a store keeps its first settings."""
    from .rdf.store import Store, content_hash, is_store, stored_settings

    if isinstance(sources, (str, Path, Document)):
        sources = [sources]
    if jobs is not None and jobs < 1:
        raise KGError("jobs must be 1 or more")
    remove = list(remove)
    folder = Path(store)
    copies = (folder / "ontology.ttl", folder / "gazetteer.ttl")
    weights_copy = folder / "weights.json"
    if is_store(folder) and ontology is None and gazetteer is None:
        onto_file, gaz_file = copies  # the store's own: what it was built with
        if weights is None:
            weights = weights_copy if weights_copy.exists() else NO_WEIGHTS
    else:
        onto_file = Path(ontology) if ontology is not None else default_ontology_path()
        gaz_file = Path(gazetteer) if gazetteer is not None else data_dir() / "gazetteer.ttl"
    onto = _ontology(str(onto_file))  # read once a process while the file is unchanged
    gaz = _gazetteer(str(gaz_file), str(onto_file))
    scorer = scoring_weights(weights, ontology=ontology)
    iri_base = Base(base) if base is not None else Base()
    settings = _settings(base=iri_base, onto_path=onto_file, gaz_path=gaz_file, model=model,
                         min_confidence=min_confidence, weights=scorer)
    if is_store(folder) and base is None:
        settings["base"] = stored_settings(folder).get("base", settings["base"])
    handlers = {k: v for k, v in (("on_error", on_error), ("on_note", on_note)) if v is not None}
    documents = list(read_documents(sources, **handlers))
    if not documents and not remove:
        require_documents(documents)
    with Store(folder, settings=settings) as kept:
        for copy, original in zip(copies, (onto_file, gaz_file)):
            if not copy.exists():
                copy.write_bytes(original.read_bytes())
        if scorer is not None and not weights_copy.exists():
            weights_copy.write_text(scorer.to_json(), encoding="utf-8")
        known = kept.hashes()
        todo = [d for d in documents if known.get(d.id) != content_hash(d)]
        unchanged = tuple(d.id for d in documents if known.get(d.id) == content_hash(d))
        results = [kept.update([], gazetteer=gaz, ontology=onto, remove=remove, min_confidence=min_confidence)] \
            if remove else []
        if todo:
            # the store fills as results arrive, a batch at a time: memory holds one batch
            nlp = pipeline(model, ontology=str(copies[0]), gazetteer=str(copies[1]))
            batch: list[Extraction] = []
            with _progress(len(todo), enabled=progress) as bar:
                for extraction in _extractions(nlp, todo, jobs=jobs, client=client, model=model,
                                               ontology=str(copies[0]), gazetteer=str(copies[1])):
                    batch.append(scorer.rescore(extraction) if scorer is not None else extraction)
                    bar.update(1)
                    if len(batch) == STORE_BATCH:
                        results.append(kept.update(batch, gazetteer=gaz, ontology=onto,
                                                   min_confidence=min_confidence))
                        batch = []
            if batch:
                results.append(kept.update(batch, gazetteer=gaz, ontology=onto, min_confidence=min_confidence))
    return StoreUpdate(added=tuple(d for r in results for d in r.added),
                       replaced=tuple(d for r in results for d in r.replaced), unchanged=unchanged,
                       removed=tuple(d for r in results for d in r.removed),
                       rejudged=tuple(sorted({d for r in results for d in r.rejudged})),
                       rejected=[x for r in results for x in r.rejected])
