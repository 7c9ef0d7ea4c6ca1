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
  gazetteer's hashes, model, minimum confidence, confidence weights); a build with other
  settings is refused, not mixed in. ``ontology.ttl``, ``gazetteer.ttl`` and ``weights.json``
  are copies of the files it was built with, so that removing a document needs nothing but
  the store.

After any sequence of additions, replacements and removals, the union of the named graphs is
the graph a full build of the same documents writes (the tests check it).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import BNode, Graph, Literal, URIRef

from ..documents import Document
from ..errors import KGError
from ..query import DEFAULT_TIMEOUT, _term
from ..records import Extraction, Rejection
from .vocab import Base, bind_prefixes
from .write import Triple, document_iri, document_triples, entity_triples

if TYPE_CHECKING:  # the extraction side (spaCy) is not imported to read or query a store
    from ..entities import EntityIndex
    from ..gazetteer import Gazetteer
    from ..ontology import Ontology

MARKER = "kg-store.json"
STORE_FORMAT = 3
#: the environment variable that names the default store, and the default when it is unset
STORE_VARIABLE = "KG_STORE"
DEFAULT_STORE = "kg.db"


#: each document's record; each entity's votes (its mentions' counts) and each document's share
#: of them, so that a change adds and takes away shares without reading other mentions; the
#: entities each document's relations name (to judge them again when one's class moves)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (id TEXT PRIMARY KEY, hash TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS entities (iri TEXT PRIMARY KEY, votes TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS shares (doc_id TEXT NOT NULL, iri TEXT NOT NULL, votes TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS shares_doc ON shares (doc_id);
CREATE TABLE IF NOT EXISTS relation_iris (doc_id TEXT NOT NULL, iri TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS relation_iris_iri ON relation_iris (iri);
CREATE INDEX IF NOT EXISTS relation_iris_doc ON relation_iris (doc_id);
"""


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


def default_store() -> Path:
    """The store commands use when given none: ``$KG_STORE``, else ``kg.db`` in the working folder."""
    return Path(os.environ.get(STORE_VARIABLE) or DEFAULT_STORE)


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
            if recorded.get("format") != STORE_FORMAT:
                raise StoreError(f"{self.path}: made by another version of kg (store format "
                                 f"{recorded.get('format')}, this kg reads {STORE_FORMAT}); build it again")
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
        if read_only:
            self.records = sqlite3.connect(f"{(self.path / 'records.sqlite').resolve().as_uri()}?mode=ro", uri=True)
        else:
            self.records = sqlite3.connect(str(self.path / "records.sqlite"))
            self.records.executescript(_SCHEMA)

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

    def _extractions(self, ids: Iterable[str]) -> dict[str, Extraction]:
        from ..records import from_json

        return {doc_id: from_json(text) for doc_id, text in
                self._select("SELECT id, record FROM documents WHERE id IN ({})", list(ids))}

    def _select(self, sql: str, values: Sequence[str]) -> list[tuple]:
        """Rows of a query whose one ``IN ({})`` takes the values, in chunks SQLite accepts."""
        rows: list[tuple] = []
        for i in range(0, len(values), 500):
            chunk = values[i:i + 500]
            rows += self.records.execute(sql.format(", ".join("?" * len(chunk))), chunk).fetchall()
        return rows

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
        write again what the change alters: the entities the changed documents name, and the
        relations of every other document that names an entity whose class changed. The cost
        follows the documents changed, not the size of the store: an entity's votes change by
        the changed documents' shares alone."""
        from ..entities import EntityIndex, Votes
        from ..records import to_json

        given = {e.document.id: e for e in extractions}
        remove = list(dict.fromkeys(remove))
        changed = [*given, *(d for d in remove if d not in given)]
        present = {row[0] for row in self._select("SELECT id FROM documents WHERE id IN ({})", changed)}
        missing = [d for d in remove if d not in present and d not in given]
        if missing:
            raise StoreError(f"{self.path}: no document {missing[0]!r} in the store")
        added = [d for d in given if d not in present]
        replaced = [d for d in given if d in present]
        namer = EntityIndex(gazetteer, base=self.base)  # IRIs depend on the gazetteer alone
        new_shares = {doc_id: namer.votes_of(e.mentions) for doc_id, e in given.items()}
        old_shares = self._select("SELECT iri, votes FROM shares WHERE doc_id IN ({})", changed)
        affected = sorted({iri for iri, _ in old_shares} | {str(i) for s in new_shares.values() for i in s})
        votes = self._votes(affected)
        before = {iri: namer.entity(URIRef(iri), v).cls for iri, v in votes.items()}
        for iri, text in old_shares:
            votes[iri].merge(Votes.from_json(text), sign=-1)
        for shares in new_shares.values():
            for iri, share in shares.items():
                votes.setdefault(str(iri), Votes()).merge(share)
        votes = {iri: v for iri, v in votes.items() if v.mentions}
        after = {URIRef(iri): namer.entity(URIRef(iri), v) for iri, v in votes.items()}
        moved = sorted(iri for iri, cls in before.items() if URIRef(iri) in after and after[URIRef(iri)].cls != cls)
        with self.records:
            for table in ("documents", "shares", "relation_iris"):
                column = "id" if table == "documents" else "doc_id"
                self._select(f"DELETE FROM {table} WHERE {column} IN ({{}})", changed)
            self._select("DELETE FROM entities WHERE iri IN ({})", [i for i in affected if i not in votes])
            self.records.executemany("INSERT OR REPLACE INTO entities (iri, votes) VALUES (?, ?)",
                                     [(iri, v.to_json()) for iri, v in votes.items()])
            self.records.executemany("INSERT INTO documents (id, hash, record) VALUES (?, ?, ?)",
                                     [(d, content_hash(e.document), to_json(e)) for d, e in given.items()])
            self.records.executemany("INSERT INTO shares (doc_id, iri, votes) VALUES (?, ?, ?)",
                                     [(d, str(iri), share.to_json()) for d, shares in new_shares.items()
                                      for iri, share in shares.items()])
            self.records.executemany("INSERT INTO relation_iris (doc_id, iri) VALUES (?, ?)",
                                     sorted({(d, str(namer.iri_of(m))) for d, e in given.items()
                                             for r in e.relations for m in (r.subject, r.object)}))
            rejudged = sorted({row[0] for row in self._select(
                "SELECT DISTINCT doc_id FROM relation_iris WHERE iri IN ({})", moved)} - set(changed))
            writing = {**given, **self._extractions(rejudged)}
            needed = sorted({str(namer.iri_of(m)) for e in writing.values() for r in e.relations
                             for m in (r.subject, r.object)})
            index = self._index(needed, gazetteer)
            rejected: list[Rejection] = []
            for doc_id in remove:
                name = _ox_term(document_iri(doc_id, base=self.base))
                if doc_id not in given and self.rdf.contains_named_graph(name):
                    self.rdf.remove_graph(name)
            for doc_id, extraction in writing.items():
                triples, left_out = document_triples(extraction, index, ontology=ontology,
                                                     min_confidence=min_confidence)
                if doc_id in given:
                    rejected.extend(left_out)
                self._replace_graph(document_iri(doc_id, base=self.base), triples)
            self._replace_entities(affected, after)
        self.rdf.flush()
        return StoreUpdate(added=tuple(added), replaced=tuple(replaced),
                           removed=tuple(d for d in remove if d not in given), rejudged=tuple(rejudged),
                           rejected=rejected)

    def _votes(self, iris: Sequence[str]) -> dict:
        from ..entities import Votes

        return {iri: Votes.from_json(text) for iri, text in
                self._select("SELECT iri, votes FROM entities WHERE iri IN ({})", iris)}

    def _index(self, iris: Sequence[str], gazetteer: Gazetteer) -> EntityIndex:
        """An entity index of these entities alone, from their stored votes."""
        from ..entities import EntityIndex

        index = EntityIndex(gazetteer, base=self.base)
        index.merge({URIRef(iri): votes for iri, votes in self._votes(iris).items()})
        return index

    def _replace_entities(self, iris: Sequence[str], entities: dict) -> None:
        import pyoxigraph as ox

        graph = _ox_term(self.entities_graph)
        for iri in iris:
            for quad in list(self.rdf.quads_for_pattern(ox.NamedNode(iri), None, None, graph)):
                self.rdf.remove(quad)
        self.rdf.extend(ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o), graph)
                        for iri in iris if URIRef(iri) in entities
                        for s, p, o in entity_triples(entities[URIRef(iri)]))

    def _replace_graph(self, name: URIRef, triples: Sequence[Triple]) -> None:
        import pyoxigraph as ox

        graph = _ox_term(name)
        if self.rdf.contains_named_graph(graph):
            self.rdf.clear_graph(graph)
        self.rdf.extend(ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o), graph) for s, p, o in triples)


class StoreResult:
    """A query result from the store, with the face of an rdflib result (``type``, ``vars``,
    rows of rdflib terms, ``askAnswer``, ``graph``, ``serialize``), so that it prints the
    same way. CSV and JSON are written by Oxigraph itself; rows are converted once a term."""

    def __init__(self, result) -> None:
        import pyoxigraph as ox

        self._result = result
        if isinstance(result, ox.QueryBoolean):
            self.type, self.askAnswer, self.vars = "ASK", bool(result), None
        elif isinstance(result, ox.QueryTriples):
            self.type, self.vars = "CONSTRUCT", None
            self.graph = Graph()
            self.graph.addN((_rdflib_term(t.subject), _rdflib_term(t.predicate), _rdflib_term(t.object), self.graph)
                            for t in result)
        else:
            from rdflib import Variable

            self.type = "SELECT"
            self._names = [v.value for v in result.variables]
            self.vars = [Variable(name) for name in self._names]

    def __iter__(self):
        cache: dict = {}

        def term(value):
            if value is None:
                return None
            found = cache.get(value)
            if found is None:
                found = cache[value] = _rdflib_term(value)
            return found

        for solution in self._result:
            yield tuple(term(solution[name]) for name in self._names)

    def texts(self, show_iri) -> list[list[str]]:
        """The rows as a table shows them: IRIs through ``show_iri`` (once each), literals
        and blank nodes by their value, escaped for a terminal."""
        import pyoxigraph as ox

        from ..normalize import printable

        shown: dict = {None: ""}

        def text(value) -> str:
            found = shown.get(value)
            if found is None:
                found = shown[value] = (show_iri(value.value) if isinstance(value, ox.NamedNode)
                                        else printable(value.value))
            return found

        return [[text(solution[name]) for name in self._names] for solution in self._result]

    def serialize(self, *, format: str) -> bytes:
        import pyoxigraph as ox

        kind = {"csv": ox.QueryResultsFormat.CSV, "json": ox.QueryResultsFormat.JSON}[format]
        return self._result.serialize(format=kind)


def query_store(path: str | Path, sparql: str, *, bindings: dict | None = None, timeout: float | None = DEFAULT_TIMEOUT,
                allow_service: bool = False) -> StoreResult:
    """Run a read-only SPARQL query on a store with Oxigraph, every document's graph in the
    default graph. The prefixes kg writes (``ai:``, ``kge:``, ``rdfs:``...) need no declaring."""
    import pyoxigraph as ox

    from ..errors import QueryError
    from ..query import (
        _time_limit,
        _TimedOut,
        calls_service,
        malformed,
        read_only,
        stopped,
    )

    read_only(sparql)
    with (path if isinstance(path, _Kept) else Store(path, read_only=True)) as store:
        namespaces = Graph()
        bind_prefixes(namespaces, base=store.base)
        prefixes = {p: str(ns) for p, ns in namespaces.namespaces()}
        # Oxigraph sends SERVICE calls out; FROM names the store's own graphs, and fetches nothing
        if calls_service(sparql) and not allow_service:
            raise QueryError("the query would fetch from elsewhere (SERVICE); kg runs offline: "
                             "allow it with --allow-service")
        try:
            bindings = dict(bindings or {})
            projected = {k: v for k, v in bindings.items() if _projected(sparql, k.lstrip("?$"))}
            text = with_values(sparql, {k: v for k, v in bindings.items() if k not in projected})
            substitutions = {ox.Variable(k.lstrip("?$")): _ox_term(_term(v)) for k, v in projected.items()}
            with _time_limit(timeout):
                result = StoreResult(store.rdf.query(text, prefixes=prefixes, use_default_graph_as_union=True,
                                                     substitutions=substitutions or None))
            result.namespaces = namespaces  # the prefixes its terms print with
            return result
        except _TimedOut:
            raise stopped(timeout) from None
        except (SyntaxError, ValueError, OSError, RuntimeError) as exc:
            raise malformed(exc) from None


def with_values(sparql: str, bindings: dict) -> str:
    """The query with its variables bound everywhere, as rdflib's initial bindings bind them:
    each ``?name`` outside strings, IRIs and comments becomes the value, so that every
    group and filter sees it. (A variable in the SELECT clause is left to ``substitutions``.)"""
    from ..query import _STRINGS_IRIS_COMMENTS

    for key, value in bindings.items():
        name = key.lstrip("?$")
        term = _term(value).n3()
        pattern = re.compile(rf"[?$]{re.escape(name)}(?![\w\u00b7\u0300-\u036f\u203f\u2040])")
        pieces, last = [], 0
        for match in _STRINGS_IRIS_COMMENTS.finditer(sparql):
            pieces.append(pattern.sub(lambda _: term, sparql[last:match.start()]))
            pieces.append(match.group())
            last = match.end()
        pieces.append(pattern.sub(lambda _: term, sparql[last:]))
        sparql = "".join(pieces)
    return sparql


def _projected(sparql: str, name: str) -> bool:
    head = re.search(r"\bSELECT\b(.*?)(\bWHERE\b|\{)", sparql, re.I | re.S)
    return bool(head and re.search(rf"[?$]{re.escape(name)}\b", head.group(1)))


class _Kept:
    """An open store lent to ``query_store`` without being closed by it."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __enter__(self) -> Store:
        return self.store

    def __exit__(self, *exc) -> None:
        pass


def store_stats(path: str | Path):
    """The counts of ``kg info``, by SPARQL on the store: fast however big it is."""
    from ..graph import GraphStats
    from ..ontology import local_name
    from .vocab import NOT_RELATIONS

    store = Store(path, read_only=True)  # opened once for all the counts

    def rows(sparql: str) -> list[tuple]:
        return list(query_store(_Kept(store), sparql, timeout=None))

    documents = int(rows("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a ai:Document }")[0][0])
    evidence = int(rows("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ai:Evidence }")[0][0])
    triples = len(store.rdf)  # every quad is in a named graph: one per document, and the entities
    classes = {local_name(c): int(n) for c, n in rows(
        "SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e rdfs:label ?l ; a ?c } GROUP BY ?c")}
    excluded = ", ".join(f"<{p}>" for p in sorted(NOT_RELATIONS))
    # every relation a build writes has evidence naming its property, so the properties come
    # from the evidence: matching every triple's ends to their labels took 1.3 s of 1.9 on a
    # million triples, and counts the same
    relations = {local_name(p): int(n) for p, n in rows(
        "SELECT ?p (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { "
        "{ SELECT DISTINCT ?p WHERE { ?ev rdf:predicate ?p } } "
        f"?s ?p ?o . FILTER(isIRI(?o) && ?p NOT IN ({excluded})) }} }} GROUP BY ?p")}
    store.close()
    return GraphStats(documents=documents, entities=dict(sorted(classes.items())),
                      relations=dict(sorted(relations.items())), evidence=evidence, triples=triples)
