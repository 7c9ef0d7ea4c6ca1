"""The quality floor on the real dev articles, measured with the neutral scorer.

Skipped where ../shared is absent (a user's clone has none).
"""

import json
import subprocess
import sys

import pytest
from conftest import SHARED

import kg
from kg.evaluate import Gold, evaluate

CORPUS = SHARED / "corpus" / "dev"
GOLD = sorted((SHARED / "eval" / "dev").glob("*.gold.jsonl")) if (SHARED / "eval" / "dev").is_dir() else []
SCORER = SHARED / "tools" / "score_kg.py"

pytestmark = pytest.mark.skipif(not (CORPUS.is_dir() and GOLD and SCORER.is_file()),
                                reason="needs ../shared (corpus, gold and scorer)")


@pytest.fixture(scope="module")
def dev_graph(tmp_path_factory):
    path = tmp_path_factory.mktemp("dev") / "dev.ttl"
    graph = kg.build([CORPUS])
    graph.serialize(path)
    return graph, path


def test_neutral_scorer_floor(dev_graph):
    _, path = dev_graph
    result = subprocess.run([sys.executable, str(SCORER), str(path), *map(str, GOLD), "--json"],
                            capture_output=True, text=True, timeout=300, check=True)
    score = json.loads(result.stdout)
    # a regression floor at what kg measures on all 13 dev articles (0.905 / 0.452, 129/161
    # typed): issue 8's precision target is met, its recall and typing targets (0.80, 90%)
    # replace the rest when they are
    assert score["precision"] >= 0.90
    assert score["recall"] >= 0.45
    assert score["contradictions"] == []
    typed, total = map(int, score["entities_typed"].split("/"))
    assert typed >= 0.8 * total


def test_a_higher_confidence_threshold_keeps_fewer_and_surer_relations(dev_graph):
    graph, _ = dev_graph
    gold = Gold.load(GOLD)
    scores = [evaluate(graph.with_min_confidence(t).graph, gold) for t in (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)]
    kept = [s.predicted for s in scores]
    assert kept == sorted(kept, reverse=True) and kept[-1] < kept[0]
    # the learned confidence ranks: the surest relations are the most often right
    assert scores[-1].precision > scores[0].precision


def test_kg_eval_agrees_with_the_neutral_scorer(dev_graph):
    graph, path = dev_graph
    result = subprocess.run([sys.executable, str(SCORER), str(path), *map(str, GOLD), "--json"],
                            capture_output=True, text=True, timeout=300, check=True)
    theirs = json.loads(result.stdout)
    ours = evaluate(graph.graph, Gold.load(GOLD))
    assert (ours.precision, ours.recall, ours.f1) == (theirs["precision"], theirs["recall"], theirs["f1"])
