"""How fast kg builds a graph, and how much memory it takes.

usage: python benchmarks/build_speed.py [--documents N] [--paragraphs P] [--jobs J] [--model NAME]
                                        [--compare-spacy] [--repeat R]

The documents are made from the example articles' paragraphs, shuffled with a fixed seed, so
the numbers are comparable between runs and machines. Prints documents and words a second
for the whole build (extraction, entities, RDF) and the peak resident memory. With
``--compare-spacy``, the same texts also go through bare spaCy (the same pipeline, without
kg's components, ``nlp.pipe(..., n_process=J)``) in the same run, for the ratio of the two.
With ``--repeat R``, bare spaCy and kg run R times each, in turn, and the fastest run of each
counts (as ``timeit`` does): on a shared machine, the fastest run is the one least disturbed.
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import kg  # noqa: E402
from kg.documents import read_documents  # noqa: E402
from kg.extract.pipeline import DEFAULT_MODEL  # noqa: E402


def corpus(n: int, paragraphs_per_document: int = 6) -> list[kg.Document]:
    paragraphs = [p.strip() for d in read_documents([ROOT / "examples" / "articles"])
                  for p in d.text.split("\n") if len(p.split()) > 8]
    rng = random.Random(1234)
    docs = []
    for i in range(n):
        chosen = rng.sample(paragraphs, k=min(paragraphs_per_document, len(paragraphs)))
        docs.append(kg.Document(id=f"bench-{i}", text="\n\n".join(chosen), title=f"Benchmark {i}"))
    return docs


def cpu_seconds() -> float:
    """Processor time of this process and of its finished workers."""
    mine, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + workers.ru_utime + workers.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--paragraphs", type=int, default=6, help="paragraphs a document (about 30 words each)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--compare-spacy", action="store_true")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    docs = corpus(args.documents, args.paragraphs)
    words = sum(len(d.text.split()) for d in docs)

    if args.compare_spacy:
        import spacy

        from kg.extract.pipeline import _installed_name

        bare = spacy.load(_installed_name(args.model))

    start = time.perf_counter()
    kg.build(docs[:1], model=args.model)  # loads spaCy and the ontology once
    warm = time.perf_counter()
    spacy_runs, kg_runs, spacy_cpu, kg_cpu = [], [], [], []
    for _ in range(args.repeat):
        if args.compare_spacy:
            begin, used = time.perf_counter(), cpu_seconds()
            for _ in bare.pipe((d.text for d in docs), batch_size=16, n_process=args.jobs):
                pass
            spacy_runs.append(time.perf_counter() - begin)
            spacy_cpu.append(cpu_seconds() - used)
        # every run starts from the same state: the last run's graph (half a million triples,
        # held in reference cycles) would otherwise live on through this one, in the worker
        # processes forked from it as well
        graph = stats = None
        gc.collect()
        begin, used = time.perf_counter(), cpu_seconds()
        graph = kg.build(docs, model=args.model, jobs=args.jobs)
        kg_runs.append(time.perf_counter() - begin)
        kg_cpu.append(cpu_seconds() - used)
        stats = graph.stats()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    seconds = min(kg_runs)
    spacy_seconds = min(spacy_runs) if spacy_runs else 0.0
    print(f"model              {args.model}, {args.jobs} job{'s' if args.jobs > 1 else ''}")
    print(f"documents          {len(docs)} ({words} words)")
    print(f"start-up           {warm - start:.2f} s (first build, one document)")
    print(f"build              {seconds:.2f} s" + (f" (fastest of {', '.join(f'{s:.1f}' for s in kg_runs)})"
                                                    if args.repeat > 1 else ""))
    print(f"throughput         {len(docs) / seconds:.1f} documents/s, {words / seconds:.0f} words/s")
    print(f"graph              {stats.triples} triples, {sum(stats.relations.values())} relations")
    print(f"peak memory        {peak_mib:.0f} MiB (this process; workers have their own)")
    if args.compare_spacy:
        runs = f" (fastest of {', '.join(f'{s:.1f}' for s in spacy_runs)})" if args.repeat > 1 else ""
        print(f"bare spaCy         {spacy_seconds:.2f} s{runs}, {words / spacy_seconds:.0f} words/s "
              f"(n_process={args.jobs}); kg builds at {spacy_seconds / seconds:.2f}x its speed")
        print(f"processor time     kg {min(kg_cpu):.1f} s, bare spaCy {min(spacy_cpu):.1f} s (every process, "
              f"least of the runs): kg needs {min(kg_cpu) / min(spacy_cpu):.2f}x bare spaCy's work")


if __name__ == "__main__":
    main()
