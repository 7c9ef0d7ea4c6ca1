"""Names: the identity key of a surface form and the IRI-safe slug minted from it.

Two surface forms denote the same entity exactly when their keys are equal:
"Llama 2", "Llama-2", "LLaMA 2" and "Llama2" share the key ``("llama", "2")``,
while "Llama 3" does not.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

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


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> tuple[str, ...]:
    """Identity key of a name: case, accents, punctuation and spacing ignored; digits kept."""
    text = _LEADING_ARTICLE.sub("", clean_surface(text))
    return tuple(_PARTS.findall(_fold(text)))


def _glued(left: str, right: str) -> bool:
    """Whether two parts of a key are written as one word in an IRI: a version's unit after
    its number ("4o", "7b", "8x"), a one-letter series before its number ("r1", "v3", "x7")."""
    if left[-1].isdigit() and right[0].isalpha():
        return len(right) <= 2
    if left[-1].isalpha() and right[0].isdigit():
        return len(left) == 1 or (len(left) <= 2 and left[-2].isdigit())
    return False


def slug(text: str) -> str:
    """A stable IRI path segment for a name: ASCII letters, digits and hyphens only.

    It is a function of the name's key, so every spelling of a name gets the same segment,
    and no two keys get the same one (parts of one kind are never glued to each other).
    Versions read as people write them: "GPT-4o" is ``gpt-4o``, "Mixtral 8x7B" is
    ``mixtral-8x7b``, "DeepSeek-R1" is ``deepseek-r1``, "Llama 2" is ``llama-2``."""
    key = name_key(text)
    ascii_parts = [p for p in key if p.isascii()]
    if key and len(ascii_parts) == len(key):
        out = key[0]
        for left, right in zip(key, key[1:]):
            out += right if _glued(out.rsplit("-", 1)[-1], right) else f"-{right}"
        return out
    # Names in other scripts keep a readable ASCII part when there is one, and a hash
    # of the full key so that two such names never share an IRI.
    digest = hashlib.sha1("\x1f".join(key).encode("utf-8")).hexdigest()[:12]
    prefix = "-".join(ascii_parts)
    return f"{prefix}-{digest}" if prefix else f"n-{digest}"
