"""kg: knowledge graphs of the AI industry from news text.

    >>> import kg
    >>> graph = kg.build(["examples/articles"])
    >>> graph.query("SELECT ?s ?o WHERE { ?s ai:releases ?o }")
"""

from __future__ import annotations

__version__ = "0.2.0"

from .documents import Document, read_documents
from .errors import (
    ExplainError,
    FocusError,
    GoldError,
    GraphError,
    InputError,
    KGError,
    ModelError,
    NoDocumentsError,
    OntologyError,
    QueryError,
    UnknownNameError,
)
from .evaluate import Gold, evaluate
from .gazetteer import Gazetteer
from .graph import Changes, KnowledgeGraph
from .ontology import Ontology
from .palette import class_colours
from .provenance import Evidence
from .query import ReadyQuery, ready_queries, ready_query
from .records import Rejection
from .validation import Violation

load = KnowledgeGraph.load

__all__ = ["build", "update_store", "calibrate", "load", "class_colours", "Document", "read_documents", "KnowledgeGraph", "Ontology", "Gazetteer",
           "Gold", "evaluate", "ready_queries", "ready_query", "ReadyQuery", "Evidence", "Rejection",
           "Violation", "Changes", "KGError", "InputError", "NoDocumentsError", "OntologyError", "GraphError",
           "QueryError", "ModelError", "GoldError", "ExplainError", "FocusError", "UnknownNameError",
           "__version__"]


def __getattr__(name: str):
    # building needs spaCy, which takes a second to import: it is imported when first asked
    # for, so that reading and querying graphs (kg query, kg info) never load it
    if name in ("build", "update_store"):
        import importlib

        module = importlib.import_module(".builder", __name__)
        globals().update(build=module.build, update_store=module.update_store)
        return globals()[name]
    if name == "calibrate":
        from .calibrate import calibrate

        globals()["calibrate"] = calibrate
        return calibrate
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
