"""A graph that lives on disk and grows document by document: Oxigraph, through pyoxigraph.

A store is a folder:

- ``oxigraph/``: the RDF. Each document's contribution (the document, the entities it
  mentions, the relations it states and their evidence) is the named graph whose name is the
  document's IRI; what the graph says of the entities themselves (class, label, other names,
  Wikidata item), which depends on every document that names them, is the named graph
  ``BASE/graph/entities``. Queried with the union of all of them as the default graph.
- ``records.sqlite``: each document's extraction as a plain record, with a hash of the
  document, so that a document read again unchanged is skipped, and a change to one document
  judges the others' relations again (an entity's class is voted over all its mentions)
  without running spaCy on them again.
- ``kg-store.json``: the settings the store was built with (base IRI, the ontology's and
  gazetteer's hashes, model, minimum confidence); a build with other settings is refused, not
  mixed in. ``ontology.ttl`` and ``gazetteer.ttl`` are copies of the files it was built with,
  so that removing a document needs nothing but the store.

After any sequence of additions, replacements and removals, the union of the named graphs is
the graph a full build of the same documents writes (the tests check it).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef

from .documents import Document
from .entities import EntityIndex
from .errors import KGError
from .gazetteer import Gazetteer
from .graph import Extraction, Triple, document_iri, document_triples, entity_triples
from .ontology import Ontology
from .provenance import Rejection
from .records import from_json, to_json
from .vocab import Base, bind_prefixes

MARKER = "kg-store.json"
STORE_FORMAT = 1


class StoreError(KGError):
    """A store cannot be opened, or was built with other settings."""


@dataclass(frozen=True)
class StoreUpdate:
    """What an update did, by document id."""

    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    rejudged: tuple[str, ...] = ()  # others whose relations were judged again
    rejected: list[Rejection] = field(default_factory=list, repr=False)


def content_hash(document: Document) -> str:
    payload = json.dumps([document.id, document.title, document.source, document.text], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def is_store(path: str | Path) -> bool:
    return (Path(path) / MARKER).is_file()


def stored_settings(path: str | Path) -> dict:
    try:
        return json.loads((Path(path) / MARKER).read_text(encoding="utf-8")).get("settings", {})
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: unreadable store settings ({exc})") from None


def _ox_term(term):
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def _rdflib_term(term):
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if datatype == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(datatype))


class Store:
    """A kg graph on disk. ``Store(path, settings=...)`` creates the folder if needed; the
    settings of an existing store must match."""

    def __init__(self, path: str | Path, *, settings: dict | None = None, read_only: bool = False) -> None:
        import pyoxigraph as ox

        self.path = Path(path)
        marker = self.path / MARKER
        if marker.is_file():
            try:
                recorded = json.loads(marker.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise StoreError(f"{self.path}: unreadable store settings ({exc})") from None
            if settings is not None and recorded.get("settings") != settings:
                differ = sorted(k for k in set(settings) | set(recorded.get("settings", {}))
                                if settings.get(k) != recorded.get("settings", {}).get(k))
                raise StoreError(f"{self.path}: built with other settings ({', '.join(differ)}); "
                                 f"use another store, or the same settings")
            self.settings = recorded.get("settings", {})
        elif read_only or settings is None:
            raise StoreError(f"{self.path}: not a kg store (no {MARKER})")
        else:
            if self.path.exists() and any(self.path.iterdir()):
                raise StoreError(f"{self.path}: exists and is not an empty folder or a kg store")
            self.path.mkdir(parents=True, exist_ok=True)
            marker.write_text(json.dumps({"format": STORE_FORMAT, "settings": settings}, indent=1), encoding="utf-8")
            self.settings = settings
        self.base = Base(self.settings.get("base") or Base().iri)
        try:
            self.rdf = (ox.Store.read_only(str(self.path / "oxigraph")) if read_only
                        else ox.Store(str(self.path / "oxigraph")))
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot open the store: {exc}") from None
        self.records = sqlite3.connect(str(self.path / "records.sqlite"))
        self.records.execute("CREATE TABLE IF NOT EXISTS documents (id TEXT PRIMARY KEY, hash TEXT NOT NULL, "
                             "record TEXT NOT NULL)")

    @property
    def entities_graph(self) -> URIRef:
        return URIRef(self.base.iri + "graph/entities")

    def close(self) -> None:
        self.records.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- reading ------------------------------------------------------------------------
    def hashes(self) -> dict[str, str]:
        """Each document's id and the hash of what was built from it."""
        return dict(self.records.execute("SELECT id, hash FROM documents"))

    def _extractions(self) -> dict[str, Extraction]:
        return {doc_id: from_json(text) for doc_id, text in self.records.execute("SELECT id, record FROM documents")}

    def graph(self) -> Graph:
        """Every named graph's triples as one rdflib graph."""
        out = Graph()
        bind_prefixes(out, base=self.base)
        out.addN((_rdflib_term(q.subject), _rdflib_term(q.predicate), _rdflib_term(q.object), out)
                 for q in self.rdf.quads_for_pattern(None, None, None, None))
        return out

    # -- writing ------------------------------------------------------------------------
    def update(self, extractions: Iterable[Extraction], *, gazetteer: Gazetteer, ontology: Ontology,
               remove: Sequence[str] = (), min_confidence: float = 0.0) -> StoreUpdate:
        """Add or replace the documents of ``extractions`` and drop those in ``remove``, then
        write again what the change alters: the entities, and the relations of every other
        document that names an entity whose class changed."""
        old = self._extractions()
        new = dict(old)
        added, replaced = [], []
        for extraction in extractions:
            doc_id = extraction.document.id
            (replaced if doc_id in new else added).append(doc_id)
            new[doc_id] = extraction
        missing = [doc_id for doc_id in remove if doc_id not in new]
        if missing:
            raise StoreError(f"{self.path}: no document {missing[0]!r} in the store")
        for doc_id in remove:
            del new[doc_id]
        before, after = self._index(old.values(), gazetteer), self._index(new.values(), gazetteer)
        old_classes = {iri: e.cls for iri, e in before.entities.items()}
        moved = {iri for iri, e in after.entities.items() if old_classes.get(iri, e.cls) != e.cls}
        changed = set(added) | set(replaced)
        rejudged = sorted(doc_id for doc_id, e in new.items() if doc_id not in changed and any(
            after.iri_of(r.subject) in moved or after.iri_of(r.object) in moved for r in e.relations))
        rejected: list[Rejection] = []
        for doc_id in remove:
            self.rdf.remove_graph(_ox_term(document_iri(doc_id, base=self.base))) \
                if self.rdf.contains_named_graph(_ox_term(document_iri(doc_id, base=self.base))) else None
        for doc_id in [*added, *replaced, *rejudged]:
            triples, left_out = document_triples(new[doc_id], after, ontology=ontology, min_confidence=min_confidence)
            if doc_id in changed:
                rejected.extend(left_out)
            self._replace_graph(document_iri(doc_id, base=self.base), triples)
        self._replace_graph(self.entities_graph,
                            [t for entity in after.entities.values() for t in entity_triples(entity)])
        with self.records:
            self.records.executemany("DELETE FROM documents WHERE id = ?", [(d,) for d in remove])
            self.records.executemany(
                "INSERT OR REPLACE INTO documents (id, hash, record) VALUES (?, ?, ?)",
                [(d, content_hash(new[d].document), to_json(new[d])) for d in changed])
        self.rdf.flush()
        return StoreUpdate(added=tuple(added), replaced=tuple(replaced), removed=tuple(remove),
                           rejudged=tuple(rejudged), rejected=rejected)

    def _index(self, extractions: Iterable[Extraction], gazetteer: Gazetteer) -> EntityIndex:
        index = EntityIndex(gazetteer, base=self.base)
        for extraction in extractions:
            index.add(extraction.document.id, extraction.mentions)
        return index

    def _replace_graph(self, name: URIRef, triples: Sequence[Triple]) -> None:
        import pyoxigraph as ox

        graph = _ox_term(name)
        if self.rdf.contains_named_graph(graph):
            self.rdf.clear_graph(graph)
        self.rdf.extend(ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o), graph) for s, p, o in triples)
