"""Word lists the resolver and the title rules share, read from pipeline/data."""
from __future__ import annotations

from functools import lru_cache

from pipeline.data import DATA_DIR

from .normalize.text import unify_apostrophes

PATTERNS = DATA_DIR


def data_lines(name: str):
    """Non-empty, non-comment lines of a data file, stripped."""
    for line in (PATTERNS / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.strip()


@lru_cache(maxsize=None)
def _wordlist(name: str) -> frozenset:
    path = PATTERNS / name
    if not path.exists():
        return frozenset()
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("\t")[0].strip()
        if line and not line.startswith("#"):
            words.add(unify_apostrophes(line.lower()))
    return frozenset(words)


def honorifics() -> frozenset:
    return _wordlist("honorifics.txt")


def generic_words() -> frozenset:
    return _wordlist("generic_words.txt")


# lower-case words inside names (`Mohamed Ould Cheikh El Ghazouani`, `Ben Abdelkader`)
NAME_PARTICLES = _wordlist("name_particles.txt")
# function words that open a model entity and stay out of the mention (`la`, `du`, `selon`)
LEAD_WORDS = _wordlist("lead_words.txt")
