"""Modality and time of a trigger: whether its clause denies what it says, states a plan, a
wish or a possibility instead of a fact, or puts it in the past. Read off the trigger's
clause in the dependency parse."""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Token

from .lexicon import (
    CAPABILITY_ADJECTIVES,
    CAPABILITY_MODALS,
    CONDITIONAL_MARKS,
    FORMER_MODIFIERS,
    INTENT_VERBS,
    MODALS,
    NEGATING_ADJECTIVES,
    PAST_ADVERBS,
    STATE_VERBS,
    STILL_TO_COME,
)
from .words import bare_forms


class Mood(NamedTuple):
    negated: bool
    planned: bool
    former: bool
    capable: bool  # "can rival", "is able to beat": what holds for some relations, a plan for others
    pending: bool = False  # "has not yet released": denied, but under way for relations that have plans


def mood(trigger: Token) -> Mood:
    denied = negated(trigger)
    return Mood(denied, planned(trigger), former(trigger), capable(trigger), denied and not_yet(trigger))


def not_yet(trigger: Token) -> bool:
    """Whether the clause's denial is one of time ("has not yet released", "is yet to ship")."""
    verb = clause_verb(trigger)
    return any(c.dep_ == "advmod" and c.lower_ in STILL_TO_COME for c in verb.children)


def capable(trigger: Token) -> bool:
    """Whether the clause states what its subject can do ("can rival", "is able to beat")."""
    verb = clause_verb(trigger)
    if any(c.dep_ == "aux" and c.lower_ in CAPABILITY_MODALS for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in CAPABILITY_ADJECTIVES


def clause_verb(trigger: Token) -> Token:
    """The verb that carries a trigger's tense and mood: the trigger itself, or the verb
    a noun trigger is the complement of ("would be a member of"). A title in apposition
    ("X, Inflection's chief scientist, will join") has its own time, not the clause's."""
    token = trigger
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("amod", "compound"):
            return token
        if token.head.i == token.i or token.dep_ not in ("attr", "acomp", "pobj", "prep", "oprd", "amod"):
            break
        token = token.head
    return token


def planned(trigger: Token) -> bool:
    """Whether the clause states a plan, a wish, a possibility or a condition, not a fact."""
    verb = clause_verb(trigger)
    for _ in range(4):
        for child in verb.children:
            if child.dep_ == "aux" and child.lower_ in MODALS:
                return True
            if child.dep_ == "mark" and child.lower_ in CONDITIONAL_MARKS:
                return True
        # the verb's bare forms too, for the lemmatizer's slips ("hopes" made "hop")
        head = verb.head
        if verb.dep_ == "xcomp" and any(form in INTENT_VERBS for form in (
                head.lemma_.lower(), head.lower_, *bare_forms(head.lower_))):
            return True
        if verb.dep_ in ("xcomp", "advcl", "conj") and verb.head.i != verb.i:
            verb = verb.head
            continue
        break
    return False


def former(trigger: Token) -> bool:
    """Whether the trigger describes a state that has ended ("former chief", "previously worked")."""
    doc = trigger.doc
    # "a former engineer at Acme": a preposition's time is the noun's it hangs off, and so is
    # a modifier's ("former Acme chief executive": "chief")
    for word in (trigger, trigger.head) if trigger.dep_ in ("prep", "amod", "compound") else (trigger,):
        for child in word.children:
            if child.dep_ in ("amod", "compound", "advmod") and child.lower_ in FORMER_MODIFIERS:
                return True
            if word.dep_ == "prep" and child.dep_ == "advmod" and child.lower_ in PAST_ADVERBS:
                return True  # "Ann Lee, formerly of Acme"
        if word.i >= 2 and doc[word.i - 1].text == "-" and doc[word.i - 2].lower_ == "ex":
            return True
    verb = clause_verb(trigger)
    if any(c.dep_ == "advmod" and c.lower_ in PAST_ADVERBS for c in verb.children):
        return True
    if verb.i == trigger.i and trigger.tag_ == "VBD" and trigger.lemma_.lower() in STATE_VERBS:
        return True  # "worked at Google": a simple past of a state is a former state; "hired" is not one
    noun = trigger.head if trigger.dep_ in ("amod", "compound") else trigger
    if verb.lemma_ == "be" and noun.dep_ in ("attr", "acomp") and noun.head.i == verb.i \
            and (verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.lower_ == "had" for c in verb.children))):
        return True  # "who had been Acme's chief executive", "was its chief": a title held before
    return False


def negated(trigger: Token) -> bool:
    """Whether the clause around the trigger denies it ("is not part of", "never joined")."""
    token = trigger
    for _ in range(4):
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
                return True
        if token.dep_ == "xcomp" and token.head.lemma_.lower() in NEGATING_ADJECTIVES:
            return True  # "is unable to beat"
        if token.dep_ in ("xcomp", "attr", "acomp", "pobj", "prep", "amod", "appos") and token.head.i != token.i:
            token = token.head
            continue
        break
    return False
