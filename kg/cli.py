"""The ``kg`` command: parses arguments and calls the library. Errors become one line."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from pathlib import Path

from . import __version__
from .build import build
from .errors import ExplainError, InputError, KGError, NoDocumentsError, QueryError
from .evaluate import Gold, evaluate, format_score
from .graph import KnowledgeGraph
from .ontology import Ontology
from .pipeline import DEFAULT_MODEL
from .query import CONTROL_CHARACTERS, RESULT_FORMATS, format_result, ready_queries, ready_query


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="Build RDF knowledge graphs from news about the AI industry.")
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    b = commands.add_parser("build", help="extract a graph from documents",
                            description="Read documents (.txt, .md, .html, .jsonl, folders, - for standard input) "
                                        "and write their knowledge graph.")
    b.add_argument("sources", nargs="+", metavar="SOURCE")
    b.add_argument("-o", "--output", metavar="FILE", help="where to write the graph (default: standard output)")
    b.add_argument("--format", help="RDF format: ttl, nt, trig, nquads, jsonld, xml (default: from the file name, else ttl)")
    b.add_argument("--ontology", metavar="FILE", help="the ontology to extract with (default: kg's own)")
    b.add_argument("--gazetteer", metavar="FILE", help="the gazetteer of known entities (default: kg's own)")
    b.add_argument("--model", default=DEFAULT_MODEL, help=f"installed spaCy pipeline (default: {DEFAULT_MODEL})")
    b.add_argument("--min-confidence", type=float, default=0.0, metavar="X",
                   help="leave out relations whose confidence is below X (0 to 1)")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    b.add_argument("--html", metavar="FILE", help="also write an interactive page of the graph")
    b.add_argument("--debug", action="store_true",
                   help="list the candidate relations left out, with the reason, on standard error")

    q = commands.add_parser("query", help="run a SPARQL query on a graph",
                            description="Run a SPARQL SELECT, ASK, CONSTRUCT or DESCRIBE query on a graph file.")
    q.add_argument("graph", nargs="?", metavar="GRAPH")
    q.add_argument("sparql", nargs="?", metavar="QUERY", help="the query text")
    q.add_argument("-f", "--file", metavar="FILE", help="read the query from a file")
    q.add_argument("-n", "--name", metavar="NAME", help="run a ready query (see --list)")
    q.add_argument("-b", "--bind", action="append", default=[], metavar="VAR=VALUE",
                   help="bind a query variable to a value, for example name=Meta")
    q.add_argument("--format", choices=RESULT_FORMATS, default="table", help="result format (default: table)")
    q.add_argument("--list", action="store_true", help="list the ready queries")

    e = commands.add_parser("eval", help="score a graph against gold annotations",
                            description="Precision, recall and F1 of a graph's relations against gold JSON Lines files.")
    e.add_argument("graph", metavar="GRAPH")
    e.add_argument("gold", nargs="+", metavar="GOLD")
    e.add_argument("-v", "--verbose", action="store_true", help="also list missed relations and false positives")
    e.add_argument("--json", action="store_true", help="print the score as JSON")

    v = commands.add_parser("viz", help="draw a graph as an interactive HTML page",
                            description="Write one HTML page that shows the graph and works offline.")
    v.add_argument("graph", metavar="GRAPH")
    v.add_argument("-o", "--output", required=True, metavar="FILE", help="the page to write")
    v.add_argument("--focus", metavar="NAME", help="draw the neighbourhood of this entity")
    v.add_argument("--depth", type=int, default=1, metavar="N", help="how far from --focus (default: 1)")
    v.add_argument("--types", metavar="CLASSES", help="keep only these classes, for example AIModel,Organization")
    v.add_argument("--relations", metavar="NAMES", help="keep only these relations, for example releases,memberOf")
    v.add_argument("--query", metavar="FILE", help="draw the result of this SPARQL CONSTRUCT query")
    v.add_argument("--max-nodes", type=int, default=None, metavar="N",
                   help="draw at most N entities, the most connected (default: 300)")
    v.add_argument("--title", help="the page's title")

    e2 = commands.add_parser("export", help="write a graph for network tools (GraphML, GEXF)")
    e2.add_argument("graph", metavar="GRAPH")
    e2.add_argument("-o", "--output", required=True, metavar="FILE", help="a .graphml or .gexf file")

    x = commands.add_parser("explain", help="show why a relation is in a graph",
                            description="Print the sentences that state a relation, with their document, "
                                        "the rule that read them and the confidence.")
    x.add_argument("graph", metavar="GRAPH")
    x.add_argument("subject", metavar="SUBJECT", help="an entity's name or alias")
    x.add_argument("relation", metavar="RELATION", help="a relation's local name, such as releases")
    x.add_argument("object", metavar="OBJECT", help="an entity's name or alias")
    x.add_argument("--ontology", metavar="FILE", help="the ontology the graph was built with")
    x.add_argument("--json", action="store_true", help="print the evidence as JSON")

    i = commands.add_parser("info", help="count a graph's entities, relations and documents")
    i.add_argument("graph", metavar="GRAPH")
    i.add_argument("--json", action="store_true", help="print the counts as JSON")
    return parser


def _build(args) -> int:
    if not 0.0 <= args.min_confidence <= 1.0:
        raise KGError("--min-confidence must be between 0 and 1")
    skipped: list[InputError] = []
    try:
        graph = build(args.sources, ontology=args.ontology, gazetteer=args.gazetteer, model=args.model,
                      min_confidence=args.min_confidence, progress=not args.quiet, on_error=skipped.append)
    except NoDocumentsError:
        if len(skipped) == 1:
            raise skipped[0] from None  # one bad input: its own message is the whole story
        for error in skipped:
            print(f"kg: skipped: {error}", file=sys.stderr)
        raise
    for error in skipped:
        print(f"kg: skipped: {error}", file=sys.stderr)
    if args.debug:
        for r in graph.rejected:
            print(f"kg: rejected: {r.subject} {r.relation} {r.object} ({r.reason}; {r.rule}, {r.confidence:.2f}) "
                  f"[{r.document}] {_one_line(r.sentence)}", file=sys.stderr)
    if args.output:
        graph.serialize(args.output, format=args.format)
    else:
        sys.stdout.write(graph.serialize(format=args.format) or "")
    if args.html:
        graph.to_html(args.html)
    if not args.quiet:
        stats = graph.stats()
        where = args.output or "standard output"
        print(f"kg: wrote {where}: {stats.documents} documents, {sum(stats.entities.values())} entities, "
              f"{sum(stats.relations.values())} relations", file=sys.stderr)
    return 0


def _query(args) -> int:
    if args.list:
        for query in ready_queries().values():
            params = f"  [--bind {', '.join(p + '=...' for p in query.parameters)}]" if query.parameters else ""
            print(f"{query.name:12} {query.description}{params}")
        return 0
    if not args.graph:
        raise QueryError("give a graph file to query (or --list)")
    sources = [s for s in (args.sparql, args.file, args.name) if s]
    if len(sources) != 1:
        raise QueryError("give exactly one of: a query, --file FILE, --name NAME")
    if args.file:
        path = Path(args.file)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{path}: cannot read query: {getattr(exc, 'strerror', None) or exc}") from None
    elif args.name:
        text = ready_query(args.name).text
    else:
        text = args.sparql
    bindings = {}
    for item in args.bind:
        if "=" not in item:
            raise QueryError(f"--bind {item!r}: expected VAR=VALUE")
        key, value = item.split("=", 1)
        bindings[key.strip()] = value
    graph = KnowledgeGraph.load(args.graph)
    result = graph.query(text, bindings=bindings)
    sys.stdout.write(format_result(result, graph=graph.graph, format=args.format))
    return 0


def _eval(args) -> int:
    graph = KnowledgeGraph.load(args.graph)
    score = evaluate(graph.graph, Gold.load(args.gold))
    if args.json:
        print(json.dumps(score.as_dict(), indent=1, ensure_ascii=False))
    else:
        sys.stdout.write(format_score(score, verbose=args.verbose))
    return 0


def _names(text: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (text or "").split(",") if part.strip())


def _viz(args) -> int:
    if args.depth < 0 or (args.max_nodes is not None and args.max_nodes < 1):
        raise KGError("--depth must be 0 or more and --max-nodes 1 or more")
    query = None
    if args.query:
        try:
            query = Path(args.query).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{args.query}: cannot read query: {getattr(exc, 'strerror', None) or exc}") from None
    graph = KnowledgeGraph.load(args.graph)
    graph.to_html(args.output, focus=args.focus, depth=args.depth, types=_names(args.types),
                  relations=_names(args.relations), query=query, max_nodes=args.max_nodes, title=args.title)
    return 0


def _export(args) -> int:
    KnowledgeGraph.load(args.graph).export(args.output)
    return 0


def _one_line(text: str) -> str:
    return CONTROL_CHARACTERS.sub(" ", text)


def _explain(args) -> int:
    graph = KnowledgeGraph.load(args.graph)
    ontology = Ontology.load(args.ontology) if args.ontology else None
    found = graph.explain(args.subject, args.relation, args.object, ontology=ontology)
    if args.json:
        print(json.dumps([e.__dict__ for e in found], indent=1, ensure_ascii=False))
        return 0 if found else 1
    if not found:
        raise ExplainError(f"{args.subject} {args.relation} {args.object} is not in {args.graph} "
                           f"(kg build --debug lists the candidates left out, and why)")
    first = found[0]
    print(f"{first.subject} {first.relation} {first.object}: {len(found)} sentence{'s' if len(found) > 1 else ''}")
    for e in found:
        print(f"\n  confidence {e.confidence:.2f}, rule {e.rule}")
        print(f"  {_one_line(e.document)} ({_one_line(e.source or 'no source')}, characters {e.start}-{e.end})")
        print(f"  \"{_one_line(e.sentence)}\"")
    return 0


def _info(args) -> int:
    stats = KnowledgeGraph.load(args.graph).stats()
    if args.json:
        print(json.dumps(stats.as_dict(), indent=1))
        return 0
    print(f"documents  {stats.documents}")
    print(f"entities   {sum(stats.entities.values())}")
    for name, count in stats.entities.items():
        print(f"    {name:16} {count}")
    print(f"relations  {sum(stats.relations.values())}")
    for name, count in stats.relations.items():
        print(f"    {name:16} {count}")
    print(f"evidence   {stats.evidence}")
    print(f"triples    {stats.triples}")
    return 0


COMMANDS = {"build": _build, "query": _query, "eval": _eval, "explain": _explain, "info": _info,
            "viz": _viz, "export": _export}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KGError as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader (head, less) went away: not an error of ours
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        return 0


if __name__ == "__main__":
    sys.exit(main())
