"""The RDF vocabulary kg writes, as rdflib namespaces.

``AI`` mirrors the terms of ``ontologies/kg.ttl``; ``tests/test_vocab.py`` keeps the two in
step. Relations a user adds to their own ontology are read from that file at run time and
need no entry here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

from ..errors import KGError

__all__ = ["AI", "NOT_RELATIONS", "Base", "DEFAULT_BASE", "ENTITY", "DOCUMENT", "EVIDENCE", "WD", "DCTERMS", "OWL", "PROV", "RDF", "RDFS",
           "SKOS", "XSD", "ONTOLOGY_IRI", "bind_prefixes"]

ONTOLOGY_IRI = URIRef("https://example.org/kg/ontology")


class AI(DefinedNamespace):
    """Classes, relations and annotation properties of the kg ontology."""

    _NS = Namespace("https://example.org/kg/ontology#")
    _fail = True

    # classes
    Organization: URIRef
    Person: URIRef
    AIModel: URIRef
    Product: URIRef
    Benchmark: URIRef
    Dataset: URIRef
    Place: URIRef
    Document: URIRef
    Evidence: URIRef
    # relations
    releases: URIRef
    releasedBy: URIRef
    develops: URIRef
    developedBy: URIRef
    created: URIRef
    createdBy: URIRef
    basedOn: URIRef
    poweredBy: URIRef
    evaluatedOn: URIRef
    comparedWith: URIRef
    competesWith: URIRef
    partnersWith: URIRef
    memberOf: URIRef
    hasMember: URIRef
    founded: URIRef
    foundedBy: URIRef
    worksFor: URIRef
    employs: URIRef
    partOf: URIRef
    hasPart: URIRef
    acquired: URIRef
    investsIn: URIRef
    headquarteredIn: URIRef
    # provenance
    sentence: URIRef
    startChar: URIRef
    endChar: URIRef
    confidence: URIRef
    rule: URIRef
    mentionedIn: URIRef
    # annotations that drive extraction
    verbTrigger: URIRef
    nounTrigger: URIRef
    prepositionTrigger: URIRef
    verbPrepositionTrigger: URIRef
    possessiveTrigger: URIRef
    classTrigger: URIRef
    namePrefix: URIRef
    nameSuffix: URIRef
    nerLabel: URIRef
    eventNoun: URIRef
    eventHolderVerb: URIRef
    eventParticipantVerb: URIRef
    plannedRelation: URIRef
    requiresFact: URIRef
    requiresCurrent: URIRef
    endVerbTrigger: URIRef


#: properties that describe an entity or record provenance; every other property between two
#: entities is a relation
NOT_RELATIONS = frozenset({RDF.type, RDFS.label, SKOS.altLabel, OWL.sameAs, AI.mentionedIn, PROV.wasDerivedFrom,
                           RDF.subject, RDF.predicate, RDF.object})

#: where kg mints the IRIs of entities, documents and evidence unless told otherwise
#: (``--base``); the gazetteer's entities are written under it and moved with it
DEFAULT_BASE = "https://example.org/kg/"
ENTITY = Namespace(DEFAULT_BASE + "entity/")
DOCUMENT = Namespace(DEFAULT_BASE + "document/")
EVIDENCE = Namespace(DEFAULT_BASE + "evidence/")
WD = Namespace("http://www.wikidata.org/entity/")

_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|\\^`]')


@dataclass(frozen=True)
class Base:
    """The base IRI under which a build mints its IRIs: ``entity/``, ``document/`` and
    ``evidence/`` below it."""

    iri: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        parts = urlsplit(self.iri)
        if parts.scheme not in ("http", "https") or not parts.netloc or _IRI_FORBIDDEN.search(self.iri) \
                or parts.query or parts.fragment or not self.iri.endswith("/"):
            raise KGError(f"base IRI {self.iri!r}: give an http(s) address that ends in /, "
                          f"such as https://data.example.com/kg/")

    @property
    def entity(self) -> Namespace:
        return Namespace(self.iri + "entity/")

    @property
    def document(self) -> Namespace:
        return Namespace(self.iri + "document/")

    @property
    def evidence(self) -> Namespace:
        return Namespace(self.iri + "evidence/")

    def rebase(self, iri: URIRef) -> URIRef:
        """An IRI under the default base, moved under this one (gazetteer entities)."""
        if self.iri != DEFAULT_BASE and str(iri).startswith(DEFAULT_BASE):
            return URIRef(self.iri + str(iri)[len(DEFAULT_BASE):])
        return iri


def bind_prefixes(graph, *, base: Base | None = None) -> None:
    """Bind the prefixes kg's output uses, so that serialized files read well."""
    base = base or Base()
    for prefix, namespace in (("ai", AI._NS), ("kge", base.entity), ("doc", base.document), ("ev", base.evidence),
                              ("wd", WD), ("skos", SKOS), ("prov", PROV), ("dcterms", DCTERMS),
                              ("owl", OWL), ("xsd", XSD)):
        graph.bind(prefix, namespace, override=True)
