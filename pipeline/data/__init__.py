"""The curated data files (patterns, gazetteers, word lists), shipped inside the package,
and the one loader that reads them.

Format of every ``.tsv`` here: UTF-8, tab-separated; lines starting with ``#`` are
comments (what the file is, what each column means); the first other line is the
header row naming the columns; blank lines are skipped.  A row may leave trailing
optional columns out; the last column takes the rest of the line (tabs included).
Two structured files keep JSON: ``dates_fr.json`` (the calendar lexicon) and
``ministries.jsonl`` (the registry, one object a line).  Every error names the place
as ``file:line``.
"""
from __future__ import annotations

import hashlib
import json
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Sequence

DATA_DIR = Path(__file__).resolve().parent
# trained components: models/ of a checkout, installed as pipeline/_models by the wheel
_PACKAGED_MODELS = DATA_DIR.parent / "_models"
_CHECKOUT_MODELS = DATA_DIR.parents[1] / "models"
SUFFIXES = (".tsv", ".json", ".jsonl")


class DataError(ValueError):
    """A data file is malformed; the message starts with ``file:line``."""


class Row(tuple):
    """The cells of one row (a tuple, so it unpacks), and where it stands (``where``)."""

    where: str

    def __new__(cls, cells, where: str):
        row = super().__new__(cls, cells)
        row.where = where
        return row


def read_rows(name: str, columns: Sequence[str]) -> list[Row]:
    """The rows of ``name`` (a .tsv in this folder) whose header must be ``columns``;
    missing trailing cells are ''. Raises DataError (``file:line: …``)."""
    path = DATA_DIR / name
    rows: list[Row] = []
    header_seen = False
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t", len(columns) - 1)
            where = f"{name}:{n}"
            if not header_seen:
                if [c.strip() for c in cells] != list(columns):
                    raise DataError(f"{where}: header row is {cells!r}, expected {list(columns)!r}")
                header_seen = True
                continue
            rows.append(Row(cells + [""] * (len(columns) - len(cells)), where))
    if not header_seen:
        raise DataError(f"{name}:1: no header row (expected {list(columns)!r})")
    return rows


def read_words(name: str, column: str = "word") -> list[str]:
    """The first column of a one-word-a-row .tsv, stripped."""
    return [row[0].strip() for row in read_rows(name, (column,))]


@contextmanager
def at(row: Row) -> Iterator[None]:
    """Turn an error while reading a row's cells into a DataError at its ``file:line``."""
    try:
        yield
    except DataError:
        raise
    except Exception as exc:  # noqa: BLE001 - any bad cell, reported where it is
        raise DataError(f"{row.where}: {type(exc).__name__}: {exc}") from exc


def read_json(name: str):
    """A .json data file; a syntax error is reported at its ``file:line``."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(f"{name}:{exc.lineno}: {exc.msg}") from exc


def read_jsonl(name: str) -> list[dict]:
    """The objects of a .jsonl data file (blank and ``#`` lines skipped)."""
    out = []
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip() or line.startswith("#"):
                continue
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise DataError(f"{name}:{n}: {exc.msg}") from exc
    return out


def models_dir() -> Path:
    """Folder of the trained components (see models/README.md)."""
    return _PACKAGED_MODELS if _PACKAGED_MODELS.is_dir() else _CHECKOUT_MODELS


def data_files() -> list[Path]:
    """Every data file of the package, sorted."""
    return sorted(p for p in DATA_DIR.iterdir() if p.suffix in SUFFIXES and p.is_file())


@lru_cache(maxsize=1)
def digest() -> str:
    """Short digest of every data file: a saved pipeline records it (components.py)."""
    h = hashlib.sha256()
    for p in data_files():
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]
