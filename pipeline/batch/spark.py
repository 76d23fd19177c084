"""The Spark engine: the job of runner.py on a cluster (`run --engine spark`).

- Spark reads the drops (`binaryFile`, every `*.txt` below the folder), so a drop
  can be on HDFS or S3 as well as on a local disk.
- The article id (first 32 hex digits of the SHA-256 of the bytes, as
  `reader.article_id`) is computed on the JVM; an anti-join with the ids that the
  `articles` table holds for this pipeline version leaves out what is done, and a
  file whose bytes came earlier in the run (earlier drop, or earlier in the folder
  walk of `runner.discover`) is skipped, as the local runner does.  Nothing new: no
  Python worker starts and no model is loaded.
- `extract_batch` runs on the executors through `mapInArrow`; each Python worker
  loads the model once (`nlp.load` is cached per process and Spark reuses its
  workers).  The three tables come back as Arrow IPC, one row per table per chunk.
- The driver commits them through the store, under the output folder's lock
  (`store.StagedCommit`: staged files renamed into place, `articles` last; the
  superseded rows purged after; `repair` finishes a killed commit).  Why the driver
  and not the executors: the store's atomic commit needs one writer holding the lock
  on a POSIX folder, and executors of a cluster neither share the driver's disk nor
  name their files so that a file of each table forms one commit.  The cost is that
  the tables pass through the driver (as compressed Arrow IPC).
- Atomic per job: the extraction runs to the end on the cluster first (the result is
  persisted on the executors), then the driver stages it and commits one file per
  table per drop.  A job that fails or is killed before that commits nothing; the
  output folder is the local runner's, so either engine can continue it.

Differences from the local runner's discovery: Spark skips names starting with `_`
too (not only `.`), follows symbolic links, and fails the job on a file it cannot
read (the local runner records it as a failed article).
"""
from __future__ import annotations

import math
import os
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator, Optional

import pyarrow as pa

from . import store
from .extract import extract_batch, pipeline_version
from .reader import MAX_BYTES
from .runner import (EXTRACT_CHUNK, DropResult, _to_ipc, record_commit, tally, too_large,
                  write_run_row)

# Articles per Spark task: a task is a few seconds of work, small enough to balance
# the executors and to lose little when one is retried.
ARTICLES_PER_TASK = 256
RESULT_SCHEMA = "drop string, table string, data binary"


class SparkUsageError(Exception):
    """A drop folder Spark cannot find."""


def session(master: Optional[str] = None, quiet: bool = False):
    """The Spark session: `master` given (`local[2]`, `spark://…`, `yarn`), else the one
    spark-submit configured, else `local[*]`.  On a local master the Python workers run
    this interpreter (the one that has the package and the model)."""
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    submitted = "PYSPARK_GATEWAY_PORT" in os.environ   # launched by spark-submit
    if master is None and not submitted:
        master = "local[*]"
    effective = master or SparkConf().get("spark.master", "")
    if effective.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("news-entities")
    if master:
        builder = builder.master(master)
    if quiet:
        builder = builder.config("spark.ui.showConsoleProgress", "false")
    import warnings
    # pyspark warns about pandas 3 on import of its pandas helpers; none is used here
    warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR" if quiet else "WARN")
    if effective.startswith("local"):
        # the shuffles here carry file names and ids only: Spark's 200 partitions
        # would be 200 tasks of nothing on one machine
        spark.conf.set("spark.sql.shuffle.partitions", str(spark.sparkContext.defaultParallelism))
    return spark


def _qualified(spark, uri: str) -> str:
    """The drop folder as Spark writes the paths of its files (`file:/…`, `hdfs://…`)."""
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(uri)
    fs = path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    if not fs.exists(path) or not fs.getFileStatus(path).isDirectory():
        raise SparkUsageError(f"no such drop folder: {uri}")
    return fs.makeQualified(path).toString().rstrip("/")


def _files(spark, drops: list[tuple[str, str]]):
    """One row per `*.txt` file of the drops: drop_idx, drop, path, source, n_bytes,
    article_id, walk (sort key of `runner.discover`'s order) and the content."""
    from pyspark.sql import functions as F

    frames = []
    for i, (uri, name) in enumerate(drops):
        root = _qualified(spark, uri)
        df = (spark.read.format("binaryFile")
              .option("recursiveFileLookup", "true").option("pathGlobFilter", "*.txt")
              .load(uri))
        source = F.expr(f"substring(path, {len(root) + 2})")
        frames.append(df.select(F.lit(i).alias("drop_idx"), F.lit(name).alias("drop"),
                                "path", source.alias("source"),
                                F.col("length").alias("n_bytes"), "content"))
    df = frames[0]
    for f in frames[1:]:
        df = df.unionByName(f)
    too_big = F.col("n_bytes") > MAX_BYTES
    # a file too large has no bytes to hash: id from where it is (runner.failed_id)
    aid = F.when(too_big, F.concat(F.lit("x"), F.substring(
        F.sha2(F.concat(F.col("drop"), F.lit("/"), F.col("source")), 256), 1, 31))
    ).otherwise(F.substring(F.sha2(F.col("content"), 256), 1, 32))
    # os.walk order: at each level the files (flag 0) before the folders (flag 1)
    parts = F.split(F.col("source"), "/")
    walk = F.array_join(F.transform(parts, lambda x, i: F.concat(
        F.when(i == F.size(parts) - 1, F.lit("0")).otherwise(F.lit("1")), x)), "\x00")
    return df.select("drop_idx", "drop", "path", "source", "n_bytes",
                     aid.alias("article_id"), walk.alias("walk"),
                     F.when(too_big, F.lit(None)).otherwise(F.col("content")).alias("content"))


def _plan(spark, drops: list[tuple[str, str]], done_ids: list[str]):
    """(files with content, files to process without content): the anti-join on what
    is done and the skipping of bytes seen earlier in the run."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    files = _files(spark, drops)
    meta = files.drop("content")
    done = spark.createDataFrame(pa.table({"article_id": pa.array(done_ids, pa.string())}))
    todo = meta.join(F.broadcast(done) if len(done_ids) < 1_000_000 else done,
                     "article_id", "left_anti")
    first = Window.partitionBy("article_id").orderBy("drop_idx", "walk")
    todo = (todo.withColumn("_n", F.row_number().over(first)).filter("_n = 1")
            .select("path", "drop_idx", "article_id"))
    return files, meta, todo


def _extract_partition(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """On an executor: files in, one row per table per chunk out (Arrow IPC).  The
    model is loaded on the first chunk of the Python worker and kept (`nlp.load`)."""
    from ..extraction.nlp import load

    out_schema = pa.schema([("drop", pa.string()), ("table", pa.string()), ("data", pa.binary())])
    for batch in batches:
        rows = batch.to_pylist()
        for start in range(0, len(rows), EXTRACT_CHUNK):
            by_drop: dict[str, list] = {}
            for r in rows[start:start + EXTRACT_CHUNK]:
                meta = {"drop": r["drop"], "source": r["source"], "n_bytes": r["n_bytes"],
                        "article_id": r["article_id"]}
                if r["n_bytes"] > MAX_BYTES:
                    meta["error"] = too_large(r["n_bytes"])
                by_drop.setdefault(r["drop"], []).append((r["content"] or b"", meta))
            for drop, items in by_drop.items():
                tables = extract_batch(load(), items)
                yield pa.RecordBatch.from_pylist(
                    [{"drop": drop, "table": t, "data": _to_ipc(b)} for t, b in tables.items()],
                    schema=out_schema)


def run_drops(spark, drops: list[tuple[str, str]], out: Path, run_id: str,
              reprocess: bool = False) -> list[DropResult]:
    """Process the drops ((folder or URI, name) pairs) into `out`, which the caller
    holds locked.  Writes one `runs` row per drop; returns the results per drop."""
    from pyspark import StorageLevel

    started = datetime.now(timezone.utc)
    t0 = time.perf_counter()
    version = pipeline_version()
    cat = store.catalog(out)
    done_ids = [] if reprocess else [a for a, (v, _) in cat.version.items() if v == version]
    files, meta, todo = _plan(spark, drops, done_ids)
    todo = todo.persist(StorageLevel.MEMORY_AND_DISK)
    results = {name: DropResult(drop=name, path=uri if "://" in uri else str(Path(uri).resolve()))
               for uri, name in drops}
    names = [name for _, name in drops]
    for r in meta.groupBy("drop_idx").count().collect():
        results[names[r["drop_idx"]]].n_seen = r["count"]
    n_todo = {names[r["drop_idx"]]: r["count"]
              for r in todo.groupBy("drop_idx").count().collect()}
    total = sum(n_todo.values())
    rows = None
    commits: dict[str, tuple] = {}
    try:
        if total:
            work = (files.select("path", "drop", "source", "n_bytes", "content")
                    .join(todo.select("path", "article_id"), "path")
                    .repartition(max(spark.sparkContext.defaultParallelism,
                                     math.ceil(total / ARTICLES_PER_TASK))))
            rows = work.mapInArrow(_extract_partition, RESULT_SCHEMA).persist(
                StorageLevel.MEMORY_AND_DISK)
            rows.count()        # the whole extraction, on the cluster, before any commit
            for row in rows.toLocalIterator():
                drop, table = row["drop"], row["table"]
                batch = _from_ipc(row["data"])
                if drop not in commits:
                    commits[drop] = (store.StagedCommit(out, drop), [], set(), set())
                commit, arts_rows, ids, keys = commits[drop]
                commit.write(table, batch)
                if table == "articles":
                    _check_version(batch, version)
                tally(results[drop], {table: batch}, arts_rows, ids, keys)
            for drop in names:
                if drop in commits:
                    commit, arts_rows, ids, keys = commits[drop]
                    name = commit.commit()
                    cat = record_commit(out, cat, drop, name, arts_rows, ids, keys)
    finally:
        for commit, *_ in commits.values():
            commit.discard()
        if rows is not None:
            rows.unpersist()
        todo.unpersist()
    seconds = time.perf_counter() - t0
    for name in names:
        res = results[name]
        res.n_skipped = res.n_seen - res.n_new
        res.seconds = seconds * (res.n_new / total) if total else 0.0
        write_run_row(out, run_id, res, started)
    return [results[n] for n in names]


def _from_ipc(data) -> pa.RecordBatch:
    table = pa.ipc.open_stream(bytes(data)).read_all().combine_chunks()
    return (table.to_batches()[0] if table.num_rows
            else pa.RecordBatch.from_pylist([], schema=table.schema))


def _check_version(batch: pa.RecordBatch, version: str) -> None:
    """Executors with another version of the package would write rows that the next
    run's anti-join does not recognise: stop before committing them."""
    found = set(batch.column("pipeline_version").to_pylist()) - {version}
    if found:
        raise RuntimeError(f"executors run pipeline version {', '.join(sorted(found))}, "
                           f"the driver {version}: ship the same package to both")
