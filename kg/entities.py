"""Canonical entities: one per real-world thing across all documents.

Mentions are grouped by gazetteer entry when the gazetteer knows the name, and by name key
otherwise, so "Llama-2" in one article and "LLaMA 2" in another are one entity. Each entity
gets a stable IRI, a class voted by its mentions, a label and the other names it was seen under.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import URIRef

from .gazetteer import Gazetteer
from .mentions import GAZETTEER, REFERENCE, Mention
from .names import name_key, slug
from .vocab import Base


@dataclass(frozen=True)
class Entity:
    iri: URIRef
    label: str
    cls: URIRef
    aliases: tuple[str, ...] = ()
    same_as: tuple[URIRef, ...] = ()
    documents: tuple[str, ...] = ()


class EntityIndex:
    """Resolves mentions to entities. Fill it with every document's mentions, then read it."""

    def __init__(self, gazetteer: Gazetteer, *, base: Base | None = None) -> None:
        self.gazetteer = gazetteer
        self.base = base or Base()
        self._known = {self.base.rebase(entry.iri): entry for entry in gazetteer.entries}
        self._surface: dict[URIRef, Counter[str]] = defaultdict(Counter)
        self._classes: dict[URIRef, Counter[URIRef]] = defaultdict(Counter)
        self._documents: dict[URIRef, set[str]] = defaultdict(set)
        self._spellings: dict[URIRef, set[str]] = defaultdict(set)
        self._first_seen: dict[URIRef, int] = {}
        self._entities: dict[URIRef, Entity] | None = None

    def iri_of(self, mention: Mention) -> URIRef:
        if mention.entry is not None:
            return self.base.rebase(mention.entry)
        entry = self.gazetteer.lookup(mention.name)
        if entry is not None:
            return self.base.rebase(entry.iri)
        return self.base.entity[slug(mention.name)]

    def add(self, document_id: str, mentions: Iterable[Mention]) -> None:
        self._entities = None
        for mention in mentions:
            if not name_key(mention.name):
                continue
            iri = self.iri_of(mention)
            self._first_seen.setdefault(iri, len(self._first_seen))
            self._documents[iri].add(document_id)
            if mention.source != REFERENCE:
                self._surface[iri][mention.name] += 1
            if mention.source == GAZETTEER:
                # the spelling the article used ("Llama-2"); other mentions' text is their name,
                # or a fragment that is no name at all (the "4" of "Llama 3 and 4")
                self._spellings[iri].add(mention.text)
            self._classes[iri][mention.cls] += mention.class_weight

    @property
    def entities(self) -> dict[URIRef, Entity]:
        if self._entities is None:
            self._entities = {iri: self._entity(iri) for iri in sorted(self._first_seen)}
        return self._entities

    def __getitem__(self, mention: Mention) -> Entity:
        return self.entities[self.iri_of(mention)]

    def _entity(self, iri: URIRef) -> Entity:
        entry = self._known.get(iri)
        surfaces = self._surface.get(iri, Counter())
        if entry is not None:
            label, cls, same_as = entry.label, entry.cls, entry.same_as
            names = set(surfaces) | self._spellings[iri] | set(entry.aliases)
        else:
            # the most frequent name; ties go to the alphabetically first, so that the
            # label does not depend on the order documents are read in
            label = min(surfaces, key=lambda n: (-surfaces[n], n)) if surfaces else str(iri).rsplit("/", 1)[-1]
            votes = self._classes[iri]
            cls = min(votes, key=lambda c: (-votes[c], str(c)))
            same_as = ()
            names = set(surfaces)
        aliases = tuple(sorted(n for n in names if n != label and name_key(n)))
        return Entity(iri=iri, label=label, cls=cls, aliases=aliases, same_as=same_as,
                      documents=tuple(sorted(self._documents[iri])))
