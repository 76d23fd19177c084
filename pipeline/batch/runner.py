"""The batch job: drop folders in, Parquet tables out (see store.py for atomicity)."""
from __future__ import annotations

import atexit
import errno
import hashlib
import os
import stat
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator, Optional

import pyarrow as pa
import pyarrow.ipc  # noqa: F401 - pa.ipc

from . import store
from .extract import extract_batch, pipeline_version
from .reader import MAX_BYTES, article_id
from .schemas import PARTITIONED

# Articles per extraction batch, and per commit: a run killed mid-drop loses at
# most one commit's worth of work, and memory holds one extraction batch, which
# ends at EXTRACT_CHUNK articles or EXTRACT_BYTES bytes, whichever comes first.
EXTRACT_CHUNK = 64
EXTRACT_BYTES = 4_000_000
# The last chunks of a commit shrink to an eighth of what is left (TAIL_CHUNK
# articles at least): the worker that took the last full chunk would otherwise
# run alone for up to a whole chunk while the others wait.  Sizes depend on the
# articles only, not on the number of workers, so the tables do not either.
TAIL_SPLIT = 8
TAIL_CHUNK = 8
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


def source_name(rel: str) -> str:
    """The printable form of a path below the drop: bytes that are not UTF-8 in a
    file name (kept by Python as lone surrogates, which Arrow cannot store) are
    written as backslash escapes, `bad\\xffname.txt`."""
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _kind(mode: int) -> Optional[str]:
    """What a file that is not a regular file is, for the error message."""
    for test, kind in ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISDIR, "a directory")):
        if test(mode):
            return kind
    return None if stat.S_ISREG(mode) else "not a regular file"


def check_path(path: Path, real_root: Path) -> Optional[str]:
    """Why `path` cannot be read as an article without opening it, else None.
    Only regular files are ever opened: a FIFO would block the run, a device
    could do worse."""
    try:
        st = path.lstat()
        if stat.S_ISLNK(st.st_mode):
            try:
                target = path.resolve(strict=True)
            except RuntimeError:          # Python < 3.13: a symlink loop
                return "symlink loop: not followed"
            except OSError as exc:
                if exc.errno == errno.ELOOP:
                    return "symlink loop: not followed"
                return "broken symlink"
            if not target.is_relative_to(real_root):
                return f"symlink to {source_name(str(target))} leaves the drop folder: not followed"
            st = target.stat()
    except OSError as exc:
        return f"cannot read file: {exc.strerror}"
    kind = _kind(st.st_mode)
    return f"{kind}, not a regular file: not read" if kind else None


def discover(root: Path) -> Iterator[tuple[str, Path, Optional[str]]]:
    """(source, path, error) for every `*.txt` below `root`, sorted.  Hidden files
    and folders (name starting with `.`) are skipped; symlinks to folders are not
    followed; anything that is not a regular file, a symlink leaving the drop
    folder or looping is reported with its error, never opened."""
    real_root = root.resolve()
    unlisted: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=unlisted.append):
        while unlisted:
            yield _unlisted(root, unlisted.pop())
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        # a symlink named *.txt pointing nowhere sensible (a loop, a folder) is
        # listed by os.walk among the folders or the files: take both
        names = filenames + [d for d in dirnames if d.endswith(".txt")
                             and (Path(dirpath) / d).is_symlink()]
        for name in sorted(names):
            if not name.endswith(".txt") or name.startswith("."):
                continue
            path = Path(dirpath) / name
            source = source_name(path.relative_to(root).as_posix())
            yield source, path, check_path(path, real_root)
    for exc in unlisted:
        yield _unlisted(root, exc)


def _unlisted(root: Path, exc: OSError) -> tuple[str, Path, str]:
    """A folder that cannot be listed is a failed row (`sub/`), not a silent gap."""
    path = Path(exc.filename) if exc.filename else root
    folder = path.relative_to(root).as_posix() if path != root else "."
    return source_name(folder) + "/", path, f"cannot list folder: {exc.strerror or exc}"


def too_large(size: int) -> str:
    return f"file too large: {size:,} bytes (limit {MAX_BYTES:,})"


def failed_id(drop: str, source: str) -> str:
    """Id of a file that has no bytes to hash: derived from where it was, so the
    failure is still one stable row."""
    return "x" + hashlib.sha256(f"{drop}/{source}".encode()).hexdigest()[:31]


def _read(path: Path, source: str, drop: str, error: Optional[str]) -> tuple[bytes, dict]:
    meta = {"drop": drop, "source": source, "n_bytes": 0}
    data = b""
    if error is None:
        try:
            # O_NONBLOCK: should the path have become a FIFO since `discover`
            # looked, the open returns at once and fstat below refuses it
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
            try:
                st = os.fstat(fd)
                kind = _kind(st.st_mode)
                meta["n_bytes"] = st.st_size if kind is None else 0
                if kind:
                    error = f"{kind}, not a regular file: not read"
                elif st.st_size > MAX_BYTES:
                    error = too_large(st.st_size)
                else:
                    with os.fdopen(fd, "rb", closefd=False) as fh:
                        data = fh.read(MAX_BYTES + 1)
                    if len(data) > MAX_BYTES:  # grew since fstat
                        error = f"file too large: more than {MAX_BYTES:,} bytes"
                        data = b""
                    meta["n_bytes"] = len(data) if error is None else meta["n_bytes"]
            finally:
                os.close(fd)
        except OSError as exc:
            error = f"cannot read file: {exc.strerror or exc}"
    if error is None:
        meta["article_id"] = article_id(data)
    else:
        meta["article_id"] = failed_id(drop, source)
        meta["error"] = error
    return data, meta


def _chunk_size(remaining: int) -> int:
    """Articles in the next chunk when `remaining` are left (see TAIL_SPLIT)."""
    return min(EXTRACT_CHUNK, max(TAIL_CHUNK, -(-remaining // TAIL_SPLIT)))


def _chunks(pending: list, drop: str) -> Iterator[list[tuple[bytes, dict]]]:
    """The files of `pending` read in extraction batches bounded by count and bytes,
    smaller towards the end (see TAIL_SPLIT)."""
    items, size = [], 0
    limit = _chunk_size(len(pending))
    for i, (path, source, error, _) in enumerate(pending):
        item = _read(path, source, drop, error)
        if items and (len(items) >= limit or size + len(item[0]) > EXTRACT_BYTES):
            yield items
            items, size = [], 0
            limit = _chunk_size(len(pending) - i)
        items.append(item)
        size += len(item[0])
    if items:
        yield items


class Extractor:
    """Runs `extract_batch` on chunks of files, in this process (one worker) or in
    worker processes that each load the model once and send back Arrow batches (not
    spaCy Docs, whose pickling costs more than the work).  The model is loaded on
    first use only, so a run with nothing new never loads it.  Results come back in
    the order of the chunks, so the tables are the same whatever the number of
    workers."""

    def __init__(self, workers: int = 1, nlp=None, on_load=None):
        self.workers = max(1, workers)
        self._nlp = nlp
        self._pool = None
        self._on_load = on_load

    def _local_nlp(self):
        if self._nlp is None:
            if self._on_load:
                self._on_load()
            from ..extraction.nlp import load
            self._nlp = load()
        return self._nlp

    def start(self) -> None:
        """Start the worker processes now, so that their start-up (interpreter, spaCy,
        the model: seconds of CPU each) overlaps with what the parent still has to
        read.  One worker runs in this process: nothing to start."""
        if self.workers == 1 or self._pool is not None:
            return
        if self._on_load:
            self._on_load()
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor
        # spawn: the workers share nothing with this process's threads (pyarrow, tqdm)
        self._pool = ProcessPoolExecutor(self.workers, mp_context=mp.get_context("spawn"),
                                         initializer=_worker_init, initargs=(os.getpid(),))
        # a spawn pool starts a process per task submitted while none is idle
        for _ in range(self.workers):
            self._pool.submit(_worker_ready)

    def map(self, chunks: Iterator[list], on_article=None) -> Iterator[dict[str, pa.RecordBatch]]:
        """Batches of each chunk of (bytes, meta) items, in order; `on_article()` is called
        once per article done.  The parent reads the files: workers get bytes, so a chunk
        is bounded in bytes as well as in count (see `_chunks`)."""
        if self.workers == 1:
            for items in chunks:
                yield extract_batch(self._local_nlp(), items, on_article=on_article)
            return
        self.start()
        # a bounded look-ahead keeps memory to a few chunks per worker
        def done(fut):
            batches = _from_ipc(fut.result())
            if on_article is not None:
                for _ in range(batches["articles"].num_rows):
                    on_article()
            return batches

        ahead: list = []
        for chunk in chunks:
            ahead.append(self._pool.submit(_worker_extract, chunk))
            if len(ahead) >= 2 * self.workers:
                yield done(ahead.pop(0))
        for fut in ahead:
            yield done(fut)

    def close(self, wait: bool = True) -> None:
        """End the workers; `wait=False` lets them exit while this process goes on
        (a later `close()` waits for them)."""
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=True)
            if wait:
                self._pool = None


def _worker_init(parent: int) -> None:
    """Load the model once per worker, and end the worker if the parent dies (a
    SIGKILLed run must not leave workers holding a model each)."""
    import threading

    def watch():
        while True:
            if os.getppid() != parent:
                os._exit(1)
            time.sleep(1)

    threading.Thread(target=watch, daemon=True).start()
    # registered last, run first at exit: the worker's work is over by then (results
    # sent, streams flushed by multiprocessing), and tearing down the model object
    # by object took a worker ~2 s at every run's end
    atexit.register(os._exit, 0)
    from ..extraction.nlp import load
    load()


def _worker_ready() -> None:
    """A task that does nothing: submitting it starts a worker (Extractor.start)."""


def _worker_extract(items: list) -> dict[str, bytes]:
    from ..extraction.nlp import load
    batches = extract_batch(load(), items)
    return {t: _to_ipc(b) for t, b in batches.items()}


def _to_ipc(batch: pa.RecordBatch) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, batch.schema) as w:
        w.write_batch(batch)
    return sink.getvalue().to_pybytes()


def _from_ipc(data: dict[str, bytes]) -> dict[str, pa.RecordBatch]:
    out = {}
    for t, buf in data.items():
        table = pa.ipc.open_stream(buf).read_all().combine_chunks()
        out[t] = (table.to_batches()[0] if table.num_rows
                  else pa.RecordBatch.from_pylist([], schema=table.schema))
    return out


def run_drop(extractor, root: Path, drop: str, out: Path, reprocess: bool = False,
             progress=None) -> DropResult:
    """Process one drop folder.  `extractor`: an `Extractor`, or a loaded spaCy
    pipeline (run in this process)."""
    if not isinstance(extractor, Extractor):
        extractor = Extractor(1, nlp=extractor)
    res = DropResult(drop=drop, path=str(Path(root).resolve()))
    t0 = time.perf_counter()
    version = pipeline_version()
    cat = store.catalog(out)
    index = cat.version
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
        if not todo:
            extractor.start()       # workers start up while the rest is read
        todo.append((path, source, error, aid))

    for start in range(0, len(todo), COMMIT_EVERY):
        pending = todo[start:start + COMMIT_EVERY]
        commit = store.StagedCommit(out, drop)
        ids: set[str] = set()
        keys: set[tuple[str, str]] = set()
        try:
            tick = (lambda: progress.update(1)) if progress is not None else None
            arts_rows = []
            for batches in extractor.map(_chunks(pending, drop), on_article=tick):
                for t in PARTITIONED:
                    commit.write(t, batches[t])
                tally(res, batches, arts_rows, ids, keys)
            name = commit.commit()
        finally:
            commit.discard()
        cat = record_commit(out, cat, drop, name, arts_rows, ids, keys)
    res.seconds = time.perf_counter() - t0
    return res


def tally(res: DropResult, batches: dict[str, pa.RecordBatch], arts_rows: list,
          ids: set, keys: set) -> int:
    """Count an extraction batch into `res` (new, failed, labels) and note its articles
    for `record_commit`.  Returns the number of articles in the batch."""
    arts = []
    if "articles" in batches:
        arts = batches["articles"].select(
            ["article_id", "pipeline_version", "drop", "source", "status", "error"]).to_pylist()
    arts_rows.extend(arts)
    for a in arts:
        ids.add(a["article_id"])
        keys.add((a["drop"], a["source"]))
        if a["status"] == "failed":
            res.n_failed += 1
            res.failures.append((a["source"], a["error"]))
    if "mentions" in batches:
        for lab in batches["mentions"].column("label").to_pylist():
            res.labels[lab] += 1
    res.n_new += len(arts)
    return len(arts)


def record_commit(out: Path, cat: store.Catalog, drop: str, name: str, arts_rows: list,
                  ids: set, keys: set) -> store.Catalog:
    """After commit `name` is in place: add it to the catalog, purge the older rows of
    the articles just written (reprocessed, or a path that failed before), compact the
    partition when it holds many small files.  Returns the catalog, up to date."""
    new_file = store.partition_dir(out, "articles", drop) / name
    cat.add(new_file, *([a[c] for a in arts_rows] for c in
                        ("article_id", "pipeline_version", "drop", "source", "status")))
    stale = cat.stale(ids, keys)
    if stale:
        store.purge(out, stale)
        cat.forget(stale)
    if store.compact(out, drop):
        cat = store.catalog(out)
    return cat


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
