"""Extraction on a Dask cluster: a LocalCluster of two worker processes on loopback, started
and stopped by the test, gives the graph one process gives."""

import pytest
from conftest import EXAMPLES
from rdflib.compare import isomorphic

import kg

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=None, silence_logs=40)
    with distributed.Client(cluster, timeout="60s") as connected:
        yield connected
    cluster.close(timeout=60)


def _pipelines_loaded() -> int:
    import kg.workers

    return kg.workers._cluster_nlp.cache_info().currsize


def test_a_cluster_builds_the_graph_one_process_builds(client, monkeypatch):
    import kg.workers

    monkeypatch.setattr(kg.workers, "CHUNK_SIZE", 1)  # a chunk a document: both workers get some
    documents = list(kg.read_documents([EXAMPLES]))
    here = kg.build(documents, jobs=1)
    there = kg.build(documents, client=client)
    assert isomorphic(here.graph, there.graph)
    assert list(client.run(_pipelines_loaded).values()) == [1, 1]  # each worker loaded it once


def test_a_store_fills_from_a_cluster(tmp_path, client):
    result = kg.update_store(tmp_path / "kg.db", [EXAMPLES], client=client)
    assert len(result.added) == 6
    assert isomorphic(kg.load(tmp_path / "kg.db").graph, kg.build([EXAMPLES], jobs=1).graph)


def test_an_unreachable_scheduler_is_one_line():
    from console import kg as run_kg
    from console import one_line_error

    assert one_line_error(run_kg("build", EXAMPLES, "--dask", "tcp://127.0.0.1:9", "-q"), "Dask scheduler")
