"""``pipeline_version``: what a processed article was extracted with.

It covers exactly what shapes the rows: the extraction code (this subpackage), the
reader and row builder of the batch (decoding, masking, rows), the pattern data and
the trained models.  The CLI, the runner, the store and the report are left out, so
editing them does not make the next run redo every article.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from pipeline import __version__
from pipeline.data import DATA_DIR, models_dir

_EXTRACTION = Path(__file__).resolve().parent
_BATCH = _EXTRACTION.parent / "batch"


def _files() -> list[tuple[str, Path]]:
    """(name relative to its root, path) of every file that shapes the output, sorted."""
    pkg = _EXTRACTION.parent
    files = [(p.relative_to(pkg).as_posix(), p) for p in _EXTRACTION.rglob("*.py")]
    files += [(f"batch/{n}", _BATCH / n) for n in ("reader.py", "extract.py")]
    files += [(p.relative_to(pkg).as_posix(), p) for p in DATA_DIR.rglob("*") if p.is_file()]
    models = models_dir()
    if models.is_dir():
        files += [("models/" + p.relative_to(models).as_posix(), p)
                  for p in models.rglob("*") if p.is_file()]
    return sorted((n, p) for n, p in files if "__pycache__" not in p.parts)


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Package version + a digest of the files above, by their relative names, so a
    checkout and an installed wheel agree."""
    h = hashlib.sha256()
    for name, path in _files():
        h.update(name.encode())
        h.update(path.read_bytes())
    return f"{__version__}+{h.hexdigest()[:10]}"
