"""The graph as a network: entities as nodes, relations as directed edges, for views,
analytics (networkx) and network tools (GraphML, GEXF).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
from rdflib import Graph, Literal, URIRef

from .errors import FocusError, GraphError, UnknownNameError
from .ontology import Ontology, default_ontology, local_name
from .output import write_atomically
from .provenance import entities_named
from .rdf.evidence import document_name, statements
from .rdf.vocab import AI, NOT_RELATIONS, OWL, RDF, RDFS, SKOS

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
    for s in statements(graph):
        found.setdefault(s.triple, []).append({
            "sentence": s.sentence, "document": document_name(graph, s.document), "confidence": s.confidence})
    for items in found.values():
        items.sort(key=lambda e: (-e["confidence"], e["document"], e["sentence"]))
    return found


def select(network: nx.MultiDiGraph, graph: Graph, *, focus: str | None = None, depth: int = 1,
           types: Iterable[str] = (), relations: Iterable[str] = ()) -> nx.MultiDiGraph:
    """The part of the network a view shows: the neighbourhood of one entity, some classes,
    some relations."""
    chosen = network
    relations, types = set(relations), set(types)
    _known_names("class", types, {d["cls"] for _, d in network.nodes(data=True)} | set(_ontology_classes()))
    _known_names("relation", relations, {d["relation"] for _, _, d in network.edges(data=True)}
                 | set(_ontology_relations()))
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


def _ontology_classes() -> list[str]:
    return [spec.name for spec in default_ontology().classes.values() if spec.iri not in (AI.Document, AI.Evidence)]


def _ontology_relations() -> list[str]:
    return [spec.name for spec in default_ontology().relations.values()]


def _known_names(kind: str, wanted: set[str], known: set[str]) -> None:
    """A view filtered on a misspelt name would be empty without a word: say so instead."""
    for name in sorted(wanted):
        if name not in known:
            raise UnknownNameError(kind, name, known)


def most_connected(network: nx.MultiDiGraph, limit: int) -> nx.MultiDiGraph:
    """The ``limit`` entities with the most relations (ties by label), and the edges among them."""
    if network.number_of_nodes() <= limit:
        return network
    ranked = sorted(network.nodes, key=lambda n: (-network.degree(n), network.nodes[n]["label"], n))
    return network.subgraph(ranked[:limit]).copy()


#: characters XML 1.0 cannot carry at all; GraphML and GEXF readers reject a file with one
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_GEXF_DATE = re.compile(r' lastmodifieddate="[^"]*"')


def _xml_safe(value: str) -> str:
    return _NOT_XML.sub("", value)


def export(network: nx.MultiDiGraph, destination: str | Path, *, format: str | None = None,
           inputs: Iterable[str | Path] = ()) -> None:
    """Write the network as GraphML or GEXF (``format``, else the file's suffix), for Gephi
    and the like. Every edge has its own id (``e0``, ``e1``... in a stable order) and the
    output is the same for the same graph, byte for byte."""
    path = Path(destination)
    kind = (format or "").lower().lstrip(".") or EXPORT_FORMATS.get(path.suffix.lower())
    if kind not in EXPORT_FORMATS.values():
        raise GraphError(f"{path}: unknown network format (use .graphml or .gexf, or --format graphml|gexf)")
    flat = nx.MultiDiGraph()
    for node, data in sorted(network.nodes(data=True)):
        flat.add_node(_xml_safe(node), label=_xml_safe(data["label"]), cls=data["cls"],
                      aliases=_xml_safe("; ".join(data["aliases"])), wikidata=data["wikidata"])
    edges = sorted(network.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
    for number, (u, v, _, data) in enumerate(edges):
        flat.add_edge(_xml_safe(u), _xml_safe(v), key=f"e{number}", relation=data["relation"],
                      label=_xml_safe(data["label"]),
                      sentences=_xml_safe(" | ".join(e["sentence"] for e in data["evidence"])))
    if kind == "graphml":
        text = "\n".join(nx.generate_graphml(flat))
    else:
        # networkx stamps GEXF with today's date: the same graph would differ day to day
        text = _GEXF_DATE.sub("", "\n".join(nx.generate_gexf(flat)), count=1)
    write_atomically(destination, (text + "\n").encode("utf-8"), inputs=inputs)
