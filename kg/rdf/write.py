"""Writing the graph: extractions into triples.

A relation is a plain triple, ``kge:meta ai:releases kge:llama-2``, so queries need not know
about provenance. Every sentence that states it is an ``ai:Evidence`` node (read back by
``evidence``): an ``rdf:Statement`` naming the triple, ``prov:wasDerivedFrom`` the document,
with the sentence, its character offsets, the rule and a confidence. What the graph says of an
entity itself (class, label, other names, Wikidata item) depends on every document that names
it; what a document contributes depends on the others only through its entities' classes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from rdflib import Graph, Literal, URIRef

from ..documents import Document
from ..names import name_key
from ..ontology import Ontology, local_name
from ..records import Extraction, Rejection
from .vocab import AI, DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, Base, bind_prefixes

if TYPE_CHECKING:  # the extraction side (spaCy) is not imported to read or query a graph
    from ..entities import Entity, EntityIndex
    from ..records import RelationMention


def document_iri(document_id: str, *, base: Base | None = None) -> URIRef:
    return (base or Base()).document[quote(document_id, safe="-._~")]


def evidence_iri(document_id: str, relation: RelationMention, subject: URIRef, obj: URIRef, *,
                 base: Base | None = None) -> URIRef:
    key = "\x1f".join([document_id, str(relation.sentence_start), str(relation.sentence_end),
                       str(subject), str(relation.relation), str(obj)])
    return (base or Base()).evidence[hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]]


Triple = tuple[URIRef, URIRef, Any]


def to_graph(extractions: Iterable[Extraction], index: EntityIndex, *, ontology: Ontology,
             min_confidence: float = 0.0) -> tuple[Graph, list[Rejection]]:
    """The RDF graph of the extractions, and the candidate relations left out, with the reason.
    IRIs are minted under the index's base; the index holds every extraction's mentions."""
    writer = GraphWriter(index, ontology=ontology, min_confidence=min_confidence)
    for extraction in extractions:
        writer.add(extraction)
    return writer.finish()


class GraphWriter:
    """Writes a graph document by document as extractions arrive, while the index fills.

    All a document contributes is known when it arrives except whether each relation fits
    the ontology's domain and range: that depends on its entities' classes, voted over every
    document. So relations are written at once and judged in ``finish``, where the few whose
    entities' classes do not fit are taken out again."""

    def __init__(self, index: EntityIndex, *, ontology: Ontology, min_confidence: float = 0.0) -> None:
        self.index = index
        self.ontology = ontology
        self.min_confidence = min_confidence
        self.graph = Graph(store="SimpleMemory")  # no named graphs here: the faster store
        bind_prefixes(self.graph, base=index.base)
        self._judged: list[tuple[int, Rejection]] = []
        self._pending: list[tuple[int, Document, RelationMention, URIRef, URIRef, URIRef | None]] = []
        self._count = 0

    def add(self, extraction: Extraction) -> None:
        doc, index = extraction.document, self.index
        self.graph.addN((s, p, o, self.graph) for s, p, o in _document_header(extraction, index))
        for relation in extraction.relations:
            self._count += 1
            subject, obj = index.iri_of(relation.subject), index.iri_of(relation.object)
            reason = _unfit_alone(relation, subject, obj)
            if reason is not None:
                self._judged.append((self._count, _rejection(doc, relation, reason)))
                continue
            evidence = None
            if relation.confidence >= self.min_confidence:
                triples = _relation_triples(doc, relation, subject, obj, base=index.base)
                self.graph.addN((s, p, o, self.graph) for s, p, o in triples)
                evidence = triples[1][0]
            self._pending.append((self._count, doc, relation, subject, obj, evidence))

    def finish(self) -> tuple[Graph, list[Rejection]]:
        graph, entities = self.graph, self.index.entities
        for entity in entities.values():
            graph.addN((s, p, o, graph) for s, p, o in entity_triples(entity))
        left_out = list(self._judged)
        for position, doc, relation, subject, obj, evidence in self._pending:
            reason = _unfit_with(relation, entities[subject], entities[obj], ontology=self.ontology,
                                 min_confidence=self.min_confidence)
            if reason is None:
                continue
            left_out.append((position, _rejection(doc, relation, reason)))
            if evidence is not None:  # written when it arrived: the classes have ruled it out
                graph.remove((subject, relation.relation, obj))
                graph.remove((evidence, None, None))
        return graph, [r for _, r in sorted(left_out, key=lambda item: item[0])]


def entity_triples(entity: Entity) -> list[Triple]:
    """What the graph says of an entity itself: class, label, other names, Wikidata item.
    It depends on every document that names the entity."""
    triples: list[Triple] = [(entity.iri, RDF.type, entity.cls), (entity.iri, RDFS.label, Literal(entity.label))]
    triples += [(entity.iri, SKOS.altLabel, Literal(alias)) for alias in entity.aliases]
    triples += [(entity.iri, OWL.sameAs, item) for item in entity.same_as]
    return triples


def document_triples(extraction: Extraction, index: EntityIndex, *, ontology: Ontology,
                     min_confidence: float = 0.0) -> tuple[list[Triple], list[Rejection]]:
    """What one document contributes: the document, the entities it mentions, the relations
    it states with their evidence; and the candidates left out, with the reason. It depends on
    other documents only through the classes of the entities (voted over all mentions)."""
    doc = extraction.document
    triples = _document_header(extraction, index)
    left_out: list[Rejection] = []
    for relation in extraction.relations:
        subject, obj = index.iri_of(relation.subject), index.iri_of(relation.object)
        reason = _unfit_alone(relation, subject, obj) or _unfit_with(
            relation, index.entities[subject], index.entities[obj], ontology=ontology, min_confidence=min_confidence)
        if reason is not None:
            left_out.append(_rejection(doc, relation, reason))
        else:
            triples += _relation_triples(doc, relation, subject, obj, base=index.base)
    return triples, left_out


def _unfit_alone(relation: RelationMention, subject: URIRef, obj: URIRef) -> str | None:
    """Why a candidate is left out whatever the other documents say, if it is."""
    if relation.rejected is not None:
        return relation.rejected
    return "same entity" if subject == obj else None


def _unfit_with(relation: RelationMention, subject: Entity, obj: Entity, *, ontology: Ontology,
                min_confidence: float) -> str | None:
    """Why a candidate is left out once its entities' classes are voted, if it is."""
    if not ontology.fits(ontology.relations[relation.relation], subject.cls, obj.cls):
        # the entity's class, voted over all its mentions, differs from this mention's
        return "domain/range of the merged entities"
    return "low confidence" if relation.confidence < min_confidence else None


def _document_header(extraction: Extraction, index: EntityIndex) -> list[Triple]:
    """The document node, and the entities it mentions."""
    doc = extraction.document
    doc_iri = document_iri(doc.id, base=index.base)
    triples: list[Triple] = [(doc_iri, RDF.type, AI.Document), (doc_iri, DCTERMS.identifier, Literal(doc.id))]
    if doc.title:
        triples.append((doc_iri, DCTERMS.title, Literal(doc.title)))
    if doc.source:
        triples.append((doc_iri, DCTERMS.source, Literal(doc.source)))
    mentioned = {index.iri_of(m) for m in extraction.mentions if name_key(m.name)}
    triples += [(iri, AI.mentionedIn, doc_iri) for iri in sorted(mentioned)]
    return triples


# read once: attribute lookups on a DefinedNamespace are slow, and these are read per relation
_EVIDENCE_TERMS = (RDF.type, AI.Evidence, RDF.Statement, RDF.subject, RDF.predicate, RDF.object,
                   PROV.wasDerivedFrom, AI.sentence, AI.startChar, AI.endChar, AI.confidence, AI.rule)


def _relation_triples(doc: Document, relation: RelationMention, subject: URIRef, obj: URIRef, *,
                      base: Base) -> list[Triple]:
    """The relation, and the evidence of it (the second triple's subject)."""
    a, evidence_class, statement, has_subject, has_predicate, has_object, derived, sentence, start, end, \
        confidence, rule = _EVIDENCE_TERMS
    evidence = evidence_iri(doc.id, relation, subject, obj, base=base)
    text = doc.text[relation.sentence_start:relation.sentence_end]
    return [(subject, relation.relation, obj), *((evidence, p, o) for p, o in (
        (a, evidence_class), (a, statement),
        (has_subject, subject), (has_predicate, relation.relation), (has_object, obj),
        (derived, _document_iri(doc.id, base)), (sentence, _sentence(text)),
        (start, _literal(relation.sentence_start)), (end, _literal(relation.sentence_end)),
        (confidence, _confidence(relation.confidence)), (rule, _literal(relation.rule))))]


@lru_cache(maxsize=1024)
def _document_iri(document_id: str, base: Base) -> URIRef:
    return document_iri(document_id, base=base)


# a document's relations share sentences, offsets, rules and confidences: their literals are
# made once (the graph is written in the build's main process, while workers extract)
@lru_cache(maxsize=4096)
def _sentence(text: str) -> Literal:
    return Literal(" ".join(text.split()))


@lru_cache(maxsize=4096)
def _literal(value: int | str) -> Literal:
    return Literal(value)


@lru_cache(maxsize=1024)
def _confidence(value: float) -> Literal:
    return Literal(Decimal(str(value)), datatype=XSD.decimal)


def _rejection(doc: Document, relation: RelationMention, reason: str) -> Rejection:
    return Rejection(document=doc.id, subject=relation.subject.name, relation=local_name(relation.relation),
                     object=relation.object.name, reason=reason, rule=relation.rule,
                     confidence=relation.confidence,
                     sentence=" ".join(doc.text[relation.sentence_start:relation.sentence_end].split()))


