"""Extraction in worker processes gives what one process gives, in the same order."""

import pytest
from conftest import EXAMPLES
from console import kg as run_kg
from console import one_line_error
from rdflib.compare import isomorphic

import kg
import kg.workers
from kg.documents import read_documents


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(kg.workers, "CHUNK_SIZE", 1)
    monkeypatch.setattr(kg.workers, "MIN_PARALLEL_DOCUMENTS", 2)


def test_workers_return_the_records_one_process_finds(nlp, small_chunks):
    documents = list(read_documents([EXAMPLES]))
    serial = list(kg.workers.extract(nlp, documents))
    parallel = list(kg.workers.extract_all(nlp, documents, jobs=2, model="unused when forked",
                                           ontology=None, gazetteer=None))
    assert [e.document.id for e in parallel] == [d.id for d in documents]
    assert parallel == serial and sum(len(e.relations) for e in parallel) > 20


def test_the_graph_does_not_depend_on_the_number_of_jobs(small_chunks):
    one = kg.build([EXAMPLES], jobs=1)
    two = kg.build([EXAMPLES], jobs=2)
    assert isomorphic(one.graph, two.graph)


def test_jobs_on_the_command_line(tmp_path):
    assert run_kg("build", EXAMPLES, "--jobs", "2", "-o", tmp_path / "g.ttl", "-q").returncode == 0
    assert one_line_error(run_kg("build", EXAMPLES, "--jobs", "0"), "jobs must be 1 or more")
