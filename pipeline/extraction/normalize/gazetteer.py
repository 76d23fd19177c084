"""Country, place and demonym gazetteers (pure Python, no spaCy).

Data lives in ``models/patterns/``: ``countries.tsv`` (generated from CLDR),
``country_aliases.tsv``, ``places.tsv`` and ``demonyms.txt`` (curated). Every
lookup goes through :func:`key`, so ``Etats-Unis``, ``États Unis`` and
``ETATS-UNIS`` are one entry, as are ``Côte d'Ivoire`` and ``Côte d’Ivoire``.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional
from pipeline.data import DATA_DIR

PATTERNS = DATA_DIR

APOSTROPHES = "'\u2019\u2018`\u00b4\u02bc\u2032"
HYPHENS = "-\u2010\u2011\u2012\u2013"
SPACES = " \t\u00a0\u202f\u2009"


def fold_char(c: str) -> str:
    """One character -> one character: lower case, no accent, ' for every
    apostrophe, - for every hyphen, ' ' for every inline space. Length-preserving
    so that offsets in folded text are offsets in the original."""
    if c in APOSTROPHES:
        return "'"
    if c in HYPHENS:
        return "-"
    if c in SPACES:
        return " "
    base = unicodedata.normalize("NFD", c)[0]
    low = base.lower()
    return low if len(low) == 1 else base


def fold(s: str) -> str:
    """Length-preserving normalization used for every lookup."""
    return "".join(fold_char(c) for c in s)


def key(name: str) -> str:
    """Lookup key of a name: folded, hyphens and runs of spaces as one space,
    no space after an apostrophe (``d' Ivoire`` = ``d'Ivoire``)."""
    out = []
    for c in fold(name.strip()):
        if c in " -":
            if out and out[-1] not in " '":
                out.append(" ")
        else:
            out.append(c)
    return "".join(out).strip()


@dataclass(frozen=True)
class Entry:
    name: str            # as written in the data file
    label: str           # COUNTRY or LOC
    code: str            # alpha-3 (country, or the country a place lies in), or ""
    kind: str            # "country", or the place kind
    case_exact: bool     # acronyms (RDC, USA) only match written the same way


def _rows(fname: str):
    with open(PATTERNS / fname, encoding="utf-8") as f:
        header = None
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None and fname.endswith(".tsv"):
                header = cols
                continue
            yield cols


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
    return {key(w): a3 for w, a3 in _rows("demonyms.txt")}


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
