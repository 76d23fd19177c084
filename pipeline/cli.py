"""Command line: `python -m pipeline run|eval|report`.

Exit status of `run`: 0 every article processed; 1 some articles failed (they are
recorded in `articles` with the reason, the rest are written); 2 the command is
wrong (no such folder, output not writable, another run holds the output).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from .mention import LABELS

EXIT_OK, EXIT_FAILED_ARTICLES, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m pipeline",
                                description="Entity extraction from French news drops into Parquet tables.")
    sub = p.add_subparsers(dest="command", required=True)

    r = sub.add_parser("run", help="process drop folders into tables",
                       epilog="exit status: 0 all processed, 1 some articles failed (recorded), 2 usage error")
    r.add_argument("drops", nargs="*",
                   help="drop folders (default: every folder under data/raw/); "
                        "with --engine spark also hdfs://, s3a:// … URIs")
    r.add_argument("--out", type=Path, default=Path("data/processed"), help="output folder")
    r.add_argument("--drop", dest="drop_name", help="drop name (default: the folder's name); one folder only")
    r.add_argument("--reprocess", action="store_true", help="redo articles already processed")
    r.add_argument("--no-report", action="store_true", help="do not write the HTML report")
    r.add_argument("--quiet", action="store_true", help="no progress bar")
    r.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                   help="worker processes, each with its own model (default: number of cores)")
    r.add_argument("--engine", choices=("local", "spark"), default="local",
                   help="local: worker processes on this machine; spark: a Spark cluster "
                        "(pip install '.[spark]')")
    r.add_argument("--master", help="Spark master with --engine spark: local[2], spark://host:7077, "
                                    "yarn (default: spark-submit's, else local[*])")

    e = sub.add_parser("eval", help="score the pipeline on gold annotations")
    e.add_argument("gold", type=Path)
    e.add_argument("--errors", action="store_true", help="list each miss and false hit")
    e.add_argument("--baseline", action="store_true",
                   help="score stock fr_core_news_md (PER/ORG/LOC mapped) instead")

    rep = sub.add_parser("report", help="write the per-drop HTML report")
    rep.add_argument("out", type=Path, help="folder holding the tables")
    rep.add_argument("--drop", help="drop to report on (default: all)")
    rep.add_argument("--html", type=Path, required=True, help="HTML file to write")
    return p


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "run":
        return cmd_run(args)
    if args.command == "eval":
        from .evaluate import main as eval_main
        return eval_main(args)
    if args.command == "report":
        from .report import write_report
        if not (args.out / "articles").exists():
            print(f"error: no tables under {args.out}", file=sys.stderr)
            return EXIT_USAGE
        path = write_report(args.out, args.html, drop=args.drop)
        print(f"report written to {path}")
        return EXIT_OK
    return EXIT_USAGE


def cmd_run(args) -> int:
    from . import store
    from .run import new_run_id, run_drop, write_run_row

    drops = args.drops
    if not drops:
        raw = Path("data/raw")
        drops = sorted(p for p in raw.iterdir() if p.is_dir()) if raw.is_dir() else []
        if not drops:
            print("error: no drop folders given and none under data/raw/", file=sys.stderr)
            return EXIT_USAGE
    spark = args.engine == "spark"
    if args.master and not spark:
        print("error: --master goes with --engine spark", file=sys.stderr)
        return EXIT_USAGE
    # a URI (hdfs://, s3a://) is for Spark to find; a local folder is checked here
    uris = [str(d) for d in drops]
    drops = [Path(d) for d in drops]
    for d, u in zip(drops, uris):
        if not (spark and "://" in u) and not d.is_dir():
            print(f"error: no such drop folder: {d}", file=sys.stderr)
            return EXIT_USAGE
    if args.drop_name and len(drops) > 1:
        print("error: --drop names one folder; several were given", file=sys.stderr)
        return EXIT_USAGE
    names = [args.drop_name or (u.rstrip("/").rsplit("/", 1)[-1] if "://" in u else d.resolve().name)
             for d, u in zip(drops, uris)]
    for n in names:
        if not n or "/" in n or n.startswith((".", "_")):
            print(f"error: invalid drop name {n!r}", file=sys.stderr)
            return EXIT_USAGE
    out: Path = args.out
    try:
        store.check_writable(out)
    except store.StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE

    if args.workers < 1:
        print("error: --workers must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    t0 = time.perf_counter()
    from .run import Extractor
    # the model is loaded on first use: a run with nothing new never loads it
    extractor = Extractor(args.workers)
    results = []
    run_id = new_run_id()
    try:
        with store.locked(out):
            if spark:
                results = _run_spark(args, uris, names, out, run_id)
                if results is None:
                    return EXIT_USAGE
            else:
                from tqdm import tqdm
                with tqdm(disable=True if args.quiet else None, unit="art", file=sys.stderr) as bar:
                    for d, name in zip(drops, names):
                        started = datetime.now(timezone.utc)
                        res = run_drop(extractor, d, name, out, reprocess=args.reprocess,
                                       progress=bar)
                        write_run_row(out, run_id, res, started)
                        results.append(res)
            if any(r.n_new for r in results) or not (out / "entities").exists():
                from .entities import rebuild
                rebuild(out)
    except store.StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        extractor.close()
    report_path = None
    if not args.no_report:
        try:
            from .report import write_report
            report_path = write_report(out, out / "report.html")
        except ImportError:
            report_path = None
    _summary(results, time.perf_counter() - t0, out, report_path)
    return EXIT_FAILED_ARTICLES if any(r.n_failed for r in results) else EXIT_OK


def _run_spark(args, uris, names, out: Path, run_id: str):
    """The Spark engine (pipeline/spark.py) on the drops; None when Spark is missing or
    cannot find a drop (a usage error, said on stderr)."""
    try:
        from . import spark
        session = spark.session(args.master, quiet=args.quiet)
    except ImportError:
        print("error: --engine spark needs pyspark: pip install '.[spark]'", file=sys.stderr)
        return None
    try:
        return spark.run_drops(session, list(zip(uris, names)), out, run_id,
                               reprocess=args.reprocess)
    except spark.SparkUsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None


def _summary(results, seconds: float, out: Path, report_path) -> None:
    seen = sum(r.n_seen for r in results)
    new = sum(r.n_new for r in results)
    skipped = sum(r.n_skipped for r in results)
    failed = sum(r.n_failed for r in results)
    labels = Counter()
    for r in results:
        labels.update(r.labels)
    extract_s = sum(r.seconds for r in results)
    print(f"drops      {', '.join(r.drop for r in results)}")
    print(f"articles   seen {seen}   new {new}   skipped {skipped} (already processed)   failed {failed}")
    for r in results:
        for source, error in r.failures[:20]:
            print(f"  failed   {r.drop}/{source}: {error}")
        if len(r.failures) > 20:
            print(f"  … and {len(r.failures) - 20} more failures in {r.drop} (see the articles table)")
    if labels:
        print("mentions   " + "   ".join(f"{lab} {labels[lab]}" for lab in LABELS if labels[lab]))
    rate = new / extract_s if extract_s and new else 0.0
    print(f"time       {seconds:.1f} s in all (model load included), {rate:.1f} articles/s processing")
    print(f"tables     {out.resolve()}/{{articles,mentions,roles,entities,runs}}")
    if report_path:
        print(f"report     {Path(report_path).resolve()}")
