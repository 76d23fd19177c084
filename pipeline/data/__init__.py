"""The curated data files (patterns, gazetteers, word lists), shipped inside the package."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent
# trained components: models/ of a checkout, installed as pipeline/_models by the wheel
_PACKAGED_MODELS = DATA_DIR.parent / "_models"
_CHECKOUT_MODELS = DATA_DIR.parents[1] / "models"
SUFFIXES = (".tsv", ".txt", ".json", ".jsonl")


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
