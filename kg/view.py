"""Interactive HTML views of a graph, made with pyvis and vis-network, that work offline.

pyvis builds the network (nodes, edges, options); kg renders it with its own page template,
which inlines the vis-network script and style that ship inside the pyvis package, so the
page needs no network at all (its Content-Security-Policy forbids any request). Document
text reaches the page only as JSON data, and the page builds tooltips from it as text
nodes: nothing from a document is ever parsed as HTML.
"""

from __future__ import annotations

import html
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx

from .network import most_connected
from .output import write_atomically

DEFAULT_MAX_NODES = 300
LAYOUT_SEED = 7
# One colour a class, in the ontology's order, readable on white and by most colour-blind readers.
PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2", "#edc948", "#9c755f",
           "#ff9da7", "#bab0ac"]
CLASS_ORDER = ["Organization", "Person", "AIModel", "Product", "Benchmark", "Dataset", "Place"]


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    folder = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    return ((folder / "vis-network.min.js").read_text(encoding="utf-8"),
            (folder / "vis-network.css").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _template():
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("kg", "templates"), autoescape=select_autoescape(["html"]))
    return env.get_template("view.html")


def _colours(classes: list[str]) -> dict[str, str]:
    ordered = [c for c in CLASS_ORDER if c in classes] + sorted(c for c in classes if c not in CLASS_ORDER)
    return {cls: PALETTE[i % len(PALETTE)] for i, cls in enumerate(ordered)}


def render(network: nx.MultiDiGraph, *, title: str = "kg graph", max_nodes: int = DEFAULT_MAX_NODES,
           empty_reason: str | None = None) -> str:
    """The HTML page of a network: at most ``max_nodes`` entities, the most connected."""
    from pyvis.network import Network

    total = network.number_of_nodes()
    shown = most_connected(network, max_nodes)
    colours = _colours(sorted({d["cls"] for _, d in shown.nodes(data=True)}))
    degree = dict(shown.degree())
    net = Network(directed=True, height="100%", width="100%")
    for node, data in sorted(shown.nodes(data=True), key=lambda item: item[0]):
        net.add_node(node, label=data["label"], color=colours[data["cls"]], shape="dot",
                     size=round(8 + 6 * math.sqrt(degree.get(node, 0)), 2),
                     info={"label": data["label"], "class": data["cls"], "aliases": data["aliases"],
                           "wikidata": data["wikidata"], "relations": _node_relations(shown, node)})
    for u, v, key, data in sorted(shown.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2])):
        net.add_edge(u, v, label=data["label"], arrows="to",
                     info={"relation": data["label"], "from": shown.nodes[u]["label"],
                           "to": shown.nodes[v]["label"], "evidence": data["evidence"][:5],
                           "more": max(0, len(data["evidence"]) - 5)})
    nodes, edges, *_ = net.get_network_data()
    options = {
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": len(nodes) <= 150},
        "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 300, "fit": True},
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": len(nodes) > 200},
        "edges": {"font": {"size": 10, "align": "middle"}, "smooth": False,
                  "color": {"color": "#9aa4b1", "highlight": "#333"}},
        "nodes": {"font": {"size": 14}},
    }
    if not nodes and empty_reason is None:
        empty_reason = "the graph has no entities"
    payload = {
        "title": title, "nodes": nodes, "edges": edges, "options": options,
        "legend": [{"class": cls, "colour": colour} for cls, colour in colours.items()],
        "shown": len(nodes), "total": total, "empty": empty_reason,
    }
    vis_js, vis_css = _vis_assets()
    return _template().render(title=title, data_json=json_for_script(payload), vis_js=vis_js, vis_css=vis_css)


def view_html(graph, *, focus: str | None = None, depth: int = 1, types=(), relations=(),
              construct: str | None = None, max_nodes: int = DEFAULT_MAX_NODES, title: str | None = None) -> str:
    """The page for an rdflib graph, after the view's choices: a CONSTRUCT query's result,
    the neighbourhood of one entity, some classes, some relations."""
    from .network import select, to_networkx
    from .vocab import RDFS

    source = _constructed(graph, construct) if construct is not None else graph
    whole = to_networkx(source)
    network = select(whole, source, focus=focus, depth=depth, types=types, relations=relations)
    reason = None
    if network.number_of_nodes() == 0:
        has_entities = whole.number_of_nodes() > 0 or any(graph.subjects(RDFS.label, None))
        reason = "no entity matches the query or the filters" if has_entities else "the graph has no entities"
    heading = title or (f"{focus} and its neighbourhood" if focus else "kg graph")
    return render(network, title=heading, max_nodes=max_nodes, empty_reason=reason)


def _constructed(graph, sparql: str):
    """A CONSTRUCT result, with what the view needs to know of its entities and relations."""
    from rdflib import Graph

    from .errors import QueryError
    from .query import run_query
    from .vocab import AI, OWL, PROV, RDF, RDFS, SKOS

    result = run_query(graph, sparql)
    if result.type != "CONSTRUCT":
        raise QueryError("a view's query must be a CONSTRUCT query")
    out = Graph()
    for triple in result.graph:
        out.add(triple)
    for node in {t for s, _, o in result.graph for t in (s, o)}:
        for p in (RDF.type, RDFS.label, SKOS.altLabel, OWL.sameAs):
            for o in graph.objects(node, p):
                out.add((node, p, o))
    for evidence in graph.subjects(RDF.type, AI.Evidence):
        triple = (graph.value(evidence, RDF.subject), graph.value(evidence, RDF.predicate),
                  graph.value(evidence, RDF.object))
        if triple in result.graph:
            for p, o in graph.predicate_objects(evidence):
                out.add((evidence, p, o))
            doc = graph.value(evidence, PROV.wasDerivedFrom)
            for p, o in graph.predicate_objects(doc):
                out.add((doc, p, o))
    return out


def _node_relations(network: nx.MultiDiGraph, node: str) -> list[str]:
    name = network.nodes[node]["label"]
    lines = [f"{name} {d['label']} {network.nodes[v]['label']}" for _, v, d in network.out_edges(node, data=True)]
    lines += [f"{network.nodes[u]['label']} {d['label']} {name}" for u, _, d in network.in_edges(node, data=True)]
    return sorted(lines)[:20]


def write(page: str, destination: str | Path, *, inputs=()) -> None:
    write_atomically(destination, page.encode("utf-8"), inputs=inputs)


@dataclass(frozen=True)
class View:
    """A rendered page that Jupyter shows inline (in an isolated frame)."""

    html: str
    height: int = 650

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" style="width:100%;'
                f'height:{self.height}px;border:1px solid #ddd" sandbox="allow-scripts"></iframe>')

    def save(self, destination: str | Path) -> None:
        write(self.html, destination)


def json_for_script(value) -> str:
    """JSON that can stand inside a <script> element: no "</script>", no "<!--"."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
