"""What extraction hands on, as plain records: a document's mentions and relation candidates
(``Extraction``, picklable, sent back by worker processes and cluster workers), the
candidates left out (``Rejection``), and both as JSON: what a store keeps of each document so
that a later update can merge entities and judge relations again without running spaCy."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from rdflib import URIRef

from .documents import Document

if TYPE_CHECKING:  # records are read without spaCy
    from .mentions import Mention
    from .relations import RelationMention

FORMAT = 1


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
    from .mentions import Mention

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
    from .relations import RelationMention

    data = json.loads(text)
    relations = tuple(RelationMention(**{**r, "subject": mention_from_dict(r["subject"]), "object": mention_from_dict(r["object"]),
                                         "relation": URIRef(r["relation"])}) for r in data["relations"])
    return Extraction(document=Document(**data["document"]), mentions=tuple(mention_from_dict(m) for m in data["mentions"]),
                      relations=relations)
