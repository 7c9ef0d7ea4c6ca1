"""kg's exceptions: one base class, one subclass per kind of failure.

The CLI prints any KGError as a single line and exits non-zero; anything else is a bug.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class KGError(Exception):
    """Base of every error kg raises on purpose."""

    exit_code = 1


class InputError(KGError):
    """A document or path the user gave cannot be read."""


class NoDocumentsError(InputError):
    """Nothing readable was left after skipping the bad inputs."""


class OntologyError(KGError):
    """The ontology or gazetteer file is missing, unparsable or inconsistent."""


class GraphError(KGError):
    """A graph file cannot be read or written."""


class QueryError(KGError):
    """A SPARQL query is malformed or cannot be run."""


class ModelError(KGError):
    """The spaCy pipeline cannot be loaded."""


class GoldError(KGError):
    """A gold annotation file is malformed."""


class ExplainError(KGError):
    """An entity or relation to explain is not in the graph."""


class FocusError(KGError):
    """The entity a view should focus on is not in the graph."""


class UnknownNameError(KGError):
    """A class, relation, query or parameter name that is not known; the message lists the
    known ones and suggests the closest."""

    def __init__(self, kind: str, name: str, known: Iterable[str]) -> None:
        names = sorted(set(known))
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.6) or \
            [n for n in names if n.lower() == name.lower()]
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        listing = ", ".join(names) if names else "none"
        super().__init__(f"no {kind} named {name!r}{hint}; known: {listing}")
        self.name = name
        self.known = tuple(names)
