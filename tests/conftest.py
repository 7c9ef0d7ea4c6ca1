from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
ONTOLOGY = ROOT / "ontologies" / "kg.ttl"
SHARED = ROOT.parent / "shared"


def example_document_count() -> int:
    from kg.documents import read_documents

    return len(list(read_documents([EXAMPLES])))


@pytest.fixture(scope="session")
def nlp():
    from kg.extract.pipeline import make_nlp

    return make_nlp()


@pytest.fixture(scope="session")
def ontology():
    from kg.ontology import Ontology

    return Ontology.load()


@pytest.fixture(scope="session")
def example_graph():
    import kg

    return kg.build([EXAMPLES])


def local(iri) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def relations_in(nlp, text: str) -> set[tuple[str, str, str]]:
    """The accepted relations of a text, as (subject name, relation local name, object name)."""
    doc = nlp(text)
    return {(r.subject.name, local(r.relation), r.object.name)
            for r in doc._.kg_relations if r.rejected is None}


def mentions_in(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(m.name, local(m.cls)) for m in doc._.kg_mentions}
