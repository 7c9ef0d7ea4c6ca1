"""The conventions of command-line tools, through the console script: options anywhere, ``-``
for standard input and output, several graphs, help for everything, errors that name what is
valid, and the inputs news arrives in (Markdown, other encodings, web pages, feeds)."""

from __future__ import annotations

import http.server
import json
import re
import subprocess
import threading

import networkx as nx
import pyoxigraph
import pytest
from conftest import EXAMPLES, ROOT
from console import kg, kg_command, one_line_error
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("conventions") / "graph.ttl"
    assert kg("build", EXAMPLES, "-o", path, "-q").returncode == 0
    return path


def test_options_may_come_before_the_query(built):
    result = kg("query", built, "--format", "csv", "SELECT ?n WHERE { ?x a ai:Benchmark ; rdfs:label ?n } ORDER BY ?n")
    assert result.returncode == 0 and result.stdout.split()[0] == "n" and "HumanEval" in result.stdout


def test_a_usage_error_shows_the_command_s_own_usage(built):
    result = kg("query", built, "--no-such-option", "ASK {}")
    assert result.returncode == 2 and result.stderr.startswith("usage: kg query")


def test_a_graph_flows_through_a_pipe():
    pipeline = f"{' '.join(kg_command())} build {EXAMPLES} -o - -q | {' '.join(kg_command())} query - --name releases"
    result = subprocess.run(pipeline, shell=True, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and "Llama 2" in result.stdout and "Meta" in result.stdout


def test_a_page_goes_to_standard_output(built):
    result = kg("viz", built, "-o", "-")
    assert result.returncode == 0 and result.stdout.lstrip().lower().startswith("<!doctype html")


def test_several_graphs_and_folders_read_as_one(tmp_path, built):
    one, two = tmp_path / "runs" / "one.ttl", tmp_path / "runs" / "two.ttl"
    one.parent.mkdir()
    assert kg("build", EXAMPLES / "meta-llama-2.txt", "-o", one, "-q").returncode == 0
    assert kg("build", EXAMPLES / "mistral-ai.md", "-o", two, "-q").returncode == 0
    both = json.loads(kg("info", one, two, "--json").stdout)
    folder = json.loads(kg("info", tmp_path / "runs", "--json").stdout)
    assert both["documents"] == folder["documents"] == 2
    labels = kg("query", one, two, "--format", "csv", "SELECT ?l WHERE { ?x rdfs:label ?l }").stdout
    assert "Llama 2" in labels and "Mistral AI" in labels


def test_graphml_has_one_edge_per_relation_with_unique_ids(tmp_path, built):
    out = tmp_path / "g.graphml"
    assert kg("export", built, "-o", out).returncode == 0
    text = out.read_text(encoding="utf-8")
    ids = re.findall(r'<edge [^>]*\bid="([^"]+)"', text)
    assert ids and len(ids) == len(set(ids))
    network = nx.read_graphml(out)
    relations = sum(json.loads(kg("info", built, "--json").stdout)["relations"].values())
    assert network.number_of_edges() == len(ids) == relations > 10
    assert any(d.get("relation") == "releases" for _, _, d in network.edges(data=True))


def test_gexf_is_the_same_every_time_and_has_no_date(tmp_path, built):
    first, second = tmp_path / "a.gexf", tmp_path / "b.gexf"
    assert kg("export", built, "-o", first).returncode == 0
    assert kg("export", built, "--format", "gexf", "-o", "-", stdout=second.open("wb")).returncode == 0
    assert first.read_bytes() == second.read_bytes() and b"lastmodifieddate" not in first.read_bytes()
    assert nx.read_gexf(first).number_of_edges() > 10


def test_eval_scores_only_the_documents_its_gold_names(tmp_path, built):
    gold = tmp_path / "meta.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in [
        {"doc": "meta-llama-2.txt", "s": "Meta", "p": "releases", "o": "Llama 2"},
        {"doc": "meta-llama-2.txt", "s": "Meta", "p": "partnersWith", "o": "Microsoft"},
    ]), encoding="utf-8")
    score = json.loads(kg("eval", built, gold, "--json").stdout)
    in_document = kg("query", built, "--format", "csv",
                     "SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?e a ai:Evidence ; prov:wasDerivedFrom ?d ; "
                     "rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . ?d dcterms:identifier 'meta-llama-2.txt' . "
                     "BIND(CONCAT(STR(?s), STR(?p), STR(?o)) AS ?t) }").stdout.split()[1]
    assert score["documents"] == ["meta-llama-2.txt"]
    assert score["predicted"] == int(in_document) < json.loads(kg("info", built, "--json").stdout)["evidence"]
    assert score["true_positives"] == 2 and score["precision"] == round(2 / int(in_document), 3)
    assert score["relations"]["releases"]["gold_found"] == 1
    verbose = kg("eval", built, gold, "-v").stdout
    assert "Meta " in verbose and "false positives:" in verbose and "meta develops" not in verbose


def test_every_command_and_argument_has_help():
    from kg.cli import _parser

    parser, commands = _parser()
    for name, sub in commands.items():
        assert sub.description, name
        for action in sub._actions:
            assert action.help, f"{name} {action.dest}"
    result = kg("export", "--help")
    assert result.returncode == 0 and "GraphML" in result.stdout and "positional arguments" in result.stdout


def test_shell_completion(tmp_path):
    script = kg("completion", "bash")
    assert script.returncode == 0 and "complete" in script.stdout and "kg" in script.stdout
    answer = tmp_path / "answer"
    kg(env={"_ARGCOMPLETE": "1", "COMP_LINE": "kg bu", "COMP_POINT": "5",
            "_ARGCOMPLETE_STDOUT_FILENAME": str(answer)})
    assert answer.read_text().split() == ["build"]


def test_the_pipeline_can_be_named_as_spacy_names_it(tmp_path):
    result = kg("build", EXAMPLES / "meta-llama-2.txt", "--model", "en_core_web_sm", "-q")
    assert result.returncode == 0 and "Llama 2" in result.stdout


def test_markdown_markup_stays_out_of_the_evidence(tmp_path):
    page = tmp_path / "news.md"
    page.write_text("# Paris-based **Mistral AI** ships a model\n\n*Mistral AI* released "
                    "[Mixtral 8x7B](https://example.com) in December, the `company` said.\n\n"
                    "- **Meta** released Llama 2.\n", encoding="utf-8")
    assert kg("build", page, "-o", tmp_path / "g.ttl", "-q").returncode == 0
    sentences = kg("query", tmp_path / "g.ttl", "--format", "csv", "SELECT ?s WHERE { ?e ai:sentence ?s }").stdout
    assert "Mistral AI released Mixtral 8x7B in December" in sentences and "Meta released Llama 2." in sentences
    assert not any(mark in sentences for mark in ("#", "**", "](", "`", "- "))


def test_iris_read_as_names_with_versions_are_written(tmp_path):
    (tmp_path / "a.txt").write_text("Mistral AI released Mixtral 8x7B. OpenAI released GPT-4o.", encoding="utf-8")
    graph = Graph().parse(data=kg("build", tmp_path / "a.txt", "-q").stdout, format="turtle")
    subjects = {str(s) for s in graph.subjects()}
    assert {"https://example.org/kg/entity/mixtral-8x7b", "https://example.org/kg/entity/gpt-4o"} <= subjects


def test_a_base_iri_of_one_s_own(tmp_path):
    result = kg("build", EXAMPLES / "meta-llama-2.txt", "--base", "https://data.example.com/kg/", "-q")
    graph = Graph().parse(data=result.stdout, format="turtle")
    minted = {str(t) for triple in graph for t in triple if isinstance(t, URIRef) and "/kg/" in str(t)
              and "/ontology" not in str(t)}
    assert minted and all(t.startswith("https://data.example.com/kg/") for t in minted)
    assert "https://data.example.com/kg/entity/meta" in minted
    assert one_line_error(kg("build", EXAMPLES / "meta-llama-2.txt", "--base", "not an iri"), "base IRI")


def test_shacl_validation_of_any_graph(tmp_path, built):
    ok = kg("validate", built)
    assert ok.returncode == 0 and ok.stdout.strip() == "conforms"
    broken = tmp_path / "broken.ttl"
    broken.write_text(built.read_text(encoding="utf-8") +
                      "\n<https://example.org/kg/entity/llama-2> ai:releases <https://example.org/kg/entity/meta> .\n",
                      encoding="utf-8")
    bad = kg("validate", broken)
    assert bad.returncode == 1 and "the subject of releases must be of class Organization" in bad.stdout
    assert bad.stderr.startswith("kg: error: the graph does not conform")


def test_the_shipped_shapes_are_those_of_the_ontology(tmp_path):
    out = tmp_path / "shapes.ttl"
    assert kg("shapes", "-o", out).returncode == 0
    assert len(list(pyoxigraph.parse(out.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE))) > 100
    assert isomorphic(Graph().parse(out), Graph().parse(ROOT / "ontologies" / "kg-shapes.ttl"))


def test_json_results_end_with_a_newline(built):
    result = kg("query", built, "--format", "json", "SELECT ?x WHERE { ?x a ai:Benchmark } LIMIT 1")
    assert result.stdout.endswith("}\n") and json.loads(result.stdout)["results"]["bindings"]


# -- the web ---------------------------------------------------------------------------------

PAGE = ("<html><head><title>Chip news</title></head><body><article><h1>Chip news</h1>"
        "<p>Nvidia invested in Mistral AI on Tuesday, the company said. The Paris startup raised money "
        "from several backers.</p></article></body></html>")
FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>AI wire</title><link>http://127.0.0.1/</link><description>news</description>
<item><title>Meta ships</title><link>http://127.0.0.1/item/1</link>
<description>&lt;p&gt;Meta released Llama 2 in July.&lt;/p&gt;</description></item>
<item><title>Google ships</title><link>http://127.0.0.1/item/2</link>
<description>Google released Gemma in February.</description></item>
</channel></rss>"""


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        routes = {"/page": ("text/html; charset=utf-8", PAGE.encode()),
                  "/feed": ("application/rss+xml", FEED.encode())}
        if self.path not in routes:
            self.send_error(404)
            return
        kind, body = routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def web():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def test_a_page_by_its_url(tmp_path, web):
    result = kg("build", f"{web}/page", "-o", tmp_path / "g.ttl", "-q")
    assert result.returncode == 0
    rows = kg("query", tmp_path / "g.ttl", "--format", "csv",
              "SELECT ?id ?s WHERE { ?d dcterms:identifier ?id ; dcterms:source ?s . ?x ai:investsIn ?y }").stdout
    assert f"{web}/page" in rows


def test_a_feed_gives_a_document_per_item(tmp_path, web):
    assert kg("build", f"{web}/feed", "-o", tmp_path / "g.ttl", "-q").returncode == 0
    ids = kg("query", tmp_path / "g.ttl", "--format", "csv",
             "SELECT ?id WHERE { ?d a ai:Document ; dcterms:identifier ?id } ORDER BY ?id").stdout.split()[1:]
    assert ids == ["http://127.0.0.1/item/1", "http://127.0.0.1/item/2"]
    releases = kg("query", tmp_path / "g.ttl", "--name", "releases").stdout
    assert "Llama 2" in releases and "Gemma" in releases


def test_an_unreachable_or_missing_page_is_one_line(web):
    assert one_line_error(kg("build", f"{web}/missing"), "404")
    assert one_line_error(kg("build", "http://127.0.0.1:9/closed"), "cannot fetch")
