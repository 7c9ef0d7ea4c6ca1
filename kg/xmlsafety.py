"""XML from outside: no entity declarations.

An XML document can declare entities that expand to other entities ("billion laughs"), or to
the content of local files and URLs (external entities). RDF/XML, RSS and Atom need neither,
so kg refuses any XML input that declares an entity, before a parser sees it.
"""

from __future__ import annotations

import re

from .errors import InputError

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_UTF16_ENTITY = re.compile("<!ENTITY".encode("utf-16-le"), re.IGNORECASE)


def refuse_entity_declarations(data: bytes | str) -> None:
    raw = data.encode("utf-8", "replace") if isinstance(data, str) else data
    if _ENTITY_DECLARATION.search(raw) or _UTF16_ENTITY.search(raw) or _UTF16_ENTITY.search(raw[1:]):
        raise InputError("declares XML entities, which kg does not expand (they can grow without bound)")
