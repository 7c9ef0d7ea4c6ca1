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
