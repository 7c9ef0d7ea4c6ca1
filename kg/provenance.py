"""Provenance: why a relation is in a graph, named as a user names things.

For a relation, the sentences that state it (``kg.rdf.evidence``), the documents they come
from, the rule that read them and the confidence; entities and relations found by name.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from .errors import ExplainError
from .names import name_key
from .ontology import Ontology, default_ontology, local_name
from .rdf.evidence import document_name, document_source, statements
from .rdf.vocab import RDF, RDFS, SKOS

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
    found = [Evidence(subject=label(graph, subject), relation=local_name(predicate), object=label(graph, obj),
                      sentence=s.sentence, document=document_name(graph, s.document),
                      source=document_source(graph, s.document), start=s.start, end=s.end, rule=s.rule,
                      confidence=s.confidence)
             for s in statements(graph, subject=subject) if s.triple == (subject, predicate, obj)]
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
    found = list(statements(graph))
    weak = {s.node for s in found if Decimal(str(s.confidence)) < limit}
    support: dict[tuple, int] = defaultdict(int)
    for s in found:
        if s.node not in weak:
            support[s.triple] += 1
    stated = {s.triple for s in found}
    for triple in graph:
        s, p, o = triple
        if s in weak:
            continue
        if triple in stated and not support.get(triple):
            continue
        out.add(triple)
    return out
