"""Speed and memory of the batch job: prints articles per second and peak RSS.

    python scripts/benchmark.py [--copies N] [DROP_DIR]

Makes a temporary drop of N distinct articles from DROP_DIR (default: the
sample drop; a sentence is appended to each copy so their bytes differ), runs
the batch job on it into a temporary folder and prints the figures.  Not a test:
figures depend on the machine.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("drop", nargs="?", type=Path, default=ROOT / "data" / "raw" / "samples")
    ap.add_argument("--copies", type=int, default=100)
    args = ap.parse_args()
    from pipeline.extraction.nlp import load
    from pipeline.batch.runner import run_drop

    t = time.perf_counter()
    nlp = load()
    load_s = time.perf_counter() - t
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.drop.rglob("*.txt"))]
    with tempfile.TemporaryDirectory() as tmp:
        drop = Path(tmp) / "bench"
        drop.mkdir()
        for i in range(args.copies):
            (drop / f"{i:05d}.txt").write_text(
                texts[i % len(texts)] + f"\nCopie {i} pour la mesure.\n", encoding="utf-8")
        chars = sum(len(p.read_text(encoding="utf-8")) for p in drop.glob("*.txt"))
        res = run_drop(nlp, drop, "bench", Path(tmp) / "out")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"model load      {load_s:.1f} s")
    print(f"articles        {res.n_new} ({chars / max(res.n_new, 1):.0f} characters each on average)")
    print(f"processing      {res.seconds:.1f} s  ->  {res.n_new / res.seconds:.1f} articles/s, "
          f"{chars / res.seconds / 1000:.0f} k characters/s")
    print(f"peak RSS        {rss:.0f} MiB")


if __name__ == "__main__":
    main()
