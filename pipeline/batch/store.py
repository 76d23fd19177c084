"""Atomic, idempotent Parquet storage of the tables, made of append-only files.

Layout under OUT_DIR: ``<table>/<drop folder>/part-<commit>.parquet`` for the
partitioned tables (``articles``, ``mentions``, ``roles``), ``entities/part-0.parquet``
and one file per run under ``runs/``.

Why the drop is a column in the files and the folder is not ``drop=<name>``: hive
partition discovery (pandas/pyarrow, DuckDB, Polars, Spark) infers the type of the
folder value, so a drop named ``202405`` would come back as an integer and
``2024-05-01`` as a date, and a name holding ``%20`` would be URL-decoded.  A folder
name without ``=`` is never read as a partition, so every reader with default options
takes ``drop`` from the files, as the string it is; filters on ``drop`` still skip
files through the Parquet statistics.  The folder name escapes ``%``, ``=`` and ``/``
(see `partition_name`).

One commit writes one file with the same name in each of the three tables,
``mentions`` and ``roles`` first and ``articles`` last: an article counts as
processed only once its ``articles`` row is there.  Every file is written under
``_staging/`` (which readers skip) and renamed into place with ``os.replace``, which
is atomic; the first file of a table or of a partition is moved in with its folder,
so a reader never sees a table folder without a file (and so without columns).

Rows of an article that is written again (``--reprocess``, a new pipeline version,
a file that failed and now reads) are purged from older files after the new file is
in place.  Whatever a SIGKILL interrupts, the state is repaired under the lock at
the start of the next run (`repair`): ``mentions``/``roles`` files without their
``articles`` file are unfinished commits and are removed; an article present in
several files keeps the newest; a failed row for a path that has a newer row in the
same drop is dropped.  Small files are merged (`compact`) once a partition holds
many of them, with the same write-new-then-purge-old order.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator, Optional

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .schemas import PARTITIONED, TABLES

PART = "part-0.parquet"          # single-file tables (entities)
STAGING = "_staging"
ROW_GROUP = 64_000
# Compaction: merge a partition's small files once it holds this many of them; a
# file is small while its articles are fewer than COMPACT_ROWS.
COMPACT_FILES = int(os.environ.get("PIPELINE_COMPACT_FILES", "16"))
COMPACT_ROWS = 50_000
# order of writing a commit: `articles` last is what makes it count
COMMIT_ORDER = ("mentions", "roles", "articles")


class StoreError(Exception):
    """The output folder cannot be used (not writable, locked by another run)."""


def partition_name(drop: str) -> str:
    """Folder name of a drop: `%`, `=` and `/` escaped as %XX, so that no reader
    mistakes it for a hive partition and two drops never share a folder."""
    return "".join(c if c not in "%=/\\" and c.isprintable() else
                   "".join(f"%{b:02X}" for b in c.encode("utf-8")) for c in drop)


def partition_dir(out: Path, table: str, drop: str) -> Path:
    return out / table / partition_name(drop)


def file_schema(table: str) -> pa.Schema:
    """Schema of the files: the table's schema, `drop` included."""
    return TABLES[table]


def part_files(out: Path, table: str, drop: Optional[str] = None) -> list[Path]:
    """Visible data files of a partitioned table (one drop, or all), oldest first."""
    root = out / table
    dirs = [partition_dir(out, table, drop)] if drop is not None else (
        sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
        if root.is_dir() else [])
    files = []
    for d in dirs:
        if d.is_dir():
            files.extend(p for p in d.glob("part-*.parquet"))
    return sorted(files, key=lambda p: (p.name, str(p)))


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_file(path: Path, batches: Iterable[pa.RecordBatch], schema: pa.Schema) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = 0
    with pq.ParquetWriter(path, schema, compression="zstd") as writer:
        for batch in batches:
            if batch.num_rows:
                writer.write_batch(batch, row_group_size=ROW_GROUP)
                rows += batch.num_rows
    with open(path, "rb") as fh:
        os.fsync(fh.fileno())
    return rows


def atomic_write(path: Path, batches: Iterable[pa.RecordBatch], schema: pa.Schema) -> int:
    """Write record batches to `path` through a hidden temporary file; returns rows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".tmp-{uuid.uuid4().hex}-{path.name}"
    try:
        rows = _write_file(tmp, batches, schema)
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return rows


def _place(staged: Path, target: Path, out: Path) -> None:
    """Move a staged file to `target` atomically; a missing partition or table folder is
    moved in whole with the file in it, so no reader sees a folder without a file."""
    part_dir, table_dir = target.parent, target.parent.parent
    if part_dir.is_dir():
        os.replace(staged, target)
        _fsync_dir(part_dir)
        return
    holder = staged.parent / uuid.uuid4().hex
    (holder / part_dir.name).mkdir(parents=True)
    os.replace(staged, holder / part_dir.name / target.name)
    if table_dir.is_dir():
        os.rename(holder / part_dir.name, part_dir)
        _fsync_dir(table_dir)
    else:
        (holder / table_dir.name).mkdir()
        os.rename(holder / part_dir.name, holder / table_dir.name / part_dir.name)
        os.rename(holder / table_dir.name, table_dir)
        _fsync_dir(out)
    shutil.rmtree(holder, ignore_errors=True)


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


def _batches(path: Path, columns=None) -> Iterator[pa.RecordBatch]:
    pf = pq.ParquetFile(path)
    for i in range(pf.num_row_groups):
        yield from pf.read_row_group(i, columns=columns).to_batches()


def read_partition(out: Path, table: str, drop: str, columns=None) -> Iterator[pa.RecordBatch]:
    for path in part_files(out, table, drop):
        yield from _batches(path, columns)


def new_commit_name() -> str:
    """File name of a commit: UTC time to the microsecond, so names sort oldest first
    across runs (one run at a time holds the lock), and a random suffix."""
    global _last_stamp
    now = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    _last_stamp = max(now, _last_stamp + "0") if now <= _last_stamp else now
    return f"part-{_last_stamp}-{uuid.uuid4().hex[:6]}.parquet"


_last_stamp = ""


class StagedCommit:
    """The rows of one commit, streamed to hidden staging files (one per table)."""

    def __init__(self, out: Path, drop: str):
        self.out, self.drop = out, drop
        self.name = new_commit_name()
        self.dir = out / STAGING / uuid.uuid4().hex
        self.dir.mkdir(parents=True)
        self.paths = {t: self.dir / f"{t}.parquet" for t in PARTITIONED}
        self.writers = {t: pq.ParquetWriter(self.paths[t], file_schema(t), compression="zstd")
                        for t in PARTITIONED}
        self.rows = dict.fromkeys(PARTITIONED, 0)

    def write(self, table: str, batch: pa.RecordBatch) -> None:
        if batch.num_rows:
            self.writers[table].write_batch(conform(table, batch), row_group_size=ROW_GROUP)
            self.rows[table] += batch.num_rows

    def commit(self) -> str:
        for w in self.writers.values():
            w.close()
        for t in COMMIT_ORDER:
            with open(self.paths[t], "rb") as fh:
                os.fsync(fh.fileno())
            _place(self.paths[t], partition_dir(self.out, t, self.drop) / self.name, self.out)
        return self.name

    def discard(self) -> None:
        for w in self.writers.values():
            try:
                w.close()
            except Exception:  # noqa: BLE001 - already failing; leave nothing behind
                pass
        shutil.rmtree(self.dir, ignore_errors=True)


@dataclass
class Catalog:
    """Where every recorded article is: its newest row and the files holding it."""
    version: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (version, drop)
    files: dict[str, list[Path]] = field(default_factory=dict)         # id -> articles files
    failed: dict[tuple[str, str], list[tuple[str, Path]]] = field(default_factory=dict)
    # (drop, source) -> newest (name, id) seen at that path
    newest: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)

    def add(self, path: Path, ids, versions, drops, sources, statuses) -> None:
        for aid, ver, drop, src, st in zip(ids, versions, drops, sources, statuses):
            self.version[aid] = (ver, drop)
            self.files.setdefault(aid, []).append(path)
            if st == "failed":
                self.failed.setdefault((drop, src), []).append((aid, path))
            prev = self.newest.get((drop, src))
            if prev is None or prev[0] <= path.name:
                self.newest[(drop, src)] = (path.name, aid)

    def stale(self, ids: Optional[Iterable[str]] = None,
              keys: Optional[Iterable[tuple[str, str]]] = None) -> dict[Path, set[str]]:
        """articles file -> ids whose rows there are superseded by a newer row (among
        `ids` and the (drop, source) `keys` given, or everywhere)."""
        out: dict[Path, set[str]] = {}
        ids = self.files.keys() if ids is None else [i for i in ids if i in self.files]
        keys = self.failed.keys() if keys is None else [k for k in keys if k in self.failed]
        for aid in ids:
            paths = self.files[aid]
            if len(paths) > 1:
                newest = max(paths, key=lambda p: p.name)
                for p in paths:
                    if p != newest:
                        out.setdefault(p, set()).add(aid)
        for key in keys:
            _, new_id = self.newest[key]
            for aid, p in self.failed[key]:
                if aid != new_id:
                    out.setdefault(p, set()).add(aid)
        return out

    def forget(self, stale: dict[Path, set[str]]) -> None:
        """Take purged rows out of the catalog."""
        for path, ids in stale.items():
            for aid in ids:
                paths = self.files.get(aid, [])
                if path in paths:
                    paths.remove(path)
        for key in list(self.failed):
            self.failed[key] = [(a, p) for a, p in self.failed[key] if a not in stale.get(p, ())]
            if not self.failed[key]:
                del self.failed[key]


def catalog(out: Path) -> Catalog:
    cat = Catalog()
    cols = ["article_id", "pipeline_version", "drop", "source", "status"]
    for path in part_files(out, "articles"):
        for b in _batches(path, cols):
            cat.add(path, *(b.column(i).to_pylist() for i in range(len(cols))))
    return cat


def processed_index(out: Path) -> dict[str, tuple[str, str]]:
    """article_id -> (pipeline_version, drop) of every article already recorded."""
    return catalog(out).version


def purge(out: Path, stale: dict[Path, set[str]]) -> None:
    """Remove the given article ids from the files of the same name in every table,
    `articles` last (while its row is there, `repair` still finds the duplicate)."""
    for art_path, ids in stale.items():
        value_set = pa.array(sorted(ids), pa.string())
        drop_dir, name = art_path.parent.name, art_path.name
        for t in COMMIT_ORDER:
            path = out / t / drop_dir / name
            if not path.exists():
                continue
            pf = pq.ParquetFile(path)
            n = pf.metadata.num_rows
            kept = [b.filter(pc.invert(pc.is_in(b.column("article_id"), value_set=value_set)))
                    for b in _batches(path)]
            left = sum(b.num_rows for b in kept)
            if left == n:
                continue
            if left == 0 and len(part_files(out, t)) > 1:
                path.unlink()
                _fsync_dir(path.parent)
            else:
                atomic_write(path, kept, file_schema(t))


def repair(out: Path) -> None:
    """Finish what a killed run left: unfinished commits out, superseded rows purged."""
    for t in ("mentions", "roles"):
        for path in part_files(out, t):
            if not (out / "articles" / path.parent.name / path.name).exists():
                path.unlink()
    stale = catalog(out).stale()
    if stale:
        purge(out, stale)


def compact(out: Path, drop: str) -> int:
    """Merge the small files of a drop's partition into one once there are many of them.
    Returns the number of files merged (0 when there was nothing to do)."""
    small = [p for p in part_files(out, "articles", drop)
             if pq.ParquetFile(p).metadata.num_rows < COMPACT_ROWS]
    if len(small) < COMPACT_FILES:
        return 0
    names = [p.name for p in small]
    commit = StagedCommit(out, drop)
    try:
        for t in PARTITIONED:
            for name in names:
                path = partition_dir(out, t, drop) / name
                if path.exists():
                    for b in _batches(path):
                        commit.write(t, b)
        commit.commit()
    finally:
        commit.discard()
    # the merged file is the newest: the old files are now superseded, removed in
    # the order that `repair` can finish
    for name in names:
        for t in COMMIT_ORDER:
            (partition_dir(out, t, drop) / name).unlink(missing_ok=True)
    _fsync_dir(partition_dir(out, "articles", drop))
    return len(names)


def migrate(out: Path) -> None:
    """Move tables of the former layout (`<table>/drop=<name>/part-0.parquet`, `drop`
    only in the folder name) to the current one; idempotent, so a killed migration is
    finished by the next run."""
    for t in COMMIT_ORDER:
        root = out / t
        if not root.is_dir():
            continue
        for old in sorted(root.glob("drop=*")):
            src = old / PART
            drop = old.name[len("drop="):]
            if src.exists():
                n = pq.ParquetFile(src).metadata.num_rows
                batches = (conform(t, b.append_column("drop", pa.array([drop] * b.num_rows,
                                                                      pa.string())))
                           for b in _batches(src))
                staged = out / STAGING / f"migrate-{uuid.uuid4().hex}.parquet"
                _write_file(staged, batches, file_schema(t))
                assert pq.ParquetFile(staged).metadata.num_rows == n
                _place(staged, partition_dir(out, t, drop) / "part-00000000T000000000000Z-migrated.parquet", out)
            shutil.rmtree(old)


@contextmanager
def locked(out: Path):
    """One run at a time per output folder; a dead run's lock goes with its process.
    Under the lock, what a killed run left is cleaned and repaired first."""
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
        migrate(out)
        repair(out)
        yield
        shutil.rmtree(out / STAGING, ignore_errors=True)
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


def write_single(out: Path, table: str, name: str, batches: Iterable[pa.RecordBatch]) -> int:
    """A file of an unpartitioned table (entities, runs), staged then moved in (with its
    folder the first time, so the table never shows without a file)."""
    staged = out / STAGING / f"{uuid.uuid4().hex}-{name}"
    try:
        rows = _write_file(staged, (conform(table, b) for b in batches), file_schema(table))
        _place(staged, out / table / name, out)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    return rows
