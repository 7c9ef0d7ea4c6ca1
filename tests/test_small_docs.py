"""Relation readings on Docs built by hand, as spaCy's own tests build them: the words, their
tags and their parse are given, so these tests say what kg reads from a parse, with no model
and whatever a statistical parser would do with the sentence."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract.arguments import ArgumentResolver
from kg.extract.coref import resolve_references
from kg.extract.relations import find_relations
from kg.ontology import default_ontology
from kg.rdf.vocab import AI
from kg.records import NER, Mention

ONTOLOGY = default_ontology()
VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower case, punctuation), no model


def parsed(rows: list[tuple[str, str, str, str, int, str]]) -> Doc:
    """A Doc from (word, lemma, pos, tag, head, dep) rows; heads are absolute token indices."""
    words, lemmas, pos, tags, heads, deps = (list(column) for column in zip(*rows, strict=False))
    spaces = [i + 1 < len(words) and words[i + 1] not in (",", ".", "'s") for i in range(len(words))]
    return Doc(VOCAB, words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags, heads=heads, deps=deps)


def named(doc: Doc, start: int, end: int, cls) -> Mention:
    span = doc[start:end]
    return Mention(start=start, end=end, start_char=span.start_char, end_char=span.end_char, text=span.text,
                   name=span.text, cls=cls, source=NER, confidence=0.9)


def accepted(doc: Doc, mentions: list[Mention]) -> set[tuple[str, str, str]]:
    return {(r.subject.name, r.relation.rsplit("#", 1)[-1], r.object.name)
            for r in find_relations(doc, mentions, ontology=ONTOLOGY) if r.rejected is None}


# "Kelp signed a partnership with Dune."
PARTNERSHIP = [("Kelp", "Kelp", "PROPN", "NNP", 1, "nsubj"), ("signed", "sign", "VERB", "VBD", 1, "ROOT"),
               ("a", "a", "DET", "DT", 3, "det"), ("partnership", "partnership", "NOUN", "NN", 1, "dobj"),
               ("with", "with", "ADP", "IN", 3, "prep"), ("Dune", "Dune", "PROPN", "NNP", 4, "pobj"),
               (".", ".", "PUNCT", ".", 1, "punct")]
# "Kelp, a collaboration led by Dune, grew."
COLLABORATION = [("Kelp", "Kelp", "PROPN", "NNP", 8, "nsubj"), (",", ",", "PUNCT", ",", 0, "punct"),
                 ("a", "a", "DET", "DT", 3, "det"), ("collaboration", "collaboration", "NOUN", "NN", 0, "appos"),
                 ("led", "lead", "VERB", "VBN", 3, "acl"), ("by", "by", "ADP", "IN", 4, "agent"),
                 ("Dune", "Dune", "PROPN", "NNP", 5, "pobj"), (",", ",", "PUNCT", ",", 0, "punct"),
                 ("grew", "grow", "VERB", "VBD", 8, "ROOT"), (".", ".", "PUNCT", ".", 8, "punct")]
# "Kelp chief executive Ann Lee unveiled Tide."
OFFICER = [("Kelp", "Kelp", "PROPN", "NNP", 2, "nmod"), ("chief", "chief", "ADJ", "JJ", 2, "amod"),
           ("executive", "executive", "NOUN", "NN", 4, "compound"), ("Ann", "Ann", "PROPN", "NNP", 4, "compound"),
           ("Lee", "Lee", "PROPN", "NNP", 5, "nsubj"), ("unveiled", "unveil", "VERB", "VBD", 5, "ROOT"),
           ("Tide", "Tide", "PROPN", "NNP", 5, "dobj"), (".", ".", "PUNCT", ".", 5, "punct")]
# "Former Kelp chief executive Ann Lee unveiled Tide."
FORMER_OFFICER = [("Former", "former", "ADJ", "JJ", 3, "amod")] + [
    (w, lemma, p, t, h + 1, d) for w, lemma, p, t, h, d in OFFICER]
# "Kelp opened the summit by unveiling Tide."
GERUND = [("Kelp", "Kelp", "PROPN", "NNP", 1, "nsubj"), ("opened", "open", "VERB", "VBD", 1, "ROOT"),
          ("the", "the", "DET", "DT", 3, "det"), ("summit", "summit", "NOUN", "NN", 1, "dobj"),
          ("by", "by", "ADP", "IN", 1, "prep"), ("unveiling", "unveil", "VERB", "VBG", 4, "pcomp"),
          ("Tide", "Tide", "PROPN", "NNP", 5, "dobj"), (".", ".", "PUNCT", ".", 1, "punct")]


# "Kelp took the first step, open-sourcing a set of Tide models.", with the gerund taken for a
# modifier of "set", and "set" for a second object of "took"
CLAUSE_GERUND = [("Kelp", "Kelp", "PROPN", "NNP", 1, "nsubj"), ("took", "take", "VERB", "VBD", 1, "ROOT"),
                 ("the", "the", "DET", "DT", 4, "det"), ("first", "first", "ADJ", "JJ", 4, "amod"),
                 ("step", "step", "NOUN", "NN", 1, "dobj"), (",", ",", "PUNCT", ",", 10, "punct"),
                 ("open", "open", "ADV", "RB", 8, "advmod"), ("-", "-", "PUNCT", "HYPH", 8, "punct"),
                 ("sourcing", "source", "VERB", "VBG", 10, "amod"), ("a", "a", "DET", "DT", 10, "det"),
                 ("set", "set", "NOUN", "NN", 1, "conj"), ("of", "of", "ADP", "IN", 10, "prep"),
                 ("Tide", "Tide", "PROPN", "NNP", 13, "compound"), ("models", "model", "NOUN", "NNS", 11, "pobj"),
                 (".", ".", "PUNCT", ".", 1, "punct")]
# "Kelp chief executive Ann Lee spoke.", with Kelp hung on the name, not on the title
OFFICER_FLAT = [("Kelp", "Kelp", "PROPN", "NNP", 4, "compound"), ("chief", "chief", "NOUN", "NN", 2, "amod"),
                ("executive", "executive", "NOUN", "NN", 4, "compound"), ("Ann", "Ann", "PROPN", "NNP", 4, "compound"),
                ("Lee", "Lee", "PROPN", "NNP", 5, "nsubj"), ("spoke", "speak", "VERB", "VBD", 5, "ROOT"),
                (".", ".", "PUNCT", ".", 5, "punct")]

# "Kelp chief executive Ann Lee opened the summit by unveiling Tide, along with chips.", with
# Kelp hung on the name and the chips set beside the gerund's subject
OFFICER_GERUND = [*OFFICER_FLAT[:5], ("opened", "open", "VERB", "VBD", 5, "ROOT"),
                  ("the", "the", "DET", "DT", 7, "det"), ("summit", "summit", "NOUN", "NN", 5, "dobj"),
                  ("by", "by", "ADP", "IN", 5, "prep"), ("unveiling", "unveil", "VERB", "VBG", 8, "pcomp"),
                  ("Tide", "Tide", "PROPN", "NNP", 9, "dobj"), (",", ",", "PUNCT", ",", 9, "punct"),
                  ("along", "along", "ADP", "IN", 9, "prep"), ("with", "with", "ADP", "IN", 12, "prep"),
                  ("chips", "chip", "NOUN", "NNS", 13, "pobj"), (".", ".", "PUNCT", ".", 5, "punct")]

# "Ann Lee of Kelp and Tom Reed of Dune spoke.", with "of" taking "Reed" and Kelp hung on it
MISPLACED_OF = [("Ann", "Ann", "PROPN", "NNP", 1, "compound"), ("Lee", "Lee", "PROPN", "NNP", 9, "nsubj"),
                ("of", "of", "ADP", "IN", 1, "prep"), ("Kelp", "Kelp", "PROPN", "NNP", 6, "nmod"),
                ("and", "and", "CCONJ", "CC", 3, "cc"), ("Tom", "Tom", "PROPN", "NNP", 3, "conj"),
                ("Reed", "Reed", "PROPN", "NNP", 2, "pobj"), ("of", "of", "ADP", "IN", 6, "prep"),
                ("Dune", "Dune", "PROPN", "NNP", 7, "pobj"), ("spoke", "speak", "VERB", "VBD", 9, "ROOT"),
                (".", ".", "PUNCT", ".", 9, "punct")]


@pytest.mark.parametrize(("rows", "names", "expected"), [
    # the name right after a preposition is its object, wherever the parser hung it
    (MISPLACED_OF, [(0, 2, AI.Person), (3, 4, AI.Organization), (5, 7, AI.Person), (8, 9, AI.Organization)],
     {("Ann Lee", "worksFor", "Kelp"), ("Tom Reed", "worksFor", "Dune")}),
    # a name before the titles of a name after them is whom the titles are at
    (OFFICER_FLAT, [(0, 1, AI.Organization), (3, 5, AI.Person)], {("Ann Lee", "worksFor", "Kelp")}),
    # the path between two names, through a noun trigger and its preposition
    (PARTNERSHIP, [(0, 1, AI.Organization), (5, 6, AI.Organization)], {("Kelp", "partnersWith", "Dune")}),
    # a clause on the noun says how Dune relates to it ("led by": a member); the noun, a
    # collaboration, makes no partnership of the two
    (COLLABORATION, [(0, 1, AI.Organization), (6, 7, AI.Organization)], {("Dune", "memberOf", "Kelp")}),
    # what only an organization does, its officer does for it; a former officer for nobody
    (OFFICER, [(0, 1, AI.Organization), (3, 5, AI.Person), (6, 7, AI.AIModel)],
     {("Kelp", "releases", "Tide"), ("Ann Lee", "worksFor", "Kelp")}),
    (FORMER_OFFICER, [(1, 2, AI.Organization), (4, 6, AI.Person), (7, 8, AI.AIModel)], set()),
    # a gerund after "by" is done by the clause's subject
    (GERUND, [(0, 1, AI.Organization), (6, 7, AI.AIModel)], {("Kelp", "releases", "Tide")}),
    # what only an organization does, its officer does for it, whose title's owner the parser
    # hung on the name; a doer set beside ("along with chips") leaves the gerund's own missing
    (OFFICER_GERUND, [(0, 1, AI.Organization), (3, 5, AI.Person), (10, 11, AI.AIModel)],
     {("Ann Lee", "worksFor", "Kelp"), ("Kelp", "releases", "Tide")}),
    # so is one opening a clause after a comma, taken for a modifier of its object
    (CLAUSE_GERUND, [(0, 1, AI.Organization), (12, 13, AI.AIModel)], {("Kelp", "releases", "Tide")}),
])
def test_readings_of_a_given_parse(rows, names, expected):
    doc = parsed(rows)
    mentions = [named(doc, start, end, cls) for start, end, cls in names]
    assert accepted(doc, mentions) == expected


def test_the_resolver_says_which_names_a_word_stands_for():
    # "Kelp, a collaboration led by Dune, grew.": the apposition stands for Kelp
    doc = parsed(COLLABORATION)
    kelp, dune = named(doc, 0, 1, AI.Organization), named(doc, 6, 7, AI.Organization)
    resolver = ArgumentResolver(doc, [kelp, dune], ONTOLOGY)
    assert resolver.entities(doc[3]) == [kelp]
    assert resolver.entities(doc[8]) == []
    subjects, objects, rule = resolver.verb_arguments(doc[4])  # "led by Dune": Dune led it
    assert (subjects, rule) == ([dune], "verb-participle") and objects == [kelp]


def test_a_plural_class_noun_written_as_a_name_stands_for_its_modifier():
    # "K100 GPUs sold out.": the tagger keeps "GPUs" as its own lemma; it still names K100
    doc = parsed([("K100", "K100", "PROPN", "NNP", 1, "compound"), ("GPUs", "GPUs", "PROPN", "NNPS", 2, "nsubj"),
                  ("sold", "sell", "VERB", "VBD", 2, "ROOT"), ("out", "out", "ADP", "RP", 2, "prt"),
                  (".", ".", "PUNCT", ".", 2, "punct")])
    k100 = named(doc, 0, 1, AI.Product)
    assert ArgumentResolver(doc, [k100], ONTOLOGY).entities(doc[1]) == [k100]


# "Kelp grew. In May it released Tide, the family includes Orca.": the parser made "released"
# a complement of the later verb, whose own subject comes after the pronoun
FRONTED_IT = [("Kelp", "Kelp", "PROPN", "NNP", 1, "nsubj"), ("grew", "grow", "VERB", "VBD", 1, "ROOT"),
              (".", ".", "PUNCT", ".", 1, "punct"),
              ("In", "in", "ADP", "IN", 6, "prep"), ("May", "May", "PROPN", "NNP", 3, "pobj"),
              ("it", "it", "PRON", "PRP", 6, "nsubj"), ("released", "release", "VERB", "VBD", 11, "ccomp"),
              ("Tide", "Tide", "PROPN", "NNP", 6, "dobj"), (",", ",", "PUNCT", ",", 11, "punct"),
              ("the", "the", "DET", "DT", 10, "det"), ("family", "family", "NOUN", "NN", 11, "nsubj"),
              ("includes", "include", "VERB", "VBZ", 11, "ROOT"), ("Orca", "Orca", "PROPN", "NNP", 11, "dobj"),
              (".", ".", "PUNCT", ".", 11, "punct")]


def test_it_as_the_first_subject_after_a_fronted_phrase_is_the_sentence_before_s_subject():
    doc = parsed(FRONTED_IT)
    names = [named(doc, 0, 1, AI.Organization), named(doc, 7, 8, AI.AIModel), named(doc, 12, 13, AI.AIModel)]
    mentions = resolve_references(doc, names, ontology=ONTOLOGY)
    assert [(m.text, m.name) for m in mentions if m.start == 5] == [("it", "Kelp")]
    assert ("Kelp", "releases", "Tide") in accepted(doc, mentions)
