"""Word lists the resolver and the title rules share, read from pipeline/data."""
from __future__ import annotations

from functools import lru_cache

from pipeline.data import read_words

from .normalize.text import unify_apostrophes


def data_lines(name: str, column: str = "word") -> list[str]:
    """The words of a one-column data file."""
    return read_words(name, column)


@lru_cache(maxsize=None)
def _wordlist(name: str) -> frozenset:
    return frozenset(unify_apostrophes(w.lower()) for w in read_words(name))


def honorifics() -> frozenset:
    return _wordlist("honorifics.tsv")


def generic_words() -> frozenset:
    return _wordlist("generic_words.tsv")


# nouns whose `contre …` complement is part of a name (`Lutte contre le sida`)
AGAINST_HEADS = _wordlist("against_heads.tsv")
# lower-case words inside names (`Mohamed Ould Cheikh El Ghazouani`, `Ben Abdelkader`)
NAME_PARTICLES = _wordlist("name_particles.tsv")
# function words that open a model entity and stay out of the mention (`la`, `du`, `selon`)
LEAD_WORDS = _wordlist("lead_words.tsv")


@lru_cache(maxsize=None)
def word_set(name: str) -> frozenset:
    """The words of a one-column data file, as written (no folding); read once, as rules
    ask for their lists on every document."""
    return frozenset(read_words(name))
