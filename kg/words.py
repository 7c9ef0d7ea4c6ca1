"""Trigger forms of tokens: the word sequences a parsed token can match against the
ontology's trigger words (``ai:verbTrigger``, ``ai:nounTrigger``, ``ai:classTrigger``)."""

from __future__ import annotations

from spacy.tokens import Token

from .ontology import Words


def noun_words(token: Token) -> list[Words]:
    """The trigger forms a noun can match: its lemma and text, with a modifier or two before.
    Computed once a token: every relation asks of every noun."""
    cache = token.doc.user_data.setdefault(_NOUN_WORDS, {})
    forms = cache.get(token.i)
    if forms is None:
        forms = cache[token.i] = _noun_words(token)
    return forms


_NOUN_WORDS = "kg.noun_words"
_VERB_WORDS = "kg.verb_words"


def forget_words(doc) -> None:
    """Drop the forms cached on the Doc, once the relations are read."""
    for key in (_NOUN_WORDS, _VERB_WORDS):
        doc.user_data.pop(key, None)


def _noun_words(token: Token) -> list[Words]:
    doc = token.doc
    base = {token.lemma_.lower(), token.lower_}
    forms: list[Words] = [(b,) for b in sorted(base)]
    left = []
    i = token.i
    # up to three words back, within the sentence (token.sent would find the whole sentence)
    while i > 0 and len(left) < 3 and not doc[i].is_sent_start:
        i -= 1
        left.append(doc[i])
    left = [t for t in reversed(left) if t.text != "-"]
    for width in (1, 2):
        if len(left) >= width:
            prefix = tuple(t.lower_ for t in left[-width:])
            forms.extend(prefix + (b,) for b in sorted(base))
    return forms


def verb_words(token: Token) -> list[Words]:
    """Trigger forms of a verb: its lemma, with its particle ("set up"), its preposition
    ("work at") or the word fused before it ("open-source", "co-found"). Computed once a token."""
    cache = token.doc.user_data.setdefault(_VERB_WORDS, {})
    forms = cache.get(token.i)
    if forms is None:
        forms = cache[token.i] = _verb_words(token)
    return forms


def _verb_words(token: Token) -> list[Words]:
    lemma = token.lemma_.lower()
    forms: list[Words] = [(lemma,)]
    if token.lower_ != lemma:
        forms.append((token.lower_,))
    for child in token.children:
        if child.dep_ in ("prt", "prep", "dobj") and child.i > token.i:
            forms.append((lemma, child.lower_))
    previous = [t for t in token.doc[max(token.i - 2, 0):token.i] if t.text != "-"]
    if previous and previous[-1].head == token or (previous and token.i > 0 and token.doc[token.i - 1].text == "-"):
        forms.append((previous[-1].lower_, lemma))
    if "-" in lemma:
        forms.append(tuple(lemma.replace("-", " ").split()))
    return forms
