"""Who does what a gerund or a nominalization says, and the titles news sets before names:
sentences written for these tests, read with a small ontology of the user's own."""

from __future__ import annotations

import pytest

import kg

CRIME = """@prefix ai: <https://example.org/kg/ontology#> .
@prefix ex: <https://example.com/crime#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:Person a owl:Class ; rdfs:label "Person" .
ex:kills a owl:ObjectProperty ; rdfs:domain ex:Person ; rdfs:range ex:Person ;
    ai:verbTrigger "kill", "murder", "shoot" ; ai:nounTrigger "assassination", "killing" ;
    ai:requiresFact true .
"""


def relations(text: str, ontology) -> set[tuple[str, str, str]]:
    graph = kg.build([kg.Document(id="a", text=text)], ontology=ontology, jobs=1)
    return {(r["subject"], r["relation"], r["object"]) for r in graph.relation_records()}


@pytest.fixture(scope="module")
def crime(tmp_path_factory):
    path = tmp_path_factory.mktemp("crime") / "crime.ttl"
    path.write_text(CRIME, encoding="utf-8")
    return path


@pytest.mark.parametrize(("text", "expected"), [
    # a gerund after "of", "with", "for": done by the verb's object, or else its subject
    ("Tom Reed was convicted of murdering Ann Lee in 1990.", {("Tom Reed", "kills", "Ann Lee")}),
    ("Tom Reed, who was charged with killing Ann Lee, pleaded not guilty.", {("Tom Reed", "kills", "Ann Lee")}),
    # the verb's object did it, not its subject
    ("Bo Park blamed Tom Reed for killing Ann Lee.", {("Tom Reed", "kills", "Ann Lee")}),
    # a nominalization's "by" names its doer
    ("The assassination of Mayor Ann Lee by Tom Reed shocked the city.", {("Tom Reed", "kills", "Ann Lee")}),
    # a nominalization after "of", "for", "with" is done as a gerund there is; not where it was
    ("Tom Reed was convicted of Ann Lee's killing in 1990.", {("Tom Reed", "kills", "Ann Lee")}),
    ("Tom Reed is serving a life sentence for the killing of Ann Lee in Boise.", {("Tom Reed", "kills", "Ann Lee")}),
    # a denied gerund states nothing
    ("Tom Reed was praised for not shooting Ann Lee.", set()),
])
def test_the_doer_of_a_gerund_or_a_nominalization(crime, text, expected):
    assert relations(text, crime) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Kelp AI praised Dune Robotics for releasing Tide-3.", {("Dune Robotics", "releases", "Tide-3")}),
    ("Kelp AI was criticized for not releasing Tide-3.", set()),
])
def test_the_object_of_the_verb_does_what_the_gerund_says(text, expected):
    assert {t for t in relations(text, None) if t[1] == "releases"} == expected


@pytest.mark.parametrize(("text", "name", "alias"), [
    ("Tom Reed met President Ann Lee on Monday.", "Ann Lee", "President Ann Lee"),
    ("Tom Reed met U.S. Sen. Ann Lee on Monday.", "Ann Lee", "U.S. Sen. Ann Lee"),
    ("The talk was given by Dr. Ann Lee of Kelp AI.", "Ann Lee", "Dr. Ann Lee"),
])
def test_a_title_of_address_is_an_alias_never_the_label(text, name, alias):
    graph = kg.build([kg.Document(id="a", text=text)], jobs=1)
    people = {e["label"]: e["aliases"] for e in graph.entity_records() if e["class"] == "Person"}
    assert name in people
    assert alias in people[name].split(", ")


def test_a_lower_case_title_is_no_alias():
    graph = kg.build([kg.Document(id="a", text="Kelp AI said chief executive Ann Lee would step down.")], jobs=1)
    people = {e["label"]: e["aliases"] for e in graph.entity_records() if e["class"] == "Person"}
    assert people.get("Ann Lee") == ""


PLACES = """@prefix ai: <https://example.org/kg/ontology#> .
@prefix ex: <https://example.com/places#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ai:Organization a owl:Class ; rdfs:label "Organization" .
ai:Place a owl:Class ; rdfs:label "Place" .
ex:basedIn a owl:ObjectProperty ; rdfs:domain ai:Organization ; rdfs:range ai:Place ;
    ai:verbTrigger "base", "headquarter" ; ai:nounTrigger "based", "office", "headquarters" .
"""


@pytest.mark.parametrize("text", [
    "A Boise-based company, Kelp Corp., said sales rose.",
    "Kelp Corp. is based in Boise.",
    "The Kelp Corp. office in Boise closed.",
])
def test_a_name_a_word_of_location_takes_is_a_place(tmp_path, text):
    path = tmp_path / "places.ttl"
    path.write_text(PLACES, encoding="utf-8")
    graph = kg.build([kg.Document(id="a", text=text)], ontology=path, jobs=1)
    classes = {e["label"]: e["class"] for e in graph.entity_records()}
    assert classes.get("Boise") == "Place"
    assert ("Kelp Corp.", "basedIn", "Boise") in {(r["subject"], r["relation"], r["object"])
                                                   for r in graph.relation_records()}


ORIGINS = """@prefix ai: <https://example.org/kg/ontology#> .
@prefix ex: <https://example.com/origins#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ai:Person a owl:Class ; rdfs:label "Person" ; ai:classTrigger "lawyer", "ambassador", "attorney" .
ai:Place a owl:Class ; rdfs:label "Place" .
ai:Organization a owl:Class ; rdfs:label "Organization" ; ai:classTrigger "company" .
ex:livesIn a owl:ObjectProperty ; rdfs:domain ai:Person ; rdfs:range ai:Place ; ai:prepositionTrigger "from" .
ex:basedIn a owl:ObjectProperty ; rdfs:domain ai:Organization ; rdfs:range ai:Place ; ai:prepositionTrigger "in" .
"""


@pytest.mark.parametrize(("text", "expected"), [
    # a place before a noun for a person reads as "from"; before one for a thing, as "in"
    ("Tom Reed, the Boston attorney for the family, said he was pleased.", {("Tom Reed", "livesIn", "Boston")}),
    ("On Friday, U.S. Ambassador Tom Reed showed the photographs.", {("Tom Reed", "livesIn", "United States")}),
    ("Kelp Corp., a Boston company, said sales rose.", {("Kelp Corp.", "basedIn", "Boston")}),
    # a place before a noun that stands for no name states nothing
    ("A Boston lawyer said the ruling was wrong.", set()),
])
def test_a_place_before_a_noun_for_a_person_is_where_the_person_is_from(tmp_path, text, expected):
    path = tmp_path / "origins.ttl"
    path.write_text(ORIGINS, encoding="utf-8")
    assert relations(text, path) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a place before a name, or owning a named thing, is where it is
    ("Tom Reed, an activist in Boldavia's Ettahadi party, spoke.", {("Ettahadi", "basedIn", "Boldavia")}),
])
def test_a_place_that_owns_an_organization_is_where_it_is(tmp_path, text, expected):
    path = tmp_path / "origins.ttl"
    path.write_text(ORIGINS.replace('ai:classTrigger "company"', 'ai:classTrigger "company", "party"'),
                    encoding="utf-8")
    assert {t for t in relations(text, path) if t[1] == "basedIn"} == expected
