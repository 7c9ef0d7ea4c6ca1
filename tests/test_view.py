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


def test_nodes_carry_class_colour_size_and_tooltip_data(example_graph):
    data = page_data(example_graph.to_html())
    network = example_graph.to_networkx()
    assert len(data["nodes"]) == network.number_of_nodes()
    assert len(data["edges"]) == network.number_of_edges()
    openai = next(n for n in data["nodes"] if n["label"] == "OpenAI")
    assert openai["info"]["class"] == "Organization"
    assert openai["info"]["wikidata"] == "http://www.wikidata.org/entity/Q21708200"
    colours = {n["info"]["class"]: n["color"] for n in data["nodes"]}
    assert len(set(colours.values())) == len(colours)
    assert {e["class"] for e in data["legend"]} == set(colours)
    hubs = sorted(data["nodes"], key=lambda n: -n["size"])
    assert hubs[0]["size"] > min(n["size"] for n in data["nodes"])
    releases = [e for e in data["edges"] if e["info"]["relation"] == "releases"]
    assert releases and all(e["label"] == "releases" and e["arrows"] == "to" for e in releases)
    assert all(ev["sentence"] and ev["document"] for e in releases for ev in e["info"]["evidence"])


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
