"""Speed and memory of the batch job: prints articles per second and peak RSS.

    python scripts/benchmark.py [--copies N] [--long CHARS] [DROP_DIR]

Makes a temporary drop of N distinct articles from DROP_DIR (default: the
sample drop; a sentence is appended to each copy so their bytes differ), runs
the batch job on it into a temporary folder and prints the figures; then times
one article of --long characters (default 500,000).  Not a test:
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
    ap.add_argument("--long", type=int, default=500_000,
                    help="characters of the one long article timed after the drop (0: skip)")
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
    if args.long:
        long_article(nlp, texts, args.long)


def long_article(nlp, texts: list[str], n_chars: int) -> None:
    """One article of `n_chars` characters (the samples repeated, paragraphs
    kept): its time should be linear in its length (it goes to spaCy in
    pieces, see pipeline/batch/extract.py), not quadratic.  Printed, not asserted."""
    from pipeline.batch.runner import run_drop

    body = "\n\n".join(texts)
    text = (body + "\n\n") * (n_chars // (len(body) + 2) + 1)
    text = text[:n_chars]
    with tempfile.TemporaryDirectory() as tmp:
        drop = Path(tmp) / "long"
        drop.mkdir()
        (drop / "long.txt").write_text(text, encoding="utf-8")
        res = run_drop(nlp, drop, "long", Path(tmp) / "out")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    status = "failed: " + res.failures[0][1] if res.n_failed else "ok"
    print(f"long article    {n_chars:,} characters in {res.seconds:.1f} s "
          f"({n_chars / res.seconds / 1000:.1f} k characters/s), {status}")
    print(f"peak RSS        {rss:.0f} MiB (after the long article)")


if __name__ == "__main__":
    main()
