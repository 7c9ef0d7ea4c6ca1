
import pytest
from conftest import ONTOLOGY
from rdflib import Graph
from rdflib.namespace import OWL, RDF

from kg.errors import OntologyError
from kg.ontology import Ontology
from kg.rdf.vocab import AI

CORE_CLASSES = {"Organization", "Person", "AIModel", "Product", "Benchmark", "Dataset", "Place"}
CORE_RELATIONS = {
    "releases": ({"Organization"}, {"AIModel", "Product", "Dataset"}),
    "develops": ({"Organization"}, {"AIModel", "Product"}),
    "created": ({"Organization", "Person"}, {"Benchmark", "Dataset"}),
    "basedOn": ({"AIModel", "Product"}, {"AIModel"}),
    "poweredBy": ({"Product"}, {"AIModel"}),
    "evaluatedOn": ({"AIModel"}, {"Benchmark"}),
    "comparedWith": ({"AIModel"}, {"AIModel"}),
    "competesWith": ({"Organization"}, {"Organization"}),
    "partnersWith": ({"Organization"}, {"Organization"}),
    "memberOf": ({"Organization", "Person"}, {"Organization"}),
    "founded": ({"Person", "Organization"}, {"Organization"}),
    "worksFor": ({"Person"}, {"Organization"}),
    "partOf": ({"Organization"}, {"Organization"}),
    "acquired": ({"Organization"}, {"Organization"}),
    "investsIn": ({"Organization", "Person"}, {"Organization"}),
    "headquarteredIn": ({"Organization"}, {"Place"}),
}


def names(iris):
    return {str(i).rsplit("#", 1)[-1] for i in iris}


def test_core_vocabulary_with_domain_and_range(ontology):
    assert CORE_CLASSES <= {c.name for c in ontology.classes.values()}
    for name, (domain, range_) in CORE_RELATIONS.items():
        relation = ontology.relation_named(name)
        assert names(relation.domain) == domain, name
        assert names(relation.range) == range_, name
        assert relation.extractable, name


def test_symmetric_relations(ontology):
    assert {r.name for r in ontology.relations.values() if r.symmetric} == {"comparedWith", "competesWith", "partnersWith"}


def test_vocabulary_module_matches_the_ontology():
    graph = Graph().parse(ONTOLOGY)
    declared = {s for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
                for s in graph.subjects(RDF.type, t) if str(s).startswith(str(AI._NS))}
    in_module = {AI[name] for name in AI.__annotations__}
    assert declared == in_module


def test_a_trigger_can_serve_several_relations(ontology):
    launch = {r.name for r in ontology.verb_relations(("launch",))}
    assert {"releases", "founded"} <= launch


@pytest.mark.parametrize(("relation", "other", "expected"), [
    ("worksFor", "memberOf", True),  # a person, against a person or an organization
    ("memberOf", "worksFor", False),
    ("releases", "created", False),  # ranges that overlap, neither within the other
    ("acquired", "partOf", False),  # the same domain and range: neither is narrower
])
def test_a_relation_narrower_than_another(ontology, relation, other, expected):
    assert ontology.narrower(ontology.relation_named(relation), ontology.relation_named(other)) is expected


@pytest.mark.parametrize(("content", "message"), [
    ("@prefix ai: <https://example.org/kg/ontology#> .\nai:X a owl:Class", "cannot parse"),
    ("@prefix ai: <https://example.org/kg/ontology#> .\n", "declares no owl:Class"),
    ("""@prefix ai: <https://example.org/kg/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ai:A a owl:Class .
ai:r a owl:ObjectProperty ; rdfs:domain ai:A ; rdfs:range ai:Missing ; ai:verbTrigger "own" .
""", "not a declared class"),
    ("""@prefix ai: <https://example.org/kg/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
ai:A a owl:Class .
ai:r a owl:ObjectProperty .
""", "no relation has trigger words"),
])
def test_broken_ontology_is_a_one_line_error(tmp_path, content, message):
    path = tmp_path / "broken.ttl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(OntologyError, match=message) as info:
        Ontology.load(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)


def test_missing_ontology(tmp_path):
    with pytest.raises(OntologyError, match="no such ontology file"):
        Ontology.load(tmp_path / "nope.ttl")
