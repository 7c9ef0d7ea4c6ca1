"""The gazetteer: well-known entities with their class, aliases and Wikidata item.

It is data (``ontologies/gazetteer.ttl``): entries are looked up by name key, so
"LLaMA 2", "Llama-2" and "llama 2" all find the entry labelled "Llama 2".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from .errors import OntologyError
from .names import name_key
from .ontology import Ontology, data_dir
from .rdf.formats import guess_rdf_format, parse_rdf, read_rdf_bytes


@dataclass(frozen=True)
class GazetteerEntry:
    iri: URIRef
    label: str
    cls: URIRef
    aliases: tuple[str, ...] = ()
    same_as: tuple[URIRef, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


class Gazetteer:
    def __init__(self, entries: Iterable[GazetteerEntry] = ()) -> None:
        self.entries: tuple[GazetteerEntry, ...] = tuple(entries)
        self._by_key: dict[tuple[str, ...], GazetteerEntry] = {}
        for entry in self.entries:
            for name in entry.names:
                key = name_key(name)
                # the first entry to claim a key keeps it: labels are listed before aliases
                if key:
                    self._by_key.setdefault(key, entry)

    def __len__(self) -> int:
        return len(self.entries)

    def lookup(self, text: str) -> GazetteerEntry | None:
        return self._by_key.get(name_key(text))

    @classmethod
    def load(cls, path: str | Path | None = None, *, ontology: Ontology) -> Gazetteer:
        source = Path(path) if path is not None else data_dir() / "gazetteer.ttl"
        if not source.is_file():
            raise OntologyError(f"{source}: no such gazetteer file")
        try:
            data = read_rdf_bytes(source)
            graph = parse_rdf(data, format=guess_rdf_format(str(source), data))
        except OSError as exc:
            raise OntologyError(f"{source}: cannot read: {exc.strerror or exc}") from None
        except Exception as exc:  # rdflib raises many unrelated types for bad syntax
            reason = " ".join(str(exc).split())[:200] or type(exc).__name__
            raise OntologyError(f"{source}: cannot parse: {reason}") from None
        entries = []
        for iri in sorted(set(graph.subjects(RDFS.label, None))):
            classes = [c for c in graph.objects(iri, RDF.type) if c in ontology.classes]
            if not isinstance(iri, URIRef) or not classes:
                continue
            labels = sorted(str(o) for o in graph.objects(iri, RDFS.label) if isinstance(o, Literal))
            aliases = sorted(str(o) for o in graph.objects(iri, SKOS.altLabel) if isinstance(o, Literal))
            entries.append(GazetteerEntry(
                iri=iri, label=labels[0], cls=sorted(classes)[0], aliases=tuple(labels[1:] + aliases),
                same_as=tuple(sorted(o for o in graph.objects(iri, OWL.sameAs) if isinstance(o, URIRef))),
            ))
        return cls(entries)
