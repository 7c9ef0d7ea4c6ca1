"""Checking a graph against its ontology: every entity typed and labelled, every relation
declared, and every relation between entities whose classes fit its domain and range."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, URIRef

from .ontology import Ontology, local_name
from .rdf.vocab import AI, NOT_RELATIONS, RDF, RDFS


@dataclass(frozen=True)
class Violation:
    subject: str
    relation: str | None
    object: str | None
    problem: str


def validate(graph: Graph, ontology: Ontology) -> list[Violation]:
    entities = {s for s in graph.subjects(RDFS.label, None) if isinstance(s, URIRef)}
    classes_of = {e: [c for c in graph.objects(e, RDF.type) if c in ontology.classes] for e in entities}
    found: list[Violation] = []
    for entity, classes in sorted(classes_of.items()):
        if not classes:
            found.append(Violation(local_name(entity), None, None, "no class of the ontology"))
    for s, p, o in sorted(graph):
        if p in NOT_RELATIONS or s not in entities or o not in entities:
            continue
        spec = ontology.relations.get(p)
        if spec is None:
            if str(p).startswith(str(AI._NS)):
                found.append(Violation(local_name(s), local_name(p), local_name(o), "relation not in the ontology"))
            continue
        if not any(ontology.fits(spec, cs, co) for cs in classes_of[s] for co in classes_of[o]):
            found.append(Violation(local_name(s), spec.name, local_name(o),
                                   "classes outside the relation's domain and range"))
    return found
