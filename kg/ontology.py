"""The ontology: classes, relations, and the words that signal them, read from an OWL file.

Nothing about relations is hard-coded in kg: a relation added to the ontology file, with its
domain, range and trigger words, is extracted on the next build.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from .errors import OntologyError
from .rdf.formats import guess_rdf_format, parse_rdf, read_rdf_bytes
from .rdf.vocab import AI

Words = tuple[str, ...]


#: the labels of spaCy's English named-entity recognizers (OntoNotes 5)
ONTONOTES_LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
                    "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL")


def trigger_words(text: str) -> Words:
    """A trigger as the words a parse must show: lower case, hyphens as word breaks."""
    return tuple(text.lower().replace("-", " ").split())


def local_name(iri: str) -> str:
    text = str(iri).rstrip("/#")
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@dataclass(frozen=True)
class ClassSpec:
    iri: URIRef
    name: str
    label: str
    triggers: frozenset[Words] = frozenset()
    name_prefixes: tuple[str, ...] = ()
    name_suffixes: frozenset[str] = frozenset()
    superclasses: frozenset[URIRef] = frozenset()
    ner_labels: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RelationSpec:
    iri: URIRef
    name: str
    label: str
    domain: frozenset[URIRef] = frozenset()  # empty: any class
    range: frozenset[URIRef] = frozenset()
    verb_triggers: frozenset[Words] = frozenset()
    noun_triggers: frozenset[Words] = frozenset()
    preposition_triggers: frozenset[str] = frozenset()
    # a preposition that states it hung on any verb: the verb's subject to its object
    verb_preposition_triggers: frozenset[str] = frozenset()
    possessive: bool = False
    symmetric: bool = False
    inverse: URIRef | None = None
    event_nouns: frozenset[Words] = frozenset()
    event_holder_verbs: frozenset[Words] = frozenset()
    event_participant_verbs: frozenset[Words] = frozenset()
    planned_relation: URIRef | None = None  # what a plan of this relation states instead
    requires_fact: bool = False  # a plan or possibility states nothing
    requires_current: bool = False  # a former state states nothing
    end_verbs: frozenset[Words] = frozenset()  # verbs that end it: "leave" a company

    @property
    def extractable(self) -> bool:
        return bool(self.verb_triggers or self.noun_triggers or self.preposition_triggers
                    or self.verb_preposition_triggers
                    or self.possessive or self.event_nouns)


@dataclass(frozen=True)
class Ontology:
    classes: dict[URIRef, ClassSpec]
    relations: dict[URIRef, RelationSpec]
    source: str = "<memory>"
    graph: Graph = field(default_factory=Graph, repr=False, compare=False)

    # -- lookups -------------------------------------------------------------------------
    def class_named(self, name: str) -> ClassSpec:
        for spec in self.classes.values():
            if spec.name == name:
                return spec
        raise OntologyError(f"{self.source}: no class named {name!r}")

    def relation_named(self, name: str) -> RelationSpec:
        for spec in self.relations.values():
            if spec.name == name:
                return spec
        raise OntologyError(f"{self.source}: no relation named {name!r}")

    def is_a(self, cls: URIRef, ancestor: URIRef) -> bool:
        seen: set[URIRef] = set()
        todo = [cls]
        while todo:
            current = todo.pop()
            if current == ancestor:
                return True
            if current in seen or current not in self.classes:
                continue
            seen.add(current)
            todo.extend(self.classes[current].superclasses)
        return False

    def fits(self, relation: RelationSpec, subject_class: URIRef, object_class: URIRef) -> bool:
        """Whether a triple between members of these classes respects domain and range."""
        key = (relation.iri, subject_class, object_class)
        found = self._fits.get(key)
        if found is None:
            def within(cls: URIRef, allowed: frozenset[URIRef]) -> bool:
                return not allowed or any(self.is_a(cls, a) for a in allowed)
            found = self._fits[key] = within(subject_class, relation.domain) and within(object_class, relation.range)
        return found

    def narrower(self, relation: RelationSpec, other: RelationSpec) -> bool:
        """Whether the relation's domain and range lie within the other's, and not the other
        way round: worksFor (a person, an organization) is narrower than memberOf (a person
        or an organization, an organization)."""
        def within(inner: frozenset[URIRef], outer: frozenset[URIRef]) -> bool:
            return bool(inner) and (not outer or all(any(self.is_a(c, o) for o in outer) for c in inner))
        return within(relation.domain, other.domain) and within(relation.range, other.range) and not (
            within(other.domain, relation.domain) and within(other.range, relation.range))

    def overlap(self, relation: RelationSpec, other: RelationSpec) -> bool:
        """Whether some pair of classes fits both relations: they can hold between the same
        two things (an empty domain or range takes anything)."""
        def meet(a: frozenset[URIRef], b: frozenset[URIRef]) -> bool:
            return not a or not b or any(self.is_a(x, y) or self.is_a(y, x) for x in a for y in b)
        return meet(relation.domain, other.domain) and meet(relation.range, other.range)

    @cached_property
    def _fits(self) -> dict[tuple, bool]:
        return {}  # asked for every candidate pair: the answer for each pair of classes, once

    def may_relate(self, a: URIRef, b: URIRef) -> bool:
        """Whether some relation fits members of these classes, either way round."""
        key = (a, b)
        found = self._related.get(key)
        if found is None:
            found = self._related[key] = any(self.fits(r, a, b) or self.fits(r, b, a) for r in self.relations.values())
        return found

    @cached_property
    def _related(self) -> dict[tuple, bool]:
        return {}

    @cached_property
    def _by_verb(self) -> dict[Words, list[RelationSpec]]:
        return _index(self.relations.values(), lambda r: r.verb_triggers)

    @cached_property
    def _by_noun(self) -> dict[Words, list[RelationSpec]]:
        return _index(self.relations.values(), lambda r: r.noun_triggers)

    @cached_property
    def _by_end_verb(self) -> dict[Words, list[RelationSpec]]:
        return _index(self.relations.values(), lambda r: r.end_verbs)

    def ending_relations(self, words: Words) -> list[RelationSpec]:
        """The relations a verb of these words ends ("leave": worksFor)."""
        return self._by_end_verb.get(words, [])

    @cached_property
    def verb_trigger_words(self) -> frozenset[str]:
        """Every word of every verb trigger and end-verb trigger: a verb none of whose forms uses
        one triggers nothing and ends nothing."""
        return frozenset(w for index in (self._by_verb, self._by_end_verb) for words in index for w in words)

    @cached_property
    def noun_trigger_ends(self) -> frozenset[str]:
        """The last word of every noun trigger: the noun itself, whatever modifies it."""
        return frozenset(words[-1] for words in self._by_noun)

    @cached_property
    def _by_preposition(self) -> dict[Words, list[RelationSpec]]:
        return _index(self.relations.values(),
                      lambda r: {(p,) for p in r.preposition_triggers})

    @cached_property
    def _by_verb_preposition(self) -> dict[Words, list[RelationSpec]]:
        return _index(self.relations.values(),
                      lambda r: {(p,) for p in r.verb_preposition_triggers})

    @cached_property
    def possessive_relations(self) -> tuple[RelationSpec, ...]:
        return tuple(r for r in self.relations.values() if r.possessive)

    @cached_property
    def event_relations(self) -> tuple[RelationSpec, ...]:
        return tuple(r for r in self.relations.values() if r.event_nouns)

    @cached_property
    def _nouns_of(self) -> dict[URIRef, frozenset[Words]]:
        return {cls: frozenset(w for w, c in self.class_triggers.items() if self.is_a(c, cls))
                for cls in self.classes}

    def class_nouns(self, cls: URIRef) -> frozenset[Words]:
        """The nouns that name members of a class or of its subclasses ("startup", "lab")."""
        return self._nouns_of.get(cls, frozenset())

    @cached_property
    def class_triggers(self) -> dict[Words, URIRef]:
        index: dict[Words, URIRef] = {}
        for spec in self.classes.values():
            for words in spec.triggers:
                index.setdefault(words, spec.iri)
        return index

    def ner_classes(self, labels: Iterable[str], *, explain: Callable[[str], str | None]) -> dict[str, URIRef]:
        """Which class each of a recognizer's labels feeds. Declared with ``ai:nerLabel``;
        an ontology that declares none gets kg's own for the classes it shares with kg (by
        IRI), and for its other classes the labels whose description (``explain``, such as
        ``spacy.explain``) or name names the class: ORG, "Companies, agencies,
        institutions", feeds ``ex:Company``."""
        declared = {label: spec.iri for spec in self.classes.values() for label in spec.ner_labels}
        if declared:
            return {label: declared[label] for label in labels if label in declared}
        kg_own = default_ontology()
        found = {label: spec.iri for spec in kg_own.classes.values() if spec.iri in self.classes
                 for label in spec.ner_labels if label in labels}
        for label in labels:
            if label not in found:
                cls = _class_named_by(label, explain(label) or "", [c for c in self.classes.values()
                                                                     if c.iri not in found.values()])
                if cls is not None:
                    found[label] = cls
        return found

    def class_of_label(self, label: str) -> URIRef | None:
        """The class that names of one of spaCy's entity labels are of ("PERSON", "ORG"), if
        any: what pronouns of people and descriptions of organizations refer to."""
        return self._label_classes.get(label)

    @cached_property
    def _label_classes(self) -> dict[str, URIRef]:
        from spacy import explain  # only extraction asks, and it has spaCy loaded

        return self.ner_classes(ONTONOTES_LABELS, explain=explain)

    @cached_property
    def pattern_class(self) -> URIRef | None:
        """The class whose names are built from stems and versions (``ai:namePrefix``), which
        names shaped like them ("Zephyr-7B") are taken to be of: the class with the most
        stems, if any class has some."""
        ranked = sorted(((len(c.name_prefixes), str(c.iri)) for c in self.classes.values() if c.name_prefixes),
                        reverse=True)
        return URIRef(ranked[0][1]) if ranked else None

    def verb_relations(self, words: Words) -> list[RelationSpec]:
        return self._by_verb.get(words, [])

    def noun_relations(self, words: Words) -> list[RelationSpec]:
        return self._by_noun.get(words, [])

    def preposition_relations(self, word: str) -> list[RelationSpec]:
        return self._by_preposition.get((word.lower(),), [])

    def verb_preposition_relations(self, word: str) -> list[RelationSpec]:
        """What a preposition hung on a verb states between the verb's subject and its own
        object, whatever the verb ("Tide-3 came out ahead on MMLU")."""
        return self._by_verb_preposition.get((word.lower(),), [])

    # -- loading -------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path | None = None) -> Ontology:
        """Read an ontology file (Turtle, RDF/XML, N-Triples, JSON-LD); kg's own by default."""
        source = Path(path) if path is not None else default_ontology_path()
        graph = _parse(source)
        return cls.from_graph(graph, source=str(source))

    @classmethod
    def from_graph(cls, graph: Graph, *, source: str = "<memory>") -> Ontology:
        classes = dict(_read_classes(graph))
        if not classes:
            raise OntologyError(f"{source}: declares no owl:Class")
        relations = dict(_read_relations(graph, classes, source))
        if not any(r.extractable for r in relations.values()):
            raise OntologyError(f"{source}: no relation has trigger words, so none can be extracted")
        return cls(classes=classes, relations=relations, source=source, graph=graph)


@lru_cache(maxsize=1)
def default_ontology() -> Ontology:
    """kg's own ontology, read once: it is immutable, and many steps consult it."""
    return Ontology.load()


def _index(relations: Iterable[RelationSpec], words_of) -> dict[Words, list[RelationSpec]]:
    index: dict[Words, list[RelationSpec]] = {}
    for relation in relations:
        for words in words_of(relation):
            index.setdefault(words, []).append(relation)
    return index


def data_dir() -> Path:
    """Where the shipped ontology and gazetteer are: in the wheel, or beside the sources."""
    packaged = resources.files("kg") / "_ontologies"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "ontologies"


def default_ontology_path() -> Path:
    return data_dir() / "kg.ttl"


def _parse(path: Path) -> Graph:
    if not path.exists():
        raise OntologyError(f"{path}: no such ontology file")
    if not path.is_file():
        raise OntologyError(f"{path}: not a file")
    try:
        data = read_rdf_bytes(path)
        graph = parse_rdf(data, format=guess_rdf_format(str(path), data))
    except OSError as exc:
        raise OntologyError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except Exception as exc:  # rdflib raises many unrelated types for bad syntax
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise OntologyError(f"{path}: cannot parse: {reason}") from None
    return graph


def _text(graph: Graph, subject, predicate) -> str | None:
    values = [str(o) for o in graph.objects(subject, predicate) if isinstance(o, Literal)]
    english = [str(o) for o in graph.objects(subject, predicate)
               if isinstance(o, Literal) and o.language in (None, "en")]
    pool = english or values
    return sorted(pool)[0] if pool else None


def singular(word: str) -> str:
    """A plural noun's singular, as English mostly makes it ("Labs", "Technologies")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _class_named_by(label: str, description: str, classes: list[ClassSpec]) -> URIRef | None:
    """The one class a recognizer's label names: by the start of the class's name ("ORG",
    Organization) or by a word its description shares with the class's name, label or
    trigger words ("Companies", Company). None when no class, or several alike, match."""
    said = {singular(w) for w in re.findall(r"[a-z]+", description.lower()) if len(w) > 2}
    scores: dict[URIRef, int] = {}
    for spec in classes:
        names = {spec.name.lower(), spec.label.lower()}
        words = {singular(w) for text in (spec.name, spec.label) for w in re.findall(r"[A-Z]?[a-z]+", text)}
        words = {w.lower() for w in words} | {singular(w) for words_ in spec.triggers for w in words_}
        score = 2 * any(n.startswith(label.lower()) for n in names if len(label) >= 3) + len(said & words)
        if score:
            scores[spec.iri] = score
    if not scores:
        return None
    best = max(scores.values())
    winners = [iri for iri, score in scores.items() if score == best]
    return winners[0] if len(winners) == 1 else None


def _literals(graph: Graph, subject, predicate) -> list[str]:
    return sorted(str(o) for o in graph.objects(subject, predicate) if isinstance(o, Literal))


def _read_classes(graph: Graph) -> Iterator[tuple[URIRef, ClassSpec]]:
    for iri in sorted(set(graph.subjects(RDF.type, OWL.Class)) | set(graph.subjects(RDF.type, RDFS.Class))):
        if not isinstance(iri, URIRef):
            continue
        name = local_name(iri)
        for predicate in (AI.classTrigger, AI.namePrefix, AI.nameSuffix):
            if any(not text.strip() for text in _literals(graph, iri, predicate)):
                raise OntologyError(f"{iri}: an empty {local_name(predicate)} (give the words, or leave it out)")
        yield iri, ClassSpec(
            iri=iri,
            name=name,
            label=_text(graph, iri, RDFS.label) or name,
            triggers=frozenset(trigger_words(t) for t in _literals(graph, iri, AI.classTrigger)),
            # longest first, so that "Code Llama" is tried before "Llama"
            name_prefixes=tuple(sorted(_literals(graph, iri, AI.namePrefix), key=lambda p: (-len(p), p))),
            name_suffixes=frozenset(_literals(graph, iri, AI.nameSuffix)),
            superclasses=frozenset(o for o in graph.objects(iri, RDFS.subClassOf) if isinstance(o, URIRef)),
            ner_labels=frozenset(label.strip() for label in _literals(graph, iri, AI.nerLabel)),
        )


def _class_set(graph: Graph, node, classes: dict, source: str, what: str) -> frozenset[URIRef]:
    if node is None:
        return frozenset()
    if isinstance(node, BNode):
        members = graph.value(node, OWL.unionOf)
        if members is None:
            raise OntologyError(f"{source}: {what} is a blank node without owl:unionOf")
        items = list(Collection(graph, members))
    else:
        items = [node]
    for item in items:
        if item not in classes:
            raise OntologyError(f"{source}: {what} names {item}, which is not a declared class")
    return frozenset(items)


def _read_relations(graph: Graph, classes: dict, source: str) -> Iterator[tuple[URIRef, RelationSpec]]:
    for iri in sorted(set(graph.subjects(RDF.type, OWL.ObjectProperty))):
        if not isinstance(iri, URIRef):
            continue
        name = local_name(iri)
        inverse = graph.value(iri, OWL.inverseOf)
        planned = graph.value(iri, AI.plannedRelation)
        if planned is not None and (planned, RDF.type, OWL.ObjectProperty) not in graph:
            raise OntologyError(f"{source}: planned relation of {name} is {planned}, which is not a declared relation")
        yield iri, RelationSpec(
            iri=iri,
            name=name,
            label=_text(graph, iri, RDFS.label) or name,
            domain=_class_set(graph, graph.value(iri, RDFS.domain), classes, source, f"domain of {name}"),
            range=_class_set(graph, graph.value(iri, RDFS.range), classes, source, f"range of {name}"),
            verb_triggers=_words(graph, iri, AI.verbTrigger),
            noun_triggers=_words(graph, iri, AI.nounTrigger),
            preposition_triggers=frozenset(" ".join(w) for w in _words(graph, iri, AI.prepositionTrigger)),
            verb_preposition_triggers=frozenset(" ".join(w) for w in _words(graph, iri, AI.verbPrepositionTrigger)),
            possessive=_flag(graph, iri, AI.possessiveTrigger),
            symmetric=(iri, RDF.type, OWL.SymmetricProperty) in graph,
            inverse=inverse if isinstance(inverse, URIRef) else None,
            event_nouns=_words(graph, iri, AI.eventNoun),
            event_holder_verbs=_words(graph, iri, AI.eventHolderVerb),
            event_participant_verbs=_words(graph, iri, AI.eventParticipantVerb),
            planned_relation=planned if isinstance(planned, URIRef) else None,
            requires_fact=_flag(graph, iri, AI.requiresFact),
            requires_current=_flag(graph, iri, AI.requiresCurrent),
            end_verbs=_words(graph, iri, AI.endVerbTrigger),
        )


def _flag(graph: Graph, subject, predicate) -> bool:
    value = graph.value(subject, predicate)
    return value is not None and isinstance(value, Literal) and value.toPython() is True


def _words(graph: Graph, subject, predicate) -> frozenset[Words]:
    words = frozenset(trigger_words(t) for t in _literals(graph, subject, predicate))
    if () in words:
        raise OntologyError(f"{subject}: an empty {local_name(predicate)} (give the words, or leave it out)")
    return words
