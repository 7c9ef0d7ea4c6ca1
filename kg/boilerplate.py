"""Boilerplate: the text around an article that is not news (newsletter sign-ups, app
promotions, subscription notices, share buttons, legal lines). It names companies and
products, but states nothing about them, so kg reads no entity or relation from it."""

from __future__ import annotations

import re

from spacy.tokens import Span

# Calls to action that open a promotional line: "Subscribe to our newsletter", "Download our app".
CALL_TO_ACTION = frozenset({"subscribe", "sign", "download", "join", "follow", "register", "click", "share",
                            "listen", "watch", "get", "discover", "stay", "read", "install", "tap", "log",
                            "become", "support", "unlock", "try", "claim"})
# Words that make a line about the publication itself rather than about the news.
PROMOTION = frozenset({"newsletter", "newsletters", "subscription", "subscriptions", "subscribe", "inbox", "app",
                       "podcast", "community", "updates", "offers", "privacy", "policy", "cookies", "terms",
                       "conditions", "copyright", "rights", "advertisement", "sponsored", "webinar", "story",
                       "stories", "membership", "telegram", "discord", "whatsapp"})
READER = frozenset({"our", "your", "us", "you"})


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
