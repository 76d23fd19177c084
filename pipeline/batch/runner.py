"""The batch job: drop folders in, Parquet tables out (see store.py for atomicity)."""
from __future__ import annotations

import hashlib
import os
import shutil
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator, Optional

import pyarrow as pa

from . import store
from .extract import extract_batch, pipeline_version
from .reader import MAX_BYTES, article_id
from .schemas import PARTITIONED

# Articles per extraction batch, and per commit: a run killed mid-drop loses at
# most one commit's worth of work, and memory holds one extraction batch.
EXTRACT_CHUNK = 64
COMMIT_EVERY = int(os.environ.get("PIPELINE_COMMIT_EVERY", "2000"))


class UsageError(Exception):
    """The command itself is wrong (exit status 2)."""


@dataclass
class DropResult:
    drop: str
    path: Optional[str] = None      # the drop folder, resolved (runs.drop_path)
    n_seen: int = 0
    n_new: int = 0
    n_skipped: int = 0
    n_failed: int = 0
    failures: list = field(default_factory=list)       # (source, error)
    labels: Counter = field(default_factory=Counter)
    seconds: float = 0.0


def discover(root: Path) -> Iterator[tuple[str, Path, Optional[str]]]:
    """(source, path, error) for every `*.txt` below `root`, sorted; symlinks that
    leave the drop folder are reported, not followed."""
    real_root = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.endswith(".txt") or name.startswith("."):
                continue
            path = Path(dirpath) / name
            source = path.relative_to(root).as_posix()
            error = None
            if path.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(real_root):
                    error = f"symlink to {target} leaves the drop folder: not followed"
                elif not target.exists():
                    error = "broken symlink"
            yield source, path, error


def _read(path: Path, source: str, drop: str, error: Optional[str]) -> tuple[bytes, dict]:
    meta = {"drop": drop, "source": source, "n_bytes": 0}
    data = b""
    if error is None:
        try:
            size = path.stat().st_size
            meta["n_bytes"] = size
            if size > MAX_BYTES:
                error = f"file too large: {size:,} bytes (limit {MAX_BYTES:,})"
            else:
                data = path.read_bytes()
        except OSError as exc:
            error = f"cannot read file: {exc.strerror}"
    if error is None:
        meta["article_id"] = article_id(data)
    else:
        # no bytes to hash: the id is derived from where the file was, so the
        # failure is still one stable row
        meta["article_id"] = "x" + hashlib.sha256(f"{drop}/{source}".encode()).hexdigest()[:31]
        meta["error"] = error
    return data, meta


def run_drop(nlp, root: Path, drop: str, out: Path, reprocess: bool = False,
             progress=None) -> DropResult:
    res = DropResult(drop=drop, path=str(Path(root).resolve()))
    t0 = time.perf_counter()
    version = pipeline_version()
    index = store.processed_index(out)
    files = list(discover(root))
    res.n_seen = len(files)
    if progress is not None:
        progress.reset(total=len(files))
        progress.set_description(drop)

    todo, seen_ids = [], set()
    for source, path, error in files:
        data, meta = _read(path, source, drop, error)
        aid = meta["article_id"]
        prior = index.get(aid)
        if aid in seen_ids or (not reprocess and prior is not None and prior[0] == version):
            res.n_skipped += 1
            if progress is not None:
                progress.update(1)
            continue
        seen_ids.add(aid)
        todo.append((path, source, error, aid))

    pending: list = []

    def flush():
        if not pending:
            return
        staging = out / store.STAGING / uuid.uuid4().hex
        writers = {t: store.StagedWriter(staging, t) for t in PARTITIONED}
        ids: set[str] = set()
        try:
            for i in range(0, len(pending), EXTRACT_CHUNK):
                chunk = pending[i:i + EXTRACT_CHUNK]
                items = [_read(p, s, drop, e) for p, s, e, _ in chunk]
                tick = (lambda: progress.update(1)) if progress is not None else None
                batches = extract_batch(nlp, items, on_article=tick)
                for t in PARTITIONED:
                    writers[t].write(batches[t])
                arts = batches["articles"].to_pylist()
                for a in arts:
                    ids.add(a["article_id"])
                    if a["status"] == "failed":
                        res.n_failed += 1
                        res.failures.append((a["source"], a["error"]))
                for lab in batches["mentions"].column("label").to_pylist():
                    res.labels[lab] += 1
                res.n_new += len(chunk)
            for w in writers.values():
                w.close()
            # articles last: it is the record of what is done
            for t in ("mentions", "roles", "articles"):
                store.commit_partition(out, t, drop, writers[t].path, ids)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
        pending.clear()

    for item in todo:
        pending.append(item)
        if len(pending) >= COMMIT_EVERY:
            flush()
    flush()
    res.seconds = time.perf_counter() - t0
    return res


def write_run_row(out: Path, run_id: str, res: DropResult, started: datetime) -> None:
    row = {"run_id": run_id, "drop": res.drop, "drop_path": res.path, "started_at": started,
           "finished_at": datetime.now(timezone.utc), "n_seen": res.n_seen, "n_new": res.n_new,
           "n_skipped": res.n_skipped, "n_failed": res.n_failed,
           "pipeline_version": pipeline_version(),
           "status": "partial" if res.n_failed else "ok"}
    from .schemas import RUNS
    batch = pa.RecordBatch.from_pylist([row], schema=RUNS)
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in res.drop)
    store.write_single(out, "runs", f"run-{run_id}-{safe}.parquet", [batch])


def new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]
