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
    SOURCE_CONFIDENCE,
    Mention,
    RelationMention,
)
from .events import EventReader
from .lexicon import (
    COLLECTION_NOUNS,
    EXAMPLE_PREPOSITIONS,
    GERUND_COMPLEMENT_PREPOSITIONS,
    GROUP_NOUNS,
    LISTING_VERBS,
    MEANS_PREPOSITIONS,
    NAMING_VERBS,
    NOMINAL_OBJECT_PREPOSITIONS,
    NOUN_PREPOSITIONS,
    OWNER_PRONOUNS,
    POSSESSIVE_MARKERS,
    RELATIVE_PRONOUNS,
    REPORTING_VERBS,
    TITLE_ABBREVIATIONS,
)
from .mentions import mentions_by_token, surface_lists
from .modality import Mood, mood
from .modality import former as is_former
from .parse import (
    antecedent,
    comitative,
    depth_between,
    hyphen_joined,
    inherited_subjects,
    noun_phrase,
    pobjs,
    possessor,
    purpose_clause,
    tagged_noun_verb,
    verb_dependents,
)
from .scoring import relation_features
from .words import noun_words, token_table, verb_words

#: how much each construction is trusted to state a relation, before the mentions' own trust
RULE_CONFIDENCE = {
    "verb": 0.9, "verb-participle": 0.8, "verb-inherited": 0.75, "verb-object": 0.7,
    "noun": 0.85, "noun-copula": 0.8, "noun-inherited": 0.75,
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


NEGATION = "negated"
DOMAIN_RANGE = "domain/range"
PLANNED = "planned, not done"
FORMER = "former, not current"
ENDED = "ended in the sentence"


def find_relations(doc: Doc, mentions: Sequence[Mention], *, ontology: Ontology) -> list[RelationMention]:
    """Every candidate relation in the document, accepted ones and rejected ones."""
    finder = _Finder(doc, mentions, ontology)
    events = EventReader(finder, ontology)
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
MAX_PATH_WORDS = 3
PLACE_MODIFIER_RULE = "place-modifier"

#: the parts of speech a trigger word can have
_TRIGGER_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN", "ADJ"})


def qualify_places(doc: Doc, mentions: Sequence[Mention],
                   relations: Sequence[RelationMention]) -> list[Mention]:
    """The mentions, those read as in a larger thing of their own kind after a comma ("Tupelo,
    Miss.", "Lyon, France") with that whole as their qualified name."""
    whole = {r.subject.start: doc.text[r.subject.start_char:r.object.end_char] for r in relations
             if r.rejected is None and r.rule.startswith(COMMA_PLACE_RULE + ":") and r.subject.cls == r.object.cls}
    return [replace(m, qualified=whole[m.start]) if m.start in whole and m.source != REFERENCE else m
            for m in mentions]


class _Finder:
    def __init__(self, doc: Doc, mentions: Sequence[Mention], ontology: Ontology) -> None:
        self.doc = doc
        self.ontology = ontology
        self.by_token = mentions_by_token(mentions)
        self.mentions = list(mentions)
        self.lists = coordinated(doc, self.mentions)
        person = ontology.class_of_label("PERSON")
        self.people_nouns = ontology.class_nouns(person) if person is not None else frozenset()
        self.organization = ontology.class_of_label("ORG")
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
            if (pos in ("VERB", "AUX") or tagged_noun_verb(token)) and self._may_be_verb_trigger(i):
                ended = self._relations(verb_words(token), self.ontology.ending_relations)
                if ended:
                    subjects, objects, _ = self._verb_arguments(token)
                    yield from self._ended(ended, subjects, objects, token, sent)
                relations = self._relations(verb_words(token), self.ontology.verb_relations)
                if relations:
                    subjects, objects, rule = self._verb_arguments(token)
                    yield from self._pairs(relations, subjects, objects, rule, token, sent)
                    # "OpenAI evaluated GPT-4 on MMLU": the direct object and a prepositional one
                    direct, oblique = self._object_pairs(token)
                    yield from self._pairs(relations, direct, oblique, "verb-object", token, sent,
                                           reversible=False)
                    if any(r.symmetric for r in relations):
                        # "Zen-2 beat Orca-7 on MMLU": what is said of one side of a
                        # comparison is said of the other
                        yield from self._pairs(relations, subjects, oblique, "verb-object", token, sent,
                                               reversible=False)
            if pos in ("NOUN", "PROPN", "ADJ", "VERB") and self._may_be_noun_trigger(i):
                relations = self._relations(table.noun_forms(i), self.ontology.noun_relations)
                if relations:
                    subjects, objects, rule = self._noun_arguments(token)
                    yield from self._pairs(relations, subjects, objects, rule, token, sent)
            if table.dep[i] == "prep":
                relations = self.ontology.preposition_relations(table.lower[i])
                if not relations:
                    continue
                head = self.by_token.get(token.head.i)
                # "Ann Lee, an economist at Acme": the noun the preposition hangs off stands
                # for the name it is in apposition with
                heads = [head] if head is not None else (
                    self.entities(token.head) if table.dep[token.head.i] in ("appos", "conj") else [])
                if heads:
                    objects = [m for p in pobjs(token) for m in self.entities(p)]
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
                path = [t for t in table.path_between(roots[id(a)], roots[id(b)])
                        if not (a.start <= t < a.end or b.start <= t < b.end)]
                if not 0 < len(path) <= MAX_PATH_WORDS or any(
                        table.dep[t] in ("ccomp", "parataxis") or table.lemma[t].lower() in REPORTING_VERBS for t in path):
                    continue  # "Ann Lee said the lab hired ...": what is said is not the speaker's
                if not any(self._may_trigger(t) for t in path):
                    continue
                if any(t in self.by_token for t in path) or any(self._argues_for_another(doc[t], a, b) for t in path):
                    # "based in Austin, Texas": the nearer name is meant; "Meta invested in
                    # Scale AI and hired Ann Lee": both are Meta's, not each other's
                    continue
                # the path's time and mood are those of every word on it: "who led the unit at
                # Acme" is past, "ran on X, not Y" denies Y
                moods = [self._mood(doc[t]) for t in path]
                negated = any(m.negated for m in moods) or any(
                    c.dep_ == "neg" for m in (a, b) for c in doc[roots[id(m)]].children)
                mood = Mood(negated, any(m.planned for m in moods), any(m.former for m in moods),
                            any(m.capable for m in moods))
                ends = {roots[id(a)], roots[id(b)], table.head[roots[id(a)]], table.head[roots[id(b)]]}
                for t in path:
                    token = doc[t]
                    if any(c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i not in ends for c in token.children):
                        continue  # "employs 25 people": the verb's object is another ("the Tide models" is Tide)
                    if table.pos[t] != "VERB" and any(
                            table.head[u] == t and table.dep[u] in ("acl", "relcl") for u in path):
                        continue  # "a collaboration led by Acme": the clause says how Acme relates, not the noun
                    for relation in self._relations_at(token):
                        forward = onto.fits(relation, a.cls, b.cls)
                        backward = onto.fits(relation, b.cls, a.cls)
                        if relation.symmetric or forward != backward:
                            pair = ([a], [b]) if forward else ([b], [a])
                            yield from self._pairs([relation], *pair, PATH_RULE, token, sent, reversible=False,
                                                   mood=mood)

    def _argues_for_another(self, token: Token, a: Mention, b: Mention) -> bool:
        """Whether a word takes a name other than these two as its subject, object or owner
        ("Scale AI, whose founder Ann Lee ...": the noun is Scale AI's)."""
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
            return bool(self.ontology.preposition_relations(self.table.lower[i]))
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
        if table.dep[i] == "prep" and table.pos[table.head[i]] not in ("VERB", "AUX"):
            # "a professor at Acme" links the two; "overheard it at an Acme event" says where
            found += self.ontology.preposition_relations(table.lower[i])
        return found

    def _place_modifiers(self, sent: Span) -> Iterator[RelationMention]:
        """ "Orchid AI, a San Diego company", "the Abu Dhabi lab": a name modifying a noun that
        stands for a name reads as "a company in San Diego", as a comma does."""
        relations = self.ontology.preposition_relations(COMMA_PREPOSITION)
        if not relations:
            return
        doc = self.doc
        for modifier in self.in_sentence.get(sent.start, ()):
            root = doc[modifier.start:modifier.end].root
            noun = root.head
            if root.dep_ != "compound" or noun.pos_ != "NOUN" or noun.i < modifier.end or noun.i in self.by_token:
                continue
            if not any(words in self.ontology.class_triggers for words in self.table.noun_forms(noun.i)):
                continue  # "a Paris court", "the London office": no thing the noun names
            if noun.dep_ not in ("appos", "attr") and not any(c.dep_ == "appos" for c in noun.children):
                continue  # "the U.S. embargo", "a Boston company said": no name the noun stands for
            things = [m for m in self.entities(noun) if m is not modifier]
            yield from self._pairs(relations, things, [modifier], PLACE_MODIFIER_RULE, root, sent, reversible=False)

    def events(self, reader: EventReader, sent: Span) -> Iterator[RelationMention]:
        for relation, participants, holder, rule, trigger in reader.sentence(sent):
            yield from self._pairs([relation], participants, [holder], rule, trigger, sent, reversible=False)

    @staticmethod
    def _relations(forms: Iterable[Words], lookup) -> list[RelationSpec]:
        found: dict[URIRef, RelationSpec] = {}
        for words in forms:
            for relation in lookup(words):
                found.setdefault(relation.iri, relation)
        return list(found.values())

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
            if root.head.i not in self.by_token and self._relational(root.head):
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
                candidates = [m for m in self.entities(root.head) if m.start == root.head.i or not (
                    possessor(doc[m.start:m.end].root)
                    or any(c.dep_ == "poss" and c.i != root.i for c in doc[m.start:m.end].root.children))]
            for owned in candidates:
                if owned is owner or (owner.start, owned.start) in seen:
                    continue
                seen.add((owner.start, owned.start))
                yield from self._pairs(relations, [owner], [owned], rule, root, sent, reversible=False)

    # -- arguments -----------------------------------------------------------------------
    def _verb_arguments(self, verb: Token) -> tuple[list[Mention], list[Mention], str]:
        subjects, objects = verb_dependents(verb)
        rule = "verb"
        if tagged_noun_verb(verb) and not subjects:
            subjects = [c for c in verb.children if c.dep_ == "compound" and c.i < verb.i]
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children)
        if verb.dep_ in ("acl", "relcl") and not own_subject:
            has_agent = any(c.dep_ == "agent" for c in verb.children)
            if verb.tag_ == "VBN" and has_agent:
                objects.append(verb.head)  # "Llama 2, released by Meta"
                rule = "verb-participle"
            elif not subjects:
                subjects.append(verb.head)  # "OpenAI, partnered with Anthropic"
                rule = "verb-participle"
        elif not subjects and verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in MEANS_PREPOSITIONS:
            # "opened the summit by unveiling Tide-3", "after buying Dune": the clause's doer
            subjects = inherited_subjects(verb.head)
            rule = "verb-inherited"
        elif not subjects and verb.dep_ == "pcomp" and verb.tag_ == "VBG" \
                and verb.head.lower_ in GERUND_COMPLEMENT_PREPOSITIONS and verb.head.head.pos_ in ("VERB", "AUX"):
            # "convicted of killing X", "praised Acme for releasing X": the verb's object did
            # it, or else its subject
            governor = verb.head.head
            subjects = [c for c in governor.children if c.dep_ == "dobj"] or inherited_subjects(verb.head)
            rule = "verb-inherited"
        elif not subjects and (verb.dep_ in ("xcomp", "conj")
                               or (verb.dep_ == "advcl" and (verb.tag_ == "VBG" or hyphen_joined(verb)
                                                             or purpose_clause(verb)))):
            subjects = inherited_subjects(verb)
            rule = "verb-inherited"
        return self._resolve(subjects), self._resolve(objects), rule

    def _object_pairs(self, verb: Token) -> tuple[list[Mention], list[Mention]]:
        direct = [c for c in verb.children if c.dep_ == "dobj"]
        oblique = [p for c in verb.children if c.dep_ == "prep" and not comitative(c) for p in pobjs(c)]
        oblique += [p for d in direct for c in d.children if c.dep_ == "prep" for p in pobjs(c)]
        if not direct or not oblique:
            return [], []
        return self._resolve(direct), self._resolve(oblique)

    def _noun_arguments(self, noun: Token, depth: int = 0) -> tuple[list[Mention], list[Mention], str]:
        phrase = noun_phrase(noun)
        objects: list[Token] = []
        possessors = [c for t in phrase for c in t.children if c.dep_ == "poss"]
        # "Amazon's investment in Anthropic", "Google's acquisition of DeepMind": with an object
        # of its own, a noun's possessor is its agent, not its object
        agentive = bool(possessors) and any(c.dep_ == "prep" and c.lower_ in NOMINAL_OBJECT_PREPOSITIONS
                                            and any(self.by_token.get(p.i) for p in pobjs(c)) for c in noun.children)
        for token in phrase:
            for child in token.children:
                if child.dep_ == "poss" and agentive:
                    continue
                if child.dep_ in ("poss", "compound", "nmod", "npadvmod"):
                    objects.append(child)
                elif child.dep_ == "prep" and child.lower_ in NOUN_PREPOSITIONS:
                    for pobj in pobjs(child):
                        objects.append(pobj)
                        if pobj.i not in self.by_token and pobj.pos_ in ("NOUN", "PROPN"):
                            # "head of policy for Europe at Google"
                            objects.extend(p for c in pobj.children if c.dep_ == "prep"
                                           and c.lower_ in NOUN_PREPOSITIONS for p in pobjs(c))
        subjects: list[Token] = [c for c in noun.children if c.dep_ == "appos"]
        # "the assassination of X by Y", "an investment by Y": a noun's "by" names its doer
        subjects += [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for p in pobjs(c)]
        if agentive:
            subjects.extend(possessors)
        rule = "noun"
        dep, head = noun.dep_, noun.head
        if dep in ("appos", "compound") and head.i != noun.i:
            subjects.append(head)
        elif dep in ("attr", "acomp") and head.lemma_ == "be":
            subjects.extend(c for c in head.children if c.dep_ in ("nsubj", "nsubjpass"))
            rule = "noun-copula"
        elif dep == "nsubj" and head.lemma_ == "be":
            subjects.extend(c for c in head.children if c.dep_ in ("attr", "acomp"))
            rule = "noun-copula"
        elif dep == "nsubj" and head.lemma_ in LISTING_VERBS:
            # "the founding members of the alliance include AMD and Intel"
            subjects.extend(c for c in head.children if c.dep_ in ("dobj", "attr"))
            rule = "noun-copula"
        elif dep == "pobj" and head.lower_ == "as" and head.head.pos_ == "VERB":
            # "named Ann Lee as its director" (the object holds the title), "Ann Lee joined
            # Acme as its director" (the subject does): domain and range tell which
            verb = head.head
            subjects.extend(c for c in verb.children if c.dep_ in ("dobj", "oprd", "nsubj", "nsubjpass"))
        resolved_subjects = self._resolve(subjects)
        resolved_objects = self._resolve(objects) or self._title_owner(noun)
        if dep in ("amod", "conj") and head.i != noun.i and depth < 2 and head.i not in self.by_token:
            # "founding members of X": the adjective shares its noun's arguments;
            # "co-founder and chief executive": a conjunct shares the first one's
            inherited_subjects, inherited_objects, _ = self._noun_arguments(head, depth + 1)
            resolved_subjects = resolved_subjects or inherited_subjects
            resolved_objects = resolved_objects or inherited_objects
            rule = "noun-inherited"
        elif dep == "amod" and head.i in self.by_token:
            resolved_subjects = resolved_subjects or [self.by_token[head.i]]
        return resolved_subjects, resolved_objects, rule

    def _relational(self, noun: Token) -> bool:
        return any(self.ontology.noun_relations(w) for w in noun_words(noun))

    def _title_owner(self, noun: Token) -> list[Mention]:
        """ "Hugging Face's co-founder and CEO Clement Delangue": the possessor before a run
        of titles, however the parser attached it."""
        doc = self.doc
        i = noun.i - 1
        while i >= noun.sent.start and noun.i - i <= 8:
            token = doc[i]
            if token.lower_ in POSSESSIVE_MARKERS and i - 1 in self.by_token:
                return [self.by_token[i - 1]]
            if token.dep_ == "poss" and i in self.by_token:
                return [self.by_token[i]]  # "its chief executive and co-founder"
            if token.pos_ in ("NOUN", "ADJ", "CCONJ", "PUNCT") and token.text != "." or token.lower_ == "-":
                i -= 1
                continue
            if token.pos_ == "PROPN" and i not in self.by_token:
                i -= 1  # a title written as a name: "CEO"
                continue
            break
        return []

    def _resolve(self, tokens: Iterable[Token]) -> list[Mention]:
        found: dict[int, Mention] = {}
        for token in tokens:
            meant = antecedent(token)
            for mention in self.entities(meant):
                # "Meta, which acquired Scale AI, and Google": a relative clause is about the
                # names before it, not those after it
                if meant is token or mention.start < token.i:
                    found.setdefault(mention.start, mention)
        return list(found.values())

    def entities(self, token: Token) -> list[Mention]:
        """The mentions a token stands for: itself, its conjuncts, or a common noun's names."""
        found: dict[int, Mention] = {}
        for t in (token, *token.conjuncts):
            mention = self.by_token.get(t.i)
            if mention is not None:
                for member in self.lists.get(mention.start, (mention,)):
                    found.setdefault(member.start, member)
                continue
            if t.pos_ not in ("NOUN", "PROPN"):
                continue
            if t.dep_ == "appos" and t.head.i in self.by_token:
                # "Mistral AI, a startup founded by ...": the apposition is the name's
                head = self.by_token[t.head.i]
                found.setdefault(head.start, head)
                continue
            # "the inventor Ann Lee", "the company, Acme": the noun is the name it is set beside;
            # "Acme is a startup that ...": the noun is the subject it is said of
            named = [c for c in t.children if c.dep_ == "appos" and c.i in self.by_token]
            if t.dep_ == "attr" and t.head.lemma_ == "be":
                named += [c for c in t.head.children if c.dep_ == "nsubj" and c.i in self.by_token]
            if named:
                for c in named:  # "two colleagues, Ann Lee and Bo Park": the list, not its first
                    for m in self.entities(c):
                        found.setdefault(m.start, m)
                continue
            for member in self._affiliation(t):  # "researchers at Princeton University"
                found.setdefault(member.start, member)
            collection = t.lemma_.lower() in COLLECTION_NOUNS
            if collection:  # "a set of Tide models": what the set is of
                for m in (m for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                          for p in pobjs(c) for m in self.entities(p)):
                    found.setdefault(m.start, m)
            if collection or any(w in self.ontology.class_triggers for w in noun_words(t)):
                for child in t.children:  # "the HumanEval benchmark", not "the OpenAI investment"
                    if child.dep_ in ("compound", "nmod", "nummod", "amod") and child.i in self.by_token:
                        m = self.by_token[child.i]
                        found.setdefault(m.start, m)
            for example in self._examples(t):  # "models such as BLOOM"
                found.setdefault(example.start, example)
            for named in self._named(t):  # "a new chip called Gaudi 3"
                found.setdefault(named.start, named)
        return list(found.values())

    def _affiliation(self, noun: Token) -> list[Mention]:
        """People named by their trade and their organization stand for the organization."""
        if noun.lemma_.lower() in GROUP_NOUNS:  # "a team of researchers at Stanford University"
            return [m for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "of"
                    for p in pobjs(prep) for m in self._affiliation(p)]
        if noun.tag_ not in ("NNS", "NN") or (noun.lemma_.lower(),) not in self.people_nouns:
            return []
        if is_former(noun):
            return []  # "former researchers of Google" do not stand for Google
        return [replace(m, source=AFFILIATION, confidence=min(m.confidence, SOURCE_CONFIDENCE[AFFILIATION]))
                for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in ("at", "from", "of")
                for p in pobjs(prep) for m in self.entities(p)
                if self.ontology.is_a(m.cls, self.organization)]

    def _employer(self, person: Mention, relation: RelationSpec, obj: Mention) -> Mention | None:
        """The organization a person's own title names ("Acme chief executive Jane Doe",
        "Jane Doe, the chief executive of Acme"), as the doer of a relation only it can be
        the subject of; a title of a current post, which the ontology's noun triggers tell."""
        if self.ontology.fits(relation, person.cls, obj.cls):
            return None
        root = self.doc[person.start:person.end].root
        titles = [c for c in root.children if (c.dep_ == "compound" and c.pos_ == "NOUN") or c.dep_ == "appos"]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            titles.append(root.head)
        found: dict[int, Mention] = {}
        for title in titles:
            posts = [r for words in noun_words(title) for r in self.ontology.noun_relations(words)
                     if r.requires_current]
            if not posts or is_former(title):
                continue
            owners = [c for c in title.children if c.dep_ in ("compound", "nmod", "poss")]
            owners += [p for c in title.children if c.dep_ == "prep" and c.lower_ in ("of", "at") for p in pobjs(c)]
            for m in self._resolve(owners):
                if any(self.ontology.fits(r, person.cls, m.cls) for r in posts) \
                        and self.ontology.fits(relation, m.cls, obj.cls) and m is not obj:
                    found.setdefault(m.start, replace(m, source=AFFILIATION, confidence=min(
                        m.confidence, SOURCE_CONFIDENCE[AFFILIATION])))
        return next(iter(found.values())) if len(found) == 1 else None

    def _named(self, noun: Token) -> list[Mention]:
        found = []
        for verb in noun.children:
            if verb.dep_ == "acl" and verb.lemma_.lower() in NAMING_VERBS:
                for child in verb.children:
                    if child.dep_ in ("oprd", "attr", "dobj", "xcomp", "npadvmod") and child.i in self.by_token:
                        found.append(self.by_token[child.i])
        return found

    def _examples(self, noun: Token) -> list[Mention]:
        found: list[Mention] = []
        for token in noun.subtree:
            if token.dep_ != "prep" or token.lower_ not in EXAMPLE_PREPOSITIONS:
                continue
            if token.lower_ == "as" and not (token.i > 0 and self.doc[token.i - 1].lower_ == "such"):
                continue
            if depth_between(noun, token) > 3:
                continue
            for pobj in pobjs(token):
                for t in (pobj, *pobj.conjuncts):
                    if t.i in self.by_token:
                        found.append(self.by_token[t.i])
        return found

    # -- checks --------------------------------------------------------------------------
    def _pairs(self, relations: Sequence[RelationSpec], subjects: Sequence[Mention],
               objects: Sequence[Mention], rule: str, trigger: Token, sent: Span, *,
               reversible: bool = True, mood: Mood | None = None) -> Iterator[RelationMention]:
        if not subjects or not objects:
            return
        negated, plan, former, capable = mood or self._mood(trigger)
        for stated in relations:
            relation, how_stated, factor, problem = stated, "", 1.0, None
            # "can rival" states a comparison; "can acquire" no acquisition: a capability is a
            # plan for the relations whose plans the ontology tells apart from facts
            planned = plan or (capable and (stated.requires_fact or stated.planned_relation is not None))
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
                    if name_key(s.name) == name_key(o.name) or o in self.lists.get(s.start, ()):
                        continue  # the members of one list are never each other's arguments
                    if AFFILIATION in (s.source, o.source) and self.ontology.is_a(o.cls, self.organization):
                        # people's work is their organization's; their memberships and stakes are not
                        continue
                    base = RULE_CONFIDENCE[rule] * min(s.confidence, o.confidence) * factor
                    if self.ontology.fits(relation, s.cls, o.cls):
                        pair, how, confidence = (s, o), rule, base
                    elif reversible and not relation.symmetric and self.ontology.fits(relation, o.cls, s.cls):
                        pair, how, confidence = (o, s), f"{rule}:reversed", base * REVERSED_FACTOR
                    elif rule.startswith("verb") and (employer := self._employer(s, relation, o)) is not None:
                        # "Acme chief executive Jane Doe unveiled Tide-3": what only an
                        # organization does, its officer does for it
                        pair, how = (employer, o), rule
                        confidence = RULE_CONFIDENCE[rule] * min(employer.confidence, o.confidence) * factor
                    else:
                        yield self._candidate((s, o), relation, rule, base, trigger, sent, DOMAIN_RANGE)
                        continue
                    yield self._candidate(pair, relation, how + how_stated, confidence, trigger, sent,
                                          NEGATION if negated else problem)

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


def coordinated(doc: Doc, mentions: Sequence[Mention]) -> dict[int, tuple[Mention, ...]]:
    """Lists of names of one class read from the surface, by each member's start: the parse
    of a list of multi-word names is often wrong, the commas are not."""
    found: dict[int, tuple[Mention, ...]] = {}
    for group in surface_lists(doc, mentions):
        for cls in {m.cls for m in group}:
            members = tuple(m for m in group if m.cls == cls)
            if len(members) > 1:
                found.update((m.start, members) for m in members)
    return found


# -- parse helpers ---------------------------------------------------------------------------

def _same_or_short(key: tuple, other: tuple) -> bool:
    """Two relation keys that differ at most in one end being the other's short name
    ("Scale" for "Scale AI"): one sentence that names a thing twice names one thing."""
    (s1, p1, o1), (s2, p2, o2) = key, other
    def short(a: tuple, b: tuple) -> bool:
        return a == b[:len(a)] or b == a[:len(b)]
    return p1 == p2 and short(s1, s2) and short(o1, o2)


