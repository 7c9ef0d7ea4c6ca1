"""Evaluation against gold annotations (JSON Lines: one entity or one relation a line).

The matching rules are those of the gold format: entities match by any of their labels,
ignoring case, spaces and punctuation; relations match by the predicate's local name, with
inverse and symmetric forms accepted; ``optional`` gold relations neither reward nor cost,
``negative`` ones are contradictions when extracted.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from .errors import GoldError
from .ontology import local_name

INVERSE_OF = {"hasMember": "memberOf", "releasedBy": "releases", "developedBy": "develops",
              "createdBy": "created", "foundedBy": "founded", "hasPart": "partOf", "employs": "worksFor"}
SYMMETRIC = frozenset({"partnersWith", "comparedWith", "competesWith"})
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


@dataclass(frozen=True)
class GoldEntity:
    name: str
    type: str
    aliases: tuple[str, ...] = ()


@dataclass
class Gold:
    entities: dict[str, GoldEntity] = field(default_factory=dict)
    relations: list[GoldRelation] = field(default_factory=list)

    @classmethod
    def load(cls, paths: Iterable[str | Path]) -> Gold:
        gold = cls()
        strongest: dict[tuple[str, str, str], GoldRelation] = {}
        rank = {"positive": 0, "optional": 1, "negative": 2}
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
                    if "entity" in record:
                        gold.entities[record["entity"]] = GoldEntity(
                            record["entity"], record["type"], tuple(record.get("aliases", [])))
                        continue
                    relation = GoldRelation(record["s"], record["p"], record["o"], record.get("kind", "positive"),
                                            tuple(record.get("alt_p", [])), tuple(record.get("alt_o", [])))
                except (ValueError, KeyError, TypeError) as exc:
                    raise GoldError(f"{path}, line {number}: not a gold entity or relation ({exc})") from None
                if relation.kind not in rank:
                    raise GoldError(f"{path}, line {number}: unknown kind {relation.kind!r}")
                key = (relation.s, relation.p, relation.o)
                # a fact annotated in several documents counts once, with its strongest kind
                if key not in strongest or rank[relation.kind] < rank[strongest[key].kind]:
                    strongest[key] = relation
        gold.relations = list(strongest.values())
        return gold


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

    def as_dict(self) -> dict:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.__dict__.items()}


def evaluate(graph: Graph, gold: Gold) -> Score:
    labels: dict = defaultdict(set)
    for s, p, o in graph:
        if p in _LABELS and isinstance(o, Literal):
            labels[s].add(normalize(str(o)))
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

    predicted: set[tuple] = set()
    for s, p, o in graph:
        if isinstance(o, Literal) or s not in labels or o not in labels or s == o or p == RDF.type:
            continue
        name = local_name(p)
        if name in _NOT_RELATIONS:
            continue
        if name in INVERSE_OF:
            s, name, o = o, INVERSE_OF[name], s
        if name in SYMMETRIC and str(o) < str(s):
            s, o = o, s
        predicted.add((s, name, o))

    def hits(rel: GoldRelation) -> set:
        subjects = nodes(rel.s)
        objects = set().union(*(nodes(o) for o in (rel.o, *rel.alt_o)))
        names = {rel.p, *rel.alt_p}
        return {t for t in predicted if t[1] in names and (
            (t[0] in subjects and t[2] in objects) or (t[1] in SYMMETRIC and t[2] in subjects and t[0] in objects))}

    true_hits, optional_hits = set(), set()
    contradictions, missed = [], []
    gold_positives = gold_found = 0
    for rel in gold.relations:
        found = hits(rel)
        text = f"{rel.s} {rel.p} {rel.o}"
        if rel.kind == "positive":
            gold_positives += 1
            if found:
                gold_found += 1
                true_hits |= found
            else:
                missed.append(text)
        elif rel.kind == "optional":
            optional_hits |= found
        elif found:
            contradictions.append(text)
    counted = predicted - (optional_hits - true_hits)
    false_positives = counted - true_hits
    precision = len(true_hits & counted) / len(counted) if counted else 0.0
    recall = gold_found / gold_positives if gold_positives else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    found_entities = typed = 0
    for name, entity in gold.entities.items():
        matches = nodes(name)
        if not matches:
            continue
        found_entities += 1
        if any(_has_class(graph, node, entity.type) for node in matches):
            typed += 1

    def show(t) -> str:
        return f"{sorted(labels[t[0]])[0]} {t[1]} {sorted(labels[t[2]])[0]}"

    return Score(precision=round(precision, 3), recall=round(recall, 3), f1=round(f1, 3),
                 predicted=len(counted), true_positives=len(true_hits & counted),
                 gold_positives=gold_positives, gold_found=gold_found,
                 contradictions=tuple(contradictions), missed=tuple(missed),
                 false_positives=tuple(sorted(show(t) for t in false_positives)),
                 entities_found=found_entities, entities_typed=typed, entities_total=len(gold.entities))


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
    sections: Sequence[tuple[str, tuple[str, ...]]] = [("contradicted", score.contradictions)]
    if verbose:
        sections = [*sections, ("missed", score.missed), ("false positives", score.false_positives)]
    for title, items in sections:
        if items:
            lines.append(f"{title}:")
            lines.extend(f"    {item}" for item in items)
    return "\n".join(lines) + "\n"
