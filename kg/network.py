"""The graph as a network: entities as nodes, relations as directed edges, for views,
analytics (networkx) and network tools (GraphML, GEXF).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import networkx as nx
from rdflib import Graph, Literal, URIRef

from .errors import FocusError, GraphError
from .ontology import Ontology, default_ontology, local_name
from .output import write_atomically
from .provenance import entities_named
from .vocab import AI, DCTERMS, NOT_RELATIONS, OWL, PROV, RDF, RDFS, SKOS

EXPORT_FORMATS = {".graphml": "graphml", ".gexf": "gexf"}


def to_networkx(graph: Graph, *, ontology: Ontology | None = None) -> nx.MultiDiGraph:
    """Entities as nodes (label, class, aliases, Wikidata item) and relations as edges
    (relation, its ontology label, the sentences and documents that state it)."""
    ontology = ontology or default_ontology()
    labels = {s: str(o) for s, o in graph.subject_objects(RDFS.label) if isinstance(o, Literal)}
    entities = {s for s in labels if isinstance(s, URIRef) and (s, RDF.type, AI.Document) not in graph
                and (s, RDF.type, AI.Evidence) not in graph}
    network = nx.MultiDiGraph()
    for node in sorted(entities):
        classes = sorted(local_name(c) for c in graph.objects(node, RDF.type))
        network.add_node(str(node), label=labels[node], cls=classes[0] if classes else "Thing",
                         aliases=sorted(str(a) for a in graph.objects(node, SKOS.altLabel)),
                         wikidata=next((str(o) for o in graph.objects(node, OWL.sameAs)
                                        if "wikidata.org" in str(o)), ""))
    relation_labels = {str(spec.iri): spec.label for spec in ontology.relations.values()}
    evidence = _evidence_by_triple(graph)
    for s, p, o in sorted(graph):
        if p in NOT_RELATIONS or s not in entities or o not in entities or s == o:
            continue
        name = local_name(p)
        network.add_edge(str(s), str(o), key=name, relation=name,
                         label=relation_labels.get(str(p), name),
                         evidence=evidence.get((s, p, o), []))
    return network


def _evidence_by_triple(graph: Graph) -> dict[tuple, list[dict]]:
    found: dict[tuple, list[dict]] = {}
    for node in sorted(graph.subjects(RDF.type, AI.Evidence)):
        triple = (graph.value(node, RDF.subject), graph.value(node, RDF.predicate), graph.value(node, RDF.object))
        doc = graph.value(node, PROV.wasDerivedFrom)
        title = graph.value(doc, DCTERMS.title) or graph.value(doc, DCTERMS.identifier) or ""
        found.setdefault(triple, []).append({
            "sentence": str(graph.value(node, AI.sentence) or ""),
            "document": str(title),
            "confidence": float(graph.value(node, AI.confidence) or 0),
        })
    for items in found.values():
        items.sort(key=lambda e: (-e["confidence"], e["document"], e["sentence"]))
    return found


def select(network: nx.MultiDiGraph, graph: Graph, *, focus: str | None = None, depth: int = 1,
           types: Iterable[str] = (), relations: Iterable[str] = ()) -> nx.MultiDiGraph:
    """The part of the network a view shows: the neighbourhood of one entity, some classes,
    some relations."""
    chosen = network
    relations, types = set(relations), set(types)
    if relations:
        chosen = nx.MultiDiGraph(((u, v, k, d) for u, v, k, d in chosen.edges(keys=True, data=True)
                                  if d["relation"] in relations))
        chosen.add_nodes_from((n, network.nodes[n]) for n in chosen.nodes)
    if types:
        chosen = chosen.subgraph([n for n, d in chosen.nodes(data=True) if d["cls"] in types]).copy()
    if focus is not None:
        centres = [str(n) for n in entities_named(graph, focus) if str(n) in network]
        if not centres:
            raise FocusError(f"no entity named {focus!r} in the graph")
        undirected = chosen.to_undirected(as_view=True)
        keep: set[str] = set()
        for centre in centres:
            if centre in chosen:
                keep |= set(nx.single_source_shortest_path_length(undirected, centre, cutoff=depth))
        chosen = chosen.subgraph(keep).copy()
    return chosen


def most_connected(network: nx.MultiDiGraph, limit: int) -> nx.MultiDiGraph:
    """The ``limit`` entities with the most relations (ties by label), and the edges among them."""
    if network.number_of_nodes() <= limit:
        return network
    ranked = sorted(network.nodes, key=lambda n: (-network.degree(n), network.nodes[n]["label"], n))
    return network.subgraph(ranked[:limit]).copy()


def export(network: nx.MultiDiGraph, destination: str | Path) -> None:
    """Write the network as GraphML or GEXF (chosen by the file's suffix), for Gephi and the like."""
    path = Path(destination)
    kind = EXPORT_FORMATS.get(path.suffix.lower())
    if kind is None:
        raise GraphError(f"{path}: unknown network format (use .graphml or .gexf)")
    flat = nx.MultiDiGraph()
    for node, data in network.nodes(data=True):
        flat.add_node(node, label=data["label"], cls=data["cls"], aliases="; ".join(data["aliases"]),
                      wikidata=data["wikidata"])
    for u, v, key, data in network.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, relation=data["relation"], label=data["label"],
                      sentences=" | ".join(e["sentence"] for e in data["evidence"]))
    lines = nx.generate_graphml(flat) if kind == "graphml" else nx.generate_gexf(flat)
    write_atomically(path, ("\n".join(lines) + "\n").encode("utf-8"))
