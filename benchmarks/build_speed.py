"""How fast kg builds a graph, and how much memory it takes.

usage: python benchmarks/build_speed.py [--documents N] [--model NAME]

The documents are made from the example articles' paragraphs, shuffled with a fixed seed, so
the numbers are comparable between runs and machines. Prints documents and words a second
for the whole build (extraction, entities, RDF) and the peak resident memory.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import kg  # noqa: E402
from kg.documents import read_documents  # noqa: E402
from kg.pipeline import DEFAULT_MODEL  # noqa: E402


def corpus(n: int) -> list[kg.Document]:
    paragraphs = [p.strip() for d in read_documents([ROOT / "examples" / "articles"])
                  for p in d.text.split("\n") if len(p.split()) > 8]
    rng = random.Random(1234)
    docs = []
    for i in range(n):
        chosen = rng.sample(paragraphs, k=min(6, len(paragraphs)))
        docs.append(kg.Document(id=f"bench-{i}", text="\n\n".join(chosen), title=f"Benchmark {i}"))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    args = parser.parse_args()
    docs = corpus(args.documents)
    words = sum(len(d.text.split()) for d in docs)

    start = time.perf_counter()
    kg.build(docs[:1], model=args.model)  # loads spaCy and the ontology once
    warm = time.perf_counter()
    graph = kg.build(docs, model=args.model)
    done = time.perf_counter()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    stats = graph.stats()
    seconds = done - warm
    print(f"model              {args.model}")
    print(f"documents          {len(docs)} ({words} words)")
    print(f"start-up           {warm - start:.2f} s (first build, one document)")
    print(f"build              {seconds:.2f} s")
    print(f"throughput         {len(docs) / seconds:.1f} documents/s, {words / seconds:.0f} words/s")
    print(f"graph              {stats.triples} triples, {sum(stats.relations.values())} relations")
    print(f"peak memory        {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
