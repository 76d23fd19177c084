"""Country, place and demonym gazetteers (pure Python, no spaCy).

Data lives in ``pipeline/data/``: ``countries.tsv`` (generated from CLDR),
``country_aliases.tsv``, ``places.tsv`` and ``demonyms.tsv`` (generated). Every
lookup goes through :func:`key`, so ``Etats-Unis``, ``États Unis`` and
``ETATS-UNIS`` are one entry, as are ``Côte d'Ivoire`` and ``Côte d’Ivoire``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional
from pipeline.data import DATA_DIR, read_rows

PATTERNS = DATA_DIR

# folding lives in text.py; re-exported for the finders that read it from here
from .text import APOSTROPHES, HYPHENS, SPACES, fold, fold_char, key  # noqa: E402,F401


@dataclass(frozen=True)
class Entry:
    name: str            # as written in the data file
    label: str           # COUNTRY or LOC
    code: str            # alpha-3 (country, or the country a place lies in), or ""
    kind: str            # "country", or the place kind
    case_exact: bool     # acronyms (RDC, USA) only match written the same way


_COLUMNS = {"country_aliases.tsv": ("name", "alpha3"), "countries.tsv": ("name", "alpha3", "source"),
            "places.tsv": ("name", "kind", "country"), "demonyms.tsv": ("demonym", "alpha3")}


def _rows(fname: str):
    return read_rows(fname, _COLUMNS[fname])


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) <= 6 and all(c.isupper() for c in letters) and " " not in name


@lru_cache(maxsize=1)
def entries() -> dict[str, Entry]:
    """folded key -> entry. Priority: curated aliases > CLDR states > curated
    places > CLDR territories and regions."""
    table: dict[str, Entry] = {}

    def add(name: str, entry: Entry) -> None:
        table.setdefault(key(name), entry)

    for name, a3, *_ in _rows("country_aliases.tsv"):
        add(name, Entry(name, "COUNTRY", a3, "country", _is_acronym(name)))
    cldr = list(_rows("countries.tsv"))
    for name, a3, src in cldr:
        if src == "cldr":
            add(name, Entry(name, "COUNTRY", a3, "country", False))
    for name, kind, a3 in _rows("places.tsv"):
        add(name, Entry(name, "LOC", a3, kind, _is_acronym(name)))
    for name, a3, src in cldr:
        if src != "cldr":
            kind = "region" if src == "cldr-region" else "territory"
            add(name, Entry(name, "LOC", a3, kind, False))
    return table


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """folded demonym form -> alpha-3."""
    return {key(w): a3 for w, a3 in _rows("demonyms.tsv")}


def lookup(name: str) -> Optional[Entry]:
    e = entries().get(key(name))
    if e is None or (e.case_exact and name.strip() != e.name):
        return None
    return e


def country_code(name: str) -> Optional[str]:
    """ISO alpha-3 of a sovereign state's name (any known form), else None.
    Demonyms and continents give None."""
    e = lookup(name)
    return e.code if e and e.label == "COUNTRY" else None


def place_kind(name: str) -> Optional[str]:
    """Kind of a known non-country place (city, region, continent, sea…), else None."""
    e = lookup(name)
    return e.kind if e and e.label == "LOC" else None


def demonym_country(word: str) -> Optional[str]:
    """alpha-3 that a nationality adjective or demonym points to (``marocaine`` -> MAR)."""
    return demonyms().get(key(word))
