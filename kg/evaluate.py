"""Evaluation against gold annotations (JSON Lines: one entity or one relation a line).

The matching rules are those of the gold format: entities match by any of their labels,
ignoring case, spaces and punctuation; relations match by the predicate's local name, with
inverse and symmetric forms accepted (as the ontology declares them: ``owl:inverseOf``,
``owl:SymmetricProperty``); ``optional`` gold relations neither reward nor cost, ``negative``
ones are contradictions when extracted.

Gold lines name the document they describe (``doc``); only the relations stated in those
documents are scored, so gold for one document gives that document's precision.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from .errors import GoldError
from .normalize import printable
from .ontology import Ontology, default_ontology, local_name
from .rdf.evidence import statements
from .rdf.vocab import AI

_LABELS = (RDFS.label, SKOS.prefLabel, SKOS.altLabel)


def normalize(text: str) -> str:
    text = text.replace("\u2019", "'").lower()
    text = re.sub(r"'s$", "", text)
    return re.sub(r"[^0-9a-z]+", "", text)


@dataclass(frozen=True)
class GoldRelation:
    s: str
    p: str
    o: str
    kind: str = "positive"
    alt_p: tuple[str, ...] = ()
    alt_o: tuple[str, ...] = ()
    doc: str | None = None


@dataclass(frozen=True)
class GoldEntity:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    doc: str | None = None


@dataclass
class Gold:
    entities: dict[str, GoldEntity] = field(default_factory=dict)
    relations: list[GoldRelation] = field(default_factory=list)
    #: the documents the gold describes (its lines' ``doc``); empty when no line names one
    documents: frozenset[str] = frozenset()

    @classmethod
    def load(cls, paths: Iterable[str | Path]) -> Gold:
        gold = cls()
        strongest: dict[tuple[str, str, str], GoldRelation] = {}
        rank = {"positive": 0, "optional": 1, "negative": 2}
        documents: set[str] = set()
        paths = list(paths)
        if not paths:
            raise GoldError("no gold files given")
        for path in paths:
            path = Path(path)
            if not path.is_file():
                raise GoldError(f"{path}: no such gold file")
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except UnicodeDecodeError:
                raise GoldError(f"{path}: not UTF-8 text") from None
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                    doc = record.get("doc")
                    if doc is not None:
                        documents.add(str(doc))
                    if "entity" in record:
                        gold.entities[record["entity"]] = GoldEntity(
                            record["entity"], record["type"], tuple(record.get("aliases", [])), doc)
                        continue
                    relation = GoldRelation(record["s"], record["p"], record["o"], record.get("kind", "positive"),
                                            tuple(record.get("alt_p", [])), tuple(record.get("alt_o", [])), doc)
                except (ValueError, KeyError, TypeError, AttributeError) as exc:
                    raise GoldError(f"{path}, line {number}: not a gold entity or relation ({exc})") from None
                if relation.kind not in rank:
                    raise GoldError(f"{path}, line {number}: unknown kind {relation.kind!r}")
                key = (relation.s, relation.p, relation.o)
                # a fact annotated in several documents counts once, with its strongest kind
                if key not in strongest or rank[relation.kind] < rank[strongest[key].kind]:
                    strongest[key] = relation
        gold.relations = list(strongest.values())
        gold.documents = frozenset(documents)
        if not gold.relations and not gold.entities:
            raise GoldError(f"{', '.join(map(str, paths))}: no gold entities or relations")
        return gold


@dataclass(frozen=True)
class RelationScore:
    """The score of one relation (by the gold's name for it)."""

    relation: str
    precision: float
    recall: float
    f1: float
    predicted: int
    true_positives: int
    gold_positives: int
    gold_found: int


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float
    predicted: int
    true_positives: int
    gold_positives: int
    gold_found: int
    contradictions: tuple[str, ...]
    missed: tuple[str, ...]
    false_positives: tuple[str, ...]
    entities_found: int
    entities_typed: int
    entities_total: int
    relations: tuple[RelationScore, ...] = ()
    documents: tuple[str, ...] = ()  # the graph's documents that were scored (all when empty)

    def as_dict(self) -> dict:
        out = {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.__dict__.items()}
        out["relations"] = {r.relation: {k: v for k, v in r.__dict__.items() if k != "relation"}
                            for r in self.relations}
        return out


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


class _Directions:
    """Relation names in one direction: an inverse ("releasedBy") is read as the relation it
    inverts, a symmetric relation's ends in a fixed order. Read from the ontology."""

    def __init__(self, ontology: Ontology) -> None:
        self.flip: dict[str, str] = {}
        self.symmetric = frozenset(spec.name for spec in ontology.relations.values() if spec.symmetric)
        for spec in ontology.relations.values():
            if spec.inverse is None:
                continue
            # either one may stand for the pair: the alphabetically first, so both agree
            first, second = sorted((spec.name, local_name(spec.inverse)))
            self.flip[second] = first

    def canonical(self, s, name: str, o) -> tuple:
        if name in self.flip:
            s, name, o = o, self.flip[name], s
        if name in self.symmetric and str(o) < str(s):
            s, o = o, s
        return s, name, o


def _document_nodes(graph: Graph, wanted: frozenset[str]) -> tuple[set, set[str]]:
    """The graph's document nodes that gold document names denote (by id, or the file name of
    the source; sections of a split document count as the document), and the names not found."""
    found, named = set(), set()
    for node in set(graph.subjects(RDF.type, AI.Document)):
        names = set()
        for value in (graph.value(node, DCTERMS.identifier), graph.value(node, DCTERMS.source)):
            if value is not None:
                text = str(value)
                names |= {text, text.split("#", 1)[0], text.replace("\\", "/").rsplit("/", 1)[-1]}
        hit = names & wanted
        if hit:
            found.add(node)
            named |= hit
    return found, set(wanted) - named


@dataclass
class _Matching:
    """A graph's relations matched to gold relations."""

    predicted: dict[tuple, tuple]  # canonical triple -> the triple as the graph states it (s, name, o)
    canonical: dict[tuple, tuple]  # (s, p, o) of the graph -> canonical triple
    true_hits: set
    optional_hits: set
    contradictions: list[str]
    missed: list[str]
    gold_positives: int
    gold_found: int
    per_gold: dict[str, list[int]]
    name_of: dict[str, str]
    shown: dict
    nodes: object  # name -> the graph's nodes of that gold entity
    scored_documents: tuple[str, ...]


def triple_labels(graph: Graph, gold: Gold, *, ontology: Ontology | None = None) -> dict[tuple, bool | None]:
    """Each relation triple of the graph that the gold scores: ``True`` if right, ``False``
    if wrong, ``None`` if the gold counts it neither way (an ``optional`` relation)."""
    m = _match(graph, gold, ontology or default_ontology())
    labels: dict[tuple, bool | None] = {}
    for triple, canonical in m.canonical.items():
        if canonical in m.true_hits:
            labels[triple] = True
        elif canonical in m.optional_hits:
            labels[triple] = None
        else:
            labels[triple] = False
    return labels


def reliability_pairs(graph: Graph, gold: Gold, *, ontology: Ontology | None = None) -> list[tuple[float, bool]]:
    """(confidence, right) for each sentence that states a relation the gold scores."""
    labels = triple_labels(graph, gold, ontology=ontology)
    return [(s.confidence, labels[s.triple]) for s in statements(graph)
            if labels.get(s.triple) is not None]


def evaluate(graph: Graph, gold: Gold, *, ontology: Ontology | None = None) -> Score:
    """Score a graph's relations and entities against gold. Where the gold names its documents
    and the graph records where each relation was stated (kg's evidence), only the relations
    stated in those documents count."""
    m = _match(graph, gold, ontology or default_ontology())
    predicted, true_hits, optional_hits, name_of, shown = m.predicted, m.true_hits, m.optional_hits, m.name_of, m.shown
    counted = set(predicted) - (optional_hits - true_hits)
    false_positives = counted - true_hits
    precision = len(true_hits & counted) / len(counted) if counted else 0.0
    recall = m.gold_found / m.gold_positives if m.gold_positives else 0.0

    per_predicted: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # name -> [predicted, right]
    for triple in counted:
        name = name_of.get(triple[1], predicted[triple][1])
        per_predicted[name][0] += 1
        per_predicted[name][1] += triple in true_hits
    relation_scores = []
    for name in sorted(set(m.per_gold) | set(per_predicted)):
        (positives, found_count), (guessed, right) = m.per_gold.get(name, [0, 0]), per_predicted.get(name, [0, 0])
        p_ = right / guessed if guessed else 0.0
        r_ = found_count / positives if positives else 0.0
        relation_scores.append(RelationScore(name, round(p_, 3), round(r_, 3), round(_f1(p_, r_), 3),
                                             guessed, right, positives, found_count))

    found_entities = typed = 0
    for name, entity in gold.entities.items():
        matches = m.nodes(name)
        if not matches:
            continue
        found_entities += 1
        if any(_has_class(graph, node, entity.type) for node in matches):
            typed += 1

    def show(t) -> str:
        s, name, o = predicted[t]
        return printable(f"{shown.get(s, local_name(s))} {name} {shown.get(o, local_name(o))}")

    return Score(precision=round(precision, 3), recall=round(recall, 3), f1=round(_f1(precision, recall), 3),
                 predicted=len(counted), true_positives=len(true_hits & counted),
                 gold_positives=m.gold_positives, gold_found=m.gold_found,
                 contradictions=tuple(printable(c) for c in m.contradictions),
                 missed=tuple(printable(x) for x in m.missed),
                 false_positives=tuple(sorted(show(t) for t in false_positives)),
                 entities_found=found_entities, entities_typed=typed, entities_total=len(gold.entities),
                 relations=tuple(relation_scores), documents=m.scored_documents)


def _match(graph: Graph, gold: Gold, ontology: Ontology) -> _Matching:
    directions = _Directions(ontology)
    labels: dict = defaultdict(set)
    shown: dict = {}
    for s, p, o in graph:
        if p in _LABELS and isinstance(o, Literal):
            labels[s].add(normalize(str(o)))
            if p == RDFS.label:
                shown[s] = min(shown.get(s, str(o)), str(o))
    for node in list(labels):
        if isinstance(node, URIRef):
            labels[node].add(normalize(local_name(node).replace("-", " ").replace("_", " ")))
    by_label: dict[str, set] = defaultdict(set)
    for node, names in labels.items():
        for name in names:
            by_label[name].add(node)

    def nodes(name: str) -> set:
        entity = gold.entities.get(name)
        keys = {normalize(name)} | {normalize(a) for a in (entity.aliases if entity else ())}
        return set().union(*(by_label.get(k, set()) for k in keys))

    scope = None  # the (s, p, o) triples stated in the gold's documents
    scored_documents: tuple[str, ...] = ()
    if gold.documents and any(graph.subjects(RDF.type, AI.Evidence)):
        documents, unknown = _document_nodes(graph, gold.documents)
        if unknown:
            raise GoldError(f"the gold describes documents that are not in the graph: {', '.join(sorted(unknown))}")
        scope = {s.triple for s in statements(graph) if s.document in documents}
        scored_documents = tuple(sorted(str(graph.value(d, DCTERMS.identifier) or d) for d in documents))

    predicted: dict[tuple, tuple] = {}  # canonical triple -> a triple as the graph states it
    canonical: dict[tuple, tuple] = {}
    for s, p, o in graph:
        if isinstance(o, Literal) or s not in labels or o not in labels or s == o or p == RDF.type:
            continue
        name = local_name(p)
        if name in _NOT_RELATIONS or (scope is not None and (s, p, o) not in scope):
            continue
        canonical[(s, p, o)] = directions.canonical(s, name, o)
        predicted.setdefault(canonical[(s, p, o)], (s, name, o))

    def hits(rel: GoldRelation) -> set:
        subjects = nodes(rel.s)
        objects = set().union(*(nodes(o) for o in (rel.o, *rel.alt_o)))
        found = set()
        for name in (rel.p, *rel.alt_p):
            wanted = {directions.canonical(s, name, o) for s in subjects for o in objects}
            found |= wanted & predicted.keys()
        return found

    true_hits, optional_hits = set(), set()
    contradictions, missed = [], []
    gold_positives = gold_found = 0
    per_gold: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # name -> [positives, found]
    name_of: dict[str, str] = {}  # canonical relation name -> the gold's name for it
    for rel in gold.relations:
        found = hits(rel)
        name_of.setdefault(directions.canonical("", rel.p, "")[1], rel.p)
        text = f"{rel.s} {rel.p} {rel.o}"
        if rel.kind == "positive":
            gold_positives += 1
            per_gold[rel.p][0] += 1
            if found:
                gold_found += 1
                per_gold[rel.p][1] += 1
                true_hits |= found
            else:
                missed.append(text)
        elif rel.kind == "optional":
            optional_hits |= found
        elif found:
            contradictions.append(text)
    return _Matching(predicted=predicted, canonical=canonical, true_hits=true_hits, optional_hits=optional_hits,
                     contradictions=contradictions, missed=missed, gold_positives=gold_positives,
                     gold_found=gold_found, per_gold=per_gold, name_of=name_of, shown=shown, nodes=nodes,
                     scored_documents=scored_documents)


_NOT_RELATIONS = frozenset({
    "label", "prefLabel", "altLabel", "comment", "sameAs", "seeAlso", "subClassOf", "domain", "range",
    "wasDerivedFrom", "subject", "predicate", "object", "inverseOf", "mentionedIn", "identifier",
    "source", "title", "first", "rest", "value",
})


def _has_class(graph: Graph, node, wanted: str) -> bool:
    todo = list(graph.objects(node, RDF.type))
    seen = set()
    while todo:
        cls = todo.pop()
        if local_name(cls) == wanted:
            return True
        if cls in seen:
            continue
        seen.add(cls)
        todo.extend(graph.objects(cls, RDFS.subClassOf))
    return False


def format_score(score: Score, *, verbose: bool = False) -> str:
    lines = [
        f"precision  {score.precision:.3f}  ({score.true_positives} of {score.predicted} predicted relations are right)",
        f"recall     {score.recall:.3f}  ({score.gold_found} of {score.gold_positives} gold relations found)",
        f"f1         {score.f1:.3f}",
        f"contradictions {len(score.contradictions)}",
        f"entities   {score.entities_found}/{score.entities_total} found, {score.entities_typed}/{score.entities_total} typed right",
    ]
    if score.documents:
        lines.append(f"documents  {len(score.documents)} scored: {printable(', '.join(score.documents))}")
    if score.relations:
        width = max(len(r.relation) for r in score.relations)
        lines.append(f"by relation{' ' * max(1, width - 9)}precision  recall  f1     predicted  gold")
        lines.extend(f"    {r.relation:{width}}  {r.precision:.3f}      {r.recall:.3f}   {r.f1:.3f}  "
                     f"{r.predicted:9}  {r.gold_positives:4}" for r in score.relations)
    sections: Sequence[tuple[str, tuple[str, ...]]] = [("contradicted", score.contradictions)]
    if verbose:
        sections = [*sections, ("missed", score.missed), ("false positives", score.false_positives)]
    for title, items in sections:
        if items:
            lines.append(f"{title}:")
            lines.extend(f"    {item}" for item in items)
    return "\n".join(lines) + "\n"


def format_reliability(bins) -> str:
    """A reliability table (``kg.extract.scoring.reliability``) as text."""
    lines = ["reliability (each sentence that states a scored relation):",
             "    confidence  relations  mean confidence  right"]
    lines += [f"    {b.low:.1f}-{b.high:.1f}     {b.count:9}  {b.mean_confidence:15.3f}  {b.right:.3f}"
              for b in bins if b.count]
    return "\n".join(lines) + "\n"
