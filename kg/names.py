"""Names: the identity key of a surface form and the IRI-safe slug minted from it.

Two surface forms denote the same entity exactly when their keys are equal:
"Llama 2", "Llama-2", "LLaMA 2" and "Llama2" share the key ``("llama", "2")``,
while "Llama 3" does not.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_POSSESSIVE = re.compile(r"'s?$")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# A letter run, a digit run, or any other single word character (CJK and the like).
_PARTS = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)


def clean_surface(text: str) -> str:
    """The mention text as a name: quotes unified, whitespace folded, possessive dropped."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    text = " ".join(text.split())
    text = _POSSESSIVE.sub("", text).strip()
    return text


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def name_key(text: str) -> tuple[str, ...]:
    """Identity key of a name: case, accents, punctuation and spacing ignored; digits kept."""
    text = _LEADING_ARTICLE.sub("", clean_surface(text))
    return tuple(_PARTS.findall(_fold(text)))


def slug(text: str) -> str:
    """A stable IRI path segment for a name: ASCII letters, digits and hyphens only."""
    key = name_key(text)
    ascii_parts = [p for p in key if p.isascii()]
    if key and len(ascii_parts) == len(key):
        return "-".join(key)
    # Names in other scripts keep a readable ASCII part when there is one, and a hash
    # of the full key so that two such names never share an IRI.
    digest = hashlib.sha1("\x1f".join(key).encode("utf-8")).hexdigest()[:12]
    prefix = "-".join(ascii_parts)
    return f"{prefix}-{digest}" if prefix else f"n-{digest}"
