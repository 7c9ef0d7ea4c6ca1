"""Canonical entities: one per real-world thing across all documents.

Mentions are grouped by gazetteer entry when the gazetteer knows the name, and by name key
otherwise, so "Llama-2" in one article and "LLaMA 2" in another are one entity. Each entity
gets a stable IRI, a class voted by its mentions, a label and the other names it was seen under.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib import URIRef

from .gazetteer import Gazetteer
from .names import name_key, slug
from .rdf.vocab import Base
from .records import GAZETTEER, REFERENCE, Mention


@dataclass(frozen=True)
class Entity:
    iri: URIRef
    label: str
    cls: URIRef
    aliases: tuple[str, ...] = ()
    same_as: tuple[URIRef, ...] = ()


@dataclass
class Votes:
    """What an entity's mentions say of it, as counts that can be added and taken away: a
    store keeps them per entity and per document, so that adding or removing a document
    changes an entity without reading its other mentions again. Class weights are counted
    per weight, not summed as they come, so that the vote is exact and the same in any order."""

    mentions: int = 0
    surfaces: Counter[str] = field(default_factory=Counter)
    spellings: Counter[str] = field(default_factory=Counter)
    classes: dict[str, Counter[float]] = field(default_factory=dict)

    def add(self, mention: Mention) -> None:
        self.mentions += 1
        if mention.source != REFERENCE:
            self.surfaces[mention.name] += 1
        if mention.source == GAZETTEER:
            # the spelling the article used ("Llama-2"); other mentions' text is their name,
            # or a fragment that is no name at all (the "4" of "Llama 3 and 4")
            self.spellings[mention.text] += 1
        if mention.qualified:
            self.spellings[mention.qualified] += 1  # "Tupelo, Miss.": an alias, never the label
        self.classes.setdefault(str(mention.cls), Counter())[mention.class_weight] += 1

    def merge(self, other: Votes, *, sign: int = 1) -> None:
        """Add ``other``'s counts (``sign=-1``: take them away)."""
        self.mentions += sign * other.mentions
        for mine, theirs in ((self.surfaces, other.surfaces), (self.spellings, other.spellings)):
            _merge_counts(mine, theirs, sign)
        for cls, weights in other.classes.items():
            _merge_counts(self.classes.setdefault(cls, Counter()), weights, sign)
            if not self.classes[cls]:
                del self.classes[cls]

    def vote(self) -> URIRef:
        """The class with the largest total weight; ties go to the alphabetically first IRI."""
        totals = {cls: sum(w * n for w, n in sorted(weights.items())) for cls, weights in self.classes.items()}
        return URIRef(min(totals, key=lambda c: (-totals[c], c)))

    def to_json(self) -> str:
        return json.dumps([self.mentions, self.surfaces, self.spellings,
                           {c: sorted(w.items()) for c, w in self.classes.items()}],
                          ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Votes:
        mentions, surfaces, spellings, classes = json.loads(text)
        return cls(mentions=mentions, surfaces=Counter(surfaces), spellings=Counter(spellings),
                   classes={c: Counter(dict((float(w), n) for w, n in pairs)) for c, pairs in classes.items()})


def _merge_counts(mine: Counter, theirs: Counter, sign: int) -> None:
    for key, n in theirs.items():
        total = mine[key] + sign * n
        if total:
            mine[key] = total
        else:
            del mine[key]


class EntityIndex:
    """Resolves mentions to entities. Fill it with every document's mentions, then read it."""

    def __init__(self, gazetteer: Gazetteer, *, base: Base | None = None) -> None:
        self.gazetteer = gazetteer
        self.base = base or Base()
        self._known = {self.base.rebase(entry.iri): entry for entry in gazetteer.entries}
        self.votes: dict[URIRef, Votes] = {}
        self._entities: dict[URIRef, Entity] | None = None

    def iri_of(self, mention: Mention) -> URIRef:
        if mention.entry is not None:
            return self.base.rebase(mention.entry)
        entry = self.gazetteer.lookup(mention.name)
        if entry is not None:
            return self.base.rebase(entry.iri)
        return self.base.entity[slug(mention.name)]

    def votes_of(self, mentions: Iterable[Mention]) -> dict[URIRef, Votes]:
        """The mentions' votes by entity: one document's contribution."""
        return self._tally(mentions, {})

    def add(self, mentions: Iterable[Mention]) -> None:
        self._entities = None
        self._tally(mentions, self.votes)

    def _tally(self, mentions: Iterable[Mention], into: dict[URIRef, Votes]) -> dict[URIRef, Votes]:
        for mention in mentions:
            if name_key(mention.name):
                iri = self.iri_of(mention)
                votes = into.get(iri)
                if votes is None:
                    votes = into[iri] = Votes()
                votes.add(mention)
        return into

    def merge(self, votes: dict[URIRef, Votes], *, sign: int = 1) -> None:
        """Add these votes (``sign=-1``: take them away; an entity left with no mention goes)."""
        self._entities = None
        for iri, more in votes.items():
            self.votes.setdefault(iri, Votes()).merge(more, sign=sign)
            if not self.votes[iri].mentions:
                del self.votes[iri]

    @property
    def entities(self) -> dict[URIRef, Entity]:
        if self._entities is None:
            self._entities = {iri: self.entity(iri, votes) for iri, votes in sorted(self.votes.items())}
        return self._entities

    def __getitem__(self, mention: Mention) -> Entity:
        return self.entities[self.iri_of(mention)]

    def entity(self, iri: URIRef, votes: Votes) -> Entity:
        entry = self._known.get(iri)
        surfaces = votes.surfaces
        if entry is not None:
            label, cls, same_as = entry.label, entry.cls, entry.same_as
            names = set(surfaces) | set(votes.spellings) | set(entry.aliases)
        else:
            # the most frequent name; ties go to the alphabetically first, so that the
            # label does not depend on the order documents are read in
            label = min(surfaces, key=lambda n: (-surfaces[n], n)) if surfaces else str(iri).rsplit("/", 1)[-1]
            cls, same_as = votes.vote(), ()
            names = set(surfaces) | set(votes.spellings)
        aliases = tuple(sorted(n for n in names if n != label and name_key(n)))
        return Entity(iri=iri, label=label, cls=cls, aliases=aliases, same_as=same_as)
