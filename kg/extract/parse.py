"""Reading spaCy's dependency parse: the arguments a verb takes, the pieces of a split noun
phrase, possessors, relative pronouns. Pure functions of tokens."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from spacy.tokens import Token

from .lexicon import (
    COMITATIVE_ADVERBS,
    COMITATIVE_PREPOSITIONS,
    MEANS_PREPOSITIONS,
    POSSESSIVE_MARKERS,
    RELATIVE_POSSESSIVE,
    RELATIVE_PRONOUNS,
)

if TYPE_CHECKING:
    from ..records import Mention

#: the labels en_core_web_sm gives a name it found no place for in the clause ("have released
#: HelixQA, a benchmark": "HelixQA" an adverb, "benchmark" the object)
UNPARSED_NAME_LABELS = frozenset({"advmod", "npadvmod", "dep", "intj", "meta"})
#: how the parser hangs the adjective of "made X available" on the verb
SMALL_CLAUSES = frozenset({"ccomp", "oprd", "acomp", "xcomp"})


def verb_dependents(verb: Token) -> tuple[list[Token], list[Token]]:
    has_agent = any(c.dep_ == "agent" for c in verb.children)
    subjects: list[Token] = []
    objects: list[Token] = []
    for child in verb.children:
        dep = child.dep_
        if dep in ("nsubj", "csubj"):
            subjects.append(child)
        elif dep == "nsubjpass":
            # "X was acquired by Y": X is the object; "X is based in Y": X is the subject
            (objects if has_agent else subjects).append(child)
        elif dep == "agent":
            # not "built by fine-tuning X", where the tagger made a means of the gerund's object
            subjects.extend(p for p in pobjs(child) if not any(modifier_gerund(c) for c in p.children))
        elif dep in ("dobj", "attr", "oprd", "dative", "npadvmod"):
            objects.append(child)
            # "set up the alliance alongside Meta", however the parser attached it
            subjects.extend(p for c in object_comitatives(child) for p in beside(c))
            if quantity(child):
                # "invested $13 billion in OpenAI": the sum's prepositions are the verb's, and
                # so are those of the sums after it ("70% on A and 8.1 on B")
                objects.extend(p for q in (child, *child.conjuncts) for c in q.children if c.dep_ == "prep"
                               for p in pobjs(c))
        elif dep in SMALL_CLAUSES and child.pos_ == "ADJ":
            # "made X available": the adjective's subject is what the verb acts on
            objects.extend(c for c in child.children if c.dep_ in ("nsubj", "nsubjpass"))
        elif dep == "conj" and quantity(child) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            # "achieved 80% on A and 70% on B", the second sum parsed as the verb's conjunct
            objects.extend(p for c in child.children if c.dep_ == "prep" for p in pobjs(c))
        elif dep == "prep" and comitative(child):
            subjects.extend(beside(child))  # "launched the alliance together with Meta": Meta did too
        elif dep == "prep" and any(c.dep_ == "neg" for c in child.children):
            continue  # "ran on X, and not on Y": Y is denied, not an object
        elif dep == "prep":
            objects.extend(pobjs(child))
            if child.lower_ == "with" and any(c.dep_ == "dobj" for c in verb.children):
                # "founded SSI with Ann Lee": beside an object, "with" may add a doer; the
                # classes decide whether it is one, or the relation's other end
                subjects.extend(pobjs(child))
            for other in child.conjuncts:
                # "scored 70% on A and 8.1 on B", parsed as the first preposition's conjunct
                if quantity(other):
                    objects.extend(p for c in other.children if c.dep_ == "prep" for p in pobjs(c))
    return subjects, objects


def quantity(token: Token) -> bool:
    """A number or a sum: "70%", "$13 billion", "8.38"."""
    return token.pos_ == "NUM" or token.ent_type_ in ("MONEY", "CARDINAL", "PERCENT")


def stranded_main_verb(verb: Token) -> bool:
    """ "IBM and Kelp, the firm that IBM bought in 2019 and runs as a unit, introduced X": in a
    sentence whose root is no verb, a past form after a comma, with an object and no agent,
    which the parser hung on the noun before the comma, is the main verb, and the root its
    subject."""
    root = verb.sent.root
    return verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and root.pos_ in ("PROPN", "NOUN") \
        and root.i < verb.i and verb.i > 0 and verb.doc[verb.i - 1].text == "," \
        and any(c.dep_ == "dobj" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


def tagged_noun_verb(token: Token) -> bool:
    """A verb in "-s" the tagger took for a plural noun: it has a direct object ("Zen-2 scores
    70% on MMLU"), or, at the root of a sentence with no verb, a name after it and one before
    ("Zen-2 powers Assistant Z", both hung on "powers"); the name before it, parsed as its
    compound, is its subject."""
    if token.tag_ != "NNS" or token.dep_ not in ("ROOT", "ccomp", "conj"):
        return False
    if any(c.dep_ == "dobj" for c in token.children):
        return True
    return token.dep_ == "ROOT" and any(c.dep_ == "appos" and c.i > token.i for c in token.children) \
        and any(c.dep_ in ("compound", "nmod") and c.i < token.i for c in token.children)


def comitative_objects(verb: Token) -> list[Token]:
    """What "together with", "along with", "alongside" set beside a verb or its object."""
    preps = [c for c in verb.children if c.dep_ == "prep" and comitative(c)]
    preps += [c for d in verb.children if d.dep_ == "dobj" for c in object_comitatives(d)]
    return [p for prep in preps for p in beside(prep)]


def object_comitatives(obj: Token) -> list[Token]:
    """The comitative prepositions that set something beside an object: its own, and one
    after a comma that closes a clause on it ("launched Tide-4, which it said was trained on
    ..., along with Tide-4-Coder"), wherever in the clause the parser hung it."""
    preps = [c for c in obj.children if c.dep_ == "prep" and comitative(c)]
    preps += [c for d in obj.children if d.dep_ == "relcl" for c in d.subtree
              if c.dep_ == "prep" and comitative(c) and c.i > 0 and c.doc[c.i - 1].text == ","]
    return preps


def beside(prep: Token) -> list[Token]:
    """What a comitative preposition sets beside: its objects, or those of its "with"
    ("along with X", parsed as "along" holding "with X")."""
    if prep.lower_ in COMITATIVE_ADVERBS:
        return [p for c in prep.children if c.dep_ == "prep" and c.lower_ == "with" for p in pobjs(c)]
    return pobjs(prep)


def comitative(prep: Token) -> bool:
    """A preposition that adds a doer: "together with", "along with", "alongside", "jointly with"."""
    if prep.lower_ in COMITATIVE_PREPOSITIONS:
        return True
    if prep.lower_ in COMITATIVE_ADVERBS and any(c.dep_ == "prep" and c.lower_ == "with" for c in prep.children):
        return True
    return prep.lower_ == "with" and any(c.lower_ in COMITATIVE_ADVERBS for c in prep.children) or (
        prep.lower_ == "with" and prep.i > 0 and prep.doc[prep.i - 1].lower_ in COMITATIVE_ADVERBS)


def possessor(token: Token) -> bool:
    """A name marked as owning something: "Acme" in "Acme's", however the parser attached it."""
    return token.dep_ == "poss" or any(c.dep_ == "case" and c.lower_ in POSSESSIVE_MARKERS for c in token.children)


def purpose_clause(verb: Token) -> bool:
    """ "Suleyman left Google to start Inflection": the infinitive shares the subject."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def hyphen_joined(token: Token) -> bool:
    """ "co-founded" split in three: "founded" hangs off "co", which took the subject."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].i == token.head.i


def inherited_subjects(verb: Token, depth: int = 0) -> list[Token]:
    """ "Meta wants to release X": release's subject is want's."""
    head = verb.head
    if head.i == verb.i or depth > 3:
        return []
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        return subjects
    if head.dep_ in ("xcomp", "conj", "advcl", "acomp"):  # "is able to beat": the copula's subject
        return inherited_subjects(head, depth + 1)
    if head.dep_ in ("acl", "relcl"):
        return [head.head]
    return []


def noun_phrase(noun: Token) -> list[Token]:
    """The noun and the pieces a split compound leaves beside it ("co", "-", "founder")."""
    phrase = [noun]
    i = noun.i - 1
    while i >= noun.sent.start:
        t = noun.doc[i]
        if t.head == noun.head and t.dep_ == noun.dep_ and t.text != ",":
            phrase.append(t)
            i -= 1
            continue
        break
    return phrase


def of_objects(noun: Token) -> list[Token]:
    """What a noun's "of" names: "a set of Tide models", "a version of Zen-2", "a team of X"."""
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in pobjs(c)]


def set_off_after(noun: Token) -> int | None:
    """The token right before the comma that opens the noun's phrase, when the phrase starts
    with a determiner, an owner or "one" ("Kelp.AI, the chatbot startup", "Tide-2, one of Kelp's
    models"; not "A, deforestation in B", a list): where the name it is set beside ends."""
    left = noun.left_edge.i
    first = noun.doc[left]
    if left < 2 or noun.doc[left - 1].text != "," or (first.dep_ not in ("det", "poss") and first.lower_ != "one"):
        return None
    return left - 2


def pobjs(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]


def antecedent(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies, also as the object of an
    infinitive in the clause ("a model that the company hopes to release")."""
    if token.lower_ == RELATIVE_POSSESSIVE and token.dep_ == "poss":
        clause = token.head.head  # "Kelp, whose investors include Acme": the clause of "investors"
    elif token.lower_ in RELATIVE_PRONOUNS:
        clause = token.head
    else:
        return token
    while clause.dep_ == "xcomp" and clause.head.i != clause.i:
        clause = clause.head
    return clause.head if clause.dep_ == "relcl" else token


def depth_between(ancestor: Token, token: Token) -> int:
    depth = 0
    while token.i != ancestor.i and token.head.i != token.i and depth < 10:
        token = token.head
        depth += 1
    return depth


def adjectival_passive(token: Token) -> bool:
    """ "The model was fine-tuned from X": a participle after "be" the tagger took for an
    adjective, most often one fused to a word before it by a hyphen."""
    return token.pos_ == "ADJ" and token.lower_.endswith("ed") and token.dep_ == "acomp" \
        and token.head.lemma_ == "be" and token.i > 0 and token.doc[token.i - 1].text == "-"


def modifier_gerund(token: Token) -> bool:
    """ "produced by fine-tuning X", "took the first step, open-sourcing a set of X": a gerund
    fused to a word before it by a hyphen, which the tagger took for a modifier of its own
    object, after "by", "after" and the like, or opening a clause after a comma."""
    if not (token.lower_.endswith("ing") and token.dep_ in ("amod", "compound")
            and token.i > 0 and token.doc[token.i - 1].text == "-" and token.head.i > token.i):
        return False
    return means_gerund(token) or clause_gerund(token)


def fused_participle(token: Token) -> bool:
    """ "Microsoft-backed OpenAI", "Meta open-sourced Llama 2", "has open-sourced X": a past
    participle fused to the word before it by a hyphen, which the tagger took for a modifier of
    the name after it."""
    doc = token.doc
    return token.lower_.endswith("ed") and token.dep_ in ("amod", "compound") and token.i >= 2 \
        and doc[token.i - 1].text == "-" and not doc[token.i - 2].whitespace_ and token.head.i > token.i \
        and token.head.pos_ in ("PROPN", "NOUN")


def means_gerund(token: Token) -> bool:
    """The object of the gerund is the object of "by", "after" and the like."""
    return token.head.dep_ == "pobj" and token.head.head.lower_ in MEANS_PREPOSITIONS


def clause_gerund(token: Token) -> bool:
    """The gerund and the word fused to it open a clause after a comma, which the parser made
    a noun phrase of the sentence ("..., open-sourcing a set of X": "set" a conjunct)."""
    return token.i >= 3 and token.doc[token.i - 3].text == "," \
        and token.head.dep_ in ("conj", "dobj", "npadvmod")


def title_owner(noun: Token, by_token: Mapping[int, Mention]) -> Mention | None:
    """ "Hugging Face's co-founder and CEO Clement Delangue", "Acme chief executive Ann Lee":
    the possessor or the name before a run of titles, however the parser attached it."""
    doc = noun.doc
    i = noun.i - 1
    punctuated = False
    while i >= noun.sent.start and noun.i - i <= 8:
        token = doc[i]
        if token.lower_ in POSSESSIVE_MARKERS and i - 1 in by_token:
            return by_token[i - 1]
        if token.dep_ == "poss" and i in by_token:
            return by_token[i]  # "its chief executive and co-founder"
        if token.dep_ in ("compound", "nmod") and i in by_token and not punctuated \
                and token.head.i > noun.i and noun.dep_ == "compound":
            # "Acme chief executive Ann Lee": a name before the titles of a name after them
            return by_token[i]
        punctuated = punctuated or (token.pos_ == "PUNCT" and token.lower_ != "-")
        if token.pos_ in ("NOUN", "ADJ", "CCONJ", "PUNCT") and token.text != "." or token.lower_ == "-":
            i -= 1
            continue
        if token.pos_ == "PROPN" and i not in by_token:
            i -= 1  # a title written as a name: "CEO"
            continue
        break
    return None
