"""The index of earlier names that references are resolved against, without a pipeline."""

import pytest

from kg.extract.coref import Antecedents
from kg.rdf.vocab import AI
from kg.records import NER, Mention


def mention(name: str, start: int, cls=AI.Organization) -> Mention:
    end = start + len(name.split())
    return Mention(start=start, end=end, start_char=start * 5, end_char=end * 5, text=name, name=name,
                   cls=cls, source=NER, confidence=0.85)


NAMES = [mention("Acme Robotics", 0), mention("Nimbus", 5), mention("Acme Robotics", 10),
         mention("Jane Doe", 14, AI.Person), mention("Nimbus", 20), mention("Zen-2", 25, AI.AIModel)]


@pytest.mark.parametrize(("token", "expected"), [
    (0, None),          # nothing named yet
    (3, "Acme Robotics"),
    (7, "Nimbus"),      # one each: the one named last
    (12, "Acme Robotics"),
    (22, "Nimbus"),     # two each: the one named last
])
def test_the_most_salient_organization_so_far(token, expected):
    earlier = Antecedents(NAMES)
    earlier.advance(token)
    found = earlier.most_salient(AI.Organization)
    assert (found.name if found else None) == expected


def test_names_are_found_by_their_last_word_and_only_once_read():
    earlier = Antecedents(list(reversed(NAMES)), organization=AI.Organization)  # any order in, reading order inside
    earlier.advance(13)
    assert [m.name for m in earlier.by_last_word.get("Robotics", [])] == ["Acme Robotics", "Acme Robotics"]
    assert "Doe" not in earlier.by_last_word  # Jane Doe ends at token 16
    assert [m.name for m in earlier.organizations_by_last_word["nimbus"]] == ["Nimbus"]
    earlier.advance(30)
    assert [m.name for m in earlier.by_last_word["Doe"]] == ["Jane Doe"]


@pytest.mark.parametrize(("since", "cls", "expected"), [
    (20, AI.AIModel, "Zen-2"),
    (26, AI.AIModel, None),             # started before the window
    (0, AI.Person, "Jane Doe"),
    (15, AI.Person, None),
    (0, AI.Organization, "Nimbus"),     # the last one
])
def test_the_latest_mention_of_a_class_in_a_window(since, cls, expected):
    earlier = Antecedents(NAMES)
    earlier.advance(40)
    found = earlier.latest(cls, since=since)
    assert (found.name if found else None) == expected
