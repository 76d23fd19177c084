"""Speed cost of the learned recognizer: articles/s of the batch job with the shipped
pipeline and with the stock ``ner`` instead of ``news_learned``, in one process, on the
same articles.

    python scripts/benchmark_learned.py [--rounds N] [DROP_DIR ...]

Default articles: the sample drop and the gold texts (data/gold/*.jsonl), written to
a temporary drop.  Runs alternate (without, with, without, with, …); besides wall-clock
rates it prints the ratio of CPU time (process time), which a machine busy with other
work does not distort.  Not a test: figures
depend on the machine.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("drops", nargs="*", type=Path)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    from pipeline.extraction.nlp import MODEL, _assemble, load
    from pipeline.batch.runner import run_drop

    nlp = load()
    if "news_learned" not in nlp.pipe_names:
        sys.exit("the shipped pipeline has no news_learned (models/ner: python -m pipeline train)")
    nlps = {"without": _assemble(MODEL, None, learned=False), "with": nlp}
    with tempfile.TemporaryDirectory() as tmp:
        drop = Path(tmp) / "bench"
        drop.mkdir()
        texts = []
        for d in args.drops or [ROOT / "data" / "raw" / "samples"]:
            texts += [p.read_text(encoding="utf-8") for p in sorted(d.rglob("*.txt"))]
        if not args.drops:
            for g in sorted((ROOT / "data" / "gold").glob("*.jsonl")):
                texts += [json.loads(line)["text"] for line in g.open(encoding="utf-8") if line.strip()]
        for i, t in enumerate(texts):
            (drop / f"{i:05d}.txt").write_text(t, encoding="utf-8")
        # warm-up, untimed: lazy data loads and caches are paid once, not by the first variant
        for v, p in nlps.items():
            run_drop(p, drop, "bench", Path(tmp) / f"out-warm-up-{v}")
        totals = {"without": [0, 0.0], "with": [0, 0.0]}
        cpu = {"without": 0.0, "with": 0.0}
        for r in range(args.rounds):
            for variant in ("without", "with"):
                c0 = time.process_time()
                res = run_drop(nlps[variant], drop, "bench", Path(tmp) / f"out-{variant}-{r}")
                cpu[variant] += time.process_time() - c0
                totals[variant][0] += res.n_new
                totals[variant][1] += res.seconds
                print(f"round {r + 1} {variant:<8} {res.n_new} articles in {res.seconds:.1f} s "
                      f"-> {res.n_new / res.seconds:.2f} articles/s (CPU {cpu[variant]:.1f} s so far)", flush=True)
    rate = {v: n / s for v, (n, s) in totals.items()}
    print(f"without news_learned {rate['without']:.2f} articles/s, with {rate['with']:.2f}: "
          f"ratio {rate['with'] / rate['without']:.2f} (wall clock)")
    print(f"CPU time without {cpu['without']:.1f} s, with {cpu['with']:.1f} s: throughput ratio "
          f"{cpu['without'] / cpu['with']:.2f} (CPU)")


if __name__ == "__main__":
    main()
