"""Learned confidence: features, the logistic fit, weights files, calibration end to end."""

import json
import random

import pytest
from conftest import EXAMPLES, ROOT
from rdflib.compare import isomorphic

from kg.cli import main
from kg.errors import KGError
from kg.extract.scoring import Weights, fit, relation_features, reliability
from kg.rdf.vocab import AI
from kg.records import GAZETTEER, NER, REFERENCE, Mention

CALIBRATION = ROOT / "examples" / "calibration"
GOLD = sorted((ROOT / "examples" / "gold").glob("*.gold.jsonl"))


def mention(start: int, end: int, source: str) -> Mention:
    return Mention(start=start, end=end, start_char=start * 5, end_char=end * 5, text="x", name=f"n{start}",
                   cls=AI.Organization, source=source, confidence=0.85)


@pytest.mark.parametrize(("rule", "subject", "obj", "trigger", "path", "names", "expected"), [
    ("verb", mention(0, 1, GAZETTEER), mention(2, 4, NER), 1, 2, 2,
     {"rule=verb", "relation=releases", "subject=gazetteer", "object=ner", "path=2", "gap=1-2", "names=0-2",
      "trigger=between"}),
    ("possessive:reversed", mention(8, 9, REFERENCE), mention(0, 2, NER), 9, 7, 9,
     {"rule=possessive", "how=reversed", "subject=reference", "path=6+", "gap=6-10", "names=8+", "trigger=outside"}),
])
def test_features_say_how_a_sentence_states_a_relation(rule, subject, obj, trigger, path, names, expected):
    found = set(relation_features(rule, "releases", subject, obj, trigger=trigger, path=path, names=names))
    assert expected <= found


def test_a_fit_recovers_which_features_make_a_relation_right():
    rng = random.Random(7)
    examples = []
    for _ in range(2000):
        strong, weak = rng.random() < 0.5, rng.random() < 0.5
        p = 0.95 if strong and not weak else 0.6 if strong or not weak else 0.1
        features = [f for f, on in (("strong", strong), ("weak", weak)) if on]
        examples.append((features, rng.random() < p))
    weights = fit(examples)
    assert weights.weights["strong"] > 1 and weights.weights["weak"] < -1
    # calibrated on what it was fitted on: the predicted probability matches the rate
    assert weights.probability(["strong"]) == pytest.approx(0.95, abs=0.04)
    assert weights.probability(["weak"]) == pytest.approx(0.1, abs=0.04)
    assert weights.probability(["never-seen"]) == weights.probability([])


def test_reliability_bins_count_and_rate():
    bins = reliability([(0.05, False), (0.15, True), (0.9, True), (0.95, False), (0.99, True)], bins=5)
    assert [b.count for b in bins] == [2, 0, 0, 0, 3]
    assert bins[0].right == 0.5 and bins[4].right == pytest.approx(2 / 3)
    assert bins[4].mean_confidence == pytest.approx((0.9 + 0.95 + 0.99) / 3)


def test_weights_round_trip_and_bad_files_are_one_line_errors(tmp_path):
    weights = Weights(bias=0.5, weights={"rule=verb": 1.25, "relation=releases": -0.5}, source="test")
    path = tmp_path / "w.json"
    path.write_text(weights.to_json(), encoding="utf-8")
    again = Weights.load(path)
    assert again.probability(["rule=verb"]) == pytest.approx(weights.probability(["rule=verb"]))
    for text in ("not json", json.dumps({"format": 1}), json.dumps([1, 2]), json.dumps({"format": 1, "bias": "x",
                                                                                      "weights": {}})):
        path.write_text(text, encoding="utf-8")
        with pytest.raises(KGError, match="not a weights file"):
            Weights.load(path)
    with pytest.raises(KGError, match="cannot read"):
        Weights.load(tmp_path / "missing.json")


def test_the_shipped_weights_score_kg_builds_and_none_keeps_the_rules_confidence():
    import kg

    learned = kg.build([EXAMPLES / "meta-llama-2.txt"], jobs=1)
    rules = kg.build([EXAMPLES / "meta-llama-2.txt"], jobs=1, weights="none")
    by_rule = {(r["subject"], r["relation"], r["object"]): r["confidence"] for r in rules.relation_records()}
    by_weights = {(r["subject"], r["relation"], r["object"]): r["confidence"] for r in learned.relation_records()}
    assert by_rule.keys() == by_weights.keys() and by_rule != by_weights
    shipped = Weights.load(ROOT / "ontologies" / "kg-weights.json")
    assert shipped.weights and all(0 < c < 1 for c in by_weights.values())


def test_calibrate_end_to_end(tmp_path, capsys):
    out = tmp_path / "weights.json"
    assert main(["calibrate", str(EXAMPLES), str(CALIBRATION), "--gold", *map(str, GOLD), "-o", str(out), "-j", "1"]) == 0
    err = capsys.readouterr().err
    assert "candidate relations" in err and "mean confidence" in err
    weights = Weights.load(out)
    assert "relation=releases" in weights.weights and "16 documents" in weights.source
    # the weights a user fits are the weights a build uses
    graph = tmp_path / "g.ttl"
    assert main(["build", str(EXAMPLES), "-o", str(graph), "-q", "--weights", str(out)]) == 0
    assert main(["eval", str(graph), str(GOLD[0]), "--reliability"]) == 0
    assert "reliability" in capsys.readouterr().out


def test_calibrate_needs_gold_that_names_the_documents(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": "elsewhere.txt", "s": "A", "p": "releases", "o": "B"}) + "\n", encoding="utf-8")
    code = main(["calibrate", str(EXAMPLES / "mistral-ai.md"), "--gold", str(gold), "-o", str(tmp_path / "w.json")])
    err = capsys.readouterr().err
    assert code == 1 and err.startswith("kg: error:") and err.count("\n") == 1
    assert not (tmp_path / "w.json").exists()


def test_a_store_keeps_its_weights(tmp_path):
    import kg
    from kg.rdf.store import StoreError

    store = tmp_path / "kg.db"
    weights = Weights(bias=1.0, weights={"rule=verb": 1.0})
    kg.update_store(store, [EXAMPLES / "mistral-ai.md"], weights=weights, jobs=1)
    assert Weights.load(store / "weights.json").weights == {"rule=verb": 1.0}
    kg.update_store(store, [EXAMPLES / "meta-llama-2.txt"], jobs=1)  # the store's own weights
    with pytest.raises(StoreError, match="weights"):
        kg.update_store(store, [EXAMPLES / "ai-alliance.txt"], weights="none", jobs=1)
    full = kg.build([EXAMPLES / "mistral-ai.md", EXAMPLES / "meta-llama-2.txt"], weights=weights, jobs=1)
    assert isomorphic(kg.load(store).graph, full.graph)
