import json

import pytest

from kg.errors import QueryError
from kg.query import format_result, ready_queries


def test_ready_queries_ship_and_run(example_graph):
    queries = ready_queries()
    assert {"releases", "benchmarks", "members", "entity"} <= set(queries)
    releases = [tuple(map(str, r)) for r in example_graph.query(queries["releases"].text)]
    assert ("Meta", "Llama 2") in releases
    about = list(example_graph.query(queries["entity"].text, bindings={"name": "Anthropic"}))
    assert any(str(row.relation) == "founded" for row in about)
    members = list(example_graph.query(queries["members"].text, bindings={"group": "AI Alliance"}))
    assert {str(r.member) for r in members} >= {"IBM", "Meta"}
    assert {str(r.group) for r in members} == {"AI Alliance"}


def test_table_csv_tsv_json(example_graph):
    query = "SELECT ?name WHERE { ?x a ai:Benchmark ; rdfs:label ?name } ORDER BY ?name"
    g = example_graph.graph
    table = format_result(example_graph.query(query), graph=g, format="table")
    assert table.splitlines()[0].strip() == "name" and "HumanEval" in table and "rows)" in table
    assert format_result(example_graph.query(query), graph=g, format="csv").splitlines()[0].strip() == "name"
    tsv = format_result(example_graph.query(query), graph=g, format="tsv")
    assert tsv.splitlines()[0] == "?name" and '"HumanEval"' in tsv
    data = json.loads(format_result(example_graph.query(query), graph=g, format="json"))
    assert {"value": "HumanEval", "type": "literal"} in [b["name"] for b in data["results"]["bindings"]]


def test_ask_and_construct(example_graph):
    g = example_graph.graph
    ask = example_graph.query("ASK { ?x ai:releases ?y }")
    assert format_result(ask, graph=g) == "true\n"
    assert json.loads(format_result(ask, graph=g, format="json"))["boolean"] is True
    assert format_result(example_graph.query("ASK { ?x ai:releases ai:Nothing }"), graph=g) == "false\n"
    construct = example_graph.query("CONSTRUCT { ?x ai:releases ?y } WHERE { ?x ai:releases ?y }")
    assert "ai:releases" in format_result(construct, graph=g)


def test_untrusted_text_cannot_drive_the_terminal(example_graph):
    from rdflib import Literal

    result = example_graph.query("SELECT ?l WHERE { BIND(?v AS ?l) }", bindings={"v": Literal("a\x1b[31mred\x07")})
    table = format_result(result, graph=example_graph.graph)
    assert "\x1b" not in table and "\x07" not in table
    assert "\\x1b" in table  # shown escaped, so the reader still sees it


@pytest.mark.parametrize("sparql", [
    "SELEKT ?x WHERE { ?x ?y ?z }",
    "SELECT ?x WHERE { ?x ?y }",
    "",
    "INSERT DATA { <a:b> <a:c> <a:d> }",
])
def test_bad_queries_are_query_errors(example_graph, sparql):
    with pytest.raises(QueryError) as info:
        example_graph.query(sparql)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("sparql", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?x ?y ?z . OPTIONAL { SERVICE SILENT <http://127.0.0.1:9/s> { ?x ?a ?b } } }",
    "SELECT * FROM <http://127.0.0.1:9/graph.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://127.0.0.1:9/graph.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }",
])
def test_queries_that_would_fetch_from_elsewhere_are_refused(example_graph, sparql):
    with pytest.raises(QueryError, match="fetch from elsewhere.*--allow-service"):
        example_graph.query(sparql)


def test_a_query_that_runs_too_long_is_stopped(example_graph):
    with pytest.raises(QueryError, match="longer than 0.5 s"):
        example_graph.query("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", timeout=0.5)
    assert example_graph.query_rows("SELECT (COUNT(*) AS ?n) WHERE { ?a a ai:Document }")[0]["n"] == 6


def test_a_remote_json_ld_context_is_refused(tmp_path):
    import kg
    from kg.errors import GraphError

    path = tmp_path / "remote.jsonld"
    path.write_text('{"@context": "https://schema.org/", "@id": "urn:x", "name": "X"}', encoding="utf-8")
    with pytest.raises(GraphError, match="remote JSON-LD context"):
        kg.load(path)
