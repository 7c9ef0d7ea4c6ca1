"""kg: knowledge graphs of the AI industry from news text.

    >>> import kg
    >>> graph = kg.build(["examples/articles"])
    >>> graph.query("SELECT ?s ?o WHERE { ?s ai:releases ?o }")
"""

from __future__ import annotations

__version__ = "0.1.0"

from .build import build
from .documents import Document, read_documents
from .errors import (GoldError, GraphError, InputError, KGError, ModelError, NoDocumentsError,
                     OntologyError, QueryError)
from .evaluate import Gold, evaluate
from .gazetteer import Gazetteer
from .graph import KnowledgeGraph
from .ontology import Ontology

load = KnowledgeGraph.load

__all__ = ["build", "load", "Document", "read_documents", "KnowledgeGraph", "Ontology", "Gazetteer",
           "Gold", "evaluate", "KGError", "InputError", "NoDocumentsError", "OntologyError", "GraphError",
           "QueryError", "ModelError", "GoldError", "__version__"]
