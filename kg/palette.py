"""One colour per class, the same on every page and in every notebook.

Colours follow the ontology's classes in its order (by IRI), so a class keeps its colour
whatever else a view shows; a class the ontology does not know gets one from its name.
"""

from __future__ import annotations

import hashlib

from .ontology import Ontology, default_ontology
from .rdf.vocab import AI

#: readable on white and by most colour-blind readers (Tableau 10)
PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2", "#edc948", "#9c755f",
           "#ff9da7", "#bab0ac")
#: provenance classes are never drawn: they take no colour from the entity classes
_NOT_DRAWN = frozenset({AI.Document, AI.Evidence})


def class_colours(ontology: Ontology | None = None) -> dict[str, str]:
    """The colour of each class of the ontology (kg's own by default), by local name."""
    ontology = ontology or default_ontology()
    names = [spec.name for iri, spec in ontology.classes.items() if iri not in _NOT_DRAWN]
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}


def colour_of(class_name: str, ontology: Ontology | None = None) -> str:
    known = class_colours(ontology)
    if class_name in known:
        return known[class_name]
    digest = hashlib.sha1(class_name.encode("utf-8")).digest()
    return PALETTE[digest[0] % len(PALETTE)]
