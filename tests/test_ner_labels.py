"""Which of the recognizer's labels feed which class is the ontology's to say (``ai:nerLabel``);
an ontology that says nothing still gets its names typed."""

from __future__ import annotations

import pytest
import spacy
from conftest import ONTOLOGY
from rdflib import Namespace

import kg
from kg.ontology import Ontology, default_ontology
from kg.rdf.vocab import AI

EX = Namespace("https://example.com/news#")
LABELS = ["ORG", "PERSON", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "MONEY"]
PREFIXES = """@prefix ai: <https://example.org/kg/ontology#> .
@prefix ex: <https://example.com/news#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""
# a user's own classes, in their own namespace, with no NER label declared
OWN = PREFIXES + """
ex:Person a owl:Class ; rdfs:label "Person" .
ex:Company a owl:Class ; rdfs:label "Company" .
ex:Town a owl:Class ; rdfs:label "Town" ; ai:classTrigger "city", "village" .
ex:Gadget a owl:Class ; rdfs:label "Gadget" .
ex:worksFor a owl:ObjectProperty ; rdfs:domain ex:Person ; rdfs:range ex:Company ;
    ai:verbTrigger "join", "work for" .
"""
# kg's classes by IRI, no NER label declared (as a user who reuses kg's classes writes it)
REUSED = PREFIXES + """
ai:Person a owl:Class ; rdfs:label "Person" .
ai:Organization a owl:Class ; rdfs:label "Organization" .
ai:Place a owl:Class ; rdfs:label "Place" .
ai:worksFor a owl:ObjectProperty ; rdfs:domain ai:Person ; rdfs:range ai:Organization ;
    ai:verbTrigger "join" .
"""
# a label declared: only what is declared feeds a class
DECLARED = PREFIXES + """
ex:Group a owl:Class ; rdfs:label "Group" ; ai:nerLabel "NORP", "ORG" .
ex:Person a owl:Class ; rdfs:label "Person" .
ex:memberOf a owl:ObjectProperty ; rdfs:domain ex:Person ; rdfs:range ex:Group ; ai:verbTrigger "join" .
"""


def ontology_of(text: str, tmp_path) -> Ontology:
    path = tmp_path / "ontology.ttl"
    path.write_text(text, encoding="utf-8")
    return Ontology.load(path)


@pytest.mark.parametrize("text, expected", [
    (None, {"ORG": AI.Organization, "PERSON": AI.Person, "GPE": AI.Place, "LOC": AI.Place, "PRODUCT": AI.Product}),
    (OWN, {"ORG": EX.Company, "PERSON": EX.Person, "GPE": EX.Town}),
    (REUSED, {"ORG": AI.Organization, "PERSON": AI.Person, "GPE": AI.Place, "LOC": AI.Place}),
    (DECLARED, {"ORG": EX.Group, "NORP": EX.Group}),
])
def test_labels_feed_the_classes_the_ontology_says(tmp_path, text, expected):
    ontology = default_ontology() if text is None else ontology_of(text, tmp_path)
    assert ontology.ner_classes(LABELS, explain=spacy.explain) == expected


def test_a_label_that_names_no_class_or_two_feeds_none(tmp_path):
    two = PREFIXES + """ex:Firm a owl:Class ; rdfs:label "Company" . ex:Corp a owl:Class ; rdfs:label "Company" .
ex:owns a owl:ObjectProperty ; ai:verbTrigger "own" ."""
    assert ontology_of(two, tmp_path).ner_classes(["ORG"], explain=spacy.explain) == {}
    assert default_ontology().ner_classes(["MONEY", "CARDINAL"], explain=spacy.explain) == {}


def test_kg_s_own_ontology_declares_its_labels():
    declared = {spec.name: set(spec.ner_labels) for spec in Ontology.load(ONTOLOGY).classes.values() if spec.ner_labels}
    assert declared == {"Organization": {"ORG"}, "Person": {"PERSON"}, "Place": {"GPE", "LOC"}, "Product": {"PRODUCT"}}


def test_a_user_s_own_classes_are_extracted(tmp_path):
    path = tmp_path / "own.ttl"
    path.write_text(OWN, encoding="utf-8")
    graph = kg.build([kg.Document(id="a", text="Jane Doe joined Acme Corporation in Boise.")], ontology=path)
    typed = {(str(graph.graph.value(s, kg.rdf.vocab.RDFS.label)), o) for s, o in graph.graph.subject_objects(kg.rdf.vocab.RDF.type)}
    assert ("Jane Doe", EX.Person) in typed and ("Acme Corporation", EX.Company) in typed
    assert list(graph.graph.triples((None, EX.worksFor, None)))


@pytest.mark.parametrize(("text", "expected"), [
    # "the company" is the organization the article is about, in the user's class of it
    ("Acme Corporation opened an office in Boise. Jane Doe joined the company in May.",
     {("Jane Doe", "Acme Corporation")}),
    # a surname alone is the person named in full before
    ("Jane Doe left Globex last year. Doe joined Acme Corporation in May.", {("Jane Doe", "Acme Corporation")}),
    # no organization named before: "the company" stands for nothing
    ("Jane Doe joined the company in May.", set()),
])
def test_references_resolve_to_the_user_s_own_classes(tmp_path, text, expected):
    graph = kg.build([kg.Document(id="a", text=text)], ontology=ontology_of(OWN, tmp_path).source, jobs=1)
    label = kg.rdf.vocab.RDFS.label
    found = {(str(graph.graph.value(s, label)), str(graph.graph.value(o, label)))
             for s, o in graph.graph.subject_objects(EX.worksFor)}
    assert found == expected


@pytest.mark.parametrize(("text", "expected"), [
    (None, (AI.Person, AI.Organization, AI.AIModel)),
    (OWN, (EX.Person, EX.Company, None)),  # no name stems: no class for names shaped like "Zephyr-7B"
])
def test_the_classes_of_people_organizations_and_model_names_are_the_ontology_s(tmp_path, text, expected):
    ontology = default_ontology() if text is None else ontology_of(text, tmp_path)
    assert (ontology.class_of_label("PERSON"), ontology.class_of_label("ORG"), ontology.pattern_class) == expected
