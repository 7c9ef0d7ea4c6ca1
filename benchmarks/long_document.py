"""Whether a build's cost is linear in a document's length: one long document against the
same text cut into separate documents.

usage: python benchmarks/long_document.py [--characters 1000000] [--pieces 40] [--jobs 1]

The text is made from the example articles' paragraphs, shuffled with a fixed seed.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_speed import corpus  # noqa: E402

import kg  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--characters", type=int, default=1_000_000)
    parser.add_argument("--pieces", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    text = ""
    n = 100
    while len(text) < args.characters:
        text = "\n\n".join(d.text for d in corpus(n, 20))
        n *= 2
    text = text[:args.characters]
    size = -(-len(text) // args.pieces)
    pieces = [kg.Document(id=f"piece-{i}", text=text[i * size:(i + 1) * size]) for i in range(args.pieces)]
    kg.build(pieces[:1])  # loads spaCy once
    start = time.perf_counter()
    kg.build([kg.Document(id="whole", text=text)], jobs=args.jobs)
    whole = time.perf_counter() - start
    start = time.perf_counter()
    kg.build(pieces, jobs=args.jobs)
    parts = time.perf_counter() - start
    print(f"one document of {len(text):,} characters  {whole:.1f} s")
    print(f"the same as {args.pieces} documents      {parts:.1f} s")
    print(f"ratio                              {whole / parts:.2f}")


if __name__ == "__main__":
    main()
