"""Reference: short names and definite descriptions that point back to a named entity.

News writers name an entity once in full and then say "the Forum", "Altman", "the company"
or "its". This module links such words to the entity they point to when the text makes that
clear, and leaves them alone when it does not: a wrong link yields wrong relations.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from rdflib import URIRef
from spacy.tokens import Doc, Token

from ..names import name_key
from ..ontology import Ontology
from ..records import GAZETTEER, NER, PATTERN, REFERENCE, SOURCE_CONFIDENCE, Mention
from .lexicon import (
    BROADEST_ORGANIZATION_NOUNS,
    DESCRIPTION_ADJECTIVES,
    DROPPABLE_NAME_ENDINGS,
    GENERIC_ORGANIZATION_NOUNS,
    ORGANIZATION_PRONOUNS,
    PERSON_PRONOUNS,
    REFERRING_WORDS,
)
from .mentions import mentions_by_token
from .parse import set_off_after, title_owner
from .words import token_table


class Antecedents:
    """The named mentions before the token being read, indexed as reading moves forward, so
    that a lookup costs what the names it can match cost, not the whole text read so far."""

    def __init__(self, named: Sequence[Mention], *, organization: URIRef | None = None) -> None:
        self.organization = organization  # whose names are indexed by their last word, lower case
        self.named = sorted(named, key=lambda m: m.end)
        self.seen = 0
        self.by_last_word: dict[str, list[Mention]] = {}  # names of two words or more
        self.organizations_by_last_word: dict[str, list[Mention]] = {}  # lower case
        self.organizations_by_first_word: dict[str, list[Mention]] = {}  # names of two words or more
        self.counts: dict = {}  # class -> name key -> mentions so far
        self.last: dict = {}  # class -> name key -> (position, latest mention)

    def advance(self, token_i: int) -> None:
        """Take in every named mention that ends at or before this token."""
        while self.seen < len(self.named) and self.named[self.seen].end <= token_i:
            m = self.named[self.seen]
            words = m.name.split()
            if len(words) > 1:
                self.by_last_word.setdefault(words[-1], []).append(m)
            if m.cls == self.organization and words:
                self.organizations_by_last_word.setdefault(words[-1].lower(), []).append(m)
                if len(words) > 1:
                    self.organizations_by_first_word.setdefault(words[0], []).append(m)
            key = name_key(m.name)
            counts = self.counts.setdefault(m.cls, Counter())
            counts[key] += 1
            self.last.setdefault(m.cls, {})[key] = (self.seen, m)
            self.seen += 1

    def most_salient(self, cls) -> Mention | None:
        """The entity of the class named most often so far; on a tie, the one named last."""
        counts = self.counts.get(cls)
        if not counts:
            return None
        last = self.last[cls]
        key = max(counts, key=lambda k: (counts[k], last[k][0]))
        return last[key][1]

    def latest(self, cls, *, since: int) -> Mention | None:
        """The last mention of the class that starts at or after token ``since``."""
        i = self.seen - 1
        while i >= 0 and self.named[i].end > since:
            m = self.named[i]
            if m.cls == cls and m.start >= since:
                return m
            i -= 1
        return None


def resolve_references(doc: Doc, mentions: Sequence[Mention], *, ontology: Ontology) -> list[Mention]:
    """The mentions plus the references they explain, in document order."""
    return ReferenceResolver(doc, mentions, ontology=ontology).resolve()


class ReferenceResolver:
    """Reads a document's references to the entities it names, in order: short names ("the
    Forum", "Altman"), descriptions ("the company", "the new model"), "it" and "its". Which
    class people and organizations are is the ontology's: the classes spaCy's PERSON and ORG
    names feed."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention], *, ontology: Ontology) -> None:
        self.doc = doc
        self.ontology = ontology
        self.person = ontology.class_of_label("PERSON")
        self.organization = ontology.class_of_label("ORG")
        self.person_nouns = ontology.class_nouns(self.person) if self.person else frozenset()
        # the nouns that describe an organization: the ontology's for its class, and the
        # English words for any company, whatever the ontology calls the class
        self.org_nouns = (ontology.class_nouns(self.organization) if self.organization else frozenset()) | {
            (noun,) for noun in GENERIC_ORGANIZATION_NOUNS}
        self.table = token_table(doc)
        self.sentence_starts = [start for start, _ in self.table.sentences]
        self.mentions = _acronyms(_short_company_names(_surnames(mentions, person=self.person),
                                                       organization=self.organization), organization=self.organization)
        self.by_token = mentions_by_token(self.mentions)
        self.earlier = Antecedents([m for m in self.mentions if m.source in (GAZETTEER, PATTERN, NER)],
                                   organization=self.organization)
        self.described = self._described_organizations()
        self.described_things = self._described_things()

    def resolve(self) -> list[Mention]:
        doc, table, by_token = self.doc, self.table, self.by_token
        added: list[Mention] = []
        for i, (lower, pos) in enumerate(zip(table.lower, table.pos)):
            if i in by_token or not (lower in REFERRING_WORDS or pos == "PROPN"):
                continue  # every reference starts with one of these words or with a name
            token = doc[i]
            self.earlier.advance(i)
            ref = (self._short_name(token) or self._reported_subject(token) or self._description(token)
                   or self._thing_description(token) or self._possessive_pronoun(token)
                   or self._subject_pronoun(token) or self._described_from(token))
            if ref is not None:
                added.append(ref)
                by_token.update((i, ref) for i in range(ref.start, ref.end))
            described = self._described_thing(token) if lower in ("its", "the") else None
            if described is not None and described.start not in by_token:
                added.append(described)
                by_token[described.start] = described
        return sorted([*self.mentions, *added], key=lambda m: m.start)

    def _described_thing(self, token: Token) -> Mention | None:
        """ "Tide-72B, its flagship, ... its flagship", "the flagship": a noun the text set
        beside the name of a thing (not a company or a person: ``_description``) stands for
        that name when it comes again."""
        noun = token.head
        if token.dep_ not in ("poss", "det") or noun.i <= token.i or noun.i - token.i > 3 or noun.pos_ != "NOUN" \
                or noun.tag_ != "NN" or noun.dep_ == "appos" or noun.i in self.by_token:
            return None
        doc = token.doc
        if noun.i + 1 < len(doc) and doc[noun.i + 1].pos_ == "PROPN" or any(c.dep_ == "appos" for c in noun.children) \
                or noun.i + 2 < len(doc) and doc[noun.i + 1].text == "," and noun.i + 2 in self.by_token:
            return None  # "its flagship Tide-3", "its new flagship, Tide-4": the name follows
        called = [m for i, m in self.described_things.get(noun.lemma_.lower(), ()) if i < token.i]
        return _reference(noun, called[-1]) if called else None

    def _set_beside(self, noun: Token) -> Mention | None:
        """The name an apposition is set beside: the one the parser hung it on, else the one
        right before the comma that opens it."""
        named = self.by_token.get(noun.head.i)
        end = set_off_after(noun)
        return self.by_token.get(end) if named is None and end is not None else named

    def _described_things(self) -> dict[str, list[tuple[int, Mention]]]:
        """The things (not companies or people) the text sets a noun beside, by the noun."""
        found: dict[str, list[tuple[int, Mention]]] = {}
        kept = tuple(c for c in (self.organization, self.person) if c is not None)
        table = self.table
        for i, dep in enumerate(table.dep):
            if dep != "appos" or table.pos[i] != "NOUN" or self.doc[i].tag_ != "NN":
                continue  # the table first: a Token is made only for an apposition
            noun = self.doc[i]
            named = self._set_beside(noun)
            if named is not None and named.source != REFERENCE and not any(
                    self.ontology.is_a(named.cls, c) for c in kept):
                found.setdefault(noun.lemma_.lower(), []).append((noun.i, named))
        return found

    def _short_name(self, token: Token) -> Mention | None:
        """ "the Forum" after "the Frontier Model Forum"; "Altman" after "Sam Altman", also
        opening a sentence ("Altman said ...")."""
        if not token.is_title or token.pos_ != "PROPN":
            return None
        after_article = token.i > 0 and token.doc[token.i - 1].lower_ == "the"
        matches = {name_key(m.name): m for m in self.earlier.by_last_word.get(token.text, ())
                   if after_article or m.cls == self.person}
        if not matches and not after_article and token.i + 1 < len(token.doc) \
                and not token.doc[token.i + 1].text[:1].isupper():
            # "Lumen" after "Lumen Intelligence": a company's first word, on its own
            matches = {name_key(m.name): m for m in self.earlier.organizations_by_first_word.get(token.text, ())}
        if len(matches) != 1:
            return None  # no antecedent, or several: not clear which
        return _reference(token, next(iter(matches.values())))

    def _description(self, token: Token) -> Mention | None:
        """ "the company", "the startup": the organization the article is about so far."""
        if token.lower_ != "the" or token.dep_ != "det":
            return None
        noun = token.head  # "the company", "the San Francisco-based company"
        if noun.i <= token.i or noun.i - token.i > 6 or noun.pos_ != "NOUN" or noun.tag_ != "NN":
            return None
        if (noun.lemma_.lower(),) not in self.org_nouns:
            return None
        if noun.i + 1 < len(token.doc) and token.doc[noun.i + 1].pos_ in ("PROPN",):
            return None  # "the company OpenAI": an apposition, the name follows
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
            return None  # "the company of ...": a description of something else
        if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
            return None  # "Quill Partners, the investment firm": the name it is set beside, known or not
        # "the alliance" is the AI Alliance, not the company the article is about
        named = {name_key(m.name): m for m in self.earlier.organizations_by_last_word.get(noun.lower_, ())}
        if len(named) == 1:
            return _reference(noun, next(iter(named.values())))
        # "Kelp.AI, the chatbot startup, ... the startup", "Orca, a research collaboration ...
        # the collaboration": the one the text called so; "the company" is the one the
        # article is about, whatever else it called a company
        called = [m for i, m in self.described.get(noun.lemma_.lower(), ()) if i < token.i]
        if called and noun.lemma_.lower() not in BROADEST_ORGANIZATION_NOUNS:
            return _reference(noun, called[-1])
        if noun.lemma_.lower() not in GENERIC_ORGANIZATION_NOUNS:
            return None  # "the forum", "the agency": only a name ending so, or called so, is meant
        antecedent = self.earlier.most_salient(self.organization)
        # anchored on the noun alone: its modifiers ("San Francisco-based") are read on their own
        return _reference(noun, antecedent) if antecedent else None

    def _described_organizations(self) -> dict[str, list[tuple[int, Mention]]]:
        """The organizations the text sets a noun for any company beside ("Kelp.AI, the chatbot
        startup"; "Kelp.AI is a startup"), by the noun, in the order of the text."""
        found: dict[str, list[tuple[int, Mention]]] = {}
        doc, table = self.doc, self.table
        for i, lemma in enumerate(table.lemma):
            if (lemma.lower(),) not in self.org_nouns or table.pos[i] != "NOUN":
                continue
            noun = doc[i]
            named = None
            if noun.dep_ == "appos":
                named = self._set_beside(noun)
            elif noun.dep_ == "attr" and noun.head.lemma_ == "be":
                named = next((self.by_token[c.i] for c in noun.head.children
                              if c.dep_ == "nsubj" and c.i in self.by_token), None)
            if named is not None and named.cls == self.organization:
                found.setdefault(lemma.lower(), []).append((i, named))
        return found

    def _thing_description(self, token: Token) -> Mention | None:
        """ "the model", "the new benchmark": the last such thing named, in this sentence or the
        one before. Organizations are left to ``_description``: they are referred to from afar."""
        if token.lower_ != "the":
            return None
        doc = token.doc
        i = token.i + 1
        while i < len(doc) and doc[i].lower_ in DESCRIPTION_ADJECTIVES:
            i += 1
        if i + 1 < len(doc) and doc[i].lower_ not in ("the", "a", "an") and not doc[i].is_punct:
            named = self._named_by_part(doc[i], doc[i + 1])
            if named is not None:
                return named
        if i >= len(doc) or doc[i].pos_ != "NOUN" or doc[i].tag_ in ("NNS", "NNPS"):
            return None
        if token.dep_ == "det" and token.head.i > i:
            return None  # "the cloud computing arm": the noun modifies another, it names nothing
        if i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN":
            return None  # "the model Llama 3": the name follows
        cls = self.ontology.class_triggers.get((doc[i].lemma_.lower(),))
        if cls is None or self.ontology.is_a(cls, self.organization) or self.ontology.is_a(cls, self.person):
            return None
        here = bisect_right(self.sentence_starts, token.i) - 1
        recent = self.earlier.latest(cls, since=self.sentence_starts[max(here - 1, 0)])
        return _reference(doc[i], recent) if recent else None

    def _named_by_part(self, part: Token, noun: Token) -> Mention | None:
        """ "the mini model" after "Tide-3-mini", "the 70B model" after "Tide 3 70B": a word of
        one earlier name of the noun's class, before the noun, is that name."""
        if part.i in self.by_token or noun.i in self.by_token or noun.pos_ != "NOUN":
            return None
        cls = self.ontology.class_triggers.get((noun.lemma_.lower(),))
        if cls is None or noun.tag_ in ("NNS", "NNPS") or any(
                self.ontology.is_a(cls, c) for c in (self.person, self.organization) if c is not None):
            return None  # organizations are referred to from afar: ``_description``
        word = part.lower_
        matches = {name_key(m.name): m for m in self.earlier.named[:self.earlier.seen]
                   if m.cls == cls and m.source != REFERENCE and m.end <= part.i
                   and word in re.split(r"[\s\-]+", m.name.lower()) and word != m.name.lower()}
        if len(matches) != 1:
            return None
        return _reference(noun, next(iter(matches.values())))  # anchored on the noun, as "the company"

    def _reported_subject(self, token: Token) -> Mention | None:
        """ "Hugging Face said it has raised ...", "The company plans to ..., Meta said": the
        subject of a reported clause, "it" or "the company", is the organization reporting it."""
        doc = token.doc
        if token.lower_ == "it":
            head = token
        elif token.lower_ == "the" and token.i + 1 < len(doc) and doc[token.i + 1].tag_ == "NN" \
                and (doc[token.i + 1].lemma_.lower(),) in self.org_nouns:
            head = doc[token.i + 1]
        else:
            return None
        if head.dep_ not in ("nsubj", "nsubjpass") or head.head.dep_ != "ccomp":
            return None
        for child in head.head.head.children:
            subject = self.by_token.get(child.i) if child.dep_ == "nsubj" else None
            if subject is not None and subject.cls == self.organization:
                return _reference(head, subject)
        return None

    def _subject_pronoun(self, token: Token) -> Mention | None:
        """ "it", "he", "she" as the subject of a clause outside reported speech: who the
        sentence is about, named as the subject of its main clause before the pronoun ("Acme
        sold the unit after it ...", "Ann Lee left Acme when she ..."), else, for a person,
        the subject of the sentence before ("Ann Lee ... Last year she joined ...")."""
        wanted = self.organization if token.lower_ == "it" else self.person if token.lower_ in PERSON_PRONOUNS else None
        if wanted is None or token.dep_ not in ("nsubj", "nsubjpass"):
            return None
        if token.head.dep_ in ("relcl", "acl"):
            # "Tide-2, a model it released in May", "Kelp, which it backed": a company's "it" in
            # a clause on a noun is the company the sentence is about; a person's has its own
            # reference ("the film in which he ...")
            if wanted != self.organization:
                return None
            subject = self._governing_subject(token.head.head, before=token.i)
            return _reference(token, subject) if subject is not None else None
        root = token.sent.root
        for child in root.children:
            subject = self.by_token.get(child.i) if child.dep_ in ("nsubj", "nsubjpass") else None
            if subject is not None and subject.end <= token.i:
                return _reference(token, subject) if subject.cls == wanted else None
        # "Acme works with others: in May it launched ...": the one subject named before it in
        # the sentence, whatever clause the parser made the main one
        earlier = {self.by_token[t.i].start: self.by_token[t.i] for t in token.sent
                   if t.i < token.i and t.dep_ in ("nsubj", "nsubjpass") and t.i in self.by_token}
        if len(earlier) == 1:
            subject = next(iter(earlier.values()))
            return _reference(token, subject) if subject.cls == wanted else None
        if wanted == self.organization and token.head.lemma_ == "be":
            return None  # "It is ...": as often the news itself as a company
        previous = self._previous_subject(token)
        if previous is None or previous.cls != wanted or token.i != self._clause_start(token):
            return None
        return _reference(token, previous)

    def _described_from(self, token: Token) -> Mention | None:
        """ "it" as an object in a clause describing a name ("Tide-Coder, a line derived from
        it"): not the name itself, which would be "itself", but the nearest name of its class
        named before it in the sentence."""
        if token.lower_ != "it" or token.dep_ not in ("pobj", "dobj"):
            return None
        clause = token.head
        while clause.dep_ not in ("acl", "relcl") and clause.head.i != clause.i:
            if clause.dep_ in ("ccomp", "advcl", "conj"):
                return None  # a clause of its own, not one describing the name
            clause = clause.head
        if clause.dep_ not in ("acl", "relcl"):
            return None
        noun = clause.head
        described = self.by_token.get(noun.i) or (self.by_token.get(noun.head.i) if noun.dep_ == "appos" else None)
        if described is None:
            return None
        earlier = [m for m in self.mentions if token.sent.start <= m.start and m.end <= described.start
                   and m.cls == described.cls and name_key(m.name) != name_key(described.name)]
        return _reference(token, max(earlier, key=lambda m: m.start)) if earlier else None

    def _clause_start(self, token: Token) -> int:
        """Where the pronoun's sentence starts, not counting what comes before its first
        subject ("In 2023 it ...", "Last year, she ..."), whichever clause the parser made the
        main one ("In June it released Tide, a family that ...", with "released" a complement)."""
        start = token.sent.start
        return min((t.i for t in token.sent if t.dep_ in ("nsubj", "nsubjpass")), default=start)

    def _possessive_pronoun(self, token: Token) -> Mention | None:
        """ "its": the organization whose phrase it is in ("Kelp AI with its chip"), else the one
        that is the clause's subject, else the one the sentence before was about (its main
        clause's subject), else the most salient one."""
        if token.lower_ not in ORGANIZATION_PRONOUNS or token.dep_ != "poss":
            return None
        # the nearest governing clause whose subject is an organization named before the pronoun:
        # "Microsoft partnered with Meta to offer them through its cloud" -> Microsoft
        if token.i >= 2 and token.doc[token.i - 1].lower_ in ("with", "and"):
            # "Kelp AI with its Tide-3 model", "Acme and its partners", however it was parsed
            before = self.by_token.get(token.i - 2)
            if before is not None and before.cls == self.organization and before.end == token.i - 1:
                return _reference(token, before)
        ancestor = token.head
        while True:
            # "Kelp AI, with its Tide-3 model": a name the pronoun's phrase hangs off
            named = self.by_token.get(ancestor.i)
            if named is not None and named.cls == self.organization and named.end <= token.i:
                return _reference(token, named)
            subject = self._subject_of(ancestor, before=token.i)
            if subject is not None:
                return _reference(token, subject)
            if ancestor.head.i == ancestor.i:
                break
            ancestor = ancestor.head
        previous = self._previous_subject(token)
        if previous is not None and previous.cls == self.organization:
            return _reference(token, previous)
        antecedent = self.earlier.most_salient(self.organization)
        return _reference(token, antecedent) if antecedent else None

    def _subject_of(self, clause: Token, *, before: int) -> Mention | None:
        """The organization named as the clause's one subject before the position, or whose
        officer the subject is ("Acme chief executive Ann Lee opened ... its")."""
        for child in clause.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                subject = self.by_token.get(child.i)
                plural = any(c.dep_ == "conj" for c in child.children)  # "A and B ... its": not A
                if subject is not None and subject.cls == self.person and not plural:
                    subject = self._officer_of(subject)
                if subject is not None and subject.cls == self.organization and subject.end <= before and not plural:
                    return subject
        return None

    def _officer_of(self, person: Mention) -> Mention | None:
        """The organization that owns the title right before a person's name ("Acme chief
        executive Ann Lee", "Acme's chief executive Ann Lee"), however the parser hung it."""
        i = person.start - 1
        if i < self.table.sent_start[person.start] or (self.table.lemma[i].lower(),) not in self.person_nouns:
            return None
        title = self.doc[i]
        owner = next((self.by_token[c.i] for c in title.children
                      if c.dep_ in ("compound", "nmod", "poss") and c.i in self.by_token), None) \
            or title_owner(title, self.by_token)
        return owner if owner is not None and owner.cls == self.organization else None

    def _governing_subject(self, token: Token, *, before: int) -> Mention | None:
        """The organization that is the subject of the nearest clause governing the token."""
        ancestor = token
        while True:
            subject = self._subject_of(ancestor, before=before)
            if subject is not None or ancestor.head.i == ancestor.i:
                return subject
            ancestor = ancestor.head

    def _previous_subject(self, token: Token) -> Mention | None:
        """The named subject of the main clause of the sentence before the token's, if any: what
        a pronoun opening a sentence most often goes on about ("Acme said it ... Its new model")."""
        here = bisect_right(self.sentence_starts, token.i) - 1
        if here < 1:
            return None
        doc = token.doc
        sent = doc[self.sentence_starts[here - 1]:self.sentence_starts[here]]
        root = sent.root
        # the last main clause's: "Acme is not buying Kelp, and the startup said ... Its ..."
        clauses = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
        for clause in reversed(clauses):
            for child in clause.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.i in self.by_token:
                    return self.by_token[child.i]
        return None


def _short_company_names(mentions: Sequence[Mention], *, organization: URIRef | None) -> list[Mention]:
    """ "Cerebras" in an article that names Cerebras Systems is Cerebras Systems, whatever NER
    made of the one word: news drops the ending of a company's name after its first mention."""
    def short(m: Mention) -> str | None:
        first, *rest = m.name.split() or [""]
        if m.cls == organization and rest and all(w.lower() in DROPPABLE_NAME_ENDINGS for w in rest):
            return first
        return None
    return _expand_short_names(mentions, short, reads=lambda m: m.source == NER, cls=organization)


def _acronyms(mentions: Sequence[Mention], *, organization: URIRef | None) -> list[Mention]:
    """ "CRFM" or "NASA" in an article that names the Center for Research on Foundation Models
    or the National Aeronautics and Space Administration is that organization: the capitals
    of its name's words, small words left out, as news shortens names after the first."""
    def short(m: Mention) -> str | None:
        words = [w for w in re.split(r"[\s\-]+", m.name) if w[:1].isupper()]
        return "".join(w[0] for w in words) if m.cls == organization and len(words) >= 2 else None
    return _expand_short_names(mentions, short, cls=organization, alias=True,
                               reads=lambda m: m.source == NER and m.name.isupper() and 2 <= len(m.name) <= 6)


def _surnames(mentions: Sequence[Mention], *, person: URIRef | None) -> list[Mention]:
    """ "Liang" that NER found on its own, in an article that names Percy Liang, is Percy Liang;
    so is "Roux" that NER took for something else, after the article named Amandine Roux."""
    def short(m: Mention) -> str | None:
        words = m.name.split()
        return words[-1] if m.cls == person and len(words) > 1 else None
    introduced: dict[str, int] = {}  # where each surname's full name is first written
    for m in mentions:
        key = short(m)
        if key is not None:
            introduced.setdefault(key, m.start)

    def reads(m: Mention) -> bool:
        if len(m.name.split()) != 1:
            return False
        return m.cls == person or (m.source == NER and m.name in introduced and introduced[m.name] < m.start)
    expanded = _expand_short_names(mentions, short, reads=reads)
    return [replace(new, cls=person) if new is not old and new.cls != person else new
            for old, new in zip(mentions, expanded, strict=True)]


def _expand_short_names(mentions: Sequence[Mention], short: Callable[[Mention], str | None], *,
                        reads: Callable[[Mention], bool], cls: URIRef | None = None,
                        alias: bool = False) -> list[Mention]:
    """The mentions, those of a short form (``short`` of a full name) that only one full name
    in the article has standing for that name, as references; of class ``cls`` if given; with
    the short form kept as an alias of the name if ``alias`` ("NASA", not "Liang")."""
    full: dict[str, set[str]] = {}
    for m in mentions:
        key = short(m)
        if key is not None:
            full.setdefault(key, set()).add(m.name)
    out = []
    for m in mentions:
        names = full.get(m.name, set()) if reads(m) else set()
        if len(names) != 1:
            out.append(m)
        elif cls is None:
            out.append(replace(m, name=next(iter(names)), source=REFERENCE))
        else:
            out.append(replace(m, name=next(iter(names)), cls=cls, source=REFERENCE,
                               confidence=SOURCE_CONFIDENCE[REFERENCE], qualified=m.text if alias else None))
    return out


def _reference(token: Token, antecedent: Mention, *, end: int | None = None) -> Mention:
    end = end if end is not None else token.i + 1
    span = token.doc[token.i:end]
    return Mention(start=token.i, end=end, start_char=span.start_char, end_char=span.end_char,
                   text=span.text, name=antecedent.name, cls=antecedent.cls, source=REFERENCE,
                   confidence=SOURCE_CONFIDENCE[REFERENCE], entry=antecedent.entry)


