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
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx

from .network import most_connected
from .output import write_atomically
from .palette import class_colours, colour_of

DEFAULT_MAX_NODES = 300
#: the most entities a page carries: those drawn, and those a reader can bring in by
#: expanding a node or opening a group, chosen by the same ranking (most connected first)
CARRY_LIMIT = 5000
#: above this many drawn entities, the page opens with communities gathered into groups
GROUP_ABOVE = 120
#: labels longer than this are shortened in the drawing; the panel shows them whole
LABEL_CHARS = 40
LAYOUT_SEED = 7
COMMUNITY_SEED = 7
EVIDENCE_PER_EDGE = 5


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


def short_label(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def wikidata_link(item: str) -> str:
    """The https page of a Wikidata item, or "" for anything that is not one."""
    match = _WIKIDATA_ITEM.match(item or "")
    return f"https://www.wikidata.org/wiki/{match.group(1)}" if match else ""


_WIKIDATA_ITEM = re.compile(r"^https?://www\.wikidata\.org/(?:entity|wiki)/(Q[0-9]+)$")


def curves(edges: list[tuple[str, str]]) -> list[dict]:
    """A distinct curve for every edge between the same two entities: alternately on either
    side of the line between them, further out for each pair, so no two share a path."""
    seen: dict[tuple[str, str], int] = {}
    out = []
    for u, v in edges:
        pair = (u, v) if u <= v else (v, u)
        k = seen.get(pair, 0)
        seen[pair] = k + 1
        side_cw = k % 2 == 0
        if (u, v) != pair:
            side_cw = not side_cw  # the same side seen from the other end
        out.append({"enabled": True, "type": "curvedCW" if side_cw else "curvedCCW",
                    "roundness": round(0.1 + 0.2 * (k // 2), 2)})
    return out


def _communities(network: nx.MultiDiGraph) -> dict[str, int]:
    """Louvain communities, numbered by size (largest first), the same for the same graph."""
    if network.number_of_nodes() == 0:
        return {}
    simple = nx.Graph()
    simple.add_nodes_from(sorted(network.nodes))
    simple.add_edges_from(sorted((u, v) for u, v in network.edges() if u != v))
    found = nx.community.louvain_communities(simple, seed=COMMUNITY_SEED)
    ordered = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    return {node: i for i, members in enumerate(ordered) for node in members}


def render(network: nx.MultiDiGraph, *, title: str = "kg graph", max_nodes: int = DEFAULT_MAX_NODES,
           empty_reason: str | None = None, focus: tuple[str, ...] = (),
           carry_limit: int = CARRY_LIMIT) -> str:
    """The HTML page of a network: the ``max_nodes`` most connected entities drawn, and up to
    ``carry_limit`` carried for the reader to bring in (expanding a node, opening a group,
    searching)."""
    from pyvis.network import Network

    total = network.number_of_nodes()
    carried = most_connected(network, max(carry_limit, max_nodes))
    drawn = set(most_connected(carried, max_nodes).nodes)
    colours = class_colours()
    community = _communities(carried)
    degree = dict(network.degree())
    net = Network(directed=True, height="100%", width="100%")
    for node, data in sorted(carried.nodes(data=True), key=lambda item: item[0]):
        net.add_node(node, label=short_label(data["label"]), color=colour_of(data["cls"]) if data["cls"] not in colours
                     else colours[data["cls"]], shape="dot", value=degree.get(node, 0),
                     info={"label": data["label"], "class": data["cls"], "aliases": data["aliases"],
                           "wikidata": wikidata_link(data["wikidata"]), "community": community.get(node, 0),
                           "degree": degree.get(node, 0), "focus": node in focus})
    ordered = sorted(carried.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
    for number, ((u, v, _, data), smooth) in enumerate(zip(ordered, curves([(u, v) for u, v, _, _ in ordered]))):
        evidence = data["evidence"]
        net.add_edge(u, v, id=f"e{number}", label=data["label"], arrows="to", smooth=smooth,
                     info={"relation": data["label"], "name": data["relation"],
                           "from": carried.nodes[u]["label"], "to": carried.nodes[v]["label"],
                           "evidence": evidence[:EVIDENCE_PER_EDGE],
                           "more": max(0, len(evidence) - EVIDENCE_PER_EDGE),
                           "confidence": max((e["confidence"] for e in evidence), default=1.0),
                           "documents": sorted({e["document"] for e in evidence})})
    nodes, edges, *_ = net.get_network_data()
    options = {
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": len(drawn) <= 150},
        "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 300, "fit": True},
                    "forceAtlas2Based": {"gravitationalConstant": -80, "springLength": 140, "avoidOverlap": 0.4}},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": len(drawn) > 200,
                        "navigationButtons": False, "keyboard": False},
        "edges": {"font": {"size": 11, "align": "middle", "strokeWidth": 4, "strokeColor": "#ffffff",
                           "color": "#444"},
                  "color": {"color": "#9aa4b1", "highlight": "#333", "hover": "#333"}, "selectionWidth": 2},
        "nodes": {"font": {"size": 14, "strokeWidth": 4, "strokeColor": "#ffffff"},
                  "scaling": {"min": 8, "max": 40,
                              "label": {"enabled": True, "min": 14, "max": 22, "drawThreshold": 5,
                                        "maxVisible": 30}}},
    }
    if not nodes and empty_reason is None:
        empty_reason = "the graph has no entities"
    classes = Counter(d["cls"] for _, d in carried.nodes(data=True))
    legend = [{"class": cls, "colour": colours.get(cls) or colour_of(cls), "count": classes[cls]}
              for cls in [*[c for c in colours if c in classes], *sorted(c for c in classes if c not in colours)]]
    payload = {
        "title": title,
        "nodes": [n for n in nodes if n["id"] in drawn], "edges": [e for e in edges
                                                                   if e["from"] in drawn and e["to"] in drawn],
        "extra_nodes": [n for n in nodes if n["id"] not in drawn],
        "extra_edges": [e for e in edges if e["from"] not in drawn or e["to"] not in drawn],
        "options": options, "legend": legend, "group": len(drawn) > GROUP_ABOVE,
        "relations": sorted({e["info"]["name"] for e in edges}),
        "documents": sorted({d for e in edges for d in e["info"]["documents"]}),
        "shown": len(drawn), "carried": len(nodes), "total": total, "empty": empty_reason,
    }
    vis_js, vis_css = _vis_assets()
    return _template().render(title=title, data_json=json_for_script(payload), vis_js=vis_js, vis_css=vis_css)


def view_html(graph, *, focus: str | None = None, depth: int = 1, types=(), relations=(),
              construct: str | None = None, max_nodes: int = DEFAULT_MAX_NODES, title: str | None = None) -> str:
    """The page for an rdflib graph, after the view's choices: a CONSTRUCT query's result,
    the neighbourhood of one entity, some classes, some relations."""
    from .network import select, to_networkx
    from .provenance import entities_named
    from .rdf.vocab import RDFS

    source = _constructed(graph, construct) if construct is not None else graph
    whole = to_networkx(source)
    network = select(whole, source, focus=focus, depth=depth, types=types, relations=relations)
    reason = None
    if network.number_of_nodes() == 0:
        has_entities = whole.number_of_nodes() > 0 or any(graph.subjects(RDFS.label, None))
        reason = "no entity matches the query or the filters" if has_entities else "the graph has no entities"
    heading = title or (f"{focus} and its neighbourhood" if focus else "kg graph")
    centres = tuple(str(n) for n in entities_named(source, focus)) if focus else ()
    return render(network, title=heading, max_nodes=max_nodes, empty_reason=reason, focus=centres)


def _constructed(graph, sparql: str):
    """A CONSTRUCT result, with what the view needs to know of its entities and relations."""
    from rdflib import Graph

    from .errors import QueryError
    from .query import run_query
    from .rdf.evidence import statements
    from .rdf.vocab import OWL, RDF, RDFS, SKOS

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
    for statement in statements(graph):
        if statement.triple in result.graph:
            for node in (n for n in (statement.node, statement.document) if n is not None):
                for p, o in graph.predicate_objects(node):
                    out.add((node, p, o))
    return out


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
