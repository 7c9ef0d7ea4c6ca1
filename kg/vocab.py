"""The RDF vocabulary kg writes, as rdflib namespaces.

``AI`` mirrors the terms of ``ontologies/kg.ttl``; ``tests/test_vocab.py`` keeps the two in
step. Relations a user adds to their own ontology are read from that file at run time and
need no entry here.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

__all__ = ["AI", "NOT_RELATIONS", "ENTITY", "DOCUMENT", "EVIDENCE", "WD", "DCTERMS", "OWL", "PROV", "RDF", "RDFS",
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
    possessiveTrigger: URIRef
    classTrigger: URIRef
    namePrefix: URIRef
    nameSuffix: URIRef
    eventNoun: URIRef
    eventHolderVerb: URIRef
    eventParticipantVerb: URIRef
    plannedRelation: URIRef
    requiresFact: URIRef
    requiresCurrent: URIRef


#: properties that describe an entity or record provenance; every other property between two
#: entities is a relation
NOT_RELATIONS = frozenset({RDF.type, RDFS.label, SKOS.altLabel, OWL.sameAs, AI.mentionedIn, PROV.wasDerivedFrom,
                           RDF.subject, RDF.predicate, RDF.object})

ENTITY = Namespace("https://example.org/kg/entity/")
DOCUMENT = Namespace("https://example.org/kg/document/")
EVIDENCE = Namespace("https://example.org/kg/evidence/")
WD = Namespace("http://www.wikidata.org/entity/")


def bind_prefixes(graph) -> None:
    """Bind the prefixes kg's output uses, so that serialized files read well."""
    for prefix, namespace in (("ai", AI._NS), ("kge", ENTITY), ("doc", DOCUMENT), ("ev", EVIDENCE),
                              ("wd", WD), ("skos", SKOS), ("prov", PROV), ("dcterms", DCTERMS),
                              ("owl", OWL), ("xsd", XSD)):
        graph.bind(prefix, namespace, override=True)
