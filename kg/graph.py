"""``KnowledgeGraph``: a graph kg built or read, as an ``rdflib.Graph`` with kg's queries,
statistics, views and output. How the triples are written and read back is in ``kg.rdf``.
"""

from __future__ import annotations

import stat
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, Literal, URIRef

from .errors import GraphError, KGError, QueryError
from .normalize import printable
from .ontology import Ontology, default_ontology, local_name
from .output import write_atomically
from .provenance import Evidence, evidence, explain, label, with_min_confidence
from .query import DEFAULT_TIMEOUT
from .rdf.formats import (
    MAX_RDF_BYTES,
    guess_rdf_format,
    parse_rdf,
    rdf_format,
    read_rdf_bytes,
)
from .rdf.vocab import AI, NOT_RELATIONS, OWL, RDF, RDFS, SKOS, bind_prefixes
from .records import Rejection
from .validation import Violation, validate


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
        from .rdf.store import (  # a store folder reads as the graph it holds
            Store,
            is_store,
        )

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
