
import pytest

import kg
from kg import Document
from kg.cli import main
from kg.errors import ExplainError
from kg.rdf.vocab import AI

TEXT = ("Meta released Llama-2 in July. Developers like LLaMA 2, which was released by Meta. "
        "Google did not acquire Anthropic. Satya Nadella, the chief executive of Microsoft, spoke.")


@pytest.fixture(scope="module")
def graph():
    return kg.build([Document(id="news-1", text=TEXT, title="Model news", source="https://news.example/1")])


def test_explain_gives_every_sentence_with_rule_and_confidence(graph):
    found = graph.explain("meta", "releases", "LLaMA-2")
    assert {e.sentence for e in found} == {"Meta released Llama-2 in July.",
                                           "Developers like LLaMA 2, which was released by Meta."}
    assert all(e.document == "Model news" and e.source == "https://news.example/1" for e in found)
    assert all(0 < e.confidence <= 1 and e.rule for e in found)
    assert TEXT[found[0].start:found[0].end] == found[0].sentence


def test_explain_accepts_the_inverse_name(graph):
    assert graph.explain("Llama 2", "releasedBy", "Meta")


def test_explain_unknown_names(graph):
    with pytest.raises(ExplainError, match="no entity named 'Nobody'"):
        graph.explain("Nobody", "releases", "Llama 2")
    with pytest.raises(ExplainError, match="no relation named 'sues' in the graph or the ontology"):
        graph.explain("Meta", "sues", "Llama 2")


def test_rejected_candidates_are_kept_with_the_reason(graph):
    rejected = {(r.subject, r.relation, r.object, r.reason) for r in graph.rejected}
    assert ("Google", "acquired", "Anthropic", "negated") in rejected
    assert all(r.document == "news-1" and r.sentence for r in graph.rejected)


def test_with_min_confidence_keeps_strong_evidence_only(graph):
    strongest = max(c.toPython() for c in graph.graph.objects(None, AI.confidence))
    kept = graph.with_min_confidence(float(strongest))
    assert 0 < len(list(kept.relations())) < len(list(graph.relations()))
    assert all(c.toPython() >= strongest for c in kept.graph.objects(None, AI.confidence))
    assert len(kept.graph) < len(graph.graph)
    assert len(graph.with_min_confidence(0.0).graph) == len(graph.graph)


def test_cli_explain_and_debug(capsys, tmp_path):
    source = tmp_path / "news.txt"
    source.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "g.ttl"
    assert main(["build", str(source), "-o", str(out), "-q", "--debug"]) == 0
    err = capsys.readouterr().err
    assert "kg: rejected: Google acquired Anthropic (negated;" in err
    assert main(["explain", str(out), "Meta", "releases", "Llama 2"]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("Meta releases Llama 2: 2 sentences") and "Meta released Llama-2 in July." in shown
    assert main(["explain", str(out), "Google", "acquired", "Anthropic"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not in" in err and "--debug" in err
