"""RDF formats, and reading RDF files kg did not write: ontologies, gazetteers, graphs.

Formats go by rdflib's plugin names; kg's own names and file suffixes map onto them.

Every RDF input is bounded in size and, when it is XML, refused if it declares entities
(``xmlsafety``); rdflib then parses the bytes, so no parser opens a path or URL of its own.
"""

from __future__ import annotations

import json
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.util import guess_format

from ..errors import GraphError, InputError
from ..xmlsafety import refuse_entity_declarations

#: the most bytes kg reads from one RDF file
MAX_RDF_BYTES = 2 * 1024 * 1024 * 1024
XML_FORMATS = frozenset({"xml", "trix", "pretty-xml"})

#: file suffixes kg writes, and the rdflib serializer plugin for each
FORMATS = {"ttl": "turtle", "turtle": "turtle", "nt": "nt", "ntriples": "nt", "trig": "trig",
           "nq": "nquads", "nquads": "nquads", "jsonld": "json-ld", "json-ld": "json-ld",
           "xml": "xml", "rdf": "xml", "n3": "n3"}


def rdf_format(name: str | None = None, *, path: str | Path | None = None) -> str:
    """The rdflib plugin name for a format name, or for a file's suffix."""
    if name:
        key = name.lower().lstrip(".")
        if key not in FORMATS:
            raise GraphError(f"unknown RDF format {name!r} (use one of: ttl, nt, trig, nquads, jsonld, xml)")
        return FORMATS[key]
    if path is not None:
        return FORMATS.get(Path(path).suffix.lower().lstrip("."), "turtle")
    return "turtle"


def guess_rdf_format(name: str, data: bytes | None = None) -> str:
    """rdflib's parser name for a file name, else for the first bytes of its content."""
    fmt = guess_format(name) if name else None
    if fmt:
        return fmt
    head = (data or b"")[:512].lstrip()
    if head.startswith((b"{", b"[")):
        return "json-ld"
    if head.startswith(b"<?xml") or head.startswith(b"<rdf:RDF"):
        return "xml"
    return "turtle"


def read_rdf_bytes(path: Path) -> bytes:
    with path.open("rb") as handle:
        data = handle.read(MAX_RDF_BYTES + 1)
    if len(data) > MAX_RDF_BYTES:
        raise InputError(f"larger than {MAX_RDF_BYTES // 1024 ** 3} GiB, the most kg reads from one RDF file")
    return data


def _remote_contexts(value) -> list[str]:
    found: list[str] = []
    todo = [value]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            for key, item in node.items():
                if key == "@context":
                    contexts = item if isinstance(item, list) else [item]
                    found.extend(c for c in contexts if isinstance(c, str))
                    todo.extend(c for c in contexts if not isinstance(c, str))
                else:
                    todo.append(item)
        elif isinstance(node, list):
            todo.extend(node)
    return found


def refuse_remote_contexts(data: bytes) -> None:
    """A JSON-LD document whose @context is an address would make the parser fetch it: kg
    runs offline, so such a document is refused (inline the context instead)."""
    try:
        document = json.loads(data)
    except ValueError:
        return  # not JSON: the parser says why
    remote = _remote_contexts(document)
    if remote:
        raise InputError(f"loads a remote JSON-LD context ({remote[0][:100]}); kg runs offline: inline the context")


def parse_rdf(data: bytes, *, format: str, into: Graph | Dataset | None = None) -> Graph:
    """Parse RDF bytes into a graph (a new one unless ``into``). Raises InputError for an
    XML input that declares entities; rdflib's own errors pass through."""
    if format in XML_FORMATS or data[:512].lstrip().startswith(b"<"):
        refuse_entity_declarations(data)
    if format in ("json-ld", "jsonld"):
        refuse_remote_contexts(data)
    graph = into if into is not None else Graph()
    graph.parse(data=data, format=format)
    return graph
