"""What extraction hands on, as plain records: the names a document mentions (``Mention``),
the relations its sentences state between them (``RelationMention``), a document's mentions
and relation candidates together (``Extraction``, picklable, sent back by worker processes
and cluster workers), the candidates left out (``Rejection``), and all of them as JSON: what
a store keeps of each document so that a later update can merge entities and judge relations
again without running spaCy. Nothing here imports spaCy."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from rdflib import URIRef

from .documents import Document
from .names import name_key

if TYPE_CHECKING:  # records are read without spaCy
    from spacy.tokens import Doc, Span

FORMAT = 1

#: where a mention's name comes from
GAZETTEER, PATTERN, NER, REFERENCE = "gazetteer", "pattern", "ner", "reference"
#: an organization standing for its people ("researchers at Stanford University")
AFFILIATION = "affiliation"

#: how much a mention's source is trusted; it scales the confidence of its relations
SOURCE_CONFIDENCE = {GAZETTEER: 1.0, PATTERN: 0.95, NER: 0.85, REFERENCE: 0.7, AFFILIATION: 0.7}


@dataclass(frozen=True)
class Mention:
    """A name in a document. ``name`` is the name it stands for (for a reference such as
    "the company", the name of the entity it refers to); ``text`` is what the document says."""

    start: int  # token offsets in the Doc
    end: int
    start_char: int
    end_char: int
    text: str
    name: str
    cls: URIRef
    source: str
    confidence: float
    entry: URIRef | None = None  # the gazetteer entry, when there is one
    context_typed: bool = False  # the class comes from the words around the name, not NER
    typed_by_name: bool = False  # ... from the name's own last word ("Nimbus Labs"), a weaker sign
    #: the name with what news writes beside it to say which one is meant, an alias: a place
    #: with the larger place it is in ("Tupelo, Miss.": the mention itself is "Tupelo", and
    #: "Miss." a mention of its own), a person with a title of address ("President Lincoln")
    qualified: str | None = None

    @property
    def class_weight(self) -> float:
        """How much this mention's class counts when mentions of one name disagree."""
        if self.source == GAZETTEER:
            return 10.0
        if self.context_typed:
            return 2.5 if self.typed_by_name else 3.0
        return {PATTERN: 2.0}.get(self.source, self.confidence)

    def span(self, doc: Doc) -> Span:
        return doc[self.start:self.end]


@dataclass(frozen=True)
class RelationMention:
    subject: Mention
    relation: URIRef
    object: Mention
    rule: str
    confidence: float
    sentence_start: int  # character offsets of the sentence in the document
    sentence_end: int
    trigger: str
    rejected: str | None = None  # why the candidate is not a relation, if it is not
    #: what the sentence shows of how it states the relation, for the learned confidence
    #: (``kg.extract.scoring``): the construction, the names' sources, the path between them
    features: tuple[str, ...] = ()

    @property
    def construction(self) -> str:
        """The reading that found it: "verb", "path", "comma-place", ... (the rule's first part)."""
        return self.rule.split(":", 1)[0]

    @property
    def key(self) -> tuple:
        return (name_key(self.subject.name), self.relation, name_key(self.object.name))


@dataclass(frozen=True)
class Extraction:
    """What one document gave: its mentions and its relation candidates."""

    document: Document
    mentions: Sequence = ()
    relations: Sequence[RelationMention] = ()


@dataclass(frozen=True)
class Rejection:
    """A candidate relation kg did not put in the graph, and why."""

    document: str
    subject: str
    relation: str
    object: str
    reason: str
    rule: str
    confidence: float
    sentence: str


def mention_from_dict(data: dict[str, Any]) -> Mention:
    """A mention from its ``dataclasses.asdict`` form, IRIs restored."""
    entry = data.get("entry")
    return Mention(**{**data, "cls": URIRef(data["cls"]), "entry": URIRef(entry) if entry else None})


def to_json(extraction: Extraction) -> str:
    return json.dumps({
        "format": FORMAT,
        "document": asdict(extraction.document),
        "mentions": [asdict(m) for m in extraction.mentions],
        "relations": [asdict(r) for r in extraction.relations],
    }, ensure_ascii=False, sort_keys=True)


def from_json(text: str) -> Extraction:
    data = json.loads(text)
    relations = tuple(RelationMention(**{**r, "subject": mention_from_dict(r["subject"]), "object": mention_from_dict(r["object"]),
                                         "relation": URIRef(r["relation"]),
                                         "features": tuple(r.get("features", ()))}) for r in data["relations"])
    return Extraction(document=Document(**data["document"]), mentions=tuple(mention_from_dict(m) for m in data["mentions"]),
                      relations=relations)
