"""Mentions: the names in a parsed ``Doc`` that denote entities, each with an ontology class.

Three sources, in order of trust:
  1. the gazetteer (known names and aliases),
  2. name patterns from the ontology (``ai:namePrefix`` and ``ai:nameSuffix``: "GPT-4o",
     "Claude 3 Opus", "Qwen2.5-72B") and parameter sizes ("Zephyr-7B"),
  3. spaCy's statistical NER, cleaned of what news text fools it with.
Names the gazetteer does not know are typed by the nouns around them ("the HumanEval
benchmark", "Cohere, a Toronto startup") through the ontology's ``ai:classTrigger``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace

import spacy
from rdflib import URIRef
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..gazetteer import Gazetteer
from ..names import clean_surface, name_key
from ..ontology import Ontology, Words, singular
from ..records import GAZETTEER, NER, PATTERN, REFERENCE, SOURCE_CONFIDENCE, Mention
from .lexicon import (
    AFFILIATION_PREPOSITIONS,
    COLLECTION_NOUNS,
    CORPORATE_SUFFIXES,
    DROPPABLE_NAME_ENDINGS,
    FOREIGN_INSTITUTION_WORDS,
    HONORIFICS,
    LIST_CONJUNCTIONS,
    LIST_CONNECTORS,
    NAME_CONNECTORS,
    NAME_HEAD_CONNECTORS,
    NAME_PARTICLES,
    NAMING_VERBS,
    NOT_NAMES,
    POSSESSIVE_MARKERS,
    STOCK_EXCHANGES,
    TITLE_ABBREVIATIONS,
)
from .parse import of_objects
from .words import noun_words, token_table, verb_words

_PARAMETER_SIZE = re.compile(r"^\d+(?:\.\d+)?[BMK]$|^\d+x\d+(?:\.\d+)?[BM]$", re.IGNORECASE)
_SIZED_NAME = re.compile(r"^[A-Z][A-Za-z]+(?:[-.]?\d+(?:\.\d+)?)?-\d+(?:\.\d+)?[BMbm]$")
#: NER labels of numbers and times, which no name a noun types can carry
_NOT_NAME_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})
_CAMEL_CASE = re.compile(r"^(?=.*[a-z])[A-Z][a-z0-9]*[A-Z][A-Za-z0-9]*$")  # "LiveCodeBench", not "NVIDIA"
_VERSIONED_WORD = re.compile(r"^[A-Z][a-z]{2,}-\d+(?:\.\d+)?$")  # "Vellum-2"
# product codes and model identifiers, lower case with a version at the end: "B300", "XR500X",
# "text-wren-002", "wren-large-v3"
_CODE_NAME = re.compile(r"^[A-Z]{1,4}\d{2,4}[A-Z]{0,3}$|^[a-z][a-z0-9]*(?:-[a-z0-9.]+)*-[a-z]*\d[a-z0-9.]*$")


def _identifier(text: str) -> bool:
    """A word shaped like the name of a thing: capitals inside it, a version, a product code."""
    return bool(_CAMEL_CASE.match(text) or _VERSIONED_WORD.match(text) or _CODE_NAME.match(text))


_VERSION = re.compile(r"^(?:v?\d+(?:\.\d+)*[a-z]{0,2}|\d+x\d+[BbMm]|\d+(?:\.\d+)?[BbMmKk])$")


class MentionFinder:
    """Finds mentions in a parsed Doc. Built once per pipeline: it compiles the gazetteer."""

    def __init__(self, tokenizer: Callable[[str], Doc], *, ontology: Ontology, gazetteer: Gazetteer,
                 ner_labels: Iterable[str] = ()) -> None:
        """``tokenizer`` must be the pipeline's, so that names tokenize as documents do;
        ``ner_labels`` are its recognizer's labels, fed to the classes the ontology says."""
        self.ontology = ontology
        self.ner_classes = ontology.ner_classes(list(ner_labels), explain=spacy.explain)
        self.gazetteer = gazetteer
        self._matcher = PhraseMatcher(tokenizer.vocab, attr="ORTH")
        for entry in gazetteer.entries:
            patterns = [tokenizer(variant) for name in entry.names for variant in _spellings(name)]
            self._matcher.add(str(entry.iri), patterns)
        self._entries = {str(e.iri): e for e in gazetteer.entries}
        self._prefixes = [(tuple(t.text for t in tokenizer(p)), spec.iri, spec.name_suffixes)
                          for spec in ontology.classes.values() for p in spec.name_prefixes]
        self._prefixes.sort(key=lambda item: -len(item[0]))
        # by the first two characters of the name: most tokens start no name at all
        self._prefixes_by_start: dict[str, list] = {}
        for item in self._prefixes:
            self._prefixes_by_start.setdefault(item[0][0][:2], []).append(item)
        # a family stem on its own ("GPT") is no one entity, whatever NER says
        self._stems = {p: spec.iri for spec in ontology.classes.values() for p in spec.name_prefixes}

    def __call__(self, doc: Doc) -> list[Mention]:
        headline_tokens = token_table(doc).headline_tokens(doc)
        known = list(self._gazetteer_mentions(doc))
        candidates = [*known, *self._pattern_mentions(doc),
                      *self._ner_mentions(doc, headline_tokens), *self._shaped_names(doc, headline_tokens),
                      *self._company_names(doc, headline_tokens, known={(m.start, m.end) for m in known}),
                      *self._dateline_places(doc), *self._title_case_names(doc, headline_tokens)]
        chosen = _resolve_overlaps(candidates, doc)
        table = token_table(doc)
        boilerplate = table.boilerplate(doc)
        kept = [self._retype(doc, m) for m in chosen
                if table.sent_start[m.start] not in boilerplate and not _ticker(doc[m.start:m.end])]
        kept = _recurring_names(doc, kept, boilerplate)
        person = self.ontology.class_of_label("PERSON")
        kept = [_with_title(doc, m) if m.cls == person else m for m in kept]
        kept = _places_before_places(doc, kept, place=self.ontology.class_of_label("GPE"))
        return unify_classes(_share_list_classes(doc, kept))

    # -- sources -------------------------------------------------------------------------
    def _gazetteer_mentions(self, doc: Doc) -> Iterator[Mention]:
        for match_id, start, end in self._matcher(doc):
            entry = self._entries[doc.vocab.strings[match_id]]
            span = doc[start:end]
            yield _mention(span, name=entry.label, cls=entry.cls, source=GAZETTEER, entry=entry.iri)

    def _pattern_mentions(self, doc: Doc) -> Iterator[Mention]:
        table = token_table(doc)
        text = table.text
        i = 0
        sized = self.ontology.pattern_class  # "Zephyr-7B": a name by its parameter count
        while i < len(doc):
            found = self._name_at(doc, i, text)
            if found is None:
                if sized is not None and (_SIZED_NAME.match(text[i]) or (
                        text[i].istitle() and i + 1 < len(doc) and _PARAMETER_SIZE.match(text[i + 1])
                        and table.sent_start[i] != i)):
                    end = i + 1 if _SIZED_NAME.match(text[i]) else i + 2
                    yield _mention(doc[i:end], cls=sized, source=PATTERN)
                    i = end
                    continue
                i += 1
                continue
            span, cls, prefix = found
            yield _mention(span, cls=cls, source=PATTERN)
            yield from _elided_versions(doc, span, prefix, cls)
            i = span.end
        return

    def _name_at(self, doc: Doc, i: int, text: list[str]) -> tuple[Span, URIRef, str] | None:
        """A name that starts with a class's name prefix and goes on with a version; ``text``
        is the token table's."""
        for words, cls, suffixes in self._prefixes_by_start.get(text[i][:2], ()):
            n = len(words)
            if i + n > len(doc):
                continue
            head = text[i:i + n]
            if head[:-1] != list(words[:-1]) or not head[-1].startswith(words[-1]):
                continue
            rest = head[-1][len(words[-1]):]
            if rest and not (rest[0] in "-.0123456789" or rest in suffixes):
                continue
            end = i + n
            joined = False  # right after a hyphen that joins: "Orca-7-small" takes a lower-case suffix
            while end < len(doc):
                tok = doc[end]
                if tok.text == "-" and end + 1 < len(doc) and not tok.whitespace_ and not doc[end - 1].whitespace_:
                    end += 1
                    joined = True
                    continue
                if _VERSION.match(tok.text) or tok.text in suffixes or (joined and tok.text.title() in suffixes) or (
                        tok.text.startswith("-") and _VERSION.match(tok.text[1:])):
                    end += 1
                    joined = False
                    continue
                break
            if doc[end - 1].text == "-":
                end -= 1
            if not rest and end == i + n:
                return None  # a bare family name: only the gazetteer may call it an entity
            return doc[i:end], cls, " ".join(words)
        return None

    def _ner_mentions(self, doc: Doc, headline_tokens: set[int]) -> Iterator[Mention]:
        for ent in doc.ents:
            cls = self.ner_classes.get(ent.label_)
            if cls is None:
                continue
            span = _trim(ent)
            if span is None or not _plausible_name(span):
                continue
            if any(t.i in headline_tokens for t in span):
                continue  # title case fools NER; a headline's names must come from elsewhere
            family = self._stems.get(span.text)
            if family is not None:
                root = span.root
                if root.dep_ in ("compound", "nmod", "amod") and root.head.lemma_.lower() not in COLLECTION_NOUNS:
                    continue  # "the GPT approach", "Llama models": a kind, not one entity
                cls = family  # "Alpaca", "the Granite family": the family, of the family's class
            yield _mention(span, cls=cls, source=NER)

    def _company_names(self, doc: Doc, headline_tokens: set[int], *, known: set[tuple[int, int]]) -> Iterator[Mention]:
        """ "Pallas AI", "Tern Robotics", "Nimbus Labs": names set before a word that ends
        companies' names, which NER misses or takes for people. After a known name ("Azure
        AI", "Meta AI") the word makes a product or a part of it, which is not this."""
        organization = self.ontology.class_of_label("ORG")
        if organization is None:
            return
        table = token_table(doc)
        nouns = self.ontology.class_nouns(organization)
        for i, lower in enumerate(table.lower):
            if lower not in DROPPABLE_NAME_ENDINGS or i in headline_tokens or not (
                    table.text[i][:1].isupper() and table.pos[i] == "PROPN"):
                continue
            start = i
            while start > table.sent_start[i] and i - start < 3 and table.pos[start - 1] == "PROPN" \
                    and table.text[start - 1][:1].isupper() and table.lower[start - 1] not in DROPPABLE_NAME_ENDINGS \
                    and doc[start - 1].ent_type_ not in _NOT_NAME_LABELS:
                start -= 1  # not "June" in "In June Kelp AI released ..."
            end = i + 1  # "the Open Robotics Alliance": the name goes on with a noun of its class
            while end < len(doc) and end - i <= 2 and table.pos[end] == "PROPN" and table.text[end][:1].isupper() \
                    and (singular(table.lower[end]),) in nouns and table.sent_start[end] == table.sent_start[i]:
                end += 1
            if start < i and (start, i) not in known:
                yield _mention(doc[start:end], cls=organization, source=PATTERN)

    def _title_case_names(self, doc: Doc, headline_tokens: set[int]) -> Iterator[Mention]:
        """ "the Center for Robot Learning", "Kelp Hat Labs": a run of capitalised names, with
        the small words names keep ("of", "for"), that NER missed, kept where its head word (the
        last, or the one before "of") is a noun of a class."""
        table = token_table(doc)
        n = len(doc)
        i = 0
        while i < n:
            if i in headline_tokens or table.pos[i] != "PROPN" or not table.text[i][:1].isupper() \
                    or i == table.sent_start[i] or doc[i].ent_type_ in _NOT_NAME_LABELS:
                i += 1  # not "Monday" in "On Monday Nimbus Labs said"
                continue
            end, head = i + 1, None
            while end < n and table.sent_start[end] == table.sent_start[i]:
                if table.pos[end] == "PROPN" and table.text[end][:1].isupper() \
                        and doc[end].ent_type_ not in _NOT_NAME_LABELS:
                    end += 1
                elif table.lower[end] in NAME_HEAD_CONNECTORS and end + 1 < n and table.pos[end + 1] == "PROPN" \
                        and table.text[end + 1][:1].isupper():
                    head = head if head is not None else end - 1
                    end += 2
                else:
                    break
            if end - i >= 2:
                word = table.lower[head if head is not None else end - 1]
                cls = self.ontology.class_triggers.get((singular(word),))
                if cls is not None:
                    yield _mention(doc[i:end], cls=cls, source=NER)
            i = end

    def _dateline_places(self, doc: Doc) -> Iterator[Mention]:
        """ "BANGKOK, Thailand (AP)", "SAN FRANCISCO (Reuters) -": the capitals that open a
        news line name the place it was filed from, which NER, trained on mixed case, misses."""
        place = self.ontology.class_of_label("GPE")
        if place is None:
            return
        table = token_table(doc)
        for start, end in table.sentences:
            i = start
            while i < end and table.text[i].isspace():
                i += 1
            first = i
            while i < end and i - first < 4 and table.text[i].isalpha() and table.text[i].isupper() \
                    and len(table.text[i]) > 1:
                i += 1
            if i > first and i < end and table.text[i] in (",", "(") \
                    and (first == 0 or "\n" in table.text[first - 1] or doc[first - 1].whitespace_.count("\n")):
                yield _mention(doc[first:i], cls=place, source=NER)

    def _shaped_names(self, doc: Doc, headline_tokens: set[int]) -> Iterator[Mention]:
        """ "LiveCodeBench, a new benchmark", "the Vellum-2 model": a name by its shape
        (capitals inside a word, a version) that NER missed, kept only if the nouns around it
        say what it is."""
        table = token_table(doc)
        for i, text in enumerate(table.text):
            if i in headline_tokens:
                continue
            if _identifier(text):
                span = doc[i:i + 1]
            elif i + 1 < len(table.text) and table.text[i + 1] == "-" and table.idx[i] + len(text) == table.idx[i + 1] \
                    and text.islower() and (joined := _joined_code(doc, i)) is not None:
                span = joined  # "text-wren-002", which the tokenizer cuts at its first hyphen
            elif i + 2 < len(table.text) and table.text[i + 1] == "-" and text[:1].isupper() \
                    and not doc[i].whitespace_ and not doc[i + 1].whitespace_ \
                    and (i == 0 or doc[i - 1].whitespace_ or doc[i - 1].is_punct) \
                    and (i + 3 >= len(doc) or doc[i + 2].whitespace_ or doc[i + 3].is_punct):
                span = doc[i:i + 3]  # "MT-bench", "SWE-Bench": typed by its last word, if at all
            elif table.pos[i] == "PROPN" and text.istitle() and table.dep[i] == "compound" \
                    and table.head[i] == i + 1 and table.pos[i + 1] == "NOUN" \
                    and doc[i].ent_type_ not in _NOT_NAME_LABELS \
                    and (singular(table.lower[i + 1]),) in self.ontology.class_triggers:
                # "the Ettahadi party", "the Wren app": NER missed it; the noun types it
                start = i
                while start > table.sent_start[i] and table.dep[start - 1] == "compound" \
                        and table.pos[start - 1] == "PROPN" and table.text[start - 1].istitle() \
                        and not doc[start - 1].ent_type_:
                    start -= 1
                span = doc[start:i + 1]
            elif table.pos[i] == "PROPN" and text.istitle() and i > 0 and table.pos[i - 1] == "NOUN" \
                    and table.head[i - 1] == i and table.dep[i - 1] == "compound" \
                    and doc[i].ent_type_ not in _NOT_NAME_LABELS \
                    and (singular(table.lower[i - 1]),) in self.ontology.class_triggers:
                span = doc[i:i + 1]  # "payments company Stripe": a noun of a class right before a name
            elif table.pos[i] == "PROPN" and text.istitle() and any(
                    c.dep_ == "appos" and c.pos_ == "NOUN" for c in doc[i].children):
                # "Vanta, a maker of sensors": a name the noun beside it says is one
                start = i
                while start > table.sent_start[i] and table.head[start - 1] == i and table.dep[start - 1] == "compound" \
                        and table.pos[start - 1] == "PROPN":
                    start -= 1
                span = doc[start:i + 1]
            else:
                continue
            # a hyphen-joined name is what its last word says ("MT-bench"), as "Nimbus Labs" is
            cls = self.ontology.class_triggers.get((singular(span[-1].lower_),)) if len(span) == 3 \
                and span[1].text == "-" else None
            cls = cls or class_from_context(span, self.ontology) or _class_of_subject(span, self.ontology)
            if cls is not None:
                yield _mention(span, cls=cls, source=NER)

    # -- typing --------------------------------------------------------------------------
    def _retype(self, doc: Doc, mention: Mention) -> Mention:
        """Give a name the class its context states: "the X benchmark", "X, a startup"."""
        if mention.source == GAZETTEER:
            return mention
        span = mention.span(doc)
        person = self.ontology.class_of_label("PERSON")
        if person is not None and mention.cls != person and _particle_name(span):
            return _replace_class(mention, person)  # "Ann de Vries", which NER took for a company
        cls = class_from_context(span, self.ontology, current=mention.cls, name_word=False) \
            or _class_of_subject(span, self.ontology, current=mention.cls)
        if cls is not None:
            # what the words around say counts for more than NER, also where they agree: "Red
            # Hat, the software company" outweighs NER's calling it a person elsewhere
            return _replace_class(mention, cls)
        cls = class_of_name_word(span, self.ontology, current=mention.cls)
        if cls is None or cls == mention.cls:
            return mention
        # weaker than what the words around a name say: "Kelp Cloud, the computing arm of
        # Kelp Group" is a company, though its last word names a product
        return replace(mention, cls=cls, context_typed=True, typed_by_name=True)


def class_from_context(span: Span, ontology: Ontology, *, current: URIRef | None = None,
                       name_word: bool = True) -> URIRef | None:
    """The class the words around a name give it. ``current`` is the class it has so far."""
    root = span.root
    nouns: list[Token] = []
    title = _title_before_name(root.head, ontology) if root.dep_ in ("compound", "nmod") else None
    if title is None and root.dep_ in ("compound", "nmod") and root.head.pos_ == "NOUN" \
            and root.head.i >= span.end and _role_noun(root.head, ontology):
        title = root.head  # "a Denver native", "the Acme researchers": a role, named or not
    if title is not None and title.i >= span.end:
        # "Acme Robotics researcher Jane Doe": the noun is Jane Doe's, and a name before it
        # typed as she is (NER's usual mistake) is where she works: the range of the
        # relation the noun states. "Texas researcher Jane Doe" keeps its place.
        return _range_of_title(title, ontology, current)
    # a plural noun the tagger took for a verb in "-s" is still the noun its arguments say
    nominal = root.head.pos_ in ("NOUN", "PROPN") or (root.head.tag_ == "VBZ" and root.head.dep_ in (
        "dobj", "pobj", "nsubj", "nsubjpass", "appos"))
    # a place NER found before a noun for a company or a person says where they are ("a Boise,
    # Idaho, firm", "a Boston lawyer"); before a noun for a thing it is more often a name NER
    # mistook ("its Bedrock service")
    placed = bool(root.ent_type_) and ontology.class_of_label(root.ent_type_) == ontology.class_of_label("GPE") \
        and any(ontology.class_triggers.get(w) in (ontology.class_of_label("ORG"), ontology.class_of_label("PERSON"))
                for w in noun_words(root.head))
    if root.dep_ in ("compound", "nmod", "amod", "nummod") and nominal and not placed \
            and root.head.i >= span.end and not _names_another(root.head):
        nouns.append(root.head)  # "the HumanEval benchmark"; not "Orchid AI, a San Diego company"
        if root.head.lemma_.lower() in COLLECTION_NOUNS:  # "the Tide family of models"
            nouns.extend(of_objects(root.head))
    # "spokesman Bo Park", "chief executive Ann Lee": a title right before the name; not before a
    # name whose own last word is a noun of a class ("the state Republican Party")
    if class_of_name_word(span, ontology) is None:
        nouns.extend(c for c in root.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == span.start - 1)
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.append(root.head)  # "the startup, Cohere"; not "MEXICO CITY (AP)"
    # "Cohere, a startup"; not an apposition the parser hung on the name from further on
    # ("X, a collaboration, released A and B, two models": the models are A and B)
    appositions = [c for c in root.children if c.dep_ == "appos" and _follows_directly(span, c)]
    following = _surface_apposition(span)
    if following is not None:
        appositions.append(following)
    nouns.extend(appositions)
    located = _place_of_trigger(root, ontology, current) or _class_of_object(root, ontology, current) \
        or _class_after_preposition(span, ontology, current)
    if located is not None:
        return located
    naming = root.head
    if root.dep_ in ("oprd", "attr", "xcomp") and naming.lemma_.lower() in NAMING_VERBS and naming.dep_ == "acl":
        nouns.append(naming.head)  # "AWS chips called Trainium"
    for noun in nouns:
        if noun.i in range(span.start, span.end):
            continue
        for words in noun_words(noun):
            cls = ontology.class_triggers.get(words)
            if cls is not None:
                return cls
    for noun in appositions:
        # "Kelp Cloud, the computing arm of Kelp Group": a noun of a relation between two things
        # of one class, beside the name, makes it of that class, whichever end it is ("Ann
        # Lee, the chief of X" or "Y, home of X" could be either end, and type nothing)
        classes = {c for words in _own_words(noun) for r in ontology.noun_relations(words)
                   for c in (*r.domain, *r.range)}
        if len(classes) == 1 and noun.i not in range(span.start, span.end):
            return classes.pop()
    return class_of_name_word(span, ontology, current=current) if name_word else None


def class_of_name_word(span: Span, ontology: Ontology, *, current: URIRef | None = None) -> URIRef | None:
    """A name whose last word is a noun of a class names a member of it, as English names
    institutions: "Nimbus Labs", "Tufts University", "the Open Data Alliance". It undoes NER's
    taking them for people; "Kelp Cloud", which NER calls a company, stays one."""
    if len(span) > 1 and span[-1].is_title and current in (None, ontology.class_of_label("PERSON")):
        last = span[-1]  # a proper noun keeps its plural as its lemma
        for words in (*noun_words(last), (singular(last.lower_),)):
            cls = ontology.class_triggers.get(words)
            if cls is not None:
                return cls
    return None


def _place_of_trigger(root: Token, ontology: Ontology, current: URIRef | None) -> URIRef | None:
    """ "based in Boise", "a Boise-based firm", "its office in Boise": a name a word of
    location takes (a trigger whose relations all have the place class as their one range)
    is a place, whatever NER called it."""
    place = ontology.class_of_label("GPE")
    if place is None or current == place:
        return None
    word = None
    if root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.lower_ == "in":
        word = root.head.head  # "based in Boise"
    elif root.dep_ in ("npadvmod", "compound") and root.head.lemma_.lower() == "base" \
            and root.i + 1 < len(root.doc) and root.doc[root.i + 1].text == "-":
        word = root.head  # "Boise-based"
    if word is None or word.pos_ not in ("VERB", "NOUN", "ADJ"):
        return None
    relations = [r for w in (*verb_words(word), *noun_words(word))
                 for r in (*ontology.verb_relations(w), *ontology.noun_relations(w))]
    if relations and all(r.range == frozenset({place}) for r in relations):
        return place
    return None


def _class_of_object(root: Token, ontology: Ontology, current: URIRef | None) -> URIRef | None:
    """ "Databricks bought MosaicML", "the assassination of Lincoln": the object of a verb or
    a noun whose relations hold between things of one class only (acquired: two
    organizations) is of that class, whichever way the word reads them; words of two classes
    ("hired": a person and a company) type nothing."""
    head = root.head
    if root.dep_ == "dobj" and head.pos_ == "VERB":
        relations = [r for words in verb_words(head) for r in ontology.verb_relations(words)]
    elif root.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "NOUN" and head.lower_ in ("of", "with"):
        # "the assassination of Lincoln", "its partnership with Kelp": the noun's argument; not
        # where it happened ("the murder of X in Memphis")
        relations = [r for words in noun_words(head.head) for r in ontology.noun_relations(words)]
    else:
        return None
    classes = {c for r in relations for c in (*r.domain, *r.range)}
    if len(classes) == 1 and current not in classes:
        return classes.pop()
    return None


def _class_of_subject(span: Span, ontology: Ontology, *, current: URIRef | None = None) -> URIRef | None:
    """ "Tide-3 outperformed Orca-2", "Kelp's Tide-3 scored 88%": a name by its shape (a
    version, capitals inside a word: an identifier of a thing, no person or organization),
    the subject of a verb whose relations all have one class of things as their domain, is of
    that class."""
    if len(span) != 1 or not _identifier(span.text):
        return None
    root = span.root
    if root.dep_ != "nsubj" or root.head.pos_ != "VERB":
        return None
    domains = {c for words in verb_words(root.head) for r in ontology.verb_relations(words) for c in r.domain}
    agents = {ontology.class_of_label("PERSON"), ontology.class_of_label("ORG")}
    return domains.pop() if len(domains) == 1 and current not in domains and not domains & agents else None


def _class_after_preposition(span: Span, ontology: Ontology, current: URIRef | None) -> URIRef | None:
    """ "Ann de Vries of ServiceNow": a name NER missed, right after a name and a preposition
    whose relations all have one class as their range, is of that class (read off the words:
    the parser hangs such names anywhere)."""
    doc, i = span.doc, span.start
    if current is not None or i < 2 or doc[i - 1].tag_ != "IN" or doc[i - 2].pos_ != "PROPN":
        return None
    ranges = {c for r in ontology.preposition_relations(doc[i - 1].lower_) for c in r.range}
    return ranges.pop() if len(ranges) == 1 else None


def _particle_name(span: Span) -> bool:
    """A given name, the particles of a family name and the family name: "Ann de Vries"."""
    words = [t.text for t in span]
    if not 3 <= len(words) <= 5 or not (words[0].istitle() and words[-1][:1].isupper()):
        return False
    middle = words[1:-1]
    first = words[0].lower()
    return all(w in NAME_PARTICLES for w in middle) and first not in DROPPABLE_NAME_ENDINGS \
        and first not in FOREIGN_INSTITUTION_WORDS


def _follows_directly(span: Span, noun: Token) -> bool:
    """Whether only punctuation, or an aside in brackets, stands between a name and the phrase
    a noun heads."""
    start = noun.left_edge.i
    if start < span.end:
        return False
    depth = 0
    for token in span.doc[span.end:start]:
        depth += token.is_left_punct and token.is_bracket
        if not (token.is_punct or depth > 0):
            return False
        depth -= token.is_right_punct and token.is_bracket
    return True


def _names_another(noun: Token) -> bool:
    """Whether a noun is set beside a name of its own ("Orchid AI, a San Diego company"), so
    that a name modifying it is not its name."""
    return (noun.dep_ == "appos" and noun.head.pos_ == "PROPN") or any(
        c.dep_ == "appos" and c.pos_ == "PROPN" for c in noun.children)


def _title_before_name(noun: Token, ontology: Ontology) -> Token | None:
    """The noun, when it is a title right before a name ("researcher" in "researcher Jane
    Doe"); a capitalised title ("U.N. Secretary Ann Lee") is tagged as a name, and is known
    by the ontology's nouns."""
    is_title = noun.pos_ == "NOUN" or (noun.pos_ == "PROPN" and any(
        words in ontology.class_triggers or ontology.noun_relations(words) for words in _own_words(noun)))
    if is_title and noun.dep_ == "compound" and noun.head.pos_ == "PROPN" and noun.head.i > noun.i \
            and noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].pos_ == "PROPN":
        return noun
    return None


def _own_words(noun: Token) -> list[Words]:
    """The noun's forms without the words before it: its lemma and its text."""
    return [words for words in noun_words(noun) if len(words) == 1]


def _role_noun(noun: Token, ontology: Ontology) -> bool:
    """A noun that names a thing by a relation it has ("native": livesIn; "researcher":
    worksFor) and is itself a word for the relation's domain: a name before it is the other end."""
    for words in _own_words(noun):
        cls = ontology.class_triggers.get(words)
        if cls is not None and any(ontology.is_a(cls, d) for r in ontology.noun_relations(words) for d in r.domain):
            return True
    return False


def _range_of_title(title: Token, ontology: Ontology, current: URIRef | None) -> URIRef | None:
    """The one range class of the relations a title states ("researcher": worksFor, whose
    range is Organization), if they agree on one and the name is of their domain so far."""
    relations = [r for words in noun_words(title) for r in ontology.noun_relations(words)]
    ranges = {cls for r in relations for cls in r.range}
    if len(ranges) != 1:
        return None
    if current is None:
        return ranges.pop()  # "a former Uber executive": a name NER missed, before a title
    if not any(ontology.is_a(current, cls) for r in relations for cls in r.domain):
        return None
    return ranges.pop()


def _surface_apposition(span: Span) -> Token | None:
    """The head noun of ", a fast-growing startup" right after a name, however it was parsed."""
    doc = span.doc
    i = span.end
    if i + 1 >= len(doc) or doc[i].text != ",":
        return None
    i += 1
    if doc[i].lower_ == "one" and i + 2 < len(doc) and doc[i + 1].lower_ == "of":
        i += 2  # ", one of Kelp's Tide models": one of the things the plural names
        if doc[i].lower_ in ("the", "its", "their", "his", "her"):
            i += 1
    elif doc[i].lower_ in ("a", "an", "the", "its", "their"):
        i += 1  # ", its most capable model yet"
    head = None
    while i < len(doc) and i < span.end + 8 and (doc[i].pos_ in ("ADJ", "NOUN", "PROPN", "NUM", "ADV")
                                                 or doc[i].text in ("-", "'s", "’s")
                                                 or (doc[i].tag_ == "VBG" and doc[i].dep_ in ("amod", "compound"))):
        if doc[i].pos_ == "NOUN":
            head = doc[i]
        i += 1
    if head is not None and head.dep_ in ("nsubj", "nsubjpass") and head.head.i > head.i:
        return None  # "..., the organization said": the subject of what follows, no apposition
    if head is not None and head.is_ancestor(span.root):
        return None  # "a Boise, Idaho, firm": the name is in the noun's own phrase, no apposition
    return head


def _joined_code(doc: Doc, i: int) -> Span | None:
    """A model identifier the tokenizer cut into pieces with no space between them."""
    end = i + 1
    while end < len(doc) and end - i < 6 and not doc[end - 1].whitespace_ and (
            doc[end].text == "-" or not doc[end].is_punct):
        end += 1
    span = doc[i:end]
    return span if end - i > 1 and _CODE_NAME.match(span.text) else None


# -- helpers -----------------------------------------------------------------------------

def _spellings(name: str) -> set[str]:
    """A name as writers spell it: as given, and with hyphens and spaces swapped before digits."""
    variants = {name}
    variants.add(re.sub(r"(?<=[A-Za-z])-(?=\d)", " ", name))
    variants.add(re.sub(r"(?<=[A-Za-z]) (?=\d)", "-", name))
    return {v for v in variants if v.strip()}


def _mention(span: Span, *, cls: URIRef, source: str, name: str | None = None,
             entry: URIRef | None = None) -> Mention:
    text = clean_surface(span.text)
    return Mention(start=span.start, end=span.end, start_char=span.start_char, end_char=span.end_char,
                   text=text, name=name or text, cls=cls, source=source,
                   confidence=SOURCE_CONFIDENCE[source], entry=entry)


def _replace_class(mention: Mention, cls: URIRef) -> Mention:
    return replace(mention, cls=cls, context_typed=True)


def _elided_versions(doc: Doc, span: Span, prefix: str, cls: URIRef) -> Iterator[Mention]:
    """ "Llama 3 and 4": the bare "4" continues the family of the name before it."""
    if not re.search(r"\d", span[-1].text):
        return
    i = span.end
    while i + 1 < len(doc) and doc[i].lower_ in ("and", "or", ",", "&", "to"):
        tok = doc[i + 1]
        if not re.fullmatch(r"\d+(?:\.\d+)?", tok.text):
            return
        name = f"{prefix} {tok.text}"
        yield Mention(start=tok.i, end=tok.i + 1, start_char=tok.idx, end_char=tok.idx + len(tok.text),
                      text=tok.text, name=name, cls=cls, source=PATTERN,
                      confidence=SOURCE_CONFIDENCE[PATTERN])
        i += 2


def _with_title(doc: Doc, mention: Mention) -> Mention:
    """A person's name with the titles of address right before it, as its qualified name:
    "President Lincoln", "U.S. Sen. Ann Lee", "Roman Emperor Hadrian"."""
    if mention.source == REFERENCE:
        return mention
    start = mention.start
    sent_start = doc[start].sent.start
    while start > sent_start:
        word = doc[start - 1]
        lower = word.lower_
        title = (lower in HONORIFICS or lower in TITLE_ABBREVIATIONS) and word.text[:1].isupper()
        # a nation's or place's name before a title is part of it: "U.S. Sen.", "Roman Emperor"
        origin = start < mention.start and word.ent_type_ in ("NORP", "GPE") and word.text[:1].isupper()
        if not (title or origin):
            break
        start -= 1
    if start == mention.start:
        return mention
    return replace(mention, qualified=doc[start:mention.end].text)


def _ticker(span: Span) -> bool:
    """ "Meta Platforms Inc. META", "(NASDAQ: NVDA)": a stock symbol is no mention of its own."""
    if len(span) != 1 or not span[0].is_upper or span.start == 0:
        return False
    doc = span.doc
    before = doc[span.start - 1]
    if before.lower_ in CORPORATE_SUFFIXES:
        return True
    return before.text == ":" and span.start >= 2 and doc[span.start - 2].lower_ in STOCK_EXCHANGES


def _trim(span: Span) -> Span | None:
    """Drop what NER glues to a name: articles, possessive endings, punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    if start > 0 and doc[start - 1].text == "The" and not doc[start - 1].is_sent_start:
        start -= 1  # NER left out the "The" of "The Stack"
    # "The Stack", "The Associated Press": a capital "The" inside a sentence is the name's
    while start < end and ((doc[start].lower_ in ("the", "a", "an") and not (
            doc[start].text == "The" and not doc[start].is_sent_start and end - start > 1)) or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in POSSESSIVE_MARKERS):
        end -= 1
    for i in range(start, end):  # "Union of Free Forces (UFF": a bracket NER opened and never closed
        if doc[i].is_left_punct and doc[i].is_bracket and not any(
                doc[j].is_right_punct and doc[j].is_bracket for j in range(i + 1, end)):
            end = i
            break
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end] if end > start else None


def _plausible_name(span: Span) -> bool:
    text = span.text
    if "\n" in text or any(t.is_space for t in span):
        return False
    if text.lower() in NOT_NAMES or not any(ch.isupper() for ch in text):
        return False
    if any(t.text == "," for t in span) and span[-1].lower_ not in CORPORATE_SUFFIXES:
        return False
    if len(text) < 2:
        return False
    if len(span) == 1 and span[0].pos_ != "PROPN" and not _VERSIONED_WORD.match(text):
        return False  # "Open", "Daily": a capitalised common word, not a name; "Tide-3" is one
    words = [t for t in span if not t.is_punct]
    for tok in words[1:-1] if len(words) > 2 else []:
        if tok.is_lower and tok.lower_ not in NAME_CONNECTORS:
            return False
    if words and (words[0].is_lower or words[-1].is_lower):
        return False
    return True


_PRIORITY = {GAZETTEER: 0, PATTERN: 1, NER: 2}


def _resolve_overlaps(candidates: Sequence[Mention], doc: Doc) -> list[Mention]:
    """Keep the most trusted of overlapping mentions; a longer clean NER name that merely
    extends a known name ("Microsoft Research" around "Microsoft") is a different entity."""
    trusted = [o for o in candidates if o.source in (GAZETTEER, PATTERN)]
    # trusted names by first token: a mention meets only those that start near it, so the
    # check is linear in the document, not quadratic
    by_start: dict[int, list[Mention]] = {}
    for o in trusted:
        by_start.setdefault(o.start, []).append(o)
    longest = max((o.end - o.start for o in trusted), default=0)

    def near(m: Mention) -> list[Mention]:
        return [o for s in range(max(0, m.start - longest), m.end) for o in by_start.get(s, ())]

    def extends_known_name(m: Mention) -> bool:
        close = near(m)
        inside = [o for o in close if m.start <= o.start and o.end <= m.end and o is not m]
        # only the largest inner names: "Llama 3 8B" holds "Llama 3", which holds "Llama"
        inside = [o for o in inside if not any(i is not o and i.start <= o.start and o.end <= i.end
                                               and (i.end - i.start) > (o.end - o.start) for i in inside)]
        if len(inside) != 1 or any(o.start <= m.start and m.end <= o.end and o is not m for o in close):
            return False
        if m.source == PATTERN:
            return True  # "Claude 3 Opus" around "Claude": a version is a more specific name
        known = inside[0]
        extra = [t for t in doc[m.start:m.end] if not known.start <= t.i < known.end]
        # "the University of Washington" around "Washington": the small words names keep count
        # before the known name, not after it ("the AI Alliance on Tuesday"); a hyphen joins a
        # word to it ("Falcon-V" around "Falcon")
        return all(t.is_title or t.is_upper or (t.lower_ in NAME_CONNECTORS and known.end == m.end)
                   or (t.text == "-" and t.i + 1 < m.end) for t in extra)

    def rank(m: Mention) -> tuple:
        priority = -1 if m.source in (NER, PATTERN) and extends_known_name(m) else _PRIORITY[m.source]
        return (priority, -(m.end - m.start), m.start)

    taken: set[int] = set()
    chosen: list[Mention] = []
    for m in sorted(candidates, key=rank):
        if any(i in taken for i in range(m.start, m.end)):
            continue
        chosen.append(m)
        taken.update(range(m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)


def surface_lists(doc: Doc, mentions: Sequence[Mention]) -> list[list[Mention]]:
    """Runs of names joined only by commas and "and"/"or" within a sentence: "A, B and C"."""
    groups: list[list[Mention]] = []
    table = token_table(doc)
    lower, sent_start = table.lower, table.sent_start
    for mention in sorted(mentions, key=lambda m: m.start):
        if groups:
            last = groups[-1][-1]
            gap = lower[last.end:mention.start]
            if (0 < len(gap) <= 2 and all(w in LIST_CONNECTORS for w in gap)
                    and sent_start[last.start] == sent_start[mention.start]
                    # "Meta, which acquired Scale AI, and Google": no list across a clause's edge
                    and table.clause_of(last.end - 1) == table.clause_of(mention.end - 1)):
                groups[-1].append(mention)
                continue
        groups.append([mention])
    # a list ends with "and" or "or"; "Colette Kress, Nvidia's CFO" is an apposition; a comma
    # before the "and" of two names closes what was set off before them ("Ann Lee, an engineer
    # at Acme, and Tom Reed"): a list of two has none ("Acme and Kelp")
    return [g for g in groups if len(g) > 1 and any(w in LIST_CONJUNCTIONS for w in lower[g[-2].end:g[-1].start])
            and not (len(g) == 2 and "," in lower[g[0].end:g[1].start])]


def _places_before_places(doc: Doc, mentions: list[Mention], *, place: URIRef | None) -> list[Mention]:
    """ "DAYTON, Ohio (AP)", "in Larch Hill, Vt., on Monday": a name only NER typed, right
    before a comma and a place that closes the phrase, is a place in it, as news writes towns."""
    if place is None:
        return mentions
    by_start = {m.start: m for m in mentions}
    retyped: dict[int, Mention] = {}
    for m in mentions:
        after = by_start.get(m.end + 1)
        if m.source != NER or m.context_typed or m.cls == place or after is None or after.cls != place \
                or doc[m.end].text != "," or doc[m.end - 1].lower_ in DROPPABLE_NAME_ENDINGS:
            continue
        if after.end < len(doc) and not (doc[after.end].is_punct or doc[after.end].is_sent_start):
            continue  # "Acme, Texas Instruments and Intel": no place closes the phrase
        retyped[m.start] = _replace_class(m, place)
    for group in surface_lists(doc, mentions):
        if len(group) > 2:  # "Kelp, Amazon, and Nimbus": a list of three is no town and its state
            for m in group:
                retyped.pop(m.start, None)
    return [retyped.get(m.start, m) for m in mentions]


def _share_list_classes(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """The names of a list are of one kind: a name only NER typed takes the class the known
    names of the list agree on ("Nvidia, Oracle and Cisco": Cisco is no place)."""
    retyped: dict[int, Mention] = {}
    for group in surface_lists(doc, mentions):
        known = {m.cls for m in group if m.source in (GAZETTEER, PATTERN)}
        if len(known) != 1:
            continue
        cls = next(iter(known))
        for m in group:
            if m.end < len(doc) and doc[m.end].lower_ in AFFILIATION_PREPOSITIONS:
                continue  # "A of Acme and B of Kelp": B is in a list of people, not of companies
            if m.source == NER and m.cls != cls:
                retyped[m.start] = _replace_class(m, cls)
    return [retyped.get(m.start, m) for m in mentions]


def _recurring_names(doc: Doc, mentions: list[Mention], boilerplate: set[int]) -> list[Mention]:
    """A name found once in a document is a name wherever it recurs there: NER that saw
    "MosaicML" in one sentence may miss it at the start of the next."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    table = token_table(doc)
    text = table.text
    by_first: dict[str, dict[tuple[str, ...], Mention]] = {}
    for m in mentions:
        if m.source in (NER, PATTERN) and m.text == doc[m.start:m.end].text:
            words = tuple(text[m.start:m.end])
            by_first.setdefault(words[0], {}).setdefault(words, m)
    added = []
    for start, first in enumerate(text):
        for words, model in by_first.get(first, {}).items():
            end = start + len(words)
            if (end <= len(doc) and tuple(text[start:end]) == words
                    and not any(i in taken for i in range(start, end))
                    and table.sent_start[start] not in boilerplate):
                span = doc[start:end]
                added.append(replace(model, start=span.start, end=span.end, start_char=span.start_char,
                                     end_char=span.end_char))
                taken.update(range(start, end))
    return sorted([*mentions, *added], key=lambda m: m.start)


#: the most the recognizer's labels of one name count for, all together: less than one
#: mention the context types (``Mention.class_weight``)
RECOGNIZED_MOST = 2.0


def unify_classes(mentions: list[Mention]) -> list[Mention]:
    """One name, one class within a document: "MosaicML, a startup" makes every MosaicML of
    the article an organization, whatever NER said of each."""
    votes: dict[tuple[str, ...], dict[URIRef, float]] = {}
    by_name_word: set[tuple[str, ...]] = set()
    recognized: dict[tuple[str, ...], dict[URIRef, float]] = {}
    for m in mentions:
        if m.source in (NER, PATTERN):
            key = name_key(m.name)
            if m.typed_by_name:
                if key in by_name_word:
                    continue  # the name's own word says the same each time it is written: once
                by_name_word.add(key)
            if m.source == NER and not m.context_typed:
                # the recognizer's labels of one string are not independent: its mistakes on a
                # name repeat ("Blackwell" a person in every sentence), so together they may
                # tell its classes apart but never outweigh what the words around it say
                counts = recognized.setdefault(key, {})
                counts[m.cls] = counts.get(m.cls, 0.0) + m.class_weight
                continue
            tally = votes.setdefault(key, {})
            tally[m.cls] = tally.get(m.cls, 0.0) + m.class_weight
    for key, counts in recognized.items():
        tally = votes.setdefault(key, {})
        for cls, weight in counts.items():
            tally[cls] = tally.get(cls, 0.0) + min(weight, RECOGNIZED_MOST)
    winner = {key: max(tally, key=lambda c: (tally[c], str(c))) for key, tally in votes.items()}
    return [replace(m, cls=winner[name_key(m.name)]) if m.source in (NER, PATTERN)
            and winner[name_key(m.name)] != m.cls else m for m in mentions]


def mentions_by_token(mentions: Iterable[Mention]) -> dict[int, Mention]:
    return {i: m for m in mentions for i in range(m.start, m.end)}
