from decimal import Decimal

import pyoxigraph
import pytest
from conftest import EXAMPLES, example_document_count
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS

import kg
from kg import Document
from kg.rdf.vocab import AI, DCTERMS, ENTITY

HOSTILE_TITLE = 'He said """hi""" \\ <script>alert(1)</script>\nline two'
HOSTILE_TEXT = ('Google released Gemma 2 "for everyone" <img src=x onerror=alert(1)> \\ today.\n'
                'Nvidia invested in Mistral AI; it said: """ok""" \x1b[31m.')


def test_same_documents_give_an_isomorphic_graph(example_graph):
    again = kg.build([EXAMPLES])
    assert isomorphic(example_graph.graph, again.graph)


def test_one_node_per_entity_across_documents():
    graph = kg.build([Document(id="a", text="Meta released Llama-2 in July."),
                      Document(id="b", text="Developers like LLaMA 2. Meta also works on Llama 3.")])
    llamas = {s for s in graph.graph.subjects(RDF.type, AI.AIModel)}
    assert ENTITY["llama-2"] in llamas and ENTITY["llama-3"] in llamas
    assert len([s for s in llamas if "llama-2" in str(s)]) == 1
    assert {str(d) for d in graph.graph.objects(ENTITY["llama-2"], AI.mentionedIn)} >= {
        "https://example.org/kg/document/a", "https://example.org/kg/document/b"}


def test_entities_have_type_label_aliases_and_wikidata(example_graph):
    g = example_graph.graph
    openai = ENTITY["openai"]
    assert (openai, RDF.type, AI.Organization) in g
    assert (openai, RDFS.label, Literal("OpenAI")) in g
    assert (openai, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q21708200")) in g
    assert (ENTITY["llama-2"], SKOS.altLabel, Literal("Llama-2")) in g


def test_every_relation_has_provenance(example_graph):
    g = example_graph.graph
    relations = list(example_graph.relations())
    assert len(relations) >= 15
    for s, p, o in relations:
        evidence = list(g.subjects(RDF.subject, s))
        evidence = [e for e in evidence if (e, RDF.predicate, p) in g and (e, RDF.object, o) in g]
        assert evidence, (s, p, o)
        for e in evidence:
            assert (e, RDF.type, AI.Evidence) in g
            doc = g.value(e, PROV.wasDerivedFrom)
            assert g.value(doc, DCTERMS.title) is not None and g.value(doc, DCTERMS.source) is not None
            start, end = g.value(e, AI.startChar).toPython(), g.value(e, AI.endChar).toPython()
            assert 0 <= start < end
            assert Decimal(0) < g.value(e, AI.confidence).toPython() <= Decimal(1)
            assert str(g.value(e, AI.sentence))


def test_plain_triples_answer_queries_without_knowing_provenance(example_graph):
    rows = list(example_graph.query(
        "SELECT ?m WHERE { ?o rdfs:label 'Meta' . ?o ai:releases ?x . ?x rdfs:label ?m }"))
    assert ("Llama 2",) in {tuple(str(v) for v in row) for row in rows}


@pytest.mark.parametrize(("suffix", "oxi_format"), [
    (".ttl", pyoxigraph.RdfFormat.TURTLE),
    (".nt", pyoxigraph.RdfFormat.N_TRIPLES),
    (".nq", pyoxigraph.RdfFormat.N_QUADS),
    (".trig", pyoxigraph.RdfFormat.TRIG),
])
def test_hostile_text_survives_every_format_and_a_second_parser(tmp_path, suffix, oxi_format):
    graph = kg.build([Document(id='x" <y>\\z', text=HOSTILE_TEXT, title=HOSTILE_TITLE, source="a b.txt")])
    path = tmp_path / f"graph{suffix}"
    graph.serialize(path)
    store = pyoxigraph.Store()
    store.load(path=str(path), format=oxi_format)
    assert len(store) == len(graph.graph)
    again = kg.load(path)
    assert isomorphic(graph.graph, again.graph)
    titles = {str(o) for o in again.graph.objects(None, DCTERMS.title)}
    assert HOSTILE_TITLE in titles


def test_json_ld_round_trip(tmp_path):
    graph = kg.build([Document(id="j", text=HOSTILE_TEXT, title=HOSTILE_TITLE)])
    graph.serialize(tmp_path / "g.jsonld")
    assert isomorphic(graph.graph, kg.load(tmp_path / "g.jsonld").graph)


def test_iris_are_safe(example_graph):
    for term in {t for triple in example_graph.graph for t in triple if isinstance(t, URIRef)}:
        assert not any(ch in str(term) for ch in ' "<>\\{}|^`\n\t'), term


def test_min_confidence_leaves_out_weak_relations():
    docs = [EXAMPLES]
    everything = kg.build(docs)
    # a threshold between the weakest and the strongest confidence the graph holds
    held = sorted(c.toPython() for c in everything.graph.objects(None, AI.confidence))
    assert held[0] < held[-1]
    threshold = (held[0] + held[-1]) / 2
    strong = kg.build(docs, min_confidence=float(threshold))
    assert 0 < len(list(strong.relations())) < len(list(everything.relations()))
    confidences = [c.toPython() for c in strong.graph.objects(None, AI.confidence)]
    assert min(confidences) >= threshold


def test_stats(example_graph):
    stats = example_graph.stats()
    assert stats.documents == example_document_count() >= 5  # one file is JSON Lines with two documents
    assert stats.entities["Organization"] >= 10 and stats.entities["AIModel"] >= 5
    assert stats.relations["releases"] >= 3
    assert stats.evidence >= sum(stats.relations.values())


def test_serialize_defaults_to_turtle(example_graph):
    text = example_graph.serialize()
    assert text.startswith("@prefix") and isomorphic(Graph().parse(data=text, format="turtle"), example_graph.graph)


def test_an_elided_version_is_no_alias():
    graph = kg.build([Document(id="e", text="Meta said it will build Llama 3 and 4 next year.")])
    aliases = {str(a) for a in graph.graph.objects(ENTITY["llama-4"], SKOS.altLabel)}
    assert (ENTITY["llama-4"], RDF.type, AI.AIModel) in graph.graph
    assert "4" not in aliases
