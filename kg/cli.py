"""The ``kg`` command: parses arguments and calls the library. Errors become one line.

Options may come anywhere among the arguments (``kg query graph.ttl --format csv 'SELECT …'``),
``-`` is standard input or output wherever a file is read or written, and every command that
reads a graph takes several files and folders.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from pathlib import Path

from . import __version__
from .errors import ExplainError, KGError, NoDocumentsError, QueryError
from .models import DEFAULT_MODEL
from .normalize import printable
from .query import DEFAULT_TIMEOUT, RESULT_FORMATS

GOLD_SUFFIXES = (".jsonl", ".ndjson")
STORE_HELP = "named by $KG_STORE, else kg.db in the working folder"


def _parser() -> tuple[argparse.ArgumentParser, dict[str, argparse.ArgumentParser]]:
    parser = argparse.ArgumentParser(
        prog="kg", description="Build RDF knowledge graphs from news about the AI industry.",
        epilog="Run 'kg COMMAND --help' for a command's options. Options may come before or after arguments.")
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, summary: str, description: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=summary, description=description)

    def graphs(p: argparse.ArgumentParser, what: str = "GRAPH", nargs: str = "*") -> None:
        p.add_argument("graphs", nargs=nargs, metavar=what,
                       help="graph files (any RDF format), folders of them, stores (kg build --store), "
                            f"or - for standard input (default: the store {STORE_HELP})")
        p.add_argument("--input-format", metavar="FORMAT",
                       help="RDF format of the graphs: ttl, nt, trig, nquads, jsonld, xml "
                            "(default: from each file's name; for standard input, from its first bytes)")

    b = command("build", "extract a graph from documents",
                "Read documents and write their knowledge graph. Documents are .txt, .md, .html, .jsonl, "
                ".rss and .atom files, folders of them (read recursively), http(s) URLs of pages or feeds, "
                "or - for standard input.")
    b.add_argument("sources", nargs="+", metavar="SOURCE", help="a document file, folder, URL or -")
    b.add_argument("-o", "--output", metavar="FILE", default=None,
                   help="where to write the graph; - for standard output (the default, unless --store)")
    b.add_argument("--store", metavar="DIR", nargs="?", const="",
                   help="add to the graph store in this folder (created if needed): new documents are added, "
                        f"changed ones replaced, unchanged ones skipped (without DIR: {STORE_HELP})")
    b.add_argument("--format", help="RDF format: ttl, nt, trig, nquads, jsonld, xml (default: from the file name, else ttl)")
    b.add_argument("--base", metavar="IRI",
                   help="base IRI of the entities, documents and evidence kg mints (default: https://example.org/kg/)")
    b.add_argument("--ontology", metavar="FILE", help="the ontology to extract with (default: kg's own)")
    b.add_argument("--gazetteer", metavar="FILE", help="the gazetteer of known entities (default: kg's own)")
    b.add_argument("--model", default=DEFAULT_MODEL, help=f"installed spaCy pipeline (default: {DEFAULT_MODEL})")
    b.add_argument("--min-confidence", type=float, default=0.0, metavar="X",
                   help="leave out relations whose confidence is below X (0 to 1)")
    b.add_argument("--weights", metavar="FILE",
                   help="confidence weights written by kg calibrate (default: kg's own with kg's ontology; "
                        "none: the confidence of the rule that read each relation)")
    b.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help="extract in N processes (default: every core available)")
    b.add_argument("--dask", metavar="ADDRESS",
                   help="extract on the workers of this Dask scheduler, such as tcp://scheduler:8786")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar, notes or summary")
    b.add_argument("--html", metavar="FILE", help="also write an interactive page of the graph")
    b.add_argument("--debug", action="store_true",
                   help="list the candidate relations left out, with the reason, on standard error")

    q = command("query", "run a SPARQL query on graphs",
                "Run a SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE query on graph files. The last argument is "
                "the query, unless --file or --name gives it.")
    q.add_argument("arguments", nargs="*", metavar="GRAPH... [QUERY]",
                   help=f"graph files, folders, stores or - (standard input), then the query text "
                        f"(no graph: the store {STORE_HELP})")
    q.add_argument("-f", "--file", metavar="FILE", help="read the query from a file")
    q.add_argument("-n", "--name", metavar="NAME", help="run a ready query (see --list)")
    q.add_argument("-b", "--bind", action="append", default=[], metavar="VAR=VALUE",
                   help="bind a query variable to a value, for example name=Meta")
    q.add_argument("--format", choices=RESULT_FORMATS, default="table", help="result format (default: table)")
    q.add_argument("--input-format", metavar="FORMAT", help="RDF format of the graphs (default: from each file)")
    q.add_argument("--list", action="store_true", help="list the ready queries and their parameters")
    q.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"stop a query that runs longer (default: {DEFAULT_TIMEOUT:g}; 0 for no limit)")
    q.add_argument("--allow-service", action="store_true",
                   help="let SERVICE and FROM clauses fetch from other addresses (kg runs offline otherwise)")

    e = command("eval", "score graphs against gold annotations",
                "Precision, recall and F1 of a graph's relations against gold JSON Lines files, overall and "
                "by relation. Only the documents the gold lines name (their 'doc') are scored.")
    e.add_argument("arguments", nargs="+", metavar="GRAPH... GOLD...",
                   help="graph files or folders, and gold files (.jsonl)")
    e.add_argument("--ontology", metavar="FILE", help="the ontology that declares inverse and symmetric relations")
    e.add_argument("-v", "--verbose", action="store_true", help="also list missed relations and false positives")
    e.add_argument("--reliability", action="store_true",
                   help="also print how often the relations of each confidence range are right")
    e.add_argument("--json", action="store_true", help="print the score as JSON")
    e.add_argument("--input-format", metavar="FORMAT", help="RDF format of the graphs (default: from each file)")

    c = command("calibrate", "fit confidence weights from documents and gold annotations",
                "Read documents as kg build does, label each relation kg reads right or wrong by gold "
                "annotations of them (the format of kg eval), and fit the weights that turn how a sentence "
                "states a relation into a calibrated confidence. Use them with kg build --weights.")
    c.add_argument("sources", nargs="+", metavar="SOURCE", help="a document file, folder, URL or -")
    c.add_argument("--gold", nargs="+", required=True, metavar="GOLD", help="gold files (.jsonl) of those documents")
    c.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write the weights (JSON)")
    c.add_argument("--ontology", metavar="FILE", help="the ontology to extract with (default: kg's own)")
    c.add_argument("--gazetteer", metavar="FILE", help="the gazetteer of known entities (default: kg's own)")
    c.add_argument("--model", default=DEFAULT_MODEL, help=f"installed spaCy pipeline (default: {DEFAULT_MODEL})")
    c.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help="extract in N processes (default: every core available)")
    c.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")

    v = command("viz", "draw graphs as an interactive HTML page",
                "Write one HTML page that shows the graph and works offline.")
    graphs(v)
    v.add_argument("-o", "--output", required=True, metavar="FILE", help="the page to write; - for standard output")
    v.add_argument("--focus", metavar="NAME", help="draw the neighbourhood of this entity")
    v.add_argument("--depth", type=int, default=1, metavar="N", help="how far from --focus (default: 1)")
    v.add_argument("--types", metavar="CLASSES", help="keep only these classes, for example AIModel,Organization")
    v.add_argument("--relations", metavar="NAMES", help="keep only these relations, for example releases,memberOf")
    v.add_argument("--query", metavar="FILE", help="draw the result of this SPARQL CONSTRUCT query")
    v.add_argument("--max-nodes", type=int, default=None, metavar="N",
                   help="draw at most N entities, the most connected (default: 300)")
    v.add_argument("--title", help="the page's title")

    x = command("export", "write graphs for network tools (GraphML, GEXF)",
                "Write the entities and relations of graphs as a network file for Gephi, Cytoscape or "
                "networkx: GraphML or GEXF, one edge per relation with its own id.")
    graphs(x)
    x.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="a .graphml or .gexf file; - for standard output (with --format)")
    x.add_argument("--format", choices=("graphml", "gexf"), help="network format (default: from the file name)")

    w = command("explain", "show why a relation is in a graph",
                "Print the sentences that state a relation, with their document, the rule that read them "
                "and the confidence.")
    w.add_argument("arguments", nargs="+", metavar="GRAPH... SUBJECT RELATION OBJECT",
                   help="graph files, folders or stores (none: the store " + STORE_HELP + "), then an entity's "
                        "name or alias, a relation's local name (such as releases) and another entity's name or alias")
    w.add_argument("--ontology", metavar="FILE", help="the ontology the graph was built with")
    w.add_argument("--json", action="store_true", help="print the evidence as JSON")
    w.add_argument("--input-format", metavar="FORMAT", help="RDF format of the graphs (default: from each file)")

    i = command("info", "count the entities, relations and documents of graphs",
                "Count the documents, the entities of each class, the relations of each kind, the evidence "
                "and the triples of one graph, or of several read as one.")
    graphs(i)
    i.add_argument("--json", action="store_true", help="print the counts as JSON")

    c = command("validate", "check graphs against SHACL shapes",
                "Check any RDF graph against the SHACL shapes generated from the ontology (domain, range, "
                "datatypes, labels), with pySHACL. Exit status 1 when it does not conform.")
    graphs(c)
    c.add_argument("--ontology", metavar="FILE", help="the ontology to generate shapes from (default: kg's own)")
    c.add_argument("--shapes", metavar="FILE", help="check against these SHACL shapes instead")

    s = command("shapes", "write the SHACL shapes of an ontology",
                "Write the SHACL shapes generated from an ontology, for any SHACL engine.")
    s.add_argument("--ontology", metavar="FILE", help="the ontology (default: kg's own)")
    s.add_argument("-o", "--output", default="-", metavar="FILE", help="where to write them (default: standard output)")
    s.add_argument("--format", help="RDF format (default: from the file name, else ttl)")

    r = command("remove", "drop documents from a graph store",
                "Drop documents, by id, from a store that kg build --store made; the entities they alone "
                "named go, and the rest of the graph is as if they had never been added.")
    r.add_argument("ids", nargs="+", metavar="[DIR] ID",
                   help=f"the store's folder (default: {STORE_HELP}), then document ids, as kg query lists them "
                        "(dcterms:identifier)")
    r.add_argument("-q", "--quiet", action="store_true", help="no summary")

    d = command("dump", "write graphs or a store as one RDF file",
                "Write graph files, folders or stores as one RDF file, in any format kg writes.")
    graphs(d)
    d.add_argument("-o", "--output", default="-", metavar="FILE", help="where to write it (default: standard output)")
    d.add_argument("--format", help="RDF format: ttl, nt, trig, nquads, jsonld, xml (default: from the file name, else ttl)")

    sv = command("serve", "serve a store as a SPARQL endpoint",
                 "Serve a store read-only with Oxigraph's own server over the SPARQL 1.1 Protocol "
                 "(http://BIND/query), every document's graph in the default graph, until Ctrl-C.")
    sv.add_argument("store", metavar="DIR", nargs="?", help=f"the store's folder (default: {STORE_HELP})")
    from .rdf.endpoint import DEFAULT_BIND
    from .rdf.endpoint import DEFAULT_TIMEOUT as SERVE_TIMEOUT

    sv.add_argument("--bind", default=DEFAULT_BIND, metavar="HOST:PORT",
                    help=f"where to listen (default: {DEFAULT_BIND}, this machine only)")
    sv.add_argument("--timeout", type=int, default=SERVE_TIMEOUT, metavar="SECONDS",
                    help=f"stop a query after this long (default: {SERVE_TIMEOUT})")

    pu = command("push", "send a store to a SPARQL server",
                 "PUT every named graph of a store (one per document, and the entities) to a SPARQL 1.1 "
                 "Graph Store Protocol endpoint: Oxigraph, Fuseki, GraphDB, Virtuoso. Pushing again replaces.")
    pu.add_argument("store", metavar="DIR", nargs="?", help=f"the store's folder (default: {STORE_HELP})")
    pu.add_argument("--endpoint", required=True, metavar="URL",
                    help="the Graph Store Protocol address, for example http://127.0.0.1:7878/store")

    m = command("completion", "print a shell completion script",
                "Print the script that completes kg's commands and options in bash or zsh; for bash: "
                "eval \"$(kg completion bash)\" in ~/.bashrc.")
    m.add_argument("shell", nargs="?", default="bash", choices=("bash", "zsh", "fish", "tcsh"),
                   help="the shell (default: bash)")
    return parser, dict(commands.choices)


# -- commands -----------------------------------------------------------------------------

def _build(args) -> int:
    from .builder import build
    from .output import check_destination

    if not 0.0 <= args.min_confidence <= 1.0:
        raise KGError("--min-confidence must be between 0 and 1")
    if args.store is not None:
        args.store = args.store or str(_default_store(must_exist=False))
        return _build_store(args)
    args.output = args.output or "-"
    check_destination(args.output, inputs=args.sources)
    if args.html:
        check_destination(args.html, inputs=args.sources)
    skipped: list[KGError] = []
    try:
        graph = build(args.sources, **_build_options(args, skipped))
    except NoDocumentsError:
        if len(skipped) == 1:
            raise skipped[0] from None  # one bad input: its own message is the whole story
        _report(args, skipped, [])
        raise
    _report(args, skipped, graph.rejected)
    graph.serialize(args.output, format=args.format, inputs=args.sources)
    if args.html:
        graph.to_html(args.html, inputs=args.sources)
    if not args.quiet:
        stats = graph.stats()
        where = "standard output" if args.output == "-" else args.output
        entities, relations = sum(stats.entities.values()), sum(stats.relations.values())
        print(f"kg: wrote {printable(where)}: {_count(stats.documents, 'document')}, {_count(entities, 'entity')}, "
              f"{_count(relations, 'relation')}", file=sys.stderr)
    return 0


def _build_options(args, skipped: list) -> dict:
    """The library's options for ``kg build``; unreadable inputs are collected in ``skipped``."""
    def note(text: str) -> None:
        if not args.quiet:
            print(f"kg: note: {printable(text)}", file=sys.stderr)

    return {"ontology": args.ontology, "gazetteer": args.gazetteer, "model": args.model,
            "min_confidence": args.min_confidence, "weights": args.weights, "base": args.base, "jobs": args.jobs, "client": _client(args),
            "progress": not args.quiet and sys.stderr.isatty(), "on_error": skipped.append, "on_note": note}


def _report(args, skipped: list, rejected: list) -> None:
    for error in skipped:
        print(f"kg: skipped: {printable(str(error))}", file=sys.stderr)
    if args.debug:
        for r in rejected:
            print(printable(f"kg: rejected: {r.subject} {r.relation} {r.object} ({r.reason}; {r.rule}, "
                            f"{r.confidence:.2f}) [{r.document}] {' '.join(r.sentence.split())}"), file=sys.stderr)


def _client(args):
    if not args.dask:
        return None
    from .builder import connect

    return connect(args.dask)


def _build_store(args) -> int:
    from .builder import update_store
    from .graph import KnowledgeGraph
    from .output import check_destination

    for path in (args.output, args.html):
        if path:
            check_destination(path, inputs=args.sources)
    skipped: list[KGError] = []
    try:
        result = update_store(args.store, args.sources, **_build_options(args, skipped))
    except NoDocumentsError:
        if len(skipped) == 1:
            raise skipped[0] from None
        _report(args, skipped, [])
        raise
    _report(args, skipped, result.rejected)
    if args.output or args.html:
        graph = KnowledgeGraph.load(args.store)
        if args.output:
            graph.serialize(args.output, format=args.format, inputs=args.sources)
        if args.html:
            graph.to_html(args.html, inputs=args.sources)
    if not args.quiet:
        print(f"kg: store {printable(args.store)}: {len(result.added)} added, {len(result.replaced)} replaced, "
              f"{len(result.unchanged)} unchanged" + (f", {len(result.rejudged)} judged again" if result.rejudged else ""),
              file=sys.stderr)
    return 0


def _remove(args) -> int:
    from .builder import update_store
    from .rdf.store import is_store

    ids = list(args.ids)
    args.store = ids.pop(0) if len(ids) > 1 and is_store(ids[0]) else str(_default_store())
    if not is_store(args.store):
        raise KGError(f"{args.store}: not a kg store")
    result = update_store(args.store, remove=ids)
    if not args.quiet:
        print(f"kg: store {printable(args.store)}: {_count(len(result.removed), 'document')} removed"
              + (f", {len(result.rejudged)} judged again" if result.rejudged else ""), file=sys.stderr)
    return 0


def _dump(args) -> int:
    _stdin_once(args.graphs)
    _load(args.graphs, args).serialize(args.output, format=args.format, inputs=args.graphs)
    return 0


def _default_store(*, must_exist: bool = True) -> Path:
    from .rdf.store import STORE_VARIABLE, default_store, is_store

    path = default_store()
    if must_exist and not is_store(path):
        raise KGError(f"no graph given, and no store at {path} (kg build ARTICLES --store makes it; "
                      f"${STORE_VARIABLE} names another)")
    return path


def _graphs(given) -> list:
    """The graphs given, or the default store."""
    return list(given) or [str(_default_store())]


def _count(n: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{n} {noun if n == 1 else plural}"


def _load(graphs, args):
    from .graph import KnowledgeGraph

    return KnowledgeGraph.load(*graphs, format=getattr(args, "input_format", None))


def _stdin_once(paths) -> None:
    if sum(1 for p in paths if str(p) == "-") > 1:
        raise KGError("standard input (-) can be read only once")


def _query(args) -> int:
    from .query import format_result, ready_queries, ready_query
    from .rdf.store import is_store, query_store

    if args.list:
        for query in ready_queries().values():
            params = "".join(f"  [--bind {p}=...]" if p in query.optional else f"  --bind {p}=..."
                             for p in query.parameters)
            print(f"{query.name:12} {query.description}{params}")
        return 0
    given = [s for s in (args.file, args.name) if s]
    if len(given) > 1:
        raise QueryError("give one of: a query, --file FILE, --name NAME")
    positional = list(args.arguments)
    if not given:
        if not positional:
            raise QueryError("give a query (or --file FILE, --name NAME, --list)")
        text = positional.pop()
    elif args.file:
        path = Path(args.file)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{path}: cannot read query: {getattr(exc, 'strerror', None) or exc}") from None
    else:
        text = ready_query(args.name).text
    positional = _graphs(positional)
    bindings = {}
    for item in args.bind:
        if "=" not in item:
            raise QueryError(f"--bind {item!r}: expected VAR=VALUE")
        key, value = item.split("=", 1)
        bindings[key.strip()] = value
    if args.name:
        ready_query(args.name).check(bindings)
    _stdin_once(positional)
    if args.timeout < 0:
        raise QueryError("--timeout must be 0 (no limit) or more")
    if len(positional) == 1 and is_store(positional[0]):
        # a store is queried where it lies, by Oxigraph, not read into memory first
        result = query_store(positional[0], text, bindings=bindings, timeout=args.timeout or None,
                             allow_service=args.allow_service)
        out = format_result(result, graph=result.namespaces, format=args.format)
    else:
        graph = _load(positional, args)
        result = graph.query(text, bindings=bindings, timeout=args.timeout or None, allow_service=args.allow_service)
        out = format_result(result, graph=graph.graph, format=args.format)
    if args.format == "csv" and sys.stdout.isatty():
        out = printable(out.replace("\r\n", "\n")).replace("\\x0a", "\n")
    sys.stdout.write(out)
    return 0


def _eval(args) -> int:
    from .evaluate import (
        Gold,
        evaluate,
        format_reliability,
        format_score,
        reliability_pairs,
    )
    from .extract.scoring import reliability
    from .ontology import Ontology

    gold = [a for a in args.arguments if a.lower().endswith(GOLD_SUFFIXES)]
    graphs = [a for a in args.arguments if not a.lower().endswith(GOLD_SUFFIXES)]
    if not gold or not graphs:
        raise KGError("give graph files and gold files (.jsonl)")
    ontology = Ontology.load(args.ontology) if args.ontology else None
    graph, gold_relations = _load(graphs, args).graph, Gold.load(gold)
    score = evaluate(graph, gold_relations, ontology=ontology)
    table = reliability(reliability_pairs(graph, gold_relations, ontology=ontology)) if args.reliability else None
    if args.json:
        out = score.as_dict()
        if table is not None:
            out["reliability"] = [b.__dict__ for b in table]
        print(json.dumps(out, indent=1, ensure_ascii=False))
    else:
        sys.stdout.write(format_score(score, verbose=args.verbose))
        if table is not None:
            sys.stdout.write(format_reliability(table))
    return 0


def _calibrate(args) -> int:
    from .calibrate import calibrate, format_calibration
    from .evaluate import Gold
    from .output import check_destination, write_atomically

    check_destination(args.output, inputs=[*args.sources, *args.gold])
    skipped: list[KGError] = []
    result = calibrate(args.sources, Gold.load(args.gold), ontology=args.ontology, gazetteer=args.gazetteer,
                       model=args.model, jobs=args.jobs, on_error=skipped.append)
    for error in skipped:
        print(f"kg: skipped: {printable(str(error))}", file=sys.stderr)
    write_atomically(args.output, result.weights.to_json().encode("utf-8"), inputs=[*args.sources, *args.gold])
    if not args.quiet:
        sys.stderr.write(format_calibration(result))
    return 0


def _names(text: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (text or "").split(",") if part.strip())


def _viz(args) -> int:
    from .output import check_destination

    if args.depth < 0 or (args.max_nodes is not None and args.max_nodes < 1):
        raise KGError("--depth must be 0 or more and --max-nodes 1 or more")
    check_destination(args.output, inputs=args.graphs)
    query = None
    if args.query:
        try:
            query = Path(args.query).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{args.query}: cannot read query: {getattr(exc, 'strerror', None) or exc}") from None
    _stdin_once(args.graphs)
    graph = _load(args.graphs, args)
    graph.to_html(args.output, focus=args.focus, depth=args.depth, types=_names(args.types),
                  relations=_names(args.relations), query=query, max_nodes=args.max_nodes, title=args.title,
                  inputs=args.graphs)
    return 0


def _export(args) -> int:
    from .output import check_destination

    if args.output == "-" and not args.format:
        raise KGError("give --format graphml or --format gexf to write to standard output")
    check_destination(args.output, inputs=args.graphs)
    _stdin_once(args.graphs)
    _load(args.graphs, args).export(args.output, format=args.format, inputs=args.graphs)
    return 0


def _explain(args) -> int:
    from .ontology import Ontology

    if len(args.arguments) < 3:
        raise KGError("give graph files (or none, for the default store), then SUBJECT RELATION OBJECT")
    graphs, (subject, relation, obj) = _graphs(args.arguments[:-3]), args.arguments[-3:]
    graph = _load(graphs, args)
    ontology = Ontology.load(args.ontology) if args.ontology else None
    found = graph.explain(subject, relation, obj, ontology=ontology)
    if args.json:
        print(json.dumps([e.__dict__ for e in found], indent=1, ensure_ascii=False))
        return 0 if found else 1
    if not found:
        raise ExplainError(f"{printable(subject)} {printable(relation)} {printable(obj)} is not in "
                           f"{printable(', '.join(graphs))} (kg build --debug lists the candidates left out, and why)")
    first = found[0]
    print(printable(f"{first.subject} {first.relation} {first.object}: "
                    f"{_count(len(found), 'sentence')}"))
    for e in found:
        print(f"\n  confidence {e.confidence:.2f}, rule {printable(e.rule)}")
        print(f"  {printable(e.document)} ({printable(e.source or 'no source')}, characters {e.start}-{e.end})")
        print(f"  \"{printable(' '.join(e.sentence.split()))}\"")
    return 0


def _info(args) -> int:
    from .rdf.store import is_store, store_stats

    _stdin_once(args.graphs)
    if len(args.graphs) == 1 and is_store(args.graphs[0]):
        stats = store_stats(args.graphs[0])  # counted where it lies
    else:
        stats = _load(args.graphs, args).stats()
    if args.json:
        print(json.dumps(stats.as_dict(), indent=1))
        return 0
    print(f"documents  {stats.documents}")
    print(f"entities   {sum(stats.entities.values())}")
    for name, count in stats.entities.items():
        print(f"    {printable(name):16} {count}")
    print(f"relations  {sum(stats.relations.values())}")
    for name, count in stats.relations.items():
        print(f"    {printable(name):16} {count}")
    print(f"evidence   {stats.evidence}")
    print(f"triples    {stats.triples}")
    return 0


def _validate(args) -> int:
    from .graph import KnowledgeGraph
    from .ontology import Ontology, default_ontology
    from .shapes import ValidationError, validate_shapes

    _stdin_once(args.graphs)
    ontology = Ontology.load(args.ontology) if args.ontology else default_ontology()
    shapes = KnowledgeGraph.load(args.shapes).graph if args.shapes else None
    found = validate_shapes(_load(args.graphs, args).graph, ontology=ontology, shapes=shapes)
    for v in found:
        print(printable(f"{v.severity}: {v.focus}{' ' + v.path if v.path else ''}: {v.message}"))
    if found:
        raise ValidationError(f"the graph does not conform: {_count(len(found), 'violation')}")
    print("conforms")
    return 0


def _shapes(args) -> int:
    from .ontology import Ontology, default_ontology
    from .output import write_atomically
    from .rdf.formats import rdf_format
    from .shapes import shapes_graph

    ontology = Ontology.load(args.ontology) if args.ontology else default_ontology()
    fmt = rdf_format(args.format, path=None if args.output == "-" else args.output)
    write_atomically(args.output, shapes_graph(ontology).serialize(format=fmt, encoding="utf-8"))
    return 0


def _serve(args) -> int:
    from .rdf.endpoint import serve

    if args.timeout < 1:
        raise KGError("--timeout must be 1 or more")
    return serve(args.store or _default_store(), bind=args.bind, timeout=args.timeout)


def _push(args) -> int:
    from .rdf.endpoint import push

    pushed = push(args.store or _default_store(), args.endpoint)
    print(f"kg: pushed {_count(pushed.graphs, 'graph')} ({_count(pushed.triples, 'triple')}) to "
          f"{printable(args.endpoint)}", file=sys.stderr)
    return 0


def _completion(args) -> int:
    import argcomplete

    sys.stdout.write(argcomplete.shellcode(["kg"], shell=args.shell))
    return 0


COMMANDS = {"build": _build, "calibrate": _calibrate, "query": _query, "eval": _eval, "explain": _explain, "info": _info,
            "viz": _viz, "export": _export, "validate": _validate, "shapes": _shapes, "remove": _remove,
            "dump": _dump, "serve": _serve, "push": _push, "completion": _completion}


def parse(argv: list[str]) -> argparse.Namespace:
    """The arguments, options intermixed with positionals (argparse cannot intermix across a
    sub-command, so the command's own parser reads everything after its name)."""
    parser, commands = _parser()
    if "_ARGCOMPLETE" in os.environ:
        import argcomplete

        argcomplete.autocomplete(parser)
    if not argv or argv[0] not in commands:
        return parser.parse_args(argv)  # help, version, or argparse's own error for a bad command
    args = commands[argv[0]].parse_intermixed_args(argv[1:])
    args.command = argv[0]
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    try:
        if getattr(args, "graphs", None) == []:
            args.graphs = _graphs([])
        code = COMMANDS[args.command](args)
        sys.stdout.flush()
        return code
    except KGError as exc:
        print(f"kg: error: {printable(str(exc))}", file=sys.stderr)
        try:
            sys.stdout.flush()
        except OSError:
            _silence_stdout()  # standard output is what failed (a full disk, say)
        return exc.exit_code
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader (head, less) went away: not an error of ours; nothing more can be written
        _silence_stdout()
        return 0
    except OSError as exc:
        where = f"{exc.filename}: " if getattr(exc, "filename", None) else ""
        print(f"kg: error: {printable(where + (exc.strerror or str(exc)))}", file=sys.stderr)
        _silence_stdout()
        return 1


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that the interpreter's last flush of what could
    not be written raises nothing at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)


if __name__ == "__main__":
    sys.exit(main())
