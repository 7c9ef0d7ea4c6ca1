"""SPARQL over HTTP: a store served by Oxigraph's own server, and a store pushed, one named
graph at a time, to any SPARQL 1.1 Graph Store Protocol server (Oxigraph, Fuseki, GraphDB,
Virtuoso).

kg does not serve HTTP itself: ``serve`` starts the ``oxigraph`` server (the PyPI package of
that name) read-only on the store, bound to loopback unless told otherwise, with a timeout
for queries.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from ..errors import KGError
from .store import Store, is_store

DEFAULT_BIND = "127.0.0.1:7878"
#: seconds a served query may run
DEFAULT_TIMEOUT = 30


class EndpointError(KGError):
    """A server cannot be started or reached, or refused what was sent."""


def oxigraph_program() -> str:
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise EndpointError("the oxigraph server is not installed (pip install oxigraph)")
    return found


def serve_command(store: str | Path, *, bind: str = DEFAULT_BIND, timeout: int = DEFAULT_TIMEOUT) -> list[str]:
    """The command that serves a store read-only over the SPARQL 1.1 Protocol at
    ``http://BIND/query``, with every named graph in the default graph."""
    if not is_store(store):
        raise EndpointError(f"{store}: not a kg store (kg build --store makes one)")
    return [oxigraph_program(), "serve-read-only", "--location", str(Path(store) / "oxigraph"), "--bind", bind,
            "--union-default-graph", "--timeout-s", str(timeout)]


def serve(store: str | Path, *, bind: str = DEFAULT_BIND, timeout: int = DEFAULT_TIMEOUT) -> int:
    """Serve until interrupted; the server's exit status."""
    command = serve_command(store, bind=bind, timeout=timeout)
    print(f"kg: serving {store} at http://{bind}/query (SPARQL 1.1 Protocol), Ctrl-C to stop", file=sys.stderr)
    try:
        return subprocess.call(command)
    except KeyboardInterrupt:
        return 0


@dataclass(frozen=True)
class Pushed:
    graphs: int
    triples: int


def push(store: str | Path, endpoint: str, *, timeout: float = 60.0) -> Pushed:
    """PUT every named graph of a store to a Graph Store Protocol endpoint (such as
    ``http://host:7878/store``): sending again replaces, so a push can be repeated."""
    import pyoxigraph as ox

    if not endpoint.lower().startswith(("http://", "https://")):
        raise EndpointError(f"{endpoint}: give the http(s) address of a Graph Store Protocol endpoint")
    graphs = triples = 0
    with Store(store, read_only=True) as source:
        for graph in sorted(source.rdf.named_graphs(), key=lambda g: g.value):
            body = source.rdf.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
            separator = "&" if "?" in endpoint else "?"
            url = f"{endpoint}{separator}{urllib.parse.urlencode({'graph': graph.value})}"
            request = urllib.request.Request(url, data=body, method="PUT",
                                             headers={"Content-Type": "application/n-triples"})
            try:
                with urllib.request.urlopen(request, timeout=timeout) as response:
                    response.read()
            except urllib.error.HTTPError as exc:
                raise EndpointError(f"{endpoint}: the server refused graph {graph.value}: {exc.code} {exc.reason}") from None
            except (urllib.error.URLError, OSError) as exc:
                raise EndpointError(f"{endpoint}: cannot reach the server: {getattr(exc, 'reason', exc)}") from None
            graphs += 1
            triples += body.count(b"\n")
    return Pushed(graphs=graphs, triples=triples)
