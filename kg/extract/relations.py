"""Relation mentions: which sentence states which relation between which two mentions.

A relation is stated by a trigger the ontology names (a verb, a noun, a preposition, or a
possessive) together with two mentions the dependency parse attaches to it: the subject
side ("Meta" of "Meta released ...") and the object side ("Llama 2"). A candidate becomes a
relation only if the classes of the two mentions fit the relation's domain and range and the
sentence does not deny it. Rejected candidates are kept, with the reason, for debugging.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import chain

from rdflib import URIRef
from spacy.tokens import Doc, Span, Token

from ..names import name_key
from ..ontology import Ontology, RelationSpec, Words
from ..records import (
    AFFILIATION,
    REFERENCE,
    Mention,
    RelationMention,
)
from .arguments import ArgumentResolver
from .events import EventReader, participle_of_event
from .lexicon import (
    DISTRIBUTIVE_WORDS,
    OWNER_PRONOUNS,
    PASSIVE_AGENT,
    RELATIVE_PRONOUNS,
    REPORTING_VERBS,
    TITLE_ABBREVIATIONS,
)
from .modality import Mood, mood
from .parse import (
    adjectival_passive,
    fused_participle,
    modifier_gerund,
    pobjs,
    possessor,
    quantity,
    tagged_noun_verb,
)
from .scoring import relation_features
from .words import token_table, verb_words

#: how much each construction is trusted to state a relation, before the mentions' own trust
RULE_CONFIDENCE = {
    "verb": 0.9, "verb-participle": 0.8, "verb-inherited": 0.75, "verb-object": 0.7,
    "noun": 0.85, "noun-copula": 0.8, "noun-inherited": 0.75, "noun-joint": 0.75,
    "preposition": 0.65, "possessive": 0.7, "compound": 0.6, "comma-place": 0.6, "place-modifier": 0.6,
    "path": 0.55,
    "event-participant": 0.8, "event-participant-elided": 0.65,
}
PLANNED_FACTOR = 0.8
REVERSED_FACTOR = 0.9

# What a name set off by a comma after another states: "Aiken, S.C.", "a Boise, Idaho, firm",
# "Lyon, France" read as "Aiken in S.C.": the ontology's relations for this preposition, whose
# domain and range then say which (a place in a place, a firm in a city).
COMMA_PREPOSITION = "in"
# What a place before a noun for a person states: "a Boston lawyer", "U.S. Ambassador Ann
# Lee" read as "a lawyer from Boston".
ORIGIN_PREPOSITION = "from"


NEGATION = "negated"
DOMAIN_RANGE = "domain/range"
PLANNED = "planned, not done"
FORMER = "former, not current"
ENDED = "ended in the sentence"


def find_relations(doc: Doc, mentions: Sequence[Mention], *, ontology: Ontology) -> list[RelationMention]:
    """Every candidate relation in the document, accepted ones and rejected ones."""
    finder = CandidateFinder(doc, mentions, ontology)
    events = EventReader(finder.arguments, ontology)
    found: dict[tuple, RelationMention] = {}
    boilerplate = token_table(doc).boilerplate(doc)
    for sent in doc.sents:
        if sent.start in boilerplate:
            continue
        for candidate in chain(finder.sentence(sent), finder.events(events, sent)):
            slot = (sent.start, candidate.key, candidate.rejected)
            if slot not in found or candidate.confidence > found[slot].confidence:
                found[slot] = candidate
    # "Ann Lee, Acme's chief executive, will leave the company": what the sentence ends, it
    # does not state, whichever way it also names it
    ended = [(s, k) for (s, k, r) in found if r == ENDED]
    for (s, k, r), c in list(found.items()):
        if r is None and any(s == es and _same_or_short(k, ek) for es, ek in ended):
            del found[(s, k, r)]
    accepted_keys = {(s, k) for (s, k, r) in found if r is None}
    # a candidate rejected in a sentence that also states it another way is noise, not news
    return [c for (s, k, r), c in found.items() if r is None or (s, k) not in accepted_keys]


COMMA_PLACE_RULE = "comma-place"
PATH_RULE = "path"
#: the most words a dependency path between two names may pass through to state a relation
MAX_PATH_WORDS = 4
PLACE_MODIFIER_RULE = "place-modifier"

#: the parts of speech a trigger word can have
_TRIGGER_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN", "ADJ"})


def qualify_places(doc: Doc, mentions: Sequence[Mention],
                   relations: Sequence[RelationMention]) -> list[Mention]:
    """The mentions, those read as in a larger thing of their own kind after a comma ("Tupelo,
    Miss.", "Lyon, France") with that whole as their qualified name."""
    whole = {r.subject.start: doc.text[r.subject.start_char:r.object.end_char] for r in relations
             if r.rejected is None and r.construction == COMMA_PLACE_RULE and r.subject.cls == r.object.cls}
    return [replace(m, qualified=whole[m.start]) if m.start in whole and m.source != REFERENCE else m
            for m in mentions]


class CandidateFinder:
    """The candidate relations of one document, sentence by sentence, accepted or rejected.

    The general reading is the dependency path between every two names of a sentence
    (``paths``): a trigger on it states its relations where the two classes fit one way, and
    the path's words give negation, plan and time. The other readings are its named
    exceptions, each for what a path cannot read:

    - ``verb``, ``noun``, ``preposition``: a trigger's arguments that stand for names without
      being names ("the company", "which", a list, "researchers at Acme"), and a direction
      when both classes fit both ways ("Acme acquired Nimbus");
    - ``possessive``, ``compound``: no word lies between the names ("Acme's Zen-2", "Google
      Gemini");
    - ``comma-place``: a comma is no word of the parse ("Lyon, France");
    - ``place-modifier``: the path runs through the noun of another name ("Orchid AI, a San
      Diego company");
    - ``verb-end``: a relation the sentence ends ("left Acme");
    - events (``events``): holders and participants told over several sentences.

    Which mentions a word stands for is the ``ArgumentResolver``'s to say.
    """

    def __init__(self, doc: Doc, mentions: Sequence[Mention], ontology: Ontology) -> None:
        self.doc = doc
        self.ontology = ontology
        self.arguments = ArgumentResolver(doc, mentions, ontology)
        self.by_token = self.arguments.by_token
        self.lists = self.arguments.lists
        self.organization = self.arguments.organization
        self.place = ontology.class_of_label("GPE")
        person = ontology.class_of_label("PERSON")
        self.people_classes = frozenset(c for c in ontology.classes if person is not None and ontology.is_a(c, person))
        self.mentions = list(mentions)
        self.table = token_table(doc)
        self.headlines = {self.table.sent_start[i] for i in self.table.headline_tokens(doc)}
        self._moods: dict[int, Mood] = {}
        # each sentence's mentions, in order: a sentence's rules read its own, not the document's
        self.in_sentence: dict[int, list[Mention]] = {}
        for m in self.mentions:
            self.in_sentence.setdefault(self.table.sent_start[m.start], []).append(m)

    # -- candidates ----------------------------------------------------------------------
    def sentence(self, sent: Span) -> Iterator[RelationMention]:
        table, doc = self.table, self.doc
        for i in range(sent.start, sent.end):
            pos = table.pos[i]
            if i in self.by_token or (pos not in _TRIGGER_POS and table.dep[i] != "prep"):
                continue
            token = doc[i]
            # the forms of a word (verb_words, noun_words) are made only where one can match
            if ((pos in ("VERB", "AUX") or tagged_noun_verb(token)) and self._may_be_verb_trigger(i)
                    or adjectival_passive(token) or modifier_gerund(token) or fused_participle(token)) \
                    and not participle_of_event(token, self.ontology):
                ended = self._relations(verb_words(token), self.ontology.ending_relations)
                if ended:
                    subjects, objects, _ = self.arguments.verb_arguments(token)
                    yield from self._ended(ended, subjects, objects, token, sent)
                relations = self._relations(verb_words(token), self.ontology.verb_relations)
                if relations:
                    subjects, objects, rule = self.arguments.verb_arguments(token, relations)
                    # "OpenAI evaluated GPT-4 on MMLU": the direct object and a prepositional one,
                    # for the relations the subject is no end of ("hired Ann Lee from Acme": the
                    # subject employs her; Acme is where she was)
                    direct, oblique = self.arguments.object_pairs(token)
                    fits = self.ontology.fits
                    between = [r for r in relations if not any(fits(r, s.cls, d.cls) or fits(r, d.cls, s.cls)
                                                               for s in subjects for d in direct)]
                    # "built Tide-3 on Llama 3", "bought Kelp from Dune": beside a named direct
                    # object, what a preposition adds is the object's, no other object of the
                    # subject's
                    paired = {o.start for o in oblique} - {d.start for d in direct} if direct else set()
                    yield from self._pairs(relations, subjects, [o for o in objects if o.start not in paired],
                                           rule, token, sent)
                    yield from self._pairs(between, direct, oblique, "verb-object", token, sent,
                                           reversible=False)
                    if any(r.symmetric for r in relations):
                        # "Zen-2 beat Orca-7 on MMLU": what is said of one side of a
                        # comparison is said of the other
                        yield from self._pairs(relations, subjects, oblique, "verb-object", token, sent,
                                               reversible=False)
            if pos in ("NOUN", "PROPN", "ADJ", "VERB") and self._may_be_noun_trigger(i):
                relations = self._relations(table.noun_forms(i), self.ontology.noun_relations)
                if relations:
                    subjects, objects, rule = self.arguments.noun_arguments(token)
                    yield from self._pairs(relations, subjects, objects, rule, token, sent)
                    if not objects and all(r.symmetric for r in relations):
                        yield from self._joint(relations, token, sent)
            if table.dep[i] == "prep":
                relations = self.ontology.preposition_relations(table.lower[i])
                if not relations:
                    continue
                head = self.by_token.get(token.head.i)
                # "Ann Lee, an economist at Acme": the noun the preposition hangs off stands
                # for the name it is in apposition with; a noun that is a trigger itself
                # ("a co-founder of Acme") takes the preposition as its own argument
                heads = [head] if head is not None else (
                    self.arguments.entities(token.head) if table.dep[token.head.i] in ("appos", "conj")
                    and not self.arguments.relational(token.head) else [])
                if heads:
                    objects = [m for p in pobjs(token) for m in self.arguments.entities(p)]
                    following = self.by_token.get(i + 1)
                    if following is not None and following.start == i + 1 and following not in objects:
                        # "Ann de Vries of ServiceNow and Tom Reed of ...": the name right after
                        # the preposition is its object, wherever the parser hung it
                        objects.insert(0, following)
                    yield from self._pairs(relations, heads, objects, "preposition", token, sent,
                                           reversible=False)
        yield from self._possessives(sent)
        yield from self._comma_places(sent)
        yield from self._place_modifiers(sent)
        yield from self._paths(sent)

    def _ended(self, relations: Sequence[RelationSpec], subjects: Sequence[Mention], objects: Sequence[Mention],
               verb: Token, sent: Span) -> Iterator[RelationMention]:
        """The relations a verb ends ("Ann Lee left Acme"), as candidates that hold no more;
        a negated ending ("did not leave") ends nothing."""
        if self._mood(verb).negated:
            return
        for relation in relations:
            for s in subjects:
                for o in objects:
                    if name_key(s.name) != name_key(o.name) and self.ontology.fits(relation, s.cls, o.cls):
                        yield self._candidate((s, o), relation, "verb-end", RULE_CONFIDENCE["verb"], verb, sent, ENDED)

    def _comma_places(self, sent: Span) -> Iterator[RelationMention]:
        """ "Bethany, Conn.", "Acme, a Boise, Idaho, firm": a name, a comma and a name right
        after, not a list ("Paris, London and Berlin", "Meta, Google, Amazon")."""
        relations = self.ontology.preposition_relations(COMMA_PREPOSITION)
        if not relations:
            return
        doc = self.doc
        for first in self.in_sentence.get(sent.start, ()):
            if not first.end + 1 < sent.end or doc[first.end].text != ",":
                continue
            second = self.by_token.get(first.end + 1)
            if second is None or second.start != first.end + 1 or second is first:
                continue
            members = self.lists.get(first.start)
            if members is not None and second in members:
                continue  # one list (read from its commas and "and"), not a place in a place
            yield from self._pairs(relations, [first], [second], COMMA_PLACE_RULE, doc[first.end], sent,
                                   reversible=False)

    def _paths(self, sent: Span) -> Iterator[RelationMention]:
        """Every pair of names in the sentence, read off the dependency path between them:
        a trigger on the path (a verb, a noun, a preposition) states its relations between
        the two, where their classes fit it one way only (or it is symmetric). What the
        constructions above read, this reads again with less trust; what they miss ("Kelp AI
        signed a partnership with Dune Robotics"), it reads."""
        names = self.in_sentence.get(sent.start, ())
        if len(names) < 2 or sent.start in self.headlines:
            return  # a headline's grammar is too thin to read paths in
        table, doc, onto = self.table, self.doc, self.ontology
        roots = {id(m): table.root(m.start, m.end) for m in names}
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                if a.end > b.start or not onto.may_relate(a.cls, b.cls) or name_key(a.name) == name_key(b.name) \
                        or b in self.lists.get(a.start, ()):
                    continue
                stand = self._stand_in(a, b, roots)
                end = roots[id(b)] if stand is b else table.root(stand.start, stand.end)
                path = [t for t in table.path_between(roots[id(a)], end)
                        if not any(m.start <= t < m.end for m in (a, b, stand))]
                # "scores 69% on MMLU and 8.38 on MT-bench": a sum coordinated with one on the
                # path stands where that one does: it lengthens the path by nothing, and what
                # the first sum is on is no other argument of the path's
                coordinated = {t for t in path if table.dep[t] == "conj" and table.head[t] in path
                               and quantity(doc[t]) and quantity(doc[table.head[t]])}
                counted = [t for t in path if t not in coordinated]
                shared = {table.head[t] for t in coordinated}
                if not 0 < len(counted) <= MAX_PATH_WORDS or self._crosses_speech(path, roots[id(a)], end):
                    continue  # "Ann Lee said the lab hired ...": what is said is not the speaker's
                if not any(self._may_trigger(t) for t in path):
                    continue
                if any(t in self.by_token for t in path) or any(
                        self._argues_for_another(doc[t], a, stand) for t in counted if t not in shared):
                    # "based in Austin, Texas": the nearer name is meant; "Meta invested in
                    # Scale AI and hired Ann Lee": both are Meta's, not each other's
                    continue
                # the path's time and mood are those of every word on it: "who led the unit at
                # Acme" is past, "ran on X, not Y" denies Y
                moods = [self._mood(doc[t]) for t in path]
                negated = any(m.negated for m in moods) or any(
                    c.dep_ == "neg" for m in (a, b) for c in doc[roots[id(m)]].children)
                mood = Mood(negated, any(m.planned for m in moods), any(m.former for m in moods),
                            any(m.capable for m in moods), negated and any(m.pending for m in moods))
                ends = {roots[id(a)], end, table.head[roots[id(a)]], table.head[end]}
                for t in path:
                    token = doc[t]
                    if any(c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i not in ends for c in token.children):
                        continue  # "employs 25 people": the verb's object is another ("the Tide models" is Tide)
                    if table.pos[t] != "VERB" and any(
                            table.head[u] == t and table.dep[u] in ("acl", "relcl") for u in path):
                        continue  # "a collaboration led by Acme": the clause says how Acme relates, not the noun
                    relations = self._relations_at(token)
                    for relation in relations:
                        forward = onto.fits(relation, a.cls, b.cls)
                        backward = onto.fits(relation, b.cls, a.cls)
                        if relation.symmetric or forward != backward:
                            pair = ([a], [b]) if forward else ([b], [a])
                            yield from self._pairs(relations, *pair, PATH_RULE, token, sent, reversible=False,
                                                   mood=mood, only=relation)

    def _joint(self, relations: Sequence[RelationSpec], noun: Token, sent: Span) -> Iterator[RelationMention]:
        """ "Kelp and Dune announced a partnership", "Kelp and Dune are rivals": a noun of a
        symmetric relation with no other end, which the names of one list do or are together,
        relates them to each other (not where each does its own: "each signed partnerships")."""
        head = noun.head
        done = noun.dep_ == "dobj" and noun.tag_ == "NN" and head.pos_ == "VERB"  # "announced a partnership"
        are = noun.dep_ == "attr" and head.lemma_ == "be"  # "are rivals"
        if not (done or are):
            return
        if any(t.lower_ in DISTRIBUTIVE_WORDS for t in head.subtree if t.i < noun.i):
            return
        members = self.arguments.resolve([c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")])
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if b in self.lists.get(a.start, ()):
                    yield from self._pairs(relations, [a], [b], "noun-joint", noun, sent, reversible=False,
                                           within_list=True)

    def _stand_in(self, a: Mention, b: Mention, roots: dict[int, int]) -> Mention:
        """Where the path to a name ends: at the name, or, for a later member of a list, at its
        first member. "ahead on benchmarks including MMLU and HumanEval" says of HumanEval what
        it says of MMLU, where the path comes down to the list from above; a clause on its
        first member ("Meta, which acquired Kelp, and Acme") is that member's alone."""
        members = self.lists.get(b.start, ())
        if not members or members[0].start == b.start or a in members:
            return b
        first = members[0]
        first_root = self.table.root(first.start, first.end)
        return first if self.table.head[first_root] in self.table.path_between(roots[id(a)], first_root) else b

    def _crosses_speech(self, path: list[int], a: int, b: int) -> bool:
        """Whether a path joins what is said to who says it, or to what lies outside it: it
        climbs through a reported clause or a verb of saying, or it meets at one through the
        verb's subject. Two names inside what is said, however the parser split it between
        the verb's complements ("say Tide-3 scores 69% on MMLU"), are read."""
        table = self.table
        on_path = {*path, a, b}
        top = next((t for t in path if table.head[t] not in on_path or table.head[t] == t), None)
        for t in path:
            speech = table.dep[t] in ("ccomp", "parataxis") or table.lemma[t].lower() in REPORTING_VERBS
            if speech and t != top:
                return True
            if t == top and table.lemma[t].lower() in REPORTING_VERBS and any(
                    table.head[u] == t and table.dep[u] in ("nsubj", "nsubjpass", "ccomp") for u in on_path):
                return True
        return False

    def _argues_for_another(self, token: Token, a: Mention, b: Mention) -> bool:
        """Whether a word takes a name other than these two as its subject, object or owner
        ("Scale AI, whose founder Ann Lee ...": the noun is Scale AI's). A verb of saying
        joining two parts of what is said takes its speaker as its subject, no argument."""
        if token.lemma_.lower() in REPORTING_VERBS:
            return False
        for child in token.children:
            dep = child.dep_
            if dep in ("nsubj", "nsubjpass") and child.i not in self.by_token and child.lower_ not in RELATIVE_PRONOUNS \
                    and not any(m.start <= child.i < m.end for m in (a, b)):
                return True  # "the film in which he joins Acme": the clause is someone else's
            found = [self.by_token.get(child.i)] if dep in ("nsubj", "nsubjpass", "dobj", "poss", "agent") else []
            if dep == "prep":
                found = [self.by_token.get(p.i) for p in pobjs(child)]
            if dep == "poss" and child.lower_ in OWNER_PRONOUNS:
                return True  # an owner of its own, named elsewhere
            if any(m is not None and m is not a and m is not b for m in found):
                return True
        return False

    def _may_trigger(self, i: int) -> bool:
        """Whether a word can be a trigger at all, judged on its lemma before its forms are made."""
        if self.table.dep[i] == "prep":
            lower = self.table.lower[i]
            return bool(self.ontology.preposition_relations(lower) or self.ontology.verb_preposition_relations(lower))
        return self._may_be_verb_trigger(i) or self._may_be_noun_trigger(i)

    def _may_be_verb_trigger(self, i: int) -> bool:
        lemma, lower, words = self.table.lemma[i].lower(), self.table.lower[i], self.ontology.verb_trigger_words
        return lemma in words or lower in words or "-" in lemma  # "co-found", "open-source"

    def _may_be_noun_trigger(self, i: int) -> bool:
        lemma, lower, ends = self.table.lemma[i].lower(), self.table.lower[i], self.ontology.noun_trigger_ends
        return lemma in ends or lower in ends or TITLE_ABBREVIATIONS.get(lower) in ends

    def _relations_at(self, token: Token) -> list[RelationSpec]:
        """The relations a word signals, as a verb, a noun or a preposition."""
        table, i = self.table, token.i
        found: list[RelationSpec] = []
        pos = table.pos[i]
        if pos in ("VERB", "AUX"):
            found += self._relations(verb_words(token), self.ontology.verb_relations)
        if pos in ("NOUN", "PROPN", "ADJ", "VERB"):
            found += self._relations(table.noun_forms(i), self.ontology.noun_relations)
        if table.dep[i] == "prep" and table.pos[table.head[i]] not in ("VERB", "AUX") \
                and not self.arguments.relational(token.head):
            # "Ann Lee of Acme" links the two; "overheard it at an Acme event" says where; "a
            # co-founder of Acme" is the noun's to read
            found += self.ontology.preposition_relations(table.lower[i])
        elif table.dep[i] == "prep" and table.pos[table.head[i]] in ("VERB", "AUX"):
            # unless the ontology says the preposition states it on any verb ("came out ahead
            # on MMLU": "on" a benchmark is where a model is measured)
            found += self.ontology.verb_preposition_relations(table.lower[i])
        return found

    def _place_modifiers(self, sent: Span) -> Iterator[RelationMention]:
        """ "Orchid AI, a San Diego company", "the Abu Dhabi lab": a name modifying a noun that
        stands for a name reads as "a company in San Diego", as a comma does; before a noun
        for a person ("a Boston lawyer", "U.S. Ambassador Ann Lee") as "a lawyer from Boston"."""
        relations = self.ontology.preposition_relations(COMMA_PREPOSITION)
        origins = self.ontology.preposition_relations(ORIGIN_PREPOSITION)
        if not relations and not origins:
            return
        doc = self.doc
        for modifier in self.in_sentence.get(sent.start, ()):
            root = doc[modifier.start:modifier.end].root
            noun = root.head
            named = self.by_token.get(noun.i)
            if named is not None and named is not modifier and modifier.cls == self.place \
                    and root.dep_ in ("compound", "nmod", "poss") and named.start >= modifier.end:
                # "the U.S. Congress", "Giessen's Kelp Bank": a place before a name
                yield from self._pairs(relations, [named], [modifier], PLACE_MODIFIER_RULE, root, sent,
                                       reversible=False)
                continue
            possessive = root.dep_ == "poss" and modifier.cls == self.place  # "Algeria's Ettahadi party"
            city = self.by_token.get(modifier.start - 2) if modifier.start >= 2 and doc[modifier.start - 1].text == "," else None
            if city is not None and city.cls == self.place and city.end == modifier.start - 1:
                continue  # "a Boise, Idaho, firm": the state says where the city is; the city is the firm's
            # "the Abu Dhabi lab", however the parser hung the place on the noun right after it
            # (or on the noun after its state: "a Boise, Idaho, firm")
            after = self._after_state(modifier)
            if not (root.dep_ == "compound" or possessive or (root.dep_ in ("nmod", "nsubj") and noun.i == after)) \
                    or noun.i < modifier.end or noun.i in self.by_token:
                continue
            titled = self.by_token.get(noun.head.i) if noun.dep_ == "compound" and noun.head.i > noun.i else None
            if noun.pos_ != "NOUN" and titled is None:
                continue
            if not any(words in self.ontology.class_triggers for words in self.table.noun_forms(noun.i)):
                continue  # "a Paris court", "the London office": no thing the noun names
            if titled is not None:
                things = [titled]  # "U.S. Ambassador Ann Lee": the title is the name's
            elif possessive or noun.dep_ in ("appos", "attr") or any(c.dep_ == "appos" for c in noun.children):
                things = [m for m in self.arguments.entities(noun) if m is not modifier]
            else:
                continue  # "the U.S. embargo", "a Boston company said": no name the noun stands for
            people = [m for m in things if m.cls in self.people_classes]
            others = [m for m in things if m.cls not in self.people_classes]
            yield from self._pairs(relations, others, [modifier], PLACE_MODIFIER_RULE, root, sent, reversible=False)
            if modifier.cls == self.place:
                # "a Boston lawyer" is from Boston; "the LinkedIn co-founder" is the title's to read
                yield from self._pairs(origins, people, [modifier], PLACE_MODIFIER_RULE, root, sent, reversible=False)

    def _after_state(self, place: Mention) -> int:
        """Where the words after a place name go on, past the state set off by commas after it
        ("Boise, Idaho, firm": the noun)."""
        doc, end = self.doc, place.end
        state = self.by_token.get(end + 1) if end + 1 < len(doc) and doc[end].text == "," else None
        if state is not None and state.start == end + 1 and state.cls == self.place \
                and state.end < len(doc) and doc[state.end].text == ",":
            return state.end + 1
        return end

    def events(self, reader: EventReader, sent: Span) -> Iterator[RelationMention]:
        for relation, participants, holder, rule, trigger in reader.sentence(sent):
            yield from self._pairs([relation], participants, [holder], rule, trigger, sent, reversible=False)

    def _relations(self, forms: Iterable[Words], lookup) -> list[RelationSpec]:
        """The relations a word's forms signal. A longer form says more than the bare word:
        "made X available" is a release, though "make" alone says `develops`; the bare word's
        relations stay where they hold between other classes ("built Tide-3 on Llama 3": "build
        on" for the two models, "build" for the company)."""
        found: dict[URIRef, RelationSpec] = {}
        length: dict[URIRef, int] = {}
        for words in forms:
            for relation in lookup(words):
                found.setdefault(relation.iri, relation)
                # a passive's "by" restricts the voice, not what the verb says: "lead by" (a
                # membership) leaves "lead" (a job) to the people it fits more narrowly
                said = len(words) - (words[-1] == PASSIVE_AGENT)
                length[relation.iri] = max(length.get(relation.iri, 0), said)
        longest = max(length.values(), default=0)
        specific = [r for iri, r in found.items() if length[iri] == longest]
        return [r for iri, r in found.items()
                if length[iri] == longest or not any(self.ontology.overlap(r, s) for s in specific)]

    def _possessives(self, sent: Span) -> Iterator[RelationMention]:
        relations = list(self.ontology.possessive_relations)
        if not relations:
            return
        seen: set[tuple[int, int]] = set()
        for owner in self.in_sentence.get(sent.start, ()):
            root = self.doc[owner.start:owner.end].root
            if root.dep_ == "poss":
                rule = "possessive"
            elif root.dep_ == "compound" and root.head.i >= owner.end and not self.doc[owner.end].is_punct:
                rule = "compound"  # "Google Gemini"; never across a comma the parser ignored
            else:
                continue
            if root.head.i not in self.by_token and self.arguments.relational(root.head):
                continue  # "OpenAI's largest investor": the noun's own relation, read by the noun rule
            if rule == "compound":
                # "Google Gemini": only the name right after; a headline's parse is no list
                following = self.by_token.get(owner.end)
                candidates = [following] if following is not None and root.head.i in range(
                    following.start, following.end) else []
            else:
                # "Acme's Zen-2 and Nimbus's Orca-7": one to one; a name with its own
                # possessor, or a possessor itself, is not this owner's
                doc = self.doc
                candidates = [m for m in self.arguments.entities(root.head) if m.start == root.head.i or not (
                    possessor(doc[m.start:m.end].root)
                    or any(c.dep_ == "poss" and c.i != root.i for c in doc[m.start:m.end].root.children))]
            if not candidates:
                # "code-wren-001, an early Kelp AI code model", "K100, the company's best seller":
                # the noun set beside a name is that name, however the parser hung the two, and
                # its modifier or possessor owns it
                noun = root.head
                while noun.dep_ == "compound" and noun.head.i > noun.i:
                    noun = noun.head  # "an OpenAI code model": the phrase's head
                candidates = self.arguments.names_before(noun) if noun.pos_ == "NOUN" else []
            for owned in candidates:
                if owned is owner or (owner.start, owned.start) in seen:
                    continue
                seen.add((owner.start, owned.start))
                yield from self._pairs(relations, [owner], [owned], rule, root, sent, reversible=False)

    # -- checks --------------------------------------------------------------------------
    def _pairs(self, relations: Sequence[RelationSpec], subjects: Sequence[Mention],
               objects: Sequence[Mention], rule: str, trigger: Token, sent: Span, *,
               reversible: bool = True, mood: Mood | None = None,
               only: RelationSpec | None = None, within_list: bool = False) -> Iterator[RelationMention]:
        """The candidates the trigger's relations give each subject and object (``only``: of
        this one of them, the others being there to say whether a narrower one fits)."""
        if not subjects or not objects:
            return
        negated, plan, former, capable, pending = mood or self._mood(trigger)
        for stated in relations if only is None else (only,):
            relation, how_stated, factor, problem = stated, "", 1.0, None
            # "has not yet released X": not done, but under way, as a plan is, for the relations
            # that have plans; "can't match it yet" still denies
            under_way = pending and stated.planned_relation is not None
            denied = negated and not under_way
            # "can rival" states a comparison; "can acquire" no acquisition: a capability is a
            # plan for the relations whose plans the ontology tells apart from facts
            planned = plan or under_way or (capable and (stated.requires_fact or stated.planned_relation is not None))
            if former and stated.requires_current:
                problem = FORMER
            elif planned and stated.planned_relation is not None:
                # "Meta plans to release Llama 4" states that Meta develops it
                relation = self.ontology.relations[stated.planned_relation]
                how_stated, factor = ":planned", PLANNED_FACTOR
            elif planned and stated.requires_fact:
                problem = PLANNED
            for s in subjects:
                for o in objects:
                    if name_key(s.name) == name_key(o.name) or (o in self.lists.get(s.start, ()) and not within_list):
                        continue  # the members of one list are never each other's arguments
                    if any(other is not stated and self.ontology.fits(other, s.cls, o.cls)
                           and self.ontology.narrower(other, stated) for other in relations):
                        continue  # one word, several relations: the one made for this pair says it
                    if AFFILIATION in (s.source, o.source) and self.ontology.is_a(o.cls, self.organization):
                        # people's work is their organization's; their memberships and stakes are not
                        continue
                    base = RULE_CONFIDENCE[rule] * min(s.confidence, o.confidence) * factor
                    if self.ontology.fits(relation, s.cls, o.cls):
                        pair, how, confidence = (s, o), rule, base
                    elif reversible and not relation.symmetric and self.ontology.fits(relation, o.cls, s.cls):
                        pair, how, confidence = (o, s), f"{rule}:reversed", base * REVERSED_FACTOR
                    elif rule.startswith("verb") and (employer := self.arguments.employer(s, relation, o)) is not None:
                        # "Acme chief executive Jane Doe unveiled Tide-3": what only an
                        # organization does, its officer does for it
                        pair, how = (employer, o), rule
                        confidence = RULE_CONFIDENCE[rule] * min(employer.confidence, o.confidence) * factor
                    else:
                        yield self._candidate((s, o), relation, rule, base, trigger, sent, DOMAIN_RANGE)
                        continue
                    yield self._candidate(pair, relation, how + how_stated, confidence, trigger, sent,
                                          NEGATION if denied else problem)

    def _mood(self, trigger: Token) -> Mood:
        """Whether the trigger is negated, planned, former: read once a trigger, however many
        pairs it has."""
        found = self._moods.get(trigger.i)
        if found is None:
            found = self._moods[trigger.i] = mood(trigger)
        return found

    def _candidate(self, pair, relation, rule, confidence, trigger: Token, sent: Span,
                   rejected: str | None) -> RelationMention:
        subject, obj = pair
        features = ()
        if rejected is None:  # only what may become a relation is scored
            table = self.table
            path = table.arcs_between(table.root(subject.start, subject.end), table.root(obj.start, obj.end))
            features = relation_features(rule, relation.name, subject, obj, trigger=trigger.i, path=path,
                                         names=len(self.in_sentence.get(sent.start, ())))
        return RelationMention(subject=subject, relation=relation.iri, object=obj,
                               rule=f"{rule}:{trigger.lemma_.lower()}", confidence=round(confidence, 3),
                               sentence_start=sent.start_char, sentence_end=sent.end_char,
                               trigger=trigger.text, rejected=rejected, features=features)


def _same_or_short(key: tuple, other: tuple) -> bool:
    """Two relation keys that differ at most in one end being the other's short name
    ("Scale" for "Scale AI"): one sentence that names a thing twice names one thing."""
    (s1, p1, o1), (s2, p2, o2) = key, other
    def short(a: tuple, b: tuple) -> bool:
        return a == b[:len(a)] or b == a[:len(b)]
    return p1 == p2 and short(s1, s2) and short(o1, o2)


