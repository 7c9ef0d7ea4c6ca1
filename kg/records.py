"""Extractions as plain JSON records: what a store keeps of each document so that a later
update can merge entities and judge relations again without running spaCy on it again."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from rdflib import URIRef

from .documents import Document
from .graph import Extraction
from .mentions import Mention
from .relations import RelationMention

FORMAT = 1


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
                                         "relation": URIRef(r["relation"])}) for r in data["relations"])
    return Extraction(document=Document(**data["document"]), mentions=tuple(mention_from_dict(m) for m in data["mentions"]),
                      relations=relations)
