"""SHACL shapes generated from an ontology, and validation of any graph against them (pySHACL).

The shapes say what the ontology says, as constraints a SHACL engine checks: every subject of
a relation is in the relation's domain and every object in its range (``sh:class``, unions as
``sh:or``), every datatype property's value has its declared datatype, every entity of a
declared class has a label. A graph from anywhere, not only kg's, can be checked with them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

from .errors import KGError
from .ontology import Ontology, local_name
from .rdf.vocab import AI

#: where kg's generated shapes live: beside the ontology's terms
SHAPES = Namespace(str(AI._NS).rstrip("#") + "/shapes#")


class ValidationError(KGError):
    """A graph does not conform to the shapes (the CLI's exit code says so)."""


@dataclass(frozen=True)
class ShapeViolation:
    focus: str
    path: str
    message: str
    severity: str = "Violation"


def _classes(graph: Graph, items: Iterable[URIRef]) -> BNode | None:
    """``sh:or`` over ``sh:class`` constraints, or None for a single class."""
    nodes = []
    for cls in sorted(items):
        node = BNode()
        graph.add((node, SH["class"], cls))
        nodes.append(node)
    if len(nodes) < 2:
        return None
    head = BNode()
    Collection(graph, head, nodes)
    return head


def _constrain_class(graph: Graph, shape, classes: frozenset[URIRef]) -> None:
    union = _classes(graph, classes)
    if union is not None:
        graph.add((shape, SH["or"], union))
    elif classes:
        graph.add((shape, SH["class"], next(iter(classes))))


def shapes_graph(ontology: Ontology) -> Graph:
    """The SHACL shapes of an ontology's classes, relations and datatype properties."""
    shapes = Graph()
    shapes.bind("sh", SH)
    shapes.bind("ai", AI._NS)
    shapes.bind("kgsh", SHAPES)
    for spec in ontology.classes.values():
        if spec.iri in (AI.Document, AI.Evidence):
            continue  # provenance, not entities: they have no label
        shape = SHAPES[f"{spec.name}Shape"]
        shapes.add((shape, RDF.type, SH.NodeShape))
        shapes.add((shape, SH.targetClass, spec.iri))
        label = BNode()
        shapes.add((shape, SH.property, label))
        shapes.add((label, SH.path, RDFS.label))
        shapes.add((label, SH.minCount, Literal(1)))
        shapes.add((label, SH.nodeKind, SH.Literal))
        shapes.add((label, SH.message, Literal(f"every {spec.label} has a label")))
    for spec in ontology.relations.values():
        if not spec.domain and not spec.range:
            continue
        if spec.domain:
            shape = SHAPES[f"{spec.name}DomainShape"]
            shapes.add((shape, RDF.type, SH.NodeShape))
            shapes.add((shape, SH.targetSubjectsOf, spec.iri))
            _constrain_class(shapes, shape, spec.domain)
            shapes.add((shape, SH.message, Literal(
                f"the subject of {spec.name} must be of class {' or '.join(sorted(local_name(c) for c in spec.domain))}")))
        if spec.range:
            shape = SHAPES[f"{spec.name}RangeShape"]
            shapes.add((shape, RDF.type, SH.NodeShape))
            shapes.add((shape, SH.targetObjectsOf, spec.iri))
            shapes.add((shape, SH.nodeKind, SH.IRI))
            _constrain_class(shapes, shape, spec.range)
            shapes.add((shape, SH.message, Literal(
                f"the object of {spec.name} must be of class {' or '.join(sorted(local_name(c) for c in spec.range))}")))
    g = ontology.graph
    for prop in sorted(set(g.subjects(RDF.type, OWL.DatatypeProperty))):
        datatype = g.value(prop, RDFS.range)
        if not isinstance(prop, URIRef) or not isinstance(datatype, URIRef):
            continue
        shape = SHAPES[f"{local_name(prop)}Shape"]
        shapes.add((shape, RDF.type, SH.NodeShape))
        shapes.add((shape, SH.targetSubjectsOf, prop))
        value = BNode()
        shapes.add((shape, SH.property, value))
        shapes.add((value, SH.path, prop))
        shapes.add((value, SH.datatype, datatype))
        if (prop, RDF.type, OWL.FunctionalProperty) in g or datatype in (XSD.decimal, XSD.integer):
            shapes.add((value, SH.maxCount, Literal(1)))
        if prop == AI.confidence:
            shapes.add((value, SH.minInclusive, Literal(0)))
            shapes.add((value, SH.maxInclusive, Literal(1)))
    return shapes


def validate_shapes(data: Graph, *, ontology: Ontology, shapes: Graph | None = None) -> list[ShapeViolation]:
    """What in ``data`` breaks the shapes (the ontology's own by default), checked by pySHACL
    with the ontology's class hierarchy. Empty when the graph conforms."""
    from pyshacl import validate

    shapes = shapes if shapes is not None else shapes_graph(ontology)
    conforms, report, _ = validate(data, shacl_graph=shapes, ont_graph=ontology.graph, inference="none",
                                   abort_on_first=False, allow_warnings=True, meta_shacl=False, advanced=True)
    if conforms:
        return []
    found = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        severity = report.value(result, SH.resultSeverity)
        found.append(ShapeViolation(focus=str(focus), path=local_name(path) if path is not None else "",
                                    message=str(message or ""), severity=local_name(severity or SH.Violation)))
    return sorted(found, key=lambda v: (v.focus, v.path, v.message))
