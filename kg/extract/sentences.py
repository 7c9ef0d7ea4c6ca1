"""Sentence boundaries of news text, decided by rule.

A line break always ends a sentence (headlines, bylines and list items have no full stop);
otherwise a sentence ends at ".", "!" or "?" (and the quotes or brackets that close with it)
when the next word starts like a sentence. Abbreviations such as "Inc." and "U.S." are
single tokens to spaCy's tokenizer, so their full stop is not a sentence end.
"""

from __future__ import annotations

from spacy.tokens import Doc

SENTENCE_END = frozenset({".", "!", "?", "…"})
CLOSING = frozenset({'"', "'", "”", "’", ")", "]", "»"})


def sentence_starts(doc: Doc) -> list[bool]:
    starts = [False] * len(doc)
    if not len(doc):
        return starts
    starts[0] = True
    pending_end = False  # a sentence-final mark was seen; closing quotes may still follow
    for i, token in enumerate(doc):
        if i == 0:
            pending_end = token.text in SENTENCE_END
            continue
        previous = doc[i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space:
            starts[i] = True
        elif previous.is_space and "\n" in previous.text:
            starts[i] = False
        elif pending_end and token.text not in CLOSING and token.text not in SENTENCE_END and _opens_sentence(token):
            starts[i] = True
        if token.text in SENTENCE_END:
            pending_end = True
        elif token.text not in CLOSING and not token.is_space:
            pending_end = False
    return starts


def _opens_sentence(token) -> bool:
    first = token.text[:1]
    return first.isupper() or first.isdigit() or first in "\"“‘'(["
