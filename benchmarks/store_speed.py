"""Queries on a store of about a million triples in kg's own output model: kg's store path
against raw pyoxigraph on the same store and against rdflib, and the time of `kg info` on the
store. rdflib's path is what `kg query graph.ttl` did before the store: parse the Turtle file
(timed once), then query the in-memory graph; both parts are printed.

usage: python benchmarks/store_speed.py [--entities 55000] [--rdflib-timeout 120]
"""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyoxigraph as ox  # noqa: E402
from rdflib import Graph  # noqa: E402
from view_speed import synthetic  # noqa: E402

import kg  # noqa: E402
from kg.errors import QueryError  # noqa: E402
from kg.query import format_result, ready_queries, run_query  # noqa: E402
from kg.rdf.store import Store, _ox_term, query_store, with_values  # noqa: E402
from kg.rdf.vocab import Base, bind_prefixes  # noqa: E402

TWO_HOP = "SELECT (COUNT(*) AS ?n) WHERE { ?p a ai:Person ; ai:worksFor ?o . ?o a ai:Organization ; ai:releases ?m }"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entities", type=int, default=55_000)
    parser.add_argument("--rdflib-timeout", type=float, default=120.0)
    args = parser.parse_args()
    start = time.perf_counter()
    graph = synthetic(args.entities).graph
    print(f"graph              {len(graph):,} triples, {args.entities:,} entities (made in {time.perf_counter() - start:.0f} s)")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "kg.db"
        with Store(path, settings={"base": Base().iri}) as store:
            name = ox.NamedNode(str(Base().document["bench"]))
            store.rdf.bulk_extend(ox.Quad(_ox_term(s), _ox_term(p), _ox_term(o), name) for s, p, o in graph)
            store.rdf.flush()
        turtle = Path(tmp) / "graph.ttl"
        graph.serialize(turtle, format="turtle")
        start = time.perf_counter()
        Graph().parse(turtle, format="turtle")
        parse = time.perf_counter() - start
        # the million-triple graphs this script holds are no part of any query: kept out of the
        # cycle collector, which otherwise walks them whenever a query's rows make garbage
        gc.collect()
        gc.freeze()
        print(f"rdflib parses the graph's Turtle file in {parse:.1f} s")
        raw = ox.Store.read_only(str(path / "oxigraph"))
        queries = {name: (q.text, {"name": "Entity 1"} if "name" in q.parameters else {})
                   for name, q in ready_queries().items()}
        queries["two-hop join"] = (TWO_HOP, {})
        namespaces = kg.KnowledgeGraph().graph
        bind_prefixes(namespaces)
        bind_prefixes(graph)
        prefixes = {p: str(ns) for p, ns in namespaces.namespaces()}
        print(f"{'query':16} {'kg (store)':>12} {'pyoxigraph':>12} {'rdflib':>12}  kg/oxigraph  rdflib/kg"
              "  (parse + rdflib)/kg")
        for label, (text, bindings) in queries.items():
            start = time.perf_counter()
            format_result(query_store(path, text, bindings=bindings, timeout=None), graph=namespaces)
            ours = time.perf_counter() - start

            start = time.perf_counter()
            result = raw.query(with_values(text, bindings), prefixes=prefixes, use_default_graph_as_union=True)
            rows = list(result) if not isinstance(result, ox.QueryBoolean) else [result]
            theirs = time.perf_counter() - start
            start = time.perf_counter()
            try:
                found = run_query(graph, text, bindings=bindings, timeout=args.rdflib_timeout)
                list(found) if found.type == "SELECT" else None
                spent = time.perf_counter() - start
                slow, ratio, path_ratio = f"{spent:10.2f} s", f"{spent / ours:8.0f}x", f"{(parse + spent) / ours:12.0f}x"
            except QueryError:
                slow, ratio = f">{args.rdflib_timeout:.0f} s".rjust(12), f">{args.rdflib_timeout / ours:.0f}x".rjust(9)
                path_ratio = f">{(parse + args.rdflib_timeout) / ours:.0f}x".rjust(13)
            print(f"{label:16} {ours:10.3f} s {theirs:10.3f} s {slow}  {ours / max(theirs, 1e-9):10.2f}  {ratio}"
                  f"  {path_ratio}  ({len(rows)} rows)")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kg", "info", str(path)], check=True, capture_output=True)
        print(f"kg info on the store: {time.perf_counter() - start:.2f} s (a new process, imports included)")


if __name__ == "__main__":
    main()
