"""How a store grows: peak memory of a build into a store of N documents, and the cost of
adding one more document to it against the cost of extracting that document alone.

usage: python benchmarks/store_growth.py [--documents 1000 10000] [--jobs 2]

Each size runs in a process of its own, so that its peak memory is its own.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def one(n: int, jobs: int) -> None:
    from build_speed import corpus

    import kg

    docs = corpus(n + 1)
    extra = kg.Document(id="one-more", text=docs[-1].text + "\n\nAcme Robotics released Zen-2 today.")
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "kg.db"
        start = time.perf_counter()
        kg.update_store(store, docs[:n], jobs=jobs)
        built = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        kg.build([extra], jobs=1)  # pipeline loaded, as in a running build
        start = time.perf_counter()
        kg.build([extra], jobs=1)
        alone = time.perf_counter() - start
        start = time.perf_counter()
        result = kg.update_store(store, [extra], jobs=1)
        added = time.perf_counter() - start
        start = time.perf_counter()
        again = kg.update_store(store, [extra], jobs=1)
        repeat = time.perf_counter() - start
    assert result.added == ("one-more",) and again.unchanged == ("one-more",)
    print(f"{n:>6} documents  built in {built:6.1f} s  peak {peak:5.0f} MiB (main), {workers:4.0f} MiB (largest worker)  "
          f"one more: {added:.2f} s (its build alone {alone:.2f} s); again: {repeat:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(args.one, args.jobs)
        return
    for n in args.documents:
        subprocess.run([sys.executable, __file__, "--one", str(n), "--jobs", str(args.jobs)], check=True)


if __name__ == "__main__":
    main()
