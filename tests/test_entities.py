"""Entity votes: counts that a store adds and takes away document by document must give the
entity a full build gives, whatever the order."""

from __future__ import annotations

import itertools

import pytest

from kg.entities import EntityIndex, Votes
from kg.gazetteer import Gazetteer
from kg.rdf.vocab import AI
from kg.records import NER, PATTERN, REFERENCE, Mention


def mention(name: str, cls, *, text: str | None = None, source: str = NER, confidence: float = 0.85) -> Mention:
    return Mention(start=0, end=1, start_char=0, end_char=len(name), text=text or name, name=name, cls=cls,
                   source=source, confidence=confidence)


DOCUMENTS = [
    [mention("Zephyr", AI.Organization, confidence=0.1), mention("Zephyr AI", AI.Organization, confidence=0.7)],
    [mention("Zephyr", AI.AIModel, confidence=0.2), mention("Zephyr", AI.AIModel, source=PATTERN)],
    [mention("zephyr", AI.Organization, confidence=0.3), mention("zephyr", AI.Organization, text="it", source=REFERENCE)],
]


def entity_of(documents):
    index = EntityIndex(Gazetteer())
    for mentions in documents:
        index.add(mentions)
    return index.entities


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_the_entity_does_not_depend_on_the_order_of_documents(order):
    assert entity_of([DOCUMENTS[i] for i in order]) == entity_of(DOCUMENTS)


@pytest.mark.parametrize("taken", [0, 1, 2])
def test_taking_a_document_s_share_away_equals_never_adding_it(taken):
    index = EntityIndex(Gazetteer())
    shares = [index.votes_of(mentions) for mentions in DOCUMENTS]
    for share in shares:
        index.merge(share)
    index.merge(shares[taken], sign=-1)
    assert index.entities == entity_of([m for i, m in enumerate(DOCUMENTS) if i != taken])


def test_votes_survive_json_exactly():
    votes = Votes()
    for m in DOCUMENTS[0] + DOCUMENTS[1]:
        votes.add(m)
    again = Votes.from_json(votes.to_json())
    assert again == votes and again.vote() == votes.vote() == AI.AIModel


def test_a_reference_votes_for_the_class_but_not_for_the_label():
    (entity,) = entity_of([[mention("Orbit", AI.Organization), mention("Orbit", AI.Organization, text="the firm", source=REFERENCE),
                           mention("Orbit", AI.Organization, text="the firm", source=REFERENCE)]]).values()
    assert entity.label == "Orbit" and entity.aliases == ()
