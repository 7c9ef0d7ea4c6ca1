"""Boilerplate: the text around an article that is not news (newsletter sign-ups, app
promotions, subscription notices, share buttons, legal lines). It names companies and
products, but states nothing about them, so kg reads no entity or relation from it."""

from __future__ import annotations

import re

from spacy.tokens import Span

from .lexicon import CALL_TO_ACTION, PROMOTION, READER

#: a line with none of these words is no boilerplate: most sentences are ruled out on their
#: text, without reading their tokens
_SIGNALS = re.compile(r"©|\b(?:{})\b".format("|".join(sorted(PROMOTION | READER | {"reserved"}))), re.IGNORECASE)


def signal_offsets(text: str) -> list[int]:
    """Where in a text a boilerplate signal word is: the sentences without one need no reading."""
    return [m.start() for m in _SIGNALS.finditer(text)]


def is_boilerplate(sent: Span) -> bool:
    if not _SIGNALS.search(sent.text):
        return False
    words = [t for t in sent if t.is_alpha]
    if not words:
        return False
    lowered = {t.lower_ for t in words}
    promotional = lowered & PROMOTION
    addresses_reader = lowered & READER
    if words[0].lower_ in CALL_TO_ACTION and (promotional or addresses_reader):
        return True  # "Subscribe to our Newsletter", "Get our daily stories in your inbox"
    if addresses_reader and len(promotional) >= 2:
        return True  # "Use of your subscription is governed by our Privacy Policy"
    return "©" in sent.text or (lowered >= {"all", "rights", "reserved"})
