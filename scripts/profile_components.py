"""CPU seconds per pipeline component on the gold texts, as the batch extraction runs them.

    .venv/bin/python scripts/profile_components.py [--repeat N] [--cprofile COMPONENT]

Runs every gold text (data/gold/dev.jsonl and train.jsonl) through the assembled
pipeline one component at a time over the whole set (the components the batch
path skips are skipped here too), and prints the process CPU time of each: CPU,
not wall, so the figures hold on a shared machine.  ``--cprofile NAME`` prints
the cProfile of that one component (``all`` for every rule component).
Figures are printed for people; nothing asserts them.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=1, help="runs over the texts (figures summed)")
    ap.add_argument("--warmup", type=int, default=0,
                    help="runs before measuring (leaves out the first call's one-time costs)")
    ap.add_argument("--cprofile", default=None, help="component to profile, or 'all'")
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args()

    from pipeline.batch.reader import read_article
    from pipeline.extraction.nlp import batch_skips, load, make_doc

    texts = []
    for name in ("dev.jsonl", "train.jsonl"):
        with open(ROOT / "data" / "gold" / name, encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh if line.strip()]
    nlp = load()
    skip = set(batch_skips(nlp))
    arts = [read_article(t.encode("utf-8")) for t in texts]
    cpu: dict[str, float] = {name: 0.0 for name in nlp.pipe_names if name not in skip}
    prof = cProfile.Profile() if args.cprofile else None
    for rep in range(args.warmup + args.repeat):
        measured = rep >= args.warmup
        docs = [make_doc(nlp, a.prose, a.published) for a in arts]
        for name, proc in nlp.pipeline:
            if name in skip:
                continue
            on = measured and prof is not None and (args.cprofile == name
                                       or (args.cprofile == "all" and name.startswith("news_")))
            t0 = time.process_time()
            if on:
                prof.enable()
            if hasattr(proc, "pipe"):
                docs = list(proc.pipe(docs, batch_size=len(docs)))
            else:
                docs = [proc(d) for d in docs]
            if on:
                prof.disable()
            if measured:
                cpu[name] += time.process_time() - t0
    total = sum(cpu.values())
    print(f"{len(texts)} texts x {args.repeat} (after {args.warmup} warm-up runs), "
          f"skipped: {sorted(skip) or 'none'}")
    for name, s in cpu.items():
        print(f"  {name:18s} {s:7.2f} CPU-s  {100 * s / total:5.1f}%")
    print(f"  {'total':18s} {total:7.2f} CPU-s")
    if prof is not None:
        pstats.Stats(prof).sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
