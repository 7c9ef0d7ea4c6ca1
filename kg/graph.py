"""The RDF graph: entities and relations as plain triples, each relation's evidence as a
reified statement with PROV-O provenance, and the ``KnowledgeGraph`` object around it.

A relation is a plain triple, ``kge:meta ai:releases kge:llama-2``, so queries need not know
about provenance. Every sentence that states it is an ``ai:Evidence`` node: an
``rdf:Statement`` naming the triple, ``prov:wasDerivedFrom`` the document, with the sentence,
its character offsets, the rule and a confidence.
"""

from __future__ import annotations

import hashlib
import stat
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from rdflib import Dataset, Graph, Literal, URIRef

from .documents import Document
from .names import name_key
from .errors import GraphError, KGError, QueryError
from .normalize import printable
from .ontology import Ontology, default_ontology, local_name
from .output import write_atomically
from .query import DEFAULT_TIMEOUT
from .rdf_input import MAX_RDF_BYTES, guess_rdf_format, parse_rdf, read_rdf_bytes
from .provenance import Evidence, Rejection, evidence, explain, label, with_min_confidence
from .validation import Violation, validate
from .vocab import AI, DCTERMS, NOT_RELATIONS, OWL, PROV, RDF, RDFS, SKOS, XSD, Base, bind_prefixes

if TYPE_CHECKING:  # the extraction side (spaCy) is not imported to read or query a graph
    from .entities import Entity, EntityIndex
    from .relations import RelationMention

#: file suffixes kg writes, and the rdflib serializer plugin for each
FORMATS = {"ttl": "turtle", "turtle": "turtle", "nt": "nt", "ntriples": "nt", "trig": "trig",
           "nq": "nquads", "nquads": "nquads", "jsonld": "json-ld", "json-ld": "json-ld",
           "xml": "xml", "rdf": "xml", "n3": "n3"}


def rdf_format(name: str | None = None, *, path: str | Path | None = None) -> str:
    """The rdflib plugin name for a format name, or for a file's suffix."""
    if name:
        key = name.lower().lstrip(".")
        if key not in FORMATS:
            raise GraphError(f"unknown RDF format {name!r} (use one of: ttl, nt, trig, nquads, jsonld, xml)")
        return FORMATS[key]
    if path is not None:
        return FORMATS.get(Path(path).suffix.lower().lstrip("."), "turtle")
    return "turtle"


def document_iri(document_id: str, *, base: Base | None = None) -> URIRef:
    return (base or Base()).document[quote(document_id, safe="-._~")]


def evidence_iri(document_id: str, relation: RelationMention, subject: URIRef, obj: URIRef, *,
                 base: Base | None = None) -> URIRef:
    key = "\x1f".join([document_id, str(relation.sentence_start), str(relation.sentence_end),
                       str(subject), str(relation.relation), str(obj)])
    return (base or Base()).evidence[hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]]


@dataclass(frozen=True)
class Extraction:
    """What one document gave: its mentions and its relation candidates."""

    document: Document
    mentions: Sequence = ()
    relations: Sequence[RelationMention] = ()


Triple = tuple[URIRef, URIRef, Any]


def to_graph(extractions: Iterable[Extraction], index: EntityIndex, *, ontology: Ontology,
             min_confidence: float = 0.0) -> tuple[Graph, list[Rejection]]:
    """The RDF graph of the extractions, and the candidate relations left out, with the reason.
    IRIs are minted under the index's base; the index holds every extraction's mentions."""
    writer = GraphWriter(index, ontology=ontology, min_confidence=min_confidence)
    for extraction in extractions:
        writer.add(extraction)
    return writer.finish()


class GraphWriter:
    """Writes a graph document by document as extractions arrive, while the index fills.

    All a document contributes is known when it arrives except whether each relation fits
    the ontology's domain and range: that depends on its entities' classes, voted over every
    document. So relations are written at once and judged in ``finish``, where the few whose
    entities' classes do not fit are taken out again."""

    def __init__(self, index: EntityIndex, *, ontology: Ontology, min_confidence: float = 0.0) -> None:
        self.index = index
        self.ontology = ontology
        self.min_confidence = min_confidence
        self.graph = Graph(store="SimpleMemory")  # no named graphs here: the faster store
        bind_prefixes(self.graph, base=index.base)
        self._judged: list[tuple[int, Rejection]] = []
        self._pending: list[tuple[int, Document, RelationMention, URIRef, URIRef, URIRef | None]] = []
        self._count = 0

    def add(self, extraction: Extraction) -> None:
        doc, index = extraction.document, self.index
        header, mentioned = _document_header(extraction, index)
        self.graph.addN((s, p, o, self.graph) for s, p, o in header)
        for relation in extraction.relations:
            self._count += 1
            if relation.rejected is not None:
                self._judged.append((self._count, _rejection(doc, relation, relation.rejected)))
                continue
            subject, obj = index.iri_of(relation.subject), index.iri_of(relation.object)
            if subject == obj:
                self._judged.append((self._count, _rejection(doc, relation, "same entity")))
                continue
            evidence = None
            if relation.confidence >= self.min_confidence:
                triples = _relation_triples(doc, relation, subject, obj, base=index.base)
                self.graph.addN((s, p, o, self.graph) for s, p, o in triples)
                evidence = triples[1][0]
            self._pending.append((self._count, doc, relation, subject, obj, evidence))

    def finish(self) -> tuple[Graph, list[Rejection]]:
        graph, entities = self.graph, self.index.entities
        for entity in entities.values():
            graph.addN((s, p, o, graph) for s, p, o in entity_triples(entity))
        left_out = list(self._judged)
        for position, doc, relation, subject, obj, evidence in self._pending:
            spec = self.ontology.relations[relation.relation]
            if not self.ontology.fits(spec, entities[subject].cls, entities[obj].cls):
                # the entity's class, voted over all its mentions, differs from this mention's
                left_out.append((position, _rejection(doc, relation, "domain/range of the merged entities")))
                graph.remove((subject, relation.relation, obj))
                if evidence is not None:
                    graph.remove((evidence, None, None))
            elif evidence is None:
                left_out.append((position, _rejection(doc, relation, "low confidence")))
        return graph, [r for _, r in sorted(left_out, key=lambda item: item[0])]


def entity_triples(entity: Entity) -> list[Triple]:
    """What the graph says of an entity itself: class, label, other names, Wikidata item.
    It depends on every document that names the entity."""
    triples: list[Triple] = [(entity.iri, RDF.type, entity.cls), (entity.iri, RDFS.label, Literal(entity.label))]
    triples += [(entity.iri, SKOS.altLabel, Literal(alias)) for alias in entity.aliases]
    triples += [(entity.iri, OWL.sameAs, item) for item in entity.same_as]
    return triples


def document_triples(extraction: Extraction, index: EntityIndex, *, ontology: Ontology,
                     min_confidence: float = 0.0) -> tuple[list[Triple], list[Rejection]]:
    """What one document contributes: the document, the entities it mentions, the relations
    it states with their evidence; and the candidates left out, with the reason. It depends on
    other documents only through the classes of the entities (voted over all mentions)."""
    doc = extraction.document
    triples, _ = _document_header(extraction, index)
    left_out: list[Rejection] = []
    for relation in extraction.relations:
        if relation.rejected is not None:
            left_out.append(_rejection(doc, relation, relation.rejected))
            continue
        subject, obj = index[relation.subject], index[relation.object]
        spec = ontology.relations[relation.relation]
        if subject.iri == obj.iri:
            left_out.append(_rejection(doc, relation, "same entity"))
            continue
        if not ontology.fits(spec, subject.cls, obj.cls):
            left_out.append(_rejection(doc, relation, "domain/range of the merged entities"))
            continue
        if relation.confidence < min_confidence:
            left_out.append(_rejection(doc, relation, "low confidence"))
            continue
        triples += _relation_triples(doc, relation, subject.iri, obj.iri, base=index.base)
    return triples, left_out


def _document_header(extraction: Extraction, index: EntityIndex) -> tuple[list[Triple], set[URIRef]]:
    """The document node, and the entities it mentions."""
    doc = extraction.document
    doc_iri = document_iri(doc.id, base=index.base)
    triples: list[Triple] = [(doc_iri, RDF.type, AI.Document), (doc_iri, DCTERMS.identifier, Literal(doc.id))]
    if doc.title:
        triples.append((doc_iri, DCTERMS.title, Literal(doc.title)))
    if doc.source:
        triples.append((doc_iri, DCTERMS.source, Literal(doc.source)))
    mentioned = {index.iri_of(m) for m in extraction.mentions if name_key(m.name)}
    triples += [(iri, AI.mentionedIn, doc_iri) for iri in sorted(mentioned)]
    return triples, mentioned


def _relation_triples(doc: Document, relation: RelationMention, subject: URIRef, obj: URIRef, *,
                      base: Base) -> list[Triple]:
    """The relation, and the evidence of it (the second triple's subject)."""
    evidence = evidence_iri(doc.id, relation, subject, obj, base=base)
    text = doc.text[relation.sentence_start:relation.sentence_end]
    return [(subject, relation.relation, obj), *((evidence, p, o) for p, o in (
        (RDF.type, AI.Evidence), (RDF.type, RDF.Statement),
        (RDF.subject, subject), (RDF.predicate, relation.relation), (RDF.object, obj),
        (PROV.wasDerivedFrom, document_iri(doc.id, base=base)), (AI.sentence, Literal(" ".join(text.split()))),
        (AI.startChar, Literal(relation.sentence_start)), (AI.endChar, Literal(relation.sentence_end)),
        (AI.confidence, Literal(Decimal(str(relation.confidence)), datatype=XSD.decimal)),
        (AI.rule, Literal(relation.rule))))]


def _rejection(doc: Document, relation: RelationMention, reason: str) -> Rejection:
    return Rejection(document=doc.id, subject=relation.subject.name, relation=local_name(relation.relation),
                     object=relation.object.name, reason=reason, rule=relation.rule,
                     confidence=relation.confidence,
                     sentence=" ".join(doc.text[relation.sentence_start:relation.sentence_end].split()))


@dataclass(frozen=True)
class GraphStats:
    documents: int
    entities: Mapping[str, int]   # class local name -> count
    relations: Mapping[str, int]  # property local name -> count of distinct triples
    evidence: int
    triples: int

    def as_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "entities": dict(self.entities),
                "relations": dict(self.relations), "evidence": self.evidence, "triples": self.triples}


@dataclass(frozen=True)
class Changes:
    """The difference between two graphs, in labels."""

    added_entities: list[str]
    removed_entities: list[str]
    added_relations: list[tuple[str, str, str]]
    removed_relations: list[tuple[str, str, str]]


@dataclass
class KnowledgeGraph:
    """A knowledge graph: an ``rdflib.Graph`` with kg's queries, statistics and output."""

    graph: Graph = field(default_factory=Graph)
    #: candidate relations the build did not keep, with the reason (empty for a loaded graph)
    rejected: list[Rejection] = field(default_factory=list, repr=False)

    def __len__(self) -> int:
        return len(self.graph)

    # -- reading -------------------------------------------------------------------------
    @classmethod
    def load(cls, *sources: str | Path | Iterable[str | Path], format: str | None = None) -> KnowledgeGraph:
        """Read graph files kg (or anything else) wrote, in any RDF format rdflib reads, as
        one graph: files, folders (their RDF files, recursively) and ``-`` (standard input).
        ``format`` names the format of every input; by default it is told by each file's
        suffix, and by its first bytes for standard input."""
        flat: list[str | Path] = []
        for source in sources:
            flat.extend([source] if isinstance(source, (str, Path)) else source)
        if not flat:
            raise GraphError("no graph to read")
        fmt = rdf_format(format) if format else None
        graph = Graph()
        from .store import Store, is_store  # a store folder reads as the graph it holds

        for source in [s for s in flat if str(s) != "-" and is_store(s)]:
            with Store(source, read_only=True) as store:
                graph.addN((s, p, o, graph) for s, p, o in store.graph())
        flat = [s for s in flat if str(s) == "-" or not is_store(s)]
        for name, data in _graph_inputs(flat):
            this = fmt or guess_rdf_format(name, data)
            try:
                _parse_merged(data, this, graph)
            except KGError as exc:
                raise GraphError(f"{name}: {exc}") from None
            except Exception as exc:  # rdflib's parsers raise many unrelated types for bad input
                reason = " ".join(str(exc).split())[:200] or type(exc).__name__
                raise GraphError(f"{name}: cannot read as {this}: {printable(reason)}") from None
        bind_prefixes(graph)
        return cls(graph)

    # -- querying ------------------------------------------------------------------------
    def query(self, sparql: str, *, bindings: Mapping[str, Any] | None = None, timeout: float | None = DEFAULT_TIMEOUT,
              allow_service: bool = False):
        """Run a SPARQL query; the result iterates over rows (SELECT), or is a bool (ASK)
        or a graph (CONSTRUCT, DESCRIBE). It is stopped after ``timeout`` seconds; ``SERVICE``
        and ``FROM`` clauses, which fetch from other addresses, are refused unless
        ``allow_service``."""
        from .query import run_query

        return run_query(self.graph, sparql, bindings=bindings, timeout=timeout, allow_service=allow_service)

    def explain(self, subject: str, relation: str, object: str, *,
                ontology: Ontology | None = None) -> list[Evidence]:
        """Why "subject relation object" is in the graph: the sentences that state it, with
        their document, rule and confidence. Names are matched like labels are."""
        return explain(self.graph, subject, relation, object, ontology=ontology)

    def with_min_confidence(self, threshold: float) -> KnowledgeGraph:
        """A copy keeping only the relations stated with at least this confidence."""
        return KnowledgeGraph(with_min_confidence(self.graph, threshold))

    # -- views and networks --------------------------------------------------------------
    def to_networkx(self, *, ontology: Ontology | None = None):
        """Entities as nodes and relations as directed edges of a ``networkx.MultiDiGraph``."""
        from .network import to_networkx

        return to_networkx(self.graph, ontology=ontology)

    def to_html(self, destination: str | Path | None = None, *, focus: str | None = None, depth: int = 1,
                types: Iterable[str] = (), relations: Iterable[str] = (), query: str | None = None,
                max_nodes: int | None = None, title: str | None = None,
                inputs: Iterable[str | Path] = ()) -> str | None:
        """An interactive page of the graph that works offline. ``focus`` and ``depth`` draw one
        entity's neighbourhood, ``types`` and ``relations`` keep only those, ``query`` draws a
        SPARQL CONSTRUCT's result. Written atomically to ``destination``, else returned."""
        from .view import DEFAULT_MAX_NODES, view_html, write

        page = view_html(self.graph, focus=focus, depth=depth, types=tuple(types), relations=tuple(relations),
                         construct=query, max_nodes=max_nodes or DEFAULT_MAX_NODES, title=title)
        if destination is None:
            return page
        write(page, destination, inputs=inputs)
        return None

    def view(self, **options):
        """The page, shown inline by Jupyter; takes the options of ``to_html``."""
        from .view import View

        return View(self.to_html(**options))

    def export(self, destination: str | Path, *, format: str | None = None,
               inputs: Iterable[str | Path] = ()) -> None:
        """Write the network as GraphML or GEXF (``format``, else the file's suffix) for Gephi
        and the like; ``-`` is standard output."""
        from .network import export

        export(self.to_networkx(), destination, format=format, inputs=inputs)

    # -- tables --------------------------------------------------------------------------
    def entity_records(self) -> list[dict[str, Any]]:
        """One row an entity (label, class, aliases, Wikidata, documents): ready for a table,
        ``pandas.DataFrame(graph.entity_records())``."""
        g = self.graph
        rows = []
        for entity in sorted(set(g.subjects(RDFS.label, None))):
            if (entity, RDF.type, AI.Document) in g or not isinstance(entity, URIRef):
                continue
            rows.append({
                "label": str(g.value(entity, RDFS.label)),
                "class": ", ".join(sorted(local_name(c) for c in g.objects(entity, RDF.type))),
                "aliases": ", ".join(sorted(str(a) for a in g.objects(entity, SKOS.altLabel))),
                "wikidata": next((str(o) for o in g.objects(entity, OWL.sameAs)), ""),
                "documents": len(set(g.objects(entity, AI.mentionedIn))),
                "iri": str(entity),
            })
        return rows

    def relation_records(self) -> list[dict[str, Any]]:
        """One row a sentence stating a relation (subject, relation, object, confidence, rule,
        document, sentence): ``pandas.DataFrame(graph.relation_records())``."""
        g = self.graph
        rows = []
        for s, p, o in sorted(self.relations()):
            for e in evidence(g, s, p, o) or [None]:
                rows.append({"subject": label(g, s), "relation": local_name(p), "object": label(g, o),
                             "confidence": e.confidence if e else None, "rule": e.rule if e else None,
                             "document": e.document if e else None, "sentence": e.sentence if e else None})
        return rows

    def query_rows(self, sparql: str, *, bindings: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
        """A SELECT query's rows as dictionaries of plain Python values (str, int, float...)."""
        result = self.query(sparql, bindings=bindings)
        if result.type != "SELECT":
            raise QueryError("query_rows takes a SELECT query; use query() for the others")
        names = [str(v) for v in result.vars]
        return [{n: (None if row[i] is None else row[i].toPython() if isinstance(row[i], Literal) else str(row[i]))
                 for i, n in enumerate(names)} for row in result]

    # -- checks and changes ---------------------------------------------------------------
    def validate(self, *, ontology: Ontology | None = None) -> list[Violation]:
        """What in the graph breaks the ontology: untyped entities, undeclared relations,
        relations outside their domain and range. Empty for a graph kg built."""
        return validate(self.graph, ontology or default_ontology())

    def compare(self, other: KnowledgeGraph) -> Changes:
        """What ``other`` has that this graph has not, and the reverse, by label."""
        def facts(graph: KnowledgeGraph) -> tuple[set, set]:
            g = graph.graph
            entities = {r["label"] for r in graph.entity_records()}
            relations = {(label(g, s), local_name(p), label(g, o)) for s, p, o in graph.relations()}
            return entities, relations

        old_entities, old_relations = facts(self)
        new_entities, new_relations = facts(other)
        return Changes(added_entities=sorted(new_entities - old_entities),
                       removed_entities=sorted(old_entities - new_entities),
                       added_relations=sorted(new_relations - old_relations),
                       removed_relations=sorted(old_relations - new_relations))

    def relations(self) -> Iterable[tuple[URIRef, URIRef, URIRef]]:
        """The plain relation triples between entities."""
        labelled = set(self.graph.subjects(RDFS.label, None))
        for s, p, o in self.graph:
            if p not in NOT_RELATIONS and isinstance(o, URIRef) and s in labelled and o in labelled:
                yield s, p, o

    def stats(self) -> GraphStats:
        g = self.graph
        documents = set(g.subjects(RDF.type, AI.Document))
        evidence = set(g.subjects(RDF.type, AI.Evidence))
        classes: Counter[str] = Counter()
        for entity in set(g.subjects(RDFS.label, None)):
            for cls in g.objects(entity, RDF.type):
                classes[local_name(cls)] += 1
        relations: Counter[str] = Counter(local_name(p) for _, p, _ in self.relations())
        return GraphStats(documents=len(documents), entities=dict(sorted(classes.items())),
                          relations=dict(sorted(relations.items())), evidence=len(evidence), triples=len(g))

    # -- writing -------------------------------------------------------------------------
    def serialize(self, destination: str | Path | None = None, *, format: str | None = None,
                  inputs: Iterable[str | Path] = ()) -> str | None:
        """The graph as text (Turtle unless ``format`` or the file name says otherwise).
        With a destination (``-`` for standard output), written there atomically and nothing
        is returned; a destination that is one of ``inputs`` is refused."""
        fmt = rdf_format(format, path=destination if str(destination) != "-" else None)
        source = _as_dataset(self.graph) if fmt in ("nquads", "trig") else self.graph
        data = source.serialize(format=fmt, encoding="utf-8")
        if destination is None:
            return data.decode("utf-8")
        write_atomically(destination, data, inputs=inputs)
        return None


def _as_dataset(graph: Graph) -> Dataset:
    """Quad formats need a dataset: kg's triples go in its default graph."""
    dataset = Dataset()
    for prefix, namespace in graph.namespaces():
        dataset.bind(prefix, namespace, override=True)
    # rdflib 7.1 renamed default_context to default_graph
    default = dataset.default_graph if hasattr(type(dataset), "default_graph") else dataset.default_context
    default.addN((s, p, o, default) for s, p, o in graph)
    return dataset


#: suffixes of the RDF files kg reads from a folder
RDF_SUFFIXES = frozenset({".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf", ".owl", ".n3", ".xml"})


def _graph_inputs(sources: Sequence[str | Path]) -> Iterable[tuple[str, bytes]]:
    """(name, bytes) of every graph file behind the sources, bounded in size."""
    for source in sources:
        if str(source) == "-":
            data = sys.stdin.buffer.read(MAX_RDF_BYTES + 1)
            if len(data) > MAX_RDF_BYTES:
                raise GraphError("standard input: larger than kg reads as one graph")
            yield "", data
            continue
        path = Path(source)
        if not path.exists():
            raise GraphError(f"{path}: no such file or directory")
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in RDF_SUFFIXES
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not files:
                raise GraphError(f"{path}: no RDF files in this directory ({', '.join(sorted(RDF_SUFFIXES))})")
        else:
            files = [path]
        for file in files:
            if not stat.S_ISREG(file.stat().st_mode) and not stat.S_ISFIFO(file.stat().st_mode):
                raise GraphError(f"{file}: not a regular file")
            try:
                yield str(file), read_rdf_bytes(file)
            except OSError as exc:
                raise GraphError(f"{file}: cannot read: {exc.strerror or exc}") from None
            except KGError as exc:
                raise GraphError(f"{file}: {exc}") from None


def _parse_merged(data: bytes, fmt: str, graph: Graph) -> None:
    """Add all the triples of one input to ``graph``, named graphs included (TriG, N-Quads)."""
    if fmt not in ("nquads", "trig"):
        parse_rdf(data, format=fmt, into=graph)
        return
    dataset = Dataset()
    parse_rdf(data, format=fmt, into=dataset)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
