"""The evidence schema, read back. kg writes every sentence that states a relation as an
``ai:Evidence`` node (``write._relation_triples``): an ``rdf:Statement`` naming the triple,
``prov:wasDerivedFrom`` the document, with the sentence, its offsets, the rule and the
confidence. This module is the one place that reads it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import Graph, URIRef

from ..ontology import local_name
from .vocab import AI, DCTERMS, PROV, RDF


@dataclass(frozen=True)
class Statement:
    """One evidence node."""

    node: URIRef
    subject: URIRef
    predicate: URIRef
    object: URIRef
    document: URIRef | None
    sentence: str
    start: int
    end: int
    rule: str
    confidence: float

    @property
    def triple(self) -> tuple[URIRef, URIRef, URIRef]:
        return self.subject, self.predicate, self.object


def statements(graph: Graph, *, subject: URIRef | None = None) -> Iterator[Statement]:
    """The graph's evidence nodes (those of one subject, when given), in IRI order."""
    nodes = graph.subjects(RDF.subject, subject) if subject is not None else graph.subjects(RDF.type, AI.Evidence)
    for node in sorted(set(nodes)):
        value = graph.value
        yield Statement(node=node, subject=value(node, RDF.subject), predicate=value(node, RDF.predicate),
                        object=value(node, RDF.object), document=value(node, PROV.wasDerivedFrom),
                        sentence=str(value(node, AI.sentence) or ""), start=int(value(node, AI.startChar) or 0),
                        end=int(value(node, AI.endChar) or 0), rule=str(value(node, AI.rule) or ""),
                        confidence=float(value(node, AI.confidence) or 0))


def document_name(graph: Graph, document: URIRef | None) -> str:
    """How a document is shown: its title, else its identifier, else its IRI's last part."""
    if document is None:
        return ""
    return str(graph.value(document, DCTERMS.title) or graph.value(document, DCTERMS.identifier)
               or local_name(document))


def document_source(graph: Graph, document: URIRef | None) -> str | None:
    source = graph.value(document, DCTERMS.source) if document is not None else None
    return str(source) if source is not None else None
