"""Provenance: why a relation is in a graph, and why a candidate is not.

Reads the ``ai:Evidence`` nodes kg writes (see ``graph.py``): for a relation, the sentences
that state it, the documents they come from, the rule that read them and the confidence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from .errors import ExplainError
from .names import name_key
from .ontology import Ontology, default_ontology, local_name
from .vocab import AI, DCTERMS, PROV, RDF, RDFS, SKOS

_NAMES = (RDFS.label, SKOS.altLabel)


@dataclass(frozen=True)
class Evidence:
    subject: str
    relation: str
    object: str
    sentence: str
    document: str  # the document's title, else its identifier
    source: str | None
    start: int
    end: int
    rule: str
    confidence: float


@dataclass(frozen=True)
class Rejection:
    """A candidate relation kg did not put in the graph, and why."""

    document: str
    subject: str
    relation: str
    object: str
    reason: str
    rule: str
    confidence: float
    sentence: str


def label(graph: Graph, node) -> str:
    value = graph.value(node, RDFS.label)
    return str(value) if value is not None else local_name(node)


def entities_named(graph: Graph, name: str) -> list[URIRef]:
    """Entities whose label or alias is the name (case, spacing and punctuation ignored)."""
    if name.startswith(("http://", "https://", "urn:")):
        node = URIRef(name)
        return [node] if (node, RDFS.label, None) in graph else []
    key = name_key(name)
    found = {s for p in _NAMES for s, o in graph.subject_objects(p)
             if isinstance(o, Literal) and isinstance(s, URIRef) and name_key(str(o)) == key}
    return sorted(found)


def relations_named(graph: Graph, name: str, *, ontology: Ontology | None = None) -> list[tuple[URIRef, bool]]:
    """Predicates used in the graph's evidence whose local name is ``name``, each with whether
    it is the inverse of the one asked for ("releasedBy" asked, releases used)."""
    used = set(graph.objects(None, RDF.predicate))
    found = [(p, False) for p in used if local_name(p) == name]
    inverses = {local_name(p): p for p in used}
    for spec in (ontology or default_ontology()).relations.values():
        if spec.name == name and spec.inverse is not None and local_name(spec.inverse) in inverses:
            found.append((inverses[local_name(spec.inverse)], True))
    return sorted(set(found))


def evidence(graph: Graph, subject: URIRef, predicate: URIRef, obj: URIRef) -> list[Evidence]:
    found = []
    for node in graph.subjects(RDF.subject, subject):
        if (node, RDF.predicate, predicate) not in graph or (node, RDF.object, obj) not in graph:
            continue
        doc = graph.value(node, PROV.wasDerivedFrom)
        title = graph.value(doc, DCTERMS.title) or graph.value(doc, DCTERMS.identifier) or local_name(doc)
        source = graph.value(doc, DCTERMS.source)
        found.append(Evidence(
            subject=label(graph, subject), relation=local_name(predicate), object=label(graph, obj),
            sentence=str(graph.value(node, AI.sentence) or ""), document=str(title),
            source=str(source) if source is not None else None,
            start=int(graph.value(node, AI.startChar) or 0), end=int(graph.value(node, AI.endChar) or 0),
            rule=str(graph.value(node, AI.rule) or ""), confidence=float(graph.value(node, AI.confidence) or 0)))
    return sorted(found, key=lambda e: (-e.confidence, e.document, e.start))


def explain(graph: Graph, subject: str, relation: str, obj: str, *,
            ontology: Ontology | None = None) -> list[Evidence]:
    """The evidence for "subject relation object", named as a user would name them."""
    subjects = entities_named(graph, subject)
    if not subjects:
        raise ExplainError(f"no entity named {subject!r} in the graph")
    objects = entities_named(graph, obj)
    if not objects:
        raise ExplainError(f"no entity named {obj!r} in the graph")
    ontology = ontology or default_ontology()
    predicates = relations_named(graph, relation, ontology=ontology)
    if not predicates:
        if any(spec.name == relation for spec in ontology.relations.values()):
            return []  # a relation of the ontology that this graph has no triple of
        raise ExplainError(f"no relation named {relation!r} in the graph or the ontology")
    found: list[Evidence] = []
    for predicate, inverse in predicates:
        for s in subjects:
            for o in objects:
                found.extend(evidence(graph, o, predicate, s) if inverse else evidence(graph, s, predicate, o))
    return found


def with_min_confidence(graph: Graph, threshold: float) -> Graph:
    """A copy without the evidence below the threshold, nor the relations left with none."""
    out = Graph()
    for prefix, namespace in graph.namespaces():
        out.bind(prefix, namespace, override=True)
    limit = Decimal(str(threshold))
    weak = {node for node, value in graph.subject_objects(AI.confidence) if Decimal(str(value)) < limit}
    support: dict[tuple, int] = defaultdict(int)
    for node in set(graph.subjects(RDF.type, AI.Evidence)) - weak:
        support[(graph.value(node, RDF.subject), graph.value(node, RDF.predicate), graph.value(node, RDF.object))] += 1
    stated = {(graph.value(n, RDF.subject), graph.value(n, RDF.predicate), graph.value(n, RDF.object))
              for n in graph.subjects(RDF.type, AI.Evidence)}
    for triple in graph:
        s, p, o = triple
        if s in weak:
            continue
        if triple in stated and not support.get(triple):
            continue
        out.add(triple)
    return out
