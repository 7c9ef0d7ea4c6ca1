import json

from rdflib import Graph

from kg.evaluate import Gold, evaluate

GRAPH = """
@prefix ai: <https://example.org/kg/ontology#> .
@prefix e: <https://example.org/kg/entity/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
e:meta a ai:Organization ; rdfs:label "Meta" .
e:llama-2 a ai:AIModel ; rdfs:label "Llama-2" .
e:msft a ai:Organization ; rdfs:label "Microsoft" .
e:fmf a ai:Organization ; rdfs:label "Frontier Model Forum" .
e:gpt4 a ai:AIModel ; rdfs:label "GPT-4" .
e:llama-2 ai:releasedBy e:meta .
e:msft ai:partnersWith e:meta .
e:meta ai:memberOf e:fmf .
e:gpt4 ai:comparedWith e:llama-2 .
"""


def write_gold(tmp_path, records):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    return path


def test_scores_follow_the_gold_rules(tmp_path):
    gold = Gold.load([write_gold(tmp_path, [
        {"entity": "Llama 2", "type": "AIModel", "aliases": ["Llama-2"]},
        {"entity": "Meta", "type": "Organization"},
        {"entity": "GPT-4", "type": "Product"},
        {"s": "Meta", "p": "releases", "o": "Llama 2", "kind": "positive"},          # inverse form
        {"s": "Meta", "p": "partnersWith", "o": "Microsoft", "kind": "positive"},   # symmetric
        {"s": "Meta", "p": "memberOf", "o": "Frontier Model Forum", "kind": "negative"},
        {"s": "Llama 2", "p": "comparedWith", "o": "GPT-4", "kind": "optional"},
        {"s": "Meta", "p": "develops", "o": "Llama 3", "kind": "positive"},
    ])])
    score = evaluate(Graph().parse(data=GRAPH, format="turtle"), gold)
    assert (score.gold_positives, score.gold_found) == (3, 2)
    # the optional match is not counted; the contradiction is a false positive
    assert (score.predicted, score.true_positives) == (3, 2)
    assert score.precision == 0.667 and score.recall == 0.667
    assert score.contradictions == ("Meta memberOf Frontier Model Forum",)
    assert (score.entities_found, score.entities_typed) == (3, 2)


def test_inverse_and_symmetric_relations_come_from_the_ontology(tmp_path):
    from conftest import ONTOLOGY

    from kg.ontology import Ontology

    text = ONTOLOGY.read_text(encoding="utf-8") + """
ai:rivals a owl:ObjectProperty, owl:SymmetricProperty ; rdfs:domain ai:Organization ; rdfs:range ai:Organization ;
    ai:verbTrigger "rival" .
ai:shippedBy a owl:ObjectProperty ; owl:inverseOf ai:ships ; ai:verbTrigger "ship" .
ai:ships a owl:ObjectProperty ; owl:inverseOf ai:shippedBy .
"""
    path = tmp_path / "o.ttl"
    path.write_text(text, encoding="utf-8")
    graph = Graph().parse(data=GRAPH + "e:msft ai:rivals e:meta . e:llama-2 ai:shippedBy e:meta .", format="turtle")
    gold = Gold.load([write_gold(tmp_path, [
        {"s": "Meta", "p": "rivals", "o": "Microsoft"},
        {"s": "Meta", "p": "ships", "o": "Llama 2"},
    ])])
    assert evaluate(graph, gold, ontology=Ontology.load(path)).gold_found == 2
    assert evaluate(graph, gold).gold_found == 0  # kg's own ontology declares neither


def test_only_the_gold_s_documents_are_scored(tmp_path):
    evidence = """
@prefix ev: <https://example.org/kg/evidence/> .
@prefix doc: <https://example.org/kg/document/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
doc:a a ai:Document ; dcterms:identifier "a.txt" .
doc:b a ai:Document ; dcterms:identifier "b.txt" .
ev:1 a ai:Evidence ; rdf:subject e:llama-2 ; rdf:predicate ai:releasedBy ; rdf:object e:meta ; prov:wasDerivedFrom doc:a .
ev:2 a ai:Evidence ; rdf:subject e:msft ; rdf:predicate ai:partnersWith ; rdf:object e:meta ; prov:wasDerivedFrom doc:b .
ev:3 a ai:Evidence ; rdf:subject e:gpt4 ; rdf:predicate ai:comparedWith ; rdf:object e:llama-2 ; prov:wasDerivedFrom doc:b .
"""
    graph = Graph().parse(data=GRAPH + evidence, format="turtle")
    gold = Gold.load([write_gold(tmp_path, [{"doc": "a.txt", "s": "Meta", "p": "releases", "o": "Llama 2"}])])
    score = evaluate(graph, gold)
    assert (score.predicted, score.true_positives, score.precision, score.documents) == (1, 1, 1.0, ("a.txt",))
    assert [(r.relation, r.gold_found) for r in score.relations] == [("releases", 1)]
