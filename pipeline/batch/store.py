"""Atomic, idempotent Parquet storage of the tables.

Layout under OUT_DIR: ``<table>/drop=<name>/part-0.parquet`` for the partitioned
tables (one file per partition), ``entities/part-0.parquet``, and one file per run
under ``runs/``.  Every file is written under a hidden name (``.tmp-…``, which
pyarrow, pandas, DuckDB and Spark skip) and renamed into place with
``os.replace``, which is atomic: a reader, or a run killed at any moment, sees a
partition's old file or its new one, never a half-written file.

A commit merges new rows into a partition by streaming the old file's row
groups and dropping the rows of the articles being (re)written, so committing
the same articles twice never doubles them.  ``articles`` is committed last: an
article counts as processed only once its row is there, so a run killed between
two tables' commits is finished by the next run without loss or duplicates.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator, Optional

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .schemas import PARTITIONED, TABLES

PART = "part-0.parquet"
STAGING = "_staging"
ROW_GROUP = 64_000


class StoreError(Exception):
    """The output folder cannot be used (not writable, locked by another run)."""


def partition_dir(out: Path, table: str, drop: str) -> Path:
    return out / table / f"drop={drop}"


def file_schema(table: str) -> pa.Schema:
    """Schema of the files: partitioned tables keep `drop` in the folder name only."""
    schema = TABLES[table]
    if table in PARTITIONED:
        schema = schema.remove(schema.get_field_index("drop"))
    return schema


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, batches: Iterable[pa.RecordBatch], schema: pa.Schema) -> int:
    """Write record batches to `path` through a hidden temporary file; returns rows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".tmp-{uuid.uuid4().hex}-{path.name}"
    rows = 0
    try:
        with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
            for batch in batches:
                if batch.num_rows:
                    writer.write_batch(batch, row_group_size=ROW_GROUP)
                    rows += batch.num_rows
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return rows


def conform(table: str, batch: pa.RecordBatch | pa.Table) -> pa.RecordBatch:
    """Cast a batch to the file schema of `table` (columns in order, types exact)."""
    schema = file_schema(table)
    if isinstance(batch, pa.RecordBatch):
        batch = pa.Table.from_batches([batch])
    cols = []
    for f in schema:
        if f.name in batch.column_names:
            cols.append(batch.column(f.name).cast(f.type))
        else:
            cols.append(pa.nulls(batch.num_rows, f.type))
    t = pa.Table.from_arrays(cols, schema=schema).combine_chunks()
    return pa.RecordBatch.from_arrays(
        [t.column(i).chunk(0) if t.column(i).num_chunks else pa.array([], f.type)
         for i, f in enumerate(schema)], schema=schema)


def read_partition(out: Path, table: str, drop: str, columns=None) -> Iterator[pa.RecordBatch]:
    path = partition_dir(out, table, drop) / PART
    if not path.exists():
        return
    pf = pq.ParquetFile(path)
    for i in range(pf.num_row_groups):
        yield from pf.read_row_group(i, columns=columns).to_batches()


def commit_partition(out: Path, table: str, drop: str, staged: Optional[Path],
                     replace_ids: set[str], drop_all: bool = False) -> int:
    """Swap in a partition = old rows not in `replace_ids` + the staged rows."""
    schema = file_schema(table)
    ids = pa.array(sorted(replace_ids), pa.string())

    def batches():
        if not drop_all:
            for b in read_partition(out, table, drop):
                if len(ids):
                    keep = pc.invert(pc.is_in(b.column("article_id"), value_set=ids))
                    b = b.filter(keep)
                yield b
        if staged is not None and staged.exists():
            pf = pq.ParquetFile(staged)
            for i in range(pf.num_row_groups):
                yield from pf.read_row_group(i).to_batches()

    return atomic_write(partition_dir(out, table, drop) / PART, batches(), schema)


class StagedWriter:
    """Rows of one table for one commit, streamed to a hidden staging file."""

    def __init__(self, staging: Path, table: str):
        self.table = table
        self.path = staging / f"{table}.parquet"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._writer = pq.ParquetWriter(self.path, file_schema(table), compression="zstd")
        self.rows = 0

    def write(self, batch: pa.RecordBatch) -> None:
        if batch.num_rows:
            self._writer.write_batch(conform(self.table, batch))
            self.rows += batch.num_rows

    def close(self) -> None:
        self._writer.close()


@contextmanager
def locked(out: Path):
    """One run at a time per output folder; a dead run's lock goes with its process."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        fh = open(out / ".lock", "w")
    except OSError as exc:
        raise StoreError(f"cannot write to output folder {out}: {exc.strerror}") from None
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        fh.close()
        raise StoreError(f"another run is writing to {out} (lock {out / '.lock'})") from None
    try:
        # leftovers of killed runs: staging folders and temporary files
        shutil.rmtree(out / STAGING, ignore_errors=True)
        for tmp in out.rglob(".tmp-*"):
            tmp.unlink(missing_ok=True)
        yield
    finally:
        fcntl.flock(fh, fcntl.LOCK_UN)
        fh.close()


def check_writable(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / f".probe-{uuid.uuid4().hex}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise StoreError(f"output folder {out} is not writable: {exc.strerror}") from None


def processed_index(out: Path) -> dict[str, tuple[str, str]]:
    """article_id -> (pipeline_version, drop) of every article already recorded."""
    root = out / "articles"
    index: dict[str, tuple[str, str]] = {}
    if not root.exists():
        return index
    for part in sorted(root.glob("drop=*/" + PART)):
        drop = part.parent.name[len("drop="):]
        pf = pq.ParquetFile(part)
        for i in range(pf.num_row_groups):
            t = pf.read_row_group(i, columns=["article_id", "pipeline_version"])
            for aid, ver in zip(t.column(0).to_pylist(), t.column(1).to_pylist()):
                index[aid] = (ver, drop)
    return index


def write_single(out: Path, table: str, name: str, batches: Iterable[pa.RecordBatch]) -> int:
    return atomic_write(out / table / name, (conform(table, b) for b in batches), file_schema(table))
