"""SPARQL over a kg graph: running queries, the ready-made queries kg ships, and printing
results as a table, CSV, TSV or JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.query import Result

from .errors import QueryError

RESULT_FORMATS = ("table", "csv", "tsv", "json")
_UPDATE = re.compile(r"^\s*(?:(?:PREFIX|BASE)\s+[^\n]*\s+)*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)\b",
                     re.IGNORECASE)
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class ReadyQuery:
    name: str
    description: str
    text: str
    parameters: tuple[str, ...] = ()


def ready_queries() -> dict[str, ReadyQuery]:
    """The queries that ship with kg, by name (the file name without ``.rq``)."""
    found: dict[str, ReadyQuery] = {}
    for item in sorted(resources.files("kg").joinpath("queries").iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".rq"):
            continue
        text = item.read_text(encoding="utf-8")
        comments = [line[1:].strip() for line in text.splitlines() if line.startswith("#")]
        parameters: tuple[str, ...] = ()
        description = []
        for comment in comments:
            if comment.lower().startswith("parameters:"):
                parameters = tuple(p.strip().lstrip("?") for p in comment.split(":", 1)[1].split(",") if p.strip())
            else:
                description.append(comment)
        name = item.name[:-3]
        found[name] = ReadyQuery(name=name, description=" ".join(description), text=text, parameters=parameters)
    return found


def ready_query(name: str) -> ReadyQuery:
    queries = ready_queries()
    if name not in queries:
        raise QueryError(f"no ready query named {name!r} (kg query --list shows them: {', '.join(queries)})")
    return queries[name]


def _term(value: Any):
    if isinstance(value, (URIRef, Literal, BNode)):
        return value
    text = str(value)
    if text.startswith("<") and text.endswith(">"):
        return URIRef(text[1:-1])
    return Literal(value)


def run_query(graph: Graph, sparql: str, *, bindings: Mapping[str, Any] | None = None) -> Result:
    if not sparql or not sparql.strip():
        raise QueryError("empty SPARQL query")
    if _UPDATE.match(sparql):
        raise QueryError("kg query runs SELECT, ASK, CONSTRUCT and DESCRIBE queries, not updates")
    init = {key.lstrip("?$"): _term(value) for key, value in (bindings or {}).items()}
    try:
        result = graph.query(sparql, initBindings=init)
        if result.type == "SELECT":
            # rdflib evaluates lazily: force it here so that errors surface as QueryError
            result.bindings  # noqa: B018
    except Exception as exc:  # pyparsing and rdflib raise many types for bad queries
        message = " ".join(str(exc).split()) or type(exc).__name__
        raise QueryError(f"malformed SPARQL: {message[:300]}") from None
    return result


def _display(term, graph: Graph) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef):
        try:
            text = graph.namespace_manager.normalizeUri(term)
        except Exception:
            text = f"<{term}>"
    else:
        text = str(term)
    # document text is untrusted: never let it move the terminal's cursor or colour it
    return CONTROL_CHARACTERS.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def format_result(result: Result, *, graph: Graph, format: str = "table") -> str:
    """A query result as text: a table or CSV/TSV/JSON for SELECT, true/false for ASK,
    Turtle for CONSTRUCT and DESCRIBE."""
    if format not in RESULT_FORMATS:
        raise QueryError(f"unknown result format {format!r} (use one of: {', '.join(RESULT_FORMATS)})")
    if result.type == "ASK":
        return json.dumps({"boolean": bool(result.askAnswer)}) if format == "json" else str(bool(result.askAnswer)).lower()
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        out = result.graph
        for prefix, namespace in graph.namespaces():
            out.bind(prefix, namespace, override=False)
        return out.serialize(format="json-ld" if format == "json" else "turtle")
    if format == "csv":
        return result.serialize(format="csv").decode("utf-8")
    if format == "json":
        return result.serialize(format="json").decode("utf-8")
    columns = [str(v) for v in result.vars or []]
    rows = [[row.get(v) if hasattr(row, "get") else row[i] for i, v in enumerate(result.vars)] for row in result]
    if format == "tsv":
        lines = ["\t".join(f"?{c}" for c in columns)]
        lines += ["\t".join("" if t is None else t.n3() for t in row) for row in rows]
        return "\n".join(lines) + "\n"
    cells = [[_display(t, graph) for t in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()  # noqa: E731
    out = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out) + "\n"
