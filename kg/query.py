"""SPARQL over a kg graph: running queries, the ready-made queries kg ships, and printing
results as a table, CSV, TSV or JSON."""

from __future__ import annotations

import json
import re
import signal
import threading
from collections.abc import Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.query import Result

from .errors import QueryError, UnknownNameError
from .normalize import TERMINAL_CONTROL, printable

RESULT_FORMATS = ("table", "csv", "tsv", "json")
_UPDATE = re.compile(r"^\s*(?:(?:PREFIX|BASE)\s+[^\n]*\s+)*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)\b",
                     re.IGNORECASE)


@dataclass(frozen=True)
class ReadyQuery:
    name: str
    description: str
    text: str
    parameters: tuple[str, ...] = ()
    #: parameters that narrow the answer when bound and may be left out
    optional: tuple[str, ...] = ()

    def check(self, bindings: Mapping[str, Any]) -> None:
        """A QueryError naming any parameter left unbound or any binding the query has no
        parameter for: either would run silently and answer nothing."""
        for key in bindings:
            if key.lstrip("?$") not in self.parameters:
                raise UnknownNameError(f"parameter of the ready query {self.name!r}", key.lstrip("?$"),
                                       self.parameters)
        missing = [p for p in self.parameters
                   if p not in self.optional and p not in {k.lstrip("?$") for k in bindings}]
        if missing:
            raise QueryError(f"the ready query {self.name!r} needs "
                             f"{' and '.join(f'--bind {p}=VALUE' for p in missing)}")


def ready_queries() -> dict[str, ReadyQuery]:
    """The queries that ship with kg, by name (the file name without ``.rq``)."""
    found: dict[str, ReadyQuery] = {}
    for item in sorted(resources.files("kg").joinpath("queries").iterdir(), key=lambda p: p.name):
        if not item.name.endswith(".rq"):
            continue
        text = item.read_text(encoding="utf-8")
        comments = [line[1:].strip() for line in text.splitlines() if line.startswith("#")]
        parameters: list[str] = []
        optional: list[str] = []
        description = []
        for comment in comments:
            if comment.lower().startswith("parameters:"):
                # "# parameters: name, group (optional)"
                for part in comment.split(":", 1)[1].split(","):
                    words = part.replace("(", " ").replace(")", " ").split()
                    if words:
                        parameters.append(words[0].lstrip("?$"))
                        if "optional" in words[1:]:
                            optional.append(words[0].lstrip("?$"))
            else:
                description.append(comment)
        name = item.name[:-3]
        found[name] = ReadyQuery(name=name, description=" ".join(description), text=text,
                                 parameters=tuple(parameters), optional=tuple(optional))
    return found


def ready_query(name: str) -> ReadyQuery:
    queries = ready_queries()
    if name not in queries:
        raise UnknownNameError("ready query", name, queries)
    return queries[name]


def _term(value: Any):
    if isinstance(value, (URIRef, Literal, BNode)):
        return value
    text = str(value)
    if text.startswith("<") and text.endswith(">"):
        return URIRef(text[1:-1])
    return Literal(value)


#: seconds a query may run before it is stopped
DEFAULT_TIMEOUT = 30.0


class _TimedOut(Exception):
    pass


def _outside_fetches(algebra) -> list[str]:
    """What a parsed query would fetch from elsewhere: SERVICE calls, FROM and FROM NAMED graphs."""
    from rdflib.plugins.sparql.parserutils import CompValue

    found: list[str] = []
    todo = [algebra]
    while todo:
        node = todo.pop()
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                found.append(f"SERVICE <{node.get('term')}>")
            elif node.name == "DatasetClause":
                found.append(f"FROM <{node.get('default') or node.get('named')}>")
            todo.extend(node.values())
        elif isinstance(node, (list, tuple)):
            todo.extend(node)
    return found


_STRINGS_IRIS_COMMENTS = re.compile(
    r"'''.*?'''" r'|""".*?"""' r"|'(?:[^'\\\n]|\\.)*'" r'|"(?:[^"\\\n]|\\.)*"' r"|<[^<>\s]*>|#[^\n]*", re.S)
_SERVICE = re.compile(r"(?<![?$:\w])SERVICE\b", re.I)


def calls_service(sparql: str) -> bool:
    """Whether a query has a SERVICE clause, read from its text without strings, IRIs and
    comments: a check that costs nothing beside the query, for engines that would fetch."""
    return bool(_SERVICE.search(_STRINGS_IRIS_COMMENTS.sub(" ", sparql)))


@contextmanager
def _time_limit(seconds: float | None):
    """Stop what runs inside after ``seconds`` (on the main thread, where signals arrive;
    elsewhere the query runs unbounded)."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise _TimedOut

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def read_only(sparql: str) -> None:
    """A QueryError for an empty query or an update: kg's queries only read."""
    if not sparql or not sparql.strip():
        raise QueryError("empty SPARQL query")
    if _UPDATE.match(sparql):
        raise QueryError("kg query runs SELECT, ASK, CONSTRUCT and DESCRIBE queries, not updates")


def stopped(timeout: float | None) -> QueryError:
    return QueryError(f"the query ran longer than {timeout:g} s and was stopped (--timeout to allow more)")


def malformed(exc: Exception) -> QueryError:
    message = " ".join(str(exc).split()) or type(exc).__name__
    return QueryError(f"malformed SPARQL: {message[:300]}")


def run_query(graph: Graph, sparql: str, *, bindings: Mapping[str, Any] | None = None,
              timeout: float | None = DEFAULT_TIMEOUT, allow_service: bool = False) -> Result:
    """Run a read-only query. ``SERVICE`` and ``FROM`` clauses, which make the engine fetch
    from other addresses, are refused unless ``allow_service``; a query that runs longer
    than ``timeout`` seconds is stopped."""
    read_only(sparql)
    init = {key.lstrip("?$"): _term(value) for key, value in (bindings or {}).items()}
    try:
        from rdflib.plugins.sparql import prepareQuery

        prepared = prepareQuery(sparql, initNs=dict(graph.namespaces()))
    except Exception as exc:  # pyparsing and rdflib raise many types for bad queries
        raise malformed(exc) from None
    fetches = _outside_fetches(prepared.algebra)
    if fetches and not allow_service:
        raise QueryError(f"the query would fetch from elsewhere ({', '.join(fetches)[:200]}); kg runs offline: "
                         f"allow it with --allow-service")
    try:
        with _time_limit(timeout):
            result = graph.query(prepared, initBindings=init)
            if result.type == "SELECT":
                # rdflib evaluates lazily: force it here so that errors and time surface here
                result.bindings  # noqa: B018
    except _TimedOut:
        raise stopped(timeout) from None
    except Exception as exc:  # rdflib raises many types for queries it cannot evaluate
        raise malformed(exc) from None
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
    return printable(text)


def _tsv_term(term) -> str:
    """A term as the SPARQL TSV format writes it (Turtle syntax), control characters as
    Turtle's \\u escapes, so that a cell is one line and safe on a terminal."""
    if term is None:
        return ""
    return TERMINAL_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04X}", term.n3()).replace("\t", "\\t")


def format_result(result: Result, *, graph: Graph, format: str = "table") -> str:
    """A query result as text: a table or CSV/TSV/JSON for SELECT, true/false for ASK,
    Turtle for CONSTRUCT and DESCRIBE."""
    if format not in RESULT_FORMATS:
        raise QueryError(f"unknown result format {format!r} (use one of: {', '.join(RESULT_FORMATS)})")
    if result.type == "ASK":
        answer = bool(result.askAnswer)
        return (json.dumps({"head": {}, "boolean": answer}) if format == "json" else str(answer).lower()) + "\n"
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        out = result.graph
        for prefix, namespace in graph.namespaces():
            out.bind(prefix, namespace, override=False)
        return _line_ended(out.serialize(format="json-ld" if format == "json" else "turtle"))
    if format == "csv":
        return _line_ended(result.serialize(format="csv").decode("utf-8"))
    if format == "json":
        return _line_ended(result.serialize(format="json").decode("utf-8"))
    columns = [str(v) for v in result.vars or []]
    if format == "table" and hasattr(result, "texts"):
        # a store's result is shown without making rdflib terms of it first
        return _table(columns, result.texts(lambda iri: _display(URIRef(iri), graph)))
    rows = [[row.get(v) if hasattr(row, "get") else row[i] for i, v in enumerate(result.vars)] for row in result]
    if format == "tsv":
        lines = ["\t".join(f"?{c}" for c in columns)]
        lines += ["\t".join(_tsv_term(t) for t in row) for row in rows]
        return "\n".join(lines) + "\n"
    return _table(columns, [[_display(t, graph) for t in row] for row in rows])


def _table(columns: list[str], cells: list[list[str]]) -> str:
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    line = lambda values: "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()  # noqa: E731
    out = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out) + "\n"


def _line_ended(text: str) -> str:
    return text if text.endswith("\n") else text + "\n"
