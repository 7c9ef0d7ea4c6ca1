"""The graph store: incremental, idempotent, equal to a full build after any sequence of
changes; served over SPARQL and pushed to a Graph Store Protocol server, both real Oxigraph
servers started on loopback by the tests."""

from __future__ import annotations

import json
import socket
import subprocess
import time
from dataclasses import replace

import pytest
from conftest import EXAMPLES
from console import kg as run_kg
from console import one_line_error
from rdflib import Graph
from rdflib.compare import isomorphic

import kg
from kg.builder import update_store
from kg.documents import read_documents
from kg.rdf.store import StoreError


@pytest.fixture(scope="module")
def documents():
    return list(read_documents([EXAMPLES]))


def store_graph(path) -> Graph:
    return kg.load(path).graph


@pytest.mark.parametrize("steps", [
    [("add", [0, 1, 2]), ("add", [3, 4, 5])],
    [("add", [5, 4]), ("add", [0, 1, 2, 3]), ("remove", [4])],
    [("add", [0, 1, 2, 3, 4, 5]), ("edit", [2]), ("remove", [0, 5]), ("add", [0])],
    [("add", [1]), ("edit", [1]), ("add", [2, 3]), ("remove", [1]), ("remove", [2, 3]), ("add", [4])],
])
def test_any_sequence_of_changes_equals_a_full_build(tmp_path, documents, steps):
    store = tmp_path / "kg.db"
    held: dict[str, kg.Document] = {}
    for action, indices in steps:
        chosen = [documents[i] for i in indices]
        if action == "edit":  # the same document, its text changed: replaced
            chosen = [replace(d, text=d.text.replace("Meta", "Meta Platforms").replace("released", "launched"))
                      for d in chosen]
        if action == "remove":
            result = update_store(store, remove=[d.id for d in chosen], jobs=1)
            assert set(result.removed) == {d.id for d in chosen}
            for d in chosen:
                held.pop(d.id)
        else:
            update_store(store, chosen, jobs=1)
            held.update((d.id, d) for d in chosen)
        if held:
            full = kg.build(list(held.values()), jobs=1)
            assert isomorphic(store_graph(store), full.graph)


def test_unchanged_documents_are_skipped_and_change_nothing(tmp_path, documents):
    store = tmp_path / "kg.db"
    first = update_store(store, documents, jobs=1)
    before = store_graph(store)
    again = update_store(store, documents, jobs=1)
    assert len(first.added) == len(documents) and again.added == again.replaced == ()
    assert set(again.unchanged) == {d.id for d in documents}
    assert isomorphic(before, store_graph(store))


def test_a_store_keeps_its_settings(tmp_path, documents):
    store = tmp_path / "kg.db"
    update_store(store, documents[:1], jobs=1)
    with pytest.raises(StoreError, match="other settings .*min_confidence"):
        update_store(store, documents[1:2], min_confidence=0.5, jobs=1)
    with pytest.raises(StoreError, match="no document 'nope'"):
        update_store(store, remove=["nope"])
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "file.txt").write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="not an empty folder"):
        update_store(tmp_path / "other", documents[:1], jobs=1)


def test_the_store_on_the_command_line(tmp_path):
    store, full = tmp_path / "kg.db", tmp_path / "full.ttl"
    first = run_kg("build", EXAMPLES / "meta-llama-2.txt", EXAMPLES / "mistral-ai.md", "--store", store)
    assert first.returncode == 0 and first.stdout == "" and "2 added, 0 replaced, 0 unchanged" in first.stderr
    second = run_kg("build", EXAMPLES, "--store", store)
    assert "4 added, 0 replaced, 2 unchanged" in second.stderr
    assert run_kg("build", EXAMPLES, "-o", full, "-q").returncode == 0
    dumped = tmp_path / "dump.nt"
    assert run_kg("dump", store, "-o", dumped).returncode == 0
    assert isomorphic(Graph().parse(dumped, format="nt"), Graph().parse(full))
    releases = run_kg("query", store, "--name", "releases").stdout
    assert "Mixtral 8x7B" in releases
    removed = run_kg("remove", store, "mistral-ai.md")
    assert removed.returncode == 0 and "1 document removed" in removed.stderr
    assert "Mixtral 8x7B" not in run_kg("query", store, "--name", "releases").stdout
    assert one_line_error(run_kg("build", EXAMPLES, "--store", store, "--base", "https://x.example/kg/"),
                          "other settings (base)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port: int, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the server stopped: {process.stderr.read()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("the server did not start in time")


@pytest.fixture
def built_store(tmp_path):
    store = tmp_path / "kg.db"
    assert run_kg("build", EXAMPLES, "--store", store, "-q").returncode == 0
    return store


def local_count(store) -> int:
    return len(store_graph(store))


def test_serve_answers_sparql_protocol_clients(built_store):
    from console import kg_command
    from SPARQLWrapper import JSON, SPARQLWrapper

    port = free_port()
    server = subprocess.Popen([*kg_command(), "serve", str(built_store), "--bind", f"127.0.0.1:{port}",
                               "--timeout", "10"], stderr=subprocess.PIPE, text=True)
    try:
        wait_for(port, server)
        client = SPARQLWrapper(f"http://127.0.0.1:{port}/query")
        client.setReturnFormat(JSON)
        client.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        count = int(client.queryAndConvert()["results"]["bindings"][0]["n"]["value"])
        assert count == local_count(built_store) > 500
        client.setQuery("PREFIX ai: <https://example.org/kg/ontology#> PREFIX rdfs: "
                        "<http://www.w3.org/2000/01/rdf-schema#> SELECT ?m WHERE { ?o rdfs:label 'Meta' ; "
                        "ai:releases ?x . ?x rdfs:label ?m } ORDER BY ?m")
        assert [b["m"]["value"] for b in client.queryAndConvert()["results"]["bindings"]] == ["Code Llama", "Llama 2"]
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_push_sends_every_graph_and_can_be_repeated(tmp_path, built_store):
    from SPARQLWrapper import JSON, SPARQLWrapper

    from kg.rdf.endpoint import oxigraph_program

    port = free_port()
    (tmp_path / "remote").mkdir()
    server = subprocess.Popen([oxigraph_program(), "serve", "--location", str(tmp_path / "remote"),
                               "--bind", f"127.0.0.1:{port}"], stderr=subprocess.PIPE, text=True)
    try:
        wait_for(port, server)
        client = SPARQLWrapper(f"http://127.0.0.1:{port}/query")
        client.setReturnFormat(JSON)
        client.setQuery("SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?g) AS ?graphs) WHERE { GRAPH ?g { ?s ?p ?o } }")
        for _ in range(2):
            result = run_kg("push", built_store, "--endpoint", f"http://127.0.0.1:{port}/store")
            assert result.returncode == 0 and "pushed 7 graphs" in result.stderr
            row = client.queryAndConvert()["results"]["bindings"][0]
            assert (int(row["n"]["value"]), int(row["graphs"]["value"])) == (local_count(built_store), 7)
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert one_line_error(run_kg("push", built_store, "--endpoint", f"http://127.0.0.1:{port}/store"),
                          "cannot reach the server")


def _mention(name, start, cls):
    from kg.records import NER, Mention

    return Mention(start=start, end=start + 1, start_char=start * 7, end_char=start * 7 + len(name), text=name,
                   name=name, cls=cls, source=NER, confidence=0.85)


def test_a_change_elsewhere_judges_a_document_s_relations_again(tmp_path):
    """An entity's class is voted over every document: when another document outvotes it, a
    relation whose domain or range no longer fits leaves the first document's graph."""
    from kg.entities import EntityIndex
    from kg.gazetteer import Gazetteer
    from kg.ontology import default_ontology
    from kg.rdf.store import Store
    from kg.rdf.vocab import AI
    from kg.rdf.write import to_graph
    from kg.records import Extraction, RelationMention

    ontology = default_ontology()
    gazetteer = Gazetteer()
    orion, zephyr = _mention("Orion", 0, AI.Organization), _mention("Zephyr", 2, AI.AIModel)
    a = Extraction(kg.Document(id="a", text="Orion released Zephyr."), mentions=(orion, zephyr),
                   relations=(RelationMention(orion, AI.releases, zephyr, "verb:release", 0.9, 0, 22, "release"),))
    b = Extraction(kg.Document(id="b", text="Zephyr hired. Zephyr grew. Zephyr won."),
                   mentions=tuple(_mention("Zephyr", i, AI.Organization) for i in (0, 3, 6)))

    def full(*extractions):
        index = EntityIndex(gazetteer)
        for e in extractions:
            index.add(e.mentions)
        return to_graph(list(extractions), index, ontology=ontology)[0]

    settings = {"base": "https://example.org/kg/"}
    with Store(tmp_path / "s", settings=settings) as store:
        store.update([a], gazetteer=gazetteer, ontology=ontology)
        assert (None, AI.releases, None) in store.graph()
        result = store.update([b], gazetteer=gazetteer, ontology=ontology)
        assert result.rejudged == ("a",)
        assert (None, AI.releases, None) not in store.graph() and isomorphic(store.graph(), full(a, b))
        result = store.update([], gazetteer=gazetteer, ontology=ontology, remove=["b"])
        assert result.rejudged == ("a",) and isomorphic(store.graph(), full(a))


@pytest.mark.parametrize("argv", [
    ["info"], ["info", "--json"],
    ["query", "--name", "releases"], ["query", "--name", "releases", "--format", "csv"],
    ["query", "--name", "releases", "--format", "json"], ["query", "--name", "releases", "--format", "tsv"],
    ["query", "--name", "entity", "--bind", "name=Meta"], ["query", "--name", "members", "--bind", "group=AI Alliance"],
    ["query", "ASK { ?x ai:memberOf ?y }"],
])
def test_a_store_answers_as_its_graph_file_does(tmp_path, built_store, argv):
    """The store is queried and counted where it lies (Oxigraph), the file by rdflib: same output."""
    dumped = tmp_path / "graph.ttl"
    assert run_kg("dump", built_store, "-o", dumped).returncode == 0
    command, rest = argv[0], argv[1:]
    ours, theirs = run_kg(command, built_store, *rest).stdout, run_kg(command, dumped, *rest).stdout
    if "json" in rest:  # the same results, written by two serializers
        assert json.loads(ours) == json.loads(theirs) and ours.endswith("\n")
    else:
        assert ours == theirs != ""


@pytest.mark.parametrize(("sparql", "bindings", "expected"), [
    ("SELECT ?x WHERE { ?x ?p ?o }", {}, "SELECT ?x WHERE { ?x ?p ?o }"),
    ("SELECT ?x WHERE { { ?x rdfs:label ?name } UNION { ?x skos:altLabel ?name } }", {"name": "Meta"},
     'SELECT ?x WHERE { { ?x rdfs:label "Meta" } UNION { ?x skos:altLabel "Meta" } }'),
    ("ASK { ?x ?p ?o . ?xy ?p '?x' . <urn:?x> ?p $x } # ?x", {"?x": "<urn:a>"},
     "ASK { <urn:a> ?p ?o . ?xy ?p '?x' . <urn:?x> ?p <urn:a> } # ?x"),
])
def test_bindings_replace_the_variable_everywhere(sparql, bindings, expected):
    from kg.rdf.store import with_values

    assert with_values(sparql, bindings) == expected


def test_reading_and_querying_never_load_spacy(built_store):
    """Building needs spaCy; reading, counting and querying a graph do not wait for it."""
    import sys

    probe = ("import sys, kg.cli; kg.cli.main(['info', sys.argv[1]]); "
             "kg.cli.main(['query', sys.argv[1], '--name', 'releases']); print('spacy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe, str(built_store)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0 and result.stdout.strip().endswith("False") and "Llama 2" in result.stdout


def test_a_store_named_relative_to_the_working_folder(tmp_path):
    assert run_kg("build", EXAMPLES / "meta-llama-2.txt", "--store", "kg.db", "-q", cwd=tmp_path).returncode == 0
    for argv, expected in ((["info", "kg.db"], "documents  1"), (["query", "kg.db", "--name", "releases"], "Llama 2"),
                           (["dump", "kg.db"], "@prefix"), (["remove", "kg.db", "meta-llama-2.txt", "-q"], "")):
        result = run_kg(*argv, cwd=tmp_path)
        assert result.returncode == 0 and result.stderr == "" and expected in result.stdout


def test_a_store_fills_batch_by_batch(tmp_path, documents, monkeypatch):
    import kg.builder

    monkeypatch.setattr(kg.builder, "STORE_BATCH", 2)  # six documents: three writes
    result = update_store(tmp_path / "kg.db", documents, jobs=1)
    assert len(result.added) == len(documents)
    assert isomorphic(store_graph(tmp_path / "kg.db"), kg.build(documents, jobs=1).graph)


def test_the_default_store_is_kg_db_here_or_the_one_kg_store_names(tmp_path):
    """Without a graph, the commands read the default store; ``--store`` alone builds it."""
    here = {"KG_STORE": ""}
    assert run_kg("build", EXAMPLES / "meta-llama-2.txt", "--store", cwd=tmp_path, env=here).stderr.startswith(
        "kg: store kg.db: 1 added")
    for argv, expected in ((["info"], "documents  1"), (["query", "--name", "releases"], "Llama 2"),
                           (["query", "SELECT (COUNT(*) AS ?n) WHERE { ?d a ai:Document }"], "1"),
                           (["explain", "Meta", "releases", "Llama 2"], "Meta releases Llama 2"),
                           (["dump", "--format", "nt"], "<https://example.org/kg/entity/meta>")):
        result = run_kg(*argv, cwd=tmp_path, env=here)
        assert result.returncode == 0 and expected in result.stdout, (argv, result.stderr)

    elsewhere = {"KG_STORE": str(tmp_path / "other.db")}
    assert run_kg("build", EXAMPLES / "mistral-ai.md", "--store", "-q", cwd=tmp_path, env=elsewhere).returncode == 0
    assert "Mixtral" in run_kg("query", "--name", "releases", cwd=tmp_path, env=elsewhere).stdout
    assert "Mixtral" not in run_kg("query", "--name", "releases", cwd=tmp_path, env=here).stdout
    assert run_kg("remove", "mistral-ai.md", "-q", cwd=tmp_path, env=elsewhere).returncode == 0
    assert "documents  0" in run_kg("info", cwd=tmp_path, env=elsewhere).stdout

    nowhere = {"KG_STORE": str(tmp_path / "missing.db")}
    for argv in (["info"], ["query", "--name", "releases"], ["viz", "-o", tmp_path / "v.html"], ["serve"]):
        assert one_line_error(run_kg(*argv, cwd=tmp_path, env=nowhere), "no store at", "KG_STORE"), argv
    assert not (tmp_path / "v.html").exists()
