"""Extraction on every core, or on a cluster: documents go to worker processes in chunks,
and their mentions and relations (plain, picklable records) come back in the order the
documents were given.

Each worker has its own spaCy pipeline: inherited from the parent where processes fork (the
pipeline is loaded once), loaded by the worker where they spawn. A build with few documents,
or with one job, stays in the calling process. On a Dask cluster, the ontology and gazetteer
travel with the tasks (workers need not share a file system with the client) and each worker
loads the pipeline once.
"""

from __future__ import annotations

import functools
import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Iterator, Sequence
from itertools import islice
from pathlib import Path

from .documents import Document
from .records import Extraction

#: documents a worker takes at a time: large enough to keep spaCy's batches full, small
#: enough that results stream back and memory stays flat
CHUNK_SIZE = 16
#: fewer documents than this are not worth starting processes for
MIN_PARALLEL_DOCUMENTS = 2 * CHUNK_SIZE
BATCH_SIZE = 16
#: chunks in flight a worker: enough that no worker waits while the caller writes results
AHEAD = 4

_nlp = None  # the worker's pipeline


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _chunks(documents: Sequence[Document]) -> list[list[Document]]:
    return [list(documents[i:i + CHUNK_SIZE]) for i in range(0, len(documents), CHUNK_SIZE)]


def extract(nlp, documents: Sequence[Document]) -> Iterator[Extraction]:
    """Each document's mentions and relation candidates, in this process."""
    for document, doc in zip(documents, nlp.pipe((d.text for d in documents), batch_size=BATCH_SIZE)):
        yield Extraction(document=document, mentions=tuple(doc._.kg_mentions), relations=tuple(doc._.kg_relations))


def _start_worker(nlp, model: str, ontology: str | None, gazetteer: str | None) -> None:
    global _nlp
    if nlp is not None:
        _nlp = nlp  # forked: the parent's pipeline, already loaded
    else:
        from .extract.pipeline import make_nlp

        _nlp = make_nlp(model, ontology=ontology, gazetteer=gazetteer)


def _extract_chunk(chunk: list[Document]) -> list[Extraction]:
    return list(extract(_nlp, chunk))


def extract_all(nlp, documents: Sequence[Document], *, jobs: int, model: str, ontology: str | None,
                gazetteer: str | None) -> Iterator[Extraction]:
    """Every document's extraction, in order, from ``jobs`` processes (this one when 1)."""
    if jobs <= 1 or len(documents) < MIN_PARALLEL_DOCUMENTS:
        yield from extract(nlp, documents)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    inherited = nlp if context.get_start_method() == "fork" else None
    chunks = iter(_chunks(documents))
    workers = min(jobs, -(-len(documents) // CHUNK_SIZE))
    # the pipeline's objects, inherited by forked workers, are left out of their garbage
    # collections: scanning them would cost time and copy every page they live on
    gc.collect()
    gc.freeze()
    try:
        with context.Pool(workers, initializer=_start_worker,
                          initargs=(inherited, model, ontology, gazetteer)) as pool:
            # a few chunks ahead of what the caller has taken, not all of them: results wait
            # in this window while the caller writes, so memory stays flat however many documents
            pending = deque(pool.apply_async(_extract_chunk, (chunk,)) for chunk in islice(chunks, AHEAD * workers))
            while pending:
                extractions = pending.popleft().get()
                for chunk in islice(chunks, 1):
                    pending.append(pool.apply_async(_extract_chunk, (chunk,)))
                yield from extractions
    finally:
        gc.unfreeze()


# -- Dask -------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=4)
def _cluster_nlp(model: str, ontology: bytes | None, gazetteer: bytes | None):
    """A worker's pipeline for these settings, loaded once per worker process."""
    import tempfile

    from .extract.pipeline import make_nlp

    folder = Path(tempfile.mkdtemp(prefix="kg-worker-"))
    paths = []
    for name, data in (("ontology.ttl", ontology), ("gazetteer.ttl", gazetteer)):
        if data is None:
            paths.append(None)
        else:
            (folder / name).write_bytes(data)
            paths.append(str(folder / name))
    return make_nlp(model, ontology=paths[0], gazetteer=paths[1])


def _cluster_chunk(chunk: list[Document], model: str, ontology: bytes | None,
                   gazetteer: bytes | None) -> list[Extraction]:
    return list(extract(_cluster_nlp(model, ontology, gazetteer), chunk))


def extract_on_cluster(client, documents: Sequence[Document], *, model: str, ontology: str | None,
                       gazetteer: str | None) -> Iterator[Extraction]:
    """Every document's extraction, in order, from the workers of a Dask ``client``; results
    are taken in order as they are ready, with a few chunks a worker in flight, so that memory
    stays flat here and on the workers."""
    onto = Path(ontology).read_bytes() if ontology else None
    gaz = Path(gazetteer).read_bytes() if gazetteer else None
    chunks = iter(_chunks(documents))
    window = AHEAD * max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info().get("workers", {}).values()))
    futures = deque(client.submit(_cluster_chunk, chunk, model, onto, gaz, pure=False)
                    for chunk in islice(chunks, window))
    try:
        while futures:
            future = futures.popleft()
            for chunk in islice(chunks, 1):
                futures.append(client.submit(_cluster_chunk, chunk, model, onto, gaz, pure=False))
            yield from future.result()
            future.release()
    finally:
        client.cancel([f for f in futures if not f.done()])
