"""Events that state a relation between their participants and their holder.

News tells a funding round over several sentences: "Cohere said it had raised $500 million
in a round led by Inovia Capital. Nvidia and Oracle joined the round too." The holder (who raised) is the relation's object; each participant (who led or
took part) is a subject. The ontology names the event nouns and the verbs of holders and
participants (``ai:eventNoun``, ``ai:eventHolderVerb``, ``ai:eventParticipantVerb``); "the
round" in a later sentence is the last round the document told of.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..ontology import Ontology, RelationSpec, Words
from ..records import Mention
from .arguments import ArgumentResolver
from .lexicon import PARTICIPATION
from .words import noun_words, token_table, verb_words

#: entity labels that stand for the money of an event ("raised $235 million")
MONEY_LABELS = frozenset({"MONEY"})


@dataclass
class _Event:
    relation: RelationSpec
    holder: Mention


class EventReader:
    """Reads one document's sentences in order, remembering the last event of each relation."""

    def __init__(self, arguments: ArgumentResolver, ontology: Ontology) -> None:
        self.arguments = arguments
        self.ontology = ontology
        self.relations = ontology.event_relations
        self.last: dict[str, _Event] = {}
        self.sources: dict[int, list[Token]] = {}  # "raised $1.3 billion from A and B", by verb
        #: the words an event noun ends with: a noun is one only if it or a compound in it ends so
        self.event_ends = frozenset(w[-1] for r in self.relations for w in r.event_nouns)

    def sentence(self, sent: Span) -> Iterator[tuple[RelationSpec, list[Mention], Mention, str, Token]]:
        """(relation, participants, holder, rule, trigger) for each event statement."""
        if not self.relations:
            return
        table = token_table(sent.doc)
        tokens = list(sent)  # made once: each relation reads every token
        # which tokens each question can concern, read off the table without making tokens
        ending = [i for i in range(sent.start, sent.end)
                  if table.lemma[i].lower() in self.event_ends or table.lower[i] in self.event_ends]
        may_be_event = {*ending, *(table.head[i] for i in ending if table.dep[i] == "compound"
                                   and table.pos[i] == "NOUN")}
        nominals = [t for t in tokens if t.i in may_be_event
                    and (table.pos[t.i] in ("NOUN", "PROPN") or table.dep[t.i] in NOMINAL_DEPS)]
        verbs = [t for t in tokens if table.pos[t.i] == "VERB"]
        readers = [t for t in tokens if t.i not in self.arguments.by_token and (
            t.i in self.sources or table.pos[t.i] in ("VERB", "NOUN") or table.lemma[t.i] == PARTICIPATION)]
        for relation in self.relations:
            events_here = [t for t in nominals if _is_event_noun(t, relation)]
            holder = self._holder(verbs, relation, events_here)
            if holder is not None:
                self.last[str(relation.iri)] = _Event(relation, holder)
            current = self.last.get(str(relation.iri))
            if current is None:
                continue
            for token in readers:
                found = self._participants(token, relation, events_here)
                if found:
                    participants, rule = found
                    yield relation, participants, current.holder, rule, token

    # -- the holder ----------------------------------------------------------------------
    def _holder(self, verbs: list[Token], relation: RelationSpec, events_here: list[Token]) -> Mention | None:
        for token in verbs:
            if not _matches(token, relation.event_holder_verbs):
                continue
            objects = [c for c in token.children if c.dep_ in ("dobj", "attr")]
            objects += [p for c in token.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
            if token.dep_ in ("amod", "acl"):
                objects.append(token.head)  # "secured new funding" misparsed as a modifier
            if not any(_is_event_noun(o, relation) or o.ent_type_ in MONEY_LABELS for o in objects):
                continue
            for subject in (c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")):
                for mention in self.arguments.entities(subject):
                    if self._fits_holder(relation, mention):
                        self.sources[token.i] = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "from"
                                                 for p in c.children if p.dep_ == "pobj"]
                        return mention
        for event in events_here:  # "Hugging Face's Series D round"
            for child in event.children:
                if child.dep_ == "poss":
                    for mention in self.arguments.entities(child):
                        if self._fits_holder(relation, mention):
                            return mention
        return None

    def _fits_holder(self, relation: RelationSpec, mention: Mention) -> bool:
        return not relation.range or any(self.ontology.is_a(mention.cls, c) for c in relation.range)

    # -- the participants ----------------------------------------------------------------
    def _participants(self, token: Token, relation: RelationSpec,
                      events_here: list[Token]) -> tuple[list[Mention], str] | None:
        if token.i in self.sources:  # "raised $1.3 billion from investors including A and B"
            participants = [m for s in self.sources.pop(token.i) for m in self.arguments.entities(s)]
            return (participants, "event-participant") if participants else None
        if token.pos_ == "VERB" and _matches(token, relation.event_participant_verbs):
            about_event = _takes_event(token, relation)
            subjects = [c for c in token.children if c.dep_ in ("nsubj",)]
            subjects += [p for c in token.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            # "as did Quill Partners": an elided repetition of the verb
            subjects += [s for c in token.children if c.dep_ == "advcl" and c.lemma_ == "do"
                         and any(m.lower_ == "as" for m in c.children) for s in c.children if s.dep_ == "nsubj"]
            if token.dep_ == "acl" and (_is_event_noun(token.head, relation) or _after_event(token, relation)):
                about_event = True  # "a round led by Salesforce Ventures"
            if not about_event:
                # "Google and Intel also invested": the event is the one just told of
                if not (_has_also(token) and not any(c.dep_ in ("dobj", "prep") for c in token.children)):
                    return None
                rule = "event-participant-elided"
            else:
                rule = "event-participant"
            participants = [m for s in subjects for m in self.arguments.entities(s)]
            return (participants, rule) if participants else None
        if token.pos_ == "NOUN" and any(w in relation.noun_triggers for w in noun_words(token)) \
                and not any(c.dep_ == "prep" and c.lower_ in ("in", "of", "into") for c in token.children):
            # "A, B and C were among the backers", "the backers include A and B"
            head = token.head
            if token.dep_ == "pobj" and head.lower_ == "among":
                head = head.head
            if head.lemma_ == "be" and token.dep_ in ("attr", "pobj"):
                sources = [c for c in head.children if c.dep_ == "nsubj"]
            elif token.dep_ == "nsubj" and head.lemma_ == "include":
                sources = [c for c in head.children if c.dep_ == "dobj"]
            else:
                return None
            participants = [m for s in sources for m in self.arguments.entities(s)]
            return (participants, "event-participant") if participants else None
        if token.lemma_ == PARTICIPATION:
            sources = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "from"
                       for p in c.children if p.dep_ == "pobj"]
            participants = [m for s in sources for m in self.arguments.entities(s)]
            return (participants, "event-participant") if participants and events_here else None
        return None


def _matches(token: Token, words: frozenset[Words]) -> bool:
    return any(form in words for form in verb_words(token))


NOMINAL_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "conj", "compound"})


def _is_event_noun(token: Token, relation: RelationSpec) -> bool:
    """A noun naming the event, or a nominal whose modifier names it ("a $73 million funding
    round" even where the tagger takes "round" for an adverb)."""
    nominal = token.pos_ in ("NOUN", "PROPN") or token.dep_ in NOMINAL_DEPS
    if nominal and any(w in relation.event_nouns for w in noun_words(token)):
        return True
    return nominal and any(c.dep_ == "compound" and c.pos_ == "NOUN"
                           and any(w in relation.event_nouns for w in noun_words(c)) for c in token.children)


def _after_event(verb: Token, relation: RelationSpec) -> bool:
    """A participle right after the event noun and a comma, which the parser hung on a name
    before them ("Kelp, which was valued at $9 billion in its latest round, led by Acme"):
    it is the event's."""
    doc = verb.doc
    return verb.i >= 2 and doc[verb.i - 1].text == "," and doc[verb.i - 2].i != verb.head.i \
        and _is_event_noun(doc[verb.i - 2], relation)


def participle_of_event(verb: Token, ontology: Ontology) -> bool:
    """Whether a participle the parser hung on a name belongs to an event noun right before
    it and its comma, whose participants the verb tells ("..., in its latest round, led by
    Acme"): the event reader reads it, and no relation between the name and its doers."""
    return verb.dep_ == "acl" and any(_after_event(verb, r) and _matches(verb, r.event_participant_verbs)
                                      for r in ontology.event_relations)


def _takes_event(verb: Token, relation: RelationSpec) -> bool:
    """Whether the verb's object, or the object of one of its prepositions, is the event."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and _is_event_noun(child, relation):
            return True
        if child.dep_ == "prep" and _pobj_is_event(child, relation):
            return True
        if child.dep_ == "dobj" and child.lemma_ == "part":  # "took part in the round"
            if any(g.dep_ == "prep" and _pobj_is_event(g, relation) for g in child.children):
                return True
    return False


def _pobj_is_event(prep: Token, relation: RelationSpec) -> bool:
    return any(p.dep_ == "pobj" and _is_event_noun(p, relation) for p in prep.children)


def _has_also(verb: Token) -> bool:
    return any(c.lower_ in ("also", "too") for c in verb.children)
