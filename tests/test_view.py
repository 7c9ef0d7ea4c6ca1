"""Views and networks without a browser: what the page is given, and the bad inputs."""

import json
import re

import networkx as nx
import pytest

import kg
from kg.cli import main
from kg.errors import FocusError, GraphError, QueryError
from kg.view import json_for_script


def page_data(page: str) -> dict:
    match = re.search(r"var data = (\{.*?\});\n", page, re.S)
    return json.loads(match.group(1))


def test_page_is_offline_and_deterministic(example_graph):
    page = example_graph.to_html()
    assert page == example_graph.to_html()
    # no reference to anything outside the page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert not re.search(r"cdnjs|jsdelivr|unpkg|bootstrap|googleapis", page, re.I)
    assert "Content-Security-Policy" in page and "connect-src 'none'" in page


def test_nodes_carry_class_colour_size_and_panel_data(example_graph):
    data = page_data(example_graph.to_html())
    network = example_graph.to_networkx()
    assert len(data["nodes"]) == network.number_of_nodes()
    assert len(data["edges"]) == network.number_of_edges()
    assert data["extra_nodes"] == [] and data["extra_edges"] == []  # all of it is drawn
    openai = next(n for n in data["nodes"] if n["label"] == "OpenAI")
    assert openai["info"]["class"] == "Organization"
    assert openai["info"]["wikidata"] == "https://www.wikidata.org/wiki/Q21708200"
    colours = {n["info"]["class"]: n["color"] for n in data["nodes"]}
    assert len(set(colours.values())) == len(colours)
    assert {e["class"] for e in data["legend"]} == set(colours)
    assert {e["class"]: e["count"] for e in data["legend"]}["Organization"] == sum(
        1 for n in data["nodes"] if n["info"]["class"] == "Organization")
    hubs = sorted(data["nodes"], key=lambda n: -n["value"])
    assert hubs[0]["value"] > min(n["value"] for n in data["nodes"])
    releases = [e for e in data["edges"] if e["info"]["name"] == "releases"]
    assert releases and all(e["label"] == "releases" and e["arrows"] == "to" for e in releases)
    assert all(ev["sentence"] and ev["document"] for e in releases for ev in e["info"]["evidence"])
    assert all(0 < e["info"]["confidence"] <= 1 and e["info"]["documents"] for e in releases)
    assert len({e["id"] for e in data["edges"]}) == len(data["edges"])


@pytest.mark.parametrize(("pairs", "expected"), [
    ([("a", "b")], [("curvedCW", 0.1)]),
    ([("a", "b"), ("a", "b")], [("curvedCW", 0.1), ("curvedCCW", 0.1)]),
    ([("a", "b"), ("b", "a")], [("curvedCW", 0.1), ("curvedCW", 0.1)]),  # seen from each end: opposite sides
    ([("a", "b"), ("a", "b"), ("a", "b")], [("curvedCW", 0.1), ("curvedCCW", 0.1), ("curvedCW", 0.3)]),
])
def test_parallel_edges_get_distinct_curves(pairs, expected):
    from kg.view import curves

    assert [(c["type"], c["roundness"]) for c in curves(pairs)] == expected


def test_a_class_keeps_its_colour_whatever_else_is_shown(example_graph):
    whole = page_data(example_graph.to_html())
    models = page_data(example_graph.to_html(types=["AIModel"]))
    colour = {n["info"]["class"]: n["color"] for n in whole["nodes"]}["AIModel"]
    assert {n["color"] for n in models["nodes"]} == {colour} == {kg.class_colours()["AIModel"]}


def test_big_graphs_carry_more_than_they_draw_and_come_grouped():
    from rdflib import Graph

    lines = ["@prefix ai: <https://example.org/kg/ontology#> .", "@prefix e: <https://example.org/kg/entity/> .",
             "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> ."]
    for i in range(400):
        lines.append(f'e:n{i} a ai:Organization ; rdfs:label "Company {i}" ; ai:partnersWith e:n{(i * 7 + 1) % 400} .')
    data = page_data(kg.KnowledgeGraph(Graph().parse(data="\n".join(lines), format="turtle")).to_html(max_nodes=150))
    assert len(data["nodes"]) == 150 and len(data["extra_nodes"]) == 250 and data["group"] is True
    assert len({n["info"]["community"] for n in data["nodes"]}) > 1


def test_long_labels_are_shortened_in_the_drawing_only():
    from rdflib import Graph

    name = "A" * 200_000
    graph = Graph().parse(data=f"""@prefix ai: <https://example.org/kg/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <https://example.org/kg/entity/x> a ai:Organization ; rdfs:label "{name}" .""", format="turtle")
    node = page_data(kg.KnowledgeGraph(graph).to_html())["nodes"][0]
    assert len(node["label"]) <= 40 and node["label"].endswith("\u2026") and node["info"]["label"] == name


def test_focus_types_relations_and_query(example_graph):
    near = page_data(example_graph.to_html(focus="Anthropic", depth=1))
    labels = {n["label"] for n in near["nodes"]}
    assert "Anthropic" in labels and "Claude 3 Opus" in labels and "Meta" not in labels
    typed = page_data(example_graph.to_html(types=["AIModel"]))
    assert {n["info"]["class"] for n in typed["nodes"]} == {"AIModel"}
    only = page_data(example_graph.to_html(relations=["releases"]))
    assert {e["info"]["relation"] for e in only["edges"]} == {"releases"}
    constructed = page_data(example_graph.to_html(
        query="CONSTRUCT { ?o ai:investsIn ?x } WHERE { ?o ai:investsIn ?x }"))
    assert {e["info"]["relation"] for e in constructed["edges"]} == {"invests in"}
    assert all(n["info"]["class"] == "Organization" for n in constructed["nodes"])


def test_big_graphs_keep_the_most_connected(example_graph):
    data = page_data(example_graph.to_html(max_nodes=5))
    assert data["shown"] == 5 and data["total"] > 5
    degrees = dict(example_graph.to_networkx().degree())
    kept = {n["id"] for n in data["nodes"]}
    assert min(degrees[n] for n in kept) >= max(d for n, d in degrees.items() if n not in kept)


def test_bad_view_input(example_graph):
    with pytest.raises(FocusError, match="no entity named 'Nobody'"):
        example_graph.to_html(focus="Nobody")
    with pytest.raises(QueryError, match="CONSTRUCT"):
        example_graph.to_html(query="SELECT * WHERE { ?s ?p ?o }")
    empty = page_data(kg.KnowledgeGraph().to_html())
    assert empty["nodes"] == [] and "no entities" in empty["empty"]
    nothing = page_data(example_graph.to_html(types=["Dataset"]))
    assert nothing["nodes"] == [] and "no entity matches" in nothing["empty"]


def test_script_json_cannot_close_the_script():
    text = json_for_script({"label": "</script><script>alert(1)</script><!--"})
    assert "<" not in text and ">" not in text
    assert json.loads(text)["label"] == "</script><script>alert(1)</script><!--"


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_export_for_network_tools(example_graph, tmp_path, suffix):
    path = tmp_path / f"graph{suffix}"
    example_graph.export(path)
    read = nx.read_graphml(path) if suffix == ".graphml" else nx.read_gexf(path)
    network = example_graph.to_networkx()
    assert read.number_of_nodes() == network.number_of_nodes()
    assert read.number_of_edges() == network.number_of_edges()
    with pytest.raises(GraphError, match="unknown network format"):
        example_graph.export(tmp_path / "graph.dot")


def test_cli_viz_build_html_and_export(capsys, tmp_path, example_graph):
    graph = tmp_path / "g.ttl"
    example_graph.serialize(graph)
    assert main(["viz", str(graph), "-o", str(tmp_path / "v.html"), "--focus", "Meta", "--depth", "2",
                 "--types", "Organization,AIModel", "--max-nodes", "50"]) == 0
    assert page_data((tmp_path / "v.html").read_text(encoding="utf-8"))["nodes"]
    assert main(["viz", str(graph), "-o", str(tmp_path / "x.html"), "--focus", "Nobody"]) == 1
    assert capsys.readouterr().err.strip() == "kg: error: no entity named 'Nobody' in the graph"
    assert not (tmp_path / "x.html").exists()
    assert main(["viz", str(tmp_path / "missing.ttl"), "-o", str(tmp_path / "y.html")]) == 1
    assert "missing.ttl: no such file" in capsys.readouterr().err
    assert main(["export", str(graph), "-o", str(tmp_path / "g.graphml")]) == 0
    source = tmp_path / "a.txt"
    source.write_text("Google released Gemma 2 in June.", encoding="utf-8")
    assert main(["build", str(source), "-o", str(tmp_path / "b.ttl"), "--html", str(tmp_path / "b.html"), "-q"]) == 0
    assert {n["label"] for n in page_data((tmp_path / "b.html").read_text(encoding="utf-8"))["nodes"]} >= {"Google"}


def test_jupyter_display_is_an_isolated_frame(example_graph):
    shown = example_graph.view(focus="Meta")._repr_html_()
    assert shown.startswith("<iframe srcdoc=") and "<script>" not in shown and 'sandbox="allow-scripts"' in shown
