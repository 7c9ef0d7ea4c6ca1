"""A relation that exists only in a user's ontology is extracted with no change to Python."""

import pytest
from conftest import ONTOLOGY
from rdflib import Namespace

import kg
from kg import Document

AI = Namespace("https://example.org/kg/ontology#")
SUES = """
ai:sues a owl:ObjectProperty ;
    rdfs:label "sues"@en ;
    rdfs:domain ai:Organization ;
    rdfs:range ai:Organization ;
    ai:verbTrigger "sue", "take to court" ;
    ai:nounTrigger "lawsuit" .
"""
TEXT = "The New York Times sued OpenAI over the use of its articles. Microsoft was also named."


def test_relation_from_a_user_ontology(tmp_path):
    custom = tmp_path / "with-sues.ttl"
    custom.write_text(ONTOLOGY.read_text(encoding="utf-8") + SUES, encoding="utf-8")
    doc = Document(id="lawsuit", text=TEXT)

    plain = kg.build([doc])
    extended = kg.build([doc], ontology=custom)

    assert not list(plain.graph.triples((None, AI.sues, None)))
    sued = [(plain_label(extended, s), plain_label(extended, o))
            for s, _, o in extended.graph.triples((None, AI.sues, None))]
    assert ("The New York Times", "OpenAI") in sued or ("New York Times", "OpenAI") in sued


def plain_label(graph, node):
    from rdflib.namespace import RDFS

    return str(graph.graph.value(node, RDFS.label))


def test_an_ontology_edited_between_two_builds_is_read_again(tmp_path):
    """The pipeline and the ontology are kept between builds by the file's content, not its
    path: a user who edits the ontology and builds again in the same process gets the edit."""
    custom = tmp_path / "ontology.ttl"
    doc = Document(id="lawsuit", text=TEXT)
    custom.write_text(ONTOLOGY.read_text(encoding="utf-8"), encoding="utf-8")
    before = kg.build([doc], ontology=custom)
    custom.write_text(ONTOLOGY.read_text(encoding="utf-8") + SUES, encoding="utf-8")
    after = kg.build([doc], ontology=custom)
    assert not list(before.graph.triples((None, AI.sues, None)))
    assert list(after.graph.triples((None, AI.sues, None)))


PLACES = """
ai:locatedIn a owl:ObjectProperty ;
    rdfs:label "located in"@en ;
    rdfs:domain ai:Place ;
    rdfs:range ai:Place ;
    ai:prepositionTrigger "in" .
"""


@pytest.mark.parametrize(("text", "expected"), [
    # a place set off by a comma after another is where it is: read as the preposition "in"
    ("The plant near Aiken, S.C., closed last year.", {("Aiken", "S.C.")}),
    ("The talks were held in Lyon, France.", {("Lyon", "France")}),
    ("She grew up in Boise, Idaho, and moved away.", {("Boise", "Idaho")}),
    # lists are no places in places
    ("Officials in Paris, London and Berlin agreed.", set()),
    ("Offices in Paris, London, and Berlin opened.", set()),
])
def test_a_place_after_a_comma_is_where_the_thing_is(tmp_path, text, expected):
    custom = tmp_path / "with-places.ttl"
    custom.write_text(ONTOLOGY.read_text(encoding="utf-8") + PLACES, encoding="utf-8")
    graph = kg.build([Document(id="a", text=text)], ontology=custom)
    found = {(plain_label(graph, s), plain_label(graph, o)) for s, _, o in graph.graph.triples((None, AI.locatedIn, None))}
    assert found == expected


@pytest.mark.parametrize(("text", "expected"), [
    # news names a town with its state or country: the whole is a name of the town
    ("The plant near Aiken, S.C., closed last year.", {"Aiken": {"Aiken, S.C."}}),
    ("The talks were held in Lyon, France.", {"Lyon": {"Lyon, France"}, "France": set()}),
    # a list's names are each other's neighbours, not each other's names
    ("Officials in Paris, London and Berlin agreed.", {"Paris": set(), "London": set(), "Berlin": set()}),
])
def test_a_place_named_with_the_place_it_is_in_has_that_whole_as_an_alias(tmp_path, text, expected):
    from rdflib.namespace import SKOS

    custom = tmp_path / "with-places.ttl"
    custom.write_text(ONTOLOGY.read_text(encoding="utf-8") + PLACES, encoding="utf-8")
    graph = kg.build([Document(id="a", text=text)], ontology=custom)
    for label, aliases in expected.items():
        node = next(s for s in graph.graph.subjects() if plain_label(graph, s) == label)
        assert {str(a) for a in graph.graph.objects(node, SKOS.altLabel)} == aliases


LIVES = """
ai:Person ai:classTrigger "native", "resident" .
ai:livesIn a owl:ObjectProperty ;
    rdfs:label "lives in"@en ;
    rdfs:domain ai:Person ;
    rdfs:range ai:Place ;
    ai:nounTrigger "native", "resident" .
"""


@pytest.mark.parametrize(("text", "expected", "name"), [
    # a name before a role noun is the role's other end, not one of the people it names
    ("Jane Smith, a Denver native, joined the firm.", {("Jane Smith", "Denver")}, "Denver"),
    ("The Boise residents voted against it.", set(), "Boise"),
])
def test_a_name_before_a_role_noun_is_the_other_end(tmp_path, text, expected, name):
    from rdflib.namespace import RDF

    custom = tmp_path / "with-lives.ttl"
    custom.write_text(ONTOLOGY.read_text(encoding="utf-8") + LIVES, encoding="utf-8")
    graph = kg.build([Document(id="a", text=text)], ontology=custom)
    found = {(plain_label(graph, s), plain_label(graph, o)) for s, _, o in graph.graph.triples((None, AI.livesIn, None))}
    assert found == expected
    node = next(s for s in graph.graph.subjects() if plain_label(graph, s) == name)
    assert (node, RDF.type, AI.Person) not in graph.graph  # whatever NER made of it, no one of the residents


def test_kg_s_own_ontology_reads_nothing_from_a_comma():
    """kg's ontology gives "in" to no relation: "Mistral AI, Paris" states nothing there."""
    graph = kg.build([Document(id="a", text="The deal was signed in Lyon, France.")])
    assert not list(graph.relations())


def test_a_preposition_on_any_verb_is_read_only_where_the_ontology_says_so(tmp_path):
    text = "Orca 3 did well on HelixQA, a new benchmark."
    source = ONTOLOGY.read_text(encoding="utf-8")
    annotation = '    ai:prepositionTrigger "on" ;\n    ai:verbPrepositionTrigger "on" .'
    assert annotation in source
    custom = tmp_path / "without.ttl"
    custom.write_text(source.replace(annotation, '    ai:prepositionTrigger "on" .'), encoding="utf-8")

    def evaluated(graph):
        return {(plain_label(graph, s), plain_label(graph, o)) for s, _, o in graph.graph.triples((None, AI.evaluatedOn, None))}

    assert evaluated(kg.build([Document(id="a", text=text)])) == {("Orca 3", "HelixQA")}
    assert evaluated(kg.build([Document(id="a", text=text)], ontology=custom)) == set()
