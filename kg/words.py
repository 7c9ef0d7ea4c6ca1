"""Trigger forms of tokens: the word sequences a parsed token can match against the
ontology's trigger words (``ai:verbTrigger``, ``ai:nounTrigger``, ``ai:classTrigger``)."""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER, SENT_START
from spacy.tokens import Token

from .ontology import Words


def noun_words(token: Token) -> list[Words]:
    """The trigger forms a noun can match: its lemma and text, with a modifier or two before.
    Computed once a token: every relation asks of every noun."""
    cache = token.doc.user_data.get(_NOUN_WORDS)
    if cache is None:
        cache = token.doc.user_data[_NOUN_WORDS] = _NounForms(token.doc)
    return cache.forms(token.i)


_NOUN_WORDS = "kg.noun_words"
_VERB_WORDS = "kg.verb_words"


def forget_words(doc) -> None:
    """Drop the forms cached on the Doc, once the relations are read."""
    for key in (_NOUN_WORDS, _VERB_WORDS):
        doc.user_data.pop(key, None)


class _NounForms:
    """A Doc's words, lemmas and sentence starts as arrays (one pass in spaCy's C code), and
    the noun forms read off them as they are asked for, without making spaCy tokens."""

    def __init__(self, doc) -> None:
        self.rows = doc.to_array([LOWER, LEMMA, SENT_START]).tolist()
        self.strings = doc.vocab.strings
        self.made: dict[int, list[Words]] = {}

    def forms(self, i: int) -> list[Words]:
        found = self.made.get(i)
        if found is None:
            found = self.made[i] = self._forms(i)
        return found

    def _forms(self, i: int) -> list[Words]:
        rows, strings = self.rows, self.strings
        lower, lemma, _ = rows[i]
        base = sorted({strings[lemma].lower(), strings[lower]})
        forms: list[Words] = [(b,) for b in base]
        left: list[str] = []
        j = i
        # up to three words back, within the sentence
        while j > 0 and len(left) < 3 and rows[j][2] != 1:
            j -= 1
            left.append(strings[rows[j][0]])
        left = [w for w in reversed(left) if w != "-"]
        for width in (1, 2):
            if len(left) >= width:
                prefix = tuple(left[-width:])
                forms.extend(prefix + (b,) for b in base)
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
