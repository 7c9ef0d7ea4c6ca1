"""How a view of a big graph behaves: the time to write the page, and the time the page takes
in headless Chromium to draw and to answer a search.

usage: python benchmarks/view_speed.py [--entities 20000] [--max-nodes 300 ...]

The graph is synthetic but shaped like kg's output: entities of every class, relations with
an evidence node each, a few hubs. Needs Debian's chromium (/usr/bin/chromium) and Playwright.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rdflib import Graph, Literal  # noqa: E402

import kg  # noqa: E402
from kg.rdf.vocab import AI, DOCUMENT, ENTITY, EVIDENCE, PROV, RDF, RDFS  # noqa: E402

CLASSES = [AI.Organization, AI.Person, AI.AIModel, AI.Product, AI.Benchmark, AI.Place]
RELATIONS = [AI.releases, AI.develops, AI.worksFor, AI.partnersWith, AI.investsIn, AI.evaluatedOn]


def synthetic(entities: int, *, seed: int = 11) -> kg.KnowledgeGraph:
    rng = random.Random(seed)
    g = Graph()
    doc = DOCUMENT["bench"]
    g.add((doc, RDF.type, AI.Document))
    nodes = [ENTITY[f"e{i}"] for i in range(entities)]
    for i, node in enumerate(nodes):
        g.add((node, RDF.type, CLASSES[i % len(CLASSES)]))
        g.add((node, RDFS.label, Literal(f"Entity {i}")))
    hubs = nodes[: max(10, entities // 200)]
    for i, node in enumerate(nodes):
        for target in (rng.choice(hubs), rng.choice(nodes)):
            if target == node:
                continue
            p = rng.choice(RELATIONS)
            g.add((node, p, target))
            ev = EVIDENCE[f"x{i}-{len(g)}"]
            for pp, o in ((RDF.type, AI.Evidence), (RDF.subject, node), (RDF.predicate, p), (RDF.object, target),
                          (PROV.wasDerivedFrom, doc), (AI.sentence, Literal(f"Sentence about entity {i}.")),
                          (AI.confidence, Literal(0.8))):
                g.add((ev, pp, o))
    return kg.KnowledgeGraph(g)


def in_browser(path: Path) -> tuple[float, float, int]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        start = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-kg-ready=true]", state="attached", timeout=600_000)
        ready = time.perf_counter() - start
        # a search as a reader makes it: typing shows ranked suggestions, Enter goes to the first
        start = time.perf_counter()
        page.fill("#kg-search-input", "Entity 1")
        page.wait_for_selector("#kg-suggestions li", state="visible")
        page.press("#kg-search-input", "Enter")
        page.wait_for_function("window.kgNetwork.getSelectedNodes().length === 1")
        search = time.perf_counter() - start
        drawn = page.evaluate("window.kgNetwork.body.data.nodes.length")
        groups = page.evaluate("window.kgGroups.count()")
        browser.close()
    return ready, search, drawn, groups


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entities", type=int, default=20_000)
    parser.add_argument("--max-nodes", type=int, nargs="+", default=[300, 2000])
    args = parser.parse_args()
    start = time.perf_counter()
    graph = synthetic(args.entities)
    print(f"graph              {args.entities} entities, {len(graph.graph)} triples "
          f"(made in {time.perf_counter() - start:.1f} s)")
    with tempfile.TemporaryDirectory() as tmp:
        for limit in args.max_nodes:
            path = Path(tmp) / f"view-{limit}.html"
            start = time.perf_counter()
            graph.to_html(path, max_nodes=limit)
            written = time.perf_counter() - start
            ready, search, drawn, groups = in_browser(path)
            print(f"max-nodes {limit:<6}  page {path.stat().st_size / 1e6:.1f} MB written in {written:.1f} s; "
                  f"{drawn} nodes drawn ({groups} groups) and settled in {ready:.1f} s; "
                  f"search answered in {search * 1000:.0f} ms")


if __name__ == "__main__":
    main()
